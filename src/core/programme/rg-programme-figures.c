/* rg-programme-figures.c — the programme's figures over a period
 *
 * Counted by SQL on the library's index (rg_library_select ()), never by
 * opening the session files: a programme of 10,000 sessions is counted
 * in well under a second. What counts as what is written once, for the
 * coordinator, in docs/programme-report.md and in the report's own "How
 * these figures are counted"; the statements below follow it line by
 * line:
 *
 * - a session is *held* when it loads, is of kind `session`, has the
 *   status `held` or `closed`, a date, and is not a conflict copy (its
 *   original beside it holds the same session);
 * - only held sessions up to the end of the period count: what happened
 *   after it belongs to the next report;
 * - a situation is its id, or the session's own id for a session that
 *   names none;
 * - the *latest session* of a situation is its newest held session up to
 *   the end of the period (on one day, a closed one before a held one,
 *   then the last path): actions, criteria and consent are read there,
 *   as follow-ups carry them from session to session under their ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-programme"

#include "config.h"


#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "rg-library-select.h"
#include "rg-programme-figures.h"
#include "rg-types.h"

/* ?1 = from, ?2 = to, ?3 = today */
#define HELD \
  "WITH held AS (" \
  "  SELECT s.id, s.date, s.status, s.path," \
  "         coalesce (nullif (s.situation_id, ''), s.uuid) AS situation" \
  "  FROM sessions AS s" \
  "  WHERE s.error IS NULL AND s.kind = 'session' AND s.status IN ('held', 'closed')" \
  "    AND s.date IS NOT NULL AND s.date <= ?2" \
  "    AND NOT EXISTS (SELECT 1 FROM sessions AS o" \
  "                    WHERE o.path = s.conflict_candidate AND o.uuid = s.uuid" \
  "                      AND o.error IS NULL))," \
  " period AS (SELECT * FROM held WHERE date >= ?1)," \
  " latest AS (" \
  "  SELECT id, date, status, situation FROM (" \
  "    SELECT h.*, row_number () OVER (PARTITION BY h.situation" \
  "             ORDER BY h.date DESC, h.status = 'closed' DESC, h.path DESC) AS n" \
  "    FROM held AS h WHERE h.situation IN (SELECT situation FROM period))" \
  "  WHERE n = 1) "

typedef enum
{
  STATEMENT_SITUATIONS,
  STATEMENT_MONTHS,
  STATEMENT_PARTNERS,
  STATEMENT_LINKS,
  STATEMENT_ACTIONS,
  STATEMENT_CRITERIA,
  STATEMENT_CONSENTS,
  STATEMENT_INTERVALS,
  N_STATEMENTS
} Statement;

