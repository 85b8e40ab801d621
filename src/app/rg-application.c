/* rg-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "rg-accessible-names.h"
#include "rg-application.h"
#include "rg-document.h"
#include "rg-library.h"
#include "rg-library-window.h"
#include "rg-new-sitting-dialog.h"
#include "rg-paths.h"
#include "rg-preferences-window.h"
#include "rg-session-window.h"
#include "rg-shortcuts.h"
#include "rg-sitting-window.h"
#include "rg-sitting-xml.h"
#include "rg-window-host.h"

/* At the latest, when no window paints, the scan at startup starts
 * this long after it */
#define SCAN_DELAY_S 3

struct _RgApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  RgLibrary      *library;
  char           *library_error;
  GCancellable   *scan_cancellable;
  guint           signal_sources[3];
  guint           scan_source;      /* starts the scan if no window paints */
  guint           scan_pending : 1; /* until a window's first frame */
  guint           painted : 1;      /* a window had its first frame */
};

static void rg_application_window_host_init (RgWindowHostInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RgApplication, rg_application, ADW_TYPE_APPLICATION,
                               G_IMPLEMENT_INTERFACE (RG_TYPE_WINDOW_HOST,
                                                      rg_application_window_host_init))

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_LIBRARY_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

static int
rg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "regards", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static GtkWindow *
rg_application_get_library_window (RgApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (RG_IS_LIBRARY_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
rg_application_activate (GApplication *app)
{
  RgApplication *self = RG_APPLICATION (app);
  GtkWindow *window = rg_application_get_library_window (self);

  if (window == NULL)
    window = GTK_WINDOW (rg_library_window_new (GTK_APPLICATION (self)));

  gtk_window_present (window);
}

static RgSessionWindow *
find_session_window (RgApplication *self,
                     GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (RG_IS_SESSION_WINDOW (l->data) &&
        g_file_equal (rg_document_get_file (rg_session_window_get_document (l->data)), file))
      return l->data;

  return NULL;
}

/**
 * rg_application_find_session_window:
 * @self: a #RgApplication
 * @file: a session file
 *
 * Returns: (transfer none) (nullable): the session window showing @file,
 *   or %NULL when @file is not open
 */
GtkWindow *
rg_application_find_session_window (RgApplication *self,
                                    GFile         *file)
{
  g_return_val_if_fail (RG_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return GTK_WINDOW (find_session_window (self, file));
}

static void
show_open_error (RgApplication *self,
                 GFile         *file,
                 const GError  *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: "Could not open “séance.regards”" */
  heading = g_strdup_printf (_("Could not open “%s”"), name);
  dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What to open, and where in it */
typedef struct
{
  GFile *file;
  char  *view;
  char  *object_id;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_clear_object (&open->file);
  g_clear_pointer (&open->view, g_free);
  g_clear_pointer (&open->object_id, g_free);
  g_free (open);
}

static void
present_session_window (RgSessionWindow *window,
                        const char      *view,
                        const char      *object_id)
{
  gtk_window_present (GTK_WINDOW (window));
  if (view != NULL || object_id != NULL)
    rg_session_window_reveal (window, view, object_id);
}

#ifdef __GLIBC__
/* Gives back to the system what the allocator keeps freed. */
static gpointer
trim_memory (gpointer data)
{
  malloc_trim (0);
  return NULL;
}
#endif

static void
open_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RgApplication *self = g_task_get_source_object (task);
  OpenData *open = g_task_get_task_data (task);
  GFile *file = open->file;
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  RgSessionWindow *window;

  g_application_release (G_APPLICATION (self));

  if (!(document = rg_document_load_finish (result, &error)))
    {
      show_open_error (self, file, error);
      return;
    }

#ifdef __GLIBC__
  /* Reading a big session parses megabytes of XML in another thread,
   * whose memory, freed, the allocator keeps for that thread: given
   * back now, the window does not start tens of megabytes heavier.
   * That takes tens of milliseconds, in a thread of its own while the
   * window is made. */
  g_thread_unref (g_thread_new ("rg-trim", trim_memory, NULL));
#endif

  if (!(window = find_session_window (self, file)))
    window = rg_session_window_new (GTK_APPLICATION (self), document);
  present_session_window (window, open->view, open->object_id);
}

/* {{{ Sittings */

static gboolean
is_sitting_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, RG_SITTING_FILE_SUFFIX);
}

static RgSittingWindow *
find_sitting_window (RgApplication *self,
                     GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (RG_IS_SITTING_WINDOW (l->data) &&
        g_file_equal (rg_sitting_window_get_file (l->data), file))
      return l->data;

  return NULL;
}

static void
load_sitting_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  RgSitting *sitting = rg_sitting_load (task_data, NULL, cancellable, &error);

  if (sitting == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sitting, g_object_unref);
}

