/* test-sittings.c — team sittings in the library: the scan indexes the
 * sitting files beside the sessions, rg_library_list_sittings () lists
 * and finds them, a file that cannot be loaded is listed with its error,
 * and a changed or removed file is seen at the next scan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-file-io.h"
#include "rg-library-sittings-private.h"
#include "rg-session-xml.h"
#include "rg-sitting-xml.h"
#include "rg-test-utils.h"

typedef struct
{
  char      *root;
  char      *folder;
  char      *database;
  RgLibrary *library;
} Place;

static guint place_counter;

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

static void
write_bytes (Place      *place,
             const char *relpath,
             GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (place->folder, relpath, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  rg_file_write_atomic (file, bytes, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static RgSittingItem *
add_item (RgSitting  *sitting,
          const char *label,
          const char *code,
          const char *start,
          const char *end)
{
  g_autofree char *situation_id = g_uuid_string_random ();
  RgSittingItem *item = rg_sitting_item_new (situation_id, label, start, end);

  rg_sitting_item_set_situation_code (item, code);
  rg_sitting_add_item (sitting, item);
  g_object_unref (item);

  return item;
}

static void
invite (RgSittingItem *item,
        const char    *name,
        const char    *institution)
{
  g_autoptr(RgSittingInvitee) invitee = rg_sitting_invitee_new (name);

  rg_sitting_invitee_set_institution (invitee, institution);
  rg_sitting_item_add_invitee (item, invitee);
}

static void
save_sitting (Place      *place,
              const char *relpath,
              RgSitting  *sitting)
{
  g_autoptr(GBytes) bytes = rg_sitting_to_bytes (sitting);

  write_bytes (place, relpath, bytes);
}

static RgLibraryScanResult *
scan (Place *place)
{
  g_autoptr(GError) error = NULL;
  RgLibraryScanResult *result = rg_library_scan (place->library, NULL, &error);

  g_assert_no_error (error);
  return result;
}

/*
 * The library:
 *
 * march.regards-sitting      support team, 2027-03-12, "Mairie annexe",
 *                            14:00–14:30 Élève A. (S-2026-014) with Mme
 *                            Martin (École Jules Ferry), 14:30–15:15
 *                            Élève B.
 * 2027/june.regards-sitting  technical committee, 2027-06-04, "Centre
 *                            social", 09:30–10:00 Élève C. with M. Durand
 *                            (Collège Pasteur)
 * january.regards-sitting    support team, 2027-01-15, no agenda
 * broken.regards-sitting     not a sitting (a session's root)
 * a session, whose title says "Mairie": never a sitting
 * .hidden.regards-sitting and march.regards-sitting~: never listed
 */
static Place *
place_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("place-%u", ++place_counter);
  Place *place = g_new0 (Place, 1);
  g_autoptr(RgLibraryScanResult) result = NULL;

  place->root = g_build_filename (g_get_user_data_dir (), name, NULL);
  place->folder = g_build_filename (place->root, "Sessions", NULL);
  place->database = g_build_filename (place->root, "index.sqlite", NULL);
  g_assert_cmpint (g_mkdir_with_parents (place->folder, 0700), ==, 0);

  {
    g_autoptr(RgSitting) march = rg_sitting_new ();
    RgSittingItem *a;

    rg_sitting_set_title (march, "Équipe de soutien de mars");
    rg_sitting_set_date (march, "2027-03-12");
    rg_sitting_set_place (march, "Mairie annexe, salle 2");
    a = add_item (march, "Élève A., CM1", "S-2026-014", "14:00", "14:30");
    invite (a, "Mme Martin", "École Jules Ferry");
    add_item (march, "Élève B., 6e", NULL, "14:30", "15:15");
    save_sitting (place, "march.regards-sitting", march);
  }

  {
    g_autoptr(RgSitting) june = rg_sitting_new ();
    RgSittingItem *c;

    rg_sitting_set_title (june, "Comité technique de juin");
    rg_sitting_set_kind (june, RG_SITTING_KIND_TECHNICAL_COMMITTEE);
    rg_sitting_set_date (june, "2027-06-04");
    rg_sitting_set_place (june, "Centre social");
    c = add_item (june, "Élève C., CE2", NULL, "09:30", "10:00");
    invite (c, "M. Durand", "Collège Pasteur");
    save_sitting (place, "2027/june.regards-sitting", june);
  }

  {
    g_autoptr(RgSitting) january = rg_sitting_new ();

    rg_sitting_set_title (january, "Équipe de soutien de janvier");
    rg_sitting_set_date (january, "2027-01-15");
    save_sitting (place, "january.regards-sitting", january);
    save_sitting (place, ".hidden.regards-sitting", january);
    save_sitting (place, "march.regards-sitting~", january);
  }

  {
    g_autoptr(RgSession) session = rg_session_new ();
    g_autoptr(GBytes) bytes = NULL;

    rg_session_set_title (session, "Mairie");
    rg_session_set_date (session, "2027-02-01");
    bytes = rg_session_to_bytes (session);
    write_bytes (place, "session.regards", bytes);
    /* A session's XML under a sitting's name */
    write_bytes (place, "broken.regards-sitting", bytes);
  }

  place->library = rg_library_new (place->folder, place->database, &error);
  g_assert_no_error (error);
  result = scan (place);
  /* The sessions' counts are the sessions' */
  g_assert_cmpuint (rg_library_scan_result_get_n_added (result), ==, 1);
  g_assert_cmpuint (rg_library_scan_result_get_n_failed (result), ==, 0);

  return place;
}

