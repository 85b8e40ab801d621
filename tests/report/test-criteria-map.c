/* test-criteria-map.c — the map of success criteria: layout, drawing, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rg-criteria-map.h"
#include "rg-session-xml.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

static char *test_dir;

static const char *long_texts[] = {
  "Adam lit avec plus d'aisance et ose lire à voix haute devant d'autres élèves de sa classe",
  "Il arrive à l'école reposé, à l'heure, et il a pris un petit déjeuner avant de partir",
  "Il se sent capable de progresser et le dit lui-même lors de l'entretien avec la psychologue",
  "Les devoirs sont faits à la maison au moins trois soirs par semaine, avec l'aide de sa sœur aînée",
  "Anticonstitutionnellement, les moqueries sur la lecture sont repérées et reprises par les adultes",
  "Il participe à une activité sportive ou culturelle du quartier le mercredi après-midi",
  "Sa mère est informée régulièrement de ses progrès, pas seulement quand quelque chose va mal",
  "Le dossier de demande de logement est présenté à la commission d'attribution avant l'été",
};

static const char *category_names[] = {
  "Pour l'enfant", "Pour la famille", "Pour l'école", "Pour le partenariat",
};

static RgSession *
make_big_session (void)
{
  RgSession *session = rg_session_new ();

  rg_session_set_situation_label (session, "Élève A., CM1 — situation suivie par le PRE");

  for (guint i = 0; i < G_N_ELEMENTS (category_names); i++)
    {
      g_autoptr(RgCategory) category = rg_category_new (category_names[i]);

      for (guint j = 0; j < G_N_ELEMENTS (long_texts); j++)
        {
          g_autoptr(RgCriterion) criterion = rg_criterion_new (long_texts[(i + j) % 8]);

          rg_criterion_set_agreed (criterion, (i + j) % 3 == 0);
          rg_category_add_criterion (category, criterion);
        }

      rg_session_add_category (session, category);
    }

  return session;
}

static gboolean
overlap (const cairo_rectangle_t *a,
         const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Every box inside the canvas, none over another; returns how many. */
static guint
check_layout (RgCriteriaMap *map,
              double         width,
              double         height)
{
  guint n = rg_criteria_map_get_n_nodes (map);

  for (guint i = 0; i < n; i++)
    {
      cairo_rectangle_t a;
      const char *text = NULL;

      g_assert_true (rg_criteria_map_get_node (map, i, NULL, &a, &text));
      g_assert_nonnull (text);
      g_assert_cmpfloat (a.width, >, 0);
      g_assert_cmpfloat (a.height, >, 0);
      g_assert_cmpfloat (a.x, >=, 0);
      g_assert_cmpfloat (a.y, >=, 0);
      g_assert_cmpfloat (a.x + a.width, <=, width);
      g_assert_cmpfloat (a.y + a.height, <=, height);

      for (guint j = i + 1; j < n; j++)
        {
          cairo_rectangle_t b;

          g_assert_true (rg_criteria_map_get_node (map, j, NULL, &b, NULL));
          if (overlap (&a, &b))
            g_error ("Boxes %u and %u overlap at %gx%g", i, j, width, height);
        }
    }

  g_assert_false (rg_criteria_map_get_node (map, n, NULL, NULL, NULL));

  return n;
}

