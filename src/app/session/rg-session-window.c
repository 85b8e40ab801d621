/* rg-session-window.c — one session, its views, and nothing ever lost
 *
 * There is no save button: every change marks the document modified,
 * and a short debounce later (the autosave delay, one second by
 * default) it is written atomically in a worker thread. Closing the
 * window writes at once. A save that fails is tried again, sooner when
 * the folder changes, and a notice stays up saying why until it works,
 * with a way to save a copy elsewhere; while it fails, closing asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-file-io.h"
#include "rg-save-chooser.h"

#include "rg-actions-view.h"
#include "rg-conflicts-dialog.h"
#include "rg-contribution-dialog.h"
#include "rg-criteria-view.h"
#include "rg-diagnosis-view.h"
#include "rg-dimension-dialog.h"
#include "rg-editable-text.h"
#include "rg-export-dialog.h"
#include "rg-follow-up.h"
#include "rg-links-view.h"
#include "rg-glossary-view.h"
#include "rg-partner-dialog.h"
#include "rg-paths.h"
#include "rg-session-details-dialog.h"
#include "rg-session-window.h"
#include "rg-shortcuts.h"
#include "rg-sitting-bar.h"
#include "rg-timeline-window.h"
#include "rg-window-host.h"
#include "rg-window-state.h"

#define ZOOM_STEP 0.1

/* The smallest body text meeting mode chooses by itself, in pixels:
 * still readable from the back of a meeting room, three metres from a
 * projected 1920 × 1080 screen. */
#define MEETING_FLOOR_PX 16.0

/* A failed save is tried again after this, then twice as long each
 * time, up to the longest: a disk that is full again a moment later is
 * not written to a hundred times a second. */
#define RETRY_FIRST_MS 2000
#define RETRY_LONGEST_MS 30000

/* After a change in the folder of a failing save (space freed, the
 * folder made writable again), the next try comes this soon. */
#define RETRY_ON_CHANGE_MS 250

struct _RgSessionWindow
{
  AdwApplicationWindow  parent_instance;

  RgDocument           *document;
  RgSessionEditor      *editor;
  GSettings            *settings;
  GtkCssProvider       *zoom_css;
  char                 *zoom_class;
  GCancellable         *cancellable;

  guint                 autosave_source;
  guint                 retry_source;
  guint                 fit_zoom_source;
  guint                 retry_delay;
  guint                 inhibit_cookie;
  GFileMonitor         *folder_monitor;   /* while saving fails */
  GError               *save_error;       /* why the last save failed */
  guint                 saving : 1;
  guint                 closing_unsaved : 1;
  guint                 meeting_mode : 1;
  guint                 blind_round : 1;
  guint                 looked_for_previous : 1;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *details_button;
  AdwWindowTitle       *window_title;
  AdwViewStack         *view_stack;
  GtkMenuButton        *primary_menu_button;
  RgDiagnosisView      *diagnosis_view;
  RgLinksView          *links_view;
  RgCriteriaView       *criteria_view;
  RgActionsView        *actions_view;
  RgGlossaryView       *glossary_view;
  GtkWidget            *contribution_banner;
  GtkLabel             *contribution_label;
  GtkWidget            *follow_up_banner;
  GtkLabel             *follow_up_label;
  GFile                *previous_file;    /* the session this one follows */
  RgSitting            *sitting;          /* the sitting it was opened from */
  guint                 sitting_index;    /* its situation on the agenda */
  RgSittingBar         *sitting_bar;
  GtkWidget            *save_banner;
  GtkLabel             *save_label;
  GtkWidget            *conflicts_banner;
  GtkLabel             *conflicts_label;
  GtkLabel             *zoom_label;
  GtkWidget            *meeting_button;
  GtkWidget            *leave_meeting_button;

  /* What last held the keyboard, to give it back when the focus was
   * taken away (by a dialog, an undo) */
  GtkWidget            *last_focus;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MEETING_MODE,
  PROP_BLIND_ROUND,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgSessionWindow, rg_session_window, ADW_TYPE_APPLICATION_WINDOW)

static void schedule_autosave (RgSessionWindow *self);
static void find_previous_session (RgSessionWindow *self);

/* {{{ Saving */

/* The library index follows each save of a file of the library folder;
 * the library itself ignores the files opened from elsewhere. */
static void
update_library (RgSessionWindow *self)
{
  RgWindowHost *host = rg_window_host_get_for_widget (GTK_WIDGET (self));
  RgLibrary *library = host ? rg_window_host_get_library (host) : NULL;
  g_autoptr(GError) error = NULL;

  if (library == NULL)
    return;

  if (!rg_library_update_file (library, rg_document_get_file (self->document),
                               rg_document_get_session (self->document), &error) &&
      !g_error_matches (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_NOT_IN_LIBRARY))
    g_debug ("Could not index the saved session: %s", error->message);
}

