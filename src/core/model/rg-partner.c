/* rg-partner.c — a participant of a session
 *
 * A partner is one column of the diagnosis: a teacher, a social worker,
 * the family, the young person. Their statements refer to them by id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-partner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-enums.h"
#include "rg-partner.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgPartner, name)
#define SETTER(name) G_CALLBACK (rg_partner_set_##name)

struct _RgPartner
{
  GObject        parent_instance;

  char          *id;
  char          *name;
  char          *profession;
  char          *institution;
  char          *colour;
  RgPartnerRole  role;
  char          *contribution_asked;
  char          *contribution_received;
};

G_DEFINE_FINAL_TYPE (RgPartner, rg_partner, G_TYPE_OBJECT)

/* The colours a new partner is given, in the order they are given: the
 * palette of Okabe and Ito, whose colours stay apart for the colour-blind
 * as for everyone, ordered so that the first few are the furthest apart.
 * Black comes last: it is the one least seen on a dark background. */
static const struct
{
  const char *colour;
  const char *name;
} palette[] = {
  { "#0072b2", N_("Blue") },
  { "#e69f00", N_("Orange") },
  { "#009e73", N_("Bluish green") },
  { "#cc79a7", N_("Reddish purple") },
  { "#56b4e9", N_("Sky blue") },
  { "#d55e00", N_("Vermilion") },
  { "#f0e442", N_("Yellow") },
  { "#000000", N_("Black") },
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PROFESSION,
  PROP_INSTITUTION,
  PROP_COLOUR,
  PROP_ROLE,
  PROP_CONTRIBUTION_ASKED,
  PROP_CONTRIBUTION_RECEIVED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const RgProperty property_table [N_PROPS] = {
  /**
   * RgPartner:id:
   *
   * The UUID other objects use to refer to this partner; a new one when
   * none is given at construction.
   */
  [PROP_ID]          = { "id", RG_PROPERTY_ID, FIELD (id) },
  [PROP_NAME]        = { "name", RG_PROPERTY_TEXT, FIELD (name), SETTER (name), .text = "" },
  [PROP_PROFESSION]  = { "profession", RG_PROPERTY_TEXT, FIELD (profession), SETTER (profession) },
  [PROP_INSTITUTION] = { "institution", RG_PROPERTY_TEXT, FIELD (institution),
                         SETTER (institution) },
  /**
   * RgPartner:colour:
   *
   * The colour of the partner's column and cards, `#rrggbb` in lower case.
   */
  [PROP_COLOUR]      = { "colour", RG_PROPERTY_TEXT, FIELD (colour), SETTER (colour),
                         .text = RG_PARTNER_DEFAULT_COLOUR },
  [PROP_ROLE]        = { "role", RG_PROPERTY_ENUM, FIELD (role), SETTER (role),
                         rg_partner_role_get_type, RG_PARTNER_ROLE_PROFESSIONAL },
  /**
   * RgPartner:contribution-asked:
   *
   * When the partner was asked for a contribution to this session,
   * `YYYY-MM-DD`, or %NULL.
   */
  [PROP_CONTRIBUTION_ASKED]    = { "contribution-asked", RG_PROPERTY_TEXT,
                                   FIELD (contribution_asked), SETTER (contribution_asked) },
  /**
   * RgPartner:contribution-received:
   *
   * When the partner's contribution was imported into this session,
   * `YYYY-MM-DD`, or %NULL.
   */
  [PROP_CONTRIBUTION_RECEIVED] = { "contribution-received", RG_PROPERTY_TEXT,
                                   FIELD (contribution_received),
                                   SETTER (contribution_received) },
};

static void
rg_partner_class_init (RgPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = _rg_properties_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);
}

