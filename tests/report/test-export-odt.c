/* test-export-odt.c — rg_export_odt() and regards-cli export --format odt
 *
 * The package is opened back with libgsf's zip reader, its first bytes
 * checked as ODF asks, its XML parts parsed with libxml2 and searched
 * for what the report says. When LibreOffice is installed, it converts
 * the package to PDF, as a user's word processor would open it, and to
 * DOCX, as a partner with Word would receive it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-outfile-zip.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sys/stat.h>

#include "rg-export-odt.h"
#include "rg-pseudonymise.h"
#include "rg-test-bidi.h"
#include "rg-test-cli.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"
#include "rg-test-zip.h"

#define OFFICE_NS   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define MANIFEST_NS "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define STYLE_NS    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define TEXT_NS     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/* A temporary folder of the test program */
static char *work_dir;

/* {{{ Reading a package back */

/* Checks what ODF asks of a package's first bytes, so that the type
 * shows without unzipping: a local header for "mimetype", stored,
 * without extra field, then the type itself */
static void
assert_mimetype_first (GBytes *odt)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (odt, &size);
  const gsize type_length = strlen (RG_EXPORT_ODT_MIME_TYPE);

  g_assert_cmpuint (size, >, 38 + type_length);
  g_assert_cmpmem (data, 4, "PK\003\004", 4);
  g_assert_cmpuint (data[8] | data[9] << 8, ==, 0);    /* stored */
  g_assert_cmpuint (data[18] | data[19] << 8, ==, type_length);  /* compressed size */
  g_assert_cmpuint (data[26] | data[27] << 8, ==, 8);  /* name length */
  g_assert_cmpuint (data[28] | data[29] << 8, ==, 0);  /* no extra field */
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  g_assert_cmpmem (data + 38, type_length, RG_EXPORT_ODT_MIME_TYPE, type_length);
}

static xmlDocPtr
parse_part (RgTestZip    *package,
            const char *name,
            const char *root_name,
            const char *root_namespace)
{
  GBytes *part = rg_test_zip_get (package, name);
  xmlDocPtr doc;
  xmlNodePtr root;

  doc = xmlReadMemory (g_bytes_get_data (part, NULL), g_bytes_get_size (part), name, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    g_error ("%s is not well-formed XML", name);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, root_name);
  g_assert_nonnull (root->ns);
  g_assert_cmpstr ((const char *) root->ns->href, ==, root_namespace);

  return doc;
}

/* Checks the manifest lists every part of the package but itself and
 * the mimetype, and nothing else */
static void
assert_manifest_complete (RgTestZip *package)
{
  xmlDocPtr doc = parse_part (package, "META-INF/manifest.xml", "manifest", MANIFEST_NS);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, xmlFree, NULL);

  for (xmlNodePtr entry = xmlDocGetRootElement (doc)->children; entry != NULL; entry = entry->next)
    {
      xmlChar *path, *type;

      if (entry->type != XML_ELEMENT_NODE)
        continue;
      g_assert_cmpstr ((const char *) entry->name, ==, "file-entry");
      path = xmlGetNsProp (entry, (const xmlChar *) "full-path", (const xmlChar *) MANIFEST_NS);
      type = xmlGetNsProp (entry, (const xmlChar *) "media-type", (const xmlChar *) MANIFEST_NS);
      g_assert_nonnull (path);
      g_assert_nonnull (type);

      if (g_str_equal ((char *) path, "/"))
        g_assert_cmpstr ((char *) type, ==, RG_EXPORT_ODT_MIME_TYPE);
      else if (g_str_has_suffix ((char *) path, ".xml"))
        g_assert_cmpstr ((char *) type, ==, "text/xml");
      else if (g_str_has_suffix ((char *) path, ".png"))
        g_assert_cmpstr ((char *) type, ==, "image/png");
      else
        g_error ("Unexpected entry %s in the manifest", path);

      if (!g_str_equal ((char *) path, "/") &&
          !g_hash_table_contains (package->parts, (char *) path))
        g_error ("The manifest lists %s, which the package lacks", path);
      g_assert_true (g_hash_table_add (listed, path));
      xmlFree (type);
    }
  xmlFreeDoc (doc);

  g_assert_true (g_hash_table_contains (listed, "/"));
  for (guint i = 0; i < package->names->len; i++)
    {
      const char *name = package->names->pdata[i];

      if (!g_str_equal (name, "mimetype") && !g_str_equal (name, "META-INF/manifest.xml") &&
          !g_hash_table_contains (listed, name))
        g_error ("The manifest does not list %s", name);
    }
}

