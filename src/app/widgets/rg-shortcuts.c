/* rg-shortcuts.c — every keyboard shortcut, in one table
 *
 * The application sets the table's accelerators for the actions of the
 * windows and the application; a widget that installs actions of its
 * own (the diagnosis view) adds a controller for its part of the same
 * table. A shortcut is changed here, once, and menus and the shortcuts
 * window follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-shortcuts"

#include "config.h"

#include "rg-shortcuts.h"

static const struct
{
  const char *action;
  const char *accels[4];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "library.new-session", { "<Control>n", NULL } },
  { "library.open", { "<Control>o", NULL } },
  { "library.search", { "<Control>f", NULL } },
  { "library.show-page::attention", { "<Alt>1", NULL } },
  { "library.show-page::situations", { "<Alt>2", NULL } },
  { "library.show-page::sessions", { "<Alt>3", NULL } },
  { "library.show-page::sittings", { "<Alt>4", NULL } },
  { "library.next-page", { "<Control>Page_Down", NULL } },
  { "library.previous-page", { "<Control>Page_Up", NULL } },
  { "win.show-help-overlay", { "<Control>question", "<Control>F1", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "session.undo", { "<Control>z", NULL } },
  { "session.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "session.meeting-mode", { "F11", NULL } },
  { "session.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "session.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "session.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  { "session.export", { "<Control>e", NULL } },
  { "session.print", { "<Control>p", NULL } },
  { "session.new-follow-up", { "<Control><Shift>n", NULL } },
  { "session.show-timeline", { "<Control>t", NULL } },
  { "session.details", { "<Alt>Return", NULL } },
  { "session.previous-situation", { "<Alt>Page_Up", NULL } },
  { "session.next-situation", { "<Alt>Page_Down", NULL } },
  { "session.show-view::diagnosis", { "<Alt>1", NULL } },
  { "session.show-view::links", { "<Alt>2", NULL } },
  { "session.show-view::glossary", { "<Alt>3", NULL } },
  { "session.show-view::criteria", { "<Alt>4", NULL } },
  { "session.show-view::actions", { "<Alt>5", NULL } },
  { "session.blind-round", { "<Control>b", NULL } },
  { "session.reveal-authors", { "<Control><Shift>b", NULL } },
  { "diagnosis.add-statement", { "<Control>Return", NULL } },
  { "diagnosis.edit-statement", { "F2", NULL } },
  { "diagnosis.delete-statement", { "Delete", NULL } },
  { "diagnosis.paste-statements", { "<Control>v", NULL } },
  { "diagnosis.set-kind::fact", { "<Control>1", NULL } },
  { "diagnosis.set-kind::interpretation", { "<Control>2", NULL } },
  { "diagnosis.set-kind::difficulty", { "<Control>3", NULL } },
  { "diagnosis.set-kind::resource", { "<Control>4", NULL } },
  { "diagnosis.set-kind::proposal", { "<Control>5", NULL } },
  { "diagnosis.move-statement-up", { "<Alt>Up", NULL } },
  { "diagnosis.move-statement-down", { "<Alt>Down", NULL } },
  { "diagnosis.move-statement-previous-dimension", { "<Alt><Shift>Up", NULL } },
  { "diagnosis.move-statement-next-dimension", { "<Alt><Shift>Down", NULL } },
  { "diagnosis.tag::agreement", { "<Control><Shift>a", NULL } },
  { "diagnosis.tag::divergence", { "<Control><Shift>d", NULL } },
  { "diagnosis.tag::complement", { "<Control><Shift>m", NULL } },
  { "diagnosis.tag::clarify", { "<Control><Shift>l", NULL } },
  { "diagnosis.next-divergence", { "F8", NULL } },
  { "diagnosis.previous-divergence", { "<Shift>F8", NULL } },
};

/* Closed, the shortcuts window is destroyed, not hidden */
static gboolean
shortcuts_window_close_request (GtkWindow            *shortcuts,
                                GtkApplicationWindow *window)
{
  gtk_application_window_set_help_overlay (window, NULL);

  return TRUE;
}

