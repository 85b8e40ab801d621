/* test-contribution.c — contributions asked, filled in and imported, on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-contribution.h"
#include "rg-document.h"
#include "rg-session-editor-links.h"
#include "rg-session-editor-paste.h"
#include "rg-session-xml.h"
#include "rg-test-cli.h"
#include "rg-test-utils.h"

static char *test_dir;

typedef struct
{
  char            *dir;
  RgSession       *session;
  RgSessionEditor *editor;
  RgUndoStack     *undo;
  RgPartner       *teacher;
  RgPartner       *mother;
  RgDimension     *school;
  RgDimension     *health;
  RgStatement     *mother_says;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  RgStatement *teacher_says;
  const char *ids[3] = { NULL, NULL, NULL };

  f->dir = g_strdup_printf ("%s/case-%u", test_dir, ++serial);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);

  f->session = rg_session_new ();
  rg_session_set_title (f->session, "Revue de situation");
  rg_session_set_situation_label (f->session, "Élève A., CM1");
  rg_session_set_person_names (f->session, (const char *[]) { "Adam Benali", NULL });
  f->editor = rg_session_editor_new (f->session);
  f->undo = rg_session_editor_get_undo_stack (f->editor);
  f->teacher = rg_session_editor_add_partner (f->editor, "Mme Roussel", "Enseignante", "École");
  f->mother = rg_session_editor_add_partner (f->editor, "Mme Benali", NULL, NULL);
  f->school = rg_session_editor_add_dimension (f->editor, "Scolarité");
  f->health = rg_session_editor_add_dimension (f->editor, "Santé");
  rg_session_editor_set (f->editor, NULL, f->school, "synthesis", "Synthèse de l’équipe");
  f->mother_says = rg_session_editor_add_statement (f->editor, f->mother, f->school, NULL,
                                                    RG_STATEMENT_KIND_FACT, "Secret de la mère");
  teacher_says = rg_session_editor_add_statement (f->editor, f->teacher, f->school, NULL,
                                                  RG_STATEMENT_KIND_DIFFICULTY, "Lit lentement");
  ids[0] = rg_statement_get_id (f->mother_says);
  ids[1] = rg_statement_get_id (teacher_says);
  g_assert_nonnull (rg_session_editor_add_link (f->editor, RG_LINK_TYPE_DIVERGENCE, ids, &error));
  g_assert_no_error (error);
  rg_undo_stack_clear (f->undo);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->editor);
  g_assert_finalize_object (f->session);
  g_free (f->dir);
}

static GFile *
fixture_file (Fixture    *f,
              const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return g_file_new_for_path (path);
}

static void
save_session (RgSession *session,
              GFile     *file)
{
  g_autoptr(RgDocument) document = rg_document_new (session, file);
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);
}

/* Asks @partner for a contribution, written to @name; returns the file */
static GFile *
ask (Fixture    *f,
     RgPartner  *partner,
     const char *name)
{
  g_autoptr(RgSession) contribution = rg_contribution_new (f->session, partner);
  GFile *file = fixture_file (f, name);

  save_session (contribution, file);
  return file;
}

static RgDocument *
open_document (GFile *file)
{
  g_autoptr(GError) error = NULL;
  RgDocument *document = rg_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Adds a statement to the contribution in @file, as the partner does
 * in Regards, and saves it in place. */
static char *
fill (GFile           *file,
      RgStatementKind  kind,
      const char      *dimension_name,
      const char      *text)
{
  g_autoptr(RgDocument) document = open_document (file);
  RgSession *contribution = rg_document_get_session (document);
  g_autoptr(RgSessionEditor) editor = rg_session_editor_new (contribution);
  g_autoptr(GError) error = NULL;
  GListModel *dimensions = rg_session_get_dimensions (contribution);
  g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (contribution), 0);
  RgStatement *statement = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      if (g_str_equal (rg_dimension_get_name (dimension), dimension_name))
        statement = rg_session_editor_add_statement (editor, partner, dimension, NULL, kind, text);
    }
  g_assert_nonnull (statement);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return g_strdup (rg_statement_get_id (statement));
}