static void
show_save_error (RgSessionWindow *self,
                 const GError    *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* While anything is not on disk, logging out waits for it (where the
 * session manager lets an application say so). */
static void
update_inhibit (RgSessionWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean pending = rg_document_get_modified (self->document) || self->saving;

  if (app == NULL)
    return;

  if (pending && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_LOGOUT,
                                                    _("Saving the session"));
  else if (!pending && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

/* The notice that stays up while the file does not hold the session. */
static void
update_save_banner (RgSessionWindow *self)
{
  g_autofree char *message = NULL;

  if (rg_document_get_read_only (self->document))
    message = g_strdup (_("This session is read-only: changes made here are not saved in it. "
                          "Use “Save a Copy…” to keep them."));
  else if (self->save_error != NULL)
    /* Translators: the notice of a session window whose saves fail; %s
     * is why, such as "Could not save “revue.regards”. The disk is
     * full." */
    message = g_strdup_printf (_("Your latest changes are not saved. %s "
                                 "Regards keeps trying; you can also save a copy elsewhere."),
                               self->save_error->message);

  gtk_widget_set_visible (self->save_banner, message != NULL);
  if (message != NULL)
    {
      gtk_label_set_label (self->save_label, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_banner),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
}

static void start_save (RgSessionWindow *self);

static gboolean
retry_timeout (gpointer user_data)
{
  RgSessionWindow *self = user_data;

  self->retry_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_retry (RgSessionWindow *self,
                guint            delay_ms)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_source = g_timeout_add (delay_ms, retry_timeout, self);
}

static void
on_folder_changed (RgSessionWindow   *self,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *saved = name ? rg_file_parse_temp_name (name, NULL) : NULL;

  /* A try of our own makes and removes a temporary file there: that is
   * no news, or a full disk would be tried four times a second. */
  if (saved != NULL)
    return;

  if (self->save_error != NULL && !self->saving)
    schedule_retry (self, RETRY_ON_CHANGE_MS);
}

static void
set_save_error (RgSessionWindow *self,
                const GError    *error)
{
  gboolean was_failing = self->save_error != NULL;

  g_clear_error (&self->save_error);

  if (error != NULL)
    {
      self->save_error = g_error_copy (error);
      self->retry_delay = was_failing ? MIN (self->retry_delay * 2, RETRY_LONGEST_MS)
                                      : RETRY_FIRST_MS;
      schedule_retry (self, self->retry_delay);

      /* Space freed or the folder made writable again shows there. */
      if (self->folder_monitor == NULL)
        {
          g_autoptr(GFile) folder = g_file_get_parent (rg_document_get_file (self->document));

          if (folder != NULL &&
              (self->folder_monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_NONE,
                                                                NULL, NULL)) != NULL)
            g_signal_connect_object (self->folder_monitor, "changed",
                                     G_CALLBACK (on_folder_changed), self, G_CONNECT_SWAPPED);
        }
    }
  else
    {
      g_clear_handle_id (&self->retry_source, g_source_remove);
      if (self->folder_monitor != NULL)
        g_file_monitor_cancel (self->folder_monitor);
      g_clear_object (&self->folder_monitor);
      if (was_failing)
        {
          AdwToast *toast = adw_toast_new (_("Your changes are saved again"));

          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
    }

  update_save_banner (self);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RgSessionWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (!rg_document_save_finish (RG_DOCUMENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Saving failed: %s", error->message);
      /* A conflict copy was written and the document now points at it:
       * nothing is lost. Other failures are tried again. */
      if (!g_error_matches (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CONFLICT))
        {
          set_save_error (self, error);
          update_inhibit (self);
          return;
        }

      show_save_error (self, error);
    }

  set_save_error (self, NULL);
  update_library (self);
  update_inhibit (self);

  /* What was typed during the save goes out next. */
  if (rg_document_get_modified (self->document))
    schedule_autosave (self);
}

/* Fields changed here and elsewhere differently wait for a choice. */
static void
update_conflicts_banner (RgSessionWindow *self)
{
  GListModel *conflicts = rg_session_get_conflicts (rg_document_get_session (self->document));
  guint n = g_list_model_get_n_items (conflicts);
  g_autofree char *message = NULL;

  gtk_widget_set_visible (self->conflicts_banner, n > 0);
  if (n == 0)
    return;

  message = g_strdup_printf (ngettext ("%u change was made both here and elsewhere: both "
                                       "versions are kept until you choose.",
                                       "%u changes were made both here and elsewhere: both "
                                       "versions are kept until you choose.",
                                       n),
                             n);
  gtk_label_set_label (self->conflicts_label, message);
}

static void
show_conflicts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);

  gtk_window_present (rg_conflicts_dialog_new (GTK_WINDOW (self), self->editor));
}

/* What another program wrote in the file is in the session now. */
static void
on_document_merged (RgSessionWindow *self,
                    guint            n_conflicts)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (n_conflicts == 0)
    message = g_strdup (_("Updated with changes made elsewhere"));
  else
    message = g_strdup_printf (ngettext ("Merged with changes made elsewhere: %u change to choose",
                                         "Merged with changes made elsewhere: %u changes to choose",
                                         n_conflicts),
                               n_conflicts);

  toast = adw_toast_new (message);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
can_save (RgSessionWindow *self)
{
  return !self->saving &&
         !rg_document_get_read_only (self->document) &&
         rg_document_get_modified (self->document);
}

static void
start_save (RgSessionWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);

  if (!can_save (self))
    return;

  self->saving = TRUE;
  rg_document_save_async (self->document, self->cancellable, save_cb, g_object_ref (self));
}

static gboolean
autosave_timeout (gpointer user_data)
{
  RgSessionWindow *self = user_data;

  self->autosave_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (RgSessionWindow *self)
{
  guint delay;

  update_inhibit (self);

  /* A failing save has its own rhythm; see set_save_error (). */
  if (self->autosave_source != 0 || self->retry_source != 0 || !can_save (self))
    return;

  delay = self->settings ? g_settings_get_uint (self->settings, "autosave-delay") : 1;
  /* In milliseconds: a timeout in seconds may fire up to a second late. */
  self->autosave_source = g_timeout_add (delay * 1000, autosave_timeout, self);
}

/**
 * rg_session_window_save_now:
 * @self: a #RgSessionWindow
 * @error: a location for a #GError
 *
 * Writes the session at once, on this thread, if it has unsaved
 * changes. Used when the window closes and when the program is told to
 * end.
 *
 * Returns: %TRUE when nothing is left unsaved
 */
gboolean
rg_session_window_save_now (RgSessionWindow  *self,
                            GError          **error)
{
  g_return_val_if_fail (RG_IS_SESSION_WINDOW (self), FALSE);

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  /* A save in flight holds what it serialised; wait for it to land so
   * the two never race on the file. */
  while (self->saving)
    g_main_context_iteration (NULL, TRUE);

  if (!rg_document_get_modified (self->document))
    return TRUE;

  if (!rg_document_save (self->document, NULL, error))
    return FALSE;

  set_save_error (self, NULL);
  update_library (self);
  update_inhibit (self);

  return TRUE;
}

/* Writes the session, as it is now, to a file the user chooses. The
 * window goes on saving to its own file. Returns whether it was written. */
static gboolean
write_copy (RgSessionWindow *self,
            GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  gboolean written;

  written = rg_document_save_copy (self->document, file, NULL, &error);
  if (written)
    /* Translators: a toast once a copy of the session is saved. */
    message = g_strdup_printf (_("A copy is saved in “%s”"), name);
  else
    message = g_strdup (error->message);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));

  return written;
}

static gboolean
close_unsaved_cb (gpointer user_data)
{
  RgSessionWindow *self = user_data;

  self->closing_unsaved = TRUE;
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
copy_chooser_response (GtkNativeDialog *chooser,
                       int              response,
                       RgSessionWindow *self)
{
  g_autoptr(GFile) file = NULL;
  gboolean then_close = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "then-close"));

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      write_copy (self, file) && then_close)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_unsaved_cb, g_object_ref (self), g_object_unref);

  g_object_unref (chooser);
}

