/* rg-accessible-names.h — accessible names without mnemonic underscores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rg_accessible_strip_mnemonic   (const char *label);
void  rg_accessible_names_init       (void);

G_END_DECLS
