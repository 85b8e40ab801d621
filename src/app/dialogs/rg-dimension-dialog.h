/* rg-dimension-dialog.h — adding, renaming and removing dimensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

void rg_dimension_dialog_add              (GtkWidget       *parent,
                                           RgSessionEditor *editor);
void rg_dimension_dialog_edit             (GtkWidget       *parent,
                                           RgSessionEditor *editor,
                                           RgDimension     *dimension);
void rg_dimension_dialog_confirm_removal  (GtkWidget       *parent,
                                           RgSessionEditor *editor,
                                           RgDimension     *dimension);

G_END_DECLS
