/* rg-cli-display.c — file names and messages as a terminal can show them
 *
 * A file name is whatever bytes its author chose, and so are the
 * messages that quote one: printed as they are, "\x1b[2J" clears the
 * screen, "\x1b]52;…" writes to the clipboard of some terminals, and
 * U+202E shows "exe.regards" for a file named "sdrager.exe". Every name
 * regards-cli prints goes through rg_cli_display_name () first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <string.h>

#include "rg-cli-display.h"

/**
 * rg_cli_is_unsafe_char:
 * @c: a character
 *
 * Whether printing @c to a terminal could do something else than show
 * a character: the C0 controls (escape sequences start with ESC), DEL,
 * the C1 controls (U+009B starts escape sequences on some terminals),
 * the line and paragraph separators, and the controls and marks of
 * bidirectional text, which reorder what follows on the line.
 *
 * Returns: %TRUE if @c must be escaped
 */
gboolean
rg_cli_is_unsafe_char (gunichar c)
{
  return c < 0x20
      || (c >= 0x7f && c <= 0x9f)
      || c == 0x061c                    /* ARABIC LETTER MARK */
      || c == 0x200e || c == 0x200f     /* LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK */
      || c == 0x2028 || c == 0x2029     /* LINE and PARAGRAPH SEPARATOR */
      || (c >= 0x202a && c <= 0x202e)   /* embeddings and overrides */
      || (c >= 0x2066 && c <= 0x2069);  /* isolates */
}

/**
 * rg_cli_display_name:
 * @name: a file name, in the bytes the file system gave, or a message
 *   that may quote one
 *
 * @name as it can be printed: characters that a terminal would act upon
 * (see rg_cli_is_unsafe_char ()) are written `\u{NNNN}`, or `\xNN` below
 * U+0080, and bytes that are not UTF-8 `\xNN`, so that the name can still
 * be told from another. Everything else, accents and all scripts, is
 * kept as it is.
 *
 * Returns: (transfer full): UTF-8 text without control characters
 */
char *
rg_cli_display_name (const char *name)
{
  GString *out;
  const char *p;
  const char *end;

  g_return_val_if_fail (name != NULL, NULL);

  end = name + strlen (name);
  out = g_string_sized_new (end - name);

  for (p = name; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }

      if (c < 0x80 && rg_cli_is_unsafe_char (c))
        g_string_append_printf (out, "\\x%02X", c);
      else if (rg_cli_is_unsafe_char (c))
        g_string_append_printf (out, "\\u{%04X}", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);

      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/**
 * rg_cli_display_message:
 * @message: a message that may quote a file name
 *
 * @message on one line, its line breaks made spaces, and the rest as
 * rg_cli_display_name () shows it: one message, one line, so that a
 * list of them can be read (or filtered) line by line.
 *
 * Returns: (transfer full): UTF-8 text without control characters
 */
char *
rg_cli_display_message (const char *message)
{
  g_autofree char *flat = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  flat = g_strdelimit (g_strdup (message), "\r\n", ' ');

  return rg_cli_display_name (flat);
}

/**
 * rg_cli_print_error:
 * @error: an error, whose message may quote a file name
 *
 * Prints the message of @error on one line of stderr, as
 * rg_cli_display_message () shows it.
 */
void
rg_cli_print_error (const GError *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (error != NULL);

  message = rg_cli_display_message (error->message);
  g_printerr ("%s\n", message);
}
