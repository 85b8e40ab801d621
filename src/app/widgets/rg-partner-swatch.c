/* rg-partner-swatch.c — a partner's colour, beside their name, and the
 * list a partner's colour is chosen from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-partner-swatch"

#include "config.h"

#include <glib/gi18n.h>

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

/* The colour at @position of a colour drop-down: the palette's, then the
 * partner's own when it is not one of them */
static const char *
colour_at (GtkDropDown *drop_down,
           guint        position)
{
  if (position < rg_partner_palette_get_size ())
    return rg_partner_palette_get_colour (position);

  return g_object_get_data (G_OBJECT (drop_down), "other-colour");
}

static void
draw_colour (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const char *colour = g_object_get_data (G_OBJECT (area), "colour");
  GdkRGBA rgba;

  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    return;

  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2., height / 2., MIN (width, height) / 2., 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
setup_colour_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = g_object_new (GTK_TYPE_DRAWING_AREA,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    "width-request", 16,
                                    "height-request", 16,
                                    "valign", GTK_ALIGN_CENTER,
                                    NULL);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_colour, NULL, NULL);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
bind_colour_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GtkDropDown              *drop_down)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  GtkStringObject *name = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (swatch), "colour",
                     (gpointer) colour_at (drop_down, gtk_list_item_get_position (item)));
  gtk_widget_queue_draw (swatch);
  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (name));
}

/**
 * rg_partner_colour_drop_down_new:
 * @colour: (nullable): the colour chosen at first, `#rrggbb`
 *
 * A drop-down of the palette's colours (see rg_partner_palette_get_size
 * ()), each shown and named; a @colour that is not one of them (from an
 * older file) comes last, as “Current colour”. The caller names the
 * drop-down for screen readers.
 *
 * Returns: (transfer floating): a new #GtkDropDown
 */
GtkDropDown *
rg_partner_colour_drop_down_new (const char *colour)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  int position = rg_partner_palette_find (colour);
  GtkDropDown *drop_down;

  for (guint i = 0; i < rg_partner_palette_get_size (); i++)
    gtk_string_list_append (names, rg_partner_palette_get_name (i));
  if (colour != NULL && position < 0)
    gtk_string_list_append (names, _("Current colour"));

  drop_down = GTK_DROP_DOWN (g_object_new (GTK_TYPE_DROP_DOWN,
                                           "model", names,
                                           "factory", factory,
                                           "valign", GTK_ALIGN_CENTER,
                                           NULL));
  g_object_set_data_full (G_OBJECT (drop_down), "other-colour",
                          position < 0 ? g_ascii_strdown (colour != NULL ? colour : "", -1)
                                       : NULL,
                          g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_colour_item), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_colour_item), drop_down, 0);

  if (colour != NULL)
    gtk_drop_down_set_selected (drop_down, position >= 0 ? (guint) position
                                                         : rg_partner_palette_get_size ());

  return drop_down;
}

/**
 * rg_partner_colour_drop_down_get_colour:
 * @drop_down: a drop-down made by rg_partner_colour_drop_down_new ()
 *
 * Returns: (transfer none): the colour chosen, `#rrggbb`
 */
const char *
rg_partner_colour_drop_down_get_colour (GtkDropDown *drop_down)
{
  const char *colour;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), NULL);

  colour = colour_at (drop_down, gtk_drop_down_get_selected (drop_down));

  return colour != NULL && rg_colour_is_valid (colour) ? colour : rg_partner_palette_get_colour (0);
}