static void
save_copy (RgSessionWindow *self,
           gboolean         then_close)
{
  g_autofree char *basename = g_file_get_basename (rg_document_get_file (self->document));
  GtkFileChooserNative *chooser;

  chooser = rg_save_chooser_new (GTK_WINDOW (self), _("Save a Copy"), _("Regards sessions"),
                                 "application/x-regards+xml", basename);
  g_object_set_data (G_OBJECT (chooser), "then-close", GINT_TO_POINTER (then_close));
  g_signal_connect_object (chooser, "response", G_CALLBACK (copy_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  save_copy (RG_SESSION_WINDOW (widget), FALSE);
}

static void
unsaved_close_response (AdwMessageDialog *dialog,
                        const char       *response,
                        RgSessionWindow  *self)
{
  if (g_str_equal (response, "copy"))
    save_copy (self, TRUE);
  else if (g_str_equal (response, "close"))
    /* Once the dialog, which is transient for the window, is gone. */
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_unsaved_cb, g_object_ref (self), g_object_unref);
}

/* Closing while the file does not hold the session: the user decides. */
static void
ask_before_closing (RgSessionWindow *self,
                    const GError    *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Latest Changes Are Not Saved"),
                                   error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Open"),
                                    "copy", _("_Save a Copy…"),
                                    "close", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* }}} */
/* {{{ Zoom and meeting mode */

/* The size of the window's text, at zoom 1.0, in pixels */
static double
get_font_px (RgSessionWindow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size;

  if (font == NULL || (size = pango_font_description_get_size (font) / (double) PANGO_SCALE) <= 0)
    return 14.0;
  if (!pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;

  return size;
}

/* The zoom the coordinator chose, or in meeting mode the largest at
 * which the diagnosis shows the whole team, up to that choice: never
 * so small that the back of the room cannot read it, unless the
 * coordinator chose smaller still. */
static double
get_zoom (RgSessionWindow *self)
{
  double chosen = g_settings_get_double (self->settings, self->meeting_mode ? "meeting-zoom" : "zoom");
  double fitting = rg_diagnosis_view_get_fitting_zoom (self->diagnosis_view);
  double floor = MEETING_FLOOR_PX / get_font_px (self);

  if (!self->meeting_mode || fitting <= 0)
    return chosen;

  return MIN (chosen, MAX (fitting, floor));
}

static void
apply_zoom (RgSessionWindow *self)
{
  double zoom = get_zoom (self);
  g_autofree char *css = NULL;
  g_autofree char *percent = NULL;

  /* Every view of the session scales, not the header bar. */
  css = g_strdup_printf ("window.%s .session-views { font-size: %d%%; }\n"
                         "window.%s .session-views image { -gtk-icon-size: %dpx; }\n",
                         self->zoom_class, (int) (zoom * 100 + .5),
                         self->zoom_class, (int) (16 * zoom + .5));
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->zoom_css, css);
#else
  gtk_css_provider_load_from_data (self->zoom_css, css, -1);
#endif
  rg_diagnosis_view_set_zoom (self->diagnosis_view, zoom);

  percent = g_strdup_printf ("%d%%", (int) (zoom * 100 + .5));
  gtk_label_set_label (self->zoom_label, percent);
}

static gboolean
fit_zoom_cb (gpointer user_data)
{
  RgSessionWindow *self = user_data;

  self->fit_zoom_source = 0;
  apply_zoom (self);

  return G_SOURCE_REMOVE;
}

/* The window's size, or the team's, changed what fits: the zoom
 * follows, once the layout is done. */
static void
fitting_zoom_changed (RgSessionWindow *self)
{
  if (self->meeting_mode && self->fit_zoom_source == 0)
    self->fit_zoom_source = g_idle_add (fit_zoom_cb, self);
}

static void
set_zoom (RgSessionWindow *self,
          double           zoom)
{
  g_settings_set_double (self->settings, self->meeting_mode ? "meeting-zoom" : "zoom",
                         CLAMP (zoom, 0.5, 4.0));
  apply_zoom (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);

  if (g_str_equal (action_name, "session.zoom-in"))
    set_zoom (self, get_zoom (self) + ZOOM_STEP);
  else if (g_str_equal (action_name, "session.zoom-out"))
    set_zoom (self, get_zoom (self) - ZOOM_STEP);
  else
    {
      g_settings_reset (self->settings, self->meeting_mode ? "meeting-zoom" : "zoom");
      apply_zoom (self);
    }
}

static void
rg_session_window_set_meeting_mode (RgSessionWindow *self,
                                    gboolean         meeting_mode)
{
  meeting_mode = !!meeting_mode;
  if (self->meeting_mode == meeting_mode)
    return;

  self->meeting_mode = meeting_mode;
  if (meeting_mode)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
  rg_diagnosis_view_set_meeting (self->diagnosis_view, meeting_mode);
  rg_sitting_bar_set_large (self->sitting_bar, meeting_mode);
  apply_zoom (self);
  /* Escape is not the way out: it ends typing, as everywhere. Meeting
   * mode has its own key, F11, and a button that says what it does. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.leave-meeting-mode", meeting_mode);
  gtk_widget_set_visible (self->meeting_button, !meeting_mode);
  gtk_widget_set_visible (self->leave_meeting_button, meeting_mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEETING_MODE]);
}

static void
leave_meeting_mode_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  rg_session_window_set_meeting_mode (RG_SESSION_WINDOW (widget), FALSE);
}

static GtkWidget *
create_zoom_box (RgSessionWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  struct { const char *icon; const char *action; const char *label; } buttons[] = {
    { "zoom-out-symbolic", "session.zoom-out", N_("Zoom Out") },
    { NULL, "session.zoom-reset", N_("Reset Zoom") },
    { "zoom-in-symbolic", "session.zoom-in", N_("Zoom In") },
  };

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "zoom-box");

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button;

      if (buttons[i].icon != NULL)
        button = gtk_button_new_from_icon_name (buttons[i].icon);
      else
        {
          button = gtk_button_new ();
          self->zoom_label = GTK_LABEL (gtk_label_new ("100%"));
          gtk_label_set_width_chars (self->zoom_label, 5);
          gtk_button_set_child (GTK_BUTTON (button), GTK_WIDGET (self->zoom_label));
        }

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
      gtk_widget_set_tooltip_text (button, _(buttons[i].label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(buttons[i].label), -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

/* }}} */
/* {{{ Where the keyboard is */

/* What holds @focus for the keyboard: the widget itself, or, for the
 * editor of a text, the field or card it edits, which stays when the
 * editor goes. */
static GtkWidget *
focus_holder (GtkWidget *focus)
{
  GtkWidget *editable;

  if (focus == NULL || !GTK_IS_TEXT_VIEW (focus) ||
      !(editable = gtk_widget_get_ancestor (focus, RG_TYPE_EDITABLE_TEXT)))
    return focus;

  for (GtkWidget *holder = editable; holder != NULL; holder = gtk_widget_get_parent (holder))
    if (gtk_widget_get_focusable (holder))
      return holder;

  return focus;
}

static void
on_focus_widget_changed (RgSessionWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (focus != NULL)
    g_set_weak_pointer (&self->last_focus, focus_holder (focus));
}

/* Gives the keyboard back to what held it last, if it is still in the
 * window; else to the diagnosis' first card. The keyboard is never
 * left nowhere: a screen reader would have nothing to read, and the
 * next key would go to the view switcher. */
static void
restore_focus (RgSessionWindow *self)
{
  GtkWidget *last = self->last_focus;

  if (last != NULL && gtk_widget_get_root (last) == GTK_ROOT (self) &&
      gtk_widget_is_visible (last) && gtk_widget_grab_focus (last))
    return;

  if (adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->diagnosis_view))
    rg_diagnosis_view_focus_cell (self->diagnosis_view, 0, 0, 0);
}