static void
rg_partner_init (RgPartner *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
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
RG_DEFINE_GETTER (RgPartner, rg_partner, PARTNER, const char *, id, NULL)

/**
 * rg_partner_get_name:
 * @self: a #RgPartner
 *
 * Returns: (transfer none): the name, never %NULL
 */
/**
 * rg_partner_set_name:
 * @self: a #RgPartner
 * @name: (nullable): the name as the team calls the partner
 */
RG_DEFINE_TEXT_PROPERTY (RgPartner, rg_partner, PARTNER, name, NAME, TRUE)

/**
 * rg_partner_get_profession:
 * @self: a #RgPartner
 *
 * Returns: (transfer none) (nullable): the profession, %NULL if none
 */
/**
 * rg_partner_set_profession:
 * @self: a #RgPartner
 * @profession: (nullable): the profession; %NULL or "" for none
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgPartner, rg_partner, PARTNER, profession, PROFESSION, TRUE)

/**
 * rg_partner_get_institution:
 * @self: a #RgPartner
 *
 * Returns: (transfer none) (nullable): the institution, %NULL if none
 */
/**
 * rg_partner_set_institution:
 * @self: a #RgPartner
 * @institution: (nullable): the institution; %NULL or "" for none
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgPartner, rg_partner, PARTNER, institution, INSTITUTION, TRUE)

/**
 * rg_partner_get_colour:
 * @self: a #RgPartner
 *
 * Returns: (transfer none): the colour, `#rrggbb` in lower case
 */
RG_DEFINE_GETTER (RgPartner, rg_partner, PARTNER, const char *, colour, NULL)

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
 * Returns: whether the partner is a professional, the family, the young
 *   person or the coordinator of the programme
 */
/**
 * rg_partner_set_role:
 * @self: a #RgPartner
 * @role: a #RgPartnerRole
 */
RG_DEFINE_ENUM_PROPERTY (RgPartner, rg_partner, PARTNER, RgPartnerRole, role, ROLE,
                         RG_PARTNER_ROLE_PROFESSIONAL, RG_PARTNER_ROLE_COORDINATOR)

/**
 * rg_partner_get_contribution_asked:
 * @self: a #RgPartner
 *
 * Returns: (transfer none) (nullable): when a contribution was asked of
 *   the partner for this session, `YYYY-MM-DD`, or %NULL
 */
/**
 * rg_partner_set_contribution_asked:
 * @self: a #RgPartner
 * @contribution_asked: (nullable): a date that rg_date_is_valid ()
 *   accepts, or %NULL
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgPartner, rg_partner, PARTNER, contribution_asked,
                                  CONTRIBUTION_ASKED,
                                  _rg_optional_date_is_valid (contribution_asked))

/**
 * rg_partner_get_contribution_received:
 * @self: a #RgPartner
 *
 * Returns: (transfer none) (nullable): when the partner's contribution
 *   was imported into this session, `YYYY-MM-DD`, or %NULL
 */
/**
 * rg_partner_set_contribution_received:
 * @self: a #RgPartner
 * @contribution_received: (nullable): a date that rg_date_is_valid ()
 *   accepts, or %NULL
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgPartner, rg_partner, PARTNER, contribution_received,
                                  CONTRIBUTION_RECEIVED,
                                  _rg_optional_date_is_valid (contribution_received))

/**
 * rg_partner_palette_get_size:
 *
 * Returns: how many colours the palette of partners' colours holds
 */
guint
rg_partner_palette_get_size (void)
{
  return G_N_ELEMENTS (palette);
}

/**
 * rg_partner_palette_get_colour:
 * @index: a place in the palette, below rg_partner_palette_get_size ()
 *
 * Returns: (transfer none): the colour, `#rrggbb` in lower case
 */
const char *
rg_partner_palette_get_colour (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (palette), NULL);

  return palette[index].colour;
}

/**
 * rg_partner_palette_get_name:
 * @index: a place in the palette, below rg_partner_palette_get_size ()
 *
 * Returns: (transfer none): the translated name of the colour, for
 *   those who do not see it
 */
const char *
rg_partner_palette_get_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (palette), NULL);

  return _(palette[index].name);
}

/**
 * rg_partner_palette_find:
 * @colour: (nullable): a colour, `#rrggbb`
 *
 * Returns: the place of @colour in the palette, or -1 if it is not one
 *   of its colours (a partner of an older file may have any colour)
 */
int
rg_partner_palette_find (const char *colour)
{
  if (colour == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (g_ascii_strcasecmp (palette[i].colour, colour) == 0)
      return (int) i;

  return -1;
}

/**
 * rg_partner_pick_colour:
 * @partners: (nullable): a list of #RgPartner, those already there
 *
 * The colour for one more partner: the first colour of the palette none
 * of @partners has; once they are all taken, they come round again.
 *
 * Returns: (transfer none): a colour of the palette
 */
const char *
rg_partner_pick_colour (GListModel *partners)
{
  guint n = partners != NULL ? g_list_model_get_n_items (partners) : 0;

  for (guint c = 0; c < G_N_ELEMENTS (palette); c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

          used = g_ascii_strcasecmp (partner->colour, palette[c].colour) == 0;
        }

      if (!used)
        return palette[c].colour;
    }

  return palette[n % G_N_ELEMENTS (palette)].colour;
}
