/* rg-sitting-xml.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-sitting.h"

G_BEGIN_DECLS

/* The name of sitting files ends with this */
#define RG_SITTING_FILE_SUFFIX ".regards-sitting"

#define RG_SITTING_MIME_TYPE "application/x-regards-sitting+xml"

RgSitting *rg_sitting_new_from_bytes (GBytes        *bytes,
                                      GError       **error);
GBytes    *rg_sitting_to_bytes       (RgSitting     *sitting);
RgSitting *rg_sitting_load           (GFile         *file,
                                      char         **checksum,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean   rg_sitting_check          (RgSitting     *sitting,
                                      GError       **error);
gboolean   rg_sitting_save           (RgSitting     *sitting,
                                      GFile         *file,
                                      const char    *expected_checksum,
                                      char         **new_checksum,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
