/* test-glossary-view.c — the glossary driven for real, under Xvfb: what
 * each partner means by a word, edited, undone, saved and reopened, and
 * the words of the glossary as links in the statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rg-application.h"
#include "rg-document.h"
#include "rg-editable-text.h"
#include "rg-glossary-view.h"
#include "rg-session-window.h"
#include "rg-session-xml.h"
#include "rg-statement-card.h"
#include "rg-test-app.h"
#include "rg-test-editing.h"
#include "rg-test-utils.h"

/* In data/examples/exemple-eleve-a.regards */
#define DECROCHAGE_ID "58a3ec35-d128-5192-8cb3-fcc0c8b53629"
#define AUTONOMIE_ID  "6ef97e9d-42b8-551e-9925-54a3e3fedc4a"
#define ROUSSEL_ID    "5c77715a-04fb-5006-a222-213ad9aa9a75"
#define PERRIN_ID     "a0f18bc7-278b-5148-85ad-f138015dfba4"
#define KESSLER_STATEMENT_ID "79d4f798-46f7-5136-b13c-9a073f1b5576"

static char *test_dir;

/* {{{ Finding widgets */

static gboolean
is_meaning_of (GtkWidget     *widget,
               gconstpointer  partner_id)
{
  return RG_IS_EDITABLE_TEXT (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "partner-id"), partner_id) == 0;
}

static gboolean
is_toggle_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
is_card_of (GtkWidget     *widget,
            gconstpointer  statement_id)
{
  return RG_IS_STATEMENT_CARD (widget) &&
         g_str_equal (rg_statement_get_id (rg_statement_card_get_statement (RG_STATEMENT_CARD (widget))),
                      statement_id);
}

static RgGlossaryView *
get_glossary_view (RgSessionWindow *window)
{
  GtkWidget *view = rg_test_find_widget (GTK_WIDGET (window), rg_test_is_of_type,
                                 GSIZE_TO_POINTER (RG_TYPE_GLOSSARY_VIEW));

  g_assert_nonnull (view);
  return RG_GLOSSARY_VIEW (view);
}

static AdwViewStack *
get_view_stack (RgSessionWindow *window)
{
  GtkWidget *stack = rg_test_find_widget (GTK_WIDGET (window), rg_test_is_of_type,
                                  GSIZE_TO_POINTER (ADW_TYPE_VIEW_STACK));

  g_assert_nonnull (stack);
  return ADW_VIEW_STACK (stack);
}

static GtkListBox *
get_term_list (RgGlossaryView *view)
{
  GtkWidget *list = rg_test_find_widget (GTK_WIDGET (view), rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static const char *
row_word (GtkListBox *list,
          guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  GtkWidget *label = rg_test_find_widget (GTK_WIDGET (row), rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL));

  return gtk_label_get_label (GTK_LABEL (label));
}

static void
activate_row (GtkListBox *list,
              guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_signal_emit_by_name (row, "activate");
  rg_test_iterate_until_idle ();
}

static RgEditableText *
get_meaning (RgGlossaryView *view,
             const char     *partner_id)
{
  GtkWidget *text = rg_test_find_widget (GTK_WIDGET (view), is_meaning_of, partner_id);

  g_assert_nonnull (text);
  return RG_EDITABLE_TEXT (text);
}

/* Types @text as the coordinator would: the meaning has the focus,
 * Enter opens the editor, the text is typed, and when editing ends the
 * focus is back on the meaning. */
static void
type_into (RgEditableText *editable,
           const char     *text)
{
  GtkWidget *focus;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (editable)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (editable)));
  g_assert_true (rg_test_press_key (GTK_WIDGET (editable), GDK_KEY_Return, 0));
  g_assert_true (rg_editable_text_get_editing (editable));
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (editable)));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (editable)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), text, -1);
  rg_editable_text_stop_editing (editable);
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (editable))) ==
                 GTK_WIDGET (editable));
}

/* }}} */

