/* test-follow-up.c — the next session about the same situation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "rg-document.h"
#include "rg-follow-up.h"
#include "rg-session-editor-links.h"
#include "rg-session-xml.h"
#include "rg-session.h"
#include "rg-test-utils.h"

static char *test_root;

/* A held session with everything a meeting leaves behind. */
static RgSession *
make_previous (void)
{
  RgSession *session = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgPartner) mother = rg_partner_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();
  g_autoptr(RgDimension) health = rg_dimension_new ();
  g_autoptr(RgStatement) s1 = NULL;
  g_autoptr(RgStatement) s2 = NULL;
  g_autoptr(RgLink) link = rg_link_new (RG_LINK_TYPE_DIVERGENCE);
  g_autoptr(RgLink) settled = rg_link_new (RG_LINK_TYPE_DIVERGENCE);
  g_autoptr(RgLink) agreement = rg_link_new (RG_LINK_TYPE_AGREEMENT);
  g_autoptr(RgLink) clarify = rg_link_new (RG_LINK_TYPE_CLARIFY);
  g_autoptr(RgStatement) s3 = NULL;
  g_autoptr(RgCategory) category = rg_category_new ("Scolarité");
  g_autoptr(RgCriterion) criterion = rg_criterion_new ("Il vient à l'école quatre jours sur quatre");
  g_autoptr(RgAction) done = rg_action_new ("Bilan orthophonique");
  g_autoptr(RgReviewItem) pending = rg_review_item_new (RG_LINK_TYPE_CLARIFY);
  g_autoptr(RgReviewItem) reviewed = rg_review_item_new (RG_LINK_TYPE_DIVERGENCE);
  const char *indicators[] = { "Registre d'appel", NULL };
  const char *proposers[2];
  g_autoptr(RgTerm) term = rg_term_new ("décrochage");
  g_autoptr(RgAction) action = rg_action_new ("Rencontre avec la famille");
  const char *names[] = { "Adam", NULL };
  const char *members[3];

  rg_session_set_title (session, "Revue de situation");
  rg_session_set_date (session, "2024-03-12");
  rg_session_set_status (session, RG_SESSION_STATUS_HELD);
  rg_session_set_place (session, "École Jules Ferry");
  rg_session_set_facilitator (session, "M. Leroy");
  rg_session_set_situation_label (session, "Élève A., CM1");
  rg_session_set_situation_code (session, "PRE-2024-017");
  rg_session_set_person_names (session, names);

  rg_partner_set_name (teacher, "Mme Roussel");
  rg_partner_set_profession (teacher, "Enseignante");
  rg_partner_set_institution (teacher, "École Jules Ferry");
  rg_partner_set_colour (teacher, "#3584e4");
  rg_partner_set_contribution_asked (teacher, "2024-02-20");
  rg_partner_set_contribution_received (teacher, "2024-03-01");
  rg_partner_set_name (mother, "Mme Benali");
  rg_partner_set_role (mother, RG_PARTNER_ROLE_FAMILY);
  rg_session_add_partner (session, teacher);
  rg_session_add_partner (session, mother);

  rg_dimension_set_name (school, "Scolarité");
  rg_dimension_set_synthesis (school, "Un décrochage qui commence.");
  rg_dimension_set_name (health, "Santé");
  rg_session_add_dimension (session, school);
  rg_session_add_dimension (session, health);

  s1 = rg_statement_new (rg_partner_get_id (teacher), rg_dimension_get_id (school),
                         RG_STATEMENT_KIND_FACT, "Absent deux jours par semaine");
  s2 = rg_statement_new (rg_partner_get_id (mother), rg_dimension_get_id (school),
                         RG_STATEMENT_KIND_INTERPRETATION, "Il a peur d'un camarade");
  rg_session_add_statement (session, s1);
  rg_session_add_statement (session, s2);
  members[0] = rg_statement_get_id (s1);
  members[1] = rg_statement_get_id (s2);
  members[2] = NULL;
  rg_link_set_members (link, members);
  rg_link_set_note (link, "Absences ou peur ?");
  rg_session_add_link (session, link);
  rg_link_set_members (settled, members);
  rg_link_set_status (settled, RG_LINK_STATUS_SETTLED);
  rg_session_add_link (session, settled);
  rg_link_set_members (agreement, members);
  rg_session_add_link (session, agreement);

  s3 = rg_statement_new (rg_partner_get_id (mother), rg_dimension_get_id (health),
                         RG_STATEMENT_KIND_DIFFICULTY, "Il dort mal");
  rg_session_add_statement (session, s3);
  members[0] = rg_statement_get_id (s3);
  members[1] = rg_statement_get_id (s1);
  rg_link_set_members (clarify, members);
  rg_session_add_link (session, clarify);

  rg_session_add_term (session, term);

  rg_action_set_owner_id (action, rg_partner_get_id (teacher));
  rg_action_set_due (action, "2024-04-01");
  rg_action_set_status (action, RG_ACTION_STATUS_IN_PROGRESS);
  rg_session_add_action (session, action);
  rg_action_set_status (done, RG_ACTION_STATUS_DONE);
  rg_action_set_owner_name (done, "Orthophoniste du CMP");
  rg_session_add_action (session, done);

  proposers[0] = rg_partner_get_id (mother);
  proposers[1] = NULL;
  rg_criterion_set_indicators (criterion, indicators);
  rg_criterion_set_proposed_by (criterion, proposers);
  rg_criterion_set_agreed (criterion, TRUE);
  rg_criterion_set_met (criterion, TRUE);
  rg_category_add_criterion (category, criterion);
  rg_session_add_category (session, category);

  /* What this session had itself been given to review */
  rg_review_item_add_quote (pending, "Mme Roussel", "Scolarité", "Il ne lit pas seul");
  rg_session_add_review_item (session, pending);
  rg_review_item_set_reviewed (reviewed, TRUE);
  rg_session_add_review_item (session, reviewed);

  return session;
}

