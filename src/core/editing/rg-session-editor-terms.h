/* rg-session-editor-terms.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session-editor.h"

G_BEGIN_DECLS

RgTerm *rg_session_editor_add_term           (RgSessionEditor *self,
                                              const char      *word);
void    rg_session_editor_remove_term        (RgSessionEditor *self,
                                              RgTerm          *term);
void    rg_session_editor_set_term_word      (RgSessionEditor *self,
                                              RgTerm          *term,
                                              const char      *word);
void    rg_session_editor_set_term_status    (RgSessionEditor *self,
                                              RgTerm          *term,
                                              RgTermStatus     status);
void    rg_session_editor_set_term_agreed    (RgSessionEditor *self,
                                              RgTerm          *term,
                                              const char      *agreed_meaning);
void    rg_session_editor_set_term_meaning   (RgSessionEditor *self,
                                              RgTerm          *term,
                                              const char      *partner_id,
                                              const char      *meaning);

G_END_DECLS
