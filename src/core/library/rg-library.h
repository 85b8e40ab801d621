/* rg-library.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-attention.h"
#include "rg-conflict-name.h"
#include "rg-library-entry.h"
#include "rg-library-query.h"
#include "rg-library-sitting.h"
#include "rg-library-situation.h"
#include "rg-merge.h"
#include "rg-types.h"

G_BEGIN_DECLS

#define RG_LIBRARY_ERROR (rg_library_error_quark ())

/**
 * RgLibraryError:
 * @RG_LIBRARY_ERROR_DATABASE: the index could not be opened, read or
 *   written
 * @RG_LIBRARY_ERROR_CORRUPT: the index was found damaged; it has been
 *   set aside and is being rebuilt from the files
 * @RG_LIBRARY_ERROR_FOLDER: the library folder could not be read
 * @RG_LIBRARY_ERROR_INVALID_QUERY: a search criterion is not valid (a
 *   date that is not `YYYY-MM-DD`)
 * @RG_LIBRARY_ERROR_NOT_IN_LIBRARY: the file is not in the library folder
 * @RG_LIBRARY_ERROR_NOT_A_CONFLICT_COPY: the file is not a conflict copy
 *   of a file beside it holding the same session
 *
 * Why an operation of the library failed.
 */
typedef enum
{
  RG_LIBRARY_ERROR_DATABASE,
  RG_LIBRARY_ERROR_CORRUPT,
  RG_LIBRARY_ERROR_FOLDER,
  RG_LIBRARY_ERROR_INVALID_QUERY,
  RG_LIBRARY_ERROR_NOT_IN_LIBRARY,
  RG_LIBRARY_ERROR_NOT_A_CONFLICT_COPY,
} RgLibraryError;

/* The extension of session files, which the library indexes. */
#define RG_LIBRARY_FILE_SUFFIX RG_SESSION_FILE_SUFFIX

/**
 * RgLibraryScanFlags:
 * @RG_LIBRARY_SCAN_NONE: index new and changed files, then check them
 * @RG_LIBRARY_SCAN_INDEX_ONLY: index new and changed files, and leave
 *   checking them with the loader (which finds the files the application
 *   would refuse) to a later scan
 *
 * How far a scan goes.
 */
typedef enum
{
  RG_LIBRARY_SCAN_NONE       = 0,
  RG_LIBRARY_SCAN_INDEX_ONLY = 1 << 0,
} RgLibraryScanFlags;

#define RG_TYPE_LIBRARY_SCAN_RESULT (rg_library_scan_result_get_type ())

/**
 * RgLibraryScanResult:
 *
 * What a scan of the library folder found: how many files were added,
 * updated and removed, and which files cannot be loaded.
 */
typedef struct _RgLibraryScanResult RgLibraryScanResult;

GType                rg_library_scan_result_get_type        (void) G_GNUC_CONST;
RgLibraryScanResult *rg_library_scan_result_ref             (RgLibraryScanResult *result);
void                 rg_library_scan_result_unref           (RgLibraryScanResult *result);
guint                rg_library_scan_result_get_n_added     (RgLibraryScanResult *result);
guint                rg_library_scan_result_get_n_updated   (RgLibraryScanResult *result);
guint                rg_library_scan_result_get_n_removed   (RgLibraryScanResult *result);
guint                rg_library_scan_result_get_n_failed    (RgLibraryScanResult *result);
guint                rg_library_scan_result_get_n_unchanged (RgLibraryScanResult *result);
guint                rg_library_scan_result_get_n_unchecked (RgLibraryScanResult *result);
GListModel          *rg_library_scan_result_get_failures    (RgLibraryScanResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgLibraryScanResult, rg_library_scan_result_unref)

#define RG_TYPE_LIBRARY (rg_library_get_type ())

G_DECLARE_FINAL_TYPE (RgLibrary, rg_library, RG, LIBRARY, GObject)

GQuark               rg_library_error_quark               (void);
char                *rg_library_get_default_database_path (const char           *folder);
RgLibrary           *rg_library_new                       (const char           *folder,
                                                           const char           *database_path,
                                                           GError              **error);
const char          *rg_library_get_folder                (RgLibrary            *self);
const char          *rg_library_get_database_path         (RgLibrary            *self);
const char          *rg_library_get_notice                (RgLibrary            *self);
void                 rg_library_clear_notice              (RgLibrary            *self);
gboolean             rg_library_get_monitoring            (RgLibrary            *self);
void                 rg_library_set_monitoring            (RgLibrary            *self,
                                                           gboolean              monitoring);
gboolean             rg_library_get_scanning              (RgLibrary            *self);
RgLibraryScanResult *rg_library_scan                      (RgLibrary            *self,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
RgLibraryScanResult *rg_library_scan_with_flags           (RgLibrary            *self,
                                                           RgLibraryScanFlags    flags,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
void                 rg_library_scan_async                (RgLibrary            *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
RgLibraryScanResult *rg_library_scan_finish               (RgLibrary            *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
gboolean             rg_library_update_file               (RgLibrary            *self,
                                                           GFile                *file,
                                                           RgSession            *session,
                                                           GError              **error);
gboolean             rg_library_remove_file               (RgLibrary            *self,
                                                           GFile                *file,
                                                           GError              **error);
GListModel          *rg_library_query                     (RgLibrary            *self,
                                                           const RgLibraryQuery *query,
                                                           GError              **error);
void                 rg_library_query_async               (RgLibrary            *self,
                                                           const RgLibraryQuery *query,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GListModel          *rg_library_query_finish              (RgLibrary            *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
gboolean             rg_library_count                     (RgLibrary            *self,
                                                           const RgLibraryQuery *query,
                                                           guint                *n_sessions,
                                                           GError              **error);
GListModel          *rg_library_list_situations           (RgLibrary            *self,
                                                           const RgLibraryQuery *query,
                                                           const char           *today,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
void                 rg_library_list_situations_async     (RgLibrary            *self,
                                                           const RgLibraryQuery *query,
                                                           const char           *today,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GListModel          *rg_library_list_situations_finish    (RgLibrary            *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
GListModel          *rg_library_list_attention            (RgLibrary            *self,
                                                           const char           *today,
                                                           guint                 retention_years,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
void                 rg_library_list_attention_async      (RgLibrary            *self,
                                                           const char           *today,
                                                           guint                 retention_years,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GListModel          *rg_library_list_attention_finish     (RgLibrary            *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
GListModel          *rg_library_list_sittings             (RgLibrary            *self,
                                                           const char           *text,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
void                 rg_library_list_sittings_async       (RgLibrary            *self,
                                                           const char           *text,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GListModel          *rg_library_list_sittings_finish      (RgLibrary            *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

gboolean             rg_library_merge_conflict_copy       (RgLibrary            *self,
                                                           GFile                *copy,
                                                           RgMergeStats         *stats,
                                                           GFile               **trashed,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

G_END_DECLS
