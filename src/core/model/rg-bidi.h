/* rg-bidi.h — keeping a text's direction controls to itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  rg_bidi_has_controls (const char *text);
char     *rg_bidi_isolate      (const char *text);

G_END_DECLS
