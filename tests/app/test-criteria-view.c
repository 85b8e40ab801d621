/* test-criteria-view.c — the success criteria view driven for real, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rg-application.h"
#include "rg-criteria-map.h"
#include "rg-criteria-view.h"
#include "rg-document.h"
#include "rg-session-editor-criteria.h"
#include "rg-session-window.h"
#include "rg-session-xml.h"
#include "rg-test-app.h"
#include "rg-test-editing.h"
#include "rg-test-utils.h"

static char *test_dir;

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The criteria page of the window, shown */
static RgCriteriaView *
show_criteria (RgSessionWindow *window)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (window), RG_TYPE_CRITERIA_VIEW);
  GtkWidget *stack;

  g_assert_nonnull (view);
  stack = gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "criteria");
  rg_test_iterate_until_idle ();
  g_assert_true (gtk_widget_get_mapped (view));

  return RG_CRITERIA_VIEW (view);
}

static void
type_into (RgEditableText *text,
           const char     *typed)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (text)));

  /* Editing, the keyboard is in the text's own text view: type there. */
  g_assert_true (rg_editable_text_get_editing (text));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (text)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), typed, -1);
  rg_editable_text_stop_editing (text);
}

static void
undo (RgSessionWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
}

static void
redo (RgSessionWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.redo", NULL));
}

static RgCategory *
category_at (RgSession *session,
             guint      position)
{
  g_autoptr(RgCategory) category = g_list_model_get_item (rg_session_get_categories (session),
                                                          position);

  return category;
}

static RgCriterion *
find_criterion (RgSession  *session,
                const char *text)
{
  GListModel *categories = rg_session_get_categories (session);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);

      for (guint j = 0; j < g_list_model_get_n_items (criteria); j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, j);

          if (g_strcmp0 (rg_criterion_get_text (criterion), text) == 0)
            return criterion;
        }
    }

  return NULL;
}

