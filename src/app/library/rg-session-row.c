/* rg-session-row.c — one session of the library, as a row
 *
 * What a coordinator looks for in a list of meetings: the title, the
 * situation, when it was held, who took part, and how many agreements
 * and divergences the team found (an icon and words, never a colour
 * alone). A file that cannot be loaded shows why instead. A conflict
 * copy a sync engine made says so, with when it was made, and sits
 * under its original; when two rows share a title, each names its file.
 *
 * The row's actions (row.open, row.duplicate, row.timeline, row.rename,
 * row.trash, row.merge-conflict-copy) hand the file on to the library
 * window's actions, which do the work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-session-row.h"
#include "rg-types.h"

struct _RgSessionRow
{
  GtkListBoxRow   parent_instance;

  RgLibraryEntry *entry;
  gboolean        show_file_name;
  gboolean        under_original;

  GtkLabel       *title_label;
  GtkLabel       *meta_label;
  GtkLabel       *partners_label;
  GtkWidget      *error_box;
  GtkLabel       *error_title_label;
  GtkLabel       *error_label;
  GtkWidget      *badges_box;
  GtkWidget      *agreements_badge;
  GtkLabel       *agreements_label;
  GtkWidget      *divergences_badge;
  GtkLabel       *divergences_label;
  GtkWidget      *overdue_badge;
  GtkLabel       *overdue_label;
  GtkWidget      *no_consent_badge;
  GtkLabel       *no_consent_label;
  GtkWidget      *conflict_badge;
  GtkLabel       *conflict_label;
  GtkLabel       *conflict_time_label;
  GtkMenuButton  *menu_button;
};

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_SHOW_FILE_NAME,
  PROP_UNDER_ORIGINAL,
  N_PROPS
};

/* How far a conflict copy sits to the right of its original */
#define COPY_INDENT 36

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgSessionRow, rg_session_row, GTK_TYPE_LIST_BOX_ROW)


static char *
get_display_name (RgLibraryEntry *entry)
{
  g_autofree char *basename = g_path_get_basename (rg_library_entry_get_path (entry));

  return g_filename_display_name (basename);
}

static const char *
get_title (RgLibraryEntry *entry)
{
  const char *title = rg_library_entry_get_title (entry);

  return title != NULL && title[0] != '\0' ? title : _("Untitled Session");
}

static void
show_counts (RgSessionRow *self)
{
  guint n_agreements = rg_library_entry_get_n_agreements (self->entry);
  guint n_divergences = rg_library_entry_get_n_divergences (self->entry);
  guint n_open = rg_library_entry_get_n_open_divergences (self->entry);
  g_autofree char *agreements = NULL;
  g_autofree char *divergences = NULL;

  agreements = g_strdup_printf (ngettext ("%u agreement", "%u agreements", n_agreements),
                                n_agreements);
  gtk_label_set_label (self->agreements_label, agreements);
  gtk_widget_set_visible (self->agreements_badge, n_agreements > 0);
  gtk_widget_set_tooltip_text (self->agreements_badge, agreements);

  if (n_open > 0)
    /* Translators: "3 divergences, 1 open"; the plural follows the
     * number of divergences, the second number is how many of them are
     * still open. */
    divergences = g_strdup_printf (ngettext ("%u divergence, %u open",
                                             "%u divergences, %u open", n_divergences),
                                   n_divergences, n_open);
  else
    divergences = g_strdup_printf (ngettext ("%u divergence", "%u divergences", n_divergences),
                                   n_divergences);
  gtk_label_set_label (self->divergences_label, divergences);
  gtk_widget_set_visible (self->divergences_badge, n_divergences > 0);
  gtk_widget_set_tooltip_text (self->divergences_badge, divergences);
  if (n_open > 0)
    gtk_widget_add_css_class (self->divergences_badge, "open");

  gtk_widget_set_visible (self->badges_box, TRUE);
}

