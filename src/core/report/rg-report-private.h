/* rg-report-private.h — what the writers and pictures of report/ share
 * with the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *_rg_report_format_date (const char *date);

G_END_DECLS
