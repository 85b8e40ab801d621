/* rg-trash.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean rg_trash_file    (GFile         *file,
                           GFile        **trashed,
                           GCancellable  *cancellable,
                           GError       **error);
gboolean rg_trash_restore (GFile         *trashed,
                           GFile         *original,
                           GCancellable  *cancellable,
                           GError       **error);

G_END_DECLS