static RgContributionReport *
import (Fixture *f,
        GFile   *file)
{
  RgContributionReport *report = rg_contribution_import (f->editor, &file, 1, NULL);

  g_assert_nonnull (report);
  return report;
}

static void
assert_counts (RgContributionReport *report,
               guint                 added,
               guint                 updated,
               guint                 unchanged,
               guint                 skipped)
{
  g_assert_cmpuint (rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_ADDED), ==, added);
  g_assert_cmpuint (rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_UPDATED), ==, updated);
  g_assert_cmpuint (rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_UNCHANGED), ==, unchanged);
  g_assert_cmpuint (rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_SKIPPED), ==, skipped);
  g_assert_cmpuint (g_list_model_get_n_items (rg_contribution_report_get_items (report)), ==,
                    added + updated + unchanged + skipped);
}

/* The item of @report at @index */
static RgContributionItem *
item_at (RgContributionReport *report,
         guint                 index)
{
  g_autoptr(RgContributionItem) item = g_list_model_get_item (rg_contribution_report_get_items (report), index);

  return item;
}

static void
assert_reason_contains (RgContributionItem *item,
                        const char         *part)
{
  g_assert_nonnull (rg_contribution_item_get_reason (item));
  if (strstr (rg_contribution_item_get_reason (item), part) == NULL)
    g_error ("“%s” does not say “%s”", rg_contribution_item_get_reason (item), part);
}

static void
test_contribution_holds_only_its_partner (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GFile) file = ask (f, f->teacher, "roussel.regards");
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(RgDocument) document = open_document (file);
  RgSession *contribution = rg_document_get_session (document);
  g_autoptr(RgDimension) school = NULL;
  g_autoptr(RgStatement) statement = NULL;

  g_assert_cmpint (rg_session_get_kind (contribution), ==, RG_SESSION_KIND_CONTRIBUTION);
  g_assert_cmpstr (rg_session_get_contributor_id (contribution), ==, rg_partner_get_id (f->teacher));
  g_assert_cmpstr (rg_session_get_id (contribution), ==, rg_session_get_id (f->session));
  g_assert_cmpstr (rg_session_get_title (contribution), ==, "Revue de situation");
  g_assert_cmpstr (rg_session_get_situation_id (contribution), ==, rg_session_get_situation_id (f->session));
  g_assert_cmpstr (rg_session_get_situation_label (contribution), ==, "Élève A., CM1");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (contribution)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_dimensions (contribution)), ==, 2);
  school = g_list_model_get_item (rg_session_get_dimensions (contribution), 0);
  g_assert_cmpstr (rg_dimension_get_name (school), ==, "Scolarité");
  g_assert_null (rg_dimension_get_synthesis (school));

  /* The partner's own statement is there to revise; nothing else is. */
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (contribution)), ==, 1);
  statement = g_list_model_get_item (rg_session_get_statements (contribution), 0);
  g_assert_cmpstr (rg_statement_get_text (statement), ==, "Lit lentement");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (contribution)), ==, 0);

  /* Nothing of the other partners, nor the names of the persons */
  g_assert_null (strstr (text, "Benali"));
  g_assert_null (strstr (text, "Secret"));
  g_assert_null (strstr (text, "Synthèse"));
  g_assert_nonnull (strstr (text, "kind=\"contribution\""));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = ask (f, f->teacher, "roussel.regards");
  g_autofree char *first = fill (file, RG_STATEMENT_KIND_FACT, "Scolarité", "Arrive en retard le lundi");
  g_autofree char *second = fill (file, RG_STATEMENT_KIND_RESOURCE, "Santé", "Fait du sport");
  g_autoptr(RgContributionReport) report = NULL;
  g_autoptr(RgContributionReport) again = NULL;
  g_autoptr(GPtrArray) cell = NULL;
  guint n_statements = g_list_model_get_n_items (rg_session_get_statements (f->session));
  RgStatement *added;

  report = import (f, file);
  /* The statement the contribution was made with is there already. */
  assert_counts (report, 2, 0, 1, 0);
  g_assert_cmpuint (rg_contribution_report_get_n_files (report), ==, 1);
  g_assert_cmpint (rg_contribution_item_get_outcome (item_at (report, 1)), ==, RG_CONTRIBUTION_OUTCOME_ADDED);
  g_assert_cmpstr (rg_contribution_item_get_text (item_at (report, 1)), ==, "Arrive en retard le lundi");
  g_assert_cmpstr (rg_contribution_item_get_partner (item_at (report, 1)), ==, "Mme Roussel");
  g_assert_cmpstr (rg_contribution_item_get_dimension (item_at (report, 1)), ==, "Scolarité");
  g_assert_cmpstr (rg_contribution_item_get_file_name (item_at (report, 1)), ==, "roussel.regards");
  g_assert_null (rg_contribution_item_get_reason (item_at (report, 1)));
  assert_reason_contains (item_at (report, 0), "Already");

  /* In the partner's column, same ids, after what was there */
  added = rg_session_find_statement (f->session, first);
  g_assert_nonnull (added);
  g_assert_cmpstr (rg_statement_get_partner_id (added), ==, rg_partner_get_id (f->teacher));
  cell = rg_session_editor_list_cell (f->editor, rg_partner_get_id (f->teacher), rg_dimension_get_id (f->school));
  g_assert_cmpuint (cell->len, ==, 2);
  g_assert_true (g_ptr_array_index (cell, 1) == added);
  g_assert_cmpint (rg_statement_get_kind (rg_session_find_statement (f->session, second)), ==,
                   RG_STATEMENT_KIND_RESOURCE);

  /* One undoable step */
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Import contributions");
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (f->session)), ==, n_statements);
  g_assert_true (rg_undo_stack_redo (f->undo));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (f->session)), ==, n_statements + 2);

  /* Importing the same file again adds nothing, and records no step */
  again = import (f, file);
  assert_counts (again, 0, 0, 3, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (rg_contribution_item_get_outcome (item_at (again, i)), ==,
                       RG_CONTRIBUTION_OUTCOME_UNCHANGED);
      assert_reason_contains (item_at (again, i), "Already in the session");
    }
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (f->session)), ==, n_statements + 2);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));
}

