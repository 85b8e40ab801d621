/* rg-export-odt.h — a session's report as an OpenDocument text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-report.h"
#include "rg-session.h"

G_BEGIN_DECLS

#define RG_EXPORT_ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"

GBytes *rg_export_odt        (RgSession  *session,
                              GError    **error);
GBytes *rg_export_odt_report (RgReport   *report,
                              GError    **error);

G_END_DECLS