/* What is left to do, on the day the library is looked at, and whether
 * the family's consent is on record. */
static void
show_follow_up (RgSessionRow *self)
{
  guint n_overdue = rg_library_entry_get_n_overdue_actions (self->entry);
  /* A partner's contribution is not where the family's consent goes */
  gboolean has_consent = rg_library_entry_get_has_consent (self->entry) ||
                         rg_library_entry_get_kind (self->entry) == RG_SESSION_KIND_CONTRIBUTION;
  g_autofree char *overdue = NULL;

  overdue = g_strdup_printf (ngettext ("%u overdue action", "%u overdue actions", n_overdue),
                             n_overdue);
  gtk_label_set_label (self->overdue_label, overdue);
  gtk_widget_set_visible (self->overdue_badge, n_overdue > 0);
  gtk_widget_set_tooltip_text (self->overdue_badge, overdue);

  gtk_widget_set_visible (self->no_consent_badge, !has_consent);
  gtk_widget_set_tooltip_text (self->no_consent_badge,
                               _("The session records no consent of the family to share"));

  gtk_widget_set_visible (self->badges_box,
                          gtk_widget_get_visible (self->agreements_badge) ||
                          gtk_widget_get_visible (self->divergences_badge) ||
                          gtk_widget_get_visible (self->conflict_badge) ||
                          n_overdue > 0 || !has_consent);
}

/* A conflict copy: marked, with when it was made, and under its original
 * when the list shows it */
static void
show_conflict (RgSessionRow *self)
{
  g_autoptr(GDateTime) time = rg_library_entry_dup_conflict_time (self->entry);
  gboolean is_copy = rg_library_entry_get_conflict_of (self->entry) != NULL;
  g_autofree char *when = NULL;

  gtk_widget_set_visible (self->conflict_badge, is_copy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.merge-conflict-copy", is_copy);

  if (time != NULL)
    /* Translators: when a conflict copy was made, see the strftime()
     * manual; "%-d %B %Y, %H:%M" gives "4 décembre 2026, 12:00". */
    when = g_date_time_format (time, _("%-d %B %Y, %H:%M"));
  gtk_label_set_label (self->conflict_time_label, when != NULL ? when : "");
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_time_label), when != NULL);
  gtk_widget_set_tooltip_text (self->conflict_badge,
                               _("A sync engine kept this version beside the original, "
                                 "changed at the same time; merge it into the original"));

  if (is_copy && self->under_original)
    {
      /* Not a template child: the row owns it, and would free it twice */
      GtkWidget *content = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));

      gtk_widget_set_margin_start (content, gtk_widget_get_margin_start (content) + COPY_INDENT);
      gtk_widget_add_css_class (GTK_WIDGET (self), "conflict-copy");
    }
}

