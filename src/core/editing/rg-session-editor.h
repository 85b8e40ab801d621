/* rg-session-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-link-index.h"
#include "rg-session.h"
#include "rg-undo-stack.h"

G_BEGIN_DECLS

#define RG_TYPE_SESSION_EDITOR (rg_session_editor_get_type ())

G_DECLARE_FINAL_TYPE (RgSessionEditor, rg_session_editor, RG, SESSION_EDITOR, GObject)

RgSessionEditor *rg_session_editor_new                     (RgSession        *session);
RgSession       *rg_session_editor_get_session             (RgSessionEditor  *self);
RgUndoStack     *rg_session_editor_get_undo_stack          (RgSessionEditor  *self);
RgLinkIndex     *rg_session_editor_get_link_index          (RgSessionEditor  *self);

void             rg_session_editor_set                     (RgSessionEditor  *self,
                                                            const char       *label,
                                                            gpointer          object,
                                                            const char       *property_name,
                                                            ...);

RgStatement     *rg_session_editor_add_statement           (RgSessionEditor  *self,
                                                            RgPartner        *partner,
                                                            RgDimension      *dimension,
                                                            RgStatement      *after,
                                                            RgStatementKind   kind,
                                                            const char       *text);
void             rg_session_editor_insert_statement        (RgSessionEditor  *self,
                                                            RgStatement      *statement);
void             rg_session_editor_remove_statement        (RgSessionEditor  *self,
                                                            RgStatement      *statement);
gboolean         rg_session_editor_reorder_statement       (RgSessionEditor  *self,
                                                            RgStatement      *statement,
                                                            int               delta);
gboolean         rg_session_editor_move_statement_to       (RgSessionEditor  *self,
                                                            RgStatement      *statement,
                                                            RgDimension      *dimension);
GPtrArray       *rg_session_editor_list_cell               (RgSessionEditor  *self,
                                                            const char       *partner_id,
                                                            const char       *dimension_id);

RgPartner       *rg_session_editor_add_partner             (RgSessionEditor  *self,
                                                            const char       *name,
                                                            const char       *profession,
                                                            const char       *institution);
void             rg_session_editor_remove_partner          (RgSessionEditor  *self,
                                                            RgPartner        *partner);
gboolean         rg_session_editor_move_partner            (RgSessionEditor  *self,
                                                            RgPartner        *partner,
                                                            int               delta);

RgDimension     *rg_session_editor_add_dimension           (RgSessionEditor  *self,
                                                            const char       *name);
void             rg_session_editor_remove_dimension        (RgSessionEditor  *self,
                                                            RgDimension      *dimension);
gboolean         rg_session_editor_move_dimension          (RgSessionEditor  *self,
                                                            RgDimension      *dimension,
                                                            int               delta);

guint            rg_session_editor_count_statements        (RgSessionEditor  *self,
                                                            const char       *partner_id,
                                                            const char       *dimension_id);

G_END_DECLS
