/* test-sitting.c — the sitting model: its agenda, slots, invitees, signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "rg-partner.h"
#include "rg-sitting.h"
#include "rg-test-utils.h"

#define SITUATION_A "7c2e4b6a-3d5f-4a7b-8c1d-2e3f4a5b6c7d"
#define SITUATION_B "b06c8f0e-7b9d-4e1f-8a5b-6c7d8e9fa0b1"

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_new (void)
{
  g_autoptr(RgSitting) sitting = rg_sitting_new ();
  g_autofree char *today = rg_date_new_today ();

  g_assert_true (rg_id_is_valid (rg_sitting_get_id (sitting)));
  g_assert_cmpstr (rg_sitting_get_title (sitting), ==, "");
  g_assert_cmpint (rg_sitting_get_kind (sitting), ==, RG_SITTING_KIND_SUPPORT_TEAM);
  g_assert_cmpstr (rg_sitting_get_date (sitting), ==, today);
  g_assert_null (rg_sitting_get_place (sitting));
  g_assert_cmpuint (g_list_model_get_n_items (rg_sitting_get_items (sitting)), ==, 0);
  g_assert_null (rg_sitting_get_start (sitting));
  g_assert_null (rg_sitting_get_end (sitting));

  /* An empty place is no place, as in sessions */
  rg_sitting_set_place (sitting, "");
  g_assert_null (rg_sitting_get_place (sitting));
}

static void
test_kind_words (void)
{
  RgSittingKind kind = RG_SITTING_KIND_SUPPORT_TEAM;

  g_assert_cmpstr (rg_sitting_kind_to_string (RG_SITTING_KIND_SUPPORT_TEAM), ==, "support-team");
  g_assert_cmpstr (rg_sitting_kind_to_string (RG_SITTING_KIND_TECHNICAL_COMMITTEE), ==,
                   "technical-committee");
  g_assert_true (rg_sitting_kind_from_string ("technical-committee", &kind));
  g_assert_cmpint (kind, ==, RG_SITTING_KIND_TECHNICAL_COMMITTEE);
  g_assert_false (rg_sitting_kind_from_string ("committee", &kind));
  g_assert_false (rg_sitting_kind_from_string (NULL, &kind));
  g_assert_cmpstr (rg_sitting_kind_get_label (RG_SITTING_KIND_SUPPORT_TEAM), ==, "Support team");
}

static void
test_times (void)
{
  g_autofree char *half_past_two = rg_sitting_time_from_minutes (14 * 60 + 30);

  g_assert_true (rg_sitting_time_is_valid ("00:00"));
  g_assert_true (rg_sitting_time_is_valid ("23:59"));
  g_assert_false (rg_sitting_time_is_valid ("24:00"));
  g_assert_false (rg_sitting_time_is_valid ("12:60"));
  g_assert_false (rg_sitting_time_is_valid ("9:30"));
  g_assert_false (rg_sitting_time_is_valid ("09:30:00"));
  g_assert_false (rg_sitting_time_is_valid ("0930"));
  g_assert_false (rg_sitting_time_is_valid (""));
  g_assert_false (rg_sitting_time_is_valid (NULL));
  g_assert_cmpint (rg_sitting_time_to_minutes ("14:30"), ==, 870);
  g_assert_cmpstr (half_past_two, ==, "14:30");
  g_assert_null (rg_sitting_time_from_minutes (24 * 60));
  g_assert_null (rg_sitting_time_from_minutes (-1));
}

