/* rg-library-private.h — what the files of the library share
 *
 * rg-library.c        the object: folder, notice, monitor, public API
 * rg-library-connection.c  the one connection to an index, shared
 * rg-library-index.c  the SQLite database: schema, recovery, writes, queries
 * rg-library-conflict.c    conflict copies: their names, merging them
 * rg-library-record.c what of a session goes into the index
 * rg-library-scan.c   the scan of the folder, off the main thread
 * rg-library-sittings.c    team sittings: their tables and list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rg-library.h"
#include "rg-library-entry-private.h"

G_BEGIN_DECLS

/* Bump when the tables change: an index of another version is set aside
 * and rebuilt from the files. */
#define RG_LIBRARY_SCHEMA_VERSION 6


/* What of one session the index keeps. Built from a loaded session, so a
 * file is indexed exactly as the application reads it. */
typedef struct
{
  char *id;
  char *name;
  char *profession;
  char *institution;
  char *role;
  char *contribution_asked;      /* YYYY-MM-DD or NULL */
  char *contribution_received;   /* YYYY-MM-DD or NULL */
} RgLibraryRecordPartner;

/* The objects of a session the coordinator's desk follows from one day to
 * the next (rg-attention.c): words as the file writes them, dates
 * `YYYY-MM-DD` or NULL, texts NULL when empty. */
typedef struct
{
  char *id;
  char *what;
  char *due;
  char *status;     /* planned, in-progress, done, cancelled */
} RgLibraryRecordAction;

typedef struct
{
  char *id;
  char *type;       /* agreement, divergence, complement, clarify */
  char *status;     /* open, settled */
  char *note;
} RgLibraryRecordLink;

typedef struct
{
  char     *id;     /* the id of the link of the session before */
  char     *type;   /* divergence, clarify */
  gboolean  reviewed;
  char     *note;
} RgLibraryRecordReviewItem;

typedef struct
{
  char     *id;
  char     *date;
  gboolean  to_confirm;
} RgLibraryRecordConsent;

typedef struct
{
  char     *id;
  gboolean  agreed;
  gboolean  met;
} RgLibraryRecordCriterion;

typedef struct
{
  char      *id;
  char      *kind;
  char      *status;
  char      *title;
  char      *date;
  char      *situation_id;
  char      *situation_label;
  char      *situation_code;
  char      *next_review;
  GArray    *partners;            /* of RgLibraryRecordPartner */
  GPtrArray *dimensions;          /* of char*, the names */
  char      *partners_summary;    /* "Name (profession), …" */
  char      *situation_text;      /* label, code, person names */
  GString   *body;                /* every other text, one per line */
  char      *digest;              /* of all the above, see _rg_library_record_finish () */
  guint      n_statements;
  guint      n_agreements;
  guint      n_divergences;
  guint      n_complements;
  guint      n_clarifications;
  guint      n_open_divergences;
  GArray    *actions;             /* of RgLibraryRecordAction */
  GArray    *links;               /* of RgLibraryRecordLink */
  GArray    *review_items;        /* of RgLibraryRecordReviewItem */
  GArray    *consents;            /* of RgLibraryRecordConsent */
  GArray    *criteria;            /* of RgLibraryRecordCriterion */
} RgLibraryRecord;

RgLibraryRecord *_rg_library_record_new              (void);
void             _rg_library_record_finish           (RgLibraryRecord  *record);
RgLibraryRecord *_rg_library_record_new_from_session (RgSession        *session);
void             _rg_library_record_free             (RgLibraryRecord  *record);
RgLibraryRecordAction     *_rg_library_record_add_action      (RgLibraryRecord *record);
RgLibraryRecordLink       *_rg_library_record_add_link        (RgLibraryRecord *record);
RgLibraryRecordReviewItem *_rg_library_record_add_review_item (RgLibraryRecord *record);
RgLibraryRecordConsent    *_rg_library_record_add_consent     (RgLibraryRecord *record);
RgLibraryRecordCriterion  *_rg_library_record_add_criterion   (RgLibraryRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgLibraryRecord, _rg_library_record_free)

GBytes          *_rg_library_read_file               (const char       *path,
                                                      GError          **error);

/* Loads one file the way the application does; on failure the error says
 * why, in words for the coordinator. */
RgLibraryRecord *_rg_library_record_load             (const char       *path,
                                                      GBytes           *bytes,
                                                      GError          **error);

/* The record of a plain, current session file read straight from its XML,
 * without the loader's checks; NULL when the file needs the loader. */
RgLibraryRecord *_rg_library_record_extract          (GBytes           *bytes);

/* One connection to the index, with its prepared statements. A
 * connection is used by one thread at a time. */
typedef struct _RgLibraryDb RgLibraryDb;

