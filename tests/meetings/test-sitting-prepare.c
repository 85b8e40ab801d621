/* test-sitting-prepare.c — preparing a sitting for a situation that has
 * no session yet, in a real library folder and index
 *
 * (Preparing the follow-up of a situation's latest session is tested
 * through the command line, in tests/cli/test-cli-sitting.c.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "rg-file-io.h"
#include "rg-library.h"
#include "rg-session-xml.h"
#include "rg-sitting-prepare.h"
#include "rg-test-utils.h"

#define NEW_SITUATION "c17e9a0b-8cad-4f20-9b6c-7d8e9fa0b1c2"

static void
test_new_situation (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("library-XXXXXX", &error);
  g_autofree char *database = g_build_filename (folder, "..", "prepare-index.db", NULL);
  g_autofree char *contributions_path = g_build_filename (folder, "Contributions", NULL);
  g_autoptr(GFile) contributions = g_file_new_for_path (contributions_path);
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryScanResult) scan = NULL;
  g_autoptr(RgSitting) sitting = rg_sitting_new ();
  g_autoptr(RgSittingItem) item = rg_sitting_item_new (NEW_SITUATION, "Élève C., CE2", "10:00", "10:30");
  g_autoptr(RgSittingInvitee) invitee = rg_sitting_invitee_new ("Mme Lefèvre");
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) session_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgPartner) partner = NULL;
  g_autoptr(RgLibraryEntry) latest = NULL;
  g_autoptr(GFile) folder_file = NULL;

  g_assert_no_error (error);
  library = rg_library_new (folder, database, &error);
  g_assert_no_error (error);
  scan = rg_library_scan (library, NULL, &error);
  g_assert_no_error (error);

  /* A situation the library does not know cannot be added from it */
  g_assert_null (rg_sitting_add_situation (sitting, library, NEW_SITUATION, NULL, 30, &error));
  g_assert_error (error, RG_SITTING_PREPARE_ERROR, RG_SITTING_PREPARE_ERROR_UNKNOWN_SITUATION);
  g_clear_error (&error);

  /* But an item made for it is prepared with a new session */
  rg_sitting_set_date (sitting, "2027-05-06");
  rg_sitting_set_title (sitting, "EPS de mai");
  rg_sitting_item_set_situation_code (item, "S-2027-003");
  rg_sitting_item_add_invitee (item, invitee);
  rg_sitting_add_item (sitting, item);

  g_assert_true (rg_sitting_prepare (sitting, library, contributions, written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 2);

  g_assert_cmpstr (rg_sitting_item_get_session_file (item), ==, "EPS de mai — Élève C., CE2.regards");
  folder_file = g_file_new_for_path (folder);
  session_file = g_file_get_child (folder_file, rg_sitting_item_get_session_file (item));
  bytes = rg_file_read_bounded (session_file, RG_SESSION_MAX_SIZE, NULL, NULL, &error);
  g_assert_no_error (error);
  session = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rg_session_get_id (session), ==, rg_sitting_item_get_session_id (item));
  g_assert_cmpstr (rg_session_get_situation_id (session), ==, NEW_SITUATION);
  g_assert_cmpstr (rg_session_get_situation_label (session), ==, "Élève C., CE2");
  g_assert_cmpstr (rg_session_get_situation_code (session), ==, "S-2027-003");
  g_assert_cmpstr (rg_session_get_date (session), ==, "2027-05-06");

  /* The invitee is a partner of it now, and the sitting knows which */
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 1);
  partner = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_assert_cmpstr (rg_partner_get_name (partner), ==, "Mme Lefèvre");
  g_assert_cmpstr (rg_sitting_invitee_get_partner_id (invitee), ==, rg_partner_get_id (partner));

  /* The index knows the new session at once */
  latest = rg_sitting_find_latest_session (library, NEW_SITUATION, &error);
  g_assert_no_error (error);
  g_assert_nonnull (latest);
  g_assert_cmpstr (rg_library_entry_get_id (latest), ==, rg_session_get_id (session));

  /* Prepared once: a second call writes nothing */
  g_ptr_array_set_size (written, 0);
  g_assert_true (rg_sitting_prepare (sitting, library, contributions, written, NULL, &error));
  g_assert_cmpuint (written->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sitting-prepare/new-situation", test_new_situation);

  return g_test_run ();
}
