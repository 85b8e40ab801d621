/* rg-sitting-time.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  rg_sitting_time_is_valid     (const char *time);
int       rg_sitting_time_to_minutes   (const char *time);
char     *rg_sitting_time_from_minutes (int         minutes);

G_END_DECLS
