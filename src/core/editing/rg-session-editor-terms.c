/* rg-session-editor-terms.c — the undoable edits of the glossary
 *
 * Adding a word to clarify, renaming it, deleting it, and writing down
 * what each partner means by it and what the team agrees on. Each is
 * one step of the editor's undo stack, like the edits of
 * rg-session-editor.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-editor-terms"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-glossary-match.h"
#include "rg-session-editor-private.h"
#include "rg-session-editor-terms.h"

static const RgEditorList term_list = RG_EDITOR_LIST (rg_session, term, terms);

/* {{{ A partner's meaning */

typedef struct
{
  RgTerm   *term;
  char     *partner_id;
  char     *meaning;
  GVariant *before;   /* a(ss): every meaning, in order, before the change */
} MeaningChange;

static void
meaning_change_free (gpointer data)
{
  MeaningChange *change = data;

  g_clear_object (&change->term);
  g_clear_pointer (&change->partner_id, g_free);
  g_clear_pointer (&change->meaning, g_free);
  g_clear_pointer (&change->before, g_variant_unref);
  g_free (change);
}

static void
meaning_change_redo (gpointer data)
{
  MeaningChange *change = data;

  rg_term_set_meaning (change->term, change->partner_id, change->meaning);
}

/* The meanings come back in their order: a partner whose meaning was
 * removed gets their place back, not the last one. */
static void
meaning_change_undo (gpointer data)
{
  MeaningChange *change = data;
  g_auto(GStrv) partners = g_strdupv ((char **) rg_term_get_meaning_partners (change->term));
  GVariantIter iter;
  const char *partner_id;
  const char *meaning;

  for (guint i = 0; partners[i] != NULL; i++)
    rg_term_set_meaning (change->term, partners[i], NULL);

  g_variant_iter_init (&iter, change->before);
  while (g_variant_iter_next (&iter, "(&s&s)", &partner_id, &meaning))
    rg_term_set_meaning (change->term, partner_id, meaning);
}

/* }}} */

static RgTerm *
find_term_by_word (RgSession  *session,
                   const char *word)
{
  GListModel *terms = rg_session_get_terms (session);
  g_autofree char *key = rg_glossary_fold (word);

  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (terms, i);
      g_autofree char *other = rg_glossary_fold (rg_term_get_word (term));

      if (g_str_equal (key, other))
        return term;
    }

  return NULL;
}

/**
 * rg_session_editor_add_term:
 * @self: a #RgSessionEditor
 * @word: the word to clarify
 *
 * Adds an open term for @word (spaces around it trimmed) at the end of
 * the glossary, undoably. If the glossary already has that word —
 * whatever its accents and case — nothing is added and that term is
 * given back, so that a word is never clarified twice.
 *
 * Returns: (transfer none) (nullable): the term of @word, or %NULL if
 *   @word holds no letter or digit
 */
RgTerm *
rg_session_editor_add_term (RgSessionEditor *self,
                            const char      *word)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  RgSession *session;
  RgTerm *existing;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  stripped = g_strstrip (g_strdup (word));
  folded = rg_glossary_fold (stripped);
  if (*folded == '\0')
    return NULL;

  session = rg_session_editor_get_session (self);
  if ((existing = find_term_by_word (session, stripped)) != NULL)
    return existing;

  return _rg_session_editor_append_new (self, _("Add term"), &term_list, NULL,
                                        rg_term_new (stripped));
}

/**
 * rg_session_editor_remove_term:
 * @self: a #RgSessionEditor
 * @term: a term of the session's glossary
 *
 * Deletes @term with every meaning it holds, and makes the links that
 * pointed at it forget it, as one undoable step. Undo puts the term
 * back at its place.
 */
