/* rg-consent.c — what the family agreed to share, and when
 *
 * A record, not a form: the scope of what may be shared, with whom, the
 * date, and the partner who recorded it; and whether the family still
 * has to confirm it (a consent carried over from an earlier session).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-consent"

#include "config.h"

#include "rg-consent.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgConsent, name)
#define SETTER(name) G_CALLBACK (rg_consent_set_##name)

struct _RgConsent
{
  GObject  parent_instance;

  char    *id;
  char    *scope;
  char    *shared_with;
  char    *date;
  char    *recorded_by_id;
  gboolean to_confirm;
};

G_DEFINE_FINAL_TYPE (RgConsent, rg_consent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SCOPE,
  PROP_SHARED_WITH,
  PROP_DATE,
  PROP_RECORDED_BY_ID,
  PROP_TO_CONFIRM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]             = { "id", RG_PROPERTY_ID, FIELD (id) },
  /**
   * RgConsent:scope:
   *
   * What the family agreed to share.
   */
  [PROP_SCOPE]          = { "scope", RG_PROPERTY_TEXT, FIELD (scope), SETTER (scope), .text = "" },
  [PROP_SHARED_WITH]    = { "shared-with", RG_PROPERTY_TEXT, FIELD (shared_with),
                            SETTER (shared_with) },
  /**
   * RgConsent:date:
   *
   * When the family agreed, `YYYY-MM-DD`; today for a new consent.
   */
  [PROP_DATE]           = { "date", RG_PROPERTY_TEXT, FIELD (date), SETTER (date) },
  /**
   * RgConsent:recorded-by-id:
   *
   * The id of the partner who recorded the consent, or %NULL.
   */
  [PROP_RECORDED_BY_ID] = { "recorded-by-id", RG_PROPERTY_TEXT, FIELD (recorded_by_id),
                            SETTER (recorded_by_id) },
  /**
   * RgConsent:to-confirm:
   *
   * Whether the family still has to confirm this consent: one carried
   * over from the session a follow-up follows, not yet asked again.
   */
  [PROP_TO_CONFIRM]     = { "to-confirm", RG_PROPERTY_BOOLEAN, FIELD (to_confirm),
                            SETTER (to_confirm), .value = FALSE },
};

static void
rg_consent_class_init (RgConsentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = _rg_properties_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);
}

static void
rg_consent_init (RgConsent *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
  self->date = rg_date_new_today ();
}

/**
 * rg_consent_new:
 * @scope: (nullable): what the family agreed to share
 *
 * Returns: (transfer full): a new #RgConsent with a new id, dated today
 */
RgConsent *
rg_consent_new (const char *scope)
{
  return g_object_new (RG_TYPE_CONSENT, "scope", scope, NULL);
}

/**
 * rg_consent_get_id:
 * @self: a #RgConsent
 *
 * Returns: (transfer none): the consent's UUID
 */
RG_DEFINE_GETTER (RgConsent, rg_consent, CONSENT, const char *, id, NULL)

/**
 * rg_consent_get_scope:
 * @self: a #RgConsent
 *
 * Returns: (transfer none): what the family agreed to share, never %NULL
 */
/**
 * rg_consent_set_scope:
 * @self: a #RgConsent
 * @scope: (nullable): what the family agreed to share
 */
RG_DEFINE_TEXT_PROPERTY (RgConsent, rg_consent, CONSENT, scope, SCOPE, TRUE)

/**
 * rg_consent_get_shared_with:
 * @self: a #RgConsent
 *
 * Returns: (transfer none) (nullable): with whom, or %NULL
 */
/**
 * rg_consent_set_shared_with:
 * @self: a #RgConsent
 * @shared_with: (nullable): with whom; %NULL or "" if not said
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgConsent, rg_consent, CONSENT, shared_with, SHARED_WITH, TRUE)

/**
 * rg_consent_get_date:
 * @self: a #RgConsent
 *
 * Returns: (transfer none): when the family agreed, `YYYY-MM-DD`
 */
/**
 * rg_consent_set_date:
 * @self: a #RgConsent
 * @date: a date that rg_date_is_valid () accepts
 */
RG_DEFINE_TEXT_PROPERTY (RgConsent, rg_consent, CONSENT, date, DATE, rg_date_is_valid (date))

/**
 * rg_consent_get_recorded_by_id:
 * @self: a #RgConsent
 *
 * Returns: (transfer none) (nullable): the id of the partner who recorded
 *   the consent, or %NULL
 */
/**
 * rg_consent_set_recorded_by_id:
 * @self: a #RgConsent
 * @partner_id: (nullable): the id of a partner of the same session, or
 *   %NULL
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgConsent, rg_consent, CONSENT, recorded_by_id, RECORDED_BY_ID,
                                  _rg_optional_id_is_valid (recorded_by_id))

/**
 * rg_consent_get_to_confirm:
 * @self: a #RgConsent
 *
 * Returns: whether the family still has to confirm this consent
 */
/**
 * rg_consent_set_to_confirm:
 * @self: a #RgConsent
 * @to_confirm: whether the family still has to confirm it
 */
RG_DEFINE_BOOLEAN_PROPERTY (RgConsent, rg_consent, CONSENT, to_confirm, TO_CONFIRM)
