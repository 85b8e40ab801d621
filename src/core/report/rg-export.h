/* rg-export.h — writing a session's report to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-export-csv.h"
#include "rg-export-qdpx.h"
#include "rg-session.h"

G_BEGIN_DECLS

typedef enum
{
  RG_EXPORT_FORMAT_HTML,
  RG_EXPORT_FORMAT_CSV,
  RG_EXPORT_FORMAT_PDF,
  RG_EXPORT_FORMAT_ODT,
  RG_EXPORT_FORMAT_QDPX,
  RG_EXPORT_FORMAT_ODS,
} RgExportFormat;

GPtrArray *rg_export_write (RgSession       *session,
                            RgExportFormat   format,
                            GFile           *output,
                            GError         **error);
GPtrArray *rg_export_write_csv (RgSession       *session,
                                RgCsvSeparator   separator,
                                GFile           *output,
                                GError         **error);
GPtrArray *rg_export_write_qdpx (GPtrArray          *sessions,
                                 RgExportQdpxFlags   flags,
                                 GFile              *output,
                                 GError            **error);

G_END_DECLS
