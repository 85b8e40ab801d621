/* test-export-ods.c — rg_export_ods()
 *
 * The package is read back as a zip: its layout (mimetype first and
 * stored, the manifest), content.xml checked by xmllint and read with
 * libxml2, each sheet's rows and typed cells compared with what the
 * example holds, counted by hand. Where LibreOffice is installed, it
 * opens the spreadsheet and writes it back as a flat ODF file, which
 * must hold the same sheets, rows and typed cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "rg-export-ods.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"
#include "rg-test-zip.h"

#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

static char *work_dir;

/* The sheets of the example, counted by hand: 45 statements, 13 links,
 * 9 criteria, 7 actions, each after a header row */
static const struct
{
  const char *name;
  guint       n_rows;
  guint       n_columns;
} example_sheets[] = {
  { "Statements", 45 + 1, 7 },
  { "Links", 13 + 1, 7 },
  { "Success criteria", 9 + 1, 6 },
  { "Actions", 7 + 1, 4 },
};

static xmlXPathObjectPtr
evaluate (xmlDocPtr   doc,
          const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (context, BAD_CAST "office", BAD_CAST OFFICE_NS);
  xmlXPathRegisterNs (context, BAD_CAST "table", BAD_CAST TABLE_NS);
  xmlXPathRegisterNs (context, BAD_CAST "text", BAD_CAST TEXT_NS);
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  xmlXPathFreeContext (context);
  g_assert_nonnull (result);

  return result;
}

static double
evaluate_number (xmlDocPtr   doc,
                 const char *expression)
{
  xmlXPathObjectPtr result = evaluate (doc, expression);
  double number = xmlXPathCastToNumber (result);

  xmlXPathFreeObject (result);
  return number;
}

static char *
evaluate_string (xmlDocPtr   doc,
                 const char *expression)
{
  xmlXPathObjectPtr result = evaluate (doc, expression);
  xmlChar *string = xmlXPathCastToString (result);
  char *copy = g_strdup ((const char *) string);

  xmlFree (string);
  xmlXPathFreeObject (result);
  return copy;
}

/* The sheets, rows and typed cells of the example, in @doc: the
 * content.xml of the export, or LibreOffice's flat ODF of it. A row
 * LibreOffice writes once for several (number-rows-repeated) counts
 * as many. */
static void
assert_example_sheets (xmlDocPtr doc)
{
  g_assert_cmpfloat (evaluate_number (doc, "count(//office:spreadsheet/table:table)"), ==,
                     G_N_ELEMENTS (example_sheets));

  for (guint i = 0; i < G_N_ELEMENTS (example_sheets); i++)
    {
      g_autofree char *sheet = g_strdup_printf ("//office:spreadsheet/table:table[%u]", i + 1);
      g_autofree char *name = g_strdup_printf ("string(%s/@table:name)", sheet);
      g_autofree char *rows = g_strdup_printf ("count(%s//table:table-row[table:table-cell/text:p])", sheet);
      g_autofree char *header = g_strdup_printf ("count((%s//table:table-row)[1]/table:table-cell"
                                                 "[@office:value-type='string'])", sheet);
      g_autofree char *sheet_name = evaluate_string (doc, name);

      g_assert_cmpstr (sheet_name, ==, example_sheets[i].name);
      g_assert_cmpfloat (evaluate_number (doc, rows), ==, example_sheets[i].n_rows);
      g_assert_cmpfloat (evaluate_number (doc, header), ==, example_sheets[i].n_columns);
    }

  /* The statements' ids and texts are strings */
  {
    g_autofree char *id = evaluate_string (doc, "normalize-space((//table:table[1]//table:table-row)[2]"
                                                "/table:table-cell[1][@office:value-type='string'])");

    g_assert_cmpstr (id, ==, "1941b999-0289-5567-b46e-68a167c2141a");
  }
  /* The links' counts are numbers: 13 links, 3 statements in the first */
  g_assert_cmpfloat (evaluate_number (doc, "count(//table:table[2]//table:table-cell"
                                           "[@office:value-type='float'])"), ==, 13);
  g_assert_cmpfloat (evaluate_number (doc, "number((//table:table[2]//table:table-row)[2]"
                                           "/table:table-cell[7]/@office:value)"), ==, 3);
  /* Six of the seven actions have a due date, a date */
  g_assert_cmpfloat (evaluate_number (doc, "count(//table:table[4]//table:table-cell"
                                           "[@office:value-type='date'])"), ==, 6);
  {
    g_autofree char *due = evaluate_string (doc, "string((//table:table[4]//table:table-row)[2]"
                                                 "/table:table-cell[3]/@office:date-value)");
    g_autofree char *last = evaluate_string (doc, "string((//table:table[4]//table:table-row)[3]"
                                                  "/table:table-cell[3]/@office:date-value)");

    g_assert_cmpstr (due, ==, "2026-12-11");
    g_assert_cmpstr (last, ==, "2026-11-27");
  }
  /* A criterion's yes and no stay words */
  g_assert_cmpfloat (evaluate_number (doc, "count(//table:table[3]//table:table-cell"
                                           "[@office:value-type='float' or @office:value-type='date'])"),
                     ==, 0);
}

