/* rg-library-extract.c — index a session file without loading it whole
 *
 * Loading a session (rg-session-xml.c) validates it against the schema and
 * builds the whole model; for ten thousand files that is most of the time
 * of a first index, spent on objects the index throws away. So a scan
 * first reads what the index needs straight from the parsed XML — the
 * same elements and attributes the loader reads, in the same way — and
 * the loader's full check comes once that is written (see
 * rg-library-scan.c); the tests compare what the loader finds with what
 * was extracted here.
 *
 * The document is read as a stream (SAX), without building its tree:
 * building the tree is most of the cost of parsing. Only the plain case
 * is handled here: a well-formed document of the current format version,
 * without a DOCTYPE. Anything else (damaged, older, newer, foreign,
 * suspicious) goes to the loader straight away, so the user gets the
 * loader's own error message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-extract"

#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "rg-library-private.h"
#include "rg-session-xml.h"

#define NAMESPACE "urn:x-regards:session"

/* Where the parser is: the kind of each open element. Elements the index
 * does not read are OTHER, and so is everything inside them. */
typedef enum
{
  EL_OTHER,
  EL_SESSION,
  EL_TITLE,
  EL_DATE,
  EL_PLACE,
  EL_FACILITATOR,
  EL_NEXT_REVIEW,
  EL_SITUATION,
  EL_SITUATION_LABEL,
  EL_PERSON_NAME,
  EL_PARTNERS,
  EL_PARTNER,
  EL_PARTNER_NAME,
  EL_PROFESSION,
  EL_INSTITUTION,
  EL_DIMENSIONS,
  EL_DIMENSION,
  EL_DIMENSION_NAME,
  EL_SYNTHESIS,
  EL_STATEMENTS,
  EL_STATEMENT,
  EL_LINKS,
  EL_LINK,
  EL_NOTE,
  EL_GLOSSARY,
  EL_TERM,
  EL_WORD,
  EL_MEANING,
  EL_AGREED_MEANING,
  EL_CRITERIA,
  EL_CATEGORY,
  EL_CATEGORY_NAME,
  EL_CRITERION,
  EL_CRITERION_TEXT,
  EL_INDICATOR,
  EL_ACTIONS,
  EL_ACTION,
  EL_WHAT,
  EL_CONSENTS,
  EL_CONSENT,
  EL_SCOPE,
  EL_SHARED_WITH,
  EL_REVIEW,
  EL_ITEM,
  EL_ITEM_NOTE,
} Element;

