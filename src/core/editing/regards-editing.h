/* regards-editing.h — editing/, undoable changes to an open session
 *
 * Include this, or one header of the folder, never a -private.h from
 * another folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session-editor-actions.h"
#include "rg-session-editor-conflicts.h"
#include "rg-session-editor-criteria.h"
#include "rg-session-editor-links.h"
#include "rg-session-editor-paste.h"
#include "rg-session-editor-terms.h"
#include "rg-session-editor.h"
#include "rg-undo-stack.h"