static void
test_follow_up_carries_situation (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autoptr(RgSession) next = rg_session_new_follow_up (previous);
  g_autofree char *today = rg_date_new_today ();
  GListModel *partners = rg_session_get_partners (next);
  GListModel *dimensions = rg_session_get_dimensions (next);

  g_assert_true (RG_IS_SESSION (next));
  g_assert_true (next != previous);
  g_assert_cmpstr (rg_session_get_id (next), !=, rg_session_get_id (previous));

  g_assert_cmpstr (rg_session_get_title (next), ==, "Follow-up — Revue de situation");
  g_assert_cmpstr (rg_session_get_date (next), ==, today);
  g_assert_cmpint (rg_session_get_status (next), ==, RG_SESSION_STATUS_PREPARING);
  g_assert_cmpint (rg_session_get_kind (next), ==, RG_SESSION_KIND_SESSION);

  g_assert_cmpstr (rg_session_get_situation_id (next), ==, rg_session_get_situation_id (previous));
  g_assert_cmpstr (rg_session_get_situation_label (next), ==, "Élève A., CM1");
  g_assert_cmpstr (rg_session_get_situation_code (next), ==, "PRE-2024-017");
  g_assert_cmpstrv (rg_session_get_person_names (next), ((const char *[]) { "Adam", NULL }));
  g_assert_cmpstr (rg_session_get_place (next), ==, "École Jules Ferry");
  g_assert_cmpstr (rg_session_get_facilitator (next), ==, "M. Leroy");

  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RgPartner) old = g_list_model_get_item (rg_session_get_partners (previous), i);
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      /* Copies, not the same objects: editing one session never
       * changes the other. */
      g_assert_true (partner != old);
      g_assert_cmpstr (rg_partner_get_id (partner), ==, rg_partner_get_id (old));
      g_assert_cmpstr (rg_partner_get_name (partner), ==, rg_partner_get_name (old));
      g_assert_cmpstr (rg_partner_get_profession (partner), ==, rg_partner_get_profession (old));
      g_assert_cmpstr (rg_partner_get_institution (partner), ==, rg_partner_get_institution (old));
      g_assert_cmpstr (rg_partner_get_colour (partner), ==, rg_partner_get_colour (old));
      g_assert_cmpint (rg_partner_get_role (partner), ==, rg_partner_get_role (old));
      /* A contribution is to one session: the next asks for its own */
      g_assert_null (rg_partner_get_contribution_asked (partner));
      g_assert_null (rg_partner_get_contribution_received (partner));
    }

  g_assert_cmpuint (g_list_model_get_n_items (dimensions), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RgDimension) old = g_list_model_get_item (rg_session_get_dimensions (previous), i);
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      g_assert_true (dimension != old);
      g_assert_cmpstr (rg_dimension_get_id (dimension), ==, rg_dimension_get_id (old));
      g_assert_cmpstr (rg_dimension_get_name (dimension), ==, rg_dimension_get_name (old));
      g_assert_null (rg_dimension_get_synthesis (dimension));
    }
}

