/* rg-glossary-match.c — where the words of the glossary appear in a text
 *
 * The team writes “décrochage”, “Décrochage”, “DECROCHAGE” or, typing
 * fast, “decrochage”: all are the same word of the glossary. Texts and
 * words are compared folded: each character fully decomposed, its
 * combining accents dropped, then case-folded. A text written with
 * precomposed or with decomposed accents matches the same way, and the
 * offsets given back are those of the original text, accents included.
 *
 * What counts as an occurrence:
 *
 * - whole words only: a word is a run of letters and digits, so
 *   “autonomie” is not found in “autonomisation” nor in
 *   “hétéroautonomie”; an apostrophe or a hyphen ends a word, so it is
 *   found in “l'autonomie” and in “pseudo-autonomie”;
 * - a plural counts as the word: each word of the term may be followed
 *   by a final “s” or “x” (“décrochages”, “autonomies”, “réseaux” for
 *   “réseau”); irregular plurals (“travail”, “travaux”) do not;
 * - a term of several words (“réussite éducative”) is found when its
 *   words follow one another separated only by spaces, hyphens or
 *   apostrophes — not across a comma or a full stop;
 * - where two terms start at the same word, the longer one wins, and
 *   occurrences never overlap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-glossary-match"

#include "config.h"

#include <string.h>

#include "rg-glossary-match.h"

typedef struct
{
  char     *folded;
  gsize     start;
  gsize     end;
  gboolean  joined;  /* only spaces, hyphens or apostrophes since the previous word */
} Token;

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_clear_pointer (&token->folded, g_free);
}

static gboolean
is_soft_separator (gunichar c)
{
  return g_unichar_isspace (c) ||
         c == '-' || c == '\'' ||
         c == 0x2010 ||   /* hyphen */
         c == 0x2011 ||   /* non-breaking hyphen */
         c == 0x2019;     /* right single quotation mark, the French apostrophe */
}

static void
append_folded (GString  *folded,
               gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  char base[G_UNICHAR_MAX_DECOMPOSITION_LENGTH * 6 + 1];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  gsize len = 0;
  g_autofree char *casefolded = NULL;

  for (gsize i = 0; i < n; i++)
    if (!g_unichar_ismark (decomposed[i]))
      len += g_unichar_to_utf8 (decomposed[i], base + len);

  if (len == 0)
    return;

  casefolded = g_utf8_casefold (base, len);
  g_string_append (folded, casefolded);
}

/* The words of @text, folded, with where each one is in @text. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  GString *current = NULL;
  Token token = { 0 };
  gboolean soft = TRUE;

  g_array_set_clear_func (tokens, token_clear);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize next = g_utf8_next_char (p) - text;

      if (g_unichar_ismark (c))
        {
          /* A decomposed accent belongs to the word it follows. */
          if (current != NULL)
            token.end = next;
          continue;
        }

      if (g_unichar_isalnum (c))
        {
          if (current == NULL)
            {
              current = g_string_new (NULL);
              token.start = p - text;
              token.joined = tokens->len > 0 && soft;
            }
          append_folded (current, c);
          token.end = next;
          continue;
        }

      if (current != NULL)
        {
          token.folded = g_string_free (g_steal_pointer (&current), FALSE);
          g_array_append_val (tokens, token);
          soft = TRUE;
        }

      if (!is_soft_separator (c))
        soft = FALSE;
    }

  if (current != NULL)
    {
      token.folded = g_string_free (g_steal_pointer (&current), FALSE);
      g_array_append_val (tokens, token);
    }

  return tokens;
}

static gboolean
word_matches (const char *text_word,
              const char *term_word)
{
  gsize len = strlen (term_word);

  if (strncmp (text_word, term_word, len) != 0)
    return FALSE;

  /* The word itself, or its plural. */
  return text_word[len] == '\0' ||
         ((text_word[len] == 's' || text_word[len] == 'x') && text_word[len + 1] == '\0');
}

/* How many words of @text, from @at, the term's words match; 0 if they
 * do not. */
static guint
match_at (GArray *text_tokens,
          guint   at,
          GArray *term_tokens)
{
  if (term_tokens->len == 0 || at + term_tokens->len > text_tokens->len)
    return 0;

  for (guint k = 0; k < term_tokens->len; k++)
    {
      Token *word = &g_array_index (text_tokens, Token, at + k);

      if (k > 0 && !word->joined)
        return 0;
      if (!word_matches (word->folded, g_array_index (term_tokens, Token, k).folded))
        return 0;
    }

  return term_tokens->len;
}

static void
match_clear (gpointer data)
{
  RgGlossaryMatch *match = data;

  g_clear_object (&match->term);
}

/**
 * rg_glossary_match:
 * @text: a text, such as a statement's
 * @terms: a list of #RgTerm, such as rg_session_get_terms ()
 *
 * Finds where the words of the glossary appear in @text, whole words
 * only, whatever their accents and case, plurals included (see the top
 * of rg-glossary-match.c for the rules).
 *
 * Returns: (transfer full) (element-type RgGlossaryMatch): the
 *   occurrences, in order and never overlapping; each holds a reference
 *   on its term
 */
GArray *
rg_glossary_match (const char *text,
                   GListModel *terms)
{
  g_autoptr(GArray) text_tokens = NULL;
  g_autoptr(GPtrArray) term_tokens = NULL;
  GArray *matches;
  guint n_terms;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (terms), NULL);

  matches = g_array_new (FALSE, TRUE, sizeof (RgGlossaryMatch));
  g_array_set_clear_func (matches, match_clear);

  n_terms = g_list_model_get_n_items (terms);
  if (n_terms == 0 || *text == '\0')
    return matches;

  term_tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint t = 0; t < n_terms; t++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (terms, t);

      g_ptr_array_add (term_tokens, tokenize (rg_term_get_word (term)));
    }

  text_tokens = tokenize (text);

  for (guint i = 0; i < text_tokens->len;)
    {
      guint best_length = 0;
      guint best_term = 0;

      for (guint t = 0; t < n_terms; t++)
        {
          guint length = match_at (text_tokens, i, g_ptr_array_index (term_tokens, t));

          if (length > best_length)
            {
              best_length = length;
              best_term = t;
            }
        }

      if (best_length == 0)
        {
          i++;
          continue;
        }

      {
        RgGlossaryMatch match;

        match.start = g_array_index (text_tokens, Token, i).start;
        match.end = g_array_index (text_tokens, Token, i + best_length - 1).end;
        match.term = g_list_model_get_item (terms, best_term);
        g_array_append_val (matches, match);
      }

      i += best_length;
    }

  return matches;
}

/**
 * rg_glossary_fold:
 * @text: a text
 *
 * Folds @text the way the glossary compares words: its words without
 * their accents, case-folded, separated by one space.
 *
 * Returns: (transfer full): the folded text
 */
char *
rg_glossary_fold (const char *text)
{
  g_autoptr(GArray) tokens = NULL;
  GString *folded = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  tokens = tokenize (text);
  for (guint i = 0; i < tokens->len; i++)
    {
      if (i > 0)
        g_string_append_c (folded, ' ');
      g_string_append (folded, g_array_index (tokens, Token, i).folded);
    }

  return g_string_free (folded, FALSE);
}
