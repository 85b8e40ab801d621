/* test-document.c — a session and its file: loading, saving, conflicts,
 * and saves killed with SIGKILL at random moments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rg-conflict.h"
#include "rg-document.h"
#include "rg-session.h"
#include "rg-session-xml.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

#define SESSION_NAME "Revue élève A.regards"
#define TITLE_A      "Revue de situation — version A"
#define TITLE_B      "Revue de situation — version B, un peu plus longue pour changer la taille"

#define CRASH_ROUNDS      200
#define CRASH_MAX_DELAY   20000 /* µs */

static char *test_root;
static char *self_exe;

static char *
make_test_dir (void)
{
  char *tmpl = g_build_filename (test_root, "doc-XXXXXX", NULL);

  /* Fills in the template in place. */
  g_assert_nonnull (g_mkdtemp_full (tmpl, 0700));

  return tmpl;
}

static GBytes *
session_bytes_with_title (const char *title)
{
  g_autoptr(RgSession) session = rg_test_load_example ();

  rg_session_set_title (session, title);

  return rg_session_to_bytes (session);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* @bytes without the versions a save names as known: what
 * rg_session_to_bytes () writes. */
static GBytes *
strip_known_versions (GBytes *bytes)
{
  g_autoptr(GRegex) known = g_regex_new (" known-versions=\"[0-9a-f ]*\"", 0, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *stripped = g_regex_replace (known, text, -1, 0, "", 0, NULL);

  return g_bytes_new (stripped, strlen (stripped));
}

static GBytes *
read_session_bytes (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  return strip_known_versions (bytes);
}

static void
assert_file_holds (const char *path,
                   GBytes     *expected)
{
  g_autoptr(GBytes) bytes = read_session_bytes (path);
  g_autoptr(GBytes) expected_session = strip_known_versions (expected);

  g_assert_true (g_bytes_equal (bytes, expected_session));
}

static void
write_behind_our_back (const char *path,
                       const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Saves @session as a new document at @path and returns it. */
static RgDocument *
save_new_document (RgSession  *session,
                   const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RgDocument *document = rg_document_new (session, file);

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return document;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_new (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *sub = g_build_filename (dir, "sessions", NULL);
  g_autofree char *path = g_build_filename (sub, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;
  struct stat st;

  document = rg_document_new (session, file);
  g_assert_true (rg_document_get_session (document) == session);
  g_assert_true (g_file_equal (rg_document_get_file (document), file));
  g_assert_null (rg_document_get_checksum (document));

  /* Not on disk yet: autosave must pick it up. */
  g_assert_true (rg_document_get_modified (document));

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rg_document_get_modified (document));

  expected = rg_session_to_bytes (session);
  assert_file_holds (path, expected);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, expected);
  g_assert_cmpstr (rg_document_get_checksum (document), ==, checksum);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
}

static void
test_load_save_reload (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) original = rg_test_load_example ();
  g_autoptr(RgDocument) first = save_new_document (original, path);
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(RgDocument) reloaded = NULL;
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  RgSession *session;

  document = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rg_document_get_modified (document));
  g_assert_cmpstr (rg_document_get_checksum (document), ==, rg_document_get_checksum (first));

  session = rg_document_get_session (document);
  g_assert_cmpstr (rg_session_get_title (session), ==, rg_session_get_title (original));

  rg_session_set_title (session, "Revue de situation — trimestre 2");
  g_assert_true (rg_document_get_modified (document));
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rg_document_get_modified (document));

  /* The previous version is the backup. */
  assert_file_holds (backup, before);

  reloaded = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rg_session_get_title (rg_document_get_session (reloaded)), ==,
                   "Revue de situation — trimestre 2");
  g_assert_cmpstr (rg_document_get_checksum (reloaded), ==, rg_document_get_checksum (document));

  /* Saving a reloaded, unchanged session writes the same bytes. */
  g_assert_true (rg_document_save (reloaded, NULL, &error));
  g_assert_no_error (error);
  after = rg_session_to_bytes (session);
  assert_file_holds (path, after);
}

