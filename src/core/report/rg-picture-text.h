/* rg-picture-text.h — the text of the pictures the core draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

double rg_picture_text_get_pixel_size (const PangoFontDescription *font);
void   rg_picture_text_set_up         (PangoLayout                *layout,
                                       const PangoFontDescription *font,
                                       double                      size,
                                       gboolean                    bold,
                                       const char                 *text,
                                       double                      width,
                                       int                         max_lines);

G_END_DECLS
