/* rg-new-sitting-dialog.c — preparing a team sitting, in one dialog
 *
 * The sitting's kind, title, day, start time, place and slot length;
 * then its agenda, chosen from the library's situations (a searchable
 * list of check buttons). A situation checked goes at the end of the
 * agenda with every partner of its latest session invited, read in a
 * thread; a check button per partner leaves one out. Alt+Up and
 * Alt+Down, or the row's buttons, change the order, and the slots
 * follow.
 *
 * Create writes the sitting and prepares it in a thread
 * (rg_sitting_prepare (): each situation's follow-up or new session,
 * and the contributions asked of the invited), then opens its window.
 * When something fails, the dialog says what is written and what is
 * not; a second try goes on with the same sitting, never writing a
 * session twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-new-sitting-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-date-entry.h"
#include "rg-new-sitting-dialog.h"
#include "rg-paths.h"
#include "rg-sitting-prepare.h"
#include "rg-sitting-xml.h"
#include "rg-window-host.h"

#define DEFAULT_START "14:00"

struct _RgNewSittingDialog
{
  AdwWindow        parent_instance;

  GCancellable    *cancellable;
  RgSitting       *sitting;      /* once written in part: tried again as it is */
  GFile           *file;         /* and its file */
  guint            working : 1;

  AdwToastOverlay *toast_overlay;
  GtkSpinner      *spinner;
  AdwComboRow     *kind_row;
  AdwEntryRow     *title_row;
  RgDateEntry     *date_entry;
  AdwEntryRow     *start_row;
  AdwEntryRow     *place_row;
  GtkSpinButton   *slot_spin;
  GtkSearchEntry  *search_entry;
  GtkStack        *situations_stack;
  GtkListBox      *situations_list;
  GtkLabel        *situations_message;
  GtkListBox      *agenda_list;
};

/* One situation of the agenda, kept on its row */
typedef struct
{
  char           *situation_id;
  char           *label;
  GtkCheckButton *check;     /* its check button in the list of situations */
  GtkLabel       *slot;
  GtkWidget      *partners;  /* a box of check buttons, one a partner */
  RgSittingItem  *item;      /* read from its latest session; NULL until then */
  char           *error;     /* why it could not be read */
  GActionMap     *actions;
} AgendaRow;

G_DEFINE_FINAL_TYPE (RgNewSittingDialog, rg_new_sitting_dialog, ADW_TYPE_WINDOW)

static void
agenda_row_free (gpointer data)
{
  AgendaRow *row = data;

  g_free (row->situation_id);
  g_free (row->label);
  g_clear_object (&row->item);
  g_free (row->error);
  g_free (row);
}

static AgendaRow *
get_agenda_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "agenda-row");
}

static RgLibrary *
get_library (RgNewSittingDialog *self)
{
  RgWindowHost *host = RG_WINDOW_HOST (g_application_get_default ());

  return host != NULL ? rg_window_host_get_library (host) : NULL;
}

static char *
get_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* {{{ The slots */

static int
get_start_minutes (RgNewSittingDialog *self)
{
  g_autofree char *start = get_entry_text (self->start_row);

  return rg_sitting_time_is_valid (start) ? rg_sitting_time_to_minutes (start) : -1;
}

/* Each row's slot, its number in its accessible names, and which way
 * it can move */
static void
update_agenda_rows (RgNewSittingDialog *self)
{
  int start = get_start_minutes (self);
  int slot = gtk_spin_button_get_value_as_int (self->slot_spin);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      AgendaRow *fields = get_agenda_row (row);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *text = NULL;

      if (fields == NULL)
        continue;

      if (start >= 0)
        {
          from = rg_sitting_time_from_minutes (start + (int) n * slot);
          to = rg_sitting_time_from_minutes (start + (int) (n + 1) * slot);
        }
      text = from != NULL && to != NULL ? g_strdup_printf ("%s–%s", from, to) : g_strdup ("–");
      gtk_label_set_label (fields->slot, text);
      n++;

      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (fields->actions, "move-up")),
                                   gtk_widget_get_prev_sibling (row) != NULL);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (fields->actions, "move-down")),
                                   gtk_widget_get_next_sibling (row) != NULL);
    }
}

/* }}} */
/* {{{ The agenda */

