/* rg-diagnosis-view.c — each partner's reading, side by side
 *
 * Partners are columns, dimensions are rows, statements are cards in
 * the cells, and under each dimension the synthesis the team agrees on.
 * The view observes the session through its editor and rebuilds its
 * grid when partners or dimensions come and go; the cells follow the
 * statements themselves.
 *
 * In a blind round the view names no author: columns are “Partner A”,
 * “Partner B”… in a neutral colour, and every label, tooltip and
 * accessible name that would name a partner uses that letter instead,
 * so that a statement is read for what it says. The columns are
 * shuffled for the round (rg-partner-label.c says how). The session is
 * not touched: revealing rebuilds the grid with the names, in order.
 *
 * In a meeting the whole team must be on the projected screen: the
 * columns get narrower (the grid shares the width out between them)
 * and the view says at which zoom they all fit its width, which the
 * window follows. If they cannot fit even so, the family's columns are
 * pinned, so that the grid scrolls the others beside them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-diagnosis-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-accessible-description.h"
#include "rg-diagnosis-grid.h"
#include "rg-diagnosis-view.h"
#include "rg-dimension-dialog.h"
#include "rg-editable-text.h"
#include "rg-glossary-match.h"
#include "rg-link-overview.h"
#include "rg-menu-button.h"
#include "rg-partner-dialog.h"
#include "rg-partner-label.h"
#include "rg-partner-swatch.h"
#include "rg-session-editor-links.h"
#include "rg-session-editor-paste.h"
#include "rg-shortcuts.h"
#include "rg-undo-toast.h"

#define BASE_COLUMN_WIDTH 260
#define BASE_ROW_HEADER_WIDTH 190

/* In a meeting, at zoom 1.0: about thirteen of the text's ems a column
 * (at the usual 13 to 15 pixels), for a dozen words a card at most.
 * At 1920 pixels, eight partners fit at zoom 1.2, six at 1.5. */
#define MEETING_COLUMN_WIDTH 180
#define MEETING_ROW_HEADER_WIDTH 130

struct _RgDiagnosisView
{
  GtkWidget           parent_instance;

  RgSessionEditor    *editor;
  double              zoom;
  double              fitting_zoom;
  gboolean            blind;
  gboolean            meeting;

  GtkWidget          *content;
  GtkRevealer        *blind_revealer;
  GtkScrolledWindow  *scroller;
  RgDiagnosisGrid    *grid;
  RgLinkOverview     *overview;
  AdwStatusPage      *empty_page;
  GtkRevealer        *selection_revealer;
  GtkLabel           *selection_label;
  guint               rebuild_source;

  /* The statements selected to be tagged together: RgStatement */
  GPtrArray          *selection;

  /* The partners shown as columns, in order: all of them, or only its
   * partner in a contribution. */
  GPtrArray          *columns;

  /* The card whose menu is open: its entries act on it; and its
   * statement, which the keyboard goes back to when the menu closes. */
  RgStatementCard    *menu_card;
  RgStatement        *menu_statement;
};

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_ZOOM,
  PROP_FITTING_ZOOM,
  PROP_BLIND,
  PROP_MEETING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgDiagnosisView, rg_diagnosis_view, GTK_TYPE_WIDGET)

static void rg_diagnosis_view_rebuild (RgDiagnosisView *self);

static RgSession *
get_session (RgDiagnosisView *self)
{
  return rg_session_editor_get_session (self->editor);
}

/* A partner's contribution shows their column only, to fill in: the
 * rest of the session (other partners, syntheses, the shape of the
 * grid) is the coordinator's. */
static gboolean
is_contribution (RgDiagnosisView *self)
{
  return rg_session_get_kind (get_session (self)) == RG_SESSION_KIND_CONTRIBUTION;
}

/* The partners in the order of their columns: listed, or shuffled in a
 * blind round. */
static void
update_columns (RgDiagnosisView *self)
{
  RgSession *session = get_session (self);
  g_autoptr(GPtrArray) partners = rg_partner_label_dup_blind_order (session);
  const char *contributor_id = rg_session_get_contributor_id (session);

  g_ptr_array_set_size (self->columns, 0);
  for (guint i = 0; i < partners->len; i++)
    {
      RgPartner *partner = g_ptr_array_index (partners, i);

      if (!is_contribution (self) || contributor_id == NULL ||
          g_str_equal (rg_partner_get_id (partner), contributor_id))
        g_ptr_array_add (self->columns, g_object_ref (partner));
    }
}

/* In a meeting, the family's columns stay in view when not all fit;
 * not in a blind round, where that would say whose they are. */
static void
update_pinned_columns (RgDiagnosisView *self)
{
  for (guint c = 0; c < self->columns->len && c < rg_diagnosis_grid_get_n_columns (self->grid); c++)
    {
      RgPartnerRole role = rg_partner_get_role (g_ptr_array_index (self->columns, c));

      rg_diagnosis_grid_set_column_pinned (self->grid, c,
                                           self->meeting && !self->blind &&
                                           (role == RG_PARTNER_ROLE_FAMILY ||
                                            role == RG_PARTNER_ROLE_YOUNG_PERSON));
    }
}

/* The largest zoom at which every column fits the grid's width, with
 * the narrower columns of a meeting. */
static void
update_fitting_zoom (RgDiagnosisView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->grid));
  double fitting;

  if (width <= 0)
    return;

  /* A pixel or two to spare: sizes are rounded down to whole pixels. */
  fitting = (width - 2.0) / (MEETING_ROW_HEADER_WIDTH + (double) self->columns->len * MEETING_COLUMN_WIDTH);
  fitting = CLAMP (fitting, 0.5, 4.0);
  if (G_APPROX_VALUE (self->fitting_zoom, fitting, 0.005))
    return;

  self->fitting_zoom = fitting;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FITTING_ZOOM]);
}

static void
update_column_widths (RgDiagnosisView *self)
{
  int column = self->meeting ? MEETING_COLUMN_WIDTH : BASE_COLUMN_WIDTH;
  int header = self->meeting ? MEETING_ROW_HEADER_WIDTH : BASE_ROW_HEADER_WIDTH;

  rg_diagnosis_grid_set_column_width (self->grid, (int) (column * self->zoom));
  rg_diagnosis_grid_set_row_header_width (self->grid, (int) (header * self->zoom));
}

/* {{{ Headers and footers */

static void
partner_subtitle_changed (GtkLabel  *label,
                          GParamSpec *pspec,
                          RgPartner *partner)
{
  const char *profession = rg_partner_get_profession (partner);
  const char *institution = rg_partner_get_institution (partner);
  g_autofree char *text = NULL;

  if (profession && *profession && institution && *institution)
    /* Translators: under a partner's name: "Enseignante · École Jules Ferry". */
    text = g_strdup_printf (_("%s · %s"), profession, institution);
  else
    text = g_strdup (profession && *profession ? profession : institution ? institution : "");

  gtk_label_set_label (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text[0] != '\0');
}

typedef struct
{
  const char *label;
  const char *action;
} MenuEntry;

/* The menu of a partner's or dimension's header: its entries, then the
 * removal apart; every entry names the object by id. */
