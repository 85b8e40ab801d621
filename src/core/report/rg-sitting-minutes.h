/* rg-sitting-minutes.h — one set of minutes for a whole team sitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-export.h"
#include "rg-report.h"
#include "rg-sitting.h"

G_BEGIN_DECLS

/**
 * RgSittingMinutesFlags:
 * @RG_SITTING_MINUTES_NONE: the minutes name the situations and people
 * @RG_SITTING_MINUTES_PSEUDONYMISE: no name, code, institution or place:
 *   each situation is "Situation 1", "Situation 2"… in the order of the
 *   agenda, and its session is pseudonymised (rg_session_pseudonymise ())
 *
 * How the minutes are written.
 */
typedef enum
{
  RG_SITTING_MINUTES_NONE         = 0,
  RG_SITTING_MINUTES_PSEUDONYMISE = 1 << 0,
} RgSittingMinutesFlags;

RgReport *rg_sitting_minutes_new   (RgSitting              *sitting,
                                    GFile                  *library_folder,
                                    RgSittingMinutesFlags   flags,
                                    GCancellable           *cancellable,
                                    GError                **error);
gboolean  rg_sitting_minutes_write (RgSitting              *sitting,
                                    GFile                  *library_folder,
                                    RgSittingMinutesFlags   flags,
                                    RgExportFormat          format,
                                    GFile                  *output,
                                    GCancellable           *cancellable,
                                    GError                **error);

G_END_DECLS
