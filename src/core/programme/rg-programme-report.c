/* rg-programme-report.c — the programme's evaluation, for the steering committee
 *
 * The figures of rg-programme-figures.c as a report of the report folder
 * (rg_report_new_blank ()), so that the PDF and the ODT are laid out,
 * set and written as a session's report is: its parts are the
 * situations and sessions, the partners, agreements and divergences,
 * actions, success criteria, consent, and how the figures are counted.
 * Every chart has its table beside it and its text alternative.
 *
 * The report is pseudonymised by construction: the figures hold counts,
 * months, professions and institutions as written, and nothing else, so
 * no name, code or label of a situation can reach it.
 *
 * The CSV is one table of three columns, figure (a stable name, the
 * JSON's: "actions.done"), label (in the user's language) and value,
 * UTF-8 with a byte order mark like the session's CSV export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-programme"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rg-export-odt.h"
#include "rg-export-pdf.h"
#include "rg-programme-private.h"
#include "rg-programme-report.h"
#include "rg-types.h"

#define CSV_BOM "\xEF\xBB\xBF"

/* {{{ Words */

static char *
display_date (const char *date)
{
  char *text = rg_date_format (date);

  return text != NULL ? text : g_strdup (date);
}

static const char *
count_label (const RgProgrammeCount *count)
{
  return count->label != NULL ? count->label : _("Not given");
}

/* "2025-09" as "September 2025", in the user's language */
static char *
month_label (const char *month)
{
  g_autoptr(GDateTime) time = NULL;
  int year, number;

  if (sscanf (month, "%4d-%2d", &year, &number) != 2)
    return g_strdup (month);
  time = g_date_time_new_utc (year, number, 1, 0, 0, 0);
  if (time == NULL)
    return g_strdup (month);
  /* Translators: a month and its year, as in "septembre 2025"; see
   * g_date_time_format () for the codes */
  return g_date_time_format (time, C_("month of the chart", "%OB %Y"));
}

/* }}} */
/* {{{ The report */

typedef struct
{
  const char *label;
  guint       value;
} Figure;

static void
add_figures (RgReport     *report,
             const Figure *figures,
             guint         n_figures)
{
  const char *header[] = { _("Figure"), _("Number"), NULL };

  rg_report_add_table (report, header);
  for (guint i = 0; i < n_figures; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", figures[i].value);
      const char *row[] = { figures[i].label, value, NULL };

      rg_report_add_table_row (report, row);
    }
}

static gboolean
add_chart (RgReport              *report,
           const RgProgrammeBar  *bars,
           guint                  n_bars,
           const char            *title,
           GError               **error)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GString) description = g_string_new (title);
  int height;

  png = _rg_programme_chart_bars (bars, n_bars, &height, error);
  if (png == NULL)
    return FALSE;

  for (guint i = 0; i < n_bars; i++)
    g_string_append_printf (description, "%s %s%s %u", i == 0 ? "" : ";", bars[i].label,
                            /* Translators: between what is counted and its number */
                            _(":"), bars[i].value);
  rg_report_add_image (report, png, RG_PROGRAMME_CHART_WIDTH, height, description->str);
  return TRUE;
}

static gboolean
add_activity (RgReport                  *report,
              const RgProgrammeFigures  *f,
              GError                   **error)
{
  g_autofree RgProgrammeBar *bars = g_new0 (RgProgrammeBar, MAX (f->sessions_by_month->len, 1));
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *median = NULL;
  const Figure figures[] = {
    { _("Situations followed"), f->situations },
    { _("New situations"), f->situations_new },
    { _("Continuing situations"), f->situations_continuing },
    { _("Situations closed"), f->situations_closed },
    { _("Sessions held"), f->sessions },
  };

  rg_report_add_heading (report, 2, "activity", _("Situations and sessions"));
  add_figures (report, figures, G_N_ELEMENTS (figures));

  if (f->intervals > 0)
    median = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%.0f day, over %u interval between two sessions",
                                        "%.0f days, over %u intervals between two sessions",
                                        f->intervals),
                              f->median_days, f->intervals);
  rg_report_add_paragraph (report,
                           median != NULL ? RG_REPORT_STYLE_NORMAL : RG_REPORT_STYLE_EMPTY,
                           _("Median time between two sessions of a situation:"),
                           median != NULL ? median : _("none to measure"));

  if (f->sessions_by_month->len == 0)
    return TRUE;

  rg_report_add_heading (report, 3, NULL, _("Sessions held each month"));
  for (guint i = 0; i < f->sessions_by_month->len; i++)
    {
      const RgProgrammeCount *month = &g_array_index (f->sessions_by_month, RgProgrammeCount, i);
      char *label = month_label (month->label);

      g_ptr_array_add (months, label);
      bars[i] = (RgProgrammeBar) { label, month->count, RG_PROGRAMME_BAR_PLAIN };
    }
  return add_chart (report, bars, f->sessions_by_month->len,
                    _("Sessions held each month:"), error);
}

