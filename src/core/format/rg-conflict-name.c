/* rg-conflict-name.c — the names sync engines give conflict copies
 *
 * When two people change the same session before their sync engine
 * passes the changes on, the engine keeps both: the file, and beside it
 * a conflict copy named after the file with a mark of its own. Regards
 * names its own copies too, when another program changed a file it was
 * saving (rg-file-io.c). This reads such names; whether a file really is
 * a copy of its original (the same session) is for the library to check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-conflict-name"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rg-conflict-name.h"

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
 * rg_conflict_name_parse:
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
rg_conflict_name_parse (const char  *name,
                                GDateTime  **time)
{
  gsize len;

  g_return_val_if_fail (name != NULL, NULL);

  if (time != NULL)
    *time = NULL;

  if (!g_str_has_suffix (name, RG_SESSION_FILE_SUFFIX))
    return NULL;

  len = strlen (name) - strlen (RG_SESSION_FILE_SUFFIX);

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
      return g_strconcat (stem, RG_SESSION_FILE_SUFFIX, NULL);
    }

  return NULL;
}

/**
 * rg_conflict_name_is_syncthing_version:
 * @name: the name of a file in Syncthing's `.stversions` folder
 * @original: the name of a session file
 *
 * Returns: whether @name is the name Syncthing gives an older version
 *   of @original when it keeps versions (`NAME~20261204-120000.regards`)
 */
gboolean
rg_conflict_name_is_syncthing_version (const char *name,
                                       const char *original)
{
  gsize stem_len;
  gsize tag_len;
  Stamp stamp;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (original != NULL, FALSE);

  if (!g_str_has_suffix (original, RG_SESSION_FILE_SUFFIX) ||
      !g_str_has_suffix (name, RG_SESSION_FILE_SUFFIX))
    return FALSE;

  stem_len = strlen (original) - strlen (RG_SESSION_FILE_SUFFIX);
  if (strncmp (name, original, stem_len) != 0 || name[stem_len] != '~')
    return FALSE;

  tag_len = strlen (name) - stem_len - 1 - strlen (RG_SESSION_FILE_SUFFIX);
  return read_stamp (name + stem_len + 1, tag_len, "YMD-hms", &stamp);
}
