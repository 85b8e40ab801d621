/* rg-sitting-time.c — the times of day of a sitting's slots
 *
 * `HH:MM`, 24 hours, as sitting files write them; what the agenda
 * computes with, in minutes since midnight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-sitting-time"

#include "config.h"

#include "rg-sitting-time.h"

#define MINUTES_PER_DAY (24 * 60)

/**
 * rg_sitting_time_is_valid:
 * @time: (nullable): a text
 *
 * Returns: %TRUE if @time is a time of day as sitting files write it,
 *   `HH:MM` from `00:00` to `23:59`
 */
gboolean
rg_sitting_time_is_valid (const char *time)
{
  return rg_sitting_time_to_minutes (time) >= 0;
}

/**
 * rg_sitting_time_to_minutes:
 * @time: (nullable): a time of day, `HH:MM`
 *
 * Returns: the minutes since midnight, or -1 if @time is not a valid time
 */
int
rg_sitting_time_to_minutes (const char *time)
{
  int hours;
  int minutes;

  if (time == NULL
      || !g_ascii_isdigit (time[0]) || !g_ascii_isdigit (time[1]) || time[2] != ':'
      || !g_ascii_isdigit (time[3]) || !g_ascii_isdigit (time[4]) || time[5] != '\0')
    return -1;

  hours = (time[0] - '0') * 10 + (time[1] - '0');
  minutes = (time[3] - '0') * 10 + (time[4] - '0');
  if (hours > 23 || minutes > 59)
    return -1;

  return hours * 60 + minutes;
}

/**
 * rg_sitting_time_from_minutes:
 * @minutes: minutes since midnight
 *
 * Returns: (transfer full) (nullable): the time `HH:MM`, or %NULL if
 *   @minutes is not within the day
 */
char *
rg_sitting_time_from_minutes (int minutes)
{
  if (minutes < 0 || minutes >= MINUTES_PER_DAY)
    return NULL;

  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}
