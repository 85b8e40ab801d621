/* rg-contribution-dialog.c — asking partners for contributions, importing them
 *
 * Before the meeting, the coordinator writes a contribution file for a
 * partner, who fills in their column and sends it back; importing it
 * merges it into the session and says, item by item, what was added,
 * updated or skipped and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-contribution-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-contribution-dialog.h"
#include "rg-document.h"
#include "rg-save-chooser.h"
#include "rg-undo-toast.h"
#include "rg-window-host.h"

#define REGARDS_MIME_TYPE "application/x-regards+xml"

static void
show_error_toast (GtkWidget  *widget,
                  const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* {{{ Asking a partner */

typedef struct
{
  GtkWidget       *parent;
  RgSessionEditor *editor;
  RgPartner       *partner;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->parent);
  g_clear_object (&ask->editor);
  g_clear_object (&ask->partner);
  g_free (ask);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ask, ask_free)

static Ask *
ask_new (GtkWidget       *parent,
         RgSessionEditor *editor,
         RgPartner       *partner)
{
  Ask *ask = g_new0 (Ask, 1);

  ask->parent = g_object_ref (parent);
  ask->editor = g_object_ref (editor);
  ask->partner = partner ? g_object_ref (partner) : NULL;

  return ask;
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Ask) ask = user_data;
  RgDocument *document = RG_DOCUMENT (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!rg_document_save_finish (document, result, &error))
    {
      show_error_toast (ask->parent, error->message);
      return;
    }

  /* Through the editor: undoable, and saved with the session */
  rg_contribution_record_asked (ask->editor, ask->partner);

  name = g_file_get_basename (rg_document_get_file (document));
  /* Translators: "Contribution for Mme Roussel written as “contribution.regards”" */
  message = g_strdup_printf (_("Contribution for %s written as “%s”"), rg_partner_get_name (ask->partner), name);
  rg_widget_show_toast (ask->parent, message);
}

/* Whether @file is a session open in a window, this one included:
 * writing a contribution over it would replace the session. */
static gboolean
is_open_session (GFile *file)
{
  GApplication *app = g_application_get_default ();

  return RG_IS_WINDOW_HOST (app) && rg_window_host_find_session_window (RG_WINDOW_HOST (app), file) != NULL;
}

/**
 * rg_contribution_dialog_write:
 * @parent: a widget of the session's window, inside its toast overlay
 * @editor: the session's editor
 * @partner: the partner asked
 * @file: where to write the contribution
 *
 * Writes the contribution of @partner to @file, in a worker thread, and
 * says so with a toast; the session then records that it was asked. A
 * session open in a window is never replaced.
 */
void
rg_contribution_dialog_write (GtkWidget       *parent,
                              RgSessionEditor *editor,
                              RgPartner       *partner,
                              GFile           *file)
{
  g_autoptr(RgSession) contribution = NULL;
  g_autoptr(RgDocument) document = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));
  g_return_if_fail (RG_IS_PARTNER (partner));
  g_return_if_fail (G_IS_FILE (file));

  if (is_open_session (file))
    {
      show_error_toast (parent, _("This file is a session open in Regards: choose another name "
                                  "for the contribution."));
      return;
    }

  contribution = rg_contribution_new (rg_session_editor_get_session (editor), partner);
  document = rg_document_new (contribution, file);
  rg_document_save_async (document, NULL, write_cb, ask_new (parent, editor, partner));
}

static void
save_chooser_cb (GtkNativeDialog *chooser,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(Ask) ask = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    rg_contribution_dialog_write (ask->parent, ask->editor, ask->partner, file);
}

static void
choose_file (Ask *ask)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  /* Translators: the file name a contribution is offered under, without
   * its extension: "contribution – Mme Roussel" */
  name = g_strdup_printf (_("contribution – %s.regards"), rg_partner_get_name (ask->partner));
  g_strdelimit (name, "/\\", '-');
  chooser = rg_save_chooser_new (rg_widget_get_window (ask->parent), _("Write the Contribution"),
                                 _("Regards Sessions"), REGARDS_MIME_TYPE, name);
  /* Where the MIME type is not installed, the name still shows them */
  gtk_file_filter_add_suffix (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)), "regards");
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_cb), ask);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AdwComboRow      *row)
{
  RgSessionEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");
  GtkWidget *parent = g_object_get_data (G_OBJECT (dialog), "parent");
  g_autoptr(RgPartner) partner = NULL;

  if (!g_str_equal (response, "choose"))
    return;

  partner = g_list_model_get_item (rg_session_get_partners (rg_session_editor_get_session (editor)),
                                   adw_combo_row_get_selected (row));
  if (partner != NULL)
    choose_file (ask_new (parent, editor, partner));
}

