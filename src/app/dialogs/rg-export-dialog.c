/* rg-export-dialog.c — exporting a session as a report
 *
 * Chooses the format, who the report is for, and whether it carries
 * names, then where to write it; or, to print, the same choices but the
 * format, then the printer. A report to send outside the team is
 * pseudonymised unless the coordinator says otherwise, and the dialog
 * says so where it is chosen. The file is offered under a name made of
 * the session's title and date (as pseudonymised, when it is), in the
 * folder last exported to or else the session's.
 *
 * The same dialog exports several session files, such as the results
 * of a search in the library, as one research project (REFI-QDA): the
 * format is then fixed, and the files are read and the project written
 * off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rg-export-dialog.h"
#include "rg-export-ods.h"
#include "rg-file-io.h"
#include "rg-pseudonymise.h"
#include "rg-session-xml.h"
#include "rg-report-print.h"
#include "rg-save-chooser.h"
#include "rg-window-host.h"

/* The formats, in the order the Format row offers them */
static const struct
{
  RgExportFormat  format;
  const char     *label;        /* in the Format row */
  const char     *filter_name;  /* in the file chooser */
  const char     *mime_type;
  const char     *extension;
} formats[] = {
  { RG_EXPORT_FORMAT_PDF, N_("Report to print or send (PDF)"), N_("PDF documents"), "application/pdf", "pdf" },
  { RG_EXPORT_FORMAT_ODT, N_("Report to edit (ODT)"), N_("OpenDocument texts"),
    "application/vnd.oasis.opendocument.text", "odt" },
  { RG_EXPORT_FORMAT_HTML, N_("Printable web page (HTML)"), N_("Web pages"), "text/html", "html" },
  { RG_EXPORT_FORMAT_ODS, N_("Spreadsheet (ODS)"), N_("OpenDocument spreadsheets"),
    RG_EXPORT_ODS_MIME_TYPE, "ods" },
  { RG_EXPORT_FORMAT_CSV, N_("Spreadsheet tables (CSV)"), N_("CSV tables"), "text/csv", "csv" },
  { RG_EXPORT_FORMAT_QDPX, N_("Research project (REFI-QDA)"), N_("REFI-QDA projects"),
    RG_EXPORT_QDPX_MIME_TYPE, RG_EXPORT_QDPX_EXTENSION },
};

struct _RgExportDialog
{
  AdwWindow         parent_instance;

  RgSession        *session;
  AdwToastOverlay  *toast_overlay;
  AdwComboRow      *format_row;
  AdwComboRow      *separator_row;  /* for CSV: in the order of RgCsvSeparator */
  AdwComboRow      *purpose_row;
  AdwPreferencesGroup *group;
  GtkSwitch        *pseudonymise_switch;
  AdwComboRow      *level_row;    /* for the team's partners, or outside the team */
  GtkLabel         *level_label;  /* what stays at that level */
  GtkWidget        *export_button;
  GFile            *folder;       /* the session's, proposed for a first export */
  GPtrArray        *files;        /* of GFile: the sessions of a research project */
  gboolean          printing;
  gboolean          busy;         /* writing a research project */
};

#define MAX_NAME_CHARS 80   /* of a proposed file name, its extension aside */

/* The order of the Level row */
enum {
  LEVEL_TEAM,
  LEVEL_OUTSIDE,
};

enum {
  EXPORTED,
  PRINTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RgExportDialog, rg_export_dialog, ADW_TYPE_WINDOW)

/* The choices of a drop-down in full, where the default list cuts
 * them short, and a check mark beside the one chosen */
