/* test-sync.c — two writers sharing sessions through two real Syncthing instances
 *
 * Two Syncthing instances on 127.0.0.1 share one folder. Two writers,
 * one per folder, edit the same sessions through the core's document
 * API as the session window does — a change, then a save a second
 * later, one save at a time — with pauses between edits. Each edit
 * writes a word of its own ("A-017": writer A's 17th edit). Once both
 * stop and the folders agree, every word must be in the session, as a
 * text or as the other value of a conflict, and no copy of a session
 * may be left beside it.
 *
 * For each edit that is lost, the log tells its story: what the
 * writers did to its session and which version each folder held, who
 * wrote it, from the edit on. It also says how many of the lost edits
 * merging the copies left by Syncthing would bring back.
 *
 * Skipped without `syncthing`. REGARDS_SYNC_EDITS sets how many edits
 * each writer makes (50 by default), REGARDS_SYNC_SEED the random
 * seed, printed at each run so a run can be repeated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sync"

#include "config.h"

#include <string.h>

#include "rg-document.h"
#include "rg-library.h"
#include "rg-session-editor.h"
#include "rg-session-editor-links.h"
#include "rg-session-xml.h"
#include "rg-template.h"
#include "rg-test-session.h"
#include "rg-test-syncthing.h"
#include "rg-test-utils.h"

#define DEFAULT_EDITS        50
#define MAX_EDITS            999
#define EDITING_SECONDS      (4 * 60)
#define CONNECT_SECONDS      60
#define CONVERGE_SECONDS     180
#define STABLE_CHECKS        3
#define AUTOSAVE_MS          1000
#define PAUSE_MIN_S          0.2
#define PAUSE_MAX_S          3.0
#define N_SHARED_STATEMENTS  3

/* The sessions both writers edit: the example, and two made from
 * templates. */
static const char *session_names[] = {
  "exemple-eleve-a.regards",
  "revue-ce2.regards",
  "revue-cm2.regards",
};
#define N_SESSIONS G_N_ELEMENTS (session_names)

typedef enum
{
  EDIT_NEW_STATEMENT,
  EDIT_SHARED_STATEMENT,
  EDIT_STATEMENT,
  EDIT_SYNTHESIS,
  EDIT_LINK_NOTE,
  N_EDIT_KINDS
} EditKind;

static const char *edit_kind_names[N_EDIT_KINDS] = {
  "new statements",
  "texts of statements both edit",
  "texts of other statements",
  "syntheses",
  "link notes",
};

typedef struct
{
  char     *word;
  EditKind  kind;
  guint     session;
  gint64    time;
} Edit;

/* One version of a session file seen in a folder, for telling how a
 * lost edit went: when, where, and who wrote it. */
typedef struct
{
  gint64  time;
  guint   folder;
  guint   session;
  char   *checksum;
  GBytes *contents;
} Version;

/* Something a writer did to a session, for the same story */
typedef struct
{
  gint64  time;
  guint   session;
  char   *text;
} Event;

/* What the folders and the writers went through */
typedef struct
{
  gint64        start;
  const char   *folders[2];
  GFileMonitor *monitors[2];
  char         *last[2][N_SESSIONS];
  GHashTable   *saves;
  GPtrArray    *versions;
  GPtrArray    *events;
} History;

typedef struct _Writer Writer;

/* One writer's copy of one session, and its autosave */
typedef struct
{
  Writer          *writer;
  RgDocument      *document;
  RgSessionEditor *editor;
  guint            autosave_source;
  gboolean         saving;
  char            *save_label;
} Copy;

struct _Writer
{
  char        letter;
  const char *folder;
  Copy        copies[N_SESSIONS];
  GRand      *rand;
  GPtrArray  *edits;
  History    *history;
  GStrv      *shared;
  guint       max_edits;
  gint64      deadline;
  guint       edit_source;
  guint       n_edits;

  guint       n_saves_started;
  guint       n_saves;
  guint       n_save_conflicts;
  guint       n_save_errors;
  guint       n_merges;
  guint       n_merge_conflicts;
};

typedef struct
{
  char            *root;
  RgTestSyncthing *a;
  RgTestSyncthing *b;
  Writer           writers[2];
  GPtrArray       *edits;
  History          history;
  GStrv            shared[N_SESSIONS];
} Fixture;

static void
edit_free (Edit *edit)
{
  g_free (edit->word);
  g_free (edit);
}

/* {{{ Files */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Syncthing's own: its marker, and the temporary files of pulls it
 * keeps to resume them, which it never shares. */
static gboolean
is_syncthing_own (const char *name)
{
  return g_str_equal (name, ".stfolder") ||
         (g_str_has_prefix (name, ".syncthing.") && g_str_has_suffix (name, ".tmp"));
}

