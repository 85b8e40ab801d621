/* rg-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char    *rg_paths_get_default_library_dir (void);
char    *rg_paths_get_cache_dir           (void);
gboolean rg_paths_ensure_private_dir      (const char  *path,
                                           GError     **error);
GFile   *rg_paths_new_session_file        (const char  *folder,
                                           const char  *title);
GFile   *rg_paths_new_named_file          (const char  *folder,
                                           const char  *title,
                                           const char  *suffix);

G_END_DECLS
