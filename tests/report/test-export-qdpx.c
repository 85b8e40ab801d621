/* test-export-qdpx.c — rg_export_qdpx(): sessions as a REFI-QDA project
 *
 * The project is opened back with libgsf's zip reader and project.qde
 * parsed with libxml2, then checked against what REFI-QDA 1.0 asks:
 * the layout of the zip; the element order and required attributes of
 * the schema (Project.xsd, written here as a table from the standard's
 * documentation, since no package of this machine's registries ships
 * the schema; with RG_TEST_QDPX_SCHEMA naming a copy of Project.xsd,
 * xmllint validates against it too); every reference resolving; each
 * statement's text at its selection's positions, counted in code
 * points; links between existing selections; and, pseudonymised, no
 * name, code, institution or id of the session file left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rg-dimension.h"
#include "rg-export-qdpx.h"
#include "rg-link.h"
#include "rg-partner.h"
#include "rg-statement.h"
#include "rg-term.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"
#include "rg-test-zip.h"

#define QDA_NS RG_EXPORT_QDPX_NAMESPACE

/* A temporary folder of the test program */
static char *work_dir;

/* {{{ Reading a project back */

typedef struct
{
  RgTestZip  *zip;
  xmlDocPtr   doc;
  GHashTable *guids;   /* GUID → the xmlNodePtr that has it */
} Project;

static void
project_free (Project *project)
{
  rg_test_zip_free (project->zip);
  xmlFreeDoc (project->doc);
  g_hash_table_unref (project->guids);
  g_free (project);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Project, project_free)

static char *
prop (xmlNodePtr  node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_str_equal ((const char *) node->ns->href, QDA_NS) &&
         (name == NULL || g_str_equal ((const char *) node->name, name));
}

/* The elements named @name under @node, at any depth, in document order */
static void
collect (xmlNodePtr  node,
         const char *name,
         GPtrArray  *found)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, name))
        g_ptr_array_add (found, child);
      collect (child, name, found);
    }
}

static GPtrArray *
find_all (Project    *project,
          const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect ((xmlNodePtr) project->doc, name, found);
  return found;
}

static void
index_guids (Project    *project,
             xmlNodePtr  node)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *guid = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      guid = prop (child, "guid");
      if (guid != NULL)
        {
          if (g_hash_table_contains (project->guids, guid))
            g_error ("The GUID %s is given twice", guid);
          g_hash_table_insert (project->guids, g_steal_pointer (&guid), child);
        }
      index_guids (project, child);
    }
}

static Project *
read_project (GBytes *qdpx)
{
  Project *project = g_new0 (Project, 1);
  GBytes *qde;
  xmlNodePtr root;

  project->zip = rg_test_zip_read (qdpx);
  qde = rg_test_zip_get (project->zip, "project.qde");
  project->doc = xmlReadMemory (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde), "project.qde",
                                "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (project->doc);
  root = xmlDocGetRootElement (project->doc);
  g_assert_true (is_element (root, "Project"));
  project->guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_guids (project, (xmlNodePtr) project->doc);

  return project;
}

static Project *
export (GPtrArray         *sessions,
        RgExportQdpxFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) qdpx = rg_export_qdpx (sessions, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (qdpx);

  return read_project (qdpx);
}

static Project *
export_one (RgSession         *session,
            RgExportQdpxFlags  flags)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();

  g_ptr_array_add (sessions, session);
  return export (sessions, flags);
}

/* The node of @guid, of the element @name */
static xmlNodePtr
resolve (Project    *project,
         const char *guid,
         const char *name)
{
  xmlNodePtr node;

  g_assert_nonnull (guid);
  node = g_hash_table_lookup (project->guids, guid);
  if (node == NULL)
    g_error ("Nothing has the GUID %s", guid);
  if (!is_element (node, name))
    g_error ("%s is a %s, not a %s", guid, node->name, name);

  return node;
}

/* The text of the source of @source, a TextSource */
static char *
source_text (Project    *project,
             xmlNodePtr  source)
{
  g_autofree char *path = prop (source, "plainTextPath");
  g_autofree char *part = NULL;
  char *text;

  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, "internal://"));
  part = g_strconcat ("sources/", path + strlen ("internal://"), NULL);
  text = rg_test_zip_get_text (project->zip, part);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  return text;
}

