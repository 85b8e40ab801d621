/* rg-retention.c — how long the library keeps a situation, and erasing it
 *
 * The files are about children and their families: they are kept for a
 * set time after the situation's last session (two years by default, as
 * the CNIL's framework for the social sector recommends), then erased.
 * The library lists the situations past that time; erasing one removes
 * every session file of the situation in the library folder, the backups
 * kept beside them (`NAME~`), the conflict copies sync engines made of
 * them, the temporary files an interrupted save may have left, the
 * session files of the situation that were moved from the library to the
 * Trash, and their rows in the index. Nothing else is touched: each file
 * is read again before it is deleted, and one that no longer belongs to
 * the situation is left alone. Temporary files and conflict copies hold
 * a whole copy of a session, or its beginning: they are told by their
 * name (that of a session file erased) and the situation they hold, or,
 * when their name does not say (a file renamed since, a name too long to
 * be kept in theirs), by the situation they hold alone. Files in the
 * Trash are told by where they came from (the library folder, as their
 * .trashinfo says) and the situation, or the session, they hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-retention"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rg-file-io.h"
#include "rg-library-private.h"
#include "rg-retention.h"
#include "rg-sitting-xml.h"

/**
 * rg_retention_error_quark:
 *
 * Returns: the error domain of #RgRetentionError
 */
G_DEFINE_QUARK (rg-retention-error-quark, rg_retention_error)

/**
 * rg_retention_situation_free:
 * @situation: (transfer full) (nullable): a #RgRetentionSituation
 *
 * Frees @situation and its strings.
 */
void
rg_retention_situation_free (RgRetentionSituation *situation)
{
  if (situation == NULL)
    return;

  g_free (situation->id);
  g_free (situation->label);
  g_free (situation->last_date);
  g_free (situation);
}

/**
 * rg_retention_get_limit_date:
 * @years: how many years a situation is kept after its last session
 * @today: today's date, `YYYY-MM-DD`
 *
 * The date before which a situation's last session must have been held
 * for the situation to be past the retention period: @today, @years
 * earlier (the 29th of February becomes the 28th).
 *
 * Returns: (transfer full): the limit date, `YYYY-MM-DD`
 */
char *
rg_retention_get_limit_date (guint       years,
                             const char *today)
{
  GDate date;
  char text[16];

  g_return_val_if_fail (rg_date_is_valid (today), NULL);
  g_return_val_if_fail (years < 1000, NULL);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  (GDateDay) g_ascii_strtoull (today + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (today + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (today, NULL, 10));

  if (g_date_get_year (&date) <= years)
    return g_strdup ("0001-01-01");

  g_date_subtract_years (&date, years);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));

  return g_strdup (text);
}

static int
compare_situations (gconstpointer a,
                    gconstpointer b)
{
  const RgRetentionSituation *sa = *(RgRetentionSituation * const *) a;
  const RgRetentionSituation *sb = *(RgRetentionSituation * const *) b;
  int cmp = g_strcmp0 (sa->last_date, sb->last_date);

  return cmp != 0 ? cmp : g_strcmp0 (sa->label, sb->label);
}

/**
 * rg_retention_list_situations:
 * @library: a #RgLibrary
 * @limit_date: the limit, `YYYY-MM-DD`, from
 *   rg_retention_get_limit_date ()
 * @error: a location for a #GError
 *
 * Lists, from the index, the situations whose last session was held
 * before @limit_date, the oldest first.
 *
 * Returns: (transfer full) (element-type RgRetentionSituation) (nullable):
 *   the situations, or %NULL with @error set
 */
