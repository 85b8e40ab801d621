/* rg-cairo-stream.c — cairo's output into memory
 *
 * The write function for cairo's streams (PNG, SVG and PDF) that the
 * pictures and the PDF report share: everything goes into a GByteArray.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-cairo-stream.h"

/**
 * rg_cairo_append_to_byte_array:
 * @byte_array: (type GByteArray): where the data goes
 * @data: what cairo writes
 * @length: its length in bytes
 *
 * A #cairo_write_func_t: pass it with a #GByteArray as its closure.
 *
 * Returns: %CAIRO_STATUS_SUCCESS
 */
cairo_status_t
rg_cairo_append_to_byte_array (void                *byte_array,
                               const unsigned char *data,
                               unsigned int         length)
{
  g_byte_array_append (byte_array, data, length);

  return CAIRO_STATUS_SUCCESS;
}