/* Which child of which parent is which element. */
static const struct
{
  Element     parent;
  const char *name;
  Element     element;
} children[] = {
  { EL_SESSION, "title", EL_TITLE },
  { EL_SESSION, "date", EL_DATE },
  { EL_SESSION, "place", EL_PLACE },
  { EL_SESSION, "facilitator", EL_FACILITATOR },
  { EL_SESSION, "next-review", EL_NEXT_REVIEW },
  { EL_SESSION, "situation", EL_SITUATION },
  { EL_SESSION, "partners", EL_PARTNERS },
  { EL_SESSION, "dimensions", EL_DIMENSIONS },
  { EL_SESSION, "statements", EL_STATEMENTS },
  { EL_SESSION, "links", EL_LINKS },
  { EL_SESSION, "glossary", EL_GLOSSARY },
  { EL_SESSION, "criteria", EL_CRITERIA },
  { EL_SESSION, "actions", EL_ACTIONS },
  { EL_SESSION, "consents", EL_CONSENTS },
  { EL_SESSION, "review", EL_REVIEW },
  { EL_SITUATION, "label", EL_SITUATION_LABEL },
  { EL_SITUATION, "person-name", EL_PERSON_NAME },
  { EL_PARTNERS, NULL, EL_PARTNER },
  { EL_PARTNER, "name", EL_PARTNER_NAME },
  { EL_PARTNER, "profession", EL_PROFESSION },
  { EL_PARTNER, "institution", EL_INSTITUTION },
  { EL_DIMENSIONS, NULL, EL_DIMENSION },
  { EL_DIMENSION, "name", EL_DIMENSION_NAME },
  { EL_DIMENSION, "synthesis", EL_SYNTHESIS },
  { EL_STATEMENTS, NULL, EL_STATEMENT },
  { EL_LINKS, NULL, EL_LINK },
  { EL_LINK, "note", EL_NOTE },
  { EL_GLOSSARY, NULL, EL_TERM },
  { EL_TERM, "word", EL_WORD },
  { EL_TERM, "meaning", EL_MEANING },
  { EL_TERM, "agreed-meaning", EL_AGREED_MEANING },
  { EL_CRITERIA, NULL, EL_CATEGORY },
  { EL_CATEGORY, "name", EL_CATEGORY_NAME },
  { EL_CATEGORY, "criterion", EL_CRITERION },
  { EL_CRITERION, "text", EL_CRITERION_TEXT },
  { EL_CRITERION, "indicator", EL_INDICATOR },
  { EL_ACTIONS, NULL, EL_ACTION },
  { EL_ACTION, "what", EL_WHAT },
  { EL_CONSENTS, NULL, EL_CONSENT },
  { EL_CONSENT, "scope", EL_SCOPE },
  { EL_CONSENT, "shared-with", EL_SHARED_WITH },
  { EL_REVIEW, "item", EL_ITEM },
  { EL_ITEM, "note", EL_ITEM_NOTE },
};

/* Elements whose text is read: the whole text inside them, as
 * xmlNodeGetContent () gives it to the loader. */
static gboolean
is_text_element (Element element)
{
  switch (element)
    {
    case EL_TITLE:
    case EL_DATE:
    case EL_PLACE:
    case EL_FACILITATOR:
    case EL_NEXT_REVIEW:
    case EL_SITUATION_LABEL:
    case EL_PERSON_NAME:
    case EL_PARTNER_NAME:
    case EL_PROFESSION:
    case EL_INSTITUTION:
    case EL_DIMENSION_NAME:
    case EL_SYNTHESIS:
    case EL_STATEMENT:
    case EL_NOTE:
    case EL_WORD:
    case EL_MEANING:
    case EL_AGREED_MEANING:
    case EL_CATEGORY_NAME:
    case EL_CRITERION_TEXT:
    case EL_INDICATOR:
    case EL_WHAT:
    case EL_SCOPE:
    case EL_SHARED_WITH:
    case EL_ITEM_NOTE:
      return TRUE;

    default:
      return FALSE;
    }
}

typedef struct
{
  char *partner;
  char *text;
} Meaning;

static void
meaning_clear (gpointer data)
{
  Meaning *meaning = data;

  g_free (meaning->partner);
  g_free (meaning->text);
}

static int
compare_meanings (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (((const Meaning *) a)->partner, ((const Meaning *) b)->partner);
}

#define MAX_DEPTH 64

typedef struct
{
  RgLibraryRecord *record;
  gboolean         failed;      /* not the plain case: leave it to the loader */

  Element          stack[MAX_DEPTH];
  guint            depth;
  guint            ignored;     /* levels below an element not read */

  GString         *text;        /* of the text element open, if any */
  Element          text_element;

  /* The parts of the body, in the order of the record. */
  GString         *dimensions;
  GString         *statements;
  GString         *links;
  GString         *glossary;
  GString         *criteria;
  GString         *actions;
  GString         *consents;

  /* What a part needs until its element ends. */
  char            *place;
  char            *facilitator;
  GString         *person_names;
  char            *meaning_partner;
  GArray          *meanings;
  char            *word;
  char            *agreed;
  char            *name;          /* of a dimension or a category */
  char            *synthesis;
  GString         *category;      /* the criteria of the category */
  char            *criterion;
  GString         *indicators;
  char            *scope;
  char            *shared_with;
  RgLibraryRecordPartner partner;
} Reader;

