/* rg-session-editor.c — the undoable edits of a session
 *
 * Every change a user makes to a session goes through here, so that it
 * can be undone and redone, and so that the rules of the domain (a
 * statement belongs to one cell, removing a partner removes their
 * statements and the links that only held them) live in the core, where
 * they are tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "rg-session-editor-private.h"

struct _RgSessionEditor
{
  GObject      parent_instance;

  RgSession   *session;
  RgUndoStack *undo_stack;
  RgLinkIndex *link_index;
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_UNDO_STACK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgSessionEditor, rg_session_editor, G_TYPE_OBJECT)

/* {{{ Generic list commands */

typedef void (*MoveFunc) (RgSession *session, gpointer object, guint position);

static const RgEditorList statement_list = RG_EDITOR_LIST (rg_session, statement, statements);
static const RgEditorList partner_list = RG_EDITOR_LIST (rg_session, partner, partners);
static const RgEditorList dimension_list = RG_EDITOR_LIST (rg_session, dimension, dimensions);

/* An item going into a list, out of it, or to another place in it. The
 * container is the session, or a category for its criteria. A list with
 * a move of its own (the session's statements, partners, dimensions)
 * moves through @move; any other takes the item out and puts it back. */
typedef struct
{
  GObject            *container;
  GObject            *object;
  guint               position;
  guint               old_position;
  const RgEditorList *list;
  MoveFunc            move;
} ListOp;

static void
list_op_free (gpointer data)
{
  ListOp *op = data;

  g_clear_object (&op->container);
  g_clear_object (&op->object);
  g_free (op);
}

/* A %NULL container is the session. */
static ListOp *
list_op_new (RgSessionEditor    *self,
             gpointer            container,
             gpointer            object,
             guint               position,
             const RgEditorList *list)
{
  ListOp *op = g_new0 (ListOp, 1);

  op->container = g_object_ref (container != NULL ? container : self->session);
  op->object = g_object_ref (object);
  op->position = position;
  op->old_position = position;
  op->list = list;

  return op;
}

static void
list_op_insert (gpointer data)
{
  ListOp *op = data;

  op->list->insert (op->container, op->object, op->position);
}

static void
list_op_remove (gpointer data)
{
  ListOp *op = data;

  op->list->remove (op->container, op->object);
}

static void
list_op_move_to (ListOp *op,
                 guint   position)
{
  if (op->move != NULL)
    op->move ((RgSession *) op->container, op->object, position);
  else
    {
      op->list->remove (op->container, op->object);
      op->list->insert (op->container, op->object, position);
    }
}

static void
list_op_move (gpointer data)
{
  ListOp *op = data;

  list_op_move_to (op, op->position);
}

static void
list_op_move_back (gpointer data)
{
  ListOp *op = data;

  list_op_move_to (op, op->old_position);
}

/**
 * _rg_session_editor_insert_item: (skip)
 * @self: a #RgSessionEditor
 * @label: (nullable): what the change is
 * @list: the list @item goes in
 * @container: (nullable): the category of a criterion; %NULL for the session
 * @item: what goes in
 * @position: where
 *
 * Puts an item in a list of the session, undoably.
 */
void
_rg_session_editor_insert_item (RgSessionEditor    *self,
                                const char         *label,
                                const RgEditorList *list,
                                gpointer            container,
                                gpointer            item,
                                guint               position)
{
  rg_undo_stack_execute (self->undo_stack, label, list_op_insert, list_op_remove,
                         list_op_new (self, container, item, position, list), list_op_free);
}

static GListModel *
list_get (RgSessionEditor    *self,
          const RgEditorList *list,
          gpointer            container)
{
  return list->get (container != NULL ? container : self->session);
}

static gboolean
in_list (RgSessionEditor    *self,
         const RgEditorList *list,
         gpointer            item)
{
  return rg_list_model_find (list_get (self, list, NULL), item) != G_MAXUINT;
}

/**
 * _rg_session_editor_append_new: (skip)
 * @self: a #RgSessionEditor
 * @label: (nullable): what the change is
 * @list: the list @item goes in
 * @container: (nullable): the category of a criterion; %NULL for the session
 * @item: (transfer full): a new item, which goes after the others
 *
 * Puts a new item at the end of a list of the session, undoably.
 *
 * Returns: (transfer none): @item, which the list holds
 */
