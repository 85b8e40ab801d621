/* rg-session-xml.c — reading and writing session files
 *
 * Every file is treated as hostile: it may come by mail from a partner,
 * from a USB stick, or be damaged. Reading goes through these steps, and
 * the first that fails gives a GError a coordinator can read:
 *
 *  1. size: more than RG_SESSION_MAX_SIZE is refused before parsing;
 *  2. bytes: empty, not UTF-8 (binary, UTF-16, NUL bytes) is refused, and
 *     so is any `<!DOCTYPE` or `<!ENTITY`, before libxml2 sees them: a
 *     session never has a DTD, and a DTD is where entity expansion
 *     (“billion laughs”) and external entities (file and network access)
 *     come from; so are files with far more tags or attributes than any
 *     session, more than a few attributes on one element or namespace
 *     declarations in the file, which cost libxml2 quadratic time or
 *     tens of times their size in memory, and texts longer than libxml2
 *     takes (see _rg_session_xml_check_limits (), which the saves call
 *     too, so that Regards never writes a file it then refuses);
 *  3. parsing: XML_PARSE_NONET, and never NOENT, DTDLOAD, DTDATTR,
 *     XINCLUDE or HUGE, so libxml2 keeps its default limits (depth, text
 *     and name sizes); an external entity loader refuses whatever our
 *     parser context asks; libxml2's errors go to a structured handler,
 *     never to stderr, and the first one is reported with its line; the
 *     parsed document must have no internal or external subset;
 *  4. root element `session` in urn:x-regards:session;
 *  5. version: newer than RG_FORMAT_VERSION is refused; older goes
 *     through the migrations (see below) before validation;
 *  6. validation against data/schema/regards.rng, compiled once from the
 *     core GResource and shared by all threads (each validation has its
 *     own context, so the library index can load from worker threads);
 *  7. what the schema cannot say: ids unique, references resolved, no
 *     repeated member/meaning/proposer, dates that exist.
 *
 * Only then is the model built. Writing is deterministic: the same
 * session always gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "rg-session-xml-private.h"
#include "rg-types-private.h"

#define SCHEMA_RESOURCE "/io/github/regards/Regards/core/schema/regards.rng"

/* Longest piece of a libxml2 message quoted to the user */
#define MAX_DETAIL_CHARS 200

#define X(s) ((const xmlChar *) (s))

G_DEFINE_QUARK (rg-format-error-quark, rg_format_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)

/* Migrations
 *
 * A document of an older format version is rewritten, in memory, one
 * version at a time, before it is validated against the current schema:
 * the migration whose @from is N turns a version N document into a
 * version N + 1 one (migrate () then sets its format-version).
 *
 * Version 2 adds the list a follow-up session has to review (the
 * optional `review` element, after `consents`). Version 3 adds the
 * conflicts a merge left to settle (the optional `conflicts` element,
 * last).
 *
 * To change the format: bump RG_FORMAT_VERSION, update the schema and
 * docs/file-format.md, and add here the function from the previous
 * version, with a fixture of the old version in tests/data/. */
typedef gboolean (*RgMigrateFunc) (xmlDoc  *doc,
                                   GError **error);

typedef struct
{
  guint         from;
  RgMigrateFunc migrate;
} RgMigration;

/* A version 1 document has no review list: as it is, it is a version 2
 * document. Older versions of Regards refuse version 2 files as made by
 * a newer version, instead of finding an element they do not know. */
static gboolean
migrate_1_to_2 (xmlDoc  *doc,
                GError **error)
{
  return TRUE;
}

/* Likewise, a version 2 document has no conflicts: it is a version 3
 * one as it is. */
static gboolean
migrate_2_to_3 (xmlDoc  *doc,
                GError **error)
{
  return TRUE;
}

static const RgMigration migrations[] = {
  { 1, migrate_1_to_2 },
  { 2, migrate_2_to_3 },
  { 0, NULL }, /* end of the table */
};

/* Errors of libxml2 */

typedef struct
{
  char     *message;
  int       line;
  gboolean  seen;
} FirstError;

typedef struct
{
  xmlStructuredErrorFunc  structured;
  void                   *structured_data;
  xmlGenericErrorFunc     generic;
  void                   *generic_data;
} SavedHandlers;

