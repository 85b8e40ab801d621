/* test-icon-label.c — an icon and a word drawn as a box of an image and
 * a label would show them, under Xvfb
 *
 * The line is shown in a real window beside a GtkLabel of the same
 * word, styled by a real style sheet, and rendered by the window's own
 * renderer; what is tested is read from the pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "rg-icon-label.h"
#include "rg-test-app.h"

/* One of GTK's own icons, found without any theme */
#define ICON "object-select-symbolic"

static const char css[] =
  ".probe { color: rgb(0, 0, 255); font-weight: bold; }\n"
  ".probe image { color: rgb(255, 0, 0); }\n"
  ".probe.green image { color: rgb(0, 255, 0); }\n";

typedef struct
{
  GtkWindow   *window;
  RgIconLabel *line;
  GtkLabel    *label;    /* the same word, for its size */
} Fixture;

static gboolean
is_drawn (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->line)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->line)) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 400, 100);
  fixture->line = RG_ICON_LABEL (rg_icon_label_new ());
  gtk_widget_add_css_class (GTK_WIDGET (fixture->line), "probe");
  rg_icon_label_set (fixture->line, ICON, "Observed fact");
  fixture->label = GTK_LABEL (gtk_label_new ("Observed fact"));
  gtk_widget_add_css_class (GTK_WIDGET (fixture->label), "probe");
  gtk_widget_set_halign (GTK_WIDGET (fixture->label), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->line));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->label));
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
  g_assert_true (rg_test_wait_for (is_drawn, fixture, 10));
  rg_test_wait_for_paint (GTK_WIDGET (fixture->line));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  rg_test_iterate_until_idle ();
}

typedef struct
{
  guint red;
  guint green;
  guint blue;
  int   red_left, red_right;   /* the columns of the red pixels */
  int   blue_left, blue_right;
} Pixels;

/* Renders the line as the window would, and counts its pixels of each
 * pure colour of the style sheet (anti-aliased edges are mixed with
 * the transparent background, never with another colour). */
static Pixels
render (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->line);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = g_malloc (4 * width * height);
  graphene_rect_t bounds;
  Pixels pixels = { 0, 0, 0, G_MAXINT, -1, G_MAXINT, -1 };

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  /* Nothing is drawn out of the line, however long its word */
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width + 0.5);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, 4 * width);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        /* Cairo's premultiplied ARGB: B, G, R, A in memory */
        const guchar *p = data + 4 * (y * width + x);

        if (p[3] < 128)
          continue;
        if (p[2] > 200 && p[1] < 40 && p[0] < 40)
          {
            pixels.red++;
            pixels.red_left = MIN (pixels.red_left, x);
            pixels.red_right = MAX (pixels.red_right, x);
          }
        else if (p[1] > 200 && p[2] < 40 && p[0] < 40)
          pixels.green++;
        else if (p[0] > 200 && p[2] < 40 && p[1] < 40)
          {
            pixels.blue++;
            pixels.blue_left = MIN (pixels.blue_left, x);
            pixels.blue_right = MAX (pixels.blue_right, x);
          }
      }

  return pixels;
}

/* Its size is the icon's, the space and the label's; a screen reader
 * reads its word. */
static void
test_word (Fixture       *fixture,
           gconstpointer  data)
{
  int line_min, line_nat, label_nat, line_height, label_height, longer_nat;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->line), GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->line), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Observed fact");
  g_assert_cmpstr (rg_icon_label_get_label (fixture->line), ==, "Observed fact");

  gtk_widget_measure (GTK_WIDGET (fixture->line), GTK_ORIENTATION_HORIZONTAL, -1,
                      &line_min, &line_nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (fixture->label), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &label_nat, NULL, NULL);
  g_assert_cmpint (line_nat, ==, 16 + 6 + label_nat);
  g_assert_cmpint (line_min, <, line_nat);

  gtk_widget_measure (GTK_WIDGET (fixture->line), GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &line_height, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (fixture->label), GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &label_height, NULL, NULL);
  g_assert_cmpint (line_height, ==, MAX (16, label_height));

  /* A longer word, a wider line, read anew */
  rg_icon_label_set (fixture->line, ICON, "Interpretation, at length");
  gtk_widget_measure (GTK_WIDGET (fixture->line), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &longer_nat, NULL, NULL);
  g_assert_cmpint (longer_nat, >, line_nat);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->line), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Interpretation, at length");
}

/* The icon in its colour at the start, the word in the line's colour
 * after it; from right to left, the other way round. */
static void
test_drawn (Fixture       *fixture,
            gconstpointer  data)
{
  Pixels pixels = render (fixture);

  g_assert_cmpuint (pixels.red, >, 10);
  g_assert_cmpuint (pixels.blue, >, 50);
  g_assert_cmpuint (pixels.green, ==, 0);
  g_assert_cmpint (pixels.red_right, <, 16);
  g_assert_cmpint (pixels.blue_left, >=, 16 + 6);
  g_assert_cmpint (pixels.blue_left, <, 16 + 6 + 4);

  gtk_widget_set_direction (GTK_WIDGET (fixture->line), GTK_TEXT_DIR_RTL);
  rg_test_wait_for_paint (GTK_WIDGET (fixture->line));
  pixels = render (fixture);
  g_assert_cmpint (pixels.red_left, >=, gtk_widget_get_width (GTK_WIDGET (fixture->line)) - 16);
  g_assert_cmpint (pixels.blue_right, <, gtk_widget_get_width (GTK_WIDGET (fixture->line)) - 16 - 6);
  g_assert_cmpint (pixels.blue_right, >=, gtk_widget_get_width (GTK_WIDGET (fixture->line)) - 16 - 6 - 4);
  g_assert_cmpuint (pixels.blue, >, 50);
}

/* The icon follows its colour in the style sheet: coloured icons are
 * kept for their colour, never for their name alone. */
static void
test_colour_follows (Fixture       *fixture,
                     gconstpointer  data)
{
  Pixels pixels;

  g_assert_cmpuint (render (fixture).red, >, 10);

  gtk_widget_add_css_class (GTK_WIDGET (fixture->line), "green");
  rg_test_wait_for_paint (GTK_WIDGET (fixture->line));
  pixels = render (fixture);
  g_assert_cmpuint (pixels.green, >, 10);
  g_assert_cmpuint (pixels.red, ==, 0);
  g_assert_cmpuint (pixels.blue, >, 50);
}

/* A word longer than the line is cut with an ellipsis, within it. */
static void
test_ellipsized (Fixture       *fixture,
                 gconstpointer  data)
{
  int width;
  Pixels pixels;

  rg_icon_label_set (fixture->line, ICON,
                     "A word far, far longer than the window that shows it, "
                     "which would run out of it were it not cut");
  rg_test_wait_for_paint (GTK_WIDGET (fixture->line));
  width = gtk_widget_get_width (GTK_WIDGET (fixture->line));
  g_assert_cmpint (width, <=, 400);

  pixels = render (fixture);
  g_assert_cmpint (pixels.blue_right, <, width);
  g_assert_cmpint (pixels.blue_right, >, width - 40);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/icon-label/word", Fixture, NULL, fixture_set_up, test_word, fixture_tear_down);
  g_test_add ("/icon-label/drawn", Fixture, NULL, fixture_set_up, test_drawn, fixture_tear_down);
  g_test_add ("/icon-label/colour-follows", Fixture, NULL, fixture_set_up, test_colour_follows,
              fixture_tear_down);
  g_test_add ("/icon-label/ellipsized", Fixture, NULL, fixture_set_up, test_ellipsized,
              fixture_tear_down);

  return g_test_run ();
}