gpointer
_rg_session_editor_append_new (RgSessionEditor    *self,
                              const char         *label,
                              const RgEditorList *list,
                              gpointer            container,
                              gpointer            item)
{
  /* Dropped on return, when the list holds it. */
  g_autoptr(GObject) owned = item;

  _rg_session_editor_insert_item (self, label, list, container, item,
                                  g_list_model_get_n_items (list_get (self, list, container)));

  return item;
}

/**
 * _rg_session_editor_remove_item: (skip)
 * @self: a #RgSessionEditor
 * @label: (nullable): what the change is
 * @list: the list @item is in
 * @container: (nullable): the category of a criterion; %NULL for the session
 * @item: what goes out; undo puts it back at its place
 *
 * Takes an item out of a list of the session, undoably.
 */
void
_rg_session_editor_remove_item (RgSessionEditor    *self,
                                const char         *label,
                                const RgEditorList *list,
                                gpointer            container,
                                gpointer            item)
{
  guint position = rg_list_model_find (list_get (self, list, container), item);

  g_return_if_fail (position != G_MAXUINT);

  rg_undo_stack_execute (self->undo_stack, label, list_op_remove, list_op_insert,
                         list_op_new (self, container, item, position, list), list_op_free);
}

/* Moves @item from @from to @to, through @move if the list has one of
 * its own, undoably. */
static void
execute_move (RgSessionEditor    *self,
              const char         *label,
              const RgEditorList *list,
              gpointer            container,
              gpointer            item,
              guint               from,
              guint               to,
              MoveFunc            move)
{
  ListOp *op = list_op_new (self, container, item, to, list);

  op->old_position = from;
  op->move = move;
  rg_undo_stack_execute (self->undo_stack, label, list_op_move, list_op_move_back,
                         op, list_op_free);
}

/**
 * _rg_session_editor_move_item: (skip)
 * @self: a #RgSessionEditor
 * @label: (nullable): what the change is
 * @list: the list @item is in
 * @container: (nullable): the category of a criterion; %NULL for the session
 * @item: what moves
 * @from: where it is
 * @to: where it goes
 *
 * Moves an item within a list that has no move of its own, by taking it
 * out and putting it back (its id and contents stay), undoably.
 */
void
_rg_session_editor_move_item (RgSessionEditor    *self,
                              const char         *label,
                              const RgEditorList *list,
                              gpointer            container,
                              gpointer            item,
                              guint               from,
                              guint               to)
{
  execute_move (self, label, list, container, item, from, to, NULL);
}

/* }}} */
/* {{{ Removing a statement, and the links it was part of */

typedef struct
{
  RgLink  *link;
  guint    position;
  char   **members;
} LinkState;

typedef struct
{
  RgSession   *session;
  RgStatement *statement;
  guint        position;
  GArray      *links;   /* LinkState, by increasing position */
} StatementRemoval;

static void
link_state_clear (gpointer data)
{
  LinkState *state = data;

  g_clear_object (&state->link);
  g_clear_pointer (&state->members, g_strfreev);
}

static void
statement_removal_free (gpointer data)
{
  StatementRemoval *removal = data;

  g_clear_object (&removal->session);
  g_clear_object (&removal->statement);
  g_array_unref (removal->links);
  g_free (removal);
}

static void
statement_removal_redo (gpointer data)
{
  StatementRemoval *removal = data;

  rg_session_remove_statement (removal->session, removal->statement);
}

static void
statement_removal_undo (gpointer data)
{
  StatementRemoval *removal = data;

  rg_session_insert_statement (removal->session, removal->statement, removal->position);

  for (guint i = 0; i < removal->links->len; i++)
    {
      LinkState *state = &g_array_index (removal->links, LinkState, i);

      rg_link_set_members (state->link, (const char * const *) state->members);
      if (rg_session_find_link (removal->session, rg_link_get_id (state->link)) == NULL)
        rg_session_insert_link (removal->session, state->link, state->position);
    }
}

static void
execute_remove_statement (RgSessionEditor *self,
                          const char      *label,
                          RgStatement     *statement)
{
  StatementRemoval *removal;
  GListModel *links = rg_session_get_links (self->session);
  guint n_links = g_list_model_get_n_items (links);

  removal = g_new0 (StatementRemoval, 1);
  removal->session = g_object_ref (self->session);
  removal->statement = g_object_ref (statement);
  removal->position = rg_list_model_find (rg_session_get_statements (self->session), statement);
  removal->links = g_array_new (FALSE, TRUE, sizeof (LinkState));
  g_array_set_clear_func (removal->links, link_state_clear);

  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      if (rg_link_has_member (link, rg_statement_get_id (statement)))
        {
          LinkState state = {
            g_object_ref (link), i, g_strdupv ((char **) rg_link_get_members (link))
          };

          g_array_append_val (removal->links, state);
        }
    }

  rg_undo_stack_execute (self->undo_stack, label,
                         statement_removal_redo, statement_removal_undo,
                         removal, statement_removal_free);
}