static const char * const statements[N_STATEMENTS + 1] = {
  /* New: no held session before the period; closed: the latest session
   * is closed and in the period */
  [STATEMENT_SITUATIONS] =
    HELD
    "SELECT count (*),"
    "  sum (NOT EXISTS (SELECT 1 FROM held AS b"
    "                   WHERE b.situation = p.situation AND b.date < ?1)),"
    "  (SELECT count (*) FROM latest WHERE status = 'closed' AND date >= ?1)"
    " FROM (SELECT DISTINCT situation FROM period) AS p",
  [STATEMENT_MONTHS] =
    HELD
    "SELECT substr (date, 1, 7), count (*) FROM period GROUP BY 1 ORDER BY 1",
  /* Newest session first: a partner's profession and institution are
   * taken from the last session of the period they came to */
  [STATEMENT_PARTNERS] =
    HELD
    "SELECT p.name, p.profession, p.institution, p.role"
    " FROM period AS s JOIN partners AS p"
    "   ON p.rowid BETWEEN s.id * 1024 AND s.id * 1024 + 1023"
    " ORDER BY s.date DESC, s.path DESC, p.rowid",
  /* Settled later: open at its session, and reviewed at a later session
   * of its situation, up to the end of the period */
  [STATEMENT_LINKS] =
    HELD
    "SELECT sum (l.type = 'agreement'), sum (l.type = 'divergence'),"
    "  sum (l.type = 'divergence' AND l.status = 'settled'),"
    "  sum (l.type = 'divergence' AND l.status <> 'settled' AND EXISTS ("
    "    SELECT 1 FROM held AS h JOIN review_items AS r ON r.session_id = h.id"
    "    WHERE h.situation = p.situation AND h.id <> p.id"
    "      AND (h.date > p.date OR (h.date = p.date AND h.path > p.path))"
    "      AND r.item_id = l.link_id AND r.reviewed))"
    " FROM period AS p JOIN links AS l ON l.session_id = p.id",
  /* On time: done by the first session of its situation where it shows
   * done, on or before its due date, or with no due date */
  [STATEMENT_ACTIONS] =
    HELD
    "SELECT count (*), sum (a.status = 'done'),"
    "  sum (a.status = 'done' AND (a.due IS NULL OR ("
    "    SELECT min (h.date) FROM held AS h JOIN actions AS b ON b.session_id = h.id"
    "    WHERE h.situation = l.situation AND b.action_id = a.action_id"
    "      AND b.status = 'done') <= a.due)),"
    "  sum (a.status NOT IN ('done', 'cancelled') AND a.due < ?3),"
    "  sum (a.status = 'cancelled')"
    " FROM latest AS l JOIN actions AS a ON a.session_id = l.id",
  [STATEMENT_CRITERIA] =
    HELD
    "SELECT count (*), sum (c.agreed <> 0), sum (c.met <> 0)"
    " FROM latest AS l JOIN criteria AS c ON c.session_id = l.id",
  [STATEMENT_CONSENTS] =
    HELD
    "SELECT count (*), sum (newest < date (?2, '-1 year')) FROM ("
    "  SELECT max (c.date) AS newest FROM latest AS l"
    "  JOIN consents AS c ON c.session_id = l.id GROUP BY l.id)",
  /* Days from each held session to the next one of its situation, when
   * that one is in the period */
  [STATEMENT_INTERVALS] =
    HELD
    "SELECT julianday (date) - julianday (previous) FROM ("
    "  SELECT date, lag (date) OVER (PARTITION BY situation ORDER BY date, path) AS previous"
    "  FROM held)"
    " WHERE previous IS NOT NULL AND date >= ?1 ORDER BY 1",
  NULL
};

G_DEFINE_QUARK (rg-programme-error-quark, rg_programme_error)

static void
count_clear (gpointer data)
{
  RgProgrammeCount *count = data;

  g_free (count->label);
}

static GArray *
counts_new (void)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (RgProgrammeCount));

  g_array_set_clear_func (counts, count_clear);
  return counts;
}

static void
counts_add (GArray     *counts,
            const char *label,
            guint       count)
{
  RgProgrammeCount item = { g_strdup (label), count };

  g_array_append_val (counts, item);
}

/* Every month of the period, each at zero */
static void
add_months (GArray     *counts,
            const char *from,
            const char *to)
{
  int year, month, last_year, last_month;

  if (sscanf (from, "%4d-%2d", &year, &month) != 2 ||
      sscanf (to, "%4d-%2d", &last_year, &last_month) != 2)
    return;

  while (year < last_year || (year == last_year && month <= last_month))
    {
      g_autofree char *label = g_strdup_printf ("%04d-%02d", year, month);

      counts_add (counts, label, 0);
      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
}

/**
 * rg_programme_figures_new:
 * @from: the first day of the period, `YYYY-MM-DD`
 * @to: its last day
 * @today: (nullable): the day the figures are counted on (late actions
 *   are late then); %NULL for today
 *
 * Makes figures of nothing for a period: every count at zero, and a
 * month of sessions for every month of the period. See
 * rg_programme_figures_compute () for the figures of a library.
 *
 * Returns: (transfer full): the figures
 */
RgProgrammeFigures *
rg_programme_figures_new (const char *from,
                          const char *to,
                          const char *today)
{
  RgProgrammeFigures *self = g_new0 (RgProgrammeFigures, 1);

  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->today = today != NULL ? g_strdup (today) : rg_date_new_today ();
  self->sessions_by_month = counts_new ();
  self->partners_by_profession = counts_new ();
  self->partners_by_institution = counts_new ();
  add_months (self->sessions_by_month, from, to);

  return self;
}

void
rg_programme_figures_free (RgProgrammeFigures *self)
{
  if (self == NULL)
    return;

  g_free (self->from);
  g_free (self->to);
  g_free (self->today);
  g_array_unref (self->sessions_by_month);
  g_array_unref (self->partners_by_profession);
  g_array_unref (self->partners_by_institution);
  g_free (self);
}

/* {{{ Reading the rows */

/* Partners grouped by a text as written: trimmed, and without regard to
 * case; the group is named as it was first written */
typedef struct
{
  GHashTable *index;    /* folded text → position in counts */
  GArray     *counts;
} Groups;

typedef struct
{
  RgProgrammeFigures *figures;
  GHashTable         *partners_seen;
  Groups              professions;
  Groups              institutions;
  GArray             *intervals;   /* of double */
} Reading;

static void
groups_init (Groups *groups,
             GArray *counts)
{
  groups->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  groups->counts = counts;
}

static void
groups_clear (Groups *groups)
{
  g_hash_table_remove_all (groups->index);
  g_array_set_size (groups->counts, 0);
}

static void
groups_add (Groups     *groups,
            const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);
  gpointer position;

  if (g_hash_table_lookup_extended (groups->index, folded, NULL, &position))
    {
      g_array_index (groups->counts, RgProgrammeCount, GPOINTER_TO_UINT (position)).count++;
      return;
    }

  g_hash_table_insert (groups->index, g_steal_pointer (&folded),
                       GUINT_TO_POINTER (groups->counts->len));
  counts_add (groups->counts, *trimmed != '\0' ? trimmed : NULL, 1);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const RgProgrammeCount *ca = a;
  const RgProgrammeCount *cb = b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;
  /* "Not given" last among equals */
  if ((ca->label == NULL) != (cb->label == NULL))
    return ca->label == NULL ? 1 : -1;
  return ca->label != NULL ? g_utf8_collate (ca->label, cb->label) : 0;
}

