/* rg-merge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

#define RG_MERGE_ERROR (rg_merge_error_quark ())

/**
 * RgMergeError:
 * @RG_MERGE_ERROR_OTHER_SESSION: the files are not versions of one
 *   session (their ids differ)
 *
 * Why two sessions could not be merged.
 */
typedef enum
{
  RG_MERGE_ERROR_OTHER_SESSION,
} RgMergeError;

/**
 * RgMergeStats:
 * @added: objects of theirs added to ours
 * @removed: objects removed from ours, deleted on the other side
 * @updated: objects of ours (the session itself included) that took
 *   one value of theirs at least
 * @conflicts: conflicts this merge recorded
 *
 * What a merge changed in ours. Criteria count as objects; conflicts
 * another merge recorded, taken from theirs or settled there, do not.
 */
typedef struct
{
  guint added;
  guint removed;
  guint updated;
  guint conflicts;
} RgMergeStats;

GQuark      rg_merge_error_quark         (void);

gboolean    rg_session_merge             (RgSession     *ours,
                                          RgSession     *base,
                                          RgSession     *theirs,
                                          RgMergeStats  *stats,
                                          GError       **error);
gboolean    rg_session_merge_at          (RgSession     *ours,
                                          RgSession     *base,
                                          RgSession     *theirs,
                                          GDateTime     *now,
                                          RgMergeStats  *stats,
                                          GError       **error);
guint       rg_session_count_differences (RgSession     *a,
                                          RgSession     *b);

const char *rg_merge_get_field_label     (RgObjectKind   kind,
                                          const char    *field);
char       *rg_merge_dup_ours            (RgSession     *session,
                                          RgConflict    *conflict);
gboolean    rg_merge_can_set_field       (RgSession     *session,
                                          RgConflict    *conflict,
                                          const char    *value);
void        rg_merge_set_field           (RgSession     *session,
                                          RgConflict    *conflict,
                                          const char    *value);

G_END_DECLS
