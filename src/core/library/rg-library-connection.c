/* rg-library-connection.c — the one connection of this process to an index
 *
 * Every library and every scan of one index file, in every thread of the
 * process, goes through one SQLite connection, taken in turn under its
 * lock. This is not for speed: SQLite before 3.51.3 has a bug (the
 * "WAL-reset bug") that can corrupt a database in WAL mode when two
 * connections to it, in threads or processes, write or checkpoint at the
 * same moment. Within the process we can rule it out, so we do: a scan
 * in a thread, a save in the main thread and a second window's library
 * all write through here. (Two programs on one index, the application
 * and regards-cli, still have a connection each; that is rare, brief,
 * and the index is only a cache.)
 *
 * The connection also owns what replaces an index that fails: when an
 * operation finds it damaged, unreadable or not writable, the index is
 * set aside and made again at its place, or, when no file can be written
 * there, made in memory for as long as the program runs. Either way it
 * must be filled from the files before it answers (see
 * _rg_library_connection_get_needs_fill ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-connection"

#include "config.h"

#include "rg-library-private.h"

struct _RgLibraryConnection
{
  guint        ref_count;     /* under registry_lock */
  char        *path;

  /* Recursive: a search that must fill a new index runs a scan, whose
   * writes take the lock again, in the same thread. */
  GRecMutex    lock;
  RgLibraryDb *db;
  gboolean     temporary;     /* db is in memory: the file could not be used */
  guint        generation;    /* bumped each time db is replaced */
  gboolean     needs_fill;    /* db was never filled by a scan of the whole folder */
  gint         n_fills;       /* scans of the whole folder started, atomic */
};

/* path → RgLibraryConnection, not owned: a connection leaves it when its
 * last user lets it go. */
static GMutex registry_lock;
static GHashTable *registry;

/**
 * _rg_library_connection_get:
 * @path: the index file
 *
 * Returns: (transfer full): the connection of this process to @path,
 *   shared with whoever else uses that index; not opened yet
 */
RgLibraryConnection *
_rg_library_connection_get (const char *path)
{
  /* One per index file in the process, never a second one beside it:
   * two connections writing to one database in WAL mode may corrupt it
   * with SQLite before 3.51.3 (see the top of this file). */
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  RgLibraryConnection *conn;

  g_mutex_lock (&registry_lock);

  if (registry == NULL)
    registry = g_hash_table_new (g_str_hash, g_str_equal);

  conn = g_hash_table_lookup (registry, canonical);
  if (conn == NULL)
    {
      conn = g_new0 (RgLibraryConnection, 1);
      conn->path = g_steal_pointer (&canonical);
      g_rec_mutex_init (&conn->lock);
      g_hash_table_insert (registry, conn->path, conn);
    }
  conn->ref_count++;

  g_mutex_unlock (&registry_lock);

  return conn;
}

void
_rg_library_connection_unref (RgLibraryConnection *conn)
{
  gboolean last;

  if (conn == NULL)
    return;

  g_mutex_lock (&registry_lock);
  last = --conn->ref_count == 0;
  if (last)
    g_hash_table_remove (registry, conn->path);
  g_mutex_unlock (&registry_lock);

  if (!last)
    return;

  g_clear_pointer (&conn->db, _rg_library_db_close);
  g_rec_mutex_clear (&conn->lock);
  g_free (conn->path);
  g_free (conn);
}

/* With the lock held: notes what an index just opened holds. */
static void
opened (RgLibraryConnection   *conn,
        RgLibraryDb           *db,
        RgLibraryDbOpenResult  result)
{
  gboolean filled = FALSE;

  conn->db = db;
  conn->temporary = result == RG_LIBRARY_DB_TEMPORARY;

  /* An index made by a scan killed half-way holds part of the files */
  if (result != RG_LIBRARY_DB_OPENED || !_rg_library_db_get_filled (db, &filled, NULL))
    filled = FALSE;
  conn->needs_fill = !filled;
}

/* With the lock held: the index file, or when it cannot be used, one in
 * memory. */
static RgLibraryDb *
open_db (RgLibraryConnection    *conn,
         gboolean                temporary,
         RgLibraryDbOpenResult  *result,
         GError                **error)
{
  g_autoptr(GError) file_error = NULL;
  RgLibraryDb *db = NULL;

  if (!temporary)
    {
      db = _rg_library_db_open (conn->path, result, &file_error);
      if (db != NULL)
        return db;

      g_debug ("Index %s cannot be used, making one in memory: %s",
               conn->path, file_error->message);
    }

  db = _rg_library_db_open_temporary (error);
  *result = RG_LIBRARY_DB_TEMPORARY;

  return db;
}

