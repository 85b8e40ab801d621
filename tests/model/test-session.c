/* test-session.c — the session model: properties, signals, lookups, cascades
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "rg-session.h"
#include "rg-test-utils.h"

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (gpointer    instance,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static RgPartner *
add_partner (RgSession  *session,
             const char *name)
{
  g_autoptr(RgPartner) partner = rg_partner_new ();

  rg_partner_set_name (partner, name);
  rg_session_add_partner (session, partner);

  return partner;
}

static RgDimension *
add_dimension (RgSession  *session,
               const char *name)
{
  g_autoptr(RgDimension) dimension = rg_dimension_new ();

  rg_dimension_set_name (dimension, name);
  rg_session_add_dimension (session, dimension);

  return dimension;
}

static RgStatement *
add_statement (RgSession   *session,
               RgPartner   *partner,
               RgDimension *dimension,
               const char  *text)
{
  g_autoptr(RgStatement) statement = rg_statement_new (rg_partner_get_id (partner),
                                                       rg_dimension_get_id (dimension),
                                                       RG_STATEMENT_KIND_FACT, text);

  rg_session_add_statement (session, statement);

  return statement;
}

static RgLink *
add_link (RgSession          *session,
          RgLinkType          type,
          const char * const *members)
{
  g_autoptr(RgLink) link = rg_link_new (type);

  rg_link_set_members (link, members);
  rg_session_add_link (session, link);

  return link;
}

static void
test_types_words (void)
{
  struct {
    GType type;
    const char *(*to_string) (int);
    gboolean (*from_string) (const char *, int *);
    const char *(*get_label) (int);
  } enums[] = {
#define ENUM(T, t) { T, (gpointer) t##_to_string, (gpointer) t##_from_string, (gpointer) t##_get_label }
    ENUM (RG_TYPE_SESSION_STATUS, rg_session_status),
    ENUM (RG_TYPE_SESSION_KIND, rg_session_kind),
    ENUM (RG_TYPE_PARTNER_ROLE, rg_partner_role),
    ENUM (RG_TYPE_STATEMENT_KIND, rg_statement_kind),
    ENUM (RG_TYPE_LINK_TYPE, rg_link_type),
    ENUM (RG_TYPE_LINK_STATUS, rg_link_status),
    ENUM (RG_TYPE_TERM_STATUS, rg_term_status),
    ENUM (RG_TYPE_ACTION_STATUS, rg_action_status),
#undef ENUM
  };

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[i].type);

      g_assert_false (enums[i].from_string ("no-such-word", NULL));
      g_assert_false (enums[i].from_string (NULL, NULL));
      g_assert_false (enums[i].from_string ("", NULL));

      for (guint v = 0; v < klass->n_values; v++)
        {
          const char *word = enums[i].to_string (klass->values[v].value);
          const char *label = enums[i].get_label (klass->values[v].value);
          int back = -1;

          g_assert_nonnull (word);
          /* The word of the file is also the GEnum nick, so that property
           * bindings and the file speak the same language. */
          g_assert_cmpstr (word, ==, klass->values[v].value_nick);
          g_assert_true (enums[i].from_string (word, &back));
          g_assert_cmpint (back, ==, klass->values[v].value);
          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
        }
    }

  g_assert_cmpstr (rg_statement_kind_get_label (RG_STATEMENT_KIND_FACT), ==, "Observed fact");
  g_assert_cmpstr (rg_statement_kind_get_label (RG_STATEMENT_KIND_RESOURCE), ==, "Resource or lever");
  g_assert_cmpstr (rg_link_type_get_label (RG_LINK_TYPE_CLARIFY), ==, "To clarify");
  g_assert_cmpstr (rg_link_type_to_string (RG_LINK_TYPE_CLARIFY), ==, "clarify");
  g_assert_cmpstr (rg_action_status_to_string (RG_ACTION_STATUS_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (rg_partner_role_to_string (RG_PARTNER_ROLE_YOUNG_PERSON), ==, "young-person");
}

static void
test_types_values (void)
{
  g_autofree char *today = rg_date_new_today ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *upper = g_ascii_strup (uuid, -1);

  g_assert_true (rg_date_is_valid ("2026-11-20"));
  g_assert_true (rg_date_is_valid ("2024-02-29"));
  g_assert_false (rg_date_is_valid ("2026-02-29"));
  g_assert_false (rg_date_is_valid ("2026-04-31"));
  g_assert_false (rg_date_is_valid ("2026-13-01"));
  g_assert_false (rg_date_is_valid ("2026-1-01"));
  g_assert_false (rg_date_is_valid ("2026-11-20T10:00:00Z"));
  g_assert_false (rg_date_is_valid ("0000-01-01"));
  g_assert_false (rg_date_is_valid (""));
  g_assert_false (rg_date_is_valid (NULL));
  g_assert_true (rg_date_is_valid (today));

  g_assert_true (rg_id_is_valid (uuid));
  g_assert_false (rg_id_is_valid (upper));
  g_assert_false (rg_id_is_valid ("not-a-uuid"));
  g_assert_false (rg_id_is_valid (NULL));

  g_assert_true (rg_colour_is_valid ("#3584e4"));
  g_assert_true (rg_colour_is_valid ("#3584E4"));
  g_assert_false (rg_colour_is_valid ("#3584e"));
  g_assert_false (rg_colour_is_valid ("3584e4f"));
  g_assert_false (rg_colour_is_valid ("#3584g4"));
  g_assert_false (rg_colour_is_valid (NULL));
}

static void
test_session_new (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgSession) other = rg_session_new ();
  g_autofree char *today = rg_date_new_today ();

  g_assert_true (rg_id_is_valid (rg_session_get_id (session)));
  g_assert_true (rg_id_is_valid (rg_session_get_situation_id (session)));
  g_assert_cmpstr (rg_session_get_id (session), !=, rg_session_get_id (other));
  g_assert_cmpstr (rg_session_get_situation_id (session), !=, rg_session_get_situation_id (other));
  g_assert_cmpstr (rg_session_get_date (session), ==, today);
  g_assert_cmpstr (rg_session_get_title (session), ==, "");
  g_assert_null (rg_session_get_place (session));
  g_assert_null (rg_session_get_next_review (session));
  g_assert_cmpint (rg_session_get_status (session), ==, RG_SESSION_STATUS_PREPARING);
  g_assert_cmpint (rg_session_get_kind (session), ==, RG_SESSION_KIND_SESSION);
  g_assert_cmpuint (g_strv_length ((char **) rg_session_get_person_names (session)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 0);
  g_assert_true (g_list_model_get_item_type (rg_session_get_statements (session)) == RG_TYPE_STATEMENT);

  g_assert_finalize_object (g_steal_pointer (&session));
}

static void
test_session_properties (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  const char *names[] = { "Durand", "Kevin", NULL };
  guint changed = 0;
  guint notified = 0;

  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (session, "notify::title", G_CALLBACK (count_notify_cb), &notified);

  rg_session_set_title (session, "Revue de situation");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* The same value again is no change */
  rg_session_set_title (session, "Revue de situation");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Optional texts: empty means absent */
  rg_session_set_place (session, "Salle 3");
  g_assert_cmpstr (rg_session_get_place (session), ==, "Salle 3");
  rg_session_set_place (session, "");
  g_assert_null (rg_session_get_place (session));
  g_assert_cmpuint (changed, ==, 3);
  rg_session_set_place (session, NULL);
  g_assert_cmpuint (changed, ==, 3);

  /* Required texts: never NULL */
  rg_session_set_title (session, NULL);
  g_assert_cmpstr (rg_session_get_title (session), ==, "");

  rg_session_set_person_names (session, names);
  g_assert_true (g_strv_equal (rg_session_get_person_names (session), names));
  changed = 0;
  rg_session_set_person_names (session, names);
  g_assert_cmpuint (changed, ==, 0);

  g_object_set (session,
                "status", RG_SESSION_STATUS_HELD,
                "kind", RG_SESSION_KIND_CONTRIBUTION,
                "next-review", "2027-02-12",
                "situation-code", "S-2026-014",
                NULL);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpint (rg_session_get_status (session), ==, RG_SESSION_STATUS_HELD);
  g_assert_cmpint (rg_session_get_kind (session), ==, RG_SESSION_KIND_CONTRIBUTION);
  g_assert_cmpstr (rg_session_get_next_review (session), ==, "2027-02-12");
  g_assert_cmpstr (rg_session_get_situation_code (session), ==, "S-2026-014");
}

static void
test_session_lookup (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) first = rg_partner_new ();
  g_autoptr(RgPartner) second = rg_partner_new ();
  g_autoptr(RgPartner) third = rg_partner_new ();
  g_autoptr(RgCategory) category = rg_category_new ("Pour l'enfant");
  g_autoptr(RgCriterion) criterion = rg_criterion_new ("Venir en classe");
  g_autoptr(RgPartner) item = NULL;
  g_autofree char *second_id = g_strdup (rg_partner_get_id (second));
  RgCategory *found_category = NULL;
  GListModel *partners = rg_session_get_partners (session);

  rg_session_add_partner (session, first);
  rg_session_add_partner (session, third);
  rg_session_insert_partner (session, second, 1);

  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 3);
  item = g_list_model_get_item (partners, 1);
  g_assert_true (item == second);
  g_assert_true (rg_session_find_partner (session, rg_partner_get_id (first)) == first);
  g_assert_true (rg_session_find_partner (session, second_id) == second);
  g_assert_null (rg_session_find_partner (session, "00000000-0000-4000-8000-000000000000"));

  /* Ids are looked up per kind of object */
  g_assert_null (rg_session_find_dimension (session, second_id));

  g_assert_true (rg_session_remove_partner (session, second));
  g_assert_false (rg_session_remove_partner (session, second));
  g_assert_null (rg_session_find_partner (session, second_id));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 2);

  /* Moving keeps the index */
  rg_session_move_partner (session, third, 0);
  g_clear_object (&item);
  item = g_list_model_get_item (partners, 0);
  g_assert_true (item == third);
  g_assert_true (rg_session_find_partner (session, rg_partner_get_id (third)) == third);
  rg_session_move_partner (session, third, G_MAXUINT);
  g_clear_object (&item);
  item = g_list_model_get_item (partners, 1);
  g_assert_true (item == third);

  /* Criteria are found through their category */
  rg_category_add_criterion (category, criterion);
  rg_session_add_category (session, category);
  g_assert_true (rg_session_find_criterion (session, rg_criterion_get_id (criterion),
                                            &found_category) == criterion);
  g_assert_true (found_category == category);
  g_assert_true (rg_category_remove_criterion (category, criterion));
  g_assert_null (rg_session_find_criterion (session, rg_criterion_get_id (criterion),
                                            &found_category));
  g_assert_null (found_category);
}

