/* test-cli-export.c — regards-cli export, run as a user would
 *
 * Spawns the built regards-cli and compares the files it writes with
 * what the core exporters give for the same session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rg-export-csv.h"
#include "rg-pseudonymise.h"
#include "rg-test-cli.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"
#include "rg-test-zip.h"

/* A temporary folder of the test program */
static char *work_dir;

/* Checks that @name in work_dir holds exactly @expected, mode 0600 */
static void
assert_file (const char *name,
             GBytes     *expected)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  struct stat st;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, size, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
remove_file (const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);

  g_remove (path);
}

static gboolean
file_exists (const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_export_csv (void)
{
  g_auto(RgTestRun) run = { 0 };
  g_autofree char *path = rg_test_example_path ();
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GBytes) statements = rg_export_csv_statements (session);
  g_autoptr(GBytes) links = rg_export_csv_links (session);
  g_autoptr(GBytes) criteria = rg_export_csv_criteria (session);
  g_autoptr(GBytes) actions = rg_export_csv_actions (session);

  rg_test_run_cli (&run, work_dir, "export", "--format", "csv", path, "-o", "revue", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "revue-statements.csv"));
  g_assert_nonnull (strstr (run.out, "revue-links.csv"));
  g_assert_nonnull (strstr (run.out, "revue-criteria.csv"));
  g_assert_nonnull (strstr (run.out, "revue-actions.csv"));
  assert_file ("revue-statements.csv", statements);
  assert_file ("revue-links.csv", links);
  assert_file ("revue-criteria.csv", criteria);
  assert_file ("revue-actions.csv", actions);

  /* The names are there without --pseudonymise */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (statements, NULL), g_bytes_get_size (statements),
                                  "Mme Roussel"));

  /* A final .csv is not doubled, and a second export replaces the first */
  rg_test_run_clear (&run);
  rg_test_run_cli (&run, work_dir, "export", "-f", "csv", path, "-o", "revue.csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_file ("revue-statements.csv", statements);
  assert_file ("revue-links.csv", links);
  g_assert_false (file_exists ("revue.csv-statements.csv"));

  remove_file ("revue-statements.csv");
  remove_file ("revue-links.csv");
  remove_file ("revue-criteria.csv");
  remove_file ("revue-actions.csv");
}

static char *read_private_file (const char *name);

/* --separator chooses; the tests run in C.UTF-8, whose decimal mark
 * is a point, so the automatic separator is a comma */
static void
test_export_csv_separator (void)
{
  static const char *tables[] = { "statements", "links", "criteria", "actions" };
  g_autofree char *path = rg_test_example_path ();
  g_autoptr(RgSession) session = rg_test_load_example ();

  for (guint s = 0; s < 3; s++)
    {
      static const char *names[] = { "semicolon", "COMMA", "auto" };
      static const RgCsvSeparator separators[] = {
        RG_CSV_SEPARATOR_SEMICOLON, RG_CSV_SEPARATOR_COMMA, RG_CSV_SEPARATOR_COMMA,
      };
      g_auto(RgTestRun) run = { 0 };

      rg_test_run_cli (&run, work_dir, "export", "-f", "csv", "--separator", names[s], path,
                       "-o", "tableaux", NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autoptr(GBytes) expected = rg_export_csv_table (session, tables[i], separators[s]);
          g_autofree char *name = g_strdup_printf ("tableaux-%s.csv", tables[i]);

          assert_file (name, expected);
          remove_file (name);
        }
    }
}

static void
test_export_ods (void)
{
  g_auto(RgTestRun) run = { 0 };
  g_autofree char *path = rg_test_example_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) ods = NULL;
  g_autoptr(RgTestZip) package = NULL;
  g_autofree char *content = NULL;
  gsize size;

  rg_test_run_cli (&run, work_dir, "export", "--format", "ods", path, "-o", "tableaux.ods", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "tableaux.ods"));

  contents = read_private_file ("tableaux.ods");
  {
    g_autofree char *ods_path = g_build_filename (work_dir, "tableaux.ods", NULL);
    char *data = NULL;

    g_assert_true (g_file_get_contents (ods_path, &data, &size, NULL));
    ods = g_bytes_new_take (data, size);
  }
  package = rg_test_zip_read (ods);
  g_assert_cmpstr (package->names->pdata[0], ==, "mimetype");
  content = rg_test_zip_get_text (package, "content.xml");
  /* The names are there without --pseudonymise */
  g_assert_nonnull (strstr (content, "Mme Roussel"));
  g_assert_nonnull (strstr (content, "office:date-value=\"2026-12-11\""));
  remove_file ("tableaux.ods");
}

