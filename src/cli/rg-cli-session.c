/* rg-cli-session.c — what the commands on one session file share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rg-cli-display.h"
#include "rg-cli-session.h"
#include "rg-file-io.h"
#include "rg-session-xml.h"

/**
 * rg_cli_session_load:
 * @path: a file name, as given on the command line
 * @error: a location for a #GError
 *
 * Reads @path as the application does (never more than
 * %RG_SESSION_MAX_SIZE bytes) and loads the session it holds. The
 * message of @error is the reason alone, without the name of the file,
 * which rg_cli_session_print_error() puts in front of it.
 *
 * Returns: (transfer full) (nullable): the session
 */
RgSession *
rg_cli_session_load (const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) contents = NULL;

  contents = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, NULL, NULL, error);
  if (contents == NULL)
    return NULL;

  return rg_session_new_from_bytes (contents, error);
}

/**
 * rg_cli_session_print_error:
 * @path: a file name, as given on the command line
 * @error: why @path could not be used
 *
 * Prints “PATH: reason” on one line of stderr, so that a list of bad
 * files can be read (or filtered) line by line.
 */
void
rg_cli_session_print_error (const char   *path,
                            const GError *error)
{
  g_autofree char *name = rg_cli_display_name (path);
  /* One file, one line: a reason never spans several */
  g_autofree char *reason = rg_cli_display_message (error->message);

  g_printerr ("%s: %s\n", name, reason);
}
