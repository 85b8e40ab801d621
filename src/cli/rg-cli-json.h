/* rg-cli-json.h — printing what a JsonBuilder built, as regards-cli does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void  rg_cli_json_print     (JsonBuilder *builder);
char *rg_cli_json_to_string (JsonBuilder *builder);

G_END_DECLS
