/* test-library-window.c — the library window, driven for real under Xvfb
 *
 * Real session files in a private library folder, the real SQLite
 * index, the real widgets: what a coordinator sees after the scan, as
 * she searches, filters, follows up, renames and throws away sessions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rg-application.h"
#include "rg-document.h"
#include "rg-export-dialog.h"
#include "rg-library-window.h"
#include "rg-session-row.h"
#include "rg-session-window.h"
#include "rg-sitting-xml.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"
#include "rg-test-zip.h"

#define REVIEW_TITLE "Revue de situation — trimestre 1"
#define REVIEW_SITUATION "Élève A., CM1"
#define YEAR_END_TITLE "Bilan de fin d’année"

static char *test_root;
static char *library_folder;
static char *review_situation_id;

/* {{{ The library on disk */

static RgStatement *
add_statement (RgSession   *session,
               RgPartner   *partner,
               RgDimension *dimension,
               const char  *text)
{
  RgStatement *statement = rg_statement_new (rg_partner_get_id (partner),
                                             rg_dimension_get_id (dimension),
                                             RG_STATEMENT_KIND_FACT, text);

  rg_session_add_statement (session, statement);

  return statement;
}

static void
add_link (RgSession    *session,
          RgLinkType    type,
          RgLinkStatus  status,
          RgStatement  *a,
          RgStatement  *b)
{
  g_autoptr(RgLink) link = rg_link_new (type);
  const char *members[] = { rg_statement_get_id (a), rg_statement_get_id (b), NULL };

  rg_link_set_members (link, members);
  rg_link_set_status (link, status);
  rg_session_add_link (session, link);
}

/* A session of two partners; @text is what the teacher said. */
static RgSession *
make_session (const char *title,
              const char *situation,
              const char *date,
              const char *text)
{
  RgSession *session = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgPartner) mother = rg_partner_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();

  rg_session_set_title (session, title);
  rg_session_set_situation_label (session, situation);
  rg_session_set_date (session, date);
  rg_session_set_status (session, RG_SESSION_STATUS_HELD);
  rg_partner_set_name (teacher, "Mme Roussel");
  rg_partner_set_profession (teacher, "Enseignante");
  rg_partner_set_institution (teacher, "École Jules Ferry");
  rg_partner_set_name (mother, "Mme Benali");
  rg_partner_set_role (mother, RG_PARTNER_ROLE_FAMILY);
  rg_dimension_set_name (school, "Scolarité");
  rg_session_add_partner (session, teacher);
  rg_session_add_partner (session, mother);
  rg_session_add_dimension (session, school);

  g_object_unref (add_statement (session, teacher, school, text));

  return session;
}

static GFile *
write_session (RgSession  *session,
               const char *name)
{
  g_autofree char *path = g_build_filename (library_folder, name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(RgDocument) document = rg_document_new (session, file);
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return file;
}

/* Two sessions and a damaged file: the review has 2 agreements and an
 * open divergence and speaks of "décrochage"; the year-end meeting has
 * one agreement and a settled divergence. */
static void
write_library (void)
{
  g_autoptr(RgSession) review = NULL;
  g_autoptr(RgSession) year_end = NULL;
  g_autoptr(RgStatement) s1 = NULL;
  g_autoptr(RgStatement) s2 = NULL;
  g_autoptr(RgStatement) s3 = NULL;
  g_autoptr(RgStatement) s4 = NULL;
  g_autoptr(RgStatement) s5 = NULL;
  g_autoptr(GFile) review_file = NULL;
  g_autoptr(GFile) year_end_file = NULL;
  g_autofree char *damaged = g_build_filename (library_folder, "Abîmé.regards", NULL);
  g_autoptr(GError) error = NULL;
  RgPartner *teacher, *mother;
  RgDimension *school;

  review = make_session (REVIEW_TITLE, REVIEW_SITUATION, "2024-11-17",
                         "Absences répétées, début de décrochage");
  teacher = g_list_model_get_item (rg_session_get_partners (review), 0);
  mother = g_list_model_get_item (rg_session_get_partners (review), 1);
  school = g_list_model_get_item (rg_session_get_dimensions (review), 0);
  s1 = add_statement (review, mother, school, "Il dit s’ennuyer en classe");
  s2 = add_statement (review, mother, school, "Il a peur d’un camarade");
  s3 = add_statement (review, teacher, school, "Un conflit à la récréation");
  add_link (review, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_SETTLED, s1, s3);
  add_link (review, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_SETTLED, s2, s3);
  add_link (review, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN, s1, s2);
  g_object_unref (teacher);
  g_object_unref (mother);
  g_object_unref (school);
  review_file = write_session (review, "Revue.regards");
  g_free (review_situation_id);
  review_situation_id = g_strdup (rg_session_get_situation_id (review));

  year_end = make_session (YEAR_END_TITLE, "Élève B., 6e", "2024-06-20",
                           "Bonne intégration dans la classe");
  teacher = g_list_model_get_item (rg_session_get_partners (year_end), 0);
  mother = g_list_model_get_item (rg_session_get_partners (year_end), 1);
  school = g_list_model_get_item (rg_session_get_dimensions (year_end), 0);
  s4 = add_statement (year_end, mother, school, "Il aime le sport");
  s5 = add_statement (year_end, teacher, school, "Il participe en EPS");
  add_link (year_end, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_SETTLED, s4, s5);
  add_link (year_end, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_SETTLED, s4, s5);
  g_object_unref (teacher);
  g_object_unref (mother);
  g_object_unref (school);
  year_end_file = write_session (year_end, "Bilan.regards");

  g_file_set_contents (damaged, "<?xml version=\"1.0\"?><session><title>", -1, &error);
  g_assert_no_error (error);
}

static RgSession *
read_session (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDocument) document = rg_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);

  return g_object_ref (rg_document_get_session (document));
}