/* Reads @name in work_dir, checking it is readable by its owner only */
static char *
read_private_file (const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  struct stat st;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  return contents;
}

static void
test_export_csv_pseudonymised (void)
{
  g_auto(RgTestRun) run = { 0 };
  g_autofree char *path = rg_test_example_path ();
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgSession) copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);
  g_autoptr(GBytes) statements = rg_export_csv_statements (copy);
  g_autoptr(GBytes) links = rg_export_csv_links (copy);
  g_autofree char *written = NULL;
  g_autofree char *statements_path = g_build_filename (work_dir, "anonyme-statements.csv", NULL);

  rg_test_run_cli (&run, work_dir, "export", "--deidentify", "team", "--format", "csv", path, "-o", "anonyme", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  assert_file ("anonyme-statements.csv", statements);
  assert_file ("anonyme-links.csv", links);

  g_file_get_contents (statements_path, &written, NULL, NULL);
  g_assert_nonnull (written);
  g_assert_null (strstr (written, "Benali"));
  g_assert_null (strstr (written, "Adam"));
  g_assert_null (strstr (written, "Roussel"));
  g_assert_nonnull (strstr (written, "Enseignante de CM1"));

  /* The criteria too: those who proposed them, and what they say */
  g_clear_pointer (&written, g_free);
  written = read_private_file ("anonyme-criteria.csv");
  g_assert_null (strstr (written, "Benali"));
  g_assert_null (strstr (written, "Adam"));
  g_assert_null (strstr (written, "Roussel"));
  g_assert_nonnull (strstr (written, "Enseignante de CM1"));

  remove_file ("anonyme-statements.csv");
  remove_file ("anonyme-links.csv");
  remove_file ("anonyme-criteria.csv");
  remove_file ("anonyme-actions.csv");
}

static void
test_export_html (void)
{
  g_auto(RgTestRun) run = { 0 };
  g_autofree char *path = rg_test_example_path ();
  g_autofree char *html = NULL;
  g_autofree char *again = NULL;

  rg_test_run_cli (&run, work_dir, "export", "--format", "html", path, "-o", "rapport.html", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "rapport.html"));

  /* One file, named as asked, holding the whole report */
  html = read_private_file ("rapport.html");
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "</html>"));
  g_assert_nonnull (strstr (html, "Mme Roussel"));
  g_assert_nonnull (strstr (html, "Scolarité et apprentissages"));
  g_assert_nonnull (strstr (html, "data:image/png;base64,"));
  g_assert_false (file_exists ("rapport.html-statements.csv"));
  g_assert_false (file_exists ("rapport-statements.csv"));

  /* A second export replaces the first with the same report */
  rg_test_run_clear (&run);
  rg_test_run_cli (&run, work_dir, "export", "-f", "HTML", path, "-o", "rapport.html", NULL);
  g_assert_cmpint (run.status, ==, 0);
  again = read_private_file ("rapport.html");
  g_assert_cmpstr (again, ==, html);

  remove_file ("rapport.html");
}

static void
test_export_html_pseudonymised (void)
{
  g_auto(RgTestRun) run = { 0 };
  g_autofree char *path = rg_test_example_path ();
  g_autofree char *html = NULL;

  rg_test_run_cli (&run, work_dir, "export", "--pseudonymise", "--format", "html", path, "-o", "anonyme.html", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  html = read_private_file ("anonyme.html");
  g_assert_null (strstr (html, "Benali"));
  g_assert_null (strstr (html, "Adam"));
  g_assert_null (strstr (html, "Roussel"));
  g_assert_nonnull (strstr (html, "Enseignante de CM1"));
  g_assert_nonnull (strstr (html, "data:image/png;base64,"));

  remove_file ("anonyme.html");
}

/* The PDF needs no display: the test runs without one */
static void
test_export_pdf (void)
{
  g_auto(RgTestRun) run = { 0 };
  g_autofree char *path = rg_test_example_path ();
  g_autofree char *pdf = NULL;

  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  rg_test_run_cli (&run, work_dir, "export", "--pseudonymise", "--format", "pdf", path, "-o", "rapport.pdf", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "rapport.pdf"));

  pdf = read_private_file ("rapport.pdf");
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  remove_file ("rapport.pdf");
}

