/* rg-library-scan.c — bring the index in line with the library folder
 *
 * A scan walks the folder, compares each session file's size and
 * modification time with what the index recorded, and reads only the
 * files that are new or changed. Reading is the slow part, so files are
 * read by a pool of threads while this thread writes their rows, one
 * transaction per batch: a batch is short, so the application saving a
 * session never waits long for the lock.
 *
 * Each file goes through the pool twice. First it is indexed: what the
 * index needs is read straight from the XML (rg-library-extract.c), and
 * the session is in the library, searchable. Then, once written, it is
 * checked: it goes through every check of the loader
 * (rg_session_check_bytes ()), and a file that fails gets the loader's
 * error in the index. The pool takes the files to index before those to
 * check, so that the library is searchable as soon as the writer allows,
 * and checks while the writer writes. The check does not build the
 * session, which is half the cost of loading and refuses nothing; that
 * the quick reading gives the loader's record is proved by the tests
 * (tests/library/test-library.c), on every fixture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-scan"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rg-file-io.h"
#include "rg-library-private.h"
#include "rg-library-sittings-private.h"
#include "rg-session-xml.h"
#include "rg-sitting-xml.h"

/* A batch ends after this many files or this much time, whichever first. */
#define BATCH_MAX_FILES 250
#define BATCH_MAX_USEC (50 * G_TIME_SPAN_MILLISECOND)

/* Files being indexed at once, and files being checked: more than a
 * batch, so that the loaders keep reading while the writer writes one;
 * few enough to bound memory (what is kept of a file read is its
 * record, a few kilobytes). */
#define MAX_IN_FLIGHT (2 * BATCH_MAX_FILES)

/* Sessions are not hidden in deep trees; this stops a loop of bind
 * mounts or a mistaken choice of folder ("/") from running forever. */
#define MAX_DEPTH 8

typedef struct
{
  char   *relpath;
  gint64  size;
  gint64  mtime;
} FoundFile;

static void
found_file_free (gpointer data)
{
  FoundFile *file = data;

  g_free (file->relpath);
  g_free (file);
}

typedef enum
{
  COUNTED_NONE,
  COUNTED_ADDED,
  COUNTED_UPDATED,
} Counted;

typedef struct
{
  FoundFile       *file;            /* borrowed from the walk */
  char            *path;
  guint            order;           /* in the walk, for the pool's order */
  gboolean         checking;        /* then: the loader's checks */
  gboolean         is_new;
  Counted          counted;         /* what its indexing counted it as */
  gboolean         skipped;         /* checking: the file changed since */
  RgLibraryRecord *record;
  gboolean         verified;        /* record or error made by the loader */
  char            *error_message;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->record, _rg_library_record_free);
  g_free (job->error_message);
  g_free (job);
}

typedef struct
{
  const RgLibraryScanParams *params;
  GPtrArray                 *only_paths;      /* the paths to look at, or NULL for all */
  GPtrArray                 *files;           /* of FoundFile */
  GPtrArray                 *sittings;        /* of FoundFile, the sitting files */
  GPtrArray                 *folders;         /* relative, "" for the top */
  GPtrArray                 *unreadable;      /* relative folders we could not list */
} Walk;

/* Files other programs write beside the sessions while they work on
 * them, in a folder a sync engine shares: never sessions, even when
 * their name says .regards (a download in progress often keeps the name
 * of the file it will become, plus a mark). Most are hidden, which is
 * enough, but each is listed, so that whoever changes the rule sees
 * them. */
static const struct
{
  const char *prefix;
  const char *suffix;
} transient_names[] = {
  { ".", NULL },             /* hidden: the temporary files of our own saves
                              * (.NAME-XXXXXX.tmp), Syncthing's downloads
                              * (.syncthing.NAME.tmp), GIO's replacements
                              * (.goutputstream-XXXXXX), LibreOffice's locks
                              * (.~lock.NAME#) */
  { "~syncthing~", NULL },   /* Syncthing's downloads where names starting
                              * with a dot are not hidden (Windows) */
  { NULL, ".part" },         /* partial downloads (Nextcloud, browsers) */
  { NULL, ".tmp" },
  { NULL, "~" },             /* backups (NAME~), ours and editors' */
};

/* Whether @name ends in @suffix, after something, and is none of the
 * files above. */
static gboolean
is_indexed_name (const char *name,
                 const char *suffix)
{
  for (guint i = 0; i < G_N_ELEMENTS (transient_names); i++)
    if ((transient_names[i].prefix == NULL || g_str_has_prefix (name, transient_names[i].prefix)) &&
        (transient_names[i].suffix == NULL || g_str_has_suffix (name, transient_names[i].suffix)))
      return FALSE;

  return g_str_has_suffix (name, suffix) && strlen (name) > strlen (suffix);
}

