/* rg-pseudonymise.c — a copy of a session without the names of the people
 *
 * The copy is made through the file format (rg_session_to_bytes() then
 * rg_session_new_from_bytes()), so it shares nothing with the original.
 * Then:
 *
 * - each partner's name becomes its profession, numbered when several
 *   partners share one ("Enseignante 1", "Enseignante 2"); a partner
 *   without a profession becomes "Family", "Young person" or "Partner"
 *   after its role, numbered the same way;
 * - the situation label becomes the situation code, and the list of
 *   person names recorded for the situation is emptied;
 * - every known name found in a free text (title, place, facilitator,
 *   institutions, dimension names and syntheses, statements, link notes,
 *   glossary, criteria, actions, consents, the list to review) is
 *   replaced: a partner's whole
 *   name and each of its words of three letters or more written with a
 *   capital (“Benali” in “Mme Benali”, but not the title “Mme”) become
 *   the partner's pseudonym; each recorded person name, and its
 *   capitalised words, become “Person A”, “Person B”… Matching is on
 *   whole words, ignoring case and accents; the longest name wins.
 *   A word shared by two partners' names is treated as a person name,
 *   since it cannot be told which partner it means;
 * - with %RG_PSEUDONYMISE_MONTH_DATES, every date keeps only its month
 *   and year. The file format needs whole dates, so in the copy the day
 *   becomes the 1st and the times midnight UTC; exporters print such a
 *   copy's dates as month and year (rg_pseudonymise_format_month()).
 *
 * - a statement quoted in the list to review of a follow-up session is
 *   attributed to the pseudonym of the partner of that name, or to
 *   "Partner" when no partner of the session has that name any more.
 *
 * Institutions are kept: they say who took part, not who the family is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-pseudonymise"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-glossary-match.h"
#include "rg-pseudonymise.h"
#include "rg-session-xml.h"

/* Titles written before a name: never replaced on their own */
static const char * const titles[] = {
  "mme", "mlle", "mrs", "miss", "madame", "monsieur", "mademoiselle",
  "docteur", "professeur", "maitre", NULL,
};

typedef struct
{
  gsize  start;
  gsize  end;
  char  *folded;
} Token;

typedef struct
{
  char  **folded;      /* the name's folded words */
  guint   n_words;
  char   *replacement;
  gboolean from_word;  /* one word taken out of a partner's name */
} Pattern;

typedef struct
{
  GPtrArray *patterns;
  guint      n_persons;
} Replacer;

static void
token_clear (Token *token)
{
  g_clear_pointer (&token->folded, g_free);
}

static void
pattern_free (Pattern *pattern)
{
  g_strfreev (pattern->folded);
  g_free (pattern->replacement);
  g_free (pattern);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The words of @text, with their place in it and their folded form */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;
      Token token;

      if (!is_word_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      word = g_strndup (start, p - start);
      token.start = start - text;
      token.end = p - text;
      token.folded = rg_glossary_fold (word);
      g_array_append_val (tokens, token);
    }

  return tokens;
}

static Pattern *
replacer_find (Replacer    *replacer,
               char * const *folded,
               guint        n_words)
{
  for (guint i = 0; i < replacer->patterns->len; i++)
    {
      Pattern *pattern = g_ptr_array_index (replacer->patterns, i);
      guint j;

      if (pattern->n_words != n_words)
        continue;
      for (j = 0; j < n_words; j++)
        if (strcmp (pattern->folded[j], folded[j]) != 0)
          break;
      if (j == n_words)
        return pattern;
    }

  return NULL;
}

static char *
replacer_new_person (Replacer *replacer)
{
  guint n = replacer->n_persons++;
  g_autoptr(GString) letters = g_string_new (NULL);

  /* A, B, … Z, AA, AB… */
  do
    {
      g_string_prepend_c (letters, 'A' + n % 26);
      n /= 26;
    }
  while (n-- > 0);

  /* Translators: the pseudonym of a person named in the session, such
   * as “Person A” */
  return g_strdup_printf (_("Person %s"), letters->str);
}

/* Adds the words in @folded (@n_words of them) as a name standing for
 * @replacement, or for a new person if @replacement is %NULL. */
