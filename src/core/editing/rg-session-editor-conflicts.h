/* rg-session-editor-conflicts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session-editor.h"

G_BEGIN_DECLS

gboolean rg_session_editor_resolve_conflict (RgSessionEditor *self,
                                             RgConflict      *conflict,
                                             gboolean         keep_theirs);

G_END_DECLS
