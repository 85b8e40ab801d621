/* rg-session-editor-criteria.c — the undoable edits of the success criteria
 *
 * Categories come, go, change name and place; criteria come and go in
 * their category, and their text, indicators, proposing partners and
 * agreement change. Each is one step of the editor's undo stack, like
 * the edits of rg-session-editor.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-editor-criteria"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "rg-session-editor-criteria.h"
#include "rg-session-editor-private.h"

static const RgEditorList category_list = RG_EDITOR_LIST (rg_session, category, categories);
static const RgEditorList criterion_list = RG_EDITOR_LIST (rg_category, criterion, criteria);

/* A click is one step: unlike typing, two clicks in a row on the same
 * criterion are undone one at a time. A change made in a group is never
 * merged with the next one. */
static void
set_unmerged (RgSessionEditor *self,
              const char      *label,
              RgCriterion     *criterion,
              const char      *property_name,
              ...)
{
  RgUndoStack *undo_stack = rg_session_editor_get_undo_stack (self);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;
  GParamSpec *pspec;
  va_list args;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (criterion), property_name);
  va_start (args, property_name);
  G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
  va_end (args);
  g_return_if_fail (error == NULL);

  rg_undo_stack_begin_group (undo_stack, label);
  rg_undo_stack_set_property (undo_stack, NULL, criterion, property_name, &value);
  rg_undo_stack_end_group (undo_stack);
}

/* }}} */
/* {{{ Categories */

/**
 * rg_session_editor_add_category:
 * @self: a #RgSessionEditor
 * @name: (nullable): the name of the category
 *
 * Adds a category of success criteria after the others, undoably.
 *
 * Returns: (transfer none): the new category
 */
RgCategory *
rg_session_editor_add_category (RgSessionEditor *self,
                                const char      *name)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);

  return _rg_session_editor_append_new (self, _("Add category"), &category_list, NULL,
                                        rg_category_new (name));
}

/**
 * rg_session_editor_add_default_categories:
 * @self: a #RgSessionEditor
 *
 * Adds the four usual categories (for the child, for the family, for
 * the school, for the partnership) after the others, in one undoable
 * step.
 */
void
rg_session_editor_add_default_categories (RgSessionEditor *self)
{
  const char *names[] = {
    N_("For the child"),
    N_("For the family"),
    N_("For the school"),
    N_("For the partnership"),
  };
  RgUndoStack *undo_stack;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));

  undo_stack = rg_session_editor_get_undo_stack (self);
  rg_undo_stack_begin_group (undo_stack, _("Add usual categories"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    _rg_session_editor_append_new (self, NULL, &category_list, NULL, rg_category_new (_(names[i])));
  rg_undo_stack_end_group (undo_stack);
}

/**
 * rg_session_editor_rename_category:
 * @self: a #RgSessionEditor
 * @category: a category of the session
 * @name: its new name; spaces around it are dropped
 *
 * Renames a category, undoably.
 */
void
rg_session_editor_rename_category (RgSessionEditor *self,
                                   RgCategory      *category,
                                   const char      *name)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CATEGORY (category));

  stripped = g_strstrip (g_strdup (name ? name : ""));
  rg_session_editor_set (self, _("Rename category"), category, "name", stripped);
}

/**
 * rg_session_editor_remove_category:
 * @self: a #RgSessionEditor
 * @category: a category of the session
 *
 * Removes a category with its criteria, undoably. Undo puts it back at
 * its place, criteria and all.
 */
void
rg_session_editor_remove_category (RgSessionEditor *self,
                                   RgCategory      *category)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CATEGORY (category));

  _rg_session_editor_remove_item (self, _("Delete category"), &category_list, NULL, category);
}

/**
 * rg_session_editor_move_category:
 * @self: a #RgSessionEditor
 * @category: a category of the session
 * @delta: how many places to move it: -1 up, 1 down
 *
 * Moves a category among the others, undoably.
 *
 * Returns: %TRUE if it moved; %FALSE if it was already first or last
 */
gboolean
rg_session_editor_move_category (RgSessionEditor *self,
                                 RgCategory      *category,
                                 int              delta)
{
  RgSession *session;
  GListModel *categories;
  guint position;
  gint64 target;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (RG_IS_CATEGORY (category), FALSE);

  session = rg_session_editor_get_session (self);
  categories = rg_session_get_categories (session);
  position = rg_list_model_find (categories, category);
  g_return_val_if_fail (position != G_MAXUINT, FALSE);

  target = (gint64) position + delta;
  if (delta == 0 || target < 0 || target >= g_list_model_get_n_items (categories))
    return FALSE;

  /* The session has no move of categories: taking one out and putting
   * it back elsewhere keeps its criteria and its id. */
  _rg_session_editor_move_item (self, _("Move category"), &category_list, NULL, category,
                                position, (guint) target);

  return TRUE;
}

/* }}} */
/* {{{ Criteria */

/**
 * rg_session_editor_add_criterion:
 * @self: a #RgSessionEditor
 * @category: a category of the session
 * @text: (nullable): what the criterion says
 *
 * Adds a criterion after the others of @category, undoably.
 *
 * Returns: (transfer none): the new criterion
 */
