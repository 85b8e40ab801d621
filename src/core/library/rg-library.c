/* rg-library.c — every session of the library folder, searchable
 *
 * The files are the truth; the index (rg-library-index.c) is a cache of
 * them in SQLite. Every search, save and scan of the index goes through
 * the one connection of the process to it (rg-library-connection.c),
 * under its lock. The index is brought up to date by scans
 * (rg-library-scan.c), by the application after each save
 * (rg_library_update_file ()), and by a monitor on the folder that
 * notices what other programs change.
 *
 * The index never answers wrong. When any operation finds it failing
 * (damaged, unreadable, not writable…), it is made again (see
 * _rg_library_connection_replace ()), a scan of the whole folder fills
 * it, and the operation runs again on it; the user is told in one line
 * (RgLibrary:notice). A search on an index that was never filled (new,
 * or left half-way) fills it first, unless a scan of the whole folder is
 * already doing it. Only when even an index in memory fails is there an
 * error — never a wrong or empty answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library"

#include "config.h"

#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rg-library-private.h"
#include "rg-paths.h"
#include "rg-session.h"

/* Changes made by other programs come in bursts (a sync tool, a copy of
 * many files): wait for the burst to settle before looking. */
#define REFRESH_DELAY_MS 400
#define MONITOR_RATE_LIMIT_MS 400

struct _RgLibrary
{
  GObject       parent_instance;

  char         *folder;
  GFile        *folder_file;
  char         *database_path;
  GMainContext *context;
  GThread      *thread;       /* that made the library; signals are emitted there */

  RgLibraryConnection *connection;

  char         *notice;

  guint         n_scans;

  gboolean      monitoring;
  GHashTable   *monitors;     /* relative folder → GFileMonitor */
  GPtrArray    *folders;      /* the folders the last full scan saw */
  GHashTable   *pending;      /* relative paths changed by others */
  gboolean      pending_full;
  GSource      *refresh_source;
  gboolean      refreshing;
  GCancellable *cancellable;  /* of our own refreshes; cancelled on dispose */
};

static void rg_library_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RgLibrary, rg_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      rg_library_initable_iface_init))

G_DEFINE_QUARK (rg-library-error-quark, rg_library_error)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_DATABASE_PATH,
  PROP_NOTICE,
  PROP_MONITORING,
  PROP_SCANNING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void schedule_refresh (RgLibrary         *self,
                              const char        *relpath,
                              gboolean           full);
static void monitor_changed  (GFileMonitor      *monitor,
                              GFile             *file,
                              GFile             *other_file,
                              GFileMonitorEvent  event,
                              gpointer           user_data);

static const char *
notice_for (RgLibraryDbOpenResult result)
{
  switch (result)
    {
    case RG_LIBRARY_DB_WAS_CORRUPT:
      return _("The library index was damaged and is being rebuilt from your session files. "
               "Nothing is lost.");

    case RG_LIBRARY_DB_WAS_UNKNOWN:
      return _("The library index came from another version of Regards and is being rebuilt "
               "from your session files. Nothing is lost.");

    case RG_LIBRARY_DB_CREATED:
      return _("The library index was missing and is being rebuilt from your session files. "
               "Nothing is lost.");

    case RG_LIBRARY_DB_WAS_UNWRITABLE:
      return _("The library index could not be written and is being rebuilt from your session "
               "files. Nothing is lost.");

    case RG_LIBRARY_DB_TEMPORARY:
      return _("The library index cannot be written on this computer; Regards searches a "
               "temporary one, made from your session files. Nothing is lost.");

    case RG_LIBRARY_DB_OPENED:
    default:
      return NULL;
    }
}

/* Called in the main context only: the notice is read there. */
static void
set_notice (RgLibrary  *self,
            const char *notice)
{
  if (g_strcmp0 (self->notice, notice) == 0)
    return;

  g_free (self->notice);
  self->notice = g_strdup (notice);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTICE]);
}

typedef struct
{
  GWeakRef  self;
  char     *notice;
} Recovered;

static void
recovered_free (gpointer data)
{
  Recovered *recovered = data;

  g_weak_ref_clear (&recovered->self);
  g_free (recovered->notice);
  g_free (recovered);
}

static gboolean
recovered_in_main (gpointer data)
{
  Recovered *recovered = data;
  g_autoptr(RgLibrary) self = g_weak_ref_get (&recovered->self);

  if (self != NULL)
    {
      if (recovered->notice != NULL)
        set_notice (self, recovered->notice);
      g_signal_emit (self, signals [CHANGED], 0);
      /* What changed in the folder while the index was being made */
      schedule_refresh (self, NULL, TRUE);
    }

  return G_SOURCE_REMOVE;
}

/* Runs @func in the library's thread: now if this is it, else from its
 * main context. (Not g_main_context_invoke (), which would run it in a
 * worker thread that happens to get the default context first.) */
static void
run_in_library_thread (RgLibrary      *self,
                       GSourceFunc     func,
                       gpointer        data,
                       GDestroyNotify  data_free)
{
  GSource *source;

  if (g_thread_self () == self->thread)
    {
      func (data);
      data_free (data);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, data_free);
  g_source_set_static_name (source, "[rg-library] to the library's thread");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* Tells the library's thread the index was made again (and why, for
 * the notice), or filled. Never called with the lock held: handlers of
 * ::changed search the library. */
static void
post_recovered (RgLibrary             *self,
                RgLibraryDbOpenResult  why)
{
  Recovered *recovered = g_new0 (Recovered, 1);

  g_weak_ref_init (&recovered->self, self);
  recovered->notice = g_strdup (notice_for (why));
  run_in_library_thread (self, recovered_in_main, recovered, recovered_free);
}

/* The reason most worth telling the user, of two. */
static RgLibraryDbOpenResult
worse (RgLibraryDbOpenResult a,
       RgLibraryDbOpenResult b)
{
  return MAX (a, b);
}

static RgLibraryScanResult *run_fill (RgLibrary  *self,
                                      GError    **error);