static void
test_session_duplicate_id (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(RgSession) session = rg_session_new ();
      g_autoptr(RgPartner) partner = rg_partner_new ();
      g_autoptr(RgPartner) twin = g_object_new (RG_TYPE_PARTNER,
                                                "id", rg_partner_get_id (partner),
                                                NULL);

      rg_session_add_partner (session, partner);
      rg_session_add_partner (session, twin);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*already holds an object with id*");
}

static void
test_session_changed_signal (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgCategory) category = rg_category_new ("Pour la famille");
  g_autoptr(RgCriterion) criterion = rg_criterion_new (NULL);
  g_autoptr(RgPartner) kept = NULL;
  RgPartner *partner;
  RgDimension *dimension;
  RgStatement *statement;
  guint changed = 0;

  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changed);

  partner = add_partner (session, "Mme Martin");
  g_assert_cmpuint (changed, ==, 1);
  dimension = add_dimension (session, "Santé");
  g_assert_cmpuint (changed, ==, 2);
  statement = add_statement (session, partner, dimension, "Absent le lundi");
  g_assert_cmpuint (changed, ==, 3);

  /* A change of an owned object: the statement's text moves its
   * changed-time too, both notifications reach the session */
  changed = 0;
  rg_partner_set_colour (partner, "#E01B24");
  g_assert_cmpstr (rg_partner_get_colour (partner), ==, "#e01b24");
  g_assert_cmpuint (changed, ==, 1);
  rg_dimension_set_synthesis (dimension, "À suivre");
  g_assert_cmpuint (changed, ==, 2);
  rg_statement_set_kind (statement, RG_STATEMENT_KIND_DIFFICULTY);
  g_assert_cmpuint (changed, >=, 3);

  /* A criterion is two levels down */
  rg_session_add_category (session, category);
  changed = 0;
  rg_category_add_criterion (category, criterion);
  g_assert_cmpuint (changed, ==, 1);
  rg_criterion_set_agreed (criterion, TRUE);
  g_assert_cmpuint (changed, ==, 2);
  rg_category_set_name (category, "Pour les parents");
  g_assert_cmpuint (changed, >=, 3);

  /* Once removed, an object no longer speaks for the session */
  kept = g_object_ref (partner);
  g_assert_true (rg_session_remove_partner (session, partner));
  changed = 0;
  rg_partner_set_name (kept, "Mme Dupont");
  g_assert_cmpuint (changed, ==, 0);

  /* Nor after the session is gone */
  g_assert_finalize_object (g_steal_pointer (&session));
  rg_partner_set_name (kept, "Mme Durand");
  rg_criterion_set_agreed (criterion, FALSE);
  g_assert_cmpuint (changed, ==, 0);
}