gboolean
_rg_library_is_session_name (const char *name)
{
  return is_indexed_name (name, RG_LIBRARY_FILE_SUFFIX);
}

gboolean
_rg_library_is_sitting_name (const char *name)
{
  return is_indexed_name (name, RG_SITTING_FILE_SUFFIX);
}

/* Whether the walk would reach @relpath: no hidden folder on the way,
 * not too deep; and its name, by @is_name. */
static gboolean
is_indexable_path (const char *relpath,
                   gboolean  (*is_name) (const char *name))
{
  g_auto(GStrv) parts = g_strsplit (relpath, G_DIR_SEPARATOR_S, -1);
  guint n = g_strv_length (parts);

  if (n == 0 || n > MAX_DEPTH)
    return FALSE;

  for (guint i = 0; i + 1 < n; i++)
    if (parts[i][0] == '.' || parts[i][0] == '\0')
      return FALSE;

  return is_name (parts[n - 1]);
}

gboolean
_rg_library_is_indexable_path (const char *relpath)
{
  return is_indexable_path (relpath, _rg_library_is_session_name);
}

gboolean
_rg_library_is_indexable_sitting_path (const char *relpath)
{
  return is_indexable_path (relpath, _rg_library_is_sitting_name);
}

static gint64
stat_mtime (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

/* Adds @relpath to the sessions found, or to the sittings. */
static void
add_found (Walk              *walk,
           char              *relpath,
           const struct stat *st)
{
  FoundFile *file = g_new (FoundFile, 1);

  file->relpath = relpath;
  file->size = st->st_size;
  file->mtime = stat_mtime (st);
  g_ptr_array_add (g_str_has_suffix (relpath, RG_SITTING_FILE_SUFFIX) ? walk->sittings
                                                                      : walk->files, file);
}

static char *
join_relative (const char *dir,
               const char *name)
{
  return dir[0] == '\0' ? g_strdup (name) : g_strconcat (dir, G_DIR_SEPARATOR_S, name, NULL);
}

/* Lists the session files under @dirfd (the folder @reldir of the
 * library). Hidden folders are skipped, and so are links to folders,
 * which could make loops; a link to a file is followed. Hidden files
 * are never sessions: the temporary files of saves killed half-way,
 * hidden, are removed on the way, since the folder is listed anyway. */
static gboolean
walk_folder (Walk       *walk,
             int         fd,
             const char *reldir,
             guint       depth,
             GError    **error)
{
  DIR *dir;
  struct dirent *dent;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  dir = fdopendir (fd);
  if (dir == NULL)
    {
      int errsv = errno;

      close (fd);
      if (depth == 0)
        {
          g_autofree char *display = g_filename_display_name (walk->params->folder);

          g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_FOLDER,
                       _("The library folder “%s” could not be read: %s"),
                       display, g_strerror (errsv));
          return FALSE;
        }

      g_ptr_array_add (walk->unreadable, g_strdup (reldir));
      return TRUE;
    }

  g_ptr_array_add (walk->folders, g_strdup (reldir));

  while ((dent = readdir (dir)) != NULL)
    {
      const char *name = dent->d_name;
      unsigned char type = dent->d_type;
      struct stat st;

      if (name[0] == '.')
        {
          rg_file_remove_stale_temp_at (dirfd (dir), name, now);
          continue;
        }

      if (type == DT_UNKNOWN)
        {
          if (fstatat (dirfd (dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
          type = S_ISDIR (st.st_mode) ? DT_DIR : S_ISLNK (st.st_mode) ? DT_LNK : DT_REG;
        }

      if (type == DT_DIR)
        {
          g_autofree char *relpath = join_relative (reldir, name);
          int subfd;

          if (depth + 1 >= MAX_DEPTH)
            continue;

          subfd = openat (dirfd (dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
          if (subfd < 0)
            {
              g_ptr_array_add (walk->unreadable, g_steal_pointer (&relpath));
              continue;
            }

          walk_folder (walk, subfd, relpath, depth + 1, NULL);
          continue;
        }

      if ((type != DT_REG && type != DT_LNK) ||
          !(_rg_library_is_session_name (name) || _rg_library_is_sitting_name (name)))
        continue;

      if (fstatat (dirfd (dir), name, &st, 0) != 0 || !S_ISREG (st.st_mode))
        continue;

      add_found (walk, join_relative (reldir, name), &st);
    }

  closedir (dir);
  return TRUE;
}

static gboolean
walk_library (Walk    *walk,
              GError **error)
{
  int fd = open (walk->params->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (walk->params->folder);

      g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_FOLDER,
                   _("The library folder “%s” could not be read: %s"),
                   display, g_strerror (errsv));
      return FALSE;
    }

  return walk_folder (walk, fd, "", 0, error);
}

/* Whether @relpath is in a folder we could not list: its row stays, the
 * file may well still be there. */
static gboolean
is_in_unreadable (Walk       *walk,
                  const char *relpath)
{
  for (guint i = 0; i < walk->unreadable->len; i++)
    {
      const char *dir = g_ptr_array_index (walk->unreadable, i);
      gsize len = strlen (dir);

      if (strncmp (relpath, dir, len) == 0 && relpath[len] == G_DIR_SEPARATOR)
        return TRUE;
    }

  return FALSE;
}

/* Whether the walk looked where @relpath is: a file known to the index
 * that was not found there is gone. */
static gboolean
was_looked_at (Walk       *walk,
               const char *relpath)
{
  if (walk->only_paths != NULL)
    return g_ptr_array_find_with_equal_func (walk->only_paths, relpath, g_str_equal, NULL);

  return !is_in_unreadable (walk, relpath);
}

/* Looks at the files named in params->only_paths instead of walking. */
static void
look_at_paths (Walk *walk)
{
  GPtrArray *paths = walk->only_paths;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *relpath = g_ptr_array_index (paths, i);
      g_autofree char *path = g_build_filename (walk->params->folder, relpath, NULL);
      struct stat st;

      if (!_rg_library_is_indexable_path (relpath) &&
          !_rg_library_is_indexable_sitting_path (relpath))
        continue;

      if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
        add_found (walk, g_strdup (relpath), &st);
    }
}

/* Indexing: extract when the file allows, else load. Checking: check as
 * the loader does, if the file is still the version that was indexed. */
static void
load_in_thread (gpointer data,
                gpointer user_data)
{
  LoadJob *job = data;
  GAsyncQueue *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (job->checking)
    {
      struct stat st;

      if (g_stat (job->path, &st) != 0 || st.st_size != job->file->size ||
          stat_mtime (&st) != job->file->mtime)
        {
          job->skipped = TRUE;
          g_async_queue_push (done, job);
          return;
        }
    }

  bytes = _rg_library_read_file (job->path, &error);

  if (job->checking)
    {
      if (bytes == NULL || !rg_session_check_bytes (bytes, &error))
        job->error_message = g_strdup (error->message);
      job->verified = TRUE;
      g_async_queue_push (done, job);
      return;
    }

  if (bytes != NULL)
    job->record = _rg_library_record_extract (bytes);

  if (job->record == NULL)
    {
      if (bytes != NULL)
        job->record = _rg_library_record_load (job->path, bytes, &error);
      job->verified = TRUE;
      if (job->record == NULL)
        job->error_message = g_strdup (error->message);
    }

  g_async_queue_push (done, job);
}

/* Writes what the loaders give back, in batches: each batch takes the
 * connection's lock for one transaction, and only for the time of
 * writing it, so that searches and saves get their turn. */
typedef struct
{
  const RgLibraryScanParams *params;
  RgLibraryScanResult       *result;
  guint                      generation;   /* of the index the scan works on */
  gboolean                   replaced;     /* someone else put another in its place */
  GPtrArray                 *pending;      /* of LoadJob, loaded, not written yet */
  gint64                     batch_start;  /* when the first of them came */
  guint                      n_unindexed;  /* files to index not written yet */
  GQueue                    *to_check;     /* of LoadJob, written, to check; or NULL */
} Writer;

/* Takes the lock for a batch, on the index the scan started on: one
 * made again since (by a search that filled it, by another scan) is
 * none of this scan's business, which starts again. */
static RgLibraryDb *
writer_lock (Writer  *writer,
             GError **error)
{
  RgLibraryConnection *connection = writer->params->connection;
  RgLibraryDb *db = _rg_library_connection_lock (connection, NULL, error);

  if (db == NULL)
    return NULL;

  if (_rg_library_connection_get_generation (connection) != writer->generation)
    {
      _rg_library_connection_unlock (connection);
      writer->replaced = TRUE;
      g_set_error_literal (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_DATABASE,
                           "The index was made again during the scan");
      return NULL;
    }

  return db;
}

static void
writer_unlock (Writer *writer)
{
  _rg_library_connection_unlock (writer->params->connection);
}

static gboolean
write_indexed (Writer       *writer,
               RgLibraryDb  *db,
               LoadJob      *job,
               GError      **error)
{
  if (!_rg_library_db_put (db, job->file->relpath, job->file->size, job->file->mtime,
                           job->record, job->error_message, job->verified, error))
    return FALSE;

  if (job->record != NULL)
    {
      job->counted = job->is_new ? COUNTED_ADDED : COUNTED_UPDATED;
      if (job->is_new)
        writer->result->n_added++;
      else
        writer->result->n_updated++;
    }

  return TRUE;
}

static gboolean
write_checked (Writer       *writer,
               RgLibraryDb  *db,
               LoadJob      *job,
               GError      **error)
{
  const char *relpath = job->file->relpath;

  if (job->skipped)
    return TRUE;

  if (job->error_message != NULL)
    {
      /* Indexed, but the application would refuse it: say so. */
      if (job->counted == COUNTED_ADDED)
        writer->result->n_added--;
      else if (job->counted == COUNTED_UPDATED)
        writer->result->n_updated--;

      return _rg_library_db_put (db, relpath, job->file->size, job->file->mtime,
                                 NULL, job->error_message, TRUE, error);
    }

  return _rg_library_db_set_verified (db, relpath, job->file->size, job->file->mtime, error);
}

/* Frees what a job loaded once it is written. */
static void
job_written (LoadJob *job)
{
  g_clear_pointer (&job->record, _rg_library_record_free);
}

static void
writer_drop_pending (Writer *writer)
{
  for (guint i = 0; i < writer->pending->len; i++)
    job_written (g_ptr_array_index (writer->pending, i));
  g_ptr_array_set_size (writer->pending, 0);
}

/* The pool's order: the files to index before the files to check, each
 * in the order of the walk. */
static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const LoadJob *job_a = a;
  const LoadJob *job_b = b;

  if (job_a->checking != job_b->checking)
    return job_a->checking ? 1 : -1;

  return (job_a->order > job_b->order) - (job_a->order < job_b->order);
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return compare_jobs (*(LoadJob * const *) a, *(LoadJob * const *) b, user_data);
}

/* Everything is searchable now; the check may take a while. */
static void
announce_indexed (Writer *writer)
{
  RgLibraryScanResult *result = writer->result;

  if (writer->params->indexed != NULL &&
      result->n_added + result->n_updated + result->n_removed > 0)
    writer->params->indexed (writer->params->user_data);
}

/* Writes the pending jobs in one transaction; they are pending no more,
 * written or not. Files indexed without the loader go to the check. */
static gboolean
writer_flush (Writer  *writer,
              GError **error)
{
  RgLibraryDb *db;
  gboolean ok;

  if (writer->pending->len == 0)
    return TRUE;

  /* In the order of the walk, whichever thread was quicker: the same
   * files make the same index. */
  g_ptr_array_sort_with_data (writer->pending, compare_pending, NULL);

  db = writer_lock (writer, error);
  ok = db != NULL && _rg_library_db_begin (db, error);
  for (guint i = 0; ok && i < writer->pending->len; i++)
    {
      LoadJob *job = g_ptr_array_index (writer->pending, i);

      ok = job->checking ? write_checked (writer, db, job, error)
                         : write_indexed (writer, db, job, error);
    }

  if (db != NULL)
    {
      ok = ok && _rg_library_db_commit (db, error);
      if (!ok)
        _rg_library_db_rollback (db);
      writer_unlock (writer);
    }

  for (guint i = 0; ok && i < writer->pending->len; i++)
    {
      LoadJob *job = g_ptr_array_index (writer->pending, i);

      if (job->checking)
        continue;

      /* Indexed without the loader: to check now it is written. */
      if (!job->verified && writer->to_check != NULL)
        g_queue_push_tail (writer->to_check, job);
      if (--writer->n_unindexed == 0)
        announce_indexed (writer);
    }

  writer_drop_pending (writer);

  return ok;
}

/* Keeps @job for the next batch, and writes the batch when it is full
 * or old enough. */
static gboolean
writer_add (Writer   *writer,
            LoadJob  *job,
            GError  **error)
{
  if (writer->pending->len == 0)
    writer->batch_start = g_get_monotonic_time ();

  g_ptr_array_add (writer->pending, job);

  if (writer->pending->len >= BATCH_MAX_FILES ||
      g_get_monotonic_time () - writer->batch_start >= BATCH_MAX_USEC)
    return writer_flush (writer, error);

  return TRUE;
}

/* Takes the next loaded job; gives up waiting (NULL) when a pending
 * batch is due, so that it is written without waiting for a slow file. */
static LoadJob *
next_loaded (Writer      *writer,
             GAsyncQueue *done)
{
  gint64 left;

  if (writer->pending->len == 0)
    return g_async_queue_pop (done);

  left = writer->batch_start + BATCH_MAX_USEC - g_get_monotonic_time ();
  if (left <= 0)
    return g_async_queue_try_pop (done);

  return g_async_queue_timeout_pop (done, left);
}

/* Turns a job that indexed a file without the loader into its check. */
static void
load_job_to_check (LoadJob *job)
{
  g_clear_pointer (&job->record, _rg_library_record_free);
  g_clear_pointer (&job->error_message, g_free);
  job->checking = TRUE;
  job->verified = FALSE;
}

/* Indexes @to_index (of LoadJob) in the pool and writes each file as it
 * comes back. Unless @to_check is NULL, each file indexed without the
 * loader is then checked, once written, as are the files of @to_check,
 * in the same pool, which takes the files to index first. On error or
 * cancellation, waits for the jobs in flight before returning, so none
 * outlives the call; when cancelled, what was loaded is written all the
 * same. */
static gboolean
load_and_write (Writer     *writer,
                GPtrArray  *to_index,
                GPtrArray  *to_check,
                GError    **error)
{
  g_autoptr(GAsyncQueue) done = g_async_queue_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) checked = g_ptr_array_new ();
  GQueue checks = G_QUEUE_INIT;
  GThreadPool *pool;
  guint next = 0;
  guint indexing = 0;
  guint checking = 0;
  guint n_processors = CLAMP (g_get_num_processors (), 1, 8);

  if (to_check != NULL)
    for (guint i = 0; i < to_check->len; i++)
      g_queue_push_tail (&checks, g_ptr_array_index (to_check, i));

  if (to_index->len == 0 && checks.length == 0)
    return TRUE;

  writer->n_unindexed = to_index->len;
  writer->to_check = to_check != NULL ? &checks : NULL;

  /* Indexing alone: extracting is quicker than writing, and the writer
   * (this thread) needs a processor of its own. Checking too: loading is
   * slow, and the checks fill the time the writer leaves. */
  pool = g_thread_pool_new (load_in_thread, done,
                            to_check != NULL ? n_processors : MAX (1, n_processors - 1),
                            FALSE, NULL);
  g_thread_pool_set_sort_function (pool, compare_jobs, NULL);

  for (;;)
    {
      LoadJob *job;

      /* What the checks found is written once every file is indexed:
       * the index is written as it was without them. */
      if (writer->n_unindexed == 0)
        {
          for (guint i = 0; local_error == NULL && i < checked->len; i++)
            writer_add (writer, g_ptr_array_index (checked, i), &local_error);
          g_ptr_array_set_size (checked, 0);
        }

      while (local_error == NULL && next < to_index->len && indexing < MAX_IN_FLIGHT)
        {
          g_thread_pool_push (pool, g_ptr_array_index (to_index, next++), NULL);
          indexing++;
        }

      while (local_error == NULL && checks.length > 0 && checking < MAX_IN_FLIGHT)
        {
          job = g_queue_pop_head (&checks);
          load_job_to_check (job);
          g_thread_pool_push (pool, job, NULL);
          checking++;
        }

      /* Nothing in flight: what is pending may still have files to check. */
      if (indexing + checking == 0)
        {
          if (local_error != NULL || writer->pending->len == 0)
            break;
          writer_flush (writer, &local_error);
          continue;
        }

      job = next_loaded (writer, done);

      if (job == NULL)
        {
          if (local_error == NULL)
            writer_flush (writer, &local_error);
          else
            writer_drop_pending (writer);
          continue;
        }

      if (job->checking)
        checking--;
      else
        indexing--;

      /* After an error, only collect what is in flight. */
      if (local_error != NULL ||
          g_cancellable_set_error_if_cancelled (writer->params->cancellable, &local_error))
        job_written (job);
      else if (job->checking && writer->n_unindexed > 0)
        g_ptr_array_add (checked, job);
      else
        writer_add (writer, job, &local_error);
    }

  g_thread_pool_free (pool, FALSE, TRUE);

  /* What was loaded is right: keep it even when stopping early
   * (cancelled), but not after the index failed. */
  if (local_error == NULL || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    writer_flush (writer, local_error == NULL ? &local_error : NULL);
  writer_drop_pending (writer);
  writer->to_check = NULL;
  g_queue_clear (&checks);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
file_changed (const FoundFile          *file,
              const RgLibraryFileState *state)
{
  return file->size != state->size || file->mtime != state->mtime;
}

static LoadJob *
load_job_new (const RgLibraryScanParams *params,
              FoundFile                 *file,
              guint                      order)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->file = file;
  job->order = order;
  job->path = g_build_filename (params->folder, file->relpath, NULL);

  return job;
}

/* What the index knows of the files, and which generation of it that is. */
static GHashTable *
list_known (Writer  *writer,
            GError **error)
{
  RgLibraryConnection *connection = writer->params->connection;
  RgLibraryDb *db = _rg_library_connection_lock (connection, NULL, error);
  GHashTable *known;

  if (db == NULL)
    return NULL;

  writer->generation = _rg_library_connection_get_generation (connection);
  known = _rg_library_db_list_files (db, error);
  _rg_library_connection_unlock (connection);

  return known;
}

/* Removes the rows of @gone (relative paths), in batches. */
static gboolean
delete_gone (Writer     *writer,
             GPtrArray  *gone,
             GError    **error)
{
  for (guint first = 0; first < gone->len; first += BATCH_MAX_FILES)
    {
      RgLibraryDb *db = writer_lock (writer, error);
      gboolean ok;

      if (db == NULL)
        return FALSE;

      ok = _rg_library_db_begin (db, error);
      for (guint i = first; ok && i < MIN (first + BATCH_MAX_FILES, gone->len); i++)
        {
          gboolean deleted = FALSE;

          ok = _rg_library_db_delete (db, g_ptr_array_index (gone, i), &deleted, error);
          if (deleted)
            writer->result->n_removed++;
        }
      ok = ok && _rg_library_db_commit (db, error);
      if (!ok)
        _rg_library_db_rollback (db);

      writer_unlock (writer);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Lists what cannot be loaded, and when the whole folder was looked at,
 * records that the index holds it all. */
static GPtrArray *
finish_scan (Writer     *writer,
             gboolean    whole_folder,
             GError    **error)
{
  RgLibraryDb *db = writer_lock (writer, error);
  GPtrArray *failures = NULL;

  if (db == NULL)
    return NULL;

  if (whole_folder)
    {
      if (!_rg_library_db_begin (db, error) ||
          !_rg_library_db_set_filled (db, error) ||
          !_rg_library_db_commit (db, error))
        {
          _rg_library_db_rollback (db);
          writer_unlock (writer);
          return NULL;
        }

      _rg_library_connection_set_filled (writer->params->connection, writer->generation);
    }

  failures = _rg_library_db_list_failures (db, writer->params->folder, error);
  writer_unlock (writer);

  return failures;
}

typedef struct
{
  FoundFile *file;           /* borrowed from the walk */
  RgSitting *sitting;
  char      *error_message;
} SittingJob;

static void
sitting_job_clear (SittingJob *job)
{
  g_clear_object (&job->sitting);
  g_clear_pointer (&job->error_message, g_free);
}

/* Sittings: loaded with the loader here, then the rows of the new,
 * changed and gone ones written in one transaction. */
static gboolean
scan_sittings (Walk     *walk,
               Writer   *writer,
               GError  **error)
{
  const RgLibraryScanParams *params = writer->params;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) jobs = g_array_new (FALSE, TRUE, sizeof (SittingJob));
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  RgLibraryDb *db;
  gboolean ok;

  g_array_set_clear_func (jobs, (GDestroyNotify) sitting_job_clear);

  if (!(db = writer_lock (writer, error)))
    return FALSE;
  known = _rg_library_db_list_sitting_files (db, error);
  writer_unlock (writer);
  if (known == NULL)
    return FALSE;

  for (guint i = 0; i < walk->sittings->len; i++)
    {
      FoundFile *file = g_ptr_array_index (walk->sittings, i);
      RgLibraryFileState *state = g_hash_table_lookup (known, file->relpath);
      g_autoptr(GError) load_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *path = NULL;
      SittingJob job = { file, NULL, NULL };

      g_hash_table_add (seen, file->relpath);
      if (state != NULL && !file_changed (file, state))
        continue;

      if (g_cancellable_set_error_if_cancelled (params->cancellable, error))
        return FALSE;

      path = g_build_filename (params->folder, file->relpath, NULL);
      if ((bytes = _rg_library_read_file (path, &load_error)))
        job.sitting = rg_sitting_new_from_bytes (bytes, &load_error);
      if (job.sitting == NULL)
        job.error_message = g_strdup (load_error->message);
      g_array_append_val (jobs, job);
    }

  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (was_looked_at (walk, key) && !g_hash_table_contains (seen, key))
      g_ptr_array_add (gone, key);

  if (jobs->len == 0 && gone->len == 0)
    return TRUE;

  if (!(db = writer_lock (writer, error)))
    return FALSE;

  ok = _rg_library_db_begin (db, error);
  for (guint i = 0; ok && i < gone->len; i++)
    ok = _rg_library_db_delete_sitting (db, g_ptr_array_index (gone, i), NULL, error);
  for (guint i = 0; ok && i < jobs->len; i++)
    {
      SittingJob *job = &g_array_index (jobs, SittingJob, i);

      ok = _rg_library_db_put_sitting (db, job->file->relpath, job->file->size, job->file->mtime,
                                       job->sitting, job->error_message, error);
    }
  ok = ok && _rg_library_db_commit (db, error);
  if (!ok)
    _rg_library_db_rollback (db);
  writer_unlock (writer);

  if (ok)
    writer->result->n_sittings_changed += jobs->len + gone->len;

  return ok;
}

/* Compare, remove what is gone, index what is new or changed, check what
 * was indexed without the loader, index the sittings, then list what
 * cannot be loaded. */
static gboolean
scan_once (const RgLibraryScanParams  *params,
           Walk                       *walk,
           RgLibraryScanResult        *result,
           Writer                     *writer,
           GError                    **error)
{
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GPtrArray) to_index = g_ptr_array_new_with_free_func ((GDestroyNotify) load_job_free);
  g_autoptr(GPtrArray) to_check = g_ptr_array_new_with_free_func ((GDestroyNotify) load_job_free);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  gboolean check = !(params->flags & RG_LIBRARY_SCAN_INDEX_ONLY);

  if (!(known = list_known (writer, error)))
    return FALSE;

  for (guint i = 0; i < walk->files->len; i++)
    {
      FoundFile *file = g_ptr_array_index (walk->files, i);
      RgLibraryFileState *state = g_hash_table_lookup (known, file->relpath);
      LoadJob *job;

      g_hash_table_add (seen, file->relpath);

      if (state != NULL && !file_changed (file, state))
        {
          result->n_unchanged++;

          /* Indexed by an earlier scan that did not get to check it. */
          if (!state->verified)
            {
              job = load_job_new (params, file, i);
              load_job_to_check (job);
              g_ptr_array_add (to_check, job);
            }
          continue;
        }

      job = load_job_new (params, file, i);
      job->is_new = state == NULL;
      g_ptr_array_add (to_index, job);
    }

  /* Removed: known, and not seen where we looked. */
  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *relpath = key;

      if (was_looked_at (walk, relpath) && !g_hash_table_contains (seen, relpath))
        g_ptr_array_add (gone, key);
    }

  if (!delete_gone (writer, gone, error))
    return FALSE;

  if (to_index->len == 0)
    announce_indexed (writer);

  if (!load_and_write (writer, to_index, check ? to_check : NULL, error))
    return FALSE;

  if (!check)
    {
      result->n_unchecked = to_check->len;
      for (guint i = 0; i < to_index->len; i++)
        if (!((LoadJob *) g_ptr_array_index (to_index, i))->verified)
          result->n_unchecked++;
    }

  if (!scan_sittings (walk, writer, error))
    return FALSE;

  if (!(failures = finish_scan (writer, walk->only_paths == NULL, error)))
    return FALSE;

  result->n_failed = failures->len;
  g_list_store_splice (result->failures, 0, 0, failures->pdata, failures->len);

  return TRUE;
}

/* Tries before giving up: the index the scan started on, and the ones
 * made in its place, by this scan or by someone else. */
#define MAX_SCAN_ATTEMPTS 4

/**
 * _rg_library_scan_run:
 * @params: what to scan and where to write
 *
 * Brings the index of @params->connection in line with the folder. When
 * the index fails under the scan (damaged, cannot be written…),
 * @params->recover is called to put another in its place, and the scan
 * starts again on the new one, over the whole folder; when someone else
 * did, it starts again too.
 *
 * Returns: (transfer full) (nullable): what changed, or %NULL with @error
 *   set (the folder cannot be read, the scan was cancelled…)
 */
RgLibraryScanResult *
_rg_library_scan_run (const RgLibraryScanParams  *params,
                      GError                    **error)
{
  g_autoptr(RgLibraryScanResult) result = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (found_file_free);
  g_autoptr(GPtrArray) sittings = g_ptr_array_new_with_free_func (found_file_free);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unreadable = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  Walk walk = { params, params->only_paths, files, sittings, folders, unreadable };
  guint n_recovered = 0;

  if (g_cancellable_set_error_if_cancelled (params->cancellable, error))
    return NULL;

  if (walk.only_paths != NULL)
    look_at_paths (&walk);
  else if (!walk_library (&walk, error))
    return NULL;

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      Writer writer = { params, NULL, 0, FALSE, pending, 0 };

      g_clear_pointer (&result, rg_library_scan_result_unref);
      result = _rg_library_scan_result_new ();
      writer.result = result;

      if (scan_once (params, &walk, result, &writer, &local_error))
        break;

      if (attempt + 1 == MAX_SCAN_ATTEMPTS ||
          (!writer.replaced &&
           (params->recover == NULL || !_rg_library_error_is_index (local_error))))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (writer.replaced)
        {
          g_debug ("The index was made again under the scan; starting again");
        }
      else
        {
          g_debug ("The index failed under a scan (%s); making it again", local_error->message);
          if (!params->recover (params->user_data, writer.generation, local_error,
                                n_recovered++, error))
            return NULL;
        }

      /* The new index holds nothing yet (or what whoever made it put):
       * looking at some paths only would leave it without the others. */
      if (walk.only_paths != NULL)
        {
          walk.only_paths = NULL;
          g_ptr_array_set_size (files, 0);
          g_ptr_array_set_size (sittings, 0);
          if (!walk_library (&walk, error))
            return NULL;
        }
    }

  result->full_walk = walk.only_paths == NULL;
  g_ptr_array_extend_and_steal (result->folders, g_steal_pointer (&folders));

  return g_steal_pointer (&result);
}

