/* rg-actions-view.c — what the team decided, when it meets again, and
 * what the family agreed to share
 *
 * The actions of the session, each with what will be done, who does it
 * (a partner), by when and where it stands, sortable, the late ones
 * flagged with an icon and a word; the date of the next review; and the
 * consent records of the family, those carried over from the session
 * before marked as to be confirmed with the family until they are. Dates
 * are typed as the user writes them (RgDateEntry: 15/12/2026 in French)
 * and stored as soon as they are dates. Every edit goes through the
 * session editor (rg-session-editor-actions.c), so it can be undone;
 * rows follow the model, so an undo shows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-actions-view"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-actions-view.h"
#include "rg-date-entry.h"
#include "rg-editable-text.h"
#include "rg-session-editor-actions.h"
#include "rg-undo-toast.h"

struct _RgActionsView
{
  GtkWidget           parent_instance;

  RgSessionEditor    *editor;
  GtkSortListModel   *sorted_actions;
  GtkCustomSorter    *sorter;
  RgActionsSort       sort;
  guint               resort_source;
  /* The same field lines up from row to row */
  GtkSizeGroup       *owner_group;
  GtkSizeGroup       *status_group;
  GtkSizeGroup       *label_group;
  /* The partners whose renaming the drop-downs follow */
  GPtrArray          *watched_partners;
  guint               updating : 1;
  guint               resort_pending : 1;

  GtkScrolledWindow  *scroller;
  AdwActionRow       *next_review_row;
  RgDateEntry        *next_review_entry;
  AdwPreferencesGroup *actions_group;
  GtkDropDown        *sort_dropdown;
  GtkListBox         *action_list;
  GtkListBox         *consent_list;
  GtkWidget          *add_consent_button;
};

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgActionsView, rg_actions_view, GTK_TYPE_WIDGET)

/* {{{ Helpers shared by the rows */

static RgSession *
get_session (RgActionsView *self)
{
  return rg_session_editor_get_session (self->editor);
}

/* Sets the text of an entry from the model, unless it already says so:
 * the cursor stays where the user is typing. */
static void
sync_entry (GtkEntry   *entry,
            const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static GtkWidget *
field_label (const char *text,
             GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  /* The field has a fuller name of its own ("Who does it"): GTK 4.8
   * would say the label's after it ("Status Status"). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);

  return label;
}

/* A date typed as the user writes dates (15/12/2026 in French), with
 * a calendar button after the text (rg-date-entry.h). */
static RgDateEntry *
date_entry_new (const char *accessible_label,
                gboolean    optional)
{
  RgDateEntry *entry = RG_DATE_ENTRY (rg_date_entry_new ());

  rg_date_entry_set_optional (entry, optional);
  rg_date_entry_set_label (entry, accessible_label);
  gtk_widget_set_valign (GTK_WIDGET (entry), GTK_ALIGN_CENTER);

  return entry;
}

/* Sets a date of an object of the session, or fails with @error when
 * the text is not a date (rg-session-editor-actions.h). */
typedef gboolean (*SetDateFunc) (RgSessionEditor  *editor,
                                 gpointer          object,
                                 const char       *date,
                                 GError          **error);

/* The entry gives a date as soon as the text is one, and never what is
 * not one (it says so itself): each date given is stored at once, the
 * keys of one date undone together. */
static void
on_date_changed (RgDateEntry *entry,
                 GParamSpec  *pspec,
                 GtkWidget   *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  GObject *object = g_object_get_data (G_OBJECT (entry), "object");
  SetDateFunc set_date = g_object_get_data (G_OBJECT (entry), "set-date");
  const char *date = rg_date_entry_get_date (entry);

  if (!self->updating)
    set_date (self->editor, object, date != NULL ? date : "", NULL);
}

static void
connect_date_entry (RgDateEntry *entry,
                    GtkWidget   *row,
                    gpointer     object,
                    SetDateFunc  set_date)
{
  /* The row holds the object as long as the entry */
  g_object_set_data (G_OBJECT (entry), "object", object);
  g_object_set_data (G_OBJECT (entry), "set-date", set_date);

  g_signal_connect (entry, "notify::date", G_CALLBACK (on_date_changed), row);
}

/* Shows the date of the model, unless the entry is saying that what is
 * typed is not a date and the change is not the date's own. */
static void
sync_date (RgDateEntry *entry,
           const char  *date,
           GParamSpec  *pspec,
           const char  *property)
{
  if (pspec == NULL || g_str_equal (pspec->name, property) ||
      rg_date_entry_get_message (entry) == NULL)
    rg_date_entry_set_date (entry, date);
}

/* Fields side by side while there is room, one under the other in a
 * narrow window. */
static GtkWidget *
field_flow_new (void)
{
  /* A layout, not a table of cells, to a screen reader */
  GtkWidget *flow = g_object_new (GTK_TYPE_FLOW_BOX,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC,
                                  NULL);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 8);
  /* Cells of one width: the fields line up from row to row */
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_widget_set_hexpand (flow, TRUE);

  return flow;
}

/* A field and its label, kept together on one line */
static void
flow_append (GtkWidget *flow,
             GtkWidget *label,
             GtkWidget *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), label);
  if (field != NULL)
    gtk_box_append (GTK_BOX (box), field);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), box);

  /* The keyboard goes to the fields, not to their places in the flow */
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
}

