/* rg-contribution.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_CONTRIBUTION_ERROR (rg_contribution_error_quark ())

/**
 * RgContributionError:
 * @RG_CONTRIBUTION_ERROR_NOT_A_CONTRIBUTION: the file is a session, not a
 *   partner's contribution
 * @RG_CONTRIBUTION_ERROR_NO_CONTRIBUTOR: the contribution does not say
 *   which partner it is from
 * @RG_CONTRIBUTION_ERROR_OTHER_SITUATION: it is about another situation
 * @RG_CONTRIBUTION_ERROR_OTHER_SESSION: it was asked for by another
 *   session of the situation
 * @RG_CONTRIBUTION_ERROR_UNKNOWN_PARTNER: its partner is not, or no
 *   longer, a partner of the session
 *
 * Why a whole contribution file was refused.
 */
typedef enum
{
  RG_CONTRIBUTION_ERROR_NOT_A_CONTRIBUTION,
  RG_CONTRIBUTION_ERROR_NO_CONTRIBUTOR,
  RG_CONTRIBUTION_ERROR_OTHER_SITUATION,
  RG_CONTRIBUTION_ERROR_OTHER_SESSION,
  RG_CONTRIBUTION_ERROR_UNKNOWN_PARTNER,
} RgContributionError;

/**
 * RgContributionOutcome:
 * @RG_CONTRIBUTION_OUTCOME_ADDED: a statement added to the session
 * @RG_CONTRIBUTION_OUTCOME_UPDATED: a statement imported before, changed
 *   since in the contribution, and changed in the session
 * @RG_CONTRIBUTION_OUTCOME_SKIPPED: something not imported, with why
 * @RG_CONTRIBUTION_OUTCOME_UNCHANGED: a statement the session holds
 *   already as the contribution has it: nothing to do
 *
 * What importing did with one thing of a contribution.
 */
typedef enum
{
  RG_CONTRIBUTION_OUTCOME_ADDED,
  RG_CONTRIBUTION_OUTCOME_UPDATED,
  RG_CONTRIBUTION_OUTCOME_SKIPPED,
  RG_CONTRIBUTION_OUTCOME_UNCHANGED,
} RgContributionOutcome;

#define RG_TYPE_CONTRIBUTION_ITEM (rg_contribution_item_get_type ())

G_DECLARE_FINAL_TYPE (RgContributionItem, rg_contribution_item, RG, CONTRIBUTION_ITEM, GObject)

#define RG_TYPE_CONTRIBUTION_REPORT (rg_contribution_report_get_type ())

G_DECLARE_FINAL_TYPE (RgContributionReport, rg_contribution_report, RG, CONTRIBUTION_REPORT, GObject)

GQuark                 rg_contribution_error_quark        (void);

RgSession             *rg_contribution_new                (RgSession             *session,
                                                           RgPartner             *partner);
void                   rg_contribution_record_asked       (RgSessionEditor       *editor,
                                                           RgPartner             *partner);

RgContributionReport  *rg_contribution_import             (RgSessionEditor       *editor,
                                                           GFile                **files,
                                                           guint                  n_files,
                                                           GCancellable          *cancellable);
void                   rg_contribution_import_async       (RgSessionEditor       *editor,
                                                           GFile                **files,
                                                           guint                  n_files,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
RgContributionReport  *rg_contribution_import_finish      (RgSessionEditor       *editor,
                                                           GAsyncResult          *result,
                                                           GError               **error);

GListModel            *rg_contribution_report_get_items   (RgContributionReport  *self);
guint                  rg_contribution_report_count       (RgContributionReport  *self,
                                                           RgContributionOutcome  outcome);
guint                  rg_contribution_report_get_n_files (RgContributionReport  *self);

RgContributionOutcome  rg_contribution_item_get_outcome   (RgContributionItem    *self);
const char            *rg_contribution_item_get_file_name (RgContributionItem    *self);
const char            *rg_contribution_item_get_partner   (RgContributionItem    *self);
const char            *rg_contribution_item_get_dimension (RgContributionItem    *self);
const char            *rg_contribution_item_get_text      (RgContributionItem    *self);
const char            *rg_contribution_item_get_reason    (RgContributionItem    *self);

G_END_DECLS
