/* rg-library-index.c — the SQLite database behind the library
 *
 * The index is a cache of the session files: every row can be made again
 * from its file. So a database we cannot trust (damaged, or of a schema
 * version we do not know) is never repaired: it is set aside and a new one
 * is built. Within the program, everything goes through one connection
 * (rg-library-connection.c says why); two programs on one index (the
 * application and regards-cli) take the lock at the start of their
 * transactions (BEGIN IMMEDIATE) and wait for each other (busy timeout),
 * so they never see SQLITE_BUSY.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-index"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rg-attention-private.h"
#include "rg-library-private.h"
#include "rg-library-situation-private.h"
#include "rg-library-sittings-private.h"
#include "rg-paths.h"
#include "rg-retention.h"

/* Long enough for a scan to commit its batch, short enough that a wedged
 * program does not freeze another forever. */
#define BUSY_TIMEOUT_MS 15000

/* Partners of one session the index keeps; more are left out of the
 * partner search (their names are still in the text). */
#define MAX_PARTNERS 1024

/* Words beyond these are ignored: a search is typed, not pasted books. */
#define MAX_QUERY_WORDS 16
#define MAX_WORD_CHARS 64

static const char schema_sql[] =
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT"
  ") WITHOUT ROWID;"
  /* One row per .regards file of the folder, loaded or not. path is
   * relative to the library folder; mtime in nanoseconds. A file that
   * cannot be loaded has its error and no session data. verified: the
   * loader has checked this version of the file (rg-library-extract.c);
   * digest: of the record, to compare the two readings. */
  "CREATE TABLE sessions ("
  "  id                 INTEGER PRIMARY KEY,"
  "  path               TEXT NOT NULL UNIQUE,"
  "  size               INTEGER NOT NULL,"
  "  mtime              INTEGER NOT NULL,"
  "  verified           INTEGER NOT NULL DEFAULT 0,"
  "  digest             TEXT,"
  "  error              TEXT,"
  "  uuid               TEXT,"
  "  kind               TEXT,"
  "  status             TEXT,"
  "  title              TEXT,"
  "  date               TEXT,"
  "  situation_id       TEXT,"
  "  situation_label    TEXT,"
  "  situation_code     TEXT,"
  "  next_review        TEXT,"
  "  partners_summary   TEXT,"
  "  dimensions         TEXT,"
  "  n_partners         INTEGER NOT NULL DEFAULT 0,"
  "  n_statements       INTEGER NOT NULL DEFAULT 0,"
  "  n_agreements       INTEGER NOT NULL DEFAULT 0,"
  "  n_divergences      INTEGER NOT NULL DEFAULT 0,"
  "  n_complements      INTEGER NOT NULL DEFAULT 0,"
  "  n_clarifications   INTEGER NOT NULL DEFAULT 0,"
  "  n_open_divergences INTEGER NOT NULL DEFAULT 0,"
  "  n_consents         INTEGER NOT NULL DEFAULT 0,"
  /* For a file named as a conflict copy: the path its name gives the
   * original, and the time of the copy. Whether it is a copy of that
   * file (the same session) is asked when searching: the original may
   * come or go after the copy. */
  "  conflict_candidate TEXT,"
  "  conflict_time      INTEGER"
  ");"
  "CREATE INDEX sessions_by_date ON sessions (date, title, path);"
  "CREATE INDEX sessions_by_situation ON sessions (situation_id, date);"
  /* Everything the latest session of each situation is chosen by and
   * told with (LATEST_SESSIONS), so that choosing it reads this index
   * alone, in the order of situations. */
  "CREATE INDEX sessions_heads ON sessions (situation_id, date, status, path, id,"
  "  situation_label, situation_code, next_review, conflict_candidate, uuid)"
  "  WHERE error IS NULL AND kind = 'session' AND situation_id IS NOT NULL"
  "  AND date IS NOT NULL;"
  /* What the coordinator's desk follows of each session (rg-attention.c):
   * which actions are late, which reviews due, depends on the day the
   * library is looked at, so it is worked out then. Words (status,
   * type) as the file writes them; dates YYYY-MM-DD or NULL; session_id
   * = sessions.id. */
  "CREATE TABLE actions ("
  "  session_id INTEGER NOT NULL,"
  "  action_id  TEXT,"
  "  what       TEXT,"
  "  due        TEXT,"
  "  status     TEXT NOT NULL"
  ");"
  "CREATE INDEX actions_by_session ON actions (session_id, due);"
  "CREATE TABLE links ("
  "  session_id INTEGER NOT NULL,"
  "  link_id    TEXT,"
  "  type       TEXT NOT NULL,"
  "  status     TEXT NOT NULL,"
  "  note       TEXT"
  ");"
  "CREATE INDEX links_by_session ON links (session_id, type, status);"
  /* A follow-up's list to review: item_id is the id of the link of the
   * session before. */
  "CREATE TABLE review_items ("
  "  session_id INTEGER NOT NULL,"
  "  item_id    TEXT,"
  "  type       TEXT NOT NULL,"
  "  reviewed   INTEGER NOT NULL,"
  "  note       TEXT"
  ");"
  "CREATE INDEX review_items_by_session ON review_items (session_id, type, reviewed);"
  "CREATE TABLE consents ("
  "  session_id INTEGER NOT NULL,"
  "  consent_id TEXT,"
  "  date       TEXT,"
  "  to_confirm INTEGER NOT NULL"
  ");"
  "CREATE INDEX consents_by_session ON consents (session_id, date);"
  "CREATE TABLE criteria ("
  "  session_id   INTEGER NOT NULL,"
  "  criterion_id TEXT,"
  "  agreed       INTEGER NOT NULL,"
  "  met          INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX criteria_by_session ON criteria (session_id);"
  /* A partner's contribution asked for this session (a date), and when it
   * was imported (a date, or NULL while awaited): one row per partner
   * whose contribution was asked. */
  "CREATE TABLE contributions ("
  "  session_id INTEGER NOT NULL,"
  "  partner_id TEXT,"
  "  name       TEXT,"
  "  asked      TEXT NOT NULL,"
  "  received   TEXT"
  ");"
  "CREATE INDEX contributions_by_session ON contributions (session_id);"
  /* rowid = sessions.id */
  "CREATE VIRTUAL TABLE session_text USING fts5 ("
  "  title, situation, partners, body,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  /* One row per partner of a session: rowid = sessions.id * MAX_PARTNERS
   * + position, so a session's partners are one range of rowids. */
  "CREATE VIRTUAL TABLE partners USING fts5 ("
  "  name, profession, institution, role UNINDEXED,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");";

#define SESSION_COLUMNS \
  "s.path, s.error, s.uuid, s.kind, s.status, s.title, s.date, s.situation_id, " \
  "s.situation_label, s.partners_summary, s.n_partners, s.n_statements, s.n_agreements, " \
  "s.n_divergences, s.n_complements, s.n_clarifications, s.n_open_divergences, s.n_consents, " \
  "(SELECT count(*) FROM actions AS a" \
  " WHERE a.session_id = s.id AND a.due < date('now', 'localtime')" \
  " AND a.status IN ('planned', 'in-progress')), " \
  "(SELECT o.path FROM sessions AS o" \
  " WHERE o.path = s.conflict_candidate AND o.uuid = s.uuid AND o.error IS NULL), " \
  "s.conflict_time"