static GMenuModel *
header_menu (const MenuEntry *entries,
             guint            n_entries,
             const MenuEntry *removal,
             const char      *id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (guint i = 0; i <= n_entries; i++)
    {
      const MenuEntry *entry = i < n_entries ? &entries[i] : removal;
      g_autoptr(GMenuItem) item = g_menu_item_new (_(entry->label), NULL);

      g_menu_item_set_action_and_target (item, entry->action, "s", id);
      g_menu_append_item (i < n_entries ? menu : section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  return G_MENU_MODEL (menu);
}

/* A menu's popover is made when it is first opened: a big session has
 * dozens of headers, and opening it would make them all. */
static GtkWidget *
header_menu_button (GMenuModel *menu,
                    const char *name)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *label = NULL;

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  rg_menu_button_set_menu_later (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: the menu of a partner's column or a dimension's row:
   * "Options for Mme Martin". */
  label = g_strdup_printf (_("Options for %s"), name);
  gtk_widget_set_tooltip_text (button, label);
  rg_accessible_set_label (button, label);

  return button;
}

/* How the view names @partner: by name, or in a blind round by the
 * letter of the partner's column (“Partner B”). */
static char *
dup_partner_label (RgDiagnosisView *self,
                   RgPartner       *partner)
{
  return rg_partner_label_dup (self->editor != NULL ? get_session (self) : NULL, partner, self->blind);
}

/* A screen reader reads a column header by its name: the partner's,
 * and their profession ("Mme Martin, Enseignante"). */
static void
update_partner_header_name (GtkWidget  *header,
                            GParamSpec *pspec,
                            RgPartner  *partner)
{
  const char *name = rg_partner_get_name (partner);
  const char *profession = rg_partner_get_profession (partner);
  g_autofree char *label = NULL;

  if (profession != NULL && profession[0] != '\0')
    /* Translators: the accessible name of a partner's column: "Mme
     * Martin, Enseignante". */
    label = g_strdup_printf (_("%s, %s"), name ? name : "", profession);
  else
    label = g_strdup (name ? name : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_dimension_header_name (GtkWidget   *header,
                              GParamSpec  *pspec,
                              RgDimension *dimension)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rg_dimension_get_name (dimension), -1);
}

static GtkWidget *
create_blind_partner_header (RgDiagnosisView *self,
                             RgPartner       *partner)
{
  g_autofree char *label = dup_partner_label (self, partner);
  GtkWidget *header, *swatch, *name;

  header = g_object_new (GTK_TYPE_BOX,
                         "orientation", GTK_ORIENTATION_VERTICAL,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                         NULL);
  gtk_widget_add_css_class (header, "partner-header");
  gtk_widget_add_css_class (header, "blind");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  swatch = gtk_drawing_area_new ();
  gtk_widget_add_css_class (swatch, "partner-colour");
  gtk_widget_add_css_class (swatch, "neutral");
  gtk_box_append (GTK_BOX (header), swatch);

  name = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "partner-name");
  gtk_box_append (GTK_BOX (header), name);

  return header;
}

static GtkWidget *
create_partner_header (RgDiagnosisView *self,
                       RgPartner       *partner)
{
  static const MenuEntry entries[] = {
    { N_("_Edit Partner…"), "diagnosis.edit-partner" },
    { N_("Move _Left"), "diagnosis.move-partner-left" },
    { N_("Move _Right"), "diagnosis.move-partner-right" },
  };
  static const MenuEntry removal = { N_("_Remove Partner"), "diagnosis.remove-partner" };
  g_autoptr(GMenuModel) menu = header_menu (entries, G_N_ELEMENTS (entries), &removal,
                                            rg_partner_get_id (partner));
  GtkWidget *header, *swatch, *text, *name, *subtitle, *row;

  /* No name, no profession, no colour, and no menu: editing the
   * partner would show who it is. */
  if (self->blind)
    return create_blind_partner_header (self, partner);

  header = g_object_new (GTK_TYPE_BOX,
                         "orientation", GTK_ORIENTATION_VERTICAL,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                         NULL);
  gtk_widget_add_css_class (header, "partner-header");
  g_signal_connect_object (partner, "notify::name", G_CALLBACK (update_partner_header_name),
                           header, G_CONNECT_SWAPPED);
  g_signal_connect_object (partner, "notify::profession", G_CALLBACK (update_partner_header_name),
                           header, G_CONNECT_SWAPPED);
  update_partner_header_name (header, NULL, partner);

  swatch = rg_partner_swatch_new (partner, FALSE);
  gtk_widget_add_css_class (swatch, "partner-colour");
  gtk_box_append (GTK_BOX (header), swatch);

  /* A grid, not a box: a horizontal box asked for its height at a
   * width searches for its wrapping child's width over a dozen
   * heights, laying the texts out each time; a grid gives it the
   * width left beside the menu and asks its height once. */
  row = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (row), 6);
  gtk_box_append (GTK_BOX (header), row);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_grid_attach (GTK_GRID (row), text, 0, 0, 1, 1);

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "partner-name");
  g_object_bind_property (partner, "name", name, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (text), name);

  subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "partner-subtitle");
  g_signal_connect_object (partner, "notify::profession", G_CALLBACK (partner_subtitle_changed),
                           subtitle, G_CONNECT_SWAPPED);
  g_signal_connect_object (partner, "notify::institution", G_CALLBACK (partner_subtitle_changed),
                           subtitle, G_CONNECT_SWAPPED);
  partner_subtitle_changed (GTK_LABEL (subtitle), NULL, partner);
  gtk_box_append (GTK_BOX (text), subtitle);

  if (!is_contribution (self))
    gtk_grid_attach (GTK_GRID (row), header_menu_button (menu, rg_partner_get_name (partner)),
                     1, 0, 1, 1);

  return header;
}

static GtkWidget *
create_dimension_header (RgDiagnosisView *self,
                         RgDimension     *dimension)
{
  static const MenuEntry entries[] = {
    { N_("Re_name Dimension…"), "diagnosis.rename-dimension" },
    { N_("Move _Up"), "diagnosis.move-dimension-up" },
    { N_("Move _Down"), "diagnosis.move-dimension-down" },
  };
  static const MenuEntry removal = { N_("_Remove Dimension"), "diagnosis.remove-dimension" };
  g_autoptr(GMenuModel) menu = header_menu (entries, G_N_ELEMENTS (entries), &removal,
                                            rg_dimension_get_id (dimension));
  GtkWidget *header, *name;

  /* A grid, not a box, as for a partner's header */
  header = g_object_new (GTK_TYPE_GRID,
                         "column-spacing", 6,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_ROW_HEADER,
                         NULL);
  gtk_widget_add_css_class (header, "dimension-header");
  g_signal_connect_object (dimension, "notify::name", G_CALLBACK (update_dimension_header_name),
                           header, G_CONNECT_SWAPPED);
  update_dimension_header_name (header, NULL, dimension);

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_yalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_valign (name, GTK_ALIGN_START);
  gtk_widget_add_css_class (name, "dimension-name");
  g_object_bind_property (dimension, "name", name, "label", G_BINDING_SYNC_CREATE);
  gtk_grid_attach (GTK_GRID (header), name, 0, 0, 1, 1);

  if (!is_contribution (self))
    gtk_grid_attach (GTK_GRID (header), header_menu_button (menu, rg_dimension_get_name (dimension)),
                     1, 0, 1, 1);

  return header;
}

static void
on_synthesis_committed (RgEditableText *text,
                        const char     *synthesis,
                        RgDimension    *dimension)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (text),
                                                                      RG_TYPE_DIAGNOSIS_VIEW));

  rg_session_editor_set (self->editor, _("Edit synthesis"), dimension, "synthesis", synthesis);
}

/* The synthesis is read by its name, then its text (its description,
 * which RgEditableText keeps). */
static void
update_synthesis_name (GtkWidget   *text,
                       GParamSpec  *pspec,
                       RgDimension *dimension)
{
  g_autofree char *label = NULL;

  /* Translators: the accessible name of a dimension's synthesis:
   * "Synthesis of Santé". */
  label = g_strdup_printf (_("Synthesis of %s"), rg_dimension_get_name (dimension));
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
create_synthesis_row (RgDiagnosisView *self,
                      RgDimension     *dimension)
{
  GtkWidget *row, *title, *text;

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (row, "synthesis");

  title = gtk_label_new (_("Synthesis"));
  gtk_label_set_yalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "synthesis-title");
  gtk_box_append (GTK_BOX (row), title);

  text = rg_editable_text_new ();
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_focusable (text, TRUE);
  gtk_widget_add_css_class (text, "synthesis-text");
  rg_editable_text_set_placeholder (RG_EDITABLE_TEXT (text),
                                    _("What the team agrees on (Enter to write)"));
  g_object_bind_property (dimension, "synthesis", text, "text", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (dimension, "notify::name", G_CALLBACK (update_synthesis_name),
                           text, G_CONNECT_SWAPPED);
  update_synthesis_name (text, NULL, dimension);
  rg_editable_text_set_undo_stack (RG_EDITABLE_TEXT (text),
                                   rg_session_editor_get_undo_stack (self->editor), NULL);
  g_signal_connect_object (text, "changed", G_CALLBACK (on_synthesis_committed), dimension, 0);
  g_signal_connect_object (text, "committed", G_CALLBACK (on_synthesis_committed), dimension, 0);
  gtk_box_append (GTK_BOX (row), text);
  g_object_set_data (G_OBJECT (row), "text", text);

  return row;
}

/* }}} */
/* {{{ Building the grid */

static gboolean
rebuild_idle (gpointer user_data)
{
  RgDiagnosisView *self = user_data;

  self->rebuild_source = 0;
  rg_diagnosis_view_rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (RgDiagnosisView *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle, self, NULL);
}

static char *
cell_key (const char *partner_id,
          const char *dimension_id)
{
  return g_strconcat (partner_id, " ", dimension_id, NULL);
}

/* Partner and dimension → the statements of that cell, in order. */
static GHashTable *
group_statements (RgDiagnosisView *self)
{
  GListModel *statements = rg_session_get_statements (get_session (self));
  GHashTable *by_cell = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  guint n = g_list_model_get_n_items (statements);

  for (guint i = 0; i < n; i++)
    {
      RgStatement *statement = g_list_model_get_item (statements, i);
      char *key = cell_key (rg_statement_get_partner_id (statement),
                            rg_statement_get_dimension_id (statement));
      GPtrArray *cell = g_hash_table_lookup (by_cell, key);

      if (cell == NULL)
        {
          cell = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_cell, key, cell);
        }
      else
        g_free (key);

      g_ptr_array_add (cell, statement);
    }

  return by_cell;
}

static void
on_cell_toggle_selection (RgDiagnosisView *self,
                          RgStatement     *statement)
{
  rg_diagnosis_view_set_selected (self, statement, !rg_diagnosis_view_is_selected (self, statement));
}

/* The cell reads the selection and tells the view what its cards ask
 * for: a menu, a change of the selection, a link lit up. */
static GtkWidget *
create_cell (RgDiagnosisView *self,
             RgPartner       *partner,
             RgDimension     *dimension,
             GPtrArray       *statements,
             GHashTable      *column_statements)
{
  GtkWidget *cell = rg_diagnosis_cell_new (self->editor, partner, dimension, statements,
                                           column_statements, self->selection, self->blind);

  g_signal_connect_swapped (cell, "link-hovered",
                            G_CALLBACK (rg_diagnosis_view_highlight_link), self);
  g_signal_connect_swapped (cell, "popup-card-menu",
                            G_CALLBACK (rg_diagnosis_view_popup_card_menu), self);
  g_signal_connect_swapped (cell, "toggle-selection",
                            G_CALLBACK (on_cell_toggle_selection), self);

  return cell;
}

