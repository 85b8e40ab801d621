/* rg-situation-list.c — the situations of the library, one row per child
 *
 * A row per situation says what a coordinator looks for first: the
 * child's label and code, the last session's date and status, the next
 * review, the divergences left open, the actions overdue, and where the
 * family's consent stands. A row opens (Right, +, or a click on its
 * arrow) to the situation's sessions in date order, looked up in the
 * index when it opens; activating a session opens it.
 *
 * The list is a GtkListView over a GtkTreeListModel: only the rows on
 * screen are made, so three thousand situations list as fast as thirty.
 * Which situations are open, and which one the keyboard is on, are
 * kept by id, so that a new search, or the index changing under the
 * list, leaves them so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-situation-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-library.h"
#include "rg-row-slicer.h"
#include "rg-situation-list.h"
#include "rg-window-host.h"

struct _RgSituationList
{
  GtkWidget           parent_instance;

  GtkWidget          *scrolled;
  GtkListView        *view;
  GtkSingleSelection *selection;
  GtkTreeListModel   *tree;
  GListStore         *situations;     /* of RgLibrarySituation, the tree's root */
  RgRowSlicer        *slicer;         /* adds to @situations, a few at a time */
  GCancellable       *cancellable;    /* of the sessions being looked up */
};

G_DEFINE_FINAL_TYPE (RgSituationList, rg_situation_list, GTK_TYPE_WIDGET)

/* {{{ What a row says */

static const char *
consent_word (RgConsentState state)
{
  switch (state)
    {
    case RG_CONSENT_STATE_RECORDED:
      /* Translators: the state of the family's consent, in a word or two */
      return C_("consent state", "Consent");
    case RG_CONSENT_STATE_TO_CONFIRM:
      return C_("consent state", "To confirm");
    case RG_CONSENT_STATE_OLD:
      return C_("consent state", "Over a year old");
    case RG_CONSENT_STATE_NONE:
    default:
      return C_("consent state", "No consent");
    }
}

static const char *
consent_style (RgConsentState state)
{
  switch (state)
    {
    case RG_CONSENT_STATE_RECORDED:
      return "success";
    case RG_CONSENT_STATE_TO_CONFIRM:
    case RG_CONSENT_STATE_OLD:
      return "warning";
    case RG_CONSENT_STATE_NONE:
    default:
      return "error";
    }
}

/* The line under a situation's label */
static char *
describe_situation_line (RgLibrarySituation *situation)
{
  g_autofree char *last = rg_date_format (rg_library_situation_get_last_date (situation));
  g_autofree char *review = rg_date_format (rg_library_situation_get_next_review (situation));
  const char *code = rg_library_situation_get_code (situation);
  const char *status = rg_session_status_get_label (rg_library_situation_get_last_status (situation));
  GString *line = g_string_new (NULL);

  if (code != NULL && code[0] != '\0')
    g_string_append_printf (line, "%s · ", code);
  if (last != NULL)
    /* Translators: in a situation's row; %s is a date, %s the status of
     * the session ("Held") */
    g_string_append_printf (line, _("Last session %s, %s"), last, status);
  if (review != NULL)
    /* Translators: in a situation's row; %s is a date */
    g_string_append_printf (line, _(" · Next review %s"), review);

  return g_string_free (line, FALSE);
}

