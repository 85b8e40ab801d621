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

#include "rg-report-date-private.h"

/**
 * _rg_report_format_date:
 * @date: (nullable): a date, `YYYY-MM-DD`, or what the pseudonymisation
 *   left of it
 *
 * A YYYY-MM-DD date in the user's locale; anything else (a month left
 * by the pseudonymisation) as it is, and so is every date when the
 * locale says nothing (C, C.UTF-8, POSIX), where "%x" would give an
 * ambiguous 11/17/26.
 *
 * Returns: (transfer full) (nullable): the date, %NULL when there is none
 */
char *
_rg_report_format_date (const char *date)
{
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
    return g_strdup (date);

  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (time == NULL)
    return g_strdup (date);

  return g_date_time_format (time, "%x");
}

