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
 *     the resource holds the schema's structure only, and the values
 *     its `pattern` facets describe (ids, dates, times, colours…) are
 *     checked in C right after, by check_values (): libxml2 compiles a
 *     facet again for every value it checks, which cost far more than
 *     parsing (see schema-structure.py, which writes the resource's copy
 *     at build time, and tests/format/test-schema-values.c, which proves
 *     the two ways agree);
 *  7. what the schema cannot say: ids unique, references resolved, no
 *     repeated member/meaning/proposer, dates that exist.
 *
 * Only then is the model built, from a description of each element
 * that writing uses too. Writing is deterministic: the same session
 * always gives the same bytes.
 *
 * Sitting files (rg-sitting-xml.c) go through the same steps 1 to 6,
 * with their own root element, namespace and schema: _rg_xml_read ()
 * takes the kind of file.
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

/* The schema of each kind of file, by RgXmlKind */
static const char * const schema_resources[] = {
  "/io/github/regards/Regards/core/schema/regards.rng",
  "/io/github/regards/Regards/core/schema/regards-sitting.rng",
};

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
 * last). Version 4 adds the coordinator's role, an action's owner from
 * outside the team (`owner-name`) and a consent still to confirm
 * (`to-confirm`). Version 5 adds when a partner's contribution was asked
 * for and received (`contribution-asked`, `contribution-received`) and
 * a criterion the team judged met (`met`).
 *
 * To change the format: bump RG_FORMAT_VERSION, update the schema and
 * docs/file-format.md, the table of the element that changes (see “The
 * model's elements” below), and add here the function from the previous
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

/* And a version 3 document has no coordinator, no owner from outside
 * the team and no consent to confirm: it is a version 4 one as it is. */
static gboolean
migrate_3_to_4 (xmlDoc  *doc,
                GError **error)
{
  return TRUE;
}

/* And a version 4 document asked no partner for a contribution, as far
 * as it knows, and has no criterion met: a version 5 one as it is. */
static gboolean
migrate_4_to_5 (xmlDoc  *doc,
                GError **error)
{
  return TRUE;
}

static const RgMigration migrations[] = {
  { 1, migrate_1_to_2 },
  { 2, migrate_2_to_3 },
  { 3, migrate_3_to_4 },
  { 4, migrate_4_to_5 },
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
compile_schema_data (const char *data,
                     gsize       size,
                     const char *name)
{
  g_auto(FirstError) first = { 0 };
  xmlRelaxNGParserCtxt *parser;
  xmlRelaxNG *schema;
  SavedHandlers saved;

  capture_errors (&first, &saved);
  parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  xmlRelaxNGSetParserStructuredErrors (parser, first_error_cb, &first);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  restore_errors (&saved);

  if (schema == NULL)
    g_critical ("The schema %s does not compile: %s",
                name, first.message != NULL ? first.message : "?");

  return schema;
}

static xmlRelaxNG *
compile_schema (const char *resource)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("The schema %s is missing from the resources: %s", resource, error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);

  return compile_schema_data (data, size, resource);
}

/* Returns the compiled schema of @kind, %NULL only if the build is broken */
static xmlRelaxNG *
ensure_initialized (RgXmlKind kind)
{
  static gsize initialized = 0;
  static xmlRelaxNG *schemas[G_N_ELEMENTS (schema_resources)] = { NULL };

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      previous_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      for (guint i = 0; i < G_N_ELEMENTS (schema_resources); i++)
        schemas[i] = compile_schema (schema_resources[i]);

      g_once_init_leave (&initialized, 1);
    }

  return schemas[kind];
}

/**
 * rg_format_init:
 *
 * Sets libxml2 up for the process, once: its parser, an entity loader
 * that refuses the external entities of session files, and the schemas.
 * libxml2 sets its parser up the first time it parses, which two threads
 * parsing for the first time at once do twice, corrupting its state: a
 * reader of session files that does not go through the loader calls
 * this first. Safe from any thread.
 */
