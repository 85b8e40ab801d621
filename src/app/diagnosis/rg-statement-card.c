/* rg-statement-card.c — one partner's statement, shown and edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-statement-card"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rg-accessible-description.h"
#include "rg-editable-text.h"
#include "rg-glossary-match.h"
#include "rg-icon-label.h"
#include "rg-icons.h"
#include "rg-partner-label.h"
#include "rg-statement-card.h"

struct _RgStatementCard
{
  GtkWidget        parent_instance;

  RgStatement     *statement;
  RgSessionEditor *editor;
  GtkWidget       *badges;
  GtkWidget       *conflict_button; /* made when first needed */
  char            *glossary_key;   /* the text and words last underlined */
  gboolean         blind;

  RgIconLabel    *kind;
  RgEditableText *text;

  /* What a screen reader reads besides the card's name: where it stands
   * in its cell, and why the keyboard was brought to it, if it was. */
  guint           position;
  guint           n_positions;
  char           *reason;
  GtkEventController *reason_focus;
};

enum {
  PROP_0,
  PROP_STATEMENT,
  PROP_EDITOR,
  PROP_EDITING,
  PROP_BLIND,
  N_PROPS
};

enum {
  TEXT_CHANGED,
  TEXT_COMMITTED,
  LINK_HOVERED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RgStatementCard, rg_statement_card, GTK_TYPE_WIDGET)

static void
update_kind (RgStatementCard *self)
{
  RgStatementKind kind = rg_statement_get_kind (self->statement);
  static const char *classes[] = { "fact", "interpretation", "difficulty", "resource", "proposal" };

  rg_icon_label_set (self->kind, rg_statement_kind_get_icon_name (kind), rg_statement_kind_get_label (kind));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
  if (kind < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (GTK_WIDGET (self), classes[kind]);
}

static char *
describe_link (RgLink *link)
{
  const char *type = rg_link_type_get_label (rg_link_get_link_type (link));
  const char *note = rg_link_get_note (link);

  if (rg_link_get_status (link) == RG_LINK_STATUS_SETTLED)
    /* Translators: a link's badge as read by a screen reader, with its
     * note: "Divergence, settled: the reading of the absences". */
    return note ? g_strdup_printf (_("%s, settled: %s"), type, note)
                : g_strdup_printf (_("%s, settled"), type);

  /* Translators: "Divergence, open: the reading of the absences". */
  return note ? g_strdup_printf (_("%s, open: %s"), type, note)
              : g_strdup_printf (_("%s, open"), type);
}

/* {{{ What a screen reader reads */

/* The partners of @link other than the card's, as the card names them */
static char *
dup_link_partners (RgStatementCard *self,
                   RgLink          *link)
{
  RgSession *session = rg_session_editor_get_session (self->editor);
  const char * const *members = rg_link_get_members (link);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      RgStatement *other = rg_session_find_statement (session, members[i]);
      RgPartner *partner;
      g_autofree char *name = NULL;

      if (other == NULL || other == self->statement ||
          !(partner = rg_session_find_partner (session, rg_statement_get_partner_id (other))) ||
          !g_hash_table_add (named, partner))
        continue;

      name = rg_partner_label_dup (session, partner, self->blind);
      if (names->len > 0)
        /* Translators: between the names of the partners of a link:
         * "Mme Benali, M. Roussel". */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }

  if (names->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A link as the card's description reads it: "Divergence with Mme
 * Benali, open: the reading of the absences". */
static char *
describe_link_with_partners (RgStatementCard *self,
                             RgLink          *link)
{
  const char *type = rg_link_type_get_label (rg_link_get_link_type (link));
  const char *note = rg_link_get_note (link);
  g_autofree char *partners = dup_link_partners (self, link);

  if (note != NULL && note[0] == '\0')
    note = NULL;
  if (partners == NULL)
    return describe_link (link);

  if (rg_link_get_status (link) == RG_LINK_STATUS_SETTLED)
    /* Translators: a link of a statement as a screen reader reads it,
     * with the other partners of the link and its note:
     * "Agreement with Mme Benali, settled: the same evenings". */
    return note ? g_strdup_printf (_("%s with %s, settled: %s"), type, partners, note)
                : g_strdup_printf (_("%s with %s, settled"), type, partners);

  /* Translators: "Divergence with Mme Benali, open: the reading of the absences". */
  return note ? g_strdup_printf (_("%s with %s, open: %s"), type, partners, note)
              : g_strdup_printf (_("%s with %s, open"), type, partners);
}

/* Appends @sentence to @description, after a full stop unless the
 * text before ends a sentence itself (a note ending with one). */
static void
append_sentence (GString    *description,
                 const char *sentence)
{
  if (description->len > 0)
    {
      gunichar last = g_utf8_get_char (g_utf8_find_prev_char (description->str,
                                                               description->str + description->len));

      g_string_append (description, last == '.' || last == '!' || last == '?' || last == 0x2026 /* … */
                                    ? " " : ". ");
    }
  g_string_append (description, sentence);
}

/* The card's description, on the row of the list that holds it, which
 * is what takes the focus: why the keyboard came here, if it was
 * brought; its links; its place in its cell ("2 of 6"). */
static void
update_accessible (RgStatementCard *self)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autoptr(GString) description = g_string_new (NULL);
  GPtrArray *links = NULL;

  if (!GTK_IS_LIST_BOX_ROW (row))
    return;

  if (self->editor != NULL)
    links = rg_link_index_get_links (rg_session_editor_get_link_index (self->editor),
                                     rg_statement_get_id (self->statement));
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      g_autofree char *link = describe_link_with_partners (self, g_ptr_array_index (links, i));

      append_sentence (description, link);
    }

  if (self->n_positions > 0)
    {
      g_autofree char *position = NULL;

      /* Translators: where a statement stands in its cell: "2 of 6". */
      position = g_strdup_printf (_("%u of %u"), self->position + 1, self->n_positions);
      append_sentence (description, position);
    }

  if (self->reason != NULL)
    {
      g_autofree char *rest = g_string_free (g_steal_pointer (&description), FALSE);

      /* Translators: why the keyboard was brought to a statement, then
       * its description: "Divergence, open: Divergence with Mme Benali,
       * open. 2 of 6". */
      description = g_string_new (NULL);
      g_string_printf (description, _("%s: %s"), self->reason, rest);
    }

  rg_accessible_set_description (row, description->str);
}

