/* rg-diagnosis-grid.c — partners as columns, dimensions as rows
 *
 * A scrollable layout made for the diagnosis view: a fixed column width
 * keeps the partners' columns aligned row after row; the column headers
 * stay at the top and the dimension headers at the left while the cells
 * scroll under them, a dimension's name in view as long as its row is;
 * the synthesis row under each dimension always
 * spans what is visible, so the agreed wording stays in view however far
 * the team scrolled across partners.
 *
 * Columns can be pinned: when the partners do not all fit, the pinned
 * ones (the family's, in a meeting) come first and stay beside the
 * dimension headers while the others scroll under them, so that the
 * people the meeting is for are never the ones scrolled out of sight.
 *
 * A big session holds thousands of cards: a frame waits only for the
 * cards it shows; those about to be scrolled in are made between frames,
 * a few milliseconds' worth at a time; those far away are dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-diagnosis-grid"

#include "config.h"

#include <string.h>

#include "rg-diagnosis-cell.h"
#include "rg-diagnosis-grid.h"

#define ROW_SPACING 12

/* Cards are made ahead of the scroll between frames, a few at a time,
 * for at most this long per frame (in µs). */
#define SLICE_BUDGET_US 4000

/* While the view moves, the cells far from it keep their cards as long
 * as all cells hold no more than this many (about 13 kB each). */
#define MAX_CARDS_KEPT_MOVING 2000

struct _RgDiagnosisGrid
{
  GtkWidget      parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  guint          n_columns;
  guint          n_rows;
  GtkWidget     *corner;
  GPtrArray     *column_headers;  /* n_columns, nullable entries */
  GPtrArray     *row_headers;     /* n_rows */
  GPtrArray     *row_footers;     /* n_rows */
  GPtrArray     *cells;           /* n_columns * n_rows, row-major */
  GArray        *pinned;          /* gboolean, n_columns */
  GArray        *cell_heights;    /* int, the last real height of each cell */
  int            cell_heights_width;  /* the width they were measured at */

  int            column_width;
  int            row_header_width;

  /* From the last allocation, in content coordinates. */
  int            used_column_width;
  int            used_header_width;
  GArray        *column_x;        /* int, n_columns: where each starts */
  int            pinned_width;    /* of the pinned columns, while they are */
  int            char_width;
  int            line_height;
  int            header_height;
  GArray        *row_y;           /* int, n_rows + 1 */
  GArray        *cells_height;    /* int, n_rows */

  /* Making cards ahead of the scroll, between frames, and where the
   * view was at the last of them. */
  guint          ahead_tick;
  int            ahead_hvalue;
  int            ahead_vvalue;
};

