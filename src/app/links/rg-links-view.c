/* rg-links-view.c — every agreement and divergence, and where readings part
 *
 * All the links of the session, grouped by dimension, each with the
 * statements it ties quoted, its note written in place and its status
 * settled with one toggle; filters by type, status, dimension and
 * partner; and beside them the partner × partner picture.
 *
 * A link whose statements lie in several dimensions is listed under
 * each of them (with “Also in …” saying so), as RgStatistics counts it
 * in each: a dimension's group then holds every link that touches it,
 * and the counts in its header are those of its rows.
 *
 * The view keeps no copy of the model: it rebuilds its rows, debounced
 * to an idle, whenever the links, statements, partners or dimensions
 * change, and every edit goes through the session editor, undoably.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-links-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-accessible-names.h"
#include "rg-divergence-map.h"
#include "rg-divergence-picture.h"
#include "rg-editable-text.h"
#include "rg-icons.h"
#include "rg-links-view.h"
#include "rg-save-chooser.h"
#include "rg-partner-swatch.h"
#include "rg-review-list.h"
#include "rg-session-editor-links.h"
#include "rg-statistics.h"
#include "rg-undo-toast.h"

#define N_LINK_TYPES (RG_LINK_TYPE_CLARIFY + 1)

struct _RgLinksView
{
  GtkWidget        parent_instance;

  RgSessionEditor *editor;
  guint            rebuild_source;

  /* What the view follows besides the lists: the partners' names and
   * colours, the dimensions' names. */
  GPtrArray       *watched;
  /* The ids behind the items of the dimension and partner filters,
   * after their first item, "All" */
  GPtrArray       *dimension_ids;
  GPtrArray       *partner_ids;
  guint            updating_filters : 1;

  GtkWidget       *content;
  GtkWidget       *review_scroller;
  RgReviewList    *review_list;
  GtkStack        *stack;
  GtkDropDown     *type_filter;
  GtkDropDown     *status_filter;
  GtkDropDown     *dimension_filter;
  GtkDropDown     *partner_filter;
  GtkLabel        *summary_label;
  GtkStack        *results_stack;
  GtkBox          *groups_box;
  RgDivergenceMap *map;
  GtkLabel        *shares_label;
};

enum {
  PROP_0,
  PROP_EDITOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgLinksView, rg_links_view, GTK_TYPE_WIDGET)

static void rg_links_view_rebuild (RgLinksView *self);
static void queue_rebuild         (RgLinksView *self);

static RgSession *
get_session (RgLinksView *self)
{
  return rg_session_editor_get_session (self->editor);
}

static const char *
link_type_css_class (RgLinkType type)
{
  static const char *classes[] = { "agreement", "divergence", "complement", "clarify" };

  return type < G_N_ELEMENTS (classes) ? classes[type] : "clarify";
}

/* {{{ Filters */

typedef struct
{
  int         type;          /* an RgLinkType, or -1 for all */
  int         status;        /* an RgLinkStatus, or -1 for all */
  const char *dimension_id;  /* or NULL for all */
  const char *partner_id;    /* or NULL for all */
} Filter;

static void
get_filter (RgLinksView *self,
            Filter      *filter)
{
  guint type = gtk_drop_down_get_selected (self->type_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint dimension = gtk_drop_down_get_selected (self->dimension_filter);
  guint partner = gtk_drop_down_get_selected (self->partner_filter);

  filter->type = type > 0 && type <= N_LINK_TYPES ? (int) type - 1 : -1;
  filter->status = status == 1 ? RG_LINK_STATUS_OPEN : status == 2 ? RG_LINK_STATUS_SETTLED : -1;
  filter->dimension_id = dimension > 0 && dimension <= self->dimension_ids->len
                         ? g_ptr_array_index (self->dimension_ids, dimension - 1) : NULL;
  filter->partner_id = partner > 0 && partner <= self->partner_ids->len
                       ? g_ptr_array_index (self->partner_ids, partner - 1) : NULL;
}

static gboolean
filter_is_empty (const Filter *filter)
{
  return filter->type < 0 && filter->status < 0 && filter->dimension_id == NULL &&
         filter->partner_id == NULL;
}

static gboolean
link_has_partner (RgLinksView *self,
                  RgLink      *link,
                  const char  *partner_id)
{
  const char * const *members = rg_link_get_members (link);

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      RgStatement *statement = rg_session_find_statement (get_session (self), members[i]);

      if (statement != NULL && g_strcmp0 (rg_statement_get_partner_id (statement), partner_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
link_matches (RgLinksView  *self,
              RgLink       *link,
              const Filter *filter)
{
  if (filter->type >= 0 && rg_link_get_link_type (link) != (RgLinkType) filter->type)
    return FALSE;
  if (filter->status >= 0 && rg_link_get_status (link) != (RgLinkStatus) filter->status)
    return FALSE;
  if (filter->partner_id != NULL && !link_has_partner (self, link, filter->partner_id))
    return FALSE;

  return TRUE;
}

/* Fills @dropdown with "All …" then @labels, keeping the item of the
 * same id selected if it is still there. */
static void
fill_filter (RgLinksView *self,
             GtkDropDown *dropdown,
             const char  *all,
             GPtrArray   *labels,
             GPtrArray   *ids,
             GPtrArray   *new_ids)
{
  GListModel *current = gtk_drop_down_get_model (dropdown);
  g_autoptr(GtkStringList) model = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *selected_id = NULL;
  guint position = 0;

  if (ids != NULL && selected > 0 && selected <= ids->len)
    selected_id = g_ptr_array_index (ids, selected - 1);
  else if (ids == NULL && selected != GTK_INVALID_LIST_POSITION)
    position = selected;

  /* The same items (and so the same ids): nothing to do. */
  if (current != NULL && g_list_model_get_n_items (current) == labels->len + 1)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < labels->len; i++)
        same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (current), i + 1),
                          g_ptr_array_index (labels, i)) == 0;
      if (same && (ids == NULL || new_ids == NULL || ids->len == new_ids->len))
        for (guint i = 0; same && ids != NULL && new_ids != NULL && i < ids->len; i++)
          same = g_str_equal (g_ptr_array_index (ids, i), g_ptr_array_index (new_ids, i));
      if (same)
        return;
    }

  model = gtk_string_list_new (NULL);
  gtk_string_list_append (model, all);
  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));

  if (new_ids != NULL)
    {
      position = 0;
      for (guint i = 0; selected_id != NULL && i < new_ids->len; i++)
        if (g_str_equal (g_ptr_array_index (new_ids, i), selected_id))
          position = i + 1;
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, MIN (position, labels->len));
}

