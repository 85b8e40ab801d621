/* test-killed.c — the real app, typed into with real keys, then killed
 *
 * Each case starts the built `regards` on a copy of the example session
 * in an X server of its own, gives its window the keyboard, presses
 * Enter on the first statement and types a sentence with xdotool, as a
 * coordinator would, without ending the editing. Then the program is
 * killed or told to end, and the file on disk must hold what was typed.
 *
 * Needs Xvfb and xdotool; skipped without them. Not run under xvfb-run:
 * it starts its own server, so no key ever reaches another program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "rg-session.h"
#include "rg-statement.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

/* ASCII: xdotool types other letters by remapping a spare key for
 * each, and a few were dropped on the way. */
#define TYPED_TEXT "Tape juste avant la coupure"

/* The window title: the example session's <title>. */
#define WINDOW_NAME "^Revue de situation"

/* What the test waits for, at most, in seconds. */
#define WINDOW_TIMEOUT 20
#define EXIT_TIMEOUT 10

static char *test_root;
static GSubprocess *xvfb;
static char *display;

/* {{{ Child processes */

/* A child must not outlive the test, even one that fails an assertion
 * halfway: no Xvfb or Regards left running. */
static void
die_with_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
have_programs (void)
{
  static const char *programs[] = { "Xvfb", "xdotool", "timeout" };

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_autofree char *path = g_find_program_in_path (programs[i]);

      if (path == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s is not installed", programs[i]);

          g_test_skip (message);
          return FALSE;
        }
    }

  return TRUE;
}

/* Starts one X server for the whole program, on a display it picks
 * itself; -displayfd writes its number to us once it accepts clients. */
static void
start_xvfb (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) number = g_string_new (NULL);
  g_autofree char *log_path = g_build_filename (test_root, "xvfb.log", NULL);
  int fds[2];
  char c;

  if (xvfb != NULL)
    return;

  g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, &error));
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  xvfb = g_subprocess_launcher_spawn (launcher, &error, "Xvfb", "-displayfd", "3",
                                      "-screen", "0", "1280x800x24", "-nolisten", "tcp", NULL);
  g_assert_no_error (error);
  /* Our copy of the pipe's end goes with the launcher, so that a server
   * that dies gives an end of file rather than a wait for ever. */
  g_clear_object (&launcher);

  while (read (fds[0], &c, 1) == 1 && c != '\n')
    g_string_append_c (number, c);
  close (fds[0]);

  if (number->len == 0)
    {
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_error ("Xvfb did not start: %s", log ? log : "");
    }

  /* By the socket's path: the abstract socket of the same number may be
   * held by a server of another namespace. */
  display = g_strdup_printf ("unix:%s", number->str);
}

static void
stop_xvfb (void)
{
  if (xvfb == NULL)
    return;

  g_subprocess_send_signal (xvfb, SIGTERM);
  g_subprocess_wait (xvfb, NULL, NULL);
  g_clear_object (&xvfb);
}

typedef struct
{
  char        *dir;
  char        *path;
  char        *stderr_path;
  GSubprocess *app;
} Fixture;

/* Runs xdotool with the arguments given, on our display, and returns
 * what it printed; fails the test if it fails, with what the app
 * printed, which often says why. */
static char *
xdotool (Fixture    *fixture,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "DISPLAY", display, TRUE);
  g_autofree char *err = NULL;
  g_autofree char *app_output = NULL;
  char *out = NULL;
  int status;
  va_list args;

  /* A --sync that never comes true must not hang the test. */
  g_ptr_array_add (argv, (char *) "timeout");
  g_ptr_array_add (argv, (char *) G_STRINGIFY (WINDOW_TIMEOUT));
  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, NULL))
    return out;

  g_file_get_contents (fixture->stderr_path, &app_output, NULL, NULL);
  g_error ("xdotool %s failed: %s\nThe app printed: %s", first_arg, err,
           app_output ? app_output : "");
}

/* Processor time the process @pid used so far, in clock ticks, and
 * whether it is sleeping, as in poll (), rather than running or
 * waiting for the disk. */