/* Writing a contribution is recorded as asked, importing it as
 * received, each undoably; a contribution file carries neither. */
static void
test_asked_and_received (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = ask (f, f->teacher, "roussel.regards");
  g_autofree char *today = rg_date_new_today ();
  g_autoptr(RgContributionReport) report = NULL;
  g_autoptr(RgContributionReport) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  rg_contribution_record_asked (f->editor, f->teacher);
  g_assert_cmpstr (rg_partner_get_contribution_asked (f->teacher), ==, today);
  g_assert_null (rg_partner_get_contribution_received (f->teacher));
  g_assert_null (rg_partner_get_contribution_asked (f->mother));
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Ask for a contribution");

  /* Asked again the same day: nothing more to undo */
  rg_contribution_record_asked (f->editor, f->teacher);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_partner_get_contribution_asked (f->teacher));
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));
  g_assert_true (rg_undo_stack_redo (f->undo));

  /* The file written before the request knows nothing of it */
  bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_null (strstr (text, "contribution-asked"));

  /* Imported with nothing new in it: received all the same, in the
   * import's one step */
  report = import (f, file);
  assert_counts (report, 0, 0, 1, 0);
  g_assert_cmpstr (rg_partner_get_contribution_received (f->teacher), ==, today);
  g_assert_cmpstr (rg_partner_get_contribution_asked (f->teacher), ==, today);
  g_assert_null (rg_partner_get_contribution_received (f->mother));
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Import contributions");
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_partner_get_contribution_received (f->teacher));
  g_assert_true (rg_undo_stack_redo (f->undo));

  /* Again: the day stays, and no step is recorded */
  again = import (f, file);
  g_assert_cmpstr (rg_partner_get_contribution_received (f->teacher), ==, today);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_partner_get_contribution_received (f->teacher));
}

/* Sets what a statement of the contribution in @file says, and when */
static void
revise (GFile      *file,
        const char *id,
        const char *text,
        GDateTime  *when)
{
  g_autoptr(RgDocument) document = open_document (file);
  RgStatement *statement = rg_session_find_statement (rg_document_get_session (document), id);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (statement);
  rg_statement_set_text (statement, text);
  rg_statement_set_changed (statement, when);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);
}

