/* rg-export-html.h — a session as one printable HTML report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

GBytes *rg_export_html (RgSession  *session,
                        GError    **error);

G_END_DECLS
