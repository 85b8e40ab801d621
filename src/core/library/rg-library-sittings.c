/* rg-library-sittings.c — team sittings in the library's index
 *
 * A sitting file (*.regards-sitting) of the library folder gets one row
 * in the `sittings` table and one in its full-text table, so that the
 * coordinator finds a sitting by its title, its place, the situations on
 * its agenda or the people invited. Sittings are few (a few dozen a
 * year) and small: the scan loads each new or changed one with the full
 * loader (rg-sitting-xml.c) in its own thread, after the sessions, and
 * writes them in one transaction (rg-library-scan.c). A file that cannot
 * be loaded is listed with its error, as sessions are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-sittings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-library-sitting-private.h"
#include "rg-library-sittings-private.h"

static const char sittings_schema_sql[] =
  /* One row per .regards-sitting file, loaded or not; as in `sessions`,
   * path is relative to the library folder, mtime in nanoseconds, and a
   * file that cannot be loaded has its error and nothing else. start:
   * of the first slot, HH:MM. */
  "CREATE TABLE sittings ("
  "  id           INTEGER PRIMARY KEY,"
  "  path         TEXT NOT NULL UNIQUE,"
  "  size         INTEGER NOT NULL,"
  "  mtime        INTEGER NOT NULL,"
  "  error        TEXT,"
  "  uuid         TEXT,"
  "  title        TEXT,"
  "  kind         TEXT,"
  "  date         TEXT,"
  "  start        TEXT,"
  "  place        TEXT,"
  "  n_situations INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX sittings_by_date ON sittings (date, start);"
  /* rowid = sittings.id; a file that cannot be loaded has its name as
   * title, so that it can be found. */
  "CREATE VIRTUAL TABLE sitting_text USING fts5 ("
  "  title, place, situations, invited,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");";

gboolean
_rg_library_db_create_sittings (RgLibraryDb  *db,
                                GError      **error)
{
  return _rg_library_db_exec (db, sittings_schema_sql, error);
}