static void
test_changed_statement_updated (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GFile) file = ask (f, f->teacher, "roussel.regards");
  g_autofree char *id = fill (file, RG_STATEMENT_KIND_FACT, "Scolarité", "Arrive en retard");
  g_autoptr(RgContributionReport) first = import (f, file);
  g_autoptr(RgContributionReport) second = NULL;
  g_autoptr(RgContributionReport) third = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 5);
  g_autoptr(GDateTime) much_later = g_date_time_add_minutes (now, 60);
  RgStatement *statement = rg_session_find_statement (f->session, id);
  guint n_statements = g_list_model_get_n_items (rg_session_get_statements (f->session));

  assert_counts (first, 1, 0, 1, 0);

  /* The partner revises it afterwards: the session follows */
  revise (file, id, "Arrive en retard le lundi et le jeudi", later);
  second = import (f, file);
  assert_counts (second, 0, 1, 1, 0);
  g_assert_cmpint (rg_contribution_item_get_outcome (item_at (second, 1)), ==, RG_CONTRIBUTION_OUTCOME_UPDATED);
  g_assert_cmpstr (rg_contribution_item_get_text (item_at (second, 1)), ==, "Arrive en retard le lundi et le jeudi");
  assert_reason_contains (item_at (second, 1), "Arrive en retard");
  g_assert_cmpstr (rg_statement_get_text (statement), ==, "Arrive en retard le lundi et le jeudi");
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (f->session)), ==, n_statements);

  /* Undo gives the old wording back */
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpstr (rg_statement_get_text (statement), ==, "Arrive en retard");
  g_assert_true (rg_undo_stack_redo (f->undo));

  /* The team rewords it in the session after the partner's last
   * change: a stale version of the contribution does not undo that. */
  rg_session_editor_set (f->editor, NULL, statement, "text", "Retards fréquents");
  rg_statement_set_changed (statement, much_later);
  revise (file, id, "Arrive en retard, parfois", later);
  third = import (f, file);
  assert_counts (third, 0, 0, 1, 1);
  g_assert_cmpstr (rg_contribution_item_get_text (item_at (third, 1)), ==, "Arrive en retard, parfois");
  assert_reason_contains (item_at (third, 1), "session’s wording is kept");
  g_assert_cmpstr (rg_statement_get_text (statement), ==, "Retards fréquents");
}

static void
test_tampered_contribution (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = ask (f, f->teacher, "roussel.regards");
  g_autoptr(RgDocument) document = open_document (file);
  RgSession *contribution = rg_document_get_session (document);
  g_autoptr(RgSessionEditor) editor = rg_session_editor_new (contribution);
  g_autoptr(RgContributionReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgPartner) teacher = g_list_model_get_item (rg_session_get_partners (contribution), 0);
  g_autoptr(RgDimension) school = g_list_model_get_item (rg_session_get_dimensions (contribution), 0);
  RgPartner *impostor;
  RgDimension *invented;
  RgStatement *forged, *lost, *fine;
  guint n_statements = g_list_model_get_n_items (rg_session_get_statements (f->session));

  /* Someone adds a partner, a statement in their name, a dimension the
   * session does not have, a link and a synthesis. */
  impostor = rg_session_editor_add_partner (editor, "M. Autre", NULL, NULL);
  forged = rg_session_editor_add_statement (editor, impostor, school, NULL, RG_STATEMENT_KIND_FACT, "Faux");
  invented = rg_session_editor_add_dimension (editor, "Inventée");
  lost = rg_session_editor_add_statement (editor, teacher, invented, NULL, RG_STATEMENT_KIND_FACT, "Ailleurs");
  fine = rg_session_editor_add_statement (editor, teacher, school, NULL, RG_STATEMENT_KIND_FACT, "Bien");
  g_assert_nonnull (rg_session_editor_add_link (editor, RG_LINK_TYPE_AGREEMENT,
                                                (const char *[]) { rg_statement_get_id (forged),
                                                                   rg_statement_get_id (fine), NULL },
                                                &error));
  rg_session_editor_set (editor, NULL, school, "synthesis", "Décidé seul");
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  report = import (f, file);

  /* Only the partner's statement in a known dimension comes in */
  assert_counts (report, 1, 0, 1, 4);
  g_assert_nonnull (rg_session_find_statement (f->session, rg_statement_get_id (fine)));
  g_assert_null (rg_session_find_statement (f->session, rg_statement_get_id (forged)));
  g_assert_null (rg_session_find_statement (f->session, rg_statement_get_id (lost)));
  g_assert_null (rg_session_find_partner (f->session, rg_partner_get_id (impostor)));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (f->session)), ==, n_statements + 1);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (f->session)), ==, 1);
  g_assert_cmpstr (rg_dimension_get_synthesis (f->school), ==, "Synthèse de l’équipe");

  /* In the file's order: the original statement, the partner's new
   * one (added in its cell), the forged one, the one elsewhere… */
  assert_reason_contains (item_at (report, 0), "Already");
  g_assert_cmpint (rg_contribution_item_get_outcome (item_at (report, 1)), ==, RG_CONTRIBUTION_OUTCOME_ADDED);
  g_assert_cmpstr (rg_contribution_item_get_text (item_at (report, 2)), ==, "Faux");
  g_assert_cmpstr (rg_contribution_item_get_partner (item_at (report, 2)), ==, "M. Autre");
  assert_reason_contains (item_at (report, 2), "another partner, M. Autre");
  assert_reason_contains (item_at (report, 3), "“Inventée” is not");
  /* …then what only the session holds */
  g_assert_cmpstr (rg_contribution_item_get_text (item_at (report, 4)), ==, "Décidé seul");
  assert_reason_contains (item_at (report, 4), "synthesis");
  g_assert_cmpstr (rg_contribution_item_get_text (item_at (report, 5)), ==, "1 link between statements");
}

