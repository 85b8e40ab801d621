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

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgDimension, name)
#define SETTER(name) G_CALLBACK (rg_dimension_set_##name)

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

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]        = { "id", RG_PROPERTY_ID, FIELD (id) },
  [PROP_NAME]      = { "name", RG_PROPERTY_TEXT, FIELD (name), SETTER (name), .text = "" },
  /**
   * RgDimension:synthesis:
   *
   * The wording of this dimension the whole team agrees on, %NULL until
   * there is one.
   */
  [PROP_SYNTHESIS] = { "synthesis", RG_PROPERTY_TEXT, FIELD (synthesis), SETTER (synthesis) },
};

static void
rg_dimension_class_init (RgDimensionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = _rg_properties_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);
}

static void
rg_dimension_init (RgDimension *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
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
RG_DEFINE_GETTER (RgDimension, rg_dimension, DIMENSION, const char *, id, NULL)

/**
 * rg_dimension_get_name:
 * @self: a #RgDimension
 *
 * Returns: (transfer none): the name, never %NULL
 */
/**
 * rg_dimension_set_name:
 * @self: a #RgDimension
 * @name: (nullable): the name of the axis
 */
RG_DEFINE_TEXT_PROPERTY (RgDimension, rg_dimension, DIMENSION, name, NAME, TRUE)

/**
 * rg_dimension_get_synthesis:
 * @self: a #RgDimension
 *
 * Returns: (transfer none) (nullable): the agreed wording, %NULL if none
 */
/**
 * rg_dimension_set_synthesis:
 * @self: a #RgDimension
 * @synthesis: (nullable): the agreed wording; %NULL or "" for none
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgDimension, rg_dimension, DIMENSION, synthesis, SYNTHESIS, TRUE)