/* Prepares @sql, reporting a failure as the index's. */
static sqlite3_stmt *
prepare (RgLibraryDb  *db,
         const char   *sql,
         GError      **error)
{
  sqlite3 *handle = _rg_library_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _rg_library_db_set_error (db, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/* Finalizes @stmt after its last step, which returned @rc, and says
 * whether it went to its end. */
static gboolean
finish (RgLibraryDb   *db,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  if (rc != SQLITE_DONE)
    _rg_library_db_set_error (db, rc, error);

  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

GHashTable *
_rg_library_db_list_sitting_files (RgLibraryDb  *db,
                                   GError      **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) _rg_library_file_state_free);
  sqlite3_stmt *stmt = prepare (db, "SELECT path, id, size, mtime, error IS NOT NULL"
                                    " FROM sittings", error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RgLibraryFileState *state = g_new0 (RgLibraryFileState, 1);

      state->id = sqlite3_column_int64 (stmt, 1);
      state->size = sqlite3_column_int64 (stmt, 2);
      state->mtime = sqlite3_column_int64 (stmt, 3);
      state->failed = sqlite3_column_int (stmt, 4) != 0;
      state->verified = TRUE;
      g_hash_table_insert (files, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), state);
    }

  if (!finish (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&files);
}

gboolean
_rg_library_db_delete_sitting (RgLibraryDb  *db,
                               const char   *relpath,
                               gboolean     *deleted,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = -1;
  int rc;

  if (!(stmt = prepare (db, "SELECT id FROM sittings WHERE path = ?1", error)))
    return FALSE;
  bind_text (stmt, 1, relpath);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;

  if (deleted != NULL)
    *deleted = id >= 0;
  if (id < 0)
    return TRUE;

  if (!(stmt = prepare (db, "DELETE FROM sitting_text WHERE rowid = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!finish (db, stmt, sqlite3_step (stmt), error))
    return FALSE;

  if (!(stmt = prepare (db, "DELETE FROM sittings WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return finish (db, stmt, sqlite3_step (stmt), error);
}

/* The words of the agenda a search looks into: each situation's label
 * and code, and each person invited, one per line. */
static void
agenda_text (RgSitting  *sitting,
             char      **situations,
             char      **invited)
{
  g_autoptr(GString) situations_text = g_string_new (NULL);
  g_autoptr(GString) invited_text = g_string_new (NULL);
  GListModel *items = rg_sitting_get_items (sitting);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgSittingItem) item = g_list_model_get_item (items, i);
      GListModel *invitees = rg_sitting_item_get_invitees (item);
      const char *label = rg_sitting_item_get_situation_label (item);
      const char *code = rg_sitting_item_get_situation_code (item);

      if (label != NULL)
        g_string_append_printf (situations_text, "%s\n", label);
      if (code != NULL)
        g_string_append_printf (situations_text, "%s\n", code);

      for (guint j = 0; j < g_list_model_get_n_items (invitees); j++)
        {
          g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, j);
          const char *fields[] = {
            rg_sitting_invitee_get_name (invitee),
            rg_sitting_invitee_get_profession (invitee),
            rg_sitting_invitee_get_institution (invitee),
          };

          for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
            if (fields[k] != NULL)
              g_string_append_printf (invited_text, "%s\n", fields[k]);
        }
    }

  *situations = g_string_free (g_steal_pointer (&situations_text), FALSE);
  *invited = g_string_free (g_steal_pointer (&invited_text), FALSE);
}

gboolean
_rg_library_db_put_sitting (RgLibraryDb  *db,
                            const char   *relpath,
                            gint64        size,
                            gint64        mtime,
                            RgSitting    *sitting,
                            const char   *error_message,
                            GError      **error)
{
  g_autofree char *situations = NULL;
  g_autofree char *invited = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_assert (sitting != NULL || error_message != NULL);

  if (!_rg_library_db_delete_sitting (db, relpath, NULL, error))
    return FALSE;

  if (!(stmt = prepare (db, "INSERT INTO sittings (path, size, mtime, error, uuid, title, kind,"
                            " date, start, place, n_situations)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error)))
    return FALSE;

  bind_text (stmt, 1, relpath);
  sqlite3_bind_int64 (stmt, 2, size);
  sqlite3_bind_int64 (stmt, 3, mtime);
  if (sitting == NULL)
    {
      bind_text (stmt, 4, error_message);
      sqlite3_bind_int (stmt, 11, 0);
    }
  else
    {
      bind_text (stmt, 5, rg_sitting_get_id (sitting));
      bind_text (stmt, 6, rg_sitting_get_title (sitting));
      bind_text (stmt, 7, rg_sitting_kind_to_string (rg_sitting_get_kind (sitting)));
      bind_text (stmt, 8, rg_sitting_get_date (sitting));
      bind_text (stmt, 9, rg_sitting_get_start (sitting));
      bind_text (stmt, 10, rg_sitting_get_place (sitting));
      sqlite3_bind_int (stmt, 11, g_list_model_get_n_items (rg_sitting_get_items (sitting)));
    }
  if (!finish (db, stmt, sqlite3_step (stmt), error))
    return FALSE;

  id = sqlite3_last_insert_rowid (_rg_library_db_get_handle (db));

  if (!(stmt = prepare (db, "INSERT INTO sitting_text (rowid, title, place, situations, invited)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sitting == NULL)
    {
      name = g_path_get_basename (relpath);
      bind_text (stmt, 2, name);
    }
  else
    {
      agenda_text (sitting, &situations, &invited);
      bind_text (stmt, 2, rg_sitting_get_title (sitting));
      bind_text (stmt, 3, rg_sitting_get_place (sitting));
      bind_text (stmt, 4, situations);
      bind_text (stmt, 5, invited);
    }

  return finish (db, stmt, sqlite3_step (stmt), error);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static RgLibrarySitting *
sitting_from_row (sqlite3_stmt *stmt,
                  const char   *folder)
{
  RgLibrarySitting *sitting = g_object_new (RG_TYPE_LIBRARY_SITTING, NULL);
  const char *kind = (const char *) sqlite3_column_text (stmt, 4);

  sitting->path = g_build_filename (folder, (const char *) sqlite3_column_text (stmt, 0), NULL);
  sitting->error_message = dup_column (stmt, 1);
  sitting->id = dup_column (stmt, 2);
  sitting->title = dup_column (stmt, 3);
  if (kind == NULL || !rg_sitting_kind_from_string (kind, &sitting->kind))
    sitting->kind = RG_SITTING_KIND_SUPPORT_TEAM;
  sitting->date = dup_column (stmt, 5);
  sitting->start = dup_column (stmt, 6);
  sitting->place = dup_column (stmt, 7);
  sitting->n_situations = sqlite3_column_int (stmt, 8);

  return sitting;
}

/**
 * _rg_library_db_list_sittings:
 * @folder: the library folder, to make the paths whole
 * @text: (nullable): words to look for, as typed
 *
 * Returns: (transfer full) (element-type RgLibrarySitting): the sittings
 *   @text matches (all of them without @text), newest first; files that
 *   cannot be loaded, which have no date, last
 */
GPtrArray *
_rg_library_db_list_sittings (RgLibraryDb  *db,
                              const char   *folder,
                              const char   *text,
                              GError      **error)
{
  g_autoptr(GPtrArray) sittings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *expression = _rg_library_fts_expression (text, NULL);
  g_autoptr(GString) sql = g_string_new ("SELECT s.path, s.error, s.uuid, s.title, s.kind,"
                                         " s.date, s.start, s.place, s.n_situations"
                                         " FROM sittings AS s");
  sqlite3_stmt *stmt;
  int rc;

  if (expression != NULL)
    g_string_append (sql, " WHERE s.id IN (SELECT rowid FROM sitting_text"
                          " WHERE sitting_text MATCH ?1)");
  g_string_append (sql, " ORDER BY s.date IS NULL, s.date DESC, s.start DESC, s.title, s.path");

  if (!(stmt = prepare (db, sql->str, error)))
    return NULL;
  if (expression != NULL)
    bind_text (stmt, 1, expression);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sittings, sitting_from_row (stmt, folder));

  if (!finish (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&sittings);
}

/* The public list, off the index's lock in rg-library.c */

typedef struct
{
  char      *text;
  GPtrArray *rows;
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->text);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_free (data);
}

static gboolean
list_db (RgLibrary    *self,
         RgLibraryDb  *db,
         gpointer      user_data,
         GError      **error)
{
  ListData *data = user_data;

  g_clear_pointer (&data->rows, g_ptr_array_unref);
  data->rows = _rg_library_db_list_sittings (db, rg_library_get_folder (self), data->text,
                                             error);

  return data->rows != NULL;
}

static GListModel *
run_list (RgLibrary     *self,
          ListData      *data,
          GCancellable  *cancellable,
          GError       **error)
{
  GListStore *store;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_rg_library_run_with_db (self, list_db, data, TRUE, error))
    return NULL;

  store = g_list_store_new (RG_TYPE_LIBRARY_SITTING);
  g_list_store_splice (store, 0, 0, data->rows->pdata, data->rows->len);

  return G_LIST_MODEL (store);
}

/**
 * rg_library_list_sittings:
 * @self: a #RgLibrary
 * @text: (nullable): words to look for, as the user typed them: in the
 *   title, the place, the situations' labels and codes and the names,
 *   professions and institutions of the people invited; %NULL or empty
 *   for every sitting
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Lists the team sittings of the library folder (its `*.regards-sitting`
 * files), in the calling thread. Words match as in rg_library_query ():
 * without regard to accents or case, the last one as a prefix. Sittings
 * come newest first (by date, then the start of their first slot); a
 * file that cannot be loaded comes last, with its error (see
 * rg_library_sitting_get_error_message ()), and is found by its name.
 *
 * Returns: (transfer full) (nullable): a #GListModel of
 *   #RgLibrarySitting, or %NULL with @error set
 */
GListModel *
rg_library_list_sittings (RgLibrary     *self,
                          const char    *text,
                          GCancellable  *cancellable,
                          GError       **error)
{
  ListData data = { (char *) text, NULL };
  GListModel *model;

  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  model = run_list (self, &data, cancellable, error);
  g_clear_pointer (&data.rows, g_ptr_array_unref);

  return model;
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GListModel *model = run_list (source_object, task_data, cancellable, &error);

  if (model == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

/**
 * rg_library_list_sittings_async:
 * @self: a #RgLibrary
 * @text: (nullable): words to look for; copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Lists the sittings in a thread; see rg_library_list_sittings ().
 */
void
rg_library_list_sittings_async (RgLibrary           *self,
                                const char          *text,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListData *data;

  g_return_if_fail (RG_IS_LIBRARY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ListData, 1);
  data->text = g_strdup (text);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_library_list_sittings_async);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  g_task_run_in_thread (task, list_thread);
}

/**
 * rg_library_list_sittings_finish:
 * @self: a #RgLibrary
 * @result: the #GAsyncResult given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of
 *   #RgLibrarySitting, or %NULL with @error set
 */
GListModel *
rg_library_list_sittings_finish (RgLibrary     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rg_library_list_sittings_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