/**
 * rg_contribution_dialog_ask:
 * @parent: a widget of the session's window, inside its toast overlay
 * @editor: the session's editor
 * @partner: (nullable): the partner to offer first: the one of the cell
 *   the keyboard is in comes first to mind
 *
 * Asks which partner a contribution is for, then where to write it.
 */
void
rg_contribution_dialog_ask (GtkWidget       *parent,
                            RgSessionEditor *editor,
                            RgPartner       *partner)
{
  GListModel *partners;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *list, *row;
  guint selected = 0;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));
  g_return_if_fail (partner == NULL || RG_IS_PARTNER (partner));

  partners = rg_session_get_partners (rg_session_editor_get_session (editor));
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) item = g_list_model_get_item (partners, i);

      gtk_string_list_append (names, rg_partner_get_name (item));
      if (item == partner)
        selected = i;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (rg_widget_get_window (parent),
                                                       _("Ask a Partner for a Contribution"),
                                                       _("Regards writes a file for the partner to fill in "
                                                         "with their reading before the meeting, and to send "
                                                         "back. It holds the session’s title, situation and "
                                                         "dimensions, and nothing written by the other "
                                                         "partners.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Write the File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  adw_message_dialog_set_close_response (dialog, "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Partner"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (dialog, list);

  g_object_set_data_full (G_OBJECT (dialog), "editor", g_object_ref (editor), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "parent", g_object_ref (parent), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), row);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (row);
}

/* }}} */
/* {{{ Importing */

/* One group of the report: its heading, then a row per item. */
static void
add_report_group (GtkBox                *box,
                  RgContributionReport  *report,
                  RgContributionOutcome  outcome,
                  const char            *heading)
{
  GListModel *items = rg_contribution_report_get_items (report);
  GtkWidget *label, *list;

  if (rg_contribution_report_count (report, outcome) == 0)
    return;

  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (box, label);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_box_append (box, list);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgContributionItem) item = g_list_model_get_item (items, i);
      const char *text = rg_contribution_item_get_text (item);
      const char *reason = rg_contribution_item_get_reason (item);
      g_autoptr(GStrvBuilder) where = g_strv_builder_new ();
      g_auto(GStrv) parts = NULL;
      g_autofree char *place = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (rg_contribution_item_get_outcome (item) != outcome)
        continue;

      /* A file refused as a whole is named by itself. */
      if (text != NULL)
        g_strv_builder_add (where, rg_contribution_item_get_file_name (item));
      if (rg_contribution_item_get_partner (item) != NULL)
        g_strv_builder_add (where, rg_contribution_item_get_partner (item));
      if (rg_contribution_item_get_dimension (item) != NULL)
        g_strv_builder_add (where, rg_contribution_item_get_dimension (item));
      parts = g_strv_builder_end (where);
      place = g_strjoinv (" · ", parts);
      subtitle = reason == NULL ? g_steal_pointer (&place)
                 : place[0] == '\0' ? g_strdup (reason)
                 : g_strdup_printf ("%s\n%s", place, reason);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     text != NULL && text[0] != '\0' ? text
                                     : text != NULL ? _("(empty)")
                                     : rg_contribution_item_get_file_name (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

static void
report_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkWidget        *parent)
{
  RgSessionEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");
  RgUndoStack *undo = rg_session_editor_get_undo_stack (editor);
  gboolean changed = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "changed"));

  if (g_str_equal (response, "undo"))
    {
      /* The dialog is modal: the import is the last change. */
      if (g_strcmp0 (rg_undo_stack_get_undo_label (undo), _("Import contributions")) == 0)
        rg_undo_stack_undo (undo);
      rg_widget_show_toast (parent, _("Import undone"));
    }
  else if (changed)
    rg_undo_toast_show (parent, _("Contributions imported"));
}

/**
 * rg_contribution_dialog_show_report:
 * @parent: a widget of the session's window, inside its toast overlay
 * @editor: the session's editor, the import the last change made
 * @report: what the import did
 *
 * Shows what was added, updated and skipped, and why, with a way to
 * undo the whole import.
 *
 * Returns: (transfer none): the dialog, shown
 */
