/* test-file-io.c — reading within bounds and writing without losing data,
 * on real file systems (a real full disk and read-only mount when root)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rg-file-io.h"
#include "rg-test-utils.h"

#define SESSION_NAME "Revue élève A.regards"

static char *test_root;

/* A fresh folder for one test. */
static char *
make_test_dir (void)
{
  char *tmpl = g_build_filename (test_root, "io-XXXXXX", NULL);

  /* Fills in the template in place. */
  g_assert_nonnull (g_mkdtemp_full (tmpl, 0700));

  return tmpl;
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static char *
checksum_of_string (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static void
assert_file_holds (const char *path,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, strlen (expected));
  g_assert_cmpstr (contents, ==, expected);
}

/* g_ptr_array_sort passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in @dir, sorted, joined by "|". */
static char *
list_dir (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

/* Writes as another program would: straight over the file. */
static void
write_behind_our_back (const char *path,
                       const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Saves @text to @path; returns the new checksum. */
static char *
save_text (const char *path,
           const char *text,
           const char *expected_checksum)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = bytes_from_string (text);
  g_autoptr(GFile) conflict = NULL;
  g_autoptr(GError) error = NULL;
  char *checksum = NULL;
  gboolean ok;

  ok = rg_file_write_atomic (file, bytes, expected_checksum, &checksum, &conflict, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_null (conflict);

  return checksum;
}

/* Saving while the file system refuses: the error names the file and
 * the reason, the previous version stays, no temporary file is left. */
static void
assert_save_fails (const char *dir,
                   const char *path,
                   const char *text,
                   const char *expected_checksum,
                   const char *reason)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = bytes_from_string (text);
  g_autoptr(GFile) conflict = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gboolean ok;

  ok = rg_file_write_atomic (file, bytes, expected_checksum, &checksum, &conflict, NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_WRITE_FAILED);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_null (checksum);
  g_assert_null (conflict);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) written = bytes_from_string ("<session>Élève A.</session>\n");
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *write_checksum = NULL;
  g_autofree char *read_checksum = NULL;
  g_autofree char *computed = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (rg_file_write_atomic (file, written, NULL, &write_checksum, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (write_checksum);

  read = rg_file_read_bounded (file, 1024, &read_checksum, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, written));
  g_assert_cmpstr (read_checksum, ==, write_checksum);
  computed = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, written);
  g_assert_cmpstr (read_checksum, ==, computed);

  /* A first save leaves the file alone: no backup, no temporary file. */
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, SESSION_NAME);

  /* An empty session file is a file too. */
  g_clear_pointer (&written, g_bytes_unref);
  g_clear_pointer (&read, g_bytes_unref);
  g_clear_pointer (&read_checksum, g_free);
  written = g_bytes_new (NULL, 0);
  g_assert_true (rg_file_write_atomic (file, written, write_checksum, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  read = rg_file_read_bounded (file, 1024, &read_checksum, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (read), ==, 0);
}

static void
test_permissions (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *sub = g_build_filename (dir, "bibliothèque", "2026", NULL);
  g_autofree char *parent = g_path_get_dirname (sub);
  g_autofree char *path = g_build_filename (sub, SESSION_NAME, NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *checksum = NULL;
  g_autofree char *checksum2 = NULL;
  struct stat st;
  mode_t old_umask;

  /* With no umask to help, the modes must come from the code itself. */
  old_umask = umask (0);
  checksum = save_text (path, "première version", NULL);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
  g_assert_cmpint (g_stat (parent, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);

  /* A file someone made readable by all stays so: they chose it, and
   * so does its backup, a copy of the same version. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  checksum2 = save_text (path, "deuxième version", checksum);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);

  umask (old_umask);
}

/* New files are private whatever the umask gives. */
static void
test_new_file_private (void)
{
  static const mode_t umasks[] = { 0, 022, 077, 0777 };
  g_autofree char *dir = make_test_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (umasks); i++)
    {
      g_autofree char *name = g_strdup_printf ("séance %u.regards", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *checksum = NULL;
      mode_t old_umask = umask (umasks[i]);
      struct stat st;

      checksum = save_text (path, "nouvelle séance", NULL);
      umask (old_umask);

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, 0600);
    }
}

/* A file shared with a group (0660), or protected (0444), keeps its
 * mode and group through saves; its backup has the mode it had. */
static void
test_keeps_mode (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *a = save_text (path, "version A", NULL);
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *listing = NULL;
  gid_t group = getegid ();
  struct stat st;

  /* Root may give any group; others only their own. */
  if (geteuid () == 0)
    group = 4242;

  g_assert_cmpint (chown (path, (uid_t) -1, group), ==, 0);
  g_assert_cmpint (g_chmod (path, 0660), ==, 0);

  b = save_text (path, "version B", a);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0660);
  g_assert_cmpint (st.st_gid, ==, group);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0660);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  c = save_text (path, "version C", b);
  assert_file_holds (path, "version C");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
  assert_file_holds (backup, "version B");

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, SESSION_NAME "|" SESSION_NAME "~");
}

static void
test_backup (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *again = NULL;
  g_autofree char *listing = NULL;

  a = save_text (path, "version A", NULL);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  b = save_text (path, "version B", a);
  assert_file_holds (path, "version B");
  assert_file_holds (backup, "version A");

  c = save_text (path, "version C", b);
  assert_file_holds (path, "version C");
  assert_file_holds (backup, "version B");

  /* Saving what is already there keeps the backup a different version. */
  again = save_text (path, "version C", c);
  g_assert_cmpstr (again, ==, c);
  assert_file_holds (path, "version C");
  assert_file_holds (backup, "version B");

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, SESSION_NAME "|" SESSION_NAME "~");
}

