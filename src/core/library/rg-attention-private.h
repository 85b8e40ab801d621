/* rg-attention-private.h — the fields of an item needing attention,
 * which the index fills in (rg-library-index.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-attention.h"

G_BEGIN_DECLS

struct _RgAttentionItem
{
  GObject          parent_instance;

  RgAttentionKind  kind;
  char            *situation_id;
  char            *situation_label;
  char            *situation_code;
  char            *path;
  char            *date;
  char            *object_id;
  char            *text;
};

G_END_DECLS