/* }}} */
/* {{{ Changing which cell a statement is in */

typedef struct
{
  RgSession   *session;
  RgStatement *statement;
  char        *dimension_id;
  char        *old_dimension_id;
  guint        position;
  guint        old_position;
} StatementMove;

static void
statement_move_free (gpointer data)
{
  StatementMove *move = data;

  g_clear_object (&move->session);
  g_clear_object (&move->statement);
  g_free (move->dimension_id);
  g_free (move->old_dimension_id);
  g_free (move);
}

/* Moving the statement in the list after changing its dimension tells
 * every list that filters statements by cell to look at it again. */
static void
place_statement (RgSession   *session,
                 RgStatement *statement,
                 const char  *dimension_id,
                 guint        position)
{
  rg_statement_set_dimension_id (statement, dimension_id);
  rg_session_move_statement (session, statement, position);
}

static void
place_statement_at (RgSession   *session,
                    RgStatement *statement,
                    const char  *dimension_id,
                    guint        position)
{
  GListModel *statements = rg_session_get_statements (session);
  guint n = g_list_model_get_n_items (statements);

  place_statement (session, statement, dimension_id, position);

  /* Moving to where it already was changes nothing in the list: move it
   * away and back so that the cells still hear of it. */
  if (rg_list_model_find (statements, statement) == position && n > 1)
    {
      rg_session_move_statement (session, statement, position == 0 ? n - 1 : 0);
      rg_session_move_statement (session, statement, position);
    }
}

static void
statement_move_redo (gpointer data)
{
  StatementMove *move = data;

  place_statement_at (move->session, move->statement, move->dimension_id, move->position);
}

static void
statement_move_undo (gpointer data)
{
  StatementMove *move = data;

  place_statement_at (move->session, move->statement, move->old_dimension_id, move->old_position);
}

/* }}} */
/* {{{ A partner's meaning of a glossary term */

typedef struct
{
  RgTerm *term;
  char   *partner_id;
  char   *meaning;
  char   *old_meaning;
} MeaningChange;

static void
meaning_change_free (gpointer data)
{
  MeaningChange *change = data;

  g_clear_object (&change->term);
  g_free (change->partner_id);
  g_free (change->meaning);
  g_free (change->old_meaning);
  g_free (change);
}

static void
meaning_change_redo (gpointer data)
{
  MeaningChange *change = data;

  rg_term_set_meaning (change->term, change->partner_id, change->meaning);
}

static void
meaning_change_undo (gpointer data)
{
  MeaningChange *change = data;

  rg_term_set_meaning (change->term, change->partner_id, change->old_meaning);
}

/**
 * _rg_session_editor_set_meaning: (skip)
 * @self: a #RgSessionEditor
 * @term: a term
 * @partner_id: a partner's id
 * @meaning: (nullable): what the partner means by the term; %NULL for
 *   nothing
 *
 * Gives a partner's meaning of @term, undoably, as one step of the
 * current group. Undo gives back the meaning the partner had, last
 * among the meanings of @term: for a partner who had none, or one being
 * removed, whose place no longer matters. rg_session_editor_set_term_meaning ()
 * keeps every meaning at its place.
 */
void
_rg_session_editor_set_meaning (RgSessionEditor *self,
                               RgTerm          *term,
                               const char      *partner_id,
                               const char      *meaning)
{
  MeaningChange *change = g_new0 (MeaningChange, 1);

  change->term = g_object_ref (term);
  change->partner_id = g_strdup (partner_id);
  change->meaning = g_strdup (meaning);
  change->old_meaning = g_strdup (rg_term_get_meaning (term, partner_id));
  rg_undo_stack_execute (self->undo_stack, NULL, meaning_change_redo, meaning_change_undo,
                         change, meaning_change_free);
}

/* }}} */

