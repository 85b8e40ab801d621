/* rg-export-qdpx.c — sessions as a REFI-QDA project, for research tools
 *
 * QualCoder, NVivo, MAXQDA and ATLAS.ti exchange projects in the
 * REFI-QDA project format 1.0: a zip (rg-zip-writer.c) holding
 * project.qde, XML in the namespace urn:QDA-XML:project:1.0, and the
 * sources' plain texts under sources/. One or several sessions make one
 * project (docs/qdpx-export.md says it for researchers):
 *
 * - Users: one per partner, merged across sessions by the partner's id
 *   (a follow-up session keeps its partners' ids);
 * - CodeBook: four groups of codes, not codable themselves: the
 *   dimensions (merged across sessions by name), the kinds of
 *   statement, the kinds of link and the glossary's words (merged by
 *   their folded spelling);
 * - Sources: one TextSource per partner per session, its text in
 *   sources/GUID.txt: the partner's statements, grouped under the name
 *   of their dimension, blocks separated by an empty line. Each
 *   statement is a PlainTextSelection, coded with its dimension, its
 *   kind, the kind of every link it is in, and the glossary's words it
 *   uses. Positions count Unicode code points from 0; the end is the
 *   position after the statement's last character;
 * - Variables: a partner's profession, institution and role and the
 *   session's date, valued on each source;
 * - Cases: one per situation, holding the sources of its sessions;
 * - Notes: the syntheses (referred to by their dimension's code), the
 *   links' notes (by the links and the codings of the link), the agreed
 *   meanings (by the word's code);
 * - Links: between the selections of each link, two by two.
 *
 * Every GUID is a name-based UUID (version 5) made from what it stands
 * for ("statement", the session's id of it): exporting the same
 * sessions twice gives the same identifiers. Pseudonymised, the
 * namespace of those UUIDs is drawn at random for each export, so that
 * no identifier of a session file can be found from the project, and
 * situations are numbered rather than named or coded.
 *
 * Elements come in the order the schema (Project.xsd) asks, and lists
 * the schema wants non-empty are left out when they would be empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-qdpx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-dimension.h"
#include "rg-export-qdpx.h"
#include "rg-glossary-match.h"
#include "rg-link.h"
#include "rg-partner.h"
#include "rg-pseudonymise.h"
#include "rg-statement.h"
#include "rg-term.h"
#include "rg-xml-text-private.h"
#include "rg-zip-writer-private.h"

/* The namespace of Regards' name-based GUIDs, when not pseudonymised */
static const guint8 stable_namespace[16] = {
  0x3f, 0x1c, 0x8e, 0x52, 0x6b, 0x0d, 0x4a, 0x7e,
  0x9c, 0x21, 0x5d, 0xe4, 0x07, 0xb3, 0x68, 0xa9,
};

/* Colours of the codes, #RRGGBB as the schema allows */
static const char * const dimension_colours[] = {
  "#1a5fb4", "#26a269", "#813d9c", "#c64600", "#865e3c", "#a51d2d", "#1c71d8", "#5e5c64",
};
static const char * const kind_colours[] = {
  [RG_STATEMENT_KIND_FACT]           = "#3584e4",
  [RG_STATEMENT_KIND_INTERPRETATION] = "#9141ac",
  [RG_STATEMENT_KIND_DIFFICULTY]     = "#e01b24",
  [RG_STATEMENT_KIND_RESOURCE]       = "#2ec27e",
  [RG_STATEMENT_KIND_PROPOSAL]       = "#f6d32d",
};
static const char * const link_colours[] = {
  [RG_LINK_TYPE_AGREEMENT]  = "#1a5fb4",
  [RG_LINK_TYPE_DIVERGENCE] = "#e66100",
  [RG_LINK_TYPE_COMPLEMENT] = "#26a269",
  [RG_LINK_TYPE_CLARIFY]    = "#986a44",
};
#define GROUP_COLOUR    "#77767b"
#define GLOSSARY_COLOUR "#613583"

#define N_KINDS      (RG_STATEMENT_KIND_PROPOSAL + 1)
#define N_LINK_TYPES (RG_LINK_TYPE_CLARIFY + 1)

/* A code of the CodeBook with what refers to it */
typedef struct
{
  char      *guid;
  char      *name;
  const char *colour;
  GPtrArray *notes;     /* of char *, the GUIDs of its notes */
} Code;