static void
first_error_clear (FirstError *first)
{
  g_clear_pointer (&first->message, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FirstError, first_error_clear)

static void
first_error_cb (void     *data,
                xmlError *error)
{
  FirstError *first = data;
  g_autofree char *valid = NULL;

  if (first->seen || error == NULL || error->level < XML_ERR_ERROR)
    return;

  first->seen = TRUE;
  first->line = error->line;

  /* The validator sometimes gives the node but not its line */
  if (first->line <= 0 && error->node != NULL
      && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
    first->line = (int) xmlGetLineNo (error->node);

  /* libxml2 quotes the input in its messages: keep it short and valid */
  valid = g_utf8_make_valid (error->message != NULL ? error->message : "", -1);
  g_strstrip (valid);
  if (g_utf8_strlen (valid, -1) > MAX_DETAIL_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (valid, 0, MAX_DETAIL_CHARS);

      first->message = g_strconcat (cut, "…", NULL);
    }
  else
    first->message = g_steal_pointer (&valid);
}

static void
silent_generic_cb (void       *data,
                   const char *msg,
                   ...)
{
}

/* libxml2 keeps its error handlers per thread: install ours around our
 * own calls only, and put back whatever was there. */
static void
capture_errors (FirstError    *first,
                SavedHandlers *saved)
{
  saved->structured = xmlStructuredError;
  saved->structured_data = xmlStructuredErrorContext;
  saved->generic = xmlGenericError;
  saved->generic_data = xmlGenericErrorContext;

  xmlSetStructuredErrorFunc (first, first_error_cb);
  xmlSetGenericErrorFunc (NULL, silent_generic_cb);
}

static void
restore_errors (SavedHandlers *saved)
{
  xmlSetStructuredErrorFunc (saved->structured_data, saved->structured);
  xmlSetGenericErrorFunc (saved->generic_data, saved->generic);
}

/* Set once */

/* Marks the parser contexts of session files, for the entity loader */
static const char hostile_marker[] = "regards-session";
static xmlExternalEntityLoader previous_loader;

static xmlParserInput *
refuse_external_entity (const char   *url,
                        const char   *id,
                        xmlParserCtxt *ctxt)
{
  /* The loader is global to the process: other users of libxml2 in
   * Regards (exports) keep theirs. */
  if (ctxt == NULL || ctxt->_private != (void *) hostile_marker)
    return previous_loader (url, id, ctxt);

  return NULL;
}

static xmlRelaxNG *
compile_schema (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FirstError) first = { 0 };
  xmlRelaxNGParserCtxt *parser;
  xmlRelaxNG *schema;
  SavedHandlers saved;
  const char *data;
  gsize size;

  bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("The session schema is missing from the resources: %s", error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);

  capture_errors (&first, &saved);
  parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  xmlRelaxNGSetParserStructuredErrors (parser, first_error_cb, &first);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  restore_errors (&saved);

  if (schema == NULL)
    g_critical ("The session schema does not compile: %s",
                first.message != NULL ? first.message : "?");

  return schema;
}

/* Returns the compiled schema, %NULL only if the build is broken */
static xmlRelaxNG *
ensure_initialized (void)
{
  static gsize initialized = 0;
  static xmlRelaxNG *schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      previous_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      schema = compile_schema ();

      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

/* Reading: steps 1 to 6 */

static gboolean
bytes_contain (const char *data,
               gsize       size,
               const char *needle)
{
  return memmem (data, size, needle, strlen (needle)) != NULL;
}

/* Some shapes of input cost libxml2 2.9 far more than the bytes they
 * take: it compares each attribute of a start tag with every one before
 * it (100,000 attributes on one element take minutes, a million hours),
 * walks every namespace declaration in scope for each name it looks up,
 * and spends some 150 bytes on each element, attribute and text node (a
 * file of nothing but `<a/>` would take 35 times its size in memory).
 * A session never comes near these limits: the example session, 500
 * times over to reach the 16 MiB size limit, has 220,000 tags and as
 * many attributes, each element at most 7 attributes, and the file one
 * namespace declaration. */
#define MAX_TAGS 300000
#define MAX_ATTRIBUTES 500000
#define MAX_ATTRIBUTES_PER_TAG 64
#define MAX_NAMESPACE_DECLARATIONS 64

/* libxml2 refuses a text, or an attribute value, longer than this, as
 * long as it is not given XML_PARSE_HUGE, which the loader never gives.
 * What Regards writes has '<' and '>' only around tags: a run of bytes
 * without either is one text, or the attributes of one tag, each as
 * long as written or shorter once its references are read. With no run
 * longer, every text and value fits. A hostile file may hide a longer
 * text behind a raw '>', which libxml2 then refuses itself. Its other
 * limits (depth, length of names) only a hostile file reaches: what
 * Regards writes has a fixed shape and fixed names. */
#define MAX_TEXT_RUN XML_MAX_TEXT_LENGTH

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/**
 * _rg_session_xml_check_limits:
 * @data: the contents of a session file
 * @size: their size
 *
 * The limits of the loader that its input's bytes alone decide, in one
 * pass, before libxml2 sees them: the size, then what bounds libxml2's
 * work, counting '<' (every tag, comment or processing instruction
 * starts with one), '=' followed by a quote (every attribute has one,
 * between the '<' of its tag and the next '<', since no attribute value
 * holds a raw '<'), and "xmlns". Text may hold these too, so the counts
 * can only be too high, never too low, whatever the input is. It also
 * measures the runs of bytes between '<' and '>' (see MAX_TEXT_RUN).
 *
 * The loader refuses a file that fails this; a save refuses to write
 * one, so that the two never disagree.
 *
 * Returns: the first limit @data goes past, or %RG_SESSION_LIMIT_NONE
 */
RgSessionLimit
_rg_session_xml_check_limits (const char *data,
                              gsize       size)
{
  gsize n_tags = 0;
  gsize n_attributes = 0;
  gsize n_in_tag = 0;
  gsize n_namespaces = 0;
  gsize run_start = 0;

  if (size > RG_SESSION_MAX_SIZE)
    return RG_SESSION_LIMIT_SIZE;

  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '<' || data[i] == '>')
        {
          if (i - run_start > MAX_TEXT_RUN)
            return RG_SESSION_LIMIT_TEXT;
          run_start = i + 1;
        }

      if (data[i] == '<')
        {
          if (++n_tags > MAX_TAGS)
            return RG_SESSION_LIMIT_ITEMS;
          n_in_tag = 0;
        }
      else if (data[i] == '=')
        {
          gsize j = i + 1;

          /* Linear: the spaces skipped here hold no other '=' */
          while (j < size && is_xml_space (data[j]))
            j++;

          if (j < size && (data[j] == '"' || data[j] == '\''))
            {
              if (++n_attributes > MAX_ATTRIBUTES)
                return RG_SESSION_LIMIT_ITEMS;
              if (++n_in_tag > MAX_ATTRIBUTES_PER_TAG)
                return RG_SESSION_LIMIT_STRUCTURE;
            }
        }
      else if (data[i] == 'x'
               && size - i >= 5
               && memcmp (data + i, "xmlns", 5) == 0
               && ++n_namespaces > MAX_NAMESPACE_DECLARATIONS)
        return RG_SESSION_LIMIT_STRUCTURE;
    }

  if (size - run_start > MAX_TEXT_RUN)
    return RG_SESSION_LIMIT_TEXT;

  return RG_SESSION_LIMIT_NONE;
}

/**
 * _rg_session_xml_get_max_text_size:
 *
 * Returns: the longest text, in bytes as written, that the loader takes
 */
gsize
_rg_session_xml_get_max_text_size (void)
{
  return MAX_TEXT_RUN;
}

static xmlDoc *
parse (const char  *data,
       gsize        size,
       GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_auto(FirstError) first = { 0 };
  SavedHandlers saved;

  capture_errors (&first, &saved);

  ctxt = xmlNewParserCtxt ();
  if (ctxt != NULL)
    {
      ctxt->_private = (void *) hostile_marker;
      doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    }

  restore_errors (&saved);

  if (ctxt == NULL)
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_NOT_XML,
                           _("There is not enough memory to read this file."));
      return NULL;
    }

  if (doc == NULL || first.seen || !ctxt->wellFormed)
    {
      if (first.line > 0)
        g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_NOT_XML,
                     /* Translators: the problem is a technical message in English */
                     _("This file is damaged or incomplete: the problem is at line %d (%s)."),
                     first.line, first.message != NULL ? first.message : "?");
      else
        g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_NOT_XML,
                             _("This file is damaged or incomplete."));
      return NULL;
    }

  return g_steal_pointer (&doc);
}

static gboolean
is_session_element (xmlNode    *node,
                    const char *name)
{
  return node != NULL
      && node->type == XML_ELEMENT_NODE
      && node->ns != NULL
      && xmlStrEqual (node->ns->href, X (RG_SESSION_NAMESPACE))
      && xmlStrEqual (node->name, X (name));
}

/* Reads format-version: 0 if it is missing or not a plain number */
static guint
read_version (xmlNode *root)
{
  g_autofree char *text = NULL;
  xmlChar *value = xmlGetNoNsProp (root, X ("format-version"));
  guint64 version = 0;

  if (value == NULL)
    return 0;

  text = g_strdup ((const char *) value);
  xmlFree (value);

  if (text[0] < '1' || text[0] > '9' || strlen (text) > 9)
    return 0;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT32, &version, NULL))
    return 0;

  return (guint) version;
}

static gboolean
migrate (xmlDoc   *doc,
         guint     version,
         GError  **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  while (version < RG_FORMAT_VERSION)
    {
      const RgMigration *migration = NULL;
      char text[16];

      for (guint i = 0; migrations[i].migrate != NULL; i++)
        {
          if (migrations[i].from == version)
            migration = &migrations[i];
        }

      if (migration == NULL)
        {
          g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                       _("This file uses version %u of the Regards format, which this version of Regards cannot read."),
                       version);
          return FALSE;
        }

      if (!migration->migrate (doc, error))
        return FALSE;

      version++;
      g_snprintf (text, sizeof text, "%u", version);
      xmlSetProp (root, X ("format-version"), X (text));
    }

  return TRUE;
}

static gboolean
validate (xmlRelaxNG  *schema,
          xmlDoc      *doc,
          GError     **error)
{
  g_autoptr(xmlRelaxNGValidCtxt) ctxt = NULL;
  g_auto(FirstError) first = { 0 };
  SavedHandlers saved;
  int ret = -1;

  capture_errors (&first, &saved);
  ctxt = xmlRelaxNGNewValidCtxt (schema);
  if (ctxt != NULL)
    {
      xmlRelaxNGSetValidStructuredErrors (ctxt, first_error_cb, &first);
      ret = xmlRelaxNGValidateDoc (ctxt, doc);
    }
  restore_errors (&saved);

  if (ret == 0)
    return TRUE;

  if (first.seen && first.line > 0)
    g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                 /* Translators: the problem is a technical message in English */
                 _("This file does not follow the Regards format at line %d (%s). It may have been changed by another program."),
                 first.line, first.message != NULL ? first.message : "?");
  else if (first.seen)
    g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                 /* Translators: the problem is a technical message in English */
                 _("This file does not follow the Regards format (%s). It may have been changed by another program."),
                 first.message != NULL ? first.message : "?");
  else
    g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                         _("This file does not follow the Regards format. It may have been changed by another program."));

  return FALSE;
}

