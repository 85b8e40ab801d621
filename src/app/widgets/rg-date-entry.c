/* rg-date-entry.c — a date, typed as the user writes dates
 *
 * Every date a user types goes through this entry: the session's date,
 * its next review, an action's due date. It reads the date in the order
 * of the user's language (15/12/2026 in French, 12/15/2026 in American
 * English, from the locale's own date format) and always in the file's
 * order, 2026-12-15; a calendar button picks one with the mouse. A date
 * it cannot read is never stored: the entry says so, in words, with the
 * form it expects and an example, once the user presses Enter or
 * leaves the field.
 *
 * The date is given as soon as the typed text is one, without waiting
 * for Enter: what is typed reaches the file with the autosave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-date-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rg-date-entry.h"

struct _RgDateEntry
{
  GtkWidget    parent_instance;

  GtkEntry    *entry;
  GtkWidget   *button;
  GtkCalendar *calendar;
  GtkLabel    *message_label;

  char        *date;      /* YYYY-MM-DD, or NULL for none */
  char        *label;
  char        *message;   /* why the text is not a date, while it is shown */

  guint        clear_source;

  guint        optional : 1;
  guint        updating : 1;
  guint        picked : 1;
};

enum {
  PROP_0,
  PROP_DATE,
  PROP_OPTIONAL,
  PROP_LABEL,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkEditable *
rg_date_entry_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (RG_DATE_ENTRY (editable)->entry);
}

static void
editable_iface_init (GtkEditableInterface *iface)
{
  iface->get_delegate = rg_date_entry_get_delegate;
}

/* An editable, as the entry it holds: forms read and watch its text as
 * any field's. */
G_DEFINE_FINAL_TYPE_WITH_CODE (RgDateEntry, rg_date_entry, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, editable_iface_init))

/* {{{ Reading and writing dates */

#define ISO_FORMAT "%Y-%m-%d"

/* The order of day ('d'), month ('m') and year ('y') in a strftime ()
 * date format, and what stands between them. */
typedef struct
{
  char order[3];
  char separator;
} DateShape;

static void
read_shape (const char *format,
            DateShape  *shape)
{
  guint n = 0;

  shape->separator = 0;

  for (const char *p = format; p != NULL && *p != '\0' && n < 3; p++)
    {
      if (*p != '%')
        {
          if (n > 0 && shape->separator == 0 && (g_ascii_ispunct (*p) || *p == ' '))
            shape->separator = *p;
          continue;
        }

      p++;
      /* Flags and modifiers: "%-d", "%Ey" */
      while (*p == '-' || *p == '_' || *p == '0' || *p == '^' || *p == 'E' || *p == 'O')
        p++;

      switch (*p)
        {
        case 'd':
        case 'e':
          shape->order[n++] = 'd';
          break;

        case 'm':
          shape->order[n++] = 'm';
          break;

        case 'y':
        case 'Y':
          shape->order[n++] = 'y';
          break;

        case 'D':
          memcpy (shape->order, "mdy", 3);
          shape->separator = '/';
          return;

        case 'F':
          memcpy (shape->order, "ymd", 3);
          shape->separator = '-';
          return;

        case '\0':
          p--;
          break;

        default:
          break;
        }
    }

  /* A format that does not say all three (or in words only): the file's */
  if (n < 3 || memchr (shape->order, 'd', 3) == NULL || memchr (shape->order, 'm', 3) == NULL ||
      memchr (shape->order, 'y', 3) == NULL)
    {
      memcpy (shape->order, "ymd", 3);
      shape->separator = '-';
    }

  if (shape->separator == 0)
    shape->separator = shape->order[0] == 'y' ? '-' : '/';
}

/**
 * rg_date_entry_get_user_format:
 *
 * The way the user's language writes a date in figures, as a strftime ()
 * format: the locale's own (`%d/%m/%Y` in French), or the file's form
 * `%Y-%m-%d` when no language is set (the C locale).
 *
 * Returns: (transfer none): a strftime () format
 */
const char *
rg_date_entry_get_user_format (void)
{
  const char *locale = setlocale (LC_TIME, NULL);
  const char *format;

  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX") ||
      g_str_has_prefix (locale, "C."))
    return ISO_FORMAT;

  format = nl_langinfo (D_FMT);

  return format != NULL && *format != '\0' ? format : ISO_FORMAT;
}

