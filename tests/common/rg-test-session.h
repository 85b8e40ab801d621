/* rg-test-session.h — loading sessions, in core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

char      *rg_test_example_path (void);
RgSession *rg_test_load_session (const char *path);
RgSession *rg_test_load_example (void);

G_END_DECLS
