/* test-divergence-picture.c — the partner × partner picture, drawn and exported
 *
 * A session made in code whose figures are counted by hand: the words
 * of the picture name the right pairs in the right order, its cells
 * carry bars of the right colours and lengths, and its PNG and SVG
 * exports are real images that say who they are about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <libxml/parser.h>
#include <locale.h>
#include <math.h>
#include <libxml/tree.h>
#include <string.h>
#include <sys/stat.h>

#include "rg-divergence-picture.h"
#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-test-pdf.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

static char *test_dir;

/* Mme Roussel (A), Mme Benali (B), M. Kessler (C):
 *   A–B: 1 agreement (settled) of 2 statements; 2 divergences (1 open,
 *        1 settled) of 3 statements, B's second being in both
 *   A–C: 1 divergence (open) of 2 statements
 *   B–C: a complement only, which the picture does not show
 * The picture counts links, not statements: A–B shows "= 1", "≠ 2". */
static RgSession *
make_session (void)
{
  RgSession *session = rg_session_new ();
  const char *names[] = { "Mme Roussel", "Mme Benali", "M. Kessler" };
  const char *colours[] = { "#26a269", "#9141ac", "#865e3c" };
  g_autoptr(RgDimension) school = rg_dimension_new ();
  const char *ids[3][2];
  struct {
    RgLinkType   type;
    RgLinkStatus status;
    int          a[2];
    int          b[2];
  } links[] = {
    { RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_SETTLED, { 0, 0 }, { 1, 0 } },
    { RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN, { 0, 1 }, { 1, 1 } },
    { RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_SETTLED, { 0, 0 }, { 1, 1 } },
    { RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN, { 0, 0 }, { 2, 0 } },
    { RG_LINK_TYPE_COMPLEMENT, RG_LINK_STATUS_OPEN, { 1, 0 }, { 2, 0 } },
  };

  rg_session_set_title (session, "Revue de novembre");
  rg_session_set_situation_label (session, "Élève A., CM1");
  rg_dimension_set_name (school, "Scolarité");
  rg_session_add_dimension (session, school);

  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    {
      g_autoptr(RgPartner) partner = rg_partner_new ();

      rg_partner_set_name (partner, names[p]);
      rg_partner_set_colour (partner, colours[p]);
      rg_session_add_partner (session, partner);

      for (guint s = 0; s < 2; s++)
        {
          g_autoptr(RgStatement) statement = rg_statement_new (rg_partner_get_id (partner),
                                                               rg_dimension_get_id (school),
                                                               RG_STATEMENT_KIND_FACT, "Constat");

          rg_session_add_statement (session, statement);
          ids[p][s] = rg_statement_get_id (statement);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autoptr(RgLink) link = rg_link_new (links[i].type);

      rg_link_set_status (link, links[i].status);
      rg_link_add_member (link, ids[links[i].a[0]][links[i].a[1]]);
      rg_link_add_member (link, ids[links[i].b[0]][links[i].b[1]]);
      rg_session_add_link (session, link);
    }

  return session;
}

static void
test_describe (void)
{
  g_autoptr(RgSession) session = make_session ();
  g_autoptr(RgDivergencePicture) picture = rg_divergence_picture_new (session);
  g_autofree char *text = rg_divergence_picture_describe (picture);
  g_autofree char *pair = NULL;
  const char *first, *second;

  g_assert_cmpuint (rg_divergence_picture_get_n_partners (picture), ==, 3);
  g_assert_nonnull (strstr (text, "between 3 partners"));

  /* The pair that diverges most comes first; B–C has no divergence. */
  first = strstr (text, "Mme Roussel and Mme Benali, 2 divergences (1 open)");
  second = strstr (text, "Mme Roussel and M. Kessler, 1 divergence (1 open)");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first < second);
  g_assert_null (strstr (text, "Mme Benali and M. Kessler"));
  /* One agreement of two statements is one agreement */
  g_assert_nonnull (strstr (text, "Most agreements: Mme Roussel and Mme Benali, 1 agreement."));

  pair = rg_divergence_picture_describe_pair (picture, 1, 0);
  g_assert_cmpstr (pair, ==, "Mme Benali and Mme Roussel: 1 agreement, 2 divergences (1 open)");
  g_clear_pointer (&pair, g_free);
  pair = rg_divergence_picture_describe_pair (picture, 1, 2);
  g_assert_cmpstr (pair, ==, "Mme Benali and M. Kessler: no agreement or divergence tagged");
  g_assert_null (rg_divergence_picture_describe_pair (picture, 1, 1));
  g_assert_null (rg_divergence_picture_describe_pair (picture, 0, 3));
}