static void
replacer_add (Replacer    *replacer,
              char * const *folded,
              guint        n_words,
              const char  *replacement,
              gboolean     from_word)
{
  Pattern *pattern;

  if (n_words == 0)
    return;

  pattern = replacer_find (replacer, folded, n_words);
  if (pattern != NULL)
    {
      /* A word of two partners' names: it cannot tell which one */
      if (from_word && pattern->from_word && replacement != NULL &&
          g_strcmp0 (pattern->replacement, replacement) != 0)
        {
          g_free (pattern->replacement);
          pattern->replacement = replacer_new_person (replacer);
          pattern->from_word = FALSE;
        }
      return;
    }

  pattern = g_new0 (Pattern, 1);
  pattern->folded = g_new0 (char *, n_words + 1);
  for (guint i = 0; i < n_words; i++)
    pattern->folded[i] = g_strdup (folded[i]);
  pattern->n_words = n_words;
  pattern->replacement = replacement != NULL ? g_strdup (replacement)
                                             : replacer_new_person (replacer);
  pattern->from_word = from_word;
  g_ptr_array_add (replacer->patterns, pattern);
}

static gboolean
is_name_word (const char *name,
              Token      *token)
{
  gunichar first = g_utf8_get_char (name + token->start);

  return g_utf8_strlen (name + token->start, token->end - token->start) >= 3 &&
         g_unichar_isupper (first) &&
         !g_strv_contains (titles, token->folded);
}

/* Adds @name as a whole, then each of its capitalised words */
static void
replacer_add_name (Replacer   *replacer,
                   const char *name,
                   const char *replacement)
{
  g_autoptr(GArray) tokens = NULL;
  g_autofree char **folded = NULL;
  g_autofree char *person = NULL;

  if (name == NULL)
    return;

  tokens = tokenize (name);
  if (tokens->len == 0)
    return;

  folded = g_new0 (char *, tokens->len + 1);
  for (guint i = 0; i < tokens->len; i++)
    folded[i] = g_array_index (tokens, Token, i).folded;

  if (replacement == NULL)
    {
      Pattern *known = replacer_find (replacer, folded, tokens->len);

      person = known != NULL ? g_strdup (known->replacement)
                             : replacer_new_person (replacer);
      replacement = person;
    }

  replacer_add (replacer, folded, tokens->len, replacement, FALSE);

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (tokens->len > 1 && is_name_word (name, token))
        replacer_add (replacer, &token->folded, 1, replacement, person == NULL);
    }
}

static gint
compare_patterns (gconstpointer a,
                  gconstpointer b)
{
  const Pattern *pa = *(const Pattern * const *) a;
  const Pattern *pb = *(const Pattern * const *) b;

  return (gint) pb->n_words - (gint) pa->n_words;
}

/* The longest name starting at the @i-th of @tokens, or %NULL */
static Pattern *
replacer_match (Replacer *replacer,
                GArray   *tokens,
                guint     i)
{
  for (guint p = 0; p < replacer->patterns->len; p++)
    {
      Pattern *pattern = g_ptr_array_index (replacer->patterns, p);
      guint j;

      if (i + pattern->n_words > tokens->len)
        continue;
      for (j = 0; j < pattern->n_words; j++)
        if (strcmp (pattern->folded[j],
                    g_array_index (tokens, Token, i + j).folded) != 0)
          break;
      if (j == pattern->n_words)
        return pattern;
    }

  return NULL;
}

static gboolean
is_blank (const char *text,
          gsize       start,
          gsize       end)
{
  for (gsize k = start; k < end; k++)
    if (!g_ascii_isspace (text[k]))
      return FALSE;

  return TRUE;
}

/* French elides "de" and "que" before a vowel: "d'Adam", "qu'Adam".
 * When the pseudonym that takes the name's place starts with a
 * consonant, the elision is undone ("de Personne A"), so that the
 * report still reads as French. */
static void
undo_elision (GString    *result,
              const char *replacement)
{
  static const char *apostrophes[] = { "'", "\u2019" };
  static const char *elided[][2] = { { "d", "de " }, { "D", "De " },
                                     { "qu", "que " }, { "Qu", "Que " } };
  gunichar first = g_unichar_tolower (g_utf8_get_char (replacement));
  g_autofree char *decomposed = g_utf8_normalize (replacement, -1, G_NORMALIZE_NFD);

  if (decomposed == NULL || strchr ("aeiouyh", g_ascii_tolower (decomposed[0])) != NULL ||
      !g_unichar_isalpha (first))
    return;

  for (guint a = 0; a < G_N_ELEMENTS (apostrophes); a++)
    for (guint e = 0; e < G_N_ELEMENTS (elided); e++)
      {
        g_autofree char *suffix = g_strconcat (elided[e][0], apostrophes[a], NULL);
        gsize length = strlen (suffix);
        gsize start;

        if (result->len < length || !g_str_has_suffix (result->str, suffix))
          continue;

        /* Only a whole word: "d'", not the end of "Hadd'" */
        start = result->len - length;
        if (start > 0)
          {
            const char *before = g_utf8_find_prev_char (result->str, result->str + start);

            if (before != NULL && g_unichar_isalnum (g_utf8_get_char (before)))
              continue;
          }

        g_string_truncate (result, start);
        g_string_append (result, elided[e][1]);
        return;
      }
}

