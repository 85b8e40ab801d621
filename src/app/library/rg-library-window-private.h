/* rg-library-window-private.h — what the library window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-attention-list.h"
#include "rg-date-entry.h"
#include "rg-library-window.h"
#include "rg-row-slicer.h"
#include "rg-situation-list.h"
#include "rg-window-host.h"

G_BEGIN_DECLS

struct _RgLibraryWindow
{
  AdwApplicationWindow  parent_instance;

  GSignalGroup         *library_signals;
  GListStore           *sessions;              /* of RgLibraryEntry: what the list shows */
  GListStore           *session_rows;          /* the same, as list_box has rows of them */
  RgRowSlicer          *session_slicer;        /* from sessions to session_rows */
  GCancellable         *cancellable;           /* of the file work; cancelled on dispose */
  GCancellable         *query_cancellable;
  GCancellable         *situations_cancellable;  /* of the situations of the filter */
  GCancellable         *situation_list_cancellable;
  GCancellable         *attention_cancellable;
  GCancellable         *sittings_cancellable;
  GListStore           *sittings;                 /* of RgLibrarySitting, as rows */
  RgRowSlicer          *sitting_slicer;
  GPtrArray            *situation_ids;         /* beside situation_row's labels; [0] is NULL */
  GHashTable           *trashed;               /* original path → the file in the Trash */
  GHashTable           *shown_paths;           /* of the sessions listed, for their rows */
  GHashTable           *title_counts;          /* title → how many rows have it */
  guint                 search_source;
  guint                 limit;
  guint                 has_criteria : 1;
  guint                 has_more : 1;
  guint                 updating_situations : 1;
  guint                 showing_page : 1;
  guint                 situations_pending : 1;    /* their first page is awaited */
  guint                 attention_pending : 1;     /* to list once it is in */
  guint                 rows_painted : 1;          /* the first situations were painted */
  gulong                after_paint_handler;       /* waiting for them to be */
  gpointer              situations_search;         /* all of them, asked after that */
  RgLibraryQuery       *pending_query;             /* of the sessions, likewise */
  guint                 n_situations;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkToggleButton      *search_button;
  GtkMenuButton        *filter_button;
  GtkSpinner           *scan_spinner;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *filter_bar;
  GtkLabel             *filter_label;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkStack             *attention_stack;
  RgAttentionList      *attention_list;
  RgDateEntry          *attention_date;
  GtkStack             *situations_stack;
  RgSituationList      *situation_list;
  GtkStack             *sittings_stack;
  AdwStatusPage        *no_sittings_page;
  GtkWidget            *no_sittings_button;
  GtkWidget            *new_sitting_button;
  GtkListBox           *sitting_list;
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
void           _rg_library_window_update_page        (RgLibraryWindow *self);
guint          _rg_library_window_get_retention_years (RgLibraryWindow *self);

/* rg-library-window-desk.c: the pages of attention and of situations */
void           _rg_library_window_class_init_desk    (GtkWidgetClass       *widget_class);
void           _rg_library_window_init_desk          (RgLibraryWindow      *self);
void           _rg_library_window_dispose_desk       (RgLibraryWindow      *self);
void           _rg_library_window_search_situations  (RgLibraryWindow      *self,
                                                      const RgLibraryQuery *query);
void           _rg_library_window_situations_listed  (RgLibraryWindow      *self);
void           _rg_library_window_list_all_situations (RgLibraryWindow     *self);
void           _rg_library_window_show_first_page    (RgLibraryWindow      *self,
                                                      GSettings            *settings);
void           _rg_library_window_load_attention     (RgLibraryWindow      *self);
void           _rg_library_window_search_sittings    (RgLibraryWindow      *self,
                                                      const char           *text);
void           _rg_library_window_update_desk_page   (RgLibraryWindow      *self);

G_END_DECLS
