/* rg-link-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

#define RG_TYPE_LINK_INDEX (rg_link_index_get_type ())

G_DECLARE_FINAL_TYPE (RgLinkIndex, rg_link_index, RG, LINK_INDEX, GObject)

RgLinkIndex *rg_link_index_new       (RgSession   *session);
GPtrArray   *rg_link_index_get_links (RgLinkIndex *self,
                                      const char  *statement_id);

G_END_DECLS