/* Opens @odt as a zip and checks it is an ODF text package whose XML
 * parts are well-formed */
static RgTestZip *
read_package (GBytes *odt)
{
  RgTestZip *package;
  g_autoptr(GError) error = NULL;
  GsfInput *input;
  GsfInfile *zip;
  GsfInput *first;
  int compression = -1;

  assert_mimetype_first (odt);

  input = gsf_input_memory_new (g_bytes_get_data (odt, NULL), g_bytes_get_size (odt), FALSE);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  g_assert_nonnull (zip);

  /* The zip reader agrees: mimetype first, stored */
  g_assert_cmpint (gsf_infile_num_children (zip), >, 0);
  g_assert_cmpstr (gsf_infile_name_by_index (zip, 0), ==, "mimetype");
  first = gsf_infile_child_by_index (zip, 0);
  g_object_get (first, "compression-level", &compression, NULL);
  g_assert_cmpint (compression, ==, GSF_ZIP_STORED);
  g_object_unref (first);
  g_object_unref (zip);
  g_object_unref (input);

  package = rg_test_zip_read (odt);
  g_assert_cmpstr (package->names->pdata[0], ==, "mimetype");
  {
    g_autofree char *mimetype = rg_test_zip_get_text (package, "mimetype");

    g_assert_cmpstr (mimetype, ==, RG_EXPORT_ODT_MIME_TYPE);
  }

  assert_manifest_complete (package);
  xmlFreeDoc (parse_part (package, "content.xml", "document-content", OFFICE_NS));
  xmlFreeDoc (parse_part (package, "styles.xml", "document-styles", OFFICE_NS));
  xmlFreeDoc (parse_part (package, "meta.xml", "document-meta", OFFICE_NS));

  return package;
}

static RgTestZip *
export (RgSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) odt = rg_export_odt (session, &error);

  g_assert_no_error (error);
  g_assert_nonnull (odt);

  return read_package (odt);
}

/* The text of content.xml, without its markup */
static char *
content_text (RgTestZip *package)
{
  xmlDocPtr doc = parse_part (package, "content.xml", "document-content", OFFICE_NS);
  xmlChar *text = xmlNodeGetContent (xmlDocGetRootElement (doc));
  char *copy = g_strdup ((const char *) text);

  xmlFree (text);
  xmlFreeDoc (doc);

  return copy;
}

static void
assert_says (const char *text,
             const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("The report lacks “%s”", expected);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* }}} */

