/* rg-session-editor-actions.c — the undoable edits of actions, the next
 * review and the family's consent
 *
 * What the team decided (what, who, by when, where it stands), when it
 * meets again, and what the family agreed to share. Each edit is one step
 * of the editor's undo stack, like the edits of rg-session-editor.c; the
 * dates are checked here, so that a view only passes on what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-editor-actions"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rg-session-editor-actions.h"
#include "rg-session-editor-private.h"

/**
 * rg_action_edit_error_quark:
 *
 * Returns: the error domain of #RgActionEditError
 */
G_DEFINE_QUARK (rg-action-edit-error-quark, rg_action_edit_error)

static const RgEditorList action_list = RG_EDITOR_LIST (rg_session, action, actions);
static const RgEditorList consent_list = RG_EDITOR_LIST (rg_session, consent, consents);

/* "" and NULL are both "no date"; anything else must be a real date. */
static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date == NULL || date[0] == '\0' || rg_date_is_valid (date))
    return TRUE;

  g_set_error (error, RG_ACTION_EDIT_ERROR, RG_ACTION_EDIT_ERROR_INVALID_DATE,
               _("“%s” is not a date; write it as year-month-day, for example 2027-01-15"),
               date);
  return FALSE;
}

static const char *
optional (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

/**
 * rg_action_is_overdue:
 * @action: a #RgAction
 * @today: the day to compare with, `YYYY-MM-DD`
 *
 * Whether @action should have been done before @today and still is not:
 * it has a due date earlier than @today and is neither done nor
 * cancelled.
 *
 * Returns: %TRUE if @action is overdue
 */
gboolean
rg_action_is_overdue (RgAction   *action,
                      const char *today)
{
  RgActionStatus status;
  const char *due;

  g_return_val_if_fail (RG_IS_ACTION (action), FALSE);
  g_return_val_if_fail (rg_date_is_valid (today), FALSE);

  status = rg_action_get_status (action);
  due = rg_action_get_due (action);

  /* Dates written YYYY-MM-DD sort as text in the order of the calendar. */
  return due != NULL &&
         status != RG_ACTION_STATUS_DONE &&
         status != RG_ACTION_STATUS_CANCELLED &&
         strcmp (due, today) < 0;
}

/**
 * rg_session_editor_set_next_review:
 * @self: a #RgSessionEditor
 * @date: (nullable): the date of the next review, `YYYY-MM-DD`; %NULL or
 *   "" for none
 * @error: a location for a #GError
 *
 * Sets when the team meets again about the situation, undoably.
 *
 * Returns: %TRUE on success; %FALSE, changing nothing, if @date is not a
 *   date
 */
gboolean
rg_session_editor_set_next_review (RgSessionEditor  *self,
                                   const char       *date,
                                   GError          **error)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_date (date, error))
    return FALSE;

  rg_session_editor_set (self, _("Change next review date"),
                         rg_session_editor_get_session (self),
                         "next-review", optional (date));
  return TRUE;
}

/**
 * rg_session_editor_add_action:
 * @self: a #RgSessionEditor
 * @what: (nullable): what will be done
 *
 * Adds a planned action, without owner or due date, after the other
 * actions, undoably.
 *
 * Returns: (transfer none): the new action
 */
RgAction *
rg_session_editor_add_action (RgSessionEditor *self,
                              const char      *what)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);

  return _rg_session_editor_append_new (self, _("Add action"), &action_list, NULL,
                                        rg_action_new (what != NULL ? what : ""));
}

/**
 * rg_session_editor_remove_action:
 * @self: a #RgSessionEditor
 * @action: an action of the session
 *
 * Deletes an action, undoably; undo puts it back at its place.
 */
void
rg_session_editor_remove_action (RgSessionEditor *self,
                                 RgAction        *action)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_ACTION (action));

  _rg_session_editor_remove_item (self, _("Delete action"), &action_list, NULL, action);
}

/**
 * rg_session_editor_set_action_what:
 * @self: a #RgSessionEditor
 * @action: an action of the session
 * @what: what will be done
 *
 * Changes what an action is, undoably; typing in quick succession is
 * undone at once.
 */
void
rg_session_editor_set_action_what (RgSessionEditor *self,
                                   RgAction        *action,
                                   const char      *what)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_ACTION (action));

  rg_session_editor_set (self, _("Edit action"), action, "what", what != NULL ? what : "");
}

/**
 * rg_session_editor_set_action_owner:
 * @self: a #RgSessionEditor
 * @action: an action of the session
 * @partner_id: (nullable): the id of the partner who does it; %NULL for
 *   nobody named yet
 *
 * Changes who carries an action out, undoably.
 */
void
rg_session_editor_set_action_owner (RgSessionEditor *self,
                                    RgAction        *action,
                                    const char      *partner_id)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_ACTION (action));
  g_return_if_fail (optional (partner_id) == NULL || rg_id_is_valid (partner_id));

  rg_session_editor_set (self, _("Change who does the action"), action,
                         "owner-id", optional (partner_id));
}

