/* test-library.c — the library index: scans, searches, rebuilds
 *
 * Real session files in a temporary folder, a real SQLite database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <ftw.h>
#include <libintl.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rg-file-io.h"
#include "rg-library.h"
#include "rg-library-private.h"
#include "rg-session.h"
#include "rg-session-xml.h"
#include "rg-test-cli.h"
#include "rg-test-quick-reading.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

static char *test_root;

typedef struct
{
  char *dir;       /* everything of one test */
  char *folder;    /* the library folder */
  char *database;  /* the index */
} Place;

static void
place_free (Place *place)
{
  g_free (place->dir);
  g_free (place->folder);
  g_free (place->database);
  g_free (place);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Place, place_free)

static Place *
place_new (void)
{
  Place *place = g_new0 (Place, 1);

  place->dir = g_build_filename (test_root, "lib-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp_full (place->dir, 0700));
  place->folder = g_build_filename (place->dir, "sessions", NULL);
  g_assert_cmpint (g_mkdir (place->folder, 0700), ==, 0);
  place->database = g_build_filename (place->dir, "cache", "index.sqlite", NULL);

  return place;
}

static char *
place_path (Place      *place,
            const char *relpath)
{
  return g_build_filename (place->folder, relpath, NULL);
}

/* Drops the last reference to @library. A thread of a scan that just
 * finished may still hold its task, and with it the library, for a
 * moment: wait for it. */
static void
assert_finalized (RgLibrary *library)
{
  gpointer weak = library;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (library), &weak);
  g_object_unref (library);

  while (weak != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static RgLibrary *
open_library (Place *place)
{
  g_autoptr(GError) error = NULL;
  RgLibrary *library = rg_library_new (place->folder, place->database, &error);

  g_assert_no_error (error);
  g_assert_true (RG_IS_LIBRARY (library));

  return library;
}

/* A small but complete session: one dimension, statements spread over the
 * partners in turn, and links over the first two statements. */
typedef struct
{
  const char *title;
  const char *date;
  const char *situation_id;
  const char *label;
  const char *partners[6][3];   /* name, profession, institution */
  const char *statements[8];
  guint       n_agreements;
  guint       n_open_divergences;
  guint       n_settled_divergences;
} Spec;

static RgSession *
session_from_spec (const Spec *spec)
{
  RgSession *session = rg_session_new ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);

  rg_session_set_title (session, spec->title);
  rg_session_set_date (session, spec->date);
  if (spec->situation_id != NULL)
    rg_session_set_situation_id (session, spec->situation_id);
  rg_session_set_situation_label (session, spec->label != NULL ? spec->label : "Élève B., CE2");

  rg_dimension_set_name (dimension, "Scolarité et apprentissages");
  rg_session_add_dimension (session, dimension);

  for (guint i = 0; i < G_N_ELEMENTS (spec->partners) && spec->partners[i][0] != NULL; i++)
    {
      RgPartner *partner = rg_partner_new ();

      rg_partner_set_name (partner, spec->partners[i][0]);
      rg_partner_set_profession (partner, spec->partners[i][1]);
      rg_partner_set_institution (partner, spec->partners[i][2]);
      rg_session_add_partner (session, partner);
      g_ptr_array_add (partners, partner);
    }

  g_assert_cmpuint (partners->len, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (spec->statements) && spec->statements[i] != NULL; i++)
    {
      RgPartner *partner = g_ptr_array_index (partners, i % partners->len);
      RgStatement *statement = rg_statement_new (rg_partner_get_id (partner),
                                                 rg_dimension_get_id (dimension),
                                                 RG_STATEMENT_KIND_FACT,
                                                 spec->statements[i]);

      rg_session_add_statement (session, statement);
      g_ptr_array_add (statements, statement);
    }

  for (guint i = 0; i < spec->n_agreements + spec->n_open_divergences + spec->n_settled_divergences; i++)
    {
      const char *members[3] = { NULL, };
      g_autoptr(RgLink) link = NULL;

      g_assert_cmpuint (statements->len, >=, 2);
      members[0] = rg_statement_get_id (g_ptr_array_index (statements, 0));
      members[1] = rg_statement_get_id (g_ptr_array_index (statements, 1));

      if (i < spec->n_agreements)
        link = rg_link_new (RG_LINK_TYPE_AGREEMENT);
      else
        link = rg_link_new (RG_LINK_TYPE_DIVERGENCE);

      if (i >= spec->n_agreements + spec->n_open_divergences)
        rg_link_set_status (link, RG_LINK_STATUS_SETTLED);
      else
        rg_link_set_status (link, RG_LINK_STATUS_OPEN);

      rg_link_set_members (link, members);
      rg_session_add_link (session, link);
    }

  return session;
}

static void
write_session_file (const char *path,
                    RgSession  *session)
{
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

static void
write_spec (Place      *place,
            const char *relpath,
            const Spec *spec)
{
  g_autoptr(RgSession) session = session_from_spec (spec);
  g_autofree char *path = place_path (place, relpath);

  write_session_file (path, session);
}

static void
write_text (Place      *place,
            const char *relpath,
            const char *text)
{
  g_autofree char *path = place_path (place, relpath);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_example (gsize *len)
{
  g_autofree char *path = rg_test_example_path ();
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);

  return contents;
}

static void
copy_example (Place      *place,
              const char *relpath)
{
  g_autofree char *contents = read_example (NULL);

  write_text (place, relpath, contents);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* The sessions most tests share: three situations, partners from
 * several institutions, dates over two years, and the example. */
#define SITUATION_LEA "6f0c1a3e-8d52-4c1b-9a77-0b1f5a2e9c41"
#define SITUATION_NOE "2d9e7b10-3c4a-4f65-8e21-c7a9d0b3f512"

static const Spec spec_lea_1 = {
  "Première revue — Léa", "2025-03-10", SITUATION_LEA, "Élève L., 6e",
  {
    { "Mme Roussel", "Enseignante de CM1", "École élémentaire Les Tilleuls" },
    { "M. Kessler", "Éducateur spécialisé", "Association Horizons" },
  },
  { "Des signaux de décrochage en lecture depuis la rentrée.",
    "Elle vient tous les jours au club de lecture." },
  1, 1, 0,
};

static const Spec spec_lea_2 = {
  "Deuxième revue — Léa", "2025-06-20", SITUATION_LEA, "Élève L., 6e",
  {
    { "Mme Perrin", "Assistante sociale scolaire", "Éducation nationale" },
    { "Mme Roussel", "Enseignante de CM1", "École élémentaire Les Tilleuls" },
  },
  { "La famille a déménagé en avril.",
    "Le harcèlement dans la cour a cessé depuis mai." },
  0, 0, 1,
};

static const Spec spec_noe = {
  "Revue de situation — Noé", "2026-01-15", SITUATION_NOE, "Élève N., CE2",
  {
    { "M. Diallo", "Psychologue de l'Éducation nationale", "Éducation nationale, circonscription Nord" },
    { "Mme Noël", "Mère", NULL },
    { "Mme Garnier", "Coordinatrice PRE", "Ville de Saint-Aubin" },
  },
  { "Il dort mal : quatre dans un deux-pièces.",
    "Il aime le football et s'y sent reconnu.",
    "Absences fréquentes le lundi matin." },
  2, 2, 1,
};

static void
write_shared_sessions (Place *place)
{
  write_spec (place, "lea-1.regards", &spec_lea_1);
  write_spec (place, "2025/lea-2.regards", &spec_lea_2);
  write_spec (place, "noe.regards", &spec_noe);
  copy_example (place, "exemple-eleve-a.regards");
}

static RgLibraryScanResult *
scan (RgLibrary *library)
{
  g_autoptr(GError) error = NULL;
  RgLibraryScanResult *result = rg_library_scan (library, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
assert_scan (RgLibrary *library,
             guint      added,
             guint      updated,
             guint      removed,
             guint      failed,
             guint      unchanged)
{
  g_autoptr(RgLibraryScanResult) result = scan (library);

  g_assert_cmpuint (rg_library_scan_result_get_n_added (result), ==, added);
  g_assert_cmpuint (rg_library_scan_result_get_n_updated (result), ==, updated);
  g_assert_cmpuint (rg_library_scan_result_get_n_removed (result), ==, removed);
  g_assert_cmpuint (rg_library_scan_result_get_n_failed (result), ==, failed);
  g_assert_cmpuint (rg_library_scan_result_get_n_unchanged (result), ==, unchanged);
  g_assert_cmpuint (g_list_model_get_n_items (rg_library_scan_result_get_failures (result)),
                    ==, failed);
  g_assert_cmpuint (rg_library_scan_result_get_n_unchecked (result), ==, 0);
  /* The quick reading of the index never differs from the loader's. */
  assert_quick_reading_agrees (rg_library_get_folder (library));
}

static GListModel *
run_query (RgLibrary            *library,
           const RgLibraryQuery *query)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = rg_library_query (library, query, &error);
  guint n_counted = G_MAXUINT;

  g_assert_no_error (error);
  g_assert_nonnull (model);

  /* The count agrees with the list, paging aside. */
  if (query->offset == 0 && query->limit == 0)
    {
      g_assert_true (rg_library_count (library, query, &n_counted, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_counted, ==, g_list_model_get_n_items (model));
    }

  return model;
}

/* A search while a scan writes: no count to compare with. */
static GListModel *
run_query_busy (RgLibrary            *library,
                const RgLibraryQuery *query)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = rg_library_query (library, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);

  return model;
}

static GListModel *
search_text (RgLibrary  *library,
             const char *text)
{
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();

  query->text = g_strdup (text);
  return run_query (library, query);
}

static RgLibraryEntry *
get_entry (GListModel *model,
           guint       position)
{
  g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (model, position);

  g_assert_nonnull (entry);
  return entry;   /* the model keeps it alive */
}

/* The titles of @model, in order, joined by "|". */
static char *
titles (GListModel *model)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      RgLibraryEntry *entry = get_entry (model, i);

      if (i > 0)
        g_string_append_c (str, '|');
      g_string_append (str, rg_library_entry_get_error_message (entry) != NULL
                              ? "ERROR" : rg_library_entry_get_title (entry));
    }

  return g_string_free (str, FALSE);
}

static void
assert_text_finds (RgLibrary  *library,
                   const char *text,
                   const char *expected)
{
  g_autoptr(GListModel) model = search_text (library, text);
  g_autofree char *found = titles (model);

  g_assert_cmpstr (found, ==, expected);
}

static RgLibraryEntry *
find_by_path (GListModel *model,
              const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      RgLibraryEntry *entry = get_entry (model, i);

      if (g_str_equal (rg_library_entry_get_path (entry), path))
        return entry;
    }

  return NULL;
}

/* The properties of an entry say what its getters say. */
static void
assert_entry_properties (RgLibraryEntry *entry)
{
  g_autofree char *path = NULL, *error_message = NULL, *id = NULL, *title = NULL;
  g_autofree char *date = NULL, *situation_id = NULL, *situation_label = NULL;
  g_autofree char *partners = NULL, *conflict_of = NULL;
  RgSessionKind kind;
  RgSessionStatus status;
  guint n_partners, n_statements, n_agreements, n_divergences, n_complements;
  guint n_clarifications, n_open_divergences, n_overdue_actions;
  gboolean has_consent;

  g_object_get (entry,
                "path", &path, "error-message", &error_message, "id", &id, "title", &title,
                "date", &date, "situation-id", &situation_id, "situation-label", &situation_label,
                "partners", &partners, "conflict-of", &conflict_of, "kind", &kind,
                "status", &status, "n-partners", &n_partners, "n-statements", &n_statements,
                "n-agreements", &n_agreements, "n-divergences", &n_divergences,
                "n-complements", &n_complements, "n-clarifications", &n_clarifications,
                "n-open-divergences", &n_open_divergences,
                "n-overdue-actions", &n_overdue_actions, "has-consent", &has_consent,
                NULL);

  g_assert_cmpstr (path, ==, rg_library_entry_get_path (entry));
  g_assert_cmpstr (error_message, ==, rg_library_entry_get_error_message (entry));
  g_assert_cmpstr (id, ==, rg_library_entry_get_id (entry));
  g_assert_cmpstr (title, ==, rg_library_entry_get_title (entry));
  g_assert_cmpstr (date, ==, rg_library_entry_get_date (entry));
  g_assert_cmpstr (situation_id, ==, rg_library_entry_get_situation_id (entry));
  g_assert_cmpstr (situation_label, ==, rg_library_entry_get_situation_label (entry));
  g_assert_cmpstr (partners, ==, rg_library_entry_get_partners (entry));
  g_assert_cmpstr (conflict_of, ==, rg_library_entry_get_conflict_of (entry));
  g_assert_cmpint (kind, ==, rg_library_entry_get_kind (entry));
  g_assert_cmpint (status, ==, rg_library_entry_get_status (entry));
  g_assert_cmpuint (n_partners, ==, rg_library_entry_get_n_partners (entry));
  g_assert_cmpuint (n_statements, ==, rg_library_entry_get_n_statements (entry));
  g_assert_cmpuint (n_agreements, ==, rg_library_entry_get_n_agreements (entry));
  g_assert_cmpuint (n_divergences, ==, rg_library_entry_get_n_divergences (entry));
  g_assert_cmpuint (n_complements, ==, rg_library_entry_get_n_complements (entry));
  g_assert_cmpuint (n_clarifications, ==, rg_library_entry_get_n_clarifications (entry));
  g_assert_cmpuint (n_open_divergences, ==, rg_library_entry_get_n_open_divergences (entry));
  g_assert_cmpuint (n_overdue_actions, ==, rg_library_entry_get_n_overdue_actions (entry));
  g_assert_cmpint (has_consent, ==, rg_library_entry_get_has_consent (entry));
}

static void
test_index (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) model = NULL;
  g_autofree char *example = NULL;
  g_autofree char *example_file = NULL;
  g_autofree char *found = NULL;
  RgLibraryEntry *entry;
  struct stat st;

  write_shared_sessions (place);
  library = open_library (place);
  g_assert_null (rg_library_get_notice (library));

  assert_scan (library, 4, 0, 0, 0, 0);

  /* Newest first. */
  model = run_query (library, query);
  found = titles (model);
  g_assert_cmpstr (found, ==, "Revue de situation — trimestre 1|Revue de situation — Noé|"
                              "Deuxième revue — Léa|Première revue — Léa");

  /* What the example holds, counted in its XML, is what the entry says. */
  example = read_example (NULL);
  example_file = place_path (place, "exemple-eleve-a.regards");
  entry = find_by_path (model, example_file);
  g_assert_nonnull (entry);
  g_assert_null (rg_library_entry_get_error_message (entry));
  g_assert_cmpstr (rg_library_entry_get_id (entry), ==, "d08d764e-6783-5a19-8b17-1aa412fefcad");
  g_assert_cmpstr (rg_library_entry_get_date (entry), ==, "2026-11-17");
  g_assert_cmpstr (rg_library_entry_get_situation_label (entry), ==, "Élève A., CM1");
  g_assert_cmpstr (rg_library_entry_get_situation_id (entry), ==,
                   "70852178-769a-53e0-a42f-7f82b32de90a");
  g_assert_cmpint (rg_library_entry_get_status (entry), ==, RG_SESSION_STATUS_HELD);
  g_assert_cmpint (rg_library_entry_get_kind (entry), ==, RG_SESSION_KIND_SESSION);
  g_assert_cmpuint (rg_library_entry_get_n_partners (entry), ==,
                    count_occurrences (example, "<partner "));
  g_assert_true (g_str_has_prefix (rg_library_entry_get_partners (entry),
                                   "Mme Roussel (Enseignante de CM1), "
                                   "Mme Perrin (Assistante sociale scolaire), "));
  g_assert_cmpuint (rg_library_entry_get_n_statements (entry), ==,
                    count_occurrences (example, "<statement "));
  g_assert_cmpuint (rg_library_entry_get_n_agreements (entry), ==,
                    count_occurrences (example, "type=\"agreement\""));
  g_assert_cmpuint (rg_library_entry_get_n_divergences (entry), ==,
                    count_occurrences (example, "type=\"divergence\""));
  g_assert_cmpuint (rg_library_entry_get_n_complements (entry), ==,
                    count_occurrences (example, "type=\"complement\""));
  g_assert_cmpuint (rg_library_entry_get_n_clarifications (entry), ==,
                    count_occurrences (example, "type=\"clarify\""));
  g_assert_cmpuint (rg_library_entry_get_n_open_divergences (entry), ==,
                    count_occurrences (example, "type=\"divergence\" status=\"open\""));
  g_assert_cmpuint (rg_library_entry_get_n_open_divergences (entry), >, 0);
  assert_entry_properties (entry);

  /* A session of the spec: the counts of its links. */
  g_clear_object (&model);
  query->situation_id = g_strdup (SITUATION_NOE);
  model = run_query (library, query);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  entry = get_entry (model, 0);
  g_assert_cmpstr (rg_library_entry_get_partners (entry), ==,
                   "M. Diallo (Psychologue de l'Éducation nationale), Mme Noël (Mère), "
                   "Mme Garnier (Coordinatrice PRE)");
  g_assert_cmpuint (rg_library_entry_get_n_statements (entry), ==, 3);
  g_assert_cmpuint (rg_library_entry_get_n_agreements (entry), ==, 2);
  g_assert_cmpuint (rg_library_entry_get_n_divergences (entry), ==, 3);
  g_assert_cmpuint (rg_library_entry_get_n_open_divergences (entry), ==, 2);

  /* The index is private. */
  g_assert_cmpint (g_stat (place->database, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  assert_finalized (g_steal_pointer (&library));
}

static void
test_default_paths (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibrary) library = NULL;
  g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), "regards", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "regards", "sessions", NULL);
  g_autofree char *expected_db = rg_library_get_default_database_path (folder);
  struct stat st;

  library = rg_library_new (NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (rg_library_get_folder (library), ==, folder);
  g_assert_cmpstr (rg_library_get_database_path (library), ==, expected_db);
  g_assert_true (g_str_has_prefix (expected_db, cache_dir));

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (cache_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (expected_db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Another folder has an index of its own. */
  g_assert_cmpstr (rg_library_get_default_database_path ("/elsewhere"), !=, expected_db);

  assert_finalized (g_steal_pointer (&library));
}

/* Sets the modification time of @path, to the nanosecond. */
static void
set_mtime (const char            *path,
           const struct timespec *mtime)
{
  struct timespec times[2] = { { 0, UTIME_OMIT }, *mtime };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_rescan (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autofree char *noe = place_path (place, "noe.regards");
  g_autofree char *original = NULL;
  g_autofree char *garbage = NULL;
  g_autoptr(GError) error = NULL;
  Spec changed = spec_lea_1;
  gsize len;
  struct stat st;

  write_shared_sessions (place);
  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);

  /* Nothing changed: nothing read. */
  assert_scan (library, 0, 0, 0, 0, 4);

  /* Same size, same time: not read again. Garbage of the same size in
   * its place proves it — a file read again would now fail. */
  g_assert_cmpint (g_stat (noe, &st), ==, 0);
  g_file_get_contents (noe, &original, &len, &error);
  g_assert_no_error (error);
  garbage = g_strnfill (len, 'x');
  g_file_set_contents (noe, garbage, len, &error);
  g_assert_no_error (error);
  set_mtime (noe, &st.st_mtim);
  assert_scan (library, 0, 0, 0, 0, 4);
  assert_text_finds (library, "garnier", "Revue de situation — Noé");

  /* Only the time changes: read again (and now it fails). */
  {
    struct timespec later = st.st_mtim;

    later.tv_nsec = (later.tv_nsec + 1) % 1000000000;
    set_mtime (noe, &later);
  }
  assert_scan (library, 0, 0, 0, 1, 3);
  assert_text_finds (library, "garnier", "");

  /* Put back: updated. */
  g_file_set_contents (noe, original, len, &error);
  g_assert_no_error (error);
  assert_scan (library, 0, 1, 0, 0, 3);
  assert_text_finds (library, "garnier", "Revue de situation — Noé");

  /* Added. */
  changed.title = "Troisième revue — Léa";
  changed.date = "2025-09-30";
  write_spec (place, "2025/lea-3.regards", &changed);
  assert_scan (library, 1, 0, 0, 0, 4);
  assert_text_finds (library, "troisieme", "Troisième revue — Léa");

  /* Changed. */
  changed.title = "Troisième revue — Léa, complétée";
  write_spec (place, "2025/lea-3.regards", &changed);
  assert_scan (library, 0, 1, 0, 0, 4);
  assert_text_finds (library, "troisieme", "Troisième revue — Léa, complétée");

  /* Removed. */
  {
    g_autofree char *path = place_path (place, "2025/lea-3.regards");

    g_assert_cmpint (g_unlink (path), ==, 0);
  }
  assert_scan (library, 0, 0, 1, 0, 4);
  assert_text_finds (library, "troisieme", "");

  /* A whole folder removed. */
  {
    g_autofree char *path = place_path (place, "2025/lea-2.regards");
    g_autofree char *dir = place_path (place, "2025");

    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }
  assert_scan (library, 0, 0, 1, 0, 3);

  /* Hidden files, temporary files of a save, backups: not sessions. */
  copy_example (place, ".cache.regards");
  copy_example (place, ".exemple-eleve-a.regards-XYZ123.tmp");
  copy_example (place, "exemple-eleve-a.regards~");
  copy_example (place, "notes.txt");
  {
    g_autofree char *hidden_dir = place_path (place, ".Trash");

    g_assert_cmpint (g_mkdir (hidden_dir, 0700), ==, 0);
    copy_example (place, ".Trash/old.regards");
  }
  assert_scan (library, 0, 0, 0, 0, 3);

  assert_finalized (g_steal_pointer (&library));
}

/* Sets the modification time of @path @age seconds back. */
static void
age_file (const char *path,
          gint64      age)
{
  struct timespec mtime = { time (NULL) - age, 0 };

  set_mtime (path, &mtime);
}

/* The temporary files of saves killed half-way hold whole sessions, but
 * are never sessions of the library; a scan removes the abandoned ones. */
static void
test_scan_temporary_files (void)
{
  static const char * const leftovers[] = {
    ".lea-1.regards-Ab12Cd.tmp",
    ".lea-1.regards~-0a1b2c3d.tmp",
    ".regards-Xy34Zw.tmp",
    "2025/.lea-2.regards-Qr56St.tmp",
  };
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) all = NULL;
  g_autofree char *fresh = place_path (place, ".noe.regards-Fresh0.tmp");
  g_autofree char *foreign = place_path (place, ".notes.txt-Ab12Cd.tmp");

  write_shared_sessions (place);
  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = place_path (place, leftovers[i]);

      copy_example (place, leftovers[i]);
      age_file (path, RG_FILE_STALE_TEMP_AGE + 60);
    }
  /* A save in progress, and another program's file */
  copy_example (place, ".noe.regards-Fresh0.tmp");
  write_text (place, ".notes.txt-Ab12Cd.tmp", "Mes notes");
  age_file (foreign, RG_FILE_STALE_TEMP_AGE + 60);

  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);
  all = run_query (library, query);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (all, i);
      g_autofree char *name = g_path_get_basename (rg_library_entry_get_path (entry));

      g_assert_cmpint (name[0], !=, '.');
      g_assert_false (g_str_has_suffix (name, ".tmp"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = place_path (place, leftovers[i]);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));

  assert_finalized (g_steal_pointer (&library));
}