void
rg_session_editor_remove_term (RgSessionEditor *self,
                               RgTerm          *term)
{
  RgUndoStack *undo;
  RgSession *session;
  GListModel *links;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_TERM (term));

  session = rg_session_editor_get_session (self);
  g_return_if_fail (rg_list_model_find (rg_session_get_terms (session), term) != G_MAXUINT);

  undo = rg_session_editor_get_undo_stack (self);
  rg_undo_stack_begin_group (undo, _("Delete term"));

  links = rg_session_get_links (session);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      if (g_strcmp0 (rg_link_get_term_id (link), rg_term_get_id (term)) == 0)
        rg_session_editor_set (self, NULL, link, "term-id", NULL);
    }

  _rg_session_editor_remove_item (self, NULL, &term_list, NULL, term);
  rg_undo_stack_end_group (undo);
}

/**
 * rg_session_editor_set_term_word:
 * @self: a #RgSessionEditor
 * @term: a term of the session's glossary
 * @word: the new word; spaces around it are trimmed
 *
 * Renames @term, undoably. A word without any letter or digit is
 * ignored: a term always has a word.
 */
void
rg_session_editor_set_term_word (RgSessionEditor *self,
                                 RgTerm          *term,
                                 const char      *word)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_TERM (term));
  g_return_if_fail (word != NULL);

  stripped = g_strstrip (g_strdup (word));
  folded = rg_glossary_fold (stripped);
  if (*folded == '\0' || g_str_equal (stripped, rg_term_get_word (term)))
    return;

  rg_session_editor_set (self, _("Rename term"), term, "word", stripped);
}

/**
 * rg_session_editor_set_term_status:
 * @self: a #RgSessionEditor
 * @term: a term of the session's glossary
 * @status: whether the team agreed on a meaning
 *
 * Marks @term open or agreed, undoably.
 */
void
rg_session_editor_set_term_status (RgSessionEditor *self,
                                   RgTerm          *term,
                                   RgTermStatus     status)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_TERM (term));

  if (rg_term_get_status (term) == status)
    return;

  rg_session_editor_set (self,
                         status == RG_TERM_STATUS_AGREED ? _("Mark term agreed")
                                                         : _("Reopen term"),
                         term, "status", status);
}

/**
 * rg_session_editor_set_term_agreed:
 * @self: a #RgSessionEditor
 * @term: a term of the session's glossary
 * @agreed_meaning: (nullable): the meaning the team agrees on; %NULL
 *   or "" for none
 *
 * Sets the agreed meaning of @term, undoably.
 */
void
rg_session_editor_set_term_agreed (RgSessionEditor *self,
                                   RgTerm          *term,
                                   const char      *agreed_meaning)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_TERM (term));

  if (agreed_meaning != NULL && *agreed_meaning == '\0')
    agreed_meaning = NULL;
  if (g_strcmp0 (rg_term_get_agreed_meaning (term), agreed_meaning) == 0)
    return;

  rg_session_editor_set (self, _("Edit agreed meaning"), term, "agreed-meaning", agreed_meaning);
}

/**
 * rg_session_editor_set_term_meaning:
 * @self: a #RgSessionEditor
 * @term: a term of the session's glossary
 * @partner_id: the id of a partner of the session
 * @meaning: (nullable): what that partner means by the word; %NULL or
 *   "" to remove their meaning
 *
 * Sets one partner's meaning of @term, undoably. Undo gives back the
 * meanings as they were, in their order.
 */
void
rg_session_editor_set_term_meaning (RgSessionEditor *self,
                                    RgTerm          *term,
                                    const char      *partner_id,
                                    const char      *meaning)
{
  MeaningChange *change;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_TERM (term));
  g_return_if_fail (rg_id_is_valid (partner_id));

  if (meaning != NULL && *meaning == '\0')
    meaning = NULL;
  if (g_strcmp0 (rg_term_get_meaning (term, partner_id), meaning) == 0)
    return;

  change = g_new0 (MeaningChange, 1);
  change->term = g_object_ref (term);
  change->partner_id = g_strdup (partner_id);
  change->meaning = g_strdup (meaning);
  g_object_get (term, "meanings", &change->before, NULL);

  rg_undo_stack_execute (rg_session_editor_get_undo_stack (self), _("Edit meaning"),
                         meaning_change_redo, meaning_change_undo,
                         change, meaning_change_free);
}
