/* rg-glossary-view.c — what each partner means by a word
 *
 * “Ce que chacun met derrière un mot”: the words the team clarifies in a
 * list; for the one selected, each partner's meaning side by side, in
 * the order and colours of the diagnosis' columns, then the meaning the
 * team agrees on and whether it is agreed yet. Every edit goes through
 * the session editor, so it can be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-glossary-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-editable-text.h"
#include "rg-glossary-view.h"
#include "rg-partner-swatch.h"
#include "rg-session-editor-terms.h"
#include "rg-undo-toast.h"

struct _RgGlossaryView
{
  GtkWidget        parent_instance;

  RgSessionEditor *editor;
  RgTerm          *term;
  GPtrArray       *meaning_texts;   /* RgEditableText, one per partner, in column order */
  guint            updating : 1;

  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar;
  GtkEntry        *new_word_entry;
  GtkListBox      *term_list;
  GtkStack        *detail_stack;
  AdwStatusPage   *empty_page;
  RgEditableText  *word_text;
  GtkWidget       *rename_button;
  GtkToggleButton *open_button;
  GtkToggleButton *agreed_button;
  GtkFlowBox      *meanings_box;
  GtkWidget       *agreed_card;
  RgEditableText  *agreed_text;
};

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_TERM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgGlossaryView, rg_glossary_view, GTK_TYPE_WIDGET)

static void set_term (RgGlossaryView *self,
                      RgTerm         *term);

/* {{{ The list of words */

static void
update_row (GtkListBoxRow *row)
{
  RgTerm *term = g_object_get_data (G_OBJECT (row), "term");
  GtkLabel *word = g_object_get_data (G_OBJECT (row), "word-label");
  GtkLabel *status = g_object_get_data (G_OBJECT (row), "status-label");
  const char *status_label = rg_term_status_get_label (rg_term_get_status (term));
  g_autofree char *description = NULL;

  gtk_label_set_label (word, rg_term_get_word (term));
  gtk_label_set_label (status, status_label);
  if (rg_term_get_status (term) == RG_TERM_STATUS_AGREED)
    gtk_widget_remove_css_class (GTK_WIDGET (status), "accent");
  else
    gtk_widget_add_css_class (GTK_WIDGET (status), "accent");

  /* Translators: a word of the glossary as read by a screen reader:
   * "décrochage, Agreed". */
  description = g_strdup_printf (_("%s, %s"), rg_term_get_word (term), status_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RgTerm *term = item;
  GtkWidget *row, *box, *word, *status;

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  word = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (word), 0);
  gtk_label_set_ellipsize (GTK_LABEL (word), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (word, TRUE);
  gtk_box_append (GTK_BOX (box), word);

  status = gtk_label_new (NULL);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "dim-label");
  gtk_box_append (GTK_BOX (box), status);

  g_object_set_data_full (G_OBJECT (row), "term", g_object_ref (term), g_object_unref);
  g_object_set_data (G_OBJECT (row), "word-label", word);
  g_object_set_data (G_OBJECT (row), "status-label", status);
  g_signal_connect_object (term, "notify::word", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (term, "notify::status", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (GTK_LIST_BOX_ROW (row));

  return row;
}

static void
on_row_selected (RgGlossaryView *self,
                 GtkListBoxRow  *row,
                 GtkListBox     *list)
{
  set_term (self, row ? g_object_get_data (G_OBJECT (row), "term") : NULL);
}

/* In a narrow window only one side shows: activating a word goes to it. */
static void
on_row_activated (RgGlossaryView *self,
                  GtkListBoxRow  *row,
                  GtkListBox     *list)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RgGlossaryView *self = RG_GLOSSARY_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->term_list));
}

static void
select_position (RgGlossaryView *self,
                 guint           position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->term_list, position);

  gtk_list_box_select_row (self->term_list, row);
}

/* }}} */
/* {{{ The word selected */

