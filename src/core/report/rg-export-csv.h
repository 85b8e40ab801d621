/* rg-export-csv.h — a session's statements, links and criteria as CSV tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

GBytes *rg_export_csv_statements (RgSession *session);
GBytes *rg_export_csv_links      (RgSession *session);
GBytes *rg_export_csv_criteria   (RgSession *session);

G_END_DECLS
