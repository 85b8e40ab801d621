/* rg-editable-text.c — text that wraps like a label and edits in place
 *
 * Shown, it is a wrapping label; edited, a text view of the same text.
 * It edits the way every field of Regards does (docs/editing.md): it
 * takes the keyboard focus; a click, Enter or F2 starts editing, and so
 * does typing on it, the key typed going into the text; Tab goes on to
 * the next field. Every change typed emits ::changed, so that whoever
 * listens applies it to the model at once and the autosave writes it
 * within a second: a crash or a kill loses nothing older than that.
 * Enter, Escape or leaving the field ends editing and emits ::committed.
 * Given an undo stack, what one editing changes is undone in one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-editable-text"

#include "config.h"

#include <string.h>

#include "rg-accessible-description.h"
#include "rg-bidi.h"
#include "rg-editable-text.h"
#include "rg-undo-stack.h"

/* What a label shows of a text at most (see rg_editable_text_shorten ()) */
#define MAX_SHOWN_BYTES 4000
#define MAX_SHOWN_LINES 40

/* The tallest an editor grows before it scrolls, in pixels: a text view
 * as tall as a text of megabytes would lay out every line of it */
#define MAX_EDITOR_HEIGHT 480

struct _RgEditableText
{
  GtkWidget    parent_instance;

  char        *text;
  char        *placeholder;
  char        *markup;   /* how to show the text, with its links; NULL for as is */

  GtkLabel    *label;
  GtkTextView *view;   /* only while editing: a text view is heavy, and a
                        * session can show thousands of texts */
  GtkWidget   *scroller; /* around the view: a long text scrolls */

  /* What one editing changes is one step of this stack. */
  RgUndoStack *undo_stack;
  gconstpointer burst_key;

  guint        stop_source;
  guint        single_click : 1;
  guint        given_width : 1;
};

enum {
  PROP_0,
  PROP_TEXT,
  PROP_PLACEHOLDER,
  PROP_EDITING,
  PROP_SINGLE_CLICK,
  N_PROPS
};

enum {
  CHANGED,
  COMMITTED,
  LINK_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RgEditableText, rg_editable_text, GTK_TYPE_WIDGET)

static gboolean
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/**
 * rg_editable_text_shorten:
 * @text: (nullable): a text
 *
 * A text to show where a few lines are read, such as a card: @text
 * itself when short, else its start, cut at a space when it can, and
 * an ellipsis. GTK lays a label out whole, and a statement of a
 * hostile file may hold megabytes: shown whole, it would freeze the
 * window for minutes. The editor shows the whole text. The text keeps
 * its direction controls to itself (rg_bidi_isolate ()), since what
 * it is shown with follows it: a quote's closing mark, a name.
 *
 * Returns: (transfer full) (nullable): the text to show
 */
char *
rg_editable_text_shorten (const char *text)
{
  g_autofree char *cut = NULL;
  g_autofree char *start = NULL;
  const char *end;
  const char *space;
  guint lines = 0;

  if (text == NULL)
    return NULL;

  for (end = text; *end != '\0' && end - text < MAX_SHOWN_BYTES; end++)
    if (*end == '\n' && ++lines == MAX_SHOWN_LINES)
      break;

  if (*end == '\0')
    return rg_bidi_isolate (text);

  end = g_utf8_find_prev_char (text, end + 1);
  space = g_utf8_strrchr (text, end - text, ' ');
  if (space != NULL && end - space < 80)
    end = space;

  cut = g_strndup (text, end - text);
  start = rg_bidi_isolate (cut);
  return g_strconcat (start, "…", NULL);
}

/* A screen reader reads the name of the field ("Synthesis of Santé"),
 * then its description: the text, or what to write when there is none.
 * The label showing it is a child a screen reader does not read. A long
 * text is cut where the label cuts it, so that typing costs little. */
