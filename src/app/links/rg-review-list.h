/* rg-review-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_TYPE_REVIEW_LIST (rg_review_list_get_type ())

G_DECLARE_FINAL_TYPE (RgReviewList, rg_review_list, RG, REVIEW_LIST, GtkWidget)

GtkWidget       *rg_review_list_new        (void);
RgSessionEditor *rg_review_list_get_editor (RgReviewList    *self);
void             rg_review_list_set_editor (RgReviewList    *self,
                                            RgSessionEditor *editor);
GPtrArray       *rg_review_list_get_rows   (RgReviewList    *self);

G_END_DECLS
