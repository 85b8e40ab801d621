/* rg-criteria-map-view.c — the map of success criteria, on screen
 *
 * Draws what rg-criteria-map.c lays out, at the size of the widget, so
 * that on a projector the map fills the wall. The core does the layout
 * and the drawing; this widget only follows the session and its own
 * size, and says in words what the map shows for those who cannot see
 * it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-criteria-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-criteria-map.h"
#include "rg-criteria-map-view.h"

/* Smaller than this, the text of a full map is too small to read */
#define MIN_WIDTH  640
#define MIN_HEIGHT 360

struct _RgCriteriaMapView
{
  GtkWidget      parent_instance;

  RgSession     *session;
  RgCriteriaMap *map;     /* laid out for the current size, or NULL */
};

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgCriteriaMapView, rg_criteria_map_view, GTK_TYPE_WIDGET)

static void
update_description (RgCriteriaMapView *self)
{
  g_autofree char *description = NULL;

  if (self->session != NULL)
    description = rg_criteria_map_describe (self->session);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "",
                                  -1);
}

static void
session_changed_cb (RgCriteriaMapView *self)
{
  g_clear_object (&self->map);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rg_criteria_map_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? MIN_WIDTH : MIN_HEIGHT;
}

static void
rg_criteria_map_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  RgCriteriaMapView *self = RG_CRITERIA_MAP_VIEW (widget);

  if (self->map != NULL &&
      (rg_criteria_map_get_width (self->map) != width ||
       rg_criteria_map_get_height (self->map) != height))
    g_clear_object (&self->map);
}

static void
rg_criteria_map_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RgCriteriaMapView *self = RG_CRITERIA_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->session == NULL || width <= 0 || height <= 0)
    return;

  if (self->map == NULL)
    self->map = rg_criteria_map_new (self->session, width, height);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rg_criteria_map_draw (self->map, cr);
  cairo_destroy (cr);
}

static void
rg_criteria_map_view_dispose (GObject *object)
{
  RgCriteriaMapView *self = RG_CRITERIA_MAP_VIEW (object);

  rg_criteria_map_view_set_session (self, NULL);

  G_OBJECT_CLASS (rg_criteria_map_view_parent_class)->dispose (object);
}

static void
rg_criteria_map_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RgCriteriaMapView *self = RG_CRITERIA_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_criteria_map_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RgCriteriaMapView *self = RG_CRITERIA_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rg_criteria_map_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_criteria_map_view_class_init (RgCriteriaMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_criteria_map_view_dispose;
  object_class->get_property = rg_criteria_map_view_get_property;
  object_class->set_property = rg_criteria_map_view_set_property;

  widget_class->measure = rg_criteria_map_view_measure;
  widget_class->size_allocate = rg_criteria_map_view_size_allocate;
  widget_class->snapshot = rg_criteria_map_view_snapshot;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RG_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "criteria-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rg_criteria_map_view_init (RgCriteriaMapView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of the success criteria"),
                                  -1);
}

GtkWidget *
rg_criteria_map_view_new (void)
{
  return g_object_new (RG_TYPE_CRITERIA_MAP_VIEW, NULL);
}

/**
 * rg_criteria_map_view_get_session:
 * @self: a #RgCriteriaMapView
 *
 * Returns: (transfer none) (nullable): the session drawn
 */
RgSession *
rg_criteria_map_view_get_session (RgCriteriaMapView *self)
{
  g_return_val_if_fail (RG_IS_CRITERIA_MAP_VIEW (self), NULL);

  return self->session;
}

/**
 * rg_criteria_map_view_set_session:
 * @self: a #RgCriteriaMapView
 * @session: (nullable): the session whose criteria to draw
 *
 * Draws the criteria of @session, and again whenever it changes.
 */
void
rg_criteria_map_view_set_session (RgCriteriaMapView *self,
                                  RgSession         *session)
{
  g_return_if_fail (RG_IS_CRITERIA_MAP_VIEW (self));
  g_return_if_fail (session == NULL || RG_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  g_set_object (&self->session, session);

  if (session != NULL)
    g_signal_connect_swapped (session, "changed", G_CALLBACK (session_changed_cb), self);

  session_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}