static void
test_follow_up_starts_blank (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autoptr(RgSession) next = rg_session_new_follow_up (previous);
  g_autoptr(RgPartner) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (next)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (next)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_terms (next)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_consents (next)), ==, 0);

  /* The previous session is left as it was. */
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (previous)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (previous)), ==, 4);
  g_assert_cmpstr (rg_session_get_title (previous), ==, "Revue de situation");

  first = g_list_model_get_item (rg_session_get_partners (next), 0);
  rg_partner_set_name (first, "Mme Roussel-Martin");
  g_clear_object (&first);
  first = g_list_model_get_item (rg_session_get_partners (previous), 0);
  g_assert_cmpstr (rg_partner_get_name (first), ==, "Mme Roussel");
}

static void
test_follow_up_carries_criteria_and_actions (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autoptr(RgSession) next = rg_session_new_follow_up (previous);
  GListModel *old_actions = rg_session_get_actions (previous);
  GListModel *actions = rg_session_get_actions (next);
  g_autoptr(RgCategory) old_category = g_list_model_get_item (rg_session_get_categories (previous), 0);
  g_autoptr(RgCategory) category = NULL;
  g_autoptr(RgCriterion) old_criterion = g_list_model_get_item (rg_category_get_criteria (old_category), 0);
  g_autoptr(RgCriterion) criterion = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_categories (next)), ==, 1);
  category = g_list_model_get_item (rg_session_get_categories (next), 0);
  g_assert_true (category != old_category);
  g_assert_cmpstr (rg_category_get_id (category), ==, rg_category_get_id (old_category));
  g_assert_cmpstr (rg_category_get_name (category), ==, "Scolarité");
  g_assert_cmpuint (g_list_model_get_n_items (rg_category_get_criteria (category)), ==, 1);
  criterion = g_list_model_get_item (rg_category_get_criteria (category), 0);
  g_assert_true (criterion != old_criterion);
  g_assert_cmpstr (rg_criterion_get_id (criterion), ==, rg_criterion_get_id (old_criterion));
  g_assert_cmpstr (rg_criterion_get_text (criterion), ==, "Il vient à l'école quatre jours sur quatre");
  g_assert_cmpstrv (rg_criterion_get_indicators (criterion), ((const char *[]) { "Registre d'appel", NULL }));
  g_assert_cmpstrv (rg_criterion_get_proposed_by (criterion), rg_criterion_get_proposed_by (old_criterion));
  g_assert_true (rg_criterion_get_agreed (criterion));
  g_assert_true (rg_criterion_get_met (criterion));

  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RgAction) old = g_list_model_get_item (old_actions, i);
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);

      g_assert_true (action != old);
      g_assert_cmpstr (rg_action_get_id (action), ==, rg_action_get_id (old));
      g_assert_cmpstr (rg_action_get_what (action), ==, rg_action_get_what (old));
      g_assert_cmpstr (rg_action_get_owner_id (action), ==, rg_action_get_owner_id (old));
      g_assert_cmpstr (rg_action_get_owner_name (action), ==, rg_action_get_owner_name (old));
      g_assert_cmpstr (rg_action_get_due (action), ==, rg_action_get_due (old));
      g_assert_cmpint (rg_action_get_status (action), ==, rg_action_get_status (old));
    }
  {
    g_autoptr(RgAction) first = g_list_model_get_item (actions, 0);
    g_autoptr(RgAction) second = g_list_model_get_item (actions, 1);

    g_assert_cmpint (rg_action_get_status (first), ==, RG_ACTION_STATUS_IN_PROGRESS);
    g_assert_cmpstr (rg_action_get_due (first), ==, "2024-04-01");
    g_assert_cmpint (rg_action_get_status (second), ==, RG_ACTION_STATUS_DONE);
  }
}

/* Exactly: the pending item of the previous review, then the open
 * divergence and the open “to clarify”; not the settled divergence,
 * the agreement, nor the item already reviewed. */
