/* test-blind-round.c — statements read without their authors
 *
 * A session of three partners, saved as a real file and opened in a
 * real application under Xvfb. In a blind round, no partner's name,
 * profession or institution is anywhere in the diagnosis view: not in
 * a label, a button, a tooltip, nor an accessible name or description
 * a screen reader would read, not even in a link's popover; columns
 * are “Partner A”, “Partner B”… Revealing the authors, one action,
 * brings the names back. The file never changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rg-application.h"
#include "rg-diagnosis-view.h"
#include "rg-document.h"
#include "rg-session-window.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

static char *test_dir;

/* Who the partners are: none of it may show in a blind round. */
static const char *identities[] = {
  "Mme Roussel", "Enseignante de CM1", "École Les Tilleuls",
  "M. Kessler", "Éducateur spécialisé", "Association Horizons",
  "Mme Benali", "Mère",
};

static GFile *
write_session (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();
  g_autoptr(RgDimension) health = rg_dimension_new ();
  g_autoptr(RgLink) link = rg_link_new (RG_LINK_TYPE_DIVERGENCE);
  g_autofree char *path = g_build_filename (test_dir, "aveugle.regards", NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *members[3] = { NULL, NULL, NULL };

  rg_session_set_title (session, "Revue à l'aveugle");
  rg_dimension_set_name (school, "Scolarité");
  rg_dimension_set_name (health, "Santé");
  rg_session_add_dimension (session, school);
  rg_session_add_dimension (session, health);

  for (guint i = 0; i < G_N_ELEMENTS (identities); i += 3)
    {
      g_autoptr(RgPartner) partner = rg_partner_new ();
      g_autoptr(RgStatement) statement = NULL;
      g_autofree char *text = g_strdup_printf ("Observation numéro %u", i / 3 + 1);

      rg_partner_set_name (partner, identities[i]);
      rg_partner_set_profession (partner, identities[i + 1]);
      if (i + 2 < G_N_ELEMENTS (identities))
        rg_partner_set_institution (partner, identities[i + 2]);
      else
        rg_partner_set_role (partner, RG_PARTNER_ROLE_FAMILY);
      rg_session_add_partner (session, partner);

      statement = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (school),
                                    RG_STATEMENT_KIND_FACT, text);
      rg_session_add_statement (session, statement);
      if (i / 3 < 2)
        members[i / 3] = rg_statement_get_id (statement);
    }
  rg_link_set_members (link, members);
  rg_session_add_link (session, link);

  document = rg_document_new (session, file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return file;
}

/* What an accessible property holds, as text, or NULL if unset. GTK
 * 4.8 has no getter: its test API says the value it found when it
 * does not match the one asked for, which no real text is. */
static char *
accessible_property (GtkAccessible         *accessible,
                     GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (accessible, property))
    return NULL;

  return gtk_test_accessible_check_property (accessible, property, "\x01");
}

static void
append (GString    *text,
        const char *part)
{
  if (part != NULL)
    {
      g_string_append (text, part);
      g_string_append_c (text, '\n');
    }
}

/* Everything @widget and its descendants show or say. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  g_autofree char *label = accessible_property (GTK_ACCESSIBLE (widget),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_autofree char *description = accessible_property (GTK_ACCESSIBLE (widget),
                                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  append (text, label);
  append (text, description);
  append (text, tooltip);
  if (GTK_IS_LABEL (widget))
    append (text, gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget))
    append (text, gtk_button_get_label (GTK_BUTTON (widget)));
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      if (popover != NULL)
        collect_text (GTK_WIDGET (popover), text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static GtkWidget *
find_badge (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_has_css_class (widget, "link-badge"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *badge = find_badge (child);

      if (badge != NULL)
        return badge;
    }

  return NULL;
}

static gboolean
has_badge (gpointer view)
{
  return find_badge (view) != NULL;
}

/* The view's text, with the popover of a link's badge opened, which
 * quotes the other statements with their authors. */
