/* rg-review-list.c — what the previous session left open, to review
 *
 * In a follow-up session, the open divergences and links “to clarify”
 * of the session it follows (see src/core/meetings/rg-follow-up.c), each with
 * the statements it tied, quoted with who said them and where, and a
 * check button the team ticks once it has looked at it again. The
 * heading counts what is left. The widget hides itself when the
 * session has nothing to review. Ticking goes through the session editor, undoably.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-review-list"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-editable-text.h"
#include "rg-icons.h"
#include "rg-review-list.h"
#include "rg-session-editor-links.h"

struct _RgReviewList
{
  GtkWidget        parent_instance;

  RgSessionEditor *editor;

  GtkWidget       *box;
  GtkWidget       *title;
  GtkWidget       *progress;
  GtkWidget       *list;
};

enum {
  PROP_0,
  PROP_EDITOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgReviewList, rg_review_list, GTK_TYPE_WIDGET)

static GListModel *
get_items (RgReviewList *self)
{
  return rg_session_get_review_items (rg_session_editor_get_session (self->editor));
}

static void
update_progress (RgReviewList *self)
{
  GListModel *items = get_items (self);
  guint n = g_list_model_get_n_items (items);
  guint left = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgReviewItem) item = g_list_model_get_item (items, i);

      if (!rg_review_item_get_reviewed (item))
        left++;
    }

  if (left == 0)
    text = g_strdup (_("All reviewed"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u left to review",
                                         "%u of %u left to review", n),
                            left, n);
  gtk_label_set_label (GTK_LABEL (self->progress), text);
}

static void
on_reviewed_toggled (GtkCheckButton *button,
                     RgReviewList   *self)
{
  RgReviewItem *item = g_object_get_data (G_OBJECT (button), "item");
  gboolean active = gtk_check_button_get_active (button);

  if (self->editor != NULL && item != NULL && rg_review_item_get_reviewed (item) != active)
    rg_session_editor_set_reviewed (self->editor, item, active);
}

static void
on_item_reviewed (RgReviewItem *item,
                  GParamSpec   *pspec,
                  GtkWidget    *row)
{
  GtkWidget *view = gtk_widget_get_ancestor (row, RG_TYPE_REVIEW_LIST);
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

  gtk_check_button_set_active (check, rg_review_item_get_reviewed (item));
  if (rg_review_item_get_reviewed (item))
    gtk_widget_add_css_class (row, "reviewed");
  else
    gtk_widget_remove_css_class (row, "reviewed");

  if (view != NULL)
    update_progress (RG_REVIEW_LIST (view));
}

static GtkWidget *
create_quote (const char *author,
              const char *dimension,
              const char *text)
{
  g_autofree char *markup = NULL;
  g_autofree char *who = g_markup_printf_escaped ("<b>%s</b>", author);
  g_autofree char *where = g_markup_escape_text (dimension, -1);
  g_autofree char *shown = rg_editable_text_shorten (text);
  g_autofree char *what = g_markup_escape_text (shown, -1);
  GtkWidget *label;

  /* Translators: a statement of the previous session, quoted: who said
   * it, in which dimension, and what: "Mme Roussel — Scolarité : « … »". */
  markup = g_strdup_printf (_("%s — %s: “%s”"), who, where, what);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "quote");

  return label;
}

static GtkWidget *
create_row (RgReviewList *self,
            RgReviewItem *item)
{
  RgLinkType type = rg_review_item_get_link_type (item);
  guint n = rg_review_item_get_n_quotes (item);
  const char *note = rg_review_item_get_note (item);
  GtkWidget *row, *box, *content, *top, *icon, *type_label, *check;
  g_autoptr(GString) accessible = g_string_new (rg_link_type_get_label (type));

  row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (row, "review-row");
  gtk_widget_add_css_class (row, type == RG_LINK_TYPE_DIVERGENCE ? "divergence" : "clarify");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (top, "review-type");
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", rg_link_type_get_icon_name (type),
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
  gtk_box_append (GTK_BOX (top), icon);
  type_label = gtk_label_new (rg_link_type_get_label (type));
  gtk_widget_add_css_class (type_label, "heading");
  gtk_box_append (GTK_BOX (top), type_label);
  gtk_box_append (GTK_BOX (content), top);

  for (guint i = 0; i < n; i++)
    {
      const char *author;
      const char *dimension;
      const char *text = rg_review_item_get_quote (item, i, &author, &dimension);

      gtk_box_append (GTK_BOX (content), create_quote (author, dimension, text));
      /* Translators: a quoted statement in the accessible name of an
       * item to review: "Mme Roussel, Scolarité: Absent le lundi". */
      g_string_append (accessible, "; ");
      g_string_append_printf (accessible, _("%s, %s: %s"), author, dimension, text);
    }

  if (note != NULL)
    {
      GtkWidget *label = gtk_label_new (note);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "review-note");
      gtk_box_append (GTK_BOX (content), label);
      g_string_append (accessible, "; ");
      g_string_append (accessible, note);
    }

  check = gtk_check_button_new_with_label (_("Reviewed"));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Mark as looked at again in this session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible->str,
                                  -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), rg_review_item_get_reviewed (item));
  g_object_set_data (G_OBJECT (check), "item", item);
  g_signal_connect (check, "toggled", G_CALLBACK (on_reviewed_toggled), self);
  gtk_box_append (GTK_BOX (box), check);
  g_object_set_data (G_OBJECT (row), "check", check);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);
  if (rg_review_item_get_reviewed (item))
    gtk_widget_add_css_class (row, "reviewed");
  g_signal_connect_object (item, "notify::reviewed", G_CALLBACK (on_item_reviewed), row, 0);

  return row;
}

