/* rg-follow-up.c — the next session about the same situation
 *
 * A follow-up session is the next meeting about a situation: the same
 * situation (id, label, code, people), the same partners and dimensions
 * under the same ids, so that the sessions of one situation line up as a
 * timeline; the success criteria (in their categories) and the actions
 * with where they stand, since the next meeting is where they are
 * checked; and, as a list to review, what the meeting left open: its
 * open divergences and links “to clarify”, and what it had itself been
 * given to review and did not get to. But nothing that was said: each
 * meeting starts from a blank grid, dated today and being prepared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-follow-up"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-follow-up.h"

static void
copy_partners (RgSession *session,
               RgSession *previous)
{
  GListModel *partners = rg_session_get_partners (previous);
  guint n = g_list_model_get_n_items (partners);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgPartner) old = g_list_model_get_item (partners, i);
      g_autoptr(RgPartner) partner = NULL;

      partner = g_object_new (RG_TYPE_PARTNER,
                              "id", rg_partner_get_id (old),
                              "name", rg_partner_get_name (old),
                              "profession", rg_partner_get_profession (old),
                              "institution", rg_partner_get_institution (old),
                              "colour", rg_partner_get_colour (old),
                              "role", rg_partner_get_role (old),
                              NULL);
      rg_session_add_partner (session, partner);
    }
}

/* The dimensions, not their synthesis: the team writes a new one. */
static void
copy_dimensions (RgSession *session,
                 RgSession *previous)
{
  GListModel *dimensions = rg_session_get_dimensions (previous);
  guint n = g_list_model_get_n_items (dimensions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgDimension) old = g_list_model_get_item (dimensions, i);
      g_autoptr(RgDimension) dimension = NULL;

      dimension = g_object_new (RG_TYPE_DIMENSION,
                                "id", rg_dimension_get_id (old),
                                "name", rg_dimension_get_name (old),
                                NULL);
      rg_session_add_dimension (session, dimension);
    }
}

/* Same ids, so that a criterion or an action can be followed from one
 * session to the next. */
static void
copy_criteria (RgSession *session,
               RgSession *previous)
{
  GListModel *categories = rg_session_get_categories (previous);
  guint n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCategory) old = g_list_model_get_item (categories, i);
      g_autoptr(RgCategory) category = NULL;
      GListModel *criteria = rg_category_get_criteria (old);
      guint n_criteria = g_list_model_get_n_items (criteria);

      category = g_object_new (RG_TYPE_CATEGORY,
                               "id", rg_category_get_id (old),
                               "name", rg_category_get_name (old),
                               NULL);
      for (guint j = 0; j < n_criteria; j++)
        {
          g_autoptr(RgCriterion) old_criterion = g_list_model_get_item (criteria, j);
          g_autoptr(RgCriterion) criterion = NULL;

          criterion = g_object_new (RG_TYPE_CRITERION,
                                    "id", rg_criterion_get_id (old_criterion),
                                    "text", rg_criterion_get_text (old_criterion),
                                    NULL);
          rg_criterion_set_indicators (criterion, rg_criterion_get_indicators (old_criterion));
          rg_criterion_set_proposed_by (criterion, rg_criterion_get_proposed_by (old_criterion));
          rg_criterion_set_agreed (criterion, rg_criterion_get_agreed (old_criterion));
          rg_category_add_criterion (category, criterion);
        }
      rg_session_add_category (session, category);
    }
}

static void
copy_actions (RgSession *session,
              RgSession *previous)
{
  GListModel *actions = rg_session_get_actions (previous);
  guint n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgAction) old = g_list_model_get_item (actions, i);
      g_autoptr(RgAction) action = NULL;

      action = g_object_new (RG_TYPE_ACTION,
                             "id", rg_action_get_id (old),
                             "what", rg_action_get_what (old),
                             "owner-id", rg_action_get_owner_id (old),
                             "owner-name", rg_action_get_owner_name (old),
                             "due", rg_action_get_due (old),
                             "status", rg_action_get_status (old),
                             NULL);
      rg_session_add_action (session, action);
    }
}

/* An open divergence or “to clarify” becomes an item to review, under
 * the link's id, quoting each of its statements as it was said. */