static GFile *
library_file (const char *name)
{
  g_autofree char *path = g_build_filename (library_folder, name, NULL);

  return g_file_new_for_path (path);
}

static guint
count_library_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (library_folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    n += g_str_has_suffix (name, ".regards");

  return n;
}

/* }}} */
/* {{{ The window */

static RgLibraryWindow *
get_window (RgApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (RG_IS_LIBRARY_WINDOW (l->data))
      return l->data;

  g_assert_not_reached ();
}

static gpointer
get_child (RgLibraryWindow *window,
           const char      *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window),
                                                  RG_TYPE_LIBRARY_WINDOW, name);

  g_assert_nonnull (child);

  return child;
}

static gpointer
get_row_child (GtkListBoxRow *row,
               const char    *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (row), RG_TYPE_SESSION_ROW, name);
}

static guint
count_rows (RgLibraryWindow *window)
{
  GtkListBox *list_box = get_child (window, "list_box");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list_box, n) != NULL)
    n++;

  return n;
}

static GtkListBoxRow *
find_row (RgLibraryWindow *window,
          const char      *title)
{
  GtkListBox *list_box = get_child (window, "list_box");
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)); i++)
    if (g_strcmp0 (gtk_label_get_label (get_row_child (row, "title_label")), title) == 0)
      return row;

  return NULL;
}

typedef struct
{
  RgLibraryWindow *window;
  guint            n_rows;
  const char      *title;
  const char      *page;
} Expect;

/* The window's page, or in the desk the Sessions page's */
static const char *
visible_page (RgLibraryWindow *window)
{
  const char *page = gtk_stack_get_visible_child_name (get_child (window, "main_stack"));

  if (g_strcmp0 (page, "desk") != 0)
    return page;

  return gtk_stack_get_visible_child_name (get_child (window, "stack"));
}

static gboolean
shows_expected (gpointer data)
{
  Expect *expect = data;

  if (g_strcmp0 (visible_page (expect->window), expect->page ? expect->page : "sessions") != 0)
    return FALSE;

  if (count_rows (expect->window) != expect->n_rows)
    return FALSE;

  return expect->title == NULL || find_row (expect->window, expect->title) != NULL;
}

/* Waits for the list to show @n_rows sessions, one of them titled
 * @title, and nothing else. */
static void
wait_for_rows (RgLibraryWindow *window,
               guint            n_rows,
               const char      *title)
{
  Expect expect = { window, n_rows, title, NULL };

  if (!rg_test_wait_for (shows_expected, &expect, 10))
    g_error ("Expected %u rows with “%s”, found %u", n_rows, title, count_rows (window));
}

static void
wait_for_page (RgLibraryWindow *window,
               const char      *page)
{
  Expect expect = { window, 0, NULL, page };

  g_assert_true (rg_test_wait_for (shows_expected, &expect, 10));
}

/* Toasts have no public list: look for the words among the widgets. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} ShowsText;

static gboolean
shows_text_cb (gpointer data)
{
  ShowsText *shows = data;

  return shows_text (shows->widget, shows->text);
}

static gboolean
has_session_window (gpointer data)
{
  for (GList *l = gtk_application_get_windows (data); l; l = l->next)
    if (RG_IS_SESSION_WINDOW (l->data))
      return TRUE;

  return FALSE;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

static gboolean
file_gone (gpointer data)
{
  return !g_file_query_exists (data, NULL);
}

/* }}} */
/* {{{ Running in an application */

typedef void (*AppTestFunc) (RgApplication *app);

typedef struct
{
  AppTestFunc func;
  gboolean    with_sessions;
  gboolean    damaged_index;
} AppTest;

static const AppTest *current_test;

/* These tests are about the Sessions page of the desk: they start there,
 * as a coordinator does with Alt+3. */
static void
on_sessions_page (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);

  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_3, GDK_ALT_MASK) ||
                 gtk_widget_activate_action (GTK_WIDGET (window), "library.show-page", "s",
                                             "sessions"));
  current_test->func (app);
}

/* Runs the test inside a real, running application whose library is a
 * fresh folder, then checks that it quits with no window left and
 * nothing holding on to it. */
