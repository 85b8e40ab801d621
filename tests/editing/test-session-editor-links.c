/* test-session-editor-links.c — tagging statements, and the glossary made
 * from a link “to clarify”, undone and redone, then saved and loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-session-editor-links.h"
#include "rg-session-xml.h"
#include "rg-test-utils.h"

typedef struct
{
  RgSession       *session;
  RgSessionEditor *editor;
  RgUndoStack     *undo;
  RgPartner       *teacher;
  RgPartner       *mother;
  RgPartner       *educator;
  RgDimension     *school;
  RgDimension     *family;
  const char      *s1;   /* teacher, school */
  const char      *s2;   /* mother, school */
  const char      *s3;   /* teacher, school */
  const char      *s4;   /* educator, family */
} Fixture;

static const char *
say (Fixture     *f,
     RgPartner   *partner,
     RgDimension *dimension,
     const char  *text)
{
  RgStatement *statement = rg_session_editor_add_statement (f->editor, partner, dimension, NULL,
                                                            RG_STATEMENT_KIND_FACT, text);

  return rg_statement_get_id (statement);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->session = rg_session_new ();
  rg_session_set_title (f->session, "Revue de situation");
  rg_session_set_situation_label (f->session, "Élève A., CM1");
  f->editor = rg_session_editor_new (f->session);
  f->undo = rg_session_editor_get_undo_stack (f->editor);
  f->teacher = rg_session_editor_add_partner (f->editor, "Mme Roussel", "Enseignante", NULL);
  f->mother = rg_session_editor_add_partner (f->editor, "Mme Benali", NULL, NULL);
  f->educator = rg_session_editor_add_partner (f->editor, "M. Kessler", "Éducateur", NULL);
  f->school = rg_session_editor_add_dimension (f->editor, "Scolarité");
  f->family = rg_session_editor_add_dimension (f->editor, "Famille");
  f->s1 = say (f, f->teacher, f->school, "Il est en décrochage depuis la Toussaint.");
  f->s2 = say (f, f->mother, f->school, "Il dit qu'il s'ennuie en classe.");
  f->s3 = say (f, f->teacher, f->school, "Ne rend plus ses devoirs.");
  f->s4 = say (f, f->educator, f->family, "Vient au club tous les mercredis.");
  rg_undo_stack_clear (f->undo);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->editor);
  g_assert_finalize_object (f->session);
}

static guint
n_links (Fixture *f)
{
  return g_list_model_get_n_items (rg_session_get_links (f->session));
}

static guint
n_terms (Fixture *f)
{
  return g_list_model_get_n_items (rg_session_get_terms (f->session));
}

static RgLink *
link_at (Fixture *f,
         guint    position)
{
  g_autoptr(RgLink) link = g_list_model_get_item (rg_session_get_links (f->session), position);

  return link;
}

static RgLink *
add_link (Fixture    *f,
          RgLinkType  type,
          const char *first,
          const char *second)
{
  const char *ids[] = { first, second, NULL };
  g_autoptr(GError) error = NULL;
  RgLink *link = rg_session_editor_add_link (f->editor, type, ids, &error);

  g_assert_no_error (error);
  g_assert_nonnull (link);

  return link;
}

