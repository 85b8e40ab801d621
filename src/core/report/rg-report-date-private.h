/* rg-report-date-private.h — dates as the report writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

char *_rg_report_format_date (RgSession  *session,
                              const char *date);

G_END_DECLS