static void
run_in_application (gconstpointer data)
{
  const AppTest *test = data;
  static guint n_runs;
  g_autofree char *name = g_strdup_printf ("library-%u", ++n_runs);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_free (library_folder);
  library_folder = g_build_filename (test_root, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (library_folder, 0700), ==, 0);
  if (test->with_sessions)
    write_library ();
  if (test->damaged_index)
    {
      g_autofree char *index = rg_library_get_default_database_path (library_folder);
      g_autofree char *index_dir = g_path_get_dirname (index);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir_with_parents (index_dir, 0700), ==, 0);
      g_file_set_contents (index, "This is not an SQLite database, not even a little.", -1, &error);
      g_assert_no_error (error);
    }
  g_settings_set_string (settings, "library-folder", library_folder);

  current_test = test;
  rg_test_run_app_func ((gconstpointer) on_sessions_page);
}

/* }}} */
/* {{{ Tests */

static void
empty_state (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkStack *stack = get_child (window, "main_stack");
  GtkWidget *page;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_nonnull (rg_application_get_library (app));
  g_assert_cmpstr (rg_library_get_folder (rg_application_get_library (app)), ==, library_folder);

  wait_for_page (window, "empty");
  page = gtk_stack_get_visible_child (stack);
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Sessions Yet");

  /* A search in an empty library finds nothing, and says so. */
  gtk_editable_set_text (get_child (window, "search_entry"), "décrochage");
  wait_for_page (window, "no-results");
  gtk_editable_set_text (get_child (window, "search_entry"), "");
  wait_for_page (window, "empty");
}

static void
window_size_remembered (RgApplication *app)
{
  GtkWindow *window = GTK_WINDOW (get_window (app));
  GSettings *settings = rg_application_get_settings (app);

  gtk_window_set_default_size (window, 900, 640);
  gtk_window_close (window);
  rg_test_iterate_until_idle ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
}

static void
about_and_shortcuts (RgApplication *app)
{
  GtkWindow *window = GTK_WINDOW (get_window (app));
  GtkWindow *about;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);

  rg_test_assert_no_hidden_window ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  about = GTK_WINDOW (g_list_model_get_item (toplevels, before));
  g_object_unref (about);
  gtk_window_close (about);
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before);

  /* The shortcuts window opens on the library's shortcuts, once
   * however often it is asked for, and is gone when closed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  rg_test_check_shortcuts_window (window, "library", "library.new-session", "<Control>n");
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before);
}

/* After the scan, each session shows its title, situation, date,
 * partners and counts; the damaged file shows why it cannot open. */
static void
lists_sessions (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkListBoxRow *row;
  GtkListBoxRow *damaged = NULL;
  GtkListBox *list_box = get_child (window, "list_box");
  const char *meta;

  wait_for_rows (window, 3, REVIEW_TITLE);

  row = find_row (window, REVIEW_TITLE);
  meta = gtk_label_get_label (get_row_child (row, "meta_label"));
  g_assert_nonnull (strstr (meta, REVIEW_SITUATION));
  g_assert_nonnull (strstr (meta, "17 November 2024"));
  g_assert_nonnull (strstr (gtk_label_get_label (get_row_child (row, "partners_label")),
                            "Mme Roussel"));
  g_assert_cmpstr (gtk_label_get_label (get_row_child (row, "agreements_label")), ==,
                   "2 agreements");
  g_assert_cmpstr (gtk_label_get_label (get_row_child (row, "divergences_label")), ==,
                   "1 divergence, 1 open");
  g_assert_true (gtk_widget_get_visible (get_row_child (row, "badges_box")));

  row = find_row (window, YEAR_END_TITLE);
  g_assert_cmpstr (gtk_label_get_label (get_row_child (row, "agreements_label")), ==,
                   "1 agreement");
  g_assert_cmpstr (gtk_label_get_label (get_row_child (row, "divergences_label")), ==,
                   "1 divergence");

  /* The newest first. */
  g_assert_true (gtk_list_box_row_get_index (find_row (window, REVIEW_TITLE)) <
                 gtk_list_box_row_get_index (find_row (window, YEAR_END_TITLE)));

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)); i++)
    if (gtk_widget_get_visible (get_row_child (row, "error_label")))
      damaged = row;
  g_assert_nonnull (damaged);
  g_assert_cmpstr (gtk_label_get_label (get_row_child (damaged, "title_label")), ==,
                   "Abîmé.regards");
  g_assert_cmpstr (gtk_label_get_label (get_row_child (damaged, "error_label")), !=, "");
  g_assert_false (gtk_widget_get_visible (get_row_child (damaged, "badges_box")));
}

/* Typing without accents finds the session that has them; a search
 * that finds nothing says so. */
static void
search (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkEditable *entry = get_child (window, "search_entry");
  AdwViewSwitcherTitle *title = get_child (window, "switcher_title");

  wait_for_rows (window, 3, REVIEW_TITLE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (get_child (window, "search_bar")));

  gtk_editable_set_text (entry, "decrochage");
  wait_for_rows (window, 1, REVIEW_TITLE);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "1 session found");

  /* The last word is a prefix. */
  gtk_editable_set_text (entry, "integr");
  wait_for_rows (window, 1, YEAR_END_TITLE);

  gtk_editable_set_text (entry, "zzzz");
  wait_for_page (window, "no-results");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.show-all", NULL));
  wait_for_rows (window, 3, YEAR_END_TITLE);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
}