static void
test_export_odt_example (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgTestZip) package = export (session);
  g_autofree char *text = content_text (package);
  g_autofree char *content = rg_test_zip_get_text (package, "content.xml");
  g_autofree char *styles = rg_test_zip_get_text (package, "styles.xml");
  g_autofree char *meta = rg_test_zip_get_text (package, "meta.xml");
  GListModel *dimensions = rg_session_get_dimensions (session);
  GListModel *partners = rg_session_get_partners (session);
  const char *frame;

  g_assert_cmpuint (g_list_model_get_n_items (dimensions), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      assert_says (text, rg_dimension_get_name (dimension));
      if (rg_dimension_get_synthesis (dimension) != NULL)
        assert_says (text, rg_dimension_get_synthesis (dimension));
    }

  g_assert_cmpuint (g_list_model_get_n_items (partners), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      assert_says (text, rg_partner_get_name (partner));
    }
  assert_says (text, rg_statement_kind_get_label (RG_STATEMENT_KIND_FACT));
  assert_says (text, rg_link_type_get_label (RG_LINK_TYPE_DIVERGENCE));

  /* Headings in the outline, at their levels; the parts on new pages */
  g_assert_cmpuint (count (content, "<text:h text:style-name=\"Title_20_Page_20_Heading\""
                                    " text:outline-level=\"1\">"), ==, 1);
  g_assert_cmpuint (count (content, "<text:h text:style-name=\"Part_20_Heading\""
                                    " text:outline-level=\"2\">"), ==, 7);
  g_assert_cmpuint (count (content, "text:outline-level=\"3\""), >=,
                    g_list_model_get_n_items (dimensions));
  g_assert_cmpuint (count (content, "<text:h text:style-name=\"Heading_20_4\""
                                    " text:outline-level=\"4\">"), >, 0);
  for (guint level = 1; level <= 4; level++)
    {
      g_autofree char *heading = NULL;

      heading = g_strdup_printf ("style:name=\"Heading_20_%u\" style:display-name=\"Heading %u\""
                                 " style:family=\"paragraph\" style:parent-style-name=\"Heading\""
                                 " style:next-style-name=\"Text_20_body\""
                                 " style:default-outline-level=\"%u\"",
                                 level, level, level);
      g_assert_nonnull (strstr (styles, heading));
    }
  g_assert_nonnull (strstr (styles, "<style:style style:name=\"Part_20_Heading\""));
  g_assert_nonnull (strstr (styles, "fo:break-before=\"page\""));
  g_assert_nonnull (strstr (styles, "fo:keep-with-next=\"always\""));

  /* Bold labels, italic empty notes, the synthesis set off, groups kept */
  g_assert_nonnull (strstr (content, "<text:span text:style-name=\"Strong_20_Emphasis\">"));
  g_assert_nonnull (strstr (content, "<text:p text:style-name=\"Synthesis\">"));
  g_assert_nonnull (strstr (content, "<text:p text:style-name=\"Keep_List\">"));
  g_assert_nonnull (strstr (styles, "<style:style style:name=\"Empty\""));
  g_assert_nonnull (strstr (styles, "fo:font-style=\"italic\""));
  g_assert_nonnull (strstr (content, "<text:list text:style-name=\"List_20_1\">"));

  /* What goes with an item is in it, under its text, and so is the
   * list it opens: a criterion's proposers and indicators */
  g_assert_nonnull (strstr (content, "(agreed)</text:p>\n<text:p text:style-name=\"Keep_Text_20_body\">"
                                     "<text:span text:style-name=\"Strong_20_Emphasis\">Proposed by:</text:span>"));
  g_assert_nonnull (strstr (content, "Indicators:</text:span></text:p>\n<text:list>\n<text:list-item>"));

  /* Tables with their header row, repeated on each page */
  g_assert_cmpuint (count (content, "<table:table "), ==, 2);
  g_assert_cmpuint (count (content, "<table:table-header-rows>"), ==, 2);

  /* An A4 page, the title in the header, the page's number in the footer */
  g_assert_nonnull (strstr (styles, "fo:page-width=\"21.000cm\" fo:page-height=\"29.700cm\""));
  g_assert_nonnull (strstr (styles, "<text:page-number text:select-page=\"current\">"));
  g_assert_nonnull (strstr (styles, "<style:header><text:p text:style-name=\"Header_Tabs\">"
                                    "Revue de situation — trimestre 1<text:tab/>Élève A., CM1</text:p>"));
  g_assert_nonnull (strstr (meta, "<dc:title>Revue de situation — trimestre 1</dc:title>"));
  g_assert_nonnull (strstr (meta, "<dc:language>en</dc:language>"));

  /* Both pictures embedded, as wide as the text, each with its text alternative */
  g_assert_cmpuint (count (content, "<draw:frame "), ==, 2);
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("Pictures/picture-%u.png", i);
      g_autofree char *href = g_strdup_printf ("xlink:href=\"%s\"", name);
      GBytes *png = rg_test_zip_get (package, name);

      g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\211PNG\r\n\032\n", 8);
      g_assert_nonnull (strstr (content, href));
    }
  g_assert_null (g_hash_table_lookup (package->parts, "Pictures/picture-3.png"));
  frame = strstr (content, "<draw:frame ");
  g_assert_nonnull (strstr (frame, "svg:width=\"17.000cm\""));
  g_assert_nonnull (strstr (frame, "<svg:title>Partner × partner picture</svg:title><svg:desc>Agreements"));
  g_assert_null (strstr (content, "<svg:title></svg:title>"));
  g_assert_null (strstr (content, "<svg:desc></svg:desc>"));
  assert_says (text, "Map of the success criteria");
}

