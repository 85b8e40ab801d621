/* rg-attention-list.c — what needs the coordinator's attention, by kind
 *
 * The items of rg_library_list_attention (), which come by kind, listed
 * under a heading per kind that counts them ("Overdue actions (3)").
 * Each row names the situation, what it is about and its date;
 * activating it opens the session where the item is (the action, the
 * link, the consent…), or, for a situation past its retention period,
 * offers to erase it. The list tells the window through its actions
 * ("library.open-session-at", "library.erase-situation").
 *
 * Years of sessions never erased can need attention in thousands of
 * places: each kind shows its first rows, and a last row that shows
 * more, so that the list stays quick to make and to read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-attention-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rg-attention.h"
#include "rg-attention-list.h"
#include "rg-row-slicer.h"
#include "rg-types.h"

#define N_KINDS (RG_ATTENTION_CONTRIBUTION_AWAITED + 1)

/* How many rows of a kind show at first, and how many more each time */
#define FIRST_ROWS 25
#define MORE_ROWS  200

struct _RgAttentionList
{
  GtkWidget   parent_instance;

  GtkListBox *list;
  GListModel *items;
  GListStore *shown;              /* of RgAttentionItem, and a marker per kind cut short */
  RgRowSlicer *slicer;            /* fills @shown, in slices while the list is hidden */
  guint       counts[N_KINDS];
  guint       limits[N_KINDS];
};

G_DEFINE_FINAL_TYPE (RgAttentionList, rg_attention_list, GTK_TYPE_WIDGET)

static guint
row_kind (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kind"));
}

/* The heading of a kind, with its count */
static char *
kind_heading (RgAttentionKind kind,
              guint           n)
{
  switch (kind)
    {
    case RG_ATTENTION_ACTION_OVERDUE:
      /* Translators: a heading of the Attention page; %u counts the rows */
      return g_strdup_printf (_("Overdue actions (%u)"), n);
    case RG_ATTENTION_ACTION_DUE:
      return g_strdup_printf (_("Actions due within two weeks (%u)"), n);
    case RG_ATTENTION_REVIEW_OVERDUE:
      return g_strdup_printf (_("Overdue reviews (%u)"), n);
    case RG_ATTENTION_REVIEW_DUE:
      return g_strdup_printf (_("Reviews due within a month (%u)"), n);
    case RG_ATTENTION_OPEN_DIVERGENCE:
      return g_strdup_printf (_("Divergences left open (%u)"), n);
    case RG_ATTENTION_CONSENT_MISSING:
      return g_strdup_printf (_("No consent recorded (%u)"), n);
    case RG_ATTENTION_CONSENT_OLD:
      return g_strdup_printf (_("Consent over a year old (%u)"), n);
    case RG_ATTENTION_RETENTION_DUE:
      return g_strdup_printf (_("Past the retention period (%u)"), n);
    case RG_ATTENTION_CONTRIBUTION_AWAITED:
    default:
      return g_strdup_printf (_("Contributions awaited (%u)"), n);
    }
}

/* What the row says of the item, under the situation */
static char *
describe_item (RgAttentionItem *item)
{
  const char *text = rg_attention_item_get_text (item);
  gboolean has_text = text != NULL && text[0] != '\0';

  switch (rg_attention_item_get_kind (item))
    {
    case RG_ATTENTION_ACTION_OVERDUE:
    case RG_ATTENTION_ACTION_DUE:
      return g_strdup (has_text ? text : _("An action without a description"));
    case RG_ATTENTION_REVIEW_OVERDUE:
    case RG_ATTENTION_REVIEW_DUE:
      return g_strdup (_("Review of the situation"));
    case RG_ATTENTION_OPEN_DIVERGENCE:
      return g_strdup (has_text ? text : _("A divergence still open"));
    case RG_ATTENTION_CONSENT_MISSING:
      return g_strdup (_("No consent of the family in the last session"));
    case RG_ATTENTION_CONSENT_OLD:
      return g_strdup (_("The family’s consent is to be renewed"));
    case RG_ATTENTION_RETENTION_DUE:
      return g_strdup (_("To erase from this computer"));
    case RG_ATTENTION_CONTRIBUTION_AWAITED:
    default:
      /* Translators: %s is a partner's name */
      return g_strdup_printf (_("Contribution of %s"), has_text ? text : _("a partner"));
    }
}

/* The item's date, and what it is the date of */
static char *
describe_date (RgAttentionItem *item)
{
  g_autofree char *date = rg_date_format (rg_attention_item_get_date (item));

  if (date == NULL)
    return NULL;

  switch (rg_attention_item_get_kind (item))
    {
    case RG_ATTENTION_ACTION_OVERDUE:
    case RG_ATTENTION_ACTION_DUE:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Due %s"), date);
    case RG_ATTENTION_REVIEW_OVERDUE:
    case RG_ATTENTION_REVIEW_DUE:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Review %s"), date);
    case RG_ATTENTION_CONSENT_OLD:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Consent of %s"), date);
    case RG_ATTENTION_CONTRIBUTION_AWAITED:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Asked %s"), date);
    case RG_ATTENTION_OPEN_DIVERGENCE:
    case RG_ATTENTION_CONSENT_MISSING:
    case RG_ATTENTION_RETENTION_DUE:
    default:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Session of %s"), date);
    }
}