/* @text with every known name replaced, or %NULL if it holds none */
static char *
replacer_apply (Replacer   *replacer,
                const char *text)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GString) result = NULL;
  gsize copied = 0;
  gboolean replaced = FALSE;
  guint i = 0;

  if (text == NULL || *text == '\0')
    return NULL;

  tokens = tokenize (text);
  result = g_string_new (NULL);

  while (i < tokens->len)
    {
      Pattern *found = replacer_match (replacer, tokens, i);
      Pattern *next;

      if (found == NULL)
        {
          i++;
          continue;
        }

      g_string_append_len (result, text + copied,
                           g_array_index (tokens, Token, i).start - copied);
      undo_elision (result, found->replacement);
      g_string_append (result, found->replacement);
      i += found->n_words;
      copied = g_array_index (tokens, Token, i - 1).end;
      replaced = TRUE;

      /* "Éloïse Garnier" for "Mme Éloïse Garnier": one pseudonym, not two */
      while (i < tokens->len &&
             is_blank (text, copied, g_array_index (tokens, Token, i).start) &&
             (next = replacer_match (replacer, tokens, i)) != NULL &&
             strcmp (next->replacement, found->replacement) == 0)
        {
          i += next->n_words;
          copied = g_array_index (tokens, Token, i - 1).end;
        }
    }

  if (!replaced)
    return NULL;

  g_string_append (result, text + copied);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

#define REPLACE(replacer, object, getter, setter)                     \
  G_STMT_START {                                                      \
    g_autofree char *replaced_ = replacer_apply ((replacer),          \
                                                 getter (object));    \
    if (replaced_ != NULL)                                            \
      setter ((object), replaced_);                                   \
  } G_STMT_END

static char *
month_date (const char *date)
{
  if (date == NULL || strlen (date) < 10)
    return NULL;

  return g_strdup_printf ("%.7s-01", date);
}

static GDateTime *
month_time (GDateTime *time)
{
  if (time == NULL)
    return NULL;

  return g_date_time_new_utc (g_date_time_get_year (time),
                              g_date_time_get_month (time),
                              1, 0, 0, 0);
}

static char **
pseudonyms_for_partners (GListModel *partners)
{
  guint n = g_list_model_get_n_items (partners);
  char **bases = g_new0 (char *, n + 1);
  char **names = g_new0 (char *, n + 1);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         g_free, NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                          g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      const char *profession = rg_partner_get_profession (partner);
      g_autofree char *trimmed = g_strstrip (g_strdup (profession != NULL ? profession : ""));
      char *key;

      if (*trimmed != '\0')
        bases[i] = g_steal_pointer (&trimmed);
      else if (rg_partner_get_role (partner) == RG_PARTNER_ROLE_FAMILY)
        bases[i] = g_strdup (_("Family"));
      else if (rg_partner_get_role (partner) == RG_PARTNER_ROLE_YOUNG_PERSON)
        bases[i] = g_strdup (_("Young person"));
      else
        bases[i] = g_strdup (_("Partner"));

      key = rg_glossary_fold (bases[i]);
      g_hash_table_insert (counts, key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = rg_glossary_fold (bases[i]);
      guint number;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) < 2)
        {
          names[i] = g_strdup (bases[i]);
          continue;
        }

      number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, key)) + 1;
      g_hash_table_insert (numbers, g_strdup (key), GUINT_TO_POINTER (number));
      names[i] = g_strdup_printf ("%s %u", bases[i], number);
    }

  g_strfreev (bases);
  return names;
}

/* The items to review hold names as text: each is made again with its
 * quotes' authors pseudonymised by @by_name (a partner's name → its
 * pseudonym), and every other text through @replacer. */