static void
test_agenda (void)
{
  g_autoptr(RgSitting) sitting = rg_sitting_new ();
  g_autoptr(RgSittingItem) first = rg_sitting_item_new (SITUATION_A, "Élève A., CM1", "14:00", "14:30");
  g_autoptr(RgSittingItem) second = rg_sitting_item_new (SITUATION_B, "Élève B., 6e", "14:30", "15:15");
  g_autoptr(RgSittingInvitee) teacher = NULL;
  g_autoptr(RgSittingInvitee) father = rg_sitting_invitee_new ("M. Durand");
  g_autoptr(RgPartner) partner = rg_partner_new ();
  guint changes = 0;

  g_signal_connect (sitting, "changed", G_CALLBACK (count_cb), &changes);

  rg_sitting_add_item (sitting, second);
  rg_sitting_insert_item (sitting, first, 0);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (rg_list_model_find (rg_sitting_get_items (sitting), first), ==, 0);
  g_assert_cmpuint (rg_list_model_find (rg_sitting_get_items (sitting), second), ==, 1);
  g_assert_true (rg_sitting_find_item (sitting, rg_sitting_item_get_id (second)) == second);
  g_assert_cmpstr (rg_sitting_get_start (sitting), ==, "14:00");
  g_assert_cmpstr (rg_sitting_get_end (sitting), ==, "15:15");

  /* An invitee from a partner of the situation's sessions keeps its id */
  rg_partner_set_name (partner, "Mme Martin");
  rg_partner_set_profession (partner, "Enseignante");
  rg_partner_set_institution (partner, "École Jules Ferry");
  teacher = rg_sitting_invitee_new_for_partner (partner);
  g_assert_cmpstr (rg_sitting_invitee_get_partner_id (teacher), ==, rg_partner_get_id (partner));
  g_assert_cmpstr (rg_sitting_invitee_get_institution (teacher), ==, "École Jules Ferry");
  g_assert_null (rg_sitting_invitee_get_partner_id (father));

  changes = 0;
  rg_sitting_item_add_invitee (first, teacher);
  rg_sitting_item_add_invitee (first, father);
  g_assert_cmpuint (changes, ==, 2);

  /* A change deep in the agenda reaches the sitting, once */
  changes = 0;
  rg_sitting_invitee_set_profession (father, "Père");
  g_assert_cmpuint (changes, ==, 1);
  rg_sitting_item_set_end (second, "15:30");
  g_assert_cmpuint (changes, ==, 2);
  rg_sitting_item_set_end (second, "15:30");
  g_assert_cmpuint (changes, ==, 2);
  rg_sitting_set_title (sitting, "EPS de mars");
  g_assert_cmpuint (changes, ==, 3);

  g_assert_true (rg_sitting_item_find_invitee (first, "M. Durand") == father);
  g_assert_true (rg_sitting_item_find_invitee (first, "mme martin") == teacher);
  g_assert_null (rg_sitting_item_find_invitee (first, "Mme Martine"));

  /* Removed, an item no longer tells the sitting */
  g_assert_true (rg_sitting_remove_item (sitting, first));
  g_assert_false (rg_sitting_remove_item (sitting, first));
  changes = 0;
  rg_sitting_item_set_situation_label (first, "Élève A., CM2");
  g_assert_cmpuint (changes, ==, 0);
  g_assert_null (rg_sitting_find_item (sitting, rg_sitting_item_get_id (first)));
  g_assert_cmpstr (rg_sitting_get_start (sitting), ==, "14:30");

  g_assert_true (rg_sitting_item_remove_invitee (first, father));
  g_assert_cmpuint (g_list_model_get_n_items (rg_sitting_item_get_invitees (first)), ==, 1);
}

static void
test_session_file (void)
{
  g_assert_true (rg_sitting_session_file_is_valid ("suivi.regards"));
  g_assert_true (rg_sitting_session_file_is_valid ("2027/mars/suivi A.regards"));
  g_assert_false (rg_sitting_session_file_is_valid (NULL));
  g_assert_false (rg_sitting_session_file_is_valid (""));
  g_assert_false (rg_sitting_session_file_is_valid ("/etc/passwd"));
  g_assert_false (rg_sitting_session_file_is_valid ("../outside.regards"));
  g_assert_false (rg_sitting_session_file_is_valid ("a/../../outside.regards"));
  g_assert_false (rg_sitting_session_file_is_valid ("a//b.regards"));
  g_assert_false (rg_sitting_session_file_is_valid ("./b.regards"));
  g_assert_false (rg_sitting_session_file_is_valid ("a\\..\\b.regards"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sitting/new", test_new);
  g_test_add_func ("/sitting/kind-words", test_kind_words);
  g_test_add_func ("/sitting/times", test_times);
  g_test_add_func ("/sitting/agenda", test_agenda);
  g_test_add_func ("/sitting/session-file", test_session_file);

  return g_test_run ();
}
