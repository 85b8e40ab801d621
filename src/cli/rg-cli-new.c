/* rg-cli-new.c — regards-cli new: start a session file from a template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-cli-commands.h"
#include "rg-cli-display.h"
#include "rg-cli-session.h"

/* The templates, one a line, for --help and for a wrong --template */
static char *
describe_templates (void)
{
  const char * const *ids = rg_template_get_ids ();
  GString *text = g_string_new (NULL);

  g_string_append (text, _("Templates:"));
  g_string_append_c (text, '\n');
  for (guint i = 0; ids[i] != NULL; i++)
    g_string_append_printf (text, "  %-12s %s\n  %-12s %s\n",
                            ids[i], rg_template_get_name (ids[i]),
                            "", rg_template_get_description (ids[i]));

  return g_string_free (text, FALSE);
}

static gboolean
is_template (const char *template_id)
{
  return g_strv_contains (rg_template_get_ids (), template_id);
}

/**
 * rg_cli_new:
 *
 * `regards-cli new [--template NAME] --title TEXT --output FILE`: makes a
 * new session from a template (fresh ids, today's date, status
 * “preparing”) and writes it to FILE, atomically, as the application
 * saves. An existing FILE is never replaced.
 *
 * Returns: 0 when the file is written, 1 if it exists already or cannot
 *   be written, 2 on a usage error (unknown template, missing option…)
 */
int
rg_cli_new (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *output = NULL;
  g_autofree char *templates = describe_templates ();
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_id,
      N_("The template to start from (default: pre)"), N_("NAME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The title of the new session"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to create; it must not exist yet"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Create a session file from a template: its dimensions and "
                                  "categories of success criteria, dated today, ready to be "
                                  "prepared. An existing file is never replaced."));
  g_option_context_set_description (context, templates);
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

  if (template_id == NULL)
    template_id = g_strdup (RG_TEMPLATE_DEFAULT);

  if (!is_template (template_id))
    {
      g_printerr (_("There is no session template named “%s”."), template_id);
      g_printerr ("\n%s", templates);
      return 2;
    }

  if (title == NULL || g_strstrip (title)[0] == '\0')
    {
      g_printerr (_("Give the title of the new session with --title."));
      g_printerr ("\n");
      return 2;
    }

  if (output == NULL)
    {
      g_printerr (_("Give the file to create with --output."));
      g_printerr ("\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (output);
  name = rg_cli_display_name (output);

  /* Not even a dangling symbolic link is replaced: whatever is there
   * may be someone's work. (A file appearing between this check and
   * the write would still be kept, as the backup “NAME~”.) */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL)
      != G_FILE_TYPE_UNKNOWN)
    {
      g_printerr (_("%s: there is already a file of this name; Regards does not replace it. "
                    "Choose another name."), name);
      g_printerr ("\n");
      return 1;
    }

  session = rg_session_new_from_template (template_id, title, &error);
  if (session == NULL)
    {
      rg_cli_print_error (error);
      return 1;
    }

  document = rg_document_new (session, file);
  if (!rg_document_save (document, NULL, &error))
    {
      rg_cli_session_print_error (output, error);
      return 1;
    }

  /* Translators: %s is a file name */
  g_print (_("Created %s"), name);
  g_print ("\n");

  return 0;
}
