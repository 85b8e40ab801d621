/* rg-removal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

typedef void (*RgRemoveFunc) (RgSessionEditor *editor,
                              gpointer         object);

void rg_removal_confirm (GtkWidget       *parent,
                         RgSessionEditor *editor,
                         gpointer         object,
                         RgRemoveFunc     remove,
                         const char      *name,
                         guint            n_statements,
                         const char      *body);

G_END_DECLS