typedef struct
{
  RgExportQdpxFlags  flags;
  guint8             namespace[16];

  /* The session being written's id, made unique in the export: two
   * copies of one file are two sessions */
  char              *session_key;
  GHashTable        *session_keys;

  GString           *users;
  GString           *cases;
  GString           *sources;
  GString           *notes;
  GString           *links;

  GHashTable        *user_guids;       /* partner id → GUID */
  GPtrArray         *dimensions;       /* of Code, in order of appearance */
  GHashTable        *dimension_codes;  /* name → Code */
  GPtrArray         *words;            /* of Code */
  GHashTable        *word_codes;       /* folded word → Code */
  char              *kind_guids[N_KINDS];
  char              *link_guids[N_LINK_TYPES];

  GPtrArray         *case_keys;        /* in order of appearance */
  GHashTable        *case_names;       /* key → name */
  GHashTable        *case_sources;     /* key → GString of SourceRef */

  /* The variables' GUIDs */
  char              *profession;
  char              *institution;
  char              *role;
  char              *date;

  /* The sources' texts, written as sources/GUID.txt */
  GPtrArray         *texts;            /* of GBytes */
  GPtrArray         *text_names;       /* of char * */
} Export;

static void
code_free (Code *code)
{
  g_free (code->guid);
  g_free (code->name);
  g_ptr_array_unref (code->notes);
  g_free (code);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
export_clear (Export *export)
{
  g_free (export->session_key);
  g_hash_table_unref (export->session_keys);
  g_string_free (export->users, TRUE);
  g_string_free (export->cases, TRUE);
  g_string_free (export->sources, TRUE);
  g_string_free (export->notes, TRUE);
  g_string_free (export->links, TRUE);
  g_hash_table_unref (export->user_guids);
  g_ptr_array_unref (export->dimensions);
  g_hash_table_unref (export->dimension_codes);
  g_ptr_array_unref (export->words);
  g_hash_table_unref (export->word_codes);
  for (guint i = 0; i < N_KINDS; i++)
    g_free (export->kind_guids[i]);
  for (guint i = 0; i < N_LINK_TYPES; i++)
    g_free (export->link_guids[i]);
  g_ptr_array_unref (export->case_keys);
  g_hash_table_unref (export->case_names);
  g_hash_table_unref (export->case_sources);
  g_free (export->profession);
  g_free (export->institution);
  g_free (export->role);
  g_free (export->date);
  g_ptr_array_unref (export->texts);
  g_ptr_array_unref (export->text_names);
}

/* {{{ GUIDs */

/* A name-based UUID (RFC 4122, version 5) for @what and @key, in the
 * export's namespace */
static char *
make_guid (Export     *export,
           const char *what,
           const char *key)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, export->namespace, sizeof export->namespace);
  g_checksum_update (checksum, (const guchar *) what, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) (key != NULL ? key : ""), -1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The same, for an object of the session being written */
static char *
make_session_guid (Export     *export,
                   const char *what,
                   RgSession  *session,
                   const char *id)
{
  g_autofree char *key = g_strconcat (export->session_key, ":", id, NULL);

  return make_guid (export, what, key);
}

/* }}} */
/* {{{ XML */

/* Appends @text escaped for XML 1.0, without the characters it cannot
 * carry; in an attribute, line breaks and tabs become spaces */
static void
append_escaped (GString    *xml,
                const char *text,
                gboolean    attribute)
{
  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\n':
      case '\t':
      case '\r':
        g_string_append_c (xml, attribute ? ' ' : *p);
        break;
      default:
        _rg_xml_append_char (xml, *p);
      }
}

/* Appends ` NAME="VALUE"`, nothing when @value is %NULL */
static void
append_attribute (GString    *xml,
                  const char *name,
                  const char *value)
{
  if (value == NULL)
    return;

  g_string_append_printf (xml, " %s=\"", name);
  append_escaped (xml, value, TRUE);
  g_string_append_c (xml, '"');
}

static void
append_element (GString    *xml,
                const char *indent,
                const char *name,
                const char *text)
{
  g_string_append_printf (xml, "%s<%s>", indent, name);
  append_escaped (xml, text, FALSE);
  g_string_append_printf (xml, "</%s>\n", name);
}

static void
append_ref (GString    *xml,
            const char *indent,
            const char *element,
            const char *guid)
{
  g_string_append_printf (xml, "%s<%s targetGUID=\"%s\"/>\n", indent, element, guid);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* }}} */
