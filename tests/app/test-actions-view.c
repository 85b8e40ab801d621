/* test-actions-view.c — the actions, next review and consent page driven
 * through its widgets, under Xvfb: every edit reaches the model, can be
 * undone, and survives a save and a reload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "rg-actions-view.h"
#include "rg-date-entry.h"
#include "rg-editable-text.h"
#include "rg-session-editor-actions.h"
#include "rg-session-xml.h"
#include "rg-test-app.h"
#include "rg-test-editing.h"
#include "rg-test-utils.h"

typedef struct
{
  RgSession       *session;
  RgSessionEditor *editor;
  RgUndoStack     *undo;
  RgPartner       *teacher;
  RgPartner       *mother;
  GtkWindow       *window;
  RgActionsView   *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->session = rg_session_new ();
  rg_session_set_title (f->session, "Revue de situation");
  f->editor = rg_session_editor_new (f->session);
  f->undo = rg_session_editor_get_undo_stack (f->editor);
  f->teacher = rg_session_editor_add_partner (f->editor, "Mme Roussel", "Enseignante", NULL);
  f->mother = rg_session_editor_add_partner (f->editor, "Mme Benali", NULL, NULL);
  rg_undo_stack_clear (f->undo);

  f->view = g_object_new (RG_TYPE_ACTIONS_VIEW, NULL);
  rg_actions_view_set_editor (f->view, f->editor);
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_present (f->window);
  rg_test_iterate_until_idle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  rg_test_iterate_until_idle ();
  g_assert_finalize_object (f->editor);
  g_assert_finalize_object (f->session);
}

/* The widgets named @name under @widget, in the order of the page. */
static void
collect (GtkWidget  *widget,
         const char *name,
         GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, name, found);
}

static GtkWidget *
find_nth (GtkWidget  *under,
          const char *name,
          guint       n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (under, name, found);
  g_assert_cmpuint (found->len, >, n);

  return g_ptr_array_index (found, n);
}

static guint
count_named (GtkWidget  *under,
             const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (under, name, found);

  return found->len;
}

/* The row of the list holding @widget */
static GtkWidget *
row_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
action_field (Fixture    *f,
              guint       n,
              const char *name)
{
  return find_nth (row_of (find_nth (GTK_WIDGET (f->view), "what", n)), name, 0);
}

static GtkWidget *
consent_field (Fixture    *f,
               guint       n,
               const char *name)
{
  return find_nth (row_of (find_nth (GTK_WIDGET (f->view), "scope", n)), name, 0);
}

static RgAction *
nth_action (Fixture *f,
            guint    n)
{
  g_autoptr(RgAction) action = g_list_model_get_item (rg_session_get_actions (f->session), n);

  return action;
}

/* The text field of a date entry, where the keys go */
static GtkWidget *
date_text (GtkWidget *date_entry)
{
  g_assert_true (RG_IS_DATE_ENTRY (date_entry));

  return GTK_WIDGET (gtk_editable_get_delegate (rg_date_entry_get_editable (RG_DATE_ENTRY (date_entry))));
}

/* Types @text over a date, as the keyboard would: the field focused,
 * everything selected and typed over, key by key; nothing else. */
static void
type_date (GtkWidget  *date_entry,
           const char *text)
{
  GtkWidget *field = date_text (date_entry);

  g_assert_true (gtk_widget_grab_focus (field));
  gtk_editable_select_region (GTK_EDITABLE (field), 0, -1);
  g_signal_emit_by_name (field, "backspace");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char key[8] = { 0, };

      g_utf8_strncpy (key, p, 1);
      g_signal_emit_by_name (field, "insert-at-cursor", key);
    }
  rg_test_iterate_until_idle ();
}

/* Enter in a date, where it says what it did not understand */
static void
enter_date (GtkWidget *date_entry)
{
  g_signal_emit_by_name (date_text (date_entry), "activate");
  rg_test_iterate_until_idle ();
}

static void
type_date_and_enter (GtkWidget  *date_entry,
                     const char *text)
{
  type_date (date_entry, text);
  enter_date (date_entry);
}

