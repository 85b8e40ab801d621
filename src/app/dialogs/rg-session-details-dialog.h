/* rg-session-details-dialog.h — what a session is: title, date, place, situation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_TYPE_SESSION_DETAILS_DIALOG (rg_session_details_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RgSessionDetailsDialog, rg_session_details_dialog, RG, SESSION_DETAILS_DIALOG,
                      AdwWindow)

RgSessionDetailsDialog *rg_session_details_dialog_new (GtkWindow       *parent,
                                                       RgSessionEditor *editor);

G_END_DECLS
