/* test-links-view.c — the “Agreements and divergences” view, driven for real
 *
 * A copy of the example session (13 links, six partners, six dimensions)
 * opened in a real application under Xvfb: the view lists its links by
 * dimension, filters them, settles, retypes, annotates and deletes them
 * through its own widgets, undoably, and what it did is in the file
 * when the window closes and in the view when it opens again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rg-application.h"
#include "rg-diagnosis-view.h"
#include "rg-divergence-map.h"
#include "rg-document.h"
#include "rg-editable-text.h"
#include "rg-follow-up.h"
#include "rg-links-view.h"
#include "rg-review-list.h"
#include "rg-session-editor-links.h"
#include "rg-session-window.h"
#include "rg-session-xml.h"
#include "rg-test-app.h"
#include "rg-test-editing.h"
#include "rg-test-bidi.h"
#include "rg-test-utils.h"

static char *test_dir;

/* {{{ Harness */

static GtkWidget *
window_child (RgSessionWindow *window,
              const char      *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), RG_TYPE_SESSION_WINDOW,
                                                    name));
}

static GtkWidget *
view_child (RgLinksView *view,
            const char  *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), RG_TYPE_LINKS_VIEW, name));
}

static const char *visible_page (RgLinksView *view,
                                 const char  *stack);

/* Opens @file and shows its “Agreements and divergences” page. */
static RgLinksView *
open_links_view (RgApplication    *app,
                 GFile            *file,
                 RgSessionWindow **window)
{
  AdwViewStack *stack;
  GtkWidget *view;

  *window = rg_test_open_session (app, file);
  stack = ADW_VIEW_STACK (window_child (*window, "view_stack"));
  view = window_child (*window, "links_view");
  g_assert_true (RG_IS_LINKS_VIEW (view));
  /* Never "no links yet" where there are, before they are listed: the
   * first frame of the page would show it. */
  if (g_list_model_get_n_items (rg_session_get_links (rg_document_get_session (
        rg_session_window_get_document (*window)))) > 0)
    g_assert_cmpstr (visible_page (RG_LINKS_VIEW (view), "stack"), !=, "empty");
  adw_view_stack_set_visible_child_name (stack, "links");
  rg_test_iterate_until_idle ();
  g_assert_true (adw_view_stack_get_visible_child (stack) == view);
  g_assert_true (gtk_widget_get_mapped (view));

  return RG_LINKS_VIEW (view);
}

static RgSession *
window_session (RgSessionWindow *window)
{
  return rg_document_get_session (rg_session_window_get_document (window));
}

/* The distinct links the view shows, in order of first appearance. */
static GPtrArray *
shown_links (RgLinksView *view)
{
  g_autoptr(GPtrArray) rows = rg_links_view_get_rows (view);
  GPtrArray *links = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      RgLink *link = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "link");

      g_assert_true (RG_IS_LINK (link));
      if (!g_ptr_array_find (links, link, NULL))
        g_ptr_array_add (links, link);
    }

  return links;
}

static GtkWidget *
find_row (RgLinksView *view,
          RgLink      *link)
{
  g_autoptr(GPtrArray) rows = rg_links_view_get_rows (view);

  for (guint i = 0; i < rows->len; i++)
    if (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "link") == (gpointer) link)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static GtkWidget *
row_part (RgLinksView *view,
          RgLink      *link,
          const char  *part)
{
  GtkWidget *row = find_row (view, link);

  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), part);
}

static RgLink *
first_link (RgSession    *session,
            RgLinkType    type,
            RgLinkStatus  status)
{
  GListModel *links = rg_session_get_links (session);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      if (rg_link_get_link_type (link) == type && rg_link_get_status (link) == status)
        return link;
    }

  return NULL;
}

/* Whether a statement of @link is in @dimension_id (NULL: any) and one
 * of @partner_id (NULL: any): counted here from the session, apart
 * from the view. */