typedef RgLibraryDbFunc DbFunc;

/* How many indexes an operation tries: the one there is, one made again
 * in its place, one in memory. */
#define MAX_INDEXES 3

/* Runs @func on the index, under the lock. If the index fails (any
 * error of SQLite), another is put in its place and filled, and @func
 * runs again on it. With @must_be_filled (a search), an index that was
 * never filled is filled first: its answer would be wrong. */
static gboolean
run_with_db (RgLibrary  *self,
             DbFunc      func,
             gpointer    data,
             gboolean    must_be_filled,
             GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  RgLibraryDbOpenResult why = RG_LIBRARY_DB_OPENED;
  gboolean filled = FALSE;
  gboolean replaced = FALSE;
  gboolean ok = FALSE;
  RgLibraryDb *db;

  db = _rg_library_connection_lock (self->connection, &why, error);
  if (db == NULL)
    return FALSE;
  replaced = why != RG_LIBRARY_DB_OPENED;

  for (guint attempt = 0; attempt < MAX_INDEXES; attempt++)
    {
      guint generation = _rg_library_connection_get_generation (self->connection);
      RgLibraryDbOpenResult result;

      g_clear_error (&local_error);

      /* A new index is filled before it answers, by whoever made it, or
       * by the scan of the whole folder on its way. */
      if (must_be_filled && _rg_library_connection_get_needs_fill (self->connection) &&
          (replaced || !_rg_library_connection_is_being_filled (self->connection)))
        {
          g_autoptr(RgLibraryScanResult) scan = run_fill (self, &local_error);

          filled |= scan != NULL;
        }

      if (local_error == NULL)
        {
          if (func (self, db, data, &local_error))
            {
              ok = TRUE;
              break;
            }

          _rg_library_db_rollback (db);
        }

      if (!_rg_library_error_is_index (local_error) || attempt + 1 == MAX_INDEXES)
        break;

      g_debug ("Index %s failed (%s), making it again", self->database_path,
               local_error->message);
      /* The file made again failed too: one in memory */
      db = _rg_library_connection_replace (self->connection, generation, local_error,
                                           attempt > 0, &result, NULL);
      if (db == NULL)
        break;
      why = worse (why, result);
      replaced = TRUE;
    }

  _rg_library_connection_unlock (self->connection);

  if (replaced || filled)
    post_recovered (self, why);

  if (!ok && _rg_library_error_is_index (local_error))
    {
      g_debug ("Even a new index failed: %s", local_error->message);
      g_set_error_literal (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_DATABASE,
                           _("The library index could not be used, nor made again from your "
                             "session files. Try again; if it keeps failing, restart Regards."));
      return FALSE;
    }

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}

gboolean
_rg_library_run_with_db (RgLibrary        *self,
                         RgLibraryDbFunc   func,
                         gpointer          data,
                         gboolean          must_be_filled,
                         GError          **error)
{
  return run_with_db (self, func, data, must_be_filled, error);
}

static void
rg_library_dispose (GObject *object)
{
  RgLibrary *self = (RgLibrary *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->refresh_source != NULL)
    {
      g_source_destroy (self->refresh_source);
      g_clear_pointer (&self->refresh_source, g_source_unref);
    }
  g_hash_table_remove_all (self->monitors);

  G_OBJECT_CLASS (rg_library_parent_class)->dispose (object);
}

static void
rg_library_finalize (GObject *object)
{
  RgLibrary *self = (RgLibrary *)object;

  g_clear_pointer (&self->connection, _rg_library_connection_unref);
  g_clear_pointer (&self->folder, g_free);
  g_clear_object (&self->folder_file);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_clear_pointer (&self->folders, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rg_library_parent_class)->finalize (object);
}