static void
rg_session_editor_dispose (GObject *object)
{
  RgSessionEditor *self = RG_SESSION_EDITOR (object);

  g_clear_object (&self->link_index);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rg_session_editor_parent_class)->dispose (object);
}

static void
rg_session_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RgSessionEditor *self = RG_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_session_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RgSessionEditor *self = RG_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_session_editor_class_init (RgSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_session_editor_dispose;
  object_class->get_property = rg_session_editor_get_property;
  object_class->set_property = rg_session_editor_set_property;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RG_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, RG_TYPE_UNDO_STACK,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_session_editor_init (RgSessionEditor *self)
{
  self->undo_stack = rg_undo_stack_new ();
}

/**
 * rg_session_editor_new:
 * @session: the session to edit
 *
 * Returns: (transfer full): an editor of @session with an empty undo stack
 */
RgSessionEditor *
rg_session_editor_new (RgSession *session)
{
  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  return g_object_new (RG_TYPE_SESSION_EDITOR, "session", session, NULL);
}

/**
 * rg_session_editor_get_session:
 *
 * Returns: (transfer none): the session
 */
RgSession *
rg_session_editor_get_session (RgSessionEditor *self)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);

  return self->session;
}

/**
 * rg_session_editor_get_undo_stack:
 *
 * Returns: (transfer none): the undo stack of every edit made here
 */
RgUndoStack *
rg_session_editor_get_undo_stack (RgSessionEditor *self)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);

  return self->undo_stack;
}

/**
 * rg_session_editor_get_link_index:
 *
 * Returns: (transfer none): which links each statement of the session
 *   belongs to, kept up to date
 */
RgLinkIndex *
rg_session_editor_get_link_index (RgSessionEditor *self)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);

  if (self->link_index == NULL)
    self->link_index = rg_link_index_new (self->session);

  return self->link_index;
}

/**
 * rg_session_editor_set:
 * @self: a #RgSessionEditor
 * @label: what the change is
 * @object: an object of the session
 * @property_name: the property to set
 * @...: its new value
 *
 * Sets one property of one object of the session, undoably.
 */
void
rg_session_editor_set (RgSessionEditor *self,
                       const char      *label,
                       gpointer         object,
                       const char      *property_name,
                       ...)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;
  GParamSpec *pspec;
  va_list args;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (G_IS_OBJECT (object));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property_name);
  g_return_if_fail (pspec != NULL);

  va_start (args, property_name);
  G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
  va_end (args);
  g_return_if_fail (error == NULL);

  rg_undo_stack_set_property (self->undo_stack, label, object, property_name, &value);
}

/* A %NULL partner or dimension matches any. */
static gboolean
in_cell (RgStatement *statement,
         const char  *partner_id,
         const char  *dimension_id)
{
  return (partner_id == NULL || g_strcmp0 (rg_statement_get_partner_id (statement), partner_id) == 0) &&
         (dimension_id == NULL || g_strcmp0 (rg_statement_get_dimension_id (statement), dimension_id) == 0);
}

/**
 * rg_session_editor_list_cell:
 * @self: a #RgSessionEditor
 * @partner_id: (nullable): a partner's id, or %NULL for every partner
 * @dimension_id: (nullable): a dimension's id, or %NULL for every dimension
 *
 * Returns: (transfer container) (element-type RgStatement): the
 *   statements of one partner in one dimension, in order
 */
GPtrArray *
rg_session_editor_list_cell (RgSessionEditor *self,
                             const char      *partner_id,
                             const char      *dimension_id)
{
  GListModel *statements;
  GPtrArray *cell;
  guint n;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);

  statements = rg_session_get_statements (self->session);
  n = g_list_model_get_n_items (statements);
  cell = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      RgStatement *statement = g_list_model_get_item (statements, i);

      if (in_cell (statement, partner_id, dimension_id))
        g_ptr_array_add (cell, statement);
      else
        g_object_unref (statement);
    }

  return cell;
}

guint
rg_session_editor_count_statements (RgSessionEditor *self,
                                    const char      *partner_id,
                                    const char      *dimension_id)
{
  g_autoptr(GPtrArray) cell = NULL;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), 0);

  cell = rg_session_editor_list_cell (self, partner_id, dimension_id);
  return cell->len;
}

/**
 * _rg_session_editor_get_cell_end: (skip)
 * @self: a #RgSessionEditor
 * @partner_id: a partner's id
 * @dimension_id: a dimension's id
 *
 * Returns: the position in the list of all statements just after the
 *   last statement of a cell, where a statement added to that cell goes
 */