static void
assert_no_names (RgTestZip   *package,
                 RgSession *session)
{
  const char * const *persons = rg_session_get_person_names (session);
  GListModel *partners = rg_session_get_partners (session);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (persons);
  for (guint i = 0; persons[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (persons[i]));
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      g_auto(GStrv) words = g_strsplit (rg_partner_get_name (partner), " ", -1);

      g_ptr_array_add (names, g_strdup (rg_partner_get_name (partner)));
      g_ptr_array_add (names, g_strdup (words[g_strv_length (words) - 1]));
    }
  g_assert_cmpuint (names->len, >, 6);

  for (guint p = 0; p < package->names->len; p++)
    {
      const char *part_name = package->names->pdata[p];
      g_autofree char *part = NULL;

      if (g_str_has_suffix (part_name, ".png"))
        continue;
      part = rg_test_zip_get_text (package, part_name);
      for (guint n = 0; n < names->len; n++)
        if (strstr (part, names->pdata[n]) != NULL)
          g_error ("%s still names “%s”", part_name, (char *) names->pdata[n]);
    }
}

static void
test_export_odt_pseudonymised (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgSession) copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);
  g_autoptr(RgTestZip) package = export (copy);
  g_autofree char *text = content_text (package);

  assert_no_names (package, session);
  assert_says (text, "Enseignante de CM1");
}

static void
test_export_odt_escaping (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session), 0);
  g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autoptr(RgTestZip) package = NULL;
  g_autofree char *content = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *meta = NULL;

  rg_session_set_title (session, "Title <script>alert(1)</script> & co");
  rg_dimension_set_synthesis (dimension, "a < b > c & \"d\" 'e'\nsecond  line\twith a tab\n   indented ");
  rg_partner_set_name (partner, "M. <b>O'Hara</b> & \"fils\"");
  package = export (session);
  content = rg_test_zip_get_text (package, "content.xml");
  styles = rg_test_zip_get_text (package, "styles.xml");
  meta = rg_test_zip_get_text (package, "meta.xml");

  g_assert_null (strstr (content, "<script>"));
  g_assert_null (strstr (content, "<b>"));
  g_assert_nonnull (strstr (content, "Title &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
  g_assert_nonnull (strstr (styles, "Title &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
  g_assert_nonnull (strstr (meta, "<dc:title>Title &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</dc:title>"));
  g_assert_nonnull (strstr (content, "M. &lt;b&gt;O&apos;Hara&lt;/b&gt; &amp; &quot;fils&quot;"));

  /* Line breaks, runs of spaces and tabs kept as ODF says them */
  g_assert_nonnull (strstr (content, "<text:p text:style-name=\"Synthesis\">"
                                     "a &lt; b &gt; c &amp; &quot;d&quot; &apos;e&apos;<text:line-break/>"
                                     "second <text:s/>line<text:tab/>with a tab<text:line-break/>"
                                     "<text:s text:c=\"3\"/>indented<text:s/></text:p>"));
}

/* Lengths are written with a point, even where numbers have a comma */
static void
test_export_odt_decimal_comma (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr(RgTestZip) package = NULL;
  g_autofree char *content = NULL;
  g_autofree char *styles = NULL;

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("No French locale to write numbers with a comma");
      return;
    }
  package = export (session);
  setlocale (LC_NUMERIC, saved);

  content = rg_test_zip_get_text (package, "content.xml");
  styles = rg_test_zip_get_text (package, "styles.xml");
  g_assert_nonnull (strstr (styles, "fo:page-width=\"21.000cm\""));
  g_assert_nonnull (strstr (content, "svg:width=\"17.000cm\""));
  g_assert_null (strstr (styles, ",000cm"));
  g_assert_null (strstr (content, ",000cm"));
}

/* Checks that each paragraph and heading, taken alone, closes every
 * direction control it opens */
static void
assert_paragraphs_balanced (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (g_str_equal ((const char *) node->name, "p") || g_str_equal ((const char *) node->name, "h"))
        {
          g_autofree char *text = (char *) xmlNodeGetContent (node);

          rg_test_assert_bidi_balanced (text);
        }
      else
        {
          assert_paragraphs_balanced (node->children);
        }
    }
}

/* Texts that open a right-to-left override and never close it turn
 * around no word of the report but their own */
static void
test_export_odt_bidi (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgTestZip) package = NULL;
  g_autofree char *text = NULL;
  xmlDocPtr doc;

  rg_test_open_overrides (session);
  package = export (session);
  doc = parse_part (package, "content.xml", "document-content", OFFICE_NS);
  assert_paragraphs_balanced (xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);

  text = content_text (package);
  assert_says (text, RG_TEST_FSI RG_TEST_LRM RG_TEST_RLO RG_TEST_OVERRIDDEN_CRITERION
                     RG_TEST_PDF RG_TEST_PDI " (agreed)");
}

