/* test-retention.c — situations kept past the retention period, erased
 * for good on real files: no session file, backup, temporary file or
 * index row of the situation left, nothing else touched. And what the
 * index says of actions and consent, which the library shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rg-file-io.h"
#include "rg-library-private.h"
#include "rg-retention.h"
#include "rg-session-xml.h"
#include "rg-sitting-xml.h"
#include "rg-test-utils.h"
#include "rg-trash.h"

typedef struct
{
  char      *root;
  char      *folder;
  char      *database;
  RgLibrary *library;
} Place;

static guint place_counter;

static Place *
place_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("place-%u", ++place_counter);
  Place *place = g_new0 (Place, 1);

  place->root = g_build_filename (g_get_user_data_dir (), name, NULL);
  place->folder = g_build_filename (place->root, "Sessions", NULL);
  place->database = g_build_filename (place->root, "index.sqlite", NULL);
  g_assert_cmpint (g_mkdir_with_parents (place->folder, 0700), ==, 0);
  place->library = rg_library_new (place->folder, place->database, &error);
  g_assert_no_error (error);

  return place;
}

static void
place_free (Place *place)
{
  g_assert_finalize_object (place->library);
  g_free (place->root);
  g_free (place->folder);
  g_free (place->database);
  g_free (place);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Place, place_free)

static RgSession *
make_session (const char *situation_id,
              const char *label,
              const char *date)
{
  RgSession *session = rg_session_new ();

  rg_session_set_title (session, "Revue de situation");
  rg_session_set_date (session, date);
  rg_session_set_situation_id (session, situation_id);
  rg_session_set_situation_label (session, label);

  return session;
}

/* Saves as the application does: atomically, the previous version kept
 * as NAME~. */
