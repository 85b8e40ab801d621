/* rg-partner-label.c — how the diagnosis names a partner, blind or not
 *
 * In a blind round a partner is named by the letter of their column,
 * wherever the diagnosis would name them: the column, the cells, the
 * quotes of a card's links. The view and its cards ask here, so that
 * they always agree.
 *
 * The columns of a blind round are shuffled, or everyone who knows the
 * order the partners were listed in would know who wrote what. The
 * order comes from a seed kept with the session for the round: the
 * same order however often the grid is built again, and for a partner
 * added meanwhile too; a new round, a new order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-partner-label"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-partner-label.h"

#define BLIND_SEED_KEY "rg-partner-label-blind-seed"

/* “A”, “B”… “Z”, then “AA”, “AB”…, as spreadsheet columns */
static char *
column_letters (guint column)
{
  GString *letters = g_string_new (NULL);

  column++;
  while (column > 0)
    {
      column--;
      g_string_prepend_c (letters, 'A' + column % 26);
      column /= 26;
    }

  return g_string_free (letters, FALSE);
}

/**
 * rg_partner_label_set_blind_seed:
 * @session: a session
 * @seed: the seed of a blind round's order, or 0 when there is none
 *
 * Starts (with a new @seed) or ends (with 0) a blind round's order of
 * the columns of @session: see rg_partner_label_dup_blind_order().
 */
void
rg_partner_label_set_blind_seed (RgSession *session,
                                 guint32    seed)
{
  g_return_if_fail (RG_IS_SESSION (session));

  g_object_set_data (G_OBJECT (session), BLIND_SEED_KEY, GUINT_TO_POINTER (seed));
}

static guint32
get_blind_seed (RgSession *session)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (session), BLIND_SEED_KEY));
}

/* The place of @partner in the round of @seed: the partner's id mixed
 * with the seed (MurmurHash3's finaliser), so that every seed gives
 * another order. */
static guint32
shuffle_key (RgPartner *partner,
             guint32    seed)
{
  guint32 h = g_str_hash (rg_partner_get_id (partner)) ^ seed;

  h ^= h >> 16;
  h *= 0x85ebca6b;
  h ^= h >> 13;
  h *= 0xc2b2ae35;
  h ^= h >> 16;
  return h;
}

static int
compare_shuffled (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  RgPartner *pa = *(RgPartner **) a, *pb = *(RgPartner **) b;
  guint32 seed = GPOINTER_TO_UINT (user_data);
  guint32 ka = shuffle_key (pa, seed), kb = shuffle_key (pb, seed);

  if (ka != kb)
    return ka < kb ? -1 : 1;
  return g_strcmp0 (rg_partner_get_id (pa), rg_partner_get_id (pb));
}

/**
 * rg_partner_label_dup_blind_order:
 * @session: a session
 *
 * The partners of @session in the order of the blind round under way:
 * shuffled by the round's seed, and never in the order they are listed
 * in, which would tell who wrote each column (with three partners, a
 * shuffle gives that order once in six rounds). Without a round, the
 * order they are listed in.
 *
 * Returns: (transfer full) (element-type RgPartner): the partners
 */
GPtrArray *
rg_partner_label_dup_blind_order (RgSession *session)
{
  GListModel *partners;
  GPtrArray *order;
  g_autoptr(GPtrArray) listed = NULL;
  guint32 seed;
  guint n;
  gboolean same = TRUE;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  partners = rg_session_get_partners (session);
  n = g_list_model_get_n_items (partners);
  order = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_list_model_get_item (partners, i));

  if ((seed = get_blind_seed (session)) == 0)
    return order;

  listed = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (listed, g_ptr_array_index (order, i));
  g_ptr_array_sort_with_data (order, compare_shuffled, GUINT_TO_POINTER (seed));

  /* Listed order by chance: one step round instead. */
  for (guint i = 0; i < n && same; i++)
    same = g_ptr_array_index (order, i) == g_ptr_array_index (listed, i);
  if (same && n > 1)
    g_ptr_array_add (order, g_ptr_array_steal_index (order, 0));

  return order;
}

/**
 * rg_partner_label_dup:
 * @session: (nullable): the session of @partner
 * @partner: a partner
 * @blind: whether the authors are hidden (a blind round)
 *
 * How the diagnosis names @partner: by name, or in a blind round by the
 * letter of the partner's column in @session (“Partner B”), in the
 * round's order.
 *
 * Returns: (transfer full): the name to show
 */
char *
rg_partner_label_dup (RgSession *session,
                      RgPartner *partner,
                      gboolean   blind)
{
  g_autofree char *letters = NULL;
  guint column;

  g_return_val_if_fail (session == NULL || RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (RG_IS_PARTNER (partner), NULL);

  if (!blind)
    return g_strdup (rg_partner_get_name (partner));

  if (session != NULL)
    {
      g_autoptr(GPtrArray) order = rg_partner_label_dup_blind_order (session);

      if (!g_ptr_array_find (order, partner, &column))
        column = G_MAXUINT;
    }
  else
    column = G_MAXUINT;
  if (column == G_MAXUINT)
    return g_strdup (_("Another partner"));

  letters = column_letters (column);
  /* Translators: a partner's column in a blind round, where authors
   * are hidden: "Partner A", "Partner B"… */
  return g_strdup_printf (_("Partner %s"), letters);
}