/* The text of the card, when it is written into, is named after its
 * author and dimension: “Statement by Mme Roussel in Scolarité”. */
static void
update_text_name (RgStatementCard *self)
{
  RgSession *session;
  RgPartner *partner;
  RgDimension *dimension;
  g_autofree char *author = NULL;
  g_autofree char *name = NULL;

  if (self->editor == NULL)
    return;

  session = rg_session_editor_get_session (self->editor);
  partner = rg_session_find_partner (session, rg_statement_get_partner_id (self->statement));
  dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (self->statement));
  if (partner == NULL || dimension == NULL)
    return;

  author = rg_partner_label_dup (session, partner, self->blind);
  /* Translators: the accessible name of a statement's text: "Statement
   * by Mme Roussel in Scolarité". */
  name = g_strdup_printf (_("Statement by %s in %s"), author, rg_dimension_get_name (dimension));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * rg_statement_card_set_position:
 * @self: a #RgStatementCard
 * @position: the place of the card in its cell, from 0
 * @n_positions: how many cards the cell holds
 *
 * Says where the card stands, for a screen reader: “2 of 6”.
 */
void
rg_statement_card_set_position (RgStatementCard *self,
                                guint            position,
                                guint            n_positions)
{
  GtkWidget *row;

  g_return_if_fail (RG_IS_STATEMENT_CARD (self));

  if (self->position == position && self->n_positions == n_positions)
    return;

  self->position = position;
  self->n_positions = n_positions;
  if (GTK_IS_LIST_BOX_ROW (row = gtk_widget_get_parent (GTK_WIDGET (self))))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_RELATION_POS_IN_SET, (int) position + 1,
                                    GTK_ACCESSIBLE_RELATION_SET_SIZE, (int) n_positions,
                                    -1);
  update_accessible (self);
}

static void
on_reason_focus_leave (RgStatementCard *self)
{
  rg_statement_card_set_reason (self, NULL);
}

