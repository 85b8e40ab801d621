/* rg-test-quick-reading.h — the library's quick reading against its loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rg-library-private.h"

/* What the scan no longer compares as it checks (it builds no session):
 * every file of @folder the quick reading indexes, and the loader reads,
 * gets the same record from both. */
static void
assert_quick_reading_agrees (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(RgLibraryRecord) quick = NULL;
      g_autoptr(RgLibraryRecord) loaded = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_quick_reading_agrees (path);
          continue;
        }
      if (!_rg_library_is_session_name (name) ||
          !(bytes = _rg_library_read_file (path, NULL)) ||
          !(quick = _rg_library_record_extract (bytes)) ||
          !(loaded = _rg_library_record_load (path, bytes, NULL)))
        continue;

      g_assert_cmpstr (quick->digest, ==, loaded->digest);
    }
}
