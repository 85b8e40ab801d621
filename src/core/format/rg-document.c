/* rg-document.c — a session and the file it lives in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-document.h"
#include "rg-conflict-name.h"
#include "rg-file-io.h"
#include "rg-merge.h"
#include "rg-session.h"
#include "rg-session-xml.h"
#include "rg-session-xml-private.h"

/**
 * RgDocument:
 *
 * Ties an #RgSession to the file it is saved in, and remembers the
 * checksum of what that file held when it was last loaded or saved, so
 * that a save never overwrites a change made by another program (see
 * rg_file_write_atomic()).
 *
 * Saves of one document run one after the other, in the order they
 * were asked for: two writes of the same file at once would each take
 * the other for a foreign change.
 *
 * Watched (rg_document_watch()), it notices when another program — a
 * sync engine, regards-cli, Regards on another computer — replaces the
 * file, and merges that version into the session in place, three ways.
 * The base is the version the file on disk started from: each save
 * names the versions its writer had read or written, and the newest of
 * those kept here (as bytes) is it; for a file that names none, the
 * nearest. The last one written here is not always it: a sync engine
 * may let a save made elsewhere from an older version win over ours.
 * With nothing pending here, that is a reload. A save that meets a
 * change it had not seen yet merges first, then writes. Only a file on
 * disk that is no session Regards can read makes a conflict copy.
 */
struct _RgDocument
{
  GObject    parent_instance;

  GFile     *file;
  RgSession *session;

  /* What the file holds as far as we know; NULL until first saved. */
  char      *checksum;

  /* Bumped on every change of the session, so that a save finishing
   * after a later change does not clear "modified". */
  guint64    change_serial;

  /* Pending rg_document_save_async() tasks, the head one first. */
  GQueue     saves;

  /* What the file held when last read or written here, newest first:
   * the versions what another program writes may start from. */
  GQueue        versions;
  GFileMonitor *monitor;
  guint         look_source;

  /* Conflict copies a sync engine made of the file, beside it, to merge
   * back in and take away. */
  GFileMonitor *folder_monitor;
  GPtrArray    *copies;
  guint         copies_source;

  guint      modified : 1;
  guint      save_running : 1;
  guint      read_only : 1;
  guint      watching : 1;
  guint      look_after_saves : 1;
};

typedef struct
{
  GBytes  *contents;
  guint64  change_serial;

  /* Taken when the write starts, after the saves before it. */
  GFile   *file;
  char    *expected_checksum;

  /* What the write reports. */
  char    *new_checksum;
  GFile   *conflict_copy;

  /* Set when the file on disk is no session to merge with: the write
   * then goes to a conflict copy. */
  gboolean allow_conflict_copy;
} SaveData;

G_DEFINE_FINAL_TYPE (RgDocument, rg_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_SESSION,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  MERGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void rg_document_start_next_save (RgDocument *self);

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_clear_object (&data->file);
  g_clear_pointer (&data->expected_checksum, g_free);
  g_clear_pointer (&data->new_checksum, g_free);
  g_clear_object (&data->conflict_copy);
  g_free (data);
}

