/* rg-attention-list.h — what needs the coordinator's attention, by kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RG_TYPE_ATTENTION_LIST (rg_attention_list_get_type ())

G_DECLARE_FINAL_TYPE (RgAttentionList, rg_attention_list, RG, ATTENTION_LIST, GtkWidget)

void        rg_attention_list_set_items (RgAttentionList *self,
                                         GListModel      *items);
GtkListBox *rg_attention_list_get_list  (RgAttentionList *self);

G_END_DECLS
