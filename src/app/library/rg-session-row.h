/* rg-session-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rg-library-entry.h"

G_BEGIN_DECLS

#define RG_TYPE_SESSION_ROW (rg_session_row_get_type ())

G_DECLARE_FINAL_TYPE (RgSessionRow, rg_session_row, RG, SESSION_ROW, GtkListBoxRow)

GtkWidget      *rg_session_row_new           (RgLibraryEntry *entry);
GtkWidget      *rg_session_row_new_full      (RgLibraryEntry *entry,
                                              gboolean        show_file_name,
                                              gboolean        under_original);
RgLibraryEntry *rg_session_row_get_entry     (RgSessionRow   *self);

G_END_DECLS