/* {{{ Notes */

/* Adds a note and returns its GUID */
static char *
add_note (Export     *export,
          const char *what,
          RgSession  *session,
          const char *id,
          const char *name,
          const char *text)
{
  char *guid = make_session_guid (export, what, session, id);

  g_string_append_printf (export->notes, "    <Note guid=\"%s\"", guid);
  append_attribute (export->notes, "name", name);
  g_string_append (export->notes, ">\n");
  append_element (export->notes, "      ", "PlainTextContent", text);
  g_string_append (export->notes, "    </Note>\n");

  return guid;
}

/* What tells a session from the others in the names of its notes and
 * sources: its title, else its date */
static const char *
session_label (RgSession *session)
{
  const char *title = rg_session_get_title (session);

  if (!is_blank (title))
    return title;
  if (!is_blank (rg_session_get_date (session)))
    return rg_session_get_date (session);

  /* Translators: what names a session without a title nor a date in a
   * research project */
  return _("Session");
}

/* }}} */
/* {{{ The CodeBook */

static Code *
code_new (char       *guid,
          const char *name,
          const char *colour)
{
  Code *code = g_new0 (Code, 1);

  code->guid = guid;
  code->name = g_strdup (name);
  code->colour = colour;
  code->notes = g_ptr_array_new_with_free_func (g_free);

  return code;
}

/* The code of the dimension named @name, made when first met */
static Code *
dimension_code (Export     *export,
                const char *name)
{
  g_autofree char *key = g_strstrip (g_strdup (name != NULL ? name : ""));
  Code *code = g_hash_table_lookup (export->dimension_codes, key);

  if (code == NULL)
    {
      const char *colour = dimension_colours[export->dimensions->len % G_N_ELEMENTS (dimension_colours)];

      code = code_new (make_guid (export, "dimension", key),
                       *key != '\0' ? key : _("Dimension without a name"), colour);
      g_ptr_array_add (export->dimensions, code);
      g_hash_table_insert (export->dimension_codes, g_steal_pointer (&key), code);
    }

  return code;
}

/* The code of the glossary's word @word, made when first met */
static Code *
word_code (Export     *export,
           const char *word)
{
  g_autofree char *key = rg_glossary_fold (word != NULL ? word : "");
  Code *code = g_hash_table_lookup (export->word_codes, key);

  if (code == NULL)
    {
      code = code_new (make_guid (export, "word", key), word, GLOSSARY_COLOUR);
      g_ptr_array_add (export->words, code);
      g_hash_table_insert (export->word_codes, g_steal_pointer (&key), code);
    }

  return code;
}

/* A codable code of a group, with the notes that go with it */
static void
append_code (GString *xml,
             Code    *code)
{
  g_string_append_printf (xml, "        <Code guid=\"%s\"", code->guid);
  append_attribute (xml, "name", code->name);
  g_string_append_printf (xml, " isCodable=\"true\" color=\"%s\"", code->colour);
  if (code->notes->len == 0)
    {
      g_string_append (xml, "/>\n");
      return;
    }

  g_string_append (xml, ">\n");
  for (guint i = 0; i < code->notes->len; i++)
    append_ref (xml, "          ", "NoteRef", code->notes->pdata[i]);
  g_string_append (xml, "        </Code>\n");
}

/* A group of codes, itself not codable */
static void
append_group (Export     *export,
              GString    *xml,
              const char *key,
              const char *name,
              GPtrArray  *codes)
{
  g_autofree char *guid = make_guid (export, "group", key);

  g_string_append_printf (xml, "      <Code guid=\"%s\"", guid);
  append_attribute (xml, "name", name);
  g_string_append (xml, " isCodable=\"false\" color=\"" GROUP_COLOUR "\">\n");
  for (guint i = 0; i < codes->len; i++)
    append_code (xml, codes->pdata[i]);
  g_string_append (xml, "      </Code>\n");
}

