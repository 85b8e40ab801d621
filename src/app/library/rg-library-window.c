/* rg-library-window.c — every session of the library, searchable
 *
 * The window lists what the library index (RgLibrary) finds for the
 * search and the filters; the searching runs in a thread, and the list
 * is searched again whenever the index changes (a scan, a save, another
 * program). The sessions themselves are opened, followed up, renamed
 * and moved to the Trash from here (rg-library-window-actions.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-export-search.h"
#include "rg-library-window-private.h"
#include "rg-menu-button.h"
#include "rg-new-session-dialog.h"
#include "rg-paths.h"
#include "rg-retention.h"
#include "rg-session-row.h"
#include "rg-shortcuts.h"
#include "rg-window-state.h"

/* How many sessions the list shows at first, and more each time. */
#define PAGE_SIZE 200

/* Typing in a filter waits for a pause, as the search entry does. */
#define FILTER_DELAY_MS 150

G_DEFINE_FINAL_TYPE (RgLibraryWindow, rg_library_window, ADW_TYPE_APPLICATION_WINDOW)

RgWindowHost *
_rg_library_window_get_host (RgLibraryWindow *self)
{
  return rg_window_host_get_for_widget (GTK_WIDGET (self));
}

RgLibrary *
_rg_library_window_get_library (RgLibraryWindow *self)
{
  RgWindowHost *host = _rg_library_window_get_host (self);

  return host != NULL ? rg_window_host_get_library (host) : NULL;
}

static GSettings *
rg_library_window_get_settings (RgLibraryWindow *self)
{
  return rg_window_host_get_settings (_rg_library_window_get_host (self));
}

/**
 * _rg_library_window_add_toast:
 * @self: a #RgLibraryWindow
 * @title: what to say, plain text
 *
 * Says something in one line at the bottom of the window.
 *
 * Returns: (transfer none): the toast, to add a button to
 */
AdwToast *
_rg_library_window_add_toast (RgLibraryWindow *self,
                              const char      *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  return toast;
}

/* {{{ Dates typed by the user */

/* Reads a date as the user writes it (in the locale's way, or
 * YYYY-MM-DD). An empty text is no date, and valid. */
static gboolean
parse_date (const char  *text,
            char       **iso)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GDate) date = NULL;

  *iso = NULL;

  if (stripped[0] == '\0')
    return TRUE;

  if (rg_date_is_valid (stripped))
    {
      *iso = g_steal_pointer (&stripped);
      return TRUE;
    }

  date = g_date_new ();
  g_date_set_parse (date, stripped);
  if (!g_date_valid (date))
    return FALSE;

  *iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));

  return rg_date_is_valid (*iso);
}

static char *
get_date_filter (RgLibraryWindow *self,
                 AdwEntryRow     *row)
{
  char *iso = NULL;
  gboolean valid = parse_date (gtk_editable_get_text (GTK_EDITABLE (row)), &iso);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");

  return iso;
}

/* }}} */
/* {{{ Searching */

static char *
get_text_filter (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static const char *
get_situation_filter (RgLibraryWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->situation_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->situation_ids->len)
    return NULL;

  return g_ptr_array_index (self->situation_ids, selected);
}

/* How long a situation is kept after its last session */
guint
_rg_library_window_get_retention_years (RgLibraryWindow *self)
{
  RgWindowHost *host = _rg_library_window_get_host (self);

  if (host == NULL)
    return RG_RETENTION_DEFAULT_YEARS;

  return g_settings_get_uint (rg_library_window_get_settings (self), "retention-years");
}

static RgLibraryQuery *
build_query (RgLibraryWindow *self)
{
  RgLibraryQuery *query = rg_library_query_new ();

  query->text = get_text_filter (GTK_EDITABLE (self->search_entry));
  query->situation_id = g_strdup (get_situation_filter (self));
  query->partner = get_text_filter (GTK_EDITABLE (self->partner_row));
  query->institution = get_text_filter (GTK_EDITABLE (self->institution_row));
  query->from = get_date_filter (self, self->from_row);
  query->to = get_date_filter (self, self->to_row);
  query->open_divergences_only = gtk_switch_get_active (self->open_divergences_switch);
  if (gtk_switch_get_active (self->past_retention_switch))
    {
      g_autofree char *today = rg_date_new_today ();

      query->last_session_before = rg_retention_get_limit_date (_rg_library_window_get_retention_years (self), today);
    }
  /* The team's sessions: partners' contributions are not (docs/library.md) */
  query->no_contributions = TRUE;
  query->limit = self->limit;

  return query;
}

