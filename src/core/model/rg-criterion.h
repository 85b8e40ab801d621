/* rg-criterion.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_CRITERION (rg_criterion_get_type ())

G_DECLARE_FINAL_TYPE (RgCriterion, rg_criterion, RG, CRITERION, GObject)

RgCriterion        *rg_criterion_new             (const char         *text);
const char         *rg_criterion_get_id          (RgCriterion        *self);
const char         *rg_criterion_get_text        (RgCriterion        *self);
void                rg_criterion_set_text        (RgCriterion        *self,
                                                  const char         *text);
const char * const *rg_criterion_get_indicators  (RgCriterion        *self);
void                rg_criterion_set_indicators  (RgCriterion        *self,
                                                  const char * const *indicators);
const char * const *rg_criterion_get_proposed_by (RgCriterion        *self);
void                rg_criterion_set_proposed_by (RgCriterion        *self,
                                                  const char * const *partner_ids);
gboolean            rg_criterion_get_agreed      (RgCriterion        *self);
void                rg_criterion_set_agreed      (RgCriterion        *self,
                                                  gboolean            agreed);
gboolean            rg_criterion_get_met         (RgCriterion        *self);
void                rg_criterion_set_met         (RgCriterion        *self,
                                                  gboolean            met);

G_END_DECLS