typedef enum
{
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_LIST_FILES,
  STMT_GET_FILE,
  STMT_SET_VERIFIED,
  STMT_DELETE_PARTNERS,
  STMT_DELETE_ACTIONS,
  STMT_DELETE_LINKS,
  STMT_DELETE_REVIEW_ITEMS,
  STMT_DELETE_CONSENTS,
  STMT_DELETE_CRITERIA,
  STMT_DELETE_CONTRIBUTIONS,
  STMT_DELETE_SESSION_TEXT,
  STMT_DELETE_SESSION,
  STMT_INSERT_SESSION,
  STMT_INSERT_SESSION_TEXT,
  STMT_INSERT_PARTNER,
  STMT_INSERT_ACTION,
  STMT_INSERT_LINK,
  STMT_INSERT_REVIEW_ITEM,
  STMT_INSERT_CONSENT,
  STMT_INSERT_CRITERION,
  STMT_INSERT_CONTRIBUTION,
  STMT_LIST_FAILURES,
  N_STMTS
} Stmt;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_LIST_FILES] =
    "SELECT path, id, size, mtime, error IS NOT NULL, verified, digest FROM sessions",
  [STMT_GET_FILE] =
    "SELECT id, size, mtime, error IS NOT NULL, verified, digest FROM sessions WHERE path = ?1",
  [STMT_SET_VERIFIED] =
    "UPDATE sessions SET verified = 1 WHERE path = ?1 AND size = ?2 AND mtime = ?3",
  [STMT_DELETE_PARTNERS] =
    "DELETE FROM partners WHERE rowid BETWEEN ?1 * " G_STRINGIFY (MAX_PARTNERS)
    " AND ?1 * " G_STRINGIFY (MAX_PARTNERS) " + " G_STRINGIFY (MAX_PARTNERS) " - 1",
  [STMT_DELETE_ACTIONS] = "DELETE FROM actions WHERE session_id = ?1",
  [STMT_DELETE_LINKS] = "DELETE FROM links WHERE session_id = ?1",
  [STMT_DELETE_REVIEW_ITEMS] = "DELETE FROM review_items WHERE session_id = ?1",
  [STMT_DELETE_CONSENTS] = "DELETE FROM consents WHERE session_id = ?1",
  [STMT_DELETE_CRITERIA] = "DELETE FROM criteria WHERE session_id = ?1",
  [STMT_DELETE_CONTRIBUTIONS] = "DELETE FROM contributions WHERE session_id = ?1",
  [STMT_DELETE_SESSION_TEXT] = "DELETE FROM session_text WHERE rowid = ?1",
  [STMT_DELETE_SESSION] = "DELETE FROM sessions WHERE id = ?1",
  [STMT_INSERT_SESSION] =
    "INSERT INTO sessions (path, size, mtime, error, uuid, kind, status, title, date,"
    " situation_id, situation_label, situation_code, next_review, partners_summary,"
    " n_partners, n_statements, n_agreements, n_divergences, n_complements,"
    " n_clarifications, n_open_divergences, verified, digest, dimensions, n_consents,"
    " conflict_candidate, conflict_time)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
    " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
  [STMT_INSERT_SESSION_TEXT] =
    "INSERT INTO session_text (rowid, title, situation, partners, body)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_INSERT_PARTNER] =
    "INSERT INTO partners (rowid, name, profession, institution, role)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_INSERT_ACTION] =
    "INSERT INTO actions (session_id, action_id, what, due, status) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_INSERT_LINK] =
    "INSERT INTO links (session_id, link_id, type, status, note) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_INSERT_REVIEW_ITEM] =
    "INSERT INTO review_items (session_id, item_id, type, reviewed, note)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_INSERT_CONSENT] =
    "INSERT INTO consents (session_id, consent_id, date, to_confirm) VALUES (?1, ?2, ?3, ?4)",
  [STMT_INSERT_CRITERION] =
    "INSERT INTO criteria (session_id, criterion_id, agreed, met) VALUES (?1, ?2, ?3, ?4)",
  [STMT_INSERT_CONTRIBUTION] =
    "INSERT INTO contributions (session_id, partner_id, name, asked, received)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_LIST_FAILURES] =
    "SELECT " SESSION_COLUMNS " FROM sessions AS s WHERE s.error IS NOT NULL ORDER BY s.path",
};

struct _RgLibraryDb
{
  sqlite3      *handle;
  char         *path;
  sqlite3_stmt *stmts[N_STMTS];
  /* Search statements, by their SQL: a query has a few dozen shapes. */
  GHashTable   *queries;
};

static gboolean
rc_is_corrupt (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/* Sets @error from the last failure of @handle. Damage gets its own code,
 * which makes the caller set the index aside. */
static void
set_error (sqlite3  *handle,
           int       rc,
           GError  **error)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  if (rc_is_corrupt (rc))
    g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_CORRUPT,
                 _("The library index is damaged; it will be rebuilt from the session files"));
  else if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_DATABASE,
                 _("The library index could not be updated because the disk is full"));
  else
    g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_DATABASE,
                 _("The library index could not be read or written (%s)"), detail);
}

/* For the files of this folder that run their own SQL on the
 * connection (rg-library-select.c) */
sqlite3 *
_rg_library_db_get_handle (RgLibraryDb *db)
{
  return db->handle;
}

void
_rg_library_db_set_error (RgLibraryDb  *db,
                          int           rc,
                          GError      **error)
{
  set_error (db->handle, rc, error);
}

gboolean
_rg_library_error_is_corrupt (const GError *error)
{
  return g_error_matches (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_CORRUPT);
}

/* Whether @error is SQLite's, whatever it says (damaged, read-only,
 * disk error, cannot open…): a reason to use another index. */
gboolean
_rg_library_error_is_index (const GError *error)
{
  return g_error_matches (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_CORRUPT) ||
         g_error_matches (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_DATABASE);
}

static gboolean
exec (RgLibraryDb  *db,
      const char   *sql,
      GError      **error)
{
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (db->handle, rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_rg_library_db_exec (RgLibraryDb  *db,
                     const char   *sql,
                     GError      **error)
{
  return exec (db, sql, error);
}

static sqlite3_stmt *
get_stmt (RgLibraryDb  *db,
          Stmt          which,
          GError      **error)
{
  if (db->stmts[which] == NULL)
    {
      int rc = sqlite3_prepare_v3 (db->handle, stmt_sql[which], -1,
                                   SQLITE_PREPARE_PERSISTENT, &db->stmts[which], NULL);

      if (rc != SQLITE_OK)
        {
          set_error (db->handle, rc, error);
          return NULL;
        }
    }

  return db->stmts[which];
}

/* Resets @stmt after its last step, which returned @rc, and says whether
 * it went to its end. */
static gboolean
finish_stmt (RgLibraryDb   *db,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  if (rc != SQLITE_DONE)
    set_error (db->handle, rc, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

/* Runs a statement that returns no row, then resets it. */
static gboolean
step_done (RgLibraryDb   *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  return finish_stmt (db, stmt, sqlite3_step (stmt), error);
}

static gboolean
get_int_pragma (RgLibraryDb  *db,
                const char   *sql,
                gint64       *value,
                GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    set_error (db->handle, rc, error);

  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

void
_rg_library_db_close (RgLibraryDb *db)
{
  if (db == NULL)
    return;

  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (db->stmts[i]);

  g_clear_pointer (&db->queries, g_hash_table_unref);
  sqlite3_close (db->handle);
  g_free (db->path);
  g_free (db);
}

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

/* Creates the database file, readable by its owner only, before SQLite
 * does with the default mode. SQLite gives its -wal and -shm files the
 * mode of the database. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_DATABASE,
                   _("The library index could not be created (%s)"), g_strerror (errsv));
      return FALSE;
    }

  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

typedef enum
{
  TRY_OK,
  TRY_CREATED,
  TRY_CORRUPT,
  TRY_UNKNOWN,
  TRY_UNWRITABLE,
  TRY_FAILED,
} TryResult;

static gboolean
create_schema (RgLibraryDb  *db,
               GError      **error)
{
  g_autofree char *version_sql = g_strdup_printf ("PRAGMA user_version = %d",
                                                  RG_LIBRARY_SCHEMA_VERSION);

  return exec (db, schema_sql, error) && _rg_library_db_create_sittings (db, error) &&
         exec (db, version_sql, error);
}

/* A file that could not be loaded is read again when the program
 * changed: the new version may read it (a newer format…). */
static gboolean
check_program_version (RgLibraryDb  *db,
                       GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean same = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db->handle, "SELECT value FROM meta WHERE key = 'program-version'",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          same = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), PACKAGE_VERSION) == 0;
          rc = SQLITE_DONE;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error (db->handle, rc, error);
      return FALSE;
    }

  if (same)
    return TRUE;

  if (!_rg_library_db_begin (db, error))
    return FALSE;

  if (!exec (db, "UPDATE sessions SET size = -1 WHERE error IS NOT NULL;"
                 "INSERT OR REPLACE INTO meta (key, value)"
                 " VALUES ('program-version', '" PACKAGE_VERSION "')", error))
    {
      _rg_library_db_rollback (db);
      return FALSE;
    }

  return _rg_library_db_commit (db, error);
}

static RgLibraryDb *
db_new (const char *path)
{
  RgLibraryDb *db = g_new0 (RgLibraryDb, 1);

  db->path = g_strdup (path);
  db->queries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);

  return db;
}

static TryResult
try_open (const char   *path,
          RgLibraryDb **out_db,
          GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  RgLibraryDb *db;
  gint64 version = 0;
  gint64 n_objects = 0;
  TryResult result = TRY_OK;
  int rc;

  if (!rg_paths_ensure_private_dir (dir, error))
    return TRY_FAILED;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create_private_file (path, error))
        return TRY_FAILED;
    }
  else
    {
      g_chmod (path, 0600);
    }

  db = db_new (path);

  rc = sqlite3_open_v2 (path, &db->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error (db->handle, rc, &local_error);
      goto failed;
    }

  /* SQLite opens a file it may not write read-only, without a word:
   * the index would answer from what it held, never updated. */
  if (sqlite3_db_readonly (db->handle, "main") == 1)
    {
      g_debug ("Index %s cannot be written", path);
      _rg_library_db_close (db);
      return TRY_UNWRITABLE;
    }

  sqlite3_extended_result_codes (db->handle, TRUE);
  sqlite3_busy_timeout (db->handle, BUSY_TIMEOUT_MS);

  /* The first read of the file: garbage shows here as SQLITE_NOTADB. */
  if (!exec (db, "PRAGMA journal_mode = WAL", &local_error) ||
      /* What is deleted is overwritten: an erased situation leaves no
       * trace in the free pages of the index. */
      !exec (db, "PRAGMA secure_delete = ON;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA cache_size = -16384", &local_error) ||
      !get_int_pragma (db, "PRAGMA user_version", &version, &local_error))
    goto failed;

  if (version == 0)
    {
      /* Empty, or being created by another connection right now: decide
       * under the write lock. */
      if (!_rg_library_db_begin (db, &local_error))
        goto failed;

      if (!get_int_pragma (db, "PRAGMA user_version", &version, &local_error) ||
          !get_int_pragma (db, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error))
        {
          _rg_library_db_rollback (db);
          goto failed;
        }

      if (version == 0 && n_objects == 0)
        {
          if (!create_schema (db, &local_error) ||
              !_rg_library_db_commit (db, &local_error))
            {
              _rg_library_db_rollback (db);
              goto failed;
            }

          version = RG_LIBRARY_SCHEMA_VERSION;
          result = TRY_CREATED;
        }
      else
        {
          _rg_library_db_rollback (db);
        }
    }

  if (version != RG_LIBRARY_SCHEMA_VERSION)
    {
      g_debug ("Index %s has schema version %" G_GINT64_FORMAT ", not %d",
               path, version, RG_LIBRARY_SCHEMA_VERSION);
      _rg_library_db_close (db);
      return TRY_UNKNOWN;
    }

  if (!check_program_version (db, &local_error))
    goto failed;

  *out_db = db;
  return result;