static void
list_edit_undo_reopen (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "liste.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgCriteriaView *view = show_criteria (window);
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  RgCategory *child = category_at (session, 0);
  RgCategory *family = category_at (session, 1);
  g_autoptr(RgPartner) teacher = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autofree char *child_id = g_strdup (rg_category_get_id (child));
  g_autofree char *family_id = g_strdup (rg_category_get_id (family));
  RgCriterion *criterion;
  RgEditableText *text;
  GtkCheckButton *agreed;
  GtkToggleButton *chip;
  const char * const *indicators;

  /* What the example holds */
  g_assert_cmpstr (rg_criteria_view_get_mode (view), ==, "list");
  g_assert_cmpuint (rg_criteria_view_count_categories (view), ==, 4);
  g_assert_cmpuint (rg_criteria_view_count_criteria (view), ==, 9);
  g_assert_cmpstr (rg_editable_text_get_text (rg_criteria_view_get_category_name (view, child)),
                   ==, "Pour l'enfant");

  /* A criterion added and left empty goes away, leaving nothing to undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "criteria.add-criterion", "s", child_id));
  g_assert_cmpuint (rg_criteria_view_count_criteria (view), ==, 10);
  criterion = g_list_model_get_item (rg_category_get_criteria (child), 3);
  g_object_unref (criterion);
  type_into (rg_criteria_view_get_criterion_text (view, criterion), "  ");
  g_assert_cmpuint (rg_criteria_view_count_criteria (view), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (rg_category_get_criteria (child)), ==, 3);
  g_assert_false (rg_undo_stack_get_can_undo (rg_session_editor_get_undo_stack (rg_session_window_get_editor (window))));

  /* A new criterion in “Pour l'enfant”, its text being typed at once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "criteria.add-criterion", "s", child_id));
  g_assert_cmpuint (rg_criteria_view_count_criteria (view), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (rg_category_get_criteria (child)), ==, 4);
  criterion = g_list_model_get_item (rg_category_get_criteria (child), 3);
  g_object_unref (criterion);
  text = rg_criteria_view_get_criterion_text (view, criterion);
  g_assert_nonnull (text);
  type_into (text, "Adam lève la main en classe");
  g_assert_cmpstr (rg_criterion_get_text (criterion), ==, "Adam lève la main en classe");

  /* Its indicators, one per line */
  text = rg_criteria_view_get_criterion_indicators (view, criterion);
  rg_editable_text_start_editing (text);
  type_into (text, "Au moins une fois par jour\n\nDit par Mme Roussel");
  indicators = rg_criterion_get_indicators (criterion);
  g_assert_cmpuint (g_strv_length ((char **) indicators), ==, 2);
  g_assert_cmpstr (indicators[1], ==, "Dit par Mme Roussel");
  g_assert_cmpstr (rg_editable_text_get_text (text), ==, "Au moins une fois par jour\nDit par Mme Roussel");

  /* Proposed by the teacher: her chip */
  chip = rg_criteria_view_get_partner_chip (view, criterion, teacher);
  g_assert_nonnull (chip);
  g_assert_false (gtk_toggle_button_get_active (chip));
  /* As the keyboard does: Space activates the button, which is pressed a
   * moment, then toggles. */
  gtk_widget_activate (GTK_WIDGET (chip));
  g_assert_true (rg_test_wait_for ((gboolean (*) (gpointer)) gtk_toggle_button_get_active, chip, 2));
  g_assert_true (g_strv_contains (rg_criterion_get_proposed_by (criterion), rg_partner_get_id (teacher)));

  /* Agreed, with its check button */
  agreed = rg_criteria_view_get_agreed_button (view, criterion);
  g_assert_false (gtk_check_button_get_active (agreed));
  gtk_widget_activate (GTK_WIDGET (agreed));
  g_assert_true (rg_criterion_get_agreed (criterion));

  /* Undo takes each back, in turn, and the widgets follow. */
  undo (window);
  g_assert_false (rg_criterion_get_agreed (criterion));
  g_assert_false (gtk_check_button_get_active (agreed));
  undo (window);
  g_assert_false (gtk_toggle_button_get_active (chip));
  g_assert_cmpuint (g_strv_length ((char **) rg_criterion_get_proposed_by (criterion)), ==, 0);
  undo (window);
  g_assert_cmpuint (g_strv_length ((char **) rg_criterion_get_indicators (criterion)), ==, 0);
  g_assert_cmpstr (rg_editable_text_get_text (text), ==, "");
  undo (window);
  g_assert_cmpstr (rg_criterion_get_text (criterion), ==, "");
  undo (window);
  g_assert_cmpuint (rg_criteria_view_count_criteria (view), ==, 9);
  g_assert_null (rg_criteria_view_get_criterion_text (view, criterion));
  for (guint i = 0; i < 5; i++)
    redo (window);
  g_assert_cmpuint (rg_criteria_view_count_criteria (view), ==, 10);
  g_assert_true (rg_criterion_get_agreed (criterion));
  g_assert_true (gtk_check_button_get_active (rg_criteria_view_get_agreed_button (view, criterion)));
  g_assert_true (gtk_toggle_button_get_active (rg_criteria_view_get_partner_chip (view, criterion, teacher)));

  /* Reordering: “Pour l'enfant” goes below “Pour la famille” */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "criteria.move-category-down", "s", child_id));
  g_assert_true (category_at (session, 0) == family);
  g_assert_true (category_at (session, 1) == child);
  g_assert_cmpuint (rg_criteria_view_count_categories (view), ==, 4);
  g_assert_cmpuint (rg_criteria_view_count_criteria (view), ==, 10);
  undo (window);
  g_assert_true (category_at (session, 0) == child);
  redo (window);
  g_assert_true (category_at (session, 1) == child);

  /* Renaming in place */
  text = rg_criteria_view_get_category_name (view, family);
  rg_editable_text_start_editing (text);
  type_into (text, "Pour la famille Benali");
  g_assert_cmpstr (rg_category_get_name (family), ==, "Pour la famille Benali");

  /* Deleting a category; undo brings it back with its criteria. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "criteria.remove-category", "s", family_id));
  g_assert_cmpuint (rg_criteria_view_count_categories (view), ==, 3);
  g_assert_cmpuint (rg_criteria_view_count_criteria (view), ==, 8);
  undo (window);
  g_assert_cmpuint (rg_criteria_view_count_categories (view), ==, 4);
  g_assert_cmpuint (rg_criteria_view_count_criteria (view), ==, 10);
  g_assert_true (category_at (session, 0) == family);

  /* Closed and opened again, all of it is there. */
  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
  g_assert_null (rg_test_get_session_window (app));

  window = rg_test_open_session (app, file);
  view = show_criteria (window);
  session = rg_document_get_session (rg_session_window_get_document (window));
  g_assert_cmpuint (rg_criteria_view_count_categories (view), ==, 4);
  g_assert_cmpuint (rg_criteria_view_count_criteria (view), ==, 10);
  g_assert_cmpstr (rg_category_get_name (category_at (session, 0)), ==, "Pour la famille Benali");
  g_assert_cmpstr (rg_category_get_name (category_at (session, 1)), ==, "Pour l'enfant");
  criterion = find_criterion (session, "Adam lève la main en classe");
  g_assert_nonnull (criterion);
  g_assert_true (rg_criterion_get_agreed (criterion));
  g_assert_true (gtk_check_button_get_active (rg_criteria_view_get_agreed_button (view, criterion)));
  g_assert_cmpuint (g_strv_length ((char **) rg_criterion_get_indicators (criterion)), ==, 2);
  g_assert_true (g_strv_contains (rg_criterion_get_proposed_by (criterion), rg_partner_get_id (teacher)));

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

