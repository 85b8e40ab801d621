/* rg-new-session-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RG_TYPE_NEW_SESSION_DIALOG (rg_new_session_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RgNewSessionDialog, rg_new_session_dialog, RG, NEW_SESSION_DIALOG, AdwWindow)

RgNewSessionDialog *rg_new_session_dialog_present (GtkWindow          *parent);
GFile              *rg_new_session_dialog_create  (RgNewSessionDialog *self,
                                                   GError            **error);

G_END_DECLS
