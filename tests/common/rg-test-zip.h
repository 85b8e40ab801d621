/* rg-test-zip.h — reading back the zips the exports write (ODT, QDPX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A zip's parts by their full path ("sources/x.txt"), in its order */
typedef struct
{
  GPtrArray  *names;
  GHashTable *parts;  /* name → GBytes */
} RgTestZip;

RgTestZip *rg_test_zip_read     (GBytes     *zip);
GBytes    *rg_test_zip_get      (RgTestZip  *zip,
                                 const char *name);
char      *rg_test_zip_get_text (RgTestZip  *zip,
                                 const char *name);
void       rg_test_zip_free     (RgTestZip  *zip);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgTestZip, rg_test_zip_free)

G_END_DECLS
