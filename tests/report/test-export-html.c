/* test-export-html.c — rg_export_html()
 *
 * The report is read back with libxml2's XML parser, which refuses
 * anything not well-formed, and searched for what the issue asks of it.
 * Every report exported here also goes through a structural check that
 * needs nothing but libxml2 (headings in order and never inside a list,
 * lists of items, tables with a header row of column headers, pictures
 * with a text), and, where Node and the html-validate package are
 * installed (npm ci --prefix tests), through html-validate with the
 * configuration in tests/.htmlvalidate.cjs, as are the reports of every
 * session file among the fixtures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rg-export-html.h"
#include "rg-file-io.h"
#include "rg-follow-up.h"
#include "rg-pseudonymise.h"
#include "rg-session-xml.h"
#include "rg-test-bidi.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

#define DOCTYPE "<!DOCTYPE html>\n"

/* Where every report exported is written, for html-validate */
static char *reports_dir;
static guint n_reports;

/* Fails on a heading inside a list: it would be indented in the browser
 * and in print, and HTML does not allow it where a list item's content
 * is phrasing (html-validate reports it). */
static void
assert_no_heading_in_list (xmlNodePtr node,
                           gboolean   in_list)
{
  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *) node->name;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (in_list && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
        g_error ("A <%s> inside a list", name);
      assert_no_heading_in_list (node->children,
                                 in_list || g_str_equal (name, "ul") || g_str_equal (name, "ol"));
    }
}

static gboolean
is_named (xmlNodePtr  node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

/* The level of a heading element, or 0 */
static int
heading_level (xmlNodePtr node)
{
  const char *name = (const char *) node->name;

  if (node->type == XML_ELEMENT_NODE && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
      name[2] == '\0')
    return name[1] - '0';
  return 0;
}

static void
assert_attribute (xmlNodePtr  node,
                  const char *attribute,
                  const char *expected)
{
  g_autofree char *value = (char *) xmlGetProp (node, BAD_CAST attribute);

  if (value == NULL || (expected != NULL ? !g_str_equal (value, expected) : *value == '\0'))
    g_error ("<%s> has %s=\"%s\", not \"%s\"", node->name, attribute,
             value != NULL ? value : "(none)", expected != NULL ? expected : "(some text)");
}

static guint
count_cells (xmlNodePtr row,
             const char *name)
{
  guint n = 0;

  for (xmlNodePtr cell = row->children; cell != NULL; cell = cell->next)
    if (cell->type == XML_ELEMENT_NODE)
      {
        if (!is_named (cell, name))
          g_error ("A <%s> in a row of <%s>", cell->name, name);
        n++;
      }

  return n;
}

/* A table: one header row of column headers in a thead, then its rows
 * in a tbody, every row as wide as the header */
static void
assert_table (xmlNodePtr table)
{
  guint n_columns = 0;
  guint n_parts = 0;

  for (xmlNodePtr part = table->children; part != NULL; part = part->next)
    {
      if (part->type != XML_ELEMENT_NODE)
        continue;
      n_parts++;
      if (n_parts == 1 && !is_named (part, "thead"))
        g_error ("A table that starts with <%s>, not <thead>", part->name);
      if (n_parts == 2 && !is_named (part, "tbody"))
        g_error ("A table whose body is a <%s>, not <tbody>", part->name);
      g_assert_cmpuint (n_parts, <=, 2);

      for (xmlNodePtr row = part->children; row != NULL; row = row->next)
        {
          if (row->type != XML_ELEMENT_NODE)
            continue;
          g_assert_true (is_named (row, "tr"));
          if (n_parts == 1)
            {
              g_assert_cmpuint (n_columns, ==, 0);
              n_columns = count_cells (row, "th");
              for (xmlNodePtr cell = row->children; cell != NULL; cell = cell->next)
                if (cell->type == XML_ELEMENT_NODE)
                  assert_attribute (cell, "scope", "col");
            }
          else
            g_assert_cmpuint (count_cells (row, "td"), ==, n_columns);
        }
    }
  g_assert_cmpuint (n_columns, >, 0);
}

/* Walks the document in order: headings that skip no level down (an h2
 * may follow an h4, an h4 may not follow an h2), never inside a list;
 * lists whose children are items; tables; pictures with a text */
static void
assert_structure (xmlNodePtr node,
                  gboolean   in_list,
                  int       *last_level)
{
  for (; node != NULL; node = node->next)
    {
      int level = heading_level (node);

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (level > 0)
        {
          if (in_list)
            g_error ("A <%s> inside a list", node->name);
          if (level > *last_level + 1)
            g_error ("An <h%d> after an <h%d>: a heading level skipped", level, *last_level);
          *last_level = level;
        }
      else if (is_named (node, "ul") || is_named (node, "ol"))
        {
          for (xmlNodePtr item = node->children; item != NULL; item = item->next)
            if (item->type == XML_ELEMENT_NODE && !is_named (item, "li"))
              g_error ("A <%s> in a list, not in an item", item->name);
        }
      else if (is_named (node, "table"))
        assert_table (node);
      else if (is_named (node, "img"))
        assert_attribute (node, "alt", NULL);

      assert_structure (node->children,
                        in_list || is_named (node, "ul") || is_named (node, "ol"),
                        last_level);
    }
}

/* The whole document: its language, one h1 first, and the walk above */
static void
assert_document_structure (xmlNodePtr root)
{
  int last_level = 0;
  guint n_h1 = 0;
  xmlNodePtr body = NULL;

  assert_attribute (root, "lang", NULL);
  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    if (is_named (child, "body"))
      body = child;
  g_assert_nonnull (body);
  assert_structure (body->children, FALSE, &last_level);
  g_assert_cmpint (last_level, >, 0);

  for (xmlNodePtr child = body->children; child != NULL; child = child->next)
    if (is_named (child, "h1"))
      n_h1++;
  g_assert_cmpuint (n_h1, <=, 1);
}

/* Keeps @data in reports_dir, for html-validate */
static void
keep_report (const char *data,
             gsize       size)
{
  g_autofree char *name = g_strdup_printf ("report-%03u.html", ++n_reports);
  g_autofree char *path = g_build_filename (reports_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, size, NULL));
}

