/* test-pseudonymise.c — rg_session_pseudonymise()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-file-io.h"
#include "rg-follow-up.h"
#include "rg-pseudonymise.h"
#include "rg-session-xml.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

static char *
session_text_lower (RgSession *session)
{
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_utf8_strdown (data, size);
}

static void
assert_absent (const char *haystack_lower,
               const char *name)
{
  g_autofree char *needle = g_utf8_strdown (name, -1);

  if (strstr (haystack_lower, needle) != NULL)
    g_error ("“%s” is still in the pseudonymised session", name);
}

static void
test_pseudonymise_example (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgSession) copy = NULL;
  g_autofree char *text = NULL;
  g_autofree char *original = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *partners = rg_session_get_partners (session);
  const char * const *persons = rg_session_get_person_names (session);

  /* The example names its partners and its family */
  g_assert_nonnull (persons);
  g_assert_true (g_strv_contains (persons, "Benali"));
  g_assert_true (g_strv_contains (persons, "Adam"));
  original = session_text_lower (session);
  g_assert_nonnull (strstr (original, "adam"));
  g_assert_nonnull (strstr (original, "mme roussel"));

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      g_auto(GStrv) words = g_strsplit (rg_partner_get_name (partner), " ", -1);

      g_ptr_array_add (names, g_strdup (rg_partner_get_name (partner)));
      /* The family names too: "Roussel" in "Mme Roussel" */
      g_ptr_array_add (names, g_strdup (words[g_strv_length (words) - 1]));
    }
  for (guint i = 0; persons[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (persons[i]));

  copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);
  g_assert_nonnull (copy);
  g_assert_true (copy != session);

  text = session_text_lower (copy);
  for (guint i = 0; i < names->len; i++)
    assert_absent (text, g_ptr_array_index (names, i));

  /* The original is untouched */
  g_assert_cmpstr (rg_session_get_situation_label (session), ==, "Élève A., CM1");
  g_assert_nonnull (rg_session_find_partner (session, "5c77715a-04fb-5006-a222-213ad9aa9a75"));
  g_assert_cmpstr (rg_partner_get_name (rg_session_find_partner (session, "5c77715a-04fb-5006-a222-213ad9aa9a75")),
                   ==, "Mme Roussel");

  /* Partners are their profession, the situation its code */
  g_assert_cmpstr (rg_session_get_situation_label (copy), ==, "PRE-2026-014");
  g_assert_true (rg_session_get_person_names (copy) == NULL ||
                 rg_session_get_person_names (copy)[0] == NULL);
  g_assert_cmpstr (rg_partner_get_name (rg_session_find_partner (copy, "5c77715a-04fb-5006-a222-213ad9aa9a75")),
                   ==, "Enseignante de CM1");
  g_assert_cmpstr (rg_partner_get_name (rg_session_find_partner (copy, "a30bfee0-055b-5950-bb47-1f8103389a5f")),
                   ==, "Mère");

  /* Names inside texts: the partner's whole name, then its family name */
  g_assert_cmpstr (rg_statement_get_text (rg_session_find_statement (copy, "e7b57464-0b94-5c5b-8755-b1cc037a5359")),
                   ==, "Mère élève seule ses trois enfants ; le père n'a plus de contact régulier avec eux.");
  /* A facilitator who is a partner: their pseudonym alone, rather than
   * "Coordinatrice PRE, coordinatrice PRE" */
  g_assert_cmpstr (rg_session_get_facilitator (copy), ==, "Coordinatrice PRE");
  {
    g_autoptr(RgSession) other = NULL;

    rg_session_set_facilitator (session, "Animée par Mme Fontaine");
    other = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);
    g_assert_cmpstr (rg_session_get_facilitator (other), ==, "Animée par Coordinatrice PRE");
    rg_session_set_facilitator (session, "Mme Fontainebleau");
    g_clear_object (&other);
    other = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);
    g_assert_cmpstr (rg_session_get_facilitator (other), !=, "Coordinatrice PRE");
  }
  /* The school and the town are institutions: they say where the child
   * is. A nationwide body is kept in the texts. */
  assert_absent (text, "Tilleuls");
  assert_absent (text, "Saint-Aubin");
  assert_absent (text, "Horizons");
  g_assert_nonnull (strstr (text, "psychologue de l'éducation nationale"));
  g_assert_cmpstr (rg_partner_get_institution (rg_session_find_partner (copy, "5c77715a-04fb-5006-a222-213ad9aa9a75")),
                   ==, "Institution A");
  g_assert_cmpstr (rg_session_get_place (copy), ==, "Institution A, salle de réunion");
  /* Dates are kept without the flag */
  g_assert_cmpstr (rg_session_get_date (copy), ==, "2026-11-17");
}