/* The filters in words, for the bar that says the list is filtered. */
static char *
describe_filters (RgLibraryWindow      *self,
                  const RgLibraryQuery *query)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint selected = adw_combo_row_get_selected (self->situation_row);

  if (query->situation_id != NULL)
    {
      GListModel *model = adw_combo_row_get_model (self->situation_row);

      g_ptr_array_add (parts, g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model),
                                                                     selected)));
    }
  if (query->partner != NULL)
    /* Translators: a filter of the library, in a list */
    g_ptr_array_add (parts, g_strdup_printf (_("partner “%s”"), query->partner));
  if (query->institution != NULL)
    /* Translators: a filter of the library, in a list */
    g_ptr_array_add (parts, g_strdup_printf (_("institution “%s”"), query->institution));
  if (query->from != NULL)
    {
      g_autofree char *date = rg_date_format (query->from);

      /* Translators: a filter of the library, in a list; %s is a date */
      g_ptr_array_add (parts, g_strdup_printf (_("from %s"), date));
    }
  if (query->to != NULL)
    {
      g_autofree char *date = rg_date_format (query->to);

      /* Translators: a filter of the library, in a list; %s is a date */
      g_ptr_array_add (parts, g_strdup_printf (_("until %s"), date));
    }
  if (query->open_divergences_only)
    g_ptr_array_add (parts, g_strdup (_("open divergences only")));
  if (query->last_session_before != NULL)
    /* Translators: a filter of the library, in a list */
    g_ptr_array_add (parts, g_strdup (_("past retention")));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static void
update_filter_indicators (RgLibraryWindow      *self,
                          const RgLibraryQuery *query)
{
  g_autofree char *filters = describe_filters (self, query);
  g_autofree char *label = NULL;

  if (filters != NULL)
    {
      /* Translators: %s lists the filters, "partner “Roussel”, open
       * divergences only" */
      label = g_strdup_printf (_("Filtered: %s"), filters);
      gtk_label_set_label (self->filter_label, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_label), label);
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), label);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), _("Filters"));
    }

  gtk_revealer_set_reveal_child (self->filter_bar, filters != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.clear-filters", filters != NULL);
}

/* Which page shows: the desk, and in its Sessions page the sessions or
 * "No Results" when a search finds nothing; while the library is
 * empty, a spinner during its first scan, then the invitation to
 * start. The situations, asked first, may show the desk before the
 * sessions are in. */
void
_rg_library_window_update_page (RgLibraryWindow *self)
{
  RgLibrary *library = _rg_library_window_get_library (self);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  gboolean scanning = library != NULL && rg_library_get_scanning (library);
  const char *page;

  if (n_items > 0 || self->n_situations > 0 || self->has_criteria)
    page = "desk";
  else if (scanning)
    page = "loading";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "sessions" : "no-results");
  gtk_widget_set_visible (GTK_WIDGET (self->scan_spinner), scanning);
  gtk_spinner_set_spinning (self->scan_spinner, scanning);
}

/* Puts the focus back on the session it was on after the list changed. */
static void
refocus_row (RgLibraryWindow *self,
             const char      *path)
{
  rg_row_slicer_flush (self->session_slicer);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        return;

      if (g_strcmp0 (rg_library_entry_get_path (rg_session_row_get_entry (RG_SESSION_ROW (row))),
                     path) == 0)
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }
}

/* The title a row shows, to tell rows of one title apart */
static const char *
title_key (RgLibraryEntry *entry)
{
  const char *title = rg_library_entry_get_title (entry);

  return title != NULL ? title : "";
}

