/* test-cli.c — regards-cli validate, new and show, run as a user would
 *
 * Each test spawns the built regards-cli and checks its exit status and
 * what it prints against what the core says of the same files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rg-contribution.h"
#include "rg-document.h"
#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-template.h"
#include "rg-test-cli.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

/* A temporary folder of the test program, the current one of every run */
static char *work_dir;

static char *
source_path (const char *first,
             ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (char *) g_getenv ("REGARDS_SOURCE_ROOT"));
  g_assert_nonnull (parts->pdata[0]);
  g_ptr_array_add (parts, (char *) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static RgSession *
load_file (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, NULL, NULL, error);

  if (bytes == NULL)
    return NULL;

  return rg_session_new_from_bytes (bytes, error);
}

static void
test_validate_valid (void)
{
  g_autofree char *example = source_path ("data", "examples", "exemple-eleve-a.regards", NULL);
  g_autofree char *valid = source_path ("tests", "data", "format", "valid.regards", NULL);
  g_auto(RgTestRun) run = { 0 };
  g_auto(RgTestRun) verbose = { 0 };
  g_autofree char *expected = NULL;

  rg_test_run_cli (&run, work_dir, "validate", example, valid, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");

  rg_test_run_cli (&verbose, work_dir, "validate", "--verbose", example, NULL);
  g_assert_cmpint (verbose.status, ==, 0);
  expected = g_strdup_printf ("%s: valid\n", example);
  g_assert_cmpstr (verbose.out, ==, expected);
}

/* Every bad fixture: status 1, and exactly one line “PATH: reason” with
 * the reason the core gives for the same file. */
static void
test_validate_invalid (void)
{
  static const char * const fixtures[] = {
    "dangling-reference.regards",
    "doctype-entities.regards",
    "duplicate-id.regards",
    "impossible-date.regards",
    "invalid-utf8.regards",
    "missing-id.regards",
    "newer-version.regards",
    "not-xml.regards",
    "truncated.regards",
    "unknown-link-type.regards",
    "unknown-version.regards",
    "wrong-namespace.regards",
    "wrong-root.regards",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = source_path ("tests", "data", "format", fixtures[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(RgSession) session = load_file (path, &error);
      g_autofree char *expected = NULL;
      g_auto(RgTestRun) run = { 0 };

      g_assert_null (session);
      g_assert_error (error, RG_FORMAT_ERROR, error->code);
      g_assert_cmpstr (error->message, !=, "");

      rg_test_run_cli (&run, work_dir, "validate", path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      expected = g_strdup_printf ("%s: %s\n", path, error->message);
      g_assert_cmpstr (run.err, ==, expected);
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_validate_mixed (void)
{
  g_autofree char *example = source_path ("data", "examples", "exemple-eleve-a.regards", NULL);
  g_autofree char *truncated = source_path ("tests", "data", "format", "truncated.regards", NULL);
  g_autofree char *wrong_root = source_path ("tests", "data", "format", "wrong-root.regards", NULL);
  g_autofree char *missing = g_build_filename (work_dir, "missing.regards", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(RgTestRun) run = { 0 };

  rg_test_run_cli (&run, work_dir, "validate", truncated, example, wrong_root, missing, NULL);
  g_assert_cmpint (run.status, ==, 1);

  /* One line per bad file, in the order given, none for the good one */
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], truncated));
  g_assert_nonnull (strstr (lines[0], "damaged or incomplete"));
  g_assert_true (g_str_has_prefix (lines[1], wrong_root));
  g_assert_nonnull (strstr (lines[1], "not a Regards session"));
  g_assert_true (g_str_has_prefix (lines[2], missing));
  g_assert_nonnull (strstr (lines[2], "does not exist"));
  g_assert_cmpstr (lines[3], ==, "");
}

static void
test_validate_usage (void)
{
  g_auto(RgTestRun) none = { 0 };
  g_auto(RgTestRun) unknown = { 0 };

  rg_test_run_cli (&none, work_dir, "validate", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpstr (none.err, !=, "");

  rg_test_run_cli (&unknown, work_dir, "validate", "--no-such-option", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
}

static GPtrArray *
dimension_names (RgSession *session)
{
  GListModel *dimensions = rg_session_get_dimensions (session);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      g_ptr_array_add (names, g_strdup (rg_dimension_get_name (dimension)));
    }

  return names;
}

static void
test_new_from_each_template (void)
{
  const char * const *ids = rg_template_get_ids ();

  g_assert_cmpuint (g_strv_length ((char **) ids), >, 0);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("new-", ids[i], ".regards", NULL);
      g_autofree char *path = g_build_filename (work_dir, name, NULL);
      g_autofree char *title = g_strdup_printf ("Revue « %s » — Élève B.", ids[i]);
      g_autoptr(RgSession) reference = rg_session_new_from_template (ids[i], "x", NULL);
      g_autoptr(RgSession) session = NULL;
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) written = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *today = rg_date_new_today ();
      g_auto(RgTestRun) run = { 0 };
      g_auto(RgTestRun) check = { 0 };
      GStatBuf st;

      /* A relative name, resolved against the current folder */
      rg_test_run_cli (&run, work_dir, "new", "--template", ids[i], "--title", title, "-o", name, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);

      rg_test_run_cli (&check, work_dir, "validate", path, NULL);
      g_assert_cmpint (check.status, ==, 0);

      session = load_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rg_session_get_title (session), ==, title);
      g_assert_cmpstr (rg_session_get_date (session), ==, today);
      g_assert_cmpint (rg_session_get_status (session), ==, RG_SESSION_STATUS_PREPARING);

      /* The template's dimensions, in its order */
      expected = dimension_names (reference);
      written = dimension_names (session);
      g_assert_cmpuint (written->len, >, 0);
      g_assert_cmpuint (written->len, ==, expected->len);
      for (guint d = 0; d < expected->len; d++)
        g_assert_cmpstr (written->pdata[d], ==, expected->pdata[d]);

      g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_categories (session)), ==,
                        g_list_model_get_n_items (rg_session_get_categories (reference)));
    }
}

