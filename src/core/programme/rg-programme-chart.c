/* rg-programme-chart.c — the charts of the programme's report
 *
 * One kind of chart serves them all: horizontal bars, one a line, each
 * labelled on its left and its number written at its end, so that a
 * chart says everything in words too (its table stands beside it in the
 * report). Drawn with cairo and Pango into a PNG, in the fonts of the
 * report's other pictures; no display is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-programme"

#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "rg-cairo-stream.h"
#include "rg-programme-private.h"

#define FONT_FAMILY  "Cantarell, Noto Sans, DejaVu Sans, Sans"
#define FONT_SIZE    26.0
#define ROW_HEIGHT   52.0
#define BAR_HEIGHT   34.0
#define MARGIN       12.0
#define GAP          16.0
#define MAX_LABEL    (RG_PROGRAMME_CHART_WIDTH * 0.4)
#define MAX_BARS     64

static const double colours[][3] = {
  [RG_PROGRAMME_BAR_PLAIN] = { 0.21, 0.52, 0.89 },  /* blue */
  [RG_PROGRAMME_BAR_GOOD]  = { 0.15, 0.64, 0.41 },  /* green */
  [RG_PROGRAMME_BAR_LATE]  = { 0.88, 0.11, 0.14 },  /* red */
};

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, FONT_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (MAX_LABEL * PANGO_SCALE));
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_move_to (cr, x, y + (ROW_HEIGHT - height) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* The widest label, to put the bars after it */
static double
label_width (cairo_t              *cr,
             const RgProgrammeBar *bars,
             guint                 n_bars)
{
  int widest = 0;

  for (guint i = 0; i < n_bars; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, bars[i].label);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return MIN (widest, MAX_LABEL);
}

/**
 * _rg_programme_chart_bars:
 * @bars: the bars, top to bottom
 * @n_bars: how many; beyond MAX_BARS, the others are left out
 * @height: (out): the picture's height in pixels
 * @error: a location for a #GError
 *
 * Draws @bars, their lengths in proportion to their values, as a PNG of
 * RG_PROGRAMME_CHART_WIDTH pixels.
 *
 * Returns: (transfer full) (nullable): the PNG, or %NULL with @error set
 */
GBytes *
_rg_programme_chart_bars (const RgProgrammeBar  *bars,
                          guint                  n_bars,
                          int                   *height,
                          GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double labels, bar_x, bar_room;
  guint largest = 1;

  n_bars = MIN (n_bars, MAX_BARS);
  *height = (int) (2 * MARGIN + MAX (n_bars, 1) * ROW_HEIGHT);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, RG_PROGRAMME_CHART_WIDTH, *height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  for (guint i = 0; i < n_bars; i++)
    largest = MAX (largest, bars[i].value);

  labels = label_width (cr, bars, n_bars);
  bar_x = MARGIN + labels + GAP;
  /* Room for the largest number after the longest bar */
  bar_room = RG_PROGRAMME_CHART_WIDTH - bar_x - MARGIN - 5 * FONT_SIZE;

  for (guint i = 0; i < n_bars; i++)
    {
      g_autoptr(PangoLayout) label = make_layout (cr, bars[i].label);
      g_autofree char *number = g_strdup_printf ("%u", bars[i].value);
      g_autoptr(PangoLayout) value = make_layout (cr, number);
      const double *colour = colours[bars[i].kind];
      double y = MARGIN + i * ROW_HEIGHT;
      double length = bar_room * bars[i].value / largest;

      cairo_set_source_rgb (cr, 0.14, 0.14, 0.16);
      draw_text (cr, label, MARGIN, y);

      cairo_set_source_rgb (cr, colour[0], colour[1], colour[2]);
      cairo_rectangle (cr, bar_x, y + (ROW_HEIGHT - BAR_HEIGHT) / 2, MAX (length, 2), BAR_HEIGHT);
      cairo_fill (cr);

      cairo_set_source_rgb (cr, 0.14, 0.14, 0.16);
      draw_text (cr, value, bar_x + MAX (length, 2) + GAP / 2, y);
    }

  /* The axis the bars start from */
  cairo_set_source_rgb (cr, 0.37, 0.37, 0.40);
  cairo_rectangle (cr, bar_x - 1, MARGIN, 2, *height - 2 * MARGIN);
  cairo_fill (cr);

  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, rg_cairo_append_to_byte_array, bytes);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_debug ("Drawing a chart failed: %s", cairo_status_to_string (status));
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("A chart of the report could not be drawn. Try again, or write "
                             "the figures as CSV."));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