static void
edit_undo_and_reopen (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "glossaire.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  RgGlossaryView *view = get_glossary_view (window);
  GtkListBox *list = get_term_list (view);
  RgTerm *autonomie = rg_session_find_term (session, AUTONOMIE_ID);
  RgTerm *added;
  g_autofree char *added_id = NULL;
  RgEditableText *meaning;
  GtkWidget *agreed, *open, *entry, *focus;
  g_autoptr(RgSession) reopened = NULL;
  RgTerm *copy;

  adw_view_stack_set_visible_child_name (get_view_stack (window), "glossary");
  rg_test_iterate_until_idle ();

  /* The two words of the example, in their order. */
  g_assert_cmpuint (count_rows (list), ==, 2);
  g_assert_cmpstr (row_word (list, 0), ==, "décrochage");
  g_assert_cmpstr (row_word (list, 1), ==, "autonomie");

  /* Activating a row (a click, or Enter) shows its word with each
   * partner's meaning. */
  activate_row (list, 1);
  g_assert_true (rg_glossary_view_get_term (view) == autonomie);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (get_meaning (view, ROUSSEL_ID))));
  meaning = get_meaning (view, ROUSSEL_ID);
  g_assert_cmpstr (rg_editable_text_get_text (meaning), ==, rg_term_get_meaning (autonomie, ROUSSEL_ID));
  /* Mme Perrin said nothing yet: her column is there, empty. */
  g_assert_null (rg_editable_text_get_text (get_meaning (view, PERRIN_ID)));

  /* Typing a meaning, then undoing it. */
  type_into (get_meaning (view, PERRIN_ID), "Être capable de demander de l'aide.");
  g_assert_cmpstr (rg_term_get_meaning (autonomie, PERRIN_ID), ==, "Être capable de demander de l'aide.");
  g_assert_cmpstr (rg_editable_text_get_text (get_meaning (view, PERRIN_ID)), ==,
                   "Être capable de demander de l'aide.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_null (rg_term_get_meaning (autonomie, PERRIN_ID));
  g_assert_null (rg_editable_text_get_text (get_meaning (view, PERRIN_ID)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.redo", NULL));
  g_assert_cmpstr (rg_editable_text_get_text (get_meaning (view, PERRIN_ID)), ==,
                   "Être capable de demander de l'aide.");

  /* The status, from its toggle buttons, undoably. */
  agreed = rg_test_find_widget (GTK_WIDGET (view), is_toggle_labelled, "A_greed");
  open = rg_test_find_widget (GTK_WIDGET (view), is_toggle_labelled, "_Open");
  g_assert_nonnull (agreed);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (open)));
  g_signal_emit_by_name (agreed, "clicked");
  g_assert_cmpint (rg_term_get_status (autonomie), ==, RG_TERM_STATUS_AGREED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpint (rg_term_get_status (autonomie), ==, RG_TERM_STATUS_OPEN);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (open)));
  g_signal_emit_by_name (agreed, "clicked");

  /* Renaming, from its button: the row follows, undo takes it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "glossary.rename-term", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), "  Autonomie ", -1);
  rg_editable_text_stop_editing (RG_EDITABLE_TEXT (gtk_widget_get_ancestor (focus, RG_TYPE_EDITABLE_TEXT)));
  g_assert_cmpstr (rg_term_get_word (autonomie), ==, "Autonomie");
  g_assert_cmpstr (row_word (list, 1), ==, "Autonomie");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 rg_test_find_widget (GTK_WIDGET (view), has_action, "glossary.rename-term"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpstr (row_word (list, 1), ==, "autonomie");

  /* A new word, typed in the entry: listed, and shown. */
  entry = rg_test_find_widget (GTK_WIDGET (view), rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), "réussite");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (count_rows (list), ==, 3);
  g_assert_cmpstr (row_word (list, 2), ==, "réussite");
  added = rg_glossary_view_get_term (view);
  g_assert_cmpstr (rg_term_get_word (added), ==, "réussite");
  added_id = g_strdup (rg_term_get_id (added));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  /* The same word again is not a second term. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "RÉUSSITE");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "glossary.add-term", NULL));
  g_assert_cmpuint (count_rows (list), ==, 3);
  type_into (get_meaning (view, ROUSSEL_ID), "Progresser à son rythme.");

  /* Deleting a word, then taking it back with undo: at its place. */
  rg_glossary_view_show_term (view, rg_session_find_term (session, DECROCHAGE_ID));
  g_assert_true (gtk_widget_is_sensitive (rg_test_find_widget (GTK_WIDGET (view), has_action,
                                                      "glossary.remove-term")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "glossary.remove-term", NULL));
  g_assert_cmpuint (count_rows (list), ==, 2);
  g_assert_null (rg_session_find_term (session, DECROCHAGE_ID));
  /* The next word is shown. */
  g_assert_true (rg_glossary_view_get_term (view) == autonomie);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpuint (count_rows (list), ==, 3);
  g_assert_cmpstr (row_word (list, 0), ==, "décrochage");

  /* A partner who joins gets a column, last, as in the diagnosis. */
  {
    RgPartner *partner = rg_session_editor_add_partner (rg_session_window_get_editor (window),
                                                        "M. Durand", "Infirmier scolaire", NULL);
    g_autofree char *partner_id = g_strdup (rg_partner_get_id (partner));
    GtkWidget *flow = gtk_widget_get_ancestor (GTK_WIDGET (get_meaning (view, partner_id)),
                                               GTK_TYPE_FLOW_BOX);
    GtkWidget *last = gtk_widget_get_last_child (flow);

    g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (get_meaning (view, partner_id)), last));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
    g_assert_null (rg_test_find_widget (GTK_WIDGET (view), is_meaning_of, partner_id));
  }

  /* Closing writes it all; reopened, it is all there. */
  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();

  reopened = rg_test_read_session (file);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_terms (reopened)), ==, 3);
  copy = rg_session_find_term (reopened, AUTONOMIE_ID);
  g_assert_cmpstr (rg_term_get_meaning (copy, PERRIN_ID), ==, "Être capable de demander de l'aide.");
  g_assert_cmpint (rg_term_get_status (copy), ==, RG_TERM_STATUS_AGREED);
  copy = rg_session_find_term (reopened, added_id);
  g_assert_nonnull (copy);
  g_assert_cmpstr (rg_term_get_meaning (copy, ROUSSEL_ID), ==, "Progresser à son rythme.");

  window = rg_test_open_session (app, file);
  adw_view_stack_set_visible_child_name (get_view_stack (window), "glossary");
  view = get_glossary_view (window);
  list = get_term_list (view);
  g_assert_cmpuint (count_rows (list), ==, 3);
  g_assert_cmpstr (row_word (list, 2), ==, "réussite");
  activate_row (list, 1);
  g_assert_cmpstr (rg_editable_text_get_text (get_meaning (view, PERRIN_ID)), ==,
                   "Être capable de demander de l'aide.");
  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