GPtrArray *
rg_retention_list_situations (RgLibrary   *library,
                              const char  *limit_date,
                              GError     **error)
{
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *situations;

  g_return_val_if_fail (RG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (rg_date_is_valid (limit_date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  query->last_session_before = g_strdup (limit_date);
  query->oldest_first = TRUE;
  if (!(entries = rg_library_query (library, query, error)))
    return NULL;

  situations = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_retention_situation_free);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (entries, i);
      const char *id = rg_library_entry_get_situation_id (entry);
      RgRetentionSituation *situation = g_hash_table_lookup (by_id, id);

      if (situation == NULL)
        {
          situation = g_new0 (RgRetentionSituation, 1);
          situation->id = g_strdup (id);
          g_ptr_array_add (situations, situation);
          g_hash_table_insert (by_id, situation->id, situation);
        }

      /* Oldest first: the last entry seen is the last session. */
      situation->n_sessions++;
      g_free (situation->label);
      situation->label = g_strdup (rg_library_entry_get_situation_label (entry));
      g_free (situation->last_date);
      situation->last_date = g_strdup (rg_library_entry_get_date (entry));
    }

  g_ptr_array_sort (situations, compare_situations);

  return situations;
}

/* What is being erased: the situation, and the sessions of it the index
 * listed, whose copies may have kept their id but not their situation
 * (none yet, in a conflict copy older than it). */
typedef struct
{
  const char *situation_id;
  GHashTable *session_ids;   /* of the session files erased */
} Erasing;

/* Whether the file at @path holds a session of the situation, or one of
 * its sessions. A save killed half-way leaves the beginning of one,
 * which the loader refuses: its situation element, near the start,
 * still says. */
static gboolean
holds_situation (const char    *path,
                 const Erasing *erasing)
{
  g_autoptr(GBytes) bytes = _rg_library_read_file (path, NULL);
  g_autoptr(RgLibraryRecord) record = NULL;
  g_autofree char *marker = NULL;
  const char *situation_id = erasing->situation_id;
  const char *data;
  gsize size;

  if (bytes == NULL)
    return FALSE;

  if ((record = _rg_library_record_load (path, bytes, NULL)))
    return g_strcmp0 (record->situation_id, situation_id) == 0 ||
           (record->id != NULL && g_hash_table_contains (erasing->session_ids, record->id));

  /* As rg_session_to_bytes () writes it: the id first */
  marker = g_strdup_printf ("<situation id=\"%s\"", situation_id);
  data = g_bytes_get_data (bytes, &size);

  return data != NULL && memmem (data, size, marker, strlen (marker)) != NULL;
}

static void
set_delete_error (GError     **error,
                  const char  *path,
                  int          errsv)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (error == NULL || *error != NULL)
    return;

  g_set_error (error, RG_RETENTION_ERROR, RG_RETENTION_ERROR_DELETE_FAILED,
               _("“%s” could not be deleted (%s). Check that the file is not open in "
                 "another program, then erase the situation again."),
               name, g_strerror (errsv));
}

/* Deletes @path; %TRUE if it was there and is gone. */
static gboolean
delete_file (const char  *path,
             GError     **first_error)
{
  if (g_unlink (path) == 0)
    return TRUE;

  if (errno != ENOENT)
    set_delete_error (first_error, path, errno);

  return FALSE;
}

/* The conflict copies, in @dir, of the session files named in
 * @basenames (the index did not list them: they cannot be loaded), and
 * the backups of all these files, and the temporary files of these files
 * or of the situation. */
static void
erase_companions (const char        *dir,
                  GHashTable        *basenames,
                  const Erasing     *erasing,
                  RgRetentionErased *erased,
                  GError           **first_error)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;

  /* Listed first: deleting while reading a folder may skip entries. */
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  /* The copies first: their backups go next */
  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *original = rg_conflict_name_parse (entry, NULL);
      g_autofree char *path = NULL;

      if (original == NULL || !g_hash_table_contains (basenames, original) ||
          g_hash_table_contains (basenames, entry))
        continue;

      path = g_build_filename (dir, entry, NULL);
      if (holds_situation (path, erasing) && delete_file (path, first_error))
        {
          erased->n_conflict_copies++;
          g_hash_table_add (basenames, g_strdup (entry));
        }
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      g_autofree char *saved_name = NULL;

      if (g_str_has_suffix (entry, "~"))
        {
          g_autofree char *stem = g_strndup (entry, strlen (entry) - 1);

          if (g_hash_table_contains (basenames, stem) && delete_file (path, first_error))
            erased->n_backups++;
          continue;
        }

      if (!(saved_name = rg_file_parse_temp_name (entry, NULL)))
        continue;

      if ((g_hash_table_contains (basenames, saved_name)
           || holds_situation (path, erasing))
          && delete_file (path, first_error))
        erased->n_temporary++;
    }
}

#define TRASH_INFO_SUFFIX ".trashinfo"

/* The files of the situation that were moved from the library folder
 * to the Trash: Regards moves a session file there (Move to Trash, or a
 * conflict copy once merged), where it stays until the Trash is
 * emptied. The home Trash only, where the files of the home's disk go;
 * each item's .trashinfo says where it came from. */
