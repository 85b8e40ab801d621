/* rg-session-editor-conflicts.c — settling what a merge left in conflict
 *
 * A merge (rg-merge.c) keeps our value in a field both sides changed and
 * records theirs in a conflict. Settling it is one undoable step: the
 * field takes theirs' value, or keeps ours, and the conflict goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-editor-conflicts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-merge.h"
#include "rg-session-editor-conflicts.h"
#include "rg-session-editor-private.h"

static const RgEditorList conflict_list = RG_EDITOR_LIST (rg_session, conflict, conflicts);

/* {{{ Setting the field of a conflict */

typedef struct
{
  RgSession  *session;
  RgConflict *conflict;
  char       *value;
  char       *old_value;
  GDateTime  *old_changed;  /* of a statement, which the change moves */
} FieldChange;

static void
field_change_free (gpointer data)
{
  FieldChange *change = data;

  g_clear_object (&change->session);
  g_clear_object (&change->conflict);
  g_clear_pointer (&change->value, g_free);
  g_clear_pointer (&change->old_value, g_free);
  g_clear_pointer (&change->old_changed, g_date_time_unref);
  g_free (change);
}

static void
field_change_redo (gpointer data)
{
  FieldChange *change = data;

  if (rg_merge_can_set_field (change->session, change->conflict, change->value))
    rg_merge_set_field (change->session, change->conflict, change->value);
}

static void
field_change_undo (gpointer data)
{
  FieldChange *change = data;
  RgStatement *statement;

  if (!rg_merge_can_set_field (change->session, change->conflict, change->old_value))
    return;

  rg_merge_set_field (change->session, change->conflict, change->old_value);

  /* The statement was last changed when it was, not by the undo */
  if (change->old_changed != NULL
      && (statement = rg_session_find_statement (change->session,
                                                 rg_conflict_get_object_id (change->conflict))))
    rg_statement_set_changed (statement, change->old_changed);
}

/* }}} */

/**
 * rg_session_editor_resolve_conflict:
 * @self: a #RgSessionEditor
 * @conflict: a conflict of the session (see rg_session_get_conflicts ())
 * @keep_theirs: %TRUE to give the field theirs' value, %FALSE to keep
 *   ours
 *
 * Settles @conflict as one undoable step: with @keep_theirs the field
 * takes the value the conflict holds; either way the conflict leaves the
 * session's list. Undo gives back both the value and the conflict.
 *
 * An object deleted since the conflict was recorded has nothing left to
 * choose: the conflict only goes. Theirs' value cannot be kept when it
 * names an object no longer in the session (a dimension deleted since,
 * say): then nothing changes and %FALSE is returned.
 *
 * Returns: %TRUE if the conflict is settled
 */
gboolean
rg_session_editor_resolve_conflict (RgSessionEditor *self,
                                    RgConflict      *conflict,
                                    gboolean         keep_theirs)
{
  g_autofree char *ours = NULL;
  const char *theirs;
  RgUndoStack *undo;
  RgSession *session;
  guint position;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (RG_IS_CONFLICT (conflict), FALSE);

  session = rg_session_editor_get_session (self);
  position = rg_list_model_find (rg_session_get_conflicts (session), conflict);
  g_return_val_if_fail (position != G_MAXUINT, FALSE);

  theirs = rg_conflict_get_theirs (conflict);
  ours = rg_merge_dup_ours (session, conflict);
  if (keep_theirs && ours != NULL && !rg_merge_can_set_field (session, conflict, theirs))
    return FALSE;

  undo = rg_session_editor_get_undo_stack (self);
  rg_undo_stack_begin_group (undo, keep_theirs ? _("Keep the other version")
                                               : _("Keep this version"));

  if (keep_theirs && ours != NULL && !g_str_equal (ours, theirs))
    {
      FieldChange *change = g_new0 (FieldChange, 1);
      RgStatement *statement = NULL;

      change->session = g_object_ref (session);
      change->conflict = g_object_ref (conflict);
      change->value = g_strdup (theirs);
      change->old_value = g_steal_pointer (&ours);
      if (rg_conflict_get_object_kind (conflict) == RG_OBJECT_KIND_STATEMENT)
        statement = rg_session_find_statement (session, rg_conflict_get_object_id (conflict));
      if (statement != NULL)
        change->old_changed = g_date_time_ref (rg_statement_get_changed (statement));

      rg_undo_stack_execute (undo, NULL, field_change_redo, field_change_undo,
                             change, field_change_free);
    }

  _rg_session_editor_remove_item (self, NULL, &conflict_list, NULL, conflict);
  rg_undo_stack_end_group (undo);

  return TRUE;
}