static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_object_bind_property (item, "selected", check, "visible", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (label),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* Return on a choice's row opens its list, as Space does, rather than
 * exporting at once (the dialog's default) */
static gboolean
on_combo_row_key (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  gpointer               user_data)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  return gtk_widget_activate (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/* Space on a choice in the open list chooses it, as Return does */
static gboolean
on_choice_list_key (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));

  if ((keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      focus == NULL || !gtk_widget_is_ancestor (focus, list))
    return FALSE;

  for (; focus != list; focus = gtk_widget_get_parent (focus))
    if (gtk_widget_activate (focus))
      return TRUE;

  return FALSE;
}

/* The list view in @widget's popover, where the choices are */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwComboRow *
combo_row_new (const char    *title,
               GtkStringList *model)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *controller;
  GtkWidget *list;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  adw_combo_row_set_list_factory (row, factory);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  /* The choice under the title, where it has the room to be read */
  adw_combo_row_set_use_subtitle (row, TRUE);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_combo_row_key), NULL);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
  if ((list = find_list_view (GTK_WIDGET (row))) != NULL)
    {
      /* Before the item, which takes Space to select, not to choose */
      controller = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "key-pressed", G_CALLBACK (on_choice_list_key), NULL);
      gtk_widget_add_controller (list, controller);
    }

  return row;
}

static GtkSwitch *
switch_row_new (AdwPreferencesGroup  *group,
                const char           *title,
                const char           *subtitle,
                GtkWidget           **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  adw_preferences_group_add (group, row);

  if (row_out != NULL)
    *row_out = row;

  return GTK_SWITCH (toggle);
}

static void
on_purpose_selected (RgExportDialog *self)
{
  rg_export_dialog_set_pseudonymise (self,
                                     rg_export_dialog_get_purpose (self) == RG_EXPORT_PURPOSE_SEND);
}

/* The separator is chosen for CSV only */
static void
on_format_selected (RgExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->separator_row),
                          rg_export_dialog_get_format (self) == RG_EXPORT_FORMAT_CSV);
  /* Tall enough for the rows shown, none of them scrolled out of sight */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_set_default_size (GTK_WINDOW (self), gtk_widget_get_width (GTK_WIDGET (self)), -1);
}

static void
on_pseudonymise_changed (RgExportDialog *self)
{
  gboolean active = gtk_switch_get_active (self->pseudonymise_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->level_row), active);
  gtk_widget_set_visible (GTK_WIDGET (self->level_label), active);
}

/* Says in plain words what stays in the report at the level chosen */
static void
on_level_selected (RgExportDialog *self)
{
  if (adw_combo_row_get_selected (self->level_row) == LEVEL_TEAM)
    gtk_label_set_label (self->level_label,
                         _("The partners’ professions stay, and so do the situation’s code, "
                           "the names of the school, the institutions and the place, and "
                           "the dates. The names of the people are replaced, in every text."));
  else
    gtk_label_set_label (self->level_label,
                         _("The partners’ professions stay. Dates keep their month. The "
                           "school, the institutions and the place are named by their kind "
                           "(“elementary school”, “association”). The names of the people "
                           "are replaced, and the situation’s code and the file’s references "
                           "are left out."));
}

