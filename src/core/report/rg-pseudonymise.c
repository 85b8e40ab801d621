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
 * - the situation label becomes the situation code, or “the child” when
 *   there is none, and the list of person names recorded for the
 *   situation is emptied. In the texts, the label becomes “the child”:
 *   it reads naturally where the label stood in a sentence (“L'enfant
 *   arrive en retard”, and “Situation : L'enfant” in a report's header),
 *   where a code or a letter (“Situation A”) would not, and a letter
 *   would point to other situations the reader never sees;
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
 *   since it cannot be told which partner it means. A name with a
 *   qualifier in parentheses, “Mme L. (mère)”, is also looked for
 *   without it (“Mme L.”); a name ending with an initial matches only
 *   with the initial's full stop, so that “Élève A.” is not found in
 *   “l'élève a du mal”;
 * - each institution (the partners', and each part of the place that
 *   names one place) becomes “Institution A”, “Institution B”…, in its
 *   field, and in the texts where it names one place (not a nationwide
 *   body such as “Éducation nationale”, nor an acronym such as “CMP”):
 *   its whole name, and the proper name it ends with (“Les Tilleuls” of
 *   “École élémentaire Les Tilleuls”, with or without the words between:
 *   “école Les Tilleuls”), and that proper name without its article
 *   (“Tilleuls”). A school's name says where the child is;
 * - the situation label is looked for in the texts too, and so is the
 *   name of an action's owner from outside the team, which becomes a
 *   person (“Person C”);
 * - with %RG_PSEUDONYMISE_MONTH_DATES, every date keeps only its month
 *   and year. The file format needs whole dates, so in the copy the day
 *   becomes the 1st and the times midnight UTC; exporters print such a
 *   copy's dates as month and year (rg_pseudonymise_format_month(),
 *   rg_session_get_pseudonymise_flags() says which copy it is);
 * - with %RG_PSEUDONYMISE_KINDS, for a report that leaves the team, the
 *   situation's code is left out (in the texts it becomes “the
 *   situation”), and each institution and each place is named by its
 *   kind, inferred from its name (“École élémentaire Les Tilleuls”
 *   becomes “école élémentaire”, “Association Horizons” “association”,
 *   anything unknown “institution”): next to a profession, a school's
 *   name points to one class;
 * - with %RG_PSEUDONYMISE_FRESH_IDS, every object gets a new random id,
 *   the same one wherever the object is referred to, and the versions
 *   the file had known are forgotten: nothing ties the copy back to the
 *   file it comes from;
 * - a surname shared by several people (the child “Adam Benali” and
 *   the mother “Mme Benali”) cannot say whom it means: alone, it
 *   becomes a pseudonym of its own (“Person A”), never another
 *   person's; a person's full name, and its first name's initial with
 *   the surname (“A. Benali”), become that person's pseudonym.
 *
 * - a statement quoted in the list to review of a follow-up session is
 *   attributed to the pseudonym of the partner of that name, or to
 *   "Partner" when no partner of the session has that name any more.
 *
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

/* Articles a proper name may start with: “Les Tilleuls” is also
 * “Tilleuls” */
static const char * const articles[] = {
  "les", "la", "le", "l", NULL,
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
  gboolean word;       /* one word taken out of anyone's longer name: a surname */
  gboolean shared;     /* such a word of several people's names */
  gboolean needs_dot;  /* ends with an initial: matches only with its full stop */
  gboolean closes;     /* ends with a parenthesis, “Mme L. (mère)”: it goes with it */
} Pattern;

typedef struct
{
  GPtrArray  *patterns;
  guint       n_persons;
  guint       n_institutions;
  GHashTable *institutions;   /* folded name → its label */
  RgPseudonymiseFlags flags;
} Replacer;

/* The kinds of institution, found by the words of their name, the
 * most telling first: the first found names the kind */
