/* rg-library-situation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rg-types.h"

G_BEGIN_DECLS

/**
 * RgConsentState:
 * @RG_CONSENT_STATE_NONE: no consent recorded in the latest session
 * @RG_CONSENT_STATE_RECORDED: recorded, less than a year old
 * @RG_CONSENT_STATE_TO_CONFIRM: carried by a follow-up, to confirm with
 *   the family
 * @RG_CONSENT_STATE_OLD: the newest consent is more than a year old
 *
 * Where the family's consent stands in the latest session of a situation.
 */
typedef enum
{
  RG_CONSENT_STATE_NONE,
  RG_CONSENT_STATE_RECORDED,
  RG_CONSENT_STATE_TO_CONFIRM,
  RG_CONSENT_STATE_OLD,
} RgConsentState;

#define RG_TYPE_CONSENT_STATE (rg_consent_state_get_type ())
GType rg_consent_state_get_type (void) G_GNUC_CONST;

#define RG_TYPE_LIBRARY_SITUATION (rg_library_situation_get_type ())

G_DECLARE_FINAL_TYPE (RgLibrarySituation, rg_library_situation, RG, LIBRARY_SITUATION, GObject)

const char      *rg_library_situation_get_id                 (RgLibrarySituation *self);
const char      *rg_library_situation_get_label              (RgLibrarySituation *self);
const char      *rg_library_situation_get_code               (RgLibrarySituation *self);
guint            rg_library_situation_get_n_sessions         (RgLibrarySituation *self);
const char      *rg_library_situation_get_last_date          (RgLibrarySituation *self);
RgSessionStatus  rg_library_situation_get_last_status        (RgLibrarySituation *self);
const char      *rg_library_situation_get_last_path          (RgLibrarySituation *self);
const char      *rg_library_situation_get_next_review        (RgLibrarySituation *self);
guint            rg_library_situation_get_n_open_divergences (RgLibrarySituation *self);
guint            rg_library_situation_get_n_overdue_actions  (RgLibrarySituation *self);
RgConsentState   rg_library_situation_get_consent_state      (RgLibrarySituation *self);
const char      *rg_library_situation_get_consent_date       (RgLibrarySituation *self);

G_END_DECLS
