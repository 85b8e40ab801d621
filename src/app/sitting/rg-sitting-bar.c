/* rg-sitting-bar.c — where a session stands in its sitting
 *
 * A session opened from a sitting shows, above its views, the slot of
 * its situation ("14:30–15:00"), its place on the agenda ("Situation 2
 * of 5"), the time now and, on the sitting's day once the slot's time
 * is past, by how much ("5 minutes over": said, in the bar's own
 * colours, never in alarming ones). Its buttons name the session
 * window's actions that move to the previous and next situations.
 * In meeting mode it grows, to be read from the room.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-sitting-bar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-sitting-bar.h"

struct _RgSittingBar
{
  GtkWidget  parent_instance;

  RgSitting *sitting;
  guint      index;
  guint      clock_source;

  GtkWidget *box;
  GtkLabel  *slot_label;
  GtkLabel  *position_label;
  GtkLabel  *situation_label;
  GtkLabel  *clock_label;
  GtkLabel  *overrun_label;
  GtkWidget *previous_button;
  GtkWidget *next_button;
};

G_DEFINE_FINAL_TYPE (RgSittingBar, rg_sitting_bar, GTK_TYPE_WIDGET)

static RgSittingItem *
get_item (RgSittingBar *self)
{
  RgSittingItem *item;

  if (self->sitting == NULL)
    return NULL;

  /* The sitting holds it */
  item = g_list_model_get_item (rg_sitting_get_items (self->sitting), self->index);
  if (item != NULL)
    g_object_unref (item);

  return item;
}

static void
update_clock (RgSittingBar *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *overrun = NULL;
  RgSittingItem *item = get_item (self);
  int minutes = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

  gtk_label_set_label (self->clock_label, time);

  if (item != NULL && self->sitting != NULL &&
      g_strcmp0 (rg_sitting_get_date (self->sitting), today) == 0)
    {
      int end = rg_sitting_time_to_minutes (rg_sitting_item_get_end (item));

      if (end >= 0 && minutes > end)
        /* Translators: shown in a sitting's bar once the time slot of
         * the situation being discussed is past */
        overrun = g_strdup_printf (ngettext ("%d minute over", "%d minutes over", minutes - end),
                                   minutes - end);
    }

  gtk_label_set_label (self->overrun_label, overrun != NULL ? overrun : "");
  gtk_widget_set_visible (GTK_WIDGET (self->overrun_label), overrun != NULL);
}

static gboolean clock_cb (gpointer user_data);

/* Wakes at the start of the next minute */
static void
schedule_clock (RgSittingBar *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_clear_handle_id (&self->clock_source, g_source_remove);
  self->clock_source = g_timeout_add ((60 - g_date_time_get_second (now)) * 1000 + 50, clock_cb, self);
}

static gboolean
clock_cb (gpointer user_data)
{
  RgSittingBar *self = user_data;

  self->clock_source = 0;
  update_clock (self);
  schedule_clock (self);

  return G_SOURCE_REMOVE;
}

static void
update (RgSittingBar *self)
{
  RgSittingItem *item = get_item (self);
  guint n = self->sitting ? g_list_model_get_n_items (rg_sitting_get_items (self->sitting)) : 0;
  g_autofree char *slot = NULL;
  g_autofree char *position = NULL;
  g_autofree char *situation = NULL;
  g_autofree char *description = NULL;
  const char *code;

  if (item == NULL)
    return;

  slot = g_strdup_printf ("%s–%s", rg_sitting_item_get_start (item), rg_sitting_item_get_end (item));
  /* Translators: where the session shown stands on its sitting's
   * agenda, as "Situation 2 of 5" */
  position = g_strdup_printf (_("Situation %u of %u"), self->index + 1, n);
  code = rg_sitting_item_get_situation_code (item);
  situation = code != NULL && *code != '\0'
              ? g_strdup_printf ("%s (%s)", rg_sitting_item_get_situation_label (item), code)
              : g_strdup (rg_sitting_item_get_situation_label (item));

  gtk_label_set_label (self->slot_label, slot);
  gtk_label_set_label (self->position_label, position);
  gtk_label_set_label (self->situation_label, situation);

  description = g_strdup_printf ("%s, %s, %s", position, slot, situation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  update_clock (self);
}

/**
 * rg_sitting_bar_set_item:
 * @self: a #RgSittingBar
 * @sitting: the sitting
 * @index: the situation of its agenda the window shows
 */
void
rg_sitting_bar_set_item (RgSittingBar *self,
                         RgSitting    *sitting,
                         guint         index)
{
  g_return_if_fail (RG_IS_SITTING_BAR (self));
  g_return_if_fail (RG_IS_SITTING (sitting));

  g_set_object (&self->sitting, sitting);
  self->index = index;
  update (self);
}

/**
 * rg_sitting_bar_set_large:
 * @self: a #RgSittingBar
 * @large: whether to show it large, as in meeting mode
 */
void
rg_sitting_bar_set_large (RgSittingBar *self,
                          gboolean      large)
{
  g_return_if_fail (RG_IS_SITTING_BAR (self));

  if (large)
    gtk_widget_add_css_class (GTK_WIDGET (self), "large");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "large");
}

