/* test-export-pdf.c — rg_export_pdf()
 *
 * The PDF is read back by poppler's pdftotext (rg-test-pdf.c), as a
 * reader would see it: its words, and where each word is on its page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rg-export-pdf.h"
#include "rg-pseudonymise.h"
#include "rg-test-bidi.h"
#include "rg-test-pdf.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

static char *work_dir;

/* Writes @session's PDF report into the work folder, returns its path */
static char *
export (RgSession  *session,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = rg_export_pdf (session, &error);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* Every word of @expected, where a table's cell may have cut it */
static void
assert_has_words (const char *flat_text,
                  const char *expected)
{
  g_auto(GStrv) words = g_strsplit (expected, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (flat_text, words[i]) == NULL)
      g_error ("The PDF lacks “%s” of “%s”", words[i], expected);
}

static void
test_export_pdf_example (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autofree char *path = export (session, "example.pdf");
  g_autofree char *text = rg_test_pdf_to_text (path, NULL);
  g_autofree char *flat = rg_test_flatten (text);
  GListModel *dimensions = rg_session_get_dimensions (session);
  GListModel *partners = rg_session_get_partners (session);
  const char *parts[] = { "Diagnosis by dimension", "Agreements and divergences",
                          "Partner × partner picture", "Glossary", "Success criteria",
                          "Actions", "Next review", "Consent" };
  const char *previous = flat;
  guint pages = rg_test_pdf_count_pages (path);
  g_autofree char *last_footer = g_strdup_printf ("Page %u of %u", pages, pages);

  rg_test_assert_reads (flat, rg_session_get_title (session));
  rg_test_assert_reads (flat, rg_session_get_situation_label (session));

  g_assert_cmpuint (g_list_model_get_n_items (dimensions), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      rg_test_assert_reads (flat, rg_dimension_get_name (dimension));
      if (rg_dimension_get_synthesis (dimension) != NULL)
        rg_test_assert_reads (flat, rg_dimension_get_synthesis (dimension));
    }

  g_assert_cmpuint (g_list_model_get_n_items (partners), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      rg_test_assert_reads (flat, rg_partner_get_name (partner));
      assert_has_words (flat, rg_partner_get_profession (partner));
    }

  /* Every part, in the order of the meeting */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *found = strstr (previous, parts[i]);

      if (found == NULL)
        g_error ("Part “%s” missing or out of order", parts[i]);
      previous = found;
    }
  g_assert_cmpuint (pages, >=, 8);

  /* Numbered pages */
  rg_test_assert_reads (flat, "Page 1 of");
  rg_test_assert_reads (flat, last_footer);
}

static void
test_export_pdf_pseudonymised (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgSession) copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);
  g_autofree char *path = export (copy, "pseudonymised.pdf");
  g_autofree char *text = rg_test_pdf_to_text (path, NULL);
  g_autofree char *flat = rg_test_flatten (text);
  GListModel *partners = rg_session_get_partners (session);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      g_auto(GStrv) words = g_strsplit (rg_partner_get_name (partner), " ", -1);

      /* Neither the name nor its surname alone */
      g_assert_null (strstr (flat, rg_partner_get_name (partner)));
      g_assert_null (strstr (flat, words[g_strv_length (words) - 1]));
    }
  g_assert_null (strstr (flat, "Adam"));
  g_assert_null (strstr (flat, rg_session_get_situation_label (session)));
  rg_test_assert_reads (flat, rg_session_get_situation_code (session));
}

/* Every word pdftotext finds on @path's pages, with its box */
typedef struct
{
  double page_width;
  double page_height;
  double x_min;
  double y_min;
  double x_max;
  double y_max;
  guint  page;
} WordBox;

static GArray *
read_word_boxes (const char *path)
{
  g_autofree char *bbox = rg_test_pdf_to_text (path, "-bbox");
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (WordBox));
  xmlDocPtr doc;
  xmlNodePtr node;
  guint page_number = 0;

  doc = xmlReadMemory (bbox, strlen (bbox), "bbox.html", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);

  /* html > body > doc > page > word */
  node = xmlDocGetRootElement (doc);
  for (node = node->children; node != NULL && !xmlStrEqual (node->name, BAD_CAST "body"); node = node->next)
    ;
  g_assert_nonnull (node);
  for (node = node->children; node != NULL && !xmlStrEqual (node->name, BAD_CAST "doc"); node = node->next)
    ;
  g_assert_nonnull (node);

  for (xmlNodePtr page = node->children; page != NULL; page = page->next)
    {
      double width, height;
      xmlChar *value;

      if (page->type != XML_ELEMENT_NODE || !xmlStrEqual (page->name, BAD_CAST "page"))
        continue;

      value = xmlGetProp (page, BAD_CAST "width");
      width = g_ascii_strtod ((const char *) value, NULL);
      xmlFree (value);
      value = xmlGetProp (page, BAD_CAST "height");
      height = g_ascii_strtod ((const char *) value, NULL);
      xmlFree (value);

      for (xmlNodePtr word = page->children; word != NULL; word = word->next)
        {
          WordBox box = { width, height, 0, 0, 0, 0, page_number };
          const char *names[] = { "xMin", "yMin", "xMax", "yMax" };
          double *fields[] = { &box.x_min, &box.y_min, &box.x_max, &box.y_max };

          if (word->type != XML_ELEMENT_NODE)
            continue;
          for (guint i = 0; i < G_N_ELEMENTS (names); i++)
            {
              value = xmlGetProp (word, BAD_CAST names[i]);
              *fields[i] = g_ascii_strtod ((const char *) value, NULL);
              xmlFree (value);
            }
          g_array_append_val (boxes, box);
        }
      page_number++;
    }

  xmlFreeDoc (doc);
  return boxes;
}