void
rg_format_init (void)
{
  ensure_initialized (RG_XML_SESSION);
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

/* The bytes _rg_session_xml_check_limits () looks at */
static const gboolean limit_bytes[256] = { ['<'] = TRUE, ['>'] = TRUE, ['='] = TRUE, ['x'] = TRUE };

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
      /* Most bytes are none of those looked at: skipped in a tight loop */
      while (i < size && !limit_bytes[(guchar) data[i]])
        i++;
      if (i == size)
        break;

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
is_element_in (xmlNode    *node,
               const char *namespace_uri,
               const char *name)
{
  return node != NULL
      && node->type == XML_ELEMENT_NODE
      && node->ns != NULL
      && xmlStrEqual (node->ns->href, X (namespace_uri))
      && xmlStrEqual (node->name, X (name));
}

static gboolean
is_session_element (xmlNode    *node,
                    const char *name)
{
  return is_element_in (node, RG_SESSION_NAMESPACE, name);
}

/**
 * _rg_xml_is_element:
 * @node: (nullable): a node of a document _rg_xml_read () accepted
 * @kind: the kind of that document
 * @name: an element's name
 *
 * Returns: whether @node is the element @name of @kind's namespace
 */
gboolean
_rg_xml_is_element (xmlNode    *node,
                    RgXmlKind   kind,
                    const char *name)
{
  return is_element_in (node, kind == RG_XML_SITTING ? RG_SITTING_NAMESPACE : RG_SESSION_NAMESPACE,
                        name);
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

/* Reading: step 6, the values the schema's `pattern` facets describe
 *
 * The schema in the resources says where each value goes, not what it
 * looks like: its `pattern` facets are left out at build time
 * (schema-structure.py, which knows every pattern written here) and
 * checked here instead, each with the same meaning as in
 * data/schema/regards.rng and regards-sitting.rng, where they stay for
 * other tools. tests/format/test-schema-values.c proves the two agree. */

typedef enum
{
  SHAPE_NONE,
  /* [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} */
  SHAPE_UUID,
  /* [0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) */
  SHAPE_DATE,
  /* a SHAPE_DATE, then T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z */
  SHAPE_TIME,
  /* #[0-9a-fA-F]{6} */
  SHAPE_COLOUR,
  /* a list of [0-9a-f]{16}, separated by XML spaces, maybe empty */
  SHAPE_VERSIONS,
  /* [a-z]+(-[a-z]+)* */
  SHAPE_FIELD,
  /* ([01][0-9]|2[0-3]):[0-5][0-9] */
  SHAPE_TIME_OF_DAY,
} ValueShape;

typedef struct
{
  const char *name;
  ValueShape   type;
} ValueAttribute;

/* The values of an element: its text, and some of its attributes. Every
 * `id` attribute, of any element, is a SHAPE_UUID. */
typedef struct
{
  const char     *element;
  ValueShape       text;
  ValueAttribute  attributes[4];
} ValueElement;

static const ValueElement session_values[] = {
  { "session", SHAPE_NONE, { { "contributor", SHAPE_UUID }, { "known-versions", SHAPE_VERSIONS } } },
  { "date", SHAPE_DATE, { { NULL } } },
  { "next-review", SHAPE_DATE, { { NULL } } },
  { "partner", SHAPE_NONE, { { "colour", SHAPE_COLOUR },
                             { "contribution-asked", SHAPE_DATE },
                             { "contribution-received", SHAPE_DATE } } },
  { "statement", SHAPE_NONE, { { "partner", SHAPE_UUID }, { "dimension", SHAPE_UUID },
                               { "created", SHAPE_TIME }, { "changed", SHAPE_TIME } } },
  { "link", SHAPE_NONE, { { "term", SHAPE_UUID } } },
  { "member", SHAPE_NONE, { { "statement", SHAPE_UUID } } },
  { "meaning", SHAPE_NONE, { { "partner", SHAPE_UUID } } },
  { "proposed-by", SHAPE_NONE, { { "partner", SHAPE_UUID } } },
  { "action", SHAPE_NONE, { { "owner", SHAPE_UUID }, { "due", SHAPE_DATE } } },
  { "consent", SHAPE_NONE, { { "date", SHAPE_DATE }, { "recorded-by", SHAPE_UUID } } },
  { "conflict", SHAPE_NONE, { { "object", SHAPE_UUID }, { "field", SHAPE_FIELD },
                              { "partner", SHAPE_UUID }, { "recorded", SHAPE_TIME } } },
  { NULL }
};

static const ValueElement sitting_values[] = {
  { "date", SHAPE_DATE, { { NULL } } },
  { "item", SHAPE_NONE, { { "situation", SHAPE_UUID }, { "start", SHAPE_TIME_OF_DAY },
                          { "end", SHAPE_TIME_OF_DAY } } },
  { "invited", SHAPE_NONE, { { "partner", SHAPE_UUID } } },
  { NULL }
};

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_lower_hex (char c)
{
  return is_digit (c) || (c >= 'a' && c <= 'f');
}

/* The @n characters at @s are lowercase hexadecimal digits */
static gboolean
are_lower_hex (const char *s,
               gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (!is_lower_hex (s[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_uuid (const char *s)
{
  return strlen (s) == 36
      && are_lower_hex (s, 8) && s[8] == '-'
      && are_lower_hex (s + 9, 4) && s[13] == '-'
      && are_lower_hex (s + 14, 4) && s[18] == '-'
      && are_lower_hex (s + 19, 4) && s[23] == '-'
      && are_lower_hex (s + 24, 12);
}

/* The 10 characters at @s are YYYY-MM-DD, with a month from 01 to 12 and
 * a day from 01 to 31 (whether the day exists is step 7) */
static gboolean
is_date_at (const char *s)
{
  return is_digit (s[0]) && is_digit (s[1]) && is_digit (s[2]) && is_digit (s[3])
      && s[4] == '-'
      && ((s[5] == '0' && s[6] >= '1' && s[6] <= '9')
          || (s[5] == '1' && s[6] >= '0' && s[6] <= '2'))
      && s[7] == '-'
      && ((s[8] == '0' && s[9] >= '1' && s[9] <= '9')
          || ((s[8] == '1' || s[8] == '2') && is_digit (s[9]))
          || (s[8] == '3' && (s[9] == '0' || s[9] == '1')));
}

/* The 5 characters at @s are HH:MM, from 00:00 to 23:59 */
static gboolean
is_time_of_day_at (const char *s)
{
  return (((s[0] == '0' || s[0] == '1') && is_digit (s[1]))
          || (s[0] == '2' && s[1] >= '0' && s[1] <= '3'))
      && s[2] == ':'
      && s[3] >= '0' && s[3] <= '5' && is_digit (s[4]);
}

static gboolean
has_shape (const char *s,
                  ValueShape   type)
{
  gsize length = strlen (s);

  switch (type)
    {
    case SHAPE_NONE:
      return TRUE;

    case SHAPE_UUID:
      return is_uuid (s);

    case SHAPE_DATE:
      return length == 10 && is_date_at (s);

    case SHAPE_TIME:
      return length == 20
          && is_date_at (s) && s[10] == 'T'
          && is_time_of_day_at (s + 11) && s[16] == ':'
          && s[17] >= '0' && s[17] <= '5' && is_digit (s[18])
          && s[19] == 'Z';

    case SHAPE_COLOUR:
      if (length != 7 || s[0] != '#')
        return FALSE;
      for (gsize i = 1; i < 7; i++)
        {
          if (!g_ascii_isxdigit (s[i]))
            return FALSE;
        }
      return TRUE;

    case SHAPE_VERSIONS:
      /* A RELAX NG list: items between XML spaces, each 16 digits */
      for (gsize i = 0; i < length;)
        {
          gsize start;

          if (is_xml_space (s[i]))
            {
              i++;
              continue;
            }

          for (start = i; i < length && !is_xml_space (s[i]); i++)
            ;
          if (i - start != 16 || !are_lower_hex (s + start, 16))
            return FALSE;
        }
      return TRUE;

    case SHAPE_FIELD:
      /* Words of lowercase letters joined by single hyphens */
      if (length == 0 || s[0] == '-' || s[length - 1] == '-')
        return FALSE;
      for (gsize i = 0; i < length; i++)
        {
          if (s[i] == '-' ? s[i + 1] == '-' : !(s[i] >= 'a' && s[i] <= 'z'))
            return FALSE;
        }
      return TRUE;

    case SHAPE_TIME_OF_DAY:
      return length == 5 && is_time_of_day_at (s);

    default:
      g_assert_not_reached ();
    }
}

static const char *
describe_shape (ValueShape type)
{
  switch (type)
    {
    case SHAPE_UUID:
      return _("an identifier");
    case SHAPE_DATE:
      return _("a date written YYYY-MM-DD");
    case SHAPE_TIME:
      return _("a time written YYYY-MM-DDTHH:MM:SSZ");
    case SHAPE_COLOUR:
      return _("a colour written #RRGGBB");
    case SHAPE_VERSIONS:
      return _("a list of versions of the file");
    case SHAPE_FIELD:
      return _("the name of a field");
    case SHAPE_TIME_OF_DAY:
      return _("a time of day written HH:MM");
    case SHAPE_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Longest piece of a wrong value quoted to the user */
#define MAX_SHAPE_CHARS 40

static gboolean
report_bad_value (xmlNode     *node,
                  const char  *attribute,
                  const char  *value,
                  ValueShape    type,
                  GError     **error)
{
  g_autofree char *where = NULL;
  g_autofree char *quoted = NULL;

  if (attribute != NULL)
    where = g_strdup_printf ("%s/@%s", (const char *) node->name, attribute);
  else
    where = g_strdup ((const char *) node->name);

  /* The whole file is valid UTF-8 (step 2) */
  if (g_utf8_strlen (value, -1) > MAX_SHAPE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (value, 0, MAX_SHAPE_CHARS);

      quoted = g_strconcat (cut, "…", NULL);
    }
  else
    quoted = g_strdup (value);

  g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
               /* Translators: the first %s is a value copied from the file, the
                * second says what it should be (“an identifier”, “a date
                * written YYYY-MM-DD”…), the third is where it is, in the
                * file's own words (“statement/@created”) */
               _("This file does not follow the Regards format at line %ld: “%s” is not %s (%s). It may have been changed by another program."),
               xmlGetLineNo (node), quoted, describe_shape (type), where);
  return FALSE;
}

/* The value of an attribute, without a copy in the usual case of one
 * text node; *@copy is set when a copy had to be made */
static const char *
attribute_value (xmlAttr  *attribute,
                 xmlChar **copy)
{
  xmlNode *text = attribute->children;

  *copy = NULL;
  if (text == NULL)
    return "";
  if (text->next == NULL && text->type == XML_TEXT_NODE && text->content != NULL)
    return (const char *) text->content;

  *copy = xmlNodeListGetString (attribute->doc, text, 1);
  return *copy != NULL ? (const char *) *copy : "";
}

static gboolean
check_element_values (xmlNode             *node,
                      const ValueElement  *table,
                      GError             **error)
{
  const ValueElement *values = NULL;

  for (guint i = 0; table[i].element != NULL && values == NULL; i++)
    {
      if (strcmp ((const char *) node->name, table[i].element) == 0)
        values = &table[i];
    }

  for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
    {
      const char *name = (const char *) attribute->name;
      ValueShape type = SHAPE_NONE;

      if (strcmp (name, "id") == 0)
        type = SHAPE_UUID;
      else if (values != NULL)
        {
          for (guint i = 0; i < G_N_ELEMENTS (values->attributes)
                            && values->attributes[i].name != NULL; i++)
            {
              if (strcmp (name, values->attributes[i].name) == 0)
                type = values->attributes[i].type;
            }
        }

      if (type != SHAPE_NONE)
        {
          xmlChar *copy;
          const char *value = attribute_value (attribute, &copy);
          gboolean ok = has_shape (value, type);

          if (!ok)
            report_bad_value (node, name, value, type, error);
          xmlFree (copy);
          if (!ok)
            return FALSE;
        }
    }

  if (values != NULL && values->text != SHAPE_NONE)
    {
      /* As RELAX NG reads it: the text nodes put together */
      xmlChar *text = xmlNodeGetContent (node);
      const char *value = text != NULL ? (const char *) text : "";
      gboolean ok = has_shape (value, values->text);

      if (!ok)
        report_bad_value (node, NULL, value, values->text, error);
      xmlFree (text);
      if (!ok)
        return FALSE;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && !check_element_values (child, table, error))
        return FALSE;
    }

  return TRUE;
}

/* The values of a document the structure of @kind's schema accepted */
static gboolean
check_values (xmlDoc     *doc,
              RgXmlKind   kind,
              GError    **error)
{
  return check_element_values (xmlDocGetRootElement (doc),
                               kind == RG_XML_SITTING ? sitting_values : session_values,
                               error);
}

/* Reading: step 7, what the schema cannot say */

/* The text of an element, or of an attribute (an xmlAttr begins as an
 * xmlNode does); "" when it has none. */
static char *
get_text (xmlNode *node)
{
  xmlChar *value;
  char *copy;

  /* Most texts are one text node: copied once, not twice. */
  if (node->children != NULL && node->children->next == NULL &&
      node->children->type == XML_TEXT_NODE && node->children->content != NULL)
    return g_strdup ((const char *) node->children->content);

  value = xmlNodeGetContent (node);
  copy = g_strdup (value != NULL ? (const char *) value : "");
  xmlFree (value);

  return copy;
}

static char *
get_prop (xmlNode    *node,
          const char *name)
{
  xmlAttr *attribute = xmlHasNsProp (node, X (name), NULL);

  return attribute != NULL ? get_text ((xmlNode *) attribute) : NULL;
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

/* Checks that each @name child of @parent refers by @attribute to a
 * @referent of the file; then sets @repeat to the first that refers to
 * the same as an earlier one, or %NULL, for the caller to report. */
static gboolean
check_list (Check       *check,
            xmlNode     *parent,
            const char  *name,
            const char  *attribute,
            Referent     referent,
            xmlNode    **repeat,
            GError     **error)
{
  FOR_EACH_ELEMENT (child, parent)
    {
      if (is_session_element (child, name)
          && !check_reference (check, child, attribute, referent, FALSE, error))
        return FALSE;
    }

  *repeat = find_repeat (parent, name, attribute);

  return TRUE;
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
      if (is_session_element (section, "partners"))
        {
          FOR_EACH_ELEMENT (partner, section)
            {
              if (!check_date_prop (partner, "contribution-asked", error)
                  || !check_date_prop (partner, "contribution-received", error))
                return FALSE;
            }
        }
      else if (is_session_element (section, "statements"))
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
              if (!check_reference (&check, link, "term", REFERS_TO_TERM, TRUE, error)
                  || !check_list (&check, link, "member", "statement", REFERS_TO_STATEMENT,
                                  &repeat, error))
                return FALSE;

              if (repeat != NULL)
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
              if (!check_list (&check, term, "meaning", "partner", REFERS_TO_PARTNER, &repeat, error))
                return FALSE;

              if (repeat != NULL)
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

                  if (!check_list (&check, criterion, "proposed-by", "partner", REFERS_TO_PARTNER,
                                   &repeat, error))
                    return FALSE;

                  if (repeat != NULL)
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
set_size_error (RgXmlKind   kind,
                GError    **error)
{
  guint mib = RG_SESSION_MAX_SIZE / (1024 * 1024);

  if (kind == RG_XML_SITTING)
    g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_TOO_LARGE,
                 _("This file is too large to be a Regards sitting (more than %u MiB)."), mib);
  else
    g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_TOO_LARGE,
                 _("This file is too large to be a Regards session (more than %u MiB)."), mib);
  return NULL;
}

/* The messages of the checks of the bytes that name the kind of file */
static xmlDoc *
set_bytes_error (RgXmlKind        kind,
                 RgSessionLimit   limit,
                 GError         **error)
{
  gboolean sitting = kind == RG_XML_SITTING;

  switch (limit)
    {
    case RG_SESSION_LIMIT_SIZE:
      return set_size_error (kind, error);

    case RG_SESSION_LIMIT_ITEMS:
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_TOO_LARGE,
                           sitting
                           ? _("This file is too large to be a Regards sitting: it holds far more items than a sitting does.")
                           : _("This file is too large to be a Regards session: it holds far more items than a session does."));
      return NULL;

    case RG_SESSION_LIMIT_TEXT:
      {
        g_autofree char *size = g_format_size (MAX_TEXT_RUN);

        if (sitting)
          g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_TOO_LARGE,
                       _("This file is too large to be a Regards sitting: one of its texts is longer than %s."),
                       size);
        else
          g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_TOO_LARGE,
                       _("This file is too large to be a Regards session: one of its texts is longer than %s."),
                       size);
        return NULL;
      }

    case RG_SESSION_LIMIT_STRUCTURE:
    default:
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT,
                           sitting
                           ? _("This file has a structure that a Regards sitting never has. Regards refuses such files for safety.")
                           : _("This file has a structure that a Regards session never has. Regards refuses such files for safety."));
      return NULL;
    }
}

/* Steps 1 to 6; with @reference, step 6 is that schema alone */
static xmlDoc *
read_xml (GBytes      *bytes,
          RgXmlKind    kind,
          xmlRelaxNG  *reference,
          GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  RgSessionLimit limit;
  xmlRelaxNG *schema;
  xmlNode *root;
  const char *data;
  gsize size;
  guint version;
  guint current = kind == RG_XML_SITTING ? RG_SITTING_FORMAT_VERSION : RG_FORMAT_VERSION;

  data = g_bytes_get_data (bytes, &size);

  /* Checked again below, with the rest: here, before reading anything */
  if (size > RG_SESSION_MAX_SIZE)
    return set_size_error (kind, error);

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
                           kind == RG_XML_SITTING
                           ? _("This file is not a Regards sitting: it is not text, or not in the UTF-8 encoding.")
                           : _("This file is not a Regards session: it is not text, or not in the UTF-8 encoding."));
      return NULL;
    }

  if (bytes_contain (data, size, "<!DOCTYPE") || bytes_contain (data, size, "<!ENTITY"))
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT,
                           _("This file contains a document type declaration. Regards refuses such files for safety."));
      return NULL;
    }

  limit = _rg_session_xml_check_limits (data, size);
  if (limit != RG_SESSION_LIMIT_NONE)
    return set_bytes_error (kind, limit, error);

  schema = ensure_initialized (kind);
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
  if (!_rg_xml_is_element (root, kind, kind == RG_XML_SITTING ? "sitting" : "session"))
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_NOT_A_SESSION,
                           kind == RG_XML_SITTING
                           ? _("This file is not a Regards sitting.")
                           : _("This file is not a Regards session."));
      return NULL;
    }

  version = read_version (root);
  if (version == 0)
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                           _("This file does not give a valid version number of the Regards format."));
      return NULL;
    }

  if (version > current)
    {
      g_set_error_literal (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_NEWER_VERSION,
                           _("This file was made by a newer version of Regards. Update Regards to open it."));
      return NULL;
    }

  /* Sitting files have had one version so far */
  if (kind == RG_XML_SESSION && !migrate (doc, version, error))
    return NULL;

  if (reference != NULL)
    {
      if (!validate (reference, doc, error))
        return NULL;
    }
  else if (!validate (schema, doc, error) || !check_values (doc, kind, error))
    return NULL;

  return g_steal_pointer (&doc);
}