static gboolean
link_reaches (RgSession  *session,
              RgLink     *link,
              const char *dimension_id,
              const char *partner_id)
{
  const char * const *members = rg_link_get_members (link);
  gboolean dimension_found = dimension_id == NULL, partner_found = partner_id == NULL;

  for (guint i = 0; members[i] != NULL; i++)
    {
      RgStatement *statement = rg_session_find_statement (session, members[i]);

      if (statement == NULL)
        continue;
      dimension_found |= g_strcmp0 (rg_statement_get_dimension_id (statement), dimension_id) == 0;
      partner_found |= g_strcmp0 (rg_statement_get_partner_id (statement), partner_id) == 0;
    }

  return dimension_found && partner_found;
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static const char *
visible_page (RgLinksView *view,
              const char  *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (view_child (view, stack)));
}

static const char *
label_text (RgLinksView *view,
            const char  *name)
{
  return gtk_label_get_label (GTK_LABEL (view_child (view, name)));
}

static GtkToggleButton *
status_toggle (RgLinksView *view,
               RgLink      *link)
{
  return GTK_TOGGLE_BUTTON (row_part (view, link, "status-button"));
}

static RgEditableText *
note_text (RgLinksView *view,
           RgLink      *link)
{
  return RG_EDITABLE_TEXT (row_part (view, link, "note"));
}

/* Types @text where the keyboard is: in the text view of a note being
 * edited. */
static void
type_text (RgSessionWindow *window,
           const char      *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), text, -1);
}

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *label)
{
  g_autofree char *failure = NULL;

  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  g_assert_null (failure);
}

static gboolean
is_laid_out (gpointer widget)
{
  return gtk_widget_get_height (widget) > 0;
}

/* }}} */
/* {{{ Tests */

static void
lists_links_by_dimension (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "liste.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);
  RgSession *session = window_session (window);
  GListModel *dimensions = rg_session_get_dimensions (session);
  g_autoptr(GPtrArray) rows = rg_links_view_get_rows (view);
  g_autoptr(GPtrArray) links = shown_links (view);
  guint expected_rows = 0, last_dimension = 0;

  /* The page is the window's, with its editor. */
  g_assert_true (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (window_child (window,
                                                                                 "view_stack")),
                                                   "links") == GTK_WIDGET (view));
  g_assert_true (rg_links_view_get_editor (view) == rg_session_window_get_editor (window));
  g_assert_cmpstr (visible_page (view, "stack"), ==, "links");

  /* All 13 links, each under every dimension one of its statements is in. */
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (session)), ==, 13);
  g_assert_cmpuint (links->len, ==, 13);
  for (guint i = 0; i < 13; i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (rg_session_get_links (session), i);

      for (guint d = 0; d < g_list_model_get_n_items (dimensions); d++)
        {
          g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, d);

          if (link_reaches (session, link, rg_dimension_get_id (dimension), NULL))
            expected_rows++;
        }
    }
  g_assert_cmpuint (rows->len, ==, expected_rows);

  /* Grouped: rows come dimension after dimension, in the session's order,
   * and each row's dimension holds a statement of its link. */
  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      const char *dimension_id = g_object_get_data (row, "dimension-id");
      RgDimension *dimension = rg_session_find_dimension (session, dimension_id);
      guint position = 0;

      g_assert_nonnull (dimension);
      g_assert_true (link_reaches (session, g_object_get_data (row, "link"), dimension_id, NULL));
      g_assert_true (g_list_store_find (G_LIST_STORE (dimensions), dimension, &position));
      g_assert_cmpuint (position, >=, last_dimension);
      last_dimension = position;
    }

  /* Each group's header counts its dimension's links by type. */
  {
    g_autoptr(RgDimension) school = g_list_model_get_item (dimensions, 0);
    GtkWidget *row, *group;
    guint agreements = 0, divergences = 0, open = 0;
    g_autoptr(GString) header = g_string_new (NULL);
    g_autofree char *expected_agreements = NULL;
    g_autofree char *expected_divergences = NULL;

    for (guint i = 0; i < 13; i++)
      {
        g_autoptr(RgLink) link = g_list_model_get_item (rg_session_get_links (session), i);

        if (!link_reaches (session, link, rg_dimension_get_id (school), NULL))
          continue;
        agreements += rg_link_get_link_type (link) == RG_LINK_TYPE_AGREEMENT;
        divergences += rg_link_get_link_type (link) == RG_LINK_TYPE_DIVERGENCE;
        open += rg_link_get_link_type (link) == RG_LINK_TYPE_DIVERGENCE &&
                rg_link_get_status (link) == RG_LINK_STATUS_OPEN;
      }
    g_assert_cmpuint (agreements, >, 1);
    g_assert_cmpuint (divergences, >, 1);

    row = g_ptr_array_index (rows, 0);
    g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "dimension-id"), ==,
                     rg_dimension_get_id (school));
    /* row → list → group; the header is the group's first child */
    group = gtk_widget_get_parent (gtk_widget_get_parent (row));
    collect_labels (gtk_widget_get_first_child (group), header);
    expected_agreements = g_strdup_printf ("\n%u agreements\n", agreements);
    if (open > 0)
      expected_divergences = g_strdup_printf ("\n%u divergences (%u open)\n", divergences, open);
    else
      expected_divergences = g_strdup_printf ("\n%u divergences\n", divergences);
    g_assert_nonnull (strstr (header->str, rg_dimension_get_name (school)));
    g_assert_nonnull (strstr (header->str, expected_agreements));
    g_assert_nonnull (strstr (header->str, expected_divergences));
  }

  /* A quoted statement says who, what kind, and what. */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    collect_labels (g_ptr_array_index (rows, 0), text);
    g_assert_nonnull (strstr (text->str,
                              "Mme Roussel — Observed fact: “En septembre, Adam lisait 45 mots"));
  }

  /* The picture beside them, and its words for screen readers. */
  {
    RgDivergenceMap *map = RG_DIVERGENCE_MAP (view_child (view, "map"));
    RgDivergencePicture *picture = rg_divergence_map_get_picture (map);
    g_autofree char *description = rg_divergence_picture_describe (picture);
    g_autofree char *failure = NULL;

    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map)));
    g_assert_true (rg_test_wait_for (is_laid_out, map, 5));
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (map)), >, 100);
    g_assert_nonnull (strstr (description,
                              "Most divergences: Mme Roussel and Mme Aubry, "
                              "2 divergences (1 open)"));
    failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (map),
                                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
    g_assert_null (failure);
  }
}