static void
test_new_default_template (void)
{
  g_autofree char *path = g_build_filename (work_dir, "new-default.regards", NULL);
  g_autoptr(RgSession) reference = rg_session_new_from_template (RG_TEMPLATE_DEFAULT, "x", NULL);
  g_autoptr(RgSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RgTestRun) run = { 0 };

  rg_test_run_cli (&run, work_dir, "new", "--title", "Sans modèle choisi", "--output", path, NULL);
  g_assert_cmpint (run.status, ==, 0);

  session = load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_dimensions (session)), ==,
                    g_list_model_get_n_items (rg_session_get_dimensions (reference)));
}

static void
test_new_never_overwrites (void)
{
  g_autofree char *path = g_build_filename (work_dir, "taken.regards", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *link = g_build_filename (work_dir, "dangling.regards", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RgTestRun) run = { 0 };
  g_auto(RgTestRun) run_link = { 0 };

  g_file_set_contents (path, "someone's work", -1, &error);
  g_assert_no_error (error);

  rg_test_run_cli (&run, work_dir, "new", "--template", "blank", "--title", "Nouvelle", "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already a file"));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "someone's work");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Not even through a symbolic link to nowhere */
  g_assert_cmpint (symlink ("/nonexistent/target.regards", link), ==, 0);
  rg_test_run_cli (&run_link, work_dir, "new", "--template", "blank", "--title", "Nouvelle", "-o", link, NULL);
  g_assert_cmpint (run_link.status, ==, 1);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
}

static void
test_new_usage (void)
{
  g_autofree char *path = g_build_filename (work_dir, "never.regards", NULL);
  g_auto(RgTestRun) unknown = { 0 };
  g_auto(RgTestRun) no_title = { 0 };
  g_auto(RgTestRun) no_output = { 0 };

  rg_test_run_cli (&unknown, work_dir, "new", "--template", "no-such-template", "--title", "T", "-o", path, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "no-such-template"));
  /* …and says which templates there are */
  for (const char * const *ids = rg_template_get_ids (); *ids != NULL; ids++)
    g_assert_nonnull (strstr (unknown.err, *ids));

  rg_test_run_cli (&no_title, work_dir, "new", "--template", "blank", "-o", path, NULL);
  g_assert_cmpint (no_title.status, ==, 2);

  rg_test_run_cli (&no_output, work_dir, "new", "--template", "blank", "--title", "T", NULL);
  g_assert_cmpint (no_output.status, ==, 2);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_autofree char *with_newlines = g_strconcat ("\n", line, "\n", NULL);
  g_autofree char *padded = g_strconcat ("\n", text, NULL);

  return strstr (padded, with_newlines) != NULL;
}

#define assert_has_line(text, line) \
  G_STMT_START { \
    if (!has_line ((text), (line))) \
      g_error ("“%s” is not a line of:\n%s", (line), (text)); \
  } G_STMT_END