/**
 * _rg_xml_read:
 * @bytes: the contents of a file
 * @kind: what the file should hold
 * @error: a location for a #GError
 *
 * Steps 1 to 6 of the loader, the same for every kind of file Regards
 * reads: the bytes, parsing without DTD, entities or network, the root
 * element of @kind's namespace, its version (a session of an older one
 * is migrated) and the schema. What the schema cannot say is left to
 * the caller.
 *
 * Returns: (transfer full) (nullable): a valid document of @kind, at
 *   its current format version
 */
xmlDoc *
_rg_xml_read (GBytes     *bytes,
              RgXmlKind   kind,
              GError    **error)
{
  return read_xml (bytes, kind, NULL, error);
}

/**
 * _rg_xml_read_against:
 * @bytes: the contents of a file
 * @kind: what the file should hold
 * @schema_file: a RELAX NG schema of @kind's files
 * @error: a location for a #GError
 *
 * Steps 1 to 6 of the loader as _rg_xml_read () runs them, but with
 * step 6 made by @schema_file alone: with the reference schema, whose
 * `pattern` facets the loader checks in C, this says what the loader
 * would say had it kept them. For the test that proves the two agree.
 *
 * Returns: (transfer full) (nullable): a document @schema_file accepts,
 *   at its current format version; %NULL with @error set if @schema_file
 *   does not compile
 */
