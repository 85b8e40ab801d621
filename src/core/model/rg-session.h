/* rg-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-action.h"
#include "rg-category.h"
#include "rg-conflict.h"
#include "rg-consent.h"
#include "rg-criterion.h"
#include "rg-dimension.h"
#include "rg-link.h"
#include "rg-partner.h"
#include "rg-review-item.h"
#include "rg-statement.h"
#include "rg-term.h"
#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_SESSION (rg_session_get_type ())

G_DECLARE_FINAL_TYPE (RgSession, rg_session, RG, SESSION, GObject)

RgSession          *rg_session_new                  (void);
const char         *rg_session_get_id               (RgSession          *self);
const char         *rg_session_get_title            (RgSession          *self);
void                rg_session_set_title            (RgSession          *self,
                                                     const char         *title);
const char         *rg_session_get_date             (RgSession          *self);
void                rg_session_set_date             (RgSession          *self,
                                                     const char         *date);
const char         *rg_session_get_place            (RgSession          *self);
void                rg_session_set_place            (RgSession          *self,
                                                     const char         *place);
const char         *rg_session_get_facilitator      (RgSession          *self);
void                rg_session_set_facilitator      (RgSession          *self,
                                                     const char         *facilitator);
RgSessionStatus     rg_session_get_status           (RgSession          *self);
void                rg_session_set_status           (RgSession          *self,
                                                     RgSessionStatus     status);
RgSessionKind       rg_session_get_kind             (RgSession          *self);
void                rg_session_set_kind             (RgSession          *self,
                                                     RgSessionKind       kind);
const char         *rg_session_get_contributor_id   (RgSession          *self);
void                rg_session_set_contributor_id   (RgSession          *self,
                                                     const char         *partner_id);
const char         *rg_session_get_next_review      (RgSession          *self);
void                rg_session_set_next_review      (RgSession          *self,
                                                     const char         *date);
const char         *rg_session_get_situation_id     (RgSession          *self);
void                rg_session_set_situation_id     (RgSession          *self,
                                                     const char         *situation_id);
const char         *rg_session_get_situation_label  (RgSession          *self);
void                rg_session_set_situation_label  (RgSession          *self,
                                                     const char         *label);
const char         *rg_session_get_situation_code   (RgSession          *self);
void                rg_session_set_situation_code   (RgSession          *self,
                                                     const char         *code);
const char * const *rg_session_get_person_names     (RgSession          *self);
void                rg_session_set_person_names     (RgSession          *self,
                                                     const char * const *names);

/* The objects the session holds: each kind in a list, with the same functions */
GListModel   *rg_session_get_partners (RgSession *self);
void          rg_session_add_partner (RgSession *self, RgPartner *partner);
void          rg_session_insert_partner (RgSession *self, RgPartner *partner, guint position);
void          rg_session_move_partner (RgSession *self, RgPartner *partner, guint position);
gboolean      rg_session_remove_partner (RgSession *self, RgPartner *partner);
RgPartner    *rg_session_find_partner (RgSession *self, const char *id);

GListModel   *rg_session_get_dimensions (RgSession *self);
void          rg_session_add_dimension (RgSession *self, RgDimension *dimension);
void          rg_session_insert_dimension (RgSession *self, RgDimension *dimension, guint position);
void          rg_session_move_dimension (RgSession *self, RgDimension *dimension, guint position);
gboolean      rg_session_remove_dimension (RgSession *self, RgDimension *dimension);
RgDimension  *rg_session_find_dimension (RgSession *self, const char *id);

GListModel   *rg_session_get_statements (RgSession *self);
void          rg_session_add_statement (RgSession *self, RgStatement *statement);
void          rg_session_insert_statement (RgSession *self, RgStatement *statement, guint position);
void          rg_session_move_statement (RgSession *self, RgStatement *statement, guint position);
gboolean      rg_session_remove_statement (RgSession *self, RgStatement *statement);
RgStatement  *rg_session_find_statement (RgSession *self, const char *id);

GListModel   *rg_session_get_links (RgSession *self);
void          rg_session_add_link (RgSession *self, RgLink *link);
void          rg_session_insert_link (RgSession *self, RgLink *link, guint position);
gboolean      rg_session_remove_link (RgSession *self, RgLink *link);
RgLink       *rg_session_find_link (RgSession *self, const char *id);

GListModel   *rg_session_get_terms (RgSession *self);
void          rg_session_add_term (RgSession *self, RgTerm *term);
void          rg_session_insert_term (RgSession *self, RgTerm *term, guint position);
gboolean      rg_session_remove_term (RgSession *self, RgTerm *term);
RgTerm       *rg_session_find_term (RgSession *self, const char *id);

GListModel   *rg_session_get_categories (RgSession *self);
void          rg_session_add_category (RgSession *self, RgCategory *category);
void          rg_session_insert_category (RgSession *self, RgCategory *category, guint position);
gboolean      rg_session_remove_category (RgSession *self, RgCategory *category);
RgCategory   *rg_session_find_category (RgSession *self, const char *id);
RgCriterion  *rg_session_find_criterion (RgSession *self, const char *id, RgCategory **category);

GListModel   *rg_session_get_actions (RgSession *self);
void          rg_session_add_action (RgSession *self, RgAction *action);
void          rg_session_insert_action (RgSession *self, RgAction *action, guint position);
gboolean      rg_session_remove_action (RgSession *self, RgAction *action);
RgAction     *rg_session_find_action (RgSession *self, const char *id);

GListModel   *rg_session_get_consents (RgSession *self);
void          rg_session_add_consent (RgSession *self, RgConsent *consent);
void          rg_session_insert_consent (RgSession *self, RgConsent *consent, guint position);
gboolean      rg_session_remove_consent (RgSession *self, RgConsent *consent);
RgConsent    *rg_session_find_consent (RgSession *self, const char *id);

GListModel   *rg_session_get_review_items (RgSession *self);
void          rg_session_add_review_item (RgSession *self, RgReviewItem *item);
void          rg_session_insert_review_item (RgSession *self, RgReviewItem *item, guint position);
gboolean      rg_session_remove_review_item (RgSession *self, RgReviewItem *item);
RgReviewItem *rg_session_find_review_item (RgSession *self, const char *id);

GListModel   *rg_session_get_conflicts (RgSession *self);
void          rg_session_add_conflict (RgSession *self, RgConflict *conflict);
void          rg_session_insert_conflict (RgSession *self, RgConflict *conflict, guint position);
gboolean      rg_session_remove_conflict (RgSession *self, RgConflict *conflict);
RgConflict   *rg_session_find_conflict (RgSession *self, const char *id);

G_END_DECLS
