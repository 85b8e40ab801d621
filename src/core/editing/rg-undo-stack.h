/* rg-undo-stack.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RG_TYPE_UNDO_STACK (rg_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (RgUndoStack, rg_undo_stack, RG, UNDO_STACK, GObject)

/**
 * RgCommandFunc:
 * @data: the command's data
 *
 * Applies (redo) or reverts (undo) one change to the model.
 */
typedef void (*RgCommandFunc) (gpointer data);

RgUndoStack *rg_undo_stack_new              (void);
void         rg_undo_stack_execute          (RgUndoStack    *self,
                                             const char     *label,
                                             RgCommandFunc   redo,
                                             RgCommandFunc   undo,
                                             gpointer        data,
                                             GDestroyNotify  data_free);
void         rg_undo_stack_set_property     (RgUndoStack    *self,
                                             const char     *label,
                                             gpointer        object,
                                             const char     *property_name,
                                             const GValue   *value);
void         rg_undo_stack_set_burst        (RgUndoStack    *self,
                                             gconstpointer   key);
void         rg_undo_stack_open_burst       (RgUndoStack    *self,
                                             gconstpointer   key);
void         rg_undo_stack_end_burst        (RgUndoStack    *self,
                                             gconstpointer   key);
void         rg_undo_stack_begin_group      (RgUndoStack    *self,
                                             const char     *label);
void         rg_undo_stack_end_group        (RgUndoStack    *self);
gboolean     rg_undo_stack_undo             (RgUndoStack    *self);
gboolean     rg_undo_stack_redo             (RgUndoStack    *self);
gboolean     rg_undo_stack_get_can_undo     (RgUndoStack    *self);
gboolean     rg_undo_stack_get_can_redo     (RgUndoStack    *self);
const char  *rg_undo_stack_get_undo_label   (RgUndoStack    *self);
const char  *rg_undo_stack_get_redo_label   (RgUndoStack    *self);
void         rg_undo_stack_clear            (RgUndoStack    *self);

G_END_DECLS
