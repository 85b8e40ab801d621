/* rg-library-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_LIBRARY_ENTRY (rg_library_entry_get_type ())

G_DECLARE_FINAL_TYPE (RgLibraryEntry, rg_library_entry, RG, LIBRARY_ENTRY, GObject)

const char      *rg_library_entry_get_path               (RgLibraryEntry *self);
GFile           *rg_library_entry_dup_file               (RgLibraryEntry *self);
const char      *rg_library_entry_get_error_message      (RgLibraryEntry *self);
const char      *rg_library_entry_get_id                 (RgLibraryEntry *self);
const char      *rg_library_entry_get_title              (RgLibraryEntry *self);
const char      *rg_library_entry_get_date               (RgLibraryEntry *self);
RgSessionKind    rg_library_entry_get_kind               (RgLibraryEntry *self);
RgSessionStatus  rg_library_entry_get_status             (RgLibraryEntry *self);
const char      *rg_library_entry_get_situation_id       (RgLibraryEntry *self);
const char      *rg_library_entry_get_situation_label    (RgLibraryEntry *self);
const char      *rg_library_entry_get_partners           (RgLibraryEntry *self);
guint            rg_library_entry_get_n_partners         (RgLibraryEntry *self);
guint            rg_library_entry_get_n_statements       (RgLibraryEntry *self);
guint            rg_library_entry_get_n_agreements       (RgLibraryEntry *self);
guint            rg_library_entry_get_n_divergences      (RgLibraryEntry *self);
guint            rg_library_entry_get_n_complements      (RgLibraryEntry *self);
guint            rg_library_entry_get_n_clarifications   (RgLibraryEntry *self);
guint            rg_library_entry_get_n_open_divergences (RgLibraryEntry *self);
guint            rg_library_entry_get_n_overdue_actions  (RgLibraryEntry *self);
gboolean         rg_library_entry_get_has_consent        (RgLibraryEntry *self);
const char      *rg_library_entry_get_conflict_of        (RgLibraryEntry *self);
GDateTime       *rg_library_entry_dup_conflict_time      (RgLibraryEntry *self);

G_END_DECLS