/* What the date entry says of a text that is not a date, shown */
static const char *
date_message (GtkWidget *date_entry)
{
  const char *message = rg_date_entry_get_message (RG_DATE_ENTRY (date_entry));

  if (message != NULL)
    {
      GtkWidget *shown = NULL;

      for (GtkWidget *child = gtk_widget_get_first_child (date_entry);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), message) == 0)
            shown = child;
        }
      g_assert_nonnull (shown);
      g_assert_true (gtk_widget_get_mapped (shown));
      g_assert_true (gtk_widget_has_css_class (date_text (date_entry), "error") ||
                     gtk_widget_has_css_class (gtk_widget_get_parent (date_text (date_entry)), "error"));
    }

  return message;
}

static const char *
text_of (GtkWidget *widget)
{
  if (RG_IS_EDITABLE_TEXT (widget))
    return rg_editable_text_get_text (RG_EDITABLE_TEXT (widget));
  if (RG_IS_DATE_ENTRY (widget))
    return gtk_editable_get_text (rg_date_entry_get_editable (RG_DATE_ENTRY (widget)));

  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

/* What RgEditableText does when typing ends */
static void
type_text (GtkWidget  *text,
           const char *typed)
{
  GtkWidget *view;

  rg_editable_text_start_editing (RG_EDITABLE_TEXT (text));
  view = gtk_root_get_focus (gtk_widget_get_root (text));
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), typed, -1);
  rg_editable_text_stop_editing (RG_EDITABLE_TEXT (text));
}

static gboolean
overdue_shown (GtkWidget *row)
{
  GtkWidget *overdue = find_nth (row, "overdue", 0);
  gboolean has_word = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (overdue);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_label (GTK_LABEL (child)), "Overdue"))
        has_word = TRUE;
    }

  /* An icon and a word, never a colour alone */
  g_assert_true (has_word);
  g_assert_true (GTK_IS_IMAGE (gtk_widget_get_first_child (overdue)));

  return gtk_widget_get_mapped (overdue);
}

/* A label showing @text, visible */
static GtkWidget *
find_text (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static RgSession *
save_and_load (RgSession *session)
{
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  RgSession *loaded = rg_session_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return loaded;
}

static void
test_add_edit_action (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RgSession) loaded = NULL;
  GtkRoot *root = GTK_ROOT (f->window);
  GtkWidget *what;
  RgAction *action;
  RgAction *copy;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "actions.add-action", NULL));
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_actions (f->session)), ==, 1);
  action = nth_action (f, 0);

  /* Ready to type what will be done */
  what = action_field (f, 0, "what");
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_root_get_focus (root)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), what));
  rg_test_type_words (GTK_TEXT_VIEW (gtk_root_get_focus (root)), "Rencontrer la famille");
  g_assert_cmpstr (rg_action_get_what (action), ==, "Rencontrer la famille");
  rg_editable_text_stop_editing (RG_EDITABLE_TEXT (what));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (action_field (f, 0, "owner")), 2);
  g_assert_cmpstr (rg_action_get_owner_id (action), ==, rg_partner_get_id (f->mother));

  /* Late: flagged */
  g_assert_false (overdue_shown (row_of (what)));
  type_date_and_enter (action_field (f, 0, "due"), "2000-01-15");
  g_assert_cmpstr (rg_action_get_due (action), ==, "2000-01-15");
  g_assert_null (date_message (action_field (f, 0, "due")));
  g_assert_true (overdue_shown (row_of (action_field (f, 0, "what"))));
  g_assert_nonnull (find_text (GTK_WIDGET (f->view), "1 action is overdue"));

  /* Not a date: refused, said, nothing changed */
  type_date_and_enter (action_field (f, 0, "due"), "mi-janvier");
  g_assert_cmpstr (rg_action_get_due (action), ==, "2000-01-15");
  g_assert_nonnull (date_message (action_field (f, 0, "due")));

  /* Done: no longer late */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (action_field (f, 0, "status")),
                              RG_ACTION_STATUS_DONE);
  rg_test_iterate_until_idle ();
  g_assert_cmpint (rg_action_get_status (action), ==, RG_ACTION_STATUS_DONE);
  g_assert_false (overdue_shown (row_of (action_field (f, 0, "what"))));
  g_assert_null (find_text (GTK_WIDGET (f->view), "1 action is overdue"));

  loaded = save_and_load (f->session);
  copy = rg_session_find_action (loaded, rg_action_get_id (action));
  g_assert_nonnull (copy);
  g_assert_cmpstr (rg_action_get_what (copy), ==, "Rencontrer la famille");
  g_assert_cmpstr (rg_action_get_owner_id (copy), ==, rg_partner_get_id (f->mother));
  g_assert_cmpstr (rg_action_get_due (copy), ==, "2000-01-15");
  g_assert_cmpint (rg_action_get_status (copy), ==, RG_ACTION_STATUS_DONE);

  /* Each edit undone shows at once */
  g_assert_true (rg_undo_stack_undo (f->undo));
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (action_field (f, 0, "status"))),
                    ==, RG_ACTION_STATUS_PLANNED);
  g_assert_true (overdue_shown (row_of (action_field (f, 0, "what"))));
  g_assert_true (rg_undo_stack_undo (f->undo));
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (text_of (action_field (f, 0, "due")), ==, "");
  g_assert_null (date_message (action_field (f, 0, "due")));
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (action_field (f, 0, "owner"))),
                    ==, 0);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpstr (text_of (action_field (f, 0, "what")), ==, "");
  g_assert_true (rg_undo_stack_undo (f->undo));
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (count_named (GTK_WIDGET (f->view), "what"), ==, 0);
}