static RgReviewItem *
review_item_from_link (RgSession *previous,
                       RgLink    *link)
{
  const char * const *members = rg_link_get_members (link);
  RgReviewItem *item;

  item = g_object_new (RG_TYPE_REVIEW_ITEM,
                       "id", rg_link_get_id (link),
                       "link-type", rg_link_get_link_type (link),
                       "note", rg_link_get_note (link),
                       NULL);

  for (guint i = 0; members[i] != NULL; i++)
    {
      RgStatement *statement = rg_session_find_statement (previous, members[i]);
      RgPartner *partner;
      RgDimension *dimension;

      if (statement == NULL)
        continue;

      partner = rg_session_find_partner (previous, rg_statement_get_partner_id (statement));
      dimension = rg_session_find_dimension (previous, rg_statement_get_dimension_id (statement));
      rg_review_item_add_quote (item,
                                partner != NULL ? rg_partner_get_name (partner) : NULL,
                                dimension != NULL ? rg_dimension_get_name (dimension) : NULL,
                                rg_statement_get_text (statement));
    }

  return item;
}

static RgReviewItem *
copy_review_item (RgReviewItem *old)
{
  guint n = rg_review_item_get_n_quotes (old);
  RgReviewItem *item;

  item = g_object_new (RG_TYPE_REVIEW_ITEM,
                       "id", rg_review_item_get_id (old),
                       "link-type", rg_review_item_get_link_type (old),
                       "note", rg_review_item_get_note (old),
                       NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *author;
      const char *dimension;
      const char *text = rg_review_item_get_quote (old, i, &author, &dimension);

      rg_review_item_add_quote (item, author, dimension, text);
    }

  return item;
}

/* What is still to review comes first, in its order, then what the
 * previous meeting left open, in the order of its links. */
static void
carry_review (RgSession *session,
              RgSession *previous)
{
  GListModel *items = rg_session_get_review_items (previous);
  GListModel *links = rg_session_get_links (previous);
  guint n;

  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgReviewItem) old = g_list_model_get_item (items, i);
      g_autoptr(RgReviewItem) item = NULL;

      if (rg_review_item_get_reviewed (old))
        continue;

      item = copy_review_item (old);
      rg_session_add_review_item (session, item);
    }

  n = g_list_model_get_n_items (links);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      g_autoptr(RgReviewItem) item = NULL;
      RgLinkType type = rg_link_get_link_type (link);

      if (rg_link_get_status (link) != RG_LINK_STATUS_OPEN
          || (type != RG_LINK_TYPE_DIVERGENCE && type != RG_LINK_TYPE_CLARIFY)
          || rg_session_find_review_item (session, rg_link_get_id (link)) != NULL)
        continue;

      item = review_item_from_link (previous, link);
      rg_session_add_review_item (session, item);
    }
}

/**
 * rg_session_new_follow_up:
 * @previous: a session
 *
 * Starts the session that follows @previous about the same situation:
 * it has @previous's situation (id, label, code and people), place,
 * facilitator, partners, dimensions, criteria (in their categories)
 * and actions (with their status), with the same ids; it is dated
 * today, being prepared, and titled “Follow-up — ” and @previous's
 * title. Its items to review are @previous's items not reviewed yet,
 * then one item per open divergence or link “to clarify” of @previous.
 * No statement, link, term or consent is carried over, nor the
 * dimensions' syntheses.
 *
 * Returns: (transfer full): a new session, with its own id
 */
RgSession *
rg_session_new_follow_up (RgSession *previous)
{
  g_autoptr(RgSession) session = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  const char *previous_title;

  g_return_val_if_fail (RG_IS_SESSION (previous), NULL);

  session = rg_session_new ();

  previous_title = rg_session_get_title (previous);
  if (previous_title != NULL && previous_title[0] != '\0')
    /* Translators: the title of a follow-up session; %s is the title
     * of the session it follows. */
    title = g_strdup_printf (_("Follow-up — %s"), previous_title);
  else
    title = g_strdup (_("Follow-up Session"));

  today = rg_date_new_today ();
  rg_session_set_title (session, title);
  rg_session_set_date (session, today);
  rg_session_set_status (session, RG_SESSION_STATUS_PREPARING);
  rg_session_set_kind (session, RG_SESSION_KIND_SESSION);

  rg_session_set_situation_id (session, rg_session_get_situation_id (previous));
  rg_session_set_situation_label (session, rg_session_get_situation_label (previous));
  rg_session_set_situation_code (session, rg_session_get_situation_code (previous));
  rg_session_set_person_names (session, rg_session_get_person_names (previous));
  rg_session_set_place (session, rg_session_get_place (previous));
  rg_session_set_facilitator (session, rg_session_get_facilitator (previous));

  copy_partners (session, previous);
  copy_dimensions (session, previous);
  copy_criteria (session, previous);
  copy_actions (session, previous);
  carry_review (session, previous);

  return g_steal_pointer (&session);
}