static void
rg_library_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RgLibrary *self = RG_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;

    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;

    case PROP_MONITORING:
      g_value_set_boolean (value, self->monitoring);
      break;

    case PROP_SCANNING:
      g_value_set_boolean (value, self->n_scans > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_library_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RgLibrary *self = RG_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_string (value);
      break;

    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;

    case PROP_MONITORING:
      rg_library_set_monitoring (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_library_class_init (RgLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_library_dispose;
  object_class->finalize = rg_library_finalize;
  object_class->get_property = rg_library_get_property;
  object_class->set_property = rg_library_set_property;

  /**
   * RgLibrary:folder:
   *
   * The folder holding the session files, subfolders included.
   */
  properties [PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RgLibrary:database-path:
   *
   * The SQLite file of the index; by default one per folder in the user
   * cache directory, see rg_library_get_default_database_path ().
   */
  properties [PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RgLibrary:notice:
   *
   * One translated line for the user when the index had to be rebuilt
   * (it was damaged, missing or from another version), or %NULL.
   */
  properties [PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RgLibrary:monitoring:
   *
   * Whether changes that other programs make in the folder are picked up
   * as they happen. Off by default.
   */
  properties [PROP_MONITORING] =
    g_param_spec_boolean ("monitoring", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RgLibrary:scanning:
   *
   * Whether a scan of the folder is running.
   */
  properties [PROP_SCANNING] =
    g_param_spec_boolean ("scanning", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgLibrary::changed:
   *
   * The index changed: sessions were added, updated or removed, by a
   * scan, a save, or another program. Search again to show them.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rg_library_init (RgLibrary *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->thread = g_thread_self ();
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->folders = g_ptr_array_new_with_free_func (g_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

/* The indexes made so far are listed in the user state folder, outside
 * the cache: when one of them is missing, it was deleted (news for the
 * user), which a first start is not. */
static char *
made_list_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "regards", "library-indexes", NULL);
}

static gboolean
was_made_before (const char *database_path)
{
  g_autofree char *list_path = made_list_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (list_path, &contents, NULL, NULL))
    return FALSE;

  lines = g_strsplit (contents, "\n", -1);
  return g_strv_contains ((const char * const *) lines, database_path);
}

static void
remember_made (const char *database_path)
{
  g_autofree char *list_path = made_list_path ();
  g_autofree char *dir = g_path_get_dirname (list_path);
  g_autofree char *contents = NULL;
  g_autofree char *new_contents = NULL;
  g_autoptr(GError) error = NULL;

  if (was_made_before (database_path))
    return;

  g_file_get_contents (list_path, &contents, NULL, NULL);
  new_contents = g_strconcat (contents != NULL ? contents : "", database_path, "\n", NULL);

  /* Only a notice depends on it: a failure is not worth the user's time. */
  if (!rg_paths_ensure_private_dir (dir, &error) ||
      !g_file_set_contents_full (list_path, new_contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Could not remember the index %s: %s", database_path, error->message);
}

static gboolean
rg_library_initable_init (GInitable     *initable,
                          GCancellable  *cancellable,
                          GError       **error)
{
  RgLibrary *self = RG_LIBRARY (initable);
  g_autofree char *default_folder = rg_paths_get_default_library_dir ();
  g_autofree char *canonical = NULL;
  RgLibraryDbOpenResult result;
  gboolean existed;

  if (self->folder == NULL)
    self->folder = g_strdup (default_folder);

  canonical = g_canonicalize_filename (self->folder, NULL);
  g_free (self->folder);
  self->folder = g_steal_pointer (&canonical);
  self->folder_file = g_file_new_for_path (self->folder);

  /* The default folder is ours to make; another one the user chose may be
   * on a disk not plugged in right now, and is not made behind their back. */
  if (g_strcmp0 (self->folder, default_folder) == 0 &&
      !rg_paths_ensure_private_dir (self->folder, error))
    return FALSE;

  if (self->database_path == NULL)
    self->database_path = rg_library_get_default_database_path (self->folder);

  existed = g_file_test (self->database_path, G_FILE_TEST_EXISTS);
  self->connection = _rg_library_connection_get (self->database_path);
  if (!_rg_library_connection_lock (self->connection, &result, error))
    return FALSE;
  _rg_library_connection_unlock (self->connection);

  if (result == RG_LIBRARY_DB_CREATED && (existed || !was_made_before (self->database_path)))
    result = RG_LIBRARY_DB_OPENED;
  if (result != RG_LIBRARY_DB_OPENED)
    g_debug ("Index %s made again (%d)", self->database_path, result);
  if (result != RG_LIBRARY_DB_TEMPORARY)
    remember_made (self->database_path);
  self->notice = g_strdup (notice_for (result));

  return TRUE;
}

static void
rg_library_initable_iface_init (GInitableIface *iface)
{
  iface->init = rg_library_initable_init;
}

/**
 * rg_library_get_default_database_path:
 * @folder: a library folder
 *
 * Where the index of @folder is kept when none is given: a file in the
 * user cache directory (`$XDG_CACHE_HOME/regards`) named after the
 * folder, so that switching between folders keeps each one's index.
 *
 * Returns: (transfer full): a path
 */
char *
rg_library_get_default_database_path (const char *folder)
{
  g_autofree char *canonical = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *name = NULL;
  g_autofree char *cache_dir = rg_paths_get_cache_dir ();

  g_return_val_if_fail (folder != NULL, NULL);

  canonical = g_canonicalize_filename (folder, NULL);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  name = g_strdup_printf ("library-%.16s.sqlite", checksum);

  return g_build_filename (cache_dir, name, NULL);
}

/**
 * rg_library_new:
 * @folder: (nullable): the library folder, or %NULL for the default one
 *   (see rg_paths_get_default_library_dir ())
 * @database_path: (nullable): the index file, or %NULL for the default
 *   (see rg_library_get_default_database_path ())
 * @error: a location for a #GError
 *
 * Opens the library of @folder and its index, creating the index if
 * needed. An index that is damaged, from another version of Regards, or
 * that cannot be written is set aside and made again, empty; when no
 * index file can be written there, one is made in memory for as long as
 * the library lives. RgLibrary:notice then says so in one line. Either
 * way, call rg_library_scan_async () next to bring the index up to date
 * with the files (a search on an empty index fills it first).
 *
 * The library must be used from the thread that created it (its signals
 * are emitted in that thread's default main context).
 *
 * Returns: (transfer full) (nullable): a new #RgLibrary, or %NULL if the
 *   default folder cannot be made, or not even an index in memory
 */
RgLibrary *
rg_library_new (const char  *folder,
                const char  *database_path,
                GError     **error)
{
  return g_initable_new (RG_TYPE_LIBRARY, NULL, error,
                         "folder", folder,
                         "database-path", database_path,
                         NULL);
}

/**
 * rg_library_get_folder:
 * @self: a #RgLibrary
 *
 * Returns: (transfer none): the library folder, an absolute path
 */
const char *
rg_library_get_folder (RgLibrary *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);

  return self->folder;
}

/**
 * rg_library_get_database_path:
 * @self: a #RgLibrary
 *
 * Returns: (transfer none): the index file
 */
const char *
rg_library_get_database_path (RgLibrary *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);

  return self->database_path;
}

/**
 * rg_library_get_notice:
 * @self: a #RgLibrary
 *
 * A line to show the user when the index had to be rebuilt: it was
 * damaged, deleted, or made by another version of Regards. It says that
 * nothing is lost — the session files are untouched.
 *
 * Returns: (transfer none) (nullable): the translated notice, or %NULL
 */
const char *
rg_library_get_notice (RgLibrary *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);

  return self->notice;
}

/**
 * rg_library_clear_notice:
 * @self: a #RgLibrary
 *
 * Forgets the notice, once the user has seen it.
 */
void
rg_library_clear_notice (RgLibrary *self)
{
  g_return_if_fail (RG_IS_LIBRARY (self));

  set_notice (self, NULL);
}

/**
 * rg_library_get_scanning:
 * @self: a #RgLibrary
 *
 * Returns: whether a scan of the folder is running
 */
gboolean
rg_library_get_scanning (RgLibrary *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY (self), FALSE);

  return self->n_scans > 0;
}

static void
scan_started (RgLibrary *self)
{
  if (self->n_scans++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCANNING]);
}

static void
scan_ended (RgLibrary *self)
{
  g_assert (self->n_scans > 0);

  if (--self->n_scans == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCANNING]);
}

/* What a scan thread needs; the strings are the library's, which never
 * change after construction. */
typedef struct
{
  RgLibrary             *self;
  GPtrArray             *only_paths;
  RgLibraryScanFlags     flags;
  RgLibraryDbOpenResult  why;         /* the index was made again: why */
  gboolean               recovered;
} ScanData;

static void
scan_data_free (ScanData *data)
{
  /* A scan of the whole folder fills a new index: see run_with_db () */
  if (data->only_paths == NULL)
    _rg_library_connection_fill_ended (data->self->connection);
  g_clear_pointer (&data->only_paths, g_ptr_array_unref);
  g_clear_object (&data->self);
  g_free (data);
}

static ScanData *
scan_data_new (RgLibrary          *self,
               RgLibraryScanFlags  flags,
               GPtrArray          *only_paths)
{
  ScanData *data = g_new0 (ScanData, 1);

  /* Its own reference: a task lets go of its source object before its
   * data, and the library may go with it (the folder was changed). */
  data->self = g_object_ref (self);
  data->flags = flags;
  data->only_paths = only_paths;

  /* Counted from now, not from when its thread starts: a search in
   * between would fill the index itself. */
  if (only_paths == NULL)
    _rg_library_connection_fill_started (self->connection);

  return data;
}

/* Called by a scan, in its thread, when the index failed under it. */
static gboolean
scan_recover (gpointer       user_data,
              guint          generation,
              const GError  *why,
              guint          attempt,
              GError       **error)
{
  ScanData *data = user_data;
  RgLibraryConnection *connection = data->self->connection;
  RgLibraryDbOpenResult result;
  RgLibraryDb *db;

  _rg_library_connection_lock (connection, NULL, NULL);
  /* The file made again failed too: one in memory */
  db = _rg_library_connection_replace (connection, generation, why, attempt > 0, &result, error);
  _rg_library_connection_unlock (connection);

  if (db == NULL)
    return FALSE;

  data->recovered = TRUE;
  data->why = worse (data->why, result);

  return TRUE;
}

static gboolean
changed_in_main (gpointer user_data)
{
  g_autoptr(RgLibrary) self = g_weak_ref_get (user_data);

  if (self != NULL)
    g_signal_emit (self, signals [CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Called by a scan, in its thread, once new files are searchable: the
 * window can show them while the scan checks them. */
static void
scan_indexed (gpointer user_data)
{
  ScanData *data = user_data;
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, data->self);
  run_in_library_thread (data->self, changed_in_main, ref, weak_ref_free);
}

static RgLibraryScanResult *
run_scan (ScanData      *data,
          GCancellable  *cancellable,
          GError       **error)
{
  RgLibraryScanParams params = {
    .folder = data->self->folder,
    .connection = data->self->connection,
    .only_paths = data->only_paths,
    .flags = data->flags,
    .cancellable = cancellable,
    .indexed = scan_indexed,
    .recover = scan_recover,
    .user_data = data,
  };

  return _rg_library_scan_run (&params, error);
}

/* With the lock held, in any thread: fills a new index with every file
 * of the folder, checked as the application loads them, before it
 * answers a search. The connection's lock is recursive: the scan takes
 * it again for each batch. */
static RgLibraryScanResult *
run_fill (RgLibrary  *self,
          GError    **error)
{
  RgLibraryScanParams params = {
    .folder = self->folder,
    .connection = self->connection,
    .flags = RG_LIBRARY_SCAN_NONE,
  };

  g_debug ("Filling the index %s before it answers", self->database_path);

  return _rg_library_scan_run (&params, error);
}

static void
update_monitors (RgLibrary *self)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  if (!self->monitoring)
    {
      g_hash_table_remove_all (self->monitors);
      return;
    }

  if (self->folders->len == 0)
    g_ptr_array_add (self->folders, g_strdup (""));

  for (guint i = 0; i < self->folders->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (self->folders, i));

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (wanted, key))
      g_hash_table_iter_remove (&iter);

  for (guint i = 0; i < self->folders->len; i++)
    {
      const char *relpath = g_ptr_array_index (self->folders, i);
      g_autoptr(GFile) dir = NULL;
      g_autoptr(GFileMonitor) monitor = NULL;
      g_autoptr(GError) error = NULL;

      if (g_hash_table_contains (self->monitors, relpath))
        continue;

      dir = relpath[0] == '\0' ? g_object_ref (self->folder_file)
                               : g_file_resolve_relative_path (self->folder_file, relpath);
      monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      if (monitor == NULL)
        {
          g_debug ("Cannot watch %s: %s", relpath, error->message);
          continue;
        }

      g_file_monitor_set_rate_limit (monitor, MONITOR_RATE_LIMIT_MS);
      g_signal_connect_object (monitor, "changed",
                               G_CALLBACK (monitor_changed), self, 0);
      g_hash_table_insert (self->monitors, g_strdup (relpath), g_steal_pointer (&monitor));
    }
}

/* After any scan, in the main context: remember the folders it saw,
 * tell about a rebuilt index and about changes. */
static void
scan_finished (RgLibrary           *self,
               ScanData            *data,
               RgLibraryScanResult *result)
{
  if (data->recovered && notice_for (data->why) != NULL)
    set_notice (self, notice_for (data->why));

  if (result != NULL && result->full_walk)
    {
      g_ptr_array_set_size (self->folders, 0);
      for (guint i = 0; i < result->folders->len; i++)
        g_ptr_array_add (self->folders, g_strdup (g_ptr_array_index (result->folders, i)));
      update_monitors (self);
    }

  if (data->recovered ||
      (result != NULL &&
       result->n_added + result->n_updated + result->n_removed +
       result->n_failed + result->n_sittings_changed > 0))
    g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * rg_library_scan_with_flags:
 * @self: a #RgLibrary
 * @flags: how far to go; %RG_LIBRARY_SCAN_NONE for a complete scan
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Brings the index up to date with the folder, in the calling thread:
 * new and changed files are read, files that are gone leave the index;
 * files whose size and modification time did not change are not read.
 * New and changed files are indexed first, then checked as the
 * application would load them (unless @flags say otherwise): a file that
 * fails is listed with its error in the result and in the index. For
 * command-line tools and tests; the application uses
 * rg_library_scan_async ().
 *
 * Returns: (transfer full) (nullable): what changed, or %NULL with @error
 *   set
 */
RgLibraryScanResult *
rg_library_scan_with_flags (RgLibrary           *self,
                            RgLibraryScanFlags   flags,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(RgLibraryScanResult) result = NULL;
  ScanData *data;

  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  data = scan_data_new (self, flags, NULL);
  scan_started (self);
  result = run_scan (data, cancellable, error);
  scan_ended (self);
  scan_finished (self, data, result);
  scan_data_free (data);

  return g_steal_pointer (&result);
}

/**
 * rg_library_scan:
 * @self: a #RgLibrary
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * A complete scan in the calling thread: see
 * rg_library_scan_with_flags ().
 *
 * Returns: (transfer full) (nullable): what changed, or %NULL with @error
 *   set
 */
RgLibraryScanResult *
rg_library_scan (RgLibrary     *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return rg_library_scan_with_flags (self, RG_LIBRARY_SCAN_NONE, cancellable, error);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  RgLibraryScanResult *result = run_scan (task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) rg_library_scan_result_unref);
}

static void
scan_task_done (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  GTask *task = G_TASK (object);
  RgLibrary *self = g_task_get_source_object (task);

  scan_ended (self);
}

/**
 * rg_library_scan_async:
 * @self: a #RgLibrary
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the scan is over
 * @user_data: data for @callback
 *
 * Brings the index up to date with the folder in a thread, like
 * rg_library_scan (). Searching while the scan runs works; it sees the
 * sessions indexed so far. RgLibrary::changed is emitted once the new
 * files are indexed, before they are checked, and again at the end if
 * the scan changed something.
 */
void
rg_library_scan_async (RgLibrary           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RG_IS_LIBRARY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_library_scan_async);
  g_task_set_task_data (task, scan_data_new (self, RG_LIBRARY_SCAN_NONE, NULL),
                        (GDestroyNotify) scan_data_free);
  g_signal_connect (task, "notify::completed", G_CALLBACK (scan_task_done), NULL);
  scan_started (self);
  g_task_run_in_thread (task, scan_thread);
}

/**
 * rg_library_scan_finish:
 * @self: a #RgLibrary
 * @result: the #GAsyncResult given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): what changed, or %NULL with @error
 *   set
 */
RgLibraryScanResult *
rg_library_scan_finish (RgLibrary     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  RgLibraryScanResult *scan_result;
  GTask *task = G_TASK (result);

  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  scan_result = g_task_propagate_pointer (task, error);
  scan_finished (self, g_task_get_task_data (task), scan_result);

  return scan_result;
}

/* Our own scans, when other programs changed files: the paths they
 * touched, or the whole folder when folders came or went. */
static void refresh_done (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
start_refresh (RgLibrary *self)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *only_paths = NULL;

  if (self->refreshing || (!self->pending_full && g_hash_table_size (self->pending) == 0))
    return;

  if (!self->pending_full)
    {
      GHashTableIter iter;
      gpointer key;

      only_paths = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_iter_init (&iter, self->pending);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          g_ptr_array_add (only_paths, key);
          g_hash_table_iter_steal (&iter);
        }
    }

  g_hash_table_remove_all (self->pending);
  self->pending_full = FALSE;
  self->refreshing = TRUE;

  task = g_task_new (self, self->cancellable, refresh_done, NULL);
  g_task_set_source_tag (task, start_refresh);
  g_task_set_task_data (task, scan_data_new (self, RG_LIBRARY_SCAN_NONE, only_paths),
                        (GDestroyNotify) scan_data_free);
  scan_started (self);
  g_task_run_in_thread (task, scan_thread);
}

static void
refresh_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RgLibrary *self = RG_LIBRARY (object);
  g_autoptr(RgLibraryScanResult) scan_result = NULL;
  g_autoptr(GError) error = NULL;
  GTask *task = G_TASK (result);

  scan_result = g_task_propagate_pointer (task, &error);
  self->refreshing = FALSE;
  scan_ended (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    g_debug ("Could not refresh the library: %s", error->message);

  scan_finished (self, g_task_get_task_data (task), scan_result);

  /* Changes that came while this one ran. */
  start_refresh (self);
}

static gboolean
refresh_timeout (gpointer user_data)
{
  RgLibrary *self = user_data;

  g_clear_pointer (&self->refresh_source, g_source_unref);
  start_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Queues @relpath (or the whole folder) to be looked at once the burst of
 * changes settles. The timeout holds no reference: dispose removes it. */
static void
schedule_refresh (RgLibrary  *self,
                  const char *relpath,
                  gboolean    full)
{
  if (full)
    self->pending_full = TRUE;
  else
    g_hash_table_add (self->pending, g_strdup (relpath));

  if (self->refresh_source != NULL)
    g_source_destroy (self->refresh_source);
  g_clear_pointer (&self->refresh_source, g_source_unref);

  self->refresh_source = g_timeout_source_new (REFRESH_DELAY_MS);
  g_source_set_callback (self->refresh_source, refresh_timeout, self, NULL);
  g_source_set_static_name (self->refresh_source, "[rg-library] refresh");
  g_source_attach (self->refresh_source, self->context);
}

static gboolean
is_known_folder (RgLibrary  *self,
                 const char *relpath)
{
  return g_hash_table_contains (self->monitors, relpath);
}

/* What a change to @file means for the index. */
static void
file_changed (RgLibrary *self,
              GFile     *file,
              gboolean   gone)
{
  g_autofree char *relpath = NULL;
  g_autofree char *basename = NULL;

  if (file == NULL)
    return;

  relpath = g_file_get_relative_path (self->folder_file, file);
  if (relpath == NULL)
    return;

  if (_rg_library_is_indexable_path (relpath) || _rg_library_is_indexable_sitting_path (relpath))
    {
      schedule_refresh (self, relpath, FALSE);
      return;
    }

  basename = g_path_get_basename (relpath);
  if (basename[0] == '.')
    return;

  /* A folder came or went: its files with it. */
  if (gone ? is_known_folder (self, relpath)
           : g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL)
             == G_FILE_TYPE_DIRECTORY)
    schedule_refresh (self, NULL, TRUE);
}

static void
monitor_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 gpointer           user_data)
{
  RgLibrary *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      file_changed (self, file, FALSE);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      file_changed (self, file, TRUE);
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      file_changed (self, file, TRUE);
      file_changed (self, other_file, FALSE);
      break;

    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

/**
 * rg_library_get_monitoring:
 * @self: a #RgLibrary
 *
 * Returns: whether changes other programs make are picked up
 */
gboolean
rg_library_get_monitoring (RgLibrary *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY (self), FALSE);

  return self->monitoring;
}