static void
write_codebook (Export  *export,
                GString *xml)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  g_autoptr(GPtrArray) link_types = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);

  for (guint i = 0; i < N_KINDS; i++)
    g_ptr_array_add (kinds, code_new (g_strdup (export->kind_guids[i]),
                                      rg_statement_kind_get_label (i), kind_colours[i]));
  for (guint i = 0; i < N_LINK_TYPES; i++)
    g_ptr_array_add (link_types, code_new (g_strdup (export->link_guids[i]),
                                           rg_link_type_get_label (i), link_colours[i]));

  g_string_append (xml, "  <CodeBook>\n    <Codes>\n");
  if (export->dimensions->len > 0)
    append_group (export, xml, "dimensions", _("Dimensions"), export->dimensions);
  append_group (export, xml, "kinds", _("Kinds of statement"), kinds);
  append_group (export, xml, "links", _("Links between statements"), link_types);
  if (export->words->len > 0)
    append_group (export, xml, "glossary", _("Glossary"), export->words);
  g_string_append (xml, "    </Codes>\n  </CodeBook>\n");
}

/* }}} */
/* {{{ Sources */

/* Appends a coding of a selection with @code, and a note */
static void
append_coding (Export     *export,
               GString    *xml,
               const char *selection,
               const char *code,
               const char *discriminator,
               const char *note)
{
  g_autofree char *key = g_strconcat (selection, ":", code, ":", discriminator, NULL);
  g_autofree char *guid = make_guid (export, "coding", key);

  g_string_append_printf (xml, "        <Coding guid=\"%s\">\n", guid);
  append_ref (xml, "          ", "CodeRef", code);
  if (note != NULL)
    append_ref (xml, "          ", "NoteRef", note);
  g_string_append (xml, "        </Coding>\n");
}

/* @text with its line ends as line feeds, made valid UTF-8 */
static char *
normalise_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *normal = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] == '\n')
            p++;
          g_string_append_c (normal, '\n');
        }
      else
        g_string_append_c (normal, *p);
    }

  return g_string_free (normal, FALSE);
}

typedef struct
{
  GString *text;       /* the source's plain text */
  glong    n_chars;    /* its length in code points */
} SourceText;

static void
source_text_append (SourceText *source,
                    const char *text)
{
  g_string_append (source->text, text);
  source->n_chars += g_utf8_strlen (text, -1);
}

/* Starts a new block of the source's text: an empty line after the last */
static void
source_text_new_block (SourceText *source)
{
  if (source->text->len > 0)
    source_text_append (source, "\n\n");
}

/* Statement id → the GUID of its selection, for the links */
typedef GHashTable SelectionMap;

/* Appends the selection of @statement, coded, at the end of @source */
static void
append_selection (Export       *export,
                  RgSession    *session,
                  RgStatement  *statement,
                  const char   *user,
                  SourceText   *source,
                  GString      *xml,
                  GHashTable   *link_notes,
                  SelectionMap *selections)
{
  g_autofree char *text = normalise_text (rg_statement_get_text (statement));
  g_autofree char *guid = make_session_guid (export, "statement", session,
                                             rg_statement_get_id (statement));
  g_autofree char *created = format_time (rg_statement_get_created (statement));
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GHashTable) words = g_hash_table_new (NULL, NULL);
  RgDimension *dimension;
  GListModel *links = rg_session_get_links (session);
  glong start;

  source_text_new_block (source);
  start = source->n_chars;
  source_text_append (source, text);

  g_string_append_printf (xml, "      <PlainTextSelection guid=\"%s\" startPosition=\"%ld\""
                               " endPosition=\"%ld\"", guid, start, source->n_chars);
  append_attribute (xml, "creatingUser", user);
  append_attribute (xml, "creationDateTime", created);
  g_string_append (xml, ">\n");

  dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
  if (dimension != NULL)
    append_coding (export, xml, guid, dimension_code (export, rg_dimension_get_name (dimension))->guid,
                   "", NULL);
  append_coding (export, xml, guid, export->kind_guids[rg_statement_get_kind (statement)], "", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      if (rg_link_has_member (link, rg_statement_get_id (statement)))
        append_coding (export, xml, guid, export->link_guids[rg_link_get_link_type (link)],
                       rg_link_get_id (link), g_hash_table_lookup (link_notes, link));
    }

  matches = rg_glossary_match (text, rg_session_get_terms (session));
  for (guint i = 0; i < matches->len; i++)
    {
      RgGlossaryMatch *match = &g_array_index (matches, RgGlossaryMatch, i);
      Code *code = word_code (export, rg_term_get_word (match->term));

      if (g_hash_table_add (words, code))
        append_coding (export, xml, guid, code->guid, "", NULL);
    }

  g_string_append (xml, "      </PlainTextSelection>\n");

  g_hash_table_insert (selections, (gpointer) rg_statement_get_id (statement), g_steal_pointer (&guid));
}