static void assert_order (Fixture *f, const char *first, const char *second, const char *third);
static const char *focused_field_name (Fixture *f);

static RgAction *
add_action (Fixture    *f,
            const char *what,
            RgPartner  *owner,
            const char *due)
{
  RgAction *action = rg_session_editor_add_action (f->editor, what);

  rg_session_editor_set_action_owner (f->editor, action,
                                      owner != NULL ? rg_partner_get_id (owner) : NULL);
  g_assert_true (rg_session_editor_set_action_due (f->editor, action, due, NULL));
  rg_test_iterate_until_idle ();

  return action;
}

/* In French a due date is typed 15/12/2026: stored as 2026-12-15, in
 * one step undone at once; what is not a date is said in words and
 * never stored. */
static void
test_due_french (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  g_autoptr(RgSession) loaded = NULL;
  RgAction *action;
  GtkWidget *due;
  const char *message;

  if (setlocale (LC_TIME, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("No French locale on this machine");
      return;
    }

  action = add_action (f, "Bilan orthophonique", f->teacher, NULL);
  rg_undo_stack_clear (f->undo);
  due = action_field (f, 0, "due");
  g_assert_true (RG_IS_DATE_ENTRY (due));
  g_assert_true (rg_date_entry_get_optional (RG_DATE_ENTRY (due)));
  g_assert_cmpstr (rg_date_entry_get_label (RG_DATE_ENTRY (due)), ==, "Due date");

  type_date (due, "15/12/2026");
  /* Stored as soon as it is a date, before Enter: the autosave has it */
  g_assert_cmpstr (rg_action_get_due (action), ==, "2026-12-15");
  enter_date (due);
  g_assert_null (date_message (due));
  g_assert_cmpstr (text_of (due), ==, "15/12/2026");
  g_assert_false (overdue_shown (row_of (action_field (f, 0, "what"))));

  loaded = save_and_load (f->session);
  g_assert_cmpstr (rg_action_get_due (rg_session_find_action (loaded, rg_action_get_id (action))),
                   ==, "2026-12-15");

  /* Not a day of the calendar: said, with the form and an example */
  type_date_and_enter (due, "31/02/2026");
  g_assert_cmpstr (rg_action_get_due (action), ==, "2026-12-15");
  message = date_message (due);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "31/02/2026"));
  g_assert_nonnull (strstr (message, "15/12/2026"));

  /* The date typed is one change, undone at once */
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Change due date");
  g_assert_true (rg_undo_stack_undo (f->undo));
  rg_test_iterate_until_idle ();
  g_assert_null (rg_action_get_due (action));
  g_assert_cmpstr (text_of (action_field (f, 0, "due")), ==, "");
  g_assert_null (date_message (action_field (f, 0, "due")));
  g_assert_false (rg_undo_stack_get_can_undo (f->undo));

  g_assert_true (rg_undo_stack_redo (f->undo));
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (text_of (action_field (f, 0, "due")), ==, "15/12/2026");

  /* Sorted by due date, a row does not move under the keys: typing
   * 15/01/2027 passes by 15/01/20, a date that sorts first */
  add_action (f, "Rencontrer la famille", f->mother, "2026-12-01");
  assert_order (f, "Rencontrer la famille", "Bilan orthophonique", NULL);
  type_date (action_field (f, 1, "due"), "15/01/2027");
  g_assert_cmpstr (rg_action_get_due (action), ==, "2027-01-15");
  g_assert_cmpstr (text_of (action_field (f, 1, "due")), ==, "15/01/2027");
  assert_order (f, "Rencontrer la famille", "Bilan orthophonique", NULL);
  /* then goes where its date puts it, when the user leaves it */
  type_date (action_field (f, 1, "due"), "15/01/2026");
  g_assert_cmpstr (rg_action_get_due (action), ==, "2026-01-15");
  assert_order (f, "Rencontrer la famille", "Bilan orthophonique", NULL);
  g_assert_cmpstr (focused_field_name (f), ==, "due");
  rg_test_press_tab (f->window);
  rg_test_press_tab (f->window);
  assert_order (f, "Bilan orthophonique", "Rencontrer la famille", NULL);
  g_assert_cmpstr (focused_field_name (f), ==, "status");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         row_of (action_field (f, 0, "what"))));

  setlocale (LC_TIME, saved);
}