static gboolean
node_has_pixels (GskRenderNode *node,
                 int            x,
                 int            y,
                 guint32        expected)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, x + 1, y + 1);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel;

  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                        y * cairo_image_surface_get_stride (surface) + 4 * x);
  cairo_surface_destroy (surface);

  return pixel == expected;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

static void
map_draws_and_exports (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "carte.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgCriteriaView *view = show_criteria (window);
  GtkWidget *map = rg_criteria_view_get_map (view);
  g_autofree char *png_path = g_build_filename (test_dir, "carte.png", NULL);
  g_autofree char *svg_path = g_build_filename (test_dir, "carte.svg", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  cairo_rectangle_t centre, category_box;
  GskRenderNode *node;
  GtkSnapshot *snapshot;
  int width, height, cx, cy, kx, ky;

  g_assert_false (gtk_widget_get_mapped (map));
  rg_criteria_view_set_mode (view, "map");
  rg_test_iterate_until_idle ();
  g_assert_true (gtk_widget_get_mapped (map));
  g_assert_true (rg_test_wait_for (has_size, map, 5));
  width = gtk_widget_get_width (map);
  height = gtk_widget_get_height (map);
  g_assert_cmpint (width, >=, 640);
  g_assert_cmpint (height, >=, 360);

  /* The boxes the core lays out at the widget's size */
  {
    RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
    g_autoptr(RgCriteriaMap) layout = rg_criteria_map_new (session, width, height);

    g_assert_true (rg_criteria_map_get_node (layout, 0, NULL, &centre, NULL));
    g_assert_true (rg_criteria_map_get_node (layout, 1, NULL, &category_box, NULL));
  }
  cx = (int) (centre.x + centre.width / 2);
  cy = (int) centre.y + 3;
  kx = (int) category_box.x + 3;
  ky = (int) (category_box.y + category_box.height / 2);

  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (map)->snapshot (map, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  /* White at the corner, the dark situation box in the middle, the
   * first category in its colour */
  g_assert_true (node_has_pixels (node, 2, 2, 0xffffffff));
  g_assert_true (node_has_pixels (node, cx, cy, 0xff241f31));
  g_assert_true (node_has_pixels (node, kx, ky, 0xff1a5fb4));
  gsk_render_node_unref (node);

  /* A change of the session shows on the map: no category, no boxes
   * but the situation. */
  {
    RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
    RgSessionEditor *editor = rg_session_window_get_editor (window);

    while (g_list_model_get_n_items (rg_session_get_categories (session)) > 0)
      {
        g_autoptr(RgCategory) category = g_list_model_get_item (rg_session_get_categories (session), 0);

        rg_session_editor_remove_category (editor, category);
      }
    snapshot = gtk_snapshot_new ();
    GTK_WIDGET_GET_CLASS (map)->snapshot (map, snapshot);
    node = gtk_snapshot_free_to_node (snapshot);
    /* Where the first category was */
    g_assert_true (node_has_pixels (node, kx, ky, 0xffffffff));
    gsk_render_node_unref (node);
    for (guint i = 0; i < 4; i++)
      undo (window);
  }

  /* Exporting writes the files. */
  g_assert_true (rg_criteria_view_export (view, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png_path, &contents, NULL, &error));
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  g_clear_pointer (&contents, g_free);
  g_assert_true (rg_criteria_view_export (view, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "Pour le partenariat"));

  /* Through the button's action and its file chooser, as a person does */
  {
    g_autofree char *chosen = g_build_filename (test_dir, "choisie.svg", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (test_dir);
    GtkWidget *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "criteria.export", "s", "svg"));
    rg_test_iterate_until_idle ();
    dialog = rg_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "choisie.svg");
    /* The chooser checks the name asynchronously before it answers. */
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    g_assert_true (rg_test_wait_for (file_exists, chosen, 5));
  }

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

static void
empty_session_offers_usual_categories (RgApplication *app)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, "vide.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RgSessionWindow *window;
  RgCriteriaView *view;

  rg_session_set_title (session, "Vide");
  document = rg_document_new (session, file);
  g_assert_true (rg_document_save (document, NULL, &error));

  window = rg_test_open_session (app, file);
  view = show_criteria (window);
  g_assert_cmpuint (rg_criteria_view_count_categories (view), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "criteria.add-default-categories", NULL));
  g_assert_cmpuint (rg_criteria_view_count_categories (view), ==, 4);
  undo (window);
  g_assert_cmpuint (rg_criteria_view_count_categories (view), ==, 0);

  /* A new category's name is typed at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "criteria.add-category", NULL));
  g_assert_cmpuint (rg_criteria_view_count_categories (view), ==, 1);
  {
    RgSession *shown = rg_document_get_session (rg_session_window_get_document (window));
    RgCategory *category = category_at (shown, 0);

    type_into (rg_criteria_view_get_category_name (view, category), "Pour le quartier");
    g_assert_cmpstr (rg_category_get_name (category), ==, "Pour le quartier");
  }

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

static gboolean
has_action_target (GtkWidget     *widget,
                   gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* A click on a criterion edits it; Tab goes on to whether it is agreed
 * and met, its indicators and who proposed it, and only then to its
 * delete button. */
