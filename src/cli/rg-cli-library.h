/* rg-cli-library.h — what the index and search commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-cli-json.h"
#include "rg-library.h"

G_BEGIN_DECLS

RgLibrary *rg_cli_library_open       (const char     *folder,
                                      const char     *database,
                                      gboolean        quiet_notice);
void       rg_cli_library_json_entry (JsonBuilder    *builder,
                                      RgLibraryEntry *entry);

G_END_DECLS