/* Reading: step 7, what the schema cannot say */

static char *
get_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, X (name));
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

static char *
get_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);

  return copy;
}

static xmlNode *
first_child_element (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        return child;
    }

  return NULL;
}

static xmlNode *
next_element (xmlNode *node)
{
  for (xmlNode *next = node->next; next != NULL; next = next->next)
    {
      if (next->type == XML_ELEMENT_NODE)
        return next;
    }

  return NULL;
}

#define FOR_EACH_ELEMENT(child, parent) \
  for (xmlNode *child = first_child_element (parent); child != NULL; child = next_element (child))

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  FOR_EACH_ELEMENT (child, parent)
    {
      if (is_session_element (child, name))
        return child;
    }

  return NULL;
}

typedef struct
{
  GHashTable *ids;         /* id → xmlNode, every object */
  GHashTable *partners;    /* id set */
  GHashTable *dimensions;  /* id set */
  GHashTable *statements;  /* id set */
  GHashTable *terms;       /* id set */
} Check;

static void
check_clear (Check *check)
{
  g_clear_pointer (&check->ids, g_hash_table_unref);
  g_clear_pointer (&check->partners, g_hash_table_unref);
  g_clear_pointer (&check->dimensions, g_hash_table_unref);
  g_clear_pointer (&check->statements, g_hash_table_unref);
  g_clear_pointer (&check->terms, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

static gboolean
collect_ids (Check    *check,
             xmlNode  *node,
             GError  **error)
{
  char *id = get_prop (node, "id");

  if (id != NULL)
    {
      xmlNode *other = g_hash_table_lookup (check->ids, id);

      if (other != NULL)
        {
          g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_DUPLICATE_ID,
                       _("This file is damaged: the object at line %ld has the same identifier as the one at line %ld."),
                       xmlGetLineNo (node), xmlGetLineNo (other));
          g_free (id);
          return FALSE;
        }

      /* The sets borrow the key owned by @ids */
      g_hash_table_insert (check->ids, id, node);
      if (is_session_element (node, "partner"))
        g_hash_table_add (check->partners, id);
      else if (is_session_element (node, "dimension"))
        g_hash_table_add (check->dimensions, id);
      else if (is_session_element (node, "statement"))
        g_hash_table_add (check->statements, id);
      else if (is_session_element (node, "term"))
        g_hash_table_add (check->terms, id);
    }

  FOR_EACH_ELEMENT (child, node)
    {
      if (!collect_ids (check, child, error))
        return FALSE;
    }

  return TRUE;
}

typedef enum
{
  REFERS_TO_PARTNER,
  REFERS_TO_DIMENSION,
  REFERS_TO_STATEMENT,
  REFERS_TO_TERM,
} Referent;

static gboolean
check_reference (Check       *check,
                 xmlNode     *node,
                 const char  *attribute,
                 Referent     referent,
                 gboolean     optional,
                 GError     **error)
{
  g_autofree char *id = get_prop (node, attribute);
  GHashTable *set;

  if (id == NULL && optional)
    return TRUE;

  switch (referent)
    {
    case REFERS_TO_PARTNER:   set = check->partners;   break;
    case REFERS_TO_DIMENSION: set = check->dimensions; break;
    case REFERS_TO_STATEMENT: set = check->statements; break;
    case REFERS_TO_TERM:      set = check->terms;      break;
    default:                  g_assert_not_reached ();
    }

  if (id != NULL && g_hash_table_contains (set, id))
    return TRUE;

  switch (referent)
    {
    case REFERS_TO_PARTNER:
      g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_DANGLING_REFERENCE,
                   _("This file is damaged: line %ld refers to a partner who is not in the file."),
                   xmlGetLineNo (node));
      break;

    case REFERS_TO_DIMENSION:
      g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_DANGLING_REFERENCE,
                   _("This file is damaged: line %ld refers to a dimension that is not in the file."),
                   xmlGetLineNo (node));
      break;

    case REFERS_TO_STATEMENT:
      g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_DANGLING_REFERENCE,
                   _("This file is damaged: line %ld refers to a statement that is not in the file."),
                   xmlGetLineNo (node));
      break;

    case REFERS_TO_TERM:
      g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_DANGLING_REFERENCE,
                   _("This file is damaged: line %ld refers to a glossary word that is not in the file."),
                   xmlGetLineNo (node));
      break;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* The first @name child of @parent whose @attribute repeats that of an
 * earlier one, or %NULL */
static xmlNode *
find_repeat (xmlNode    *parent,
             const char *name,
             const char *attribute)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  FOR_EACH_ELEMENT (child, parent)
    {
      char *value;

      if (!is_session_element (child, name))
        continue;

      value = get_prop (child, attribute);
      if (value != NULL && !g_hash_table_add (seen, value))
        return child;
    }

  return NULL;
}

static gboolean
report_bad_date (xmlNode     *node,
                 const char  *value,
                 GError     **error)
{
  g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
               _("This file is damaged: line %ld gives a date that does not exist (“%s”)."),
               xmlGetLineNo (node), value);
  return FALSE;
}

static gboolean
check_date_text (xmlNode  *node,
                 GError  **error)
{
  g_autofree char *value = NULL;

  if (node == NULL)
    return TRUE;

  value = get_text (node);
  if (rg_date_is_valid (value))
    return TRUE;

  return report_bad_date (node, value, error);
}

static gboolean
check_date_prop (xmlNode     *node,
                 const char  *attribute,
                 GError     **error)
{
  g_autofree char *value = get_prop (node, attribute);

  if (value == NULL || rg_date_is_valid (value))
    return TRUE;

  return report_bad_date (node, value, error);
}

static gboolean
check_time_prop (xmlNode     *node,
                 const char  *attribute,
                 GError     **error)
{
  g_autofree char *value = get_prop (node, attribute);
  g_autoptr(GDateTime) time = NULL;

  if (value != NULL)
    time = g_date_time_new_from_iso8601 (value, NULL);

  if (time != NULL)
    return TRUE;

  return report_bad_date (node, value != NULL ? value : "", error);
}

