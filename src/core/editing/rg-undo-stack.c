/* rg-undo-stack.c — every change to a session is a command that can be undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-undo-stack"

#include "config.h"

#include "rg-undo-stack.h"

/* Edits of one property of one object within this delay are one step
 * for undo, so typing a word is undone as a word, not letter by letter. */
#define MERGE_WINDOW_USEC (2 * G_USEC_PER_SEC)

/* Beyond this, the oldest steps are forgotten. */
#define MAX_ENTRIES 1000

typedef struct
{
  RgCommandFunc  redo;
  RgCommandFunc  undo;
  gpointer       data;
  GDestroyNotify data_free;
} Step;

typedef struct
{
  char      *label;
  GArray    *steps;
  gint64     time;
  /* Set when the entry is one property change that later edits of the
   * same property may merge into. */
  gpointer   merge_object;
  char      *merge_property;
  /* Set while the entry is the open burst of that key (see
   * rg_undo_stack_set_burst ()): the burst's later edits join it. */
  gconstpointer burst;
} Entry;

typedef struct
{
  GObject *object;
  char    *property_name;
  GValue   old_value;
  GValue   new_value;
} PropertyChange;

struct _RgUndoStack
{
  GObject  parent_instance;

  GQueue   undo;   /* Entry*, newest first */
  GQueue   redo;   /* Entry*, next to redo first */
  Entry   *group;
  guint    group_depth;
  gconstpointer burst;
  guint    replaying : 1;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RgUndoStack, rg_undo_stack, G_TYPE_OBJECT)

static void
step_clear (gpointer data)
{
  Step *step = data;

  if (step->data_free != NULL)
    step->data_free (step->data);
}

static Entry *
entry_new (const char *label)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->label = g_strdup (label);
  entry->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (entry->steps, step_clear);
  entry->time = g_get_monotonic_time ();

  return entry;
}

static void
entry_free (Entry *entry)
{
  g_array_unref (entry->steps);
  g_free (entry->merge_property);
  g_free (entry->label);
  g_free (entry);
}

static void
entry_redo (Entry *entry)
{
  for (guint i = 0; i < entry->steps->len; i++)
    {
      Step *step = &g_array_index (entry->steps, Step, i);
      step->redo (step->data);
    }
}

static void
entry_undo (Entry *entry)
{
  for (guint i = entry->steps->len; i > 0; i--)
    {
      Step *step = &g_array_index (entry->steps, Step, i - 1);
      step->undo (step->data);
    }
}

static void
property_change_free (gpointer data)
{
  PropertyChange *change = data;

  g_clear_object (&change->object);
  g_free (change->property_name);
  g_value_unset (&change->old_value);
  g_value_unset (&change->new_value);
  g_free (change);
}

static void
property_change_redo (gpointer data)
{
  PropertyChange *change = data;

  g_object_set_property (change->object, change->property_name, &change->new_value);
}

static void
property_change_undo (gpointer data)
{
  PropertyChange *change = data;

  g_object_set_property (change->object, change->property_name, &change->old_value);
}

static void
rg_undo_stack_notify_all (RgUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REDO_LABEL]);
}

static void
clear_queue (GQueue *queue)
{
  Entry *entry;

  while ((entry = g_queue_pop_head (queue)) != NULL)
    entry_free (entry);
}

/* Adds @step to @entry. A property already changed by the entry keeps
 * its first old value and takes the new one: a burst of typing is one
 * change of the text, not one per letter. */
static void
entry_add_step (Entry *entry,
                Step  *step)
{
  if (step->redo == property_change_redo)
    {
      PropertyChange *change = step->data;

      for (guint i = 0; i < entry->steps->len; i++)
        {
          Step *known = &g_array_index (entry->steps, Step, i);
          PropertyChange *previous = known->data;

          if (known->redo == property_change_redo &&
              previous->object == change->object &&
              g_str_equal (previous->property_name, change->property_name))
            {
              g_value_copy (&change->new_value, g_value_reset (&previous->new_value));
              property_change_free (change);
              return;
            }
        }
    }

  g_array_append_vals (entry->steps, step, 1);
}