/* One line for screen readers, with everything the row shows. */
static void
update_accessible_label (RgSessionRow *self)
{
  g_autoptr(GString) label = g_string_new (gtk_label_get_label (self->title_label));
  GtkLabel *parts[] = {
    self->meta_label, self->partners_label, self->error_title_label, self->error_label,
    self->conflict_label, self->conflict_time_label,
    self->agreements_label, self->divergences_label, self->overdue_label,
    self->no_consent_label,
  };
  g_autofree char *menu_label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkWidget *widget = GTK_WIDGET (parts[i]);
      const char *text = gtk_label_get_label (parts[i]);

      /* A label inside a hidden box is not shown either. */
      while (widget != GTK_WIDGET (self) && gtk_widget_get_visible (widget))
        widget = gtk_widget_get_parent (widget);

      if (widget == GTK_WIDGET (self) && text != NULL && text[0] != '\0')
        g_string_append_printf (label, ", %s", text);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);

  /* Translators: the accessible name of the menu button of a session
   * row; %s is the session's title. */
  menu_label = g_strdup_printf (_("Menu of “%s”"), gtk_label_get_label (self->title_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
}

static void
show_entry (RgSessionRow *self)
{
  const char *error_message = rg_library_entry_get_error_message (self->entry);
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *date = NULL;
  const char *situation;
  const char *status;
  const char *partners;

  if (error_message != NULL)
    {
      g_autofree char *name = get_display_name (self->entry);

      gtk_label_set_label (self->title_label, name);
      gtk_label_set_label (self->error_label, error_message);
      gtk_widget_set_visible (GTK_WIDGET (self->meta_label), FALSE);
      gtk_widget_set_visible (self->error_box, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->partners_label), FALSE);
      gtk_widget_set_visible (self->badges_box, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "failed");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.duplicate", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.timeline", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.rename", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.erase-situation", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.merge-conflict-copy", FALSE);
      update_accessible_label (self);
      return;
    }

  gtk_label_set_label (self->title_label, get_title (self->entry));

  situation = rg_library_entry_get_situation_label (self->entry);
  if (situation != NULL && situation[0] != '\0')
    g_string_append (meta, situation);

  if ((date = rg_date_format (rg_library_entry_get_date (self->entry))))
    g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", date);

  /* A partner's contribution has no status of its own. */
  if (rg_library_entry_get_kind (self->entry) == RG_SESSION_KIND_CONTRIBUTION)
    status = rg_session_kind_get_label (RG_SESSION_KIND_CONTRIBUTION);
  else
    status = rg_session_status_get_label (rg_library_entry_get_status (self->entry));
  g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", status);

  /* Two rows of one title: the file tells them apart */
  if (self->show_file_name)
    {
      g_autofree char *name = get_display_name (self->entry);

      g_string_append_printf (meta, " · %s", name);
    }

  gtk_label_set_label (self->meta_label, meta->str);

  partners = rg_library_entry_get_partners (self->entry);
  gtk_label_set_label (self->partners_label, partners != NULL ? partners : "");
  gtk_widget_set_visible (GTK_WIDGET (self->partners_label),
                          partners != NULL && partners[0] != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->partners_label), partners);

  show_counts (self);
  show_conflict (self);
  show_follow_up (self);
  update_accessible_label (self);
}

/* The window's actions do the work; they take the file's path. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  static const struct { const char *row_action; const char *window_action; } forward[] = {
    { "row.open", "library.open-session" },
    { "row.duplicate", "library.duplicate-session" },
    { "row.timeline", "library.show-timeline" },
    { "row.rename", "library.rename-session" },
    { "row.trash", "library.trash-session" },
    { "row.merge-conflict-copy", "library.merge-conflict-copy" },
  };
  RgSessionRow *self = RG_SESSION_ROW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (forward); i++)
    if (g_str_equal (action_name, forward[i].row_action))
      gtk_widget_activate_action (widget, forward[i].window_action, "s",
                                  rg_library_entry_get_path (self->entry));
}

/* Erasing takes the situation, not one file of it */
static void
erase_situation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgSessionRow *self = RG_SESSION_ROW (widget);
  const char *situation_id = rg_library_entry_get_situation_id (self->entry);

  if (situation_id != NULL)
    gtk_widget_activate_action (widget, "library.erase-situation", "s", situation_id);
}

static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RgSessionRow *self = RG_SESSION_ROW (widget);

  gtk_menu_button_popup (self->menu_button);
}

static void
secondary_click_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    RgSessionRow    *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (self->menu_button);
}

static void
rg_session_row_constructed (GObject *object)
{
  RgSessionRow *self = RG_SESSION_ROW (object);

  G_OBJECT_CLASS (rg_session_row_parent_class)->constructed (object);

  show_entry (self);
}

static void
rg_session_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RG_TYPE_SESSION_ROW);

  G_OBJECT_CLASS (rg_session_row_parent_class)->dispose (object);
}

static void
rg_session_row_finalize (GObject *object)
{
  RgSessionRow *self = RG_SESSION_ROW (object);

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (rg_session_row_parent_class)->finalize (object);
}