static void
test_modified (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgDocument) document = save_new_document (session, path);
  g_autoptr(GError) error = NULL;
  guint notified = 0;
  gboolean modified = TRUE;

  g_signal_connect (document, "notify::modified", G_CALLBACK (count_notify), &notified);

  /* Notified once per change of value, not once per edit. */
  rg_session_set_title (session, "Un");
  rg_session_set_place (session, "Salle 4");
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (document, "modified", &modified, NULL);
  g_assert_true (modified);

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (document, "modified", &modified, NULL);
  g_assert_false (modified);

  /* A failed save keeps the changes marked as not saved. */
  rg_session_set_title (session, "Deux");
  g_assert_cmpint (g_unlink (path), ==, 0);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_assert_cmpint (g_unlink (backup), ==, 0);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_false (rg_document_save (document, NULL, &error));
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_WRITE_FAILED);
  g_assert_true (rg_document_get_modified (document));
}

static void
test_conflict (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) original = rg_test_load_example ();
  g_autoptr(RgDocument) first = save_new_document (original, path);
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) ours_later = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *copy_name = NULL;
  GFile *copy;
  RgSession *session;
  guint file_notified = 0;

  document = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  session = rg_document_get_session (document);
  g_signal_connect (document, "notify::file", G_CALLBACK (count_notify), &file_notified);

  /* Another copy of Regards, on another computer, through a sync tool. */
  write_behind_our_back (path, "<autre version/>");
  theirs = read_bytes (path);

  rg_session_set_title (session, "Notre version");
  g_assert_false (rg_document_save (document, NULL, &error));
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* Theirs untouched; ours in the copy, which the document now is. */
  assert_file_holds (path, theirs);
  copy = rg_document_get_file (document);
  g_assert_false (g_file_equal (copy, file));
  g_assert_cmpuint (file_notified, ==, 1);
  copy_path = g_file_get_path (copy);
  copy_name = g_file_get_basename (copy);
  g_assert_true (g_str_has_prefix (copy_name, "Revue élève A (conflict "));
  g_assert_true (g_str_has_suffix (copy_name, ").regards"));
  ours = rg_session_to_bytes (session);
  assert_file_holds (copy_path, ours);

  /* Our work is on disk, in the copy. */
  g_assert_false (rg_document_get_modified (document));

  /* Later saves go on in the copy, without a conflict. */
  rg_session_set_title (session, "Notre version, suite");
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (rg_document_get_file (document), copy));
  ours_later = rg_session_to_bytes (session);
  assert_file_holds (copy_path, ours_later);
  assert_file_holds (path, theirs);
}

typedef struct
{
  GPtrArray *results; /* of GError, NULL for a success, in order */
  guint      pending;
  guint      save_again : 1;
} AsyncSaves;

static void ask_save (AsyncSaves *saves,
                      RgDocument *document);

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncSaves *saves = user_data;
  GError *error = NULL;

  rg_document_save_finish (RG_DOCUMENT (object), result, &error);
  g_ptr_array_add (saves->results, error);
  saves->pending--;

  /* As autosave does when the session changed during the save. */
  if (saves->save_again)
    {
      saves->save_again = FALSE;
      ask_save (saves, RG_DOCUMENT (object));
    }
}

static void
ask_save (AsyncSaves *saves,
          RgDocument *document)
{
  rg_document_save_async (document, NULL, save_done_cb, saves);
  saves->pending++;
}

/* Runs the main loop until every save asked for is done; all of them,
 * @n_saves so far, must have succeeded. */
