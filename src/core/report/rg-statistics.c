/* rg-statistics.c — the figures of a session's agreements and divergences
 *
 * One pass over the statements, one over the links: each link is spread
 * over the dimensions and the pairs of partners its statements belong
 * to, and marks its statements (agreed, in an open divergence, echoed).
 * The rules are in rg-statistics.h; the “Agreements and divergences”
 * view and `regards-cli stats` both read them from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-statistics"

#include "config.h"

#include <string.h>

#include "rg-statistics.h"

#define N_LINK_TYPES (RG_LINK_TYPE_CLARIFY + 1)

typedef struct
{
  guint all[N_LINK_TYPES];
  guint open[N_LINK_TYPES];
} Counts;

enum {
  STATEMENT_AGREED          = 1 << 0,
  STATEMENT_OPEN_DIVERGENCE = 1 << 1,
  STATEMENT_ECHOED          = 1 << 2,
};

typedef struct
{
  const char *id;            /* borrowed from the statement */
  const char *partner_id;    /* borrowed from the statement */
  const char *dimension_id;  /* borrowed from the statement */
  guint       flags;
} StatementInfo;

struct _RgStatistics
{
  GObject     parent_instance;

  GStrv       partner_ids;
  GStrv       dimension_ids;
  GHashTable *dimensions;   /* dimension id → Counts */
  GHashTable *pairs;        /* pair key → Counts */
  Counts      totals;
  guint       n_links;
  guint       n_statements;
  guint       n_agreed;
  guint       n_in_open_divergence;
  guint       n_unechoed;
};

G_DEFINE_FINAL_TYPE (RgStatistics, rg_statistics, G_TYPE_OBJECT)

static void
rg_statistics_finalize (GObject *object)
{
  RgStatistics *self = (RgStatistics *)object;

  g_clear_pointer (&self->partner_ids, g_strfreev);
  g_clear_pointer (&self->dimension_ids, g_strfreev);
  g_clear_pointer (&self->dimensions, g_hash_table_unref);
  g_clear_pointer (&self->pairs, g_hash_table_unref);

  G_OBJECT_CLASS (rg_statistics_parent_class)->finalize (object);
}

static void
rg_statistics_class_init (RgStatisticsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_statistics_finalize;
}

static void
rg_statistics_init (RgStatistics *self)
{
  self->dimensions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* One key for both orders of a pair. Ids are UUIDs: no newline in them. */
static char *
pair_key (const char *a,
          const char *b)
{
  if (strcmp (a, b) > 0)
    {
      const char *swap = a;

      a = b;
      b = swap;
    }

  return g_strconcat (a, "\n", b, NULL);
}

static void
add_to (GHashTable   *table,
        char         *key,
        RgLinkType    type,
        RgLinkStatus  status)
{
  Counts *counts = g_hash_table_lookup (table, key);

  if (counts == NULL)
    {
      counts = g_new0 (Counts, 1);
      g_hash_table_insert (table, key, counts);
    }
  else
    g_free (key);

  counts->all[type]++;
  if (status == RG_LINK_STATUS_OPEN)
    counts->open[type]++;
}

/* Adds @value to @set unless it is there: a link has a handful of
 * statements, a linear search is the fastest. */
static void
add_distinct (GPtrArray  *set,
              const char *value)
{
  for (guint i = 0; i < set->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (set, i), value))
        return;
    }

  g_ptr_array_add (set, (gpointer) value);
}