static void
test_session_remove_statement (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  RgPartner *a = add_partner (session, "A");
  RgPartner *b = add_partner (session, "B");
  RgDimension *dimension = add_dimension (session, "Scolarité");
  RgStatement *s1 = add_statement (session, a, dimension, "un");
  RgStatement *s2 = add_statement (session, b, dimension, "deux");
  RgStatement *s3 = add_statement (session, b, dimension, "trois");
  const char *pair_ids[] = { rg_statement_get_id (s1), rg_statement_get_id (s2), NULL };
  const char *trio_ids[] = { rg_statement_get_id (s1), rg_statement_get_id (s2),
                             rg_statement_get_id (s3), NULL };
  const char *other_ids[] = { rg_statement_get_id (s2), rg_statement_get_id (s3), NULL };
  RgLink *pair = add_link (session, RG_LINK_TYPE_DIVERGENCE, pair_ids);
  RgLink *trio = add_link (session, RG_LINK_TYPE_AGREEMENT, trio_ids);
  RgLink *other = add_link (session, RG_LINK_TYPE_COMPLEMENT, other_ids);
  g_autofree char *s1_id = g_strdup (rg_statement_get_id (s1));
  g_autofree char *pair_id = g_strdup (rg_link_get_id (pair));
  const char *expected[] = { rg_statement_get_id (s2), rg_statement_get_id (s3), NULL };

  g_assert_true (rg_session_remove_statement (session, s1));

  g_assert_null (rg_session_find_statement (session, s1_id));
  /* The pair had only two: it goes */
  g_assert_null (rg_session_find_link (session, pair_id));
  /* The trio keeps the two others, in order */
  g_assert_true (rg_session_find_link (session, rg_link_get_id (trio)) == trio);
  g_assert_true (g_strv_equal (rg_link_get_members (trio), expected));
  /* A link without it is untouched */
  g_assert_cmpuint (rg_link_get_n_members (other), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (session)), ==, 2);

  /* Now both remaining links have two members; removing s3 drops both */
  g_assert_true (rg_session_remove_statement (session, s3));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (session)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (session)), ==, 1);
}