static void
rg_diagnosis_view_rebuild (RgDiagnosisView *self)
{
  GListModel *dimensions;
  guint n_partners, n_dimensions;
  GtkWidget *corner;
  g_autoptr(GHashTable) by_cell = NULL;
  g_autoptr(GHashTable) column_statements = NULL;
  g_autoptr(RgDiagnosisCell) focused = NULL;
  guint focus_column = 0, focus_row = 0;
  int focus_index = -1;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  if (self->editor == NULL)
    {
      g_ptr_array_set_size (self->columns, 0);
      rg_diagnosis_grid_reset (self->grid, 0, 0);
      return;
    }

  /* Keep the keyboard where it was across a rebuild. */
  if ((focused = rg_diagnosis_view_get_focused_cell (self)))
    {
      g_object_ref (focused);
      focus_index = rg_diagnosis_cell_get_focus_index (focused);
      for (guint c = 0; c < rg_diagnosis_grid_get_n_columns (self->grid); c++)
        for (guint r = 0; r < rg_diagnosis_grid_get_n_rows (self->grid); r++)
          if (rg_diagnosis_grid_get_cell (self->grid, c, r) == GTK_WIDGET (focused))
            focus_column = c, focus_row = r;
    }

  update_columns (self);
  dimensions = rg_session_get_dimensions (get_session (self));
  n_partners = self->columns->len;
  n_dimensions = g_list_model_get_n_items (dimensions);

  rg_diagnosis_grid_reset (self->grid, n_partners, n_dimensions);
  update_pinned_columns (self);
  update_fitting_zoom (self);

  corner = gtk_label_new (_("Dimensions"));
  gtk_label_set_xalign (GTK_LABEL (corner), 0);
  gtk_label_set_yalign (GTK_LABEL (corner), 1);
  gtk_widget_add_css_class (corner, "grid-corner");
  rg_diagnosis_grid_set_corner (self->grid, corner);

  for (guint c = 0; c < n_partners; c++)
    rg_diagnosis_grid_set_column_header (self->grid, c,
                                         create_partner_header (self, g_ptr_array_index (self->columns, c)));

  /* The statements of every cell, in one pass over them all; those of
   * each column the cells filter once they follow the session. */
  by_cell = group_statements (self);
  column_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint r = 0; r < n_dimensions; r++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, r);

      rg_diagnosis_grid_set_row_header (self->grid, r, create_dimension_header (self, dimension));
      if (!is_contribution (self))
        rg_diagnosis_grid_set_row_footer (self->grid, r, create_synthesis_row (self, dimension));

      for (guint c = 0; c < n_partners; c++)
        {
          RgPartner *partner = g_ptr_array_index (self->columns, c);
          g_autofree char *key = cell_key (rg_partner_get_id (partner), rg_dimension_get_id (dimension));
          GPtrArray *statements = g_hash_table_lookup (by_cell, key);
          g_autoptr(GPtrArray) none = statements ? NULL : g_ptr_array_new ();

          rg_diagnosis_grid_set_cell (self->grid, c, r,
                                      create_cell (self, partner, dimension,
                                                   statements ? statements : none,
                                                   column_statements));
        }
    }

  gtk_widget_set_visible (self->content, n_partners > 0 && n_dimensions > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n_partners == 0 || n_dimensions == 0);

  if (focused != NULL && n_partners > 0 && n_dimensions > 0)
    rg_diagnosis_view_focus_cell (self, MIN (focus_column, n_partners - 1),
                                  MIN (focus_row, n_dimensions - 1), MAX (focus_index, 0));
}

/* }}} */
/* {{{ The card an action acts on */

/* The focused card, or the card whose menu is open; with its cell and
 * its place in the cell. */
static RgStatementCard *
get_current_card (RgDiagnosisView  *self,
                  RgDiagnosisCell **cell_out,
                  int              *index_out)
{
  RgDiagnosisCell *cell = rg_diagnosis_view_get_focused_cell (self);
  RgStatementCard *card = cell ? rg_diagnosis_cell_get_focused_card (cell) : NULL;
  GtkWidget *row;

  if (card == NULL && self->menu_card != NULL)
    {
      card = self->menu_card;
      cell = (RgDiagnosisCell *) gtk_widget_get_ancestor (GTK_WIDGET (card), RG_TYPE_DIAGNOSIS_CELL);
    }

  if (card == NULL || cell == NULL)
    return NULL;

  row = gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_LIST_BOX_ROW);
  if (cell_out != NULL)
    *cell_out = cell;
  if (index_out != NULL)
    *index_out = row ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : 0;

  return card;
}

/* }}} */
/* {{{ Selection */

static RgStatementCard *
find_card (RgDiagnosisView *self,
           RgStatement     *statement)
{
  RgSession *session = get_session (self);
  RgPartner *partner = rg_session_find_partner (session, rg_statement_get_partner_id (statement));
  RgDimension *dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
  RgDiagnosisCell *cell;
  guint column, row;

  if (partner == NULL || dimension == NULL ||
      !g_ptr_array_find (self->columns, partner, &column) ||
      (row = rg_list_model_find (rg_session_get_dimensions (session), dimension)) == G_MAXUINT ||
      !(cell = (RgDiagnosisCell *) rg_diagnosis_grid_get_cell (self->grid, column, row)))
    return NULL;

  return rg_diagnosis_cell_get_card (cell, statement);
}

static guint
count_partners (GPtrArray *statements)
{
  g_autoptr(GHashTable) partners = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < statements->len; i++)
    g_hash_table_add (partners, (gpointer) rg_statement_get_partner_id (g_ptr_array_index (statements, i)));

  return g_hash_table_size (partners);
}

static void
update_selection_bar (RgDiagnosisView *self)
{
  guint n = self->selection->len;
  g_autofree char *label = NULL;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement selected",
                                        "%u statements selected", n), n);
  gtk_label_set_label (self->selection_label, label);
  gtk_revealer_set_reveal_child (self->selection_revealer, n > 0);

  /* A link ties the readings of at least two partners. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagnosis.tag",
                                 n >= 2 && count_partners (self->selection) >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagnosis.clear-selection", n > 0);
}

static void
mark_selected (RgDiagnosisView *self,
               RgStatement     *statement,
               gboolean         selected)
{
  RgStatementCard *card = find_card (self, statement);
  GtkWidget *row;

  if (card == NULL)
    return;

  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (card), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (card), "selected");

  if ((row = gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_LIST_BOX_ROW)))
    gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

/**
 * rg_diagnosis_view_is_selected:
 * @self: a #RgDiagnosisView
 * @statement: a statement
 *
 * Returns: whether @statement is selected
 */
gboolean
rg_diagnosis_view_is_selected (RgDiagnosisView *self,
                               RgStatement     *statement)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), FALSE);

  return g_ptr_array_find (self->selection, statement, NULL);
}

/**
 * rg_diagnosis_view_set_selected:
 * @self: a #RgDiagnosisView
 * @statement: a statement of the session
 * @selected: whether to select it
 *
 * Adds @statement to the selection, or takes it out. The selection
 * spans columns: it is what gets tagged as an agreement, a divergence…
 */
void
rg_diagnosis_view_set_selected (RgDiagnosisView *self,
                                RgStatement     *statement,
                                gboolean         selected)
{
  guint index;

  g_return_if_fail (RG_IS_DIAGNOSIS_VIEW (self));
  g_return_if_fail (RG_IS_STATEMENT (statement));

  if (g_ptr_array_find (self->selection, statement, &index) == selected)
    return;

  if (selected)
    g_ptr_array_add (self->selection, g_object_ref (statement));
  else
    g_ptr_array_remove_index (self->selection, index);

  mark_selected (self, statement, selected);
  update_selection_bar (self);
}

/**
 * rg_diagnosis_view_get_selection:
 *
 * Returns: (transfer none) (element-type RgStatement): the selected
 *   statements, in the order they were selected
 */
GPtrArray *
rg_diagnosis_view_get_selection (RgDiagnosisView *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), NULL);

  return self->selection;
}

static void
clear_selection (RgDiagnosisView *self)
{
  while (self->selection->len > 0)
    rg_diagnosis_view_set_selected (self, g_ptr_array_index (self->selection, self->selection->len - 1),
                                    FALSE);
}

/* A statement leaving the session leaves the selection. */
static void
prune_selection (RgDiagnosisView *self)
{
  RgSession *session = get_session (self);

  for (guint i = self->selection->len; i > 0; i--)
    {
      RgStatement *statement = g_ptr_array_index (self->selection, i - 1);

      if (rg_session_find_statement (session, rg_statement_get_id (statement)) != statement)
        rg_diagnosis_view_set_selected (self, statement, FALSE);
    }
}

static void
toggle_focused_selection (RgDiagnosisView *self)
{
  RgStatementCard *card = get_current_card (self, NULL, NULL);
  RgStatement *statement;

  if (card == NULL)
    return;

  statement = rg_statement_card_get_statement (card);
  rg_diagnosis_view_set_selected (self, statement, !rg_diagnosis_view_is_selected (self, statement));
}

