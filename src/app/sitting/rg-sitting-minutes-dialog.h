/* rg-sitting-minutes-dialog.h — writing a sitting's minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-export.h"
#include "rg-sitting.h"

G_BEGIN_DECLS

#define RG_TYPE_SITTING_MINUTES_DIALOG (rg_sitting_minutes_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RgSittingMinutesDialog, rg_sitting_minutes_dialog, RG, SITTING_MINUTES_DIALOG, AdwWindow)

RgSittingMinutesDialog *rg_sitting_minutes_dialog_new               (GtkWindow              *parent,
                                                                      RgSitting              *sitting,
                                                                      GFile                  *library_folder,
                                                                      GFile                  *folder);
RgExportFormat          rg_sitting_minutes_dialog_get_format        (RgSittingMinutesDialog *self);
void                    rg_sitting_minutes_dialog_set_format        (RgSittingMinutesDialog *self,
                                                                      RgExportFormat          format);
gboolean                rg_sitting_minutes_dialog_get_pseudonymise  (RgSittingMinutesDialog *self);
void                    rg_sitting_minutes_dialog_set_pseudonymise  (RgSittingMinutesDialog *self,
                                                                      gboolean                pseudonymise);
char                   *rg_sitting_minutes_dialog_dup_file_name     (RgSittingMinutesDialog *self);

G_END_DECLS
