/* rg-partner-swatch.c — a partner's colour, beside their name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-partner-swatch"

#include "config.h"

#include "rg-partner-swatch.h"

static void
draw_square (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, rg_partner_get_colour (user_data)))
    return;

  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static void
draw_round (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, rg_partner_get_colour (user_data)))
    return;

  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2., height / 2., MIN (width, height) / 2., 0, 2 * G_PI);
  cairo_fill (cr);
}

/**
 * rg_partner_swatch_new:
 * @partner: a partner
 * @round: a disc rather than filling the whole area
 *
 * A drawing of the partner's colour, that follows it. It only adds to
 * the partner's name, shown beside it: screen readers skip it.
 *
 * Returns: (transfer floating): a new swatch; its size is the caller's
 */
GtkWidget *
rg_partner_swatch_new (RgPartner *partner,
                       gboolean   round)
{
  GtkWidget *swatch;

  g_return_val_if_fail (RG_IS_PARTNER (partner), NULL);

  swatch = g_object_new (GTK_TYPE_DRAWING_AREA,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                         NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), round ? draw_round : draw_square,
                                  g_object_ref (partner), g_object_unref);
  g_signal_connect_object (partner, "notify::colour", G_CALLBACK (gtk_widget_queue_draw),
                           swatch, G_CONNECT_SWAPPED);

  return swatch;
}
