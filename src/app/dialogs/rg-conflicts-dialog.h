/* rg-conflicts-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

GtkWindow *rg_conflicts_dialog_new (GtkWindow       *parent,
                                    RgSessionEditor *editor);

G_END_DECLS