static void
move_agenda_row (GtkWidget *row,
                 int        offset)
{
  RgNewSittingDialog *self = RG_NEW_SITTING_DIALOG (gtk_widget_get_root (row));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + offset;

  if (position < 0 || gtk_list_box_get_row_at_index (self->agenda_list, position) == NULL)
    return;

  g_object_ref (row);
  gtk_list_box_remove (self->agenda_list, row);
  gtk_list_box_insert (self->agenda_list, row, position);
  g_object_unref (row);
  update_agenda_rows (self);

  if (focus != NULL && gtk_widget_is_ancestor (focus, row))
    gtk_widget_grab_focus (focus);
  else
    gtk_widget_grab_focus (row);
}

static void
move_up_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       row)
{
  move_agenda_row (row, -1);
}

static void
move_down_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       row)
{
  move_agenda_row (row, 1);
}

static void
show_partners (AgendaRow *fields)
{
  GListModel *invitees;

  if (fields->error != NULL)
    {
      GtkWidget *label = gtk_label_new (fields->error);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "error");
      gtk_flow_box_append (GTK_FLOW_BOX (fields->partners), label);
      return;
    }

  invitees = rg_sitting_item_get_invitees (fields->item);
  if (g_list_model_get_n_items (invitees) == 0)
    gtk_flow_box_append (GTK_FLOW_BOX (fields->partners),
                         gtk_label_new (_("Its latest session has no partner.")));

  for (guint i = 0; i < g_list_model_get_n_items (invitees); i++)
    {
      g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, i);
      GtkWidget *check = gtk_check_button_new_with_label (rg_sitting_invitee_get_name (invitee));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data_full (G_OBJECT (check), "invitee", g_object_ref (invitee), g_object_unref);
      gtk_flow_box_append (GTK_FLOW_BOX (fields->partners), check);
    }
}

typedef struct
{
  GtkWidget *row;
  char      *situation_id;
} PartnersLoad;

static void
partners_load_free (PartnersLoad *load)
{
  g_object_unref (load->row);
  g_free (load->situation_id);
  g_free (load);
}

/* The situation as its latest session has it, with its partners */
static void
read_situation_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  RgLibrary *library = source_object;
  PartnersLoad *load = task_data;
  g_autoptr(RgSitting) scratch = rg_sitting_new ();
  GError *error = NULL;
  RgSittingItem *item;

  item = rg_sitting_add_situation (scratch, library, load->situation_id, "00:00", 1, &error);
  if (item == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (item), g_object_unref);
}

static void
situation_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PartnersLoad *load = g_task_get_task_data (G_TASK (result));
  AgendaRow *fields = get_agenda_row (load->row);
  g_autoptr(RgSittingItem) read = NULL;
  g_autoptr(GError) error = NULL;

  read = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      gtk_widget_get_parent (load->row) == NULL)
    return;

  if (read == NULL)
    /* Translators: in the new-sitting dialog, under a situation whose
     * latest session cannot be read; %s says why */
    fields->error = g_strdup_printf (_("Its latest session cannot be read: %s"), error->message);
  else
    {
      /* A copy, held by no sitting: the one created takes it */
      GListModel *invitees = rg_sitting_item_get_invitees (read);

      fields->item = rg_sitting_item_new (rg_sitting_item_get_situation_id (read),
                                          rg_sitting_item_get_situation_label (read),
                                          "00:00", "00:01");
      rg_sitting_item_set_situation_code (fields->item, rg_sitting_item_get_situation_code (read));
      for (guint i = 0; i < g_list_model_get_n_items (invitees); i++)
        {
          g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, i);
          g_autoptr(RgSittingInvitee) copy = rg_sitting_invitee_new (rg_sitting_invitee_get_name (invitee));

          rg_sitting_invitee_set_partner_id (copy, rg_sitting_invitee_get_partner_id (invitee));
          rg_sitting_invitee_set_profession (copy, rg_sitting_invitee_get_profession (invitee));
          rg_sitting_invitee_set_institution (copy, rg_sitting_invitee_get_institution (invitee));
          rg_sitting_item_add_invitee (fields->item, copy);
        }
    }

  {
    GtkFlowBoxChild *child;

    while ((child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (fields->partners), 0)) != NULL)
      gtk_flow_box_remove (GTK_FLOW_BOX (fields->partners), GTK_WIDGET (child));
  }
  show_partners (fields);
}