static void
assert_inside_margins (GArray *boxes)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      WordBox *box = &g_array_index (boxes, WordBox, i);

      g_assert_cmpfloat_with_epsilon (box->page_width, RG_EXPORT_PDF_PAGE_WIDTH, 1);
      g_assert_cmpfloat_with_epsilon (box->page_height, RG_EXPORT_PDF_PAGE_HEIGHT, 1);
      g_assert_cmpfloat (box->x_min, >=, RG_EXPORT_PDF_MARGIN_SIDE - 20);
      g_assert_cmpfloat (box->x_max, <=, box->page_width - RG_EXPORT_PDF_MARGIN_SIDE + 1);
      g_assert_cmpfloat (box->y_min, >=, RG_EXPORT_PDF_MARGIN_TOP - 1);
      g_assert_cmpfloat (box->y_max, <=, box->page_height - RG_EXPORT_PDF_MARGIN_BOTTOM + 1);
    }
}

static void
test_export_pdf_long_texts (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgStatement) statement = NULL;
  g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session), 0);
  g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autoptr(RgAction) action = g_list_model_get_item (rg_session_get_actions (session), 0);
  g_autoptr(GString) text = g_string_new ("Firstword");
  g_autoptr(GString) what = g_string_new ("Actionstart");
  g_autofree char *path = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GArray) boxes = NULL;
  guint pages_before, pages_after;

  path = export (session, "before.pdf");
  pages_before = rg_test_pdf_count_pages (path);

  /* A statement of about nine pages, in paragraphs, and an action of
   * about three: both must break between lines, inside the margins */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "%s word%u", i % 200 == 199 ? "\n" : "", i);
  g_string_append (text, " Lastword");
  statement = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                                RG_STATEMENT_KIND_FACT, text->str);
  rg_session_add_statement (session, statement);

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (what, " step%u", i);
  g_string_append (what, " Actionend");
  rg_action_set_what (action, what->str);

  g_free (path);
  path = export (session, "long.pdf");
  pages_after = rg_test_pdf_count_pages (path);
  g_assert_cmpuint (pages_after, >=, pages_before + 8);

  /* Nothing lost at the breaks */
  plain = rg_test_pdf_to_text (path, NULL);
  flat = rg_test_flatten (plain);
  rg_test_assert_reads (flat, "Firstword word0 word1");
  rg_test_assert_reads (flat, "word2998 word2999 Lastword");
  rg_test_assert_reads (flat, "Actionstart step0");
  rg_test_assert_reads (flat, "step999 Actionend");
  for (guint i = 0; i < 3000; i += 97)
    {
      g_autofree char *word = g_strdup_printf (" word%u ", i);

      g_assert_nonnull (strstr (flat, word));
    }

  /* Every word inside the page's printable area: nothing runs off the
   * foot of a page or over its edges */
  boxes = read_word_boxes (path);
  g_assert_cmpuint (boxes->len, >, 4000);
  assert_inside_margins (boxes);
}

/* Every page but the last is at least half full: some text of its
 * body (its footer left out) reaches below the middle of the page. The
 * parts flow on rather than each start a new page. */
static void
assert_pages_half_full (const char *path)
{
  g_autoptr(GArray) boxes = read_word_boxes (path);
  guint n_pages = rg_test_pdf_count_pages (path);
  g_autofree double *lowest = g_new0 (double, n_pages);

  for (guint i = 0; i < boxes->len; i++)
    {
      WordBox *box = &g_array_index (boxes, WordBox, i);

      /* The footer, "Page N of M", is below the body */
      if (box->y_min > box->page_height - RG_EXPORT_PDF_MARGIN_BOTTOM - 20)
        continue;
      g_assert_cmpuint (box->page, <, n_pages);
      lowest[box->page] = MAX (lowest[box->page], box->y_max);
    }

  for (guint page = 0; page + 1 < n_pages; page++)
    if (lowest[page] < RG_EXPORT_PDF_PAGE_HEIGHT / 2)
      g_error ("Page %u of %u of %s is less than half full: its text ends at %.0f of %.0f points",
               page + 1, n_pages, path, lowest[page], RG_EXPORT_PDF_PAGE_HEIGHT);
}