static void
sitting_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RgApplication *self = RG_APPLICATION (object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(RgSitting) sitting = NULL;
  g_autoptr(GError) error = NULL;
  RgSittingWindow *window;

  g_application_release (G_APPLICATION (self));

  if (!(sitting = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      show_open_error (self, file, error);
      return;
    }

  if (!(window = find_sitting_window (self, file)))
    window = rg_sitting_window_new (GTK_APPLICATION (self), sitting, file);
  gtk_window_present (GTK_WINDOW (window));
}

/* A sitting file opens in its own window, read in a thread with the
 * session loader's care */
static void
open_sitting_file (RgApplication *self,
                   GFile         *file)
{
  RgSittingWindow *window;
  g_autoptr(GTask) task = NULL;

  if ((window = find_sitting_window (self, file)))
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, sitting_loaded_cb, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_sitting_thread);
}

/* What to open of a sitting, and in place of which window */
typedef struct
{
  GFile     *file;
  RgSitting *sitting;
  guint      index;
  gboolean   meeting_mode;
  GWeakRef   replacing;
} SittingOpen;

static void
sitting_open_free (gpointer data)
{
  SittingOpen *open = data;

  g_clear_object (&open->file);
  g_clear_object (&open->sitting);
  g_weak_ref_clear (&open->replacing);
  g_free (open);
}

/* @window shows the session of the sitting's @index-th situation, where
 * @replacing was: its size, or its screen in meeting mode. Then
 * @replacing closes, writing what it holds. */
static void
show_sitting_session (RgSessionWindow *window,
                      RgSitting       *sitting,
                      guint            index,
                      gboolean         meeting_mode,
                      GtkWindow       *replacing)
{
  if (replacing == GTK_WINDOW (window))
    replacing = NULL;

  rg_session_window_set_sitting (window, sitting, index);

  if (replacing != NULL && !meeting_mode)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (replacing));
      int height = gtk_widget_get_height (GTK_WIDGET (replacing));

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      if (gtk_window_is_maximized (replacing))
        gtk_window_maximize (GTK_WINDOW (window));
    }

  if (meeting_mode)
    {
      GdkSurface *surface = replacing != NULL ? gtk_native_get_surface (GTK_NATIVE (replacing)) : NULL;
      GdkMonitor *monitor = NULL;

      g_object_set (window, "meeting-mode", TRUE, NULL);
      if (surface != NULL)
        monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (replacing)),
                                                      surface);
      if (monitor != NULL)
        gtk_window_fullscreen_on_monitor (GTK_WINDOW (window), monitor);
    }

  gtk_window_present (GTK_WINDOW (window));

  if (replacing != NULL)
    gtk_window_close (replacing);
}

static void
sitting_session_loaded_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RgApplication *self = g_task_get_source_object (task);
  SittingOpen *open = g_task_get_task_data (task);
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GtkWindow) replacing = g_weak_ref_get (&open->replacing);
  g_autoptr(GError) error = NULL;
  RgSessionWindow *window;

  g_application_release (G_APPLICATION (self));

  if (!(document = rg_document_load_finish (result, &error)))
    {
      show_open_error (self, open->file, error);
      return;
    }

  if (!(window = find_session_window (self, open->file)))
    window = rg_session_window_new (GTK_APPLICATION (self), document);
  show_sitting_session (window, open->sitting, open->index, open->meeting_mode, replacing);
}

