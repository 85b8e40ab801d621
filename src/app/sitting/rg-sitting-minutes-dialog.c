/* rg-sitting-minutes-dialog.c — writing a sitting's minutes
 *
 * After a sitting the coordinator sends one set of minutes: each
 * situation's decisions, actions and next review
 * (src/core/report/rg-sitting-minutes.c). The dialog asks the format,
 * PDF to send or ODT to edit, and whether the minutes are pseudonymised
 * (at first as the Preferences say exports are); then where to save,
 * through the same save chooser as every export. The minutes are
 * written in a thread, from a copy of the sitting, reading each
 * situation's session from the library folder; the dialog closes when
 * they are, and the sitting window says so. Why they could not be
 * written is said in the dialog, which stays open to try again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-sitting-minutes-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rg-save-chooser.h"
#include "rg-sitting-minutes-dialog.h"
#include "rg-sitting-minutes.h"
#include "rg-sitting-xml.h"

/* The formats, in the order the Format row offers them */
static const struct
{
  RgExportFormat  format;
  const char     *label;        /* in the Format row */
  const char     *filter_name;  /* in the file chooser */
  const char     *mime_type;
  const char     *extension;
} formats[] = {
  { RG_EXPORT_FORMAT_PDF, N_("Minutes to print or send (PDF)"), N_("PDF documents"), "application/pdf", "pdf" },
  { RG_EXPORT_FORMAT_ODT, N_("Minutes to edit (ODT)"), N_("OpenDocument texts"),
    "application/vnd.oasis.opendocument.text", "odt" },
};

struct _RgSittingMinutesDialog
{
  AdwWindow         parent_instance;

  RgSitting        *sitting;
  GFile            *library_folder;
  GFile            *folder;       /* the sitting's, proposed for a first export */
  GCancellable     *cancellable;

  AdwToastOverlay  *toast_overlay;
  AdwComboRow      *format_row;
  GtkSwitch        *pseudonymise_switch;
  GtkSpinner       *spinner;
};

enum {
  WRITTEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RgSittingMinutesDialog, rg_sitting_minutes_dialog, ADW_TYPE_WINDOW)

static guint
format_index (RgSittingMinutesDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected < G_N_ELEMENTS (formats) ? selected : 0;
}

static void
show_error (RgSittingMinutesDialog *self,
            const char             *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_working (RgSittingMinutesDialog *self,
             gboolean                working)
{
  gtk_spinner_set_spinning (self->spinner, working);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.save", !working);
}

/* {{{ Writing, in a thread */

typedef struct
{
  RgSitting             *sitting;   /* a copy, that only the thread uses */
  GFile                 *library_folder;
  GFile                 *output;
  RgSittingMinutesFlags  flags;
  RgExportFormat         format;
} Writing;

static void
writing_free (Writing *writing)
{
  g_clear_object (&writing->sitting);
  g_clear_object (&writing->library_folder);
  g_clear_object (&writing->output);
  g_free (writing);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Writing *writing = task_data;
  GError *error = NULL;

  if (rg_sitting_minutes_write (writing->sitting, writing->library_folder, writing->flags,
                                writing->format, writing->output, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RgSittingMinutesDialog *self = RG_SITTING_MINUTES_DIALOG (object);
  Writing *writing = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_working (self, FALSE);
          show_error (self, error->message);
        }
      return;
    }

  set_working (self, FALSE);
  rg_save_chooser_remember_folder (writing->output);
  g_signal_emit (self, signals [WRITTEN], 0, writing->output);
  gtk_window_close (GTK_WINDOW (self));
}

static void
write_to (RgSittingMinutesDialog *self,
          GFile                  *output)
{
  g_autoptr(GBytes) bytes = rg_sitting_to_bytes (self->sitting);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Writing *writing;

  writing = g_new0 (Writing, 1);
  writing->sitting = rg_sitting_new_from_bytes (bytes, &error);
  writing->library_folder = g_object_ref (self->library_folder);
  writing->output = g_object_ref (output);
  writing->flags = gtk_switch_get_active (self->pseudonymise_switch)
                   ? RG_SITTING_MINUTES_PSEUDONYMISE : RG_SITTING_MINUTES_NONE;
  writing->format = formats[format_index (self)].format;

  if (writing->sitting == NULL)
    {
      /* The sitting shown was loaded or saved: this is a bug, not the
       * coordinator's doing, but it is said all the same */
      show_error (self, error->message);
      writing_free (writing);
      return;
    }

  set_working (self, TRUE);
  task = g_task_new (self, self->cancellable, written_cb, NULL);
  g_task_set_source_tag (task, write_to);
  g_task_set_task_data (task, writing, (GDestroyNotify) writing_free);
  g_task_run_in_thread (task, write_thread);
}

/* }}} */
/* {{{ Choosing where */

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(RgSittingMinutesDialog) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    write_to (self, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RgSittingMinutesDialog *self = RG_SITTING_MINUTES_DIALOG (widget);
  guint format = format_index (self);
  g_autofree char *name = rg_sitting_minutes_dialog_dup_file_name (self);
  GtkFileChooserNative *chooser;

  chooser = rg_save_chooser_new (GTK_WINDOW (self), _("Save Minutes"),
                                 _(formats[format].filter_name), formats[format].mime_type, name);
  rg_save_chooser_propose_folder (chooser, self->folder);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* }}} */

