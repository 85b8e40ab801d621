/* rg-criterion.c — a success criterion
 *
 * What the team will count as progress: the criterion itself, the
 * indicators that will show it, who proposed it, and whether the team
 * agreed on it. It lives in a RgCategory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-criterion"

#include "config.h"

#include "rg-criterion.h"
#include "rg-types-private.h"

struct _RgCriterion
{
  GObject    parent_instance;

  char      *id;
  char      *text;
  char     **indicators;
  char     **proposed_by;
  gboolean   agreed;
};

G_DEFINE_FINAL_TYPE (RgCriterion, rg_criterion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_INDICATORS,
  PROP_PROPOSED_BY,
  PROP_AGREED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rg_criterion_finalize (GObject *object)
{
  RgCriterion *self = (RgCriterion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->indicators, g_strfreev);
  g_clear_pointer (&self->proposed_by, g_strfreev);

  G_OBJECT_CLASS (rg_criterion_parent_class)->finalize (object);
}

static void
rg_criterion_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RgCriterion *self = RG_CRITERION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_INDICATORS:
      g_value_set_boxed (value, self->indicators);
      break;

    case PROP_PROPOSED_BY:
      g_value_set_boxed (value, self->proposed_by);
      break;

    case PROP_AGREED:
      g_value_set_boolean (value, self->agreed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_criterion_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RgCriterion *self = RG_CRITERION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = _rg_id_or_new (g_value_get_string (value));
      break;

    case PROP_TEXT:
      rg_criterion_set_text (self, g_value_get_string (value));
      break;

    case PROP_INDICATORS:
      rg_criterion_set_indicators (self, g_value_get_boxed (value));
      break;

    case PROP_PROPOSED_BY:
      rg_criterion_set_proposed_by (self, g_value_get_boxed (value));
      break;

    case PROP_AGREED:
      rg_criterion_set_agreed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_criterion_class_init (RgCriterionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_criterion_finalize;
  object_class->get_property = rg_criterion_get_property;
  object_class->set_property = rg_criterion_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RgCriterion:indicators:
   *
   * How the team will know the criterion is met, in order.
   */
  properties [PROP_INDICATORS] =
    g_param_spec_boxed ("indicators", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RgCriterion:proposed-by:
   *
   * The ids of the partners who proposed the criterion, in order.
   */
  properties [PROP_PROPOSED_BY] =
    g_param_spec_boxed ("proposed-by", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AGREED] =
    g_param_spec_boolean ("agreed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_criterion_init (RgCriterion *self)
{
  self->text = g_strdup ("");
  self->indicators = g_new0 (char *, 1);
  self->proposed_by = g_new0 (char *, 1);
}

/**
 * rg_criterion_new:
 * @text: (nullable): the criterion
 *
 * Returns: (transfer full): a new, not yet agreed #RgCriterion with a
 *   new id
 */
RgCriterion *
rg_criterion_new (const char *text)
{
  return g_object_new (RG_TYPE_CRITERION, "text", text, NULL);
}

/**
 * rg_criterion_get_id:
 * @self: a #RgCriterion
 *
 * Returns: (transfer none): the criterion's UUID
 */
const char *
rg_criterion_get_id (RgCriterion *self)
{
  g_return_val_if_fail (RG_IS_CRITERION (self), NULL);

  return self->id;
}

/**
 * rg_criterion_get_text:
 * @self: a #RgCriterion
 *
 * Returns: (transfer none): the criterion, never %NULL
 */
const char *
rg_criterion_get_text (RgCriterion *self)
{
  g_return_val_if_fail (RG_IS_CRITERION (self), NULL);

  return self->text;
}

/**
 * rg_criterion_set_text:
 * @self: a #RgCriterion
 * @text: (nullable): the criterion
 */
void
rg_criterion_set_text (RgCriterion *self,
                       const char  *text)
{
  g_return_if_fail (RG_IS_CRITERION (self));

  if (_rg_set_text (&self->text, text, FALSE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

/**
 * rg_criterion_get_indicators:
 * @self: a #RgCriterion
 *
 * Returns: (transfer none) (array zero-terminated=1): the indicators
 */
const char * const *
rg_criterion_get_indicators (RgCriterion *self)
{
  g_return_val_if_fail (RG_IS_CRITERION (self), NULL);

  return (const char * const *) self->indicators;
}

/**
 * rg_criterion_set_indicators:
 * @self: a #RgCriterion
 * @indicators: (nullable) (array zero-terminated=1): the indicators
 */
void
rg_criterion_set_indicators (RgCriterion        *self,
                             const char * const *indicators)
{
  g_return_if_fail (RG_IS_CRITERION (self));

  if (_rg_set_strv (&self->indicators, indicators))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INDICATORS]);
}

/**
 * rg_criterion_get_proposed_by:
 * @self: a #RgCriterion
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   partners who proposed it
 */
const char * const *
rg_criterion_get_proposed_by (RgCriterion *self)
{
  g_return_val_if_fail (RG_IS_CRITERION (self), NULL);

  return (const char * const *) self->proposed_by;
}

/**
 * rg_criterion_set_proposed_by:
 * @self: a #RgCriterion
 * @partner_ids: (nullable) (array zero-terminated=1): ids of partners of
 *   the same session
 *
 * An id given twice is kept once, at its first place.
 */
void
rg_criterion_set_proposed_by (RgCriterion        *self,
                              const char * const *partner_ids)
{
  g_autoptr(GPtrArray) unique = NULL;

  g_return_if_fail (RG_IS_CRITERION (self));
  g_return_if_fail (_rg_ids_are_valid (partner_ids));

  unique = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  for (guint i = 0; partner_ids != NULL && partner_ids[i] != NULL; i++)
    {
      if (!g_ptr_array_find_with_equal_func (unique, partner_ids[i], g_str_equal, NULL))
        g_ptr_array_add (unique, (gpointer) partner_ids[i]);
    }

  if (_rg_set_strv (&self->proposed_by, (const char * const *) unique->pdata))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROPOSED_BY]);
}

/**
 * rg_criterion_get_agreed:
 * @self: a #RgCriterion
 *
 * Returns: %TRUE if the team agreed on the criterion
 */
gboolean
rg_criterion_get_agreed (RgCriterion *self)
{
  g_return_val_if_fail (RG_IS_CRITERION (self), FALSE);

  return self->agreed;
}

/**
 * rg_criterion_set_agreed:
 * @self: a #RgCriterion
 * @agreed: whether the team agreed on it
 */
void
rg_criterion_set_agreed (RgCriterion *self,
                         gboolean     agreed)
{
  g_return_if_fail (RG_IS_CRITERION (self));

  agreed = !!agreed;
  if (self->agreed != agreed)
    {
      self->agreed = agreed;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AGREED]);
    }
}
