/* test-export-csv.c — rg_export_csv_statements(), rg_export_csv_links()
 * and rg_export_csv_criteria()
 *
 * The tables are read back with a small RFC 4180 reader written here,
 * strict about what the exporter promises: CRLF after every record,
 * quotes only around a whole field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-export-csv.h"
#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-test-bidi.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

#define BOM "\xEF\xBB\xBF"

/* Reads @bytes into an array of rows, each a GStrv of fields */
static GPtrArray *
read_csv (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *p = data;
  const char *end = data + size;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *row = g_ptr_array_new ();
  GString *field = g_string_new (NULL);

  g_assert_true (size >= 3 && memcmp (data, BOM, 3) == 0);
  g_assert_true (g_utf8_validate (data, size, NULL));
  p += 3;

  while (p < end)
    {
      if (*p == '"')
        {
          /* A quoted field: up to the lone closing quote */
          p++;
          for (;;)
            {
              g_assert_true (p < end);
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\r' && *p != '\n')
            {
              g_assert_true (*p != '"');
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (row, g_string_free (field, FALSE));
      field = g_string_new (NULL);

      g_assert_true (p < end);
      if (*p == ',')
        {
          p++;
          continue;
        }
      /* End of record: CRLF, never a bare LF or CR */
      g_assert_true (p + 1 < end && p[0] == '\r' && p[1] == '\n');
      p += 2;
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
      row = g_ptr_array_new ();
    }

  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_free (row, TRUE);
  g_string_free (field, TRUE);

  /* Every row as wide as the header */
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==,
                      g_strv_length (g_ptr_array_index (rows, 0)));

  return rows;
}

static void
test_csv_example (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GBytes) statements_csv = rg_export_csv_statements (session);
  g_autoptr(GBytes) links_csv = rg_export_csv_links (session);
  g_autoptr(GPtrArray) statement_rows = read_csv (statements_csv);
  g_autoptr(GPtrArray) link_rows = read_csv (links_csv);
  GListModel *statements = rg_session_get_statements (session);
  GListModel *links = rg_session_get_links (session);
  guint n_link_ids = 0;
  guint n_members = 0;

  g_assert_cmpuint (statement_rows->len, ==, g_list_model_get_n_items (statements) + 1);
  g_assert_cmpuint (link_rows->len, ==, g_list_model_get_n_items (links) + 1);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (statement_rows, 0)), ==, 6);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (link_rows, 0)), ==, 6);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);
      char **row = g_ptr_array_index (statement_rows, i + 1);
      RgPartner *partner = rg_session_find_partner (session, rg_statement_get_partner_id (statement));
      RgDimension *dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
      g_auto(GStrv) ids = g_strsplit (row[5], " ", -1);

      g_assert_cmpstr (row[0], ==, rg_dimension_get_name (dimension));
      g_assert_cmpstr (row[1], ==, rg_partner_get_name (partner));
      g_assert_cmpstr (row[2], ==, rg_partner_get_profession (partner));
      g_assert_cmpstr (row[3], ==, rg_statement_kind_get_label (rg_statement_get_kind (statement)));
      g_assert_cmpstr (row[4], ==, rg_statement_get_text (statement));
      for (guint j = 0; ids[j] != NULL && *row[5] != '\0'; j++)
        {
          RgLink *link = rg_session_find_link (session, ids[j]);

          g_assert_nonnull (link);
          g_assert_true (rg_link_has_member (link, rg_statement_get_id (statement)));
          n_link_ids++;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      char **row = g_ptr_array_index (link_rows, i + 1);
      g_autofree char *members = g_strjoinv (" ", (char **) rg_link_get_members (link));

      g_assert_cmpstr (row[0], ==, rg_link_get_id (link));
      g_assert_cmpstr (row[1], ==, rg_link_type_get_label (rg_link_get_link_type (link)));
      g_assert_cmpstr (row[2], ==, rg_link_status_get_label (rg_link_get_status (link)));
      g_assert_cmpstr (row[3], ==, rg_link_get_note (link));
      g_assert_cmpstr (row[4], ==, members);
      g_assert_cmpuint (strlen (row[5]), >, 0);
      n_members += rg_link_get_n_members (link);
    }

  /* The two tables agree on who belongs to what */
  g_assert_cmpuint (n_link_ids, ==, n_members);

  /* A link between two dimensions names both */
  {
    char **row = NULL;

    for (guint i = 1; i < link_rows->len; i++)
      if (g_str_equal (((char **) g_ptr_array_index (link_rows, i))[0],
                       "c75db53f-bf62-59c8-91fb-7af17b49f407"))
        row = g_ptr_array_index (link_rows, i);
    g_assert_nonnull (row);
    g_assert_cmpstr (row[5], ==, "Santé et développement ; Famille et parentalité");
  }
}