static void
rebuild (RgReviewList *self)
{
  GListModel *items;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (self->list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  if (self->editor == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  items = get_items (self);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgReviewItem) item = g_list_model_get_item (items, i);

      gtk_list_box_append (GTK_LIST_BOX (self->list), create_row (self, item));
    }

  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  update_progress (self);
}

static void
on_items_changed (RgReviewList *self)
{
  rebuild (self);
}

static void
rg_review_list_dispose (GObject *object)
{
  RgReviewList *self = (RgReviewList *)object;

  rg_review_list_set_editor (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (rg_review_list_parent_class)->dispose (object);
}

static void
rg_review_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RgReviewList *self = RG_REVIEW_LIST (object);

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
rg_review_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RgReviewList *self = RG_REVIEW_LIST (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      rg_review_list_set_editor (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_review_list_class_init (RgReviewListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_review_list_dispose;
  object_class->get_property = rg_review_list_get_property;
  object_class->set_property = rg_review_list_set_property;

  properties [PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, RG_TYPE_SESSION_EDITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "review-list");
}

static void
rg_review_list_init (RgReviewList *self)
{
  GtkWidget *header;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (self->box), header);

  self->title = g_object_new (GTK_TYPE_LABEL,
                              "label", _("Left Open Last Time"),
                              "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                              "xalign", 0.0f,
                              "hexpand", TRUE,
                              "wrap", TRUE,
                              NULL);
  gtk_widget_add_css_class (self->title, "title-4");
  gtk_box_append (GTK_BOX (header), self->title);

  self->progress = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->progress, "dim-label");
  gtk_box_append (GTK_BOX (header), self->progress);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Left open last time"), -1);
  gtk_box_append (GTK_BOX (self->box), self->list);
}

/**
 * rg_review_list_new:
 *
 * Returns: (transfer full): a new list, hidden until it is given the
 *   editor of a session with items to review
 */
GtkWidget *
rg_review_list_new (void)
{
  return g_object_new (RG_TYPE_REVIEW_LIST, NULL);
}

/**
 * rg_review_list_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor of the session shown
 */
RgSessionEditor *
rg_review_list_get_editor (RgReviewList *self)
{
  g_return_val_if_fail (RG_IS_REVIEW_LIST (self), NULL);

  return self->editor;
}

/**
 * rg_review_list_set_editor:
 * @self: a #RgReviewList
 * @editor: (nullable): the editor of the session to show
 *
 * Shows the items to review of @editor's session, follows them, and
 * marks them reviewed through @editor.
 */
void
rg_review_list_set_editor (RgReviewList    *self,
                           RgSessionEditor *editor)
{
  g_return_if_fail (RG_IS_REVIEW_LIST (self));
  g_return_if_fail (editor == NULL || RG_IS_SESSION_EDITOR (editor));

  if (self->editor == editor)
    return;

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_func (get_items (self), on_items_changed, self);

  g_set_object (&self->editor, editor);

  if (self->editor != NULL)
    g_signal_connect_swapped (get_items (self), "items-changed",
                              G_CALLBACK (on_items_changed), self);

  if (self->list != NULL)
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITOR]);
}

/**
 * rg_review_list_get_rows:
 * @self: a #RgReviewList
 *
 * Returns: (transfer container) (element-type GtkListBoxRow): the rows,
 *   in order; each holds its item as the object data "item" and its
 *   check button as "check"
 */
GPtrArray *
rg_review_list_get_rows (RgReviewList *self)
{
  GPtrArray *rows;

  g_return_val_if_fail (RG_IS_REVIEW_LIST (self), NULL);

  rows = g_ptr_array_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (self->list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (rows, child);

  return rows;
}