/* The files of a shared folder, but Syncthing's own, sorted */
static GPtrArray *
list_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!is_syncthing_own (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  return names;
}

static GBytes *
read_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize size;

  if (!g_file_get_contents (path, &contents, &size, &error))
    return NULL;

  return g_bytes_new_take (contents, size);
}

/* Whether both folders hold the same files, byte for byte; if not,
 * says which differs in @why. */
static gboolean
folders_identical (const char  *a,
                   const char  *b,
                   char       **why)
{
  g_autoptr(GPtrArray) names_a = list_files (a);
  g_autoptr(GPtrArray) names_b = list_files (b);

  g_clear_pointer (why, g_free);

  if (names_a->len != names_b->len)
    {
      *why = g_strdup_printf ("%u files on one side, %u on the other", names_a->len, names_b->len);
      return FALSE;
    }

  for (guint i = 0; i < names_a->len; i++)
    {
      const char *name = g_ptr_array_index (names_a, i);
      g_autoptr(GBytes) bytes_a = NULL;
      g_autoptr(GBytes) bytes_b = NULL;

      if (!g_str_equal (name, g_ptr_array_index (names_b, i)))
        {
          *why = g_strdup_printf ("“%s” on one side only", name);
          return FALSE;
        }

      bytes_a = read_file (a, name);
      bytes_b = read_file (b, name);
      if (bytes_a == NULL || bytes_b == NULL || !g_bytes_equal (bytes_a, bytes_b))
        {
          *why = g_strdup_printf ("“%s” differs", name);
          return FALSE;
        }
    }

  return TRUE;
}

/* A copy of a session made beside it instead of in it: by Syncthing
 * ("NAME.sync-conflict-DATE-TIME-DEVICE.regards") or by Regards
 * ("NAME (conflict DATE TIME).regards"). */
static gboolean
is_fork (const char *name)
{
  return strstr (name, ".sync-conflict-") != NULL || strstr (name, " (conflict ") != NULL;
}

/* }}} */
/* {{{ History of the folders */

static void
version_free (Version *version)
{
  g_free (version->checksum);
  g_bytes_unref (version->contents);
  g_free (version);
}

static void
event_free (Event *event)
{
  g_free (event->text);
  g_free (event);
}

static char *
checksum_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static int
session_index (GFile *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  for (guint i = 0; name != NULL && i < N_SESSIONS; i++)
    if (g_str_equal (name, session_names[i]))
      return i;

  return -1;
}

/* Who wrote the @nth version: one of the writers' saves, or Syncthing
 * bringing a version seen in the other folder before. */
static char *
origin_of (History *history,
           guint    nth)
{
  Version *version = g_ptr_array_index (history->versions, nth);
  const char *save = g_hash_table_lookup (history->saves, version->checksum);

  for (guint i = 0; i < nth; i++)
    {
      Version *earlier = g_ptr_array_index (history->versions, i);
      g_autofree char *origin = NULL;

      if (earlier->folder != version->folder && g_str_equal (earlier->checksum, version->checksum))
        {
          origin = origin_of (history, i);
          return g_strdup_printf ("Syncthing, from %s (%s)", earlier->folder == 0 ? "a" : "b",
                                  origin);
        }
    }

  return g_strdup (save != NULL ? save : "neither a save nor Syncthing");
}

/* Records what @folder holds of session @index, if it changed */
static void
history_look (History *history,
              guint    folder,
              guint    index)
{
  g_autoptr(GBytes) contents = read_file (history->folders[folder], session_names[index]);
  g_autofree char *checksum = NULL;
  Version *version;

  if (contents == NULL)
    return;

  checksum = checksum_of (contents);
  if (g_strcmp0 (checksum, history->last[folder][index]) == 0)
    return;

  g_free (history->last[folder][index]);
  history->last[folder][index] = g_strdup (checksum);

  version = g_new0 (Version, 1);
  version->time = g_get_monotonic_time () - history->start;
  version->folder = folder;
  version->session = index;
  version->checksum = g_steal_pointer (&checksum);
  version->contents = g_steal_pointer (&contents);
  g_ptr_array_add (history->versions, version);
}

static void
on_folder_changed (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   gpointer           user_data)
{
  History *history = user_data;
  guint folder = monitor == history->monitors[0] ? 0 : 1;
  int index;

  if ((index = session_index (file)) >= 0 || (index = session_index (other_file)) >= 0)
    history_look (history, folder, index);
}

static void
history_start (History    *history,
               const char *folder_a,
               const char *folder_b)
{
  history->start = g_get_monotonic_time ();
  history->folders[0] = folder_a;
  history->folders[1] = folder_b;
  history->saves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  history->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) version_free);
  history->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);

  for (guint f = 0; f < 2; f++)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (history->folders[f]);
      g_autoptr(GError) error = NULL;

      history->monitors[f] = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES,
                                                       NULL, &error);
      g_assert_no_error (error);
      g_signal_connect (history->monitors[f], "changed", G_CALLBACK (on_folder_changed), history);
      for (guint i = 0; i < N_SESSIONS; i++)
        history_look (history, f, i);
    }
}