static void
assert_order (Fixture    *f,
              const char *first,
              const char *second,
              const char *third)
{
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (text_of (action_field (f, 0, "what")), ==, first);
  g_assert_cmpstr (text_of (action_field (f, 1, "what")), ==, second);
  if (third != NULL)
    g_assert_cmpstr (text_of (action_field (f, 2, "what")), ==, third);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkDropDown *sort;

  add_action (f, "Bilan orthophonique", f->teacher, "2027-03-01");
  add_action (f, "Rencontrer la famille", f->mother, "2027-05-01");
  add_action (f, "Inscrire au club", NULL, "2027-01-01");

  /* By due date, the earliest first */
  assert_order (f, "Inscrire au club", "Bilan orthophonique", "Rencontrer la famille");

  /* By who does them, chosen in the page: Benali, Roussel, nobody */
  sort = GTK_DROP_DOWN (find_nth (GTK_WIDGET (f->view), "sort", 0));
  g_assert_cmpint (rg_actions_view_get_sort (f->view), ==, RG_ACTIONS_SORT_DUE);
  gtk_drop_down_set_selected (sort, RG_ACTIONS_SORT_OWNER);
  g_assert_cmpint (rg_actions_view_get_sort (f->view), ==, RG_ACTIONS_SORT_OWNER);
  assert_order (f, "Rencontrer la famille", "Bilan orthophonique", "Inscrire au club");

  /* An edit that changes the order moves the row, and the focus with it */
  gtk_widget_grab_focus (action_field (f, 2, "owner"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (action_field (f, 2, "owner")), 2);
  assert_order (f, "Inscrire au club", "Rencontrer la famille", "Bilan orthophonique");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         row_of (action_field (f, 0, "what"))) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == action_field (f, 0, "owner"));

  /* By status, planned first */
  rg_session_editor_set_action_status (f->editor, nth_action (f, 2), RG_ACTION_STATUS_DONE);
  gtk_drop_down_set_selected (sort, RG_ACTIONS_SORT_STATUS);
  assert_order (f, "Bilan orthophonique", "Rencontrer la famille", "Inscrire au club");
}