/**
 * rg_date_entry_parse:
 * @text: a date as typed
 * @format: (nullable): the user's date format, as
 *   rg_date_entry_get_user_format () gives it; %NULL for that one
 *
 * Reads a date typed by a user: three numbers, day, month and year in
 * the order of @format, separated by a slash, a dot, a dash or spaces,
 * the year with two figures (this century) or four; or, whatever the
 * format, the file's form, year first with four figures.
 *
 * Returns: (transfer full) (nullable): the date as `YYYY-MM-DD`, or
 *   %NULL when @text is not a day of the calendar
 */
char *
rg_date_entry_parse (const char *text,
                     const char *format)
{
  guint values[3] = { 0, };
  guint lengths[3] = { 0, };
  guint n = 0;
  gboolean in_number = FALSE;
  DateShape shape;
  guint day = 0, month = 0, year = 0;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (!in_number)
            {
              if (n == 3)
                return NULL;
              in_number = TRUE;
              n++;
            }
          if (++lengths[n - 1] > 4)
            return NULL;
          values[n - 1] = values[n - 1] * 10 + (guint) (*p - '0');
        }
      else if (*p == '/' || *p == '.' || *p == '-' || *p == ' ' || *p == '\t')
        in_number = FALSE;
      else
        return NULL;
    }

  if (n != 3)
    return NULL;

  if (lengths[0] == 4)
    memcpy (shape.order, "ymd", 3);
  else
    read_shape (format != NULL ? format : rg_date_entry_get_user_format (), &shape);

  for (guint i = 0; i < 3; i++)
    {
      switch (shape.order[i])
        {
        case 'd':
          if (lengths[i] > 2)
            return NULL;
          day = values[i];
          break;

        case 'm':
          if (lengths[i] > 2)
            return NULL;
          month = values[i];
          break;

        default:
          if (lengths[i] == 2)
            year = 2000 + values[i];
          else if (lengths[i] == 4)
            year = values[i];
          else
            return NULL;
          break;
        }
    }

  if (year < 1 || day < 1 || day > 31 || month < 1 || month > 12 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/**
 * rg_date_entry_format:
 * @date: a date, `YYYY-MM-DD`
 * @format: (nullable): the user's date format; %NULL for
 *   rg_date_entry_get_user_format ()
 *
 * Writes @date in figures as the user types dates: "15/12/2026" in
 * French.
 *
 * Returns: (transfer full) (nullable): @date in the user's form, or
 *   %NULL when @date is not a date
 */
char *
rg_date_entry_format (const char *date,
                      const char *format)
{
  guint year, month, day;
  GString *text;
  DateShape shape;

  if (date == NULL || sscanf (date, "%u-%u-%u", &year, &month, &day) != 3)
    return NULL;

  read_shape (format != NULL ? format : rg_date_entry_get_user_format (), &shape);
  text = g_string_new (NULL);
  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        g_string_append_c (text, shape.separator);
      if (shape.order[i] == 'd')
        g_string_append_printf (text, "%02u", day);
      else if (shape.order[i] == 'm')
        g_string_append_printf (text, "%02u", month);
      else
        g_string_append_printf (text, "%04u", year);
    }

  return g_string_free (text, FALSE);
}

/**
 * rg_date_entry_describe_format:
 * @format: (nullable): the user's date format; %NULL for
 *   rg_date_entry_get_user_format ()
 *
 * Returns: (transfer full): the form of a date in the user's words,
 *   "JJ/MM/AAAA" in French
 */
char *
rg_date_entry_describe_format (const char *format)
{
  GString *text = g_string_new (NULL);
  DateShape shape;

  read_shape (format != NULL ? format : rg_date_entry_get_user_format (), &shape);
  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        g_string_append_c (text, shape.separator);
      if (shape.order[i] == 'd')
        /* Translators: the day in the form of a date, as in DD/MM/YYYY */
        g_string_append (text, C_("date format", "DD"));
      else if (shape.order[i] == 'm')
        /* Translators: the month in the form of a date, as in DD/MM/YYYY */
        g_string_append (text, C_("date format", "MM"));
      else
        /* Translators: the year in the form of a date, as in DD/MM/YYYY */
        g_string_append (text, C_("date format", "YYYY"));
    }

  return g_string_free (text, FALSE);
}