static void
pseudonymise_review (RgSession  *copy,
                     Replacer   *replacer,
                     GHashTable *by_name)
{
  GListModel *model = rg_session_get_review_items (copy);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgReviewItem) old = g_list_model_get_item (model, i);
      g_autoptr(RgReviewItem) item = NULL;
      g_autofree char *note = replacer_apply (replacer, rg_review_item_get_note (old));
      guint n_quotes = rg_review_item_get_n_quotes (old);

      item = g_object_new (RG_TYPE_REVIEW_ITEM,
                           "id", rg_review_item_get_id (old),
                           "link-type", rg_review_item_get_link_type (old),
                           "note", note != NULL ? note : rg_review_item_get_note (old),
                           "reviewed", rg_review_item_get_reviewed (old),
                           NULL);
      for (guint q = 0; q < n_quotes; q++)
        {
          const char *author;
          const char *dimension;
          const char *text = rg_review_item_get_quote (old, q, &author, &dimension);
          const char *pseudonym = g_hash_table_lookup (by_name, author);
          g_autofree char *new_dimension = replacer_apply (replacer, dimension);
          g_autofree char *new_text = replacer_apply (replacer, text);

          rg_review_item_add_quote (item, pseudonym != NULL ? pseudonym : _("Partner"),
                                    new_dimension != NULL ? new_dimension : dimension,
                                    new_text != NULL ? new_text : text);
        }

      rg_session_remove_review_item (copy, old);
      rg_session_insert_review_item (copy, item, i);
    }
}

/* The facilitator is often a partner, written "Mme Fontaine,
 * coordinatrice PRE": their pseudonym alone says it, where replacing the
 * name would say "Coordinatrice PRE, coordinatrice PRE". Returns
 * whether the facilitator was such a partner. */
static gboolean
replace_facilitator (RgSession  *copy,
                     GHashTable *by_name)
{
  const char *facilitator = rg_session_get_facilitator (copy);
  const char *found = NULL;
  gsize found_length = 0;
  GHashTableIter iter;
  gpointer name, pseudonym;

  if (facilitator == NULL)
    return FALSE;

  /* The longest name the facilitator starts with, as a whole word */
  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, &name, &pseudonym))
    {
      gsize length = strlen (name);

      if (length > found_length && strncmp (facilitator, name, length) == 0 &&
          (facilitator[length] == '\0' || strchr (",( ", facilitator[length]) != NULL))
        {
          found = pseudonym;
          found_length = length;
        }
    }

  if (found == NULL)
    return FALSE;

  rg_session_set_facilitator (copy, found);
  return TRUE;
}

/**
 * rg_session_pseudonymise:
 * @session: a #RgSession
 * @flags: what to do besides replacing names
 *
 * Makes a copy of @session in which the people cannot be named: partners
 * are called by their profession, the situation by its code, and the
 * known names found in the texts are replaced (see the top of
 * rg-pseudonymise.c for the rules). @session is left unchanged.
 *
 * Returns: (transfer full): a new session
 */
