/* rg-library-query.c — what to look for in the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-query"

#include "config.h"

#include "rg-library-query.h"

G_DEFINE_BOXED_TYPE (RgLibraryQuery, rg_library_query,
                     rg_library_query_copy, rg_library_query_free)

/**
 * rg_library_query_new:
 *
 * A query without criteria: every file of the library, newest first.
 *
 * Returns: (transfer full): a new #RgLibraryQuery
 */
RgLibraryQuery *
rg_library_query_new (void)
{
  return g_new0 (RgLibraryQuery, 1);
}

/**
 * rg_library_query_copy:
 * @query: a #RgLibraryQuery
 *
 * Returns: (transfer full): a copy of @query
 */
RgLibraryQuery *
rg_library_query_copy (const RgLibraryQuery *query)
{
  RgLibraryQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->text = g_strdup (query->text);
  copy->situation_id = g_strdup (query->situation_id);
  copy->partner = g_strdup (query->partner);
  copy->institution = g_strdup (query->institution);
  copy->from = g_strdup (query->from);
  copy->to = g_strdup (query->to);
  copy->last_session_before = g_strdup (query->last_session_before);

  return copy;
}

/**
 * rg_library_query_free:
 * @query: (transfer full): a #RgLibraryQuery
 *
 * Frees @query and its strings.
 */
void
rg_library_query_free (RgLibraryQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->text);
  g_free (query->situation_id);
  g_free (query->partner);
  g_free (query->institution);
  g_free (query->from);
  g_free (query->to);
  g_free (query->last_session_before);
  g_free (query);
}

static gboolean
is_set (const char *str)
{
  return str != NULL && str[0] != '\0';
}

/**
 * rg_library_query_has_criteria:
 * @query: a #RgLibraryQuery
 *
 * Whether @query narrows the library down at all. Paging and sorting are
 * not criteria.
 *
 * Returns: %TRUE if some criterion is set
 */
gboolean
rg_library_query_has_criteria (const RgLibraryQuery *query)
{
  g_return_val_if_fail (query != NULL, FALSE);

  return is_set (query->text) ||
         is_set (query->situation_id) ||
         is_set (query->partner) ||
         is_set (query->institution) ||
         is_set (query->from) ||
         is_set (query->to) ||
         is_set (query->last_session_before) ||
         query->open_divergences_only;
}