/* Remembers that a writer wrote, or is about to write, what has
 * @checksum, as @label */
static void
history_saving (History    *history,
                const char *checksum,
                const char *label)
{
  if (checksum != NULL && !g_hash_table_contains (history->saves, checksum))
    g_hash_table_insert (history->saves, g_strdup (checksum), g_strdup (label));
}

static gboolean
contains_word (GBytes     *contents,
               const char *word)
{
  gsize size;
  const char *data = g_bytes_get_data (contents, &size);
  g_autofree char *text = g_strndup (data, size);
  gsize length = strlen (word);

  /* "A-017" is not in "A-0170". */
  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if (!g_ascii_isdigit (p[length]))
      return TRUE;

  return FALSE;
}

/* Records what a writer did to session @index */
G_GNUC_PRINTF (3, 4)
static void
history_event (History    *history,
               guint       index,
               const char *format,
               ...)
{
  Event *event = g_new0 (Event, 1);
  va_list args;

  event->time = g_get_monotonic_time () - history->start;
  event->session = index;
  va_start (args, format);
  event->text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (history->events, event);
}

#define STORY_AFTER  (3 * G_USEC_PER_SEC)
#define STORY_LINES  40

/* How @edit's word went: what the writers did to its session and what
 * each folder held, from the edit until a while after the word was
 * last seen in a file. */
static void
history_tell (History *history,
              Edit    *edit)
{
  gint64 from = edit->time - history->start;
  gint64 until = from + STORY_AFTER;
  guint v = 0, e = 0, lines = 0;

  g_test_message ("%s (%s, %s), made at %.1f s:", edit->word, edit_kind_names[edit->kind],
                  session_names[edit->session], from / 1e6);

  for (guint i = 0; i < history->versions->len; i++)
    {
      Version *version = g_ptr_array_index (history->versions, i);

      if (version->session == edit->session && version->time >= from &&
          contains_word (version->contents, edit->word))
        until = MAX (until, version->time + STORY_AFTER);
    }

  /* Both lists are in the order things happened. */
  while (lines < STORY_LINES && (v < history->versions->len || e < history->events->len))
    {
      Version *version = v < history->versions->len ? g_ptr_array_index (history->versions, v) : NULL;
      Event *event = e < history->events->len ? g_ptr_array_index (history->events, e) : NULL;

      if (event == NULL || (version != NULL && version->time < event->time))
        {
          v++;
          if (version->session == edit->session && version->time >= from && version->time <= until)
            {
              g_autofree char *origin = origin_of (history, v - 1);

              g_test_message ("  %6.1f s  folder %s %s it: %s", version->time / 1e6,
                              version->folder == 0 ? "a" : "b",
                              contains_word (version->contents, edit->word) ? "has" : "lacks",
                              origin);
              lines++;
            }
        }
      else
        {
          e++;
          if (event->session == edit->session && event->time >= from && event->time <= until)
            {
              g_test_message ("  %6.1f s  %s", event->time / 1e6, event->text);
              lines++;
            }
        }
    }
}

static void
history_stop (History *history)
{
  for (guint f = 0; f < 2; f++)
    {
      if (history->monitors[f] != NULL)
        g_file_monitor_cancel (history->monitors[f]);
      g_clear_object (&history->monitors[f]);
      for (guint i = 0; i < N_SESSIONS; i++)
        g_clear_pointer (&history->last[f][i], g_free);
    }
  g_clear_pointer (&history->saves, g_hash_table_unref);
  g_clear_pointer (&history->versions, g_ptr_array_unref);
  g_clear_pointer (&history->events, g_ptr_array_unref);
}

/* }}} */
/* {{{ Preparing the sessions */

/* A session from a template, with partners, a statement of each in
 * the first dimensions and a link, so every kind of edit has
 * something to work on. */