static void
test_conflict (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) conflict = NULL;
  g_autoptr(GFile) conflict2 = NULL;
  g_autoptr(GBytes) ours = bytes_from_string ("nos modifications");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) pattern = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *conflict_name = NULL;
  g_autofree char *conflict2_name = NULL;
  g_autofree char *conflict_path = NULL;
  g_autofree char *conflict_dir = NULL;
  g_autofree char *ours_checksum = checksum_of_string ("nos modifications");
  g_autofree char *listing = NULL;
  g_autofree char *expected_listing = NULL;
  struct stat st;

  a = save_text (path, "version A", NULL);
  b = save_text (path, "version B", a);

  /* A sync tool brings another computer's version. */
  write_behind_our_back (path, "la version de l'autre ordinateur");

  g_assert_false (rg_file_write_atomic (file, ours, b, &checksum, &conflict, NULL, &error));
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CONFLICT);
  g_assert_nonnull (conflict);
  g_test_message ("conflict: %s", error->message);

  /* Both versions are kept: theirs in place, ours in the copy. */
  assert_file_holds (path, "la version de l'autre ordinateur");
  assert_file_holds (backup, "version A");
  conflict_path = g_file_get_path (conflict);
  assert_file_holds (conflict_path, "nos modifications");
  g_assert_cmpstr (checksum, ==, ours_checksum);

  /* Named after the file, beside it, in a way a coordinator reads. */
  conflict_name = g_file_get_basename (conflict);
  pattern = g_regex_new ("^Revue élève A \\(conflict "
                         "\\d{4}-\\d\\d-\\d\\d \\d\\d-\\d\\d-\\d\\d\\)\\.regards$",
                         0, 0, NULL);
  g_assert_true (g_regex_match (pattern, conflict_name, 0, NULL));
  conflict_dir = g_path_get_dirname (conflict_path);
  g_assert_cmpstr (conflict_dir, ==, dir);
  g_assert_nonnull (strstr (error->message, conflict_name));
  g_assert_nonnull (strstr (error->message, SESSION_NAME));

  g_assert_cmpint (g_stat (conflict_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* A second conflict in the same second never overwrites the first. */
  g_clear_error (&error);
  g_clear_pointer (&checksum, g_free);
  g_assert_false (rg_file_write_atomic (file, ours, b, &checksum, &conflict2, NULL, &error));
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CONFLICT);
  conflict2_name = g_file_get_basename (conflict2);
  g_assert_cmpstr (conflict2_name, !=, conflict_name);
  assert_file_holds (conflict_path, "nos modifications");
  assert_file_holds (path, "la version de l'autre ordinateur");

  /* No temporary file left behind. */
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    g_ptr_array_add (names, (char *) SESSION_NAME);
    g_ptr_array_add (names, (char *) SESSION_NAME "~");
    g_ptr_array_add (names, conflict_name);
    g_ptr_array_add (names, conflict2_name);
    g_ptr_array_sort (names, compare_names);
    g_ptr_array_add (names, NULL);
    expected_listing = g_strjoinv ("|", (char **) names->pdata);
  }
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, expected_listing);
}

