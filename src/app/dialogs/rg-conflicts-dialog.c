/* rg-conflicts-dialog.c — choosing between what was written here and
 * elsewhere
 *
 * When the session file was changed by another program while it was
 * open here, the two versions were merged; a field both sides changed
 * differently keeps both values, as a conflict of the session. This
 * window lists them, each with the two values side by side and a button
 * to keep either; the choice is one undoable step, and the conflict
 * leaves the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-conflicts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-bidi.h"
#include "rg-conflicts-dialog.h"
#include "rg-merge.h"
#include "rg-session-editor-conflicts.h"

typedef struct
{
  RgSessionEditor *editor;
  RgConflict      *conflict;
  gboolean         keep_theirs;
} Choice;

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_clear_object (&choice->editor);
  g_clear_object (&choice->conflict);
  g_free (choice);
}

static void
on_keep_clicked (GtkButton *button,
                 Choice    *choice)
{
  rg_session_editor_resolve_conflict (choice->editor, choice->conflict, choice->keep_theirs);
}

/* One side: the value, and the button that keeps it. */
static GtkWidget *
create_side (RgSessionEditor *editor,
             RgConflict      *conflict,
             const char      *heading,
             const char      *value,
             const char      *button_label,
             const char      *accessible_label,
             gboolean         keep_theirs)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);
  g_autofree char *shown = rg_bidi_isolate (value != NULL && value[0] != '\0' ? value : "—");
  GtkWidget *text = gtk_label_new (shown);
  GtkWidget *button = gtk_button_new_with_label (button_label);
  Choice *choice = g_new0 (Choice, 1);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (box, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_top (title, 12);
  gtk_box_append (GTK_BOX (box), title);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (text, 12);
  gtk_widget_set_margin_end (text, 12);
  gtk_widget_set_vexpand (text, TRUE);
  gtk_label_set_yalign (GTK_LABEL (text), 0);
  gtk_box_append (GTK_BOX (box), text);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (button, 12);
  gtk_widget_set_margin_bottom (button, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value ? value : "",
                                  -1);
  choice->editor = g_object_ref (editor);
  choice->conflict = g_object_ref (conflict);
  choice->keep_theirs = keep_theirs;
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_keep_clicked), choice,
                         (GClosureNotify) (void (*) (void)) choice_free, 0);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RgConflict *conflict = item;
  RgSessionEditor *editor = user_data;
  RgSession *session = rg_session_editor_get_session (editor);
  g_autofree char *ours = rg_merge_dup_ours (session, conflict);
  g_autofree char *title = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = rg_bidi_isolate (rg_conflict_get_description (conflict));
  const char *field = rg_merge_get_field_label (rg_conflict_get_object_kind (conflict),
                                                rg_conflict_get_field (conflict));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading;
  GtkWidget *kind;
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  /* The object in words ("Mme Roussel: “En septembre…”"), then its
   * kind and the field both changed ("Statement, Text"). */
  what = g_strdup_printf (_("%s, %s"),
                          rg_object_kind_get_label (rg_conflict_get_object_kind (conflict)), field);
  title = g_strdup_printf (_("%s, %s"), what, description ? description : "");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  kind = gtk_label_new (what);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (box), kind);

  heading = gtk_label_new (description);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides),
                  create_side (editor, conflict, _("Written here"), ours,
                               _("Keep This One"), _("Keep what was written here"), FALSE));
  gtk_box_append (GTK_BOX (sides),
                  create_side (editor, conflict, _("Written elsewhere"),
                               rg_conflict_get_theirs (conflict),
                               _("Keep This One"), _("Keep what was written elsewhere"), TRUE));
  gtk_box_append (GTK_BOX (box), sides);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  return row;
}

static void
on_items_changed (GListModel *conflicts,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GtkWindow  *window)
{
  /* Every choice made: nothing left to show. */
  if (g_list_model_get_n_items (conflicts) == 0)
    gtk_window_close (window);
}

/**
 * rg_conflicts_dialog_new:
 * @parent: the session window
 * @editor: the editor of its session, through which choices are made
 *
 * Returns: (transfer floating): a new window listing the conflicts of
 *   @editor's session; it closes itself once none is left
 */
GtkWindow *
rg_conflicts_dialog_new (GtkWindow       *parent,
                         RgSessionEditor *editor)
{
  GListModel *conflicts = rg_session_get_conflicts (rg_session_editor_get_session (editor));
  /* A dialog to a screen reader, which says so when it opens */
  GtkWidget *window = g_object_new (ADW_TYPE_WINDOW,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                    NULL);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro;
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Changes to Choose"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 560);
  gtk_accessible_update_property (GTK_ACCESSIBLE (window),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes to Choose"), -1);

  gtk_box_append (GTK_BOX (content), header);

  intro = gtk_label_new (_("This session was changed here and elsewhere at the same time, and "
                           "both changed these in different ways. Both versions are kept until "
                           "you choose; a choice can be undone."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (inner), intro);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (list), conflicts, create_row,
                           g_object_ref (editor), g_object_unref);
  gtk_box_append (GTK_BOX (inner), list);

  gtk_widget_set_margin_top (inner, 18);
  gtk_widget_set_margin_bottom (inner, 18);
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (window), content);

  g_signal_connect_object (conflicts, "items-changed", G_CALLBACK (on_items_changed), window, 0);

  return GTK_WINDOW (window);
}
