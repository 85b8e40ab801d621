/* rg-dimension-dialog.c — adding, renaming and removing dimensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-dimension-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-dimension-dialog.h"
#include "rg-removal.h"
#include "rg-undo-toast.h"

static char *
get_name (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void
update_save_enabled (AdwMessageDialog *dialog)
{
  g_autofree char *name = get_name (dialog);

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             RgSessionEditor  *editor)
{
  RgDimension *dimension = g_object_get_data (G_OBJECT (dialog), "dimension");
  g_autofree char *name = get_name (dialog);

  if (!g_str_equal (response, "save") || name[0] == '\0')
    return;

  if (dimension == NULL)
    rg_session_editor_add_dimension (editor, name);
  else
    rg_session_editor_set (editor, _("Rename dimension"), dimension, "name", name);
}

static void
show_form (GtkWidget       *parent,
           RgSessionEditor *editor,
           RgDimension     *dimension)
{
  AdwMessageDialog *dialog;
  GtkWidget *list, *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (rg_widget_get_window (parent),
                                                       dimension ? _("Rename Dimension")
                                                                 : _("Add Dimension"),
                                                       NULL));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", dimension ? _("_Rename") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Name"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  if (dimension != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), rg_dimension_get_name (dimension));
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (dialog, list);

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  if (dimension != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "dimension", g_object_ref (dimension), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "editor", g_object_ref (editor), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), editor);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_save_enabled), dialog);
  update_save_enabled (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/**
 * rg_dimension_dialog_add:
 * @parent: a widget of the window the dialog belongs to
 * @editor: the session's editor
 *
 * Asks for the name of a new dimension and adds it, undoably.
 */
void
rg_dimension_dialog_add (GtkWidget       *parent,
                         RgSessionEditor *editor)
{
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));

  show_form (parent, editor, NULL);
}

/**
 * rg_dimension_dialog_edit:
 * @parent: a widget of the window the dialog belongs to
 * @editor: the session's editor
 * @dimension: the dimension to rename
 *
 * Renames a dimension, undoably.
 */
void
rg_dimension_dialog_edit (GtkWidget       *parent,
                          RgSessionEditor *editor,
                          RgDimension     *dimension)
{
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));
  g_return_if_fail (RG_IS_DIMENSION (dimension));

  show_form (parent, editor, dimension);
}

/**
 * rg_dimension_dialog_confirm_removal:
 * @parent: a widget of the window the dialog belongs to
 * @editor: the session's editor
 * @dimension: the dimension to remove
 *
 * Removes a dimension, after asking when it holds statements. Either
 * way the removal can be undone, and a toast offers to.
 */
void
rg_dimension_dialog_confirm_removal (GtkWidget       *parent,
                                     RgSessionEditor *editor,
                                     RgDimension     *dimension)
{
  g_autofree char *body = NULL;
  guint n;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));
  g_return_if_fail (RG_IS_DIMENSION (dimension));

  n = rg_session_editor_count_statements (editor, NULL, rg_dimension_get_id (dimension));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its statement will be removed too. You can undo this.",
                                       "Its %u statements will be removed too. You can undo this.",
                                       n), n);
  rg_removal_confirm (parent, editor, dimension, (RgRemoveFunc) rg_session_editor_remove_dimension,
                      rg_dimension_get_name (dimension), n, body);
}