/* Checks the summary against what the core reads in the same file */
static void
test_show_example (void)
{
  g_autofree char *example = source_path ("data", "examples", "exemple-eleve-a.regards", NULL);
  g_autoptr(RgSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RgTestRun) run = { 0 };
  GListModel *partners;
  GListModel *dimensions;
  GListModel *statements;
  GListModel *links;
  GListModel *categories;
  guint kinds[RG_STATEMENT_KIND_PROPOSAL + 1] = { 0 };
  guint types[RG_LINK_TYPE_CLARIFY + 1] = { 0 };
  guint n_criteria = 0;
  char line[512];

  session = load_file (example, &error);
  g_assert_no_error (error);
  partners = rg_session_get_partners (session);
  dimensions = rg_session_get_dimensions (session);
  statements = rg_session_get_statements (session);
  links = rg_session_get_links (session);
  categories = rg_session_get_categories (session);

  rg_test_run_cli (&run, work_dir, "show", example, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  g_snprintf (line, sizeof line, "Title: %s", rg_session_get_title (session));
  assert_has_line (run.out, line);
  g_snprintf (line, sizeof line, "Date: %s", rg_session_get_date (session));
  assert_has_line (run.out, line);
  g_snprintf (line, sizeof line, "Situation: %s (%s)",
              rg_session_get_situation_label (session), rg_session_get_situation_code (session));
  assert_has_line (run.out, line);
  assert_has_line (run.out, "Status: Held");

  /* The example has more than one of everything, so plurals show */
  g_assert_cmpuint (g_list_model_get_n_items (partners), >, 1);
  g_snprintf (line, sizeof line, "%u partners:", g_list_model_get_n_items (partners));
  assert_has_line (run.out, line);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      g_assert_nonnull (strstr (run.out, rg_partner_get_name (partner)));
      if (rg_partner_get_profession (partner) != NULL)
        g_assert_nonnull (strstr (run.out, rg_partner_get_profession (partner)));
      if (rg_partner_get_institution (partner) != NULL)
        g_assert_nonnull (strstr (run.out, rg_partner_get_institution (partner)));
    }

  g_snprintf (line, sizeof line, "%u dimensions:", g_list_model_get_n_items (dimensions));
  assert_has_line (run.out, line);
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);
      guint count = 0;

      for (guint j = 0; j < g_list_model_get_n_items (statements); j++)
        {
          g_autoptr(RgStatement) statement = g_list_model_get_item (statements, j);

          if (g_str_equal (rg_statement_get_dimension_id (statement), rg_dimension_get_id (dimension)))
            count++;
        }

      g_assert_cmpuint (count, >, 1);
      g_snprintf (line, sizeof line, "  %s: %u statements", rg_dimension_get_name (dimension), count);
      assert_has_line (run.out, line);
    }

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      kinds[rg_statement_get_kind (statement)]++;
    }
  g_snprintf (line, sizeof line, "%u statements:", g_list_model_get_n_items (statements));
  assert_has_line (run.out, line);
  for (guint kind = 0; kind < G_N_ELEMENTS (kinds); kind++)
    {
      g_snprintf (line, sizeof line, "  %s: %u", rg_statement_kind_get_label (kind), kinds[kind]);
      assert_has_line (run.out, line);
    }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      types[rg_link_get_link_type (link)]++;
    }
  g_snprintf (line, sizeof line, "%u links:", g_list_model_get_n_items (links));
  assert_has_line (run.out, line);
  for (guint type = 0; type < G_N_ELEMENTS (types); type++)
    {
      g_snprintf (line, sizeof line, "  %s: %u", rg_link_type_get_label (type), types[type]);
      assert_has_line (run.out, line);
    }

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);

      n_criteria += g_list_model_get_n_items (rg_category_get_criteria (category));
    }
  g_snprintf (line, sizeof line, "%u glossary terms",
              g_list_model_get_n_items (rg_session_get_terms (session)));
  assert_has_line (run.out, line);
  g_snprintf (line, sizeof line, "%u success criteria", n_criteria);
  assert_has_line (run.out, line);
  g_snprintf (line, sizeof line, "%u actions",
              g_list_model_get_n_items (rg_session_get_actions (session)));
  assert_has_line (run.out, line);
}