/* Rows are made as the list store fills: what they need of the others
 * is known before. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RgLibraryWindow *self = user_data;
  RgLibraryEntry *entry = item;
  const char *conflict_of = rg_library_entry_get_conflict_of (entry);
  guint n_same_title = GPOINTER_TO_UINT (g_hash_table_lookup (self->title_counts,
                                                              title_key (entry)));

  return rg_session_row_new_full (entry,
                                  rg_library_entry_get_error_message (entry) == NULL &&
                                  n_same_title > 1,
                                  conflict_of != NULL &&
                                  g_hash_table_contains (self->shown_paths, conflict_of));
}

static void
show_results (RgLibraryWindow *self,
              GListModel      *results)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autofree char *focus_path = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (results);

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, RG_TYPE_SESSION_ROW);
      RgLibraryEntry *entry = row ? rg_session_row_get_entry (RG_SESSION_ROW (row)) : NULL;

      if (entry != NULL)
        focus_path = g_strdup (rg_library_entry_get_path (entry));
    }

  g_hash_table_remove_all (self->shown_paths);
  g_hash_table_remove_all (self->title_counts);
  for (guint i = 0; i < n_items; i++)
    {
      RgLibraryEntry *entry = g_list_model_get_item (results, i);
      const char *key = title_key (entry);

      g_ptr_array_add (items, entry);
      g_hash_table_add (self->shown_paths, (char *) rg_library_entry_get_path (entry));
      if (rg_library_entry_get_error_message (entry) == NULL)
        g_hash_table_insert (self->title_counts, (char *) key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (
                               g_hash_table_lookup (self->title_counts, key)) + 1));
    }

  g_list_store_splice (self->sessions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sessions)),
                       items->pdata, items->len);
  /* The strings are the entries', which the store keeps from now. The
   * rows are made at once if the Sessions page shows, else a few at a
   * time after the pages shown are painted. */
  rg_row_slicer_set_items (self->session_slicer, items->pdata, items->len);

  self->has_more = self->limit > 0 && n_items >= self->limit;
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->has_more);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.export-search", n_items > 0);

  if (focus_path != NULL)
    refocus_row (self, focus_path);

  _rg_library_window_update_page (self);
  _rg_library_window_update_desk_page (self);
}

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RgLibraryWindow) self = user_data;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  results = rg_library_query_finish (RG_LIBRARY (object), result, &error);
  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rg_library_window_add_toast (self, error->message);
      return;
    }

  g_clear_object (&self->query_cancellable);
  show_results (self, results);
}

/* The sessions, and the sittings, that the search finds */
static void
search_sessions (RgLibraryWindow      *self,
                 const RgLibraryQuery *query)
{
  RgLibrary *library = _rg_library_window_get_library (self);

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  if (library == NULL)
    return;

  self->query_cancellable = g_cancellable_new ();
  rg_library_query_async (library, query, self->query_cancellable, query_cb, g_object_ref (self));
  _rg_library_window_search_sittings (self, query->text);
}

/**
 * rg_library_window_search:
 * @self: a #RgLibraryWindow
 *
 * Searches the library again, now, for what the search entry and the
 * filters say; the list shows it when the search is over.
 */
void
rg_library_window_search (RgLibraryWindow *self)
{
  RgLibrary *library = _rg_library_window_get_library (self);
  g_autoptr(RgLibraryQuery) query = NULL;

  g_clear_handle_id (&self->search_source, g_source_remove);
  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  g_clear_pointer (&self->pending_query, rg_library_query_free);

  query = build_query (self);
  self->has_criteria = rg_library_query_has_criteria (query);
  update_filter_indicators (self, query);

  if (library == NULL)
    {
      g_autoptr(GListStore) nothing = g_list_store_new (RG_TYPE_LIBRARY_ENTRY);

      show_results (self, G_LIST_MODEL (nothing));
      return;
    }

  /* The situations first: the index answers one query at a time, and
   * the desk shows them before the sessions; the sessions and the
   * sittings once their first page is in */
  _rg_library_window_search_situations (self, query);
  if (self->situations_pending)
    self->pending_query = g_steal_pointer (&query);
  else
    search_sessions (self, query);
}

/* What waited for the first situations to be listed, and painted */
static void
ask_what_waited (RgLibraryWindow *self)
{
  g_autoptr(RgLibraryQuery) query = g_steal_pointer (&self->pending_query);

  if (query != NULL)
    search_sessions (self, query);
  if (self->attention_pending)
    _rg_library_window_load_attention (self);
  _rg_library_window_list_all_situations (self);
}

