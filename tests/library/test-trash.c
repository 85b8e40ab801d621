/* test-trash.c — session files to the Trash and back
 *
 * The XDG folders are private (rg-test-utils.h), so the home Trash is a
 * folder of the test, on the same file system as the files trashed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rg-test-utils.h"
#include "rg-trash.h"

static char *test_root;

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *dir = g_build_filename (test_root, "library", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* GIO refuses to trash where it cannot make a Trash folder; say so
 * rather than pass. */
static gboolean
trash_or_skip (GFile  *file,
               GFile **trashed)
{
  g_autoptr(GError) error = NULL;

  if (!rg_trash_file (file, trashed, NULL, &error))
    {
      g_assert_nonnull (error);
      g_test_skip_printf ("The Trash is not available here: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

static void
test_trash_and_restore (void)
{
  g_autoptr(GFile) file = write_file ("revue.regards", "one");
  g_autoptr(GFile) trashed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *trash_files = g_build_filename (g_get_user_data_dir (), "Trash", "files", NULL);
  g_autofree char *trashed_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *info_name = NULL;
  g_autofree char *info_path = NULL;

  if (!trash_or_skip (file, &trashed))
    return;

  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_nonnull (trashed);
  g_assert_true (g_file_query_exists (trashed, NULL));
  trashed_path = g_file_get_path (trashed);
  g_assert_true (g_str_has_prefix (trashed_path, trash_files));
  name = g_file_get_basename (trashed);
  info_name = g_strconcat (name, ".trashinfo", NULL);
  info_path = g_build_filename (g_get_user_data_dir (), "Trash", "info", info_name, NULL);
  g_assert_true (g_file_test (info_path, G_FILE_TEST_EXISTS));

  g_assert_true (rg_trash_restore (trashed, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_false (g_file_query_exists (trashed, NULL));
  /* The Trash no longer lists it. */
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));

  contents = read_file (file);
  g_assert_cmpstr (contents, ==, "one");
}

/* Two files trashed from the same place: Undo puts back the last one. */
static void
test_trash_same_name_twice (void)
{
  g_autoptr(GFile) first = write_file ("suivi.regards", "first");
  g_autoptr(GFile) first_trashed = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GFile) second_trashed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  if (!trash_or_skip (first, &first_trashed))
    return;

  /* Deletion dates have a precision of one second. */
  g_usleep (G_USEC_PER_SEC * 11 / 10);
  second = write_file ("suivi.regards", "second");
  if (!trash_or_skip (second, &second_trashed))
    return;

  g_assert_nonnull (first_trashed);
  g_assert_nonnull (second_trashed);
  g_assert_false (g_file_equal (first_trashed, second_trashed));

  g_assert_true (rg_trash_restore (second_trashed, second, NULL, &error));
  g_assert_no_error (error);
  contents = read_file (second);
  g_assert_cmpstr (contents, ==, "second");
  g_assert_true (g_file_query_exists (first_trashed, NULL));
}

/* A new file took the place of the trashed one: it is not overwritten. */
static void
test_restore_taken_place (void)
{
  g_autoptr(GFile) file = write_file ("pris.regards", "old");
  g_autoptr(GFile) trashed = NULL;
  g_autoptr(GFile) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  if (!trash_or_skip (file, &trashed))
    return;

  again = write_file ("pris.regards", "new");
  g_assert_false (rg_trash_restore (trashed, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "pris.regards"));

  contents = read_file (file);
  g_assert_cmpstr (contents, ==, "new");
  g_assert_true (g_file_query_exists (trashed, NULL));
}

static void
test_trash_missing_file (void)
{
  g_autofree char *path = g_build_filename (test_root, "library", "absent.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) trashed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (rg_trash_file (file, &trashed, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "absent.regards"));
  g_assert_null (trashed);
}

int
main (int   argc,
      char *argv[])
{
  test_root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trash/trash-and-restore", test_trash_and_restore);
  g_test_add_func ("/trash/same-name-twice", test_trash_same_name_twice);
  g_test_add_func ("/trash/restore-taken-place", test_restore_taken_place);
  g_test_add_func ("/trash/missing-file", test_trash_missing_file);

  return g_test_run ();
}
