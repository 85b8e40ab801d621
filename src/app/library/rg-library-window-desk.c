/* rg-library-window-desk.c — the coordinator's desk: attention and situations
 *
 * The library window is a desk of pages: what needs attention on a day,
 * the situations (one row per child), the sessions, the team sittings
 * (each opening its sitting window). The search and the
 * filters apply to the situations as to the sessions; what needs
 * attention depends on the day chosen and the retention period only.
 * The window opens on the page last chosen (the situations at first),
 * and only the user changes it: the Attention page is marked when
 * anything needs attention. Alt+1… and Ctrl+Page Up/Down go from page
 * to page, and the list of the page shown takes the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-library-window-private.h"
#include "rg-library-sitting.h"

/* {{{ Situations */

/* The first situations list at once; all of them come next, the
 * index answering for a page much sooner than for thousands. The list
 * view makes a row for each situation it has (up to 200), and the
 * first page's rows are made and measured before the window is first
 * painted: the first page is what the window's height shows. A row is
 * about 50 pixels high, and never less than SITUATION_ROW_MIN_HEIGHT. */
#define SITUATION_ROW_MIN_HEIGHT 40
#define MIN_FIRST_SITUATIONS     10

typedef struct
{
  RgLibraryWindow *self;
  RgLibraryQuery  *query;   /* of all of them, after the first ones */
  gboolean         first;   /* the first page is awaited */
  guint            n_first; /* how many the first page asked for */
} SituationsSearch;

/* Before the window shows, its height is the one it opens with; a
 * maximized window opens as high as the screen. */
static guint
count_first_situations (RgLibraryWindow *self)
{
  int width, height = gtk_widget_get_height (GTK_WIDGET (self));

  if (height <= 0 && !gtk_window_is_maximized (GTK_WINDOW (self)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (height <= 0)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }

  return MAX (MIN_FIRST_SITUATIONS, height / SITUATION_ROW_MIN_HEIGHT + 1);
}

static void
situations_search_free (SituationsSearch *search)
{
  g_object_unref (search->self);
  g_clear_pointer (&search->query, rg_library_query_free);
  g_free (search);
}

static void
situations_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SituationsSearch *search = user_data;
  RgLibraryWindow *self = search->self;
  g_autoptr(GListModel) situations = NULL;
  g_autoptr(GError) error = NULL;
  gboolean first = search->first;
  guint n_situations;

  situations = rg_library_list_situations_finish (RG_LIBRARY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      situations_search_free (search);
      return;
    }

  if (situations == NULL)
    {
      _rg_library_window_add_toast (self, error->message);
      g_clear_object (&self->situation_list_cancellable);
      if (first)
        _rg_library_window_situations_listed (self);
      situations_search_free (search);
      return;
    }

  n_situations = g_list_model_get_n_items (situations);
  self->n_situations = n_situations;
  /* All of them after the first ones: those listed stay, the others
   * are added */
  if (first)
    rg_situation_list_set_situations (self->situation_list, situations);
  else
    rg_situation_list_extend (self->situation_list, situations);
  gtk_stack_set_visible_child_name (self->situations_stack,
                                    n_situations > 0 ? "situations" : "no-results");
  _rg_library_window_update_page (self);

  /* The first page was full: all of them come next, with what waited
   * for the first page (once it is painted) */
  if (search->query != NULL && n_situations >= search->n_first)
    {
      search->first = FALSE;
      self->situations_search = search;
      _rg_library_window_update_desk_page (self);
      _rg_library_window_situations_listed (self);
      return;
    }

  g_clear_object (&self->situation_list_cancellable);
  _rg_library_window_update_desk_page (self);
  if (first)
    _rg_library_window_situations_listed (self);
  situations_search_free (search);
}

/**
 * _rg_library_window_list_all_situations:
 * @self: a #RgLibraryWindow
 *
 * Asks for all the situations the search finds, once the first ones
 * are listed, if there may be more.
 */