static GtkWidget *
delete_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* GTK orders Tab by where widgets sit, their middles from top to
   * bottom: at the bottom of its row, the button comes after the
   * fields beside it, however many lines they take. */
  gtk_widget_set_valign (button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);

  return button;
}

/* The partners as a drop-down: @none first, for nobody, then each
 * partner in the order of the diagnosis' columns. */
static GtkDropDown *
partner_dropdown_new (RgActionsView *self,
                      const char    *none,
                      const char    *accessible_label)
{
  GListModel *partners = rg_session_get_partners (get_session (self));
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkDropDown *dropdown;

  gtk_string_list_append (names, none);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      gtk_string_list_append (names, rg_partner_get_name (partner));
    }

  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (names), NULL));
  gtk_widget_set_valign (GTK_WIDGET (dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);

  return dropdown;
}

static guint
partner_position (RgActionsView *self,
                  const char    *partner_id)
{
  GListModel *partners = rg_session_get_partners (get_session (self));

  for (guint i = 0; partner_id != NULL && i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      if (g_strcmp0 (rg_partner_get_id (partner), partner_id) == 0)
        return i + 1;
    }

  return 0;
}

static const char *
partner_id_at (RgActionsView *self,
               guint          position)
{
  GListModel *partners = rg_session_get_partners (get_session (self));
  g_autoptr(RgPartner) partner = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > g_list_model_get_n_items (partners))
    return NULL;

  partner = g_list_model_get_item (partners, position - 1);

  /* Owned by the session, which keeps the partner */
  return rg_partner_get_id (partner);
}

/* }}} */
/* {{{ Sorting, keeping the focus where it was */

static const char *
owner_name (RgActionsView *self,
            RgAction      *action)
{
  const char *owner_id = rg_action_get_owner_id (action);
  RgPartner *partner = owner_id != NULL ? rg_session_find_partner (get_session (self), owner_id)
                                        : NULL;

  return partner != NULL ? rg_partner_get_name (partner) : NULL;
}

/* NULL, the missing value, comes last. */
static int
compare_text (const char *a,
              const char *b,
              gboolean    collate)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return collate ? g_utf8_collate (a, b) : strcmp (a, b);
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  RgActionsView *self = user_data;
  RgAction *action_a = (RgAction *) a;
  RgAction *action_b = (RgAction *) b;
  int cmp = 0;

  switch (self->sort)
    {
    case RG_ACTIONS_SORT_OWNER:
      cmp = compare_text (owner_name (self, action_a), owner_name (self, action_b), TRUE);
      break;

    case RG_ACTIONS_SORT_STATUS:
      cmp = (int) rg_action_get_status (action_a) - (int) rg_action_get_status (action_b);
      break;

    case RG_ACTIONS_SORT_DUE:
    default:
      break;
    }

  /* Then by due date, whatever the order: the most urgent first */
  if (cmp == 0)
    cmp = compare_text (rg_action_get_due (action_a), rg_action_get_due (action_b), FALSE);

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkListBoxRow *
find_action_row (RgActionsView *self,
                 RgAction      *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->action_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "action") == action)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

/* The field of a row holding the focus, by its name, and the row's
 * action. */
static const char *
focused_field (RgActionsView  *self,
               RgAction      **action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  *action = NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->action_list)))
    return NULL;

  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL)
    return NULL;

  *action = g_object_get_data (G_OBJECT (row), "action");

  for (GtkWidget *w = focus; w != row; w = gtk_widget_get_parent (w))
    {
      const char *name = gtk_widget_get_name (w);

      if (g_object_get_data (G_OBJECT (w), "rg-field") != NULL)
        return name;
    }

  return NULL;
}

static GtkWidget *
find_field (GtkWidget  *widget,
            const char *name)
{
  if (g_object_get_data (G_OBJECT (widget), "rg-field") != NULL &&
      g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_field (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Sorting again makes the rows again: give the focus back to the same
 * field of the same action, wherever its row went. */
static void
resort (RgActionsView *self)
{
  g_autoptr(RgAction) action = NULL;
  g_autofree char *field = NULL;
  RgAction *focused = NULL;
  GtkListBoxRow *row;
  GtkWidget *widget;

  field = g_strdup (focused_field (self, &focused));
  if (focused != NULL)
    action = g_object_ref (focused);

  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);

  if (action == NULL || field == NULL || (row = find_action_row (self, action)) == NULL)
    return;

  if ((widget = find_field (GTK_WIDGET (row), field)) != NULL)
    gtk_widget_grab_focus (widget);
}

static gboolean
resort_cb (gpointer data)
{
  RgActionsView *self = data;

  self->resort_source = 0;
  self->resort_pending = FALSE;
  resort (self);

  return G_SOURCE_REMOVE;
}

/* Later, never while a drop-down of the row being made again is still
 * handling its own signal. */
static void
queue_resort (RgActionsView *self)
{
  if (self->resort_source == 0)
    self->resort_source = g_idle_add (resort_cb, self);
}

/* Leaving a due date: its row goes where the date puts it. */
static void
on_due_leave (GtkEventControllerFocus *controller,
              RgActionsView           *self)
{
  if (self->resort_pending)
    queue_resort (self);
}

/* How many actions are late, above the list, where it is seen first */
static void
update_summary (RgActionsView *self)
{
  GListModel *actions = rg_session_get_actions (get_session (self));
  g_autofree char *today = rg_date_new_today ();
  g_autofree char *summary = NULL;
  guint n_overdue = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);

      n_overdue += rg_action_is_overdue (action, today);
    }

  if (n_overdue > 0)
    summary = g_strdup_printf (ngettext ("%u action is overdue", "%u actions are overdue",
                                         n_overdue),
                               n_overdue);
  adw_preferences_group_set_description (self->actions_group, summary);
}

