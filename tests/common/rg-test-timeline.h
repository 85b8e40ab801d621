/* rg-test-timeline.h — three sessions of one situation, as files
 *
 * A first review, its follow-up and the follow-up of that, each with
 * known figures (see expected[]), written beside a session of another
 * situation and a damaged file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-document.h"
#include "rg-follow-up.h"
#include "rg-session.h"
#include "rg-timeline.h"

/* Adds @n links of @type and @status between a statement of each of
 * the first two partners. */
static inline void
add_links (RgSession    *session,
           RgLinkType    type,
           RgLinkStatus  status,
           guint         n)
{
  g_autoptr(RgPartner) a = g_list_model_get_item (rg_session_get_partners (session), 0);
  g_autoptr(RgPartner) b = g_list_model_get_item (rg_session_get_partners (session), 1);
  g_autoptr(RgDimension) dimension = g_list_model_get_item (rg_session_get_dimensions (session), 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStatement) s1 = rg_statement_new (rg_partner_get_id (a), rg_dimension_get_id (dimension),
                                                    RG_STATEMENT_KIND_FACT, "Un constat");
      g_autoptr(RgStatement) s2 = rg_statement_new (rg_partner_get_id (b), rg_dimension_get_id (dimension),
                                                    RG_STATEMENT_KIND_INTERPRETATION, "Une lecture");
      g_autoptr(RgLink) link = rg_link_new (type);
      const char *members[3] = { rg_statement_get_id (s1), rg_statement_get_id (s2), NULL };

      rg_session_add_statement (session, s1);
      rg_session_add_statement (session, s2);
      rg_link_set_members (link, members);
      rg_link_set_status (link, status);
      rg_session_add_link (session, link);
    }
}

static inline RgAction *
add_action (RgSession      *session,
            const char     *what,
            const char     *due,
            RgActionStatus  status)
{
  g_autoptr(RgAction) action = rg_action_new (what);

  rg_action_set_due (action, due);
  rg_action_set_status (action, status);
  rg_session_add_action (session, action);

  return action;
}

static inline RgAction *
find_action (RgSession  *session,
             const char *what)
{
  GListModel *actions = rg_session_get_actions (session);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);

      if (g_str_equal (rg_action_get_what (action), what))
        return action;
    }

  g_assert_not_reached ();
}

static inline GFile *
save (RgSession  *session,
      const char *folder,
      const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(RgDocument) document = rg_document_new (session, file);
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_document_save (document, NULL, &error));
  g_assert_no_error (error);

  return file;
}

/* The three-session fixture. Files in @files, in the order: third,
 * other situation, first, damaged, second. Returns the situation id. */
static inline char *
write_fixture (const char *folder,
               GPtrArray  *files)
{
  g_autoptr(RgSession) first = rg_session_new ();
  g_autoptr(RgSession) second = NULL;
  g_autoptr(RgSession) third = NULL;
  g_autoptr(RgSession) other = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgPartner) mother = rg_partner_new ();
  g_autoptr(RgDimension) school = rg_dimension_new ();
  g_autofree char *damaged = g_build_filename (folder, "abime.regards", NULL);
  g_autoptr(GError) error = NULL;
  GFile *third_file, *first_file, *second_file;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  rg_session_set_title (first, "Première revue");
  rg_session_set_date (first, "2024-01-10");
  rg_session_set_situation_label (first, "Élève A., CM1");
  rg_partner_set_name (teacher, "Mme Roussel");
  rg_partner_set_name (mother, "Mme Benali");
  rg_dimension_set_name (school, "Scolarité");
  rg_session_add_partner (first, teacher);
  rg_session_add_partner (first, mother);
  rg_session_add_dimension (first, school);
  /* 2 agreements, 3 open divergences (and one settled), 1 action done;
   * the planned one is due after the meeting: not overdue. */
  add_links (first, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_OPEN, 1);
  add_links (first, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_SETTLED, 1);
  add_links (first, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN, 3);
  add_links (first, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_SETTLED, 1);
  add_links (first, RG_LINK_TYPE_CLARIFY, RG_LINK_STATUS_OPEN, 2);
  add_action (first, "Bilan orthophonique", "2024-02-01", RG_ACTION_STATUS_PLANNED);
  add_action (first, "Rencontre avec la famille", NULL, RG_ACTION_STATUS_DONE);

  /* 4 agreements, 1 open divergence; the carried planned action is now
   * overdue; one more done, one cancelled past due (not overdue). */
  second = rg_session_new_follow_up (first);
  rg_session_set_title (second, "Deuxième revue");
  rg_session_set_date (second, "2024-03-05");
  add_links (second, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_OPEN, 4);
  add_links (second, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN, 1);
  add_action (second, "Inscription au club", "2024-03-01", RG_ACTION_STATUS_DONE);
  add_action (second, "Stage d'été", "2024-03-01", RG_ACTION_STATUS_CANCELLED);

  /* 5 agreements, no divergence, 3 done, nothing overdue */
  third = rg_session_new_follow_up (second);
  rg_session_set_title (third, "Troisième revue");
  rg_session_set_date (third, "2024-06-20");
  rg_action_set_status (find_action (third, "Bilan orthophonique"), RG_ACTION_STATUS_DONE);
  add_links (third, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_SETTLED, 5);

  rg_session_set_title (other, "Une autre situation");
  rg_session_set_date (other, "2024-02-01");

  third_file = save (third, folder, "c.regards");
  first_file = save (first, folder, "a.regards");
  second_file = save (second, folder, "b.regards");
  g_ptr_array_add (files, third_file);
  g_ptr_array_add (files, save (other, folder, "autre.regards"));
  g_ptr_array_add (files, first_file);
  g_assert_true (g_file_set_contents (damaged, "<session xmlns=\"urn:x-regards:session\"", -1, &error));
  g_assert_no_error (error);
  g_ptr_array_add (files, g_file_new_for_path (damaged));
  g_ptr_array_add (files, second_file);

  return g_strdup (rg_session_get_situation_id (first));
}

static const guint expected[3][RG_TIMELINE_N_FIGURES] = {
  { 2, 3, 1, 0 },
  { 4, 1, 2, 1 },
  { 5, 0, 3, 0 },
};