static GtkWidget *
move_button_new (const char *icon,
                 const char *label,
                 const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static GtkWidget *
agenda_row_new (RgNewSittingDialog *self,
                const char         *situation_id,
                const char         *label,
                GtkCheckButton     *check)
{
  static const GActionEntry entries[] = {
    { "move-up", move_up_activated },
    { "move-down", move_down_activated },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  AgendaRow *fields = g_new0 (AgendaRow, 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (label);
  GtkEventController *shortcuts;
  RgLibrary *library = get_library (self);
  g_autoptr(GTask) task = NULL;
  PartnersLoad *load;

  fields->situation_id = g_strdup (situation_id);
  fields->label = g_strdup (label);
  fields->check = check;
  g_object_set_data_full (G_OBJECT (row), "agenda-row", fields, agenda_row_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  fields->slot = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (fields->slot), "numeric");
  gtk_box_append (GTK_BOX (first), GTK_WIDGET (fields->slot));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (first), title);
  gtk_box_append (GTK_BOX (first), move_button_new ("go-up-symbolic", _("Move Up"), "agenda.move-up"));
  gtk_box_append (GTK_BOX (first), move_button_new ("go-down-symbolic", _("Move Down"), "agenda.move-down"));

  fields->partners = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (fields->partners), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (fields->partners), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (fields->partners), 12);
  gtk_flow_box_append (GTK_FLOW_BOX (fields->partners), gtk_label_new (_("Reading its partners…")));

  gtk_box_append (GTK_BOX (lines), first);
  gtk_box_append (GTK_BOX (lines), fields->partners);
  gtk_widget_set_margin_top (lines, 8);
  gtk_widget_set_margin_bottom (lines, 8);
  gtk_widget_set_margin_start (lines, 12);
  gtk_widget_set_margin_end (lines, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), lines);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), row);
  gtk_widget_insert_action_group (row, "agenda", G_ACTION_GROUP (group));
  fields->actions = G_ACTION_MAP (group);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                                          gtk_named_action_new ("agenda.move-up")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                          gtk_named_action_new ("agenda.move-down")));
  gtk_widget_add_controller (row, shortcuts);

  if (library != NULL)
    {
      load = g_new0 (PartnersLoad, 1);
      load->row = g_object_ref (row);
      load->situation_id = g_strdup (situation_id);
      task = g_task_new (library, self->cancellable, situation_read_cb, NULL);
      g_task_set_task_data (task, load, (GDestroyNotify) partners_load_free);
      g_task_run_in_thread (task, read_situation_thread);
    }

  return row;
}

static GtkWidget *
find_agenda_row (RgNewSittingDialog *self,
                 const char         *situation_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      AgendaRow *fields = get_agenda_row (row);

      if (fields != NULL && g_str_equal (fields->situation_id, situation_id))
        return row;
    }

  return NULL;
}

static void
situation_toggled_cb (GtkCheckButton     *check,
                      RgNewSittingDialog *self)
{
  const char *situation_id = g_object_get_data (G_OBJECT (check), "situation-id");
  GtkWidget *row = find_agenda_row (self, situation_id);

  if (gtk_check_button_get_active (check) && row == NULL)
    gtk_list_box_append (self->agenda_list,
                         agenda_row_new (self, situation_id, gtk_check_button_get_label (check), check));
  else if (!gtk_check_button_get_active (check) && row != NULL)
    gtk_list_box_remove (self->agenda_list, row);

  update_agenda_rows (self);
}

/* }}} */
/* {{{ The situations */

static gboolean
filter_situation (GtkListBoxRow *row,
                  gpointer       user_data)
{
  RgNewSittingDialog *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *text = g_object_get_data (G_OBJECT (row), "search-text");
  g_auto(GStrv) words = NULL;

  if (search == NULL || *search == '\0' || text == NULL)
    return TRUE;

  /* Every word, accents or not: "eleve cm1" finds "Élève A., CM1" */
  words = g_str_tokenize_and_fold (search, NULL, NULL);
  for (guint i = 0; words[i] != NULL; i++)
    if (!g_str_match_string (words[i], text, TRUE))
      return FALSE;

  return TRUE;
}

