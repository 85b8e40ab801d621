/* rg-bench-desk.c — how fast the desk lists the situations of a library
 *
 * Starts the real application on a library folder whose index is up to
 * date, shows the Situations page as a coordinator does (Alt+2), and
 * prints the time from the start of the process to the window's first
 * frame, and to the first frame where the situations are painted. With
 * "bare", the time to the first frame of a bare libadwaita window
 * instead: the floor, what GTK itself takes on this display.
 *
 *   regards-bench-desk LIBRARY-FOLDER
 *   regards-bench-desk bare [--stay]
 *
 * With --stay, the bare window stays until the process is ended, for
 * run-paint-bench.sh, which watches the screen from outside.
 *
 * The index must be made first (regards-cli index --library
 * LIBRARY-FOLDER, with the same XDG_CACHE_HOME): see run-desk-bench.sh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rg-application.h"
#include "rg-library-window.h"
#include "rg-situation-list.h"

static gint64 t_first_frame, t_painted;
static guint n_situations;
static gboolean stay;

static GtkWindow *
find_library_window (GApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (RG_IS_LIBRARY_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Painted: the Situations page is shown, and its first row is on screen */
static gboolean
situations_painted (GtkWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                       RG_TYPE_LIBRARY_WINDOW,
                                                                       "view_stack"));
  RgSituationList *list = RG_SITUATION_LIST (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                            RG_TYPE_LIBRARY_WINDOW,
                                                                            "situation_list"));
  GtkWidget *view = rg_situation_list_get_view (list);
  GListModel *rows = rg_situation_list_get_rows (list);
  GtkWidget *first_row = gtk_widget_get_first_child (view);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "situations") != 0 ||
      rows == NULL || g_list_model_get_n_items (rows) == 0)
    return FALSE;

  /* A list view's children are its rows once they are bound */
  for (; first_row != NULL; first_row = gtk_widget_get_next_sibling (first_row))
    if (gtk_widget_get_mapped (first_row) && gtk_widget_get_first_child (first_row) != NULL)
      {
        n_situations = g_list_model_get_n_items (rows);
        return TRUE;
      }

  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  gint64 now = g_get_monotonic_time ();

  if (t_first_frame == 0)
    t_first_frame = now;
  if (stay)
    return;

  if (t_painted == 0 && (!RG_IS_LIBRARY_WINDOW (window) || situations_painted (window)))
    {
      t_painted = now;
      g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
      g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (window)),
                                      "quit", NULL);
    }
}

static void
watch_frames (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

static void
regards_activate_cb (GApplication *app)
{
  GtkWindow *window = find_library_window (app);

  /* As a coordinator does with Alt+2 */
  gtk_widget_activate_action (GTK_WIDGET (window), "library.show-page", "s", "situations");
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    watch_frames (window);
  else
    g_signal_connect (window, "realize", G_CALLBACK (watch_frames), NULL);
}

static void
bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), adw_header_bar_new ());
  g_signal_connect (window, "realize", G_CALLBACK (watch_frames), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
bare_quit_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       app)
{
  for (GList *l = gtk_application_get_windows (app); l; l = gtk_application_get_windows (app))
    gtk_window_destroy (l->data);
}

/* Microseconds since the process started, as the kernel counts them */
static double
ms_since_start (gint64 monotonic)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  char *end;
  double start_ticks, uptime;
  g_autofree char *uptime_text = NULL;

  /* Field 22 of /proc/self/stat, after the command's closing parenthesis */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime_text, NULL, NULL) ||
      !(end = strrchr (stat, ')')))
    return -1;
  fields = g_strsplit (end + 2, " ", -1);
  start_ticks = g_ascii_strtod (fields[19], NULL);
  uptime = g_ascii_strtod (uptime_text, NULL);

  /* Now, in the process's time, minus how long ago @monotonic was */
  return (uptime - start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0 -
         (g_get_monotonic_time () - monotonic) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  stay = argc == 3 && g_str_equal (argv[1], "bare") && g_str_equal (argv[2], "--stay");
  if (argc != 2 && !stay)
    {
      fprintf (stderr, "Usage: %s LIBRARY-FOLDER | bare [--stay]\n", argv[0]);
      return 2;
    }

  if (g_str_equal (argv[1], "bare"))
    {
      g_autoptr(AdwApplication) bare = NULL;
      const GActionEntry quit = { "quit", bare_quit_cb, NULL, NULL, NULL, { 0 } };

      bare = adw_application_new ("io.github.regards.BenchBare", G_APPLICATION_NON_UNIQUE);
      g_action_map_add_action_entries (G_ACTION_MAP (bare), &quit, 1, bare);
      g_signal_connect (bare, "activate", G_CALLBACK (bare_activate_cb), NULL);
      g_application_run (G_APPLICATION (bare), 0, NULL);
      printf ("bare libadwaita window: first frame %.0f ms\n", ms_since_start (t_first_frame));
    }
  else
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autoptr(RgApplication) regards = NULL;
      double frame, painted;

      /* The library is the one the settings name */
      g_settings_set_string (settings, "library-folder", argv[1]);
      regards = rg_application_new ();
      g_application_set_flags (G_APPLICATION (regards), G_APPLICATION_NON_UNIQUE);
      g_signal_connect_after (regards, "activate", G_CALLBACK (regards_activate_cb), NULL);
      g_application_run (G_APPLICATION (regards), 0, NULL);
      frame = ms_since_start (t_first_frame);
      painted = ms_since_start (t_painted);
      printf ("Regards, %u situations: first frame %.0f ms, situations painted %.0f ms "
              "(%.0f ms after the first frame)\n", n_situations, frame, painted, painted - frame);
    }

  return 0;
}
