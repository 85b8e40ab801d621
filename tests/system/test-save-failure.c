/* test-save-failure.c — saving to a full disk or a read-only folder,
 * with the real window, under Xvfb
 *
 * The session lives on a small tmpfs of the test's own. The coordinator
 * adds a statement and types in it; the disk fills up, or turns
 * read-only, before the autosave. The window must say so and why, keep
 * the file as it was, leave no temporary file behind, not hammer the
 * disk, and write everything once the disk takes it again; closing in
 * the meantime asks first.
 *
 * Mounting needs root; the tmpfs lives in a mount namespace of the
 * test's own, so it goes away with the test however the test ends.
 * Skipped where either is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <unistd.h>

#include "rg-application.h"
#include "rg-diagnosis-view.h"
#include "rg-document.h"
#include "rg-session-window.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

#define SESSION_NAME "revue.regards"

#define NOT_SAVED "Your latest changes are not saved."

static char *test_root;
static char *cannot_mount;    /* why the tests are skipped, if they are */

/* {{{ The small disk */

/* Mounts a 256 KiB tmpfs of the test's own; NULL, the test skipped, if
 * it cannot. */
static char *
mount_small_disk (void)
{
  static guint count;
  g_autofree char *name = g_strdup_printf ("disk-%u", count++);
  char *dir = g_build_filename (test_root, name, NULL);

  if (cannot_mount != NULL)
    {
      g_test_skip (cannot_mount);
      g_free (dir);
      return NULL;
    }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=256k,mode=0700") != 0)
    {
      g_autofree char *message = g_strdup_printf ("Cannot mount a tmpfs: %s", g_strerror (errno));

      g_test_skip (message);
      g_free (dir);
      return NULL;
    }

  return dir;
}

static void
unmount_small_disk (const char *dir)
{
  if (umount (dir) != 0)
    g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

static void
remount (const char *dir,
         gboolean    read_only)
{
  unsigned long flags = MS_REMOUNT | MS_NOSUID | MS_NODEV | (read_only ? MS_RDONLY : 0);

  g_assert_cmpint (mount (NULL, dir, NULL, flags, "size=256k,mode=0700"), ==, 0);
}

/* Writes a file in @dir until the disk is full; returns its path. */
static char *
fill_disk (const char *dir)
{
  char *path = g_build_filename (dir, "filler", NULL);
  char block[4096];
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ssize_t written;

  g_assert_cmpint (fd, >=, 0);
  memset (block, 'x', sizeof block);
  while ((written = write (fd, block, sizeof block)) > 0)
    ;
  g_assert_cmpint (written, ==, -1);
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_cmpint (close (fd), ==, 0);

  return path;
}

static void
assert_no_temporary_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (name[0] == '.' && g_str_has_suffix (name, ".tmp"))
      g_error ("A temporary file was left: %s", name);
}

static void
assert_file_is (GFile  *file,
                GBytes *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_autoptr(RgSession) session = NULL;

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, expected));
  session = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
}

/* }}} */
/* {{{ The window */

static gboolean
is_not_saved_label (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), NOT_SAVED);
}

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The label of the notice that the file does not hold the session, as
 * the window shows it; NULL while it is hidden. */
static GtkLabel *
get_shown_banner_label (RgSessionWindow *window)
{
  GtkWidget *label = rg_test_find_widget (GTK_WIDGET (window), is_not_saved_label, NULL);

  return label != NULL && gtk_widget_is_visible (label) && gtk_widget_get_mapped (label)
         ? GTK_LABEL (label) : NULL;
}

static gboolean
banner_shown (gpointer window)
{
  return get_shown_banner_label (window) != NULL;
}

static gboolean
saved_and_banner_hidden (gpointer window)
{
  return !rg_document_get_modified (rg_session_window_get_document (window)) &&
         get_shown_banner_label (window) == NULL;
}

/* The banner is up, says @reason, is announced as an alert, and offers
 * to save a copy. */
