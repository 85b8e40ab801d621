/* test-session-xml.c — reading and writing session files, and templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rg-session-xml.h"
#include "rg-template.h"
#include "rg-test-utils.h"

/* Text that exercises escaping and whitespace: markup characters, both
 * quotes, CR LF and a lone CR, tabs, leading and trailing spaces,
 * accents, a character outside the BMP. */
#define TRICKY "  <b>“Léa” & 'Noé'</b>\r\n\tligne 2\rfin 🙂  "

static GBytes *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "format", name, NULL);
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static RgSession *
load_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  RgSession *session = rg_session_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);

  return session;
}

static GDateTime *
utc (int year, int month, int day, int hour, int minute, int second)
{
  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

/* A session with every field set, optional ones included */
static RgSession *
build_full_session (void)
{
  RgSession *session = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgPartner) mother = rg_partner_new ();
  g_autoptr(RgPartner) child = rg_partner_new ();
  g_autoptr(RgPartner) coordinator = rg_partner_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();
  g_autoptr(RgDimension) health = rg_dimension_new ();
  g_autoptr(RgStatement) s1 = NULL;
  g_autoptr(RgStatement) s2 = NULL;
  g_autoptr(RgStatement) s3 = NULL;
  g_autoptr(RgLink) divergence = rg_link_new (RG_LINK_TYPE_DIVERGENCE);
  g_autoptr(RgLink) clarify = rg_link_new (RG_LINK_TYPE_CLARIFY);
  g_autoptr(RgTerm) term = rg_term_new ("décrochage");
  g_autoptr(RgTerm) open_term = rg_term_new ("autonomie");
  g_autoptr(RgCategory) for_child = rg_category_new ("Pour l'enfant");
  g_autoptr(RgCategory) empty_category = rg_category_new ("Pour le partenariat");
  g_autoptr(RgCriterion) criterion = rg_criterion_new ("Venir en classe chaque matin");
  g_autoptr(RgCriterion) bare_criterion = rg_criterion_new ("");
  g_autoptr(RgAction) action = rg_action_new ("Rencontrer la famille");
  g_autoptr(RgAction) bare_action = rg_action_new (NULL);
  g_autoptr(RgConsent) consent = rg_consent_new ("Partager le bilan orthophonique");
  g_autoptr(RgConsent) bare_consent = rg_consent_new ("Échanges avec le CMP");
  g_autoptr(GDateTime) t1 = utc (2026, 11, 20, 14, 3, 0);
  g_autoptr(GDateTime) t2 = utc (2026, 11, 20, 14, 5, 12);
  g_autoptr(GDateTime) t3 = utc (2026, 11, 20, 23, 59, 59);
  const char *names[] = { "Durand", "Kevin", NULL };
  const char *indicators[] = { "Moins de deux retards par mois", TRICKY, NULL };
  const char *proposers[2] = { NULL, NULL };

  rg_session_set_title (session, "Revue de situation — trimestre 1");
  rg_session_set_date (session, "2026-11-20");
  rg_session_set_place (session, "École Jules Ferry, salle 3");
  rg_session_set_facilitator (session, TRICKY);
  rg_session_set_status (session, RG_SESSION_STATUS_HELD);
  rg_session_set_kind (session, RG_SESSION_KIND_CONTRIBUTION);
  rg_session_set_next_review (session, "2027-02-12");
  rg_session_set_situation_label (session, "Élève A., CM1");
  rg_session_set_situation_code (session, "S-2026-014 \"b\"\t<&>");
  rg_session_set_person_names (session, names);

  rg_partner_set_name (teacher, "Mme Martin");
  rg_partner_set_profession (teacher, "Enseignante");
  rg_partner_set_institution (teacher, "École Jules Ferry");
  rg_partner_set_colour (teacher, "#3584e4");
  rg_partner_set_contribution_asked (teacher, "2026-11-10");
  rg_partner_set_contribution_received (teacher, "2026-11-18");
  rg_session_add_partner (session, teacher);

  rg_partner_set_name (mother, "Mme Durand");
  rg_partner_set_role (mother, RG_PARTNER_ROLE_FAMILY);
  rg_partner_set_colour (mother, "#E01B24");
  rg_partner_set_contribution_asked (mother, "2024-02-29");
  rg_session_add_partner (session, mother);

  rg_partner_set_name (child, "");
  rg_partner_set_role (child, RG_PARTNER_ROLE_YOUNG_PERSON);
  rg_partner_set_institution (child, "CM1");
  rg_session_add_partner (session, child);

  rg_partner_set_name (coordinator, "Mme Fontaine");
  rg_partner_set_role (coordinator, RG_PARTNER_ROLE_COORDINATOR);
  rg_partner_set_colour (coordinator, "#009e73");
  rg_session_add_partner (session, coordinator);
  rg_session_set_contributor_id (session, rg_partner_get_id (mother));

  rg_dimension_set_name (school, "Scolarité et apprentissages");
  rg_dimension_set_synthesis (school, TRICKY);
  rg_session_add_dimension (session, school);
  rg_dimension_set_name (health, "Santé et développement");
  rg_session_add_dimension (session, health);

  s1 = rg_statement_new (rg_partner_get_id (teacher), rg_dimension_get_id (school),
                         RG_STATEMENT_KIND_FACT, "Absent trois lundis sur quatre");
  s2 = rg_statement_new (rg_partner_get_id (mother), rg_dimension_get_id (school),
                         RG_STATEMENT_KIND_INTERPRETATION, TRICKY);
  s3 = rg_statement_new (rg_partner_get_id (child), rg_dimension_get_id (health),
                         RG_STATEMENT_KIND_RESOURCE, "");
  rg_statement_set_created (s1, t1);
  rg_statement_set_changed (s1, t2);
  rg_statement_set_created (s2, t2);
  rg_statement_set_changed (s2, t3);
  rg_statement_set_created (s3, t3);
  rg_statement_set_changed (s3, t3);
  rg_session_add_statement (session, s1);
  rg_session_add_statement (session, s2);
  rg_session_add_statement (session, s3);

  rg_link_add_member (divergence, rg_statement_get_id (s2));
  rg_link_add_member (divergence, rg_statement_get_id (s1));
  rg_link_add_member (divergence, rg_statement_get_id (s3));
  rg_link_set_note (divergence, TRICKY);
  rg_link_set_status (divergence, RG_LINK_STATUS_SETTLED);
  rg_session_add_link (session, divergence);
  rg_link_add_member (clarify, rg_statement_get_id (s1));
  rg_link_add_member (clarify, rg_statement_get_id (s3));
  rg_session_add_link (session, clarify);

  rg_term_set_meaning (term, rg_partner_get_id (mother), "Ne plus vouloir y aller");
  rg_term_set_meaning (term, rg_partner_get_id (teacher), TRICKY);
  rg_term_set_agreed_meaning (term, "Un retrait progressif de l'école");
  rg_term_set_status (term, RG_TERM_STATUS_AGREED);
  rg_session_add_term (session, term);
  rg_session_add_term (session, open_term);

  proposers[0] = rg_partner_get_id (child);
  rg_criterion_set_indicators (criterion, indicators);
  rg_criterion_set_proposed_by (criterion, proposers);
  rg_criterion_set_agreed (criterion, TRUE);
  rg_criterion_set_met (criterion, TRUE);
  rg_category_add_criterion (for_child, criterion);
  rg_category_add_criterion (for_child, bare_criterion);
  rg_session_add_category (session, for_child);
  rg_session_add_category (session, empty_category);

  rg_action_set_owner_id (action, rg_partner_get_id (teacher));
  rg_action_set_due (action, "2027-01-15");
  rg_action_set_status (action, RG_ACTION_STATUS_IN_PROGRESS);
  rg_session_add_action (session, action);
  rg_action_set_status (bare_action, RG_ACTION_STATUS_CANCELLED);
  rg_action_set_owner_name (bare_action, "Orthophoniste \"libérale\" <&>");
  rg_session_add_action (session, bare_action);

  rg_consent_set_date (consent, "2026-11-20");
  rg_consent_set_shared_with (consent, "L'orthophoniste et l'enseignante");
  rg_consent_set_recorded_by_id (consent, rg_partner_get_id (teacher));
  rg_session_add_consent (session, consent);
  rg_consent_set_date (bare_consent, "2024-02-29");
  rg_consent_set_to_confirm (bare_consent, TRUE);
  rg_session_add_consent (session, bare_consent);

  return session;
}