static const struct
{
  const char *words;   /* folded, as rg_glossary_fold() writes them */
  const char *kind;
} institution_kinds[] = {
  /* Translators: the kind of an institution, which stands for its name
   * in a report sent outside the team; lower case, as in the middle of
   * a sentence */
  { "ecole maternelle", N_("nursery school") },
  { "ecole elementaire", N_("elementary school") },
  { "ecole primaire", N_("elementary school") },
  { "groupe scolaire", N_("elementary school") },
  { "college", N_("secondary school") },
  { "lycee", N_("high school") },
  { "ecole", N_("school") },
  { "reussite educative", N_("educational success programme") },
  { "cmpp", N_("medical, psychological and educational centre") },
  { "cmp", N_("mental health centre") },
  { "medico psychologique", N_("mental health centre") },
  { "pmi", N_("maternal and child health centre") },
  { "hopital", N_("hospital") },
  { "chu", N_("hospital") },
  { "clinique", N_("hospital") },
  { "service social", N_("social services") },
  { "action sociale", N_("social services") },
  { "aide sociale", N_("social services") },
  { "ase", N_("social services") },
  { "ccas", N_("social services") },
  { "solidarites", N_("social services") },
  { "association", N_("association") },
  { "club", N_("association") },
  { "education nationale", N_("national education") },
  { "mairie", N_("town hall") },
  { "ville", N_("town hall") },
  { "commune", N_("town hall") },
  { "cabinet", N_("private practice") },
};

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

/**
 * rg_pseudonymise_letters:
 * @n: the number of the pseudonym, from 0
 *
 * Returns: the letters of the @n-th pseudonym: A, B, … Z, AA, AB…
 */
char *
rg_pseudonymise_letters (guint n)
{
  GString *letters = g_string_new (NULL);

  do
    {
      g_string_prepend_c (letters, 'A' + n % 26);
      n /= 26;
    }
  while (n-- > 0);

  return g_string_free (letters, FALSE);
}

static char *
replacer_new_person (Replacer *replacer)
{
  g_autofree char *letters = rg_pseudonymise_letters (replacer->n_persons++);

  /* Translators: the pseudonym of a person named in the session, such
   * as “Person A” */
  return g_strdup_printf (_("Person %s"), letters);
}

/* Whether the folded words of @words are among @tokens, one after the
 * other */
static gboolean
has_words (GArray     *tokens,
           const char *words)
{
  g_auto(GStrv) wanted = g_strsplit (words, " ", -1);
  guint n = g_strv_length (wanted);

  for (guint i = 0; i + n <= tokens->len; i++)
    {
      guint j;

      for (j = 0; j < n; j++)
        if (strcmp (g_array_index (tokens, Token, i + j).folded, wanted[j]) != 0)
          break;
      if (j == n)
        return TRUE;
    }

  return FALSE;
}

static GArray *tokenize (const char *text);

/* What kind of institution @name is, as its words say: “elementary
 * school” for “École élémentaire Les Tilleuls”, “institution” when
 * they say nothing */
static char *
institution_kind (const char *name)
{
  g_autoptr(GArray) tokens = tokenize (name);

  for (guint i = 0; i < G_N_ELEMENTS (institution_kinds); i++)
    if (has_words (tokens, institution_kinds[i].words))
      return g_strdup (_(institution_kinds[i].kind));

  /* Translators: the kind of an institution whose name says nothing
   * of what it is, in a report sent outside the team */
  return g_strdup (_("institution"));
}

static char *
replacer_new_institution (Replacer   *replacer,
                          const char *name)
{
  g_autofree char *letters = NULL;

  if (replacer->flags & RG_PSEUDONYMISE_KINDS)
    return institution_kind (name);

  letters = rg_pseudonymise_letters (replacer->n_institutions++);

  /* Translators: what stands for the name of a school, a service or
   * another institution in a pseudonymised report, such as
   * “Institution A” */
  return g_strdup_printf (_("Institution %s"), letters);
}

/* Adds the words in @folded (@n_words of them) as a name standing for
 * @replacement, or for a new person if @replacement is %NULL. */