/* A criterion the team judged met says so */
static void
test_export_odt_criterion_met (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgCategory) category = rg_category_new ("Pour l'enfant");
  g_autoptr(RgCriterion) met = rg_criterion_new ("Vient chaque matin");
  g_autoptr(RgCriterion) agreed = rg_criterion_new ("Dort mieux");
  g_autoptr(RgTestZip) package = NULL;
  g_autofree char *text = NULL;

  rg_criterion_set_agreed (met, TRUE);
  rg_criterion_set_met (met, TRUE);
  rg_category_add_criterion (category, met);
  rg_criterion_set_agreed (agreed, TRUE);
  rg_category_add_criterion (category, agreed);
  rg_session_add_category (session, category);

  package = export (session);
  text = content_text (package);
  assert_says (text, "Vient chaque matin (agreed, met)");
  assert_says (text, "Dort mieux (agreed)");
}

static void
test_export_odt_empty (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgTestZip) package = export (session);
  g_autofree char *text = content_text (package);
  g_autofree char *manifest = rg_test_zip_get_text (package, "META-INF/manifest.xml");

  /* A whole report, without pictures to draw */
  assert_says (text, "Diagnosis by dimension");
  assert_says (text, "No participants.");
  for (guint i = 0; i < package->names->len; i++)
    g_assert_false (g_str_has_prefix (package->names->pdata[i], "Pictures/"));
  g_assert_null (strstr (manifest, "Pictures/"));
}

/* {{{ The command line */

/* Reads the package @name in work_dir, checking it is readable by its
 * owner only */
static RgTestZip *
read_private_package (const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) odt = NULL;
  char *contents = NULL;
  gsize size;
  struct stat st;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  odt = g_bytes_new_take (contents, size);

  return read_package (odt);
}

static void
test_export_odt_cli (void)
{
  g_auto(RgTestRun) run = { 0 };
  g_autofree char *path = rg_test_example_path ();
  g_autofree char *written = g_build_filename (work_dir, "rapport.odt", NULL);
  g_autoptr(RgTestZip) package = NULL;
  g_autoptr(RgTestZip) again = NULL;
  g_autofree char *text = NULL;

  rg_test_run_cli (&run, work_dir, "export", "--format", "odt", path, "-o", "rapport.odt", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "rapport.odt"));

  package = read_private_package ("rapport.odt");
  text = content_text (package);
  assert_says (text, "Mme Roussel");
  assert_says (text, "Scolarité et apprentissages");
  g_assert_nonnull (g_hash_table_lookup (package->parts, "Pictures/picture-2.png"));

  /* A second export replaces the first, and the format's name may be
   * written in capitals */
  rg_test_run_clear (&run);
  rg_test_run_cli (&run, work_dir, "export", "-f", "ODT", path, "-o", "rapport.odt", NULL);
  g_assert_cmpint (run.status, ==, 0);
  again = read_private_package ("rapport.odt");
  g_assert_cmpuint (again->names->len, ==, package->names->len);

  g_remove (written);
}

static void
test_export_odt_cli_pseudonymised (void)
{
  g_auto(RgTestRun) run = { 0 };
  g_autofree char *path = rg_test_example_path ();
  g_autofree char *written = g_build_filename (work_dir, "anonyme.odt", NULL);
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgTestZip) package = NULL;

  rg_test_run_cli (&run, work_dir, "export", "--pseudonymise", "--format", "odt", path,
                   "-o", "anonyme.odt", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  package = read_private_package ("anonyme.odt");
  assert_no_names (package, session);

  g_remove (written);
}

