/* rg-timeline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rg-session.h"

G_BEGIN_DECLS

/**
 * RgTimelineFigure:
 * @RG_TIMELINE_AGREEMENTS: the agreements tagged, open or settled
 * @RG_TIMELINE_OPEN_DIVERGENCES: the divergences still open
 * @RG_TIMELINE_ACTIONS_DONE: the actions done
 * @RG_TIMELINE_ACTIONS_OVERDUE: the actions planned or in progress whose
 *   due date was past on the day of the session
 *
 * What the timeline counts in each session.
 */
typedef enum
{
  RG_TIMELINE_AGREEMENTS,
  RG_TIMELINE_OPEN_DIVERGENCES,
  RG_TIMELINE_ACTIONS_DONE,
  RG_TIMELINE_ACTIONS_OVERDUE,
  RG_TIMELINE_N_FIGURES,
} RgTimelineFigure;

#define RG_TIMELINE_ERROR (rg_timeline_error_quark ())

/**
 * RgTimelineError:
 * @RG_TIMELINE_ERROR_DRAWING: the picture could not be drawn
 *
 * Why a timeline could not be exported.
 */
typedef enum
{
  RG_TIMELINE_ERROR_DRAWING,
} RgTimelineError;

#define RG_TYPE_TIMELINE (rg_timeline_get_type ())

G_DECLARE_FINAL_TYPE (RgTimeline, rg_timeline, RG, TIMELINE, GObject)

GQuark      rg_timeline_error_quark         (void);
const char *rg_timeline_figure_get_symbol   (RgTimelineFigure      figure);
const char *rg_timeline_figure_get_label    (RgTimelineFigure      figure);
RgTimeline *rg_timeline_new                 (const char           *situation_id);
const char *rg_timeline_get_situation_id    (RgTimeline           *self);
const char *rg_timeline_get_situation_label (RgTimeline           *self);
gboolean    rg_timeline_add_session         (RgTimeline           *self,
                                             RgSession            *session,
                                             GFile                *file);
guint       rg_timeline_get_n_sessions      (RgTimeline           *self);
guint       rg_timeline_get_n_skipped       (RgTimeline           *self);
const char *rg_timeline_get_session_id      (RgTimeline           *self,
                                             guint                 position);
const char *rg_timeline_get_title           (RgTimeline           *self,
                                             guint                 position);
const char *rg_timeline_get_date            (RgTimeline           *self,
                                             guint                 position);
GFile      *rg_timeline_get_file            (RgTimeline           *self,
                                             guint                 position);
guint       rg_timeline_get_figure          (RgTimeline           *self,
                                             guint                 position,
                                             RgTimelineFigure      figure);
char       *rg_timeline_describe_session    (RgTimeline           *self,
                                             guint                 position);
char       *rg_timeline_describe            (RgTimeline           *self);
RgTimeline *rg_timeline_load                (const char           *situation_id,
                                             GPtrArray            *files,
                                             GCancellable         *cancellable,
                                             GError              **error);
void        rg_timeline_load_async          (const char           *situation_id,
                                             GPtrArray            *files,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
RgTimeline *rg_timeline_load_finish         (GAsyncResult         *result,
                                             GError              **error);
void        rg_timeline_set_font            (RgTimeline           *self,
                                             const char           *font);
void        rg_timeline_set_scale           (RgTimeline           *self,
                                             double                scale);
void        rg_timeline_set_dark            (RgTimeline           *self,
                                             gboolean              dark);
int         rg_timeline_get_natural_width   (RgTimeline           *self);
int         rg_timeline_get_height          (RgTimeline           *self);
void        rg_timeline_draw                (RgTimeline           *self,
                                             cairo_t              *cr,
                                             int                   width,
                                             int                   height);
GBytes     *rg_timeline_to_png              (RgTimeline           *self,
                                             GError              **error);

G_END_DECLS
