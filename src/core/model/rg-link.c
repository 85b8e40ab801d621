/* rg-link.c — a tag over two or more statements
 *
 * Agreement, divergence, complement or “to clarify”: what the team sees
 * between readings of different partners. A link names its statements
 * by id, in the order they were tagged, each at most once. A link of the
 * file has two members at least; RgSession keeps it so when statements
 * go away (rg_session_remove_statement ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-link"

#include "config.h"

#include "rg-enums.h"
#include "rg-link.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgLink, name)
#define SETTER(name) G_CALLBACK (rg_link_set_##name)

struct _RgLink
{
  GObject       parent_instance;

  char         *id;
  char         *note;
  char         *term_id;
  GPtrArray    *members;
  RgLinkType    type;
  RgLinkStatus  status;
};

G_DEFINE_FINAL_TYPE (RgLink, rg_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TYPE,
  PROP_STATUS,
  PROP_NOTE,
  PROP_TERM_ID,
  PROP_MEMBERS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]      = { "id", RG_PROPERTY_ID, FIELD (id) },
  /**
   * RgLink:type:
   *
   * What the team sees between the statements: agreement, divergence,
   * complement, or something to clarify.
   */
  [PROP_TYPE]    = { "type", RG_PROPERTY_ENUM, FIELD (type), SETTER (link_type),
                     rg_link_type_get_type, RG_LINK_TYPE_AGREEMENT },
  [PROP_STATUS]  = { "status", RG_PROPERTY_ENUM, FIELD (status), SETTER (status),
                     rg_link_status_get_type, RG_LINK_STATUS_OPEN },
  [PROP_NOTE]    = { "note", RG_PROPERTY_TEXT, FIELD (note), SETTER (note) },
  /**
   * RgLink:term-id:
   *
   * The glossary term made from this link, if any: a link “to clarify”
   * turned into a word of the glossary keeps the term's id, so that the
   * two can be shown together.
   */
  [PROP_TERM_ID] = { "term-id", RG_PROPERTY_TEXT, FIELD (term_id), SETTER (term_id) },
  /**
   * RgLink:members:
   *
   * The ids of the tagged statements, in order, each once.
   */
  [PROP_MEMBERS] = { "members", RG_PROPERTY_STRV, FIELD (members), SETTER (members),
                     .get = G_CALLBACK (rg_link_get_members) },
};

static void
rg_link_finalize (GObject *object)
{
  RgLink *self = (RgLink *)object;

  _rg_properties_clear (self, property_table, N_PROPS);
  g_clear_pointer (&self->members, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_link_parent_class)->finalize (object);
}

static void
rg_link_class_init (RgLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_link_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);
}

static void
rg_link_init (RgLink *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
  self->members = g_ptr_array_new_null_terminated (2, g_free, TRUE);
}

/**
 * rg_link_new:
 * @type: a #RgLinkType
 *
 * A new open link with a new id and no members yet; add two at least
 * before the session is saved.
 *
 * Returns: (transfer full): a new #RgLink
 */
RgLink *
rg_link_new (RgLinkType type)
{
  return g_object_new (RG_TYPE_LINK, "type", type, NULL);
}

/**
 * rg_link_get_id:
 * @self: a #RgLink
 *
 * Returns: (transfer none): the link's UUID
 */
RG_DEFINE_GETTER (RgLink, rg_link, LINK, const char *, id, NULL)

/**
 * rg_link_get_link_type:
 * @self: a #RgLink
 *
 * Returns: what the link says about its statements
 */
RgLinkType
rg_link_get_link_type (RgLink *self)
{
  g_return_val_if_fail (RG_IS_LINK (self), RG_LINK_TYPE_AGREEMENT);

  return self->type;
}

/**
 * rg_link_set_link_type:
 * @self: a #RgLink
 * @type: a #RgLinkType
 */
void
rg_link_set_link_type (RgLink     *self,
                       RgLinkType  type)
{
  g_return_if_fail (RG_IS_LINK (self));
  g_return_if_fail ((guint) type <= RG_LINK_TYPE_CLARIFY);

  if (self->type != type)
    {
      self->type = type;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TYPE]);
    }
}

/**
 * rg_link_get_status:
 * @self: a #RgLink
 *
 * Returns: whether the link is still open or settled
 */
/**
 * rg_link_set_status:
 * @self: a #RgLink
 * @status: a #RgLinkStatus
 */
RG_DEFINE_ENUM_PROPERTY (RgLink, rg_link, LINK, RgLinkStatus, status, STATUS,
                         RG_LINK_STATUS_OPEN, RG_LINK_STATUS_SETTLED)

