/* rg-cli-sitting.c — regards-cli sitting new|show|minutes
 *
 * `sitting new` puts situations on a new sitting's agenda and prepares
 * it (src/core/meetings/rg-sitting-prepare.c, shared with the app);
 * `sitting show` prints its agenda; `sitting minutes` writes the minutes
 * (src/core/report/rg-sitting-minutes.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rg-cli-commands.h"
#include "rg-cli-display.h"
#include "rg-cli-json.h"
#include "rg-cli-library.h"
#include "rg-cli-session.h"
#include "rg-paths.h"
#include "rg-sitting-minutes.h"

#define DEFAULT_START "09:00"
#define DEFAULT_SLOT_MINUTES 30

static GOptionContext *
new_context (const char         *summary,
             const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  return context;
}

static gboolean
parse (GOptionContext   *context,
       int              *argc,
       char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      rg_cli_print_error (error);
      return FALSE;
    }

  return TRUE;
}

static void
print_line (const char *message)
{
  g_printerr ("%s\n", message);
}

/* `--invite SITUATION-ID:NAME`, for the situation @situation_id: the
 * names invited to it, or %NULL when none is given (then every partner
 * of its latest session is) */
static GPtrArray *
invited_names (char       **invites,
               const char  *situation_id)
{
  GPtrArray *names = NULL;
  gsize length = strlen (situation_id);

  for (guint i = 0; invites != NULL && invites[i] != NULL; i++)
    {
      if (strncmp (invites[i], situation_id, length) != 0 || invites[i][length] != ':')
        continue;

      if (names == NULL)
        names = g_ptr_array_new ();
      g_ptr_array_add (names, invites[i] + length + 1);
    }

  return names;
}

/* Keeps only the invitees of @item named in @names, in that order,
 * with those who are not partners of the situation's sessions yet */
static void
keep_invited (RgSittingItem *item,
              GPtrArray     *names)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *invitees = rg_sitting_item_get_invitees (item);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      RgSittingInvitee *invitee = rg_sitting_item_find_invitee (item, name);

      if (invitee != NULL)
        g_ptr_array_add (kept, g_object_ref (invitee));
      else
        g_ptr_array_add (kept, rg_sitting_invitee_new (name));
    }

  while (g_list_model_get_n_items (invitees) > 0)
    {
      g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, 0);

      rg_sitting_item_remove_invitee (item, invitee);
    }

  for (guint i = 0; i < kept->len; i++)
    {
      RgSittingInvitee *invitee = g_ptr_array_index (kept, i);

      /* The same name given twice is invited once */
      if (rg_sitting_item_find_invitee (item, rg_sitting_invitee_get_name (invitee)) == NULL)
        rg_sitting_item_add_invitee (item, invitee);
    }
}

/* Whether every --invite names a situation of the agenda */
static gboolean
check_invites (char **invites,
               char **situations)
{
  for (guint i = 0; invites != NULL && invites[i] != NULL; i++)
    {
      const char *colon = strchr (invites[i], ':');
      gboolean found = FALSE;

      for (guint j = 0; colon != NULL && situations[j] != NULL; j++)
        found = found || (strlen (situations[j]) == (gsize) (colon - invites[i])
                          && strncmp (invites[i], situations[j], colon - invites[i]) == 0);

      if (!found || colon[1] == '\0')
        {
          g_autofree char *shown = rg_cli_display_name (invites[i]);
          g_autofree char *message = g_strdup_printf (_("“%s” does not name a situation of the agenda and a partner, as SITUATION-ID:NAME."),
                                                      shown);

          print_line (message);
          return FALSE;
        }
    }

  return TRUE;
}

