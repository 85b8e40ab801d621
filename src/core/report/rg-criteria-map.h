/* rg-criteria-map.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rg-session.h"

G_BEGIN_DECLS

#define RG_CRITERIA_MAP_ERROR (rg_criteria_map_error_quark ())

/**
 * RgCriteriaMapError:
 * @RG_CRITERIA_MAP_ERROR_DRAWING: the map could not be drawn (most
 *   often: not enough memory for its size)
 * @RG_CRITERIA_MAP_ERROR_WRITING: the file could not be written
 *
 * Why a map could not be exported.
 */
typedef enum
{
  RG_CRITERIA_MAP_ERROR_DRAWING,
  RG_CRITERIA_MAP_ERROR_WRITING,
} RgCriteriaMapError;

/**
 * RgCriteriaMapNodeKind:
 * @RG_CRITERIA_MAP_NODE_SITUATION: the situation, in the centre
 * @RG_CRITERIA_MAP_NODE_CATEGORY: a category, around the centre
 * @RG_CRITERIA_MAP_NODE_CRITERION: a criterion, a branch of its category
 *
 * What a box of the map shows.
 */
typedef enum
{
  RG_CRITERIA_MAP_NODE_SITUATION,
  RG_CRITERIA_MAP_NODE_CATEGORY,
  RG_CRITERIA_MAP_NODE_CRITERION,
} RgCriteriaMapNodeKind;

#define RG_TYPE_CRITERIA_MAP (rg_criteria_map_get_type ())

G_DECLARE_FINAL_TYPE (RgCriteriaMap, rg_criteria_map, RG, CRITERIA_MAP, GObject)

GQuark         rg_criteria_map_error_quark    (void);

RgCriteriaMap *rg_criteria_map_new            (RgSession              *session,
                                               double                  width,
                                               double                  height);
double         rg_criteria_map_get_width      (RgCriteriaMap          *self);
double         rg_criteria_map_get_height     (RgCriteriaMap          *self);
double         rg_criteria_map_get_font_size  (RgCriteriaMap          *self);
guint          rg_criteria_map_get_n_nodes    (RgCriteriaMap          *self);
gboolean       rg_criteria_map_get_node       (RgCriteriaMap          *self,
                                               guint                   index,
                                               RgCriteriaMapNodeKind  *kind,
                                               cairo_rectangle_t      *area,
                                               const char            **text);
void           rg_criteria_map_draw           (RgCriteriaMap          *self,
                                               cairo_t                *cr);

char          *rg_criteria_map_describe       (RgSession              *session);
GBytes        *rg_criteria_map_to_png         (RgSession              *session,
                                               int                     width,
                                               int                     height,
                                               GError                **error);
gboolean       rg_criteria_map_write_png      (RgSession              *session,
                                               const char             *path,
                                               int                     width,
                                               int                     height,
                                               GError                **error);
gboolean       rg_criteria_map_write_svg      (RgSession              *session,
                                               const char             *path,
                                               int                     width,
                                               int                     height,
                                               GError                **error);

G_END_DECLS
