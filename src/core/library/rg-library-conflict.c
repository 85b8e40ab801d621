/* rg-library-conflict.c — conflict copies in a shared library folder
 *
 * A team shares its library through a sync engine. When two people
 * change the same session before the engine passes the changes on, the
 * engine keeps both: the file, and beside it a conflict copy, named after
 * the file with a mark of its own. Regards makes such copies too, when
 * another program changed a file it was saving (rg-file-io.c).
 *
 * A name alone proves nothing (anyone may call a file "Notes (conflicted
 * copy 2026-12-04 120000).regards"): the library takes a file for a
 * conflict copy only when its original is there too, beside it, and both
 * hold the same session (the same session id). The name tells which file
 * the original is and when the copy was made; the index checks the rest.
 *
 * Merging a copy back is a three-way merge by object id (rg-merge.c),
 * whose base is the version both sides started from, when one is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-conflict"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rg-conflict-name.h"
#include "rg-file-io.h"
#include "rg-library-private.h"
#include "rg-merge.h"
#include "rg-session-xml.h"
#include "rg-trash.h"

/* A session file read whole, with the checksum its next save compares. */
typedef struct
{
  GFile     *file;
  RgSession *session;
  char      *checksum;
  gint64     mtime;      /* microseconds since the epoch */
} Version;

static void
version_free (Version *version)
{
  if (version == NULL)
    return;

  g_clear_object (&version->file);
  g_clear_object (&version->session);
  g_free (version->checksum);
  g_free (version);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Version, version_free)

static Version *
version_load (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(Version) version = g_new0 (Version, 1);
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf st;

  version->file = g_object_ref (file);

  if (g_file_peek_path (file) != NULL && g_stat (g_file_peek_path (file), &st) == 0)
    version->mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;

  if (!(bytes = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, &version->checksum,
                                      cancellable, error)) ||
      !(version->session = rg_session_new_from_bytes (bytes, error)))
    return NULL;

  return g_steal_pointer (&version);
}

/* Offers @path as the common ancestor: kept if it holds the session of
 * @id and is the newest one yet, no newer than @not_after. */
static void
offer_ancestor (Version      **best,
                const char    *path,
                const char    *id,
                gint64         not_after,
                GCancellable  *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(Version) version = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return;

  if (!(version = version_load (file, cancellable, &error)))
    {
      g_debug ("Not an ancestor: %s", error->message);
      return;
    }

  if (g_strcmp0 (rg_session_get_id (version->session), id) != 0 ||
      version->mtime > not_after ||
      (*best != NULL && (*best)->mtime >= version->mtime))
    return;

  g_clear_pointer (best, version_free);
  *best = g_steal_pointer (&version);
}

/* Syncthing keeps the versions a file had, when the folder is set to,
 * as `.stversions/DIR/STEM~20261204-120000.regards`, where DIR is the
 * file's folder from the top of the shared folder; which folder that is
 * we do not know, so every folder from the file's up to the library's
 * is looked at. */
static void
offer_syncthing_versions (Version      **best,
                          const char    *library_folder,
                          const char    *dir,
                          const char    *name,
                          const char    *id,
                          gint64         not_after,
                          GCancellable  *cancellable)
{
  g_autofree char *top = g_strdup (dir);
  g_autofree char *inside = library_folder != NULL
                            ? g_strconcat (library_folder, G_DIR_SEPARATOR_S, NULL) : NULL;

  for (;;)
    {
      g_autofree char *below = NULL;
      g_autofree char *versions = NULL;
      g_autofree char *parent = NULL;
      g_autoptr(GDir) listing = NULL;
      const char *entry;

      below = g_str_equal (top, dir) ? g_strdup ("") : g_strdup (dir + strlen (top) + 1);
      versions = g_build_filename (top, ".stversions", below, NULL);

      if ((listing = g_dir_open (versions, 0, NULL)))
        while ((entry = g_dir_read_name (listing)) != NULL)
          {
            g_autofree char *path = NULL;

            if (!rg_conflict_name_is_syncthing_version (entry, name))
              continue;

            path = g_build_filename (versions, entry, NULL);
            offer_ancestor (best, path, id, not_after, cancellable);
          }

      /* Up to the library folder, not beyond */
      if (inside == NULL || !g_str_has_prefix (top, inside))
        break;

      parent = g_path_get_dirname (top);
      if (g_str_equal (parent, top))
        break;
      g_free (top);
      top = g_steal_pointer (&parent);
    }
}

/* The version the original and the copy both started from, as far as
 * the kept versions tell: the newest of them (Regards' backup `NAME~`,
 * Syncthing's versions) that holds the same session and is no newer than
 * either. %NULL when none is kept: then the merge keeps what either side
 * has, and both values of what both changed. */