/* An item of a menu, by its label without its mnemonic */
static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    return FALSE;
  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0;
}

static gboolean
has_export_dialog (gpointer data)
{
  return rg_test_find_window (RG_TYPE_EXPORT_DIALOG) != NULL;
}

static void
project_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  written = rg_export_dialog_export_files_finish (RG_EXPORT_DIALOG (object), result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
}

/* A search's results, all of them, as one research project */
static void
export_search (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkEditable *entry = get_child (window, "search_entry");
  g_autofree char *path = g_build_filename (test_root, "recherche.qdpx", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RgTestZip) zip = NULL;
  gsize size = 0;
  RgExportDialog *dialog;
  GtkMenuButton *menu_button;
  GtkWidget *item;

  wait_for_rows (window, 3, REVIEW_TITLE);
  gtk_editable_set_text (entry, "decrochage");
  wait_for_rows (window, 1, REVIEW_TITLE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.export-search", NULL));
  g_assert_true (rg_test_wait_for (has_export_dialog, NULL, 10));
  dialog = rg_test_find_window (RG_TYPE_EXPORT_DIALOG);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpint (rg_export_dialog_get_format (dialog), ==, RG_EXPORT_FORMAT_QDPX);
  g_assert_true (rg_export_dialog_get_pseudonymise (dialog));

  rg_export_dialog_export_files_async (dialog, output, NULL, project_written_cb, NULL);
  g_assert_true (rg_test_wait_for (file_exists, output, 20));
  rg_test_iterate_until_idle ();

  /* The review's two partners, one source each */
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  bytes = g_bytes_new (contents, size);
  zip = rg_test_zip_read (bytes);
  g_assert_cmpuint (zip->names->len, ==, 1 + 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
  rg_test_iterate_until_idle ();

  /* Nothing found, nothing to export: the menu's entry says so */
  menu_button = GTK_MENU_BUTTON (rg_test_find_widget (GTK_WIDGET (window), is_primary_menu_button,
                                                      NULL));
  g_assert_nonnull (menu_button);
  /* F10 opens it, its menu made as it opens */
  g_assert_null (gtk_menu_button_get_popover (menu_button));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_F10, 0));
  rg_test_iterate_until_idle ();
  g_assert_nonnull (gtk_menu_button_get_popover (menu_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu_button))));
  item = rg_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (menu_button)),
                              is_menu_item, "Export Results as Research Project…");
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_get_sensitive (item));
  gtk_editable_set_text (entry, "zzzz");
  wait_for_page (window, "no-results");
  rg_test_iterate_until_idle ();
  g_assert_false (gtk_widget_get_sensitive (item));
  gtk_menu_button_popdown (menu_button);
}

static void
filters (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkSwitch *open_only = get_child (window, "open_divergences_switch");
  GtkRevealer *filter_bar = get_child (window, "filter_bar");
  AdwComboRow *situation_row = get_child (window, "situation_row");
  GtkPopover *popover = get_child (window, "filter_popover");

  wait_for_rows (window, 3, REVIEW_TITLE);
  g_assert_false (gtk_revealer_get_reveal_child (filter_bar));

  gtk_switch_set_active (open_only, TRUE);
  wait_for_rows (window, 1, REVIEW_TITLE);
  g_assert_true (gtk_revealer_get_reveal_child (filter_bar));
  g_assert_nonnull (strstr (gtk_label_get_label (get_child (window, "filter_label")),
                            "open divergences only"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.clear-filters", NULL));
  g_assert_false (gtk_switch_get_active (open_only));
  wait_for_rows (window, 3, YEAR_END_TITLE);

  /* Dates, as the user writes them (C locale: month/day/year) or ISO. */
  gtk_editable_set_text (get_child (window, "from_row"), "2024-09-01");
  wait_for_rows (window, 1, REVIEW_TITLE);
  gtk_editable_set_text (get_child (window, "from_row"), "");
  gtk_editable_set_text (get_child (window, "to_row"), "09/01/2024");
  wait_for_rows (window, 1, YEAR_END_TITLE);
  /* A date that is not one is shown wrong, and not applied. */
  gtk_editable_set_text (get_child (window, "to_row"), "not a date");
  wait_for_rows (window, 3, YEAR_END_TITLE);
  g_assert_true (gtk_widget_has_css_class (get_child (window, "to_row"), "error"));
  gtk_editable_set_text (get_child (window, "to_row"), "");

  gtk_editable_set_text (get_child (window, "institution_row"), "jules ferry");
  wait_for_rows (window, 2, YEAR_END_TITLE);
  gtk_editable_set_text (get_child (window, "institution_row"), "");

  /* The situations to choose from are the library's. */
  gtk_popover_popup (popover);
  while (g_list_model_get_n_items (adw_combo_row_get_model (situation_row)) < 3)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 3; i++)
    {
      GtkStringObject *item = g_list_model_get_item (adw_combo_row_get_model (situation_row), i);

      if (g_str_equal (gtk_string_object_get_string (item), REVIEW_SITUATION))
        adw_combo_row_set_selected (situation_row, i);
      g_object_unref (item);
    }
  wait_for_rows (window, 1, REVIEW_TITLE);
  gtk_popover_popdown (popover);
}

static void
open_row (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkListBox *list_box = get_child (window, "list_box");
  RgSessionWindow *session_window = NULL;

  wait_for_rows (window, 3, REVIEW_TITLE);
  g_signal_emit_by_name (list_box, "row-activated", find_row (window, REVIEW_TITLE));
  g_assert_true (rg_test_wait_for (has_session_window, app, 10));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (RG_IS_SESSION_WINDOW (l->data))
      session_window = l->data;
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (session_window)), ==, REVIEW_TITLE);
}

