/* rg-icons.h — the icons of the statements' kinds and the links' types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

const char *rg_statement_kind_get_icon_name (RgStatementKind kind);
const char *rg_link_type_get_icon_name      (RgLinkType      type);

G_END_DECLS