static RgSession *
prepare_from_template (const char *template_id,
                       const char *title)
{
  static const char *partners[][3] = {
    { "Mme Laurent", "Professeure des écoles", "École Jean-Jaurès" },
    { "M. Diallo", "Éducateur spécialisé", "PRE" },
    { "Mme Roche", "Assistante sociale", "Conseil départemental" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSession) session = rg_session_new_from_template (template_id, title, &error);
  g_autoptr(RgSessionEditor) editor = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GListModel *dimensions;
  RgLink *link;

  g_assert_no_error (error);
  editor = rg_session_editor_new (session);
  dimensions = rg_session_get_dimensions (session);
  g_assert_cmpuint (g_list_model_get_n_items (dimensions), >=, 2);

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      RgPartner *partner = rg_session_editor_add_partner (editor, partners[i][0],
                                                          partners[i][1], partners[i][2]);

      for (guint d = 0; d < 2; d++)
        {
          g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, d);
          g_autofree char *text = g_strdup_printf ("Lecture de départ %u.%u", i + 1, d + 1);
          RgStatement *statement;

          statement = rg_session_editor_add_statement (editor, partner, dimension, NULL,
                                                       RG_STATEMENT_KIND_FACT, text);
          if (d == 0)
            g_ptr_array_add (ids, (char *) rg_statement_get_id (statement));
        }
    }

  g_ptr_array_add (ids, NULL);
  link = rg_session_editor_add_link (editor, RG_LINK_TYPE_DIVERGENCE,
                                     (const char * const *) ids->pdata, &error);
  g_assert_no_error (error);
  rg_session_editor_set_link_note (editor, link, "Note de départ");

  return g_steal_pointer (&session);
}

/* Puts the sessions in @folder, as the app saves them */
static void
prepare_sessions (const char *folder)
{
  g_autofree char *example = rg_test_example_path ();
  g_autoptr(GError) error = NULL;
  RgSession *sessions[N_SESSIONS];

  sessions[0] = rg_test_load_session (example);
  sessions[1] = prepare_from_template ("school-team", "Revue CE2");
  sessions[2] = prepare_from_template ("pre", "Revue CM2");

  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_autofree char *path = g_build_filename (folder, session_names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RgDocument) document = rg_document_new (sessions[i], file);

      rg_document_save (document, NULL, &error);
      g_assert_no_error (error);
      g_object_unref (sessions[i]);
    }
}

/* The first statements of each session, which both writers edit */
static void
pick_shared_statements (Fixture *fixture)
{
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_autofree char *path = g_build_filename (fixture->a->folder, session_names[i], NULL);
      g_autoptr(RgSession) session = rg_test_load_session (path);
      GListModel *statements = rg_session_get_statements (session);
      guint n = MIN (N_SHARED_STATEMENTS, g_list_model_get_n_items (statements));

      fixture->shared[i] = g_new0 (char *, n + 1);
      for (guint s = 0; s < n; s++)
        {
          g_autoptr(RgStatement) statement = g_list_model_get_item (statements, s);

          fixture->shared[i][s] = g_strdup (rg_statement_get_id (statement));
        }
    }
}

/* }}} */
/* {{{ A writer: edits, and saves as the session window does */

static void schedule_autosave (Copy *copy);

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Copy *copy = user_data;
  Writer *writer = copy->writer;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  copy->saving = FALSE;
  writer->n_saves++;

  /* A save that met another program's version merged it first, and
   * wrote the result. */
  label = g_strdup_printf ("%s, merged first", copy->save_label);
  history_saving (writer->history, rg_document_get_checksum (copy->document), label);

  if (rg_document_save_finish (RG_DOCUMENT (object), result, &error))
    history_event (writer->history, copy - writer->copies, "%s written", copy->save_label);
  else
    {
      history_event (writer->history, copy - writer->copies, "%s failed: %s",
                     copy->save_label, error->message);
      /* The window says so and goes on; so does the writer. */
      if (g_error_matches (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CONFLICT))
        writer->n_save_conflicts++;
      else
        writer->n_save_errors++;
      g_test_message ("writer %c: %s", writer->letter, error->message);
    }

  /* What was typed during the save goes out next. */
  schedule_autosave (copy);
}