static GtkWidget *
situation_row_new (RgNewSittingDialog *self,
                   RgLibrarySituation *situation)
{
  const char *code = rg_library_situation_get_code (situation);
  const char *label = rg_library_situation_get_label (situation);
  g_autofree char *title = NULL;
  g_autofree char *date = rg_date_format (rg_library_situation_get_last_date (situation));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check;
  GtkWidget *last;

  if (label == NULL || *label == '\0')
    label = _("Unnamed situation");
  title = code != NULL && *code != '\0' ? g_strdup_printf ("%s (%s)", label, code) : g_strdup (label);

  check = gtk_check_button_new_with_label (title);
  gtk_widget_set_hexpand (check, TRUE);
  g_object_set_data_full (G_OBJECT (check), "situation-id",
                          g_strdup (rg_library_situation_get_id (situation)), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (situation_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), check);

  /* Translators: beside a situation in the new-sitting dialog: the day
   * of its latest session */
  subtitle = g_strdup_printf (_("Last session: %s"),
                              date != NULL ? date : rg_library_situation_get_last_date (situation));
  last = gtk_label_new (subtitle);
  gtk_widget_add_css_class (last, "dim-label");
  gtk_box_append (GTK_BOX (box), last);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "search-text", g_steal_pointer (&title), g_free);

  return row;
}

static void
situations_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GListModel) situations = NULL;
  g_autoptr(GError) error = NULL;
  RgNewSittingDialog *self;

  situations = rg_library_list_situations_finish (RG_LIBRARY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  if (situations == NULL)
    {
      gtk_label_set_label (self->situations_message, error->message);
      gtk_stack_set_visible_child_name (self->situations_stack, "message");
      return;
    }

  if (g_list_model_get_n_items (situations) == 0)
    {
      gtk_label_set_label (self->situations_message,
                           _("The library has no situation yet: a sitting reviews the situations of its sessions."));
      gtk_stack_set_visible_child_name (self->situations_stack, "message");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (situations); i++)
    {
      g_autoptr(RgLibrarySituation) situation = g_list_model_get_item (situations, i);

      gtk_list_box_append (self->situations_list, situation_row_new (self, situation));
    }
  gtk_stack_set_visible_child_name (self->situations_stack, "list");
}

static void
list_situations (RgNewSittingDialog *self)
{
  RgLibrary *library = get_library (self);
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();

  if (library == NULL)
    {
      gtk_label_set_label (self->situations_message, _("The library cannot be read."));
      gtk_stack_set_visible_child_name (self->situations_stack, "message");
      return;
    }

  gtk_label_set_label (self->situations_message, _("Reading the library…"));
  gtk_stack_set_visible_child_name (self->situations_stack, "message");
  /* The dialog does not outlive its cancellable */
  rg_library_list_situations_async (library, query, NULL, self->cancellable, situations_listed_cb, self);
}

/* }}} */
/* {{{ Creating it */

typedef struct
{
  RgSitting *sitting;
  RgLibrary *library;
  GFile     *file;
  GPtrArray *written;
  GError    *prepare_error;
  GError    *save_error;
} Creation;

static void
creation_free (Creation *creation)
{
  g_clear_object (&creation->sitting);
  g_clear_object (&creation->library);
  g_clear_object (&creation->file);
  g_clear_pointer (&creation->written, g_ptr_array_unref);
  g_clear_error (&creation->prepare_error);
  g_clear_error (&creation->save_error);
  g_free (creation);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Creation *creation = task_data;
  const char *folder = rg_library_get_folder (creation->library);
  g_autoptr(GFile) contributions = NULL;

  if (creation->file == NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", rg_sitting_get_date (creation->sitting),
                                               rg_sitting_get_title (creation->sitting));

      creation->file = rg_paths_new_named_file (folder, name, RG_SITTING_FILE_SUFFIX);
    }

  {
    g_autoptr(GFile) parent = g_file_get_parent (creation->file);

    /* Translators: the folder of the contributions asked for a sitting */
    contributions = g_file_get_child (parent, _("Contributions"));
  }

  /* Nothing is prepared for a sitting whose file could not be written */
  if (!rg_sitting_check (creation->sitting, &creation->save_error))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  rg_sitting_prepare (creation->sitting, creation->library, contributions, creation->written,
                      NULL, &creation->prepare_error);

  /* Saved even when preparing stopped half-way: what was prepared is
   * named in it */
  rg_sitting_save (creation->sitting, creation->file, NULL, NULL, NULL, &creation->save_error);

  g_task_return_boolean (task, TRUE);
}

