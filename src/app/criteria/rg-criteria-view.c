/* rg-criteria-view.c — the success criteria, as a list and as a map
 *
 * Two presentations of the same categories and criteria. The list edits
 * them: categories are cards holding their criteria, each with its
 * text, its indicators (one per line), the partners who proposed it as
 * chips in their colours, whether the team agreed on it and whether it
 * judged it met. The map shows them around the situation, for the
 * projector, and exports as PNG and SVG. Every change goes through the
 * session editor, so it can be undone; the view observes the model and
 * rebuilds what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-criteria-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-criteria-map.h"
#include "rg-criteria-map-view.h"
#include "rg-criteria-view.h"
#include "rg-save-chooser.h"
#include "rg-partner-swatch.h"
#include "rg-session-editor-criteria.h"
#include "rg-undo-toast.h"

/* The size of an exported map: a projector's */
#define EXPORT_WIDTH  1920
#define EXPORT_HEIGHT 1080

struct _RgCriteriaView
{
  GtkWidget          parent_instance;

  RgSessionEditor   *editor;

  /* A criterion just added and not yet typed into: left empty, it goes
   * away as if never added. Compared, never dereferenced. */
  RgCriterion       *pending;

  GtkStack          *mode_stack;
  GtkStack          *list_stack;
  GtkBox            *categories_box;
  GtkWidget         *add_category_button;
  GtkWidget         *export_png_button;
  GtkWidget         *export_svg_button;
  RgCriteriaMapView *map_view;

  /* The names of the fields of every criterion, one width for all, so
   * that their values line up */
  GtkSizeGroup      *field_labels;
};

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgCriteriaView, rg_criteria_view, GTK_TYPE_WIDGET)

static void fill_criteria (RgCriteriaView *self,
                           GtkWidget      *card);

static RgSession *
get_session (RgCriteriaView *self)
{
  return rg_session_editor_get_session (self->editor);
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label,
             const char *action_name,
             const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  /* GTK orders Tab by where widgets sit, their middles from top to
   * bottom: at the bottom of its line, a delete button comes after
   * what is beside it. */
  gtk_widget_set_valign (button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (button, label);
  set_accessible_label (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);

  return button;
}

static GtkWidget *
field_label (RgCriteriaView *self,
             const char     *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_size_group_add_widget (self->field_labels, label);

  return label;
}

/* {{{ Finding the widgets of a category or a criterion */

static GtkWidget *
find_card (RgCriteriaView *self,
           RgCategory     *category)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->categories_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "rg-category") == category)
      return child;

  return NULL;
}

static GtkWidget *
find_row (RgCriteriaView *self,
          RgCriterion    *criterion)
{
  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->categories_box));
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      GtkWidget *criteria = g_object_get_data (G_OBJECT (card), "rg-criteria-box");

      for (GtkWidget *row = gtk_widget_get_first_child (criteria);
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (g_object_get_data (G_OBJECT (row), "rg-criterion") == criterion)
          return row;
    }

  return NULL;
}

static gpointer
find_part (RgCriteriaView *self,
           RgCriterion    *criterion,
           const char     *part)
{
  GtkWidget *row = find_row (self, criterion);

  return row != NULL ? g_object_get_data (G_OBJECT (row), part) : NULL;
}

/* }}} */
/* {{{ A criterion */

static char *
join_indicators (RgCriterion *criterion)
{
  const char * const *indicators = rg_criterion_get_indicators (criterion);

  return indicators != NULL ? g_strjoinv ("\n", (char **) indicators) : g_strdup ("");
}

static void
indicators_changed_cb (RgEditableText *text,
                       GParamSpec     *pspec,
                       RgCriterion    *criterion)
{
  g_autofree char *lines = join_indicators (criterion);

  rg_editable_text_set_text (text, lines);
}

/* What is typed goes to the criterion at once, for the autosave; a new
 * criterion only takes its first word there. */
static void
on_text_changed (RgCriteriaView *self,
                 const char     *text,
                 RgEditableText *editable)
{
  RgCriterion *criterion = g_object_get_data (G_OBJECT (editable), "rg-criterion");

  if (g_strcmp0 (text, rg_criterion_get_text (criterion)) != 0 &&
      (text[0] != '\0' || criterion != self->pending))
    rg_session_editor_set_criterion_text (self->editor, criterion, text);
}

