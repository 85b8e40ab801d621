/* test-grid-accessibility.c — the diagnosis as a screen reader reads it, under Xvfb
 *
 * What GTK gives a screen reader of the diagnosis grid, read back from
 * GTK's test accessibility backend: headers with their roles and
 * names, texts with their text as description, cards with their links
 * and their place, why F8 brought the keyboard to a card, the card
 * menu's kinds and links, and where the keyboard is at start and after
 * Delete then Ctrl+Z typed as keys. The expected values are written by
 * hand from the example session (data/examples/exemple-eleve-a.regards):
 * columns Mme Roussel, Mme Perrin, M. Kessler, Mme Aubry, Mme Fontaine,
 * Mme Benali; rows Scolarité et apprentissages, Santé et développement…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rg-application.h"
#include "rg-diagnosis-grid.h"
#include "rg-diagnosis-view.h"
#include "rg-editable-text.h"
#include "rg-session-window.h"
#include "rg-test-app.h"
#include "rg-test-editing.h"
#include "rg-test-utils.h"

static char *test_dir;

/* The statements of the example session the tests name */
#define ROUSSEL_TIREDNESS "3b27dcf3-ec1d-517d-a823-716c2373ad6e"
#define BENALI_TIREDNESS "3ea38a9e-6148-536b-8f85-7da2188e9858"
#define ROUSSEL_READING "1941b999-0289-5567-b46e-68a167c2141a"

#define DIVERGENCE_NOTE "Deux lectures de la même fatigue : manque de motivation pour Mme " \
                        "Roussel, sommeil et logement pour Mme Benali. On observe jusqu'à la " \
                        "prochaine revue, après le bilan visuel."

/* A property GTK holds for @widget, or NULL: GTK's test context answers
 * with the value it holds when asked for another one. */
static char *
accessible_property (GtkWidget             *widget,
                     GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;

  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
}

static void
assert_property (GtkWidget             *widget,
                 GtkAccessibleProperty  property,
                 const char            *expected)
{
  g_autofree char *value = accessible_property (widget, property);

  g_assert_cmpstr (value, ==, expected);
}

static RgSessionWindow *
open_example (RgApplication *app,
              const char    *name)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, name);

  return rg_test_open_session (app, file);
}

static RgDiagnosisView *
get_view (RgSessionWindow *window)
{
  return RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
}

static RgStatement *
find_statement (RgSessionWindow *window,
                const char      *id)
{
  return rg_session_find_statement (rg_document_get_session (rg_session_window_get_document (window)), id);
}

/* The row of the list of its cell that holds the card of @statement,
 * which is what takes the focus */
static GtkWidget *
card_row (RgSessionWindow *window,
          guint            column,
          guint            row,
          const char      *id)
{
  RgDiagnosisCell *cell = rg_diagnosis_view_get_cell (get_view (window), column, row);
  RgStatementCard *card;

  rg_diagnosis_cell_populate (cell);
  card = rg_diagnosis_cell_get_card (cell, find_statement (window, id));
  g_assert_nonnull (card);

  return gtk_widget_get_parent (GTK_WIDGET (card));
}