static char *
view_text (RgDiagnosisView *view)
{
  GString *text = g_string_new (NULL);
  GtkWidget *badge;

  /* The grid fills its cells as they come into view. */
  g_assert_true (rg_test_wait_for (has_badge, view, 10));
  badge = find_badge (GTK_WIDGET (view));
  gtk_menu_button_popup (GTK_MENU_BUTTON (badge));
  rg_test_iterate_until_idle ();
  g_assert_nonnull (gtk_menu_button_get_popover (GTK_MENU_BUTTON (badge)));

  collect_text (GTK_WIDGET (view), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (badge));
  rg_test_iterate_until_idle ();

  return g_string_free (text, FALSE);
}

/* Whether the window's view named @name can be switched to */
static gboolean
view_is_offered (RgSessionWindow *window,
                 const char      *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                       RG_TYPE_SESSION_WINDOW,
                                                                       "view_stack"));

  return adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                                   adw_view_stack_get_child_by_name (stack, name)));
}

static void
hides_and_reveals (RgApplication *app)
{
  g_autoptr(GFile) file = write_session ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *revealed = NULL;
  g_autofree char *blind = NULL;
  g_autofree char *named = NULL;
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgDocument *document = rg_session_window_get_document (window);
  GtkRevealer *revealer;

  g_assert_true (g_file_load_contents (file, NULL, &before, NULL, NULL, NULL));

  /* Named, to begin with: the walk does find names where they are. */
  named = view_text (view);
  for (guint i = 0; i < G_N_ELEMENTS (identities); i++)
    g_assert_nonnull (strstr (named, identities[i]));
  g_assert_null (strstr (named, "Partner A"));

  revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (view), RG_TYPE_DIAGNOSIS_VIEW,
                                                         "blind_revealer"));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* A blind round: the meeting option, from the window's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.blind-round", NULL));
  g_assert_true (rg_diagnosis_view_get_blind (view));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  blind = view_text (view);
  for (guint i = 0; i < G_N_ELEMENTS (identities); i++)
    {
      if (strstr (blind, identities[i]) != NULL)
        g_error ("“%s” shows in a blind round:\n%s", identities[i], blind);
    }
  g_assert_nonnull (strstr (blind, "Partner A"));
  g_assert_nonnull (strstr (blind, "Partner B"));
  g_assert_nonnull (strstr (blind, "Partner C"));
  /* The statements themselves are still there. */
  g_assert_nonnull (strstr (blind, "Observation numéro 2"));
  /* The other views, which name the partners, are not offered */
  g_assert_true (view_is_offered (window, "diagnosis"));
  g_assert_false (view_is_offered (window, "links"));
  g_assert_false (view_is_offered (window, "glossary"));
  g_assert_false (view_is_offered (window, "actions"));

  /* Revealing is one action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.reveal-authors", NULL));
  g_assert_false (rg_diagnosis_view_get_blind (view));
  revealed = view_text (view);
  for (guint i = 0; i < G_N_ELEMENTS (identities); i++)
    g_assert_nonnull (strstr (revealed, identities[i]));
  g_assert_null (strstr (revealed, "Partner A"));
  g_assert_true (view_is_offered (window, "links"));
  g_assert_true (view_is_offered (window, "actions"));

  /* The file kept its authors and never changed. */
  g_assert_false (rg_document_get_modified (document));
  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* Five partners, listed in the order the team knows them by */
static GFile *
write_five_partners (void)
{
  static const char *names[] = { "Mme Roussel", "M. Kessler", "Mme Petit", "Dr Lemoine", "Mme Benali" };
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();
  g_autofree char *path = g_build_filename (test_dir, "cinq.regards", NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  rg_dimension_set_name (school, "Scolarité");
  rg_session_add_dimension (session, school);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RgPartner) partner = rg_partner_new ();

      rg_partner_set_name (partner, names[i]);
      rg_session_add_partner (session, partner);
    }

  document = rg_document_new (session, file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return file;
}