enum {
  PROP_0,
  PROP_COLUMN_WIDTH,
  PROP_ROW_HEADER_WIDTH,
  N_PROPS,

  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties [N_PROPS];

enum {
  LAID_OUT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (RgDiagnosisGrid, rg_diagnosis_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void
replace_child (RgDiagnosisGrid  *self,
               GtkWidget       **slot,
               GtkWidget        *widget)
{
  if (*slot == widget)
    return;

  if (*slot != NULL)
    gtk_widget_unparent (*slot);
  *slot = widget;
  if (widget != NULL)
    gtk_widget_set_parent (widget, GTK_WIDGET (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
unparent_all (GPtrArray *children)
{
  for (guint i = 0; i < children->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (children, i);

      if (child != NULL)
        gtk_widget_unparent (child);
    }
  g_ptr_array_set_size (children, 0);
}

static int
measure_height (GtkWidget *widget,
                int        width)
{
  int natural = 0;

  if (widget == NULL || !gtk_widget_get_visible (widget))
    return 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  return natural;
}

static int
measure_min_width (GtkWidget *widget)
{
  int minimum = 0;

  if (widget == NULL || !gtk_widget_get_visible (widget))
    return 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* The column width in use: what was asked, but never less than what a
 * header needs. Cells wrap their text to any width, and measuring the
 * thousands of cards of a big session for nothing costs seconds. */
static int
effective_column_width (RgDiagnosisGrid *self)
{
  int width = self->column_width;

  for (guint i = 0; i < self->column_headers->len; i++)
    width = MAX (width, measure_min_width (g_ptr_array_index (self->column_headers, i)));

  return width;
}

static int
effective_row_header_width (RgDiagnosisGrid *self)
{
  int width = self->row_header_width;

  for (guint i = 0; i < self->row_headers->len; i++)
    width = MAX (width, measure_min_width (g_ptr_array_index (self->row_headers, i)));
  width = MAX (width, measure_min_width (self->corner));

  return width;
}

/* Computes the vertical layout for a given viewport width; returns the
 * content height. */
static int
compute_rows (RgDiagnosisGrid *self,
              int              viewport_width,
              int              column_width,
              int              header_width)
{
  int footer_width = MAX (1, viewport_width - header_width);
  int y;

  self->header_height = measure_height (self->corner, header_width);
  for (guint c = 0; c < self->n_columns; c++)
    self->header_height = MAX (self->header_height,
                               measure_height (g_ptr_array_index (self->column_headers, c),
                                               column_width));

  g_array_set_size (self->row_y, self->n_rows + 1);
  g_array_set_size (self->cells_height, self->n_rows);
  if (self->cell_heights_width != column_width || self->cell_heights->len != self->cells->len)
    {
      g_array_set_size (self->cell_heights, self->cells->len);
      memset (self->cell_heights->data, 0xff, sizeof (int) * self->cells->len);
      self->cell_heights_width = column_width;
    }

  y = self->header_height;
  for (guint r = 0; r < self->n_rows; r++)
    {
      int cells = measure_height (g_ptr_array_index (self->row_headers, r), header_width);

      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkWidget *cell = g_ptr_array_index (self->cells, r * self->n_columns + c);

          int *known = &g_array_index (self->cell_heights, int, r * self->n_columns + c);

          if (!RG_IS_DIAGNOSIS_CELL (cell) || rg_diagnosis_cell_get_populated (RG_DIAGNOSIS_CELL (cell)))
            cells = MAX (cells, *known = measure_height (cell, column_width));
          else if (rg_diagnosis_cell_get_n_built (RG_DIAGNOSIS_CELL (cell)) > 0)
            /* Its first cards made, the rest guessed. */
            cells = MAX (cells, measure_height (cell, column_width) +
                                rg_diagnosis_cell_estimate_rest_height (RG_DIAGNOSIS_CELL (cell), column_width,
                                                                        self->char_width, self->line_height));
          else if (*known >= 0)
            cells = MAX (cells, *known);
          else
            cells = MAX (cells, rg_diagnosis_cell_estimate_height (RG_DIAGNOSIS_CELL (cell), column_width,
                                                                   self->char_width, self->line_height));
        }

      g_array_index (self->row_y, int, r) = y;
      g_array_index (self->cells_height, int, r) = cells;
      y += cells + measure_height (g_ptr_array_index (self->row_footers, r), footer_width) + ROW_SPACING;
    }
  g_array_index (self->row_y, int, self->n_rows) = y;

  return y;
}

/* @value: where to scroll, or -1 to stay */
static void
configure_adjustment (GtkAdjustment *adjustment,
                      int            content,
                      int            viewport,
                      int            value)
{
  if (adjustment == NULL)
    return;

  if (value < 0)
    value = (int) gtk_adjustment_get_value (adjustment);
  value = CLAMP (value, 0, MAX (0, content - viewport));
  gtk_adjustment_configure (adjustment, value, 0, MAX (content, viewport),
                            viewport * 0.1, viewport * 0.9, viewport);
}

static void
allocate (GtkWidget *child,
          int        x,
          int        y,
          int        width,
          int        height)
{
  if (child == NULL || !gtk_widget_get_visible (child))
    return;

  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

/* A dimension's header, beside its row from @y, @height high: it stays
 * in view while any of its row does, under the column headers when the
 * row began above them, pushed up by the next row as it comes. Past the
 * middle of a tall row, the team still sees which dimension it reads. */
static void
allocate_row_header (RgDiagnosisGrid *self,
                     GtkWidget       *header,
                     int              y,
                     int              height,
                     int              width)
{
  int top = self->header_height;
  int needed;

  if (y >= top || y + height <= top)
    {
      allocate (header, 0, y, width, height);
      return;
    }

  needed = measure_height (header, width);
  allocate (header, 0, MIN (top, y + height - needed), width, MAX (needed, y + height - top));
}

static gboolean
is_pinned (RgDiagnosisGrid *self,
           guint            column)
{
  return self->pinned_width > 0 && g_array_index (self->pinned, gboolean, column);
}

/* Where @column starts in content coordinates, scrolled by @hvalue: a
 * pinned column moves with the view, so it is always in it. */
static int
column_content_x (RgDiagnosisGrid *self,
                  guint            column,
                  int              hvalue)
{
  int x = g_array_index (self->column_x, int, column);

  return is_pinned (self, column) ? x + hvalue : x;
}

/* Lays the columns out from the left: all in order, or, when they do
 * not fit the width and some are pinned, the pinned ones first. */
static void
place_columns (RgDiagnosisGrid *self,
               int              width,
               int              column_width,
               int              header_width)
{
  gboolean overflow = header_width + (int) self->n_columns * column_width > width;
  int x = header_width;

  g_array_set_size (self->column_x, self->n_columns);
  self->pinned_width = 0;

  for (guint pass = overflow ? 0 : 1; pass < 2; pass++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        gboolean pinned = g_array_index (self->pinned, gboolean, c);

        if (pass == 0 && !pinned)
          continue;
        if (pass == 1 && overflow && pinned)
          continue;

        g_array_index (self->column_x, int, c) = x;
        x += column_width;
        if (pass == 0)
          self->pinned_width += column_width;
      }
}

static void
update_font_metrics (RgDiagnosisGrid *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

  self->char_width = MAX (1, PANGO_PIXELS (pango_font_metrics_get_approximate_char_width (metrics)));
  self->line_height = MAX (1, PANGO_PIXELS (pango_font_metrics_get_height (metrics)));
  pango_font_metrics_unref (metrics);
}

/* Whether @cell shows cards, all of them or its first ones. */
static gboolean
cell_has_cards (GtkWidget *cell)
{
  return cell != NULL &&
         (!RG_IS_DIAGNOSIS_CELL (cell) ||
          rg_diagnosis_cell_get_populated (RG_DIAGNOSIS_CELL (cell)) ||
          rg_diagnosis_cell_get_n_built (RG_DIAGNOSIS_CELL (cell)) > 0);
}

/* How far down the cards made in @cell reach, in content coordinates:
 * the whole cell once it is populated. */
static int
built_bottom (RgDiagnosisGrid *self,
              GtkWidget       *cell,
              guint            row)
{
  if (!RG_IS_DIAGNOSIS_CELL (cell) || rg_diagnosis_cell_get_populated (RG_DIAGNOSIS_CELL (cell)))
    return G_MAXINT;
  if (rg_diagnosis_cell_get_n_built (RG_DIAGNOSIS_CELL (cell)) == 0)
    return g_array_index (self->row_y, int, row);

  /* Less its Add button, which stands where the next card will. */
  return g_array_index (self->row_y, int, row) +
         measure_height (cell, self->used_column_width) - 2 * self->line_height;
}

/* Makes the first cards of @cell down to @bottom, in content
 * coordinates, or until @deadline (a monotonic time, 0 for none).
 * Returns whether any card was made. */
static gboolean
build_down_to (RgDiagnosisGrid *self,
               GtkWidget       *cell,
               guint            row,
               int              bottom,
               gint64           deadline)
{
  gboolean built = FALSE;

  while (built_bottom (self, cell, row) < bottom)
    {
      rg_diagnosis_cell_populate_more (RG_DIAGNOSIS_CELL (cell), 2);
      built = TRUE;
      if (deadline != 0 && g_get_monotonic_time () >= deadline)
        break;
    }

  return built;
}

/* Whether @column shows between @left and @right, scrolled by @hvalue */
static gboolean
column_in (RgDiagnosisGrid *self,
           guint            column,
           int              hvalue,
           int              left,
           int              right)
{
  int x = column_content_x (self, column, hvalue);

  return x + self->used_column_width > left && x < right;
}

/* Makes the cards of what is visible, and only those: the frame waits
 * for them. Returns whether any was made, which changes the layout. */
static gboolean
populate_cells_in_view (RgDiagnosisGrid *self,
                        int              hvalue,
                        int              vvalue,
                        int              width,
                        int              height)
{
  gboolean populated = FALSE;

  for (guint r = 0; r < self->n_rows; r++)
    {
      if (g_array_index (self->row_y, int, r + 1) <= vvalue ||
          g_array_index (self->row_y, int, r) >= vvalue + height)
        continue;

      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkWidget *cell = g_ptr_array_index (self->cells, r * self->n_columns + c);

          if (cell != NULL && column_in (self, c, hvalue, hvalue, hvalue + width))
            populated |= build_down_to (self, cell, r, vvalue + height, 0);
        }
    }

  return populated;
}

/* Whether the cell of @row and @column is so far from the view,
 * scrolled by @hvalue and @vvalue, that it drops its cards; one with
 * the keyboard focus never does. */
static gboolean
cell_is_far (RgDiagnosisGrid *self,
             guint            row,
             guint            column,
             int              hvalue,
             int              vvalue,
             GtkWidget       *focus)
{
  GtkWidget *cell = g_ptr_array_index (self->cells, row * self->n_columns + column);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int x = column_content_x (self, column, hvalue) - hvalue;
  int y = g_array_index (self->row_y, int, row) - vvalue;
  int cells = g_array_index (self->cells_height, int, row);

  return (x + self->used_column_width < -2 * width || x > 3 * width ||
          y + cells < -2 * height || y > 3 * height) &&
         (focus == NULL || !gtk_widget_is_ancestor (focus, cell));
}

/* Whether the rows and columns are placed for the children as they are
 * now: not before the first allocation, nor after a reset. */
static gboolean
is_laid_out (RgDiagnosisGrid *self)
{
  return self->row_y->len == self->n_rows + 1 && self->cells_height->len == self->n_rows &&
         self->column_x->len == self->n_columns;
}

/* A cell far from the view that still has cards, or NULL */
static GtkWidget *
next_cell_to_drop (RgDiagnosisGrid *self)
{
  int hvalue = self->hadjustment ? (int) gtk_adjustment_get_value (self->hadjustment) : 0;
  int vvalue = self->vadjustment ? (int) gtk_adjustment_get_value (self->vadjustment) : 0;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (!is_laid_out (self))
    return NULL;

  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        GtkWidget *cell = g_ptr_array_index (self->cells, r * self->n_columns + c);

        if (RG_IS_DIAGNOSIS_CELL (cell) && cell_has_cards (cell) &&
            cell_is_far (self, r, c, hvalue, vvalue, focus))
          return cell;
      }

  return NULL;
}

static gboolean ahead_tick (GtkWidget     *widget,
                            GdkFrameClock *clock,
                            gpointer       user_data);

/* The next cell to make a card of ahead of the scroll, and how far
 * down: in the columns in view, those nearest the view first, below it
 * and above it (where the whole cell is needed, its bottom being the
 * nearest). NULL when what is near the view has all its cards. */
static GtkWidget *
next_cell_ahead (RgDiagnosisGrid *self,
                 guint           *row,
                 int             *bottom)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int hvalue = self->hadjustment ? (int) gtk_adjustment_get_value (self->hadjustment) : 0;
  int vvalue = self->vadjustment ? (int) gtk_adjustment_get_value (self->vadjustment) : 0;
  int top = vvalue - height / 2, end = vvalue + 2 * height;
  GtkWidget *best = NULL;
  int best_distance = G_MAXINT;

  if (!is_laid_out (self))
    return NULL;

  for (guint r = 0; r < self->n_rows; r++)
    {
      int row_top = g_array_index (self->row_y, int, r);
      int row_bottom = g_array_index (self->row_y, int, r + 1);

      if (row_bottom <= top || row_top >= end)
        continue;

      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkWidget *cell = g_ptr_array_index (self->cells, r * self->n_columns + c);
          int wanted = row_bottom <= vvalue ? G_MAXINT : end;
          int reach, distance;

          if (!RG_IS_DIAGNOSIS_CELL (cell) ||
              !column_in (self, c, hvalue, hvalue, hvalue + width) ||
              (reach = built_bottom (self, cell, r)) >= wanted)
            continue;

          distance = row_bottom <= vvalue ? vvalue - row_bottom : MAX (0, reach - (vvalue + height));
          if (distance < best_distance)
            {
              best = cell;
              best_distance = distance;
              *row = r;
              *bottom = wanted;
            }
        }
    }

  return best;
}

static guint
count_cards (RgDiagnosisGrid *self)
{
  guint n = 0;

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);

      if (RG_IS_DIAGNOSIS_CELL (cell))
        n += rg_diagnosis_cell_get_n_built (RG_DIAGNOSIS_CELL (cell));
    }

