/* rg-timeline-window.c — how the readings of a situation evolved
 *
 * The timeline of one situation (src/core/meetings/rg-timeline.c): its drawing,
 * and beside it the same figures as a list a screen reader reads, one
 * row per session, which opens that session when activated. The files
 * of the situation come from the library index and are read in a
 * worker thread: the window shows a spinner meanwhile. The file it was
 * opened from is always part of it, even when outside the library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-timeline-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-save-chooser.h"
#include "rg-style.h"
#include "rg-timeline-window.h"
#include "rg-undo-toast.h"

/* The drawing's text a little larger than the window's: it is read
 * from across a meeting room. */
#define PICTURE_SCALE 1.3

struct _RgTimelineWindow
{
  AdwWindow       parent_instance;

  RgWindowHost   *host;
  char           *situation_id;
  GFile          *file;
  RgTimeline     *timeline;
  GCancellable   *cancellable;
  char           *font;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkDrawingArea *picture;
  GtkLabel       *skipped_label;
  GtkListBox     *sessions_list;
};

G_DEFINE_FINAL_TYPE (RgTimelineWindow, rg_timeline_window, ADW_TYPE_WINDOW)

/* {{{ The drawing */

/* The drawing follows the window's font and style, as the picture of
 * the links view does. */
static void
sync_style (RgTimelineWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self->picture);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  g_autofree char *font = NULL;

  font = pango_font_description_to_string (pango_context_get_font_description (context));
  if (g_strcmp0 (font, self->font) != 0)
    {
      g_free (self->font);
      self->font = g_steal_pointer (&font);
      rg_timeline_set_font (self->timeline, self->font);
      rg_timeline_set_scale (self->timeline, PICTURE_SCALE);
      gtk_drawing_area_set_content_width (self->picture, rg_timeline_get_natural_width (self->timeline));
      gtk_drawing_area_set_content_height (self->picture, rg_timeline_get_height (self->timeline));
    }

  rg_timeline_set_dark (self->timeline, rg_style_is_dark (widget));
}

static void
draw_picture (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  RgTimelineWindow *self = user_data;

  if (self->timeline == NULL)
    return;

  sync_style (self);
  rg_timeline_draw (self->timeline, cr, width, height);
}

/* }}} */
/* {{{ The figures, as a list */

static GtkWidget *
create_row (RgTimelineWindow *self,
            guint             position)
{
  g_autofree char *description = rg_timeline_describe_session (self->timeline, position);
  g_autofree char *date_text = NULL;
  GtkWidget *row, *box, *text, *title, *date, *open;
  static const char *classes[] = { "agreement", "divergence", "done", "overdue" };

  row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (row, "timeline-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                    rg_timeline_get_file (self->timeline, position) != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (position));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  title = gtk_label_new (rg_timeline_get_title (self->timeline, position));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (text), title);

  date_text = rg_date_format (rg_timeline_get_date (self->timeline, position));
  date = gtk_label_new (date_text != NULL ? date_text : rg_timeline_get_date (self->timeline, position));
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_add_css_class (date, "dim-label");
  gtk_box_append (GTK_BOX (text), date);

  for (guint f = 0; f < RG_TIMELINE_N_FIGURES; f++)
    {
      g_autofree char *figure = g_strdup_printf ("%s %u", rg_timeline_figure_get_symbol (f),
                                                 rg_timeline_get_figure (self->timeline, position, f));
      GtkWidget *label = gtk_label_new (figure);

      gtk_widget_add_css_class (label, "timeline-figure");
      gtk_widget_add_css_class (label, classes[f]);
      gtk_widget_set_tooltip_text (label, rg_timeline_figure_get_label (f));
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), label);
    }

  /* Activating the row opens the session: the arrow says so. */
  open = g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", "go-next-symbolic",
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "visible", gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)),
                       NULL);
  gtk_box_append (GTK_BOX (box), open);

  return row;
}

static void
on_row_activated (RgTimelineWindow *self,
                  GtkListBoxRow    *row)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position"));
  GFile *file;

  if (self->timeline == NULL || position >= rg_timeline_get_n_sessions (self->timeline))
    return;

  if ((file = rg_timeline_get_file (self->timeline, position)))
    rg_window_host_open_file (self->host, file);
}

/* }}} */
/* {{{ Loading */

static void
show_timeline (RgTimelineWindow *self,
               RgTimeline       *timeline)
{
  g_autofree char *description = NULL;
  const char *label;
  guint n, skipped;
  GtkWidget *child;

  g_set_object (&self->timeline, timeline);
  g_clear_pointer (&self->font, g_free);
  sync_style (self);

  label = rg_timeline_get_situation_label (timeline);
  adw_window_title_set_subtitle (self->window_title, label != NULL ? label : "");

  description = rg_timeline_describe (timeline);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->picture));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sessions_list))))
    gtk_list_box_remove (self->sessions_list, child);
  n = rg_timeline_get_n_sessions (timeline);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->sessions_list, create_row (self, i));

  skipped = rg_timeline_get_n_skipped (timeline);
  if (skipped > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u file of this situation could not be read: it is left out.",
                                                            "%u files of this situation could not be read: they are left out.",
                                                            skipped),
                                               skipped);

      gtk_label_set_label (self->skipped_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_label), skipped > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export-png", n > 0);
  gtk_stack_set_visible_child_name (self->stack, "timeline");
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RgTimelineWindow) self = user_data;
  g_autoptr(RgTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  if (!(timeline = rg_timeline_load_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }

  show_timeline (self, timeline);
}

/* The files the library knows for the situation, and the window's own */
static void
load_files (RgTimelineWindow *self,
            GListModel       *entries)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_file = self->file == NULL;
  guint n = entries != NULL ? g_list_model_get_n_items (entries) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (entries, i);
      GFile *file = rg_library_entry_dup_file (entry);

      has_file |= g_file_equal (file, self->file);
      g_ptr_array_add (files, file);
    }

  if (!has_file)
    g_ptr_array_add (files, g_object_ref (self->file));

  rg_timeline_load_async (self->situation_id, files, self->cancellable, loaded_cb,
                          g_object_ref (self));
}

