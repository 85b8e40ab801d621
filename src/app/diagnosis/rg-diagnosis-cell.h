/* rg-diagnosis-cell.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session-editor.h"
#include "rg-statement-card.h"

G_BEGIN_DECLS

#define RG_TYPE_DIAGNOSIS_CELL (rg_diagnosis_cell_get_type ())

G_DECLARE_FINAL_TYPE (RgDiagnosisCell, rg_diagnosis_cell, RG, DIAGNOSIS_CELL, GtkWidget)

GtkWidget       *rg_diagnosis_cell_new               (RgSessionEditor *editor,
                                                      RgPartner       *partner,
                                                      RgDimension     *dimension,
                                                      GPtrArray       *statements,
                                                      GHashTable      *column_statements,
                                                      GPtrArray       *selection,
                                                      gboolean         blind);
gboolean         rg_diagnosis_cell_get_populated     (RgDiagnosisCell *self);
void             rg_diagnosis_cell_populate          (RgDiagnosisCell *self);
gboolean         rg_diagnosis_cell_populate_more     (RgDiagnosisCell *self,
                                                      guint            n_cards);
guint            rg_diagnosis_cell_get_n_built       (RgDiagnosisCell *self);
gboolean         rg_diagnosis_cell_depopulate        (RgDiagnosisCell *self);
void             rg_diagnosis_cell_set_view          (RgDiagnosisCell *self,
                                                      GtkWidget       *view);
int              rg_diagnosis_cell_estimate_height   (RgDiagnosisCell *self,
                                                      int              width,
                                                      int              char_width,
                                                      int              line_height);
int              rg_diagnosis_cell_estimate_rest_height (RgDiagnosisCell *self,
                                                         int              width,
                                                         int              char_width,
                                                         int              line_height);
RgPartner       *rg_diagnosis_cell_get_partner       (RgDiagnosisCell *self);
RgDimension     *rg_diagnosis_cell_get_dimension     (RgDiagnosisCell *self);
guint            rg_diagnosis_cell_get_n_statements  (RgDiagnosisCell *self);
RgStatementCard *rg_diagnosis_cell_get_card          (RgDiagnosisCell *self,
                                                      RgStatement     *statement);
RgStatementCard *rg_diagnosis_cell_get_focused_card  (RgDiagnosisCell *self);
void             rg_diagnosis_cell_focus_statement   (RgDiagnosisCell *self,
                                                      int              index);
int              rg_diagnosis_cell_get_focus_index   (RgDiagnosisCell *self);
RgStatement     *rg_diagnosis_cell_add_statement     (RgDiagnosisCell *self,
                                                      RgStatement     *after);

G_END_DECLS