/**
 * rg_library_set_monitoring:
 * @self: a #RgLibrary
 * @monitoring: whether to watch the folder
 *
 * Watches the library folder and its subfolders (those the last scan
 * saw), so that files other programs add, change or remove are indexed
 * within a second, then RgLibrary::changed is emitted. Bursts of changes
 * are looked at together.
 */
void
rg_library_set_monitoring (RgLibrary *self,
                           gboolean   monitoring)
{
  g_return_if_fail (RG_IS_LIBRARY (self));

  monitoring = !!monitoring;
  if (self->monitoring == monitoring)
    return;

  self->monitoring = monitoring;
  update_monitors (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MONITORING]);
}

static char *
relative_path (RgLibrary  *self,
               GFile      *file,
               GError    **error)
{
  g_autofree char *relpath = g_file_get_relative_path (self->folder_file, file);

  if (relpath == NULL || !_rg_library_is_indexable_path (relpath))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_NOT_IN_LIBRARY,
                   _("“%s” is not a session file of the library folder"), name);
      return NULL;
    }

  return g_steal_pointer (&relpath);
}

typedef struct
{
  const char            *relpath;
  gint64                 size;
  gint64                 mtime;
  const RgLibraryRecord *record;
  const char            *error_message;
  gboolean               changed;
} PutData;