static void
test_describe_without_pairs (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) alone = rg_partner_new ();
  g_autoptr(RgPartner) other = rg_partner_new ();
  g_autoptr(RgDivergencePicture) one = NULL;
  g_autoptr(RgDivergencePicture) two = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;

  rg_partner_set_name (alone, "Mme Roussel");
  rg_session_add_partner (session, alone);
  one = rg_divergence_picture_new (session);
  text = rg_divergence_picture_describe (one);
  g_assert_nonnull (strstr (text, "no pair to compare"));
  /* Still a picture: the sentence that says why it is empty. */
  png = rg_divergence_picture_to_png (one, &error);
  g_assert_no_error (error);
  g_assert_nonnull (png);
  g_clear_pointer (&text, g_free);

  rg_session_add_partner (session, other);
  two = rg_divergence_picture_new (session);
  text = rg_divergence_picture_describe (two);
  g_assert_nonnull (strstr (text, "No agreement or divergence tagged between partners yet."));
}

typedef struct
{
  guint orange;
  guint blue;
  int   orange_left;
  int   orange_right;
} CellPixels;

/* Counts the pixels of the bars' colours (the light palette's blue
 * #1c71d8 and orange #e66100) in a cell of the picture. */
static CellPixels
count_cell_pixels (cairo_surface_t         *surface,
                   const cairo_rectangle_t *area)
{
  CellPixels pixels = { 0, 0, G_MAXINT, -1 };
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = (int) area->y; y < (int) (area->y + area->height); y++)
    for (int x = (int) area->x; x < (int) (area->x + area->width); x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + 4 * x);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (r > 200 && g > 70 && g < 130 && b < 40)
          {
            pixels.orange++;
            pixels.orange_left = MIN (pixels.orange_left, x);
            pixels.orange_right = MAX (pixels.orange_right, x);
          }
        else if (r < 60 && g > 90 && g < 140 && b > 190)
          pixels.blue++;
      }

  return pixels;
}

