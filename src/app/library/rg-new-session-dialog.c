/* rg-new-session-dialog.c — a session from a template, in one dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-new-session-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-date-entry.h"
#include "rg-document.h"
#include "rg-new-session-dialog.h"
#include "rg-paths.h"
#include "rg-template.h"
#include "rg-window-host.h"

struct _RgNewSessionDialog
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkButton       *create_button;
  AdwComboRow     *template_row;
  AdwEntryRow     *title_row;
  AdwEntryRow     *situation_row;
  RgDateEntry     *date_row;
  GtkTextView     *partners_view;
};

G_DEFINE_FINAL_TYPE (RgNewSessionDialog, rg_new_session_dialog, ADW_TYPE_WINDOW)

static char *
get_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
update_create_enabled (RgNewSessionDialog *self)
{
  g_autofree char *title = get_entry_text (self->title_row);
  gboolean date_ok = rg_date_entry_is_valid (self->date_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-session.create",
                                 title[0] != '\0' && date_ok);
}

/* "Mme Martin, Enseignante, École Jules Ferry" → a partner. */
static void
add_partners (RgSession  *session,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 3);
      g_autoptr(RgPartner) partner = NULL;

      for (guint j = 0; fields[j] != NULL; j++)
        g_strstrip (fields[j]);
      if (fields[0] == NULL || fields[0][0] == '\0')
        continue;

      partner = rg_partner_new ();
      rg_partner_set_name (partner, fields[0]);
      if (fields[1] != NULL)
        rg_partner_set_profession (partner, fields[1]);
      if (fields[1] != NULL && fields[2] != NULL)
        rg_partner_set_institution (partner, fields[2]);
      rg_session_add_partner (session, partner);
    }
}

/**
 * rg_new_session_dialog_create:
 * @self: a #RgNewSessionDialog
 * @error: a location for a #GError
 *
 * Creates the session the dialog describes and writes it in the
 * library folder.
 *
 * Returns: (transfer full): the new session file, or %NULL with @error set
 */
GFile *
rg_new_session_dialog_create (RgNewSessionDialog  *self,
                              GError             **error)
{
  RgWindowHost *host = RG_WINDOW_HOST (g_application_get_default ());
  const char * const *ids = rg_template_get_ids ();
  g_autofree char *title = get_entry_text (self->title_row);
  g_autofree char *situation = get_entry_text (self->situation_row);
  const char *date = rg_date_entry_get_date (self->date_row);
  g_autofree char *folder = NULL;
  g_autofree char *partners = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint selected;

  g_return_val_if_fail (RG_IS_NEW_SESSION_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->template_row);
  if (selected >= g_strv_length ((char **) ids))
    selected = 0;

  if (!(session = rg_session_new_from_template (ids[selected], title, error)))
    return NULL;

  rg_session_set_situation_label (session, situation);
  if (rg_date_entry_is_valid (self->date_row) && date != NULL)
    rg_session_set_date (session, date);

  buffer = gtk_text_view_get_buffer (self->partners_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  partners = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  add_partners (session, partners);

  folder = rg_window_host_get_library_dir (host);
  if (!rg_paths_ensure_private_dir (folder, error))
    return NULL;

  file = rg_paths_new_session_file (folder, title);
  document = rg_document_new (session, file);
  if (!rg_document_save (document, NULL, error))
    return NULL;

  return g_steal_pointer (&file);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RgNewSessionDialog *self = RG_NEW_SESSION_DIALOG (widget);
  RgWindowHost *host = RG_WINDOW_HOST (g_application_get_default ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!(file = rg_new_session_dialog_create (self, &error)))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  rg_window_host_open_file (host, file);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rg_new_session_dialog_class_init (RgNewSessionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-new-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RgNewSessionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RgNewSessionDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, RgNewSessionDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, RgNewSessionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RgNewSessionDialog, situation_row);
  gtk_widget_class_bind_template_child (widget_class, RgNewSessionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RgNewSessionDialog, partners_view);

  gtk_widget_class_install_action (widget_class, "new-session.create", NULL, create_action);

  g_type_ensure (RG_TYPE_DATE_ENTRY);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_new_session_dialog_init (RgNewSessionDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *ids = rg_template_get_ids ();
  g_autofree char *today = rg_date_new_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (names, rg_template_get_name (ids[i]));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  rg_date_entry_set_date (self->date_row, today);

  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (update_create_enabled), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (update_create_enabled), self);
  update_create_enabled (self);
}

/**
 * rg_new_session_dialog_present:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Returns: (transfer none): the dialog, shown
 */
RgNewSessionDialog *
rg_new_session_dialog_present (GtkWindow *parent)
{
  RgNewSessionDialog *self = g_object_new (RG_TYPE_NEW_SESSION_DIALOG,
                                           "transient-for", parent,
                                           "application", g_application_get_default (),
                                           NULL);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}
