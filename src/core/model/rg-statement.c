/* rg-statement.c — one partner's observation in one dimension
 *
 * A statement is a card of the diagnosis: what one partner says about
 * one axis of the situation, of a kind (observed fact, interpretation,
 * difficulty, resource, proposal). It remembers when it was written and
 * when it last changed; every setter of what it says moves “changed”.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-statement"

#include "config.h"

#include "rg-enums.h"
#include "rg-statement.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgStatement, name)
#define SETTER(name) G_CALLBACK (rg_statement_set_##name)

struct _RgStatement
{
  GObject          parent_instance;

  char            *id;
  char            *partner_id;
  char            *dimension_id;
  char            *text;
  GDateTime       *created;
  GDateTime       *changed;
  RgStatementKind  kind;
};

G_DEFINE_FINAL_TYPE (RgStatement, rg_statement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTNER_ID,
  PROP_DIMENSION_ID,
  PROP_KIND,
  PROP_TEXT,
  PROP_CREATED,
  PROP_CHANGED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]           = { "id", RG_PROPERTY_ID, FIELD (id) },
  /**
   * RgStatement:partner-id:
   *
   * The id of the partner who said it: the column of the card.
   */
  [PROP_PARTNER_ID]   = { "partner-id", RG_PROPERTY_TEXT, FIELD (partner_id),
                          SETTER (partner_id), .text = "" },
  /**
   * RgStatement:dimension-id:
   *
   * The id of the dimension it is about: the row of the card.
   */
  [PROP_DIMENSION_ID] = { "dimension-id", RG_PROPERTY_TEXT, FIELD (dimension_id),
                          SETTER (dimension_id), .text = "" },
  [PROP_KIND]         = { "kind", RG_PROPERTY_ENUM, FIELD (kind), SETTER (kind),
                          rg_statement_kind_get_type, RG_STATEMENT_KIND_FACT },
  [PROP_TEXT]         = { "text", RG_PROPERTY_TEXT, FIELD (text), SETTER (text), .text = "" },
  /**
   * RgStatement:created:
   *
   * When the statement was written, in UTC, to the second.
   */
  [PROP_CREATED]      = { "created", RG_PROPERTY_TIME, FIELD (created), SETTER (created) },
  /**
   * RgStatement:changed:
   *
   * When its text, kind, partner or dimension last changed, in UTC, to
   * the second.
   */
  [PROP_CHANGED]      = { "changed", RG_PROPERTY_TIME, FIELD (changed), SETTER (changed) },
};

static void
rg_statement_touch (RgStatement *self)
{
  g_autoptr(GDateTime) now = _rg_time_new_now ();

  rg_statement_set_changed (self, now);
}

static void
rg_statement_class_init (RgStatementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = _rg_properties_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);
}

static void
rg_statement_init (RgStatement *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
  self->created = _rg_time_new_now ();
  self->changed = g_date_time_ref (self->created);
}

/**
 * rg_statement_new:
 * @partner_id: the id of the partner who says it
 * @dimension_id: the id of the dimension it is about
 * @kind: a #RgStatementKind
 * @text: (nullable): what the partner says
 *
 * A new statement with a new id, created and changed now.
 *
 * Returns: (transfer full): a new #RgStatement
 */
RgStatement *
rg_statement_new (const char      *partner_id,
                  const char      *dimension_id,
                  RgStatementKind  kind,
                  const char      *text)
{
  RgStatement *self;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (rg_id_is_valid (partner_id), NULL);
  g_return_val_if_fail (rg_id_is_valid (dimension_id), NULL);

  self = g_object_new (RG_TYPE_STATEMENT,
                       "partner-id", partner_id,
                       "dimension-id", dimension_id,
                       "kind", kind,
                       "text", text,
                       NULL);

  /* One instant for both, even if the clock ticked while constructing */
  now = g_date_time_ref (self->changed);
  rg_statement_set_created (self, now);

  return self;
}

/**
 * rg_statement_get_id:
 * @self: a #RgStatement
 *
 * Returns: (transfer none): the statement's UUID
 */
RG_DEFINE_GETTER (RgStatement, rg_statement, STATEMENT, const char *, id, NULL)

/**
 * rg_statement_get_partner_id:
 * @self: a #RgStatement
 *
 * Returns: (transfer none): the id of the partner who says it
 */
RG_DEFINE_GETTER (RgStatement, rg_statement, STATEMENT, const char *, partner_id, NULL)

/**
 * rg_statement_set_partner_id:
 * @self: a #RgStatement
 * @partner_id: the id of a partner of the same session
 *
 * Moves the statement to another partner's column; updates
 * #RgStatement:changed.
 */
