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

#include "rg-library.h"
#include "rg-session.h"
#include "rg-test-timeline.h"
#include "rg-test-utils.h"
#include "rg-timeline.h"

static char *test_root;

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
