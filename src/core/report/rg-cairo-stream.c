/* rg-cairo-stream.c — cairo's output into memory
 *
 * The write function for cairo's streams (PNG, SVG and PDF) that the
 * pictures and the PDF report share: everything goes into a GByteArray.
 * And the PNG of a picture drawn at twice its size, for print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-cairo-stream.h"

/* A PNG is drawn at twice its size, unless that makes a side longer
 * than PNG_MAX_SIDE pixels */
#define PNG_SCALE    2
#define PNG_MAX_SIDE 8000

/**
 * rg_cairo_append_to_byte_array:
 * @byte_array: (type GByteArray): where the data goes
 * @data: what cairo writes
 * @length: its length in bytes
 *
 * A #cairo_write_func_t: pass it with a #GByteArray as its closure.
 *
 * Returns: %CAIRO_STATUS_SUCCESS
 */
cairo_status_t
rg_cairo_append_to_byte_array (void                *byte_array,
                               const unsigned char *data,
                               unsigned int         length)
{
  g_byte_array_append (byte_array, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * rg_cairo_draw_sharp_png:
 * @width: the picture's width, in pixels
 * @height: its height
 * @draw: (scope call): what draws it
 * @user_data: data for @draw
 * @status: (out): cairo's status, %CAIRO_STATUS_SUCCESS unless the
 *   picture could not be drawn
 *
 * Draws a picture as a PNG image at twice its size for a sharp print,
 * or at its size when twice would be too large.
 *
 * Returns: (transfer full) (nullable): the PNG file's bytes, or %NULL
 *   with @status set
 */
GBytes *
rg_cairo_draw_sharp_png (int              width,
                         int              height,
                         RgCairoDrawFunc  draw,
                         gpointer         user_data,
                         cairo_status_t  *status)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  int scale = MAX (width, height) * PNG_SCALE <= PNG_MAX_SIDE ? PNG_SCALE : 1;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  draw (cr, width, height, user_data);
  *status = cairo_status (cr);
  cairo_destroy (cr);

  if (*status == CAIRO_STATUS_SUCCESS)
    *status = cairo_surface_write_to_png_stream (surface, rg_cairo_append_to_byte_array, png);
  cairo_surface_destroy (surface);

  if (*status != CAIRO_STATUS_SUCCESS)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}
