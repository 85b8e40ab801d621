/* rg-cairo-stream.h — cairo's output into memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_status_t rg_cairo_append_to_byte_array (void                *byte_array,
                                              const unsigned char *data,
                                              unsigned int         length);

G_END_DECLS