static void
erase_from_trash (const char        *folder,
                  const Erasing     *erasing,
                  RgRetentionErased *erased,
                  GError           **first_error)
{
  g_autofree char *trash = g_build_filename (g_get_user_data_dir (), "Trash", NULL);
  g_autofree char *info_dir = g_build_filename (trash, "info", NULL);
  g_autofree char *inside = g_str_has_suffix (folder, G_DIR_SEPARATOR_S)
                            ? g_strdup (folder) : g_strconcat (folder, G_DIR_SEPARATOR_S, NULL);
  g_autoptr(GDir) handle = g_dir_open (info_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, TRASH_INFO_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));

  for (guint i = 0; i < names->len; i++)
    {
      const char *info_name = g_ptr_array_index (names, i);
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *info_path = g_build_filename (info_dir, info_name, NULL);
      g_autofree char *escaped = NULL;
      g_autofree char *orig_path = NULL;
      g_autofree char *item_name = NULL;
      g_autofree char *item_path = NULL;

      if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL) ||
          !(escaped = g_key_file_get_string (info, "Trash Info", "Path", NULL)) ||
          !(orig_path = g_uri_unescape_string (escaped, NULL)) ||
          !g_str_has_prefix (orig_path, inside))
        continue;

      item_name = g_strndup (info_name, strlen (info_name) - strlen (TRASH_INFO_SUFFIX));
      item_path = g_build_filename (trash, "files", item_name, NULL);

      /* Regards moves files there, never folders */
      if (!g_file_test (item_path, G_FILE_TEST_IS_REGULAR) ||
          g_file_test (item_path, G_FILE_TEST_IS_SYMLINK) ||
          !holds_situation (item_path, erasing))
        continue;

      if (delete_file (item_path, first_error))
        {
          erased->n_trashed++;
          /* Without its item, the entry would show an empty one */
          g_unlink (info_path);
        }
    }
}

/* The team sittings that list the situation: its items go from their
 * agenda, with its label, its code and the people invited for it; the
 * sitting stays, with its other children. A sitting changed meanwhile
 * is left as it is and said in @first_error. Its backup, which still
 * names the situation, is deleted: the sitting is now its only version.
 * Returns whether a sitting file changed. */
static gboolean
erase_from_sittings (RgLibrary         *library,
                     const Erasing     *erasing,
                     RgRetentionErased *erased,
                     GError           **first_error)
{
  g_autoptr(GListModel) sittings = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean changed = FALSE;

  if (!(sittings = rg_library_list_sittings (library, NULL, NULL, &local_error)))
    {
      if (*first_error == NULL)
        *first_error = g_steal_pointer (&local_error);
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (sittings); i++)
    {
      g_autoptr(RgLibrarySitting) entry = g_list_model_get_item (sittings, i);
      const char *path = rg_library_sitting_get_path (entry);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RgSitting) sitting = NULL;
      g_autofree char *checksum = NULL;
      g_autofree char *backup = NULL;
      GListModel *items;
      gboolean had_backup;
      guint removed = 0;

      if (rg_library_sitting_get_n_situations (entry) == 0 ||
          !(sitting = rg_sitting_load (file, &checksum, NULL, NULL)))
        continue;

      items = rg_sitting_get_items (sitting);
      for (guint j = g_list_model_get_n_items (items); j > 0; j--)
        {
          g_autoptr(RgSittingItem) item = g_list_model_get_item (items, j - 1);

          if (g_strcmp0 (rg_sitting_item_get_situation_id (item), erasing->situation_id) == 0)
            removed += rg_sitting_remove_item (sitting, item);
        }
      if (removed == 0)
        continue;

      /* Writing keeps the version before as a backup: one that was
       * there already is counted as erased, the one just made is not */
      backup = g_strconcat (path, "~", NULL);
      had_backup = g_file_test (backup, G_FILE_TEST_EXISTS);
      if (!rg_sitting_save (sitting, file, checksum, NULL, NULL, &local_error))
        {
          if (*first_error == NULL)
            *first_error = g_steal_pointer (&local_error);
          g_clear_error (&local_error);
          continue;
        }

      changed = TRUE;
      erased->n_sittings++;
      if (delete_file (backup, first_error) && had_backup)
        erased->n_backups++;
    }

  return changed;
}

/* Whether the file at @path still belongs to the situation; a file that
 * is gone does, for its backup to be erased too. */
