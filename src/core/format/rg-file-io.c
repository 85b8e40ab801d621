/* rg-file-io.c — reading a session file within bounds, writing it without
 * ever losing data
 *
 * Writing does by hand what g_file_replace () does, because a save needs
 * more than an atomic replace: a compare-and-swap of the file's checksum,
 * so that a change another program made since the load is never
 * overwritten; a conflict copy when it was; the previous version kept as
 * `NAME~` through a hard link, so that making the backup costs no copy;
 * fsync of the file and of its folder, so that a crash never leaves an
 * empty file; and the mode and group of the file it replaces, where
 * g_file_replace () would make a new file with the default mode.
 *
 * A save killed half-way leaves its temporary files behind: they are
 * removed later, once surely abandoned (see rg_file_remove_stale_temps ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-file-io"

#include "config.h"

#include <dirent.h>
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
#include "rg-session-xml-private.h"

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

/* Writes @data to a new file in @dir, with @mode and, unless it is -1,
 * group @gid, and makes it durable. Returns its path, or %NULL with
 * @errsv set and nothing left behind. */
static char *
write_temp_file (const char    *dir,
                 const char    *basename,
                 const guint8  *data,
                 gsize          len,
                 mode_t         mode,
                 gid_t          gid,
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

  /* The group first: changing it may clear the set-group-ID bit. Not
   * being a member of the file's group (EPERM) leaves ours: the file
   * is then shared less, never more. */
  if (gid != (gid_t) -1 && fchown (fd, (uid_t) -1, gid) != 0 && errno != EPERM)
    g_debug ("Could not give “%s” the group of the file it replaces: %s",
             tmp_path, g_strerror (errno));

  /* The umask may have taken bits away, never added any; set exactly. */
  (void) fchmod (fd, mode);

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

/* Copies the file at @from to a new temporary file in @dir, with the
 * same mode and group, for file systems without hard links. Returns its
 * path or %NULL. */
static char *
copy_to_temp (const char *from,
              const char *dir,
              const char *basename)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  struct stat st;
  int errsv = 0;

  if (stat (from, &st) != 0 || !g_file_get_contents (from, &contents, &len, NULL))
    return NULL;

  return write_temp_file (dir, basename, (const guint8 *) contents, len,
                          st.st_mode & 07777, st.st_gid, &errsv);
}

/* Keeps the file at @path, about to be replaced, as `NAME~`. The backup
 * is made under a temporary name then renamed, so `NAME~` too always
 * holds a whole version; a hard link or a copy, it has the mode of the
 * version it keeps. A failed backup does not stop the save: the user's
 * work matters more than the copy of the previous version. */
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

#ifdef HAVE_RENAMEAT2
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;

  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return errno;
#endif

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

  /* A new file, private as every new file: the temporary file has the
   * mode of the file there, which the other program may have chosen. */
  (void) g_chmod (tmp_path, 0600);

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

/* Temporary files left behind */

/* The characters g_mkstemp () puts in place of "XXXXXX". */
static gboolean
is_mkstemp_char (char c)
{
  return g_ascii_isalnum (c);
}

static gboolean
is_lower_hex (char c)
{
  return g_ascii_isdigit (c) || (c >= 'a' && c <= 'f');
}

/**
 * rg_file_parse_temp_name:
 * @name: the name of a file, without its folder
 * @is_backup: (out) (optional): whether it is the backup being made
 *
 * Tells the temporary files rg_file_write_atomic () makes from any
 * other file: `.NAME-XXXXXX.tmp`, the new version being written, and
 * `.NAME~-xxxxxxxx.tmp`, the backup being made, where NAME is the name
 * of the file saved, or "regards" when that name is too long.
 *
 * Returns: (transfer full) (nullable): NAME, or %NULL if @name is not
 *   such a temporary file
 */
char *
rg_file_parse_temp_name (const char *name,
                         gboolean   *is_backup)
{
  gsize len;
  gsize stem_len;
  gboolean backup;

  g_return_val_if_fail (name != NULL, NULL);

  len = strlen (name);

  if (name[0] != '.' || !g_str_has_suffix (name, ".tmp"))
    return NULL;

  /* Both end in 8 characters before ".tmp": "-XXXXXX" after a name of
   * at least one character, or "~-xxxxxxxx" */
  if (len >= 1 + 1 + 7 + 4
      && name[len - 4 - 7] == '-'
      && is_mkstemp_char (name[len - 4 - 6]) && is_mkstemp_char (name[len - 4 - 5])
      && is_mkstemp_char (name[len - 4 - 4]) && is_mkstemp_char (name[len - 4 - 3])
      && is_mkstemp_char (name[len - 4 - 2]) && is_mkstemp_char (name[len - 4 - 1]))
    {
      backup = FALSE;
      stem_len = len - 1 - 7 - 4;
    }
  else if (len >= 1 + 1 + 10 + 4
           && name[len - 4 - 10] == '~' && name[len - 4 - 9] == '-')
    {
      for (gsize i = len - 4 - 8; i < len - 4; i++)
        if (!is_lower_hex (name[i]))
          return NULL;

      backup = TRUE;
      stem_len = len - 1 - 10 - 4;
    }
  else
    return NULL;

  if (stem_len == 0 || stem_len > MAX_NAME_IN_TEMP)
    return NULL;

  if (is_backup != NULL)
    *is_backup = backup;

  return g_strndup (name + 1, stem_len);
}