/* What sync engines and other programs write beside the sessions while
 * they work is never a session of the library, nor removed by a scan:
 * it is theirs. */
static void
test_scan_sync_temporary_files (void)
{
  static const char * const transient[] = {
    ".syncthing.noe.regards.tmp",
    "~syncthing~noe.regards.tmp",
    "~syncthing~noe.regards",
    ".goutputstream-7XK2QZ",
    "noe.regards.part",
    "2025/.~lock.lea-2.regards#",
    ".noe.regards-Ab12Cd.tmp",
    "noe.regards~",
  };
  static const char * const sessions[] = {
    "noe.regards",
    "~noe.regards",
    "part.regards",
    "noe.tmp.regards",
    "syncthing.noe.regards",
  };
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (transient); i++)
    {
      g_autofree char *name = g_path_get_basename (transient[i]);

      g_assert_false (_rg_library_is_session_name (name));
      g_assert_false (_rg_library_is_indexable_path (transient[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    g_assert_true (_rg_library_is_session_name (sessions[i]));

  write_shared_sessions (place);
  for (guint i = 0; i < G_N_ELEMENTS (transient); i++)
    {
      g_autofree char *path = place_path (place, transient[i]);

      /* Whole sessions, and old: the scan would take them if it could */
      copy_example (place, transient[i]);
      age_file (path, RG_FILE_STALE_TEMP_AGE + 60);
    }

  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (transient); i++)
    {
      g_autofree char *path = place_path (place, transient[i]);

      /* Ours (.NAME-XXXXXX.tmp, a save killed half-way) is removed;
       * the others' files are left to them. */
      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==,
                       !g_str_equal (transient[i], ".noe.regards-Ab12Cd.tmp"));
    }

  assert_finalized (g_steal_pointer (&library));
}

/* Every engine's conflict copies, and names that only look like them. */
static void
test_conflict_names (void)
{
  static const struct
  {
    const char *name;
    const char *original;
    const char *time;   /* as "%F %T" */
  } copies[] = {
    /* Syncthing */
    { "Revue.sync-conflict-20261204-120000-ABCDEF7.regards", "Revue.regards",
      "2026-12-04 12:00:00" },
    { "Revue de Noé.v2.sync-conflict-20260229-235959-Z234567.regards", NULL, NULL },
    { "Revue de Noé.v2.sync-conflict-20280229-235959-Z234567.regards",
      "Revue de Noé.v2.regards", "2028-02-29 23:59:59" },
    /* Nextcloud, without and with the user's name */
    { "Revue (conflicted copy 2026-12-04 120000).regards", "Revue.regards",
      "2026-12-04 12:00:00" },
    { "Revue (conflicted copy Camille Martin 2026-12-04 093015).regards", "Revue.regards",
      "2026-12-04 09:30:15" },
    { "Revue (2) (conflicted copy camille.m 2026-12-04 120000).regards", "Revue (2).regards",
      "2026-12-04 12:00:00" },
    /* ownCloud and Nextcloud, older */
    { "Revue_conflict-20261204-120000.regards", "Revue.regards", "2026-12-04 12:00:00" },
    /* Dropbox, and its number for the next copy of the day */
    { "Revue (Camille's conflicted copy 2026-12-04).regards", "Revue.regards",
      "2026-12-04 00:00:00" },
    { "Revue (Camille's conflicted copy 2026-12-04 (1)).regards", "Revue.regards",
      "2026-12-04 00:00:00" },
    { "Revue (PC de l’équipe’s conflicted copy 2026-12-04 (12)).regards", "Revue.regards",
      "2026-12-04 00:00:00" },
    /* Regards */
    { "Revue (conflict 2026-12-04 12-00-00).regards", "Revue.regards", "2026-12-04 12:00:00" },
    { "Revue (conflict 2026-12-04 12-00-00 2).regards", "Revue.regards", "2026-12-04 12:00:00" },
    { "Séance (conflict) (conflict 2026-12-04 12-00-00).regards", "Séance (conflict).regards",
      "2026-12-04 12:00:00" },
  };
  static const char * const lookalikes[] = {
    "Revue.regards",
    "Revue (conflicted copy).regards",
    "Revue (conflicted copy 2026-12-04).regards",
    "Revue (conflicted copy 2026-12-04 120000)",
    "Revue (conflicted copy 2026-12-04 120000).regards~",
    "Revue (conflicted copy (Camille) 2026-12-04 120000).regards",
    "Revue (conflicted copy  2026-12-04 120000).regards",
    "Revue (conflicted copy 2026-13-04 120000).regards",
    "(conflicted copy 2026-12-04 120000).regards",
    " (conflicted copy 2026-12-04 120000).regards",
    "Revue.sync-conflict-20261204-120000-abcdef7.regards",
    "Revue.sync-conflict-20261204-120000-ABCDEF.regards",
    "Revue.sync-conflict-20261204-1200-ABCDEF7.regards",
    "Revue_conflict-20261204.regards",
    "Revue_conflict-20261204-250000.regards",
    "Revue (Camille's conflicted copy).regards",
    "Revue ('s conflicted copy 2026-12-04).regards",
    "Revue (Camille's conflicted copy 2026-12-04 ()).regards",
    "Revue (Camille conflicted copy 2026-12-04).regards",
    "Revue (conflict 2026-12-04).regards",
    "Revue (conflict résolu).regards",
    "Revue (conflict 2026-12-04 12-00-00 02).regards",
    "Revue (conflit 2026-12-04 12-00-00).regards",
    "Revue conflict 2026-12-04 12-00-00.regards",
  };

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *original = rg_conflict_name_parse (copies[i].name, &time);

      g_test_message ("%s", copies[i].name);
      g_assert_cmpstr (original, ==, copies[i].original);
      if (copies[i].time != NULL)
        {
          g_autofree char *text = g_date_time_format (time, "%F %T");

          g_assert_cmpstr (text, ==, copies[i].time);
        }
      else
        g_assert_null (time);
    }

  for (guint i = 0; i < G_N_ELEMENTS (lookalikes); i++)
    {
      g_autoptr(GDateTime) time = NULL;

      g_test_message ("%s", lookalikes[i]);
      g_assert_null (rg_conflict_name_parse (lookalikes[i], &time));
      g_assert_null (time);
    }
}

