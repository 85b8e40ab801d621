/* test-undo-stack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-undo-stack.h"
#include "rg-test-utils.h"

typedef struct
{
  GPtrArray *list;
  char      *word;
} Append;

static void
append_redo (gpointer data)
{
  Append *a = data;

  g_ptr_array_add (a->list, a->word);
}

static void
append_undo (gpointer data)
{
  Append *a = data;

  g_assert_true (g_ptr_array_remove (a->list, a->word));
}

static void
append (RgUndoStack *stack,
        GPtrArray   *list,
        const char  *word)
{
  Append *a = g_new0 (Append, 1);

  a->list = list;
  a->word = (char *) word;
  rg_undo_stack_execute (stack, word, append_redo, append_undo, a, g_free);
}

static void
test_execute_undo_redo (void)
{
  g_autoptr(RgUndoStack) stack = rg_undo_stack_new ();
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  g_assert_false (rg_undo_stack_get_can_undo (stack));
  g_assert_false (rg_undo_stack_undo (stack));

  append (stack, list, "one");
  append (stack, list, "two");
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (stack), ==, "two");

  g_assert_true (rg_undo_stack_undo (stack));
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (rg_undo_stack_get_can_redo (stack));
  g_assert_cmpstr (rg_undo_stack_get_redo_label (stack), ==, "two");

  g_assert_true (rg_undo_stack_redo (stack));
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (list, 1), ==, "two");

  /* A new change after an undo forgets what could have been redone. */
  g_assert_true (rg_undo_stack_undo (stack));
  append (stack, list, "three");
  g_assert_false (rg_undo_stack_get_can_redo (stack));
  g_assert_true (rg_undo_stack_undo (stack));
  g_assert_true (rg_undo_stack_undo (stack));
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_false (rg_undo_stack_undo (stack));
}

static void
test_group (void)
{
  g_autoptr(RgUndoStack) stack = rg_undo_stack_new ();
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  rg_undo_stack_begin_group (stack, "import");
  append (stack, list, "a");
  rg_undo_stack_begin_group (stack, "inner");
  append (stack, list, "b");
  rg_undo_stack_end_group (stack);
  append (stack, list, "c");
  rg_undo_stack_end_group (stack);

  g_assert_cmpstr (rg_undo_stack_get_undo_label (stack), ==, "import");
  g_assert_true (rg_undo_stack_undo (stack));
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_false (rg_undo_stack_get_can_undo (stack));
  g_assert_true (rg_undo_stack_redo (stack));
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (list, 2), ==, "c");

  /* An empty group records nothing. */
  rg_undo_stack_begin_group (stack, "nothing");
  rg_undo_stack_end_group (stack);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (stack), ==, "import");
}

static void
test_property_merge (void)
{
  g_autoptr(RgUndoStack) stack = rg_undo_stack_new ();
  g_autoptr(GSimpleAction) first = g_simple_action_new ("first", NULL);
  g_autoptr(GSimpleAction) second = g_simple_action_new ("second", NULL);
  g_auto(GValue) off = G_VALUE_INIT;
  g_auto(GValue) on = G_VALUE_INIT;

  g_value_init (&off, G_TYPE_BOOLEAN);
  g_value_init (&on, G_TYPE_BOOLEAN);
  g_value_set_boolean (&on, TRUE);

  /* Setting the current value records nothing. */
  rg_undo_stack_set_property (stack, "noop", first, "enabled", &on);
  g_assert_false (rg_undo_stack_get_can_undo (stack));

  /* Two quick edits of one property are one step… */
  rg_undo_stack_set_property (stack, "edit", first, "enabled", &off);
  rg_undo_stack_set_property (stack, "edit", first, "enabled", &on);
  rg_undo_stack_set_property (stack, "edit", first, "enabled", &off);
  g_assert_false (g_action_get_enabled (G_ACTION (first)));
  /* …but an edit of another object is not. */
  rg_undo_stack_set_property (stack, "other", second, "enabled", &off);

  g_assert_true (rg_undo_stack_undo (stack));
  g_assert_true (g_action_get_enabled (G_ACTION (second)));
  g_assert_false (g_action_get_enabled (G_ACTION (first)));
  g_assert_true (rg_undo_stack_undo (stack));
  g_assert_true (g_action_get_enabled (G_ACTION (first)));
  g_assert_false (rg_undo_stack_get_can_undo (stack));

  g_assert_true (rg_undo_stack_redo (stack));
  g_assert_false (g_action_get_enabled (G_ACTION (first)));
}