xmlDoc *
_rg_xml_read_against (GBytes      *bytes,
                      RgXmlKind    kind,
                      const char  *schema_file,
                      GError     **error)
{
  /* The last schema compiled, kept: the test reads many files with it */
  static GMutex lock;
  static char *last_file = NULL;
  static xmlRelaxNG *last_schema = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  ensure_initialized (kind);

  locker = g_mutex_locker_new (&lock);
  if (g_strcmp0 (schema_file, last_file) != 0)
    {
      g_autofree char *data = NULL;
      gsize size;

      g_clear_pointer (&last_file, g_free);
      g_clear_pointer (&last_schema, xmlRelaxNGFree);

      if (!g_file_get_contents (schema_file, &data, &size, error))
        return NULL;

      last_schema = compile_schema_data (data, size, schema_file);
      if (last_schema == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "The schema %s does not compile", schema_file);
          return NULL;
        }
      last_file = g_strdup (schema_file);
    }

  return read_xml (bytes, kind, last_schema, error);
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
  g_autoptr(xmlDoc) doc = _rg_xml_read (bytes, RG_XML_SESSION, error);

  if (doc == NULL || !check_references (xmlDocGetRootElement (doc), error))
    return NULL;

  return g_steal_pointer (&doc);
}

/* Texts as XML can carry them */

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

/* The same helpers, for the other files of the folder (see
 * rg-sitting-xml.c) */

char *
_rg_xml_get_prop (xmlNode    *node,
                  const char *name)
{
  return get_prop (node, name);
}

char *
_rg_xml_get_text (xmlNode *node)
{
  return get_text (node);
}

xmlNode *
_rg_xml_first_child_element (xmlNode *node)
{
  return first_child_element (node);
}

xmlNode *
_rg_xml_next_element (xmlNode *node)
{
  return next_element (node);
}

void
_rg_xml_set_prop (xmlNode    *node,
                  const char *name,
                  const char *value)
{
  set_prop (node, name, value);
}

xmlNode *
_rg_xml_add_text (xmlNode    *parent,
                  xmlNs      *ns,
                  const char *name,
                  const char *text)
{
  return add_text (parent, ns, name, text);
}

void
_rg_xml_add_optional_text (xmlNode    *parent,
                           xmlNs      *ns,
                           const char *name,
                           const char *text)
{
  add_optional_text (parent, ns, name, text);
}

/* The model's elements
 *
 * Each element of the file is described once, in a table of its fields:
 * where a field stands (an attribute, a child element, the element's own
 * text…), its name, and the model's accessors that give and take its
 * value. Writing and reading both walk these tables, so that the two
 * never disagree; the few fields of a shape of their own (a term's
 * meanings, a review item's quotes) have a pair of functions instead.
 *
 * Reading sets the fields in this order: the construct properties (the
 * id, and all of an object that cannot change), then the attributes,
 * the element's own text, the child elements in the order of the file,
 * the lists of children, and last the times, since every other setter
 * moves a statement's “changed” to now. The document passed every
 * check: reading reports no errors of its own. */

typedef enum
{
  NO_MORE_FIELDS,          /* the end of a table */
  IN_ATTRIBUTE,            /* name="value" */
  IN_CONTENT,              /* the element's own text */
  IN_CHILD,                /* <name>value</name>, or <name/> when empty */
  IN_OPTIONAL_CHILD,       /* <name>value</name>, left out when empty */
  IN_CHILDREN,             /* <name>value</name> for each value of a list */
  IN_CHILDREN_ATTRIBUTE,   /* <name attribute="value"/> for each value of a list */
  IN_ELEMENT,              /* <name>…</name> holding more fields of the same object */
  IN_ITEMS,                /* the objects of a list, each an element, in <name> if named */
  IN_CUSTOM,               /* written and read by functions of its own */
} Place;

typedef enum
{
  AS_TEXT,
  AS_WORD,                 /* a value of an enumeration, written as its word */
  AS_BOOLEAN,              /* "true" or "false" */
  AS_TIME,                 /* a GDateTime, written by rg_time_format () */
} ValueType;

typedef struct
{
  RgSession  *session;
  xmlNs      *ns;
  GHashTable *linked;      /* see is_unwritten_statement (), made when first needed */
} Writer;

typedef struct _Element Element;

/* The accessors, stored as GCallback and called as what the value type
 * says: the getters and setters of the model take their own class. */
typedef const char          *(*GetText)    (gpointer object);
typedef void                 (*SetText)    (gpointer object, const char *text);
typedef int                  (*GetWord)    (gpointer object);
typedef void                 (*SetWord)    (gpointer object, int value);
typedef gboolean             (*GetBoolean) (gpointer object);
typedef void                 (*SetBoolean) (gpointer object, gboolean value);
typedef GDateTime           *(*GetTime)    (gpointer object);
typedef void                 (*SetTime)    (gpointer object, GDateTime *time);
typedef const char * const  *(*GetTexts)   (gpointer object);
typedef void                 (*SetTexts)   (gpointer object, const char * const *texts);
typedef GListModel          *(*GetItems)   (gpointer object);
typedef void                 (*AddItem)    (gpointer object, gpointer item);
typedef const char          *(*ToWord)     (int value);
typedef gboolean             (*FromWord)   (const char *word, int *value);