/* A session just made from the blank template: singulars and zeros */
static void
test_show_new_session (void)
{
  g_autofree char *path = g_build_filename (work_dir, "show-blank.regards", NULL);
  g_auto(RgTestRun) made = { 0 };
  g_auto(RgTestRun) run = { 0 };

  rg_test_run_cli (&made, work_dir, "new", "--template", "blank", "--title", "Première revue", "-o", path, NULL);
  g_assert_cmpint (made.status, ==, 0);

  rg_test_run_cli (&run, work_dir, "show", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has_line (run.out, "Title: Première revue");
  assert_has_line (run.out, "Status: Preparing");
  assert_has_line (run.out, "0 partners:");
  assert_has_line (run.out, "1 dimension:");
  assert_has_line (run.out, "  Situation générale: 0 statements");
  assert_has_line (run.out, "0 statements:");
  assert_has_line (run.out, "  Observed fact: 0");
  assert_has_line (run.out, "0 links:");
  assert_has_line (run.out, "0 success criteria");
}

static void
test_show_invalid (void)
{
  g_autofree char *path = source_path ("tests", "data", "format", "dangling-reference.regards", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = load_file (path, &error);
  g_autofree char *expected = NULL;
  g_auto(RgTestRun) run = { 0 };
  g_auto(RgTestRun) two = { 0 };

  g_assert_null (session);
  rg_test_run_cli (&run, work_dir, "show", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s: %s\n", path, error->message);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpstr (run.out, ==, "");

  rg_test_run_cli (&two, work_dir, "show", path, path, NULL);
  g_assert_cmpint (two.status, ==, 2);
}

static void
test_help (void)
{
  static const struct {
    const char *command;
    const char *words;
  } commands[] = {
    { "validate", "Check that files are Regards sessions" },
    { "new", "Create a session file from a template" },
    { "show", "Print a summary of a session" },
  };
  g_auto(RgTestRun) top = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(RgTestRun) run = { 0 };
      g_autofree char *usage = g_strdup_printf ("Usage:\n  regards-cli %s ", commands[i].command);

      rg_test_run_cli (&run, work_dir, commands[i].command, "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, usage));
      g_assert_nonnull (strstr (run.out, commands[i].words));
    }

  rg_test_run_cli (&top, work_dir, "--help", NULL);
  g_assert_cmpint (top.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *entry = g_strdup_printf ("  %s ", commands[i].command);

      g_assert_nonnull (strstr (top.out, entry));
    }
}

/* A name that turns a terminal's text red, then reverses the rest of
 * the line (U+202E), and how regards-cli prints it */
#define HOSTILE_NAME  "\x1b[31mrouge\xe2\x80\xaetxt.regards"
#define HOSTILE_SHOWN "\\x1B[31mrouge\\u{202E}txt.regards"

/* What a terminal would act upon: ESC, and U+202E as UTF-8 */
static void
assert_harmless (const char *text)
{
  g_assert_null (strchr (text, '\x1b'));
  g_assert_null (strstr (text, "\xe2\x80\xae"));
}

static char *
make_dir (const char *name)
{
  char *dir = g_build_filename (work_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  return dir;
}

static void
write_example (const char *path)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgDocument) document = rg_document_new (session, file);
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);
}

/* File names are printed with what a terminal would act upon escaped:
 * in lists, in messages, in errors that quote them, and in JSON. */
static void
test_hostile_file_names (void)
{
  g_autofree char *dir = make_dir ("hostile");
  g_autofree char *library = make_dir ("hostile/bibliothèque");
  g_autofree char *database = g_build_filename (dir, "index.sqlite", NULL);
  g_autofree char *path = g_build_filename (dir, HOSTILE_NAME, NULL);
  g_autofree char *in_library = g_build_filename (library, HOSTILE_NAME, NULL);
  g_autofree char *shown_in_library = g_build_filename (library, HOSTILE_SHOWN, NULL);
  g_autofree char *missing_line = NULL;

  write_example (path);
  write_example (in_library);

  /* Listed */
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, dir, "validate", "--verbose", HOSTILE_NAME, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, HOSTILE_SHOWN ": valid\n");
  }

  /* In an error, and in the core's message quoting it */
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, dir, "validate", "absent" HOSTILE_NAME, NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_harmless (run.err);
    missing_line = g_strdup_printf ("absent%s: “absent%s” does not exist.", HOSTILE_SHOWN,
                                    HOSTILE_SHOWN);
    g_assert_true (g_str_has_prefix (run.err, missing_line));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, dir, "show", HOSTILE_NAME, HOSTILE_NAME, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==, "Unexpected argument “" HOSTILE_SHOWN "”.\n");
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, dir, "new", "--title", "Revue", "-o", "nouvelle" HOSTILE_NAME, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "Created nouvelle" HOSTILE_SHOWN "\n");
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, dir, "import-contributions", HOSTILE_NAME, "absent" HOSTILE_NAME, NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_harmless (run.out);
    g_assert_nonnull (strstr (run.out, "Skipped: absent" HOSTILE_SHOWN " — "));
  }

  /* The library's lists, as text and as JSON */
  {
    g_auto(RgTestRun) run = { 0 };
    g_autofree char *line = g_strdup_printf ("%s\t", shown_in_library);

    rg_test_run_cli (&run, dir, "search", "--library", library, "--database", database, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_harmless (run.out);
    g_assert_true (g_str_has_prefix (run.out, line));
  }
  {
    g_auto(RgTestRun) run = { 0 };
    g_autoptr(GVariant) json = NULL;
    g_autoptr(GVariant) first = NULL;
    const char *listed = NULL;

    rg_test_run_cli (&run, dir, "search", "--json", "--library", library,
                     "--database", database, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_harmless (run.out);
    g_assert_nonnull (strstr (run.out, "\\u001b[31mrouge\\u202etxt.regards"));

    /* The same name, once read */
    json = rg_test_json_parse (run.out);
    g_variant_get_child (json, 0, "v", &first);
    g_assert_true (g_variant_lookup (first, "path", "&s", &listed));
    g_assert_cmpstr (listed, ==, in_library);
  }
}

/* Adds @n statements of @len bytes to @session, by its first partner */
static void
add_long_statements (RgSession *session,
                     RgPartner *partner,
                     guint      n,
                     gsize      len)
{
  g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session),
                                                            0);
  g_autofree char *text = g_strnfill (len, 'a');

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStatement) statement = NULL;

      text[0] = 'A' + i % 26;
      text[1] = 'a' + (i / 26) % 26;
      statement = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                                    RG_STATEMENT_KIND_FACT, text);
      rg_session_add_statement (session, statement);
    }
}

