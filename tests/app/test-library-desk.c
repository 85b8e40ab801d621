/* test-library-desk.c — the coordinator's desk, driven for real under Xvfb
 *
 * A library of three situations written as real files, the real index,
 * the real window: what needs attention today and the situations, as
 * a coordinator goes through them with the keyboard. The fixture's
 * dates are counted from today, so that what is late stays late:
 *
 *   Élève A., CM1 (PRE-A)  sessions T-120 and T-30 (the latest): an
 *     action due T-10 (overdue), one due T+7 (due soon), an open
 *     divergence, the family's consent of T-30, next review T+60;
 *   Élève B., 6e (PRE-B)   one session T-60, no consent, review T+20;
 *   Élève C., CE2 (PRE-C)  one session T-1000, consent of T-1000 (old,
 *     and past the two years of retention).
 *
 * So today needs attention for: one overdue action, one action due,
 * one review due, one divergence, one missing consent, one old
 * consent, one situation past retention: seven rows, one per heading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rg-actions-view.h"
#include "rg-application.h"
#include "rg-attention.h"
#include "rg-contribution.h"
#include "rg-document.h"
#include "rg-library-situation.h"
#include "rg-library-window.h"
#include "rg-session-window.h"
#include "rg-new-sitting-dialog.h"
#include "rg-sitting-window.h"
#include "rg-sitting-xml.h"
#include "rg-situation-list.h"
#include "rg-attention-list.h"
#include "rg-date-entry.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

static char *test_root;
static char *library_folder;
static char *overdue_action_id;
static char *older_a_path;

/* {{{ The library on disk */

static char *
day (int offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, offset);

  return g_date_time_format (then, "%Y-%m-%d");
}

static RgSession *
make_session (const char *title,
              const char *label,
              const char *code,
              const char *situation_id,
              int         date)
{
  RgSession *session = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgPartner) mother = rg_partner_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();
  g_autofree char *iso = day (date);

  rg_session_set_title (session, title);
  rg_session_set_situation_label (session, label);
  rg_session_set_situation_code (session, code);
  if (situation_id != NULL)
    rg_session_set_situation_id (session, situation_id);
  rg_session_set_date (session, iso);
  rg_session_set_status (session, RG_SESSION_STATUS_HELD);
  rg_partner_set_name (teacher, "Mme Roussel");
  rg_partner_set_profession (teacher, "Enseignante");
  rg_partner_set_name (mother, "Mme Benali");
  rg_partner_set_role (mother, RG_PARTNER_ROLE_FAMILY);
  rg_dimension_set_name (school, "Scolarité");
  rg_session_add_partner (session, teacher);
  rg_session_add_partner (session, mother);
  rg_session_add_dimension (session, school);

  return session;
}