/* @text from the @start-th code point to the @end-th, excluded */
static char *
substring (const char *text,
           glong       start,
           glong       end)
{
  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (end, >=, start);
  g_assert_cmpint (end, <=, g_utf8_strlen (text, -1));

  return g_utf8_substring (text, start, end);
}

static glong
prop_long (xmlNodePtr  node,
           const char *name)
{
  g_autofree char *value = prop (node, name);
  char *end = NULL;
  glong number;

  g_assert_nonnull (value);
  number = strtol (value, &end, 10);
  g_assert_true (end != value && *end == '\0');
  return number;
}

/* }}} */
/* {{{ The schema, as a table */

/* What Project.xsd (REFI-QDA 1.0) says of each element the export
 * writes: its children in the order of their sequence, and its
 * required attributes. Elements of one group of @children may come in
 * any order among themselves ("|" separates the groups' members: the
 * schema's choice). */
static const struct
{
  const char *element;
  const char *children;    /* in order, space-separated; NULL: text only or empty */
  const char *required;
} schema[] = {
  { "Project", "Users CodeBook Variables Cases Sources Notes Links Sets Graphs Description NoteRef",
    "name" },
  { "Users", "User", NULL },
  { "User", NULL, "guid" },
  { "CodeBook", "Codes", NULL },
  { "Codes", "Code", NULL },
  { "Code", "Description NoteRef Code", "guid name isCodable" },
  { "Variables", "Variable", NULL },
  { "Variable", "Description", "guid name typeOfVariable" },
  { "Cases", "Case", NULL },
  { "Case", "Description CodeRef VariableValue SourceRef SelectionRef", "guid" },
  { "Sources", "TextSource|PictureSource|PDFSource|AudioSource|VideoSource", NULL },
  { "TextSource", "Description PlainTextContent PlainTextSelection Coding NoteRef VariableValue",
    "guid" },
  { "Note", "Description PlainTextContent PlainTextSelection Coding NoteRef VariableValue", "guid" },
  { "PlainTextSelection", "Description Coding NoteRef", "guid startPosition endPosition" },
  { "Coding", "CodeRef NoteRef", "guid" },
  { "VariableValue", "VariableRef TextValue|BooleanValue|IntegerValue|FloatValue|DateValue|DateTimeValue",
    NULL },
  { "Notes", "Note", NULL },
  { "Links", "Link", NULL },
  { "Link", "NoteRef", "guid" },
  { "NoteRef", NULL, "targetGUID" },
  { "CodeRef", NULL, "targetGUID" },
  { "SourceRef", NULL, "targetGUID" },
  { "VariableRef", NULL, "targetGUID" },
  { "Description", NULL, NULL },
  { "PlainTextContent", NULL, NULL },
  { "TextValue", NULL, NULL },
  { "DateValue", NULL, NULL },
};

/* Lists that must have at least one member, and the members' name */
static const char * const non_empty[][2] = {
  { "Users", "User" }, { "Codes", "Code" }, { "Variables", "Variable" }, { "Cases", "Case" },
  { "Notes", "Note" }, { "Links", "Link" },
};

static const char * const guid_attributes[] = {
  "guid", "targetGUID", "originGUID", "creatingUser", "modifyingUser", "creatingUserGUID", NULL,
};

static gboolean
is_guid (const char *value)
{
  static GRegex *pattern;

  if (pattern == NULL)
    pattern = g_regex_new ("^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                           "[0-9a-fA-F]{12})$", 0, 0, NULL);
  return g_regex_match (pattern, value, 0, NULL);
}

/* The position of @name among @children's groups, or -1 */
static int
child_rank (const char *children,
            const char *name)
{
  g_auto(GStrv) groups = g_strsplit (children, " ", -1);

  for (int i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) members = g_strsplit (groups[i], "|", -1);

      if (g_strv_contains ((const char * const *) members, name))
        return i;
    }

  return -1;
}

