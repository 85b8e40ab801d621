/* rg-library-window-actions.c — what can be done to a session of the library
 *
 * Opening, following up, renaming, moving to the Trash and merging a
 * conflict copy back. The file work runs in a thread; the index is told
 * at once when it is done, rather than waiting for the folder's monitor
 * to notice.
 *
 * A session open in a window belongs to that window: it is renamed
 * through its editor (undoably, and saved by the window), followed up
 * from what the window last saved, and closed (and so saved) before it
 * goes to the Trash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "rg-document.h"
#include "rg-follow-up.h"
#include "rg-timeline-window.h"
#include "rg-library-window-private.h"
#include "rg-paths.h"
#include "rg-retention.h"
#include "rg-session-window.h"
#include "rg-trash.h"

/* One piece of file work, and what it gave. */
typedef struct
{
  GFile     *file;         /* the session acted on */
  char      *folder;       /* follow-up: where it goes */
  char      *title;        /* rename: the new title; trash: the title to show */
  GFile     *result_file;  /* the follow-up, the renamed file, or the file in the Trash */
  RgSession *session;      /* what the file now holds, for the index */
  char      *warning;      /* rename: why the file kept its name */
  RgLibrary *library;      /* merge: the library of the copy */
  RgMergeStats stats;      /* merge: what it changed in the original */
} Operation;

static void
operation_free (gpointer data)
{
  Operation *op = data;

  g_clear_object (&op->file);
  g_clear_pointer (&op->folder, g_free);
  g_clear_pointer (&op->title, g_free);
  g_clear_object (&op->result_file);
  g_clear_object (&op->session);
  g_clear_pointer (&op->warning, g_free);
  g_clear_object (&op->library);
  g_free (op);
}

static Operation *
operation_new (const char *path)
{
  Operation *op = g_new0 (Operation, 1);

  op->file = g_file_new_for_path (path);

  return op;
}

static void
run_operation (RgLibraryWindow     *self,
               Operation           *op,
               GTaskThreadFunc      thread_func,
               GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, done, NULL);

  g_task_set_task_data (task, op, operation_free);
  g_task_run_in_thread (task, thread_func);
}

static RgLibraryEntry *
find_entry (RgLibraryWindow *self,
            const char      *path)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

      if (g_strcmp0 (rg_library_entry_get_path (entry), path) == 0)
        return entry;
    }

  return NULL;
}

/* The title to name a session by in a message: its own, or its file's. */
static char *
get_session_name (RgLibraryWindow *self,
                  GFile           *file)
{
  g_autofree char *path = g_file_get_path (file);
  RgLibraryEntry *entry = find_entry (self, path);
  const char *title = entry ? rg_library_entry_get_title (entry) : NULL;

  if (title != NULL && title[0] != '\0')
    return g_strdup (title);

  return g_file_get_basename (file);
}

/**
 * _rg_library_window_update_index:
 * @self: a #RgLibraryWindow
 * @file: a session file the window just wrote, moved or put back
 * @session: (nullable): what @file holds, or %NULL to read it
 *
 * Brings the index up to date for @file now; the list follows when the
 * library says it changed.
 */
void
_rg_library_window_update_index (RgLibraryWindow *self,
                                 GFile           *file,
                                 RgSession       *session)
{
  RgLibrary *library = _rg_library_window_get_library (self);
  g_autoptr(GError) error = NULL;

  if (library == NULL)
    return;

  if (!rg_library_update_file (library, file, session, &error) &&
      !g_error_matches (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_NOT_IN_LIBRARY))
    _rg_library_window_add_toast (self, error->message);
}

static void
remove_from_index (RgLibraryWindow *self,
                   GFile           *file)
{
  RgLibrary *library = _rg_library_window_get_library (self);
  g_autoptr(GError) error = NULL;

  if (library == NULL)
    return;

  if (!rg_library_remove_file (library, file, &error) &&
      !g_error_matches (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_NOT_IN_LIBRARY))
    _rg_library_window_add_toast (self, error->message);
}