static gboolean
check_references (xmlNode  *root,
                  GError  **error)
{
  g_auto(Check) check = { 0 };
  g_autofree char *kind = NULL;
  xmlNode *repeat;

  check.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  check.partners = g_hash_table_new (g_str_hash, g_str_equal);
  check.dimensions = g_hash_table_new (g_str_hash, g_str_equal);
  check.statements = g_hash_table_new (g_str_hash, g_str_equal);
  check.terms = g_hash_table_new (g_str_hash, g_str_equal);

  if (!collect_ids (&check, root, error))
    return FALSE;

  kind = get_prop (root, "kind");
  if (g_strcmp0 (kind, "contribution") == 0
      && !check_reference (&check, root, "contributor", REFERS_TO_PARTNER, TRUE, error))
    return FALSE;

  if (!check_date_text (find_child (root, "date"), error)
      || !check_date_text (find_child (root, "next-review"), error))
    return FALSE;

  FOR_EACH_ELEMENT (section, root)
    {
      if (is_session_element (section, "statements"))
        {
          FOR_EACH_ELEMENT (statement, section)
            {
              if (!check_reference (&check, statement, "partner", REFERS_TO_PARTNER, FALSE, error)
                  || !check_reference (&check, statement, "dimension", REFERS_TO_DIMENSION, FALSE, error)
                  || !check_time_prop (statement, "created", error)
                  || !check_time_prop (statement, "changed", error))
                return FALSE;
            }
        }
      else if (is_session_element (section, "links"))
        {
          FOR_EACH_ELEMENT (link, section)
            {
              if (!check_reference (&check, link, "term", REFERS_TO_TERM, TRUE, error))
                return FALSE;

              FOR_EACH_ELEMENT (member, link)
                {
                  if (is_session_element (member, "member")
                      && !check_reference (&check, member, "statement", REFERS_TO_STATEMENT, FALSE, error))
                    return FALSE;
                }

              if ((repeat = find_repeat (link, "member", "statement")))
                {
                  g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                               _("This file is damaged: line %ld names the same statement twice in one link."),
                               xmlGetLineNo (repeat));
                  return FALSE;
                }
            }
        }
      else if (is_session_element (section, "glossary"))
        {
          FOR_EACH_ELEMENT (term, section)
            {
              FOR_EACH_ELEMENT (meaning, term)
                {
                  if (is_session_element (meaning, "meaning")
                      && !check_reference (&check, meaning, "partner", REFERS_TO_PARTNER, FALSE, error))
                    return FALSE;
                }

              if ((repeat = find_repeat (term, "meaning", "partner")))
                {
                  g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                               _("This file is damaged: line %ld gives a second meaning of the same partner for one word."),
                               xmlGetLineNo (repeat));
                  return FALSE;
                }
            }
        }
      else if (is_session_element (section, "criteria"))
        {
          FOR_EACH_ELEMENT (category, section)
            {
              FOR_EACH_ELEMENT (criterion, category)
                {
                  if (!is_session_element (criterion, "criterion"))
                    continue;

                  FOR_EACH_ELEMENT (proposer, criterion)
                    {
                      if (is_session_element (proposer, "proposed-by")
                          && !check_reference (&check, proposer, "partner", REFERS_TO_PARTNER, FALSE, error))
                        return FALSE;
                    }

                  if ((repeat = find_repeat (criterion, "proposed-by", "partner")))
                    {
                      g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                                   _("This file is damaged: line %ld names the same partner twice among those who proposed a criterion."),
                                   xmlGetLineNo (repeat));
                      return FALSE;
                    }
                }
            }
        }
      else if (is_session_element (section, "actions"))
        {
          FOR_EACH_ELEMENT (action, section)
            {
              if (!check_reference (&check, action, "owner", REFERS_TO_PARTNER, TRUE, error)
                  || !check_date_prop (action, "due", error))
                return FALSE;
            }
        }
      else if (is_session_element (section, "consents"))
        {
          FOR_EACH_ELEMENT (consent, section)
            {
              if (!check_reference (&check, consent, "recorded-by", REFERS_TO_PARTNER, TRUE, error)
                  || !check_date_prop (consent, "date", error))
                return FALSE;
            }
        }
      /* A conflict names its object and partner by id, but they may have
       * been deleted since it was recorded: not references to resolve. */
      else if (is_session_element (section, "conflicts"))
        {
          FOR_EACH_ELEMENT (conflict, section)
            {
              if (!check_time_prop (conflict, "recorded", error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static xmlDoc *
set_size_error (GError **error)
{
  g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_TOO_LARGE,
               _("This file is too large to be a Regards session (more than %u MiB)."),
               (guint) (RG_SESSION_MAX_SIZE / (1024 * 1024)));
  return NULL;
}

/**
 * _rg_session_xml_read:
 * @bytes: the contents of a file
 * @error: a location for a #GError
 *
 * Steps 1 to 7 of the loader: everything but building the model. Used by
 * rg_session_new_from_bytes () and by the templates, which rewrite the
 * ids of the document before building it.
 *
 * Returns: (transfer full) (nullable): a valid session document, at the
 *   current format version
 */
xmlDoc *
_rg_session_xml_read (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlRelaxNG *schema;
  xmlNode *root;
  const char *data;
  gsize size;
  guint version;

  data = g_bytes_get_data (bytes, &size);

  /* Checked again below, with the rest: here, before reading anything */
  if (size > RG_SESSION_MAX_SIZE)
    return set_size_error (error);

  if (data == NULL || size == 0)
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_NOT_XML,
                           _("This file is empty."));
      return NULL;
    }

  /* Also refuses NUL bytes, and so most binary files and UTF-16 */
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_NOT_XML,
                           _("This file is not a Regards session: it is not text, or not in the UTF-8 encoding."));
      return NULL;
    }

  if (bytes_contain (data, size, "<!DOCTYPE") || bytes_contain (data, size, "<!ENTITY"))
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT,
                           _("This file contains a document type declaration. Regards refuses such files for safety."));
      return NULL;
    }

  switch (_rg_session_xml_check_limits (data, size))
    {
    case RG_SESSION_LIMIT_NONE:
      break;

    case RG_SESSION_LIMIT_SIZE:
      return set_size_error (error);

    case RG_SESSION_LIMIT_ITEMS:
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_TOO_LARGE,
                           _("This file is too large to be a Regards session: it holds far more items than a session does."));
      return NULL;

    case RG_SESSION_LIMIT_TEXT:
      {
        g_autofree char *limit = g_format_size (MAX_TEXT_RUN);

        g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_TOO_LARGE,
                     _("This file is too large to be a Regards session: one of its texts is longer than %s."),
                     limit);
        return NULL;
      }

    case RG_SESSION_LIMIT_STRUCTURE:
    default:
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT,
                           _("This file has a structure that a Regards session never has. Regards refuses such files for safety."));
      return NULL;
    }

  schema = ensure_initialized ();
  if (schema == NULL)
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                           _("Regards is not installed correctly: its description of the file format is missing."));
      return NULL;
    }

  if (!(doc = parse (data, size, error)))
    return NULL;

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT,
                           _("This file contains a document type declaration. Regards refuses such files for safety."));
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (!is_session_element (root, "session"))
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_NOT_A_SESSION,
                           _("This file is not a Regards session."));
      return NULL;
    }

  version = read_version (root);
  if (version == 0)
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                           _("This file does not give a valid version number of the Regards format."));
      return NULL;
    }

  if (version > RG_FORMAT_VERSION)
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_NEWER_VERSION,
                           _("This file was made by a newer version of Regards. Update Regards to open it."));
      return NULL;
    }

  if (!migrate (doc, version, error)
      || !validate (schema, doc, error)
      || !check_references (root, error))
    return NULL;

  return g_steal_pointer (&doc);
}

/* Building the model from a checked document */

static RgPartner *
build_partner (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *role = get_prop (node, "role");
  g_autofree char *colour = get_prop (node, "colour");
  RgPartner *partner = g_object_new (RG_TYPE_PARTNER, "id", id, NULL);
  RgPartnerRole value = RG_PARTNER_ROLE_PROFESSIONAL;

  rg_partner_role_from_string (role, &value);
  rg_partner_set_role (partner, value);
  if (rg_colour_is_valid (colour))
    rg_partner_set_colour (partner, colour);

  FOR_EACH_ELEMENT (child, node)
    {
      g_autofree char *text = get_text (child);

      if (is_session_element (child, "name"))
        rg_partner_set_name (partner, text);
      else if (is_session_element (child, "profession"))
        rg_partner_set_profession (partner, text);
      else if (is_session_element (child, "institution"))
        rg_partner_set_institution (partner, text);
    }

  return partner;
}

static RgDimension *
build_dimension (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  RgDimension *dimension = g_object_new (RG_TYPE_DIMENSION, "id", id, NULL);

  FOR_EACH_ELEMENT (child, node)
    {
      g_autofree char *text = get_text (child);

      if (is_session_element (child, "name"))
        rg_dimension_set_name (dimension, text);
      else if (is_session_element (child, "synthesis"))
        rg_dimension_set_synthesis (dimension, text);
    }

  return dimension;
}