guint
_rg_session_editor_get_cell_end (RgSessionEditor *self,
                                 const char      *partner_id,
                                 const char      *dimension_id)
{
  GListModel *statements = rg_session_get_statements (self->session);
  guint n = g_list_model_get_n_items (statements);
  guint position = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      if (in_cell (statement, partner_id, dimension_id))
        position = i + 1;
    }

  return position;
}

/**
 * rg_session_editor_add_statement:
 * @self: a #RgSessionEditor
 * @partner: who says it
 * @dimension: where
 * @after: (nullable): the statement of the same cell it follows, or
 *   %NULL to add it at the end of the cell
 * @kind: its kind
 * @text: its text
 *
 * Adds a statement, undoably.
 *
 * Returns: (transfer none): the new statement
 */
RgStatement *
rg_session_editor_add_statement (RgSessionEditor *self,
                                 RgPartner       *partner,
                                 RgDimension     *dimension,
                                 RgStatement     *after,
                                 RgStatementKind  kind,
                                 const char      *text)
{
  g_autoptr(RgStatement) statement = NULL;
  guint position;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail (RG_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (RG_IS_DIMENSION (dimension), NULL);
  g_return_val_if_fail (after == NULL || RG_IS_STATEMENT (after), NULL);

  statement = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                                kind, text);

  if (after != NULL)
    position = rg_list_model_find (rg_session_get_statements (self->session), after) + 1;
  else
    position = _rg_session_editor_get_cell_end (self, rg_partner_get_id (partner), rg_dimension_get_id (dimension));

  _rg_session_editor_insert_item (self, _("Add statement"), &statement_list, NULL,
                                  statement, position);

  return statement;
}

/**
 * rg_session_editor_insert_statement:
 * @self: a #RgSessionEditor
 * @statement: a statement not in the session yet, its partner and
 *   dimension set
 *
 * Puts a statement written elsewhere (in a partner's contribution) at
 * the end of its cell, with its id and dates, undoably.
 */
void
rg_session_editor_insert_statement (RgSessionEditor *self,
                                    RgStatement     *statement)
{
  guint position;

  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_STATEMENT (statement));

  position = _rg_session_editor_get_cell_end (self, rg_statement_get_partner_id (statement),
                                              rg_statement_get_dimension_id (statement));
  _rg_session_editor_insert_item (self, _("Add statement"), &statement_list, NULL,
                                  statement, position);
}

/**
 * rg_session_editor_remove_statement:
 * @self: a #RgSessionEditor
 * @statement: a statement of the session
 *
 * Removes a statement, undoably. Links keep their other statements; a
 * link left with fewer than two is removed, and both come back on undo.
 */
void
rg_session_editor_remove_statement (RgSessionEditor *self,
                                    RgStatement     *statement)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_STATEMENT (statement));

  execute_remove_statement (self, _("Delete statement"), statement);
}

/**
 * rg_session_editor_reorder_statement:
 * @self: a #RgSessionEditor
 * @statement: a statement of the session
 * @delta: -1 to move it up its cell, 1 to move it down
 *
 * Returns: %FALSE if it was already first (or last) of its cell
 */
