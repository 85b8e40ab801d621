/* rg-situation-list.h — the situations of the library, one row per child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RG_TYPE_SITUATION_LIST (rg_situation_list_get_type ())

G_DECLARE_FINAL_TYPE (RgSituationList, rg_situation_list, RG, SITUATION_LIST, GtkWidget)

void         rg_situation_list_set_situations (RgSituationList *self,
                                               GListModel      *situations);
GListModel  *rg_situation_list_get_rows       (RgSituationList *self);
gboolean     rg_situation_list_set_expanded   (RgSituationList *self,
                                               guint            position,
                                               gboolean         expanded);
guint        rg_situation_list_get_selected   (RgSituationList *self);
GtkWidget   *rg_situation_list_get_view       (RgSituationList *self);

G_END_DECLS