RgCriterion *
rg_session_editor_add_criterion (RgSessionEditor *self,
                                 RgCategory      *category,
                                 const char      *text)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail (RG_IS_CATEGORY (category), NULL);

  return _rg_session_editor_append_new (self, _("Add criterion"), &criterion_list, category,
                                        rg_criterion_new (text));
}

/**
 * rg_session_editor_remove_criterion:
 * @self: a #RgSessionEditor
 * @criterion: a criterion of the session
 *
 * Removes a criterion from its category, undoably.
 */
void
rg_session_editor_remove_criterion (RgSessionEditor *self,
                                    RgCriterion     *criterion)
{
  RgCategory *category = NULL;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CRITERION (criterion));

  rg_session_find_criterion (rg_session_editor_get_session (self),
                             rg_criterion_get_id (criterion), &category);
  g_return_if_fail (category != NULL);

  _rg_session_editor_remove_item (self, _("Delete criterion"), &criterion_list, category,
                                  criterion);
}

/**
 * rg_session_editor_set_criterion_text:
 * @self: a #RgSessionEditor
 * @criterion: a criterion of the session
 * @text: what it says; spaces around it are dropped
 *
 * Changes what a criterion says, undoably.
 */
void
rg_session_editor_set_criterion_text (RgSessionEditor *self,
                                      RgCriterion     *criterion,
                                      const char      *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CRITERION (criterion));

  stripped = g_strstrip (g_strdup (text ? text : ""));
  rg_session_editor_set (self, _("Edit criterion"), criterion, "text", stripped);
}

/**
 * rg_session_editor_set_criterion_indicators:
 * @self: a #RgSessionEditor
 * @criterion: a criterion of the session
 * @lines: (nullable): the indicators, one per line
 *
 * Changes how the team will know the criterion is met, undoably: each
 * line that is not blank is an indicator, spaces around it dropped.
 */
void
rg_session_editor_set_criterion_indicators (RgSessionEditor *self,
                                            RgCriterion     *criterion,
                                            const char      *lines)
{
  g_auto(GStrv) split = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  const char * const *old;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CRITERION (criterion));

  split = g_strsplit (lines ? lines : "", "\n", -1);
  indicators = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  for (guint i = 0; split[i] != NULL; i++)
    {
      g_strstrip (split[i]);
      if (split[i][0] != '\0')
        g_ptr_array_add (indicators, split[i]);
    }

  /* Boxed values compare by address: an edit that changes nothing must
   * leave nothing to undo. */
  old = rg_criterion_get_indicators (criterion);
  if (g_strv_equal (old ? (const char * const *) old : (const char * const *) (const char *[]) { NULL },
                    (const char * const *) indicators->pdata))
    return;

  rg_session_editor_set (self, _("Edit indicators"), criterion, "indicators",
                         (const char * const *) indicators->pdata);
}

/**
 * rg_session_editor_set_criterion_proposed:
 * @self: a #RgSessionEditor
 * @criterion: a criterion of the session
 * @partner_id: a partner's id
 * @proposed: whether the partner proposed the criterion
 *
 * Adds a partner to those who proposed a criterion, or takes them off,
 * undoably.
 */
void
rg_session_editor_set_criterion_proposed (RgSessionEditor *self,
                                          RgCriterion     *criterion,
                                          const char      *partner_id,
                                          gboolean         proposed)
{
  const char * const *old;
  g_autoptr(GPtrArray) ids = NULL;
  gboolean found = FALSE;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CRITERION (criterion));
  g_return_if_fail (partner_id != NULL);

  old = rg_criterion_get_proposed_by (criterion);
  ids = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  for (guint i = 0; old != NULL && old[i] != NULL; i++)
    {
      if (g_str_equal (old[i], partner_id))
        found = TRUE;
      else
        g_ptr_array_add (ids, (gpointer) old[i]);
    }

  if (found == !!proposed)
    return;

  if (proposed)
    g_ptr_array_add (ids, (gpointer) partner_id);

  set_unmerged (self, proposed ? _("Add proposing partner") : _("Remove proposing partner"),
                criterion, "proposed-by", (const char * const *) ids->pdata);
}

/**
 * rg_session_editor_set_criterion_agreed:
 * @self: a #RgSessionEditor
 * @criterion: a criterion of the session
 * @agreed: whether the team agreed on it
 *
 * Marks a criterion as agreed by the team, or not, undoably.
 */
void
rg_session_editor_set_criterion_agreed (RgSessionEditor *self,
                                        RgCriterion     *criterion,
                                        gboolean         agreed)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CRITERION (criterion));

  if (rg_criterion_get_agreed (criterion) == !!agreed)
    return;

  set_unmerged (self, agreed ? _("Mark criterion agreed") : _("Mark criterion not agreed"),
                criterion, "agreed", !!agreed);
}

/**
 * rg_session_editor_set_criterion_met:
 * @self: a #RgSessionEditor
 * @criterion: a criterion of the session
 * @met: whether the team judged it met
 *
 * Marks a criterion as met, or not, undoably.
 */
void
rg_session_editor_set_criterion_met (RgSessionEditor *self,
                                     RgCriterion     *criterion,
                                     gboolean         met)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_CRITERION (criterion));

  if (rg_criterion_get_met (criterion) == !!met)
    return;

  set_unmerged (self, met ? _("Mark criterion met") : _("Mark criterion not met"),
                criterion, "met", !!met);
}

/* }}} */
