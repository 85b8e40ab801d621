/* rg-library-situation-private.h — the fields of a situation, which the
 * index fills in (rg-library-index.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-library-situation.h"

G_BEGIN_DECLS

struct _RgLibrarySituation
{
  GObject          parent_instance;

  char            *id;
  char            *label;
  char            *code;
  guint            n_sessions;
  char            *last_date;
  RgSessionStatus  last_status;
  char            *last_path;
  char            *next_review;
  guint            n_open_divergences;
  guint            n_overdue_actions;
  RgConsentState   consent_state;
  char            *consent_date;
};

G_END_DECLS