RgSession *
rg_session_pseudonymise (RgSession           *session,
                         RgPseudonymiseFlags  flags)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) copy = NULL;
  g_auto(GStrv) pseudonyms = NULL;
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Replacer replacer = { NULL, 0 };
  const char * const *persons;
  const char *code;
  GListModel *model;
  guint n;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  bytes = rg_session_to_bytes (session);
  copy = rg_session_new_from_bytes (bytes, &error);
  if (copy == NULL)
    {
      g_critical ("Cannot copy the session: %s", error->message);
      return NULL;
    }

  replacer.patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) pattern_free);

  /* Partners: the names to look for, then their new names */
  model = rg_session_get_partners (copy);
  n = g_list_model_get_n_items (model);
  pseudonyms = pseudonyms_for_partners (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (model, i);

      replacer_add_name (&replacer, rg_partner_get_name (partner), pseudonyms[i]);
      g_hash_table_insert (by_name, g_strdup (rg_partner_get_name (partner)), pseudonyms[i]);
    }

  persons = rg_session_get_person_names (copy);
  for (guint i = 0; persons != NULL && persons[i] != NULL; i++)
    replacer_add_name (&replacer, persons[i], NULL);

  g_ptr_array_sort (replacer.patterns, compare_patterns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (model, i);

      rg_partner_set_name (partner, pseudonyms[i]);
      REPLACE (&replacer, partner, rg_partner_get_institution, rg_partner_set_institution);
    }

  /* The session and its situation */
  code = rg_session_get_situation_code (copy);
  rg_session_set_situation_label (copy, code != NULL && *code != '\0' ? code : _("Situation"));
  rg_session_set_person_names (copy, NULL);
  REPLACE (&replacer, copy, rg_session_get_title, rg_session_set_title);
  REPLACE (&replacer, copy, rg_session_get_place, rg_session_set_place);
  if (!replace_facilitator (copy, by_name))
    REPLACE (&replacer, copy, rg_session_get_facilitator, rg_session_set_facilitator);

  model = rg_session_get_dimensions (copy);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (model, i);

      REPLACE (&replacer, dimension, rg_dimension_get_name, rg_dimension_set_name);
      REPLACE (&replacer, dimension, rg_dimension_get_synthesis, rg_dimension_set_synthesis);
    }

  model = rg_session_get_statements (copy);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (model, i);

      REPLACE (&replacer, statement, rg_statement_get_text, rg_statement_set_text);
      if (flags & RG_PSEUDONYMISE_MONTH_DATES)
        {
          g_autoptr(GDateTime) created = month_time (rg_statement_get_created (statement));
          g_autoptr(GDateTime) changed = month_time (rg_statement_get_changed (statement));

          if (created != NULL)
            rg_statement_set_created (statement, created);
          if (changed != NULL)
            rg_statement_set_changed (statement, changed);
        }
    }

  model = rg_session_get_links (copy);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (model, i);

      REPLACE (&replacer, link, rg_link_get_note, rg_link_set_note);
    }

  model = rg_session_get_terms (copy);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (model, i);
      g_auto(GStrv) partners = g_strdupv ((char **) rg_term_get_meaning_partners (term));

      REPLACE (&replacer, term, rg_term_get_word, rg_term_set_word);
      REPLACE (&replacer, term, rg_term_get_agreed_meaning, rg_term_set_agreed_meaning);
      for (guint j = 0; partners != NULL && partners[j] != NULL; j++)
        {
          g_autofree char *meaning = replacer_apply (&replacer,
                                                     rg_term_get_meaning (term, partners[j]));

          if (meaning != NULL)
            rg_term_set_meaning (term, partners[j], meaning);
        }
    }

  model = rg_session_get_categories (copy);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (model, i);
      GListModel *criteria = rg_category_get_criteria (category);

      REPLACE (&replacer, category, rg_category_get_name, rg_category_set_name);
      for (guint j = 0; j < g_list_model_get_n_items (criteria); j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, j);
          g_auto(GStrv) indicators = g_strdupv ((char **) rg_criterion_get_indicators (criterion));
          gboolean changed = FALSE;

          REPLACE (&replacer, criterion, rg_criterion_get_text, rg_criterion_set_text);
          for (guint k = 0; indicators != NULL && indicators[k] != NULL; k++)
            {
              char *replaced = replacer_apply (&replacer, indicators[k]);

              if (replaced != NULL)
                {
                  g_free (indicators[k]);
                  indicators[k] = replaced;
                  changed = TRUE;
                }
            }
          if (changed)
            rg_criterion_set_indicators (criterion, (const char * const *) indicators);
        }
    }

  model = rg_session_get_actions (copy);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (model, i);

      REPLACE (&replacer, action, rg_action_get_what, rg_action_set_what);
      if (flags & RG_PSEUDONYMISE_MONTH_DATES)
        {
          g_autofree char *due = month_date (rg_action_get_due (action));

          if (due != NULL)
            rg_action_set_due (action, due);
        }
    }

  model = rg_session_get_consents (copy);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgConsent) consent = g_list_model_get_item (model, i);

      REPLACE (&replacer, consent, rg_consent_get_scope, rg_consent_set_scope);
      REPLACE (&replacer, consent, rg_consent_get_shared_with, rg_consent_set_shared_with);
      if (flags & RG_PSEUDONYMISE_MONTH_DATES)
        {
          g_autofree char *date = month_date (rg_consent_get_date (consent));

          if (date != NULL)
            rg_consent_set_date (consent, date);
        }
    }

  pseudonymise_review (copy, &replacer, by_name);

  if (flags & RG_PSEUDONYMISE_MONTH_DATES)
    {
      g_autofree char *date = month_date (rg_session_get_date (copy));
      g_autofree char *review = month_date (rg_session_get_next_review (copy));

      if (date != NULL)
        rg_session_set_date (copy, date);
      if (review != NULL)
        rg_session_set_next_review (copy, review);
    }

  g_ptr_array_unref (replacer.patterns);

  return g_steal_pointer (&copy);
}

/**
 * rg_pseudonymise_format_month:
 * @date: (nullable): a date, `YYYY-MM-DD`
 *
 * Writes @date as its month and year only, `YYYY-MM`, the way exporters
 * print the dates of a copy made with %RG_PSEUDONYMISE_MONTH_DATES.
 *
 * Returns: (transfer full) (nullable): the month, or %NULL if @date is
 *   not a date
 */
char *
rg_pseudonymise_format_month (const char *date)
{
  if (date == NULL || !rg_date_is_valid (date))
    return NULL;

  return g_strndup (date, 7);
}