static gboolean
is_header (GtkWidget     *widget,
           gconstpointer  role)
{
  return (int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GPOINTER_TO_INT (role);
}

/* The synthesis text of the dimension of @row */
static GtkWidget *
synthesis_text (RgSessionWindow *window,
                guint            row)
{
  GtkWidget *grid = rg_test_find_widget (GTK_WIDGET (get_view (window)), rg_test_is_of_type,
                                         GSIZE_TO_POINTER (RG_TYPE_DIAGNOSIS_GRID));
  GtkWidget *footer = rg_diagnosis_grid_get_row_footer (RG_DIAGNOSIS_GRID (grid), row);

  g_assert_nonnull (footer);
  return g_object_get_data (G_OBJECT (footer), "text");
}

static gboolean
is_editable_text (GtkWidget     *widget,
                  gconstpointer  data)
{
  return RG_IS_EDITABLE_TEXT (widget);
}

/* Column and row headers: header roles, the partner's name and
 * profession, the dimension's name. */
static void
headers (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "headers.regards");
  GtkWidget *view = GTK_WIDGET (get_view (window));
  GtkWidget *column = rg_test_find_widget (view, is_header, GINT_TO_POINTER (GTK_ACCESSIBLE_ROLE_COLUMN_HEADER));
  GtkWidget *row = rg_test_find_widget (view, is_header, GINT_TO_POINTER (GTK_ACCESSIBLE_ROLE_ROW_HEADER));

  g_assert_nonnull (column);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  assert_property (column, GTK_ACCESSIBLE_PROPERTY_LABEL, "Mme Roussel, Enseignante de CM1");

  g_assert_nonnull (row);
  assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Scolarité et apprentissages");

  /* The grid, and a cell by whose and where */
  {
    RgDiagnosisCell *cell = rg_diagnosis_view_get_cell (RG_DIAGNOSIS_VIEW (view), 5, 1);

    assert_property (gtk_widget_get_ancestor (GTK_WIDGET (cell), RG_TYPE_DIAGNOSIS_GRID),
                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Diagnosis");
    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_GRID_CELL);
    assert_property (GTK_WIDGET (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                     "Mme Benali, Santé et développement");
  }

  /* A renamed dimension is read by its new name. */
  {
    RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
    g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session), 0);

    g_object_set (dimension, "name", "École", NULL);
    rg_test_iterate_until_idle ();
    row = rg_test_find_widget (view, is_header, GINT_TO_POINTER (GTK_ACCESSIBLE_ROLE_ROW_HEADER));
    assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, "École");
  }

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* An editable text reads as its text, or its placeholder when empty;
 * the synthesis is named after its dimension, a card's text after its
 * author and dimension. */
static void
texts (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "texts.regards");
  GtkWidget *synthesis = synthesis_text (window, 0);
  GtkWidget *empty = synthesis_text (window, 4);
  GtkWidget *text;

  assert_property (synthesis, GTK_ACCESSIBLE_PROPERTY_LABEL, "Synthesis of Scolarité et apprentissages");
  assert_property (synthesis, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                   "Adam comprend bien à l'oral et raisonne vite, surtout en calcul. La lecture "
                   "reste lente et coûteuse, et lire à voix haute devant la classe le met en "
                   "difficulté. Les absences du lundi matin tiennent surtout à l'organisation de "
                   "la famille. On parle de signaux de décrochage en lecture, pas de décrochage "
                   "scolaire.");
  assert_property (empty, GTK_ACCESSIBLE_PROPERTY_LABEL, "Synthesis of Comportement et relations");
  assert_property (empty, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "What the team agrees on (Enter to write)");

  /* The description follows the text as it is typed. */
  gtk_widget_grab_focus (empty);
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  rg_test_type_words (GTK_TEXT_VIEW (gtk_window_get_focus (GTK_WINDOW (window))), "Calme en classe");
  assert_property (empty, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Calme en classe");
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Return, 0));

  /* The card's text, looked for once the typing is over: writing the
   * synthesis below scrolled to it, and a cell far from the view may
   * have let its cards go meanwhile */
  text = rg_test_find_widget (card_row (window, 0, 0, ROUSSEL_READING), is_editable_text, NULL);
  g_assert_nonnull (text);
  assert_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL,
                   "Statement by Mme Roussel in Scolarité et apprentissages");
  assert_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                   "En septembre, Adam lisait 45 mots par minute ; en début de CM1, on attend plutôt 90.");

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* A card's description: its links, then its place in its cell */
static void
card_description (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "cards.regards");

  /* Mme Roussel's first statement in Scolarité: an agreement with Mme
   * Aubry and Mme Benali, settled, with its note; 1 of her 6 there. */
  assert_property (card_row (window, 0, 0, ROUSSEL_READING), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                   "Agreement with Mme Aubry, Mme Benali, settled: Tout le monde constate une "
                   "lecture lente et coûteuse, alors que la compréhension orale est bonne. 1 of 6");
  /* Her second in Santé: the open divergence with Mme Benali. */
  assert_property (card_row (window, 0, 1, ROUSSEL_TIREDNESS), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                   "Divergence with Mme Benali, open: " DIVERGENCE_NOTE " 2 of 2");

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* At start, the keyboard is on the first card; F8 then goes to the
 * first open divergence, which says why first. */