static void
set_working (RgNewSittingDialog *self,
             gboolean            working)
{
  self->working = working;
  gtk_spinner_set_spinning (self->spinner, working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-sitting.create", !working);
}

static void
show_message (GtkWindow          *parent,
              const char         *heading,
              const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RgNewSittingDialog) self = user_data;
  Creation *creation = g_task_get_task_data (G_TASK (result));
  RgWindowHost *host = RG_WINDOW_HOST (g_application_get_default ());

  set_working (self, FALSE);

  if (creation->save_error != NULL)
    {
      g_autofree char *body = NULL;

      /* Nothing is written twice when Create is pressed again */
      if (creation->written->len > 0)
        {
          g_set_object (&self->sitting, creation->sitting);
          g_set_object (&self->file, creation->file);
        }

      body = creation->written->len > 0
             ? g_strdup_printf (ngettext ("%s The %u file prepared for it is in the library folder; "
                                          "Create tries again without writing it twice.",
                                          "%s The %u files prepared for it are in the library folder; "
                                          "Create tries again without writing them twice.",
                                          creation->written->len),
                                creation->save_error->message, creation->written->len)
             : g_strdup (creation->save_error->message);
      show_message (GTK_WINDOW (self), _("The Sitting Could Not Be Saved"), body);
      return;
    }

  rg_window_host_open_file (host, creation->file);

  if (creation->prepare_error != NULL)
    {
      g_autofree char *body = NULL;

      /* Translators: %s says why, such as "The disk is full." */
      body = g_strdup_printf (_("The sitting is saved, but not every situation of its agenda has "
                                "its session yet: %s Its agenda says which."),
                              creation->prepare_error->message);
      show_message (gtk_window_get_transient_for (GTK_WINDOW (self)),
                    _("The Sitting Is Not Fully Prepared"), body);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* The sitting the dialog describes, or %NULL with @message saying what
 * is missing */
static RgSitting *
build_sitting (RgNewSittingDialog  *self,
               char               **message)
{
  g_autoptr(RgSitting) sitting = rg_sitting_new ();
  g_autofree char *title = get_entry_text (self->title_row);
  g_autofree char *place = get_entry_text (self->place_row);
  RgSittingKind kind = adw_combo_row_get_selected (self->kind_row) == 1
                       ? RG_SITTING_KIND_TECHNICAL_COMMITTEE : RG_SITTING_KIND_SUPPORT_TEAM;
  int start = get_start_minutes (self);
  int slot = gtk_spin_button_get_value_as_int (self->slot_spin);
  guint n = 0;

  if (!rg_date_entry_is_valid (self->date_entry) || rg_date_entry_get_date (self->date_entry) == NULL)
    {
      *message = g_strdup (_("Give the day of the sitting."));
      return NULL;
    }
  if (start < 0)
    {
      *message = g_strdup (_("Give the start time as hours and minutes, such as 14:00."));
      return NULL;
    }

  rg_sitting_set_kind (sitting, kind);
  rg_sitting_set_title (sitting, title[0] != '\0' ? title : rg_sitting_kind_get_label (kind));
  rg_sitting_set_date (sitting, rg_date_entry_get_date (self->date_entry));
  if (place[0] != '\0')
    rg_sitting_set_place (sitting, place);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list));
       row != NULL; row = gtk_widget_get_next_sibling (row), n++)
    {
      AgendaRow *fields = get_agenda_row (row);
      g_autofree char *from = rg_sitting_time_from_minutes (start + (int) n * slot);
      g_autofree char *to = rg_sitting_time_from_minutes (start + (int) (n + 1) * slot);
      g_autoptr(RgSittingItem) item = NULL;

      if (fields->error != NULL)
        {
          /* Translators: %s is a situation's label */
          *message = g_strdup_printf (_("The latest session of “%s” cannot be read: take it off "
                                        "the agenda, or repair its file."),
                                      fields->label);
          return NULL;
        }
      if (fields->item == NULL)
        {
          *message = g_strdup (_("The partners of the situations are still being read: "
                                 "try again in a moment."));
          return NULL;
        }
      if (from == NULL || to == NULL)
        {
          *message = g_strdup (_("The agenda would go past midnight: start earlier or give each "
                                 "situation less time."));
          return NULL;
        }

      item = rg_sitting_item_new (fields->situation_id,
                                  rg_sitting_item_get_situation_label (fields->item), from, to);
      rg_sitting_item_set_situation_code (item, rg_sitting_item_get_situation_code (fields->item));
      for (int i = 0; gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (fields->partners), i) != NULL; i++)
        {
          GtkWidget *check = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (fields->partners), i));
          RgSittingInvitee *invitee = g_object_get_data (G_OBJECT (check), "invitee");

          if (invitee != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
            rg_sitting_item_add_invitee (item, invitee);
        }
      rg_sitting_add_item (sitting, item);
    }

  if (n == 0)
    {
      *message = g_strdup (_("Check at least one situation to put on the agenda."));
      return NULL;
    }

  return g_steal_pointer (&sitting);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RgNewSittingDialog *self = RG_NEW_SITTING_DIALOG (widget);
  RgLibrary *library = get_library (self);
  g_autoptr(RgSitting) sitting = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GTask) task = NULL;
  Creation *creation;

  if (self->working)
    return;

  if (library == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The library cannot be read.")));
      return;
    }

  if (self->sitting != NULL)
    sitting = g_object_ref (self->sitting);
  else if (!(sitting = build_sitting (self, &message)))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  creation = g_new0 (Creation, 1);
  creation->sitting = g_steal_pointer (&sitting);
  creation->library = g_object_ref (library);
  creation->written = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->file != NULL)
    creation->file = g_object_ref (self->file);

  set_working (self, TRUE);
  task = g_task_new (NULL, NULL, created_cb, g_object_ref (self));
  g_task_set_task_data (task, creation, (GDestroyNotify) creation_free);
  g_task_run_in_thread (task, create_thread);
}