static void
test_conflict_without_extension (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "notes", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) conflict = NULL;
  g_autoptr(GBytes) ours = bytes_from_string ("ours");
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *name = NULL;

  a = save_text (path, "A", NULL);
  write_behind_our_back (path, "theirs");
  g_assert_false (rg_file_write_atomic (file, ours, a, NULL, &conflict, NULL, &error));
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CONFLICT);
  name = g_file_get_basename (conflict);
  g_assert_true (g_str_has_prefix (name, "notes (conflict "));
  g_assert_true (g_str_has_suffix (name, ")"));
}

static void
test_identical_rewrite (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) ours = bytes_from_string ("version B");
  g_autoptr(GFile) conflict = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *listing = NULL;

  a = save_text (path, "version A", NULL);

  /* A sync tool rewrites the very same bytes: a new inode, a new
   * mtime, but nothing anyone could lose. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  write_behind_our_back (path, "version A");

  g_assert_true (rg_file_write_atomic (file, ours, a, &checksum, &conflict, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (conflict);
  assert_file_holds (path, "version B");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, SESSION_NAME "|" SESSION_NAME "~");
}

static void
test_disappeared (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  a = save_text (path, "version A", NULL);
  g_assert_cmpint (g_unlink (path), ==, 0);

  b = save_text (path, "version B", a);
  assert_file_holds (path, "version B");
}

static void
test_folder_removed (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *a = NULL;

  a = save_text (path, "version A", NULL);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  assert_save_fails (dir, path, "version B", a, "The folder no longer exists");

  /* The folder of a file already saved is not silently recreated: it
   * may be an unplugged disk's mount point. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static gboolean
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  if (geteuid () != 0)
    {
      g_test_skip ("Needs root to mount a small real file system; not root");
      return FALSE;
    }

  if (mount ("regards-test", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      g_autofree char *msg = g_strdup_printf ("Could not mount a tmpfs on %s: %s",
                                              dir, g_strerror (errno));
      g_test_skip (msg);
      return FALSE;
    }

  return TRUE;
}

static void
unmount (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *a = NULL;

  if (geteuid () == 0)
    {
      /* Root writes through any mode bits: use a read-only mount. */
      if (!mount_tmpfs (dir, "256k"))
        return;

      a = save_text (path, "version A", NULL);
      g_assert_cmpint (mount (NULL, dir, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), ==, 0);

      assert_save_fails (dir, path, "version B", a, "read-only");
      assert_file_holds (path, "version A");

      unmount (dir);
      return;
    }

  a = save_text (path, "version A", NULL);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  if (access (dir, W_OK) == 0)
    {
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      g_test_skip ("Permissions do not stop this user from writing (CAP_DAC_OVERRIDE?)");
      return;
    }

  assert_save_fails (dir, path, "version B", a, "not allowed to write");
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  assert_file_holds (path, "version A");
  {
    g_autofree char *listing = list_dir (dir);

    g_assert_cmpstr (listing, ==, SESSION_NAME);
  }
}

