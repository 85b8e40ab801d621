/* rg-timeline-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-timeline.h"
#include "rg-window-host.h"

G_BEGIN_DECLS

#define RG_TYPE_TIMELINE_WINDOW (rg_timeline_window_get_type ())

G_DECLARE_FINAL_TYPE (RgTimelineWindow, rg_timeline_window, RG, TIMELINE_WINDOW, AdwWindow)

RgTimelineWindow *rg_timeline_window_present      (GtkWindow        *parent,
                                                   RgWindowHost     *host,
                                                   const char       *situation_id,
                                                   GFile            *file);
RgTimeline       *rg_timeline_window_get_timeline (RgTimelineWindow *self);

G_END_DECLS
