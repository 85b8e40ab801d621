/* rg-glossary-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_TYPE_GLOSSARY_VIEW (rg_glossary_view_get_type ())

G_DECLARE_FINAL_TYPE (RgGlossaryView, rg_glossary_view, RG, GLOSSARY_VIEW, GtkWidget)

RgSessionEditor *rg_glossary_view_get_editor (RgGlossaryView  *self);
void             rg_glossary_view_set_editor (RgGlossaryView  *self,
                                              RgSessionEditor *editor);
RgTerm          *rg_glossary_view_get_term   (RgGlossaryView  *self);
void             rg_glossary_view_show_term  (RgGlossaryView  *self,
                                              RgTerm          *term);

G_END_DECLS
