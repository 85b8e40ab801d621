/* rg-sitting-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-sitting-invitee.h"

G_BEGIN_DECLS

#define RG_TYPE_SITTING_ITEM (rg_sitting_item_get_type ())

G_DECLARE_FINAL_TYPE (RgSittingItem, rg_sitting_item, RG, SITTING_ITEM, GObject)

RgSittingItem    *rg_sitting_item_new                 (const char       *situation_id,
                                                       const char       *situation_label,
                                                       const char       *start,
                                                       const char       *end);
const char       *rg_sitting_item_get_id              (RgSittingItem    *self);
const char       *rg_sitting_item_get_situation_id    (RgSittingItem    *self);
void              rg_sitting_item_set_situation_id    (RgSittingItem    *self,
                                                       const char       *situation_id);
const char       *rg_sitting_item_get_situation_label (RgSittingItem    *self);
void              rg_sitting_item_set_situation_label (RgSittingItem    *self,
                                                       const char       *situation_label);
const char       *rg_sitting_item_get_situation_code  (RgSittingItem    *self);
void              rg_sitting_item_set_situation_code  (RgSittingItem    *self,
                                                       const char       *situation_code);
const char       *rg_sitting_item_get_session_id      (RgSittingItem    *self);
void              rg_sitting_item_set_session_id      (RgSittingItem    *self,
                                                       const char       *session_id);
const char       *rg_sitting_item_get_session_file    (RgSittingItem    *self);
void              rg_sitting_item_set_session_file    (RgSittingItem    *self,
                                                       const char       *session_file);
const char       *rg_sitting_item_get_start           (RgSittingItem    *self);
void              rg_sitting_item_set_start           (RgSittingItem    *self,
                                                       const char       *start);
const char       *rg_sitting_item_get_end             (RgSittingItem    *self);
void              rg_sitting_item_set_end             (RgSittingItem    *self,
                                                       const char       *end);

GListModel       *rg_sitting_item_get_invitees        (RgSittingItem    *self);
void              rg_sitting_item_add_invitee         (RgSittingItem    *self,
                                                       RgSittingInvitee *invitee);
gboolean          rg_sitting_item_remove_invitee      (RgSittingItem    *self,
                                                       RgSittingInvitee *invitee);
RgSittingInvitee *rg_sitting_item_find_invitee        (RgSittingItem    *self,
                                                       const char       *name);

gboolean          rg_sitting_session_file_is_valid    (const char       *file);

G_END_DECLS