static void
show_toast (RgExportDialog *self,
            const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
files_exported_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RgExportDialog *self = RG_EXPORT_DIALOG (object);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  written = rg_export_dialog_export_files_finish (self, result, &error);
  if (written == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  rg_save_chooser_remember_folder (written->pdata[0]);
  g_signal_emit (self, signals [EXPORTED], 0, written->pdata[0]);
  gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(RgExportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    return;

  if (self->files != NULL)
    {
      rg_export_dialog_export_files_async (self, file, NULL, files_exported_cb, NULL);
      return;
    }

  written = rg_export_dialog_export_to (self, file, &error);
  if (written == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  rg_save_chooser_remember_folder (file);
  g_signal_emit (self, signals [EXPORTED], 0, written->pdata[0]);
  gtk_window_close (GTK_WINDOW (self));
}

static guint
format_index (RgExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected < G_N_ELEMENTS (formats) ? selected : 0;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RgExportDialog *self = RG_EXPORT_DIALOG (widget);
  guint format = format_index (self);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->busy)
    return;

  name = rg_export_dialog_dup_file_name (self);
  chooser = rg_save_chooser_new (GTK_WINDOW (self),
                                 self->files != NULL ? _("Export Research Project") : _("Export Report"),
                                 _(formats[format].filter_name),
                                 formats[format].mime_type, name);
  rg_save_chooser_propose_folder (chooser, self->folder);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  g_autoptr(RgExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      show_toast (self, error->message);
      break;

    case GTK_PRINT_OPERATION_RESULT_APPLY:
      g_signal_emit (self, signals [PRINTED], 0);
      gtk_window_close (GTK_WINDOW (self));
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RgExportDialog *self = RG_EXPORT_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = rg_export_dialog_make_print_operation (self, &error);
  if (operation == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_toast (self, error->message);
}

static void
rg_export_dialog_dispose (GObject *object)
{
  RgExportDialog *self = RG_EXPORT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_export_dialog_parent_class)->dispose (object);
}

static void
rg_export_dialog_class_init (RgExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_export_dialog_dispose;

  /**
   * RgExportDialog::exported:
   * @file: the (first) file written
   *
   * The report was written; the dialog closes.
   */
  signals [EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  /**
   * RgExportDialog::printed:
   *
   * The report went to the printer; the dialog closes.
   */
  signals [PRINTED] =
    g_signal_new ("printed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_export_dialog_init (RgExportDialog *self)
{
  static const char *purposes[] = {
    N_("Sending outside the team"),
    N_("The team’s own file"),
  };
  static const char *levels[] = {
    [LEVEL_TEAM] = N_("For the team’s partners"),
    [LEVEL_OUTSIDE] = N_("Outside the team"),
  };
  g_autoptr(GtkStringList) format_items = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) purpose_items = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) level_items = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) separator_items = gtk_string_list_new (NULL);
  GtkWidget *box, *header, *cancel, *page, *group;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_string_list_append (format_items, _(formats[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (purposes); i++)
    gtk_string_list_append (purpose_items, _(purposes[i]));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    gtk_string_list_append (level_items, _(levels[i]));
  /* In the order of RgCsvSeparator, the automatic one saying what it is */
  gtk_string_list_append (separator_items,
                          rg_csv_separator_get_char (RG_CSV_SEPARATOR_AUTO) == ';'
                          ? _("As this language’s spreadsheets expect (semicolon)")
                          : _("As this language’s spreadsheets expect (comma)"));
  gtk_string_list_append (separator_items, _("Comma"));
  gtk_string_list_append (separator_items, _("Semicolon"));

  gtk_window_set_title (GTK_WINDOW (self), _("Export Report"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "export.choose-file");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A report sent outside the team should carry no names: "
                                           "partners become their profession, and the names known "
                                           "to the session are replaced in every text."));

  self->format_row = combo_row_new (_("_Format"), format_items);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->format_row));
  self->separator_row = combo_row_new (_("Column _Separator"), separator_items);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->separator_row));
  self->purpose_row = combo_row_new (_("F_or"), purpose_items);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->purpose_row));
  self->pseudonymise_switch =
    switch_row_new (ADW_PREFERENCES_GROUP (group), _("_Pseudonymise"),
                    _("No name of a person, nor of the child, in the report"), NULL);
  self->level_row = combo_row_new (_("_De-identified"), level_items);
  adw_combo_row_set_selected (self->level_row, LEVEL_OUTSIDE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->level_row));
  self->level_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->level_label, TRUE);
  gtk_label_set_xalign (self->level_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->level_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->level_label), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->level_label));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->level_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->level_label, NULL,
                                  -1);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  self->group = ADW_PREFERENCES_GROUP (group);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);

  g_signal_connect_swapped (self->format_row, "notify::selected",
                            G_CALLBACK (on_format_selected), self);
  g_signal_connect_swapped (self->purpose_row, "notify::selected",
                            G_CALLBACK (on_purpose_selected), self);
  g_signal_connect_swapped (self->pseudonymise_switch, "notify::active",
                            G_CALLBACK (on_pseudonymise_changed), self);
  g_signal_connect_swapped (self->level_row, "notify::selected",
                            G_CALLBACK (on_level_selected), self);
  on_level_selected (self);
  on_format_selected (self);
  on_purpose_selected (self);
  on_pseudonymise_changed (self);
}

