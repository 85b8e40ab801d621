/* rg-zip-writer.c — the zip packages report/ writes: ODT, REFI-QDA
 *
 * A zip in memory, written by libgsf, part after part. A part's path
 * may name one folder ("Pictures/picture-1.png", "sources/….txt"): the
 * parts of one folder are written one after the other, and the folder
 * is closed when a part of another folder, or the end, comes. Never
 * zip64: an ODT's mimetype entry must have no extra field, and no
 * report or project is anywhere near 4 GiB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-zip-writer"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <string.h>

#include "rg-zip-writer-private.h"

struct _RgZipWriter
{
  GsfOutput  *sink;
  GsfOutfile *package;
  GsfOutfile *folder;       /* the folder open, or NULL */
  char       *folder_name;
  gboolean    failed;
};

static gboolean
set_write_error (GsfOutput  *output,
                 GError    **error)
{
  const GError *cause = output != NULL ? gsf_output_error (output) : NULL;

  if (error != NULL && *error != NULL)
    return FALSE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: %s says why, as the system gives it */
               _("Could not write the report: %s"),
               cause != NULL ? cause->message : g_strerror (ENOMEM));
  return FALSE;
}

/* Closes the folder open, if any */
static gboolean
close_folder (RgZipWriter  *self,
              GError      **error)
{
  gboolean closed;

  if (self->folder == NULL)
    return TRUE;

  closed = gsf_output_close (GSF_OUTPUT (self->folder));
  if (!closed)
    set_write_error (GSF_OUTPUT (self->folder), error);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->folder_name, g_free);

  return closed;
}

/**
 * _rg_zip_writer_new:
 *
 * Returns: (transfer full): a writer of an empty zip
 */
RgZipWriter *
_rg_zip_writer_new (void)
{
  RgZipWriter *self = g_new0 (RgZipWriter, 1);

  self->sink = gsf_output_memory_new ();
  self->package = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", self->sink, "zip64", FALSE, NULL);

  return self;
}

/**
 * _rg_zip_writer_add:
 * @self: a writer
 * @path: the part's name, or "FOLDER/NAME"
 * @contents: what it holds
 * @stored: whether to store it as it is (a mimetype, a picture already
 *   compressed) rather than deflate it
 * @error: a location for a #GError
 *
 * Adds a part. The parts of one folder are added one after the other.
 *
 * Returns: whether it was written
 */
gboolean
_rg_zip_writer_add (RgZipWriter  *self,
                    const char   *path,
                    GBytes       *contents,
                    gboolean      stored,
                    GError      **error)
{
  const char *slash = strchr (path, '/');
  g_autofree char *folder_name = slash != NULL ? g_strndup (path, slash - path) : NULL;
  const char *name = slash != NULL ? slash + 1 : path;
  GsfOutput *part;
  gboolean written;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->failed, FALSE);

  if (g_strcmp0 (folder_name, self->folder_name) != 0)
    {
      if (!close_folder (self, error))
        goto failed;
      if (folder_name != NULL)
        {
          self->folder = GSF_OUTFILE (gsf_outfile_new_child (self->package, folder_name, TRUE));
          if (self->folder == NULL)
            {
              set_write_error (NULL, error);
              goto failed;
            }
          self->folder_name = g_steal_pointer (&folder_name);
        }
    }

  part = gsf_outfile_new_child_full (self->folder != NULL ? self->folder : self->package,
                                     name, FALSE,
                                     "compression-level", stored ? GSF_ZIP_STORED : GSF_ZIP_DEFLATED,
                                     NULL);
  if (part == NULL)
    {
      set_write_error (NULL, error);
      goto failed;
    }

  written = gsf_output_write (part, g_bytes_get_size (contents), g_bytes_get_data (contents, NULL));
  written = gsf_output_close (part) && written;
  if (!written)
    set_write_error (part, error);
  g_object_unref (part);
  if (written)
    return TRUE;

failed:
  self->failed = TRUE;
  return FALSE;
}

/**
 * _rg_zip_writer_finish:
 * @self: a writer
 * @error: a location for a #GError
 *
 * Closes the zip. Call it once, then only _rg_zip_writer_free().
 *
 * Returns: (transfer full) (nullable): the zip's bytes, or %NULL with
 *   @error set
 */
GBytes *
_rg_zip_writer_finish (RgZipWriter  *self,
                       GError      **error)
{
  gboolean written;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (!self->failed, NULL);

  written = close_folder (self, error);
  if (!gsf_output_close (GSF_OUTPUT (self->package)) && written)
    written = set_write_error (GSF_OUTPUT (self->package), error);
  if (written && !gsf_output_is_closed (self->sink) && !gsf_output_close (self->sink))
    written = set_write_error (self->sink, error);
  self->failed = TRUE;

  if (!written)
    return NULL;

  return g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (self->sink)),
                      gsf_output_size (self->sink));
}

void
_rg_zip_writer_free (RgZipWriter *self)
{
  if (self == NULL)
    return;

  if (self->folder != NULL && !gsf_output_is_closed (GSF_OUTPUT (self->folder)))
    gsf_output_close (GSF_OUTPUT (self->folder));
  g_clear_object (&self->folder);
  g_free (self->folder_name);
  /* An unfinished package is closed (libgsf asks it) but never read */
  if (!gsf_output_is_closed (GSF_OUTPUT (self->package)))
    gsf_output_close (GSF_OUTPUT (self->package));
  g_object_unref (self->package);
  g_object_unref (self->sink);
  g_free (self);
}
