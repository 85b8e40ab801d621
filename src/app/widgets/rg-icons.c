/* rg-icons.c — the icons of the statements' kinds and the links' types
 *
 * The icons are Regards' own (icons/scalable/actions in the resources),
 * the same wherever a kind or a type is shown: on a card, in a filter,
 * in a list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-icons"

#include "config.h"

#include "rg-icons.h"

/**
 * rg_statement_kind_get_icon_name:
 * @kind: a statement kind
 *
 * The kind is always shown by an icon and a label together, never by a
 * colour alone.
 *
 * Returns: the name of the icon of @kind
 */
const char *
rg_statement_kind_get_icon_name (RgStatementKind kind)
{
  switch (kind)
    {
    case RG_STATEMENT_KIND_FACT:
      return "rg-fact-symbolic";
    case RG_STATEMENT_KIND_INTERPRETATION:
      return "rg-interpretation-symbolic";
    case RG_STATEMENT_KIND_DIFFICULTY:
      return "rg-difficulty-symbolic";
    case RG_STATEMENT_KIND_RESOURCE:
      return "rg-resource-symbolic";
    case RG_STATEMENT_KIND_PROPOSAL:
      return "rg-proposal-symbolic";
    default:
      g_return_val_if_reached ("rg-fact-symbolic");
    }
}

/**
 * rg_link_type_get_icon_name:
 * @type: a link type
 *
 * Returns: the name of the icon of @type
 */
const char *
rg_link_type_get_icon_name (RgLinkType type)
{
  switch (type)
    {
    case RG_LINK_TYPE_AGREEMENT:
      return "rg-agreement-symbolic";
    case RG_LINK_TYPE_DIVERGENCE:
      return "rg-divergence-symbolic";
    case RG_LINK_TYPE_COMPLEMENT:
      return "rg-complement-symbolic";
    case RG_LINK_TYPE_CLARIFY:
      return "rg-clarify-symbolic";
    default:
      g_return_val_if_reached ("rg-clarify-symbolic");
    }
}
