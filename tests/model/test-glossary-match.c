/* test-glossary-match.c — glossary words found in statements whatever
 * their accents and case, and the undoable edits of the glossary, saved
 * and loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-glossary-match.h"
#include "rg-session-editor-terms.h"
#include "rg-session-xml.h"
#include "rg-test-utils.h"

static GListStore *
make_terms (const char *first,
            ...)
{
  GListStore *store = g_list_store_new (RG_TYPE_TERM);
  va_list args;

  va_start (args, first);
  for (const char *word = first; word != NULL; word = va_arg (args, const char *))
    {
      g_autoptr(RgTerm) term = rg_term_new (word);

      g_list_store_append (store, term);
    }
  va_end (args);

  return store;
}

/* The occurrences as "text|word;text|word" — the original text of each,
 * then the word of the term found. */
static char *
describe (const char *text,
          GListStore *terms)
{
  g_autoptr(GArray) matches = rg_glossary_match (text, G_LIST_MODEL (terms));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      RgGlossaryMatch *match = &g_array_index (matches, RgGlossaryMatch, i);

      g_assert_cmpuint (match->start, <, match->end);
      g_assert_cmpuint (match->end, <=, strlen (text));
      g_assert_true (g_utf8_validate (text + match->start, match->end - match->start, NULL));
      if (i > 0)
        g_string_append_c (out, ';');
      g_string_append_len (out, text + match->start, match->end - match->start);
      g_string_append_printf (out, "|%s", rg_term_get_word (match->term));
    }

  return g_string_free (out, FALSE);
}

static void
check (GListStore *terms,
       const char *text,
       const char *expected)
{
  g_autofree char *found = describe (text, terms);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_match_accents_and_case (void)
{
  g_autoptr(GListStore) terms = make_terms ("décrochage", "Autonomie", NULL);

  check (terms, "Il est en décrochage.", "décrochage|décrochage");
  check (terms, "Décrochage scolaire", "Décrochage|décrochage");
  check (terms, "risque de DECROCHAGE !", "DECROCHAGE|décrochage");
  check (terms, "DÉCROCHAGE", "DÉCROCHAGE|décrochage");
  check (terms, "un decrochage et de l'autonomie", "decrochage|décrochage;autonomie|Autonomie");
  check (terms, "AUTONOMIE, autonomie", "AUTONOMIE|Autonomie;autonomie|Autonomie");
  check (terms, "rien à voir", "");
}

static void
test_match_decomposed (void)
{
  g_autoptr(GListStore) terms = make_terms ("décrochage", NULL);
  /* "De" + combining acute: the accent belongs to the occurrence. */
  const char *text = "Le De\xcc\x81" "crochage.";
  g_autoptr(GArray) matches = rg_glossary_match (text, G_LIST_MODEL (terms));
  g_autoptr(GListStore) decomposed_terms = make_terms ("de\xcc\x81" "crochage", NULL);

  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (g_array_index (matches, RgGlossaryMatch, 0).start, ==, 3);
  g_assert_cmpuint (g_array_index (matches, RgGlossaryMatch, 0).end, ==, strlen (text) - 1);

  /* And a term typed with decomposed accents finds a precomposed text. */
  check (decomposed_terms, "En décrochage", "décrochage|de\xcc\x81" "crochage");
}

static void
test_match_offsets_after_accents (void)
{
  g_autoptr(GListStore) terms = make_terms ("autonomie", NULL);
  const char *text = "Éléonore, très émue : « son autonomie »";
  g_autoptr(GArray) matches = rg_glossary_match (text, G_LIST_MODEL (terms));
  const char *expected = strstr (text, "autonomie");

  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (g_array_index (matches, RgGlossaryMatch, 0).start, ==, expected - text);
  g_assert_cmpuint (g_array_index (matches, RgGlossaryMatch, 0).end, ==,
                    expected - text + strlen ("autonomie"));
}

static void
test_match_plurals (void)
{
  g_autoptr(GListStore) terms = make_terms ("décrochage", "autonomie", "réseau", NULL);

  check (terms, "des décrochages", "décrochages|décrochage");
  check (terms, "DÉCROCHAGES", "DÉCROCHAGES|décrochage");
  check (terms, "leurs autonomies", "autonomies|autonomie");
  check (terms, "les réseaux", "réseaux|réseau");
  /* Only one letter of plural, nothing more. */
  check (terms, "décrochagess", "");
}

static void
test_match_whole_words (void)
{
  g_autoptr(GListStore) terms = make_terms ("autonomie", "décrochage", NULL);

  check (terms, "autonomisation", "");
  check (terms, "hétéroautonomie", "");
  check (terms, "autonomiement", "");
  check (terms, "raccrochage", "");
  check (terms, "redécrochage", "");
  /* Apostrophes and hyphens end words. */
  check (terms, "l'autonomie", "autonomie|autonomie");
  check (terms, "l’autonomie", "autonomie|autonomie");
  check (terms, "pseudo-autonomie", "autonomie|autonomie");
  check (terms, "(décrochage)", "décrochage|décrochage");
}

static void
test_match_several_words (void)
{
  g_autoptr(GListStore) terms = make_terms ("réussite", "Réussite éducative", NULL);

  /* The longer term wins where both start. */
  check (terms, "le programme de réussite éducative", "réussite éducative|Réussite éducative");
  check (terms, "la REUSSITE  EDUCATIVE", "REUSSITE  EDUCATIVE|Réussite éducative");
  check (terms, "réussites éducatives", "réussites éducatives|Réussite éducative");
  /* Not across punctuation. */
  check (terms, "la réussite. Éducative", "réussite|réussite");
  check (terms, "réussite", "réussite|réussite");
}

static void
test_match_empty_words (void)
{
  g_autoptr(GListStore) terms = make_terms ("", "  ", "!", "autonomie", NULL);

  check (terms, "autonomie ! ", "autonomie|autonomie");
  check (terms, "", "");
}

static void
test_fold (void)
{
  g_autofree char *a = rg_glossary_fold ("  Réussite   ÉDUCATIVE ");
  g_autofree char *b = rg_glossary_fold ("reussite-educative");

  g_assert_cmpstr (a, ==, "reussite educative");
  g_assert_cmpstr (b, ==, "reussite educative");
}

/* {{{ Undoable edits */

typedef struct
{
  RgSession       *session;
  RgSessionEditor *editor;
  RgUndoStack     *undo;
  RgPartner       *teacher;
  RgPartner       *mother;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->session = rg_session_new ();
  f->editor = rg_session_editor_new (f->session);
  f->undo = rg_session_editor_get_undo_stack (f->editor);
  f->teacher = rg_session_editor_add_partner (f->editor, "Mme Roussel", "Enseignante", NULL);
  f->mother = rg_session_editor_add_partner (f->editor, "Mme Benali", NULL, NULL);
  rg_undo_stack_clear (f->undo);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->editor);
  g_assert_finalize_object (f->session);
}

