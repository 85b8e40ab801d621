/* rg-cli-session.h — what the commands on one session file share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

RgSession *rg_cli_session_load        (const char    *path,
                                       GError       **error);
void       rg_cli_session_print_error (const char    *path,
                                       const GError  *error);

G_END_DECLS