/**
 * rg_statement_card_set_reason:
 * @self: a #RgStatementCard
 * @reason: (nullable): why the keyboard is brought to the card
 *   (“Divergence, open”), or %NULL
 *
 * Starts the card's description with @reason until the keyboard focus
 * leaves it, so that a screen reader says why it landed there.
 */
void
rg_statement_card_set_reason (RgStatementCard *self,
                              const char      *reason)
{
  GtkWidget *row;

  g_return_if_fail (RG_IS_STATEMENT_CARD (self));

  if (g_strcmp0 (self->reason, reason) == 0)
    return;

  g_free (self->reason);
  self->reason = g_strdup (reason);

  /* Until the focus leaves the row that holds the card. The controller
   * stays (it is asked from within its own signal to drop the reason). */
  row = gtk_widget_get_parent (GTK_WIDGET (self));
  if (reason != NULL && self->reason_focus == NULL && row != NULL)
    {
      self->reason_focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (self->reason_focus, "leave", G_CALLBACK (on_reason_focus_leave),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (row, self->reason_focus);
    }

  update_accessible (self);
}

/* }}} */

static GtkWidget *
create_link_popover (RgStatementCard *self,
                     RgLink          *link)
{
  RgSession *session = rg_session_editor_get_session (self->editor);
  const char * const *members = rg_link_get_members (link);
  GtkWidget *popover, *box, *title, *label;
  g_autofree char *heading = describe_link (link);

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 280, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  title = gtk_label_new (heading);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  /* What the other partners said, quoted. */
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      RgStatement *other = rg_session_find_statement (session, members[i]);
      RgPartner *partner;
      g_autofree char *quote = NULL;
      g_autofree char *author = NULL;

      if (other == NULL || other == self->statement)
        continue;

      /* In a blind round, by the letter of the column. */
      if ((partner = rg_session_find_partner (session, rg_statement_get_partner_id (other))))
        author = rg_partner_label_dup (session, partner, self->blind);
      /* Translators: a statement quoted in a link: "Mme Benali: « Il dort mal »". */
      quote = g_strdup_printf (_("%s: “%s”"), author ? author : "",
                               rg_statement_get_text (other));
      label = gtk_label_new (quote);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_box_append (GTK_BOX (box), label);
    }

  return popover;
}

static void
on_badge_hover (GtkEventController *controller,
                gpointer            entered)
{
  GtkWidget *badge = gtk_event_controller_get_widget (controller);
  RgStatementCard *self = RG_STATEMENT_CARD (gtk_widget_get_ancestor (badge, RG_TYPE_STATEMENT_CARD));
  RgLink *link = g_object_get_data (G_OBJECT (badge), "link");

  if (self != NULL && link != NULL)
    g_signal_emit (self, signals [LINK_HOVERED], 0, link, GPOINTER_TO_INT (entered));
}

static void
on_badge_enter (GtkEventController *controller)
{
  on_badge_hover (controller, GINT_TO_POINTER (TRUE));
}

static void
on_badge_leave (GtkEventController *controller)
{
  on_badge_hover (controller, GINT_TO_POINTER (FALSE));
}

static void
on_badge_popover_show (GtkMenuButton   *badge,
                       RgStatementCard *self)
{
  RgLink *link = g_object_get_data (G_OBJECT (badge), "link");

  /* Made when opened: what it quotes may have changed since. */
  gtk_menu_button_set_popover (badge, create_link_popover (self, link));
}

static GtkWidget *
create_badge (RgStatementCard *self,
              RgLink          *link)
{
  static const char *classes[] = { "agreement", "divergence", "complement", "clarify" };
  RgLinkType type = rg_link_get_link_type (link);
  GtkWidget *badge, *content, *icon, *label;
  g_autofree char *description = describe_link (link);
  GtkEventController *controller;

  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  icon = gtk_image_new_from_icon_name (rg_link_type_get_icon_name (type));
  label = gtk_label_new (rg_link_type_get_label (type));
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), label);

  badge = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (badge), content);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (badge), FALSE);
  gtk_widget_add_css_class (badge, "link-badge");
  if (type < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (badge, classes[type]);
  if (rg_link_get_status (link) == RG_LINK_STATUS_SETTLED)
    gtk_widget_add_css_class (badge, "settled");
  gtk_widget_set_tooltip_text (badge, description);
  rg_accessible_set_label (badge, description);
  /* The tooltip made the same words its description: heard twice */
  for (GtkWidget *part = badge; part != NULL;
       part = part == badge ? gtk_widget_get_first_child (badge) : gtk_widget_get_next_sibling (part))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (part), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_object_set_data_full (G_OBJECT (badge), "link", g_object_ref (link), g_object_unref);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (badge),
                                         (GtkMenuButtonCreatePopupFunc) on_badge_popover_show,
                                         self, NULL);

  /* Hovering or focusing a badge lights up the rest of its link. */
  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_badge_enter), NULL);
  g_signal_connect (controller, "leave", G_CALLBACK (on_badge_leave), NULL);
  gtk_widget_add_controller (badge, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_badge_enter), NULL);
  g_signal_connect (controller, "leave", G_CALLBACK (on_badge_leave), NULL);
  gtk_widget_add_controller (badge, controller);

  return badge;
}