void
_rg_library_window_list_all_situations (RgLibraryWindow *self)
{
  SituationsSearch *search = g_steal_pointer (&self->situations_search);
  RgLibraryQuery *query;

  if (search == NULL)
    return;
  if (_rg_library_window_get_library (self) == NULL)
    {
      situations_search_free (search);
      return;
    }

  query = g_steal_pointer (&search->query);
  rg_library_list_situations_async (_rg_library_window_get_library (self), query, NULL,
                                    self->situation_list_cancellable, situations_cb, search);
  rg_library_query_free (query);
}

/**
 * _rg_library_window_search_situations:
 * @self: a #RgLibraryWindow
 * @query: what the search and the filters say
 *
 * Lists the situations having a session @query finds; all of them,
 * whatever the paging of the sessions, the first ones first.
 */
void
_rg_library_window_search_situations (RgLibraryWindow      *self,
                                      const RgLibraryQuery *query)
{
  RgLibrary *library = _rg_library_window_get_library (self);
  g_autoptr(RgLibraryQuery) first_query = NULL;
  SituationsSearch *search;

  g_cancellable_cancel (self->situation_list_cancellable);
  g_clear_object (&self->situation_list_cancellable);
  g_clear_pointer (&self->situations_search, situations_search_free);
  self->situations_pending = FALSE;

  if (library == NULL)
    {
      self->n_situations = 0;
      rg_situation_list_set_situations (self->situation_list, NULL);
      return;
    }

  /* What needs attention is not searched: a search shows the situations */
  if (rg_library_query_has_criteria (query) &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "attention") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "situations");

  search = g_new0 (SituationsSearch, 1);
  search->self = g_object_ref (self);
  search->query = rg_library_query_copy (query);
  search->query->offset = 0;
  search->query->limit = 0;
  search->first = TRUE;
  search->n_first = count_first_situations (self);
  first_query = rg_library_query_copy (search->query);
  first_query->limit = search->n_first;

  /* The first page goes first: the index answers one query at a time */
  self->situations_pending = TRUE;
  self->situation_list_cancellable = g_cancellable_new ();
  rg_library_list_situations_async (library, first_query, NULL, self->situation_list_cancellable,
                                    situations_cb, search);
}

/* }}} */
/* {{{ What needs attention */

static void focus_page   (RgLibraryWindow *self);
static void first_map_cb (RgLibraryWindow *self);

/* The page the window opens on, before it shows */
static void
set_first_page (RgLibraryWindow *self,
                const char      *name)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, name);

  self->showing_page = TRUE;
  /* Through the pages, which the view switcher follows */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (adw_view_stack_page_get_child (page) == child)
        gtk_selection_model_select_item (pages, i, TRUE);
    }
  self->showing_page = FALSE;
}

static void
attention_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RgLibraryWindow) self = user_data;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  AdwViewStackPage *page;
  guint n_items;

  items = rg_library_list_attention_finish (RG_LIBRARY (object), result, &error);
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rg_library_window_add_toast (self, error->message);
      return;
    }

  g_clear_object (&self->attention_cancellable);
  n_items = g_list_model_get_n_items (items);
  rg_attention_list_set_items (self->attention_list, items);
  gtk_stack_set_visible_child_name (self->attention_stack, n_items > 0 ? "items" : "nothing");

  /* The page is marked, never shown in place of the user's: a page
   * that changes under one's eyes is a page one loses */
  page = adw_view_stack_get_page (self->view_stack,
                                  adw_view_stack_get_child_by_name (self->view_stack, "attention"));
  adw_view_stack_page_set_needs_attention (page, n_items > 0);

  /* Shown, and no row to hold the keyboard until now: the first takes it */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "attention") == 0)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (focus == NULL || focus == GTK_WIDGET (self->attention_list) ||
          focus == GTK_WIDGET (rg_attention_list_get_list (self->attention_list)) ||
          !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view_stack)))
        focus_page (self);
    }
}

/**
 * _rg_library_window_load_attention:
 * @self: a #RgLibraryWindow
 *
 * Lists again what needs attention on the day the page shows, after
 * the retention period of the settings.
 */