static void
update_filters (RgLinksView *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) dimension_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) partner_ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *dimensions = rg_session_get_dimensions (get_session (self));
  GListModel *partners = rg_session_get_partners (get_session (self));

  self->updating_filters = TRUE;

  if (gtk_drop_down_get_model (self->type_filter) == NULL)
    {
      for (guint t = 0; t < N_LINK_TYPES; t++)
        g_ptr_array_add (labels, (gpointer) rg_link_type_get_label (t));
      fill_filter (self, self->type_filter, _("All types"), labels, NULL, NULL);
      g_ptr_array_set_size (labels, 0);

      g_ptr_array_add (labels, (gpointer) rg_link_status_get_label (RG_LINK_STATUS_OPEN));
      g_ptr_array_add (labels, (gpointer) rg_link_status_get_label (RG_LINK_STATUS_SETTLED));
      /* Translators: the status filter of the links: all of them, open or settled. */
      fill_filter (self, self->status_filter, _("Open or settled"), labels, NULL, NULL);
      g_ptr_array_set_size (labels, 0);
    }

  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      g_ptr_array_add (labels, (gpointer) rg_dimension_get_name (dimension));
      g_ptr_array_add (dimension_ids, g_strdup (rg_dimension_get_id (dimension)));
    }
  fill_filter (self, self->dimension_filter, _("All dimensions"), labels, self->dimension_ids,
               dimension_ids);
  g_ptr_array_set_size (labels, 0);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      g_ptr_array_add (labels, (gpointer) rg_partner_get_name (partner));
      g_ptr_array_add (partner_ids, g_strdup (rg_partner_get_id (partner)));
    }
  fill_filter (self, self->partner_filter, _("All partners"), labels, self->partner_ids,
               partner_ids);

  g_ptr_array_unref (self->dimension_ids);
  self->dimension_ids = g_steal_pointer (&dimension_ids);
  g_ptr_array_unref (self->partner_ids);
  self->partner_ids = g_steal_pointer (&partner_ids);

  self->updating_filters = FALSE;
}

static void
on_filter_changed (RgLinksView *self)
{
  if (!self->updating_filters && self->editor != NULL)
    rg_links_view_rebuild (self);
}

/* }}} */
/* {{{ Rows */

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, g_object_get_data (G_OBJECT (widget), "tooltip"));

  return TRUE;
}

/* gtk_widget_set_tooltip_text() asks the display where the pointer is,
 * a round trip to the X server for each widget: with every row rebuilt
 * on a change, that is slow. The text is given when it is asked for. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  g_object_set_data_full (G_OBJECT (widget), "tooltip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  rg_accessible_set_hint (widget, text);
}

static void
update_quote (GtkLabel *label)
{
  RgStatement *statement = g_object_get_data (G_OBJECT (label), "statement");
  RgPartner *partner = g_object_get_data (G_OBJECT (label), "partner");
  g_autofree char *statement_text = rg_editable_text_shorten (rg_statement_get_text (statement));
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  name = g_markup_printf_escaped ("<b>%s</b>", partner ? rg_partner_get_name (partner) : "");
  kind = g_markup_escape_text (rg_statement_kind_get_label (rg_statement_get_kind (statement)), -1);
  text = g_markup_escape_text (statement_text ? statement_text : "", -1);

  /* Translators: a statement quoted in a link: who said it, of what kind,
   * and what: "Mme Roussel — Interprétation : « Il manque de motivation »". */
  markup = g_strdup_printf (_("%s — %s: “%s”"), name, kind, text);
  gtk_label_set_markup (label, markup);
}