failed:
  _rg_library_db_close (db);

  if (_rg_library_error_is_corrupt (local_error))
    {
      g_debug ("Index %s is damaged: %s", path, local_error->message);
      return TRY_CORRUPT;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return TRY_FAILED;
}

/**
 * _rg_library_db_set_aside:
 * @path: the database file
 *
 * Moves a database we cannot use out of the way, as `PATH.old` (the
 * previous one set aside is replaced: the index is only a cache, and it
 * holds private data we do not want to pile up).
 */
gboolean
_rg_library_db_set_aside (const char  *path,
                          GError     **error)
{
  g_autofree char *old = g_strconcat (path, ".old", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *old_wal = g_strconcat (path, ".old-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (old_wal);

  if (g_rename (path, old) != 0 && errno != ENOENT)
    {
      int errsv = errno;

      g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_DATABASE,
                   _("The damaged library index could not be set aside (%s)"),
                   g_strerror (errsv));
      return FALSE;
    }

  /* A journal left next to a new database would be applied to it. */
  if (g_rename (wal, old_wal) != 0 && errno != ENOENT)
    g_unlink (wal);
  g_unlink (shm);

  return TRUE;
}

/**
 * _rg_library_db_open:
 * @path: the database file
 * @result: (out): whether it was opened, created, or set aside and made
 *   again
 *
 * Opens the index at @path, creating it when missing. An index we cannot
 * use (damaged, of another schema version, or that we may not write) is
 * set aside (see _rg_library_db_set_aside ()) and a new, empty one is
 * made: the caller then scans the folder to fill it.
 *
 * Only rg-library-connection.c calls this: one connection per index.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL when even
 *   a new index cannot be made there (no space, no permission…)
 */
RgLibraryDb *
_rg_library_db_open (const char             *path,
                     RgLibraryDbOpenResult  *result,
                     GError                **error)
{
  RgLibraryDbOpenResult set_aside_for = RG_LIBRARY_DB_OPENED;
  RgLibraryDb *db = NULL;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      switch (try_open (path, &db, error))
        {
        case TRY_OK:
          *result = set_aside_for != RG_LIBRARY_DB_OPENED ? set_aside_for : RG_LIBRARY_DB_OPENED;
          return db;

        case TRY_CREATED:
          *result = set_aside_for != RG_LIBRARY_DB_OPENED ? set_aside_for : RG_LIBRARY_DB_CREATED;
          return db;

        case TRY_FAILED:
          return NULL;

        case TRY_CORRUPT:
          set_aside_for = RG_LIBRARY_DB_WAS_CORRUPT;
          break;

        case TRY_UNKNOWN:
          set_aside_for = RG_LIBRARY_DB_WAS_UNKNOWN;
          break;

        case TRY_UNWRITABLE:
          set_aside_for = RG_LIBRARY_DB_WAS_UNWRITABLE;
          break;

        default:
          g_assert_not_reached ();
        }

      if (!_rg_library_db_set_aside (path, error))
        return NULL;
    }

  g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_DATABASE,
               _("A new library index could not be created"));
  return NULL;
}

/**
 * _rg_library_db_open_temporary:
 *
 * Makes an empty index in memory, for when the index file cannot be
 * used: searching works, from a scan of the folder, until the program
 * ends. It is private to its connection.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL with
 *   @error set
 */
RgLibraryDb *
_rg_library_db_open_temporary (GError **error)
{
  RgLibraryDb *db = db_new (":memory:");
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error (db->handle, rc, error);
      _rg_library_db_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db->handle, TRUE);

  if (!exec (db, "PRAGMA secure_delete = ON;"
                 "PRAGMA temp_store = MEMORY", error) ||
      !create_schema (db, error) ||
      !exec (db, "INSERT INTO meta (key, value)"
                 " VALUES ('program-version', '" PACKAGE_VERSION "')", error))
    {
      _rg_library_db_close (db);
      return NULL;
    }

  return db;
}

/**
 * _rg_library_db_get_filled:
 * @filled: (out): whether a scan of the whole folder filled the index
 *
 * A new index answers nothing until the folder was scanned once to its
 * end; this says whether it was, even by a program that ended since.
 */
gboolean
_rg_library_db_get_filled (RgLibraryDb  *db,
                           gboolean     *filled,
                           GError      **error)
{
  gint64 n = 0;

  if (!get_int_pragma (db, "SELECT count(*) FROM meta WHERE key = 'filled'", &n, error))
    return FALSE;

  *filled = n > 0;
  return TRUE;
}

/**
 * _rg_library_db_set_filled:
 *
 * Records that a scan of the whole folder went to its end. Call inside a
 * transaction.
 */
gboolean
_rg_library_db_set_filled (RgLibraryDb  *db,
                           GError      **error)
{
  return exec (db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('filled', '1')", error);
}

gboolean
_rg_library_db_begin (RgLibraryDb  *db,
                      GError      **error)
{
  sqlite3_stmt *stmt = get_stmt (db, STMT_BEGIN, error);

  return stmt != NULL && step_done (db, stmt, error);
}

gboolean
_rg_library_db_commit (RgLibraryDb  *db,
                       GError      **error)
{
  sqlite3_stmt *stmt = get_stmt (db, STMT_COMMIT, error);

  return stmt != NULL && step_done (db, stmt, error);
}

void
_rg_library_db_rollback (RgLibraryDb *db)
{
  if (sqlite3_get_autocommit (db->handle))
    return;

  /* Errors here leave nothing to do: the connection rolls back on close. */
  if (get_stmt (db, STMT_ROLLBACK, NULL) != NULL)
    step_done (db, db->stmts[STMT_ROLLBACK], NULL);
}

void
_rg_library_file_state_free (RgLibraryFileState *state)
{
  g_free (state->digest);
  g_free (state);
}

/* Columns from @first: id, size, mtime, failed, verified, digest. */
static void
read_state (sqlite3_stmt       *stmt,
            int                 first,
            RgLibraryFileState *state)
{
  state->id = sqlite3_column_int64 (stmt, first);
  state->size = sqlite3_column_int64 (stmt, first + 1);
  state->mtime = sqlite3_column_int64 (stmt, first + 2);
  state->failed = sqlite3_column_int (stmt, first + 3) != 0;
  state->verified = sqlite3_column_int (stmt, first + 4) != 0;
  g_free (state->digest);
  state->digest = g_strdup ((const char *) sqlite3_column_text (stmt, first + 5));
}

/**
 * _rg_library_db_list_files:
 *
 * Returns: (transfer full): relative path → #RgLibraryFileState of every
 *   file in the index
 */
GHashTable *
_rg_library_db_list_files (RgLibraryDb  *db,
                           GError      **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) _rg_library_file_state_free);
  sqlite3_stmt *stmt = get_stmt (db, STMT_LIST_FILES, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RgLibraryFileState *state = g_new0 (RgLibraryFileState, 1);

      read_state (stmt, 1, state);
      g_hash_table_insert (files, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), state);
    }

  if (!finish_stmt (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&files);
}

