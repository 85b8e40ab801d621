/* rg-preferences-window.c — what a coordinator may change of Regards
 *
 * The library folder, how soon a change is written, how long a
 * situation is kept, and whether reports leave the team pseudonymised.
 * Each row is bound to its setting: a change applies at once, and the
 * library window follows a new folder as soon as it is chosen. The
 * folder is chosen through the file chooser, which goes through the
 * portal inside the Flatpak, so the sandbox may reach it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-paths.h"
#include "rg-preferences-window.h"

struct _RgPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwActionRow         *folder_row;
  GtkWidget            *folder_button;
  GtkWidget            *default_folder_button;
  GtkSpinButton        *autosave_spin;
  GtkSpinButton        *retention_spin;
  GtkSwitch            *pseudonymise_switch;
};

G_DEFINE_FINAL_TYPE (RgPreferencesWindow, rg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* {{{ Rows */

static GtkWidget *
action_row_new (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle,
                GtkWidget           *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  /* The control is named by its row, as a screen reader reads it */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (suffix),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL,
                                  -1);
  adw_preferences_group_add (group, row);

  return row;
}

/* A number of seconds or years, typed or stepped with the arrows */
static GtkSpinButton *
spin_row_new (AdwPreferencesGroup *group,
              GSettings           *settings,
              const char          *key,
              const char          *title,
              const char          *subtitle)
{
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  g_autofree char *range_type = NULL;
  guint min = 1, max = 100;
  GtkWidget *spin;

  /* The limits are the schema's, said once */
  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(sv)", &range_type, &limits);
  if (g_str_equal (range_type, "range"))
    g_variant_get (limits, "(uu)", &min, &max);

  spin = gtk_spin_button_new_with_range (min, max, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  action_row_new (group, title, subtitle, spin);
  g_settings_bind (settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);

  return GTK_SPIN_BUTTON (spin);
}

/* }}} */
/* {{{ The library folder */

static gboolean
is_default_folder (RgPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "library-folder");

  return folder[0] == '\0';
}

static void
update_folder_row (RgPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "library-folder");
  g_autofree char *display = NULL;

  if (folder[0] == '\0')
    {
      g_autofree char *default_folder = rg_paths_get_default_library_dir ();
      g_autofree char *name = g_filename_display_name (default_folder);

      /* Translators: the library folder when none was chosen; %s is its path */
      display = g_strdup_printf (_("%s (the default folder)"), name);
    }
  else
    display = g_filename_display_name (folder);

  adw_action_row_set_subtitle (self->folder_row, display);
  gtk_widget_set_visible (self->default_folder_button, !is_default_folder (self));
}

static void
set_folder (RgPreferencesWindow *self,
            GFile               *folder)
{
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  if (path == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("This folder is not on this computer; "
                                                         "choose a local folder")));
      return;
    }

  g_settings_set_string (self->settings, "library-folder", path);
}

static GFile *
get_current_folder (RgPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "library-folder");

  if (folder[0] == '\0')
    {
      g_free (folder);
      folder = rg_paths_get_default_library_dir ();
    }

  return g_file_new_for_path (folder);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
folder_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RgPreferencesWindow) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object),
                                                                  result, NULL);

  if (folder != NULL)
    set_folder (self, folder);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgPreferencesWindow *self = RG_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GFile) current = get_current_folder (self);

  gtk_file_dialog_set_title (dialog, _("Library Folder"));
  gtk_file_dialog_set_accept_label (dialog, _("_Choose"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_initial_folder (dialog, current);
  gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL, folder_chosen_cb,
                                 g_object_ref (self));
}
#else
static void
folder_response_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    RgPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      /* Nothing selected inside the folder shown: that folder */
      if (folder == NULL)
        folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog));
      set_folder (self, folder);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgPreferencesWindow *self = RG_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GFile) current = get_current_folder (self);

  native = gtk_file_chooser_native_new (_("Library Folder"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (g_file_query_exists (current, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), current, NULL);
  g_signal_connect (native, "response", G_CALLBACK (folder_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
#endif

static void
default_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgPreferencesWindow *self = RG_PREFERENCES_WINDOW (widget);

  g_settings_reset (self->settings, "library-folder");
  /* The button goes: the focus goes to the one beside it */
  gtk_widget_grab_focus (self->folder_button);
}

/* }}} */

static void
rg_preferences_window_dispose (GObject *object)
{
  RgPreferencesWindow *self = RG_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rg_preferences_window_parent_class)->dispose (object);
}

static void
rg_preferences_window_class_init (RgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_preferences_window_dispose;

  gtk_widget_class_install_action (widget_class, "preferences.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "preferences.default-folder", NULL,
                                   default_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rg_preferences_window_init (RgPreferencesWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

static void
build_rows (RgPreferencesWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *library = adw_preferences_group_new ();
  GtkWidget *saving = adw_preferences_group_new ();
  GtkWidget *reports = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *pseudonymise = gtk_switch_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");

  /* The library */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (library), _("Library"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (library),
                                         _("Regards lists the session files of this folder and "
                                           "its subfolders. A folder shared by a sync engine is "
                                           "shared with the team."));
  self->folder_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->folder_row), _("Library Folder"));
  self->default_folder_button = gtk_button_new_with_mnemonic (_("_Default Folder"));
  gtk_widget_set_tooltip_text (self->default_folder_button, _("Use the Default Folder"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->default_folder_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Use the Default Folder"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->default_folder_button),
                                  "preferences.default-folder");
  self->folder_button = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->folder_button),
                                  "preferences.choose-folder");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->folder_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the Library Folder"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->folder_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->folder_row, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (buttons), self->default_folder_button);
  gtk_box_append (GTK_BOX (buttons), self->folder_button);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->folder_row, buttons);
  adw_action_row_set_activatable_widget (self->folder_row, self->folder_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (library), GTK_WIDGET (self->folder_row));

  self->retention_spin =
    spin_row_new (ADW_PREFERENCES_GROUP (library), self->settings, "retention-years",
                  _("_Retention Period, in Years"),
                  _("How long a situation is kept after its last session; two years after "
                    "the CNIL’s framework for the social sector"));

  /* Saving */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (saving), _("Saving"));
  self->autosave_spin =
    spin_row_new (ADW_PREFERENCES_GROUP (saving), self->settings, "autosave-delay",
                  _("_Autosave Delay, in Seconds"),
                  _("How long after a change the session is written to disk"));

  /* Reports */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (reports), _("Reports"));
  action_row_new (ADW_PREFERENCES_GROUP (reports), _("_Pseudonymise Exports by Default"),
                  _("A report starts without any name of a person, nor of the child"),
                  pseudonymise);
  self->pseudonymise_switch = GTK_SWITCH (pseudonymise);
  g_settings_bind (self->settings, "export-pseudonymise", pseudonymise, "active",
                   G_SETTINGS_BIND_DEFAULT);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (library));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (saving));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (reports));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));

  g_signal_connect_object (self->settings, "changed::library-folder",
                           G_CALLBACK (update_folder_row), self, G_CONNECT_SWAPPED);
  update_folder_row (self);
}

/**
 * rg_preferences_window_new:
 * @parent: (nullable): the window it is for
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new preferences window, each row bound
 *   to its key of @settings
 */
RgPreferencesWindow *
rg_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  RgPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  /* A dialog to a screen reader, which says so when it opens */
  self = g_object_new (RG_TYPE_PREFERENCES_WINDOW, "transient-for", parent,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  self->settings = g_object_ref (settings);
  build_rows (self);
  gtk_window_set_focus (GTK_WINDOW (self), self->folder_button);

  return self;
}