  return n;
}

/* Between frames: once the view has moved, makes the cards now in it
 * (made while the grid is laid out, they would have GTK lay the window
 * out a second time in the frame); drops the cards of one cell far
 * from the view; then makes the cards about to be scrolled in, for a
 * few milliseconds at most. Stops when there is nothing left to drop
 * or make.
 *
 * A cell is dropped a frame at a time: a fast scroll leaves several
 * behind at once, and dropping them all would hold a frame as long.
 * And cells are dropped once the view rests, not while it moves,
 * unless they hold many cards: dropping a cell of forty cards costs
 * about what making them does, in frames that have cards to make. */
static gboolean
ahead_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  RgDiagnosisGrid *self = RG_DIAGNOSIS_GRID (widget);
  gint64 deadline = g_get_monotonic_time () + SLICE_BUDGET_US;
  int hvalue = self->hadjustment ? (int) gtk_adjustment_get_value (self->hadjustment) : 0;
  int vvalue = self->vadjustment ? (int) gtk_adjustment_get_value (self->vadjustment) : 0;
  gboolean moving = hvalue != self->ahead_hvalue || vvalue != self->ahead_vvalue;
  gboolean changed = FALSE;
  GtkWidget *cell;
  guint row;
  int bottom;

  self->ahead_hvalue = hvalue;
  self->ahead_vvalue = vvalue;
  if (moving && is_laid_out (self))
    changed |= populate_cells_in_view (self, hvalue, vvalue,
                                       gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  if ((!moving || count_cards (self) > MAX_CARDS_KEPT_MOVING) &&
      (cell = next_cell_to_drop (self)) != NULL)
    changed |= rg_diagnosis_cell_depopulate (RG_DIAGNOSIS_CELL (cell));

  while ((cell = next_cell_ahead (self, &row, &bottom)) != NULL)
    {
      rg_diagnosis_cell_populate_more (RG_DIAGNOSIS_CELL (cell), 1);
      changed = TRUE;
      if (g_get_monotonic_time () >= deadline)
        break;
    }

  if (changed)
    gtk_widget_queue_allocate (widget);
  if (cell != NULL || next_cell_to_drop (self) != NULL)
    return G_SOURCE_CONTINUE;

  self->ahead_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_ahead (RgDiagnosisGrid *self)
{
  guint row;
  int bottom;

  if (self->ahead_tick == 0 &&
      (next_cell_ahead (self, &row, &bottom) != NULL || next_cell_to_drop (self) != NULL))
    self->ahead_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), ahead_tick, NULL, NULL);
}

