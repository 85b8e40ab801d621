/* rg-file-io-private.h — what other core files share with rg-file-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-file-io.h"

G_BEGIN_DECLS

gboolean _rg_file_remove_stale_temp_at (int         dir_fd,
                                        const char *name,
                                        gint64      now);

G_END_DECLS