static void
assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  g_assert_cmpuint (g_strv_length ((char **) a), ==, g_strv_length ((char **) b));
  for (guint i = 0; a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_times_equal (GDateTime *a,
                    GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (g_date_time_equal (a, b));
}

/* Compares every field of two sessions, and of everything they own */
static void
assert_sessions_equal (RgSession *a,
                       RgSession *b)
{
  GListModel *ma, *mb;
  guint n;

  g_assert_cmpstr (rg_session_get_id (a), ==, rg_session_get_id (b));
  g_assert_cmpstr (rg_session_get_title (a), ==, rg_session_get_title (b));
  g_assert_cmpstr (rg_session_get_date (a), ==, rg_session_get_date (b));
  g_assert_cmpstr (rg_session_get_place (a), ==, rg_session_get_place (b));
  g_assert_cmpstr (rg_session_get_facilitator (a), ==, rg_session_get_facilitator (b));
  g_assert_cmpint (rg_session_get_status (a), ==, rg_session_get_status (b));
  g_assert_cmpint (rg_session_get_kind (a), ==, rg_session_get_kind (b));
  g_assert_cmpstr (rg_session_get_contributor_id (a), ==, rg_session_get_contributor_id (b));
  g_assert_cmpstr (rg_session_get_next_review (a), ==, rg_session_get_next_review (b));
  g_assert_cmpstr (rg_session_get_situation_id (a), ==, rg_session_get_situation_id (b));
  g_assert_cmpstr (rg_session_get_situation_label (a), ==, rg_session_get_situation_label (b));
  g_assert_cmpstr (rg_session_get_situation_code (a), ==, rg_session_get_situation_code (b));
  assert_strv_equal (rg_session_get_person_names (a), rg_session_get_person_names (b));

  ma = rg_session_get_partners (a);
  mb = rg_session_get_partners (b);
  n = g_list_model_get_n_items (ma);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (mb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgPartner) pa = g_list_model_get_item (ma, i);
      g_autoptr(RgPartner) pb = g_list_model_get_item (mb, i);

      g_assert_cmpstr (rg_partner_get_id (pa), ==, rg_partner_get_id (pb));
      g_assert_cmpstr (rg_partner_get_name (pa), ==, rg_partner_get_name (pb));
      g_assert_cmpstr (rg_partner_get_profession (pa), ==, rg_partner_get_profession (pb));
      g_assert_cmpstr (rg_partner_get_institution (pa), ==, rg_partner_get_institution (pb));
      g_assert_cmpstr (rg_partner_get_colour (pa), ==, rg_partner_get_colour (pb));
      g_assert_cmpint (rg_partner_get_role (pa), ==, rg_partner_get_role (pb));
      g_assert_cmpstr (rg_partner_get_contribution_asked (pa), ==,
                       rg_partner_get_contribution_asked (pb));
      g_assert_cmpstr (rg_partner_get_contribution_received (pa), ==,
                       rg_partner_get_contribution_received (pb));
      g_assert_true (rg_session_find_partner (b, rg_partner_get_id (pa)) == pb);
    }

  ma = rg_session_get_dimensions (a);
  mb = rg_session_get_dimensions (b);
  n = g_list_model_get_n_items (ma);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (mb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgDimension) da = g_list_model_get_item (ma, i);
      g_autoptr(RgDimension) db = g_list_model_get_item (mb, i);

      g_assert_cmpstr (rg_dimension_get_id (da), ==, rg_dimension_get_id (db));
      g_assert_cmpstr (rg_dimension_get_name (da), ==, rg_dimension_get_name (db));
      g_assert_cmpstr (rg_dimension_get_synthesis (da), ==, rg_dimension_get_synthesis (db));
    }

  ma = rg_session_get_statements (a);
  mb = rg_session_get_statements (b);
  n = g_list_model_get_n_items (ma);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (mb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStatement) sa = g_list_model_get_item (ma, i);
      g_autoptr(RgStatement) sb = g_list_model_get_item (mb, i);

      g_assert_cmpstr (rg_statement_get_id (sa), ==, rg_statement_get_id (sb));
      g_assert_cmpstr (rg_statement_get_partner_id (sa), ==, rg_statement_get_partner_id (sb));
      g_assert_cmpstr (rg_statement_get_dimension_id (sa), ==, rg_statement_get_dimension_id (sb));
      g_assert_cmpint (rg_statement_get_kind (sa), ==, rg_statement_get_kind (sb));
      g_assert_cmpstr (rg_statement_get_text (sa), ==, rg_statement_get_text (sb));
      assert_times_equal (rg_statement_get_created (sa), rg_statement_get_created (sb));
      assert_times_equal (rg_statement_get_changed (sa), rg_statement_get_changed (sb));
    }

  ma = rg_session_get_links (a);
  mb = rg_session_get_links (b);
  n = g_list_model_get_n_items (ma);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (mb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgLink) la = g_list_model_get_item (ma, i);
      g_autoptr(RgLink) lb = g_list_model_get_item (mb, i);

      g_assert_cmpstr (rg_link_get_id (la), ==, rg_link_get_id (lb));
      g_assert_cmpint (rg_link_get_link_type (la), ==, rg_link_get_link_type (lb));
      g_assert_cmpint (rg_link_get_status (la), ==, rg_link_get_status (lb));
      g_assert_cmpstr (rg_link_get_note (la), ==, rg_link_get_note (lb));
      assert_strv_equal (rg_link_get_members (la), rg_link_get_members (lb));
    }

  ma = rg_session_get_terms (a);
  mb = rg_session_get_terms (b);
  n = g_list_model_get_n_items (ma);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (mb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgTerm) ta = g_list_model_get_item (ma, i);
      g_autoptr(RgTerm) tb = g_list_model_get_item (mb, i);
      const char * const *partners = rg_term_get_meaning_partners (ta);

      g_assert_cmpstr (rg_term_get_id (ta), ==, rg_term_get_id (tb));
      g_assert_cmpstr (rg_term_get_word (ta), ==, rg_term_get_word (tb));
      g_assert_cmpint (rg_term_get_status (ta), ==, rg_term_get_status (tb));
      g_assert_cmpstr (rg_term_get_agreed_meaning (ta), ==, rg_term_get_agreed_meaning (tb));
      assert_strv_equal (partners, rg_term_get_meaning_partners (tb));
      for (guint j = 0; partners[j] != NULL; j++)
        g_assert_cmpstr (rg_term_get_meaning (ta, partners[j]), ==,
                         rg_term_get_meaning (tb, partners[j]));
    }

  ma = rg_session_get_categories (a);
  mb = rg_session_get_categories (b);
  n = g_list_model_get_n_items (ma);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (mb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCategory) ca = g_list_model_get_item (ma, i);
      g_autoptr(RgCategory) cb = g_list_model_get_item (mb, i);
      GListModel *criteria_a = rg_category_get_criteria (ca);
      GListModel *criteria_b = rg_category_get_criteria (cb);
      guint n_criteria = g_list_model_get_n_items (criteria_a);

      g_assert_cmpstr (rg_category_get_id (ca), ==, rg_category_get_id (cb));
      g_assert_cmpstr (rg_category_get_name (ca), ==, rg_category_get_name (cb));
      g_assert_cmpuint (n_criteria, ==, g_list_model_get_n_items (criteria_b));
      for (guint j = 0; j < n_criteria; j++)
        {
          g_autoptr(RgCriterion) ra = g_list_model_get_item (criteria_a, j);
          g_autoptr(RgCriterion) rb = g_list_model_get_item (criteria_b, j);

          g_assert_cmpstr (rg_criterion_get_id (ra), ==, rg_criterion_get_id (rb));
          g_assert_cmpstr (rg_criterion_get_text (ra), ==, rg_criterion_get_text (rb));
          g_assert_cmpint (rg_criterion_get_agreed (ra), ==, rg_criterion_get_agreed (rb));
          g_assert_cmpint (rg_criterion_get_met (ra), ==, rg_criterion_get_met (rb));
          assert_strv_equal (rg_criterion_get_indicators (ra), rg_criterion_get_indicators (rb));
          assert_strv_equal (rg_criterion_get_proposed_by (ra), rg_criterion_get_proposed_by (rb));
          g_assert_true (rg_session_find_criterion (b, rg_criterion_get_id (ra), NULL) == rb);
        }
    }

  ma = rg_session_get_actions (a);
  mb = rg_session_get_actions (b);
  n = g_list_model_get_n_items (ma);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (mb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgAction) aa = g_list_model_get_item (ma, i);
      g_autoptr(RgAction) ab = g_list_model_get_item (mb, i);

      g_assert_cmpstr (rg_action_get_id (aa), ==, rg_action_get_id (ab));
      g_assert_cmpstr (rg_action_get_what (aa), ==, rg_action_get_what (ab));
      g_assert_cmpstr (rg_action_get_owner_id (aa), ==, rg_action_get_owner_id (ab));
      g_assert_cmpstr (rg_action_get_owner_name (aa), ==, rg_action_get_owner_name (ab));
      g_assert_cmpstr (rg_action_get_due (aa), ==, rg_action_get_due (ab));
      g_assert_cmpint (rg_action_get_status (aa), ==, rg_action_get_status (ab));
    }

  ma = rg_session_get_consents (a);
  mb = rg_session_get_consents (b);
  n = g_list_model_get_n_items (ma);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (mb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgConsent) ca = g_list_model_get_item (ma, i);
      g_autoptr(RgConsent) cb = g_list_model_get_item (mb, i);

      g_assert_cmpstr (rg_consent_get_id (ca), ==, rg_consent_get_id (cb));
      g_assert_cmpstr (rg_consent_get_scope (ca), ==, rg_consent_get_scope (cb));
      g_assert_cmpstr (rg_consent_get_shared_with (ca), ==, rg_consent_get_shared_with (cb));
      g_assert_cmpstr (rg_consent_get_date (ca), ==, rg_consent_get_date (cb));
      g_assert_cmpstr (rg_consent_get_recorded_by_id (ca), ==, rg_consent_get_recorded_by_id (cb));
      g_assert_cmpint (rg_consent_get_to_confirm (ca), ==, rg_consent_get_to_confirm (cb));
    }
}

