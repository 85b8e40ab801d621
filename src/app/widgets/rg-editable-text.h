/* rg-editable-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-undo-stack.h"

G_BEGIN_DECLS

#define RG_TYPE_EDITABLE_TEXT (rg_editable_text_get_type ())

G_DECLARE_FINAL_TYPE (RgEditableText, rg_editable_text, RG, EDITABLE_TEXT, GtkWidget)

GtkWidget  *rg_editable_text_new            (void);
char       *rg_editable_text_shorten        (const char     *text);
const char *rg_editable_text_get_text       (RgEditableText *self);
void        rg_editable_text_set_text       (RgEditableText *self,
                                             const char     *text);
const char *rg_editable_text_get_placeholder (RgEditableText *self);
void        rg_editable_text_set_placeholder (RgEditableText *self,
                                             const char     *placeholder);
gboolean    rg_editable_text_get_editing    (RgEditableText *self);
void        rg_editable_text_start_editing  (RgEditableText *self);
void        rg_editable_text_stop_editing   (RgEditableText *self);
void        rg_editable_text_set_markup     (RgEditableText *self,
                                             const char     *markup);
GtkLabel   *rg_editable_text_get_label      (RgEditableText *self);
gboolean    rg_editable_text_get_single_click (RgEditableText *self);
void        rg_editable_text_set_single_click (RgEditableText *self,
                                               gboolean        single_click);
void        rg_editable_text_set_given_width  (RgEditableText *self,
                                               gboolean        given_width);
void        rg_editable_text_set_undo_stack (RgEditableText *self,
                                             RgUndoStack    *undo_stack,
                                             gconstpointer   burst_key);

G_END_DECLS
