/* test-schema-values.c — the loader's checks of values agree with the schema
 *
 * The loader validates a file against the structure of the schema only,
 * and checks in C what the `pattern` facets of data/schema/regards.rng
 * and regards-sitting.rng say (ids, dates, times, colours…). This proves
 * the two ways agree: on every fixture of the tests, the examples, the
 * templates and the hostile files, and on variants of a file that break
 * one value at a time (or bend it, staying valid), the loader
 * (_rg_xml_read ()) and the loader with the reference schema instead
 * (_rg_xml_read_against ()) both accept or both refuse; and so does
 * `xmllint --relaxng`, when installed, on the variants. On the same files,
 * the library's check, which builds no session (rg_session_check_bytes ()),
 * and the whole loader (rg_session_new_from_bytes ()) both accept or both
 * refuse with the same message.
 *
 * The places of the values and their shapes are written here by hand,
 * from the schemas, not from the loader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rg-session-xml.h"
#include "rg-session-xml-private.h"
#include "rg-test-utils.h"

typedef enum
{
  UUID,
  DATE,
  TIME,
  COLOUR,
  VERSIONS,
  FIELD,
  TIME_OF_DAY,
  N_SHAPES
} Shape;

typedef struct
{
  RgXmlKind   kind;
  const char *element;
  const char *attribute; /* NULL: the element's text */
  Shape       shape;
} Place;

/* Every value of the schemas with a `pattern` facet */
static const Place places[] = {
  { RG_XML_SESSION, "session", "id", UUID },
  { RG_XML_SESSION, "session", "contributor", UUID },
  { RG_XML_SESSION, "session", "known-versions", VERSIONS },
  { RG_XML_SESSION, "date", NULL, DATE },
  { RG_XML_SESSION, "next-review", NULL, DATE },
  { RG_XML_SESSION, "situation", "id", UUID },
  { RG_XML_SESSION, "partner", "id", UUID },
  { RG_XML_SESSION, "partner", "colour", COLOUR },
  { RG_XML_SESSION, "partner", "contribution-asked", DATE },
  { RG_XML_SESSION, "partner", "contribution-received", DATE },
  { RG_XML_SESSION, "dimension", "id", UUID },
  { RG_XML_SESSION, "statement", "id", UUID },
  { RG_XML_SESSION, "statement", "partner", UUID },
  { RG_XML_SESSION, "statement", "dimension", UUID },
  { RG_XML_SESSION, "statement", "created", TIME },
  { RG_XML_SESSION, "statement", "changed", TIME },
  { RG_XML_SESSION, "link", "id", UUID },
  { RG_XML_SESSION, "link", "term", UUID },
  { RG_XML_SESSION, "member", "statement", UUID },
  { RG_XML_SESSION, "term", "id", UUID },
  { RG_XML_SESSION, "meaning", "partner", UUID },
  { RG_XML_SESSION, "category", "id", UUID },
  { RG_XML_SESSION, "criterion", "id", UUID },
  { RG_XML_SESSION, "proposed-by", "partner", UUID },
  { RG_XML_SESSION, "action", "id", UUID },
  { RG_XML_SESSION, "action", "owner", UUID },
  { RG_XML_SESSION, "action", "due", DATE },
  { RG_XML_SESSION, "consent", "id", UUID },
  { RG_XML_SESSION, "consent", "date", DATE },
  { RG_XML_SESSION, "consent", "recorded-by", UUID },
  { RG_XML_SESSION, "item", "id", UUID },
  { RG_XML_SESSION, "conflict", "id", UUID },
  { RG_XML_SESSION, "conflict", "object", UUID },
  { RG_XML_SESSION, "conflict", "field", FIELD },
  { RG_XML_SESSION, "conflict", "partner", UUID },
  { RG_XML_SESSION, "conflict", "recorded", TIME },
  { RG_XML_SITTING, "sitting", "id", UUID },
  { RG_XML_SITTING, "date", NULL, DATE },
  { RG_XML_SITTING, "item", "id", UUID },
  { RG_XML_SITTING, "item", "situation", UUID },
  { RG_XML_SITTING, "item", "start", TIME_OF_DAY },
  { RG_XML_SITTING, "item", "end", TIME_OF_DAY },
  { RG_XML_SITTING, "session", "id", UUID },
  { RG_XML_SITTING, "invited", "partner", UUID },
};

typedef struct
{
  const char *value;
  gboolean    valid;
} Value;

#define BAD(v)  { v, FALSE }
#define GOOD(v) { v, TRUE }

/* For each shape: values that break its pattern, one way each, and
 * values at its edges that keep to it */