static void
update_description (RgEditableText *self)
{
  g_autofree char *cut = NULL;
  const char *end;

  if (self->text == NULL || self->text[0] == '\0')
    {
      rg_accessible_set_description (GTK_WIDGET (self), self->placeholder);
      return;
    }

  if (strlen (self->text) <= MAX_SHOWN_BYTES)
    {
      rg_accessible_set_description (GTK_WIDGET (self), self->text);
      return;
    }

  end = g_utf8_find_prev_char (self->text, self->text + MAX_SHOWN_BYTES + 1);
  cut = g_strdup_printf ("%.*s…", (int) (end - self->text), self->text);
  rg_accessible_set_description (GTK_WIDGET (self), cut);
}

static void
update_label (RgEditableText *self)
{
  gboolean empty = self->text == NULL || self->text[0] == '\0';
  g_autofree char *shown = NULL;

  update_description (self);

  if (!empty && strlen (self->text) > MAX_SHOWN_BYTES)
    {
      /* Too long to lay out whole, glossary links and all */
      shown = rg_editable_text_shorten (self->text);
      gtk_label_set_use_markup (self->label, FALSE);
      gtk_label_set_label (self->label, shown);
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
      return;
    }

  if (!empty && self->markup != NULL)
    {
      gtk_label_set_markup (self->label, self->markup);
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
      return;
    }

  gtk_label_set_use_markup (self->label, FALSE);
  shown = rg_bidi_isolate (self->text);
  gtk_label_set_label (self->label, empty ? (self->placeholder ? self->placeholder : "") : shown);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
}

static char *
get_buffer_text (RgEditableText *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
rg_editable_text_get_editing (RgEditableText *self)
{
  g_return_val_if_fail (RG_IS_EDITABLE_TEXT (self), FALSE);

  return self->view != NULL;
}

/* Emits @signal_id with @text, its changes part of the editing's undo
 * step. */
static void
emit_text (RgEditableText *self,
           guint           signal_id,
           const char     *text)
{
  gconstpointer key = self->burst_key ? self->burst_key : (gconstpointer) self;

  if (self->undo_stack != NULL)
    rg_undo_stack_set_burst (self->undo_stack, key);
  g_signal_emit (self, signal_id, 0, text);
  if (self->undo_stack != NULL)
    rg_undo_stack_set_burst (self->undo_stack, NULL);
}

static void
on_buffer_changed (RgEditableText *self,
                   GtkTextBuffer  *buffer)
{
  g_autofree char *text = NULL;

  if (self->view == NULL || gtk_text_view_get_buffer (self->view) != buffer)
    return;

  text = g_strstrip (get_buffer_text (self));
  emit_text (self, signals [CHANGED], text);
}

static gboolean
stop_editing_cb (gpointer user_data)
{
  RgEditableText *self = user_data;
  GtkRoot *root;
  GtkWidget *focus;

  self->stop_source = 0;

  /* The focus came back (a menu of the field closed, say). */
  if (self->view != NULL &&
      (root = gtk_widget_get_root (GTK_WIDGET (self))) != NULL &&
      (focus = gtk_root_get_focus (root)) != NULL &&
      (focus == GTK_WIDGET (self->view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view))))
    return G_SOURCE_REMOVE;

  rg_editable_text_stop_editing (self);

  return G_SOURCE_REMOVE;
}

/* The editor is left for another field, view, window or dialog. GTK is
 * then in the middle of moving the focus away from the editor: taking
 * the editor out of the window now would pull the widget GTK walks from
 * under it (it looped on a widget gone, and the window hung). What was
 * typed is in the model already; the editor goes once GTK is done. */
static void
on_view_focus_leave (RgEditableText *self)
{
  if (self->stop_source == 0)
    self->stop_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, stop_editing_cb,
                                         g_object_ref (self), g_object_unref);
}

static gboolean on_key_pressed (RgEditableText        *self,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                GtkEventControllerKey *controller);

static void
create_view (RgEditableText *self)
{
  GtkEventController *controller;

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL,
                                  -1);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_view_focus_leave),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), MAX_EDITOR_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->label), FALSE);
}

