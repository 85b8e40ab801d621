/* rg-diagnosis-cell.c — one partner's statements in one dimension
 *
 * The cell observes the session: its list is a filter over all the
 * statements, so it never keeps a copy of them. What its cards ask of
 * the whole diagnosis (a menu, the selection, lighting up a link) it
 * passes on by its signals, to the view that made it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-diagnosis-cell"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-diagnosis-cell.h"
#include "rg-editable-text.h"
#include "rg-partner-label.h"
#include "rg-shortcuts.h"

struct _RgDiagnosisCell
{
  GtkWidget           parent_instance;

  RgSessionEditor    *editor;
  RgPartner          *partner;
  RgDimension        *dimension;
  gboolean            blind;

  /* The statements selected in the view: read here, changed there. */
  GPtrArray          *selection;

  /* The cell's statements, a filter over all those of the session, made
   * when first needed; until then, the statements the view found for the
   * cell when it made it, enough to estimate its height. */
  GtkFilterListModel *statements;
  GPtrArray          *hint;

  /* The statements of each partner, by id, shared by the cells of the
   * view (see rg_diagnosis_cell_new ()); nullable. */
  GHashTable         *column_statements;

  GtkListBox         *list;
  GtkButton          *add_button;
  gboolean            populated;

  /* The first statements, those whose cards are made so far: a cell is
   * made a few cards at a time, from the top, as it comes near the view
   * (a cell of a big session can hold forty cards, and the view shows
   * ten of them). NULL while the cell has no card. */
  GtkSliceListModel  *shown;

  /* The heights last guessed for the cards, summed from the first (the
   * first n cards take estimates[n]), and what they were guessed for:
   * the grid asks at every allocation, for every cell out of view or
   * partly made. NULL until guessed again. */
  GArray             *estimates;
  int                 estimate_width;
  int                 estimate_char_width;
  int                 estimate_line_height;

  /* A statement added here and not yet typed into: left empty, it goes
   * away as if never added. */
  RgStatement        *pending;
};

enum {
  LINK_HOVERED,
  POPUP_CARD_MENU,
  TOGGLE_SELECTION,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RgDiagnosisCell, rg_diagnosis_cell, GTK_TYPE_WIDGET)

static gboolean
statement_in_cell (gpointer item,
                   gpointer user_data)
{
  RgDiagnosisCell *self = user_data;

  return g_strcmp0 (rg_statement_get_partner_id (item), rg_partner_get_id (self->partner)) == 0 &&
         g_strcmp0 (rg_statement_get_dimension_id (item), rg_dimension_get_id (self->dimension)) == 0;
}

static gboolean
statement_by_partner (gpointer item,
                      gpointer user_data)
{
  const char *partner_id = user_data;

  return g_strcmp0 (rg_statement_get_partner_id (item), partner_id) == 0;
}

