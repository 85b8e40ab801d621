/* rg-partner-dialog.h — adding, editing and removing partners
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

void rg_partner_dialog_add              (GtkWidget       *parent,
                                         RgSessionEditor *editor);
void rg_partner_dialog_edit             (GtkWidget       *parent,
                                         RgSessionEditor *editor,
                                         RgPartner       *partner);
void rg_partner_dialog_confirm_removal  (GtkWidget       *parent,
                                         RgSessionEditor *editor,
                                         RgPartner       *partner);

G_END_DECLS