static void
rg_diagnosis_grid_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RgDiagnosisGrid *self = RG_DIAGNOSIS_GRID (widget);
  int column_width = effective_column_width (self);
  int header_width = effective_row_header_width (self);
  int content_width, content_height;
  int hvalue = 0, vvalue = 0;
  int anchor = -1, anchor_offset = 0;
  GtkRoot *root;
  GtkWidget *focus;

  update_font_metrics (self);

  /* The row at the top of the view stays where it is when the rows above
   * it change height, their guessed heights giving way to real ones. */
  if (self->vadjustment != NULL && self->row_y->len == self->n_rows + 1)
    {
      vvalue = (int) gtk_adjustment_get_value (self->vadjustment);
      for (guint r = 0; r < self->n_rows && anchor < 0; r++)
        if (g_array_index (self->row_y, int, r + 1) > vvalue)
          {
            anchor = (int) r;
            anchor_offset = vvalue - g_array_index (self->row_y, int, r);
          }
    }

  /* The column width is a minimum: when the partners fit, their columns
   * share the whole width. */
  if (self->n_columns > 0)
    column_width = MAX (column_width, (width - header_width) / (int) self->n_columns);
  content_width = header_width + (int) self->n_columns * column_width;
  self->used_column_width = column_width;
  self->used_header_width = header_width;
  place_columns (self, width, column_width, header_width);

  /* Populating what comes into view replaces estimates with real
   * heights, which can bring more into view: a few rounds settle it. */
  for (guint round = 0; round < 4; round++)
    {
      content_height = compute_rows (self, width, column_width, header_width);
      configure_adjustment (self->hadjustment, content_width, width, -1);
      configure_adjustment (self->vadjustment, content_height, height,
                            anchor >= 0 ? g_array_index (self->row_y, int, anchor) + anchor_offset : -1);
      hvalue = self->hadjustment ? (int) gtk_adjustment_get_value (self->hadjustment) : 0;
      vvalue = self->vadjustment ? (int) gtk_adjustment_get_value (self->vadjustment) : 0;

      if (!populate_cells_in_view (self, hvalue, vvalue, width, height))
        break;
    }

  /* The keyboard's cell stays shown wherever it is scrolled: a widget
   * hidden takes the focus out of the window. */
  root = gtk_widget_get_root (widget);
  focus = root ? gtk_root_get_focus (root) : NULL;

  for (guint r = 0; r < self->n_rows; r++)
    {
      int y = g_array_index (self->row_y, int, r) - vvalue;
      int cells = g_array_index (self->cells_height, int, r);
      int footer = g_array_index (self->row_y, int, r + 1) - ROW_SPACING
                   - g_array_index (self->row_y, int, r) - cells;

      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkWidget *cell = g_ptr_array_index (self->cells, r * self->n_columns + c);
          int x = column_content_x (self, c, hvalue) - hvalue;
          gboolean shown = cell_has_cards (cell) &&
                           ((x + column_width > -width / 2 && x < width + width / 2 &&
                             y + cells > -height / 2 && y < height + height / 2) ||
                            (focus != NULL && gtk_widget_is_ancestor (focus, cell)));

          /* Cells far from view are neither drawn nor allocated, and
           * farther still they drop their cards (ahead_tick ()). */
          if (cell == NULL)
            continue;
          if (gtk_widget_get_child_visible (cell) != shown)
            gtk_widget_set_child_visible (cell, shown);
          if (shown)
            {
              allocate (cell, x, y, column_width, cells);
              if (RG_IS_DIAGNOSIS_CELL (cell))
                rg_diagnosis_cell_set_view (RG_DIAGNOSIS_CELL (cell), widget);
            }
        }

      /* The header runs down beside the synthesis too. */
      allocate_row_header (self, g_ptr_array_index (self->row_headers, r), y, cells + footer,
                           header_width);
      allocate (g_ptr_array_index (self->row_footers, r),
                header_width, y + cells,
                MAX (1, MIN (width, content_width) - header_width), footer);
    }

  for (guint c = 0; c < self->n_columns; c++)
    allocate (g_ptr_array_index (self->column_headers, c),
              column_content_x (self, c, hvalue) - hvalue, 0, column_width, self->header_height);

  allocate (self->corner, 0, 0, header_width, self->header_height);

  queue_ahead (self);
  g_signal_emit (self, signals [LAID_OUT], 0);
}