/* }}} */

static void
rg_new_sitting_dialog_dispose (GObject *object)
{
  RgNewSittingDialog *self = RG_NEW_SITTING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->sitting);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (rg_new_sitting_dialog_parent_class)->dispose (object);
}

static void
rg_new_sitting_dialog_finalize (GObject *object)
{
  RgNewSittingDialog *self = RG_NEW_SITTING_DIALOG (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rg_new_sitting_dialog_parent_class)->finalize (object);
}

static void
rg_new_sitting_dialog_class_init (RgNewSittingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_new_sitting_dialog_dispose;
  object_class->finalize = rg_new_sitting_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-new-sitting-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, slot_spin);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, situations_stack);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, situations_list);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, situations_message);
  gtk_widget_class_bind_template_child (widget_class, RgNewSittingDialog, agenda_list);

  gtk_widget_class_install_action (widget_class, "new-sitting.create", NULL, create_action);

  g_type_ensure (RG_TYPE_DATE_ENTRY);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_new_sitting_dialog_init (RgNewSittingDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *today = rg_date_new_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  gtk_string_list_append (kinds, rg_sitting_kind_get_label (RG_SITTING_KIND_SUPPORT_TEAM));
  gtk_string_list_append (kinds, rg_sitting_kind_get_label (RG_SITTING_KIND_TECHNICAL_COMMITTEE));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  rg_date_entry_set_date (self->date_entry, today);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), DEFAULT_START);

  gtk_list_box_set_filter_func (self->situations_list, filter_situation, self, NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (gtk_list_box_invalidate_filter), self->situations_list);
  g_signal_connect_swapped (self->start_row, "changed", G_CALLBACK (update_agenda_rows), self);
  g_signal_connect_swapped (self->slot_spin, "value-changed", G_CALLBACK (update_agenda_rows), self);
}

/**
 * rg_new_sitting_dialog_present:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Returns: (transfer none): the dialog, shown, listing the library's
 *   situations as soon as the index gives them
 */
RgNewSittingDialog *
rg_new_sitting_dialog_present (GtkWindow *parent)
{
  /* A dialog to a screen reader, which says so when it opens */
  RgNewSittingDialog *self = g_object_new (RG_TYPE_NEW_SITTING_DIALOG,
                                           "transient-for", parent,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                           "application", g_application_get_default (),
                                           NULL);

  list_situations (self);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}
