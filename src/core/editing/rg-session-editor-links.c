/* rg-session-editor-links.c — the undoable edits of a session's links
 *
 * Tagging statements (agreement, divergence, complement, to clarify),
 * changing what a link says, settling it, deleting it, and turning a
 * link “to clarify” into a word of the glossary in one step. Each is one
 * step of the editor's undo stack, like the edits of rg-session-editor.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-editor-links"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-session-editor-links.h"
#include "rg-session-editor-private.h"

/**
 * rg_link_edit_error_quark:
 *
 * Returns: the error domain of #RgLinkEditError
 */
G_DEFINE_QUARK (rg-link-edit-error-quark, rg_link_edit_error)

static const RgEditorList link_list = RG_EDITOR_LIST (rg_session, link, links);
static const RgEditorList term_list = RG_EDITOR_LIST (rg_session, term, terms);

static gboolean
is_link_of (RgSessionEditor *self,
            RgLink          *link)
{
  RgSession *session = rg_session_editor_get_session (self);

  return rg_session_find_link (session, rg_link_get_id (link)) == link;
}

static const char *
describe_new_link (RgLinkType type)
{
  switch (type)
    {
    case RG_LINK_TYPE_AGREEMENT:
      return _("Tag an agreement");

    case RG_LINK_TYPE_DIVERGENCE:
      return _("Tag a divergence");

    case RG_LINK_TYPE_COMPLEMENT:
      return _("Tag a complement");

    case RG_LINK_TYPE_CLARIFY:
      return _("Tag something to clarify");

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rg_session_editor_add_link:
 * @self: a #RgSessionEditor
 * @type: what the team sees between the statements
 * @statement_ids: (array zero-terminated=1): the ids of the statements
 *   to tag, in order; an id given twice counts once
 * @error: a location for a #GError
 *
 * Tags statements of the session with a new open link, added after the
 * other links, undoably. Fails, changing nothing, unless there are two
 * different statements at least and every one is in the session.
 *
 * Returns: (transfer none) (nullable): the new link, or %NULL with
 *   @error set
 */
RgLink *
rg_session_editor_add_link (RgSessionEditor     *self,
                            RgLinkType           type,
                            const char * const  *statement_ids,
                            GError             **error)
{
  g_autoptr(RgLink) link = NULL;
  RgSession *session;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail ((guint) type <= RG_LINK_TYPE_CLARIFY, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  session = rg_session_editor_get_session (self);

  for (guint i = 0; statement_ids != NULL && statement_ids[i] != NULL; i++)
    {
      if (rg_session_find_statement (session, statement_ids[i]) == NULL)
        {
          g_set_error_literal (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_UNKNOWN_STATEMENT,
                               _("One of the statements to tag is no longer in the session."));
          return NULL;
        }
    }

  link = rg_link_new (type);
  rg_link_set_members (link, statement_ids);
  if (rg_link_get_n_members (link) < 2)
    {
      g_set_error_literal (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_TOO_FEW_STATEMENTS,
                           _("Select two statements at least to tag them together."));
      return NULL;
    }

  return _rg_session_editor_append_new (self, describe_new_link (type), &link_list, NULL,
                                        g_steal_pointer (&link));
}

/**
 * rg_session_editor_set_link_type:
 * @self: a #RgSessionEditor
 * @link: a link of the session
 * @type: what the link now says
 *
 * Changes what a link says about its statements, undoably. A glossary
 * term made from the link stays with it.
 */
void
rg_session_editor_set_link_type (RgSessionEditor *self,
                                 RgLink          *link,
                                 RgLinkType       type)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_LINK (link));
  g_return_if_fail ((guint) type <= RG_LINK_TYPE_CLARIFY);

  rg_session_editor_set (self, _("Change link type"), link, "type", type);
}

/**
 * rg_session_editor_set_link_status:
 * @self: a #RgSessionEditor
 * @link: a link of the session
 * @status: %RG_LINK_STATUS_SETTLED to settle it, %RG_LINK_STATUS_OPEN
 *   to reopen it
 *
 * Settles or reopens a link, undoably.
 */
void
rg_session_editor_set_link_status (RgSessionEditor *self,
                                   RgLink          *link,
                                   RgLinkStatus     status)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_LINK (link));
  g_return_if_fail ((guint) status <= RG_LINK_STATUS_SETTLED);

  rg_session_editor_set (self,
                         status == RG_LINK_STATUS_SETTLED ? _("Settle link") : _("Reopen link"),
                         link, "status", status);
}