static void
wait_for_saves (AsyncSaves *saves,
                guint       n_saves)
{
  while (saves->pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (saves->results->len, ==, n_saves);
  for (guint i = 0; i < saves->results->len; i++)
    g_assert_no_error (g_ptr_array_index (saves->results, i));
}

/* Worker threads drop their references a moment after the callbacks
 * ran; then the object must go away: no save may still be running. */
static void
assert_finalized_soon (gpointer object)
{
  g_autoptr(GTimer) timer = g_timer_new ();

  while (G_OBJECT (object)->ref_count > 1 && g_timer_elapsed (timer, NULL) < 5)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }

  g_assert_finalize_object (object);
}

static void
test_save_async (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(RgSession) session = rg_test_load_example ();
  RgDocument *document = save_new_document (session, path);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  AsyncSaves saves = { g_ptr_array_new (), 0, FALSE };

  /* Three saves in a row, each of a different version: they must not
   * take each other for another program's change. */
  rg_session_set_title (session, "Première");
  ask_save (&saves, document);
  rg_session_set_title (session, "Deuxième");
  second = rg_session_to_bytes (session);
  ask_save (&saves, document);
  rg_session_set_title (session, "Troisième");
  third = rg_session_to_bytes (session);
  ask_save (&saves, document);

  /* A change after the last save was asked for. */
  rg_session_set_place (session, "Ailleurs");

  wait_for_saves (&saves, 3);
  assert_file_holds (path, third);
  assert_file_holds (backup, second);

  /* The file lacks the last change: still modified. */
  g_assert_true (rg_document_get_modified (document));

  /* A save asked for from the callback of the last one: it starts
   * once, at once. */
  saves.save_again = TRUE;
  ask_save (&saves, document);
  rg_session_set_place (session, "Encore ailleurs");
  wait_for_saves (&saves, 5);
  g_assert_false (rg_document_get_modified (document));
  {
    g_autoptr(GBytes) last = rg_session_to_bytes (session);

    assert_file_holds (path, last);
  }

  assert_finalized_soon (document);

  g_ptr_array_unref (saves.results);
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

/* Asks for a save in the background, and waits for its error. */
static GError *
save_async_error (RgDocument *document)
{
  AsyncSaves saves = { g_ptr_array_new (), 0, FALSE };
  GError *error;

  ask_save (&saves, document);
  while (saves.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (saves.results->len, ==, 1);
  error = g_ptr_array_index (saves.results, 0);
  g_ptr_array_unref (saves.results);

  return error;
}

/* A file no one may write (mode 0444: even root, whom permissions do
 * not stop) opens read-only: saves fail at once and write nothing, and
 * a copy elsewhere keeps the changes. */
static void
test_read_only (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copie.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(RgSession) original = rg_test_load_example ();
  g_autoptr(RgDocument) first = save_new_document (original, path);
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(RgDocument) reloaded = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  gboolean read_only = FALSE;
  struct stat st;

  g_assert_false (rg_document_get_read_only (first));

  document = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rg_document_get_read_only (document));
  g_clear_object (&document);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = read_bytes (path);
  document = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rg_document_get_read_only (document));
  g_object_get (document, "read-only", &read_only, NULL);
  g_assert_true (read_only);

  rg_session_set_title (rg_document_get_session (document), "Modifiée");
  g_assert_false (rg_document_save (document, NULL, &error));
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, SESSION_NAME));
  g_assert_nonnull (strstr (error->message, "can only be read"));
  g_clear_error (&error);

  error = save_async_error (document);
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Nothing written: no new version, no backup, no conflict copy */
  assert_file_holds (path, before);
  g_assert_true (rg_document_get_modified (document));
  g_assert_true (g_file_equal (rg_document_get_file (document), file));
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, SESSION_NAME);

  /* Kept elsewhere, in a private new file; the document stays as it was */
  g_assert_true (rg_document_save_copy (document, copy, NULL, &error));
  g_assert_no_error (error);
  expected = rg_session_to_bytes (rg_document_get_session (document));
  assert_file_holds (copy_path, expected);
  g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_true (g_file_equal (rg_document_get_file (document), file));
  g_assert_true (rg_document_get_modified (document));
  assert_file_holds (path, before);

  reloaded = rg_document_new_from_file (copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rg_document_get_read_only (reloaded));
  g_assert_cmpstr (rg_session_get_title (rg_document_get_session (reloaded)), ==, "Modifiée");

  /* A copy over the file itself is a save, refused as well */
  g_assert_false (rg_document_save_copy (document, file, NULL, &error));
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_READ_ONLY);
  assert_file_holds (path, before);
}

