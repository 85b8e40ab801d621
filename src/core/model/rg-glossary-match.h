/* rg-glossary-match.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-term.h"

G_BEGIN_DECLS

/**
 * RgGlossaryMatch:
 * @start: the byte offset in the text where the occurrence starts
 * @end: the byte offset just after it (combining accents included)
 * @term: (transfer full): the term of the glossary found there
 *
 * One occurrence of a glossary word in a text.
 */
typedef struct
{
  gsize   start;
  gsize   end;
  RgTerm *term;
} RgGlossaryMatch;

GArray *rg_glossary_match      (const char *text,
                                GListModel *terms);
char   *rg_glossary_fold       (const char *text);

G_END_DECLS