static RgStatement *
build_statement (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *partner = get_prop (node, "partner");
  g_autofree char *dimension = get_prop (node, "dimension");
  g_autofree char *kind = get_prop (node, "kind");
  g_autofree char *created = get_prop (node, "created");
  g_autofree char *changed = get_prop (node, "changed");
  g_autofree char *text = get_text (node);
  g_autoptr(GDateTime) created_time = g_date_time_new_from_iso8601 (created, NULL);
  g_autoptr(GDateTime) changed_time = g_date_time_new_from_iso8601 (changed, NULL);
  RgStatementKind value = RG_STATEMENT_KIND_FACT;
  RgStatement *statement;

  rg_statement_kind_from_string (kind, &value);
  statement = g_object_new (RG_TYPE_STATEMENT, "id", id, NULL);
  rg_statement_set_partner_id (statement, partner);
  rg_statement_set_dimension_id (statement, dimension);
  rg_statement_set_kind (statement, value);
  rg_statement_set_text (statement, text);
  /* Last: the setters above move “changed” to now */
  rg_statement_set_created (statement, created_time);
  rg_statement_set_changed (statement, changed_time);

  return statement;
}

static RgLink *
build_link (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *type = get_prop (node, "type");
  g_autofree char *status = get_prop (node, "status");
  g_autofree char *term = get_prop (node, "term");
  g_autoptr(GPtrArray) members = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  RgLink *link = g_object_new (RG_TYPE_LINK, "id", id, NULL);
  RgLinkType type_value = RG_LINK_TYPE_AGREEMENT;
  RgLinkStatus status_value = RG_LINK_STATUS_OPEN;

  rg_link_type_from_string (type, &type_value);
  rg_link_status_from_string (status, &status_value);
  rg_link_set_link_type (link, type_value);
  rg_link_set_status (link, status_value);
  rg_link_set_term_id (link, term);

  FOR_EACH_ELEMENT (child, node)
    {
      if (is_session_element (child, "member"))
        g_ptr_array_add (members, get_prop (child, "statement"));
      else if (is_session_element (child, "note"))
        {
          g_autofree char *text = get_text (child);

          rg_link_set_note (link, text);
        }
    }

  rg_link_set_members (link, (const char * const *) members->pdata);

  return link;
}

static RgTerm *
build_term (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *status = get_prop (node, "status");
  RgTerm *term = g_object_new (RG_TYPE_TERM, "id", id, NULL);
  RgTermStatus value = RG_TERM_STATUS_OPEN;

  rg_term_status_from_string (status, &value);
  rg_term_set_status (term, value);

  FOR_EACH_ELEMENT (child, node)
    {
      g_autofree char *text = get_text (child);

      if (is_session_element (child, "word"))
        rg_term_set_word (term, text);
      else if (is_session_element (child, "meaning"))
        {
          g_autofree char *partner = get_prop (child, "partner");

          rg_term_set_meaning (term, partner, text);
        }
      else if (is_session_element (child, "agreed-meaning"))
        rg_term_set_agreed_meaning (term, text);
    }

  return term;
}

static RgCriterion *
build_criterion (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *agreed = get_prop (node, "agreed");
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  g_autoptr(GPtrArray) proposers = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  RgCriterion *criterion = g_object_new (RG_TYPE_CRITERION, "id", id, NULL);

  rg_criterion_set_agreed (criterion, g_strcmp0 (agreed, "true") == 0);

  FOR_EACH_ELEMENT (child, node)
    {
      if (is_session_element (child, "text"))
        {
          g_autofree char *text = get_text (child);

          rg_criterion_set_text (criterion, text);
        }
      else if (is_session_element (child, "indicator"))
        g_ptr_array_add (indicators, get_text (child));
      else if (is_session_element (child, "proposed-by"))
        g_ptr_array_add (proposers, get_prop (child, "partner"));
    }

  rg_criterion_set_indicators (criterion, (const char * const *) indicators->pdata);
  rg_criterion_set_proposed_by (criterion, (const char * const *) proposers->pdata);

  return criterion;
}

static RgCategory *
build_category (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  RgCategory *category = g_object_new (RG_TYPE_CATEGORY, "id", id, NULL);

  FOR_EACH_ELEMENT (child, node)
    {
      if (is_session_element (child, "name"))
        {
          g_autofree char *text = get_text (child);

          rg_category_set_name (category, text);
        }
      else if (is_session_element (child, "criterion"))
        {
          g_autoptr(RgCriterion) criterion = build_criterion (child);

          rg_category_add_criterion (category, criterion);
        }
    }

  return category;
}

static RgAction *
build_action (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *owner = get_prop (node, "owner");
  g_autofree char *due = get_prop (node, "due");
  g_autofree char *status = get_prop (node, "status");
  RgAction *action = g_object_new (RG_TYPE_ACTION, "id", id, NULL);
  RgActionStatus value = RG_ACTION_STATUS_PLANNED;

  rg_action_status_from_string (status, &value);
  rg_action_set_status (action, value);
  rg_action_set_owner_id (action, owner);
  if (rg_date_is_valid (due))
    rg_action_set_due (action, due);

  FOR_EACH_ELEMENT (child, node)
    {
      if (is_session_element (child, "what"))
        {
          g_autofree char *text = get_text (child);

          rg_action_set_what (action, text);
        }
    }

  return action;
}

static RgReviewItem *
build_review_item (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *type = get_prop (node, "type");
  g_autofree char *reviewed = get_prop (node, "reviewed");
  RgLinkType type_value = RG_LINK_TYPE_DIVERGENCE;
  RgReviewItem *item;

  rg_link_type_from_string (type, &type_value);
  item = g_object_new (RG_TYPE_REVIEW_ITEM, "id", id, "link-type", type_value, NULL);
  rg_review_item_set_reviewed (item, g_strcmp0 (reviewed, "true") == 0);

  FOR_EACH_ELEMENT (child, node)
    {
      g_autofree char *text = get_text (child);

      if (is_session_element (child, "quote"))
        {
          g_autofree char *author = get_prop (child, "author");
          g_autofree char *dimension = get_prop (child, "dimension");

          rg_review_item_add_quote (item, author, dimension, text);
        }
      else if (is_session_element (child, "note"))
        rg_review_item_set_note (item, text);
    }

  return item;
}

static RgConsent *
build_consent (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *date = get_prop (node, "date");
  g_autofree char *recorded_by = get_prop (node, "recorded-by");
  RgConsent *consent = g_object_new (RG_TYPE_CONSENT, "id", id, NULL);

  if (rg_date_is_valid (date))
    rg_consent_set_date (consent, date);
  rg_consent_set_recorded_by_id (consent, recorded_by);

  FOR_EACH_ELEMENT (child, node)
    {
      g_autofree char *text = get_text (child);

      if (is_session_element (child, "scope"))
        rg_consent_set_scope (consent, text);
      else if (is_session_element (child, "shared-with"))
        rg_consent_set_shared_with (consent, text);
    }

  return consent;
}

static RgConflict *
build_conflict (xmlNode *node)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *kind = get_prop (node, "kind");
  g_autofree char *object = get_prop (node, "object");
  g_autofree char *field = get_prop (node, "field");
  g_autofree char *partner = get_prop (node, "partner");
  g_autofree char *recorded = get_prop (node, "recorded");
  g_autofree char *description = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(GDateTime) recorded_time = g_date_time_new_from_iso8601 (recorded, NULL);
  RgObjectKind kind_value = RG_OBJECT_KIND_SESSION;

  rg_object_kind_from_string (kind, &kind_value);

  /* The schema has one of each */
  FOR_EACH_ELEMENT (child, node)
    {
      if (is_session_element (child, "description"))
        description = get_text (child);
      else if (is_session_element (child, "theirs"))
        theirs = get_text (child);
    }

  return g_object_new (RG_TYPE_CONFLICT,
                       "id", id,
                       "object-kind", kind_value,
                       "object-id", object,
                       "field", field,
                       "partner-id", partner,
                       "theirs", theirs,
                       "description", description,
                       "recorded", recorded_time,
                       NULL);
}