static gboolean
add_groups (RgReport      *report,
            GArray        *counts,
            const char    *heading,
            const char    *column,
            gboolean       chart,
            GError       **error)
{
  g_autofree RgProgrammeBar *bars = g_new0 (RgProgrammeBar, MAX (counts->len, 1));
  const char *header[] = { column, _("Partners"), NULL };

  rg_report_add_heading (report, 3, NULL, heading);
  if (counts->len == 0)
    {
      rg_report_add_paragraph (report, RG_REPORT_STYLE_EMPTY, NULL, _("No partners."));
      return TRUE;
    }

  rg_report_add_table (report, header);
  for (guint i = 0; i < counts->len; i++)
    {
      const RgProgrammeCount *count = &g_array_index (counts, RgProgrammeCount, i);
      g_autofree char *value = g_strdup_printf ("%u", count->count);
      const char *row[] = { count_label (count), value, NULL };

      rg_report_add_table_row (report, row);
      bars[i] = (RgProgrammeBar) { count_label (count), count->count, RG_PROGRAMME_BAR_PLAIN };
    }

  if (!chart)
    return TRUE;
  return add_chart (report, bars, counts->len, heading, error);
}

static gboolean
add_partners (RgReport                  *report,
              const RgProgrammeFigures  *f,
              GError                   **error)
{
  g_autofree char *total = g_strdup_printf ("%u", f->partners);

  rg_report_add_heading (report, 2, "partners", _("Partners"));
  rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL,
                           _("Partners who took part in a session:"), total);

  return add_groups (report, f->partners_by_profession, _("Partners by profession"),
                     _("Profession"), TRUE, error) &&
         add_groups (report, f->partners_by_institution, _("Partners by institution"),
                     _("Institution"), FALSE, error);
}

static gboolean
add_links (RgReport                  *report,
           const RgProgrammeFigures  *f,
           GError                   **error)
{
  guint settled_at_session = f->divergences_settled - f->divergences_settled_later;
  const Figure figures[] = {
    { _("Agreements"), f->agreements },
    { _("Divergences"), f->divergences },
    { _("Divergences settled"), f->divergences_settled },
    { _("of them, settled at a later session"), f->divergences_settled_later },
  };
  const RgProgrammeBar bars[] = {
    { _("Settled at their session"), settled_at_session, RG_PROGRAMME_BAR_GOOD },
    { _("Settled at a later session"), f->divergences_settled_later, RG_PROGRAMME_BAR_GOOD },
    { _("Still open"), f->divergences - MIN (f->divergences, f->divergences_settled),
      RG_PROGRAMME_BAR_LATE },
  };

  rg_report_add_heading (report, 2, "links", _("Agreements and divergences"));
  add_figures (report, figures, G_N_ELEMENTS (figures));
  if (f->divergences == 0)
    return TRUE;
  rg_report_add_heading (report, 3, NULL, _("Divergences settled"));
  return add_chart (report, bars, G_N_ELEMENTS (bars), _("Divergences:"), error);
}

static gboolean
add_actions (RgReport                  *report,
             const RgProgrammeFigures  *f,
             GError                   **error)
{
  const Figure figures[] = {
    { _("Actions decided"), f->actions },
    { _("Done"), f->actions_done },
    { _("Done on time"), f->actions_done_on_time },
    { _("Overdue"), f->actions_overdue },
    { _("Given up"), f->actions_cancelled },
  };
  const RgProgrammeBar bars[] = {
    { _("Done"), f->actions_done, RG_PROGRAMME_BAR_GOOD },
    { _("Done on time"), f->actions_done_on_time, RG_PROGRAMME_BAR_GOOD },
    { _("Overdue"), f->actions_overdue, RG_PROGRAMME_BAR_LATE },
  };

  rg_report_add_heading (report, 2, "actions", _("Actions"));
  add_figures (report, figures, G_N_ELEMENTS (figures));
  if (f->actions == 0)
    return TRUE;
  return add_chart (report, bars, G_N_ELEMENTS (bars), _("Actions:"), error);
}