static void
list_click_and_tab (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "tab.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgCriteriaView *view = show_criteria (window);
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  RgCategory *child = category_at (session, 0);
  g_autoptr(RgCriterion) criterion = g_list_model_get_item (rg_category_get_criteria (child), 0);
  RgEditableText *text = rg_criteria_view_get_criterion_text (view, criterion);
  RgEditableText *indicators = rg_criteria_view_get_criterion_indicators (view, criterion);
  GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (text)));
  GtkWidget *focus;
  g_autofree char *typed = g_strconcat (rg_criterion_get_text (criterion), " chaque jour", NULL);

  rg_test_click (GTK_WIDGET (text), 1);
  g_assert_true (rg_editable_text_get_editing (text));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  rg_test_type_words (GTK_TEXT_VIEW (focus), " chaque jour");
  g_assert_cmpstr (rg_criterion_get_text (criterion), ==, typed);

  focus = rg_test_press_tab (GTK_WINDOW (window));
  g_assert_false (rg_editable_text_get_editing (text));
  g_assert_true (focus == GTK_WIDGET (rg_criteria_view_get_agreed_button (view, criterion)) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (rg_criteria_view_get_agreed_button (view, criterion))));
  focus = rg_test_press_tab (GTK_WINDOW (window));
  g_assert_true (focus == GTK_WIDGET (rg_criteria_view_get_met_button (view, criterion)) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (rg_criteria_view_get_met_button (view, criterion))));
  focus = rg_test_press_tab (GTK_WINDOW (window));
  g_assert_true (focus == GTK_WIDGET (indicators));

  /* Typing on the focused indicators edits them. */
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_A, GDK_SHIFT_MASK));
  g_assert_true (rg_editable_text_get_editing (indicators));
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Escape, 0));

  /* The chips of the partners, then the delete button, last of the row */
  for (guint n = 0; n < g_list_model_get_n_items (rg_session_get_partners (session)); n++)
    {
      focus = rg_test_press_tab (GTK_WINDOW (window));
      g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));
      g_assert_true (gtk_widget_is_ancestor (focus, row));
    }
  focus = rg_test_press_tab (GTK_WINDOW (window));
  g_assert_true (has_action_target (focus, "criteria.remove-criterion"));
  g_assert_true (rg_test_find_widget (row, has_action_target, "criteria.remove-criterion") == focus);

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