static void
test_layout_no_overlap (void)
{
  g_autoptr(RgSession) session = make_big_session ();
  static const struct { double width, height, min_font; } sizes[] = {
    { 1920, 1080, 9 },
    { 1280, 720, 6 },
    { 3840, 2160, 18 },
    { 1024, 768, 5 },
    { 800, 2000, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(RgCriteriaMap) map = rg_criteria_map_new (session, sizes[i].width,
                                                          sizes[i].height);

      g_test_message ("%gx%g: text of %g px", sizes[i].width, sizes[i].height,
                      rg_criteria_map_get_font_size (map));
      g_assert_cmpuint (check_layout (map, sizes[i].width, sizes[i].height), ==, 1 + 4 + 4 * 8);
      /* Readable: the text is not shrunk further than it has to be. */
      g_assert_cmpfloat (rg_criteria_map_get_font_size (map), >=, sizes[i].min_font);
    }
}

static void
test_layout_places (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgCriteriaMap) map = rg_criteria_map_new (session, 1920, 1080);
  cairo_rectangle_t centre, first, last, area;
  RgCriteriaMapNodeKind kind;
  const char *text;
  guint n, n_categories = 0, n_criteria = 0;

  n = check_layout (map, 1920, 1080);
  g_assert_cmpuint (n, ==, 1 + 4 + 9);

  g_assert_true (rg_criteria_map_get_node (map, 0, &kind, &centre, &text));
  g_assert_cmpint (kind, ==, RG_CRITERIA_MAP_NODE_SITUATION);
  g_assert_cmpstr (text, ==, "Élève A., CM1");
  /* The situation in the middle */
  g_assert_cmpfloat (fabs (centre.x + centre.width / 2 - 960), <, 1);
  g_assert_cmpfloat (fabs (centre.y + centre.height / 2 - 540), <, 1);

  for (guint i = 1; i < n; i++)
    {
      g_assert_true (rg_criteria_map_get_node (map, i, &kind, &area, &text));
      if (kind == RG_CRITERIA_MAP_NODE_CATEGORY)
        n_categories++;
      else
        {
          g_assert_cmpint (kind, ==, RG_CRITERIA_MAP_NODE_CRITERION);
          n_criteria++;
        }
    }
  g_assert_cmpuint (n_categories, ==, 4);
  g_assert_cmpuint (n_criteria, ==, 9);

  /* The first category at the top right, its criteria further right;
   * the last one at the top left. */
  g_assert_true (rg_criteria_map_get_node (map, 1, &kind, &first, &text));
  g_assert_cmpstr (text, ==, "Pour l'enfant");
  g_assert_cmpfloat (first.x, >, centre.x + centre.width);
  g_assert_cmpfloat (first.y + first.height, <, 540);
  g_assert_true (rg_criteria_map_get_node (map, 2, &kind, &area, &text));
  g_assert_cmpint (kind, ==, RG_CRITERIA_MAP_NODE_CRITERION);
  g_assert_cmpstr (text, ==, "Adam lit avec plus d'aisance et ose lire devant d'autres.");
  g_assert_cmpfloat (area.x, >, first.x + first.width);

  g_assert_true (rg_criteria_map_get_node (map, n - 3, &kind, &last, &text));
  g_assert_cmpint (kind, ==, RG_CRITERIA_MAP_NODE_CATEGORY);
  g_assert_cmpstr (text, ==, "Pour le partenariat");
  g_assert_cmpfloat (last.x + last.width, <, centre.x);
  g_assert_cmpfloat (last.y + last.height, <, 540);
  g_assert_true (rg_criteria_map_get_node (map, n - 1, &kind, &area, &text));
  g_assert_cmpfloat (area.x + area.width, <, last.x);

  /* Few criteria on a big canvas: large text, for a projector. */
  g_assert_cmpfloat (rg_criteria_map_get_font_size (map), >=, 20);
}

static void
test_layout_empty (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgCategory) category = rg_category_new ("");
  g_autoptr(RgCriterion) criterion = rg_criterion_new ("");
  g_autoptr(RgCriteriaMap) map = NULL;
  g_autoptr(RgCriteriaMap) none = rg_criteria_map_new (session, 640, 480);
  const char *text;

  g_assert_cmpuint (check_layout (none, 640, 480), ==, 1);

  rg_category_add_criterion (category, criterion);
  rg_session_add_category (session, category);
  map = rg_criteria_map_new (session, 640, 480);
  g_assert_cmpuint (check_layout (map, 640, 480), ==, 3);

  /* Nothing typed yet still shows a box with words in it. */
  g_assert_true (rg_criteria_map_get_node (map, 1, NULL, NULL, &text));
  g_assert_cmpstr (text, !=, "");
  g_assert_true (rg_criteria_map_get_node (map, 2, NULL, NULL, &text));
  g_assert_cmpstr (text, !=, "");
}

static void
test_draw (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgCriteriaMap) map = rg_criteria_map_new (session, 400, 300);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t centre;
  unsigned char *data;
  int stride;
  guint32 pixel;

  rg_criteria_map_draw (map, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* White around, the dark centre box in the middle */
  pixel = *(guint32 *) (data + 1 * stride + 4 * 1);
  g_assert_cmphex (pixel, ==, 0xffffffff);
  g_assert_true (rg_criteria_map_get_node (map, 0, NULL, &centre, NULL));
  pixel = *(guint32 *) (data + (int) (centre.y + 2) * stride + 4 * (int) (centre.x + centre.width / 2));
  g_assert_cmphex (pixel, ==, 0xff241f31);

  cairo_surface_destroy (surface);
}