static void
test_add_link (Fixture       *f,
               gconstpointer  data)
{
  const char *ids[] = { f->s1, f->s2, f->s1, f->s4, NULL };
  g_autoptr(GError) error = NULL;
  const char * const *members;
  RgLink *link;

  link = rg_session_editor_add_link (f->editor, RG_LINK_TYPE_DIVERGENCE, ids, &error);
  g_assert_no_error (error);
  g_assert_true (rg_session_find_link (f->session, rg_link_get_id (link)) == link);
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_DIVERGENCE);
  g_assert_cmpint (rg_link_get_status (link), ==, RG_LINK_STATUS_OPEN);
  g_assert_null (rg_link_get_note (link));

  /* An id given twice counts once, at its first place */
  members = rg_link_get_members (link);
  g_assert_cmpuint (g_strv_length ((char **) members), ==, 3);
  g_assert_cmpstr (members[0], ==, f->s1);
  g_assert_cmpstr (members[1], ==, f->s2);
  g_assert_cmpstr (members[2], ==, f->s4);

  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Tag a divergence");
  g_object_ref (link);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (n_links (f), ==, 0);
  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_cmpuint (n_links (f), ==, 1);
  g_assert_true (link_at (f, 0) == link);
  g_assert_cmpuint (rg_link_get_n_members (link), ==, 3);
  g_object_unref (link);

  /* A new link goes after the others */
  link = add_link (f, RG_LINK_TYPE_AGREEMENT, f->s3, f->s2);
  g_assert_true (link_at (f, 1) == link);
}

static void
test_add_link_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *missing = g_uuid_string_random ();
  const char *one[] = { f->s1, NULL };
  const char *twice[] = { f->s1, f->s1, NULL };
  const char *unknown[] = { f->s1, missing, NULL };
  const char *removed[] = { f->s1, f->s2, NULL };
  GError *error = NULL;

  g_assert_null (rg_session_editor_add_link (f->editor, RG_LINK_TYPE_AGREEMENT, one, &error));
  g_assert_error (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_TOO_FEW_STATEMENTS);
  g_clear_error (&error);

  g_assert_null (rg_session_editor_add_link (f->editor, RG_LINK_TYPE_AGREEMENT, twice, &error));
  g_assert_error (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_TOO_FEW_STATEMENTS);
  g_clear_error (&error);

  g_assert_null (rg_session_editor_add_link (f->editor, RG_LINK_TYPE_AGREEMENT, NULL, &error));
  g_assert_error (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_TOO_FEW_STATEMENTS);
  g_clear_error (&error);

  g_assert_null (rg_session_editor_add_link (f->editor, RG_LINK_TYPE_COMPLEMENT, unknown, &error));
  g_assert_error (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_UNKNOWN_STATEMENT);
  g_clear_error (&error);

  rg_session_editor_remove_statement (f->editor, rg_session_find_statement (f->session, f->s2));
  rg_undo_stack_clear (f->undo);
  g_assert_null (rg_session_editor_add_link (f->editor, RG_LINK_TYPE_COMPLEMENT, removed, &error));
  g_assert_error (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_UNKNOWN_STATEMENT);
  g_clear_error (&error);

  /* Refused means nothing changed, and nothing to undo */
  g_assert_cmpuint (n_links (f), ==, 0);
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));
}

static void
test_change_link (Fixture       *f,
                  gconstpointer  data)
{
  RgLink *link = add_link (f, RG_LINK_TYPE_DIVERGENCE, f->s1, f->s2);

  rg_undo_stack_clear (f->undo);

  rg_session_editor_set_link_type (f->editor, link, RG_LINK_TYPE_CLARIFY);
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_CLARIFY);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Change link type");

  rg_session_editor_set_link_status (f->editor, link, RG_LINK_STATUS_SETTLED);
  g_assert_cmpint (rg_link_get_status (link), ==, RG_LINK_STATUS_SETTLED);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Settle link");

  rg_session_editor_set_link_note (f->editor, link, "Voir avec la famille en janvier");
  g_assert_cmpstr (rg_link_get_note (link), ==, "Voir avec la famille en janvier");
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Edit link note");

  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_link_get_note (link));
  g_assert_cmpint (rg_link_get_status (link), ==, RG_LINK_STATUS_SETTLED);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpint (rg_link_get_status (link), ==, RG_LINK_STATUS_OPEN);
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_CLARIFY);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_DIVERGENCE);
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));

  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_CLARIFY);
  g_assert_cmpint (rg_link_get_status (link), ==, RG_LINK_STATUS_SETTLED);
  g_assert_cmpstr (rg_link_get_note (link), ==, "Voir avec la famille en janvier");

  /* Reopening; an empty note is no note */
  rg_session_editor_set_link_status (f->editor, link, RG_LINK_STATUS_OPEN);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Reopen link");
  rg_session_editor_set_link_note (f->editor, link, "");
  g_assert_null (rg_link_get_note (link));
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpstr (rg_link_get_note (link), ==, "Voir avec la famille en janvier");

  /* Setting what is already there is no step */
  rg_undo_stack_clear (f->undo);
  rg_session_editor_set_link_type (f->editor, link, RG_LINK_TYPE_CLARIFY);
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));
}