void
_rg_library_window_load_attention (RgLibraryWindow *self)
{
  RgLibrary *library = _rg_library_window_get_library (self);
  const char *date = rg_date_entry_get_date (self->attention_date);
  g_autofree char *today = NULL;

  g_cancellable_cancel (self->attention_cancellable);
  g_clear_object (&self->attention_cancellable);
  self->attention_pending = FALSE;

  if (library != NULL && self->situations_pending)
    {
      /* After the situations' first page, which the index answers much
       * sooner; _rg_library_window_situations_listed () comes back here */
      self->attention_pending = TRUE;
      return;
    }

  if (library == NULL)
    {
      rg_attention_list_set_items (self->attention_list, NULL);
      gtk_stack_set_visible_child_name (self->attention_stack, "nothing");
      return;
    }

  /* A date being typed is not a date yet: today meanwhile */
  if (date == NULL || !rg_date_is_valid (date))
    date = today = rg_date_new_today ();

  self->attention_cancellable = g_cancellable_new ();
  rg_library_list_attention_async (library, date, _rg_library_window_get_retention_years (self),
                                   self->attention_cancellable, attention_cb,
                                   g_object_ref (self));
}

/* }}} */
/* {{{ Team sittings */

static GtkWidget *
create_sitting_row (gpointer item,
                    gpointer user_data)
{
  RgLibrarySitting *sitting = item;
  GtkWidget *row = adw_action_row_new ();
  const char *error = rg_library_sitting_get_error_message (sitting);
  const char *title = rg_library_sitting_get_title (sitting);
  const char *place = rg_library_sitting_get_place (sitting);
  const char *start = rg_library_sitting_get_start (sitting);
  guint n_situations = rg_library_sitting_get_n_situations (sitting);
  g_autofree char *date = rg_date_format (rg_library_sitting_get_date (sitting));
  GString *subtitle = g_string_new (rg_sitting_kind_get_label (rg_library_sitting_get_kind (sitting)));

  if (title == NULL || title[0] == '\0')
    title = rg_sitting_kind_get_label (rg_library_sitting_get_kind (sitting));
  if (error != NULL)
    {
      g_autofree char *name = g_path_get_basename (rg_library_sitting_get_path (sitting));

      title = name;
      g_string_assign (subtitle, error);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_add_css_class (row, "error");
    }
  else
    {
      if (date != NULL)
        g_string_append_printf (subtitle, " · %s", date);
      if (start != NULL)
        g_string_append_printf (subtitle, " · %s", start);
      if (place != NULL && place[0] != '\0')
        g_string_append_printf (subtitle, " · %s", place);
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, ngettext ("%u situation", "%u situations", n_situations),
                              n_situations);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), error == NULL);
  g_object_set_data_full (G_OBJECT (row), "sitting", g_object_ref (sitting), g_object_unref);
  g_string_free (subtitle, TRUE);

  return row;
}

static void
sittings_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RgLibraryWindow) self = user_data;
  g_autoptr(GListModel) sittings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  sittings = rg_library_list_sittings_finish (RG_LIBRARY (object), result, &error);
  if (sittings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rg_library_window_add_toast (self, error->message);
      return;
    }

  g_clear_object (&self->sittings_cancellable);
  for (guint i = 0; i < g_list_model_get_n_items (sittings); i++)
    g_ptr_array_add (items, g_list_model_get_item (sittings, i));
  /* At once if the page shows, else in slices */
  rg_row_slicer_set_items (self->sitting_slicer, items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->sittings_stack, items->len > 0 ? "sittings" : "none");
}

/**
 * _rg_library_window_search_sittings:
 * @self: a #RgLibraryWindow
 * @text: (nullable): what the search entry says
 *
 * Lists the team sittings of the library whose title, place,
 * situations or people match @text, the newest first.
 */
void
_rg_library_window_search_sittings (RgLibraryWindow *self,
                                    const char      *text)
{
  RgLibrary *library = _rg_library_window_get_library (self);
  gboolean searching = text != NULL && text[0] != '\0';

  g_cancellable_cancel (self->sittings_cancellable);
  g_clear_object (&self->sittings_cancellable);

  adw_status_page_set_title (self->no_sittings_page,
                             searching ? _("No Results") : _("No Team Sittings Yet"));
  gtk_widget_set_visible (self->no_sittings_button, !searching);
  adw_status_page_set_description (self->no_sittings_page,
                                   searching ? _("No sitting matches the search.")
                                             : _("A team sitting reviews several situations in "
                                                 "one afternoon, a time slot each. The sittings "
                                                 "of the library folder are listed here, the "
                                                 "newest first."));

  if (library == NULL)
    {
      rg_row_slicer_set_items (self->sitting_slicer, NULL, 0);
      gtk_stack_set_visible_child_name (self->sittings_stack, "none");
      return;
    }

  self->sittings_cancellable = g_cancellable_new ();
  rg_library_list_sittings_async (library, text, self->sittings_cancellable, sittings_cb,
                                  g_object_ref (self));
}