static void
append_text_value (GString    *xml,
                   const char *variable,
                   const char *element,
                   const char *value)
{
  if (is_blank (value))
    return;

  g_string_append (xml, "      <VariableValue>\n");
  append_ref (xml, "        ", "VariableRef", variable);
  append_element (xml, "        ", element, value);
  g_string_append (xml, "      </VariableValue>\n");
}

/* The TextSource of @partner in @session, and its text */
static void
write_source (Export       *export,
              RgSession    *session,
              RgPartner    *partner,
              const char   *case_key,
              GHashTable   *link_notes,
              SelectionMap *selections)
{
  SourceText source = { g_string_new (NULL), 0 };
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autofree char *guid = make_session_guid (export, "source", session, rg_partner_get_id (partner));
  g_autofree char *name = NULL;
  const char *user = g_hash_table_lookup (export->user_guids, rg_partner_get_id (partner));
  GListModel *dimensions = rg_session_get_dimensions (session);
  GListModel *statements = rg_session_get_statements (session);
  guint n_dimensions = g_list_model_get_n_items (dimensions);
  const char *date = rg_session_get_date (session);

  /* Dimension by dimension, in the session's order, then the statements
   * of no dimension the session knows */
  for (guint d = 0; d <= n_dimensions; d++)
    {
      g_autoptr(RgDimension) dimension = d < n_dimensions ? g_list_model_get_item (dimensions, d) : NULL;
      gboolean heading = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
        {
          g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);
          const char *dimension_id = rg_statement_get_dimension_id (statement);

          if (g_strcmp0 (rg_statement_get_partner_id (statement), rg_partner_get_id (partner)) != 0 ||
              is_blank (rg_statement_get_text (statement)))
            continue;
          if (dimension != NULL ? g_strcmp0 (dimension_id, rg_dimension_get_id (dimension)) != 0
                                : rg_session_find_dimension (session, dimension_id) != NULL)
            continue;

          if (!heading && dimension != NULL && !is_blank (rg_dimension_get_name (dimension)))
            {
              g_autofree char *title = normalise_text (rg_dimension_get_name (dimension));

              source_text_new_block (&source);
              source_text_append (&source, title);
            }
          heading = TRUE;
          append_selection (export, session, statement, user, &source, xml, link_notes, selections);
        }
    }

  /* Translators: the name of a source in a research project: a
   * partner's name (or pseudonym), then the session's title */
  name = g_strdup_printf (_("%s — %s"), rg_partner_get_name (partner), session_label (session));

  g_string_append_printf (export->sources, "    <TextSource guid=\"%s\"", guid);
  append_attribute (export->sources, "name", name);
  g_string_append_printf (export->sources, " plainTextPath=\"internal://%s.txt\"", guid);
  append_attribute (export->sources, "creatingUser", user);
  g_string_append (export->sources, ">\n");
  g_string_append_len (export->sources, xml->str, xml->len);
  append_text_value (export->sources, export->profession, "TextValue",
                     rg_partner_get_profession (partner));
  append_text_value (export->sources, export->institution, "TextValue",
                     rg_partner_get_institution (partner));
  append_text_value (export->sources, export->role, "TextValue",
                     rg_partner_role_get_label (rg_partner_get_role (partner)));
  if (rg_date_is_valid (date))
    append_text_value (export->sources, export->date, "DateValue", date);
  g_string_append (export->sources, "    </TextSource>\n");

  append_ref (g_hash_table_lookup (export->case_sources, case_key), "      ", "SourceRef", guid);

  g_ptr_array_add (export->text_names, g_strconcat ("sources/", guid, ".txt", NULL));
  g_ptr_array_add (export->texts, g_string_free_to_bytes (source.text));
}

/* }}} */
/* {{{ Sessions */