static void
test_csv_awkward_text (void)
{
  static const char * const texts[] = {
    "Il a dit : « non, pas aujourd’hui ».",
    "Le \"grand\" frère, 15 ans",
    "Première ligne\nDeuxième ligne\r\nTroisième, et \"fin\"",
    "\"",
    ",",
    "",
    "Sans rien de spécial",
  };
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) partner = rg_partner_new ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(RgLink) link = rg_link_new (RG_LINK_TYPE_DIVERGENCE);
  g_autoptr(GBytes) statements_csv = NULL;
  g_autoptr(GBytes) links_csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) link_rows = NULL;
  GListModel *statements;

  rg_partner_set_name (partner, "Dupont, \"Jo\"");
  rg_partner_set_profession (partner, "Éducatrice");
  rg_dimension_set_name (dimension, "Santé, sommeil");
  rg_session_add_partner (session, partner);
  rg_session_add_dimension (session, dimension);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RgStatement) statement = rg_statement_new (rg_partner_get_id (partner),
                                                           rg_dimension_get_id (dimension),
                                                           RG_STATEMENT_KIND_FACT, texts[i]);

      rg_session_add_statement (session, statement);
      if (i < 2)
        rg_link_add_member (link, rg_statement_get_id (statement));
    }
  rg_link_set_note (link, "À voir,\nensemble \"vite\"");
  rg_session_add_link (session, link);

  statements_csv = rg_export_csv_statements (session);
  rows = read_csv (statements_csv);
  statements = rg_session_get_statements (session);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (texts) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);
      char **row = g_ptr_array_index (rows, i + 1);

      g_assert_cmpstr (row[0], ==, "Santé, sommeil");
      g_assert_cmpstr (row[1], ==, "Dupont, \"Jo\"");
      g_assert_cmpstr (row[2], ==, "Éducatrice");
      /* The text as the session keeps it */
      g_assert_cmpstr (row[4], ==, rg_statement_get_text (statement) ? rg_statement_get_text (statement) : "");
      g_assert_cmpstr (row[5], ==, i < 2 ? rg_link_get_id (link) : "");
    }
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[4], ==, "Le \"grand\" frère, 15 ans");

  links_csv = rg_export_csv_links (session);
  link_rows = read_csv (links_csv);
  g_assert_cmpuint (link_rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (link_rows, 1))[3], ==, "À voir,\nensemble \"vite\"");
  g_assert_cmpstr (((char **) g_ptr_array_index (link_rows, 1))[5], ==, "Santé, sommeil");
}

/* A field that holds one text holds it as it is, direction controls and
 * all; names that share a field keep theirs to themselves */