/* The partners of the view's columns, by name, in order */
static char *
column_order (RgDiagnosisView *view)
{
  GString *order = g_string_new (NULL);
  RgPartner *partner;

  for (guint c = 0; (partner = rg_diagnosis_view_get_column_partner (view, c)); c++)
    g_string_append_printf (order, "%s%s", c > 0 ? ", " : "", rg_partner_get_name (partner));

  return g_string_free (order, FALSE);
}

static gboolean
cell_is_mapped (gpointer view)
{
  RgDiagnosisCell *cell = rg_diagnosis_view_get_cell (view, 0, 0);

  return cell != NULL && gtk_widget_get_mapped (GTK_WIDGET (cell));
}

/* A blind round shuffles the columns: in the order the partners are
 * listed in, “Partner A” would be the teacher for everyone who knows
 * the list. The order holds for the whole round, even when the grid is
 * built again, and the listed order comes back with the names. The
 * shuffle is random, but never the listed order itself (it would be so
 * once in 120 rounds with five partners), so this test holds at every
 * run. */
static void
shuffled_columns (RgApplication *app)
{
  g_autoptr(GFile) file = write_five_partners ();
  RgSessionWindow *window = rg_test_open_session (app, file);
  RgDiagnosisView *view = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  RgSessionEditor *editor = rg_session_window_get_editor (window);
  g_autofree char *named = column_order (view);
  g_autofree char *blind = NULL;
  g_autofree char *rebuilt = NULL;
  g_autofree char *revealed = NULL;
  g_autofree char *first_header = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) collected = g_string_new (NULL);
  GtkWidget *cell;

  g_assert_cmpstr (named, ==, "Mme Roussel, M. Kessler, Mme Petit, Dr Lemoine, Mme Benali");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.blind-round", NULL));
  blind = column_order (view);
  g_test_message ("Blind round: %s", blind);
  g_assert_cmpstr (blind, !=, named);

  /* The first column is “Partner A”, whoever it holds. */
  g_assert_true (rg_test_wait_for (cell_is_mapped, view, 10));
  cell = GTK_WIDGET (rg_diagnosis_view_get_cell (view, 0, 0));
  collect_text (cell, collected);
  g_assert_nonnull (strstr (collected->str, "Partner A"));

  /* A dimension added: the grid is built again, in the same order. */
  rg_session_editor_add_dimension (editor, "Santé");
  rg_test_iterate_until_idle ();
  rebuilt = column_order (view);
  g_assert_cmpstr (rebuilt, ==, blind);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.reveal-authors", NULL));
  revealed = column_order (view);
  g_assert_cmpstr (revealed, ==, named);
}

/* The commands across meetings have their keys. */
static void
shortcuts (RgApplication *app)
{
  static const struct { const char *action; const char *accel; } expected[] = {
    { "session.blind-round", "<Control>b" },
    { "session.reveal-authors", "<Shift><Control>b" },
    { "session.new-follow-up", "<Shift><Control>n" },
    { "session.show-timeline", "<Control>t" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    expected[i].action);
      guint key, wanted_key;
      GdkModifierType mods, wanted_mods;

      g_assert_nonnull (accels[0]);
      g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
      g_assert_true (gtk_accelerator_parse (expected[i].accel, &wanted_key, &wanted_mods));
      g_assert_cmpuint (key, ==, wanted_key);
      g_assert_cmpuint (mods, ==, wanted_mods);
    }
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

  rg_test_add_app_func ("/blind-round/hides-and-reveals", hides_and_reveals);
  rg_test_add_app_func ("/blind-round/shortcuts", shortcuts);
  rg_test_add_app_func ("/blind-round/shuffled-columns", shuffled_columns);

  return g_test_run ();
}