static void
check_element (xmlNodePtr node)
{
  const char *name = (const char *) node->name;
  int rank = 0;
  guint i;

  g_assert_true (is_element (node, NULL));
  for (i = 0; i < G_N_ELEMENTS (schema); i++)
    if (g_str_equal (schema[i].element, name))
      break;
  if (i == G_N_ELEMENTS (schema))
    g_error ("The schema has no element %s where the export puts it", name);

  if (schema[i].required != NULL)
    {
      g_auto(GStrv) required = g_strsplit (schema[i].required, " ", -1);

      for (guint r = 0; required[r] != NULL; r++)
        if (!xmlHasProp (node, (const xmlChar *) required[r]))
          g_error ("%s lacks its attribute %s", name, required[r]);
    }

  for (xmlAttrPtr attribute = node->properties; attribute != NULL; attribute = attribute->next)
    {
      const char *attribute_name = (const char *) attribute->name;
      g_autofree char *value = prop (node, attribute_name);

      if (g_strv_contains (guid_attributes, attribute_name) ||
          (g_str_equal (attribute_name, "targetGUID")))
        if (!is_guid (value))
          g_error ("%s's %s is not a GUID: %s", name, attribute_name, value);
      if (g_str_equal (attribute_name, "color"))
        g_assert_true (g_regex_match_simple ("^#[0-9A-Fa-f]{6}$", value, 0, 0));
      if (g_str_equal (attribute_name, "isCodable"))
        g_assert_true (g_str_equal (value, "true") || g_str_equal (value, "false"));
      if (g_str_equal (attribute_name, "typeOfVariable"))
        g_assert_true (g_regex_match_simple ("^(Text|Boolean|Integer|Float|Date|DateTime)$",
                                             value, 0, 0));
      if (g_str_equal (attribute_name, "direction"))
        g_assert_true (g_regex_match_simple ("^(Associative|OneWay|Bidirectional)$", value, 0, 0));
      if (g_str_has_suffix (attribute_name, "Position"))
        g_assert_true (g_regex_match_simple ("^[0-9]+$", value, 0, 0));
      if (g_str_has_suffix (attribute_name, "DateTime"))
        g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)?$",
                                             value, 0, 0));
    }

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      int child_position;

      if (child->type == XML_TEXT_NODE && schema[i].children != NULL)
        {
          g_autofree char *text = (char *) xmlNodeGetContent (child);

          g_strstrip (text);
          if (*text != '\0')
            g_error ("%s holds text where the schema wants elements", name);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (schema[i].children == NULL)
        g_error ("%s holds an element %s where the schema wants none", name, child->name);

      child_position = child_rank (schema[i].children, (const char *) child->name);
      if (child_position < 0)
        g_error ("%s may not hold %s", name, child->name);
      if (child_position < rank)
        g_error ("In %s, %s comes after what the schema puts after it", name, child->name);
      rank = child_position;
      check_element (child);
    }

  for (i = 0; i < G_N_ELEMENTS (non_empty); i++)
    if (g_str_equal (non_empty[i][0], name))
      {
        g_autoptr(GPtrArray) members = g_ptr_array_new ();

        for (xmlNodePtr child = node->children; child != NULL; child = child->next)
          if (is_element (child, non_empty[i][1]))
            g_ptr_array_add (members, child);
        g_assert_cmpuint (members->len, >, 0);
      }
  if (g_str_equal (name, "CodeBook"))
    g_assert_nonnull (node->children);
  if (g_str_equal (name, "VariableValue"))
    {
      guint n = 0;

      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        n += child->type == XML_ELEMENT_NODE;
      g_assert_cmpuint (n, ==, 2);
    }
}

/* Checks project.qde as the schema would; and with the schema itself
 * when one is at hand */
