/* rg-dimension.c — an axis of the situation, a row of the diagnosis
 *
 * Schooling, health, family… set by the template, editable. It carries
 * the synthesis: the wording of that axis the whole team agrees on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-dimension"

#include "config.h"

#include "rg-dimension.h"
#include "rg-types-private.h"

struct _RgDimension
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *synthesis;
};

G_DEFINE_FINAL_TYPE (RgDimension, rg_dimension, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SYNTHESIS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rg_dimension_finalize (GObject *object)
{
  RgDimension *self = (RgDimension *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->synthesis, g_free);

  G_OBJECT_CLASS (rg_dimension_parent_class)->finalize (object);
}

static void
rg_dimension_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RgDimension *self = RG_DIMENSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SYNTHESIS:
      g_value_set_string (value, self->synthesis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_dimension_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RgDimension *self = RG_DIMENSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = _rg_id_or_new (g_value_get_string (value));
      break;

    case PROP_NAME:
      rg_dimension_set_name (self, g_value_get_string (value));
      break;

    case PROP_SYNTHESIS:
      rg_dimension_set_synthesis (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_dimension_class_init (RgDimensionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_dimension_finalize;
  object_class->get_property = rg_dimension_get_property;
  object_class->set_property = rg_dimension_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RgDimension:synthesis:
   *
   * The wording of this dimension the whole team agrees on, %NULL until
   * there is one.
   */
  properties [PROP_SYNTHESIS] =
    g_param_spec_string ("synthesis", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_dimension_init (RgDimension *self)
{
  self->name = g_strdup ("");
}

/**
 * rg_dimension_new:
 *
 * Returns: (transfer full): a new #RgDimension with a new id and no name
 */
RgDimension *
rg_dimension_new (void)
{
  return g_object_new (RG_TYPE_DIMENSION, NULL);
}

/**
 * rg_dimension_get_id:
 * @self: a #RgDimension
 *
 * Returns: (transfer none): the dimension's UUID
 */
const char *
rg_dimension_get_id (RgDimension *self)
{
  g_return_val_if_fail (RG_IS_DIMENSION (self), NULL);

  return self->id;
}

/**
 * rg_dimension_get_name:
 * @self: a #RgDimension
 *
 * Returns: (transfer none): the name, never %NULL
 */
const char *
rg_dimension_get_name (RgDimension *self)
{
  g_return_val_if_fail (RG_IS_DIMENSION (self), NULL);

  return self->name;
}

/**
 * rg_dimension_set_name:
 * @self: a #RgDimension
 * @name: (nullable): the name of the axis
 */
void
rg_dimension_set_name (RgDimension *self,
                       const char  *name)
{
  g_return_if_fail (RG_IS_DIMENSION (self));

  if (_rg_set_text (&self->name, name, FALSE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * rg_dimension_get_synthesis:
 * @self: a #RgDimension
 *
 * Returns: (transfer none) (nullable): the agreed wording, %NULL if none
 */
const char *
rg_dimension_get_synthesis (RgDimension *self)
{
  g_return_val_if_fail (RG_IS_DIMENSION (self), NULL);

  return self->synthesis;
}

/**
 * rg_dimension_set_synthesis:
 * @self: a #RgDimension
 * @synthesis: (nullable): the agreed wording; %NULL or "" for none
 */
void
rg_dimension_set_synthesis (RgDimension *self,
                            const char  *synthesis)
{
  g_return_if_fail (RG_IS_DIMENSION (self));

  if (_rg_set_text (&self->synthesis, synthesis, TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SYNTHESIS]);
}