static void
build_situation (RgSession *session,
                 xmlNode   *node)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *code = get_prop (node, "code");
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (2, g_free, TRUE);

  if (rg_id_is_valid (id))
    rg_session_set_situation_id (session, id);
  rg_session_set_situation_code (session, code);

  FOR_EACH_ELEMENT (child, node)
    {
      if (is_session_element (child, "label"))
        {
          g_autofree char *text = get_text (child);

          rg_session_set_situation_label (session, text);
        }
      else if (is_session_element (child, "person-name"))
        g_ptr_array_add (names, get_text (child));
    }

  rg_session_set_person_names (session, (const char * const *) names->pdata);
}

/**
 * _rg_session_xml_build:
 * @doc: a document _rg_session_xml_read () accepted
 *
 * Builds the model. The document must have passed every check: this
 * does no error reporting of its own.
 *
 * Returns: (transfer full): a new #RgSession
 */
RgSession *
_rg_session_xml_build (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *id = get_prop (root, "id");
  g_autofree char *kind = get_prop (root, "kind");
  g_autofree char *status = get_prop (root, "status");
  g_autoptr(RgSession) session = g_object_new (RG_TYPE_SESSION, "id", id, NULL);
  RgSessionKind kind_value = RG_SESSION_KIND_SESSION;
  RgSessionStatus status_value = RG_SESSION_STATUS_PREPARING;

  rg_session_kind_from_string (kind, &kind_value);
  rg_session_status_from_string (status, &status_value);
  rg_session_set_kind (session, kind_value);
  rg_session_set_status (session, status_value);
  if (kind_value == RG_SESSION_KIND_CONTRIBUTION)
    {
      g_autofree char *contributor = get_prop (root, "contributor");

      rg_session_set_contributor_id (session, contributor);
    }

  FOR_EACH_ELEMENT (section, root)
    {
      if (is_session_element (section, "title"))
        {
          g_autofree char *text = get_text (section);

          rg_session_set_title (session, text);
        }
      else if (is_session_element (section, "date"))
        {
          g_autofree char *text = get_text (section);

          if (rg_date_is_valid (text))
            rg_session_set_date (session, text);
        }
      else if (is_session_element (section, "place"))
        {
          g_autofree char *text = get_text (section);

          rg_session_set_place (session, text);
        }
      else if (is_session_element (section, "facilitator"))
        {
          g_autofree char *text = get_text (section);

          rg_session_set_facilitator (session, text);
        }
      else if (is_session_element (section, "next-review"))
        {
          g_autofree char *text = get_text (section);

          if (rg_date_is_valid (text))
            rg_session_set_next_review (session, text);
        }
      else if (is_session_element (section, "situation"))
        build_situation (session, section);
      else if (is_session_element (section, "partners"))
        {
          FOR_EACH_ELEMENT (node, section)
            {
              g_autoptr(RgPartner) partner = build_partner (node);

              rg_session_add_partner (session, partner);
            }
        }
      else if (is_session_element (section, "dimensions"))
        {
          FOR_EACH_ELEMENT (node, section)
            {
              g_autoptr(RgDimension) dimension = build_dimension (node);

              rg_session_add_dimension (session, dimension);
            }
        }
      else if (is_session_element (section, "statements"))
        {
          FOR_EACH_ELEMENT (node, section)
            {
              g_autoptr(RgStatement) statement = build_statement (node);

              rg_session_add_statement (session, statement);
            }
        }
      else if (is_session_element (section, "links"))
        {
          FOR_EACH_ELEMENT (node, section)
            {
              g_autoptr(RgLink) link = build_link (node);

              rg_session_add_link (session, link);
            }
        }
      else if (is_session_element (section, "glossary"))
        {
          FOR_EACH_ELEMENT (node, section)
            {
              g_autoptr(RgTerm) term = build_term (node);

              rg_session_add_term (session, term);
            }
        }
      else if (is_session_element (section, "criteria"))
        {
          FOR_EACH_ELEMENT (node, section)
            {
              g_autoptr(RgCategory) category = build_category (node);

              rg_session_add_category (session, category);
            }
        }
      else if (is_session_element (section, "actions"))
        {
          FOR_EACH_ELEMENT (node, section)
            {
              g_autoptr(RgAction) action = build_action (node);

              rg_session_add_action (session, action);
            }
        }
      else if (is_session_element (section, "consents"))
        {
          FOR_EACH_ELEMENT (node, section)
            {
              g_autoptr(RgConsent) consent = build_consent (node);

              rg_session_add_consent (session, consent);
            }
        }
      else if (is_session_element (section, "review"))
        {
          FOR_EACH_ELEMENT (node, section)
            {
              g_autoptr(RgReviewItem) item = build_review_item (node);

              rg_session_add_review_item (session, item);
            }
        }
      else if (is_session_element (section, "conflicts"))
        {
          FOR_EACH_ELEMENT (node, section)
            {
              g_autoptr(RgConflict) conflict = build_conflict (node);

              rg_session_add_conflict (session, conflict);
            }
        }
    }

  return g_steal_pointer (&session);
}

/**
 * rg_session_new_from_bytes:
 * @bytes: the contents of a session file
 * @error: a location for a #GError
 *
 * Reads a session file, treating it as hostile (see the top of
 * rg-session-xml.c): anything but a valid session of a known version
 * gives an error of the #RG_FORMAT_ERROR domain, with a message for the
 * coordinator. Safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): a new #RgSession, or %NULL
 */
RgSession *
rg_session_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(doc = _rg_session_xml_read (bytes, error)))
    return NULL;

  return _rg_session_xml_build (doc);
}

/* Writing */

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD
      || (c >= 0x20 && c <= 0xD7FF)
      || (c >= 0xE000 && c <= 0xFFFD)
      || (c >= 0x10000 && c <= 0x10FFFF);
}

/* @text as XML 1.0 can carry it: valid UTF-8, without the control
 * characters XML forbids (a stray one pasted from another program would
 * otherwise make the whole file unreadable). Returns %NULL when @text is
 * fine as it is, which is nearly always. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *clean;

  if (g_utf8_validate (text, -1, NULL))
    {
      gboolean fine = TRUE;

      for (const char *p = text; *p != '\0' && fine; p = g_utf8_next_char (p))
        fine = is_xml_char (g_utf8_get_char (p));

      if (fine)
        return NULL;
    }

  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

static void
set_prop (xmlNode    *node,
          const char *name,
          const char *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL)
    return;

  clean = clean_text (value);
  xmlNewProp (node, X (name), X (clean != NULL ? clean : value));
}

/* Adds <name>text</name>; an empty required text gives <name/> */
static xmlNode *
add_text (xmlNode    *parent,
          xmlNs      *ns,
          const char *name,
          const char *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL || text[0] == '\0')
    return xmlNewChild (parent, ns, X (name), NULL);

  clean = clean_text (text);
  return xmlNewTextChild (parent, ns, X (name), X (clean != NULL ? clean : text));
}

/* Adds <name>text</name> only when there is a text */
static void
add_optional_text (xmlNode    *parent,
                   xmlNs      *ns,
                   const char *name,
                   const char *text)
{
  if (text != NULL && text[0] != '\0')
    add_text (parent, ns, name, text);
}

static void
write_situation (RgSession *session,
                 xmlNode   *root,
                 xmlNs     *ns)
{
  const char * const *names = rg_session_get_person_names (session);
  xmlNode *situation = xmlNewChild (root, ns, X ("situation"), NULL);

  set_prop (situation, "id", rg_session_get_situation_id (session));
  set_prop (situation, "code", rg_session_get_situation_code (session));
  add_text (situation, ns, "label", rg_session_get_situation_label (session));
  for (guint i = 0; names[i] != NULL; i++)
    add_text (situation, ns, "person-name", names[i]);
}