/* }}} */
/* {{{ One row per action */

static void
mark_field (GtkWidget  *widget,
            const char *name)
{
  gtk_widget_set_name (widget, name);
  g_object_set_data (G_OBJECT (widget), "rg-field", (gpointer) name);
}

static void
action_row_sync (GtkListBoxRow *row,
                 GParamSpec    *pspec)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  RgAction *action = g_object_get_data (G_OBJECT (row), "action");
  RgEditableText *what = g_object_get_data (G_OBJECT (row), "what");
  GtkDropDown *owner = g_object_get_data (G_OBJECT (row), "owner");
  GtkEntry *owner_name = g_object_get_data (G_OBJECT (row), "owner-name");
  RgDateEntry *due = g_object_get_data (G_OBJECT (row), "due");
  GtkDropDown *status = g_object_get_data (G_OBJECT (row), "status");
  GtkWidget *overdue = g_object_get_data (G_OBJECT (row), "overdue");
  g_autofree char *today = rg_date_new_today ();
  g_autofree char *description = NULL;
  gboolean is_overdue;

  self->updating = TRUE;
  rg_editable_text_set_text (what, rg_action_get_what (action));
  gtk_drop_down_set_selected (owner, partner_position (self, rg_action_get_owner_id (action)));
  /* Someone from outside the team, when no partner does it */
  sync_entry (owner_name, rg_action_get_owner_name (action));
  gtk_widget_set_visible (GTK_WIDGET (owner_name), rg_action_get_owner_id (action) == NULL);
  sync_date (due, rg_action_get_due (action), pspec, "due");
  gtk_drop_down_set_selected (status, rg_action_get_status (action));
  self->updating = FALSE;

  is_overdue = rg_action_is_overdue (action, today);
  gtk_widget_set_visible (overdue, is_overdue);
  if (pspec != NULL)
    update_summary (self);

  /* Translators: an action as a screen reader names its row, e.g.
   * "Rencontrer la famille, Overdue" */
  description = g_strdup_printf (is_overdue ? _("%s, Overdue") : "%s",
                                 rg_action_get_what (action));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);

  if (pspec != NULL &&
      ((self->sort == RG_ACTIONS_SORT_OWNER && g_str_equal (pspec->name, "owner-id")) ||
       (self->sort == RG_ACTIONS_SORT_STATUS && g_str_equal (pspec->name, "status")) ||
       g_str_equal (pspec->name, "due")))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* A date being typed is stored at each key that makes it a date
       * ("15/01/20", then "15/01/2027"): its row moves once the user is
       * done with it, not under the fingers. */
      if (g_str_equal (pspec->name, "due") && focus != NULL &&
          gtk_widget_is_ancestor (focus, GTK_WIDGET (due)))
        self->resort_pending = TRUE;
      else
        queue_resort (self);
    }
}

static void
on_action_what_changed (RgEditableText *text,
                        const char     *what,
                        GtkListBoxRow  *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  RgAction *action = g_object_get_data (G_OBJECT (row), "action");

  if (!self->updating && g_strcmp0 (what, rg_action_get_what (action)) != 0)
    rg_session_editor_set_action_what (self->editor, action, what);
}

static void
on_action_owner_name_changed (GtkEditable   *editable,
                              GtkListBoxRow *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  RgAction *action = g_object_get_data (G_OBJECT (row), "action");

  if (!self->updating)
    rg_session_editor_set (self->editor, _("Edit action"), action, "owner-name",
                           gtk_editable_get_text (editable));
}

static void
on_action_owner_selected (GtkDropDown   *dropdown,
                          GParamSpec    *pspec,
                          GtkListBoxRow *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  RgAction *action = g_object_get_data (G_OBJECT (row), "action");

  guint selected = gtk_drop_down_get_selected (dropdown);

  if (!self->updating)
    rg_session_editor_set_action_owner (self->editor, action, partner_id_at (self, selected));
}