/**
 * rg_sitting_bar_get_slot_text:
 *
 * Returns: the time slot shown, as "14:30–15:00"
 */
const char *
rg_sitting_bar_get_slot_text (RgSittingBar *self)
{
  g_return_val_if_fail (RG_IS_SITTING_BAR (self), NULL);

  return gtk_label_get_label (self->slot_label);
}

/**
 * rg_sitting_bar_get_position_text:
 *
 * Returns: where the situation stands on the agenda, as "Situation 2 of 5"
 */
const char *
rg_sitting_bar_get_position_text (RgSittingBar *self)
{
  g_return_val_if_fail (RG_IS_SITTING_BAR (self), NULL);

  return gtk_label_get_label (self->position_label);
}

/**
 * rg_sitting_bar_get_overrun_text:
 *
 * Returns: by how much the slot's time is past, as "5 minutes over",
 *   or an empty string
 */
const char *
rg_sitting_bar_get_overrun_text (RgSittingBar *self)
{
  g_return_val_if_fail (RG_IS_SITTING_BAR (self), NULL);

  return gtk_label_get_label (self->overrun_label);
}

static GtkLabel *
add_label (RgSittingBar *self,
           const char   *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self->box), label);

  return GTK_LABEL (label);
}

static GtkWidget *
add_button (RgSittingBar *self,
            const char   *icon,
            const char   *label,
            const char   *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), button);

  return button;
}

static void
rg_sitting_bar_map (GtkWidget *widget)
{
  RgSittingBar *self = RG_SITTING_BAR (widget);

  GTK_WIDGET_CLASS (rg_sitting_bar_parent_class)->map (widget);

  update_clock (self);
  schedule_clock (self);
}

static void
rg_sitting_bar_unmap (GtkWidget *widget)
{
  RgSittingBar *self = RG_SITTING_BAR (widget);

  g_clear_handle_id (&self->clock_source, g_source_remove);

  GTK_WIDGET_CLASS (rg_sitting_bar_parent_class)->unmap (widget);
}

static void
rg_sitting_bar_dispose (GObject *object)
{
  RgSittingBar *self = RG_SITTING_BAR (object);

  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->sitting);

  G_OBJECT_CLASS (rg_sitting_bar_parent_class)->dispose (object);
}

static void
rg_sitting_bar_class_init (RgSittingBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_sitting_bar_dispose;
  widget_class->map = rg_sitting_bar_map;
  widget_class->unmap = rg_sitting_bar_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sittingbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rg_sitting_bar_init (RgSittingBar *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "sitting-bar");

  self->previous_button = add_button (self, "go-previous-symbolic", _("Previous Situation"),
                                      "session.previous-situation");
  self->slot_label = add_label (self, "sitting-slot");
  self->position_label = add_label (self, NULL);
  self->situation_label = add_label (self, "dim-label");
  gtk_label_set_ellipsize (self->situation_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->situation_label, 0);
  gtk_label_set_width_chars (self->situation_label, 12);
  gtk_widget_set_hexpand (GTK_WIDGET (self->situation_label), TRUE);

  self->overrun_label = add_label (self, "sitting-overrun");
  gtk_widget_set_visible (GTK_WIDGET (self->overrun_label), FALSE);
  self->clock_label = add_label (self, "sitting-clock");
  self->next_button = add_button (self, "go-next-symbolic", _("Next Situation"),
                                  "session.next-situation");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sitting"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous Situation"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next Situation"),
                                  -1);
}

/**
 * rg_sitting_bar_new:
 *
 * Returns: (transfer floating): a new bar, showing nothing until
 *   rg_sitting_bar_set_item ()
 */
GtkWidget *
rg_sitting_bar_new (void)
{
  return g_object_new (RG_TYPE_SITTING_BAR, NULL);
}