G_DEFINE_BOXED_TYPE (RgLibraryScanResult, rg_library_scan_result,
                     rg_library_scan_result_ref, rg_library_scan_result_unref)

RgLibraryScanResult *
_rg_library_scan_result_new (void)
{
  RgLibraryScanResult *result = g_new0 (RgLibraryScanResult, 1);

  g_atomic_ref_count_init (&result->ref_count);
  result->failures = g_list_store_new (RG_TYPE_LIBRARY_ENTRY);
  result->folders = g_ptr_array_new_with_free_func (g_free);

  return result;
}

/**
 * rg_library_scan_result_ref:
 * @result: a #RgLibraryScanResult
 *
 * Returns: (transfer full): @result
 */
RgLibraryScanResult *
rg_library_scan_result_ref (RgLibraryScanResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_ref_count_inc (&result->ref_count);
  return result;
}

/**
 * rg_library_scan_result_unref:
 * @result: (transfer full): a #RgLibraryScanResult
 */
void
rg_library_scan_result_unref (RgLibraryScanResult *result)
{
  g_return_if_fail (result != NULL);

  if (g_atomic_ref_count_dec (&result->ref_count))
    {
      g_clear_object (&result->failures);
      g_clear_pointer (&result->folders, g_ptr_array_unref);
      g_free (result);
    }
}

