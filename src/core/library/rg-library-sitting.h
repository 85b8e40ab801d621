/* rg-library-sitting.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rg-sitting.h"

G_BEGIN_DECLS

#define RG_TYPE_LIBRARY_SITTING (rg_library_sitting_get_type ())

G_DECLARE_FINAL_TYPE (RgLibrarySitting, rg_library_sitting, RG, LIBRARY_SITTING, GObject)

const char    *rg_library_sitting_get_path          (RgLibrarySitting *self);
const char    *rg_library_sitting_get_error_message (RgLibrarySitting *self);
const char    *rg_library_sitting_get_id            (RgLibrarySitting *self);
const char    *rg_library_sitting_get_title         (RgLibrarySitting *self);
RgSittingKind  rg_library_sitting_get_kind          (RgLibrarySitting *self);
const char    *rg_library_sitting_get_date          (RgLibrarySitting *self);
const char    *rg_library_sitting_get_start         (RgLibrarySitting *self);
const char    *rg_library_sitting_get_place         (RgLibrarySitting *self);
guint          rg_library_sitting_get_n_situations  (RgLibrarySitting *self);

G_END_DECLS