/* Regards names its conflict copies in the user's language: read in
 * that language, and still in English. */
static void
test_conflict_names_translated (void)
{
  g_autofree char *locale_dir = g_build_filename (g_getenv ("REGARDS_BUILD_ROOT"), "po", NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *french = NULL;
  g_autofree char *english = NULL;
  g_autofree char *other = NULL;

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("No French locale");
      return;
    }

  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  french = rg_conflict_name_parse ("Revue (conflit 2026-12-04 12-00-00).regards", NULL);
  english = rg_conflict_name_parse ("Revue (conflict 2026-12-04 12-00-00).regards", NULL);
  other = rg_conflict_name_parse ("Revue (Konflikt 2026-12-04 12-00-00).regards", NULL);
  setlocale (LC_ALL, saved);

  if (french == NULL && g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "_Cancel"), "_Cancel") == 0)
    {
      g_test_skip ("The French translation is not built");
      return;
    }

  g_assert_cmpstr (french, ==, "Revue.regards");
  g_assert_cmpstr (english, ==, "Revue.regards");
  g_assert_null (other);
}

/* Writes, at @relpath, the session of the file at @from_relpath under
 * another title: what another member of the team made of it. */
static void
write_changed_copy (Place      *place,
                    const char *from_relpath,
                    const char *relpath,
                    const char *title)
{
  g_autofree char *from = place_path (place, from_relpath);
  g_autofree char *path = place_path (place, relpath);
  g_autoptr(RgSession) session = rg_test_load_session (from);

  rg_session_set_title (session, title);
  write_session_file (path, session);
}

/* path → conflict_of ("" for null) of what `regards-cli search --json`
 * prints */
static GHashTable *
cli_conflicts (Place *place)
{
  g_auto(RgTestRun) run = { 0 };
  g_autoptr(GVariant) array = NULL;
  GHashTable *conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  rg_test_run_cli (&run, NULL, "search", "--json", "--library", place->folder,
                   "--database", place->database, NULL);
  g_assert_cmpint (run.status, ==, 0);
  array = rg_test_json_parse (run.out);

  for (gsize i = 0; i < g_variant_n_children (array); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (array, i);
      g_autoptr(GVariant) object = g_variant_get_variant (boxed);
      g_autoptr(GVariant) conflict_of = g_variant_lookup_value (object, "conflict_of", NULL);
      g_autoptr(GVariant) inner = NULL;
      const char *path = NULL;

      g_assert_true (g_variant_lookup (object, "path", "&s", &path));
      /* Always there: a string, or null */
      g_assert_nonnull (conflict_of);
      if (g_variant_is_of_type (conflict_of, G_VARIANT_TYPE_STRING))
        g_hash_table_insert (conflicts, g_strdup (path), g_variant_dup_string (conflict_of, NULL));
      else
        {
          g_assert_true (g_variant_is_of_type (conflict_of, G_VARIANT_TYPE_MAYBE));
          g_assert_null (inner = g_variant_get_maybe (conflict_of));
          g_hash_table_insert (conflicts, g_strdup (path), g_strdup (""));
        }
    }

  return conflicts;
}

static void
assert_conflict_of (GListModel *model,
                    guint       position,
                    Place      *place,
                    const char *relpath,
                    const char *original_relpath)
{
  RgLibraryEntry *entry = get_entry (model, position);
  g_autofree char *path = place_path (place, relpath);
  g_autofree char *original = original_relpath ? place_path (place, original_relpath) : NULL;
  g_autoptr(GDateTime) time = rg_library_entry_dup_conflict_time (entry);

  g_assert_cmpstr (rg_library_entry_get_path (entry), ==, path);
  g_assert_cmpstr (rg_library_entry_get_conflict_of (entry), ==, original);
  g_assert_true ((time != NULL) == (original != NULL));
}

/* A conflict copy is told by its name and by its content: the original
 * beside it, holding the same session. The index says which, and lists
 * the copy right after its original. */
static void
test_conflict_index (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GHashTable) conflicts = NULL;
  g_autofree char *original = place_path (place, "noe.regards");
  g_autofree char *copy = place_path (place, "noe (conflicted copy Camille 2026-12-04 120000).regards");
  g_autofree char *moved = place_path (place, "noe-moved.regards");
  g_autoptr(GDateTime) time = NULL;
  Spec other = spec_lea_1;

  write_spec (place, "noe.regards", &spec_noe);
  write_spec (place, "lea-1.regards", &spec_lea_1);
  write_spec (place, "2025/lea-2.regards", &spec_lea_2);
  /* A copy; another session under a copy's name; a copy of a file that
   * is not there; a copy in another folder than its original; a copy
   * that cannot be loaded. */
  write_changed_copy (place, "noe.regards", "noe (conflicted copy Camille 2026-12-04 120000).regards",
                      "Revue de situation — Noé, version de Camille");
  other.title = "Une autre séance";
  other.date = "2024-05-01";
  write_spec (place, "noe.sync-conflict-20261204-120000-ABCDEF7.regards", &other);
  write_changed_copy (place, "noe.regards", "absente (conflict 2026-12-04 12-00-00).regards",
                      "Copie sans original");
  write_changed_copy (place, "noe.regards", "2025/noe_conflict-20261204-120000.regards",
                      "Copie ailleurs");
  write_text (place, "lea-1 (Camille's conflicted copy 2026-12-04).regards", "<session");

  library = open_library (place);
  assert_scan (library, 7, 0, 0, 1, 0);
  model = run_query (library, query);

  /* Newest first, the copy after its original whatever its date */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  assert_conflict_of (model, 0, place, "lea-1 (Camille's conflicted copy 2026-12-04).regards",
                      NULL);
  assert_conflict_of (model, 1, place, "noe.regards", NULL);
  assert_conflict_of (model, 2, place, "noe (conflicted copy Camille 2026-12-04 120000).regards",
                      "noe.regards");
  for (guint i = 3; i < 8; i++)
    {
      RgLibraryEntry *entry = get_entry (model, i);

      g_assert_null (rg_library_entry_get_conflict_of (entry));
    }

  time = rg_library_entry_dup_conflict_time (get_entry (model, 2));
  g_assert_cmpint (g_date_time_get_year (time), ==, 2026);
  g_assert_cmpint (g_date_time_get_day_of_month (time), ==, 4);
  g_assert_cmpint (g_date_time_get_hour (time), ==, 12);

  /* The command line says the same */
  conflicts = cli_conflicts (place);
  g_assert_cmpuint (g_hash_table_size (conflicts), ==, 8);
  g_assert_cmpstr (g_hash_table_lookup (conflicts, copy), ==, original);
  g_assert_cmpstr (g_hash_table_lookup (conflicts, original), ==, "");
  g_clear_pointer (&conflicts, g_hash_table_unref);
  g_clear_object (&model);

  /* The original gone, the copy is a copy of nothing; back, a copy again */
  g_assert_cmpint (g_rename (original, moved), ==, 0);
  assert_scan (library, 1, 0, 1, 1, 7);
  model = run_query (library, query);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_assert_null (rg_library_entry_get_conflict_of (get_entry (model, i)));
  g_clear_object (&model);

  g_assert_cmpint (g_rename (moved, original), ==, 0);
  assert_scan (library, 1, 0, 1, 1, 7);
  conflicts = cli_conflicts (place);
  g_assert_cmpstr (g_hash_table_lookup (conflicts, copy), ==, original);

  assert_finalized (g_steal_pointer (&library));
}