static void
test_csv_bidi (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  RgStatement *statement = rg_test_open_overrides (session);
  RgLink *link = rg_session_find_link (session, "c75db53f-bf62-59c8-91fb-7af17b49f407");
  RgDimension *health = NULL;
  g_autoptr(GBytes) statements_csv = NULL;
  g_autoptr(GBytes) links_csv = NULL;
  g_autoptr(GPtrArray) statement_rows = NULL;
  g_autoptr(GPtrArray) link_rows = NULL;
  char **row = NULL;

  g_assert_nonnull (link);
  for (guint i = 0; rg_link_get_members (link)[i] != NULL; i++)
    {
      RgStatement *member = rg_session_find_statement (session, rg_link_get_members (link)[i]);
      RgDimension *dimension = rg_session_find_dimension (session,
                                                          rg_statement_get_dimension_id (member));

      if (g_str_equal (rg_dimension_get_name (dimension), "Santé et développement"))
        health = dimension;
    }
  g_assert_nonnull (health);
  rg_dimension_set_name (health, RG_TEST_RLO "Santé et développement");

  statements_csv = rg_export_csv_statements (session);
  statement_rows = read_csv (statements_csv);
  for (guint i = 1; i < statement_rows->len && row == NULL; i++)
    if (g_str_equal (((char **) g_ptr_array_index (statement_rows, i))[4],
                     rg_statement_get_text (statement)))
      row = g_ptr_array_index (statement_rows, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (row[4], ==, RG_TEST_RLO RG_TEST_OVERRIDDEN_STATEMENT);

  links_csv = rg_export_csv_links (session);
  link_rows = read_csv (links_csv);
  row = NULL;
  for (guint i = 1; i < link_rows->len; i++)
    if (g_str_equal (((char **) g_ptr_array_index (link_rows, i))[0], rg_link_get_id (link)))
      row = g_ptr_array_index (link_rows, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (row[5], ==,
                   RG_TEST_FSI RG_TEST_LRM RG_TEST_RLO "Santé et développement" RG_TEST_PDF RG_TEST_PDI
                   " ; Famille et parentalité");
}

static void
assert_row (GPtrArray          *rows,
            guint               index,
            const char * const *expected)
{
  g_assert_cmpstrv ((const char * const *) g_ptr_array_index (rows, index), expected);
}

/* One row per criterion, in order, with who proposed it, whether it
 * is agreed and whether it is met, by hand from what is built here */
static void
test_csv_criteria (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) teacher = rg_partner_new ();
  g_autoptr(RgPartner) mother = rg_partner_new ();
  g_autoptr(RgCategory) child = rg_category_new ("Pour l'enfant");
  g_autoptr(RgCategory) family = rg_category_new ("Pour la famille");
  g_autoptr(RgCategory) empty = rg_category_new ("Pour l'école");
  g_autoptr(RgCriterion) mornings = rg_criterion_new ("Vient chaque matin, à l'heure");
  g_autoptr(RgCriterion) reading = rg_criterion_new ("Lit seul");
  g_autoptr(RgCriterion) housing = rg_criterion_new ("Le logement avance");
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *indicators[] = { "Registre d'appel", "Moins de deux retards", NULL };
  const char *proposers[] = { NULL, NULL, NULL };

  rg_partner_set_name (teacher, "Mme Roussel");
  rg_session_add_partner (session, teacher);
  rg_partner_set_name (mother, "Mme Benali");
  rg_session_add_partner (session, mother);

  proposers[0] = rg_partner_get_id (mother);
  proposers[1] = rg_partner_get_id (teacher);
  rg_criterion_set_indicators (mornings, indicators);
  rg_criterion_set_proposed_by (mornings, proposers);
  rg_criterion_set_agreed (mornings, TRUE);
  rg_criterion_set_met (mornings, TRUE);
  rg_category_add_criterion (child, mornings);
  rg_criterion_set_agreed (reading, TRUE);
  rg_category_add_criterion (child, reading);
  rg_criterion_set_met (housing, TRUE);
  rg_category_add_criterion (family, housing);
  rg_session_add_category (session, child);
  rg_session_add_category (session, empty);
  rg_session_add_category (session, family);

  csv = rg_export_csv_criteria (session);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, (const char *[]) {
                "Category", "Criterion", "Indicators", "Proposed by", "Agreed", "Met", NULL });
  assert_row (rows, 1, (const char *[]) {
                "Pour l'enfant", "Vient chaque matin, à l'heure",
                "Registre d'appel\nMoins de deux retards",
                "Mme Benali ; Mme Roussel",
                "yes", "yes", NULL });
  assert_row (rows, 2, (const char *[]) { "Pour l'enfant", "Lit seul", "", "", "yes", "no", NULL });
  assert_row (rows, 3, (const char *[]) {
                "Pour la famille", "Le logement avance", "", "", "no", "yes", NULL });
}

int
main (int    argc,
      char **argv)
{
  rg_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-csv/example", test_csv_example);
  g_test_add_func ("/export-csv/awkward-text", test_csv_awkward_text);
  g_test_add_func ("/export-csv/bidi", test_csv_bidi);
  g_test_add_func ("/export-csv/criteria", test_csv_criteria);

  return g_test_run ();
}
