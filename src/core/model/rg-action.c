/* rg-action.c — a decision of the team
 *
 * What will be done, by whom (a partner; someone from outside the team,
 * by name; or nobody named yet), by when (a date, or none), and where it
 * stands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-action"

#include "config.h"

#include "rg-action.h"
#include "rg-enums.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgAction, name)
#define SETTER(name) G_CALLBACK (rg_action_set_##name)

struct _RgAction
{
  GObject         parent_instance;

  char           *id;
  char           *what;
  char           *owner_id;
  char           *owner_name;
  char           *due;
  RgActionStatus  status;
};

G_DEFINE_FINAL_TYPE (RgAction, rg_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WHAT,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_DUE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]       = { "id", RG_PROPERTY_ID, FIELD (id) },
  [PROP_WHAT]     = { "what", RG_PROPERTY_TEXT, FIELD (what), SETTER (what), .text = "" },
  /**
   * RgAction:owner-id:
   *
   * The id of the partner who will do it, %NULL if nobody is named.
   */
  [PROP_OWNER_ID] = { "owner-id", RG_PROPERTY_TEXT, FIELD (owner_id), SETTER (owner_id) },
  /**
   * RgAction:owner-name:
   *
   * Who will do it when that is not a partner (“Orthophoniste du CMP”),
   * %NULL otherwise. A partner named by #RgAction:owner-id comes first.
   */
  [PROP_OWNER_NAME] = { "owner-name", RG_PROPERTY_TEXT, FIELD (owner_name),
                        SETTER (owner_name) },
  /**
   * RgAction:due:
   *
   * By when, `YYYY-MM-DD`, or %NULL.
   */
  [PROP_DUE]      = { "due", RG_PROPERTY_TEXT, FIELD (due), SETTER (due) },
  [PROP_STATUS]   = { "status", RG_PROPERTY_ENUM, FIELD (status), SETTER (status),
                      rg_action_status_get_type, RG_ACTION_STATUS_PLANNED },
};

static void
rg_action_class_init (RgActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = _rg_properties_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);
}

static void
rg_action_init (RgAction *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
}

/**
 * rg_action_new:
 * @what: (nullable): what will be done
 *
 * Returns: (transfer full): a new planned #RgAction with a new id, no
 *   owner and no due date
 */
RgAction *
rg_action_new (const char *what)
{
  return g_object_new (RG_TYPE_ACTION, "what", what, NULL);
}

/**
 * rg_action_get_id:
 * @self: a #RgAction
 *
 * Returns: (transfer none): the action's UUID
 */
RG_DEFINE_GETTER (RgAction, rg_action, ACTION, const char *, id, NULL)

/**
 * rg_action_get_what:
 * @self: a #RgAction
 *
 * Returns: (transfer none): what will be done, never %NULL
 */
/**
 * rg_action_set_what:
 * @self: a #RgAction
 * @what: (nullable): what will be done
 */
RG_DEFINE_TEXT_PROPERTY (RgAction, rg_action, ACTION, what, WHAT, TRUE)

/**
 * rg_action_get_owner_id:
 * @self: a #RgAction
 *
 * Returns: (transfer none) (nullable): the id of the partner who will do
 *   it, or %NULL
 */
/**
 * rg_action_set_owner_id:
 * @self: a #RgAction
 * @owner_id: (nullable): the id of a partner of the same session, or
 *   %NULL for nobody
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgAction, rg_action, ACTION, owner_id, OWNER_ID,
                                  _rg_optional_id_is_valid (owner_id))

/**
 * rg_action_get_owner_name:
 * @self: a #RgAction
 *
 * Returns: (transfer none) (nullable): the name of who will do it, when
 *   not a partner, or %NULL
 */
/**
 * rg_action_set_owner_name:
 * @self: a #RgAction
 * @owner_name: (nullable): who will do it, in words; %NULL or "" for none
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgAction, rg_action, ACTION, owner_name, OWNER_NAME, TRUE)

/**
 * rg_action_get_due:
 * @self: a #RgAction
 *
 * Returns: (transfer none) (nullable): the due date, `YYYY-MM-DD`, or
 *   %NULL
 */
/**
 * rg_action_set_due:
 * @self: a #RgAction
 * @due: (nullable): a date that rg_date_is_valid () accepts, or %NULL
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgAction, rg_action, ACTION, due, DUE,
                                  _rg_optional_date_is_valid (due))

/**
 * rg_action_get_status:
 * @self: a #RgAction
 *
 * Returns: where the action stands
 */
/**
 * rg_action_set_status:
 * @self: a #RgAction
 * @status: a #RgActionStatus
 */
RG_DEFINE_ENUM_PROPERTY (RgAction, rg_action, ACTION, RgActionStatus, status, STATUS,
                         RG_ACTION_STATUS_PLANNED, RG_ACTION_STATUS_CANCELLED)