static void
on_action_status_selected (GtkDropDown   *dropdown,
                           GParamSpec    *pspec,
                           GtkListBoxRow *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  RgAction *action = g_object_get_data (G_OBJECT (row), "action");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (!self->updating && selected <= RG_ACTION_STATUS_CANCELLED)
    rg_session_editor_set_action_status (self->editor, action, (RgActionStatus) selected);
}

static void
on_action_delete_clicked (GtkButton     *button,
                          GtkListBoxRow *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  g_autoptr(RgAction) action = g_object_ref (g_object_get_data (G_OBJECT (row), "action"));

  /* The row goes with the action: say it before, from the view. */
  rg_session_editor_remove_action (self->editor, action);
  rg_undo_toast_show (GTK_WIDGET (self), _("Action deleted"));
  gtk_widget_grab_focus (GTK_WIDGET (self->sort_dropdown));
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  RgActionsView *self = user_data;
  RgAction *action = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fields = field_flow_new ();
  GtkWidget *what = rg_editable_text_new ();
  GtkWidget *delete = delete_button_new (_("Delete Action"));
  GtkWidget *overdue = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkDropDown *owner = partner_dropdown_new (self, _("Nobody yet"), _("Who does it"));
  GtkWidget *owner_name = gtk_entry_new ();
  RgDateEntry *due = date_entry_new (_("Due date"), TRUE);
  GtkEventController *focus;
  GtkStringList *statuses = gtk_string_list_new (NULL);
  GtkDropDown *status;

  for (guint i = RG_ACTION_STATUS_PLANNED; i <= RG_ACTION_STATUS_CANCELLED; i++)
    gtk_string_list_append (statuses, rg_action_status_get_label (i));
  status = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (statuses), NULL));
  gtk_widget_set_valign (GTK_WIDGET (status), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Status"), -1);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "action-row");

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_set_hexpand (what, TRUE);
  gtk_widget_add_css_class (what, "action-text");
  rg_editable_text_set_placeholder (RG_EDITABLE_TEXT (what), _("What will be done"));
  rg_editable_text_set_undo_stack (RG_EDITABLE_TEXT (what),
                                   rg_session_editor_get_undo_stack (self->editor), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (what), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What will be done"), -1);
  mark_field (what, "what");
  mark_field (GTK_WIDGET (owner), "owner");
  mark_field (owner_name, "owner-name");
  mark_field (GTK_WIDGET (due), "due");
  mark_field (GTK_WIDGET (status), "status");
  mark_field (delete, "delete");

  /* Late: an icon and a word, not a colour alone */
  gtk_box_append (GTK_BOX (overdue), gtk_image_new_from_icon_name ("task-past-due-symbolic"));
  gtk_box_append (GTK_BOX (overdue), gtk_label_new (_("Overdue")));
  gtk_widget_add_css_class (overdue, "error");
  gtk_widget_set_valign (overdue, GTK_ALIGN_CENTER);
  gtk_widget_set_name (overdue, "overdue");


  gtk_size_group_add_widget (self->owner_group, GTK_WIDGET (owner));
  gtk_size_group_add_widget (self->status_group, GTK_WIDGET (status));
  flow_append (fields, field_label (_("_Who"), GTK_WIDGET (owner)), GTK_WIDGET (owner));
  gtk_entry_set_placeholder_text (GTK_ENTRY (owner_name), _("or someone from outside"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (owner_name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who does it, from outside the team"), -1);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (owner))), owner_name);
  flow_append (fields, field_label (_("D_ue"), GTK_WIDGET (due)), GTK_WIDGET (due));
  flow_append (fields, field_label (_("_Status"), GTK_WIDGET (status)), GTK_WIDGET (status));

  /* Delete last, after every field: Tab from a field never lands on
   * it (docs/editing.md). */
  gtk_box_append (GTK_BOX (bottom), fields);
  /* Not in the flow of fields: a flow box keeps Tab on a child that
   * takes no focus, and the focus stayed on the status. */
  gtk_box_append (GTK_BOX (bottom), overdue);
  gtk_box_append (GTK_BOX (bottom), delete);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "view", self);
  g_object_set_data_full (G_OBJECT (row), "action", g_object_ref (action), g_object_unref);
  g_object_set_data (G_OBJECT (row), "what", what);
  g_object_set_data (G_OBJECT (row), "owner", owner);
  g_object_set_data (G_OBJECT (row), "owner-name", owner_name);
  g_object_set_data (G_OBJECT (row), "due", due);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "overdue", overdue);

  action_row_sync (GTK_LIST_BOX_ROW (row), NULL);

  g_signal_connect_object (action, "notify", G_CALLBACK (action_row_sync), row,
                           G_CONNECT_SWAPPED);
  /* A field being edited can outlive its row (the window holds its
   * focus): it commits when it stops, and the row must be there then */
  g_signal_connect_object (what, "changed", G_CALLBACK (on_action_what_changed), row, 0);
  g_signal_connect_object (what, "committed", G_CALLBACK (on_action_what_changed), row, 0);
  g_signal_connect (owner, "notify::selected", G_CALLBACK (on_action_owner_selected), row);
  g_signal_connect_object (owner_name, "changed", G_CALLBACK (on_action_owner_name_changed), row, 0);
  g_signal_connect (status, "notify::selected", G_CALLBACK (on_action_status_selected), row);
  connect_date_entry (due, row, action, (SetDateFunc) rg_session_editor_set_action_due);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_due_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (due), focus);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_action_delete_clicked), row);

  return row;
}