static void
update_row_label (GtkListBoxRow *row,
                  GParamSpec    *pspec,
                  RgStatement   *statement)
{
  g_autofree char *label = NULL;
  g_autofree char *text = rg_editable_text_shorten (rg_statement_get_text (statement));

  /* Translators: a statement card as read by a screen reader: its kind,
   * then its text. */
  label = g_strdup_printf (_("%s: %s"),
                           rg_statement_kind_get_label (rg_statement_get_kind (statement)),
                           text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* What is typed goes to the statement at once: the autosave writes it
 * within a second, whatever happens to the program then. A statement
 * with no text is never written to the file. */
static void
on_text_changed (RgDiagnosisCell *self,
                 const char      *text,
                 RgStatementCard *card)
{
  RgStatement *statement = rg_statement_card_get_statement (card);

  rg_session_editor_set (self->editor, _("Edit statement"), statement, "text", text);
}

static void
on_text_committed (RgDiagnosisCell *self,
                   const char      *text,
                   RgStatementCard *card)
{
  RgStatement *statement = rg_statement_card_get_statement (card);
  RgUndoStack *undo = rg_session_editor_get_undo_stack (self->editor);

  if (statement == self->pending)
    {
      g_clear_weak_pointer (&self->pending);
      if (text[0] == '\0')
        {
          /* Nothing typed, or all of it taken back: the "Add statement"
           * step, with whatever was typed, is taken back. */
          rg_undo_stack_undo (undo);
          return;
        }
    }

  rg_session_editor_set (self->editor, _("Edit statement"), statement, "text", text);
}

static void
on_link_hovered (RgStatementCard *card,
                 RgLink          *link,
                 gboolean         entered,
                 RgDiagnosisCell *self)
{
  g_signal_emit (self, signals [LINK_HOVERED], 0, link, entered);
}

/* Ctrl+click selects, for tagging statements across columns; a right
 * click opens the card's menu. One gesture for the list, rather than
 * one a card: cards are made by the thousand as a big session scrolls. */
static void
on_list_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 RgDiagnosisCell *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list), x, y, GTK_PICK_DEFAULT);
  GtkWidget *card = picked ? gtk_widget_get_ancestor (picked, RG_TYPE_STATEMENT_CARD) : NULL;
  graphene_point_t point;

  if (card == NULL)
    return;

  /* The right button opens the card's menu, where it was clicked. */
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    {
      if (!gtk_widget_compute_point (GTK_WIDGET (self->list), card, &GRAPHENE_POINT_INIT (x, y), &point))
        point = GRAPHENE_POINT_INIT (0, 0);
      g_signal_emit (self, signals [POPUP_CARD_MENU], 0, card, (double) point.x, (double) point.y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if ((state & GDK_CONTROL_MASK) == 0)
    return;

  g_signal_emit (self, signals [TOGGLE_SELECTION], 0, rg_statement_card_get_statement (RG_STATEMENT_CARD (card)));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RgDiagnosisCell *self = user_data;
  RgStatement *statement = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *card = rg_statement_card_new (statement, self->editor);

  rg_statement_card_set_blind (RG_STATEMENT_CARD (card), self->blind);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card);
  g_signal_connect_object (card, "text-changed", G_CALLBACK (on_text_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (card, "text-committed", G_CALLBACK (on_text_committed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (statement, "notify::text", G_CALLBACK (update_row_label),
                           row, G_CONNECT_SWAPPED);
  g_signal_connect_object (statement, "notify::kind", G_CALLBACK (update_row_label),
                           row, G_CONNECT_SWAPPED);
  update_row_label (GTK_LIST_BOX_ROW (row), NULL, statement);
  g_signal_connect_object (card, "link-hovered", G_CALLBACK (on_link_hovered), self, 0);

  /* The list box takes Ctrl+Shift+A for “unselect all”: from a card,
   * the key tags an agreement, as everywhere in the view */
  rg_shortcuts_add_controller_for_action (row, "diagnosis.tag::agreement");

  if (self->selection != NULL && g_ptr_array_find (self->selection, statement, NULL))
    gtk_widget_add_css_class (card, "selected");

  return row;
}

static void
on_items_changed (RgDiagnosisCell *self)
{
  gboolean empty = (self->statements ? g_list_model_get_n_items (G_LIST_MODEL (self->statements))
                                     : self->hint->len) == 0;

  g_clear_pointer (&self->estimates, g_array_unref);

  /* One stop per cell for Tab: the list when it has statements, the Add
   * button when it has none. */
  if (self->list != NULL)
    {
      gtk_widget_set_focusable (GTK_WIDGET (self->add_button), empty);
      gtk_widget_set_visible (GTK_WIDGET (self->list), !empty);
    }
}

static GListModel *get_statements (RgDiagnosisCell *self);

/* Each card says where it stands in the cell ("2 of 6"), once the list
 * has its rows for the statements as they are now. */
static void
update_positions (RgDiagnosisCell *self)
{
  guint n;

  /* Counted over all the statements: a big cell's last cards may not
   * be made yet (rg_diagnosis_cell_populate_more ()). */
  if (self->shown == NULL)
    return;
  n = g_list_model_get_n_items (get_statements (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      rg_statement_card_set_position (RG_STATEMENT_CARD (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))),
                                      (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), n);
}

/* The statements of the cell's partner: a filter over all the
 * session's, made by the first cell of the column that needs it. */
static GListModel *
get_column_statements (RgDiagnosisCell *self)
{
  GListModel *all = rg_session_get_statements (rg_session_editor_get_session (self->editor));
  const char *id = rg_partner_get_id (self->partner);
  GtkFilterListModel *column;

  if (self->column_statements == NULL)
    return all;

  if (!(column = g_hash_table_lookup (self->column_statements, id)))
    {
      column = gtk_filter_list_model_new (g_object_ref (all),
                                          GTK_FILTER (gtk_custom_filter_new (statement_by_partner,
                                                                             g_strdup (id), g_free)));
      g_hash_table_insert (self->column_statements, g_strdup (id), column);
    }

  return G_LIST_MODEL (column);
}

/* A filter costs a pass over what it filters: a big session has
 * thousands of statements and hundreds of cells, and a cell filters
 * its column's statements, a pass over the session's made once a
 * column. */
static GListModel *
get_statements (RgDiagnosisCell *self)
{
  if (self->statements != NULL)
    return G_LIST_MODEL (self->statements);

  self->statements = gtk_filter_list_model_new (g_object_ref (get_column_statements (self)),
                                                GTK_FILTER (gtk_custom_filter_new (statement_in_cell,
                                                                                   self, NULL)));
  g_clear_pointer (&self->hint, g_ptr_array_unref);
  g_signal_connect_object (self->statements, "items-changed", G_CALLBACK (on_items_changed),
                           self, G_CONNECT_SWAPPED);
  /* After the list has made its rows */
  g_signal_connect_object (self->statements, "items-changed", G_CALLBACK (update_positions),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  on_items_changed (self);

  return G_LIST_MODEL (self->statements);
}

static void
on_row_activated (RgDiagnosisCell *self,
                  GtkListBoxRow   *row)
{
  RgStatementCard *card = RG_STATEMENT_CARD (gtk_list_box_row_get_child (row));

  rg_diagnosis_cell_add_statement (self, rg_statement_card_get_statement (card));
}

static void
on_add_clicked (RgDiagnosisCell *self)
{
  rg_diagnosis_cell_add_statement (self, NULL);
}

static void
rg_diagnosis_cell_dispose (GObject *object)
{
  RgDiagnosisCell *self = RG_DIAGNOSIS_CELL (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->shown);
  g_clear_object (&self->statements);
  g_clear_pointer (&self->hint, g_ptr_array_unref);
  g_clear_pointer (&self->estimates, g_array_unref);
  g_clear_pointer (&self->column_statements, g_hash_table_unref);
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_object (&self->partner);
  g_clear_object (&self->dimension);
  g_clear_object (&self->editor);
  g_clear_weak_pointer (&self->pending);

  G_OBJECT_CLASS (rg_diagnosis_cell_parent_class)->dispose (object);
}

/* A cell made a few cards at a time gets all of them once the keyboard
 * is in it (a click on one of its first cards): the arrows then go on
 * to its last card. The card the keyboard is brought to is shown at
 * once, wherever it is: the view scrolls to it next. */
static void
rg_diagnosis_cell_set_focus_child (GtkWidget *widget,
                                   GtkWidget *child)
{
  RgDiagnosisCell *self = RG_DIAGNOSIS_CELL (widget);
  GtkWidget *row;

  GTK_WIDGET_CLASS (rg_diagnosis_cell_parent_class)->set_focus_child (widget, child);

  if (child == NULL)
    return;

  rg_diagnosis_cell_populate (self);
  if (child == GTK_WIDGET (self->list) && (row = gtk_widget_get_focus_child (child)) != NULL)
    gtk_widget_set_child_visible (row, TRUE);
}

static void
rg_diagnosis_cell_class_init (RgDiagnosisCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_diagnosis_cell_dispose;
  widget_class->set_focus_child = rg_diagnosis_cell_set_focus_child;

  /**
   * RgDiagnosisCell::link-hovered:
   * @link: the link of a card's badge
   * @entered: whether the pointer or the focus came in or left
   *
   * Emitted when a badge of a card is hovered or focused, so that the
   * other statements of its link, in other cells, can be lit up.
   */
  signals [LINK_HOVERED] =
    g_signal_new ("link-hovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RG_TYPE_LINK, G_TYPE_BOOLEAN);

  /**
   * RgDiagnosisCell::popup-card-menu:
   * @card: the card clicked with the right button
   * @x: where, in @card's coordinates
   * @y: the same, vertically
   *
   * Emitted when a card's menu is asked for.
   */
  signals [POPUP_CARD_MENU] =
    g_signal_new ("popup-card-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  RG_TYPE_STATEMENT_CARD, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * RgDiagnosisCell::toggle-selection:
   * @statement: the statement of the card Ctrl+clicked
   *
   * Emitted when a card is to be added to the selection, or taken out.
   */
  signals [TOGGLE_SELECTION] =
    g_signal_new ("toggle-selection", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RG_TYPE_STATEMENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "diagnosis-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
rg_diagnosis_cell_init (RgDiagnosisCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

/* The accessible name of the cell, and of the list in it */
static char *
dup_cell_name (RgDiagnosisCell *self,
               const char      *partner_label)
{
  /* Translators: the accessible name of the cell of one partner's
   * statements in one dimension: "Mme Martin, Scolarité". */
  return g_strdup_printf (_("%s, %s"), partner_label, rg_dimension_get_name (self->dimension));
}

/* The cell's list and Add button, made when its first cards are: a
 * big session has hundreds of cells, and the window opens with only
 * those in view showing anything. */
static void
make_children (RgDiagnosisCell *self)
{
  g_autofree char *partner_label = NULL;
  g_autofree char *label = NULL;
  GtkWidget *button_content;
  GtkGesture *click;

  if (self->list != NULL)
    return;

  /* How the cell names the partner to a screen reader. */
  partner_label = rg_partner_label_dup (rg_session_editor_get_session (self->editor),
                                        self->partner, self->blind);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  /* Enter on a card adds one after it; a click only gives the card the
   * focus (a double click edits it, a click on a word opens its meaning) */
  gtk_list_box_set_activate_on_single_click (self->list, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "statements");
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated),
                           self, G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_list_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (click));
  /* The cell and the list in it both say whose and where: GTK 4.8
   * names an unnamed cell after its type, and Orca reads the grid as
   * a layout, never speaking its cells, only the list one enters. */
  label = dup_cell_name (self, partner_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  self->add_button = GTK_BUTTON (gtk_button_new ());
  /* Its name says it all: what it shows is not read again ("Add Add a
   * statement by…") */
  button_content = g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 NULL);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (button_content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (button_content), _("Add"));
  gtk_button_set_child (self->add_button, button_content);
  gtk_widget_set_halign (GTK_WIDGET (self->add_button), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "add-statement");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), _("Add a statement (Enter)"));
  g_free (label);
  /* Translators: "Add a statement by Mme Martin in Scolarité". */
  label = g_strdup_printf (_("Add a statement by %s in %s"), partner_label,
                           rg_dimension_get_name (self->dimension));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (self->add_button), GTK_WIDGET (self));

  on_items_changed (self);
}

/**
 * rg_diagnosis_cell_new:
 * @editor: the session's editor
 * @partner: the partner of the cell's column
 * @dimension: the dimension of the cell's row
 * @statements: (nullable) (element-type RgStatement): the statements of
 *   the cell as they are now, when the caller knows them: the cell then
 *   waits until it is needed to follow the session's statements itself
 * @column_statements: (nullable) (element-type utf8 GtkFilterListModel):
 *   a table the cells of a view share, where the first cell of each
 *   column that follows the session puts its partner's statements, for
 *   the others to filter; %NULL for a cell that filters all of them
 * @selection: (nullable) (element-type RgStatement): the statements
 *   selected in the view, which the cell reads to mark its cards and
 *   never changes (it asks with #RgDiagnosisCell::toggle-selection)
 * @blind: whether the cell names no author (a blind round): the
 *   partner is then named by the letter of the column
 *
 * Returns: (transfer floating): a new cell
 */
GtkWidget *
rg_diagnosis_cell_new (RgSessionEditor *editor,
                       RgPartner       *partner,
                       RgDimension     *dimension,
                       GPtrArray       *statements,
                       GHashTable      *column_statements,
                       GPtrArray       *selection,
                       gboolean         blind)
{
  RgDiagnosisCell *self;
  g_autofree char *partner_label = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (editor), NULL);
  g_return_val_if_fail (RG_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (RG_IS_DIMENSION (dimension), NULL);

  self = g_object_new (RG_TYPE_DIAGNOSIS_CELL, NULL);
  self->editor = g_object_ref (editor);
  self->partner = g_object_ref (partner);
  self->dimension = g_object_ref (dimension);
  self->column_statements = column_statements ? g_hash_table_ref (column_statements) : NULL;
  self->selection = selection ? g_ptr_array_ref (selection) : NULL;
  self->blind = !!blind;
  partner_label = rg_partner_label_dup (rg_session_editor_get_session (editor), partner, blind);

  /* GTK 4.8 names an unnamed cell after its type (see make_children ()). */
  label = dup_cell_name (self, partner_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (statements != NULL)
    {
      self->hint = g_ptr_array_ref (statements);
      on_items_changed (self);
    }
  else
    get_statements (self);

  return GTK_WIDGET (self);
}

/**
 * rg_diagnosis_cell_get_populated:
 *
 * Returns: whether all the cell's cards exist
 */
gboolean
rg_diagnosis_cell_get_populated (RgDiagnosisCell *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), FALSE);

  return self->populated;
}

/**
 * rg_diagnosis_cell_populate:
 * @self: a #RgDiagnosisCell
 *
 * Makes the cards of the cell. Cells are made empty: a session can
 * hold thousands of statements, and only the cells in view need their
 * cards (the grid populates them as they come into view).
 */
void
rg_diagnosis_cell_populate (RgDiagnosisCell *self)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_CELL (self));

  rg_diagnosis_cell_populate_more (self, G_MAXUINT);
}

/**
 * rg_diagnosis_cell_populate_more:
 * @self: a #RgDiagnosisCell
 * @n_cards: how many more cards to make, at most
 *
 * Makes the next @n_cards cards of the cell, from the top: the grid
 * makes a big cell a few cards at a time, between frames, so that no
 * frame waits for a whole cell.
 *
 * Returns: whether all the cell's cards now exist
 */
gboolean
rg_diagnosis_cell_populate_more (RgDiagnosisCell *self,
                                 guint            n_cards)
{
  GListModel *statements;
  guint n, built;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), FALSE);

  if (self->populated)
    return TRUE;

  make_children (self);
  statements = get_statements (self);
  n = g_list_model_get_n_items (statements);
  if (self->shown == NULL)
    {
      self->shown = gtk_slice_list_model_new (g_object_ref (statements), 0, 0);
      gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->shown), create_row, self, NULL);
    }

  built = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  /* Once whole, the cell follows its statements, however many come. */
  if (n_cards >= n - MIN (built, n))
    {
      self->populated = TRUE;
      gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
    }
  else
    gtk_slice_list_model_set_size (self->shown, built + n_cards);

  update_positions (self);
  return self->populated;
}