static void
rg_document_set_modified (RgDocument *self,
                          gboolean    modified)
{
  modified = !!modified;

  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

static void
rg_document_set_file (RgDocument *self,
                      GFile      *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
}

static void
on_session_changed (RgDocument *self)
{
  self->change_serial++;
  rg_document_set_modified (self, TRUE);
}

static void rg_document_watch_file (RgDocument *self);

/* How many versions read or written are kept as possible bases. A
 * version written elsewhere starts from one read there a while ago: a
 * sync engine that has to choose between two saves may bring back an
 * older one, and with a save and a merge every second, the version it
 * started from can be many versions back. */
#define MAX_VERSIONS 32

/* A version of the file is named by the start of the SHA-256 of its
 * bytes without the known-versions attribute of its root, which each
 * save writes: the versions its writer had read or written before. The
 * newest of those we hold too is the version both copies started from,
 * the base of their merge. */
#define VERSION_ID_LENGTH 16
#define KNOWN_VERSIONS " known-versions=\""

typedef struct
{
  GBytes *bytes;
  char   *id;
} Version;

static void
version_free (Version *version)
{
  g_bytes_unref (version->bytes);
  g_free (version->id);
  g_free (version);
}

/* The ">" that ends the root's start tag in @data, or %NULL; its "<"
 * goes to @root. The root's attributes (ids, words) hold no ">". */
static const char *
find_root_end (const char  *data,
               gsize        size,
               const char **root)
{
  *root = g_strstr_len (data, MIN (size, 4096), "<session");

  return *root ? memchr (*root, '>', size - (*root - data)) : NULL;
}

/* @bytes without the root's known-versions attribute, whose list goes
 * to @known when asked for. */
static GBytes *
split_known_versions (GBytes   *bytes,
                      char   ***known)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *root;
  const char *end = find_root_end (data, size, &root);
  const char *attribute = end ? g_strstr_len (root, end - root, KNOWN_VERSIONS) : NULL;
  const char *value;
  const char *quote;
  GByteArray *rest;

  if (known != NULL)
    *known = NULL;

  if (attribute == NULL)
    return g_bytes_ref (bytes);

  value = attribute + strlen (KNOWN_VERSIONS);
  if ((quote = memchr (value, '"', end - value)) == NULL)
    return g_bytes_ref (bytes);

  if (known != NULL)
    {
      g_autofree char *list = g_strndup (value, quote - value);

      *known = g_strsplit (list, " ", -1);
    }

  rest = g_byte_array_sized_new (size);
  g_byte_array_append (rest, (const guint8 *) data, attribute - data);
  g_byte_array_append (rest, (const guint8 *) quote + 1, size - (quote + 1 - data));

  return g_byte_array_free_to_bytes (rest);
}

/* @bytes_checksum: (nullable): the SHA-256 of @bytes, when known: the
 * id is made from it when @bytes has no known-versions, which saves
 * hashing a big file twice. */
static char *
version_id_of (GBytes     *bytes,
               const char *bytes_checksum)
{
  g_autoptr(GBytes) content = split_known_versions (bytes, NULL);
  g_autofree char *checksum = NULL;

  if (content == bytes && bytes_checksum != NULL)
    return g_strndup (bytes_checksum, VERSION_ID_LENGTH);

  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  return g_strndup (checksum, VERSION_ID_LENGTH);
}

/* @checksum: (nullable): the SHA-256 of @contents, when known */
static void
remember_version (RgDocument *self,
                  GBytes     *contents,
                  const char *checksum)
{
  Version *newest = g_queue_peek_head (&self->versions);
  Version *version;

  if (newest != NULL && g_bytes_equal (newest->bytes, contents))
    return;

  version = g_new0 (Version, 1);
  version->bytes = g_bytes_ref (contents);
  version->id = version_id_of (contents, checksum);
  g_queue_push_head (&self->versions, version);
  while (self->versions.length > MAX_VERSIONS)
    version_free (g_queue_pop_tail (&self->versions));
}

/* @contents, with the versions we read or wrote, newest first. */
static GBytes *
add_known_versions (RgDocument *self,
                    GBytes     *contents)
{
  gsize size;
  const char *data = g_bytes_get_data (contents, &size);
  const char *root;
  const char *end = find_root_end (data, size, &root);
  g_autoptr(GString) attribute = g_string_new (KNOWN_VERSIONS);
  GByteArray *with;

  if (end == NULL || self->versions.length == 0)
    return g_bytes_ref (contents);

  for (GList *l = self->versions.head; l != NULL; l = l->next)
    {
      Version *version = l->data;

      if (l != self->versions.head)
        g_string_append_c (attribute, ' ');
      g_string_append (attribute, version->id);
    }
  g_string_append_c (attribute, '"');

  with = g_byte_array_sized_new (size + attribute->len);
  g_byte_array_append (with, (const guint8 *) data, end - data);
  g_byte_array_append (with, (const guint8 *) attribute->str, attribute->len);
  g_byte_array_append (with, (const guint8 *) end, size - (end - data));

  return g_byte_array_free_to_bytes (with);
}

/* Whether the file holds @contents already, but for the versions it
 * names as known: merging in what another copy wrote leaves the two the
 * same, and writing it again would only send it back and forth between
 * the copies of a synced folder. */
static gboolean
is_on_disk (RgDocument *self,
            GBytes     *contents)
{
  Version *newest = g_queue_peek_head (&self->versions);
  g_autofree char *newest_checksum = NULL;
  g_autofree char *id = NULL;

  if (newest == NULL || self->checksum == NULL)
    return FALSE;

  newest_checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, newest->bytes);
  if (!g_str_equal (newest_checksum, self->checksum))
    return FALSE;

  id = version_id_of (contents, NULL);
  return g_str_equal (id, newest->id);
}