/* Opens the editor. The cursor goes to the end of the text, where one
 * writes on; but in a text taller than the editor, the cursor would
 * then be out of sight, and the first key typed would scroll the start
 * away: the cursor goes to its start instead, so that what is read
 * first and the cursor are both in sight. Typing on the field
 * (@at_end) writes on at the end. */
static void
open_editor (RgEditableText *self,
             gboolean        at_end)
{
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  int width = gtk_widget_get_width (GTK_WIDGET (self->label));
  int height = 0;

  /* GtkTextView measures only the lines it has laid out, and lays out
   * only what its allocation shows: given its text when it is not yet
   * allocated, it asked for no height, and the card showed an empty
   * editor until a key was typed. It starts as tall as the text is,
   * measured at the label's width: the label may not have been laid
   * out again since the text changed. A text too long to be shown
   * whole is taller than any editor. */
  if (self->text != NULL && strlen (self->text) > MAX_SHOWN_BYTES)
    height = G_MAXINT;
  else if (width > 0)
    gtk_widget_measure (GTK_WIDGET (self->label), GTK_ORIENTATION_VERTICAL, width,
                        NULL, &height, NULL, NULL);
  create_view (self);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller),
                                              MIN (height, MAX_EDITOR_HEIGHT));
  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_set_text (buffer, self->text ? self->text : "", -1);
  /* Connected after the text is in, so that showing it is no change. */
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed),
                           self, G_CONNECT_SWAPPED);
  if (at_end || height <= MAX_EDITOR_HEIGHT)
    gtk_text_buffer_get_end_iter (buffer, &cursor);
  else
    gtk_text_buffer_get_start_iter (buffer, &cursor);
  gtk_text_buffer_place_cursor (buffer, &cursor);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITING]);
}

/**
 * rg_editable_text_start_editing:
 * @self: a #RgEditableText
 *
 * Shows the text in an editor and gives it the keyboard focus. The
 * cursor is at the end of the text, or at its start when the text is
 * too long for the editor to show it whole, so that the start of the
 * text stays in sight.
 */
void
rg_editable_text_start_editing (RgEditableText *self)
{
  g_return_if_fail (RG_IS_EDITABLE_TEXT (self));

  if (!rg_editable_text_get_editing (self))
    open_editor (self, FALSE);
}

/**
 * rg_editable_text_stop_editing:
 * @self: a #RgEditableText
 *
 * Ends editing and emits ::committed with the text typed, stripped of
 * leading and trailing white space.
 */
void
rg_editable_text_stop_editing (RgEditableText *self)
{
  g_autofree char *text = NULL;
  gboolean had_focus;

  g_return_if_fail (RG_IS_EDITABLE_TEXT (self));

  if (!rg_editable_text_get_editing (self))
    return;

  g_clear_handle_id (&self->stop_source, g_source_remove);
  text = g_strstrip (get_buffer_text (self));
  had_focus = gtk_widget_has_focus (GTK_WIDGET (self->view));
  gtk_widget_set_visible (GTK_WIDGET (self->label), TRUE);
  /* Unparenting moves the focus away, which would end editing again:
   * the view is gone from self first. */
  self->view = NULL;
  gtk_widget_unparent (g_steal_pointer (&self->scroller));

  /* The keyboard goes back to what holds the text (the text itself, or
   * the card it is in), so the flow goes on from there. */
  for (GtkWidget *holder = GTK_WIDGET (self); had_focus && holder; holder = gtk_widget_get_parent (holder))
    if (gtk_widget_get_focusable (holder) && gtk_widget_grab_focus (holder))
      break;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITING]);
  emit_text (self, signals [COMMITTED], text);
  if (self->undo_stack != NULL)
    rg_undo_stack_end_burst (self->undo_stack, self->burst_key ? self->burst_key : (gconstpointer) self);
}

