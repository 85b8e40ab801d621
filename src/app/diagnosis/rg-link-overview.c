/* rg-link-overview.c — where the agreements and divergences are
 *
 * A narrow strip beside the diagnosis grid, standing for its whole
 * height: each dimension with agreements gets a blue mark on the left
 * half, each with open divergences an orange mark on the right half,
 * and the part in view is outlined. Clicking scrolls there. For the
 * keyboard, F8 goes from divergence to divergence; for screen readers
 * the strip describes itself in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-link-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-link-overview.h"
#include "rg-statistics.h"

struct _RgLinkOverview
{
  GtkWidget        parent_instance;

  RgSessionEditor *editor;
  RgDiagnosisGrid *grid;
  GtkAdjustment   *vadjustment;

  /* Per dimension, in the session's order. */
  GArray          *agreements;
  GArray          *divergences;
};

G_DEFINE_FINAL_TYPE (RgLinkOverview, rg_link_overview, GTK_TYPE_WIDGET)

static void
update_description (RgLinkOverview *self)
{
  GListModel *dimensions = rg_session_get_dimensions (rg_session_editor_get_session (self->editor));
  g_autoptr(GString) description = g_string_new (NULL);

  for (guint r = 0; r < self->divergences->len; r++)
    {
      guint n = g_array_index (self->divergences, guint, r);
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, r);

      if (n == 0 || dimension == NULL)
        continue;

      if (description->len > 0)
        g_string_append (description, "; ");
      /* Translators: part of the overview's description for screen
       * readers: "Santé: 2 open divergences". */
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE, "%s: %u open divergence",
                                           "%s: %u open divergences", n),
                              rg_dimension_get_name (dimension), n);
    }

  if (description->len == 0)
    g_string_append (description, _("No open divergence"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
recount (RgLinkOverview *self)
{
  g_autoptr(RgStatistics) statistics = NULL;
  GListModel *dimensions;
  guint n;

  g_array_set_size (self->agreements, 0);
  g_array_set_size (self->divergences, 0);

  if (self->editor != NULL)
    {
      statistics = rg_statistics_new (rg_session_editor_get_session (self->editor));
      dimensions = rg_session_get_dimensions (rg_session_editor_get_session (self->editor));
      n = g_list_model_get_n_items (dimensions);

      for (guint r = 0; r < n; r++)
        {
          g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, r);
          const char *id = rg_dimension_get_id (dimension);
          guint agreements = rg_statistics_get_dimension_count (statistics, id, RG_LINK_TYPE_AGREEMENT);
          guint divergences = rg_statistics_get_dimension_open_count (statistics, id,
                                                                      RG_LINK_TYPE_DIVERGENCE);

          g_array_append_val (self->agreements, agreements);
          g_array_append_val (self->divergences, divergences);
        }

      update_description (self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *colour,
             float          x,
             float          y,
             float          width,
             float          height)
{
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
rg_link_overview_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RgLinkOverview *self = RG_LINK_OVERVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA blue = { 0.21, 0.52, 0.89, 1.0 };    /* GNOME blue 3 */
  GdkRGBA orange = { 1.0, 0.47, 0.0, 1.0 };    /* GNOME orange 3 */
  GdkRGBA view = { 0.5, 0.5, 0.5, 0.3 };   /* shows on light and dark alike */
  double upper;

  if (self->grid == NULL || self->vadjustment == NULL ||
      (upper = gtk_adjustment_get_upper (self->vadjustment)) <= 0)
    return;

  for (guint r = 0; r < self->agreements->len; r++)
    {
      int y, h;
      float top, size;

      if (!rg_diagnosis_grid_get_row_extent (self->grid, r, &y, &h))
        break;

      top = (float) (y / upper * height);
      size = MAX (3.f, (float) (h / upper * height) - 1.f);
      if (g_array_index (self->agreements, guint, r) > 0)
        append_rect (snapshot, &blue, 1, top, width / 2.f - 1, size);
      if (g_array_index (self->divergences, guint, r) > 0)
        append_rect (snapshot, &orange, width / 2.f, top, width / 2.f - 1, size);
    }

  /* The part in view. */
  append_rect (snapshot, &view, 0,
               (float) (gtk_adjustment_get_value (self->vadjustment) / upper * height), width,
               (float) (gtk_adjustment_get_page_size (self->vadjustment) / upper * height));
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            RgLinkOverview  *self)
{
  double upper, page;
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->vadjustment == NULL || height <= 0)
    return;

  upper = gtk_adjustment_get_upper (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  gtk_adjustment_set_value (self->vadjustment, y / height * upper - page / 2);
}

static void
rg_link_overview_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 12 : 0;
}

static void
rg_link_overview_dispose (GObject *object)
{
  RgLinkOverview *self = RG_LINK_OVERVIEW (object);

  rg_link_overview_set_editor (self, NULL);
  rg_link_overview_set_grid (self, NULL, NULL);

  G_OBJECT_CLASS (rg_link_overview_parent_class)->dispose (object);
}

static void
rg_link_overview_finalize (GObject *object)
{
  RgLinkOverview *self = RG_LINK_OVERVIEW (object);

  g_array_unref (self->agreements);
  g_array_unref (self->divergences);

  G_OBJECT_CLASS (rg_link_overview_parent_class)->finalize (object);
}

static void
rg_link_overview_class_init (RgLinkOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_link_overview_dispose;
  object_class->finalize = rg_link_overview_finalize;
  widget_class->snapshot = rg_link_overview_snapshot;
  widget_class->measure = rg_link_overview_measure;

  gtk_widget_class_set_css_name (widget_class, "link-overview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rg_link_overview_init (RgLinkOverview *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->agreements = g_array_new (FALSE, TRUE, sizeof (guint));
  self->divergences = g_array_new (FALSE, TRUE, sizeof (guint));

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               _("Where the agreements (blue, left) and the open divergences "
                                 "(orange, right) are"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Overview of agreements and divergences"),
                                  -1);
}

/**
 * rg_link_overview_set_editor:
 * @self: a #RgLinkOverview
 * @editor: (nullable): the session's editor
 *
 * Follows the links of the session of @editor.
 */
void
rg_link_overview_set_editor (RgLinkOverview  *self,
                             RgSessionEditor *editor)
{
  g_return_if_fail (RG_IS_LINK_OVERVIEW (self));

  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_func (rg_session_editor_get_link_index (self->editor), recount, self);
      g_signal_handlers_disconnect_by_func (rg_session_get_dimensions (rg_session_editor_get_session (self->editor)),
                                            recount, self);
    }

  g_set_object (&self->editor, editor);

  if (self->editor != NULL)
    {
      g_signal_connect_swapped (rg_session_editor_get_link_index (self->editor), "changed",
                                G_CALLBACK (recount), self);
      g_signal_connect_swapped (rg_session_get_dimensions (rg_session_editor_get_session (self->editor)),
                                "items-changed", G_CALLBACK (recount), self);
    }

  recount (self);
}

/**
 * rg_link_overview_set_grid:
 * @self: a #RgLinkOverview
 * @grid: (nullable): the grid the strip stands for
 * @vadjustment: (nullable): the grid's vertical scrolling
 */
void
rg_link_overview_set_grid (RgLinkOverview  *self,
                           RgDiagnosisGrid *grid,
                           GtkAdjustment   *vadjustment)
{
  g_return_if_fail (RG_IS_LINK_OVERVIEW (self));

  if (self->grid != NULL)
    g_signal_handlers_disconnect_by_func (self->grid, gtk_widget_queue_draw, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, gtk_widget_queue_draw, self);

  g_set_object (&self->grid, grid);
  g_set_object (&self->vadjustment, vadjustment);

  if (self->grid != NULL)
    g_signal_connect_swapped (self->grid, "laid-out", G_CALLBACK (gtk_widget_queue_draw), self);
  if (self->vadjustment != NULL)
    g_signal_connect_swapped (self->vadjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rg_link_overview_get_n_agreements:
 *
 * Returns: the number of agreements the strip marks in @row
 */
guint
rg_link_overview_get_n_agreements (RgLinkOverview *self,
                                   guint           row)
{
  g_return_val_if_fail (RG_IS_LINK_OVERVIEW (self), 0);

  return row < self->agreements->len ? g_array_index (self->agreements, guint, row) : 0;
}

/**
 * rg_link_overview_get_n_divergences:
 *
 * Returns: the number of open divergences the strip marks in @row
 */
guint
rg_link_overview_get_n_divergences (RgLinkOverview *self,
                                    guint           row)
{
  g_return_val_if_fail (RG_IS_LINK_OVERVIEW (self), 0);

  return row < self->divergences->len ? g_array_index (self->divergences, guint, row) : 0;
}
