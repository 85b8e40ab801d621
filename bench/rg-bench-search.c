/* rg-bench-search.c — time the library's searches, and write them as SQL
 *
 * regards-bench-search --library DIR --database DB [--sql FILE] [--count N]
 *
 * Builds N varied searches (words typed with or without accents, the last
 * one cut short as when typing, partners, institutions, situations, date
 * ranges, open divergences, and mixes of these), each asking for one page
 * of 50 sessions as the library window does. Runs them all once to warm
 * up, then times each one through rg_library_query (), and prints the
 * percentiles. With --sql, also writes the very statements the library
 * ran, parameters written in, as a script for the `sqlite3` shell that
 * times each one the same way.
 *
 * With --desk, times instead what the coordinator's desk asks when the
 * library window opens: the first page of situations, the whole list of
 * situations (rg_library_list_situations ()) and what needs attention
 * (rg_library_list_attention ()), each ROUNDS times after a warm-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-bench"

#include "config.h"

#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <gio/gio.h>

#include "rg-library.h"
#include "rg-library-private.h"
#include "rg-retention.h"

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])
#define PAGE 50

static const char * const words[] = {
  "décrochage", "harcèlement", "lecture", "logement", "sommeil", "orthophonique", "absences",
  "football", "médiathèque", "cantine", "devoirs", "PPRE", "fatigue", "conflits", "famille",
  "écrans", "danse", "CMP", "vue", "motivation", "autonomie", "séparation", "attention",
  "confiance", "cour", "retards", "bilan", "mangas", "théâtre", "insulté", "ophtalmologiste",
  "réseaux", "complémentaire", "déménagé", "grand-mère", "récréations", "signaux", "scolarité",
};

static const char * const names[] = {
  "Benali", "Roussel", "Perrin", "Kessler", "Diallo", "Garnier", "Fontaine", "Martin",
  "Nguyen", "Traoré", "Lefèvre", "Noël", "Adam", "Léa", "Inès", "Yanis", "Maëlys",
};

static const char * const partners[] = {
  "Roussel", "Mme Perrin", "Kessler", "Diallo", "M. Garnier", "assistante sociale",
  "educateur specialise", "psychologue", "coordinatrice pre", "infirmiere", "mere", "Grand-mère",
  "orthophoniste", "entraineur", "conseillere principale",
};

static const char * const institutions[] = {
  "education nationale", "Association Horizons", "CMP", "Mission locale", "PMI",
  "Collège Louise Michel", "Jean Jaurès", "Ville de Saint-Aubin", "centre social",
  "Aide sociale", "circonscription de Rochefort", "médiathèque",
};

/* As a user types it: without accents sometimes, in capitals sometimes,
 * cut short sometimes (the last word only). */
static char *
typed (GRand      *rand,
       const char *word,
       gboolean    last)
{
  g_autofree char *text = g_strdup (word);

  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      g_free (text);
      text = g_str_to_ascii (word, "C");
    }
  if (g_rand_int_range (rand, 0, 6) == 0)
    {
      char *upper = g_utf8_strup (text, -1);

      g_free (text);
      text = upper;
    }
  if (last && g_rand_int_range (rand, 0, 2) == 0 && g_utf8_strlen (text, -1) > 4)
    {
      glong keep = g_rand_int_range (rand, 3, g_utf8_strlen (text, -1));

      *g_utf8_offset_to_pointer (text, keep) = '\0';
    }

  return g_steal_pointer (&text);
}

static char *
some_words (GRand *rand,
            guint  n)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *w = NULL;

      if (g_rand_int_range (rand, 0, 5) == 0)
        w = typed (rand, PICK (rand, names), i + 1 == n);
      else
        w = typed (rand, PICK (rand, words), i + 1 == n);

      if (i > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, w);
    }

  return g_string_free (str, FALSE);
}

static void
random_range (GRand  *rand,
              char  **from,
              char  **to)
{
  guint year = g_rand_int_range (rand, 2018, 2027);
  guint month = g_rand_int_range (rand, 1, 13);
  guint span = g_rand_int_range (rand, 1, 24);
  guint end_month = month + span;

  *from = g_strdup_printf ("%04u-%02u-01", year, month);
  *to = g_strdup_printf ("%04u-%02u-28", year + (end_month - 1) / 12, (end_month - 1) % 12 + 1);
}