static void
write_partners (RgSession *session,
                xmlNode   *root,
                xmlNs     *ns)
{
  GListModel *model = rg_session_get_partners (session);
  xmlNode *partners = xmlNewChild (root, ns, X ("partners"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (model, i);
      xmlNode *node = xmlNewChild (partners, ns, X ("partner"), NULL);

      set_prop (node, "id", rg_partner_get_id (partner));
      set_prop (node, "role", rg_partner_role_to_string (rg_partner_get_role (partner)));
      set_prop (node, "colour", rg_partner_get_colour (partner));
      add_text (node, ns, "name", rg_partner_get_name (partner));
      add_optional_text (node, ns, "profession", rg_partner_get_profession (partner));
      add_optional_text (node, ns, "institution", rg_partner_get_institution (partner));
    }
}

static void
write_dimensions (RgSession *session,
                  xmlNode   *root,
                  xmlNs     *ns)
{
  GListModel *model = rg_session_get_dimensions (session);
  xmlNode *dimensions = xmlNewChild (root, ns, X ("dimensions"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (model, i);
      xmlNode *node = xmlNewChild (dimensions, ns, X ("dimension"), NULL);

      set_prop (node, "id", rg_dimension_get_id (dimension));
      add_text (node, ns, "name", rg_dimension_get_name (dimension));
      add_optional_text (node, ns, "synthesis", rg_dimension_get_synthesis (dimension));
    }
}

/* The ids of the statements some link ties together. */
static GHashTable *
collect_linked_statements (RgSession *session)
{
  GListModel *links = rg_session_get_links (session);
  GHashTable *linked = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      const char * const *members = rg_link_get_members (link);

      for (guint j = 0; members != NULL && members[j] != NULL; j++)
        g_hash_table_add (linked, (gpointer) members[j]);
    }

  return linked;
}

/* A statement with no text says nothing: it is one just added, whose
 * first word is still to come, or one whose words were all taken back.
 * The file never keeps it, unless a link names it. */
static gboolean
is_unwritten_statement (RgStatement  *statement,
                        RgSession    *session,
                        GHashTable  **linked)
{
  const char *text = rg_statement_get_text (statement);

  if (text != NULL && text[0] != '\0')
    return FALSE;

  if (*linked == NULL)
    *linked = collect_linked_statements (session);

  return !g_hash_table_contains (*linked, rg_statement_get_id (statement));
}

static void
write_statements (RgSession *session,
                  xmlNode   *root,
                  xmlNs     *ns)
{
  GListModel *model = rg_session_get_statements (session);
  xmlNode *statements = xmlNewChild (root, ns, X ("statements"), NULL);
  g_autoptr(GHashTable) linked = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (model, i);
      g_autofree char *created = NULL;
      g_autofree char *changed = NULL;
      xmlNode *node;

      if (is_unwritten_statement (statement, session, &linked))
        continue;

      created = _rg_time_format (rg_statement_get_created (statement));
      changed = _rg_time_format (rg_statement_get_changed (statement));
      node = add_text (statements, ns, "statement", rg_statement_get_text (statement));

      set_prop (node, "id", rg_statement_get_id (statement));
      set_prop (node, "partner", rg_statement_get_partner_id (statement));
      set_prop (node, "dimension", rg_statement_get_dimension_id (statement));
      set_prop (node, "kind", rg_statement_kind_to_string (rg_statement_get_kind (statement)));
      set_prop (node, "created", created);
      set_prop (node, "changed", changed);
    }
}