static void
update_badges (RgStatementCard *self)
{
  GPtrArray *links = NULL;
  GtkWidget *child;
  GtkRoot *root;
  GtkWidget *focus, *focused_badge, *refocus = NULL;
  RgLink *focused_link = NULL;

  if (self->editor != NULL)
    links = rg_link_index_get_links (rg_session_editor_get_link_index (self->editor),
                                     rg_statement_get_id (self->statement));

  /* Most cards have no link: their badge box is made the first time
   * they get one. */
  if (self->badges == NULL)
    {
      if (links == NULL || links->len == 0)
        {
          update_accessible (self);
          return;
        }

      self->badges = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->badges), GTK_SELECTION_NONE);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->badges), FALSE);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->badges), 4);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->badges), 4);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->badges), 8);
      gtk_widget_add_css_class (self->badges, "link-badges");
      /* GTK 4.8 would name it after its type */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->badges),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Links"), -1);
      gtk_widget_set_parent (self->badges, GTK_WIDGET (self));
    }

  /* The badges are made again: one with the keyboard gives it to its
   * new self, or to the card when its link is gone, never to nowhere. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->badges) &&
      (focused_badge = gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON)))
    focused_link = g_object_get_data (G_OBJECT (focused_badge), "link");
  if (focused_link != NULL)
    g_object_ref (focused_link);

  while ((child = gtk_widget_get_first_child (self->badges)))
    gtk_flow_box_remove (GTK_FLOW_BOX (self->badges), child);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      GtkWidget *badge = create_badge (self, g_ptr_array_index (links, i));
      GtkWidget *flow_child;

      gtk_flow_box_append (GTK_FLOW_BOX (self->badges), badge);
      flow_child = gtk_widget_get_parent (badge);
      gtk_widget_set_focusable (flow_child, FALSE);
      if (focused_link != NULL && g_ptr_array_index (links, i) == focused_link)
        refocus = badge;
    }

  gtk_widget_set_visible (self->badges, links != NULL && links->len > 0);
  update_accessible (self);

  if (focused_link != NULL)
    {
      GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self));

      if (refocus == NULL || !gtk_widget_grab_focus (refocus))
        if (row != NULL)
          gtk_widget_grab_focus (row);
      g_object_unref (focused_link);
    }
}

/**
 * rg_statement_card_move_badge_focus:
 * @self: a #RgStatementCard
 * @backward: whether Shift+Tab was pressed
 *
 * Tab from the card goes through its badges before leaving it, so that
 * its links are reached from the keyboard: from the card (its row) to
 * its first badge, from a badge to the next; Shift+Tab back to the
 * previous badge, then to the card.
 *
 * Returns: whether the focus moved; %FALSE when Tab leaves the card
 */
gboolean
rg_statement_card_move_badge_focus (RgStatementCard *self,
                                    gboolean         backward)
{
  g_autoptr(GPtrArray) badges = g_ptr_array_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self));
  int current = -1;

  g_return_val_if_fail (RG_IS_STATEMENT_CARD (self), FALSE);

  if (focus == NULL)
    return FALSE;

  for (GtkWidget *child = self->badges ? gtk_widget_get_first_child (self->badges) : NULL; child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *badge = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (badge == NULL || !gtk_widget_get_visible (badge))
        continue;
      if (focus == badge || gtk_widget_is_ancestor (focus, badge))
        current = (int) badges->len;
      g_ptr_array_add (badges, badge);
    }

  /* From the card's text being typed into, Tab leaves the card. */
  if (current < 0 && focus != row)
    return FALSE;

  if (!backward)
    return current + 1 < (int) badges->len &&
           gtk_widget_grab_focus (g_ptr_array_index (badges, current + 1));

  if (current < 0)
    return FALSE;

  return current == 0 ? row != NULL && gtk_widget_grab_focus (row)
                      : gtk_widget_grab_focus (g_ptr_array_index (badges, current - 1));
}