static void
test_pseudonymise_shared_profession (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) a = rg_partner_new ();
  g_autoptr(RgPartner) b = rg_partner_new ();
  g_autoptr(RgPartner) c = rg_partner_new ();
  g_autoptr(RgPartner) d = rg_partner_new ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(RgStatement) statement = NULL;
  g_autoptr(RgSession) copy = NULL;
  const char *names[] = { "Léa Dupré", "Inès", NULL };
  g_autofree char *text = NULL;

  rg_session_set_title (session, "Revue");
  rg_session_set_date (session, "2026-03-24");
  rg_session_set_situation_label (session, "Léa D.");
  rg_session_set_person_names (session, names);

  rg_partner_set_name (a, "Mme Martin");
  rg_partner_set_profession (a, "Enseignante");
  rg_partner_set_name (b, "Mme Éloïse Garnier");
  rg_partner_set_profession (b, "Enseignante");
  rg_partner_set_name (c, "M. Dupré");
  rg_partner_set_role (c, RG_PARTNER_ROLE_FAMILY);
  rg_partner_set_name (d, "Mme Faure");
  rg_session_add_partner (session, a);
  rg_session_add_partner (session, b);
  rg_session_add_partner (session, c);
  rg_session_add_partner (session, d);
  rg_session_add_dimension (session, dimension);

  statement = rg_statement_new (rg_partner_get_id (a), rg_dimension_get_id (dimension),
                                RG_STATEMENT_KIND_FACT,
                                "Selon MME MARTIN et eloise garnier, LÉA voit Mme Faure ; "
                                "M. Dupré l’a dit à Dupré-Léa. Martinez reste. "
                                "Le père d’Éloïse Garnier parle d’Inès, qu'Inès connaît ; "
                                "D'Inès, jusqu'à Add'Inès.");
  rg_session_add_statement (session, statement);

  copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_MONTH_DATES);
  g_assert_nonnull (copy);

  g_assert_cmpstr (rg_partner_get_name (rg_session_find_partner (copy, rg_partner_get_id (a))),
                   ==, "Enseignante 1");
  g_assert_cmpstr (rg_partner_get_name (rg_session_find_partner (copy, rg_partner_get_id (b))),
                   ==, "Enseignante 2");
  g_assert_cmpstr (rg_partner_get_name (rg_session_find_partner (copy, rg_partner_get_id (c))),
                   ==, "Family");
  g_assert_cmpstr (rg_partner_get_name (rg_session_find_partner (copy, rg_partner_get_id (d))),
                   ==, "Partner");
  /* No code: a label that reads as words */
  g_assert_cmpstr (rg_session_get_situation_label (copy), ==, "The child");
  /* Month and year only */
  g_assert_cmpstr (rg_session_get_date (copy), ==, "2026-03-01");

  g_assert_cmpstr (rg_statement_get_text (rg_session_find_statement (copy, rg_statement_get_id (statement))),
                   ==,
                   "Selon Enseignante 1 et Enseignante 2, Person A voit Partner ; "
                   /* “Dupré”, of both “Léa Dupré” and “M. Dupré”, says
                    * neither: a pseudonym of its own, never “Family” */
                   "Family l’a dit à Person B-Person A. Martinez reste. "
                   /* French elision kept before a vowel, undone before a consonant */
                   "Le père d’Enseignante 2 parle de Person C, que Person C connaît ; "
                   "De Person C, jusqu'à Add'Person C.");

  text = session_text_lower (copy);
  assert_absent (text, "Martin ");
  assert_absent (text, "Garnier");
  assert_absent (text, "Dupré");
  assert_absent (text, "Léa");
  assert_absent (text, "Faure");
}

