/* test-cli-stats.c — regards-cli stats, run as a user would
 *
 * Each test spawns the built regards-cli and checks what it prints, as
 * text and as JSON, against RgStatistics computed here on the same file.
 * The JSON is read back with a strict reader (no JSON library is a
 * dependency), so that escaping mistakes fail the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-statistics.h"
#include "rg-test-utils.h"

#define N_TYPES (RG_LINK_TYPE_CLARIFY + 1)

/* A temporary folder of the test program */
static char *work_dir;

/* {{{ Running regards-cli */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs regards-cli with the NULL-terminated arguments, in work_dir */
static void
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (g_getenv ("REGARDS_BUILD_ROOT"));
  g_ptr_array_add (argv, g_build_filename (g_getenv ("REGARDS_BUILD_ROOT"),
                                           "src", "cli", "regards-cli", NULL));
  g_assert_true (g_file_test (argv->pdata[0], G_FILE_TEST_IS_EXECUTABLE));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (work_dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* }}} */
/* {{{ A strict JSON reader (RFC 8259), into GVariants
 *
 * object → a{sv}, array → av, string → s, number → d, true/false → b,
 * null → mv (nothing). Returns NULL on anything that is not JSON. */

static GVariant *json_value (const char **p);

static void
json_space (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static gboolean
json_hex4 (const char **p,
           gunichar    *value)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (**p);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
      (*p)++;
    }

  return TRUE;
}

static char *
json_string (const char **p)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (**p != '"')
    return NULL;

  for ((*p)++; **p != '"'; )
    {
      guchar c = **p;

      if (c == '\0' || c < 0x20)
        return NULL;

      if (c != '\\')
        {
          g_string_append_c (out, c);
          (*p)++;
          continue;
        }

      (*p)++;
      switch (*(*p)++)
        {
        case '"':  g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/':  g_string_append_c (out, '/'); break;
        case 'b':  g_string_append_c (out, '\b'); break;
        case 'f':  g_string_append_c (out, '\f'); break;
        case 'n':  g_string_append_c (out, '\n'); break;
        case 'r':  g_string_append_c (out, '\r'); break;
        case 't':  g_string_append_c (out, '\t'); break;

        case 'u':
          {
            gunichar value;

            if (!json_hex4 (p, &value))
              return NULL;

            if (value >= 0xd800 && value < 0xdc00)
              {
                gunichar low;

                if ((*p)[0] != '\\' || (*p)[1] != 'u')
                  return NULL;
                *p += 2;
                if (!json_hex4 (p, &low) || low < 0xdc00 || low >= 0xe000)
                  return NULL;
                value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (value >= 0xdc00 && value < 0xe000)
              return NULL;

            g_string_append_unichar (out, value);
          }
          break;

        default:
          return NULL;
        }
    }

  (*p)++;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GVariant *
json_number (const char **p)
{
  const char *start = *p;
  g_autofree char *text = NULL;

  if (**p == '-')
    (*p)++;
  if (**p == '0')
    (*p)++;
  else if (**p >= '1' && **p <= '9')
    while (g_ascii_isdigit (**p))
      (*p)++;
  else
    return NULL;

  if (**p == '.')
    {
      (*p)++;
      if (!g_ascii_isdigit (**p))
        return NULL;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }

  if (**p == 'e' || **p == 'E')
    {
      (*p)++;
      if (**p == '+' || **p == '-')
        (*p)++;
      if (!g_ascii_isdigit (**p))
        return NULL;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }

  text = g_strndup (start, *p - start);
  return g_variant_new_double (g_ascii_strtod (text, NULL));
}

static GVariant *
json_object (const char **p)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  (*p)++;
  json_space (p);
  if (**p == '}')
    {
      (*p)++;
      return g_variant_builder_end (&builder);
    }

  for (;;)
    {
      char *name;
      GVariant *value;

      json_space (p);
      if ((name = json_string (p)) == NULL || !g_hash_table_add (seen, name))
        break;
      json_space (p);
      if (*(*p)++ != ':')
        break;
      if ((value = json_value (p)) == NULL)
        break;
      g_variant_builder_add (&builder, "{sv}", name, value);

      json_space (p);
      if (**p == '}')
        {
          (*p)++;
          return g_variant_builder_end (&builder);
        }
      if (*(*p)++ != ',')
        break;
    }

  g_variant_builder_clear (&builder);
  return NULL;
}