static void
add_criteria_and_consent (RgReport                 *report,
                          const RgProgrammeFigures *f)
{
  const Figure criteria[] = {
    { _("Success criteria"), f->criteria },
    { _("Agreed by the team"), f->criteria_agreed },
    { _("Met"), f->criteria_met },
  };
  const Figure consent[] = {
    { _("Situations with a consent recorded"), f->consent_situations },
    { _("of them, consent older than a year"), f->consent_old },
    { _("Situations without a consent recorded"),
      f->situations - MIN (f->situations, f->consent_situations) },
  };

  rg_report_add_heading (report, 2, "criteria", _("Success criteria"));
  add_figures (report, criteria, G_N_ELEMENTS (criteria));
  rg_report_add_heading (report, 2, "consent", _("Consent"));
  add_figures (report, consent, G_N_ELEMENTS (consent));
}

static void
add_method (RgReport *report)
{
  static const char * const items[] = {
    N_("A session is held in the period when its date is within the period, it is a "
       "session (not a partner’s contribution), it was held or closed, its file can be "
       "read, and it is not a conflict copy made by a sync service."),
    N_("Situations followed: situations with a session held in the period. New: with no "
       "session held before the period; continuing: the others; closed: their latest "
       "session is closed and dated in the period."),
    N_("Partners: the different partners of the sessions held in the period, each counted "
       "once (one name, profession and institution), by their profession and their "
       "institution as written in their latest session (spaces and capitals aside). The "
       "family and the young person are counted as such."),
    N_("Agreements and divergences: the links of the sessions held in the period. A "
       "divergence is settled when it was settled at its session, or left open then and "
       "marked reviewed at a later session of the situation, up to the end of the "
       "period."),
    N_("Actions, success criteria and consent are read in the latest session of each "
       "situation up to the end of the period, as follow-up sessions carry them over; "
       "nothing is counted twice."),
    N_("An action is done on time when the first session where it shows done is dated on "
       "or before its due date, or when it has no due date. It is overdue when it is not "
       "done, not given up, and its due date is before the day of the report."),
    N_("Consent older than a year: the newest consent of the latest session is dated more "
       "than a year before the end of the period."),
    N_("Time between two sessions: the days between two sessions held one after the "
       "other for a situation, the later one in the period; half the intervals are "
       "shorter than the median, half longer."),
    N_("No name, code or label of a child, a family or a partner is in this report: only "
       "numbers, months, professions and institutions."),
  };

  rg_report_add_heading (report, 2, "method", _("How these figures are counted"));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    rg_report_add_item (report, NULL, _(items[i]));
}

/**
 * rg_programme_report_new:
 * @figures: the programme's figures over a period
 * @error: a location for a #GError
 *
 * Makes the programme's evaluation report of @figures, in the user's
 * language (see the top of rg-programme-report.c).
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error
 *   set when a chart could not be drawn
 */
RgReport *
rg_programme_report_new (const RgProgrammeFigures  *figures,
                         GError                   **error)
{
  g_autoptr(RgReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = NULL;
  g_autofree char *period = NULL;

  g_return_val_if_fail (figures != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  from = display_date (figures->from);
  to = display_date (figures->to);
  today = display_date (figures->today);
  /* Translators: the period of the report, as in "Du 1 septembre 2025 au 31 août 2026" */
  period = g_strdup_printf (_("From %s to %s"), from, to);

  report = rg_report_new_blank (_("Programme evaluation"), period);
  rg_report_add_heading (report, 1, NULL, _("Programme evaluation"));
  rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, _("Period:"), period);
  rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, _("Counted on:"), today);

  if (!add_activity (report, figures, error) ||
      !add_partners (report, figures, error) ||
      !add_links (report, figures, error) ||
      !add_actions (report, figures, error))
    return NULL;
  add_criteria_and_consent (report, figures);
  add_method (report);

  return g_steal_pointer (&report);
}

/**
 * rg_programme_report_pdf:
 * @figures: the programme's figures over a period
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the report as a PDF document on
 *   A4 pages, or %NULL with @error set
 */
GBytes *
rg_programme_report_pdf (const RgProgrammeFigures  *figures,
                         GError                   **error)
{
  g_autoptr(RgReport) report = rg_programme_report_new (figures, error);

  return report != NULL ? rg_export_pdf_report (report, error) : NULL;
}