/* The case of @session's situation, made when first met: its key */
static const char *
session_case (Export    *export,
              RgSession *session)
{
  const char *situation = rg_session_get_situation_id (session);
  g_autofree char *key = NULL;
  const char *name;
  gpointer known;

  key = !is_blank (situation) ? g_strconcat ("situation:", situation, NULL)
                              : g_strconcat ("session:", rg_session_get_id (session), NULL);
  if (g_hash_table_lookup_extended (export->case_names, key, &known, NULL))
    return known;

  if (export->flags & RG_EXPORT_QDPX_PSEUDONYMISE)
    {
      g_autofree char *letters = rg_pseudonymise_letters (export->case_keys->len);

      /* Translators: a situation in a pseudonymised research project,
       * as in “Situation A” */
      g_hash_table_insert (export->case_names, g_strdup (key),
                           g_strdup_printf (_("Situation %s"), letters));
    }
  else
    {
      name = rg_session_get_situation_label (session);
      if (is_blank (name))
        name = rg_session_get_situation_code (session);
      if (is_blank (name))
        name = session_label (session);
      g_hash_table_insert (export->case_names, g_strdup (key), g_strdup (name));
    }

  g_hash_table_lookup_extended (export->case_names, key, &known, NULL);
  g_ptr_array_add (export->case_keys, known);
  g_hash_table_insert (export->case_sources, known, g_string_new (NULL));

  return known;
}

/* The notes of @session's links, by link */
static GHashTable *
write_link_notes (Export    *export,
                  RgSession *session)
{
  GHashTable *notes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GListModel *links = rg_session_get_links (session);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      g_autofree char *name = NULL;

      if (is_blank (rg_link_get_note (link)))
        continue;

      /* Translators: the name of a link's note in a research project:
       * the kind of link, then the session's title */
      name = g_strdup_printf (_("%s — %s"), rg_link_type_get_label (rg_link_get_link_type (link)),
                              session_label (session));
      g_hash_table_insert (notes, link, add_note (export, "link-note", session, rg_link_get_id (link),
                                                  name, rg_link_get_note (link)));
    }

  return notes;
}

/* The Links between the selections of each of @session's links, two by two */
static void
write_links (Export       *export,
             RgSession    *session,
             GHashTable   *link_notes,
             SelectionMap *selections)
{
  GListModel *links = rg_session_get_links (session);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      const char * const *ids = rg_link_get_members (link);
      RgLinkType type = rg_link_get_link_type (link);
      const char *note = g_hash_table_lookup (link_notes, link);
      g_autofree char *name = NULL;

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          const char *selection = g_hash_table_lookup (selections, ids[j]);

          if (selection != NULL && !g_ptr_array_find_with_equal_func (members, selection,
                                                                       g_str_equal, NULL))
            g_ptr_array_add (members, (gpointer) selection);
        }

      if (rg_link_get_status (link) == RG_LINK_STATUS_SETTLED)
        /* Translators: a link of a research project that the team
         * settled: its kind, as in “Divergence (settled)” */
        name = g_strdup_printf (_("%s (settled)"), rg_link_type_get_label (type));
      else
        name = g_strdup (rg_link_type_get_label (type));

      for (guint a = 0; a < members->len; a++)
        for (guint b = a + 1; b < members->len; b++)
          {
            g_autofree char *pair = g_strdup_printf ("%s:%u:%u", rg_link_get_id (link), a, b);
            g_autofree char *guid = make_session_guid (export, "link", session, pair);

            g_string_append_printf (export->links, "    <Link guid=\"%s\"", guid);
            append_attribute (export->links, "name", name);
            g_string_append_printf (export->links, " direction=\"Associative\" color=\"%s\""
                                                   " originGUID=\"%s\" targetGUID=\"%s\"",
                                    link_colours[type], (char *) members->pdata[a],
                                    (char *) members->pdata[b]);
            if (note == NULL)
              g_string_append (export->links, "/>\n");
            else
              {
                g_string_append (export->links, ">\n");
                append_ref (export->links, "      ", "NoteRef", note);
                g_string_append (export->links, "    </Link>\n");
              }
          }
    }
}