static void
on_text_committed (RgCriteriaView *self,
                   const char     *text,
                   RgEditableText *editable)
{
  RgCriterion *criterion = g_object_get_data (G_OBJECT (editable), "rg-criterion");

  if (criterion == self->pending)
    {
      self->pending = NULL;
      if (text[0] == '\0')
        {
          /* Nothing typed: the "Add criterion" step is taken back. */
          rg_undo_stack_undo (rg_session_editor_get_undo_stack (self->editor));
          return;
        }
    }

  if (g_strcmp0 (text, rg_criterion_get_text (criterion)) != 0)
    rg_session_editor_set_criterion_text (self->editor, criterion, text);
}

static void
on_indicators_committed (RgCriteriaView *self,
                         const char     *text,
                         RgEditableText *editable)
{
  RgCriterion *criterion = g_object_get_data (G_OBJECT (editable), "rg-criterion");

  rg_session_editor_set_criterion_indicators (self->editor, criterion, text);
}

static void
on_agreed_toggled (RgCriteriaView *self,
                   GtkCheckButton *button)
{
  RgCriterion *criterion = g_object_get_data (G_OBJECT (button), "rg-criterion");
  gboolean active = gtk_check_button_get_active (button);

  if (active != rg_criterion_get_agreed (criterion))
    rg_session_editor_set_criterion_agreed (self->editor, criterion, active);
}

static void
agreed_changed_cb (GtkCheckButton *button,
                   GParamSpec     *pspec,
                   RgCriterion    *criterion)
{
  gtk_check_button_set_active (button, rg_criterion_get_agreed (criterion));
}

static void
on_met_toggled (RgCriteriaView *self,
                GtkCheckButton *button)
{
  RgCriterion *criterion = g_object_get_data (G_OBJECT (button), "rg-criterion");
  gboolean active = gtk_check_button_get_active (button);

  if (active != rg_criterion_get_met (criterion))
    rg_session_editor_set_criterion_met (self->editor, criterion, active);
}

static void
met_changed_cb (GtkCheckButton *button,
                GParamSpec     *pspec,
                RgCriterion    *criterion)
{
  gtk_check_button_set_active (button, rg_criterion_get_met (criterion));
}

static gboolean
proposed_by (RgCriterion *criterion,
             const char  *partner_id)
{
  const char * const *ids = rg_criterion_get_proposed_by (criterion);

  return ids != NULL && g_strv_contains (ids, partner_id);
}

/* A partner who proposed the criterion shows as a filled chip with a
 * check mark; the others as plain, dimmed names: not by shading alone. */
static void
update_chip (GtkToggleButton *chip)
{
  gboolean active = gtk_toggle_button_get_active (chip);
  GtkWidget *check = g_object_get_data (G_OBJECT (chip), "rg-check");
  GtkWidget *name = g_object_get_data (G_OBJECT (chip), "rg-name");

  gtk_widget_set_visible (check, active);
  if (active)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (chip), "flat");
      gtk_widget_remove_css_class (name, "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (chip), "flat");
      gtk_widget_add_css_class (name, "dim-label");
    }
}

static void
on_chip_toggled (RgCriteriaView  *self,
                 GtkToggleButton *chip)
{
  RgCriterion *criterion = g_object_get_data (G_OBJECT (chip), "rg-criterion");
  RgPartner *partner = g_object_get_data (G_OBJECT (chip), "rg-partner");
  gboolean active = gtk_toggle_button_get_active (chip);

  update_chip (chip);
  if (active != proposed_by (criterion, rg_partner_get_id (partner)))
    rg_session_editor_set_criterion_proposed (self->editor, criterion,
                                              rg_partner_get_id (partner), active);
}

static void
proposed_changed_cb (GtkWidget   *chips,
                     GParamSpec  *pspec,
                     RgCriterion *criterion)
{
  for (GtkWidget *child = gtk_widget_get_first_child (chips);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *chip = GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));
      RgPartner *partner = g_object_get_data (G_OBJECT (chip), "rg-partner");

      gtk_toggle_button_set_active (chip, proposed_by (criterion, rg_partner_get_id (partner)));
    }
}