static void
set_filter (RgLinksView *view,
            const char  *name,
            guint        position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (view_child (view, name)), position);
  rg_test_iterate_until_idle ();
}

static void
filters (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "filtres.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);
  RgSession *session = window_session (window);
  GListModel *links = rg_session_get_links (session);
  g_autoptr(RgPartner) kessler = NULL;
  g_autoptr(RgDimension) health = NULL;
  guint divergences = 0, open_divergences = 0, with_kessler = 0, in_health = 0;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      divergences += rg_link_get_link_type (link) == RG_LINK_TYPE_DIVERGENCE;
      open_divergences += rg_link_get_link_type (link) == RG_LINK_TYPE_DIVERGENCE &&
                          rg_link_get_status (link) == RG_LINK_STATUS_OPEN;
    }
  g_assert_cmpuint (divergences, ==, 4);
  g_assert_cmpuint (open_divergences, ==, 2);

  /* Every filter has a name a screen reader says. */
  {
    const char *names[][2] = {
      { "type_filter", "Type of link" },
      { "status_filter", "Status" },
      { "dimension_filter", "Dimension" },
      { "partner_filter", "Partner" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      assert_accessible_label (view_child (view, names[i][0]), names[i][1]);
  }

  /* Divergences only */
  set_filter (view, "type_filter", 1 + RG_LINK_TYPE_DIVERGENCE);
  {
    g_autoptr(GPtrArray) shown = shown_links (view);

    g_assert_cmpuint (shown->len, ==, divergences);
    for (guint i = 0; i < shown->len; i++)
      g_assert_cmpint (rg_link_get_link_type (g_ptr_array_index (shown, i)), ==,
                       RG_LINK_TYPE_DIVERGENCE);
  }
  g_assert_cmpstr (label_text (view, "summary_label"), ==, "Showing 4 of 13 links");

  /* … and open */
  set_filter (view, "status_filter", 1);
  {
    g_autoptr(GPtrArray) shown = shown_links (view);

    g_assert_cmpuint (shown->len, ==, open_divergences);
    for (guint i = 0; i < shown->len; i++)
      g_assert_cmpint (rg_link_get_status (g_ptr_array_index (shown, i)), ==, RG_LINK_STATUS_OPEN);
  }

  /* Open complements: there are none, and the view says so. */
  set_filter (view, "type_filter", 1 + RG_LINK_TYPE_COMPLEMENT);
  {
    g_autoptr(GPtrArray) shown = shown_links (view);

    g_assert_cmpuint (shown->len, ==, 0);
    g_assert_cmpstr (visible_page (view, "results_stack"), ==, "no-match");
  }

  /* Show all */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "links.clear-filters", NULL));
  rg_test_iterate_until_idle ();
  {
    g_autoptr(GPtrArray) shown = shown_links (view);

    g_assert_cmpuint (shown->len, ==, 13);
    g_assert_cmpstr (visible_page (view, "results_stack"), ==, "list");
    g_assert_cmpstr (label_text (view, "summary_label"), ==, "13 links");
  }

  /* One partner: M. Kessler is the third. */
  kessler = g_list_model_get_item (rg_session_get_partners (session), 2);
  g_assert_cmpstr (rg_partner_get_name (kessler), ==, "M. Kessler");
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      with_kessler += link_reaches (session, link, NULL, rg_partner_get_id (kessler));
    }
  g_assert_cmpuint (with_kessler, >, 0);
  set_filter (view, "partner_filter", 1 + 2);
  {
    g_autoptr(GPtrArray) shown = shown_links (view);

    g_assert_cmpuint (shown->len, ==, with_kessler);
    for (guint i = 0; i < shown->len; i++)
      g_assert_true (link_reaches (session, g_ptr_array_index (shown, i), NULL,
                                   rg_partner_get_id (kessler)));
  }
  set_filter (view, "partner_filter", 0);

  /* One dimension: the second, and only its group. */
  health = g_list_model_get_item (rg_session_get_dimensions (session), 1);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      in_health += link_reaches (session, link, rg_dimension_get_id (health), NULL);
    }
  g_assert_cmpuint (in_health, >, 0);
  set_filter (view, "dimension_filter", 1 + 1);
  {
    g_autoptr(GPtrArray) rows = rg_links_view_get_rows (view);

    g_assert_cmpuint (rows->len, ==, in_health);
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpstr (g_object_get_data (g_ptr_array_index (rows, i), "dimension-id"), ==,
                       rg_dimension_get_id (health));
  }

  /* A filter keeps its dimension when another dimension comes first. */
  rg_session_editor_add_dimension (rg_session_window_get_editor (window), "Transport");
  rg_session_editor_move_dimension (rg_session_window_get_editor (window), health, -1);
  rg_test_iterate_until_idle ();
  {
    g_autoptr(GPtrArray) rows = rg_links_view_get_rows (view);
    GtkDropDown *filter = GTK_DROP_DOWN (view_child (view, "dimension_filter"));

    g_assert_cmpuint (rows->len, ==, in_health);
    g_assert_cmpuint (gtk_drop_down_get_selected (filter), ==, 1);
  }
}