static void
select_focused (RgDiagnosisView *self)
{
  RgDiagnosisCell *cell = rg_diagnosis_view_get_focused_cell (self);
  RgStatementCard *card = cell ? rg_diagnosis_cell_get_focused_card (cell) : NULL;

  if (card != NULL)
    rg_diagnosis_view_set_selected (self, rg_statement_card_get_statement (card), TRUE);
}

/* }}} */
/* {{{ The menu of a card */

/* A label for a menu: underscores shown as they are, not mnemonics */
static char *
escape_mnemonics (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/* The start of a text, short enough for a menu's entry */
static char *
shorten_for_menu (const char *text)
{
  const char *end = text;

  for (guint i = 0; i < 60 && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  if (*end == '\0')
    return g_strdup (text);

  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

/* The statements linked to @statement, within reach of the keyboard:
 * a "Links" submenu listing, for each link, the statements it ties
 * this one to; choosing one moves the keyboard to it. */
static void
append_links_submenu (RgDiagnosisView *self,
                      GMenu           *menu,
                      RgStatement     *statement)
{
  RgSession *session = get_session (self);
  GPtrArray *links = rg_link_index_get_links (rg_session_editor_get_link_index (self->editor),
                                              rg_statement_get_id (statement));
  g_autoptr(GMenu) submenu = NULL;

  if (links == NULL || links->len == 0)
    return;

  submenu = g_menu_new ();
  for (guint i = 0; i < links->len; i++)
    {
      RgLink *link = g_ptr_array_index (links, i);
      const char * const *members = rg_link_get_members (link);
      const char *type = rg_link_type_get_label (rg_link_get_link_type (link));
      g_autofree char *kind = rg_link_get_status (link) == RG_LINK_STATUS_SETTLED
                              ? g_strdup_printf (_("%s, settled"), type)
                              : g_strdup_printf (_("%s, open"), type);

      for (guint m = 0; members != NULL && members[m] != NULL; m++)
        {
          RgStatement *other = rg_session_find_statement (session, members[m]);
          RgPartner *partner;
          g_autoptr(GMenuItem) item = NULL;
          g_autofree char *author = NULL;
          g_autofree char *text = NULL;
          g_autofree char *label = NULL;
          g_autofree char *escaped = NULL;

          if (other == NULL || other == statement ||
              !(partner = rg_session_find_partner (session, rg_statement_get_partner_id (other))))
            continue;

          author = rg_partner_label_dup (session, partner, self->blind);
          text = shorten_for_menu (rg_statement_get_text (other));
          /* Translators: an entry of a statement's Links menu: the link,
           * then the statement it leads to: "Divergence, open: Mme
           * Benali, “Il dort mal”". */
          label = g_strdup_printf (_("%s: %s, “%s”"), kind, author, text);
          escaped = escape_mnemonics (label);
          item = g_menu_item_new (escaped, NULL);
          g_menu_item_set_action_and_target (item, "diagnosis.focus-statement", "s",
                                             rg_statement_get_id (other));
          g_menu_append_item (submenu, item);
        }
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (submenu)) > 0)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      g_menu_append_submenu (section, _("_Links"), G_MENU_MODEL (submenu));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
}

static void
on_card_kind_activate (GSimpleAction   *action,
                       GVariant        *parameter,
                       RgDiagnosisView *self)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "diagnosis.set-kind", parameter);
  g_simple_action_set_state (action, parameter);
}

/* What the card menu's radio items act through: the kind of the card
 * as its state. */
static GActionGroup *
card_menu_actions (RgDiagnosisView *self,
                   RgStatement     *statement)
{
  GSimpleActionGroup *group = g_simple_action_group_new ();
  const char *kind = rg_statement_kind_to_string (rg_statement_get_kind (statement));
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("kind", G_VARIANT_TYPE_STRING,
                                                                  g_variant_new_string (kind));

  g_signal_connect_object (action, "activate", G_CALLBACK (on_card_kind_activate), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));

  return G_ACTION_GROUP (group);
}

static GMenuModel *
card_menu (RgDiagnosisView *self,
           RgStatement     *statement)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  GMenu *kinds = g_menu_new ();
  g_autoptr(GArray) matches = rg_glossary_match (rg_statement_get_text (statement),
                                                 rg_session_get_terms (get_session (self)));
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);

  g_menu_append (section, _("_Edit"), "diagnosis.edit-statement");
  g_menu_append (section, _("_Select for a Link"), "diagnosis.toggle-selection");
  g_menu_append (section, _("P_aste as Statements"), "diagnosis.paste-statements");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  /* The glossary words of the text, within reach of the keyboard too. */
  section = g_menu_new ();
  for (guint i = 0; i < matches->len; i++)
    {
      RgTerm *term = g_array_index (matches, RgGlossaryMatch, i).term;
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (!g_hash_table_add (listed, term))
        continue;

      /* Translators: an entry of a statement's menu: "“décrochage” in the Glossary". */
      label = g_strdup_printf (_("“%s” in the Glossary"), rg_term_get_word (term));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "session.show-term", "s", rg_term_get_id (term));
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  /* Radio items: the current kind is marked, and a screen reader says
   * which is checked. They act through the menu's own "card.kind". */
  for (RgStatementKind kind = RG_STATEMENT_KIND_FACT; kind <= RG_STATEMENT_KIND_PROPOSAL; kind++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (rg_statement_kind_get_label (kind), NULL);
      g_autofree char *accel = g_strdup_printf ("<Control>%d", kind - RG_STATEMENT_KIND_FACT + 1);

      g_menu_item_set_action_and_target (item, "card.kind", "s", rg_statement_kind_to_string (kind));
      g_menu_item_set_attribute (item, "accel", "s", accel);
      g_menu_append_item (kinds, item);
    }
  g_menu_append_section (menu, _("Kind"), G_MENU_MODEL (kinds));
  g_object_unref (kinds);

  append_links_submenu (self, menu, statement);

  section = g_menu_new ();
  g_menu_append (section, _("Move _Up"), "diagnosis.move-statement-up");
  g_menu_append (section, _("Move _Down"), "diagnosis.move-statement-down");
  g_menu_append (section, _("Move to the _Previous Dimension"), "diagnosis.move-statement-previous-dimension");
  g_menu_append (section, _("Move to the _Next Dimension"), "diagnosis.move-statement-next-dimension");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  section = g_menu_new ();
  g_menu_append (section, _("_Delete"), "diagnosis.delete-statement");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

static void
drop_card_menu (gpointer data)
{
  GtkWidget *popover = data;
  GtkWidget *card = gtk_widget_get_parent (popover);
  RgDiagnosisView *self = g_object_get_data (G_OBJECT (popover), "view");

  /* The keyboard goes back to the statement the menu was for, wherever
   * its entry moved it, unless someone is typing into it. */
  if (self != NULL && self->menu_statement != NULL &&
      self->editor != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      g_autoptr(RgStatement) statement = g_steal_pointer (&self->menu_statement);
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
      RgStatementCard *now;
      GtkWidget *row;

      g_clear_weak_pointer (&self->menu_card);
      if (!(focus != NULL && GTK_IS_TEXT_VIEW (focus)) &&
          rg_session_find_statement (get_session (self), rg_statement_get_id (statement)) == statement &&
          (now = find_card (self, statement)) &&
          (row = gtk_widget_get_ancestor (GTK_WIDGET (now), GTK_TYPE_LIST_BOX_ROW)))
        gtk_widget_grab_focus (row);
    }

  if (card != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
}

static void
on_card_menu_closed (GtkPopover      *popover,
                     RgDiagnosisView *self)
{
  /* Dropped once its closing is over and its entry has acted, not from
   * within it; the card may be gone by then, having unparented it. */
  g_object_set_data_full (G_OBJECT (popover), "view", g_object_ref (self), g_object_unref);
  g_idle_add_once (drop_card_menu, g_object_ref (popover));
}

/**
 * rg_diagnosis_view_popup_card_menu:
 * @self: a #RgDiagnosisView
 * @card: a card of the view
 * @x: where to point, in @card's coordinates, or a negative value for
 *   the card's middle
 * @y: the same, vertically
 *
 * Gives the keyboard focus to @card and shows its menu: edit, kind,
 * moves, delete. The menu's entries act on the focused card.
 */
void
rg_diagnosis_view_popup_card_menu (RgDiagnosisView *self,
                                   RgStatementCard *card,
                                   double           x,
                                   double           y)
{
  g_autoptr(GMenuModel) model = card_menu (self, rg_statement_card_get_statement (card));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *popover;
  GdkRectangle at;

  g_return_if_fail (RG_IS_DIAGNOSIS_VIEW (self));
  g_return_if_fail (RG_IS_STATEMENT_CARD (card));

  if (row != NULL)
    gtk_widget_grab_focus (row);

  if (x < 0 || y < 0)
    {
      x = gtk_widget_get_width (GTK_WIDGET (card)) / 2.;
      y = gtk_widget_get_height (GTK_WIDGET (card)) / 2.;
    }
  at = (GdkRectangle) { (int) x, (int) y, 1, 1 };

  /* Its actions before its entries, which read their state when made */
  popover = gtk_popover_menu_new_from_model (NULL);
  {
    g_autoptr(GObject) actions = (GObject *) card_menu_actions (self, rg_statement_card_get_statement (card));

    gtk_widget_insert_action_group (popover, "card", G_ACTION_GROUP (actions));
  }
  gtk_widget_set_parent (popover, GTK_WIDGET (card));
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (popover), model);
  g_set_weak_pointer (&self->menu_card, card);
  g_set_object (&self->menu_statement, rg_statement_card_get_statement (card));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &at);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  g_signal_connect (popover, "closed", G_CALLBACK (on_card_menu_closed), self);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* }}} */