/* }}} */
/* {{{ The message */

static void
set_message (RgDateEntry *self,
             const char  *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;

  g_free (self->message);
  self->message = g_strdup (message);

  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_label_set_label (self->message_label, message ? message : "");
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MESSAGE]);
}

/* Why the text is not a date, and what is: "“31/02/2026” is not a
 * date. Type it as DD/MM/YYYY, for example 15/12/2026." */
static char *
describe_problem (RgDateEntry *self,
                  const char  *text)
{
  g_autofree char *form = rg_date_entry_describe_format (NULL);
  g_autofree char *example = rg_date_entry_format ("2026-12-15", NULL);

  if (*text == '\0')
    /* Translators: under an empty date field; %s is the form of a date,
     * such as DD/MM/YYYY, then an example, such as 15/12/2026 */
    return g_strdup_printf (_("A date is needed. Type it as %s, for example %s."), form, example);

  /* Translators: under a date field; the first %s is what was typed,
   * the second the form of a date (DD/MM/YYYY), the third an example
   * (15/12/2026) */
  return g_strdup_printf (_("“%s” is not a date. Type it as %s, for example %s."),
                          text, form, example);
}

/* }}} */

static void
set_date_internal (RgDateEntry *self,
                   const char  *date)
{
  if (date != NULL && *date == '\0')
    date = NULL;

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

static void
show_date (RgDateEntry *self)
{
  g_autofree char *text = self->date ? rg_date_entry_format (self->date, NULL) : NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text ? text : "") == 0)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->updating = FALSE;
}

static gboolean
text_is_empty (RgDateEntry *self)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  return *stripped == '\0';
}

static gboolean
clear_date_cb (gpointer data)
{
  RgDateEntry *self = data;

  self->clear_source = 0;
  if (text_is_empty (self) && self->optional)
    {
      set_date_internal (self, NULL);
      set_message (self, NULL);
    }

  return G_SOURCE_REMOVE;
}

/* Whether @text holds a year of four figures: while it is typed,
 * "15/01/20" is on its way to 15/01/2027, not a date of 2020. */
static gboolean
has_full_year (const char *text)
{
  guint run = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      run = g_ascii_isdigit (*p) ? run + 1 : 0;
      if (run == 4)
        return TRUE;
    }

  return FALSE;
}

/* Each key: the date as soon as the text is one with its full year; a
 * year of two figures is taken on Enter or on leaving the field. */
static void
on_entry_changed (RgDateEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *date = NULL;

  if (self->updating)
    return;

  /* Emptied: no date, unless the text was emptied only to be typed
   * over (a selection replaced by a key, a text set): a date replaced
   * by what is not one is not taken away. */
  if (*stripped == '\0' && self->optional)
    {
      if (self->clear_source == 0)
        self->clear_source = g_idle_add (clear_date_cb, self);
      return;
    }

  if ((date = rg_date_entry_parse (stripped, NULL)) != NULL)
    {
      if (has_full_year (stripped))
        set_date_internal (self, date);
      set_message (self, NULL);
    }
  else if (self->message != NULL)
    {
      /* Already said: keep saying it of what the text is now */
      g_autofree char *message = describe_problem (self, stripped);

      set_message (self, message);
    }
}

/* Enter, or leaving the field: say what is wrong, or show the date as
 * it was understood ("15/12/26" becomes "15/12/2026"). */
static void
check_text (RgDateEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *date = NULL;

  if (*stripped == '\0' && self->optional)
    {
      g_clear_handle_id (&self->clear_source, g_source_remove);
      clear_date_cb (self);
      return;
    }

  if ((date = rg_date_entry_parse (stripped, NULL)) == NULL)
    {
      g_autofree char *message = describe_problem (self, stripped);

      set_message (self, message);
      return;
    }

  set_date_internal (self, date);
  set_message (self, NULL);
  show_date (self);
}

static void
on_calendar_day_selected (RgDateEntry *self)
{
  g_autoptr(GDateTime) picked = NULL;
  g_autofree char *date = NULL;

  if (self->updating)
    return;

  picked = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (picked, ISO_FORMAT);
  self->picked = TRUE;
  set_message (self, NULL);
  set_date_internal (self, date);
  show_date (self);
}

