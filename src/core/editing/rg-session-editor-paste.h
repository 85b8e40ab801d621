/* rg-session-editor-paste.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session-editor.h"

G_BEGIN_DECLS

GStrv      rg_text_split_paragraphs            (const char       *text);

GPtrArray *rg_session_editor_paste_statements  (RgSessionEditor  *self,
                                                RgPartner        *partner,
                                                RgDimension      *dimension,
                                                RgStatement      *after,
                                                const char       *text);

G_END_DECLS