/* {{{ Keyboard flow between cells */

static gboolean
find_cell_position (RgDiagnosisView *self,
                    RgDiagnosisCell *cell,
                    guint           *column,
                    guint           *row)
{
  for (guint r = 0; r < rg_diagnosis_grid_get_n_rows (self->grid); r++)
    for (guint c = 0; c < rg_diagnosis_grid_get_n_columns (self->grid); c++)
      if (rg_diagnosis_grid_get_cell (self->grid, c, r) == GTK_WIDGET (cell))
        {
          *column = c;
          *row = r;
          return TRUE;
        }

  return FALSE;
}

static gboolean
find_synthesis_row (RgDiagnosisView *self,
                    GtkWidget       *focus,
                    guint           *row)
{
  for (guint r = 0; r < rg_diagnosis_grid_get_n_rows (self->grid); r++)
    {
      GtkWidget *footer = rg_diagnosis_grid_get_row_footer (self->grid, r);

      if (footer != NULL && (focus == footer || gtk_widget_is_ancestor (focus, footer)))
        {
          *row = r;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
focus_synthesis (RgDiagnosisView *self,
                 guint            row)
{
  GtkWidget *footer = rg_diagnosis_grid_get_row_footer (self->grid, row);
  GtkWidget *text = footer ? g_object_get_data (G_OBJECT (footer), "text") : NULL;

  return text != NULL && gtk_widget_grab_focus (text);
}

/* Tab goes through the grid in reading order: each partner's cell of a
 * dimension, then its synthesis, then the next dimension; from a card
 * with links, through its badges first. The grid does it itself
 * because cells far out of view are not shown, and GTK's own focus
 * chain would skip them. */
static gboolean
move_tab (RgDiagnosisView *self,
          GtkWidget       *focus,
          gboolean         backward)
{
  guint n_columns = rg_diagnosis_grid_get_n_columns (self->grid);
  guint n_rows = rg_diagnosis_grid_get_n_rows (self->grid);
  RgDiagnosisCell *cell = rg_diagnosis_view_get_focused_cell (self);
  RgStatementCard *card = cell ? rg_diagnosis_cell_get_focused_card (cell) : NULL;
  guint column, row;

  if (card != NULL && rg_statement_card_move_badge_focus (card, backward))
    return TRUE;

  if (cell != NULL && find_cell_position (self, cell, &column, &row))
    {
      if (!backward)
        return column + 1 < n_columns ? rg_diagnosis_view_focus_cell (self, column + 1, row, 0)
                                      : focus_synthesis (self, row) ||
                                        (row + 1 < n_rows && rg_diagnosis_view_focus_cell (self, 0, row + 1, 0));
      if (column > 0)
        return rg_diagnosis_view_focus_cell (self, column - 1, row, 0);
      /* Without syntheses (a contribution), from row to row */
      return row > 0 && (focus_synthesis (self, row - 1) ||
                         rg_diagnosis_view_focus_cell (self, n_columns - 1, row - 1, 0));
    }

  if (find_synthesis_row (self, focus, &row))
    {
      if (!backward)
        return row + 1 < n_rows && rg_diagnosis_view_focus_cell (self, 0, row + 1, 0);
      return n_columns > 0 && rg_diagnosis_view_focus_cell (self, n_columns - 1, row, 0);
    }

  return FALSE;
}

/* Moves the focus by one card in the direction of an arrow key, from
 * cell to cell at the edges. Within a cell, only when @within_cell: the
 * list of the cell does it itself otherwise. */
static gboolean
move_focus (RgDiagnosisView *self,
            guint            keyval,
            gboolean         within_cell)
{
  RgDiagnosisCell *cell = rg_diagnosis_view_get_focused_cell (self);
  guint column, row;
  int index, n;

  if (cell == NULL || !find_cell_position (self, cell, &column, &row))
    return FALSE;

  index = rg_diagnosis_cell_get_focus_index (cell);
  n = (int) rg_diagnosis_cell_get_n_statements (cell);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return column > 0 && rg_diagnosis_view_focus_cell (self, column - 1, row, MAX (index, 0));

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return rg_diagnosis_view_focus_cell (self, column + 1, row, MAX (index, 0));

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (index > 0)
        {
          if (!within_cell)
            return FALSE;
          rg_diagnosis_cell_focus_statement (cell, index - 1);
          return TRUE;
        }
      return row > 0 && rg_diagnosis_view_focus_cell (self, column, row - 1, -1);

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (index >= 0 && index < n - 1)
        {
          if (!within_cell)
            return FALSE;
          rg_diagnosis_cell_focus_statement (cell, index + 1);
          return TRUE;
        }
      return rg_diagnosis_view_focus_cell (self, column, row + 1, 0);

    default:
      return FALSE;
    }
}

static gboolean paste_into_new_card (RgDiagnosisView *self,
                                     GtkWidget       *text_view);

static gboolean
on_key_pressed (RgDiagnosisView       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType modifiers = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);
  gboolean arrow = keyval == GDK_KEY_Left || keyval == GDK_KEY_Right ||
                   keyval == GDK_KEY_Up || keyval == GDK_KEY_Down ||
                   keyval == GDK_KEY_KP_Left || keyval == GDK_KEY_KP_Right ||
                   keyval == GDK_KEY_KP_Up || keyval == GDK_KEY_KP_Down;
  GtkWidget *focus;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid)))
    return GDK_EVENT_PROPAGATE;

  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab) &&
      (modifiers & ~GDK_SHIFT_MASK) == 0)
    {
      /* Tab while typing ends the typing first. */
      if (GTK_IS_TEXT_VIEW (focus))
        {
          GtkWidget *editable = gtk_widget_get_ancestor (focus, RG_TYPE_EDITABLE_TEXT);

          if (editable != NULL)
            rg_editable_text_stop_editing (RG_EDITABLE_TEXT (editable));
          focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
          if (focus == NULL)
            return GDK_EVENT_PROPAGATE;
        }

      return move_tab (self, focus, keyval == GDK_KEY_ISO_Left_Tab || modifiers == GDK_SHIFT_MASK)
             ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
    }

  if (GTK_IS_TEXT_VIEW (focus))
    {
      /* Before the text view's own paste, which would take it all in */
      if ((keyval == GDK_KEY_v || keyval == GDK_KEY_V) && modifiers == GDK_CONTROL_MASK &&
          paste_into_new_card (self, focus))
        return GDK_EVENT_STOP;

      return GDK_EVENT_PROPAGATE;
    }

  /* Space selects the focused card, Shift and an arrow extend the
   * selection to the next card, Escape clears it. */
  if ((keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space) && modifiers == 0 &&
      rg_diagnosis_view_get_focused_cell (self) != NULL)
    {
      toggle_focused_selection (self);
      return GDK_EVENT_STOP;
    }

  /* The Menu key, or Shift+F10, opens the focused card's menu. */
  if ((keyval == GDK_KEY_Menu && modifiers == 0) || (keyval == GDK_KEY_F10 && modifiers == GDK_SHIFT_MASK))
    {
      RgDiagnosisCell *cell = rg_diagnosis_view_get_focused_cell (self);
      RgStatementCard *card = cell ? rg_diagnosis_cell_get_focused_card (cell) : NULL;

      if (card == NULL)
        return GDK_EVENT_PROPAGATE;

      rg_diagnosis_view_popup_card_menu (self, card, -1, -1);
      return GDK_EVENT_STOP;
    }

  if (keyval == GDK_KEY_Escape && modifiers == 0 && self->selection->len > 0)
    {
      clear_selection (self);
      return GDK_EVENT_STOP;
    }

  if (arrow && modifiers == GDK_SHIFT_MASK && rg_diagnosis_view_get_focused_cell (self) != NULL)
    {
      select_focused (self);
      move_focus (self, keyval, TRUE);
      select_focused (self);
      return GDK_EVENT_STOP;
    }

  if (arrow && modifiers == 0)
    return move_focus (self, keyval, FALSE) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

  return GDK_EVENT_PROPAGATE;
}

/* }}} */
/* {{{ Actions */

static void
toggle_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  toggle_focused_selection (RG_DIAGNOSIS_VIEW (widget));
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  clear_selection (RG_DIAGNOSIS_VIEW (widget));
}

typedef struct
{
  guint row;
  guint column;
  guint index;
} Place;

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const Place *pa = a, *pb = b;

  if (pa->row != pb->row)
    return pa->row < pb->row ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return pa->index < pb->index ? -1 : pa->index > pb->index;
}