/* What a screen reader says of a situation's row, in sentences */
static char *
describe_situation (RgLibrarySituation *situation)
{
  g_autofree char *last = rg_date_format (rg_library_situation_get_last_date (situation));
  g_autofree char *review = rg_date_format (rg_library_situation_get_next_review (situation));
  g_autofree char *consent = rg_date_format (rg_library_situation_get_consent_date (situation));
  guint n_sessions = rg_library_situation_get_n_sessions (situation);
  guint n_divergences = rg_library_situation_get_n_open_divergences (situation);
  guint n_overdue = rg_library_situation_get_n_overdue_actions (situation);
  const char *status = rg_session_status_get_label (rg_library_situation_get_last_status (situation));
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, ngettext ("%u session.", "%u sessions.", n_sessions), n_sessions);
  if (last != NULL)
    {
      g_string_append_c (text, ' ');
      /* Translators: a sentence; %s is a date, %s a status ("Held") */
      g_string_append_printf (text, _("The last session was on %s, %s."), last, status);
    }
  g_string_append_c (text, ' ');
  if (review != NULL)
    /* Translators: a sentence; %s is a date */
    g_string_append_printf (text, _("The next review is on %s."), review);
  else
    g_string_append (text, _("No review is planned."));
  g_string_append_c (text, ' ');
  if (n_divergences > 0)
    g_string_append_printf (text, ngettext ("%u divergence is open.",
                                            "%u divergences are open.", n_divergences),
                            n_divergences);
  else
    g_string_append (text, _("No divergence is open."));
  g_string_append_c (text, ' ');
  if (n_overdue > 0)
    g_string_append_printf (text, ngettext ("%u action is overdue.",
                                            "%u actions are overdue.", n_overdue),
                            n_overdue);
  else
    g_string_append (text, _("No action is overdue."));
  g_string_append_c (text, ' ');
  switch (rg_library_situation_get_consent_state (situation))
    {
    case RG_CONSENT_STATE_RECORDED:
      /* Translators: a sentence; %s is a date */
      g_string_append_printf (text, _("The family’s consent was recorded on %s."),
                              consent ? consent : "?");
      break;
    case RG_CONSENT_STATE_TO_CONFIRM:
      g_string_append (text, _("The family’s consent is to be confirmed."));
      break;
    case RG_CONSENT_STATE_OLD:
      /* Translators: a sentence; %s is a date */
      g_string_append_printf (text, _("The family’s consent dates from %s, over a year ago."),
                              consent ? consent : "?");
      break;
    case RG_CONSENT_STATE_NONE:
    default:
      g_string_append (text, _("No consent of the family is recorded."));
      break;
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
badge_new (void)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "situation-badge");
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);

  return badge;
}

static void
set_badge (GtkWidget  *badge,
           const char *text,
           const char *style)
{
  static const char *styles[] = { "success", "warning", "error", "dim-label" };

  gtk_widget_set_visible (badge, text != NULL);
  if (text == NULL)
    return;

  gtk_label_set_label (GTK_LABEL (badge), text);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (badge, styles[i]);
  gtk_widget_add_css_class (badge, style);
}

/* One widget serves both kinds of row: a situation, or one of its
 * sessions; the parts the other kind does not use are hidden. The
 * label and the marks share the first line, the dates have the
 * second to themselves, so that a narrow window cuts neither short.
 * The two lines are inscriptions, which lay their text out once, at
 * their width: a label lays it out several times to measure it, and
 * the rows of the first page are measured before the window is first
 * painted. */
static GtkWidget *
row_content_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *subtitle = gtk_inscription_new (NULL);
  GtkWidget *overdue = badge_new ();
  GtkWidget *divergences = badge_new ();
  GtkWidget *consent = badge_new ();

  gtk_widget_add_css_class (box, "situation-row");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_end (box, 6);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (subtitle),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), overdue);
  gtk_box_append (GTK_BOX (top), divergences);
  gtk_box_append (GTK_BOX (top), consent);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), subtitle);

  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "overdue", overdue);
  g_object_set_data (G_OBJECT (box), "divergences", divergences);
  g_object_set_data (G_OBJECT (box), "consent", consent);

  return box;
}