static void
close_calendar (RgDateEntry *self)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
on_calendar_pressed (RgDateEntry *self)
{
  self->picked = FALSE;
}

/* A day clicked closes the calendar; the arrows into the next month
 * do not. */
static void
on_calendar_released (RgDateEntry *self)
{
  if (self->picked)
    close_calendar (self);
}

static gboolean
on_calendar_key_pressed (RgDateEntry     *self,
                         guint            keyval,
                         guint            keycode,
                         GdkModifierType  state)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      on_calendar_day_selected (self);
      close_calendar (self);
      return TRUE;
    }

  return FALSE;
}

/* The calendar opens on the date, or on today. */
static void
on_popover_show (RgDateEntry *self)
{
  g_autoptr(GDateTime) shown = NULL;
  guint year, month, day;

  if (self->date != NULL && sscanf (self->date, "%u-%u-%u", &year, &month, &day) == 3)
    shown = g_date_time_new_local ((int) year, (int) month, (int) day, 12, 0, 0);
  if (shown == NULL)
    shown = g_date_time_new_now_local ();

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->updating = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

/* The calendar is made when it first opens: a form has many dates,
 * and a calendar is a hundred widgets. */
static void
make_calendar_popover (GtkMenuButton *button,
                       gpointer       user_data)
{
  RgDateEntry *self = user_data;
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkWidget *popover;

  if (self->calendar != NULL)
    return;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_calendar_day_selected),
                           self, G_CONNECT_SWAPPED);
  gesture = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (on_calendar_pressed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released", G_CALLBACK (on_calendar_released), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (gesture));
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_calendar_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), controller);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show), self,
                           G_CONNECT_SWAPPED);

  gtk_menu_button_set_popover (button, popover);
}

static gboolean
rg_date_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RG_DATE_ENTRY (widget)->entry));
}

static void
rg_date_entry_dispose (GObject *object)
{
  RgDateEntry *self = RG_DATE_ENTRY (object);
  GtkWidget *child;

  g_clear_handle_id (&self->clear_source, g_source_remove);
  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  self->entry = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rg_date_entry_parent_class)->dispose (object);
}

static void
rg_date_entry_finalize (GObject *object)
{
  RgDateEntry *self = RG_DATE_ENTRY (object);

  g_free (self->date);
  g_free (self->label);
  g_free (self->message);

  G_OBJECT_CLASS (rg_date_entry_parent_class)->finalize (object);
}

static void
rg_date_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RgDateEntry *self = RG_DATE_ENTRY (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_date_entry_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RgDateEntry *self = RG_DATE_ENTRY (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_DATE:
      rg_date_entry_set_date (self, g_value_get_string (value));
      break;

    case PROP_OPTIONAL:
      rg_date_entry_set_optional (self, g_value_get_boolean (value));
      break;

    case PROP_LABEL:
      rg_date_entry_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_date_entry_class_init (RgDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_date_entry_dispose;
  object_class->finalize = rg_date_entry_finalize;
  object_class->get_property = rg_date_entry_get_property;
  object_class->set_property = rg_date_entry_set_property;

  widget_class->grab_focus = rg_date_entry_grab_focus;

  /**
   * RgDateEntry:date:
   *
   * The date, `YYYY-MM-DD`; %NULL for none. It changes as soon as what
   * is typed is a date, and never to what is not one.
   */
  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * RgDateEntry:optional:
   *
   * Whether the field may be left empty, for no date.
   */
  properties [PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * RgDateEntry:label:
   *
   * What the date is, for screen readers ("Next review").
   */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * RgDateEntry:message:
   *
   * What the entry says of a text that is not a date, while it says it.
   */
  properties [PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rg-date-entry");
}

static void
rg_date_entry_init (RgDateEntry *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autofree char *form = rg_date_entry_describe_format (NULL);
  GtkEventController *controller;
  GtkWidget *row;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (row, "linked");
  gtk_widget_set_parent (row, GTK_WIDGET (self));

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, form);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 12);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 12);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_entry_set_activates_default (self->entry, TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->entry));
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (on_entry_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (check_text), self,
                           G_CONNECT_SWAPPED);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (check_text), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), make_calendar_popover,
                                         self, NULL);
  gtk_widget_set_tooltip_text (self->button, _("Choose in a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose in a Calendar"),
                                  -1);
  gtk_box_append (GTK_BOX (row), self->button);

  /* The message wraps to the field's width rather than widening it:
   * beside other fields in a row, they stay where they are. */
  self->message_label = g_object_new (GTK_TYPE_LABEL,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                      "wrap", TRUE,
                                      "xalign", 0.0f,
                                      "max-width-chars", 16,
                                      "visible", FALSE,
                                      NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "caption");
  gtk_widget_set_parent (GTK_WIDGET (self->message_label), GTK_WIDGET (self));
}