static void
test_round_trip_every_field (void)
{
  g_autoptr(RgSession) original = build_full_session ();
  g_autoptr(RgSession) loaded = NULL;
  g_autoptr(RgSession) reloaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  g_autoptr(RgStatement) tricky = NULL;

  first = rg_session_to_bytes (original);
  loaded = load_bytes (first);
  assert_sessions_equal (original, loaded);

  /* The tricky text came back byte for byte, CR included */
  tricky = g_list_model_get_item (rg_session_get_statements (loaded), 1);
  g_assert_cmpstr (rg_statement_get_text (tricky), ==, TRICKY);

  /* load → save → load */
  second = rg_session_to_bytes (loaded);
  reloaded = load_bytes (second);
  assert_sessions_equal (original, reloaded);

  /* Unchanged, saved again: the same bytes */
  g_assert_true (g_bytes_equal (first, second));
  third = rg_session_to_bytes (original);
  g_assert_true (g_bytes_equal (first, third));
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* What version 4 added is written only where it is set, and read back */
static void
test_round_trip_version_4 (void)
{
  g_autoptr(RgSession) original = build_full_session ();
  g_autoptr(GBytes) bytes = rg_session_to_bytes (original);
  g_autoptr(RgSession) loaded = load_bytes (bytes);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(RgPartner) coordinator = g_list_model_get_item (rg_session_get_partners (loaded), 3);
  g_autoptr(RgAction) owned = g_list_model_get_item (rg_session_get_actions (loaded), 0);
  g_autoptr(RgAction) outside = g_list_model_get_item (rg_session_get_actions (loaded), 1);
  g_autoptr(RgConsent) confirmed = g_list_model_get_item (rg_session_get_consents (loaded), 0);
  g_autoptr(RgConsent) carried = g_list_model_get_item (rg_session_get_consents (loaded), 1);

  g_assert_nonnull (strstr (text, "role=\"coordinator\" colour=\"#009e73\""));
  g_assert_nonnull (strstr (text, "owner-name=\"Orthophoniste &quot;libérale&quot; &lt;&amp;&gt;\""));
  g_assert_cmpuint (count_occurrences (text, "owner-name="), ==, 1);
  g_assert_nonnull (strstr (text, "date=\"2024-02-29\" to-confirm=\"true\">"));
  g_assert_cmpuint (count_occurrences (text, "to-confirm="), ==, 1);

  g_assert_cmpint (rg_partner_get_role (coordinator), ==, RG_PARTNER_ROLE_COORDINATOR);
  g_assert_null (rg_action_get_owner_name (owned));
  g_assert_cmpstr (rg_action_get_owner_name (outside), ==, "Orthophoniste \"libérale\" <&>");
  g_assert_null (rg_action_get_owner_id (outside));
  g_assert_false (rg_consent_get_to_confirm (confirmed));
  g_assert_true (rg_consent_get_to_confirm (carried));
}

/* What version 5 added is written only where it is set, and read back */
static void
test_round_trip_version_5 (void)
{
  g_autoptr(RgSession) original = build_full_session ();
  g_autoptr(GBytes) bytes = rg_session_to_bytes (original);
  g_autoptr(RgSession) loaded = load_bytes (bytes);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(RgPartner) teacher = g_list_model_get_item (rg_session_get_partners (loaded), 0);
  g_autoptr(RgPartner) mother = g_list_model_get_item (rg_session_get_partners (loaded), 1);
  g_autoptr(RgPartner) child = g_list_model_get_item (rg_session_get_partners (loaded), 2);
  g_autoptr(RgCategory) category = g_list_model_get_item (rg_session_get_categories (loaded), 0);
  g_autoptr(RgCriterion) met = g_list_model_get_item (rg_category_get_criteria (category), 0);
  g_autoptr(RgCriterion) not_met = g_list_model_get_item (rg_category_get_criteria (category), 1);

  g_assert_nonnull (strstr (text, "format-version=\"5\""));
  g_assert_nonnull (strstr (text, "colour=\"#3584e4\" contribution-asked=\"2026-11-10\" "
                                  "contribution-received=\"2026-11-18\">"));
  g_assert_nonnull (strstr (text, "colour=\"#e01b24\" contribution-asked=\"2024-02-29\">"));
  g_assert_cmpuint (count_occurrences (text, "contribution-asked="), ==, 2);
  g_assert_cmpuint (count_occurrences (text, "contribution-received="), ==, 1);
  g_assert_nonnull (strstr (text, "agreed=\"true\" met=\"true\">"));
  g_assert_cmpuint (count_occurrences (text, " met="), ==, 1);

  g_assert_cmpstr (rg_partner_get_contribution_asked (teacher), ==, "2026-11-10");
  g_assert_cmpstr (rg_partner_get_contribution_received (teacher), ==, "2026-11-18");
  g_assert_cmpstr (rg_partner_get_contribution_asked (mother), ==, "2024-02-29");
  g_assert_null (rg_partner_get_contribution_received (mother));
  g_assert_null (rg_partner_get_contribution_asked (child));
  g_assert_true (rg_criterion_get_met (met));
  g_assert_false (rg_criterion_get_met (not_met));
}

/* A file of version 4, as Regards wrote them before contributions were
 * dated and criteria met: it loads, and is written back the same but
 * for its version. */
static void
test_version_4 (void)
{
  g_autoptr(GBytes) fixture = load_fixture ("version-4.regards");
  g_autoptr(RgSession) session = load_bytes (fixture);
  g_autoptr(GBytes) saved = rg_session_to_bytes (session);
  g_autofree char *old = g_strndup (g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autofree char *now = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  char *version = strstr (old, "format-version=\"4\"");
  GListModel *partners = rg_session_get_partners (session);
  GListModel *categories = rg_session_get_categories (session);

  g_assert_nonnull (version);
  version[strlen ("format-version=\"")] = '0' + RG_FORMAT_VERSION;
  g_assert_cmpstr (now, ==, old);

  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      g_assert_null (rg_partner_get_contribution_asked (partner));
      g_assert_null (rg_partner_get_contribution_received (partner));
    }

  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);

      for (guint j = 0; j < g_list_model_get_n_items (criteria); j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, j);

          g_assert_false (rg_criterion_get_met (criterion));
        }
    }
}

