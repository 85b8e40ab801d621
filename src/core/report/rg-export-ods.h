/* rg-export-ods.h — a session's tables as an OpenDocument spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

#define RG_EXPORT_ODS_MIME_TYPE "application/vnd.oasis.opendocument.spreadsheet"

GBytes *rg_export_ods (RgSession  *session,
                       GError    **error);

G_END_DECLS
