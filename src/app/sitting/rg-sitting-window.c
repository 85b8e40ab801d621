/* rg-sitting-window.c — a team sitting: its agenda, and holding it
 *
 * The agenda lists each situation with its time slot, its label and
 * code, the partners invited and where its session stands; a row opens
 * that session. Start Sitting opens the first situation's session in
 * meeting mode; from there the session window moves through the agenda
 * (rg_session_window_set_sitting ()). Minutes… writes the minutes of the
 * whole sitting (rg-sitting-minutes-dialog.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-sitting-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-library.h"
#include "rg-save-chooser.h"
#include "rg-shortcuts.h"
#include "rg-sitting-minutes-dialog.h"
#include "rg-sitting-window.h"
#include "rg-window-host.h"

struct _RgSittingWindow
{
  AdwApplicationWindow  parent_instance;

  RgSitting            *sitting;
  GFile                *file;
  GCancellable         *cancellable;
  guint                 shown : 1;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkLabel             *details_label;
  GtkListBox           *agenda_list;
};

enum {
  PROP_0,
  PROP_SITTING,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgSittingWindow, rg_sitting_window, ADW_TYPE_APPLICATION_WINDOW)

/* {{{ The agenda */

static char *
describe_invitees (RgSittingItem *item)
{
  GListModel *invitees = rg_sitting_item_get_invitees (item);
  guint n = g_list_model_get_n_items (invitees);
  g_autoptr(GString) names = g_string_new (NULL);

  if (n == 0)
    return g_strdup (_("No partner invited"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, rg_sitting_invitee_get_name (invitee));
    }

  /* Translators: the partners invited to discuss a situation at a
   * sitting, as "Invited: Mme Roussel, M. Kessler" */
  return g_strdup_printf (_("Invited: %s"), names->str);
}

typedef struct
{
  GtkLabel *status;
  char     *session_id;
} StatusLookup;

static void
status_lookup_free (StatusLookup *lookup)
{
  g_object_unref (lookup->status);
  g_free (lookup->session_id);
  g_free (lookup);
}

static void
status_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  StatusLookup *lookup = user_data;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = _("Not found in the library");

  entries = rg_library_query_finish (RG_LIBRARY (object), result, &error);
  if (entries == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      status_lookup_free (lookup);
      return;
    }

  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (rg_library_entry_get_id (entry), lookup->session_id) == 0)
        {
          text = rg_library_entry_get_error_message (entry) != NULL
                 ? _("Cannot be read")
                 : rg_session_status_get_label (rg_library_entry_get_status (entry));
          break;
        }
    }

  gtk_label_set_label (lookup->status, text);
  status_lookup_free (lookup);
}

/* Where the session of @item stands, from the index */
static void
look_up_status (RgSittingWindow *self,
                RgSittingItem   *item,
                GtkLabel        *status)
{
  RgWindowHost *host = rg_window_host_get_for_widget (GTK_WIDGET (self));
  RgLibrary *library = host != NULL ? rg_window_host_get_library (host) : NULL;
  g_autoptr(RgLibraryQuery) query = NULL;
  StatusLookup *lookup;

  if (rg_sitting_item_get_session_id (item) == NULL)
    {
      gtk_label_set_label (status, _("Not prepared yet"));
      return;
    }

  if (library == NULL)
    return;

  query = rg_library_query_new ();
  query->situation_id = g_strdup (rg_sitting_item_get_situation_id (item));
  lookup = g_new0 (StatusLookup, 1);
  lookup->status = g_object_ref (status);
  lookup->session_id = g_strdup (rg_sitting_item_get_session_id (item));
  rg_library_query_async (library, query, self->cancellable, status_found_cb, lookup);
}

static GtkWidget *
agenda_row_new (RgSittingWindow *self,
                RgSittingItem   *item)
{
  const char *code = rg_sitting_item_get_situation_code (item);
  g_autofree char *title = NULL;
  g_autofree char *invited = describe_invitees (item);
  g_autofree char *slot = g_strdup_printf ("%s–%s", rg_sitting_item_get_start (item),
                                           rg_sitting_item_get_end (item));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *slot_label = gtk_label_new (slot);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  title = code != NULL && *code != '\0'
          ? g_strdup_printf ("%s (%s)", rg_sitting_item_get_situation_label (item), code)
          : g_strdup (rg_sitting_item_get_situation_label (item));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), invited);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (slot_label, "sitting-slot");
  gtk_widget_add_css_class (slot_label, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), slot_label);

  gtk_widget_add_css_class (status, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  look_up_status (self, item, GTK_LABEL (status));

  return row;
}

static void
update_agenda (RgSittingWindow *self)
{
  GListModel *items = rg_sitting_get_items (self->sitting);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgSittingItem) item = g_list_model_get_item (items, i);

      gtk_list_box_append (self->agenda_list, agenda_row_new (self, item));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sitting.start",
                                 g_list_model_get_n_items (items) > 0);
}

static void
update_title (RgSittingWindow *self)
{
  const char *title = rg_sitting_get_title (self->sitting);
  const char *place = rg_sitting_get_place (self->sitting);
  const char *kind = rg_sitting_kind_get_label (rg_sitting_get_kind (self->sitting));
  g_autofree char *date = rg_date_format (rg_sitting_get_date (self->sitting));
  g_autofree char *details = NULL;

  if (title == NULL || *title == '\0')
    title = kind;

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, kind);

  if (date == NULL)
    date = g_strdup (rg_sitting_get_date (self->sitting));
  if (rg_sitting_get_start (self->sitting) != NULL)
    details = place != NULL && *place != '\0'
              /* Translators: a sitting's day, its hours and its place, as
               * "12 May 2027, 14:00–16:30, Salle du conseil" */
              ? g_strdup_printf (_("%s, %s–%s, %s"), date, rg_sitting_get_start (self->sitting),
                                 rg_sitting_get_end (self->sitting), place)
              : g_strdup_printf (_("%s, %s–%s"), date, rg_sitting_get_start (self->sitting),
                                 rg_sitting_get_end (self->sitting));
  else
    details = g_strdup (date);
  gtk_label_set_label (self->details_label, details);
}

