/* rg-export-search.c — a search of the library as one research project
 *
 * What the library window calls for “Export Results as Research
 * Project…”: every session the search finds, not only the rows shown,
 * asked of the index off the main thread, then offered in the export
 * dialog (rg_export_dialog_new_for_files()), which writes them as one
 * REFI-QDA project. Files the index could not read, and partners'
 * contributions (their readings come into the session they were for),
 * are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-search"

#include "config.h"

#include "rg-export-dialog.h"
#include "rg-export-search.h"
#include "rg-library-entry.h"

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RgExportDialog *dialog;

  entries = rg_library_query_finish (RG_LIBRARY (object), result, &error);
  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not search the library: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (entries, i);

      if (rg_library_entry_get_error_message (entry) == NULL &&
          rg_library_entry_get_kind (entry) == RG_SESSION_KIND_SESSION)
        g_ptr_array_add (files, g_file_new_for_path (rg_library_entry_get_path (entry)));
    }

  if (files->len == 0 || !gtk_widget_get_visible (GTK_WIDGET (parent)))
    return;

  dialog = rg_export_dialog_new_for_files (parent, files);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * rg_export_search_run:
 * @parent: the library window
 * @library: its library
 * @query: the search, whatever its limit
 * @cancellable: (nullable): to give up, when @parent goes
 *
 * Finds every session of @query in @library and offers to export them
 * as one research project, in a dialog over @parent. Nothing is shown
 * when the search finds no session.
 */
void
rg_export_search_run (GtkWindow            *parent,
                      RgLibrary            *library,
                      const RgLibraryQuery *query,
                      GCancellable         *cancellable)
{
  g_autoptr(RgLibraryQuery) all = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (RG_IS_LIBRARY (library));
  g_return_if_fail (query != NULL);

  all = rg_library_query_copy (query);
  all->limit = 0;
  rg_library_query_async (library, all, cancellable, query_cb, g_object_ref (parent));
}
