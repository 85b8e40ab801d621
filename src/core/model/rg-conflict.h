/* rg-conflict.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_CONFLICT (rg_conflict_get_type ())

G_DECLARE_FINAL_TYPE (RgConflict, rg_conflict, RG, CONFLICT, GObject)

RgConflict   *rg_conflict_new             (RgObjectKind  object_kind,
                                           const char   *object_id,
                                           const char   *field,
                                           const char   *partner_id,
                                           const char   *theirs,
                                           const char   *description,
                                           GDateTime    *recorded);
const char   *rg_conflict_get_id          (RgConflict   *self);
RgObjectKind  rg_conflict_get_object_kind (RgConflict   *self);
const char   *rg_conflict_get_object_id   (RgConflict   *self);
const char   *rg_conflict_get_field       (RgConflict   *self);
const char   *rg_conflict_get_partner_id  (RgConflict   *self);
const char   *rg_conflict_get_theirs      (RgConflict   *self);
const char   *rg_conflict_get_description (RgConflict   *self);
GDateTime    *rg_conflict_get_recorded    (RgConflict   *self);

G_END_DECLS