static void
test_write_png (void)
{
  g_autoptr(RgSession) session = make_big_session ();
  g_autofree char *path = g_build_filename (test_dir, "carte.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  cairo_surface_t *surface;

  g_assert_true (rg_criteria_map_write_png (session, path, 1920, 1080, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, sizeof signature, signature, sizeof signature);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
  cairo_surface_destroy (surface);
}

static gboolean
node_has_text (xmlNode    *node,
               const char *name,
               const char *needle)
{
  for (xmlNode *child = node->children; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
      {
        g_autofree char *text = (char *) xmlNodeGetContent (child);

        return strstr (text, needle) != NULL;
      }

  return FALSE;
}

static void
test_write_svg (void)
{
  g_autoptr(RgSession) session = make_big_session ();
  g_autofree char *path = g_build_filename (test_dir, "carte.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  xmlDoc *doc;
  xmlNode *root;

  g_assert_true (rg_criteria_map_write_svg (session, path, 1920, 1080, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));

  doc = xmlReadMemory (contents, length, "carte.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  g_assert_cmpstr ((const char *) root->ns->href, ==, "http://www.w3.org/2000/svg");
  g_assert_true (node_has_text (root, "title", "Élève A., CM1"));
  for (guint i = 0; i < G_N_ELEMENTS (category_names); i++)
    g_assert_true (node_has_text (root, "desc", category_names[i]));
  g_assert_true (node_has_text (root, "desc", long_texts[4]));
  xmlFreeDoc (doc);

  /* The size asked for, in pixels */
  g_assert_nonnull (strstr (contents, "width=\"1920px\""));
}

static void
test_write_error (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autofree char *path = g_build_filename (test_dir, "absent", "carte.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (rg_criteria_map_write_png (session, path, 640, 480, &error));
  g_assert_error (error, RG_CRITERIA_MAP_ERROR, RG_CRITERIA_MAP_ERROR_WRITING);
  g_clear_error (&error);
  g_assert_false (rg_criteria_map_write_svg (session, path, 640, 480, &error));
  g_assert_error (error, RG_CRITERIA_MAP_ERROR, RG_CRITERIA_MAP_ERROR_WRITING);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_describe (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autofree char *text = rg_criteria_map_describe (session);

  g_assert_nonnull (strstr (text, "Élève A., CM1: 4 categories."));
  g_assert_nonnull (strstr (text, "Pour l'enfant: 3 criteria, 2 agreed."));
  g_assert_nonnull (strstr (text, "Pour la famille: 2 criteria, 2 agreed."));
  g_assert_nonnull (strstr (text, "Pour le partenariat: 2 criteria, 1 agreed."));
}

/* Met, agreed or not, the map says so in words and in the picture: a
 * criterion met takes the line under its text, as one agreed does */
static void
test_met (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgCategory) child = g_list_model_get_item (rg_session_get_categories (session), 0);
  g_autoptr(RgCriterion) agreed = g_list_model_get_item (rg_category_get_criteria (child), 0);
  g_autoptr(RgCriterion) proposed = g_list_model_get_item (rg_category_get_criteria (child), 2);
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (test_dir, "atteints.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  double plain_height, met_height;

  /* The example's first criterion is agreed, its third only proposed */
  g_assert_true (rg_criterion_get_agreed (agreed));
  g_assert_false (rg_criterion_get_agreed (proposed));
  {
    g_autoptr(RgCriteriaMap) map = rg_criteria_map_new (session, 1920, 1080);
    cairo_rectangle_t box;

    /* The nodes: the situation, the first category, its criteria */
    g_assert_true (rg_criteria_map_get_node (map, 4, NULL, &box, NULL));
    plain_height = box.height;
  }

  rg_criterion_set_met (agreed, TRUE);
  rg_criterion_set_met (proposed, TRUE);

  text = rg_criteria_map_describe (session);
  g_assert_nonnull (strstr (text, "Pour l'enfant: 3 criteria, 2 agreed. 2 met."));
  g_assert_nonnull (strstr (text, "Pour la famille: 2 criteria, 2 agreed. Pour"));

  {
    g_autoptr(RgCriteriaMap) map = rg_criteria_map_new (session, 1920, 1080);
    cairo_rectangle_t box;
    const char *node_text = NULL;

    g_assert_true (rg_criteria_map_get_node (map, 4, NULL, &box, &node_text));
    g_assert_cmpstr (node_text, ==, rg_criterion_get_text (proposed));
    met_height = box.height;
    g_assert_cmpfloat (check_layout (map, 1920, 1080), >, 0);
  }
  g_assert_cmpfloat (met_height, >, plain_height);

  g_assert_true (rg_criteria_map_write_svg (session, path, 1920, 1080, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "(Agreed, met)"));
  g_assert_nonnull (strstr (contents, "(Met)"));
  g_assert_nonnull (strstr (contents, "(Agreed)"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  test_dir = root;
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/criteria-map/layout/no-overlap", test_layout_no_overlap);
  g_test_add_func ("/criteria-map/layout/places", test_layout_places);
  g_test_add_func ("/criteria-map/layout/empty", test_layout_empty);
  g_test_add_func ("/criteria-map/draw", test_draw);
  g_test_add_func ("/criteria-map/write/png", test_write_png);
  g_test_add_func ("/criteria-map/write/svg", test_write_svg);
  g_test_add_func ("/criteria-map/write/error", test_write_error);
  g_test_add_func ("/criteria-map/describe", test_describe);
  g_test_add_func ("/criteria-map/met", test_met);

  return g_test_run ();
}
