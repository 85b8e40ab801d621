/* rg-library-sittings-private.h — team sittings in the index
 * (rg-library-sittings.c), for the schema and the scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-library-private.h"
#include "rg-sitting.h"

G_BEGIN_DECLS

/* The tables of sittings, made with the rest of the schema. */
gboolean    _rg_library_db_create_sittings        (RgLibraryDb   *db,
                                                   GError       **error);

/* Relative path → RgLibraryFileState (its digest unused) of every
 * sitting file in the index. */
GHashTable *_rg_library_db_list_sitting_files     (RgLibraryDb   *db,
                                                   GError       **error);

/* Adds or replaces the row of a sitting file: @sitting, or, when it
 * cannot be loaded, @error_message. Call inside a transaction. */
gboolean    _rg_library_db_put_sitting            (RgLibraryDb   *db,
                                                   const char    *relpath,
                                                   gint64         size,
                                                   gint64         mtime,
                                                   RgSitting     *sitting,
                                                   const char    *error_message,
                                                   GError       **error);
gboolean    _rg_library_db_delete_sitting         (RgLibraryDb   *db,
                                                   const char    *relpath,
                                                   gboolean      *deleted,
                                                   GError       **error);
GPtrArray  *_rg_library_db_list_sittings          (RgLibraryDb   *db,
                                                   const char    *folder,
                                                   const char    *text,
                                                   GError       **error);

G_END_DECLS
