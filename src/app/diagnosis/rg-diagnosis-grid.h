/* rg-diagnosis-grid.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RG_TYPE_DIAGNOSIS_GRID (rg_diagnosis_grid_get_type ())

G_DECLARE_FINAL_TYPE (RgDiagnosisGrid, rg_diagnosis_grid, RG, DIAGNOSIS_GRID, GtkWidget)

GtkWidget *rg_diagnosis_grid_new                   (void);
void       rg_diagnosis_grid_reset                 (RgDiagnosisGrid *self,
                                                    guint            n_columns,
                                                    guint            n_rows);
guint      rg_diagnosis_grid_get_n_columns         (RgDiagnosisGrid *self);
guint      rg_diagnosis_grid_get_n_rows            (RgDiagnosisGrid *self);
void       rg_diagnosis_grid_set_corner            (RgDiagnosisGrid *self,
                                                    GtkWidget       *widget);
void       rg_diagnosis_grid_set_column_header     (RgDiagnosisGrid *self,
                                                    guint            column,
                                                    GtkWidget       *widget);
void       rg_diagnosis_grid_set_row_header        (RgDiagnosisGrid *self,
                                                    guint            row,
                                                    GtkWidget       *widget);
void       rg_diagnosis_grid_set_row_footer        (RgDiagnosisGrid *self,
                                                    guint            row,
                                                    GtkWidget       *widget);
void       rg_diagnosis_grid_set_cell              (RgDiagnosisGrid *self,
                                                    guint            column,
                                                    guint            row,
                                                    GtkWidget       *widget);
gboolean   rg_diagnosis_grid_get_row_extent        (RgDiagnosisGrid *self,
                                                    guint            row,
                                                    int             *y,
                                                    int             *height);
GtkWidget *rg_diagnosis_grid_get_row_footer        (RgDiagnosisGrid *self,
                                                    guint            row);
GtkWidget *rg_diagnosis_grid_get_cell              (RgDiagnosisGrid *self,
                                                    guint            column,
                                                    guint            row);
void       rg_diagnosis_grid_set_column_pinned     (RgDiagnosisGrid *self,
                                                    guint            column,
                                                    gboolean         pinned);
int        rg_diagnosis_grid_get_column_x          (RgDiagnosisGrid *self,
                                                    guint            column);
int        rg_diagnosis_grid_get_column_width      (RgDiagnosisGrid *self);
void       rg_diagnosis_grid_set_column_width      (RgDiagnosisGrid *self,
                                                    int              width);
int        rg_diagnosis_grid_get_row_header_width  (RgDiagnosisGrid *self);
void       rg_diagnosis_grid_set_row_header_width  (RgDiagnosisGrid *self,
                                                    int              width);
void       rg_diagnosis_grid_reveal_cell           (RgDiagnosisGrid *self,
                                                    guint            column,
                                                    guint            row);
void       rg_diagnosis_grid_scroll_to_widget      (RgDiagnosisGrid *self,
                                                    GtkWidget       *widget);

G_END_DECLS
