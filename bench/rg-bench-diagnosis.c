/* rg-bench-diagnosis.c — how fast the diagnosis view opens and scrolls
 *
 * Opens a session in the real application, under whatever display it
 * is given, and prints: the time from asking to open the file to the
 * window appearing, from the window appearing to its first frame, the
 * peak memory, and the mean and worst frame time while scrolling.
 * The processor time of the main thread is printed beside the times,
 * for a machine others load too: it counts only what Regards did.
 *
 *   regards-bench-diagnosis example
 *   regards-bench-diagnosis large      (20 partners × 12 dimensions × 40 statements)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "rg-application.h"
#include "rg-diagnosis-view.h"
#include "rg-document.h"
#include "rg-session-window.h"

static const char *words[] = {
  "absences", "lecture", "fatigue", "sommeil", "famille", "logement", "devoirs", "cantine",
  "récréation", "conflits", "copains", "football", "orthophonie", "bilan", "vue", "décrochage",
  "autonomie", "confiance", "parole", "écoute", "maison de quartier", "entraîneur", "mère",
  "petit frère", "retards", "lundi matin", "calcul", "oral", "écriture", "consignes",
};

static char *scenario;
static gint64 t_open, t_mapped, t_first_frame;
static gint64 cpu_open, cpu_first_frame;
static long first_frame_rss_kib;
static GArray *frame_times;
static GArray *frame_cpu_times;

/* The processor time of the calling thread, in µs */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static GFile *
write_large_session (const char *dir)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) dimensions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (dir, "large.regards", NULL);
  GFile *file = g_file_new_for_path (path);
  GRand *rand = g_rand_new_with_seed (42);

  rg_session_set_title (session, "Grande séance");
  for (guint p = 0; p < 20; p++)
    {
      RgPartner *partner = rg_partner_new ();
      g_autofree char *name = g_strdup_printf ("Partenaire %u", p + 1);

      rg_partner_set_name (partner, name);
      rg_partner_set_profession (partner, "Éducatrice spécialisée");
      rg_partner_set_institution (partner, "Association de prévention");
      rg_session_add_partner (session, partner);
      g_ptr_array_add (partners, partner);
    }
  for (guint d = 0; d < 12; d++)
    {
      RgDimension *dimension = rg_dimension_new ();
      g_autofree char *name = g_strdup_printf ("Dimension %u", d + 1);

      rg_dimension_set_name (dimension, name);
      rg_dimension_set_synthesis (dimension, "Une synthèse de quelques mots pour la dimension.");
      rg_session_add_dimension (session, dimension);
      g_ptr_array_add (dimensions, dimension);
    }
  for (guint d = 0; d < 12; d++)
    for (guint p = 0; p < 20; p++)
      for (guint s = 0; s < 40; s++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autoptr(RgStatement) statement = NULL;
          guint n = 8 + g_rand_int_range (rand, 0, 20);

          for (guint w = 0; w < n; w++)
            g_string_append_printf (text, "%s%s", w ? " " : "",
                                    words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          statement = rg_statement_new (rg_partner_get_id (g_ptr_array_index (partners, p)),
                                        rg_dimension_get_id (g_ptr_array_index (dimensions, d)),
                                        g_rand_int_range (rand, 0, 5), text->str);
          rg_session_add_statement (session, statement);
        }
  g_rand_free (rand);

  document = rg_document_new (session, file);
  if (!rg_document_save (document, NULL, &error))
    g_error ("%s", error->message);

  return file;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* The resident memory now, unlike ru_maxrss which is the peak. */
static long
current_rss_kib (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%ld %ld", &pages, &resident);

  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static void
print_results (void)
{
  double total = 0, worst = 0, cpu_total = 0, cpu_worst = 0;

  for (guint i = 0; i < frame_times->len; i++)
    {
      double ms = g_array_index (frame_times, double, i);
      double cpu = g_array_index (frame_cpu_times, double, i);

      total += ms;
      worst = MAX (worst, ms);
      cpu_total += cpu;
      cpu_worst = MAX (cpu_worst, cpu);
    }

  printf ("%s: open→window %.0f ms, window→first frame %.0f ms, RSS at first frame %ld MiB, "
          "peak RSS %ld MiB, scrolling %u frames: mean %.1f ms, worst %.1f ms; "
          "main thread's processor time: open→first frame %.0f ms, per frame mean %.1f ms, worst %.1f ms\n",
          scenario,
          (t_mapped - t_open) / 1000.0, (t_first_frame - t_mapped) / 1000.0,
          first_frame_rss_kib / 1024, peak_rss_kib () / 1024, frame_times->len,
          frame_times->len ? total / frame_times->len : 0.0, worst,
          (cpu_first_frame - cpu_open) / 1000.0,
          frame_cpu_times->len ? cpu_total / frame_cpu_times->len : 0.0, cpu_worst);
}

typedef struct
{
  GtkAdjustment *adjustment;
  guint          step;
  gint64         last;
  gint64         last_cpu;
} Scroll;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Scroll *scroll = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();
  double upper = gtk_adjustment_get_upper (scroll->adjustment) -
                 gtk_adjustment_get_page_size (scroll->adjustment);

  if (scroll->last != 0)
    {
      double ms = (now - scroll->last) / 1000.0;
      double cpu_ms = (cpu - scroll->last_cpu) / 1000.0;

      g_array_append_val (frame_times, ms);
      g_array_append_val (frame_cpu_times, cpu_ms);
    }
  scroll->last = now;
  scroll->last_cpu = cpu;

  if (++scroll->step > 120 || upper <= 0)
    {
      print_results ();
      g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (scroll->adjustment, upper * scroll->step / 120.0);
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  GtkWidget *view;
  GtkWidget *scroller;
  Scroll *scroll;

  if (t_first_frame != 0)
    return;

  t_first_frame = g_get_monotonic_time ();
  cpu_first_frame = thread_cpu_time ();
  first_frame_rss_kib = current_rss_kib ();
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);

  view = rg_session_window_get_diagnosis_view (RG_SESSION_WINDOW (window));
  scroller = GTK_WIDGET (gtk_widget_get_template_child (view, RG_TYPE_DIAGNOSIS_VIEW, "scroller"));

  scroll = g_new0 (Scroll, 1);
  scroll->adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_widget_add_tick_callback (window, scroll_tick, scroll, g_free);
}

static void
on_window_map (GtkWidget *window)
{
  t_mapped = g_get_monotonic_time ();
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (RG_IS_SESSION_WINDOW (window))
    g_signal_connect (window, "map", G_CALLBACK (on_window_map), NULL);
}

static void
on_activate (GApplication *app,
             GFile        *file)
{
  t_open = g_get_monotonic_time ();
  cpu_open = thread_cpu_time ();
  rg_application_open_file (RG_APPLICATION (app), file);
}

/* Removes @path, a folder of files the benchmark wrote (a session of
 * 4 MB and what saving it leaves beside it). */
static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_remove (child) != 0)
        g_warning ("Cannot remove %s", child);
    }
  if (g_rmdir (path) != 0)
    g_warning ("Cannot remove %s", path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RgApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = g_dir_make_tmp ("regards-bench-XXXXXX", NULL);
  int status;

  scenario = g_strdup (argc > 1 ? argv[1] : "example");
  frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  frame_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

  if (g_str_equal (scenario, "large"))
    file = write_large_session (dir);
  else
    {
      g_autofree char *path = g_build_filename (dir, "exemple.regards", NULL);
      g_autofree char *source = g_build_filename (REGARDS_SOURCE_DIR, "data", "examples",
                                                  "exemple-eleve-a.regards", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (source, &contents, &length, NULL) ||
          !g_file_set_contents (path, contents, length, NULL))
        g_error ("Cannot copy the example session");
      file = g_file_new_for_path (path);
    }

  app = rg_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), file);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_free (scenario);
  remove_folder (dir);

  return status;
}
