/* rg-library-entry-private.h — the fields of a library entry, which the
 * index fills in (rg-library-index.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-library-entry.h"

G_BEGIN_DECLS

struct _RgLibraryEntry
{
  GObject          parent_instance;

  char            *path;
  char            *error_message;
  char            *id;
  char            *title;
  char            *date;
  char            *situation_id;
  char            *situation_label;
  char            *partners;
  RgSessionKind    kind;
  RgSessionStatus  status;
  guint            n_partners;
  guint            n_statements;
  guint            n_agreements;
  guint            n_divergences;
  guint            n_complements;
  guint            n_clarifications;
  guint            n_open_divergences;
  guint            n_overdue_actions;
  guint            n_consents;
  char            *conflict_of;         /* the original's path, for a conflict copy */
  gint64           conflict_time;       /* when the copy was made, Unix time */
};

G_END_DECLS