static void
drop_files (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(RgSession) session = make_session ("Séance apportée", "Élève C., CP",
                                               "2024-01-08", "Arrivé en janvier");
  g_autofree char *path = g_build_filename (test_root, "apportée.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgDocument) document = rg_document_new (session, file);
  g_autoptr(GError) error = NULL;
  GtkDropTarget *target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean dropped = FALSE;

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_assert_true (dropped);
  g_assert_true (rg_test_wait_for (has_session_window, app, 10));
}

static gboolean
is_follow_up_notice (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), "This session follows “" REVIEW_TITLE
                 "” of 17 November 2024") != NULL;
}

static gboolean
has_follow_up_banner (gpointer data)
{
  for (GList *l = gtk_application_get_windows (data); l; l = l->next)
    if (RG_IS_SESSION_WINDOW (l->data) &&
        rg_test_find_widget (l->data, is_follow_up_notice, NULL) != NULL)
      return TRUE;

  return FALSE;
}

static void
duplicate (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  g_autoptr(GFile) follow_up = library_file ("Follow-up — " REVIEW_TITLE ".regards");
  g_autoptr(RgSession) session = NULL;
  g_autofree char *today = rg_date_new_today ();

  /* The same key as in a session window */
  wait_for_rows (window, 3, REVIEW_TITLE);
  gtk_widget_grab_focus (GTK_WIDGET (find_row (window, REVIEW_TITLE)));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_n,
                                         GDK_CONTROL_MASK | GDK_SHIFT_MASK));

  g_assert_true (rg_test_wait_for (file_exists, follow_up, 10));
  session = read_session (follow_up);
  g_assert_cmpstr (rg_session_get_situation_id (session), ==, review_situation_id);
  g_assert_cmpstr (rg_session_get_situation_label (session), ==, REVIEW_SITUATION);
  g_assert_cmpstr (rg_session_get_date (session), ==, today);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (session)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_statements (session)), ==, 0);

  /* It is listed, and opened to be prepared, saying what it follows. */
  wait_for_rows (window, 4, "Follow-up — " REVIEW_TITLE);
  g_assert_true (rg_test_wait_for (has_session_window, app, 10));
  g_assert_true (rg_test_wait_for (has_follow_up_banner, app, 10));
}

static void
rename_session (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  g_autoptr(GFile) old_file = library_file ("Revue.regards");
  g_autoptr(GFile) new_file = library_file ("Réunion de novembre.regards");
  g_autoptr(RgSession) session = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  wait_for_rows (window, 3, REVIEW_TITLE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_row (window, REVIEW_TITLE)),
                                             "row.rename", NULL));
  rg_test_iterate_until_idle ();
  g_assert_nonnull (dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, REVIEW_TITLE);

  /* No empty title. */
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (entry, "Réunion de novembre");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (rg_test_wait_for (file_exists, new_file, 10));
  g_assert_false (g_file_query_exists (old_file, NULL));
  session = read_session (new_file);
  g_assert_cmpstr (rg_session_get_title (session), ==, "Réunion de novembre");
  wait_for_rows (window, 3, "Réunion de novembre");
  g_assert_null (find_row (window, REVIEW_TITLE));
}

static void
trash_and_undo (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  g_autoptr(GFile) file = library_file ("Bilan.regards");
  g_autofree char *path = g_file_get_path (file);

  wait_for_rows (window, 3, YEAR_END_TITLE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_row (window, YEAR_END_TITLE)),
                                             "row.trash", NULL));

  if (!rg_test_wait_for (file_gone, file, 5))
    {
      /* GIO found no Trash it may use here; the file stays, listed. */
      g_assert_nonnull (find_row (window, YEAR_END_TITLE));
      g_test_skip ("The Trash is not available in this environment");
      return;
    }

  wait_for_rows (window, 2, REVIEW_TITLE);
  g_assert_null (find_row (window, YEAR_END_TITLE));
  g_assert_cmpuint (count_library_files (), ==, 2);
  g_assert_true (rg_test_wait_for (shows_text_cb,
                           &(ShowsText) { GTK_WIDGET (window),
                                          "“" YEAR_END_TITLE "” was moved to the Trash" }, 5));

  /* What the toast's Undo button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.undo-trash", "s", path));
  g_assert_true (rg_test_wait_for (file_exists, file, 10));
  wait_for_rows (window, 3, YEAR_END_TITLE);
}

/* A situation long past: its only session held in 2001, an action of it
 * never done, and the family's consent on record. */