static gboolean
put_in_db (RgLibrary    *self,
           RgLibraryDb  *db,
           gpointer      user_data,
           GError      **error)
{
  PutData *data = user_data;

  if (!_rg_library_db_begin (db, error))
    return FALSE;

  if (data->record == NULL && data->error_message == NULL)
    {
      if (!_rg_library_db_delete (db, data->relpath, &data->changed, error))
        return FALSE;
    }
  else
    {
      if (!_rg_library_db_put (db, data->relpath, data->size, data->mtime,
                               data->record, data->error_message, TRUE, error))
        return FALSE;
      data->changed = TRUE;
    }

  return _rg_library_db_commit (db, error);
}

/**
 * rg_library_update_file:
 * @self: a #RgLibrary
 * @file: a session file in the library folder
 * @session: (nullable): the session just saved to @file, or %NULL to read
 *   the file
 * @error: a location for a #GError
 *
 * Updates the index for @file at once, typically right after the
 * application saved it: with @session given, the file is not read again.
 * A file that cannot be loaded is indexed with its error; a file that no
 * longer exists leaves the index. Emits RgLibrary::changed.
 *
 * Returns: %TRUE if the index is up to date for @file; %FALSE if the index
 *   cannot be written, or with %RG_LIBRARY_ERROR_NOT_IN_LIBRARY when @file
 *   is not a session file of the library folder (a session opened from
 *   elsewhere), which the caller may ignore
 */