static GtkWidget *
create_chip (RgCriteriaView *self,
             RgCriterion    *criterion,
             RgPartner      *partner)
{
  GtkWidget *chip, *box, *swatch, *name, *check;
  g_autofree char *tooltip = NULL;

  chip = gtk_toggle_button_new ();
  gtk_widget_add_css_class (chip, "chip");
  g_object_set_data_full (G_OBJECT (chip), "rg-criterion", g_object_ref (criterion), g_object_unref);
  g_object_set_data_full (G_OBJECT (chip), "rg-partner", g_object_ref (partner), g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_button_set_child (GTK_BUTTON (chip), box);

  swatch = rg_partner_swatch_new (partner, TRUE);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), swatch);

  name = gtk_label_new (NULL);
  g_object_bind_property (partner, "name", name, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), name);
  g_object_set_data (G_OBJECT (chip), "rg-name", name);

  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_box_append (GTK_BOX (box), check);
  g_object_set_data (G_OBJECT (chip), "rg-check", check);

  /* Translators: the tooltip of a partner's chip under a criterion. */
  tooltip = g_strdup_printf (_("Proposed by %s"), rg_partner_get_name (partner));
  gtk_widget_set_tooltip_text (chip, tooltip);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip),
                                proposed_by (criterion, rg_partner_get_id (partner)));
  update_chip (GTK_TOGGLE_BUTTON (chip));
  g_signal_connect_object (chip, "toggled", G_CALLBACK (on_chip_toggled), self, G_CONNECT_SWAPPED);

  return chip;
}

static GtkWidget *
create_criterion_row (RgCriteriaView *self,
                      RgCriterion    *criterion)
{
  GListModel *partners = rg_session_get_partners (get_session (self));
  GtkWidget *row, *top, *line, *text, *agreed, *met, *indicators, *chips;
  g_autofree char *lines = NULL;

  row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (row, "criterion");
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 10);
  gtk_widget_set_margin_bottom (row, 10);
  g_object_set_data_full (G_OBJECT (row), "rg-criterion", g_object_ref (criterion), g_object_unref);

  /* What will have changed, agreed or not, met or not */
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (row), top);

  text = rg_editable_text_new ();
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (text, "heading");
  rg_editable_text_set_placeholder (RG_EDITABLE_TEXT (text), _("What will have changed?"));
  set_accessible_label (text, _("Criterion"));
  g_object_set_data (G_OBJECT (text), "rg-criterion", criterion);
  g_object_bind_property (criterion, "text", text, "text", G_BINDING_SYNC_CREATE);
  rg_editable_text_set_undo_stack (RG_EDITABLE_TEXT (text), rg_session_editor_get_undo_stack (self->editor),
                                   criterion);
  g_signal_connect_object (text, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (text, "committed", G_CALLBACK (on_text_committed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), text);
  g_object_set_data (G_OBJECT (row), "rg-text", text);

  agreed = gtk_check_button_new_with_mnemonic (_("A_greed"));
  gtk_widget_set_valign (agreed, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (agreed, _("The whole team agrees on this criterion"));
  g_object_set_data (G_OBJECT (agreed), "rg-criterion", criterion);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (agreed), rg_criterion_get_agreed (criterion));
  g_signal_connect_object (criterion, "notify::agreed", G_CALLBACK (agreed_changed_cb),
                           agreed, G_CONNECT_SWAPPED);
  g_signal_connect_object (agreed, "toggled", G_CALLBACK (on_agreed_toggled), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), agreed);
  g_object_set_data (G_OBJECT (row), "rg-agreed", agreed);

  /* Beside “Agreed”, as the next step of the same criterion: Tab goes
   * from the text to both, then on to the indicators. */
  met = gtk_check_button_new_with_mnemonic (_("_Met"));
  gtk_widget_set_valign (met, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (met, _("The team judged this criterion met"));
  g_object_set_data (G_OBJECT (met), "rg-criterion", criterion);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (met), rg_criterion_get_met (criterion));
  g_signal_connect_object (criterion, "notify::met", G_CALLBACK (met_changed_cb),
                           met, G_CONNECT_SWAPPED);
  g_signal_connect_object (met, "toggled", G_CALLBACK (on_met_toggled), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), met);
  g_object_set_data (G_OBJECT (row), "rg-met", met);

  /* How we will know */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (line), field_label (self, _("How we will know")));
  indicators = rg_editable_text_new ();
  gtk_widget_set_hexpand (indicators, TRUE);
  rg_editable_text_set_placeholder (RG_EDITABLE_TEXT (indicators),
                                    _("Indicators, one per line (Shift+Enter for a new line)"));
  set_accessible_label (indicators, _("Indicators, one per line"));
  g_object_set_data (G_OBJECT (indicators), "rg-criterion", criterion);
  lines = join_indicators (criterion);
  rg_editable_text_set_text (RG_EDITABLE_TEXT (indicators), lines);
  g_signal_connect_object (criterion, "notify::indicators", G_CALLBACK (indicators_changed_cb),
                           indicators, G_CONNECT_SWAPPED);
  rg_editable_text_set_undo_stack (RG_EDITABLE_TEXT (indicators),
                                   rg_session_editor_get_undo_stack (self->editor), NULL);
  g_signal_connect_object (indicators, "changed", G_CALLBACK (on_indicators_committed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (indicators, "committed", G_CALLBACK (on_indicators_committed),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (line), indicators);
  gtk_box_append (GTK_BOX (row), line);
  g_object_set_data (G_OBJECT (row), "rg-indicators", indicators);

  /* Who proposed it */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (line), field_label (self, _("Proposed by")));
  chips = gtk_flow_box_new ();
  gtk_widget_set_hexpand (chips, TRUE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (chips), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (chips), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (chips), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (chips), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chips),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Proposed by"), -1);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      GtkWidget *chip = create_chip (self, criterion, partner);

      gtk_flow_box_append (GTK_FLOW_BOX (chips), chip);
      /* The chip itself takes the focus, not the box around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
    }
  g_signal_connect_object (criterion, "notify::proposed-by", G_CALLBACK (proposed_changed_cb),
                           chips, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (line), chips);
  /* Delete last, after every field: Tab from a field never lands on
   * it (docs/editing.md). */
  gtk_box_append (GTK_BOX (line), icon_button ("user-trash-symbolic", _("Delete Criterion"),
                                               "criteria.remove-criterion",
                                               rg_criterion_get_id (criterion)));
  gtk_box_append (GTK_BOX (row), line);
  g_object_set_data (G_OBJECT (row), "rg-chips", chips);

  return row;
}