static void
test_remove_link (Fixture       *f,
                  gconstpointer  data)
{
  RgLink *first = add_link (f, RG_LINK_TYPE_AGREEMENT, f->s1, f->s2);
  g_autoptr(RgLink) middle = g_object_ref (add_link (f, RG_LINK_TYPE_DIVERGENCE, f->s2, f->s3));
  RgLink *last = add_link (f, RG_LINK_TYPE_COMPLEMENT, f->s3, f->s4);

  rg_session_editor_set_link_note (f->editor, middle, "À reprendre");
  rg_session_editor_remove_link (f->editor, middle);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Delete link");
  g_assert_cmpuint (n_links (f), ==, 2);
  g_assert_null (rg_session_find_link (f->session, rg_link_get_id (middle)));
  /* The statements stay */
  g_assert_nonnull (rg_session_find_statement (f->session, f->s2));
  g_assert_nonnull (rg_session_find_statement (f->session, f->s3));

  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (n_links (f), ==, 3);
  g_assert_true (link_at (f, 0) == first);
  g_assert_true (link_at (f, 1) == middle);
  g_assert_true (link_at (f, 2) == last);
  g_assert_cmpstr (rg_link_get_note (middle), ==, "À reprendre");
  g_assert_cmpuint (rg_link_get_n_members (middle), ==, 2);

  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_cmpuint (n_links (f), ==, 2);
  g_assert_true (link_at (f, 1) == last);
}

static void
test_term_from_link (Fixture       *f,
                     gconstpointer  data)
{
  const char *ids[] = { f->s1, f->s2, f->s3, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RgTerm) kept = NULL;
  const char * const *partners;
  RgLink *link;
  RgTerm *term;

  link = rg_session_editor_add_link (f->editor, RG_LINK_TYPE_CLARIFY, ids, &error);
  g_assert_no_error (error);
  rg_undo_stack_clear (f->undo);

  term = rg_session_editor_add_term_from_link (f->editor, link, "  décrochage ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (term);
  g_assert_cmpuint (n_terms (f), ==, 1);
  g_assert_true (rg_session_find_term (f->session, rg_term_get_id (term)) == term);
  g_assert_cmpstr (rg_term_get_word (term), ==, "décrochage");
  g_assert_cmpint (rg_term_get_status (term), ==, RG_TERM_STATUS_OPEN);
  g_assert_null (rg_term_get_agreed_meaning (term));

  /* One meaning per partner of the link, in the order of its statements,
   * from the texts of their statements in it */
  partners = rg_term_get_meaning_partners (term);
  g_assert_cmpuint (g_strv_length ((char **) partners), ==, 2);
  g_assert_cmpstr (partners[0], ==, rg_partner_get_id (f->teacher));
  g_assert_cmpstr (partners[1], ==, rg_partner_get_id (f->mother));
  g_assert_cmpstr (rg_term_get_meaning (term, rg_partner_get_id (f->teacher)), ==,
                   "Il est en décrochage depuis la Toussaint.\nNe rend plus ses devoirs.");
  g_assert_cmpstr (rg_term_get_meaning (term, rg_partner_get_id (f->mother)), ==,
                   "Il dit qu'il s'ennuie en classe.");
  g_assert_null (rg_term_get_meaning (term, rg_partner_get_id (f->educator)));

  /* The link points at the term, and stays an open link to clarify */
  g_assert_cmpstr (rg_link_get_term_id (link), ==, rg_term_get_id (term));
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_CLARIFY);
  g_assert_cmpint (rg_link_get_status (link), ==, RG_LINK_STATUS_OPEN);

  /* One step undoes it all, and redoes it all */
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Add word to glossary");
  kept = g_object_ref (term);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));
  g_assert_cmpuint (n_terms (f), ==, 0);
  g_assert_null (rg_link_get_term_id (link));

  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_cmpuint (n_terms (f), ==, 1);
  g_assert_true (rg_session_find_term (f->session, rg_term_get_id (kept)) == kept);
  g_assert_cmpstr (rg_link_get_term_id (link), ==, rg_term_get_id (kept));
  g_assert_cmpstr (rg_term_get_meaning (kept, rg_partner_get_id (f->mother)), ==,
                   "Il dit qu'il s'ennuie en classe.");
}