/**
 * rg_diagnosis_cell_get_n_built:
 *
 * Returns: how many of the cell's cards exist, from the top
 */
guint
rg_diagnosis_cell_get_n_built (RgDiagnosisCell *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), 0);

  return self->shown ? g_list_model_get_n_items (G_LIST_MODEL (self->shown)) : 0;
}

/**
 * rg_diagnosis_cell_depopulate:
 * @self: a #RgDiagnosisCell
 *
 * Drops the cards of a cell far out of view, to keep the memory of a
 * big session bounded. A cell holding the keyboard focus keeps them.
 *
 * Returns: whether the cards were dropped
 */
gboolean
rg_diagnosis_cell_depopulate (RgDiagnosisCell *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), FALSE);

  if (self->shown == NULL)
    return FALSE;

  if ((root = gtk_widget_get_root (GTK_WIDGET (self))) &&
      (focus = gtk_root_get_focus (root)) &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return FALSE;

  self->populated = FALSE;
  g_clear_weak_pointer (&self->pending);
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->shown);

  return TRUE;
}

/**
 * rg_diagnosis_cell_set_view:
 * @self: a #RgDiagnosisCell, allocated
 * @view: the widget the cell scrolls in, an ancestor
 *
 * Shows only the cards in view, and the one with the keyboard focus: a
 * cell can hold forty cards, ten of them in view, and the cairo
 * renderer draws every card it is given, seen or not. The others stay
 * laid out, ready to be scrolled in.
 */