/* }}} */
/* {{{ A category */

static void
on_name_committed (RgCriteriaView *self,
                   const char     *text,
                   RgEditableText *editable)
{
  RgCategory *category = g_object_get_data (G_OBJECT (editable), "rg-category");

  if (g_strcmp0 (text, rg_category_get_name (category)) != 0)
    rg_session_editor_rename_category (self->editor, category, text);
}

static void
criteria_changed_cb (GtkWidget *card)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (gtk_widget_get_ancestor (card, RG_TYPE_CRITERIA_VIEW));

  if (self != NULL)
    fill_criteria (self, card);
}

static void
fill_criteria (RgCriteriaView *self,
               GtkWidget      *card)
{
  RgCategory *category = g_object_get_data (G_OBJECT (card), "rg-category");
  GtkWidget *box = g_object_get_data (G_OBJECT (card), "rg-criteria-box");
  GListModel *criteria = rg_category_get_criteria (category);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, i);

      gtk_box_append (GTK_BOX (box), create_criterion_row (self, criterion));
      gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
    }
}

static void
move_clicked_cb (GtkButton      *button,
                 RgCriteriaView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self),
                              g_object_get_data (G_OBJECT (button), "rg-action"),
                              "s", g_object_get_data (G_OBJECT (button), "rg-id"));
}

/* Not an actionable button: the first category cannot go up, nor the
 * last down, and the button says so by being insensitive, which an
 * action's state would override. */