static void
write_session (Export    *export,
               RgSession *session)
{
  g_autoptr(GHashTable) link_notes = NULL;
  g_autoptr(GHashTable) selections = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GListModel *partners = rg_session_get_partners (session);
  GListModel *dimensions = rg_session_get_dimensions (session);
  GListModel *terms = rg_session_get_terms (session);
  const char *case_key = session_case (export, session);

  g_free (export->session_key);
  export->session_key = g_strdup (rg_session_get_id (session));
  for (guint n = 2; !g_hash_table_add (export->session_keys, g_strdup (export->session_key)); n++)
    {
      g_free (export->session_key);
      export->session_key = g_strdup_printf ("%s#%u", rg_session_get_id (session), n);
    }

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      const char *id = rg_partner_get_id (partner);
      char *guid;

      if (g_hash_table_contains (export->user_guids, id))
        continue;

      guid = make_guid (export, "partner", id);
      g_hash_table_insert (export->user_guids, g_strdup (id), guid);
      g_string_append_printf (export->users, "    <User guid=\"%s\"", guid);
      append_attribute (export->users, "name", rg_partner_get_name (partner));
      g_string_append (export->users, "/>\n");
    }

  /* The dimensions' codes in the session's order, with their syntheses */
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);
      Code *code = dimension_code (export, rg_dimension_get_name (dimension));
      g_autofree char *name = NULL;

      if (is_blank (rg_dimension_get_synthesis (dimension)))
        continue;

      /* Translators: the name of a synthesis in a research project: the
       * dimension's name, then the session's title */
      name = g_strdup_printf (_("Synthesis: %s — %s"), code->name, session_label (session));
      g_ptr_array_add (code->notes, add_note (export, "synthesis", session,
                                              rg_dimension_get_id (dimension), name,
                                              rg_dimension_get_synthesis (dimension)));
    }

  /* The glossary's words, with their agreed meanings */
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (terms, i);
      Code *code = word_code (export, rg_term_get_word (term));
      g_autofree char *name = NULL;

      if (is_blank (rg_term_get_agreed_meaning (term)))
        continue;

      /* Translators: the name of an agreed meaning in a research
       * project: the glossary's word, then the session's title */
      name = g_strdup_printf (_("Agreed meaning: %s — %s"), rg_term_get_word (term),
                              session_label (session));
      g_ptr_array_add (code->notes, add_note (export, "meaning", session, rg_term_get_id (term),
                                              name, rg_term_get_agreed_meaning (term)));
    }

  link_notes = write_link_notes (export, session);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      write_source (export, session, partner, case_key, link_notes, selections);
    }

  write_links (export, session, link_notes, selections);
}

static void
write_variable (GString    *xml,
                const char *guid,
                const char *name,
                const char *type)
{
  g_string_append_printf (xml, "    <Variable guid=\"%s\"", guid);
  append_attribute (xml, "name", name);
  g_string_append_printf (xml, " typeOfVariable=\"%s\"/>\n", type);
}

static void
write_cases (Export *export)
{
  for (guint i = 0; i < export->case_keys->len; i++)
    {
      const char *key = export->case_keys->pdata[i];
      g_autofree char *guid = make_guid (export, "case", key);
      GString *sources = g_hash_table_lookup (export->case_sources, key);

      g_string_append_printf (export->cases, "    <Case guid=\"%s\"", guid);
      append_attribute (export->cases, "name", g_hash_table_lookup (export->case_names, key));
      g_string_append (export->cases, ">\n");
      g_string_append_len (export->cases, sources->str, sources->len);
      g_string_append (export->cases, "    </Case>\n");
    }
}

/* The name of the project: its session's title, or how many sessions
 * it holds */
static char *
project_name (GPtrArray *sessions)
{
  if (sessions->len == 1)
    return g_strdup (session_label (sessions->pdata[0]));

  /* Translators: the name of a research project made of several
   * sessions of Regards */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Shared diagnosis, %u session",
                                       "Shared diagnoses, %u sessions", sessions->len),
                          sessions->len);
}

/* project.qde, the sessions' sources' texts in @export */
static GBytes *
write_project (Export    *export,
               GPtrArray *sessions)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autofree char *name = project_name (sessions);

  for (guint i = 0; i < N_KINDS; i++)
    export->kind_guids[i] = make_guid (export, "kind", rg_statement_kind_to_string (i));
  for (guint i = 0; i < N_LINK_TYPES; i++)
    export->link_guids[i] = make_guid (export, "link-type", rg_link_type_to_string (i));
  export->profession = make_guid (export, "variable", "profession");
  export->institution = make_guid (export, "variable", "institution");
  export->role = make_guid (export, "variable", "role");
  export->date = make_guid (export, "variable", "date");

  for (guint i = 0; i < sessions->len; i++)
    write_session (export, sessions->pdata[i]);
  write_cases (export);

  g_string_append (xml, "<Project xmlns=\"" RG_EXPORT_QDPX_NAMESPACE "\"");
  append_attribute (xml, "name", name);
  g_string_append (xml, " origin=\"Regards " PACKAGE_VERSION "\">\n");

  if (export->users->len > 0)
    g_string_append_printf (xml, "  <Users>\n%s  </Users>\n", export->users->str);
  write_codebook (export, xml);
  if (export->texts->len > 0)
    {
      g_string_append (xml, "  <Variables>\n");
      write_variable (xml, export->profession, _("Profession"), "Text");
      write_variable (xml, export->institution, _("Institution"), "Text");
      write_variable (xml, export->role, _("Role"), "Text");
      write_variable (xml, export->date, _("Session date"), "Date");
      g_string_append (xml, "  </Variables>\n");
      g_string_append_printf (xml, "  <Cases>\n%s  </Cases>\n", export->cases->str);
      g_string_append_printf (xml, "  <Sources>\n%s  </Sources>\n", export->sources->str);
    }
  if (export->notes->len > 0)
    g_string_append_printf (xml, "  <Notes>\n%s  </Notes>\n", export->notes->str);
  if (export->links->len > 0)
    g_string_append_printf (xml, "  <Links>\n%s  </Links>\n", export->links->str);
  g_string_append (xml, "</Project>\n");

  return g_string_free_to_bytes (g_steal_pointer (&xml));
}