static void
row_activated_cb (RgSittingWindow *self,
                  GtkListBoxRow   *row)
{
  RgWindowHost *host = rg_window_host_get_for_widget (GTK_WIDGET (self));

  if (host != NULL)
    rg_window_host_open_sitting_item (host, self->sitting, gtk_list_box_row_get_index (row),
                                      FALSE, NULL);
}

/* }}} */
/* {{{ Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RgSittingWindow *self = RG_SITTING_WINDOW (widget);
  RgWindowHost *host = rg_window_host_get_for_widget (widget);

  if (host != NULL && g_list_model_get_n_items (rg_sitting_get_items (self->sitting)) > 0)
    rg_window_host_open_sitting_item (host, self->sitting, 0, TRUE, NULL);
}

static void
minutes_written_cb (RgSittingWindow *self,
                    GFile           *file)
{
  adw_toast_overlay_add_toast (self->toast_overlay,
                               rg_save_chooser_new_toast (_("Minutes saved"), file));
}

static void
minutes_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgSittingWindow *self = RG_SITTING_WINDOW (widget);
  RgWindowHost *host = rg_window_host_get_for_widget (widget);
  g_autofree char *library_dir = host != NULL ? rg_window_host_get_library_dir (host) : NULL;
  g_autoptr(GFile) library_folder = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (self->file);
  RgSittingMinutesDialog *dialog;

  /* The sessions of the agenda are named from the library folder: the
   * sitting's own, when the library is not known */
  library_folder = library_dir != NULL ? g_file_new_for_path (library_dir) : g_object_ref (folder);
  dialog = rg_sitting_minutes_dialog_new (GTK_WINDOW (self), self->sitting, library_folder, folder);
  g_signal_connect_object (dialog, "written", G_CALLBACK (minutes_written_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* }}} */

static void
rg_sitting_window_constructed (GObject *object)
{
  RgSittingWindow *self = RG_SITTING_WINDOW (object);

  G_OBJECT_CLASS (rg_sitting_window_parent_class)->constructed (object);

  update_title (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* The agenda, once the window has its application, and with it the
 * library that says where each session stands */
static void
rg_sitting_window_map (GtkWidget *widget)
{
  RgSittingWindow *self = RG_SITTING_WINDOW (widget);

  GTK_WIDGET_CLASS (rg_sitting_window_parent_class)->map (widget);

  if (!self->shown)
    {
      self->shown = TRUE;
      update_agenda (self);
    }
}

static void
rg_sitting_window_dispose (GObject *object)
{
  RgSittingWindow *self = RG_SITTING_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (rg_sitting_window_parent_class)->dispose (object);

  g_clear_object (&self->sitting);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
}

static void
rg_sitting_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RgSittingWindow *self = RG_SITTING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SITTING:
      g_value_set_object (value, self->sitting);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_sitting_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RgSittingWindow *self = RG_SITTING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SITTING:
      self->sitting = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_sitting_window_class_init (RgSittingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rg_sitting_window_constructed;
  object_class->dispose = rg_sitting_window_dispose;
  object_class->get_property = rg_sitting_window_get_property;
  object_class->set_property = rg_sitting_window_set_property;
  GTK_WIDGET_CLASS (klass)->map = rg_sitting_window_map;

  properties [PROP_SITTING] =
    g_param_spec_object ("sitting", NULL, NULL, RG_TYPE_SITTING,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-sitting-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RgSittingWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RgSittingWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RgSittingWindow, details_label);
  gtk_widget_class_bind_template_child (widget_class, RgSittingWindow, agenda_list);

  gtk_widget_class_install_action (widget_class, "sitting.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "sitting.minutes", NULL, minutes_action);
}

static void
rg_sitting_window_init (RgSittingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rg_shortcuts_add_window_action (GTK_APPLICATION_WINDOW (self), "library");

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->agenda_list, "row-activated", G_CALLBACK (row_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * rg_sitting_window_new:
 * @application: the application
 * @sitting: the sitting to show
 * @file: its file
 *
 * Returns: (transfer full): a new window showing @sitting's agenda
 */
RgSittingWindow *
rg_sitting_window_new (GtkApplication *application,
                       RgSitting      *sitting,
                       GFile          *file)
{
  g_return_val_if_fail (RG_IS_WINDOW_HOST (application), NULL);
  g_return_val_if_fail (RG_IS_SITTING (sitting), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (RG_TYPE_SITTING_WINDOW,
                       "application", application,
                       "sitting", sitting,
                       "file", file,
                       NULL);
}

/**
 * rg_sitting_window_get_sitting:
 *
 * Returns: (transfer none): the sitting shown
 */
RgSitting *
rg_sitting_window_get_sitting (RgSittingWindow *self)
{
  g_return_val_if_fail (RG_IS_SITTING_WINDOW (self), NULL);

  return self->sitting;
}

/**
 * rg_sitting_window_get_file:
 *
 * Returns: (transfer none): the sitting's file
 */
GFile *
rg_sitting_window_get_file (RgSittingWindow *self)
{
  g_return_val_if_fail (RG_IS_SITTING_WINDOW (self), NULL);

  return self->file;
}