static void
rg_diagnosis_grid_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RgDiagnosisGrid *self = RG_DIAGNOSIS_GRID (widget);
  int column_width = effective_column_width (self);
  int header_width = effective_row_header_width (self);

  /* Scrollable: it can be as small as a header. Its content height is
   * only known for a width, at allocation; measuring every card here
   * too would lay out thousands of texts once more for nothing. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = header_width + (self->n_columns > 0 ? column_width : 0);
      *natural = header_width + (int) self->n_columns * column_width;
    }
  else
    {
      *minimum = 0;
      *natural = self->row_y->len > 0 ? g_array_index (self->row_y, int, self->row_y->len - 1) : 0;
    }
}

/* Draws @child if it shows in the grid: the cells around the view are
 * laid out, ready to be scrolled in, and the cairo renderer would
 * draw every card of theirs, seen or not. */
static void
snapshot_child_in_view (GtkWidget   *widget,
                        GtkWidget   *child,
                        GtkSnapshot *snapshot)
{
  graphene_rect_t bounds;

  if (child != NULL && gtk_widget_compute_bounds (child, widget, &bounds) &&
      bounds.origin.x < gtk_widget_get_width (widget) && bounds.origin.x + bounds.size.width > 0 &&
      bounds.origin.y < gtk_widget_get_height (widget) && bounds.origin.y + bounds.size.height > 0)
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
snapshot_children (GtkWidget   *widget,
                   GtkSnapshot *snapshot,
                   GPtrArray   *children)
{
  for (guint i = 0; i < children->len; i++)
    snapshot_child_in_view (widget, g_ptr_array_index (children, i), snapshot);
}

/* The cells or headers of the pinned columns, or of the others */
static void
snapshot_columns (RgDiagnosisGrid *self,
                  GtkSnapshot     *snapshot,
                  GPtrArray       *children,
                  gboolean         pinned)
{
  for (guint i = 0; i < children->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (children, i);

      if (self->n_columns > 0 && is_pinned (self, i % self->n_columns) == pinned)
        snapshot_child_in_view (GTK_WIDGET (self), child, snapshot);
    }
}

static void
rg_diagnosis_grid_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  RgDiagnosisGrid *self = RG_DIAGNOSIS_GRID (widget);

  /* Back to front: the cells scroll under the pinned columns and the
   * sticky headers. */
  snapshot_columns (self, snapshot, self->cells, FALSE);
  snapshot_columns (self, snapshot, self->cells, TRUE);
  snapshot_children (widget, snapshot, self->row_footers);
  snapshot_children (widget, snapshot, self->row_headers);
  snapshot_columns (self, snapshot, self->column_headers, FALSE);
  snapshot_columns (self, snapshot, self->column_headers, TRUE);
  if (self->corner != NULL)
    gtk_widget_snapshot_child (widget, self->corner, snapshot);
}