static void
test_ods_package (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ods = rg_export_ods (session, &error);
  g_autoptr(RgTestZip) package = NULL;
  g_autofree char *mimetype = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *meta = NULL;
  GBytes *content;
  xmlDocPtr doc;
  gsize size;
  const guint8 *data;
  const gsize type_length = strlen (RG_EXPORT_ODS_MIME_TYPE);

  g_assert_no_error (error);
  g_assert_nonnull (ods);

  /* The type shows at a fixed place: "mimetype" first, stored, without
   * extra field */
  data = g_bytes_get_data (ods, &size);
  g_assert_cmpuint (size, >, 38 + type_length);
  g_assert_cmpmem (data, 4, "PK\003\004", 4);
  g_assert_cmpuint (data[8] | data[9] << 8, ==, 0);
  g_assert_cmpuint (data[26] | data[27] << 8, ==, 8);
  g_assert_cmpuint (data[28] | data[29] << 8, ==, 0);
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  g_assert_cmpmem (data + 38, type_length, RG_EXPORT_ODS_MIME_TYPE, type_length);

  package = rg_test_zip_read (ods);
  g_assert_cmpuint (package->names->len, ==, 5);
  g_assert_cmpstr (package->names->pdata[0], ==, "mimetype");
  g_assert_cmpstr (package->names->pdata[1], ==, "content.xml");
  g_assert_cmpstr (package->names->pdata[2], ==, "styles.xml");
  g_assert_cmpstr (package->names->pdata[3], ==, "meta.xml");
  g_assert_cmpstr (package->names->pdata[4], ==, "META-INF/manifest.xml");
  mimetype = rg_test_zip_get_text (package, "mimetype");
  g_assert_cmpstr (mimetype, ==, RG_EXPORT_ODS_MIME_TYPE);
  manifest = rg_test_zip_get_text (package, "META-INF/manifest.xml");
  g_assert_nonnull (strstr (manifest, "manifest:full-path=\"/\" manifest:version=\"1.3\""
                                      " manifest:media-type=\"" RG_EXPORT_ODS_MIME_TYPE "\""));
  for (guint i = 1; i < 4; i++)
    {
      g_autofree char *entry = g_strdup_printf ("manifest:full-path=\"%s\"",
                                                (char *) package->names->pdata[i]);

      g_assert_nonnull (strstr (manifest, entry));
    }
  /* Nothing about the child in the file's properties */
  meta = rg_test_zip_get_text (package, "meta.xml");
  g_assert_null (strstr (meta, "dc:title"));
  g_assert_null (strstr (meta, "Adam"));

  content = rg_test_zip_get (package, "content.xml");
  data = g_bytes_get_data (content, &size);
  doc = xmlReadMemory ((const char *) data, size, "content.xml", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  assert_example_sheets (doc);
  xmlFreeDoc (doc);
}

/* xmllint, a third party, finds every part well-formed */
static void
test_ods_xmllint (void)
{
  static const char *parts[] = { "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml" };
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GBytes) ods = rg_export_ods (session, NULL);
  g_autoptr(RgTestZip) package = rg_test_zip_read (ods);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GBytes *part = rg_test_zip_get (package, parts[i]);
      g_autofree char *path = g_build_filename (work_dir, "part.xml", NULL);
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      const char *argv[] = { xmllint, "--noout", "--nonet", path, NULL };
      int status;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (part, NULL), g_bytes_get_size (part), NULL));
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, &err, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("xmllint rejects %s: %s", parts[i], err);
      g_remove (path);
    }
}