/* A statement changed here and elsewhere differently says so on its
 * card, until the coordinator chooses. */
static void
update_conflict (RgStatementCard *self)
{
  GListModel *conflicts;
  gboolean in_conflict = FALSE;

  if (self->editor == NULL)
    return;

  conflicts = rg_session_get_conflicts (rg_session_editor_get_session (self->editor));
  for (guint i = 0; i < g_list_model_get_n_items (conflicts) && !in_conflict; i++)
    {
      g_autoptr(RgConflict) conflict = g_list_model_get_item (conflicts, i);

      in_conflict = g_strcmp0 (rg_conflict_get_object_id (conflict),
                               rg_statement_get_id (self->statement)) == 0;
    }

  if (in_conflict && self->conflict_button == NULL)
    {
      self->conflict_button = gtk_button_new_with_label (_("Also changed elsewhere"));
      gtk_widget_add_css_class (self->conflict_button, "conflict-chip");
      gtk_widget_set_halign (self->conflict_button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (self->conflict_button,
                                   _("Choose between what was written here and elsewhere"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->conflict_button),
                                      "session.show-conflicts");
      gtk_widget_set_parent (self->conflict_button, GTK_WIDGET (self));
    }

  if (self->conflict_button != NULL)
    gtk_widget_set_visible (self->conflict_button, in_conflict);
}

/* The words of the glossary in the text become links to their term.
 * Any change of the session may rename, add or delete a word: what was
 * matched is remembered, so that most changes cost a comparison. */
static void
update_glossary (RgStatementCard *self)
{
  const char *text = rg_statement_get_text (self->statement);
  GListModel *terms;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GString) key = NULL;
  g_autoptr(GString) markup = NULL;
  gsize done = 0;

  if (self->editor == NULL)
    return;

  terms = rg_session_get_terms (rg_session_editor_get_session (self->editor));
  key = g_string_new (text);
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (terms, i);

      g_string_append_printf (key, "\x1f%s\x1e%s", rg_term_get_id (term), rg_term_get_word (term));
    }

  if (g_strcmp0 (key->str, self->glossary_key) == 0)
    return;
  g_free (self->glossary_key);
  self->glossary_key = g_string_free (g_steal_pointer (&key), FALSE);

  matches = rg_glossary_match (text, terms);
  if (matches->len == 0)
    {
      rg_editable_text_set_markup (self->text, NULL);
      return;
    }

  markup = g_string_new (NULL);
  for (guint i = 0; i < matches->len; i++)
    {
      RgGlossaryMatch *match = &g_array_index (matches, RgGlossaryMatch, i);
      g_autofree char *before = g_markup_escape_text (text + done, match->start - done);
      g_autofree char *word = g_markup_escape_text (text + match->start, match->end - match->start);
      g_autofree char *title = NULL;
      g_autofree char *escaped_title = NULL;

      /* Translators: the tooltip of a glossary word in a statement. */
      title = g_strdup_printf (_("What each partner means by “%s”"), rg_term_get_word (match->term));
      escaped_title = g_markup_escape_text (title, -1);
      g_string_append_printf (markup, "%s<a href=\"term:%s\" title=\"%s\">%s</a>",
                              before, rg_term_get_id (match->term), escaped_title, word);
      done = match->end;
    }
  {
    g_autofree char *after = g_markup_escape_text (text + done, -1);

    g_string_append (markup, after);
  }

  rg_editable_text_set_markup (self->text, markup->str);
}

static void
update_text (RgStatementCard *self)
{
  rg_editable_text_set_text (self->text, rg_statement_get_text (self->statement));
  g_clear_pointer (&self->glossary_key, g_free);
  update_glossary (self);
}