/**
 * rg_date_entry_new:
 *
 * Returns: (transfer floating): a new, empty, date entry
 */
GtkWidget *
rg_date_entry_new (void)
{
  return g_object_new (RG_TYPE_DATE_ENTRY, NULL);
}

/**
 * rg_date_entry_get_date:
 *
 * Returns: (nullable): the date, `YYYY-MM-DD`, or %NULL for none
 */
const char *
rg_date_entry_get_date (RgDateEntry *self)
{
  g_return_val_if_fail (RG_IS_DATE_ENTRY (self), NULL);

  return self->date;
}

/**
 * rg_date_entry_set_date:
 * @date: (nullable): a date, `YYYY-MM-DD`, or %NULL or "" for none
 *
 * Shows @date, in the user's form. What the user is typing is left as
 * it is when it is already that date.
 */
void
rg_date_entry_set_date (RgDateEntry *self,
                        const char  *date)
{
  g_return_if_fail (RG_IS_DATE_ENTRY (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (date != NULL && g_strcmp0 (date, self->date) == 0 && self->message == NULL)
    return;

  set_date_internal (self, date);
  set_message (self, NULL);
  show_date (self);
}

gboolean
rg_date_entry_get_optional (RgDateEntry *self)
{
  g_return_val_if_fail (RG_IS_DATE_ENTRY (self), FALSE);

  return self->optional;
}

void
rg_date_entry_set_optional (RgDateEntry *self,
                            gboolean     optional)
{
  g_return_if_fail (RG_IS_DATE_ENTRY (self));

  optional = !!optional;
  if (self->optional == optional)
    return;

  self->optional = optional;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OPTIONAL]);
}

const char *
rg_date_entry_get_label (RgDateEntry *self)
{
  g_return_val_if_fail (RG_IS_DATE_ENTRY (self), NULL);

  return self->label;
}

/**
 * rg_date_entry_set_label:
 * @label: (nullable): what the date is ("Next review")
 *
 * Names the field for screen readers.
 */
void
rg_date_entry_set_label (RgDateEntry *self,
                         const char  *label)
{
  g_autofree char *button_label = NULL;

  g_return_if_fail (RG_IS_DATE_ENTRY (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);

  if (label != NULL)
    {
      /* Translators: the name of a date field's calendar button; %s is
       * the field's name, such as "Next review" */
      button_label = g_strdup_printf (_("%s: Choose in a Calendar"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                      -1);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}

/**
 * rg_date_entry_get_message:
 *
 * Returns: (nullable): what the entry says of a text that is not a
 *   date, while it says it
 */
const char *
rg_date_entry_get_message (RgDateEntry *self)
{
  g_return_val_if_fail (RG_IS_DATE_ENTRY (self), NULL);

  return self->message;
}

/**
 * rg_date_entry_is_valid:
 *
 * Returns: whether the text is a date, or empty where the date is
 *   optional; the date is the text's only then
 */
gboolean
rg_date_entry_is_valid (RgDateEntry *self)
{
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (RG_IS_DATE_ENTRY (self), FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (*text == '\0')
    return self->optional;

  date = rg_date_entry_parse (text, NULL);

  return date != NULL;
}

/**
 * rg_date_entry_get_editable:
 *
 * Returns: (transfer none): the text field itself
 */
GtkEditable *
rg_date_entry_get_editable (RgDateEntry *self)
{
  g_return_val_if_fail (RG_IS_DATE_ENTRY (self), NULL);

  return GTK_EDITABLE (self->entry);
}