/* Back from a dialog (the window active again) with no focus: the
 * dialog's opener took it away to commit what was being typed. */
static void
on_active_changed (RgSessionWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    restore_focus (self);
}

static void
on_statements_changed_by_undo (GListModel   *statements,
                               guint         position,
                               guint         removed,
                               guint         added,
                               RgStatement **restored)
{
  if (added > 0)
    {
      g_clear_object (restored);
      *restored = g_list_model_get_item (statements, position + added - 1);
    }
}

/* }}} */
/* {{{ Actions */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);
  RgUndoStack *undo = rg_session_editor_get_undo_stack (self->editor);
  GListModel *statements = rg_session_get_statements (rg_session_editor_get_session (self->editor));
  g_autoptr(RgStatement) restored = NULL;
  gulong handler;

  /* Text being typed is committed first, so that undo takes back what
   * the coordinator sees. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  /* A statement the step brings back gets the keyboard; else what had
   * it keeps it, if it is still there. */
  handler = g_signal_connect (statements, "items-changed",
                              G_CALLBACK (on_statements_changed_by_undo), &restored);
  if (g_str_equal (action_name, "session.undo"))
    rg_undo_stack_undo (undo);
  else
    rg_undo_stack_redo (undo);
  g_signal_handler_disconnect (statements, handler);

  if (restored != NULL &&
      adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->diagnosis_view) &&
      rg_diagnosis_view_focus_statement (self->diagnosis_view, restored))
    return;

  restore_focus (self);
}

static void
update_undo_actions (RgSessionWindow *self)
{
  RgUndoStack *undo = rg_session_editor_get_undo_stack (self->editor);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.undo",
                                 rg_undo_stack_get_can_undo (undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.redo",
                                 rg_undo_stack_get_can_redo (undo));
}

static void
add_partner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);

  rg_partner_dialog_add (widget, self->editor);
}

static void
on_report_exported (RgSessionWindow *self,
                    GFile           *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  /* Translators: %s is the name of the report's file */
  message = g_strdup_printf (_("Report exported as “%s”"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, rg_save_chooser_new_toast (message, file));
}

static void
on_report_printed (RgSessionWindow *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Report sent to the printer")));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);
  RgSession *session = rg_session_editor_get_session (self->editor);
  g_autoptr(GFile) folder = g_file_get_parent (rg_document_get_file (self->document));
  RgExportDialog *dialog;

  if (g_str_equal (action_name, "session.print"))
    dialog = rg_export_dialog_new_for_printing (GTK_WINDOW (self), session);
  else
    dialog = rg_export_dialog_new (GTK_WINDOW (self), session);
  rg_export_dialog_set_folder (dialog, folder);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_report_exported), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "printed", G_CALLBACK (on_report_printed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_dimension_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);

  rg_dimension_dialog_add (widget, self->editor);
}

static void
ask_contribution_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);
  RgDiagnosisCell *cell = rg_diagnosis_view_get_focused_cell (self->diagnosis_view);

  /* Toasts go to the overlay the view stack is in. */
  rg_contribution_dialog_ask (GTK_WIDGET (self->view_stack), self->editor,
                              cell ? rg_diagnosis_cell_get_partner (cell) : NULL);
}

static void
import_contributions_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);

  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  rg_contribution_dialog_import (GTK_WIDGET (self->view_stack), self->editor);
}

/* A contribution needs a partner to be asked. */
static void
update_contribution_actions (RgSessionWindow *self)
{
  RgSession *session = rg_document_get_session (self->document);
  gboolean session_proper = rg_session_get_kind (session) == RG_SESSION_KIND_SESSION;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.ask-contribution",
                                 session_proper &&
                                 g_list_model_get_n_items (rg_session_get_partners (session)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.import-contributions", session_proper);
}

/* A partner's contribution opens on their column alone, to fill in and
 * save in place: what else a session holds is the coordinator's. */
/* The views other than the diagnosis: hidden in a contribution, and
 * during a blind round, where each would name the authors */
static void
set_other_views_visible (RgSessionWindow *self,
                         gboolean         visible)
{
  GtkWidget *views[] = {
    GTK_WIDGET (self->links_view), GTK_WIDGET (self->glossary_view),
    GTK_WIDGET (self->criteria_view), GTK_WIDGET (self->actions_view),
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack, views[i]), visible);
}