static gboolean
autosave_cb (gpointer user_data)
{
  Copy *copy = user_data;
  Writer *writer = copy->writer;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *checksum = NULL;

  copy->autosave_source = 0;
  if (copy->saving || !rg_document_get_modified (copy->document))
    return G_SOURCE_REMOVE;

  copy->saving = TRUE;
  g_free (copy->save_label);
  copy->save_label = g_strdup_printf ("%c's save %u", writer->letter, ++writer->n_saves_started);
  contents = rg_session_to_bytes (rg_document_get_session (copy->document));
  checksum = checksum_of (contents);
  history_saving (writer->history, checksum, copy->save_label);
  history_event (writer->history, copy - writer->copies, "%s starts", copy->save_label);
  rg_document_save_async (copy->document, NULL, save_cb, copy);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (Copy *copy)
{
  if (copy->autosave_source != 0 || copy->saving || !rg_document_get_modified (copy->document))
    return;

  copy->autosave_source = g_timeout_add (AUTOSAVE_MS, autosave_cb, copy);
}

static gboolean
copy_is_idle (Copy *copy)
{
  return copy->autosave_source == 0 && !copy->saving &&
         !rg_document_get_modified (copy->document);
}

static char *
append_word (const char *text,
             const char *word)
{
  if (text == NULL || *text == '\0')
    return g_strdup (word);

  return g_strconcat (text, " ", word, NULL);
}

static gpointer
pick_item (GRand      *rand,
           GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  return n > 0 ? g_list_model_get_item (model, g_rand_int_range (rand, 0, n)) : NULL;
}

/* One of the statements both writers edit, if the session still has one */
static RgStatement *
pick_shared_statement (Writer    *writer,
                       guint      index,
                       RgSession *session)
{
  GStrv ids = writer->shared[index];
  guint n = g_strv_length (ids);
  RgStatement *statement;

  if (n == 0)
    return NULL;

  statement = rg_session_find_statement (session, ids[g_rand_int_range (writer->rand, 0, n)]);
  return statement != NULL ? g_object_ref (statement) : NULL;
}

/* Makes one edit, with its own word, in a session picked at random */
static void
make_edit (Writer *writer)
{
  guint index = g_rand_int_range (writer->rand, 0, N_SESSIONS);
  Copy *copy = &writer->copies[index];
  RgSession *session = rg_document_get_session (copy->document);
  guint roll = g_rand_int_range (writer->rand, 0, 100);
  g_autoptr(RgStatement) statement = NULL;
  g_autoptr(RgLink) link = NULL;
  Edit *edit = g_new0 (Edit, 1);

  edit->word = g_strdup_printf ("%c-%03u", writer->letter, ++writer->n_edits);
  edit->session = index;
  edit->time = g_get_monotonic_time ();

  if (roll >= 85 && (link = pick_item (writer->rand, rg_session_get_links (session))) != NULL)
    {
      g_autofree char *note = append_word (rg_link_get_note (link), edit->word);

      edit->kind = EDIT_LINK_NOTE;
      rg_session_editor_set_link_note (copy->editor, link, note);
    }
  else if (roll >= 70)
    {
      g_autoptr(RgDimension) dimension = pick_item (writer->rand,
                                                    rg_session_get_dimensions (session));
      g_autofree char *synthesis = append_word (rg_dimension_get_synthesis (dimension),
                                                edit->word);

      edit->kind = EDIT_SYNTHESIS;
      rg_session_editor_set (copy->editor, "Edit synthesis", dimension, "synthesis", synthesis);
    }
  else if (roll >= 30 && roll < 50 &&
           (statement = pick_shared_statement (writer, index, session)) != NULL)
    {
      g_autofree char *text = append_word (rg_statement_get_text (statement), edit->word);

      edit->kind = EDIT_SHARED_STATEMENT;
      rg_session_editor_set (copy->editor, "Edit statement", statement, "text", text);
    }
  else if (roll >= 30 &&
           (statement = pick_item (writer->rand, rg_session_get_statements (session))) != NULL)
    {
      g_autofree char *text = append_word (rg_statement_get_text (statement), edit->word);

      edit->kind = EDIT_STATEMENT;
      rg_session_editor_set (copy->editor, "Edit statement", statement, "text", text);
    }
  else
    {
      g_autoptr(RgPartner) partner = pick_item (writer->rand, rg_session_get_partners (session));
      g_autoptr(RgDimension) dimension = pick_item (writer->rand,
                                                    rg_session_get_dimensions (session));
      RgStatementKind kind = g_rand_int_range (writer->rand, 0, RG_STATEMENT_KIND_PROPOSAL + 1);

      edit->kind = EDIT_NEW_STATEMENT;
      rg_session_editor_add_statement (copy->editor, partner, dimension, NULL, kind, edit->word);
    }

  g_ptr_array_add (writer->edits, edit);
  history_event (writer->history, index, "%c edits %s: %s", writer->letter,
                 edit_kind_names[edit->kind], edit->word);
}

static void schedule_edit (Writer *writer);

static gboolean
edit_cb (gpointer user_data)
{
  Writer *writer = user_data;

  writer->edit_source = 0;
  if (writer->n_edits >= writer->max_edits || g_get_monotonic_time () >= writer->deadline)
    return G_SOURCE_REMOVE;

  make_edit (writer);
  schedule_edit (writer);

  return G_SOURCE_REMOVE;
}

static void
schedule_edit (Writer *writer)
{
  double pause = g_rand_double_range (writer->rand, PAUSE_MIN_S, PAUSE_MAX_S);

  writer->edit_source = g_timeout_add ((guint) (pause * 1000), edit_cb, writer);
}

static void
on_merged (RgDocument *document,
           guint       n_conflicts,
           Copy       *copy)
{
  Writer *writer = copy->writer;

  writer->n_merges++;
  writer->n_merge_conflicts += n_conflicts;
  history_event (writer->history, copy - writer->copies, "%c merges what is on disk: %u conflicts",
                 writer->letter, n_conflicts);
}

/* Opens the writer's copies of the sessions, as the window opens a file,
 * and watches them as the window does */
static void
writer_open (Writer *writer)
{
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      Copy *copy = &writer->copies[i];
      g_autofree char *path = g_build_filename (writer->folder, session_names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      copy->writer = writer;
      copy->document = rg_document_new_from_file (file, NULL, &error);
      g_assert_no_error (error);
      copy->editor = rg_session_editor_new (rg_document_get_session (copy->document));
      g_signal_connect_swapped (copy->document, "notify::modified",
                                G_CALLBACK (schedule_autosave), copy);

      /* What the other writer wrote, brought by Syncthing, is merged in. */
      g_signal_connect (copy->document, "merged", G_CALLBACK (on_merged), copy);
      rg_document_watch (copy->document);
    }
}

static gboolean
writer_is_idle (Writer *writer)
{
  if (writer->edit_source != 0)
    return FALSE;

  for (guint i = 0; i < N_SESSIONS; i++)
    if (writer->copies[i].document != NULL && !copy_is_idle (&writer->copies[i]))
      return FALSE;

  return TRUE;
}

static void
writer_close (Writer *writer)
{
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      Copy *copy = &writer->copies[i];

      g_clear_handle_id (&copy->autosave_source, g_source_remove);
      g_assert_false (copy->saving);
      if (copy->document != NULL)
        g_signal_handlers_disconnect_by_data (copy->document, copy);
      g_clear_pointer (&copy->save_label, g_free);
      g_clear_object (&copy->editor);
      g_clear_object (&copy->document);
    }
  g_clear_handle_id (&writer->edit_source, g_source_remove);
  g_clear_pointer (&writer->rand, g_rand_free);
}