gboolean
_rg_library_db_get_file (RgLibraryDb         *db,
                         const char          *relpath,
                         RgLibraryFileState  *state,
                         gboolean            *found,
                         GError             **error)
{
  sqlite3_stmt *stmt = get_stmt (db, STMT_GET_FILE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, relpath, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      read_state (stmt, 0, state);
      rc = SQLITE_DONE;
    }

  return finish_stmt (db, stmt, rc, error);
}

static gboolean
delete_by_id (RgLibraryDb  *db,
              gint64        id,
              GError      **error)
{
  static const Stmt order[] = {
    STMT_DELETE_PARTNERS,
    STMT_DELETE_ACTIONS,
    STMT_DELETE_LINKS,
    STMT_DELETE_REVIEW_ITEMS,
    STMT_DELETE_CONSENTS,
    STMT_DELETE_CRITERIA,
    STMT_DELETE_CONTRIBUTIONS,
    STMT_DELETE_SESSION_TEXT,
    STMT_DELETE_SESSION,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      sqlite3_stmt *stmt = get_stmt (db, order[i], error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _rg_library_db_delete:
 * @relpath: a path relative to the library folder
 * @deleted: (out) (optional): whether the file was in the index
 *
 * Removes a file from the index. Call inside a transaction.
 */
gboolean
_rg_library_db_delete (RgLibraryDb  *db,
                       const char   *relpath,
                       gboolean     *deleted,
                       GError      **error)
{
  RgLibraryFileState state = { 0, };
  gboolean found = FALSE;
  gboolean ok;

  if (!_rg_library_db_get_file (db, relpath, &state, &found, error))
    return FALSE;

  if (deleted != NULL)
    *deleted = found;

  ok = !found || delete_by_id (db, state.id, error);
  g_free (state.digest);

  return ok;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
insert_partners (RgLibraryDb            *db,
                 gint64                  session_id,
                 const RgLibraryRecord  *record,
                 GError                **error)
{
  sqlite3_stmt *stmt = get_stmt (db, STMT_INSERT_PARTNER, error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < MIN (record->partners->len, MAX_PARTNERS); i++)
    {
      const RgLibraryRecordPartner *p = &g_array_index (record->partners,
                                                        RgLibraryRecordPartner, i);

      sqlite3_bind_int64 (stmt, 1, session_id * MAX_PARTNERS + i);
      bind_text (stmt, 2, p->name);
      bind_text (stmt, 3, p->profession);
      bind_text (stmt, 4, p->institution);
      bind_text (stmt, 5, p->role);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_objects (RgLibraryDb            *db,
                gint64                  session_id,
                const RgLibraryRecord  *record,
                GError                **error)
{
  sqlite3_stmt *stmt;

  if (record->actions->len > 0 && !(stmt = get_stmt (db, STMT_INSERT_ACTION, error)))
    return FALSE;
  for (guint i = 0; i < record->actions->len; i++)
    {
      const RgLibraryRecordAction *a = &g_array_index (record->actions,
                                                       RgLibraryRecordAction, i);

      sqlite3_bind_int64 (stmt, 1, session_id);
      bind_text (stmt, 2, a->id);
      bind_text (stmt, 3, a->what);
      bind_text (stmt, 4, a->due);
      bind_text (stmt, 5, a->status);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  if (record->links->len > 0 && !(stmt = get_stmt (db, STMT_INSERT_LINK, error)))
    return FALSE;
  for (guint i = 0; i < record->links->len; i++)
    {
      const RgLibraryRecordLink *l = &g_array_index (record->links, RgLibraryRecordLink, i);

      sqlite3_bind_int64 (stmt, 1, session_id);
      bind_text (stmt, 2, l->id);
      bind_text (stmt, 3, l->type);
      bind_text (stmt, 4, l->status);
      bind_text (stmt, 5, l->note);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  if (record->review_items->len > 0 && !(stmt = get_stmt (db, STMT_INSERT_REVIEW_ITEM, error)))
    return FALSE;
  for (guint i = 0; i < record->review_items->len; i++)
    {
      const RgLibraryRecordReviewItem *r = &g_array_index (record->review_items,
                                                           RgLibraryRecordReviewItem, i);

      sqlite3_bind_int64 (stmt, 1, session_id);
      bind_text (stmt, 2, r->id);
      bind_text (stmt, 3, r->type);
      sqlite3_bind_int (stmt, 4, r->reviewed);
      bind_text (stmt, 5, r->note);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  if (record->consents->len > 0 && !(stmt = get_stmt (db, STMT_INSERT_CONSENT, error)))
    return FALSE;
  for (guint i = 0; i < record->consents->len; i++)
    {
      const RgLibraryRecordConsent *c = &g_array_index (record->consents,
                                                        RgLibraryRecordConsent, i);

      sqlite3_bind_int64 (stmt, 1, session_id);
      bind_text (stmt, 2, c->id);
      bind_text (stmt, 3, c->date);
      sqlite3_bind_int (stmt, 4, c->to_confirm);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  if (record->criteria->len > 0 && !(stmt = get_stmt (db, STMT_INSERT_CRITERION, error)))
    return FALSE;
  for (guint i = 0; i < record->criteria->len; i++)
    {
      const RgLibraryRecordCriterion *c = &g_array_index (record->criteria,
                                                          RgLibraryRecordCriterion, i);

      sqlite3_bind_int64 (stmt, 1, session_id);
      bind_text (stmt, 2, c->id);
      sqlite3_bind_int (stmt, 3, c->agreed);
      sqlite3_bind_int (stmt, 4, c->met);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < record->partners->len; i++)
    {
      const RgLibraryRecordPartner *p = &g_array_index (record->partners,
                                                        RgLibraryRecordPartner, i);

      if (p->contribution_asked == NULL)
        continue;

      if (!(stmt = get_stmt (db, STMT_INSERT_CONTRIBUTION, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, session_id);
      bind_text (stmt, 2, p->id);
      bind_text (stmt, 3, p->name);
      bind_text (stmt, 4, p->contribution_asked);
      bind_text (stmt, 5, p->contribution_received);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static char *
join_partners_text (const RgLibraryRecord *record)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < record->partners->len; i++)
    {
      const RgLibraryRecordPartner *p = &g_array_index (record->partners,
                                                        RgLibraryRecordPartner, i);

      g_string_append (text, p->name);
      g_string_append_c (text, '\n');
      if (p->profession != NULL)
        g_string_append_printf (text, "%s\n", p->profession);
      if (p->institution != NULL)
        g_string_append_printf (text, "%s\n", p->institution);
    }

  return g_string_free (text, FALSE);
}

/* The file the name of @relpath says it is a conflict copy of, beside
 * it, and when the copy was made. */
static char *
conflict_candidate (const char *relpath,
                    gint64     *time)
{
  g_autofree char *name = g_path_get_basename (relpath);
  g_autofree char *dir = g_path_get_dirname (relpath);
  g_autofree char *original = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (!(original = rg_conflict_name_parse (name, &when)))
    return NULL;

  *time = g_date_time_to_unix (when);

  if (g_str_equal (dir, "."))
    return g_steal_pointer (&original);

  return g_build_filename (dir, original, NULL);
}

/**
 * _rg_library_db_put:
 * @relpath: the file, relative to the library folder
 * @size: its size when it was read
 * @mtime: its modification time when it was read, in nanoseconds
 * @record: (nullable): what the file holds, or %NULL if it cannot be
 *   loaded
 * @error_message: (nullable): why it cannot be loaded, when @record is
 *   %NULL
 * @verified: whether the loader made @record, or the error; %FALSE when
 *   @record was extracted (_rg_library_record_extract ())
 *
 * Adds the file to the index, or replaces what the index had for it.
 * Call inside a transaction.
 */
gboolean
_rg_library_db_put (RgLibraryDb            *db,
                    const char             *relpath,
                    gint64                  size,
                    gint64                  mtime,
                    const RgLibraryRecord  *record,
                    const char             *error_message,
                    gboolean                verified,
                    GError                **error)
{
  g_autofree char *partners_text = NULL;
  g_autofree char *dimensions = NULL;
  g_autofree char *candidate = NULL;
  gint64 candidate_time = 0;
  sqlite3_stmt *stmt;
  gint64 session_id;

  g_assert (record != NULL || error_message != NULL);

  if (!_rg_library_db_delete (db, relpath, NULL, error))
    return FALSE;

  if (!(stmt = get_stmt (db, STMT_INSERT_SESSION, error)))
    return FALSE;

  candidate = conflict_candidate (relpath, &candidate_time);
  sqlite3_bind_text (stmt, 1, relpath, -1, SQLITE_STATIC);
  bind_text (stmt, 26, candidate);
  if (candidate != NULL)
    sqlite3_bind_int64 (stmt, 27, candidate_time);
  sqlite3_bind_int64 (stmt, 2, size);
  sqlite3_bind_int64 (stmt, 3, mtime);
  sqlite3_bind_int (stmt, 22, verified || record == NULL);

  if (record == NULL)
    {
      bind_text (stmt, 4, error_message);
      for (int column = 15; column <= 21; column++)
        sqlite3_bind_int (stmt, column, 0);
      sqlite3_bind_int (stmt, 25, 0);
      return step_done (db, stmt, error);
    }

  bind_text (stmt, 5, record->id);
  bind_text (stmt, 6, record->kind);
  bind_text (stmt, 7, record->status);
  bind_text (stmt, 8, record->title);
  bind_text (stmt, 9, record->date);
  bind_text (stmt, 10, record->situation_id);
  bind_text (stmt, 11, record->situation_label);
  bind_text (stmt, 12, record->situation_code);
  bind_text (stmt, 13, record->next_review);
  bind_text (stmt, 14, record->partners_summary);
  sqlite3_bind_int (stmt, 15, record->partners->len);
  sqlite3_bind_int (stmt, 16, record->n_statements);
  sqlite3_bind_int (stmt, 17, record->n_agreements);
  sqlite3_bind_int (stmt, 18, record->n_divergences);
  sqlite3_bind_int (stmt, 19, record->n_complements);
  sqlite3_bind_int (stmt, 20, record->n_clarifications);
  sqlite3_bind_int (stmt, 21, record->n_open_divergences);
  bind_text (stmt, 23, record->digest);
  g_ptr_array_add (record->dimensions, NULL);
  dimensions = g_strjoinv ("\n", (char **) record->dimensions->pdata);
  g_ptr_array_set_size (record->dimensions, record->dimensions->len - 1);
  bind_text (stmt, 24, dimensions);
  sqlite3_bind_int (stmt, 25, record->consents->len);
  if (!step_done (db, stmt, error))
    return FALSE;

  session_id = sqlite3_last_insert_rowid (db->handle);

  if (!insert_objects (db, session_id, record, error))
    return FALSE;

  if (!(stmt = get_stmt (db, STMT_INSERT_SESSION_TEXT, error)))
    return FALSE;

  partners_text = join_partners_text (record);
  sqlite3_bind_int64 (stmt, 1, session_id);
  bind_text (stmt, 2, record->title);
  bind_text (stmt, 3, record->situation_text);
  bind_text (stmt, 4, partners_text);
  sqlite3_bind_text (stmt, 5, record->body->str, record->body->len, SQLITE_STATIC);
  if (!step_done (db, stmt, error))
    return FALSE;

  return insert_partners (db, session_id, record, error);
}

/**
 * _rg_library_db_purge:
 *
 * Leaves nothing of deleted rows in the files of the index: the full-text
 * tables are merged (a deletion only marks the words of a row as gone)
 * and the journal is written back and emptied. Call outside a
 * transaction.
 */
gboolean
_rg_library_db_purge (RgLibraryDb  *db,
                      GError      **error)
{
  return exec (db, "INSERT INTO session_text (session_text) VALUES ('optimize');"
                   "INSERT INTO partners (partners) VALUES ('optimize');"
                   "INSERT INTO sitting_text (sitting_text) VALUES ('optimize');"
                   "PRAGMA wal_checkpoint(TRUNCATE)", error);
}

/**
 * _rg_library_db_set_verified:
 * @relpath: the file, relative to the library folder
 * @size: its size when the loader read it
 * @mtime: its modification time then
 *
 * Records that the loader agrees with what the index has for this
 * version of the file. A row of another version (the file changed since)
 * is left as it is. Call inside a transaction.
 */
gboolean
_rg_library_db_set_verified (RgLibraryDb  *db,
                             const char   *relpath,
                             gint64        size,
                             gint64        mtime,
                             GError      **error)
{
  sqlite3_stmt *stmt = get_stmt (db, STMT_SET_VERIFIED, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, relpath, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, size);
  sqlite3_bind_int64 (stmt, 3, mtime);

  return step_done (db, stmt, error);
}

static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * _rg_library_fts_expression:
 * @text: (nullable): what the user typed
 * @column_filter: (nullable): an FTS5 column filter, e.g. `{name profession}`
 *
 * Splits @text into words the way the index's tokenizer does (letters and
 * digits; everything else separates), and writes each one as a quoted
 * FTS5 string, the last one with `*` so it matches as a prefix. Whatever
 * the user typed (quotes, `AND(`, `*`, `NEAR`), the result is a valid
 * expression that looks for those words.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when
 *   @text has no word
 */
char *
_rg_library_fts_expression (const char *text,
                            const char *column_filter)
{
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(GString) expr = NULL;
  const char *p;
  guint n_words = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return NULL;

  expr = g_string_new (NULL);
  if (column_filter != NULL)
    g_string_append_printf (expr, "%s : (", column_filter);

  p = normal;
  while (*p != '\0' && n_words < MAX_QUERY_WORDS)
    {
      const char *start;
      guint n_chars = 0;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          n_chars++;
        }

      if (n_words > 0)
        g_string_append_c (expr, ' ');

      /* Word characters never include '"', so no escaping is needed
       * inside the quotes. */
      g_string_append_c (expr, '"');
      if (n_chars > MAX_WORD_CHARS)
        g_string_append_len (expr, start, g_utf8_offset_to_pointer (start, MAX_WORD_CHARS) - start);
      else
        g_string_append_len (expr, start, p - start);
      g_string_append_c (expr, '"');
      n_words++;
    }

  if (n_words == 0)
    return NULL;

  g_string_append_c (expr, '*');
  if (column_filter != NULL)
    g_string_append_c (expr, ')');

  return g_string_free (g_steal_pointer (&expr), FALSE);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static RgLibraryEntry *
entry_from_row (sqlite3_stmt *stmt,
                const char   *folder)
{
  RgLibraryEntry *entry = g_object_new (RG_TYPE_LIBRARY_ENTRY, NULL);
  const char *kind = (const char *) sqlite3_column_text (stmt, 3);
  const char *status = (const char *) sqlite3_column_text (stmt, 4);

  entry->path = g_build_filename (folder, (const char *) sqlite3_column_text (stmt, 0), NULL);
  entry->error_message = dup_column (stmt, 1);
  entry->id = dup_column (stmt, 2);
  if (kind == NULL || !rg_session_kind_from_string (kind, &entry->kind))
    entry->kind = RG_SESSION_KIND_SESSION;
  if (status == NULL || !rg_session_status_from_string (status, &entry->status))
    entry->status = RG_SESSION_STATUS_PREPARING;
  entry->title = dup_column (stmt, 5);
  entry->date = dup_column (stmt, 6);
  entry->situation_id = dup_column (stmt, 7);
  entry->situation_label = dup_column (stmt, 8);
  entry->partners = dup_column (stmt, 9);
  entry->n_partners = sqlite3_column_int (stmt, 10);
  entry->n_statements = sqlite3_column_int (stmt, 11);
  entry->n_agreements = sqlite3_column_int (stmt, 12);
  entry->n_divergences = sqlite3_column_int (stmt, 13);
  entry->n_complements = sqlite3_column_int (stmt, 14);
  entry->n_clarifications = sqlite3_column_int (stmt, 15);
  entry->n_open_divergences = sqlite3_column_int (stmt, 16);
  entry->n_consents = sqlite3_column_int (stmt, 17);
  entry->n_overdue_actions = sqlite3_column_int (stmt, 18);
  if (sqlite3_column_type (stmt, 19) != SQLITE_NULL)
    {
      entry->conflict_of = g_build_filename (folder, (const char *) sqlite3_column_text (stmt, 19),
                                             NULL);
      entry->conflict_time = sqlite3_column_int64 (stmt, 20);
    }

  return entry;
}

/* Parameters of the search statements, by number. */
enum {
  PARAM_TEXT = 1,
  PARAM_SITUATION,
  PARAM_PARTNER,
  PARAM_INSTITUTION,
  PARAM_FROM,
  PARAM_TO,
  PARAM_LIMIT,
  PARAM_OFFSET,
  PARAM_LAST_SESSION_BEFORE,
  PARAM_TODAY,          /* of the list of situations */
};

typedef struct
{
  char *text;
  char *partner;
  char *institution;
} QueryExpressions;

static void
query_expressions_clear (QueryExpressions *exprs)
{
  g_clear_pointer (&exprs->text, g_free);
  g_clear_pointer (&exprs->partner, g_free);
  g_clear_pointer (&exprs->institution, g_free);
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date == NULL || date[0] == '\0' || rg_date_is_valid (date))
    return TRUE;

  g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_INVALID_QUERY,
               _("“%s” is not a date; write it as year-month-day, for example 2026-11-20"),
               date);
  return FALSE;
}

static const char *
nonempty (const char *str)
{
  return str != NULL && str[0] != '\0' ? str : NULL;
}

/* Writes the WHERE clause of @query and fills @exprs; a criterion whose
 * text has no word (only punctuation) counts as absent. */
static gboolean
build_where (const RgLibraryQuery  *query,
             GString               *sql,
             QueryExpressions      *exprs,
             GError               **error)
{
  gboolean any = FALSE;

  if (!check_date (query->from, error) || !check_date (query->to, error) ||
      !check_date (query->last_session_before, error))
    return FALSE;

  exprs->text = _rg_library_fts_expression (query->text, NULL);
  exprs->partner = _rg_library_fts_expression (query->partner, "{name profession}");
  exprs->institution = _rg_library_fts_expression (query->institution, "institution");

  g_string_append (sql, " WHERE 1");

  if (exprs->text != NULL)
    {
      g_string_append (sql, " AND s.id IN (SELECT rowid FROM session_text"
                            " WHERE session_text MATCH ?1)");
      any = TRUE;
    }

  if (nonempty (query->situation_id))
    {
      g_string_append (sql, " AND s.situation_id = ?2");
      any = TRUE;
    }

  if (exprs->partner != NULL)
    {
      g_string_append (sql, " AND s.id IN (SELECT rowid / " G_STRINGIFY (MAX_PARTNERS)
                            " FROM partners WHERE partners MATCH ?3)");
      any = TRUE;
    }

  if (exprs->institution != NULL)
    {
      g_string_append (sql, " AND s.id IN (SELECT rowid / " G_STRINGIFY (MAX_PARTNERS)
                            " FROM partners WHERE partners MATCH ?4)");
      any = TRUE;
    }

  if (nonempty (query->from))
    {
      g_string_append (sql, " AND s.date >= ?5");
      any = TRUE;
    }

  if (nonempty (query->to))
    {
      g_string_append (sql, " AND s.date <= ?6");
      any = TRUE;
    }

  if (query->open_divergences_only)
    {
      g_string_append (sql, " AND s.n_open_divergences > 0");
      any = TRUE;
    }

  if (nonempty (query->last_session_before))
    {
      g_string_append (sql, " AND s.situation_id IN (SELECT situation_id FROM sessions"
                            " WHERE error IS NULL AND situation_id IS NOT NULL"
                            " GROUP BY situation_id HAVING max(date) < ?9)");
      any = TRUE;
    }

  /* Not a criterion: the files that cannot be loaded stay listed. */
  if (query->no_contributions)
    g_string_append (sql, " AND (s.kind IS NOT 'contribution' OR s.error IS NOT NULL)");

  /* Files that cannot be loaded have nothing a criterion could match. */
  if (any)
    g_string_append (sql, " AND s.error IS NULL");

  return TRUE;
}

static sqlite3_stmt *
prepare_query (RgLibraryDb           *db,
               const char            *sql,
               const RgLibraryQuery  *query,
               const QueryExpressions *exprs,
               GError               **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->queries, sql);

  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          set_error (db->handle, rc, error);
          return NULL;
        }

      g_hash_table_insert (db->queries, g_strdup (sql), stmt);
    }

  /* A statement of its own (what needs attention) binds its parameters. */
  if (query == NULL)
    return stmt;

  bind_text (stmt, PARAM_TEXT, exprs->text);
  bind_text (stmt, PARAM_SITUATION, nonempty (query->situation_id));
  bind_text (stmt, PARAM_PARTNER, exprs->partner);
  bind_text (stmt, PARAM_INSTITUTION, exprs->institution);
  bind_text (stmt, PARAM_FROM, nonempty (query->from));
  bind_text (stmt, PARAM_TO, nonempty (query->to));
  bind_text (stmt, PARAM_LAST_SESSION_BEFORE, nonempty (query->last_session_before));

  return stmt;
}

/**
 * _rg_library_db_query:
 * @folder: the library folder, to make the paths of the entries whole
 *
 * Returns: (transfer full) (element-type RgLibraryEntry): the matching
 *   sessions, sorted by date, newest first unless @query asks otherwise,
 *   with each conflict copy right after its original when both match
 */
/* The search statement of @query, with its parameters as ?1…?9. */
static GString *
build_query (const RgLibraryQuery  *query,
             QueryExpressions      *exprs,
             GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " SESSION_COLUMNS " FROM sessions AS s");
  const char *order = query->oldest_first ? "ASC" : "DESC";

  if (!build_where (query, sql, exprs, error))
    return NULL;

  /* Files that cannot be loaded have no date; they come first, so the
   * coordinator sees them. */
  g_string_append_printf (sql, " ORDER BY s.date IS NOT NULL, s.date %s, s.title %s, s.path %s"
                               " LIMIT ?7 OFFSET ?8",
                          order, order, order);

  return g_steal_pointer (&sql);
}

static void
append_with_copies (GPtrArray      *sorted,
                    RgLibraryEntry *entry,
                    GHashTable     *copies)
{
  GPtrArray *of_entry = g_hash_table_lookup (copies, entry->path);

  g_ptr_array_add (sorted, g_object_ref (entry));

  for (guint i = 0; of_entry != NULL && i < of_entry->len; i++)
    append_with_copies (sorted, g_ptr_array_index (of_entry, i), copies);
}

/* Puts each conflict copy right after its original, when both are in
 * @entries, so that whoever lists them shows the copy with the file it
 * is to be merged into; copies keep their order among themselves. */
static GPtrArray *
group_conflict_copies (GPtrArray *entries)
{
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) copies = NULL;
  GPtrArray *sorted;

  for (guint i = 0; i < entries->len; i++)
    {
      RgLibraryEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_add (paths, entry->path);
    }

  /* original path → its copies in the list */
  copies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                  (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      RgLibraryEntry *entry = g_ptr_array_index (entries, i);
      GPtrArray *of_original;

      if (entry->conflict_of == NULL || !g_hash_table_contains (paths, entry->conflict_of))
        continue;

      if (!(of_original = g_hash_table_lookup (copies, entry->conflict_of)))
        {
          of_original = g_ptr_array_new ();
          g_hash_table_insert (copies, entry->conflict_of, of_original);
        }
      g_ptr_array_add (of_original, entry);
    }

  if (g_hash_table_size (copies) == 0)
    return g_ptr_array_ref (entries);

  sorted = g_ptr_array_new_full (entries->len, g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      RgLibraryEntry *entry = g_ptr_array_index (entries, i);

      /* A copy comes with its original; a copy's name is always longer
       * than its original's, so there is no loop. */
      if (entry->conflict_of != NULL && g_hash_table_contains (paths, entry->conflict_of))
        continue;

      append_with_copies (sorted, entry, copies);
    }

  return sorted;
}

GPtrArray *
_rg_library_db_query (RgLibraryDb           *db,
                      const char            *folder,
                      const RgLibraryQuery  *query,
                      GError               **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  QueryExpressions exprs = { NULL, };
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if (!(sql = build_query (query, &exprs, error)))
    {
      query_expressions_clear (&exprs);
      return NULL;
    }

  stmt = prepare_query (db, sql->str, query, &exprs, error);
  if (stmt == NULL)
    {
      query_expressions_clear (&exprs);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, PARAM_LIMIT, query->limit > 0 ? (gint64) query->limit : -1);
  sqlite3_bind_int64 (stmt, PARAM_OFFSET, query->offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt, folder));

  ok = finish_stmt (db, stmt, rc, error);
  /* Bound without a copy: freed only now. */
  query_expressions_clear (&exprs);

  return ok ? group_conflict_copies (entries) : NULL;
}

/**
 * _rg_library_db_count:
 *
 * Counts the sessions @query matches, ignoring its offset and limit.
 */
gboolean
_rg_library_db_count (RgLibraryDb           *db,
                      const RgLibraryQuery  *query,
                      guint                 *n_sessions,
                      GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM sessions AS s");
  QueryExpressions exprs = { NULL, };
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if (!build_where (query, sql, &exprs, error))
    return FALSE;

  stmt = prepare_query (db, sql->str, query, &exprs, error);
  if (stmt == NULL)
    {
      query_expressions_clear (&exprs);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *n_sessions = sqlite3_column_int (stmt, 0);
      rc = SQLITE_DONE;
    }

  ok = finish_stmt (db, stmt, rc, error);
  /* Bound without a copy: freed only now. */
  query_expressions_clear (&exprs);

  return ok;
}

/**
 * _rg_library_db_list_failures:
 *
 * Returns: (transfer full) (element-type RgLibraryEntry): the files that
 *   cannot be loaded, with their error
 */
GPtrArray *
_rg_library_db_list_failures (RgLibraryDb  *db,
                              const char   *folder,
                              GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = get_stmt (db, STMT_LIST_FAILURES, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt, folder));

  if (!finish_stmt (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&entries);
}

static void
append_literal (GString    *sql,
                const char *value)
{
  char *quoted = sqlite3_mprintf ("%Q", value);

  g_string_append (sql, quoted);
  sqlite3_free (quoted);
}

/**
 * _rg_library_db_query_sql:
 * @query: a search
 *
 * The statement _rg_library_db_query () runs for @query, with its
 * parameters written in as SQL literals: what the benchmark gives the
 * `sqlite3` shell, to compare the library with the raw query.
 *
 * Returns: (transfer full) (nullable): the SQL text, or %NULL with @error
 *   set
 */
char *
_rg_library_db_query_sql (const RgLibraryQuery  *query,
                          GError               **error)
{
  g_autoptr(GString) sql = NULL;
  GString *out;
  QueryExpressions exprs = { NULL, };

  if (!(sql = build_query (query, &exprs, error)))
    {
      query_expressions_clear (&exprs);
      return NULL;
    }

  out = g_string_new (NULL);
  for (const char *p = sql->str; *p != '\0'; p++)
    {
      if (p[0] != '?' || !g_ascii_isdigit (p[1]))
        {
          g_string_append_c (out, *p);
          continue;
        }

      switch (p[1] - '0')
        {
        case PARAM_TEXT:
          append_literal (out, exprs.text);
          break;

        case PARAM_SITUATION:
          append_literal (out, nonempty (query->situation_id));
          break;

        case PARAM_PARTNER:
          append_literal (out, exprs.partner);
          break;

        case PARAM_INSTITUTION:
          append_literal (out, exprs.institution);
          break;

        case PARAM_FROM:
          append_literal (out, nonempty (query->from));
          break;

        case PARAM_TO:
          append_literal (out, nonempty (query->to));
          break;

        case PARAM_LIMIT:
          g_string_append_printf (out, "%" G_GINT64_FORMAT,
                                  query->limit > 0 ? (gint64) query->limit : -1);
          break;

        case PARAM_OFFSET:
          g_string_append_printf (out, "%u", query->offset);
          break;

        case PARAM_LAST_SESSION_BEFORE:
          append_literal (out, nonempty (query->last_session_before));
          break;

        default:
          g_assert_not_reached ();
        }
      p++;
    }

  query_expressions_clear (&exprs);
  return g_string_free (out, FALSE);
}

/* The latest session of each situation (docs/library.md, "Situations"):
 * the newest by date of its session files that load, are sessions (not
 * contributions) and are not conflict copies; on the same day, the later
 * status, then the last path. One pass over the index sessions_heads:
 * with max (), SQLite takes the other columns from the row with the
 * largest key (date, status and path, compared as one text as the date
 * and the status's digit have a fixed width). `review` is its next
 * review: the one it set, or its own date while it is being prepared. */
#define LATEST_SESSIONS \
  "WITH heads AS (" \
  " SELECT s.id, s.path, s.date, s.status, s.situation_id, s.situation_label," \
  "  s.situation_code, s.next_review, count (*) AS n_sessions," \
  "  max (s.date || CASE s.status WHEN 'closed' THEN 2 WHEN 'held' THEN 1 ELSE 0 END" \
  "   || s.path) AS position" \
  " FROM sessions AS s" \
  " WHERE s.error IS NULL AND s.kind = 'session' AND s.situation_id IS NOT NULL" \
  "  AND s.date IS NOT NULL" \
  "  AND (s.conflict_candidate IS NULL OR NOT EXISTS (SELECT 1 FROM sessions AS o" \
  "   WHERE o.path = s.conflict_candidate AND o.uuid = s.uuid AND o.error IS NULL))" \
  " GROUP BY s.situation_id)," \
  " latest AS (SELECT *, CASE WHEN status = 'preparing' THEN date ELSE next_review END" \
  "  AS review FROM heads) "

/* Open divergence links of session l, and the divergences it carries from
 * the session before not yet reviewed; an item under the id of one of
 * its own links is that link, not counted twice. */
#define OPEN_LINKS_OF_LATEST \
  "links AS k WHERE k.session_id = l.id AND k.type = 'divergence' AND k.status = 'open'"
#define OPEN_ITEMS_OF_LATEST \
  "review_items AS r WHERE r.session_id = l.id AND r.type = 'divergence' AND r.reviewed = 0" \
  " AND NOT EXISTS (SELECT 1 FROM links AS k WHERE k.session_id = l.id" \
  " AND k.link_id = r.item_id)"

#define ACTION_NOT_DONE "a.status IN ('planned', 'in-progress')"

/* @date moved by @days, `YYYY-MM-DD`. */
static char *
date_add_days (const char *date,
               int         days)
{
  GDate day;
  char text[16];

  g_date_clear (&day, 1);
  g_date_set_dmy (&day,
                  (GDateDay) g_ascii_strtoull (date + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (date + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (date, NULL, 10));
  if (days >= 0)
    g_date_add_days (&day, days);
  else
    g_date_subtract_days (&day, -days);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));

  return g_strdup (text);
}

static gboolean
check_today (const char  *today,
             GError     **error)
{
  if (rg_date_is_valid (today))
    return TRUE;

  g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_INVALID_QUERY,
               _("“%s” is not a date; write it as year-month-day, for example 2026-11-20"),
               today != NULL ? today : "");
  return FALSE;
}

/* Runs @stmt, already bound, and makes an object of each row with
 * @from_row. */
static GPtrArray *
collect_rows (RgLibraryDb   *db,
              sqlite3_stmt  *stmt,
              gpointer     (*from_row) (sqlite3_stmt *stmt,
                                        const char   *folder,
                                        const char   *today),
              const char    *folder,
              const char    *today,
              GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt, folder, today));

  if (!finish_stmt (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}

static gpointer
situation_from_row (sqlite3_stmt *stmt,
                    const char   *folder,
                    const char   *today)
{
  RgLibrarySituation *situation = g_object_new (RG_TYPE_LIBRARY_SITUATION, NULL);
  const char *status = (const char *) sqlite3_column_text (stmt, 5);
  g_autofree char *year_ago = rg_retention_get_limit_date (1, today);

  situation->id = dup_column (stmt, 0);
  situation->label = dup_column (stmt, 1);
  situation->code = dup_column (stmt, 2);
  situation->n_sessions = sqlite3_column_int (stmt, 3);
  situation->last_date = dup_column (stmt, 4);
  if (status == NULL || !rg_session_status_from_string (status, &situation->last_status))
    situation->last_status = RG_SESSION_STATUS_PREPARING;
  situation->last_path = g_build_filename (folder, (const char *) sqlite3_column_text (stmt, 6),
                                           NULL);
  situation->next_review = dup_column (stmt, 7);
  situation->n_open_divergences = sqlite3_column_int (stmt, 8);
  situation->n_overdue_actions = sqlite3_column_int (stmt, 9);
  situation->consent_date = dup_column (stmt, 10);

  if (sqlite3_column_int (stmt, 12) == 0)
    situation->consent_state = RG_CONSENT_STATE_NONE;
  else if (situation->consent_date == NULL || strcmp (situation->consent_date, year_ago) < 0)
    situation->consent_state = RG_CONSENT_STATE_OLD;
  else if (sqlite3_column_int (stmt, 11) != 0)
    situation->consent_state = RG_CONSENT_STATE_TO_CONFIRM;
  else
    situation->consent_state = RG_CONSENT_STATE_RECORDED;

  return situation;
}

static GString *
build_situations_query (const RgLibraryQuery  *query,
                        QueryExpressions      *exprs,
                        GError               **error)
{
  g_autoptr(GString) sql = g_string_new (LATEST_SESSIONS);
  g_autoptr(GString) where = g_string_new (NULL);
  const char *order = query->oldest_first ? "ASC" : "DESC";

  if (!build_where (query, where, exprs, error))
    return NULL;

  /* The page first, then what is counted for its rows only. A situation
   * is listed when one of its sessions matches. */
  g_string_append (sql, ", page AS (SELECT * FROM latest AS l");
  if (rg_library_query_has_criteria (query))
    g_string_append_printf (sql, " WHERE l.situation_id IN"
                                 " (SELECT s.situation_id FROM sessions AS s%s)",
                            where->str);
  g_string_append_printf (sql, " ORDER BY l.date %s, l.situation_label, l.situation_id"
                               " LIMIT ?7 OFFSET ?8) ", order);

  g_string_append (sql,
    "SELECT l.situation_id, l.situation_label, l.situation_code, l.n_sessions, l.date,"
    " l.status, l.path, l.review,"
    " (SELECT count (*) FROM " OPEN_LINKS_OF_LATEST ")"
    " + (SELECT count (*) FROM " OPEN_ITEMS_OF_LATEST "),"
    " (SELECT count (*) FROM actions AS a WHERE a.session_id = l.id AND a.due < ?10"
    "  AND " ACTION_NOT_DONE "),"
    " (SELECT max (c.date) FROM consents AS c WHERE c.session_id = l.id),"
    " (SELECT c.to_confirm FROM consents AS c WHERE c.session_id = l.id"
    "  ORDER BY c.date DESC, c.to_confirm LIMIT 1),"
    " (SELECT count (*) FROM consents AS c WHERE c.session_id = l.id)"
    " FROM page AS l");
  g_string_append_printf (sql, " ORDER BY l.date %s, l.situation_label, l.situation_id", order);

  return g_steal_pointer (&sql);
}

/**
 * _rg_library_db_list_situations:
 * @folder: the library folder, to make the paths whole
 * @query: which situations: those with a session it matches, paged by
 *   its offset and limit
 * @today: the day asked about, `YYYY-MM-DD`, for late actions and old
 *   consents
 *
 * One statement for the whole list, however many situations.
 *
 * Returns: (transfer full) (element-type RgLibrarySituation): the
 *   situations, by the date of their latest session, newest first unless
 *   @query asks otherwise
 */
GPtrArray *
_rg_library_db_list_situations (RgLibraryDb           *db,
                                const char            *folder,
                                const RgLibraryQuery  *query,
                                const char            *today,
                                GError               **error)
{
  g_autoptr(GString) sql = NULL;
  QueryExpressions exprs = { NULL, };
  GPtrArray *situations = NULL;
  sqlite3_stmt *stmt;

  if (!check_today (today, error))
    return NULL;

  if ((sql = build_situations_query (query, &exprs, error)) &&
      (stmt = prepare_query (db, sql->str, query, &exprs, error)))
    {
      sqlite3_bind_int64 (stmt, PARAM_LIMIT, query->limit > 0 ? (gint64) query->limit : -1);
      sqlite3_bind_int64 (stmt, PARAM_OFFSET, query->offset);
      bind_text (stmt, PARAM_TODAY, today);
      situations = collect_rows (db, stmt, situation_from_row, folder, today, error);
    }

  /* Bound without a copy: freed only now. */
  query_expressions_clear (&exprs);
  return situations;
}

/* What needs attention, kind by kind (the numbers of RgAttentionKind), in
 * the latest session of each situation; ?1 today, ?2 the last day an
 * action is due soon, ?3 the last day a review is, ?4 the day before
 * which a consent is old, ?5 the day before which a situation is past
 * its retention period (NULL: never). */
static const char attention_sql[] =
  LATEST_SESSIONS
  "SELECT * FROM ("
  " SELECT 0 AS kind, l.situation_id, l.situation_label, l.situation_code, l.path,"
  "  a.due AS date, a.action_id AS object, a.what AS text"
  "  FROM latest AS l JOIN actions AS a ON a.session_id = l.id"
  "  WHERE " ACTION_NOT_DONE " AND a.due < ?1"
  " UNION ALL"
  " SELECT 1, l.situation_id, l.situation_label, l.situation_code, l.path,"
  "  a.due, a.action_id, a.what"
  "  FROM latest AS l JOIN actions AS a ON a.session_id = l.id"
  "  WHERE " ACTION_NOT_DONE " AND a.due BETWEEN ?1 AND ?2"
  " UNION ALL"
  " SELECT 2, l.situation_id, l.situation_label, l.situation_code, l.path, l.review, NULL, NULL"
  "  FROM latest AS l WHERE l.review < ?1"
  " UNION ALL"
  " SELECT 3, l.situation_id, l.situation_label, l.situation_code, l.path, l.review, NULL, NULL"
  "  FROM latest AS l WHERE l.review BETWEEN ?1 AND ?3"
  " UNION ALL"
  " SELECT 4, l.situation_id, l.situation_label, l.situation_code, l.path,"
  "  l.date, k.link_id, k.note"
  "  FROM latest AS l JOIN " OPEN_LINKS_OF_LATEST
  " UNION ALL"
  " SELECT 4, l.situation_id, l.situation_label, l.situation_code, l.path,"
  "  l.date, r.item_id, r.note"
  "  FROM latest AS l JOIN " OPEN_ITEMS_OF_LATEST
  " UNION ALL"
  " SELECT 5, l.situation_id, l.situation_label, l.situation_code, l.path, l.date, NULL, NULL"
  "  FROM latest AS l WHERE NOT EXISTS (SELECT 1 FROM consents AS c WHERE c.session_id = l.id)"
  " UNION ALL"
  " SELECT 6, l.situation_id, l.situation_label, l.situation_code, l.path,"
  "  c.date, c.consent_id, NULL"
  "  FROM latest AS l JOIN consents AS c ON c.rowid ="
  "   (SELECT n.rowid FROM consents AS n WHERE n.session_id = l.id"
  "    ORDER BY n.date DESC, n.to_confirm LIMIT 1)"
  "  WHERE c.date < ?4"
  " UNION ALL"
  " SELECT 7, l.situation_id, l.situation_label, l.situation_code, l.path, l.date, NULL, NULL"
  "  FROM latest AS l WHERE l.date < ?5"
  " UNION ALL"
  " SELECT 8, l.situation_id, l.situation_label, l.situation_code, l.path,"
  "  t.asked, t.partner_id, t.name"
  "  FROM latest AS l JOIN contributions AS t ON t.session_id = l.id"
  "  WHERE t.received IS NULL"
  ") ORDER BY kind, date, situation_label, situation_id, object";

static gpointer
attention_item_from_row (sqlite3_stmt *stmt,
                         const char   *folder,
                         const char   *today)
{
  RgAttentionItem *item = g_object_new (RG_TYPE_ATTENTION_ITEM, NULL);

  item->kind = sqlite3_column_int (stmt, 0);
  item->situation_id = dup_column (stmt, 1);
  item->situation_label = dup_column (stmt, 2);
  item->situation_code = dup_column (stmt, 3);
  item->path = g_build_filename (folder, (const char *) sqlite3_column_text (stmt, 4), NULL);
  item->date = dup_column (stmt, 5);
  item->object_id = dup_column (stmt, 6);
  item->text = dup_column (stmt, 7);

  return item;
}

/**
 * _rg_library_db_list_attention:
 * @folder: the library folder, to make the paths whole
 * @today: the day asked about, `YYYY-MM-DD`
 * @retention_years: how many years a situation is kept after its last
 *   session; 0 for no retention period
 *
 * Returns: (transfer full) (element-type RgAttentionItem): what needs
 *   attention on @today, by kind, then date, then situation
 */
GPtrArray *
_rg_library_db_list_attention (RgLibraryDb  *db,
                               const char   *folder,
                               const char   *today,
                               guint         retention_years,
                               GError      **error)
{
  g_autofree char *due_limit = NULL;
  g_autofree char *review_limit = NULL;
  g_autofree char *year_ago = NULL;
  g_autofree char *retention_limit = NULL;
  sqlite3_stmt *stmt;

  if (!check_today (today, error))
    return NULL;

  if (!(stmt = prepare_query (db, attention_sql, NULL, NULL, error)))
    return NULL;

  due_limit = date_add_days (today, 14);
  review_limit = date_add_days (today, 30);
  year_ago = rg_retention_get_limit_date (1, today);
  if (retention_years > 0)
    retention_limit = rg_retention_get_limit_date (MIN (retention_years, 999), today);

  bind_text (stmt, 1, today);
  bind_text (stmt, 2, due_limit);
  bind_text (stmt, 3, review_limit);
  bind_text (stmt, 4, year_ago);
  bind_text (stmt, 5, retention_limit);

  return collect_rows (db, stmt, attention_item_from_row, folder, today, error);
}