static Version *
find_ancestor (RgLibrary    *self,
               Version      *original,
               Version      *copy,
               GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (original->file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  const char *id = rg_session_get_id (original->session);
  gint64 not_after = MIN (original->mtime, copy->mtime);
  Version *best = NULL;

  offer_ancestor (&best, backup, id, not_after, cancellable);
  offer_syncthing_versions (&best, rg_library_get_folder (self), dir, name, id, not_after,
                            cancellable);

  if (best != NULL)
    g_debug ("Merging %s with %s as the common ancestor", name,
             g_file_peek_path (best->file));

  return best;
}

static void
set_not_a_copy_error (GError **error,
                      GFile   *copy)
{
  g_autofree char *name = g_file_get_basename (copy);
  g_autofree char *display = g_filename_display_name (name);

  g_set_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_NOT_A_CONFLICT_COPY,
               _("“%s” is not a conflict copy of a session beside it, so it cannot be merged."),
               display);
}

/**
 * rg_library_merge_conflict_copy:
 * @self: a #RgLibrary
 * @copy: a conflict copy (see rg_library_entry_get_conflict_of ())
 * @stats: (out caller-allocates) (optional): what the merge changed in
 *   the original
 * @trashed: (out) (optional) (transfer full) (nullable): where the copy
 *   went in the Trash, when it can be found there
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Merges a conflict copy back into its original: the two are merged
 * object by object (rg_session_merge ()), with the version both started
 * from as the base when one is still kept (the newest of the original's
 * backup `NAME~` and Syncthing's versions in `.stversions` holding the
 * same session, no newer than either); what both changed keeps both
 * values, for the team to choose. The original is then saved, atomically
 * and only if nobody changed it meanwhile, and the copy goes to the
 * Trash. The index follows.
 *
 * Does blocking I/O: call it from a thread. RgLibrary::changed is
 * emitted in the library's thread.
 *
 * Returns: %TRUE if the original holds the merge and the copy is in the
 *   Trash; %FALSE with @error set otherwise: @copy is not a conflict copy
 *   of a session beside it (%RG_LIBRARY_ERROR_NOT_A_CONFLICT_COPY), a
 *   file cannot be read, the original changed during the merge
 *   (%RG_DOCUMENT_ERROR_CONFLICT: the merge then went to a new conflict
 *   copy), or the copy could not go to the Trash (the original holds the
 *   merge)
 */
gboolean
rg_library_merge_conflict_copy (RgLibrary     *self,
                                GFile         *copy,
                                RgMergeStats  *stats,
                                GFile        **trashed,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autofree char *copy_name = NULL;
  g_autofree char *original_name = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) original_file = NULL;
  g_autoptr(Version) original = NULL;
  g_autoptr(Version) theirs = NULL;
  g_autoptr(Version) ancestor = NULL;
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GError) trash_error = NULL;
  RgMergeStats local_stats = { 0, };

  g_return_val_if_fail (RG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (copy), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (trashed != NULL)
    *trashed = NULL;
  if (stats != NULL)
    memset (stats, 0, sizeof *stats);

  copy_name = g_file_get_basename (copy);
  dir = g_file_get_parent (copy);
  if (dir == NULL || !(original_name = rg_conflict_name_parse (copy_name, NULL)))
    {
      set_not_a_copy_error (error, copy);
      return FALSE;
    }

  original_file = g_file_get_child (dir, original_name);
  if (!(original = version_load (original_file, cancellable, error)) ||
      !(theirs = version_load (copy, cancellable, error)))
    return FALSE;

  /* The same name and another session: not a copy of it */
  if (g_strcmp0 (rg_session_get_id (original->session), rg_session_get_id (theirs->session)) != 0)
    {
      set_not_a_copy_error (error, copy);
      return FALSE;
    }

  ancestor = find_ancestor (self, original, theirs, cancellable);

  if (!rg_session_merge (original->session, ancestor != NULL ? ancestor->session : NULL,
                         theirs->session, &local_stats, error))
    return FALSE;

  merged = rg_session_to_bytes (original->session);
  if (!rg_file_write_atomic (original_file, merged, original->checksum, NULL, NULL,
                             cancellable, error))
    return FALSE;

  if (!rg_trash_file (copy, trashed, cancellable, &trash_error))
    {
      g_autofree char *display = g_file_get_parse_name (original_file);

      _rg_library_update_from_any_thread (self, original_file, original->session, NULL, NULL);
      /* Translators: %s is the name of a file, then why the copy could
       * not be moved to the Trash */
      g_set_error (error, trash_error->domain, trash_error->code,
                   _("The copy was merged into “%s”, but stays beside it: %s"),
                   display, trash_error->message);
      return FALSE;
    }

  if (stats != NULL)
    *stats = local_stats;

  return _rg_library_update_from_any_thread (self, original_file, original->session, copy, error);
}
