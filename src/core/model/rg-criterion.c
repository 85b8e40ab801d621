/* rg-criterion.c — a success criterion
 *
 * What the team will count as progress: the criterion itself, the
 * indicators that will show it, who proposed it, and whether the team
 * agreed on it; later, whether the team judged it met. It lives in a
 * RgCategory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-criterion"

#include "config.h"

#include "rg-criterion.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgCriterion, name)
#define SETTER(name) G_CALLBACK (rg_criterion_set_##name)

struct _RgCriterion
{
  GObject    parent_instance;

  char      *id;
  char      *text;
  char     **indicators;
  char     **proposed_by;
  gboolean   agreed;
  gboolean   met;
};

G_DEFINE_FINAL_TYPE (RgCriterion, rg_criterion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_INDICATORS,
  PROP_PROPOSED_BY,
  PROP_AGREED,
  PROP_MET,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]          = { "id", RG_PROPERTY_ID, FIELD (id) },
  [PROP_TEXT]        = { "text", RG_PROPERTY_TEXT, FIELD (text), SETTER (text), .text = "" },
  /**
   * RgCriterion:indicators:
   *
   * How the team will know the criterion is met, in order.
   */
  [PROP_INDICATORS]  = { "indicators", RG_PROPERTY_STRV, FIELD (indicators), SETTER (indicators) },
  /**
   * RgCriterion:proposed-by:
   *
   * The ids of the partners who proposed the criterion, in order.
   */
  [PROP_PROPOSED_BY] = { "proposed-by", RG_PROPERTY_STRV, FIELD (proposed_by),
                         SETTER (proposed_by) },
  [PROP_AGREED]      = { "agreed", RG_PROPERTY_BOOLEAN, FIELD (agreed), SETTER (agreed),
                         .value = FALSE },
  /**
   * RgCriterion:met:
   *
   * Whether the team judged the criterion met, at this session or an
   * earlier one it follows.
   */
  [PROP_MET]         = { "met", RG_PROPERTY_BOOLEAN, FIELD (met), SETTER (met), .value = FALSE },
};

static void
rg_criterion_class_init (RgCriterionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = _rg_properties_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);
}

static void
rg_criterion_init (RgCriterion *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
}

/**
 * rg_criterion_new:
 * @text: (nullable): the criterion
 *
 * Returns: (transfer full): a new, not yet agreed nor met #RgCriterion
 *   with a new id
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
RG_DEFINE_GETTER (RgCriterion, rg_criterion, CRITERION, const char *, id, NULL)

/**
 * rg_criterion_get_text:
 * @self: a #RgCriterion
 *
 * Returns: (transfer none): the criterion, never %NULL
 */
/**
 * rg_criterion_set_text:
 * @self: a #RgCriterion
 * @text: (nullable): the criterion
 */
RG_DEFINE_TEXT_PROPERTY (RgCriterion, rg_criterion, CRITERION, text, TEXT, TRUE)

/**
 * rg_criterion_get_indicators:
 * @self: a #RgCriterion
 *
 * Returns: (transfer none) (array zero-terminated=1): the indicators
 */
/**
 * rg_criterion_set_indicators:
 * @self: a #RgCriterion
 * @indicators: (nullable) (array zero-terminated=1): the indicators
 */
RG_DEFINE_STRV_PROPERTY (RgCriterion, rg_criterion, CRITERION, indicators, INDICATORS)

/**
 * rg_criterion_get_proposed_by:
 * @self: a #RgCriterion
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   partners who proposed it
 */
RG_DEFINE_GETTER (RgCriterion, rg_criterion, CRITERION, const char * const *, proposed_by, NULL)

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
/**
 * rg_criterion_set_agreed:
 * @self: a #RgCriterion
 * @agreed: whether the team agreed on it
 */
RG_DEFINE_BOOLEAN_PROPERTY (RgCriterion, rg_criterion, CRITERION, agreed, AGREED)

/**
 * rg_criterion_get_met:
 * @self: a #RgCriterion
 *
 * Returns: %TRUE if the team judged the criterion met
 */
/**
 * rg_criterion_set_met:
 * @self: a #RgCriterion
 * @met: whether the team judged it met
 */
RG_DEFINE_BOOLEAN_PROPERTY (RgCriterion, rg_criterion, CRITERION, met, MET)
