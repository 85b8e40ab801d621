/* rg-statement-card.c — one partner's statement, shown and edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-statement-card"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-editable-text.h"
#include "rg-statement-card.h"

struct _RgStatementCard
{
  GtkWidget    parent_instance;

  RgStatement *statement;

  GtkImage       *kind_image;
  GtkLabel       *kind_label;
  RgEditableText *text;
};

enum {
  PROP_0,
  PROP_STATEMENT,
  PROP_EDITING,
  N_PROPS
};

enum {
  TEXT_COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RgStatementCard, rg_statement_card, GTK_TYPE_WIDGET)

/**
 * rg_statement_kind_get_icon_name:
 * @kind: a statement kind
 *
 * The kind is always shown by an icon and a label together, never by a
 * colour alone.
 *
 * Returns: the name of the icon of @kind
 */
const char *
rg_statement_kind_get_icon_name (RgStatementKind kind)
{
  switch (kind)
    {
    case RG_STATEMENT_KIND_FACT:
      return "rg-fact-symbolic";
    case RG_STATEMENT_KIND_INTERPRETATION:
      return "rg-interpretation-symbolic";
    case RG_STATEMENT_KIND_DIFFICULTY:
      return "rg-difficulty-symbolic";
    case RG_STATEMENT_KIND_RESOURCE:
      return "rg-resource-symbolic";
    case RG_STATEMENT_KIND_PROPOSAL:
      return "rg-proposal-symbolic";
    default:
      g_return_val_if_reached ("rg-fact-symbolic");
    }
}

static void
update_kind (RgStatementCard *self)
{
  RgStatementKind kind = rg_statement_get_kind (self->statement);
  static const char *classes[] = { "fact", "interpretation", "difficulty", "resource", "proposal" };

  gtk_image_set_from_icon_name (self->kind_image, rg_statement_kind_get_icon_name (kind));
  gtk_label_set_label (self->kind_label, rg_statement_kind_get_label (kind));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
  if (kind < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (GTK_WIDGET (self), classes[kind]);
}

static void
update_text (RgStatementCard *self)
{
  rg_editable_text_set_text (self->text, rg_statement_get_text (self->statement));
}

gboolean
rg_statement_card_get_editing (RgStatementCard *self)
{
  g_return_val_if_fail (RG_IS_STATEMENT_CARD (self), FALSE);

  return rg_editable_text_get_editing (self->text);
}

/**
 * rg_statement_card_start_editing:
 * @self: a #RgStatementCard
 *
 * Shows the text in an editor and gives it the keyboard focus.
 */
void
rg_statement_card_start_editing (RgStatementCard *self)
{
  g_return_if_fail (RG_IS_STATEMENT_CARD (self));

  rg_editable_text_start_editing (self->text);
}

/**
 * rg_statement_card_stop_editing:
 * @self: a #RgStatementCard
 *
 * Ends editing. What was typed is kept: ::text-committed carries it to
 * whoever applies it to the session, so that it can be undone.
 */
void
rg_statement_card_stop_editing (RgStatementCard *self)
{
  g_return_if_fail (RG_IS_STATEMENT_CARD (self));

  rg_editable_text_stop_editing (self->text);
}

static void
on_committed (RgStatementCard *self,
              const char      *text)
{
  g_signal_emit (self, signals [TEXT_COMMITTED], 0, text);
}

static void
on_editing_changed (RgStatementCard *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITING]);
}

static void
rg_statement_card_constructed (GObject *object)
{
  RgStatementCard *self = RG_STATEMENT_CARD (object);

  G_OBJECT_CLASS (rg_statement_card_parent_class)->constructed (object);

  g_signal_connect_object (self->statement, "notify::kind",
                           G_CALLBACK (update_kind), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->statement, "notify::text",
                           G_CALLBACK (update_text), self, G_CONNECT_SWAPPED);
  update_kind (self);
  update_text (self);
}

static void
rg_statement_card_dispose (GObject *object)
{
  RgStatementCard *self = RG_STATEMENT_CARD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->statement);

  G_OBJECT_CLASS (rg_statement_card_parent_class)->dispose (object);
}

static void
rg_statement_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RgStatementCard *self = RG_STATEMENT_CARD (object);

  switch (prop_id)
    {
    case PROP_STATEMENT:
      g_value_set_object (value, self->statement);
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, rg_statement_card_get_editing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_statement_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RgStatementCard *self = RG_STATEMENT_CARD (object);

  switch (prop_id)
    {
    case PROP_STATEMENT:
      self->statement = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_statement_card_class_init (RgStatementCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rg_statement_card_constructed;
  object_class->dispose = rg_statement_card_dispose;
  object_class->get_property = rg_statement_card_get_property;
  object_class->set_property = rg_statement_card_set_property;

  properties [PROP_STATEMENT] =
    g_param_spec_object ("statement", NULL, NULL, RG_TYPE_STATEMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgStatementCard::text-committed:
   * @text: the text typed, without leading and trailing spaces
   *
   * Emitted when editing ends, whatever the text.
   */
  signals [TEXT_COMMITTED] =
    g_signal_new ("text-committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  gtk_widget_class_set_css_name (widget_class, "statement-card");
}

/* Built in code rather than from a template: a session can hold
 * thousands of cards, and a template is parsed again for each. */
static void
rg_statement_card_init (RgStatementCard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *kind_box;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  kind_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (kind_box, "kind");
  gtk_widget_set_parent (kind_box, GTK_WIDGET (self));

  self->kind_image = GTK_IMAGE (g_object_new (GTK_TYPE_IMAGE,
                                              "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                              NULL));
  gtk_box_append (GTK_BOX (kind_box), GTK_WIDGET (self->kind_image));

  self->kind_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->kind_label, 0);
  gtk_label_set_ellipsize (self->kind_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->kind_label), TRUE);
  gtk_box_append (GTK_BOX (kind_box), GTK_WIDGET (self->kind_label));

  self->text = RG_EDITABLE_TEXT (rg_editable_text_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->text), "statement-text");
  gtk_widget_set_parent (GTK_WIDGET (self->text), GTK_WIDGET (self));
  g_signal_connect_object (self->text, "committed", G_CALLBACK (on_committed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text, "notify::editing", G_CALLBACK (on_editing_changed),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
rg_statement_card_new (RgStatement *statement)
{
  g_return_val_if_fail (RG_IS_STATEMENT (statement), NULL);

  return g_object_new (RG_TYPE_STATEMENT_CARD,
                       "statement", statement,
                       NULL);
}

/**
 * rg_statement_card_get_statement:
 *
 * Returns: (transfer none): the statement shown
 */
RgStatement *
rg_statement_card_get_statement (RgStatementCard *self)
{
  g_return_val_if_fail (RG_IS_STATEMENT_CARD (self), NULL);

  return self->statement;
}