static void
rows_painted_cb (RgLibraryWindow *self,
                 GdkFrameClock   *clock)
{
  g_clear_signal_handler (&self->after_paint_handler, clock);
  self->rows_painted = TRUE;
  ask_what_waited (self);
}

/**
 * _rg_library_window_situations_listed:
 * @self: a #RgLibraryWindow
 *
 * The first page of the situations is in (or failed): what waited for
 * it is asked of the index now, or, when the window shows and never
 * painted situations yet, once the frame that paints them is over —
 * neither the answers nor the index's work may hold that frame.
 */
void
_rg_library_window_situations_listed (RgLibraryWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->situations_pending = FALSE;
  if (!self->rows_painted && clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      if (self->after_paint_handler == 0)
        self->after_paint_handler = g_signal_connect_object (clock, "after-paint",
                                                             G_CALLBACK (rows_painted_cb), self,
                                                             G_CONNECT_SWAPPED);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  self->rows_painted = TRUE;
  ask_what_waited (self);
}

static gboolean
search_timeout (gpointer user_data)
{
  RgLibraryWindow *self = user_data;

  self->search_source = 0;
  rg_library_window_search (self);

  return G_SOURCE_REMOVE;
}

/* Searches after a short pause, so that typing "décrochage" searches
 * once, not ten times. */
static void
queue_search (RgLibraryWindow *self)
{
  g_clear_handle_id (&self->search_source, g_source_remove);
  self->search_source = g_timeout_add (FILTER_DELAY_MS, search_timeout, self);
}

static void
search_changed_cb (RgLibraryWindow *self)
{
  /* Each new search starts from the first page. */
  self->limit = PAGE_SIZE;
  rg_library_window_search (self);
}

static void
filter_changed_cb (RgLibraryWindow *self)
{
  if (self->updating_situations)
    return;

  self->limit = PAGE_SIZE;
  queue_search (self);
}

/* Down in the search entry goes on to the sessions found. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       RgLibraryWindow       *self)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  rg_row_slicer_flush (self->session_slicer);
  if (!(first = gtk_list_box_get_row_at_index (self->list_box, 0)))
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
search_activate_cb (RgLibraryWindow *self)
{
  GtkListBoxRow *first;

  /* Enter in the search entry opens the first session found. */
  rg_row_slicer_flush (self->session_slicer);
  first = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (first != NULL)
    gtk_widget_activate_action (GTK_WIDGET (first), "row.open", NULL);
}

/* }}} */
/* {{{ Situations of the filter */

typedef struct
{
  const char *id;
  const char *label;
} Situation;

static int
compare_situations (gconstpointer a,
                    gconstpointer b)
{
  const Situation *sa = a;
  const Situation *sb = b;

  return g_utf8_collate (sa->label, sb->label);
}

static void
situations_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RgLibraryWindow) self = user_data;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GArray) situations = NULL;
  g_autoptr(GtkStringList) labels = NULL;
  g_autofree char *selected_id = NULL;
  guint n_entries;
  guint selected = 0;

  entries = rg_library_query_finish (RG_LIBRARY (object), result, NULL);
  if (entries == NULL || g_cancellable_is_cancelled (self->situations_cancellable))
    return;

  n_entries = g_list_model_get_n_items (entries);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  situations = g_array_new (FALSE, FALSE, sizeof (Situation));

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (entries, i);
      Situation situation;

      situation.id = rg_library_entry_get_situation_id (entry);
      situation.label = rg_library_entry_get_situation_label (entry);
      if (situation.id == NULL || g_hash_table_contains (seen, situation.id))
        continue;

      if (situation.label == NULL || situation.label[0] == '\0')
        situation.label = _("Situation without a name");

      /* The entries, and so the strings, live as long as @entries. */
      g_hash_table_add (seen, (gpointer) situation.id);
      g_array_append_val (situations, situation);
    }
  g_array_sort (situations, compare_situations);

  selected_id = g_strdup (get_situation_filter (self));
  labels = gtk_string_list_new (NULL);
  g_ptr_array_set_size (self->situation_ids, 0);

  gtk_string_list_append (labels, _("All Situations"));
  g_ptr_array_add (self->situation_ids, NULL);
  for (guint i = 0; i < situations->len; i++)
    {
      Situation *situation = &g_array_index (situations, Situation, i);

      if (g_strcmp0 (situation->id, selected_id) == 0)
        selected = i + 1;
      gtk_string_list_append (labels, situation->label);
      g_ptr_array_add (self->situation_ids, g_strdup (situation->id));
    }

  self->updating_situations = TRUE;
  adw_combo_row_set_model (self->situation_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->situation_row, selected);
  self->updating_situations = FALSE;

  /* The situation filtered on is gone from the library. */
  if (selected_id != NULL && selected == 0)
    rg_library_window_search (self);
}