static void
assert_schema_valid (Project *project)
{
  const char *xsd = g_getenv ("RG_TEST_QDPX_SCHEMA");
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *path = g_build_filename (work_dir, "project.qde", NULL);
  GBytes *qde = rg_test_zip_get (project->zip, "project.qde");
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  check_element (xmlDocGetRootElement (project->doc));

  if (xmllint == NULL)
    {
      g_test_message ("xmllint is not installed: project.qde is checked by libxml2 alone");
      return;
    }

  g_file_set_contents (path, g_bytes_get_data (qde, NULL), g_bytes_get_size (qde), &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { xmllint, "--noout", "--nonet", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                  &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("xmllint --noout: %s", err);
    g_clear_pointer (&err, g_free);
  }

  if (xsd == NULL || !g_file_test (xsd, G_FILE_TEST_IS_REGULAR))
    {
      g_test_message ("No copy of REFI-QDA's Project.xsd (RG_TEST_QDPX_SCHEMA): "
                      "project.qde is checked against the schema's rules written in this test");
      return;
    }

  {
    const char *argv[] = { xmllint, "--noout", "--nonet", "--schema", xsd, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                  &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("xmllint --schema %s: %s", xsd, err);
  }
}

/* }}} */
/* {{{ Checks of a project */

/* The zip holds project.qde, then one .txt per source in sources/,
 * nothing else; and every source's text is there */
static void
assert_layout (Project *project,
               guint    n_sources)
{
  g_autoptr(GPtrArray) sources = find_all (project, "TextSource");

  g_assert_cmpstr (project->zip->names->pdata[0], ==, "project.qde");
  g_assert_cmpuint (project->zip->names->len, ==, 1 + n_sources);
  g_assert_cmpuint (sources->len, ==, n_sources);

  for (guint i = 1; i < project->zip->names->len; i++)
    {
      const char *name = project->zip->names->pdata[i];
      g_autofree char *guid = NULL;

      g_assert_true (g_str_has_prefix (name, "sources/"));
      g_assert_true (g_str_has_suffix (name, ".txt"));
      guid = g_strndup (name + strlen ("sources/"), strlen (name) - strlen ("sources/.txt"));
      resolve (project, guid, "TextSource");
    }
  for (guint i = 0; i < sources->len; i++)
    g_free (source_text (project, sources->pdata[i]));
}

/* Every reference names an element of the right kind */
static void
assert_references (Project *project)
{
  static const char * const refs[][2] = {
    { "CodeRef", "Code" }, { "NoteRef", "Note" }, { "SourceRef", "TextSource" },
    { "VariableRef", "Variable" },
  };
  g_autoptr(GPtrArray) selections = find_all (project, "PlainTextSelection");
  g_autoptr(GPtrArray) sources = find_all (project, "TextSource");
  g_autoptr(GPtrArray) codes = find_all (project, "Code");

  for (guint r = 0; r < G_N_ELEMENTS (refs); r++)
    {
      g_autoptr(GPtrArray) found = find_all (project, refs[r][0]);

      for (guint i = 0; i < found->len; i++)
        {
          g_autofree char *target = prop (found->pdata[i], "targetGUID");

          resolve (project, target, refs[r][1]);
        }
    }

  for (guint i = 0; i < selections->len; i++)
    {
      g_autofree char *user = prop (selections->pdata[i], "creatingUser");

      resolve (project, user, "User");
    }
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *user = prop (sources->pdata[i], "creatingUser");

      resolve (project, user, "User");
    }

  /* A code that groups others is not codable, and nothing codes with it */
  for (guint i = 0; i < codes->len; i++)
    {
      xmlNodePtr code = codes->pdata[i];
      g_autofree char *codable = prop (code, "isCodable");
      gboolean parent = FALSE;

      for (xmlNodePtr child = code->children; child != NULL; child = child->next)
        parent |= is_element (child, "Code");
      g_assert_cmpstr (codable, ==, parent ? "false" : "true");
    }
}

/* The selections coded with @code's children, by selection GUID */
static GHashTable *
coded_with_group (Project    *project,
                  const char *group_name)
{
  g_autoptr(GPtrArray) codes = find_all (project, "Code");
  g_autoptr(GPtrArray) codings = find_all (project, "Coding");
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *selections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < codes->len; i++)
    {
      xmlNodePtr code = codes->pdata[i];
      g_autofree char *name = prop (code, "name");

      if (!g_str_equal (name, group_name))
        continue;
      for (xmlNodePtr child = code->children; child != NULL; child = child->next)
        if (is_element (child, "Code"))
          g_hash_table_add (members, prop (child, "guid"));
    }
  g_assert_cmpuint (g_hash_table_size (members), >, 0);

  for (guint i = 0; i < codings->len; i++)
    {
      xmlNodePtr coding = codings->pdata[i];

      for (xmlNodePtr child = coding->children; child != NULL; child = child->next)
        if (is_element (child, "CodeRef"))
          {
            g_autofree char *target = prop (child, "targetGUID");

            if (g_hash_table_contains (members, target))
              g_hash_table_add (selections, prop (coding->parent, "guid"));
          }
    }

  return selections;
}

/* }}} */
/* {{{ The example session */

