/* rg-sitting-item.c — one situation on a sitting's agenda
 *
 * The situation (its id, and its label and code as text, so that the
 * agenda reads without the library), its time slot, the session the
 * sitting holds about it once prepared, and the partners invited to it,
 * in order. Tells its sitting about any change through one “changed”
 * signal, as a category does for its criteria.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-sitting-item"

#include "config.h"

#include <string.h>

#include "rg-sitting-item.h"
#include "rg-sitting-time.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgSittingItem, name)
#define SETTER(name) G_CALLBACK (rg_sitting_item_set_##name)

struct _RgSittingItem
{
  GObject     parent_instance;

  char       *id;
  char       *situation_id;
  char       *situation_label;
  char       *situation_code;
  char       *session_id;
  char       *session_file;
  char       *start;
  char       *end;
  GListStore *invitees;
};

G_DEFINE_FINAL_TYPE (RgSittingItem, rg_sitting_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SITUATION_ID,
  PROP_SITUATION_LABEL,
  PROP_SITUATION_CODE,
  PROP_SESSION_ID,
  PROP_SESSION_FILE,
  PROP_START,
  PROP_END,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]              = { "id", RG_PROPERTY_ID, FIELD (id) },
  /**
   * RgSittingItem:situation-id:
   *
   * The id of the situation, as its sessions give it.
   */
  [PROP_SITUATION_ID]    = { "situation-id", RG_PROPERTY_TEXT, FIELD (situation_id),
                             SETTER (situation_id) },
  [PROP_SITUATION_LABEL] = { "situation-label", RG_PROPERTY_TEXT, FIELD (situation_label),
                             SETTER (situation_label), .text = "" },
  [PROP_SITUATION_CODE]  = { "situation-code", RG_PROPERTY_TEXT, FIELD (situation_code),
                             SETTER (situation_code) },
  /**
   * RgSittingItem:session-id:
   *
   * The id of the session held about the situation at this sitting,
   * %NULL until the sitting is prepared.
   */
  [PROP_SESSION_ID]      = { "session-id", RG_PROPERTY_TEXT, FIELD (session_id),
                             SETTER (session_id) },
  /**
   * RgSittingItem:session-file:
   *
   * That session's file, relative to the library folder, with '/'
   * between folders; %NULL until the sitting is prepared.
   */
  [PROP_SESSION_FILE]    = { "session-file", RG_PROPERTY_TEXT, FIELD (session_file),
                             SETTER (session_file) },
  /**
   * RgSittingItem:start:
   *
   * When the slot begins, `HH:MM`.
   */
  [PROP_START]           = { "start", RG_PROPERTY_TEXT, FIELD (start), SETTER (start),
                             .text = "00:00" },
  /**
   * RgSittingItem:end:
   *
   * When the slot ends, `HH:MM`, after #RgSittingItem:start in a valid file.
   */
  [PROP_END]             = { "end", RG_PROPERTY_TEXT, FIELD (end), SETTER (end),
                             .text = "00:00" },
};

static void
emit_changed (RgSittingItem *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
rg_sitting_item_notify (GObject    *object,
                        GParamSpec *pspec)
{
  emit_changed (RG_SITTING_ITEM (object));
}

static void
rg_sitting_item_dispose (GObject *object)
{
  RgSittingItem *self = (RgSittingItem *)object;

  if (self->invitees != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->invitees));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (G_LIST_MODEL (self->invitees), i);

          g_signal_handlers_disconnect_by_data (invitee, self);
        }
    }

  g_clear_object (&self->invitees);

  G_OBJECT_CLASS (rg_sitting_item_parent_class)->dispose (object);
}

static void
rg_sitting_item_class_init (RgSittingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_sitting_item_dispose;
  object_class->finalize = _rg_properties_finalize;
  object_class->notify = rg_sitting_item_notify;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);

  /**
   * RgSittingItem::changed:
   * @self: a #RgSittingItem
   *
   * Emitted when a property changes, an invitee is added or removed, or
   * any property of an invitee changes.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
rg_sitting_item_init (RgSittingItem *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
  self->invitees = g_list_store_new (RG_TYPE_SITTING_INVITEE);
}

/**
 * rg_sitting_item_new:
 * @situation_id: the situation's id
 * @situation_label: (nullable): its label
 * @start: when the slot begins, `HH:MM`
 * @end: when it ends, `HH:MM`
 *
 * Returns: (transfer full): a new #RgSittingItem with a new id and no
 *   invitee
 */
