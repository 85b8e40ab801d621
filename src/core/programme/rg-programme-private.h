/* rg-programme-private.h — what the files of the programme folder share
 *
 * rg-programme-chart.c   the charts of the report, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One bar of a chart: what it counts, how many, and its colour (one of
 * the chart's few, RG_PROGRAMME_BAR_*), so that "done" and "overdue"
 * read apart even in grey. */
typedef enum
{
  RG_PROGRAMME_BAR_PLAIN,
  RG_PROGRAMME_BAR_GOOD,
  RG_PROGRAMME_BAR_LATE,
} RgProgrammeBarKind;

typedef struct
{
  const char         *label;
  guint               value;
  RgProgrammeBarKind  kind;
} RgProgrammeBar;

/* Width of a chart in pixels; it is drawn at twice the size of the page,
 * to stay sharp on paper. */
#define RG_PROGRAMME_CHART_WIDTH 1400

GBytes *_rg_programme_chart_bars (const RgProgrammeBar  *bars,
                                  guint                  n_bars,
                                  int                   *height,
                                  GError               **error);

G_END_DECLS
