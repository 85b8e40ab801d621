/* rg-cli-report.c — regards-cli report: reports over the whole library
 *
 * `report programme` writes the programme's evaluation over a period,
 * for the steering committee: counted from the library's index, always
 * without names (src/core/programme/). JSON names are the file format's
 * words, never translated, so scripts can rely on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "rg-cli-commands.h"
#include "rg-cli-display.h"
#include "rg-cli-library.h"
#include "rg-file-io.h"

typedef enum
{
  FORMAT_PDF,
  FORMAT_ODT,
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

/* In the order of Format */
static const char * const format_names[] = { "pdf", "odt", "csv", "json", NULL };

static void
member_uint (JsonBuilder *builder,
             const char  *name,
             guint        value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
member_string (JsonBuilder *builder,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* [{ "label": …, "count": … }, …]; a label not given is null */
static void
member_counts (JsonBuilder *builder,
               const char  *name,
               const char  *label_name,
               GArray      *counts)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      const RgProgrammeCount *count = &g_array_index (counts, RgProgrammeCount, i);

      json_builder_begin_object (builder);
      member_string (builder, label_name, count->label);
      member_uint (builder, "count", count->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
figures_to_json (const RgProgrammeFigures *f)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  member_string (builder, "from", f->from);
  member_string (builder, "to", f->to);
  member_string (builder, "today", f->today);
  member_uint (builder, "situations", f->situations);
  json_builder_set_member_name (builder, "situations_detail");
  json_builder_begin_object (builder);
  member_uint (builder, "new", f->situations_new);
  member_uint (builder, "continuing", f->situations_continuing);
  member_uint (builder, "closed", f->situations_closed);
  json_builder_end_object (builder);
  member_uint (builder, "sessions", f->sessions);
  member_counts (builder, "sessions_by_month", "month", f->sessions_by_month);

  json_builder_set_member_name (builder, "partners");
  json_builder_begin_object (builder);
  member_uint (builder, "total", f->partners);
  member_counts (builder, "by_profession", "profession", f->partners_by_profession);
  member_counts (builder, "by_institution", "institution", f->partners_by_institution);
  json_builder_end_object (builder);

  member_uint (builder, "agreements", f->agreements);
  json_builder_set_member_name (builder, "divergences");
  json_builder_begin_object (builder);
  member_uint (builder, "total", f->divergences);
  member_uint (builder, "settled", f->divergences_settled);
  member_uint (builder, "settled_later", f->divergences_settled_later);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "actions");
  json_builder_begin_object (builder);
  member_uint (builder, "total", f->actions);
  member_uint (builder, "done", f->actions_done);
  member_uint (builder, "done_on_time", f->actions_done_on_time);
  member_uint (builder, "overdue", f->actions_overdue);
  member_uint (builder, "cancelled", f->actions_cancelled);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_object (builder);
  member_uint (builder, "total", f->criteria);
  member_uint (builder, "agreed", f->criteria_agreed);
  member_uint (builder, "met", f->criteria_met);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "consent");
  json_builder_begin_object (builder);
  member_uint (builder, "situations", f->consent_situations);
  member_uint (builder, "old", f->consent_old);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "intervals");
  json_builder_begin_object (builder);
  member_uint (builder, "count", f->intervals);
  json_builder_set_member_name (builder, "median_days");
  if (f->intervals > 0)
    json_builder_add_double_value (builder, f->median_days);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return rg_cli_json_to_string (builder);
}