static Pattern *
replacer_add_full (Replacer    *replacer,
                   char * const *folded,
                   guint        n_words,
                   const char  *replacement,
                   gboolean     from_word,
                   gboolean     word,
                   gboolean     needs_dot)
{
  Pattern *pattern;

  if (n_words == 0)
    return NULL;

  pattern = replacer_find (replacer, folded, n_words);
  /* “Élève A.” and “Élève A” are not the same name */
  if (pattern != NULL && pattern->needs_dot != needs_dot)
    pattern = NULL;
  if (pattern != NULL)
    {
      /* A word of two people's names, a surname the child and the
       * mother share: it cannot tell which one, so it is a pseudonym
       * of its own, never one of theirs */
      if (((from_word && pattern->from_word) || (word && pattern->word)) &&
          !pattern->shared && replacement != NULL &&
          g_strcmp0 (pattern->replacement, replacement) != 0)
        {
          g_free (pattern->replacement);
          pattern->replacement = replacer_new_person (replacer);
          pattern->from_word = FALSE;
          pattern->word = TRUE;
          pattern->shared = TRUE;
        }
      return pattern;
    }

  pattern = g_new0 (Pattern, 1);
  pattern->folded = g_new0 (char *, n_words + 1);
  for (guint i = 0; i < n_words; i++)
    pattern->folded[i] = g_strdup (folded[i]);
  pattern->n_words = n_words;
  pattern->replacement = replacement != NULL ? g_strdup (replacement)
                                             : replacer_new_person (replacer);
  pattern->from_word = from_word;
  pattern->word = word;
  pattern->needs_dot = needs_dot;
  g_ptr_array_add (replacer->patterns, pattern);
  return pattern;
}

static Pattern *
replacer_add (Replacer    *replacer,
              char * const *folded,
              guint        n_words,
              const char  *replacement,
              gboolean     from_word,
              gboolean     needs_dot)
{
  return replacer_add_full (replacer, folded, n_words, replacement, from_word, FALSE, needs_dot);
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

/* Whether the last of @tokens of @text is an initial: one letter, then
 * a full stop */
static gboolean
ends_with_initial (const char *text,
                   GArray     *tokens)
{
  Token *last = &g_array_index (tokens, Token, tokens->len - 1);

  return g_utf8_strlen (text + last->start, last->end - last->start) == 1 &&
         text[last->end] == '.';
}

/* The folded words of @tokens from @first to @last, included */
static char **
folded_words (GArray *tokens,
              guint   first,
              guint   last)
{
  char **folded = g_new0 (char *, last - first + 2);

  for (guint i = first; i <= last; i++)
    folded[i - first] = g_array_index (tokens, Token, i).folded;

  return folded;
}

/* Adds @name as a whole, and with @words, each of its capitalised words */
static void
replacer_add_words (Replacer   *replacer,
                    const char *name,
                    const char *replacement,
                    gboolean    words,
                    gboolean    from_word)
{
  g_autoptr(GArray) tokens = tokenize (name);
  g_autofree char **folded = NULL;
  Pattern *whole;

  if (tokens->len == 0)
    return;

  folded = folded_words (tokens, 0, tokens->len - 1);
  whole = replacer_add (replacer, folded, tokens->len, replacement, FALSE,
                        ends_with_initial (name, tokens));
  if (whole != NULL && name[g_array_index (tokens, Token, tokens->len - 1).end] == ')')
    whole->closes = TRUE;

  for (guint i = 0; words && i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (tokens->len > 1 && is_name_word (name, token))
        replacer_add_full (replacer, &token->folded, 1, replacement, from_word, TRUE, FALSE);
    }

  /* “A. Benali” for “Adam Benali”: the initial of a first name, then
   * the rest of the name */
  if (words && tokens->len > 1 && is_name_word (name, &g_array_index (tokens, Token, 0)))
    {
      Token *first = &g_array_index (tokens, Token, 0);
      g_autofree char *initial = g_utf8_substring (first->folded, 0, 1);

      folded[0] = initial;
      replacer_add (replacer, folded, tokens->len, replacement, FALSE, FALSE);
      folded[0] = first->folded;
    }
}

/* @name without what it has in parentheses (“Mme L. (mère)” → “Mme L.”),
 * or %NULL if it has none */
static char *
strip_parentheses (const char *name)
{
  GString *stripped = g_string_new (NULL);
  int depth = 0;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (stripped, *p);
    }

  g_strstrip (stripped->str);
  stripped->len = strlen (stripped->str);
  while (stripped->len > 0 && strchr (",;:-", stripped->str[stripped->len - 1]) != NULL)
    {
      g_string_truncate (stripped, stripped->len - 1);
      g_strchomp (stripped->str);
      stripped->len = strlen (stripped->str);
    }

  if (stripped->len == 0 || strcmp (stripped->str, name) == 0)
    {
      g_string_free (stripped, TRUE);
      return NULL;
    }

  return g_string_free (stripped, FALSE);
}

