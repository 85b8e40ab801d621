/* rg-actions-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

/**
 * RgActionsSort:
 * @RG_ACTIONS_SORT_DUE: by due date, the earliest first, undated last
 * @RG_ACTIONS_SORT_OWNER: by who does them, in alphabetical order,
 *   nobody named last
 * @RG_ACTIONS_SORT_STATUS: by where they stand: planned, in progress,
 *   done, cancelled
 *
 * How the actions are listed.
 */
typedef enum
{
  RG_ACTIONS_SORT_DUE,
  RG_ACTIONS_SORT_OWNER,
  RG_ACTIONS_SORT_STATUS,
} RgActionsSort;

#define RG_TYPE_ACTIONS_VIEW (rg_actions_view_get_type ())

G_DECLARE_FINAL_TYPE (RgActionsView, rg_actions_view, RG, ACTIONS_VIEW, GtkWidget)

RgSessionEditor *rg_actions_view_get_editor (RgActionsView   *self);
void             rg_actions_view_set_editor (RgActionsView   *self,
                                             RgSessionEditor *editor);
RgActionsSort    rg_actions_view_get_sort   (RgActionsView   *self);
void             rg_actions_view_set_sort   (RgActionsView   *self,
                                             RgActionsSort    sort);
gboolean         rg_actions_view_reveal     (RgActionsView   *self,
                                             const char      *object_id);

G_END_DECLS