static char *
write_session (RgSession  *session,
               const char *name)
{
  g_autofree char *path = g_build_filename (library_folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgDocument) document = rg_document_new (session, file);
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
add_consent (RgSession *session,
             int        date)
{
  g_autoptr(RgConsent) consent = rg_consent_new ("Le compte rendu, aux partenaires");
  g_autofree char *iso = day (date);

  rg_consent_set_date (consent, iso);
  rg_session_add_consent (session, consent);
}

static void
add_action (RgSession  *session,
            const char *what,
            int         due)
{
  g_autoptr(RgAction) action = rg_action_new (what);
  g_autofree char *iso = day (due);

  rg_action_set_due (action, iso);
  rg_session_add_action (session, action);
}

/* A team sitting in ten days, A then B on its agenda */
static void
write_sitting (const char *a_id,
               const char *b_id)
{
  g_autoptr(RgSitting) sitting = rg_sitting_new ();
  g_autoptr(RgSittingItem) a = rg_sitting_item_new (a_id, "Élève A., CM1", "14:00", "14:30");
  g_autoptr(RgSittingItem) b = rg_sitting_item_new (b_id, "Élève B., 6e", "14:30", "15:00");
  g_autofree char *date = day (10);
  g_autofree char *path = g_build_filename (library_folder, "Équipe de soutien.regards-sitting",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  rg_sitting_set_title (sitting, "Équipe de soutien de printemps");
  rg_sitting_set_date (sitting, date);
  rg_sitting_set_place (sitting, "Salle du conseil");
  rg_sitting_add_item (sitting, a);
  rg_sitting_add_item (sitting, b);
  g_assert_true (rg_sitting_save (sitting, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
write_library (void)
{
  g_autoptr(RgSession) a1 = make_session ("Revue A — premier bilan", "Élève A., CM1", "PRE-A",
                                          NULL, -120);
  g_autoptr(RgSession) a2 = make_session ("Revue A — suivi", "Élève A., CM1", "PRE-A",
                                          rg_session_get_situation_id (a1), -30);
  g_autoptr(RgSession) b1 = make_session ("Revue de mi-parcours", "Élève B., 6e", "PRE-B", NULL, -60);
  g_autoptr(RgSession) c1 = make_session ("Revue C", "Élève C., CE2", "PRE-C", NULL, -1000);
  g_autoptr(RgStatement) s1 = NULL;
  g_autoptr(RgStatement) s2 = NULL;
  g_autoptr(RgLink) link = rg_link_new (RG_LINK_TYPE_DIVERGENCE);
  g_autoptr(RgAction) overdue = NULL;
  g_autofree char *review_a = day (60);
  g_autofree char *review_b = day (20);
  g_autofree char *path = NULL;
  RgPartner *teacher, *mother;
  RgDimension *school;
  const char *members[3] = { NULL };

  /* The first session of A: what it held, the follow-up carries */
  add_action (a1, "Appeler la famille", -10);
  g_free (write_session (a1, "A-1.regards"));
  older_a_path = g_build_filename (library_folder, "A-1.regards", NULL);

  add_action (a2, "Appeler la famille", -10);
  add_action (a2, "Demander un bilan orthophonique", 7);
  add_consent (a2, -30);
  rg_session_set_next_review (a2, review_a);
  teacher = g_list_model_get_item (rg_session_get_partners (a2), 0);
  mother = g_list_model_get_item (rg_session_get_partners (a2), 1);
  school = g_list_model_get_item (rg_session_get_dimensions (a2), 0);
  s1 = rg_statement_new (rg_partner_get_id (teacher), rg_dimension_get_id (school),
                         RG_STATEMENT_KIND_FACT, "Absences répétées");
  s2 = rg_statement_new (rg_partner_get_id (mother), rg_dimension_get_id (school),
                         RG_STATEMENT_KIND_FACT, "Il va à l’école chaque jour");
  rg_session_add_statement (a2, s1);
  rg_session_add_statement (a2, s2);
  members[0] = rg_statement_get_id (s1);
  members[1] = rg_statement_get_id (s2);
  rg_link_set_members (link, members);
  rg_link_set_status (link, RG_LINK_STATUS_OPEN);
  rg_session_add_link (a2, link);
  g_object_unref (teacher);
  g_object_unref (mother);
  g_object_unref (school);
  overdue = g_list_model_get_item (rg_session_get_actions (a2), 0);
  g_free (overdue_action_id);
  overdue_action_id = g_strdup (rg_action_get_id (overdue));
  g_free (write_session (a2, "A-2.regards"));

  rg_session_set_next_review (b1, review_b);
  g_free (write_session (b1, "B-1.regards"));

  add_consent (c1, -1000);
  g_free (write_session (c1, "C-1.regards"));

  write_sitting (rg_session_get_situation_id (a2), rg_session_get_situation_id (b1));
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

static const char *
visible_page (RgLibraryWindow *window)
{
  return adw_view_stack_get_visible_child_name (get_child (window, "view_stack"));
}

static guint
count_attention_rows (RgLibraryWindow *window)
{
  GtkListBox *list = rg_attention_list_get_list (get_child (window, "attention_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static gboolean
attention_listed (gpointer window)
{
  return count_attention_rows (window) == 7 && g_strcmp0 (visible_page (window), "attention") == 0;
}

static GListModel *
situation_rows (RgLibraryWindow *window)
{
  return rg_situation_list_get_rows (get_child (window, "situation_list"));
}

typedef struct
{
  RgLibraryWindow *window;
  guint            n_rows;
} RowCount;

static gboolean
has_situation_rows (gpointer data)
{
  RowCount *count = data;
  GListModel *rows = situation_rows (count->window);

  return rows != NULL && g_list_model_get_n_items (rows) == count->n_rows;
}

static void
wait_for_situation_rows (RgLibraryWindow *window,
                         guint            n_rows)
{
  RowCount count = { window, n_rows };

  if (!rg_test_wait_for (has_situation_rows, &count, 10))
    g_error ("Expected %u situation rows, found %u", n_rows,
             situation_rows (window) ? g_list_model_get_n_items (situation_rows (window)) : 0);
}

/* The object shown at @position of @rows */
static gpointer
row_item (GListModel *rows,
          guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);

  return gtk_tree_list_row_get_item (row);
}

/* The object shown at @position of the situations page */
static gpointer
situation_row_item (RgLibraryWindow *window,
                    guint            position)
{
  return row_item (situation_rows (window), position);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  return rg_test_find_widget (root, is_label_with_text, text) != NULL;
}

static gboolean
attention_rows_are (gpointer data)
{
  RowCount *count = data;

  return count_attention_rows (count->window) == count->n_rows;
}

/* What needs attention on the day @offset days from today, typed in
 * the date field as the user does; waits for its @n_rows rows. */
static void
ask_attention_on (RgLibraryWindow *window,
                  int              offset,
                  guint            n_rows)
{
  g_autofree char *date = day (offset);
  GtkEditable *editable = rg_date_entry_get_editable (get_child (window, "attention_date"));
  RowCount count = { window, n_rows };

  gtk_editable_set_text (editable, date);
  g_signal_emit_by_name (editable, "activate");
  g_assert_true (rg_test_wait_for (attention_rows_are, &count, 10));
}

/* }}} */
/* {{{ Tests */

static gboolean
is_label_of_class (GtkWidget     *widget,
                   gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

/* The text a row of the Attention page shows as its title or its
 * subtitle ("title", "subtitle") */
static const char *
attention_row_text (GtkListBoxRow *row,
                    const char    *css_class)
{
  GtkWidget *label = rg_test_find_widget (GTK_WIDGET (row), is_label_of_class, css_class);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
is_active_toggle (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget));
}

/* The page the header's view switcher shows as chosen */
static char *
switcher_page (RgLibraryWindow *window)
{
  GtkWidget *button = rg_test_find_widget (get_child (window, "switcher_title"), is_active_toggle,
                                           NULL);
  char *label = NULL;

  if (button != NULL)
    g_object_get (button, "label", &label, NULL);

  return label;
}

static void
attention_first (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkListBox *list = rg_attention_list_get_list (get_child (window, "attention_list"));
  static const RgAttentionKind expected[] = {
    RG_ATTENTION_ACTION_OVERDUE, RG_ATTENTION_ACTION_DUE, RG_ATTENTION_REVIEW_DUE,
    RG_ATTENTION_OPEN_DIVERGENCE, RG_ATTENTION_CONSENT_MISSING, RG_ATTENTION_CONSENT_OLD,
    RG_ATTENTION_RETENTION_DUE,
  };
  static const char *headings[] = {
    "Overdue actions (1)", "Actions due within two weeks (1)", "Reviews due within a month (1)",
    "Divergences left open (1)", "No consent recorded (1)", "Consent over a year old (1)",
    "Past the retention period (1)",
  };
  GtkListBoxRow *row;

  /* Something needs attention: the desk opens there, as its view
   * switcher says */
  g_assert_true (rg_test_wait_for (attention_listed, window, 10));
  {
    g_autofree char *shown = switcher_page (window);

    g_assert_cmpstr (shown, ==, "Attention");
  }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RgAttentionItem *item;
      GtkWidget *header;

      row = gtk_list_box_get_row_at_index (list, i);
      item = g_object_get_data (G_OBJECT (row), "item");
      g_assert_cmpint (rg_attention_item_get_kind (item), ==, expected[i]);
      header = gtk_list_box_row_get_header (row);
      g_assert_nonnull (header);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, headings[i]);
    }

  /* The overdue action names the situation, what, and when */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (attention_row_text (row, "title"), ==, "Élève A., CM1 — PRE-A");
  g_assert_cmpstr (attention_row_text (row, "subtitle"), ==, "Appeler la famille");
  {
    /* A screen reader names the row by its title */
    g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "Élève A., CM1 — PRE-A");

    g_assert_null (differs);
  }

  /* Long before: nothing was due nor late yet, nothing past retention;
   * a divergence left open and a missing consent are so whatever the
   * day */
  ask_attention_on (window, -2000, 2);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_header (row))), ==,
                   "Divergences left open (1)");
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_header (row))), ==,
                   "No consent recorded (1)");
}