/* Adds @name as a whole, then each of its capitalised words; and the
 * same without what it has in parentheses. A %NULL @replacement stands
 * for a person: the one of that name if known, else a new one. */
static void
replacer_add_name (Replacer   *replacer,
                   const char *name,
                   const char *replacement)
{
  g_autoptr(GArray) tokens = NULL;
  g_autofree char *person = NULL;
  g_autofree char *stripped = NULL;

  if (name == NULL)
    return;

  tokens = tokenize (name);
  if (tokens->len == 0)
    return;

  if (replacement == NULL)
    {
      g_autofree char **folded = folded_words (tokens, 0, tokens->len - 1);
      Pattern *known = replacer_find (replacer, folded, tokens->len);

      /* A surname of a partner's (“Benali” of “Mme Benali”) is
       * another person's too: a pseudonym of its own */
      if (known != NULL && known->word && !known->shared)
        {
          g_free (known->replacement);
          known->replacement = replacer_new_person (replacer);
          known->from_word = FALSE;
          known->shared = TRUE;
        }
      person = known != NULL ? g_strdup (known->replacement)
                             : replacer_new_person (replacer);
      replacement = person;
    }

  replacer_add_words (replacer, name, replacement, TRUE, person == NULL);

  if ((stripped = strip_parentheses (name)) != NULL)
    replacer_add_words (replacer, stripped, replacement, TRUE, person == NULL);
}

static gboolean
is_capitalised (const char *text,
                Token      *token)
{
  return g_unichar_isupper (g_utf8_get_char (text + token->start));
}

/* Small words inside a place's name: “Villeneuve-sur-Orge” */
static const char * const connectors[] = {
  "sur", "sous", "les", "lès", "la", "le", "en", "de", "du", "des", "d", "l", "aux", NULL,
};

/* Where the proper name @part ends with starts among its @tokens: the
 * capitalised words after its first (“Les Tilleuls” of “École élémentaire
 * Les Tilleuls”), and the small words between two of them (“Villeneuve
 * sur Orge”), not a lone word too short to be a name; @tokens->len
 * when it has none */
static guint
proper_name_start (const char *part,
                   GArray     *tokens)
{
  guint tail;
  Token *first;

  for (tail = tokens->len; tail > 1; tail--)
    {
      Token *token = &g_array_index (tokens, Token, tail - 1);

      if (tail < tokens->len && tail >= 3 && !is_capitalised (part, token) &&
          g_strv_contains (connectors, token->folded) &&
          is_capitalised (part, &g_array_index (tokens, Token, tail - 2)) &&
          !g_strv_contains (titles, g_array_index (tokens, Token, tail - 2).folded))
        continue;
      if (!is_capitalised (part, token) || g_strv_contains (titles, token->folded))
        break;
    }

  if (tail >= tokens->len)
    return tokens->len;

  first = &g_array_index (tokens, Token, tail);
  if (tokens->len - tail == 1 && g_utf8_strlen (part + first->start, first->end - first->start) < 3)
    return tokens->len;

  return tail;
}

/* Whether @part names one place rather than a kind of place or a
 * nationwide body: it ends with a proper name, or is one word that is
 * not an acronym (“Horizons”, not “CMP”; “Éducation nationale” is kept
 * in the texts, “École Jules Ferry” is not) */
static gboolean
is_specific (const char *part,
             GArray     *tokens)
{
  Token *token;
  g_autofree char *word = NULL;
  g_autofree char *upper = NULL;

  if (tokens->len > 1)
    return proper_name_start (part, tokens) < tokens->len;

  token = &g_array_index (tokens, Token, 0);
  word = g_strndup (part + token->start, token->end - token->start);
  upper = g_utf8_strup (word, -1);

  return is_capitalised (part, token) && g_utf8_strlen (word, -1) >= 3 &&
         strcmp (word, upper) != 0;
}

/* Adds an institution's name @part standing for @label, if it names one
 * place: as a whole, and the proper name it ends with, with and without
 * the words between */