/* A line of the row; a screen reader finds its text as a label's */
static void
set_line (GtkWidget  *box,
          const char *name,
          const char *text)
{
  GtkInscription *line = g_object_get_data (G_OBJECT (box), name);

  gtk_inscription_set_text (line, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
show_situation (GtkWidget          *box,
                RgLibrarySituation *situation)
{
  const char *label = rg_library_situation_get_label (situation);
  const char *code = rg_library_situation_get_code (situation);
  guint n_overdue = rg_library_situation_get_n_overdue_actions (situation);
  guint n_divergences = rg_library_situation_get_n_open_divergences (situation);
  RgConsentState consent = rg_library_situation_get_consent_state (situation);
  g_autofree char *line = describe_situation_line (situation);
  g_autofree char *description = describe_situation (situation);
  g_autofree char *overdue = NULL;
  g_autofree char *divergences = NULL;
  g_autofree char *name = NULL;

  if (label == NULL || label[0] == '\0')
    label = _("Situation without a name");
  name = code != NULL && code[0] != '\0' ? g_strdup_printf ("%s, %s", label, code)
                                         : g_strdup (label);

  if (n_overdue > 0)
    overdue = g_strdup_printf (ngettext ("%u overdue action", "%u overdue actions", n_overdue),
                               n_overdue);
  if (n_divergences > 0)
    divergences = g_strdup_printf (ngettext ("%u open divergence", "%u open divergences",
                                             n_divergences),
                                   n_divergences);

  set_line (box, "title", label);
  gtk_widget_add_css_class (g_object_get_data (G_OBJECT (box), "title"), "heading");
  set_line (box, "subtitle", line);
  set_badge (g_object_get_data (G_OBJECT (box), "overdue"), overdue, "error");
  set_badge (g_object_get_data (G_OBJECT (box), "divergences"), divergences, "warning");
  set_badge (g_object_get_data (G_OBJECT (box), "consent"), consent_word (consent),
             consent_style (consent));

  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
show_session (GtkWidget      *box,
              RgLibraryEntry *entry)
{
  g_autofree char *date = rg_date_format (rg_library_entry_get_date (entry));
  const char *title = rg_library_entry_get_title (entry);
  const char *status = rg_session_status_get_label (rg_library_entry_get_status (entry));
  g_autofree char *line = NULL;
  g_autofree char *description = NULL;

  if (title == NULL || title[0] == '\0')
    title = _("Session without a title");

  /* Translators: a session in a situation's row; %s is a date (or
   * nothing), %s its status ("Held") */
  line = g_strdup_printf (_("%s · %s"), date ? date : _("No date"), status);
  /* Translators: a sentence; %s is a date, %s a status ("Held") */
  description = g_strdup_printf (_("Session of %s, %s."), date ? date : _("no date"), status);

  set_line (box, "title", title);
  gtk_widget_remove_css_class (g_object_get_data (G_OBJECT (box), "title"), "heading");
  set_line (box, "subtitle", line);
  set_badge (g_object_get_data (G_OBJECT (box), "overdue"), NULL, NULL);
  set_badge (g_object_get_data (G_OBJECT (box), "divergences"), NULL, NULL);
  set_badge (g_object_get_data (G_OBJECT (box), "consent"), NULL, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          RgSituationList          *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), row_content_new ());
  gtk_list_item_set_child (item, expander);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         RgSituationList          *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  gpointer object = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (RG_IS_LIBRARY_SITUATION (object))
    show_situation (box, object);
  else if (RG_IS_LIBRARY_ENTRY (object))
    show_session (box, object);
  g_clear_object (&object);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           RgSituationList          *self)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

/* }}} */
/* {{{ A situation's sessions */

typedef struct
{
  GListStore     *store;
  GWeakRef        list;
  GWeakRef        store_ref;  /* until the query starts */
  RgLibrary      *library;
  RgLibraryQuery *query;
} SessionsLookup;

static void
sessions_lookup_free (SessionsLookup *lookup)
{
  g_clear_object (&lookup->store);
  g_weak_ref_clear (&lookup->list);
  g_weak_ref_clear (&lookup->store_ref);
  g_clear_object (&lookup->library);
  g_clear_pointer (&lookup->query, rg_library_query_free);
  g_free (lookup);
}

static void
sessions_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SessionsLookup *lookup = user_data;
  g_autoptr(RgSituationList) self = g_weak_ref_get (&lookup->list);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  entries = rg_library_query_finish (RG_LIBRARY (object), result, &error);
  if (entries != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        g_ptr_array_add (items, g_list_model_get_item (entries, i));
      g_list_store_splice (lookup->store, 0, 0, items->pdata, items->len);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not list the sessions of a situation: %s", error->message);

  sessions_lookup_free (lookup);
}

/* The list view asks for a row's children to know whether it may be
 * opened, and drops them at once: the index is asked only for those
 * still kept when the main loop is idle, a row opened. */
static gboolean
ask_sessions (gpointer user_data)
{
  SessionsLookup *lookup = user_data;
  g_autoptr(RgSituationList) self = g_weak_ref_get (&lookup->list);
  g_autoptr(GListStore) store = g_weak_ref_get (&lookup->store_ref);
  g_autoptr(RgLibraryQuery) query = g_steal_pointer (&lookup->query);

  if (self == NULL || store == NULL)
    {
      sessions_lookup_free (lookup);
      return G_SOURCE_REMOVE;
    }

  lookup->store = g_steal_pointer (&store);
  rg_library_query_async (lookup->library, query, self->cancellable, sessions_cb, lookup);

  return G_SOURCE_REMOVE;
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  RgSituationList *self = user_data;
  RgWindowHost *host = rg_window_host_get_for_widget (GTK_WIDGET (self));
  RgLibrary *library = host != NULL ? rg_window_host_get_library (host) : NULL;
  g_autoptr(RgLibraryQuery) query = NULL;
  SessionsLookup *lookup;
  GListStore *store;

  if (!RG_IS_LIBRARY_SITUATION (item))
    return NULL;

  store = g_list_store_new (RG_TYPE_LIBRARY_ENTRY);
  if (library == NULL)
    return G_LIST_MODEL (store);

  query = rg_library_query_new ();
  query->situation_id = g_strdup (rg_library_situation_get_id (item));
  query->oldest_first = TRUE;
  query->no_contributions = TRUE;

  lookup = g_new0 (SessionsLookup, 1);
  g_weak_ref_init (&lookup->list, self);
  g_weak_ref_init (&lookup->store_ref, store);
  lookup->library = g_object_ref (library);
  lookup->query = g_steal_pointer (&query);
  g_idle_add (ask_sessions, lookup);

  return G_LIST_MODEL (store);
}

/* }}} */
/* {{{ Keys and activation */

static GtkTreeListRow *
get_row (RgSituationList *self,
         guint            position)
{
  return g_list_model_get_item (G_LIST_MODEL (self->tree), position);
}

static void
activate_cb (GtkListView     *view,
             guint            position,
             RgSituationList *self)
{
  g_autoptr(GtkTreeListRow) row = get_row (self, position);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (RG_IS_LIBRARY_SITUATION (item))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else if (RG_IS_LIBRARY_ENTRY (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "library.open-session", "s",
                                rg_library_entry_get_path (RG_LIBRARY_ENTRY (item)));
}

/* Right and + open the situation under the keyboard, Left and - close
 * it; Left on a session goes back to its situation. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RgSituationList       *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(GtkTreeListRow) row = NULL;
  gboolean expand;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_KP_Right: case GDK_KEY_plus: case GDK_KEY_KP_Add:
      expand = TRUE;
      break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      expand = FALSE;
      break;
    default:
      return FALSE;
    }

  if (position == GTK_INVALID_LIST_POSITION || !(row = get_row (self, position)))
    return FALSE;

  if (!expand && !gtk_tree_list_row_is_expandable (row))
    {
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

      if (parent == NULL)
        return FALSE;

      position = gtk_tree_list_row_get_position (parent);
      gtk_tree_list_row_set_expanded (parent, FALSE);
      gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", position);
      gtk_single_selection_set_selected (self->selection, position);
      return TRUE;
    }

  gtk_tree_list_row_set_expanded (row, expand);
  return TRUE;
}

/* }}} */

static void
rg_situation_list_dispose (GObject *object)
{
  RgSituationList *self = RG_SITUATION_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->slicer);
  g_clear_object (&self->tree);
  g_clear_object (&self->situations);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (rg_situation_list_parent_class)->dispose (object);
}

static void
rg_situation_list_finalize (GObject *object)
{
  RgSituationList *self = RG_SITUATION_LIST (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rg_situation_list_parent_class)->finalize (object);
}

static gboolean
rg_situation_list_grab_focus (GtkWidget *widget)
{
  RgSituationList *self = RG_SITUATION_LIST (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
rg_situation_list_class_init (RgSituationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_situation_list_dispose;
  object_class->finalize = rg_situation_list_finalize;
  widget_class->grab_focus = rg_situation_list_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "situationlist");
}

static void
rg_situation_list_init (RgSituationList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *clamp = adw_clamp_scrollable_new ();

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  self->view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "situation-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Situations"),
                                  -1);
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), keys);

  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 900);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 600);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->view));
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