/* Exports @session, checks the document is well-formed XML with an
 * html root, and returns its text */
static char *
export (RgSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rg_export_html (session, &error);
  const char *data;
  gsize size;
  htmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  xmlNodePtr root;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, size, NULL));
  g_assert_true (g_str_has_prefix (data, DOCTYPE));

  doc = xmlReadMemory (data + strlen (DOCTYPE), size - strlen (DOCTYPE), "report.html", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "html");
  assert_no_heading_in_list (root, FALSE);
  assert_document_structure (root);
  xmlFreeDoc (doc);
  keep_report (data, size);

  /* libxml2's HTML parser, doctype and all, finds nothing to fix either */
  ctxt = htmlNewParserCtxt ();
  doc = htmlCtxtReadMemory (ctxt, data, size, "report.html", "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  g_assert_cmpint (ctxt->errNo, ==, 0);
  g_assert_true (ctxt->wellFormed);
  xmlFreeDoc (doc);
  htmlFreeParserCtxt (ctxt);

  return g_strndup (data, size);
}

static void
assert_contains (const char *html,
                 const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (strstr (html, escaped) == NULL)
    g_error ("The report lacks “%s”", text);
}

static void
test_export_html_example (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autofree char *html = export (session);
  GListModel *dimensions = rg_session_get_dimensions (session);
  GListModel *partners = rg_session_get_partners (session);
  GListModel *terms = rg_session_get_terms (session);
  const char *sections[] = { "class=\"title-page\"", "class=\"section diagnosis\"",
                             "class=\"section links\"", "class=\"section picture\"",
                             "class=\"section glossary\"", "class=\"section criteria\"",
                             "class=\"section actions\"", "class=\"section review\"" };
  const char *previous = html;

  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\"/>"));
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_nonnull (strstr (html, "@page"));
  g_assert_nonnull (strstr (html, " lang=\""));

  g_assert_cmpuint (g_list_model_get_n_items (dimensions), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      assert_contains (html, rg_dimension_get_name (dimension));
      if (rg_dimension_get_synthesis (dimension) != NULL)
        assert_contains (html, rg_dimension_get_synthesis (dimension));
    }

  g_assert_cmpuint (g_list_model_get_n_items (partners), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      assert_contains (html, rg_partner_get_name (partner));
      if (rg_partner_get_profession (partner) != NULL)
        assert_contains (html, rg_partner_get_profession (partner));
    }

  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (terms, i);

      assert_contains (html, rg_term_get_word (term));
    }

  /* Kinds and link types in words */
  assert_contains (html, rg_statement_kind_get_label (RG_STATEMENT_KIND_FACT));
  assert_contains (html, rg_link_type_get_label (RG_LINK_TYPE_DIVERGENCE));

  /* Both pictures embedded, each with a text alternative */
  {
    const char *first = strstr (html, "<img src=\"data:image/png;base64,");
    const char *second;

    g_assert_nonnull (first);
    second = strstr (first + 1, "<img src=\"data:image/png;base64,");
    g_assert_nonnull (second);
    g_assert_nonnull (strstr (first, "\" alt=\""));
    g_assert_null (strstr (html, "alt=\"\""));
  }

  /* The sections in the order of the issue */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const char *found = strstr (previous, sections[i]);

      if (found == NULL)
        g_error ("Section %s missing or out of order", sections[i]);
      previous = found;
    }
}