static gboolean
belongs_to (const char *path,
            const char *situation_id)
{
  g_autoptr(RgLibraryRecord) record = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  record = _rg_library_record_load (path, NULL, NULL);

  return record != NULL && g_strcmp0 (record->situation_id, situation_id) == 0;
}

/**
 * rg_retention_erase_situation:
 * @library: a #RgLibrary, its index up to date (after a scan)
 * @situation_id: the id of the situation to erase
 * @erased: (out caller-allocates) (optional): what was removed
 * @error: a location for a #GError
 *
 * Erases a situation from the library, for good, in the calling thread:
 * every session file of the situation the index lists, the backup of
 * each (`NAME~`), the conflict copies sync engines made of them, the
 * temporary files of its interrupted saves, the files of the situation
 * moved from the library folder to the Trash (the home Trash, under
 * `$XDG_DATA_HOME/Trash`), and their rows of the index, of which nothing
 * is left in the index's files (nor in an index set aside earlier). Each
 * file is read again first: one that no longer belongs to the situation
 * is left as it is (and counted in @erased as kept). The team sittings
 * of the library that list the situation lose its items (with its label,
 * code and invitees), and their backups go. No other file is touched.
 * This cannot be undone: the files do not go to the Trash.
 *
 * Returns: %TRUE if everything of the situation is gone; %FALSE with
 *   @error set if the situation has no session in the library, or if a
 *   file could not be deleted (the others are erased all the same)
 */
gboolean
rg_retention_erase_situation (RgLibrary          *library,
                              const char         *situation_id,
                              RgRetentionErased  *erased,
                              GError            **error)
{
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GHashTable) folders = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GHashTable) session_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Erasing erasing = { situation_id, session_ids };
  RgRetentionErased counts = { 0, };
  gboolean sittings_changed;
  GHashTableIter iter;
  gpointer dir;
  gpointer basenames;
  guint n;

  g_return_val_if_fail (RG_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (situation_id != NULL && situation_id[0] != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (erased != NULL)
    memset (erased, 0, sizeof *erased);

  query->situation_id = g_strdup (situation_id);
  if (!(entries = rg_library_query (library, query, error)))
    return FALSE;

  n = g_list_model_get_n_items (entries);
  if (n == 0)
    {
      g_set_error_literal (error, RG_RETENTION_ERROR, RG_RETENTION_ERROR_NO_SITUATION,
                           _("The library has no session of this situation any more."));
      return FALSE;
    }

  /* folder → set of the names of its erased session files */
  folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(GFile) file = rg_library_entry_dup_file (entry);
      g_autoptr(GError) local_error = NULL;
      const char *path = rg_library_entry_get_path (entry);
      GHashTable *names;
      char *folder;

      if (!belongs_to (path, situation_id))
        {
          /* Changed since the index saw it: bring its row up to date. */
          counts.n_kept++;
          rg_library_update_file (library, file, NULL, NULL);
          continue;
        }

      if (rg_library_entry_get_id (entry) != NULL)
        g_hash_table_add (session_ids, g_strdup (rg_library_entry_get_id (entry)));

      if (delete_file (path, &first_error))
        {
          if (rg_library_entry_get_conflict_of (entry) != NULL)
            counts.n_conflict_copies++;
          else
            counts.n_sessions++;
        }
      else if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      if (!rg_library_remove_file (library, file, &local_error))
        {
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
        }
      else
        counts.n_index_rows++;

      folder = g_path_get_dirname (path);
      names = g_hash_table_lookup (folders, folder);
      if (names == NULL)
        {
          names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (folders, folder, names);
        }
      else
        g_free (folder);
      g_hash_table_add (names, g_path_get_basename (path));
    }

  g_hash_table_iter_init (&iter, folders);
  while (g_hash_table_iter_next (&iter, &dir, &basenames))
    erase_companions (dir, basenames, &erasing, &counts, &first_error);

  erase_from_trash (rg_library_get_folder (library), &erasing, &counts, &first_error);

  /* The sittings rewritten are indexed again, without the situation */
  sittings_changed = erase_from_sittings (library, &erasing, &counts, &first_error);
  if (sittings_changed)
    {
      g_autoptr(RgLibraryScanResult) result = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(result = rg_library_scan (library, NULL, &local_error)) && first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }

  /* Deleted rows leave words in the full-text index until it is merged */
  if (counts.n_index_rows > 0 || sittings_changed)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_rg_library_purge (library, &local_error) && first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }

  if (erased != NULL)
    *erased = counts;

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}
