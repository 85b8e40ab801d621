/* test-timeline-window.c — the timeline of a situation, on screen
 *
 * The three-session fixture in the library folder of a real
 * application under Xvfb: the timeline opens from the session window's
 * menu and from a library row's, finds the three sessions through the
 * index, draws them, and lists their figures for a screen reader; a
 * row opens its session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rg-application.h"
#include "rg-library-window.h"
#include "rg-session-row.h"
#include "rg-session-window.h"
#include "rg-test-app.h"
#include "rg-test-timeline.h"
#include "rg-test-utils.h"
#include "rg-timeline-window.h"

/* The fixture, in the library, indexed. */
static GPtrArray *
write_library (RgApplication  *app,
               char          **situation_id)
{
  g_autofree char *folder = rg_application_get_library_dir (app);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RgLibraryScanResult) result = NULL;
  g_autoptr(GError) error = NULL;

  *situation_id = write_fixture (folder, files);
  result = rg_library_scan (rg_application_get_library (app), NULL, &error);
  g_assert_no_error (error);

  return files;
}

static gboolean
timeline_loaded (gpointer data)
{
  RgTimelineWindow *window = rg_test_find_window (RG_TYPE_TIMELINE_WINDOW);

  return window != NULL && rg_timeline_window_get_timeline (window) != NULL;
}

static GtkWidget *
child (RgTimelineWindow *window,
       const char       *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), RG_TYPE_TIMELINE_WINDOW,
                                                    name));
}

/* The window shows the three sessions, drawn and listed. */
static RgTimelineWindow *
check_window (void)
{
  RgTimelineWindow *window;
  RgTimeline *timeline;
  GtkWidget *list, *row;
  guint n = 0;

  g_assert_true (rg_test_wait_for (timeline_loaded, NULL, 10));
  window = rg_test_find_window (RG_TYPE_TIMELINE_WINDOW);
  timeline = rg_timeline_window_get_timeline (window);
  rg_test_iterate_until_idle ();

  g_assert_cmpuint (rg_timeline_get_n_sessions (timeline), ==, 3);
  for (guint i = 0; i < 3; i++)
    for (guint f = 0; f < RG_TIMELINE_N_FIGURES; f++)
      g_assert_cmpuint (rg_timeline_get_figure (timeline, i, f), ==, expected[i][f]);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "stack"))), ==,
                   "timeline");

  /* The drawing says what it shows; it is as wide as the sessions. */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child (window, "picture")),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_cmpint (gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (child (window, "picture"))),
                   ==, rg_timeline_get_natural_width (timeline));
  g_assert_true (gtk_widget_get_mapped (child (window, "picture")));

  /* One row per session, read as the figures in words */
  list = child (window, "sessions_list");
  for (row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row), n++)
    {
      g_autofree char *description = rg_timeline_describe_session (timeline, n);

      gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, description);
    }
  g_assert_cmpuint (n, ==, 3);

  return window;
}

static gboolean
has_first_session (gpointer app)
{
  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    {
      RgSession *session;

      if (!RG_IS_SESSION_WINDOW (l->data))
        continue;
      session = rg_document_get_session (rg_session_window_get_document (l->data));
      if (g_str_equal (rg_session_get_title (session), "Première revue"))
        return TRUE;
    }

  return FALSE;
}

static void
from_session_window (RgApplication *app)
{
  g_autofree char *situation_id = NULL;
  g_autoptr(GPtrArray) files = write_library (app, &situation_id);
  /* The third session (files are third, other, first, damaged, second) */
  RgSessionWindow *session_window = rg_test_open_session (app, g_ptr_array_index (files, 0));
  RgTimelineWindow *window;
  GtkWidget *first_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (session_window), "session.show-timeline",
                                             NULL));
  window = check_window ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (session_window));
  /* Only the other situation and the damaged file are not in the
   * index's list: nothing was skipped. */
  g_assert_false (gtk_widget_get_visible (child (window, "skipped_label")));

  /* Activating the first row opens the first session. */
  first_row = gtk_widget_get_first_child (child (window, "sessions_list"));
  g_signal_emit_by_name (first_row, "activate");
  g_assert_true (rg_test_wait_for (has_first_session, app, 10));

  gtk_window_close (GTK_WINDOW (window));
}

/* The row of the session titled @title of the situation just written
 * (each test writes its own, over the files of the one before) */
static const char *current_situation_id;

static GtkWidget *
find_row (gpointer title)
{
  RgLibraryWindow *library = rg_test_find_window (RG_TYPE_LIBRARY_WINDOW);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (library),
                                                                  RG_TYPE_LIBRARY_WINDOW,
                                                                  "list_box"));
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    {
      GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row),
                                                                  RG_TYPE_SESSION_ROW,
                                                                  "title_label"));

      RgLibraryEntry *entry = rg_session_row_get_entry (RG_SESSION_ROW (row));

      if (label != NULL && g_strcmp0 (gtk_label_get_label (label), title) == 0 &&
          g_strcmp0 (rg_library_entry_get_situation_id (entry), current_situation_id) == 0)
        return GTK_WIDGET (row);
    }

  return NULL;
}

static gboolean
has_row (gpointer title)
{
  return find_row (title) != NULL;
}

/* From the menu of a library row, here the second session's */
static void
from_library (RgApplication *app)
{
  g_autofree char *situation_id = NULL;
  g_autoptr(GPtrArray) files = write_library (app, &situation_id);
  RgTimelineWindow *window;

  current_situation_id = situation_id;
  g_assert_nonnull (rg_test_find_window (RG_TYPE_LIBRARY_WINDOW));
  g_assert_true (rg_test_wait_for (has_row, (gpointer) "Deuxième revue", 10));
  g_assert_true (gtk_widget_activate_action (find_row ((gpointer) "Deuxième revue"), "row.timeline",
                                             NULL));
  window = check_window ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window))
                 == GTK_WINDOW (rg_test_find_window (RG_TYPE_LIBRARY_WINDOW)));
  gtk_window_close (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  rg_test_add_app_func ("/timeline-window/from-session-window", from_session_window);
  rg_test_add_app_func ("/timeline-window/from-library", from_library);

  return g_test_run ();
}
