/* test-deidentify.c — the two levels of de-identification, in every export
 *
 * Each fixture is exported at each level to every format a report
 * leaves the team in: PDF (its text as pdftotext reads it, and its
 * metadata as pdfinfo does), ODT (every XML part), HTML, the CSV
 * tables, the ODS spreadsheet (every XML part), the REFI-QDA project (every part), and the two pictures (the
 * criteria map and the partner picture, drawn into a PDF and read
 * back, with their text alternatives). Then every name the fixture
 * holds is looked for; outside the team, also its situation code, its
 * institutions and places, its days and every id of the file: none may
 * be found.
 *
 * The secrets are written here by hand, from the fixture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "rg-criteria-map.h"
#include "rg-divergence-picture.h"
#include "rg-export.h"
#include "rg-export-qdpx.h"
#include "rg-pseudonymise.h"
#include "rg-test-pdf.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"
#include "rg-test-zip.h"

/* A temporary folder of the test program */
static char *work_dir;

/* The people of tests/data/report/deidentify.regards: the child and
 * the mother share their surname */
static const char * const fixture_names[] = {
  "Adam", "Benali", "Yanis", "Leclerc", "Quentin", "Dialloux", "Garnier", "Morvan", NULL,
};

/* Its code, institutions, places and days */
static const char * const fixture_places[] = {
  "PRE-2026-031", "2026-031", "Jean Moulin", "Moulin", "Villeneuve", "Passerelles",
  "2026-11-24", "2026-11-03", "2026-11-19", "2026-11-05", "2026-12-11", "2027-01-19",
  "2027-02-16", NULL,
};

/* The people of data/examples/exemple-eleve-a.regards */
static const char * const example_names[] = {
  "Adam", "Benali", "Roussel", "Perrin", "Kessler", "Aubry", "Fontaine", NULL,
};

static const char * const example_places[] = {
  "PRE-2026-014", "2026-014", "Tilleuls", "Horizons", "Saint-Aubin", "2026-11-17",
  "2027-02-09", "2026-12-11", NULL,
};

static char *
fixture_path (const char *name)
{
  if (g_strcmp0 (name, "example") == 0)
    return rg_test_example_path ();

  return g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), "tests", "data", "report",
                           "deidentify.regards", NULL);
}

/* Every id="…" of the file at @path */
static GPtrArray *
file_ids (const char *path)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *p;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  for (p = strstr (text, " id=\""); p != NULL; p = strstr (p + 1, " id=\""))
    {
      const char *start = p + strlen (" id=\"");
      const char *end = strchr (start, '"');

      g_ptr_array_add (ids, g_strndup (start, end - start));
    }
  g_assert_cmpuint (ids->len, >, 10);

  return g_steal_pointer (&ids);
}

static char *
spawn_text (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return g_steal_pointer (&out);
}

/* @text without the pictures a web page holds as data: URLs, whose
 * Base64 letters could spell anything; the pictures are read apart
 * (add_pictures()) */
static char *
without_data (char *text)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  const char *p = text;
  const char *data;

  while ((data = strstr (p, "data:")) != NULL)
    {
      g_string_append_len (kept, p, data - p);
      p = data + strcspn (data, "\"')");
    }
  g_string_append (kept, p);
  g_free (text);

  return g_string_free (g_steal_pointer (&kept), FALSE);
}

static void
add_file (GPtrArray  *texts,
          const char *what,
          GFile      *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (texts, g_strdup (what));
  g_ptr_array_add (texts, without_data (contents));
}

/* Every part of a zip (ODT, QDPX) but its pictures */
static void
add_zip (GPtrArray  *texts,
         const char *what,
         GFile      *file)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(RgTestZip) zip = NULL;

  g_assert_nonnull (bytes);
  zip = rg_test_zip_read (bytes);
  for (guint i = 0; i < zip->names->len; i++)
    {
      const char *name = zip->names->pdata[i];

      if (g_str_has_suffix (name, ".png"))
        continue;
      g_ptr_array_add (texts, g_strdup_printf ("%s:%s", what, name));
      g_ptr_array_add (texts, g_strdup_printf ("%.*s",
                                               (int) g_bytes_get_size (rg_test_zip_get (zip, name)),
                                               (const char *) g_bytes_get_data (rg_test_zip_get (zip, name), NULL)));
    }
}