static const Value uuid_values[] = {
  BAD ("0b8c6a3e-5d1f-4a2b-9c3d-1e2f3a4b5c6g"),
  BAD ("0B8C6A3E-5D1F-4A2B-9C3D-1E2F3A4B5C6D"),
  BAD ("0b8c6a3e5d1f4a2b9c3d1e2f3a4b5c6d"),
  BAD ("0b8c6a3e-5d1f-4a2b-9c3d-1e2f3a4b5c6"),
  BAD ("0b8c6a3e-5d1f-4a2b-9c3d-1e2f3a4b5c6d0"),
  BAD ("0b8c6a3e_5d1f-4a2b-9c3d-1e2f3a4b5c6d"),
  BAD ("0b8c6a3e-5d1f4-a2b-9c3d-1e2f3a4b5c6d"),
  BAD (" 0b8c6a3e-5d1f-4a2b-9c3d-1e2f3a4b5c6d"),
  BAD ("0b8c6a3e-5d1f-4a2b-9c3d-1e2f3a4b5c6d\n"),
  BAD ("０b8c6a3e-5d1f-4a2b-9c3d-1e2f3a4b5c6d"),
  BAD (""),
  BAD ("{0b8c6a3e-5d1f-4a2b-9c3d-1e2f3a4b5c6d}"),
  GOOD ("00000000-0000-0000-0000-000000000000"),
  GOOD ("ffffffff-ffff-ffff-ffff-ffffffffffff"),
  GOOD ("a9b8c7d6-e5f4-0312-8a9b-c0d1e2f3a4b5"),
  { NULL }
};

static const Value date_values[] = {
  BAD ("2026-13-01"),
  BAD ("2026-00-10"),
  BAD ("2026-01-00"),
  BAD ("2026-01-32"),
  BAD ("2026-01-40"),
  BAD ("2026-20-01"),
  BAD ("2026-1-01"),
  BAD ("26-01-01"),
  BAD ("12026-01-01"),
  BAD ("2026/01/01"),
  BAD ("2026-01-01 "),
  BAD (" 2026-01-01"),
  BAD ("２０２６-01-01"),
  BAD ("2026-01-01Z"),
  BAD ("2026-01-01T00:00:00Z"),
  BAD ("2026-1a-01"),
  BAD (""),
  GOOD ("0000-01-01"),
  GOOD ("9999-12-31"),
  GOOD ("2026-10-29"),
  GOOD ("2026-09-19"),
  GOOD ("2026-02-30"), /* the pattern's part; that the day exists is step 7 */
  { NULL }
};

static const Value time_values[] = {
  BAD ("2026-01-01T25:00:00Z"),
  BAD ("2026-01-01T24:00:00Z"),
  BAD ("2026-01-01T30:00:00Z"),
  BAD ("2026-01-01T23:60:00Z"),
  BAD ("2026-01-01T23:59:60Z"),
  BAD ("2026-01-01T23:59:59"),
  BAD ("2026-01-01t23:59:59Z"),
  BAD ("2026-01-01T23:59:59z"),
  BAD ("2026-01-01 23:59:59Z"),
  BAD ("2026-01-01T23:59:59+01:00"),
  BAD ("2026-01-01T23:59:59.5Z"),
  BAD ("2026-01-01T9:59:59Z"),
  BAD ("2026-13-01T00:00:00Z"),
  BAD ("2026-01-32T00:00:00Z"),
  BAD ("2026-01-01"),
  BAD (""),
  GOOD ("2026-01-01T00:00:00Z"),
  GOOD ("2026-12-31T23:59:59Z"),
  GOOD ("2026-01-01T19:09:09Z"),
  GOOD ("2026-01-01T20:50:50Z"),
  { NULL }
};

static const Value colour_values[] = {
  BAD ("#GGG"),
  BAD ("#GGGGGG"),
  BAD ("#123"),
  BAD ("#12345"),
  BAD ("#1234567"),
  BAD ("123456"),
  BAD ("#12345g"),
  BAD ("#12 456"),
  BAD (" #123456"),
  BAD ("##12345"),
  BAD (""),
  GOOD ("#ABCDEF"),
  GOOD ("#abcdef"),
  GOOD ("#0a1B2c"),
  GOOD ("#000000"),
  { NULL }
};

