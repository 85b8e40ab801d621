/* rg-dimension.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_DIMENSION (rg_dimension_get_type ())

G_DECLARE_FINAL_TYPE (RgDimension, rg_dimension, RG, DIMENSION, GObject)

RgDimension *rg_dimension_new           (void);
const char  *rg_dimension_get_id        (RgDimension *self);
const char  *rg_dimension_get_name      (RgDimension *self);
void         rg_dimension_set_name      (RgDimension *self,
                                         const char  *name);
const char  *rg_dimension_get_synthesis (RgDimension *self);
void         rg_dimension_set_synthesis (RgDimension *self,
                                         const char  *synthesis);

G_END_DECLS
