/* rg-retention.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-library.h"

G_BEGIN_DECLS

#define RG_RETENTION_ERROR (rg_retention_error_quark ())

/**
 * RgRetentionError:
 * @RG_RETENTION_ERROR_NO_SITUATION: no session of the library belongs to
 *   the situation
 * @RG_RETENTION_ERROR_DELETE_FAILED: a file of the situation could not be
 *   deleted
 *
 * Why a situation could not be erased.
 */
typedef enum
{
  RG_RETENTION_ERROR_NO_SITUATION,
  RG_RETENTION_ERROR_DELETE_FAILED,
} RgRetentionError;

/* What the CNIL's framework for the social sector recommends: keep a
 * situation's files two years after its last session. */
#define RG_RETENTION_DEFAULT_YEARS 2

/**
 * RgRetentionSituation:
 * @id: the situation's id
 * @label: its pseudonymous label
 * @last_date: the date of its last session, `YYYY-MM-DD`
 * @n_sessions: how many session files of the library belong to it
 *
 * A situation kept past the retention period.
 */
typedef struct
{
  char  *id;
  char  *label;
  char  *last_date;
  guint  n_sessions;
} RgRetentionSituation;

/**
 * RgRetentionErased:
 * @n_sessions: session files deleted
 * @n_backups: backups (`NAME~`) deleted
 * @n_temporary: temporary files left by interrupted saves deleted
 * @n_index_rows: rows taken out of the library index
 * @n_kept: files of the index that no longer belong to the situation
 *   (changed since), left as they are
 * @n_conflict_copies: conflict copies of its session files deleted (see
 *   rg_conflict_name_parse ())
 * @n_trashed: files of the situation deleted from the Trash, where they
 *   had been moved from the library folder
 * @n_sittings: team sittings whose agenda listed the situation, rewritten
 *   without it (their backups are counted in @n_backups)
 *
 * What an erase removed.
 */
typedef struct
{
  guint n_sessions;
  guint n_backups;
  guint n_temporary;
  guint n_index_rows;
  guint n_kept;
  guint n_conflict_copies;
  guint n_trashed;
  guint n_sittings;
} RgRetentionErased;

GQuark     rg_retention_error_quark      (void);
void       rg_retention_situation_free   (RgRetentionSituation  *situation);
char      *rg_retention_get_limit_date   (guint                  years,
                                          const char            *today);
GPtrArray *rg_retention_list_situations  (RgLibrary             *library,
                                          const char            *limit_date,
                                          GError               **error);
gboolean   rg_retention_erase_situation  (RgLibrary             *library,
                                          const char            *situation_id,
                                          RgRetentionErased     *erased,
                                          GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgRetentionSituation, rg_retention_situation_free)

G_END_DECLS