static gboolean
on_key_pressed (RgEditableText        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
       (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0) ||
      keyval == GDK_KEY_Escape)
    {
      rg_editable_text_stop_editing (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* A key that types a character, space included, and no shortcut */
static gunichar
typed_character (guint           keyval,
                 GdkModifierType state)
{
  gunichar c;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return 0;

  c = gdk_keyval_to_unicode (keyval);
  return g_unichar_isprint (c) ? c : 0;
}

/* Focused, not editing: Enter or F2 edits, and typing edits too, the
 * key typed going into the text. Without this, the key went on to the
 * window: a space pressed the view switcher's button. */
static gboolean
on_own_key_pressed (RgEditableText        *self,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkEventControllerKey *controller)
{
  gunichar c;

  if (rg_editable_text_get_editing (self) || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter ||
      keyval == GDK_KEY_ISO_Enter || keyval == GDK_KEY_F2)
    {
      rg_editable_text_start_editing (self);
      return GDK_EVENT_STOP;
    }

  if ((c = typed_character (keyval, state)) != 0)
    {
      char utf8[7] = { 0 };
      GtkTextBuffer *buffer;

      open_editor (self, TRUE);
      g_unichar_to_utf8 (c, utf8);
      buffer = gtk_text_view_get_buffer (self->view);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, utf8, -1, TRUE);
      gtk_text_view_scroll_mark_onscreen (self->view, gtk_text_buffer_get_insert (buffer));
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* A click edits; where a click selects what holds the text (a
 * statement card), a double click does. The click is taken when the
 * button is released, so that a link of the text gets its own. */
static void
on_released (RgEditableText  *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  if (rg_editable_text_get_editing (self) || n_press != (self->single_click ? 1 : 2))
    return;

  rg_editable_text_start_editing (self);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_activate_link (RgEditableText *self,
                  const char     *uri)
{
  g_signal_emit (self, signals [LINK_ACTIVATED], 0, uri);

  return TRUE;
}

static void
rg_editable_text_dispose (GObject *object)
{
  RgEditableText *self = RG_EDITABLE_TEXT (object);

  g_clear_handle_id (&self->stop_source, g_source_remove);
  self->view = NULL;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->undo_stack);
  g_clear_pointer ((GtkWidget **) &self->label, gtk_widget_unparent);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->placeholder, g_free);
  g_clear_pointer (&self->markup, g_free);

  G_OBJECT_CLASS (rg_editable_text_parent_class)->dispose (object);
}

static void
rg_editable_text_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RgEditableText *self = RG_EDITABLE_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, rg_editable_text_get_editing (self));
      break;

    case PROP_SINGLE_CLICK:
      g_value_set_boolean (value, self->single_click);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_editable_text_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RgEditableText *self = RG_EDITABLE_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      rg_editable_text_set_text (self, g_value_get_string (value));
      break;

    case PROP_PLACEHOLDER:
      rg_editable_text_set_placeholder (self, g_value_get_string (value));
      break;

    case PROP_SINGLE_CLICK:
      rg_editable_text_set_single_click (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What it shows: the label, or the editor in its place */
static GtkWidget *
shown_child (RgEditableText *self)
{
  return self->scroller != NULL ? self->scroller : GTK_WIDGET (self->label);
}

static void
rg_editable_text_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RgEditableText *self = RG_EDITABLE_TEXT (widget);

  /* Its text laid out once, at the width it is given: a label would
   * lay it out at its smallest and its natural widths first, and
   * shaping the text is most of the cost of a card. The label's own
   * layout is set to that width, as the label does itself when it is
   * allocated that width next, which then keeps the layout as it is. */
  if (self->given_width && self->scroller == NULL)
    {
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = *natural = 0;
          return;
        }

      if (for_size >= 0)
        {
          PangoLayout *layout = gtk_label_get_layout (self->label);
          int height;

          pango_layout_set_width (layout, for_size * PANGO_SCALE);
          pango_layout_get_size (layout, NULL, &height);
          *minimum = *natural = PANGO_PIXELS_CEIL (height);
          return;
        }
    }

  gtk_widget_measure (shown_child (self), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
rg_editable_text_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (shown_child (RG_EDITABLE_TEXT (widget)));
}

static void
rg_editable_text_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  RgEditableText *self = RG_EDITABLE_TEXT (widget);

  gtk_widget_allocate (shown_child (self), width, height, baseline, NULL);
}