/**
 * rg_situation_list_set_situations:
 * @self: a #RgSituationList
 * @situations: (nullable): a #GListModel of #RgLibrarySituation
 *
 * Lists @situations; those open before stay open, and the keyboard
 * stays on the situation it was on.
 */
void
rg_situation_list_set_situations (RgSituationList *self,
                                  GListModel      *situations)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GListStore) root = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) expanded = NULL;
  g_autofree char *selected_id = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n_items;

  g_return_if_fail (RG_IS_SITUATION_LIST (self));
  g_return_if_fail (situations == NULL || G_IS_LIST_MODEL (situations));

  /* The sessions of the last list are no longer wanted */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_clear_object (&self->slicer);
  if (situations == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      g_clear_object (&self->tree);
      g_clear_object (&self->situations);
      return;
    }

  /* A store of the list's own, which rg_situation_list_extend () adds to */
  root = g_list_store_new (RG_TYPE_LIBRARY_SITUATION);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (situations); i++)
    g_ptr_array_add (items, g_list_model_get_item (situations, i));
  g_list_store_splice (root, 0, 0, items->pdata, items->len);
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (root)), FALSE, FALSE,
                                  create_children, self, NULL);

  /* The situations open, and the one under the keyboard (or the one
   * of the session there) */
  expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; self->tree != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = get_row (self, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (RG_IS_LIBRARY_SITUATION (item) && gtk_tree_list_row_get_expanded (row))
        g_hash_table_add (expanded,
                          g_strdup (rg_library_situation_get_id (RG_LIBRARY_SITUATION (item))));
    }
  if (self->tree != NULL)
    {
      guint position = gtk_single_selection_get_selected (self->selection);
      g_autoptr(GtkTreeListRow) row = position != GTK_INVALID_LIST_POSITION
                                       ? get_row (self, position) : NULL;
      g_autoptr(GtkTreeListRow) parent = row ? gtk_tree_list_row_get_parent (row) : NULL;
      g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (parent ? parent : row) : NULL;

      if (RG_IS_LIBRARY_SITUATION (item))
        selected_id = g_strdup (rg_library_situation_get_id (RG_LIBRARY_SITUATION (item)));
    }

  /* Open again what was open, from the end so positions hold */
  n_items = g_list_model_get_n_items (situations);
  for (guint i = n_items; i-- > 0; )
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      const char *id = rg_library_situation_get_id (RG_LIBRARY_SITUATION (item));

      if (g_hash_table_contains (expanded, id))
        gtk_tree_list_row_set_expanded (row, TRUE);
      if (selected_id != NULL && g_str_equal (id, selected_id))
        selected = i;
    }

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  g_set_object (&self->tree, tree);
  g_set_object (&self->situations, root);
  self->slicer = rg_row_slicer_new (root);
  rg_row_slicer_set_deferred (self->slicer, TRUE);

  /* The index changes under the list at each save: the keyboard stays
   * on its situation, which stays in sight */
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (tree, selected);
      guint position = gtk_tree_list_row_get_position (row);

      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", position);
    }
}