static guint
n_statements_with_text (RgSession *session)
{
  GListModel *statements = rg_session_get_statements (session);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);
      g_autofree char *text = g_strstrip (g_strdup (rg_statement_get_text (statement)));

      n += *text != '\0';
    }

  return n;
}

static void
test_export_qdpx_layout (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(Project) project = export_one (session, RG_EXPORT_QDPX_NONE);
  g_autoptr(GPtrArray) users = find_all (project, "User");
  g_autoptr(GPtrArray) cases = find_all (project, "Case");
  g_autoptr(GPtrArray) variables = find_all (project, "Variable");
  GListModel *partners = rg_session_get_partners (session);

  /* Six partners, six sources */
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 6);
  assert_layout (project, 6);
  assert_schema_valid (project);
  assert_references (project);

  g_assert_cmpuint (users->len, ==, 6);
  for (guint i = 0; i < users->len; i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      g_autofree char *name = prop (users->pdata[i], "name");

      g_assert_cmpstr (name, ==, rg_partner_get_name (partner));
    }

  /* One situation, named as the team names it */
  g_assert_cmpuint (cases->len, ==, 1);
  {
    g_autofree char *name = prop (cases->pdata[0], "name");

    g_assert_cmpstr (name, ==, "Élève A., CM1");
  }
  g_assert_cmpuint (variables->len, ==, 4);
}

static void
test_export_qdpx_statements (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(Project) project = export_one (session, RG_EXPORT_QDPX_NONE);
  g_autoptr(GPtrArray) sources = find_all (project, "TextSource");
  g_autoptr(GPtrArray) selections = find_all (project, "PlainTextSelection");
  g_autoptr(GHashTable) with_dimension = coded_with_group (project, "Dimensions");
  g_autoptr(GHashTable) with_kind = coded_with_group (project, "Kinds of statement");
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *statements = rg_session_get_statements (session);
  guint n_found = 0;

  /* Every statement has its selection, no two selections the same */
  g_assert_cmpuint (selections->len, ==, n_statements_with_text (session));

  for (guint s = 0; s < sources->len; s++)
    {
      xmlNodePtr source = sources->pdata[s];
      g_autofree char *text = source_text (project, source);
      g_autofree char *user_guid = prop (source, "creatingUser");
      g_autofree char *user = prop (resolve (project, user_guid, "User"), "name");

      for (xmlNodePtr child = source->children; child != NULL; child = child->next)
        {
          g_autofree char *found = NULL;
          g_autofree char *guid = NULL;
          g_autofree char *selection_user = NULL;

          if (!is_element (child, "PlainTextSelection"))
            continue;
          found = substring (text, prop_long (child, "startPosition"), prop_long (child, "endPosition"));
          guid = prop (child, "guid");
          selection_user = prop (child, "creatingUser");
          g_assert_cmpstr (selection_user, ==, user_guid);
          g_assert_true (g_hash_table_contains (with_dimension, guid));
          g_assert_true (g_hash_table_contains (with_kind, guid));

          /* The text at the selection's place is one of that partner's statements */
          for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
            {
              g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);
              RgPartner *partner = rg_session_find_partner (session, rg_statement_get_partner_id (statement));

              if (g_str_equal (rg_statement_get_text (statement), found) &&
                  g_str_equal (rg_partner_get_name (partner), user))
                {
                  g_assert_true (g_hash_table_add (texts, g_strdup (rg_statement_get_id (statement))));
                  n_found++;
                  break;
                }
              if (i + 1 == g_list_model_get_n_items (statements))
                g_error ("“%s” at its selection's place in %s's source is no statement of theirs",
                         found, user);
            }
        }
    }

  g_assert_cmpuint (n_found, ==, n_statements_with_text (session));
}

