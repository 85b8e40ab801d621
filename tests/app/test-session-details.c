/* test-session-details.c — a session's details changed after it was made, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "rg-date-entry.h"
#include "rg-session-details-dialog.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

static char *test_dir;

static GFile *
write_session_file (const char *name)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  GFile *file = g_file_new_for_path (path);

  rg_session_set_title (session, "Revue de situation");
  rg_session_set_date (session, "2026-11-20");
  rg_session_set_situation_label (session, "Élève A., CM1");
  rg_partner_set_name (teacher, "Mme Roussel");
  rg_dimension_set_name (school, "Scolarité");
  rg_session_add_partner (session, teacher);
  rg_session_add_dimension (session, school);

  g_file_delete (file, NULL, NULL);
  document = rg_document_new (session, file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return file;
}

static gboolean
has_title (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_date_entry (GtkWidget     *widget,
               gconstpointer  data)
{
  return RG_IS_DATE_ENTRY (widget);
}

static gboolean
is_window_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_WINDOW_TITLE (widget);
}

/* Types @text at the end of @editable, word by word, as an input
 * method commits it. */
static void
type_at_end (GtkEditable *editable,
             const char  *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (editable);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  gtk_widget_grab_focus (GTK_WIDGET (delegate));
  gtk_editable_set_position (delegate, -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *typed = g_strconcat (i > 0 ? " " : "", words[i], NULL);

      g_signal_emit_by_name (delegate, "insert-at-cursor", typed);
      rg_test_iterate_until_idle ();
    }
}

/* A key pressed in @window, as GTK dispatches it to shortcuts: first
 * down from the window to the focus (capture), then back up (bubble). */
static gboolean
press_key (GtkWindow       *window,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  for (GtkWidget *widget = gtk_window_get_focus (window); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (chain, 0, widget);

  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < chain->len; k++)
      {
        GtkWidget *widget = g_ptr_array_index (chain, pass == 0 ? k : chain->len - 1 - k);
        g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

        for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
          {
            g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
            GtkPropagationPhase phase;

            if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
              continue;
            phase = gtk_event_controller_get_propagation_phase (controller);
            if (phase != (pass == 0 ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE))
              continue;

            for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
              {
                g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

                if (rg_test_trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, state) &&
                    gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                  GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                  gtk_shortcut_get_arguments (shortcut)))
                  {
                    rg_test_iterate_until_idle ();
                    return TRUE;
                  }
              }
          }
      }

  return FALSE;
}

static char *
get_text_property (RgSession  *session,
                   const char *property)
{
  char *value = NULL;

  g_object_get (session, property, &value, NULL);

  return value;
}

static gboolean
is_saved (gpointer window)
{
  return !rg_document_get_modified (rg_session_window_get_document (window));
}

/* Each detail typed in the dialog is the session's at once, undone with
 * Ctrl+Z and redone with Ctrl+Shift+Z, and saved; the header shows the
 * title and the child's label. */