static void
test_pseudonymise_month_dates (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgSession) copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_MONTH_DATES);
  g_autofree char *text = session_text_lower (copy);
  g_autofree char *month = NULL;
  GDateTime *created;

  g_assert_nonnull (copy);
  g_assert_cmpstr (rg_session_get_date (copy), ==, "2026-11-01");
  g_assert_cmpstr (rg_session_get_next_review (copy), ==, "2027-02-01");
  g_assert_cmpstr (rg_action_get_due (rg_session_find_action (copy, "7a54bfda-07b4-516c-aa76-2b3440f5ca95")),
                   ==, "2026-12-01");
  g_assert_cmpstr (rg_consent_get_date (rg_session_find_consent (copy, "9aa2fb49-aa17-56a8-87bb-f8dfe2b02986")),
                   ==, "2026-11-01");
  created = rg_statement_get_created (rg_session_find_statement (copy, "1941b999-0289-5567-b46e-68a167c2141a"));
  g_assert_cmpint (g_date_time_get_day_of_month (created), ==, 1);
  g_assert_cmpint (g_date_time_get_hour (created), ==, 0);
  g_assert_cmpint (g_date_time_get_month (created), ==, 11);

  /* No day of the meeting is left anywhere, and the copy is still a valid file */
  g_assert_null (strstr (text, "2026-11-17"));
  g_assert_null (strstr (text, "2026-12-11"));
  {
    g_autoptr(GBytes) bytes = rg_session_to_bytes (copy);
    g_autoptr(GError) error = NULL;
    g_autoptr(RgSession) reread = rg_session_new_from_bytes (bytes, &error);

    g_assert_no_error (error);
    g_assert_nonnull (reread);
  }

  month = rg_pseudonymise_format_month (rg_session_get_date (copy));
  g_assert_cmpstr (month, ==, "2026-11");
  g_assert_null (rg_pseudonymise_format_month ("pas une date"));
}

/* A follow-up of the example: its list to review quotes the partners
 * by name, and the quote of a partner since removed, which names
 * another; no name stays. */
static void
test_pseudonymise_review (void)
{
  g_autoptr(RgSession) example = rg_test_load_example ();
  g_autoptr(RgSession) session = rg_session_new_follow_up (example);
  g_autoptr(RgSession) copy = NULL;
  g_autoptr(RgReviewItem) gone = rg_review_item_new (RG_LINK_TYPE_DIVERGENCE);
  g_autoptr(RgReviewItem) first = NULL;
  g_autofree char *text = NULL;
  GListModel *partners = rg_session_get_partners (session);
  guint n_items;
  const char *author;

  rg_review_item_add_quote (gone, "M. Delacroix", "Scolarité", "Vu avec Mme Benali");
  rg_session_add_review_item (session, gone);
  n_items = g_list_model_get_n_items (rg_session_get_review_items (session));
  g_assert_cmpuint (n_items, >, 1);

  copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);
  text = session_text_lower (copy);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) each = g_list_model_get_item (partners, i);

      assert_absent (text, rg_partner_get_name (each));
    }
  assert_absent (text, "Delacroix");
  assert_absent (text, "Benali");

  /* The same items, in the same order, their authors pseudonyms */
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_review_items (copy)), ==, n_items);
  first = g_list_model_get_item (rg_session_get_review_items (copy), 0);
  rg_review_item_get_quote (first, 0, &author, NULL);
  {
    gboolean known = FALSE;

    /* Each author is now one of the copy's partners */
    for (guint i = 0; i < g_list_model_get_n_items (rg_session_get_partners (copy)); i++)
      {
        g_autoptr(RgPartner) each = g_list_model_get_item (rg_session_get_partners (copy), i);

        known |= g_str_equal (author, rg_partner_get_name (each));
      }
    g_assert_true (known);
  }
  {
    g_autoptr(RgReviewItem) last = g_list_model_get_item (rg_session_get_review_items (copy),
                                                          n_items - 1);

    g_assert_cmpstr (rg_review_item_get_id (last), ==, rg_review_item_get_id (gone));
    g_assert_true (g_str_has_prefix (rg_review_item_get_quote (last, 0, &author, NULL), "Vu avec "));
    g_assert_cmpstr (author, ==, "Partner");
  }
  /* The original is left as it was */
  g_assert_cmpstr (rg_review_item_get_quote (gone, 0, &author, NULL), ==, "Vu avec Mme Benali");
}

/* The team of the issue: the mother named with her role in parentheses,
 * a school named in the texts, a child's label in the texts, an action
 * owned by someone from outside the team */
