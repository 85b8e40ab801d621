/* rg-follow-up.c — the next session about the same situation
 *
 * A follow-up session is the next meeting about a situation: the same
 * situation (id, label, code, people), the same partners and dimensions
 * under the same ids, so that the sessions of one situation line up as a
 * timeline; but nothing that was said: each meeting starts from a blank
 * grid, dated today and being prepared.
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

/**
 * rg_session_new_follow_up:
 * @previous: a session
 *
 * Starts the session that follows @previous about the same situation:
 * it has @previous's situation (id, label, code and people), place,
 * facilitator, partners and dimensions, with the same ids; it is dated
 * today, being prepared, and titled “Follow-up — ” and @previous's
 * title. No statement, link, term, criterion or action is carried
 * over, nor the dimensions' syntheses.
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

  return g_steal_pointer (&session);
}
