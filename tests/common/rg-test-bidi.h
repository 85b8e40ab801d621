/* rg-test-bidi.h — texts that steer the bidirectional algorithm, in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rg-session.h"

#define RG_TEST_LRM "\u200E"
#define RG_TEST_PDF "\u202C"
#define RG_TEST_RLO "\u202E"
#define RG_TEST_FSI "\u2068"
#define RG_TEST_PDI "\u2069"

/* What rg_test_open_overrides () writes, each after an RLO it leaves open */
#define RG_TEST_OVERRIDDEN_STATEMENT "Zorglub arrive en retard"
#define RG_TEST_OVERRIDDEN_NAME      "Roussel"
#define RG_TEST_OVERRIDDEN_CRITERION "Vient chaque jour"

/* Fails unless every line of @text closes every embedding, override and
 * isolate it opens, in the order they nest, and closes nothing else */
static inline void
rg_test_assert_bidi_balanced (const char *text)
{
  g_autoptr(GString) open = g_string_new (NULL);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == 0x2029)
        {
          if (open->len != 0)
            g_error ("A line of “%s” leaves a direction control open", text);
        }
      else if ((c >= 0x202A && c <= 0x202B) || (c >= 0x202D && c <= 0x202E))
        {
          g_string_append_c (open, 'e');
        }
      else if (c >= 0x2066 && c <= 0x2068)
        {
          g_string_append_c (open, 'i');
        }
      else if (c == 0x202C || c == 0x2069)
        {
          if (open->len == 0 || open->str[open->len - 1] != (c == 0x202C ? 'e' : 'i'))
            g_error ("“%s” closes a direction control it did not open", text);
          g_string_truncate (open, open->len - 1);
        }
    }
  if (open->len != 0)
    g_error ("“%s” leaves a direction control open", text);
}

/* Gives the author of the first statement of @session's first link a
 * name, that statement a text, and the first success criterion a text
 * that each open a right-to-left override and never close it. Returns
 * the statement. */
static inline RgStatement *
rg_test_open_overrides (RgSession *session)
{
  g_autoptr(RgLink) link = g_list_model_get_item (rg_session_get_links (session), 0);
  g_autoptr(RgCategory) category = g_list_model_get_item (rg_session_get_categories (session), 0);
  g_autoptr(RgCriterion) criterion = NULL;
  RgStatement *statement;
  RgPartner *partner;

  g_assert_nonnull (link);
  statement = rg_session_find_statement (session, rg_link_get_members (link)[0]);
  g_assert_nonnull (statement);
  partner = rg_session_find_partner (session, rg_statement_get_partner_id (statement));
  g_assert_nonnull (partner);
  g_assert_nonnull (category);
  criterion = g_list_model_get_item (rg_category_get_criteria (category), 0);
  g_assert_nonnull (criterion);

  rg_statement_set_text (statement, RG_TEST_RLO RG_TEST_OVERRIDDEN_STATEMENT);
  rg_partner_set_name (partner, "Mme " RG_TEST_RLO RG_TEST_OVERRIDDEN_NAME);
  rg_criterion_set_text (criterion, RG_TEST_RLO RG_TEST_OVERRIDDEN_CRITERION);
  rg_criterion_set_agreed (criterion, TRUE);

  return statement;
}
