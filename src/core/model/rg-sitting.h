/* rg-sitting.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-sitting-item.h"
#include "rg-sitting-time.h"

G_BEGIN_DECLS

/* The values are written in the sitting file as the words given by
 * rg_sitting_kind_to_string (); never renumber or rename them. */
typedef enum
{
  RG_SITTING_KIND_SUPPORT_TEAM,
  RG_SITTING_KIND_TECHNICAL_COMMITTEE,
} RgSittingKind;

#define RG_TYPE_SITTING (rg_sitting_get_type ())

G_DECLARE_FINAL_TYPE (RgSitting, rg_sitting, RG, SITTING, GObject)

const char    *rg_sitting_kind_to_string   (RgSittingKind  kind);
gboolean       rg_sitting_kind_from_string (const char    *str,
                                            RgSittingKind *kind);
const char    *rg_sitting_kind_get_label   (RgSittingKind  kind);

RgSitting     *rg_sitting_new              (void);
const char    *rg_sitting_get_id           (RgSitting     *self);
const char    *rg_sitting_get_title        (RgSitting     *self);
void           rg_sitting_set_title        (RgSitting     *self,
                                            const char    *title);
RgSittingKind  rg_sitting_get_kind         (RgSitting     *self);
void           rg_sitting_set_kind         (RgSitting     *self,
                                            RgSittingKind  kind);
const char    *rg_sitting_get_date         (RgSitting     *self);
void           rg_sitting_set_date         (RgSitting     *self,
                                            const char    *date);
const char    *rg_sitting_get_place        (RgSitting     *self);
void           rg_sitting_set_place        (RgSitting     *self,
                                            const char    *place);

GListModel    *rg_sitting_get_items        (RgSitting     *self);
void           rg_sitting_add_item         (RgSitting     *self,
                                            RgSittingItem *item);
void           rg_sitting_insert_item      (RgSitting     *self,
                                            RgSittingItem *item,
                                            guint          position);
gboolean       rg_sitting_remove_item      (RgSitting     *self,
                                            RgSittingItem *item);
RgSittingItem *rg_sitting_find_item        (RgSitting     *self,
                                            const char    *id);
const char    *rg_sitting_get_start        (RgSitting     *self);
const char    *rg_sitting_get_end          (RgSitting     *self);

G_END_DECLS