/* The situations to choose from are those of the library, looked up
 * when the filters are shown. */
static void
refresh_situations (RgLibraryWindow *self)
{
  RgLibrary *library = _rg_library_window_get_library (self);
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();

  g_cancellable_cancel (self->situations_cancellable);
  g_clear_object (&self->situations_cancellable);

  if (library == NULL)
    return;

  self->situations_cancellable = g_cancellable_new ();
  rg_library_query_async (library, query, self->situations_cancellable,
                          situations_cb, g_object_ref (self));
}

/* }}} */
/* {{{ The library */

static void
library_changed_cb (RgLibraryWindow *self)
{
  queue_search (self);
  _rg_library_window_load_attention (self);

  if (gtk_widget_get_visible (GTK_WIDGET (self->filter_popover)))
    refresh_situations (self);
}

static void
show_notice (RgLibraryWindow *self)
{
  RgLibrary *library = _rg_library_window_get_library (self);
  const char *notice = library ? rg_library_get_notice (library) : NULL;

  if (notice == NULL)
    return;

  _rg_library_window_add_toast (self, notice);
  rg_library_clear_notice (library);
}

static void
show_library_error (RgLibraryWindow *self)
{
  const char *message = rg_window_host_get_library_error (_rg_library_window_get_host (self));
  AdwToast *toast;

  if (message == NULL)
    return;

  toast = _rg_library_window_add_toast (self, message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
}

static void
library_bound_cb (RgLibraryWindow *self)
{
  self->limit = PAGE_SIZE;
  rg_library_window_search (self);
  _rg_library_window_load_attention (self);
  show_notice (self);
}

/* }}} */
/* {{{ Opening files */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  RgLibraryWindow *self)
{
  RgWindowHost *host = _rg_library_window_get_host (self);

  if (response == GTK_RESPONSE_ACCEPT && host != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n_files = g_list_model_get_n_items (files);

      for (guint i = 0; i < n_files; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          rg_window_host_open_file (host, file);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  RgLibrary *library = _rg_library_window_get_library (self);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) sessions = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Session"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  gtk_file_filter_set_name (sessions, _("Regards Sessions and Sittings"));
  gtk_file_filter_add_mime_type (sessions, "application/x-regards+xml");
  gtk_file_filter_add_suffix (sessions, "regards");
  /* A sitting opens in its own window */
  gtk_file_filter_add_mime_type (sessions, "application/x-regards-sitting+xml");
  gtk_file_filter_add_suffix (sessions, "regards-sitting");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), sessions);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), sessions);

  if (library != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (rg_library_get_folder (library));

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Session files dropped on the window open, wherever they come from. */
static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         RgLibraryWindow *self)
{
  RgWindowHost *host = _rg_library_window_get_host (self);
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || host == NULL)
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    rg_window_host_open_file (host, l->data);
  g_slist_free (files);

  return TRUE;
}

static void
row_activated_cb (RgLibraryWindow *self,
                  GtkListBoxRow   *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "row.open", NULL);
}

/* }}} */
/* {{{ Window actions */

/* Copies the example session into the library, so that trying Regards
 * out never changes the example itself. */