static GBytes *
write_figures (const RgProgrammeFigures  *figures,
               Format                     format,
               GError                   **error)
{
  switch (format)
    {
    case FORMAT_PDF:
      return rg_programme_report_pdf (figures, error);
    case FORMAT_ODT:
      return rg_programme_report_odt (figures, error);
    case FORMAT_CSV:
      return rg_programme_report_csv (figures);
    case FORMAT_JSON:
      {
        char *json = figures_to_json (figures);

        return g_bytes_new_take (json, strlen (json));
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
lookup_format (const char *name,
               Format     *format)
{
  for (guint i = 0; format_names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }

  return FALSE;
}

static int
report_programme (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryScanResult) scan = NULL;
  g_autoptr(RgProgrammeFigures) figures = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *database = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *known = g_strjoinv (", ", (char **) format_names);
  Format format;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day of the period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day of the period"), N_("YYYY-MM-DD") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("The day the report is made on, for the actions that are overdue (default: today)"),
      N_("YYYY-MM-DD") },
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &folder,
      N_("The library folder (default: the Regards sessions folder)"), N_("DIR") },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("The index file (default: one in the user cache folder)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format of the report: pdf, odt, csv or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the report; “-” for the standard output"), N_("OUT") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Write the programme’s evaluation over a period, for the "
                                  "steering committee: situations followed, sessions held, "
                                  "partners, agreements and divergences, actions, success "
                                  "criteria and consent, counted from the library. The "
                                  "report never names a child, a family or a partner."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (argc > 1)
    {
      g_autofree char *argument = rg_cli_display_name (argv[1]);

      g_printerr (_("Unexpected argument “%s”."), argument);
      g_printerr ("\n");
      return 2;
    }

  if (from == NULL || to == NULL)
    {
      g_printerr (_("Give the period of the report with --from and --to (YYYY-MM-DD)."));
      g_printerr ("\n");
      return 2;
    }

  if (format_name == NULL)
    {
      /* Translators: %s lists the formats, as in "pdf, odt, csv, json" */
      g_printerr (_("Choose the format of the report with --format (%s)."), known);
      g_printerr ("\n");
      return 2;
    }

  if (!lookup_format (format_name, &format))
    {
      g_autofree char *name = rg_cli_display_name (format_name);

      /* Translators: the second %s lists the formats, as in "pdf, odt, csv, json" */
      g_printerr (_("Unknown format “%s”. The known formats are: %s."), name, known);
      g_printerr ("\n");
      return 2;
    }

  if (output == NULL || *output == '\0')
    {
      g_printerr (_("Say where to write the report with -o OUT."));
      g_printerr ("\n");
      return 2;
    }

  /* The dates first: a mistyped date is said before the library is read */
  {
    for (const char *date = from; date != NULL; date = date == from ? to : date == to ? today : NULL)
      if (!rg_date_is_valid (date))
        {
          g_autofree char *shown = rg_cli_display_name (date);

          g_printerr (_("“%s” is not a date; write it as YYYY-MM-DD, e.g. 2025-09-01"), shown);
          g_printerr ("\n");
          return 2;
        }
    if (g_strcmp0 (from, to) > 0)
      {
        g_printerr (_("The period ends before it starts: its first day must come before "
                      "its last"));
        g_printerr ("\n");
        return 2;
      }
  }

  library = rg_cli_library_open (folder, database, FALSE);
  if (library == NULL)
    return 1;

  scan = rg_library_scan (library, NULL, &error);
  if (scan == NULL)
    {
      rg_cli_print_error (error);
      return 1;
    }

  if (rg_library_scan_result_get_n_failed (scan) > 0)
    {
      guint n = rg_library_scan_result_get_n_failed (scan);

      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u file of the library cannot be loaded and is not counted; "
                               "“regards-cli index” lists it.",
                               "%u files of the library cannot be loaded and are not counted; "
                               "“regards-cli index” lists them.", n), n);
      g_printerr ("\n");
    }

  figures = rg_programme_figures_compute (library, from, to, today, &error);
  if (figures == NULL)
    {
      rg_cli_print_error (error);
      return g_error_matches (error, RG_PROGRAMME_ERROR, RG_PROGRAMME_ERROR_INVALID_DATE) ||
             g_error_matches (error, RG_PROGRAMME_ERROR, RG_PROGRAMME_ERROR_INVALID_PERIOD)
             ? 2 : 1;
    }

  bytes = write_figures (figures, format, &error);
  if (bytes == NULL)
    {
      rg_cli_print_error (error);
      return 1;
    }

  if (g_str_equal (output, "-"))
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      fwrite (data, 1, size, stdout);
      return 0;
    }

  file = g_file_new_for_commandline_arg (output);
  if (!rg_file_write_atomic (file, bytes, NULL, NULL, NULL, NULL, &error))
    {
      rg_cli_print_error (error);
      return 1;
    }

  {
    g_autofree char *path = g_file_get_path (file);
    g_autofree char *name = rg_cli_display_name (path);

    g_print ("%s\n", name);
  }

  return 0;
}

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) usage = g_string_new (NULL);

  g_string_append_printf (usage, _("Usage: %s SUBCOMMAND [OPTION…]"), "regards-cli report");
  g_string_append (usage, "\n\n");
  g_string_append (usage, _("Subcommands:"));
  g_string_append_c (usage, '\n');
  g_string_append_printf (usage, "  %-10s %s\n", "programme",
                          _("Write the programme’s evaluation over a period"));
  g_string_append_c (usage, '\n');
  g_string_append_printf (usage, _("Run “%s SUBCOMMAND --help” for its options."),
                          "regards-cli report");
  g_string_append_c (usage, '\n');
  fputs (usage->str, stream);
}

/**
 * rg_cli_report:
 *
 * `regards-cli report programme --from DATE --to DATE [--today DATE]
 * [--library DIR] [--database FILE] --format pdf|odt|csv|json -o OUT`:
 * brings the index up to date, counts the programme's figures over the
 * period and writes them.
 *
 * Returns: 0 on success, 1 if the library cannot be read or the report
 *   written, 2 on a usage error (a date that is not a date, a period
 *   that ends before it starts, an unknown format…)
 */
int
rg_cli_report (int    argc,
               char **argv)
{
  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (stdout);
      return 0;
    }

  if (g_str_equal (argv[1], "programme"))
    {
      g_set_prgname ("regards-cli report programme");
      return report_programme (argc - 1, argv + 1);
    }

  {
    g_autofree char *name = rg_cli_display_name (argv[1]);

    g_printerr (_("Unknown report “%s”."), name);
    g_printerr ("\n");
    print_usage (stderr);
  }
  return 2;
}