/* Adds @n statements of @len bytes each to @session. */
static void
add_long_statements (RgSession *session,
                     guint      n,
                     gsize      len)
{
  g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session),
                                                            0);
  g_autofree char *text = g_strnfill (len, 'a');

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStatement) statement = NULL;

      text[0] = 'A' + i % 26;
      statement = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                                    RG_STATEMENT_KIND_FACT, text);
      rg_session_add_statement (session, statement);
    }
}

/* Saving a session the loader would refuse fails, and leaves every file
 * as it was: in place, in the background, or as a copy. */
static void
assert_save_refused (RgDocument *document,
                     const char *dir,
                     const char *path,
                     const char *reason)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autofree char *listing = list_dir (dir);
  g_autofree char *copy_path = g_build_filename (dir, "copie.regards", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing_after = NULL;

  g_assert_false (rg_document_save (document, NULL, &error));
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, "too large to be saved"));
  g_assert_nonnull (strstr (error->message, reason));
  g_clear_error (&error);

  error = save_async_error (document);
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_false (rg_document_save_copy (document, copy, NULL, &error));
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "copie.regards"));

  assert_file_holds (path, before);
  listing_after = list_dir (dir);
  g_assert_cmpstr (listing_after, ==, listing);
  g_assert_true (rg_document_get_modified (document));
}

static void
test_too_large (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) original = rg_test_load_example ();
  g_autoptr(RgDocument) first = save_new_document (original, path);
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RgSession *session;

  document = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  session = rg_document_get_session (document);

  /* Just over the limit: 16 statements of 1 MiB and the rest */
  add_long_statements (session, RG_SESSION_MAX_SIZE / (1024 * 1024), 1024 * 1024);
  bytes = rg_session_to_bytes (session);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, RG_SESSION_MAX_SIZE);
  g_assert_cmpuint (g_bytes_get_size (bytes), <, RG_SESSION_MAX_SIZE + 64 * 1024);

  /* What the loader says of such a file */
  g_assert_null (rg_session_new_from_bytes (bytes, &error));
  g_assert_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  assert_save_refused (document, dir, path, "at most 16 MiB");
}

/* libxml2 refuses a text longer than 10,000,000 bytes, in a file well
 * within the size limit: such a session is refused too, but one just
 * short of it is saved and opened again. */
static void
test_text_too_long (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgDocument) document = save_new_document (session, path);
  g_autoptr(RgDocument) reloaded = NULL;
  g_autoptr(RgStatement) longest = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *statements = rg_session_get_statements (session);

  add_long_statements (session, 1, 10000000);
  longest = g_list_model_get_item (statements, g_list_model_get_n_items (statements) - 1);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);
  reloaded = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rg_session_find_statement (rg_document_get_session (reloaded),
                                               rg_statement_get_id (longest)));

  /* One byte more */
  g_assert_true (rg_session_remove_statement (session, longest));
  add_long_statements (session, 1, 10000001);
  bytes = rg_session_to_bytes (session);
  g_assert_cmpuint (g_bytes_get_size (bytes), <, RG_SESSION_MAX_SIZE);
  g_assert_null (rg_session_new_from_bytes (bytes, &error));
  g_assert_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  assert_save_refused (document, dir, path, "One of its texts is longer");
}

/* Texts that quote markup look like attributes and namespace
 * declarations to the loader's count: saved all the same, word for
 * word. */