/* Whether the regular file @name in @dir_fd holds a session, or nothing
 * at all (a save killed before it wrote): what Regards writes there. A
 * file of another program with a name of the same shape is left. */
static gboolean
holds_session_or_nothing (int         dir_fd,
                          const char *name)
{
  char head[512];
  gssize n_read;
  int fd = openat (dir_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

  if (fd < 0)
    return FALSE;

  do
    n_read = read (fd, head, sizeof head);
  while (n_read < 0 && errno == EINTR);

  close (fd);

  if (n_read < 0)
    return FALSE;

  return n_read == 0 || memmem (head, n_read, RG_SESSION_NAMESPACE,
                                strlen (RG_SESSION_NAMESPACE)) != NULL;
}

/**
 * rg_file_remove_stale_temp_at:
 * @dir_fd: an open folder
 * @name: the name of a file in it
 * @now: the time, in seconds since the epoch
 *
 * Removes @name if it is a temporary file of an interrupted save (see
 * rg_file_remove_stale_temps ()). For a caller that lists the folder
 * anyway.
 *
 * Returns: %TRUE if it was one, and is gone
 */
gboolean
rg_file_remove_stale_temp_at (int         dir_fd,
                              const char *name,
                              gint64      now)
{
  g_autofree char *stem = NULL;
  struct stat st;

  if (name[0] != '.' || !(stem = rg_file_parse_temp_name (name, NULL)))
    return FALSE;

  if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG (st.st_mode))
    return FALSE;

  /* A clock set back, or a network share's clock ahead: not old. */
  if (now - (gint64) st.st_mtime <= RG_FILE_STALE_TEMP_AGE)
    return FALSE;

  if (!holds_session_or_nothing (dir_fd, name))
    return FALSE;

  if (unlinkat (dir_fd, name, 0) != 0)
    {
      g_debug ("Could not remove the leftover “%s”: %s", name, g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * rg_file_remove_stale_temps:
 * @folder: a folder
 * @cancellable: (nullable): a #GCancellable
 *
 * Removes from @folder the temporary files that saves killed half-way
 * left behind: hidden files named as rg_file_parse_temp_name () says,
 * holding a session or nothing, and older than
 * %RG_FILE_STALE_TEMP_AGE.
 *
 * The age is what keeps a save in progress, by another copy of Regards
 * or another thread, out of harm's way: a save writes its temporary file
 * in one go, each write bringing its modification time up to date, then
 * renames it at once; even 16 MiB on a slow USB stick takes seconds, not
 * minutes. A file older than that was abandoned. The backup being made
 * is a hard link, which has the time of the version it keeps; removing
 * it in the instant between its link and its rename only costs that
 * save its backup.
 *
 * Errors are ignored: this only tidies up. Does blocking I/O.
 *
 * Returns: how many files were removed
 */
guint
rg_file_remove_stale_temps (const char   *folder,
                            GCancellable *cancellable)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct dirent *dent;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n_removed = 0;
  DIR *dir;
  int fd;

  g_return_val_if_fail (folder != NULL, 0);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), 0);

  fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return 0;

  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return 0;
    }

  /* Only the names are kept while listing: a big folder costs no stat
   * but of the few files named like ours. */
  while ((dent = readdir (dir)) != NULL)
    if (dent->d_name[0] == '.' && g_str_has_suffix (dent->d_name, ".tmp"))
      g_ptr_array_add (names, g_strdup (dent->d_name));

  for (guint i = 0; i < names->len && !g_cancellable_is_cancelled (cancellable); i++)
    if (rg_file_remove_stale_temp_at (dirfd (dir), g_ptr_array_index (names, i), now))
      n_removed++;

  closedir (dir);

  return n_removed;
}

/* Tidies @dir before a save writes in it, at most once per
 * %RG_FILE_STALE_TEMP_AGE for each folder: saves come every few seconds,
 * and listing a library folder of thousands of sessions each time would
 * cost more than a leftover file. */