static const Value versions_values[] = {
  BAD ("0123456789abcdeX"),
  BAD ("0123456789ABCDEF"),
  BAD ("0123456789abcde"),
  BAD ("0123456789abcdef0"),
  BAD ("0123456789abcdef,fedcba9876543210"),
  BAD ("0123456789abcdef\u00a0fedcba9876543210"),
  BAD ("0123456789abcdef fedcba987654321g"),
  GOOD (""),
  GOOD ("   "),
  GOOD ("0123456789abcdef"),
  GOOD (" 0123456789abcdef\t\nfedcba9876543210\r "),
  { NULL }
};

static const Value field_values[] = {
  BAD ("Name"),
  BAD ("name-"),
  BAD ("-name"),
  BAD ("a--b"),
  BAD ("a_b"),
  BAD ("a b"),
  BAD ("a1"),
  BAD ("né"),
  BAD ("-"),
  BAD (""),
  GOOD ("a"),
  GOOD ("z"),
  GOOD ("agreed-meaning"),
  GOOD ("x-y-z"),
  { NULL }
};

static const Value time_of_day_values[] = {
  BAD ("24:00"),
  BAD ("25:00"),
  BAD ("30:00"),
  BAD ("9:00"),
  BAD ("09:60"),
  BAD ("09:00:00"),
  BAD ("0900"),
  BAD ("09:0a"),
  BAD ("09h00"),
  BAD (""),
  GOOD ("00:00"),
  GOOD ("23:59"),
  GOOD ("19:09"),
  GOOD ("20:50"),
  { NULL }
};

static const Value * const values_of_shape[N_SHAPES] = {
  [UUID] = uuid_values,
  [DATE] = date_values,
  [TIME] = time_values,
  [COLOUR] = colour_values,
  [VERSIONS] = versions_values,
  [FIELD] = field_values,
  [TIME_OF_DAY] = time_of_day_values,
};

static char *
source_path (const char *first,
             ...)
{
  const char *root = g_getenv ("REGARDS_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static char *
reference_schema (RgXmlKind kind)
{
  return source_path ("data", "schema",
                      kind == RG_XML_SITTING ? "regards-sitting.rng" : "regards.rng", NULL);
}

/* Whether the loader accepts @bytes, after checking that the loader with
 * the reference schema says the same */
static gboolean
assert_agree (GBytes      *bytes,
              RgXmlKind    kind,
              const char  *what)
{
  g_autofree char *schema = reference_schema (kind);
  g_autoptr(GError) loader_error = NULL;
  g_autoptr(GError) reference_error = NULL;
  xmlDoc *loader = _rg_xml_read (bytes, kind, &loader_error);
  xmlDoc *reference = _rg_xml_read_against (bytes, kind, schema, &reference_error);
  gboolean accepted = loader != NULL;

  /* The reference schema must compile */
  g_assert_false (g_error_matches (reference_error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
  g_assert_false (g_error_matches (reference_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));

  if ((loader != NULL) != (reference != NULL))
    g_error ("%s: the loader %s it (%s), the reference schema %s it (%s)", what,
             loader != NULL ? "accepts" : "refuses",
             loader_error != NULL ? loader_error->message : "",
             reference != NULL ? "accepts" : "refuses",
             reference_error != NULL ? reference_error->message : "");

  /* Refused for the same reason, as far as the codes tell */
  if (loader == NULL)
    g_assert_cmpint (loader_error->code, ==, reference_error->code);

  /* The check the library makes of every file, without the model, says
   * what the whole loader says, to the word */
  if (kind == RG_XML_SESSION)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(GError) check_error = NULL;
      g_autoptr(RgSession) session = rg_session_new_from_bytes (bytes, &load_error);
      gboolean checked = rg_session_check_bytes (bytes, &check_error);

      if ((session != NULL) != checked)
        g_error ("%s: the loader %s it (%s), the check %s it (%s)", what,
                 session != NULL ? "accepts" : "refuses",
                 load_error != NULL ? load_error->message : "",
                 checked ? "accepts" : "refuses",
                 check_error != NULL ? check_error->message : "");
      if (session == NULL)
        g_assert_cmpstr (load_error->message, ==, check_error->message);
    }

  g_clear_pointer (&loader, xmlFreeDoc);
  g_clear_pointer (&reference, xmlFreeDoc);

  return accepted;
}

static void
collect_files (const char *dir,
               GPtrArray  *files)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, files);
      else if (g_str_has_suffix (name, ".regards") || g_str_has_suffix (name, ".regards-sitting"))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

static void
test_fixtures (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char * const folders[][2] = {
    { "tests", NULL },
    { "data", "examples" },
    { "data", "templates" },
  };
  guint n_accepted = 0;
  guint n_hostile = 0;

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir = source_path (folders[i][0], folders[i][1], NULL);

      collect_files (dir, files);
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *data = NULL;
      gsize size;
      RgXmlKind kind = g_str_has_suffix (path, ".regards-sitting") ? RG_XML_SITTING : RG_XML_SESSION;

      g_assert_true (g_file_get_contents (path, &data, &size, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&data), size);

      if (assert_agree (bytes, kind, path))
        n_accepted++;
      if (strstr (path, "hostile") != NULL)
        n_hostile++;
    }

  /* The fixtures the other tests read, the hostile ones among them */
  g_test_message ("%u files, %u accepted", files->len, n_accepted);
  g_assert_cmpuint (files->len, >=, 25);
  g_assert_cmpuint (n_hostile, >=, 5);
  g_assert_cmpuint (n_accepted, >=, 8);
}

/* The first element @name, in document order, with an @attribute if
 * not %NULL */
static xmlNode *
find_element (xmlNode    *node,
              const char *name,
              const char *attribute)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, (const xmlChar *) name)
          && (attribute == NULL || xmlHasProp (node, (const xmlChar *) attribute)))
        return node;
      if ((found = find_element (node->children, name, attribute)) != NULL)
        return found;
    }

  return NULL;
}