static void
update_page (RgGlossaryView *self)
{
  GListModel *terms = self->editor ? rg_session_get_terms (rg_session_editor_get_session (self->editor)) : NULL;

  if (self->term != NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "term");
      return;
    }

  if (terms != NULL && g_list_model_get_n_items (terms) > 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Word Selected"));
      adw_status_page_set_description (self->empty_page,
                                       _("Choose a word in the list to see what each partner means by it."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Words to Clarify"));
      adw_status_page_set_description (self->empty_page,
                                       _("Partners often mean different things by the same word. "
                                         "Add one to write down what each of them means by it, "
                                         "then what the team agrees on."));
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "empty");
}

static void
update_fields (RgGlossaryView *self)
{
  if (self->term == NULL)
    return;

  self->updating = TRUE;
  rg_editable_text_set_text (self->word_text, rg_term_get_word (self->term));
  gtk_toggle_button_set_active (rg_term_get_status (self->term) == RG_TERM_STATUS_AGREED
                                ? self->agreed_button : self->open_button, TRUE);
  rg_editable_text_set_text (self->agreed_text, rg_term_get_agreed_meaning (self->term));

  for (guint i = 0; i < self->meaning_texts->len; i++)
    {
      RgEditableText *text = g_ptr_array_index (self->meaning_texts, i);
      const char *partner_id = g_object_get_data (G_OBJECT (text), "partner-id");

      rg_editable_text_set_text (text, rg_term_get_meaning (self->term, partner_id));
    }
  self->updating = FALSE;
}

/* A meaning shows in a card; the text in it is the field, which takes
 * the keyboard focus and edits as every field does (docs/editing.md). */
static void
setup_card (GtkWidget      *card,
            RgEditableText *text)
{
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (GTK_WIDGET (text), "meaning");
}

static void
update_meaning_label (RgPartner  *partner,
                      GParamSpec *pspec,
                      GtkWidget  *text)
{
  /* Translators: the accessible name of one partner's meaning of a word:
   * "What Mme Roussel means". */
  g_autofree char *label = g_strdup_printf (_("What %s means"), rg_partner_get_name (partner));

  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_meaning_committed (RgGlossaryView *self,
                      const char     *text,
                      RgEditableText *editable)
{
  const char *partner_id = g_object_get_data (G_OBJECT (editable), "partner-id");

  if (self->term != NULL && self->editor != NULL)
    rg_session_editor_set_term_meaning (self->editor, self->term, partner_id, text);
}

static GtkWidget *
create_meaning_column (RgGlossaryView *self,
                       RgPartner      *partner)
{
  GtkWidget *column, *swatch, *name, *card, *text;

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (column, 200, -1);

  swatch = rg_partner_swatch_new (partner, FALSE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 6);
  gtk_box_append (GTK_BOX (column), swatch);

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 20);
  gtk_widget_add_css_class (name, "heading");
  g_object_bind_property (partner, "name", name, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (column), name);

  card = g_object_new (GTK_TYPE_BOX,
                       "orientation", GTK_ORIENTATION_VERTICAL,
                       "vexpand", TRUE,
                       NULL);
  gtk_box_append (GTK_BOX (column), card);

  text = rg_editable_text_new ();
  gtk_widget_set_vexpand (text, TRUE);
  setup_card (card, RG_EDITABLE_TEXT (text));
  rg_editable_text_set_placeholder (RG_EDITABLE_TEXT (text), _("Not said yet"));
  /* A wrapping label asks for its whole text on one line: asking for
   * less lets the meanings stand side by side. */
  gtk_label_set_max_width_chars (rg_editable_text_get_label (RG_EDITABLE_TEXT (text)), 20);
  g_object_set_data_full (G_OBJECT (text), "partner-id",
                          g_strdup (rg_partner_get_id (partner)), g_free);
  rg_editable_text_set_undo_stack (RG_EDITABLE_TEXT (text),
                                   rg_session_editor_get_undo_stack (self->editor), NULL);
  g_signal_connect_object (text, "changed", G_CALLBACK (on_meaning_committed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (text, "committed", G_CALLBACK (on_meaning_committed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (partner, "notify::name", G_CALLBACK (update_meaning_label), text, 0);
  update_meaning_label (partner, NULL, text);
  gtk_box_append (GTK_BOX (card), text);
  g_ptr_array_add (self->meaning_texts, text);

  return column;
}

static void
rebuild_meanings (RgGlossaryView *self)
{
  GListModel *partners;
  GtkWidget *child;

  /* What is being typed goes to the term before its editor goes away;
   * the texts are forgotten before they are, as committing updates
   * them. */
  for (guint i = 0; i < self->meaning_texts->len; i++)
    rg_editable_text_stop_editing (g_ptr_array_index (self->meaning_texts, i));
  g_ptr_array_set_size (self->meaning_texts, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->meanings_box))))
    gtk_flow_box_remove (self->meanings_box, child);

  if (self->editor == NULL)
    return;

  /* Side by side in the diagnosis' column order; a narrow window wraps
   * them onto more lines rather than hiding some. */
  partners = rg_session_get_partners (rg_session_editor_get_session (self->editor));
  gtk_flow_box_set_max_children_per_line (self->meanings_box,
                                          MAX (1, g_list_model_get_n_items (partners)));
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      gtk_flow_box_append (self->meanings_box, create_meaning_column (self, partner));
      /* The meaning takes the focus, not the box around it. */
      gtk_widget_set_focusable (gtk_widget_get_last_child (GTK_WIDGET (self->meanings_box)), FALSE);
    }

  update_fields (self);
}

static void
set_term (RgGlossaryView *self,
          RgTerm         *term)
{
  if (self->term == term)
    return;

  if (self->term != NULL)
    g_signal_handlers_disconnect_by_data (self->term, self);

  /* What is being typed for the previous word goes to it. */
  rg_editable_text_stop_editing (self->word_text);
  rg_editable_text_stop_editing (self->agreed_text);
  for (guint i = 0; i < self->meaning_texts->len; i++)
    rg_editable_text_stop_editing (g_ptr_array_index (self->meaning_texts, i));

  g_set_object (&self->term, term);

  if (term != NULL)
    {
      g_signal_connect_object (term, "notify", G_CALLBACK (update_fields), self, G_CONNECT_SWAPPED);
      update_fields (self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "glossary.remove-term", term != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "glossary.rename-term", term != NULL);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TERM]);
}

