/* rg-category.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_CATEGORY (rg_category_get_type ())

G_DECLARE_FINAL_TYPE (RgCategory, rg_category, RG, CATEGORY, GObject)

RgCategory  *rg_category_new              (const char  *name);
const char  *rg_category_get_id           (RgCategory  *self);
const char  *rg_category_get_name         (RgCategory  *self);
void         rg_category_set_name         (RgCategory  *self,
                                           const char  *name);
GListModel  *rg_category_get_criteria     (RgCategory  *self);
void         rg_category_add_criterion    (RgCategory  *self,
                                           RgCriterion *criterion);
void         rg_category_insert_criterion (RgCategory  *self,
                                           RgCriterion *criterion,
                                           guint        position);
gboolean     rg_category_remove_criterion (RgCategory  *self,
                                           RgCriterion *criterion);
RgCriterion *rg_category_find_criterion   (RgCategory  *self,
                                           const char  *id);

G_END_DECLS
