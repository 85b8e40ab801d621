/* rg-session-editor-paste.c — plain text pasted into a cell
 *
 * A partner often has their reading written already, in a letter or a
 * report. Pasted into a cell, each paragraph of it becomes a statement
 * of that partner in that dimension.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-editor-paste"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-session-editor-paste.h"

/* The marks of a list item, dropped from the start of a paragraph:
 * each is followed by white space. */
static const char * const bullets[] = { "•", "◦", "▪", "‣", "-", "–", "—", "*", "·" };

static char *
clean_paragraph (GString *paragraph)
{
  char *text = g_strstrip (g_strndup (paragraph->str, paragraph->len));

  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    {
      gsize len = strlen (bullets[i]);

      if (g_str_has_prefix (text, bullets[i]) && g_ascii_isspace (text[len]))
        {
          memmove (text, text + len, strlen (text + len) + 1);
          g_strchug (text);
          break;
        }
    }

  return text;
}

static void
add_paragraph (GStrvBuilder *builder,
               GString      *paragraph)
{
  g_autofree char *text = clean_paragraph (paragraph);

  if (text[0] != '\0')
    g_strv_builder_add (builder, text);
  g_string_truncate (paragraph, 0);
}

static gboolean
is_blank (const char *line)
{
  for (; *line != '\0'; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;

  return TRUE;
}

/**
 * rg_text_split_paragraphs:
 * @text: plain text, UTF-8
 *
 * Splits text into paragraphs as a reader sees them. When blank lines
 * separate the paragraphs, the lines between them are one paragraph
 * (text wrapped by hand, as in a mail); with no blank line, each line is
 * a paragraph (as a word processor copies them). List marks ("•", "-")
 * and white space around each paragraph are dropped, and so are empty
 * paragraphs.
 *
 * Returns: (transfer full): the paragraphs, maybe none
 */
GStrv
rg_text_split_paragraphs (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GString) normal = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean blank_separated = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  normal = g_string_new (text);
  g_string_replace (normal, "\r\n", "\n", 0);
  g_string_replace (normal, "\r", "\n", 0);
  lines = g_strsplit (normal->str, "\n", -1);

  /* A blank line between two lines of text */
  for (guint i = 1; lines[i] != NULL && !blank_separated; i++)
    if (is_blank (lines[i]) && !is_blank (lines[i - 1]))
      for (guint j = i + 1; lines[j] != NULL && !blank_separated; j++)
        blank_separated = !is_blank (lines[j]);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!blank_separated || is_blank (lines[i]))
        {
          if (!blank_separated)
            g_string_append (paragraph, lines[i]);
          add_paragraph (builder, paragraph);
          continue;
        }

      if (paragraph->len > 0)
        g_string_append_c (paragraph, ' ');
      g_string_append (paragraph, g_strstrip (lines[i]));
    }
  add_paragraph (builder, paragraph);

  return g_strv_builder_end (builder);
}

/**
 * rg_session_editor_paste_statements:
 * @self: a #RgSessionEditor
 * @partner: whose statements they are
 * @dimension: in which dimension
 * @after: (nullable): the statement of the same cell they follow, or
 *   %NULL to add them at the end of the cell
 * @text: plain text
 *
 * Adds one statement, an observed fact, per paragraph of @text (see
 * rg_text_split_paragraphs()), in order, as one undoable step.
 *
 * Returns: (transfer container) (element-type RgStatement): the new
 *   statements, maybe none
 */
GPtrArray *
rg_session_editor_paste_statements (RgSessionEditor *self,
                                    RgPartner       *partner,
                                    RgDimension     *dimension,
                                    RgStatement     *after,
                                    const char      *text)
{
  g_auto(GStrv) paragraphs = NULL;
  GPtrArray *added;
  RgUndoStack *undo;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail (RG_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (RG_IS_DIMENSION (dimension), NULL);
  g_return_val_if_fail (after == NULL || RG_IS_STATEMENT (after), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  paragraphs = rg_text_split_paragraphs (text);
  added = g_ptr_array_new_with_free_func (g_object_unref);
  if (paragraphs == NULL)
    return added;

  undo = rg_session_editor_get_undo_stack (self);
  rg_undo_stack_begin_group (undo, _("Paste statements"));
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      after = rg_session_editor_add_statement (self, partner, dimension, after,
                                               RG_STATEMENT_KIND_FACT, paragraphs[i]);
      g_ptr_array_add (added, g_object_ref (after));
    }
  rg_undo_stack_end_group (undo);

  return added;
}
