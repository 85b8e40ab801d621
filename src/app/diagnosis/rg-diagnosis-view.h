/* rg-diagnosis-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-diagnosis-cell.h"
#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_TYPE_DIAGNOSIS_VIEW (rg_diagnosis_view_get_type ())

G_DECLARE_FINAL_TYPE (RgDiagnosisView, rg_diagnosis_view, RG, DIAGNOSIS_VIEW, GtkWidget)

RgSessionEditor *rg_diagnosis_view_get_editor       (RgDiagnosisView *self);
void             rg_diagnosis_view_set_editor       (RgDiagnosisView *self,
                                                     RgSessionEditor *editor);
double           rg_diagnosis_view_get_zoom         (RgDiagnosisView *self);
void             rg_diagnosis_view_set_zoom         (RgDiagnosisView *self,
                                                     double           zoom);
double           rg_diagnosis_view_get_fitting_zoom (RgDiagnosisView *self);
gboolean         rg_diagnosis_view_get_meeting      (RgDiagnosisView *self);
void             rg_diagnosis_view_set_meeting      (RgDiagnosisView *self,
                                                     gboolean         meeting);
RgPartner       *rg_diagnosis_view_get_column_partner (RgDiagnosisView *self,
                                                       guint            column);
gboolean         rg_diagnosis_view_get_blind        (RgDiagnosisView *self);
void             rg_diagnosis_view_set_blind        (RgDiagnosisView *self,
                                                     gboolean         blind);
RgDiagnosisCell *rg_diagnosis_view_get_cell         (RgDiagnosisView *self,
                                                     guint            column,
                                                     guint            row);
RgDiagnosisCell *rg_diagnosis_view_get_focused_cell (RgDiagnosisView *self);
gboolean         rg_diagnosis_view_is_selected      (RgDiagnosisView *self,
                                                     RgStatement     *statement);
void             rg_diagnosis_view_set_selected     (RgDiagnosisView *self,
                                                     RgStatement     *statement,
                                                     gboolean         selected);
GPtrArray       *rg_diagnosis_view_get_selection    (RgDiagnosisView *self);
void             rg_diagnosis_view_popup_card_menu  (RgDiagnosisView *self,
                                                     RgStatementCard *card,
                                                     double           x,
                                                     double           y);
void             rg_diagnosis_view_highlight_link   (RgDiagnosisView *self,
                                                     RgLink          *link,
                                                     gboolean         highlight);
gboolean         rg_diagnosis_view_focus_cell       (RgDiagnosisView *self,
                                                     guint            column,
                                                     guint            row,
                                                     int              index);
gboolean         rg_diagnosis_view_focus_statement  (RgDiagnosisView *self,
                                                     RgStatement     *statement);

G_END_DECLS