static void
test_session_remove_partner (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  RgPartner *a = add_partner (session, "A");
  RgPartner *b = add_partner (session, "B");
  RgDimension *dimension = add_dimension (session, "Scolarité");
  RgStatement *sa = add_statement (session, a, dimension, "de A");
  RgStatement *sb = add_statement (session, b, dimension, "de B");
  RgStatement *sb2 = add_statement (session, b, dimension, "encore de B");
  const char *ids[] = { rg_statement_get_id (sa), rg_statement_get_id (sb), NULL };
  g_autoptr(RgTerm) term = rg_term_new ("décrochage");
  g_autoptr(RgCategory) category = rg_category_new ("Pour l'enfant");
  g_autoptr(RgCriterion) criterion = rg_criterion_new ("Lire seul");
  g_autoptr(RgAction) action = rg_action_new ("Appeler la famille");
  g_autoptr(RgConsent) consent = rg_consent_new ("Bilan orthophonique");
  const char *proposers[] = { rg_partner_get_id (a), rg_partner_get_id (b), NULL };
  const char *b_only[] = { rg_partner_get_id (b), NULL };
  g_autofree char *a_id = g_strdup (rg_partner_get_id (a));
  g_autofree char *sa_id = g_strdup (rg_statement_get_id (sa));
  const char * const *meaning_partners;

  add_link (session, RG_LINK_TYPE_DIVERGENCE, ids);
  rg_term_set_meaning (term, rg_partner_get_id (b), "ne plus venir");
  rg_term_set_meaning (term, a_id, "ne plus suivre");
  rg_session_add_term (session, term);
  rg_criterion_set_proposed_by (criterion, proposers);
  rg_category_add_criterion (category, criterion);
  rg_session_add_category (session, category);
  rg_action_set_owner_id (action, a_id);
  rg_session_add_action (session, action);
  rg_consent_set_recorded_by_id (consent, a_id);
  rg_session_add_consent (session, consent);
  rg_session_set_kind (session, RG_SESSION_KIND_CONTRIBUTION);
  rg_session_set_contributor_id (session, a_id);

  g_assert_true (rg_session_remove_partner (session, a));

  g_assert_null (rg_session_find_partner (session, a_id));
  g_assert_null (rg_session_find_statement (session, sa_id));
  g_assert_true (rg_session_find_statement (session, rg_statement_get_id (sb)) == sb);
  g_assert_true (rg_session_find_statement (session, rg_statement_get_id (sb2)) == sb2);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (session)), ==, 0);
  g_assert_null (rg_term_get_meaning (term, a_id));
  meaning_partners = rg_term_get_meaning_partners (term);
  g_assert_true (g_strv_equal (meaning_partners, b_only));
  g_assert_true (g_strv_equal (rg_criterion_get_proposed_by (criterion), b_only));
  g_assert_null (rg_action_get_owner_id (action));
  g_assert_null (rg_consent_get_recorded_by_id (consent));
  g_assert_null (rg_session_get_contributor_id (session));
}

