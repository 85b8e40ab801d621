/* rg-review-item.c — what a follow-up session has to look at again
 *
 * When a session is followed up, every divergence still open and every
 * link “to clarify” still open is carried to the next session as an
 * item to review: its kind, its note, and a quote of each statement it
 * tied, with the name of the partner who said it and the dimension it
 * was said in, as they were in that session. An item is a record of
 * the past meeting, not a link of this one: it holds text, not
 * references, so that the new session stays free to rename or remove
 * partners and dimensions. The team marks it reviewed once discussed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-review-item"

#include "config.h"

#include "rg-enums.h"
#include "rg-review-item.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgReviewItem, name)
#define SETTER(name) G_CALLBACK (rg_review_item_set_##name)

typedef struct
{
  char *author;
  char *dimension;
  char *text;
} Quote;

struct _RgReviewItem
{
  GObject     parent_instance;

  char       *id;
  char       *note;
  GArray     *quotes;   /* of Quote */
  RgLinkType  type;
  gboolean    reviewed;
};

G_DEFINE_FINAL_TYPE (RgReviewItem, rg_review_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LINK_TYPE,
  PROP_NOTE,
  PROP_REVIEWED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]        = { "id", RG_PROPERTY_ID, FIELD (id) },
  /**
   * RgReviewItem:link-type:
   *
   * The kind of the link it comes from: %RG_LINK_TYPE_DIVERGENCE or
   * %RG_LINK_TYPE_CLARIFY.
   */
  [PROP_LINK_TYPE] = { "link-type", RG_PROPERTY_ENUM, FIELD (type), NULL,
                       rg_link_type_get_type, RG_LINK_TYPE_DIVERGENCE },
  [PROP_NOTE]      = { "note", RG_PROPERTY_TEXT, FIELD (note), SETTER (note) },
  /**
   * RgReviewItem:reviewed:
   *
   * Whether the team has looked at it again in this session.
   */
  [PROP_REVIEWED]  = { "reviewed", RG_PROPERTY_BOOLEAN, FIELD (reviewed), SETTER (reviewed),
                       .value = FALSE },
};

static void
quote_clear (gpointer data)
{
  Quote *quote = data;

  g_clear_pointer (&quote->author, g_free);
  g_clear_pointer (&quote->dimension, g_free);
  g_clear_pointer (&quote->text, g_free);
}

static void
rg_review_item_finalize (GObject *object)
{
  RgReviewItem *self = (RgReviewItem *)object;

  _rg_properties_clear (self, property_table, N_PROPS);
  g_clear_pointer (&self->quotes, g_array_unref);

  G_OBJECT_CLASS (rg_review_item_parent_class)->finalize (object);
}

static void
rg_review_item_class_init (RgReviewItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_review_item_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);
}

static void
rg_review_item_init (RgReviewItem *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
  self->quotes = g_array_new (FALSE, TRUE, sizeof (Quote));
  g_array_set_clear_func (self->quotes, quote_clear);
}

/**
 * rg_review_item_new:
 * @type: %RG_LINK_TYPE_DIVERGENCE or %RG_LINK_TYPE_CLARIFY
 *
 * Returns: (transfer full): a new item to review, with a new id, not
 *   reviewed, without note or quote
 */
RgReviewItem *
rg_review_item_new (RgLinkType type)
{
  g_return_val_if_fail (type == RG_LINK_TYPE_DIVERGENCE || type == RG_LINK_TYPE_CLARIFY, NULL);

  return g_object_new (RG_TYPE_REVIEW_ITEM, "link-type", type, NULL);
}

/**
 * rg_review_item_get_id:
 * @self: a #RgReviewItem
 *
 * Returns: (transfer none): the item's UUID
 */
RG_DEFINE_GETTER (RgReviewItem, rg_review_item, REVIEW_ITEM, const char *, id, NULL)

/**
 * rg_review_item_get_link_type:
 * @self: a #RgReviewItem
 *
 * Returns: the kind of the link it was: a divergence or “to clarify”
 */
RgLinkType
rg_review_item_get_link_type (RgReviewItem *self)
{
  g_return_val_if_fail (RG_IS_REVIEW_ITEM (self), RG_LINK_TYPE_DIVERGENCE);

  return self->type;
}

/**
 * rg_review_item_get_note:
 * @self: a #RgReviewItem
 *
 * Returns: (transfer none) (nullable): the note of the link, or %NULL
 */
/**
 * rg_review_item_set_note:
 * @self: a #RgReviewItem
 * @note: (nullable): the note of the link; empty means none
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgReviewItem, rg_review_item, REVIEW_ITEM, note, NOTE, TRUE)

/**
 * rg_review_item_get_reviewed:
 * @self: a #RgReviewItem
 *
 * Returns: whether the team has reviewed it
 */
/**
 * rg_review_item_set_reviewed:
 * @self: a #RgReviewItem
 * @reviewed: whether the team has reviewed it
 */
RG_DEFINE_BOOLEAN_PROPERTY (RgReviewItem, rg_review_item, REVIEW_ITEM, reviewed, REVIEWED)

/**
 * rg_review_item_get_n_quotes:
 * @self: a #RgReviewItem
 *
 * Returns: how many statements the link tied
 */
guint
rg_review_item_get_n_quotes (RgReviewItem *self)
{
  g_return_val_if_fail (RG_IS_REVIEW_ITEM (self), 0);

  return self->quotes->len;
}

/**
 * rg_review_item_get_quote:
 * @self: a #RgReviewItem
 * @position: less than rg_review_item_get_n_quotes ()
 * @author: (out) (optional) (transfer none): who said it, never %NULL
 * @dimension: (out) (optional) (transfer none): in which dimension,
 *   never %NULL
 *
 * Returns: (transfer none): the text of the statement, never %NULL
 */
const char *
rg_review_item_get_quote (RgReviewItem  *self,
                          guint          position,
                          const char   **author,
                          const char   **dimension)
{
  const Quote *quote;

  g_return_val_if_fail (RG_IS_REVIEW_ITEM (self), NULL);
  g_return_val_if_fail (position < self->quotes->len, NULL);

  quote = &g_array_index (self->quotes, Quote, position);
  if (author != NULL)
    *author = quote->author;
  if (dimension != NULL)
    *dimension = quote->dimension;

  return quote->text;
}

/**
 * rg_review_item_add_quote:
 * @self: a #RgReviewItem
 * @author: (nullable): the name of the partner who said it
 * @dimension: (nullable): the name of the dimension it was said in
 * @text: (nullable): the statement
 *
 * Adds the quote of a statement after the others. Quotes are a record:
 * they are set when the item is made and do not change.
 */
void
rg_review_item_add_quote (RgReviewItem *self,
                          const char   *author,
                          const char   *dimension,
                          const char   *text)
{
  Quote quote = { NULL, NULL, NULL };

  g_return_if_fail (RG_IS_REVIEW_ITEM (self));

  _rg_set_text (&quote.author, author, FALSE);
  _rg_set_text (&quote.dimension, dimension, FALSE);
  _rg_set_text (&quote.text, text, FALSE);
  g_array_append_val (self->quotes, quote);
}