/* A file of version 3, as Regards wrote them before the coordinator's
 * role, the owner from outside and the consent to confirm: it loads,
 * and is written back the same but for its version. */
static void
test_version_3 (void)
{
  g_autoptr(GBytes) fixture = load_fixture ("version-3.regards");
  g_autoptr(RgSession) session = load_bytes (fixture);
  g_autoptr(GBytes) saved = rg_session_to_bytes (session);
  g_autofree char *old = g_strndup (g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autofree char *now = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  char *version = strstr (old, "format-version=\"3\"");
  g_autoptr(RgPartner) mother = NULL;
  g_autoptr(RgAction) action = NULL;
  g_autoptr(RgConsent) consent = NULL;

  g_assert_nonnull (version);
  version[strlen ("format-version=\"")] = '0' + RG_FORMAT_VERSION;
  g_assert_cmpstr (now, ==, old);

  mother = g_list_model_get_item (rg_session_get_partners (session), 5);
  g_assert_cmpint (rg_partner_get_role (mother), ==, RG_PARTNER_ROLE_FAMILY);
  action = g_list_model_get_item (rg_session_get_actions (session), 0);
  g_assert_null (rg_action_get_owner_name (action));
  consent = g_list_model_get_item (rg_session_get_consents (session), 0);
  g_assert_false (rg_consent_get_to_confirm (consent));
}

static void
test_round_trip_fixture (void)
{
  g_autoptr(GBytes) fixture = load_fixture ("valid.regards");
  g_autoptr(RgSession) session = load_bytes (fixture);
  g_autoptr(GBytes) saved = rg_session_to_bytes (session);
  g_autoptr(RgSession) reloaded = load_bytes (saved);
  g_autoptr(GBytes) saved_again = rg_session_to_bytes (reloaded);
  g_autoptr(RgStatement) statement = NULL;

  assert_sessions_equal (session, reloaded);
  g_assert_true (g_bytes_equal (saved, saved_again));

  /* A few values read from the hand-written file */
  g_assert_cmpstr (rg_session_get_title (session), ==, "Revue de situation — trimestre 1");
  g_assert_cmpint (rg_session_get_kind (session), ==, RG_SESSION_KIND_CONTRIBUTION);
  g_assert_cmpstr (rg_session_get_contributor_id (session), ==, "11111111-2222-4333-8444-555555555555");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 2);
  statement = g_list_model_get_item (rg_session_get_statements (session), 0);
  g_assert_cmpint (rg_statement_get_kind (statement), ==, RG_STATEMENT_KIND_FACT);
  g_assert_cmpint (g_date_time_get_second (rg_statement_get_changed (statement)), ==, 12);
}