static void
test_pseudonymise_meeting_room (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) mother = rg_partner_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(RgStatement) said = NULL;
  g_autoptr(RgStatement) school = NULL;
  g_autoptr(RgStatement) common = NULL;
  g_autoptr(RgAction) action = rg_action_new ("Bilan chez M. Leroy (orthophoniste)");
  g_autoptr(RgSession) copy = NULL;
  g_autofree char *text = NULL;

  rg_session_set_title (session, "Revue");
  rg_session_set_date (session, "2026-12-15");
  rg_session_set_place (session, "École Jules Ferry, salle 3");
  rg_session_set_situation_label (session, "Élève B., CE2");

  rg_partner_set_name (mother, "Mme L. (mère)");
  rg_partner_set_role (mother, RG_PARTNER_ROLE_FAMILY);
  rg_partner_set_name (teacher, "Mme Roussel");
  rg_partner_set_profession (teacher, "Enseignante");
  rg_partner_set_institution (teacher, "École élémentaire Jules Ferry");
  rg_session_add_partner (session, mother);
  rg_session_add_partner (session, teacher);
  rg_session_add_dimension (session, dimension);

  said = rg_statement_new (rg_partner_get_id (teacher), rg_dimension_get_id (dimension),
                           RG_STATEMENT_KIND_FACT,
                           "Mme L. dit qu'Élève B. dort mal. J'ai revu Mme L.");
  school = rg_statement_new (rg_partner_get_id (teacher), rg_dimension_get_id (dimension),
                             RG_STATEMENT_KIND_FACT,
                             "Élève B. est à l'école Jules Ferry depuis le CP ; Jules Ferry "
                             "l'a signalé. Avant : École élémentaire Jules Ferry.");
  common = rg_statement_new (rg_partner_get_id (mother), rg_dimension_get_id (dimension),
                             RG_STATEMENT_KIND_FACT, "L'élève a du mal, dit Mme L., en lecture.");
  rg_session_add_statement (session, said);
  rg_session_add_statement (session, school);
  rg_session_add_statement (session, common);
  rg_action_set_owner_name (action, "M. Leroy (orthophoniste)");
  rg_session_add_action (session, action);

  copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);

  /* The name without its parentheses, its initial's full stop with it
   * but where it ends a sentence; the label as words */
  g_assert_cmpstr (rg_statement_get_text (rg_session_find_statement (copy, rg_statement_get_id (said))),
                   ==, "Family dit que the child dort mal. J'ai revu Family.");
  g_assert_cmpstr (rg_statement_get_text (rg_session_find_statement (copy, rg_statement_get_id (school))),
                   ==, "The child est à l'Institution A depuis le CP ; Institution A "
                       "l'a signalé. Avant : Institution A.");
  /* “a”, the verb, is not the initial of a name */
  g_assert_cmpstr (rg_statement_get_text (rg_session_find_statement (copy, rg_statement_get_id (common))),
                   ==, "L'élève a du mal, dit Family, en lecture.");
  g_assert_cmpstr (rg_session_get_situation_label (copy), ==, "The child");
  g_assert_cmpstr (rg_session_get_place (copy), ==, "Institution A, salle 3");
  g_assert_cmpstr (rg_partner_get_institution (rg_session_find_partner (copy, rg_partner_get_id (teacher))),
                   ==, "Institution A");

  /* Someone from outside the team is a person, in the texts too */
  g_assert_cmpstr (rg_action_get_owner_name (rg_session_find_action (copy, rg_action_get_id (action))),
                   ==, "Person A");
  g_assert_cmpstr (rg_action_get_what (rg_session_find_action (copy, rg_action_get_id (action))),
                   ==, "Bilan chez Person A");

  text = session_text_lower (copy);
  assert_absent (text, "Mme L");
  assert_absent (text, "Ferry");
  assert_absent (text, "Leroy");
  assert_absent (text, "Élève B");
}

int
main (int    argc,
      char **argv)
{
  rg_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pseudonymise/example", test_pseudonymise_example);
  g_test_add_func ("/pseudonymise/month-dates", test_pseudonymise_month_dates);
  g_test_add_func ("/pseudonymise/shared-profession", test_pseudonymise_shared_profession);
  g_test_add_func ("/pseudonymise/review", test_pseudonymise_review);
  g_test_add_func ("/pseudonymise/meeting-room", test_pseudonymise_meeting_room);

  return g_test_run ();
}
