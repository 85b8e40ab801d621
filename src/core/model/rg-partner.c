/* rg-partner.c — a participant of a session
 *
 * A partner is one column of the diagnosis: a teacher, a social worker,
 * the family, the young person. Their statements refer to them by id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-partner"

#include "config.h"

#include "rg-enums.h"
#include "rg-partner.h"
#include "rg-types-private.h"

struct _RgPartner
{
  GObject        parent_instance;

  char          *id;
  char          *name;
  char          *profession;
  char          *institution;
  char          *colour;
  RgPartnerRole  role;
};

G_DEFINE_FINAL_TYPE (RgPartner, rg_partner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PROFESSION,
  PROP_INSTITUTION,
  PROP_COLOUR,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rg_partner_finalize (GObject *object)
{
  RgPartner *self = (RgPartner *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->profession, g_free);
  g_clear_pointer (&self->institution, g_free);
  g_clear_pointer (&self->colour, g_free);

  G_OBJECT_CLASS (rg_partner_parent_class)->finalize (object);
}

static void
rg_partner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RgPartner *self = RG_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PROFESSION:
      g_value_set_string (value, self->profession);
      break;

    case PROP_INSTITUTION:
      g_value_set_string (value, self->institution);
      break;

    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_partner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RgPartner *self = RG_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = _rg_id_or_new (g_value_get_string (value));
      break;

    case PROP_NAME:
      rg_partner_set_name (self, g_value_get_string (value));
      break;

    case PROP_PROFESSION:
      rg_partner_set_profession (self, g_value_get_string (value));
      break;

    case PROP_INSTITUTION:
      rg_partner_set_institution (self, g_value_get_string (value));
      break;

    case PROP_COLOUR:
      rg_partner_set_colour (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      rg_partner_set_role (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_partner_class_init (RgPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_partner_finalize;
  object_class->get_property = rg_partner_get_property;
  object_class->set_property = rg_partner_set_property;

  /**
   * RgPartner:id:
   *
   * The UUID other objects use to refer to this partner; a new one when
   * none is given at construction.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PROFESSION] =
    g_param_spec_string ("profession", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_INSTITUTION] =
    g_param_spec_string ("institution", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RgPartner:colour:
   *
   * The colour of the partner's column and cards, `#rrggbb` in lower case.
   */
  properties [PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL,
                         RG_PARTNER_DEFAULT_COLOUR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       RG_TYPE_PARTNER_ROLE,
                       RG_PARTNER_ROLE_PROFESSIONAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_partner_init (RgPartner *self)
{
  self->name = g_strdup ("");
  self->colour = g_strdup (RG_PARTNER_DEFAULT_COLOUR);
  self->role = RG_PARTNER_ROLE_PROFESSIONAL;
}

/**
 * rg_partner_new:
 *
 * A new partner with a new id, no name, the default colour and the
 * professional role.
 *
 * Returns: (transfer full): a new #RgPartner
 */
RgPartner *
rg_partner_new (void)
{
  return g_object_new (RG_TYPE_PARTNER, NULL);
}

/**
 * rg_partner_get_id:
 * @self: a #RgPartner
 *
 * Returns: (transfer none): the partner's UUID
 */
const char *
rg_partner_get_id (RgPartner *self)
{
  g_return_val_if_fail (RG_IS_PARTNER (self), NULL);

  return self->id;
}

/**
 * rg_partner_get_name:
 * @self: a #RgPartner
 *
 * Returns: (transfer none): the name, never %NULL
 */
const char *
rg_partner_get_name (RgPartner *self)
{
  g_return_val_if_fail (RG_IS_PARTNER (self), NULL);

  return self->name;
}

/**
 * rg_partner_set_name:
 * @self: a #RgPartner
 * @name: (nullable): the name as the team calls the partner
 */
void
rg_partner_set_name (RgPartner  *self,
                     const char *name)
{
  g_return_if_fail (RG_IS_PARTNER (self));

  if (_rg_set_text (&self->name, name, FALSE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * rg_partner_get_profession:
 * @self: a #RgPartner
 *
 * Returns: (transfer none) (nullable): the profession, %NULL if none
 */
const char *
rg_partner_get_profession (RgPartner *self)
{
  g_return_val_if_fail (RG_IS_PARTNER (self), NULL);

  return self->profession;
}

/**
 * rg_partner_set_profession:
 * @self: a #RgPartner
 * @profession: (nullable): the profession; %NULL or "" for none
 */
void
rg_partner_set_profession (RgPartner  *self,
                           const char *profession)
{
  g_return_if_fail (RG_IS_PARTNER (self));

  if (_rg_set_text (&self->profession, profession, TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROFESSION]);
}

/**
 * rg_partner_get_institution:
 * @self: a #RgPartner
 *
 * Returns: (transfer none) (nullable): the institution, %NULL if none
 */
const char *
rg_partner_get_institution (RgPartner *self)
{
  g_return_val_if_fail (RG_IS_PARTNER (self), NULL);

  return self->institution;
}

/**
 * rg_partner_set_institution:
 * @self: a #RgPartner
 * @institution: (nullable): the institution; %NULL or "" for none
 */
void
rg_partner_set_institution (RgPartner  *self,
                            const char *institution)
{
  g_return_if_fail (RG_IS_PARTNER (self));

  if (_rg_set_text (&self->institution, institution, TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INSTITUTION]);
}

/**
 * rg_partner_get_colour:
 * @self: a #RgPartner
 *
 * Returns: (transfer none): the colour, `#rrggbb` in lower case
 */
const char *
rg_partner_get_colour (RgPartner *self)
{
  g_return_val_if_fail (RG_IS_PARTNER (self), NULL);

  return self->colour;
}

/**
 * rg_partner_set_colour:
 * @self: a #RgPartner
 * @colour: a colour written `#rrggbb`, see rg_colour_is_valid ()
 *
 * Sets the colour, stored in lower case.
 */
void
rg_partner_set_colour (RgPartner  *self,
                       const char *colour)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (RG_IS_PARTNER (self));
  g_return_if_fail (rg_colour_is_valid (colour));

  lower = g_ascii_strdown (colour, -1);
  if (_rg_set_text (&self->colour, lower, FALSE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COLOUR]);
}

/**
 * rg_partner_get_role:
 * @self: a #RgPartner
 *
 * Returns: whether the partner is a professional, the family or the young
 *   person
 */
RgPartnerRole
rg_partner_get_role (RgPartner *self)
{
  g_return_val_if_fail (RG_IS_PARTNER (self), RG_PARTNER_ROLE_PROFESSIONAL);

  return self->role;
}

/**
 * rg_partner_set_role:
 * @self: a #RgPartner
 * @role: a #RgPartnerRole
 */
void
rg_partner_set_role (RgPartner     *self,
                     RgPartnerRole  role)
{
  g_return_if_fail (RG_IS_PARTNER (self));
  g_return_if_fail ((guint) role <= RG_PARTNER_ROLE_YOUNG_PERSON);

  if (self->role != role)
    {
      self->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROLE]);
    }
}
