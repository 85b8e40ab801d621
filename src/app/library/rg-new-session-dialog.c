/* rg-new-session-dialog.c — a session from a template, in one dialog
 *
 * The partners are rows, one a partner, each with its name, profession,
 * institution, role and colour; the order of the rows is the order of
 * the columns. A new row gets the first colour of the palette no other
 * row has. Everything works from the keyboard: Tab goes through a row's
 * fields, then to its menu (move up, move down, remove), then to the
 * next row; Alt+Up and Alt+Down move the row the focus is in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-new-session-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-date-entry.h"
#include "rg-document.h"
#include "rg-new-session-dialog.h"
#include "rg-partner-swatch.h"
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
  GtkListBox      *partners_list;
};

/* The widgets of one partner's row, kept on the row */
typedef struct
{
  GtkEntry    *name;
  GtkEntry    *profession;
  GtkEntry    *institution;
  GtkDropDown *role;
  GtkDropDown *colour;
  GtkWidget   *menu;
  GActionMap  *actions;   /* the row's, inserted as "partner" */
} PartnerRow;

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

static PartnerRow *
get_partner_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "partner-row");
}

static char *
get_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* The rows' accessible names carry their number, which moves with them */
static void
update_partner_rows (RgNewSessionDialog *self)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->partners_list));
  guint n = 0;

  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      PartnerRow *fields = get_partner_row (row);
      g_autofree char *name = NULL;
      g_autofree char *profession = NULL;
      g_autofree char *institution = NULL;
      g_autofree char *role = NULL;
      g_autofree char *colour = NULL;
      g_autofree char *menu = NULL;

      if (fields == NULL)
        continue;

      n++;
      /* Translators: the accessible names of a partner's fields in the
       * new-session dialog; %u is the partner's number */
      name = g_strdup_printf (_("Name of partner %u"), n);
      profession = g_strdup_printf (_("Profession of partner %u"), n);
      institution = g_strdup_printf (_("Institution of partner %u"), n);
      role = g_strdup_printf (_("Role of partner %u"), n);
      colour = g_strdup_printf (_("Colour of partner %u"), n);
      menu = g_strdup_printf (_("Move or remove partner %u"), n);

      gtk_accessible_update_property (GTK_ACCESSIBLE (fields->name),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (fields->profession),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, profession, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (fields->institution),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, institution, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (fields->role),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, role, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (fields->colour),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, colour, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (fields->menu),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, menu, -1);
      gtk_widget_set_tooltip_text (fields->menu, menu);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (fields->actions,
                                                                                "move-up")),
                                   gtk_widget_get_prev_sibling (row) != NULL);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (fields->actions,
                                                                                "move-down")),
                                   gtk_widget_get_next_sibling (row) != NULL);
    }
}

/* The first colour of the palette that no row has */
static guint
pick_colour (RgNewSessionDialog *self)
{
  guint size = rg_partner_palette_get_size ();
  guint n = 0;

  for (guint c = 0; c < size; c++)
    {
      gboolean used = FALSE;

      n = 0;
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->partners_list));
           row != NULL && !used; row = gtk_widget_get_next_sibling (row))
        {
          PartnerRow *fields = get_partner_row (row);

          if (fields == NULL)
            continue;
          used = gtk_drop_down_get_selected (fields->colour) == c;
          n++;
        }

      if (!used)
        return c;
    }

  return n % size;
}

static GtkDropDown *
role_drop_down_new (void)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (RgPartnerRole role = RG_PARTNER_ROLE_PROFESSIONAL;
       role <= RG_PARTNER_ROLE_COORDINATOR;
       role++)
    gtk_string_list_append (names, rg_partner_role_get_label (role));

  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
}

static GtkEntry *
partner_entry_new (const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);

  return GTK_ENTRY (entry);
}

/* Moves @row by @offset places, keeping the focus where it was */
static void
move_partner_row (GtkWidget *row,
                  int        offset)
{
  RgNewSessionDialog *self = RG_NEW_SESSION_DIALOG (gtk_widget_get_root (row));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + offset;

  if (position < 0 || gtk_list_box_get_row_at_index (self->partners_list, position) == NULL)
    return;

  g_object_ref (row);
  gtk_list_box_remove (self->partners_list, row);
  gtk_list_box_insert (self->partners_list, row, position);
  g_object_unref (row);
  update_partner_rows (self);

  if (focus != NULL && gtk_widget_is_ancestor (focus, row))
    gtk_widget_grab_focus (focus);
}

static void
move_up_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       row)
{
  move_partner_row (row, -1);
}

static void
move_down_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       row)
{
  move_partner_row (row, 1);
}

/* The focus goes to the row that takes its place, or to the button
 * that adds one when it was the last */
static void
remove_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       row)
{
  RgNewSessionDialog *self = RG_NEW_SESSION_DIALOG (gtk_widget_get_root (row));
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  if (next == NULL)
    next = gtk_widget_get_prev_sibling (row);

  gtk_list_box_remove (self->partners_list, row);
  update_partner_rows (self);

  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (get_partner_row (next)->name));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->partners_list));
}