static void
start_and_f8 (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "start.regards");
  GtkWidget *first = card_row (window, 0, 0, ROUSSEL_READING);
  GtkWidget *divergence = card_row (window, 0, 1, ROUSSEL_TIREDNESS);

  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == first);

  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_F8, 0));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == divergence);
  assert_property (divergence, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                   "Divergence, open: Divergence with Mme Benali, open: " DIVERGENCE_NOTE " 2 of 2");

  /* Left, it is read as always. */
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Up, 0));
  assert_property (divergence, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                   "Divergence with Mme Benali, open: " DIVERGENCE_NOTE " 2 of 2");

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

static GtkWidget *
find_popover (GtkWidget *card)
{
  for (GtkWidget *child = gtk_widget_get_first_child (card); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child) && gtk_widget_get_visible (child))
      return child;

  return NULL;
}

/* The model button of the menu named @label */
static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0)
    return FALSE;

  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

/* The card menu: the kind checked as a radio item; a Links submenu
 * that takes the keyboard to a linked statement. */
static void
card_menu (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "menu.regards");
  RgDiagnosisView *view = get_view (window);
  GtkWidget *row = card_row (window, 0, 0, ROUSSEL_READING);
  GtkWidget *card = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *popover, *interpretation, *fact, *link;

  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == row);
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Menu, 0));
  popover = find_popover (card);
  g_assert_nonnull (popover);

  /* The statement is an observed fact */
  interpretation = rg_test_find_widget (popover, has_label, "Interpretation");
  fact = rg_test_find_widget (popover, has_label, "Observed fact");
  g_assert_nonnull (interpretation);
  g_assert_nonnull (fact);
  /* A radio item (GtkModelButton gives the role to its AT context
   * alone, which GTK 4.8's test API does not read): its state says it. */
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (fact), GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (interpretation), GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);

  /* The Links submenu leads to Mme Aubry's statement, the first 60
   * characters of it. */
  link = rg_test_find_widget (popover, has_label,
                              "Agreement, settled: Mme Aubry, “Au bilan d'octobre, la compréhension "
                              "orale et le raisonnemen…”");
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  rg_test_iterate_until_idle ();
  g_assert_true (rg_diagnosis_view_get_focused_cell (view) == rg_diagnosis_view_get_cell (view, 3, 0));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) ==
                 card_row (window, 3, 0, "56efa317-94ae-5aea-b051-81bcbaa65329"));

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* Tab from a card with links goes through its badges, then on to the
 * next cell; Shift+Tab comes back through them. */
static void
badges_by_tab (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "badges.regards");
  RgDiagnosisView *view = get_view (window);
  GtkWidget *row = card_row (window, 0, 1, ROUSSEL_TIREDNESS);
  GtkWidget *focus, *badge;

  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 1, 1));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == row);
  /* Brought into view, as it is by the time a key is pressed */
  g_assert_true (rg_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped, row, 5));

  /* Its one badge: the open divergence */
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  badge = gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_is_ancestor (badge, row));
  assert_property (focus, GTK_ACCESSIBLE_PROPERTY_LABEL, "Divergence, open: " DIVERGENCE_NOTE);

  /* Then Mme Perrin's cell in Santé */
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  g_assert_true (rg_diagnosis_view_get_focused_cell (view) == rg_diagnosis_view_get_cell (view, 1, 1));

  /* Back from the badge to the card */
  g_assert_true (rg_diagnosis_view_focus_cell (view, 0, 1, 1));
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == row);

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* Delete then Ctrl+Z, typed: the toast is said where the keyboard is,
 * and the keyboard is on the card brought back. */
static void
delete_undo (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "undo.regards");
  GtkWidget *row = card_row (window, 0, 0, ROUSSEL_READING);
  GtkWidget *focus;

  gtk_widget_grab_focus (row);
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Delete, 0));
  g_assert_null (find_statement (window, ROUSSEL_READING));

  /* The next card has the keyboard, and says what happened. */
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  assert_property (focus, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Statement deleted. Undo with Ctrl+Z.");

  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_nonnull (find_statement (window, ROUSSEL_READING));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == card_row (window, 0, 0, ROUSSEL_READING));

  /* Redone, then undone again: still on it */
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_null (find_statement (window, ROUSSEL_READING));
  g_assert_nonnull (gtk_window_get_focus (GTK_WINDOW (window)));
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == card_row (window, 0, 0, ROUSSEL_READING));

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