/* A session written by hand, whose positions are counted by hand */
static RgSession *
make_small_session (const char *situation_id)
{
  RgSession *session = rg_session_new ();
  g_autoptr(RgPartner) partner = rg_partner_new ();
  g_autoptr(RgPartner) other = rg_partner_new ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(RgStatement) first = NULL;
  g_autoptr(RgStatement) second = NULL;
  g_autoptr(RgStatement) third = NULL;
  g_autoptr(RgStatement) blank = NULL;
  g_autoptr(RgLink) link = rg_link_new (RG_LINK_TYPE_DIVERGENCE);
  const char *members[3];

  rg_session_set_title (session, "Point d'étape");
  rg_session_set_date (session, "2027-01-12");
  if (situation_id != NULL)
    rg_session_set_situation_id (session, situation_id);
  rg_session_set_situation_label (session, "Élève B., CE2");
  rg_partner_set_name (partner, "Mme Zoé Ana");
  rg_partner_set_profession (partner, "Infirmière");
  rg_partner_set_name (other, "M. Léo");
  rg_partner_set_profession (other, "Animateur");
  rg_session_add_partner (session, partner);
  rg_session_add_partner (session, other);
  rg_dimension_set_name (dimension, "École");
  rg_session_add_dimension (session, dimension);

  first = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                            RG_STATEMENT_KIND_FACT, "Élève ému 🙂");
  second = rg_statement_new (rg_partner_get_id (partner), rg_dimension_get_id (dimension),
                             RG_STATEMENT_KIND_PROPOSAL, "Deux");
  third = rg_statement_new (rg_partner_get_id (other), rg_dimension_get_id (dimension),
                            RG_STATEMENT_KIND_INTERPRETATION, "Il va bien");
  blank = rg_statement_new (rg_partner_get_id (other), rg_dimension_get_id (dimension),
                            RG_STATEMENT_KIND_FACT, "  ");
  rg_session_add_statement (session, first);
  rg_session_add_statement (session, second);
  rg_session_add_statement (session, third);
  rg_session_add_statement (session, blank);

  members[0] = rg_statement_get_id (first);
  members[1] = rg_statement_get_id (third);
  members[2] = NULL;
  rg_link_set_members (link, members);
  rg_link_set_note (link, "Pas le même regard");
  rg_session_add_link (session, link);

  return session;
}

static void
test_export_qdpx_positions (void)
{
  g_autoptr(RgSession) session = make_small_session (NULL);
  g_autoptr(Project) project = export_one (session, RG_EXPORT_QDPX_NONE);
  g_autoptr(GPtrArray) sources = find_all (project, "TextSource");
  g_autoptr(GPtrArray) selections = find_all (project, "PlainTextSelection");
  g_autofree char *text = source_text (project, sources->pdata[0]);

  assert_layout (project, 2);
  assert_schema_valid (project);
  assert_references (project);

  /* The heading, an empty line, each statement: "École" is 5 code
   * points, then 2 line feeds; "Élève ému 🙂" is 11 code points (but 17
   * bytes, and 12 UTF-16 units), then 2; "Deux" is 4 */
  g_assert_cmpstr (text, ==, "École\n\nÉlève ému 🙂\n\nDeux");
  g_assert_cmpuint (selections->len, ==, 3);
  g_assert_cmpint (prop_long (selections->pdata[0], "startPosition"), ==, 7);
  g_assert_cmpint (prop_long (selections->pdata[0], "endPosition"), ==, 18);
  g_assert_cmpint (prop_long (selections->pdata[1], "startPosition"), ==, 20);
  g_assert_cmpint (prop_long (selections->pdata[1], "endPosition"), ==, 24);

  /* The blank statement has no selection; the other partner's one has */
  g_free (text);
  text = source_text (project, sources->pdata[1]);
  g_assert_cmpstr (text, ==, "École\n\nIl va bien");
  g_assert_cmpint (prop_long (selections->pdata[2], "startPosition"), ==, 7);
  g_assert_cmpint (prop_long (selections->pdata[2], "endPosition"), ==, 17);
}

