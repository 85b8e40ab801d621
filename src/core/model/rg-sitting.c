/* rg-sitting.c — a team sitting: several situations in one afternoon
 *
 * An “équipe pluridisciplinaire de soutien” or a technical committee: a
 * title, a date, a place, and its agenda, the situations reviewed in
 * order, each with its time slot and the partners invited to it (see
 * rg-sitting-item.c). A sitting is its own file (*.regards-sitting, see
 * src/core/format/rg-sitting-xml.c); the sessions it holds about each
 * situation are ordinary session files of the library, which the agenda
 * names.
 *
 * The sitting tells of any change, its own or of its agenda, through
 * one “changed” signal, for a window to save it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-sitting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-enums.h"
#include "rg-sitting.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgSitting, name)
#define SETTER(name) G_CALLBACK (rg_sitting_set_##name)

struct _RgSitting
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  RgSittingKind  kind;
  char          *date;
  char          *place;
  GListStore    *items;
  /* id → RgSittingItem, borrowed from @items */
  GHashTable    *items_by_id;
};

G_DEFINE_FINAL_TYPE (RgSitting, rg_sitting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_DATE,
  PROP_PLACE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]    = { "id", RG_PROPERTY_ID, FIELD (id) },
  [PROP_TITLE] = { "title", RG_PROPERTY_TEXT, FIELD (title), SETTER (title), .text = "" },
  /**
   * RgSitting:kind:
   *
   * A support team (“équipe pluridisciplinaire de soutien”) or a
   * technical committee.
   */
  [PROP_KIND]  = { "kind", RG_PROPERTY_ENUM, FIELD (kind), SETTER (kind),
                   rg_sitting_kind_get_type, RG_SITTING_KIND_SUPPORT_TEAM },
  /**
   * RgSitting:date:
   *
   * The day of the sitting, `YYYY-MM-DD`; today for a new sitting.
   */
  [PROP_DATE]  = { "date", RG_PROPERTY_TEXT, FIELD (date), SETTER (date) },
  [PROP_PLACE] = { "place", RG_PROPERTY_TEXT, FIELD (place), SETTER (place) },
};

static const char * const kind_words[] = { "support-team", "technical-committee" };

/**
 * rg_sitting_kind_to_string:
 * @kind: a #RgSittingKind
 *
 * Returns: (transfer none): the word of @kind in a sitting file:
 *   `support-team` or `technical-committee`
 */
const char *
rg_sitting_kind_to_string (RgSittingKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_words), NULL);

  return kind_words[kind];
}

/**
 * rg_sitting_kind_from_string:
 * @str: (nullable): a word of the sitting file
 * @kind: (out) (optional): where to store the value
 *
 * Returns: %TRUE if @str is one of the words of rg_sitting_kind_to_string ()
 */
