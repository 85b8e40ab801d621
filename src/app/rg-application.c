/* rg-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-application.h"
#include "rg-library-window.h"

struct _RgApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (RgApplication, rg_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

/* Accelerators live here, in one place, next to the action they trigger. */
static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.new-session", { "<Control>n", NULL } },
  { "win.show-help-overlay", { "<Control>question", "<Control>F1", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static int
rg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "regards", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static GtkWindow *
rg_application_get_library_window (RgApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (RG_IS_LIBRARY_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
rg_application_activate (GApplication *app)
{
  RgApplication *self = RG_APPLICATION (app);
  GtkWindow *window = rg_application_get_library_window (self);

  if (window == NULL)
    window = GTK_WINDOW (rg_library_window_new (self));

  gtk_window_present (window);
}

static void
rg_application_startup (GApplication *app)
{
  RgApplication *self = RG_APPLICATION (app);

  G_APPLICATION_CLASS (rg_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);

  /* The .Devel build shares the resources and icon names of the
   * installed one. */
  gtk_window_set_default_icon_name (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

static void
rg_application_finalize (GObject *object)
{
  RgApplication *self = RG_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rg_application_parent_class)->finalize (object);
}

static void
rg_application_class_init (RgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rg_application_finalize;

  app_class->activate = rg_application_activate;
  app_class->startup = rg_application_startup;
  app_class->handle_local_options = rg_application_handle_local_options;
}

static void
rg_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RgApplication *self = user_data;
  static const char *developers[] = { "The Regards developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Regards"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Regards developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Shared diagnosis sessions: each partner’s reading of a "
                                      "child’s situation, side by side."),
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        "copyright", _("© 2026 The Regards developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (about);
}

static void
rg_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RgApplication *self = user_data;

  /* Closing each window lets it write what it holds before we go. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", rg_application_about },
  { "quit", rg_application_quit },
};

static void
rg_application_init (RgApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

RgApplication *
rg_application_new (void)
{
  return g_object_new (RG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/io/github/regards/Regards",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * rg_application_get_settings:
 * @self: a #RgApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
rg_application_get_settings (RgApplication *self)
{
  g_return_val_if_fail (RG_IS_APPLICATION (self), NULL);

  return self->settings;
}