static void
on_link_activated (RgStatementCard *self,
                   const char      *uri)
{
  if (g_str_has_prefix (uri, "term:"))
    gtk_widget_activate_action (GTK_WIDGET (self), "session.show-term", "s", uri + strlen ("term:"));
}

gboolean
rg_statement_card_get_editing (RgStatementCard *self)
{
  g_return_val_if_fail (RG_IS_STATEMENT_CARD (self), FALSE);

  return rg_editable_text_get_editing (self->text);
}

/**
 * rg_statement_card_start_editing:
 * @self: a #RgStatementCard
 *
 * Shows the text in an editor and gives it the keyboard focus.
 */
void
rg_statement_card_start_editing (RgStatementCard *self)
{
  g_return_if_fail (RG_IS_STATEMENT_CARD (self));

  rg_editable_text_start_editing (self->text);
}

/**
 * rg_statement_card_stop_editing:
 * @self: a #RgStatementCard
 *
 * Ends editing. What was typed is kept: ::text-committed carries it to
 * whoever applies it to the session, so that it can be undone.
 */
void
rg_statement_card_stop_editing (RgStatementCard *self)
{
  g_return_if_fail (RG_IS_STATEMENT_CARD (self));

  rg_editable_text_stop_editing (self->text);
}

static void
on_changed (RgStatementCard *self,
            const char      *text)
{
  g_signal_emit (self, signals [TEXT_CHANGED], 0, text);
}

static void
on_committed (RgStatementCard *self,
              const char      *text)
{
  g_signal_emit (self, signals [TEXT_COMMITTED], 0, text);
}

static void
on_editing_changed (RgStatementCard *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITING]);
}

static void
rg_statement_card_constructed (GObject *object)
{
  RgStatementCard *self = RG_STATEMENT_CARD (object);

  G_OBJECT_CLASS (rg_statement_card_parent_class)->constructed (object);

  g_signal_connect_object (self->statement, "notify::kind",
                           G_CALLBACK (update_kind), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->statement, "notify::text",
                           G_CALLBACK (update_text), self, G_CONNECT_SWAPPED);
  if (self->editor != NULL)
    {
      /* Typed into a statement just added, the text is undone with it:
       * the statement is the key of the burst that added it. */
      rg_editable_text_set_undo_stack (self->text, rg_session_editor_get_undo_stack (self->editor),
                                       self->statement);
      g_signal_connect_object (rg_session_editor_get_link_index (self->editor), "changed",
                               G_CALLBACK (update_badges), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rg_session_editor_get_session (self->editor), "changed",
                               G_CALLBACK (update_glossary), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rg_session_get_conflicts (rg_session_editor_get_session (self->editor)),
                               "items-changed", G_CALLBACK (update_conflict), self,
                               G_CONNECT_SWAPPED);
    }
  update_kind (self);
  update_text (self);
  update_badges (self);
  update_conflict (self);
  update_text_name (self);
}

static void
rg_statement_card_dispose (GObject *object)
{
  RgStatementCard *self = RG_STATEMENT_CARD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->statement);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->glossary_key, g_free);
  g_clear_pointer (&self->reason, g_free);
  self->reason_focus = NULL;

  G_OBJECT_CLASS (rg_statement_card_parent_class)->dispose (object);
}

