/* rg-partner-label.c — how the diagnosis names a partner, blind or not
 *
 * In a blind round a partner is named by the letter of their column,
 * wherever the diagnosis would name them: the column, the cells, the
 * quotes of a card's links. The view and its cards ask here, so that
 * they always agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-partner-label"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-partner-label.h"

/* “A”, “B”… “Z”, then “AA”, “AB”…, as spreadsheet columns */
static char *
column_letters (guint column)
{
  GString *letters = g_string_new (NULL);

  column++;
  while (column > 0)
    {
      column--;
      g_string_prepend_c (letters, 'A' + column % 26);
      column /= 26;
    }

  return g_string_free (letters, FALSE);
}

/**
 * rg_partner_label_dup:
 * @session: (nullable): the session of @partner
 * @partner: a partner
 * @blind: whether the authors are hidden (a blind round)
 *
 * How the diagnosis names @partner: by name, or in a blind round by the
 * letter of the partner's column in @session (“Partner B”).
 *
 * Returns: (transfer full): the name to show
 */
char *
rg_partner_label_dup (RgSession *session,
                      RgPartner *partner,
                      gboolean   blind)
{
  g_autofree char *letters = NULL;
  guint column;

  g_return_val_if_fail (session == NULL || RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (RG_IS_PARTNER (partner), NULL);

  if (!blind)
    return g_strdup (rg_partner_get_name (partner));

  column = session != NULL ? rg_list_model_find (rg_session_get_partners (session), partner)
                           : G_MAXUINT;
  if (column == G_MAXUINT)
    return g_strdup (_("Another partner"));

  letters = column_letters (column);
  /* Translators: a partner's column in a blind round, where authors
   * are hidden: "Partner A", "Partner B"… */
  return g_strdup_printf (_("Partner %s"), letters);
}