gboolean
rg_sitting_kind_from_string (const char    *str,
                             RgSittingKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kind_words); i++)
    {
      if (g_str_equal (str, kind_words[i]))
        {
          if (kind != NULL)
            *kind = (RgSittingKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * rg_sitting_kind_get_label:
 * @kind: a #RgSittingKind
 *
 * Returns: (transfer none): the translated name of @kind
 */
const char *
rg_sitting_kind_get_label (RgSittingKind kind)
{
  switch (kind)
    {
    case RG_SITTING_KIND_SUPPORT_TEAM:        return _("Support team");
    case RG_SITTING_KIND_TECHNICAL_COMMITTEE: return _("Technical committee");
    default:                                  g_return_val_if_reached (NULL);
    }
}

static void
emit_changed (RgSitting *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
rg_sitting_notify (GObject    *object,
                   GParamSpec *pspec)
{
  emit_changed (RG_SITTING (object));
}

static void
rg_sitting_dispose (GObject *object)
{
  RgSitting *self = (RgSitting *)object;

  if (self->items != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RgSittingItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          g_signal_handlers_disconnect_by_data (item, self);
        }
    }

  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (rg_sitting_parent_class)->dispose (object);
}

static void
rg_sitting_class_init (RgSittingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_sitting_dispose;
  object_class->finalize = _rg_properties_finalize;
  object_class->notify = rg_sitting_notify;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);

  /**
   * RgSitting::changed:
   * @self: a #RgSitting
   *
   * Emitted when a property changes, an item of the agenda is added or
   * removed, or anything of an item changes.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
rg_sitting_init (RgSitting *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
  self->date = rg_date_new_today ();
  self->items = g_list_store_new (RG_TYPE_SITTING_ITEM);
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * rg_sitting_new:
 *
 * Returns: (transfer full): a new #RgSitting of a support team, dated
 *   today, with a new id and an empty agenda
 */
RgSitting *
rg_sitting_new (void)
{
  return g_object_new (RG_TYPE_SITTING, NULL);
}

/**
 * rg_sitting_get_id:
 * @self: a #RgSitting
 *
 * Returns: (transfer none): the sitting's UUID
 */
RG_DEFINE_GETTER (RgSitting, rg_sitting, SITTING, const char *, id, NULL)

/**
 * rg_sitting_get_title:
 * @self: a #RgSitting
 *
 * Returns: (transfer none): the title, never %NULL
 */
/**
 * rg_sitting_set_title:
 * @self: a #RgSitting
 * @title: (nullable): the title
 */
RG_DEFINE_TEXT_PROPERTY (RgSitting, rg_sitting, SITTING, title, TITLE, TRUE)

/**
 * rg_sitting_get_kind:
 * @self: a #RgSitting
 *
 * Returns: the kind of sitting
 */
/**
 * rg_sitting_set_kind:
 * @self: a #RgSitting
 * @kind: a #RgSittingKind
 */
RG_DEFINE_ENUM_PROPERTY (RgSitting, rg_sitting, SITTING, RgSittingKind, kind, KIND,
                         RG_SITTING_KIND_SUPPORT_TEAM, RG_SITTING_KIND_TECHNICAL_COMMITTEE)

/**
 * rg_sitting_get_date:
 * @self: a #RgSitting
 *
 * Returns: (transfer none): the day of the sitting, `YYYY-MM-DD`
 */
/**
 * rg_sitting_set_date:
 * @self: a #RgSitting
 * @date: a date that rg_date_is_valid () accepts
 */
RG_DEFINE_TEXT_PROPERTY (RgSitting, rg_sitting, SITTING, date, DATE, rg_date_is_valid (date))

/**
 * rg_sitting_get_place:
 * @self: a #RgSitting
 *
 * Returns: (transfer none) (nullable): the place, or %NULL
 */
/**
 * rg_sitting_set_place:
 * @self: a #RgSitting
 * @place: (nullable): the place
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSitting, rg_sitting, SITTING, place, PLACE, TRUE)

/**
 * rg_sitting_get_items:
 * @self: a #RgSitting
 *
 * Returns: (transfer none): the agenda, a #GListModel of #RgSittingItem
 *   in order
 */
GListModel *
rg_sitting_get_items (RgSitting *self)
{
  g_return_val_if_fail (RG_IS_SITTING (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * rg_sitting_add_item:
 * @self: a #RgSitting
 * @item: a #RgSittingItem not yet on the agenda
 *
 * Adds @item at the end of the agenda.
 */
void
rg_sitting_add_item (RgSitting     *self,
                     RgSittingItem *item)
{
  g_return_if_fail (RG_IS_SITTING (self));

  rg_sitting_insert_item (self, item, g_list_model_get_n_items (G_LIST_MODEL (self->items)));
}

/**
 * rg_sitting_insert_item:
 * @self: a #RgSitting
 * @item: a #RgSittingItem whose id is not yet on the agenda
 * @position: where to insert it; past the end means at the end
 *
 * The sitting takes a reference on @item.
 */
void
rg_sitting_insert_item (RgSitting     *self,
                        RgSittingItem *item,
                        guint          position)
{
  const char *id;

  g_return_if_fail (RG_IS_SITTING (self));
  g_return_if_fail (RG_IS_SITTING_ITEM (item));

  id = rg_sitting_item_get_id (item);
  g_return_if_fail (!g_hash_table_contains (self->items_by_id, id));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->items)));
  g_hash_table_insert (self->items_by_id, (gpointer) id, item);
  g_signal_connect_swapped (item, "changed", G_CALLBACK (emit_changed), self);
  g_list_store_insert (self->items, position, item);
  emit_changed (self);
}

/**
 * rg_sitting_remove_item:
 * @self: a #RgSitting
 * @item: a #RgSittingItem
 *
 * Returns: %TRUE if @item was on the agenda and is removed
 */
gboolean
rg_sitting_remove_item (RgSitting     *self,
                        RgSittingItem *item)
{
  guint position;

  g_return_val_if_fail (RG_IS_SITTING (self), FALSE);
  g_return_val_if_fail (RG_IS_SITTING_ITEM (item), FALSE);

  if (!g_list_store_find (self->items, item, &position))
    return FALSE;

  g_signal_handlers_disconnect_by_data (item, self);
  g_hash_table_remove (self->items_by_id, rg_sitting_item_get_id (item));
  g_list_store_remove (self->items, position);
  emit_changed (self);

  return TRUE;
}

/**
 * rg_sitting_find_item:
 * @self: a #RgSitting
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the item of the agenda with that
 *   id, or %NULL
 */
RgSittingItem *
rg_sitting_find_item (RgSitting  *self,
                      const char *id)
{
  g_return_val_if_fail (RG_IS_SITTING (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->items_by_id, id);
}

static const char *
item_time (RgSitting *self,
           gboolean   first)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  RgSittingItem *item;

  if (n == 0)
    return NULL;

  /* Borrowed: the store keeps its own reference */
  item = g_list_model_get_item (G_LIST_MODEL (self->items), first ? 0 : n - 1);
  g_object_unref (item);

  return first ? rg_sitting_item_get_start (item) : rg_sitting_item_get_end (item);
}

/**
 * rg_sitting_get_start:
 * @self: a #RgSitting
 *
 * Returns: (transfer none) (nullable): when the first slot of the agenda
 *   begins, or %NULL for an empty agenda
 */
const char *
rg_sitting_get_start (RgSitting *self)
{
  g_return_val_if_fail (RG_IS_SITTING (self), NULL);

  return item_time (self, TRUE);
}

/**
 * rg_sitting_get_end:
 * @self: a #RgSitting
 *
 * Returns: (transfer none) (nullable): when the last slot of the agenda
 *   ends, or %NULL for an empty agenda
 */
const char *
rg_sitting_get_end (RgSitting *self)
{
  g_return_val_if_fail (RG_IS_SITTING (self), NULL);

  return item_time (self, FALSE);
}
