/* test-export-csv.c — rg_export_csv_statements(), rg_export_csv_links(),
 * rg_export_csv_criteria(), rg_export_csv_actions() and rg_export_csv_table()
 *
 * The tables are read back with a small RFC 4180 reader written here,
 * strict about what the exporter promises: CRLF after every record,
 * quotes only around a whole field; and by Python's csv module, as a
 * third party would read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rg-export-csv.h"
#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-test-bidi.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

#define BOM "\xEF\xBB\xBF"

static GPtrArray *read_csv_separated (GBytes *bytes,
                                       char    separator);

/* Reads @bytes, separated by commas, into an array of rows, each a
 * GStrv of fields */
static GPtrArray *
read_csv (GBytes *bytes)
{
  return read_csv_separated (bytes, ',');
}

static GPtrArray *
read_csv_separated (GBytes *bytes,
                    char    separator)
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
          while (p < end && *p != separator && *p != '\r' && *p != '\n')
            {
              g_assert_true (*p != '"');
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (row, g_string_free (field, FALSE));
      field = g_string_new (NULL);

      g_assert_true (p < end);
      if (*p == separator)
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
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (statement_rows, 0)), ==, 7);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (link_rows, 0)), ==, 7);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);
      char **row = g_ptr_array_index (statement_rows, i + 1);
      RgPartner *partner = rg_session_find_partner (session, rg_statement_get_partner_id (statement));
      RgDimension *dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
      g_auto(GStrv) ids = g_strsplit (row[6], " ", -1);

      g_assert_cmpstr (row[0], ==, rg_statement_get_id (statement));
      g_assert_cmpstr (row[1], ==, rg_dimension_get_name (dimension));
      g_assert_cmpstr (row[2], ==, rg_partner_get_name (partner));
      g_assert_cmpstr (row[3], ==, rg_partner_get_profession (partner));
      g_assert_cmpstr (row[4], ==, rg_statement_kind_get_label (rg_statement_get_kind (statement)));
      g_assert_cmpstr (row[5], ==, rg_statement_get_text (statement));
      for (guint j = 0; ids[j] != NULL && *row[6] != '\0'; j++)
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
      g_assert_cmpuint (g_ascii_strtoull (row[6], NULL, 10), ==, rg_link_get_n_members (link));
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

      g_assert_cmpstr (row[1], ==, "Santé, sommeil");
      g_assert_cmpstr (row[2], ==, "Dupont, \"Jo\"");
      g_assert_cmpstr (row[3], ==, "Éducatrice");
      /* The text as the session keeps it */
      g_assert_cmpstr (row[5], ==, rg_statement_get_text (statement) ? rg_statement_get_text (statement) : "");
      g_assert_cmpstr (row[6], ==, i < 2 ? rg_link_get_id (link) : "");
    }
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[5], ==, "Le \"grand\" frère, 15 ans");

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
    if (g_str_equal (((char **) g_ptr_array_index (statement_rows, i))[5],
                     rg_statement_get_text (statement)))
      row = g_ptr_array_index (statement_rows, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (row[5], ==, RG_TEST_RLO RG_TEST_OVERRIDDEN_STATEMENT);

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

/* Every link's statements are found by their ids in the statements
 * table, and every statement's links in the links table: the tables
 * join. Counted by hand in the example: 45 statements, 13 links. */
static void
test_csv_join (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GBytes) statements_csv = rg_export_csv_statements (session);
  g_autoptr(GBytes) links_csv = rg_export_csv_links (session);
  g_autoptr(GPtrArray) statement_rows = read_csv (statements_csv);
  g_autoptr(GPtrArray) link_rows = read_csv (links_csv);
  g_autoptr(GHashTable) statement_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) link_ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_joined = 0;

  g_assert_cmpuint (statement_rows->len, ==, 45 + 1);
  g_assert_cmpuint (link_rows->len, ==, 13 + 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (statement_rows, 0))[0], ==, "Id");
  g_assert_cmpstr (((char **) g_ptr_array_index (link_rows, 0))[0], ==, "Link");
  g_assert_cmpstr (((char **) g_ptr_array_index (link_rows, 0))[6], ==, "Number of statements");

  for (guint i = 1; i < statement_rows->len; i++)
    g_assert_true (g_hash_table_add (statement_ids, ((char **) g_ptr_array_index (statement_rows, i))[0]));
  for (guint i = 1; i < link_rows->len; i++)
    g_assert_true (g_hash_table_add (link_ids, ((char **) g_ptr_array_index (link_rows, i))[0]));
  /* A statement of the file, by hand */
  g_assert_true (g_hash_table_contains (statement_ids, "f6e64b5b-5467-5939-a239-20141f5b0e52"));

  for (guint i = 1; i < link_rows->len; i++)
    {
      char **row = g_ptr_array_index (link_rows, i);
      g_auto(GStrv) members = g_strsplit (row[4], " ", -1);

      g_assert_cmpuint (g_strv_length (members), ==, g_ascii_strtoull (row[6], NULL, 10));
      for (guint j = 0; members[j] != NULL; j++)
        {
          g_assert_true (g_hash_table_contains (statement_ids, members[j]));
          n_joined++;
        }
    }
  for (guint i = 1; i < statement_rows->len; i++)
    {
      char **row = g_ptr_array_index (statement_rows, i);
      g_auto(GStrv) links = g_strsplit (row[6], " ", -1);

      for (guint j = 0; links[j] != NULL && *row[6] != '\0'; j++)
        g_assert_true (g_hash_table_contains (link_ids, links[j]));
    }
  g_assert_cmpuint (n_joined, >, 13);
}