static int
compare_strings_ptr (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The statements of the file at @path, sorted, joined by "|". */
static char *
statements_of (const char *path)
{
  g_autoptr(RgSession) session = rg_test_load_session (path);
  GListModel *statements = rg_session_get_statements (session);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      g_ptr_array_add (texts, (char *) rg_statement_get_text (statement));
    }
  g_ptr_array_sort (texts, (GCompareFunc) compare_strings_ptr);
  g_ptr_array_add (texts, NULL);

  return g_strjoinv ("|", (char **) texts->pdata);
}

static void
add_statement (RgSession  *session,
               const char *text)
{
  g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session), 0);
  g_autoptr(RgStatement) statement = rg_statement_new (rg_partner_get_id (partner),
                                                       rg_dimension_get_id (dimension),
                                                       RG_STATEMENT_KIND_FACT, text);

  rg_session_add_statement (session, statement);
}

/* Writes @session to @path as a save does, @age seconds ago. */
static char *
save_session (const char *path,
              RgSession  *session,
              const char *expected_checksum,
              gint64      age)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  char *checksum = NULL;

  g_assert_true (rg_file_write_atomic (file, bytes, expected_checksum, &checksum, NULL, NULL,
                                       &error));
  g_assert_no_error (error);
  age_file (path, age);

  return checksum;
}

typedef enum
{
  ANCESTOR_BACKUP,      /* NAME~, as Regards keeps it */
  ANCESTOR_STVERSIONS,  /* in Syncthing's .stversions */
  ANCESTOR_NONE,
} Ancestor;

/* One conflict as a team makes it: a base; the original, where one
 * member added a statement and changed the title; the copy, where
 * another added one and removed the first. Merged, the copy is in the
 * Trash and the original has both, without the first when the base is
 * known. */
static void
merge_one (Ancestor ancestor)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgSession) base = session_from_spec (&spec_noe);
  g_autoptr(RgSession) ours = NULL;
  g_autoptr(RgSession) theirs = NULL;
  g_autoptr(RgStatement) first = g_list_model_get_item (rg_session_get_statements (base), 0);
  g_autoptr(GFile) copy_file = NULL;
  g_autoptr(GFile) trashed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(RgSession) merged = NULL;
  g_autofree char *original = place_path (place, "sub/noe.regards");
  g_autofree char *backup = g_strconcat (original, "~", NULL);
  g_autofree char *copy = place_path (place, "sub/noe.sync-conflict-20261204-120000-ABCDEF7.regards");
  g_autofree char *version = place_path (place, ".stversions/sub/noe~20261204-100000.regards");
  g_autofree char *decoy = place_path (place, ".stversions/sub/noe~20261204-110000.regards");
  g_autofree char *checksum = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *in_trash = NULL;
  RgMergeStats stats;

  g_assert_cmpint (g_mkdir_with_parents (place_path (place, ".stversions/sub"), 0700), ==, 0);
  write_spec (place, "lea-1.regards", &spec_lea_1);

  /* The base, then the original saved over it: NAME~ is the base */
  checksum = save_session (original, base, NULL, 600);
  ours = rg_test_load_session (original);
  theirs = rg_test_load_session (original);
  add_statement (ours, "Ajouté par Mme Garnier.");
  rg_session_set_title (ours, "Revue de situation — Noé, complétée");
  g_free (save_session (original, ours, checksum, 60));

  if (ancestor == ANCESTOR_STVERSIONS)
    {
      g_assert_cmpint (g_rename (backup, version), ==, 0);
      /* Another session under the same name: not an ancestor */
      write_spec (place, ".stversions/sub/noe~20261204-110000.regards", &spec_lea_1);
      age_file (decoy, 300);
    }
  else if (ancestor == ANCESTOR_NONE)
    g_assert_cmpint (g_unlink (backup), ==, 0);

  add_statement (theirs, "Ajouté par M. Diallo.");
  g_assert_true (rg_session_remove_statement (theirs, rg_session_find_statement (
                                                        theirs, rg_statement_get_id (first))));
  write_session_file (copy, theirs);
  age_file (copy, 30);

  library = open_library (place);
  assert_scan (library, 3, 0, 0, 0, 0);

  copy_file = g_file_new_for_path (copy);
  g_assert_true (rg_library_merge_conflict_copy (library, copy_file, &stats, &trashed, NULL,
                                                 &error));
  g_assert_no_error (error);
  /* Without the base, the title changed on one side is a change on
   * both: ours stays, theirs is kept beside it to choose */
  g_assert_cmpuint (stats.conflicts, ==, ancestor == ANCESTOR_NONE ? 1 : 0);
  g_assert_cmpuint (stats.added, >=, 1);

  /* The copy went to the Trash, whole */
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_nonnull (trashed);
  in_trash = g_file_get_path (trashed);
  g_assert_true (g_str_has_prefix (in_trash, g_get_user_data_dir ()));
  g_assert_true (g_file_test (in_trash, G_FILE_TEST_IS_REGULAR));

  /* The original has both sides */
  merged = rg_test_load_session (original);
  g_assert_cmpstr (rg_session_get_title (merged), ==, "Revue de situation — Noé, complétée");
  statements = statements_of (original);
  if (ancestor == ANCESTOR_NONE)
    {
      g_assert_nonnull (strstr (statements, "Ajouté par Mme Garnier."));
      g_assert_nonnull (strstr (statements, "Ajouté par M. Diallo."));
    }
  else
    {
      expected = g_strdup ("Absences fréquentes le lundi matin.|Ajouté par M. Diallo.|"
                           "Ajouté par Mme Garnier.|Il aime le football et s'y sent reconnu.");
      g_assert_cmpstr (statements, ==, expected);
    }

  /* The index follows at once */
  model = run_query (library, query);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (rg_library_entry_get_title (get_entry (model, 0)), ==,
                   "Revue de situation — Noé, complétée");
  g_assert_null (rg_library_entry_get_conflict_of (get_entry (model, 0)));
  assert_scan (library, 0, 0, 0, 0, 2);

  assert_finalized (g_steal_pointer (&library));
}

static void
test_conflict_merge (void)
{
  merge_one (ANCESTOR_BACKUP);
  merge_one (ANCESTOR_STVERSIONS);
  merge_one (ANCESTOR_NONE);
}

/* Only a copy of the same session beside it is merged; nothing is
 * touched otherwise. */
static void
test_conflict_merge_refused (void)
{
  static const char * const names[] = {
    "noe (conflicted copy 2026-12-04 120000).regards",  /* another session */
    "noe-bis.regards",                                  /* not a copy's name */
    "absente (conflict 2026-12-04 12-00-00).regards",   /* no original */
  };
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;

  write_spec (place, "noe.regards", &spec_noe);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    write_spec (place, names[i], &spec_lea_1);
  library = open_library (place);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = place_path (place, names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) trashed = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_file_get_contents (path, &before, NULL, NULL);
      g_assert_false (rg_library_merge_conflict_copy (library, file, NULL, &trashed, NULL, &error));
      g_assert_nonnull (error);
      if (i < 2)
        g_assert_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_NOT_A_CONFLICT_COPY);
      g_assert_null (trashed);
      g_file_get_contents (path, &after, NULL, NULL);
      g_assert_cmpstr (before, ==, after);
    }

  assert_finalized (g_steal_pointer (&library));
}

static void
test_search_accents (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;

  write_shared_sessions (place);
  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);

  /* Without accents, with, in capitals: the same. The example speaks of
   * "décrochage" in a synthesis and in its glossary. */
  assert_text_finds (library, "decrochage", "Revue de situation — trimestre 1|Première revue — Léa");
  assert_text_finds (library, "décrochage", "Revue de situation — trimestre 1|Première revue — Léa");
  assert_text_finds (library, "DÉCROCHAGE", "Revue de situation — trimestre 1|Première revue — Léa");
  assert_text_finds (library, "harcelement", "Deuxième revue — Léa");
  assert_text_finds (library, "harcèlement", "Deuxième revue — Léa");

  /* Composed or decomposed accents in what is typed. */
  assert_text_finds (library, "harce\xcc\x80lement", "Deuxième revue — Léa");

  /* The last word is a prefix, for type-ahead; the others are words. */
  assert_text_finds (library, "décro", "Revue de situation — trimestre 1|Première revue — Léa");
  assert_text_finds (library, "harc", "Deuxième revue — Léa");
  assert_text_finds (library, "cour harc", "Deuxième revue — Léa");
  assert_text_finds (library, "harc cour", "");
  assert_text_finds (library, "crochage", "");

  /* Every word must be there. */
  assert_text_finds (library, "football lundi", "Revue de situation — trimestre 1|Revue de situation — Noé");
  assert_text_finds (library, "football déménagé", "");

  /* Titles, situations and partners are text too. */
  assert_text_finds (library, "premiere revue", "Première revue — Léa");
  assert_text_finds (library, "Eleve N., CE2", "Revue de situation — Noé");
  assert_text_finds (library, "PRE-2026-014", "Revue de situation — trimestre 1");
  assert_text_finds (library, "Benali", "Revue de situation — trimestre 1");
  assert_text_finds (library, "diallo", "Revue de situation — Noé");

  /* No word: no criterion. */
  {
    g_autoptr(GListModel) model = search_text (library, "  ?! ");

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  }

  assert_finalized (g_steal_pointer (&library));
}

static void
test_search_syntax (void)
{
  static const char * const typed[] = {
    "\"", "\"décrochage", "décrochage\"", "AND(", "AND", "OR", "NOT", "NEAR(a b)",
    "*", "-", "^", "a:b", "title:", "{title}", "(", ")", "'", "''", "\\", "%", "_",
    "décrochage AND(", "NEAR", "\"\" \"", "lecture*", "+", "col : x", "x\ty\nz",
    "\xff\xfe invalid utf-8", "😀 emoji",
  };
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autofree char *expr = NULL;

  /* The words as the tokenizer sees them, each quoted, the last a prefix. */
  expr = _rg_library_fts_expression ("l'école  Saint-Aubin", NULL);
  g_assert_cmpstr (expr, ==, "\"l\" \"école\" \"Saint\" \"Aubin\"*");
  g_clear_pointer (&expr, g_free);
  expr = _rg_library_fts_expression ("AND( \"x", "{name profession}");
  g_assert_cmpstr (expr, ==, "{name profession} : (\"AND\" \"x\"*)");
  g_clear_pointer (&expr, g_free);
  g_assert_null (_rg_library_fts_expression (" ()\"*: ", NULL));
  g_assert_null (_rg_library_fts_expression (NULL, NULL));

  write_shared_sessions (place);
  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
      g_autoptr(GListModel) model = NULL;
      g_autoptr(GError) error = NULL;

      query->text = g_strdup (typed[i]);
      query->partner = g_strdup (typed[i]);
      query->institution = g_strdup (typed[i]);
      model = rg_library_query (library, query, &error);
      g_assert_no_error (error);
      g_assert_nonnull (model);
    }

  /* What is around the quotes is still found. */
  assert_text_finds (library, "\"décrochage", "Revue de situation — trimestre 1|Première revue — Léa");
  assert_text_finds (library, "AND(décrochage", "");

  assert_finalized (g_steal_pointer (&library));
}

static char *
query_titles (RgLibrary            *library,
              const RgLibraryQuery *query)
{
  g_autoptr(GListModel) model = run_query (library, query);

  return titles (model);
}