static void
adjustment_value_changed (RgDiagnosisGrid *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (RgDiagnosisGrid  *self,
                GtkAdjustment   **slot,
                GtkAdjustment    *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed, self);
      g_clear_object (slot);
    }
  if (adjustment != NULL)
    {
      *slot = g_object_ref_sink (adjustment);
      g_signal_connect_swapped (adjustment, "value-changed",
                                G_CALLBACK (adjustment_value_changed), self);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Keeps whatever has the keyboard focus in view, clear of the sticky
 * headers: the coordinator moves with Tab and the arrows, never with
 * the mouse. */
static void
rg_diagnosis_grid_set_focus_child (GtkWidget *widget,
                                   GtkWidget *child)
{
  RgDiagnosisGrid *self = RG_DIAGNOSIS_GRID (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  GTK_WIDGET_CLASS (rg_diagnosis_grid_parent_class)->set_focus_child (widget, child);

  if (child != NULL)
    rg_diagnosis_grid_scroll_to_widget (self, focus && gtk_widget_is_ancestor (focus, child)
                                              ? focus : child);
}

static void
rg_diagnosis_grid_dispose (GObject *object)
{
  RgDiagnosisGrid *self = RG_DIAGNOSIS_GRID (object);

  g_clear_pointer (&self->corner, gtk_widget_unparent);
  unparent_all (self->cells);
  unparent_all (self->column_headers);
  unparent_all (self->row_headers);
  unparent_all (self->row_footers);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  if (self->ahead_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->ahead_tick);
  self->ahead_tick = 0;

  G_OBJECT_CLASS (rg_diagnosis_grid_parent_class)->dispose (object);
}

static void
rg_diagnosis_grid_finalize (GObject *object)
{
  RgDiagnosisGrid *self = RG_DIAGNOSIS_GRID (object);

  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->column_headers);
  g_ptr_array_unref (self->row_headers);
  g_ptr_array_unref (self->row_footers);
  g_array_unref (self->row_y);
  g_array_unref (self->cells_height);
  g_array_unref (self->cell_heights);
  g_array_unref (self->pinned);
  g_array_unref (self->column_x);

  G_OBJECT_CLASS (rg_diagnosis_grid_parent_class)->finalize (object);
}

static void
rg_diagnosis_grid_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RgDiagnosisGrid *self = RG_DIAGNOSIS_GRID (object);

  switch (prop_id)
    {
    case PROP_COLUMN_WIDTH:
      g_value_set_int (value, self->column_width);
      break;

    case PROP_ROW_HEADER_WIDTH:
      g_value_set_int (value, self->row_header_width);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_diagnosis_grid_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RgDiagnosisGrid *self = RG_DIAGNOSIS_GRID (object);

  switch (prop_id)
    {
    case PROP_COLUMN_WIDTH:
      rg_diagnosis_grid_set_column_width (self, g_value_get_int (value));
      break;

    case PROP_ROW_HEADER_WIDTH:
      rg_diagnosis_grid_set_row_header_width (self, g_value_get_int (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_diagnosis_grid_class_init (RgDiagnosisGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_diagnosis_grid_dispose;
  object_class->finalize = rg_diagnosis_grid_finalize;
  object_class->get_property = rg_diagnosis_grid_get_property;
  object_class->set_property = rg_diagnosis_grid_set_property;

  widget_class->measure = rg_diagnosis_grid_measure;
  widget_class->size_allocate = rg_diagnosis_grid_size_allocate;
  widget_class->snapshot = rg_diagnosis_grid_snapshot;
  widget_class->set_focus_child = rg_diagnosis_grid_set_focus_child;

  /* The narrowest a partner's column gets before the grid scrolls. */
  properties [PROP_COLUMN_WIDTH] =
    g_param_spec_int ("column-width", NULL, NULL, 1, G_MAXINT, 260,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ROW_HEADER_WIDTH] =
    g_param_spec_int ("row-header-width", NULL, NULL, 0, G_MAXINT, 180,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgDiagnosisGrid::laid-out:
   *
   * Emitted after each allocation, when the rows may have moved.
   */
  signals [LAID_OUT] =
    g_signal_new ("laid-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "diagnosis-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
rg_diagnosis_grid_init (RgDiagnosisGrid *self)
{
  self->column_width = 260;
  self->row_header_width = 180;
  self->cells = g_ptr_array_new ();
  self->column_headers = g_ptr_array_new ();
  self->row_headers = g_ptr_array_new ();
  self->row_footers = g_ptr_array_new ();
  self->row_y = g_array_new (FALSE, TRUE, sizeof (int));
  self->cells_height = g_array_new (FALSE, TRUE, sizeof (int));
  self->cell_heights = g_array_new (FALSE, TRUE, sizeof (int));
  self->pinned = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->column_x = g_array_new (FALSE, TRUE, sizeof (int));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
rg_diagnosis_grid_new (void)
{
  return g_object_new (RG_TYPE_DIAGNOSIS_GRID, NULL);
}

/**
 * rg_diagnosis_grid_reset:
 * @self: a #RgDiagnosisGrid
 * @n_columns: the number of partners
 * @n_rows: the number of dimensions
 *
 * Removes every child but the corner and sets the grid's shape; the
 * view then fills it with headers, cells and footers.
 */
void
rg_diagnosis_grid_reset (RgDiagnosisGrid *self,
                         guint            n_columns,
                         guint            n_rows)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));

  unparent_all (self->cells);
  unparent_all (self->column_headers);
  unparent_all (self->row_headers);
  unparent_all (self->row_footers);

  self->n_columns = n_columns;
  self->n_rows = n_rows;
  g_ptr_array_set_size (self->cells, n_columns * n_rows);
  g_ptr_array_set_size (self->column_headers, n_columns);
  g_ptr_array_set_size (self->row_headers, n_rows);
  g_ptr_array_set_size (self->row_footers, n_rows);
  g_array_set_size (self->cell_heights, 0);
  g_array_set_size (self->pinned, 0);
  g_array_set_size (self->pinned, n_columns);
  g_array_set_size (self->column_x, 0);
  self->pinned_width = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * rg_diagnosis_grid_set_column_pinned:
 * @self: a #RgDiagnosisGrid
 * @column: a column
 * @pinned: whether to keep it in view
 *
 * Pins @column: when the columns do not all fit, the pinned ones are
 * laid out first and never scroll out of view. Their cells and header
 * have the style class “pinned”.
 */
void
rg_diagnosis_grid_set_column_pinned (RgDiagnosisGrid *self,
                                     guint            column,
                                     gboolean         pinned)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));
  g_return_if_fail (column < self->n_columns);

  g_array_index (self->pinned, gboolean, column) = !!pinned;
  for (guint r = 0; r <= self->n_rows; r++)
    {
      GtkWidget *child = r < self->n_rows ? g_ptr_array_index (self->cells, r * self->n_columns + column)
                                          : g_ptr_array_index (self->column_headers, column);

      if (child != NULL && pinned)
        gtk_widget_add_css_class (child, "pinned");
      else if (child != NULL)
        gtk_widget_remove_css_class (child, "pinned");
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * rg_diagnosis_grid_get_column_x:
 * @self: a #RgDiagnosisGrid
 * @column: a column
 *
 * Returns: where @column starts in the grid, as last laid out, or -1
 *   before it is
 */
int
rg_diagnosis_grid_get_column_x (RgDiagnosisGrid *self,
                                guint            column)
{
  int hvalue;

  g_return_val_if_fail (RG_IS_DIAGNOSIS_GRID (self), -1);

  if (column >= self->column_x->len)
    return -1;

  hvalue = self->hadjustment ? (int) gtk_adjustment_get_value (self->hadjustment) : 0;
  return column_content_x (self, column, hvalue) - hvalue;
}

static void
mark_pinned (RgDiagnosisGrid *self,
             guint            column,
             GtkWidget       *widget)
{
  if (widget != NULL && column < self->pinned->len && g_array_index (self->pinned, gboolean, column))
    gtk_widget_add_css_class (widget, "pinned");
}

guint
rg_diagnosis_grid_get_n_columns (RgDiagnosisGrid *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_GRID (self), 0);

  return self->n_columns;
}

guint
rg_diagnosis_grid_get_n_rows (RgDiagnosisGrid *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_GRID (self), 0);

  return self->n_rows;
}

void
rg_diagnosis_grid_set_corner (RgDiagnosisGrid *self,
                              GtkWidget       *widget)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  replace_child (self, &self->corner, widget);
}

void
rg_diagnosis_grid_set_column_header (RgDiagnosisGrid *self,
                                     guint            column,
                                     GtkWidget       *widget)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));
  g_return_if_fail (column < self->n_columns);

  mark_pinned (self, column, widget);
  replace_child (self, (GtkWidget **) &self->column_headers->pdata[column], widget);
}

