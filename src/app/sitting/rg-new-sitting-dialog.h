/* rg-new-sitting-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RG_TYPE_NEW_SITTING_DIALOG (rg_new_sitting_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RgNewSittingDialog, rg_new_sitting_dialog, RG, NEW_SITTING_DIALOG, AdwWindow)

RgNewSittingDialog *rg_new_sitting_dialog_present (GtkWindow *parent);

G_END_DECLS
