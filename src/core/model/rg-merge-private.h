/* rg-merge-private.h — setting the field of a conflict, for the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-merge.h"

G_BEGIN_DECLS

gboolean _rg_merge_can_set (RgSession  *session,
                            RgConflict *conflict,
                            const char *value);
void     _rg_merge_set     (RgSession  *session,
                            RgConflict *conflict,
                            const char *value);

G_END_DECLS