static void
rg_undo_stack_push_entry (RgUndoStack *self,
                          Entry       *entry)
{
  Entry *top = g_queue_peek_head (&self->undo);

  if (self->burst != NULL && top != NULL && top->burst == self->burst)
    {
      /* The steps move to the burst's entry; the emptied entry goes. */
      for (guint i = 0; i < entry->steps->len; i++)
        entry_add_step (top, &g_array_index (entry->steps, Step, i));
      g_array_set_clear_func (entry->steps, NULL);
      entry_free (entry);
      top->time = g_get_monotonic_time ();
      clear_queue (&self->redo);
      rg_undo_stack_notify_all (self);
      return;
    }

  entry->burst = self->burst;
  g_queue_push_head (&self->undo, entry);
  while (self->undo.length > MAX_ENTRIES)
    entry_free (g_queue_pop_tail (&self->undo));
  clear_queue (&self->redo);
  rg_undo_stack_notify_all (self);
}

static void
rg_undo_stack_add_step (RgUndoStack    *self,
                        const char     *label,
                        Step           *step)
{
  Entry *entry;

  if (self->group != NULL)
    {
      g_array_append_vals (self->group->steps, step, 1);
      return;
    }

  entry = entry_new (label);
  g_array_append_vals (entry->steps, step, 1);
  rg_undo_stack_push_entry (self, entry);
}

