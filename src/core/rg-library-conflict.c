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

#include "rg-file-io.h"
#include "rg-library-private.h"
#include "rg-merge.h"
#include "rg-session-xml.h"
#include "rg-trash.h"

/* What the marks of the engines hold: a date and a time, written in
 * each engine's own way. */
typedef struct
{
  int year;
  int month;
  int day;
  int hour;
  int minute;
  int second;
} Stamp;

/* Reads @n digits at @p, or returns -1. */
static int
read_digits (const char *p,
             guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }

  return value;
}

/* Reads @p against @shape, where 'Y', 'M', 'D', 'h', 'm' and 's' are the
 * digits of the year (4), month, day, hours, minutes and seconds (2
 * each), and any other character stands for itself. The whole of @p, of
 * @len bytes, must fit. */
static gboolean
read_stamp (const char *p,
            gsize       len,
            const char *shape,
            Stamp      *stamp)
{
  static const struct { char c; guint n; gsize offset; } fields[] = {
    { 'Y', 4, G_STRUCT_OFFSET (Stamp, year) },
    { 'M', 2, G_STRUCT_OFFSET (Stamp, month) },
    { 'D', 2, G_STRUCT_OFFSET (Stamp, day) },
    { 'h', 2, G_STRUCT_OFFSET (Stamp, hour) },
    { 'm', 2, G_STRUCT_OFFSET (Stamp, minute) },
    { 's', 2, G_STRUCT_OFFSET (Stamp, second) },
  };
  const char *end = p + len;

  memset (stamp, 0, sizeof *stamp);

  while (*shape != '\0')
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (fields) && fields[i].c != *shape; i++)
        ;

      if (i == G_N_ELEMENTS (fields))
        {
          if (p >= end || *p != *shape)
            return FALSE;
          p++;
          shape++;
          continue;
        }

      if ((gsize) (end - p) < fields[i].n)
        return FALSE;
      G_STRUCT_MEMBER (int, stamp, fields[i].offset) = read_digits (p, fields[i].n);
      if (G_STRUCT_MEMBER (int, stamp, fields[i].offset) < 0)
        return FALSE;
      p += fields[i].n;
      /* One letter per field in the shape: "YYYY" would read it twice */
      shape++;
    }

  return p == end;
}

/* The length of @shape once read: what read_stamp () wants of it. */
static gsize
stamp_length (const char *shape)
{
  gsize len = 0;

  for (const char *p = shape; *p != '\0'; p++)
    len += *p == 'Y' ? 4 : strchr ("MDhms", *p) != NULL ? 2 : 1;

  return len;
}

/* Whether @p, of @len bytes, ends with @suffix; then @len shrinks. */
static gboolean
strip_suffix (const char *p,
              gsize      *len,
              const char *suffix)
{
  gsize n = strlen (suffix);

  if (*len < n || memcmp (p + *len - n, suffix, n) != 0)
    return FALSE;

  *len -= n;
  return TRUE;
}

/* The last occurrence of @needle in the @len first bytes of @p. */
static const char *
find_last (const char *p,
           gsize       len,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = len; i >= n; i--)
    if (memcmp (p + i - n, needle, n) == 0)
      return p + i - n;

  return NULL;
}

/* Each pattern reads the end of a name's stem (the name without
 * .regards, before which every engine puts its mark) and says where the
 * mark starts; it fills @stamp. */
typedef gboolean (*MarkFunc) (const char *stem,
                              gsize       len,
                              gsize      *mark,
                              Stamp      *stamp);

/* Syncthing: "NAME.sync-conflict-20261204-120000-ABCDEF7", the end a
 * short device id (7 characters of base 32). */
static gboolean
mark_syncthing (const char *stem,
                gsize       len,
                gsize      *mark,
                Stamp      *stamp)
{
  static const char prefix[] = ".sync-conflict-";
  gsize stamp_len = stamp_length ("YMD-hms");
  gsize total = strlen (prefix) + stamp_len + 1 + 7;
  const char *p;

  if (len < total)
    return FALSE;

  p = stem + len - total;
  if (memcmp (p, prefix, strlen (prefix)) != 0 ||
      !read_stamp (p + strlen (prefix), stamp_len, "YMD-hms", stamp) ||
      p[strlen (prefix) + stamp_len] != '-')
    return FALSE;

  for (const char *id = stem + len - 7; id < stem + len; id++)
    if (!g_ascii_isupper (*id) && !(*id >= '2' && *id <= '7'))
      return FALSE;

  *mark = p - stem;
  return TRUE;
}