static GListModel *
list (Place      *place,
      const char *text)
{
  g_autoptr(GError) error = NULL;
  GListModel *sittings = rg_library_list_sittings (place->library, text, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sittings);
  g_assert_true (g_list_model_get_item_type (sittings) == RG_TYPE_LIBRARY_SITTING);

  return sittings;
}

/* The titles of @sittings, a failed file by its name, joined by " | ". */
static char *
titles (GListModel *sittings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sittings); i++)
    {
      g_autoptr(RgLibrarySitting) sitting = g_list_model_get_item (sittings, i);
      g_autofree char *name = g_path_get_basename (rg_library_sitting_get_path (sitting));

      if (i > 0)
        g_string_append (text, " | ");
      g_string_append (text, rg_library_sitting_get_error_message (sitting) != NULL
                               ? name : rg_library_sitting_get_title (sitting));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_sittings_list (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GListModel) sittings = list (place, NULL);
  g_autofree char *listed = titles (sittings);
  g_autoptr(RgLibrarySitting) june = NULL;
  g_autoptr(RgLibrarySitting) march = NULL;
  g_autoptr(RgLibrarySitting) january = NULL;
  g_autoptr(RgLibrarySitting) broken = NULL;
  g_autofree char *june_path = g_build_filename (place->folder, "2027", "june.regards-sitting",
                                                 NULL);
  g_autofree char *broken_path = g_build_filename (place->folder, "broken.regards-sitting", NULL);

  /* Newest first; the file that cannot be loaded last */
  g_assert_cmpstr (listed, ==, "Comité technique de juin | Équipe de soutien de mars"
                               " | Équipe de soutien de janvier | broken.regards-sitting");

  june = g_list_model_get_item (sittings, 0);
  g_assert_cmpstr (rg_library_sitting_get_path (june), ==, june_path);
  g_assert_null (rg_library_sitting_get_error_message (june));
  g_assert_true (g_uuid_string_is_valid (rg_library_sitting_get_id (june)));
  g_assert_cmpint (rg_library_sitting_get_kind (june), ==, RG_SITTING_KIND_TECHNICAL_COMMITTEE);
  g_assert_cmpstr (rg_library_sitting_get_date (june), ==, "2027-06-04");
  g_assert_cmpstr (rg_library_sitting_get_start (june), ==, "09:30");
  g_assert_cmpstr (rg_library_sitting_get_place (june), ==, "Centre social");
  g_assert_cmpuint (rg_library_sitting_get_n_situations (june), ==, 1);

  march = g_list_model_get_item (sittings, 1);
  g_assert_cmpint (rg_library_sitting_get_kind (march), ==, RG_SITTING_KIND_SUPPORT_TEAM);
  g_assert_cmpstr (rg_library_sitting_get_start (march), ==, "14:00");
  g_assert_cmpuint (rg_library_sitting_get_n_situations (march), ==, 2);

  january = g_list_model_get_item (sittings, 2);
  g_assert_null (rg_library_sitting_get_start (january));
  g_assert_null (rg_library_sitting_get_place (january));
  g_assert_cmpuint (rg_library_sitting_get_n_situations (january), ==, 0);

  broken = g_list_model_get_item (sittings, 3);
  g_assert_cmpstr (rg_library_sitting_get_path (broken), ==, broken_path);
  g_assert_nonnull (rg_library_sitting_get_error_message (broken));
  g_assert_null (rg_library_sitting_get_title (broken));
  g_assert_null (rg_library_sitting_get_date (broken));

  /* The sessions are the sessions */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
    g_autoptr(GListModel) sessions = rg_library_query (place->library, query, &error);
    g_autoptr(RgLibraryEntry) session = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
    session = g_list_model_get_item (sessions, 0);
    g_assert_cmpstr (rg_library_entry_get_title (session), ==, "Mairie");
  }
}

