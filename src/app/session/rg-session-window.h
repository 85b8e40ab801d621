/* rg-session-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-document.h"
#include "rg-session-editor.h"
#include "rg-sitting.h"

G_BEGIN_DECLS

#define RG_TYPE_SESSION_WINDOW (rg_session_window_get_type ())

G_DECLARE_FINAL_TYPE (RgSessionWindow, rg_session_window, RG, SESSION_WINDOW, AdwApplicationWindow)

RgSessionWindow *rg_session_window_new         (GtkApplication  *application,
                                                RgDocument      *document);
RgDocument      *rg_session_window_get_document (RgSessionWindow *self);
RgSessionEditor *rg_session_window_get_editor   (RgSessionWindow *self);
GtkWidget       *rg_session_window_get_diagnosis_view (RgSessionWindow *self);
gboolean         rg_session_window_save_now     (RgSessionWindow *self,
                                                 GError         **error);
gboolean         rg_session_window_reveal       (RgSessionWindow *self,
                                                 const char      *view,
                                                 const char      *object_id);
void             rg_session_window_set_sitting  (RgSessionWindow *self,
                                                 RgSitting       *sitting,
                                                 guint            index);

G_END_DECLS