static guint
column_uint (sqlite3_stmt *row,
             int           column)
{
  return (guint) CLAMP (sqlite3_column_int64 (row, column), 0, G_MAXUINT);
}

static const char *
column_text (sqlite3_stmt *row,
             int           column)
{
  return (const char *) sqlite3_column_text (row, column);
}

static void
start_again (Reading *reading)
{
  RgProgrammeFigures *f = reading->figures;

  f->sessions = 0;
  for (guint i = 0; i < f->sessions_by_month->len; i++)
    g_array_index (f->sessions_by_month, RgProgrammeCount, i).count = 0;
  g_hash_table_remove_all (reading->partners_seen);
  groups_clear (&reading->professions);
  groups_clear (&reading->institutions);
  g_array_set_size (reading->intervals, 0);
}

static void
read_month (RgProgrammeFigures *f,
            const char         *month,
            guint               count)
{
  f->sessions += count;
  for (guint i = 0; month != NULL && i < f->sessions_by_month->len; i++)
    {
      RgProgrammeCount *item = &g_array_index (f->sessions_by_month, RgProgrammeCount, i);

      if (g_str_equal (item->label, month))
        {
          item->count = count;
          return;
        }
    }
}

/* The index knows a partner by their name, profession and institution
 * (spaces and capitals aside): one person in two sessions of the period
 * is counted once */
static char *
partner_key (sqlite3_stmt *row)
{
  GString *key = g_string_new (NULL);

  for (int column = 0; column < 3; column++)
    {
      const char *text = (const char *) sqlite3_column_text (row, column);
      g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
      g_autofree char *folded = g_utf8_casefold (trimmed, -1);

      g_string_append (key, folded);
      g_string_append_c (key, '\x1f');
    }

  return g_string_free (key, FALSE);
}

/* The family and the young person have no profession: they are counted
 * as such */
static const char *
profession_or_role (const char *profession,
                    const char *role_name)
{
  RgPartnerRole role;

  if (profession != NULL && *profession != '\0')
    return profession;
  if (role_name != NULL && rg_partner_role_from_string (role_name, &role) &&
      (role == RG_PARTNER_ROLE_FAMILY || role == RG_PARTNER_ROLE_YOUNG_PERSON))
    return rg_partner_role_get_label (role);
  return profession;
}

