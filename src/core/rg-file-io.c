/* rg-file-io.c — reading a session file within bounds, writing it without
 * ever losing data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-file-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rg-file-io.h"

#define READ_CHUNK_SIZE (64 * 1024)

/* Past this, temporary files get a generic name rather than one longer
 * than a file system accepts. */
#define MAX_NAME_IN_TEMP 160

/* How many " (conflict … N)" names to try before giving up. */
#define MAX_CONFLICT_NAMES 1000

/**
 * rg_document_error_quark:
 *
 * Returns: the error domain of #RgDocumentError
 */
G_DEFINE_QUARK (rg-document-error-quark, rg_document_error)

/* Reasons are whole sentences, so that a translation never has to fit
 * one inside another. */
static const char *
describe_write_errno (int errsv)
{
  switch (errsv)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return _("The disk is full.");

    case EROFS:
      return _("The disk or folder is read-only.");

    case EACCES:
    case EPERM:
      return _("You are not allowed to write in this folder.");

    case ENOENT:
    case ENOTDIR:
      return _("The folder no longer exists. It may have been moved, renamed or "
               "deleted, or the disk may have been unplugged.");

    case EIO:
      return _("The disk reported an error. It may be damaged or have been unplugged.");

    case ENAMETOOLONG:
      return _("The file name is too long.");

    case EISDIR:
      return _("A folder already has this name.");

    default:
      return g_strerror (errsv);
    }
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          errsv)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_WRITE_FAILED,
               _("Could not save “%s”. %s"),
               name, describe_write_errno (errsv));

  return FALSE;
}

static char *
display_name_of (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

static GBytes *
set_read_error (GError       **error,
                GFile         *file,
                const GError  *cause)
{
  g_autofree char *name = display_name_of (file);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_NOT_FOUND,
                 _("“%s” does not exist. It may have been moved, renamed or deleted."),
                 name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_READ_FAILED,
                 _("Could not open “%s”. You are not allowed to read it."),
                 name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_READ_FAILED,
                 _("Could not open “%s”. It is a folder, not a session file."),
                 name);
  else
    g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_READ_FAILED,
                 _("Could not open “%s”. %s"),
                 name, cause->message);

  return NULL;
}

static GBytes *
set_too_large_error (GError **error,
                     GFile   *file,
                     gsize    max_size)
{
  g_autofree char *name = display_name_of (file);
  g_autofree char *limit = g_format_size (max_size);

  g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE,
               _("“%s” is too large to be a Regards session: the limit is %s."),
               name, limit);

  return NULL;
}

/**
 * rg_file_read_bounded:
 * @file: the file to read
 * @max_size: the largest size accepted, in bytes
 * @checksum_out: (out) (optional) (transfer full): the SHA-256 of the
 *   bytes read, in hexadecimal
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Reads the whole of @file, unless it is larger than @max_size: then it
 * stops as soon as it knows (from the size the file announces, or once
 * one byte past the limit has been read) and fails with
 * %RG_DOCUMENT_ERROR_TOO_LARGE, so a hostile file never costs more than
 * @max_size bytes of memory. A missing file gives
 * %RG_DOCUMENT_ERROR_NOT_FOUND, any other failure
 * %RG_DOCUMENT_ERROR_READ_FAILED.
 *
 * Safe to call from any thread.
 *
 * Returns: (transfer full): the contents of @file, or %NULL with @error set
 */
GBytes *
rg_file_read_bounded (GFile         *file,
                      gsize          max_size,
                      char         **checksum_out,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size_hint = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (checksum_out != NULL)
    *checksum_out = NULL;

  /* A GByteArray holds at most G_MAXUINT bytes; no session comes near. */
  max_size = MIN (max_size, (gsize) G_MAXUINT - 1);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    return set_read_error (error, file, local_error);

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > 0 && (guint64) size > max_size)
        return set_too_large_error (error, file, max_size);

      size_hint = MAX (size, 0);
    }

  /* The announced size is only a hint: the file may grow while we read,
   * or be a pipe that announces nothing. */
  buffer = g_byte_array_sized_new (MIN (size_hint, max_size) + 1);

  for (;;)
    {
      guint old_len = buffer->len;
      gsize chunk = MIN ((gsize) READ_CHUNK_SIZE, max_size + 1 - old_len);
      gssize n_read;

      g_byte_array_set_size (buffer, old_len + chunk);
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_len, chunk,
                                    cancellable, &local_error);
      if (n_read < 0)
        return set_read_error (error, file, local_error);

      g_byte_array_set_size (buffer, old_len + n_read);

      if (n_read == 0)
        break;

      if (buffer->len > max_size)
        return set_too_large_error (error, file, max_size);
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

  if (checksum_out != NULL)
    *checksum_out = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_steal_pointer (&bytes);
}