/* The version the file @theirs holds started from: the newest of ours
 * its writer names as read or written, or theirs itself when we have
 * it. A file that names none (written by an older Regards, or from
 * versions we never saw) gets the nearest of ours (see
 * rg_session_count_differences ()), the newest of equals. */
static RgSession *
find_base (RgDocument *self,
           GBytes     *theirs_bytes,
           RgSession  *theirs)
{
  g_auto(GStrv) known = NULL;
  g_autoptr(GBytes) content = split_known_versions (theirs_bytes, &known);
  g_autofree char *theirs_id = version_id_of (content, NULL);
  RgSession *best = NULL;
  guint best_distance = G_MAXUINT;

  for (GList *l = self->versions.head; l != NULL; l = l->next)
    {
      Version *version = l->data;

      if (g_str_equal (version->id, theirs_id) ||
          (known != NULL && g_strv_contains ((const char * const *) known, version->id)))
        return rg_session_new_from_bytes (version->bytes, NULL);
    }

  for (GList *l = self->versions.head; l != NULL && best_distance > 0; l = l->next)
    {
      Version *version = l->data;
      g_autoptr(RgSession) candidate = rg_session_new_from_bytes (version->bytes, NULL);
      guint distance;

      if (candidate == NULL)
        continue;

      distance = rg_session_count_differences (candidate, theirs);
      if (distance < best_distance)
        {
          g_clear_object (&best);
          best = g_steal_pointer (&candidate);
          best_distance = distance;
        }
    }

  return best;
}

/* Records what a write did: where the session now lives and what that
 * file holds. @new_checksum is NULL when nothing was written. */
static void
rg_document_saved (RgDocument *self,
                   guint64     change_serial,
                   GBytes     *contents,
                   const char *new_checksum,
                   GFile      *conflict_copy)
{
  if (new_checksum == NULL)
    return;

  remember_version (self, contents, NULL);

  /* On conflict our version went to the copy: keep saving there, and
   * leave the other program's version alone. */
  if (conflict_copy != NULL)
    {
      rg_document_set_file (self, conflict_copy);
      rg_document_watch_file (self);
    }

  g_free (self->checksum);
  self->checksum = g_strdup (new_checksum);

  if (change_serial == self->change_serial)
    rg_document_set_modified (self, FALSE);
}

static void
rg_document_constructed (GObject *object)
{
  RgDocument *self = (RgDocument *)object;

  G_OBJECT_CLASS (rg_document_parent_class)->constructed (object);

  g_assert (RG_IS_SESSION (self->session));
  g_assert (G_IS_FILE (self->file));

  g_signal_connect_object (self->session,
                           "changed",
                           G_CALLBACK (on_session_changed),
                           self,
                           G_CONNECT_SWAPPED);
}