static RgPartner *
add_partner (RgSession  *session,
             const char *name,
             const char *profession)
{
  g_autoptr(RgPartner) partner = rg_partner_new ();

  rg_partner_set_name (partner, name);
  rg_partner_set_profession (partner, profession);
  rg_session_add_partner (session, partner);

  return partner;
}

static RgDimension *
add_dimension (RgSession  *session,
               const char *name)
{
  g_autoptr(RgDimension) dimension = rg_dimension_new ();

  rg_dimension_set_name (dimension, name);
  rg_session_add_dimension (session, dimension);

  return dimension;
}

static const char *
add_statement (RgSession   *session,
               RgPartner   *partner,
               RgDimension *dimension,
               const char  *text)
{
  g_autoptr(RgStatement) statement = rg_statement_new (rg_partner_get_id (partner),
                                                       rg_dimension_get_id (dimension),
                                                       RG_STATEMENT_KIND_FACT, text);

  rg_session_add_statement (session, statement);

  return rg_statement_get_id (statement);
}

static void
add_link (RgSession  *session,
          RgLinkType  type,
          const char *first_id,
          const char *second_id)
{
  g_autoptr(RgLink) link = rg_link_new (type);

  rg_link_add_member (link, first_id);
  rg_link_add_member (link, second_id);
  rg_session_add_link (session, link);
}

static void
add_action (RgSession  *session,
            RgPartner  *owner,
            const char *what)
{
  g_autoptr(RgAction) action = rg_action_new (what);

  rg_action_set_owner_id (action, rg_partner_get_id (owner));
  rg_action_set_due (action, "2027-01-15");
  rg_session_add_action (session, action);
}

/* A short meeting: three partners, a few words in each of three
 * dimensions, a link of each kind, a word, two actions, the consent */
static RgSession *
make_small_session (void)
{
  RgSession *session = rg_session_new ();
  RgPartner *teacher, *mother, *nurse;
  RgDimension *dimensions[3];
  const char *names[] = { "Scolarité", "Santé", "Famille" };
  g_autoptr(RgTerm) term = rg_term_new ("décrochage");
  g_autoptr(RgConsent) consent = rg_consent_new ("Échange entre l'école et le service social");
  const char *ids[3][3];

  rg_session_set_title (session, "Petite réunion");
  rg_session_set_situation_label (session, "Élève B.");
  teacher = add_partner (session, "Mme Durand", "Professeure des écoles");
  mother = add_partner (session, "Mme B.", "Mère");
  nurse = add_partner (session, "M. Lopez", "Infirmier scolaire");

  for (guint d = 0; d < G_N_ELEMENTS (names); d++)
    {
      dimensions[d] = add_dimension (session, names[d]);
      ids[d][0] = add_statement (session, teacher, dimensions[d],
                                 "Il lit lentement mais comprend ce qu'il lit quand on lui laisse le temps.");
      ids[d][1] = add_statement (session, mother, dimensions[d],
                                 "À la maison il fait ses devoirs seul et demande peu d'aide.");
      ids[d][2] = add_statement (session, nurse, dimensions[d],
                                 "Il se plaint de maux de tête en fin de matinée, surtout le lundi.");
    }
  rg_dimension_set_synthesis (dimensions[0], "La lecture progresse ; le temps laissé compte.");

  add_link (session, RG_LINK_TYPE_AGREEMENT, ids[0][0], ids[0][1]);
  add_link (session, RG_LINK_TYPE_DIVERGENCE, ids[1][1], ids[1][2]);
  add_link (session, RG_LINK_TYPE_COMPLEMENT, ids[2][0], ids[2][2]);

  rg_term_set_meaning (term, rg_partner_get_id (teacher), "Des absences répétées.");
  rg_term_set_meaning (term, rg_partner_get_id (mother), "Ne plus avoir envie d'aller à l'école.");
  rg_session_add_term (session, term);

  add_action (session, nurse, "Proposer un bilan de la vue");
  add_action (session, teacher, "Laisser plus de temps pour les lectures");

  rg_consent_set_shared_with (consent, "L'école et le service social");
  rg_consent_set_date (consent, "2026-11-02");
  rg_session_add_consent (session, consent);

  return session;
}

/* The example and, in each of its dimensions, three more paragraphs
 * from each partner, linked in pairs, and twenty more actions */