static void
test_export_qdpx_links (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(Project) project = export_one (session, RG_EXPORT_QDPX_NONE);
  g_autoptr(GPtrArray) links = find_all (project, "Link");
  g_autoptr(GHashTable) with_link = coded_with_group (project, "Links between statements");
  GListModel *session_links = rg_session_get_links (session);
  guint expected = 0;
  guint n_notes = 0;

  /* Each link of n statements joins them two by two */
  for (guint i = 0; i < g_list_model_get_n_items (session_links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (session_links, i);
      guint n = rg_link_get_n_members (link);

      expected += n * (n - 1) / 2;
      n_notes += rg_link_get_note (link) != NULL && *rg_link_get_note (link) != '\0';
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (links->len, ==, expected);

  for (guint i = 0; i < links->len; i++)
    {
      g_autofree char *origin = prop (links->pdata[i], "originGUID");
      g_autofree char *target = prop (links->pdata[i], "targetGUID");

      g_assert_cmpstr (origin, !=, target);
      resolve (project, origin, "PlainTextSelection");
      resolve (project, target, "PlainTextSelection");
      /* …and the link is coded on both */
      g_assert_true (g_hash_table_contains (with_link, origin));
      g_assert_true (g_hash_table_contains (with_link, target));
    }

  /* The links' notes, the syntheses and the agreed meanings are notes */
  {
    g_autoptr(GPtrArray) notes = find_all (project, "Note");
    GListModel *dimensions = rg_session_get_dimensions (session);
    GListModel *terms = rg_session_get_terms (session);
    guint n_syntheses = 0, n_meanings = 0;

    for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
      {
        g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

        n_syntheses += rg_dimension_get_synthesis (dimension) != NULL &&
                       *rg_dimension_get_synthesis (dimension) != '\0';
      }
    for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
      {
        g_autoptr(RgTerm) term = g_list_model_get_item (terms, i);

        n_meanings += rg_term_get_agreed_meaning (term) != NULL &&
                      *rg_term_get_agreed_meaning (term) != '\0';
      }
    /* Five of the six dimensions have a synthesis */
    g_assert_cmpuint (n_syntheses, ==, 5);
    g_assert_cmpuint (notes->len, ==, n_notes + n_syntheses + n_meanings);
  }
}

/* }}} */
/* {{{ Several sessions, identifiers, pseudonymisation */

static void
test_export_qdpx_several (void)
{
  g_autoptr(RgSession) example = rg_test_load_example ();
  g_autoptr(RgSession) small = make_small_session (rg_session_get_situation_id (example));
  g_autoptr(RgSession) other = make_small_session (NULL);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();
  g_autoptr(Project) project = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  guint n_refs = 0;

  g_ptr_array_add (sessions, example);
  g_ptr_array_add (sessions, small);
  g_ptr_array_add (sessions, other);
  project = export (sessions, RG_EXPORT_QDPX_NONE);

  /* 6 + 2 + 2 sources; the small session shares the example's situation */
  assert_layout (project, 10);
  assert_schema_valid (project);
  assert_references (project);

  cases = find_all (project, "Case");
  g_assert_cmpuint (cases->len, ==, 2);
  for (xmlNodePtr child = ((xmlNodePtr) cases->pdata[0])->children; child != NULL; child = child->next)
    n_refs += is_element (child, "SourceRef");
  g_assert_cmpuint (n_refs, ==, 8);

  /* Partners are users once each: the two small sessions have their own */
  users = find_all (project, "User");
  g_assert_cmpuint (users->len, ==, 10);

  /* "École" is one code for both small sessions */
  codes = find_all (project, "Code");
  {
    guint n_ecole = 0;

    for (guint i = 0; i < codes->len; i++)
      {
        g_autofree char *name = prop (codes->pdata[i], "name");

        n_ecole += g_str_equal (name, "École");
      }
    g_assert_cmpuint (n_ecole, ==, 1);
  }
}

/* Two copies of one file (a copy, a sync engine's conflict copy) are
 * two sessions: no GUID is given twice */
static void
test_export_qdpx_copies (void)
{
  g_autoptr(RgSession) example = rg_test_load_example ();
  g_autoptr(RgSession) copy = rg_test_load_example ();
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();
  g_autoptr(Project) project = NULL;
  g_autoptr(GPtrArray) users = NULL;

  g_ptr_array_add (sessions, example);
  g_ptr_array_add (sessions, copy);
  project = export (sessions, RG_EXPORT_QDPX_NONE);

  assert_layout (project, 12);
  assert_schema_valid (project);
  assert_references (project);
  users = find_all (project, "User");
  g_assert_cmpuint (users->len, ==, 6);
}

/* Every part of @project, zip names included, in lower case */
static char *
project_text_lower (Project *project)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < project->zip->names->len; i++)
    {
      g_autofree char *text = rg_test_zip_get_text (project->zip, project->zip->names->pdata[i]);

      g_string_append_printf (all, "%s\n%s\n", (char *) project->zip->names->pdata[i], text);
    }

  return g_utf8_strdown (all->str, -1);
}