/* A situation id that exists, taken from the index itself. */
static char *
some_situation (RgLibrary *library,
                GRand     *rand)
{
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(RgLibraryEntry) entry = NULL;
  guint n = 0;

  if (!rg_library_count (library, query, &n, NULL) || n == 0)
    return NULL;

  query->offset = g_rand_int_range (rand, 0, n);
  query->limit = 1;
  model = rg_library_query (library, query, NULL);
  if (model == NULL || g_list_model_get_n_items (model) == 0)
    return NULL;

  entry = g_list_model_get_item (model, 0);
  return g_strdup (rg_library_entry_get_situation_id (entry));
}

static GPtrArray *
make_queries (RgLibrary *library,
              guint      n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1789);
  GPtrArray *queries = g_ptr_array_new_with_free_func ((GDestroyNotify) rg_library_query_free);

  for (guint i = 0; i < n; i++)
    {
      RgLibraryQuery *query = rg_library_query_new ();

      query->limit = PAGE;

      switch (i % 10)
        {
        case 0: case 1: case 2:
          query->text = some_words (rand, 1);
          break;

        case 3:
          query->text = some_words (rand, g_rand_int_range (rand, 2, 4));
          break;

        case 4:
          query->partner = g_strdup (PICK (rand, partners));
          break;

        case 5:
          query->institution = g_strdup (PICK (rand, institutions));
          break;

        case 6:
          random_range (rand, &query->from, &query->to);
          break;

        case 7:
          query->situation_id = some_situation (library, rand);
          query->oldest_first = TRUE;
          break;

        case 8:
          query->open_divergences_only = TRUE;
          query->text = g_rand_boolean (rand) ? some_words (rand, 1) : NULL;
          query->offset = g_rand_boolean (rand) ? PAGE : 0;
          break;

        case 9:
        default:
          query->text = some_words (rand, 1);
          query->partner = g_rand_boolean (rand) ? g_strdup (PICK (rand, partners)) : NULL;
          query->institution = g_rand_boolean (rand) ? g_strdup (PICK (rand, institutions)) : NULL;
          random_range (rand, &query->from, &query->to);
          query->open_divergences_only = g_rand_boolean (rand);
          break;
        }

      g_ptr_array_add (queries, query);
    }

  return queries;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Nearest-rank percentile of sorted @values. */
static double
percentile (const double *values,
            guint         n,
            double        p)
{
  guint rank = (guint) (p / 100.0 * n + 0.999999);

  return values[CLAMP (rank, 1, n) - 1];
}

static void
describe (const RgLibraryQuery *query,
          GString              *str)
{
  if (query->text)
    g_string_append_printf (str, " text=“%s”", query->text);
  if (query->partner)
    g_string_append_printf (str, " partner=“%s”", query->partner);
  if (query->institution)
    g_string_append_printf (str, " institution=“%s”", query->institution);
  if (query->situation_id)
    g_string_append (str, " situation");
  if (query->from)
    g_string_append_printf (str, " %s…%s", query->from, query->to);
  if (query->open_divergences_only)
    g_string_append (str, " open-divergences");
  if (query->offset)
    g_string_append_printf (str, " offset=%u", query->offset);
}

typedef GListModel *(*DeskFunc) (RgLibrary  *library,
                                 gpointer    data,
                                 GError    **error);

static GListModel *
desk_situations (RgLibrary  *library,
                 gpointer    data,
                 GError    **error)
{
  return rg_library_list_situations (library, data, NULL, NULL, error);
}

static GListModel *
desk_attention (RgLibrary  *library,
                gpointer    data,
                GError    **error)
{
  return rg_library_list_attention (library, NULL, RG_RETENTION_DEFAULT_YEARS, NULL, error);
}

/* Times @func @rounds times after one run to warm up; prints one line,
 * NAME p50_ms=… max_ms=… rows=…. */
