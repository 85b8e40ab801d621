/* rg-session-details-dialog.c — what a session is: title, date, place, situation
 *
 * The session's own fields, after it was made: its title and date, where
 * and by whom it is held, the next review, and the situation's label and
 * code. Each field is the session's as it is typed, through the editor,
 * so that a change is undone with Ctrl+Z (here or in the window) and
 * reaches the file with the autosave; there is nothing to confirm. Undo
 * elsewhere shows here at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-details-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-date-entry.h"
#include "rg-session-details-dialog.h"

typedef enum
{
  GROUP_MEETING,
  GROUP_SITUATION,
} Group;

/* The fields, in their order on screen; each a property of RgSession */
static const struct
{
  const char *property;
  const char *title;
  const char *undo_label;
  Group       group;
  gboolean    is_date;
  gboolean    optional;
} fields[] = {
  { "title", N_("Title"), N_("Change the Title"), GROUP_MEETING },
  { "date", N_("Date"), N_("Change the Date"), GROUP_MEETING, TRUE, FALSE },
  { "place", N_("Place"), N_("Change the Place"), GROUP_MEETING },
  { "facilitator", N_("Facilitator"), N_("Change the Facilitator"), GROUP_MEETING },
  { "next-review", N_("Next Review"), N_("Change the Next Review"), GROUP_MEETING, TRUE, TRUE },
  { "situation-label", N_("Child’s Label"), N_("Change the Child’s Label"), GROUP_SITUATION },
  { "situation-code", N_("Code"), N_("Change the Situation’s Code"), GROUP_SITUATION },
};

struct _RgSessionDetailsDialog
{
  AdwWindow        parent_instance;

  RgSessionEditor *editor;
  GtkWidget       *widgets[G_N_ELEMENTS (fields)];   /* AdwEntryRow or RgDateEntry */
  guint            updating : 1;
};

G_DEFINE_FINAL_TYPE (RgSessionDetailsDialog, rg_session_details_dialog, ADW_TYPE_WINDOW)

static RgSession *
get_session (RgSessionDetailsDialog *self)
{
  return rg_session_editor_get_session (self->editor);
}

static char *
get_value (RgSessionDetailsDialog *self,
           guint                   i)
{
  char *value = NULL;

  g_object_get (get_session (self), fields[i].property, &value, NULL);

  return value;
}

static void
show_field (RgSessionDetailsDialog *self,
            guint                   i)
{
  g_autofree char *value = get_value (self, i);

  self->updating = TRUE;
  if (fields[i].is_date)
    rg_date_entry_set_date (RG_DATE_ENTRY (self->widgets[i]), value);
  else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->widgets[i])),
                      value ? value : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->widgets[i]), value ? value : "");
  self->updating = FALSE;
}

/* Undone or changed elsewhere: the field shows it. */
static void
on_session_notify (RgSessionDetailsDialog *self,
                   GParamSpec             *pspec)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (pspec->name, fields[i].property))
        show_field (self, i);
    }
}

static void
apply_field (RgSessionDetailsDialog *self,
             guint                   i,
             const char             *text)
{
  g_autofree char *value = get_value (self, i);

  if (self->updating || g_strcmp0 (value ? value : "", text ? text : "") == 0)
    return;

  rg_session_editor_set (self->editor, _(fields[i].undo_label), get_session (self),
                         fields[i].property, text);
}

static guint
field_of (RgSessionDetailsDialog *self,
          GtkWidget              *widget)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (self->widgets[i] == widget)
        return i;
    }

  g_return_val_if_reached (0);
}

static void
on_text_changed (GtkEditable            *editable,
                 RgSessionDetailsDialog *self)
{
  apply_field (self, field_of (self, GTK_WIDGET (editable)), gtk_editable_get_text (editable));
}

static void
on_date_changed (RgDateEntry            *entry,
                 GParamSpec             *pspec,
                 RgSessionDetailsDialog *self)
{
  apply_field (self, field_of (self, GTK_WIDGET (entry)), rg_date_entry_get_date (entry));
}