static gboolean
document_saved (gpointer data)
{
  return !rg_document_get_modified (data);
}

/* From the criterion's text, Tab twice and Space mark it met, as its
 * accessible name says; Ctrl+Z takes it back; the file keeps it. */
static void
list_met_by_keyboard (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "atteint.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgCriteriaView *view = show_criteria (window);
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  RgCategory *child = category_at (session, 0);
  g_autoptr(RgCriterion) criterion = g_list_model_get_item (rg_category_get_criteria (child), 1);
  g_autofree char *criterion_id = g_strdup (rg_criterion_get_id (criterion));
  RgEditableText *text = rg_criteria_view_get_criterion_text (view, criterion);
  GtkCheckButton *met = rg_criteria_view_get_met_button (view, criterion);
  g_autoptr(RgSession) on_disk = NULL;
  g_autofree char *label = NULL;
  GtkWidget *focus;
  gboolean agreed;

  g_assert_nonnull (met);
  agreed = rg_criterion_get_agreed (criterion);
  g_assert_false (rg_criterion_get_met (criterion));
  g_assert_false (gtk_check_button_get_active (met));
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (met)) == GTK_ACCESSIBLE_ROLE_CHECKBOX);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (met), GTK_ACCESSIBLE_PROPERTY_LABEL));
  /* GTK's test context answers with the value it holds */
  label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (met), GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
  g_assert_cmpstr (label, ==, "Met");

  rg_test_click (GTK_WIDGET (text), 1);
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Escape, 0));
  focus = rg_test_press_tab (GTK_WINDOW (window));
  focus = rg_test_press_tab (GTK_WINDOW (window));
  g_assert_true (focus == GTK_WIDGET (met) || gtk_widget_is_ancestor (focus, GTK_WIDGET (met)));
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_space, 0));
  g_assert_true (rg_criterion_get_met (criterion));
  g_assert_true (gtk_check_button_get_active (met));
  /* “Agreed” is another button: it stays as it was */
  g_assert_true (rg_criterion_get_agreed (criterion) == agreed);
  g_assert_true (gtk_check_button_get_active (rg_criteria_view_get_agreed_button (view, criterion)) == agreed);

  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_false (rg_criterion_get_met (criterion));
  g_assert_false (gtk_check_button_get_active (met));
  redo (window);
  g_assert_true (gtk_check_button_get_active (met));

  /* The autosave writes it */
  g_assert_true (rg_test_wait_for (document_saved, rg_session_window_get_document (window), 10));
  on_disk = rg_test_read_session (file);
  g_assert_true (rg_criterion_get_met (rg_session_find_criterion (on_disk, criterion_id, NULL)));

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  test_dir = g_build_filename (root, "sessions", NULL);
  g_assert_cmpint (g_mkdir_with_parents (test_dir, 0700), ==, 0);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  rg_test_add_app_func ("/criteria-view/list/edit-undo-reopen", list_edit_undo_reopen);
  rg_test_add_app_func ("/criteria-view/list/click-and-tab", list_click_and_tab);
  rg_test_add_app_func ("/criteria-view/list/met-by-keyboard", list_met_by_keyboard);
  rg_test_add_app_func ("/criteria-view/map/draws-and-exports", map_draws_and_exports);
  rg_test_add_app_func ("/criteria-view/list/usual-categories",
                        empty_session_offers_usual_categories);

  return g_test_run ();
}
