/* rg-divergence-picture.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rg-session.h"

G_BEGIN_DECLS

#define RG_DIVERGENCE_PICTURE_ERROR (rg_divergence_picture_error_quark ())

/**
 * RgDivergencePictureError:
 * @RG_DIVERGENCE_PICTURE_ERROR_DRAWING: the picture could not be drawn
 *   (most often: not enough memory for its size)
 *
 * Why a picture could not be exported.
 */
typedef enum
{
  RG_DIVERGENCE_PICTURE_ERROR_DRAWING,
} RgDivergencePictureError;

#define RG_TYPE_DIVERGENCE_PICTURE (rg_divergence_picture_get_type ())

G_DECLARE_FINAL_TYPE (RgDivergencePicture, rg_divergence_picture, RG, DIVERGENCE_PICTURE, GObject)

GQuark               rg_divergence_picture_error_quark          (void);

RgDivergencePicture *rg_divergence_picture_new                  (RgSession           *session);
RgDivergencePicture *rg_divergence_picture_new_for_export       (RgSession           *session);
guint                rg_divergence_picture_get_n_partners       (RgDivergencePicture *self);
void                 rg_divergence_picture_set_title            (RgDivergencePicture *self,
                                                                 const char          *title,
                                                                 const char          *subtitle);
void                 rg_divergence_picture_set_font             (RgDivergencePicture *self,
                                                                 const char          *font);
void                 rg_divergence_picture_set_dark             (RgDivergencePicture *self,
                                                                 gboolean             dark);
int                  rg_divergence_picture_get_min_width        (RgDivergencePicture *self);
int                  rg_divergence_picture_get_natural_width    (RgDivergencePicture *self);
int                  rg_divergence_picture_get_height_for_width (RgDivergencePicture *self,
                                                                 int                  width);
void                 rg_divergence_picture_draw                 (RgDivergencePicture *self,
                                                                 cairo_t             *cr,
                                                                 int                  width,
                                                                 int                  height);
gboolean             rg_divergence_picture_get_cell_area        (RgDivergencePicture *self,
                                                                 int                  width,
                                                                 guint                row,
                                                                 guint                column,
                                                                 cairo_rectangle_t   *area);
gboolean             rg_divergence_picture_get_cell_at          (RgDivergencePicture *self,
                                                                 int                  width,
                                                                 double               x,
                                                                 double               y,
                                                                 guint               *row,
                                                                 guint               *column);
char                *rg_divergence_picture_describe             (RgDivergencePicture *self);
char                *rg_divergence_picture_describe_pair        (RgDivergencePicture *self,
                                                                 guint                row,
                                                                 guint                column);
GBytes              *rg_divergence_picture_to_png               (RgDivergencePicture *self,
                                                                 GError             **error);
GBytes              *rg_divergence_picture_to_svg               (RgDivergencePicture *self,
                                                                 GError             **error);
gboolean             rg_divergence_picture_write_png            (RgSession           *session,
                                                                 GFile               *file,
                                                                 GError             **error);
gboolean             rg_divergence_picture_write_svg            (RgSession           *session,
                                                                 GFile               *file,
                                                                 GError             **error);

G_END_DECLS