static int
sitting_new (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryScanResult) scan = NULL;
  g_autoptr(RgSitting) sitting = rg_sitting_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) contributions = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folder = NULL;
  g_autofree char *database = NULL;
  g_autofree char *date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *place = NULL;
  g_autofree char *title = NULL;
  g_autofree char *kind_word = NULL;
  g_autofree char *contributions_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) situations = NULL;
  g_auto(GStrv) invites = NULL;
  RgSittingKind kind = RG_SITTING_KIND_SUPPORT_TEAM;
  gboolean prepared;
  int slot = DEFAULT_SLOT_MINUTES;
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &folder,
      N_("The library folder (default: the Regards sessions folder)"), N_("DIR") },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("The index file (default: one in the user cache folder)"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The day of the sitting"), N_("YYYY-MM-DD") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start,
      N_("When the first situation’s slot begins (default: 09:00)"), N_("HH:MM") },
    { "slot", 0, 0, G_OPTION_ARG_INT, &slot,
      N_("How long each situation’s slot lasts (default: 30)"), N_("MINUTES") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("Where the sitting is held"), N_("TEXT") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The title of the sitting"), N_("TEXT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_word,
      N_("support-team (default) or technical-committee"), N_("KIND") },
    { "situation", 's', 0, G_OPTION_ARG_STRING_ARRAY, &situations,
      N_("A situation on the agenda, by its id; repeat it, in the order of the agenda"), N_("ID") },
    { "invite", 0, 0, G_OPTION_ARG_STRING_ARRAY, &invites,
      N_("Invite this partner to this situation, instead of every partner of its latest session; repeat it"),
      N_("SITUATION-ID:NAME") },
    { "contributions", 0, 0, G_OPTION_ARG_FILENAME, &contributions_path,
      N_("Where to write the contributions (default: a Contributions folder beside the sitting)"),
      N_("DIR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The sitting file (default: named after its date and title, in the library folder)"),
      N_("FILE") },
    { NULL }
  };

  context = new_context (_("Create a team sitting and prepare it: for each situation of the "
                           "agenda, the follow-up of its latest session (or a new session), "
                           "dated the sitting’s day, and a contribution for each partner "
                           "invited."),
                         entries);
  if (!parse (context, &argc, &argv))
    return 2;

  if (date == NULL || !rg_date_is_valid (date))
    {
      print_line (_("Give the day of the sitting with --date YYYY-MM-DD."));
      return 2;
    }

  if (start != NULL && !rg_sitting_time_is_valid (start))
    {
      print_line (_("Give the start time as HH:MM, from 00:00 to 23:59."));
      return 2;
    }

  if (slot <= 0 || slot > 24 * 60)
    {
      print_line (_("The slot must last from 1 to 1440 minutes."));
      return 2;
    }

  if (kind_word != NULL && !rg_sitting_kind_from_string (kind_word, &kind))
    {
      print_line (_("The kind of sitting is support-team or technical-committee."));
      return 2;
    }

  if (situations == NULL || situations[0] == NULL)
    {
      print_line (_("Put at least one situation on the agenda with --situation ID."));
      return 2;
    }

  if (!check_invites (invites, situations))
    return 2;

  library = rg_cli_library_open (folder, database, FALSE);
  if (library == NULL)
    return 1;

  if (!(scan = rg_library_scan (library, NULL, &error)))
    {
      rg_cli_print_error (error);
      return 1;
    }

  rg_sitting_set_date (sitting, date);
  rg_sitting_set_kind (sitting, kind);
  rg_sitting_set_place (sitting, place);
  if (title != NULL)
    rg_sitting_set_title (sitting, title);
  else
    rg_sitting_set_title (sitting, rg_sitting_kind_get_label (kind));

  for (guint i = 0; situations[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) names = invited_names (invites, situations[i]);
      RgSittingItem *item;

      item = rg_sitting_add_situation (sitting, library, situations[i],
                                       i == 0 ? (start != NULL ? start : DEFAULT_START) : NULL,
                                       slot, &error);
      if (item == NULL)
        {
          rg_cli_print_error (error);
          return 1;
        }

      if (names != NULL)
        keep_invited (item, names);
    }

  if (output != NULL)
    {
      file = g_file_new_for_commandline_arg (output);
      if (g_file_query_exists (file, NULL))
        {
          g_autofree char *shown = rg_cli_display_name (output);
          g_autofree char *message = g_strdup_printf (_("“%s” exists already: choose another name."), shown);

          print_line (message);
          return 1;
        }
    }
  else
    {
      g_autofree char *name = g_strdup_printf ("%s %s", date, rg_sitting_get_title (sitting));

      file = rg_paths_new_named_file (rg_library_get_folder (library), name, RG_SITTING_FILE_SUFFIX);
    }

  if (contributions_path != NULL)
    contributions = g_file_new_for_commandline_arg (contributions_path);
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      /* Translators: the folder of the contributions asked for a sitting */
      contributions = g_file_get_child (parent, _("Contributions"));
    }

  /* Nothing is prepared for a sitting whose file could not be written */
  if (!rg_sitting_check (sitting, &error))
    {
      rg_cli_print_error (error);
      return 1;
    }

  prepared = rg_sitting_prepare (sitting, library, contributions, written, NULL, &error);

  /* Saved even when preparing stopped half-way: what was prepared is
   * named in it, and running the app on it prepares the rest */
  {
    g_autoptr(GError) save_error = NULL;

    if (!rg_sitting_save (sitting, file, NULL, NULL, NULL, &save_error))
      {
        g_autofree char *path = g_file_get_path (file);

        rg_cli_session_print_error (path, save_error);
        return 1;
      }
  }

  {
    g_autofree char *path = g_file_get_path (file);

    display = rg_cli_display_name (path);
    g_print ("%s\n", display);
  }
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (written, i));
      g_autofree char *shown = rg_cli_display_name (path);

      g_print ("%s\n", shown);
    }

  if (!prepared)
    {
      rg_cli_print_error (error);
      return 1;
    }

  return 0;
}