typedef struct
{
  Place          place;
  const char    *name;
  GCallback      get;        /* for IN_ITEMS, the list model */
  GCallback      set;        /* for IN_ITEMS, the function adding an item; NULL if
                              * the value is never read, or read by @property */
  ValueType      type;

  const char    *property;   /* the construct property the value read goes to */
  GCallback      to_word;    /* AS_WORD: the words of the enumeration */
  GCallback      from_word;
  const char    *attribute;  /* IN_CHILDREN_ATTRIBUTE */
  const Element *element;    /* IN_ELEMENT, IN_ITEMS */
  gboolean       omit_when_empty;  /* IN_ITEMS */

  /* A value read is only set when this says it is valid */
  gboolean     (*valid)   (const char *text);
  /* The field is only written when this says so */
  gboolean     (*written) (Writer *writer, gpointer object);

  /* IN_CUSTOM */
  void         (*write)   (Writer *writer, gpointer object, xmlNode *node);
  void         (*read)    (gpointer object, xmlNode *child);
} Field;

struct _Element
{
  const char   *name;
  GType       (*get_type) (void);   /* NULL for IN_ELEMENT */
  const Field  *fields;             /* ending with NO_MORE_FIELDS */

  /* Objects this says are not worth a place in the file are left out */
  gboolean    (*skip) (Writer *writer, gpointer object);
};

#define GET(f) G_CALLBACK (f)
#define SET(f) G_CALLBACK (f)
#define WORDS(prefix) .type = AS_WORD, \
                      .to_word = G_CALLBACK (prefix##_to_string), \
                      .from_word = G_CALLBACK (prefix##_from_string)

/* The fields of shapes of their own, and what decides whether a field
 * or an object is written */

static void
write_meanings (Writer   *writer,
                gpointer  term,
                xmlNode  *node)
{
  const char * const *partners = rg_term_get_meaning_partners (term);

  for (guint i = 0; partners[i] != NULL; i++)
    {
      const char *meaning = rg_term_get_meaning (term, partners[i]);

      set_prop (add_text (node, writer->ns, "meaning", meaning), "partner", partners[i]);
    }
}

static void
read_meaning (gpointer  term,
              xmlNode  *child)
{
  g_autofree char *partner = get_prop (child, "partner");
  g_autofree char *text = get_text (child);

  rg_term_set_meaning (term, partner, text);
}

static void
write_quotes (Writer   *writer,
              gpointer  item,
              xmlNode  *node)
{
  guint n_quotes = rg_review_item_get_n_quotes (item);

  for (guint i = 0; i < n_quotes; i++)
    {
      const char *author;
      const char *dimension;
      const char *text = rg_review_item_get_quote (item, i, &author, &dimension);
      xmlNode *quote = add_text (node, writer->ns, "quote", text);

      set_prop (quote, "author", author);
      set_prop (quote, "dimension", dimension);
    }
}

static void
read_quote (gpointer  item,
            xmlNode  *child)
{
  g_autofree char *author = get_prop (child, "author");
  g_autofree char *dimension = get_prop (child, "dimension");
  g_autofree char *text = get_text (child);

  rg_review_item_add_quote (item, author, dimension, text);
}

static const char *
get_format_version (gpointer session)
{
  return G_STRINGIFY (RG_FORMAT_VERSION);
}

static gboolean
is_contribution (Writer   *writer,
                 gpointer  session)
{
  return rg_session_get_kind (session) == RG_SESSION_KIND_CONTRIBUTION;
}

/* A link keeps the id of a term removed from the glossary (undo may
 * bring it back); the file only names a term it holds. */
static gboolean
names_a_held_term (Writer   *writer,
                   gpointer  link)
{
  const char *term_id = rg_link_get_term_id (link);

  return term_id != NULL && rg_session_find_term (writer->session, term_id) != NULL;
}

/* Written only when set: a consent the family has confirmed, as every
 * consent before version 4, reads and writes as before. */
static gboolean
is_to_confirm (Writer   *writer,
               gpointer  consent)
{
  return rg_consent_get_to_confirm (consent);
}

/* Written only when set: a criterion not yet met reads and writes as
 * every criterion before version 5. */
static gboolean
is_met (Writer   *writer,
        gpointer  criterion)
{
  return rg_criterion_get_met (criterion);
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
is_unwritten_statement (Writer   *writer,
                        gpointer  statement)
{
  const char *text = rg_statement_get_text (statement);

  if (text != NULL && text[0] != '\0')
    return FALSE;

  if (writer->linked == NULL)
    writer->linked = collect_linked_statements (writer->session);

  return !g_hash_table_contains (writer->linked, rg_statement_get_id (statement));
}

/* The tables, inner elements first */

static const Field situation_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_session_get_situation_id), SET (rg_session_set_situation_id),
    .valid = rg_id_is_valid },
  { IN_ATTRIBUTE, "code", GET (rg_session_get_situation_code),
    SET (rg_session_set_situation_code) },
  { IN_CHILD, "label", GET (rg_session_get_situation_label), SET (rg_session_set_situation_label) },
  { IN_CHILDREN, "person-name", GET (rg_session_get_person_names),
    SET (rg_session_set_person_names) },
  { NO_MORE_FIELDS }
};

static const Element situation_element = { "situation", NULL, situation_fields };

static const Field partner_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_partner_get_id), .property = "id" },
  { IN_ATTRIBUTE, "role", GET (rg_partner_get_role), SET (rg_partner_set_role),
    WORDS (rg_partner_role) },
  { IN_ATTRIBUTE, "colour", GET (rg_partner_get_colour), SET (rg_partner_set_colour),
    .valid = rg_colour_is_valid },
  { IN_ATTRIBUTE, "contribution-asked", GET (rg_partner_get_contribution_asked),
    SET (rg_partner_set_contribution_asked), .valid = rg_date_is_valid },
  { IN_ATTRIBUTE, "contribution-received", GET (rg_partner_get_contribution_received),
    SET (rg_partner_set_contribution_received), .valid = rg_date_is_valid },
  { IN_CHILD, "name", GET (rg_partner_get_name), SET (rg_partner_set_name) },
  { IN_OPTIONAL_CHILD, "profession", GET (rg_partner_get_profession),
    SET (rg_partner_set_profession) },
  { IN_OPTIONAL_CHILD, "institution", GET (rg_partner_get_institution),
    SET (rg_partner_set_institution) },
  { NO_MORE_FIELDS }
};

static const Element partner_element = { "partner", rg_partner_get_type, partner_fields };

static const Field dimension_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_dimension_get_id), .property = "id" },
  { IN_CHILD, "name", GET (rg_dimension_get_name), SET (rg_dimension_set_name) },
  { IN_OPTIONAL_CHILD, "synthesis", GET (rg_dimension_get_synthesis),
    SET (rg_dimension_set_synthesis) },
  { NO_MORE_FIELDS }
};

static const Element dimension_element = { "dimension", rg_dimension_get_type, dimension_fields };