static GtkWidget *
create_quote (RgLinksView *self,
              RgStatement *statement)
{
  RgPartner *partner = rg_session_find_partner (get_session (self),
                                                rg_statement_get_partner_id (statement));
  GtkWidget *box, *swatch, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (box, "quote");

  swatch = partner ? rg_partner_swatch_new (partner, FALSE) : gtk_drawing_area_new ();
  gtk_widget_add_css_class (swatch, "partner-colour");
  gtk_widget_set_size_request (swatch, 4, -1);
  gtk_box_append (GTK_BOX (box), swatch);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  g_object_set_data_full (G_OBJECT (label), "statement", g_object_ref (statement), g_object_unref);
  if (partner != NULL)
    g_object_set_data_full (G_OBJECT (label), "partner", g_object_ref (partner), g_object_unref);
  update_quote (GTK_LABEL (label));
  g_signal_connect_object (statement, "notify::text", G_CALLBACK (update_quote),
                           label, G_CONNECT_SWAPPED);
  g_signal_connect_object (statement, "notify::kind", G_CALLBACK (update_quote),
                           label, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GMenuModel *
type_menu (RgLink *link)
{
  GMenu *menu = g_menu_new ();

  for (guint t = 0; t < N_LINK_TYPES; t++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (rg_link_type_get_label (t), NULL);
      g_autoptr(GIcon) icon = g_themed_icon_new (rg_link_type_get_icon_name (t));

      g_menu_item_set_action_and_target (item, "links.set-type", "(ss)", rg_link_get_id (link),
                                         rg_link_type_to_string (t));
      g_menu_item_set_icon (item, icon);
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

/* A popover menu per row is heavy: it is made when first opened. */
static void
create_type_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  g_autoptr(GMenuModel) menu = type_menu (user_data);

  gtk_menu_button_set_menu_model (button, menu);
}

static void
on_status_toggled (GtkToggleButton *button,
                   RgLinksView     *self)
{
  RgLink *link = g_object_get_data (G_OBJECT (button), "link");
  RgLinkStatus status = gtk_toggle_button_get_active (button) ? RG_LINK_STATUS_SETTLED
                                                                : RG_LINK_STATUS_OPEN;

  if (link != NULL && rg_link_get_status (link) != status)
    gtk_widget_activate_action (GTK_WIDGET (self), "links.set-status", "(ss)",
                                rg_link_get_id (link), rg_link_status_to_string (status));
}

static void
on_note_committed (RgEditableText *text,
                   const char     *note,
                   RgLinksView    *self)
{
  RgLink *link = g_object_get_data (G_OBJECT (text), "link");
  const char *old_note;

  if (link == NULL || self->editor == NULL)
    return;

  old_note = rg_link_get_note (link);
  if (g_strcmp0 (note, old_note ? old_note : "") != 0)
    rg_session_editor_set_link_note (self->editor, link, note);
}

static void
on_member_moved (GtkWidget *row)
{
  GtkWidget *view = gtk_widget_get_ancestor (row, RG_TYPE_LINKS_VIEW);

  if (view != NULL)
    queue_rebuild (RG_LINKS_VIEW (view));
}

/* The names of the other dimensions a link reaches, or NULL. */
static char *
other_dimensions (RgLinksView *self,
                  GPtrArray   *dimension_ids,
                  const char  *dimension_id)
{
  g_autoptr(GString) names = NULL;

  for (guint i = 0; i < dimension_ids->len; i++)
    {
      const char *id = g_ptr_array_index (dimension_ids, i);
      RgDimension *dimension;

      if (g_strcmp0 (id, dimension_id) == 0 ||
          !(dimension = rg_session_find_dimension (get_session (self), id)))
        continue;

      if (names == NULL)
        names = g_string_new (NULL);
      else
        /* Translators: between the names of dimensions. */
        g_string_append (names, _(", "));
      g_string_append (names, rg_dimension_get_name (dimension));
    }

  return names ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* The start of a statement, for a row's name: the words of its first
 * sixty letters or so, as a screen reader user needs to recognise it */
#define ROW_QUOTE_CHARS 60

static char *
start_of_text (const char *text)
{
  const char *end, *space;
  g_autofree char *cut = NULL;

  if (text == NULL || g_utf8_strlen (text, -1) <= ROW_QUOTE_CHARS)
    return g_strdup (text ? text : "");

  end = g_utf8_offset_to_pointer (text, ROW_QUOTE_CHARS);
  /* Only words that fit whole; a word longer than the cut is cut */
  if (*end != ' ' && (space = g_utf8_strrchr (text, end - text, ' ')) != NULL)
    end = space;
  cut = g_strndup (text, end - text);
  g_strchomp (cut);

  return g_strconcat (cut, "…", NULL);
}

/* What a screen reader says of a link's row, where the keyboard first
 * lands on it: its type and status, the statements it ties (who, and
 * the start of what they said) and its note. */
static void
update_row_label (GtkWidget *row)
{
  RgLinksView *self = g_object_get_data (G_OBJECT (row), "view");
  RgLink *link = g_object_get_data (G_OBJECT (row), "link");
  const char * const *members = rg_link_get_members (link);
  const char *note = rg_link_get_note (link);
  g_autoptr(GString) quotes = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      RgStatement *statement = rg_session_find_statement (get_session (self), members[i]);
      RgPartner *partner;
      g_autofree char *text = NULL;
      g_autofree char *quote = NULL;

      if (statement == NULL)
        continue;

      partner = rg_session_find_partner (get_session (self),
                                         rg_statement_get_partner_id (statement));
      text = start_of_text (rg_statement_get_text (statement));
      /* Translators: a statement in the name a screen reader gives a
       * link's row: who said it, and the start of what they said:
       * "Mme Perrin “Il manque de motivation”". */
      quote = g_strdup_printf (C_("link row", "%s “%s”"),
                               partner ? rg_partner_get_name (partner) : "", text);
      if (quotes->len > 0)
        /* Translators: between the statements of a link's row, as a
         * screen reader reads them. */
        g_string_append (quotes, C_("link row", " / "));
      g_string_append (quotes, quote);
    }

  /* Translators: how a screen reader names a link's row: "Divergence, open". */
  heading = g_strdup_printf (_("%s, %s"), rg_link_type_get_label (rg_link_get_link_type (link)),
                             rg_link_status_get_label (rg_link_get_status (link)));
  if (quotes->len > 0)
    {
      g_autofree char *with_quotes = NULL;

      /* Translators: a link's row for a screen reader: its type and
       * status, then its statements: "Divergence, open: Mme Perrin “…”
       * / Mme Benali “…”". */
      with_quotes = g_strdup_printf (C_("link row", "%s: %s"), heading, quotes->str);
      g_free (heading);
      heading = g_steal_pointer (&with_quotes);
    }

  if (note != NULL && *note != '\0')
    /* Translators: a link's row for a screen reader, then its note:
     * "Divergence, open: … Note: on en reparle en février". */
    label = g_strdup_printf (C_("link row", "%s. Note: %s"), heading, note);
  else
    label = g_steal_pointer (&heading);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
create_link_row (RgLinksView *self,
                 RgLink      *link,
                 const char  *dimension_id,
                 GPtrArray   *dimension_ids)
{
  RgLinkType type = rg_link_get_link_type (link);
  gboolean settled = rg_link_get_status (link) == RG_LINK_STATUS_SETTLED;
  const char * const *members = rg_link_get_members (link);
  GtkWidget *row, *box, *top, *bottom, *type_button, *content, *status_button, *delete_button, *note, *label;
  g_autofree char *also = other_dimensions (self, dimension_ids, dimension_id);
  g_autofree char *type_label = NULL;

  /* The row takes the keyboard first, and is named after the whole
   * link; Tab then goes to its buttons and its note. */
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, TRUE);
  gtk_widget_add_css_class (row, "link-row");
  gtk_widget_add_css_class (row, link_type_css_class (type));
  if (settled)
    gtk_widget_add_css_class (row, "settled");
  g_object_set_data_full (G_OBJECT (row), "link", g_object_ref (link), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "dimension-id", g_strdup (dimension_id), g_free);
  g_object_set_data (G_OBJECT (row), "view", self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* The type, by icon and word, and a menu to change it */
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), top);

  type_button = gtk_menu_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                    rg_link_type_get_icon_name (type));
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), rg_link_type_get_label (type));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (type_button), content);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (type_button), create_type_popup,
                                         g_object_ref (link), g_object_unref);
  gtk_widget_add_css_class (type_button, "link-badge");
  gtk_widget_add_css_class (type_button, link_type_css_class (type));
  gtk_widget_set_valign (type_button, GTK_ALIGN_CENTER);
  /* Translators: the button showing a link's type, which changes it:
   * "Type: Divergence". */
  type_label = g_strdup_printf (_("Type: %s"), rg_link_type_get_label (type));
  gtk_accessible_update_property (GTK_ACCESSIBLE (type_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, type_label,
                                  -1);
  set_tooltip (type_button, _("Change the type of this link"));
  g_object_set_data (G_OBJECT (type_button), "role", (gpointer) "type");
  g_object_set_data (G_OBJECT (row), "type-button", type_button);
  gtk_box_append (GTK_BOX (top), type_button);

  if (also != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: under a link listed in one dimension that also has
       * statements in others: "Also in Santé, Famille". */
      text = g_strdup_printf (_("Also in %s"), also);
      label = gtk_label_new (text);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (top), label);
    }

  /* A spacer, which a screen reader does not see */
  gtk_box_append (GTK_BOX (top), g_object_new (GTK_TYPE_BOX, "hexpand", TRUE, NULL));

  /* The status, where there is something to settle (a divergence, a
   * point to clarify): a toggle that says “Settled”, ticked when it is.
   * It once said the status it had, “To handle” unticked, which read
   * backwards. */
  if (type == RG_LINK_TYPE_DIVERGENCE || type == RG_LINK_TYPE_CLARIFY)
    {
      status_button = gtk_toggle_button_new ();
      content = adw_button_content_new ();
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                        settled ? "checkbox-checked-symbolic" : "checkbox-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content),
                                    rg_link_status_get_label (RG_LINK_STATUS_SETTLED));
      gtk_button_set_child (GTK_BUTTON (status_button), content);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (status_button), settled);
      gtk_widget_add_css_class (status_button, "status-toggle");
      gtk_widget_set_valign (status_button, GTK_ALIGN_CENTER);
      set_tooltip (status_button, settled ? _("Open this link again") : _("Mark this link as settled"));
      g_object_set_data_full (G_OBJECT (status_button), "link", g_object_ref (link), g_object_unref);
      g_object_set_data (G_OBJECT (status_button), "role", (gpointer) "status");
      g_signal_connect_object (status_button, "toggled", G_CALLBACK (on_status_toggled), self, 0);
      g_object_set_data (G_OBJECT (row), "status-button", status_button);
      gtk_box_append (GTK_BOX (top), status_button);
    }

  /* The statements it ties, quoted */
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      RgStatement *statement = rg_session_find_statement (get_session (self), members[i]);

      if (statement == NULL)
        continue;

      gtk_box_append (GTK_BOX (box), create_quote (self, statement));
      g_signal_connect_object (statement, "notify::dimension-id", G_CALLBACK (on_member_moved),
                               row, G_CONNECT_SWAPPED);
      g_signal_connect_object (statement, "notify::text", G_CALLBACK (update_row_label),
                               row, G_CONNECT_SWAPPED);
    }

  /* The team's note, written in place */
  note = rg_editable_text_new ();
  gtk_widget_add_css_class (note, "link-note");
  rg_editable_text_set_placeholder (RG_EDITABLE_TEXT (note), _("Add a note (Enter to write)"));
  g_object_bind_property (link, "note", note, "text", G_BINDING_SYNC_CREATE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  g_object_set_data_full (G_OBJECT (note), "link", g_object_ref (link), g_object_unref);
  g_object_set_data (G_OBJECT (note), "role", (gpointer) "note");
  if (self->editor != NULL)
    rg_editable_text_set_undo_stack (RG_EDITABLE_TEXT (note),
                                     rg_session_editor_get_undo_stack (self->editor), NULL);
  g_signal_connect_object (note, "changed", G_CALLBACK (on_note_committed), self, 0);
  g_signal_connect_object (note, "committed", G_CALLBACK (on_note_committed), self, 0);
  g_object_set_data (G_OBJECT (row), "note", note);

  /* Delete last, after the note: Tab from a field never lands on it
   * (docs/editing.md). */
  delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "links.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "s", rg_link_get_id (link));
  gtk_widget_add_css_class (delete_button, "flat");
  /* GTK orders Tab by where widgets sit, their middles from top to
   * bottom: beside a note of several lines, a button at the top would
   * come before the note. At the bottom, it comes after. */
  gtk_widget_set_valign (delete_button, GTK_ALIGN_END);
  set_tooltip (delete_button, _("Delete this link (the statements stay)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Link"), -1);
  g_object_set_data (G_OBJECT (delete_button), "role", (gpointer) "delete");
  g_object_set_data (G_OBJECT (row), "delete-button", delete_button);

  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_hexpand (note, TRUE);
  gtk_box_append (GTK_BOX (bottom), note);
  gtk_box_append (GTK_BOX (bottom), delete_button);
  gtk_box_append (GTK_BOX (box), bottom);

  update_row_label (row);
  g_signal_connect_object (link, "notify::note", G_CALLBACK (update_row_label), row,
                           G_CONNECT_SWAPPED);

  return row;
}