/* A cell a spreadsheet would take for a formula is written after an
 * apostrophe; other cells, and one with "=" further in, as they are */
static void
test_csv_formulas (void)
{
  static const struct
  {
    const char *text;
    const char *field;
  } cases[] = {
    { "=HYPERLINK(\"http://exemple.org\";\"clic\")", "'=HYPERLINK(\"http://exemple.org\";\"clic\")" },
    { "+33 6 12 34 56 78", "'+33 6 12 34 56 78" },
    { "-10 % de retards", "'-10 % de retards" },
    { "@SUM(A1:A3)", "'@SUM(A1:A3)" },
    { "\tretrait", "'\tretrait" },
    { "\rretour", "'\rretour" },
    { "Pas de formule = ici", "Pas de formule = ici" },
    { "'déjà une apostrophe", "'déjà une apostrophe" },
  };
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgPartner) partner = rg_partner_new ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(RgLink) link = rg_link_new (RG_LINK_TYPE_AGREEMENT);
  g_autoptr(RgAction) action = rg_action_new ("=1+1");
  g_autoptr(GBytes) statements_csv = NULL;
  g_autoptr(GBytes) links_csv = NULL;
  g_autoptr(GBytes) actions_csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rg_partner_set_name (partner, "@Dupont");
  rg_partner_set_profession (partner, "-");
  rg_dimension_set_name (dimension, "+Santé");
  rg_session_add_partner (session, partner);
  rg_session_add_dimension (session, dimension);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RgStatement) statement = rg_statement_new (rg_partner_get_id (partner),
                                                           rg_dimension_get_id (dimension),
                                                           RG_STATEMENT_KIND_FACT, cases[i].text);

      rg_session_add_statement (session, statement);
      rg_link_add_member (link, rg_statement_get_id (statement));
    }
  rg_link_set_note (link, "=A1");
  rg_session_add_link (session, link);
  rg_action_set_owner_name (action, "+Mme X");
  rg_action_set_due (action, "2026-12-01");
  rg_session_add_action (session, action);

  statements_csv = rg_export_csv_statements (session);
  rows = read_csv (statements_csv);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (cases) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char **row = g_ptr_array_index (rows, i + 1);

      g_assert_cmpstr (row[1], ==, "'+Santé");
      g_assert_cmpstr (row[2], ==, "'@Dupont");
      g_assert_cmpstr (row[3], ==, "'-");
      g_assert_cmpstr (row[5], ==, cases[i].field);
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  links_csv = rg_export_csv_links (session);
  rows = read_csv (links_csv);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[3], ==, "'=A1");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[6], ==, "8");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The date is not text: written as it is */
  actions_csv = rg_export_csv_actions (session);
  rows = read_csv (actions_csv);
  assert_row (rows, 1, (const char *[]) { "'=1+1", "'+Mme X", "2026-12-01", "Planned", NULL });
}

/* The actions of the example, by hand: seven, the last with no date */
static void
test_csv_actions (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GBytes) csv = rg_export_csv_actions (session);
  g_autoptr(GPtrArray) rows = read_csv (csv);

  g_assert_cmpuint (rows->len, ==, 7 + 1);
  assert_row (rows, 0, (const char *[]) { "Action", "Owner", "Due", "Status", NULL });
  assert_row (rows, 1, (const char *[]) {
                "Prendre rendez-vous pour le bilan visuel d'Adam et prévenir la coordinatrice de la date.",
                "Mme Benali", "2026-12-11", "Planned", NULL });
  assert_row (rows, 2, (const char *[]) {
                "Inscrire Adam à l'accompagnement à la scolarité de la maison de quartier "
                "(lundi et jeudi, 16 h 30 – 18 h).",
                "Mme Fontaine", "2026-11-27", "In progress", NULL });
  assert_row (rows, 7, (const char *[]) {
                "Monter un dossier Pass'Sport pour la licence de foot (abandonné : le club prend déjà "
                "la licence en charge).",
                "M. Kessler", "", "Cancelled", NULL });
}