static GVariant *
json_array (const char **p)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("av"));
  (*p)++;
  json_space (p);
  if (**p == ']')
    {
      (*p)++;
      return g_variant_builder_end (&builder);
    }

  for (;;)
    {
      GVariant *value = json_value (p);

      if (value == NULL)
        break;
      g_variant_builder_add (&builder, "v", value);

      json_space (p);
      if (**p == ']')
        {
          (*p)++;
          return g_variant_builder_end (&builder);
        }
      if (*(*p)++ != ',')
        break;
    }

  g_variant_builder_clear (&builder);
  return NULL;
}

static GVariant *
json_value (const char **p)
{
  char *text;

  json_space (p);

  switch (**p)
    {
    case '{':
      return json_object (p);

    case '[':
      return json_array (p);

    case '"':
      text = json_string (p);
      return text != NULL ? g_variant_new_take_string (text) : NULL;

    case 't':
      if (!g_str_has_prefix (*p, "true"))
        return NULL;
      *p += 4;
      return g_variant_new_boolean (TRUE);

    case 'f':
      if (!g_str_has_prefix (*p, "false"))
        return NULL;
      *p += 5;
      return g_variant_new_boolean (FALSE);

    case 'n':
      if (!g_str_has_prefix (*p, "null"))
        return NULL;
      *p += 4;
      return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);

    default:
      return json_number (p);
    }
}

static GVariant *
parse_json (const char *text)
{
  const char *p = text;
  g_autoptr(GVariant) value = NULL;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  value = json_value (&p);
  g_assert_nonnull (value);
  json_space (&p);
  g_assert_cmpint (*p, ==, '\0');

  return g_variant_ref_sink (g_steal_pointer (&value));
}

/* The value at @path in nested objects (“links.divergence.open”) */
static GVariant *
json_get (GVariant   *object,
          const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, ".", -1);
  g_autoptr(GVariant) value = g_variant_ref (object);

  for (guint i = 0; names[i] != NULL; i++)
    {
      GVariant *inner;

      g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE ("a{sv}")));
      inner = g_variant_lookup_value (value, names[i], NULL);
      g_assert_nonnull (inner);
      g_variant_unref (value);
      value = inner;
    }

  return g_steal_pointer (&value);
}

static guint
json_get_uint (GVariant   *object,
               const char *path)
{
  g_autoptr(GVariant) value = json_get (object, path);
  double number;

  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE));
  number = g_variant_get_double (value);
  g_assert_cmpfloat (number, >=, 0);
  g_assert_cmpfloat (number, ==, (double) (guint) number);

  return (guint) number;
}

static double
json_get_double (GVariant   *object,
                 const char *path)
{
  g_autoptr(GVariant) value = json_get (object, path);

  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE));
  return g_variant_get_double (value);
}

static char *
json_get_string (GVariant   *object,
                 const char *path)
{
  g_autoptr(GVariant) value = json_get (object, path);

  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING));
  return g_variant_dup_string (value, NULL);
}

/* Element @i of an array (av) */
static GVariant *
json_index (GVariant *array,
            gsize     i)
{
  g_autoptr(GVariant) boxed = NULL;

  g_assert_true (g_variant_is_of_type (array, G_VARIANT_TYPE ("av")));
  g_assert_cmpuint (i, <, g_variant_n_children (array));
  boxed = g_variant_get_child_value (array, i);

  return g_variant_get_variant (boxed);
}

