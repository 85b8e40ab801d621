/* rg-library-window-desk.c — the coordinator's desk: attention and situations
 *
 * The library window is a desk of pages: what needs attention on a day,
 * the situations (one row per child), the sessions. The search and the
 * filters apply to the situations as to the sessions; what needs
 * attention depends on the day chosen and the retention period only.
 * The window opens on what needs attention when anything does, else on
 * the situations. Alt+1… and Ctrl+Page Up/Down go from page to page,
 * and the list of the page shown takes the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-library-window-private.h"

/* {{{ Situations */

static void
situations_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RgLibraryWindow) self = user_data;
  g_autoptr(GListModel) situations = NULL;
  g_autoptr(GError) error = NULL;

  situations = rg_library_list_situations_finish (RG_LIBRARY (object), result, &error);
  if (situations == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rg_library_window_add_toast (self, error->message);
      return;
    }

  g_clear_object (&self->situation_list_cancellable);
  self->n_situations = g_list_model_get_n_items (situations);
  rg_situation_list_set_situations (self->situation_list, situations);
  gtk_stack_set_visible_child_name (self->situations_stack,
                                    self->n_situations > 0 ? "situations" : "no-results");
  _rg_library_window_update_desk_page (self);
}

/**
 * _rg_library_window_search_situations:
 * @self: a #RgLibraryWindow
 * @query: what the search and the filters say
 *
 * Lists the situations having a session @query finds; all of them,
 * whatever the paging of the sessions.
 */
void
_rg_library_window_search_situations (RgLibraryWindow      *self,
                                      const RgLibraryQuery *query)
{
  RgLibrary *library = _rg_library_window_get_library (self);
  g_autoptr(RgLibraryQuery) situations_query = NULL;

  g_cancellable_cancel (self->situation_list_cancellable);
  g_clear_object (&self->situation_list_cancellable);

  if (library == NULL)
    {
      self->n_situations = 0;
      rg_situation_list_set_situations (self->situation_list, NULL);
      return;
    }

  situations_query = rg_library_query_copy (query);
  situations_query->offset = 0;
  situations_query->limit = 0;
  self->situation_list_cancellable = g_cancellable_new ();
  rg_library_list_situations_async (library, situations_query, NULL,
                                    self->situation_list_cancellable, situations_cb,
                                    g_object_ref (self));
}

/* }}} */
/* {{{ What needs attention */

/* A page the window chooses, not the user */
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

  /* The switchers of libadwaita 1.2 may miss a page chosen before the
   * window shows: they are given the stack again, and read it anew. */
  adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
}

static void
attention_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RgLibraryWindow) self = user_data;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
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

  /* The first page: what needs attention, if anything does */
  if (!self->page_chosen)
    {
      self->page_chosen = TRUE;
      set_first_page (self, n_items > 0 ? "attention" : "situations");
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
/* {{{ Pages */

static const char *pages[] = { "attention", "situations", "sessions" };

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
  else
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list_box, 0);

      if (first != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (first));
    }
}

static void
visible_page_cb (RgLibraryWindow *self)
{
  if (!self->showing_page)
    self->page_chosen = TRUE;

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

  self->page_chosen = TRUE;
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
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, attention_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, attention_list);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, attention_date);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, situations_stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, situation_list);

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
  g_signal_connect_swapped (self->attention_date, "notify::date",
                            G_CALLBACK (_rg_library_window_load_attention), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child",
                            G_CALLBACK (visible_page_cb), self);

  /* Until what needs attention is known */
  set_first_page (self, "situations");
}

void
_rg_library_window_dispose_desk (RgLibraryWindow *self)
{
  g_cancellable_cancel (self->situation_list_cancellable);
  g_clear_object (&self->situation_list_cancellable);
  g_cancellable_cancel (self->attention_cancellable);
  g_clear_object (&self->attention_cancellable);
}
