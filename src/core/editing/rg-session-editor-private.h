/* rg-session-editor-private.h — for the editors of the parts of a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session-editor.h"

G_BEGIN_DECLS

/* How the editor reads a list of the session (or of a category, for its
 * criteria), puts an item in it and takes one out. The functions below
 * take the container of the list, %NULL for the session. */
typedef GListModel *(*RgListGetFunc)    (gpointer container);
typedef void        (*RgListInsertFunc) (gpointer container,
                                         gpointer item,
                                         guint    position);
typedef gboolean    (*RgListRemoveFunc) (gpointer container,
                                         gpointer item);

typedef struct
{
  RgListGetFunc    get;
  RgListInsertFunc insert;
  RgListRemoveFunc remove;
} RgEditorList;

/* RG_EDITOR_LIST (rg_session, action, actions): the session's actions,
 * through rg_session_get_actions (), rg_session_insert_action () and
 * rg_session_remove_action (). */
#define RG_EDITOR_LIST(prefix, item, items)    \
  {                                            \
    (RgListGetFunc) prefix##_get_##items,      \
    (RgListInsertFunc) prefix##_insert_##item, \
    (RgListRemoveFunc) prefix##_remove_##item, \
  }

void     _rg_session_editor_insert_item  (RgSessionEditor    *self,
                                          const char         *label,
                                          const RgEditorList *list,
                                          gpointer            container,
                                          gpointer            item,
                                          guint               position);
gpointer _rg_session_editor_append_new   (RgSessionEditor    *self,
                                          const char         *label,
                                          const RgEditorList *list,
                                          gpointer            container,
                                          gpointer            item);
void     _rg_session_editor_remove_item  (RgSessionEditor    *self,
                                          const char         *label,
                                          const RgEditorList *list,
                                          gpointer            container,
                                          gpointer            item);
void     _rg_session_editor_move_item    (RgSessionEditor    *self,
                                          const char         *label,
                                          const RgEditorList *list,
                                          gpointer            container,
                                          gpointer            item,
                                          guint               from,
                                          guint               to);

void     _rg_session_editor_set_meaning  (RgSessionEditor    *self,
                                          RgTerm             *term,
                                          const char         *partner_id,
                                          const char         *meaning);

guint    _rg_session_editor_get_cell_end (RgSessionEditor    *self,
                                          const char         *partner_id,
                                          const char         *dimension_id);

G_END_DECLS