static void
rg_session_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RgSessionRow *self = RG_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    case PROP_SHOW_FILE_NAME:
      g_value_set_boolean (value, self->show_file_name);
      break;

    case PROP_UNDER_ORIGINAL:
      g_value_set_boolean (value, self->under_original);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_session_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RgSessionRow *self = RG_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      self->entry = g_value_dup_object (value);
      break;

    case PROP_SHOW_FILE_NAME:
      self->show_file_name = g_value_get_boolean (value);
      break;

    case PROP_UNDER_ORIGINAL:
      self->under_original = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_session_row_class_init (RgSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rg_session_row_constructed;
  object_class->dispose = rg_session_row_dispose;
  object_class->finalize = rg_session_row_finalize;
  object_class->get_property = rg_session_row_get_property;
  object_class->set_property = rg_session_row_set_property;

  /**
   * RgSessionRow:entry:
   *
   * The session of the library the row shows.
   */
  properties [PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         RG_TYPE_LIBRARY_ENTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RgSessionRow:show-file-name:
   *
   * Whether the row names the session's file, beside its date: when
   * another row of the list has the same title.
   */
  properties [PROP_SHOW_FILE_NAME] =
    g_param_spec_boolean ("show-file-name", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RgSessionRow:under-original:
   *
   * Whether the row of a conflict copy comes right under the row of its
   * original, which it is then indented from.
   */
  properties [PROP_UNDER_ORIGINAL] =
    g_param_spec_boolean ("under-original", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, partners_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, error_box);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, error_title_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, badges_box);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, agreements_badge);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, agreements_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, divergences_badge);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, divergences_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, overdue_badge);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, no_consent_badge);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, no_consent_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, conflict_badge);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, conflict_time_label);
  gtk_widget_class_bind_template_child (widget_class, RgSessionRow, menu_button);

  gtk_widget_class_install_action (widget_class, "row.open", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.duplicate", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.timeline", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.rename", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.trash", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.merge-conflict-copy", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.erase-situation", NULL,
                                   erase_situation_action);
  gtk_widget_class_install_action (widget_class, "row.popup-menu", NULL, popup_menu_action);

  /* The keys work on the focused row, so they are the row's own rather
   * than the application's (whose accelerators act on the window). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "row.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "row.timeline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "row.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "row.trash", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "row.trash", NULL);

  /* The keys of a context menu, as everywhere in GTK. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "row.popup-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "row.popup-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "row");
}

static void
rg_session_row_init (RgSessionRow *self)
{
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "session-row");

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

/**
 * rg_session_row_new:
 * @entry: a session of the library
 *
 * Returns: (transfer floating): a row showing @entry
 */
GtkWidget *
rg_session_row_new (RgLibraryEntry *entry)
{
  return rg_session_row_new_full (entry, FALSE, FALSE);
}

/**
 * rg_session_row_new_full:
 * @entry: a session of the library
 * @show_file_name: whether to name its file (another row has its title)
 * @under_original: whether the row of a conflict copy comes right under
 *   the row of its original
 *
 * Returns: (transfer floating): a row showing @entry
 */
GtkWidget *
rg_session_row_new_full (RgLibraryEntry *entry,
                         gboolean        show_file_name,
                         gboolean        under_original)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (entry), NULL);

  return g_object_new (RG_TYPE_SESSION_ROW,
                       "entry", entry,
                       "show-file-name", show_file_name,
                       "under-original", under_original,
                       NULL);
}

/**
 * rg_session_row_get_entry:
 * @self: a #RgSessionRow
 *
 * Returns: (transfer none): the session the row shows
 */
RgLibraryEntry *
rg_session_row_get_entry (RgSessionRow *self)
{
  g_return_val_if_fail (RG_IS_SESSION_ROW (self), NULL);

  return self->entry;
}