static void
show_as_contribution (RgSessionWindow *self)
{
  RgSession *session = rg_document_get_session (self->document);
  const char *contributor_id = rg_session_get_contributor_id (session);
  RgPartner *partner = contributor_id ? rg_session_find_partner (session, contributor_id) : NULL;
  g_autofree char *text = NULL;

  set_other_views_visible (self, FALSE);

  /* Nor what belongs to the meeting and the situation: a blind round,
   * follow-ups, the timeline and the session's details */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-partner", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-dimension", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.blind-round", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.new-follow-up", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.show-timeline", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.details", FALSE);

  /* Translators: %s is the partner's name */
  text = g_strdup_printf (_("Contribution of %s: write your reading in your column, one statement "
                            "per card. It is saved in this file as you type; when done, send the "
                            "file back to the coordinator."),
                          partner ? rg_partner_get_name (partner) : _("a partner"));
  gtk_label_set_label (self->contribution_label, text);
  gtk_widget_set_visible (self->contribution_banner, TRUE);
}

/* A glossary word activated in a statement opens its term. */
static void
show_term_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);
  RgSession *session = rg_session_editor_get_session (self->editor);
  RgTerm *term = rg_session_find_term (session, g_variant_get_string (parameter, NULL));

  /* Not where the glossary is hidden */
  if (term == NULL ||
      !adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack,
                                                                 GTK_WIDGET (self->glossary_view))))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "glossary");
  rg_glossary_view_show_term (self->glossary_view, term);
}

/* }}} */
/* {{{ Blind round */

/* The diagnosis shows the statements without their authors, or with
 * them again: a meeting option, never written to the file. The other
 * views, which all name partners, are hidden meanwhile. */
static void
set_blind_round (RgSessionWindow *self,
                 gboolean         blind)
{
  blind = !!blind;
  if (self->blind_round == blind)
    return;

  self->blind_round = blind;
  rg_diagnosis_view_set_blind (self->diagnosis_view, blind);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.reveal-authors", blind);
  adw_view_stack_set_visible_child_name (self->view_stack, "diagnosis");
  if (rg_session_get_kind (rg_session_editor_get_session (self->editor)) != RG_SESSION_KIND_CONTRIBUTION)
    set_other_views_visible (self, !blind);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLIND_ROUND]);
}

static void
reveal_authors_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_blind_round (RG_SESSION_WINDOW (widget), FALSE);
}

/* }}} */
/* {{{ Follow-up */

static void
follow_up_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RgSessionWindow) self = user_data;
  RgDocument *document = RG_DOCUMENT (object);
  RgWindowHost *host = rg_window_host_get_for_widget (GTK_WIDGET (self));
  RgLibrary *library = host ? rg_window_host_get_library (host) : NULL;
  g_autoptr(GError) error = NULL;

  if (!rg_document_save_finish (document, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_save_error (self, error);
      return;
    }

  if (library != NULL &&
      !rg_library_update_file (library, rg_document_get_file (document),
                               rg_document_get_session (document), &error) &&
      !g_error_matches (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_NOT_IN_LIBRARY))
    g_debug ("Could not index the follow-up session: %s", error->message);

  /* A follow-up is made to be prepared: it opens. */
  if (host != NULL)
    rg_window_host_open_file (host, rg_document_get_file (document));
}

/* The next session of the same situation, from what this window shows
 * (saved first), written in the library folder and opened. */
static void
new_follow_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);
  RgWindowHost *host = rg_window_host_get_for_widget (widget);
  RgLibrary *library = host ? rg_window_host_get_library (host) : NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  if (host == NULL)
    return;

  if (!rg_session_window_save_now (self, &error))
    {
      show_save_error (self, error);
      return;
    }

  folder = library != NULL ? g_strdup (rg_library_get_folder (library))
                           : rg_window_host_get_library_dir (host);
  if (!rg_paths_ensure_private_dir (folder, &error))
    {
      show_save_error (self, error);
      return;
    }

  session = rg_session_new_follow_up (rg_document_get_session (self->document));
  file = rg_paths_new_session_file (folder, rg_session_get_title (session));
  document = rg_document_new (session, file);
  rg_document_save_async (document, self->cancellable, follow_up_saved_cb, g_object_ref (self));
}

/* The sessions of this situation, this one saved first so that its
 * figures are the ones on screen. */
static void
show_timeline_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);
  RgWindowHost *host = rg_window_host_get_for_widget (widget);
  RgSession *session = rg_document_get_session (self->document);
  g_autoptr(GError) error = NULL;

  if (host == NULL)
    return;

  if (!rg_session_window_save_now (self, &error))
    {
      show_save_error (self, error);
      return;
    }

  rg_timeline_window_present (GTK_WINDOW (self), host,
                              rg_session_get_situation_id (session),
                              rg_document_get_file (self->document));
}

/* The session a follow-up follows, from the library: the last one of
 * the same situation dated before it (or the same day). It is named
 * while the follow-up is being prepared. */
static void
previous_found_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RgSessionWindow) self = user_data;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  RgSession *session = rg_document_get_session (self->document);
  guint n;

  entries = rg_library_query_finish (RG_LIBRARY (object), result, &error);
  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not find the previous session: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;
      const char *title;

      if (g_strcmp0 (rg_library_entry_get_id (entry), rg_session_get_id (session)) == 0 ||
          rg_library_entry_get_error_message (entry) != NULL)
        continue;

      title = rg_library_entry_get_title (entry);
      date = rg_date_format (rg_library_entry_get_date (entry));
      /* Translators: a notice at the top of a follow-up session; the
       * first %s is the title of the session it follows, the second its
       * date, such as "12 March 2024" */
      text = g_strdup_printf (_("This session follows “%s” of %s."),
                              title != NULL && *title != '\0' ? title : _("Untitled Session"),
                              date != NULL ? date : rg_library_entry_get_date (entry));
      gtk_label_set_label (self->follow_up_label, text);
      gtk_widget_set_visible (self->follow_up_banner, TRUE);

      g_clear_object (&self->previous_file);
      self->previous_file = g_file_new_for_path (rg_library_entry_get_path (entry));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.open-previous", TRUE);
      return;
    }
}

static void
find_previous_session (RgSessionWindow *self)
{
  RgSession *session = rg_document_get_session (self->document);
  RgWindowHost *host = rg_window_host_get_for_widget (GTK_WIDGET (self));
  RgLibrary *library = host ? rg_window_host_get_library (host) : NULL;
  g_autoptr(RgLibraryQuery) query = NULL;

  if (library == NULL || rg_session_get_kind (session) != RG_SESSION_KIND_SESSION ||
      rg_session_get_status (session) != RG_SESSION_STATUS_PREPARING ||
      rg_session_get_situation_id (session) == NULL)
    return;

  query = rg_library_query_new ();
  query->situation_id = g_strdup (rg_session_get_situation_id (session));
  query->to = g_strdup (rg_session_get_date (session));
  query->limit = 3;
  rg_library_query_async (library, query, self->cancellable, previous_found_cb,
                          g_object_ref (self));
}

