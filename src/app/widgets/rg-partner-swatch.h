/* rg-partner-swatch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-partner.h"

G_BEGIN_DECLS

GtkWidget *rg_partner_swatch_new (RgPartner *partner,
                                  gboolean   round);

G_END_DECLS