static void
test_follow_up_carries_review (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autoptr(RgSession) next = rg_session_new_follow_up (previous);
  GListModel *items = rg_session_get_review_items (next);
  GListModel *old_items = rg_session_get_review_items (previous);
  GListModel *links = rg_session_get_links (previous);
  g_autoptr(RgReviewItem) pending = NULL;
  g_autoptr(RgReviewItem) divergence = NULL;
  g_autoptr(RgReviewItem) clarify = NULL;
  g_autoptr(RgReviewItem) old_pending = g_list_model_get_item (old_items, 0);
  g_autoptr(RgLink) link = g_list_model_get_item (links, 0);
  g_autoptr(RgLink) clarify_link = g_list_model_get_item (links, 3);
  const char *author;
  const char *dimension;

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  pending = g_list_model_get_item (items, 0);
  divergence = g_list_model_get_item (items, 1);
  clarify = g_list_model_get_item (items, 2);

  g_assert_true (pending != old_pending);
  g_assert_cmpstr (rg_review_item_get_id (pending), ==, rg_review_item_get_id (old_pending));
  g_assert_cmpint (rg_review_item_get_link_type (pending), ==, RG_LINK_TYPE_CLARIFY);
  g_assert_false (rg_review_item_get_reviewed (pending));
  g_assert_cmpuint (rg_review_item_get_n_quotes (pending), ==, 1);
  g_assert_cmpstr (rg_review_item_get_quote (pending, 0, &author, &dimension), ==, "Il ne lit pas seul");
  g_assert_cmpstr (author, ==, "Mme Roussel");
  g_assert_cmpstr (dimension, ==, "Scolarité");

  g_assert_cmpstr (rg_review_item_get_id (divergence), ==, rg_link_get_id (link));
  g_assert_cmpint (rg_review_item_get_link_type (divergence), ==, RG_LINK_TYPE_DIVERGENCE);
  g_assert_false (rg_review_item_get_reviewed (divergence));
  g_assert_cmpstr (rg_review_item_get_note (divergence), ==, "Absences ou peur ?");
  g_assert_cmpuint (rg_review_item_get_n_quotes (divergence), ==, 2);
  g_assert_cmpstr (rg_review_item_get_quote (divergence, 0, &author, &dimension), ==,
                   "Absent deux jours par semaine");
  g_assert_cmpstr (author, ==, "Mme Roussel");
  g_assert_cmpstr (dimension, ==, "Scolarité");
  g_assert_cmpstr (rg_review_item_get_quote (divergence, 1, &author, &dimension), ==,
                   "Il a peur d'un camarade");
  g_assert_cmpstr (author, ==, "Mme Benali");

  g_assert_cmpstr (rg_review_item_get_id (clarify), ==, rg_link_get_id (clarify_link));
  g_assert_cmpint (rg_review_item_get_link_type (clarify), ==, RG_LINK_TYPE_CLARIFY);
  g_assert_null (rg_review_item_get_note (clarify));
  g_assert_cmpstr (rg_review_item_get_quote (clarify, 0, &author, &dimension), ==, "Il dort mal");
  g_assert_cmpstr (author, ==, "Mme Benali");
  g_assert_cmpstr (dimension, ==, "Santé");

  /* A follow-up of the follow-up: what was reviewed stays behind. */
  rg_review_item_set_reviewed (divergence, TRUE);
  {
    g_autoptr(RgSession) third = rg_session_new_follow_up (next);
    GListModel *third_items = rg_session_get_review_items (third);
    g_autoptr(RgReviewItem) first = NULL;
    g_autoptr(RgReviewItem) second = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (third_items), ==, 2);
    first = g_list_model_get_item (third_items, 0);
    second = g_list_model_get_item (third_items, 1);
    g_assert_cmpstr (rg_review_item_get_id (first), ==, rg_review_item_get_id (pending));
    g_assert_cmpstr (rg_review_item_get_id (second), ==, rg_review_item_get_id (clarify));
  }
}

/* The list to review goes through the file: same bytes on a second
 * save, and a file without one is written as before. */
static void
test_follow_up_review_round_trip (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autoptr(RgSession) next = rg_session_new_follow_up (previous);
  g_autoptr(RgSession) blank = rg_session_new ();
  g_autoptr(RgSession) loaded = NULL;
  g_autoptr(RgReviewItem) item = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GError) error = NULL;
  const char *author;
  const char *dimension;

  item = g_list_model_get_item (rg_session_get_review_items (next), 1);
  rg_review_item_set_reviewed (item, TRUE);
  g_clear_object (&item);

  bytes = rg_session_to_bytes (next);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "<review>"));
  loaded = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  again = rg_session_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));

  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_review_items (loaded)), ==, 3);
  item = g_list_model_get_item (rg_session_get_review_items (loaded), 1);
  g_assert_true (rg_review_item_get_reviewed (item));
  g_assert_cmpstr (rg_review_item_get_note (item), ==, "Absences ou peur ?");
  g_assert_cmpuint (rg_review_item_get_n_quotes (item), ==, 2);
  g_assert_cmpstr (rg_review_item_get_quote (item, 1, &author, &dimension), ==, "Il a peur d'un camarade");
  g_assert_cmpstr (author, ==, "Mme Benali");
  g_assert_cmpstr (dimension, ==, "Scolarité");

  empty = rg_session_to_bytes (blank);
  g_assert_null (g_strstr_len (g_bytes_get_data (empty, NULL), g_bytes_get_size (empty), "review"));
}