static void
rg_editable_text_class_init (RgEditableTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_editable_text_dispose;
  object_class->get_property = rg_editable_text_get_property;
  object_class->set_property = rg_editable_text_set_property;

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * RgEditableText:single-click:
   *
   * Whether a single click starts editing, as it does in every field;
   * %FALSE where a click selects what holds the text, and a double
   * click edits.
   */
  properties [PROP_SINGLE_CLICK] =
    g_param_spec_boolean ("single-click", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RgEditableText::changed:
   * @text: the text as it is now, stripped
   *
   * Emitted while editing, at each change typed, so that the model
   * holds what is typed before editing ends.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RgEditableText::committed:
   * @text: the text typed, stripped
   *
   * Emitted when editing ends, whatever the text.
   */
  signals [COMMITTED] =
    g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RgEditableText::link-activated:
   * @uri: the `href` of the link, as given in the markup
   *
   * Emitted when a link of the markup (rg_editable_text_set_markup ())
   * is activated, by a click or from the keyboard.
   */
  signals [LINK_ACTIVATED] =
    g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  widget_class->get_request_mode = rg_editable_text_get_request_mode;
  widget_class->measure = rg_editable_text_measure;
  widget_class->size_allocate = rg_editable_text_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "editable-text");
}

static void
rg_editable_text_init (RgEditableText *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->single_click = TRUE;
  /* A field of its own: reached with Tab, edited from the keyboard */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_yalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  g_signal_connect_swapped (self->label, "activate-link", G_CALLBACK (on_activate_link), self);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_own_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
rg_editable_text_new (void)
{
  return g_object_new (RG_TYPE_EDITABLE_TEXT, NULL);
}

/**
 * rg_editable_text_set_given_width:
 * @self: a #RgEditableText
 * @given_width: whether its container always gives it its width
 *
 * In a container that always gives it the width it has, a card in a
 * column, the text asks for no width of its own and is laid out at the
 * width given only: a big session shows thousands of texts.
 */
void
rg_editable_text_set_given_width (RgEditableText *self,
                                  gboolean        given_width)
{
  g_return_if_fail (RG_IS_EDITABLE_TEXT (self));

  self->given_width = !!given_width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
rg_editable_text_get_text (RgEditableText *self)
{
  g_return_val_if_fail (RG_IS_EDITABLE_TEXT (self), NULL);

  return self->text;
}

/* The model took a text other than the one typed: another program's
 * version, merged in while this one was being edited, or an undo.
 * What was typed is in the model already (see ::changed), so the
 * editor shows the model's text, the cursor where it was; typing on
 * would otherwise write the old text over the new one. */
static void
follow_text (RgEditableText *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  g_autofree char *typed = g_strstrip (get_buffer_text (self));
  const char *text = self->text ? self->text : "";
  GtkTextIter cursor;
  int offset;

  if (g_str_equal (typed, text))
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);
  g_signal_handlers_block_by_func (buffer, on_buffer_changed, self);
  gtk_text_buffer_set_text (buffer, text, -1);
  g_signal_handlers_unblock_by_func (buffer, on_buffer_changed, self);
  gtk_text_buffer_get_iter_at_offset (buffer, &cursor, MIN (offset, gtk_text_buffer_get_char_count (buffer)));
  gtk_text_buffer_place_cursor (buffer, &cursor);
}

/**
 * rg_editable_text_set_text:
 * @self: a #RgEditableText
 * @text: (nullable): the text to show
 *
 * Sets the text shown. While editing, the model holds what is typed
 * (see ::changed), and setting that text back changes nothing; another
 * text replaces what the editor shows.
 */
void
rg_editable_text_set_text (RgEditableText *self,
                           const char     *text)
{
  g_return_if_fail (RG_IS_EDITABLE_TEXT (self));

  if (set_str (&self->text, text))
    {
      /* Markup made for the previous text would show it. */
      g_clear_pointer (&self->markup, g_free);
      update_label (self);
      if (self->view != NULL)
        follow_text (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
    }
}

const char *
rg_editable_text_get_placeholder (RgEditableText *self)
{
  g_return_val_if_fail (RG_IS_EDITABLE_TEXT (self), NULL);

  return self->placeholder;
}

/**
 * rg_editable_text_set_placeholder:
 * @self: a #RgEditableText
 * @placeholder: (nullable): what to show, dimmed, when there is no text
 */
void
rg_editable_text_set_placeholder (RgEditableText *self,
                                  const char     *placeholder)
{
  g_return_if_fail (RG_IS_EDITABLE_TEXT (self));

  if (set_str (&self->placeholder, placeholder))
    {
      update_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACEHOLDER]);
    }
}