/* A word cannot be emptied: while it is retyped, the term keeps its
 * last letters typed. */
static void
on_word_changed (RgGlossaryView *self,
                 const char     *text)
{
  if (self->term != NULL && self->editor != NULL && text[0] != '\0')
    rg_session_editor_set_term_word (self->editor, self->term, text);
}

static void
on_word_committed (RgGlossaryView *self,
                   const char     *text)
{
  if (self->term == NULL || self->editor == NULL)
    return;

  rg_session_editor_set_term_word (self->editor, self->term, text);
  /* A word cannot be emptied: show it again as it is. */
  update_fields (self);
  /* The word itself takes no focus: the keyboard goes back to where
   * renaming started. */
  if (gtk_widget_get_mapped (self->rename_button))
    gtk_widget_grab_focus (self->rename_button);
}

static void
on_agreed_committed (RgGlossaryView *self,
                     const char     *text)
{
  if (self->term != NULL && self->editor != NULL)
    rg_session_editor_set_term_agreed (self->editor, self->term, text);
}

static void
on_status_toggled (RgGlossaryView  *self,
                   GtkToggleButton *button)
{
  RgTermStatus status;

  if (self->updating || self->term == NULL || self->editor == NULL ||
      !gtk_toggle_button_get_active (button))
    return;

  status = button == self->agreed_button ? RG_TERM_STATUS_AGREED : RG_TERM_STATUS_OPEN;
  rg_session_editor_set_term_status (self->editor, self->term, status);
}

static void
on_terms_changed (RgGlossaryView *self)
{
  GListModel *terms = rg_session_get_terms (rg_session_editor_get_session (self->editor));

  if (self->term != NULL && rg_list_model_find (terms, self->term) == G_MAXUINT)
    set_term (self, NULL);
  update_page (self);
}

/* }}} */
/* {{{ Actions */

static void
on_new_word_activate (RgGlossaryView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "glossary.add-term", NULL);
}

static void
add_term_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RgGlossaryView *self = RG_GLOSSARY_VIEW (widget);
  const char *word = gtk_editable_get_text (GTK_EDITABLE (self->new_word_entry));
  RgTerm *term;

  if (self->editor == NULL)
    return;

  if ((term = rg_session_editor_add_term (self->editor, word)) == NULL)
    {
      gtk_widget_error_bell (widget);
      gtk_widget_grab_focus (GTK_WIDGET (self->new_word_entry));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_word_entry), "");
  rg_glossary_view_show_term (self, term);
}

static void
rename_term_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgGlossaryView *self = RG_GLOSSARY_VIEW (widget);

  if (self->term != NULL)
    rg_editable_text_start_editing (self->word_text);
}

static void
remove_term_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgGlossaryView *self = RG_GLOSSARY_VIEW (widget);
  g_autoptr(RgTerm) term = NULL;
  g_autofree char *message = NULL;
  GListModel *terms;
  guint position;
  guint n;

  if (self->term == NULL || self->editor == NULL)
    return;

  term = g_object_ref (self->term);
  terms = rg_session_get_terms (rg_session_editor_get_session (self->editor));
  position = rg_list_model_find (terms, term);

  rg_session_editor_remove_term (self->editor, term);

  /* Translators: shown with an Undo button after a word of the glossary
   * is deleted: "“autonomie” deleted". */
  message = g_strdup_printf (_("“%s” deleted"), rg_term_get_word (term));
  rg_undo_toast_show (widget, message);

  /* The next word comes up, so several can be deleted in a row. */
  if ((n = g_list_model_get_n_items (terms)) > 0)
    select_position (self, MIN (position, n - 1));
}

/* }}} */

static void
rg_glossary_view_dispose (GObject *object)
{
  RgGlossaryView *self = RG_GLOSSARY_VIEW (object);
  GtkWidget *child;

  rg_glossary_view_set_editor (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RG_TYPE_GLOSSARY_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->meaning_texts, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_glossary_view_parent_class)->dispose (object);
}

