/* rg-library-select.c — reading the library's index with SQL of one's own
 *
 * The folders after this one that count over the whole library (the
 * programme's evaluation) ask the index in SQL, which is much faster
 * than going through its rows one by one. They get no more than that:
 * statements that read, never write (SQLite says which do, and those
 * are refused), run in one read transaction so that every statement
 * sees the same index, under the connection's lock and with the
 * recovery every search has (rg-library.c). The tables are described
 * in rg-library-index.c and docs/library.md; a statement that names
 * what is not there is the caller's mistake, and fails without the
 * index being made again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-select"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-library-private.h"
#include "rg-library-select.h"

typedef struct
{
  const char * const *statements;
  const char * const *params;
  RgLibraryRowFunc    func;
  gpointer            user_data;
} SelectData;

static gboolean
run_statement (RgLibraryDb  *db,
               guint         index,
               SelectData   *data,
               GError      **error)
{
  sqlite3 *handle = _rg_library_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int n_params;
  int rc;

  rc = sqlite3_prepare_v2 (handle, data->statements[index], -1, &stmt, NULL);
  if (rc != SQLITE_OK || stmt == NULL || !sqlite3_stmt_readonly (stmt))
    {
      /* Not the index's fault: a mistake in the statement, or one that
       * writes. Making the index again would not help. */
      g_warning ("Statement %u refused: %s", index,
                 rc != SQLITE_OK ? sqlite3_errmsg (handle) : "not a read-only statement");
      sqlite3_finalize (stmt);
      if ((rc & 0xff) == SQLITE_ERROR || rc == SQLITE_OK)
        {
          g_set_error_literal (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_INVALID_QUERY,
                               _("The library index could not answer this question"));
          return FALSE;
        }
      _rg_library_db_set_error (db, rc, error);
      return FALSE;
    }

  n_params = sqlite3_bind_parameter_count (stmt);
  for (int i = 0; data->params != NULL && data->params[i] != NULL && i < n_params; i++)
    sqlite3_bind_text (stmt, i + 1, data->params[i], -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    data->func (index, stmt, data->user_data);

  if (rc != SQLITE_DONE)
    {
      _rg_library_db_set_error (db, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
select_db (RgLibrary    *self,
           RgLibraryDb  *db,
           gpointer      user_data,
           GError      **error)
{
  SelectData *data = user_data;
  sqlite3 *handle = _rg_library_db_get_handle (db);
  int rc;

  data->func (0, NULL, data->user_data);

  rc = sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _rg_library_db_set_error (db, rc, error);
      return FALSE;
    }

  for (guint i = 0; data->statements[i] != NULL; i++)
    if (!run_statement (db, i, data, error))
      return FALSE;   /* the caller rolls back */

  return _rg_library_db_commit (db, error);
}

/**
 * rg_library_select:
 * @self: a #RgLibrary
 * @statements: (array zero-terminated=1): SQL statements that read the
 *   index, run in this order
 * @params: (array zero-terminated=1) (nullable): texts bound to each
 *   statement's parameters ?1, ?2…, as far as it has them
 * @func: (scope call): called for each row
 * @user_data: data for @func
 * @error: a location for a #GError
 *
 * Runs @statements on the index, in the calling thread, in one read
 * transaction. An index never filled is filled first; an index that
 * fails under them is made again and they run again (@func is told so
 * with a %NULL row). A statement that would write is refused.
 *
 * Returns: %TRUE when every statement ran to its end
 */
gboolean
rg_library_select (RgLibrary           *self,
                   const char * const  *statements,
                   const char * const  *params,
                   RgLibraryRowFunc     func,
                   gpointer             user_data,
                   GError             **error)
{
  SelectData data = { statements, params, func, user_data };

  g_return_val_if_fail (RG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (statements != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _rg_library_run_with_db (self, select_db, &data, TRUE, error);
}