static void
enlarge_session (RgSession *session)
{
  GListModel *partners = rg_session_get_partners (session);
  GListModel *dimensions = rg_session_get_dimensions (session);
  guint n_partners = g_list_model_get_n_items (partners);

  for (guint d = 0; d < g_list_model_get_n_items (dimensions); d++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, d);
      const char *previous = NULL;

      for (guint p = 0; p < n_partners; p++)
        {
          g_autoptr(RgPartner) partner = g_list_model_get_item (partners, p);

          for (guint i = 0; i < 3; i++)
            {
              g_autofree char *text = g_strdup_printf (
                "Observation %u de %s : depuis la rentrée, les échanges avec l'enfant "
                "montrent des progrès réguliers dans ce domaine, avec des moments de "
                "fatigue en fin de semaine et une attention qui varie selon les activités "
                "proposées et le groupe dans lequel il se trouve.",
                i + 1, rg_partner_get_name (partner));
              const char *id = add_statement (session, partner, dimension, text);

              if (previous != NULL && i == 0)
                add_link (session, p % 2 ? RG_LINK_TYPE_AGREEMENT : RG_LINK_TYPE_DIVERGENCE,
                          previous, id);
              previous = id;
            }
        }
    }

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(RgPartner) owner = g_list_model_get_item (partners, i % n_partners);
      g_autofree char *what = g_strdup_printf ("Action supplémentaire %u : faire le point avec "
                                               "la famille et l'équipe", i + 1);

      add_action (session, owner, what);
    }
}

static void
test_export_pdf_pages_flow (void)
{
  g_autoptr(RgSession) example = rg_test_load_example ();
  g_autoptr(RgSession) small = make_small_session ();
  g_autoptr(RgSession) large = rg_test_load_example ();
  g_autofree char *example_path = export (example, "flow-example.pdf");
  g_autofree char *small_path = export (small, "flow-small.pdf");
  g_autofree char *large_path = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *flat = NULL;

  enlarge_session (large);
  large_path = export (large, "flow-large.pdf");

  g_test_message ("Pages: %u for the example, %u for the small session, %u for the large one",
                  rg_test_pdf_count_pages (example_path), rg_test_pdf_count_pages (small_path),
                  rg_test_pdf_count_pages (large_path));
  assert_pages_half_full (example_path);
  assert_pages_half_full (small_path);
  assert_pages_half_full (large_path);

  /* The example fits on fewer pages than its eight parts, and the large
   * one needs more than the example */
  g_assert_cmpuint (rg_test_pdf_count_pages (example_path), <=, 11);
  g_assert_cmpuint (rg_test_pdf_count_pages (large_path), >, rg_test_pdf_count_pages (example_path));

  /* Nothing of the small one lost in the flow */
  plain = rg_test_pdf_to_text (small_path, NULL);
  flat = rg_test_flatten (plain);
  rg_test_assert_reads (flat, "Petite réunion");
  rg_test_assert_reads (flat, "Proposer un bilan de la vue");
  rg_test_assert_reads (flat, "L'école et le service social");
}

/* Texts that Pango would take minutes to set whole: a word of 200,000
 * letters, and 30,000 short lines. They are set piece by piece. */
static void
test_export_pdf_hostile_texts (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session), 0);
  g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autoptr(RgStatement) word = NULL;
  g_autoptr(RgStatement) lines = NULL;
  g_autoptr(GString) letters = g_string_new ("Wordstart");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GArray) boxes = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (letters, 'a' + i % 26);
  word = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                           RG_STATEMENT_KIND_FACT, letters->str);
  rg_session_add_statement (session, word);

  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (text, "line%u\n", i);
  g_string_append (text, "Lastline");
  lines = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                            RG_STATEMENT_KIND_FACT, text->str);
  rg_session_add_statement (session, lines);

  path = export (session, "hostile.pdf");
  g_assert_cmpuint (rg_test_pdf_count_pages (path), >, 30000 / 60);

  plain = rg_test_pdf_to_text (path, NULL);
  flat = rg_test_flatten (plain);
  rg_test_assert_reads (flat, "line0 line1 line2");
  rg_test_assert_reads (flat, "line29998 line29999 Lastline");
  g_assert_nonnull (strstr (flat, "Wordstart"));

  boxes = read_word_boxes (path);
  assert_inside_margins (boxes);
}

/* @text without its spaces and line breaks: pdftotext cuts a word set
 * right to left where it likes */
static char *
without_spaces (const char *text)
{
  GString *squeezed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed, *p);

  return g_string_free (squeezed, FALSE);
}

static void
assert_reads_unspaced (const char *unspaced_text,
                       const char *expected)
{
  g_autofree char *unspaced = without_spaces (expected);

  if (strstr (unspaced_text, unspaced) == NULL)
    g_error ("The PDF lacks “%s”", expected);
}