/* }}} */

/**
 * rg_export_qdpx:
 * @sessions: (element-type RgSession): the sessions, at least one
 * @flags: whether to pseudonymise them
 * @error: a location for a #GError
 *
 * Writes @sessions as one REFI-QDA project (see the top of
 * rg-export-qdpx.c and docs/qdpx-export.md). With
 * %RG_EXPORT_QDPX_PSEUDONYMISE, each session is first copied without
 * its names by rg_session_pseudonymise(); @sessions are not changed.
 *
 * Returns: (transfer full) (nullable): the bytes of the .qdpx zip, or
 *   %NULL with @error set
 */
GBytes *
rg_export_qdpx (GPtrArray          *sessions,
                RgExportQdpxFlags   flags,
                GError            **error)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RgZipWriter) zip = NULL;
  g_autoptr(GBytes) project = NULL;
  Export export = { 0 };
  gboolean written;

  g_return_val_if_fail (sessions != NULL && sessions->len > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < sessions->len; i++)
    {
      RgSession *session = sessions->pdata[i];

      g_return_val_if_fail (RG_IS_SESSION (session), NULL);
      if ((flags & RG_EXPORT_QDPX_PSEUDONYMISE) && (flags & RG_EXPORT_QDPX_OUTSIDE))
        /* The project makes its own ids, from a random namespace;
         * the files' ones keep a situation's sessions in one case */
        g_ptr_array_add (copies, rg_session_pseudonymise (session,
                                                          RG_PSEUDONYMISE_OUTSIDE &
                                                          ~RG_PSEUDONYMISE_FRESH_IDS));
      else if (flags & RG_EXPORT_QDPX_PSEUDONYMISE)
        g_ptr_array_add (copies, rg_session_pseudonymise (session,
                                                          flags & RG_EXPORT_QDPX_MONTH_DATES
                                                          ? RG_PSEUDONYMISE_MONTH_DATES
                                                          : RG_PSEUDONYMISE_NONE));
      else
        g_ptr_array_add (copies, g_object_ref (session));
    }

  export.flags = flags;
  if (flags & RG_EXPORT_QDPX_PSEUDONYMISE)
    for (guint i = 0; i < G_N_ELEMENTS (export.namespace); i++)
      export.namespace[i] = g_random_int_range (0, 256);
  else
    memcpy (export.namespace, stable_namespace, sizeof export.namespace);
  export.session_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  export.users = g_string_new (NULL);
  export.cases = g_string_new (NULL);
  export.sources = g_string_new (NULL);
  export.notes = g_string_new (NULL);
  export.links = g_string_new (NULL);
  export.user_guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  export.dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  export.dimension_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  export.words = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  export.word_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  export.case_keys = g_ptr_array_new ();
  export.case_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  export.case_sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, string_free);
  export.texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  export.text_names = g_ptr_array_new_with_free_func (g_free);

  project = write_project (&export, copies);

  zip = _rg_zip_writer_new ();
  written = _rg_zip_writer_add (zip, "project.qde", project, FALSE, error);
  for (guint i = 0; written && i < export.texts->len; i++)
    written = _rg_zip_writer_add (zip, export.text_names->pdata[i], export.texts->pdata[i],
                                  FALSE, error);
  export_clear (&export);

  return written ? _rg_zip_writer_finish (zip, error) : NULL;
}