/**
 * rg_situation_list_extend:
 * @self: a #RgSituationList
 * @situations: a #GListModel of #RgLibrarySituation
 *
 * Lists @situations, a longer list of which those listed are the
 * first: the rows listed stay, and the others are added a few at a
 * time, when nothing else is to be done, so that the first ones are
 * painted and answer the keyboard meanwhile. If the situations listed
 * are not the first of @situations, the same as
 * rg_situation_list_set_situations ().
 */
void
rg_situation_list_extend (RgSituationList *self,
                          GListModel      *situations)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n_listed, n_items;

  g_return_if_fail (RG_IS_SITUATION_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (situations));

  n_listed = self->situations != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->situations)) : 0;
  n_items = g_list_model_get_n_items (situations);
  if (self->situations == NULL || n_listed > n_items)
    {
      rg_situation_list_set_situations (self, situations);
      return;
    }

  /* The ones listed, as they are, then the others */
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RgLibrarySituation) listed = i < n_listed ? g_list_model_get_item (G_LIST_MODEL (self->situations), i) : NULL;
      g_autoptr(RgLibrarySituation) situation = g_list_model_get_item (situations, i);

      if (listed != NULL &&
          g_strcmp0 (rg_library_situation_get_id (listed), rg_library_situation_get_id (situation)) != 0)
        {
          rg_situation_list_set_situations (self, situations);
          return;
        }

      g_ptr_array_add (items, listed != NULL ? g_steal_pointer (&listed) : g_steal_pointer (&situation));
    }

  rg_row_slicer_set_items (self->slicer, items->pdata, items->len);
}

