/* rg-export-pdf.h — a session's report as a PDF document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-report.h"
#include "rg-session.h"

G_BEGIN_DECLS

/* A4, in points, and the margins of its printable area */
#define RG_EXPORT_PDF_PAGE_WIDTH    595.276
#define RG_EXPORT_PDF_PAGE_HEIGHT   841.890
#define RG_EXPORT_PDF_MARGIN_TOP    48.0
#define RG_EXPORT_PDF_MARGIN_BOTTOM 42.0
#define RG_EXPORT_PDF_MARGIN_SIDE   56.7

GBytes *rg_export_pdf        (RgSession  *session,
                              GError    **error);
GBytes *rg_export_pdf_report (RgReport   *report,
                              GError    **error);

G_END_DECLS
