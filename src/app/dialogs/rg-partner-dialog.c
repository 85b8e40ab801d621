/* rg-partner-dialog.c — adding, editing and removing partners
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-partner-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-partner-dialog.h"
#include "rg-partner-swatch.h"
#include "rg-removal.h"
#include "rg-undo-toast.h"

typedef struct
{
  RgSessionEditor *editor;
  RgPartner       *partner;   /* NULL when adding */
  AdwEntryRow     *name;
  AdwEntryRow     *profession;
  AdwEntryRow     *institution;
  AdwComboRow     *role;
  GtkDropDown     *colour;
} PartnerForm;

static void
partner_form_free (gpointer data)
{
  PartnerForm *form = data;

  g_clear_object (&form->editor);
  g_clear_object (&form->partner);
  g_free (form);
}

static AdwEntryRow *
add_entry_row (GtkListBox *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (list, row);

  return ADW_ENTRY_ROW (row);
}

static void
update_save_enabled (AdwMessageDialog *dialog)
{
  PartnerForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name))));

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             PartnerForm      *form)
{
  RgUndoStack *undo = rg_session_editor_get_undo_stack (form->editor);
  g_autofree char *name = NULL;
  RgPartner *partner;

  if (!g_str_equal (response, "save"))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name))));
  if (name[0] == '\0')
    return;

  rg_undo_stack_begin_group (undo, form->partner ? _("Edit partner") : _("Add partner"));

  partner = form->partner;
  if (partner == NULL)
    partner = rg_session_editor_add_partner (form->editor, name, NULL, NULL);

  rg_session_editor_set (form->editor, NULL, partner, "name", name);
  rg_session_editor_set (form->editor, NULL, partner, "profession",
                         gtk_editable_get_text (GTK_EDITABLE (form->profession)));
  rg_session_editor_set (form->editor, NULL, partner, "institution",
                         gtk_editable_get_text (GTK_EDITABLE (form->institution)));
  rg_session_editor_set (form->editor, NULL, partner, "role",
                         (RgPartnerRole) adw_combo_row_get_selected (form->role));
  rg_session_editor_set (form->editor, NULL, partner, "colour",
                         rg_partner_colour_drop_down_get_colour (form->colour));

  rg_undo_stack_end_group (undo);
}

static void
show_form (GtkWidget       *parent,
           RgSessionEditor *editor,
           RgPartner       *partner)
{
  g_autoptr(GtkStringList) role_names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  PartnerForm *form;
  GtkListBox *list;

  for (RgPartnerRole role = RG_PARTNER_ROLE_PROFESSIONAL;
       role <= RG_PARTNER_ROLE_COORDINATOR;
       role++)
    gtk_string_list_append (role_names, rg_partner_role_get_label (role));

  form = g_new0 (PartnerForm, 1);
  form->editor = g_object_ref (editor);
  form->partner = partner ? g_object_ref (partner) : NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (rg_widget_get_window (parent),
                                                       partner ? _("Edit Partner") : _("Add Partner"),
                                                       NULL));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", partner ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  form->name = add_entry_row (list, _("Name"), partner ? rg_partner_get_name (partner) : NULL);
  form->profession = add_entry_row (list, _("Profession"),
                                    partner ? rg_partner_get_profession (partner) : NULL);
  form->institution = add_entry_row (list, _("Institution"),
                                     partner ? rg_partner_get_institution (partner) : NULL);
  adw_entry_row_set_activates_default (form->name, TRUE);
  adw_entry_row_set_activates_default (form->profession, TRUE);
  adw_entry_row_set_activates_default (form->institution, TRUE);

  form->role = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->role), _("Takes part as"));
  adw_combo_row_set_model (form->role, G_LIST_MODEL (role_names));
  adw_combo_row_set_selected (form->role, partner ? rg_partner_get_role (partner)
                                                  : RG_PARTNER_ROLE_PROFESSIONAL);
  gtk_list_box_append (list, GTK_WIDGET (form->role));

  /* A new partner is offered the first colour no other partner has */
  {
    GtkWidget *row = adw_action_row_new ();
    GListModel *partners = rg_session_get_partners (rg_session_editor_get_session (editor));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Colour"));
    form->colour = rg_partner_colour_drop_down_new (partner ? rg_partner_get_colour (partner)
                                                            : rg_partner_pick_colour (partners));
    gtk_accessible_update_property (GTK_ACCESSIBLE (form->colour),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour"), -1);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (form->colour));
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (form->colour));
    gtk_list_box_append (list, row);
  }

  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (list));
  g_object_set_data_full (G_OBJECT (dialog), "form", form, partner_form_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), form);
  g_signal_connect_swapped (form->name, "changed", G_CALLBACK (update_save_enabled), dialog);
  update_save_enabled (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->name));
}

/**
 * rg_partner_dialog_add:
 * @parent: a widget of the window the dialog belongs to
 * @editor: the session's editor
 *
 * Asks for a new partner's name, profession, institution, role and
 * colour, and adds them as one undoable step.
 */
void
rg_partner_dialog_add (GtkWidget       *parent,
                       RgSessionEditor *editor)
{
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));

  show_form (parent, editor, NULL);
}

/**
 * rg_partner_dialog_edit:
 * @parent: a widget of the window the dialog belongs to
 * @editor: the session's editor
 * @partner: the partner to edit
 *
 * Edits a partner; the changes are one undoable step.
 */
void
rg_partner_dialog_edit (GtkWidget       *parent,
                        RgSessionEditor *editor,
                        RgPartner       *partner)
{
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));
  g_return_if_fail (RG_IS_PARTNER (partner));

  show_form (parent, editor, partner);
}

/**
 * rg_partner_dialog_confirm_removal:
 * @parent: a widget of the window the dialog belongs to
 * @editor: the session's editor
 * @partner: the partner to remove
 *
 * Removes a partner, after asking when they have statements. Either
 * way the removal can be undone, and a toast offers to.
 */
void
rg_partner_dialog_confirm_removal (GtkWidget       *parent,
                                   RgSessionEditor *editor,
                                   RgPartner       *partner)
{
  g_autofree char *body = NULL;
  guint n;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));
  g_return_if_fail (RG_IS_PARTNER (partner));

  n = rg_session_editor_count_statements (editor, rg_partner_get_id (partner), NULL);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Their statement will be removed too. You can undo this.",
                                       "Their %u statements will be removed too. You can undo this.",
                                       n), n);
  rg_removal_confirm (parent, editor, partner, (RgRemoveFunc) rg_session_editor_remove_partner,
                      rg_partner_get_name (partner), n, body);
}