static void
rg_document_finalize (GObject *object)
{
  RgDocument *self = (RgDocument *)object;

  /* Every pending task holds a reference on us. */
  g_assert (g_queue_is_empty (&self->saves));

  g_clear_handle_id (&self->look_source, g_source_remove);
  g_clear_handle_id (&self->copies_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  if (self->folder_monitor != NULL)
    g_file_monitor_cancel (self->folder_monitor);
  g_clear_object (&self->folder_monitor);
  g_clear_pointer (&self->copies, g_ptr_array_unref);
  g_queue_clear_full (&self->versions, (GDestroyNotify) version_free);
  g_clear_object (&self->file);
  g_clear_object (&self->session);
  g_clear_pointer (&self->checksum, g_free);

  G_OBJECT_CLASS (rg_document_parent_class)->finalize (object);
}

static void
rg_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RgDocument *self = RG_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RgDocument *self = RG_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_document_class_init (RgDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rg_document_constructed;
  object_class->finalize = rg_document_finalize;
  object_class->get_property = rg_document_get_property;
  object_class->set_property = rg_document_set_property;

  /**
   * RgDocument:file:
   *
   * The file the session is saved in. It changes when a save meets a
   * change made by another program: the session then goes on being
   * saved in the conflict copy.
   */
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * RgDocument:session:
   *
   * The session, for the life of the document.
   */
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         RG_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * RgDocument:modified:
   *
   * Whether the session holds changes the file does not have yet: set
   * when the session changes, cleared when a save of the latest version
   * succeeds.
   */
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * RgDocument:read-only:
   *
   * Whether the file was read-only when loaded (see
   * rg_file_is_read_only ()): saves then fail with
   * %RG_DOCUMENT_ERROR_READ_ONLY and leave it as it is, and
   * rg_document_save_copy () is the way to keep changes. It does not
   * change over the document's life.
   */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgDocument::merged:
   * @n_conflicts: how many fields both sides changed differently
   *
   * Emitted when what another program wrote in the file has been merged
   * into the session.
   */
  signals [MERGED] =
    g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
rg_document_init (RgDocument *self)
{
  g_queue_init (&self->saves);
  g_queue_init (&self->versions);
}

/**
 * rg_document_new:
 * @session: a session
 * @file: where to save it
 *
 * A document for a session that was never saved. It starts modified,
 * since @file does not hold it yet. The first save creates the missing
 * folders (mode 0700); a file already at @file is kept as its backup
 * `NAME~`.
 *
 * Returns: (transfer full): a new #RgDocument
 */
RgDocument *
rg_document_new (RgSession *session,
                 GFile     *file)
{
  RgDocument *self;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RG_TYPE_DOCUMENT,
                       "session", session,
                       "file", file,
                       NULL);
  self->modified = TRUE;

  return self;
}

/**
 * rg_document_new_from_file:
 * @file: a session file
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Reads @file (refusing anything larger than %RG_SESSION_MAX_SIZE) and
 * loads the session it holds. A file we may not write is opened
 * read-only (see #RgDocument:read-only). Blocks; see
 * rg_document_load_async(). Safe to call from any thread.
 *
 * Returns: (transfer full): a new unmodified #RgDocument, or %NULL with
 *   @error set: an #RgDocumentError if the file could not be read,
 *   otherwise the #RgFormatError of rg_session_new_from_bytes(), its
 *   message prefixed with the name of the file
 */
RgDocument *
rg_document_new_from_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autofree char *checksum = NULL;
  RgDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contents = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, &checksum, cancellable, error);
  if (contents == NULL)
    return NULL;

  session = rg_session_new_from_bytes (contents, error);
  if (session == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);

      /* The format's messages speak of "this file": say which one. */
      g_prefix_error (error, _("Could not open “%s”. "), name);
      return NULL;
    }

  self = g_object_new (RG_TYPE_DOCUMENT,
                       "session", session,
                       "file", file,
                       NULL);
  remember_version (self, contents, checksum);
  self->checksum = g_steal_pointer (&checksum);
  self->read_only = rg_file_is_read_only (file);

  return self;
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  RgDocument *document;
  GError *error = NULL;

  document = rg_document_new_from_file (file, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * rg_document_load_async:
 * @file: a session file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context of the caller
 *   when the document is loaded
 * @user_data: data for @callback
 *
 * Reads and parses @file in a worker thread, as
 * rg_document_new_from_file() does.
 */
void
rg_document_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_worker);
}

/**
 * rg_document_load_finish:
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Completes rg_document_load_async().
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
RgDocument *
rg_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rg_document_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rg_document_get_file:
 * @self: a #RgDocument
 *
 * Returns: (transfer none): the file the session is saved in
 */