/* }}} */
/* {{{ Groups */

static GtkWidget *
create_count (RgLinkType type,
              guint      all,
              guint      open)
{
  GtkWidget *box, *icon, *label;
  g_autofree char *text = NULL;

  switch (type)
    {
    case RG_LINK_TYPE_AGREEMENT:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agreement", "%u agreements", all),
                              all);
      break;

    case RG_LINK_TYPE_DIVERGENCE:
      if (open > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u divergence (%u open)",
                                             "%u divergences (%u open)", all), all, open);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u divergence", "%u divergences",
                                             all),
                                all);
      break;

    case RG_LINK_TYPE_COMPLEMENT:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u complement", "%u complements", all),
                              all);
      break;

    case RG_LINK_TYPE_CLARIFY:
    default:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to clarify", "%u to clarify", all),
                              all);
      break;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (box, "link-count");
  gtk_widget_add_css_class (box, link_type_css_class (type));
  /* The word says it; the icon only echoes it. */
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", rg_link_type_get_icon_name (type),
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
  gtk_box_append (GTK_BOX (box), icon);
  label = gtk_label_new (text);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GtkWidget *
create_group (RgLinksView  *self,
              RgDimension  *dimension,
              RgStatistics *statistics,
              GtkWidget   **list)
{
  GtkWidget *group, *header, *title, *counts;
  const char *id = dimension ? rg_dimension_get_id (dimension) : NULL;

  group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (group, "dimension-group");

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (header, "group-header");
  gtk_box_append (GTK_BOX (group), header);

  title = g_object_new (GTK_TYPE_LABEL,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        NULL);
  gtk_widget_add_css_class (title, "title-4");
  if (dimension != NULL)
    g_object_bind_property (dimension, "name", title, "label", G_BINDING_SYNC_CREATE);
  else
    gtk_label_set_label (GTK_LABEL (title), _("Statements of no dimension"));
  gtk_box_append (GTK_BOX (header), title);

  /* The counts of the whole dimension, whatever the filters show. */
  counts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (counts, "link-counts");
  for (guint t = 0; id != NULL && t < N_LINK_TYPES; t++)
    {
      guint all = rg_statistics_get_dimension_count (statistics, id, t);
      guint open = rg_statistics_get_dimension_open_count (statistics, id, t);

      if (all > 0)
        gtk_box_append (GTK_BOX (counts), create_count (t, all, open));
    }
  gtk_box_append (GTK_BOX (header), counts);

  *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (*list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (*list, "boxed-list");
  gtk_widget_add_css_class (*list, "links");
  if (dimension != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (*list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    rg_dimension_get_name (dimension), -1);
  gtk_box_append (GTK_BOX (group), *list);

  return group;
}

/* The distinct dimensions of a link's statements, in no order. */
static GPtrArray *
link_dimensions (RgLinksView *self,
                 RgLink      *link)
{
  const char * const *members = rg_link_get_members (link);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      RgStatement *statement = rg_session_find_statement (get_session (self), members[i]);
      const char *id;

      if (statement == NULL || !(id = rg_statement_get_dimension_id (statement)) ||
          !rg_session_find_dimension (get_session (self), id) ||
          g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        continue;

      g_ptr_array_add (ids, (gpointer) id);
    }

  return ids;
}

static int
percent (double share)
{
  return (int) (100 * share + .5);
}

static void
update_shares (RgLinksView  *self,
               RgStatistics *statistics)
{
  g_autofree char *text = NULL;

  if (rg_statistics_get_n_statements (statistics) == 0)
    {
      gtk_label_set_label (self->shares_label, "");
      return;
    }

  /* Translators: under the partner × partner picture; each %d%% is a
   * share of all the statements: "Agreed: 40 % of the statements …". */
  text = g_strdup_printf (_("Agreed: %d%% of the statements · In an open divergence: %d%% · "
                            "Echoed by no other partner: %d%%"),
                          percent (rg_statistics_get_share_agreed (statistics)),
                          percent (rg_statistics_get_share_in_open_divergence (statistics)),
                          percent (rg_statistics_get_share_unechoed (statistics)));
  gtk_label_set_label (self->shares_label, text);
}

static void
update_summary (RgLinksView  *self,
                RgStatistics *statistics,
                guint         shown,
                gboolean      filtered)
{
  guint n = rg_statistics_get_n_links (statistics);
  g_autofree char *text = NULL;

  if (filtered)
    /* Translators: "Showing 4 of 13 links". */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u link",
                                         "Showing %u of %u links", n),
                            shown, n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", n), n);

  gtk_label_set_label (self->summary_label, text);
}

/* }}} */
/* {{{ Building */

typedef struct
{
  char       *link_id;
  char       *dimension_id;
  const char *role;
} FocusPlace;

/* Where the keyboard is, so a rebuild gives it back. */
static gboolean
save_focus (RgLinksView *self,
            FocusPlace  *place)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  RgLink *link;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->groups_box)) ||
      !(row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW)) ||
      !(link = g_object_get_data (G_OBJECT (row), "link")))
    return FALSE;

  place->link_id = g_strdup (rg_link_get_id (link));
  place->dimension_id = g_strdup (g_object_get_data (G_OBJECT (row), "dimension-id"));
  place->role = focus == row ? "row" : NULL;
  for (GtkWidget *w = focus; w != NULL && w != row; w = gtk_widget_get_parent (w))
    if ((place->role = g_object_get_data (G_OBJECT (w), "role")))
      break;

  return TRUE;
}

