/* rg-session-xml-private.h — the loader's steps, for other core files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "rg-session-xml.h"

G_BEGIN_DECLS

#define RG_SESSION_NAMESPACE "urn:x-regards:session"

/**
 * RgSessionLimit:
 * @RG_SESSION_LIMIT_NONE: within every limit
 * @RG_SESSION_LIMIT_SIZE: larger than %RG_SESSION_MAX_SIZE
 * @RG_SESSION_LIMIT_ITEMS: far more tags or attributes than a session has
 * @RG_SESSION_LIMIT_TEXT: a text longer than libxml2 reads
 * @RG_SESSION_LIMIT_STRUCTURE: dozens of attributes on one element or of
 *   namespace declarations in the file
 *
 * What the loader refuses in a file's bytes before it parses them.
 */
typedef enum
{
  RG_SESSION_LIMIT_NONE,
  RG_SESSION_LIMIT_SIZE,
  RG_SESSION_LIMIT_ITEMS,
  RG_SESSION_LIMIT_TEXT,
  RG_SESSION_LIMIT_STRUCTURE,
} RgSessionLimit;

xmlDoc         *_rg_session_xml_read               (GBytes      *bytes,
                                                    GError     **error);
RgSession      *_rg_session_xml_build              (xmlDoc      *doc);
RgSessionLimit  _rg_session_xml_check_limits       (const char  *data,
                                                    gsize        size);
gsize           _rg_session_xml_get_max_text_size  (void);

G_END_DECLS