static void
sitting_activated_cb (RgLibraryWindow *self,
                      GtkListBoxRow   *row)
{
  RgLibrarySitting *sitting = g_object_get_data (G_OBJECT (row), "sitting");
  g_autoptr(GFile) file = g_file_new_for_path (rg_library_sitting_get_path (sitting));

  /* Its window, or the one already showing it */
  rg_window_host_open_file (_rg_library_window_get_host (self), file);
}

/* }}} */
/* {{{ Pages */

static const char *pages[] = { "attention", "situations", "sessions", "sittings" };

/* The list of the page shown takes the keyboard, unless the search
 * has it: typing goes on there. */
static void
focus_page (RgLibraryWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
    return;

  if (g_strcmp0 (page, "attention") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->attention_list));
  else if (g_strcmp0 (page, "situations") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->situation_list));
  else if (g_strcmp0 (page, "sittings") == 0)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->sitting_list, 0);

      if (first != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (first));
      else if (gtk_widget_get_visible (self->no_sittings_button))
        gtk_widget_grab_focus (self->no_sittings_button);
    }
  else
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list_box, 0);

      if (first != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (first));
    }
}

/* The rows of the pages not shown are made a few at a time, when
 * nothing else is to be done; those of the page shown, at once. (The
 * situations' list view makes the rows on screen only.) */
static void
defer_hidden_pages (RgLibraryWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  rg_attention_list_set_deferred (self->attention_list, g_strcmp0 (page, "attention") != 0);
  rg_row_slicer_set_deferred (self->session_slicer, g_strcmp0 (page, "sessions") != 0);
  rg_row_slicer_set_deferred (self->sitting_slicer, g_strcmp0 (page, "sittings") != 0);
}

static void
visible_page_cb (RgLibraryWindow *self)
{
  RgWindowHost *host = _rg_library_window_get_host (self);

  /* The user's choice is where the window opens next time */
  if (!self->showing_page && host != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_settings_set_string (rg_window_host_get_settings (host), "library-page",
                           adw_view_stack_get_visible_child_name (self->view_stack));

  defer_hidden_pages (self);
  _rg_library_window_update_desk_page (self);
  focus_page (self);
}

static void
show_page (RgLibraryWindow *self,
           const char      *name)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, name);

  if (child == NULL)
    return;

  adw_view_stack_set_visible_child (self->view_stack, child);
  focus_page (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_page (RG_LIBRARY_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
step_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  const char *current = adw_view_stack_get_visible_child_name (self->view_stack);
  int step = g_str_equal (action_name, "library.next-page") ? 1 : -1;
  guint n_pages = G_N_ELEMENTS (pages);
  guint index = 0;

  for (guint i = 0; i < n_pages; i++)
    if (g_strcmp0 (pages[i], current) == 0)
      index = i;

  show_page (self, pages[(index + n_pages + step) % n_pages]);
}

/* }}} */
/* {{{ Opening a session where something needs attention */

static void
open_session_at_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  const char *path, *view, *object_id;
  g_autoptr(GFile) file = NULL;

  g_variant_get (parameter, "(&s&s&s)", &path, &view, &object_id);
  file = g_file_new_for_path (path);
  rg_window_host_open_file_at (_rg_library_window_get_host (self), file,
                               view[0] != '\0' ? view : NULL,
                               object_id[0] != '\0' ? object_id : NULL);
}

/* }}} */

/**
 * _rg_library_window_update_desk_page:
 * @self: a #RgLibraryWindow
 *
 * Says in the title how many situations or sessions are found, for the
 * page shown.
 */