static void
show_shortcuts_window (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);
  const char *section = g_object_get_data (G_OBJECT (action), "section");
  g_autoptr(GtkBuilder) builder = NULL;

  if (shortcuts == NULL)
    {
      builder = gtk_builder_new_from_resource ("/io/github/regards/Regards/rg-shortcuts-window.ui");
      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      if (section != NULL)
        g_object_set (shortcuts, "section-name", section, NULL);
      /* The window fills in the accelerators of the application's
       * actions; this action stays the one that shows it. */
      gtk_application_window_set_help_overlay (window, shortcuts);
      g_signal_connect_object (shortcuts, "close-request",
                               G_CALLBACK (shortcuts_window_close_request), window, 0);
    }

  gtk_window_present (GTK_WINDOW (shortcuts));
}

/**
 * rg_shortcuts_add_window_action:
 * @window: an application window
 * @section: (nullable): the section of the shortcuts window it opens on
 *
 * Gives @window the "win.show-help-overlay" action, which opens the
 * shortcuts window. The shortcuts window is built when it is asked for
 * and destroyed when it is closed, never kept hidden: GtkApplication's
 * own help overlay stays a hidden window for the window's life, and
 * GTK 4.8's accessibility root, asked by a screen reader for a window
 * that has just closed, answers with a hidden window's missing object
 * path, an invalid reply.
 */
void
rg_shortcuts_add_window_action (GtkApplicationWindow *window,
                                const char           *section)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

  g_return_if_fail (GTK_IS_APPLICATION_WINDOW (window));

  g_object_set_data_full (G_OBJECT (action), "section", g_strdup (section), g_free);
  g_signal_connect_object (action, "activate", G_CALLBACK (show_shortcuts_window), window, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}

/**
 * rg_shortcuts_set_accels:
 * @application: the application
 *
 * Sets the accelerators of every action of the table, so that menus
 * show them and windows find their actions and the application's.
 */
void
rg_shortcuts_set_accels (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

/* The shortcut of the table's entry @i (transfer full), made once and
 * shared by the controllers: every statement card has one. */
static GtkShortcut *
shortcut_of (guint i)
{
  static GtkShortcut *shortcuts[G_N_ELEMENTS (accels)];
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *triggers = NULL;

  if (shortcuts[i] != NULL)
    return g_object_ref (shortcuts[i]);

  if (!g_action_parse_detailed_name (accels[i].action, &name, &target, &error))
    g_error ("Bad action in the accelerators table: %s", error->message);

  triggers = g_strjoinv ("|", (char **) accels[i].accels);
  shortcuts[i] = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (triggers),
                                   gtk_named_action_new (name));
  if (target != NULL)
    gtk_shortcut_set_arguments (shortcuts[i], target);

  return g_object_ref (shortcuts[i]);
}

/* Adds to @widget a controller of the table's actions that @keep takes */
static void
add_controller (GtkWidget  *widget,
                gboolean  (*keep) (const char *action,
                                   const char *data),
                const char *data)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    if (keep (accels[i].action, data))
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut_of (i));

  gtk_widget_add_controller (widget, controller);
}

static gboolean
is_in_group (const char *action,
             const char *group)
{
  return g_str_has_prefix (action, group);
}

static gboolean
is_action (const char *action,
           const char *detailed_name)
{
  return g_str_equal (action, detailed_name);
}

/**
 * rg_shortcuts_add_controller:
 * @widget: a widget that installs the actions of @prefix
 * @prefix: the actions' group, as "diagnosis"
 *
 * Makes the accelerators of the actions of @prefix work inside
 * @widget. The application's accelerators are looked up from the
 * window, which finds the window's actions and the application's but
 * not those a widget inside it installs: the widget gets its own
 * shortcuts, from the same table, while the application's accelerators
 * still show in menus. A widget inside @widget that uses the key (a
 * text being typed into) has it first.
 */
void
rg_shortcuts_add_controller (GtkWidget  *widget,
                             const char *prefix)
{
  g_autofree char *group = g_strconcat (prefix, ".", NULL);

  add_controller (widget, is_in_group, group);
}

/**
 * rg_shortcuts_add_controller_for_action:
 * @widget: a widget inside the one that installs @action
 * @action: an action of the table, as "diagnosis.tag::agreement"
 *
 * Makes the accelerators of @action work from @widget on, before a
 * widget above it that binds the same key for itself (a list box takes
 * Ctrl+Shift+A for "unselect all").
 */
void
rg_shortcuts_add_controller_for_action (GtkWidget  *widget,
                                        const char *action)
{
  add_controller (widget, is_action, action);
}
