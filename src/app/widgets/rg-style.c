/* rg-style.c — what a widget's style says, read the same way on every GTK
 *
 * GTK 4.10 reads a widget's colour from the widget and deprecates its
 * style context; GTK 4.8, which Regards also runs on, has only the
 * style context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-style.h"

/**
 * rg_style_get_color:
 * @widget: a widget
 * @color: (out): its colour, that of its text and symbolic icons
 */
void
rg_style_get_color (GtkWidget *widget,
                    GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/**
 * rg_style_is_dark:
 * @widget: a widget
 *
 * Light text means a dark background, whatever made it so (the dark
 * style, a high contrast theme, a style sheet of the user's).
 *
 * Returns: whether @widget's text is light
 */
gboolean
rg_style_is_dark (GtkWidget *widget)
{
  GdkRGBA color;

  rg_style_get_color (widget, &color);

  return 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue > 0.5;
}