/**
 * rg_application_open_sitting_item:
 * @self: a #RgApplication
 * @sitting: a sitting
 * @index: a situation of its agenda
 * @meeting_mode: whether its session opens in meeting mode
 * @replacing: (nullable): the window it takes the place of
 *
 * See rg_window_host_open_sitting_item ().
 */
void
rg_application_open_sitting_item (RgApplication *self,
                                  RgSitting     *sitting,
                                  guint          index,
                                  gboolean       meeting_mode,
                                  GtkWindow     *replacing)
{
  g_autoptr(RgSittingItem) item = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder_path = NULL;
  RgSessionWindow *window;
  SittingOpen *open;
  GTask *task;

  g_return_if_fail (RG_IS_APPLICATION (self));
  g_return_if_fail (RG_IS_SITTING (sitting));

  if (!(item = g_list_model_get_item (rg_sitting_get_items (sitting), index)))
    return;

  if (rg_sitting_item_get_session_file (item) == NULL)
    {
      g_autofree char *message = NULL;
      GtkWidget *dialog;

      /* Translators: %s is a situation's label */
      message = g_strdup_printf (_("The session of “%s” for this sitting is not prepared yet."),
                                 rg_sitting_item_get_situation_label (item));
      dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                       _("No Session Yet"), message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The agenda names session files inside the library folder */
  folder_path = self->library != NULL ? g_strdup (rg_library_get_folder (self->library))
                                      : rg_application_get_library_dir (self);
  folder = g_file_new_for_path (folder_path);
  file = g_file_resolve_relative_path (folder, rg_sitting_item_get_session_file (item));

  if ((window = find_session_window (self, file)))
    {
      show_sitting_session (window, sitting, index, meeting_mode, replacing);
      return;
    }

  g_application_hold (G_APPLICATION (self));
  open = g_new0 (SittingOpen, 1);
  open->file = g_object_ref (file);
  open->sitting = g_object_ref (sitting);
  open->index = index;
  open->meeting_mode = meeting_mode;
  g_weak_ref_init (&open->replacing, replacing);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, open, sitting_open_free);
  rg_document_load_async (file, NULL, sitting_session_loaded_cb, task);
}

/* }}} */

/**
 * rg_application_open_file:
 * @self: a #RgApplication
 * @file: a session file
 *
 * Opens @file in a session window, or presents the window that already
 * shows it. A file that cannot be loaded is left untouched and the user
 * is told why.
 */
void
rg_application_open_file (RgApplication *self,
                          GFile         *file)
{
  rg_application_open_file_at (self, file, NULL, NULL);
}

/**
 * rg_application_open_file_at:
 * @self: a #RgApplication
 * @file: a session file
 * @view: (nullable): the view to show when there is no @object_id
 * @object_id: (nullable): the id of what to show in it: an action, a
 *   consent, a link, a review item, a partner
 *
 * Opens @file as rg_application_open_file() does, then shows
 * @object_id in the view that holds it, its row focused, or else @view
 * (see rg_session_window_reveal()).
 */
void
rg_application_open_file_at (RgApplication *self,
                             GFile         *file,
                             const char    *view,
                             const char    *object_id)
{
  RgSessionWindow *window;
  OpenData *open;
  GTask *task;

  g_return_if_fail (RG_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (is_sitting_file (file))
    {
      open_sitting_file (self, file);
      return;
    }

  if ((window = find_session_window (self, file)))
    {
      present_session_window (window, view, object_id);
      return;
    }

  /* Keeps the application running while the file loads. */
  g_application_hold (G_APPLICATION (self));
  open = g_new0 (OpenData, 1);
  open->file = g_object_ref (file);
  open->view = g_strdup (view);
  open->object_id = g_strdup (object_id);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, open, open_data_free);
  rg_document_load_async (file, NULL, open_file_cb, task);
}