static void
test_draw (void)
{
  g_autoptr(RgSession) session = make_session ();
  g_autoptr(RgDivergencePicture) picture = rg_divergence_picture_new (session);
  cairo_surface_t *surface;
  cairo_rectangle_t area;
  CellPixels ab, ba, ac, bc;
  int width, height, narrow;
  guint row, column;
  cairo_t *cr;

  width = rg_divergence_picture_get_natural_width (picture);
  g_assert_cmpint (width, >=, rg_divergence_picture_get_min_width (picture));
  height = rg_divergence_picture_get_height_for_width (picture, width);
  g_assert_cmpint (height, >, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rg_divergence_picture_draw (picture, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_assert_true (rg_divergence_picture_get_cell_area (picture, width, 0, 1, &area));
  ab = count_cell_pixels (surface, &area);
  g_assert_true (rg_divergence_picture_get_cell_area (picture, width, 1, 0, &area));
  ba = count_cell_pixels (surface, &area);
  g_assert_true (rg_divergence_picture_get_cell_area (picture, width, 0, 2, &area));
  ac = count_cell_pixels (surface, &area);
  g_assert_true (rg_divergence_picture_get_cell_area (picture, width, 1, 2, &area));
  bc = count_cell_pixels (surface, &area);
  g_assert_false (rg_divergence_picture_get_cell_area (picture, width, 0, 3, &area));

  /* An agreement bar where there is one, a divergence bar where there
   * is one, nothing in a cell with neither. */
  g_assert_cmpuint (ab.blue, >, 20);
  g_assert_cmpuint (ab.orange, >, 20);
  g_assert_cmpuint (ac.blue, ==, 0);
  g_assert_cmpuint (ac.orange, >, 20);
  g_assert_cmpuint (bc.blue, ==, 0);
  g_assert_cmpuint (bc.orange, ==, 0);

  /* The matrix is symmetric (to the antialiasing of cells that do not
   * start on whole pixels). */
  g_assert_cmpfloat (fabs ((double) ab.blue - ba.blue), <, 0.15 * ab.blue);
  g_assert_cmpfloat (fabs ((double) ab.orange - ba.orange), <, 0.15 * ab.orange);

  /* Bars are as long as their figures: two divergences, twice one */
  {
    double long_bar = ab.orange_right - ab.orange_left + 1;
    double short_bar = ac.orange_right - ac.orange_left + 1;

    g_assert_cmpfloat (long_bar / short_bar, >, 1.8);
    g_assert_cmpfloat (long_bar / short_bar, <, 2.2);
  }

  /* The middle of a cell is that cell; the diagonal is no pair. */
  g_assert_true (rg_divergence_picture_get_cell_area (picture, width, 2, 0, &area));
  g_assert_true (rg_divergence_picture_get_cell_at (picture, width, area.x + area.width / 2,
                                                    area.y + area.height / 2, &row, &column));
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (column, ==, 0);
  g_assert_true (rg_divergence_picture_get_cell_area (picture, width, 1, 1, &area));
  g_assert_false (rg_divergence_picture_get_cell_at (picture, width, area.x + area.width / 2,
                                                     area.y + area.height / 2, &row, &column));
  g_assert_false (rg_divergence_picture_get_cell_at (picture, width, 1, 1, &row, &column));

  cairo_surface_destroy (surface);

  /* Narrower, the names wrap: the picture grows taller, never shorter. */
  narrow = rg_divergence_picture_get_min_width (picture);
  g_assert_cmpint (narrow, <, width);
  g_assert_cmpint (rg_divergence_picture_get_height_for_width (picture, narrow), >=, height);
}

static void
test_font_scales (void)
{
  g_autoptr(RgSession) session = make_session ();
  g_autoptr(RgDivergencePicture) picture = rg_divergence_picture_new (session);
  int small, large;

  rg_divergence_picture_set_font (picture, "Sans 10");
  small = rg_divergence_picture_get_natural_width (picture);
  rg_divergence_picture_set_font (picture, "Sans 20");
  large = rg_divergence_picture_get_natural_width (picture);

  /* Twice the text, about twice the picture: readable from the back of
   * the room when the team zooms. */
  g_assert_cmpfloat ((double) large / small, >, 1.8);
  g_assert_cmpfloat ((double) large / small, <, 2.2);
}

static void
assert_private (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_write_png (void)
{
  g_autoptr(RgSession) session = make_session ();
  g_autofree char *path = g_build_filename (test_dir, "carte.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgDivergencePicture) picture = rg_divergence_picture_new_for_export (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  gsize length;
  int width;

  g_assert_true (g_file_set_contents (path, "previous", -1, NULL));
  g_assert_true (rg_divergence_picture_write_png (session, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  assert_private (file);

  /* Drawn at twice its natural size, for print. */
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  width = rg_divergence_picture_get_natural_width (picture);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==,
                   2 * rg_divergence_picture_get_height_for_width (picture, width));
  cairo_surface_destroy (image);
}

static char *
find_text (xmlNode    *node,
           const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
      {
        xmlChar *content = xmlNodeGetContent (child);
        char *text = g_strdup ((const char *) content);

        xmlFree (content);
        return text;
      }

  return NULL;
}

static void
test_write_svg (void)
{
  g_autoptr(RgSession) session = make_session ();
  g_autofree char *path = g_build_filename (test_dir, "carte.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  xmlDoc *doc;
  xmlNode *root;
  gsize length;

  g_assert_true (rg_divergence_picture_write_svg (session, file, &error));
  g_assert_no_error (error);
  assert_private (file);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  doc = xmlReadMemory (contents, (int) length, "carte.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  g_assert_cmpstr ((const char *) root->ns->href, ==, "http://www.w3.org/2000/svg");

  title = find_text (root, "title");
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, "Mme Roussel"));
  g_assert_nonnull (strstr (title, "Mme Benali"));
  g_assert_nonnull (strstr (title, "M. Kessler"));
  description = find_text (root, "desc");
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, "Most divergences: Mme Roussel and Mme Benali"));

  xmlFreeDoc (doc);
}

static void
test_write_error (void)
{
  g_autoptr(RgSession) session = make_session ();
  g_autofree char *path = g_build_filename (test_dir, "no-such-folder", "carte.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (rg_divergence_picture_write_svg (session, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The example session: six partners; counted in the file, the teacher
 * (Mme Roussel) has two divergences with the psychologist (Mme Aubry)
 * and two with the mother (Mme Benali), one of each still open; then
 * come her settled divergence with M. Kessler and his with Mme Benali. */
static void
test_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), "data", "examples",
                                            "exemple-eleve-a.regards", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgDivergencePicture) picture = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  session = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  picture = rg_divergence_picture_new (session);
  g_assert_cmpuint (rg_divergence_picture_get_n_partners (picture), ==, 6);
  text = rg_divergence_picture_describe (picture);
  g_assert_nonnull (strstr (text, "between 6 partners"));
  g_assert_nonnull (strstr (text, "Most divergences: "
                                  "Mme Roussel and Mme Aubry, 2 divergences (1 open); "
                                  "Mme Roussel and Mme Benali, 2 divergences (1 open); "
                                  "Mme Roussel and M. Kessler, 1 divergence."));
}

/* The exported picture writes its date as the report's text does: in
 * French, the example's 2026-11-17 reads 17/11/2026. Drawn into a PDF
 * to read its words back. */
static void
test_export_date (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgDivergencePicture) picture = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  g_autofree char *path = g_build_filename (test_dir, "date.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  if (setlocale (LC_TIME, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("No French locale (fr_FR.UTF-8) to write dates in");
      return;
    }

  g_assert_cmpstr (rg_session_get_date (session), ==, "2026-11-17");
  picture = rg_divergence_picture_new_for_export (session);
  setlocale (LC_TIME, saved);

  width = rg_divergence_picture_get_natural_width (picture);
  height = rg_divergence_picture_get_height_for_width (picture, width);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  rg_divergence_picture_draw (picture, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  text = rg_test_pdf_to_text (path, NULL);
  flat = rg_test_flatten (text);
  rg_test_assert_reads (flat, "17/11/2026");
  g_assert_null (strstr (flat, "2026-11-17"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  test_dir = g_build_filename (root, "pictures", NULL);
  g_assert_cmpint (g_mkdir_with_parents (test_dir, 0700), ==, 0);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/divergence-picture/describe", test_describe);
  g_test_add_func ("/divergence-picture/describe-without-pairs", test_describe_without_pairs);
  g_test_add_func ("/divergence-picture/draw", test_draw);
  g_test_add_func ("/divergence-picture/font-scales", test_font_scales);
  g_test_add_func ("/divergence-picture/write-png", test_write_png);
  g_test_add_func ("/divergence-picture/write-svg", test_write_svg);
  g_test_add_func ("/divergence-picture/write-error", test_write_error);
  g_test_add_func ("/divergence-picture/example", test_example);
  g_test_add_func ("/divergence-picture/export-date", test_export_date);

  return g_test_run ();
}