static const Field statement_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_statement_get_id), .property = "id" },
  { IN_ATTRIBUTE, "partner", GET (rg_statement_get_partner_id), SET (rg_statement_set_partner_id) },
  { IN_ATTRIBUTE, "dimension", GET (rg_statement_get_dimension_id),
    SET (rg_statement_set_dimension_id) },
  { IN_ATTRIBUTE, "kind", GET (rg_statement_get_kind), SET (rg_statement_set_kind),
    WORDS (rg_statement_kind) },
  { IN_ATTRIBUTE, "created", GET (rg_statement_get_created), SET (rg_statement_set_created),
    .type = AS_TIME },
  { IN_ATTRIBUTE, "changed", GET (rg_statement_get_changed), SET (rg_statement_set_changed),
    .type = AS_TIME },
  { IN_CONTENT, NULL, GET (rg_statement_get_text), SET (rg_statement_set_text) },
  { NO_MORE_FIELDS }
};

static const Element statement_element = {
  "statement", rg_statement_get_type, statement_fields, is_unwritten_statement
};

static const Field link_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_link_get_id), .property = "id" },
  { IN_ATTRIBUTE, "type", GET (rg_link_get_link_type), SET (rg_link_set_link_type),
    WORDS (rg_link_type) },
  { IN_ATTRIBUTE, "status", GET (rg_link_get_status), SET (rg_link_set_status),
    WORDS (rg_link_status) },
  { IN_ATTRIBUTE, "term", GET (rg_link_get_term_id), SET (rg_link_set_term_id),
    .written = names_a_held_term },
  { IN_CHILDREN_ATTRIBUTE, "member", GET (rg_link_get_members), SET (rg_link_set_members),
    .attribute = "statement" },
  { IN_OPTIONAL_CHILD, "note", GET (rg_link_get_note), SET (rg_link_set_note) },
  { NO_MORE_FIELDS }
};

static const Element link_element = { "link", rg_link_get_type, link_fields };

static const Field term_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_term_get_id), .property = "id" },
  { IN_ATTRIBUTE, "status", GET (rg_term_get_status), SET (rg_term_set_status),
    WORDS (rg_term_status) },
  { IN_CHILD, "word", GET (rg_term_get_word), SET (rg_term_set_word) },
  { IN_CUSTOM, "meaning", .write = write_meanings, .read = read_meaning },
  { IN_OPTIONAL_CHILD, "agreed-meaning", GET (rg_term_get_agreed_meaning),
    SET (rg_term_set_agreed_meaning) },
  { NO_MORE_FIELDS }
};

static const Element term_element = { "term", rg_term_get_type, term_fields };

static const Field criterion_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_criterion_get_id), .property = "id" },
  { IN_ATTRIBUTE, "agreed", GET (rg_criterion_get_agreed), SET (rg_criterion_set_agreed),
    .type = AS_BOOLEAN },
  { IN_ATTRIBUTE, "met", GET (rg_criterion_get_met), SET (rg_criterion_set_met),
    .type = AS_BOOLEAN, .written = is_met },
  { IN_CHILD, "text", GET (rg_criterion_get_text), SET (rg_criterion_set_text) },
  { IN_CHILDREN, "indicator", GET (rg_criterion_get_indicators),
    SET (rg_criterion_set_indicators) },
  { IN_CHILDREN_ATTRIBUTE, "proposed-by", GET (rg_criterion_get_proposed_by),
    SET (rg_criterion_set_proposed_by), .attribute = "partner" },
  { NO_MORE_FIELDS }
};

static const Element criterion_element = { "criterion", rg_criterion_get_type, criterion_fields };

static const Field category_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_category_get_id), .property = "id" },
  { IN_CHILD, "name", GET (rg_category_get_name), SET (rg_category_set_name) },
  /* Each criterion right in the category, with no element around them */
  { IN_ITEMS, NULL, GET (rg_category_get_criteria), SET (rg_category_add_criterion),
    .element = &criterion_element },
  { NO_MORE_FIELDS }
};

static const Element category_element = { "category", rg_category_get_type, category_fields };

static const Field action_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_action_get_id), .property = "id" },
  { IN_ATTRIBUTE, "owner", GET (rg_action_get_owner_id), SET (rg_action_set_owner_id) },
  { IN_ATTRIBUTE, "owner-name", GET (rg_action_get_owner_name), SET (rg_action_set_owner_name) },
  { IN_ATTRIBUTE, "due", GET (rg_action_get_due), SET (rg_action_set_due),
    .valid = rg_date_is_valid },
  { IN_ATTRIBUTE, "status", GET (rg_action_get_status), SET (rg_action_set_status),
    WORDS (rg_action_status) },
  { IN_CHILD, "what", GET (rg_action_get_what), SET (rg_action_set_what) },
  { NO_MORE_FIELDS }
};

static const Element action_element = { "action", rg_action_get_type, action_fields };

static const Field consent_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_consent_get_id), .property = "id" },
  { IN_ATTRIBUTE, "date", GET (rg_consent_get_date), SET (rg_consent_set_date),
    .valid = rg_date_is_valid },
  { IN_ATTRIBUTE, "recorded-by", GET (rg_consent_get_recorded_by_id),
    SET (rg_consent_set_recorded_by_id) },
  { IN_ATTRIBUTE, "to-confirm", GET (rg_consent_get_to_confirm), SET (rg_consent_set_to_confirm),
    .type = AS_BOOLEAN, .written = is_to_confirm },
  { IN_CHILD, "scope", GET (rg_consent_get_scope), SET (rg_consent_set_scope) },
  { IN_OPTIONAL_CHILD, "shared-with", GET (rg_consent_get_shared_with),
    SET (rg_consent_set_shared_with) },
  { NO_MORE_FIELDS }
};

static const Element consent_element = { "consent", rg_consent_get_type, consent_fields };

static const Field review_item_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_review_item_get_id), .property = "id" },
  { IN_ATTRIBUTE, "type", GET (rg_review_item_get_link_type),
    .property = "link-type", WORDS (rg_link_type) },
  { IN_ATTRIBUTE, "reviewed", GET (rg_review_item_get_reviewed), SET (rg_review_item_set_reviewed),
    .type = AS_BOOLEAN },
  { IN_CUSTOM, "quote", .write = write_quotes, .read = read_quote },
  { IN_OPTIONAL_CHILD, "note", GET (rg_review_item_get_note), SET (rg_review_item_set_note) },
  { NO_MORE_FIELDS }
};

static const Element review_item_element = { "item", rg_review_item_get_type, review_item_fields };

/* A conflict never changes: all of it is given at construction */
static const Field conflict_fields[] = {
  { IN_ATTRIBUTE, "id", GET (rg_conflict_get_id), .property = "id" },
  { IN_ATTRIBUTE, "kind", GET (rg_conflict_get_object_kind),
    .property = "object-kind", WORDS (rg_object_kind) },
  { IN_ATTRIBUTE, "object", GET (rg_conflict_get_object_id), .property = "object-id" },
  { IN_ATTRIBUTE, "field", GET (rg_conflict_get_field), .property = "field" },
  { IN_ATTRIBUTE, "partner", GET (rg_conflict_get_partner_id), .property = "partner-id" },
  { IN_ATTRIBUTE, "recorded", GET (rg_conflict_get_recorded),
    .type = AS_TIME, .property = "recorded" },
  { IN_CHILD, "description", GET (rg_conflict_get_description), .property = "description" },
  { IN_CHILD, "theirs", GET (rg_conflict_get_theirs), .property = "theirs" },
  { NO_MORE_FIELDS }
};

static const Element conflict_element = { "conflict", rg_conflict_get_type, conflict_fields };

