/* rg-trash.c — move a session file to the Trash, and back
 *
 * GIO moves a file to the Trash but does not say where it went. To put
 * it back (the Undo of “Move to Trash”), the item is looked up as the
 * freedesktop.org Trash specification lays it out: first in the home
 * Trash ($XDG_DATA_HOME/Trash, where GIO puts every file of the home's
 * file system), by reading the .trashinfo files, then through the
 * trash:/// location when GVfs provides it (files of other disks). When
 * neither finds it, the caller is told that putting it back is not
 * possible; the file is still in the Trash, where the file manager can
 * restore it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-trash"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rg-trash.h"

#define TRASH_INFO_SUFFIX ".trashinfo"

typedef struct
{
  GFile *file;
  char  *deletion_date;
} Found;

static void
found_clear (Found *found)
{
  g_clear_object (&found->file);
  g_clear_pointer (&found->deletion_date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Found, found_clear)

/* Keeps the newest of the items trashed from the same place. Deletion
 * dates are ISO 8601 local times, which sort as strings. */
static void
found_offer (Found      *found,
             GFile      *file,
             const char *deletion_date)
{
  if (deletion_date == NULL)
    deletion_date = "";

  if (found->file != NULL && g_strcmp0 (found->deletion_date, deletion_date) > 0)
    return;

  g_set_object (&found->file, file);
  g_free (found->deletion_date);
  found->deletion_date = g_strdup (deletion_date);
}

static GFile *
find_in_home_trash (const char   *path,
                    GCancellable *cancellable)
{
  g_autofree char *trash_dir = g_build_filename (g_get_user_data_dir (), "Trash", NULL);
  g_autofree char *info_dir = g_build_filename (trash_dir, "info", NULL);
  g_autoptr(GDir) dir = NULL;
  g_auto(Found) found = { NULL, NULL };
  const char *name;

  if (!(dir = g_dir_open (info_dir, 0, NULL)))
    return NULL;

  while ((name = g_dir_read_name (dir)) && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *info_path = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *orig_path = NULL;
      g_autofree char *date = NULL;
      g_autofree char *item_name = NULL;
      g_autofree char *item_path = NULL;
      g_autoptr(GFile) item = NULL;

      if (!g_str_has_suffix (name, TRASH_INFO_SUFFIX))
        continue;

      info_path = g_build_filename (info_dir, name, NULL);
      if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL) ||
          !(escaped = g_key_file_get_string (info, "Trash Info", "Path", NULL)) ||
          !(orig_path = g_uri_unescape_string (escaped, NULL)) ||
          g_strcmp0 (orig_path, path) != 0)
        continue;

      date = g_key_file_get_string (info, "Trash Info", "DeletionDate", NULL);
      item_name = g_strndup (name, strlen (name) - strlen (TRASH_INFO_SUFFIX));
      item_path = g_build_filename (trash_dir, "files", item_name, NULL);
      if (!g_file_test (item_path, G_FILE_TEST_EXISTS))
        continue;

      item = g_file_new_for_path (item_path);
      found_offer (&found, item, date);
    }

  return g_steal_pointer (&found.file);
}

/* Through GVfs, which knows every Trash folder of every disk. */
static GFile *
find_in_trash_location (const char   *path,
                        GCancellable *cancellable)
{
  g_autoptr(GFile) trash = g_file_new_for_uri ("trash:///");
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_auto(Found) found = { NULL, NULL };

  enumerator = g_file_enumerate_children (trash,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_TRASH_ORIG_PATH ","
                                          G_FILE_ATTRIBUTE_TRASH_DELETION_DATE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;
      const char *orig_path;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, NULL) ||
          info == NULL)
        break;

      orig_path = g_file_info_get_attribute_byte_string (info, G_FILE_ATTRIBUTE_TRASH_ORIG_PATH);
      if (g_strcmp0 (orig_path, path) == 0)
        found_offer (&found, child,
                     g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_TRASH_DELETION_DATE));
    }

  return g_steal_pointer (&found.file);
}

/**
 * rg_trash_file:
 * @file: a local file
 * @trashed: (out) (optional) (nullable) (transfer full): where to put the
 *   item of the Trash that @file became, %NULL when it cannot be found
 *   (then rg_trash_restore () cannot put it back)
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Moves @file to the Trash, and finds it there so that it can be put
 * back. Does blocking I/O: call it from a thread.
 *
 * Returns: %TRUE if @file is in the Trash
 */
gboolean
rg_trash_file (GFile         *file,
               GFile        **trashed,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) item = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (trashed != NULL)
    *trashed = NULL;

  if (!g_file_trash (file, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_basename (file);

      /* Translators: "“séance.regards” could not be moved to the Trash:
       * <the reason>" */
      g_set_error (error, local_error->domain, local_error->code,
                   _("“%s” could not be moved to the Trash: %s"),
                   name, local_error->message);
      return FALSE;
    }

  if (trashed == NULL || !(path = g_file_get_path (file)))
    return TRUE;

  if (!(item = find_in_home_trash (path, cancellable)))
    item = find_in_trash_location (path, cancellable);

  *trashed = g_steal_pointer (&item);

  return TRUE;
}

/* The .trashinfo beside an item of a Trash folder, when it is one. */
static GFile *
get_info_file (GFile *trashed)
{
  g_autoptr(GFile) files_dir = g_file_get_parent (trashed);
  g_autoptr(GFile) trash_dir = NULL;
  g_autofree char *files_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *info_name = NULL;
  g_autofree char *relative = NULL;

  if (files_dir == NULL || !g_file_is_native (trashed))
    return NULL;

  files_name = g_file_get_basename (files_dir);
  if (g_strcmp0 (files_name, "files") != 0 || !(trash_dir = g_file_get_parent (files_dir)))
    return NULL;

  name = g_file_get_basename (trashed);
  info_name = g_strconcat (name, TRASH_INFO_SUFFIX, NULL);

  relative = g_build_filename ("info", info_name, NULL);

  return g_file_resolve_relative_path (trash_dir, relative);
}

/**
 * rg_trash_restore:
 * @trashed: the item of the Trash that rg_trash_file () found
 * @original: where the file was
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Puts a file that rg_trash_file () moved to the Trash back where it
 * was, unless another file took its place since. Does blocking I/O:
 * call it from a thread.
 *
 * Returns: %TRUE if @original is back
 */
gboolean
rg_trash_restore (GFile         *trashed,
                  GFile         *original,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) info_file = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (trashed), FALSE);
  g_return_val_if_fail (G_IS_FILE (original), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_basename (original);
  info_file = get_info_file (trashed);

  if (!g_file_move (trashed, original, G_FILE_COPY_NOFOLLOW_SYMLINKS | G_FILE_COPY_ALL_METADATA,
                    cancellable, NULL, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("“%s” cannot be put back: another file of that name took its place."),
                     name);
      else
        /* Translators: "“séance.regards” could not be put back from the
         * Trash: <the reason>" */
        g_set_error (error, local_error->domain, local_error->code,
                     _("“%s” could not be put back from the Trash: %s"),
                     name, local_error->message);
      return FALSE;
    }

  /* The file is back; a stale entry would only show an empty item. */
  if (info_file != NULL && !g_file_delete (info_file, NULL, &local_error))
    g_debug ("Could not remove the Trash entry of %s: %s", name, local_error->message);

  return TRUE;
}