static void
open_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);
  RgWindowHost *host = rg_window_host_get_for_widget (widget);

  if (host != NULL && self->previous_file != NULL)
    rg_window_host_open_file (host, self->previous_file);
}

/* }}} */
/* {{{ Sitting */

/* The previous or next situation of the sitting: its session opens in
 * this one's place, as this one is (in meeting mode or not). Closing
 * this window writes what it holds, as closing always does. */
static void
move_situation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);
  RgWindowHost *host = rg_window_host_get_for_widget (widget);
  gboolean next = g_str_equal (action_name, "session.next-situation");
  guint n;

  if (host == NULL || self->sitting == NULL)
    return;

  n = g_list_model_get_n_items (rg_sitting_get_items (self->sitting));
  if ((next && self->sitting_index + 1 >= n) || (!next && self->sitting_index == 0))
    return;

  /* What is being typed is the session's before it goes */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  rg_window_host_open_sitting_item (host, self->sitting,
                                    next ? self->sitting_index + 1 : self->sitting_index - 1,
                                    self->meeting_mode, GTK_WINDOW (self));
}

static void
update_sitting_actions (RgSessionWindow *self)
{
  guint n = self->sitting ? g_list_model_get_n_items (rg_sitting_get_items (self->sitting)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.previous-situation",
                                 self->sitting != NULL && self->sitting_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.next-situation",
                                 self->sitting != NULL && self->sitting_index + 1 < n);
}

/**
 * rg_session_window_set_sitting:
 * @self: a #RgSessionWindow
 * @sitting: the sitting the session was opened from
 * @index: the situation of the sitting's agenda the session is about
 *
 * Shows where the session stands in @sitting (its slot, its place on
 * the agenda, the time) and lets the coordinator move to the previous
 * and next situations (Alt+Page Up, Alt+Page Down).
 */
void
rg_session_window_set_sitting (RgSessionWindow *self,
                               RgSitting       *sitting,
                               guint            index)
{
  g_return_if_fail (RG_IS_SESSION_WINDOW (self));
  g_return_if_fail (RG_IS_SITTING (sitting));
  g_return_if_fail (index < g_list_model_get_n_items (rg_sitting_get_items (sitting)));

  g_set_object (&self->sitting, sitting);
  self->sitting_index = index;
  rg_sitting_bar_set_item (self->sitting_bar, sitting, index);
  gtk_widget_set_visible (GTK_WIDGET (self->sitting_bar), TRUE);
  update_sitting_actions (self);
}

/* }}} */
/* {{{ Details */

static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);

  /* What is being typed is the session's before the dialog shows it */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_present (GTK_WINDOW (rg_session_details_dialog_new (GTK_WINDOW (self), self->editor)));
}

/* }}} */

/* Gives the visible view the session, the first time it is shown. */
static void
attach_visible_view (RgSessionWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  if (visible == GTK_WIDGET (self->links_view) && rg_links_view_get_editor (self->links_view) == NULL)
    rg_links_view_set_editor (self->links_view, self->editor);
  else if (visible == GTK_WIDGET (self->glossary_view) && rg_glossary_view_get_editor (self->glossary_view) == NULL)
    rg_glossary_view_set_editor (self->glossary_view, self->editor);
  else if (visible == GTK_WIDGET (self->criteria_view) && rg_criteria_view_get_editor (self->criteria_view) == NULL)
    rg_criteria_view_set_editor (self->criteria_view, self->editor);
  else if (visible == GTK_WIDGET (self->actions_view) && rg_actions_view_get_editor (self->actions_view) == NULL)
    rg_actions_view_set_editor (self->actions_view, self->editor);
}

static void
update_title (RgSessionWindow *self)
{
  RgSession *session = rg_document_get_session (self->document);
  const char *title = rg_session_get_title (session);
  g_autofree char *description = NULL;
  const char *subtitle;

  if (title == NULL || *title == '\0')
    title = _("Untitled Session");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  if (rg_session_get_kind (session) == RG_SESSION_KIND_CONTRIBUTION)
    adw_window_title_set_subtitle (self->window_title,
                                   rg_session_kind_get_label (RG_SESSION_KIND_CONTRIBUTION));
  else
    adw_window_title_set_subtitle (self->window_title, rg_session_get_situation_label (session));

  /* The header's button is named for what it opens; what it shows is
   * its description */
  subtitle = adw_window_title_get_subtitle (self->window_title);
  description = subtitle != NULL && *subtitle != '\0' ? g_strdup_printf ("%s, %s", title, subtitle)
                                                      : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->details_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static gboolean
rg_session_window_close_request (GtkWindow *window)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (window);
  g_autoptr(GError) error = NULL;

  gtk_window_set_focus (window, NULL);

  if (!self->closing_unsaved && !rg_session_window_save_now (self, &error))
    {
      /* Keep the window, and with it what was typed, until the user
       * says what to do. */
      set_save_error (self, error);
      ask_before_closing (self, error);
      return TRUE;
    }

  if (!self->meeting_mode)
    rg_window_state_save (window, self->settings);

  return GTK_WINDOW_CLASS (rg_session_window_parent_class)->close_request (window);
}