/* }}} */
/* {{{ LibreOffice */

/* A font whose characters are not the Unicode ones: a bullet in it is
 * written in the Private Use Area when converted, and copies as garbage */
static gboolean
is_symbol_font (const char *name)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);

  return strstr (folded, "symbol") != NULL || strstr (folded, "wingdings") != NULL ||
         strstr (folded, "dingbats") != NULL;
}

static void
collect_elements (xmlNodePtr  node,
                  const char *name,
                  const char *namespace,
                  GPtrArray  *found)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, (const xmlChar *) name) && node->ns != NULL &&
          xmlStrEqual (node->ns->href, (const xmlChar *) namespace))
        g_ptr_array_add (found, node);
      collect_elements (node->children, name, namespace, found);
    }
}

/* Each level of the list style has a plain Unicode bullet in a font
 * the document declares, never a symbol font: LibreOffice gives a
 * bullet without a font its OpenSymbol, which becomes Symbol's private
 * character when converted to DOCX */
static void
test_export_odt_list_bullets (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgTestZip) package = export (session);
  xmlDocPtr doc = parse_part (package, "styles.xml", "document-styles", OFFICE_NS);
  g_autoptr(GPtrArray) faces = g_ptr_array_new ();
  g_autoptr(GPtrArray) levels = g_ptr_array_new ();
  g_autoptr(GHashTable) declared = g_hash_table_new_full (g_str_hash, g_str_equal, xmlFree, NULL);

  collect_elements (xmlDocGetRootElement (doc), "font-face", STYLE_NS, faces);
  for (guint i = 0; i < faces->len; i++)
    g_hash_table_add (declared, xmlGetNsProp (faces->pdata[i], (const xmlChar *) "name",
                                              (const xmlChar *) STYLE_NS));

  collect_elements (xmlDocGetRootElement (doc), "list-level-style-bullet", TEXT_NS, levels);
  g_assert_cmpuint (levels->len, >=, 2);
  for (guint i = 0; i < levels->len; i++)
    {
      xmlNodePtr level = levels->pdata[i];
      xmlChar *bullet = xmlGetNsProp (level, (const xmlChar *) "bullet-char", (const xmlChar *) TEXT_NS);
      g_autoptr(GPtrArray) properties = g_ptr_array_new ();
      gunichar c;
      xmlChar *font;

      g_assert_nonnull (bullet);
      g_assert_true (g_utf8_validate ((const char *) bullet, -1, NULL));
      g_assert_cmpint (g_utf8_strlen ((const char *) bullet, -1), ==, 1);
      c = g_utf8_get_char ((const char *) bullet);
      g_assert_false (c >= 0xE000 && c <= 0xF8FF);
      g_assert_true (g_unichar_isprint (c));
      if (i == 0)
        g_assert_cmpuint (c, ==, 0x2022);  /* • */
      xmlFree (bullet);

      collect_elements (level->children, "text-properties", STYLE_NS, properties);
      g_assert_cmpuint (properties->len, ==, 1);
      font = xmlGetNsProp (properties->pdata[0], (const xmlChar *) "font-name", (const xmlChar *) STYLE_NS);
      g_assert_nonnull (font);
      g_assert_true (g_hash_table_contains (declared, font));
      g_assert_false (is_symbol_font ((const char *) font));
      xmlFree (font);
    }

  xmlFreeDoc (doc);
}

/* Converted to DOCX by LibreOffice, as a partner with Word receives it,
 * the bullets stay the Unicode ones in a plain font */