static void
test_markup_in_texts (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(RgDocument) reloaded = NULL;
  g_autoptr(GString) text = g_string_new ("Le formulaire en ligne : ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = rg_session_to_bytes (session);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (session), 0);
  RgStatement *statement;
  RgSession *loaded;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (text, "<input name=\"champ%u\" value='%u' xmlns=\"x\"> ", i, i);
  statement = g_list_model_get_item (rg_session_get_statements (session), 0);
  rg_statement_set_text (statement, text->str);
  g_object_unref (statement);
  rg_partner_set_name (partner, "Mme \"xmlns\" l'Hôte");

  document = save_new_document (session, path);
  reloaded = rg_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  loaded = rg_document_get_session (reloaded);
  statement = g_list_model_get_item (rg_session_get_statements (loaded), 0);
  g_assert_cmpstr (rg_statement_get_text (statement), ==, text->str);
  g_object_unref (statement);
  bytes = rg_session_to_bytes (loaded);
  assert_file_holds (path, bytes);
  g_assert_nonnull (memmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            "&#120;mlns", 10));

  /* A session without such texts is written as it always was */
  g_assert_null (memmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), "&quot;", 6));
}

static void
test_conflict_async (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(RgSession) session = rg_test_load_example ();
  RgDocument *document = save_new_document (session, path);
  g_autoptr(GFile) file = g_object_ref (rg_document_get_file (document));
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *copy_path = NULL;
  AsyncSaves saves = { results, 0, FALSE };

  write_behind_our_back (path, "<autre version/>");
  theirs = read_bytes (path);
  rg_session_set_title (session, "Notre version");
  ours = rg_session_to_bytes (session);

  ask_save (&saves, document);
  while (saves.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  /* By the time the caller hears of it, the document moved to the copy. */
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_error ((GError *) g_ptr_array_index (results, 0),
                  RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CONFLICT);
  g_assert_false (g_file_equal (rg_document_get_file (document), file));
  copy_path = g_file_get_path (rg_document_get_file (document));
  assert_file_holds (copy_path, ours);
  assert_file_holds (path, theirs);
  g_assert_false (rg_document_get_modified (document));

  assert_finalized_soon (document);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static RgDocument *
load_sync_through_async (GFile   *file,
                         GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rg_document_load_async (file, NULL, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rg_document_load_finish (result, error);
}

static void
test_load_async (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *absent_path = g_build_filename (dir, "absente.regards", NULL);
  g_autofree char *broken_path = g_build_filename (dir, "abîmée.regards", NULL);
  g_autofree char *huge_path = g_build_filename (dir, "énorme.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) absent = g_file_new_for_path (absent_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) huge = g_file_new_for_path (huge_path);
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgDocument) saved = save_new_document (session, path);
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = rg_session_to_bytes (session);
  g_autoptr(GBytes) reserialised = NULL;
  int fd;

  document = load_sync_through_async (file, &error);
  g_assert_no_error (error);
  g_assert_false (rg_document_get_modified (document));
  reserialised = rg_session_to_bytes (rg_document_get_session (document));
  g_assert_true (g_bytes_equal (reserialised, expected));
  g_clear_object (&document);

  document = load_sync_through_async (absent, &error);
  g_assert_null (document);
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Half a file, as a crash without atomic saves would leave. */
  {
    gsize len;
    const char *data = g_bytes_get_data (expected, &len);
    g_autoptr(GError) write_error = NULL;

    g_file_set_contents (broken_path, data, len / 2, &write_error);
    g_assert_no_error (write_error);
  }
  document = load_sync_through_async (broken, &error);
  g_assert_null (document);
  g_assert_true (error != NULL && error->domain == RG_FORMAT_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "Could not open “abîmée.regards”. "));
  g_clear_error (&error);

  /* Over the limit: refused from its size, without reading 17 MiB. */
  fd = g_open (huge_path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, RG_SESSION_MAX_SIZE + 1), ==, 0);
  close (fd);
  document = load_sync_through_async (huge, &error);
  g_assert_null (document);
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE);
}

/* The crash test's child: saves versions A and B of the session at
 * @path in turn, for ever, until killed. Says "ready" on stdout once a
 * first save went through. */