gboolean
rg_library_update_file (RgLibrary  *self,
                        GFile      *file,
                        RgSession  *session,
                        GError    **error)
{
  g_autoptr(RgLibraryRecord) record = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autofree char *relpath = NULL;
  g_autofree char *path = NULL;
  PutData data = { NULL, };
  GStatBuf st;

  g_return_val_if_fail (RG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!session || RG_IS_SESSION (session), FALSE);

  if (!(relpath = relative_path (self, file, error)))
    return FALSE;

  path = g_file_get_path (file);
  data.relpath = relpath;

  /* Size and time first: if the file changes while we read it, the next
   * scan sees a newer time and reads it again. */
  if (g_stat (path, &st) == 0)
    {
      data.size = st.st_size;
      data.mtime = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                   st.st_mtim.tv_nsec;

      if (session != NULL)
        record = _rg_library_record_new_from_session (session);
      else if (!(record = _rg_library_record_load (path, NULL, &load_error)))
        data.error_message = load_error->message;

      data.record = record;
    }

  if (!run_with_db (self, put_in_db, &data, FALSE, error))
    return FALSE;

  if (data.changed)
    g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

/**
 * rg_library_remove_file:
 * @self: a #RgLibrary
 * @file: a session file in the library folder
 * @error: a location for a #GError
 *
 * Takes @file out of the index at once, when the application deleted or
 * moved it away. Emits RgLibrary::changed if it was indexed.
 *
 * Returns: %TRUE if @file is no longer in the index
 */
gboolean
rg_library_remove_file (RgLibrary  *self,
                        GFile      *file,
                        GError    **error)
{
  g_autofree char *relpath = NULL;
  PutData data = { NULL, };

  g_return_val_if_fail (RG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(relpath = relative_path (self, file, error)))
    return FALSE;

  data.relpath = relpath;
  if (!run_with_db (self, put_in_db, &data, FALSE, error))
    return FALSE;

  if (data.changed)
    g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

gboolean
_rg_library_update_from_any_thread (RgLibrary  *self,
                                    GFile      *file,
                                    RgSession  *session,
                                    GFile      *gone,
                                    GError    **error)
{
  GFile *files[] = { file, gone };
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *relpath = NULL;
      g_autoptr(RgLibraryRecord) record = NULL;
      PutData data = { NULL, };
      GStatBuf st;

      if (files[i] == NULL || !(relpath = relative_path (self, files[i], NULL)))
        continue;

      data.relpath = relpath;
      if (files[i] == file && g_stat (g_file_peek_path (file), &st) == 0)
        {
          data.size = st.st_size;
          data.mtime = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                       st.st_mtim.tv_nsec;
          data.record = record = _rg_library_record_new_from_session (session);
        }

      if (!run_with_db (self, put_in_db, &data, FALSE, error))
        return FALSE;
      changed |= data.changed;
    }

  if (changed)
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, self);
      run_in_library_thread (self, changed_in_main, ref, weak_ref_free);
    }

  return TRUE;
}