static GtkWidget *
move_button (RgCriteriaView *self,
             const char     *icon_name,
             const char     *label,
             const char     *action_name,
             const char     *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  set_accessible_label (button, label);
  g_object_set_data (G_OBJECT (button), "rg-action", (gpointer) action_name);
  g_object_set_data_full (G_OBJECT (button), "rg-id", g_strdup (id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (move_clicked_cb), self, 0);

  return button;
}

static GtkWidget *
create_category_card (RgCriteriaView *self,
                      RgCategory     *category,
                      guint           position,
                      guint           n_categories)
{
  const char *id = rg_category_get_id (category);
  GtkWidget *card, *header, *name, *button, *criteria, *add, *content, *footer;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  g_object_set_data_full (G_OBJECT (card), "rg-category", g_object_ref (category), g_object_unref);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 6);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_box_append (GTK_BOX (card), header);

  name = rg_editable_text_new ();
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_valign (name, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (name, "title-3");
  rg_editable_text_set_placeholder (RG_EDITABLE_TEXT (name), _("Name of the category"));
  set_accessible_label (name, _("Category"));
  g_object_set_data (G_OBJECT (name), "rg-category", category);
  g_object_bind_property (category, "name", name, "text", G_BINDING_SYNC_CREATE);
  rg_editable_text_set_undo_stack (RG_EDITABLE_TEXT (name), rg_session_editor_get_undo_stack (self->editor),
                                   NULL);
  g_signal_connect_object (name, "changed", G_CALLBACK (on_name_committed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (name, "committed", G_CALLBACK (on_name_committed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (header), name);
  g_object_set_data (G_OBJECT (card), "rg-name", name);

  button = move_button (self, "go-up-symbolic", _("Move Category Up"), "criteria.move-category-up", id);
  gtk_widget_set_sensitive (button, position > 0);
  gtk_box_append (GTK_BOX (header), button);
  g_object_set_data (G_OBJECT (card), "rg-up", button);

  button = move_button (self, "go-down-symbolic", _("Move Category Down"), "criteria.move-category-down", id);
  gtk_widget_set_sensitive (button, position + 1 < n_categories);
  gtk_box_append (GTK_BOX (header), button);
  g_object_set_data (G_OBJECT (card), "rg-down", button);


  gtk_box_append (GTK_BOX (card), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  criteria = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (card), criteria);
  g_object_set_data (G_OBJECT (card), "rg-criteria-box", criteria);

  add = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Criterion"));
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_set_margin_start (add, 6);
  gtk_widget_set_margin_top (add, 6);
  gtk_widget_set_margin_bottom (add, 6);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "criteria.add-criterion");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", id);
  /* The category's delete button, last, at the end of its card */
  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (add, TRUE);
  gtk_box_append (GTK_BOX (footer), add);
  button = icon_button ("user-trash-symbolic", _("Delete Category"), "criteria.remove-category", id);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_set_margin_bottom (button, 6);
  gtk_box_append (GTK_BOX (footer), button);
  gtk_box_append (GTK_BOX (card), footer);

  g_signal_connect_object (rg_category_get_criteria (category), "items-changed",
                           G_CALLBACK (criteria_changed_cb), card, G_CONNECT_SWAPPED);

  return card;
}

/* }}} */

static void
rebuild (RgCriteriaView *self)
{
  GListModel *categories;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->categories_box))) != NULL)
    gtk_box_remove (self->categories_box, child);

  if (self->editor == NULL)
    return;

  categories = rg_session_get_categories (get_session (self));
  n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GtkWidget *card = create_category_card (self, category, i, n);

      gtk_box_append (self->categories_box, card);
      fill_criteria (self, card);
    }

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "categories" : "empty");
}

static void
focus_start_editing (GtkWidget *widget)
{
  if (widget != NULL)
    rg_editable_text_start_editing (RG_EDITABLE_TEXT (widget));
}

/* {{{ Actions */

static RgCategory *
lookup_category (RgCriteriaView *self,
                 GVariant       *parameter)
{
  return rg_session_find_category (get_session (self), g_variant_get_string (parameter, NULL));
}

static void
add_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (widget);
  RgCategory *category;

  if (self->editor == NULL)
    return;

  rg_criteria_view_set_mode (self, "list");
  category = rg_session_editor_add_category (self->editor, NULL);
  focus_start_editing (g_object_get_data (G_OBJECT (find_card (self, category)), "rg-name"));
}

static void
add_default_categories_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (widget);

  if (self->editor != NULL)
    rg_session_editor_add_default_categories (self->editor);
}

static void
move_category_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (widget);
  RgCategory *category = lookup_category (self, parameter);
  gboolean up = g_str_equal (action_name, "criteria.move-category-up");
  GtkWidget *card, *button;

  if (category == NULL || !rg_session_editor_move_category (self->editor, category, up ? -1 : 1))
    return;

  /* The keyboard stays on the category it moves, to move it again. */
  card = find_card (self, category);
  button = g_object_get_data (G_OBJECT (card), up ? "rg-up" : "rg-down");
  if (!gtk_widget_get_sensitive (button))
    button = g_object_get_data (G_OBJECT (card), up ? "rg-down" : "rg-up");
  gtk_widget_grab_focus (button);
}