static RgSitting *
load_sitting (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  RgSitting *sitting = rg_sitting_load (file, NULL, NULL, &error);

  if (sitting == NULL)
    rg_cli_session_print_error (path, error);

  return sitting;
}

static void
member (JsonBuilder *builder,
        const char  *name,
        const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
print_json (RgSitting *sitting)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *items = rg_sitting_get_items (sitting);

  json_builder_begin_object (builder);
  member (builder, "id", rg_sitting_get_id (sitting));
  member (builder, "title", rg_sitting_get_title (sitting));
  member (builder, "kind", rg_sitting_kind_to_string (rg_sitting_get_kind (sitting)));
  member (builder, "date", rg_sitting_get_date (sitting));
  member (builder, "place", rg_sitting_get_place (sitting));
  member (builder, "start", rg_sitting_get_start (sitting));
  member (builder, "end", rg_sitting_get_end (sitting));
  json_builder_set_member_name (builder, "agenda");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgSittingItem) item = g_list_model_get_item (items, i);
      GListModel *invitees = rg_sitting_item_get_invitees (item);

      json_builder_begin_object (builder);
      member (builder, "id", rg_sitting_item_get_id (item));
      member (builder, "start", rg_sitting_item_get_start (item));
      member (builder, "end", rg_sitting_item_get_end (item));
      member (builder, "situation_id", rg_sitting_item_get_situation_id (item));
      member (builder, "situation_label", rg_sitting_item_get_situation_label (item));
      member (builder, "situation_code", rg_sitting_item_get_situation_code (item));
      member (builder, "session_id", rg_sitting_item_get_session_id (item));
      member (builder, "session_file", rg_sitting_item_get_session_file (item));
      json_builder_set_member_name (builder, "invited");
      json_builder_begin_array (builder);
      for (guint j = 0; j < g_list_model_get_n_items (invitees); j++)
        {
          g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, j);

          json_builder_begin_object (builder);
          member (builder, "partner_id", rg_sitting_invitee_get_partner_id (invitee));
          member (builder, "name", rg_sitting_invitee_get_name (invitee));
          member (builder, "profession", rg_sitting_invitee_get_profession (invitee));
          member (builder, "institution", rg_sitting_invitee_get_institution (invitee));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  rg_cli_json_print (builder);
}

/* One line for the terminal: the text of a file may hold anything */
static void
print_text_line (GString *line)
{
  g_autofree char *shown = rg_cli_display_message (line->str);

  g_strdelimit (shown, "\r\n", ' ');
  g_print ("%s\n", shown);
  g_string_truncate (line, 0);
}

static void
print_text (RgSitting *sitting)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *date = rg_date_format (rg_sitting_get_date (sitting));
  GListModel *items = rg_sitting_get_items (sitting);

  g_string_append (line, rg_sitting_get_title (sitting));
  print_text_line (line);
  g_string_append_printf (line, "%s · %s", rg_sitting_kind_get_label (rg_sitting_get_kind (sitting)),
                          date);
  if (rg_sitting_get_place (sitting) != NULL)
    g_string_append_printf (line, " · %s", rg_sitting_get_place (sitting));
  print_text_line (line);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgSittingItem) item = g_list_model_get_item (items, i);
      GListModel *invitees = rg_sitting_item_get_invitees (item);
      const char *code = rg_sitting_item_get_situation_code (item);
      const char *session = rg_sitting_item_get_session_file (item);

      g_print ("\n");
      g_string_append_printf (line, "%s–%s  %s", rg_sitting_item_get_start (item),
                              rg_sitting_item_get_end (item),
                              rg_sitting_item_get_situation_label (item));
      if (code != NULL)
        g_string_append_printf (line, " (%s)", code);
      print_text_line (line);

      g_string_append (line, "  ");
      if (session != NULL)
        g_string_append_printf (line, _("Session: %s"), session);
      else
        g_string_append (line, _("Session: not prepared yet"));
      print_text_line (line);

      for (guint j = 0; j < g_list_model_get_n_items (invitees); j++)
        {
          g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, j);
          const char *profession = rg_sitting_invitee_get_profession (invitee);
          const char *institution = rg_sitting_invitee_get_institution (invitee);

          /* The names in a column under the first */
          if (j == 0)
            g_string_append_printf (line, "  %s ", _("Invited:"));
          else
            for (glong k = g_utf8_strlen (_("Invited:"), -1) + 3; k > 0; k--)
              g_string_append_c (line, ' ');
          g_string_append (line, rg_sitting_invitee_get_name (invitee));
          if (profession != NULL && institution != NULL)
            g_string_append_printf (line, " (%s, %s)", profession, institution);
          else if (profession != NULL || institution != NULL)
            g_string_append_printf (line, " (%s)", profession != NULL ? profession : institution);
          print_text_line (line);
        }
    }
}