static void
test_export_odt_libreoffice_docx (void)
{
  g_autofree char *office = g_find_program_in_path ("soffice");
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GBytes) odt = NULL;
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(RgTestZip) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) fonts = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *odt_path = NULL;
  g_autofree char *docx_path = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *user_installation = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *numbering = NULL;
  gsize length = 0;
  guint n_fonts = 0;
  int status;

  if (office == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }

  dir = g_build_filename (work_dir, "docx", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  odt_path = g_build_filename (dir, "rapport.odt", NULL);
  docx_path = g_build_filename (dir, "rapport.docx", NULL);
  profile = g_build_filename (dir, "profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, &error);
  g_assert_no_error (error);
  user_installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);

  odt = rg_export_odt (session, &error);
  g_assert_no_error (error);
  g_file_set_contents (odt_path, g_bytes_get_data (odt, NULL), g_bytes_get_size (odt), &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { office, user_installation, "--headless", "--norestore",
                           "--convert-to", "docx", "--outdir", dir, odt_path, NULL };

    g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) ||
      !g_file_get_contents (docx_path, &contents, &length, NULL))
    {
      /* A LibreOffice without Writer (only Calc, say) converts nothing */
      g_test_skip ("LibreOffice could not convert to DOCX (is Writer installed?)");
      return;
    }

  docx = g_bytes_new_take (g_steal_pointer (&contents), length);
  package = rg_test_zip_read (docx);
  numbering = rg_test_zip_get_text (package, "word/numbering.xml");
  g_assert_nonnull (numbering);

  g_assert_nonnull (strstr (numbering, "<w:lvlText w:val=\"•\"/>"));
  g_assert_null (strstr (numbering, "<w:lvlText w:val=\"\xef\x82\xb7\"/>"));  /* U+F0B7 */

  fonts = g_regex_new ("<w:rFonts w:ascii=\"([^\"]*)\"", 0, 0, NULL);
  g_regex_match (fonts, numbering, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *font = g_match_info_fetch (match, 1);

      if (is_symbol_font (font))
        g_error ("A bullet of the DOCX is in %s", font);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static void
test_export_odt_libreoffice (void)
{
  g_autofree char *office = g_find_program_in_path ("libreoffice");
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GBytes) odt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *odt_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *user_installation = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pdf = NULL;
  gsize pdf_size = 0;
  int status;

  if (office == NULL)
    office = g_find_program_in_path ("soffice");
  if (office == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }

  dir = g_build_filename (work_dir, "libreoffice", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  odt_path = g_build_filename (dir, "rapport.odt", NULL);
  pdf_path = g_build_filename (dir, "rapport.pdf", NULL);
  /* A profile of its own, never the user's */
  profile = g_build_filename (dir, "profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, &error);
  g_assert_no_error (error);
  user_installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);

  odt = rg_export_odt (session, &error);
  g_assert_no_error (error);
  g_file_set_contents (odt_path, g_bytes_get_data (odt, NULL), g_bytes_get_size (odt), &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { office, user_installation, "--headless", "--norestore",
                           "--convert-to", "pdf", "--outdir", dir, odt_path, NULL };

    g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("LibreOffice failed: %s\n%s%s", error->message, out, err);

  if (!g_file_get_contents (pdf_path, &pdf, &pdf_size, NULL))
    g_error ("LibreOffice made no PDF:\n%s%s", out, err);
  g_assert_cmpuint (pdf_size, >, 10000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  work_dir = g_build_filename (tmp, "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (work_dir, 0700), ==, 0);

  g_test_add_func ("/export-odt/example", test_export_odt_example);
  g_test_add_func ("/export-odt/pseudonymised", test_export_odt_pseudonymised);
  g_test_add_func ("/export-odt/escaping", test_export_odt_escaping);
  g_test_add_func ("/export-odt/decimal-comma", test_export_odt_decimal_comma);
  g_test_add_func ("/export-odt/bidi", test_export_odt_bidi);
  g_test_add_func ("/export-odt/empty", test_export_odt_empty);
  g_test_add_func ("/export-odt/criterion-met", test_export_odt_criterion_met);
  g_test_add_func ("/export-odt/cli", test_export_odt_cli);
  g_test_add_func ("/export-odt/cli-pseudonymised", test_export_odt_cli_pseudonymised);
  g_test_add_func ("/export-odt/libreoffice", test_export_odt_libreoffice);
  g_test_add_func ("/export-odt/list-bullets", test_export_odt_list_bullets);
  g_test_add_func ("/export-odt/libreoffice-docx", test_export_odt_libreoffice_docx);

  return g_test_run ();
}
