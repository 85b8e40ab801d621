/* rg-cli.c — regards-cli, a thin command line over libregards-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <gio/gio.h>

#include "rg-cli-commands.h"

/* Each command adds its line here, e.g.
 *   { "validate", N_("Check that session files are valid"), rg_cli_validate },
 * with its function declared in rg-cli-commands.h. */
static const RgCliCommand commands[] = {
  { "index", N_("Bring the library index up to date"), rg_cli_index },
  { "search", N_("Find sessions in the library"), rg_cli_search },
  { "attention", N_("List what needs attention in the library on a day"), rg_cli_attention },
  { "validate", N_("Check that session files are valid"), rg_cli_validate },
  { "new", N_("Create a session file from a template"), rg_cli_new },
  { "show", N_("Print a summary of a session"), rg_cli_show },
  { "stats", N_("Count a session’s agreements and divergences"), rg_cli_stats },
  { "export", N_("Export a session as a report"), rg_cli_export },
  { "contribution", N_("Write the contribution a partner fills in before the meeting"),
    rg_cli_contribution },
  { "import-contributions", N_("Import partners’ contributions into a session"),
    rg_cli_import_contributions },
  { "merge", N_("Merge two versions of a session that started from the same one"), rg_cli_merge },
  { "sitting", N_("Create, show and write the minutes of a team sitting"), rg_cli_sitting },
  { NULL, NULL, NULL },
};

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) usage = g_string_new (NULL);
  int width = 0;

  for (guint i = 0; commands[i].name != NULL; i++)
    width = MAX (width, (int) strlen (commands[i].name));

  g_string_append_printf (usage, _("Usage: %s COMMAND [OPTION…]"), "regards-cli");
  g_string_append (usage, "\n\n");
  g_string_append (usage, _("Commands:"));
  g_string_append_c (usage, '\n');
  for (guint i = 0; commands[i].name != NULL; i++)
    g_string_append_printf (usage, "  %-*s %s\n", width, commands[i].name, _(commands[i].summary));
  g_string_append_c (usage, '\n');
  g_string_append_printf (usage, _("Run “%s COMMAND --help” for the options of a command."),
                          "regards-cli");
  g_string_append_c (usage, '\n');
  fputs (usage->str, stream);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

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

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("regards-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        /* Its --help reads "Usage: regards-cli COMMAND …" */
        g_autofree char *prgname = g_strdup_printf ("regards-cli %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].func (argc - 1, argv + 1);
      }

  g_printerr (_("Unknown command “%s”."), argv[1]);
  g_printerr ("\n");
  print_usage (stderr);
  return 2;
}