#define OLD_TITLE "Suivi 2001"

static GFile *
write_old_session (void)
{
  g_autoptr(RgSession) old = make_session (OLD_TITLE, "Élève C., CE1", "2001-05-04",
                                           "Absent depuis la rentrée");
  g_autoptr(RgAction) late = rg_action_new ("Rencontrer la famille");
  g_autoptr(RgAction) done = rg_action_new ("Bilan orthophonique");
  g_autoptr(RgConsent) consent = rg_consent_new ("Le bilan scolaire");
  GFile *file;

  rg_action_set_due (late, "2001-06-01");
  rg_action_set_due (done, "2001-06-01");
  rg_action_set_status (done, RG_ACTION_STATUS_DONE);
  rg_session_add_action (old, late);
  rg_session_add_action (old, done);
  rg_consent_set_date (consent, "2001-05-04");
  rg_session_add_consent (old, consent);

  /* Saved twice: a backup beside it */
  file = write_session (old, "Suivi 2001.regards");
  g_object_unref (write_session (old, "Suivi 2001.regards"));

  /* On a team sitting's agenda too */
  {
    g_autoptr(RgSitting) sitting = rg_sitting_new ();
    g_autoptr(RgSittingItem) item = rg_sitting_item_new (rg_session_get_situation_id (old),
                                                         "Élève C., CE1", "14:00", "14:30");
    g_autofree char *path = g_build_filename (library_folder,
                                              "Équipe de mai 2001" RG_SITTING_FILE_SUFFIX, NULL);
    g_autoptr(GFile) sitting_file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    rg_sitting_set_title (sitting, "Équipe de mai 2001");
    rg_sitting_set_date (sitting, "2001-05-20");
    rg_sitting_add_item (sitting, item);
    g_assert_true (rg_sitting_save (sitting, sitting_file, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  return file;
}

static void
follow_up_and_retention (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  g_autoptr(GFile) old_file = write_old_session ();
  g_autofree char *old_path = g_file_get_path (old_file);
  g_autofree char *backup_path = g_strconcat (old_path, "~", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  GtkListBoxRow *row;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_query_exists (backup, NULL));
  g_settings_set_uint (rg_application_get_settings (app), "retention-years", 10);
  wait_for_rows (window, 4, OLD_TITLE);

  /* Late actions: an icon and words */
  row = find_row (window, OLD_TITLE);
  g_assert_true (gtk_widget_get_visible (get_row_child (row, "overdue_badge")));
  g_assert_cmpstr (gtk_label_get_label (get_row_child (row, "overdue_label")), ==,
                   "1 overdue action");
  g_assert_false (gtk_widget_get_visible (get_row_child (row, "no_consent_badge")));
  row = find_row (window, REVIEW_TITLE);
  g_assert_false (gtk_widget_get_visible (get_row_child (row, "overdue_badge")));
  g_assert_true (gtk_widget_get_visible (get_row_child (row, "no_consent_badge")));
  g_assert_cmpstr (gtk_label_get_label (get_row_child (row, "no_consent_label")), ==,
                   "No consent recorded");

  /* Past retention: only the situation whose last session is older than
   * ten years */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (get_child (window, "past_retention_row")),
                            "10 years"));
  gtk_switch_set_active (get_child (window, "past_retention_switch"), TRUE);
  wait_for_rows (window, 1, OLD_TITLE);
  g_assert_nonnull (strstr (gtk_label_get_label (get_child (window, "filter_label")),
                            "past retention"));

  /* Erasing it asks first, naming what goes, and says it is for good */
  row = find_row (window, OLD_TITLE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.erase-situation", NULL));
  dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Erase Situation?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The 1 session file of "
                                                                  "“Élève C., CE1”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be undone"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "This also removes copies in the Trash, backups and conflict "
                            "copies, and takes the situation off the agendas of team "
                            "sittings."));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "less than"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "erase"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");

  /* Cancelled: nothing happens */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rg_test_iterate_until_idle ();
  g_assert_true (g_file_query_exists (old_file, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.erase-situation", NULL));
  dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (dialog, "erase");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_false (g_file_query_exists (old_file, NULL));
  g_assert_false (g_file_query_exists (backup, NULL));
  wait_for_page (window, "no-results");

  /* Then it lists what went, kind by kind */
  dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Situation Erased");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Removed from this computer:\n• 1 session file\n• 1 backup\n"
                   "• its place in 1 team sitting");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rg_test_iterate_until_idle ();

  /* The other situations stay */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.clear-filters", NULL));
  wait_for_rows (window, 3, REVIEW_TITLE);
  g_assert_null (find_row (window, OLD_TITLE));
  g_assert_cmpuint (count_library_files (), ==, 3);

  /* A situation within its retention period may be erased too, and the
   * dialog says it is recent */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_row (window, REVIEW_TITLE)),
                                             "row.erase-situation", NULL));
  dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Its last session is less than 10 years old."));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (count_library_files (), ==, 3);
}

