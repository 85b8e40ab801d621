/* rg-session-editor-links.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_LINK_EDIT_ERROR (rg_link_edit_error_quark ())

/**
 * RgLinkEditError:
 * @RG_LINK_EDIT_ERROR_TOO_FEW_STATEMENTS: a link needs two different
 *   statements at least
 * @RG_LINK_EDIT_ERROR_UNKNOWN_STATEMENT: a statement to link is not in
 *   the session (any more)
 * @RG_LINK_EDIT_ERROR_NOT_TO_CLARIFY: only a link “to clarify” can
 *   become a glossary term
 * @RG_LINK_EDIT_ERROR_NO_WORD: the word for the glossary is empty
 * @RG_LINK_EDIT_ERROR_ALREADY_IN_GLOSSARY: the link already has a term
 *   of the glossary
 *
 * Why an edit of the links could not be made.
 */
typedef enum
{
  RG_LINK_EDIT_ERROR_TOO_FEW_STATEMENTS,
  RG_LINK_EDIT_ERROR_UNKNOWN_STATEMENT,
  RG_LINK_EDIT_ERROR_NOT_TO_CLARIFY,
  RG_LINK_EDIT_ERROR_NO_WORD,
  RG_LINK_EDIT_ERROR_ALREADY_IN_GLOSSARY,
} RgLinkEditError;

GQuark  rg_link_edit_error_quark             (void);

RgLink *rg_session_editor_add_link           (RgSessionEditor     *self,
                                              RgLinkType           type,
                                              const char * const  *statement_ids,
                                              GError             **error);
void    rg_session_editor_set_link_type      (RgSessionEditor     *self,
                                              RgLink              *link,
                                              RgLinkType           type);
void    rg_session_editor_set_link_status    (RgSessionEditor     *self,
                                              RgLink              *link,
                                              RgLinkStatus         status);
void    rg_session_editor_set_link_note      (RgSessionEditor     *self,
                                              RgLink              *link,
                                              const char          *note);
void    rg_session_editor_remove_link        (RgSessionEditor     *self,
                                              RgLink              *link);
RgTerm *rg_session_editor_add_term_from_link (RgSessionEditor     *self,
                                              RgLink              *link,
                                              const char          *word,
                                              GError             **error);
void    rg_session_editor_set_reviewed       (RgSessionEditor     *self,
                                              RgReviewItem        *item,
                                              gboolean             reviewed);

G_END_DECLS