static void
remove_category_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (widget);
  RgCategory *category = lookup_category (self, parameter);
  g_autofree char *title = NULL;

  if (category == NULL)
    return;

  /* Translators: a toast after deleting a category of success criteria. */
  title = g_strdup_printf (_("Category “%s” deleted"), rg_category_get_name (category));
  rg_session_editor_remove_category (self->editor, category);
  gtk_widget_grab_focus (self->add_category_button);
  rg_undo_toast_show (widget, title);
}

static void
add_criterion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (widget);
  RgCategory *category = lookup_category (self, parameter);
  RgCriterion *criterion;

  if (category == NULL)
    return;

  criterion = rg_session_editor_add_criterion (self->editor, category, NULL);
  /* What is typed into it is undone with it. */
  rg_undo_stack_open_burst (rg_session_editor_get_undo_stack (self->editor), criterion);
  self->pending = criterion;
  focus_start_editing (find_part (self, criterion, "rg-text"));
}

static void
remove_criterion_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (widget);
  RgCategory *category = NULL;
  RgCriterion *criterion;

  criterion = rg_session_find_criterion (get_session (self), g_variant_get_string (parameter, NULL),
                                         &category);
  if (criterion == NULL)
    return;

  rg_session_editor_remove_criterion (self->editor, criterion);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (find_card (self, category)), "rg-name"));
  rg_undo_toast_show (widget, _("Criterion deleted"));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  RgCriteriaView *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (rg_criteria_view_export (self, file, &error))
        rg_widget_show_toast (GTK_WIDGET (self), _("Map exported"));
      else
        rg_widget_show_toast (GTK_WIDGET (self), error->message);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (widget);
  gboolean svg = g_str_equal (g_variant_get_string (parameter, NULL), "svg");
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->editor == NULL)
    return;

  /* Translators: the file name an exported map is offered under,
   * without its extension. */
  name = g_strdup_printf ("%s.%s", _("success-criteria"), svg ? "svg" : "png");
  dialog = rg_save_chooser_new (rg_widget_get_window (widget),
                                svg ? _("Export Map as SVG") : _("Export Map as PNG"),
                                svg ? _("SVG drawings") : _("PNG pictures"),
                                svg ? "image/svg+xml" : "image/png", name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* }}} */

static void
mode_changed_cb (RgCriteriaView *self)
{
  gboolean map = g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "map") == 0;

  gtk_widget_set_visible (self->add_category_button, !map);
  gtk_widget_set_visible (self->export_png_button, map);
  gtk_widget_set_visible (self->export_svg_button, map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.export", map);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODE]);
}

static void
rg_criteria_view_dispose (GObject *object)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (object);
  GtkWidget *child;

  rg_criteria_view_set_editor (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_CRITERIA_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->field_labels);

  G_OBJECT_CLASS (rg_criteria_view_parent_class)->dispose (object);
}

