/* rg-test-pdf.c — reading a PDF back as a reader would, in tests
 *
 * poppler's pdftotext gives the words of a PDF, and with -bbox where
 * each word is on its page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-test-pdf.h"

/* pdftotext's output for @path, with @option (or none) */
char *
rg_test_pdf_to_text (const char *path,
                     const char *option)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;

  if (program == NULL)
    g_error ("pdftotext (poppler-utils) is needed to read the report back");

  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, (char *) "-enc");
  g_ptr_array_add (argv, (char *) "UTF-8");
  if (option != NULL)
    g_ptr_array_add (argv, (char *) option);
  g_ptr_array_add (argv, (char *) path);
  g_ptr_array_add (argv, (char *) "-");
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftotext failed: %s", err);

  return g_steal_pointer (&out);
}

/* pdfinfo's output for @path, with @option (or none): -struct-text
 * gives the structure of a tagged PDF, each element on its line,
 * indented by its depth, with its text */
char *
rg_test_pdf_info (const char *path,
                  const char *option)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { NULL, "-enc", "UTF-8", option, path, NULL };
  int status;

  if (program == NULL)
    g_error ("pdfinfo (poppler-utils) is needed to read the report back");

  argv[0] = program;
  if (option == NULL)
    {
      argv[3] = path;
      argv[4] = NULL;
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdfinfo failed: %s", err);

  return g_steal_pointer (&out);
}

/* The words of @text with every run of spaces and line breaks as one
 * space, so that what a page wrapped reads as it was written */
char *
rg_test_flatten (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f", -1);
  g_autoptr(GString) flat = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (flat->len > 0)
        g_string_append_c (flat, ' ');
      g_string_append (flat, words[i]);
    }

  return g_string_free (g_steal_pointer (&flat), FALSE);
}

/* Fails unless @expected, flattened, is in @flat_text */
void
rg_test_assert_reads (const char *flat_text,
                      const char *expected)
{
  g_autofree char *flat = rg_test_flatten (expected);

  if (strstr (flat_text, flat) == NULL)
    g_error ("The PDF lacks “%s”", expected);
}

guint
rg_test_pdf_count_pages (const char *path)
{
  g_autofree char *text = rg_test_pdf_to_text (path, NULL);
  guint pages = 0;

  for (const char *p = text; (p = strchr (p, '\f')) != NULL; p++)
    pages++;

  return pages;
}