static char *
name_situation (RgAttentionItem *item)
{
  const char *label = rg_attention_item_get_situation_label (item);
  const char *code = rg_attention_item_get_situation_code (item);

  if (label == NULL || label[0] == '\0')
    label = _("Situation without a name");

  if (code == NULL || code[0] == '\0')
    return g_strdup (label);

  /* Translators: a situation's label and its code */
  return g_strdup_printf (_("%s — %s"), label, code);
}

/* A row of the page: a title, a subtitle under it, and what goes at
 * the end. Not an AdwActionRow: its title and subtitle wrap in a
 * horizontal box, and GTK measures a box of such texts by searching
 * their width over a dozen heights, shaping them each time (a page of
 * 175 rows took more than a second). A grid gives the texts the width
 * left beside the end and asks their height once. The row is named by
 * its title; the caller describes it. */
static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "title");
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);

  if (subtitle != NULL)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "subtitle");
      gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
    }

  gtk_widget_set_valign (grid, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (grid, "attention-row-content");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  return row;
}

/* An icon that says nothing the row does not say already */
static GtkWidget *
decoration_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

/* Adds @widget at the end of @row, beside its texts */
static void
row_add_end (GtkWidget *row,
             GtkWidget *widget)
{
  GtkGrid *grid = GTK_GRID (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  int column = 1;

  while (gtk_grid_get_child_at (grid, column, 0) != NULL)
    column++;
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_grid_attach (grid, widget, column, 0, 1, 2);
}

/* The last row of a kind cut short */
static GtkWidget *
create_more_row (RgAttentionList *self,
                 GObject         *marker)
{
  guint kind = GPOINTER_TO_UINT (g_object_get_data (marker, "kind"));
  guint remaining = self->counts[kind] - self->limits[kind];
  GtkWidget *row;
  g_autofree char *title = NULL;

  if (remaining <= MORE_ROWS)
    /* Translators: the last row of a kind on the Attention page */
    title = g_strdup_printf (ngettext ("Show the %u other row", "Show the %u other rows",
                                       remaining),
                             remaining);
  else
    /* Translators: the last row of a kind on the Attention page; the
     * first %u is how many more it shows, the second how many are left */
    title = g_strdup_printf (ngettext ("Show %u more of %u", "Show %u more of %u", remaining),
                             MORE_ROWS, remaining);

  row = row_new (title, NULL);
  gtk_widget_add_css_class (row, "attention-more");
  row_add_end (row, decoration_new ("view-more-symbolic"));
  g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (row), "more", GUINT_TO_POINTER (TRUE));

  return row;
}

static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  RgAttentionItem *item = object;
  GtkWidget *row;

  if (!RG_IS_ATTENTION_ITEM (object))
    return create_more_row (user_data, object);

  g_autofree char *situation = name_situation (item);
  g_autofree char *what = describe_item (item);
  g_autofree char *date = describe_date (item);
  g_autofree char *description = NULL;
  GtkWidget *date_label;

  row = row_new (situation, what);
  gtk_widget_add_css_class (row, "attention-row");

  if (date != NULL)
    {
      date_label = gtk_label_new (date);
      gtk_widget_add_css_class (date_label, "dim-label");
      gtk_widget_add_css_class (date_label, "numeric");
      row_add_end (row, date_label);
    }
  row_add_end (row, decoration_new ("go-next-symbolic"));

  /* Translators: what a screen reader says of a row of the Attention
   * page, after the situation: what it is about, then its date */
  description = g_strdup_printf (_("%s. %s."), what, date != NULL ? date : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (rg_attention_item_get_kind (item)));

  return row;
}

/* What the list shows of the items: the first ones of each kind */
static void
update_shown (RgAttentionList *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  guint n_of_kind = 0;
  guint kind = N_KINDS;

  for (guint i = 0; i <= n_items; i++)
    {
      g_autoptr(RgAttentionItem) item = i < n_items ? g_list_model_get_item (self->items, i) : NULL;
      guint item_kind = item != NULL ? rg_attention_item_get_kind (item) : N_KINDS;

      if (item_kind != kind)
        {
          if (kind < N_KINDS && n_of_kind > self->limits[kind])
            {
              GObject *marker = g_object_new (G_TYPE_OBJECT, NULL);

              g_object_set_data (marker, "kind", GUINT_TO_POINTER (kind));
              g_ptr_array_add (shown, marker);
            }
          kind = item_kind;
          n_of_kind = 0;
        }

      if (item != NULL && ++n_of_kind <= self->limits[MIN (kind, N_KINDS - 1)])
        g_ptr_array_add (shown, g_steal_pointer (&item));
    }

  rg_row_slicer_set_items (self->slicer, shown->pdata, shown->len);
}

