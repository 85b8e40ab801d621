/* rg-library-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-library-window.h"
#include "rg-new-session-dialog.h"
#include "rg-window-state.h"

struct _RgLibraryWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (RgLibraryWindow, rg_library_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
rg_library_window_get_settings (RgLibraryWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return rg_application_get_settings (RG_APPLICATION (app));
}

static gboolean
rg_library_window_close_request (GtkWindow *window)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (window);

  rg_window_state_save (window, rg_library_window_get_settings (self));

  return GTK_WINDOW_CLASS (rg_library_window_parent_class)->close_request (window);
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  RgApplication *app = RG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!(file = rg_application_copy_example (app, &error)))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  rg_application_open_file (app, file);
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);

  rg_new_session_dialog_present (GTK_WINDOW (self));
}

static void
rg_library_window_constructed (GObject *object)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (object);

  G_OBJECT_CLASS (rg_library_window_parent_class)->constructed (object);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
rg_library_window_class_init (RgLibraryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rg_library_window_constructed;
  window_class->close_request = rg_library_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regards/Regards/rg-library-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RgLibraryWindow, empty_page);

  gtk_widget_class_install_action (widget_class, "library.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "library.open-example", NULL, open_example_action);
}

static void
rg_library_window_init (RgLibraryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RgLibraryWindow *
rg_library_window_new (RgApplication *application)
{
  RgLibraryWindow *self;

  g_return_val_if_fail (RG_IS_APPLICATION (application), NULL);

  self = g_object_new (RG_TYPE_LIBRARY_WINDOW,
                       "application", application,
                       NULL);
  rg_window_state_restore (GTK_WINDOW (self), rg_library_window_get_settings (self));

  return self;
}