static void
statement_links (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "liens.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  RgTerm *decrochage = rg_session_find_term (session, DECROCHAGE_ID);
  GtkWidget *card, *text;
  GtkLabel *label;
  gboolean handled = FALSE;

  /* M. Kessler's statement says “décrochage” twice: both are links to
   * the term. */
  card = rg_test_find_widget (rg_session_window_get_diagnosis_view (window), is_card_of, KESSLER_STATEMENT_ID);
  g_assert_nonnull (card);
  text = rg_test_find_widget (card, rg_test_is_of_type, GSIZE_TO_POINTER (RG_TYPE_EDITABLE_TEXT));
  label = rg_editable_text_get_label (RG_EDITABLE_TEXT (text));
  g_assert_true (gtk_label_get_use_markup (label));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<a href=\"term:" DECROCHAGE_ID "\""));
  g_assert_nonnull (strstr (gtk_label_get_label (label), ">décrochage</a>. Il vient"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), ">décrochage</a>, je le vois"));
  /* The text shown is still the statement's. */
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   rg_statement_get_text (rg_statement_card_get_statement (RG_STATEMENT_CARD (card))));

  /* Other case, no accent, a plural, and characters markup would take
   * for its own: still links, and still the text as typed. */
  {
    RgStatement *statement = rg_statement_card_get_statement (RG_STATEMENT_CARD (card));
    const char *typed = "DECROCHAGES & <Autonomie> ; décrochageÌ ? non : décrocher";

    rg_session_editor_set (rg_session_window_get_editor (window), "Edit", statement, "text", typed);
    g_assert_cmpstr (gtk_label_get_text (label), ==, typed);
    g_assert_nonnull (strstr (gtk_label_get_label (label),
                              "\">DECROCHAGES</a> &amp; &lt;<a href=\"term:" AUTONOMIE_ID "\""));
    g_assert_nonnull (strstr (gtk_label_get_label (label), "\">Autonomie</a>&gt;"));
    /* Not “décrocher”: another word. */
    g_assert_nonnull (strstr (gtk_label_get_label (label), " : décrocher"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
    g_assert_nonnull (strstr (gtk_label_get_label (label), ">décrochage</a>. Il vient"));
  }

  /* Renamed, the word is no longer found; undone, it is again. */
  rg_session_editor_set (rg_session_window_get_editor (window), "Rename", decrochage, "word", "absentéisme");
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_true (gtk_label_get_use_markup (label));

  /* Activating the link from the keyboard opens the glossary on its
   * word. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (get_view_stack (window)), ==, "diagnosis");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (label), GTK_DIR_TAB_FORWARD));
  g_signal_emit_by_name (label, "activate-current-link");
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (get_view_stack (window)), ==, "glossary");
  g_assert_true (rg_glossary_view_get_term (get_glossary_view (window)) == decrochage);

  /* And so does a click, through the label's own signal. */
  adw_view_stack_set_visible_child_name (get_view_stack (window), "diagnosis");
  rg_glossary_view_show_term (get_glossary_view (window), rg_session_find_term (session, AUTONOMIE_ID));
  g_signal_emit_by_name (label, "activate-link", "term:" DECROCHAGE_ID, &handled);
  g_assert_true (handled);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (get_view_stack (window)), ==, "glossary");
  g_assert_true (rg_glossary_view_get_term (get_glossary_view (window)) == decrochage);

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

static void
empty_glossary (RgApplication *app)
{
  g_autofree char *path = g_build_filename (test_dir, "vide.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgDocument) document = rg_document_new (session, file);
  g_autoptr(GError) error = NULL;
  RgSessionWindow *window;
  RgGlossaryView *view;
  GtkWidget *status_page;
  GtkWidget *delete_button;

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  window = rg_test_open_session (app, file);
  view = get_glossary_view (window);
  g_assert_cmpuint (count_rows (get_term_list (view)), ==, 0);
  g_assert_null (rg_glossary_view_get_term (view));
  status_page = rg_test_find_widget (GTK_WIDGET (view), rg_test_is_of_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE));
  g_assert_true (gtk_widget_get_child_visible (status_page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==, "No Words to Clarify");
  /* Nothing to delete. */
  delete_button = rg_test_find_widget (GTK_WIDGET (view), has_action, "glossary.remove-term");
  g_assert_nonnull (delete_button);
  g_assert_false (gtk_widget_is_sensitive (delete_button));

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* The tab of the view shown, in the header's view switcher */
static gboolean
is_shown_view_tab (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)) &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER) != NULL;
}