static void
build_content (RgSittingMinutesDialog *self)
{
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save…"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *pseudonymise_row = adw_action_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "minutes.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Writing the minutes"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (view), header);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("For each situation of the agenda: its decisions, "
                                           "actions and next review."));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_string_list_append (labels, _(formats[i].label));
  self->format_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->format_row), _("_Format"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->format_row), TRUE);
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (labels));
  /* The choice under the title, where it has the room to be read */
  adw_combo_row_set_use_subtitle (self->format_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->format_row));

  self->pseudonymise_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->pseudonymise_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pseudonymise_row), _("_Pseudonymise"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (pseudonymise_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (pseudonymise_row),
                               _("No name of a child, a family or a partner, nor the sitting’s "
                                 "title and place: each situation is numbered"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (pseudonymise_row), GTK_WIDGET (self->pseudonymise_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (pseudonymise_row),
                                         GTK_WIDGET (self->pseudonymise_switch));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->pseudonymise_switch),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, pseudonymise_row, NULL, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), pseudonymise_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (view), page);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, view);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
}

static void
rg_sitting_minutes_dialog_dispose (GObject *object)
{
  RgSittingMinutesDialog *self = RG_SITTING_MINUTES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (rg_sitting_minutes_dialog_parent_class)->dispose (object);
}

static void
rg_sitting_minutes_dialog_finalize (GObject *object)
{
  RgSittingMinutesDialog *self = RG_SITTING_MINUTES_DIALOG (object);

  g_clear_object (&self->sitting);
  g_clear_object (&self->library_folder);
  g_clear_object (&self->folder);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rg_sitting_minutes_dialog_parent_class)->finalize (object);
}

static void
rg_sitting_minutes_dialog_class_init (RgSittingMinutesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_sitting_minutes_dialog_dispose;
  object_class->finalize = rg_sitting_minutes_dialog_finalize;

  /**
   * RgSittingMinutesDialog::written:
   * @file: the minutes written
   *
   * Emitted when the minutes are written, before the dialog closes.
   */
  signals [WRITTEN] =
    g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_install_action (widget_class, "minutes.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_sitting_minutes_dialog_init (RgSittingMinutesDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Minutes"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);
  build_content (self);
}

/**
 * rg_sitting_minutes_dialog_new:
 * @parent: the sitting window
 * @sitting: the sitting
 * @library_folder: the folder its sessions' files are named from
 * @folder: (nullable): the folder to propose when nothing was exported
 *   yet: the sitting's
 *
 * The pseudonymise switch starts as the `export-pseudonymise` setting.
 *
 * Returns: (transfer full): a new dialog, not shown yet
 */