void
_rg_library_window_update_desk_page (RgLibraryWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  guint n_sessions = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  g_autofree char *subtitle = NULL;

  if (g_strcmp0 (page, "situations") == 0 && self->has_criteria && self->n_situations > 0)
    /* Translators: the number of situations found by a search */
    subtitle = g_strdup_printf (ngettext ("%u situation found", "%u situations found",
                                          self->n_situations),
                                self->n_situations);
  else if (g_strcmp0 (page, "sessions") == 0 && self->has_criteria && n_sessions > 0)
    {
      if (self->has_more)
        /* Translators: the number of sessions found by a search, when
         * there are more than the list shows */
        subtitle = g_strdup_printf (ngettext ("More than %u session found",
                                              "More than %u sessions found", n_sessions),
                                    n_sessions);
      else
        subtitle = g_strdup_printf (ngettext ("%u session found", "%u sessions found", n_sessions),
                                    n_sessions);
    }

  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

void
_rg_library_window_class_init_desk (GtkWidgetClass *widget_class)
{
  g_type_ensure (RG_TYPE_ATTENTION_LIST);
  g_type_ensure (RG_TYPE_DATE_ENTRY);
  g_type_ensure (RG_TYPE_SITUATION_LIST);

  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, attention_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, attention_list);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, attention_date);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, situations_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, situation_list);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, sittings_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, no_sittings_page);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, no_sittings_button);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, new_sitting_button);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, sitting_list);

  gtk_widget_class_install_action (widget_class, "library.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "library.next-page", NULL, step_page_action);
  gtk_widget_class_install_action (widget_class, "library.previous-page", NULL, step_page_action);
  gtk_widget_class_install_action (widget_class, "library.open-session-at", "(sss)",
                                   open_session_at_action);
}

void
_rg_library_window_init_desk (RgLibraryWindow *self)
{
  g_autofree char *today = rg_date_new_today ();

  rg_date_entry_set_date (self->attention_date, today);
  self->sittings = g_list_store_new (RG_TYPE_LIBRARY_SITTING);
  self->sitting_slicer = rg_row_slicer_new (self->sittings);
  gtk_list_box_bind_model (self->sitting_list, G_LIST_MODEL (self->sittings),
                           create_sitting_row, self, NULL);
  g_signal_connect_swapped (self->sitting_list, "row-activated",
                            G_CALLBACK (sitting_activated_cb), self);
  g_signal_connect_swapped (self->attention_date, "notify::date",
                            G_CALLBACK (_rg_library_window_load_attention), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child",
                            G_CALLBACK (visible_page_cb), self);

  /* Until the settings say which */
  set_first_page (self, "situations");
  defer_hidden_pages (self);
}

/**
 * _rg_library_window_show_first_page:
 * @self: a #RgLibraryWindow
 * @settings: the application's settings
 *
 * Shows the page the user last chose, before the window shows: the
 * window never changes it by itself afterwards.
 */
void
_rg_library_window_show_first_page (RgLibraryWindow *self,
                                    GSettings       *settings)
{
  g_autofree char *name = g_settings_get_string (settings, "library-page");

  g_signal_connect (self, "map", G_CALLBACK (first_map_cb), NULL);
  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), name) != 0)
    {
      set_first_page (self, name);
      defer_hidden_pages (self);
    }

  /* The switchers are given the stack once its first page is chosen:
   * those of libadwaita 1.2 may miss a page chosen after, and each
   * makes its buttons anew when it is given a stack. */
  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

/* The list of the page shown takes the keyboard when the window shows */
static void
first_map_cb (RgLibraryWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, first_map_cb, NULL);
  focus_page (self);
}

void
_rg_library_window_dispose_desk (RgLibraryWindow *self)
{
  g_cancellable_cancel (self->situation_list_cancellable);
  g_clear_object (&self->situation_list_cancellable);
  g_clear_pointer (&self->situations_search, situations_search_free);
  g_cancellable_cancel (self->attention_cancellable);
  g_clear_object (&self->attention_cancellable);
  g_cancellable_cancel (self->sittings_cancellable);
  g_clear_object (&self->sittings_cancellable);
  g_clear_object (&self->sitting_slicer);
  g_clear_object (&self->sittings);
}