static void
type_into (RgUndoStack   *stack,
           GSimpleAction *field,
           const char    *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, g_variant_new_string (text));
  rg_undo_stack_set_property (stack, "type", field, "state", &value);
}

static const char *
field_text (GSimpleAction *field)
{
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (field));

  /* Interned, so that the caller needs not free it. */
  return g_intern_string (g_variant_get_string (state, NULL));
}

/* A field typed letter by letter, however slowly, is one step; so is
 * the item it was typed into, when adding it started the burst. */
static void
test_burst (void)
{
  g_autoptr(RgUndoStack) stack = rg_undo_stack_new ();
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GSimpleAction) field = g_simple_action_new_stateful ("field", NULL,
                                                                 g_variant_new_string (""));
  const char *words[] = { "a", "ab", "abc" };
  const char *key = "key";

  append (stack, list, "before");

  append (stack, list, "added");
  rg_undo_stack_open_burst (stack, key);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      rg_undo_stack_set_burst (stack, key);
      type_into (stack, field, words[i]);
      rg_undo_stack_set_burst (stack, NULL);
      /* longer than a burst of one property merges otherwise */
      g_usleep (G_USEC_PER_SEC / 20);
    }
  rg_undo_stack_end_burst (stack, key);

  g_assert_cmpstr (field_text (field), ==, "abc");
  g_assert_cmpstr (rg_undo_stack_get_undo_label (stack), ==, "added");
  g_assert_true (rg_undo_stack_undo (stack));
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (field_text (field), ==, "");
  g_assert_cmpstr (rg_undo_stack_get_undo_label (stack), ==, "before");

  g_assert_true (rg_undo_stack_redo (stack));
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (field_text (field), ==, "abc");

  /* Once ended, the same key starts a step of its own… */
  rg_undo_stack_set_burst (stack, key);
  type_into (stack, field, "abcd");
  rg_undo_stack_set_burst (stack, NULL);
  g_assert_true (rg_undo_stack_undo (stack));
  g_assert_cmpstr (field_text (field), ==, "abc");
  g_assert_true (rg_undo_stack_redo (stack));

  /* …and a change outside the burst closes it. */
  append (stack, list, "other");
  rg_undo_stack_set_burst (stack, key);
  type_into (stack, field, "abcde");
  rg_undo_stack_set_burst (stack, NULL);
  g_assert_cmpstr (rg_undo_stack_get_undo_label (stack), ==, "type");
  g_assert_true (rg_undo_stack_undo (stack));
  g_assert_cmpstr (rg_undo_stack_get_undo_label (stack), ==, "other");
}

static void
notify_count (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr(RgUndoStack) stack = rg_undo_stack_new ();
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  guint count = 0;

  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (notify_count), &count);
  append (stack, list, "x");
  g_assert_cmpuint (count, ==, 1);
  rg_undo_stack_undo (stack);
  g_assert_cmpuint (count, ==, 2);
  rg_undo_stack_clear (stack);
  g_assert_false (rg_undo_stack_get_can_redo (stack));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/execute-undo-redo", test_execute_undo_redo);
  g_test_add_func ("/undo-stack/group", test_group);
  g_test_add_func ("/undo-stack/property-merge", test_property_merge);
  g_test_add_func ("/undo-stack/burst", test_burst);
  g_test_add_func ("/undo-stack/notify", test_notify);

  return g_test_run ();
}