/* Someone from outside the team does it: typed beside “Nobody yet”, and
 * hidden once a partner is chosen */
static void
test_owner_from_outside (Fixture       *f,
                         gconstpointer  data)
{
  RgAction *action = add_action (f, "Bilan orthophonique", NULL, "2027-03-01");
  GtkWidget *owner_name = action_field (f, 0, "owner-name");
  g_autoptr(RgSession) loaded = NULL;
  g_autoptr(RgAction) read = NULL;

  g_assert_true (gtk_widget_get_visible (owner_name));
  gtk_widget_grab_focus (owner_name);
  g_signal_emit_by_name (gtk_root_get_focus (GTK_ROOT (f->window)), "insert-at-cursor",
                         "Orthophoniste du CMP");
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (rg_action_get_owner_name (action), ==, "Orthophoniste du CMP");

  loaded = save_and_load (f->session);
  read = g_list_model_get_item (rg_session_get_actions (loaded), 0);
  g_assert_cmpstr (rg_action_get_owner_name (read), ==, "Orthophoniste du CMP");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (action_field (f, 0, "owner")), 1);
  rg_test_iterate_until_idle ();
  g_assert_nonnull (rg_action_get_owner_id (action));
  g_assert_false (gtk_widget_get_visible (owner_name));

  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_true (rg_undo_stack_undo (f->undo));
  rg_test_iterate_until_idle ();
  g_assert_null (rg_action_get_owner_name (action));
  g_assert_cmpstr (text_of (owner_name), ==, "");
}

static void
test_remove_action (Fixture       *f,
                    gconstpointer  data)
{
  add_action (f, "Bilan orthophonique", f->teacher, "2027-03-01");
  add_action (f, "Rencontrer la famille", f->mother, "2027-05-01");

  g_signal_emit_by_name (action_field (f, 0, "delete"), "clicked");
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_actions (f->session)), ==, 1);
  g_assert_cmpuint (count_named (GTK_WIDGET (f->view), "what"), ==, 1);
  g_assert_cmpstr (text_of (action_field (f, 0, "what")), ==, "Rencontrer la famille");
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Delete action");

  g_assert_true (rg_undo_stack_undo (f->undo));
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (count_named (GTK_WIDGET (f->view), "what"), ==, 2);
  g_assert_cmpstr (text_of (action_field (f, 0, "what")), ==, "Bilan orthophonique");
}

static void
test_next_review (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RgSession) loaded = NULL;
  GPtrArray *entries = g_ptr_array_new ();
  GtkWidget *entry;

  /* The first date of the page */
  collect (GTK_WIDGET (f->view), "RgDateEntry", entries);
  g_assert_cmpuint (entries->len, >=, 1);
  entry = g_ptr_array_index (entries, 0);
  g_ptr_array_unref (entries);
  g_assert_true (rg_date_entry_get_optional (RG_DATE_ENTRY (entry)));
  g_assert_cmpstr (rg_date_entry_get_label (RG_DATE_ENTRY (entry)), ==, "Date of the next review");

  type_date_and_enter (entry, "2027-03-02");
  g_assert_cmpstr (rg_session_get_next_review (f->session), ==, "2027-03-02");

  type_date_and_enter (entry, "2 mars");
  g_assert_cmpstr (rg_session_get_next_review (f->session), ==, "2027-03-02");
  g_assert_nonnull (date_message (entry));

  loaded = save_and_load (f->session);
  g_assert_cmpstr (rg_session_get_next_review (loaded), ==, "2027-03-02");

  g_assert_true (rg_undo_stack_undo (f->undo));
  rg_test_iterate_until_idle ();
  g_assert_null (rg_session_get_next_review (f->session));
  g_assert_cmpstr (text_of (entry), ==, "");
  g_assert_null (date_message (entry));

  /* Emptied: no next review yet */
  type_date_and_enter (entry, "2027-04-06");
  g_assert_cmpstr (rg_session_get_next_review (f->session), ==, "2027-04-06");
  type_date_and_enter (entry, "");
  g_assert_null (rg_session_get_next_review (f->session));
  g_assert_null (date_message (entry));
}

