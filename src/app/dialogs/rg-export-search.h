/* rg-export-search.h — a search of the library as one research project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-library.h"
#include "rg-library-query.h"

G_BEGIN_DECLS

void rg_export_search_run (GtkWindow            *parent,
                           RgLibrary            *library,
                           const RgLibraryQuery *query,
                           GCancellable         *cancellable);

G_END_DECLS
