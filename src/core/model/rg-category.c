/* rg-category.c — a group of success criteria
 *
 * “Pour l'enfant”, “Pour la famille”… A category owns its criteria, in
 * order, and tells its session about any change through one “changed”
 * signal, since a session cannot watch criteria it does not hold itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-category"

#include "config.h"

#include "rg-category.h"
#include "rg-criterion.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgCategory, name)
#define SETTER(name) G_CALLBACK (rg_category_set_##name)

struct _RgCategory
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  GListStore *criteria;
  /* id → RgCriterion, borrowed from @criteria */
  GHashTable *criteria_by_id;
};

G_DEFINE_FINAL_TYPE (RgCategory, rg_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]   = { "id", RG_PROPERTY_ID, FIELD (id) },
  [PROP_NAME] = { "name", RG_PROPERTY_TEXT, FIELD (name), SETTER (name), .text = "" },
};

static void
criterion_notify_cb (RgCategory  *self,
                     GParamSpec  *pspec,
                     RgCriterion *criterion)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
rg_category_dispose (GObject *object)
{
  RgCategory *self = (RgCategory *)object;

  if (self->criteria != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->criteria));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (G_LIST_MODEL (self->criteria), i);

          g_signal_handlers_disconnect_by_data (criterion, self);
        }
    }

  g_clear_pointer (&self->criteria_by_id, g_hash_table_unref);
  g_clear_object (&self->criteria);

  G_OBJECT_CLASS (rg_category_parent_class)->dispose (object);
}

static void
rg_category_class_init (RgCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_category_dispose;
  object_class->finalize = _rg_properties_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);

  /**
   * RgCategory::changed:
   * @self: a #RgCategory
   *
   * Emitted when the name changes, a criterion is added or removed, or
   * any property of one of its criteria changes.
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
rg_category_init (RgCategory *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
  self->criteria = g_list_store_new (RG_TYPE_CRITERION);
  self->criteria_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * rg_category_new:
 * @name: (nullable): the name of the category
 *
 * Returns: (transfer full): a new empty #RgCategory with a new id
 */
RgCategory *
rg_category_new (const char *name)
{
  return g_object_new (RG_TYPE_CATEGORY, "name", name, NULL);
}

/**
 * rg_category_get_id:
 * @self: a #RgCategory
 *
 * Returns: (transfer none): the category's UUID
 */
RG_DEFINE_GETTER (RgCategory, rg_category, CATEGORY, const char *, id, NULL)

/**
 * rg_category_get_name:
 * @self: a #RgCategory
 *
 * Returns: (transfer none): the name, never %NULL
 */
RG_DEFINE_GETTER (RgCategory, rg_category, CATEGORY, const char *, name, NULL)

/**
 * rg_category_set_name:
 * @self: a #RgCategory
 * @name: (nullable): the name of the category
 */
void
rg_category_set_name (RgCategory *self,
                      const char *name)
{
  g_return_if_fail (RG_IS_CATEGORY (self));

  if (_rg_set_text (&self->name, name, FALSE))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
      g_signal_emit (self, signals [CHANGED], 0);
    }
}

/**
 * rg_category_get_criteria:
 * @self: a #RgCategory
 *
 * Returns: (transfer none): a #GListModel of #RgCriterion, in order
 */
GListModel *
rg_category_get_criteria (RgCategory *self)
{
  g_return_val_if_fail (RG_IS_CATEGORY (self), NULL);

  return G_LIST_MODEL (self->criteria);
}

/**
 * rg_category_add_criterion:
 * @self: a #RgCategory
 * @criterion: a #RgCriterion not yet in the category
 *
 * Adds @criterion at the end.
 */
void
rg_category_add_criterion (RgCategory  *self,
                           RgCriterion *criterion)
{
  g_return_if_fail (RG_IS_CATEGORY (self));

  rg_category_insert_criterion (self, criterion,
                                g_list_model_get_n_items (G_LIST_MODEL (self->criteria)));
}

/**
 * rg_category_insert_criterion:
 * @self: a #RgCategory
 * @criterion: a #RgCriterion whose id is not yet in the category
 * @position: where to insert it; past the end means at the end
 *
 * The category takes a reference on @criterion.
 */
void
rg_category_insert_criterion (RgCategory  *self,
                              RgCriterion *criterion,
                              guint        position)
{
  const char *id;

  g_return_if_fail (RG_IS_CATEGORY (self));
  g_return_if_fail (RG_IS_CRITERION (criterion));

  id = rg_criterion_get_id (criterion);
  g_return_if_fail (!g_hash_table_contains (self->criteria_by_id, id));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->criteria)));
  g_hash_table_insert (self->criteria_by_id, (gpointer) id, criterion);
  g_signal_connect_swapped (criterion, "notify", G_CALLBACK (criterion_notify_cb), self);
  g_list_store_insert (self->criteria, position, criterion);
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * rg_category_remove_criterion:
 * @self: a #RgCategory
 * @criterion: a #RgCriterion
 *
 * Returns: %TRUE if @criterion was in the category and is removed
 */
gboolean
rg_category_remove_criterion (RgCategory  *self,
                              RgCriterion *criterion)
{
  guint position;

  g_return_val_if_fail (RG_IS_CATEGORY (self), FALSE);
  g_return_val_if_fail (RG_IS_CRITERION (criterion), FALSE);

  if (!g_list_store_find (self->criteria, criterion, &position))
    return FALSE;

  g_signal_handlers_disconnect_by_data (criterion, self);
  g_hash_table_remove (self->criteria_by_id, rg_criterion_get_id (criterion));
  g_list_store_remove (self->criteria, position);
  g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

/**
 * rg_category_find_criterion:
 * @self: a #RgCategory
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the criterion of the category with
 *   that id, or %NULL
 */
RgCriterion *
rg_category_find_criterion (RgCategory *self,
                            const char *id)
{
  g_return_val_if_fail (RG_IS_CATEGORY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->criteria_by_id, id);
}
