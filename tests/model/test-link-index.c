/* test-link-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-link-index.h"
#include "rg-session-editor.h"
#include "rg-test-utils.h"

static void
count_changes (RgLinkIndex *index,
               guint       *count)
{
  (*count)++;
}

static void
test_follows_links (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgSessionEditor) editor = rg_session_editor_new (session);
  g_autoptr(RgLinkIndex) index = rg_link_index_new (session);
  RgLink *link = rg_link_new (RG_LINK_TYPE_DIVERGENCE);
  RgPartner *a = rg_session_editor_add_partner (editor, "A", NULL, NULL);
  RgPartner *b = rg_session_editor_add_partner (editor, "B", NULL, NULL);
  RgDimension *d = rg_session_editor_add_dimension (editor, "D");
  RgStatement *s1 = rg_session_editor_add_statement (editor, a, d, NULL, RG_STATEMENT_KIND_FACT, "1");
  RgStatement *s2 = rg_session_editor_add_statement (editor, b, d, NULL, RG_STATEMENT_KIND_FACT, "2");
  RgStatement *s3 = rg_session_editor_add_statement (editor, b, d, NULL, RG_STATEMENT_KIND_FACT, "3");
  guint changes = 0;
  GPtrArray *found;

  g_signal_connect (index, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_null (rg_link_index_get_links (index, rg_statement_get_id (s1)));

  rg_link_set_members (link, (const char *[]) { rg_statement_get_id (s1), rg_statement_get_id (s2), NULL });
  rg_session_add_link (session, link);
  g_assert_cmpuint (changes, ==, 1);
  found = rg_link_index_get_links (index, rg_statement_get_id (s2));
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (g_ptr_array_index (found, 0) == link);
  g_assert_null (rg_link_index_get_links (index, rg_statement_get_id (s3)));

  /* A new member is seen at once. */
  rg_link_add_member (link, rg_statement_get_id (s3));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_nonnull (rg_link_index_get_links (index, rg_statement_get_id (s3)));

  /* So is a link leaving the session. */
  rg_session_remove_link (session, link);
  g_assert_null (rg_link_index_get_links (index, rg_statement_get_id (s1)));

  /* And the index lets go of the links it watched. */
  g_assert_finalize_object (link);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/link-index/follows-links", test_follows_links);

  return g_test_run ();
}