/* Texts with XML's special characters, line breaks and what would be
 * a formula stay strings, as they are */
static void
test_ods_awkward_text (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) partner = rg_partner_new ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(RgStatement) statement = NULL;
  g_autoptr(RgAction) action = rg_action_new ("=1+1 & <b>");
  g_autoptr(GBytes) ods = NULL;
  g_autoptr(RgTestZip) package = NULL;
  g_autofree char *text = NULL;
  g_autofree char *paragraphs = NULL;
  g_autofree char *due = NULL;
  GBytes *content;
  xmlDocPtr doc;

  rg_partner_set_name (partner, "Dupont \"Jo\"");
  rg_session_add_partner (session, partner);
  rg_session_add_dimension (session, dimension);
  statement = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                                RG_STATEMENT_KIND_FACT, "Première ligne\nDeuxième\x01 ligne");
  rg_session_add_statement (session, statement);
  rg_session_add_action (session, action);

  ods = rg_export_ods (session, NULL);
  package = rg_test_zip_read (ods);
  content = rg_test_zip_get (package, "content.xml");
  doc = xmlReadMemory (g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                       "content.xml", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);

  paragraphs = evaluate_string (doc, "concat((//table:table[1]//table:table-row)[2]/table:table-cell[6]/text:p[1],"
                                     "'|', (//table:table[1]//table:table-row)[2]/table:table-cell[6]/text:p[2])");
  g_assert_cmpstr (paragraphs, ==, "Première ligne|Deuxième ligne");
  text = evaluate_string (doc, "string((//table:table[4]//table:table-row)[2]"
                               "/table:table-cell[1][@office:value-type='string'])");
  g_assert_cmpstr (text, ==, "=1+1 & <b>");
  /* No due date, no date: an empty cell */
  due = evaluate_string (doc, "string((//table:table[4]//table:table-row)[2]/table:table-cell[3]/@office:value-type)");
  g_assert_cmpstr (due, ==, "");
  xmlFreeDoc (doc);
}

/* LibreOffice opens the spreadsheet without a question and finds the
 * same sheets, rows and typed cells */
static void
test_ods_libreoffice (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GBytes) ods = rg_export_ods (session, NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = g_build_filename (work_dir, "libreoffice", NULL);
  g_autofree char *path = g_build_filename (dir, "tables.ods", NULL);
  g_autofree char *flat = g_build_filename (dir, "tables.fods", NULL);
  g_autofree char *profile = NULL;
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;
  int status;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (ods, NULL), g_bytes_get_size (ods), NULL));
  profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
  {
    const char *argv[] = { soffice, profile, "--headless", "--convert-to", "fods",
                           "--outdir", dir, path, NULL };

    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL,
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  doc = xmlReadFile (flat, "UTF-8", XML_PARSE_NONET | XML_PARSE_HUGE);
  g_assert_nonnull (doc);
  assert_example_sheets (doc);
  xmlFreeDoc (doc);
}

int
main (int    argc,
      char **argv)
{
  work_dir = rg_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-ods/package", test_ods_package);
  g_test_add_func ("/export-ods/xmllint", test_ods_xmllint);
  g_test_add_func ("/export-ods/awkward-text", test_ods_awkward_text);
  g_test_add_func ("/export-ods/libreoffice", test_ods_libreoffice);

  return g_test_run ();
}
