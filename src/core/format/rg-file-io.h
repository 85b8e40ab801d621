/* rg-file-io.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RG_DOCUMENT_ERROR (rg_document_error_quark ())

/**
 * RgDocumentError:
 * @RG_DOCUMENT_ERROR_CONFLICT: the file was changed by another program
 *   since it was loaded or saved; our version went to a conflict copy
 * @RG_DOCUMENT_ERROR_WRITE_FAILED: the file could not be written; the
 *   previous version is intact
 * @RG_DOCUMENT_ERROR_READ_FAILED: the file could not be read
 * @RG_DOCUMENT_ERROR_TOO_LARGE: the file is larger than allowed, or the
 *   session would make a file larger than Regards can open; nothing was
 *   written
 * @RG_DOCUMENT_ERROR_NOT_FOUND: the file does not exist
 * @RG_DOCUMENT_ERROR_CHANGED: the file was changed by another program
 *   since it was loaded or saved, and nothing was written
 * @RG_DOCUMENT_ERROR_READ_ONLY: the file was opened read-only (see
 *   rg_file_is_read_only ()); nothing was written
 *
 * Why reading or writing a session file failed.
 */
typedef enum
{
  RG_DOCUMENT_ERROR_CONFLICT,
  RG_DOCUMENT_ERROR_WRITE_FAILED,
  RG_DOCUMENT_ERROR_READ_FAILED,
  RG_DOCUMENT_ERROR_TOO_LARGE,
  RG_DOCUMENT_ERROR_NOT_FOUND,
  RG_DOCUMENT_ERROR_READ_ONLY,
  RG_DOCUMENT_ERROR_CHANGED,
} RgDocumentError;

/* Temporary files of saves older than this, in seconds, were abandoned
 * (see rg_file_remove_stale_temps ()). */
#define RG_FILE_STALE_TEMP_AGE (10 * 60)

GQuark    rg_document_error_quark (void);

GBytes   *rg_file_read_bounded    (GFile         *file,
                                   gsize          max_size,
                                   char         **checksum_out,
                                   GCancellable  *cancellable,
                                   GError       **error);
gboolean  rg_file_write_atomic    (GFile         *file,
                                   GBytes        *contents,
                                   const char    *expected_checksum,
                                   char         **new_checksum,
                                   GFile        **conflict_copy,
                                   GCancellable  *cancellable,
                                   GError       **error);
gboolean  rg_file_is_read_only    (GFile         *file);
char     *rg_file_parse_temp_name (const char    *name,
                                   gboolean      *is_backup);
guint     rg_file_remove_stale_temps (const char   *folder,
                                      GCancellable *cancellable);
gboolean  rg_file_remove_stale_temp_at (int           dir_fd,
                                        const char   *name,
                                        gint64        now);

G_END_DECLS