/* }}} */
/* {{{ One row per consent */

static void
consent_row_sync (GtkListBoxRow *row,
                  GParamSpec    *pspec)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  RgConsent *consent = g_object_get_data (G_OBJECT (row), "consent");
  RgEditableText *scope = g_object_get_data (G_OBJECT (row), "scope");
  RgEditableText *shared_with = g_object_get_data (G_OBJECT (row), "shared-with");
  RgDateEntry *date = g_object_get_data (G_OBJECT (row), "date");
  GtkDropDown *recorder = g_object_get_data (G_OBJECT (row), "recorder");
  GtkWidget *to_confirm = g_object_get_data (G_OBJECT (row), "to-confirm");

  self->updating = TRUE;
  rg_editable_text_set_text (scope, rg_consent_get_scope (consent));
  rg_editable_text_set_text (shared_with, rg_consent_get_shared_with (consent));
  sync_date (date, rg_consent_get_date (consent), pspec, "date");
  gtk_drop_down_set_selected (recorder,
                              partner_position (self, rg_consent_get_recorded_by_id (consent)));
  gtk_widget_set_visible (to_confirm, rg_consent_get_to_confirm (consent));
  self->updating = FALSE;
}

static void
on_consent_scope_committed (RgEditableText *text,
                            const char     *scope,
                            GtkListBoxRow  *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  RgConsent *consent = g_object_get_data (G_OBJECT (row), "consent");

  rg_session_editor_set_consent_scope (self->editor, consent, scope);
}

static void
on_consent_shared_with_committed (RgEditableText *text,
                                  const char     *shared_with,
                                  GtkListBoxRow  *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  RgConsent *consent = g_object_get_data (G_OBJECT (row), "consent");

  rg_session_editor_set_consent_shared_with (self->editor, consent, shared_with);
}

static void
on_consent_recorder_selected (GtkDropDown   *dropdown,
                              GParamSpec    *pspec,
                              GtkListBoxRow *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  RgConsent *consent = g_object_get_data (G_OBJECT (row), "consent");

  if (!self->updating)
    rg_session_editor_set_consent_recorder (self->editor, consent,
                                            partner_id_at (self,
                                                           gtk_drop_down_get_selected (dropdown)));
}

/* The family said yes again: the consent carried over from the
 * session before stands. */
static void
on_consent_confirm_clicked (GtkButton     *button,
                            GtkListBoxRow *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  RgConsent *consent = g_object_get_data (G_OBJECT (row), "consent");
  GtkWidget *recorder = g_object_get_data (G_OBJECT (row), "recorder");

  /* The button goes: the focus stays in the row, on the field before */
  if (gtk_widget_has_focus (GTK_WIDGET (button)))
    gtk_widget_grab_focus (recorder);
  rg_session_editor_set (self->editor, _("Confirm consent"), consent, "to-confirm", FALSE);
  rg_undo_toast_show (GTK_WIDGET (self), _("Consent confirmed"));
}

/* Carried over from an earlier session, not yet asked again: said in
 * words, with the button that settles it, after the fields and before
 * the delete button. */