static gboolean
shows_actions (gpointer app)
{
  RgSessionWindow *window = rg_test_get_session_window (app);
  AdwViewStack *stack;

  if (window == NULL)
    return FALSE;

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                         RG_TYPE_SESSION_WINDOW, "view_stack"));
  return g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "actions") == 0;
}

static void
overdue_action_opens_its_row (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkListBox *list = rg_attention_list_get_list (get_child (window, "attention_list"));
  RgSessionWindow *session_window;
  GtkListBoxRow *row;
  GtkWidget *focus;
  RgAction *action = NULL;

  g_assert_true (rg_test_wait_for (attention_listed, window, 10));

  /* The first row has the keyboard: Enter opens it */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_Return, 0));

  g_assert_true (rg_test_wait_for (shows_actions, app, 10));
  session_window = rg_test_get_session_window (app);
  g_assert_true (g_str_has_suffix (g_file_peek_path (rg_document_get_file (
                   rg_session_window_get_document (session_window))), "A-2.regards"));
  rg_test_iterate_until_idle ();

  focus = gtk_window_get_focus (GTK_WINDOW (session_window));
  for (GtkWidget *w = focus; w != NULL && action == NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_LIST_BOX_ROW (w))
      action = g_object_get_data (G_OBJECT (w), "action");
  g_assert_nonnull (action);
  g_assert_cmpstr (rg_action_get_id (action), ==, overdue_action_id);

  gtk_window_close (GTK_WINDOW (session_window));
  rg_test_iterate_until_idle ();
}

static gboolean
records_consent (gpointer window)
{
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));

  return g_list_model_get_n_items (rg_session_get_consents (session)) == 1;
}

/* B records no consent: its row opens B's session on the button that
 * adds one, Enter away from recording it */