/* The reader itself refuses what is not JSON */
static void
test_json_reader (void)
{
  static const char *valid[] = {
    "{}", "[]", "[1, -0.5, 2e3, true, false, null]", "{\"a\": {\"b\": [\"\\u00e9\\ud83d\\ude00\"]}}",
  };
  static const char *invalid[] = {
    "{", "[1,]", "{\"a\": 1,}", "{\"a\" 1}", "[01]", "[1.]", "[\"\t\"]", "[\"\\x\"]",
    "{\"a\": 1, \"a\": 2}", "[\"\\udc00\"]", "nul", "[1] [2]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GVariant) value = parse_json (valid[i]);

      g_assert_nonnull (value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      const char *p = invalid[i];
      g_autoptr(GVariant) value = json_value (&p);

      if (value != NULL)
        {
          g_variant_ref_sink (value);
          json_space (&p);
        }
      g_assert_true (value == NULL || *p != '\0');
    }

  {
    g_autoptr(GVariant) value = parse_json ("{\"a\": {\"b\": [\"\\u00e9\\ud83d\\ude00\", 3]}}");
    g_autoptr(GVariant) array = json_get (value, "a.b");
    g_autoptr(GVariant) first = json_index (array, 0);
    g_autoptr(GVariant) second = json_index (array, 1);

    g_assert_cmpstr (g_variant_get_string (first, NULL), ==, "é😀");
    g_assert_cmpfloat (g_variant_get_double (second), ==, 3);
  }
}

/* }}} */
/* {{{ Sessions */

static char *
example_path (void)
{
  g_assert_nonnull (g_getenv ("REGARDS_SOURCE_ROOT"));
  return g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), "data", "examples",
                           "exemple-eleve-a.regards", NULL);
}

static RgSession *
load_file (const char *path)
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

static char *
save_in_work_dir (RgSession  *session,
                  const char *name)
{
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (work_dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

static RgPartner *
add_partner (RgSession  *session,
             const char *name)
{
  g_autoptr(RgPartner) partner = rg_partner_new ();

  rg_partner_set_name (partner, name);
  rg_session_add_partner (session, partner);

  return partner;
}

static const char *
say (RgSession   *session,
     RgPartner   *partner,
     RgDimension *dimension,
     const char  *text)
{
  g_autoptr(RgStatement) statement = rg_statement_new (rg_partner_get_id (partner),
                                                       rg_dimension_get_id (dimension),
                                                       RG_STATEMENT_KIND_FACT, text);

  rg_session_add_statement (session, statement);

  return rg_statement_get_id (statement);
}

static void
link_two (RgSession    *session,
          RgLinkType    type,
          RgLinkStatus  status,
          const char   *first,
          const char   *second)
{
  g_autoptr(RgLink) link = rg_link_new (type);
  const char *ids[] = { first, second, NULL };

  rg_link_set_members (link, ids);
  rg_link_set_status (link, status);
  rg_session_add_link (session, link);
}

static RgSession *
new_session (void)
{
  RgSession *session = rg_session_new ();

  rg_session_set_title (session, "Revue de situation");
  rg_session_set_situation_label (session, "Élève B., 6e");

  return session;
}

/* }}} */
/* {{{ Text output */

/* @text's lines, each with its runs of spaces made one, so that a table
 * row compares whatever the width of its columns */
static GPtrArray *
squeezed_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      gboolean space = FALSE;

      for (const char *p = lines[i]; *p != '\0'; p++)
        {
          if (*p == ' ')
            space = TRUE;
          else
            {
              if (space && line->len > 0)
                g_string_append_c (line, ' ');
              space = FALSE;
              g_string_append_c (line, *p);
            }
        }

      g_ptr_array_add (result, g_string_free (g_steal_pointer (&line), FALSE));
    }

  return result;
}

static gboolean
has_line (GPtrArray  *lines,
          const char *line)
{
  return g_ptr_array_find_with_equal_func (lines, line, g_str_equal, NULL);
}