static void
add_line (GString    *body,
          const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  g_string_append (body, text);
  g_string_append_c (body, '\n');
}

/* The value of attribute @name among libxml2's SAX2 attributes, or NULL. */
static char *
get_attribute (int            n_attributes,
               const xmlChar **attributes,
               const char     *name)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = &attributes[i * 5];

      /* localname, prefix, URI, value, end; no namespace, as the loader's
       * xmlGetNoNsProp () */
      if (a[2] == NULL && xmlStrEqual (a[0], (const xmlChar *) name))
        return g_strndup ((const char *) a[3], a[4] - a[3]);
    }

  return NULL;
}

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

static char *
optional (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static char *
get_date_attribute (int             n_attributes,
                    const xmlChar **attributes,
                    const char     *name)
{
  g_autofree char *date = get_attribute (n_attributes, attributes, name);

  /* The loader keeps no date that is not one. */
  return rg_date_is_valid (date) ? g_steal_pointer (&date) : NULL;
}

static gboolean
get_boolean_attribute (int             n_attributes,
                       const xmlChar **attributes,
                       const char     *name)
{
  g_autofree char *value = get_attribute (n_attributes, attributes, name);

  return g_strcmp0 (value, "true") == 0;
}

static void
start_element (void           *data,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             n_namespaces,
               const xmlChar **namespaces,
               int             n_attributes,
               int             n_defaulted,
               const xmlChar **attributes)
{
  Reader *reader = data;
  RgLibraryRecord *record = reader->record;
  Element parent = reader->depth > 0 ? reader->stack[reader->depth - 1] : EL_OTHER;
  Element element = EL_OTHER;
  gboolean ours = uri != NULL && xmlStrEqual (uri, (const xmlChar *) NAMESPACE);

  if (reader->failed)
    return;

  if (reader->ignored > 0 || reader->depth >= MAX_DEPTH)
    {
      reader->ignored++;
      return;
    }

  if (reader->depth == 0)
    {
      g_autofree char *version = get_attribute (n_attributes, attributes, "format-version");
      g_autofree char *kind = get_attribute (n_attributes, attributes, "kind");
      g_autofree char *status = get_attribute (n_attributes, attributes, "status");
      RgSessionKind kind_value = RG_SESSION_KIND_SESSION;
      RgSessionStatus status_value = RG_SESSION_STATUS_PREPARING;
      guint64 number = 0;

      /* What the index reads is the same in every version so far (the
       * migrations only add elements it does not read): a migration
       * that changes it must send the older versions to the loader. */
      if (!ours || !xmlStrEqual (localname, (const xmlChar *) "session") ||
          version == NULL || version[0] < '1' || version[0] > '9' ||
          !g_ascii_string_to_unsigned (version, 10, 1, RG_FORMAT_VERSION, &number, NULL))
        {
          reader->failed = TRUE;
          return;
        }

      rg_session_kind_from_string (kind, &kind_value);
      rg_session_status_from_string (status, &status_value);
      record->id = get_attribute (n_attributes, attributes, "id");
      record->kind = g_strdup (rg_session_kind_to_string (kind_value));
      record->status = g_strdup (rg_session_status_to_string (status_value));
      reader->stack[reader->depth++] = EL_SESSION;
      return;
    }

  /* Text elements hold text only; anything inside is text to them. */
  if (ours && reader->text == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        if (children[i].parent == parent &&
            (children[i].name == NULL ||
             xmlStrEqual (localname, (const xmlChar *) children[i].name)))
          {
            element = children[i].element;
            break;
          }
    }

  if (element == EL_OTHER)
    {
      reader->ignored++;
      return;
    }

  switch (element)
    {
    case EL_SITUATION:
      replace (&record->situation_id, get_attribute (n_attributes, attributes, "id"));
      replace (&record->situation_code,
               optional (get_attribute (n_attributes, attributes, "code")));
      g_string_truncate (reader->person_names, 0);
      break;

    case EL_PARTNER:
      {
        g_autofree char *role = get_attribute (n_attributes, attributes, "role");
        RgPartnerRole role_value = RG_PARTNER_ROLE_PROFESSIONAL;

        rg_partner_role_from_string (role, &role_value);
        reader->partner.id = get_attribute (n_attributes, attributes, "id");
        reader->partner.contribution_asked =
          get_date_attribute (n_attributes, attributes, "contribution-asked");
        reader->partner.contribution_received =
          get_date_attribute (n_attributes, attributes, "contribution-received");
        reader->partner.role = g_strdup (rg_partner_role_to_string (role_value));
      }
      break;

    case EL_DIMENSION:
    case EL_CATEGORY:
      g_clear_pointer (&reader->name, g_free);
      g_clear_pointer (&reader->synthesis, g_free);
      g_string_truncate (reader->category, 0);
      break;

    case EL_STATEMENT:
      record->n_statements++;
      break;

    case EL_LINK:
      {
        g_autofree char *type = get_attribute (n_attributes, attributes, "type");
        g_autofree char *status = get_attribute (n_attributes, attributes, "status");
        RgLinkType type_value = RG_LINK_TYPE_AGREEMENT;
        RgLinkStatus status_value = RG_LINK_STATUS_OPEN;
        RgLibraryRecordLink *link = _rg_library_record_add_link (record);

        rg_link_type_from_string (type, &type_value);
        rg_link_status_from_string (status, &status_value);
        link->id = get_attribute (n_attributes, attributes, "id");
        link->type = g_strdup (rg_link_type_to_string (type_value));
        link->status = g_strdup (rg_link_status_to_string (status_value));
        if (type_value == RG_LINK_TYPE_AGREEMENT)
          record->n_agreements++;
        else if (type_value == RG_LINK_TYPE_DIVERGENCE)
          {
            record->n_divergences++;
            if (status_value == RG_LINK_STATUS_OPEN)
              record->n_open_divergences++;
          }
        else if (type_value == RG_LINK_TYPE_COMPLEMENT)
          record->n_complements++;
        else
          record->n_clarifications++;
      }
      break;

    case EL_TERM:
      g_clear_pointer (&reader->word, g_free);
      g_clear_pointer (&reader->agreed, g_free);
      g_array_set_size (reader->meanings, 0);
      break;

    case EL_MEANING:
      replace (&reader->meaning_partner, get_attribute (n_attributes, attributes, "partner"));
      break;

    case EL_CRITERION:
      {
        RgLibraryRecordCriterion *criterion = _rg_library_record_add_criterion (record);

        criterion->id = get_attribute (n_attributes, attributes, "id");
        criterion->agreed = get_boolean_attribute (n_attributes, attributes, "agreed");
        criterion->met = get_boolean_attribute (n_attributes, attributes, "met");
        g_clear_pointer (&reader->criterion, g_free);
        g_string_truncate (reader->indicators, 0);
      }
      break;

    case EL_ACTION:
      {
        g_autofree char *status = get_attribute (n_attributes, attributes, "status");
        RgActionStatus status_value = RG_ACTION_STATUS_PLANNED;
        RgLibraryRecordAction *action = _rg_library_record_add_action (record);

        rg_action_status_from_string (status, &status_value);
        action->id = get_attribute (n_attributes, attributes, "id");
        action->due = get_date_attribute (n_attributes, attributes, "due");
        action->status = g_strdup (rg_action_status_to_string (status_value));
      }
      break;

    case EL_ITEM:
      {
        g_autofree char *type = get_attribute (n_attributes, attributes, "type");
        RgLinkType type_value = RG_LINK_TYPE_AGREEMENT;
        RgLibraryRecordReviewItem *item = _rg_library_record_add_review_item (record);

        rg_link_type_from_string (type, &type_value);
        item->id = get_attribute (n_attributes, attributes, "id");
        item->type = g_strdup (rg_link_type_to_string (type_value));
        item->reviewed = get_boolean_attribute (n_attributes, attributes, "reviewed");
      }
      break;

    case EL_CONSENT:
      {
        RgLibraryRecordConsent *consent = _rg_library_record_add_consent (record);

        consent->id = get_attribute (n_attributes, attributes, "id");
        consent->date = get_date_attribute (n_attributes, attributes, "date");
        consent->to_confirm = get_boolean_attribute (n_attributes, attributes, "to-confirm");
      }
      g_clear_pointer (&reader->scope, g_free);
      g_clear_pointer (&reader->shared_with, g_free);
      break;

    default:
      break;
    }

  if (is_text_element (element))
    {
      reader->text = g_string_new (NULL);
      reader->text_element = element;
    }

  reader->stack[reader->depth++] = element;
}

static void
read_date (char       **field,
           const char  *text)
{
  /* The loader keeps its default for a date that is not one; such a file
   * fails its check anyway. */
  if (rg_date_is_valid (text))
    replace (field, g_strdup (text));
}

/* A text element ends: put its text (owned) where it goes. */
static void
end_text (Reader  *reader,
          Element  element,
          char    *text)
{
  RgLibraryRecord *record = reader->record;
  Meaning meaning;

  switch (element)
    {
    case EL_TITLE:
      replace (&record->title, g_steal_pointer (&text));
      break;

    case EL_DATE:
      read_date (&record->date, text);
      break;

    case EL_NEXT_REVIEW:
      read_date (&record->next_review, text);
      break;

    case EL_PLACE:
      replace (&reader->place, g_steal_pointer (&text));
      break;

    case EL_FACILITATOR:
      replace (&reader->facilitator, g_steal_pointer (&text));
      break;

    case EL_SITUATION_LABEL:
      replace (&record->situation_label, g_steal_pointer (&text));
      break;

    case EL_PERSON_NAME:
      add_line (reader->person_names, text);
      break;

    case EL_PARTNER_NAME:
      replace (&reader->partner.name, g_steal_pointer (&text));
      break;

    case EL_PROFESSION:
      replace (&reader->partner.profession, optional (g_steal_pointer (&text)));
      break;

    case EL_INSTITUTION:
      replace (&reader->partner.institution, optional (g_steal_pointer (&text)));
      break;

    case EL_DIMENSION_NAME:
    case EL_CATEGORY_NAME:
      replace (&reader->name, g_steal_pointer (&text));
      break;

    case EL_SYNTHESIS:
      replace (&reader->synthesis, g_steal_pointer (&text));
      break;

    case EL_STATEMENT:
      add_line (reader->statements, text);
      break;

    case EL_NOTE:
      add_line (reader->links, text);
      replace (&g_array_index (record->links, RgLibraryRecordLink, record->links->len - 1).note,
               optional (g_steal_pointer (&text)));
      break;

    case EL_ITEM_NOTE:
      replace (&g_array_index (record->review_items, RgLibraryRecordReviewItem,
                               record->review_items->len - 1).note,
               optional (g_steal_pointer (&text)));
      break;

    case EL_WORD:
      replace (&reader->word, g_steal_pointer (&text));
      break;

    case EL_AGREED_MEANING:
      replace (&reader->agreed, g_steal_pointer (&text));
      break;

    case EL_MEANING:
      meaning.partner = g_steal_pointer (&reader->meaning_partner);
      meaning.text = g_steal_pointer (&text);
      g_array_append_val (reader->meanings, meaning);
      break;

    case EL_CRITERION_TEXT:
      replace (&reader->criterion, g_steal_pointer (&text));
      break;

    case EL_INDICATOR:
      add_line (reader->indicators, text);
      break;

    case EL_WHAT:
      add_line (reader->actions, text);
      replace (&g_array_index (record->actions, RgLibraryRecordAction,
                               record->actions->len - 1).what,
               optional (g_steal_pointer (&text)));
      break;

    case EL_SCOPE:
      replace (&reader->scope, g_steal_pointer (&text));
      break;

    case EL_SHARED_WITH:
      replace (&reader->shared_with, g_steal_pointer (&text));
      break;

    default:
      break;
    }

  g_free (text);
}

static void
end_element (void          *data,
             const xmlChar *localname,
             const xmlChar *prefix,
             const xmlChar *uri)
{
  Reader *reader = data;
  RgLibraryRecord *record = reader->record;
  Element element;

  if (reader->failed)
    return;

  if (reader->ignored > 0)
    {
      reader->ignored--;
      return;
    }

  element = reader->stack[--reader->depth];

  if (reader->text != NULL && element == reader->text_element)
    {
      end_text (reader, element, g_string_free (g_steal_pointer (&reader->text), FALSE));
      return;
    }

  switch (element)
    {
    case EL_SITUATION:
      {
        GString *text = g_string_new (NULL);

        if (record->situation_label == NULL)
          record->situation_label = g_strdup ("");
        add_line (text, record->situation_label);
        add_line (text, record->situation_code);
        g_string_append (text, reader->person_names->str);
        replace (&record->situation_text, g_string_free (text, FALSE));
      }
      break;

    case EL_PARTNER:
      if (reader->partner.name == NULL)
        reader->partner.name = g_strdup ("");
      g_array_append_val (record->partners, reader->partner);
      memset (&reader->partner, 0, sizeof reader->partner);
      break;

    case EL_DIMENSION:
      g_ptr_array_add (record->dimensions, g_strdup (reader->name != NULL ? reader->name : ""));
      add_line (reader->dimensions, reader->name);
      add_line (reader->dimensions, reader->synthesis);
      break;

    case EL_TERM:
      /* The record lists meanings by partner id (rg-library-record.c). */
      g_array_sort (reader->meanings, compare_meanings);
      add_line (reader->glossary, reader->word);
      for (guint i = 0; i < reader->meanings->len; i++)
        add_line (reader->glossary, g_array_index (reader->meanings, Meaning, i).text);
      add_line (reader->glossary, reader->agreed);
      break;

    case EL_CRITERION:
      add_line (reader->category, reader->criterion);
      g_string_append (reader->category, reader->indicators->str);
      break;

    case EL_CATEGORY:
      add_line (reader->criteria, reader->name);
      g_string_append (reader->criteria, reader->category->str);
      break;

    case EL_CONSENT:
      add_line (reader->consents, reader->scope);
      add_line (reader->consents, reader->shared_with);
      break;

    default:
      break;
    }
}

static void
characters (void          *data,
            const xmlChar *chars,
            int            len)
{
  Reader *reader = data;

  if (reader->text != NULL && !reader->failed)
    g_string_append_len (reader->text, (const char *) chars, len);
}

static void
internal_subset (void          *data,
                 const xmlChar *name,
                 const xmlChar *external_id,
                 const xmlChar *system_id)
{
  ((Reader *) data)->failed = TRUE;
}

static void
ignore_error (void       *data,
              const char *message,
              ...)
{
}

static void
reader_clear (Reader *reader)
{
  GString *strings[] = {
    reader->text, reader->dimensions, reader->statements, reader->links, reader->glossary,
    reader->criteria, reader->actions, reader->consents, reader->person_names,
    reader->category, reader->indicators,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (strings[i] != NULL)
      g_string_free (strings[i], TRUE);

  g_free (reader->place);
  g_free (reader->facilitator);
  g_free (reader->meaning_partner);
  g_clear_pointer (&reader->meanings, g_array_unref);
  g_free (reader->word);
  g_free (reader->agreed);
  g_free (reader->name);
  g_free (reader->synthesis);
  g_free (reader->criterion);
  g_free (reader->scope);
  g_free (reader->shared_with);
  g_free (reader->partner.id);
  g_free (reader->partner.name);
  g_free (reader->partner.profession);
  g_free (reader->partner.institution);
  g_free (reader->partner.role);
  g_free (reader->partner.contribution_asked);
  g_free (reader->partner.contribution_received);
  g_clear_pointer (&reader->record, _rg_library_record_free);
}

/**
 * _rg_library_record_extract:
 * @bytes: the contents of a session file
 *
 * Reads the index record of @bytes without loading the session, when the
 * file is a plain one: well-formed, of the current format version, with
 * no DOCTYPE. It does not check the file against the schema:
 * _rg_library_record_load () does, and must still be run on the file.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL when the file
 *   needs the loader (and its error message)
 */
RgLibraryRecord *
_rg_library_record_extract (GBytes *bytes)
{
  xmlSAXHandler sax = { 0, };
  xmlParserCtxt *ctxt;
  Reader reader = { 0, };
  RgLibraryRecord *record = NULL;
  const char *data;
  gsize size;

  rg_format_init ();

  /* No DTD, hence no entity to expand. A NUL byte means another
   * encoding than UTF-8 (UTF-16…), where that search would not see one. */
  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || size > RG_SESSION_MAX_SIZE ||
      memchr (data, '\0', size) != NULL ||
      memmem (data, size, "<!DOCTYPE", 9) != NULL ||
      memmem (data, size, "<!ENTITY", 8) != NULL)
    return NULL;

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element;
  sax.endElementNs = end_element;
  sax.characters = characters;
  sax.cdataBlock = characters;
  sax.internalSubset = internal_subset;
  sax.warning = ignore_error;
  sax.error = ignore_error;
  sax.fatalError = ignore_error;

  reader.record = _rg_library_record_new ();
  reader.record->title = g_strdup ("");
  reader.record->situation_label = g_strdup ("");
  reader.record->situation_text = g_strdup ("");
  reader.dimensions = g_string_new (NULL);
  reader.statements = g_string_new (NULL);
  reader.links = g_string_new (NULL);
  reader.glossary = g_string_new (NULL);
  reader.criteria = g_string_new (NULL);
  reader.actions = g_string_new (NULL);
  reader.consents = g_string_new (NULL);
  reader.person_names = g_string_new (NULL);
  reader.category = g_string_new (NULL);
  reader.indicators = g_string_new (NULL);
  reader.meanings = g_array_new (FALSE, FALSE, sizeof (Meaning));
  g_array_set_clear_func (reader.meanings, meaning_clear);

  /* The loader's options; no entity is ever substituted from a DTD, since
   * a document with one never gets here. */
  ctxt = xmlCreateMemoryParserCtxt (data, (int) size);
  if (ctxt == NULL)
    {
      reader_clear (&reader);
      return NULL;
    }

  memcpy (ctxt->sax, &sax, sizeof sax);
  ctxt->userData = &reader;
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING);
  xmlParseDocument (ctxt);

  if (ctxt->wellFormed && !reader.failed && reader.depth == 0 &&
      reader.record->kind != NULL)
    {
      GString *parts[] = {
        reader.dimensions, reader.statements, reader.links, reader.glossary,
        reader.criteria, reader.actions, reader.consents,
      };

      record = g_steal_pointer (&reader.record);

      /* The same order as _rg_library_record_new_from_session (). */
      add_line (record->body, reader.place);
      add_line (record->body, reader.facilitator);
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        g_string_append_len (record->body, parts[i]->str, parts[i]->len);

      _rg_library_record_finish (record);
    }

  xmlFreeParserCtxt (ctxt);
  reader_clear (&reader);

  return record;
}
