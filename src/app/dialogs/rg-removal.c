/* rg-removal.c — removing a partner or a dimension, with its statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-removal"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-removal.h"
#include "rg-undo-toast.h"

typedef struct
{
  GtkWidget       *parent;
  RgSessionEditor *editor;
  GObject         *object;
  RgRemoveFunc     remove;
  char            *name;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_clear_object (&removal->editor);
  g_clear_object (&removal->object);
  g_free (removal->name);
  g_free (removal);
}

static void
remove_and_tell (Removal *removal)
{
  g_autofree char *title = NULL;

  /* Translators: a toast after removing a partner or a dimension:
   * "Mme Martin removed". */
  title = g_strdup_printf (_("%s removed"), removal->name);
  removal->remove (removal->editor, removal->object);
  rg_undo_toast_show (removal->parent, title);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Removal          *removal)
{
  if (g_str_equal (response, "remove"))
    remove_and_tell (removal);
}

/**
 * rg_removal_confirm:
 * @parent: a widget of the window the dialog belongs to
 * @editor: the session's editor
 * @object: the partner or dimension to remove
 * @remove: removes it through @editor, undoably
 * @name: its name, for the dialog and the toast
 * @n_statements: how many statements go with it
 * @body: what the dialog says about them
 *
 * Removes @object, after asking when statements go with it. Either way
 * the removal can be undone, and a toast offers to.
 */
void
rg_removal_confirm (GtkWidget       *parent,
                    RgSessionEditor *editor,
                    gpointer         object,
                    RgRemoveFunc     remove,
                    const char      *name,
                    guint            n_statements,
                    const char      *body)
{
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  Removal *removal;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));
  g_return_if_fail (G_IS_OBJECT (object));

  removal = g_new0 (Removal, 1);
  removal->parent = parent;
  removal->editor = g_object_ref (editor);
  removal->object = g_object_ref (object);
  removal->remove = remove;
  removal->name = g_strdup (name);

  if (n_statements == 0)
    {
      remove_and_tell (removal);
      removal_free (removal);
      return;
    }

  /* Translators: "Remove Mme Martin?" */
  heading = g_strdup_printf (_("Remove %s?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (rg_widget_get_window (parent), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "removal", removal, removal_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), removal);
  gtk_window_present (GTK_WINDOW (dialog));
}
