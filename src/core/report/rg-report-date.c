/* rg-report-date.c — dates as the report writes them
 *
 * The report's text and the pictures that go with it (the partner ×
 * partner picture under its title) write a date the same way, in the
 * user's locale: 17/11/2026 in French.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rg-pseudonymise.h"
#include "rg-report-date-private.h"

/**
 * _rg_report_format_date:
 * @session: the session the date belongs to
 * @date: (nullable): a date, `YYYY-MM-DD`
 *
 * A YYYY-MM-DD date in the user's locale, its month and year alone
 * when @session is a copy whose dates keep only their month
 * (rg-pseudonymise.h); anything else (an empty date) as it is, and so
 * is every date when the locale says nothing (C, C.UTF-8, POSIX),
 * where "%x" would give an ambiguous 11/17/26 (a month is then
 * 2026-11).
 *
 * Returns: (transfer full) (nullable): the date, %NULL when there is none
 */
char *
_rg_report_format_date (RgSession  *session,
                        const char *date)
{
  gboolean month_only = (rg_session_get_pseudonymise_flags (session) & RG_PSEUDONYMISE_MONTH_DATES) != 0;
  g_autoptr(GDateTime) time = NULL;
  const char *time_locale = setlocale (LC_TIME, NULL);
  int year, month, day;
  char end;

  if (date == NULL || *date == '\0')
    return NULL;

  if (time_locale == NULL ||
      g_str_equal (time_locale, "C") ||
      g_str_has_prefix (time_locale, "C.") ||
      g_str_equal (time_locale, "POSIX") ||
      strlen (date) != 10 ||
      sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    {
      char *text = month_only ? rg_pseudonymise_format_month (date) : NULL;

      return text != NULL ? text : g_strdup (date);
    }

  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (time == NULL)
    return g_strdup (date);

  /* Translators: a month and its year, in a report whose dates keep
   * only their month; see the strftime() manual: "%B %Y" gives
   * "novembre 2026" */
  return g_date_time_format (time, month_only ? _("%B %Y") : "%x");
}