void
rg_diagnosis_grid_set_row_header (RgDiagnosisGrid *self,
                                  guint            row,
                                  GtkWidget       *widget)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));
  g_return_if_fail (row < self->n_rows);

  replace_child (self, (GtkWidget **) &self->row_headers->pdata[row], widget);
}

void
rg_diagnosis_grid_set_row_footer (RgDiagnosisGrid *self,
                                  guint            row,
                                  GtkWidget       *widget)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));
  g_return_if_fail (row < self->n_rows);

  replace_child (self, (GtkWidget **) &self->row_footers->pdata[row], widget);
}

void
rg_diagnosis_grid_set_cell (RgDiagnosisGrid *self,
                            guint            column,
                            guint            row,
                            GtkWidget       *widget)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));
  g_return_if_fail (column < self->n_columns && row < self->n_rows);

  mark_pinned (self, column, widget);
  replace_child (self, (GtkWidget **) &self->cells->pdata[row * self->n_columns + column], widget);
}

/**
 * rg_diagnosis_grid_get_row_extent:
 * @self: a #RgDiagnosisGrid
 * @row: a row
 * @y: (out): where the row starts, in content coordinates
 * @height: (out): its height, synthesis included
 *
 * Where a row lies in the whole content, as last laid out.
 *
 * Returns: %FALSE if the row has not been laid out yet
 */
gboolean
rg_diagnosis_grid_get_row_extent (RgDiagnosisGrid *self,
                                  guint            row,
                                  int             *y,
                                  int             *height)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_GRID (self), FALSE);

  if (row + 1 >= self->row_y->len)
    return FALSE;

  *y = g_array_index (self->row_y, int, row);
  *height = g_array_index (self->row_y, int, row + 1) - *y;
  return TRUE;
}

/**
 * rg_diagnosis_grid_get_row_footer:
 *
 * Returns: (transfer none) (nullable): the footer of @row
 */
GtkWidget *
rg_diagnosis_grid_get_row_footer (RgDiagnosisGrid *self,
                                  guint            row)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_GRID (self), NULL);

  return row < self->n_rows ? g_ptr_array_index (self->row_footers, row) : NULL;
}

/**
 * rg_diagnosis_grid_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell at @column, @row
 */