/* Where the statements of open divergences are, in reading order. */
static GArray *
list_open_divergences (RgDiagnosisView *self)
{
  RgSession *session = get_session (self);
  GListModel *dimensions = rg_session_get_dimensions (session);
  GArray *places = g_array_new (FALSE, FALSE, sizeof (Place));

  for (guint r = 0; r < g_list_model_get_n_items (dimensions); r++)
    for (guint c = 0; c < self->columns->len; c++)
      {
        g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, r);
        RgPartner *partner = g_ptr_array_index (self->columns, c);
        g_autoptr(GPtrArray) cell = rg_session_editor_list_cell (self->editor, rg_partner_get_id (partner),
                                                                rg_dimension_get_id (dimension));

        for (guint i = 0; i < cell->len; i++)
          {
            GPtrArray *links = rg_link_index_get_links (rg_session_editor_get_link_index (self->editor),
                                                        rg_statement_get_id (g_ptr_array_index (cell, i)));

            for (guint l = 0; links != NULL && l < links->len; l++)
              {
                RgLink *link = g_ptr_array_index (links, l);

                if (rg_link_get_link_type (link) == RG_LINK_TYPE_DIVERGENCE &&
                    rg_link_get_status (link) == RG_LINK_STATUS_OPEN)
                  {
                    Place place = { r, c, i };

                    g_array_append_val (places, place);
                    break;
                  }
              }
          }
      }

  g_array_sort (places, compare_places);
  return places;
}

/* The card the keyboard is brought to says why first, before the
 * focus reaches it, so that a screen reader reads it with the card. */
static void
mark_reason (RgDiagnosisView *self,
             guint            column,
             guint            row,
             guint            index)
{
  RgDiagnosisCell *cell = rg_diagnosis_view_get_cell (self, column, row);
  g_autoptr(GPtrArray) statements = NULL;
  g_autofree char *reason = NULL;
  RgStatementCard *card;

  if (cell == NULL)
    return;

  rg_diagnosis_cell_populate (cell);
  statements = rg_session_editor_list_cell (self->editor,
                                            rg_partner_get_id (rg_diagnosis_cell_get_partner (cell)),
                                            rg_dimension_get_id (rg_diagnosis_cell_get_dimension (cell)));
  if (index >= statements->len ||
      !(card = rg_diagnosis_cell_get_card (cell, g_ptr_array_index (statements, index))))
    return;

  /* Translators: why the keyboard went to a statement: "Divergence, open". */
  reason = g_strdup_printf (_("%s, open"), rg_link_type_get_label (RG_LINK_TYPE_DIVERGENCE));
  rg_statement_card_set_reason (card, reason);
}

static void
next_divergence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  gboolean backward = g_str_has_prefix (action_name, "diagnosis.previous");
  g_autoptr(GArray) places = list_open_divergences (self);
  RgDiagnosisCell *cell = rg_diagnosis_view_get_focused_cell (self);
  Place here = { 0, 0, 0 };
  const Place *target = NULL;

  if (places->len == 0)
    {
      /* Said where the keyboard is, too */
      rg_widget_show_toast (widget, _("No open divergence"));
      return;
    }

  /* The next one after where the keyboard is, going round at the end;
   * from outside the grid, the first (or the last). */
  if (cell != NULL && find_cell_position (self, cell, &here.column, &here.row))
    here.index = MAX (rg_diagnosis_cell_get_focus_index (cell), 0);
  else
    target = &g_array_index (places, Place, backward ? places->len - 1 : 0);

  for (guint i = 0; target == NULL && i < places->len; i++)
    {
      const Place *place = &g_array_index (places, Place, backward ? places->len - 1 - i : i);
      int order = compare_places (place, &here);

      if ((!backward && order > 0) || (backward && order < 0))
        target = place;
    }
  if (target == NULL)
    target = &g_array_index (places, Place, backward ? places->len - 1 : 0);

  mark_reason (self, target->column, target->row, target->index);
  rg_diagnosis_view_focus_cell (self, target->column, target->row, (int) target->index);
}

/* From a card's Links menu: the keyboard goes to a linked statement,
 * and stays there once the menu is closed. */
static void
focus_statement_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  RgStatement *statement = rg_session_find_statement (get_session (self),
                                                      g_variant_get_string (parameter, NULL));

  if (statement == NULL)
    return;

  if (self->menu_statement != NULL)
    g_set_object (&self->menu_statement, statement);
  rg_diagnosis_view_focus_statement (self, statement);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  RgLinkType type;

  if (!rg_link_type_from_string (g_variant_get_string (parameter, NULL), &type))
    return;

  for (guint i = 0; i < self->selection->len; i++)
    g_strv_builder_add (builder, rg_statement_get_id (g_ptr_array_index (self->selection, i)));
  ids = g_strv_builder_end (builder);

  if (!rg_session_editor_add_link (self->editor, type, (const char * const *) ids, &error))
    {
      rg_widget_show_toast (widget, error->message);
      return;
    }

  clear_selection (self);
}



static void
add_statement_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  RgDiagnosisCell *cell = rg_diagnosis_view_get_focused_cell (self);
  RgStatementCard *card;

  if (cell == NULL)
    {
      if (!rg_diagnosis_view_focus_cell (self, 0, 0, -1))
        return;
      cell = rg_diagnosis_view_get_focused_cell (self);
    }

  card = rg_diagnosis_cell_get_focused_card (cell);
  rg_diagnosis_cell_add_statement (cell, card ? rg_statement_card_get_statement (card) : NULL);
}

typedef struct
{
  RgDiagnosisView *view;
  RgDiagnosisCell *cell;
  RgStatement     *after;       /* nullable */
  RgStatementCard *new_card;    /* the empty card being typed into, if any */
  GtkTextView     *text_view;   /* its editor */
} Paste;

static void
paste_free (Paste *paste)
{
  g_clear_object (&paste->view);
  g_clear_object (&paste->cell);
  g_clear_object (&paste->after);
  g_clear_object (&paste->new_card);
  g_clear_object (&paste->text_view);
  g_free (paste);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Paste, paste_free)

static void
paste_text_cb (GObject      *clipboard,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  RgDiagnosisView *self = paste->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_autoptr(GPtrArray) added = NULL;
  g_autofree char *title = NULL;
  RgStatement *after = paste->after;
  RgStatementCard *card;

  /* The grid may have been rebuilt, or the window closed, meanwhile. */
  if (self->editor == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  /* Into a new card, text of several paragraphs makes as many
   * statements instead; anything else is pasted as typed. */
  if (paste->text_view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (paste->text_view);
      g_auto(GStrv) paragraphs = text ? rg_text_split_paragraphs (text) : NULL;

      if (paragraphs == NULL || g_strv_length (paragraphs) < 2 ||
          !rg_statement_card_get_editing (paste->new_card) ||
          gtk_text_buffer_get_char_count (buffer) > 0)
        {
          if (text != NULL && gtk_widget_get_root (GTK_WIDGET (paste->text_view)) != NULL)
            gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
          return;
        }

      /* Left empty, the new card goes away as if never added. */
      rg_statement_card_stop_editing (paste->new_card);
    }

  if (text == NULL)
    {
      g_debug ("Nothing to paste: %s", error ? error->message : "no text");
      rg_widget_show_toast (GTK_WIDGET (self), _("The clipboard holds no text to paste"));
      return;
    }

  if (after != NULL && rg_session_find_statement (get_session (self), rg_statement_get_id (after)) != after)
    after = NULL;
  added = rg_session_editor_paste_statements (self->editor, rg_diagnosis_cell_get_partner (paste->cell),
                                              rg_diagnosis_cell_get_dimension (paste->cell), after, text);
  if (added->len == 0)
    {
      rg_widget_show_toast (GTK_WIDGET (self), _("Nothing to paste: the text is empty"));
      return;
    }

  if ((card = find_card (self, g_ptr_array_index (added, added->len - 1))))
    gtk_widget_grab_focus (gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_LIST_BOX_ROW));
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement pasted",
                                        "%u statements pasted", added->len), added->len);
  rg_undo_toast_show (GTK_WIDGET (self), title);
}

static void
read_clipboard (RgDiagnosisView *self,
                Paste           *paste)
{
  paste->view = g_object_ref (self);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL, paste_text_cb, paste);
}

/* Ctrl+V typing into a new, empty card: the text goes in that card, or,
 * of several paragraphs, becomes as many statements in its place. */
static gboolean
paste_into_new_card (RgDiagnosisView *self,
                     GtkWidget       *text_view)
{
  RgStatementCard *card = (RgStatementCard *) gtk_widget_get_ancestor (text_view, RG_TYPE_STATEMENT_CARD);
  RgDiagnosisCell *cell = (RgDiagnosisCell *) gtk_widget_get_ancestor (text_view, RG_TYPE_DIAGNOSIS_CELL);
  g_autoptr(GPtrArray) statements = NULL;
  RgStatement *statement;
  Paste *paste;
  guint index;

  if (card == NULL || cell == NULL ||
      gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view))) > 0)
    return FALSE;

  statement = rg_statement_card_get_statement (card);
  if (rg_statement_get_text (statement)[0] != '\0')
    return FALSE;

  statements = rg_session_editor_list_cell (self->editor, rg_statement_get_partner_id (statement),
                                            rg_statement_get_dimension_id (statement));
  if (!g_ptr_array_find (statements, statement, &index))
    return FALSE;

  paste = g_new0 (Paste, 1);
  paste->cell = g_object_ref (cell);
  paste->after = index > 0 ? g_object_ref (g_ptr_array_index (statements, index - 1)) : NULL;
  paste->new_card = g_object_ref (card);
  paste->text_view = g_object_ref (GTK_TEXT_VIEW (text_view));
  read_clipboard (self, paste);

  return TRUE;
}

/* Plain text pasted into a cell: a statement per paragraph, after the
 * focused card. Typing into a text, it is pasted into that text. */