static void
test_export_html_pseudonymised (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgSession) copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);
  g_autofree char *html = export (copy);
  GListModel *partners = rg_session_get_partners (session);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      g_autofree char *escaped = g_markup_escape_text (rg_partner_get_name (partner), -1);

      g_assert_null (strstr (html, escaped));
    }
  g_assert_null (strstr (html, "Benali"));
  g_assert_null (strstr (html, "Adam"));
}

static void
test_export_html_escaping (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session), 0);
  g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autofree char *html = NULL;

  rg_session_set_title (session, "Title <script>alert(1)</script> & co");
  rg_dimension_set_synthesis (dimension, "a < b > c & \"d\" 'e'");
  rg_partner_set_name (partner, "M. <b>O'Hara</b> & \"fils\"");
  html = export (session);

  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_nonnull (strstr (html, "Title &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
  g_assert_nonnull (strstr (html, "a &lt; b &gt; c &amp; &quot;d&quot; &apos;e&apos;"));
  g_assert_nonnull (strstr (html, "M. &lt;b&gt;O&apos;Hara&lt;/b&gt; &amp; &quot;fils&quot;"));
}

static void
test_export_html_dates (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgSession) copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_MONTH_DATES);
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  g_autofree char *html = NULL;
  g_autofree char *month_html = NULL;
  g_autofree char *month = NULL;

  /* Without a locale to say how, dates stay unambiguous */
  g_assert_nonnull (setlocale (LC_TIME, "C"));
  html = export (session);
  month_html = export (copy);
  setlocale (LC_TIME, saved);

  g_assert_cmpstr (rg_session_get_date (session), ==, "2026-11-17");
  g_assert_nonnull (strstr (html, "2026-11-17"));

  /* A date reduced to its month is printed as its month */
  month = g_markup_escape_text ("2026-11", -1);
  g_assert_nonnull (strstr (month_html, month));
  g_assert_null (strstr (month_html, "2026-11-17"));
  g_assert_null (strstr (month_html, "2026-11-01"));
}

/* A follow-up session reports what the one before left open */
static void
test_export_html_left_open (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgSession) follow_up = rg_session_new_follow_up (session);
  g_autoptr(RgReviewItem) item = NULL;
  g_autofree char *html = export (follow_up);
  g_autofree char *plain = export (session);
  const char *author, *dimension;
  const char *quote;

  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_review_items (follow_up)), >, 0);
  item = g_list_model_get_item (rg_session_get_review_items (follow_up), 0);
  quote = rg_review_item_get_quote (item, 0, &author, &dimension);

  g_assert_nonnull (strstr (html, "class=\"section left-open\""));
  assert_contains (html, "Left open last time");
  assert_contains (html, quote);
  assert_contains (html, author);
  assert_contains (html, "not reviewed yet");

  /* Not in a session that follows none */
  g_assert_null (strstr (plain, "class=\"section left-open\""));
}