static void
replacer_add_institution_part (Replacer   *replacer,
                               const char *part,
                               const char *label)
{
  g_autoptr(GArray) tokens = tokenize (part);
  g_autofree char **folded = NULL;
  g_autofree char **words = NULL;
  guint tail;

  if (tokens->len == 0 || !is_specific (part, tokens))
    return;

  folded = folded_words (tokens, 0, tokens->len - 1);
  replacer_add (replacer, folded, tokens->len, label, FALSE, FALSE);

  if ((tail = proper_name_start (part, tokens)) == tokens->len)
    return;

  words = folded_words (tokens, tail, tokens->len - 1);
  replacer_add (replacer, words, tokens->len - tail, label, FALSE, FALSE);
  /* “Passerelles” of “Les Passerelles”, as in “aux ateliers des
   * Passerelles” */
  if (tokens->len - tail > 1 && g_strv_contains (articles, words[0]))
    replacer_add (replacer, words + 1, tokens->len - tail - 1, label, FALSE, FALSE);
  if (tail > 1)
    {
      /* “école Les Tilleuls” for “École élémentaire Les Tilleuls” */
      g_autofree char **short_name = g_new0 (char *, tokens->len - tail + 2);

      short_name[0] = folded[0];
      memcpy (short_name + 1, words, (tokens->len - tail) * sizeof (char *));
      replacer_add (replacer, short_name, tokens->len - tail + 1, label, FALSE, FALSE);
    }
}

/* The label of the institution @name, a new one if it is not known; in
 * the texts, @name and each of its parts between commas that names one
 * place are looked for */
static char *
replacer_add_institution (Replacer   *replacer,
                          const char *name)
{
  g_autoptr(GArray) tokens = NULL;
  g_autofree char **folded = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) parts = NULL;
  const char *label;

  if (name == NULL || (tokens = tokenize (name))->len == 0)
    return NULL;

  folded = folded_words (tokens, 0, tokens->len - 1);
  key = g_strjoinv (" ", folded);
  label = g_hash_table_lookup (replacer->institutions, key);
  if (label != NULL)
    return g_strdup (label);

  label = replacer_new_institution (replacer, name);
  g_hash_table_insert (replacer->institutions, g_steal_pointer (&key), (gpointer) label);
  replacer_add_institution_part (replacer, name, label);

  parts = g_strsplit (name, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    replacer_add_institution_part (replacer, g_strstrip (parts[i]), label);

  return g_strdup (label);
}

/* Each part of the place between commas that holds a proper name (“École
 * élémentaire Les Tilleuls”, not “salle de réunion”) is an institution */
static void
replacer_add_place (Replacer   *replacer,
                    const char *place)
{
  g_auto(GStrv) parts = NULL;

  if (place == NULL)
    return;

  parts = g_strsplit (place, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GArray) tokens = tokenize (g_strstrip (parts[i]));

      if (tokens->len > 0 && is_specific (parts[i], tokens))
        g_free (replacer_add_institution (replacer, parts[i]));
    }
}

/* The situation's label, and the part of it before a comma (“Élève A.”
 * of “Élève A., CM1”), as a whole only: its words are common words */
