/* rg-link-overview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-diagnosis-grid.h"
#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_TYPE_LINK_OVERVIEW (rg_link_overview_get_type ())

G_DECLARE_FINAL_TYPE (RgLinkOverview, rg_link_overview, RG, LINK_OVERVIEW, GtkWidget)

void   rg_link_overview_set_editor        (RgLinkOverview  *self,
                                           RgSessionEditor *editor);
void   rg_link_overview_set_grid          (RgLinkOverview  *self,
                                           RgDiagnosisGrid *grid,
                                           GtkAdjustment   *vadjustment);
guint  rg_link_overview_get_n_agreements  (RgLinkOverview  *self,
                                           guint            row);
guint  rg_link_overview_get_n_divergences (RgLinkOverview  *self,
                                           guint            row);

G_END_DECLS
