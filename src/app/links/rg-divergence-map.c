/* rg-divergence-map.c — the partner × partner picture, on screen
 *
 * The drawing is the core's (rg-divergence-picture.c), the same that
 * goes into the PNG and SVG exports; this widget sizes it to the
 * width it gets, in the widget's font and light or dark, tells what is
 * in a cell on hover, and says in words what it shows to screen
 * readers, since a picture has no text of its own.
 *
 * The figures are a snapshot: whoever shows the map calls
 * rg_divergence_map_update () when the links change (the links view
 * does, on the model's signals).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-divergence-map"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-divergence-map.h"
#include "rg-style.h"

struct _RgDivergenceMap
{
  GtkWidget            parent_instance;

  RgSession           *session;
  RgDivergencePicture *picture;
  char                *font;
};

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgDivergenceMap, rg_divergence_map, GTK_TYPE_WIDGET)

/* The picture follows the widget's font, so the style's zoom and text
 * scaling make it grow with the rest of the window. */
static void
sync_font (RgDivergenceMap *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autofree char *font = NULL;

  font = pango_font_description_to_string (pango_context_get_font_description (context));
  if (g_strcmp0 (font, self->font) == 0)
    return;

  g_free (self->font);
  self->font = g_steal_pointer (&font);
  rg_divergence_picture_set_font (self->picture, self->font);
}

static void
rg_divergence_map_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  RgDivergenceMap *self = RG_DIVERGENCE_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  sync_font (self);
  rg_divergence_picture_set_dark (self->picture, rg_style_is_dark (widget));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rg_divergence_picture_draw (self->picture, cr, width, height);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
rg_divergence_map_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rg_divergence_map_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RgDivergenceMap *self = RG_DIVERGENCE_MAP (widget);

  sync_font (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = rg_divergence_picture_get_min_width (self->picture);
      *natural = MAX (*minimum, rg_divergence_picture_get_natural_width (self->picture));
    }
  else
    {
      int width = for_size;

      if (width < 0)
        width = rg_divergence_picture_get_natural_width (self->picture);
      width = MAX (width, rg_divergence_picture_get_min_width (self->picture));
      *minimum = *natural = rg_divergence_picture_get_height_for_width (self->picture, width);
    }
}

static gboolean
rg_divergence_map_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  RgDivergenceMap *self = RG_DIVERGENCE_MAP (widget);
  g_autofree char *text = NULL;
  guint row, column;

  if (keyboard_mode ||
      !rg_divergence_picture_get_cell_at (self->picture, gtk_widget_get_width (widget), x, y,
                                          &row, &column) ||
      !(text = rg_divergence_picture_describe_pair (self->picture, row, column)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * rg_divergence_map_update:
 * @self: a #RgDivergenceMap
 *
 * Takes the figures of the session again and redraws: call it when the
 * links, the partners or their names and colours change.
 */
void
rg_divergence_map_update (RgDivergenceMap *self)
{
  g_autoptr(RgSession) empty = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (RG_IS_DIVERGENCE_MAP (self));

  g_clear_object (&self->picture);
  if (self->session == NULL)
    empty = rg_session_new ();
  self->picture = rg_divergence_picture_new (self->session ? self->session : empty);
  if (self->font != NULL)
    rg_divergence_picture_set_font (self->picture, self->font);

  description = rg_divergence_picture_describe (self->picture);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
rg_divergence_map_dispose (GObject *object)
{
  RgDivergenceMap *self = RG_DIVERGENCE_MAP (object);

  g_clear_object (&self->session);
  g_clear_object (&self->picture);
  g_clear_pointer (&self->font, g_free);

  G_OBJECT_CLASS (rg_divergence_map_parent_class)->dispose (object);
}

static void
rg_divergence_map_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RgDivergenceMap *self = RG_DIVERGENCE_MAP (object);

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
rg_divergence_map_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RgDivergenceMap *self = RG_DIVERGENCE_MAP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rg_divergence_map_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_divergence_map_class_init (RgDivergenceMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_divergence_map_dispose;
  object_class->get_property = rg_divergence_map_get_property;
  object_class->set_property = rg_divergence_map_set_property;

  widget_class->snapshot = rg_divergence_map_snapshot;
  widget_class->get_request_mode = rg_divergence_map_get_request_mode;
  widget_class->measure = rg_divergence_map_measure;
  widget_class->query_tooltip = rg_divergence_map_query_tooltip;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RG_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "divergence-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rg_divergence_map_init (RgDivergenceMap *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agreements and divergences between each two partners"),
                                  -1);
  rg_divergence_map_update (self);
}

/**
 * rg_divergence_map_new:
 *
 * Returns: (transfer full): a new, empty map
 */
GtkWidget *
rg_divergence_map_new (void)
{
  return g_object_new (RG_TYPE_DIVERGENCE_MAP, NULL);
}

/**
 * rg_divergence_map_get_session:
 *
 * Returns: (transfer none) (nullable): the session drawn
 */
RgSession *
rg_divergence_map_get_session (RgDivergenceMap *self)
{
  g_return_val_if_fail (RG_IS_DIVERGENCE_MAP (self), NULL);

  return self->session;
}

/**
 * rg_divergence_map_set_session:
 * @self: a #RgDivergenceMap
 * @session: (nullable): the session to draw
 */
void
rg_divergence_map_set_session (RgDivergenceMap *self,
                               RgSession       *session)
{
  g_return_if_fail (RG_IS_DIVERGENCE_MAP (self));
  g_return_if_fail (session == NULL || RG_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    {
      rg_divergence_map_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
    }
}

/**
 * rg_divergence_map_get_picture:
 *
 * Returns: (transfer none): the picture drawn, with the figures of the
 *   last update
 */
RgDivergencePicture *
rg_divergence_map_get_picture (RgDivergenceMap *self)
{
  g_return_val_if_fail (RG_IS_DIVERGENCE_MAP (self), NULL);

  return self->picture;
}
