/* rg-test-app.h — what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-application.h"
#include "rg-document.h"
#include "rg-session-window.h"
#include "rg-session-xml.h"

/* Runs what is pending in the main loop, without waiting. */
static inline void
rg_test_iterate_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static inline gboolean
rg_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @check is true or @seconds pass; returns
 * whether @check came true. */
static inline gboolean
rg_test_wait_for (gboolean (*check) (gpointer),
                  gpointer    data,
                  guint       seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, rg_test_timeout_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return check (data);
}

static inline void
rg_test_painted_cb (GdkFrameClock *clock,
                    gboolean      *painted)
{
  *painted = TRUE;
}

static inline gboolean
rg_test_is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Has @widget drawn again, and waits for the frame that draws it to be
 * over: what a widget's paintable or the screen then shows is what the
 * widget is now, not what it was at the last frame. */
static inline void
rg_test_wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (rg_test_painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (rg_test_wait_for (rg_test_is_true, &painted, 10));
  g_signal_handler_disconnect (clock, id);
}

/* Sends a key press through @widget's own key handlers, as the
 * keyboard would, then runs what it set off; returns whether one of
 * them handled it. */
static inline gboolean
rg_test_press_key (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  rg_test_iterate_until_idle ();
  return handled;
}

static inline gboolean
rg_test_trigger_matches (GtkShortcutTrigger *trigger,
                         guint               keyval,
                         GdkModifierType     state)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return rg_test_trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                                    keyval, state) ||
           rg_test_trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                                    keyval, state);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state;
}

/* A key pressed where the window's focus is, as far as shortcuts go:
 * the shortcut controllers of the focus and of each widget above it,
 * in the order a key press bubbles up, until one shortcut acts. With
 * no focus (the focused row was listed again, say), the key goes to
 * the window. */
static inline gboolean
rg_test_press_shortcut (GtkWindow       *window,
                        guint            keyval,
                        GdkModifierType  state)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  for (GtkWidget *widget = focus != NULL ? focus : GTK_WIDGET (window); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (rg_test_trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, state) &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                {
                  rg_test_iterate_until_idle ();
                  return TRUE;
                }
            }
        }
    }

  return FALSE;
}

typedef gboolean (*RgTestWidgetPredicate) (GtkWidget *widget, gconstpointer data);

/* The first widget under @root, @root included, that @predicate
 * accepts, depth first. */
static inline GtkWidget *
rg_test_find_widget (GtkWidget             *root,
                     RgTestWidgetPredicate  predicate,
                     gconstpointer          data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rg_test_find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* For rg_test_find_widget (): a widget of the type GSIZE_TO_POINTER
 * (type) holds. */
static inline gboolean
rg_test_is_of_type (GtkWidget     *widget,
                    gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* For rg_test_find_widget (): a label that reads @text. */
static inline gboolean
rg_test_is_label_reading (GtkWidget     *widget,
                          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* Types @text word by word into @view, as an input method commits it:
 * through the text view's own signal, never by setting the text. */
static inline void
rg_test_type_words (GtkTextView *view,
                    const char  *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *typed = g_strconcat (i > 0 ? " " : "", words[i], NULL);

      g_signal_emit_by_name (view, "insert-at-cursor", typed);
      rg_test_iterate_until_idle ();
    }
}

/* The shown top-level window of @type, if there is one */
static inline gpointer
rg_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

/* Every top-level window the app keeps is shown: GTK 4.8 answers a
 * screen reader that asks for a window just closed with the last one,
 * which, kept hidden, has no accessible object to name. */
static inline void
rg_test_assert_no_hidden_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_visible (toplevel))
        g_error ("A hidden %s is kept", G_OBJECT_TYPE_NAME (toplevel));
    }
}

static inline gboolean
rg_test_is_shortcut_of (GtkWidget     *widget,
                        gconstpointer  action)
{
  g_autofree char *name = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;

  g_object_get (widget, "action-name", &name, NULL);
  return g_strcmp0 (name, action) == 0;
}

