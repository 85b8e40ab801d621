/* rg-window-host.h — what the windows of Regards ask of the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-library.h"
#include "rg-sitting.h"

G_BEGIN_DECLS

#define RG_TYPE_WINDOW_HOST (rg_window_host_get_type ())

G_DECLARE_INTERFACE (RgWindowHost, rg_window_host, RG, WINDOW_HOST, GtkApplication)

struct _RgWindowHostInterface
{
  GTypeInterface parent_iface;

  GSettings  *(*get_settings)        (RgWindowHost *self);
  RgLibrary  *(*get_library)         (RgWindowHost *self);
  const char *(*get_library_error)   (RgWindowHost *self);
  char       *(*get_library_dir)     (RgWindowHost *self);
  void        (*open_file)           (RgWindowHost *self,
                                      GFile        *file);
  GtkWindow  *(*find_session_window) (RgWindowHost *self,
                                      GFile        *file);
  void        (*open_file_at)        (RgWindowHost *self,
                                      GFile        *file,
                                      const char   *view,
                                      const char   *object_id);
  void        (*open_sitting_item)   (RgWindowHost *self,
                                      RgSitting    *sitting,
                                      guint         index,
                                      gboolean      meeting_mode,
                                      GtkWindow    *replacing);
};

RgWindowHost *rg_window_host_get_for_widget       (GtkWidget    *widget);
GSettings    *rg_window_host_get_settings         (RgWindowHost *self);
RgLibrary    *rg_window_host_get_library          (RgWindowHost *self);
const char   *rg_window_host_get_library_error    (RgWindowHost *self);
char         *rg_window_host_get_library_dir      (RgWindowHost *self);
void          rg_window_host_open_file            (RgWindowHost *self,
                                                   GFile        *file);
GtkWindow    *rg_window_host_find_session_window  (RgWindowHost *self,
                                                   GFile        *file);
void          rg_window_host_open_file_at         (RgWindowHost *self,
                                                   GFile        *file,
                                                   const char   *view,
                                                   const char   *object_id);
void          rg_window_host_open_sitting_item    (RgWindowHost *self,
                                                   RgSitting    *sitting,
                                                   guint         index,
                                                   gboolean      meeting_mode,
                                                   GtkWindow    *replacing);

G_END_DECLS
