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

/**
 * rg_paths_new_session_file:
 * @folder: the folder the session goes in
 * @title: (nullable): the session's title
 *
 * Names a new session file after its title, so that coordinators
 * recognise it in a file manager too: characters a file name cannot
 * hold are replaced, and a number is added when the name is taken.
 *
 * Returns: (transfer full): a file in @folder that does not exist yet
 */
GFile *
rg_paths_new_session_file (const char *folder,
                           const char *title)
{
  g_return_val_if_fail (folder != NULL, NULL);

  return rg_paths_new_named_file (folder, title, ".regards");
}

/**
 * rg_paths_new_named_file:
 * @folder: the folder the file goes in
 * @title: (nullable): what the file holds, in words
 * @suffix: the end of its name, ".regards-sitting"
 *
 * Same as rg_paths_new_session_file (), for a file of any kind Regards
 * writes.
 *
 * Returns: (transfer full): a file in @folder that does not exist yet
 */
GFile *
rg_paths_new_named_file (const char *folder,
                         const char *title,
                         const char *suffix)
{
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (suffix != NULL, NULL);

  stripped = g_strstrip (g_strdup (title ? title : ""));
  for (const char *p = stripped; *p != '\0' && base->len < 80; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c) ||
          (base->len == 0 && c == '.'))
        g_string_append_c (base, '-');
      else
        g_string_append_unichar (base, c);
    }
  if (base->len == 0)
    /* Translators: the file name of a session without a title. */
    g_string_append (base, _("Session"));

  for (guint i = 1; ; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      name = i == 1 ? g_strdup_printf ("%s%s", base->str, suffix)
                    : g_strdup_printf ("%s (%u)%s", base->str, i, suffix);
      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (path);
    }
}
