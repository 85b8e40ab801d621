/* rg-library-query.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RG_TYPE_LIBRARY_QUERY (rg_library_query_get_type ())

/**
 * RgLibraryQuery:
 * @text: (nullable): words to find anywhere in a session, as typed by the
 *   user; the last word matches as a prefix ("décro" finds "décrochage"),
 *   and accents and case do not matter
 * @situation_id: (nullable): only the sessions of this situation
 * @partner: (nullable): only the sessions with a partner whose name or
 *   profession has these words
 * @institution: (nullable): only the sessions with a partner of an
 *   institution with these words
 * @from: (nullable): only the sessions held on or after this date,
 *   `YYYY-MM-DD`
 * @to: (nullable): only the sessions held on or before this date,
 *   `YYYY-MM-DD`
 * @open_divergences_only: only the sessions with at least one open
 *   divergence
 * @last_session_before: (nullable): only the sessions of situations
 *   whose last session was held before this date, `YYYY-MM-DD`: those
 *   kept past the retention period (see rg-retention.h)
 * @oldest_first: sort by date, oldest first, instead of newest first
 * @no_contributions: leave out partners' contribution files (the
 *   requests prepared for a sitting, those imported): a list of the
 *   team's sessions; files that cannot be loaded are still listed
 * @offset: how many matching sessions to skip, for paging
 * @limit: the most sessions to return; 0 for all
 *
 * What to look for in the library. The strings are owned by the query and
 * freed by rg_library_query_free (); set them with g_strdup ().
 * A query without any criterion lists every file of the
 * library, those that cannot be loaded first.
 */
typedef struct
{
  char     *text;
  char     *situation_id;
  char     *partner;
  char     *institution;
  char     *from;
  char     *to;
  gboolean  open_divergences_only;
  char     *last_session_before;
  gboolean  oldest_first;
  gboolean  no_contributions;
  guint     offset;
  guint     limit;
} RgLibraryQuery;

GType           rg_library_query_get_type      (void) G_GNUC_CONST;
RgLibraryQuery *rg_library_query_new           (void);
RgLibraryQuery *rg_library_query_copy          (const RgLibraryQuery *query);
void            rg_library_query_free          (RgLibraryQuery       *query);
gboolean        rg_library_query_has_criteria  (const RgLibraryQuery *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgLibraryQuery, rg_library_query_free)

G_END_DECLS
