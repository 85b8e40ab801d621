/* rg-link.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_LINK (rg_link_get_type ())

G_DECLARE_FINAL_TYPE (RgLink, rg_link, RG, LINK, GObject)

RgLink             *rg_link_new           (RgLinkType          type);
const char         *rg_link_get_id        (RgLink             *self);
RgLinkType          rg_link_get_link_type (RgLink             *self);
void                rg_link_set_link_type (RgLink             *self,
                                           RgLinkType          type);
RgLinkStatus        rg_link_get_status    (RgLink             *self);
void                rg_link_set_status    (RgLink             *self,
                                           RgLinkStatus        status);
const char         *rg_link_get_note      (RgLink             *self);
void                rg_link_set_note      (RgLink             *self,
                                           const char         *note);
const char         *rg_link_get_term_id   (RgLink             *self);
void                rg_link_set_term_id   (RgLink             *self,
                                           const char         *term_id);
const char * const *rg_link_get_members   (RgLink             *self);
void                rg_link_set_members   (RgLink             *self,
                                           const char * const *statement_ids);
guint               rg_link_get_n_members (RgLink             *self);
gboolean            rg_link_has_member    (RgLink             *self,
                                           const char         *statement_id);
gboolean            rg_link_add_member    (RgLink             *self,
                                           const char         *statement_id);
gboolean            rg_link_remove_member (RgLink             *self,
                                           const char         *statement_id);

G_END_DECLS
