/* rg-cli-display.h — file names and messages as a terminal can show them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  rg_cli_is_unsafe_char  (gunichar      c);
char     *rg_cli_display_name    (const char   *name);
char     *rg_cli_display_message (const char   *message);
void      rg_cli_print_error     (const GError *error);

G_END_DECLS