static void
missing_consent_opens_consents (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkListBox *list = rg_attention_list_get_list (get_child (window, "attention_list"));
  RgSessionWindow *session_window;
  GtkListBoxRow *row;
  GtkWidget *focus;

  g_assert_true (rg_test_wait_for (attention_listed, window, 10));
  row = gtk_list_box_get_row_at_index (list, 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_header (row))), ==,
                   "No consent recorded (1)");
  g_assert_cmpstr (attention_row_text (row, "title"), ==, "Élève B., 6e — PRE-B");

  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_true (rg_test_wait_for (shows_actions, app, 10));
  session_window = rg_test_get_session_window (app);
  g_assert_true (g_str_has_suffix (g_file_peek_path (rg_document_get_file (
                   rg_session_window_get_document (session_window))), "B-1.regards"));
  rg_test_iterate_until_idle ();

  focus = gtk_window_get_focus (GTK_WINDOW (session_window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==,
                   "actions.add-consent");

  /* Activated, as Enter or Space does, it records one (a button
   * activated shows it pressed a moment first) */
  g_assert_true (gtk_widget_activate (focus));
  g_assert_true (rg_test_wait_for (records_consent, session_window, 10));

  gtk_window_close (GTK_WINDOW (session_window));
  rg_test_iterate_until_idle ();
}

typedef struct
{
  RgLibraryWindow *window;
  GListModel      *old_rows;
  guint            n_rows;
} NewRows;

static gboolean
has_new_rows (gpointer data)
{
  NewRows *new_rows = data;
  GListModel *rows = situation_rows (new_rows->window);

  return rows != new_rows->old_rows && g_list_model_get_n_items (rows) == new_rows->n_rows;
}

static gboolean
expanded_to (gpointer data)
{
  return has_situation_rows (data);
}

static void
situations (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  RgSituationList *list = get_child (window, "situation_list");
  GtkWidget *view = rg_situation_list_get_view (list);
  g_autoptr(RgLibrarySituation) a = NULL;
  g_autoptr(RgLibrarySituation) b = NULL;
  g_autoptr(RgLibrarySituation) c = NULL;
  g_autoptr(RgLibraryEntry) first = NULL;
  g_autoptr(RgLibraryEntry) second = NULL;
  RowCount five = { window, 5 };

  g_assert_true (rg_test_wait_for (attention_listed, window, 10));

  /* Alt+2, as a coordinator goes there; the list takes the keyboard */
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_2, GDK_ALT_MASK));
  g_assert_cmpstr (visible_page (window), ==, "situations");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), view) ||
                 gtk_window_get_focus (GTK_WINDOW (window)) == view);

  /* One row per child, the latest session first */
  wait_for_situation_rows (window, 3);
  a = situation_row_item (window, 0);
  b = situation_row_item (window, 1);
  c = situation_row_item (window, 2);
  g_assert_cmpstr (rg_library_situation_get_label (a), ==, "Élève A., CM1");
  g_assert_cmpstr (rg_library_situation_get_label (b), ==, "Élève B., 6e");
  g_assert_cmpstr (rg_library_situation_get_label (c), ==, "Élève C., CE2");

  /* What the rows say, each in its word */
  rg_test_iterate_until_idle ();
  g_assert_true (shows_label (view, "1 overdue action"));
  g_assert_true (shows_label (view, "1 open divergence"));
  g_assert_true (shows_label (view, "Consent"));
  g_assert_true (shows_label (view, "No consent"));
  g_assert_true (shows_label (view, "Over a year old"));

  /* Right opens the situation under the keyboard to its sessions, the
   * oldest first */
  g_assert_cmpuint (rg_situation_list_get_selected (list), ==, 0);
  g_assert_true (rg_test_press_key (view, GDK_KEY_Right, 0));
  g_assert_true (rg_test_wait_for (expanded_to, &five, 10));
  first = situation_row_item (window, 1);
  second = situation_row_item (window, 2);
  g_assert_true (RG_IS_LIBRARY_ENTRY (first));
  g_assert_cmpstr (rg_library_entry_get_title (first), ==, "Revue A — premier bilan");
  g_assert_cmpstr (rg_library_entry_get_title (second), ==, "Revue A — suivi");

  /* Minus closes it again */
  g_assert_true (rg_test_press_key (view, GDK_KEY_minus, 0));
  wait_for_situation_rows (window, 3);

  /* + opens it; Enter on a session opens it, as on the Sessions page */
  g_assert_true (rg_test_press_key (view, GDK_KEY_plus, 0));
  g_assert_true (rg_test_wait_for (expanded_to, &five, 10));
  g_assert_true (gtk_widget_activate_action (view, "list.activate-item", "u", 1));
  g_assert_true (rg_test_wait_for (rg_test_has_session_window, app, 10));
  g_assert_cmpstr (g_file_peek_path (rg_document_get_file (rg_session_window_get_document (
                     rg_test_get_session_window (app)))), ==, older_a_path);
  gtk_window_close (GTK_WINDOW (rg_test_get_session_window (app)));
  rg_test_iterate_until_idle ();

  /* A search keeps the situation open, and the keyboard on the
   * situation it was on, as the index changing under the list does */
  g_assert_true (gtk_widget_activate_action (view, "list.select-item", "(ubb)", 4, FALSE, FALSE));
  g_assert_cmpuint (rg_situation_list_get_selected (list), ==, 4);
  {
    /* Held, so that the new rows cannot take its place in memory */
    g_autoptr(GListModel) old_rows = g_object_ref (situation_rows (window));
    NewRows new_rows = { window, old_rows, 5 };

    gtk_editable_set_text (get_child (window, "search_entry"), "Élève");
    rg_library_window_search (window);
    if (!rg_test_wait_for (has_new_rows, &new_rows, 10))
      g_error ("rows %p (old %p), %u", situation_rows (window), old_rows,
               g_list_model_get_n_items (situation_rows (window)));
  }
  g_assert_cmpuint (rg_situation_list_get_selected (list), ==, 4);
  g_clear_object (&c);
  c = situation_row_item (window, 4);
  g_assert_cmpstr (rg_library_situation_get_label (c), ==, "Élève C., CE2");

  /* A search that finds one situation lists it alone */
  gtk_editable_set_text (get_child (window, "search_entry"), "parcours");
  rg_library_window_search (window);
  wait_for_situation_rows (window, 1);

  /* Ctrl+Page Down goes on to the sessions, Ctrl+Page Up back; the
   * application's shortcuts act before the widgets' (a scrolled window
   * takes these keys too), so the action is what is checked here */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "library.next-page");

    g_assert_cmpstr (accels[0], ==, "<Control>Page_Down");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.next-page", NULL));
  g_assert_cmpstr (visible_page (window), ==, "sessions");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.previous-page", NULL));
  g_assert_cmpstr (visible_page (window), ==, "situations");
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The situations come a page first, then all of them: the rows of the
 * first page stay as they are (painted, under the keyboard), and the
 * others are added after them. A list of its own, in a window of its
 * own, which the library window does not list again when the library
 * changes. */
