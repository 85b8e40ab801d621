/* rg-undo-toast.c — "Statement deleted   Undo"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-undo-toast"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rg-accessible-description.h"
#include "rg-undo-toast.h"

/**
 * rg_undo_toast_show:
 * @widget: a widget inside a #AdwToastOverlay
 * @title: what just happened
 *
 * Says what just happened, with an Undo button, after a change that
 * removed something.
 */
void
rg_undo_toast_show (GtkWidget  *widget,
                    const char *title)
{
  GtkWidget *overlay;
  AdwToast *toast;
  g_autofree char *announced = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!(overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY)))
    return;

  /* A toast shows away from the keyboard, where a screen reader does
   * not look: it is said where the keyboard is. */
  /* Translators: a toast as a screen reader says it: "Statement
   * deleted. Undo with Ctrl+Z." */
  announced = g_strdup_printf (_("%s. Undo with Ctrl+Z."), title);
  rg_accessible_announce (widget, announced);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "session.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * rg_widget_get_window:
 * @widget: a widget
 *
 * Returns: (transfer none) (nullable): the window of @widget, to make
 *   dialogs transient for it
 */
GtkWindow *
rg_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * rg_widget_show_toast:
 * @widget: a widget inside a toast overlay
 * @title: what the toast says
 *
 * Shows a plain toast in the overlay @widget is in, if any.
 */
void
rg_widget_show_toast (GtkWidget  *widget,
                      const char *title)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if ((overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY)))
    {
      rg_accessible_announce (widget, title);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
    }
}
