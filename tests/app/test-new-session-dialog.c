/* test-new-session-dialog.c — a new session and its partners, by keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-new-session-dialog.h"
#include "rg-partner-dialog.h"
#include "rg-partner-swatch.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

typedef struct
{
  const char    *name;
  const char    *profession;
  const char    *institution;
  RgPartnerRole  role;
} Partner;

/* The team of the issue: five partners, the mother and the coordinator
 * among them */
static const Partner team[] = {
  { "Mme Roussel", "Enseignante", "École Jules Ferry", RG_PARTNER_ROLE_PROFESSIONAL },
  { "Mme L. (mère)", NULL, NULL, RG_PARTNER_ROLE_FAMILY },
  { "Adam", NULL, NULL, RG_PARTNER_ROLE_YOUNG_PERSON },
  { "Mme Fontaine", "Coordinatrice PRE", "Ville de Saint-Aubin", RG_PARTNER_ROLE_COORDINATOR },
  { "M. Kessler", "Éducateur", "Association Horizons", RG_PARTNER_ROLE_PROFESSIONAL },
};

/* Types @text into the focused field, word by word, as an input method
 * commits it: through the text widget's own signal */
static void
type_text (GtkWindow  *window,
           const char *text)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  g_assert_true (GTK_IS_TEXT (focus));
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *typed = g_strconcat (i > 0 ? " " : "", words[i], NULL);

      g_signal_emit_by_name (focus, "insert-at-cursor", typed);
      rg_test_iterate_until_idle ();
    }
}

/* The first widget of @type in the @index-th row of @list */
static GtkWidget *
get_field (GtkListBox *list,
           int         index,
           GType       type)
{
  return rg_test_find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (list, index)),
                              rg_test_is_of_type, GSIZE_TO_POINTER (type));
}

/* Tab, as the keyboard moves the focus */
static void
press_tab (GtkWindow *window)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  rg_test_iterate_until_idle ();
}

static GtkWidget *
focus_ancestor (GtkWindow *window,
                GType      type)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL ? gtk_widget_get_ancestor (focus, type) : NULL;
}