static void
settle_and_retype (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "statut.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);
  RgSession *session = window_session (window);
  RgLink *link = first_link (session, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN);
  GtkWidget *toggle;

  g_assert_nonnull (link);
  toggle = row_part (view, link, "status-button");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  /* Named by the word it shows, once: a label of its own besides made
   * a screen reader say "Settled Settled". */
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (toggle)))),
                   ==, "Settled");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (toggle),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Settled through its toggle; the keyboard stays on it. */
  gtk_widget_grab_focus (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_cmpint (rg_link_get_status (link), ==, RG_LINK_STATUS_SETTLED);
  rg_test_iterate_until_idle ();
  toggle = row_part (view, link, "status-button");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_true (gtk_widget_has_css_class (find_row (view, link), "settled"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == toggle);

  /* Undo opens it again, and the toggle follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpint (rg_link_get_status (link), ==, RG_LINK_STATUS_OPEN);
  rg_test_iterate_until_idle ();
  g_assert_false (gtk_toggle_button_get_active (status_toggle (view, link)));

  /* Its type, from the menu of its type button, undoably. */
  g_assert_true (gtk_widget_activate_action (row_part (view, link, "type-button"),
                                             "links.set-type", "(ss)",
                                             rg_link_get_id (link), "agreement"));
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_AGREEMENT);
  rg_test_iterate_until_idle ();
  g_assert_true (gtk_widget_has_css_class (find_row (view, link), "agreement"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpint (rg_link_get_link_type (link), ==, RG_LINK_TYPE_DIVERGENCE);

  /* The picture follows: settling the last open divergence of a pair. */
  {
    RgDivergenceMap *map = RG_DIVERGENCE_MAP (view_child (view, "map"));
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    rg_test_iterate_until_idle ();
    before = rg_divergence_picture_describe (rg_divergence_map_get_picture (map));
    gtk_toggle_button_set_active (status_toggle (view, link), TRUE);
    rg_test_iterate_until_idle ();
    after = rg_divergence_picture_describe (rg_divergence_map_get_picture (map));
    g_assert_cmpstr (before, !=, after);
    g_assert_nonnull (strstr (before, "(1 open)"));
  }
}

static void
edit_note (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "note.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);
  RgSession *session = window_session (window);
  RgLink *link = first_link (session, RG_LINK_TYPE_CLARIFY, RG_LINK_STATUS_OPEN);
  g_autofree char *old_note = NULL;
  RgEditableText *note;

  g_assert_nonnull (link);
  old_note = g_strdup (rg_link_get_note (link));
  note = RG_EDITABLE_TEXT (row_part (view, link, "note"));
  g_assert_cmpstr (rg_editable_text_get_text (note), ==, old_note);

  /* Written in place: Enter (or a double click) edits, leaving commits. */
  rg_editable_text_start_editing (note);
  type_text (window, "  Voir avec la famille  ");
  rg_editable_text_stop_editing (note);
  g_assert_cmpstr (rg_link_get_note (link), ==, "Voir avec la famille");
  g_assert_cmpstr (rg_editable_text_get_text (note), ==, "Voir avec la famille");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_cmpstr (rg_link_get_note (link), ==, old_note);
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (rg_editable_text_get_text (note_text (view, link)), ==, old_note);

  /* A note being written when the list changes is kept, not dropped. */
  note = note_text (view, link);
  rg_editable_text_start_editing (note);
  type_text (window, "Tapé pendant un changement");
  rg_session_editor_set_link_status (rg_session_window_get_editor (window), link,
                                     RG_LINK_STATUS_SETTLED);
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (rg_link_get_note (link), ==, "Tapé pendant un changement");
}

static void
delete_and_undo (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "suppression.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);
  RgSession *session = window_session (window);
  g_autoptr(RgLink) link = NULL;
  GtkWidget *button;

  link = g_object_ref (first_link (session, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_SETTLED));
  button = row_part (view, link, "delete-button");
  assert_accessible_label (button, "Delete Link");
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (rg_session_find_link (session, rg_link_get_id (link)));
  rg_test_iterate_until_idle ();
  g_assert_null (find_row (view, link));
  {
    g_autoptr(GPtrArray) shown = shown_links (view);

    g_assert_cmpuint (shown->len, ==, 12);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  g_assert_true (rg_session_find_link (session, rg_link_get_id (link)) == link);
  rg_test_iterate_until_idle ();
  g_assert_nonnull (find_row (view, link));
}

static void
created_in_diagnosis (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "creation.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);
  RgSession *session = window_session (window);
  RgDiagnosisView *diagnosis = RG_DIAGNOSIS_VIEW (rg_session_window_get_diagnosis_view (window));
  GListModel *statements = rg_session_get_statements (session);
  g_autoptr(RgStatement) first = g_list_model_get_item (statements, 0);
  RgStatement *other = NULL;
  g_autoptr(RgLink) link = NULL;

  /* A statement of another partner, in the same dimension */
  for (guint i = 1; other == NULL && i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      if (g_strcmp0 (rg_statement_get_partner_id (statement),
                     rg_statement_get_partner_id (first)) != 0 &&
          g_strcmp0 (rg_statement_get_dimension_id (statement),
                     rg_statement_get_dimension_id (first)) == 0)
        other = statement;
    }
  g_assert_nonnull (other);

  rg_diagnosis_view_set_selected (diagnosis, first, TRUE);
  rg_diagnosis_view_set_selected (diagnosis, other, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (diagnosis), "diagnosis.tag", "s",
                                             "divergence"));
  rg_test_iterate_until_idle ();

  link = g_list_model_get_item (rg_session_get_links (session), 13);
  g_assert_nonnull (find_row (view, link));
  {
    g_autoptr(GPtrArray) shown = shown_links (view);

    g_assert_cmpuint (shown->len, ==, 14);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  rg_test_iterate_until_idle ();
  g_assert_null (find_row (view, link));
}

static void
survives_save_and_reload (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "recharge.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);
  RgSession *session = window_session (window);
  RgLink *settled = first_link (session, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN);
  RgLink *deleted = first_link (session, RG_LINK_TYPE_COMPLEMENT, RG_LINK_STATUS_SETTLED);
  g_autofree char *settled_id = g_strdup (rg_link_get_id (settled));
  g_autofree char *deleted_id = g_strdup (rg_link_get_id (deleted));
  g_autoptr(RgSession) on_disk = NULL;
  RgEditableText *note;
  RgLink *reloaded;

  gtk_toggle_button_set_active (status_toggle (view, settled), TRUE);
  rg_test_iterate_until_idle ();
  note = note_text (view, settled);
  rg_editable_text_start_editing (note);
  type_text (window, "Réglé à la revue de janvier");
  rg_editable_text_stop_editing (note);
  g_signal_emit_by_name (row_part (view, deleted, "delete-button"), "clicked");
  rg_test_iterate_until_idle ();

  /* Closing writes the file. */
  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
  g_assert_null (rg_test_get_session_window (app));

  on_disk = rg_test_read_session (file);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_links (on_disk)), ==, 12);
  g_assert_null (rg_session_find_link (on_disk, deleted_id));
  reloaded = rg_session_find_link (on_disk, settled_id);
  g_assert_nonnull (reloaded);
  g_assert_cmpint (rg_link_get_status (reloaded), ==, RG_LINK_STATUS_SETTLED);
  g_assert_cmpstr (rg_link_get_note (reloaded), ==, "Réglé à la revue de janvier");

  /* Reopened, the view shows the same links. */
  view = open_links_view (app, file, &window);
  session = window_session (window);
  {
    g_autoptr(GPtrArray) shown = shown_links (view);

    g_assert_cmpuint (shown->len, ==, 12);
  }
  reloaded = rg_session_find_link (session, settled_id);
  g_assert_true (gtk_toggle_button_get_active (status_toggle (view, reloaded)));
  g_assert_cmpstr (rg_editable_text_get_text (note_text (view, reloaded)), ==,
                   "Réglé à la revue de janvier");
}

static void
empty_state (RgApplication *app)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, "vide.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RgSessionWindow *window;
  RgLinksView *view;
  GtkWidget *stack;

  rg_session_set_title (session, "Sans liens");
  rg_partner_set_name (teacher, "Mme Roussel");
  rg_session_add_partner (session, teacher);
  document = rg_document_new (session, file);
  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  view = open_links_view (app, file, &window);
  g_assert_cmpstr (visible_page (view, "stack"), ==, "empty");

  /* Its button goes to the diagnosis, where links are made. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "links.show-diagnosis", NULL));
  stack = window_child (window, "view_stack");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "diagnosis");
}

/* A follow-up of the example: its list of what was left open shows
 * above the links (there are none yet), one row per open divergence or
 * “to clarify”, and ticking one marks it reviewed, undoably, in the
 * file too. */
static void
review_list (RgApplication *app)
{
  g_autoptr(GFile) example = rg_test_copy_example (test_dir, "revue-1.regards");
  g_autoptr(RgSession) previous = rg_test_read_session (example);
  g_autoptr(RgSession) next = rg_session_new_follow_up (previous);
  g_autofree char *path = g_build_filename (test_dir, "revue-2.regards", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RgDocument) document = rg_document_new (next, file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RgSession) on_disk = NULL;
  g_autoptr(RgReviewItem) saved = NULL;
  GListModel *links = rg_session_get_links (previous);
  RgSessionWindow *window;
  RgLinksView *view;
  RgReviewList *list;
  RgReviewItem *item;
  GtkCheckButton *check;
  guint open = 0;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      RgLinkType type = rg_link_get_link_type (link);

      if (rg_link_get_status (link) == RG_LINK_STATUS_OPEN
          && (type == RG_LINK_TYPE_DIVERGENCE || type == RG_LINK_TYPE_CLARIFY))
        open++;
    }
  g_assert_cmpuint (open, >, 1);

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  view = open_links_view (app, file, &window);
  list = RG_REVIEW_LIST (view_child (view, "review_list"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpstr (visible_page (view, "stack"), ==, "empty");

  rows = rg_review_list_get_rows (list);
  g_assert_cmpuint (rows->len, ==, open);
  item = g_object_get_data (g_ptr_array_index (rows, 0), "item");
  check = g_object_get_data (g_ptr_array_index (rows, 0), "check");
  g_assert_true (RG_IS_REVIEW_ITEM (item));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (check)), ==,
                   GTK_ACCESSIBLE_ROLE_CHECKBOX);
  g_assert_false (rg_review_item_get_reviewed (item));

  gtk_check_button_set_active (check, TRUE);
  rg_test_iterate_until_idle ();
  g_assert_true (rg_review_item_get_reviewed (item));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, 0), "reviewed"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.undo", NULL));
  rg_test_iterate_until_idle ();
  g_assert_false (rg_review_item_get_reviewed (item));
  g_assert_false (gtk_check_button_get_active (check));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "session.redo", NULL));
  rg_test_iterate_until_idle ();
  g_assert_true (gtk_check_button_get_active (check));

  gtk_window_close (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
  on_disk = rg_test_read_session (file);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_review_items (on_disk)), ==, open);
  saved = g_list_model_get_item (rg_session_get_review_items (on_disk), 0);
  g_assert_true (rg_review_item_get_reviewed (saved));
}