/**
 * rg_export_dialog_new:
 * @parent: (nullable): the window it is for
 * @session: the session to export
 *
 * Returns: (transfer full): a new dialog, to send outside the team
 *   (pseudonymised) as a printable report
 */
RgExportDialog *
rg_export_dialog_new (GtkWindow *parent,
                      RgSession *session)
{
  RgExportDialog *self;
  RgWindowHost *host;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  /* A dialog to a screen reader, which says so when it opens */
  self = g_object_new (RG_TYPE_EXPORT_DIALOG, "transient-for", parent,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  self->session = g_object_ref (session);
  /* A report is for outside the team, so pseudonymised, unless the
   * coordinator chose otherwise in the preferences */
  if (parent != NULL && (host = rg_window_host_get_for_widget (GTK_WIDGET (parent))) != NULL)
    {
      GSettings *settings = rg_window_host_get_settings (host);
      g_autofree char *level = g_settings_get_string (settings, "export-deidentify");
      RgDeidentifyLevel chosen;

      if (rg_deidentify_level_from_string (level, &chosen) && chosen == RG_DEIDENTIFY_TEAM)
        rg_export_dialog_set_level (self, RG_DEIDENTIFY_TEAM);
      if (!g_settings_get_boolean (settings, "export-pseudonymise"))
        rg_export_dialog_set_purpose (self, RG_EXPORT_PURPOSE_TEAM);
    }
  /* The first choice has the focus, not Cancel */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->format_row));

  return self;
}

/**
 * rg_export_dialog_new_for_printing:
 * @parent: (nullable): the window it is for
 * @session: the session to print
 *
 * Returns: (transfer full): a new dialog that prints the report rather
 *   than export it: the same choices, but no format
 */
RgExportDialog *
rg_export_dialog_new_for_printing (GtkWindow *parent,
                                   RgSession *session)
{
  RgExportDialog *self = rg_export_dialog_new (parent, session);

  self->printing = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), _("Print Report"));
  gtk_widget_set_visible (GTK_WIDGET (self->format_row), FALSE);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->purpose_row));
  gtk_button_set_label (GTK_BUTTON (self->export_button), _("P_rint…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "export.print");

  return self;
}

/**
 * rg_export_dialog_new_for_files:
 * @parent: (nullable): the window it is for
 * @files: (element-type GFile): session files, at least one
 *
 * A dialog that exports @files as one research project (REFI-QDA), for
 * a search of the library: the same choices of purpose and names, the
 * format fixed. Without names by default, as it leaves the team.
 *
 * Returns: (transfer full): a new dialog
 */
RgExportDialog *
rg_export_dialog_new_for_files (GtkWindow *parent,
                                GPtrArray *files)
{
  RgExportDialog *self;
  g_autofree char *count = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (files != NULL && files->len > 0, NULL);

  /* A dialog to a screen reader, which says so when it opens */
  self = g_object_new (RG_TYPE_EXPORT_DIALOG, "transient-for", parent,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (self->files, g_object_ref (G_FILE (files->pdata[i])));

  gtk_window_set_title (GTK_WINDOW (self), _("Export Research Project"));
  rg_export_dialog_set_format (self, RG_EXPORT_FORMAT_QDPX);
  gtk_widget_set_visible (GTK_WIDGET (self->format_row), FALSE);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u session as one project for qualitative research "
                                        "tools (QualCoder, NVivo, MAXQDA, ATLAS.ti). A project "
                                        "sent outside the team should carry no names.",
                                        "%u sessions as one project for qualitative research "
                                        "tools (QualCoder, NVivo, MAXQDA, ATLAS.ti). A project "
                                        "sent outside the team should carry no names.",
                                        files->len),
                           files->len);
  adw_preferences_group_set_description (self->group, count);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->purpose_row));

  return self;
}

gboolean
rg_export_dialog_get_printing (RgExportDialog *self)
{
  g_return_val_if_fail (RG_IS_EXPORT_DIALOG (self), FALSE);

  return self->printing;
}