/**
 * rg_editable_text_set_markup:
 * @self: a #RgEditableText
 * @markup: (nullable): Pango markup of the text, with links
 *   (`<a href="…">`) where it has some; %NULL to show the text as is
 *
 * Shows the text with @markup, for instance with some of its words
 * as links, until the text changes. @markup must show the same text as
 * rg_editable_text_get_text (); editing still edits the plain text.
 * Activating a link emits ::link-activated.
 */
void
rg_editable_text_set_markup (RgEditableText *self,
                             const char     *markup)
{
  g_return_if_fail (RG_IS_EDITABLE_TEXT (self));

  if (set_str (&self->markup, markup))
    update_label (self);
}

/**
 * rg_editable_text_set_undo_stack:
 * @self: a #RgEditableText
 * @undo_stack: (nullable): the stack the changes of the text go to
 * @burst_key: (nullable): what the text belongs to, %NULL for @self
 *
 * Makes every change one editing applies (through ::changed and
 * ::committed) one step of @undo_stack. A change made around the same
 * @burst_key before editing (adding the statement typed into) joins
 * that step too; see rg_undo_stack_set_burst().
 */
void
rg_editable_text_set_undo_stack (RgEditableText *self,
                                 RgUndoStack    *undo_stack,
                                 gconstpointer   burst_key)
{
  g_return_if_fail (RG_IS_EDITABLE_TEXT (self));
  g_return_if_fail (undo_stack == NULL || RG_IS_UNDO_STACK (undo_stack));

  g_set_object (&self->undo_stack, undo_stack);
  self->burst_key = burst_key;
}

/**
 * rg_editable_text_get_label:
 * @self: a #RgEditableText
 *
 * Returns: (transfer none): the label that shows the text when it is
 *   not being edited
 */
GtkLabel *
rg_editable_text_get_label (RgEditableText *self)
{
  g_return_val_if_fail (RG_IS_EDITABLE_TEXT (self), NULL);

  return self->label;
}

gboolean
rg_editable_text_get_single_click (RgEditableText *self)
{
  g_return_val_if_fail (RG_IS_EDITABLE_TEXT (self), FALSE);

  return self->single_click;
}

/**
 * rg_editable_text_set_single_click:
 * @self: a #RgEditableText
 * @single_click: whether a single click starts editing
 *
 * A field edits on a single click, the default. Where a click selects
 * what holds the text instead (a statement card, Ctrl+click to tag it),
 * a double click edits.
 */
void
rg_editable_text_set_single_click (RgEditableText *self,
                                   gboolean        single_click)
{
  g_return_if_fail (RG_IS_EDITABLE_TEXT (self));

  single_click = !!single_click;
  if (self->single_click == single_click)
    return;

  self->single_click = single_click;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SINGLE_CLICK]);
}