/* Checks that each element holding text, taken alone, closes every
 * direction control it opens */
static void
assert_elements_balanced (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      const char *tags[] = { "title", "h1", "h2", "h3", "h4", "p", "li", "th", "td", NULL };

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (g_strv_contains (tags, (const char *) node->name))
        {
          g_autofree char *text = (char *) xmlNodeGetContent (node);

          rg_test_assert_bidi_balanced (text);
        }
      assert_elements_balanced (node->children);
    }
}

/* Texts that open a right-to-left override and never close it turn
 * around no word of the report but their own */
static void
test_export_html_bidi (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  RgStatement *statement = rg_test_open_overrides (session);
  g_autofree char *html = export (session);
  g_autofree char *isolated_statement = NULL;
  g_autofree char *after_label = NULL;
  g_autofree char *criterion = NULL;
  const char *body;
  xmlDocPtr doc;

  body = html + strlen (DOCTYPE);
  doc = xmlReadMemory (body, strlen (body), "report.html", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  assert_elements_balanced (xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);

  /* The statement closes its override and is set apart, after its
   * label in a span of its own direction */
  isolated_statement = g_strconcat (RG_TEST_FSI RG_TEST_LRM RG_TEST_RLO, RG_TEST_OVERRIDDEN_STATEMENT,
                                    RG_TEST_PDF RG_TEST_PDI, NULL);
  after_label = g_strconcat ("</span> <span dir=\"auto\">", isolated_statement, "</span>", NULL);
  g_assert_nonnull (strstr (html, after_label));
  g_assert_cmpstr (rg_statement_get_text (statement), ==,
                   RG_TEST_RLO RG_TEST_OVERRIDDEN_STATEMENT);

  /* So does a criterion before the words that say it is agreed */
  criterion = g_strconcat (RG_TEST_FSI RG_TEST_LRM RG_TEST_RLO RG_TEST_OVERRIDDEN_CRITERION
                           RG_TEST_PDF RG_TEST_PDI,
                           " (agreed)", NULL);
  assert_contains (html, criterion);

  /* Texts without controls are written as they always were */
  assert_contains (html, rg_session_get_title (session));
}

static void
test_export_html_empty (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autofree char *html = export (session);

  /* An empty session still gives a whole report, without pictures to draw */
  g_assert_nonnull (strstr (html, "class=\"section diagnosis\""));
  g_assert_null (strstr (html, "data:image/png"));
}

/* Roles as the team gave them, an owner from outside the team, and a
 * consent carried over that the family has still to confirm */
static void
test_export_html_roles_owner_consent (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) mother = rg_partner_new ();
  g_autoptr(RgPartner) coordinator = rg_partner_new ();
  g_autoptr(RgAction) action = rg_action_new ("Bilan orthophonique");
  g_autoptr(RgConsent) consent = rg_consent_new ("Partager le bilan");
  g_autofree char *html = NULL;

  rg_partner_set_name (mother, "Mme L. (mère)");
  rg_partner_set_role (mother, RG_PARTNER_ROLE_FAMILY);
  rg_session_add_partner (session, mother);
  rg_partner_set_name (coordinator, "Mme Fontaine");
  rg_partner_set_role (coordinator, RG_PARTNER_ROLE_COORDINATOR);
  rg_session_add_partner (session, coordinator);
  rg_action_set_owner_name (action, "Orthophoniste du CMP");
  rg_session_add_action (session, action);
  rg_consent_set_to_confirm (consent, TRUE);
  rg_session_add_consent (session, consent);

  html = export (session);
  g_assert_nonnull (strstr (html, ">Family<"));
  g_assert_nonnull (strstr (html, ">Coordinator<"));
  g_assert_null (strstr (html, ">Professional<"));
  g_assert_nonnull (strstr (html, "Orthophoniste du CMP"));
  g_assert_nonnull (strstr (html, "To confirm with the family"));
}

