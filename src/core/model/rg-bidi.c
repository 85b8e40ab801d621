/* rg-bidi.c — keeping a text's direction controls to itself
 *
 * A statement, a name or a note may hold the characters that steer the
 * Unicode bidirectional algorithm: embeddings and overrides (LRE, RLE,
 * LRO, RLO, closed by PDF) and isolates (LRI, RLI, FSI, closed by PDI).
 * Left open, an override reverses whatever follows it in the same
 * paragraph: the colon after a partner's name, "(agreed)" after a
 * criterion, the next words of a report. Pasted from another document
 * or written on purpose, such a text must read the same wherever it is
 * shown, and change nothing around it.
 *
 * rg_bidi_isolate () closes what a text opens and drops closers that
 * would close something outside it, then sets the text apart in an
 * FSI … PDI isolate, so that its direction does not leak either. It
 * works line by line: a line break ends a paragraph for the algorithm,
 * and the writers of reports set lines as paragraphs of their own.
 *
 * Pango (GTK's labels, the PDF report) guesses a paragraph's direction
 * from its first strong character, and counts an override as one, even
 * inside an isolate: a criterion that starts with an RLO would still
 * make a right-to-left paragraph of "criterion (agreed)". So the isolate starts with a mark of its own
 * direction, the one the algorithm gives it from its first letter:
 * Pango then guesses from the text's letters, as for the same text
 * without controls, and readers that follow the algorithm see no
 * difference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-bidi"

#include "config.h"

#include <string.h>
#include <fribidi.h>

#include "rg-bidi.h"

#define LRE 0x202A
#define RLE 0x202B
#define PDF 0x202C
#define LRO 0x202D
#define RLO 0x202E
#define LRI 0x2066
#define RLI 0x2067
#define FSI 0x2068
#define PDI 0x2069
#define LRM 0x200E
#define RLM 0x200F

/* What is open at a point of a line, innermost last: a string of these */
#define OPEN_EMBEDDING 'e'
#define OPEN_ISOLATE   'i'

/**
 * rg_bidi_has_controls:
 * @text: (nullable): a text, UTF-8 or not
 *
 * Whether @text holds a character that opens or closes an embedding, an
 * override or an isolate (U+202A to U+202E, U+2066 to U+2069). Looks at
 * the bytes, so a text that is not valid UTF-8 is safe to give.
 *
 * Returns: %TRUE if it does
 */
gboolean
rg_bidi_has_controls (const char *text)
{
  if (text == NULL)
    return FALSE;

  /* U+202A–U+202E are E2 80 AA–AE in UTF-8, U+2066–U+2069 E2 81 A6–A9 */
  for (const char *p = strchr (text, '\xe2'); p != NULL; p = strchr (p + 1, '\xe2'))
    {
      guchar second = p[1], third = second != 0 ? p[2] : 0;

      if ((second == 0x80 && third >= 0xaa && third <= 0xae) ||
          (second == 0x81 && third >= 0xa6 && third <= 0xa9))
        return TRUE;
    }

  return FALSE;
}

/* A paragraph separator of the bidirectional algorithm (class B) */
static gboolean
is_paragraph_separator (gunichar c)
{
  return c == '\n' || c == '\r' || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2029;
}

static void
append_closers (GString    *out,
                const char *open,
                gsize       length)
{
  for (gsize i = length; i > 0; i--)
    g_string_append_unichar (out, open[i - 1] == OPEN_EMBEDDING ? PDF : PDI);
}

/* Appends the line of @length bytes at @line, valid UTF-8, balanced and,
 * when its controls could steer what is around it, isolated */
static void
append_line (GString    *out,
             const char *line,
             gsize       length)
{
  g_autoptr(GString) balanced = g_string_sized_new (length + 8);
  g_autoptr(GString) open = g_string_new (NULL);
  /* An embedding or override outside any isolate of the text reaches
   * what is around it, and so does, for Pango, one before any letter;
   * a text whose controls all sit in isolates of its own, after a
   * letter, does not, and stays as it is (so isolating twice is
   * isolating once). */
  gboolean leaks = FALSE;
  gboolean after_letter = FALSE;
  /* The direction of the first letter outside the text's isolates: the
   * one an FSI gives the line */
  gboolean rtl = FALSE;
  gboolean found_direction = FALSE;
  guint n_isolates = 0;

  for (const char *p = line; p < line + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case LRE:
        case RLE:
        case LRO:
        case RLO:
          if (open->len == 0 || !after_letter)
            leaks = TRUE;
          g_string_append_c (open, OPEN_EMBEDDING);
          break;

        case LRI:
        case RLI:
        case FSI:
          g_string_append_c (open, OPEN_ISOLATE);
          n_isolates++;
          break;

        case PDF:
          /* As the algorithm does, a PDF never closes an isolate, nor
           * anything outside the isolate it is in */
          if (open->len == 0 || open->str[open->len - 1] != OPEN_EMBEDDING)
            continue;
          g_string_truncate (open, open->len - 1);
          break;

        case PDI:
          {
            gsize isolate = open->len;

            while (isolate > 0 && open->str[isolate - 1] != OPEN_ISOLATE)
              isolate--;
            if (isolate == 0)
              continue;

            /* The algorithm closes the embeddings inside the isolate
             * with it; say so, for readers that know no isolates */
            append_closers (balanced, open->str + isolate, open->len - isolate);
            g_string_truncate (open, isolate - 1);
            n_isolates--;
          }
          break;

        default:
          {
            FriBidiCharType type = fribidi_get_bidi_type (c);

            if (!FRIBIDI_IS_LETTER (type))
              break;
            after_letter = TRUE;
            if (!found_direction && n_isolates == 0)
              {
                found_direction = TRUE;
                rtl = FRIBIDI_IS_RTL (type);
              }
          }
          break;
        }

      g_string_append_len (balanced, p, g_utf8_next_char (p) - p);
    }
  append_closers (balanced, open->str, open->len);

  if (leaks)
    {
      g_string_append_unichar (out, FSI);
      g_string_append_unichar (out, rtl ? RLM : LRM);
    }
  g_string_append_len (out, balanced->str, balanced->len);
  if (leaks)
    g_string_append_unichar (out, PDI);
}

/**
 * rg_bidi_isolate:
 * @text: (nullable): a text the user wrote, to be shown next to others
 *
 * Makes @text safe to put next to other text: each of its lines closes
 * every embedding, override and isolate it opens, in the order they
 * nest, loses the closers that would close one it did not open, and,
 * if an embedding or override sits outside any isolate or comes before
 * any letter, is set apart in an FSI … PDI isolate that starts with a
 * left-to-right or right-to-left mark, as the line's first letter goes.
 *
 * A text without any such control is returned as it is, byte for byte,
 * so that ordinary reports do not change. One with them that is not
 * valid UTF-8 is first made valid, its bad bytes replaced.
 *
 * Returns: (transfer full) (nullable): the text to show, %NULL if @text
 *   is %NULL
 */
char *
rg_bidi_isolate (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *line;
  const char *p;

  if (!rg_bidi_has_controls (text))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid) + 16);

  line = valid;
  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (!is_paragraph_separator (c))
        continue;

      append_line (out, line, p - line);
      g_string_append_len (out, p, next - p);
      line = next;
    }
  append_line (out, line, p - line);

  return g_string_free (out, FALSE);
}