/* A click on a meaning edits it, the keys typed go into it (a space
 * too, which once pressed the view switcher's button), and Tab from
 * the last meaning goes on to the agreed one, in the view. */
static void
click_type_and_tab (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "clic.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  RgTerm *autonomie = rg_session_find_term (session, AUTONOMIE_ID);
  AdwViewStack *stack = get_view_stack (window);
  RgGlossaryView *view = get_glossary_view (window);
  RgEditableText *meaning, *last, *agreed;
  GtkWidget *focus, *tab;
  GListModel *partners;

  /* The view is shown as a click on its tab shows it: the tab keeps
   * the focus. */
  adw_view_stack_set_visible_child_name (stack, "glossary");
  rg_test_iterate_until_idle ();
  activate_row (get_term_list (view), 1);
  g_assert_true (rg_glossary_view_get_term (view) == autonomie);
  tab = rg_test_find_widget (GTK_WIDGET (window), is_shown_view_tab, NULL);
  g_assert_nonnull (tab);
  g_assert_true (gtk_widget_grab_focus (tab));

  /* One click on Mme Perrin's meaning, then typing, a space first. */
  meaning = get_meaning (view, PERRIN_ID);
  rg_test_click (GTK_WIDGET (meaning), 1);
  g_assert_true (rg_editable_text_get_editing (meaning));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (meaning)));
  rg_test_type_words (GTK_TEXT_VIEW (focus), "Savoir demander de l'aide");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "glossary");
  g_assert_cmpstr (rg_term_get_meaning (autonomie, PERRIN_ID), ==, "Savoir demander de l'aide");

  /* Enter ends the typing; on the meaning, focused, a key typed edits
   * it again, and a space is a space, not a click on a view's tab. */
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_false (rg_editable_text_get_editing (meaning));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (meaning));
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_space, 0));
  g_assert_true (rg_editable_text_get_editing (meaning));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "glossary");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  rg_test_type_words (GTK_TEXT_VIEW (focus), "seule");
  g_assert_cmpstr (rg_term_get_meaning (autonomie, PERRIN_ID), ==, "Savoir demander de l'aide seule");
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  /* And a letter, accented, starts it with that letter. */
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_eacute, 0));
  g_assert_true (rg_editable_text_get_editing (meaning));
  g_assert_cmpstr (rg_term_get_meaning (autonomie, PERRIN_ID), ==, "Savoir demander de l'aide seuleé");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), "Savoir demander de l'aide seule", -1);
  g_assert_true (rg_test_type_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_cmpstr (rg_term_get_meaning (autonomie, PERRIN_ID), ==, "Savoir demander de l'aide seule");

  /* Tab from the last partner's meaning: the agreed meaning, in the
   * view. */
  partners = rg_session_get_partners (session);
  {
    g_autoptr(RgPartner) partner = g_list_model_get_item (partners, g_list_model_get_n_items (partners) - 1);

    last = get_meaning (view, rg_partner_get_id (partner));
  }
  rg_test_click (GTK_WIDGET (last), 1);
  g_assert_true (rg_editable_text_get_editing (last));
  focus = rg_test_press_tab (GTK_WINDOW (window));
  g_assert_false (rg_editable_text_get_editing (last));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (view)));
  agreed = RG_EDITABLE_TEXT (focus);
  g_assert_cmpstr (rg_editable_text_get_placeholder (agreed), ==,
                   "What the whole team means by this word — Enter to write");

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
}

