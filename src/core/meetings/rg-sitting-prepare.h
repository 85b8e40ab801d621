/* rg-sitting-prepare.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-library.h"
#include "rg-sitting.h"

G_BEGIN_DECLS

#define RG_SITTING_PREPARE_ERROR (rg_sitting_prepare_error_quark ())

/**
 * RgSittingPrepareError:
 * @RG_SITTING_PREPARE_ERROR_UNKNOWN_SITUATION: no session of the library
 *   is about this situation
 * @RG_SITTING_PREPARE_ERROR_NO_ROOM: the agenda goes past midnight
 *
 * Why a situation could not be put on a sitting's agenda.
 */
typedef enum
{
  RG_SITTING_PREPARE_ERROR_UNKNOWN_SITUATION,
  RG_SITTING_PREPARE_ERROR_NO_ROOM,
} RgSittingPrepareError;

GQuark          rg_sitting_prepare_error_quark (void);

RgLibraryEntry *rg_sitting_find_latest_session (RgLibrary      *library,
                                                const char     *situation_id,
                                                GError        **error);
RgSittingItem  *rg_sitting_add_situation       (RgSitting      *sitting,
                                                RgLibrary      *library,
                                                const char     *situation_id,
                                                const char     *start,
                                                guint           minutes,
                                                GError        **error);
gboolean        rg_sitting_prepare             (RgSitting      *sitting,
                                                RgLibrary      *library,
                                                GFile          *contributions_folder,
                                                GPtrArray      *written,
                                                GCancellable   *cancellable,
                                                GError        **error);

G_END_DECLS