/* {{{ Open */

static void
open_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  rg_window_host_open_file (_rg_library_window_get_host (self), file);
}

/* }}} */
/* {{{ Duplicate as a follow-up session */

static void
duplicate_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Operation *op = task_data;
  g_autoptr(RgDocument) previous = NULL;
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;

  if (!(previous = rg_document_new_from_file (op->file, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  session = rg_session_new_follow_up (rg_document_get_session (previous));

  if (!rg_paths_ensure_private_dir (op->folder, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  file = rg_paths_new_session_file (op->folder, rg_session_get_title (session));
  document = rg_document_new (session, file);
  if (!rg_document_save (document, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  op->result_file = g_steal_pointer (&file);
  op->session = g_steal_pointer (&session);
  g_task_return_boolean (task, TRUE);
}

/* The operation of @result, or NULL (its error told) if it failed */
static Operation *
operation_finish (RgLibraryWindow *self,
                  GAsyncResult    *result)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rg_library_window_add_toast (self, error->message);
      return NULL;
    }

  return g_task_get_task_data (G_TASK (result));
}

static void
duplicate_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (object);
  Operation *op = operation_finish (self, result);

  if (op == NULL)
    return;

  _rg_library_window_update_index (self, op->result_file, op->session);

  /* A follow-up is made to be prepared: it opens. */
  rg_window_host_open_file (_rg_library_window_get_host (self), op->result_file);
}

static void
duplicate_session_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  RgWindowHost *host = _rg_library_window_get_host (self);
  RgLibrary *library = _rg_library_window_get_library (self);
  Operation *op = operation_new (g_variant_get_string (parameter, NULL));
  GtkWindow *window;

  /* Follow up on what the coordinator sees, not on an older file. */
  if ((window = rg_window_host_find_session_window (host, op->file)))
    {
      g_autoptr(GError) error = NULL;

      if (!rg_session_window_save_now (RG_SESSION_WINDOW (window), &error))
        {
          _rg_library_window_add_toast (self, error->message);
          operation_free (op);
          return;
        }
    }

  op->folder = library != NULL ? g_strdup (rg_library_get_folder (library))
                               : rg_window_host_get_library_dir (host);
  run_operation (self, op, duplicate_thread, duplicate_done);
}

/* }}} */
/* {{{ Rename */

/* Whether @name is what rg_paths_new_session_file () makes of the
 * title, whose first free name is @free_name: "Revue.regards" or
 * "Revue (2).regards" fit "Revue". */
static gboolean
name_fits (const char *name,
           const char *free_name)
{
  g_autofree char *stem = NULL;
  const char *rest;
  gsize len;

  if (!g_str_has_suffix (free_name, RG_LIBRARY_FILE_SUFFIX))
    return FALSE;

  stem = g_strndup (free_name, strlen (free_name) - strlen (RG_LIBRARY_FILE_SUFFIX));
  len = strlen (stem);
  if (len > 0 && stem[len - 1] == ')')
    {
      char *open = strrchr (stem, '(');

      if (open != NULL && open > stem + 1 && open[-1] == ' ')
        {
          gboolean digits = open[1] != ')';

          for (char *p = open + 1; *p != ')'; p++)
            digits &= g_ascii_isdigit (*p);
          if (digits)
            open[-1] = '\0';
        }
    }

  if (!g_str_has_prefix (name, stem))
    return FALSE;

  rest = name + strlen (stem);
  if (g_str_equal (rest, RG_LIBRARY_FILE_SUFFIX))
    return TRUE;

  if (rest[0] != ' ' || rest[1] != '(' || !g_ascii_isdigit (rest[2]))
    return FALSE;

  for (rest += 2; g_ascii_isdigit (*rest); rest++)
    ;

  return g_str_equal (rest, ")" RG_LIBRARY_FILE_SUFFIX);
}

static void
rename_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Operation *op = task_data;
  g_autoptr(RgDocument) document = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) free_file = NULL;
  g_autoptr(GError) rename_error = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *free_name = NULL;
  GError *error = NULL;

  if (!(document = rg_document_new_from_file (op->file, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  rg_session_set_title (rg_document_get_session (document), op->title);
  if (!rg_document_save (document, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  op->session = g_object_ref (rg_document_get_session (document));

  /* The file is named after the title, so that it reads the same in
   * the file manager. */
  folder = g_file_get_parent (op->file);
  folder_path = g_file_get_path (folder);
  name = g_file_get_basename (op->file);
  free_file = rg_paths_new_session_file (folder_path, op->title);
  free_name = g_file_get_basename (free_file);

  if (!name_fits (name, free_name) &&
      !(op->result_file = g_file_set_display_name (op->file, free_name,
                                                   cancellable, &rename_error)))
    /* Translators: %s says why the file could not be renamed */
    op->warning = g_strdup_printf (_("The session was renamed, but its file kept its name: %s"),
                                   rename_error->message);

  g_task_return_boolean (task, TRUE);
}

static void
rename_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (object);
  Operation *op = operation_finish (self, result);

  if (op == NULL)
    return;

  if (op->result_file != NULL)
    {
      remove_from_index (self, op->file);
      _rg_library_window_update_index (self, op->result_file, op->session);
    }
  else
    _rg_library_window_update_index (self, op->file, op->session);

  if (op->warning != NULL)
    _rg_library_window_add_toast (self, op->warning);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RgLibraryWindow  *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  RgWindowHost *host = _rg_library_window_get_host (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  Operation *op;
  GtkWindow *window;

  if (!g_str_equal (response, "rename") || title[0] == '\0' || host == NULL)
    return;

  op = operation_new (path);

  /* An open session is renamed where it is open: undoably, and saved
   * with the rest of what the window holds. Its file keeps its name
   * while it is open. */
  if ((window = rg_window_host_find_session_window (host, op->file)))
    {
      RgSessionWindow *session_window = RG_SESSION_WINDOW (window);
      RgDocument *document = rg_session_window_get_document (session_window);
      RgSession *session = rg_document_get_session (document);

      rg_session_editor_set (rg_session_window_get_editor (session_window),
                             _("Rename session"), session, "title", title);
      operation_free (op);
      return;
    }

  op->title = g_steal_pointer (&title);
  run_operation (self, op, rename_thread, rename_done);
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", title[0] != '\0');
}

static void
rename_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *title = get_session_name (self, file);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Session"),
                                   _("The file of the session takes the new title too."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title of the session"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);

  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

/* }}} */
/* {{{ Move to the Trash, and back */

static void
trash_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Operation *op = task_data;
  GError *error = NULL;

  if (!rg_trash_file (op->file, &op->result_file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
trash_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (object);
  Operation *op = operation_finish (self, result);
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (op == NULL)
    return;

  remove_from_index (self, op->file);

  if (op->result_file == NULL)
    {
      /* Translators: %s is the title of a session */
      message = g_strdup_printf (_("“%s” was moved to the Trash. Regards cannot put it back "
                                   "from there, but the file manager can."), op->title);
      _rg_library_window_add_toast (self, message);
      return;
    }

  path = g_file_get_path (op->file);
  g_hash_table_replace (self->trashed, g_strdup (path), g_steal_pointer (&op->result_file));

  /* Translators: %s is the title of a session */
  message = g_strdup_printf (_("“%s” was moved to the Trash"), op->title);
  toast = _rg_library_window_add_toast (self, message);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The target first: a button with the action and no target yet
   * would complain that the types differ. */
  adw_toast_set_action_target_value (toast, g_variant_new_string (path));
  adw_toast_set_action_name (toast, "library.undo-trash");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
}

static void
trash_session_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  RgWindowHost *host = _rg_library_window_get_host (self);
  Operation *op = operation_new (g_variant_get_string (parameter, NULL));
  GtkWindow *window;

  /* An open session is saved and closed first. If it cannot be saved,
   * its window stays open and says why. */
  if ((window = rg_window_host_find_session_window (host, op->file)))
    {
      gtk_window_close (window);
      if (rg_window_host_find_session_window (host, op->file) != NULL)
        {
          operation_free (op);
          return;
        }
    }

  op->title = get_session_name (self, op->file);
  run_operation (self, op, trash_thread, trash_done);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Operation *op = task_data;
  g_autoptr(RgDocument) document = NULL;
  GError *error = NULL;

  if (!rg_trash_restore (op->result_file, op->file, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A file that does not load is indexed with its error, by the
   * library reading it itself. */
  if ((document = rg_document_new_from_file (op->file, cancellable, NULL)))
    op->session = g_object_ref (rg_document_get_session (document));

  g_task_return_boolean (task, TRUE);
}

static void
restore_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (object);
  Operation *op = operation_finish (self, result);

  if (op == NULL)
    return;

  _rg_library_window_update_index (self, op->file, op->session);
}

static void
undo_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  gpointer key;
  gpointer trashed;
  Operation *op;

  if (!g_hash_table_steal_extended (self->trashed, path, &key, &trashed))
    return;
  g_free (key);

  op = operation_new (path);
  op->result_file = trashed;
  run_operation (self, op, restore_thread, restore_done);
}

/* }}} */
/* {{{ Merge a conflict copy into its original */

static void
merge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Operation *op = task_data;
  GError *error = NULL;

  if (!rg_library_merge_conflict_copy (op->library, op->file, &op->stats, &op->result_file,
                                       cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
merge_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (object);
  Operation *op = operation_finish (self, result);
  g_autofree char *message = NULL;

  if (op == NULL)
    return;

  if (op->stats.conflicts == 0)
    /* Translators: %s is the title of a session */
    message = g_strdup_printf (_("The conflict copy was merged into “%s”"), op->title);
  else
    /* Translators: %s is the title of a session, %u a number of changes
     * made on both sides, which the team chooses between in the session */
    message = g_strdup_printf (ngettext ("The conflict copy was merged into “%s”; %u change "
                                         "made on both sides waits for your choice in it",
                                         "The conflict copy was merged into “%s”; %u changes "
                                         "made on both sides wait for your choice in it",
                                         op->stats.conflicts),
                               op->title, op->stats.conflicts);
  _rg_library_window_add_toast (self, message);
}

static void
merge_conflict_copy_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  RgWindowHost *host = _rg_library_window_get_host (self);
  RgLibrary *library = _rg_library_window_get_library (self);
  RgLibraryEntry *entry = find_entry (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GFile) original = NULL;
  Operation *op;
  GtkWindow *window;

  if (library == NULL || entry == NULL || rg_library_entry_get_conflict_of (entry) == NULL)
    return;

  op = operation_new (rg_library_entry_get_path (entry));
  original = g_file_new_for_path (rg_library_entry_get_conflict_of (entry));

  /* The copy goes to the Trash: closed first, and saved as it closes */
  if ((window = rg_window_host_find_session_window (host, op->file)))
    {
      gtk_window_close (window);
      if (rg_window_host_find_session_window (host, op->file) != NULL)
        {
          operation_free (op);
          return;
        }
    }

  /* The original open: what it holds is on disk before the merge reads
   * it; its window then takes the merge in as a change made elsewhere */
  if ((window = rg_window_host_find_session_window (host, original)))
    {
      g_autoptr(GError) error = NULL;

      if (!rg_session_window_save_now (RG_SESSION_WINDOW (window), &error))
        {
          _rg_library_window_add_toast (self, error->message);
          operation_free (op);
          return;
        }
    }

  op->title = get_session_name (self, original);
  op->library = g_object_ref (library);
  run_operation (self, op, merge_thread, merge_done);
}

/* }}} */
/* {{{ Erase a situation, for good */

static GListModel *
query_situation (RgLibraryWindow  *self,
                 const char       *situation_id,
                 GError          **error)
{
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();

  query->situation_id = g_strdup (situation_id);

  return rg_library_query (_rg_library_window_get_library (self), query, error);
}

/* An open session of the situation would be written again after the
 * erase: it is saved and closed first, and if it cannot be, nothing is
 * erased. */
static gboolean
close_situation_windows (RgLibraryWindow *self,
                         GListModel      *entries)
{
  RgWindowHost *host = _rg_library_window_get_host (self);

  for (guint i = 0; host != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(GFile) file = rg_library_entry_dup_file (entry);
      GtkWindow *window = rg_window_host_find_session_window (host, file);

      if (window == NULL)
        continue;

      gtk_window_close (window);
      if (rg_window_host_find_session_window (host, file) != NULL)
        return FALSE;
    }

  return TRUE;
}

/* Adds "• 2 backups" to @list when there were any; takes @line. */
static void
list_erased (GString *list,
             guint    n,
             char    *line)
{
  if (n > 0)
    g_string_append_printf (list, "%s• %s", list->len > 0 ? "\n" : "", line);

  g_free (line);
}

/* Says what went, file by file kind: that is what the coordinator
 * answers for. */
static void
show_erased (RgLibraryWindow         *self,
             const RgRetentionErased *erased)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  list_erased (list, erased->n_sessions,
               g_strdup_printf (ngettext ("%u session file", "%u session files",
                                          erased->n_sessions),
                                erased->n_sessions));
  list_erased (list, erased->n_conflict_copies,
               g_strdup_printf (ngettext ("%u conflict copy", "%u conflict copies",
                                          erased->n_conflict_copies),
                                erased->n_conflict_copies));
  list_erased (list, erased->n_backups,
               g_strdup_printf (ngettext ("%u backup", "%u backups", erased->n_backups),
                                erased->n_backups));
  list_erased (list, erased->n_temporary,
               g_strdup_printf (ngettext ("%u temporary file", "%u temporary files",
                                          erased->n_temporary),
                                erased->n_temporary));
  list_erased (list, erased->n_trashed,
               g_strdup_printf (ngettext ("%u file in the Trash", "%u files in the Trash",
                                          erased->n_trashed),
                                erased->n_trashed));
  list_erased (list, erased->n_sittings,
               /* Translators: the situation's items, taken out of team
                * sittings' agendas; the sittings themselves stay */
               g_strdup_printf (ngettext ("its place in %u team sitting",
                                          "its place in %u team sittings",
                                          erased->n_sittings),
                                erased->n_sittings));

  /* Translators: %s lists what was erased, one kind of file a line */
  body = g_strdup_printf (_("Removed from this computer:\n%s"), list->str);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Situation Erased"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
erase_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   RgLibraryWindow  *self)
{
  const char *situation_id = g_object_get_data (G_OBJECT (dialog), "situation-id");
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  RgRetentionErased erased;

  if (!g_str_equal (response, "erase") || _rg_library_window_get_library (self) == NULL)
    return;

  if (!(entries = query_situation (self, situation_id, &error)))
    {
      _rg_library_window_add_toast (self, error->message);
      return;
    }

  if (!close_situation_windows (self, entries))
    {
      _rg_library_window_add_toast (self, _("A session of this situation could not be closed; "
                                           "nothing was erased"));
      return;
    }

  if (!rg_retention_erase_situation (_rg_library_window_get_library (self), situation_id,
                                     &erased, &error))
    {
      _rg_library_window_add_toast (self, error->message);
      rg_library_window_search (self);
      return;
    }

  show_erased (self, &erased);
  rg_library_window_search (self);
}

static void
erase_situation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  const char *situation_id = g_variant_get_string (parameter, NULL);
  g_autoptr(RgLibraryEntry) newest = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  RgWindowHost *host = _rg_library_window_get_host (self);
  g_autofree char *body = NULL;
  g_autofree char *today = rg_date_new_today ();
  g_autofree char *limit = NULL;
  guint years = RG_RETENTION_DEFAULT_YEARS;
  const char *label;
  GtkWidget *dialog;
  guint n;

  if (_rg_library_window_get_library (self) == NULL)
    return;

  if (!(entries = query_situation (self, situation_id, &error)))
    {
      _rg_library_window_add_toast (self, error->message);
      return;
    }

  if ((n = g_list_model_get_n_items (entries)) == 0)
    return;

  newest = g_list_model_get_item (entries, 0);
  label = rg_library_entry_get_situation_label (newest);
  if (label == NULL || label[0] == '\0')
    label = _("Unnamed situation");

  /* Translators: %u is a number of files, %s the label of a situation,
   * "Élève A., CM1" */
  body = g_strdup_printf (ngettext ("The %u session file of “%s” and its backup will be erased "
                                    "from this computer, and the situation will leave the "
                                    "library. This cannot be undone: the file does not go to "
                                    "the Trash.",
                                    "The %u session files of “%s” and their backups will be "
                                    "erased from this computer, and the situation will leave "
                                    "the library. This cannot be undone: the files do not go "
                                    "to the Trash.",
                                    n),
                          n, label);
  {
    char *also = g_strconcat (body, " ",
                              _("This also removes copies in the Trash, backups and "
                                "conflict copies, and takes the situation off the "
                                "agendas of team sittings."),
                              NULL);

    g_free (body);
    body = also;
  }

  /* Erasing within the retention period is allowed (a family may ask
   * for it), and said. */
  if (host != NULL)
    years = g_settings_get_uint (rg_window_host_get_settings (host), "retention-years");
  limit = rg_retention_get_limit_date (years, today);
  if (g_strcmp0 (rg_library_entry_get_date (newest), limit) >= 0)
    {
      g_autofree char *recent = NULL;
      char *both;

      recent = g_strdup_printf (ngettext ("Its last session is less than %u year old.",
                                          "Its last session is less than %u years old.",
                                          years),
                                years);
      both = g_strconcat (body, "\n\n", recent, NULL);
      g_free (body);
      body = both;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Erase Situation?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  g_object_set_data_full (G_OBJECT (dialog), "situation-id", g_strdup (situation_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* }}} */
/* {{{ Timeline */

/* The timeline of the situation of the session at the path */
static void
show_timeline_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RgLibraryWindow *self = RG_LIBRARY_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  RgLibraryEntry *entry = find_entry (self, path);
  g_autoptr(GFile) file = NULL;
  const char *situation_id;

  if (entry == NULL || !(situation_id = rg_library_entry_get_situation_id (entry)))
    return;

  file = g_file_new_for_path (path);
  rg_timeline_window_present (GTK_WINDOW (self), _rg_library_window_get_host (self),
                              situation_id, file);
}

/* }}} */

void
_rg_library_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "library.open-session", "s",
                                   open_session_action);
  gtk_widget_class_install_action (widget_class, "library.duplicate-session", "s",
                                   duplicate_session_action);
  gtk_widget_class_install_action (widget_class, "library.rename-session", "s",
                                   rename_session_action);
  gtk_widget_class_install_action (widget_class, "library.trash-session", "s",
                                   trash_session_action);
  gtk_widget_class_install_action (widget_class, "library.undo-trash", "s",
                                   undo_trash_action);
  gtk_widget_class_install_action (widget_class, "library.merge-conflict-copy", "s",
                                   merge_conflict_copy_action);
  gtk_widget_class_install_action (widget_class, "library.erase-situation", "s",
                                   erase_situation_action);
  gtk_widget_class_install_action (widget_class, "library.show-timeline", "s",
                                   show_timeline_action);
}