/* Every part of the project @name in work_dir, in lower case */
static char *
project_text_lower (const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RgTestZip) zip = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  struct stat st;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  bytes = g_bytes_new (contents, size);
  zip = rg_test_zip_read (bytes);
  g_assert_cmpstr (zip->names->pdata[0], ==, "project.qde");

  for (guint i = 0; i < zip->names->len; i++)
    {
      g_autofree char *text = rg_test_zip_get_text (zip, zip->names->pdata[i]);

      g_string_append_printf (all, "%s\n%s\n", (char *) zip->names->pdata[i], text);
    }

  return g_utf8_strdown (all->str, -1);
}

static guint
count_sources (const char *text)
{
  guint n = 0;

  for (const char *p = strstr (text, "\nsources/"); p != NULL; p = strstr (p + 1, "\nsources/"))
    n++;
  return n;
}

static void
test_export_qdpx (void)
{
  g_autofree char *path = rg_test_example_path ();
  g_autofree char *copy = g_build_filename (work_dir, "suivi.regards", NULL);
  g_autofree char *contents = NULL;

  /* A second session: the example under another id */
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_nonnull (contents);
  {
    g_autoptr(GString) other = g_string_new (contents);

    g_string_replace (other, "d08d764e-6783-5a19-8b17-1aa412fefcad",
                      "0b9c4a3e-2f61-4d8e-9a57-3c1e8f0d6b24", 1);
    g_assert_true (g_file_set_contents (copy, other->str, -1, NULL));
  }

  {
    g_auto(RgTestRun) run = { 0 };
    g_autofree char *text = NULL;

    /* Several sessions, one project, pseudonymised without asking */
    rg_test_run_cli (&run, work_dir, "export", "--format", "qdpx", path, copy, "-o", "etude.qdpx",
                     NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "etude.qdpx"));
    text = project_text_lower ("etude.qdpx");
    g_assert_cmpuint (count_sources (text), ==, 12);
    g_assert_null (strstr (text, "roussel"));
    g_assert_null (strstr (text, "benali"));
    g_assert_null (strstr (text, "pre-2026-014"));
    g_assert_null (strstr (text, "d08d764e-6783-5a19-8b17-1aa412fefcad"));
    g_assert_nonnull (strstr (text, "enseignante de cm1"));
  }
  {
    g_auto(RgTestRun) run = { 0 };
    g_autofree char *text = NULL;

    /* For the team itself, names kept */
    rg_test_run_cli (&run, work_dir, "export", "-f", "qdpx", "--no-pseudonymise", path,
                     "-o", "equipe.qdpx", NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = project_text_lower ("equipe.qdpx");
    g_assert_cmpuint (count_sources (text), ==, 6);
    g_assert_nonnull (strstr (text, "mme roussel"));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    /* Both at once is a usage error, and nothing is written */
    rg_test_run_cli (&run, work_dir, "export", "-f", "qdpx", "--pseudonymise", "--no-pseudonymise",
                     path, "-o", "les-deux.qdpx", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--no-pseudonymise"));
    g_assert_false (file_exists ("les-deux.qdpx"));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    /* A report is of one session */
    rg_test_run_cli (&run, work_dir, "export", "-f", "pdf", path, copy, "-o", "deux.pdf", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (file_exists ("deux.pdf"));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    /* One file that cannot be read: no project */
    rg_test_run_cli (&run, work_dir, "export", "-f", "qdpx", path, "absent.regards",
                     "-o", "incomplet.qdpx", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "absent.regards"));
    g_assert_false (file_exists ("incomplet.qdpx"));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "export", "--help", NULL);
    g_assert_nonnull (strstr (run.out, "qdpx"));
    g_assert_nonnull (strstr (run.out, "--no-pseudonymise"));
  }
}

static void
test_export_usage_errors (void)
{
  g_autofree char *path = rg_test_example_path ();

  {
    g_auto(RgTestRun) run = { 0 };

    /* An unknown format is named, with the known ones, and nothing is written */
    rg_test_run_cli (&run, work_dir, "export", "--format", "docx", path, "-o", "rapport", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "docx"));
    g_assert_nonnull (strstr (run.err, "csv, html, pdf"));
    g_assert_false (file_exists ("rapport-statements.csv"));
    g_assert_false (file_exists ("rapport"));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "export", path, "-o", "rapport", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(RgTestRun) run = { 0 };

    /* An unknown separator is named, and so are the known ones */
    rg_test_run_cli (&run, work_dir, "export", "-f", "csv", "--separator", "tab", path,
                     "-o", "rapport", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "“tab”"));
    g_assert_nonnull (strstr (run.err, "semicolon"));
    g_assert_false (file_exists ("rapport-statements.csv"));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    /* A separator is for CSV only */
    rg_test_run_cli (&run, work_dir, "export", "-f", "ods", "--separator", "comma", path,
                     "-o", "rapport", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (file_exists ("rapport"));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "export", "--format", "csv", path, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "export", "--format", "csv", "-o", "rapport", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(RgTestRun) run = { 0 };

    /* A file that is not there is a problem found, not a usage error */
    rg_test_run_cli (&run, work_dir, "export", "--format", "csv", "absent.regards", "-o", "rapport", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "absent.regards"));
    g_assert_false (file_exists ("rapport-statements.csv"));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    /* The command is listed */
    rg_test_run_cli (&run, work_dir, "--help", NULL);
    g_assert_nonnull (strstr (run.out, "export"));
  }
}

