/* test-accessible-names.c — what a screen reader reads, under Xvfb
 *
 * A button whose label has a mnemonic ("_Reveal Authors", "A_greed")
 * was named by that label, underscore and all, and a screen reader
 * read the underscore out. Every widget of every view, of the library
 * and session windows, must have a name without one, in a blind round
 * too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rg-accessible-names.h"
#include "rg-application.h"
#include "rg-glossary-view.h"
#include "rg-library-window.h"
#include "rg-session-window.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

static char *test_dir;

/* The accessible name @widget was given, if any: GTK's test context
 * answers with the value it holds when asked for another one. */
static char *
accessible_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;

  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "\x01");
}

/* Whether @text has an underscore before a letter: a mnemonic */
static gboolean
has_mnemonic (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (*p == '_' && p[1] != '\0' && g_unichar_isalpha (g_utf8_get_char (p + 1)))
      return TRUE;

  return FALSE;
}

/* Whether @widget is a button showing an icon and a label in a box,
 * which GTK names by its type ("GtkButton") unless it is named */
static gboolean
is_button_with_box (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (!GTK_IS_BUTTON (widget) || !GTK_IS_BOX (child))
    return FALSE;

  for (GtkWidget *w = gtk_widget_get_first_child (child); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w))
      return TRUE;

  return FALSE;
}

/* The names of @widget and all below it that show a mnemonic, one a
 * line, with the widget's type, and the buttons left without a name; of
 * the widgets realized, which a screen reader can see. */
static void
collect_mnemonics (GtkWidget *widget,
                   GString   *found,
                   guint     *n_named)
{
  g_autofree char *label = gtk_widget_get_realized (widget) ? accessible_label (widget) : NULL;

  if (label != NULL)
    (*n_named)++;
  if (has_mnemonic (label))
    g_string_append_printf (found, "%s “%s”\n", G_OBJECT_TYPE_NAME (widget), label);
  if (label == NULL && gtk_widget_get_realized (widget) && is_button_with_box (widget))
    g_string_append_printf (found, "%s without a name\n", G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, found, n_named);
}

static void
assert_no_mnemonic (GtkWidget *root)
{
  g_autoptr(GString) found = g_string_new (NULL);
  guint n_named = 0;

  collect_mnemonics (root, found, &n_named);
  /* The walk reaches named widgets: it would find an underscore. */
  g_assert_cmpuint (n_named, >, 10);
  if (found->len > 0)
    g_error ("Accessible names with a mnemonic underscore, or none, in %s:\n%s",
             G_OBJECT_TYPE_NAME (root), found->str);
}

static void
strip_mnemonic (void)
{
  const char *cases[][2] = {
    { "_Reveal Authors", "Reveal Authors" },
    { "A_greed", "Agreed" },
    { "fichier__1", "fichier_1" },
    { "Sans", "Sans" },
    { "Fin_", "Fin_" },
    { "É_lève", "Élève" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stripped = rg_accessible_strip_mnemonic (cases[i][0]);

      g_assert_cmpstr (stripped, ==, cases[i][1]);
    }
  g_assert_null (rg_accessible_strip_mnemonic (NULL));
}

/* Every view of a session, each shown in turn, a word of the glossary
 * selected, then the library window */
static void
every_view (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "noms.regards");
  RgSessionWindow *window = rg_test_open_session (app, file);
  AdwViewStack *stack = ADW_VIEW_STACK (rg_test_find_widget (GTK_WIDGET (window), rg_test_is_of_type,
                                                             GSIZE_TO_POINTER (ADW_TYPE_VIEW_STACK)));
  RgGlossaryView *glossary;
  GListModel *pages;

  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (stack, "glossary");
  rg_test_iterate_until_idle ();
  glossary = RG_GLOSSARY_VIEW (rg_test_find_widget (GTK_WIDGET (window), rg_test_is_of_type,
                                                    GSIZE_TO_POINTER (RG_TYPE_GLOSSARY_VIEW)));
  {
    RgSession *session = rg_document_get_session (rg_session_window_get_document (window));
    g_autoptr(RgTerm) term = g_list_model_get_item (rg_session_get_terms (session), 0);

    rg_glossary_view_show_term (glossary, term);
  }

  pages = G_LIST_MODEL (adw_view_stack_get_pages (stack));
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);

      adw_view_stack_set_visible_child (stack, adw_view_stack_page_get_child (page));
      rg_test_iterate_until_idle ();
      assert_no_mnemonic (GTK_WIDGET (window));
    }
  g_object_unref (pages);

  /* The blind round's bar, with its “_Reveal Authors” */
  adw_view_stack_set_visible_child_name (stack, "diagnosis");
  g_object_set (window, "blind-round", TRUE, NULL);
  rg_test_iterate_until_idle ();
  assert_no_mnemonic (GTK_WIDGET (window));
  g_object_set (window, "blind-round", FALSE, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (RG_IS_LIBRARY_WINDOW (l->data))
      assert_no_mnemonic (GTK_WIDGET (l->data));

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

  g_test_add_func ("/accessible-names/strip-mnemonic", strip_mnemonic);
  rg_test_add_app_func ("/accessible-names/every-view", every_view);

  return g_test_run ();
}