static void
count_link (RgStatistics *self,
            GHashTable   *statements,
            RgLink       *link)
{
  const char * const *members = rg_link_get_members (link);
  RgLinkType type = rg_link_get_link_type (link);
  RgLinkStatus status = rg_link_get_status (link);
  g_autoptr(GPtrArray) infos = g_ptr_array_new ();
  g_autoptr(GPtrArray) partners = g_ptr_array_new ();
  g_autoptr(GPtrArray) dimensions = g_ptr_array_new ();
  guint flags = 0;

  self->n_links++;
  self->totals.all[type]++;
  if (status == RG_LINK_STATUS_OPEN)
    self->totals.open[type]++;

  for (guint i = 0; members[i] != NULL; i++)
    {
      StatementInfo *info = g_hash_table_lookup (statements, members[i]);

      if (info == NULL)
        continue;

      g_ptr_array_add (infos, info);
      add_distinct (partners, info->partner_id);
      add_distinct (dimensions, info->dimension_id);
    }

  for (guint i = 0; i < partners->len; i++)
    for (guint j = i + 1; j < partners->len; j++)
      add_to (self->pairs,
              pair_key (g_ptr_array_index (partners, i), g_ptr_array_index (partners, j)),
              type, status);

  for (guint i = 0; i < dimensions->len; i++)
    add_to (self->dimensions, g_strdup (g_ptr_array_index (dimensions, i)), type, status);

  if (type == RG_LINK_TYPE_AGREEMENT)
    flags |= STATEMENT_AGREED;
  if (type == RG_LINK_TYPE_DIVERGENCE && status == RG_LINK_STATUS_OPEN)
    flags |= STATEMENT_OPEN_DIVERGENCE;
  /* With two partners at least, every statement has one of another
   * partner beside it. */
  if (partners->len >= 2)
    flags |= STATEMENT_ECHOED;

  for (guint i = 0; i < infos->len; i++)
    {
      StatementInfo *info = g_ptr_array_index (infos, i);

      info->flags |= flags;
    }
}

static GStrv
collect_ids (GListModel  *model,
             const char *(*get_id) (gpointer))
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, get_id (object));
    }

  return g_strv_builder_end (builder);
}

/**
 * rg_statistics_new:
 * @session: a #RgSession
 *
 * Counts the links of @session as rg-statistics.h describes. The result
 * does not change when the session does.
 *
 * Returns: (transfer full): the figures of @session's links
 */
RgStatistics *
rg_statistics_new (RgSession *session)
{
  g_autoptr(RgStatistics) self = NULL;
  g_autoptr(GHashTable) statements = NULL;
  g_autofree StatementInfo *infos = NULL;
  GListModel *statement_model;
  GListModel *link_model;
  guint n_links;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  self = g_object_new (RG_TYPE_STATISTICS, NULL);
  self->partner_ids = collect_ids (rg_session_get_partners (session),
                                   (const char *(*) (gpointer)) rg_partner_get_id);
  self->dimension_ids = collect_ids (rg_session_get_dimensions (session),
                                     (const char *(*) (gpointer)) rg_dimension_get_id);

  /* The session holds its statements while we count: the infos borrow
   * their strings. */
  statement_model = rg_session_get_statements (session);
  self->n_statements = g_list_model_get_n_items (statement_model);
  infos = g_new0 (StatementInfo, self->n_statements);
  statements = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->n_statements; i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statement_model, i);

      infos[i].id = rg_statement_get_id (statement);
      infos[i].partner_id = rg_statement_get_partner_id (statement);
      infos[i].dimension_id = rg_statement_get_dimension_id (statement);
      if (infos[i].partner_id == NULL)
        infos[i].partner_id = "";
      if (infos[i].dimension_id == NULL)
        infos[i].dimension_id = "";
      g_hash_table_insert (statements, (gpointer) rg_statement_get_id (statement), &infos[i]);
    }

  link_model = rg_session_get_links (session);
  n_links = g_list_model_get_n_items (link_model);
  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (link_model, i);

      count_link (self, statements, link);
    }

  for (guint i = 0; i < self->n_statements; i++)
    {
      if (infos[i].flags & STATEMENT_AGREED)
        self->n_agreed++;
      if (infos[i].flags & STATEMENT_OPEN_DIVERGENCE)
        self->n_in_open_divergence++;
      if (!(infos[i].flags & STATEMENT_ECHOED))
        self->n_unechoed++;
    }

  return g_steal_pointer (&self);
}