static const Field session_fields[] = {
  /* Read before the session is built (see migrate ()) */
  { IN_ATTRIBUTE, "format-version", GET (get_format_version) },
  { IN_ATTRIBUTE, "id", GET (rg_session_get_id), .property = "id" },
  { IN_ATTRIBUTE, "kind", GET (rg_session_get_kind), SET (rg_session_set_kind),
    WORDS (rg_session_kind) },
  { IN_ATTRIBUTE, "contributor", GET (rg_session_get_contributor_id),
    SET (rg_session_set_contributor_id), .written = is_contribution },
  { IN_ATTRIBUTE, "status", GET (rg_session_get_status), SET (rg_session_set_status),
    WORDS (rg_session_status) },
  { IN_CHILD, "title", GET (rg_session_get_title), SET (rg_session_set_title) },
  { IN_CHILD, "date", GET (rg_session_get_date), SET (rg_session_set_date),
    .valid = rg_date_is_valid },
  { IN_OPTIONAL_CHILD, "place", GET (rg_session_get_place), SET (rg_session_set_place) },
  { IN_OPTIONAL_CHILD, "facilitator", GET (rg_session_get_facilitator),
    SET (rg_session_set_facilitator) },
  { IN_OPTIONAL_CHILD, "next-review", GET (rg_session_get_next_review),
    SET (rg_session_set_next_review), .valid = rg_date_is_valid },
  { IN_ELEMENT, "situation", .element = &situation_element },
  { IN_ITEMS, "partners", GET (rg_session_get_partners), SET (rg_session_add_partner),
    .element = &partner_element },
  { IN_ITEMS, "dimensions", GET (rg_session_get_dimensions), SET (rg_session_add_dimension),
    .element = &dimension_element },
  { IN_ITEMS, "statements", GET (rg_session_get_statements), SET (rg_session_add_statement),
    .element = &statement_element },
  { IN_ITEMS, "links", GET (rg_session_get_links), SET (rg_session_add_link),
    .element = &link_element },
  { IN_ITEMS, "glossary", GET (rg_session_get_terms), SET (rg_session_add_term),
    .element = &term_element },
  { IN_ITEMS, "criteria", GET (rg_session_get_categories), SET (rg_session_add_category),
    .element = &category_element },
  { IN_ITEMS, "actions", GET (rg_session_get_actions), SET (rg_session_add_action),
    .element = &action_element },
  { IN_ITEMS, "consents", GET (rg_session_get_consents), SET (rg_session_add_consent),
    .element = &consent_element },
  /* Left out when empty: a session that is not a follow-up, or that no
   * merge left a conflict in, reads and writes as in earlier versions
   * of the format. */
  { IN_ITEMS, "review", GET (rg_session_get_review_items), SET (rg_session_add_review_item),
    .element = &review_item_element, .omit_when_empty = TRUE },
  { IN_ITEMS, "conflicts", GET (rg_session_get_conflicts), SET (rg_session_add_conflict),
    .element = &conflict_element, .omit_when_empty = TRUE },
  { NO_MORE_FIELDS }
};

static const Element session_element = { "session", rg_session_get_type, session_fields };

/* Reading */

