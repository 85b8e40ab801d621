/* rg-library-select.h — reading the library's index with SQL of one's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rg-library.h"

G_BEGIN_DECLS

/**
 * RgLibraryRowFunc:
 * @statement: the index of the statement in the list given to
 *   rg_library_select ()
 * @row: (nullable): the row, to read with sqlite3_column_*(); %NULL
 *   when the statements start again from the first (the index failed
 *   under them and was made again): forget every row given before
 * @user_data: the data given to rg_library_select ()
 *
 * Called for each row of each statement, in order.
 */
typedef void (*RgLibraryRowFunc) (guint          statement,
                                  sqlite3_stmt  *row,
                                  gpointer       user_data);

gboolean rg_library_select (RgLibrary           *self,
                            const char * const  *statements,
                            const char * const  *params,
                            RgLibraryRowFunc     func,
                            gpointer             user_data,
                            GError             **error);

G_END_DECLS