RgSittingItem *
rg_sitting_item_new (const char *situation_id,
                     const char *situation_label,
                     const char *start,
                     const char *end)
{
  g_return_val_if_fail (rg_id_is_valid (situation_id), NULL);
  g_return_val_if_fail (rg_sitting_time_is_valid (start), NULL);
  g_return_val_if_fail (rg_sitting_time_is_valid (end), NULL);

  return g_object_new (RG_TYPE_SITTING_ITEM,
                       "situation-id", situation_id,
                       "situation-label", situation_label,
                       "start", start,
                       "end", end,
                       NULL);
}

/**
 * rg_sitting_item_get_id:
 * @self: a #RgSittingItem
 *
 * Returns: (transfer none): the item's UUID
 */
RG_DEFINE_GETTER (RgSittingItem, rg_sitting_item, SITTING_ITEM, const char *, id, NULL)

/**
 * rg_sitting_item_get_situation_id:
 * @self: a #RgSittingItem
 *
 * Returns: (transfer none): the situation's id
 */
/**
 * rg_sitting_item_set_situation_id:
 * @self: a #RgSittingItem
 * @situation_id: a UUID
 */
RG_DEFINE_TEXT_PROPERTY (RgSittingItem, rg_sitting_item, SITTING_ITEM, situation_id,
                         SITUATION_ID, rg_id_is_valid (situation_id))

/**
 * rg_sitting_item_get_situation_label:
 * @self: a #RgSittingItem
 *
 * Returns: (transfer none): the situation's label, never %NULL
 */
/**
 * rg_sitting_item_set_situation_label:
 * @self: a #RgSittingItem
 * @situation_label: (nullable): the situation's label
 */
RG_DEFINE_TEXT_PROPERTY (RgSittingItem, rg_sitting_item, SITTING_ITEM, situation_label,
                         SITUATION_LABEL, TRUE)

/**
 * rg_sitting_item_get_situation_code:
 * @self: a #RgSittingItem
 *
 * Returns: (transfer none) (nullable): the situation's code, or %NULL
 */
/**
 * rg_sitting_item_set_situation_code:
 * @self: a #RgSittingItem
 * @situation_code: (nullable): the situation's code
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSittingItem, rg_sitting_item, SITTING_ITEM, situation_code,
                                  SITUATION_CODE, TRUE)

/**
 * rg_sitting_item_get_session_id:
 * @self: a #RgSittingItem
 *
 * Returns: (transfer none) (nullable): the id of the session held at
 *   this sitting, or %NULL before the sitting is prepared
 */
/**
 * rg_sitting_item_set_session_id:
 * @self: a #RgSittingItem
 * @session_id: (nullable): a session's id, or %NULL
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSittingItem, rg_sitting_item, SITTING_ITEM, session_id,
                                  SESSION_ID, _rg_optional_id_is_valid (session_id))

/**
 * rg_sitting_item_get_session_file:
 * @self: a #RgSittingItem
 *
 * Returns: (transfer none) (nullable): that session's file, relative to
 *   the library folder, or %NULL
 */
/**
 * rg_sitting_item_set_session_file:
 * @self: a #RgSittingItem
 * @session_file: (nullable): a path that rg_sitting_session_file_is_valid ()
 *   accepts, or %NULL
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSittingItem, rg_sitting_item, SITTING_ITEM, session_file,
                                  SESSION_FILE,
                                  session_file == NULL || session_file[0] == '\0'
                                  || rg_sitting_session_file_is_valid (session_file))

/**
 * rg_sitting_item_get_start:
 * @self: a #RgSittingItem
 *
 * Returns: (transfer none): when the slot begins, `HH:MM`
 */
/**
 * rg_sitting_item_set_start:
 * @self: a #RgSittingItem
 * @start: a time that rg_sitting_time_is_valid () accepts
 */
RG_DEFINE_TEXT_PROPERTY (RgSittingItem, rg_sitting_item, SITTING_ITEM, start, START,
                         rg_sitting_time_is_valid (start))

/**
 * rg_sitting_item_get_end:
 * @self: a #RgSittingItem
 *
 * Returns: (transfer none): when the slot ends, `HH:MM`
 */
