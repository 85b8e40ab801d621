/* rg-session-editor-criteria.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session-editor.h"

G_BEGIN_DECLS

RgCategory  *rg_session_editor_add_category             (RgSessionEditor    *self,
                                                          const char         *name);
void         rg_session_editor_add_default_categories   (RgSessionEditor    *self);
void         rg_session_editor_rename_category          (RgSessionEditor    *self,
                                                          RgCategory         *category,
                                                          const char         *name);
void         rg_session_editor_remove_category          (RgSessionEditor    *self,
                                                          RgCategory         *category);
gboolean     rg_session_editor_move_category            (RgSessionEditor    *self,
                                                          RgCategory         *category,
                                                          int                 delta);

RgCriterion *rg_session_editor_add_criterion            (RgSessionEditor    *self,
                                                          RgCategory         *category,
                                                          const char         *text);
void         rg_session_editor_remove_criterion         (RgSessionEditor    *self,
                                                          RgCriterion        *criterion);
void         rg_session_editor_set_criterion_text       (RgSessionEditor    *self,
                                                          RgCriterion        *criterion,
                                                          const char         *text);
void         rg_session_editor_set_criterion_indicators (RgSessionEditor    *self,
                                                          RgCriterion        *criterion,
                                                          const char         *lines);
void         rg_session_editor_set_criterion_proposed   (RgSessionEditor    *self,
                                                          RgCriterion        *criterion,
                                                          const char         *partner_id,
                                                          gboolean            proposed);
void         rg_session_editor_set_criterion_agreed     (RgSessionEditor    *self,
                                                          RgCriterion        *criterion,
                                                          gboolean            agreed);
void         rg_session_editor_set_criterion_met        (RgSessionEditor    *self,
                                                          RgCriterion        *criterion,
                                                          gboolean            met);

G_END_DECLS