static GtkWidget *
to_confirm_new (GtkWidget *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *button = gtk_button_new_with_label (_("Confirmed"));

  gtk_box_append (GTK_BOX (badge),
                  g_object_new (GTK_TYPE_IMAGE,
                                "icon-name", "dialog-warning-symbolic",
                                "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                NULL));
  gtk_box_append (GTK_BOX (badge), gtk_label_new (_("To confirm with the family")));
  gtk_widget_add_css_class (badge, "warning");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("The family confirmed this consent again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Confirmed by the family"), -1);
  mark_field (button, "confirm");
  g_signal_connect (button, "clicked", G_CALLBACK (on_consent_confirm_clicked), row);

  gtk_widget_set_name (box, "to-confirm");
  /* At the bottom of the row, as the delete button: Tab reaches it
   * after the fields beside it (see delete_button_new ()). */
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static void
on_consent_delete_clicked (GtkButton     *button,
                           GtkListBoxRow *row)
{
  RgActionsView *self = g_object_get_data (G_OBJECT (row), "view");
  g_autoptr(RgConsent) consent = g_object_ref (g_object_get_data (G_OBJECT (row), "consent"));

  rg_session_editor_remove_consent (self->editor, consent);
  rg_undo_toast_show (GTK_WIDGET (self), _("Consent deleted"));
  gtk_widget_grab_focus (GTK_WIDGET (self->sort_dropdown));
}

/* A text of the consent, which can be a long sentence: it wraps, and
 * edits in place as every field does (docs/editing.md). */
static GtkWidget *
labelled_text (RgActionsView *self,
               GtkWidget     *box,
               const char    *mnemonic,
               const char    *accessible_label,
               const char    *placeholder,
               const char    *name)
{
  GtkWidget *text = rg_editable_text_new ();
  GtkWidget *label = field_label (mnemonic, text);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (text, "consent-text");
  rg_editable_text_set_placeholder (RG_EDITABLE_TEXT (text), placeholder);
  rg_editable_text_set_undo_stack (RG_EDITABLE_TEXT (text),
                                   rg_session_editor_get_undo_stack (self->editor), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  mark_field (text, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_size_group_add_widget (self->label_group, label);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), text);

  return text;
}

static GtkWidget *
create_consent_row (gpointer item,
                    gpointer user_data)
{
  RgActionsView *self = user_data;
  RgConsent *consent = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fields = field_flow_new ();
  GtkWidget *delete = delete_button_new (_("Delete Consent"));
  /* A consent always has a date */
  RgDateEntry *date = date_entry_new (_("Date the family agreed"), FALSE);
  GtkDropDown *recorder = partner_dropdown_new (self, _("Not said"), _("Recorded by"));
  GtkWidget *scope;
  GtkWidget *shared_with;
  GtkWidget *to_confirm;
  GtkWidget *label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  scope = labelled_text (self, top, _("_Agreed to share"), _("What the family agreed to share"),
                         _("What the family agreed to share"), "scope");
  shared_with = labelled_text (self, middle, _("_With"), _("With whom"),
                               _("With whom, for example the school doctor"), "shared-with");

  mark_field (GTK_WIDGET (date), "date");
  mark_field (GTK_WIDGET (recorder), "recorder");
  mark_field (delete, "delete");
  label = field_label (_("_On"), GTK_WIDGET (date));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_size_group_add_widget (self->label_group, label);
  gtk_size_group_add_widget (self->owner_group, GTK_WIDGET (recorder));
  flow_append (fields, label, GTK_WIDGET (date));
  label = field_label (_("Recorded _by"), GTK_WIDGET (recorder));
  flow_append (fields, label, GTK_WIDGET (recorder));
  gtk_box_append (GTK_BOX (bottom), fields);
  to_confirm = to_confirm_new (row);
  gtk_box_append (GTK_BOX (bottom), to_confirm);
  gtk_box_append (GTK_BOX (bottom), delete);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), middle);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "view", self);
  g_object_set_data_full (G_OBJECT (row), "consent", g_object_ref (consent), g_object_unref);
  g_object_set_data (G_OBJECT (row), "scope", scope);
  g_object_set_data (G_OBJECT (row), "shared-with", shared_with);
  g_object_set_data (G_OBJECT (row), "date", date);
  g_object_set_data (G_OBJECT (row), "recorder", recorder);
  g_object_set_data (G_OBJECT (row), "to-confirm", to_confirm);

  consent_row_sync (GTK_LIST_BOX_ROW (row), NULL);

  g_signal_connect_object (consent, "notify", G_CALLBACK (consent_row_sync), row,
                           G_CONNECT_SWAPPED);
  /* As an action's: a field can outlive its row */
  g_signal_connect_object (scope, "changed", G_CALLBACK (on_consent_scope_committed), row, 0);
  g_signal_connect_object (scope, "committed", G_CALLBACK (on_consent_scope_committed), row, 0);
  g_signal_connect_object (shared_with, "changed", G_CALLBACK (on_consent_shared_with_committed),
                           row, 0);
  g_signal_connect_object (shared_with, "committed", G_CALLBACK (on_consent_shared_with_committed),
                           row, 0);
  g_signal_connect (recorder, "notify::selected", G_CALLBACK (on_consent_recorder_selected), row);
  connect_date_entry (date, row, consent, (SetDateFunc) rg_session_editor_set_consent_date);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_consent_delete_clicked), row);

  return row;
}

/* }}} */
/* {{{ The next review */

static void
sync_next_review (RgActionsView *self)
{
  const char *date = rg_session_get_next_review (get_session (self));

  self->updating = TRUE;
  rg_date_entry_set_date (self->next_review_entry, date);
  self->updating = FALSE;
  adw_action_row_set_subtitle (self->next_review_row,
                               date == NULL ? _("Not set yet") : "");
}

/* Stored as soon as the text is a date, or emptied: no date yet */
static void
on_next_review_date_changed (RgActionsView *self)
{
  const char *date = rg_date_entry_get_date (self->next_review_entry);

  if (self->editor != NULL && !self->updating)
    rg_session_editor_set_next_review (self->editor, date != NULL ? date : "", NULL);
}

/* }}} */
/* {{{ Actions */

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RgActionsView *self = RG_ACTIONS_VIEW (widget);
  RgAction *action;
  GtkListBoxRow *row;
  GtkWidget *what;

  if (self->editor == NULL)
    return;

  action = rg_session_editor_add_action (self->editor, NULL);

  /* Ready to type what will be done */
  if ((row = find_action_row (self, action)) != NULL &&
      (what = find_field (GTK_WIDGET (row), "what")) != NULL)
    rg_editable_text_start_editing (RG_EDITABLE_TEXT (what));
}

