/* test-bidi.c — rg_bidi_isolate() and rg_bidi_has_controls()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-bidi.h"
#include "rg-test-bidi.h"
#include "rg-test-utils.h"

#define LRE "\u202A"
#define RLE "\u202B"
#define PDF "\u202C"
#define LRO "\u202D"
#define RLO "\u202E"
#define LRI "\u2066"
#define RLI "\u2067"
#define FSI "\u2068"
#define PDI "\u2069"
#define LRM "\u200E"
#define RLM "\u200F"

static void
assert_isolates (const char *text,
                 const char *expected)
{
  g_autofree char *isolated = rg_bidi_isolate (text);

  g_assert_cmpstr (isolated, ==, expected);
}

/* @text without its direction controls and marks */
static char *
strip_controls (const char *text)
{
  GString *stripped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069) &&
          c != 0x200E && c != 0x200F)
        g_string_append_unichar (stripped, c);
    }

  return g_string_free (stripped, FALSE);
}

/* What reports print every day stays byte for byte as it was */
static void
test_bidi_unchanged (void)
{
  const char *texts[] = {
    "",
    "Il arrive en retard trois matins sur cinq.",
    "Deux lignes,\nla seconde ici.",
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u200f",
    /* Not UTF-8, but without controls: not ours to mend */
    "caf\xe9 \xff\xfe",
    "\xe2\x80",
    /* Controls that already keep to themselves */
    "avant " RLI "\u05e9\u05dc\u05d5\u05dd" PDI " apr\u00e8s",
    "avant " RLI RLO "abc" PDF PDI,
    FSI LRM RLO "abc" PDF PDI " def",
  };

  assert_isolates (NULL, NULL);
  g_assert_false (rg_bidi_has_controls (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_isolates (texts[i], texts[i]);

  for (guint i = 0; i < 6; i++)
    g_assert_false (rg_bidi_has_controls (texts[i]));
  for (guint i = 6; i < G_N_ELEMENTS (texts); i++)
    g_assert_true (rg_bidi_has_controls (texts[i]));
}

static void
test_bidi_has_controls (void)
{
  const char *controls[] = { LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      g_autofree char *text = g_strconcat ("abc", controls[i], "def", NULL);

      g_assert_true (rg_bidi_has_controls (text));
    }

  /* Neighbours that steer nothing: marks, separators, U+2029 */
  g_assert_false (rg_bidi_has_controls ("\u200e\u200f\u2028\u2029\u2065\u206a\u2029"));
}

/* An override left open is closed, and the whole set apart */
static void
test_bidi_unclosed (void)
{
  assert_isolates (RLO "tixe", FSI LRM RLO "tixe" PDF PDI);
  assert_isolates ("Avant " RLE "\u05e9", FSI LRM "Avant " RLE "\u05e9" PDF PDI);
  assert_isolates (RLI "abc", RLI "abc" PDI);
  assert_isolates (FSI "abc", FSI "abc" PDI);

  /* Closed, an override still forces its letters' direction onto what
   * is around them */
  assert_isolates (RLO "abc" PDF " def", FSI LRM RLO "abc" PDF " def" PDI);
}

/* Closers appended in the order things nest, innermost first */
static void
test_bidi_nested (void)
{
  assert_isolates (LRE "a" RLI "b" RLO "c",
                   FSI LRM LRE "a" RLI "b" RLO "c" PDF PDI PDF PDI);
  assert_isolates (RLO "a" LRO "b" PDF "c",
                   FSI LRM RLO "a" LRO "b" PDF "c" PDF PDI);

  /* A PDI closes its isolate and what is open in it */
  assert_isolates ("a" RLI RLO "b" PDI "c", "a" RLI RLO "b" PDF PDI "c");
  assert_isolates (RLO "a" RLI LRE "b" PDI "c",
                   FSI LRM RLO "a" RLI LRE "b" PDF PDI "c" PDF PDI);
}

/* Closers that would close what the text did not open are dropped */
static void
test_bidi_stray_closers (void)
{
  assert_isolates (PDF "abc", "abc");
  assert_isolates ("abc" PDI, "abc");
  assert_isolates (PDF PDI PDF "a" PDI "b", "ab");

  /* Nor may a PDF close an embedding from inside an isolate */
  assert_isolates (RLI "a" PDF "b" PDI, RLI "ab" PDI);
  assert_isolates (RLO "a" RLI "b" PDF "c", FSI LRM RLO "a" RLI "bc" PDI PDF PDI);
}

/* The isolate starts with a mark of the direction of the text's first
 * letter outside its own isolates, which is the one an FSI gives it, so
 * that Pango does not take the override's direction for the line's */
static void
test_bidi_direction (void)
{
  assert_isolates (RLO "\u05e9\u05dc\u05d5\u05dd", FSI RLM RLO "\u05e9\u05dc\u05d5\u05dd" PDF PDI);
  assert_isolates (LRO "\u0645\u0631 abc", FSI RLM LRO "\u0645\u0631 abc" PDF PDI);
  assert_isolates (RLO "12 abc", FSI LRM RLO "12 abc" PDF PDI);
  assert_isolates (RLO LRI "abc" PDI "\u05e9", FSI RLM RLO LRI "abc" PDI "\u05e9" PDF PDI);
  assert_isolates (RLO "12 ", FSI LRM RLO "12 " PDF PDI);

  /* Pango would take an override in an isolate for the line's first
   * strong character, when no letter comes before it */
  assert_isolates (FSI RLO "abc" PDF PDI " def", FSI LRM FSI RLO "abc" PDF PDI " def" PDI);
  assert_isolates (RLI RLO "a" PDI "b", FSI LRM RLI RLO "a" PDF PDI "b" PDI);
  assert_isolates ("12 " RLI LRO "\u05e9" PDI, FSI LRM "12 " RLI LRO "\u05e9" PDF PDI PDI);
}

/* A line break ends a paragraph: each line keeps to itself */
static void
test_bidi_lines (void)
{
  assert_isolates (RLO "a\nb", FSI LRM RLO "a" PDF PDI "\nb");
  assert_isolates ("a\r\n" RLO "b\n\nc" PDF,
                   "a\r\n" FSI LRM RLO "b" PDF PDI "\n\nc");
  assert_isolates (RLI "a\u2029b" LRE "c",
                   RLI "a" PDI "\u2029" FSI LRM "b" LRE "c" PDF PDI);
}

/* A text that is not UTF-8 does not crash, and comes out as UTF-8 */
static void
test_bidi_invalid_utf8 (void)
{
  const char *texts[] = {
    "\xff" RLO "abc\xfe",
    RLO "\xe2\x80",
    RLO "\xe2\x80\xae\xe2",
    "\xc3" PDF "\xe2\x81",
    "\xe2\x81\xa9\xe2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *isolated = rg_bidi_isolate (texts[i]);

      g_assert_nonnull (isolated);
      rg_test_assert_bidi_balanced (isolated);
    }

  assert_isolates ("\xff" RLO "abc", FSI LRM "\ufffd" RLO "abc" PDF PDI);
}

/* Any mix of controls, letters and line breaks comes out balanced, with
 * its letters in order, and isolating it again changes nothing */
static void
test_bidi_any_mix (void)
{
  const char *pieces[] = { LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI,
                           "a", "\u05d0", " ", "1", "\n" };

  for (guint n = 0; n < 2000; n++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *isolated = NULL;
      g_autofree char *again = NULL;
      g_autofree char *letters = NULL;
      g_autofree char *isolated_letters = NULL;
      guint length = g_test_rand_int_range (0, 24);

      for (guint i = 0; i < length; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);

      isolated = rg_bidi_isolate (text->str);
      rg_test_assert_bidi_balanced (isolated);

      again = rg_bidi_isolate (isolated);
      g_assert_cmpstr (again, ==, isolated);

      letters = strip_controls (text->str);
      isolated_letters = strip_controls (isolated);
      g_assert_cmpstr (isolated_letters, ==, letters);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bidi/unchanged", test_bidi_unchanged);
  g_test_add_func ("/bidi/has-controls", test_bidi_has_controls);
  g_test_add_func ("/bidi/unclosed", test_bidi_unclosed);
  g_test_add_func ("/bidi/nested", test_bidi_nested);
  g_test_add_func ("/bidi/stray-closers", test_bidi_stray_closers);
  g_test_add_func ("/bidi/direction", test_bidi_direction);
  g_test_add_func ("/bidi/lines", test_bidi_lines);
  g_test_add_func ("/bidi/invalid-utf8", test_bidi_invalid_utf8);
  g_test_add_func ("/bidi/any-mix", test_bidi_any_mix);

  return g_test_run ();
}
