/* rg-library-window-private.h — what the library window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-library-window.h"
#include "rg-window-host.h"

G_BEGIN_DECLS

struct _RgLibraryWindow
{
  AdwApplicationWindow  parent_instance;

  GSignalGroup         *library_signals;
  GListStore           *sessions;              /* of RgLibraryEntry: what the list shows */
  GCancellable         *cancellable;           /* of the file work; cancelled on dispose */
  GCancellable         *query_cancellable;
  GCancellable         *situations_cancellable;
  GPtrArray            *situation_ids;         /* beside situation_row's labels; [0] is NULL */
  GHashTable           *trashed;               /* original path → the file in the Trash */
  GHashTable           *shown_paths;           /* of the sessions listed, for their rows */
  GHashTable           *title_counts;          /* title → how many rows have it */
  guint                 search_source;
  guint                 limit;
  guint                 has_criteria : 1;
  guint                 has_more : 1;
  guint                 updating_situations : 1;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *search_button;
  GtkMenuButton        *filter_button;
  GtkSpinner           *scan_spinner;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *filter_bar;
  GtkLabel             *filter_label;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkListBox           *list_box;
  GtkButton            *more_button;
  GtkPopover           *filter_popover;
  AdwComboRow          *situation_row;
  AdwEntryRow          *partner_row;
  AdwEntryRow          *institution_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  GtkSwitch            *open_divergences_switch;
  AdwActionRow         *past_retention_row;
  GtkSwitch            *past_retention_switch;
};

RgWindowHost  *_rg_library_window_get_host           (RgLibraryWindow *self);
RgLibrary     *_rg_library_window_get_library        (RgLibraryWindow *self);
AdwToast      *_rg_library_window_add_toast          (RgLibraryWindow *self,
                                                      const char      *title);
void           _rg_library_window_update_index       (RgLibraryWindow *self,
                                                      GFile           *file,
                                                      RgSession       *session);
void           _rg_library_window_class_init_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