/* A criterion the team judged met says so, agreed or not */
static void
test_export_html_criterion_met (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgCategory) category = rg_category_new ("Pour l'enfant");
  g_autoptr(RgCriterion) met = rg_criterion_new ("Vient chaque matin");
  g_autoptr(RgCriterion) proposed = rg_criterion_new ("Lit seul");
  g_autoptr(RgCriterion) agreed = rg_criterion_new ("Dort mieux");
  g_autofree char *html = NULL;

  rg_criterion_set_agreed (met, TRUE);
  rg_criterion_set_met (met, TRUE);
  rg_category_add_criterion (category, met);
  rg_criterion_set_met (proposed, TRUE);
  rg_category_add_criterion (category, proposed);
  rg_criterion_set_agreed (agreed, TRUE);
  rg_category_add_criterion (category, agreed);
  rg_session_add_category (session, category);

  html = export (session);
  assert_contains (html, "Vient chaque matin (agreed, met)");
  assert_contains (html, "Lit seul (proposed, met)");
  assert_contains (html, "Dort mieux (agreed)");
}

/* Every session file among the fixtures that opens, as it is and
 * pseudonymised, through the checks of export () */
static void
export_fixtures_in (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(RgSession) session = NULL;
      g_autoptr(RgSession) copy = NULL;
      g_autofree char *html = NULL;
      g_autofree char *pseudonymised = NULL;
      gsize size;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          export_fixtures_in (path);
          continue;
        }
      if (!g_str_has_suffix (name, ".regards") ||
          !g_file_get_contents (path, &contents, &size, NULL))
        continue;
      bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
      session = rg_session_new_from_bytes (bytes, NULL);
      if (session == NULL)
        continue;   /* a broken or hostile file, which opens nothing */

      g_test_message ("Exporting %s", path);
      html = export (session);
      copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);
      pseudonymised = export (copy);
    }
}

static void
test_export_html_fixtures (void)
{
  g_autofree char *examples = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", NULL);
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  guint before = n_reports;

  export_fixtures_in (examples);
  export_fixtures_in (data);
  /* The example at least, and a few of the format's fixtures */
  g_assert_cmpuint (n_reports - before, >=, 6);
}

/* html-validate, a third party, finds nothing wrong with any report
 * exported by the tests above (run in order, so this one comes last) */
static void
test_export_html_validate (void)
{
  g_autofree char *validator = g_test_build_filename (G_TEST_DIST, "node_modules", ".bin",
                                                      "html-validate", NULL);
  g_autofree char *config = g_test_build_filename (G_TEST_DIST, ".htmlvalidate.cjs", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *name;
  int status;

  if (!g_file_test (validator, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("html-validate is not installed: run “npm ci --prefix tests” "
                   "(build-aux/regards-dev does when Node is present)");
      return;
    }
  if (n_reports == 0)
    test_export_html_fixtures ();

  g_ptr_array_add (argv, g_strdup (validator));
  g_ptr_array_add (argv, g_strdup ("--config"));
  g_ptr_array_add (argv, g_strdup (config));
  dir = g_dir_open (reports_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (argv, g_build_filename (reports_dir, name, NULL));
  g_assert_cmpuint (argv->len, ==, 3 + n_reports);
  g_ptr_array_add (argv, NULL);

  g_test_message ("html-validate on %u reports", n_reports);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("html-validate finds problems:\n%s%s", out, err);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);
  reports_dir = g_build_filename (tmp, "reports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (reports_dir, 0700), ==, 0);

  g_test_add_func ("/export-html/example", test_export_html_example);
  g_test_add_func ("/export-html/pseudonymised", test_export_html_pseudonymised);
  g_test_add_func ("/export-html/escaping", test_export_html_escaping);
  g_test_add_func ("/export-html/dates", test_export_html_dates);
  g_test_add_func ("/export-html/left-open", test_export_html_left_open);
  g_test_add_func ("/export-html/bidi", test_export_html_bidi);
  g_test_add_func ("/export-html/empty", test_export_html_empty);
  g_test_add_func ("/export-html/roles-owner-consent", test_export_html_roles_owner_consent);
  g_test_add_func ("/export-html/criterion-met", test_export_html_criterion_met);
  g_test_add_func ("/export-html/fixtures", test_export_html_fixtures);
  g_test_add_func ("/export-html/html-validate", test_export_html_validate);

  return g_test_run ();
}
