/* rg-criteria-map-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_CRITERIA_MAP_VIEW (rg_criteria_map_view_get_type ())

G_DECLARE_FINAL_TYPE (RgCriteriaMapView, rg_criteria_map_view, RG, CRITERIA_MAP_VIEW, GtkWidget)

GtkWidget *rg_criteria_map_view_new         (void);
RgSession *rg_criteria_map_view_get_session (RgCriteriaMapView *self);
void       rg_criteria_map_view_set_session (RgCriteriaMapView *self,
                                             RgSession         *session);

G_END_DECLS