static void
rg_glossary_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RgGlossaryView *self = RG_GLOSSARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;

    case PROP_TERM:
      g_value_set_object (value, self->term);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_glossary_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RgGlossaryView *self = RG_GLOSSARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      rg_glossary_view_set_editor (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_glossary_view_class_init (RgGlossaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_glossary_view_dispose;
  object_class->get_property = rg_glossary_view_get_property;
  object_class->set_property = rg_glossary_view_set_property;

  properties [PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, RG_TYPE_SESSION_EDITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TERM] =
    g_param_spec_object ("term", NULL, NULL, RG_TYPE_TERM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-glossary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, new_word_entry);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, term_list);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, word_text);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, rename_button);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, agreed_card);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, open_button);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, agreed_button);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, meanings_box);
  gtk_widget_class_bind_template_child (widget_class, RgGlossaryView, agreed_text);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_word_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_word_committed);
  gtk_widget_class_bind_template_callback (widget_class, on_agreed_committed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_new_word_activate);

  gtk_widget_class_install_action (widget_class, "glossary.add-term", NULL, add_term_action);
  gtk_widget_class_install_action (widget_class, "glossary.remove-term", NULL, remove_term_action);
  gtk_widget_class_install_action (widget_class, "glossary.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "glossary.rename-term", NULL, rename_term_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "glossary.rename-term", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glossary-view");

  g_type_ensure (RG_TYPE_EDITABLE_TEXT);
}

static void
rg_glossary_view_init (RgGlossaryView *self)
{
  self->meaning_texts = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The word is the title of what follows: its accessible name says so. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->word_text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Word"), -1);
  setup_card (self->agreed_card, self->agreed_text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "glossary.remove-term", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "glossary.rename-term", FALSE);
  update_page (self);
}

/**
 * rg_glossary_view_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor of the session shown
 */
RgSessionEditor *
rg_glossary_view_get_editor (RgGlossaryView *self)
{
  g_return_val_if_fail (RG_IS_GLOSSARY_VIEW (self), NULL);

  return self->editor;
}

/**
 * rg_glossary_view_set_editor:
 * @self: a #RgGlossaryView
 * @editor: (nullable): the editor of the session to show
 *
 * Shows the glossary of @editor's session; edits go through @editor.
 */
void
rg_glossary_view_set_editor (RgGlossaryView  *self,
                             RgSessionEditor *editor)
{
  g_return_if_fail (RG_IS_GLOSSARY_VIEW (self));
  g_return_if_fail (editor == NULL || RG_IS_SESSION_EDITOR (editor));

  if (self->editor == editor)
    return;

  set_term (self, NULL);

  if (self->editor != NULL)
    {
      RgSession *session = rg_session_editor_get_session (self->editor);

      g_signal_handlers_disconnect_by_data (rg_session_get_terms (session), self);
      g_signal_handlers_disconnect_by_data (rg_session_get_partners (session), self);
      gtk_list_box_bind_model (self->term_list, NULL, NULL, NULL, NULL);
    }

  g_set_object (&self->editor, editor);
  rg_editable_text_set_undo_stack (self->word_text,
                                   editor ? rg_session_editor_get_undo_stack (editor) : NULL, NULL);
  rg_editable_text_set_undo_stack (self->agreed_text,
                                   editor ? rg_session_editor_get_undo_stack (editor) : NULL, NULL);

  if (editor != NULL)
    {
      RgSession *session = rg_session_editor_get_session (editor);

      gtk_list_box_bind_model (self->term_list, rg_session_get_terms (session),
                               create_row, self, NULL);
      g_signal_connect_object (rg_session_get_terms (session), "items-changed",
                               G_CALLBACK (on_terms_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rg_session_get_partners (session), "items-changed",
                               G_CALLBACK (rebuild_meanings), self, G_CONNECT_SWAPPED);
    }

  rebuild_meanings (self);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITOR]);
}

/**
 * rg_glossary_view_get_term:
 *
 * Returns: (transfer none) (nullable): the word shown, if any
 */
RgTerm *
rg_glossary_view_get_term (RgGlossaryView *self)
{
  g_return_val_if_fail (RG_IS_GLOSSARY_VIEW (self), NULL);

  return self->term;
}

/**
 * rg_glossary_view_show_term:
 * @self: a #RgGlossaryView
 * @term: a term of the session's glossary
 *
 * Selects @term in the list and shows what each partner means by it.
 */
void
rg_glossary_view_show_term (RgGlossaryView *self,
                            RgTerm         *term)
{
  GListModel *terms;
  guint position;

  g_return_if_fail (RG_IS_GLOSSARY_VIEW (self));
  g_return_if_fail (RG_IS_TERM (term));
  g_return_if_fail (self->editor != NULL);

  terms = rg_session_get_terms (rg_session_editor_get_session (self->editor));
  if ((position = rg_list_model_find (terms, term)) == G_MAXUINT)
    return;

  select_position (self, position);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
}