/* The two levels: --deidentify team|outside, and --pseudonymise, which
 * means outside; the fixture's ids, code, school and days are gone
 * outside the team, its names at both levels */
static void
test_export_deidentify (void)
{
  static const char * const names[] = { "Benali", "Adam", "Leclerc", "Garnier", NULL };
  static const char * const outside[] = {
    "PRE-2026-031", "Jean Moulin", "Villeneuve", "Passerelles", "2026-11-24",
    "0b6f3c1e-2a47-4d8e-9f10-5c3a7e21b03", "0b6f3c1e-2a47-4d8e-9f10-5c3a7e21b04",
    "0b6f3c1e-2a47-4d8e-9f10-5c3a7e21b01", NULL,
  };
  static const char * const levels[][2] = {
    { "--deidentify=team", NULL }, { "--deidentify", "outside" }, { "--pseudonymise", NULL },
  };
  g_autofree char *path = g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), "tests", "data",
                                            "report", "deidentify.regards", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_auto(RgTestRun) run = { 0 };
      g_autofree char *tables = NULL;

      if (levels[i][1] != NULL)
        rg_test_run_cli (&run, work_dir, "export", levels[i][0], levels[i][1], "-f", "csv", path,
                         "-o", "niveau", NULL);
      else
        rg_test_run_cli (&run, work_dir, "export", levels[i][0], "-f", "csv", path,
                         "-o", "niveau", NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);

      {
        g_autofree char *statements = read_private_file ("niveau-statements.csv");
        g_autofree char *links = read_private_file ("niveau-links.csv");
        g_autofree char *criteria = read_private_file ("niveau-criteria.csv");

        tables = g_strconcat (statements, links, criteria, NULL);
      }
      for (guint j = 0; names[j] != NULL; j++)
        g_assert_null (strstr (tables, names[j]));
      /* For the team, the code and the ids stay */
      if (i == 0)
        g_assert_nonnull (strstr (tables, "PRE-2026-031"));
      for (guint j = 0; i > 0 && outside[j] != NULL; j++)
        g_assert_null (strstr (tables, outside[j]));
      /* The professions stay */
      g_assert_nonnull (strstr (tables, "Enseignant de CE2"));

      remove_file ("niveau-statements.csv");
      remove_file ("niveau-links.csv");
      remove_file ("niveau-criteria.csv");
    }

  /* An unknown level, or a level with the names kept, is refused */
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "export", "--deidentify", "tout", "-f", "csv", path,
                     "-o", "niveau", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "“tout”"));
    g_assert_false (file_exists ("niveau-statements.csv"));
    rg_test_run_clear (&run);
    rg_test_run_cli (&run, work_dir, "export", "--deidentify", "team", "--no-pseudonymise",
                     "-f", "csv", path, "-o", "niveau", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (file_exists ("niveau-statements.csv"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  work_dir = g_build_filename (tmp, "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (work_dir, 0700), ==, 0);

  g_test_add_func ("/cli-export/csv", test_export_csv);
  g_test_add_func ("/cli-export/csv-pseudonymised", test_export_csv_pseudonymised);
  g_test_add_func ("/cli-export/html", test_export_html);
  g_test_add_func ("/cli-export/html-pseudonymised", test_export_html_pseudonymised);
  g_test_add_func ("/cli-export/pdf", test_export_pdf);
  g_test_add_func ("/cli-export/qdpx", test_export_qdpx);
  g_test_add_func ("/cli-export/usage-errors", test_export_usage_errors);
  g_test_add_func ("/cli-export/deidentify", test_export_deidentify);
  g_test_add_func ("/cli-export/csv-separator", test_export_csv_separator);
  g_test_add_func ("/cli-export/ods", test_export_ods);

  return g_test_run ();
}
