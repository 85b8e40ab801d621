/* rg-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-paths"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rg-paths.h"

/**
 * rg_paths_get_default_library_dir:
 *
 * The folder that holds the session files when the user chose none:
 * `$XDG_DATA_HOME/regards/sessions`.
 *
 * Returns: (transfer full): a newly allocated path
 */
char *
rg_paths_get_default_library_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "regards", "sessions", NULL);
}

/**
 * rg_paths_get_cache_dir:
 *
 * The folder of the library index: `$XDG_CACHE_HOME/regards`.
 *
 * Returns: (transfer full): a newly allocated path
 */
char *
rg_paths_get_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "regards", NULL);
}

/**
 * rg_paths_ensure_private_dir:
 * @path: a folder
 * @error: a location for a #GError
 *
 * Creates @path and its parents if needed. A folder created here is
 * readable by its owner only (0700), since it holds data about children
 * and families.
 *
 * Returns: %TRUE if the folder exists afterwards
 */
gboolean
rg_paths_ensure_private_dir (const char  *path,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"),
                   display, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}
