/* rg-cli-attention.c — regards-cli attention: what needs the coordinator's
 * attention on a day
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

/* The heading of each kind, in the order of RgAttentionKind */
static const char * const headings[] = {
  [RG_ATTENTION_ACTION_OVERDUE] = N_("Actions overdue"),
  [RG_ATTENTION_ACTION_DUE] = N_("Actions due within 14 days"),
  [RG_ATTENTION_REVIEW_OVERDUE] = N_("Reviews overdue"),
  [RG_ATTENTION_REVIEW_DUE] = N_("Reviews due within 30 days"),
  [RG_ATTENTION_OPEN_DIVERGENCE] = N_("Divergences left open"),
  [RG_ATTENTION_CONSENT_MISSING] = N_("No consent recorded"),
  [RG_ATTENTION_CONSENT_OLD] = N_("Consent more than a year old"),
  [RG_ATTENTION_RETENTION_DUE] = N_("Past the retention period"),
  [RG_ATTENTION_CONTRIBUTION_AWAITED] = N_("Contributions awaited"),
};

/* The application's retention period when its settings are installed,
 * else the default of the CNIL's framework. */
static guint
default_retention_years (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) ||
      !g_settings_schema_has_key (schema, "retention-years"))
    return RG_RETENTION_DEFAULT_YEARS;

  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_uint (settings, "retention-years");
}

static void
member_string (JsonBuilder *builder,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (GListModel *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgAttentionItem) item = g_list_model_get_item (items, i);

      json_builder_begin_object (builder);
      member_string (builder, "kind", rg_attention_kind_to_string (rg_attention_item_get_kind (item)));
      member_string (builder, "situation_id", rg_attention_item_get_situation_id (item));
      member_string (builder, "situation_label", rg_attention_item_get_situation_label (item));
      member_string (builder, "situation_code", rg_attention_item_get_situation_code (item));
      member_string (builder, "path", rg_attention_item_get_path (item));
      member_string (builder, "date", rg_attention_item_get_date (item));
      member_string (builder, "object_id", rg_attention_item_get_object_id (item));
      member_string (builder, "text", rg_attention_item_get_text (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  rg_cli_json_print (builder);
}

/* The situation as the coordinator names it: its label, and its code when
 * it has one. */
static char *
situation_name (RgAttentionItem *item)
{
  const char *label = rg_attention_item_get_situation_label (item);
  const char *code = rg_attention_item_get_situation_code (item);

  if (label == NULL || label[0] == '\0')
    label = _("Situation without a label");

  if (code == NULL || code[0] == '\0')
    return rg_cli_display_message (label);

  {
    /* Translators: a situation's label, then its code */
    g_autofree char *name = g_strdup_printf (_("%s (%s)"), label, code);

    return rg_cli_display_message (name);
  }
}

/* Grouped by kind, one heading each, one line per item: its date as the
 * locale writes it, the situation, what it is about. */
static void
print_text (GListModel *items,
            const char *today)
{
  guint n = g_list_model_get_n_items (items);
  int kind = -1;

  if (n == 0)
    {
      g_autofree char *day = rg_date_format (today);

      g_print (_("Nothing needs attention on %s."), day);
      g_print ("\n");
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgAttentionItem) item = g_list_model_get_item (items, i);
      g_autofree char *date = rg_date_format (rg_attention_item_get_date (item));
      g_autofree char *name = situation_name (item);
      const char *text = rg_attention_item_get_text (item);

      if ((int) rg_attention_item_get_kind (item) != kind)
        {
          if (kind != -1)
            g_print ("\n");
          kind = rg_attention_item_get_kind (item);
          g_print ("%s\n", _(headings[kind]));
        }

      if (text != NULL && text[0] != '\0')
        {
          g_autofree char *what = rg_cli_display_message (text);

          /* Translators: an item needing attention: its date, the
           * situation, then what it is about (an action, a note…) */
          g_print (_("  %s — %s: %s"), date != NULL ? date : "", name, what);
        }
      else
        {
          /* Translators: an item needing attention: its date, then the
           * situation */
          g_print (_("  %s — %s"), date != NULL ? date : "", name);
        }
      g_print ("\n");
    }
}

/**
 * rg_cli_attention:
 *
 * `regards-cli attention [--library DIR] [--database FILE] [--today DATE]
 * [--retention-years N] [--json]`: brings the index up to date, then
 * prints what needs the coordinator's attention on that day (today by
 * default), from the latest session of each situation.
 *
 * Returns: 0 on success (even with nothing to list), 1 if the library
 *   cannot be read, 2 on a usage error (a date that is not a date…)
 */
int
rg_cli_attention (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryScanResult) scan = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *database = NULL;
  g_autofree char *today = NULL;
  gboolean json = FALSE;
  int retention_years = -1;
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &folder,
      N_("The library folder (default: the Regards sessions folder)"), N_("DIR") },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("The index file (default: one in the user cache folder)"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("The day to look from (default: today)"), N_("YYYY-MM-DD") },
    { "retention-years", 0, 0, G_OPTION_ARG_INT, &retention_years,
      N_("Years a situation is kept after its last session (default: as set in Regards, "
         "or 2)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the result as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("List what needs attention: actions and reviews overdue or "
                                  "coming, divergences left open, consent missing or more than "
                                  "a year old, situations past the retention period, "
                                  "contributions awaited. Each comes from the latest session "
                                  "of its situation."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rg_cli_print_error (error);
      return 2;
    }

  if (argc > 1)
    {
      g_autofree char *arg = rg_cli_display_name (argv[1]);

      g_printerr (_("Unexpected argument “%s”."), arg);
      g_printerr ("\n");
      return 2;
    }

  if (today != NULL && !rg_date_is_valid (today))
    {
      g_autofree char *shown = rg_cli_display_name (today);

      g_printerr (_("“%s” is not a date; write it as year-month-day, for example 2026-11-20"),
                  shown);
      g_printerr ("\n");
      return 2;
    }
  if (today == NULL)
    today = rg_date_new_today ();

  if (retention_years == -1)
    retention_years = default_retention_years ();
  else if (retention_years < 1 || retention_years > 100)
    {
      g_printerr (_("The retention period must be between 1 and 100 years."));
      g_printerr ("\n");
      return 2;
    }

  library = rg_cli_library_open (folder, database, json);
  if (library == NULL)
    return 1;

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

  items = rg_library_list_attention (library, today, retention_years, NULL, &error);
  if (items == NULL)
    {
      rg_cli_print_error (error);
      return g_error_matches (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_INVALID_QUERY) ? 2 : 1;
    }

  if (json)
    print_json (items);
  else
    print_text (items, today);

  return 0;
}