/* Returns 0 or an errno value. */
static int
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n_written = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (n_written < 0)
        {
          if (errno == EINTR)
            continue;
          return errno;
        }

      /* A regular file only writes nothing when there is no room. */
      if (n_written == 0)
        return ENOSPC;

      data += n_written;
      len -= n_written;
    }

  return 0;
}

/* The name temporary files start from: hidden, never ending in the
 * extension of a session, and short enough for any file system. */
static const char *
temp_stem (const char *basename)
{
  if (strlen (basename) > MAX_NAME_IN_TEMP)
    return "regards";

  return basename;
}

/* Writes @data to a new file, mode 0600, in @dir, and makes it durable.
 * Returns its path, or %NULL with @errsv set and nothing left behind. */
static char *
write_temp_file (const char    *dir,
                 const char    *basename,
                 const guint8  *data,
                 gsize          len,
                 int           *errsv)
{
  g_autofree char *tmp_name = g_strdup_printf (".%s-XXXXXX.tmp", temp_stem (basename));
  g_autofree char *tmp_path = g_build_filename (dir, tmp_name, NULL);
  int fd;
  int err;

  /* O_CREAT | O_EXCL, mode 0600: nobody else can have opened it first. */
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      *errsv = errno;
      return NULL;
    }

  /* The umask may have taken bits away, never added any; set exactly. */
  (void) fchmod (fd, 0600);

  err = write_all (fd, data, len);

  /* Without fsync, a crash after the rename could leave an empty file
   * where the previous version used to be. */
  if (err == 0 && fsync (fd) != 0)
    err = errno;

  /* Some file systems (NFS, FUSE) only report a full disk on close. */
  if (close (fd) != 0 && err == 0 && errno != EINTR)
    err = errno;

  if (err != 0)
    {
      g_unlink (tmp_path);
      *errsv = err;
      return NULL;
    }

  return g_steal_pointer (&tmp_path);
}

/* Makes the renames in @dir durable. Returns 0 or an errno value; file
 * systems that cannot sync a folder are not an error. */
static int
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int err = 0;

  if (fd < 0)
    return errno == EACCES ? 0 : errno;

  if (fsync (fd) != 0 && errno != EINVAL && errno != ENOTSUP && errno != EROFS)
    err = errno;

  close (fd);

  return err;
}

/* The SHA-256 of what is at @path now. FALSE with @errsv set if it
 * cannot be read (ENOENT when it is gone). */
static gboolean
checksum_path (const char  *path,
               char       **checksum,
               int         *errsv)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buf = g_malloc (READ_CHUNK_SIZE);
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    {
      *errsv = errno;
      return FALSE;
    }

  for (;;)
    {
      gssize n_read = read (fd, buf, READ_CHUNK_SIZE);

      if (n_read < 0)
        {
          if (errno == EINTR)
            continue;
          *errsv = errno;
          close (fd);
          return FALSE;
        }

      if (n_read == 0)
        break;

      g_checksum_update (sum, buf, n_read);
    }

  close (fd);
  *checksum = g_strdup (g_checksum_get_string (sum));

  return TRUE;
}

/* Copies the file at @from to a new temporary file in @dir, for file
 * systems without hard links. Returns its path or %NULL. */
static char *
copy_to_temp (const char *from,
              const char *dir,
              const char *basename)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  int errsv = 0;

  if (!g_file_get_contents (from, &contents, &len, NULL))
    return NULL;

  return write_temp_file (dir, basename, (const guint8 *) contents, len, &errsv);
}

/* Keeps the file at @path, about to be replaced, as `NAME~`. The backup
 * is made under a temporary name then renamed, so `NAME~` too always
 * holds a whole version. A failed backup does not stop the save: the
 * user's work matters more than the copy of the previous version. */