/* A word the glossary already has is not added twice: the link joins
 * that term, and only partners without a meaning get one. */
static void
test_term_from_link_existing_word (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(RgTerm) existing = rg_term_new ("Décrochage");
  g_autoptr(GError) error = NULL;
  RgLink *link;
  RgTerm *term;

  rg_term_set_meaning (existing, rg_partner_get_id (f->teacher), "Ne suit plus en classe");
  rg_session_add_term (f->session, existing);
  link = add_link (f, RG_LINK_TYPE_CLARIFY, f->s1, f->s2);
  rg_undo_stack_clear (f->undo);

  term = rg_session_editor_add_term_from_link (f->editor, link, "décrochage", &error);
  g_assert_no_error (error);
  g_assert_true (term == existing);
  g_assert_cmpuint (n_terms (f), ==, 1);
  g_assert_cmpstr (rg_term_get_word (term), ==, "Décrochage");
  g_assert_cmpstr (rg_term_get_meaning (term, rg_partner_get_id (f->teacher)), ==,
                   "Ne suit plus en classe");
  g_assert_cmpstr (rg_term_get_meaning (term, rg_partner_get_id (f->mother)), ==,
                   "Il dit qu'il s'ennuie en classe.");
  g_assert_cmpstr (rg_link_get_term_id (link), ==, rg_term_get_id (existing));

  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (n_terms (f), ==, 1);
  g_assert_null (rg_term_get_meaning (term, rg_partner_get_id (f->mother)));
  g_assert_cmpstr (rg_term_get_meaning (term, rg_partner_get_id (f->teacher)), ==,
                   "Ne suit plus en classe");
  g_assert_null (rg_link_get_term_id (link));

  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_cmpstr (rg_term_get_meaning (term, rg_partner_get_id (f->mother)), ==,
                   "Il dit qu'il s'ennuie en classe.");
  g_assert_cmpstr (rg_link_get_term_id (link), ==, rg_term_get_id (existing));
}

static void
test_term_from_link_refused (Fixture       *f,
                             gconstpointer  data)
{
  RgLink *agreement = add_link (f, RG_LINK_TYPE_AGREEMENT, f->s1, f->s2);
  RgLink *clarify = add_link (f, RG_LINK_TYPE_CLARIFY, f->s3, f->s4);
  GError *error = NULL;
  RgTerm *term;

  rg_undo_stack_clear (f->undo);

  g_assert_null (rg_session_editor_add_term_from_link (f->editor, agreement, "suivi", &error));
  g_assert_error (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_NOT_TO_CLARIFY);
  g_clear_error (&error);

  g_assert_null (rg_session_editor_add_term_from_link (f->editor, clarify, " \t", &error));
  g_assert_error (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_NO_WORD);
  g_clear_error (&error);

  g_assert_cmpuint (n_terms (f), ==, 0);
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));

  term = rg_session_editor_add_term_from_link (f->editor, clarify, "suivi", &error);
  g_assert_no_error (error);

  g_assert_null (rg_session_editor_add_term_from_link (f->editor, clarify, "accompagnement", &error));
  g_assert_error (error, RG_LINK_EDIT_ERROR, RG_LINK_EDIT_ERROR_ALREADY_IN_GLOSSARY);
  g_assert_nonnull (strstr (error->message, "“suivi”"));
  g_clear_error (&error);
  g_assert_cmpuint (n_terms (f), ==, 1);

  /* Once the term is gone from the glossary, the link may have another */
  rg_session_remove_term (f->session, term);
  term = rg_session_editor_add_term_from_link (f->editor, clarify, "accompagnement", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rg_link_get_term_id (clarify), ==, rg_term_get_id (term));
}