static void
append_counts (GString *row,
               guint    count,
               guint    open)
{
  if (open > 0)
    g_string_append_printf (row, " %u (%u open)", count, open);
  else
    g_string_append_printf (row, " %u", count);
}

static void
test_example_text (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(RgSession) session = load_file (path);
  g_autoptr(RgStatistics) stats = rg_statistics_new (session);
  g_autoptr(GPtrArray) lines = NULL;
  const char * const *dimensions = rg_statistics_get_dimension_ids (stats);
  const char * const *partners = rg_statistics_get_partner_ids (stats);
  g_auto(Run) run = { 0 };
  guint n_pair_rows = 0;

  run_cli (&run, "stats", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  lines = squeezed_lines (run.out);

  g_assert_true (has_line (lines, "13 links:"));
  g_assert_true (has_line (lines, "Agreement: 4"));
  g_assert_true (has_line (lines, "Divergence: 4 (2 open)"));
  g_assert_true (has_line (lines, "Complement: 3"));
  g_assert_true (has_line (lines, "To clarify: 2 (1 open)"));
  g_assert_true (has_line (lines, "45 statements:"));
  /* 11/45, 4/45 and 15/45, rounded */
  g_assert_true (has_line (lines, "In at least one agreement: 11 (24%)"));
  g_assert_true (has_line (lines, "In an open divergence: 4 (9%)"));
  g_assert_true (has_line (lines, "Echoed by no other partner: 15 (33%)"));
  g_assert_true (has_line (lines, "Dimension Agreement Divergence Complement To clarify"));
  g_assert_true (has_line (lines, "Partners Agreement Divergence Complement To clarify"));

  /* Every dimension's row says what the core counts */
  for (guint i = 0; dimensions[i] != NULL; i++)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      g_string_append (row, rg_dimension_get_name (rg_session_find_dimension (session,
                                                                              dimensions[i])));
      for (RgLinkType type = 0; type < N_TYPES; type++)
        append_counts (row, rg_statistics_get_dimension_count (stats, dimensions[i], type),
                       rg_statistics_get_dimension_open_count (stats, dimensions[i], type));
      g_assert_true (has_line (lines, row->str));
    }

  /* Every pair joined by a link has its row; the others none */
  for (guint i = 0; partners[i] != NULL; i++)
    for (guint j = i + 1; partners[j] != NULL; j++)
      {
        g_autofree char *names = NULL;
        g_autoptr(GString) row = NULL;
        guint total = 0;

        names = g_strdup_printf ("%s — %s",
                                 rg_partner_get_name (rg_session_find_partner (session, partners[i])),
                                 rg_partner_get_name (rg_session_find_partner (session, partners[j])));
        row = g_string_new (names);
        for (RgLinkType type = 0; type < N_TYPES; type++)
          {
            guint count = rg_statistics_get_pair_count (stats, partners[i], partners[j], type);

            total += count;
            append_counts (row, count,
                           rg_statistics_get_pair_open_count (stats, partners[i], partners[j], type));
          }

        if (total > 0)
          {
            g_assert_true (has_line (lines, row->str));
            n_pair_rows++;
          }
        else
          g_assert_null (strstr (run.out, names));
      }

  /* The pairs counted by hand from the file */
  g_assert_cmpuint (n_pair_rows, ==, 9);
  g_assert_true (has_line (lines, "Mme Roussel — Mme Benali 2 2 (1 open) 1 1"));
  g_assert_null (strstr (run.out, "Mme Perrin — M. Kessler"));
}

/* }}} */
/* {{{ JSON output */

static void
assert_counts (GVariant *object,
               guint     count,
               guint     open)
{
  g_assert_cmpuint (json_get_uint (object, "count"), ==, count);
  g_assert_cmpuint (json_get_uint (object, "open"), ==, open);
}