static void
rg_statement_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RgStatementCard *self = RG_STATEMENT_CARD (object);

  switch (prop_id)
    {
    case PROP_STATEMENT:
      g_value_set_object (value, self->statement);
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, rg_statement_card_get_editing (self));
      break;

    case PROP_BLIND:
      g_value_set_boolean (value, self->blind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_statement_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RgStatementCard *self = RG_STATEMENT_CARD (object);

  switch (prop_id)
    {
    case PROP_STATEMENT:
      self->statement = g_value_dup_object (value);
      break;

    case PROP_EDITOR:
      self->editor = g_value_dup_object (value);
      break;

    case PROP_BLIND:
      rg_statement_card_set_blind (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_statement_card_class_init (RgStatementCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rg_statement_card_constructed;
  object_class->dispose = rg_statement_card_dispose;
  object_class->get_property = rg_statement_card_get_property;
  object_class->set_property = rg_statement_card_set_property;

  properties [PROP_STATEMENT] =
    g_param_spec_object ("statement", NULL, NULL, RG_TYPE_STATEMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, RG_TYPE_SESSION_EDITOR,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RgStatementCard:blind:
   *
   * Whether the card names no author (a blind round): the partners its
   * links quote are named by the letter of their column.
   */
  properties [PROP_BLIND] =
    g_param_spec_boolean ("blind", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgStatementCard::text-changed:
   * @text: the text as typed so far, without leading and trailing spaces
   *
   * Emitted while editing, at each change, so that the statement holds
   * what is typed before editing ends.
   */
  signals [TEXT_CHANGED] =
    g_signal_new ("text-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RgStatementCard::text-committed:
   * @text: the text typed, without leading and trailing spaces
   *
   * Emitted when editing ends, whatever the text.
   */
  signals [TEXT_COMMITTED] =
    g_signal_new ("text-committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RgStatementCard::link-hovered:
   * @link: the link of the badge
   * @entered: whether the pointer or the focus came in or left
   *
   * Emitted when a badge is hovered or focused, so that the other
   * statements of its link can be lit up.
   */
  signals [LINK_HOVERED] =
    g_signal_new ("link-hovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RG_TYPE_LINK, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  gtk_widget_class_set_css_name (widget_class, "statement-card");
}

/* Built in code rather than from a template: a session can hold
 * thousands of cards, and a template is parsed again for each. */
static void
rg_statement_card_init (RgStatementCard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  /* A view scrolled through thousands of cards makes one for each
   * card that comes into view: its kind is one widget, not three. */
  self->kind = RG_ICON_LABEL (rg_icon_label_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->kind), "kind");
  gtk_widget_set_parent (GTK_WIDGET (self->kind), GTK_WIDGET (self));

  self->text = RG_EDITABLE_TEXT (rg_editable_text_new ());
  /* The card takes the focus and a click, which select it; a double
   * click edits its text (docs/editing.md). */
  gtk_widget_set_focusable (GTK_WIDGET (self->text), FALSE);
  rg_editable_text_set_single_click (self->text, FALSE);
  rg_editable_text_set_given_width (self->text, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->text), "statement-text");
  gtk_widget_set_parent (GTK_WIDGET (self->text), GTK_WIDGET (self));
  g_signal_connect_object (self->text, "changed", G_CALLBACK (on_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text, "committed", G_CALLBACK (on_committed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text, "notify::editing", G_CALLBACK (on_editing_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text, "link-activated", G_CALLBACK (on_link_activated),
                           self, G_CONNECT_SWAPPED);
}

/**
 * rg_statement_card_new:
 * @statement: the statement to show
 * @editor: (nullable): the editor of its session, for its links
 *
 * Returns: (transfer floating): a new card
 */
GtkWidget *
rg_statement_card_new (RgStatement     *statement,
                       RgSessionEditor *editor)
{
  g_return_val_if_fail (RG_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (editor == NULL || RG_IS_SESSION_EDITOR (editor), NULL);

  return g_object_new (RG_TYPE_STATEMENT_CARD,
                       "statement", statement,
                       "editor", editor,
                       NULL);
}

/**
 * rg_statement_card_get_statement:
 *
 * Returns: (transfer none): the statement shown
 */
RgStatement *
rg_statement_card_get_statement (RgStatementCard *self)
{
  g_return_val_if_fail (RG_IS_STATEMENT_CARD (self), NULL);

  return self->statement;
}

/**
 * rg_statement_card_get_blind:
 *
 * Returns: whether the card names no author
 */
gboolean
rg_statement_card_get_blind (RgStatementCard *self)
{
  g_return_val_if_fail (RG_IS_STATEMENT_CARD (self), FALSE);

  return self->blind;
}

/**
 * rg_statement_card_set_blind:
 * @self: a #RgStatementCard
 * @blind: whether to name no author
 *
 * In a blind round, the partners the card's links quote are named by
 * the letter of their column instead of their name.
 */
void
rg_statement_card_set_blind (RgStatementCard *self,
                             gboolean         blind)
{
  g_return_if_fail (RG_IS_STATEMENT_CARD (self));

  blind = !!blind;
  if (self->blind == blind)
    return;

  self->blind = blind;
  update_text_name (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLIND]);
}