static void
paste_statements_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  RgDiagnosisCell *cell = NULL;
  RgStatementCard *card;
  Paste *paste;

  if (focus != NULL && GTK_IS_TEXT_VIEW (focus) && paste_into_new_card (self, focus))
    return;

  if (focus != NULL && (GTK_IS_TEXT_VIEW (focus) || GTK_IS_TEXT (focus)))
    {
      gtk_widget_activate_action (focus, "clipboard.paste", NULL);
      return;
    }

  card = get_current_card (self, &cell, NULL);
  if (cell == NULL && !(cell = rg_diagnosis_view_get_focused_cell (self)))
    {
      rg_widget_show_toast (widget, _("Choose the cell to paste into first"));
      return;
    }

  paste = g_new0 (Paste, 1);
  paste->cell = g_object_ref (cell);
  paste->after = card ? g_object_ref (rg_statement_card_get_statement (card)) : NULL;
  read_clipboard (self, paste);
}

static void
edit_statement_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgStatementCard *card = get_current_card (RG_DIAGNOSIS_VIEW (widget), NULL, NULL);

  if (card != NULL)
    rg_statement_card_start_editing (card);
}

static void
delete_statement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  RgDiagnosisCell *cell;
  int index;
  RgStatementCard *card = get_current_card (self, &cell, &index);

  if (card == NULL)
    return;

  rg_session_editor_remove_statement (self->editor, rg_statement_card_get_statement (card));
  rg_diagnosis_cell_focus_statement (cell, index);
  rg_undo_toast_show (GTK_WIDGET (self), _("Statement deleted"));
}

static void
set_kind_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  RgStatementCard *card = get_current_card (self, NULL, NULL);
  RgStatementKind kind;

  if (card == NULL || !rg_statement_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;

  rg_session_editor_set (self->editor, _("Change kind"),
                         rg_statement_card_get_statement (card), "kind", kind);
}

static void
reorder_statement_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  int delta = g_str_has_suffix (action_name, "up") ? -1 : 1;
  RgDiagnosisCell *cell;
  int index;
  RgStatementCard *card = get_current_card (self, &cell, &index);

  if (card == NULL)
    return;

  if (rg_session_editor_reorder_statement (self->editor, rg_statement_card_get_statement (card), delta))
    rg_diagnosis_cell_focus_statement (cell, index + delta);
}

static void
move_statement_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  RgDiagnosisCell *cell;
  RgStatementCard *card = get_current_card (self, &cell, NULL);
  int delta = g_str_has_suffix (action_name, "previous-dimension") ? -1 : 1;
  g_autoptr(RgDimension) target = NULL;
  RgStatement *statement;
  guint column, row;

  if (card == NULL || !find_cell_position (self, cell, &column, &row) ||
      (delta < 0 && row == 0) ||
      (delta > 0 && row + 1 >= rg_diagnosis_grid_get_n_rows (self->grid)))
    return;

  statement = rg_statement_card_get_statement (card);
  target = g_list_model_get_item (rg_session_get_dimensions (get_session (self)), row + delta);
  if (rg_session_editor_move_statement_to (self->editor, statement, target))
    rg_diagnosis_view_focus_cell (self, column, row + delta, -1);
}

/* The menus of the partners' and dimensions' headers name the partner
 * or dimension by id. */
static void
partner_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  RgPartner *partner = rg_session_find_partner (get_session (self), g_variant_get_string (parameter, NULL));

  if (partner == NULL)
    return;

  if (g_str_equal (action_name, "diagnosis.edit-partner"))
    rg_partner_dialog_edit (widget, self->editor, partner);
  else if (g_str_equal (action_name, "diagnosis.remove-partner"))
    rg_partner_dialog_confirm_removal (widget, self->editor, partner);
  else
    rg_session_editor_move_partner (self->editor, partner,
                                    g_str_has_suffix (action_name, "left") ? -1 : 1);
}

static void
dimension_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (widget);
  RgDimension *dimension = rg_session_find_dimension (get_session (self),
                                                      g_variant_get_string (parameter, NULL));

  if (dimension == NULL)
    return;

  if (g_str_equal (action_name, "diagnosis.rename-dimension"))
    rg_dimension_dialog_edit (widget, self->editor, dimension);
  else if (g_str_equal (action_name, "diagnosis.remove-dimension"))
    rg_dimension_dialog_confirm_removal (widget, self->editor, dimension);
  else
    rg_session_editor_move_dimension (self->editor, dimension,
                                      g_str_has_suffix (action_name, "up") ? -1 : 1);
}

/* }}} */

static void
rg_diagnosis_view_dispose (GObject *object)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_DIAGNOSIS_VIEW);
  rg_diagnosis_view_set_editor (self, NULL);
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_weak_pointer (&self->menu_card);
  g_clear_object (&self->menu_statement);

  G_OBJECT_CLASS (rg_diagnosis_view_parent_class)->dispose (object);
}

static void
rg_diagnosis_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_FITTING_ZOOM:
      g_value_set_double (value, self->fitting_zoom);
      break;

    case PROP_BLIND:
      g_value_set_boolean (value, self->blind);
      break;

    case PROP_MEETING:
      g_value_set_boolean (value, self->meeting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_diagnosis_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RgDiagnosisView *self = RG_DIAGNOSIS_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      rg_diagnosis_view_set_editor (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      rg_diagnosis_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_BLIND:
      rg_diagnosis_view_set_blind (self, g_value_get_boolean (value));
      break;

    case PROP_MEETING:
      rg_diagnosis_view_set_meeting (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_diagnosis_view_class_init (RgDiagnosisViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_diagnosis_view_dispose;
  object_class->get_property = rg_diagnosis_view_get_property;
  object_class->set_property = rg_diagnosis_view_set_property;

  properties [PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, RG_TYPE_SESSION_EDITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.5, 4.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * RgDiagnosisView:fitting-zoom:
   *
   * The largest zoom at which every partner's column fits the view's
   * width in a meeting; it follows the view's size.
   */
  properties [PROP_FITTING_ZOOM] =
    g_param_spec_double ("fitting-zoom", NULL, NULL, 0, 4.0, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * RgDiagnosisView:meeting:
   *
   * Whether the view is laid out for a meeting around one screen.
   */
  properties [PROP_MEETING] =
    g_param_spec_boolean ("meeting", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * RgDiagnosisView:blind:
   *
   * Whether the view hides who wrote each statement (a blind round).
   */
  properties [PROP_BLIND] =
    g_param_spec_boolean ("blind", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-diagnosis-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RgDiagnosisView, blind_revealer);
  gtk_widget_class_bind_template_child (widget_class, RgDiagnosisView, content);
  gtk_widget_class_bind_template_child (widget_class, RgDiagnosisView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RgDiagnosisView, overview);
  gtk_widget_class_bind_template_child (widget_class, RgDiagnosisView, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, RgDiagnosisView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, RgDiagnosisView, grid);
  gtk_widget_class_bind_template_child (widget_class, RgDiagnosisView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "diagnosis-view");

  gtk_widget_class_install_action (widget_class, "diagnosis.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.toggle-selection", NULL, toggle_selection_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.next-divergence", NULL, next_divergence_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.previous-divergence", NULL, next_divergence_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.add-statement", NULL, add_statement_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.edit-statement", NULL, edit_statement_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.paste-statements", NULL, paste_statements_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.delete-statement", NULL, delete_statement_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.set-kind", "s", set_kind_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.focus-statement", "s", focus_statement_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.move-statement-up", NULL, reorder_statement_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.move-statement-down", NULL, reorder_statement_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.move-statement-previous-dimension", NULL,
                                   move_statement_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.move-statement-next-dimension", NULL,
                                   move_statement_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.edit-partner", "s", partner_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.move-partner-left", "s", partner_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.move-partner-right", "s", partner_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.remove-partner", "s", partner_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.rename-dimension", "s", dimension_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.move-dimension-up", "s", dimension_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.move-dimension-down", "s", dimension_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.remove-dimension", "s", dimension_action);

  g_type_ensure (RG_TYPE_DIAGNOSIS_GRID);
  g_type_ensure (RG_TYPE_LINK_OVERVIEW);
}

static void
rg_diagnosis_view_init (RgDiagnosisView *self)
{
  self->zoom = 1.0;
  self->selection = g_ptr_array_new_with_free_func (g_object_unref);
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The keys of the accelerators table reach the view's actions; a text
   * being typed into has them first (its own Ctrl+V, Delete…) */
  rg_shortcuts_add_controller (GTK_WIDGET (self), "diagnosis");
  /* The grid, as a screen reader names the table it is */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Diagnosis"), -1);
  rg_link_overview_set_grid (self->overview, self->grid,
                             gtk_scrolled_window_get_vadjustment (self->scroller));
  g_signal_connect_object (self->grid, "laid-out", G_CALLBACK (update_fitting_zoom), self,
                           G_CONNECT_SWAPPED);
  update_selection_bar (self);
}

/**
 * rg_diagnosis_view_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor of the session shown
 */
RgSessionEditor *
rg_diagnosis_view_get_editor (RgDiagnosisView *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), NULL);

  return self->editor;
}

void
rg_diagnosis_view_set_editor (RgDiagnosisView *self,
                              RgSessionEditor *editor)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_VIEW (self));
  g_return_if_fail (editor == NULL || RG_IS_SESSION_EDITOR (editor));

  if (self->editor == editor)
    return;

  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_func (rg_session_get_partners (get_session (self)),
                                            queue_rebuild, self);
      g_signal_handlers_disconnect_by_func (rg_session_get_dimensions (get_session (self)),
                                            queue_rebuild, self);
      g_signal_handlers_disconnect_by_func (rg_session_get_statements (get_session (self)),
                                            prune_selection, self);
      if (self->selection != NULL)
        g_ptr_array_set_size (self->selection, 0);
      if (self->blind)
        rg_partner_label_set_blind_seed (get_session (self), 0);
    }

  g_set_object (&self->editor, editor);
  if (self->overview != NULL)
    rg_link_overview_set_editor (self->overview, editor);

  if (self->editor != NULL)
    {
      g_signal_connect_swapped (rg_session_get_partners (get_session (self)), "items-changed",
                                G_CALLBACK (queue_rebuild), self);
      g_signal_connect_swapped (rg_session_get_dimensions (get_session (self)), "items-changed",
                                G_CALLBACK (queue_rebuild), self);
      g_signal_connect_swapped (rg_session_get_statements (get_session (self)), "items-changed",
                                G_CALLBACK (prune_selection), self);
      if (self->blind)
        rg_partner_label_set_blind_seed (get_session (self), g_random_int_range (1, G_MAXINT32));
    }

  if (self->grid != NULL)
    rg_diagnosis_view_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITOR]);
}