GFile *
rg_document_get_file (RgDocument *self)
{
  g_return_val_if_fail (RG_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * rg_document_get_session:
 * @self: a #RgDocument
 *
 * Returns: (transfer none): the session
 */
RgSession *
rg_document_get_session (RgDocument *self)
{
  g_return_val_if_fail (RG_IS_DOCUMENT (self), NULL);

  return self->session;
}

/**
 * rg_document_get_checksum:
 * @self: a #RgDocument
 *
 * The SHA-256 of what the file held when it was last loaded or saved
 * here, to tell this program's own writes from another's (as a file
 * monitor needs to).
 *
 * Returns: (nullable): the checksum, or %NULL if never saved
 */
const char *
rg_document_get_checksum (RgDocument *self)
{
  g_return_val_if_fail (RG_IS_DOCUMENT (self), NULL);

  return self->checksum;
}

/**
 * rg_document_get_modified:
 * @self: a #RgDocument
 *
 * Returns: whether the session has changes not saved yet
 */
gboolean
rg_document_get_modified (RgDocument *self)
{
  g_return_val_if_fail (RG_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

/**
 * rg_document_get_read_only:
 * @self: a #RgDocument
 *
 * Returns: whether the file was opened read-only, and saves refused
 */
gboolean
rg_document_get_read_only (RgDocument *self)
{
  g_return_val_if_fail (RG_IS_DOCUMENT (self), FALSE);

  return self->read_only;
}

static char *
display_name_of (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static gboolean
set_read_only_error (RgDocument  *self,
                     GError     **error)
{
  g_autofree char *name = display_name_of (self->file);

  g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_READ_ONLY,
               _("“%s” can only be read: its permissions or its disk do not allow "
                 "changing it. Save a copy of the session elsewhere to keep your changes."),
               name);
  return FALSE;
}

/* The session as @file is to hold it, unless the loader would refuse
 * the result: then nothing is written, rather than a file that can no
 * longer be opened. */
static GBytes *
rg_document_serialize (RgDocument  *self,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(GBytes) session = rg_session_to_bytes (self->session);
  g_autoptr(GBytes) contents = add_known_versions (self, session);
  g_autofree char *name = NULL;
  const char *data;
  gsize size;

  data = g_bytes_get_data (contents, &size);

  switch (_rg_session_xml_check_limits (data, size))
    {
    case RG_SESSION_LIMIT_NONE:
      return g_steal_pointer (&contents);

    case RG_SESSION_LIMIT_SIZE:
      name = display_name_of (file);
      g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE,
                   _("Could not save “%s”: the session is too large to be saved. Regards "
                     "opens sessions of at most %u MiB, and this one would be larger. Remove "
                     "or shorten some statements, then save again."),
                   name, (guint) (RG_SESSION_MAX_SIZE / (1024 * 1024)));
      return NULL;

    case RG_SESSION_LIMIT_TEXT:
      {
        g_autofree char *limit = g_format_size (_rg_session_xml_get_max_text_size ());

        name = display_name_of (file);
        g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE,
                     _("Could not save “%s”: the session is too large to be saved. One of its "
                       "texts is longer than Regards opens (%s). Shorten it, then save again."),
                     name, limit);
        return NULL;
      }

    case RG_SESSION_LIMIT_ITEMS:
    case RG_SESSION_LIMIT_STRUCTURE:
    default:
      name = display_name_of (file);
      g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE,
                   _("Could not save “%s”: the session is too large to be saved. It holds "
                     "more items than Regards opens. Remove some statements, then save again."),
                   name);
      return NULL;
    }
}

/* Merges the version of the file in @contents into the session, against
 * the version it started from. */
static gboolean
merge_version (RgDocument    *self,
               GBytes        *contents,
               RgMergeStats  *stats,
               GError       **error)
{
  g_autoptr(RgSession) theirs = NULL;
  g_autoptr(RgSession) base = NULL;

  if (!(theirs = rg_session_new_from_bytes (contents, error)))
    return FALSE;

  /* Without a base (a file written here for the first time), every
   * difference is a conflict: nothing is dropped. */
  base = find_base (self, contents, theirs);

  return rg_session_merge (self->session, base, theirs, stats, error);
}

/**
 * rg_document_merge_from_disk:
 * @self: a #RgDocument
 * @error: a location for a #GError
 *
 * Reads the file and, if another program changed it since it was last
 * read or written here, merges that version into the session, in place,
 * three ways (see rg_session_merge()): what both sides changed alike
 * or one side alone is taken, and a field both changed differently is
 * kept as a conflict of the session, with both values. Emits
 * #RgDocument::merged. The session, changed, then asks for a save, as
 * after any edit. A file that is gone is no change: the next save
 * writes it again.
 *
 * Returns: %FALSE with @error set if the file holds something that is
 *   no session Regards can read, or cannot be read; nothing changes then
 */
gboolean
rg_document_merge_from_disk (RgDocument  *self,
                             GError     **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *checksum = NULL;
  RgMergeStats stats = { 0 };

  g_return_val_if_fail (RG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  contents = rg_file_read_bounded (self->file, RG_SESSION_MAX_SIZE, &checksum, NULL, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Our own write, or a version we merged already. */
  if (g_strcmp0 (checksum, self->checksum) == 0)
    return TRUE;

  if (!merge_version (self, contents, &stats, error))
    return FALSE;

  remember_version (self, contents, checksum);
  g_free (self->checksum);
  self->checksum = g_steal_pointer (&checksum);

  g_signal_emit (self, signals [MERGED], 0, stats.conflicts);

  return TRUE;
}

static gboolean
look_at_file_cb (gpointer user_data)
{
  RgDocument *self = user_data;
  g_autoptr(GError) error = NULL;

  self->look_source = 0;

  /* The file changes under our own saves too: they are looked at once
   * they end, when the checksum says which writes were ours. */
  if (self->save_running || !g_queue_is_empty (&self->saves))
    {
      self->look_after_saves = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* A version that is no session yet (a sync engine's write cut short)
   * is left alone: a save then keeps ours beside it. */
  if (!rg_document_merge_from_disk (self, &error))
    g_debug ("Not merging what is on disk: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
on_file_changed (RgDocument        *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  /* A burst of events for one write is looked at once. */
  g_clear_handle_id (&self->look_source, g_source_remove);
  self->look_source = g_timeout_add (100, look_at_file_cb, self);
}

/* Whether @name is a sync engine's conflict copy of our file, or of its
 * backup `NAME~` (which a sync engine forks too). */
static gboolean
is_copy_of_ours (RgDocument *self,
                 const char *name,
                 gboolean   *is_backup)
{
  g_autofree char *ours = g_file_get_basename (self->file);
  g_autofree char *stem = NULL;
  g_autofree char *original = NULL;

  *is_backup = g_str_has_suffix (name, "~");
  stem = *is_backup ? g_strndup (name, strlen (name) - 1) : g_strdup (name);
  original = rg_conflict_name_parse (stem, NULL);

  return original != NULL && g_str_equal (original, ours);
}

/* Puts away a copy whose words are in the file now: in the Trash, or,
 * where a folder has none, removed. */
static void
put_away (GFile *copy)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_trash (copy, NULL, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_debug ("No Trash for the conflict copy, removing it: %s", error->message);
      g_file_delete (copy, NULL, NULL);
    }
}

/* Merges a sync engine's conflict copy of the file into the session, as
 * any version another program wrote, then writes the session and puts
 * the copy away: nothing is forked, and nothing of the copy is lost. A
 * copy that is no version of this session is left alone. */
static void
merge_copy (RgDocument *self,
            GFile      *copy)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  RgMergeStats stats = { 0 };

  contents = rg_file_read_bounded (copy, RG_SESSION_MAX_SIZE, NULL, NULL, NULL);
  if (contents == NULL)
    return;

  if (!merge_version (self, contents, &stats, &error))
    {
      g_debug ("Not merging a conflict copy: %s", error->message);
      return;
    }

  if (self->modified && !rg_document_save (self, NULL, &error))
    {
      g_debug ("Keeping the conflict copy, the file could not be written: %s", error->message);
      return;
    }

  put_away (copy);
  g_signal_emit (self, signals [MERGED], 0, stats.conflicts);
}

static gboolean
merge_copies_cb (gpointer user_data)
{
  RgDocument *self = user_data;
  g_autoptr(GPtrArray) copies = NULL;

  self->copies_source = 0;

  /* After our saves, so that each merge starts from the file as written. */
  if (self->save_running || !g_queue_is_empty (&self->saves))
    {
      self->copies_source = g_timeout_add (200, merge_copies_cb, self);
      return G_SOURCE_REMOVE;
    }

  copies = g_steal_pointer (&self->copies);
  for (guint i = 0; copies != NULL && i < copies->len; i++)
    {
      GFile *copy = g_ptr_array_index (copies, i);
      g_autofree char *name = g_file_get_basename (copy);
      gboolean is_backup;

      if (!g_file_query_exists (copy, NULL) || !is_copy_of_ours (self, name, &is_backup))
        continue;

      /* A fork of the backup holds an older version of the file: what
       * it says is in the file's history already. */
      if (is_backup)
        put_away (copy);
      else
        merge_copy (self, copy);
    }

  return G_SOURCE_REMOVE;
}

static void
on_folder_changed (RgDocument        *self,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event)
{
  GFile *arrived = event == G_FILE_MONITOR_EVENT_RENAMED ? other_file : file;
  g_autofree char *name = NULL;
  gboolean is_backup;

  if (arrived == NULL ||
      (event != G_FILE_MONITOR_EVENT_CREATED &&
       event != G_FILE_MONITOR_EVENT_MOVED_IN &&
       event != G_FILE_MONITOR_EVENT_RENAMED &&
       event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT))
    return;

  name = g_file_get_basename (arrived);
  if (!is_copy_of_ours (self, name, &is_backup))
    return;

  if (self->copies == NULL)
    self->copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->copies, g_object_ref (arrived));

  /* Once the sync engine is done writing it. */
  g_clear_handle_id (&self->copies_source, g_source_remove);
  self->copies_source = g_timeout_add (300, merge_copies_cb, self);
}

static void
rg_document_watch_file (RgDocument *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->watching)
    return;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  /* Sync engines replace a file by renaming another over it. */
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch the session file: %s", error->message);
      return;
    }

  g_file_monitor_set_rate_limit (self->monitor, 200);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed),
                           self, G_CONNECT_SWAPPED);

  /* Sync engines put their conflict copies beside the file. */
  if (self->folder_monitor != NULL)
    g_file_monitor_cancel (self->folder_monitor);
  g_clear_object (&self->folder_monitor);
  folder = g_file_get_parent (self->file);
  if (folder != NULL &&
      (self->folder_monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES,
                                                        NULL, NULL)) != NULL)
    g_signal_connect_object (self->folder_monitor, "changed", G_CALLBACK (on_folder_changed),
                             self, G_CONNECT_SWAPPED);
}

