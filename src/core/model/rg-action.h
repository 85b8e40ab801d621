/* rg-action.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_ACTION (rg_action_get_type ())

G_DECLARE_FINAL_TYPE (RgAction, rg_action, RG, ACTION, GObject)

RgAction       *rg_action_new          (const char     *what);
const char     *rg_action_get_id       (RgAction       *self);
const char     *rg_action_get_what     (RgAction       *self);
void            rg_action_set_what     (RgAction       *self,
                                        const char     *what);
const char     *rg_action_get_owner_id (RgAction       *self);
void            rg_action_set_owner_id (RgAction       *self,
                                        const char     *owner_id);
const char     *rg_action_get_owner_name (RgAction     *self);
void            rg_action_set_owner_name (RgAction     *self,
                                          const char   *owner_name);
const char     *rg_action_get_due      (RgAction       *self);
void            rg_action_set_due      (RgAction       *self,
                                        const char     *due);
RgActionStatus  rg_action_get_status   (RgAction       *self);
void            rg_action_set_status   (RgAction       *self,
                                        RgActionStatus  status);

G_END_DECLS