static void
assert_query (RgLibrary            *library,
              const RgLibraryQuery *query,
              const char           *expected)
{
  g_autofree char *found = query_titles (library, query);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_filters (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  write_shared_sessions (place);
  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);

  /* By situation, oldest first: the follow-up of one child. */
  {
    g_autoptr(RgLibraryQuery) query = rg_library_query_new ();

    query->situation_id = g_strdup (SITUATION_LEA);
    query->oldest_first = TRUE;
    assert_query (library, query, "Première revue — Léa|Deuxième revue — Léa");
    query->oldest_first = FALSE;
    assert_query (library, query, "Deuxième revue — Léa|Première revue — Léa");
  }

  /* By partner: name or profession, any case or accent, prefix. */
  {
    g_autoptr(RgLibraryQuery) query = rg_library_query_new ();

    query->partner = g_strdup ("Roussel");
    assert_query (library, query,
                  "Revue de situation — trimestre 1|Deuxième revue — Léa|Première revue — Léa");
    g_free (query->partner);
    query->partner = g_strdup ("mme rous");
    assert_query (library, query,
                  "Revue de situation — trimestre 1|Deuxième revue — Léa|Première revue — Léa");
    g_free (query->partner);
    query->partner = g_strdup ("assistante sociale");
    assert_query (library, query, "Revue de situation — trimestre 1|Deuxième revue — Léa");
    g_free (query->partner);
    query->partner = g_strdup ("educateur");
    assert_query (library, query, "Revue de situation — trimestre 1|Première revue — Léa");
    /* An institution is not a name. */
    g_free (query->partner);
    query->partner = g_strdup ("Tilleuls");
    assert_query (library, query, "");
    /* The words must belong to one partner. */
    g_free (query->partner);
    query->partner = g_strdup ("Diallo Mère");
    assert_query (library, query, "");
  }

  /* By institution. */
  {
    g_autoptr(RgLibraryQuery) query = rg_library_query_new ();

    query->institution = g_strdup ("education nationale");
    assert_query (library, query,
                  "Revue de situation — trimestre 1|Revue de situation — Noé|Deuxième revue — Léa");
    g_free (query->institution);
    query->institution = g_strdup ("circonscription nord");
    assert_query (library, query, "Revue de situation — trimestre 1|Revue de situation — Noé");
    g_free (query->institution);
    query->institution = g_strdup ("Roussel");
    assert_query (library, query, "");
  }

  /* By dates, both ends included. */
  {
    g_autoptr(RgLibraryQuery) query = rg_library_query_new ();

    query->from = g_strdup ("2025-06-20");
    assert_query (library, query,
                  "Revue de situation — trimestre 1|Revue de situation — Noé|Deuxième revue — Léa");
    query->to = g_strdup ("2026-01-15");
    assert_query (library, query, "Revue de situation — Noé|Deuxième revue — Léa");
    g_free (query->from);
    query->from = NULL;
    g_free (query->to);
    query->to = g_strdup ("2025-06-19");
    assert_query (library, query, "Première revue — Léa");
  }

  /* With open divergences. */
  {
    g_autoptr(RgLibraryQuery) query = rg_library_query_new ();

    query->open_divergences_only = TRUE;
    assert_query (library, query,
                  "Revue de situation — trimestre 1|Revue de situation — Noé|Première revue — Léa");
  }

  /* Everything at once. */
  {
    g_autoptr(RgLibraryQuery) query = rg_library_query_new ();

    query->text = g_strdup ("lecture");
    query->partner = g_strdup ("roussel");
    query->institution = g_strdup ("tilleuls");
    query->situation_id = g_strdup (SITUATION_LEA);
    query->from = g_strdup ("2025-01-01");
    query->to = g_strdup ("2025-12-31");
    query->open_divergences_only = TRUE;
    assert_query (library, query, "Première revue — Léa");
    query->open_divergences_only = FALSE;
    g_free (query->text);
    query->text = g_strdup ("cour");
    assert_query (library, query, "Deuxième revue — Léa");
  }

  /* Paged. */
  {
    g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
    guint n = 0;

    query->limit = 2;
    assert_query (library, query, "Revue de situation — trimestre 1|Revue de situation — Noé");
    query->offset = 2;
    assert_query (library, query, "Deuxième revue — Léa|Première revue — Léa");
    query->offset = 4;
    assert_query (library, query, "");
    query->offset = 3;
    query->limit = 0;
    assert_query (library, query, "Première revue — Léa");
    g_assert_true (rg_library_count (library, query, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 4);
  }

  /* A date that is not one. */
  {
    g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
    g_autoptr(GListModel) model = NULL;

    query->from = g_strdup ("2025-02-30");
    model = rg_library_query (library, query, &error);
    g_assert_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_INVALID_QUERY);
    g_assert_null (model);
    g_clear_error (&error);
    g_free (query->from);
    query->from = g_strdup ("'; DROP TABLE sessions; --");
    model = rg_library_query (library, query, &error);
    g_assert_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_INVALID_QUERY);
    g_clear_error (&error);
  }

  assert_finalized (g_steal_pointer (&library));
}

static void
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
scan_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RgLibraryScanResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rg_library_scan_finish (RG_LIBRARY (object), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
count_cb (RgLibrary *library,
          guint     *n_changed)
{
  (*n_changed)++;
}

static void
test_rebuild_deleted (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  write_shared_sessions (place);
  library = open_library (place);
  g_assert_null (rg_library_get_notice (library));
  assert_scan (library, 4, 0, 0, 0, 0);
  assert_finalized (g_steal_pointer (&library));

  /* The index and its journal deleted, as a cleaning tool would. */
  wal = g_strconcat (place->database, "-wal", NULL);
  shm = g_strconcat (place->database, "-shm", NULL);
  g_assert_cmpint (g_unlink (place->database), ==, 0);
  g_unlink (wal);
  g_unlink (shm);

  library = open_library (place);
  g_assert_nonnull (rg_library_get_notice (library));
  g_assert_null (strchr (rg_library_get_notice (library), '\n'));
  assert_scan (library, 4, 0, 0, 0, 0);
  assert_text_finds (library, "decrochage", "Revue de situation — trimestre 1|Première revue — Léa");

  rg_library_clear_notice (library);
  g_assert_null (rg_library_get_notice (library));
  assert_finalized (g_steal_pointer (&library));

  /* Opened again as it is: nothing to say. */
  library = open_library (place);
  g_assert_null (rg_library_get_notice (library));
  assert_scan (library, 0, 0, 0, 0, 4);
  assert_finalized (g_steal_pointer (&library));
}

/* Writes random bytes over @path from @offset to its end. */
static void
write_garbage (const char *path,
               gsize       offset)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autofree guint8 *garbage = NULL;
  struct stat st;
  int fd;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, offset);

  garbage = g_malloc (st.st_size - offset);
  for (gsize i = 0; i < (gsize) st.st_size - offset; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);

  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, st.st_size - offset, offset), ==, st.st_size - offset);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
test_rebuild_corrupt (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autofree char *old = NULL;
  g_autofree char *notice = NULL;

  write_shared_sessions (place);
  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);
  assert_finalized (g_steal_pointer (&library));

  /* Garbage over the whole file: not even a database. */
  write_garbage (place->database, 0);

  library = open_library (place);
  g_assert_nonnull (rg_library_get_notice (library));
  notice = g_strdup (rg_library_get_notice (library));

  old = g_strconcat (place->database, ".old", NULL);
  g_assert_true (g_file_test (old, G_FILE_TEST_IS_REGULAR));

  /* Never empty: the first search fills the new index, and is right. */
  assert_text_finds (library, "decrochage", "Revue de situation — trimestre 1|Première revue — Léa");
  assert_scan (library, 0, 0, 0, 0, 4);
  assert_finalized (g_steal_pointer (&library));

  /* Garbage in the pages but a valid header: found when opening. */
  write_garbage (place->database, 4096);
  library = open_library (place);
  g_assert_cmpstr (rg_library_get_notice (library), ==, notice);
  assert_scan (library, 4, 0, 0, 0, 0);
  assert_finalized (g_steal_pointer (&library));
}

/* The index damaged while the library is open: found by a search, or by
 * a scan, which set it aside and start again. */
static void
test_rebuild_corrupt_while_open (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  guint n_changed = 0;

  write_shared_sessions (place);
  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);
  assert_finalized (g_steal_pointer (&library));

  /* Opened intact, then damaged behind its back. */
  library = open_library (place);
  g_assert_null (rg_library_get_notice (library));
  g_signal_connect (library, "changed", G_CALLBACK (count_cb), &n_changed);
  write_garbage (place->database, 4096);

  /* The search does not fail, nor answers wrong: the index is set
   * aside, the new one filled, the search runs on it, and the user is
   * told. */
  query->text = g_strdup ("decrochage");
  model = rg_library_query (library, query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (model);
  found = titles (model);
  g_assert_cmpstr (found, ==, "Revue de situation — trimestre 1|Première revue — Léa");
  g_assert_nonnull (rg_library_get_notice (library));
  g_assert_cmpuint (n_changed, ==, 1);
  assert_text_finds (library, "decrochage", "Revue de situation — trimestre 1|Première revue — Léa");
  assert_scan (library, 0, 0, 0, 0, 4);
  assert_finalized (g_steal_pointer (&library));

  /* Damaged again while open; this time a scan finds it. */
  library = open_library (place);
  g_assert_null (rg_library_get_notice (library));
  write_garbage (place->database, 4096);
  assert_scan (library, 4, 0, 0, 0, 0);
  g_assert_nonnull (rg_library_get_notice (library));
  assert_text_finds (library, "decrochage", "Revue de situation — trimestre 1|Première revue — Léa");
  assert_finalized (g_steal_pointer (&library));
}

/* A caller may not want to know why a scan failed: without a place for
 * the error, a scan cancelled, refused, or recovering from a damaged
 * index ends as it does with one. */
static void
test_scan_without_error (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RgLibraryScanResult) result = NULL;
  g_autofree char *moved = NULL;

  write_shared_sessions (place);
  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);
  assert_finalized (g_steal_pointer (&library));

  /* Damaged while open: set aside and made again under the scan. */
  library = open_library (place);
  write_garbage (place->database, 4096);
  result = rg_library_scan (library, NULL, NULL);
  g_assert_nonnull (result);
  g_assert_cmpuint (rg_library_scan_result_get_n_added (result), ==, 4);
  g_assert_nonnull (rg_library_get_notice (library));

  g_cancellable_cancel (cancellable);
  g_assert_null (rg_library_scan (library, cancellable, NULL));

  moved = g_strconcat (place->folder, ".moved", NULL);
  g_assert_cmpint (g_rename (place->folder, moved), ==, 0);
  g_assert_null (rg_library_scan (library, NULL, NULL));
  g_assert_null (rg_library_scan_with_flags (library, RG_LIBRARY_SCAN_INDEX_ONLY, NULL, NULL));
  g_assert_cmpint (g_rename (moved, place->folder), ==, 0);

  assert_scan (library, 0, 0, 0, 0, 4);
  assert_finalized (g_steal_pointer (&library));
}

static void write_many (Place *place,
                        guint  n);

/* Writes random bytes over the middle third of @path. */
static void
write_garbage_in_middle (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1717);
  g_autofree guint8 *garbage = NULL;
  struct stat st;
  gsize length;
  int fd;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >=, 3 * 4096);
  length = st.st_size / 3;
  garbage = g_malloc (length);
  for (gsize i = 0; i < length; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);

  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, length, st.st_size / 3), ==, length);
  g_assert_cmpint (close (fd), ==, 0);
}

/* Garbage in the middle of a real index: whatever reads it first — a
 * search of a library opened before or after, the command line — gets
 * the right answer, the first time. */
static void
test_rebuild_garbage_in_middle (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibrary) before = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_auto(RgTestRun) run = { 0 };
  const char *expected = "Revue de situation — trimestre 1|Première revue — Léa";

  write_shared_sessions (place);
  write_many (place, 200);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GListModel) model = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *found = NULL;
      guint n = 0;

      library = open_library (place);
      assert_scan (library, 204, 0, 0, 0, 0);
      /* Some searches, to write and read every table */
      assert_text_finds (library, "decrochage", expected);
      assert_finalized (g_steal_pointer (&library));

      if (round == 1)
        before = open_library (place);
      write_garbage_in_middle (place->database);

      switch (round)
        {
        case 0:
          /* A library opened on it: the first search */
          library = open_library (place);
          query->text = g_strdup ("decrochage");
          model = rg_library_query (library, query, &error);
          g_assert_no_error (error);
          found = titles (model);
          g_assert_cmpstr (found, ==, expected);
          g_clear_pointer (&query->text, g_free);
          g_assert_true (rg_library_count (library, query, &n, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (n, ==, 204);
          assert_finalized (g_steal_pointer (&library));
          break;

        case 1:
          /* A library opened before */
          assert_text_finds (before, "decrochage", expected);
          assert_finalized (g_steal_pointer (&before));
          break;

        case 2:
          /* The command line, without and with its scan first */
          rg_test_run_cli (&run, NULL, "search", "--no-scan", "--library", place->folder,
                           "--database", place->database, "decrochage", NULL);
          g_assert_cmpint (run.status, ==, 0);
          g_assert_nonnull (strstr (run.out, "Première revue — Léa"));
          g_assert_nonnull (strstr (run.out, "trimestre 1"));
          rg_test_run_clear (&run);
          write_garbage_in_middle (place->database);
          rg_test_run_cli (&run, NULL, "search", "--json", "--library", place->folder,
                           "--database", place->database, "decrochage", NULL);
          g_assert_cmpint (run.status, ==, 0);
          g_assert_nonnull (strstr (run.out, "Première revue — Léa"));
          g_assert_nonnull (strstr (run.out, "trimestre 1"));
          break;

        default:
          g_assert_not_reached ();
        }

      /* For the next round, from the start */
      g_unlink (place->database);
    }
}