static RgSession *
save_and_load (RgSession *session)
{
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  RgSession *loaded = rg_session_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return loaded;
}

static RgSession *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rg_session_new_from_bytes (bytes, error);
}

/* The link's term is saved, loaded, and checked like every reference */
static void
test_term_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RgSession) loaded = NULL;
  g_autoptr(RgSession) without = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *attribute = NULL;
  g_autofree char *other = g_uuid_string_random ();
  g_autofree char *other_attribute = NULL;
  g_autofree char *dangling = NULL;
  g_autofree char *malformed = NULL;
  g_autoptr(RgSession) refused = NULL;
  g_autofree char *text = NULL;
  RgLink *plain = add_link (f, RG_LINK_TYPE_CLARIFY, f->s1, f->s4);
  RgLink *clarify = add_link (f, RG_LINK_TYPE_CLARIFY, f->s1, f->s2);
  RgLink *loaded_link;
  RgTerm *term;

  term = rg_session_editor_add_term_from_link (f->editor, clarify, "ennui", &error);
  g_assert_no_error (error);

  loaded = save_and_load (f->session);
  loaded_link = rg_session_find_link (loaded, rg_link_get_id (clarify));
  g_assert_nonnull (loaded_link);
  g_assert_cmpstr (rg_link_get_term_id (loaded_link), ==, rg_term_get_id (term));
  g_assert_nonnull (rg_session_find_term (loaded, rg_term_get_id (term)));
  g_assert_null (rg_link_get_term_id (rg_session_find_link (loaded, rg_link_get_id (plain))));

  /* Where the format says: after the status */
  bytes = rg_session_to_bytes (f->session);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  attribute = g_strdup_printf ("status=\"open\" term=\"%s\">", rg_term_get_id (term));
  g_assert_nonnull (strstr (text, attribute));

  /* A term that is not in the file is refused, as any reference */
  other_attribute = g_strdup_printf ("term=\"%s\"", other);
  {
    g_autofree char *from = g_strdup_printf ("term=\"%s\"", rg_term_get_id (term));
    g_auto(GStrv) parts = g_strsplit (text, from, -1);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    dangling = g_strjoinv (other_attribute, parts);
    malformed = g_strjoinv ("term=\"ennui\"", parts);
  }
  refused = load_text (dangling, &error);
  g_assert_null (refused);
  g_assert_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_DANGLING_REFERENCE);
  g_assert_nonnull (strstr (error->message, "glossary"));
  g_clear_error (&error);

  refused = load_text (malformed, &error);
  g_assert_null (refused);
  g_assert_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  /* A term removed from the glossary is not written, and the file loads */
  g_object_ref (term);
  rg_session_remove_term (f->session, term);
  g_assert_cmpstr (rg_link_get_term_id (clarify), ==, rg_term_get_id (term));
  without = save_and_load (f->session);
  g_assert_null (rg_link_get_term_id (rg_session_find_link (without, rg_link_get_id (clarify))));
  g_object_unref (term);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/session-editor-links/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add", test_add_link);
  ADD ("add/refused", test_add_link_refused);
  ADD ("change", test_change_link);
  ADD ("remove", test_remove_link);
  ADD ("term/new", test_term_from_link);
  ADD ("term/existing-word", test_term_from_link_existing_word);
  ADD ("term/refused", test_term_from_link_refused);
  ADD ("term/round-trip", test_term_round_trip);

#undef ADD

  return g_test_run ();
}