static void
test_statement_of_another_partner_with_same_id (Fixture       *f,
                                                gconstpointer  data)
{
  g_autoptr(GFile) file = ask (f, f->teacher, "roussel.regards");
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(RgContributionReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) own_cell = rg_session_editor_list_cell (f->editor, rg_partner_get_id (f->teacher), NULL);
  RgStatement *own = g_ptr_array_index (own_cell, 0);

  /* The partner's statement, given by hand the id of the mother's */
  g_assert_cmpuint (g_string_replace (text, rg_statement_get_id (own), rg_statement_get_id (f->mother_says), 0),
                    ==, 1);
  g_string_replace (text, "Lit lentement", "Réécrit", 0);
  g_assert_true (g_file_replace_contents (file, text->str, text->len, NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);

  report = import (f, file);
  assert_counts (report, 0, 0, 0, 1);
  assert_reason_contains (item_at (report, 0), "altered");
  g_assert_cmpstr (rg_statement_get_text (f->mother_says), ==, "Secret de la mère");
  g_assert_cmpstr (rg_statement_get_partner_id (f->mother_says), ==, rg_partner_get_id (f->mother));
}

static void
test_files_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) good = ask (f, f->mother, "benali.regards");
  g_autoptr(GFile) session_file = fixture_file (f, "session.regards");
  g_autoptr(GFile) damaged = fixture_file (f, "damaged.regards");
  g_autoptr(GFile) missing = fixture_file (f, "missing.regards");
  g_autoptr(GFile) other_session = fixture_file (f, "other-session.regards");
  g_autoptr(GFile) other_situation = fixture_file (f, "other-situation.regards");
  g_autoptr(GFile) gone_partner = fixture_file (f, "gone-partner.regards");
  g_autoptr(GFile) nobody = fixture_file (f, "nobody.regards");
  g_autoptr(RgSession) next = rg_session_new ();
  g_autoptr(RgSessionEditor) next_editor = rg_session_editor_new (next);
  g_autoptr(RgSession) elsewhere = rg_session_new ();
  g_autoptr(RgSessionEditor) elsewhere_editor = rg_session_editor_new (elsewhere);
  g_autoptr(RgSession) contribution = NULL;
  g_autoptr(RgContributionReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = fill (good, RG_STATEMENT_KIND_FACT, "Santé", "Dort mal");
  GFile *files[8];
  RgPartner *partner;

  save_session (f->session, session_file);
  g_assert_true (g_file_replace_contents (damaged, "<session", 8, NULL, FALSE, 0, NULL, NULL, &error));

  /* The next session of the same situation */
  rg_session_set_situation_id (next, rg_session_get_situation_id (f->session));
  rg_session_set_title (next, "Revue suivante");
  rg_session_set_date (next, "2026-01-15");
  partner = rg_session_editor_add_partner (next_editor, "Mme Roussel", NULL, NULL);
  contribution = rg_contribution_new (next, partner);
  save_session (contribution, other_session);
  g_clear_object (&contribution);

  partner = rg_session_editor_add_partner (elsewhere_editor, "M. Durand", NULL, NULL);
  rg_session_set_situation_label (elsewhere, "Élève B., CE2");
  contribution = rg_contribution_new (elsewhere, partner);
  save_session (contribution, other_situation);
  g_clear_object (&contribution);

  /* A contribution that does not say whose it is */
  contribution = rg_contribution_new (f->session, f->teacher);
  rg_session_set_contributor_id (contribution, NULL);
  save_session (contribution, nobody);
  g_clear_object (&contribution);

  /* A partner removed from the session since they were asked */
  partner = rg_session_editor_add_partner (f->editor, "M. Parti", NULL, NULL);
  contribution = rg_contribution_new (f->session, partner);
  save_session (contribution, gone_partner);
  rg_session_editor_remove_partner (f->editor, partner);

  files[0] = session_file;
  files[1] = damaged;
  files[2] = missing;
  files[3] = other_session;
  files[4] = other_situation;
  files[5] = gone_partner;
  files[6] = nobody;
  files[7] = good;
  report = rg_contribution_import (f->editor, files, G_N_ELEMENTS (files), NULL);

  /* Each refusal says why; the good file still comes in */
  assert_counts (report, 1, 0, 1, 7);
  g_assert_cmpuint (rg_contribution_report_get_n_files (report), ==, 1);
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);

      g_assert_cmpstr (rg_contribution_item_get_file_name (item_at (report, i)), ==, name);
      g_assert_null (rg_contribution_item_get_text (item_at (report, i)));
    }
  assert_reason_contains (item_at (report, 0), "is a session, not a partner’s contribution");
  g_assert_nonnull (rg_contribution_item_get_reason (item_at (report, 1)));
  g_assert_nonnull (rg_contribution_item_get_reason (item_at (report, 2)));
  assert_reason_contains (item_at (report, 3), "another session of the situation, “Revue suivante” of 2026-01-15");
  assert_reason_contains (item_at (report, 4), "another situation, “Élève B., CE2”");
  assert_reason_contains (item_at (report, 5), "M. Parti, whom this contribution is from");
  assert_reason_contains (item_at (report, 6), "does not say which partner it is from");
  g_assert_nonnull (rg_session_find_statement (f->session, id));
}