/* }}} */
/* {{{ Counting */

static void
add_words (GHashTable *words,
           const char *text)
{
  g_auto(GStrv) tokens = NULL;

  if (text == NULL)
    return;

  tokens = g_strsplit_set (text, " \t\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      g_hash_table_add (words, g_strdup (tokens[i]));
}

/* Every word of the other values of the conflicts merges recorded */
static void
add_conflict_words (GHashTable *words,
                    RgSession  *session)
{
  GListModel *conflicts = rg_session_get_conflicts (session);

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(RgConflict) conflict = g_list_model_get_item (conflicts, i);

      add_words (words, rg_conflict_get_theirs (conflict));
    }
}

/* Every word of the texts an edit may have written: statements,
 * syntheses, link notes. */
static void
add_session_words (GHashTable *words,
                   RgSession  *session)
{
  GListModel *statements = rg_session_get_statements (session);
  GListModel *dimensions = rg_session_get_dimensions (session);
  GListModel *links = rg_session_get_links (session);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      add_words (words, rg_statement_get_text (statement));
    }
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      add_words (words, rg_dimension_get_synthesis (dimension));
    }
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      add_words (words, rg_link_get_note (link));
    }
}

/* The session in @folder/@name, which must load as the window loads it */
static RgDocument *
load_final (const char *folder,
            const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RgDocument *document = rg_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* The forks left beside the sessions in @folder, and in @words what
 * those that are sessions hold */
static GPtrArray *
collect_forks (const char *folder,
               GHashTable *words)
{
  g_autoptr(GPtrArray) names = list_files (folder);
  GPtrArray *forks = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RgDocument) document = NULL;

      if (!is_fork (name))
        continue;

      g_ptr_array_add (forks, g_strdup (name));
      if ((document = rg_document_new_from_file (file, NULL, NULL)) != NULL)
        add_session_words (words, rg_document_get_session (document));
    }

  return forks;
}

/* How many of the @lost edits come back when the copies of the
 * sessions left in @shared are merged into them as the library offers
 * to. Not asked of the test: it tells how much a coordinator could
 * still recover by hand. Works on a copy of the folder, in @folder, so
 * that the shared one is kept as the run left it. */
static guint
count_recovered (const char *shared,
                 const char *folder,
                 GPtrArray  *forks,
                 GPtrArray  *lost)
{
  g_autofree char *database = g_build_filename (g_get_user_cache_dir (), "sync-library.db", NULL);
  g_autoptr(GPtrArray) names = list_files (shared);
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint recovered = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GBytes) contents = read_file (shared, name);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_nonnull (contents);
      g_file_set_contents (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                           &error);
      g_assert_no_error (error);
    }

  library = rg_library_new (folder, database, &error);
  g_assert_no_error (error);

  /* Oldest first, as their names sort. */
  for (guint i = 0; i < forks->len; i++)
    {
      const char *name = g_ptr_array_index (forks, i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) copy = g_file_new_for_path (path);
      g_autoptr(GError) merge_error = NULL;

      if (!g_str_has_suffix (name, ".regards"))
        continue;
      if (!rg_library_merge_conflict_copy (library, copy, NULL, NULL, NULL, &merge_error))
        g_test_message ("merging %s: %s", name, merge_error->message);
    }

  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_autoptr(RgDocument) document = load_final (folder, session_names[i]);

      add_session_words (words, rg_document_get_session (document));
      add_conflict_words (words, rg_document_get_session (document));
    }

  for (guint i = 0; i < lost->len; i++)
    if (g_hash_table_contains (words, ((Edit *) g_ptr_array_index (lost, i))->word))
      recovered++;

  return recovered;
}