static void
test_disk_full (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *big = NULL;
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  char block[4096];
  int fd;

  if (!mount_tmpfs (dir, "64k"))
    return;

  a = save_text (path, "version A", NULL);

  /* Fill the disk to the last byte. */
  memset (block, 'x', sizeof block);
  fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  for (;;)
    {
      gssize n = write (fd, block, sizeof block);

      if (n < 0)
        {
          g_assert_cmpint (errno, ==, ENOSPC);
          break;
        }
      if (n < (gssize) sizeof block)
        {
          n = write (fd, block, 1);
          g_assert_cmpint (n, <, 0);
          g_assert_cmpint (errno, ==, ENOSPC);
          break;
        }
    }
  close (fd);

  big = g_strnfill (8192, 'B');
  assert_save_fails (dir, path, big, a, "The disk is full");
  assert_file_holds (path, "version A");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, SESSION_NAME "|filler");

  /* Once there is room again, saving works. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  b = save_text (path, big, a);
  assert_file_holds (path, big);
  assert_file_holds (backup, "version A");

  unmount (dir);
}

static void
test_cancelled (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) ours = bytes_from_string ("version B");
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *listing = NULL;

  a = save_text (path, "version A", NULL);
  g_cancellable_cancel (cancellable);
  g_assert_false (rg_file_write_atomic (file, ours, a, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_file_holds (path, "version A");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, SESSION_NAME);
}

static void
test_read_too_large (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_strnfill (1000, 'a');
  g_autofree char *checksum = NULL;
  g_autofree char *expected = checksum_of_string (data);

  write_behind_our_back (path, data);

  bytes = rg_file_read_bounded (file, 999, &checksum, NULL, &error);
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_null (bytes);
  g_assert_null (checksum);
  g_assert_nonnull (strstr (error->message, SESSION_NAME));
  g_clear_error (&error);

  /* Exactly at the limit is fine. */
  bytes = rg_file_read_bounded (file, 1000, &checksum, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 1000);
  g_assert_cmpstr (checksum, ==, expected);
}

/* A pipe announces no size and never ends: the limit alone must stop
 * the read, long before memory runs out. */
static void
test_read_endless_pipe (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "endless.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  pid_t writer;
  int status;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  writer = fork ();
  g_assert_cmpint (writer, >=, 0);
  if (writer == 0)
    {
      char block[4096];
      int fd = open (path, O_WRONLY);

      memset (block, '<', sizeof block);
      while (fd >= 0 && write (fd, block, sizeof block) > 0)
        ;
      _exit (0);
    }

  bytes = rg_file_read_bounded (file, 100 * 1024, NULL, NULL, &error);
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_null (bytes);

  kill (writer, SIGKILL);
  g_assert_cmpint (waitpid (writer, &status, 0), ==, writer);
}

static void
test_read_not_found (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "absent.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  bytes = rg_file_read_bounded (file, 1024, NULL, NULL, &error);
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "absent.regards"));
  g_clear_error (&error);

  bytes = rg_file_read_bounded (folder, 1024, NULL, NULL, &error);
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_READ_FAILED);
  g_assert_null (bytes);
}