/* Texts that open a right-to-left override and never close it turn
 * around no word of the report but their own. pdftotext reads the
 * letters in the order they are on the page, so a reversed text reads
 * backwards. */
static void
test_export_pdf_bidi (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  RgStatement *statement = rg_test_open_overrides (session);
  RgDimension *dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
  g_autofree char *path = export (session, "bidi.pdf");
  g_autofree char *text = rg_test_pdf_to_text (path, NULL);
  g_autofree char *unspaced = without_spaces (text);
  g_autofree char *name = g_utf8_strreverse (RG_TEST_OVERRIDDEN_NAME, -1);
  g_autofree char *own = g_utf8_strreverse (RG_TEST_OVERRIDDEN_STATEMENT, -1);
  g_autofree char *criterion = g_utf8_strreverse (RG_TEST_OVERRIDDEN_CRITERION, -1);
  g_autofree char *label = NULL;
  g_autofree char *agreed = NULL;

  /* Each text reads as its override says… */
  assert_reads_unspaced (unspaced, name);
  assert_reads_unspaced (unspaced, own);

  /* …and what follows it on its line reads as it was written: the
   * dimension after the partner's name, then the statement; the words
   * that say a criterion is agreed, not ")deerga(" before it */
  label = g_strdup_printf ("Mme %s (%s): %s", name, rg_dimension_get_name (dimension), own);
  assert_reads_unspaced (unspaced, label);
  agreed = g_strdup_printf ("%s (agreed)", criterion);
  assert_reads_unspaced (unspaced, agreed);
}

/* One element of a tagged PDF's structure, as pdfinfo -struct-text
 * shows it: its tag, its depth and the text right inside it */
typedef struct
{
  guint    depth;
  char    *tag;
  GString *text;
} Element;

static void
element_free (gpointer data)
{
  Element *element = data;

  g_free (element->tag);
  g_string_free (element->text, TRUE);
  g_free (element);
}

static GPtrArray *
read_structure (const char *path)
{
  g_autofree char *info = rg_test_pdf_info (path, "-struct-text");
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  GPtrArray *elements = g_ptr_array_new_with_free_func (element_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      guint spaces = strspn (line, " ");
      const char *rest = line + spaces;

      if (*rest == '\0')
        continue;
      if (*rest == '"')
        {
          Element *last;

          g_assert_cmpuint (elements->len, >, 0);
          last = g_ptr_array_index (elements, elements->len - 1);
          if (last->text->len > 0)
            g_string_append_c (last->text, ' ');
          g_string_append_len (last->text, rest + 1, MAX (strlen (rest), 2) - 2);
        }
      else
        {
          Element *element = g_new0 (Element, 1);

          element->depth = spaces / 2;
          element->tag = g_strndup (rest, strcspn (rest, " "));
          element->text = g_string_new (NULL);
          g_ptr_array_add (elements, element);
        }
    }

  return elements;
}

static Element *
element_at (GPtrArray *elements,
            guint      index)
{
  return g_ptr_array_index (elements, index);
}

/* The element that holds element @index */
static Element *
parent_of (GPtrArray *elements,
           guint      index)
{
  guint depth = element_at (elements, index)->depth;

  for (guint i = index; i-- > 0;)
    if (element_at (elements, i)->depth < depth)
      return element_at (elements, i);

  return NULL;
}

static guint
heading_level (const Element *element)
{
  const char *tag = element->tag;

  return tag[0] == 'H' && tag[1] >= '1' && tag[1] <= '6' && tag[2] == '\0' ? tag[1] - '0' : 0;
}

/* The index of the first heading from @from of @level that reads @text,
 * or fails */
static guint
find_heading (GPtrArray  *elements,
              guint       from,
              guint       level,
              const char *text)
{
  for (guint i = from; i < elements->len; i++)
    if (heading_level (element_at (elements, i)) == level &&
        g_str_equal (element_at (elements, i)->text->str, text))
      return i;

  g_error ("No heading H%u “%s” in the PDF's structure after element %u", level, text, from);
}

/* The headings between @from and @to, as "H4 Mme Roussel" */
static GPtrArray *
headings_between (GPtrArray *elements,
                  guint      from,
                  guint      to)
{
  GPtrArray *headings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = from; i < to; i++)
    if (heading_level (element_at (elements, i)) > 0)
      g_ptr_array_add (headings, g_strdup_printf ("%s %s", element_at (elements, i)->tag,
                                                  element_at (elements, i)->text->str));

  return headings;
}

/* The objects the last update of the PDF at @path gives (its last
 * table, at the end of the file), by number, each the text between
 * "N 0 obj" and "endobj"; and the number of its catalog */
