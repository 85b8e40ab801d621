/* test-timeline.c — the sessions of one situation, counted and drawn
 *
 * Three sessions of one situation, each the follow-up of the one
 * before, written as files beside a session of another situation and a
 * damaged file: the timeline puts the three in the order of their
 * dates, whatever the order of the files, with the figures each holds,
 * found through the library index as the application finds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "rg-document.h"
#include "rg-follow-up.h"
#include "rg-library.h"
#include "rg-session.h"
#include "rg-test-utils.h"
#include "rg-timeline.h"

static char *test_root;

/* Adds @n links of @type and @status between a statement of each of
 * the first two partners. */
static void
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

static RgAction *
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

static RgAction *
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

static GFile *
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
static char *
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

static void
check_timeline (RgTimeline *timeline)
{
  static const char *titles[] = { "Première revue", "Deuxième revue", "Troisième revue" };
  static const char *dates[] = { "2024-01-10", "2024-03-05", "2024-06-20" };

  g_assert_cmpuint (rg_timeline_get_n_sessions (timeline), ==, 3);
  g_assert_cmpstr (rg_timeline_get_situation_label (timeline), ==, "Élève A., CM1");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (rg_timeline_get_title (timeline, i), ==, titles[i]);
      g_assert_cmpstr (rg_timeline_get_date (timeline, i), ==, dates[i]);
      for (guint f = 0; f < RG_TIMELINE_N_FIGURES; f++)
        {
          if (rg_timeline_get_figure (timeline, i, f) != expected[i][f])
            g_error ("Session %u, figure %u: %u, expected %u", i, f,
                     rg_timeline_get_figure (timeline, i, f), expected[i][f]);
        }
    }
}

static void
test_timeline_figures (void)
{
  g_autofree char *folder = g_build_filename (test_root, "figures", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *situation_id = write_fixture (folder, files);
  g_autoptr(RgTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  timeline = rg_timeline_load (situation_id, files, NULL, &error);
  g_assert_no_error (error);
  check_timeline (timeline);
  /* The other situation and the damaged file */
  g_assert_cmpuint (rg_timeline_get_n_skipped (timeline), ==, 2);
  g_assert_true (g_file_equal (rg_timeline_get_file (timeline, 0), g_ptr_array_index (files, 2)));
}

static void
test_timeline_describe (void)
{
  g_autofree char *folder = g_build_filename (test_root, "describe", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *situation_id = write_fixture (folder, files);
  g_autoptr(RgTimeline) timeline = rg_timeline_load (situation_id, files, NULL, NULL);
  g_autofree char *second = rg_timeline_describe_session (timeline, 1);
  g_autofree char *all = rg_timeline_describe (timeline);
  g_autoptr(RgTimeline) empty = rg_timeline_new (situation_id);
  g_autofree char *nothing = rg_timeline_describe (empty);

  g_assert_cmpstr (second, ==,
                   "5 March 2024, Deuxième revue: 4 agreements, 1 open divergence, "
                   "2 actions done, 1 action overdue");
  g_assert_true (g_str_has_prefix (all, "10 January 2024, Première revue: 2 agreements, "
                                        "3 open divergences, 1 action done, 0 actions overdue. "));
  g_assert_true (g_str_has_suffix (all, "The open divergences went down: the readings are converging."));
  g_assert_cmpstr (nothing, ==, "No session of this situation.");
}

/* As the application does it: the library index gives the files of the
 * situation, without opening the others. */
static void
test_timeline_from_library (void)
{
  g_autofree char *folder = g_build_filename (test_root, "library", NULL);
  g_autofree char *database = g_build_filename (test_root, "library.db", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *situation_id = write_fixture (folder, files);
  g_autoptr(RgLibrary) library = NULL;
  g_autoptr(RgLibraryScanResult) result = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RgTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  library = rg_library_new (folder, database, &error);
  g_assert_no_error (error);
  result = rg_library_scan (library, NULL, &error);
  g_assert_no_error (error);

  query->situation_id = g_strdup (situation_id);
  entries = rg_library_query (library, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (entries, i);

      g_ptr_array_add (found, rg_library_entry_dup_file (entry));
    }

  timeline = rg_timeline_load (situation_id, found, NULL, &error);
  g_assert_no_error (error);
  check_timeline (timeline);
  g_assert_cmpuint (rg_timeline_get_n_skipped (timeline), ==, 0);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RgTimeline **timeline = user_data;
  g_autoptr(GError) error = NULL;

  *timeline = rg_timeline_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_timeline_async (void)
{
  g_autofree char *folder = g_build_filename (test_root, "async", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *situation_id = write_fixture (folder, files);
  g_autoptr(RgTimeline) timeline = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  rg_timeline_load_async (situation_id, files, NULL, loaded_cb, &timeline);
  while (timeline == NULL)
    g_main_context_iteration (NULL, TRUE);
  check_timeline (timeline);

  g_cancellable_cancel (cancellable);
  g_assert_null (rg_timeline_load (situation_id, files, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The drawing: a PNG at twice its natural size, wider with more
 * sessions, whose pixels are not all the background. */
static void
test_timeline_png (void)
{
  g_autofree char *folder = g_build_filename (test_root, "png", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *situation_id = write_fixture (folder, files);
  g_autoptr(RgTimeline) timeline = rg_timeline_load (situation_id, files, NULL, NULL);
  g_autoptr(RgTimeline) one = rg_timeline_new (situation_id);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_root, "timeline.png", NULL);
  cairo_surface_t *surface;
  const guchar *data;
  gboolean drawn = FALSE;
  int stride;

  rg_timeline_set_font (one, "Sans 12");
  rg_timeline_set_font (timeline, "Sans 12");
  g_assert_cmpint (rg_timeline_get_natural_width (timeline), >, rg_timeline_get_natural_width (one));
  g_assert_cmpint (rg_timeline_get_height (timeline), >, 0);

  png = rg_timeline_to_png (timeline, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error));

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2 * rg_timeline_get_natural_width (timeline));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 2 * rg_timeline_get_height (timeline));
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface) && !drawn; y++)
    drawn = memcmp (data + y * stride, data, stride) != 0;
  g_assert_true (drawn);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  test_root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/figures", test_timeline_figures);
  g_test_add_func ("/timeline/describe", test_timeline_describe);
  g_test_add_func ("/timeline/from-library", test_timeline_from_library);
  g_test_add_func ("/timeline/async", test_timeline_async);
  g_test_add_func ("/timeline/png", test_timeline_png);

  return g_test_run ();
}
