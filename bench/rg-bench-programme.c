/* rg-bench-programme.c — how long the programme's evaluation takes
 *
 *   regards-bench-programme --library DIR --database FILE
 *                           [--from DATE] [--to DATE] [--rounds N]
 *
 * The index must be up to date (regards-cli index, as the script does).
 * Counts the figures over the period, then makes the report in each
 * format, ROUNDS times; prints the best and median time of each step and
 * of the whole (figures and PDF), whose target is 1 s for 10,000
 * sessions (bench/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "regards-core.h"

typedef enum { STEP_FIGURES, STEP_PDF, STEP_ODT, STEP_CSV, STEP_WHOLE, N_STEPS } Step;

static const char * const step_names[N_STEPS] = {
  "figures (rg_programme_figures_compute)",
  "PDF report (rg_programme_report_pdf)",
  "ODT report (rg_programme_report_odt)",
  "CSV (rg_programme_report_csv)",
  "figures + PDF",
};

/* Processor time of the process, in microseconds: the machine may be
 * shared, and wall time then says more about the others */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibrary) library = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *database = NULL;
  g_autofree char *from = g_strdup ("2000-01-01");
  g_autofree char *to = g_strdup ("2099-12-31");
  GArray *times[N_STEPS];
  GArray *cpu = g_array_new (FALSE, FALSE, sizeof (double));
  int rounds = 5;
  const GOptionEntry entries[] = {
    { "library", 0, 0, G_OPTION_ARG_FILENAME, &folder, "The library folder", "DIR" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The index file", "FILE" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "First day (default: 2000-01-01)", "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, "Last day (default: 2099-12-31)", "DATE" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "How many times (default: 5)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || folder == NULL ||
      database == NULL || rounds < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "Usage: regards-bench-programme --library DIR --database FILE");
      return 2;
    }

  library = rg_library_new (folder, database, &error);
  if (library == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint s = 0; s < N_STEPS; s++)
    times[s] = g_array_new (FALSE, FALSE, sizeof (double));

  for (int round = 0; round < rounds; round++)
    {
      g_autoptr(RgProgrammeFigures) figures = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GBytes) odt = NULL;
      g_autoptr(GBytes) csv = NULL;
      gint64 t0, t1, t2, t3, t4, c0, c2;
      double ms;

      c0 = cpu_time ();
      t0 = g_get_monotonic_time ();
      figures = rg_programme_figures_compute (library, from, to, NULL, &error);
      t1 = g_get_monotonic_time ();
      if (figures == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      pdf = rg_programme_report_pdf (figures, &error);
      t2 = g_get_monotonic_time ();
      c2 = cpu_time ();
      odt = rg_programme_report_odt (figures, &error);
      t3 = g_get_monotonic_time ();
      csv = rg_programme_report_csv (figures);
      t4 = g_get_monotonic_time ();
      if (pdf == NULL || odt == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      ms = (t1 - t0) / 1000.0; g_array_append_val (times[STEP_FIGURES], ms);
      ms = (t2 - t1) / 1000.0; g_array_append_val (times[STEP_PDF], ms);
      ms = (t3 - t2) / 1000.0; g_array_append_val (times[STEP_ODT], ms);
      ms = (t4 - t3) / 1000.0; g_array_append_val (times[STEP_CSV], ms);
      ms = (t2 - t0) / 1000.0; g_array_append_val (times[STEP_WHOLE], ms);
      ms = (c2 - c0) / 1000.0; g_array_append_val (cpu, ms);

      if (round == 0)
        g_print ("%u sessions held of %u situations, %u partners, %u actions, %u divergences\n",
                 figures->sessions, figures->situations, figures->partners, figures->actions,
                 figures->divergences);
    }

  for (guint s = 0; s < N_STEPS; s++)
    {
      g_array_sort (times[s], compare_doubles);
      g_print ("%s: best %.1f ms, median %.1f ms (%d rounds)\n", step_names[s],
               g_array_index (times[s], double, 0),
               g_array_index (times[s], double, times[s]->len / 2), rounds);
      g_array_unref (times[s]);
    }

  g_array_sort (cpu, compare_doubles);
  g_print ("figures + PDF, processor time: best %.1f ms, median %.1f ms\n",
           g_array_index (cpu, double, 0), g_array_index (cpu, double, cpu->len / 2));
  g_array_unref (cpu);

  return 0;
}