static gboolean
purge_db (RgLibrary    *self,
          RgLibraryDb  *db,
          gpointer      user_data,
          GError      **error)
{
  return _rg_library_db_purge (db, error);
}

gboolean
_rg_library_purge (RgLibrary  *self,
                   GError    **error)
{
  g_autofree char *old = g_strconcat (self->database_path, ".old", NULL);
  g_autofree char *old_wal = g_strconcat (self->database_path, ".old-wal", NULL);

  g_return_val_if_fail (RG_IS_LIBRARY (self), FALSE);

  /* An index set aside once (_rg_library_db_set_aside ()) is a copy of
   * the rows of then: it goes too. */
  g_unlink (old);
  g_unlink (old_wal);

  return run_with_db (self, purge_db, NULL, FALSE, error);
}

typedef struct
{
  RgLibraryQuery *query;
  GPtrArray      *entries;
  guint           count;
} QueryData;

static void
query_data_free (QueryData *data)
{
  g_clear_pointer (&data->query, rg_library_query_free);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_free (data);
}

static gboolean
query_db (RgLibrary    *self,
          RgLibraryDb  *db,
          gpointer      user_data,
          GError      **error)
{
  QueryData *data = user_data;

  g_clear_pointer (&data->entries, g_ptr_array_unref);
  data->entries = _rg_library_db_query (db, self->folder, data->query, error);

  return data->entries != NULL;
}

static gboolean
count_db (RgLibrary    *self,
          RgLibraryDb  *db,
          gpointer      user_data,
          GError      **error)
{
  QueryData *data = user_data;

  return _rg_library_db_count (db, data->query, &data->count, error);
}

static GListModel *
entries_to_model (GPtrArray *entries)
{
  GListStore *store = g_list_store_new (RG_TYPE_LIBRARY_ENTRY);

  g_list_store_splice (store, 0, 0, entries->pdata, entries->len);

  return G_LIST_MODEL (store);
}

/**
 * rg_library_query:
 * @self: a #RgLibrary
 * @query: what to look for
 * @error: a location for a #GError
 *
 * Searches the index, in the calling thread. Text is matched word by
 * word, without regard to accents or case, the last word as a prefix;
 * user input is never read as search syntax. Sessions come sorted by
 * date, newest first unless @query says otherwise, paged by @query's
 * offset and limit; a conflict copy (see
 * rg_library_entry_get_conflict_of ()) comes right after its original
 * when both are found.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #RgLibraryEntry,
 *   or %NULL with @error set (a date that is not a date…)
 */
GListModel *
rg_library_query (RgLibrary             *self,
                  const RgLibraryQuery  *query,
                  GError               **error)
{
  QueryData data = { (RgLibraryQuery *) query, NULL, 0 };
  GListModel *model;

  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!run_with_db (self, query_db, &data, TRUE, error))
    return NULL;

  model = entries_to_model (data.entries);
  g_ptr_array_unref (data.entries);

  return model;
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!run_with_db (source_object, query_db, data, TRUE, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries_to_model (data->entries), g_object_unref);
}

/**
 * rg_library_query_async:
 * @self: a #RgLibrary
 * @query: what to look for; copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Searches the index in a thread; see rg_library_query ().
 */