/* A quoted statement that opens a right-to-left override and never
 * closes it turns around neither the quote's closing mark nor what
 * follows it. */
static void
quote_keeps_its_direction (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "sens.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);
  GListModel *statements = rg_session_get_statements (window_session (window));
  g_autoptr(RgStatement) statement = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; statement == NULL && i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) item = g_list_model_get_item (statements, i);

      if (g_str_has_prefix (rg_statement_get_text (item), "En septembre, Adam lisait 45 mots"))
        statement = g_steal_pointer (&item);
    }
  g_assert_nonnull (statement);

  rg_statement_set_text (statement, RG_TEST_RLO "En septembre");
  rg_test_iterate_until_idle ();

  rows = rg_links_view_get_rows (view);
  collect_labels (g_ptr_array_index (rows, 0), text);
  g_assert_nonnull (strstr (text->str,
                            "Mme Roussel — Observed fact: “"
                            RG_TEST_FSI RG_TEST_LRM RG_TEST_RLO "En septembre" RG_TEST_PDF RG_TEST_PDI
                            "”"));
  rg_test_assert_bidi_balanced (text->str);
}

/* A session that follows none shows no list to review. */
static void
no_review_list (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "sans-revue.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);

  g_assert_false (gtk_widget_get_visible (view_child (view, "review_list")));
  g_assert_false (gtk_widget_get_visible (view_child (view, "review_scroller")));
}