/* }}} */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  fixture->root = g_strdup (user_data);
  fixture->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);

  if (!rg_test_syncthing_available ())
    return;

  fixture->a = rg_test_syncthing_new (fixture->root, "a");
  fixture->b = rg_test_syncthing_new (fixture->root, "b");
  rg_test_syncthing_pair (fixture->a, fixture->b);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  for (guint w = 0; w < G_N_ELEMENTS (fixture->writers); w++)
    writer_close (&fixture->writers[w]);

  /* Stopped even when the test failed; its folders are kept then. */
  g_clear_pointer (&fixture->a, rg_test_syncthing_free);
  g_clear_pointer (&fixture->b, rg_test_syncthing_free);
  if (!g_test_failed ())
    remove_tree (fixture->root);
  else
    g_test_message ("the folders are kept in %s", fixture->root);

  history_stop (&fixture->history);
  for (guint i = 0; i < N_SESSIONS; i++)
    g_clear_pointer (&fixture->shared[i], g_strfreev);
  g_clear_pointer (&fixture->edits, g_ptr_array_unref);
  g_clear_pointer (&fixture->root, g_free);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

/* Runs the main context until both instances see each other */
static void
wait_connected (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + CONNECT_SECONDS * G_USEC_PER_SEC;

  while (!(rg_test_syncthing_is_connected (fixture->a, fixture->b) &&
           rg_test_syncthing_is_connected (fixture->b, fixture->a)))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The two Syncthing instances did not connect within %d s; see %s/*-home/syncthing.log",
                 CONNECT_SECONDS, fixture->root);
      rg_test_run_main_context (250);
    }
}

/* Runs the main context until both folders hold the same files and
 * Syncthing says it has nothing left to do, three checks in a row a
 * second apart, the writers having nothing left to save. */
static gboolean
wait_converged (Fixture  *fixture,
                guint     seconds,
                char    **why)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint stable = 0;

  for (guint second = 0; stable < STABLE_CHECKS; second++)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;

      /* What it waits for, now and then, for the log. */
      if (second > 0 && second % 10 == 0)
        g_test_message ("still waiting: %s", *why);

      rg_test_run_main_context (1000);

      if (!writer_is_idle (&fixture->writers[0]) || !writer_is_idle (&fixture->writers[1]))
        {
          g_free (*why);
          *why = g_strdup ("a writer still has changes to save");
          stable = 0;
          continue;
        }

      rg_test_syncthing_scan (fixture->a);
      rg_test_syncthing_scan (fixture->b);
      if (!rg_test_syncthing_is_in_sync (fixture->a, fixture->b, why) ||
          !folders_identical (fixture->a->folder, fixture->b->folder, why))
        {
          stable = 0;
          continue;
        }

      stable++;
    }

  return TRUE;
}

/* Starts both engines on the sessions put in the first folder, and
 * waits until the second has them too. */
static void
share_sessions (Fixture *fixture)
{
  g_autofree char *why = NULL;
  gint64 start = g_get_monotonic_time ();

  prepare_sessions (fixture->a->folder);
  rg_test_syncthing_start (fixture->a);
  rg_test_syncthing_start (fixture->b);
  wait_connected (fixture);
  g_test_message ("connected after %.1f s", (g_get_monotonic_time () - start) / 1e6);

  if (!wait_converged (fixture, CONVERGE_SECONDS, &why))
    g_error ("The sessions did not reach the second folder: %s", why);
  g_test_message ("sessions shared after %.1f s", (g_get_monotonic_time () - start) / 1e6);
}

/* Both writers edit until they made @max_edits each or the time is
 * up, then save what they have left. */
static void
run_writers (Fixture *fixture,
             guint    max_edits,
             guint32  seed)
{
  gint64 start = g_get_monotonic_time ();

  pick_shared_statements (fixture);
  history_start (&fixture->history, fixture->a->folder, fixture->b->folder);

  for (guint w = 0; w < G_N_ELEMENTS (fixture->writers); w++)
    {
      Writer *writer = &fixture->writers[w];

      writer->letter = "AB"[w];
      writer->folder = w == 0 ? fixture->a->folder : fixture->b->folder;
      writer->rand = g_rand_new_with_seed (seed + w);
      writer->edits = fixture->edits;
      writer->history = &fixture->history;
      writer->shared = fixture->shared;
      writer->max_edits = max_edits;
      writer->deadline = start + EDITING_SECONDS * G_USEC_PER_SEC;
      writer_open (writer);
      schedule_edit (writer);
    }

  while (!writer_is_idle (&fixture->writers[0]) || !writer_is_idle (&fixture->writers[1]))
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("editing took %.1f s", (g_get_monotonic_time () - start) / 1e6);
}