/* The session files of the source tree Regards wrote itself, which are
 * in the form it writes, and the fixtures written by hand, which are
 * not (other attribute order, indentation, references). */
static const char * const canonical_files[] = {
  "data/examples/exemple-eleve-a.regards",
  "data/templates/blank.regards",
  "data/templates/pre.regards",
  "data/templates/school-team.regards",
};

static const char * const hand_written_files[] = {
  "tests/data/format/valid.regards",
  "tests/data/hostile/early-year.regards",
};

static GBytes *
load_source_file (const char *relative_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), relative_path, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* load → write, twice: the second write gives the bytes of the first */
static GBytes *
assert_write_idempotent (GBytes *bytes)
{
  g_autoptr(RgSession) session = load_bytes (bytes);
  g_autoptr(GBytes) written = rg_session_to_bytes (session);
  g_autoptr(RgSession) reloaded = load_bytes (written);
  g_autoptr(GBytes) written_again = rg_session_to_bytes (reloaded);

  g_assert_true (g_bytes_equal (written, written_again));

  return g_steal_pointer (&written);
}

static void
test_round_trip_canonical (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (canonical_files); i++)
    {
      g_autoptr(GBytes) file = load_source_file (canonical_files[i]);
      g_autoptr(GBytes) written = assert_write_idempotent (file);

      g_test_message ("%s", canonical_files[i]);
      g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                       g_bytes_get_data (file, NULL), g_bytes_get_size (file));
    }

  for (guint i = 0; i < G_N_ELEMENTS (hand_written_files); i++)
    {
      g_autoptr(GBytes) file = load_source_file (hand_written_files[i]);
      g_autoptr(GBytes) written = NULL;

      g_test_message ("%s", hand_written_files[i]);
      written = assert_write_idempotent (file);
    }
}

static void
test_write_layout (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const char *containers[] = {
    "<partners/>", "<dimensions/>", "<statements/>", "<links/>",
    "<glossary/>", "<criteria/>", "<actions/>", "<consents/>",
  };

  rg_session_set_place (session, "");
  bytes = rg_session_to_bytes (session);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<session xmlns=\"urn:x-regards:session\" format-version=\""
                                         G_STRINGIFY (RG_FORMAT_VERSION) "\" id=\""));
  /* Every container is written, empty or not; optional ones are not */
  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    g_assert_nonnull (strstr (text, containers[i]));
  g_assert_null (strstr (text, "<place"));
  g_assert_null (strstr (text, "<next-review"));
  g_assert_null (strstr (text, "contributor="));
  /* Two-space indentation */
  g_assert_nonnull (strstr (text, "\n  <title/>\n"));
  g_assert_nonnull (strstr (text, "\n    <label/>\n"));

  g_clear_object (&session);
  session = load_bytes (bytes);
  g_assert_null (rg_session_get_place (session));
}

static void
test_write_control_characters (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgSession) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Pasted from another program: control characters XML cannot carry */
  rg_session_set_title (session, "Bilan\x01 du\x1b[0m 20\x7f novembre\x0c");
  rg_session_set_situation_code (session, "S\x02-1");

  bytes = rg_session_to_bytes (session);
  loaded = load_bytes (bytes);

  g_assert_cmpstr (rg_session_get_title (loaded), ==, "Bilan du[0m 20\x7f novembre");
  g_assert_cmpstr (rg_session_get_situation_code (loaded), ==, "S-1");
}

