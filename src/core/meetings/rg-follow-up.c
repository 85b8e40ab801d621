/* rg-follow-up.c — the next session about the same situation
 *
 * A follow-up session is the next meeting about a situation: the same
 * situation (id, label, code, people), the same partners and dimensions
 * under the same ids, so that the sessions of one situation line up as a
 * timeline; the success criteria (in their categories) and the actions
 * with where they stand, since the next meeting is where they are
 * checked; and, as a list to review, what the meeting left open: its
 * open divergences and links “to clarify”, and what it had itself been
 * given to review and did not get to; the family's consent, to be
 * confirmed at the next meeting. But nothing that was said: each
 * meeting starts from a blank grid, being prepared, on the day the
 * previous meeting set for its next review (or today, if that day is
 * past or was not set).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-follow-up"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "rg-follow-up.h"

/* What of each object the follow-up takes over, ids first, so that a
 * partner, a criterion or an action can be followed from one session to
 * the next. Not a dimension's synthesis: the team writes a new one. Not
 * a partner's contribution asked or received: a contribution is to one
 * session, and the next one asks for its own. A criterion met stays met
 * until the team says otherwise. */
static const char * const partner_properties[] = {
  "id", "name", "profession", "institution", "colour", "role", NULL
};
static const char * const dimension_properties[] = { "id", "name", NULL };
static const char * const category_properties[] = { "id", "name", NULL };
static const char * const criterion_properties[] = {
  "id", "text", "indicators", "proposed-by", "agreed", "met", NULL
};
static const char * const action_properties[] = {
  "id", "what", "owner-id", "owner-name", "due", "status", NULL
};

static const char * const consent_properties[] = {
  "id", "scope", "shared-with", "date", "recorded-by-id", NULL
};

/* A new object of the type of @object, with its values of @properties. */
static gpointer
copy_object (gpointer            object,
             const char * const *properties)
{
  guint n = g_strv_length ((char **) properties);
  g_autofree GValue *values = g_new0 (GValue, n);
  GObject *copy;

  g_object_getv (object, n, (const char **) properties, values);
  copy = g_object_new_with_properties (G_OBJECT_TYPE (object), n, (const char **) properties,
                                       values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return copy;
}

typedef void (*AddFunc) (gpointer container,
                         gpointer item);

/* Adds to @container, through @add, a copy of each of @items. */
static void
copy_all (gpointer            container,
          AddFunc             add,
          GListModel         *items,
          const char * const *properties)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) old = g_list_model_get_item (items, i);
      g_autoptr(GObject) copy = copy_object (old, properties);

      add (container, copy);
    }
}

static void
copy_criteria (RgSession *session,
               RgSession *previous)
{
  GListModel *categories = rg_session_get_categories (previous);
  guint n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCategory) old = g_list_model_get_item (categories, i);
      g_autoptr(RgCategory) category = copy_object (old, category_properties);

      copy_all (category, (AddFunc) rg_category_add_criterion, rg_category_get_criteria (old),
                criterion_properties);
      rg_session_add_category (session, category);
    }
}

/* The family agreed for the previous meeting; the next one asks again.
 * Same ids, so that the consent can be followed from one session to the
 * next, each marked to confirm with the family. */
static void
carry_consents (RgSession *session,
                RgSession *previous)
{
  GListModel *consents = rg_session_get_consents (session);

  copy_all (session, (AddFunc) rg_session_add_consent, rg_session_get_consents (previous),
            consent_properties);

  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(RgConsent) consent = g_list_model_get_item (consents, i);

      rg_consent_set_to_confirm (consent, TRUE);
    }
}

/* The day the previous meeting set for the next one, when it is still
 * to come; otherwise today. */
static char *
follow_up_date (RgSession *previous)
{
  const char *next_review = rg_session_get_next_review (previous);
  g_autofree char *today = rg_date_new_today ();

  if (next_review != NULL && rg_date_is_valid (next_review) && strcmp (next_review, today) > 0)
    return g_strdup (next_review);

  return g_steal_pointer (&today);
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
 * facilitator, partners (but not their contributions), dimensions,
 * criteria (in their categories, agreed or met as they were), actions
 * (with their status) and consents (to be confirmed), with the
 * same ids; it is dated @previous's next review when that day is later
 * than today, and today otherwise; it is being prepared, and titled
 * “Follow-up — ” and @previous's title. Its items to review are
 * @previous's items not reviewed yet, then one item per open divergence
 * or link “to clarify” of @previous. No statement, link or term is
 * carried over, nor the dimensions' syntheses, nor the next review.
 *
 * Returns: (transfer full): a new session, with its own id
 */
RgSession *
rg_session_new_follow_up (RgSession *previous)
{
  g_autoptr(RgSession) session = NULL;
  g_autofree char *date = NULL;
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

  date = follow_up_date (previous);
  rg_session_set_title (session, title);
  rg_session_set_date (session, date);
  rg_session_set_status (session, RG_SESSION_STATUS_PREPARING);
  rg_session_set_kind (session, RG_SESSION_KIND_SESSION);

  rg_session_set_situation_id (session, rg_session_get_situation_id (previous));
  rg_session_set_situation_label (session, rg_session_get_situation_label (previous));
  rg_session_set_situation_code (session, rg_session_get_situation_code (previous));
  rg_session_set_person_names (session, rg_session_get_person_names (previous));
  rg_session_set_place (session, rg_session_get_place (previous));
  rg_session_set_facilitator (session, rg_session_get_facilitator (previous));

  copy_all (session, (AddFunc) rg_session_add_partner, rg_session_get_partners (previous),
            partner_properties);
  copy_all (session, (AddFunc) rg_session_add_dimension, rg_session_get_dimensions (previous),
            dimension_properties);
  copy_criteria (session, previous);
  copy_all (session, (AddFunc) rg_session_add_action, rg_session_get_actions (previous),
            action_properties);
  carry_consents (session, previous);
  carry_review (session, previous);

  return g_steal_pointer (&session);
}