/**
 * rg_session_editor_set_link_note:
 * @self: a #RgSessionEditor
 * @link: a link of the session
 * @note: (nullable): the team's note; %NULL or "" for none
 *
 * Changes the note of a link, undoably. Edits of the same note in quick
 * succession are undone together, as typing a word is.
 */
void
rg_session_editor_set_link_note (RgSessionEditor *self,
                                 RgLink          *link,
                                 const char      *note)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_LINK (link));

  /* The model stores "" as no note: compare like with like, so that
   * clearing an empty note is no step at all. */
  if (note != NULL && note[0] == '\0')
    note = NULL;

  rg_session_editor_set (self, _("Edit link note"), link, "note", note);
}

/**
 * rg_session_editor_remove_link:
 * @self: a #RgSessionEditor
 * @link: a link of the session
 *
 * Deletes a link, undoably; its statements stay, and so does a glossary
 * term made from it. Undo puts the link back at its place.
 */
void
rg_session_editor_remove_link (RgSessionEditor *self,
                               RgLink          *link)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_LINK (link));

  _rg_session_editor_remove_item (self, _("Delete link"), &link_list, NULL, link);
}

/* Words compare as a reader would: same letters, whatever the case and
 * the Unicode form. */
static char *
word_key (const char *word)
{
  g_autofree char *normalized = g_utf8_normalize (word, -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (normalized != NULL ? normalized : word, -1);
}

static RgTerm *
find_term_by_word (RgSession  *session,
                   const char *word)
{
  GListModel *terms = rg_session_get_terms (session);
  g_autofree char *key = word_key (word);

  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (terms, i);
      g_autofree char *other = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (rg_term_get_word (term)));

      other = word_key (stripped);
      if (g_str_equal (key, other))
        return term;
    }

  return NULL;
}

/* Each partner of the link's statements, in the order of the statements,
 * with the texts of their statements in the link, one per line. */