static void
add_consent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgActionsView *self = RG_ACTIONS_VIEW (widget);
  RgConsent *consent;

  if (self->editor == NULL)
    return;

  consent = rg_session_editor_add_consent (self->editor, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->consent_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *scope;

      if (g_object_get_data (G_OBJECT (child), "consent") == consent &&
          (scope = find_field (child, "scope")) != NULL)
        rg_editable_text_start_editing (RG_EDITABLE_TEXT (scope));
    }
}

static void
on_sort_selected (RgActionsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);

  if (selected <= RG_ACTIONS_SORT_STATUS)
    rg_actions_view_set_sort (self, (RgActionsSort) selected);
}

/* Follows the renaming of the partners of @partners (none when NULL) */
static void
watch_partner_names (RgActionsView *self,
                     GListModel    *partners,
                     GCallback      on_renamed)
{
  for (guint i = 0; i < self->watched_partners->len; i++)
    g_signal_handlers_disconnect_by_data (self->watched_partners->pdata[i], self);
  g_ptr_array_set_size (self->watched_partners, 0);

  for (guint i = 0; partners != NULL && i < g_list_model_get_n_items (partners); i++)
    {
      RgPartner *partner = g_list_model_get_item (partners, i);

      g_signal_connect_swapped (partner, "notify::name", on_renamed, self);
      g_ptr_array_add (self->watched_partners, partner);
    }
}

/* Partners come, go and are renamed: the drop-downs of the rows list
 * them by name. */
static void
on_partners_changed (RgActionsView *self)
{
  watch_partner_names (self, rg_session_get_partners (get_session (self)),
                       G_CALLBACK (on_partners_changed));
  gtk_list_box_bind_model (self->action_list, G_LIST_MODEL (self->sorted_actions),
                           create_action_row, self, NULL);
  gtk_list_box_bind_model (self->consent_list, rg_session_get_consents (get_session (self)),
                           create_consent_row, self, NULL);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  return label;
}

/* }}} */

static void
rg_actions_view_dispose (GObject *object)
{
  RgActionsView *self = (RgActionsView *)object;

  rg_actions_view_set_editor (self, NULL);
  g_clear_handle_id (&self->resort_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_ACTIONS_VIEW);
  g_clear_object (&self->sorter);
  g_clear_object (&self->owner_group);
  g_clear_object (&self->status_group);
  g_clear_object (&self->label_group);
  g_clear_pointer (&self->watched_partners, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_actions_view_parent_class)->dispose (object);
}

static void
rg_actions_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RgActionsView *self = RG_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;

    case PROP_SORT:
      g_value_set_uint (value, self->sort);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_actions_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RgActionsView *self = RG_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      rg_actions_view_set_editor (self, g_value_get_object (value));
      break;

    case PROP_SORT:
      rg_actions_view_set_sort (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_actions_view_class_init (RgActionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_actions_view_dispose;
  object_class->get_property = rg_actions_view_get_property;
  object_class->set_property = rg_actions_view_set_property;

  properties [PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, RG_TYPE_SESSION_EDITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SORT] =
    g_param_spec_uint ("sort", NULL, NULL,
                       RG_ACTIONS_SORT_DUE, RG_ACTIONS_SORT_STATUS, RG_ACTIONS_SORT_DUE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RG_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-actions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RgActionsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RgActionsView, next_review_row);
  gtk_widget_class_bind_template_child (widget_class, RgActionsView, next_review_entry);
  gtk_widget_class_bind_template_child (widget_class, RgActionsView, actions_group);
  gtk_widget_class_bind_template_child (widget_class, RgActionsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RgActionsView, action_list);
  gtk_widget_class_bind_template_child (widget_class, RgActionsView, consent_list);
  gtk_widget_class_bind_template_child (widget_class, RgActionsView, add_consent_button);
  gtk_widget_class_bind_template_callback (widget_class, on_next_review_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_selected);

  gtk_widget_class_install_action (widget_class, "actions.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "actions.add-consent", NULL, add_consent_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actions-view");
}

static void
rg_actions_view_init (RgActionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorter = gtk_custom_sorter_new (compare_actions, self, NULL);
  self->owner_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->watched_partners = g_ptr_array_new_with_free_func (g_object_unref);
  self->status_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->label_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_list_box_set_placeholder (self->action_list,
                                placeholder_new (_("No actions yet. What did the team decide?")));
  gtk_list_box_set_placeholder (self->consent_list,
                                placeholder_new (_("No consent recorded for this session.")));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.add-action", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.add-consent", FALSE);
}

/**
 * rg_actions_view_get_editor:
 * @self: a #RgActionsView
 *
 * Returns: (transfer none) (nullable): the editor of the session shown
 */
RgSessionEditor *
rg_actions_view_get_editor (RgActionsView *self)
{
  g_return_val_if_fail (RG_IS_ACTIONS_VIEW (self), NULL);

  return self->editor;
}