static void
edit_each_field (RgApplication *app)
{
  static const struct { const char *row; const char *property; const char *typed; } texts[] = {
    { "Title", "title", " — bilan de mi-année" },
    { "Place", "place", "École Jules Ferry, salle 3" },
    { "Facilitator", "facilitator", "Mme Diallo, coordinatrice" },
    { "Child’s Label", "situation-label", " (suivi)" },
    { "Code", "situation-code", "PRE-2026-014" },
  };
  g_autoptr(GFile) file = write_session_file ("details.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
  RgSessionDetailsDialog *dialog;
  GtkWidget *window_title;
  GtkWidget *row;
  RgDateEntry *date_entry;
  g_autofree char *date_text = rg_date_entry_format ("2026-12-15", NULL);
  g_autofree char *review_text = rg_date_entry_format ("2027-03-02", NULL);
  g_autoptr(RgSession) saved = NULL;

  /* The title and the child's label are in the header */
  window_title = rg_test_find_widget (GTK_WIDGET (window), is_window_title, NULL);
  g_assert_nonnull (window_title);
  g_assert_true (gtk_widget_get_mapped (window_title));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (window_title)), ==,
                   "Revue de situation");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (window_title)), ==,
                   "Élève A., CM1");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.details", NULL));
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (RG_TYPE_SESSION_DETAILS_DIALOG);
  g_assert_nonnull (dialog);

  /* It opens in the title, at its end, nothing selected: a key typed at
   * once does not replace the title */
  row = rg_test_find_widget (GTK_WIDGET (dialog), has_title, "Title");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) ==
                 GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))));
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (row), NULL, NULL));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (row)), ==,
                   g_utf8_strlen ("Revue de situation", -1));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *before = get_text_property (session, texts[i].property);
      g_autofree char *after = g_strconcat (before ? before : "", texts[i].typed, NULL);
      g_autofree char *value = NULL;

      g_test_message ("Typing in “%s”", texts[i].row);
      row = rg_test_find_widget (GTK_WIDGET (dialog), has_title, texts[i].row);
      g_assert_nonnull (row);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, before ? before : "");

      type_at_end (GTK_EDITABLE (row), texts[i].typed);
      value = get_text_property (session, texts[i].property);
      g_assert_cmpstr (value, ==, after);
      g_clear_pointer (&value, g_free);

      g_assert_true (press_key (GTK_WINDOW (dialog), GDK_KEY_z, GDK_CONTROL_MASK));
      value = get_text_property (session, texts[i].property);
      g_assert_cmpstr (value ? value : "", ==, before ? before : "");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, before ? before : "");
      g_clear_pointer (&value, g_free);

      g_assert_true (press_key (GTK_WINDOW (dialog), GDK_KEY_z,
                                             GDK_CONTROL_MASK | GDK_SHIFT_MASK));
      value = get_text_property (session, texts[i].property);
      g_assert_cmpstr (value, ==, after);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, after);
    }

  /* The header follows */
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (window_title)), ==,
                   "Revue de situation — bilan de mi-année");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (window_title)), ==,
                   "Élève A., CM1 (suivi)");

  /* The date, typed as the user writes dates */
  row = rg_test_find_widget (GTK_WIDGET (dialog), has_title, "Date");
  date_entry = RG_DATE_ENTRY (rg_test_find_widget (row, is_date_entry, NULL));
  g_assert_cmpstr (rg_date_entry_get_date (date_entry), ==, "2026-11-20");
  gtk_editable_select_region (gtk_editable_get_delegate (rg_date_entry_get_editable (date_entry)),
                              0, -1);
  g_signal_emit_by_name (gtk_editable_get_delegate (rg_date_entry_get_editable (date_entry)),
                         "backspace");
  type_at_end (rg_date_entry_get_editable (date_entry), date_text);
  g_assert_cmpstr (rg_session_get_date (session), ==, "2026-12-15");
  g_assert_true (press_key (GTK_WINDOW (dialog), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpstr (rg_session_get_date (session), ==, "2026-11-20");
  g_assert_cmpstr (rg_date_entry_get_date (date_entry), ==, "2026-11-20");
  g_assert_true (press_key (GTK_WINDOW (dialog), GDK_KEY_y, GDK_CONTROL_MASK));
  g_assert_cmpstr (rg_session_get_date (session), ==, "2026-12-15");

  /* The next review, none until typed */
  row = rg_test_find_widget (GTK_WIDGET (dialog), has_title, "Next Review");
  date_entry = RG_DATE_ENTRY (rg_test_find_widget (row, is_date_entry, NULL));
  g_assert_null (rg_date_entry_get_date (date_entry));
  type_at_end (rg_date_entry_get_editable (date_entry), review_text);
  g_assert_cmpstr (rg_session_get_next_review (session), ==, "2027-03-02");
  g_assert_true (press_key (GTK_WINDOW (dialog), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_null (rg_session_get_next_review (session));
  g_assert_true (press_key (GTK_WINDOW (dialog), GDK_KEY_z,
                                         GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (rg_session_get_next_review (session), ==, "2027-03-02");

  /* The window's undo takes back a change made in the dialog too */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_null (rg_session_get_next_review (session));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.redo", NULL));

  /* All of it reaches the file with the autosave */
  g_assert_true (rg_test_wait_for (is_saved, window, 10));
  saved = rg_test_read_session (file);
  g_assert_cmpstr (rg_session_get_title (saved), ==, "Revue de situation — bilan de mi-année");
  g_assert_cmpstr (rg_session_get_date (saved), ==, "2026-12-15");
  g_assert_cmpstr (rg_session_get_place (saved), ==, "École Jules Ferry, salle 3");
  g_assert_cmpstr (rg_session_get_facilitator (saved), ==, "Mme Diallo, coordinatrice");
  g_assert_cmpstr (rg_session_get_next_review (saved), ==, "2027-03-02");
  g_assert_cmpstr (rg_session_get_situation_label (saved), ==, "Élève A., CM1 (suivi)");
  g_assert_cmpstr (rg_session_get_situation_code (saved), ==, "PRE-2026-014");

  gtk_window_close (GTK_WINDOW (window));
}

/* A partner's contribution is about their column: no blind round,
 * follow-up, timeline or details there. */
static void
contribution_actions (RgApplication *app)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, "contribution.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RgSessionWindow *window;
  gboolean blind = TRUE;
  const char *disabled[] = {
    "session.blind-round", "session.new-follow-up", "session.show-timeline", "session.details",
  };

  rg_session_set_title (session, "Revue de situation");
  rg_partner_set_name (teacher, "Mme Roussel");
  rg_dimension_set_name (school, "Scolarité");
  rg_session_add_partner (session, teacher);
  rg_session_add_dimension (session, school);
  rg_session_set_kind (session, RG_SESSION_KIND_CONTRIBUTION);
  rg_session_set_contributor_id (session, rg_partner_get_id (teacher));
  document = rg_document_new (session, file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  window = rg_test_open_session (app, file);
  for (guint i = 0; i < G_N_ELEMENTS (disabled); i++)
    gtk_widget_activate_action (GTK_WIDGET (window), disabled[i], NULL);
  rg_test_iterate_until_idle ();

  g_object_get (window, "blind-round", &blind, NULL);
  g_assert_false (blind);
  g_assert_null (rg_test_find_window (RG_TYPE_SESSION_DETAILS_DIALOG));
  /* Neither a follow-up nor a timeline opened */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      g_assert_false (RG_IS_SESSION_WINDOW (l->data) && l->data != (gpointer) window);
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (l->data), !=, "RgTimelineWindow");
    }

  gtk_window_close (GTK_WINDOW (window));
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

  /* Dates typed as in French, where the machine has it */
  setlocale (LC_TIME, "fr_FR.UTF-8");

  rg_test_add_app_func ("/session-details/edit-each-field", edit_each_field);
  rg_test_add_app_func ("/session-details/contribution-actions", contribution_actions);

  return g_test_run ();
}