static int
run_crash_child (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  RgSession *session;

  document = rg_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  session = rg_document_get_session (document);

  for (guint64 i = 0; ; i++)
    {
      rg_session_set_title (session, i % 2 == 0 ? TITLE_A : TITLE_B);
      if (!rg_document_save (document, NULL, &error))
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }

      if (i == 0)
        {
          if (write (STDOUT_FILENO, "r", 1) != 1)
            return 1;
        }
    }

  return 0;
}

static gboolean
is_session_file_name (const char *name)
{
  return g_str_has_suffix (name, ".regards");
}

static void
test_crash (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) a = session_bytes_with_title (TITLE_A);
  g_autoptr(GBytes) b = session_bytes_with_title (TITLE_B);
  g_autoptr(GTimer) timer = g_timer_new ();
  guint found_a = 0;
  guint found_b = 0;
  guint most_strays = 0;

  g_assert_false (g_bytes_equal (a, b));

  {
    g_autoptr(RgSession) session = rg_test_load_example ();
    g_autoptr(RgDocument) document = NULL;

    rg_session_set_title (session, TITLE_A);
    document = save_new_document (session, path);
    assert_file_holds (path, a);
  }

  for (guint round = 0; round < CRASH_ROUNDS; round++)
    {
      const char *argv[] = { self_exe, "--crash-child", path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(RgDocument) reloaded = NULL;
      g_autoptr(GBytes) on_disk = NULL;
      g_autoptr(GDir) listing = NULL;
      struct pollfd pfd;
      const char *name;
      guint strays = 0;
      GPid pid;
      int out_fd;
      int status;
      char ready;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Wait until the child is saving, then kill it at a random
       * moment of its loop. */
      pfd.fd = out_fd;
      pfd.events = POLLIN;
      g_assert_cmpint (poll (&pfd, 1, 10000), ==, 1);
      g_assert_cmpint (read (out_fd, &ready, 1), ==, 1);
      g_usleep (g_test_rand_int_range (0, CRASH_MAX_DELAY + 1));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      close (out_fd);
      g_spawn_close_pid (pid);

      /* Killed while saving, not stopped by an error of its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* The file is one whole version, never a mix or a stub. */
      on_disk = read_session_bytes (path);
      if (g_bytes_equal (on_disk, a))
        found_a++;
      else if (g_bytes_equal (on_disk, b))
        found_b++;
      else
        g_error ("Round %u: the file holds neither version (%" G_GSIZE_FORMAT " bytes)",
                 round, g_bytes_get_size (on_disk));

      reloaded = rg_document_new_from_file (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (reloaded);

      /* The backup, when there is one, is a whole version too. */
      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GBytes) kept = read_session_bytes (backup);

          g_assert_true (g_bytes_equal (kept, a) || g_bytes_equal (kept, b));
        }

      /* No other session file: no broken half-write, no spurious
       * conflict copy. Temporary files may stay, named otherwise. */
      listing = g_dir_open (dir, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (listing)))
        {
          if (g_str_equal (name, SESSION_NAME) || g_str_equal (name, SESSION_NAME "~"))
            continue;

          g_assert_false (is_session_file_name (name));
          g_assert_true (name[0] == '.');
          strays++;
        }
      most_strays = MAX (most_strays, strays);
    }

  g_test_message ("%u kills in %.1f s: file held version A %u times, B %u times; "
                  "%u temporary files left in the end",
                  CRASH_ROUNDS, g_timer_elapsed (timer, NULL), found_a, found_b, most_strays);

  /* Kills landed at different points of the loop. */
  g_assert_cmpuint (found_a, >, 0);
  g_assert_cmpuint (found_b, >, 0);
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

/* {{{ Another program writes the same session */

static RgStatement *
nth_statement (RgSession *session,
               guint      n)
{
  g_autoptr(RgStatement) statement = g_list_model_get_item (rg_session_get_statements (session), n);

  return statement;
}