static void
keep_backup (const char *path,
             const char *dir,
             const char *basename)
{
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autofree char *link_path = NULL;

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *link_name = g_strdup_printf (".%s~-%08x.tmp",
                                                    temp_stem (basename),
                                                    g_random_int ());

      g_free (link_path);
      link_path = g_build_filename (dir, link_name, NULL);

      if (link (path, link_path) == 0)
        break;

      if (errno == EEXIST)
        continue;

      /* No hard links here (FAT, some network shares): copy instead. */
      g_clear_pointer (&link_path, g_free);
      link_path = copy_to_temp (path, dir, basename);
      break;
    }

  if (link_path == NULL)
    {
      g_debug ("Could not keep a backup of “%s”", path);
      return;
    }

  if (g_rename (link_path, backup_path) != 0)
    {
      g_debug ("Could not keep a backup of “%s”: %s", path, g_strerror (errno));
      g_unlink (link_path);
    }
}

/* Renames @from to @to unless @to exists. Returns 0 or an errno value,
 * EEXIST when @to is taken. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  struct stat st;

  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;

  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return errno;

  /* A hard link never replaces anything either. */
  if (link (from, to) == 0)
    {
      g_unlink (from);
      return 0;
    }

  if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EMLINK)
    return errno;

  /* Neither is supported here; the window between the two calls is the
   * best this file system allows. */
  if (lstat (to, &st) == 0)
    return EEXIST;

  if (g_rename (from, to) != 0)
    return errno;

  return 0;
}

/* "Revue (conflict 2026-11-20 14-03-00).regards", beside @path. */
static char *
build_conflict_path (const char *path,
                     GDateTime  *now,
                     guint       n)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H-%M-%S");
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  g_autofree char *extension = NULL;
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    {
      extension = g_strdup (dot);
      *dot = '\0';
    }

  if (n > 1)
    {
      char *numbered = g_strdup_printf ("%s %u", stamp, n);

      g_free (stamp);
      stamp = numbered;
    }

  /* Translators: the name of the copy kept when another program changed
   * a session file at the same time. The first %s is the name of the
   * file, the second a date and time such as "2026-11-20 14-03-00".
   * Keep it a valid file name: no "/". */
  label = g_strdup_printf (_("%s (conflict %s)"), basename, stamp);
  name = g_strconcat (label, extension, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The file changed on disk behind our back: keep it as it is, and put
 * our version, already written at @tmp_path, beside it. Returns the copy
 * with a %RG_DOCUMENT_ERROR_CONFLICT error, or %NULL with a
 * %RG_DOCUMENT_ERROR_WRITE_FAILED one. */
static GFile *
keep_both (const char  *path,
           const char  *dir,
           const char  *tmp_path,
           GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *conflict_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *copy_name = NULL;
  int err = EEXIST;

  for (guint n = 1; n <= MAX_CONFLICT_NAMES && err == EEXIST; n++)
    {
      g_free (conflict_path);
      conflict_path = build_conflict_path (path, now, n);
      err = rename_no_replace (tmp_path, conflict_path);
    }

  if (err != 0)
    {
      g_unlink (tmp_path);
      set_write_error (error, path, err);
      return NULL;
    }

  /* The copy is there whatever the folder sync says. */
  err = sync_dir (dir);
  if (err != 0)
    g_debug ("Could not sync “%s”: %s", dir, g_strerror (err));

  name = g_filename_display_basename (path);
  copy_name = g_filename_display_basename (conflict_path);
  g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CONFLICT,
               _("“%s” was changed by another program while it was open here. "
                 "Both versions are kept: your changes are saved in “%s”."),
               name, copy_name);

  return g_file_new_for_path (conflict_path);
}