static void
situations_added_to (RgApplication *app)
{
  RgLibrary *library = rg_application_get_library (app);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RgSituationList *list = g_object_new (RG_TYPE_SITUATION_LIST, NULL);
  GtkWidget *view = rg_situation_list_get_view (list);
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) first_page = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) only_c = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(RgLibrarySituation) a = NULL;
  g_autoptr(RgLibrarySituation) b = NULL;
  g_autoptr(RgLibrarySituation) a_after = NULL;
  g_autoptr(RgLibrarySituation) b_after = NULL;
  g_autoptr(RgLibrarySituation) c_after = NULL;
  g_autoptr(RgLibrarySituation) only = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (window, 600, 400);
  gtk_window_set_child (window, GTK_WIDGET (list));
  gtk_window_present (window);
  g_assert_true (rg_test_wait_for (is_mapped, view, 10));

  /* The index's own answers: a page of two, then the three */
  query->limit = 2;
  first_page = rg_library_list_situations (library, query, NULL, NULL, &error);
  g_assert_no_error (error);
  query->limit = 0;
  all = rg_library_list_situations (library, query, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (first_page), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);

  /* The first page, the keyboard on its second row */
  rg_situation_list_set_situations (list, first_page);
  rg_test_iterate_until_idle ();
  rows = g_object_ref (rg_situation_list_get_rows (list));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  a = row_item (rows, 0);
  b = row_item (rows, 1);
  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_activate_action (view, "list.select-item", "(ubb)", 1, FALSE, FALSE));
  g_assert_cmpuint (rg_situation_list_get_selected (list), ==, 1);

  /* All of them: the same rows of the same situations, and one more */
  rg_situation_list_extend (list, all);
  rg_test_iterate_until_idle ();
  g_assert_true (rg_situation_list_get_rows (list) == rows);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  a_after = row_item (rows, 0);
  b_after = row_item (rows, 1);
  c_after = row_item (rows, 2);
  g_assert_true (a_after == a);
  g_assert_true (b_after == b);
  g_assert_cmpstr (rg_library_situation_get_label (c_after), ==, "Élève C., CE2");
  g_assert_cmpuint (rg_situation_list_get_selected (list), ==, 1);

  /* A list that does not start with the rows listed replaces them */
  query->situation_id = g_strdup (rg_library_situation_get_id (c_after));
  only_c = rg_library_list_situations (library, query, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (only_c), ==, 1);
  rg_situation_list_extend (list, only_c);
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (rg_situation_list_get_rows (list)), ==, 1);
  only = row_item (rg_situation_list_get_rows (list), 0);
  g_assert_cmpstr (rg_library_situation_get_label (only), ==, "Élève C., CE2");

  gtk_window_destroy (window);
  rg_test_iterate_until_idle ();
}