/* The row of the file named @name, and its position */
static GtkListBoxRow *
find_row_of_file (RgLibraryWindow *window,
                  const char      *name,
                  int             *position)
{
  GtkListBox *list_box = get_child (window, "list_box");
  g_autofree char *path = g_build_filename (library_folder, name, NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)); i++)
    if (g_strcmp0 (rg_library_entry_get_path (rg_session_row_get_entry (RG_SESSION_ROW (row))),
                   path) == 0)
      {
        if (position != NULL)
          *position = i;
        return row;
      }

  return NULL;
}

static const char *
row_meta (GtkListBoxRow *row)
{
  return gtk_label_get_label (get_row_child (row, "meta_label"));
}

#define COPY_NAME "Revue (conflicted copy Camille 2026-12-04 120000).regards"

/* A conflict copy another member's computer made: right under its
 * original, marked, with when it was made; merged from its row, it goes
 * to the Trash and the original has what both wrote. */
static void
conflict_copy (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  g_autoptr(GFile) original = library_file ("Revue.regards");
  g_autoptr(GFile) copy = NULL;
  g_autoptr(RgSession) theirs = read_session (original);
  g_autoptr(RgSession) merged = NULL;
  g_autoptr(RgPartner) teacher = g_list_model_get_item (rg_session_get_partners (theirs), 0);
  g_autoptr(RgDimension) school = g_list_model_get_item (rg_session_get_dimensions (theirs), 0);
  GListModel *statements;
  GtkListBoxRow *original_row;
  GtkListBoxRow *copy_row;
  gboolean found = FALSE;
  int original_at = -1;
  int copy_at = -1;

  wait_for_rows (window, 3, REVIEW_TITLE);
  g_object_unref (add_statement (theirs, teacher, school, "Écrit sur l’autre ordinateur"));
  copy = write_session (theirs, COPY_NAME);
  g_assert_true (rg_library_update_file (rg_application_get_library (app), copy, theirs, NULL));
  wait_for_rows (window, 4, REVIEW_TITLE);

  original_row = find_row_of_file (window, "Revue.regards", &original_at);
  copy_row = find_row_of_file (window, COPY_NAME, &copy_at);
  g_assert_nonnull (original_row);
  g_assert_nonnull (copy_row);
  g_assert_cmpint (copy_at, ==, original_at + 1);

  /* Marked, with its time, and set in under its original */
  g_assert_true (gtk_widget_get_visible (get_row_child (copy_row, "conflict_badge")));
  g_assert_false (gtk_widget_get_visible (get_row_child (original_row, "conflict_badge")));
  g_assert_cmpstr (gtk_label_get_label (get_row_child (copy_row, "conflict_label")), ==,
                   "Conflict copy");
  g_assert_cmpstr (gtk_label_get_label (get_row_child (copy_row, "conflict_time_label")), ==,
                   "4 December 2026, 12:00");
  g_assert_cmpint (gtk_widget_get_margin_start (gtk_list_box_row_get_child (copy_row)), >,
                   gtk_widget_get_margin_start (gtk_list_box_row_get_child (original_row)));

  /* One title, two rows: each names its file */
  g_assert_nonnull (strstr (row_meta (original_row), "Revue.regards"));
  g_assert_nonnull (strstr (row_meta (copy_row), COPY_NAME));
  g_assert_null (strstr (row_meta (find_row (window, YEAR_END_TITLE)), ".regards"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (copy_row), "row.merge-conflict-copy",
                                             NULL));
  g_assert_true (rg_test_wait_for (file_gone, copy, 10));
  g_assert_true (rg_test_wait_for (shows_text_cb,
                                   &(ShowsText) { GTK_WIDGET (window),
                                                  "The conflict copy was merged into "
                                                  "“" REVIEW_TITLE "”" }, 10));
  wait_for_rows (window, 3, REVIEW_TITLE);
  g_assert_nonnull (strstr (row_meta (find_row (window, REVIEW_TITLE)), "·"));
  g_assert_null (strstr (row_meta (find_row (window, REVIEW_TITLE)), ".regards"));

  merged = read_session (original);
  statements = rg_session_get_statements (merged);
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      found |= g_strcmp0 (rg_statement_get_text (statement), "Écrit sur l’autre ordinateur") == 0;
    }
  g_assert_true (found);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_conflicts (merged)), ==, 0);
}

/* Two sessions of one title that are not copies of each other: named by
 * their files, not set in. */