static void
show_more (RgAttentionList *self,
           GtkListBoxRow   *row)
{
  guint kind = row_kind (row);
  int index = gtk_list_box_row_get_index (row);
  GtkListBoxRow *next;

  self->limits[kind] += MORE_ROWS;
  update_shown (self);

  /* The keyboard goes on from where the marker was: the first new row */
  if ((next = gtk_list_box_get_row_at_index (self->list, index)))
    gtk_widget_grab_focus (GTK_WIDGET (next));
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  RgAttentionList *self = user_data;
  RgAttentionKind kind = row_kind (row);
  g_autofree char *heading = NULL;
  GtkWidget *label;

  if (before != NULL && row_kind (before) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  heading = kind_heading (kind, kind < N_KINDS ? self->counts[kind] : 0);
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "attention-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_list_box_row_set_header (row, label);
}

static void
row_activated_cb (RgAttentionList *self,
                  GtkListBoxRow   *row)
{
  RgAttentionItem *item = g_object_get_data (G_OBJECT (row), "item");
  const char *object_id;
  const char *view;

  if (item == NULL)
    {
      show_more (self, row);
      return;
    }

  object_id = rg_attention_item_get_object_id (item);
  switch (rg_attention_item_get_kind (item))
    {
    case RG_ATTENTION_RETENTION_DUE:
      gtk_widget_activate_action (GTK_WIDGET (self), "library.erase-situation", "s",
                                  rg_attention_item_get_situation_id (item));
      return;
    case RG_ATTENTION_OPEN_DIVERGENCE:
      view = "links";
      break;
    case RG_ATTENTION_CONTRIBUTION_AWAITED:
      view = "diagnosis";
      break;
    case RG_ATTENTION_CONSENT_MISSING:
      /* No consent to show: where one is recorded */
      view = "consents";
      break;
    case RG_ATTENTION_ACTION_OVERDUE:
    case RG_ATTENTION_ACTION_DUE:
    case RG_ATTENTION_REVIEW_OVERDUE:
    case RG_ATTENTION_REVIEW_DUE:
    case RG_ATTENTION_CONSENT_OLD:
    default:
      /* The next review is set in the actions view */
      view = "actions";
      break;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "library.open-session-at", "(sss)",
                              rg_attention_item_get_path (item), view,
                              object_id != NULL ? object_id : "");
}

static void
rg_attention_list_dispose (GObject *object)
{
  RgAttentionList *self = RG_ATTENTION_LIST (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->slicer);
  g_clear_object (&self->items);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (rg_attention_list_parent_class)->dispose (object);
}

static gboolean
rg_attention_list_grab_focus (GtkWidget *widget)
{
  RgAttentionList *self = RG_ATTENTION_LIST (widget);
  GtkListBoxRow *first;

  rg_row_slicer_flush (self->slicer);
  first = gtk_list_box_get_row_at_index (self->list, 0);

  return first != NULL ? gtk_widget_grab_focus (GTK_WIDGET (first))
                       : gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
rg_attention_list_class_init (RgAttentionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_attention_list_dispose;
  widget_class->grab_focus = rg_attention_list_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attentionlist");
}

static void
rg_attention_list_init (RgAttentionList *self)
{
  self->shown = g_list_store_new (G_TYPE_OBJECT);
  self->slicer = rg_row_slicer_new (self->shown);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "attention-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What needs attention"),
                                  -1);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->shown), create_row, self, NULL);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
}

/**
 * rg_attention_list_set_items:
 * @self: a #RgAttentionList
 * @items: (nullable): a #GListModel of #RgAttentionItem, by kind
 *
 * Lists @items under a heading per kind, the first of each kind only
 * until the user asks for more.
 */
void
rg_attention_list_set_items (RgAttentionList *self,
                             GListModel      *items)
{
  g_return_if_fail (RG_IS_ATTENTION_LIST (self));
  g_return_if_fail (items == NULL || G_IS_LIST_MODEL (items));

  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < N_KINDS; i++)
    self->limits[i] = FIRST_ROWS;
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgAttentionItem) item = g_list_model_get_item (items, i);
      RgAttentionKind kind = rg_attention_item_get_kind (item);

      if (kind < N_KINDS)
        self->counts[kind]++;
    }

  g_set_object (&self->items, items);
  update_shown (self);
}

/**
 * rg_attention_list_set_deferred:
 * @self: a #RgAttentionList
 * @deferred: whether the list is out of sight
 *
 * While @deferred, the rows are made a few at a time when nothing else
 * is to be done, so that the window shown is painted first; when the
 * list shows, what is left is made at once.
 */
void
rg_attention_list_set_deferred (RgAttentionList *self,
                                gboolean         deferred)
{
  g_return_if_fail (RG_IS_ATTENTION_LIST (self));

  rg_row_slicer_set_deferred (self->slicer, deferred);
}

/**
 * rg_attention_list_get_list:
 * @self: a #RgAttentionList
 *
 * Returns: (transfer none): the list box of the rows; each row holds
 *   its #RgAttentionItem as the object data "item", but the last row of
 *   a kind cut short, which shows more
 */
GtkListBox *
rg_attention_list_get_list (RgAttentionList *self)
{
  g_return_val_if_fail (RG_IS_ATTENTION_LIST (self), NULL);

  return self->list;
}