void
rg_diagnosis_cell_set_view (RgDiagnosisCell *self,
                            GtkWidget       *view)
{
  int height = gtk_widget_get_height (view);
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (RG_IS_DIAGNOSIS_CELL (self));

  if (self->list == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;
      gboolean shown = !gtk_widget_compute_bounds (row, view, &bounds) ||
                       (bounds.origin.y < height && bounds.origin.y + bounds.size.height > 0) ||
                       (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)));

      if (gtk_widget_get_child_visible (row) != shown)
        gtk_widget_set_child_visible (row, shown);
    }
}

/* The heights of the cards, guessed from their texts without laying
 * them out, summed from the first. */
static GArray *
get_estimates (RgDiagnosisCell *self,
               int              width,
               int              char_width,
               int              line_height)
{
  GListModel *model = self->statements ? G_LIST_MODEL (self->statements) : NULL;
  guint n = model ? g_list_model_get_n_items (model) : self->hint->len;
  int chars_per_line = MAX (1, (width - 5 * line_height / 2) / MAX (1, char_width));
  int height = 0;

  if (self->estimates != NULL && self->estimate_width == width &&
      self->estimate_char_width == char_width && self->estimate_line_height == line_height)
    return self->estimates;

  g_clear_pointer (&self->estimates, g_array_unref);
  self->estimates = g_array_sized_new (FALSE, FALSE, sizeof (int), n + 1);
  g_array_append_val (self->estimates, height);

  /* Per card: its kind, its lines, its margins. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStatement) statement = model ? g_list_model_get_item (model, i)
                                               : g_object_ref (g_ptr_array_index (self->hint, i));
      int chars = (int) g_utf8_strlen (rg_statement_get_text (statement), -1);
      int lines = MAX (1, (chars + chars_per_line - 1) / chars_per_line);

      height += (lines + 1) * line_height + 2 * line_height;
      g_array_append_val (self->estimates, height);
    }

  self->estimate_width = width;
  self->estimate_char_width = char_width;
  self->estimate_line_height = line_height;

  return self->estimates;
}

/**
 * rg_diagnosis_cell_estimate_rest_height:
 * @self: a #RgDiagnosisCell
 * @width: the width of the cell
 * @char_width: the mean width of a character of the text, in pixels
 * @line_height: the height of a line of text, in pixels
 *
 * Guesses the height the cards not made yet will add to the cell (see
 * rg_diagnosis_cell_populate_more ()).
 *
 * Returns: a height in pixels
 */
int
rg_diagnosis_cell_estimate_rest_height (RgDiagnosisCell *self,
                                        int              width,
                                        int              char_width,
                                        int              line_height)
{
  GArray *estimates;
  guint n;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), 0);

  if (self->populated)
    return 0;

  estimates = get_estimates (self, width, char_width, line_height);
  n = estimates->len - 1;

  return g_array_index (estimates, int, n) -
         g_array_index (estimates, int, MIN (rg_diagnosis_cell_get_n_built (self), n));
}