void
rg_export_dialog_set_format (RgExportDialog *self,
                             RgExportFormat  format)
{
  g_return_if_fail (RG_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      adw_combo_row_set_selected (self->format_row, i);
}

/**
 * rg_export_dialog_set_csv_separator:
 * @self: a #RgExportDialog
 * @separator: what is to separate the fields of CSV tables
 */
void
rg_export_dialog_set_csv_separator (RgExportDialog *self,
                                    RgCsvSeparator  separator)
{
  g_return_if_fail (RG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (separator <= RG_CSV_SEPARATOR_SEMICOLON);

  adw_combo_row_set_selected (self->separator_row, separator);
}

/**
 * rg_export_dialog_get_csv_separator:
 * @self: a #RgExportDialog
 *
 * Returns: what is to separate the fields of CSV tables
 */
RgCsvSeparator
rg_export_dialog_get_csv_separator (RgExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (RG_IS_EXPORT_DIALOG (self), RG_CSV_SEPARATOR_AUTO);

  selected = adw_combo_row_get_selected (self->separator_row);
  return selected <= RG_CSV_SEPARATOR_SEMICOLON ? selected : RG_CSV_SEPARATOR_AUTO;
}

RgExportFormat
rg_export_dialog_get_format (RgExportDialog *self)
{
  g_return_val_if_fail (RG_IS_EXPORT_DIALOG (self), RG_EXPORT_FORMAT_PDF);

  return formats[format_index (self)].format;
}

/* Choosing whom it is for also chooses whether it is pseudonymised */
void
rg_export_dialog_set_purpose (RgExportDialog  *self,
                              RgExportPurpose  purpose)
{
  g_return_if_fail (RG_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->purpose_row, purpose);
}

RgExportPurpose
rg_export_dialog_get_purpose (RgExportDialog *self)
{
  g_return_val_if_fail (RG_IS_EXPORT_DIALOG (self), RG_EXPORT_PURPOSE_SEND);

  return adw_combo_row_get_selected (self->purpose_row) == RG_EXPORT_PURPOSE_TEAM
         ? RG_EXPORT_PURPOSE_TEAM : RG_EXPORT_PURPOSE_SEND;
}

void
rg_export_dialog_set_pseudonymise (RgExportDialog *self,
                                   gboolean        pseudonymise)
{
  g_return_if_fail (RG_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->pseudonymise_switch, pseudonymise);
}

gboolean
rg_export_dialog_get_pseudonymise (RgExportDialog *self)
{
  g_return_val_if_fail (RG_IS_EXPORT_DIALOG (self), TRUE);

  return gtk_switch_get_active (self->pseudonymise_switch);
}

/**
 * rg_export_dialog_set_level:
 * @self: a #RgExportDialog
 * @level: how far a pseudonymised report is de-identified
 *
 * Chooses the level of de-identification; %RG_DEIDENTIFY_NONE turns
 * the pseudonymisation off, the others on.
 */
void
rg_export_dialog_set_level (RgExportDialog    *self,
                            RgDeidentifyLevel  level)
{
  g_return_if_fail (RG_IS_EXPORT_DIALOG (self));

  rg_export_dialog_set_pseudonymise (self, level != RG_DEIDENTIFY_NONE);
  if (level != RG_DEIDENTIFY_NONE)
    adw_combo_row_set_selected (self->level_row,
                                level == RG_DEIDENTIFY_TEAM ? LEVEL_TEAM : LEVEL_OUTSIDE);
}

/**
 * rg_export_dialog_get_level:
 * @self: a #RgExportDialog
 *
 * Returns: how far the report is to be de-identified:
 *   %RG_DEIDENTIFY_NONE when it is not pseudonymised
 */
RgDeidentifyLevel
rg_export_dialog_get_level (RgExportDialog *self)
{
  g_return_val_if_fail (RG_IS_EXPORT_DIALOG (self), RG_DEIDENTIFY_OUTSIDE);

  if (!rg_export_dialog_get_pseudonymise (self))
    return RG_DEIDENTIFY_NONE;

  return adw_combo_row_get_selected (self->level_row) == LEVEL_TEAM ? RG_DEIDENTIFY_TEAM
                                                                    : RG_DEIDENTIFY_OUTSIDE;
}

static gboolean
month_dates (RgExportDialog *self)
{
  return rg_export_dialog_get_level (self) == RG_DEIDENTIFY_OUTSIDE;
}

static RgExportQdpxFlags
project_flags (RgExportDialog *self)
{
  switch (rg_export_dialog_get_level (self))
    {
    case RG_DEIDENTIFY_TEAM:
      return RG_EXPORT_QDPX_PSEUDONYMISE;
    case RG_DEIDENTIFY_OUTSIDE:
      return RG_EXPORT_QDPX_PSEUDONYMISE | RG_EXPORT_QDPX_OUTSIDE;
    case RG_DEIDENTIFY_NONE:
    default:
      return RG_EXPORT_QDPX_NONE;
    }
}

/* The session as the report is to show it: a de-identified copy, or itself */
static RgSession *
report_session (RgExportDialog *self)
{
  return rg_session_deidentify (self->session, rg_export_dialog_get_level (self));
}

/* @text as a part of a file name: no folder separator nor a character
 * some file system or desktop refuses, spaces run together, at most
 * MAX_NAME_CHARS characters, no dot at its start or its end */
static void
append_for_file_name (GString    *name,
                      const char *text)
{
  gsize start = name->len;
  guint n_chars = 0;

  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0' && n_chars < MAX_NAME_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL) ||
          g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        c = ' ';
      if (c == ' ' && (name->len == start || name->str[name->len - 1] == ' '))
        continue;
      g_string_append_unichar (name, c);
      n_chars++;
    }

  while (name->len > start && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '.'))
    g_string_truncate (name, name->len - 1);
  while (name->len > start && name->str[start] == '.')
    g_string_erase (name, start, 1);
}

