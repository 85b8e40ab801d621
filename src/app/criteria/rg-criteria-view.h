/* rg-criteria-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-editable-text.h"
#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_TYPE_CRITERIA_VIEW (rg_criteria_view_get_type ())

G_DECLARE_FINAL_TYPE (RgCriteriaView, rg_criteria_view, RG, CRITERIA_VIEW, GtkWidget)

RgSessionEditor *rg_criteria_view_get_editor             (RgCriteriaView  *self);
void             rg_criteria_view_set_editor             (RgCriteriaView  *self,
                                                          RgSessionEditor *editor);
const char      *rg_criteria_view_get_mode               (RgCriteriaView  *self);
void             rg_criteria_view_set_mode               (RgCriteriaView  *self,
                                                          const char      *mode);
guint            rg_criteria_view_count_categories       (RgCriteriaView  *self);
guint            rg_criteria_view_count_criteria         (RgCriteriaView  *self);
RgEditableText  *rg_criteria_view_get_category_name      (RgCriteriaView  *self,
                                                          RgCategory      *category);
RgEditableText  *rg_criteria_view_get_criterion_text     (RgCriteriaView  *self,
                                                          RgCriterion     *criterion);
RgEditableText  *rg_criteria_view_get_criterion_indicators (RgCriteriaView *self,
                                                          RgCriterion     *criterion);
GtkCheckButton  *rg_criteria_view_get_agreed_button      (RgCriteriaView  *self,
                                                          RgCriterion     *criterion);
GtkCheckButton  *rg_criteria_view_get_met_button         (RgCriteriaView  *self,
                                                          RgCriterion     *criterion);
GtkToggleButton *rg_criteria_view_get_partner_chip       (RgCriteriaView  *self,
                                                          RgCriterion     *criterion,
                                                          RgPartner       *partner);
GtkWidget       *rg_criteria_view_get_map                (RgCriteriaView  *self);
gboolean         rg_criteria_view_export                 (RgCriteriaView  *self,
                                                          GFile           *file,
                                                          GError         **error);

G_END_DECLS