/* The parts of a row, as rg_links_view_get_rows () names them */
static const char *
role_to_key (const char *role)
{
  if (g_strcmp0 (role, "status") == 0)
    return "status-button";
  if (g_strcmp0 (role, "delete") == 0)
    return "delete-button";
  if (g_strcmp0 (role, "note") == 0)
    return "note";
  return "type-button";
}

static void
restore_focus (RgLinksView *self,
               FocusPlace  *place)
{
  g_autoptr(GPtrArray) rows = rg_links_view_get_rows (self);
  GtkWidget *fallback = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      RgLink *link = g_object_get_data (G_OBJECT (row), "link");
      GtkWidget *target;

      if (!g_str_equal (rg_link_get_id (link), place->link_id))
        continue;

      /* A link retyped as an agreement has no status any more */
      if (g_strcmp0 (place->role, "row") == 0)
        target = row;
      else if (!(target = g_object_get_data (G_OBJECT (row), role_to_key (place->role))))
        target = g_object_get_data (G_OBJECT (row), "type-button");
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "dimension-id"), place->dimension_id) == 0)
        {
          gtk_widget_grab_focus (target);
          return;
        }
      if (fallback == NULL)
        fallback = target;
    }

  if (fallback != NULL)
    gtk_widget_grab_focus (fallback);
}