/**
 * rg_diagnosis_cell_estimate_height:
 * @self: a #RgDiagnosisCell
 * @width: the width of the cell
 * @char_width: the mean width of a character of the text, in pixels
 * @line_height: the height of a line of text, in pixels
 *
 * Guesses the height the cell will have once populated, from its texts,
 * without laying them out.
 *
 * Returns: a height in pixels
 */
int
rg_diagnosis_cell_estimate_height (RgDiagnosisCell *self,
                                   int              width,
                                   int              char_width,
                                   int              line_height)
{
  GArray *estimates;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), 0);

  /* The Add button, then the cards. */
  estimates = get_estimates (self, width, char_width, line_height);
  return 2 * line_height + g_array_index (estimates, int, estimates->len - 1);
}

/**
 * rg_diagnosis_cell_get_partner:
 *
 * Returns: (transfer none): the partner of the cell's column
 */
RgPartner *
rg_diagnosis_cell_get_partner (RgDiagnosisCell *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), NULL);

  return self->partner;
}

/**
 * rg_diagnosis_cell_get_dimension:
 *
 * Returns: (transfer none): the dimension of the cell's row
 */
RgDimension *
rg_diagnosis_cell_get_dimension (RgDiagnosisCell *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), NULL);

  return self->dimension;
}