gboolean
rg_session_editor_reorder_statement (RgSessionEditor *self,
                                     RgStatement     *statement,
                                     int              delta)
{
  g_autoptr(GPtrArray) cell = NULL;
  GListModel *statements;
  guint index, target_position, position;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (RG_IS_STATEMENT (statement), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  cell = rg_session_editor_list_cell (self, rg_statement_get_partner_id (statement),
                                      rg_statement_get_dimension_id (statement));
  if (!g_ptr_array_find (cell, statement, &index) ||
      (delta < 0 && index == 0) ||
      (delta > 0 && index + 1 >= cell->len))
    return FALSE;

  statements = rg_session_get_statements (self->session);
  position = rg_list_model_find (statements, statement);
  target_position = rg_list_model_find (statements, g_ptr_array_index (cell, index + delta));
  execute_move (self, delta < 0 ? _("Move statement up") : _("Move statement down"),
                &statement_list, NULL, statement, position, target_position,
                (MoveFunc) rg_session_move_statement);

  return TRUE;
}

/**
 * rg_session_editor_move_statement_to:
 * @self: a #RgSessionEditor
 * @statement: a statement of the session
 * @dimension: the dimension it should be in
 *
 * Moves a statement to the end of its partner's cell in @dimension,
 * undoably.
 *
 * Returns: %FALSE if it was already in @dimension
 */
gboolean
rg_session_editor_move_statement_to (RgSessionEditor *self,
                                     RgStatement     *statement,
                                     RgDimension     *dimension)
{
  GListModel *statements;
  StatementMove *move;
  guint end;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (RG_IS_STATEMENT (statement), FALSE);
  g_return_val_if_fail (RG_IS_DIMENSION (dimension), FALSE);

  if (g_strcmp0 (rg_statement_get_dimension_id (statement), rg_dimension_get_id (dimension)) == 0)
    return FALSE;

  statements = rg_session_get_statements (self->session);
  move = g_new0 (StatementMove, 1);
  move->session = g_object_ref (self->session);
  move->statement = g_object_ref (statement);
  move->old_dimension_id = g_strdup (rg_statement_get_dimension_id (statement));
  move->dimension_id = g_strdup (rg_dimension_get_id (dimension));
  move->old_position = rg_list_model_find (statements, statement);

  /* The statement leaves its place before it takes the new one. */
  end = _rg_session_editor_get_cell_end (self, rg_statement_get_partner_id (statement), move->dimension_id);
  move->position = end > move->old_position ? end - 1 : end;

  rg_undo_stack_execute (self->undo_stack, _("Move statement"),
                         statement_move_redo, statement_move_undo,
                         move, statement_move_free);

  return TRUE;
}

/**
 * rg_session_editor_add_partner:
 * @self: a #RgSessionEditor
 * @name: the partner's name
 * @profession: (nullable): their profession
 * @institution: (nullable): their institution
 *
 * Adds a partner after the others, with a colour no other partner has,
 * undoably.
 *
 * Returns: (transfer none): the new partner
 */
RgPartner *
rg_session_editor_add_partner (RgSessionEditor *self,
                               const char      *name,
                               const char      *profession,
                               const char      *institution)
{
  RgPartner *partner;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  partner = rg_partner_new ();
  rg_partner_set_name (partner, name);
  rg_partner_set_profession (partner, profession);
  rg_partner_set_institution (partner, institution);
  rg_partner_set_colour (partner,
                         rg_partner_pick_colour (rg_session_get_partners (self->session)));

  return _rg_session_editor_append_new (self, _("Add partner"), &partner_list, NULL, partner);
}

/* Removes every statement matching a partner or a dimension, inside the
 * current undo group. */
static void
remove_statements_where (RgSessionEditor *self,
                         const char      *partner_id,
                         const char      *dimension_id)
{
  GListModel *statements = rg_session_get_statements (self->session);

  for (guint i = g_list_model_get_n_items (statements); i > 0; i--)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i - 1);

      if (in_cell (statement, partner_id, dimension_id))
        execute_remove_statement (self, NULL, statement);
    }
}

static void
set_string_undoably (RgSessionEditor *self,
                     gpointer         object,
                     const char      *property_name,
                     const char      *value)
{
  rg_session_editor_set (self, NULL, object, property_name, value);
}

/* Everything that names a partner forgets them, undoably, so that
 * removing the partner leaves a valid session and undo brings it all
 * back. */
static void
forget_partner (RgSessionEditor *self,
                const char      *id)
{
  GListModel *terms = rg_session_get_terms (self->session);
  GListModel *categories = rg_session_get_categories (self->session);
  GListModel *actions = rg_session_get_actions (self->session);
  GListModel *consents = rg_session_get_consents (self->session);

  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (terms, i);

      if (rg_term_get_meaning (term, id) != NULL)
        _rg_session_editor_set_meaning (self, term, id, NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);

      for (guint j = 0; j < g_list_model_get_n_items (criteria); j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, j);
          const char * const *proposed_by = rg_criterion_get_proposed_by (criterion);

          if (proposed_by != NULL && g_strv_contains (proposed_by, id))
            {
              g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
              g_auto(GStrv) others = NULL;

              for (guint k = 0; proposed_by[k] != NULL; k++)
                if (!g_str_equal (proposed_by[k], id))
                  g_strv_builder_add (builder, proposed_by[k]);
              others = g_strv_builder_end (builder);
              rg_session_editor_set (self, NULL, criterion, "proposed-by", others);
            }
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);

      if (g_strcmp0 (rg_action_get_owner_id (action), id) == 0)
        set_string_undoably (self, action, "owner-id", NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(RgConsent) consent = g_list_model_get_item (consents, i);

      if (g_strcmp0 (rg_consent_get_recorded_by_id (consent), id) == 0)
        set_string_undoably (self, consent, "recorded-by-id", NULL);
    }

  if (g_strcmp0 (rg_session_get_contributor_id (self->session), id) == 0)
    set_string_undoably (self, self->session, "contributor-id", NULL);
}