static gboolean
has_statement_text (RgSession  *session,
                    const char *text)
{
  GListModel *statements = rg_session_get_statements (session);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      if (g_strcmp0 (rg_statement_get_text (statement), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static RgSession *
load_path (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  RgSession *session = rg_session_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return session;
}

/* Only the session file and its backup: nothing forked. */
static void
assert_no_copies (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_equal (name, SESSION_NAME) || g_str_equal (name, SESSION_NAME "~"));
}

/* Two copies of Regards edit the same file, each a different statement,
 * and both save: the second merges the first's edit in, and writes
 * both. */
static void
test_merge_on_save (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) original = rg_test_load_example ();
  g_autoptr(RgDocument) first = save_new_document (original, path);
  g_autoptr(RgDocument) here = rg_document_new_from_file (file, NULL, NULL);
  g_autoptr(RgDocument) there = rg_document_new_from_file (file, NULL, NULL);
  g_autoptr(RgSession) on_disk = NULL;
  g_autoptr(GError) error = NULL;

  rg_statement_set_text (nth_statement (rg_document_get_session (there), 0), "Écrit là-bas");
  g_assert_true (rg_document_save (there, NULL, &error));
  g_assert_no_error (error);

  rg_statement_set_text (nth_statement (rg_document_get_session (here), 1), "Écrit ici");
  g_assert_true (rg_document_save (here, NULL, &error));
  g_assert_no_error (error);

  on_disk = load_path (path);
  g_assert_true (has_statement_text (on_disk, "Écrit là-bas"));
  g_assert_true (has_statement_text (on_disk, "Écrit ici"));
  g_assert_true (has_statement_text (rg_document_get_session (here), "Écrit là-bas"));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_conflicts (on_disk)), ==, 0);
  g_assert_true (g_file_equal (rg_document_get_file (here), file));
  assert_no_copies (dir);
}

/* The same statement changed differently on both sides: both texts are
 * kept, ours in the statement and theirs as a conflict, in the file. */
static void
test_merge_conflict (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) original = rg_test_load_example ();
  g_autoptr(RgDocument) first = save_new_document (original, path);
  g_autoptr(RgDocument) here = rg_document_new_from_file (file, NULL, NULL);
  g_autoptr(RgDocument) there = rg_document_new_from_file (file, NULL, NULL);
  g_autoptr(RgSession) on_disk = NULL;
  g_autoptr(RgConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;

  rg_statement_set_text (nth_statement (rg_document_get_session (there), 0), "Version de là-bas");
  g_assert_true (rg_document_save (there, NULL, &error));
  rg_statement_set_text (nth_statement (rg_document_get_session (here), 0), "Version d’ici");
  g_assert_true (rg_document_save (here, NULL, &error));
  g_assert_no_error (error);

  on_disk = load_path (path);
  g_assert_true (has_statement_text (on_disk, "Version d’ici"));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_conflicts (on_disk)), ==, 1);
  conflict = g_list_model_get_item (rg_session_get_conflicts (on_disk), 0);
  g_assert_cmpstr (rg_conflict_get_theirs (conflict), ==, "Version de là-bas");
  assert_no_copies (dir);
}

static void
count_merged (RgDocument *document,
              guint       n_conflicts,
              guint      *merged)
{
  (*merged)++;
}

/* Watched, with nothing pending, a change on disk is taken in place:
 * the same session object, now as the other program wrote it. */