static void
test_templates (void)
{
  const char * const *ids = rg_template_get_ids ();
  g_autofree char *today = rg_date_new_today ();

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 3);
  g_assert_true (g_strv_contains (ids, RG_TEMPLATE_DEFAULT));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strconcat ("/io/github/regards/Regards/core/templates/", ids[i],
                                           ".regards", NULL);
      g_autoptr(GBytes) raw = g_resources_lookup_data (path, 0, &error);
      g_autoptr(RgSession) as_file = NULL;
      g_autoptr(RgSession) first = NULL;
      g_autoptr(RgSession) second = NULL;
      g_autoptr(RgSession) reloaded = NULL;
      g_autoptr(GBytes) saved = NULL;
      GListModel *dimensions;
      GListModel *other_dimensions;

      g_assert_no_error (error);
      g_assert_nonnull (rg_template_get_name (ids[i]));
      g_assert_nonnull (rg_template_get_description (ids[i]));

      /* The template file itself is a valid session */
      as_file = load_bytes (raw);

      first = rg_session_new_from_template (ids[i], "Première revue", &error);
      g_assert_no_error (error);
      second = rg_session_new_from_template (ids[i], NULL, &error);
      g_assert_no_error (error);

      g_assert_cmpstr (rg_session_get_title (first), ==, "Première revue");
      g_assert_cmpstr (rg_session_get_title (second), ==, "");
      g_assert_cmpstr (rg_session_get_date (first), ==, today);
      g_assert_cmpint (rg_session_get_status (first), ==, RG_SESSION_STATUS_PREPARING);

      /* Same content, fresh ids everywhere */
      g_assert_cmpstr (rg_session_get_id (first), !=, rg_session_get_id (as_file));
      g_assert_cmpstr (rg_session_get_id (first), !=, rg_session_get_id (second));
      g_assert_cmpstr (rg_session_get_situation_id (first), !=, rg_session_get_situation_id (as_file));
      g_assert_cmpstr (rg_session_get_situation_id (first), !=, rg_session_get_situation_id (second));
      g_assert_true (rg_id_is_valid (rg_session_get_situation_id (first)));

      dimensions = rg_session_get_dimensions (first);
      other_dimensions = rg_session_get_dimensions (as_file);
      g_assert_cmpuint (g_list_model_get_n_items (dimensions), >=, 1);
      g_assert_cmpuint (g_list_model_get_n_items (dimensions), ==,
                        g_list_model_get_n_items (other_dimensions));
      for (guint j = 0; j < g_list_model_get_n_items (dimensions); j++)
        {
          g_autoptr(RgDimension) d = g_list_model_get_item (dimensions, j);
          g_autoptr(RgDimension) o = g_list_model_get_item (other_dimensions, j);

          g_assert_cmpstr (rg_dimension_get_name (d), ==, rg_dimension_get_name (o));
          g_assert_cmpstr (rg_dimension_get_id (d), !=, rg_dimension_get_id (o));
          g_assert_true (rg_id_is_valid (rg_dimension_get_id (d)));
        }

      /* And the new session saves and loads */
      saved = rg_session_to_bytes (first);
      reloaded = load_bytes (saved);
      assert_sessions_equal (first, reloaded);
    }
}

static void
test_template_pre (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = rg_session_new_from_template ("pre", "Revue", &error);
  const char *dimensions[] = {
    "Scolarité et apprentissages",
    "Santé et développement",
    "Famille et parentalité",
    "Vie sociale, loisirs et culture",
    "Comportement et relations",
    "Besoins exprimés par l'enfant et la famille",
  };
  const char *categories[] = {
    "Pour l'enfant", "Pour la famille", "Pour l'école", "Pour le partenariat",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_dimensions (session)), ==,
                    G_N_ELEMENTS (dimensions));
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session), i);

      g_assert_cmpstr (rg_dimension_get_name (dimension), ==, dimensions[i]);
    }

  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_categories (session)), ==,
                    G_N_ELEMENTS (categories));
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (rg_session_get_categories (session), i);

      g_assert_cmpstr (rg_category_get_name (category), ==, categories[i]);
    }

  g_assert_cmpstr (rg_template_get_name ("pre"), ==, "PRE — multidisciplinary support team");
}

static void
test_template_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = rg_session_new_from_template ("no-such-template", NULL, &error);

  g_assert_null (session);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (rg_template_get_name ("no-such-template"));
  g_assert_null (rg_template_get_name (NULL));
}

