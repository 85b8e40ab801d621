/* rg-sitting-invitee.c — a partner invited to one situation of a sitting
 *
 * A record, like a review item's quote: the partner's name, profession
 * and institution as text, so that the sitting reads on its own, and the
 * partner's id in the situation's sessions when the invitee is one of
 * them (a new partner has none yet).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-sitting-invitee"

#include "config.h"

#include "rg-partner.h"
#include "rg-sitting-invitee.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgSittingInvitee, name)
#define SETTER(name) G_CALLBACK (rg_sitting_invitee_set_##name)

struct _RgSittingInvitee
{
  GObject  parent_instance;

  char    *partner_id;
  char    *name;
  char    *profession;
  char    *institution;
};

G_DEFINE_FINAL_TYPE (RgSittingInvitee, rg_sitting_invitee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARTNER_ID,
  PROP_NAME,
  PROP_PROFESSION,
  PROP_INSTITUTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const RgProperty property_table [N_PROPS] = {
  /**
   * RgSittingInvitee:partner-id:
   *
   * The id of the partner in the situation's sessions, or %NULL when the
   * invitee is not (yet) one of their partners.
   */
  [PROP_PARTNER_ID]  = { "partner-id", RG_PROPERTY_TEXT, FIELD (partner_id), SETTER (partner_id) },
  [PROP_NAME]        = { "name", RG_PROPERTY_TEXT, FIELD (name), SETTER (name), .text = "" },
  [PROP_PROFESSION]  = { "profession", RG_PROPERTY_TEXT, FIELD (profession), SETTER (profession) },
  [PROP_INSTITUTION] = { "institution", RG_PROPERTY_TEXT, FIELD (institution),
                         SETTER (institution) },
};

static void
rg_sitting_invitee_class_init (RgSittingInviteeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = _rg_properties_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);
}

static void
rg_sitting_invitee_init (RgSittingInvitee *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
}

/**
 * rg_sitting_invitee_new:
 * @name: (nullable): the invitee's name
 *
 * Returns: (transfer full): a new #RgSittingInvitee, not a partner of
 *   the situation's sessions
 */
RgSittingInvitee *
rg_sitting_invitee_new (const char *name)
{
  return g_object_new (RG_TYPE_SITTING_INVITEE, "name", name, NULL);
}

/**
 * rg_sitting_invitee_new_for_partner:
 * @partner: a partner of the situation's latest session
 *
 * Returns: (transfer full): a new #RgSittingInvitee holding @partner's
 *   id, name, profession and institution
 */
RgSittingInvitee *
rg_sitting_invitee_new_for_partner (RgPartner *partner)
{
  g_return_val_if_fail (RG_IS_PARTNER (partner), NULL);

  return g_object_new (RG_TYPE_SITTING_INVITEE,
                       "partner-id", rg_partner_get_id (partner),
                       "name", rg_partner_get_name (partner),
                       "profession", rg_partner_get_profession (partner),
                       "institution", rg_partner_get_institution (partner),
                       NULL);
}

/**
 * rg_sitting_invitee_get_partner_id:
 * @self: a #RgSittingInvitee
 *
 * Returns: (transfer none) (nullable): the partner's id in the
 *   situation's sessions, or %NULL
 */
/**
 * rg_sitting_invitee_set_partner_id:
 * @self: a #RgSittingInvitee
 * @partner_id: (nullable): a partner's id, or %NULL
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSittingInvitee, rg_sitting_invitee, SITTING_INVITEE,
                                  partner_id, PARTNER_ID, _rg_optional_id_is_valid (partner_id))

/**
 * rg_sitting_invitee_get_name:
 * @self: a #RgSittingInvitee
 *
 * Returns: (transfer none): the name, never %NULL
 */
/**
 * rg_sitting_invitee_set_name:
 * @self: a #RgSittingInvitee
 * @name: (nullable): the name
 */
RG_DEFINE_TEXT_PROPERTY (RgSittingInvitee, rg_sitting_invitee, SITTING_INVITEE, name, NAME, TRUE)

/**
 * rg_sitting_invitee_get_profession:
 * @self: a #RgSittingInvitee
 *
 * Returns: (transfer none) (nullable): the profession, or %NULL
 */
/**
 * rg_sitting_invitee_set_profession:
 * @self: a #RgSittingInvitee
 * @profession: (nullable): the profession
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSittingInvitee, rg_sitting_invitee, SITTING_INVITEE,
                                  profession, PROFESSION, TRUE)

/**
 * rg_sitting_invitee_get_institution:
 * @self: a #RgSittingInvitee
 *
 * Returns: (transfer none) (nullable): the institution, or %NULL
 */
/**
 * rg_sitting_invitee_set_institution:
 * @self: a #RgSittingInvitee
 * @institution: (nullable): the institution
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSittingInvitee, rg_sitting_invitee, SITTING_INVITEE,
                                  institution, INSTITUTION, TRUE)
