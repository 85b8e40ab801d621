/* rg-links-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_TYPE_LINKS_VIEW (rg_links_view_get_type ())

G_DECLARE_FINAL_TYPE (RgLinksView, rg_links_view, RG, LINKS_VIEW, GtkWidget)

GtkWidget       *rg_links_view_new        (void);
RgSessionEditor *rg_links_view_get_editor (RgLinksView     *self);
void             rg_links_view_set_editor (RgLinksView     *self,
                                           RgSessionEditor *editor);
GPtrArray       *rg_links_view_get_rows   (RgLinksView     *self);
gboolean         rg_links_view_reveal     (RgLinksView     *self,
                                           const char      *object_id);

G_END_DECLS