typedef struct
{
  RgContributionReport *report;
  gboolean              done;
  gpointer              task;   /* until the worker lets it go */
} AsyncImport;

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncImport *state = user_data;
  g_autoptr(GError) error = NULL;

  state->report = rg_contribution_import_finish (RG_SESSION_EDITOR (object), result, &error);
  g_assert_no_error (error);
  state->done = TRUE;
  state->task = result;
  g_object_add_weak_pointer (G_OBJECT (result), &state->task);
}

static void
test_import_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) teacher_file = ask (f, f->teacher, "roussel.regards");
  g_autoptr(GFile) mother_file = ask (f, f->mother, "benali.regards");
  g_autofree char *a = fill (teacher_file, RG_STATEMENT_KIND_FACT, "Santé", "Fatigué le matin");
  g_autofree char *b = fill (mother_file, RG_STATEMENT_KIND_PROPOSAL, "Santé", "Voir l’infirmière");
  GFile *files[] = { teacher_file, mother_file };
  AsyncImport state = { NULL, FALSE, NULL };
  g_autoptr(GPtrArray) mother_cell = NULL;

  rg_contribution_import_async (f->editor, files, 2, NULL, import_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  /* The task holds the editor until the worker thread drops it */
  while (g_atomic_pointer_get (&state.task) != NULL)
    g_main_context_iteration (NULL, FALSE);

  assert_counts (state.report, 2, 0, 2, 0);
  g_assert_cmpuint (rg_contribution_report_get_n_files (state.report), ==, 2);
  mother_cell = rg_session_editor_list_cell (f->editor, rg_partner_get_id (f->mother),
                                             rg_dimension_get_id (f->health));
  g_assert_cmpuint (mother_cell->len, ==, 1);
  g_assert_cmpstr (rg_statement_get_id (g_ptr_array_index (mother_cell, 0)), ==, b);
  g_assert_nonnull (rg_session_find_statement (f->session, a));

  /* Both files, one step */
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_null (rg_session_find_statement (f->session, a));
  g_assert_null (rg_session_find_statement (f->session, b));
  g_object_unref (state.report);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GFile) session_file = fixture_file (f, "session.regards");
  g_autoptr(GFile) contribution_file = fixture_file (f, "roussel.regards");
  g_autoptr(GFile) damaged = fixture_file (f, "damaged.regards");
  g_autoptr(RgDocument) contribution = NULL;
  g_autoptr(RgDocument) on_disk = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *id = NULL;
  g_autofree char *today = rg_date_new_today ();

  save_session (f->session, session_file);

  /* The partner by name, whatever the letter case */
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, f->dir, "contribution", "--partner", "mme roussel", "-o", "roussel.regards",
                     "session.regards", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "roussel.regards\n");
    contribution = open_document (contribution_file);
    g_assert_cmpint (rg_session_get_kind (rg_document_get_session (contribution)), ==,
                     RG_SESSION_KIND_CONTRIBUTION);
  }

  /* The session file remembers whom it asked, and when */
  {
    g_autoptr(RgDocument) asked = open_document (session_file);
    RgSession *session = rg_document_get_session (asked);
    RgPartner *teacher = rg_session_find_partner (session, rg_partner_get_id (f->teacher));
    RgPartner *mother = rg_session_find_partner (session, rg_partner_get_id (f->mother));

    g_assert_cmpstr (rg_partner_get_contribution_asked (teacher), ==, today);
    g_assert_null (rg_partner_get_contribution_received (teacher));
    g_assert_null (rg_partner_get_contribution_asked (mother));
  }

  /* Never over a file; never for someone not a partner */
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, f->dir, "contribution", "-p", "Mme Roussel", "-o", "session.regards",
                     "session.regards", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "exists already"));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, f->dir, "contribution", "-p", "M. Personne", "-o", "x.regards",
                     "session.regards", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "Mme Roussel, Mme Benali"));
  }

  /* Filled in, then imported: the session file gets the statement */
  id = fill (contribution_file, RG_STATEMENT_KIND_FACT, "Santé", "Fatigué le lundi");
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, f->dir, "import-contributions", "session.regards", "roussel.regards", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Added: roussel.regards · Mme Roussel · Santé: “Fatigué le lundi”\n"));
    g_assert_nonnull (strstr (run.out, "Unchanged: roussel.regards · Mme Roussel · Scolarité: “Lit lentement”"));
    g_assert_nonnull (strstr (run.out, "Added: 1 · Updated: 0 · Skipped: 0\n"));
  }
  on_disk = open_document (session_file);
  g_assert_nonnull (rg_session_find_statement (rg_document_get_session (on_disk), id));
  {
    RgSession *session = rg_document_get_session (on_disk);
    RgPartner *teacher = rg_session_find_partner (session, rg_partner_get_id (f->teacher));

    g_assert_cmpstr (rg_partner_get_contribution_asked (teacher), ==, today);
    g_assert_cmpstr (rg_partner_get_contribution_received (teacher), ==, today);
  }

  /* Again: nothing new, the file is not rewritten; a damaged file is
   * listed with why, and the status says so */
  before = g_file_load_bytes (session_file, NULL, NULL, NULL);
  g_assert_true (g_file_replace_contents (damaged, "<session", 8, NULL, FALSE, 0, NULL, NULL, NULL));
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, f->dir, "import-contributions", "session.regards", "roussel.regards",
                     "damaged.regards", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "Skipped: damaged.regards — "));
    g_assert_nonnull (strstr (run.out, "Added: 0 · Updated: 0 · Skipped: 1\n"));
  }
  after = g_file_load_bytes (session_file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (before, after));

  /* Usage errors */
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, f->dir, "import-contributions", "session.regards", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
assert_paragraphs (const char         *text,
                   const char * const *expected)
{
  g_auto(GStrv) paragraphs = rg_text_split_paragraphs (text);

  g_assert_cmpstrv (paragraphs, expected);
}