/* Semicolons when asked, or when the locale's decimal mark is a comma;
 * the same fields either way */
static void
test_csv_separator (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(GBytes) comma_csv = rg_export_csv_table (session, "statements", RG_CSV_SEPARATOR_COMMA);
  g_autoptr(GBytes) semicolon_csv = rg_export_csv_table (session, "statements", RG_CSV_SEPARATOR_SEMICOLON);
  g_autoptr(GPtrArray) comma_rows = read_csv (comma_csv);
  g_autoptr(GPtrArray) semicolon_rows = read_csv_separated (semicolon_csv, ';');
  g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));

  g_assert_null (rg_export_csv_table (session, "partners", RG_CSV_SEPARATOR_COMMA));
  g_assert_cmpuint (comma_rows->len, ==, semicolon_rows->len);
  for (guint i = 0; i < comma_rows->len; i++)
    g_assert_cmpstrv (g_ptr_array_index (comma_rows, i), g_ptr_array_index (semicolon_rows, i));

  g_assert_nonnull (setlocale (LC_NUMERIC, "C"));
  g_assert_cmpint (rg_csv_separator_get_char (RG_CSV_SEPARATOR_AUTO), ==, ',');
  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") != NULL)
    {
      g_autoptr(GBytes) auto_csv = rg_export_csv_table (session, "statements", RG_CSV_SEPARATOR_AUTO);

      g_assert_cmpint (rg_csv_separator_get_char (RG_CSV_SEPARATOR_AUTO), ==, ';');
      g_assert_true (g_bytes_equal (auto_csv, semicolon_csv));
      g_assert_cmpint (rg_csv_separator_get_char (RG_CSV_SEPARATOR_COMMA), ==, ',');
    }
  else
    g_test_message ("No fr_FR.UTF-8 locale: the automatic separator checked in C only");
  setlocale (LC_NUMERIC, numeric);
}

/* Python's csv module, as a third party, reads the four tables, with
 * either separator, to the same fields as the reader above */
static void
test_csv_python (void)
{
  static const char *script =
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    rows = list(csv.reader(f, delimiter=sys.argv[2], strict=True))\n"
    "sys.stdout.write('\\x1e'.join('\\x1f'.join(row) for row in rows))\n";
  static const char *tables[] = { "statements", "links", "criteria", "actions" };
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *dir = NULL;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }
  dir = g_dir_make_tmp ("regards-csv-XXXXXX", NULL);
  g_assert_nonnull (dir);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint s = 0; s < 2; s++)
      {
        RgCsvSeparator separator = s == 0 ? RG_CSV_SEPARATOR_COMMA : RG_CSV_SEPARATOR_SEMICOLON;
        g_autoptr(GBytes) csv = rg_export_csv_table (session, tables[t], separator);
        g_autoptr(GPtrArray) rows = read_csv_separated (csv, s == 0 ? ',' : ';');
        g_autofree char *path = g_build_filename (dir, tables[t], NULL);
        g_autofree char *out = NULL;
        g_autoptr(GError) error = NULL;
        g_auto(GStrv) records = NULL;
        int status;
        const char *argv[] = { python, "-c", script, path, s == 0 ? "," : ";", NULL };

        g_assert_true (g_file_set_contents (path, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL));
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                     &out, NULL, &status, &error));
        g_assert_no_error (error);
        g_assert_true (g_spawn_check_wait_status (status, NULL));

        records = g_strsplit (out, "\x1e", -1);
        g_assert_cmpuint (g_strv_length (records), ==, rows->len);
        for (guint i = 0; i < rows->len; i++)
          {
            g_auto(GStrv) fields = g_strsplit (records[i], "\x1f", -1);

            g_assert_cmpstrv (fields, g_ptr_array_index (rows, i));
          }
        g_remove (path);
      }
  g_rmdir (dir);
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
  g_test_add_func ("/export-csv/join", test_csv_join);
  g_test_add_func ("/export-csv/formulas", test_csv_formulas);
  g_test_add_func ("/export-csv/actions", test_csv_actions);
  g_test_add_func ("/export-csv/separator", test_csv_separator);
  g_test_add_func ("/export-csv/python", test_csv_python);

  return g_test_run ();
}
