/* rg-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-library.h"
#include "rg-sitting.h"

G_BEGIN_DECLS

#define RG_TYPE_APPLICATION (rg_application_get_type ())

G_DECLARE_FINAL_TYPE (RgApplication, rg_application, RG, APPLICATION, AdwApplication)

RgApplication *rg_application_new                 (void);
GSettings     *rg_application_get_settings        (RgApplication *self);
char          *rg_application_get_library_dir     (RgApplication *self);
RgLibrary     *rg_application_get_library         (RgApplication *self);
const char    *rg_application_get_library_error   (RgApplication *self);
void           rg_application_open_file           (RgApplication *self,
                                                   GFile         *file);
void           rg_application_open_file_at        (RgApplication *self,
                                                   GFile         *file,
                                                   const char    *view,
                                                   const char    *object_id);
void           rg_application_open_sitting_item   (RgApplication *self,
                                                   RgSitting     *sitting,
                                                   guint          index,
                                                   gboolean       meeting_mode,
                                                   GtkWindow     *replacing);
GtkWindow     *rg_application_find_session_window (RgApplication *self,
                                                   GFile         *file);

G_END_DECLS