static void
replacer_add_label (Replacer   *replacer,
                    const char *label,
                    const char *replacement)
{
  g_auto(GStrv) parts = NULL;

  if (label == NULL || *label == '\0')
    return;

  replacer_add_words (replacer, label, replacement, FALSE, FALSE);
  parts = g_strsplit (label, ",", 2);
  if (parts[0] != NULL && parts[1] != NULL)
    {
      g_strstrip (parts[0]);
      replacer_add_words (replacer, parts[0], replacement, FALSE, FALSE);
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

/* The longest name starting at the @i-th of @tokens of @text, or %NULL */
static Pattern *
replacer_match (Replacer   *replacer,
                const char *text,
                GArray     *tokens,
                guint       i)
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
      if (j < pattern->n_words)
        continue;
      if (pattern->needs_dot && text[g_array_index (tokens, Token, i + j - 1).end] != '.')
        continue;
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

/* Whether the full stop at @dot ends a sentence: the text ends there,
 * or a capital or a new line follows */
static gboolean
ends_sentence (const char *dot)
{
  const char *p = dot + 1;

  while (*p == ' ')
    p++;

  return *p == '\0' || *p == '\n' || (p > dot + 1 && g_unichar_isupper (g_utf8_get_char (p)));
}

/* Appends @replacement, with a capital where a sentence starts */
static void
append_replacement (GString    *result,
                    const char *replacement)
{
  gsize end = result->len;
  gunichar first = g_utf8_get_char (replacement);

  while (end > 0 && result->str[end - 1] == ' ')
    end--;

  if (g_unichar_islower (first) &&
      (end == 0 || strchr (".!?\n", result->str[end - 1]) != NULL))
    {
      g_string_append_unichar (result, g_unichar_totitle (first));
      g_string_append (result, g_utf8_next_char (replacement));
    }
  else
    g_string_append (result, replacement);
}

/* @text with every known name replaced, or %NULL if it holds none */
static char *
replacer_apply (Replacer   *replacer,
                const char *text)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GString) result = NULL;
  gsize copied = 0;
  gsize start;
  gboolean replaced = FALSE;
  guint i = 0;

  if (text == NULL || *text == '\0')
    return NULL;

  tokens = tokenize (text);
  result = g_string_new (NULL);

  while (i < tokens->len)
    {
      Pattern *found = replacer_match (replacer, text, tokens, i);
      Pattern *next;

      if (found == NULL)
        {
          i++;
          continue;
        }

      start = g_array_index (tokens, Token, i).start;
      /* “A. Benali”, a surname several people share after an initial:
       * the initial goes with it */
      if (found->shared && found->n_words == 1 && i > 0)
        {
          Token *before = &g_array_index (tokens, Token, i - 1);

          if (before->start >= copied &&
              g_utf8_strlen (text + before->start, before->end - before->start) == 1 &&
              g_unichar_isupper (g_utf8_get_char (text + before->start)) &&
              text[before->end] == '.' && before->end + 1 < start &&
              is_blank (text, before->end + 1, start))
            start = before->start;
        }

      g_string_append_len (result, text + copied, start - copied);
      undo_elision (result, found->replacement);
      append_replacement (result, found->replacement);
      i += found->n_words;
      copied = g_array_index (tokens, Token, i - 1).end;
      replaced = TRUE;

      /* The initial's full stop goes with it, unless it ends a sentence;
       * the closing parenthesis goes with it */
      if ((found->needs_dot && !ends_sentence (text + copied)) ||
          (found->closes && text[copied] == ')'))
        copied++;

      /* "Éloïse Garnier" for "Mme Éloïse Garnier": one pseudonym, not two */
      while (i < tokens->len &&
             is_blank (text, copied, g_array_index (tokens, Token, i).start) &&
             (next = replacer_match (replacer, text, tokens, i)) != NULL &&
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

/* Set beside the flags on a copy, so that a copy made without flags is
 * told from a session that is no copy */
#define FLAGS_SET (1u << 31)

static GQuark
flags_quark (void)
{
  return g_quark_from_static_string ("rg-pseudonymise-flags");
}

/* Replaces @match, an id, by its new id in @user_data, a new one the
 * first time it is met */
static gboolean
replace_id (const GMatchInfo *match,
            GString          *result,
            gpointer          user_data)
{
  GHashTable *ids = user_data;
  g_autofree char *id = g_match_info_fetch (match, 0);
  const char *fresh = g_hash_table_lookup (ids, id);

  if (fresh == NULL)
    {
      fresh = g_uuid_string_random ();
      g_hash_table_insert (ids, g_steal_pointer (&id), (gpointer) fresh);
    }
  g_string_append (result, fresh);

  return FALSE;
}

/* @copy again with a new random id for each of its objects, the same
 * wherever the object is referred to, and no versions known: ids are
 * UUIDs (rg_id_is_valid()), so every UUID of the file is replaced,
 * even one a text would quote */
static RgSession *
with_fresh_ids (RgSession *copy)
{
  static GRegex *uuid = NULL;
  static GRegex *known_versions = NULL;
  g_autoptr(GBytes) bytes = rg_session_to_bytes (copy);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *renewed = NULL;
  g_autofree char *forgotten = NULL;
  g_autoptr(GBytes) renewed_bytes = NULL;
  RgSession *session;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_once_init_enter (&uuid))
    g_once_init_leave (&uuid, g_regex_new ("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                                           "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                                           G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter (&known_versions))
    g_once_init_leave (&known_versions, g_regex_new ("\\s+known-versions=\"[^\"]*\"",
                                                     G_REGEX_OPTIMIZE, 0, NULL));

  renewed = g_regex_replace_eval (uuid, data, size, 0, 0, replace_id, ids, &error);
  if (renewed != NULL)
    forgotten = g_regex_replace_literal (known_versions, renewed, -1, 0, "", 0, &error);
  if (forgotten == NULL)
    {
      g_critical ("Cannot renew the ids of the session: %s", error->message);
      return NULL;
    }

  renewed_bytes = g_bytes_new_take (forgotten, strlen (forgotten));
  forgotten = NULL;
  session = rg_session_new_from_bytes (renewed_bytes, &error);
  if (session == NULL)
    g_critical ("Cannot renew the ids of the session: %s", error->message);

  return session;
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
  g_autoptr(GPtrArray) institutions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) owner_institutions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Replacer replacer = { NULL, 0, 0, NULL, flags };
  const char * const *persons;
  const char *code;
  GListModel *actions;
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
  replacer.institutions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

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

  /* Someone from outside the team who will do an action is a person;
   * after a comma, their institution: “Dr Morvan, CMP de Villeneuve” */
  actions = rg_session_get_actions (copy);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);
      const char *owner = rg_action_get_owner_name (action);
      g_auto(GStrv) parts = owner != NULL ? g_strsplit (owner, ",", 2) : NULL;

      if (parts == NULL || parts[0] == NULL || parts[1] == NULL)
        {
          replacer_add_name (&replacer, owner, NULL);
          continue;
        }

      g_strstrip (parts[0]);
      replacer_add_name (&replacer, parts[0], NULL);
      {
        g_autoptr(GArray) tokens = tokenize (parts[0]);
        g_autofree char **folded = NULL;
        Pattern *person;

        if (tokens->len == 0)
          continue;
        folded = folded_words (tokens, 0, tokens->len - 1);
        person = replacer_find (&replacer, folded, tokens->len);
        if (person != NULL)
          replacer_add_words (&replacer, owner, person->replacement, FALSE, FALSE);
      }
      g_ptr_array_add (owner_institutions, g_strdup (g_strstrip (parts[1])));
    }

  /* Institutions, then the place where the meeting is held */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (model, i);

      g_ptr_array_add (institutions,
                       replacer_add_institution (&replacer, rg_partner_get_institution (partner)));
    }
  replacer_add_place (&replacer, rg_session_get_place (copy));
  for (guint i = 0; i < owner_institutions->len; i++)
    g_free (replacer_add_institution (&replacer, owner_institutions->pdata[i]));

  /* The situation's label, in the texts: “the child”, which reads
   * where the label stood in a sentence */
  replacer_add_label (&replacer, rg_session_get_situation_label (copy), _("the child"));

  /* Outside the team, the situation's code says nothing either */
  code = rg_session_get_situation_code (copy);
  if ((flags & RG_PSEUDONYMISE_KINDS) && code != NULL && *code != '\0')
    {
      g_autoptr(GArray) tokens = tokenize (code);

      if (tokens->len > 0)
        {
          g_autofree char **folded = folded_words (tokens, 0, tokens->len - 1);

          /* Translators: what stands for the situation's code in the
           * texts of a report sent outside the team */
          replacer_add (&replacer, folded, tokens->len, _("the situation"), FALSE, FALSE);
        }
    }

  g_ptr_array_sort (replacer.patterns, compare_patterns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (model, i);

      rg_partner_set_name (partner, pseudonyms[i]);
      if ((flags & RG_PSEUDONYMISE_KINDS) && g_ptr_array_index (institutions, i) != NULL)
        {
          /* A field: “Elementary school”, as at the start of a text */
          g_autoptr(GString) kind = g_string_new (NULL);

          append_replacement (kind, g_ptr_array_index (institutions, i));
          rg_partner_set_institution (partner, kind->str);
        }
      else
        rg_partner_set_institution (partner, g_ptr_array_index (institutions, i));
      if (flags & RG_PSEUDONYMISE_MONTH_DATES)
        {
          g_autofree char *asked = month_date (rg_partner_get_contribution_asked (partner));
          g_autofree char *received = month_date (rg_partner_get_contribution_received (partner));

          if (asked != NULL)
            rg_partner_set_contribution_asked (partner, asked);
          if (received != NULL)
            rg_partner_set_contribution_received (partner, received);
        }
    }

  /* The session and its situation: the label becomes the code, or “the
   * child” as at the start of a text; outside the team, there is no
   * code */
  if (flags & RG_PSEUDONYMISE_KINDS)
    rg_session_set_situation_code (copy, NULL);
  code = rg_session_get_situation_code (copy);
  if (code != NULL && *code != '\0')
    rg_session_set_situation_label (copy, code);
  else
    {
      g_autoptr(GString) start = g_string_new (NULL);

      append_replacement (start, _("the child"));
      rg_session_set_situation_label (copy, start->str);
    }
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
      REPLACE (&replacer, action, rg_action_get_owner_name, rg_action_set_owner_name);
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
  g_hash_table_unref (replacer.institutions);

  if (flags & RG_PSEUDONYMISE_FRESH_IDS)
    {
      RgSession *renewed = with_fresh_ids (copy);

      if (renewed == NULL)
        return NULL;
      g_object_unref (copy);
      copy = renewed;
    }

  g_object_set_qdata (G_OBJECT (copy), flags_quark (), GUINT_TO_POINTER (flags | FLAGS_SET));

  return g_steal_pointer (&copy);
}