static GtkWidget *
partner_row_new (RgNewSessionDialog *self)
{
  static const GActionEntry entries[] = {
    { "move-up", move_up_activated },
    { "move-down", move_down_activated },
    { "remove", remove_activated },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkEventController *shortcuts;
  GtkShortcut *move_up, *move_down;
  PartnerRow *fields = g_new0 (PartnerRow, 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "partner-row", fields, g_free);

  fields->name = partner_entry_new (_("Name"));
  fields->profession = partner_entry_new (_("Profession"));
  fields->institution = partner_entry_new (_("Institution"));
  fields->role = role_drop_down_new ();
  fields->colour = rg_partner_colour_drop_down_new (NULL);
  gtk_drop_down_set_selected (fields->colour, pick_colour (self));

  gtk_box_append (GTK_BOX (first), GTK_WIDGET (fields->name));
  gtk_box_append (GTK_BOX (first), GTK_WIDGET (fields->role));
  gtk_box_append (GTK_BOX (first), GTK_WIDGET (fields->colour));
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (fields->profession));
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (fields->institution));
  gtk_box_append (GTK_BOX (lines), first);
  gtk_box_append (GTK_BOX (lines), second);
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_box_append (GTK_BOX (box), lines);

  g_menu_append (menu, _("Move _Up"), "partner.move-up");
  g_menu_append (menu, _("Move _Down"), "partner.move-down");
  g_menu_append (menu, _("_Remove"), "partner.remove");
  fields->menu = g_object_new (GTK_TYPE_MENU_BUTTON,
                               "icon-name", "view-more-symbolic",
                               "menu-model", menu,
                               "valign", GTK_ALIGN_CENTER,
                               NULL);
  gtk_widget_add_css_class (fields->menu, "flat");
  gtk_box_append (GTK_BOX (box), fields->menu);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), row);
  gtk_widget_insert_action_group (row, "partner", G_ACTION_GROUP (group));
  fields->actions = G_ACTION_MAP (group);

  shortcuts = gtk_shortcut_controller_new ();
  move_up = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                              gtk_named_action_new ("partner.move-up"));
  move_down = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                gtk_named_action_new ("partner.move-down"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), move_up);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), move_down);
  gtk_widget_add_controller (row, shortcuts);

  return row;
}

static void
add_partner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgNewSessionDialog *self = RG_NEW_SESSION_DIALOG (widget);
  GtkWidget *row = partner_row_new (self);

  gtk_list_box_append (self->partners_list, row);
  update_partner_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (get_partner_row (row)->name));
}

/* Each row with a name → a partner, in the order of the rows */
static void
add_partners (RgNewSessionDialog *self,
              RgSession          *session)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->partners_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      PartnerRow *fields = get_partner_row (row);
      g_autoptr(RgPartner) partner = NULL;
      g_autofree char *name = NULL;
      g_autofree char *profession = NULL;
      g_autofree char *institution = NULL;

      if (fields == NULL || (name = get_text (fields->name))[0] == '\0')
        continue;

      profession = get_text (fields->profession);
      institution = get_text (fields->institution);

      partner = rg_partner_new ();
      rg_partner_set_name (partner, name);
      rg_partner_set_profession (partner, profession);
      rg_partner_set_institution (partner, institution);
      rg_partner_set_role (partner, MIN (gtk_drop_down_get_selected (fields->role),
                                         RG_PARTNER_ROLE_COORDINATOR));
      rg_partner_set_colour (partner, rg_partner_colour_drop_down_get_colour (fields->colour));
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
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
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

  add_partners (self, session);

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
  gtk_widget_class_bind_template_child (widget_class, RgNewSessionDialog, partners_list);

  gtk_widget_class_install_action (widget_class, "new-session.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "new-session.add-partner", NULL,
                                   add_partner_action);

  g_type_ensure (RG_TYPE_DATE_ENTRY);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_new_session_dialog_init (RgNewSessionDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *ids = rg_template_get_ids ();
  g_autofree char *today = rg_date_new_today ();
  GtkEventController *add_partner_key;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Alt+A adds a partner, before the buttons' mnemonics see the key: in
   * French, « _Annuler » has it too, and would close the dialog */
  add_partner_key = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (add_partner_key, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (add_partner_key),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_a, GDK_ALT_MASK),
                                                          gtk_named_action_new ("new-session.add-partner")));
  gtk_widget_add_controller (GTK_WIDGET (self), add_partner_key);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (names, rg_template_get_name (ids[i]));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  rg_date_entry_set_date (self->date_row, today);

  gtk_list_box_append (self->partners_list, partner_row_new (self));
  update_partner_rows (self);

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
  /* A dialog to a screen reader, which says so when it opens */
  RgNewSessionDialog *self = g_object_new (RG_TYPE_NEW_SESSION_DIALOG,
                                           "transient-for", parent,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                           "application", g_application_get_default (),
                                           NULL);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}