/**
 * rg_session_editor_remove_partner:
 * @self: a #RgSessionEditor
 * @partner: a partner of the session
 *
 * Removes a partner with their statements, their meanings in the
 * glossary and every mention of them, as one undoable step.
 */
void
rg_session_editor_remove_partner (RgSessionEditor *self,
                                  RgPartner       *partner)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_PARTNER (partner));
  g_return_if_fail (in_list (self, &partner_list, partner));

  rg_undo_stack_begin_group (self->undo_stack, _("Remove partner"));
  remove_statements_where (self, rg_partner_get_id (partner), NULL);
  forget_partner (self, rg_partner_get_id (partner));
  _rg_session_editor_remove_item (self, NULL, &partner_list, NULL, partner);
  rg_undo_stack_end_group (self->undo_stack);
}

static gboolean
move_in_list (RgSessionEditor    *self,
              const char         *label,
              const RgEditorList *list,
              gpointer            object,
              int                 delta,
              MoveFunc            move)
{
  GListModel *model = list_get (self, list, NULL);
  guint position = rg_list_model_find (model, object);
  guint n = g_list_model_get_n_items (model);

  if (position == G_MAXUINT ||
      (delta < 0 && position == 0) ||
      (delta > 0 && position + 1 >= n))
    return FALSE;

  execute_move (self, label, list, NULL, object, position, position + delta, move);
  return TRUE;
}

/**
 * rg_session_editor_move_partner:
 * @self: a #RgSessionEditor
 * @partner: a partner of the session
 * @delta: -1 to move the column left, 1 to move it right
 *
 * Returns: %FALSE if the partner was already first (or last)
 */
gboolean
rg_session_editor_move_partner (RgSessionEditor *self,
                                RgPartner       *partner,
                                int              delta)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (RG_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  return move_in_list (self, _("Move partner"), &partner_list, partner, delta,
                       (MoveFunc) rg_session_move_partner);
}

/**
 * rg_session_editor_add_dimension:
 * @self: a #RgSessionEditor
 * @name: the dimension's name
 *
 * Adds a dimension after the others, undoably.
 *
 * Returns: (transfer none): the new dimension
 */
RgDimension *
rg_session_editor_add_dimension (RgSessionEditor *self,
                                 const char      *name)
{
  RgDimension *dimension;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  dimension = rg_dimension_new ();
  rg_dimension_set_name (dimension, name);

  return _rg_session_editor_append_new (self, _("Add dimension"), &dimension_list, NULL, dimension);
}

/**
 * rg_session_editor_remove_dimension:
 * @self: a #RgSessionEditor
 * @dimension: a dimension of the session
 *
 * Removes a dimension with every statement in it, as one undoable step.
 */
void
rg_session_editor_remove_dimension (RgSessionEditor *self,
                                    RgDimension     *dimension)
{
  g_return_if_fail (RG_IS_SESSION_EDITOR (self));
  g_return_if_fail (RG_IS_DIMENSION (dimension));
  g_return_if_fail (in_list (self, &dimension_list, dimension));

  rg_undo_stack_begin_group (self->undo_stack, _("Remove dimension"));
  remove_statements_where (self, NULL, rg_dimension_get_id (dimension));
  _rg_session_editor_remove_item (self, NULL, &dimension_list, NULL, dimension);
  rg_undo_stack_end_group (self->undo_stack);
}

/**
 * rg_session_editor_move_dimension:
 * @self: a #RgSessionEditor
 * @dimension: a dimension of the session
 * @delta: -1 to move the row up, 1 to move it down
 *
 * Returns: %FALSE if the dimension was already first (or last)
 */
gboolean
rg_session_editor_move_dimension (RgSessionEditor *self,
                                  RgDimension     *dimension,
                                  int              delta)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (self), FALSE);
  g_return_val_if_fail (RG_IS_DIMENSION (dimension), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  return move_in_list (self, _("Move dimension"), &dimension_list, dimension, delta,
                       (MoveFunc) rg_session_move_dimension);
}