static guint64
get_cpu_ticks (GPid      pid,
               gboolean *sleeping)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  *sleeping = FALSE;
  if (!g_file_get_contents (path, &stat, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL)
    return 0;

  /* After the name: state, ppid, … utime is the 12th, stime the 13th. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return 0;

  *sleeping = g_str_equal (fields[0], "S");
  return g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10);
}

/* Waits until the app has nothing left to do: it sleeps, and its
 * processor time no longer grows. The window puts the keyboard on the
 * first statement when its main loop is idle, so keys pressed before
 * land elsewhere; on a loaded machine this takes longer, and is
 * waited for. */
static void
wait_until_idle (GSubprocess *app)
{
  GPid pid = atoi (g_subprocess_get_identifier (app));
  gboolean sleeping;
  guint64 ticks = get_cpu_ticks (pid, &sleeping);
  guint still = 0;

  for (guint i = 0; i < 150 && still < 5; i++)
    {
      guint64 now;

      g_usleep (G_USEC_PER_SEC / 10);
      now = get_cpu_ticks (pid, &sleeping);
      still = now == ticks && sleeping ? still + 1 : 0;
      ticks = now;
    }
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) data = TRUE;
}

/* Waits for @process to end, at most @seconds; returns whether it did. */
static gboolean
wait_for_exit (GSubprocess *process,
               guint        seconds)
{
  gboolean exited = FALSE;
  gboolean timed_out = FALSE;
  guint timeout_id;

  g_subprocess_wait_async (process, NULL, wait_cb, &exited);
  timeout_id = g_timeout_add_seconds (seconds, set_true, &timed_out);
  while (!exited && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  if (!exited)
    {
      g_subprocess_force_exit (process);
      while (!exited)
        g_main_context_iteration (NULL, TRUE);
    }

  return !timed_out;
}

/* }}} */
/* {{{ One case: a folder, a session, the app */

static void
make_dir (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
}

/* A private folder with its own XDG folders, holding a copy of the
 * example session. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *example = rg_test_example_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  fixture->dir = g_build_filename (test_root, "case-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (fixture->dir));
  make_dir (fixture->dir, "config");
  make_dir (fixture->dir, "data");
  make_dir (fixture->dir, "cache");
  make_dir (fixture->dir, "state");
  make_dir (fixture->dir, "runtime");
  make_dir (fixture->dir, "home");
  make_dir (fixture->dir, "sessions");

  fixture->path = g_build_filename (fixture->dir, "sessions", "exemple-eleve-a.regards", NULL);
  fixture->stderr_path = g_build_filename (fixture->dir, "stderr.txt", NULL);
  g_assert_true (g_file_get_contents (example, &contents, &length, &error));
  g_assert_true (g_file_set_contents (fixture->path, contents, length, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->app != NULL && g_subprocess_get_identifier (fixture->app) != NULL)
    {
      g_subprocess_force_exit (fixture->app);
      g_subprocess_wait (fixture->app, NULL, NULL);
    }
  g_clear_object (&fixture->app);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->stderr_path);
}

static void
setenv_in (GSubprocessLauncher *launcher,
           const char          *variable,
           const char          *dir,
           const char          *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_subprocess_launcher_setenv (launcher, variable, path, TRUE);
}

/* Starts the built app on the session, waits for its window and gives
 * it the keyboard, as a click would. */
static void
start_app (Fixture *fixture)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = NULL;
  g_autofree char *found = NULL;
  g_autofree char *no_bus = NULL;
  g_auto(GStrv) windows = NULL;

  program = g_build_filename (g_getenv ("REGARDS_BUILD_ROOT"), "src", "app", "regards", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  g_subprocess_launcher_set_stderr_file_path (launcher, fixture->stderr_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  /* A critical ends the app, which the test then sees. Warnings are
   * read from its output instead: without a session bus GTK warns. */
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-criticals", TRUE);
  setenv_in (launcher, "XDG_CONFIG_HOME", fixture->dir, "config");
  setenv_in (launcher, "XDG_DATA_HOME", fixture->dir, "data");
  setenv_in (launcher, "XDG_CACHE_HOME", fixture->dir, "cache");
  setenv_in (launcher, "XDG_STATE_HOME", fixture->dir, "state");
  setenv_in (launcher, "XDG_RUNTIME_DIR", fixture->dir, "runtime");
  setenv_in (launcher, "HOME", fixture->dir, "home");
  /* Never the user's own session bus: a Regards running there would
   * get the file instead. */
  no_bus = g_strdup_printf ("unix:path=%s/no-bus", fixture->dir);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", no_bus, TRUE);

  fixture->app = g_subprocess_launcher_spawn (launcher, &error, program, fixture->path, NULL);
  g_assert_no_error (error);

  found = xdotool (fixture, "search", "--sync", "--onlyvisible", "--name", WINDOW_NAME, NULL);
  windows = g_strsplit (g_strstrip (found), "\n", 0);
  g_assert_cmpuint (g_strv_length (windows), ==, 1);
  /* There is no window manager: the test gives the focus itself. */
  g_free (xdotool (fixture, "windowfocus", "--sync", windows[0], NULL));
  wait_until_idle (fixture->app);
}

/* Enter on the focused statement, then the text, key by key, with no
 * Enter at the end: the statement is still being edited. */
static void
add_statement_and_type (Fixture    *fixture,
                        const char *text)
{
  g_free (xdotool (fixture, "key", "Return", NULL));
  g_free (xdotool (fixture, "type", "--delay", "30", text, NULL));
}

/* Fails on a critical or a warning the app printed, but the one GTK
 * gives for having no session bus, which the test takes away. */
static void
assert_no_warnings (Fixture *fixture)
{
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (fixture->stderr_path, &output, NULL, NULL));
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "Unable to acquire session bus") != NULL)
        continue;
      if (strstr (lines[i], "CRITICAL") != NULL || strstr (lines[i], "WARNING") != NULL)
        g_error ("The app printed: %s", lines[i]);
    }
}