/* A PDF's text and its metadata */
static void
add_pdf (GPtrArray  *texts,
         const char *what,
         const char *path)
{
  const char *pdfinfo[] = { "pdfinfo", "-enc", "UTF-8", "-meta", path, NULL };
  const char *info[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  g_autofree char *text = rg_test_pdf_to_text (path, NULL);

  g_ptr_array_add (texts, g_strdup_printf ("%s text", what));
  g_ptr_array_add (texts, rg_test_flatten (text));
  g_ptr_array_add (texts, g_strdup_printf ("%s info", what));
  g_ptr_array_add (texts, spawn_text (info));
  g_ptr_array_add (texts, g_strdup_printf ("%s XMP", what));
  g_ptr_array_add (texts, spawn_text (pdfinfo));
}

/* The pictures, drawn into a PDF to read their words back */
static void
add_pictures (GPtrArray *texts,
              RgSession *session)
{
  g_autofree char *path = g_build_filename (work_dir, "pictures.pdf", NULL);
  g_autoptr(RgCriteriaMap) map = rg_criteria_map_new (session, 1600, 1000);
  g_autoptr(RgDivergencePicture) picture = rg_divergence_picture_new_for_export (session);
  int width = rg_divergence_picture_get_natural_width (picture);
  int height = rg_divergence_picture_get_height_for_width (picture, width);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 1600, 1000);
  cairo_t *cr = cairo_create (surface);

  rg_criteria_map_draw (map, cr);
  cairo_show_page (cr);
  cairo_pdf_surface_set_size (surface, width, height);
  rg_divergence_picture_draw (picture, cr, width, height);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  add_pdf (texts, "pictures", path);
  g_ptr_array_add (texts, g_strdup ("criteria map's text alternative"));
  g_ptr_array_add (texts, rg_criteria_map_describe (session));
  g_ptr_array_add (texts, g_strdup ("partner picture's text alternative"));
  g_ptr_array_add (texts, rg_divergence_picture_describe (picture));
}

/* What each export of @session at @level gives to read, as pairs:
 * where, then the text */
static GPtrArray *
export_all (RgSession         *session,
            RgDeidentifyLevel  level)
{
  static const struct { RgExportFormat format; const char *name; } formats[] = {
    { RG_EXPORT_FORMAT_PDF, "report.pdf" },
    { RG_EXPORT_FORMAT_ODT, "report.odt" },
    { RG_EXPORT_FORMAT_HTML, "report.html" },
    { RG_EXPORT_FORMAT_CSV, "report.csv" },
    { RG_EXPORT_FORMAT_ODS, "report.ods" },
  };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RgSession) copy = rg_session_deidentify (session, level);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();
  g_autofree char *qdpx_path = g_build_filename (work_dir, "project.qdpx", NULL);
  g_autoptr(GFile) qdpx = g_file_new_for_path (qdpx_path);
  g_autoptr(GPtrArray) project = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (copy != session);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (work_dir, formats[i].name, NULL);
      g_autoptr(GFile) output = g_file_new_for_path (path);
      g_autoptr(GPtrArray) written = rg_export_write (copy, formats[i].format, output, &error);

      g_assert_no_error (error);
      g_assert_nonnull (written);
      for (guint j = 0; j < written->len; j++)
        {
          g_autofree char *name = g_file_get_basename (written->pdata[j]);
          g_autofree char *written_path = g_file_get_path (written->pdata[j]);

          if (formats[i].format == RG_EXPORT_FORMAT_PDF)
            add_pdf (texts, name, written_path);
          else if (formats[i].format == RG_EXPORT_FORMAT_ODT ||
                   formats[i].format == RG_EXPORT_FORMAT_ODS)
            add_zip (texts, name, written->pdata[j]);
          else
            add_file (texts, name, written->pdata[j]);
        }
    }

  g_ptr_array_add (sessions, session);
  project = rg_export_write_qdpx (sessions,
                                  level == RG_DEIDENTIFY_OUTSIDE
                                  ? RG_EXPORT_QDPX_PSEUDONYMISE | RG_EXPORT_QDPX_OUTSIDE
                                  : RG_EXPORT_QDPX_PSEUDONYMISE,
                                  qdpx, &error);
  g_assert_no_error (error);
  add_zip (texts, "project.qdpx", qdpx);

  add_pictures (texts, copy);

  return g_steal_pointer (&texts);
}