/* No index file can be written where it should be: the library works
 * on one in memory, says so, and answers right. */
static void
test_rebuild_unwritable (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  guint n = 0;

  write_shared_sessions (place);
  /* Not even root may make a folder there */
  g_free (place->database);
  place->database = g_strdup ("/proc/self/regards/index.sqlite");

  library = open_library (place);
  g_assert_nonnull (rg_library_get_notice (library));
  assert_text_finds (library, "decrochage", "Revue de situation — trimestre 1|Première revue — Léa");
  g_assert_true (rg_library_count (library, query, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  /* It follows the files as any index does */
  write_spec (place, "noe-2.regards", &spec_noe);
  path = place_path (place, "noe-2.regards");
  file = g_file_new_for_path (path);
  g_assert_true (rg_library_update_file (library, file, NULL, &error));
  g_assert_no_error (error);
  assert_text_finds (library, "garnier", "Revue de situation — Noé|Revue de situation — Noé");
  assert_scan (library, 0, 0, 0, 0, 5);

  assert_finalized (g_steal_pointer (&library));
}

/* Runs regards-cli @args… with the folder of the index read-only: a
 * read-only mount of it when we are root (to whom permissions are no
 * obstacle), its permissions otherwise. */
static void
run_cli_read_only (RgTestRun   *run,
                   Place       *place,
                   const char * const *args)
{
  g_autofree char *cache = g_path_get_dirname (place->database);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  int wait_status = 0;

  if (geteuid () == 0)
    {
      g_assert_nonnull (unshare);
      g_ptr_array_add (argv, unshare);
      g_ptr_array_add (argv, (char *) "--mount");
      g_ptr_array_add (argv, (char *) "sh");
      g_ptr_array_add (argv, (char *) "-c");
      g_ptr_array_add (argv, (char *) "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && "
                             "shift && exec \"$@\"");
      g_ptr_array_add (argv, (char *) "sh");
      g_ptr_array_add (argv, cache);
    }
  else
    {
      g_assert_cmpint (g_chmod (cache, 0555), ==, 0);
    }

  g_ptr_array_add (argv, (char *) rg_test_cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("status %d, stderr: %s", run->status, run->err);

  if (geteuid () != 0)
    g_assert_cmpint (g_chmod (cache, 0700), ==, 0);
}

/* A read-only index (0444, in a folder that cannot be written): the
 * search is right, never stale, or fails saying why; never empty. */
static void
test_rebuild_read_only (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_auto(RgTestRun) run = { 0 };
  const char *args[] = {
    "search", "--json", "--library", place->folder, "--database", place->database, "garnier",
    NULL, NULL
  };

  write_shared_sessions (place);
  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);
  assert_finalized (g_steal_pointer (&library));

  /* Made after the index: a stale index does not know it */
  write_spec (place, "noe-2.regards", &spec_noe);
  g_assert_cmpint (g_chmod (place->database, 0444), ==, 0);

  for (guint round = 0; round < 2; round++)
    {
      run_cli_read_only (&run, place, args);
      if (run.status == 0)
        {
          g_autoptr(GVariant) array = rg_test_json_parse (run.out);

          g_assert_cmpuint (g_variant_n_children (array), ==, 2);
        }
      else
        {
          g_assert_cmpint (run.status, ==, 1);
          g_assert_cmpstr (run.out, ==, "");
          g_assert_nonnull (strstr (run.err, "index"));
        }
      rg_test_run_clear (&run);

      /* The same without looking at the files first */
      args[7] = "--no-scan";
    }

  g_assert_cmpint (g_chmod (place->database, 0600), ==, 0);
}

static void
test_rebuild_unknown_version (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autofree char *notice_corrupt = NULL;
  sqlite3 *db = NULL;

  write_shared_sessions (place);
  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);
  assert_finalized (g_steal_pointer (&library));

  /* As a future version of Regards would leave it. */
  g_assert_cmpint (sqlite3_open (place->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = open_library (place);
  g_assert_nonnull (rg_library_get_notice (library));
  assert_scan (library, 4, 0, 0, 0, 0);
  assert_finalized (g_steal_pointer (&library));

  /* A database that is not ours at all. */
  g_assert_cmpint (g_unlink (place->database), ==, 0);
  g_assert_cmpint (sqlite3_open (place->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE other (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = open_library (place);
  g_assert_nonnull (rg_library_get_notice (library));
  assert_scan (library, 4, 0, 0, 0, 0);
  assert_finalized (g_steal_pointer (&library));
}

static void
test_failed_file (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryScanResult) result = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) model = NULL;
  g_autofree char *example = read_example (NULL);
  g_autofree char *newer = NULL;
  g_autofree char *dangling = NULL;
  g_autofree char *found = NULL;
  g_autofree char *broken_path = NULL;
  GListModel *failures;

  write_shared_sessions (place);
  write_text (place, "casse.regards", "<session xmlns=\"urn:x-regards:session\"");
  write_text (place, "vide.regards", "");
  newer = g_strdup (example);
  /* Whatever version the example is written in, one from the future */
  *(strstr (newer, "format-version=\"") + strlen ("format-version=\"")) = '7';
  write_text (place, "2031/future.regards", newer);
  /* Well-formed, current, readable at a glance, but a statement refers to
   * a partner the file does not have: only the loader's check finds it. */
  dangling = g_strdup (example);
  memcpy (strstr (dangling, "partner=\"5c77715a"), "partner=\"00000000", 17);
  write_text (place, "2026/orphelin.regards", dangling);

  library = open_library (place);
  result = scan (library);
  g_assert_cmpuint (rg_library_scan_result_get_n_added (result), ==, 4);
  g_assert_cmpuint (rg_library_scan_result_get_n_failed (result), ==, 4);

  /* Each with its own reason, in words for a person. */
  failures = rg_library_scan_result_get_failures (result);
  g_assert_cmpuint (g_list_model_get_n_items (failures), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      RgLibraryEntry *entry = get_entry (failures, i);
      const char *message = rg_library_entry_get_error_message (entry);

      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 10);
      g_assert_null (rg_library_entry_get_title (entry));
    }
  /* Sorted by path. */
  g_assert_true (g_str_has_suffix (rg_library_entry_get_path (get_entry (failures, 0)),
                                   "2026/orphelin.regards"));
  g_assert_true (g_str_has_suffix (rg_library_entry_get_path (get_entry (failures, 1)),
                                   "2031/future.regards"));
  g_assert_true (g_str_has_suffix (rg_library_entry_get_path (get_entry (failures, 2)),
                                   "casse.regards"));
  g_assert_nonnull (strstr (rg_library_entry_get_error_message (get_entry (failures, 1)),
                            "newer"));
  g_clear_pointer (&result, rg_library_scan_result_unref);

  /* Listed with the sessions, first; never matched by a criterion. */
  found = query_titles (library, query);
  g_assert_cmpstr (found, ==, "ERROR|ERROR|ERROR|ERROR|Revue de situation — trimestre 1|"
                              "Revue de situation — Noé|Deuxième revue — Léa|Première revue — Léa");
  query->oldest_first = TRUE;
  g_clear_pointer (&found, g_free);
  found = query_titles (library, query);
  g_assert_true (g_str_has_prefix (found, "ERROR|ERROR|ERROR|ERROR|Première revue"));
  query->open_divergences_only = TRUE;
  g_clear_pointer (&found, g_free);
  found = query_titles (library, query);
  g_assert_null (strstr (found, "ERROR"));

  /* Still failing, unchanged: still listed, not read again. */
  assert_scan (library, 0, 0, 0, 4, 8);

  /* Mended: updated. */
  write_text (place, "casse.regards", example);
  assert_scan (library, 0, 1, 0, 3, 7);

  /* Gone: removed. */
  broken_path = place_path (place, "vide.regards");
  g_assert_cmpint (g_unlink (broken_path), ==, 0);
  assert_scan (library, 0, 0, 1, 2, 7);

  assert_finalized (g_steal_pointer (&library));
}


/* Indexing without the check: searchable at once, checked by the next
 * scan, which finds what the quick reading cannot. */
static void
test_index_only (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryScanResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *example = read_example (NULL);
  g_autofree char *dangling = g_strdup (example);

  write_shared_sessions (place);
  memcpy (strstr (dangling, "partner=\"5c77715a"), "partner=\"00000000", 17);
  write_text (place, "orphelin.regards", dangling);
  write_text (place, "casse.regards", "pas du XML");

  library = open_library (place);
  result = rg_library_scan_with_flags (library, RG_LIBRARY_SCAN_INDEX_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rg_library_scan_result_get_n_added (result), ==, 5);
  /* Not XML at all: the loader was asked straight away. */
  g_assert_cmpuint (rg_library_scan_result_get_n_failed (result), ==, 1);
  g_assert_cmpuint (rg_library_scan_result_get_n_unchecked (result), ==, 5);
  g_clear_pointer (&result, rg_library_scan_result_unref);
  assert_text_finds (library, "decrochage",
                     "Revue de situation — trimestre 1|Revue de situation — trimestre 1|"
                     "Première revue — Léa");

  /* Nothing changed, but five files to check; one fails. */
  assert_scan (library, 0, 0, 0, 2, 6);
  assert_text_finds (library, "decrochage",
                     "Revue de situation — trimestre 1|Première revue — Léa");
  assert_scan (library, 0, 0, 0, 2, 6);

  /* A file indexed only, then a scan whose one new file the loader
   * reads at once: what the check of the first finds is written all
   * the same, though no file indexed is left to check after it. */
  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *name = g_strdup_printf ("noe-%u.regards", round);
      g_autofree char *broken = g_strdup_printf ("casse-%u.regards", round);

      write_spec (place, name, &spec_noe);
      result = rg_library_scan_with_flags (library, RG_LIBRARY_SCAN_INDEX_ONLY, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rg_library_scan_result_get_n_unchecked (result), ==, 1);
      g_clear_pointer (&result, rg_library_scan_result_unref);

      write_text (place, broken, "pas du XML non plus");
      result = rg_library_scan (library, NULL, &error);
      g_assert_no_error (error);
      g_clear_pointer (&result, rg_library_scan_result_unref);

      result = rg_library_scan_with_flags (library, RG_LIBRARY_SCAN_INDEX_ONLY, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rg_library_scan_result_get_n_unchecked (result), ==, 0);
      g_clear_pointer (&result, rg_library_scan_result_unref);
    }

  assert_finalized (g_steal_pointer (&library));
}

static RgLibraryRecord *
extract_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = _rg_library_read_file (path, &error);

  g_assert_no_error (error);
  return _rg_library_record_extract (bytes);
}

static void
assert_same_record (RgLibraryRecord *a,
                    RgLibraryRecord *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->date, ==, b->date);
  g_assert_cmpstr (a->status, ==, b->status);
  g_assert_cmpstr (a->situation_text, ==, b->situation_text);
  g_assert_cmpstr (a->partners_summary, ==, b->partners_summary);
  g_assert_cmpstr (a->body->str, ==, b->body->str);
  g_assert_cmpuint (a->n_statements, ==, b->n_statements);
  g_assert_cmpuint (a->n_open_divergences, ==, b->n_open_divergences);
  g_assert_cmpuint (a->actions->len, ==, b->actions->len);
  g_assert_cmpuint (a->links->len, ==, b->links->len);
  g_assert_cmpuint (a->review_items->len, ==, b->review_items->len);
  g_assert_cmpuint (a->consents->len, ==, b->consents->len);
  g_assert_cmpuint (a->criteria->len, ==, b->criteria->len);
  g_assert_cmpstr (a->digest, ==, b->digest);
}