static void
test_consent (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RgSession) loaded = NULL;
  g_autofree char *today = rg_date_new_today ();
  /* As the user writes dates: GTK's tests run in US English where it
   * is installed, in the C locale's ISO form elsewhere */
  g_autofree char *today_shown = rg_date_entry_format (today, NULL);
  RgConsent *consent;
  RgConsent *copy;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "actions.add-consent", NULL));
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_consents (f->session)), ==, 1);
  {
    g_autoptr(RgConsent) item = g_list_model_get_item (rg_session_get_consents (f->session), 0);
    consent = item;
  }
  g_assert_cmpstr (text_of (consent_field (f, 0, "date")), ==, today_shown);

  /* Ready to type what the family agreed to */
  g_assert_true (rg_editable_text_get_editing (RG_EDITABLE_TEXT (consent_field (f, 0, "scope"))));
  type_text (consent_field (f, 0, "scope"), "Le bilan scolaire");
  type_text (consent_field (f, 0, "shared-with"), "Le médecin scolaire");
  g_assert_false (rg_date_entry_get_optional (RG_DATE_ENTRY (consent_field (f, 0, "date"))));
  type_date_and_enter (consent_field (f, 0, "date"), "2026-11-20");
  g_assert_cmpstr (rg_consent_get_date (consent), ==, "2026-11-20");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (consent_field (f, 0, "recorder")), 1);

  /* No date, or not one: refused */
  type_date_and_enter (consent_field (f, 0, "date"), "");
  g_assert_cmpstr (rg_consent_get_date (consent), ==, "2026-11-20");
  g_assert_nonnull (date_message (consent_field (f, 0, "date")));
  type_date_and_enter (consent_field (f, 0, "date"), "20 novembre");
  g_assert_cmpstr (rg_consent_get_date (consent), ==, "2026-11-20");
  g_assert_nonnull (strstr (date_message (consent_field (f, 0, "date")), "20 novembre"));

  loaded = save_and_load (f->session);
  copy = rg_session_find_consent (loaded, rg_consent_get_id (consent));
  g_assert_nonnull (copy);
  g_assert_cmpstr (rg_consent_get_scope (copy), ==, "Le bilan scolaire");
  g_assert_cmpstr (rg_consent_get_shared_with (copy), ==, "Le médecin scolaire");
  g_assert_cmpstr (rg_consent_get_date (copy), ==, "2026-11-20");
  g_assert_cmpstr (rg_consent_get_recorded_by_id (copy), ==, rg_partner_get_id (f->teacher));

  g_signal_emit_by_name (consent_field (f, 0, "delete"), "clicked");
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (count_named (GTK_WIDGET (f->view), "scope"), ==, 0);
  g_assert_true (rg_undo_stack_undo (f->undo));
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (text_of (consent_field (f, 0, "scope")), ==, "Le bilan scolaire");
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (consent_field (f, 0, "recorder"))),
                    ==, 0);
  g_assert_true (rg_undo_stack_undo (f->undo));
  g_assert_cmpstr (text_of (consent_field (f, 0, "date")), ==, today_shown);
}

/* A consent carried over to a follow-up is to be confirmed with the
 * family: said on its row, settled by its button, undoably. */