static guint
count_sitting_rows (RgLibraryWindow *window)
{
  GtkListBox *list = get_child (window, "sitting_list");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static gboolean
sitting_rows_are (gpointer data)
{
  RowCount *count = data;

  return count_sitting_rows (count->window) == count->n_rows;
}

static gboolean
has_window_of_type (gpointer type)
{
  return rg_test_find_window (GPOINTER_TO_SIZE (type)) != NULL;
}

static void
sittings (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  RowCount one = { window, 1 };
  RowCount none = { window, 0 };
  GtkListBoxRow *row;
  RgSittingWindow *sitting_window;
  GtkWidget *new_sitting = get_child (window, "new_sitting_button");
  g_autofree char *sitting_path = g_build_filename (library_folder,
                                                    "Équipe de soutien.regards-sitting", NULL);

  g_assert_true (rg_test_wait_for (attention_listed, window, 10));

  /* A search from what needs attention, which is not searched, shows
   * the situations found */
  gtk_editable_set_text (get_child (window, "search_entry"), "parcours");
  rg_library_window_search (window);
  g_assert_cmpstr (visible_page (window), ==, "situations");
  wait_for_situation_rows (window, 1);
  gtk_editable_set_text (get_child (window, "search_entry"), "");
  rg_library_window_search (window);
  wait_for_situation_rows (window, 3);
  gtk_widget_grab_focus (get_child (window, "situation_list"));

  /* Alt+4; the first sitting takes the keyboard once listed */
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_4, GDK_ALT_MASK));
  g_assert_cmpstr (visible_page (window), ==, "sittings");
  g_assert_true (rg_test_wait_for (sitting_rows_are, &one, 10));
  row = gtk_list_box_get_row_at_index (get_child (window, "sitting_list"), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Équipe de soutien de printemps");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Salle du conseil"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2 situations"));

  /* Above the list, New Sitting… */
  g_assert_true (gtk_widget_get_visible (new_sitting));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (new_sitting)), ==,
                   "app.new-sitting");

  /* Activating it opens its window, its agenda a row a situation */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_true (rg_test_wait_for (has_window_of_type,
                                   GSIZE_TO_POINTER (RG_TYPE_SITTING_WINDOW), 10));
  g_assert_null (rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  sitting_window = rg_test_find_window (RG_TYPE_SITTING_WINDOW);
  g_assert_cmpstr (g_file_peek_path (rg_sitting_window_get_file (sitting_window)), ==, sitting_path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (sitting_window)), ==,
                   "Équipe de soutien de printemps");
  gtk_window_destroy (GTK_WINDOW (sitting_window));
  rg_test_iterate_until_idle ();

  /* The search applies to them: by place, and nothing */
  gtk_editable_set_text (get_child (window, "search_entry"), "conseil");
  rg_library_window_search (window);
  g_assert_true (rg_test_wait_for (sitting_rows_are, &one, 10));
  gtk_editable_set_text (get_child (window, "search_entry"), "piscine");
  rg_library_window_search (window);
  g_assert_true (rg_test_wait_for (sitting_rows_are, &none, 10));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "sittings_stack")), ==,
                   "none");
  g_assert_cmpstr (adw_status_page_get_title (get_child (window, "no_sittings_page")), ==,
                   "No Results");
  g_assert_false (gtk_widget_get_visible (get_child (window, "no_sittings_button")));
}

static guint
count_session_rows (RgLibraryWindow *window)
{
  GtkListBox *list = get_child (window, "list_box");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static gboolean
session_rows_are (gpointer data)
{
  RowCount *count = data;

  return count_session_rows (count->window) == count->n_rows;
}

/* A's teacher's contribution, and a broken file, beside the sessions:
 * the contribution is not the team's, and is listed on neither page;
 * the broken file stays on the Sessions page, to be seen and mended */
static void
contributions_left_out (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkWidget *view = rg_situation_list_get_view (get_child (window, "situation_list"));
  g_autoptr(RgLibrarySituation) a = NULL;
  g_autoptr(RgLibraryEntry) first = NULL;
  g_autoptr(RgLibraryEntry) second = NULL;
  RowCount five = { window, 5 };

  /* A, then its two sessions, not the contribution */
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_2, GDK_ALT_MASK));
  wait_for_situation_rows (window, 3);
  a = situation_row_item (window, 0);
  g_assert_cmpstr (rg_library_situation_get_label (a), ==, "Élève A., CM1");
  gtk_widget_grab_focus (view);
  g_assert_true (rg_test_press_key (view, GDK_KEY_Right, 0));
  g_assert_true (rg_test_wait_for (expanded_to, &five, 10));
  rg_test_iterate_until_idle ();
  /* The first scan, once done, lists the situations again: an open one
   * stays open, its sessions asked again */
  g_assert_true (rg_test_wait_for (expanded_to, &five, 10));
  first = situation_row_item (window, 1);
  second = situation_row_item (window, 2);
  g_assert_cmpstr (rg_library_entry_get_title (first), ==, "Revue A — premier bilan");
  g_assert_cmpstr (rg_library_entry_get_title (second), ==, "Revue A — suivi");

  /* The four sessions and the broken file */
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_3, GDK_ALT_MASK));
  g_assert_cmpstr (visible_page (window), ==, "sessions");
  g_assert_true (rg_test_wait_for (session_rows_are, &five, 10));
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (count_session_rows (window), ==, 5);
}

/* A library without a sitting: the page says so, and its button, which
 * takes the keyboard, makes the first */