/* The quick reading gives the record the loader gives, to the byte. */
static void
test_extract_matches_loader (void)
{
  g_autoptr(Place) place = place_new ();
  g_autofree char *example = rg_test_example_path ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RgSession) full = NULL;
  g_autofree char *full_path = place_path (place, "complete.regards");

  /* Glossary meanings of several partners, criteria, actions, consents:
   * everything the index reads. */
  full = rg_test_load_session (example);
  {
    GListModel *partners = rg_session_get_partners (full);
    g_autoptr(RgPartner) last = g_list_model_get_item (partners, 2);
    g_autoptr(RgPartner) first = g_list_model_get_item (partners, 0);
    g_autoptr(RgTerm) term = rg_term_new ("absentéisme");
    g_autoptr(RgConsent) consent = rg_consent_new ("Partage avec le CMP");

    rg_term_set_meaning (term, rg_partner_get_id (last), "Plus de quatre demi-journées par mois.");
    rg_term_set_meaning (term, rg_partner_get_id (first), "Toute absence non justifiée.");
    rg_session_add_term (full, term);
    rg_consent_set_shared_with (consent, "Psychologue du CMP");
    rg_session_add_consent (full, consent);
    rg_session_set_place (full, "");
    rg_session_set_kind (full, RG_SESSION_KIND_CONTRIBUTION);
    /* What version 5 of the format added */
    rg_partner_set_contribution_asked (first, "2026-11-03");
    rg_partner_set_contribution_received (first, "2026-11-12");
    rg_partner_set_contribution_asked (last, "2026-11-04");
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (rg_session_get_categories (full), 0);
      g_autoptr(RgCriterion) criterion = g_list_model_get_item (rg_category_get_criteria (category), 0);

      rg_criterion_set_met (criterion, TRUE);
    }
  }
  /* What a follow-up carries: items to review, one reviewed, one with a
   * note, and a consent to confirm. */
  {
    g_autoptr(RgReviewItem) open = rg_review_item_new (RG_LINK_TYPE_DIVERGENCE);
    g_autoptr(RgReviewItem) done = rg_review_item_new (RG_LINK_TYPE_CLARIFY);
    g_autoptr(RgConsent) carried = rg_consent_new ("Partage avec l'école");

    rg_review_item_set_note (open, "Le retard du matin");
    rg_review_item_add_quote (open, "Mme Martin", "Scolarité", "Arrive en retard.");
    rg_review_item_set_reviewed (done, TRUE);
    rg_session_add_review_item (full, open);
    rg_session_add_review_item (full, done);
    rg_consent_set_date (carried, "2025-09-01");
    rg_consent_set_to_confirm (carried, TRUE);
    rg_session_add_consent (full, carried);
  }
  write_session_file (full_path, full);
  {
    g_autoptr(RgLibraryRecord) quick = extract_file (full_path);
    const RgLibraryRecordReviewItem *item;
    const RgLibraryRecordConsent *consent;

    g_assert_cmpuint (quick->review_items->len, ==, 2);
    item = &g_array_index (quick->review_items, RgLibraryRecordReviewItem, 0);
    g_assert_cmpstr (item->type, ==, "divergence");
    g_assert_false (item->reviewed);
    g_assert_cmpstr (item->note, ==, "Le retard du matin");
    item = &g_array_index (quick->review_items, RgLibraryRecordReviewItem, 1);
    g_assert_cmpstr (item->type, ==, "clarify");
    g_assert_true (item->reviewed);
    g_assert_null (item->note);
    consent = &g_array_index (quick->consents, RgLibraryRecordConsent,
                              quick->consents->len - 1);
    g_assert_cmpstr (consent->date, ==, "2025-09-01");
    g_assert_true (consent->to_confirm);
    g_assert_cmpuint (quick->links->len, >, 0);
    g_assert_cmpuint (quick->actions->len, >, 0);
    g_assert_cmpstr (g_array_index (quick->partners, RgLibraryRecordPartner,
                                    0).contribution_asked, ==, "2026-11-03");
    g_assert_cmpstr (g_array_index (quick->partners, RgLibraryRecordPartner,
                                    0).contribution_received, ==, "2026-11-12");
    g_assert_cmpstr (g_array_index (quick->partners, RgLibraryRecordPartner,
                                    2).contribution_asked, ==, "2026-11-04");
    g_assert_null (g_array_index (quick->partners, RgLibraryRecordPartner,
                                  2).contribution_received);
    g_assert_true (g_array_index (quick->criteria, RgLibraryRecordCriterion, 0).met);
    g_assert_false (g_array_index (quick->criteria, RgLibraryRecordCriterion, 1).met);
  }

  g_ptr_array_add (paths, g_strdup (example));
  g_ptr_array_add (paths, g_strdup (full_path));
  write_shared_sessions (place);
  g_ptr_array_add (paths, place_path (place, "lea-1.regards"));
  g_ptr_array_add (paths, place_path (place, "2025/lea-2.regards"));
  g_ptr_array_add (paths, place_path (place, "noe.regards"));

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(RgLibraryRecord) quick = extract_file (path);
      g_autoptr(RgLibraryRecord) loaded = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (quick);
      loaded = _rg_library_record_load (path, NULL, &error);
      g_assert_no_error (error);
      assert_same_record (quick, loaded);
    }

  /* What the quick reading leaves to the loader. */
  {
    static const char * const others[] = {
      "",
      "pas du XML",
      "<?xml version=\"1.0\"?><session/>",
      "<?xml version=\"1.0\"?><!DOCTYPE session [<!ENTITY a \"b\">]>"
      "<session xmlns=\"urn:x-regards:session\" format-version=\"1\">&a;</session>",
      "<session xmlns=\"urn:x-regards:session\" format-version=\"99\"/>",
      "<session xmlns=\"urn:x-regards:session\" format-version=\"0\"/>",
      "<session xmlns=\"urn:x-regards:session\" format-version=\"1\">",
      "<autre xmlns=\"urn:x-regards:session\" format-version=\"1\"/>",
    };

    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        g_autoptr(GBytes) bytes = g_bytes_new_static (others[i], strlen (others[i]));

        g_assert_null (_rg_library_record_extract (bytes));
      }
  }

  /* A DOCTYPE in UTF-16, where a search for "<!DOCTYPE" in bytes misses. */
  {
    const char *text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE session ["
                       "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                       "<session xmlns=\"urn:x-regards:session\" format-version=\"1\">"
                       "<title>&b;</title></session>";
    g_autofree char *utf16 = NULL;
    g_autoptr(GBytes) bytes = NULL;
    glong n = 0;

    utf16 = (char *) g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
    bytes = g_bytes_new (utf16, n * 2);
    g_assert_null (_rg_library_record_extract (bytes));
  }
}

/* Every fixture of the loader's tests, hostile ones included: the index
 * says of each what the loader says, to the word. */
static void
test_loader_fixtures (void)
{
  static const char * const dirs[] = { "format", "hostile" };
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  guint n_failing = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir_path = g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"),
                                                    "tests", "data", dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *from = g_build_filename (dir_path, name, NULL);
          g_autofree char *relpath = g_build_filename (dirs[d], name, NULL);
          g_autofree char *contents = NULL;
          g_autoptr(GError) error = NULL;
          gsize len;

          if (!_rg_library_is_session_name (name))
            continue;

          g_file_get_contents (from, &contents, &len, &error);
          g_assert_no_error (error);
          {
            g_autofree char *to = place_path (place, relpath);
            g_autofree char *parent = g_path_get_dirname (to);

            g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
            g_file_set_contents (to, contents, len, &error);
            g_assert_no_error (error);
            g_ptr_array_add (copies, g_steal_pointer (&to));
          }
        }
    }

  g_assert_cmpuint (copies->len, >, 10);
  library = open_library (place);
  {
    g_autoptr(RgLibraryScanResult) result = scan (library);

    g_assert_nonnull (result);
    assert_quick_reading_agrees (place->folder);
  }
  model = run_query (library, query);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, copies->len);

  for (guint i = 0; i < copies->len; i++)
    {
      const char *path = g_ptr_array_index (copies, i);
      RgLibraryEntry *entry = find_by_path (model, path);
      g_autoptr(GError) error = NULL;
      g_autoptr(RgLibraryRecord) record = _rg_library_record_load (path, NULL, &error);

      g_assert_nonnull (entry);
      if (record != NULL)
        {
          g_assert_null (rg_library_entry_get_error_message (entry));
          g_assert_cmpstr (rg_library_entry_get_title (entry), ==, record->title);
        }
      else
        {
          g_assert_cmpstr (rg_library_entry_get_error_message (entry), ==, error->message);
          n_failing++;
        }
    }

  /* All but the valid ones (valid.regards, version-3.regards,
   * version-4.regards) and one more */
  g_assert_cmpuint (n_failing, >=, copies->len - 4);
  assert_finalized (g_steal_pointer (&library));
}

static void
test_update_file (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) outside = NULL;
  g_autoptr(GFile) hidden = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = place_path (place, "noe.regards");
  g_autofree char *outside_path = g_build_filename (place->dir, "ailleurs.regards", NULL);
  guint n_changed = 0;

  write_shared_sessions (place);
  library = open_library (place);
  assert_scan (library, 4, 0, 0, 0, 0);
  g_signal_connect (library, "changed", G_CALLBACK (count_cb), &n_changed);

  /* Saved by the application: indexed from the session, at once. */
  file = g_file_new_for_path (path);
  session = rg_test_load_session (path);
  rg_session_set_title (session, "Revue de situation — Noé, séance Mistral");
  write_session_file (path, session);
  g_assert_true (rg_library_update_file (library, file, session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  assert_text_finds (library, "seance mistral", "Revue de situation — Noé, séance Mistral");

  /* The scan agrees: nothing to read. */
  assert_scan (library, 0, 0, 0, 0, 4);

  /* Without a session: the file is read. */
  rg_session_set_title (session, "Revue de situation — Noé, séance Tramontane");
  write_session_file (path, session);
  g_assert_true (rg_library_update_file (library, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  assert_text_finds (library, "tramontane", "Revue de situation — Noé, séance Tramontane");

  /* A file that does not load: indexed with its error. */
  write_text (place, "noe.regards", "<?xml version=\"1.0\"?><autre/>");
  g_assert_true (rg_library_update_file (library, file, NULL, &error));
  g_assert_no_error (error);
  assert_text_finds (library, "tramontane", "");
  assert_scan (library, 0, 0, 0, 1, 4);

  /* Removed. */
  write_session_file (path, session);
  g_assert_true (rg_library_update_file (library, file, session, &error));
  g_assert_true (rg_library_remove_file (library, file, &error));
  g_assert_no_error (error);
  assert_text_finds (library, "tramontane", "");
  /* The file is still there, so a scan finds it again. */
  assert_scan (library, 1, 0, 0, 0, 3);

  /* A file that is gone leaves the index. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (rg_library_update_file (library, file, NULL, &error));
  g_assert_no_error (error);
  assert_text_finds (library, "tramontane", "");
  assert_scan (library, 0, 0, 0, 0, 3);

  /* Sessions opened from elsewhere are not the library's. */
  outside = g_file_new_for_path (outside_path);
  write_session_file (outside_path, session);
  g_assert_false (rg_library_update_file (library, outside, session, &error));
  g_assert_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_NOT_IN_LIBRARY);
  g_clear_error (&error);
  folder = g_file_new_for_path (place->folder);
  hidden = g_file_get_child (folder, ".brouillon.regards");
  g_assert_false (rg_library_remove_file (library, hidden, &error));
  g_assert_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_NOT_IN_LIBRARY);
  g_clear_error (&error);

  assert_finalized (g_steal_pointer (&library));
}

/* Many sessions, so a scan takes long enough to overlap with the rest. */
static void
write_many (Place *place,
            guint  n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *relpath = g_strdup_printf ("%u/session-%04u.regards", i % 7, i);
      g_autofree char *title = g_strdup_printf ("Revue numéro %u", i);
      g_autofree char *date = g_strdup_printf ("20%02u-%02u-%02u", 20 + i % 7, 1 + i % 12,
                                               1 + i % 28);
      Spec spec = spec_noe;

      spec.title = title;
      spec.date = date;
      write_spec (place, relpath, &spec);
    }
}

static void
scan_cancelled_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RgLibraryScanResult) scan_result = NULL;
  g_autoptr(GError) error = NULL;

  scan_result = rg_library_scan_finish (RG_LIBRARY (object), result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (scan_result);
  *(gboolean *) user_data = TRUE;
}