static void
five_partners_by_keyboard (RgApplication *app)
{
  RgNewSessionDialog *dialog = rg_new_session_dialog_present (NULL);
  GtkWindow *window = GTK_WINDOW (dialog);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                  RG_TYPE_NEW_SESSION_DIALOG,
                                                                  "partners_list"));
  g_autoptr(GHashTable) colours = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(RgSession) on_disk = NULL;
  RgSessionWindow *session_window;
  GFile *file;

  rg_test_iterate_until_idle ();
  type_text (window, "Revue de décembre");

  for (guint i = 0; i < G_N_ELEMENTS (team); i++)
    {
      GtkWidget *role, *colour;

      /* The first row is there from the start; Alt+A adds the others,
       * and the focus goes to the new row's name */
      if (i > 0)
        g_assert_true (rg_test_press_shortcut (window, GDK_KEY_a, GDK_ALT_MASK));
      else
        {
          while (!gtk_widget_is_ancestor (gtk_window_get_focus (window), GTK_WIDGET (list)))
            press_tab (window);
        }
      g_assert_true (focus_ancestor (window, GTK_TYPE_LIST_BOX_ROW) ==
                     GTK_WIDGET (gtk_list_box_get_row_at_index (list, i)));

      type_text (window, team[i].name);
      press_tab (window);
      role = focus_ancestor (window, GTK_TYPE_DROP_DOWN);
      g_assert_nonnull (role);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (role), team[i].role);
      press_tab (window);
      colour = focus_ancestor (window, GTK_TYPE_DROP_DOWN);
      g_assert_true (colour != role);
      /* Each new row comes with a colour no other row has */
      g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (colour)), ==, i);
      press_tab (window);
      if (team[i].profession != NULL)
        type_text (window, team[i].profession);
      press_tab (window);
      if (team[i].institution != NULL)
        type_text (window, team[i].institution);
      press_tab (window);
      /* Then the row's menu, never a button that removes */
      g_assert_true (GTK_IS_MENU_BUTTON (focus_ancestor (window, GTK_TYPE_MENU_BUTTON)));
    }

  /* Every field is named, with the number of its row */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus_ancestor (window, GTK_TYPE_MENU_BUTTON)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Move or remove partner 5");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_field (list, 1, GTK_TYPE_ENTRY)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Name of partner 2");

  /* Alt+Up moves the row the focus is in: the educator goes before the
   * coordinator, then back */
  g_assert_true (rg_test_press_shortcut (window, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_true (focus_ancestor (window, GTK_TYPE_LIST_BOX_ROW) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (list, 3)));
  g_assert_true (rg_test_press_shortcut (window, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_true (focus_ancestor (window, GTK_TYPE_LIST_BOX_ROW) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (list, 4)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-session.create", NULL));
  g_assert_true (rg_test_wait_for (rg_test_has_session_window, app, 10));
  session_window = rg_test_get_session_window (app);
  file = rg_document_get_file (rg_session_window_get_document (session_window));

  /* The file on disk has every partner, in order, with their role and
   * a colour of their own */
  on_disk = rg_test_read_session (file);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_partners (on_disk)), ==,
                    G_N_ELEMENTS (team));
  for (guint i = 0; i < G_N_ELEMENTS (team); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (rg_session_get_partners (on_disk), i);

      g_assert_cmpstr (rg_partner_get_name (partner), ==, team[i].name);
      g_assert_cmpstr (rg_partner_get_profession (partner), ==, team[i].profession);
      g_assert_cmpstr (rg_partner_get_institution (partner), ==, team[i].institution);
      g_assert_cmpint (rg_partner_get_role (partner), ==, team[i].role);
      g_assert_cmpstr (rg_partner_get_colour (partner), ==, rg_partner_palette_get_colour (i));
      g_assert_false (g_hash_table_contains (colours, rg_partner_get_colour (partner)));
      g_hash_table_add (colours, (gpointer) rg_partner_palette_get_colour (i));
    }

  gtk_window_destroy (GTK_WINDOW (session_window));
}

/* The mother, first entered as a professional with a colour of an older
 * file, is made family with a colour of the palette in the partner
 * dialog, in one undoable step */
static void
partner_dialog_role_and_colour (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgSessionEditor) editor = rg_session_editor_new (session);
  RgPartner *mother = rg_session_editor_add_partner (editor, "Mme L. (mère)", NULL, NULL);
  GtkWidget *parent = gtk_window_new ();
  AdwMessageDialog *dialog;
  GtkWidget *role, *colour;

  rg_partner_set_colour (mother, "#123456");
  gtk_window_present (GTK_WINDOW (parent));
  rg_partner_dialog_edit (parent, editor, mother);
  rg_test_iterate_until_idle ();
  dialog = rg_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  role = rg_test_find_widget (GTK_WIDGET (dialog), rg_test_is_of_type, GSIZE_TO_POINTER (ADW_TYPE_COMBO_ROW));
  colour = rg_test_find_widget (GTK_WIDGET (dialog), rg_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (role);
  g_assert_nonnull (colour);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (colour), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Colour");

  /* The colour of the older file is kept, last, until another is chosen;
   * every role is offered */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (colour)), ==,
                    rg_partner_palette_get_size ());
  g_assert_cmpstr (rg_partner_colour_drop_down_get_colour (GTK_DROP_DOWN (colour)), ==, "#123456");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (role))), ==,
                    RG_PARTNER_ROLE_COORDINATOR + 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (role), RG_PARTNER_ROLE_FAMILY);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (colour), 2);
  adw_message_dialog_response (dialog, "save");
  rg_test_iterate_until_idle ();

  g_assert_cmpint (rg_partner_get_role (mother), ==, RG_PARTNER_ROLE_FAMILY);
  g_assert_cmpstr (rg_partner_get_colour (mother), ==, rg_partner_palette_get_colour (2));

  g_assert_true (rg_undo_stack_undo (rg_session_editor_get_undo_stack (editor)));
  g_assert_cmpint (rg_partner_get_role (mother), ==, RG_PARTNER_ROLE_PROFESSIONAL);
  g_assert_cmpstr (rg_partner_get_colour (mother), ==, "#123456");

  gtk_window_destroy (GTK_WINDOW (parent));
  rg_test_iterate_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  rg_test_add_app_func ("/new-session-dialog/five-partners-by-keyboard", five_partners_by_keyboard);
  g_test_add_func ("/partner-dialog/role-and-colour", partner_dialog_role_and_colour);

  return g_test_run ();
}