static void
rg_session_window_constructed (GObject *object)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (object);
  RgSession *session = rg_document_get_session (self->document);
  RgUndoStack *undo;

  G_OBJECT_CLASS (rg_session_window_parent_class)->constructed (object);

  self->editor = rg_session_editor_new (session);
  undo = rg_session_editor_get_undo_stack (self->editor);
  rg_diagnosis_view_set_editor (self->diagnosis_view, self->editor);

  /* The other views are made when first shown: opening a session shows
   * its diagnosis, and should not wait for the rest. */
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (attach_visible_view),
                           self, G_CONNECT_SWAPPED);
  attach_visible_view (self);

  g_signal_connect_object (undo, "notify::can-undo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "notify::can-redo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  update_undo_actions (self);

  g_signal_connect_object (session, "notify::title", G_CALLBACK (update_title),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::situation-label", G_CALLBACK (update_title),
                           self, G_CONNECT_SWAPPED);
  update_title (self);

  g_signal_connect_object (rg_session_get_partners (session), "items-changed",
                           G_CALLBACK (update_contribution_actions), self, G_CONNECT_SWAPPED);
  update_contribution_actions (self);
  if (rg_session_get_kind (session) == RG_SESSION_KIND_CONTRIBUTION)
    show_as_contribution (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.open-previous", FALSE);

  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (schedule_autosave),
                           self, G_CONNECT_SWAPPED);
  schedule_autosave (self);
  update_save_banner (self);

  /* A sync engine or another program may change the file while it is
   * open here: its version is merged in. */
  g_signal_connect_object (self->document, "merged", G_CALLBACK (on_document_merged),
                           self, G_CONNECT_SWAPPED);
  rg_document_watch (self->document);
  g_signal_connect_object (rg_session_get_conflicts (session), "items-changed",
                           G_CALLBACK (update_conflicts_banner), self, G_CONNECT_SWAPPED);
  update_conflicts_banner (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* The keyboard starts in the diagnosis, on its first statement: Enter
 * adds one there, arrows move through the grid. */
static gboolean
focus_first_cell_cb (gpointer user_data)
{
  RgSessionWindow *self = user_data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if ((focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view_stack))) &&
      adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->diagnosis_view))
    rg_diagnosis_view_focus_cell (self->diagnosis_view, 0, 0, 0);

  return G_SOURCE_REMOVE;
}

static void
rg_session_window_map (GtkWidget *widget)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);

  GTK_WIDGET_CLASS (rg_session_window_parent_class)->map (widget);

  /* Once the window has its application, and with it the library */
  if (!self->looked_for_previous)
    {
      self->looked_for_previous = TRUE;
      find_previous_session (self);
    }

  /* At once, not after the first frame: keys typed as soon as the
   * window shows would go to the view switcher. */
  focus_first_cell_cb (widget);
}

static void
rg_session_window_realize (GtkWidget *widget)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);

  GTK_WIDGET_CLASS (rg_session_window_parent_class)->realize (widget);

  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (self->zoom_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

static void
rg_session_window_unrealize (GtkWidget *widget)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (widget),
                                                 GTK_STYLE_PROVIDER (self->zoom_css));

  GTK_WIDGET_CLASS (rg_session_window_parent_class)->unrealize (widget);
}

static void
rg_session_window_dispose (GObject *object)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->fit_zoom_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->inhibit_cookie != 0 && gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtk_application_uninhibit (gtk_window_get_application (GTK_WINDOW (self)), self->inhibit_cookie);
  self->inhibit_cookie = 0;
  if (self->folder_monitor != NULL)
    g_file_monitor_cancel (self->folder_monitor);
  g_clear_object (&self->folder_monitor);
  g_clear_error (&self->save_error);
  g_clear_object (&self->previous_file);
  g_clear_object (&self->sitting);
  g_signal_handlers_disconnect_by_func (self, on_focus_widget_changed, NULL);
  g_signal_handlers_disconnect_by_func (self, on_active_changed, NULL);
  g_clear_weak_pointer (&self->last_focus);

  G_OBJECT_CLASS (rg_session_window_parent_class)->dispose (object);

  g_clear_object (&self->editor);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->zoom_css);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->zoom_class, g_free);
}

static void
rg_session_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_MEETING_MODE:
      g_value_set_boolean (value, self->meeting_mode);
      break;

    case PROP_BLIND_ROUND:
      g_value_set_boolean (value, self->blind_round);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_session_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_MEETING_MODE:
      rg_session_window_set_meeting_mode (self, g_value_get_boolean (value));
      break;

    case PROP_BLIND_ROUND:
      set_blind_round (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void show_view_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter);

static void
rg_session_window_class_init (RgSessionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rg_session_window_constructed;
  object_class->dispose = rg_session_window_dispose;
  object_class->get_property = rg_session_window_get_property;
  object_class->set_property = rg_session_window_set_property;

  widget_class->realize = rg_session_window_realize;
  widget_class->map = rg_session_window_map;
  widget_class->unrealize = rg_session_window_unrealize;
  window_class->close_request = rg_session_window_close_request;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RG_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MEETING_MODE] =
    g_param_spec_boolean ("meeting-mode", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * RgSessionWindow:blind-round:
   *
   * Whether the diagnosis hides who wrote each statement, until the
   * facilitator reveals the authors. The file always keeps them.
   */
  properties [PROP_BLIND_ROUND] =
    g_param_spec_boolean ("blind-round", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-session-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, diagnosis_view);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, meeting_button);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, leave_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, links_view);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, criteria_view);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, actions_view);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, glossary_view);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, contribution_banner);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, contribution_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, follow_up_banner);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, follow_up_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, save_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, conflicts_banner);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionWindow, sitting_bar);

  gtk_widget_class_install_action (widget_class, "session.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "session.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "session.redo", NULL, undo_action);
  gtk_widget_class_install_property_action (widget_class, "session.meeting-mode", "meeting-mode");
  gtk_widget_class_install_action (widget_class, "session.leave-meeting-mode", NULL,
                                   leave_meeting_mode_action);
  gtk_widget_class_install_action (widget_class, "session.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "session.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "session.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "session.add-partner", NULL, add_partner_action);
  gtk_widget_class_install_action (widget_class, "session.add-dimension", NULL, add_dimension_action);
  gtk_widget_class_install_action (widget_class, "session.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "session.show-conflicts", NULL,
                                   show_conflicts_action);
  gtk_widget_class_install_action (widget_class, "session.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "session.print", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "session.ask-contribution", NULL, ask_contribution_action);
  gtk_widget_class_install_action (widget_class, "session.import-contributions", NULL,
                                   import_contributions_action);
  gtk_widget_class_install_action (widget_class, "session.show-term", "s", show_term_action);
  gtk_widget_class_install_action (widget_class, "session.new-follow-up", NULL,
                                   new_follow_up_action);
  gtk_widget_class_install_action (widget_class, "session.show-timeline", NULL,
                                   show_timeline_action);
  gtk_widget_class_install_action (widget_class, "session.open-previous", NULL,
                                   open_previous_action);
  gtk_widget_class_install_action (widget_class, "session.details", NULL, details_action);
  gtk_widget_class_install_action (widget_class, "session.previous-situation", NULL,
                                   move_situation_action);
  gtk_widget_class_install_action (widget_class, "session.next-situation", NULL,
                                   move_situation_action);
  gtk_widget_class_install_property_action (widget_class, "session.blind-round", "blind-round");
  gtk_widget_class_install_action (widget_class, "session.reveal-authors", NULL,
                                   reveal_authors_action);

  g_type_ensure (RG_TYPE_DIAGNOSIS_VIEW);
  g_type_ensure (RG_TYPE_LINKS_VIEW);
  g_type_ensure (RG_TYPE_CRITERIA_VIEW);
  g_type_ensure (RG_TYPE_ACTIONS_VIEW);
  g_type_ensure (RG_TYPE_GLOSSARY_VIEW);
  g_type_ensure (RG_TYPE_SITTING_BAR);
}

static void
rg_session_window_init (RgSessionWindow *self)
{
  static guint serial;
  GtkPopover *popover;

  gtk_widget_init_template (GTK_WIDGET (self));
  rg_shortcuts_add_window_action (GTK_APPLICATION_WINDOW (self), "session");

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  self->zoom_css = gtk_css_provider_new ();
  self->zoom_class = g_strdup_printf ("rg-zoom-%u", ++serial);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->zoom_class);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.leave-meeting-mode", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.reveal-authors", FALSE);
  update_sitting_actions (self);

  gtk_widget_add_css_class (GTK_WIDGET (self->view_stack), "session-views");

  popover = gtk_menu_button_get_popover (self->primary_menu_button);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), create_zoom_box (self), "zoom");
  g_signal_connect_object (self->diagnosis_view, "notify::fitting-zoom", G_CALLBACK (fitting_zoom_changed),
                           self, G_CONNECT_SWAPPED);
  apply_zoom (self);
  rg_window_state_restore (GTK_WINDOW (self), self->settings);

  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_widget_changed), NULL);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), NULL);
}