static void
test_session_remove_dimension (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  RgPartner *a = add_partner (session, "A");
  RgDimension *d1 = add_dimension (session, "Scolarité");
  RgDimension *d2 = add_dimension (session, "Santé");
  RgStatement *s1 = add_statement (session, a, d1, "un");
  RgStatement *s2 = add_statement (session, a, d2, "deux");
  const char *ids[] = { rg_statement_get_id (s1), rg_statement_get_id (s2), NULL };

  add_link (session, RG_LINK_TYPE_COMPLEMENT, ids);
  g_assert_true (rg_session_remove_dimension (session, d1));

  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_dimensions (session)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (session)), ==, 1);
  g_assert_true (rg_session_find_statement (session, rg_statement_get_id (s2)) == s2);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (session)), ==, 0);
}

static void
test_statement_times (void)
{
  g_autofree char *partner = g_uuid_string_random ();
  g_autofree char *dimension = g_uuid_string_random ();
  g_autofree char *other = g_uuid_string_random ();
  g_autoptr(RgStatement) statement = rg_statement_new (partner, dimension,
                                                       RG_STATEMENT_KIND_FACT, "texte");
  g_autoptr(GDateTime) old = g_date_time_new_utc (2020, 1, 2, 3, 4, 5.75);
  g_autoptr(GDateTime) old_seconds = g_date_time_new_utc (2020, 1, 2, 3, 4, 5);
  g_autoptr(GDateTime) local = g_date_time_new_from_iso8601 ("2020-01-02T05:04:05+02:00", NULL);

  g_assert_true (g_date_time_equal (rg_statement_get_created (statement),
                                    rg_statement_get_changed (statement)));
  g_assert_cmpint (g_date_time_get_utc_offset (rg_statement_get_created (statement)), ==, 0);
  g_assert_cmpint (g_date_time_get_microsecond (rg_statement_get_created (statement)), ==, 0);

  /* Times are kept as the file keeps them: UTC, to the second */
  rg_statement_set_created (statement, local);
  g_assert_true (g_date_time_equal (rg_statement_get_created (statement), old_seconds));
  rg_statement_set_changed (statement, old);
  g_assert_true (g_date_time_equal (rg_statement_get_changed (statement), old_seconds));

  /* Same text: no change */
  rg_statement_set_text (statement, "texte");
  g_assert_true (g_date_time_equal (rg_statement_get_changed (statement), old_seconds));

  /* Text, kind, dimension and partner move “changed”, not “created” */
  rg_statement_set_text (statement, "autre texte");
  g_assert_true (g_date_time_compare (rg_statement_get_changed (statement), old_seconds) > 0);
  g_assert_true (g_date_time_equal (rg_statement_get_created (statement), old_seconds));

  rg_statement_set_changed (statement, old);
  rg_statement_set_kind (statement, RG_STATEMENT_KIND_PROPOSAL);
  g_assert_true (g_date_time_compare (rg_statement_get_changed (statement), old_seconds) > 0);

  rg_statement_set_changed (statement, old);
  rg_statement_set_dimension_id (statement, other);
  g_assert_true (g_date_time_compare (rg_statement_get_changed (statement), old_seconds) > 0);
  g_assert_cmpstr (rg_statement_get_dimension_id (statement), ==, other);

  rg_statement_set_changed (statement, old);
  rg_statement_set_partner_id (statement, other);
  g_assert_true (g_date_time_compare (rg_statement_get_changed (statement), old_seconds) > 0);
}