/* Why an existing index was set aside at open. */
typedef enum
{
  RG_LIBRARY_DB_OPENED,         /* an existing, usable index */
  RG_LIBRARY_DB_CREATED,        /* no index before: a new, empty one */
  RG_LIBRARY_DB_WAS_CORRUPT,    /* damaged: set aside, a new one made */
  RG_LIBRARY_DB_WAS_UNKNOWN,    /* another schema version: likewise */
  RG_LIBRARY_DB_WAS_UNWRITABLE, /* we may not write it: likewise */
  RG_LIBRARY_DB_TEMPORARY,      /* no index file could be used: one in memory */
} RgLibraryDbOpenResult;

/* The state of a file the last time it was indexed. */
typedef struct
{
  gint64    id;
  gint64    size;
  gint64    mtime;     /* nanoseconds since the epoch */
  gboolean  failed;
  gboolean  verified;  /* the loader checked this version */
  char     *digest;    /* of its record */
} RgLibraryFileState;

void         _rg_library_file_state_free  (RgLibraryFileState     *state);

RgLibraryDb *_rg_library_db_open          (const char             *path,
                                           RgLibraryDbOpenResult  *result,
                                           GError                **error);
RgLibraryDb *_rg_library_db_open_temporary (GError               **error);
gboolean     _rg_library_db_get_filled    (RgLibraryDb            *db,
                                           gboolean               *filled,
                                           GError                **error);
gboolean     _rg_library_db_set_filled    (RgLibraryDb            *db,
                                           GError                **error);
void         _rg_library_db_close         (RgLibraryDb            *db);
gboolean     _rg_library_db_set_aside     (const char             *path,
                                           GError                **error);
gboolean     _rg_library_db_begin         (RgLibraryDb            *db,
                                           GError                **error);
gboolean     _rg_library_db_commit        (RgLibraryDb            *db,
                                           GError                **error);
void         _rg_library_db_rollback      (RgLibraryDb            *db);
GHashTable  *_rg_library_db_list_files    (RgLibraryDb            *db,
                                           GError                **error);
gboolean     _rg_library_db_get_file      (RgLibraryDb            *db,
                                           const char             *relpath,
                                           RgLibraryFileState     *state,
                                           gboolean               *found,
                                           GError                **error);
gboolean     _rg_library_db_put           (RgLibraryDb            *db,
                                           const char             *relpath,
                                           gint64                  size,
                                           gint64                  mtime,
                                           const RgLibraryRecord  *record,
                                           const char             *error_message,
                                           gboolean                verified,
                                           GError                **error);
gboolean     _rg_library_db_purge         (RgLibraryDb            *db,
                                           GError                **error);
gboolean     _rg_library_db_set_verified  (RgLibraryDb            *db,
                                           const char             *relpath,
                                           gint64                  size,
                                           gint64                  mtime,
                                           GError                **error);
gboolean     _rg_library_db_delete        (RgLibraryDb            *db,
                                           const char             *relpath,
                                           gboolean               *deleted,
                                           GError                **error);
GPtrArray   *_rg_library_db_query         (RgLibraryDb            *db,
                                           const char             *folder,
                                           const RgLibraryQuery   *query,
                                           GError                **error);
gboolean     _rg_library_db_count         (RgLibraryDb            *db,
                                           const RgLibraryQuery   *query,
                                           guint                  *n_sessions,
                                           GError                **error);
char        *_rg_library_db_query_sql     (const RgLibraryQuery   *query,
                                           GError                **error);
GPtrArray   *_rg_library_db_list_failures (RgLibraryDb            *db,
                                           const char             *folder,
                                           GError                **error);
GPtrArray   *_rg_library_db_list_situations (RgLibraryDb          *db,
                                             const char           *folder,
                                             const RgLibraryQuery *query,
                                             const char           *today,
                                             GError              **error);
GPtrArray   *_rg_library_db_list_attention  (RgLibraryDb          *db,
                                             const char           *folder,
                                             const char           *today,
                                             guint                 retention_years,
                                             GError              **error);

/* For the files of this folder that run their own SQL on the connection
 * (rg-library-select.c, rg-library-sittings.c): its handle, a statement
 * run whole, a failure of SQLite reported as the index's (damage gets
 * its own code). */
sqlite3     *_rg_library_db_get_handle    (RgLibraryDb            *db);
gboolean     _rg_library_db_exec          (RgLibraryDb            *db,
                                           const char             *sql,
                                           GError                **error);
void         _rg_library_db_set_error     (RgLibraryDb            *db,
                                           int                     rc,
                                           GError                **error);

/* Runs @func on the library's index under its lock, as every search does
 * (rg-library.c): an index that fails is made again and @func runs
 * again; with @must_be_filled, an index never filled is filled first. */
typedef gboolean (*RgLibraryDbFunc) (RgLibrary    *self,
                                     RgLibraryDb  *db,
                                     gpointer      data,
                                     GError      **error);

