/* rg-action.c — a decision of the team
 *
 * What will be done, by whom (a partner, or nobody named yet), by when
 * (a date, or none), and where it stands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-action"

#include "config.h"

#include "rg-action.h"
#include "rg-enums.h"
#include "rg-types-private.h"

struct _RgAction
{
  GObject         parent_instance;

  char           *id;
  char           *what;
  char           *owner_id;
  char           *due;
  RgActionStatus  status;
};

G_DEFINE_FINAL_TYPE (RgAction, rg_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WHAT,
  PROP_OWNER_ID,
  PROP_DUE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rg_action_finalize (GObject *object)
{
  RgAction *self = (RgAction *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->due, g_free);

  G_OBJECT_CLASS (rg_action_parent_class)->finalize (object);
}

static void
rg_action_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RgAction *self = RG_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;

    case PROP_OWNER_ID:
      g_value_set_string (value, self->owner_id);
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_action_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RgAction *self = RG_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = _rg_id_or_new (g_value_get_string (value));
      break;

    case PROP_WHAT:
      rg_action_set_what (self, g_value_get_string (value));
      break;

    case PROP_OWNER_ID:
      rg_action_set_owner_id (self, g_value_get_string (value));
      break;

    case PROP_DUE:
      rg_action_set_due (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      rg_action_set_status (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_action_class_init (RgActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_action_finalize;
  object_class->get_property = rg_action_get_property;
  object_class->set_property = rg_action_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WHAT] =
    g_param_spec_string ("what", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RgAction:owner-id:
   *
   * The id of the partner who will do it, %NULL if nobody is named.
   */
  properties [PROP_OWNER_ID] =
    g_param_spec_string ("owner-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RgAction:due:
   *
   * By when, `YYYY-MM-DD`, or %NULL.
   */
  properties [PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       RG_TYPE_ACTION_STATUS,
                       RG_ACTION_STATUS_PLANNED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_action_init (RgAction *self)
{
  self->what = g_strdup ("");
  self->status = RG_ACTION_STATUS_PLANNED;
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
const char *
rg_action_get_id (RgAction *self)
{
  g_return_val_if_fail (RG_IS_ACTION (self), NULL);

  return self->id;
}

/**
 * rg_action_get_what:
 * @self: a #RgAction
 *
 * Returns: (transfer none): what will be done, never %NULL
 */
const char *
rg_action_get_what (RgAction *self)
{
  g_return_val_if_fail (RG_IS_ACTION (self), NULL);

  return self->what;
}

/**
 * rg_action_set_what:
 * @self: a #RgAction
 * @what: (nullable): what will be done
 */
void
rg_action_set_what (RgAction   *self,
                    const char *what)
{
  g_return_if_fail (RG_IS_ACTION (self));

  if (_rg_set_text (&self->what, what, FALSE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WHAT]);
}

/**
 * rg_action_get_owner_id:
 * @self: a #RgAction
 *
 * Returns: (transfer none) (nullable): the id of the partner who will do
 *   it, or %NULL
 */
const char *
rg_action_get_owner_id (RgAction *self)
{
  g_return_val_if_fail (RG_IS_ACTION (self), NULL);

  return self->owner_id;
}

/**
 * rg_action_set_owner_id:
 * @self: a #RgAction
 * @owner_id: (nullable): the id of a partner of the same session, or
 *   %NULL for nobody
 */
void
rg_action_set_owner_id (RgAction   *self,
                        const char *owner_id)
{
  g_return_if_fail (RG_IS_ACTION (self));
  g_return_if_fail (owner_id == NULL || owner_id[0] == '\0' || rg_id_is_valid (owner_id));

  if (_rg_set_text (&self->owner_id, owner_id, TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OWNER_ID]);
}

/**
 * rg_action_get_due:
 * @self: a #RgAction
 *
 * Returns: (transfer none) (nullable): the due date, `YYYY-MM-DD`, or
 *   %NULL
 */
const char *
rg_action_get_due (RgAction *self)
{
  g_return_val_if_fail (RG_IS_ACTION (self), NULL);

  return self->due;
}

/**
 * rg_action_set_due:
 * @self: a #RgAction
 * @due: (nullable): a date that rg_date_is_valid () accepts, or %NULL
 */
void
rg_action_set_due (RgAction   *self,
                   const char *due)
{
  g_return_if_fail (RG_IS_ACTION (self));
  g_return_if_fail (due == NULL || due[0] == '\0' || rg_date_is_valid (due));

  if (_rg_set_text (&self->due, due, TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DUE]);
}

/**
 * rg_action_get_status:
 * @self: a #RgAction
 *
 * Returns: where the action stands
 */
RgActionStatus
rg_action_get_status (RgAction *self)
{
  g_return_val_if_fail (RG_IS_ACTION (self), RG_ACTION_STATUS_PLANNED);

  return self->status;
}

/**
 * rg_action_set_status:
 * @self: a #RgAction
 * @status: a #RgActionStatus
 */
void
rg_action_set_status (RgAction       *self,
                      RgActionStatus  status)
{
  g_return_if_fail (RG_IS_ACTION (self));
  g_return_if_fail ((guint) status <= RG_ACTION_STATUS_CANCELLED);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
    }
}
