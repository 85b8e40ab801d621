/* rg-zip-writer-private.h — the zip packages report/ writes: ODT, REFI-QDA
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RgZipWriter RgZipWriter;

RgZipWriter *_rg_zip_writer_new    (void);
gboolean     _rg_zip_writer_add    (RgZipWriter  *self,
                                    const char   *path,
                                    GBytes       *contents,
                                    gboolean      stored,
                                    GError      **error);
GBytes      *_rg_zip_writer_finish (RgZipWriter  *self,
                                    GError      **error);
void         _rg_zip_writer_free   (RgZipWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgZipWriter, _rg_zip_writer_free)

G_END_DECLS