static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  user_data)
{
  guint max_edits = MIN (env_uint ("REGARDS_SYNC_EDITS", DEFAULT_EDITS), MAX_EDITS);
  guint32 seed = env_uint ("REGARDS_SYNC_SEED", g_random_int ());
  gint64 start = g_get_monotonic_time ();
  gint64 saved;
  g_autofree char *why = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) forked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) forks = NULL;
  g_autoptr(GPtrArray) lost = g_ptr_array_new ();
  guint n_present = 0, n_conflicts = 0, n_lost_in_forks = 0;
  guint made[N_EDIT_KINDS] = { 0 }, lost_kind[N_EDIT_KINDS] = { 0 };

  if (fixture->a == NULL)
    {
      g_test_skip ("syncthing is not installed (Debian: apt install syncthing)");
      return;
    }

  g_test_message ("seed %u (REGARDS_SYNC_SEED), %u edits per writer (REGARDS_SYNC_EDITS)",
                  seed, max_edits);
  g_test_message ("folders and Syncthing's logs in %s, kept if the test fails", fixture->root);

  share_sessions (fixture);
  run_writers (fixture, max_edits, seed);

  saved = g_get_monotonic_time ();
  if (!wait_converged (fixture, CONVERGE_SECONDS, &why))
    g_error ("The folders did not converge within %d s: %s", CONVERGE_SECONDS, why);
  g_test_message ("converged %.1f s after the last edit was saved",
                  (g_get_monotonic_time () - saved) / 1e6);

  for (guint w = 0; w < G_N_ELEMENTS (fixture->writers); w++)
    {
      Writer *writer = &fixture->writers[w];

      g_test_message ("writer %c: %u edits, %u saves, %u saved to a conflict copy, %u failed, "
                      "%u merges recording %u conflicts",
                      writer->letter, writer->n_edits, writer->n_saves,
                      writer->n_save_conflicts, writer->n_save_errors,
                      writer->n_merges, writer->n_merge_conflicts);
      writer_close (writer);
    }

  /* What the sessions hold, each loading in both folders, which are
   * the same by now; and what was put beside them instead. */
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_autoptr(RgDocument) document = load_final (fixture->a->folder, session_names[i]);
      g_autoptr(RgDocument) other = load_final (fixture->b->folder, session_names[i]);

      add_session_words (present, rg_document_get_session (document));
      add_conflict_words (conflicts, rg_document_get_session (document));
    }
  forks = collect_forks (fixture->a->folder, forked);

  for (guint i = 0; i < fixture->edits->len; i++)
    {
      Edit *edit = g_ptr_array_index (fixture->edits, i);

      made[edit->kind]++;
      if (g_hash_table_contains (present, edit->word))
        n_present++;
      else if (g_hash_table_contains (conflicts, edit->word))
        n_conflicts++;
      else
        {
          g_ptr_array_add (lost, edit);
          lost_kind[edit->kind]++;
          if (g_hash_table_contains (forked, edit->word))
            n_lost_in_forks++;
          history_tell (&fixture->history, edit);
        }
    }

  g_test_message ("edits made %u / present %u / shown as conflicts %u / lost %u",
                  fixture->edits->len, n_present, n_conflicts, lost->len);
  for (guint k = 0; k < N_EDIT_KINDS; k++)
    g_test_message ("  %s: %u made, %u lost", edit_kind_names[k], made[k], lost_kind[k]);
  for (guint i = 0; i < forks->len; i++)
    g_test_message ("left beside the sessions: %s", (char *) g_ptr_array_index (forks, i));
  if (lost->len > 0)
    {
      g_autoptr(GString) words = g_string_new (NULL);
      g_autofree char *merged = NULL;

      for (guint i = 0; i < lost->len; i++)
        g_string_append_printf (words, " %s", ((Edit *) g_ptr_array_index (lost, i))->word);
      g_test_message ("lost:%s; %u of them in a copy beside the session", words->str,
                      n_lost_in_forks);

      merged = g_build_filename (fixture->root, "a-merged", NULL);
      g_test_message ("%u of them back once the copies are merged as the library offers",
                      count_recovered (fixture->a->folder, merged, forks, lost));
    }
  g_test_message ("whole run %.1f s", (g_get_monotonic_time () - start) / 1e6);

  g_assert_cmpuint (lost->len, ==, 0);
  g_assert_cmpuint (forks->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/syncthing/two-writers", Fixture, root,
              fixture_setup, test_two_writers, fixture_teardown);

  return g_test_run ();
}