static GFile *
copy_example (RgWindowHost  *host,
              GError       **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;

  bytes = g_resources_lookup_data ("/io/github/regards/Regards/examples/exemple-eleve-a.regards",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  folder = rg_window_host_get_library_dir (host);
  if (!rg_paths_ensure_private_dir (folder, error))
    return NULL;

  /* Translators: the file name of the copy of the example session. */
  file = rg_paths_new_session_file (folder, _("Example session"));
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&file);
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  RgWindowHost *host = _rg_library_window_get_host (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!(file = copy_example (host, &error)))
    {
      _rg_library_window_add_toast (self, error->message);
      return;
    }

  _rg_library_window_update_index (self, file, NULL);
  rg_window_host_open_file (host, file);
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);

  rg_new_session_dialog_present (GTK_WINDOW (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters (RgLibraryWindow *self)
{
  self->updating_situations = TRUE;
  adw_combo_row_set_selected (self->situation_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->partner_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->institution_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), "");
  gtk_switch_set_active (self->open_divergences_switch, FALSE);
  gtk_switch_set_active (self->past_retention_switch, FALSE);
  self->updating_situations = FALSE;
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);

  clear_filters (self);
  self->limit = PAGE_SIZE;
  rg_library_window_search (self);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);

  clear_filters (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  self->limit = PAGE_SIZE;
  rg_library_window_search (self);
}

/* Every session the search finds, as one research project */
static void
export_search_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  RgLibrary *library = _rg_library_window_get_library (self);
  g_autoptr(RgLibraryQuery) query = build_query (self);

  if (library != NULL)
    rg_export_search_run (GTK_WINDOW (self), library, query, self->cancellable);
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);

  self->limit += PAGE_SIZE;
  rg_library_window_search (self);
}

/* }}} */

static gboolean
rg_library_window_close_request (GtkWindow *window)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (window);

  rg_window_state_save (window, rg_library_window_get_settings (self));

  return GTK_WINDOW_CLASS (rg_library_window_parent_class)->close_request (window);
}

/* The retention period is a setting: the filter says how long it is. */
static void
update_retention_subtitle (RgLibraryWindow *self)
{
  guint years = _rg_library_window_get_retention_years (self);
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf (ngettext ("Situations whose last session is more than %u year old",
                                        "Situations whose last session is more than %u years old",
                                        years),
                              years);
  adw_action_row_set_subtitle (self->past_retention_row, subtitle);
}

static void
retention_changed_cb (RgLibraryWindow *self)
{
  update_retention_subtitle (self);
  if (gtk_switch_get_active (self->past_retention_switch))
    rg_library_window_search (self);
  _rg_library_window_load_attention (self);
}

static void
rg_library_window_constructed (GObject *object)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (object);

  G_OBJECT_CLASS (rg_library_window_parent_class)->constructed (object);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
rg_library_window_dispose (GObject *object)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (object);

  g_clear_handle_id (&self->search_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  g_cancellable_cancel (self->situations_cancellable);
  g_clear_object (&self->situations_cancellable);
  if (self->after_paint_handler != 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      if (clock != NULL)
        g_signal_handler_disconnect (clock, self->after_paint_handler);
      self->after_paint_handler = 0;
    }
  _rg_library_window_dispose_desk (self);
  g_clear_object (&self->session_slicer);
  if (self->library_signals != NULL)
    g_signal_group_set_target (self->library_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_LIBRARY_WINDOW);

  G_OBJECT_CLASS (rg_library_window_parent_class)->dispose (object);
}

static void
rg_library_window_finalize (GObject *object)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (object);

  g_clear_object (&self->library_signals);
  g_clear_object (&self->sessions);
  g_clear_object (&self->session_rows);
  g_clear_pointer (&self->situation_ids, g_ptr_array_unref);
  g_clear_pointer (&self->trashed, g_hash_table_unref);
  g_clear_pointer (&self->shown_paths, g_hash_table_unref);
  g_clear_pointer (&self->title_counts, g_hash_table_unref);
  g_clear_pointer (&self->pending_query, rg_library_query_free);

  G_OBJECT_CLASS (rg_library_window_parent_class)->finalize (object);
}