double
rg_diagnosis_view_get_zoom (RgDiagnosisView *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), 1.0);

  return self->zoom;
}

/**
 * rg_diagnosis_view_set_zoom:
 * @self: a #RgDiagnosisView
 * @zoom: the scale of the text, 1.0 being the normal size
 *
 * Widens the columns with the text, so that a zoomed grid keeps about
 * the same number of words a line. The text itself is scaled by the
 * window's style.
 */
void
rg_diagnosis_view_set_zoom (RgDiagnosisView *self,
                            double           zoom)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_VIEW (self));

  zoom = CLAMP (zoom, 0.5, 4.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;

  self->zoom = zoom;
  update_column_widths (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

/**
 * rg_diagnosis_view_get_fitting_zoom:
 *
 * Returns: the largest zoom at which every partner's column fits the
 *   view's width in a meeting, as last laid out; 0 before it is
 */
double
rg_diagnosis_view_get_fitting_zoom (RgDiagnosisView *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), 0);

  return self->fitting_zoom;
}

/**
 * rg_diagnosis_view_get_meeting:
 *
 * Returns: whether the view is laid out for a meeting
 */
gboolean
rg_diagnosis_view_get_meeting (RgDiagnosisView *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), FALSE);

  return self->meeting;
}

/**
 * rg_diagnosis_view_set_meeting:
 * @self: a #RgDiagnosisView
 * @meeting: whether the team reads the view together, on one screen
 *
 * Lays the view out for a meeting: narrower columns, which share the
 * width out, and the family's columns kept in view if the grid has to
 * scroll. The grid is not built again: a card being written stays so.
 */
void
rg_diagnosis_view_set_meeting (RgDiagnosisView *self,
                               gboolean         meeting)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_VIEW (self));

  meeting = !!meeting;
  if (self->meeting == meeting)
    return;

  self->meeting = meeting;
  update_column_widths (self);
  update_pinned_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEETING]);
}

/**
 * rg_diagnosis_view_get_column_partner:
 *
 * Returns: (transfer none) (nullable): the partner of a column
 */
RgPartner *
rg_diagnosis_view_get_column_partner (RgDiagnosisView *self,
                                      guint            column)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), NULL);

  if (self->rebuild_source != 0)
    rg_diagnosis_view_rebuild (self);

  return column < self->columns->len ? g_ptr_array_index (self->columns, column) : NULL;
}

/**
 * rg_diagnosis_view_get_blind:
 *
 * Returns: whether the view hides the statements' authors
 */
gboolean
rg_diagnosis_view_get_blind (RgDiagnosisView *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), FALSE);

  return self->blind;
}

/**
 * rg_diagnosis_view_set_blind:
 * @self: a #RgDiagnosisView
 * @blind: whether to hide the statements' authors
 *
 * Starts or ends a blind round: the grid is built again at once, with
 * the partners' names or without them. The session does not change.
 */
void
rg_diagnosis_view_set_blind (RgDiagnosisView *self,
                             gboolean         blind)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_VIEW (self));

  blind = !!blind;
  if (self->blind == blind)
    return;

  self->blind = blind;
  /* A new order each round; any but 0, which is no round. */
  if (self->editor != NULL)
    rg_partner_label_set_blind_seed (get_session (self), blind ? g_random_int_range (1, G_MAXINT32) : 0);
  if (blind)
    gtk_widget_add_css_class (GTK_WIDGET (self), "blind");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "blind");
  gtk_revealer_set_reveal_child (self->blind_revealer, blind);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagnosis.edit-partner", !blind);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagnosis.remove-partner", !blind);

  /* Popovers of the cards quote authors: close them with the grid. */
  rg_diagnosis_view_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLIND]);
}

/**
 * rg_diagnosis_view_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell of a partner's column
 *   and a dimension's row
 */
RgDiagnosisCell *
rg_diagnosis_view_get_cell (RgDiagnosisView *self,
                            guint            column,
                            guint            row)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), NULL);

  if (self->rebuild_source != 0)
    rg_diagnosis_view_rebuild (self);

  return (RgDiagnosisCell *) rg_diagnosis_grid_get_cell (self->grid, column, row);
}

/**
 * rg_diagnosis_view_get_focused_cell:
 *
 * Returns: (transfer none) (nullable): the cell holding the keyboard
 *   focus
 */
RgDiagnosisCell *
rg_diagnosis_view_get_focused_cell (RgDiagnosisView *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), NULL);

  if (!(root = gtk_widget_get_root (GTK_WIDGET (self))) ||
      !(focus = gtk_root_get_focus (root)) ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid)))
    return NULL;

  return (RgDiagnosisCell *) gtk_widget_get_ancestor (focus, RG_TYPE_DIAGNOSIS_CELL);
}

/**
 * rg_diagnosis_view_highlight_link:
 * @self: a #RgDiagnosisView
 * @link: a link of the session
 * @highlight: whether to light its statements up or down
 *
 * Lights up the cards of every statement of @link, across columns, so
 * the team sees what a badge ties together.
 */
void
rg_diagnosis_view_highlight_link (RgDiagnosisView *self,
                                  RgLink          *link,
                                  gboolean         highlight)
{
  RgSession *session;
  const char * const *members;

  g_return_if_fail (RG_IS_DIAGNOSIS_VIEW (self));
  g_return_if_fail (RG_IS_LINK (link));

  session = get_session (self);
  members = rg_link_get_members (link);
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      RgStatement *statement = rg_session_find_statement (session, members[i]);
      RgStatementCard *card;

      if (statement == NULL || !(card = find_card (self, statement)))
        continue;

      if (highlight)
        gtk_widget_add_css_class (GTK_WIDGET (card), "link-highlight");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (card), "link-highlight");
    }
}

/**
 * rg_diagnosis_view_focus_cell:
 * @self: a #RgDiagnosisView
 * @column: a partner's column
 * @row: a dimension's row
 * @index: the statement to focus in the cell; negative counts from the end
 *
 * Returns: %FALSE if there is no such cell
 */
gboolean
rg_diagnosis_view_focus_cell (RgDiagnosisView *self,
                              guint            column,
                              guint            row,
                              int              index)
{
  RgDiagnosisCell *cell;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), FALSE);

  if (!(cell = rg_diagnosis_view_get_cell (self, column, row)))
    return FALSE;

  rg_diagnosis_grid_reveal_cell (self->grid, column, row);
  rg_diagnosis_cell_focus_statement (cell, index);
  return TRUE;
}

/**
 * rg_diagnosis_view_focus_statement:
 * @self: a #RgDiagnosisView
 * @statement: a statement of the session
 *
 * Moves the keyboard focus to the card of @statement, bringing it into
 * view.
 *
 * Returns: %FALSE if the view shows no such statement
 */
gboolean
rg_diagnosis_view_focus_statement (RgDiagnosisView *self,
                                   RgStatement     *statement)
{
  RgSession *session;
  RgPartner *partner;
  g_autoptr(GPtrArray) cell = NULL;
  guint column, row, index;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_VIEW (self), FALSE);
  g_return_val_if_fail (RG_IS_STATEMENT (statement), FALSE);

  if (self->editor == NULL)
    return FALSE;

  if (self->rebuild_source != 0)
    rg_diagnosis_view_rebuild (self);

  session = get_session (self);
  partner = rg_session_find_partner (session, rg_statement_get_partner_id (statement));
  if (partner == NULL || !g_ptr_array_find (self->columns, partner, &column) ||
      (row = rg_list_model_find (rg_session_get_dimensions (session),
                                 rg_session_find_dimension (session, rg_statement_get_dimension_id (statement))))
      == G_MAXUINT)
    return FALSE;

  cell = rg_session_editor_list_cell (self->editor, rg_partner_get_id (partner),
                                      rg_statement_get_dimension_id (statement));
  if (!g_ptr_array_find (cell, statement, &index))
    return FALSE;

  return rg_diagnosis_view_focus_cell (self, column, row, (int) index);
}