static GHashTable *
read_last_update (const char *path,
                  guint      *root)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *objects = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  const char *startxref, *trailer;
  gsize length;
  guint64 xref;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (strlen (contents), <, length);  /* binary streams: search from the end */
  startxref = g_strrstr_len (contents + length - 64, 64, "startxref\n");
  g_assert_nonnull (startxref);
  xref = g_ascii_strtoull (startxref + strlen ("startxref\n"), NULL, 10);
  g_assert_cmpuint (xref, <, length);
  g_assert_true (g_str_has_prefix (contents + xref, "xref\n"));

  trailer = strstr (contents + xref, "trailer");
  g_assert_nonnull (trailer);
  g_assert_nonnull (strstr (trailer, "/Root "));
  *root = g_ascii_strtoull (strstr (trailer, "/Root ") + strlen ("/Root "), NULL, 10);

  lines = g_strsplit (contents + xref + strlen ("xref\n"), "\n", -1);
  for (guint i = 0; lines[i] != NULL && !g_str_has_prefix (lines[i], "trailer"); i += 2)
    {
      g_autofree char *header = NULL;
      guint number, count;
      guint64 offset;
      const char *end;

      g_assert_cmpint (sscanf (lines[i], "%u %u", &number, &count), ==, 2);
      g_assert_cmpuint (count, ==, 1);
      g_assert_nonnull (lines[i + 1]);
      g_assert_cmpuint (strlen (lines[i + 1]) + 1, ==, 20);
      offset = g_ascii_strtoull (lines[i + 1], NULL, 10);
      g_assert_cmpuint (offset, <, xref);

      /* Where the table says */
      header = g_strdup_printf ("%u 0 obj\n", number);
      g_assert_true (g_str_has_prefix (contents + offset, header));
      end = strstr (contents + offset, "endobj");
      g_assert_nonnull (end);
      g_hash_table_insert (objects, GUINT_TO_POINTER (number),
                           g_strndup (contents + offset + strlen (header),
                                      end - contents - offset - strlen (header)));
    }

  return objects;
}

/* A PDF text string, <FEFF…>, in UTF-8 */
static char *
decode_text_string (const char *hex)
{
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gunichar2));

  g_assert_true (g_str_has_prefix (hex, "<FEFF"));
  for (const char *p = hex + 5; g_ascii_isxdigit (p[0]); p += 4)
    {
      gunichar2 unit = 0;

      for (guint i = 0; i < 4; i++)
        {
          g_assert_true (g_ascii_isxdigit (p[i]));
          unit = unit * 16 + g_ascii_xdigit_value (p[i]);
        }
      g_array_append_val (units, unit);
    }

  return g_utf16_to_utf8 ((gunichar2 *) units->data, units->len, NULL, NULL, NULL);
}

/* What cairo cannot write goes in an update at the end of the file: the
 * document's language in its catalog, each picture's text alternative
 * in its figure (the fixture's two pictures, described by hand) */