static void
rg_criteria_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;

    case PROP_MODE:
      g_value_set_string (value, rg_criteria_view_get_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_criteria_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RgCriteriaView *self = RG_CRITERIA_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      rg_criteria_view_set_editor (self, g_value_get_object (value));
      break;

    case PROP_MODE:
      rg_criteria_view_set_mode (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_criteria_view_class_init (RgCriteriaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_criteria_view_dispose;
  object_class->get_property = rg_criteria_view_get_property;
  object_class->set_property = rg_criteria_view_set_property;

  properties [PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, RG_TYPE_SESSION_EDITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "list",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-criteria-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RgCriteriaView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, RgCriteriaView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RgCriteriaView, categories_box);
  gtk_widget_class_bind_template_child (widget_class, RgCriteriaView, add_category_button);
  gtk_widget_class_bind_template_child (widget_class, RgCriteriaView, export_png_button);
  gtk_widget_class_bind_template_child (widget_class, RgCriteriaView, export_svg_button);
  gtk_widget_class_bind_template_child (widget_class, RgCriteriaView, map_view);

  gtk_widget_class_install_action (widget_class, "criteria.add-category", NULL, add_category_action);
  gtk_widget_class_install_action (widget_class, "criteria.add-default-categories", NULL,
                                   add_default_categories_action);
  gtk_widget_class_install_action (widget_class, "criteria.move-category-up", "s", move_category_action);
  gtk_widget_class_install_action (widget_class, "criteria.move-category-down", "s", move_category_action);
  gtk_widget_class_install_action (widget_class, "criteria.remove-category", "s", remove_category_action);
  gtk_widget_class_install_action (widget_class, "criteria.add-criterion", "s", add_criterion_action);
  gtk_widget_class_install_action (widget_class, "criteria.remove-criterion", "s",
                                   remove_criterion_action);
  gtk_widget_class_install_action (widget_class, "criteria.export", "s", export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "criteria-view");

  g_type_ensure (RG_TYPE_CRITERIA_MAP_VIEW);
}

static void
rg_criteria_view_init (RgCriteriaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  g_signal_connect_object (self->mode_stack, "notify::visible-child-name",
                           G_CALLBACK (mode_changed_cb), self, G_CONNECT_SWAPPED);
  mode_changed_cb (self);
}

/**
 * rg_criteria_view_get_editor:
 * @self: a #RgCriteriaView
 *
 * Returns: (transfer none) (nullable): the editor every change goes through
 */
RgSessionEditor *
rg_criteria_view_get_editor (RgCriteriaView *self)
{
  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), NULL);

  return self->editor;
}

/**
 * rg_criteria_view_set_editor:
 * @self: a #RgCriteriaView
 * @editor: (nullable): the editor of the session to show
 *
 * Shows the success criteria of the editor's session, and follows them.
 */
void
rg_criteria_view_set_editor (RgCriteriaView  *self,
                             RgSessionEditor *editor)
{
  g_return_if_fail (RG_IS_CRITERIA_VIEW (self));
  g_return_if_fail (editor == NULL || RG_IS_SESSION_EDITOR (editor));

  if (self->editor == editor)
    return;

  if (self->editor != NULL)
    {
      RgSession *session = get_session (self);

      g_signal_handlers_disconnect_by_data (rg_session_get_categories (session), self);
      g_signal_handlers_disconnect_by_data (rg_session_get_partners (session), self);
    }

  g_set_object (&self->editor, editor);

  if (editor != NULL)
    {
      RgSession *session = get_session (self);

      g_signal_connect_swapped (rg_session_get_categories (session), "items-changed",
                                G_CALLBACK (rebuild), self);
      /* The chips of every criterion follow the partners. */
      g_signal_connect_swapped (rg_session_get_partners (session), "items-changed",
                                G_CALLBACK (rebuild), self);
    }

  if (self->map_view != NULL)
    rg_criteria_map_view_set_session (self->map_view, editor ? get_session (self) : NULL);

  if (self->categories_box != NULL)
    rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITOR]);
}

/**
 * rg_criteria_view_get_mode:
 * @self: a #RgCriteriaView
 *
 * Returns: "list" or "map"
 */
const char *
rg_criteria_view_get_mode (RgCriteriaView *self)
{
  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->mode_stack);
}

/**
 * rg_criteria_view_set_mode:
 * @self: a #RgCriteriaView
 * @mode: "list" to edit the criteria, "map" to show them as a map
 */
void
rg_criteria_view_set_mode (RgCriteriaView *self,
                           const char     *mode)
{
  g_return_if_fail (RG_IS_CRITERIA_VIEW (self));
  g_return_if_fail (g_strcmp0 (mode, "list") == 0 || g_strcmp0 (mode, "map") == 0);

  gtk_stack_set_visible_child_name (self->mode_stack, mode);
}

/**
 * rg_criteria_view_count_categories:
 * @self: a #RgCriteriaView
 *
 * Returns: how many categories the list shows
 */
guint
rg_criteria_view_count_categories (RgCriteriaView *self)
{
  guint n = 0;

  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), 0);

  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->categories_box));
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    n++;

  return n;
}

/**
 * rg_criteria_view_count_criteria:
 * @self: a #RgCriteriaView
 *
 * Returns: how many criteria the list shows, in all categories
 */
