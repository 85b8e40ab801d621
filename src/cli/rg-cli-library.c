/* rg-cli-library.c — what the index and search commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-cli-display.h"
#include "rg-cli-library.h"
#include "rg-paths.h"

/**
 * rg_cli_library_open:
 * @folder: (nullable): the library folder, or %NULL for the default one
 * @database: (nullable): the index file, or %NULL for the default one
 * @quiet_notice: whether to keep the notice of a rebuilt index to
 *   oneself (in JSON output it is a member instead)
 *
 * Opens the library, printing why on stderr when it cannot be opened,
 * and the notice when the index had to be rebuilt.
 *
 * Returns: (transfer full) (nullable): the library
 */
RgLibrary *
rg_cli_library_open (const char *folder,
                     const char *database,
                     gboolean    quiet_notice)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_folder = NULL;
  RgLibrary *library;

  if (folder == NULL)
    folder = default_folder = rg_paths_get_default_library_dir ();

  library = rg_library_new (folder, database, &error);
  if (library == NULL)
    {
      rg_cli_print_error (error);
      return NULL;
    }

  if (!quiet_notice && rg_library_get_notice (library) != NULL)
    {
      g_autofree char *notice = rg_cli_display_name (rg_library_get_notice (library));

      g_printerr ("%s\n", notice);
    }

  return library;
}

static void
member_string (JsonBuilder *builder,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
member_uint (JsonBuilder *builder,
             const char  *name,
             guint        value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/**
 * rg_cli_library_json_entry:
 * @builder: a builder where a value is expected
 * @entry: a library entry
 *
 * Writes @entry as an object. Values are the file's own words (status
 * and kind as in the file format), never translated, so scripts can rely
 * on them; only the error message is for people. `conflict_of` is the
 * path of the original of a conflict copy (see
 * rg_library_entry_get_conflict_of ()), `null` for any other file.
 */
void
rg_cli_library_json_entry (JsonBuilder    *builder,
                           RgLibraryEntry *entry)
{
  g_autofree char *path = g_filename_display_name (rg_library_entry_get_path (entry));
  g_autofree char *conflict_of = NULL;
  gboolean loaded = rg_library_entry_get_error_message (entry) == NULL;

  if (rg_library_entry_get_conflict_of (entry) != NULL)
    conflict_of = g_filename_display_name (rg_library_entry_get_conflict_of (entry));

  json_builder_begin_object (builder);
  member_string (builder, "path", path);
  member_string (builder, "error", rg_library_entry_get_error_message (entry));
  /* Always there, null but for a conflict copy, so that a script can
   * tell copies apart without knowing every engine's names. */
  member_string (builder, "conflict_of", conflict_of);
  if (loaded)
    {
      member_string (builder, "id", rg_library_entry_get_id (entry));
      member_string (builder, "kind",
                     rg_session_kind_to_string (rg_library_entry_get_kind (entry)));
      member_string (builder, "date", rg_library_entry_get_date (entry));
      member_string (builder, "title", rg_library_entry_get_title (entry));
      member_string (builder, "status",
                     rg_session_status_to_string (rg_library_entry_get_status (entry)));
      member_string (builder, "situation_id", rg_library_entry_get_situation_id (entry));
      member_string (builder, "situation_label", rg_library_entry_get_situation_label (entry));
      member_string (builder, "partners", rg_library_entry_get_partners (entry));
      member_uint (builder, "n_partners", rg_library_entry_get_n_partners (entry));
      member_uint (builder, "n_statements", rg_library_entry_get_n_statements (entry));
      member_uint (builder, "n_agreements", rg_library_entry_get_n_agreements (entry));
      member_uint (builder, "n_divergences", rg_library_entry_get_n_divergences (entry));
      member_uint (builder, "n_complements", rg_library_entry_get_n_complements (entry));
      member_uint (builder, "n_clarifications", rg_library_entry_get_n_clarifications (entry));
      member_uint (builder, "n_open_divergences", rg_library_entry_get_n_open_divergences (entry));
    }
  json_builder_end_object (builder);
}