guint
rg_diagnosis_cell_get_n_statements (RgDiagnosisCell *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), 0);

  return g_list_model_get_n_items (get_statements (self));
}

/**
 * rg_diagnosis_cell_get_card:
 *
 * Returns: (transfer none) (nullable): the card showing @statement, if
 *   it is made
 */
RgStatementCard *
rg_diagnosis_cell_get_card (RgDiagnosisCell *self,
                            RgStatement     *statement)
{
  guint n;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), NULL);

  if (self->shown == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStatement) item = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      if (item == statement)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

          return RG_STATEMENT_CARD (gtk_list_box_row_get_child (row));
        }
    }

  return NULL;
}

/**
 * rg_diagnosis_cell_get_focus_index:
 *
 * Returns: the index of the statement with the keyboard focus, -1 when
 *   the focus is elsewhere in the cell or outside it
 */
int
rg_diagnosis_cell_get_focus_index (RgDiagnosisCell *self)
{
  GtkRoot *root;
  GtkWidget *focus;
  GtkWidget *row;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), -1);

  /* A cell not in a window yet has no focus to give. */
  if ((root = gtk_widget_get_root (GTK_WIDGET (self))) == NULL)
    return -1;

  focus = gtk_root_get_focus (root);
  if (focus == NULL || self->list == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    return -1;

  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  return row ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

/**
 * rg_diagnosis_cell_get_focused_card:
 *
 * Returns: (transfer none) (nullable): the card with the keyboard focus
 */
RgStatementCard *
rg_diagnosis_cell_get_focused_card (RgDiagnosisCell *self)
{
  int index;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), NULL);

  if ((index = rg_diagnosis_cell_get_focus_index (self)) < 0)
    return NULL;

  return RG_STATEMENT_CARD (gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (self->list,
                                                                                     index)));
}