static void
assert_banner_says (RgSessionWindow *window,
                    const char      *reason)
{
  GtkLabel *label = get_shown_banner_label (window);
  GtkWidget *banner;
  GtkWidget *button;

  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_label (label), "Could not save “" SESSION_NAME "”."));
  g_assert_nonnull (strstr (gtk_label_get_label (label), reason));

  banner = gtk_widget_get_parent (GTK_WIDGET (label));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (banner)), ==,
                   GTK_ACCESSIBLE_ROLE_ALERT);
  button = rg_test_find_widget (banner, is_button, "_Save a Copy…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
}

/* Enter on the first statement of the diagnosis, as the coordinator
 * presses it: a new statement after it, being edited, the keyboard in
 * its text. */
static GtkTextView *
add_statement (RgSessionWindow *window)
{
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  GtkWidget *focus;

  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 0, 0));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_Return, 0));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));

  return GTK_TEXT_VIEW (focus);
}

/* Types @text word by word, through the text view's own signal, as an
 * input method commits it; editing goes on. */
static void
type_words (GtkTextView *view,
            const char  *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *typed = g_strconcat (gtk_text_buffer_get_char_count (buffer) > 0 ? " " : "",
                                            words[i], NULL);

      g_signal_emit_by_name (view, "insert-at-cursor", typed);
      rg_test_iterate_until_idle ();
    }
}

static gboolean
has_statement (RgSession  *session,
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

static void
assert_file_has_statement (GFile      *file,
                           const char *text)
{
  g_autoptr(RgSession) session = rg_test_read_session (file);

  g_assert_true (has_statement (session, text));
}

static void
run_main_loop_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, rg_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Watches @dir for the temporary files the app makes, one per try to
 * save. Raw inotify: a GFileMonitor does not report a file made and
 * removed at once. */
static int
watch_tries (const char *dir)
{
  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, dir, IN_CREATE), >=, 0);

  return fd;
}

/* How many tries to save @fd saw; closes it. */
static guint
count_tries (int fd)
{
  char buffer[64 * 1024] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  guint tries = 0;
  ssize_t len;

  while ((len = read (fd, buffer, sizeof buffer)) > 0)
    {
      const struct inotify_event *event;

      for (char *p = buffer; p < buffer + len; p += sizeof *event + event->len)
        {
          event = (const struct inotify_event *) p;
          if (event->len > 0 && g_str_has_prefix (event->name, "." SESSION_NAME "-"))
            tries++;
        }
    }
  close (fd);

  return tries;
}

/* Closes the window, once everything is saved, and takes the disk
 * away. */
static void
close_and_unmount (RgSessionWindow *window,
                   const char      *dir)
{
  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
  g_assert_null (rg_test_find_window (RG_TYPE_SESSION_WINDOW));
  unmount_small_disk (dir);
}

/* }}} */
/* {{{ Cases */

