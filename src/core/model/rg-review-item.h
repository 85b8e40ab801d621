/* rg-review-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_REVIEW_ITEM (rg_review_item_get_type ())

G_DECLARE_FINAL_TYPE (RgReviewItem, rg_review_item, RG, REVIEW_ITEM, GObject)

RgReviewItem *rg_review_item_new           (RgLinkType     type);
const char   *rg_review_item_get_id        (RgReviewItem  *self);
RgLinkType    rg_review_item_get_link_type (RgReviewItem  *self);
const char   *rg_review_item_get_note      (RgReviewItem  *self);
void          rg_review_item_set_note      (RgReviewItem  *self,
                                            const char    *note);
gboolean      rg_review_item_get_reviewed  (RgReviewItem  *self);
void          rg_review_item_set_reviewed  (RgReviewItem  *self,
                                            gboolean       reviewed);
guint         rg_review_item_get_n_quotes  (RgReviewItem  *self);
const char   *rg_review_item_get_quote     (RgReviewItem  *self,
                                            guint          position,
                                            const char   **author,
                                            const char   **dimension);
void          rg_review_item_add_quote     (RgReviewItem  *self,
                                            const char    *author,
                                            const char    *dimension,
                                            const char    *text);

G_END_DECLS