static void
rg_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    rg_application_open_file (RG_APPLICATION (app), files[i]);
}

/**
 * rg_application_get_library_dir:
 * @self: a #RgApplication
 *
 * Returns: (transfer full): the folder of the session files, as the
 *   settings say, or the default one
 */
char *
rg_application_get_library_dir (RgApplication *self)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (RG_IS_APPLICATION (self), NULL);

  folder = g_settings_get_string (self->settings, "library-folder");
  if (folder[0] == '\0')
    return rg_paths_get_default_library_dir ();

  return g_steal_pointer (&folder);
}

/* {{{ The library */

static void
set_library_error (RgApplication *self,
                   const char    *message)
{
  if (g_strcmp0 (self->library_error, message) == 0)
    return;

  g_free (self->library_error);
  self->library_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY_ERROR]);
}

/* The scan may end after the application is gone (tests make many):
 * it holds only a weak reference to it. */
static void
scan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(RgApplication) self = g_weak_ref_get (weak);
  g_autoptr(RgLibraryScanResult) scan_result = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  scan_result = rg_library_scan_finish (RG_LIBRARY (object), result, &error);
  if (scan_result == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Scanning the library failed: %s", error->message);
      if (self != NULL && self->library == RG_LIBRARY (object))
        set_library_error (self, error->message);
    }
}

static void
start_scan (RgApplication *self)
{
  GWeakRef *weak;

  self->scan_pending = FALSE;
  g_clear_handle_id (&self->scan_source, g_source_remove);
  if (self->library == NULL)
    return;

  self->scan_cancellable = g_cancellable_new ();
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  rg_library_scan_async (self->library, self->scan_cancellable, scan_cb, weak);
}

/* The scan at startup waits for the first frame of the first window:
 * it reads the whole folder and the whole index, and would hold the
 * index and a processor while the window asks for its first page. */
static void
first_frame_cb (GdkFrameClock *clock,
                RgApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  self->painted = TRUE;
  if (self->scan_pending)
    start_scan (self);
}

static void
window_realized_cb (GtkWidget     *window,
                    RgApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, window_realized_cb, self);
  if (!self->painted)
    g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                             G_CALLBACK (first_frame_cb), self, 0);
}

static void
window_added_cb (RgApplication *self,
                 GtkWindow     *window)
{
  if (!self->painted)
    g_signal_connect_object (window, "realize", G_CALLBACK (window_realized_cb), self, 0);
}

/* No window painted (none was asked for, or it failed): the scan
 * waits no longer */
static gboolean
scan_timeout_cb (gpointer user_data)
{
  RgApplication *self = user_data;

  self->scan_source = 0;
  self->painted = TRUE;
  if (self->scan_pending)
    start_scan (self);

  return G_SOURCE_REMOVE;
}

/* Opens the library of the folder the settings name, and brings its
 * index up to date in a thread: the window lists what is indexed
 * already, and more as the scan finds it. At startup the scan waits
 * for the first window's first frame. */
static void
load_library (RgApplication *self)
{
  g_autofree char *folder = rg_application_get_library_dir (self);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (self->scan_cancellable);
  g_clear_object (&self->scan_cancellable);
  g_clear_object (&self->library);
  set_library_error (self, NULL);

  if (!rg_paths_ensure_private_dir (folder, &error) ||
      !(self->library = rg_library_new (folder, NULL, &error)))
    {
      g_debug ("Could not open the library of %s: %s", folder, error->message);
      set_library_error (self, error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY]);
      return;
    }

  rg_library_set_monitoring (self->library, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY]);

  if (self->painted)
    start_scan (self);
  else
    self->scan_pending = TRUE;
}

/**
 * rg_application_get_library:
 * @self: a #RgApplication
 *
 * The library of the folder the settings name, opened at startup and
 * opened again when the setting changes (RgWindowHost:library is then
 * notified).
 *
 * Returns: (transfer none) (nullable): the library, or %NULL when its
 *   index cannot be opened (RgWindowHost:library-error says why)
 */