/**
 * rg_session_get_pseudonymise_flags:
 * @session: a #RgSession
 *
 * What was done to make @session, when it is a copy made by
 * rg_session_pseudonymise(): an exporter prints the dates of a copy
 * made with %RG_PSEUDONYMISE_MONTH_DATES as months.
 *
 * Returns: the flags the copy was made with, or
 *   %RG_PSEUDONYMISE_NONE for a session that is no such copy
 */
RgPseudonymiseFlags
rg_session_get_pseudonymise_flags (RgSession *session)
{
  g_return_val_if_fail (RG_IS_SESSION (session), RG_PSEUDONYMISE_NONE);

  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (session), flags_quark ())) & ~FLAGS_SET;
}

/**
 * rg_session_deidentify:
 * @session: a #RgSession
 * @level: how far to de-identify it
 *
 * The session as a report at @level is to show it: @session itself at
 * %RG_DEIDENTIFY_NONE, else a copy made by rg_session_pseudonymise(),
 * with no flag for the team's partners, with %RG_PSEUDONYMISE_OUTSIDE
 * outside the team.
 *
 * Returns: (transfer full): @session, or a new session
 */
RgSession *
rg_session_deidentify (RgSession         *session,
                       RgDeidentifyLevel  level)
{
  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  switch (level)
    {
    case RG_DEIDENTIFY_TEAM:
      return rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);
    case RG_DEIDENTIFY_OUTSIDE:
      return rg_session_pseudonymise (session, RG_PSEUDONYMISE_OUTSIDE);
    case RG_DEIDENTIFY_NONE:
    default:
      return g_object_ref (session);
    }
}

static const char * const level_names[] = {
  [RG_DEIDENTIFY_NONE] = "none",
  [RG_DEIDENTIFY_TEAM] = "team",
  [RG_DEIDENTIFY_OUTSIDE] = "outside",
};

/**
 * rg_deidentify_level_to_string:
 * @level: a #RgDeidentifyLevel
 *
 * Returns: (transfer none): the level's name in settings and on the
 *   command line: “none”, “team” or “outside”
 */
const char *
rg_deidentify_level_to_string (RgDeidentifyLevel level)
{
  g_return_val_if_fail (level <= RG_DEIDENTIFY_OUTSIDE, NULL);

  return level_names[level];
}

/**
 * rg_deidentify_level_from_string:
 * @text: (nullable): a level's name, as rg_deidentify_level_to_string()
 *   writes it
 * @level: (out): the level
 *
 * Returns: whether @text names a level
 */
gboolean
rg_deidentify_level_from_string (const char        *text,
                                 RgDeidentifyLevel *level)
{
  g_return_val_if_fail (level != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (level_names); i++)
    if (g_ascii_strcasecmp (text, level_names[i]) == 0)
      {
        *level = i;
        return TRUE;
      }

  return FALSE;
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