/* Read-only: no write bit for anybody (even root), or no permission. */
static void
test_is_read_only (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *absent = g_build_filename (dir, "absente.regards", NULL);
  g_autofree char *link = g_build_filename (dir, "lien.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) absent_file = g_file_new_for_path (absent);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) remote = g_file_new_for_uri ("http://example.org/s%C3%A9ance.regards");
  g_autofree char *a = save_text (path, "version A", NULL);

  g_assert_false (rg_file_is_read_only (file));
  g_assert_false (rg_file_is_read_only (absent_file));
  g_assert_true (rg_file_is_read_only (remote));
  g_assert_cmpint (symlink (path, link), ==, 0);
  g_assert_false (rg_file_is_read_only (link_file));

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_true (rg_file_is_read_only (file));
  g_assert_true (rg_file_is_read_only (link_file));

  /* A write bit for the group only: for us, it depends who we are. */
  g_assert_cmpint (g_chmod (path, 0464), ==, 0);
  g_assert_cmpint (rg_file_is_read_only (file), ==, access (path, W_OK) != 0);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_assert_cmpint (rg_file_is_read_only (file), ==, access (dir, W_OK) != 0);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);

  if (geteuid () == 0 && mount_tmpfs (dir, "256k"))
    {
      g_autofree char *b = save_text (path, "version B", NULL);

      g_assert_false (rg_file_is_read_only (file));
      g_assert_cmpint (mount (NULL, dir, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
      g_assert_true (rg_file_is_read_only (file));
      unmount (dir);
    }
}

static void
test_parse_temp_name (void)
{
  static const struct
  {
    const char *name;
    const char *stem;
    gboolean    backup;
  } cases[] = {
    { ".Revue.regards-Ab12Cd.tmp", "Revue.regards", FALSE },
    { ".Revue.regards~-0a1b2c3d.tmp", "Revue.regards", TRUE },
    { ".regards-zzzzzz.tmp", "regards", FALSE },
    { ".a-1.regards-XyZ000.tmp", "a-1.regards", FALSE },
    { "..caché.regards-aBcDeF.tmp", ".caché.regards", FALSE },
    { ".x~-Ab12Cd.tmp", "x~", FALSE },
    /* Not ours */
    { "Revue.regards-Ab12Cd.tmp", NULL, FALSE },
    { ".Revue.regards-Ab12C.tmp", NULL, FALSE },
    { ".Revue.regards-Ab12Cde.tmp", NULL, FALSE },
    { ".Revue.regards-Ab-2Cd.tmp", NULL, FALSE },
    { ".Revue.regards-Ab12Cd.tmp~", NULL, FALSE },
    { ".Revue.regards-Ab12Cd.TMP", NULL, FALSE },
    { ".Revue.regards~-0A1B2C3D.tmp", NULL, FALSE },
    { ".Revue.regards~-0a1b2c3.tmp", NULL, FALSE },
    { ".Revue.regards~0a1b2c3d.tmp", NULL, FALSE },
    { ".a-1.regards-long-name.tmp", NULL, FALSE },
    { ".-Ab12Cd.tmp", NULL, FALSE },
    { ".~-0a1b2c3d.tmp", NULL, FALSE },
    { ".tmp", NULL, FALSE },
    { "", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean backup = !cases[i].backup;
      g_autofree char *stem = rg_file_parse_temp_name (cases[i].name, &backup);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (stem, ==, cases[i].stem);
      if (stem != NULL)
        g_assert_cmpint (backup, ==, cases[i].backup);
    }

  /* What rg_file_write_atomic () names after a very long name */
  {
    g_autofree char *longest = g_strnfill (160, 'a');
    g_autofree char *too_long = g_strnfill (161, 'a');
    g_autofree char *fits = g_strdup_printf (".%s-Ab12Cd.tmp", longest);
    g_autofree char *does_not = g_strdup_printf (".%s-Ab12Cd.tmp", too_long);
    g_autofree char *stem = rg_file_parse_temp_name (fits, NULL);
    g_autofree char *none = rg_file_parse_temp_name (does_not, NULL);

    g_assert_cmpstr (stem, ==, longest);
    g_assert_null (none);
  }
}

#define SESSION_START "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
                      "<session xmlns=\"urn:x-regards:session\" format-version=\"2\">"

/* Writes @text to @name in @dir, last changed @age seconds ago. */
static char *
make_file_aged (const char *dir,
                const char *name,
                const char *text,
                gint64      age)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  struct timespec times[2];

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  times[0].tv_sec = times[1].tv_sec = time (NULL) - age;
  times[0].tv_nsec = times[1].tv_nsec = 0;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW), ==, 0);

  return path;
}

#define OLD (RG_FILE_STALE_TEMP_AGE + 60)