static RgTerm *
term_at (Fixture *f,
         guint    position)
{
  g_autoptr(RgTerm) term = g_list_model_get_item (rg_session_get_terms (f->session), position);

  return term;
}

static void
test_edit_add_remove (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *terms = rg_session_get_terms (f->session);
  RgTerm *first, *second, *third;

  first = rg_session_editor_add_term (f->editor, "  décrochage ");
  second = rg_session_editor_add_term (f->editor, "autonomie");
  third = rg_session_editor_add_term (f->editor, "réussite");
  g_assert_cmpstr (rg_term_get_word (first), ==, "décrochage");
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 3);
  g_assert_true (term_at (f, 1) == second);

  /* The same word, however written, is not added twice. */
  g_assert_true (rg_session_editor_add_term (f->editor, "DECROCHAGE") == first);
  g_assert_null (rg_session_editor_add_term (f->editor, " ? "));
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 3);

  rg_session_editor_remove_term (f->editor, second);
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 2);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Delete term");

  /* Back at its place, not at the end. */
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 3);
  g_assert_true (term_at (f, 1) == second);
  g_assert_true (term_at (f, 2) == third);

  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_true (term_at (f, 1) == third);

  /* Undo the removal, then the three additions. */
  g_assert_true (rg_undo_stack_undo (f->undo));
  for (guint i = 0; i < 3; i++)
    g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 0);
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));
}