/* Every figure of the JSON equals the core's */
static void
assert_json_matches (GVariant     *json,
                     RgSession    *session,
                     RgStatistics *stats)
{
  const char * const *dimensions = rg_statistics_get_dimension_ids (stats);
  const char * const *partners = rg_statistics_get_partner_ids (stats);
  guint n_partners = g_strv_length ((char **) partners);
  g_autoptr(GVariant) dimension_list = json_get (json, "dimensions");
  g_autoptr(GVariant) pair_list = json_get (json, "pairs");
  guint k = 0;

  g_assert_cmpuint (json_get_uint (json, "n_links"), ==, rg_statistics_get_n_links (stats));
  g_assert_cmpuint (json_get_uint (json, "n_statements"), ==, rg_statistics_get_n_statements (stats));
  g_assert_cmpuint (json_get_uint (json, "n_agreed"), ==, rg_statistics_get_n_agreed (stats));
  g_assert_cmpuint (json_get_uint (json, "n_in_open_divergence"), ==,
                    rg_statistics_get_n_in_open_divergence (stats));
  g_assert_cmpuint (json_get_uint (json, "n_unechoed"), ==, rg_statistics_get_n_unechoed (stats));
  g_assert_cmpfloat_with_epsilon (json_get_double (json, "share_agreed"),
                                  rg_statistics_get_share_agreed (stats), 0.0001);
  g_assert_cmpfloat_with_epsilon (json_get_double (json, "share_in_open_divergence"),
                                  rg_statistics_get_share_in_open_divergence (stats), 0.0001);
  g_assert_cmpfloat_with_epsilon (json_get_double (json, "share_unechoed"),
                                  rg_statistics_get_share_unechoed (stats), 0.0001);

  for (RgLinkType type = 0; type < N_TYPES; type++)
    {
      g_autofree char *key = g_strdup_printf ("links.%s", rg_link_type_to_string (type));
      g_autoptr(GVariant) counts = json_get (json, key);

      assert_counts (counts, rg_statistics_get_count (stats, type),
                     rg_statistics_get_open_count (stats, type));
    }

  g_assert_cmpuint (g_variant_n_children (dimension_list), ==,
                    g_strv_length ((char **) dimensions));
  for (guint i = 0; dimensions[i] != NULL; i++)
    {
      g_autoptr(GVariant) item = json_index (dimension_list, i);
      g_autofree char *id = json_get_string (item, "id");
      g_autofree char *name = json_get_string (item, "name");

      g_assert_cmpstr (id, ==, dimensions[i]);
      g_assert_cmpstr (name, ==, rg_dimension_get_name (rg_session_find_dimension (session, id)));
      for (RgLinkType type = 0; type < N_TYPES; type++)
        {
          g_autoptr(GVariant) counts = json_get (item, rg_link_type_to_string (type));

          assert_counts (counts, rg_statistics_get_dimension_count (stats, id, type),
                         rg_statistics_get_dimension_open_count (stats, id, type));
        }
    }

  /* Every pair, in the order of the partners */
  g_assert_cmpuint (g_variant_n_children (pair_list), ==, n_partners * (n_partners - 1) / 2);
  for (guint i = 0; partners[i] != NULL; i++)
    for (guint j = i + 1; partners[j] != NULL; j++, k++)
      {
        g_autoptr(GVariant) item = json_index (pair_list, k);
        g_autoptr(GVariant) members = json_get (item, "partners");
        g_autoptr(GVariant) first = json_index (members, 0);
        g_autoptr(GVariant) second = json_index (members, 1);
        g_autofree char *first_id = json_get_string (first, "id");
        g_autofree char *second_id = json_get_string (second, "id");
        g_autofree char *first_name = json_get_string (first, "name");
        g_autofree char *second_name = json_get_string (second, "name");

        g_assert_cmpuint (g_variant_n_children (members), ==, 2);
        g_assert_cmpstr (first_id, ==, partners[i]);
        g_assert_cmpstr (second_id, ==, partners[j]);
        g_assert_cmpstr (first_name, ==,
                         rg_partner_get_name (rg_session_find_partner (session, partners[i])));
        g_assert_cmpstr (second_name, ==,
                         rg_partner_get_name (rg_session_find_partner (session, partners[j])));
        for (RgLinkType type = 0; type < N_TYPES; type++)
          {
            g_autoptr(GVariant) counts = json_get (item, rg_link_type_to_string (type));

            assert_counts (counts,
                           rg_statistics_get_pair_count (stats, partners[i], partners[j], type),
                           rg_statistics_get_pair_open_count (stats, partners[i], partners[j], type));
          }
      }
}

