/* rg-cli-search.c — regards-cli search: find sessions in the library
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

static void
print_json (GListModel *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (results, i);

      rg_cli_library_json_entry (builder, entry);
    }
  json_builder_end_array (builder);

  rg_cli_json_print (builder);
}

/* @text with its tabs, newlines and other control characters as spaces,
 * so that one session stays one line of three fields. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';

  return line;
}

/* One line per session, tab-separated: path, date, title. A file that
 * cannot be loaded has no date, and its error in place of a title. */
static void
print_text (GListModel *results)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (results, i);
      g_autofree char *path = rg_cli_display_name (rg_library_entry_get_path (entry));
      const char *error_message = rg_library_entry_get_error_message (entry);
      g_autofree char *what = NULL;

      if (error_message != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Cannot be loaded: %s"), error_message);

          /* The error may quote the file's name */
          what = rg_cli_display_message (text);
          g_print ("%s\t\t%s\n", path, what);
        }
      else
        {
          what = one_line (rg_library_entry_get_title (entry));
          g_print ("%s\t%s\t%s\n", path, rg_library_entry_get_date (entry), what);
        }
    }
}

/**
 * rg_cli_search:
 *
 * `regards-cli search [--library DIR] [--partner X] [--institution X]
 * [--situation ID] [--from DATE] [--to DATE] [--open-divergences]
 * [--json] [QUERY…]`: brings the index up to date (reading only what
 * changed), then prints the matching sessions, newest first.
 *
 * The index is a cache: when it fails (damaged, cannot be written…), it
 * is made again from the files before the search answers, in memory if
 * need be; the answer is right or the command fails, never an empty
 * list by mistake.
 *
 * Returns: 0 on success (even with no match), 1 if the library cannot be
 *   read, 2 on a usage error (a date that is not a date…)
 */
int
rg_cli_search (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryScanResult) scan = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) results = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *database = NULL;
  g_autofree char *notice = NULL;
  g_auto(GStrv) words = NULL;
  gboolean json = FALSE;
  gboolean no_scan = FALSE;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &folder,
      N_("The library folder (default: the Regards sessions folder)"), N_("DIR") },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("The index file (default: one in the user cache folder)"), N_("FILE") },
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &query->partner,
      N_("Only sessions with a partner of this name or profession"), N_("TEXT") },
    { "institution", 'i', 0, G_OPTION_ARG_STRING, &query->institution,
      N_("Only sessions with a partner from this institution"), N_("TEXT") },
    { "situation", 's', 0, G_OPTION_ARG_STRING, &query->situation_id,
      N_("Only sessions of this situation (its id)"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &query->from,
      N_("Only sessions held on or after this date"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &query->to,
      N_("Only sessions held on or before this date"), N_("YYYY-MM-DD") },
    { "open-divergences", 'd', 0, G_OPTION_ARG_NONE, &query->open_divergences_only,
      N_("Only sessions with divergences still open"), NULL },
    { "oldest-first", 0, 0, G_OPTION_ARG_NONE, &query->oldest_first,
      N_("Sort the oldest sessions first"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit,
      N_("Print at most this many sessions"), N_("N") },
    { "no-scan", 0, 0, G_OPTION_ARG_NONE, &no_scan,
      N_("Search the index as it is, without looking for changed files first"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the result as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, N_("[QUERY…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Find sessions in the library. The words of the query are "
                                  "looked for in all the text of the sessions, without regard "
                                  "to accents or case; the last one may be the start of a "
                                  "word."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (limit < 0)
    {
      g_printerr (_("The limit must be a positive number."));
      g_printerr ("\n");
      return 2;
    }

  query->limit = limit;
  if (words != NULL)
    query->text = g_strjoinv (" ", words);

  library = rg_cli_library_open (folder, database, json);
  if (library == NULL)
    return 1;
  /* Said already; a later one is said after the results */
  notice = g_strdup (rg_library_get_notice (library));

  if (!no_scan)
    {
      scan = rg_library_scan (library, NULL, &error);
      if (scan == NULL)
        {
          rg_cli_print_error (error);
          return 1;
        }

      if (!json && rg_library_scan_result_get_n_failed (scan) > 0)
        {
          guint n = rg_library_scan_result_get_n_failed (scan);

          g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                   "%u file of the library cannot be loaded; "
                                   "“regards-cli index” lists it.",
                                   "%u files of the library cannot be loaded; "
                                   "“regards-cli index” lists them.", n), n);
          g_printerr ("\n");
        }
    }

  results = rg_library_query (library, query, &error);
  if (results == NULL)
    {
      /* Never an empty list when the index failed: an error, and a
       * status that says so. */
      rg_cli_print_error (error);
      return g_error_matches (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_INVALID_QUERY) ? 2 : 1;
    }

  /* The index failed under the scan or the search, and was made again
   * before it answered */
  if (!json && rg_library_get_notice (library) != NULL &&
      g_strcmp0 (rg_library_get_notice (library), notice) != 0)
    {
      g_autofree char *line = rg_cli_display_name (rg_library_get_notice (library));

      g_printerr ("%s\n", line);
    }

  if (json)
    print_json (results);
  else
    print_text (results);

  return 0;
}
