/* rg-consent.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_CONSENT (rg_consent_get_type ())

G_DECLARE_FINAL_TYPE (RgConsent, rg_consent, RG, CONSENT, GObject)

RgConsent  *rg_consent_new                (const char *scope);
const char *rg_consent_get_id             (RgConsent  *self);
const char *rg_consent_get_scope          (RgConsent  *self);
void        rg_consent_set_scope          (RgConsent  *self,
                                           const char *scope);
const char *rg_consent_get_shared_with    (RgConsent  *self);
void        rg_consent_set_shared_with    (RgConsent  *self,
                                           const char *shared_with);
const char *rg_consent_get_date           (RgConsent  *self);
void        rg_consent_set_date           (RgConsent  *self,
                                           const char *date);
const char *rg_consent_get_recorded_by_id (RgConsent  *self);
void        rg_consent_set_recorded_by_id (RgConsent  *self,
                                           const char *partner_id);
gboolean    rg_consent_get_to_confirm     (RgConsent  *self);
void        rg_consent_set_to_confirm     (RgConsent  *self,
                                           gboolean    to_confirm);

G_END_DECLS