static gboolean
dialog_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

/* A dialog that took the focus away gives it back, once closed, to
 * what opened it. */
static void
dialog_gives_focus_back (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "dialog.regards");
  GtkWidget *row = card_row (window, 0, 1, ROUSSEL_TIREDNESS);
  GtkWidget *dialog = NULL;

  g_assert_true (rg_diagnosis_view_focus_cell (get_view (window), 0, 1, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.details", NULL));
  rg_test_iterate_until_idle ();
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        dialog = GTK_WIDGET (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (window)));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (rg_test_wait_for (dialog_gone, &dialog, 5));
  gtk_window_present (GTK_WINDOW (window));
  rg_test_wait_for ((gboolean (*) (gpointer)) gtk_window_is_active, window, 5);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == row);

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* Undoing a text's change leaves the keyboard on that text. */
static void
undo_keeps_text (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "undo-text.regards");
  GtkWidget *synthesis = synthesis_text (window, 0);

  gtk_widget_grab_focus (synthesis);
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  rg_test_type_words (GTK_TEXT_VIEW (gtk_window_get_focus (GTK_WINDOW (window))), " encore");
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == synthesis);
  g_assert_true (g_str_has_suffix (rg_editable_text_get_text (RG_EDITABLE_TEXT (synthesis)), " encore"));

  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_false (g_str_has_suffix (rg_editable_text_get_text (RG_EDITABLE_TEXT (synthesis)), " encore"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == synthesis);

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* Names in the grid: no toolkit type, no mnemonic, no word twice in a row
 * of words ("Add Add a statement") */
static gboolean
has_repeated_start (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);

  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++)
    if (words[i][0] != '\0' && g_utf8_collate (words[i], words[i + 1]) == 0)
      return TRUE;

  return FALSE;
}

static void
collect_bad_names (GtkWidget *widget,
                   GString   *found,
                   guint     *n_named)
{
  g_autofree char *name = NULL;

  /* What a screen reader sees */
  if (!gtk_widget_get_realized (widget))
    return;

  name = accessible_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (name != NULL)
    {
      (*n_named)++;
      if (strstr (name, "Gtk") != NULL || strstr (name, "Adw") != NULL || strstr (name, "Rg") != NULL ||
          strchr (name, '_') != NULL || has_repeated_start (name))
        g_string_append_printf (found, "%s “%s”\n", G_OBJECT_TYPE_NAME (widget), name);
    }
  else if (gtk_widget_get_focusable (widget) && !GTK_IS_TEXT_VIEW (widget) && !GTK_IS_SCROLLED_WINDOW (widget))
    g_string_append_printf (found, "%s without a name\n", G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_bad_names (child, found, n_named);
}

static void
names (RgApplication *app)
{
  RgSessionWindow *window = open_example (app, "names.regards");
  RgDiagnosisView *view = get_view (window);
  g_autoptr(GString) found = g_string_new (NULL);
  guint n_named = 0;

  rg_diagnosis_view_focus_cell (view, 2, 0, 0); /* an empty cell: its Add button */
  rg_test_iterate_until_idle ();
  collect_bad_names (GTK_WIDGET (view), found, &n_named);
  g_assert_cmpuint (n_named, >, 30);
  if (found->len > 0)
    g_error ("Bad accessible names in the diagnosis:\n%s", found->str);

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

  rg_test_add_app_func ("/grid-accessibility/headers", headers);
  rg_test_add_app_func ("/grid-accessibility/texts", texts);
  rg_test_add_app_func ("/grid-accessibility/card-description", card_description);
  rg_test_add_app_func ("/grid-accessibility/start-and-f8", start_and_f8);
  rg_test_add_app_func ("/grid-accessibility/card-menu", card_menu);
  rg_test_add_app_func ("/grid-accessibility/badges-by-tab", badges_by_tab);
  rg_test_add_app_func ("/grid-accessibility/delete-undo", delete_undo);
  rg_test_add_app_func ("/grid-accessibility/undo-keeps-text", undo_keeps_text);
  rg_test_add_app_func ("/grid-accessibility/dialog-gives-focus-back", dialog_gives_focus_back);
  rg_test_add_app_func ("/grid-accessibility/names", names);

  return g_test_run ();
}