/* Loading fails with @code, and the message contains each of @words */
static void
assert_refused (GBytes     *bytes,
                int         code,
                const char *words,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = rg_session_new_from_bytes (bytes, &error);
  va_list args;

  g_assert_null (session);
  g_assert_error (error, RG_FORMAT_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  va_start (args, words);
  for (const char *w = words; w != NULL; w = va_arg (args, const char *))
    {
      if (strstr (error->message, w) == NULL)
        g_error ("“%s” is not in the message “%s”", w, error->message);
    }
  va_end (args);
}

static void
assert_fixture_refused (const char *name,
                        int         code,
                        const char *word)
{
  g_autoptr(GBytes) bytes = load_fixture (name);

  assert_refused (bytes, code, word, NULL);
}

static void
test_version_newer (void)
{
  assert_fixture_refused ("newer-version.regards", RG_FORMAT_ERROR_NEWER_VERSION,
                          "newer version of Regards");
}

static void
test_version_unknown (void)
{
  assert_fixture_refused ("unknown-version.regards", RG_FORMAT_ERROR_INVALID, "version");
}

static void
test_invalid_missing_id (void)
{
  assert_fixture_refused ("missing-id.regards", RG_FORMAT_ERROR_INVALID, "line 19");
}

static void
test_invalid_dangling_reference (void)
{
  assert_fixture_refused ("dangling-reference.regards", RG_FORMAT_ERROR_DANGLING_REFERENCE,
                          "line 38");
}

static void
test_invalid_unknown_link_type (void)
{
  assert_fixture_refused ("unknown-link-type.regards", RG_FORMAT_ERROR_INVALID, "line 36");
}

static void
test_invalid_duplicate_id (void)
{
  assert_fixture_refused ("duplicate-id.regards", RG_FORMAT_ERROR_DUPLICATE_ID, "line 24");
}

static void
test_invalid_impossible_date (void)
{
  assert_fixture_refused ("impossible-date.regards", RG_FORMAT_ERROR_INVALID, "2027-02-30");
}

/* Small mutations of the valid fixture that only the checks after the
 * schema can catch */
static void
test_invalid_references (void)
{
  struct {
    const char *from;
    const char *to;
    int code;
  } cases[] = {
    /* a contributor who is not a partner */
    { "contributor=\"11111111-2222-4333-8444-555555555555\"",
      "contributor=\"11111111-2222-4333-8444-000000000000\"",
      RG_FORMAT_ERROR_DANGLING_REFERENCE },
    /* a statement in a dimension that does not exist */
    { "dimension=\"21111111-2222-4333-8444-555555555555\" kind=\"fact\"",
      "dimension=\"21111111-2222-4333-8444-000000000000\" kind=\"fact\"",
      RG_FORMAT_ERROR_DANGLING_REFERENCE },
    /* an owner who is not a partner */
    { "owner=\"11111111-2222-4333-8444-555555555555\"",
      "owner=\"21111111-2222-4333-8444-555555555555\"",
      RG_FORMAT_ERROR_DANGLING_REFERENCE },
    /* the same statement twice in a link */
    { "<member statement=\"31111111-2222-4333-8444-555555555556\"/>",
      "<member statement=\"31111111-2222-4333-8444-555555555555\"/>",
      RG_FORMAT_ERROR_INVALID },
    /* a time that does not exist */
    { "created=\"2026-11-20T14:03:00Z\" changed=\"2026-11-20T14:05:12Z\">text",
      "created=\"2026-02-31T14:03:00Z\" changed=\"2026-11-20T14:05:12Z\">text",
      RG_FORMAT_ERROR_INVALID },
    /* a contribution asked on a day that does not exist */
    { "role=\"professional\" colour=\"#3584e4\">",
      "role=\"professional\" colour=\"#3584e4\" contribution-asked=\"2026-02-29\">",
      RG_FORMAT_ERROR_INVALID },
    /* a contribution received on a date that is not one */
    { "role=\"family\" colour=\"#e01b24\">",
      "role=\"family\" colour=\"#e01b24\" contribution-received=\"20/11/2026\">",
      RG_FORMAT_ERROR_INVALID },
    /* a criterion met, in other words than true or false */
    { "agreed=\"true\">",
      "agreed=\"true\" met=\"yes\">",
      RG_FORMAT_ERROR_INVALID },
    /* an id in upper case */
    { "<dimension id=\"21111111-2222-4333-8444-555555555555\">",
      "<dimension id=\"21111111-2222-4333-8444-55555555555A\">",
      RG_FORMAT_ERROR_INVALID },
  };
  g_autoptr(GBytes) fixture = load_fixture ("valid.regards");
  g_autofree char *valid = g_strndup (g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (valid);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_cmpuint (g_string_replace (text, cases[i].from, cases[i].to, 1), ==, 1);
      bytes = g_bytes_new (text->str, text->len);
      assert_refused (bytes, cases[i].code, "", NULL);
    }
}

static void
test_hostile_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) blank = g_bytes_new_static ("  \n\t\n", 5);

  assert_refused (empty, RG_FORMAT_ERROR_NOT_XML, "empty", NULL);
  assert_refused (blank, RG_FORMAT_ERROR_NOT_XML, "line", NULL);
}

static void
test_hostile_not_xml (void)
{
  g_autoptr(GBytes) binary = NULL;
  guint8 noise[4096];
  GRand *rand = g_rand_new_with_seed (42);

  assert_fixture_refused ("not-xml.regards", RG_FORMAT_ERROR_NOT_XML, "line 1");

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  binary = g_bytes_new (noise, sizeof noise);
  assert_refused (binary, RG_FORMAT_ERROR_NOT_XML, "", NULL);
}

static void
test_hostile_truncated (void)
{
  g_autoptr(GBytes) fixture = load_fixture ("valid.regards");
  gsize size = g_bytes_get_size (fixture);

  assert_fixture_refused ("truncated.regards", RG_FORMAT_ERROR_NOT_XML, "line 32");

  /* Cut anywhere, a file never loads, and never crashes */
  for (gsize cut = 1; cut < size - 12; cut += 7)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (fixture, 0, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(RgSession) session = rg_session_new_from_bytes (part, &error);

      g_assert_null (session);
      g_assert_true (error->domain == RG_FORMAT_ERROR);
    }
}

static void
test_hostile_invalid_utf8 (void)
{
  static const char with_nul[] = "<session xmlns=\"urn:x-regards:session\"\0/>";
  g_autoptr(GBytes) nul = g_bytes_new_static (with_nul, sizeof with_nul - 1);

  assert_fixture_refused ("invalid-utf8.regards", RG_FORMAT_ERROR_NOT_XML, "UTF-8");
  assert_refused (nul, RG_FORMAT_ERROR_NOT_XML, "UTF-8", NULL);
}

static void
test_hostile_wrong_root (void)
{
  assert_fixture_refused ("wrong-root.regards", RG_FORMAT_ERROR_NOT_A_SESSION, "not a Regards session");
  assert_fixture_refused ("wrong-namespace.regards", RG_FORMAT_ERROR_NOT_A_SESSION, "not a Regards session");
}

