/* rg-library-sitting-private.h — the fields of a sitting, which the
 * index fills in (rg-library-sittings.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-library-sitting.h"

G_BEGIN_DECLS

struct _RgLibrarySitting
{
  GObject        parent_instance;

  char          *path;
  char          *error_message;
  char          *id;
  char          *title;
  RgSittingKind  kind;
  char          *date;
  char          *start;
  char          *place;
  guint          n_situations;
};

G_END_DECLS