static void
test_consent_to_confirm (Fixture       *f,
                         gconstpointer  data)
{
  RgConsent *consent = rg_session_editor_add_consent (f->editor, "Le bilan scolaire");
  GtkWidget *confirm;
  GtkWidget *badge;

  rg_consent_set_to_confirm (consent, TRUE);
  rg_undo_stack_clear (f->undo);
  rg_test_iterate_until_idle ();

  badge = find_text (GTK_WIDGET (f->view), "To confirm with the family");
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_is_ancestor (badge, row_of (consent_field (f, 0, "scope"))));
  g_assert_true (gtk_widget_get_mapped (badge));
  confirm = consent_field (f, 0, "confirm");
  g_assert_true (GTK_IS_BUTTON (confirm));
  g_assert_true (gtk_widget_get_mapped (confirm));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (confirm)), ==, "Confirmed");
  {
    g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (confirm),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "Confirmed by the family");

    g_assert_null (differs);
  }

  g_signal_emit_by_name (confirm, "clicked");
  rg_test_iterate_until_idle ();
  g_assert_false (rg_consent_get_to_confirm (consent));
  g_assert_false (gtk_widget_get_mapped (badge));
  g_assert_false (gtk_widget_get_mapped (confirm));
  g_assert_cmpstr (rg_undo_stack_get_undo_label (f->undo), ==, "Confirm consent");
  {
    g_autoptr(RgSession) loaded = save_and_load (f->session);

    g_assert_false (rg_consent_get_to_confirm (rg_session_find_consent (loaded,
                                                                        rg_consent_get_id (consent))));
  }

  g_assert_true (rg_undo_stack_undo (f->undo));
  rg_test_iterate_until_idle ();
  g_assert_true (rg_consent_get_to_confirm (consent));
  g_assert_true (gtk_widget_get_mapped (badge));
  g_assert_true (gtk_widget_get_mapped (consent_field (f, 0, "confirm")));

  /* A consent recorded in this session has nothing to confirm */
  rg_session_editor_add_consent (f->editor, "Les comptes rendus");
  rg_test_iterate_until_idle ();
  g_assert_false (gtk_widget_get_mapped (consent_field (f, 1, "confirm")));
}

/* Where the focus is, as the field of a row it is in: the field itself
 * or a part of it (a drop-down's button, an editor's text view). */
static const char *
focused_field_name (Fixture *f)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (f->window)); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_LIST_BOX_ROW (w))
      break;
    else if (g_strcmp0 (gtk_widget_get_name (w), "what") == 0 ||
             g_strcmp0 (gtk_widget_get_name (w), "owner") == 0 ||
             g_strcmp0 (gtk_widget_get_name (w), "owner-name") == 0 ||
             g_strcmp0 (gtk_widget_get_name (w), "due") == 0 ||
             g_strcmp0 (gtk_widget_get_name (w), "status") == 0 ||
             g_strcmp0 (gtk_widget_get_name (w), "scope") == 0 ||
             g_strcmp0 (gtk_widget_get_name (w), "shared-with") == 0 ||
             g_strcmp0 (gtk_widget_get_name (w), "date") == 0 ||
             g_strcmp0 (gtk_widget_get_name (w), "recorder") == 0 ||
             g_strcmp0 (gtk_widget_get_name (w), "confirm") == 0 ||
             g_strcmp0 (gtk_widget_get_name (w), "delete") == 0)
      return gtk_widget_get_name (w);

  return NULL;
}

static gboolean
has_width (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

static gboolean
focus_is_date_text (Fixture *f)
{
  return GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (f->window)));
}

static gboolean
focus_is_calendar_button (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *button = gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON);

  return button != NULL && gtk_widget_get_ancestor (button, RG_TYPE_DATE_ENTRY) != NULL;
}

/* Tab from what an action is goes on to who does it (a partner, or else
 * someone from outside), by when and its status; its delete button comes
 * last, never after the text (Space there deleted the action). A click
 * on a consent's text edits it. */