static void
test_hostile_doctype (void)
{
  static const char external[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE session SYSTEM \"http://example.invalid/regards.dtd\">\n"
    "<session xmlns=\"urn:x-regards:session\" format-version=\"1\"/>\n";
  static const char entity_only[] =
    "<session xmlns=\"urn:x-regards:session\"><!ENTITY x \"y\"></session>";
  static const char undeclared[] =
    "<session xmlns=\"urn:x-regards:session\" format-version=\"1\">&secret;</session>";
  g_autoptr(GBytes) external_bytes = g_bytes_new_static (external, sizeof external - 1);
  g_autoptr(GBytes) entity_bytes = g_bytes_new_static (entity_only, sizeof entity_only - 1);
  g_autoptr(GBytes) undeclared_bytes = g_bytes_new_static (undeclared, sizeof undeclared - 1);

  assert_fixture_refused ("doctype-entities.regards", RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, "safety");
  assert_refused (external_bytes, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, "safety", NULL);
  assert_refused (entity_bytes, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, "safety", NULL);
  assert_refused (undeclared_bytes, RG_FORMAT_ERROR_NOT_XML, "line 1", NULL);
}

static void
test_hostile_too_large (void)
{
  gsize size = RG_SESSION_MAX_SIZE + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) at_limit = NULL;

  /* A well-formed start, then padding: refused on size alone. A '>' now
   * and then keeps the padding from being a text longer than libxml2
   * takes. */
  memset (data, ' ', size);
  memcpy (data, "<session>", 9);
  for (gsize i = 1024 * 1024; i < size; i += 1024 * 1024)
    data[i] = '>';
  bytes = g_bytes_new_take (data, size);
  assert_refused (bytes, RG_FORMAT_ERROR_TOO_LARGE, "16", NULL);

  /* One byte less is parsed (and refused for what it is) */
  at_limit = g_bytes_new_from_bytes (bytes, 0, RG_SESSION_MAX_SIZE);
  assert_refused (at_limit, RG_FORMAT_ERROR_NOT_XML, "", NULL);
}

static void
test_hostile_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new ("<session xmlns=\"urn:x-regards:session\" format-version=\"1\">");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<a>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  assert_refused (bytes, RG_FORMAT_ERROR_NOT_XML, "", NULL);
}

static gpointer
load_many (gpointer data)
{
  GBytes *bytes = data;

  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RgSession) session = rg_session_new_from_bytes (bytes, &error);
      g_autoptr(GBytes) broken = g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) / 2);
      g_autoptr(RgSession) none = rg_session_new_from_bytes (broken, NULL);

      if (session == NULL || none != NULL)
        return GINT_TO_POINTER (FALSE);
    }

  return GINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  g_autoptr(RgSession) session = build_full_session ();
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  GThread *threads[8];

  /* The library index loads files from worker threads: the shared
   * schema and the per-thread error capture must hold */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_many, bytes);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

/* A statement with no text is one whose words are still to come: the
 * file does not keep it, unless a link names it. */
static void
test_write_empty_statements (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) partner = rg_partner_new ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(RgStatement) said = NULL;
  g_autoptr(RgStatement) to_come = NULL;
  g_autoptr(RgStatement) linked = NULL;
  g_autoptr(RgLink) link = rg_link_new (RG_LINK_TYPE_AGREEMENT);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RgSession) loaded = NULL;
  GListModel *statements;
  const char *members[3];

  rg_partner_set_name (partner, "Mme Roussel");
  rg_dimension_set_name (dimension, "Scolarité");
  rg_session_add_partner (session, partner);
  rg_session_add_dimension (session, dimension);
  said = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                           RG_STATEMENT_KIND_FACT, "Dit");
  to_come = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                              RG_STATEMENT_KIND_FACT, "");
  linked = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                             RG_STATEMENT_KIND_FACT, "");
  rg_session_add_statement (session, said);
  rg_session_add_statement (session, to_come);
  rg_session_add_statement (session, linked);
  members[0] = rg_statement_get_id (said);
  members[1] = rg_statement_get_id (linked);
  members[2] = NULL;
  rg_link_set_members (link, members);
  rg_session_add_link (session, link);

  bytes = rg_session_to_bytes (session);
  loaded = load_bytes (bytes);
  statements = rg_session_get_statements (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 2);
  g_assert_nonnull (rg_session_find_statement (loaded, rg_statement_get_id (said)));
  g_assert_nonnull (rg_session_find_statement (loaded, rg_statement_get_id (linked)));
  g_assert_null (rg_session_find_statement (loaded, rg_statement_get_id (to_come)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-xml/round-trip/every-field", test_round_trip_every_field);
  g_test_add_func ("/session-xml/round-trip/fixture", test_round_trip_fixture);
  g_test_add_func ("/session-xml/round-trip/version-4", test_round_trip_version_4);
  g_test_add_func ("/session-xml/round-trip/version-5", test_round_trip_version_5);
  g_test_add_func ("/session-xml/version/3", test_version_3);
  g_test_add_func ("/session-xml/version/4", test_version_4);
  g_test_add_func ("/session-xml/round-trip/canonical", test_round_trip_canonical);
  g_test_add_func ("/session-xml/write/layout", test_write_layout);
  g_test_add_func ("/session-xml/write/control-characters", test_write_control_characters);
  g_test_add_func ("/session-xml/write/empty-statements", test_write_empty_statements);
  g_test_add_func ("/session-xml/templates/all", test_templates);
  g_test_add_func ("/session-xml/templates/pre", test_template_pre);
  g_test_add_func ("/session-xml/templates/unknown", test_template_unknown);
  g_test_add_func ("/session-xml/version/newer", test_version_newer);
  g_test_add_func ("/session-xml/version/unknown", test_version_unknown);
  g_test_add_func ("/session-xml/invalid/missing-id", test_invalid_missing_id);
  g_test_add_func ("/session-xml/invalid/dangling-reference", test_invalid_dangling_reference);
  g_test_add_func ("/session-xml/invalid/unknown-link-type", test_invalid_unknown_link_type);
  g_test_add_func ("/session-xml/invalid/duplicate-id", test_invalid_duplicate_id);
  g_test_add_func ("/session-xml/invalid/impossible-date", test_invalid_impossible_date);
  g_test_add_func ("/session-xml/invalid/references", test_invalid_references);
  g_test_add_func ("/session-xml/hostile/empty", test_hostile_empty);
  g_test_add_func ("/session-xml/hostile/not-xml", test_hostile_not_xml);
  g_test_add_func ("/session-xml/hostile/truncated", test_hostile_truncated);
  g_test_add_func ("/session-xml/hostile/invalid-utf8", test_hostile_invalid_utf8);
  g_test_add_func ("/session-xml/hostile/wrong-root", test_hostile_wrong_root);
  g_test_add_func ("/session-xml/hostile/doctype", test_hostile_doctype);
  g_test_add_func ("/session-xml/hostile/too-large", test_hostile_too_large);
  g_test_add_func ("/session-xml/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/session-xml/threads", test_threads);

  return g_test_run ();
}