static void
rg_library_window_class_init (RgLibraryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rg_library_window_constructed;
  object_class->dispose = rg_library_window_dispose;
  object_class->finalize = rg_library_window_finalize;
  window_class->close_request = rg_library_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-library-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, scan_spinner);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, filter_label);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, more_button);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, situation_row);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, partner_row);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, institution_row);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, from_row);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, to_row);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, open_divergences_switch);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, past_retention_row);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, past_retention_switch);

  gtk_widget_class_install_action (widget_class, "library.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "library.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "library.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "library.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "library.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "library.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "library.show-more", NULL, show_more_action);
  gtk_widget_class_install_action (widget_class, "library.export-search", NULL, export_search_action);

  _rg_library_window_class_init_actions (widget_class);
  _rg_library_window_class_init_desk (widget_class);
}

static void
rg_library_window_init (RgLibraryWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *example = NULL;
  g_autofree char *hint = NULL;
  GtkEventController *key_controller;
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  rg_menu_button_set_menu_later (self->primary_menu_button, self->primary_menu);
  rg_shortcuts_add_window_action (GTK_APPLICATION_WINDOW (self), "library");

  self->limit = PAGE_SIZE;
  self->cancellable = g_cancellable_new ();
  self->sessions = g_list_store_new (RG_TYPE_LIBRARY_ENTRY);
  self->situation_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->situation_ids, NULL);
  self->trashed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  /* Keys borrowed from the entries the list shows */
  self->shown_paths = g_hash_table_new (g_str_hash, g_str_equal);
  self->title_counts = g_hash_table_new (g_str_hash, g_str_equal);

  self->session_rows = g_list_store_new (RG_TYPE_LIBRARY_ENTRY);
  self->session_slicer = rg_row_slicer_new (self->session_rows);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->session_rows),
                           create_row, self, NULL);
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);

  self->library_signals = g_signal_group_new (RG_TYPE_LIBRARY);
  g_signal_group_connect_swapped (self->library_signals, "changed",
                                  G_CALLBACK (library_changed_cb), self);
  g_signal_group_connect_swapped (self->library_signals, "notify::notice",
                                  G_CALLBACK (show_notice), self);
  g_signal_group_connect_swapped (self->library_signals, "notify::scanning",
                                  G_CALLBACK (_rg_library_window_update_page), self);

  /* Search: the toggle, Ctrl+F and typing anywhere open the bar. */
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  key_controller = gtk_event_controller_key_new ();
  g_signal_connect (key_controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key_controller);

  /* Filters */
  adw_combo_row_set_model (self->situation_row,
                           G_LIST_MODEL (gtk_string_list_new ((const char *[]) {
                                                                _("All Situations"), NULL })));
  g_signal_connect_swapped (self->filter_popover, "show", G_CALLBACK (refresh_situations), self);
  g_signal_connect_swapped (self->situation_row, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->partner_row, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->institution_row, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->from_row, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->to_row, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->open_divergences_switch, "notify::active",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->past_retention_switch, "notify::active",
                            G_CALLBACK (filter_changed_cb), self);

  /* Dates are typed as the user's language writes them. */
  example = g_date_time_format (now, "%x");
  /* Translators: the tooltip of the date filters; %s is today's date,
   * written the way dates are expected */
  hint = g_strdup_printf (_("A date such as %s"), example);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->from_row), hint);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->to_row), hint);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  _rg_library_window_init_desk (self);
}

RgLibraryWindow *
rg_library_window_new (GtkApplication *application)
{
  RgLibraryWindow *self;

  g_return_val_if_fail (RG_IS_WINDOW_HOST (application), NULL);

  self = g_object_new (RG_TYPE_LIBRARY_WINDOW,
                       "application", application,
                       NULL);
  rg_window_state_restore (GTK_WINDOW (self), rg_library_window_get_settings (self));
  _rg_library_window_show_first_page (self, rg_library_window_get_settings (self));
  /* What the period changes is listed once the library is bound, below */
  update_retention_subtitle (self);
  g_signal_connect_object (rg_library_window_get_settings (self), "changed::retention-years",
                           G_CALLBACK (retention_changed_cb), self, G_CONNECT_SWAPPED);

  /* The application's library is the one the window lists, whichever
   * it is: it changes with the library folder. */
  g_object_bind_property (application, "library", self->library_signals, "target",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (application, "notify::library", G_CALLBACK (library_bound_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::library-error", G_CALLBACK (show_library_error),
                           self, G_CONNECT_SWAPPED);
  show_library_error (self);
  library_bound_cb (self);

  return self;
}