RgLibrary *
rg_application_get_library (RgApplication *self)
{
  g_return_val_if_fail (RG_IS_APPLICATION (self), NULL);

  return self->library;
}

/**
 * rg_application_get_library_error:
 * @self: a #RgApplication
 *
 * Returns: (transfer none) (nullable): why the library could not be
 *   opened or read, in words for the coordinator, or %NULL
 */
const char *
rg_application_get_library_error (RgApplication *self)
{
  g_return_val_if_fail (RG_IS_APPLICATION (self), NULL);

  return self->library_error;
}

/* }}} */

/* Writes what every session window holds, at once. Returns whether
 * everything is on disk. */
static gboolean
rg_application_save_all (RgApplication *self)
{
  gboolean saved = TRUE;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      g_autoptr(GError) error = NULL;

      if (!RG_IS_SESSION_WINDOW (l->data))
        continue;

      /* What is being typed is in the session already (see
       * rg-editable-text.c). */
      if (!rg_session_window_save_now (l->data, &error))
        {
          g_printerr ("%s\n", error->message);
          saved = FALSE;
        }
    }

  return saved;
}

/* Logging out, shutting down, Ctrl+C in a terminal or kill: what is
 * pending is written first, then Regards ends. */
static gboolean
on_quit_signal (gpointer user_data)
{
  RgApplication *self = user_data;

  rg_application_save_all (self);
  g_application_quit (G_APPLICATION (self));

  return G_SOURCE_CONTINUE;
}

/* The session is ending: the session manager waits for this handler. */
static void
on_query_end (RgApplication *self)
{
  rg_application_save_all (self);
}

/* The icon theme's first lookup reads the themes' index files and
 * caches, about 8 ms, which the first window would do on the main
 * thread as it shows; once the theme is made on the main thread, a
 * lookup may be made in another (see GtkIconTheme's code). */
static void
read_icon_theme (GTask        *task,
                 gpointer      theme,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 48, 1,
                                                                GTK_TEXT_DIR_NONE, 0);
}

static void
rg_application_startup (GApplication *app)
{
  RgApplication *self = RG_APPLICATION (app);

  G_APPLICATION_CLASS (rg_application_parent_class)->startup (app);

  {
    g_autoptr(GTask) task = g_task_new (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        NULL, NULL, NULL);

    g_task_run_in_thread (task, read_icon_theme);
  }

  rg_accessible_names_init ();

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::library-folder",
                           G_CALLBACK (load_library), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "window-added", G_CALLBACK (window_added_cb), NULL);
  self->scan_source = g_timeout_add_seconds (SCAN_DELAY_S, scan_timeout_cb, self);
  load_library (self);

  /* The .Devel build shares the resources and icon names of the
   * installed one. */
  gtk_window_set_default_icon_name (APP_ID);

  rg_shortcuts_set_accels (GTK_APPLICATION (self));

  self->signal_sources[0] = g_unix_signal_add (SIGTERM, on_quit_signal, self);
  self->signal_sources[1] = g_unix_signal_add (SIGINT, on_quit_signal, self);
  self->signal_sources[2] = g_unix_signal_add (SIGHUP, on_quit_signal, self);
  g_signal_connect (self, "query-end", G_CALLBACK (on_query_end), NULL);
}

static void
rg_application_shutdown (GApplication *app)
{
  RgApplication *self = RG_APPLICATION (app);

  g_cancellable_cancel (self->scan_cancellable);
  g_clear_handle_id (&self->scan_source, g_source_remove);
  self->scan_pending = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);

  G_APPLICATION_CLASS (rg_application_parent_class)->shutdown (app);
}

