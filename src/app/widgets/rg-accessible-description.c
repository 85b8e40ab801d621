/* rg-accessible-description.c — descriptions a screen reader reads, and announcements
 *
 * A screen reader reads the name of what has the keyboard focus, then
 * its description: what a field holds, where a card stands, what its
 * links are. A message that appears away from the focus (a toast
 * saying “Statement deleted”) is not read at all in GTK 4.8, which
 * has no live announcements (gtk_accessible_announce () came with
 * GTK 4.14): the message is put in the description of what has the
 * focus for a few seconds, which a screen reader reads out as it
 * changes, then the description goes back to what it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-accessible-description"

#include "config.h"

#include "rg-accessible-description.h"

/* How long an announcement stays in place of a description */
#define ANNOUNCEMENT_SECONDS 6

#define DESCRIPTION_KEY "rg-accessible-description"
#define ANNOUNCING_KEY "rg-accessible-announcing"

static void
apply_description (GtkWidget *widget)
{
  const char *description = g_object_get_data (G_OBJECT (widget), DESCRIPTION_KEY);

  if (description != NULL && description[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * rg_accessible_set_description:
 * @widget: a widget
 * @description: (nullable): what a screen reader reads after its name
 *
 * Sets the accessible description of @widget, and remembers it, so
 * that it comes back after an announcement (rg_accessible_announce ()).
 * Setting the description it has costs nothing.
 */
void
rg_accessible_set_description (GtkWidget  *widget,
                               const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), DESCRIPTION_KEY), description) == 0)
    return;

  g_object_set_data_full (G_OBJECT (widget), DESCRIPTION_KEY, g_strdup (description), g_free);
  if (g_object_get_data (G_OBJECT (widget), ANNOUNCING_KEY) == NULL)
    apply_description (widget);
}

#if !GTK_CHECK_VERSION (4, 14, 0)
static gboolean
end_announcement_cb (gpointer user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (ref);

  if (widget != NULL)
    {
      g_object_set_data (G_OBJECT (widget), ANNOUNCING_KEY, NULL);
      apply_description (widget);
    }

  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}
#endif

/**
 * rg_accessible_announce:
 * @widget: a widget of the window the message is about
 * @message: what a screen reader should say now
 *
 * Has a screen reader say @message, such as a toast's, wherever the
 * keyboard focus is: with GTK 4.14, as an announcement; before it, as
 * the description of the widget with the focus (or @widget when none
 * has it) for a few seconds.
 */
void
rg_accessible_announce (GtkWidget  *widget,
                        const char *message)
{
  GtkRoot *root;
  GtkWidget *target = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  if ((root = gtk_widget_get_root (widget)) != NULL)
    target = gtk_root_get_focus (root);
  if (target == NULL)
    target = widget;

#if GTK_CHECK_VERSION (4, 14, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_accessible_announce (GTK_ACCESSIBLE (target), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    GWeakRef *ref = g_new0 (GWeakRef, 1);
    guint previous = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), ANNOUNCING_KEY));

    if (previous != 0)
      g_source_remove (previous);

    g_weak_ref_init (ref, target);
    gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    message, -1);
    g_object_set_data (G_OBJECT (target), ANNOUNCING_KEY,
                       GUINT_TO_POINTER (g_timeout_add_seconds_full (G_PRIORITY_DEFAULT,
                                                                     ANNOUNCEMENT_SECONDS,
                                                                     end_announcement_cb,
                                                                     ref, free_weak_ref)));
  }
#endif
}

/**
 * rg_accessible_set_label:
 * @widget: a widget
 * @label: its accessible name
 *
 * Names @widget. A #GtkMenuButton gives the keyboard focus to the
 * toggle button inside it, which GTK 4.8 leaves unnamed (a screen
 * reader says "GtkToggleButton"): that button is named too.
 */
void
rg_accessible_set_label (GtkWidget  *widget,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (GTK_IS_MENU_BUTTON (widget))
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