static void
assert_absent (const char *haystack_lower,
               const char *name)
{
  g_autofree char *needle = g_utf8_strdown (name, -1);

  if (strstr (haystack_lower, needle) != NULL)
    g_error ("“%s” is in the pseudonymised project", name);
}

static void
test_export_qdpx_pseudonymised (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(Project) project = export_one (session, RG_EXPORT_QDPX_PSEUDONYMISE);
  g_autoptr(Project) plain = export_one (session, RG_EXPORT_QDPX_NONE);
  g_autofree char *text = project_text_lower (project);
  g_autofree char *plain_text = project_text_lower (plain);
  g_autofree char *example_path = rg_test_example_path ();
  g_autofree char *example = NULL;
  g_autoptr(GRegex) uuid = g_regex_new ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                                        0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) cases = find_all (project, "Case");
  guint n_ids = 0;
  static const char * const names[] = {
    /* The partners, whole and by family name */
    "Mme Roussel", "Roussel", "Perrin", "Kessler", "Aubry", "Fontaine", "Benali",
    /* The child and the situation: label and code */
    "Adam", "Élève A.", "PRE-2026-014",
    /* The institutions that say where the child is */
    "Les Tilleuls", "Horizons", "Saint-Aubin",
  };

  assert_layout (project, 6);
  assert_schema_valid (project);
  assert_references (project);

  /* The plain project has them, else the test would prove nothing */
  g_assert_nonnull (strstr (plain_text, "roussel"));
  g_assert_nonnull (strstr (plain_text, "tilleuls"));
  g_assert_nonnull (strstr (plain_text, "élève a., cm1"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_absent (text, names[i]);

  /* No id of the file: not one of its UUIDs is in the project */
  g_file_get_contents (example_path, &example, NULL, NULL);
  g_assert_nonnull (example);
  g_regex_match (uuid, example, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL), n_ids++)
    {
      g_autofree char *id = g_match_info_fetch (match, 0);

      if (strstr (text, id) != NULL)
        g_error ("The file's id %s is in the pseudonymised project", id);
    }
  g_assert_cmpuint (n_ids, >, 50);

  /* The situation is numbered */
  g_assert_cmpuint (cases->len, ==, 1);
  {
    g_autofree char *name = prop (cases->pdata[0], "name");

    g_assert_cmpstr (name, ==, "Situation A");
  }
}

static void
test_export_qdpx_identifiers (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(Project) first = export_one (session, RG_EXPORT_QDPX_NONE);
  g_autoptr(Project) second = export_one (session, RG_EXPORT_QDPX_NONE);
  g_autoptr(Project) hidden = export_one (session, RG_EXPORT_QDPX_PSEUDONYMISE);
  g_autoptr(Project) hidden_again = export_one (session, RG_EXPORT_QDPX_PSEUDONYMISE);
  g_autofree char *first_qde = rg_test_zip_get_text (first->zip, "project.qde");
  g_autofree char *second_qde = rg_test_zip_get_text (second->zip, "project.qde");
  GHashTableIter iter;
  gpointer guid;

  /* Exported twice, the same project */
  g_assert_cmpstr (first_qde, ==, second_qde);
  g_assert_cmpuint (g_hash_table_size (first->guids), >, 100);

  /* Pseudonymised, nothing in common with another export */
  g_hash_table_iter_init (&iter, hidden->guids);
  while (g_hash_table_iter_next (&iter, &guid, NULL))
    {
      g_assert_false (g_hash_table_contains (first->guids, guid));
      g_assert_false (g_hash_table_contains (hidden_again->guids, guid));
    }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  work_dir = g_build_filename (tmp, "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (work_dir, 0700), ==, 0);

  g_test_add_func ("/export-qdpx/layout", test_export_qdpx_layout);
  g_test_add_func ("/export-qdpx/statements", test_export_qdpx_statements);
  g_test_add_func ("/export-qdpx/positions", test_export_qdpx_positions);
  g_test_add_func ("/export-qdpx/links", test_export_qdpx_links);
  g_test_add_func ("/export-qdpx/several", test_export_qdpx_several);
  g_test_add_func ("/export-qdpx/copies", test_export_qdpx_copies);
  g_test_add_func ("/export-qdpx/pseudonymised", test_export_qdpx_pseudonymised);
  g_test_add_func ("/export-qdpx/identifiers", test_export_qdpx_identifiers);

  return g_test_run ();
}
