/* rg-row-slicer.c — a hidden list's rows made a few at a time
 *
 * A list box bound to a list store makes a row for each item as the
 * store fills: two hundred rows of sessions are a few hundred
 * milliseconds of the main loop, during which nothing is painted. A
 * list that is not on screen does not need its rows at once: the
 * slicer holds what the store is to show, and while the list is
 * deferred (hidden), brings the store to it a few items at a time
 * when the main loop has nothing else to do, each slice a few
 * milliseconds long, so that frames go on being painted. Once the
 * list shows (deferred no longer), or flushed, the store is brought up
 * to date at once.
 *
 * The rows are replaced in place, from the first: until the slices are
 * over, the store starts with items of the new list and ends with the
 * rows of the old one. Rows of the same objects at the start of both
 * lists are kept: a longer list whose start is shown is added to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-row-slicer"

#include "config.h"

#include "rg-row-slicer.h"

/* Items replaced at a time, and how long a slice may take at most */
#define SLICE_ITEMS 4
#define SLICE_USEC  (4 * G_TIME_SPAN_MILLISECOND)

struct _RgRowSlicer
{
  GObject     parent_instance;

  GListStore *rows;
  GPtrArray  *wanted;      /* what @rows is to show, or NULL when it does */
  guint       n_fresh;     /* items at the start of @rows that are @wanted's */
  guint       source;
  gboolean    deferred;
};

G_DEFINE_FINAL_TYPE (RgRowSlicer, rg_row_slicer, G_TYPE_OBJECT)

/* Replaces up to @max stale items of the store with wanted ones, or
 * removes up to @max stale items once all the wanted ones are in.
 * Returns whether the store shows what is wanted. */
static gboolean
step (RgRowSlicer *self,
      guint        max)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_stale = n_rows - self->n_fresh;
  guint n_new = MIN (max, self->wanted->len - self->n_fresh);
  guint n_removed = n_new > 0 ? MIN (n_new, n_stale) : MIN (max, n_stale);

  g_list_store_splice (self->rows, self->n_fresh, n_removed,
                       self->wanted->pdata + self->n_fresh, n_new);
  self->n_fresh += n_new;

  if (self->n_fresh < self->wanted->len ||
      g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > self->n_fresh)
    return FALSE;

  g_clear_pointer (&self->wanted, g_ptr_array_unref);

  return TRUE;
}

static gboolean
slice_cb (gpointer user_data)
{
  RgRowSlicer *self = user_data;
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;

  /* One step at least, whatever the time it takes */
  do
    {
      if (step (self, SLICE_ITEMS))
        {
          self->source = 0;
          return G_SOURCE_REMOVE;
        }
    }
  while (g_get_monotonic_time () < deadline);

  return G_SOURCE_CONTINUE;
}

static void
schedule (RgRowSlicer *self)
{
  if (self->source != 0 || self->wanted == NULL)
    return;

  /* Below the redrawing (and the events): a frame never waits for more
   * than one slice */
  self->source = g_idle_add_full (G_PRIORITY_LOW, slice_cb, self, NULL);
  g_source_set_name_by_id (self->source, "[regards] rows in slices");
}

static void
rg_row_slicer_dispose (GObject *object)
{
  RgRowSlicer *self = RG_ROW_SLICER (object);

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_pointer (&self->wanted, g_ptr_array_unref);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (rg_row_slicer_parent_class)->dispose (object);
}

static void
rg_row_slicer_class_init (RgRowSlicerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rg_row_slicer_dispose;
}

static void
rg_row_slicer_init (RgRowSlicer *self)
{
}

/**
 * rg_row_slicer_new:
 * @rows: the store a list box is bound to
 *
 * Returns: (transfer full): a slicer that fills @rows, at once until
 *   it is deferred
 */
RgRowSlicer *
rg_row_slicer_new (GListStore *rows)
{
  RgRowSlicer *self;

  g_return_val_if_fail (G_IS_LIST_STORE (rows), NULL);

  self = g_object_new (RG_TYPE_ROW_SLICER, NULL);
  self->rows = g_object_ref (rows);

  return self;
}

/**
 * rg_row_slicer_set_items:
 * @self: a #RgRowSlicer
 * @items: (array length=n_items): the objects the store is to hold, of
 *   its item type
 * @n_items: how many
 *
 * Makes the store hold @items instead of what it holds: at once, or in
 * slices while @self is deferred. The items at the start of the store
 * that are those of @items stay.
 */
void
rg_row_slicer_set_items (RgRowSlicer *self,
                         gpointer    *items,
                         guint        n_items)
{
  g_return_if_fail (RG_IS_ROW_SLICER (self));
  g_return_if_fail (items != NULL || n_items == 0);

  g_clear_pointer (&self->wanted, g_ptr_array_unref);
  self->wanted = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (self->wanted, g_object_ref (items[i]));

  /* The rows of the same objects at the start stay as they are */
  for (self->n_fresh = 0; self->n_fresh < n_items; self->n_fresh++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->n_fresh);

      if (row != items[self->n_fresh])
        break;
    }

  if (self->deferred)
    schedule (self);
  else
    rg_row_slicer_flush (self);
}

/**
 * rg_row_slicer_flush:
 * @self: a #RgRowSlicer
 *
 * Brings the store up to date now, slices or not.
 */
void
rg_row_slicer_flush (RgRowSlicer *self)
{
  g_return_if_fail (RG_IS_ROW_SLICER (self));

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->wanted == NULL)
    return;

  /* The stale rows and the wanted items left, in one change */
  g_list_store_splice (self->rows, self->n_fresh,
                       g_list_model_get_n_items (G_LIST_MODEL (self->rows)) - self->n_fresh,
                       self->wanted->pdata + self->n_fresh, self->wanted->len - self->n_fresh);
  g_clear_pointer (&self->wanted, g_ptr_array_unref);
}

/**
 * rg_row_slicer_set_deferred:
 * @self: a #RgRowSlicer
 * @deferred: whether the list is out of sight
 *
 * While @deferred, the store is filled in slices, when the main loop
 * is idle; when it stops being, whatever is left is done at once.
 */
void
rg_row_slicer_set_deferred (RgRowSlicer *self,
                            gboolean     deferred)
{
  g_return_if_fail (RG_IS_ROW_SLICER (self));

  self->deferred = !!deferred;
  if (self->deferred)
    schedule (self);
  else
    rg_row_slicer_flush (self);
}

gboolean
rg_row_slicer_get_deferred (RgRowSlicer *self)
{
  g_return_val_if_fail (RG_IS_ROW_SLICER (self), FALSE);

  return self->deferred;
}

/**
 * rg_row_slicer_is_pending:
 * @self: a #RgRowSlicer
 *
 * Returns: whether the store does not show what it is to show yet
 */
gboolean
rg_row_slicer_is_pending (RgRowSlicer *self)
{
  g_return_val_if_fail (RG_IS_ROW_SLICER (self), FALSE);

  return self->wanted != NULL;
}
