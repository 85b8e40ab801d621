/* rg-library-situation.c — one child followed, as the index knows it
 *
 * A situation is every session file sharing a situation id. What the
 * coordinator's desk shows of it (label, next review, open divergences,
 * late actions, consent) is read from its latest session, since a
 * follow-up carries what the session before left open: see
 * docs/library.md, "Situations".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-situation"

#include "config.h"

#include "rg-library-situation-private.h"
#include "rg-enums.h"

G_DEFINE_ENUM_TYPE (RgConsentState, rg_consent_state,
                    G_DEFINE_ENUM_VALUE (RG_CONSENT_STATE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (RG_CONSENT_STATE_RECORDED, "recorded"),
                    G_DEFINE_ENUM_VALUE (RG_CONSENT_STATE_TO_CONFIRM, "to-confirm"),
                    G_DEFINE_ENUM_VALUE (RG_CONSENT_STATE_OLD, "old"))

G_DEFINE_FINAL_TYPE (RgLibrarySituation, rg_library_situation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_CODE,
  PROP_N_SESSIONS,
  PROP_LAST_DATE,
  PROP_LAST_STATUS,
  PROP_LAST_PATH,
  PROP_NEXT_REVIEW,
  PROP_N_OPEN_DIVERGENCES,
  PROP_N_OVERDUE_ACTIONS,
  PROP_CONSENT_STATE,
  PROP_CONSENT_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rg_library_situation_finalize (GObject *object)
{
  RgLibrarySituation *self = (RgLibrarySituation *) object;

  g_free (self->id);
  g_free (self->label);
  g_free (self->code);
  g_free (self->last_date);
  g_free (self->last_path);
  g_free (self->next_review);
  g_free (self->consent_date);

  G_OBJECT_CLASS (rg_library_situation_parent_class)->finalize (object);
}

static void
rg_library_situation_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RgLibrarySituation *self = RG_LIBRARY_SITUATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_N_SESSIONS:
      g_value_set_uint (value, self->n_sessions);
      break;

    case PROP_LAST_DATE:
      g_value_set_string (value, self->last_date);
      break;

    case PROP_LAST_STATUS:
      g_value_set_enum (value, self->last_status);
      break;

    case PROP_LAST_PATH:
      g_value_set_string (value, self->last_path);
      break;

    case PROP_NEXT_REVIEW:
      g_value_set_string (value, self->next_review);
      break;

    case PROP_N_OPEN_DIVERGENCES:
      g_value_set_uint (value, self->n_open_divergences);
      break;

    case PROP_N_OVERDUE_ACTIONS:
      g_value_set_uint (value, self->n_overdue_actions);
      break;

    case PROP_CONSENT_STATE:
      g_value_set_enum (value, self->consent_state);
      break;

    case PROP_CONSENT_DATE:
      g_value_set_string (value, self->consent_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_library_situation_class_init (RgLibrarySituationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rg_library_situation_finalize;
  object_class->get_property = rg_library_situation_get_property;

  /* Situations are made by the index and never change: every property
   * is read-only. */
  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties [PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties [PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties [PROP_N_SESSIONS] =
    g_param_spec_uint ("n-sessions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_LAST_DATE] = g_param_spec_string ("last-date", NULL, NULL, NULL, flags);
  properties [PROP_LAST_STATUS] =
    g_param_spec_enum ("last-status", NULL, NULL, RG_TYPE_SESSION_STATUS,
                       RG_SESSION_STATUS_PREPARING, flags);
  properties [PROP_LAST_PATH] = g_param_spec_string ("last-path", NULL, NULL, NULL, flags);
  properties [PROP_NEXT_REVIEW] = g_param_spec_string ("next-review", NULL, NULL, NULL, flags);
  properties [PROP_N_OPEN_DIVERGENCES] =
    g_param_spec_uint ("n-open-divergences", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_N_OVERDUE_ACTIONS] =
    g_param_spec_uint ("n-overdue-actions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_CONSENT_STATE] =
    g_param_spec_enum ("consent-state", NULL, NULL, RG_TYPE_CONSENT_STATE,
                       RG_CONSENT_STATE_NONE, flags);
  properties [PROP_CONSENT_DATE] = g_param_spec_string ("consent-date", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_library_situation_init (RgLibrarySituation *self)
{
}

#define DEFINE_GETTER(Type, name, fallback)                          \
  Type                                                               \
  rg_library_situation_get_##name (RgLibrarySituation *self)         \
  {                                                                  \
    g_return_val_if_fail (RG_IS_LIBRARY_SITUATION (self), fallback); \
                                                                     \
    return self->name;                                               \
  }

/**
 * rg_library_situation_get_id:
 * @self: a #RgLibrarySituation
 *
 * Returns: (transfer none): the situation's UUID, which its sessions share
 */
DEFINE_GETTER (const char *, id, NULL)

/**
 * rg_library_situation_get_label:
 * @self: a #RgLibrarySituation
 *
 * Returns: (transfer none) (nullable): the pseudonymous label, as its
 *   latest session writes it
 */
DEFINE_GETTER (const char *, label, NULL)

/**
 * rg_library_situation_get_code:
 * @self: a #RgLibrarySituation
 *
 * Returns: (transfer none) (nullable): the programme's code of the
 *   situation, as its latest session writes it, or %NULL
 */
DEFINE_GETTER (const char *, code, NULL)

/**
 * rg_library_situation_get_n_sessions:
 * @self: a #RgLibrarySituation
 *
 * Returns: how many sessions the situation has: session files (not
 *   contributions) that load, conflict copies left out
 */
DEFINE_GETTER (guint, n_sessions, 0)

/**
 * rg_library_situation_get_last_date:
 * @self: a #RgLibrarySituation
 *
 * Returns: (transfer none): the date of the latest session, `YYYY-MM-DD`
 */
DEFINE_GETTER (const char *, last_date, NULL)

/**
 * rg_library_situation_get_last_status:
 * @self: a #RgLibrarySituation
 *
 * Returns: the status of the latest session
 */
DEFINE_GETTER (RgSessionStatus, last_status, RG_SESSION_STATUS_PREPARING)

/**
 * rg_library_situation_get_last_path:
 * @self: a #RgLibrarySituation
 *
 * Returns: (transfer none): the file of the latest session, an absolute
 *   path as rg_library_entry_get_path () gives it
 */
DEFINE_GETTER (const char *, last_path, NULL)

/**
 * rg_library_situation_get_next_review:
 * @self: a #RgLibrarySituation
 *
 * The next review of the situation: the one its latest session set, or,
 * while the latest session is still being prepared, that session's own
 * date (it is the review being prepared).
 *
 * Returns: (transfer none) (nullable): a date, `YYYY-MM-DD`, or %NULL
 *   when none is set
 */
DEFINE_GETTER (const char *, next_review, NULL)

/**
 * rg_library_situation_get_n_open_divergences:
 * @self: a #RgLibrarySituation
 *
 * Returns: the divergences the latest session leaves open: its open
 *   divergence links, and the divergences it carries from the session
 *   before that are not yet reviewed
 */
DEFINE_GETTER (guint, n_open_divergences, 0)

/**
 * rg_library_situation_get_n_overdue_actions:
 * @self: a #RgLibrarySituation
 *
 * Returns: the actions of the latest session neither done nor cancelled
 *   whose due date is before the day the list was asked for
 */
DEFINE_GETTER (guint, n_overdue_actions, 0)

/**
 * rg_library_situation_get_consent_state:
 * @self: a #RgLibrarySituation
 *
 * Returns: where the family's consent stands in the latest session
 */
DEFINE_GETTER (RgConsentState, consent_state, RG_CONSENT_STATE_NONE)

/**
 * rg_library_situation_get_consent_date:
 * @self: a #RgLibrarySituation
 *
 * Returns: (transfer none) (nullable): the date of the newest consent of
 *   the latest session, `YYYY-MM-DD`, or %NULL when it has none
 */
DEFINE_GETTER (const char *, consent_date, NULL)