/* Sets @field of @object to @text, as the file gives it */
static void
read_value (const Field *field,
            gpointer     object,
            const char  *text)
{
  switch (field->type)
    {
    case AS_TEXT:
      if (field->valid == NULL || field->valid (text))
        ((SetText) field->set) (object, text);
      break;

    case AS_WORD:
      {
        int value = 0;  /* the first word, where the schema let none through */

        ((FromWord) field->from_word) (text, &value);
        ((SetWord) field->set) (object, value);
      }
      break;

    case AS_BOOLEAN:
      ((SetBoolean) field->set) (object, g_strcmp0 (text, "true") == 0);
      break;

    case AS_TIME:
      {
        g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

        ((SetTime) field->set) (object, time);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* @text as a value for the construct property of @field; FALSE for a
 * word the enumeration does not have, which leaves the property at its
 * default. */
static gboolean
construct_value (const Field  *field,
                 GObjectClass *klass,
                 const char   *text,
                 GValue       *value)
{
  GParamSpec *pspec = g_object_class_find_property (klass, field->property);
  int word_value;

  g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));

  switch (field->type)
    {
    case AS_TEXT:
      g_value_set_string (value, text);
      return TRUE;

    case AS_WORD:
      if (!((FromWord) field->from_word) (text, &word_value))
        {
          g_value_unset (value);
          return FALSE;
        }
      g_value_set_enum (value, word_value);
      return TRUE;

    case AS_TIME:
      g_value_take_boxed (value, g_date_time_new_from_iso8601 (text, NULL));
      return TRUE;

    case AS_BOOLEAN:
    default:
      g_assert_not_reached ();
    }
}

/* The text of @field that @node holds itself (an attribute, its own
 * text) or in a child, or %NULL */
static char *
read_text (const Field *field,
           xmlNode     *node)
{
  xmlNode *child;

  switch (field->place)
    {
    case IN_ATTRIBUTE:
      return get_prop (node, field->name);

    case IN_CONTENT:
      return get_text (node);

    case IN_CHILD:
      child = find_child (node, field->name);
      return child != NULL ? get_text (child) : NULL;

    default:
      g_assert_not_reached ();
    }
}

/* A conflict has the most: eight */
#define MAX_CONSTRUCT_FIELDS 8

static gpointer
new_object (const Element *element,
            xmlNode       *node)
{
  GType type = element->get_type ();
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const char *names[MAX_CONSTRUCT_FIELDS];
  GValue values[MAX_CONSTRUCT_FIELDS] = { G_VALUE_INIT };
  GObject *object;
  guint n = 0;

  for (const Field *field = element->fields; field->place != NO_MORE_FIELDS; field++)
    {
      g_autofree char *text = NULL;

      if (field->property == NULL)
        continue;

      g_assert (n < MAX_CONSTRUCT_FIELDS);
      text = read_text (field, node);
      if (construct_value (field, G_OBJECT_CLASS (klass), text, &values[n]))
        names[n++] = field->property;
    }

  object = g_object_new_with_properties (type, n, names, values);

  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return object;
}

/* The attributes of @node and its own text: the times, or all others */
static void
read_own_values (const Field *fields,
                 gpointer     object,
                 xmlNode     *node,
                 gboolean     times)
{
  for (const Field *field = fields; field->place != NO_MORE_FIELDS; field++)
    {
      if ((field->place == IN_ATTRIBUTE || field->place == IN_CONTENT)
          && field->set != NULL && (field->type == AS_TIME) == times)
        {
          g_autofree char *text = read_text (field, node);

          read_value (field, object, text);
        }
    }
}

/* The values of the children of @node that @field lists */
static GPtrArray *
read_list (const Field *field,
           xmlNode     *node)
{
  GPtrArray *values = g_ptr_array_new_null_terminated (2, g_free, TRUE);

  FOR_EACH_ELEMENT (child, node)
    {
      if (!is_session_element (child, field->name))
        continue;

      if (field->place == IN_CHILDREN)
        g_ptr_array_add (values, get_text (child));
      else
        g_ptr_array_add (values, get_prop (child, field->attribute));
    }

  return values;
}

/* The field of @fields that @child stands for on its own (not as one
 * of a list), or %NULL */
static const Field *
find_field (const Field *fields,
            xmlNode     *child)
{
  for (const Field *field = fields; field->place != NO_MORE_FIELDS; field++)
    {
      const char *name = field->name;

      if (field->place == IN_CHILDREN || field->place == IN_CHILDREN_ATTRIBUTE)
        continue;

      if (field->place == IN_ITEMS && name == NULL)
        name = field->element->name;

      if (name != NULL && is_session_element (child, name))
        return field;
    }

  return NULL;
}

static gpointer build_object (const Element *element,
                              xmlNode       *node);

static void
add_item (const Field *field,
          gpointer     object,
          xmlNode     *node)
{
  g_autoptr(GObject) item = build_object (field->element, node);

  ((AddItem) field->set) (object, item);
}

/* Sets the fields of @object that @node holds, in the order the top of
 * this part says */
static void
read_fields (const Field *fields,
             gpointer     object,
             xmlNode     *node)
{
  read_own_values (fields, object, node, FALSE);

  FOR_EACH_ELEMENT (child, node)
    {
      const Field *field = find_field (fields, child);

      if (field == NULL)
        continue;

      if (field->place == IN_ELEMENT)
        read_fields (field->element->fields, object, child);
      else if (field->place == IN_CUSTOM)
        field->read (object, child);
      else if (field->place == IN_ITEMS && field->name == NULL)
        add_item (field, object, child);
      else if (field->place == IN_ITEMS)
        {
          FOR_EACH_ELEMENT (item, child)
            add_item (field, object, item);
        }
      else if (field->set != NULL)
        {
          g_autofree char *text = get_text (child);

          read_value (field, object, text);
        }
    }

  for (const Field *field = fields; field->place != NO_MORE_FIELDS; field++)
    {
      if (field->place == IN_CHILDREN || field->place == IN_CHILDREN_ATTRIBUTE)
        {
          g_autoptr(GPtrArray) values = read_list (field, node);

          ((SetTexts) field->set) (object, (const char * const *) values->pdata);
        }
    }

  read_own_values (fields, object, node, TRUE);
}

static gpointer
build_object (const Element *element,
              xmlNode       *node)
{
  gpointer object = new_object (element, node);

  read_fields (element->fields, object, node);

  return object;
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
  return build_object (&session_element, xmlDocGetRootElement (doc));
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

/**
 * rg_session_check_bytes:
 * @bytes: the contents of a session file
 * @error: a location for a #GError
 *
 * Says whether rg_session_new_from_bytes () would read @bytes, with the
 * same error when it would not, without building the session: every
 * refusal of the loader comes from its checks of the document, never
 * from building the model. A check of many files (the library's) costs
 * about half of loading them.
 *
 * Safe to call from any thread.
 *
 * Returns: %TRUE if @bytes is a session the loader reads
 */
gboolean
rg_session_check_bytes (GBytes  *bytes,
                        GError **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = _rg_session_xml_read (bytes, error);

  return doc != NULL;
}

/* Writing */

/* The value of @field in @object as the file writes it; @owned keeps
 * what needs freeing */
static const char *
write_value (const Field  *field,
             gpointer      object,
             char        **owned)
{
  switch (field->type)
    {
    case AS_TEXT:
      return ((GetText) field->get) (object);

    case AS_WORD:
      return ((ToWord) field->to_word) (((GetWord) field->get) (object));

    case AS_BOOLEAN:
      return ((GetBoolean) field->get) (object) ? "true" : "false";

    case AS_TIME:
      return *owned = rg_time_format (((GetTime) field->get) (object));

    default:
      g_assert_not_reached ();
    }
}

static void write_element (Writer        *writer,
                           const Element *element,
                           gpointer       object,
                           xmlNode       *parent);

static void
write_items (Writer      *writer,
             const Field *field,
             gpointer     object,
             xmlNode     *node)
{
  GListModel *model = ((GetItems) field->get) (object);
  guint n = g_list_model_get_n_items (model);

  if (n == 0 && field->omit_when_empty)
    return;

  if (field->name != NULL)
    node = xmlNewChild (node, writer->ns, X (field->name), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (field->element->skip == NULL || !field->element->skip (writer, item))
        write_element (writer, field->element, item, node);
    }
}

static void
write_fields (Writer      *writer,
              const Field *fields,
              gpointer     object,
              xmlNode     *node)
{
  for (const Field *field = fields; field->place != NO_MORE_FIELDS; field++)
    {
      g_autofree char *owned = NULL;
      const char * const *values;

      if (field->written != NULL && !field->written (writer, object))
        continue;

      switch (field->place)
        {
        case IN_ATTRIBUTE:
          set_prop (node, field->name, write_value (field, object, &owned));
          break;

        case IN_CONTENT:
          /* Given to the element when it was made */
          break;

        case IN_CHILD:
          add_text (node, writer->ns, field->name, write_value (field, object, &owned));
          break;

        case IN_OPTIONAL_CHILD:
          add_optional_text (node, writer->ns, field->name, write_value (field, object, &owned));
          break;

        case IN_CHILDREN:
          values = ((GetTexts) field->get) (object);
          for (guint i = 0; values[i] != NULL; i++)
            add_text (node, writer->ns, field->name, values[i]);
          break;

        case IN_CHILDREN_ATTRIBUTE:
          values = ((GetTexts) field->get) (object);
          for (guint i = 0; values[i] != NULL; i++)
            set_prop (xmlNewChild (node, writer->ns, X (field->name), NULL),
                      field->attribute, values[i]);
          break;

        case IN_ELEMENT:
          write_element (writer, field->element, object, node);
          break;

        case IN_ITEMS:
          write_items (writer, field, object, node);
          break;

        case IN_CUSTOM:
          field->write (writer, object, node);
          break;

        case NO_MORE_FIELDS:
        default:
          g_assert_not_reached ();
        }
    }
}

/* The text of an element holding one is given as the element is made:
 * an empty one gives <name/> */
static void
write_element (Writer        *writer,
               const Element *element,
               gpointer       object,
               xmlNode       *parent)
{
  const char *content = NULL;
  xmlNode *node;

  for (const Field *field = element->fields; field->place != NO_MORE_FIELDS; field++)
    {
      if (field->place == IN_CONTENT)
        content = ((GetText) field->get) (object);
    }

  node = add_text (parent, writer->ns, element->name, content);
  write_fields (writer, element->fields, object, node);
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
  Writer writer = { 0 };
  xmlNode *root;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  ensure_initialized (RG_XML_SESSION);

  doc = xmlNewDoc (X ("1.0"));
  root = xmlNewDocNode (doc, NULL, X ("session"), NULL);
  xmlDocSetRootElement (doc, root);

  writer.session = session;
  writer.ns = xmlNewNs (root, X (RG_SESSION_NAMESPACE), NULL);
  xmlSetNs (root, writer.ns);
  write_fields (&writer, session_element.fields, session, root);
  g_clear_pointer (&writer.linked, g_hash_table_unref);

  return _rg_xml_doc_to_bytes (doc);
}

/**
 * _rg_xml_doc_to_bytes:
 * @doc: a document of any kind Regards writes
 *
 * The bytes of @doc, indented, with the markup its texts quote written
 * so that the loader's count does not take it for markup (see
 * escape_markup_lookalikes ()).
 *
 * Returns: (transfer full): the contents of the file
 */
GBytes *
_rg_xml_doc_to_bytes (xmlDoc *doc)
{
  xmlChar *memory = NULL;
  int size = 0;
  GBytes *bytes;

  xmlDocDumpFormatMemoryEnc (doc, &memory, &size, "UTF-8", 1);
  if (memory == NULL)
    g_error ("Out of memory while writing a file");

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