static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  RgAction *action;
  GtkWidget *what, *scope;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "actions.add-action", NULL));
  rg_test_iterate_until_idle ();
  action = nth_action (f, 0);
  what = action_field (f, 0, "what");
  g_assert_cmpstr (focused_field_name (f), ==, "what");
  rg_test_type_words (GTK_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (f->window))), "Appeler la famille");

  rg_test_press_tab (f->window);
  g_assert_false (rg_editable_text_get_editing (RG_EDITABLE_TEXT (what)));
  g_assert_cmpstr (rg_action_get_what (action), ==, "Appeler la famille");
  g_assert_cmpstr (focused_field_name (f), ==, "owner");
  /* No partner does it yet: someone from outside may */
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "owner-name");
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "due");
  g_assert_true (focus_is_date_text (f));
  /* The date's calendar button, after its text, then on */
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "due");
  g_assert_true (focus_is_calendar_button (f));
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "status");
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "delete");

  /* Back on the text, a key typed writes on, and a click edits too. */
  g_assert_true (gtk_widget_grab_focus (what));
  g_assert_true (rg_test_type_key (f->window, GDK_KEY_space, 0));
  g_assert_true (rg_editable_text_get_editing (RG_EDITABLE_TEXT (what)));
  rg_test_type_words (GTK_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (f->window))), "lundi");
  g_assert_cmpstr (rg_action_get_what (action), ==, "Appeler la famille lundi");
  g_assert_true (rg_test_type_key (f->window, GDK_KEY_Return, 0));
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_actions (f->session)), ==, 1);

  rg_session_editor_add_consent (f->editor, NULL);
  rg_test_iterate_until_idle ();
  scope = consent_field (f, 0, "scope");
  g_assert_false (rg_editable_text_get_editing (RG_EDITABLE_TEXT (scope)));
  rg_test_click (scope, 1);
  g_assert_true (rg_editable_text_get_editing (RG_EDITABLE_TEXT (scope)));
  rg_test_type_words (GTK_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (f->window))), "Les bilans");
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "shared-with");
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "date");
  g_assert_true (focus_is_date_text (f));
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "date");
  g_assert_true (focus_is_calendar_button (f));
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "recorder");
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "delete");

  /* Carried over, to be confirmed: its button comes after the fields,
   * before the delete button */
  rg_consent_set_to_confirm (g_object_get_data (G_OBJECT (row_of (scope)), "consent"), TRUE);
  /* Tab goes by where the widgets are: once the button has its place */
  g_assert_true (rg_test_wait_for (has_width, consent_field (f, 0, "confirm"), 5));
  g_assert_true (gtk_widget_grab_focus (consent_field (f, 0, "recorder")));
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "confirm");
  rg_test_press_tab (f->window);
  g_assert_cmpstr (focused_field_name (f), ==, "delete");
}

/* A partner added or renamed while the page is open shows at once */
static void
test_partners_follow (Fixture       *f,
                      gconstpointer  data)
{
  RgPartner *educator;
  RgAction *action = add_action (f, "Bilan orthophonique", f->teacher, NULL);
  GListModel *names;

  names = gtk_drop_down_get_model (GTK_DROP_DOWN (action_field (f, 0, "owner")));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);

  educator = rg_session_editor_add_partner (f->editor, "M. Kessler", "Éducateur", NULL);
  rg_test_iterate_until_idle ();
  names = gtk_drop_down_get_model (GTK_DROP_DOWN (action_field (f, 0, "owner")));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 4);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (action_field (f, 0, "owner")), 3);
  g_assert_cmpstr (rg_action_get_owner_id (action), ==, rg_partner_get_id (educator));

  /* A renamed partner is listed, and shown as the owner, by the new name */
  rg_session_editor_set (f->editor, "Rename", educator, "name", "M. Kessler-Durand", NULL);
  rg_test_iterate_until_idle ();
  names = gtk_drop_down_get_model (GTK_DROP_DOWN (action_field (f, 0, "owner")));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 3), ==,
                   "M. Kessler-Durand");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (action_field (f, 0, "owner"))),
                    ==, 3);
  g_assert_cmpstr (rg_action_get_owner_id (action), ==, rg_partner_get_id (educator));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/actions-view/action/add-edit-undo", test_add_edit_action);
  ADD ("/actions-view/action/due-french", test_due_french);
  ADD ("/actions-view/action/sort", test_sort);
  ADD ("/actions-view/action/remove-undo", test_remove_action);
  ADD ("/actions-view/action/owner-from-outside", test_owner_from_outside);
  ADD ("/actions-view/action/tab-order", test_tab_order);
  ADD ("/actions-view/next-review", test_next_review);
  ADD ("/actions-view/consent", test_consent);
  ADD ("/actions-view/consent/to-confirm", test_consent_to_confirm);
  ADD ("/actions-view/partners-follow", test_partners_follow);

  return g_test_run ();
}