/**
 * rg_statistics_get_partner_ids:
 * @self: a #RgStatistics
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   session's partners, in the session's order, when the figures were
 *   taken
 */
const char * const *
rg_statistics_get_partner_ids (RgStatistics *self)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), NULL);

  return (const char * const *) self->partner_ids;
}

/**
 * rg_statistics_get_dimension_ids:
 * @self: a #RgStatistics
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   session's dimensions, in the session's order, when the figures were
 *   taken
 */
const char * const *
rg_statistics_get_dimension_ids (RgStatistics *self)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), NULL);

  return (const char * const *) self->dimension_ids;
}

/**
 * rg_statistics_get_n_links:
 * @self: a #RgStatistics
 *
 * Returns: how many links the session has, of every type
 */
guint
rg_statistics_get_n_links (RgStatistics *self)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);

  return self->n_links;
}

/**
 * rg_statistics_get_count:
 * @self: a #RgStatistics
 * @type: a #RgLinkType
 *
 * Returns: how many links of @type the session has
 */
guint
rg_statistics_get_count (RgStatistics *self,
                         RgLinkType    type)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);
  g_return_val_if_fail ((guint) type < N_LINK_TYPES, 0);

  return self->totals.all[type];
}

/**
 * rg_statistics_get_open_count:
 * @self: a #RgStatistics
 * @type: a #RgLinkType
 *
 * Returns: how many links of @type the session has that are still open
 */
guint
rg_statistics_get_open_count (RgStatistics *self,
                              RgLinkType    type)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);
  g_return_val_if_fail ((guint) type < N_LINK_TYPES, 0);

  return self->totals.open[type];
}

/* The links of @type in @counts, all or open only; none without @counts. */
static guint
count_of (const Counts *counts,
          RgLinkType    type,
          gboolean      open_only)
{
  if (counts == NULL)
    return 0;

  return open_only ? counts->open[type] : counts->all[type];
}

static const Counts *
lookup_dimension (RgStatistics *self,
                  const char   *dimension_id)
{
  return g_hash_table_lookup (self->dimensions, dimension_id);
}

/**
 * rg_statistics_get_dimension_count:
 * @self: a #RgStatistics
 * @dimension_id: the id of a dimension
 * @type: a #RgLinkType
 *
 * Returns: how many links of @type have at least one statement in that
 *   dimension; 0 for a dimension the session does not have
 */
guint
rg_statistics_get_dimension_count (RgStatistics *self,
                                   const char   *dimension_id,
                                   RgLinkType    type)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);
  g_return_val_if_fail (dimension_id != NULL, 0);
  g_return_val_if_fail ((guint) type < N_LINK_TYPES, 0);

  return count_of (lookup_dimension (self, dimension_id), type, FALSE);
}

/**
 * rg_statistics_get_dimension_open_count:
 * @self: a #RgStatistics
 * @dimension_id: the id of a dimension
 * @type: a #RgLinkType
 *
 * Returns: how many open links of @type have at least one statement in
 *   that dimension
 */
guint
rg_statistics_get_dimension_open_count (RgStatistics *self,
                                        const char   *dimension_id,
                                        RgLinkType    type)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);
  g_return_val_if_fail (dimension_id != NULL, 0);
  g_return_val_if_fail ((guint) type < N_LINK_TYPES, 0);

  return count_of (lookup_dimension (self, dimension_id), type, TRUE);
}

static const Counts *
lookup_pair (RgStatistics *self,
             const char   *partner_a_id,
             const char   *partner_b_id)
{
  g_autofree char *key = NULL;

  if (g_str_equal (partner_a_id, partner_b_id))
    return NULL;

  key = pair_key (partner_a_id, partner_b_id);
  return g_hash_table_lookup (self->pairs, key);
}