static void
rg_undo_stack_finalize (GObject *object)
{
  RgUndoStack *self = RG_UNDO_STACK (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_pointer (&self->group, entry_free);

  G_OBJECT_CLASS (rg_undo_stack_parent_class)->finalize (object);
}

static void
rg_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RgUndoStack *self = RG_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rg_undo_stack_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, rg_undo_stack_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, rg_undo_stack_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, rg_undo_stack_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_undo_stack_class_init (RgUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_undo_stack_finalize;
  object_class->get_property = rg_undo_stack_get_property;

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_undo_stack_init (RgUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * rg_undo_stack_new:
 *
 * Returns: (transfer full): a new, empty undo stack
 */
RgUndoStack *
rg_undo_stack_new (void)
{
  return g_object_new (RG_TYPE_UNDO_STACK, NULL);
}

/**
 * rg_undo_stack_execute:
 * @self: a #RgUndoStack
 * @label: (nullable): what the change is, for "Undo …" labels and toasts
 * @redo: applies the change
 * @undo: reverts it
 * @data: (transfer full): passed to @redo and @undo
 * @data_free: (nullable): frees @data when the step is forgotten
 *
 * Applies a change by calling @redo, and records it so that it can be
 * undone. Inside a group, the change becomes part of the group.
 */
void
rg_undo_stack_execute (RgUndoStack    *self,
                       const char     *label,
                       RgCommandFunc   redo,
                       RgCommandFunc   undo,
                       gpointer        data,
                       GDestroyNotify  data_free)
{
  Step step = { redo, undo, data, data_free };

  g_return_if_fail (RG_IS_UNDO_STACK (self));
  g_return_if_fail (redo != NULL && undo != NULL);
  g_return_if_fail (!self->replaying);

  redo (data);
  rg_undo_stack_add_step (self, label, &step);
}

/**
 * rg_undo_stack_set_property:
 * @self: a #RgUndoStack
 * @label: (nullable): what the change is
 * @object: a #GObject
 * @property_name: one of its writable properties
 * @value: the new value
 *
 * Sets a property as an undoable command. Successive edits of the same
 * property of the same object, close in time, are undone together.
 * Setting the value the property already has records nothing.
 */
void
rg_undo_stack_set_property (RgUndoStack  *self,
                            const char   *label,
                            gpointer      object,
                            const char   *property_name,
                            const GValue *value)
{
  GParamSpec *pspec;
  PropertyChange *change;
  Entry *top;
  Step step;

  g_return_if_fail (RG_IS_UNDO_STACK (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property_name != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property_name);
  g_return_if_fail (pspec != NULL);

  change = g_new0 (PropertyChange, 1);
  g_value_init (&change->old_value, pspec->value_type);
  g_value_init (&change->new_value, pspec->value_type);
  g_object_get_property (object, property_name, &change->old_value);
  g_value_transform (value, &change->new_value);

  if (g_param_values_cmp (pspec, &change->old_value, &change->new_value) == 0)
    {
      g_value_unset (&change->old_value);
      g_value_unset (&change->new_value);
      g_free (change);
      return;
    }

  change->object = g_object_ref (object);
  change->property_name = g_strdup (property_name);

  top = g_queue_peek_head (&self->undo);
  if (self->group == NULL &&
      self->burst == NULL &&
      top != NULL &&
      top->burst == NULL &&
      top->merge_object == object &&
      g_strcmp0 (top->merge_property, property_name) == 0 &&
      g_get_monotonic_time () - top->time < MERGE_WINDOW_USEC)
    {
      PropertyChange *previous = g_array_index (top->steps, Step, 0).data;

      property_change_redo (change);
      g_value_copy (&change->new_value, g_value_reset (&previous->new_value));
      top->time = g_get_monotonic_time ();
      property_change_free (change);
      clear_queue (&self->redo);
      rg_undo_stack_notify_all (self);
      return;
    }

  property_change_redo (change);
  step = (Step) { property_change_redo, property_change_undo, change, property_change_free };
  rg_undo_stack_add_step (self, label, &step);

  if (self->group == NULL && self->burst == NULL)
    {
      top = g_queue_peek_head (&self->undo);
      top->merge_object = object;
      g_free (top->merge_property);
      top->merge_property = g_strdup (property_name);
    }
}

/**
 * rg_undo_stack_set_burst:
 * @self: a #RgUndoStack
 * @key: (nullable): what is being edited, such as the object whose
 *   text is typed; %NULL to end the changes of the burst
 *
 * Makes the changes that follow, until the next call, part of the
 * burst of @key: the first starts a new step, and the next ones join
 * that step as long as it is the newest, so a statement typed letter by
 * letter is undone in one go. A burst is open until
 * rg_undo_stack_end_burst().
 */
void
rg_undo_stack_set_burst (RgUndoStack   *self,
                         gconstpointer  key)
{
  g_return_if_fail (RG_IS_UNDO_STACK (self));

  self->burst = key;
}

/**
 * rg_undo_stack_open_burst:
 * @self: a #RgUndoStack
 * @key: what is to be edited next
 *
 * Makes the newest step the open burst of @key, so that the changes
 * made next in that burst join it: what is typed into a statement just
 * added is undone with the adding.
 */
void
rg_undo_stack_open_burst (RgUndoStack   *self,
                          gconstpointer  key)
{
  Entry *top;

  g_return_if_fail (RG_IS_UNDO_STACK (self));
  g_return_if_fail (key != NULL);

  if ((top = g_queue_peek_head (&self->undo)) != NULL)
    top->burst = key;
}

/**
 * rg_undo_stack_end_burst:
 * @self: a #RgUndoStack
 * @key: the key given to rg_undo_stack_set_burst()
 *
 * Closes the burst of @key: a later change of the same thing is a step
 * of its own.
 */
void
rg_undo_stack_end_burst (RgUndoStack   *self,
                         gconstpointer  key)
{
  Entry *top;

  g_return_if_fail (RG_IS_UNDO_STACK (self));

  if (self->burst == key)
    self->burst = NULL;

  if ((top = g_queue_peek_head (&self->undo)) != NULL && top->burst == key)
    top->burst = NULL;
}

/**
 * rg_undo_stack_begin_group:
 * @self: a #RgUndoStack
 * @label: (nullable): what the whole group does
 *
 * Starts a group: every change until the matching
 * rg_undo_stack_end_group() is undone and redone as one step. Groups
 * nest; the outermost label wins.
 */
void
rg_undo_stack_begin_group (RgUndoStack *self,
                           const char  *label)
{
  g_return_if_fail (RG_IS_UNDO_STACK (self));

  if (self->group_depth++ == 0)
    self->group = entry_new (label);
}

/**
 * rg_undo_stack_end_group:
 * @self: a #RgUndoStack
 *
 * Ends the group started by rg_undo_stack_begin_group(). An empty group
 * records nothing.
 */
void
rg_undo_stack_end_group (RgUndoStack *self)
{
  Entry *entry;

  g_return_if_fail (RG_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  entry = g_steal_pointer (&self->group);
  if (entry->steps->len == 0)
    entry_free (entry);
  else
    rg_undo_stack_push_entry (self, entry);
}

/**
 * rg_undo_stack_undo:
 * @self: a #RgUndoStack
 *
 * Reverts the last change.
 *
 * Returns: %TRUE if there was a change to undo
 */
gboolean
rg_undo_stack_undo (RgUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (RG_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if ((entry = g_queue_pop_head (&self->undo)) == NULL)
    return FALSE;

  self->replaying = TRUE;
  entry_undo (entry);
  self->replaying = FALSE;

  /* A redone edit must not merge with the next one. */
  g_clear_pointer (&entry->merge_property, g_free);
  entry->merge_object = NULL;
  entry->burst = NULL;
  g_queue_push_head (&self->redo, entry);
  rg_undo_stack_notify_all (self);

  return TRUE;
}

/**
 * rg_undo_stack_redo:
 * @self: a #RgUndoStack
 *
 * Applies again the last undone change.
 *
 * Returns: %TRUE if there was a change to redo
 */
gboolean
rg_undo_stack_redo (RgUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (RG_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if ((entry = g_queue_pop_head (&self->redo)) == NULL)
    return FALSE;

  self->replaying = TRUE;
  entry_redo (entry);
  self->replaying = FALSE;

  g_queue_push_head (&self->undo, entry);
  rg_undo_stack_notify_all (self);

  return TRUE;
}

gboolean
rg_undo_stack_get_can_undo (RgUndoStack *self)
{
  g_return_val_if_fail (RG_IS_UNDO_STACK (self), FALSE);

  return self->undo.length > 0;
}

gboolean
rg_undo_stack_get_can_redo (RgUndoStack *self)
{
  g_return_val_if_fail (RG_IS_UNDO_STACK (self), FALSE);

  return self->redo.length > 0;
}

/**
 * rg_undo_stack_get_undo_label:
 * @self: a #RgUndoStack
 *
 * Returns: (nullable): the label of the change undo would revert
 */
const char *
rg_undo_stack_get_undo_label (RgUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (RG_IS_UNDO_STACK (self), NULL);

  entry = g_queue_peek_head (&self->undo);
  return entry ? entry->label : NULL;
}

/**
 * rg_undo_stack_get_redo_label:
 * @self: a #RgUndoStack
 *
 * Returns: (nullable): the label of the change redo would apply
 */
const char *
rg_undo_stack_get_redo_label (RgUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (RG_IS_UNDO_STACK (self), NULL);

  entry = g_queue_peek_head (&self->redo);
  return entry ? entry->label : NULL;
}

/**
 * rg_undo_stack_clear:
 * @self: a #RgUndoStack
 *
 * Forgets every change, as when another file is loaded.
 */
void
rg_undo_stack_clear (RgUndoStack *self)
{
  g_return_if_fail (RG_IS_UNDO_STACK (self));

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  rg_undo_stack_notify_all (self);
}