static gboolean
undo_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  RgSessionDetailsDialog *self = RG_SESSION_DETAILS_DIALOG (widget);
  RgUndoStack *undo = rg_session_editor_get_undo_stack (self->editor);

  if (g_str_equal (g_variant_get_string (args, NULL), "undo"))
    {
      if (!rg_undo_stack_get_can_undo (undo))
        return FALSE;
      rg_undo_stack_undo (undo);
    }
  else
    {
      if (!rg_undo_stack_get_can_redo (undo))
        return FALSE;
      rg_undo_stack_redo (undo);
    }

  return TRUE;
}

/* Before the fields see the key: their own undo would know only the
 * field, and not what was changed in the window. */
static void
add_undo_shortcuts (RgSessionDetailsDialog *self)
{
  static const struct { guint keyval; GdkModifierType modifiers; const char *what; } keys[] = {
    { GDK_KEY_z, GDK_CONTROL_MASK, "undo" },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "redo" },
    { GDK_KEY_y, GDK_CONTROL_MASK, "redo" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut;

      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                                   gtk_callback_action_new (undo_cb, NULL, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i].what));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static GtkWidget *
make_date_row (RgSessionDetailsDialog *self,
               guint                   i)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = rg_date_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
  rg_date_entry_set_optional (RG_DATE_ENTRY (entry), fields[i].optional);
  rg_date_entry_set_label (RG_DATE_ENTRY (entry), _(fields[i].title));
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (entry, 6);
  gtk_widget_set_margin_bottom (entry, 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  self->widgets[i] = entry;
  g_signal_connect_object (entry, "notify::date", G_CALLBACK (on_date_changed), self, 0);

  return row;
}

static GtkWidget *
make_text_row (RgSessionDetailsDialog *self,
               guint                   i)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
  /* Ctrl+Z undoes through the session, as everywhere, not in the field */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  self->widgets[i] = row;
  g_signal_connect_object (row, "changed", G_CALLBACK (on_text_changed), self, 0);

  return row;
}

static void
rg_session_details_dialog_dispose (GObject *object)
{
  RgSessionDetailsDialog *self = RG_SESSION_DETAILS_DIALOG (object);

  G_OBJECT_CLASS (rg_session_details_dialog_parent_class)->dispose (object);

  g_clear_object (&self->editor);
}

static void
rg_session_details_dialog_class_init (RgSessionDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_session_details_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_session_details_dialog_init (RgSessionDetailsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *groups[2];

  gtk_window_set_title (GTK_WINDOW (self), _("Session Details"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  add_undo_shortcuts (self);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  groups[GROUP_MEETING] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (groups[GROUP_MEETING], _("Meeting"));
  groups[GROUP_SITUATION] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (groups[GROUP_SITUATION], _("Situation"));
  adw_preferences_group_set_description (groups[GROUP_SITUATION],
                                         _("A label that does not name the child, such as "
                                           "“Pupil A., year 4”, and the programme’s code "
                                           "for the situation."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), groups[GROUP_MEETING]);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), groups[GROUP_SITUATION]);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    adw_preferences_group_add (groups[fields[i].group],
                               fields[i].is_date ? make_date_row (self, i)
                                                 : make_text_row (self, i));
}

/**
 * rg_session_details_dialog_new:
 * @parent: the session's window
 * @editor: the editor of the session
 *
 * Returns: (transfer none): a new dialog showing the details of
 *   @editor's session, owned by GTK's list of windows until closed
 */
RgSessionDetailsDialog *
rg_session_details_dialog_new (GtkWindow       *parent,
                               RgSessionEditor *editor)
{
  RgSessionDetailsDialog *self;
  GtkEditable *title;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (editor), NULL);

  /* A dialog to a screen reader, which says so when it opens */
  self = g_object_new (RG_TYPE_SESSION_DETAILS_DIALOG,
                       "transient-for", parent,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->editor = g_object_ref (editor);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    show_field (self, i);
  g_signal_connect_object (get_session (self), "notify", G_CALLBACK (on_session_notify), self,
                           G_CONNECT_SWAPPED);

  /* In the title, at its end: a key typed at once adds to the title
   * rather than replacing it. */
  title = GTK_EDITABLE (self->widgets[0]);
  gtk_text_grab_focus_without_selecting (GTK_TEXT (gtk_editable_get_delegate (title)));
  gtk_editable_set_position (title, -1);

  return self;
}