static void
rg_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RgApplication *self = RG_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_LIBRARY_ERROR:
      g_value_set_string (value, self->library_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_application_finalize (GObject *object)
{
  RgApplication *self = RG_APPLICATION (object);

  g_cancellable_cancel (self->scan_cancellable);
  g_clear_object (&self->scan_cancellable);
  g_clear_object (&self->library);
  g_clear_pointer (&self->library_error, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rg_application_parent_class)->finalize (object);
}

static void
rg_application_class_init (RgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rg_application_finalize;
  object_class->get_property = rg_application_get_property;

  app_class->activate = rg_application_activate;
  app_class->startup = rg_application_startup;
  app_class->shutdown = rg_application_shutdown;
  app_class->open = rg_application_open;
  app_class->handle_local_options = rg_application_handle_local_options;

  /* The windows' host: see rg-window-host.c */
  g_object_class_override_property (object_class, PROP_LIBRARY, "library");
  properties [PROP_LIBRARY] = g_object_class_find_property (object_class, "library");
  g_object_class_override_property (object_class, PROP_LIBRARY_ERROR, "library-error");
  properties [PROP_LIBRARY_ERROR] = g_object_class_find_property (object_class, "library-error");
}

static void
rg_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RgApplication *self = user_data;
  static const char *developers[] = { "The Regards developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Regards"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Regards developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Shared diagnosis sessions: each partner’s reading of a "
                                      "child’s situation, side by side."),
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        "copyright", _("© 2026 The Regards developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (about);
}

static void
rg_application_new_sitting (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  RgApplication *self = user_data;

  rg_new_sitting_dialog_present (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
rg_application_preferences (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  RgApplication *self = user_data;
  RgPreferencesWindow *window;

  window = rg_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                      self->settings);
  gtk_window_present (GTK_WINDOW (window));
}

static void
rg_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RgApplication *self = user_data;

  /* Closing each window lets it write what it holds before we go. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", rg_application_about },
  { "new-sitting", rg_application_new_sitting },
  { "preferences", rg_application_preferences },
  { "quit", rg_application_quit },
};

static void
rg_application_init (RgApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

RgApplication *
rg_application_new (void)
{
  return g_object_new (RG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/io/github/regards/Regards",
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/**
 * rg_application_get_settings:
 * @self: a #RgApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
rg_application_get_settings (RgApplication *self)
{
  g_return_val_if_fail (RG_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* {{{ The windows' host */

static GSettings *
host_get_settings (RgWindowHost *host)
{
  return rg_application_get_settings (RG_APPLICATION (host));
}

static RgLibrary *
host_get_library (RgWindowHost *host)
{
  return rg_application_get_library (RG_APPLICATION (host));
}

static const char *
host_get_library_error (RgWindowHost *host)
{
  return rg_application_get_library_error (RG_APPLICATION (host));
}

static char *
host_get_library_dir (RgWindowHost *host)
{
  return rg_application_get_library_dir (RG_APPLICATION (host));
}

static void
host_open_file (RgWindowHost *host,
                GFile        *file)
{
  rg_application_open_file (RG_APPLICATION (host), file);
}

static void
host_open_file_at (RgWindowHost *host,
                   GFile        *file,
                   const char   *view,
                   const char   *object_id)
{
  rg_application_open_file_at (RG_APPLICATION (host), file, view, object_id);
}

static void
host_open_sitting_item (RgWindowHost *host,
                        RgSitting    *sitting,
                        guint         index,
                        gboolean      meeting_mode,
                        GtkWindow    *replacing)
{
  rg_application_open_sitting_item (RG_APPLICATION (host), sitting, index, meeting_mode, replacing);
}

static GtkWindow *
host_find_session_window (RgWindowHost *host,
                          GFile        *file)
{
  return rg_application_find_session_window (RG_APPLICATION (host), file);
}

static void
rg_application_window_host_init (RgWindowHostInterface *iface)
{
  iface->get_settings = host_get_settings;
  iface->get_library = host_get_library;
  iface->get_library_error = host_get_library_error;
  iface->get_library_dir = host_get_library_dir;
  iface->open_file = host_open_file;
  iface->open_file_at = host_open_file_at;
  iface->find_session_window = host_find_session_window;
  iface->open_sitting_item = host_open_sitting_item;
}

/* }}} */