/* Contributions that would make the session larger than Regards opens:
 * the command says so and fails, and the session file stays as it was,
 * byte for byte, with nothing beside it. */
static void
test_import_too_large (void)
{
  g_autofree char *dir = make_dir ("import-too-large");
  g_autofree char *session_path = g_build_filename (dir, "séance.regards", NULL);
  g_autofree char *contribution_path = g_build_filename (dir, "contribution.regards", NULL);
  g_autoptr(GFile) session_file = g_file_new_for_path (session_path);
  g_autoptr(GFile) contribution_file = g_file_new_for_path (contribution_path);
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgSession) contribution = NULL;
  g_autoptr(RgPartner) first = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autoptr(RgPartner) second = g_list_model_get_item (rg_session_get_partners (session), 1);
  g_autoptr(RgPartner) contributor = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RgTestRun) run = { 0 };
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  /* Each file within the limit, both together beyond it */
  add_long_statements (session, second, 9, 1024 * 1024);
  {
    g_autoptr(RgDocument) document = rg_document_new (session, session_file);

    g_assert_true (rg_document_save (document, NULL, &error));
    g_assert_no_error (error);
  }
  contribution = rg_contribution_new (session, first);
  contributor = g_list_model_get_item (rg_session_get_partners (contribution), 0);
  add_long_statements (contribution, contributor, 8, 1024 * 1024);
  {
    g_autoptr(RgDocument) document = rg_document_new (contribution, contribution_file);

    g_assert_true (rg_document_save (document, NULL, &error));
    g_assert_no_error (error);
  }
  before = g_file_load_bytes (session_file, NULL, NULL, &error);
  g_assert_no_error (error);

  rg_test_run_cli (&run, dir, "import-contributions", "séance.regards", "contribution.regards",
                   NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_test_message ("stderr: %s", run.err);
  g_assert_true (g_str_has_prefix (run.err, "séance.regards: Could not save “séance.regards”: "
                                            "the session is too large to be saved."));
  g_assert_nonnull (strstr (run.err, "16 MiB"));

  after = g_file_load_bytes (session_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before, after));

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  work_dir = g_build_filename (root, "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (work_dir, 0700), ==, 0);

  g_test_add_func ("/cli/validate/valid", test_validate_valid);
  g_test_add_func ("/cli/validate/invalid", test_validate_invalid);
  g_test_add_func ("/cli/validate/mixed", test_validate_mixed);
  g_test_add_func ("/cli/validate/usage", test_validate_usage);
  g_test_add_func ("/cli/new/each-template", test_new_from_each_template);
  g_test_add_func ("/cli/new/default-template", test_new_default_template);
  g_test_add_func ("/cli/new/never-overwrites", test_new_never_overwrites);
  g_test_add_func ("/cli/new/usage", test_new_usage);
  g_test_add_func ("/cli/show/example", test_show_example);
  g_test_add_func ("/cli/show/new-session", test_show_new_session);
  g_test_add_func ("/cli/show/invalid", test_show_invalid);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/hostile-file-names", test_hostile_file_names);
  g_test_add_func ("/cli/import-contributions/too-large", test_import_too_large);

  ret = g_test_run ();
  g_free (work_dir);

  return ret;
}