/* A file of version 1, before review lists: it reads as it is, and is
 * written back in the current version with the same contents. */
static void
test_follow_up_version_1 (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "format",
                                            "valid.regards", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgSession) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_nonnull (strstr (contents, "format-version=\"1\""));
  bytes = g_bytes_new (contents, length);
  session = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_review_items (session)), ==, 0);

  saved = rg_session_to_bytes (session);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                  "format-version=\"" G_STRINGIFY (RG_FORMAT_VERSION) "\""));
  reloaded = rg_session_new_from_bytes (saved, &error);
  g_assert_no_error (error);
  again = rg_session_to_bytes (reloaded);
  g_assert_true (g_bytes_equal (saved, again));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (reloaded)), ==,
                    g_list_model_get_n_items (rg_session_get_statements (session)));
}

/* A hand-made file: the kind of a review item is a divergence or “to
 * clarify”, nothing else. */
static void
test_follow_up_review_invalid (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autoptr(RgSession) next = rg_session_new_follow_up (previous);
  g_autoptr(GBytes) bytes = rg_session_to_bytes (next);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GString) damaged = g_string_new (text);
  g_autoptr(GBytes) damaged_bytes = NULL;
  g_autoptr(RgSession) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (damaged, "type=\"clarify\" reviewed", "type=\"agreement\" reviewed", 1), ==, 1);
  damaged_bytes = g_bytes_new (damaged->str, damaged->len);
  loaded = rg_session_new_from_bytes (damaged_bytes, &error);
  g_assert_null (loaded);
  g_assert_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID);
}

/* Marking an item reviewed is an edit like any other: undone, redone. */
static void
test_follow_up_mark_reviewed (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autoptr(RgSession) next = rg_session_new_follow_up (previous);
  g_autoptr(RgSessionEditor) editor = rg_session_editor_new (next);
  RgUndoStack *undo = rg_session_editor_get_undo_stack (editor);
  g_autoptr(RgReviewItem) item = g_list_model_get_item (rg_session_get_review_items (next), 0);

  rg_session_editor_set_reviewed (editor, item, TRUE);
  g_assert_true (rg_review_item_get_reviewed (item));
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_false (rg_review_item_get_reviewed (item));
  g_assert_true (rg_undo_stack_redo (undo));
  g_assert_true (rg_review_item_get_reviewed (item));
}

static void
test_follow_up_untitled (void)
{
  g_autoptr(RgSession) previous = rg_session_new ();
  g_autoptr(RgSession) next = NULL;

  rg_session_set_title (previous, "");
  next = rg_session_new_follow_up (previous);
  g_assert_cmpstr (rg_session_get_title (next), ==, "Follow-up Session");
  g_assert_cmpstr (rg_session_get_situation_id (next), ==, rg_session_get_situation_id (previous));
}

/* A date @days from today, as the file writes it */
static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The next meeting is on the day the previous one set, when that is
 * still to come; a day past or none gives today. */
static void
test_follow_up_dated_next_review (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autofree char *later = date_from_today (40);
  g_autofree char *past = date_from_today (-3);
  g_autofree char *today = rg_date_new_today ();
  g_autoptr(RgSession) next = NULL;
  g_autoptr(RgSession) late = NULL;
  g_autoptr(RgSession) same_day = NULL;

  rg_session_set_next_review (previous, later);
  next = rg_session_new_follow_up (previous);
  g_assert_cmpstr (rg_session_get_date (next), ==, later);
  g_assert_null (rg_session_get_next_review (next));

  rg_session_set_next_review (previous, past);
  late = rg_session_new_follow_up (previous);
  g_assert_cmpstr (rg_session_get_date (late), ==, today);

  rg_session_set_next_review (previous, today);
  same_day = rg_session_new_follow_up (previous);
  g_assert_cmpstr (rg_session_get_date (same_day), ==, today);
}

/* The family's consent goes on to the next meeting, to be confirmed
 * there, and is saved with it. */
