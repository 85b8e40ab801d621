/* rg-contribution-dialog.h — asking partners for contributions, importing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-contribution.h"

G_BEGIN_DECLS

void              rg_contribution_dialog_ask          (GtkWidget            *parent,
                                                       RgSessionEditor      *editor,
                                                       RgPartner            *partner);
void              rg_contribution_dialog_write        (GtkWidget            *parent,
                                                       RgSessionEditor      *editor,
                                                       RgPartner            *partner,
                                                       GFile                *file);
void              rg_contribution_dialog_import       (GtkWidget            *parent,
                                                       RgSessionEditor      *editor);
void              rg_contribution_dialog_import_files (GtkWidget            *parent,
                                                       RgSessionEditor      *editor,
                                                       GFile               **files,
                                                       guint                 n_files);
AdwMessageDialog *rg_contribution_dialog_show_report  (GtkWidget            *parent,
                                                       RgSessionEditor      *editor,
                                                       RgContributionReport *report);

G_END_DECLS
