/* rg-report-print.h — printing a session's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session.h"

G_BEGIN_DECLS

GtkPrintOperation *rg_report_print_operation_new (RgSession  *session,
                                                  GError    **error);

G_END_DECLS
