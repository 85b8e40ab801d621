/* rg-test-pdf.h — reading a PDF back as a reader would, in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *rg_test_pdf_to_text     (const char *path,
                                const char *option);
char  *rg_test_flatten         (const char *text);
guint  rg_test_pdf_count_pages (const char *path);
char  *rg_test_pdf_info        (const char *path,
                                const char *option);
void   rg_test_assert_reads    (const char *flat_text,
                                const char *expected);

G_END_DECLS