static void
clear_groups (RgLinksView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
}

static void
unwatch (RgLinksView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          queue_rebuild, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch (RgLinksView *self,
       GListModel  *model,
       const char  *signal)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      g_signal_connect_swapped (object, signal, G_CALLBACK (queue_rebuild), self);
      g_ptr_array_add (self->watched, g_object_ref (object));
    }
}

static void
rg_links_view_rebuild (RgLinksView *self)
{
  g_autoptr(RgStatistics) statistics = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GHashTable) shown = NULL;
  GListModel *links, *dimensions;
  FocusPlace focus = { NULL, NULL, NULL };
  gboolean had_focus;
  GtkRoot *root;
  GtkWidget *editing;
  Filter filter;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  /* A note being written is kept: ending the editing commits it. */
  if ((root = gtk_widget_get_root (GTK_WIDGET (self))) &&
      (editing = gtk_root_get_focus (root)) &&
      gtk_widget_is_ancestor (editing, GTK_WIDGET (self->groups_box)) &&
      (editing = gtk_widget_get_ancestor (editing, RG_TYPE_EDITABLE_TEXT)) &&
      rg_editable_text_get_editing (RG_EDITABLE_TEXT (editing)))
    rg_editable_text_stop_editing (RG_EDITABLE_TEXT (editing));

  had_focus = save_focus (self, &focus);
  clear_groups (self);
  unwatch (self);

  if (self->editor == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      rg_divergence_map_set_session (self->map, NULL);
      return;
    }

  watch (self, rg_session_get_partners (get_session (self)), "notify::name");
  watch (self, rg_session_get_partners (get_session (self)), "notify::colour");
  watch (self, rg_session_get_dimensions (get_session (self)), "notify::name");
  update_filters (self);
  get_filter (self, &filter);

  statistics = rg_statistics_new (get_session (self));
  links = rg_session_get_links (get_session (self));
  dimensions = rg_session_get_dimensions (get_session (self));
  shown = g_hash_table_new (NULL, NULL);

  /* One list per dimension, then one for links of no known dimension. */
  groups = g_ptr_array_new ();
  for (guint d = 0; d <= g_list_model_get_n_items (dimensions); d++)
    {
      g_autoptr(RgDimension) dimension = d < g_list_model_get_n_items (dimensions)
                                         ? g_list_model_get_item (dimensions, d) : NULL;
      const char *dimension_id = dimension ? rg_dimension_get_id (dimension) : NULL;
      GtkWidget *group = NULL, *list = NULL;

      if (filter.dimension_id != NULL && g_strcmp0 (filter.dimension_id, dimension_id) != 0)
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (links); i++)
        {
          g_autoptr(RgLink) link = g_list_model_get_item (links, i);
          g_autoptr(GPtrArray) ids = link_dimensions (self, link);
          gboolean in_group;

          if (dimension_id != NULL)
            in_group = g_ptr_array_find_with_equal_func (ids, dimension_id, g_str_equal, NULL);
          else
            in_group = ids->len == 0;

          if (!in_group || !link_matches (self, link, &filter))
            continue;

          if (group == NULL)
            {
              group = create_group (self, dimension, statistics, &list);
              gtk_box_append (self->groups_box, group);
            }

          gtk_list_box_append (GTK_LIST_BOX (list),
                               create_link_row (self, link, dimension_id, ids));
          g_hash_table_add (shown, link);
        }
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (links) > 0 ? "links" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack,
                                    g_hash_table_size (shown) > 0 ? "list" : "no-match");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "links.clear-filters",
                                 !filter_is_empty (&filter));
  update_summary (self, statistics, g_hash_table_size (shown), !filter_is_empty (&filter));
  update_shares (self, statistics);

  rg_divergence_map_set_session (self->map, get_session (self));
  rg_divergence_map_update (self->map);

  if (had_focus)
    restore_focus (self, &focus);
  g_free (focus.link_id);
  g_free (focus.dimension_id);
}