static void
read_row (guint         statement,
          sqlite3_stmt *row,
          gpointer      user_data)
{
  Reading *reading = user_data;
  RgProgrammeFigures *f = reading->figures;

  if (row == NULL)
    {
      start_again (reading);
      return;
    }

  switch ((Statement) statement)
    {
    case STATEMENT_SITUATIONS:
      f->situations = column_uint (row, 0);
      f->situations_new = column_uint (row, 1);
      f->situations_continuing = f->situations - MIN (f->situations_new, f->situations);
      f->situations_closed = column_uint (row, 2);
      break;

    case STATEMENT_MONTHS:
      read_month (f, column_text (row, 0), column_uint (row, 1));
      break;

    case STATEMENT_PARTNERS:
      {
        char *key = partner_key (row);

        if (g_hash_table_contains (reading->partners_seen, key))
          {
            g_free (key);
            break;
          }
        g_hash_table_add (reading->partners_seen, key);
        groups_add (&reading->professions, profession_or_role (column_text (row, 1),
                                                               column_text (row, 3)));
        groups_add (&reading->institutions, column_text (row, 2));
      }
      break;

    case STATEMENT_LINKS:
      f->agreements = column_uint (row, 0);
      f->divergences = column_uint (row, 1);
      f->divergences_settled_later = column_uint (row, 3);
      f->divergences_settled = column_uint (row, 2) + f->divergences_settled_later;
      break;

    case STATEMENT_ACTIONS:
      f->actions = column_uint (row, 0);
      f->actions_done = column_uint (row, 1);
      f->actions_done_on_time = column_uint (row, 2);
      f->actions_overdue = column_uint (row, 3);
      f->actions_cancelled = column_uint (row, 4);
      break;

    case STATEMENT_CRITERIA:
      f->criteria = column_uint (row, 0);
      f->criteria_agreed = column_uint (row, 1);
      f->criteria_met = column_uint (row, 2);
      break;

    case STATEMENT_CONSENTS:
      f->consent_situations = column_uint (row, 0);
      f->consent_old = column_uint (row, 1);
      break;

    case STATEMENT_INTERVALS:
      {
        double days = sqlite3_column_double (row, 0);

        g_array_append_val (reading->intervals, days);
      }
      break;

    case N_STATEMENTS:
    default:
      g_assert_not_reached ();
    }
}

/* The intervals come sorted */
static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return 0;
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* }}} */

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date != NULL && rg_date_is_valid (date))
    return TRUE;

  g_set_error (error, RG_PROGRAMME_ERROR, RG_PROGRAMME_ERROR_INVALID_DATE,
               _("“%s” is not a date; write it as YYYY-MM-DD, e.g. 2025-09-01"),
               date != NULL ? date : "");
  return FALSE;
}

/**
 * rg_programme_figures_compute:
 * @library: the library, whose index is up to date (scan it first)
 * @from: the first day of the period, `YYYY-MM-DD`
 * @to: its last day, `YYYY-MM-DD`, not before @from
 * @today: (nullable): the day the figures are counted on, for the
 *   actions that are late; %NULL for today
 * @error: a location for a #GError
 *
 * Counts what the programme did over the period, from the library's
 * index, in the calling thread (it reads the index only: a few
 * statements, well under a second for 10,000 sessions).
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error
 *   set (%RG_PROGRAMME_ERROR for dates that are not dates or a period
 *   that ends before it starts, %RG_LIBRARY_ERROR when the index fails)
 */
RgProgrammeFigures *
rg_programme_figures_compute (RgLibrary   *library,
                              const char  *from,
                              const char  *to,
                              const char  *today,
                              GError     **error)
{
  g_autoptr(RgProgrammeFigures) figures = NULL;
  g_autofree char *today_date = NULL;
  Reading reading = { 0 };
  const char *params[4];
  gboolean ok;

  g_return_val_if_fail (RG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    today = today_date = rg_date_new_today ();

  if (!check_date (from, error) || !check_date (to, error) || !check_date (today, error))
    return NULL;

  if (g_strcmp0 (from, to) > 0)
    {
      g_set_error_literal (error, RG_PROGRAMME_ERROR, RG_PROGRAMME_ERROR_INVALID_PERIOD,
                           _("The period ends before it starts: its first day must come "
                             "before its last"));
      return NULL;
    }

  figures = rg_programme_figures_new (from, to, today);

  reading.figures = figures;
  reading.partners_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  groups_init (&reading.professions, figures->partners_by_profession);
  groups_init (&reading.institutions, figures->partners_by_institution);
  reading.intervals = g_array_new (FALSE, FALSE, sizeof (double));

  params[0] = from;
  params[1] = to;
  params[2] = today;
  params[3] = NULL;

  ok = rg_library_select (library, statements, params, read_row, &reading, error);

  if (ok)
    {
      figures->partners = g_hash_table_size (reading.partners_seen);
      g_array_sort (figures->partners_by_profession, compare_counts);
      g_array_sort (figures->partners_by_institution, compare_counts);
      figures->intervals = reading.intervals->len;
      figures->median_days = median (reading.intervals);
    }

  g_hash_table_unref (reading.partners_seen);
  g_hash_table_unref (reading.professions.index);
  g_hash_table_unref (reading.institutions.index);
  g_array_unref (reading.intervals);

  return ok ? g_steal_pointer (&figures) : NULL;
}