/**
 * _rg_library_connection_lock:
 * @conn: a connection
 * @opened_result: (out) (optional): %RG_LIBRARY_DB_OPENED, or why the
 *   index had to be made when it was opened now
 *
 * Takes the lock of @conn, opening the index if it is not open yet.
 *
 * Returns: (transfer none) (nullable): the database, the lock held;
 *   %NULL, the lock released, when not even a temporary index could be
 *   made
 */
RgLibraryDb *
_rg_library_connection_lock (RgLibraryConnection    *conn,
                             RgLibraryDbOpenResult  *opened_result,
                             GError                **error)
{
  RgLibraryDbOpenResult result = RG_LIBRARY_DB_OPENED;

  g_rec_mutex_lock (&conn->lock);

  if (conn->db == NULL)
    {
      RgLibraryDb *db = open_db (conn, FALSE, &result, error);

      if (db == NULL)
        {
          g_rec_mutex_unlock (&conn->lock);
          return NULL;
        }

      opened (conn, db, result);
    }

  if (opened_result != NULL)
    *opened_result = result;

  return conn->db;
}

void
_rg_library_connection_unlock (RgLibraryConnection *conn)
{
  g_rec_mutex_unlock (&conn->lock);
}

/* With the lock held. */
guint
_rg_library_connection_get_generation (RgLibraryConnection *conn)
{
  return conn->generation;
}

/**
 * _rg_library_connection_get_needs_fill:
 * @conn: a connection, its lock held
 *
 * Returns: whether the index was never filled by a scan of the whole
 *   folder: new, made again, or left half-way. It holds part of the
 *   files, or none: a search on it would answer wrong.
 */
gboolean
_rg_library_connection_get_needs_fill (RgLibraryConnection *conn)
{
  return conn->needs_fill;
}

/* With the lock held: a scan of the whole folder went to its end on
 * @generation of the index. */
void
_rg_library_connection_set_filled (RgLibraryConnection *conn,
                                   guint                generation)
{
  if (conn->generation == generation)
    conn->needs_fill = FALSE;
}

/**
 * _rg_library_connection_replace:
 * @conn: a connection, its lock held
 * @seen_generation: the generation of the index that failed
 * @why: (nullable): how it failed
 * @temporary: whether to go straight to an index in memory (the file
 *   failed again after it was made anew)
 * @result: (out): how the new index came
 *
 * Puts another index in the place of one that failed, unless someone did
 * since @seen_generation: a damaged file is set aside, and the file is
 * opened again, made anew if need be; if that cannot be done, or
 * @temporary says so, an index in memory takes its place. The new index
 * must be filled (see _rg_library_connection_get_needs_fill ()).
 *
 * Returns: (transfer none) (nullable): the database now, or %NULL when
 *   not even an index in memory could be made
 */
RgLibraryDb *
_rg_library_connection_replace (RgLibraryConnection    *conn,
                                guint                   seen_generation,
                                const GError           *why,
                                gboolean                temporary,
                                RgLibraryDbOpenResult  *result,
                                GError                **error)
{
  RgLibraryDb *db;

  *result = RG_LIBRARY_DB_OPENED;

  if (conn->generation != seen_generation && conn->db != NULL)
    return conn->db;

  g_clear_pointer (&conn->db, _rg_library_db_close);
  conn->generation++;

  /* The file failed again, or an index in memory did: no file now */
  temporary |= conn->temporary;

  if (!temporary && _rg_library_error_is_corrupt (why))
    {
      g_autoptr(GError) local_error = NULL;

      if (!_rg_library_db_set_aside (conn->path, &local_error))
        {
          g_debug ("%s", local_error->message);
          temporary = TRUE;
        }
    }

  db = open_db (conn, temporary, result, error);
  if (db == NULL)
    return NULL;

  if (*result != RG_LIBRARY_DB_TEMPORARY && _rg_library_error_is_corrupt (why))
    *result = RG_LIBRARY_DB_WAS_CORRUPT;

  opened (conn, db, *result);
  /* Even the same file opened again: what failed may have left it short */
  conn->needs_fill = TRUE;

  return db;
}

/* A scan of the whole folder is on its way (queued, or running), which
 * will fill the index: a search need not fill it itself meanwhile, and
 * shows what is indexed so far. */
void
_rg_library_connection_fill_started (RgLibraryConnection *conn)
{
  g_atomic_int_inc (&conn->n_fills);
}

void
_rg_library_connection_fill_ended (RgLibraryConnection *conn)
{
  g_atomic_int_dec_and_test (&conn->n_fills);
}

gboolean
_rg_library_connection_is_being_filled (RgLibraryConnection *conn)
{
  return g_atomic_int_get (&conn->n_fills) > 0;
}