/**
 * rg_session_editor_set_action_due:
 * @self: a #RgSessionEditor
 * @action: an action of the session
 * @due: (nullable): by when, `YYYY-MM-DD`; %NULL or "" for no date
 * @error: a location for a #GError
 *
 * Changes by when an action is due, undoably.
 *
 * Returns: %TRUE on success; %FALSE, changing nothing, if @due is not a
 *   date
 */
gboolean
rg_session_editor_set_action_due (RgSessionEditor  *self,
                                  RgAction         *action,
                                  const char       *due,
                                  GError          **error)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (RG_IS_ACTION (action), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_date (due, error))
    return FALSE;

  rg_session_editor_set (self, _("Change due date"), action, "due", optional (due));
  return TRUE;
}

/**
 * rg_session_editor_set_action_status:
 * @self: a #RgSessionEditor
 * @action: an action of the session
 * @status: where the action now stands
 *
 * Changes where an action stands, undoably.
 */
void
rg_session_editor_set_action_status (RgSessionEditor *self,
                                     RgAction        *action,
                                     RgActionStatus   status)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_ACTION (action));
  g_return_if_fail ((guint) status <= RG_ACTION_STATUS_CANCELLED);

  rg_session_editor_set (self, _("Change action status"), action, "status", status);
}

/**
 * rg_session_editor_add_consent:
 * @self: a #RgSessionEditor
 * @scope: (nullable): what the family agreed to share
 *
 * Records a consent of the family, dated today, after the others,
 * undoably.
 *
 * Returns: (transfer none): the new consent
 */
RgConsent *
rg_session_editor_add_consent (RgSessionEditor *self,
                               const char      *scope)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);

  return _rg_session_editor_append_new (self, _("Record consent"), &consent_list, NULL,
                                        rg_consent_new (scope != NULL ? scope : ""));
}

/**
 * rg_session_editor_remove_consent:
 * @self: a #RgSessionEditor
 * @consent: a consent of the session
 *
 * Deletes a consent record, undoably; undo puts it back at its place.
 */
void
rg_session_editor_remove_consent (RgSessionEditor *self,
                                  RgConsent       *consent)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CONSENT (consent));

  _rg_session_editor_remove_item (self, _("Delete consent"), &consent_list, NULL, consent);
}

/**
 * rg_session_editor_set_consent_scope:
 * @self: a #RgSessionEditor
 * @consent: a consent of the session
 * @scope: what the family agreed to share
 *
 * Changes what a consent covers, undoably.
 */
void
rg_session_editor_set_consent_scope (RgSessionEditor *self,
                                     RgConsent       *consent,
                                     const char      *scope)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CONSENT (consent));

  rg_session_editor_set (self, _("Edit what the family agreed to share"), consent,
                         "scope", scope != NULL ? scope : "");
}

/**
 * rg_session_editor_set_consent_shared_with:
 * @self: a #RgSessionEditor
 * @consent: a consent of the session
 * @shared_with: (nullable): with whom it may be shared
 *
 * Changes with whom the family agreed to share, undoably.
 */
void
rg_session_editor_set_consent_shared_with (RgSessionEditor *self,
                                           RgConsent       *consent,
                                           const char      *shared_with)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CONSENT (consent));

  rg_session_editor_set (self, _("Edit with whom it is shared"), consent,
                         "shared-with", optional (shared_with));
}

/**
 * rg_session_editor_set_consent_date:
 * @self: a #RgSessionEditor
 * @consent: a consent of the session
 * @date: when the family agreed, `YYYY-MM-DD`
 * @error: a location for a #GError
 *
 * Changes the date of a consent, undoably. A consent always has a date.
 *
 * Returns: %TRUE on success; %FALSE, changing nothing, if @date is not a
 *   date
 */
gboolean
rg_session_editor_set_consent_date (RgSessionEditor  *self,
                                    RgConsent        *consent,
                                    const char       *date,
                                    GError          **error)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (RG_IS_CONSENT (consent), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (optional (date) == NULL)
    {
      g_set_error_literal (error, RG_ACTION_EDIT_ERROR, RG_ACTION_EDIT_ERROR_INVALID_DATE,
                           _("A consent needs the date the family gave it"));
      return FALSE;
    }

  if (!check_date (date, error))
    return FALSE;

  rg_session_editor_set (self, _("Change consent date"), consent, "date", date);
  return TRUE;
}

/**
 * rg_session_editor_set_consent_recorder:
 * @self: a #RgSessionEditor
 * @consent: a consent of the session
 * @partner_id: (nullable): the id of the partner who recorded it, or
 *   %NULL
 *
 * Changes who recorded a consent, undoably.
 */
void
rg_session_editor_set_consent_recorder (RgSessionEditor *self,
                                        RgConsent       *consent,
                                        const char      *partner_id)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CONSENT (consent));
  g_return_if_fail (optional (partner_id) == NULL || rg_id_is_valid (partner_id));

  rg_session_editor_set (self, _("Change who recorded the consent"), consent,
                         "recorded-by-id", optional (partner_id));
}
