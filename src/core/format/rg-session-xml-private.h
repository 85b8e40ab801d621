/* rg-session-xml-private.h — the loader's steps, for other core files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "rg-session-xml.h"

G_BEGIN_DECLS

#define RG_SESSION_NAMESPACE "urn:x-regards:session"
#define RG_SITTING_NAMESPACE "urn:x-regards:sitting"

/* The format-version of sitting files this build reads and writes */
#define RG_SITTING_FORMAT_VERSION 1

/**
 * RgXmlKind:
 * @RG_XML_SESSION: a session file (`*.regards`)
 * @RG_XML_SITTING: a sitting file (`*.regards-sitting`)
 *
 * The kinds of XML files Regards reads, each with its own root element,
 * namespace and schema, all through the same hostile-input rules.
 */
typedef enum
{
  RG_XML_SESSION,
  RG_XML_SITTING,
} RgXmlKind;

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

xmlDoc         *_rg_xml_read                       (GBytes      *bytes,
                                                    RgXmlKind    kind,
                                                    GError     **error);
xmlDoc         *_rg_xml_read_against               (GBytes      *bytes,
                                                    RgXmlKind    kind,
                                                    const char  *schema_file,
                                                    GError     **error);
gboolean        _rg_xml_is_element                 (xmlNode     *node,
                                                    RgXmlKind    kind,
                                                    const char  *name);
char           *_rg_xml_get_prop                   (xmlNode     *node,
                                                    const char  *name);
char           *_rg_xml_get_text                   (xmlNode     *node);
xmlNode        *_rg_xml_first_child_element        (xmlNode     *node);
xmlNode        *_rg_xml_next_element               (xmlNode     *node);
void            _rg_xml_set_prop                   (xmlNode     *node,
                                                    const char  *name,
                                                    const char  *value);
xmlNode        *_rg_xml_add_text                   (xmlNode     *parent,
                                                    xmlNs       *ns,
                                                    const char  *name,
                                                    const char  *text);
void            _rg_xml_add_optional_text          (xmlNode     *parent,
                                                    xmlNs       *ns,
                                                    const char  *name,
                                                    const char  *text);
GBytes         *_rg_xml_doc_to_bytes               (xmlDoc      *doc);

xmlDoc         *_rg_session_xml_read               (GBytes      *bytes,
                                                    GError     **error);
RgSession      *_rg_session_xml_build              (xmlDoc      *doc);
RgSessionLimit  _rg_session_xml_check_limits       (const char  *data,
                                                    gsize        size);
gsize           _rg_session_xml_get_max_text_size  (void);

G_END_DECLS