/* From the word's status, Tab goes through what each partner means, in
 * the order of the columns, then the agreed meaning, and only then the
 * delete button: a screen reader user reaches every meaning by Tab. */
static void
tab_reaches_every_meaning (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "tab.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  AdwViewStack *stack = get_view_stack (window);
  RgGlossaryView *view = get_glossary_view (window);
  GListModel *partners = rg_session_get_partners (session);
  guint n_partners = g_list_model_get_n_items (partners);
  guint next_partner = 0;
  gboolean agreed_reached = FALSE, delete_reached = FALSE;
  GtkWidget *status, *remove, *agreed_text;

  adw_view_stack_set_visible_child_name (stack, "glossary");
  rg_test_iterate_until_idle ();
  activate_row (get_term_list (view), 1);
  status = rg_test_find_widget (GTK_WIDGET (view), is_toggle_labelled, "A_greed");
  remove = rg_test_find_widget (GTK_WIDGET (view), has_action, "glossary.remove-term");
  g_assert_nonnull (status);
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_grab_focus (status));

  for (guint step = 0; step < 3 * n_partners + 10 && !delete_reached; step++)
    {
      GtkWidget *focus = rg_test_press_tab (GTK_WINDOW (window));
      GtkWidget *text;

      g_assert_nonnull (focus);
      text = RG_IS_EDITABLE_TEXT (focus) ? focus : gtk_widget_get_ancestor (focus, RG_TYPE_EDITABLE_TEXT);
      if (focus == remove)
        delete_reached = TRUE;
      else if (text != NULL && g_object_get_data (G_OBJECT (text), "partner-id") != NULL)
        {
          g_autoptr(RgPartner) partner = g_list_model_get_item (partners, next_partner);

          g_assert_false (agreed_reached);
          g_assert_cmpstr (g_object_get_data (G_OBJECT (text), "partner-id"), ==,
                           rg_partner_get_id (partner));
          next_partner++;
        }
      else if (text != NULL)
        {
          agreed_text = text;
          g_assert_cmpuint (next_partner, ==, n_partners);
          agreed_reached = TRUE;
        }
    }

  g_assert_cmpuint (next_partner, ==, n_partners);
  g_assert_true (agreed_reached);
  g_assert_true (delete_reached);
  g_assert_cmpstr (rg_editable_text_get_placeholder (RG_EDITABLE_TEXT (agreed_text)), ==,
                   "What the whole team means by this word — Enter to write");

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

  rg_test_add_app_func ("/glossary-view/edit-undo-and-reopen", edit_undo_and_reopen);
  rg_test_add_app_func ("/glossary-view/statement-links", statement_links);
  rg_test_add_app_func ("/glossary-view/empty", empty_glossary);
  rg_test_add_app_func ("/glossary-view/click-type-and-tab", click_type_and_tab);
  rg_test_add_app_func ("/glossary-view/tab-reaches-every-meaning", tab_reaches_every_meaning);

  return g_test_run ();
}
