/* rg-test-session.c — loading sessions, in core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-test-session.h"

/* data/examples/exemple-eleve-a.regards in the source tree */
char *
rg_test_example_path (void)
{
  return g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), "data", "examples",
                           "exemple-eleve-a.regards", NULL);
}

/* The session in @path, loaded as the app loads a file */
RgSession *
rg_test_load_session (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RgSession *session;

  bytes = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, NULL, NULL, &error);
  g_assert_no_error (error);
  session = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  return session;
}

/* The example session */
RgSession *
rg_test_load_example (void)
{
  g_autofree char *path = rg_test_example_path ();

  return rg_test_load_session (path);
}
