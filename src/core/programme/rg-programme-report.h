/* rg-programme-report.h — the programme's evaluation, for the steering committee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-programme-figures.h"
#include "rg-report.h"

G_BEGIN_DECLS

RgReport *rg_programme_report_new (const RgProgrammeFigures  *figures,
                                   GError                   **error);
GBytes   *rg_programme_report_pdf (const RgProgrammeFigures  *figures,
                                   GError                   **error);
GBytes   *rg_programme_report_odt (const RgProgrammeFigures  *figures,
                                   GError                   **error);
GBytes   *rg_programme_report_csv (const RgProgrammeFigures  *figures);

G_END_DECLS