/**
 * rg_statistics_get_pair_count:
 * @self: a #RgStatistics
 * @partner_a_id: the id of a partner
 * @partner_b_id: the id of another partner
 * @type: a #RgLinkType
 *
 * The order of the two partners does not matter.
 *
 * Returns: how many links of @type join a statement of one partner and
 *   a statement of the other; 0 when both ids are the same
 */
guint
rg_statistics_get_pair_count (RgStatistics *self,
                              const char   *partner_a_id,
                              const char   *partner_b_id,
                              RgLinkType    type)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);
  g_return_val_if_fail (partner_a_id != NULL, 0);
  g_return_val_if_fail (partner_b_id != NULL, 0);
  g_return_val_if_fail ((guint) type < N_LINK_TYPES, 0);

  return count_of (lookup_pair (self, partner_a_id, partner_b_id), type, FALSE);
}

/**
 * rg_statistics_get_pair_open_count:
 * @self: a #RgStatistics
 * @partner_a_id: the id of a partner
 * @partner_b_id: the id of another partner
 * @type: a #RgLinkType
 *
 * Returns: how many open links of @type join a statement of one partner
 *   and a statement of the other; 0 when both ids are the same
 */
guint
rg_statistics_get_pair_open_count (RgStatistics *self,
                                   const char   *partner_a_id,
                                   const char   *partner_b_id,
                                   RgLinkType    type)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);
  g_return_val_if_fail (partner_a_id != NULL, 0);
  g_return_val_if_fail (partner_b_id != NULL, 0);
  g_return_val_if_fail ((guint) type < N_LINK_TYPES, 0);

  return count_of (lookup_pair (self, partner_a_id, partner_b_id), type, TRUE);
}

/**
 * rg_statistics_get_n_statements:
 * @self: a #RgStatistics
 *
 * Returns: how many statements the session has
 */
guint
rg_statistics_get_n_statements (RgStatistics *self)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);

  return self->n_statements;
}

/**
 * rg_statistics_get_n_agreed:
 * @self: a #RgStatistics
 *
 * Returns: how many statements are in at least one agreement, open or
 *   settled
 */
guint
rg_statistics_get_n_agreed (RgStatistics *self)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);

  return self->n_agreed;
}

/**
 * rg_statistics_get_n_in_open_divergence:
 * @self: a #RgStatistics
 *
 * Returns: how many statements are in at least one open divergence
 */
guint
rg_statistics_get_n_in_open_divergence (RgStatistics *self)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);

  return self->n_in_open_divergence;
}

/**
 * rg_statistics_get_n_unechoed:
 * @self: a #RgStatistics
 *
 * Returns: how many statements share no link with a statement of
 *   another partner
 */
guint
rg_statistics_get_n_unechoed (RgStatistics *self)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0);

  return self->n_unechoed;
}

static double
share (RgStatistics *self,
       guint         n)
{
  if (self->n_statements == 0)
    return 0.0;

  return (double) n / (double) self->n_statements;
}

/**
 * rg_statistics_get_share_agreed:
 * @self: a #RgStatistics
 *
 * Returns: the fraction of the statements, from 0 to 1, that are in at
 *   least one agreement
 */
double
rg_statistics_get_share_agreed (RgStatistics *self)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0.0);

  return share (self, self->n_agreed);
}

/**
 * rg_statistics_get_share_in_open_divergence:
 * @self: a #RgStatistics
 *
 * Returns: the fraction of the statements, from 0 to 1, that are in at
 *   least one open divergence
 */
double
rg_statistics_get_share_in_open_divergence (RgStatistics *self)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0.0);

  return share (self, self->n_in_open_divergence);
}

/**
 * rg_statistics_get_share_unechoed:
 * @self: a #RgStatistics
 *
 * Returns: the fraction of the statements, from 0 to 1, that no other
 *   partner echoed
 */
double
rg_statistics_get_share_unechoed (RgStatistics *self)
{
  g_return_val_if_fail (RG_IS_STATISTICS (self), 0.0);

  return share (self, self->n_unechoed);
}