/* Only Regards' own temporary files, abandoned long enough, go. */
static void
test_remove_stale_temps (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *listing = NULL;
  g_autofree char *subdir = g_build_filename (dir, ".b.regards-Dir000.tmp", NULL);
  g_autofree char *link = g_build_filename (dir, ".c.regards-Lnk000.tmp", NULL);
  g_autofree char *target = NULL;

  g_free (make_file_aged (dir, "a.regards", SESSION_START "</session>", OLD));
  /* Abandoned: a new version, a backup being made, an empty one */
  g_free (make_file_aged (dir, ".a.regards-Ab12Cd.tmp", SESSION_START "<title>Rev", OLD));
  g_free (make_file_aged (dir, ".a.regards~-0a1b2c3d.tmp", SESSION_START "</session>", OLD));
  g_free (make_file_aged (dir, ".regards-Xy34Zw.tmp", "", OLD));
  /* Kept: a save in progress, another program's file, other names */
  g_free (make_file_aged (dir, ".a.regards-Fresh0.tmp", SESSION_START, 5));
  g_free (make_file_aged (dir, ".rapport.pdf-Ab12Cd.tmp", "%PDF-1.7", OLD));
  g_free (make_file_aged (dir, ".a.regards-long-name.tmp", SESSION_START, OLD));
  g_free (make_file_aged (dir, "a.regards-Ab12Cd.tmp", SESSION_START, OLD));
  g_free (make_file_aged (dir, "a.regards~", SESSION_START, OLD));
  target = make_file_aged (dir, "cible", SESSION_START, OLD);
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  g_assert_cmpint (symlink (target, link), ==, 0);

  g_assert_cmpuint (rg_file_remove_stale_temps (dir, NULL), ==, 3);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==,
                   ".a.regards-Fresh0.tmp|.a.regards-long-name.tmp|.b.regards-Dir000.tmp|"
                   ".c.regards-Lnk000.tmp|.rapport.pdf-Ab12Cd.tmp|a.regards|a.regards-Ab12Cd.tmp|"
                   "a.regards~|cible");

  /* A folder that is not there has nothing to remove. */
  g_assert_cmpuint (rg_file_remove_stale_temps ("/nonexistent/folder", NULL), ==, 0);
}

/* A save tidies its folder, but does not list it at every save. */
static void
test_save_removes_stale_temps (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, "a.regards", NULL);
  g_autofree char *first = make_file_aged (dir, ".a.regards-Ab12Cd.tmp", SESSION_START, OLD);
  g_autofree char *second = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  a = save_text (path, SESSION_START "</session>", NULL);
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));

  second = make_file_aged (dir, ".a.regards~-0a1b2c3d.tmp", SESSION_START, OLD);
  b = save_text (path, SESSION_START "<title/></session>", a);
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
}

static int
remove_entry (const char        *path,
              const struct stat *st,
              int                flag,
              struct FTW        *ftw)
{
  remove (path);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_root = rg_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-io/write/round-trip", test_round_trip);
  g_test_add_func ("/file-io/write/permissions", test_permissions);
  g_test_add_func ("/file-io/write/new-file-private", test_new_file_private);
  g_test_add_func ("/file-io/write/keeps-mode", test_keeps_mode);
  g_test_add_func ("/file-io/read-only", test_is_read_only);
  g_test_add_func ("/file-io/write/backup", test_backup);
  g_test_add_func ("/file-io/write/conflict", test_conflict);
  g_test_add_func ("/file-io/write/conflict-without-extension", test_conflict_without_extension);
  g_test_add_func ("/file-io/write/identical-rewrite", test_identical_rewrite);
  g_test_add_func ("/file-io/write/disappeared", test_disappeared);
  g_test_add_func ("/file-io/write/folder-removed", test_folder_removed);
  g_test_add_func ("/file-io/write/read-only-folder", test_read_only_folder);
  g_test_add_func ("/file-io/write/disk-full", test_disk_full);
  g_test_add_func ("/file-io/write/cancelled", test_cancelled);
  g_test_add_func ("/file-io/read/too-large", test_read_too_large);
  g_test_add_func ("/file-io/read/endless-pipe", test_read_endless_pipe);
  g_test_add_func ("/file-io/read/not-found", test_read_not_found);
  g_test_add_func ("/file-io/temp/parse-name", test_parse_temp_name);
  g_test_add_func ("/file-io/temp/remove-stale", test_remove_stale_temps);
  g_test_add_func ("/file-io/temp/removed-on-save", test_save_removes_stale_temps);

  ret = g_test_run ();

  /* Deepest first, never crossing into a mount left by a failed test. */
  nftw (test_root, remove_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
  g_free (test_root);

  return ret;
}