/**
 * rg_document_watch:
 * @self: a #RgDocument
 *
 * Watches the file, on the thread-default main context: when another
 * program changes it, its version is merged into the session (see
 * rg_document_merge_from_disk()) a moment later, or once the saves
 * running here end.
 */
void
rg_document_watch (RgDocument *self)
{
  g_return_if_fail (RG_IS_DOCUMENT (self));

  if (self->watching)
    return;

  self->watching = TRUE;
  rg_document_watch_file (self);
}

/**
 * rg_document_save:
 * @self: a #RgDocument
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes the session to its file, atomically, keeping the previous
 * version as `NAME~` (see rg_file_write_atomic()). Blocks; see
 * rg_document_save_async(), and do not call this while one is pending.
 *
 * If another program changed the file since it was loaded or saved
 * here, the file is left alone and the session is saved in a conflict
 * copy beside it, which becomes the document's #RgDocument:file; the
 * function then fails with %RG_DOCUMENT_ERROR_CONFLICT, whose message
 * tells the user where their changes are.
 *
 * The file is left as it is, and nothing written, when the document is
 * read-only (%RG_DOCUMENT_ERROR_READ_ONLY), or when the session would
 * make a file Regards could not open again (%RG_DOCUMENT_ERROR_TOO_LARGE).
 *
 * Returns: %TRUE if the file now holds the session
 */