static void
collect_meanings (RgSession  *session,
                  RgLink     *link,
                  GPtrArray  *partner_ids,
                  GHashTable *texts)
{
  const char * const *members = rg_link_get_members (link);

  for (guint i = 0; members[i] != NULL; i++)
    {
      RgStatement *statement = rg_session_find_statement (session, members[i]);
      const char *partner_id;
      const char *text;
      GString *meaning;

      if (statement == NULL)
        continue;

      partner_id = rg_statement_get_partner_id (statement);
      text = rg_statement_get_text (statement);
      if (partner_id == NULL || text == NULL || text[0] == '\0')
        continue;

      meaning = g_hash_table_lookup (texts, partner_id);
      if (meaning == NULL)
        {
          meaning = g_string_new (NULL);
          g_hash_table_insert (texts, (gpointer) partner_id, meaning);
          g_ptr_array_add (partner_ids, (gpointer) partner_id);
        }
      else
        g_string_append_c (meaning, '\n');

      g_string_append (meaning, text);
    }
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/**
 * rg_session_editor_add_term_from_link:
 * @self: a #RgSessionEditor
 * @link: a link “to clarify” of the session
 * @word: the word the team wants to clarify
 * @error: a location for a #GError
 *
 * Turns a link “to clarify” into a word of the glossary, in one undoable
 * step:
 *
 * - the glossary gets a term for @word (spaces around it trimmed), open,
 *   at its end; if the glossary already has that word (compared without
 *   regard to case), that term is used instead of a second one;
 * - each partner with a statement in the link gets a meaning: the text
 *   of their statements in the link, one per line, as a starting point
 *   the team then rewrites into what that partner means by the word. A
 *   partner who already gave a meaning of an existing term keeps it;
 * - the link keeps the term's id (#RgLink:term-id), so that the two can
 *   be shown together. Its type and status do not change: the team
 *   settles the link when it agrees on a meaning.
 *
 * Fails, changing nothing, if @link is not “to clarify”, if @word is
 * empty, or if the link already has a term of the glossary.
 *
 * Returns: (transfer none) (nullable): the term, or %NULL with @error set
 */
RgTerm *
rg_session_editor_add_term_from_link (RgSessionEditor  *self,
                                      RgLink           *link,
                                      const char       *word,
                                      GError          **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GPtrArray) partner_ids = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(RgTerm) term = NULL;
  RgUndoStack *undo_stack;
  RgSession *session;
  RgTerm *existing;
  RgTerm *linked;
  gboolean is_new;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail (RG_IS_LINK (link), NULL);
  g_return_val_if_fail (is_link_of (self, link), NULL);
  g_return_val_if_fail (word != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  session = rg_session_editor_get_session (self);
  undo_stack = rg_session_editor_get_undo_stack (self);

  if (rg_link_get_link_type (link) != RG_LINK_TYPE_CLARIFY)
    {
      g_set_error_literal (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_NOT_TO_CLARIFY,
                           _("Only a link “to clarify” can become a word of the glossary."));
      return NULL;
    }

  stripped = g_strstrip (g_strdup (word));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_NO_WORD,
                           _("Type the word to clarify."));
      return NULL;
    }

  if (rg_link_get_term_id (link) != NULL &&
      (linked = rg_session_find_term (session, rg_link_get_term_id (link))) != NULL)
    {
      g_set_error (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_ALREADY_IN_GLOSSARY,
                   _("This link is already in the glossary, as “%s”."),
                   rg_term_get_word (linked));
      return NULL;
    }

  partner_ids = g_ptr_array_new ();
  texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, string_free);
  collect_meanings (session, link, partner_ids, texts);

  existing = find_term_by_word (session, stripped);
  is_new = existing == NULL;
  term = is_new ? rg_term_new (stripped) : g_object_ref (existing);

  rg_undo_stack_begin_group (undo_stack, _("Add word to glossary"));

  for (guint i = 0; i < partner_ids->len; i++)
    {
      const char *partner_id = g_ptr_array_index (partner_ids, i);
      GString *meaning = g_hash_table_lookup (texts, partner_id);

      if (is_new)
        {
          /* Not in the session yet: its meanings come with it */
          rg_term_set_meaning (term, partner_id, meaning->str);
        }
      else if (rg_term_get_meaning (term, partner_id) == NULL)
        _rg_session_editor_set_meaning (self, term, partner_id, meaning->str);
    }

  if (is_new)
    _rg_session_editor_append_new (self, NULL, &term_list, NULL, g_object_ref (term));

  rg_session_editor_set (self, NULL, link, "term-id", rg_term_get_id (term));

  rg_undo_stack_end_group (undo_stack);

  return term;
}

/**
 * rg_session_editor_set_reviewed:
 * @self: a #RgSessionEditor
 * @item: an item to review of the session
 * @reviewed: whether the team has reviewed it
 *
 * Marks what the previous session left open as reviewed, or not,
 * undoably.
 */
void
rg_session_editor_set_reviewed (RgSessionEditor *self,
                                RgReviewItem    *item,
                                gboolean         reviewed)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_REVIEW_ITEM (item));

  rg_session_editor_set (self,
                         reviewed ? _("Mark as reviewed") : _("Mark as not reviewed"),
                         item, "reviewed", !!reviewed);
}
