/* fuzz-session.c — libFuzzer harness for the session file loader
 *
 * Any input must either load or give a GError with a message (never a
 * crash, a leak, undefined behaviour, a warning or a hang); a session
 * that loads must save, and what it saves must load again and save to
 * the very same bytes: a file Regards opens is never one it damages by
 * saving. See fuzz/README.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-session"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "rg-session-xml.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Plain malloc, so that AddressSanitizer sees every block; and a
   * warning or a critical of GLib or of our own code is a finding */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

static void
fail (const char *what,
      GBytes     *bytes)
{
  fprintf (stderr, "fuzz-session: %s\n", what);
  if (bytes != NULL)
    fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stderr);
  abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new (data, size);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgSession) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  session = rg_session_new_from_bytes (input, &error);
  if (session == NULL)
    {
      if (error == NULL || error->domain != RG_FORMAT_ERROR)
        fail ("refused without an error of the format", NULL);
      if (error->message == NULL || error->message[0] == '\0'
          || !g_utf8_validate (error->message, -1, NULL))
        fail ("refused without a readable message", NULL);
      return 0;
    }

  if (error != NULL)
    fail ("loaded, and set an error too", NULL);

  saved = rg_session_to_bytes (session);
  reloaded = rg_session_new_from_bytes (saved, &error);
  if (reloaded == NULL)
    {
      fprintf (stderr, "fuzz-session: the saved session does not load: %s\n", error->message);
      fail ("saved:", saved);
    }

  saved_again = rg_session_to_bytes (reloaded);
  if (!g_bytes_equal (saved, saved_again))
    {
      fprintf (stderr, "fuzz-session: first save:\n");
      fwrite (g_bytes_get_data (saved, NULL), 1, g_bytes_get_size (saved), stderr);
      fail ("second save differs:", saved_again);
    }

  return 0;
}