/* A getter of a count, under the gtk-doc comment that says what it
 * counts. */
#define DEFINE_COUNT(name)                                          \
  guint                                                             \
  rg_library_scan_result_get_##name (RgLibraryScanResult *result)   \
  {                                                                 \
    g_return_val_if_fail (result != NULL, 0);                       \
                                                                    \
    return result->name;                                            \
  }

/**
 * rg_library_scan_result_get_n_added:
 * @result: a #RgLibraryScanResult
 *
 * Returns: how many files were new to the index and loaded
 */
DEFINE_COUNT (n_added)

/**
 * rg_library_scan_result_get_n_updated:
 * @result: a #RgLibraryScanResult
 *
 * Returns: how many files had changed since they were indexed, and were
 *   loaded again
 */
DEFINE_COUNT (n_updated)

/**
 * rg_library_scan_result_get_n_removed:
 * @result: a #RgLibraryScanResult
 *
 * Returns: how many files were gone from the folder, and left the index
 */
DEFINE_COUNT (n_removed)

/**
 * rg_library_scan_result_get_n_failed:
 * @result: a #RgLibraryScanResult
 *
 * How many files of the library cannot be loaded after the scan, whether
 * they were read in this scan or found failing before and unchanged since.
 * They are not counted as added or updated.
 *
 * Returns: the number of files that cannot be loaded
 */
DEFINE_COUNT (n_failed)

/**
 * rg_library_scan_result_get_n_unchecked:
 * @result: a #RgLibraryScanResult
 *
 * After a scan with %RG_LIBRARY_SCAN_INDEX_ONLY: how many files are in the
 * index but not checked yet by the loader; the next scan without the flag
 * checks them. Always 0 otherwise.
 *
 * Returns: the number of files indexed but not checked
 */
DEFINE_COUNT (n_unchecked)

/**
 * rg_library_scan_result_get_n_unchanged:
 * @result: a #RgLibraryScanResult
 *
 * Returns: how many files were unchanged since they were indexed, and
 *   not read
 */
DEFINE_COUNT (n_unchanged)

/**
 * rg_library_scan_result_get_failures:
 * @result: a #RgLibraryScanResult
 *
 * The files that cannot be loaded, each with its error message (see
 * rg_library_entry_get_error_message ()), sorted by path.
 *
 * Returns: (transfer none): a #GListModel of #RgLibraryEntry
 */
GListModel *
rg_library_scan_result_get_failures (RgLibraryScanResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return G_LIST_MODEL (result->failures);
}