static void
test_example_json (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(RgSession) session = load_file (path);
  g_autoptr(RgStatistics) stats = rg_statistics_new (session);
  g_autoptr(GVariant) json = NULL;
  g_auto(Run) run = { 0 };

  run_cli (&run, "stats", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  json = parse_json (run.out);

  /* Counted by hand from the file */
  g_assert_cmpuint (json_get_uint (json, "n_links"), ==, 13);
  g_assert_cmpuint (json_get_uint (json, "links.divergence.open"), ==, 2);
  g_assert_cmpuint (json_get_uint (json, "links.clarify.count"), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_get_double (json, "share_agreed"), 11.0 / 45.0, 0.0001);

  assert_json_matches (json, session, stats);
}

/* Names full of what JSON must escape come back as they were; in text,
 * each stays on its line. */
static void
test_escaping (void)
{
  static const char *odd_partner = "Mme \"Lulu\" O'Brien\\Paris\tbis\nfin";
  static const char *odd_dimension = "Santé / «bien-être»\r\n2";
  g_autoptr(RgSession) session = new_session ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(RgStatistics) stats = NULL;
  g_autoptr(GVariant) json = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *path = NULL;
  g_auto(Run) text_run = { 0 };
  g_auto(Run) json_run = { 0 };
  RgPartner *odd = add_partner (session, odd_partner);
  RgPartner *plain = add_partner (session, "M. Kessler");
  const char *s1;
  const char *s2;

  rg_dimension_set_name (dimension, odd_dimension);
  rg_session_add_dimension (session, dimension);
  s1 = say (session, odd, dimension, "Dort mal");
  s2 = say (session, plain, dimension, "Fatigué le matin");
  link_two (session, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN, s1, s2);
  path = save_in_work_dir (session, "bizarre.regards");

  /* What the file gives back is what the command saw */
  g_clear_object (&session);
  session = load_file (path);
  stats = rg_statistics_new (session);

  run_cli (&json_run, "stats", "--json", path, NULL);
  g_assert_cmpint (json_run.status, ==, 0);
  json = parse_json (json_run.out);
  assert_json_matches (json, session, stats);
  g_assert_nonnull (strstr (json_run.out, "\\\"Lulu\\\""));
  g_assert_nonnull (strstr (json_run.out, "O'Brien\\\\Paris\\tbis\\nfin\""));

  run_cli (&text_run, "stats", path, NULL);
  g_assert_cmpint (text_run.status, ==, 0);
  g_assert_true (g_utf8_validate (text_run.out, -1, NULL));
  lines = squeezed_lines (text_run.out);
  g_assert_true (has_line (lines, "Santé / «bien-être» 2 0 1 (1 open) 0 0"));
  g_assert_true (has_line (lines, "Mme \"Lulu\" O'Brien\\Paris bis fin — M. Kessler 0 1 (1 open) 0 0"));
  g_assert_null (strchr (text_run.out, '\t'));
  g_assert_null (strchr (text_run.out, '\r'));
}

/* No links and no statements: zeros, not a division by zero */
static void
test_nothing_to_count (void)
{
  g_autoptr(RgSession) session = new_session ();
  g_autoptr(RgSession) empty = new_session ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(GVariant) json = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *path = NULL;
  g_autofree char *empty_path = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) empty_run = { 0 };
  g_auto(Run) empty_json_run = { 0 };
  RgPartner *a = add_partner (session, "Mme Roussel");
  RgPartner *b = add_partner (session, "Mme Benali");

  rg_dimension_set_name (dimension, "Scolarité");
  rg_session_add_dimension (session, dimension);
  say (session, a, dimension, "Lit bien");
  say (session, b, dimension, "Aime les livres");
  path = save_in_work_dir (session, "sans-liens.regards");

  run_cli (&run, "stats", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = squeezed_lines (run.out);
  g_assert_true (has_line (lines, "0 links:"));
  g_assert_true (has_line (lines, "2 statements:"));
  g_assert_true (has_line (lines, "In at least one agreement: 0 (0%)"));
  g_assert_true (has_line (lines, "Echoed by no other partner: 2 (100%)"));
  g_assert_true (has_line (lines, "Scolarité 0 0 0 0"));
  g_assert_true (has_line (lines, "No link joins two partners yet."));
  g_clear_pointer (&lines, g_ptr_array_unref);

  empty_path = save_in_work_dir (empty, "vide.regards");
  run_cli (&empty_run, "stats", empty_path, NULL);
  g_assert_cmpint (empty_run.status, ==, 0);
  lines = squeezed_lines (empty_run.out);
  g_assert_true (has_line (lines, "0 statements:"));
  g_assert_true (has_line (lines, "In an open divergence: 0 (0%)"));
  g_assert_true (has_line (lines, "No dimensions."));

  run_cli (&empty_json_run, "stats", "--json", empty_path, NULL);
  g_assert_cmpint (empty_json_run.status, ==, 0);
  json = parse_json (empty_json_run.out);
  g_assert_cmpfloat (json_get_double (json, "share_agreed"), ==, 0.0);
  g_assert_cmpfloat (json_get_double (json, "share_unechoed"), ==, 0.0);
  {
    g_autoptr(GVariant) pairs = json_get (json, "pairs");
    g_autoptr(GVariant) dimensions = json_get (json, "dimensions");

    g_assert_cmpuint (g_variant_n_children (pairs), ==, 0);
    g_assert_cmpuint (g_variant_n_children (dimensions), ==, 0);
  }
}

/* }}} */

static void
test_usage (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *damaged = g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), "tests", "data",
                                               "format", "not-xml.regards", NULL);
  g_auto(Run) none = { 0 };
  g_auto(Run) two = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) commands = { 0 };

  run_cli (&none, "stats", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpstr (none.out, ==, "");
  g_assert_cmpstr (none.err, ==, "Give the session file to count.\n");

  run_cli (&two, "stats", example, example, NULL);
  g_assert_cmpint (two.status, ==, 2);
  g_assert_cmpstr (two.out, ==, "");

  run_cli (&unknown, "stats", "--bogus", example, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");

  /* A file that does not load: “FILE: reason” on one line, and 1 */
  run_cli (&bad, "stats", "--json", damaged, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_true (g_str_has_prefix (bad.err, damaged));
  g_assert_cmpuint (strlen (bad.err), >, strlen (damaged) + 3);
  g_assert_nonnull (strstr (bad.err, ": "));
  g_assert_true (strchr (bad.err, '\n') == bad.err + strlen (bad.err) - 1);

  run_cli (&help, "stats", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--json"));

  run_cli (&commands, "--help", NULL);
  g_assert_cmpint (commands.status, ==, 0);
  g_assert_nonnull (strstr (commands.out, "  stats "));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();
  int status;

  g_test_init (&argc, &argv, NULL);

  work_dir = g_build_filename (tmp, "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (work_dir, 0700), ==, 0);

  g_test_add_func ("/cli-stats/json-reader", test_json_reader);
  g_test_add_func ("/cli-stats/example/text", test_example_text);
  g_test_add_func ("/cli-stats/example/json", test_example_json);
  g_test_add_func ("/cli-stats/escaping", test_escaping);
  g_test_add_func ("/cli-stats/nothing-to-count", test_nothing_to_count);
  g_test_add_func ("/cli-stats/usage", test_usage);

  status = g_test_run ();
  g_clear_pointer (&work_dir, g_free);

  return status;
}
