/* rg-partner-swatch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-partner.h"

G_BEGIN_DECLS

GtkWidget   *rg_partner_swatch_new                  (RgPartner   *partner,
                                                    gboolean     round);
GtkDropDown *rg_partner_colour_drop_down_new        (const char  *colour);
const char  *rg_partner_colour_drop_down_get_colour (GtkDropDown *drop_down);

G_END_DECLS