static int
sitting_show (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RgSitting) sitting = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the sitting as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE") },
    { NULL }
  };

  context = new_context (_("Print the agenda of a sitting: each situation with its time slot, "
                           "its session and the partners invited."),
                         entries);
  if (!parse (context, &argc, &argv))
    return 2;

  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    {
      print_line (_("Give one sitting file."));
      return 2;
    }

  if (!(sitting = load_sitting (paths[0])))
    return 1;

  if (json)
    print_json (sitting);
  else
    print_text (sitting);

  return 0;
}

static int
sitting_minutes (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RgSitting) sitting = NULL;
  g_autoptr(GFile) library = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  gboolean pseudonymise = FALSE;
  RgExportFormat export_format;
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &folder,
      N_("The library folder (default: the Regards sessions folder)"), N_("DIR") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("The format of the minutes: pdf or odt"), N_("FORMAT") },
    { "pseudonymise", 0, 0, G_OPTION_ARG_NONE, &pseudonymise,
      N_("Name no one: the situations become “Situation 1”, “Situation 2”…, the partners "
         "their profession; no code, institution or place"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the minutes"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE") },
    { NULL }
  };

  context = new_context (_("Write the minutes of a sitting: for each situation of the agenda, "
                           "its slot, the decisions of its session (the actions: what, who, by "
                           "when, their status), the success criteria agreed and the next "
                           "review."),
                         entries);
  if (!parse (context, &argc, &argv))
    return 2;

  if (format == NULL)
    {
      /* Translators: %s lists the formats, as in "csv, html, pdf, odt" */
      g_autofree char *message = g_strdup_printf (_("Choose the format of the report with --format (%s)."),
                                                  "pdf, odt");

      print_line (message);
      return 2;
    }

  if (g_ascii_strcasecmp (format, "pdf") == 0)
    export_format = RG_EXPORT_FORMAT_PDF;
  else if (g_ascii_strcasecmp (format, "odt") == 0)
    export_format = RG_EXPORT_FORMAT_ODT;
  else
    {
      g_autofree char *shown = rg_cli_display_name (format);
      /* Translators: the second %s lists the formats, as in "csv, html, pdf, odt" */
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”. The known formats are: %s."),
                                                  shown, "pdf, odt");

      print_line (message);
      return 2;
    }

  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    {
      print_line (_("Give one sitting file."));
      return 2;
    }

  if (output == NULL || *output == '\0')
    {
      print_line (_("Say where to write the report with -o OUT."));
      return 2;
    }

  if (!(sitting = load_sitting (paths[0])))
    return 1;

  if (folder == NULL)
    folder = rg_paths_get_default_library_dir ();
  library = g_file_new_for_commandline_arg (folder);
  file = g_file_new_for_commandline_arg (output);

  if (!rg_sitting_minutes_write (sitting, library,
                                 pseudonymise ? RG_SITTING_MINUTES_PSEUDONYMISE
                                              : RG_SITTING_MINUTES_NONE,
                                 export_format, file, NULL, &error))
    {
      rg_cli_session_print_error (output, error);
      return 1;
    }

  path = g_file_get_path (file);
  display = rg_cli_display_name (path);
  g_print ("%s\n", display);

  return 0;
}

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) usage = g_string_new (NULL);

  g_string_append_printf (usage, _("Usage: %s COMMAND [OPTION…]"), "regards-cli sitting");
  g_string_append (usage, "\n\n");
  g_string_append (usage, _("Commands:"));
  g_string_append_c (usage, '\n');
  g_string_append_printf (usage, "  new      %s\n", _("Create a team sitting and prepare it"));
  g_string_append_printf (usage, "  show     %s\n", _("Print the agenda of a sitting"));
  g_string_append_printf (usage, "  minutes  %s\n", _("Write the minutes of a sitting, as PDF or ODT"));
  g_string_append_c (usage, '\n');
  g_string_append_printf (usage, _("Run “%s COMMAND --help” for the options of a command."),
                          "regards-cli sitting");
  g_string_append_c (usage, '\n');
  fputs (usage->str, stream);
}

/**
 * rg_cli_sitting:
 *
 * `regards-cli sitting new|show|minutes`.
 */
int
rg_cli_sitting (int    argc,
                char **argv)
{
  static const struct {
    const char *name;
    RgCliCommandFunc func;
  } commands[] = {
    { "new", sitting_new },
    { "show", sitting_show },
    { "minutes", sitting_minutes },
  };

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

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("regards-cli sitting %s", commands[i].name);

          g_set_prgname (prgname);
          return commands[i].func (argc - 1, argv + 1);
        }
    }

  g_printerr (_("Unknown command “%s”."), argv[1]);
  g_printerr ("\n");
  print_usage (stderr);
  return 2;
}
