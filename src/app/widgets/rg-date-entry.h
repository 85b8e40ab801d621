/* rg-date-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RG_TYPE_DATE_ENTRY (rg_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (RgDateEntry, rg_date_entry, RG, DATE_ENTRY, GtkWidget)

GtkWidget  *rg_date_entry_new                (void);
const char *rg_date_entry_get_date           (RgDateEntry *self);
void        rg_date_entry_set_date           (RgDateEntry *self,
                                              const char  *date);
gboolean    rg_date_entry_get_optional       (RgDateEntry *self);
void        rg_date_entry_set_optional       (RgDateEntry *self,
                                              gboolean     optional);
const char *rg_date_entry_get_label          (RgDateEntry *self);
void        rg_date_entry_set_label          (RgDateEntry *self,
                                              const char  *label);
const char *rg_date_entry_get_message        (RgDateEntry *self);
gboolean    rg_date_entry_is_valid           (RgDateEntry *self);
GtkEditable *rg_date_entry_get_editable      (RgDateEntry *self);

const char *rg_date_entry_get_user_format    (void);
char       *rg_date_entry_parse              (const char  *text,
                                              const char  *format);
char       *rg_date_entry_format             (const char  *date,
                                              const char  *format);
char       *rg_date_entry_describe_format    (const char  *format);

G_END_DECLS
