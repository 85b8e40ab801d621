/* rg-session-editor-private.h — for the editors of the parts of a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session-editor.h"

G_BEGIN_DECLS

/* How an item goes into a list of the session (or of a category) and
 * out of it: rg_session_insert_action / rg_session_remove_action,
 * rg_category_insert_criterion / rg_category_remove_criterion… */
typedef void     (*RgListInsertFunc) (gpointer container,
                                      gpointer item,
                                      guint    position);
typedef gboolean (*RgListRemoveFunc) (gpointer container,
                                      gpointer item);

void _rg_session_editor_insert_item (RgSessionEditor  *self,
                                    const char       *label,
                                    gpointer          container,
                                    gpointer          item,
                                    guint             position,
                                    RgListInsertFunc  insert,
                                    RgListRemoveFunc  remove);
void _rg_session_editor_remove_item (RgSessionEditor  *self,
                                    const char       *label,
                                    gpointer          container,
                                    gpointer          item,
                                    guint             position,
                                    RgListInsertFunc  insert,
                                    RgListRemoveFunc  remove);
void _rg_session_editor_move_item   (RgSessionEditor  *self,
                                    const char       *label,
                                    gpointer          container,
                                    gpointer          item,
                                    guint             from,
                                    guint             to,
                                    RgListInsertFunc  insert,
                                    RgListRemoveFunc  remove);

guint _rg_session_editor_get_cell_end (RgSessionEditor *self,
                                      const char      *partner_id,
                                      const char      *dimension_id);

G_END_DECLS
