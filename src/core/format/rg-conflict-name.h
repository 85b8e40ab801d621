/* rg-conflict-name.h — the names sync engines give conflict copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the name of a session file ends */
#define RG_SESSION_FILE_SUFFIX ".regards"

char *rg_conflict_name_parse (const char  *name,
                              GDateTime  **time);
gboolean rg_conflict_name_is_syncthing_version (const char *name,
                                                const char *original);

G_END_DECLS
