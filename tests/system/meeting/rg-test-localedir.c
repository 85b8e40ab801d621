/* rg-test-localedir.c — the built translations, for the built app
 *
 * The app binds its text domain to the installed locale folder. The
 * end-to-end test runs the app from the build tree, in French, before
 * anything is installed: preloaded, this library binds the app's domain
 * to the folder REGARDS_TEST_LOCALEDIR names instead (the build's po/),
 * and leaves every other domain (GTK's, libadwaita's) where it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <dlfcn.h>
#include <libintl.h>
#include <stdlib.h>
#include <string.h>

char *
bindtextdomain (const char *domain,
                const char *dir)
{
  static char *(*real_bindtextdomain) (const char *, const char *);
  const char *test_dir = getenv ("REGARDS_TEST_LOCALEDIR");

  if (real_bindtextdomain == NULL)
    real_bindtextdomain = (char *(*) (const char *, const char *)) dlsym (RTLD_NEXT, "bindtextdomain");

  if (domain != NULL && dir != NULL && test_dir != NULL && test_dir[0] != '\0' &&
      strcmp (domain, GETTEXT_PACKAGE) == 0)
    dir = test_dir;

  return real_bindtextdomain (domain, dir);
}