/* @base with the value at @place replaced by @value, or %NULL if @base
 * has no value there */
static GBytes *
make_variant (GBytes      *base,
              const Place *place,
              const char  *value)
{
  gsize size;
  const char *data = g_bytes_get_data (base, &size);
  xmlDoc *doc = xmlReadMemory (data, (int) size, NULL, "UTF-8", XML_PARSE_NONET);
  xmlNode *node;
  xmlChar *out = NULL;
  int out_size = 0;

  g_assert_nonnull (doc);
  node = find_element (xmlDocGetRootElement (doc), place->element, place->attribute);
  if (node == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  if (place->attribute != NULL)
    xmlSetProp (node, (const xmlChar *) place->attribute, (const xmlChar *) value);
  else
    {
      xmlNodeSetContent (node, NULL);
      xmlNodeAddContent (node, (const xmlChar *) value);
    }

  xmlDocDumpMemoryEnc (doc, &out, &out_size, "UTF-8");
  xmlFreeDoc (doc);

  return g_bytes_new_with_free_func (out, out_size, (GDestroyNotify) xmlFree, out);
}

typedef struct
{
  char     *path;
  char     *what;
  gboolean  accepted;
} Variant;

static void
variant_free (Variant *variant)
{
  g_free (variant->path);
  g_free (variant->what);
  g_free (variant);
}

/* Checks what `xmllint --relaxng` says of @variants, all of @kind */
static void
check_with_xmllint (GPtrArray *variants,
                    RgXmlKind  kind)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = reference_schema (kind);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (xmllint == NULL)
    {
      g_test_message ("xmllint is not installed: checked against the reference schema in process only");
      return;
    }
  if (variants->len == 0)
    return;

  g_ptr_array_add (argv, xmllint);
  g_ptr_array_add (argv, (gpointer) "--noout");
  g_ptr_array_add (argv, (gpointer) "--nonet");
  g_ptr_array_add (argv, (gpointer) "--relaxng");
  g_ptr_array_add (argv, schema);
  for (guint i = 0; i < variants->len; i++)
    g_ptr_array_add (argv, ((Variant *) variants->pdata[i])->path);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < variants->len; i++)
    {
      Variant *variant = variants->pdata[i];
      g_autofree char *validates = g_strdup_printf ("\n%s validates\n", variant->path);
      g_autofree char *fails = g_strdup_printf ("\n%s fails to validate\n", variant->path);
      g_autofree char *all = g_strconcat ("\n", err, NULL);
      gboolean accepted = strstr (all, validates) != NULL;

      if (!accepted && strstr (all, fails) == NULL)
        g_error ("xmllint said nothing of %s", variant->what);
      if (accepted != variant->accepted)
        g_error ("%s: the loader %s it, xmllint %s it", variant->what,
                 variant->accepted ? "accepts" : "refuses", accepted ? "accepts" : "refuses");
    }
}