/**
 * rg_programme_report_odt:
 * @figures: the programme's figures over a period
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the report as an OpenDocument
 *   text, or %NULL with @error set
 */
GBytes *
rg_programme_report_odt (const RgProgrammeFigures  *figures,
                         GError                   **error)
{
  g_autoptr(RgReport) report = rg_programme_report_new (figures, error);

  return report != NULL ? rg_export_odt_report (report, error) : NULL;
}

/* }}} */
/* {{{ CSV */

static void
append_field (GString    *csv,
              const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (csv, value);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_row (GString    *csv,
            const char *figure,
            const char *label,
            const char *value)
{
  append_field (csv, figure);
  g_string_append_c (csv, ',');
  append_field (csv, label);
  g_string_append_c (csv, ',');
  append_field (csv, value);
  g_string_append (csv, "\r\n");
}

static void
append_uint (GString    *csv,
             const char *figure,
             const char *label,
             guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  append_row (csv, figure, label, text);
}

static void
append_counts (GString    *csv,
               const char *figure,
               GArray     *counts)
{
  for (guint i = 0; i < counts->len; i++)
    {
      const RgProgrammeCount *count = &g_array_index (counts, RgProgrammeCount, i);

      append_uint (csv, figure, count->label != NULL ? count->label : "", count->count);
    }
}

/**
 * rg_programme_report_csv:
 * @figures: the programme's figures over a period
 *
 * Writes @figures as one CSV table (see the top of
 * rg-programme-report.c): a row per figure, then a row per month,
 * profession and institution, whose label is the month (`YYYY-MM`), the
 * profession or the institution as written (empty when not given).
 *
 * Returns: (transfer full): the CSV file's bytes
 */
GBytes *
rg_programme_report_csv (const RgProgrammeFigures *figures)
{
  const RgProgrammeFigures *f = figures;
  GString *csv = g_string_new (CSV_BOM);
  char median[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (figures != NULL, NULL);

  append_row (csv, _("Figure"), _("Label"), _("Value"));
  append_row (csv, "from", _("First day of the period"), f->from);
  append_row (csv, "to", _("Last day of the period"), f->to);
  append_row (csv, "today", _("Counted on"), f->today);
  append_uint (csv, "situations", _("Situations followed"), f->situations);
  append_uint (csv, "situations.new", _("New situations"), f->situations_new);
  append_uint (csv, "situations.continuing", _("Continuing situations"),
               f->situations_continuing);
  append_uint (csv, "situations.closed", _("Situations closed"), f->situations_closed);
  append_uint (csv, "sessions", _("Sessions held"), f->sessions);
  append_uint (csv, "partners", _("Partners who took part in a session"), f->partners);
  append_uint (csv, "agreements", _("Agreements"), f->agreements);
  append_uint (csv, "divergences.total", _("Divergences"), f->divergences);
  append_uint (csv, "divergences.settled", _("Divergences settled"), f->divergences_settled);
  append_uint (csv, "divergences.settled_later", _("of them, settled at a later session"),
               f->divergences_settled_later);
  append_uint (csv, "actions.total", _("Actions decided"), f->actions);
  append_uint (csv, "actions.done", _("Done"), f->actions_done);
  append_uint (csv, "actions.done_on_time", _("Done on time"), f->actions_done_on_time);
  append_uint (csv, "actions.overdue", _("Overdue"), f->actions_overdue);
  append_uint (csv, "actions.cancelled", _("Given up"), f->actions_cancelled);
  append_uint (csv, "criteria.total", _("Success criteria"), f->criteria);
  append_uint (csv, "criteria.agreed", _("Agreed by the team"), f->criteria_agreed);
  append_uint (csv, "criteria.met", _("Met"), f->criteria_met);
  append_uint (csv, "consent.situations", _("Situations with a consent recorded"),
               f->consent_situations);
  append_uint (csv, "consent.old", _("of them, consent older than a year"), f->consent_old);
  append_uint (csv, "intervals.count", _("Intervals between two sessions"), f->intervals);
  g_ascii_formatd (median, sizeof median, "%.1f", f->median_days);
  append_row (csv, "intervals.median_days", _("Median time between two sessions, in days"),
              median);
  append_counts (csv, "sessions.month", f->sessions_by_month);
  append_counts (csv, "partners.profession", f->partners_by_profession);
  append_counts (csv, "partners.institution", f->partners_by_institution);

  return g_string_free_to_bytes (csv);
}

/* }}} */