static void
test_edit_meanings (Fixture       *f,
                    gconstpointer  data)
{
  RgTerm *term = rg_session_editor_add_term (f->editor, "autonomie");
  const char *teacher = rg_partner_get_id (f->teacher);
  const char *mother = rg_partner_get_id (f->mother);
  const char * const *partners;

  rg_session_editor_set_term_meaning (f->editor, term, teacher, "Travailler seul");
  rg_session_editor_set_term_meaning (f->editor, term, mother, "Se débrouiller");
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Edit meaning");

  rg_session_editor_set_term_meaning (f->editor, term, teacher, "Travailler seul en classe");
  g_assert_cmpstr (rg_term_get_meaning (term, teacher), ==, "Travailler seul en classe");
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpstr (rg_term_get_meaning (term, teacher), ==, "Travailler seul");

  /* Removing the teacher's meaning, then undoing it, gives it back its
   * first place. */
  rg_session_editor_set_term_meaning (f->editor, term, teacher, "");
  g_assert_null (rg_term_get_meaning (term, teacher));
  g_assert_true (rg_undo_stack_undo (f->undo));
  partners = rg_term_get_meaning_partners (term);
  g_assert_cmpstr (partners[0], ==, teacher);
  g_assert_cmpstr (partners[1], ==, mother);
  g_assert_null (partners[2]);

  /* Unchanged: nothing to undo. */
  rg_session_editor_set_term_meaning (f->editor, term, mother, "Se débrouiller");
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_term_get_meaning (term, mother));
}

static void
test_edit_word_status_agreed (Fixture       *f,
                              gconstpointer  data)
{
  RgTerm *term = rg_session_editor_add_term (f->editor, "autonomie");

  rg_session_editor_set_term_word (f->editor, term, " Autonomie ");
  g_assert_cmpstr (rg_term_get_word (term), ==, "Autonomie");
  rg_session_editor_set_term_word (f->editor, term, "  ");
  g_assert_cmpstr (rg_term_get_word (term), ==, "Autonomie");
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Rename term");

  rg_session_editor_set_term_status (f->editor, term, RG_TERM_STATUS_AGREED);
  rg_session_editor_set_term_agreed (f->editor, term, "Faire seul ce qu'on sait faire");
  g_assert_cmpint (rg_term_get_status (term), ==, RG_TERM_STATUS_AGREED);

  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_term_get_agreed_meaning (term));
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpint (rg_term_get_status (term), ==, RG_TERM_STATUS_OPEN);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpstr (rg_term_get_word (term), ==, "autonomie");
}

static void
test_edit_saved_and_loaded (Fixture       *f,
                            gconstpointer  data)
{
  RgTerm *term = rg_session_editor_add_term (f->editor, "décrochage");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RgSession) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RgTerm *copy;

  rg_session_editor_add_term (f->editor, "autonomie");
  rg_session_editor_set_term_meaning (f->editor, term, rg_partner_get_id (f->mother),
                                      "Ne plus vouloir aller à l'école");
  rg_session_editor_set_term_agreed (f->editor, term, "Une perte de lien progressive");
  rg_session_editor_set_term_status (f->editor, term, RG_TERM_STATUS_AGREED);

  bytes = rg_session_to_bytes (f->session);
  loaded = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_terms (loaded)), ==, 2);
  copy = rg_session_find_term (loaded, rg_term_get_id (term));
  g_assert_nonnull (copy);
  g_assert_cmpstr (rg_term_get_word (copy), ==, "décrochage");
  g_assert_cmpint (rg_term_get_status (copy), ==, RG_TERM_STATUS_AGREED);
  g_assert_cmpstr (rg_term_get_agreed_meaning (copy), ==, "Une perte de lien progressive");
  g_assert_cmpstr (rg_term_get_meaning (copy, rg_partner_get_id (f->mother)), ==,
                   "Ne plus vouloir aller à l'école");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/glossary-match/accents-and-case", test_match_accents_and_case);
  g_test_add_func ("/glossary-match/decomposed", test_match_decomposed);
  g_test_add_func ("/glossary-match/offsets-after-accents", test_match_offsets_after_accents);
  g_test_add_func ("/glossary-match/plurals", test_match_plurals);
  g_test_add_func ("/glossary-match/whole-words", test_match_whole_words);
  g_test_add_func ("/glossary-match/several-words", test_match_several_words);
  g_test_add_func ("/glossary-match/empty-words", test_match_empty_words);
  g_test_add_func ("/glossary-match/fold", test_fold);

#define ADD(path, func) \
  g_test_add ("/glossary-edit/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-remove", test_edit_add_remove);
  ADD ("meanings", test_edit_meanings);
  ADD ("word-status-agreed", test_edit_word_status_agreed);
  ADD ("saved-and-loaded", test_edit_saved_and_loaded);
#undef ADD

  return g_test_run ();
}