static void
assert_no_temporary_files (Fixture *fixture)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.' && g_str_has_suffix (name, ".tmp"))
      g_error ("A temporary file was left: %s", name);
}

/* The statement of @session with @text, and none empty. */
static RgStatement *
find_statement (RgSession  *session,
                const char *text)
{
  GListModel *statements = rg_session_get_statements (session);
  RgStatement *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);
      const char *statement_text = rg_statement_get_text (statement);

      g_assert_cmpstr (statement_text, !=, "");
      if (g_strcmp0 (statement_text, text) == 0)
        found = statement;
    }

  return found;
}

/* The text of the statement the test typed: the one the example does
 * not have. NULL if there is none. */
static char *
find_new_text (RgSession *session)
{
  g_autoptr(RgSession) example = rg_test_load_example ();
  GListModel *statements = rg_session_get_statements (session);
  GListModel *example_statements = rg_session_get_statements (example);
  char *text = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (statements), <=,
                    g_list_model_get_n_items (example_statements) + 1);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      g_assert_cmpstr (rg_statement_get_text (statement), !=, "");
      if (find_statement (example, rg_statement_get_text (statement)) == NULL)
        {
          g_assert_null (text);
          text = g_strdup (rg_statement_get_text (statement));
        }
    }

  return text;
}

/* }}} */
/* {{{ Cases */

static void
test_sigkill_after_typing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RgSession) session = NULL;

  if (!have_programs ())
    return;
  start_xvfb ();
  start_app (fixture);
  add_statement_and_type (fixture, TYPED_TEXT);

  /* The autosave comes a second after the first change: three seconds
   * later the text is on disk, whatever happens to the program. */
  g_usleep (3 * G_USEC_PER_SEC);
  g_subprocess_force_exit (fixture->app);
  g_assert_true (wait_for_exit (fixture->app, EXIT_TIMEOUT));
  g_assert_true (g_subprocess_get_if_signaled (fixture->app));
  g_assert_cmpint (g_subprocess_get_term_sig (fixture->app), ==, SIGKILL);

  session = rg_test_load_session (fixture->path);
  g_assert_nonnull (find_statement (session, TYPED_TEXT));
  assert_no_temporary_files (fixture);
  assert_no_warnings (fixture);
}

/* Told to end half a second after the last key, before the autosave:
 * the app writes what is pending and exits, by itself, with success. */
static void
test_signal_soon_after_typing (Fixture       *fixture,
                               gconstpointer  data)
{
  int signum = GPOINTER_TO_INT (data);
  g_autoptr(RgSession) session = NULL;

  if (!have_programs ())
    return;
  start_xvfb ();
  start_app (fixture);
  add_statement_and_type (fixture, TYPED_TEXT);

  g_usleep (G_USEC_PER_SEC / 2);
  g_subprocess_send_signal (fixture->app, signum);
  g_assert_true (wait_for_exit (fixture->app, EXIT_TIMEOUT));
  g_assert_false (g_subprocess_get_if_signaled (fixture->app));
  g_assert_true (g_subprocess_get_if_exited (fixture->app));
  g_assert_cmpint (g_subprocess_get_exit_status (fixture->app), ==, 0);

  session = rg_test_load_session (fixture->path);
  g_assert_nonnull (find_statement (session, TYPED_TEXT));
  assert_no_temporary_files (fixture);
  assert_no_warnings (fixture);
}