static void
test_watch_reload (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) original = rg_test_load_example ();
  g_autoptr(RgDocument) first = save_new_document (original, path);
  g_autoptr(RgDocument) watched = rg_document_new_from_file (file, NULL, NULL);
  g_autoptr(RgDocument) other = rg_document_new_from_file (file, NULL, NULL);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;
  RgSession *session = rg_document_get_session (watched);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint merged = 0;

  g_signal_connect (watched, "merged", G_CALLBACK (count_merged), &merged);
  rg_document_watch (watched);

  rg_session_set_title (rg_document_get_session (other), "Titre changé ailleurs");
  g_assert_true (rg_document_save (other, NULL, &error));
  g_assert_no_error (error);
  theirs = read_session_bytes (path);

  while (merged == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpuint (merged, ==, 1);
  g_assert_true (rg_document_get_session (watched) == session);
  g_assert_cmpstr (rg_session_get_title (session), ==, "Titre changé ailleurs");
  ours = rg_session_to_bytes (session);
  g_assert_true (g_bytes_equal (ours, theirs));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_conflicts (session)), ==, 0);
}

/* A sync engine's conflict copy of the watched file, holding a
 * statement written elsewhere, is merged in and put away. */
static void
test_watch_conflict_copy (void)
{
  g_autofree char *dir = make_test_dir ();
  g_autofree char *path = g_build_filename (dir, SESSION_NAME, NULL);
  g_autofree char *copy_path = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) original = rg_test_load_example ();
  g_autoptr(RgDocument) first = save_new_document (original, path);
  g_autoptr(RgDocument) watched = rg_document_new_from_file (file, NULL, NULL);
  g_autoptr(RgSession) elsewhere = rg_test_load_example ();
  g_autoptr(RgSession) on_disk = NULL;
  g_autoptr(GBytes) copy_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stem = g_strndup (SESSION_NAME, strlen (SESSION_NAME) - strlen (".regards"));
  g_autofree char *copy_name = g_strconcat (stem, ".sync-conflict-20261204-120000-ABCDEF7.regards", NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint merged = 0;

  g_signal_connect (watched, "merged", G_CALLBACK (count_merged), &merged);
  rg_document_watch (watched);

  /* The version another computer saved, which Syncthing kept aside. */
  rg_statement_set_text (nth_statement (elsewhere, 2), "Écrit sur l’autre ordinateur");
  copy_bytes = rg_session_to_bytes (elsewhere);
  copy_path = g_build_filename (dir, copy_name, NULL);
  g_assert_true (g_file_set_contents (copy_path, g_bytes_get_data (copy_bytes, NULL),
                                      g_bytes_get_size (copy_bytes), &error));

  while ((merged == 0 || g_file_test (copy_path, G_FILE_TEST_EXISTS)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpuint (merged, ==, 1);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_true (has_statement_text (rg_document_get_session (watched), "Écrit sur l’autre ordinateur"));
  on_disk = load_path (path);
  g_assert_true (has_statement_text (on_disk, "Écrit sur l’autre ordinateur"));
  assert_no_copies (dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (argc == 3 && g_str_equal (argv[1], "--crash-child"))
    return run_crash_child (argv[2]);

  self_exe = realpath ("/proc/self/exe", NULL);
  g_assert_nonnull (self_exe);

  test_root = rg_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/new", test_new);
  g_test_add_func ("/document/load-save-reload", test_load_save_reload);
  g_test_add_func ("/document/modified", test_modified);
  g_test_add_func ("/document/conflict", test_conflict);
  g_test_add_func ("/document/save-async", test_save_async);
  g_test_add_func ("/document/conflict-async", test_conflict_async);
  g_test_add_func ("/document/load-async", test_load_async);
  g_test_add_func ("/document/crash", test_crash);
  g_test_add_func ("/document/read-only", test_read_only);
  g_test_add_func ("/document/too-large", test_too_large);
  g_test_add_func ("/document/text-too-long", test_text_too_long);
  g_test_add_func ("/document/markup-in-texts", test_markup_in_texts);
  g_test_add_func ("/document/merge-on-save", test_merge_on_save);
  g_test_add_func ("/document/merge-conflict", test_merge_conflict);
  g_test_add_func ("/document/watch-reload", test_watch_reload);
  g_test_add_func ("/document/watch-conflict-copy", test_watch_conflict_copy);

  ret = g_test_run ();

  nftw (test_root, remove_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
  g_free (test_root);
  free (self_exe);

  return ret;
}