static void
test_link_members (void)
{
  g_autoptr(RgLink) link = rg_link_new (RG_LINK_TYPE_CLARIFY);
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  const char *twice[] = { a, b, a, NULL };
  const char *once[] = { a, b, NULL };
  guint notified = 0;

  g_signal_connect (link, "notify::members", G_CALLBACK (count_notify_cb), &notified);

  g_assert_cmpuint (rg_link_get_n_members (link), ==, 0);
  g_assert_true (rg_link_add_member (link, a));
  g_assert_false (rg_link_add_member (link, a));
  g_assert_true (rg_link_has_member (link, a));
  g_assert_false (rg_link_has_member (link, b));
  g_assert_cmpuint (notified, ==, 1);

  rg_link_set_members (link, twice);
  g_assert_true (g_strv_equal (rg_link_get_members (link), once));
  g_assert_cmpuint (notified, ==, 2);
  rg_link_set_members (link, once);
  g_assert_cmpuint (notified, ==, 2);

  g_assert_true (rg_link_remove_member (link, a));
  g_assert_false (rg_link_remove_member (link, a));
  g_assert_cmpuint (rg_link_get_n_members (link), ==, 1);
  g_assert_cmpstr (rg_link_get_members (link)[0], ==, b);
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_CLARIFY);
}

static void
test_term_meanings (void)
{
  g_autoptr(RgTerm) term = rg_term_new ("autonomie");
  g_autoptr(GVariant) meanings = NULL;
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autofree char *c = g_uuid_string_random ();
  const char *abc[] = { a, b, c, NULL };
  const char *ac[] = { a, c, NULL };
  guint notified = 0;

  g_signal_connect (term, "notify::meanings", G_CALLBACK (count_notify_cb), &notified);

  rg_term_set_meaning (term, a, "faire seul");
  rg_term_set_meaning (term, b, "choisir");
  rg_term_set_meaning (term, c, "se déplacer seul");
  g_assert_true (g_strv_equal (rg_term_get_meaning_partners (term), abc));
  g_assert_cmpuint (notified, ==, 3);

  /* A partner keeps their place when they reword */
  rg_term_set_meaning (term, b, "décider");
  g_assert_true (g_strv_equal (rg_term_get_meaning_partners (term), abc));
  g_assert_cmpstr (rg_term_get_meaning (term, b), ==, "décider");
  rg_term_set_meaning (term, b, "décider");
  g_assert_cmpuint (notified, ==, 4);

  rg_term_set_meaning (term, b, "");
  g_assert_true (g_strv_equal (rg_term_get_meaning_partners (term), ac));
  g_assert_null (rg_term_get_meaning (term, b));
  g_assert_cmpuint (notified, ==, 5);

  g_object_get (term, "meanings", &meanings, NULL);
  g_assert_cmpstr (g_variant_get_type_string (meanings), ==, "a(ss)");
  g_assert_cmpuint (g_variant_n_children (meanings), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/words", test_types_words);
  g_test_add_func ("/types/values", test_types_values);
  g_test_add_func ("/session/new", test_session_new);
  g_test_add_func ("/session/properties", test_session_properties);
  g_test_add_func ("/session/lookup", test_session_lookup);
  g_test_add_func ("/session/duplicate-id", test_session_duplicate_id);
  g_test_add_func ("/session/changed-signal", test_session_changed_signal);
  g_test_add_func ("/session/remove-statement/prunes-links", test_session_remove_statement);
  g_test_add_func ("/session/remove-partner/cascade", test_session_remove_partner);
  g_test_add_func ("/session/remove-dimension/cascade", test_session_remove_dimension);
  g_test_add_func ("/statement/times", test_statement_times);
  g_test_add_func ("/link/members", test_link_members);
  g_test_add_func ("/term/meanings", test_term_meanings);

  return g_test_run ();
}