gboolean     _rg_library_run_with_db      (RgLibrary              *self,
                                           RgLibraryDbFunc         func,
                                           gpointer                data,
                                           gboolean                must_be_filled,
                                           GError                **error);

/* Turns text typed by a user into an FTS5 expression that cannot be a
 * syntax error: every word quoted, the last one a prefix. %NULL when the
 * text has no word. @column_filter, if given, is put in front, e.g.
 * "{name profession}". */
char        *_rg_library_fts_expression   (const char             *text,
                                           const char             *column_filter);

/* The one connection of this process to an index file, which every
 * library and scan of that index shares, under its lock
 * (rg-library-connection.c). */
typedef struct _RgLibraryConnection RgLibraryConnection;

RgLibraryConnection *_rg_library_connection_get        (const char             *path);
void                 _rg_library_connection_unref      (RgLibraryConnection    *conn);
RgLibraryDb         *_rg_library_connection_lock       (RgLibraryConnection    *conn,
                                                        RgLibraryDbOpenResult  *opened,
                                                        GError                **error);
void                 _rg_library_connection_unlock     (RgLibraryConnection    *conn);
guint                _rg_library_connection_get_generation (RgLibraryConnection *conn);
gboolean             _rg_library_connection_get_needs_fill (RgLibraryConnection *conn);
void                 _rg_library_connection_set_filled (RgLibraryConnection    *conn,
                                                        guint                   generation);
RgLibraryDb         *_rg_library_connection_replace    (RgLibraryConnection    *conn,
                                                        guint                   seen_generation,
                                                        const GError           *why,
                                                        gboolean                temporary,
                                                        RgLibraryDbOpenResult  *result,
                                                        GError                **error);
void                 _rg_library_connection_fill_started (RgLibraryConnection  *conn);
void                 _rg_library_connection_fill_ended (RgLibraryConnection    *conn);
gboolean             _rg_library_connection_is_being_filled (RgLibraryConnection *conn);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgLibraryConnection, _rg_library_connection_unref)

/* The scan: walks the folder (or looks at @only_paths, relative paths,
 * when given), then adds, updates and removes rows. Runs in any thread,
 * on the connection, whose lock it takes for each batch of writes. */
typedef struct
{
  const char          *folder;
  RgLibraryConnection *connection;
  GPtrArray           *only_paths;
  RgLibraryScanFlags   flags;
  GCancellable        *cancellable;
  /* Called in the scanning thread once new and changed files are in the
   * index, before they are checked. */
  void               (*indexed) (gpointer       user_data);
  /* Called in the scanning thread when the index failed (damaged, cannot
   * be written…) under the scan, which saw @generation of it: puts
   * another in its place, then the scan starts again. */
  gboolean           (*recover) (gpointer       user_data,
                                 guint          generation,
                                 const GError  *why,
                                 guint          attempt,
                                 GError       **error);
  gpointer             user_data;
} RgLibraryScanParams;

RgLibraryScanResult *_rg_library_scan_run (const RgLibraryScanParams  *params,
                                           GError                    **error);

RgLibraryScanResult *_rg_library_scan_result_new (void);

struct _RgLibraryScanResult
{
  gatomicrefcount  ref_count;
  guint            n_added;
  guint            n_updated;
  guint            n_removed;
  guint            n_failed;
  guint            n_unchanged;
  guint            n_unchecked;
  GListStore      *failures;
  GPtrArray       *folders;     /* relative paths of the folders seen */
  gboolean         full_walk;
  guint            n_sittings_changed;  /* sitting files added, updated or removed */
};

/* Whether @name is a session file the library indexes: ending in
 * .regards, and not a file other programs (or our saves) write while
 * they work: hidden, or named as a sync engine's download. */
gboolean _rg_library_is_session_name   (const char *name);

/* Whether the scan would index the file at @relpath: a session name, no
 * hidden folder on the way, not too deep. */
gboolean _rg_library_is_indexable_path (const char *relpath);

/* The same for sitting files, ending in .regards-sitting (one pass of
 * the scan indexes them, rg-library-sittings.c). */
gboolean _rg_library_is_sitting_name           (const char *name);
gboolean _rg_library_is_indexable_sitting_path (const char *relpath);

gboolean _rg_library_error_is_corrupt (const GError *error);
gboolean _rg_library_error_is_index   (const GError *error);

/* Tells the index that @file now holds @session, and that @gone is gone
 * (either may be %NULL), from any thread: RgLibrary::changed is emitted
 * in the library's. Files outside the library folder are ignored. */
gboolean _rg_library_update_from_any_thread (RgLibrary  *self,
                                             GFile      *file,
                                             RgSession  *session,
                                             GFile      *gone,
                                             GError    **error);

/* After files were erased for good (rg-retention.c): nothing of their
 * rows is left in the index's files, nor in an index set aside. */
gboolean _rg_library_purge (RgLibrary  *self,
                            GError    **error);

G_END_DECLS
