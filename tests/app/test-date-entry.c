/* test-date-entry.c — dates typed as the user writes them, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "rg-date-entry.h"
#include "rg-test-app.h"
#include "rg-test-utils.h"

/* Whatever the user's language, day, month and year in its order, and
 * always the file's order. */
static void
test_date_entry_parse (void)
{
  static const struct { const char *text; const char *format; const char *date; } cases[] = {
    { "15/12/2026", "%d/%m/%Y", "2026-12-15" },
    { "15/12/26", "%d/%m/%Y", "2026-12-15" },
    { " 1.2.2027 ", "%d.%m.%Y", "2027-02-01" },
    { "15 12 2026", "%d/%m/%Y", "2026-12-15" },
    { "12/15/2026", "%m/%d/%Y", "2026-12-15" },
    { "12/15/26", "%D", "2026-12-15" },
    { "2026-12-15", "%d/%m/%Y", "2026-12-15" },
    { "2026-12-15", "%m/%d/%y", "2026-12-15" },
    { "2026/12/15", "%Y/%m/%d", "2026-12-15" },
    { "29/02/2028", "%d/%m/%Y", "2028-02-29" },
    /* Not a day of the calendar, or not a date */
    { "31/02/2026", "%d/%m/%Y", NULL },
    { "29/02/2027", "%d/%m/%Y", NULL },
    { "15/12/2026", "%m/%d/%Y", NULL },
    { "2026-02-31", "%d/%m/%Y", NULL },
    { "15/12", "%d/%m/%Y", NULL },
    { "15/12/2026/1", "%d/%m/%Y", NULL },
    { "15/12/202", "%d/%m/%Y", NULL },
    { "15 déc. 2026", "%d/%m/%Y", NULL },
    { "", "%d/%m/%Y", NULL },
    { "00/12/2026", "%d/%m/%Y", NULL },
    { "99999/1/1", "%d/%m/%Y", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = rg_date_entry_parse (cases[i].text, cases[i].format);

      g_test_message ("“%s” as %s", cases[i].text, cases[i].format);
      g_assert_cmpstr (date, ==, cases[i].date);
    }
}

static void
test_date_entry_format (void)
{
  g_autofree char *french = rg_date_entry_format ("2026-12-05", "%d/%m/%Y");
  g_autofree char *american = rg_date_entry_format ("2026-12-05", "%m/%d/%Y");
  g_autofree char *german = rg_date_entry_format ("2026-12-05", "%d.%m.%Y");
  g_autofree char *iso = rg_date_entry_format ("2026-12-05", "%Y-%m-%d");
  g_autofree char *words = rg_date_entry_format ("2026-12-05", "%A %e %B");
  g_autofree char *form = rg_date_entry_describe_format ("%d/%m/%Y");

  g_assert_cmpstr (french, ==, "05/12/2026");
  g_assert_cmpstr (american, ==, "12/05/2026");
  g_assert_cmpstr (german, ==, "05.12.2026");
  g_assert_cmpstr (iso, ==, "2026-12-05");
  /* A format without the three in figures: the file's form */
  g_assert_cmpstr (words, ==, "2026-12-05");
  g_assert_cmpstr (form, ==, "DD/MM/YYYY");
}

/* With no language set, dates are typed and shown the file's way. */
static void
test_date_entry_c_locale (void)
{
  g_autofree char *shown = NULL;
  g_autofree char *read = NULL;
  const char *locale = setlocale (LC_TIME, NULL);
  g_autofree char *saved = g_strdup (locale);

  setlocale (LC_TIME, "C");
  g_assert_cmpstr (rg_date_entry_get_user_format (), ==, "%Y-%m-%d");
  shown = rg_date_entry_format ("2026-12-15", NULL);
  read = rg_date_entry_parse ("2026-12-15", NULL);
  setlocale (LC_TIME, saved);

  g_assert_cmpstr (shown, ==, "2026-12-15");
  g_assert_cmpstr (read, ==, "2026-12-15");
}

/* Types @text at the cursor, word by word, as the keyboard would. */
static void
type_text (RgDateEntry *entry,
           const char  *text)
{
  GtkEditable *editable = rg_date_entry_get_editable (entry);
  GtkEditable *delegate = gtk_editable_get_delegate (editable);

  gtk_widget_grab_focus (GTK_WIDGET (delegate));
  g_signal_emit_by_name (delegate, "insert-at-cursor", text);
  rg_test_iterate_until_idle ();
}

/* Selects everything and deletes it, as Ctrl+A then Backspace would. */
static void
clear_text (RgDateEntry *entry)
{
  GtkEditable *delegate = gtk_editable_get_delegate (rg_date_entry_get_editable (entry));

  gtk_editable_select_region (delegate, 0, -1);
  g_signal_emit_by_name (delegate, "backspace");
  rg_test_iterate_until_idle ();
}

static void
press_enter (RgDateEntry *entry)
{
  GtkEditable *delegate = gtk_editable_get_delegate (rg_date_entry_get_editable (entry));

  g_signal_emit_by_name (delegate, "activate");
  rg_test_iterate_until_idle ();
}

static void
on_date_notify (RgDateEntry *entry,
                GParamSpec  *pspec,
                guint       *n_changes)
{
  (*n_changes)++;
}

/* In French, 15/12/2026 is a date and 31/02/2026 is not: said in
 * words, with the form expected, and never stored. */
static void
test_date_entry_french (void)
{
  GtkWidget *window = gtk_window_new ();
  RgDateEntry *entry = RG_DATE_ENTRY (rg_date_entry_new ());
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  g_autofree char *shown = NULL;
  guint n_changes = 0;
  const char *message;

  if (setlocale (LC_TIME, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("No French locale on this machine");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_assert_cmpstr (rg_date_entry_get_user_format (), ==, "%d/%m/%Y");

  rg_date_entry_set_label (entry, "Date de la séance");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (entry));
  gtk_window_present (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
  g_signal_connect (entry, "notify::date", G_CALLBACK (on_date_notify), &n_changes);

  rg_date_entry_set_date (entry, "2026-11-20");
  g_assert_cmpstr (gtk_editable_get_text (rg_date_entry_get_editable (entry)), ==, "20/11/2026");

  /* Typed, it is the date as soon as it is one, before Enter */
  clear_text (entry);
  g_assert_cmpstr (rg_date_entry_get_date (entry), ==, "2026-11-20");
  type_text (entry, "15/12/2026");
  g_assert_cmpstr (rg_date_entry_get_date (entry), ==, "2026-12-15");
  g_assert_null (rg_date_entry_get_message (entry));
  press_enter (entry);
  g_assert_null (rg_date_entry_get_message (entry));

  /* Not a day: the date stays, and Enter says why */
  n_changes = 0;
  clear_text (entry);
  type_text (entry, "31/02/2026");
  g_assert_cmpstr (rg_date_entry_get_date (entry), ==, "2026-12-15");
  g_assert_null (rg_date_entry_get_message (entry));
  press_enter (entry);
  message = rg_date_entry_get_message (entry);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "31/02/2026"));
  g_assert_nonnull (strstr (message, "15/12/2026"));
  g_assert_true (strstr (message, "DD/MM/YYYY") != NULL || strstr (message, "JJ/MM/AAAA") != NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rg_date_entry_get_editable (entry)), "error"));
  g_assert_cmpstr (rg_date_entry_get_date (entry), ==, "2026-12-15");
  g_assert_cmpuint (n_changes, ==, 0);

  /* Corrected, the message goes */
  clear_text (entry);
  type_text (entry, "1/3/27");
  g_assert_null (rg_date_entry_get_message (entry));
  /* A year of two figures may be on its way to four ("1/3/20" to
   * "1/3/2027"): it is taken on Enter, not while typed */
  g_assert_cmpstr (rg_date_entry_get_date (entry), ==, "2026-12-15");
  press_enter (entry);
  g_assert_cmpstr (rg_date_entry_get_date (entry), ==, "2027-03-01");
  g_assert_cmpstr (gtk_editable_get_text (rg_date_entry_get_editable (entry)), ==, "01/03/2027");

  /* ISO is always understood */
  clear_text (entry);
  type_text (entry, "2027-01-08");
  g_assert_cmpstr (rg_date_entry_get_date (entry), ==, "2027-01-08");

  /* A required date left empty is kept, and asked for */
  clear_text (entry);
  press_enter (entry);
  g_assert_cmpstr (rg_date_entry_get_date (entry), ==, "2027-01-08");
  g_assert_nonnull (rg_date_entry_get_message (entry));

  shown = rg_date_entry_format ("2026-12-15", NULL);
  g_assert_cmpstr (shown, ==, "15/12/2026");

  setlocale (LC_TIME, saved);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_calendar (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_CALENDAR (widget);
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget);
}