/* Typing a long sentence word by word with pauses, killed at a moment
 * picked from the test's seed: the file holds the beginning of what was
 * typed, and misses at most what was typed in the last two seconds.
 * Prints how many seconds of typing were lost. */
static const char *long_sentence[] = {
  "Il", "arrive", "en", "retard", "le", "lundi", "et", "dit", "qu'il", "garde",
  "sa", "petite", "soeur", "le", "matin", "pendant", "que", "sa", "mere", "travaille",
  "a", "l'hopital", "depuis", "la", "rentree", "de", "septembre",
};

static void
test_figure (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) typed = g_string_new (NULL);
  g_autoptr(RgSession) session = NULL;
  g_autofree char *on_disk = NULL;
  gint64 typed_at[G_N_ELEMENTS (long_sentence)];
  gint64 started, kill_at, killed;
  double lost;
  guint n_typed = 0, n_on_disk = 0;

  if (!have_programs ())
    return;
  start_xvfb ();
  start_app (fixture);
  g_free (xdotool (fixture, "key", "Return", NULL));

  /* Killed between four and eight seconds into typing. */
  started = g_get_monotonic_time ();
  kill_at = started + g_test_rand_int_range (4000, 8000) * (gint64) 1000;
  while (n_typed < G_N_ELEMENTS (long_sentence) && g_get_monotonic_time () < kill_at)
    {
      g_autofree char *word = g_strconcat (n_typed > 0 ? " " : "", long_sentence[n_typed], NULL);

      g_free (xdotool (fixture, "type", "--delay", "30", word, NULL));
      g_string_append (typed, word);
      typed_at[n_typed++] = g_get_monotonic_time ();
      g_usleep (g_test_rand_int_range (50, 600) * 1000);
    }
  if (g_get_monotonic_time () < kill_at)
    g_usleep (kill_at - g_get_monotonic_time ());

  killed = g_get_monotonic_time ();
  g_subprocess_force_exit (fixture->app);
  g_assert_true (wait_for_exit (fixture->app, EXIT_TIMEOUT));
  g_assert_true (g_subprocess_get_if_signaled (fixture->app));

  /* A kill in the middle of a save may leave its temporary file (the
   * next start tidies it up), never a broken session. */
  session = rg_test_load_session (fixture->path);
  on_disk = find_new_text (session);
  if (on_disk == NULL)
    on_disk = g_strdup ("");
  g_assert_true (g_str_has_prefix (typed->str, on_disk));

  /* Words wholly on disk; what was typed after the last is lost. */
  for (gsize length = 0; n_on_disk < n_typed; n_on_disk++)
    {
      length += strlen (long_sentence[n_on_disk]) + (n_on_disk > 0 ? 1 : 0);
      if (length > strlen (on_disk))
        break;
    }
  lost = (killed - (n_on_disk > 0 ? typed_at[n_on_disk - 1] : started)) / (double) G_USEC_PER_SEC;
  g_test_message ("Killed %.1f s into typing, after %u words: %u on disk, "
                  "%.2f s of typing lost",
                  (killed - started) / (double) G_USEC_PER_SEC, n_typed, n_on_disk, lost);

  /* Every word finished two seconds before the kill is there. */
  for (guint i = 0; i < n_typed; i++)
    if (typed_at[i] <= killed - 2 * G_USEC_PER_SEC)
      g_assert_cmpuint (i, <, n_on_disk);

  assert_no_warnings (fixture);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  int status;

  test_root = rg_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/killed/sigkill-after-typing", Fixture, NULL,
              fixture_setup, test_sigkill_after_typing, fixture_teardown);
  g_test_add ("/killed/sigterm-soon-after-typing", Fixture, GINT_TO_POINTER (SIGTERM),
              fixture_setup, test_signal_soon_after_typing, fixture_teardown);
  g_test_add ("/killed/sigint", Fixture, GINT_TO_POINTER (SIGINT),
              fixture_setup, test_signal_soon_after_typing, fixture_teardown);
  g_test_add ("/killed/sighup", Fixture, GINT_TO_POINTER (SIGHUP),
              fixture_setup, test_signal_soon_after_typing, fixture_teardown);
  g_test_add ("/killed/figure", Fixture, NULL,
              fixture_setup, test_figure, fixture_teardown);

  status = g_test_run ();
  stop_xvfb ();

  return status;
}