static void
write_links (RgSession *session,
             xmlNode   *root,
             xmlNs     *ns)
{
  GListModel *model = rg_session_get_links (session);
  xmlNode *links = xmlNewChild (root, ns, X ("links"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (model, i);
      const char * const *members = rg_link_get_members (link);
      const char *term_id = rg_link_get_term_id (link);
      xmlNode *node = xmlNewChild (links, ns, X ("link"), NULL);

      set_prop (node, "id", rg_link_get_id (link));
      set_prop (node, "type", rg_link_type_to_string (rg_link_get_link_type (link)));
      set_prop (node, "status", rg_link_status_to_string (rg_link_get_status (link)));
      /* A link keeps the id of a term removed from the glossary (undo
       * may bring it back); the file only names a term it holds. */
      if (term_id != NULL && rg_session_find_term (session, term_id) != NULL)
        set_prop (node, "term", term_id);
      for (guint m = 0; members[m] != NULL; m++)
        {
          xmlNode *member = xmlNewChild (node, ns, X ("member"), NULL);

          set_prop (member, "statement", members[m]);
        }
      add_optional_text (node, ns, "note", rg_link_get_note (link));
    }
}

static void
write_glossary (RgSession *session,
                xmlNode   *root,
                xmlNs     *ns)
{
  GListModel *model = rg_session_get_terms (session);
  xmlNode *glossary = xmlNewChild (root, ns, X ("glossary"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (model, i);
      const char * const *partners = rg_term_get_meaning_partners (term);
      xmlNode *node = xmlNewChild (glossary, ns, X ("term"), NULL);

      set_prop (node, "id", rg_term_get_id (term));
      set_prop (node, "status", rg_term_status_to_string (rg_term_get_status (term)));
      add_text (node, ns, "word", rg_term_get_word (term));
      for (guint m = 0; partners[m] != NULL; m++)
        {
          xmlNode *meaning = add_text (node, ns, "meaning", rg_term_get_meaning (term, partners[m]));

          set_prop (meaning, "partner", partners[m]);
        }
      add_optional_text (node, ns, "agreed-meaning", rg_term_get_agreed_meaning (term));
    }
}

static void
write_criteria (RgSession *session,
                xmlNode   *root,
                xmlNs     *ns)
{
  GListModel *model = rg_session_get_categories (session);
  xmlNode *criteria = xmlNewChild (root, ns, X ("criteria"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (model, i);
      GListModel *criteria_model = rg_category_get_criteria (category);
      xmlNode *node = xmlNewChild (criteria, ns, X ("category"), NULL);

      set_prop (node, "id", rg_category_get_id (category));
      add_text (node, ns, "name", rg_category_get_name (category));

      for (guint j = 0; j < g_list_model_get_n_items (criteria_model); j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria_model, j);
          const char * const *indicators = rg_criterion_get_indicators (criterion);
          const char * const *proposers = rg_criterion_get_proposed_by (criterion);
          xmlNode *child = xmlNewChild (node, ns, X ("criterion"), NULL);

          set_prop (child, "id", rg_criterion_get_id (criterion));
          set_prop (child, "agreed", rg_criterion_get_agreed (criterion) ? "true" : "false");
          add_text (child, ns, "text", rg_criterion_get_text (criterion));
          for (guint k = 0; indicators[k] != NULL; k++)
            add_text (child, ns, "indicator", indicators[k]);
          for (guint k = 0; proposers[k] != NULL; k++)
            {
              xmlNode *proposer = xmlNewChild (child, ns, X ("proposed-by"), NULL);

              set_prop (proposer, "partner", proposers[k]);
            }
        }
    }
}

static void
write_actions (RgSession *session,
               xmlNode   *root,
               xmlNs     *ns)
{
  GListModel *model = rg_session_get_actions (session);
  xmlNode *actions = xmlNewChild (root, ns, X ("actions"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (model, i);
      xmlNode *node = xmlNewChild (actions, ns, X ("action"), NULL);

      set_prop (node, "id", rg_action_get_id (action));
      set_prop (node, "owner", rg_action_get_owner_id (action));
      set_prop (node, "due", rg_action_get_due (action));
      set_prop (node, "status", rg_action_status_to_string (rg_action_get_status (action)));
      add_text (node, ns, "what", rg_action_get_what (action));
    }
}

static void
write_consents (RgSession *session,
                xmlNode   *root,
                xmlNs     *ns)
{
  GListModel *model = rg_session_get_consents (session);
  xmlNode *consents = xmlNewChild (root, ns, X ("consents"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgConsent) consent = g_list_model_get_item (model, i);
      xmlNode *node = xmlNewChild (consents, ns, X ("consent"), NULL);

      set_prop (node, "id", rg_consent_get_id (consent));
      set_prop (node, "date", rg_consent_get_date (consent));
      set_prop (node, "recorded-by", rg_consent_get_recorded_by_id (consent));
      add_text (node, ns, "scope", rg_consent_get_scope (consent));
      add_optional_text (node, ns, "shared-with", rg_consent_get_shared_with (consent));
    }
}

/* Omitted when empty: a session that is not a follow-up, or a file of
 * an earlier version of Regards, reads and writes as before. */
static void
write_review (RgSession *session,
              xmlNode   *root,
              xmlNs     *ns)
{
  GListModel *model = rg_session_get_review_items (session);
  guint n = g_list_model_get_n_items (model);
  xmlNode *review;

  if (n == 0)
    return;

  review = xmlNewChild (root, ns, X ("review"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgReviewItem) item = g_list_model_get_item (model, i);
      xmlNode *node = xmlNewChild (review, ns, X ("item"), NULL);
      guint n_quotes = rg_review_item_get_n_quotes (item);

      set_prop (node, "id", rg_review_item_get_id (item));
      set_prop (node, "type", rg_link_type_to_string (rg_review_item_get_link_type (item)));
      set_prop (node, "reviewed", rg_review_item_get_reviewed (item) ? "true" : "false");
      for (guint q = 0; q < n_quotes; q++)
        {
          const char *author;
          const char *dimension;
          const char *text = rg_review_item_get_quote (item, q, &author, &dimension);
          xmlNode *quote = add_text (node, ns, "quote", text);

          set_prop (quote, "author", author);
          set_prop (quote, "dimension", dimension);
        }
      add_optional_text (node, ns, "note", rg_review_item_get_note (item));
    }
}

/* Omitted when empty, as the review list: a session no merge left a
 * conflict in is written as before. */
static void
write_conflicts (RgSession *session,
                 xmlNode   *root,
                 xmlNs     *ns)
{
  GListModel *model = rg_session_get_conflicts (session);
  guint n = g_list_model_get_n_items (model);
  xmlNode *conflicts;

  if (n == 0)
    return;

  conflicts = xmlNewChild (root, ns, X ("conflicts"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgConflict) conflict = g_list_model_get_item (model, i);
      g_autofree char *recorded = _rg_time_format (rg_conflict_get_recorded (conflict));
      xmlNode *node = xmlNewChild (conflicts, ns, X ("conflict"), NULL);

      set_prop (node, "id", rg_conflict_get_id (conflict));
      set_prop (node, "kind", rg_object_kind_to_string (rg_conflict_get_object_kind (conflict)));
      set_prop (node, "object", rg_conflict_get_object_id (conflict));
      set_prop (node, "field", rg_conflict_get_field (conflict));
      set_prop (node, "partner", rg_conflict_get_partner_id (conflict));
      set_prop (node, "recorded", recorded);
      add_text (node, ns, "description", rg_conflict_get_description (conflict));
      add_text (node, ns, "theirs", rg_conflict_get_theirs (conflict));
    }
}

/* The loader's count (see _rg_session_xml_check_limits ()) takes '=' and
 * a quote for an attribute, and "xmlns" for a namespace declaration,
 * wherever they are: a text quoting code or markup at length can hold
 * more than any element has. Written as references, they say the same
 * and count for nothing. This reads libxml2's own output, where '>'
 * only ends a tag, and attribute values are between double quotes they
 * never hold. */
static GBytes *
escape_markup_lookalikes (const char *data,
                          gsize       size)
{
  GString *out = g_string_sized_new (size + size / 16);
  gboolean in_tag = FALSE;
  gboolean in_value = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_tag && !in_value)
        {
          in_value = c == '"';
          in_tag = c != '>';
          g_string_append_c (out, c);
        }
      else if ((!in_tag && c == '<') || (in_value && c == '"'))
        {
          in_tag = TRUE;
          in_value = FALSE;
          g_string_append_c (out, c);
        }
      else if (c == '"')
        g_string_append (out, "&quot;");
      else if (c == '\'')
        g_string_append (out, "&apos;");
      else if (c == 'x' && size - i >= 5 && memcmp (data + i, "xmlns", 5) == 0)
        g_string_append (out, "&#120;");
      else
        g_string_append_c (out, c);
    }

  return g_string_free_to_bytes (out);
}

/**
 * rg_session_to_bytes:
 * @session: a #RgSession
 *
 * Writes @session in the format of docs/file-format.md. The output only
 * depends on the session: saving an unchanged session gives the same
 * bytes. Characters XML cannot carry (control characters, invalid UTF-8)
 * are left out. The file is valid as long as the session's references
 * resolve, which the model keeps so when objects are removed through
 * #RgSession. It may still be more than the loader takes (see
 * _rg_session_xml_check_limits ()), which a save checks.
 *
 * Returns: (transfer full): the contents of the file
 */
GBytes *
rg_session_to_bytes (RgSession *session)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlChar *memory = NULL;
  xmlNode *root;
  xmlNs *ns;
  char version[16];
  int size = 0;
  GBytes *bytes;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  ensure_initialized ();

  doc = xmlNewDoc (X ("1.0"));
  root = xmlNewDocNode (doc, NULL, X ("session"), NULL);
  xmlDocSetRootElement (doc, root);
  ns = xmlNewNs (root, X (RG_SESSION_NAMESPACE), NULL);
  xmlSetNs (root, ns);

  g_snprintf (version, sizeof version, "%d", RG_FORMAT_VERSION);
  set_prop (root, "format-version", version);
  set_prop (root, "id", rg_session_get_id (session));
  set_prop (root, "kind", rg_session_kind_to_string (rg_session_get_kind (session)));
  if (rg_session_get_kind (session) == RG_SESSION_KIND_CONTRIBUTION)
    set_prop (root, "contributor", rg_session_get_contributor_id (session));
  set_prop (root, "status", rg_session_status_to_string (rg_session_get_status (session)));

  add_text (root, ns, "title", rg_session_get_title (session));
  add_text (root, ns, "date", rg_session_get_date (session));
  add_optional_text (root, ns, "place", rg_session_get_place (session));
  add_optional_text (root, ns, "facilitator", rg_session_get_facilitator (session));
  add_optional_text (root, ns, "next-review", rg_session_get_next_review (session));
  write_situation (session, root, ns);
  write_partners (session, root, ns);
  write_dimensions (session, root, ns);
  write_statements (session, root, ns);
  write_links (session, root, ns);
  write_glossary (session, root, ns);
  write_criteria (session, root, ns);
  write_actions (session, root, ns);
  write_consents (session, root, ns);
  write_review (session, root, ns);
  write_conflicts (session, root, ns);

  xmlDocDumpFormatMemoryEnc (doc, &memory, &size, "UTF-8", 1);
  if (memory == NULL)
    g_error ("Out of memory while writing a session");

  /* Only texts that quote markup at length need it: every other file
   * stays as it always was written. */
  switch (_rg_session_xml_check_limits ((const char *) memory, size))
    {
    case RG_SESSION_LIMIT_STRUCTURE:
    case RG_SESSION_LIMIT_ITEMS:
      bytes = escape_markup_lookalikes ((const char *) memory, size);
      break;

    case RG_SESSION_LIMIT_NONE:
    case RG_SESSION_LIMIT_SIZE:
    case RG_SESSION_LIMIT_TEXT:
    default:
      bytes = g_bytes_new (memory, size);
      break;
    }
  xmlFree (memory);

  return bytes;
}