static void
same_titles (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  g_autoptr(RgSession) first = make_session ("Point d’étape", "Élève C., CE1", "2025-01-10", "A");
  g_autoptr(RgSession) second = make_session ("Point d’étape", "Élève D., CE2", "2025-01-12", "B");
  g_autoptr(GFile) first_file = write_session (first, "Point C.regards");
  g_autoptr(GFile) second_file = write_session (second, "Point D.regards");
  GtkListBoxRow *first_row;
  GtkListBoxRow *second_row;

  g_assert_true (rg_library_update_file (rg_application_get_library (app), first_file, first,
                                         NULL));
  g_assert_true (rg_library_update_file (rg_application_get_library (app), second_file, second,
                                         NULL));
  wait_for_rows (window, 5, "Point d’étape");

  first_row = find_row_of_file (window, "Point C.regards", NULL);
  second_row = find_row_of_file (window, "Point D.regards", NULL);
  g_assert_true (g_str_has_suffix (row_meta (first_row), " · Point C.regards"));
  g_assert_true (g_str_has_suffix (row_meta (second_row), " · Point D.regards"));
  g_assert_false (gtk_widget_get_visible (get_row_child (first_row, "conflict_badge")));
  g_assert_cmpint (gtk_widget_get_margin_start (gtk_list_box_row_get_child (first_row)), ==,
                   gtk_widget_get_margin_start (gtk_list_box_row_get_child (second_row)));
  g_assert_null (strstr (row_meta (find_row (window, REVIEW_TITLE)), ".regards"));
}

static RgSessionWindow *
open_and_wait (RgApplication   *app,
               RgLibraryWindow *window,
               const char      *title)
{
  g_signal_emit_by_name (get_child (window, "list_box"), "row-activated", find_row (window, title));
  g_assert_true (rg_test_wait_for (has_session_window, app, 10));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (RG_IS_SESSION_WINDOW (l->data))
      return l->data;

  g_assert_not_reached ();
}

/* An open session is renamed in its window, which saves it; the index
 * follows the save. */
static void
rename_open_session (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  g_autoptr(GFile) file = library_file ("Revue.regards");
  g_autoptr(RgSession) session = NULL;
  RgSessionWindow *session_window;
  AdwMessageDialog *dialog;

  wait_for_rows (window, 3, REVIEW_TITLE);
  session_window = open_and_wait (app, window, REVIEW_TITLE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_row (window, REVIEW_TITLE)),
                                             "row.rename", NULL));
  rg_test_iterate_until_idle ();
  g_assert_nonnull (dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "Revue avec la famille");
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (session_window)), ==, "Revue avec la famille");
  /* Undoable like any edit made in the window. */
  g_assert_true (rg_undo_stack_get_can_undo (
    rg_session_editor_get_undo_stack (rg_session_window_get_editor (session_window))));

  /* Saved by the window, then listed under its new title. */
  wait_for_rows (window, 3, "Revue avec la famille");
  session = read_session (file);
  g_assert_cmpstr (rg_session_get_title (session), ==, "Revue avec la famille");
}

/* An open session is saved and its window closed before it goes. */
static void
trash_open_session (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  g_autoptr(GFile) file = library_file ("Revue.regards");

  wait_for_rows (window, 3, REVIEW_TITLE);
  open_and_wait (app, window, REVIEW_TITLE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_row (window, REVIEW_TITLE)),
                                             "row.trash", NULL));
  g_assert_false (has_session_window (app));

  if (!rg_test_wait_for (file_gone, file, 5))
    {
      g_test_skip ("The Trash is not available in this environment");
      return;
    }
  wait_for_rows (window, 2, YEAR_END_TITLE);
}

/* An index found damaged at start is rebuilt from the files, and the
 * window says so in one line. */
static void
rebuilt_notice (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  RgLibrary *library = rg_application_get_library (app);

  g_assert_true (rg_test_wait_for (shows_text_cb,
                           &(ShowsText) { GTK_WIDGET (window), "index was damaged" }, 10));
  /* Said once: the library forgets it once shown. */
  g_assert_null (rg_library_get_notice (library));
  wait_for_rows (window, 3, REVIEW_TITLE);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  test_root = rg_test_init_environment ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/library-window/empty-state",
                        &(AppTest) { empty_state, FALSE }, run_in_application);
  g_test_add_data_func ("/library-window/size-remembered",
                        &(AppTest) { window_size_remembered, FALSE }, run_in_application);
  g_test_add_data_func ("/library-window/about-and-shortcuts",
                        &(AppTest) { about_and_shortcuts, FALSE }, run_in_application);
  g_test_add_data_func ("/library-window/lists-sessions",
                        &(AppTest) { lists_sessions, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/search",
                        &(AppTest) { search, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/export-search",
                        &(AppTest) { export_search, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/filters",
                        &(AppTest) { filters, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/open-row",
                        &(AppTest) { open_row, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/drop-files",
                        &(AppTest) { drop_files, FALSE }, run_in_application);
  g_test_add_data_func ("/library-window/duplicate",
                        &(AppTest) { duplicate, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/rename",
                        &(AppTest) { rename_session, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/trash-and-undo",
                        &(AppTest) { trash_and_undo, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/rename-open-session",
                        &(AppTest) { rename_open_session, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/trash-open-session",
                        &(AppTest) { trash_open_session, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/follow-up-and-retention",
                        &(AppTest) { follow_up_and_retention, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/conflict-copy",
                        &(AppTest) { conflict_copy, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/same-titles",
                        &(AppTest) { same_titles, TRUE }, run_in_application);
  g_test_add_data_func ("/library-window/rebuilt-notice",
                        &(AppTest) { rebuilt_notice, TRUE, TRUE }, run_in_application);

  return g_test_run ();
}