static void
remove_stale_temps_now_and_then (const char *dir)
{
  static GMutex lock;
  static GHashTable *last_done;
  gint64 now = g_get_monotonic_time ();
  gpointer value;
  gboolean due;

  g_mutex_lock (&lock);
  if (last_done == NULL)
    last_done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  due = !g_hash_table_lookup_extended (last_done, dir, NULL, &value)
        || now - *(gint64 *) value > RG_FILE_STALE_TEMP_AGE * G_USEC_PER_SEC;
  if (due)
    g_hash_table_insert (last_done, g_strdup (dir), g_memdup2 (&now, sizeof now));
  g_mutex_unlock (&lock);

  if (due)
    rg_file_remove_stale_temps (dir, NULL);
}

/**
 * rg_file_is_read_only:
 * @file: a session file
 *
 * Whether a save of @file is bound to fail, or would replace what its
 * owner protected: it is not on a local file system, no one may write
 * it (no write bit in its mode: even root, whom access () lets write
 * anything, then keeps off), we may not write it, or we may not write
 * its folder, where a save renames the new version. A file that does
 * not exist is not read-only: a save creates it.
 *
 * Returns: %TRUE if @file is read-only for us
 */
gboolean
rg_file_is_read_only (GFile *file)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  const char *path;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (file), TRUE);

  path = g_file_peek_path (file);
  if (path == NULL)
    return TRUE;

  /* A save replaces what a link points to: judge that. */
  if (lstat (path, &st) == 0 && S_ISLNK (st.st_mode) && (resolved = realpath (path, NULL)))
    path = resolved;

  if (stat (path, &st) != 0)
    return FALSE;

  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return TRUE;

  if (access (path, W_OK) != 0 && errno != ENOENT)
    return TRUE;

  dir = g_path_get_dirname (path);

  return access (dir, W_OK) != 0 && errno != ENOENT;
}

/* A save under way, through the steps of rg_file_write_atomic () */
typedef struct
{
  const char *path;       /* the file to replace; a link is followed */
  char       *resolved;   /* what a link at the given path points to */
  char       *dir;
  char       *basename;
  char       *tmp_path;   /* the new version, written and synced */
  char       *checksum;   /* of the new version */
} Save;

static void
save_clear (Save *save)
{
  g_clear_pointer (&save->resolved, g_free);
  g_clear_pointer (&save->dir, g_free);
  g_clear_pointer (&save->basename, g_free);
  g_clear_pointer (&save->tmp_path, g_free);
  g_clear_pointer (&save->checksum, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Save, save_clear)

/* The first step: finds where @file is, and writes @contents to a new
 * temporary file beside it, durably, with the mode and group of the
 * file it is to replace. With @create_folders, creates the folders
 * missing on the way. */
static gboolean
save_write_temp (Save          *save,
                 GFile         *file,
                 GBytes        *contents,
                 gboolean       create_folders,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const guint8 *data;
  gsize len;
  struct stat st;
  mode_t mode = 0600;
  gid_t gid = (gid_t) -1;
  int err = 0;

  save->path = g_file_peek_path (file);
  if (save->path == NULL)
    {
      g_autofree char *name = display_name_of (file);

      g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_WRITE_FAILED,
                   _("Could not save “%s”. Regards can only save to a folder of this computer."),
                   name);
      return FALSE;
    }

  /* Replace what a symbolic link points to, not the link itself. */
  if (lstat (save->path, &st) == 0 && S_ISLNK (st.st_mode)
      && (save->resolved = realpath (save->path, NULL)))
    save->path = save->resolved;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  save->dir = g_path_get_dirname (save->path);
  save->basename = g_path_get_basename (save->path);
  data = g_bytes_get_data (contents, &len);
  save->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);

  if (create_folders && g_mkdir_with_parents (save->dir, 0700) != 0)
    return set_write_error (error, save->path, errno);

  /* Before writing: leftovers may be what fills the disk. */
  remove_stale_temps_now_and_then (save->dir);

  if (stat (save->path, &st) == 0 && S_ISREG (st.st_mode))
    {
      mode = st.st_mode & 07777;
      gid = st.st_gid;
    }

  save->tmp_path = write_temp_file (save->dir, save->basename, data, len, mode, gid, &err);
  if (save->tmp_path == NULL)
    return set_write_error (error, save->path, err);

  return TRUE;
}

/* What the file to replace holds, against what it held when last read
 * or written */
typedef enum
{
  ON_DISK_AS_EXPECTED,  /* that, or nothing: replace it */
  ON_DISK_ALREADY,      /* the new version already: nothing to do */
  ON_DISK_CHANGED,      /* a version another program wrote: left alone */
  ON_DISK_UNREADABLE,
} OnDisk;

/* The conflict branch of a save: compares what the file holds now with
 * @expected_checksum. Unless it is to be replaced, the temporary file
 * goes: removed, or, for a changed file when @make_copy, renamed to the
 * conflict copy returned in @copy; @error says why for a changed or
 * unreadable file. */