/* The calendar button picks a day; an optional date may be emptied. */
static void
test_date_entry_calendar (void)
{
  GtkWidget *window = gtk_window_new ();
  RgDateEntry *entry = RG_DATE_ENTRY (rg_date_entry_new ());
  GtkWidget *button;
  GtkWidget *calendar;
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 1, 8, 12, 0, 0);
  g_autofree char *shown = NULL;

  rg_date_entry_set_optional (entry, TRUE);
  rg_date_entry_set_label (entry, "Next review");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (entry));
  gtk_window_present (GTK_WINDOW (window));
  rg_test_iterate_until_idle ();
  g_assert_null (rg_date_entry_get_date (entry));

  button = rg_test_find_widget (GTK_WIDGET (entry), is_menu_button, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Choose in a Calendar");
  /* The calendar is made when it first opens */
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  rg_test_iterate_until_idle ();
  calendar = rg_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                  is_calendar, NULL);
  g_assert_nonnull (calendar);
  /* Opening it picks nothing */
  g_assert_null (rg_date_entry_get_date (entry));

  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  rg_test_iterate_until_idle ();
  g_assert_cmpstr (rg_date_entry_get_date (entry), ==, "2027-01-08");
  shown = rg_date_entry_format ("2027-01-08", NULL);
  g_assert_cmpstr (gtk_editable_get_text (rg_date_entry_get_editable (entry)), ==, shown);

  clear_text (entry);
  g_assert_null (rg_date_entry_get_date (entry));
  press_enter (entry);
  g_assert_null (rg_date_entry_get_message (entry));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/date-entry/parse", test_date_entry_parse);
  g_test_add_func ("/date-entry/format", test_date_entry_format);
  g_test_add_func ("/date-entry/c-locale", test_date_entry_c_locale);
  g_test_add_func ("/date-entry/french", test_date_entry_french);
  g_test_add_func ("/date-entry/calendar", test_date_entry_calendar);

  return g_test_run ();
}