/**
 * rg_actions_view_set_editor:
 * @self: a #RgActionsView
 * @editor: (nullable): the editor of the session to show
 *
 * Shows the actions, next review and consents of @editor's session, and
 * makes every edit through @editor.
 */
void
rg_actions_view_set_editor (RgActionsView   *self,
                            RgSessionEditor *editor)
{
  g_return_if_fail (RG_IS_ACTIONS_VIEW (self));
  g_return_if_fail (!editor || RG_IS_SESSION_EDITOR (editor));

  if (self->editor == editor)
    return;

  if (self->editor != NULL)
    {
      RgSession *session = get_session (self);

      g_signal_handlers_disconnect_by_data (session, self);
      g_signal_handlers_disconnect_by_data (rg_session_get_partners (session), self);
      g_signal_handlers_disconnect_by_data (rg_session_get_actions (session), self);
      watch_partner_names (self, NULL, NULL);
      gtk_list_box_bind_model (self->action_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->consent_list, NULL, NULL, NULL, NULL);
      g_clear_object (&self->sorted_actions);
    }

  g_set_object (&self->editor, editor);

  if (editor != NULL)
    {
      RgSession *session = get_session (self);
      GListModel *actions = rg_session_get_actions (session);

      self->sorted_actions = gtk_sort_list_model_new (g_object_ref (actions),
                                                      g_object_ref (GTK_SORTER (self->sorter)));
      on_partners_changed (self);
      sync_next_review (self);

      g_signal_connect_swapped (session, "notify::next-review",
                                G_CALLBACK (sync_next_review), self);
      g_signal_connect_swapped (rg_session_get_partners (session), "items-changed",
                                G_CALLBACK (on_partners_changed), self);
      g_signal_connect_swapped (actions, "items-changed", G_CALLBACK (update_summary), self);
      update_summary (self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.add-action", editor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.add-consent", editor != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITOR]);
}

/**
 * rg_actions_view_get_sort:
 * @self: a #RgActionsView
 *
 * Returns: how the actions are listed
 */
RgActionsSort
rg_actions_view_get_sort (RgActionsView *self)
{
  g_return_val_if_fail (RG_IS_ACTIONS_VIEW (self), RG_ACTIONS_SORT_DUE);

  return self->sort;
}

/**
 * rg_actions_view_set_sort:
 * @self: a #RgActionsView
 * @sort: how to list the actions
 *
 * Sorts the actions by due date, by who does them, or by status; within
 * each, the earliest due first.
 */
void
rg_actions_view_set_sort (RgActionsView *self,
                          RgActionsSort  sort)
{
  g_return_if_fail (RG_IS_ACTIONS_VIEW (self));
  g_return_if_fail (sort <= RG_ACTIONS_SORT_STATUS);

  if (self->sort == sort)
    return;

  self->sort = sort;
  if (gtk_drop_down_get_selected (self->sort_dropdown) != sort)
    gtk_drop_down_set_selected (self->sort_dropdown, sort);
  resort (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SORT]);
}

/* The row of the list holding @key's object of id @id, and its field */
static GtkWidget *
find_field_of (GtkListBox *list,
               const char *key,
               const char *id,
               const char *(*get_id) (gpointer),
               const char *field)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer object = g_object_get_data (G_OBJECT (child), key);

      if (object != NULL && g_strcmp0 (get_id (object), id) == 0)
        return find_field (child, field);
    }

  return NULL;
}

/**
 * rg_actions_view_reveal:
 * @self: a #RgActionsView
 * @object_id: the id of an action or a consent of the session
 *
 * Gives the focus to the row of @object_id, on the first of its
 * fields, as the desk does when it opens a session on an overdue
 * action or a consent to record.
 *
 * Returns: whether the view shows @object_id
 */
gboolean
rg_actions_view_reveal (RgActionsView *self,
                        const char    *object_id)
{
  GtkWidget *field;

  g_return_val_if_fail (RG_IS_ACTIONS_VIEW (self), FALSE);
  g_return_val_if_fail (object_id != NULL, FALSE);

  field = find_field_of (self->action_list, "action", object_id,
                         (const char *(*) (gpointer)) rg_action_get_id, "what");
  if (field == NULL)
    field = find_field_of (self->consent_list, "consent", object_id,
                           (const char *(*) (gpointer)) rg_consent_get_id, "scope");

  return field != NULL && gtk_widget_grab_focus (field);
}

/**
 * rg_actions_view_focus_consents:
 * @self: a #RgActionsView
 *
 * Gives the focus to the consents: the first field of the first
 * consent, or, when the session records none, the button that adds
 * one; as the desk does when it opens a session on a missing consent.
 *
 * Returns: whether the focus is there
 */
gboolean
rg_actions_view_focus_consents (RgActionsView *self)
{
  g_return_val_if_fail (RG_IS_ACTIONS_VIEW (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->consent_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *field;

      if (g_object_get_data (G_OBJECT (child), "consent") != NULL
          && (field = find_field (child, "scope")) != NULL)
        return gtk_widget_grab_focus (field);
    }

  return gtk_widget_grab_focus (self->add_consent_button);
}