/**
 * rg_sitting_item_set_end:
 * @self: a #RgSittingItem
 * @end: a time that rg_sitting_time_is_valid () accepts
 */
RG_DEFINE_TEXT_PROPERTY (RgSittingItem, rg_sitting_item, SITTING_ITEM, end, END,
                         rg_sitting_time_is_valid (end))

/**
 * rg_sitting_item_get_invitees:
 * @self: a #RgSittingItem
 *
 * Returns: (transfer none): a #GListModel of #RgSittingInvitee, in order
 */
GListModel *
rg_sitting_item_get_invitees (RgSittingItem *self)
{
  g_return_val_if_fail (RG_IS_SITTING_ITEM (self), NULL);

  return G_LIST_MODEL (self->invitees);
}

/**
 * rg_sitting_item_add_invitee:
 * @self: a #RgSittingItem
 * @invitee: a #RgSittingInvitee not yet invited to this item
 *
 * Adds @invitee at the end; the item takes a reference on it.
 */
void
rg_sitting_item_add_invitee (RgSittingItem    *self,
                             RgSittingInvitee *invitee)
{
  g_return_if_fail (RG_IS_SITTING_ITEM (self));
  g_return_if_fail (RG_IS_SITTING_INVITEE (invitee));
  g_return_if_fail (rg_list_model_find (G_LIST_MODEL (self->invitees), invitee) == G_MAXUINT);

  g_signal_connect_swapped (invitee, "notify", G_CALLBACK (emit_changed), self);
  g_list_store_append (self->invitees, invitee);
  emit_changed (self);
}

/**
 * rg_sitting_item_remove_invitee:
 * @self: a #RgSittingItem
 * @invitee: a #RgSittingInvitee
 *
 * Returns: %TRUE if @invitee was invited to this item and is removed
 */
gboolean
rg_sitting_item_remove_invitee (RgSittingItem    *self,
                                RgSittingInvitee *invitee)
{
  guint position;

  g_return_val_if_fail (RG_IS_SITTING_ITEM (self), FALSE);
  g_return_val_if_fail (RG_IS_SITTING_INVITEE (invitee), FALSE);

  if (!g_list_store_find (self->invitees, invitee, &position))
    return FALSE;

  g_signal_handlers_disconnect_by_data (invitee, self);
  g_list_store_remove (self->invitees, position);
  emit_changed (self);

  return TRUE;
}

/**
 * rg_sitting_item_find_invitee:
 * @self: a #RgSittingItem
 * @name: a name
 *
 * Finds an invitee by name, as the command line names them: first
 * exactly, then ignoring case.
 *
 * Returns: (transfer none) (nullable): the first invitee of that name,
 *   or %NULL
 */
RgSittingInvitee *
rg_sitting_item_find_invitee (RgSittingItem *self,
                              const char    *name)
{
  GListModel *invitees;
  guint n;

  g_return_val_if_fail (RG_IS_SITTING_ITEM (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  invitees = G_LIST_MODEL (self->invitees);
  n = g_list_model_get_n_items (invitees);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, i);
          const char *other = rg_sitting_invitee_get_name (invitee);
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;

          if (pass == 0 && g_str_equal (other, name))
            return invitee;

          if (pass == 1)
            {
              a = g_utf8_casefold (other, -1);
              b = g_utf8_casefold (name, -1);
              if (g_str_equal (a, b))
                return invitee;
            }
        }
    }

  return NULL;
}

/**
 * rg_sitting_session_file_is_valid:
 * @file: (nullable): a path
 *
 * Whether @file may name a session of the library from a sitting: a
 * relative path, folders separated by '/', with no empty, `.` or `..`
 * part, nor a backslash, so that a sitting file, however hostile, only
 * ever names files inside the library folder.
 *
 * Returns: %TRUE if @file is such a path
 */
gboolean
rg_sitting_session_file_is_valid (const char *file)
{
  g_auto(GStrv) parts = NULL;

  if (file == NULL || file[0] == '\0' || file[0] == '/' || strchr (file, '\\') != NULL
      || !g_utf8_validate (file, -1, NULL))
    return FALSE;

  parts = g_strsplit (file, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
        return FALSE;
    }

  return TRUE;
}
