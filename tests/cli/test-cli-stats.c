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

#include "rg-session-xml.h"
#include "rg-statistics.h"
#include "rg-test-cli.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

#define N_TYPES (RG_LINK_TYPE_CLARIFY + 1)

/* A temporary folder of the test program */
static char *work_dir;

/* {{{ Reading the JSON */

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
      g_autoptr(GVariant) value = rg_test_json_parse (valid[i]);

      g_assert_nonnull (value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_null (rg_test_json_read (invalid[i]));

  {
    g_autoptr(GVariant) value = rg_test_json_parse ("{\"a\": {\"b\": [\"\\u00e9\\ud83d\\ude00\", 3]}}");
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
  g_autofree char *path = rg_test_example_path ();
  g_autoptr(RgSession) session = rg_test_load_session (path);
  g_autoptr(RgStatistics) stats = rg_statistics_new (session);
  g_autoptr(GPtrArray) lines = NULL;
  const char * const *dimensions = rg_statistics_get_dimension_ids (stats);
  const char * const *partners = rg_statistics_get_partner_ids (stats);
  g_auto(RgTestRun) run = { 0 };
  guint n_pair_rows = 0;

  rg_test_run_cli (&run, work_dir, "stats", path, NULL);
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
  g_autofree char *path = rg_test_example_path ();
  g_autoptr(RgSession) session = rg_test_load_session (path);
  g_autoptr(RgStatistics) stats = rg_statistics_new (session);
  g_autoptr(GVariant) json = NULL;
  g_auto(RgTestRun) run = { 0 };

  rg_test_run_cli (&run, work_dir, "stats", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  json = rg_test_json_parse (run.out);

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
  g_auto(RgTestRun) text_run = { 0 };
  g_auto(RgTestRun) json_run = { 0 };
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
  session = rg_test_load_session (path);
  stats = rg_statistics_new (session);

  rg_test_run_cli (&json_run, work_dir, "stats", "--json", path, NULL);
  g_assert_cmpint (json_run.status, ==, 0);
  json = rg_test_json_parse (json_run.out);
  assert_json_matches (json, session, stats);
  g_assert_nonnull (strstr (json_run.out, "\\\"Lulu\\\""));
  g_assert_nonnull (strstr (json_run.out, "O'Brien\\\\Paris\\tbis\\nfin\""));

  rg_test_run_cli (&text_run, work_dir, "stats", path, NULL);
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
  g_auto(RgTestRun) run = { 0 };
  g_auto(RgTestRun) empty_run = { 0 };
  g_auto(RgTestRun) empty_json_run = { 0 };
  RgPartner *a = add_partner (session, "Mme Roussel");
  RgPartner *b = add_partner (session, "Mme Benali");

  rg_dimension_set_name (dimension, "Scolarité");
  rg_session_add_dimension (session, dimension);
  say (session, a, dimension, "Lit bien");
  say (session, b, dimension, "Aime les livres");
  path = save_in_work_dir (session, "sans-liens.regards");

  rg_test_run_cli (&run, work_dir, "stats", path, NULL);
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
  rg_test_run_cli (&empty_run, work_dir, "stats", empty_path, NULL);
  g_assert_cmpint (empty_run.status, ==, 0);
  lines = squeezed_lines (empty_run.out);
  g_assert_true (has_line (lines, "0 statements:"));
  g_assert_true (has_line (lines, "In an open divergence: 0 (0%)"));
  g_assert_true (has_line (lines, "No dimensions."));

  rg_test_run_cli (&empty_json_run, work_dir, "stats", "--json", empty_path, NULL);
  g_assert_cmpint (empty_json_run.status, ==, 0);
  json = rg_test_json_parse (empty_json_run.out);
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
  g_autofree char *example = rg_test_example_path ();
  g_autofree char *damaged = g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), "tests", "data",
                                               "format", "not-xml.regards", NULL);
  g_auto(RgTestRun) none = { 0 };
  g_auto(RgTestRun) two = { 0 };
  g_auto(RgTestRun) unknown = { 0 };
  g_auto(RgTestRun) bad = { 0 };
  g_auto(RgTestRun) help = { 0 };
  g_auto(RgTestRun) commands = { 0 };

  rg_test_run_cli (&none, work_dir, "stats", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpstr (none.out, ==, "");
  g_assert_cmpstr (none.err, ==, "Give the session file to count.\n");

  rg_test_run_cli (&two, work_dir, "stats", example, example, NULL);
  g_assert_cmpint (two.status, ==, 2);
  g_assert_cmpstr (two.out, ==, "");

  rg_test_run_cli (&unknown, work_dir, "stats", "--bogus", example, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");

  /* A file that does not load: “FILE: reason” on one line, and 1 */
  rg_test_run_cli (&bad, work_dir, "stats", "--json", damaged, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_true (g_str_has_prefix (bad.err, damaged));
  g_assert_cmpuint (strlen (bad.err), >, strlen (damaged) + 3);
  g_assert_nonnull (strstr (bad.err, ": "));
  g_assert_true (strchr (bad.err, '\n') == bad.err + strlen (bad.err) - 1);

  rg_test_run_cli (&help, work_dir, "stats", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--json"));

  rg_test_run_cli (&commands, work_dir, "--help", NULL);
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