static gboolean
time_desk (RgLibrary  *library,
           const char *name,
           DeskFunc    func,
           gpointer    data,
           int         rounds)
{
  g_autofree double *times = g_new0 (double, rounds);
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  for (int i = -1; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GListModel) model = func (library, data, &error);

      if (model == NULL)
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
      if (i >= 0)
        times[i] = (g_get_monotonic_time () - start) / 1000.0;
      rows = g_list_model_get_n_items (model);
    }

  qsort (times, rounds, sizeof (double), compare_doubles);
  g_print ("%s p50_ms=%.3f max_ms=%.3f rows=%u\n", name, percentile (times, rounds, 50),
           times[rounds - 1], rows);
  return TRUE;
}

static int
run_desk (RgLibrary *library,
          int        rounds)
{
  g_autoptr(RgLibraryQuery) page = rg_library_query_new ();
  g_autoptr(RgLibraryQuery) all = rg_library_query_new ();

  page->limit = PAGE;
  if (!time_desk (library, "situations-page", desk_situations, page, rounds) ||
      !time_desk (library, "situations-all", desk_situations, all, rounds) ||
      !time_desk (library, "attention", desk_attention, NULL, rounds))
    return 1;

  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *database = NULL;
  g_autofree char *sql_path = NULL;
  g_autofree double *times = NULL;
  g_autofree guint *n_found = NULL;
  gboolean verbose = FALSE;
  gboolean desk = FALSE;
  int count = 100;
  double total = 0;
  const GOptionEntry entries[] = {
    { "library", 0, 0, G_OPTION_ARG_FILENAME, &folder, "Library folder", "DIR" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Index file", "FILE" },
    { "sql", 0, 0, G_OPTION_ARG_FILENAME, &sql_path, "Write the queries for sqlite3", "FILE" },
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "How many searches", "N" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print each search", NULL },
    { "desk", 0, 0, G_OPTION_ARG_NONE, &desk,
      "Time the lists of the coordinator's desk, COUNT times each", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || folder == NULL || count < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--library is needed");
      return 2;
    }

  library = rg_library_new (folder, database, &error);
  if (library == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (desk)
    return run_desk (library, count);

  queries = make_queries (library, count);
  times = g_new0 (double, count);
  n_found = g_new0 (guint, count);

  if (sql_path != NULL)
    {
      g_autoptr(GString) script = g_string_new (NULL);

      /* Warm up the shell's cache as the library's is, then time. The
       * rows go to /dev/null; the timer lines to stdout. */
      for (guint pass = 0; pass < 2; pass++)
        {
          g_string_append (script, pass == 0 ? ".timer off\n" : ".timer on\n");
          g_string_append (script, ".output /dev/null\n");
          for (guint i = 0; i < queries->len; i++)
            {
              g_autofree char *sql = _rg_library_db_query_sql (g_ptr_array_index (queries, i), &error);

              if (sql == NULL)
                {
                  g_printerr ("%s\n", error->message);
                  return 1;
                }
              g_string_append_printf (script, "%s;\n", sql);
            }
        }

      if (!g_file_set_contents (sql_path, script->str, script->len, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < queries->len; i++)
      {
        g_autoptr(GListModel) model = NULL;
        gint64 start = g_get_monotonic_time ();

        model = rg_library_query (library, g_ptr_array_index (queries, i), &error);
        if (model == NULL)
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        g_clear_object (&model);
        times[i] = (g_get_monotonic_time () - start) / 1000.0;
        n_found[i] = 0;
      }

  for (guint i = 0; i < queries->len; i++)
    {
      const RgLibraryQuery *query = g_ptr_array_index (queries, i);
      guint n = 0;

      rg_library_count (library, query, &n, NULL);
      n_found[i] = n;
      total += times[i];

      if (verbose)
        {
          g_autoptr(GString) str = g_string_new (NULL);

          describe (query, str);
          g_print ("%3u %8.3f ms %6u found%s\n", i, times[i], n_found[i], str->str);
        }
    }

  qsort (times, count, sizeof (double), compare_doubles);
  g_print ("searches=%d p50_ms=%.3f p95_ms=%.3f mean_ms=%.3f max_ms=%.3f\n",
           count, percentile (times, count, 50), percentile (times, count, 95),
           total / count, times[count - 1]);

  return 0;
}
