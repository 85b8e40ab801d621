/* rg-test-zip.c — reading back the zips the exports write (ODT, QDPX)
 *
 * With libgsf's zip reader, another reader than the writer's own
 * code: every part, folders walked, in the order of the zip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>

#include "rg-test-zip.h"

static void
read_folder (RgTestZip  *zip,
             GsfInfile  *folder,
             const char *prefix)
{
  for (int i = 0; i < gsf_infile_num_children (folder); i++)
    {
      GsfInput *child = gsf_infile_child_by_index (folder, i);
      g_autofree char *name = g_strconcat (prefix, gsf_infile_name_by_index (folder, i), NULL);

      g_assert_nonnull (child);
      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          g_autofree char *folder_prefix = g_strconcat (name, "/", NULL);

          read_folder (zip, GSF_INFILE (child), folder_prefix);
        }
      else
        {
          gsf_off_t size = gsf_input_size (child);
          const guint8 *data = size > 0 ? gsf_input_read (child, size, NULL) : NULL;

          g_assert_true (size == 0 || data != NULL);
          g_assert_false (g_hash_table_contains (zip->parts, name));
          g_ptr_array_add (zip->names, g_strdup (name));
          g_hash_table_insert (zip->parts, g_strdup (name), g_bytes_new (data, size));
        }
      g_object_unref (child);
    }
}

/* Reads every part of @bytes, failing the test if it is not a zip */
RgTestZip *
rg_test_zip_read (GBytes *bytes)
{
  RgTestZip *zip = g_new0 (RgTestZip, 1);
  g_autoptr(GError) error = NULL;
  GsfInput *input;
  GsfInfile *infile;

  zip->names = g_ptr_array_new_with_free_func (g_free);
  zip->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_bytes_unref);

  input = gsf_input_memory_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), FALSE);
  infile = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  g_assert_nonnull (infile);

  read_folder (zip, infile, "");
  g_object_unref (infile);
  g_object_unref (input);

  return zip;
}

/* The part @name, failing the test if there is none */
GBytes *
rg_test_zip_get (RgTestZip  *zip,
                 const char *name)
{
  GBytes *part = g_hash_table_lookup (zip->parts, name);

  if (part == NULL)
    g_error ("The zip has no %s", name);
  return part;
}

char *
rg_test_zip_get_text (RgTestZip  *zip,
                      const char *name)
{
  GBytes *part = rg_test_zip_get (zip, name);

  return g_strndup (g_bytes_get_data (part, NULL), g_bytes_get_size (part));
}

void
rg_test_zip_free (RgTestZip *zip)
{
  g_ptr_array_unref (zip->names);
  g_hash_table_unref (zip->parts);
  g_free (zip);
}