/**
 * rg_session_window_new:
 * @application: the application
 * @document: the session file to show
 *
 * Returns: (transfer full): a new window editing @document
 */
RgSessionWindow *
rg_session_window_new (GtkApplication *application,
                       RgDocument     *document)
{
  g_return_val_if_fail (RG_IS_WINDOW_HOST (application), NULL);
  g_return_val_if_fail (RG_IS_DOCUMENT (document), NULL);

  return g_object_new (RG_TYPE_SESSION_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

/**
 * rg_session_window_get_document:
 *
 * Returns: (transfer none): the document shown
 */
RgDocument *
rg_session_window_get_document (RgSessionWindow *self)
{
  g_return_val_if_fail (RG_IS_SESSION_WINDOW (self), NULL);

  return self->document;
}

/**
 * rg_session_window_get_editor:
 *
 * Returns: (transfer none): the editor every change goes through
 */
RgSessionEditor *
rg_session_window_get_editor (RgSessionWindow *self)
{
  g_return_val_if_fail (RG_IS_SESSION_WINDOW (self), NULL);

  return self->editor;
}

/**
 * rg_session_window_get_diagnosis_view:
 *
 * Returns: (transfer none): the diagnosis view
 */
GtkWidget *
rg_session_window_get_diagnosis_view (RgSessionWindow *self)
{
  g_return_val_if_fail (RG_IS_SESSION_WINDOW (self), NULL);

  return GTK_WIDGET (self->diagnosis_view);
}

/* The position of @partner among the session's partners, its column */
static gboolean
find_partner_column (RgSession *session,
                     RgPartner *partner,
                     guint     *column)
{
  GListModel *partners = rg_session_get_partners (session);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) item = g_list_model_get_item (partners, i);

      if (item == partner)
        {
          *column = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Shows the view @name, if it is not hidden (a contribution, a blind
 * round) */
static gboolean
show_view (RgSessionWindow *self,
           GtkWidget       *view,
           const char      *name)
{
  if (!adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack, view)))
    return FALSE;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  return TRUE;
}

/* Alt+1…5: a view, the keyboard in it, so that a screen reader says
 * where one is without a walk through the view switcher */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgSessionWindow *self = RG_SESSION_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *view = adw_view_stack_get_child_by_name (self->view_stack, name);

  if (view != NULL && show_view (self, view, name))
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

/**
 * rg_session_window_reveal:
 * @self: a #RgSessionWindow
 * @view: (nullable): the name of a view ("diagnosis", "links",
 *   "glossary", "criteria", "actions") to show when @object_id is
 *   %NULL or not found, or %NULL; or "consents": the actions view, its
 *   consents focused (rg_actions_view_focus_consents ())
 * @object_id: (nullable): the id of an object of the session: an
 *   action, a consent, a link, a review item or a partner
 *
 * Shows the object the desk names, in the view that holds it, its row
 * focused: an action or a consent in the actions view, a link or a
 * review item in the agreements and divergences, a partner's column in
 * the diagnosis. Without an object, or with an id the session no
 * longer holds (it was changed since the library read it), @view is
 * shown, if any.
 *
 * Returns: whether @object_id was found and shown, or the consents
 *   focused
 */
gboolean
rg_session_window_reveal (RgSessionWindow *self,
                          const char      *view,
                          const char      *object_id)
{
  RgSession *session;
  RgPartner *partner;
  guint column;

  g_return_val_if_fail (RG_IS_SESSION_WINDOW (self), FALSE);

  if (object_id == NULL && g_strcmp0 (view, "consents") == 0)
    return show_view (self, GTK_WIDGET (self->actions_view), "actions") &&
           rg_actions_view_focus_consents (self->actions_view);

  if (object_id == NULL)
    {
      GtkWidget *child = view ? adw_view_stack_get_child_by_name (self->view_stack, view) : NULL;

      if (child != NULL)
        show_view (self, child, view);
      return FALSE;
    }

  session = rg_session_editor_get_session (self->editor);

  if (rg_session_find_action (session, object_id) != NULL ||
      rg_session_find_consent (session, object_id) != NULL)
    return show_view (self, GTK_WIDGET (self->actions_view), "actions") &&
           rg_actions_view_reveal (self->actions_view, object_id);

  if (rg_session_find_link (session, object_id) != NULL ||
      rg_session_find_review_item (session, object_id) != NULL)
    return show_view (self, GTK_WIDGET (self->links_view), "links") &&
           rg_links_view_reveal (self->links_view, object_id);

  if ((partner = rg_session_find_partner (session, object_id)) != NULL &&
      find_partner_column (session, partner, &column))
    return show_view (self, GTK_WIDGET (self->diagnosis_view), "diagnosis") &&
           rg_diagnosis_view_focus_cell (self->diagnosis_view, column, 0, 0);

  return rg_session_window_reveal (self, view, NULL);
}
