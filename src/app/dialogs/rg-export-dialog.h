/* rg-export-dialog.h — exporting or printing a session's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-export.h"
#include "rg-pseudonymise.h"
#include "rg-session.h"

G_BEGIN_DECLS

/* Who the report is for; the order of the “For” row */
typedef enum
{
  RG_EXPORT_PURPOSE_SEND,
  RG_EXPORT_PURPOSE_TEAM,
} RgExportPurpose;

#define RG_TYPE_EXPORT_DIALOG (rg_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RgExportDialog, rg_export_dialog, RG, EXPORT_DIALOG, AdwWindow)

RgExportDialog    *rg_export_dialog_new                  (GtkWindow       *parent,
                                                          RgSession       *session);
RgExportDialog    *rg_export_dialog_new_for_printing     (GtkWindow       *parent,
                                                          RgSession       *session);
RgExportDialog    *rg_export_dialog_new_for_files        (GtkWindow       *parent,
                                                          GPtrArray       *files);
gboolean           rg_export_dialog_get_printing         (RgExportDialog  *self);
void               rg_export_dialog_set_format           (RgExportDialog  *self,
                                                          RgExportFormat   format);
RgExportFormat     rg_export_dialog_get_format           (RgExportDialog  *self);
void               rg_export_dialog_set_csv_separator    (RgExportDialog  *self,
                                                          RgCsvSeparator   separator);
RgCsvSeparator     rg_export_dialog_get_csv_separator    (RgExportDialog  *self);
void               rg_export_dialog_set_purpose          (RgExportDialog  *self,
                                                          RgExportPurpose  purpose);
RgExportPurpose    rg_export_dialog_get_purpose          (RgExportDialog  *self);
void               rg_export_dialog_set_pseudonymise     (RgExportDialog  *self,
                                                          gboolean         pseudonymise);
gboolean           rg_export_dialog_get_pseudonymise     (RgExportDialog  *self);
void               rg_export_dialog_set_level            (RgExportDialog    *self,
                                                          RgDeidentifyLevel  level);
RgDeidentifyLevel  rg_export_dialog_get_level            (RgExportDialog  *self);
void               rg_export_dialog_set_folder           (RgExportDialog  *self,
                                                          GFile           *folder);
char              *rg_export_dialog_dup_file_name        (RgExportDialog  *self);
GPtrArray         *rg_export_dialog_export_to            (RgExportDialog  *self,
                                                          GFile           *output,
                                                          GError         **error);
void               rg_export_dialog_export_files_async   (RgExportDialog      *self,
                                                          GFile               *output,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray         *rg_export_dialog_export_files_finish  (RgExportDialog  *self,
                                                          GAsyncResult    *result,
                                                          GError         **error);
GtkPrintOperation *rg_export_dialog_make_print_operation (RgExportDialog  *self,
                                                          GError         **error);

G_END_DECLS