static char *
save (Place      *place,
      const char *relpath,
      RgSession  *session)
{
  g_autofree char *path = g_build_filename (place->folder, relpath, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  rg_file_write_atomic (file, bytes, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
touch (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "x", 1, &error);
  g_assert_no_error (error);
}

static void
scan (Place *place)
{
  g_autoptr(RgLibraryScanResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = rg_library_scan (place->library, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
}

static gint64
count_rows (Place      *place,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (place->database, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static GListModel *
query_situation (Place      *place,
                 const char *situation_id)
{
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GError) error = NULL;
  GListModel *entries;

  query->situation_id = g_strdup (situation_id);
  entries = rg_library_query (place->library, query, &error);
  g_assert_no_error (error);

  return entries;
}

static void
test_limit_date (void)
{
  g_autofree char *a = rg_retention_get_limit_date (2, "2026-11-25");
  g_autofree char *b = rg_retention_get_limit_date (1, "2028-02-29");
  g_autofree char *c = rg_retention_get_limit_date (0, "2026-11-25");
  g_autofree char *d = rg_retention_get_limit_date (5, "0003-01-01");

  g_assert_cmpstr (a, ==, "2024-11-25");
  g_assert_cmpstr (b, ==, "2027-02-28");
  g_assert_cmpstr (c, ==, "2026-11-25");
  g_assert_cmpstr (d, ==, "0001-01-01");
}

#define OLD "6f1d2a3b-0c4d-4e5f-8a6b-7c8d9e0f1a2b"
#define RECENT "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
#define MIXED "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b"

static void
test_list (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GPtrArray) situations = NULL;
  g_autoptr(GError) error = NULL;
  RgRetentionSituation *situation;
  struct { const char *id; const char *label; const char *date; const char *name; } files[] = {
    { OLD, "Élève A., CM1", "2022-03-01", "a-1.regards" },
    { OLD, "Élève A., CM2", "2023-06-10", "2023/a-2.regards" },
    { RECENT, "Élève B., 6e", "2026-10-01", "b.regards" },
    /* An old session, but the situation went on: not past retention */
    { MIXED, "Élève C., CE2", "2021-01-05", "c-1.regards" },
    { MIXED, "Élève C., CM1", "2025-01-05", "c-2.regards" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(RgSession) session = make_session (files[i].id, files[i].label, files[i].date);

      g_free (save (place, files[i].name, session));
    }
  scan (place);

  situations = rg_retention_list_situations (place->library, "2024-11-25", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (situations->len, ==, 1);
  situation = g_ptr_array_index (situations, 0);
  g_assert_cmpstr (situation->id, ==, OLD);
  g_assert_cmpstr (situation->label, ==, "Élève A., CM2");
  g_assert_cmpstr (situation->last_date, ==, "2023-06-10");
  g_assert_cmpuint (situation->n_sessions, ==, 2);
  g_clear_pointer (&situations, g_ptr_array_unref);

  /* The limit itself is not past */
  situations = rg_retention_list_situations (place->library, "2023-06-10", &error);
  g_assert_cmpuint (situations->len, ==, 0);
  g_clear_pointer (&situations, g_ptr_array_unref);

  situations = rg_retention_list_situations (place->library, "2025-06-01", &error);
  g_assert_cmpuint (situations->len, ==, 2);
  g_assert_cmpstr (((RgRetentionSituation *) g_ptr_array_index (situations, 0))->id, ==, OLD);
  g_assert_cmpstr (((RgRetentionSituation *) g_ptr_array_index (situations, 1))->id, ==, MIXED);
  g_clear_pointer (&situations, g_ptr_array_unref);

  /* The library filter gives their sessions */
  {
    g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
    g_autoptr(GListModel) entries = NULL;

    query->last_session_before = g_strdup ("2025-06-01");
    g_assert_true (rg_library_query_has_criteria (query));
    entries = rg_library_query (place->library, query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 4);

    g_free (query->last_session_before);
    query->last_session_before = g_strdup ("pas une date");
    g_assert_null (rg_library_query (place->library, query, &error));
    g_assert_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_INVALID_QUERY);
  }
}

/* Whether the bytes of the index's files hold @word, in any case */
static gboolean
index_files_hold (Place      *place,
                  const char *word)
{
  const char *suffixes[] = { "", "-wal", "-journal" };
  g_autofree char *lower = g_ascii_strdown (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (place->database, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (path, &contents, &len, NULL))
        continue;

      if (memmem (contents, len, word, strlen (word)) != NULL ||
          memmem (contents, len, lower, strlen (lower)) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
assert_exists (const char *path,
               gboolean    exists)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS) != exists)
    g_error ("%s should %s", path, exists ? "exist" : "be gone");
}

/* The tables of a session's objects, whose rows go with the session's. */
static const char * const object_tables[] = {
  "actions", "links", "review_items", "consents", "criteria", "contributions",
};

static void
test_erase (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) a1 = make_session (OLD, "Élève A., CM1", "2022-03-01");
  g_autoptr(RgSession) a2 = make_session (OLD, "Élève A., CM2", "2023-06-10");
  g_autoptr(RgSession) b = make_session (RECENT, "Élève B., 6e", "2026-10-01");
  g_autoptr(GListModel) left = NULL;
  g_autofree char *a1_path = NULL;
  g_autofree char *a2_path = NULL;
  g_autofree char *b_path = NULL;
  g_autofree char *a1_backup = NULL;
  g_autofree char *a2_backup = NULL;
  g_autofree char *b_backup = NULL;
  g_autofree char *a1_temp = NULL;
  g_autofree char *a2_temp = NULL;
  g_autofree char *b_temp = NULL;
  g_autofree char *lookalike = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *old_index = NULL;
  RgRetentionErased erased;

  /* A word found nowhere else, to look for in the index's files */
  rg_session_set_title (a1, "Suivi Zorglubovitch");

  /* Each saved twice: a backup beside each */
  a1_path = save (place, "a-1.regards", a1);
  g_free (save (place, "a-1.regards", a1));
  a2_path = save (place, "2023/a-2.regards", a2);
  g_free (save (place, "2023/a-2.regards", a2));
  b_path = save (place, "b.regards", b);
  g_free (save (place, "b.regards", b));
  a1_backup = g_strconcat (a1_path, "~", NULL);
  a2_backup = g_strconcat (a2_path, "~", NULL);
  b_backup = g_strconcat (b_path, "~", NULL);
  assert_exists (a1_backup, TRUE);
  assert_exists (a2_backup, TRUE);
  assert_exists (b_backup, TRUE);

  /* What an interrupted save leaves, of each */
  a1_temp = g_build_filename (place->folder, ".a-1.regards-Ab12Cd.tmp", NULL);
  a2_temp = g_build_filename (place->folder, "2023", ".a-2.regards~-0a1b2c3d.tmp", NULL);
  b_temp = g_build_filename (place->folder, ".b.regards-Xy34Zw.tmp", NULL);
  touch (a1_temp);
  touch (a2_temp);
  touch (b_temp);
  /* Files that only look alike, and a file that is no session */
  lookalike = g_build_filename (place->folder, ".a-1.regards-long-name.tmp", NULL);
  notes = g_build_filename (place->folder, "a-1.txt", NULL);
  touch (lookalike);
  touch (notes);

  scan (place);
  g_assert_cmpint (count_rows (place, "SELECT count(*) FROM sessions"), ==, 3);
  g_assert_true (index_files_hold (place, "Zorglubovitch"));
  /* An index set aside once, after damage */
  old_index = g_strconcat (place->database, ".old", NULL);
  touch (old_index);

  g_assert_true (rg_retention_erase_situation (place->library, OLD, &erased, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (erased.n_sessions, ==, 2);
  g_assert_cmpuint (erased.n_backups, ==, 2);
  g_assert_cmpuint (erased.n_temporary, ==, 2);
  g_assert_cmpuint (erased.n_index_rows, ==, 2);
  g_assert_cmpuint (erased.n_kept, ==, 0);

  /* Nothing of the situation is left… */
  assert_exists (a1_path, FALSE);
  assert_exists (a2_path, FALSE);
  assert_exists (a1_backup, FALSE);
  assert_exists (a2_backup, FALSE);
  assert_exists (a1_temp, FALSE);
  assert_exists (a2_temp, FALSE);
  left = query_situation (place, OLD);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 0);
  g_assert_cmpint (count_rows (place, "SELECT count(*) FROM sessions WHERE situation_id = '"
                                      OLD "'"), ==, 0);
  g_assert_cmpint (count_rows (place, "SELECT count(*) FROM sessions"), ==, 1);
  g_assert_cmpint (count_rows (place, "SELECT count(*) FROM session_text"), ==, 1);
  g_assert_cmpint (count_rows (place, "SELECT count(*) FROM partners WHERE rowid / 1024 NOT IN"
                                      " (SELECT id FROM sessions)"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (object_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE session_id NOT IN"
                                              " (SELECT id FROM sessions)", object_tables[i]);

      g_assert_cmpint (count_rows (place, sql), ==, 0);
    }
  /* Not even in the free pages, the journal, the words of the full-text
   * search or an old index */
  g_assert_false (index_files_hold (place, "Zorglubovitch"));
  assert_exists (old_index, FALSE);

  /* …and nothing else was touched */
  assert_exists (b_path, TRUE);
  assert_exists (b_backup, TRUE);
  assert_exists (b_temp, TRUE);
  assert_exists (lookalike, TRUE);
  assert_exists (notes, TRUE);
  g_clear_object (&left);
  left = query_situation (place, RECENT);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 1);

  /* A rescan finds nothing of it again */
  scan (place);
  g_clear_object (&left);
  left = query_situation (place, OLD);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 0);

  /* Erasing again: nothing to erase, said so */
  g_assert_false (rg_retention_erase_situation (place->library, OLD, &erased, &error));
  g_assert_error (error, RG_RETENTION_ERROR, RG_RETENTION_ERROR_NO_SITUATION);
  g_assert_cmpuint (erased.n_sessions, ==, 0);
}

/* A file the index still lists under the situation but which now belongs
 * to another one is left alone. */
static void
test_erase_changed_file (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) a = make_session (OLD, "Élève A., CM1", "2022-03-01");
  g_autoptr(RgSession) moved = make_session (OLD, "Élève A., CM2", "2023-03-01");
  g_autoptr(GListModel) left = NULL;
  g_autofree char *a_path = save (place, "a.regards", a);
  g_autofree char *moved_path = save (place, "moved.regards", moved);
  RgRetentionErased erased;

  scan (place);

  /* Changed behind the index's back */
  rg_session_set_situation_id (moved, RECENT);
  g_free (save (place, "moved.regards", moved));

  g_assert_true (rg_retention_erase_situation (place->library, OLD, &erased, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (erased.n_sessions, ==, 1);
  g_assert_cmpuint (erased.n_kept, ==, 1);
  assert_exists (a_path, FALSE);
  assert_exists (moved_path, TRUE);

  /* Its row now says where it belongs */
  left = query_situation (place, RECENT);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 1);
}

/* Writes the first @len bytes of @session (all of it if -1) to @name in
 * the library folder, as a save killed half-way leaves them. */
static char *
write_part (Place      *place,
            const char *name,
            RgSession  *session,
            gssize      len)
{
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (place->folder, name, NULL);

  if (len < 0)
    len = g_bytes_get_size (bytes);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), len, &error);
  g_assert_no_error (error);

  return path;
}

/* Temporary files whose name does not say whose they are: told by the
 * situation they hold, even cut short. */
static void
test_erase_temporary_by_content (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) a = make_session (OLD, "Élève A., CM1", "2022-03-01");
  g_autoptr(RgSession) b = make_session (RECENT, "Élève B., 6e", "2026-10-01");
  g_autofree char *a_path = save (place, "a.regards", a);
  g_autofree char *b_path = save (place, "b.regards", b);
  g_autoptr(GBytes) a_bytes = rg_session_to_bytes (a);
  g_autofree char *long_name = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *cut_short = NULL;
  g_autofree char *too_short = NULL;
  g_autofree char *of_b = NULL;
  g_autofree char *of_b_short = NULL;
  const char *a_data = g_bytes_get_data (a_bytes, NULL);
  gsize after_situation;
  RgRetentionErased erased;

  after_situation = strstr (a_data, "<situation id=") - a_data
                    + strlen ("<situation id=\"" OLD "\"");

  /* A session of the situation under the name of a file too long to
   * appear in it, or of a file renamed since; one cut short after its
   * situation, one before it */
  long_name = write_part (place, ".regards-Ab12Cd.tmp", a, -1);
  renamed = write_part (place, ".ancien nom.regards~-0a1b2c3d.tmp", a, -1);
  cut_short = write_part (place, ".regards-Cut000.tmp", a, after_situation);
  too_short = write_part (place, ".regards-Cut001.tmp", a, 60);
  /* Another situation's, whatever its name */
  of_b = write_part (place, ".regards-Bb12Bb.tmp", b, -1);
  of_b_short = write_part (place, ".autre.regards-Bb34Bb.tmp", b, 200);

  scan (place);
  g_assert_true (rg_retention_erase_situation (place->library, OLD, &erased, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (erased.n_sessions, ==, 1);
  g_assert_cmpuint (erased.n_temporary, ==, 3);

  assert_exists (a_path, FALSE);
  assert_exists (long_name, FALSE);
  assert_exists (renamed, FALSE);
  assert_exists (cut_short, FALSE);
  /* Too short to tell: holds no more than the file's first line */
  assert_exists (too_short, TRUE);
  assert_exists (b_path, TRUE);
  assert_exists (of_b, TRUE);
  assert_exists (of_b_short, TRUE);
}

/* Moves @path to the Trash as Regards does; %NULL when there is no
 * Trash here (then the test is skipped) */
static char *
to_trash (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) trashed = NULL;
  g_autoptr(GError) error = NULL;

  if (!rg_trash_file (file, &trashed, NULL, &error))
    {
      g_test_skip_printf ("The Trash is not available here: %s", error->message);
      return NULL;
    }

  g_assert_nonnull (trashed);
  return g_file_get_path (trashed);
}

static char *
trash_info_of (const char *item)
{
  g_autofree char *name = g_path_get_basename (item);
  g_autofree char *info_name = g_strconcat (name, ".trashinfo", NULL);

  return g_build_filename (g_get_user_data_dir (), "Trash", "info", info_name, NULL);
}

/* A situation shared through a sync engine leaves more of it than the
 * library lists: conflict copies, and what was moved to the Trash. All
 * go, told by their name and their content; nothing else does. */
static void
test_erase_copies_and_trash (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) a = make_session (OLD, "Élève A., CM1", "2022-03-01");
  g_autoptr(RgSession) a_trashed = make_session (OLD, "Élève A., CE2", "2021-03-01");
  g_autoptr(RgSession) a_elsewhere = make_session (OLD, "Élève A., CE1", "2020-03-01");
  g_autoptr(RgSession) b = make_session (RECENT, "Élève B., 6e", "2026-10-01");
  g_autoptr(RgSession) a_before = NULL;
  g_autofree char *a_path = NULL;
  g_autofree char *b_path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_backup = NULL;
  g_autofree char *broken_copy = NULL;
  g_autofree char *other_copy = NULL;
  g_autofree char *b_copy = NULL;
  g_autofree char *in_trash = NULL;
  g_autofree char *in_trash_by_id = NULL;
  g_autofree char *b_in_trash = NULL;
  g_autofree char *outside_in_trash = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *trashed_path = NULL;
  g_autoptr(GBytes) a_bytes = NULL;
  RgRetentionErased erased;

  a_path = save (place, "a.regards", a);
  b_path = save (place, "b.regards", b);
  a_bytes = rg_session_to_bytes (a);

  /* Copies of a: a whole one, with a backup of its own; one cut short,
   * which cannot be loaded; and files only named as copies of a or of b */
  copy = save (place, "a (conflicted copy Camille 2026-12-04 120000).regards", a);
  g_free (save (place, "a (conflicted copy Camille 2026-12-04 120000).regards", a));
  copy_backup = g_strconcat (copy, "~", NULL);
  assert_exists (copy_backup, TRUE);
  broken_copy = write_part (place, "a.sync-conflict-20261204-120000-ABCDEF7.regards", a,
                            strstr (g_bytes_get_data (a_bytes, NULL), "<situation id=") -
                            (const char *) g_bytes_get_data (a_bytes, NULL) +
                            strlen ("<situation id=\"" OLD "\""));
  other_copy = write_part (place, "a (Camille's conflicted copy 2026-12-04).regards", b, -1);
  b_copy = write_part (place, "b (conflict 2026-12-04 12-00-00).regards", b, -1);

  /* In the Trash: a session of the situation; a version of a under
   * another situation (the same session id); one of b; one of the
   * situation from elsewhere */
  trashed_path = save (place, "a-ancienne.regards", a_trashed);
  if (!(in_trash = to_trash (trashed_path)))
    return;
  g_clear_pointer (&trashed_path, g_free);
  a_before = rg_session_new_from_bytes (a_bytes, &error);
  g_assert_no_error (error);
  rg_session_set_situation_id (a_before, RECENT);
  trashed_path = save (place, "a-brouillon.regards", a_before);
  in_trash_by_id = to_trash (trashed_path);
  g_clear_pointer (&trashed_path, g_free);
  trashed_path = save (place, "b-ancienne.regards", b);
  b_in_trash = to_trash (trashed_path);
  outside = g_build_filename (place->root, "ailleurs.regards", NULL);
  {
    g_autoptr(GFile) file = g_file_new_for_path (outside);
    g_autoptr(GBytes) bytes = rg_session_to_bytes (a_elsewhere);

    g_assert_true (rg_file_write_atomic (file, bytes, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  outside_in_trash = to_trash (outside);

  scan (place);
  g_assert_true (rg_retention_erase_situation (place->library, OLD, &erased, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (erased.n_sessions, ==, 1);
  g_assert_cmpuint (erased.n_conflict_copies, ==, 2);
  g_assert_cmpuint (erased.n_backups, ==, 1);
  g_assert_cmpuint (erased.n_trashed, ==, 2);
  g_assert_cmpuint (erased.n_index_rows, ==, 2);

  assert_exists (a_path, FALSE);
  assert_exists (copy, FALSE);
  assert_exists (copy_backup, FALSE);
  assert_exists (broken_copy, FALSE);
  assert_exists (in_trash, FALSE);
  assert_exists (in_trash_by_id, FALSE);
  {
    g_autofree char *info = trash_info_of (in_trash);
    g_autofree char *info_by_id = trash_info_of (in_trash_by_id);

    assert_exists (info, FALSE);
    assert_exists (info_by_id, FALSE);
  }

  /* Not the others' */
  assert_exists (b_path, TRUE);
  assert_exists (other_copy, TRUE);
  assert_exists (b_copy, TRUE);
  assert_exists (b_in_trash, TRUE);
  assert_exists (outside_in_trash, TRUE);
  {
    g_autofree char *info = trash_info_of (b_in_trash);

    assert_exists (info, TRUE);
  }
}

static void
add_action (RgSession      *session,
            const char     *due,
            RgActionStatus  status)
{
  g_autoptr(RgAction) action = rg_action_new ("Rencontrer la famille");

  rg_action_set_due (action, due);
  rg_action_set_status (action, status);
  rg_session_add_action (session, action);
}

static RgLibraryEntry *
only_entry (Place      *place,
            const char *situation_id)
{
  g_autoptr(GListModel) entries = query_situation (place, situation_id);

  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  return g_list_model_get_item (entries, 0);
}

/* A team sitting's agenda loses the situation erased: its item, label,
 * code and invitees; the sitting keeps its other children. Its backup,
 * which still named the situation, goes too, and the index no longer
 * finds the sitting by the situation's words. */
static void
test_erase_from_sittings (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) a = make_session (OLD, "Élève Zorglub., CM1", "2022-03-01");
  g_autoptr(RgSession) b = make_session (RECENT, "Élève B., 6e", "2026-10-01");
  g_autoptr(RgSitting) sitting = rg_sitting_new ();
  g_autoptr(RgSitting) other = rg_sitting_new ();
  g_autoptr(RgSitting) reread = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autofree char *path = g_build_filename (place->folder, "equipe" RG_SITTING_FILE_SUFFIX, NULL);
  g_autofree char *other_path = g_build_filename (place->folder, "autre" RG_SITTING_FILE_SUFFIX, NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *other_backup = g_strconcat (other_path, "~", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  RgSittingItem *item;
  RgRetentionErased erased;

  g_free (save (place, "a.regards", a));
  g_free (save (place, "b.regards", b));

  /* One sitting with both children, one with B alone; each saved twice */
  rg_sitting_set_title (sitting, "Équipe de soutien");
  rg_sitting_set_date (sitting, "2026-11-20");
  item = rg_sitting_item_new (OLD, "Élève Zorglub., CM1", "14:00", "14:30");
  rg_sitting_item_set_situation_code (item, "PRE-ZORG-01");
  {
    g_autoptr(RgSittingInvitee) invitee = rg_sitting_invitee_new ("Mme Zorglubovitch");

    rg_sitting_item_add_invitee (item, invitee);
  }
  rg_sitting_add_item (sitting, item);
  g_object_unref (item);
  item = rg_sitting_item_new (RECENT, "Élève B., 6e", "14:30", "15:00");
  rg_sitting_add_item (sitting, item);
  g_object_unref (item);
  rg_sitting_set_title (other, "Autre équipe");
  rg_sitting_set_date (other, "2026-11-27");
  item = rg_sitting_item_new (RECENT, "Élève B., 6e", "09:00", "09:30");
  rg_sitting_add_item (other, item);
  g_object_unref (item);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (rg_sitting_save (sitting, file, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (rg_sitting_save (other, other_file, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  assert_exists (backup, TRUE);
  assert_exists (other_backup, TRUE);

  scan (place);
  found = rg_library_list_sittings (place->library, "Zorglub", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  g_assert_true (rg_retention_erase_situation (place->library, OLD, &erased, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (erased.n_sessions, ==, 1);
  g_assert_cmpuint (erased.n_sittings, ==, 1);
  /* The sitting's backup, of the two saves before */
  g_assert_cmpuint (erased.n_backups, ==, 1);

  /* Nothing of A in the sitting's file, nor a backup that held it */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "Zorglub"));
  g_assert_null (strstr (contents, "PRE-ZORG-01"));
  g_assert_null (strstr (contents, OLD));
  assert_exists (backup, FALSE);

  /* The sitting stays, with B */
  reread = rg_sitting_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rg_sitting_get_title (reread), ==, "Équipe de soutien");
  g_assert_cmpuint (g_list_model_get_n_items (rg_sitting_get_items (reread)), ==, 1);
  item = g_list_model_get_item (rg_sitting_get_items (reread), 0);
  g_assert_cmpstr (rg_sitting_item_get_situation_id (item), ==, RECENT);
  g_object_unref (item);

  /* The other sitting is untouched, its backup too */
  assert_exists (other_backup, TRUE);

  /* The index finds the sitting by B, no longer by A */
  found = rg_library_list_sittings (place->library, "Zorglub", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);
  g_assert_false (index_files_hold (place, "Zorglubovitch"));
}

/* Late actions are counted on the day the library is asked; done and
 * cancelled ones never are. Both readings of a file agree. */
static void
test_index_actions_consent (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgSession) session = make_session (OLD, "Élève A., CM1", "2026-01-10");
  g_autoptr(RgLibraryEntry) entry = NULL;
  g_autoptr(RgLibraryRecord) quick = NULL;
  g_autoptr(RgLibraryRecord) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RgConsent) consent = rg_consent_new ("Le bilan scolaire");
  g_autofree char *path = NULL;

  add_action (session, "2001-01-01", RG_ACTION_STATUS_PLANNED);
  add_action (session, "2002-02-02", RG_ACTION_STATUS_IN_PROGRESS);
  add_action (session, "2003-03-03", RG_ACTION_STATUS_DONE);
  add_action (session, "2004-04-04", RG_ACTION_STATUS_CANCELLED);
  add_action (session, "2999-01-01", RG_ACTION_STATUS_PLANNED);
  add_action (session, NULL, RG_ACTION_STATUS_PLANNED);
  path = save (place, "a.regards", session);

  bytes = _rg_library_read_file (path, &error);
  g_assert_no_error (error);
  quick = _rg_library_record_extract (bytes);
  loaded = _rg_library_record_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (quick);
  g_assert_cmpuint (quick->actions->len, ==, 6);
  g_assert_cmpuint (loaded->actions->len, ==, 6);
  g_assert_cmpuint (quick->consents->len, ==, 0);
  g_assert_cmpstr (quick->digest, ==, loaded->digest);

  scan (place);
  entry = only_entry (place, OLD);
  g_assert_cmpuint (rg_library_entry_get_n_overdue_actions (entry), ==, 2);
  g_assert_false (rg_library_entry_get_has_consent (entry));
  g_clear_object (&entry);

  /* As the application updates the index after a save */
  rg_session_add_consent (session, consent);
  add_action (session, "2005-05-05", RG_ACTION_STATUS_PLANNED);
  g_free (save (place, "a.regards", session));
  file = g_file_new_for_path (path);
  g_assert_true (rg_library_update_file (place->library, file, session, &error));
  g_assert_no_error (error);
  entry = only_entry (place, OLD);
  g_assert_cmpuint (rg_library_entry_get_n_overdue_actions (entry), ==, 3);
  g_assert_true (rg_library_entry_get_has_consent (entry));

  g_clear_pointer (&quick, _rg_library_record_free);
  g_clear_pointer (&loaded, _rg_library_record_free);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = _rg_library_read_file (path, &error);
  quick = _rg_library_record_extract (bytes);
  loaded = _rg_library_record_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quick->consents->len, ==, 1);
  g_assert_cmpstr (quick->digest, ==, loaded->digest);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/retention/limit-date", test_limit_date);
  g_test_add_func ("/retention/list", test_list);
  g_test_add_func ("/retention/erase", test_erase);
  g_test_add_func ("/retention/erase/changed-file", test_erase_changed_file);
  g_test_add_func ("/retention/erase/temporary-by-content", test_erase_temporary_by_content);
  g_test_add_func ("/retention/erase/copies-and-trash", test_erase_copies_and_trash);
  g_test_add_func ("/retention/erase/from-sittings", test_erase_from_sittings);
  g_test_add_func ("/retention/index/actions-and-consent", test_index_actions_consent);

  return g_test_run ();
}