static void
no_sittings (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkWidget *button = get_child (window, "no_sittings_button");

  g_assert_true (rg_test_wait_for (attention_listed, window, 10));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_4, GDK_ALT_MASK));
  g_assert_cmpstr (visible_page (window), ==, "sittings");
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "sittings_stack")), ==,
                   "none");
  g_assert_cmpstr (adw_status_page_get_title (get_child (window, "no_sittings_page")), ==,
                   "No Team Sittings Yet");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_has_focus (button));

  /* Enter on it: the new-sitting dialog */
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_true (rg_test_wait_for (has_window_of_type,
                                   GSIZE_TO_POINTER (RG_TYPE_NEW_SITTING_DIALOG), 10));
  gtk_window_destroy (GTK_WINDOW (rg_test_find_window (RG_TYPE_NEW_SITTING_DIALOG)));
  rg_test_iterate_until_idle ();
}

/* 26 more situations without consent: 27 rows of that kind, more than
 * the 25 shown at first */
static void
many_without_consent (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  GtkListBox *list = rg_attention_list_get_list (get_child (window, "attention_list"));
  RowCount first = { window, 7 + 24 + 1 };
  RowCount all = { window, 7 + 26 };
  GtkListBoxRow *more;
  GtkListBoxRow *row;

  /* 6 kinds of one row, 25 rows without consent, and the row for more */
  g_assert_true (rg_test_wait_for (attention_rows_are, &first, 10));
  row = gtk_list_box_get_row_at_index (list, 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_header (row))), ==,
                   "No consent recorded (27)");
  more = gtk_list_box_get_row_at_index (list, 4 + 25);
  g_assert_null (g_object_get_data (G_OBJECT (more), "item"));
  g_assert_cmpstr (attention_row_text (more, "title"), ==, "Show the 2 other rows");

  /* Enter on it shows them, and the keyboard goes on to the first */
  gtk_widget_grab_focus (GTK_WIDGET (more));
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_cmpuint (count_attention_rows (window), ==, all.n_rows);
  row = gtk_list_box_get_row_at_index (list, 4 + 25);
  g_assert_nonnull (g_object_get_data (G_OBJECT (row), "item"));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));
}

/* }}} */
/* {{{ The page stays the user's */

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms, frames and answers with it */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
record_page (AdwViewStack *stack,
             GParamSpec   *pspec,
             GPtrArray    *pages)
{
  g_ptr_array_add (pages, g_strdup (adw_view_stack_get_visible_child_name (stack)));
}

static gboolean
attention_marked (gpointer window)
{
  AdwViewStack *stack = get_child (window, "view_stack");
  AdwViewStackPage *page = adw_view_stack_get_page (stack,
                                                    adw_view_stack_get_child_by_name (stack,
                                                                                      "attention"));

  return count_attention_rows (window) == 7 && adw_view_stack_page_get_needs_attention (page);
}

static void
page_stays (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);
  AdwViewStack *stack = get_child (window, "view_stack");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  RowCount three = { window, 3 };

  /* At first, the situations; what needs attention comes later and
   * marks its page, without showing it in their place */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (visible_page (window), ==, "situations");
  {
    g_autofree char *shown = switcher_page (window);

    g_assert_cmpstr (shown, ==, "Situations");
  }
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (record_page), pages);
  g_assert_true (rg_test_wait_for (attention_marked, window, 10));
  g_assert_true (rg_test_wait_for (has_situation_rows, &three, 10));
  spin (300);
  g_assert_cmpstr (visible_page (window), ==, "situations");
  g_assert_cmpuint (pages->len, ==, 0);

  /* The user goes to the sessions: what needs attention listed again
   * (another day) leaves them there */
  g_assert_true (rg_test_press_shortcut (GTK_WINDOW (window), GDK_KEY_3, GDK_ALT_MASK));
  g_assert_cmpstr (visible_page (window), ==, "sessions");
  ask_attention_on (window, -2000, 2);
  spin (300);
  g_assert_cmpstr (visible_page (window), ==, "sessions");
  g_assert_cmpuint (pages->len, ==, 1);

  /* and the window opens there next time */
  {
    g_autofree char *remembered = g_settings_get_string (settings, "library-page");

    g_assert_cmpstr (remembered, ==, "sessions");
  }
}

/* }}} */
/* {{{ The first page fills the window */

/* What the window's first frame with situations showed */
typedef struct
{
  guint n_rows;       /* listed */
  int   row_height;   /* the first row's */
  int   view_height;  /* the list's, on screen */
} FirstRows;

static FirstRows first_rows;

static void
record_first_rows (GdkFrameClock   *clock,
                   RgLibraryWindow *window)
{
  GListModel *rows = situation_rows (window);
  GtkWidget *view = rg_situation_list_get_view (get_child (window, "situation_list"));

  if (rows == NULL || g_list_model_get_n_items (rows) == 0)
    return;

  g_signal_handlers_disconnect_by_func (clock, record_first_rows, window);
  first_rows.n_rows = g_list_model_get_n_items (rows);
  first_rows.row_height = gtk_widget_get_height (gtk_widget_get_first_child (view));
  first_rows.view_height = gtk_widget_get_height (view);
}