static void
test_scan_async_while_searching (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryScanResult) result = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  guint n_searches = 0;
  guint n_seen = 0;

  write_many (place, 400);
  library = open_library (place);

  rg_library_scan_async (library, NULL, scan_async_cb, &result);
  g_assert_true (rg_library_get_scanning (library));

  query->text = g_strdup ("foot");
  while (result == NULL)
    {
      g_autoptr(GListModel) model = run_query_busy (library, query);
      guint n = g_list_model_get_n_items (model);

      /* Sessions appear as the scan goes, and never disappear. */
      g_assert_cmpuint (n, >=, n_seen);
      n_seen = n;
      n_searches++;
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_false (rg_library_get_scanning (library));
  g_assert_cmpuint (rg_library_scan_result_get_n_added (result), ==, 400);
  g_assert_cmpuint (n_searches, >, 1);
  {
    g_autoptr(GListModel) model = run_query (library, query);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 400);
  }

  /* Cancelled: stops, and what was done stays done. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(RgLibraryScanResult) cancelled = NULL;
    g_autoptr(RgLibraryScanResult) after = NULL;
    gboolean done = FALSE;

    g_cancellable_cancel (cancellable);
    cancelled = rg_library_scan (library, cancellable, &error);
    g_assert_null (cancelled);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_cancellable_reset (cancellable);

    for (guint i = 0; i < 100; i++)
      {
        g_autofree char *relpath = g_strdup_printf ("plus/%u.regards", i);

        write_spec (place, relpath, &spec_lea_1);
      }

    rg_library_scan_async (library, cancellable, scan_cancelled_cb, &done);
    g_cancellable_cancel (cancellable);
    wait_for (&done);

    after = scan (library);
    g_assert_cmpuint (rg_library_scan_result_get_n_added (after), <=, 100);
    g_assert_cmpuint (rg_library_scan_result_get_n_added (after) +
                      rg_library_scan_result_get_n_unchanged (after), ==, 500);
  }

  assert_finalized (g_steal_pointer (&library));
}

static void
query_async_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GListModel **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rg_library_query_finish (RG_LIBRARY (object), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

/* Two library objects on one index, as two copies of the program would
 * be: both scan, one saves, both search; nobody sees SQLITE_BUSY. */
static void
test_two_libraries (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) first = NULL;
  g_autoptr(RgLibrary) second = NULL;
  g_autoptr(RgLibraryScanResult) first_result = NULL;
  g_autoptr(RgLibraryScanResult) second_result = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(RgSession) session = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = place_path (place, "noe.regards");
  guint n_updates = 0;

  write_many (place, 300);
  write_spec (place, "noe.regards", &spec_noe);
  file = g_file_new_for_path (path);
  session = rg_test_load_session (path);

  first = open_library (place);
  second = open_library (place);

  rg_library_scan_async (first, NULL, scan_async_cb, &first_result);
  rg_library_scan_async (second, NULL, scan_async_cb, &second_result);

  while (first_result == NULL || second_result == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) model = NULL;
      g_autoptr(GListModel) async_model = NULL;
      g_autofree char *title = g_strdup_printf ("Revue de situation — Noé, version %u", n_updates);

      rg_session_set_title (session, title);
      write_session_file (path, session);
      g_assert_true (rg_library_update_file (n_updates % 2 ? first : second, file, session, &error));
      g_assert_no_error (error);
      n_updates++;

      model = run_query_busy (n_updates % 2 ? second : first, query);
      rg_library_query_async (first, query, NULL, query_async_cb, &async_model);
      while (async_model == NULL)
        g_main_context_iteration (NULL, TRUE);
    }

  /* Between them, every file was added once. */
  g_assert_cmpuint (rg_library_scan_result_get_n_added (first_result) +
                    rg_library_scan_result_get_n_added (second_result) +
                    rg_library_scan_result_get_n_updated (first_result) +
                    rg_library_scan_result_get_n_updated (second_result), >=, 301);
  /* At least the first round ran while both scans did. */
  g_assert_cmpuint (n_updates, >=, 1);

  {
    g_autoptr(GListModel) model = run_query (first, query);
    g_autoptr(GListModel) other = run_query (second, query);
    g_autofree char *last = g_strdup_printf ("Revue de situation — Noé, version %u", n_updates - 1);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 301);
    g_assert_cmpuint (g_list_model_get_n_items (other), ==, 301);
    assert_text_finds (second, "version", last);
  }

  assert_scan (first, 0, 0, 0, 0, 301);
  assert_scan (second, 0, 0, 0, 0, 301);

  assert_finalized (g_steal_pointer (&first));
  assert_finalized (g_steal_pointer (&second));
}

static void
changed_cb (RgLibrary *library,
            gboolean  *changed)
{
  *changed = TRUE;
}

static void
wait_changed (RgLibrary *library,
              gboolean  *changed)
{
  wait_for (changed);
  /* Let a refresh that follows this one finish too. */
  while (rg_library_get_scanning (library))
    g_main_context_iteration (NULL, TRUE);
  *changed = FALSE;
}

static void
test_monitor (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibrary) library = NULL;
  g_autofree char *path = place_path (place, "nouvelle.regards");
  g_autofree char *subdir = place_path (place, "2027");
  g_autofree char *moved = place_path (place, "2027/renommee.regards");
  gboolean changed = FALSE;
  Spec spec = spec_noe;

  write_shared_sessions (place);
  library = open_library (place);
  g_signal_connect (library, "changed", G_CALLBACK (changed_cb), &changed);
  rg_library_set_monitoring (library, TRUE);
  g_assert_true (rg_library_get_monitoring (library));
  assert_scan (library, 4, 0, 0, 0, 0);
  changed = FALSE;

  /* Another program adds a session. */
  spec.title = "Ajoutée par Zéphyrine";
  write_spec (place, "nouvelle.regards", &spec);
  wait_changed (library, &changed);
  assert_text_finds (library, "zephyrine", "Ajoutée par Zéphyrine");

  /* …changes it… */
  spec.title = "Modifiée par Zéphyrine";
  write_spec (place, "nouvelle.regards", &spec);
  wait_changed (library, &changed);
  assert_text_finds (library, "zephyrine", "Modifiée par Zéphyrine");

  /* …in a new folder… */
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  wait_changed (library, &changed);
  {
    g_autoptr(GListModel) model = search_text (library, "zephyrine");

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpstr (rg_library_entry_get_path (get_entry (model, 0)), ==, moved);
  }

  /* …then in that folder, now watched… */
  spec.title = "Dans le dossier Aquilon";
  write_spec (place, "2027/autre.regards", &spec);
  wait_changed (library, &changed);
  assert_text_finds (library, "aquilon", "Dans le dossier Aquilon");

  /* …and deletes. */
  g_assert_cmpint (g_unlink (moved), ==, 0);
  wait_changed (library, &changed);
  assert_text_finds (library, "zephyrine", "");

  /* Everything was picked up: a scan has nothing to do. */
  assert_scan (library, 0, 0, 0, 0, 5);

  rg_library_set_monitoring (library, FALSE);
  assert_finalized (g_steal_pointer (&library));
}

/* Fails the test unless @text is one JSON value */
static void
assert_json (const char *text)
{
  g_autoptr(GVariant) value = rg_test_json_parse (text);
}

/* regards-cli index and search, text and JSON, on titles that need
 * escaping. */
static void
test_cli (void)
{
  g_autoptr(Place) place = place_new ();
  g_auto(RgTestRun) run = { 0 };
  g_autofree char *noe = NULL;
  g_autofree char *expected_line = NULL;
  Spec odd = spec_noe;

  odd.title = "Revue \"spéciale\"\tà C:\\dossier\nsuite";
  odd.date = "2026-02-03";
  write_spec (place, "lea-1.regards", &spec_lea_1);
  write_spec (place, "bizarre.regards", &odd);
  write_text (place, "casse.regards", "<session");

  /* A file that cannot be loaded: the command says so, and fails. */
  rg_test_run_cli (&run, NULL, "index", "--json", "--library", place->folder,
                   "--database", place->database, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_json (run.out);
  g_assert_nonnull (strstr (run.out, "\"added\": 2,"));
  g_assert_nonnull (strstr (run.out, "\"failed\": 1,"));
  g_assert_nonnull (strstr (run.out, "casse.regards\",\n      \"error\": \"This file is damaged"));
  rg_test_run_clear (&run);

  rg_test_run_cli (&run, NULL, "index", "--library", place->folder,
                   "--database", place->database, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "Unchanged: 3\nFailed: 1\n"));
  rg_test_run_clear (&run);

  /* Searched without accents; escaped in JSON, as is in text. */
  rg_test_run_cli (&run, NULL, "search", "--json", "--library", place->folder,
                   "--database", place->database, "speciale", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_json (run.out);
  g_assert_nonnull (strstr (run.out, "\"title\": \"Revue \\\"spéciale\\\"\\tà C:\\\\dossier\\nsuite\""));
  g_assert_nonnull (strstr (run.out, "\"n_open_divergences\": 2"));
  rg_test_run_clear (&run);

  noe = place_path (place, "bizarre.regards");
  /* One line per session, whatever its title holds. */
  expected_line = g_strdup_printf ("%s\t2026-02-03\t%s\n", noe,
                                   "Revue \"spéciale\" à C:\\dossier suite");
  rg_test_run_cli (&run, NULL, "search", "--library", place->folder,
                   "--database", place->database, "speciale", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected_line);
  rg_test_run_clear (&run);

  /* Every filter of the command line. */
  rg_test_run_cli (&run, NULL, "search", "--json", "--library", place->folder,
                   "--database", place->database, "--partner", "roussel",
                   "--institution", "tilleuls", "--from", "2025-01-01",
                   "--to", "2025-12-31", "--open-divergences", "lecture", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_json (run.out);
  g_assert_nonnull (strstr (run.out, "Première revue — Léa"));
  g_assert_null (strstr (run.out, "spéciale"));
  rg_test_run_clear (&run);

  /* Nothing found is not a failure; a wrong date is a usage error. */
  rg_test_run_cli (&run, NULL, "search", "--json", "--library", place->folder,
                   "--database", place->database, "AND(\"", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "[]\n");
  rg_test_run_clear (&run);
  rg_test_run_cli (&run, NULL, "search", "--library", place->folder,
                   "--database", place->database, "--from", "2025-02-30", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static int
remove_entry (const char        *path,
              const struct stat *st,
              int                flag,
              struct FTW        *ftw)
{
  return remove (path);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_root = rg_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/index", test_index);
  g_test_add_func ("/library/default-paths", test_default_paths);
  g_test_add_func ("/library/rescan", test_rescan);
  g_test_add_func ("/library/scan/temporary-files", test_scan_temporary_files);
  g_test_add_func ("/library/scan/sync-temporary-files", test_scan_sync_temporary_files);
  g_test_add_func ("/library/scan/without-error", test_scan_without_error);
  g_test_add_func ("/library/conflict/names", test_conflict_names);
  g_test_add_func ("/library/conflict/names-translated", test_conflict_names_translated);
  g_test_add_func ("/library/conflict/index", test_conflict_index);
  g_test_add_func ("/library/conflict/merge", test_conflict_merge);
  g_test_add_func ("/library/conflict/merge-refused", test_conflict_merge_refused);
  g_test_add_func ("/library/search/accents-and-prefix", test_search_accents);
  g_test_add_func ("/library/search/user-syntax", test_search_syntax);
  g_test_add_func ("/library/search/filters", test_filters);
  g_test_add_func ("/library/rebuild/deleted", test_rebuild_deleted);
  g_test_add_func ("/library/rebuild/corrupt", test_rebuild_corrupt);
  g_test_add_func ("/library/rebuild/corrupt-while-open", test_rebuild_corrupt_while_open);
  g_test_add_func ("/library/rebuild/unknown-version", test_rebuild_unknown_version);
  g_test_add_func ("/library/rebuild/garbage-in-the-middle", test_rebuild_garbage_in_middle);
  g_test_add_func ("/library/rebuild/unwritable", test_rebuild_unwritable);
  g_test_add_func ("/library/rebuild/read-only", test_rebuild_read_only);
  g_test_add_func ("/library/failed-file", test_failed_file);
  g_test_add_func ("/library/update-file", test_update_file);
  g_test_add_func ("/library/index-only", test_index_only);
  g_test_add_func ("/library/extract-matches-loader", test_extract_matches_loader);
  g_test_add_func ("/library/loader-fixtures", test_loader_fixtures);
  g_test_add_func ("/library/scan-async-while-searching", test_scan_async_while_searching);
  g_test_add_func ("/library/two-libraries", test_two_libraries);
  g_test_add_func ("/library/monitor", test_monitor);
  g_test_add_func ("/library/cli", test_cli);

  ret = g_test_run ();

  nftw (test_root, remove_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
  g_free (test_root);

  return ret;
}