/**
 * rg_situation_list_get_rows:
 * @self: a #RgSituationList
 *
 * Returns: (transfer none) (nullable): the rows shown, a #GListModel of
 *   #GtkTreeListRow holding an #RgLibrarySituation or, under an open
 *   one, an #RgLibraryEntry
 */
GListModel *
rg_situation_list_get_rows (RgSituationList *self)
{
  g_return_val_if_fail (RG_IS_SITUATION_LIST (self), NULL);

  return G_LIST_MODEL (self->tree);
}

/**
 * rg_situation_list_set_expanded:
 * @self: a #RgSituationList
 * @position: the position of a situation's row
 * @expanded: whether to show its sessions
 *
 * Returns: whether @position is a situation's row
 */
gboolean
rg_situation_list_set_expanded (RgSituationList *self,
                                guint            position,
                                gboolean         expanded)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  g_return_val_if_fail (RG_IS_SITUATION_LIST (self), FALSE);

  if (self->tree == NULL || !(row = get_row (self, position)) ||
      !gtk_tree_list_row_is_expandable (row))
    return FALSE;

  gtk_tree_list_row_set_expanded (row, expanded);
  return TRUE;
}

/**
 * rg_situation_list_get_selected:
 * @self: a #RgSituationList
 *
 * Returns: the position of the row under the keyboard, or
 *   %GTK_INVALID_LIST_POSITION
 */
guint
rg_situation_list_get_selected (RgSituationList *self)
{
  g_return_val_if_fail (RG_IS_SITUATION_LIST (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

/**
 * rg_situation_list_get_view:
 * @self: a #RgSituationList
 *
 * Returns: (transfer none): the list view, which takes the keys
 */
GtkWidget *
rg_situation_list_get_view (RgSituationList *self)
{
  g_return_val_if_fail (RG_IS_SITUATION_LIST (self), NULL);

  return GTK_WIDGET (self->view);
}
