/* rg-cairo-stream.h — cairo's output into memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws a picture of @width × @height pixels on @cr */
typedef void (*RgCairoDrawFunc) (cairo_t  *cr,
                                 int       width,
                                 int       height,
                                 gpointer  user_data);

cairo_status_t rg_cairo_append_to_byte_array (void                *byte_array,
                                              const unsigned char *data,
                                              unsigned int         length);
GBytes        *rg_cairo_draw_sharp_png       (int                  width,
                                              int                  height,
                                              RgCairoDrawFunc      draw,
                                              gpointer             user_data,
                                              cairo_status_t      *status);

G_END_DECLS