/**
 * rg_link_get_note:
 * @self: a #RgLink
 *
 * Returns: (transfer none) (nullable): the team's note, %NULL if none
 */
/**
 * rg_link_set_note:
 * @self: a #RgLink
 * @note: (nullable): the team's note; %NULL or "" for none
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgLink, rg_link, LINK, note, NOTE, TRUE)

/**
 * rg_link_get_term_id:
 * @self: a #RgLink
 *
 * The id of the glossary term made from this link. The term may have
 * been removed from the glossary since (the link keeps the id, so that
 * undoing the removal brings the two back together): look it up with
 * rg_session_find_term (). A file only records an id that names a term
 * of the session.
 *
 * Returns: (transfer none) (nullable): the term's id, %NULL if none
 */
/**
 * rg_link_set_term_id:
 * @self: a #RgLink
 * @term_id: (nullable): the id of a glossary term; %NULL or "" for none
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgLink, rg_link, LINK, term_id, TERM_ID,
                                  _rg_optional_id_is_valid (term_id))

/**
 * rg_link_get_members:
 * @self: a #RgLink
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   tagged statements, in order; valid until the members change
 */
const char * const *
rg_link_get_members (RgLink *self)
{
  g_return_val_if_fail (RG_IS_LINK (self), NULL);

  return (const char * const *) self->members->pdata;
}

/**
 * rg_link_get_n_members:
 * @self: a #RgLink
 *
 * Returns: how many statements the link tags
 */
guint
rg_link_get_n_members (RgLink *self)
{
  g_return_val_if_fail (RG_IS_LINK (self), 0);

  return self->members->len;
}

static gboolean
find_member (RgLink     *self,
             const char *statement_id,
             guint      *position)
{
  return g_ptr_array_find_with_equal_func (self->members, statement_id, g_str_equal, position);
}

/**
 * rg_link_set_members:
 * @self: a #RgLink
 * @statement_ids: (nullable) (array zero-terminated=1): ids of statements
 *
 * Replaces the members. An id given twice is kept once, at its first
 * place.
 */
void
rg_link_set_members (RgLink             *self,
                     const char * const *statement_ids)
{
  g_autoptr(GPtrArray) members = NULL;

  g_return_if_fail (RG_IS_LINK (self));
  g_return_if_fail (_rg_ids_are_valid (statement_ids));

  members = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  for (guint i = 0; statement_ids != NULL && statement_ids[i] != NULL; i++)
    {
      if (!g_ptr_array_find_with_equal_func (members, statement_ids[i], g_str_equal, NULL))
        g_ptr_array_add (members, g_strdup (statement_ids[i]));
    }

  if (g_strv_equal ((const char * const *) members->pdata,
                    (const char * const *) self->members->pdata))
    return;

  g_ptr_array_unref (self->members);
  self->members = g_steal_pointer (&members);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBERS]);
}

/**
 * rg_link_has_member:
 * @self: a #RgLink
 * @statement_id: the id of a statement
 *
 * Returns: %TRUE if the link tags that statement
 */
gboolean
rg_link_has_member (RgLink     *self,
                    const char *statement_id)
{
  g_return_val_if_fail (RG_IS_LINK (self), FALSE);
  g_return_val_if_fail (statement_id != NULL, FALSE);

  return find_member (self, statement_id, NULL);
}

/**
 * rg_link_add_member:
 * @self: a #RgLink
 * @statement_id: the id of a statement
 *
 * Tags one more statement, at the end.
 *
 * Returns: %TRUE if it was added, %FALSE if it was already a member
 */
gboolean
rg_link_add_member (RgLink     *self,
                    const char *statement_id)
{
  g_return_val_if_fail (RG_IS_LINK (self), FALSE);
  g_return_val_if_fail (rg_id_is_valid (statement_id), FALSE);

  if (find_member (self, statement_id, NULL))
    return FALSE;

  g_ptr_array_add (self->members, g_strdup (statement_id));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBERS]);

  return TRUE;
}

/**
 * rg_link_remove_member:
 * @self: a #RgLink
 * @statement_id: the id of a statement
 *
 * Untags a statement. This may leave the link with fewer than two
 * members, which the file does not allow: to drop a statement from the
 * session, use rg_session_remove_statement (), which takes care of it.
 *
 * Returns: %TRUE if it was a member
 */
gboolean
rg_link_remove_member (RgLink     *self,
                       const char *statement_id)
{
  guint position;

  g_return_val_if_fail (RG_IS_LINK (self), FALSE);
  g_return_val_if_fail (statement_id != NULL, FALSE);

  if (!find_member (self, statement_id, &position))
    return FALSE;

  g_ptr_array_remove_index (self->members, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBERS]);

  return TRUE;
}