static void
test_follow_up_carries_consent (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autoptr(RgConsent) consent = rg_consent_new ("Le bilan orthophonique");
  g_autoptr(RgPartner) teacher = g_list_model_get_item (rg_session_get_partners (previous), 0);
  g_autofree char *later = date_from_today (30);
  g_autofree char *path = g_build_filename (test_root, "consent-suivi.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(RgDocument) reloaded = NULL;
  g_autoptr(RgSession) next = NULL;
  g_autoptr(RgConsent) carried = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *consents;

  rg_consent_set_shared_with (consent, "Le médecin scolaire");
  rg_consent_set_date (consent, "2024-03-12");
  rg_consent_set_recorded_by_id (consent, rg_partner_get_id (teacher));
  rg_session_add_consent (previous, consent);
  rg_session_set_next_review (previous, later);

  next = rg_session_new_follow_up (previous);
  document = rg_document_new (next, file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);
  reloaded = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (rg_session_get_date (rg_document_get_session (reloaded)), ==, later);
  consents = rg_session_get_consents (rg_document_get_session (reloaded));
  g_assert_cmpuint (g_list_model_get_n_items (consents), ==, 1);
  carried = g_list_model_get_item (consents, 0);
  g_assert_cmpstr (rg_consent_get_id (carried), ==, rg_consent_get_id (consent));
  g_assert_cmpstr (rg_consent_get_scope (carried), ==, "Le bilan orthophonique");
  g_assert_cmpstr (rg_consent_get_shared_with (carried), ==, "Le médecin scolaire");
  g_assert_cmpstr (rg_consent_get_date (carried), ==, "2024-03-12");
  g_assert_cmpstr (rg_consent_get_recorded_by_id (carried), ==, rg_partner_get_id (teacher));

  /* To be confirmed with the family at the new meeting */
  g_assert_true (rg_consent_get_to_confirm (carried));

  /* A copy: the previous session's consent is left as it was */
  g_clear_object (&carried);
  carried = g_list_model_get_item (rg_session_get_consents (next), 0);
  g_assert_true (carried != consent);
}

/* What the library window does: load, follow up, save; the file reads
 * back as the same situation. */
static void
test_follow_up_saved (void)
{
  g_autoptr(RgSession) previous = make_previous ();
  g_autofree char *path = g_build_filename (test_root, "revue.regards", NULL);
  g_autofree char *next_path = g_build_filename (test_root, "suivi.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) next_file = g_file_new_for_path (next_path);
  g_autoptr(RgDocument) document = rg_document_new (previous, file);
  g_autoptr(RgDocument) loaded = NULL;
  g_autoptr(RgDocument) next_document = NULL;
  g_autoptr(RgDocument) reloaded = NULL;
  g_autoptr(RgSession) next = NULL;
  g_autoptr(GError) error = NULL;
  RgSession *session;

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  loaded = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  next = rg_session_new_follow_up (rg_document_get_session (loaded));
  next_document = rg_document_new (next, next_file);
  g_assert_true (rg_document_save (next_document, NULL, &error));
  g_assert_no_error (error);

  reloaded = rg_document_new_from_file (next_file, NULL, &error);
  g_assert_no_error (error);
  session = rg_document_get_session (reloaded);
  g_assert_cmpstr (rg_session_get_situation_id (session), ==,
                   rg_session_get_situation_id (previous));
  g_assert_cmpstr (rg_session_get_title (session), ==, "Follow-up — Revue de situation");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_dimensions (session)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (session)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follow-up/carries-situation", test_follow_up_carries_situation);
  g_test_add_func ("/follow-up/starts-blank", test_follow_up_starts_blank);
  g_test_add_func ("/follow-up/carries-criteria-and-actions", test_follow_up_carries_criteria_and_actions);
  g_test_add_func ("/follow-up/carries-review", test_follow_up_carries_review);
  g_test_add_func ("/follow-up/review-round-trip", test_follow_up_review_round_trip);
  g_test_add_func ("/follow-up/review-invalid", test_follow_up_review_invalid);
  g_test_add_func ("/follow-up/version-1", test_follow_up_version_1);
  g_test_add_func ("/follow-up/mark-reviewed", test_follow_up_mark_reviewed);
  g_test_add_func ("/follow-up/untitled", test_follow_up_untitled);
  g_test_add_func ("/follow-up/saved", test_follow_up_saved);
  g_test_add_func ("/follow-up/dated-next-review", test_follow_up_dated_next_review);
  g_test_add_func ("/follow-up/carries-consent", test_follow_up_carries_consent);

  return g_test_run ();
}
