/* rg-test-utils.h — what every Regards test program shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Points every XDG folder at a fresh private folder, so a test never
 * reads or writes the user's own data, and two test programs never see
 * each other's. Call first thing in main(), before anything asks GLib
 * for a user folder. Returns the folder, removed by the caller if it
 * wants to. */
static inline char *
rg_test_init_environment (void)
{
  static const char *vars[][2] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_STATE_HOME", "state" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };
  GError *error = NULL;
  char *root = g_dir_make_tmp ("regards-test-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      char *path = g_build_filename (root, vars[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (vars[i][0], path, TRUE);
      g_free (path);
    }

  return root;
}