/**
 * rg_diagnosis_cell_focus_statement:
 * @self: a #RgDiagnosisCell
 * @index: the statement to focus; negative counts from the end
 *
 * Moves the keyboard focus into the cell: to a statement, or to the Add
 * button when the cell is empty.
 */
void
rg_diagnosis_cell_focus_statement (RgDiagnosisCell *self,
                                   int              index)
{
  int n;

  g_return_if_fail (RG_IS_DIAGNOSIS_CELL (self));

  rg_diagnosis_cell_populate (self);
  n = (int) g_list_model_get_n_items (G_LIST_MODEL (self->statements));
  if (n == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
      return;
    }

  if (index < 0)
    index += n;
  index = CLAMP (index, 0, n - 1);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, index)));
}

/**
 * rg_diagnosis_cell_add_statement:
 * @self: a #RgDiagnosisCell
 * @after: (nullable): the statement it follows, %NULL for the end
 *
 * Adds a statement of the cell's partner in the cell's dimension, as an
 * observed fact, and starts editing it.
 *
 * Returns: (transfer none): the new statement
 */
RgStatement *
rg_diagnosis_cell_add_statement (RgDiagnosisCell *self,
                                 RgStatement     *after)
{
  RgStatement *statement;
  RgStatementCard *card;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_CELL (self), NULL);

  rg_diagnosis_cell_populate (self);
  statement = rg_session_editor_add_statement (self->editor, self->partner, self->dimension,
                                               after, RG_STATEMENT_KIND_FACT, "");
  /* What is typed into it is undone with it (its card's text edits in
   * the burst of the statement). */
  rg_undo_stack_open_burst (rg_session_editor_get_undo_stack (self->editor), statement);
  g_set_weak_pointer (&self->pending, statement);

  if ((card = rg_diagnosis_cell_get_card (self, statement)))
    {
      GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (card));

      gtk_widget_grab_focus (row);
      rg_statement_card_start_editing (card);
    }

  return statement;
}
