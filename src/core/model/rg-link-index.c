/* rg-link-index.c — which links each statement belongs to
 *
 * The links of a session name their statements; the cards of the
 * diagnosis view need the other way round. The index follows the
 * session's links (added, removed, their members and kinds changing)
 * and says so with ::changed, once per change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-link-index"

#include "config.h"

#include "rg-link-index.h"

struct _RgLinkIndex
{
  GObject     parent_instance;

  RgSession  *session;
  GHashTable *links;     /* statement id → GPtrArray of RgLink */
  GPtrArray  *watched;   /* the links whose changes we follow */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RgLinkIndex, rg_link_index, G_TYPE_OBJECT)

static void rebuild (RgLinkIndex *self);

static void
on_link_changed (RgLinkIndex *self)
{
  rebuild (self);
}

static void
unwatch_all (RgLinkIndex *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          on_link_changed, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
rebuild (RgLinkIndex *self)
{
  GListModel *links = rg_session_get_links (self->session);
  guint n = g_list_model_get_n_items (links);

  unwatch_all (self);
  g_hash_table_remove_all (self->links);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      const char * const *members = rg_link_get_members (link);

      /* Members, kind and status are what the cards show. */
      g_signal_connect_swapped (link, "notify::members", G_CALLBACK (on_link_changed), self);
      g_signal_connect_swapped (link, "notify::type", G_CALLBACK (on_link_changed), self);
      g_signal_connect_swapped (link, "notify::status", G_CALLBACK (on_link_changed), self);
      g_ptr_array_add (self->watched, g_object_ref (link));

      for (guint m = 0; members != NULL && members[m] != NULL; m++)
        {
          GPtrArray *of_statement = g_hash_table_lookup (self->links, members[m]);

          if (of_statement == NULL)
            {
              of_statement = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (self->links, g_strdup (members[m]), of_statement);
            }
          g_ptr_array_add (of_statement, g_object_ref (link));
        }
    }

  g_signal_emit (self, signals [CHANGED], 0);
}

static void
rg_link_index_dispose (GObject *object)
{
  RgLinkIndex *self = RG_LINK_INDEX (object);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_func (rg_session_get_links (self->session), rebuild, self);
      unwatch_all (self);
    }
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rg_link_index_parent_class)->dispose (object);
}

static void
rg_link_index_finalize (GObject *object)
{
  RgLinkIndex *self = RG_LINK_INDEX (object);

  g_hash_table_unref (self->links);
  g_ptr_array_unref (self->watched);

  G_OBJECT_CLASS (rg_link_index_parent_class)->finalize (object);
}

static void
rg_link_index_class_init (RgLinkIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_link_index_dispose;
  object_class->finalize = rg_link_index_finalize;

  /**
   * RgLinkIndex::changed:
   *
   * Emitted when any statement's links may have changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rg_link_index_init (RgLinkIndex *self)
{
  self->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * rg_link_index_new:
 * @session: a session
 *
 * Returns: (transfer full): an index of the links of @session, kept up
 *   to date
 */
RgLinkIndex *
rg_link_index_new (RgSession *session)
{
  RgLinkIndex *self;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  self = g_object_new (RG_TYPE_LINK_INDEX, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_swapped (rg_session_get_links (session), "items-changed",
                            G_CALLBACK (rebuild), self);
  rebuild (self);

  return self;
}

/**
 * rg_link_index_get_links:
 * @self: a #RgLinkIndex
 * @statement_id: a statement's id
 *
 * Returns: (transfer none) (nullable) (element-type RgLink): the links
 *   the statement belongs to, in the session's order, or %NULL if none
 */
GPtrArray *
rg_link_index_get_links (RgLinkIndex *self,
                         const char  *statement_id)
{
  g_return_val_if_fail (RG_IS_LINK_INDEX (self), NULL);
  g_return_val_if_fail (statement_id != NULL, NULL);

  return g_hash_table_lookup (self->links, statement_id);
}