static void
disk_full (RgApplication *app)
{
  g_autofree char *dir = mount_small_disk ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *filler = NULL;
  RgSessionWindow *window;
  GtkTextView *text_view;
  gint64 failed, freed;
  guint tries;
  int watch;

  if (dir == NULL)
    return;

  file = rg_test_copy_example (dir, SESSION_NAME);
  before = g_file_load_bytes (file, NULL, NULL, NULL);
  window = rg_test_open_session (app, file);

  /* Full before the autosave comes, a second after the first key. */
  filler = fill_disk (dir);
  watch = watch_tries (dir);
  text_view = add_statement (window);
  type_words (text_view, "Il arrive en retard");
  g_assert_true (rg_test_wait_for (banner_shown, window, 10));
  failed = g_get_monotonic_time ();
  assert_banner_says (window, "The disk is full.");
  assert_file_is (file, before);
  assert_no_temporary_files (dir);

  /* Typing goes on while it fails, and it keeps trying, calmly: after
   * two seconds, then four…, not a hundred times a second, nor each
   * time its own try touches the folder. */
  type_words (text_view, "le lundi");
  run_main_loop_for (3000);
  g_assert_true (banner_shown (window));
  assert_file_is (file, before);
  assert_no_temporary_files (dir);
  freed = g_get_monotonic_time ();
  tries = count_tries (watch);
  g_test_message ("%u tries to save in the %.1f s the disk was full", tries,
                  (freed - failed) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (tries, >=, 1);
  g_assert_cmpuint (tries, <=, 2 + (freed - failed) / (2 * G_USEC_PER_SEC));

  /* Space freed shows in the folder: the next try comes at once, not
   * when the next one is due, three seconds later. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (rg_test_wait_for (saved_and_banner_hidden, window, 5));
  g_test_message ("Saved %.2f s after space was freed",
                  (g_get_monotonic_time () - freed) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - freed, <, 2 * G_USEC_PER_SEC);
  assert_file_has_statement (file, "Il arrive en retard le lundi");
  assert_no_temporary_files (dir);
  g_assert_nonnull (rg_test_find_widget (GTK_WIDGET (window), rg_test_is_label_reading,
                                         "Your changes are saved again"));

  close_and_unmount (window, dir);
}

static void
read_only_folder (RgApplication *app)
{
  g_autofree char *dir = mount_small_disk ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) before = NULL;
  RgSessionWindow *window;

  if (dir == NULL)
    return;

  file = rg_test_copy_example (dir, SESSION_NAME);
  before = g_file_load_bytes (file, NULL, NULL, NULL);
  window = rg_test_open_session (app, file);

  /* Root writes in a folder without write permission: only a read-only
   * mount refuses it. */
  remount (dir, TRUE);
  type_words (add_statement (window), "Fatigue en fin de semaine");
  g_assert_true (rg_test_wait_for (banner_shown, window, 10));
  assert_banner_says (window, "read-only");
  assert_file_is (file, before);
  assert_no_temporary_files (dir);

  /* Nothing shows in the folder when it turns writable: the next try
   * comes on time, two seconds after the first. */
  remount (dir, FALSE);
  g_assert_true (rg_test_wait_for (saved_and_banner_hidden, window, 5));
  assert_file_has_statement (file, "Fatigue en fin de semaine");
  assert_no_temporary_files (dir);

  close_and_unmount (window, dir);
}

static void
close_while_failing_asks (RgApplication *app)
{
  g_autofree char *dir = mount_small_disk ();
  g_autoptr(GFile) file = NULL;
  RgSessionWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *keep_open;
  RgSession *session;

  if (dir == NULL)
    return;

  file = rg_test_copy_example (dir, SESSION_NAME);
  window = rg_test_open_session (app, file);
  session = rg_document_get_session (rg_session_window_get_document (window));

  remount (dir, TRUE);
  type_words (add_statement (window), "A revoir avec la famille");
  g_assert_true (rg_test_wait_for (banner_shown, window, 10));

  /* Closing tries once more, fails, and asks. */
  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Your Latest Changes Are Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "read-only"));
  g_assert_true (rg_test_find_window (RG_TYPE_SESSION_WINDOW) == window);

  /* Keep Open, clicked: the window and what was typed stay. */
  keep_open = rg_test_find_widget (GTK_WIDGET (dialog), is_button, "_Keep Open");
  g_assert_nonnull (keep_open);
  g_signal_emit_by_name (keep_open, "clicked");
  rg_test_iterate_until_idle ();
  g_assert_null (rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (rg_test_get_session_window (app) == window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (has_statement (session, "A revoir avec la famille"));
  g_assert_true (banner_shown (window));

  remount (dir, FALSE);
  g_assert_true (rg_test_wait_for (saved_and_banner_hidden, window, 5));
  assert_file_has_statement (file, "A revoir avec la famille");

  close_and_unmount (window, dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  /* A mount namespace of our own, made before any thread starts, so
   * that every thread, the save's worker too, sees the tmpfs, and no
   * one else does. */
  if (geteuid () != 0)
    cannot_mount = g_strdup ("Mounting a small disk needs root");
  else if (unshare (CLONE_NEWNS) != 0 ||
           mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    cannot_mount = g_strdup_printf ("Cannot make a mount namespace: %s", g_strerror (errno));

  test_root = rg_test_init_environment ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  rg_test_add_app_func ("/save-failure/disk-full", disk_full);
  rg_test_add_app_func ("/save-failure/read-only-folder", read_only_folder);
  rg_test_add_app_func ("/save-failure/close-while-failing-asks", close_while_failing_asks);

  return g_test_run ();
}