/* The keys @shortcuts, a shortcuts window, shows for @action */
static inline char *
rg_test_get_shown_accelerator (GtkWindow  *shortcuts,
                               const char *action)
{
  GtkWidget *shortcut = rg_test_find_widget (GTK_WIDGET (shortcuts), rg_test_is_shortcut_of, action);
  char *accelerator = NULL;

  g_assert_nonnull (shortcut);
  g_object_get (shortcut, "accelerator", &accelerator, NULL);

  return accelerator;
}

/* The shortcuts window open over @window shows @section, with
 * @accelerator for @action; closed, it is gone, and no hidden window
 * is kept. */
static inline void
rg_test_check_shortcuts_window (GtkWindow  *window,
                                const char *section,
                                const char *action,
                                const char *accelerator)
{
  GtkWindow *shortcuts = rg_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW);
  g_autofree char *shown_section = NULL;
  g_autofree char *shown_accelerator = NULL;

  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == window);
  g_object_get (shortcuts, "section-name", &shown_section, NULL);
  g_assert_cmpstr (shown_section, ==, section);
  shown_accelerator = rg_test_get_shown_accelerator (shortcuts, action);
  g_assert_cmpstr (shown_accelerator, ==, accelerator);
  gtk_window_close (shortcuts);
  rg_test_iterate_until_idle ();
  g_assert_null (rg_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW));
  rg_test_assert_no_hidden_window ();
}

typedef void (*RgTestAppFunc) (RgApplication *app,
                               gpointer       data);

typedef struct
{
  RgTestAppFunc func;
  gpointer      data;
} RgTestAppRun;

static inline void
rg_test_on_activate (GApplication *app,
                     RgTestAppRun *run)
{
  rg_test_iterate_until_idle ();
  run->func (RG_APPLICATION (app), run->data);

  /* Closing every window ends g_application_run(). */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* Runs @func inside a real, running application, then checks that it
 * quits with no window left and nothing holding on to it.
 * @window_added, if not %NULL, is connected to #GtkApplication::window-added
 * first: it sees each window before it shows. */
static inline void
rg_test_run_in_application_full (RgTestAppFunc func,
                                 gpointer      data,
                                 GCallback     window_added)
{
  RgApplication *app = rg_application_new ();
  RgTestAppRun run = { func, data };

  /* Tests must not find a running Regards on the session bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (window_added != NULL)
    g_signal_connect (app, "window-added", window_added, NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (rg_test_on_activate), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (app);
}

static inline void
rg_test_run_in_application (RgTestAppFunc func,
                            gpointer      data)
{
  rg_test_run_in_application_full (func, data, NULL);
}

static inline void
rg_test_call_app_func (RgApplication *app,
                       gpointer       func)
{
  ((void (*) (RgApplication *)) func) (app);
}

/* Runs @func, a void function of an RgApplication, inside a real,
 * running application: a GTestDataFunc, for tests that prepare
 * something first, or are not run by g_test_run(). */
static inline void
rg_test_run_app_func (gconstpointer func)
{
  rg_test_run_in_application (rg_test_call_app_func, (gpointer) func);
}

/* Adds a test that runs @func (a void function of an RgApplication)
 * inside a real, running application. */
#define rg_test_add_app_func(path, func) \
  g_test_add_data_func ((path), (gconstpointer) (func), rg_test_run_app_func)

/* The session window of @app, if one is open. */
static inline RgSessionWindow *
rg_test_get_session_window (gpointer app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (RG_IS_SESSION_WINDOW (l->data))
      return l->data;

  return NULL;
}

static inline gboolean
rg_test_has_session_window (gpointer app)
{
  return rg_test_get_session_window (app) != NULL;
}

/* Opens @file as the application does, and waits for its window. */
static inline RgSessionWindow *
rg_test_open_session (RgApplication *app,
                      GFile         *file)
{
  RgSessionWindow *window;

  rg_application_open_file (app, file);
  g_assert_true (rg_test_wait_for (rg_test_has_session_window, app, 10));
  window = rg_test_get_session_window (app);
  rg_test_iterate_until_idle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

/* A fresh copy of the example session in @folder, named @name. */
static inline GFile *
rg_test_copy_example (const char *folder,
                      const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), "data",
                                              "examples", "exemple-eleve-a.regards", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* The session in @file, as it is on disk. */
static inline RgSession *
rg_test_read_session (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
  RgSession *session;

  g_assert_no_error (error);
  session = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  return session;
}