static void
test_variants (void)
{
  const char * const bases[][3] = {
    { "tests", "data/values", "every-value.regards" },
    { "data", "examples", "exemple-eleve-a.regards" },
    { "tests", "data/sitting", "valid.regards-sitting" },
  };
  g_autofree char *dir = g_dir_make_tmp ("regards-schema-values-XXXXXX", NULL);
  g_autoptr(GPtrArray) session_variants = g_ptr_array_new_with_free_func ((GDestroyNotify) variant_free);
  g_autoptr(GPtrArray) sitting_variants = g_ptr_array_new_with_free_func ((GDestroyNotify) variant_free);
  GPtrArray *variants[] = { [RG_XML_SESSION] = session_variants, [RG_XML_SITTING] = sitting_variants };
  gboolean place_seen[G_N_ELEMENTS (places)] = { FALSE };
  guint n_refused = 0;

  g_assert_nonnull (dir);

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      g_autofree char *path = source_path (bases[b][0], bases[b][1], bases[b][2], NULL);
      RgXmlKind kind = g_str_has_suffix (path, "-sitting") ? RG_XML_SITTING : RG_XML_SESSION;
      g_autoptr(GBytes) base = NULL;
      g_autofree char *data = NULL;
      gsize size;

      g_assert_true (g_file_get_contents (path, &data, &size, NULL));
      base = g_bytes_new_take (g_steal_pointer (&data), size);
      g_assert_true (assert_agree (base, kind, path));

      for (guint p = 0; p < G_N_ELEMENTS (places); p++)
        {
          const Place *place = &places[p];
          const Value *values = values_of_shape[place->shape];

          if (place->kind != kind)
            continue;

          for (guint v = 0; values[v].value != NULL; v++)
            {
              g_autoptr(GBytes) variant = make_variant (base, place, values[v].value);
              g_autofree char *what = NULL;
              Variant *written;
              gboolean accepted;

              if (variant == NULL)
                break;

              place_seen[p] = TRUE;
              what = g_strdup_printf ("%s with %s%s%s = “%s”", bases[b][2], place->element,
                                      place->attribute != NULL ? "/@" : "",
                                      place->attribute != NULL ? place->attribute : "",
                                      values[v].value);
              accepted = assert_agree (variant, kind, what);
              if (accepted != values[v].valid)
                g_error ("%s: %s by both, expected the other way", what,
                         accepted ? "accepted" : "refused");

              if (!accepted)
                {
                  g_autoptr(GError) error = NULL;

                  g_assert_null (_rg_xml_read (variant, kind, &error));
                  g_assert_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID);
                  n_refused++;
                }

              written = g_new0 (Variant, 1);
              written->path = g_strdup_printf ("%s/%u-%u-%u.xml", dir, b, p, v);
              written->what = g_steal_pointer (&what);
              written->accepted = accepted;
              g_assert_true (g_file_set_contents (written->path, g_bytes_get_data (variant, NULL),
                                                  g_bytes_get_size (variant), NULL));
              g_ptr_array_add (variants[kind], written);
            }
        }
    }

  /* Every place was met in a base file, and broken */
  for (guint p = 0; p < G_N_ELEMENTS (places); p++)
    {
      if (!place_seen[p])
        g_error ("no base file has a value at %s/@%s", places[p].element,
                 places[p].attribute != NULL ? places[p].attribute : "(text)");
    }
  g_test_message ("%u variants refused", n_refused);
  g_assert_cmpuint (n_refused, >, 300);

  check_with_xmllint (variants[RG_XML_SESSION], RG_XML_SESSION);
  check_with_xmllint (variants[RG_XML_SITTING], RG_XML_SITTING);

  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < variants[k]->len; i++)
      g_unlink (((Variant *) variants[k]->pdata[i])->path);
  g_rmdir (dir);
}

/* The loader's message names the line, the value and where it is */
static void
test_message (void)
{
  g_autofree char *path = source_path ("tests", "data/values", "every-value.regards", NULL);
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GBytes) variant = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *line = NULL;
  const Place colour = { RG_XML_SESSION, "partner", "colour", COLOUR };
  const char *text;
  const char *at;
  guint n_line = 1;
  gsize size;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  base = g_bytes_new_take (g_steal_pointer (&data), size);
  variant = make_variant (base, &colour, "#GGG");

  g_assert_null (_rg_xml_read (variant, RG_XML_SESSION, &error));
  g_assert_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID);
  /* The line of the value in the file */
  text = g_bytes_get_data (variant, NULL);
  at = strstr (text, "#GGG");
  g_assert_nonnull (at);
  for (const char *c = text; c < at; c++)
    n_line += *c == '\n';
  line = g_strdup_printf ("line %u:", n_line);
  g_assert_nonnull (strstr (error->message, line));
  g_assert_nonnull (strstr (error->message, "“#GGG”"));
  g_assert_nonnull (strstr (error->message, "partner/@colour"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  rg_test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema-values/fixtures", test_fixtures);
  g_test_add_func ("/schema-values/variants", test_variants);
  g_test_add_func ("/schema-values/message", test_message);

  return g_test_run ();
}