static void
queried_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RgTimelineWindow) self = user_data;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = rg_library_query_finish (RG_LIBRARY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    /* The index is a cache: without it, the file at hand still shows. */
    g_debug ("Could not list the sessions of the situation: %s", error->message);

  load_files (self, entries);
}

static void
start_loading (RgTimelineWindow *self)
{
  RgLibrary *library = rg_window_host_get_library (self->host);
  g_autoptr(RgLibraryQuery) query = NULL;

  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export-png", FALSE);

  if (library == NULL)
    {
      load_files (self, NULL);
      return;
    }

  query = rg_library_query_new ();
  query->situation_id = g_strdup (self->situation_id);
  query->oldest_first = TRUE;
  rg_library_query_async (library, query, self->cancellable, queried_cb, g_object_ref (self));
}

/* }}} */
/* {{{ Export */

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    RgTimelineWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->timeline != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    {
      /* Printed on white, whatever the style of the window */
      rg_timeline_set_dark (self->timeline, FALSE);
      bytes = rg_timeline_to_png (self->timeline, &error);
      gtk_widget_queue_draw (GTK_WIDGET (self->picture));

      if (bytes == NULL)
        rg_widget_show_toast (GTK_WIDGET (self->picture), error->message);
      else
        rg_save_chooser_write (GTK_WIDGET (self->picture), file, bytes);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_png_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RgTimelineWindow *self = RG_TIMELINE_WINDOW (widget);
  const char *label;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *dialog;

  if (self->timeline == NULL)
    return;

  label = rg_timeline_get_situation_label (self->timeline);
  if (label != NULL && label[0] != '\0')
    /* Translators: the file name offered for an exported timeline:
     * "Élève A., CM1 — chronologie". */
    name = g_strdup_printf (_("%s — timeline"), label);
  else
    name = g_strdup (_("Timeline"));
  g_strdelimit (name, "/\\:", '-');
  file_name = g_strconcat (name, ".png", NULL);

  dialog = rg_save_chooser_new (GTK_WINDOW (self), _("Export the Timeline as PNG"),
                                _("PNG pictures"), "image/png", file_name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* }}} */

static void
rg_timeline_window_dispose (GObject *object)
{
  RgTimelineWindow *self = RG_TIMELINE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (rg_timeline_window_parent_class)->dispose (object);
}

static void
rg_timeline_window_finalize (GObject *object)
{
  RgTimelineWindow *self = RG_TIMELINE_WINDOW (object);

  g_clear_object (&self->host);
  g_clear_object (&self->file);
  g_clear_object (&self->timeline);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->situation_id, g_free);
  g_clear_pointer (&self->font, g_free);

  G_OBJECT_CLASS (rg_timeline_window_parent_class)->finalize (object);
}

static void
rg_timeline_window_class_init (RgTimelineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_timeline_window_dispose;
  object_class->finalize = rg_timeline_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-timeline-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RgTimelineWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RgTimelineWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RgTimelineWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RgTimelineWindow, picture);
  gtk_widget_class_bind_template_child (widget_class, RgTimelineWindow, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, RgTimelineWindow, sessions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "timeline.export-png", NULL, export_png_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_timeline_window_init (RgTimelineWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_drawing_area_set_draw_func (self->picture, draw_picture, self, NULL);
}

/**
 * rg_timeline_window_present:
 * @parent: (nullable): the window it is opened from
 * @host: the application
 * @situation_id: the situation to show
 * @file: (nullable): a session file of that situation, shown even if
 *   outside the library
 *
 * Opens a window with the timeline of the situation, and starts
 * reading its sessions.
 *
 * Returns: (transfer none): the window
 */
RgTimelineWindow *
rg_timeline_window_present (GtkWindow    *parent,
                            RgWindowHost *host,
                            const char   *situation_id,
                            GFile        *file)
{
  RgTimelineWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RG_IS_WINDOW_HOST (host), NULL);
  g_return_val_if_fail (situation_id != NULL, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (RG_TYPE_TIMELINE_WINDOW,
                       "application", host,
                       "transient-for", parent,
                       NULL);
  self->host = g_object_ref (host);
  self->situation_id = g_strdup (situation_id);
  self->file = file != NULL ? g_object_ref (file) : NULL;

  start_loading (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/**
 * rg_timeline_window_get_timeline:
 *
 * Returns: (transfer none) (nullable): the timeline shown, once read
 */
RgTimeline *
rg_timeline_window_get_timeline (RgTimelineWindow *self)
{
  g_return_val_if_fail (RG_IS_TIMELINE_WINDOW (self), NULL);

  return self->timeline;
}