static gboolean
rebuild_idle (gpointer user_data)
{
  RgLinksView *self = user_data;

  self->rebuild_source = 0;
  rg_links_view_rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (RgLinksView *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle, self, NULL);
}

/* }}} */
/* {{{ Actions */

static RgLink *
find_link (RgLinksView *self,
           const char  *id)
{
  return self->editor != NULL ? rg_session_find_link (get_session (self), id) : NULL;
}

static void
set_type_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RgLinksView *self = RG_LINKS_VIEW (widget);
  const char *id, *type_name;
  RgLinkType type;
  RgLink *link;

  g_variant_get (parameter, "(&s&s)", &id, &type_name);
  if ((link = find_link (self, id)) && rg_link_type_from_string (type_name, &type) &&
      rg_link_get_link_type (link) != type)
    rg_session_editor_set_link_type (self->editor, link, type);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RgLinksView *self = RG_LINKS_VIEW (widget);
  const char *id, *status_name;
  RgLinkStatus status;
  RgLink *link;

  g_variant_get (parameter, "(&s&s)", &id, &status_name);
  if ((link = find_link (self, id)) && rg_link_status_from_string (status_name, &status) &&
      rg_link_get_status (link) != status)
    rg_session_editor_set_link_status (self->editor, link, status);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RgLinksView *self = RG_LINKS_VIEW (widget);
  RgLink *link = find_link (self, g_variant_get_string (parameter, NULL));

  if (link == NULL)
    return;

  rg_session_editor_remove_link (self->editor, link);
  rg_undo_toast_show (widget, _("Link deleted"));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgLinksView *self = RG_LINKS_VIEW (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->type_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->dimension_filter, 0);
  gtk_drop_down_set_selected (self->partner_filter, 0);
  self->updating_filters = FALSE;

  if (self->editor != NULL)
    rg_links_view_rebuild (self);
}

static void
show_diagnosis_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWidget *stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "diagnosis");
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    RgLinksView     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RgDivergencePicture) picture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean svg = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "svg"));

  if (response == GTK_RESPONSE_ACCEPT && self->editor != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    {
      picture = rg_divergence_picture_new_for_export (get_session (self));
      bytes = svg ? rg_divergence_picture_to_svg (picture, &error)
                  : rg_divergence_picture_to_png (picture, &error);

      if (bytes == NULL)
        rg_widget_show_toast (GTK_WIDGET (self), error->message);
      else
        rg_save_chooser_write (GTK_WIDGET (self), file, bytes);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static char *
suggest_file_name (RgLinksView *self,
                   const char  *extension)
{
  const char *title = rg_session_get_title (get_session (self));
  g_autofree char *name = NULL;

  if (title != NULL && title[0] != '\0')
    /* Translators: the file name offered for an exported picture:
     * "Revue de novembre — accords et divergences". */
    name = g_strdup_printf (_("%s — agreements and divergences"), title);
  else
    name = g_strdup (_("Agreements and divergences"));

  g_strdelimit (name, "/\\:", '-');

  return g_strconcat (name, ".", extension, NULL);
}

static void
export_picture_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgLinksView *self = RG_LINKS_VIEW (widget);
  gboolean svg = g_str_equal (g_variant_get_string (parameter, NULL), "svg");
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->editor == NULL)
    return;

  name = suggest_file_name (self, svg ? "svg" : "png");
  dialog = rg_save_chooser_new (rg_widget_get_window (widget),
                                svg ? _("Export the Picture as SVG")
                                    : _("Export the Picture as PNG"),
                                svg ? _("SVG drawings") : _("PNG pictures"),
                                svg ? "image/svg+xml" : "image/png", name);
  g_object_set_data (G_OBJECT (dialog), "svg", GINT_TO_POINTER (svg));
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* }}} */

static void
rg_links_view_dispose (GObject *object)
{
  RgLinksView *self = RG_LINKS_VIEW (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  rg_links_view_set_editor (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_LINKS_VIEW);

  G_OBJECT_CLASS (rg_links_view_parent_class)->dispose (object);
}

static void
rg_links_view_finalize (GObject *object)
{
  RgLinksView *self = RG_LINKS_VIEW (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->dimension_ids, g_ptr_array_unref);
  g_clear_pointer (&self->partner_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_links_view_parent_class)->finalize (object);
}

static void
rg_links_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RgLinksView *self = RG_LINKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_links_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RgLinksView *self = RG_LINKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      rg_links_view_set_editor (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_links_view_class_init (RgLinksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_links_view_dispose;
  object_class->finalize = rg_links_view_finalize;
  object_class->get_property = rg_links_view_get_property;
  object_class->set_property = rg_links_view_set_property;

  properties [PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, RG_TYPE_SESSION_EDITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-links-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, content);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, review_scroller);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, review_list);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, stack);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, type_filter);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, dimension_filter);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, partner_filter);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, groups_box);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, map);
  gtk_widget_class_bind_template_child (widget_class, RgLinksView, shares_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "links-view");

  gtk_widget_class_install_action (widget_class, "links.set-type", "(ss)", set_type_action);
  gtk_widget_class_install_action (widget_class, "links.set-status", "(ss)", set_status_action);
  gtk_widget_class_install_action (widget_class, "links.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "links.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "links.show-diagnosis", NULL,
                                   show_diagnosis_action);
  gtk_widget_class_install_action (widget_class, "links.export-picture", "s",
                                   export_picture_action);

  g_type_ensure (RG_TYPE_DIVERGENCE_MAP);
  g_type_ensure (RG_TYPE_REVIEW_LIST);
}