/* Nextcloud's and ownCloud's desktop clients: "NAME (conflicted copy
 * 2026-12-04 120000)", with the user's name before the date since
 * Nextcloud 3.0 ("NAME (conflicted copy Camille Martin 2026-12-04
 * 120000)"; parentheses in it become "_"). */
static gboolean
mark_nextcloud (const char *stem,
                gsize       len,
                gsize      *mark,
                Stamp      *stamp)
{
  static const char prefix[] = " (conflicted copy ";
  gsize stamp_len = stamp_length ("Y-M-D hms");
  const char *start;
  const char *inside;

  if (!strip_suffix (stem, &len, ")") || len < stamp_len ||
      !read_stamp (stem + len - stamp_len, stamp_len, "Y-M-D hms", stamp) ||
      !(start = find_last (stem, len - stamp_len, prefix)))
    return FALSE;

  /* Between the prefix and the date: nothing, or a user's name and a
   * space. */
  inside = start + strlen (prefix);
  if (inside != stem + len - stamp_len)
    {
      if (inside + 1 >= stem + len - stamp_len || stem[len - stamp_len - 1] != ' ')
        return FALSE;
      for (const char *p = inside; p < stem + len - stamp_len; p++)
        if (*p == '(' || *p == ')')
          return FALSE;
    }

  *mark = start - stem;
  return TRUE;
}

/* The older clients of ownCloud and Nextcloud: "NAME_conflict-20261204-120000". */
static gboolean
mark_owncloud (const char *stem,
               gsize       len,
               gsize      *mark,
               Stamp      *stamp)
{
  static const char prefix[] = "_conflict-";
  gsize stamp_len = stamp_length ("YMD-hms");

  if (len < strlen (prefix) + stamp_len ||
      !read_stamp (stem + len - stamp_len, stamp_len, "YMD-hms", stamp) ||
      memcmp (stem + len - stamp_len - strlen (prefix), prefix, strlen (prefix)) != 0)
    return FALSE;

  *mark = len - stamp_len - strlen (prefix);
  return TRUE;
}

/* Dropbox: "NAME (Camille's conflicted copy 2026-12-04)", and when that
 * is taken, "… 2026-12-04 (1))". The name is the user's or the
 * computer's; the apostrophe may be typographic. Dropbox gives no time
 * of day. */
static gboolean
mark_dropbox (const char *stem,
              gsize       len,
              gsize      *mark,
              Stamp      *stamp)
{
  static const char * const owners[] = { "'s conflicted copy ", "\xe2\x80\x99s conflicted copy " };
  gsize stamp_len = stamp_length ("Y-M-D");
  const char *owner = NULL;
  const char *start;

  if (!strip_suffix (stem, &len, ")"))
    return FALSE;

  /* " (1)": the number Dropbox adds to tell copies of the same day apart */
  if (len > 0 && stem[len - 1] == ')')
    {
      gsize digits = len - 1;

      while (digits > 0 && g_ascii_isdigit (stem[digits - 1]))
        digits--;
      if (digits == len - 1 || digits < 2 || stem[digits - 1] != '(' || stem[digits - 2] != ' ')
        return FALSE;
      len = digits - 2;
    }

  if (len < stamp_len || !read_stamp (stem + len - stamp_len, stamp_len, "Y-M-D", stamp))
    return FALSE;
  len -= stamp_len;

  for (guint i = 0; i < G_N_ELEMENTS (owners) && owner == NULL; i++)
    if (strip_suffix (stem, &len, owners[i]))
      owner = owners[i];

  /* The name of the owner, not empty, after " (" */
  if (owner == NULL || !(start = find_last (stem, len, " (")) || start + 2 == stem + len)
    return FALSE;

  *mark = start - stem;
  return TRUE;
}

/* Regards' own, from rg-file-io.c: "NAME (conflict 2026-12-04 12-00-00)",
 * and " 2" … after the time when that name is taken. Read in English
 * and in the language of the user, whose Regards names its copies so. */