AdwMessageDialog *
rg_contribution_dialog_show_report (GtkWidget            *parent,
                                    RgSessionEditor      *editor,
                                    RgContributionReport *report)
{
  guint added, updated, skipped, unchanged;
  g_autofree char *counts = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *scroller, *box;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (editor), NULL);
  g_return_val_if_fail (RG_IS_CONTRIBUTION_REPORT (report), NULL);

  added = rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_ADDED);
  updated = rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_UPDATED);
  skipped = rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_SKIPPED);
  unchanged = rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_UNCHANGED);
  /* Translators: how many statements an import added and updated, and
   * how many things it skipped */
  counts = g_strdup_printf (_("Added: %u · Updated: %u · Skipped: %u"), added, updated, skipped);
  if (unchanged > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%u statement was in the session already.",
                                         "%s\n%u statements were in the session already.", unchanged),
                            counts, unchanged);
  else
    body = g_steal_pointer (&counts);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (rg_widget_get_window (parent),
                                                       rg_contribution_report_get_n_files (report) > 0
                                                       ? _("Contributions Imported")
                                                       : _("No Contribution Imported"),
                                                       body));
  if (added + updated > 0)
    {
      adw_message_dialog_add_response (dialog, "undo", _("_Undo Import"));
      adw_message_dialog_set_response_appearance (dialog, "undo", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 2);
  gtk_widget_set_margin_end (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  add_report_group (GTK_BOX (box), report, RG_CONTRIBUTION_OUTCOME_ADDED, _("Added"));
  add_report_group (GTK_BOX (box), report, RG_CONTRIBUTION_OUTCOME_UPDATED, _("Updated"));
  add_report_group (GTK_BOX (box), report, RG_CONTRIBUTION_OUTCOME_SKIPPED, _("Skipped"));

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_size_request (scroller, 420, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_message_dialog_set_extra_child (dialog, scroller);

  g_object_set_data_full (G_OBJECT (dialog), "editor", g_object_ref (editor), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "changed", GUINT_TO_POINTER (added + updated > 0));
  g_signal_connect_object (dialog, "response", G_CALLBACK (report_response_cb), parent, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkWidget) parent = user_data;
  RgSessionEditor *editor = RG_SESSION_EDITOR (object);
  g_autoptr(RgContributionReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!(report = rg_contribution_import_finish (editor, result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_toast (parent, error->message);
      return;
    }

  /* The window may be gone: the import is made all the same, and saved
   * with the session's next save. */
  if (gtk_widget_get_root (parent) != NULL)
    rg_contribution_dialog_show_report (parent, editor, report);
}

/**
 * rg_contribution_dialog_import_files:
 * @parent: a widget of the session's window, inside its toast overlay
 * @editor: the session's editor
 * @files: (array length=n_files): contribution files
 * @n_files: how many
 *
 * Reads the files in a worker thread, merges them into the session as
 * one undoable step and shows what was done.
 */
void
rg_contribution_dialog_import_files (GtkWidget        *parent,
                                     RgSessionEditor  *editor,
                                     GFile           **files,
                                     guint             n_files)
{
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));

  rg_contribution_import_async (editor, files, n_files, NULL, import_cb, g_object_ref (parent));
}

static void
open_chooser_cb (GtkNativeDialog *chooser,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(Ask) ask = user_data;
  g_autoptr(GListModel) chosen = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  for (guint i = 0; chosen != NULL && i < g_list_model_get_n_items (chosen); i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));

  if (files->len > 0)
    rg_contribution_dialog_import_files (ask->parent, ask->editor, (GFile **) files->pdata, files->len);
}

/**
 * rg_contribution_dialog_import:
 * @parent: a widget of the session's window, inside its toast overlay
 * @editor: the session's editor
 *
 * Asks for one or several contribution files, then imports them.
 */
void
rg_contribution_dialog_import (GtkWidget       *parent,
                               RgSessionEditor *editor)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) sessions = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));

  chooser = gtk_file_chooser_native_new (_("Import Contributions"), rg_widget_get_window (parent),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (sessions, _("Regards Sessions"));
  gtk_file_filter_add_mime_type (sessions, REGARDS_MIME_TYPE);
  gtk_file_filter_add_suffix (sessions, "regards");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sessions);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), sessions);

  g_signal_connect (chooser, "response", G_CALLBACK (open_chooser_cb), ask_new (parent, editor, NULL));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* }}} */
