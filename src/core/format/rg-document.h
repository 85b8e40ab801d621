/* rg-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-file-io.h"
#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_DOCUMENT (rg_document_get_type ())

G_DECLARE_FINAL_TYPE (RgDocument, rg_document, RG, DOCUMENT, GObject)

RgDocument *rg_document_new           (RgSession            *session,
                                       GFile                *file);
RgDocument *rg_document_new_from_file (GFile                *file,
                                       GCancellable         *cancellable,
                                       GError              **error);
void        rg_document_load_async    (GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
RgDocument *rg_document_load_finish   (GAsyncResult         *result,
                                       GError              **error);
GFile      *rg_document_get_file      (RgDocument           *self);
RgSession  *rg_document_get_session   (RgDocument           *self);
const char *rg_document_get_checksum  (RgDocument           *self);
gboolean    rg_document_get_modified  (RgDocument           *self);
gboolean    rg_document_get_read_only (RgDocument           *self);
gboolean    rg_document_save          (RgDocument           *self,
                                       GCancellable         *cancellable,
                                       GError              **error);
void        rg_document_save_async    (RgDocument           *self,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean    rg_document_save_finish   (RgDocument           *self,
                                       GAsyncResult         *result,
                                       GError              **error);
void        rg_document_watch         (RgDocument           *self);
gboolean    rg_document_merge_from_disk (RgDocument         *self,
                                       GError              **error);
gboolean    rg_document_save_copy     (RgDocument           *self,
                                       GFile                *destination,
                                       GCancellable         *cancellable,
                                       GError              **error);

G_END_DECLS
