/* rg-divergence-map.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-divergence-picture.h"
#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_DIVERGENCE_MAP (rg_divergence_map_get_type ())

G_DECLARE_FINAL_TYPE (RgDivergenceMap, rg_divergence_map, RG, DIVERGENCE_MAP, GtkWidget)

GtkWidget           *rg_divergence_map_new         (void);
RgSession           *rg_divergence_map_get_session (RgDivergenceMap *self);
void                 rg_divergence_map_set_session (RgDivergenceMap *self,
                                                    RgSession       *session);
void                 rg_divergence_map_update      (RgDivergenceMap *self);
RgDivergencePicture *rg_divergence_map_get_picture (RgDivergenceMap *self);

G_END_DECLS