gboolean
rg_document_save (RgDocument    *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GFile) conflict_copy = NULL;
  g_autofree char *new_checksum = NULL;
  guint64 change_serial;
  gboolean ret;

  g_return_val_if_fail (RG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (g_queue_is_empty (&self->saves), FALSE);

  if (self->read_only)
    return set_read_only_error (self, error);

  /* Another program's version is merged in before writing; a file we
   * cannot merge with is left alone, and ours goes to a copy. */
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean allow_copy = attempt >= 3;

      change_serial = self->change_serial;
      g_clear_pointer (&contents, g_bytes_unref);
      if (!(contents = rg_document_serialize (self, self->file, error)))
        return FALSE;

      if (is_on_disk (self, contents))
        {
          if (change_serial == self->change_serial)
            rg_document_set_modified (self, FALSE);
          return TRUE;
        }

      ret = rg_file_write_atomic (self->file, contents, self->checksum,
                                  &new_checksum, allow_copy ? &conflict_copy : NULL,
                                  cancellable, &local_error);
      rg_document_saved (self, change_serial, contents, new_checksum, conflict_copy);

      if (ret || !g_error_matches (local_error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CHANGED))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return ret;
        }

      if (!rg_document_merge_from_disk (self, NULL))
        attempt = 2;
    }
}

static void
save_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (rg_file_write_atomic (data->file, data->contents, data->expected_checksum,
                            &data->new_checksum,
                            data->allow_conflict_copy ? &data->conflict_copy : NULL,
                            cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RgDocument *self = RG_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  g_assert (g_queue_peek_head (&self->saves) == task);

  rg_document_saved (self, data->change_serial, data->contents, data->new_checksum,
                     data->conflict_copy);

  /* Another program changed the file: its version is merged into the
   * session, which is written again, as it is now. */
  if (g_task_had_error (G_TASK (result)) &&
      !g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CHANGED))
    {
      g_clear_error (&error);
      data->allow_conflict_copy = !rg_document_merge_from_disk (self, NULL);
      g_clear_pointer (&data->contents, g_bytes_unref);
      g_clear_object (&data->file);
      g_clear_pointer (&data->expected_checksum, g_free);
      data->change_serial = self->change_serial;
      data->contents = rg_document_serialize (self, self->file, &error);
      self->save_running = FALSE;
      if (data->contents != NULL)
        {
          rg_document_start_next_save (self);
          return;
        }
    }

  /* Before the caller hears of it: a save it asks for from its
   * callback may start at once. Drops the queue's reference. */
  g_object_unref (g_queue_pop_head (&self->saves));
  self->save_running = FALSE;

  if (error != NULL)
    g_task_return_error (task, error);
  else if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  if (!self->save_running)
    rg_document_start_next_save (self);

  /* A change seen on disk while saving is looked at once saves end. */
  if (!self->save_running && g_queue_is_empty (&self->saves) && self->look_after_saves)
    {
      self->look_after_saves = FALSE;
      rg_document_merge_from_disk (self, NULL);
    }
}

