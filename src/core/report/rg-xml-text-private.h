/* rg-xml-text-private.h — one character of text in the XML the exports write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @c to @xml as XML text or an attribute's value carries it:
 * markup escaped, and the control characters XML 1.0 cannot carry
 * left out (each writer decides first what tabs and line breaks
 * become). */
static inline void
_rg_xml_append_char (GString *xml,
                     char     c)
{
  switch (c)
    {
    case '&':
      g_string_append (xml, "&amp;");
      break;
    case '<':
      g_string_append (xml, "&lt;");
      break;
    case '>':
      g_string_append (xml, "&gt;");
      break;
    case '"':
      g_string_append (xml, "&quot;");
      break;
    case '\'':
      g_string_append (xml, "&apos;");
      break;
    default:
      if ((guchar) c >= 0x20)
        g_string_append_c (xml, c);
    }
}

G_END_DECLS