static gboolean
mark_regards_in (const char *format,
                 const char *stem,
                 gsize       len,
                 gsize      *mark,
                 Stamp      *stamp)
{
  const char *first = strstr (format, "%s");
  const char *second = first != NULL ? strstr (first + 2, "%s") : NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize stamp_len = stamp_length ("Y-M-D h-m-s");
  const char *start;
  gsize end;

  /* A translation that is not of the expected shape is not read */
  if (first != format || second == NULL || strstr (second + 2, "%") != NULL ||
      second == first + 2)
    return FALSE;

  before = g_strndup (first + 2, second - first - 2);
  after = g_strdup (second + 2);

  if (!strip_suffix (stem, &len, after))
    return FALSE;

  /* " 2", " 3"…: the number of a copy made in the same second */
  end = len;
  while (end > 0 && g_ascii_isdigit (stem[end - 1]))
    end--;
  if (end < len && end > 0 && stem[end - 1] == ' ' && stem[end] != '0')
    len = end - 1;

  if (len < stamp_len || !read_stamp (stem + len - stamp_len, stamp_len, "Y-M-D h-m-s", stamp))
    return FALSE;
  len -= stamp_len;

  if (!strip_suffix (stem, &len, before))
    return FALSE;

  start = stem + len;
  *mark = start - stem;
  return TRUE;
}

static gboolean
mark_regards (const char *stem,
              gsize       len,
              gsize      *mark,
              Stamp      *stamp)
{
  /* The same words as rg-file-io.c's, and so their translation */
  const char *translated = _("%s (conflict %s)");

  return mark_regards_in ("%s (conflict %s)", stem, len, mark, stamp) ||
         mark_regards_in (translated, stem, len, mark, stamp);
}

/* Every mark of every engine, the most specific first. */
static const MarkFunc marks[] = {
  mark_syncthing,
  mark_nextcloud,
  mark_owncloud,
  mark_dropbox,
  mark_regards,
};

/**
 * rg_library_parse_conflict_name:
 * @name: the name of a file, without its folder
 * @time: (out) (optional) (transfer full) (nullable): when the copy was
 *   made, in local time, as its name says (Dropbox's say the day only:
 *   midnight)
 *
 * Reads the name of a conflict copy of a session file, as Syncthing
 * (`NAME.sync-conflict-20261204-120000-ABCDEF7.regards`), Nextcloud's
 * desktop client (`NAME (conflicted copy 2026-12-04 120000).regards`,
 * with the user's name before the date in recent versions), older
 * ownCloud and Nextcloud clients (`NAME_conflict-20261204-120000.regards`),
 * Dropbox (`NAME (Camille's conflicted copy 2026-12-04).regards`, with
 * " (1)" after the date for the next ones) and Regards itself
 * (`NAME (conflict 2026-12-04 12-00-00).regards`, in English or in the
 * user's language) name them.
 *
 * Only the name is read: whether the file is a copy of that original
 * (the same session, see rg_library_entry_get_conflict_of ()) is for the
 * caller to check.
 *
 * Returns: (transfer full) (nullable): the name of the original file,
 *   beside the copy, or %NULL if @name is not the name of a conflict copy
 */
char *
rg_library_parse_conflict_name (const char  *name,
                                GDateTime  **time)
{
  gsize len;

  g_return_val_if_fail (name != NULL, NULL);

  if (time != NULL)
    *time = NULL;

  if (!g_str_has_suffix (name, RG_LIBRARY_FILE_SUFFIX))
    return NULL;

  len = strlen (name) - strlen (RG_LIBRARY_FILE_SUFFIX);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *stem = NULL;
      gsize mark = 0;
      Stamp stamp;

      if (!marks[i] (name, len, &mark, &stamp))
        continue;

      /* Checks the date too: "2026-13-45" is not one */
      when = g_date_time_new_local (stamp.year, stamp.month, stamp.day,
                                    stamp.hour, stamp.minute, stamp.second);
      if (when == NULL || mark == 0)
        continue;

      if (time != NULL)
        *time = g_steal_pointer (&when);

      stem = g_strndup (name, mark);
      return g_strconcat (stem, RG_LIBRARY_FILE_SUFFIX, NULL);
    }

  return NULL;
}

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
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (RG_LIBRARY_FILE_SUFFIX));
  g_autofree char *prefix = g_strconcat (stem, "~", NULL);
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
            const char *tag;
            gsize tag_len;
            Stamp stamp;

            if (!g_str_has_prefix (entry, prefix) ||
                !g_str_has_suffix (entry, RG_LIBRARY_FILE_SUFFIX))
              continue;

            tag = entry + strlen (prefix);
            tag_len = strlen (tag) - strlen (RG_LIBRARY_FILE_SUFFIX);
            if (!read_stamp (tag, tag_len, "YMD-hms", &stamp))
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
  if (dir == NULL || !(original_name = rg_library_parse_conflict_name (copy_name, NULL)))
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