/* }}} */

/* The label a button shows, in its content */
static const char *
button_text (GtkWidget *button)
{
  GtkWidget *label = gtk_widget_get_first_child (button);

  while (label != NULL && !GTK_IS_LABEL (label))
    label = gtk_widget_get_last_child (label);
  g_assert_nonnull (label);

  return gtk_label_get_label (GTK_LABEL (label));
}

/* The status reads right: “Settled”, ticked when the link is settled,
 * and only where there is something to settle (divergences, points to
 * clarify). The note edits on a click, and the row's delete button
 * comes after it. */
static void
status_reads_right (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "lecture.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);
  RgSession *session = window_session (window);
  RgLink *open = first_link (session, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN);
  RgLink *agreement = first_link (session, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_OPEN);
  RgEditableText *note;
  GtkWidget *toggle;

  if (agreement == NULL)
    agreement = first_link (session, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_SETTLED);
  g_assert_nonnull (open);
  g_assert_nonnull (agreement);

  g_assert_null (g_object_get_data (G_OBJECT (find_row (view, agreement)), "status-button"));
  toggle = row_part (view, open, "status-button");
  g_assert_cmpstr (button_text (toggle), ==, "Settled");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  rg_test_iterate_until_idle ();
  toggle = row_part (view, open, "status-button");
  g_assert_cmpstr (button_text (toggle), ==, "Settled");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  /* Typing after a click writes on at the end of the note. */
  note = note_text (view, agreement);
  rg_test_click (GTK_WIDGET (note), 1);
  g_assert_true (rg_editable_text_get_editing (note));
  rg_test_type_words (GTK_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (window))), " Tous d'accord");
  g_assert_true (g_str_has_suffix (rg_link_get_note (agreement), ". Tous d'accord"));
  g_assert_true (rg_test_press_tab (GTK_WINDOW (window)) == row_part (view, agreement, "delete-button"));
  g_assert_false (rg_editable_text_get_editing (note));
  g_assert_true (g_str_has_suffix (rg_link_get_note (agreement), ". Tous d'accord"));
}