static void
test_split_paragraphs (void)
{
  /* One line each, as a word processor copies them */
  assert_paragraphs ("Lit lentement.\r\nOublie ses affaires.\n\n", (const char *[]) {
                       "Lit lentement.", "Oublie ses affaires.", NULL });
  /* Wrapped by hand, blank lines between */
  assert_paragraphs ("Arrive souvent en retard,\nsurtout le lundi.\n\n  \nAime le dessin.\n",
                     (const char *[]) { "Arrive souvent en retard, surtout le lundi.", "Aime le dessin.", NULL });
  /* List marks go, dashes inside stay */
  assert_paragraphs ("• Sommeil difficile\n- Suivi médical — à voir\n* Sport\n-5 °C", (const char *[]) {
                       "Sommeil difficile", "Suivi médical — à voir", "Sport", "-5 °C", NULL });
  assert_paragraphs ("  \n\n ", (const char *[]) { NULL });
  assert_paragraphs ("Une seule phrase", (const char *[]) { "Une seule phrase", NULL });
}

static void
test_paste_statements (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) none = NULL;
  RgStatement *first = rg_session_editor_add_statement (f->editor, f->mother, f->health, NULL,
                                                        RG_STATEMENT_KIND_FACT, "Premier");
  RgStatement *last = rg_session_editor_add_statement (f->editor, f->mother, f->health, NULL,
                                                       RG_STATEMENT_KIND_FACT, "Dernier");

  added = rg_session_editor_paste_statements (f->editor, f->mother, f->health, first,
                                              "Dort mal.\n\nMange peu,\nle soir surtout.\n");
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Paste statements");

  cell = rg_session_editor_list_cell (f->editor, rg_partner_get_id (f->mother), rg_dimension_get_id (f->health));
  g_assert_cmpuint (cell->len, ==, 4);
  g_assert_true (g_ptr_array_index (cell, 0) == first);
  g_assert_cmpstr (rg_statement_get_text (g_ptr_array_index (cell, 1)), ==, "Dort mal.");
  g_assert_cmpstr (rg_statement_get_text (g_ptr_array_index (cell, 2)), ==, "Mange peu, le soir surtout.");
  g_assert_true (g_ptr_array_index (cell, 3) == last);
  g_assert_cmpint (rg_statement_get_kind (g_ptr_array_index (cell, 1)), ==, RG_STATEMENT_KIND_FACT);

  /* One step to undo */
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (rg_session_editor_count_statements (f->editor, rg_partner_get_id (f->mother),
                                                        rg_dimension_get_id (f->health)), ==, 2);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Add statement");

  /* Nothing to paste adds nothing, and no step */
  none = rg_session_editor_paste_statements (f->editor, f->mother, f->health, NULL, " \n\n");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Add statement");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();
  int result;

  g_test_init (&argc, &argv, NULL);
  test_dir = g_build_filename (root, "files", NULL);

#define ADD(path, func) \
  g_test_add ("/contribution/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("holds-only-its-partner", test_contribution_holds_only_its_partner);
  ADD ("round-trip", test_round_trip);
  ADD ("asked-and-received", test_asked_and_received);
  ADD ("changed-statement-updated", test_changed_statement_updated);
  ADD ("tampered", test_tampered_contribution);
  ADD ("same-id-as-another-partner", test_statement_of_another_partner_with_same_id);
  ADD ("files-refused", test_files_refused);
  ADD ("import-async", test_import_async);
  ADD ("paste-statements", test_paste_statements);
  ADD ("cli", test_cli);
#undef ADD
  g_test_add_func ("/contribution/split-paragraphs", test_split_paragraphs);

  result = g_test_run ();
  g_free (test_dir);

  return result;
}