static OnDisk
save_compare_with_disk (Save        *save,
                        const char  *expected_checksum,
                        gboolean     make_copy,
                        GFile      **copy,
                        GError     **error)
{
  g_autofree char *on_disk = NULL;
  int err = 0;

  if (!checksum_path (save->path, &on_disk, &err))
    {
      /* A file that disappeared is simply written again */
      if (err == ENOENT)
        return ON_DISK_AS_EXPECTED;

      g_unlink (save->tmp_path);
      set_write_error (error, save->path, err);
      return ON_DISK_UNREADABLE;
    }

  if (g_str_equal (on_disk, save->checksum))
    {
      /* Rewriting would only turn the backup into a copy of the
       * current version. */
      g_unlink (save->tmp_path);
      return ON_DISK_ALREADY;
    }

  if (g_str_equal (on_disk, expected_checksum))
    return ON_DISK_AS_EXPECTED;

  if (!make_copy)
    {
      g_autofree char *name = g_filename_display_basename (save->path);

      g_unlink (save->tmp_path);
      g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CHANGED,
                   _("“%s” was changed by another program since it was read here."),
                   name);
      return ON_DISK_CHANGED;
    }

  *copy = keep_both (save->path, save->dir, save->tmp_path, error);

  return ON_DISK_CHANGED;
}

/* The last step: keeps the previous version as `NAME~`, and renames the
 * temporary file over the file. */
static gboolean
save_replace (Save    *save,
              GError **error)
{
  struct stat st;
  int err;

  if (stat (save->path, &st) == 0 && S_ISREG (st.st_mode))
    keep_backup (save->path, save->dir, save->basename);

  if (g_rename (save->tmp_path, save->path) != 0)
    {
      err = errno;
      g_unlink (save->tmp_path);
      return set_write_error (error, save->path, err);
    }

  err = sync_dir (save->dir);
  if (err != 0)
    return set_write_error (error, save->path, err);

  return TRUE;
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
 *   copy that received @contents; %NULL to write no copy then
 * @cancellable: (nullable): a #GCancellable, honoured until the file
 *   is replaced
 * @error: a location for a #GError
 *
 * Replaces @file with @contents without ever losing data: the bytes go
 * to a new temporary file beside @file, are synced to disk, the previous
 * version is kept as `NAME~`, and only then is the temporary file
 * renamed over @file. At every instant @file exists and holds either the
 * whole previous version or the whole new one, even if the process is
 * killed.
 *
 * A new file gets mode 0600, whatever the umask: sessions are about
 * families. A file replaced keeps its mode and, when we are a member
 * of it, its group: a session shared with a team through a group stays
 * shared, a file made read-only stays so (see rg_file_is_read_only ()).
 *
 * Temporary files left in the folder by saves killed half-way are
 * removed now and then (see rg_file_remove_stale_temps ()).
 *
 * If @expected_checksum is given and @file now holds something else —
 * another copy of Regards or a sync tool changed it — @file is left
 * alone: @contents go to a new sibling "NAME (conflict DATE TIME).regards",
 * returned in @conflict_copy, and the function fails with
 * %RG_DOCUMENT_ERROR_CONFLICT. Without @conflict_copy, nothing is
 * written then and the function fails with %RG_DOCUMENT_ERROR_CHANGED,
 * so that the caller can merge the two versions and write again. A
 * file that disappeared is simply written again; a file that already
 * holds @contents is left as it is.
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
  g_auto(Save) save = { 0 };
  g_autoptr(GFile) copy = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_checksum != NULL)
    *new_checksum = NULL;
  if (conflict_copy != NULL)
    *conflict_copy = NULL;

  if (!save_write_temp (&save, file, contents, expected_checksum == NULL, cancellable, error))
    return FALSE;

  /* Checked as late as possible, to keep the window for a foreign
   * write small. */
  if (expected_checksum != NULL)
    {
      switch (save_compare_with_disk (&save, expected_checksum, conflict_copy != NULL,
                                      &copy, error))
        {
        case ON_DISK_AS_EXPECTED:
          break;

        case ON_DISK_ALREADY:
          if (new_checksum != NULL)
            *new_checksum = g_steal_pointer (&save.checksum);
          return TRUE;

        case ON_DISK_CHANGED:
          if (copy != NULL)
            {
              if (conflict_copy != NULL)
                *conflict_copy = g_steal_pointer (&copy);
              if (new_checksum != NULL)
                *new_checksum = g_steal_pointer (&save.checksum);
            }
          return FALSE;

        case ON_DISK_UNREADABLE:
        default:
          return FALSE;
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (save.tmp_path);
      return FALSE;
    }

  if (!save_replace (&save, error))
    return FALSE;

  if (new_checksum != NULL)
    *new_checksum = g_steal_pointer (&save.checksum);

  return TRUE;
}