GtkWidget *
rg_diagnosis_grid_get_cell (RgDiagnosisGrid *self,
                            guint            column,
                            guint            row)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_GRID (self), NULL);

  if (column >= self->n_columns || row >= self->n_rows)
    return NULL;

  return g_ptr_array_index (self->cells, row * self->n_columns + column);
}

int
rg_diagnosis_grid_get_column_width (RgDiagnosisGrid *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_GRID (self), 0);

  return self->column_width;
}

void
rg_diagnosis_grid_set_column_width (RgDiagnosisGrid *self,
                                    int              width)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));

  if (self->column_width == width)
    return;

  self->column_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COLUMN_WIDTH]);
}

int
rg_diagnosis_grid_get_row_header_width (RgDiagnosisGrid *self)
{
  g_return_val_if_fail (RG_IS_DIAGNOSIS_GRID (self), 0);

  return self->row_header_width;
}

void
rg_diagnosis_grid_set_row_header_width (RgDiagnosisGrid *self,
                                        int              width)
{
  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));

  if (self->row_header_width == width)
    return;

  self->row_header_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROW_HEADER_WIDTH]);
}

/**
 * rg_diagnosis_grid_reveal_cell:
 * @self: a #RgDiagnosisGrid
 * @column: a column
 * @row: a row
 *
 * Makes a cell ready to take the keyboard focus, wherever it is: it is
 * populated, shown, and scrolled into view.
 */
void
rg_diagnosis_grid_reveal_cell (RgDiagnosisGrid *self,
                               guint            column,
                               guint            row)
{
  GtkWidget *cell;
  int x, y, width, height;

  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));

  if (!(cell = rg_diagnosis_grid_get_cell (self, column, row)))
    return;

  if (RG_IS_DIAGNOSIS_CELL (cell))
    rg_diagnosis_cell_populate (RG_DIAGNOSIS_CELL (cell));
  gtk_widget_set_child_visible (cell, TRUE);

  if (self->hadjustment == NULL || self->vadjustment == NULL || row + 1 >= self->row_y->len)
    return;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  y = g_array_index (self->row_y, int, row);

  /* A pinned column is always in view; the others scroll beside them. */
  if (column < self->column_x->len && !is_pinned (self, column))
    {
      int left = self->used_header_width + self->pinned_width;

      x = g_array_index (self->column_x, int, column);
      if (x - left < gtk_adjustment_get_value (self->hadjustment) ||
          x + self->used_column_width > gtk_adjustment_get_value (self->hadjustment) + width)
        gtk_adjustment_set_value (self->hadjustment, x - left);
    }
  if (y - self->header_height < gtk_adjustment_get_value (self->vadjustment) ||
      y > gtk_adjustment_get_value (self->vadjustment) + height - self->line_height * 4)
    gtk_adjustment_set_value (self->vadjustment, y - self->header_height);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
widget_in_column (RgDiagnosisGrid *self,
                  GtkWidget       *widget,
                  guint            column)
{
  GtkWidget *header = g_ptr_array_index (self->column_headers, column);

  if (header != NULL && (widget == header || gtk_widget_is_ancestor (widget, header)))
    return TRUE;

  for (guint r = 0; r < self->n_rows; r++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, r * self->n_columns + column);

      if (cell != NULL && (widget == cell || gtk_widget_is_ancestor (widget, cell)))
        return TRUE;
    }

  return FALSE;
}

/**
 * rg_diagnosis_grid_scroll_to_widget:
 * @self: a #RgDiagnosisGrid
 * @widget: a descendant of @self
 *
 * Scrolls so that @widget is visible and not hidden by the sticky
 * headers. Headers themselves never need scrolling.
 */
void
rg_diagnosis_grid_scroll_to_widget (RgDiagnosisGrid *self,
                                    GtkWidget       *widget)
{
  graphene_rect_t bounds;
  int width, height, header_width;
  gboolean in_pinned = FALSE;
  double x, y;

  g_return_if_fail (RG_IS_DIAGNOSIS_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (self->hadjustment == NULL || self->vadjustment == NULL ||
      !gtk_widget_compute_bounds (widget, GTK_WIDGET (self), &bounds))
    return;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  header_width = effective_row_header_width (self);
  x = gtk_adjustment_get_value (self->hadjustment);
  y = gtk_adjustment_get_value (self->vadjustment);

  /* Headers and footers are pinned: they are always in view. */
  if (g_ptr_array_find (self->column_headers, widget, NULL) ||
      g_ptr_array_find (self->row_headers, widget, NULL) ||
      widget == self->corner)
    return;

  /* Pinned columns stay; the others scroll clear of them too. */
  for (guint c = 0; c < self->n_columns && self->pinned_width > 0; c++)
    in_pinned = in_pinned || (is_pinned (self, c) && widget_in_column (self, widget, c));
  header_width += self->pinned_width;

  if (!in_pinned && bounds.origin.x < header_width)
    x += bounds.origin.x - header_width;
  else if (!in_pinned && bounds.origin.x + bounds.size.width > width)
    x += MIN (bounds.origin.x + bounds.size.width - width, bounds.origin.x - header_width);

  if (bounds.origin.y < self->header_height)
    y += bounds.origin.y - self->header_height;
  else if (bounds.origin.y + bounds.size.height > height)
    y += MIN (bounds.origin.y + bounds.size.height - height, bounds.origin.y - self->header_height);

  gtk_adjustment_set_value (self->hadjustment, x);
  gtk_adjustment_set_value (self->vadjustment, y);
}