/**
 * rg_export_dialog_dup_file_name:
 * @self: a #RgExportDialog
 *
 * The name the report is offered under: the session's title and date,
 * as the report shows them (pseudonymised, the month alone when only
 * the month is to be shown), made safe for a file name, with the
 * extension of the format chosen.
 *
 * Returns: (transfer full): the file name
 */
char *
rg_export_dialog_dup_file_name (RgExportDialog *self)
{
  g_autoptr(RgSession) session = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *date = NULL;
  const char *title;

  g_return_val_if_fail (RG_IS_EXPORT_DIALOG (self), NULL);

  if (self->files != NULL)
    /* Translators: the file name a research project of several
     * sessions is offered under, without its extension */
    return g_strdup_printf ("%s.%s", _("research-project"), RG_EXPORT_QDPX_EXTENSION);

  session = report_session (self);
  title = rg_session_get_title (session);
  if (title == NULL || *title == '\0')
    title = rg_export_dialog_get_pseudonymise (self) ? rg_session_get_situation_code (session)
                                                     : rg_session_get_situation_label (session);
  append_for_file_name (name, title);

  date = g_strdup (rg_session_get_date (session));
  if (date != NULL && month_dates (self) && strlen (date) >= 7)
    date[7] = '\0';   /* 2026-11: the day is not to be shown */
  if (date != NULL && *date != '\0')
    {
      if (name->len > 0)
        g_string_append_c (name, ' ');
      append_for_file_name (name, date);
    }

  if (name->len == 0)
    /* Translators: the file name a report is offered under when its
     * session has no title, without its extension; it names no one */
    g_string_append (name, _("report"));

  g_string_append_printf (name, ".%s", formats[format_index (self)].extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * rg_export_dialog_set_folder:
 * @self: a #RgExportDialog
 * @folder: (nullable): the session's folder
 *
 * The folder to offer when no report was exported before, or the folder
 * last exported to is gone.
 */
void
rg_export_dialog_set_folder (RgExportDialog *self,
                             GFile          *folder)
{
  g_return_if_fail (RG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
}

/**
 * rg_export_dialog_export_to:
 * @self: a #RgExportDialog
 * @output: where to write the report
 * @error: return location for an error
 *
 * Writes the report as chosen in the dialog.
 *
 * Returns: (transfer full) (element-type GFile): the files written, or
 *   %NULL with @error set
 */
GPtrArray *
rg_export_dialog_export_to (RgExportDialog  *self,
                            GFile           *output,
                            GError         **error)
{
  g_autoptr(RgSession) session = NULL;

  g_return_val_if_fail (RG_IS_EXPORT_DIALOG (self), NULL);
  g_return_val_if_fail (G_IS_FILE (output), NULL);
  g_return_val_if_fail (self->files == NULL, NULL);

  /* A project pseudonymises the session itself, identifiers included */
  if (rg_export_dialog_get_format (self) == RG_EXPORT_FORMAT_QDPX)
    {
      g_autoptr(GPtrArray) sessions = g_ptr_array_new ();

      g_ptr_array_add (sessions, self->session);
      return rg_export_write_qdpx (sessions, project_flags (self), output, error);
    }

  session = report_session (self);
  if (rg_export_dialog_get_format (self) == RG_EXPORT_FORMAT_CSV)
    return rg_export_write_csv (session, rg_export_dialog_get_csv_separator (self), output, error);
  return rg_export_write (session, rg_export_dialog_get_format (self), output, error);
}

typedef struct
{
  GPtrArray         *files;
  GFile             *output;
  RgExportQdpxFlags  flags;
} ExportFiles;

static void
export_files_free (ExportFiles *data)
{
  g_ptr_array_unref (data->files);
  g_object_unref (data->output);
  g_free (data);
}

/* Reads each file as the application does, then writes the project */
static void
export_files_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ExportFiles *data = task_data;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *written;
  GError *error = NULL;

  for (guint i = 0; i < data->files->len; i++)
    {
      GFile *file = data->files->pdata[i];
      g_autoptr(GBytes) contents = NULL;
      RgSession *session = NULL;

      contents = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, NULL, cancellable, &error);
      if (contents != NULL)
        session = rg_session_new_from_bytes (contents, &error);
      if (session == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          /* Translators: the first %s is a session file, the second why it
           * could not be read */
          g_task_return_new_error (task, error->domain, error->code, _("%s: %s"), name,
                                   error->message);
          g_error_free (error);
          return;
        }
      g_ptr_array_add (sessions, session);
    }

  written = rg_export_write_qdpx (sessions, data->flags, data->output, &error);
  if (written == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, written, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * rg_export_dialog_export_files_async:
 * @self: a dialog made by rg_export_dialog_new_for_files()
 * @output: where to write the project
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is written, or could not be
 * @user_data: for @callback
 *
 * Reads the dialog's session files and writes them as one research
 * project, as chosen in the dialog, off the main thread. One file that
 * cannot be read stops it: nothing is written.
 */
void
rg_export_dialog_export_files_async (RgExportDialog      *self,
                                     GFile               *output,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportFiles *data;

  g_return_if_fail (RG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->files != NULL);
  g_return_if_fail (G_IS_FILE (output));

  data = g_new0 (ExportFiles, 1);
  data->files = g_ptr_array_ref (self->files);
  data->output = g_object_ref (output);
  data->flags = project_flags (self);

  self->busy = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", FALSE);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_export_dialog_export_files_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_files_free);
  g_task_run_in_thread (task, export_files_thread);
}

/**
 * rg_export_dialog_export_files_finish:
 * @self: a #RgExportDialog
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type GFile): the file written, or
 *   %NULL with @error set
 */
GPtrArray *
rg_export_dialog_export_files_finish (RgExportDialog  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  self->busy = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", TRUE);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rg_export_dialog_make_print_operation:
 * @self: a #RgExportDialog
 * @error: return location for an error
 *
 * Makes the report as chosen in the dialog, to print.
 *
 * Returns: (transfer full): the print operation, or %NULL with @error set
 */
GtkPrintOperation *
rg_export_dialog_make_print_operation (RgExportDialog  *self,
                                       GError         **error)
{
  g_autoptr(RgSession) session = NULL;

  g_return_val_if_fail (RG_IS_EXPORT_DIALOG (self), NULL);

  session = report_session (self);
  return rg_report_print_operation_new (session, error);
}