static void
watch_first_rows (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (record_first_rows), window);
}

static void
watch_library_window (GtkApplication *app,
                      GtkWindow      *window)
{
  if (RG_IS_LIBRARY_WINDOW (window))
    g_signal_connect (window, "realize", G_CALLBACK (watch_first_rows), NULL);
}

/* 40 situations more than a window 600 pixels high shows: the first
 * frame with situations shows as many as fill the list, not all of
 * them (each row listed is made and measured before the frame), and
 * all of them follow. */
static void
first_page_fills_window (RgApplication *app)
{
  RgLibraryWindow *window = get_window (app);

  wait_for_situation_rows (window, 3 + 40);
  g_assert_cmpstr (visible_page (window), ==, "situations");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
  g_assert_cmpuint (first_rows.n_rows, <, 3 + 40);
  g_assert_cmpint (first_rows.row_height, >, 0);
  g_assert_cmpint (first_rows.view_height, >, 0);
  g_assert_cmpint (first_rows.n_rows * first_rows.row_height, >=, first_rows.view_height);
}

/* }}} */
/* {{{ Running in an application */

static guint n_more_situations;

static void
write_many_situations (void)
{
  for (guint i = 0; i < n_more_situations; i++)
    {
      g_autofree char *label = g_strdup_printf ("Élève n° %u, CP", i + 1);
      g_autofree char *name = g_strdup_printf ("D-%02u.regards", i);
      g_autoptr(RgSession) session = make_session ("Revue", label, NULL, NULL, -5);

      g_free (write_session (session, name));
    }
}

static void
run_in_application (gconstpointer func)
{
  static guint n_runs;
  g_autofree char *name = g_strdup_printf ("library-%u", ++n_runs);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_free (library_folder);
  library_folder = g_build_filename (test_root, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (library_folder, 0700), ==, 0);
  write_library ();
  if (func == (gconstpointer) no_sittings)
    {
      g_autofree char *sitting = g_build_filename (library_folder,
                                                   "Équipe de soutien.regards-sitting", NULL);

      g_assert_cmpint (g_unlink (sitting), ==, 0);
    }
  if (func == (gconstpointer) contributions_left_out)
    {
      g_autofree char *a2_path = g_build_filename (library_folder, "A-2.regards", NULL);
      g_autofree char *broken = g_build_filename (library_folder, "cassé.regards", NULL);
      g_autoptr(GFile) a2_file = g_file_new_for_path (a2_path);
      g_autoptr(RgSession) a2 = rg_test_read_session (a2_file);
      g_autoptr(RgPartner) teacher = g_list_model_get_item (rg_session_get_partners (a2), 0);
      g_autoptr(RgSession) contribution = rg_contribution_new (a2, teacher);

      g_free (write_session (contribution, "Contribution A — Mme Roussel.regards"));
      g_assert_true (g_file_set_contents (broken, "<session", -1, NULL));
    }
  n_more_situations = func == (gconstpointer) many_without_consent ? 26
                      : func == (gconstpointer) first_page_fills_window ? 40
                      : 0;
  write_many_situations ();
  g_settings_set_string (settings, "library-folder", library_folder);
  /* The window opens on the page last chosen: the coordinator of these
   * tests works from what needs attention */
  if (func == (gconstpointer) page_stays || func == (gconstpointer) first_page_fills_window)
    g_settings_reset (settings, "library-page");
  else
    g_settings_set_string (settings, "library-page", "attention");
  if (func == (gconstpointer) first_page_fills_window)
    g_settings_set_int (settings, "window-height", 600);
  else
    g_settings_reset (settings, "window-height");

  memset (&first_rows, 0, sizeof first_rows);
  rg_test_run_in_application_full (rg_test_call_app_func, (gpointer) func,
                                   G_CALLBACK (watch_library_window));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  test_root = rg_test_init_environment ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/library-desk/attention-first", attention_first, run_in_application);
  g_test_add_data_func ("/library-desk/page-stays", page_stays, run_in_application);
  g_test_add_data_func ("/library-desk/overdue-action-opens-its-row",
                        overdue_action_opens_its_row, run_in_application);
  g_test_add_data_func ("/library-desk/missing-consent-opens-consents",
                        missing_consent_opens_consents, run_in_application);
  g_test_add_data_func ("/library-desk/situations", situations, run_in_application);
  g_test_add_data_func ("/library-desk/situations-added-to", situations_added_to,
                        run_in_application);
  g_test_add_data_func ("/library-desk/sittings", sittings, run_in_application);
  g_test_add_data_func ("/library-desk/no-sittings", no_sittings, run_in_application);
  g_test_add_data_func ("/library-desk/contributions-left-out", contributions_left_out,
                        run_in_application);
  g_test_add_data_func ("/library-desk/many-without-consent", many_without_consent,
                        run_in_application);
  g_test_add_data_func ("/library-desk/first-page-fills-window", first_page_fills_window,
                        run_in_application);

  return g_test_run ();
}