RgSittingMinutesDialog *
rg_sitting_minutes_dialog_new (GtkWindow *parent,
                               RgSitting *sitting,
                               GFile     *library_folder,
                               GFile     *folder)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RgSittingMinutesDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RG_IS_SITTING (sitting), NULL);
  g_return_val_if_fail (G_IS_FILE (library_folder), NULL);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  /* A dialog to a screen reader, which says so when it opens */
  self = g_object_new (RG_TYPE_SITTING_MINUTES_DIALOG, "transient-for", parent,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  self->sitting = g_object_ref (sitting);
  self->library_folder = g_object_ref (library_folder);
  g_set_object (&self->folder, folder);
  gtk_switch_set_active (self->pseudonymise_switch,
                         g_settings_get_boolean (settings, "export-pseudonymise"));

  return self;
}

/**
 * rg_sitting_minutes_dialog_get_format:
 *
 * Returns: the format chosen
 */
RgExportFormat
rg_sitting_minutes_dialog_get_format (RgSittingMinutesDialog *self)
{
  g_return_val_if_fail (RG_IS_SITTING_MINUTES_DIALOG (self), RG_EXPORT_FORMAT_PDF);

  return formats[format_index (self)].format;
}

/**
 * rg_sitting_minutes_dialog_set_format:
 * @format: %RG_EXPORT_FORMAT_PDF or %RG_EXPORT_FORMAT_ODT
 *
 * Chooses the format, as the Format row does.
 */
void
rg_sitting_minutes_dialog_set_format (RgSittingMinutesDialog *self,
                                      RgExportFormat          format)
{
  g_return_if_fail (RG_IS_SITTING_MINUTES_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      adw_combo_row_set_selected (self->format_row, i);
}

/**
 * rg_sitting_minutes_dialog_get_pseudonymise:
 *
 * Returns: whether the minutes are to be pseudonymised
 */
gboolean
rg_sitting_minutes_dialog_get_pseudonymise (RgSittingMinutesDialog *self)
{
  g_return_val_if_fail (RG_IS_SITTING_MINUTES_DIALOG (self), TRUE);

  return gtk_switch_get_active (self->pseudonymise_switch);
}

/**
 * rg_sitting_minutes_dialog_set_pseudonymise:
 *
 * Sets the Pseudonymise switch.
 */
void
rg_sitting_minutes_dialog_set_pseudonymise (RgSittingMinutesDialog *self,
                                            gboolean                pseudonymise)
{
  g_return_if_fail (RG_IS_SITTING_MINUTES_DIALOG (self));

  gtk_switch_set_active (self->pseudonymise_switch, pseudonymise);
}

/**
 * rg_sitting_minutes_dialog_dup_file_name:
 *
 * The name the save chooser offers: "Minutes", the sitting's title
 * unless pseudonymised (it may name a school), its date, and the
 * format's extension; without a character a file name cannot hold.
 *
 * Returns: (transfer full): the file name
 */
char *
rg_sitting_minutes_dialog_dup_file_name (RgSittingMinutesDialog *self)
{
  g_autoptr(GString) name = NULL;
  const char *title;

  g_return_val_if_fail (RG_IS_SITTING_MINUTES_DIALOG (self), NULL);

  /* Translators: the start of the file name the minutes of a sitting
   * are offered under, followed by the sitting's title and date */
  name = g_string_new (_("Minutes"));
  title = rg_sitting_get_title (self->sitting);
  if (!gtk_switch_get_active (self->pseudonymise_switch) && title != NULL && *title != '\0')
    g_string_append_printf (name, " %s", title);
  g_string_append_printf (name, " %s", rg_sitting_get_date (self->sitting));

  for (char *p = name->str; *p != '\0'; p++)
    if (strchr ("/\\:*?\"<>|", *p) != NULL || (guchar) *p < 0x20)
      *p = ' ';

  g_string_append_printf (name, ".%s", formats[format_index (self)].extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}
