/* rg-sitting-invitee.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_SITTING_INVITEE (rg_sitting_invitee_get_type ())

G_DECLARE_FINAL_TYPE (RgSittingInvitee, rg_sitting_invitee, RG, SITTING_INVITEE, GObject)

RgSittingInvitee *rg_sitting_invitee_new             (const char       *name);
RgSittingInvitee *rg_sitting_invitee_new_for_partner (RgPartner        *partner);
const char       *rg_sitting_invitee_get_partner_id  (RgSittingInvitee *self);
void              rg_sitting_invitee_set_partner_id  (RgSittingInvitee *self,
                                                      const char       *partner_id);
const char       *rg_sitting_invitee_get_name        (RgSittingInvitee *self);
void              rg_sitting_invitee_set_name        (RgSittingInvitee *self,
                                                      const char       *name);
const char       *rg_sitting_invitee_get_profession  (RgSittingInvitee *self);
void              rg_sitting_invitee_set_profession  (RgSittingInvitee *self,
                                                      const char       *profession);
const char       *rg_sitting_invitee_get_institution (RgSittingInvitee *self);
void              rg_sitting_invitee_set_institution (RgSittingInvitee *self,
                                                      const char       *institution);

G_END_DECLS