void
rg_statement_set_partner_id (RgStatement *self,
                             const char  *partner_id)
{
  g_return_if_fail (RG_IS_STATEMENT (self));
  g_return_if_fail (rg_id_is_valid (partner_id));

  if (_rg_set_text (&self->partner_id, partner_id, FALSE))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTNER_ID]);
      rg_statement_touch (self);
    }
}

/**
 * rg_statement_get_dimension_id:
 * @self: a #RgStatement
 *
 * Returns: (transfer none): the id of the dimension it is about
 */
RG_DEFINE_GETTER (RgStatement, rg_statement, STATEMENT, const char *, dimension_id, NULL)

/**
 * rg_statement_set_dimension_id:
 * @self: a #RgStatement
 * @dimension_id: the id of a dimension of the same session
 *
 * Moves the statement to another row; updates #RgStatement:changed.
 */
void
rg_statement_set_dimension_id (RgStatement *self,
                               const char  *dimension_id)
{
  g_return_if_fail (RG_IS_STATEMENT (self));
  g_return_if_fail (rg_id_is_valid (dimension_id));

  if (_rg_set_text (&self->dimension_id, dimension_id, FALSE))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIMENSION_ID]);
      rg_statement_touch (self);
    }
}

/**
 * rg_statement_get_kind:
 * @self: a #RgStatement
 *
 * Returns: the kind of the statement
 */
RG_DEFINE_GETTER (RgStatement, rg_statement, STATEMENT, RgStatementKind,
                  kind, RG_STATEMENT_KIND_FACT)

/**
 * rg_statement_set_kind:
 * @self: a #RgStatement
 * @kind: a #RgStatementKind
 *
 * Updates #RgStatement:changed.
 */
void
rg_statement_set_kind (RgStatement     *self,
                       RgStatementKind  kind)
{
  g_return_if_fail (RG_IS_STATEMENT (self));
  g_return_if_fail ((guint) kind <= RG_STATEMENT_KIND_PROPOSAL);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
      rg_statement_touch (self);
    }
}

/**
 * rg_statement_get_text:
 * @self: a #RgStatement
 *
 * Returns: (transfer none): what the partner says, never %NULL
 */
RG_DEFINE_GETTER (RgStatement, rg_statement, STATEMENT, const char *, text, NULL)

/**
 * rg_statement_set_text:
 * @self: a #RgStatement
 * @text: (nullable): what the partner says
 *
 * Updates #RgStatement:changed.
 */
void
rg_statement_set_text (RgStatement *self,
                       const char  *text)
{
  g_return_if_fail (RG_IS_STATEMENT (self));

  if (_rg_set_text (&self->text, text, FALSE))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
      rg_statement_touch (self);
    }
}

/**
 * rg_statement_get_created:
 * @self: a #RgStatement
 *
 * Returns: (transfer none): when the statement was written, in UTC
 */
RG_DEFINE_GETTER (RgStatement, rg_statement, STATEMENT, GDateTime *, created, NULL)

/**
 * rg_statement_set_created:
 * @self: a #RgStatement
 * @created: when the statement was written
 *
 * Stored in UTC, to the second, as the file keeps it. Used by the loader;
 * the model sets it by itself on a new statement.
 */
void
rg_statement_set_created (RgStatement *self,
                          GDateTime   *created)
{
  g_autoptr(GDateTime) normal = NULL;

  g_return_if_fail (RG_IS_STATEMENT (self));
  g_return_if_fail (created != NULL);

  normal = _rg_time_normalize (created);
  if (g_date_time_equal (normal, self->created))
    return;

  g_date_time_unref (self->created);
  self->created = g_steal_pointer (&normal);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED]);
}

/**
 * rg_statement_get_changed:
 * @self: a #RgStatement
 *
 * Returns: (transfer none): when the statement last changed, in UTC
 */
RG_DEFINE_GETTER (RgStatement, rg_statement, STATEMENT, GDateTime *, changed, NULL)

/**
 * rg_statement_set_changed:
 * @self: a #RgStatement
 * @changed: when the statement last changed
 *
 * Stored in UTC, to the second. Used by the loader and by undo, which
 * put back a time the model had already recorded.
 */
void
rg_statement_set_changed (RgStatement *self,
                          GDateTime   *changed)
{
  g_autoptr(GDateTime) normal = NULL;

  g_return_if_fail (RG_IS_STATEMENT (self));
  g_return_if_fail (changed != NULL);

  normal = _rg_time_normalize (changed);
  if (g_date_time_equal (normal, self->changed))
    return;

  g_date_time_unref (self->changed);
  self->changed = g_steal_pointer (&normal);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANGED]);
}
