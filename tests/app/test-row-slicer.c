/* test-row-slicer.c — a hidden list's rows made a few at a time, under Xvfb
 *
 * A real list box bound to a real store, its rows counted as the list
 * box makes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "rg-row-slicer.h"
#include "rg-test-app.h"

typedef struct
{
  GListStore  *store;
  GtkListBox  *list;
  RgRowSlicer *slicer;
  GPtrArray   *items;       /* of GtkStringObject, "0", "1"… */
  guint        n_made;      /* rows the list box made */
} Fixture;

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  Fixture *fixture = user_data;

  fixture->n_made++;

  return gtk_label_new (gtk_string_object_get_string (item));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  fixture->list = GTK_LIST_BOX (g_object_ref_sink (gtk_list_box_new ()));
  gtk_list_box_bind_model (fixture->list, G_LIST_MODEL (fixture->store), create_row, fixture, NULL);
  fixture->slicer = rg_row_slicer_new (fixture->store);
  fixture->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      g_ptr_array_add (fixture->items, gtk_string_object_new (text));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->slicer);
  g_clear_object (&fixture->list);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->items, g_ptr_array_unref);
}

static guint
count_rows (Fixture *fixture)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (fixture->list, n) != NULL)
    n++;

  return n;
}

/* What row @position says */
static const char *
row_text (Fixture *fixture,
          guint    position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (fixture->list, position);

  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row)));
}

/* A list shown gets its rows at once */
static void
test_shown_at_once (Fixture       *fixture,
                    gconstpointer  data)
{
  rg_row_slicer_set_items (fixture->slicer, fixture->items->pdata, 40);

  g_assert_false (rg_row_slicer_is_pending (fixture->slicer));
  g_assert_cmpuint (count_rows (fixture), ==, 40);
  g_assert_cmpstr (row_text (fixture, 39), ==, "39");
}

/* A hidden list makes none in the call, and all of them in order when
 * the main loop is idle (a few at a time, as time allows) */
static void
test_hidden_in_slices (Fixture       *fixture,
                       gconstpointer  data)
{
  guint n_iterations = 0;

  rg_row_slicer_set_deferred (fixture->slicer, TRUE);
  rg_row_slicer_set_items (fixture->slicer, fixture->items->pdata, 40);
  g_assert_true (rg_row_slicer_is_pending (fixture->slicer));
  g_assert_cmpuint (fixture->n_made, ==, 0);

  while (rg_row_slicer_is_pending (fixture->slicer) && n_iterations++ < 1000)
    g_main_context_iteration (NULL, FALSE);

  g_assert_false (rg_row_slicer_is_pending (fixture->slicer));
  g_assert_cmpuint (fixture->n_made, ==, 40);
  g_assert_cmpuint (count_rows (fixture), ==, 40);
  for (guint i = 0; i < 40; i++)
    g_assert_cmpstr (row_text (fixture, i), ==,
                     gtk_string_object_get_string (g_ptr_array_index (fixture->items, i)));

  /* Fewer items: the rows of the others go too, in slices */
  rg_row_slicer_set_items (fixture->slicer, fixture->items->pdata + 30, 3);
  g_assert_cmpuint (count_rows (fixture), ==, 40);
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (count_rows (fixture), ==, 3);
  g_assert_cmpstr (row_text (fixture, 0), ==, "30");
  g_assert_cmpstr (row_text (fixture, 2), ==, "32");
}

/* Shown before the slices are over: what is left is made at once */
static void
test_shown_midway (Fixture       *fixture,
                   gconstpointer  data)
{
  rg_row_slicer_set_deferred (fixture->slicer, TRUE);
  rg_row_slicer_set_items (fixture->slicer, fixture->items->pdata, 40);
  g_assert_cmpuint (fixture->n_made, ==, 0);

  rg_row_slicer_set_deferred (fixture->slicer, FALSE);
  g_assert_false (rg_row_slicer_is_pending (fixture->slicer));
  g_assert_cmpuint (count_rows (fixture), ==, 40);
  g_assert_cmpuint (fixture->n_made, ==, 40);
  g_assert_cmpstr (row_text (fixture, 39), ==, "39");

  /* Hidden again, a list flushed is made at once too */
  rg_row_slicer_set_deferred (fixture->slicer, TRUE);
  rg_row_slicer_set_items (fixture->slicer, fixture->items->pdata + 10, 5);
  rg_row_slicer_flush (fixture->slicer);
  g_assert_cmpuint (count_rows (fixture), ==, 5);
  g_assert_cmpstr (row_text (fixture, 0), ==, "10");
}

/* A longer list whose start is listed: those rows stay, the others are
 * added after them */
static void
test_added_to (Fixture       *fixture,
               gconstpointer  data)
{
  GtkListBoxRow *first;

  rg_row_slicer_set_items (fixture->slicer, fixture->items->pdata, 10);
  first = gtk_list_box_get_row_at_index (fixture->list, 0);
  g_assert_cmpuint (fixture->n_made, ==, 10);

  rg_row_slicer_set_deferred (fixture->slicer, TRUE);
  rg_row_slicer_set_items (fixture->slicer, fixture->items->pdata, 40);
  rg_test_iterate_until_idle ();
  g_assert_cmpuint (count_rows (fixture), ==, 40);
  g_assert_cmpuint (fixture->n_made, ==, 40);
  g_assert_true (gtk_list_box_get_row_at_index (fixture->list, 0) == first);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/row-slicer/shown-at-once", Fixture, NULL, fixture_set_up, test_shown_at_once,
              fixture_tear_down);
  g_test_add ("/row-slicer/hidden-in-slices", Fixture, NULL, fixture_set_up,
              test_hidden_in_slices, fixture_tear_down);
  g_test_add ("/row-slicer/shown-midway", Fixture, NULL, fixture_set_up, test_shown_midway,
              fixture_tear_down);
  g_test_add ("/row-slicer/added-to", Fixture, NULL, fixture_set_up, test_added_to,
              fixture_tear_down);

  return g_test_run ();
}