/* The keyboard lands on a link's row first, and a screen reader says
 * the whole link: its type and status, who said what (the start of
 * it), its note; the name follows the note. */
static void
row_says_its_link (RgApplication *app)
{
  g_autoptr(GFile) file = rg_test_copy_example (test_dir, "ligne.regards");
  RgSessionWindow *window;
  RgLinksView *view = open_links_view (app, file, &window);
  RgSession *session = window_session (window);
  RgLink *link = rg_session_find_link (session, "58b3df36-3223-5d53-8209-aa6ac8b8f949");
  GtkWidget *row;

  g_assert_nonnull (link);
  row = find_row (view, link);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_focusable (row));
  assert_accessible_label (row,
                           "Divergence, Open: "
                           "Mme Roussel “Pour moi, cette fatigue, c'est surtout un manque de…” / "
                           "Mme Benali “S'il est fatigué, c'est qu'il dort mal. On est quatre dans…”. "
                           "Note: Deux lectures de la même fatigue : manque de motivation pour "
                           "Mme Roussel, sommeil et logement pour Mme Benali. On observe jusqu'à "
                           "la prochaine revue, après le bilan visuel.");

  /* Its buttons come after it */
  g_assert_true (gtk_widget_grab_focus (row));
  {
    GtkWidget *focus = rg_test_press_tab (GTK_WINDOW (window));
    GtkWidget *type_button = row_part (view, link, "type-button");

    g_assert_true (focus == type_button || gtk_widget_is_ancestor (focus, type_button));
  }

  rg_session_editor_set_link_note (rg_session_window_get_editor (window), link, "On en reparle.");
  rg_test_iterate_until_idle ();
  row = find_row (view, link);
  assert_accessible_label (row,
                           "Divergence, Open: "
                           "Mme Roussel “Pour moi, cette fatigue, c'est surtout un manque de…” / "
                           "Mme Benali “S'il est fatigué, c'est qu'il dort mal. On est quatre dans…”. "
                           "Note: On en reparle.");

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

  rg_test_add_app_func ("/links-view/lists-links-by-dimension", lists_links_by_dimension);
  rg_test_add_app_func ("/links-view/filters", filters);
  rg_test_add_app_func ("/links-view/settle-and-retype", settle_and_retype);
  rg_test_add_app_func ("/links-view/edit-note", edit_note);
  rg_test_add_app_func ("/links-view/status-reads-right", status_reads_right);
  rg_test_add_app_func ("/links-view/row-says-its-link", row_says_its_link);
  rg_test_add_app_func ("/links-view/delete-and-undo", delete_and_undo);
  rg_test_add_app_func ("/links-view/created-in-diagnosis", created_in_diagnosis);
  rg_test_add_app_func ("/links-view/survives-save-and-reload", survives_save_and_reload);
  rg_test_add_app_func ("/links-view/empty-state", empty_state);
  rg_test_add_app_func ("/links-view/review-list", review_list);
  rg_test_add_app_func ("/links-view/no-review-list", no_review_list);
  rg_test_add_app_func ("/links-view/quote-keeps-its-direction", quote_keeps_its_direction);

  return g_test_run ();
}