static void
rg_links_view_init (RgLinksView *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->dimension_ids = g_ptr_array_new_with_free_func (g_free);
  self->partner_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->review_list, "visible", self->review_scroller, "visible",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_swapped (self->type_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->status_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->dimension_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->partner_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "links.clear-filters", FALSE);
}

/**
 * rg_links_view_new:
 *
 * Returns: (transfer full): a new view, showing nothing until it is
 *   given an editor
 */
GtkWidget *
rg_links_view_new (void)
{
  return g_object_new (RG_TYPE_LINKS_VIEW, NULL);
}

/**
 * rg_links_view_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor of the session shown
 */
RgSessionEditor *
rg_links_view_get_editor (RgLinksView *self)
{
  g_return_val_if_fail (RG_IS_LINKS_VIEW (self), NULL);

  return self->editor;
}

/**
 * rg_links_view_set_editor:
 * @self: a #RgLinksView
 * @editor: (nullable): the editor of the session to show
 *
 * Shows the links of @editor's session, follows them, and makes every
 * change through @editor.
 */
void
rg_links_view_set_editor (RgLinksView     *self,
                          RgSessionEditor *editor)
{
  g_return_if_fail (RG_IS_LINKS_VIEW (self));
  g_return_if_fail (editor == NULL || RG_IS_SESSION_EDITOR (editor));

  if (self->editor == editor)
    return;

  if (self->editor != NULL)
    {
      RgSession *session = get_session (self);

      g_signal_handlers_disconnect_by_func (rg_session_editor_get_link_index (self->editor),
                                            queue_rebuild, self);
      g_signal_handlers_disconnect_by_func (rg_session_get_statements (session),
                                            queue_rebuild, self);
      g_signal_handlers_disconnect_by_func (rg_session_get_partners (session),
                                            queue_rebuild, self);
      g_signal_handlers_disconnect_by_func (rg_session_get_dimensions (session),
                                            queue_rebuild, self);
      unwatch (self);
    }

  g_set_object (&self->editor, editor);
  rg_review_list_set_editor (self->review_list, editor);

  if (self->editor != NULL)
    {
      RgSession *session = get_session (self);

      /* The link index says when links come and go, or change type,
       * status or statements; notes are bound row by row. */
      g_signal_connect_swapped (rg_session_editor_get_link_index (self->editor), "changed",
                                G_CALLBACK (queue_rebuild), self);
      g_signal_connect_swapped (rg_session_get_statements (session), "items-changed",
                                G_CALLBACK (queue_rebuild), self);
      g_signal_connect_swapped (rg_session_get_partners (session), "items-changed",
                                G_CALLBACK (queue_rebuild), self);
      g_signal_connect_swapped (rg_session_get_dimensions (session), "items-changed",
                                G_CALLBACK (queue_rebuild), self);
    }

  if (self->groups_box != NULL)
    rg_links_view_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITOR]);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "link") != NULL)
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

/**
 * rg_links_view_get_rows:
 * @self: a #RgLinksView
 *
 * The rows shown, in order, after any pending rebuild. Each row holds
 * its link as the object data "link", and its parts as "type-button",
 * "status-button", "note" and "delete-button".
 *
 * Returns: (transfer container) (element-type GtkListBoxRow): the rows
 */
GPtrArray *
rg_links_view_get_rows (RgLinksView *self)
{
  GPtrArray *rows;

  g_return_val_if_fail (RG_IS_LINKS_VIEW (self), NULL);

  if (self->rebuild_source != 0)
    rg_links_view_rebuild (self);

  rows = g_ptr_array_new ();
  collect_rows (GTK_WIDGET (self->groups_box), rows);

  return rows;
}

/**
 * rg_links_view_reveal:
 * @self: a #RgLinksView
 * @object_id: the id of a link or of a review item of the session
 *
 * Gives the focus to the row of @object_id: a link's type, or a review
 * item's check box, as the desk does when it opens a session on an
 * open divergence.
 *
 * Returns: whether the view shows @object_id
 */
gboolean
rg_links_view_reveal (RgLinksView *self,
                      const char  *object_id)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) review_rows = NULL;

  g_return_val_if_fail (RG_IS_LINKS_VIEW (self), FALSE);
  g_return_val_if_fail (object_id != NULL, FALSE);

  rows = rg_links_view_get_rows (self);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      RgLink *link = g_object_get_data (G_OBJECT (row), "link");

      /* On the row, which a screen reader reads whole */
      if (g_str_equal (rg_link_get_id (link), object_id))
        return gtk_widget_grab_focus (row);
    }

  review_rows = rg_review_list_get_rows (self->review_list);
  for (guint i = 0; i < review_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (review_rows, i);
      RgReviewItem *item = g_object_get_data (G_OBJECT (row), "item");

      if (item != NULL && g_str_equal (rg_review_item_get_id (item), object_id))
        return gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "check"));
    }

  return FALSE;
}