static void
test_export_pdf_language_and_alternatives (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autofree char *path = export (session, "alternatives.pdf");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *info = rg_test_pdf_info (path, NULL);
  g_autoptr(GHashTable) objects = NULL;
  g_autoptr(GPtrArray) alternatives = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  GHashTableIter iter;
  gpointer value;
  const char *catalog;
  gsize length;
  guint root = 0;

  /* A cairo newer than 1.16 packs the objects into compressed streams,
   * which the update leaves alone */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (g_strrstr_len (contents + length - MIN (length, 1024), MIN (length, 1024), "trailer") == NULL)
    {
      g_test_skip_printf ("cairo %s writes compressed object streams: no language or text "
                          "alternatives can be added", cairo_version_string ());
      return;
    }

  objects = read_last_update (path, &root);
  catalog = g_hash_table_lookup (objects, GUINT_TO_POINTER (root));
  g_assert_nonnull (catalog);
  g_assert_nonnull (strstr (catalog, "/Type /Catalog"));
  g_assert_nonnull (strstr (catalog, "/MarkInfo << /Marked true >>"));
  g_assert_nonnull (strstr (catalog, "/StructTreeRoot "));
  g_assert_nonnull (strstr (catalog, "/Lang (en)"));  /* the tests' locale, C */

  g_hash_table_iter_init (&iter, objects);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (strstr (value, "/S /Figure") != NULL)
      {
        const char *alt = strstr (value, "/Alt ");

        g_assert_nonnull (alt);
        g_assert_nonnull (strstr (value, "/Type /StructElem"));
        g_ptr_array_add (alternatives, decode_text_string (alt + strlen ("/Alt ")));
      }
  g_assert_cmpuint (alternatives->len, ==, 2);
  g_assert_true ((strstr (alternatives->pdata[0], "Agreements and divergences between 6 partners.") != NULL &&
                  strstr (alternatives->pdata[1], "Map of the success criteria") != NULL) ||
                 (strstr (alternatives->pdata[1], "Agreements and divergences between 6 partners.") != NULL &&
                  strstr (alternatives->pdata[0], "Map of the success criteria") != NULL));

  /* Still a whole document to poppler, and to qpdf when it is here */
  g_assert_true (g_regex_match_simple ("^Tagged: +yes$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Pages: +[0-9]+$", info, G_REGEX_MULTILINE, 0));
  if (qpdf != NULL)
    {
      const char *argv[] = { qpdf, "--check", path, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("qpdf finds the PDF broken:\n%s", out);
    }
  else
    g_test_message ("qpdf is not installed: the update is checked by poppler alone");
}

/* The PDF says what each thing is, for screen readers: headings in
 * order, lists, tables, figures with their text alternative. The
 * expected texts are the fixture's, written out by hand. */
static void
test_export_pdf_tagged (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autofree char *path = export (session, "tagged.pdf");
  g_autofree char *info = rg_test_pdf_info (path, NULL);
  g_autoptr(GPtrArray) elements = read_structure (path);
  g_autoptr(GPtrArray) first_dimension = NULL;
  g_autoptr(GString) all_text = g_string_new (NULL);
  g_autofree char *flat = NULL;
  const char *expected_first_dimension[] = {
    "H3 Scolarité et apprentissages", "H4 Mme Roussel", "H4 M. Kessler", "H4 Mme Aubry",
    "H4 Mme Fontaine", "H4 Mme Benali", "H4 Agreed synthesis",
  };
  const char *dimensions[] = {
    "Scolarité et apprentissages", "Santé et développement", "Famille et parentalité",
    "Vie sociale, loisirs et culture", "Comportement et relations",
    "Besoins exprimés par l'enfant et la famille",
  };
  guint diagnosis, links, previous, level = 0;
  guint n_items = 0, n_figures = 0, n_cells = 0, n_documents = 0;

  g_assert_true (g_regex_match_simple ("^Tagged: +yes$", info, G_REGEX_MULTILINE, 0));
  g_assert_cmpuint (elements->len, >, 100);

  /* One document holds everything */
  g_assert_cmpstr (element_at (elements, 0)->tag, ==, "Document");
  for (guint i = 0; i < elements->len; i++)
    n_documents += element_at (elements, i)->depth == 0 ? 1 : 0;
  g_assert_cmpuint (n_documents, ==, 1);

  /* The title, then headings that never skip a level going down */
  g_assert_cmpstr (element_at (elements, 1)->tag, ==, "H1");
  g_assert_cmpstr (element_at (elements, 1)->text->str, ==, "Revue de situation — trimestre 1");
  for (guint i = 0; i < elements->len; i++)
    {
      guint this_level = heading_level (element_at (elements, i));

      if (this_level == 0)
        continue;
      if (this_level > level + 1)
        g_error ("H%u “%s” follows H%u", this_level, element_at (elements, i)->text->str, level);
      level = this_level;
    }

  /* The dimensions in the diagnosis, in order; the first with the
   * headings of its partners, then the agreed synthesis */
  diagnosis = find_heading (elements, 0, 2, "Diagnosis by dimension");
  links = find_heading (elements, diagnosis, 2, "Agreements and divergences");
  previous = diagnosis;
  for (guint d = 0; d < G_N_ELEMENTS (dimensions); d++)
    {
      previous = find_heading (elements, previous, 3, dimensions[d]);
      g_assert_cmpuint (previous, <, links);
    }
  first_dimension = headings_between (elements, find_heading (elements, diagnosis, 3, dimensions[0]),
                                      find_heading (elements, diagnosis, 3, dimensions[1]));
  g_assert_cmpuint (first_dimension->len, ==, G_N_ELEMENTS (expected_first_dimension));
  for (guint i = 0; i < G_N_ELEMENTS (expected_first_dimension); i++)
    g_assert_cmpstr (g_ptr_array_index (first_dimension, i), ==, expected_first_dimension[i]);

  for (guint i = 0; i < elements->len; i++)
    {
      Element *element = element_at (elements, i);
      Element *parent = parent_of (elements, i);

      if (element->text->len > 0)
        g_string_append_printf (all_text, "%s ", element->text->str);

      /* A list's items, each a bullet and a body */
      if (g_str_equal (element->tag, "LI"))
        {
          g_assert_cmpstr (parent->tag, ==, "L");
          g_assert_cmpstr (element_at (elements, i + 1)->tag, ==, "Lbl");
          g_assert_true (g_str_equal (element_at (elements, i + 1)->text->str, "•") ||
                         g_str_equal (element_at (elements, i + 1)->text->str, "–"));
          g_assert_cmpstr (element_at (elements, i + 2)->tag, ==, "LBody");
          n_items++;
        }
      if (g_str_equal (element->tag, "Lbl") || g_str_equal (element->tag, "LBody"))
        g_assert_cmpstr (parent->tag, ==, "LI");

      /* A table's rows, its cells in them */
      if (g_str_equal (element->tag, "TR"))
        g_assert_cmpstr (parent->tag, ==, "Table");
      if (g_str_equal (element->tag, "TH") || g_str_equal (element->tag, "TD"))
        {
          g_assert_cmpstr (parent->tag, ==, "TR");
          n_cells++;
        }

      if (g_str_equal (element->tag, "Figure"))
        n_figures++;
    }
  g_assert_cmpuint (n_items, >, 20);
  g_assert_cmpuint (n_cells, >, 20);

  /* The participants' table: a header row, then a row for each */
  for (guint i = 0; i < elements->len; i++)
    if (g_str_equal (element_at (elements, i)->tag, "Table"))
      {
        g_assert_cmpstr (element_at (elements, i + 1)->tag, ==, "TR");
        g_assert_cmpstr (element_at (elements, i + 2)->tag, ==, "TH");
        g_assert_cmpstr (element_at (elements, i + 2)->text->str, ==, "Name");
        g_assert_cmpstr (element_at (elements, i + 3)->tag, ==, "TH");
        g_assert_cmpstr (element_at (elements, i + 3)->text->str, ==, "Profession");
        break;
      }

  /* The partner picture, followed by its description, and the
   * criteria map (their text alternatives: see language-and-alternatives) */
  g_assert_cmpuint (n_figures, ==, 2);
  for (guint i = 0; i < elements->len; i++)
    if (g_str_equal (element_at (elements, i)->tag, "Figure"))
      {
        g_assert_cmpstr (element_at (elements, i + 1)->tag, ==, "P");
        g_assert_true (g_str_has_prefix (element_at (elements, i + 1)->text->str,
                                         "Agreements and divergences between 6 partners."));
        break;
      }

  /* The text is in the elements: pdfinfo shows the start of each, and
   * the example test reads the whole with pdftotext */
  flat = rg_test_flatten (all_text->str);
  rg_test_assert_reads (flat, "Adam veut pouvoir lire seul, en particulier des mangas.");
  for (guint i = 0; i < g_list_model_get_n_items (rg_session_get_dimensions (session)); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session), i);
      g_auto(GStrv) words = NULL;
      g_autofree char *start = NULL;

      if (rg_dimension_get_synthesis (dimension) == NULL)
        continue;
      words = g_strsplit (rg_dimension_get_synthesis (dimension), " ", 6);
      g_free (words[MIN (5, g_strv_length (words) - 1)]);
      words[MIN (5, g_strv_length (words) - 1)] = NULL;
      start = g_strjoinv (" ", words);
      rg_test_assert_reads (flat, start);
    }

  /* The header and the footer of each page are no part of the text */
  if (cairo_version () >= CAIRO_VERSION_ENCODE (1, 18, 0))
    g_assert_null (strstr (flat, "Page 1 of"));
  else
    g_test_message ("cairo %s cannot mark page headers and footers as artifacts (1.18 can)",
                    cairo_version_string ());
}

