/* rg-attention.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RgAttentionKind:
 * @RG_ATTENTION_ACTION_OVERDUE: an action not done whose due date is past
 * @RG_ATTENTION_ACTION_DUE: an action not done due today or within 14 days
 * @RG_ATTENTION_REVIEW_OVERDUE: the next review's date is past
 * @RG_ATTENTION_REVIEW_DUE: the next review is today or within 30 days
 * @RG_ATTENTION_OPEN_DIVERGENCE: a divergence the latest session leaves open
 * @RG_ATTENTION_CONSENT_MISSING: the latest session has no consent
 * @RG_ATTENTION_CONSENT_OLD: its newest consent is more than a year old
 * @RG_ATTENTION_RETENTION_DUE: the latest session is older than the
 *   retention period
 * @RG_ATTENTION_CONTRIBUTION_AWAITED: a partner's contribution was asked
 *   for and not yet imported
 *
 * Why a situation needs the coordinator's attention; items are listed in
 * this order.
 */
typedef enum
{
  RG_ATTENTION_ACTION_OVERDUE,
  RG_ATTENTION_ACTION_DUE,
  RG_ATTENTION_REVIEW_OVERDUE,
  RG_ATTENTION_REVIEW_DUE,
  RG_ATTENTION_OPEN_DIVERGENCE,
  RG_ATTENTION_CONSENT_MISSING,
  RG_ATTENTION_CONSENT_OLD,
  RG_ATTENTION_RETENTION_DUE,
  RG_ATTENTION_CONTRIBUTION_AWAITED,
} RgAttentionKind;

#define RG_TYPE_ATTENTION_KIND (rg_attention_kind_get_type ())
GType rg_attention_kind_get_type (void) G_GNUC_CONST;

const char *rg_attention_kind_to_string (RgAttentionKind  kind);
gboolean    rg_attention_kind_from_string (const char      *text,
                                           RgAttentionKind *kind);

#define RG_TYPE_ATTENTION_ITEM (rg_attention_item_get_type ())

G_DECLARE_FINAL_TYPE (RgAttentionItem, rg_attention_item, RG, ATTENTION_ITEM, GObject)

RgAttentionKind  rg_attention_item_get_kind            (RgAttentionItem *self);
const char      *rg_attention_item_get_situation_id    (RgAttentionItem *self);
const char      *rg_attention_item_get_situation_label (RgAttentionItem *self);
const char      *rg_attention_item_get_situation_code  (RgAttentionItem *self);
const char      *rg_attention_item_get_path            (RgAttentionItem *self);
const char      *rg_attention_item_get_date            (RgAttentionItem *self);
const char      *rg_attention_item_get_object_id       (RgAttentionItem *self);
const char      *rg_attention_item_get_text            (RgAttentionItem *self);

G_END_DECLS