void
rg_library_query_async (RgLibrary             *self,
                        const RgLibraryQuery  *query,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  QueryData *data;

  g_return_if_fail (RG_IS_LIBRARY (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (QueryData, 1);
  data->query = rg_library_query_copy (query);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_library_query_async);
  g_task_set_task_data (task, data, (GDestroyNotify) query_data_free);
  g_task_run_in_thread (task, query_thread);
}

/**
 * rg_library_query_finish:
 * @self: a #RgLibrary
 * @result: the #GAsyncResult given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #RgLibraryEntry,
 *   or %NULL with @error set
 */
GListModel *
rg_library_query_finish (RgLibrary     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rg_library_count:
 * @self: a #RgLibrary
 * @query: what to look for; its offset and limit are ignored
 * @n_sessions: (out): how many sessions match
 * @error: a location for a #GError
 *
 * Counts the sessions @query matches, e.g. to show "12 sessions" or to
 * size a paged list.
 *
 * Returns: %TRUE on success
 */
gboolean
rg_library_count (RgLibrary             *self,
                  const RgLibraryQuery  *query,
                  guint                 *n_sessions,
                  GError               **error)
{
  QueryData data = { (RgLibraryQuery *) query, NULL, 0 };

  g_return_val_if_fail (RG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (n_sessions != NULL, FALSE);

  if (!run_with_db (self, count_db, &data, TRUE, error))
    return FALSE;

  *n_sessions = data.count;
  return TRUE;
}

/* The lists of the coordinator's desk: situations, what needs attention */

typedef struct
{
  RgLibraryQuery *query;          /* NULL for the list of what needs attention */
  char           *today;
  guint           retention_years;
  GPtrArray      *rows;
  GType           type;
} ListData;

static void
list_data_free (ListData *data)
{
  g_clear_pointer (&data->query, rg_library_query_free);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_free (data->today);
  g_free (data);
}

static ListData *
list_data_new (const RgLibraryQuery *query,
               const char           *today,
               guint                 retention_years)
{
  ListData *data = g_new0 (ListData, 1);

  data->query = query != NULL ? rg_library_query_copy (query) : NULL;
  data->today = today != NULL ? g_strdup (today) : rg_date_new_today ();
  data->retention_years = retention_years;
  data->type = query != NULL ? RG_TYPE_LIBRARY_SITUATION : RG_TYPE_ATTENTION_ITEM;

  return data;
}

static gboolean
list_db (RgLibrary    *self,
         RgLibraryDb  *db,
         gpointer      user_data,
         GError      **error)
{
  ListData *data = user_data;

  g_clear_pointer (&data->rows, g_ptr_array_unref);
  if (data->query != NULL)
    data->rows = _rg_library_db_list_situations (db, self->folder, data->query, data->today,
                                                 error);
  else
    data->rows = _rg_library_db_list_attention (db, self->folder, data->today,
                                                data->retention_years, error);

  return data->rows != NULL;
}

static GListModel *
rows_to_model (ListData *data)
{
  GListStore *store = g_list_store_new (data->type);

  g_list_store_splice (store, 0, 0, data->rows->pdata, data->rows->len);

  return G_LIST_MODEL (store);
}

static GListModel *
run_list (RgLibrary     *self,
          ListData      *data,
          GCancellable  *cancellable,
          GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!run_with_db (self, list_db, data, TRUE, error))
    return NULL;

  return rows_to_model (data);
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

static void
run_list_async (RgLibrary           *self,
                ListData            *data,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  g_task_run_in_thread (task, list_thread);
}

/**
 * rg_library_list_situations:
 * @self: a #RgLibrary
 * @query: which situations: those having at least one session @query
 *   matches (its text, partner, institution, dates…), paged by its
 *   offset and limit
 * @today: (nullable): the day asked about, `YYYY-MM-DD`, for late actions
 *   and old consents; %NULL for today
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Lists the situations of the library, one row per child, in the calling
 * thread. What a row says is read from the situation's latest session
 * (see #RgLibrarySituation and docs/library.md). Situations come in the
 * order of their latest session, newest first unless @query asks
 * otherwise; a situation's sessions are rg_library_query () with
 * @query's situation_id set and oldest_first.
 *
 * Returns: (transfer full) (nullable): a #GListModel of
 *   #RgLibrarySituation, or %NULL with @error set (a date that is not a
 *   date…)
 */
GListModel *
rg_library_list_situations (RgLibrary             *self,
                            const RgLibraryQuery  *query,
                            const char            *today,
                            GCancellable          *cancellable,
                            GError               **error)
{
  ListData *data;
  GListModel *model;

  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  data = list_data_new (query, today, 0);
  model = run_list (self, data, cancellable, error);
  list_data_free (data);

  return model;
}

/**
 * rg_library_list_situations_async:
 * @self: a #RgLibrary
 * @query: which situations; copied
 * @today: (nullable): the day asked about, `YYYY-MM-DD`; %NULL for today
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Lists the situations in a thread; see rg_library_list_situations ().
 */
void
rg_library_list_situations_async (RgLibrary             *self,
                                  const RgLibraryQuery  *query,
                                  const char            *today,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data)
{
  g_return_if_fail (RG_IS_LIBRARY (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run_list_async (self, list_data_new (query, today, 0), rg_library_list_situations_async,
                  cancellable, callback, user_data);
}

/**
 * rg_library_list_situations_finish:
 * @self: a #RgLibrary
 * @result: the #GAsyncResult given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of
 *   #RgLibrarySituation, or %NULL with @error set
 */
GListModel *
rg_library_list_situations_finish (RgLibrary     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rg_library_list_situations_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rg_library_list_attention:
 * @self: a #RgLibrary
 * @today: (nullable): the day asked about, `YYYY-MM-DD`; %NULL for today
 * @retention_years: how many years a situation is kept after its last
 *   session (the `retention-years` setting); 0 for no retention period
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Lists what needs the coordinator's attention on @today, in the calling
 * thread: late and coming actions, late and coming reviews, open
 * divergences, missing and old consents, situations past their retention
 * period, contributions awaited. Each item comes from the latest session
 * of its situation only, so that what a follow-up carries counts once.
 * Items come by kind (in the order of #RgAttentionKind), then date, then
 * situation label. The rules are in docs/library.md, "What needs
 * attention".
 *
 * Returns: (transfer full) (nullable): a #GListModel of #RgAttentionItem,
 *   or %NULL with @error set (@today not a date…)
 */
GListModel *
rg_library_list_attention (RgLibrary     *self,
                           const char    *today,
                           guint          retention_years,
                           GCancellable  *cancellable,
                           GError       **error)
{
  ListData *data;
  GListModel *model;

  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  data = list_data_new (NULL, today, retention_years);
  model = run_list (self, data, cancellable, error);
  list_data_free (data);

  return model;
}

/**
 * rg_library_list_attention_async:
 * @self: a #RgLibrary
 * @today: (nullable): the day asked about, `YYYY-MM-DD`; %NULL for today
 * @retention_years: how many years a situation is kept; 0 for no limit
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Lists what needs attention in a thread; see
 * rg_library_list_attention ().
 */
void
rg_library_list_attention_async (RgLibrary           *self,
                                 const char          *today,
                                 guint                retention_years,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (RG_IS_LIBRARY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run_list_async (self, list_data_new (NULL, today, retention_years),
                  rg_library_list_attention_async, cancellable, callback, user_data);
}

/**
 * rg_library_list_attention_finish:
 * @self: a #RgLibrary
 * @result: the #GAsyncResult given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #RgAttentionItem,
 *   or %NULL with @error set
 */
GListModel *
rg_library_list_attention_finish (RgLibrary     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (RG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rg_library_list_attention_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
