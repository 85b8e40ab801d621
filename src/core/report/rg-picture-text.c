/* rg-picture-text.c — the text of the pictures the core draws
 *
 * The partner × partner picture and the timeline set their words the
 * same way: in the font of the widget that shows them, at a size in
 * pixels, wrapped and cut short with an ellipsis when they are given a
 * width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-picture-text.h"

/**
 * rg_picture_text_get_pixel_size:
 * @font: a font description
 *
 * Returns: the size of @font in pixels, at 96 pixels to the inch when it
 *   is given in points
 */
double
rg_picture_text_get_pixel_size (const PangoFontDescription *font)
{
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  if (!pango_font_description_get_size_is_absolute (font))
    size = size * 96. / 72.;

  return size;
}

/**
 * rg_picture_text_set_up:
 * @layout: the layout to set up
 * @font: the font, whose family is kept
 * @size: the size of the text, in pixels
 * @bold: whether the text is bold
 * @text: the text
 * @width: the width to wrap at, in pixels, or 0 or less for none
 * @max_lines: the lines the text may take when wrapped, cut short with
 *   an ellipsis beyond
 *
 * Sets @layout to show @text so.
 */
void
rg_picture_text_set_up (PangoLayout                *layout,
                        const PangoFontDescription *font,
                        double                      size,
                        gboolean                    bold,
                        const char                 *text,
                        double                      width,
                        int                         max_lines)
{
  PangoFontDescription *copy = pango_font_description_copy (font);

  pango_font_description_set_absolute_size (copy, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (copy, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, copy);
  pango_font_description_free (copy);
  pango_layout_set_text (layout, text, -1);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX (max_lines, 1));
    }
}