/**
 * rg_file_write_atomic:
 * @file: the file to write, on a local file system
 * @contents: the bytes to write
 * @expected_checksum: (nullable): the SHA-256 of what @file held when it
 *   was last loaded or saved, or %NULL to write whatever it holds now
 * @new_checksum: (out) (optional) (transfer full): the SHA-256 of
 *   @contents, set on success and on conflict
 * @conflict_copy: (out) (optional) (transfer full): on conflict, the
 *   copy that received @contents
 * @cancellable: (nullable): a #GCancellable, honoured until the file
 *   is replaced
 * @error: a location for a #GError
 *
 * Replaces @file with @contents without ever losing data: the bytes go
 * to a new temporary file (mode 0600) beside @file, are synced to disk,
 * the previous version is kept as `NAME~`, and only then is the
 * temporary file renamed over @file. At every instant @file exists and
 * holds either the whole previous version or the whole new one, even if
 * the process is killed.
 *
 * If @expected_checksum is given and @file now holds something else —
 * another copy of Regards or a sync tool changed it — @file is left
 * alone: @contents go to a new sibling "NAME (conflict DATE TIME).regards",
 * returned in @conflict_copy, and the function fails with
 * %RG_DOCUMENT_ERROR_CONFLICT. A file that disappeared is simply written
 * again; a file that already holds @contents is left as it is.
 *
 * Missing folders are created (mode 0700) only when @expected_checksum
 * is %NULL, for a file saved for the first time: a folder that vanished
 * under a file already saved is more likely an unplugged disk than
 * something to recreate, and gives an error.
 *
 * Any other failure gives %RG_DOCUMENT_ERROR_WRITE_FAILED with the
 * reason ("The disk is full."), removes the temporary file and leaves
 * the previous version of @file intact.
 *
 * Safe to call from any thread, for different files.
 *
 * Returns: %TRUE if @file now holds @contents
 */
gboolean
rg_file_write_atomic (GFile         *file,
                      GBytes        *contents,
                      const char    *expected_checksum,
                      char         **new_checksum,
                      GFile        **conflict_copy,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *checksum = NULL;
  const char *path;
  const guint8 *data;
  gsize len;
  struct stat st;
  gboolean had_file;
  int err = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_checksum != NULL)
    *new_checksum = NULL;
  if (conflict_copy != NULL)
    *conflict_copy = NULL;

  path = g_file_peek_path (file);
  if (path == NULL)
    {
      g_autofree char *name = display_name_of (file);

      g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_WRITE_FAILED,
                   _("Could not save “%s”. Regards can only save to a folder of this computer."),
                   name);
      return FALSE;
    }

  /* Replace what a symbolic link points to, not the link itself. */
  if (lstat (path, &st) == 0 && S_ISLNK (st.st_mode) && (resolved = realpath (path, NULL)))
    path = resolved;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  data = g_bytes_get_data (contents, &len);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);

  if (expected_checksum == NULL && g_mkdir_with_parents (dir, 0700) != 0)
    return set_write_error (error, path, errno);

  tmp_path = write_temp_file (dir, basename, data, len, &err);
  if (tmp_path == NULL)
    return set_write_error (error, path, err);

  /* Checked as late as possible, to keep the window for a foreign
   * write small. */
  if (expected_checksum != NULL)
    {
      g_autofree char *on_disk = NULL;

      if (checksum_path (path, &on_disk, &err))
        {
          if (g_str_equal (on_disk, checksum))
            {
              /* Already there: rewriting would only turn the backup
               * into a copy of the current version. */
              g_unlink (tmp_path);
              if (new_checksum != NULL)
                *new_checksum = g_steal_pointer (&checksum);
              return TRUE;
            }

          if (!g_str_equal (on_disk, expected_checksum))
            {
              g_autoptr(GFile) copy = keep_both (path, dir, tmp_path, error);

              if (copy != NULL)
                {
                  if (conflict_copy != NULL)
                    *conflict_copy = g_steal_pointer (&copy);
                  if (new_checksum != NULL)
                    *new_checksum = g_steal_pointer (&checksum);
                }

              return FALSE;
            }
        }
      else if (err != ENOENT)
        {
          g_unlink (tmp_path);
          return set_write_error (error, path, err);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  had_file = stat (path, &st) == 0 && S_ISREG (st.st_mode);
  if (had_file)
    keep_backup (path, dir, basename);

  if (g_rename (tmp_path, path) != 0)
    {
      err = errno;
      g_unlink (tmp_path);
      return set_write_error (error, path, err);
    }

  if (had_file)
    {
      g_autofree char *backup_path = g_strconcat (path, "~", NULL);

      /* The backup holds the same data as the file; keep it as private. */
      (void) g_chmod (backup_path, 0600);
    }

  err = sync_dir (dir);
  if (err != 0)
    return set_write_error (error, path, err);

  if (new_checksum != NULL)
    *new_checksum = g_steal_pointer (&checksum);

  return TRUE;
}