guint
rg_criteria_view_count_criteria (RgCriteriaView *self)
{
  guint n = 0;

  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), 0);

  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->categories_box));
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      GtkWidget *criteria = g_object_get_data (G_OBJECT (card), "rg-criteria-box");

      for (GtkWidget *row = gtk_widget_get_first_child (criteria);
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (g_object_get_data (G_OBJECT (row), "rg-criterion") != NULL)
          n++;
    }

  return n;
}

/**
 * rg_criteria_view_get_category_name:
 *
 * Returns: (transfer none) (nullable): the editable name of @category
 *   in the list
 */
RgEditableText *
rg_criteria_view_get_category_name (RgCriteriaView *self,
                                    RgCategory     *category)
{
  GtkWidget *card;

  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), NULL);

  card = find_card (self, category);

  return card != NULL ? g_object_get_data (G_OBJECT (card), "rg-name") : NULL;
}

/**
 * rg_criteria_view_get_criterion_text:
 *
 * Returns: (transfer none) (nullable): the editable text of @criterion
 *   in the list
 */
RgEditableText *
rg_criteria_view_get_criterion_text (RgCriteriaView *self,
                                     RgCriterion    *criterion)
{
  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), NULL);

  return find_part (self, criterion, "rg-text");
}

/**
 * rg_criteria_view_get_criterion_indicators:
 *
 * Returns: (transfer none) (nullable): the editable indicators of
 *   @criterion in the list, one per line
 */
RgEditableText *
rg_criteria_view_get_criterion_indicators (RgCriteriaView *self,
                                           RgCriterion    *criterion)
{
  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), NULL);

  return find_part (self, criterion, "rg-indicators");
}

/**
 * rg_criteria_view_get_agreed_button:
 *
 * Returns: (transfer none) (nullable): the “Agreed” check button of
 *   @criterion in the list
 */
GtkCheckButton *
rg_criteria_view_get_agreed_button (RgCriteriaView *self,
                                    RgCriterion    *criterion)
{
  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), NULL);

  return find_part (self, criterion, "rg-agreed");
}

/**
 * rg_criteria_view_get_met_button:
 *
 * Returns: (transfer none) (nullable): the “Met” check button of
 *   @criterion in the list
 */
GtkCheckButton *
rg_criteria_view_get_met_button (RgCriteriaView *self,
                                 RgCriterion    *criterion)
{
  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), NULL);

  return find_part (self, criterion, "rg-met");
}

/**
 * rg_criteria_view_get_partner_chip:
 *
 * Returns: (transfer none) (nullable): the chip of @partner under
 *   @criterion, active when the partner proposed it
 */
GtkToggleButton *
rg_criteria_view_get_partner_chip (RgCriteriaView *self,
                                   RgCriterion    *criterion,
                                   RgPartner      *partner)
{
  GtkWidget *chips;

  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), NULL);

  if ((chips = find_part (self, criterion, "rg-chips")) == NULL)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (chips);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_object_get_data (G_OBJECT (chip), "rg-partner") == partner)
        return GTK_TOGGLE_BUTTON (chip);
    }

  return NULL;
}

/**
 * rg_criteria_view_get_map:
 *
 * Returns: (transfer none): the widget drawing the map
 */
GtkWidget *
rg_criteria_view_get_map (RgCriteriaView *self)
{
  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), NULL);

  return GTK_WIDGET (self->map_view);
}

/**
 * rg_criteria_view_export:
 * @self: a #RgCriteriaView
 * @file: where to write: a name ending in “.svg” gives an SVG drawing,
 *   any other a PNG picture
 * @error: a location for a #GError
 *
 * Writes the map at the size of a projector's picture.
 *
 * Returns: %TRUE if the map was written
 */
gboolean
rg_criteria_view_export (RgCriteriaView  *self,
                         GFile           *file,
                         GError         **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RG_IS_CRITERIA_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->editor != NULL, FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (error, RG_CRITERIA_MAP_ERROR, RG_CRITERIA_MAP_ERROR_WRITING,
                           _("The map can only be saved in a folder of this computer."));
      return FALSE;
    }

  if (g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG"))
    return rg_criteria_map_write_svg (get_session (self), path, EXPORT_WIDTH, EXPORT_HEIGHT, error);

  return rg_criteria_map_write_png (get_session (self), path, EXPORT_WIDTH, EXPORT_HEIGHT, error);
}
