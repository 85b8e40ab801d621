/* rg-partner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_PARTNER (rg_partner_get_type ())

G_DECLARE_FINAL_TYPE (RgPartner, rg_partner, RG, PARTNER, GObject)

#define RG_PARTNER_DEFAULT_COLOUR "#3584e4"

RgPartner     *rg_partner_new             (void);
const char    *rg_partner_get_id          (RgPartner     *self);
const char    *rg_partner_get_name        (RgPartner     *self);
void           rg_partner_set_name        (RgPartner     *self,
                                           const char    *name);
const char    *rg_partner_get_profession  (RgPartner     *self);
void           rg_partner_set_profession  (RgPartner     *self,
                                           const char    *profession);
const char    *rg_partner_get_institution (RgPartner     *self);
void           rg_partner_set_institution (RgPartner     *self,
                                           const char    *institution);
const char    *rg_partner_get_colour      (RgPartner     *self);
void           rg_partner_set_colour      (RgPartner     *self,
                                           const char    *colour);
RgPartnerRole  rg_partner_get_role        (RgPartner     *self);
void           rg_partner_set_role        (RgPartner     *self,
                                           RgPartnerRole  role);
const char    *rg_partner_get_contribution_asked    (RgPartner  *self);
void           rg_partner_set_contribution_asked    (RgPartner  *self,
                                                     const char *contribution_asked);
const char    *rg_partner_get_contribution_received (RgPartner  *self);
void           rg_partner_set_contribution_received (RgPartner  *self,
                                                     const char *contribution_received);

guint          rg_partner_palette_get_size   (void);
const char    *rg_partner_palette_get_colour (guint          index);
const char    *rg_partner_palette_get_name   (guint          index);
int            rg_partner_palette_find       (const char    *colour);
const char    *rg_partner_pick_colour        (GListModel    *partners);

G_END_DECLS
