/* rg-programme-figures.h — the programme's figures over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-library.h"

G_BEGIN_DECLS

#define RG_PROGRAMME_ERROR (rg_programme_error_quark ())

/**
 * RgProgrammeError:
 * @RG_PROGRAMME_ERROR_INVALID_DATE: a date is not a `YYYY-MM-DD` date
 * @RG_PROGRAMME_ERROR_INVALID_PERIOD: the period ends before it starts
 *
 * Why the programme's figures could not be counted (besides the
 * library's own errors).
 */
typedef enum
{
  RG_PROGRAMME_ERROR_INVALID_DATE,
  RG_PROGRAMME_ERROR_INVALID_PERIOD,
} RgProgrammeError;

/**
 * RgProgrammeCount:
 * @label: what is counted: a month `YYYY-MM`, a profession or an
 *   institution as first written (trimmed), or %NULL when none was
 *   given
 * @count: how many
 */
typedef struct
{
  char  *label;
  guint  count;
} RgProgrammeCount;

/**
 * RgProgrammeFigures:
 *
 * What the programme did over a period, counted from the library's
 * index; docs/programme-report.md says how each figure is counted.
 * Nothing in it names a child, a family or a partner.
 */
typedef struct
{
  char   *from;
  char   *to;
  char   *today;

  guint   situations;
  guint   situations_new;
  guint   situations_continuing;
  guint   situations_closed;

  guint   sessions;
  GArray *sessions_by_month;        /* of RgProgrammeCount, every month of the period */

  guint   partners;
  GArray *partners_by_profession;   /* of RgProgrammeCount, most first */
  GArray *partners_by_institution;  /* of RgProgrammeCount, most first */

  guint   agreements;
  guint   divergences;
  guint   divergences_settled;
  guint   divergences_settled_later;

  guint   actions;
  guint   actions_done;
  guint   actions_done_on_time;
  guint   actions_overdue;
  guint   actions_cancelled;

  guint   criteria;
  guint   criteria_agreed;
  guint   criteria_met;

  guint   consent_situations;       /* whose latest session has a consent */
  guint   consent_old;              /* of them, the newest older than a year at @to */

  guint   intervals;                /* pairs of consecutive sessions counted */
  double  median_days;              /* between them; 0 when @intervals is 0 */
} RgProgrammeFigures;

GQuark              rg_programme_error_quark     (void);
RgProgrammeFigures *rg_programme_figures_new     (const char          *from,
                                                  const char          *to,
                                                  const char          *today);
RgProgrammeFigures *rg_programme_figures_compute (RgLibrary           *library,
                                                  const char          *from,
                                                  const char          *to,
                                                  const char          *today,
                                                  GError             **error);
void                rg_programme_figures_free    (RgProgrammeFigures  *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgProgrammeFigures, rg_programme_figures_free)

G_END_DECLS