static void
test_export_pdf_empty (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autofree char *path = export (session, "empty.pdf");
  g_autofree char *text = rg_test_pdf_to_text (path, NULL);
  g_autofree char *flat = rg_test_flatten (text);

  /* An empty session still gives a whole report, saying what is empty */
  rg_test_assert_reads (flat, "No participants.");
  rg_test_assert_reads (flat, "No dimensions.");
  rg_test_assert_reads (flat, "No consent recorded.");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();
  int status;

  g_test_init (&argc, &argv, NULL);

  work_dir = g_build_filename (tmp, "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (work_dir, 0700), ==, 0);

  g_test_add_func ("/export-pdf/example", test_export_pdf_example);
  g_test_add_func ("/export-pdf/pseudonymised", test_export_pdf_pseudonymised);
  g_test_add_func ("/export-pdf/long-texts", test_export_pdf_long_texts);
  g_test_add_func ("/export-pdf/pages-flow", test_export_pdf_pages_flow);
  g_test_add_func ("/export-pdf/hostile-texts", test_export_pdf_hostile_texts);
  g_test_add_func ("/export-pdf/bidi", test_export_pdf_bidi);
  g_test_add_func ("/export-pdf/empty", test_export_pdf_empty);
  g_test_add_func ("/export-pdf/tagged", test_export_pdf_tagged);
  g_test_add_func ("/export-pdf/language-and-alternatives", test_export_pdf_language_and_alternatives);

  status = g_test_run ();
  g_free (work_dir);

  return status;
}