static void
rg_document_start_next_save (RgDocument *self)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task = g_queue_peek_head (&self->saves);
  SaveData *data;

  g_assert (!self->save_running);

  if (task == NULL)
    return;

  self->save_running = TRUE;
  data = g_task_get_task_data (task);
  data->file = g_object_ref (self->file);
  data->expected_checksum = g_strdup (self->checksum);

  /* The worker shares the data; the queued task keeps owning it. */
  worker = g_task_new (self, g_task_get_cancellable (task), save_written_cb, g_object_ref (task));
  g_task_set_source_tag (worker, rg_document_start_next_save);
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, save_worker);
}

/**
 * rg_document_save_async:
 * @self: a #RgDocument
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the session is written
 * @user_data: data for @callback
 *
 * Serialises the session now, on the calling thread, then writes it
 * in a worker thread as rg_document_save() does. Saves asked for while
 * another is running wait for it, so each compares the file with what
 * the one before wrote. A save that cannot be (read-only, too large)
 * fails at once, without waiting.
 */
void
rg_document_save_async (RgDocument          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GBytes) contents = NULL;
  GError *error = NULL;
  GTask *task;
  SaveData *data;

  g_return_if_fail (RG_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (self->read_only)
    set_read_only_error (self, &error);
  else
    contents = rg_document_serialize (self, self->file, &error);

  if (contents == NULL)
    {
      g_task_report_error (self, callback, user_data, rg_document_save_async, error);
      return;
    }

  /* With no save before it to wait for, what the file holds already
   * needs no write. */
  if (g_queue_is_empty (&self->saves) && is_on_disk (self, contents))
    {
      g_autoptr(GTask) done = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (done, rg_document_save_async);
      rg_document_set_modified (self, FALSE);
      g_task_return_boolean (done, TRUE);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->change_serial = self->change_serial;
  data->contents = g_steal_pointer (&contents);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_document_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  /* The queue owns the task until it completes. */
  g_queue_push_tail (&self->saves, task);

  if (!self->save_running)
    rg_document_start_next_save (self);
}

/**
 * rg_document_save_finish:
 * @self: a #RgDocument
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Completes rg_document_save_async(). By then #RgDocument:file,
 * #RgDocument:modified and the checksum are up to date.
 *
 * Returns: %TRUE if the file holds the session as it was when the save
 *   was asked for; %FALSE with %RG_DOCUMENT_ERROR_CONFLICT if it went
 *   to a conflict copy, or another error
 */
gboolean
rg_document_save_finish (RgDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (RG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rg_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rg_document_save_copy:
 * @self: a #RgDocument
 * @destination: where to write the copy, on a local file system
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes the session to @destination, atomically (see
 * rg_file_write_atomic()): a new file, readable by its owner only, or
 * replacing what is there (kept as its backup `NAME~`). The document
 * goes on being saved in its own file, and stays modified: this is how
 * changes to a read-only document are kept. When @destination is the
 * document's own file, this is rg_document_save(). Blocks.
 *
 * Returns: %TRUE if @destination now holds the session; %FALSE with
 *   %RG_DOCUMENT_ERROR_TOO_LARGE, nothing written, if Regards could not
 *   open it again, or another error
 */
gboolean
rg_document_save_copy (RgDocument    *self,
                       GFile         *destination,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (RG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Without the checks of a save, a copy over the file itself could
   * undo another program's change, or write a read-only file. */
  if (g_file_equal (destination, self->file))
    return rg_document_save (self, cancellable, error);

  if (!(contents = rg_document_serialize (self, destination, error)))
    return FALSE;

  return rg_file_write_atomic (destination, contents, NULL, NULL, NULL, cancellable, error);
}
