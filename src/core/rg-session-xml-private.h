/* rg-session-xml-private.h — the loader's steps, for other core files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "rg-session-xml.h"

G_BEGIN_DECLS

#define RG_SESSION_NAMESPACE "urn:x-regards:session"

xmlDoc    *_rg_session_xml_read  (GBytes  *bytes,
                                  GError **error);
RgSession *_rg_session_xml_build (xmlDoc  *doc);

G_END_DECLS