static void
assert_found (Place      *place,
              const char *text,
              const char *expected)
{
  g_autoptr(GListModel) sittings = list (place, text);
  g_autofree char *found = titles (sittings);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_sittings_search (void)
{
  g_autoptr(Place) place = place_new ();

  assert_found (place, "", "Comité technique de juin | Équipe de soutien de mars"
                           " | Équipe de soutien de janvier | broken.regards-sitting");
  /* Title, without accents or case; the last word as a prefix */
  assert_found (place, "equipe sout", "Équipe de soutien de mars | Équipe de soutien de janvier");
  /* Place: the session titled "Mairie" is not a sitting */
  assert_found (place, "mairie", "Équipe de soutien de mars");
  /* A situation's label, its code */
  assert_found (place, "eleve ce2", "Comité technique de juin");
  assert_found (place, "S-2026-014", "Équipe de soutien de mars");
  /* The people invited, their institutions */
  assert_found (place, "martin", "Équipe de soutien de mars");
  assert_found (place, "pasteur", "Comité technique de juin");
  /* Every word, wherever it is */
  assert_found (place, "durand centre", "Comité technique de juin");
  assert_found (place, "durand mairie", "");
  /* A file that cannot be loaded, by its name */
  assert_found (place, "broken", "broken.regards-sitting");
  /* Search syntax is text */
  assert_found (place, "\"AND( NEAR *", "");
}

static void
test_sittings_rescan (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibraryScanResult) first = NULL;
  g_autoptr(RgLibraryScanResult) second = NULL;
  g_autofree char *march_path = g_build_filename (place->folder, "march.regards-sitting", NULL);
  g_autofree char *june_path = g_build_filename (place->folder, "2027", "june.regards-sitting",
                                                 NULL);
  g_autoptr(GFile) march_file = g_file_new_for_path (march_path);
  g_autoptr(RgSitting) march = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sittings = NULL;
  g_autofree char *listed = NULL;

  /* Nothing changed: nothing written */
  first = scan (place);
  g_assert_cmpuint (first->n_sittings_changed, ==, 0);

  /* The coordinator moves the march sitting, and the june one goes */
  march = rg_sitting_load (march_file, NULL, NULL, &error);
  g_assert_no_error (error);
  rg_sitting_set_place (march, "Maison des solidarités");
  rg_sitting_set_date (march, "2027-07-01");
  save_sitting (place, "march.regards-sitting", march);
  g_assert_cmpint (g_unlink (june_path), ==, 0);
  /* And the broken one is mended */
  {
    g_autoptr(RgSitting) mended = rg_sitting_new ();

    rg_sitting_set_title (mended, "Réparée");
    rg_sitting_set_date (mended, "2027-02-02");
    save_sitting (place, "broken.regards-sitting", mended);
  }

  second = scan (place);
  g_assert_cmpuint (second->n_sittings_changed, ==, 3);

  sittings = list (place, NULL);
  listed = titles (sittings);
  g_assert_cmpstr (listed, ==, "Équipe de soutien de mars | Réparée | Équipe de soutien de janvier");
  assert_found (place, "mairie", "");
  assert_found (place, "solidarites", "Équipe de soutien de mars");
  assert_found (place, "pasteur", "");
}

static void
list_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GListModel **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rg_library_list_sittings_finish (RG_LIBRARY (object), result, &error);
  g_assert_no_error (error);
}

static void
test_sittings_async (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GListModel) sittings = NULL;
  g_autofree char *listed = NULL;

  rg_library_list_sittings_async (place->library, "juin", NULL, list_done, &sittings);
  while (sittings == NULL)
    g_main_context_iteration (NULL, TRUE);

  listed = titles (sittings);
  g_assert_cmpstr (listed, ==, "Comité technique de juin");
}

/* An index never filled (a new one) is filled before it answers. */
static void
test_sittings_fill_first (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sittings = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *other = g_build_filename (place->root, "other.sqlite", NULL);
  g_autoptr(RgLibrary) library = rg_library_new (place->folder, other, &error);

  g_assert_no_error (error);
  sittings = rg_library_list_sittings (library, "mars", NULL, &error);
  g_assert_no_error (error);
  listed = titles (sittings);
  g_assert_cmpstr (listed, ==, "Équipe de soutien de mars");
}

static void
test_sittings_names (void)
{
  g_assert_true (_rg_library_is_indexable_sitting_path ("a.regards-sitting"));
  g_assert_true (_rg_library_is_indexable_sitting_path ("2027/a.regards-sitting"));
  g_assert_false (_rg_library_is_indexable_sitting_path (".stversions/a.regards-sitting"));
  g_assert_false (_rg_library_is_indexable_sitting_path (".a.regards-sitting"));
  g_assert_false (_rg_library_is_indexable_sitting_path ("a.regards-sitting~"));
  g_assert_false (_rg_library_is_indexable_sitting_path ("a.regards-sitting.part"));
  g_assert_false (_rg_library_is_indexable_sitting_path (".regards-sitting"));
  g_assert_false (_rg_library_is_indexable_sitting_path ("a.regards"));
  g_assert_false (_rg_library_is_indexable_path ("a.regards-sitting"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sittings/names", test_sittings_names);
  g_test_add_func ("/sittings/list", test_sittings_list);
  g_test_add_func ("/sittings/search", test_sittings_search);
  g_test_add_func ("/sittings/rescan", test_sittings_rescan);
  g_test_add_func ("/sittings/async", test_sittings_async);
  g_test_add_func ("/sittings/fill-first", test_sittings_fill_first);

  return g_test_run ();
}