/* Fails if one of @secrets is in one of @texts, whatever its case */
static void
assert_none_in (GPtrArray          *texts,
                const char * const *secrets,
                const char         *what)
{
  for (guint i = 0; i < texts->len; i += 2)
    {
      g_autofree char *lower = NULL;

      if (texts->pdata[i + 1] == NULL)
        g_error ("Nothing was read from %s", (char *) texts->pdata[i]);
      lower = g_utf8_strdown (texts->pdata[i + 1], -1);

      for (guint j = 0; secrets[j] != NULL; j++)
        {
          g_autofree char *needle = g_utf8_strdown (secrets[j], -1);

          if (strstr (lower, needle) != NULL)
            g_error ("%s “%s” is still in %s", what, secrets[j], (char *) texts->pdata[i]);
        }
    }
}

static void
check_fixture (const char         *fixture,
               const char * const *names,
               const char * const *places)
{
  g_autofree char *path = fixture_path (fixture);
  g_autoptr(RgSession) session = rg_test_load_session (path);
  g_autoptr(GPtrArray) ids = file_ids (path);
  g_autoptr(GPtrArray) team = NULL;
  g_autoptr(GPtrArray) outside = NULL;

  g_ptr_array_add (ids, NULL);

  /* The secrets are there to find: without de-identification, each is
   * in the exports */
  {
    g_autoptr(RgSession) copy = g_object_ref (session);
    g_autofree char *out = g_build_filename (work_dir, "plain.html", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (out);
    g_autoptr(GPtrArray) written = rg_export_write (copy, RG_EXPORT_FORMAT_HTML, file, NULL);
    g_autofree char *html = NULL;
    g_autofree char *lower = NULL;

    g_file_get_contents (out, &html, NULL, NULL);
    lower = g_utf8_strdown (html, -1);
    for (guint i = 0; names[i] != NULL; i++)
      {
        g_autofree char *needle = g_utf8_strdown (names[i], -1);

        g_assert_nonnull (strstr (lower, needle));
      }
  }

  /* For the team's partners: no name */
  team = export_all (session, RG_DEIDENTIFY_TEAM);
  assert_none_in (team, names, "The name");

  /* Outside the team: no name, code, institution, place, day nor id */
  outside = export_all (session, RG_DEIDENTIFY_OUTSIDE);
  assert_none_in (outside, names, "The name");
  assert_none_in (outside, places, "The code, institution, place or day");
  assert_none_in (outside, (const char * const *) ids->pdata, "The id");
}

static void
test_deidentify_fixture (void)
{
  check_fixture ("fixture", fixture_names, fixture_places);
}

static void
test_deidentify_example (void)
{
  check_fixture ("example", example_names, example_places);
}

/* The child “Adam Benali” and the mother “Mme Benali”: the surname is
 * one pseudonym of its own, the child's initial and surname the
 * child's, never the mother's role */
static void
test_deidentify_shared_surname (void)
{
  g_autofree char *path = fixture_path ("fixture");
  g_autoptr(RgSession) session = rg_test_load_session (path);
  g_autoptr(RgSession) copy = rg_session_deidentify (session, RG_DEIDENTIFY_TEAM);
  RgStatement *statement;
  RgDimension *dimension;

  statement = rg_session_find_statement (copy, "0b6f3c1e-2a47-4d8e-9f10-5c3a7e21b031");
  g_assert_cmpstr (rg_statement_get_text (statement), ==,
                   "Person A lit 60 mots par minute ; Person A a fait des progrès depuis la "
                   "rentrée à Institution A.");
  dimension = rg_session_find_dimension (copy, "0b6f3c1e-2a47-4d8e-9f10-5c3a7e21b021");
  g_assert_cmpstr (rg_dimension_get_synthesis (dimension), ==,
                   "Person A progresse en lecture à l'Institution A ; Mère suit les devoirs.");
  statement = rg_session_find_statement (copy, "0b6f3c1e-2a47-4d8e-9f10-5c3a7e21b033");
  g_assert_null (strstr (rg_statement_get_text (statement), "Mère"));
  g_assert_nonnull (strstr (rg_statement_get_text (statement), "PRE-2026-031"));
  statement = rg_session_find_statement (copy, "0b6f3c1e-2a47-4d8e-9f10-5c3a7e21b034");
  g_assert_cmpstr (rg_statement_get_text (statement), ==,
                   "Mère vient aux ateliers des Institution C avec Person C.");
}

/* Outside the team: institutions by their kind, no code, days reduced
 * to the month, fresh ids, professions kept */
static void
test_deidentify_outside (void)
{
  g_autofree char *path = fixture_path ("fixture");
  g_autoptr(RgSession) session = rg_test_load_session (path);
  g_autoptr(RgSession) copy = rg_session_deidentify (session, RG_DEIDENTIFY_OUTSIDE);
  g_autoptr(RgSession) again = rg_session_deidentify (session, RG_DEIDENTIFY_OUTSIDE);
  GListModel *partners = rg_session_get_partners (copy);
  g_autoptr(RgPartner) teacher = g_list_model_get_item (partners, 0);
  g_autoptr(RgPartner) social = g_list_model_get_item (partners, 1);
  g_autoptr(RgPartner) educator = g_list_model_get_item (partners, 2);
  g_autoptr(RgPartner) coordinator = g_list_model_get_item (partners, 3);
  g_autoptr(RgStatement) statement = g_list_model_get_item (rg_session_get_statements (copy), 0);
  g_autoptr(RgLink) link = g_list_model_get_item (rg_session_get_links (copy), 0);
  g_autoptr(RgLink) divergence = g_list_model_get_item (rg_session_get_links (copy), 1);

  g_assert_cmpuint (rg_session_get_pseudonymise_flags (session), ==, RG_PSEUDONYMISE_NONE);
  g_assert_cmpuint (rg_session_get_pseudonymise_flags (copy), ==, RG_PSEUDONYMISE_OUTSIDE);

  g_assert_null (rg_session_get_situation_code (copy));
  g_assert_cmpstr (rg_session_get_situation_label (copy), ==, "The child");
  g_assert_cmpstr (rg_session_get_title (copy), ==, "Revue the situation à social services");
  g_assert_cmpstr (rg_session_get_place (copy), ==, "Elementary school, salle 2");
  g_assert_cmpstr (rg_session_get_facilitator (copy), ==, "Coordinatrice PRE");
  g_assert_cmpstr (rg_partner_get_name (teacher), ==, "Enseignant de CE2");
  g_assert_cmpstr (rg_partner_get_profession (teacher), ==, "Enseignant de CE2");
  g_assert_cmpstr (rg_partner_get_institution (teacher), ==, "Elementary school");
  g_assert_cmpstr (rg_partner_get_institution (social), ==, "Social services");
  g_assert_cmpstr (rg_partner_get_institution (educator), ==, "Association");
  g_assert_cmpstr (rg_partner_get_institution (coordinator), ==, "Town hall");
  g_assert_cmpstr (rg_partner_get_contribution_asked (teacher), ==, "2026-11-01");
  g_assert_cmpstr (rg_partner_get_contribution_received (teacher), ==, "2026-11-01");

  g_assert_cmpstr (rg_session_get_date (copy), ==, "2026-11-01");
  g_assert_cmpstr (rg_session_get_next_review (copy), ==, "2027-02-01");

  /* Fresh ids, new at each export, the references kept */
  g_assert_cmpstr (rg_statement_get_id (statement), !=, "0b6f3c1e-2a47-4d8e-9f10-5c3a7e21b031");
  g_assert_null (rg_session_find_statement (copy, "0b6f3c1e-2a47-4d8e-9f10-5c3a7e21b031"));
  g_assert_cmpstr (rg_session_get_id (copy), !=, rg_session_get_id (again));
  g_assert_cmpstr (rg_session_get_id (copy), !=, rg_session_get_id (session));
  g_assert_cmpstr (rg_link_get_members (link)[0], ==, rg_statement_get_id (statement));
  g_assert_nonnull (rg_session_find_partner (copy, rg_statement_get_partner_id (statement)));
  g_assert_nonnull (rg_session_find_term (copy, rg_link_get_term_id (divergence)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  work_dir = g_build_filename (tmp, "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (work_dir, 0700), ==, 0);

  g_test_add_func ("/deidentify/shared-surname", test_deidentify_shared_surname);
  g_test_add_func ("/deidentify/outside", test_deidentify_outside);
  g_test_add_func ("/deidentify/fixture", test_deidentify_fixture);
  g_test_add_func ("/deidentify/example", test_deidentify_example);

  return g_test_run ();
}
