/* rg-merge.c — merging two copies of a session, object by object, by id
 *
 * A team shares its sessions through a sync engine (Syncthing,
 * Nextcloud): the file of an open session may change on disk while the
 * window holds edits of its own. Then the two are merged three ways:
 * “ours” is the window's live session, “theirs” the file on disk, and
 * the base the version both started from (the one last read or written).
 *
 * Every object has an id, which never changes: objects are matched by
 * it, never by their place or their text. The rules, the same for every
 * kind of object (see rg_session_merge () for the whole list):
 *
 *  - an object added on either side is kept;
 *  - an object deleted on one side goes, unless the other side edited it
 *    since the base: then it stays, as edited;
 *  - a field changed on one side only takes that side's value; changed
 *    on both sides to different values, it keeps ours, and the session
 *    records a conflict (rg-conflict.c) holding theirs: nothing typed
 *    on either machine is lost, and the team chooses later;
 *  - a deletion never leaves a reference dangling: an object that the
 *    merged session still names (a statement a link holds, the partner
 *    of a statement, the category of a criterion…), or that a conflict
 *    names as theirs' value, stays. Keeping it loses nothing; dropping
 *    the reference instead would lose what the other side did with it.
 *
 * Each field is compared as a text (field_get ()): an enumeration as its
 * word in the file, a boolean as `true` or `false`, a list as its items
 * one a line, a time as the file writes it. A conflict keeps theirs'
 * value in that form, and rg_session_editor_resolve_conflict () sets it
 * back from it.
 *
 * The merge is computed first, from the three sessions, then applied to
 * ours through the model's own setters, insertions, moves and removals,
 * so that the windows observing ours follow without being rebuilt:
 * additions first, from partners to what refers to them, then
 * deletions, the other way round, then the order of each list.
 *
 * When ours is the base, the result is theirs exactly, to the byte of
 * its file: every rule above takes theirs' value, theirs' objects and
 * theirs' order when ours changed nothing. That is how the application
 * reloads a file in place when it has nothing pending.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rg-bidi.h"
#include "rg-merge.h"
#include "rg-types-private.h"

G_DEFINE_QUARK (rg-merge-error-quark, rg_merge_error)

#define N_KINDS (RG_OBJECT_KIND_REVIEW_ITEM + 1)

/* Not a kind of object of the model: the conflicts of earlier merges,
 * which this one merges as a list too */
#define KIND_CONFLICT ((RgObjectKind) N_KINDS)

/* Characters of a text quoted in the description of a conflict */
#define EXCERPT_CHARS 60

/* {{{ Fields */

typedef const char *(*WordFunc)     (guint       value);
typedef gboolean    (*FromWordFunc) (const char *word,
                                     guint      *value);

typedef enum
{
  VALUE_TEXT,
  VALUE_OPTIONAL_TEXT,        /* "" for none */
  VALUE_DATE,
  VALUE_OPTIONAL_DATE,        /* "" for none */
  VALUE_COLOUR,
  VALUE_UUID,                 /* an id, not of an object of the session */
  VALUE_WORD,                 /* an enumeration, as its word in the file */
  VALUE_BOOLEAN,              /* `true` or `false` */
  VALUE_LINES,                /* a list of texts, one a line */
  VALUE_REFERENCE,            /* the id of an object of the session */
  VALUE_OPTIONAL_REFERENCE,   /* the same, or "" */
  VALUE_REFERENCES,           /* ids, one a line, merged one by one */
  VALUE_TIME,                 /* when a statement was written or changed */
  VALUE_CATEGORY,             /* the category that holds a criterion */
  VALUE_MEANING,              /* a partner's meaning of a word */
} ValueType;

typedef struct
{
  const char   *name;       /* the property, and a conflict's field */
  const char   *label;      /* N_() marked; %NULL: never in a conflict */
  ValueType     type;
  RgObjectKind  refers_to;  /* for the references */
  WordFunc      to_word;
  FromWordFunc  from_word;
} Field;

#define WORDS(prefix) 0, (WordFunc) prefix##_to_string, (FromWordFunc) prefix##_from_string
#define REFERS_TO(kind) RG_OBJECT_KIND_##kind, NULL, NULL

/* In each table, the order in which fields are set and conflicts listed.
 * A statement's times come last: setting its text or kind moves
 * “changed” to now, and the merged time must win. */
static const Field session_fields[] = {
  { "title", N_("Title"), VALUE_TEXT },
  { "date", N_("Date"), VALUE_DATE },
  { "place", N_("Place"), VALUE_OPTIONAL_TEXT },
  { "facilitator", N_("Facilitator"), VALUE_OPTIONAL_TEXT },
  { "next-review", N_("Next review"), VALUE_OPTIONAL_DATE },
  { "status", N_("Status"), VALUE_WORD, WORDS (rg_session_status) },
  { "kind", N_("Kind of file"), VALUE_WORD, WORDS (rg_session_kind) },
  { "contributor-id", N_("Contributor"), VALUE_OPTIONAL_REFERENCE, REFERS_TO (PARTNER) },
  { "situation-id", N_("Situation"), VALUE_UUID },
  { "situation-label", N_("Label of the situation"), VALUE_TEXT },
  { "situation-code", N_("Reference of the situation"), VALUE_OPTIONAL_TEXT },
  { "person-names", N_("Names to hide"), VALUE_LINES },
};

static const Field partner_fields[] = {
  { "name", N_("Name"), VALUE_TEXT },
  { "profession", N_("Profession"), VALUE_OPTIONAL_TEXT },
  { "institution", N_("Institution"), VALUE_OPTIONAL_TEXT },
  { "colour", N_("Colour"), VALUE_COLOUR },
  { "role", N_("Role"), VALUE_WORD, WORDS (rg_partner_role) },
  { "contribution-asked", N_("Contribution asked"), VALUE_OPTIONAL_DATE },
  { "contribution-received", N_("Contribution received"), VALUE_OPTIONAL_DATE },
};

static const Field dimension_fields[] = {
  { "name", N_("Name"), VALUE_TEXT },
  { "synthesis", N_("Synthesis"), VALUE_OPTIONAL_TEXT },
};

static const Field statement_fields[] = {
  { "partner-id", N_("Partner"), VALUE_REFERENCE, REFERS_TO (PARTNER) },
  { "dimension-id", N_("Dimension"), VALUE_REFERENCE, REFERS_TO (DIMENSION) },
  { "kind", N_("Kind"), VALUE_WORD, WORDS (rg_statement_kind) },
  { "text", N_("Text"), VALUE_TEXT },
  { "created", NULL, VALUE_TIME },
  { "changed", NULL, VALUE_TIME },
};

static const Field link_fields[] = {
  { "type", N_("Type"), VALUE_WORD, WORDS (rg_link_type) },
  { "status", N_("Status"), VALUE_WORD, WORDS (rg_link_status) },
  { "note", N_("Note"), VALUE_OPTIONAL_TEXT },
  { "term-id", N_("Glossary word"), VALUE_OPTIONAL_REFERENCE, REFERS_TO (TERM) },
  { "members", N_("Statements"), VALUE_REFERENCES, REFERS_TO (STATEMENT) },
};

/* The meanings of each partner are merged one by one, see
 * merge_meanings () */
static const Field term_fields[] = {
  { "word", N_("Word"), VALUE_TEXT },
  { "status", N_("Status"), VALUE_WORD, WORDS (rg_term_status) },
  { "agreed-meaning", N_("Agreed meaning"), VALUE_OPTIONAL_TEXT },
};

static const Field meaning_field = {
  "meaning", N_("Meaning"), VALUE_MEANING, REFERS_TO (PARTNER)
};

static const Field category_fields[] = {
  { "name", N_("Name"), VALUE_TEXT },
};

static const Field criterion_fields[] = {
  { "category", N_("Category"), VALUE_CATEGORY, REFERS_TO (CATEGORY) },
  { "text", N_("Text"), VALUE_TEXT },
  { "indicators", N_("Indicators"), VALUE_LINES },
  { "proposed-by", N_("Proposed by"), VALUE_REFERENCES, REFERS_TO (PARTNER) },
  { "agreed", N_("Agreed"), VALUE_BOOLEAN },
  { "met", N_("Met"), VALUE_BOOLEAN },
};

static const Field action_fields[] = {
  { "what", N_("What"), VALUE_TEXT },
  { "owner-id", N_("Owner"), VALUE_OPTIONAL_REFERENCE, REFERS_TO (PARTNER) },
  { "owner-name", N_("Owner from outside the team"), VALUE_OPTIONAL_TEXT },
  { "due", N_("Due"), VALUE_OPTIONAL_DATE },
  { "status", N_("Status"), VALUE_WORD, WORDS (rg_action_status) },
};

static const Field consent_fields[] = {
  { "scope", N_("Scope"), VALUE_TEXT },
  { "shared-with", N_("Shared with"), VALUE_OPTIONAL_TEXT },
  { "date", N_("Date"), VALUE_DATE },
  { "recorded-by-id", N_("Recorded by"), VALUE_OPTIONAL_REFERENCE, REFERS_TO (PARTNER) },
  { "to-confirm", N_("To confirm"), VALUE_BOOLEAN },
};

/* Its kind and its quotes are set when the follow-up makes it: a record */
static const Field review_item_fields[] = {
  { "note", N_("Note"), VALUE_OPTIONAL_TEXT },
  { "reviewed", N_("Reviewed"), VALUE_BOOLEAN },
};

#undef WORDS
#undef REFERS_TO

typedef struct
{
  const Field *fields;
  guint        n_fields;
} FieldTable;

static const FieldTable field_tables[N_KINDS] = {
  [RG_OBJECT_KIND_SESSION]     = { session_fields, G_N_ELEMENTS (session_fields) },
  [RG_OBJECT_KIND_PARTNER]     = { partner_fields, G_N_ELEMENTS (partner_fields) },
  [RG_OBJECT_KIND_DIMENSION]   = { dimension_fields, G_N_ELEMENTS (dimension_fields) },
  [RG_OBJECT_KIND_STATEMENT]   = { statement_fields, G_N_ELEMENTS (statement_fields) },
  [RG_OBJECT_KIND_LINK]        = { link_fields, G_N_ELEMENTS (link_fields) },
  [RG_OBJECT_KIND_TERM]        = { term_fields, G_N_ELEMENTS (term_fields) },
  [RG_OBJECT_KIND_CATEGORY]    = { category_fields, G_N_ELEMENTS (category_fields) },
  [RG_OBJECT_KIND_CRITERION]   = { criterion_fields, G_N_ELEMENTS (criterion_fields) },
  [RG_OBJECT_KIND_ACTION]      = { action_fields, G_N_ELEMENTS (action_fields) },
  [RG_OBJECT_KIND_CONSENT]     = { consent_fields, G_N_ELEMENTS (consent_fields) },
  [RG_OBJECT_KIND_REVIEW_ITEM] = { review_item_fields, G_N_ELEMENTS (review_item_fields) },
};

static const Field *
find_field (RgObjectKind  kind,
            const char   *name)
{
  const FieldTable *table;

  if ((guint) kind >= N_KINDS || name == NULL)
    return NULL;

  if (kind == RG_OBJECT_KIND_TERM && g_str_equal (name, meaning_field.name))
    return &meaning_field;

  table = &field_tables[kind];
  for (guint i = 0; i < table->n_fields; i++)
    {
      if (g_str_equal (table->fields[i].name, name))
        return &table->fields[i];
    }

  return NULL;
}

static gboolean
is_reference (const Field *field)
{
  return field->type == VALUE_REFERENCE
      || field->type == VALUE_OPTIONAL_REFERENCE
      || field->type == VALUE_REFERENCES
      || field->type == VALUE_CATEGORY
      || field->type == VALUE_MEANING;
}

/* }}} */
/* {{{ The objects of a session, by kind */

static const char *
object_get_id (RgObjectKind kind,
               gpointer     object)
{
  if (kind == KIND_CONFLICT)
    return rg_conflict_get_id (object);

  switch (kind)
    {
    case RG_OBJECT_KIND_SESSION:     return rg_session_get_id (object);
    case RG_OBJECT_KIND_PARTNER:     return rg_partner_get_id (object);
    case RG_OBJECT_KIND_DIMENSION:   return rg_dimension_get_id (object);
    case RG_OBJECT_KIND_STATEMENT:   return rg_statement_get_id (object);
    case RG_OBJECT_KIND_LINK:        return rg_link_get_id (object);
    case RG_OBJECT_KIND_TERM:        return rg_term_get_id (object);
    case RG_OBJECT_KIND_CATEGORY:    return rg_category_get_id (object);
    case RG_OBJECT_KIND_CRITERION:   return rg_criterion_get_id (object);
    case RG_OBJECT_KIND_ACTION:      return rg_action_get_id (object);
    case RG_OBJECT_KIND_CONSENT:     return rg_consent_get_id (object);
    case RG_OBJECT_KIND_REVIEW_ITEM: return rg_review_item_get_id (object);
    default:                         g_assert_not_reached ();
    }
}

static gpointer
find_object (RgSession    *session,
             RgObjectKind  kind,
             const char   *id)
{
  switch (kind)
    {
    case RG_OBJECT_KIND_SESSION:
      return g_strcmp0 (rg_session_get_id (session), id) == 0 ? session : NULL;
    case RG_OBJECT_KIND_PARTNER:     return rg_session_find_partner (session, id);
    case RG_OBJECT_KIND_DIMENSION:   return rg_session_find_dimension (session, id);
    case RG_OBJECT_KIND_STATEMENT:   return rg_session_find_statement (session, id);
    case RG_OBJECT_KIND_LINK:        return rg_session_find_link (session, id);
    case RG_OBJECT_KIND_TERM:        return rg_session_find_term (session, id);
    case RG_OBJECT_KIND_CATEGORY:    return rg_session_find_category (session, id);
    case RG_OBJECT_KIND_CRITERION:   return rg_session_find_criterion (session, id, NULL);
    case RG_OBJECT_KIND_ACTION:      return rg_session_find_action (session, id);
    case RG_OBJECT_KIND_CONSENT:     return rg_session_find_consent (session, id);
    case RG_OBJECT_KIND_REVIEW_ITEM: return rg_session_find_review_item (session, id);
    default:                         g_assert_not_reached ();
    }
}

/* The list of the session that holds the objects of @kind; criteria
 * have one per category */
static GListModel *
get_list (RgSession    *session,
          RgObjectKind  kind)
{
  switch (kind)
    {
    case RG_OBJECT_KIND_PARTNER:     return rg_session_get_partners (session);
    case RG_OBJECT_KIND_DIMENSION:   return rg_session_get_dimensions (session);
    case RG_OBJECT_KIND_STATEMENT:   return rg_session_get_statements (session);
    case RG_OBJECT_KIND_LINK:        return rg_session_get_links (session);
    case RG_OBJECT_KIND_TERM:        return rg_session_get_terms (session);
    case RG_OBJECT_KIND_CATEGORY:    return rg_session_get_categories (session);
    case RG_OBJECT_KIND_ACTION:      return rg_session_get_actions (session);
    case RG_OBJECT_KIND_CONSENT:     return rg_session_get_consents (session);
    case RG_OBJECT_KIND_REVIEW_ITEM: return rg_session_get_review_items (session);
    case RG_OBJECT_KIND_SESSION:
    case RG_OBJECT_KIND_CRITERION:
    default:                         g_assert_not_reached ();
    }
}

/* How objects go into a list, out of it, and to another place in it. A
 * list without a move of its own moves by a removal and an insertion,
 * which is safe for those: their removal takes nothing else with it
 * (a statement's, a partner's or a dimension's does, and they have
 * moves). */
typedef struct
{
  gpointer     container;
  GListModel  *model;
  void       (*insert) (gpointer container, gpointer object, guint position);
  gboolean   (*remove) (gpointer container, gpointer object);
  void       (*move)   (gpointer container, gpointer object, guint position);
} ListOps;

typedef void     (*InsertFunc) (gpointer container, gpointer object, guint position);
typedef gboolean (*RemoveFunc) (gpointer container, gpointer object);
typedef void     (*MoveFunc)   (gpointer container, gpointer object, guint position);

static ListOps
session_list_ops (RgSession    *session,
                  RgObjectKind  kind)
{
  ListOps ops = { session, get_list (session, kind), NULL, NULL, NULL };

#define OPS(name) \
  ops.insert = (InsertFunc) rg_session_insert_##name; \
  ops.remove = (RemoveFunc) rg_session_remove_##name

  switch (kind)
    {
    case RG_OBJECT_KIND_PARTNER:
      OPS (partner);
      ops.move = (MoveFunc) rg_session_move_partner;
      break;
    case RG_OBJECT_KIND_DIMENSION:
      OPS (dimension);
      ops.move = (MoveFunc) rg_session_move_dimension;
      break;
    case RG_OBJECT_KIND_STATEMENT:
      OPS (statement);
      ops.move = (MoveFunc) rg_session_move_statement;
      break;
    case RG_OBJECT_KIND_LINK:        OPS (link); break;
    case RG_OBJECT_KIND_TERM:        OPS (term); break;
    case RG_OBJECT_KIND_CATEGORY:    OPS (category); break;
    case RG_OBJECT_KIND_ACTION:      OPS (action); break;
    case RG_OBJECT_KIND_CONSENT:     OPS (consent); break;
    case RG_OBJECT_KIND_REVIEW_ITEM: OPS (review_item); break;
    case RG_OBJECT_KIND_SESSION:
    case RG_OBJECT_KIND_CRITERION:
    default:                         g_assert_not_reached ();
    }

#undef OPS

  return ops;
}

static ListOps
category_list_ops (RgCategory *category)
{
  ListOps ops = {
    category, rg_category_get_criteria (category),
    (InsertFunc) rg_category_insert_criterion, (RemoveFunc) rg_category_remove_criterion, NULL,
  };

  return ops;
}

static ListOps
conflict_list_ops (RgSession *session)
{
  ListOps ops = {
    session, rg_session_get_conflicts (session),
    (InsertFunc) rg_session_insert_conflict, (RemoveFunc) rg_session_remove_conflict, NULL,
  };

  return ops;
}

static void
list_ops_move (ListOps  *ops,
               gpointer  object,
               guint     position)
{
  g_autoptr(GObject) hold = g_object_ref (object);

  if (ops->move != NULL)
    ops->move (ops->container, object, position);
  else
    {
      ops->remove (ops->container, object);
      ops->insert (ops->container, object, position);
    }
}

/* Every object of @kind in @session, in order, with a reference each;
 * criteria category by category */
static GPtrArray *
list_objects (RgSession    *session,
              RgObjectKind  kind)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;

  if (session == NULL)
    return objects;

  model = get_list (session, kind == RG_OBJECT_KIND_CRITERION ? RG_OBJECT_KIND_CATEGORY : kind);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      gpointer item = g_list_model_get_item (model, i);

      if (kind == RG_OBJECT_KIND_CRITERION)
        {
          GListModel *criteria = rg_category_get_criteria (item);

          for (guint j = 0; j < g_list_model_get_n_items (criteria); j++)
            g_ptr_array_add (objects, g_list_model_get_item (criteria, j));
          g_object_unref (item);
        }
      else
        g_ptr_array_add (objects, item);
    }

  return objects;
}

/* The ids of a list model's items, borrowed, in order; %NULL for none */
static GPtrArray *
list_ids (GListModel   *model,
          RgObjectKind  kind)
{
  GPtrArray *ids;

  if (model == NULL)
    return NULL;

  ids = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      /* The session holds the item, and so its id, after the unref */
      g_ptr_array_add (ids, (gpointer) object_get_id (kind, item));
    }

  return ids;
}

static RgCategory *
find_holder (RgSession   *session,
             RgCriterion *criterion)
{
  RgCategory *category = NULL;

  rg_session_find_criterion (session, rg_criterion_get_id (criterion), &category);

  return category;
}

/* }}} */
/* {{{ Values as text */

static char **
split_lines (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (value, "\n", -1);
}

/* The value of a field of @object, an object of @session, as text. An
 * optional reference to an object the session no longer holds reads as
 * none, as the file writes it (a link keeps the id of a deleted term
 * for undo). */
static char *
field_get (const Field *field,
           RgSession   *session,
           gpointer     object)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  if (field->type == VALUE_CATEGORY)
    {
      RgCategory *category = find_holder (session, object);

      return g_strdup (category != NULL ? rg_category_get_id (category) : "");
    }

  g_assert (field->type != VALUE_MEANING);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), field->name);
  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, field->name, &value);

  switch (field->type)
    {
    case VALUE_WORD:
      return g_strdup (field->to_word (g_value_get_enum (&value)));

    case VALUE_BOOLEAN:
      return g_strdup (g_value_get_boolean (&value) ? "true" : "false");

    case VALUE_LINES:
    case VALUE_REFERENCES:
      {
        char **items = g_value_get_boxed (&value);

        return items != NULL ? g_strjoinv ("\n", items) : g_strdup ("");
      }

    case VALUE_TIME:
      return rg_time_format (g_value_get_boxed (&value));

    case VALUE_OPTIONAL_REFERENCE:
      {
        const char *id = g_value_get_string (&value);

        if (id != NULL && id[0] != '\0' && find_object (session, field->refers_to, id) != NULL)
          return g_strdup (id);

        return g_strdup ("");
      }

    case VALUE_TEXT:
    case VALUE_OPTIONAL_TEXT:
    case VALUE_DATE:
    case VALUE_OPTIONAL_DATE:
    case VALUE_COLOUR:
    case VALUE_UUID:
    case VALUE_REFERENCE:
      {
        const char *text = g_value_get_string (&value);

        return g_strdup (text != NULL ? text : "");
      }

    case VALUE_CATEGORY:
    case VALUE_MEANING:
    default:
      g_assert_not_reached ();
    }
}

/* Whether @value is one the field can take in @session: resolving a
 * conflict long after it was recorded, its value may name an object
 * deleted since. */
static gboolean
field_accepts (const Field *field,
               RgSession   *session,
               const char  *value)
{
  switch (field->type)
    {
    case VALUE_TEXT:
    case VALUE_OPTIONAL_TEXT:
    case VALUE_LINES:
      return TRUE;

    case VALUE_DATE:
      return rg_date_is_valid (value);

    case VALUE_OPTIONAL_DATE:
      return value[0] == '\0' || rg_date_is_valid (value);

    case VALUE_COLOUR:
      return rg_colour_is_valid (value);

    case VALUE_UUID:
      return rg_id_is_valid (value);

    case VALUE_WORD:
      return field->from_word (value, NULL);

    case VALUE_BOOLEAN:
      return g_str_equal (value, "true") || g_str_equal (value, "false");

    case VALUE_TIME:
      {
        g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (value, NULL);

        return time != NULL;
      }

    case VALUE_OPTIONAL_REFERENCE:
      if (value[0] == '\0')
        return TRUE;
      G_GNUC_FALLTHROUGH;

    case VALUE_REFERENCE:
    case VALUE_CATEGORY:
    case VALUE_MEANING:
      return rg_id_is_valid (value) && find_object (session, field->refers_to, value) != NULL;

    case VALUE_REFERENCES:
      {
        g_auto(GStrv) ids = split_lines (value);
        g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
        guint n = g_strv_length (ids);

        /* A link holds two statements at least */
        if (field->refers_to == RG_OBJECT_KIND_STATEMENT && n < 2)
          return FALSE;

        for (guint i = 0; i < n; i++)
          {
            if (!rg_id_is_valid (ids[i])
                || find_object (session, field->refers_to, ids[i]) == NULL
                || !g_hash_table_add (seen, ids[i]))
              return FALSE;
          }

        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* Puts @criterion in @category at @position, out of the category that
 * holds it. */
static void
move_criterion (RgSession   *session,
                RgCriterion *criterion,
                RgCategory  *category,
                guint        position)
{
  g_autoptr(RgCriterion) hold = g_object_ref (criterion);
  RgCategory *holder = find_holder (session, criterion);

  if (holder != NULL)
    rg_category_remove_criterion (holder, criterion);
  rg_category_insert_criterion (category, criterion, position);
}

/* Sets a field of @object, in @session, from a value field_accepts () */
static void
field_set (const Field *field,
           RgSession   *session,
           gpointer     object,
           const char  *value)
{
  GObject *gobject = G_OBJECT (object);

  switch (field->type)
    {
    case VALUE_TEXT:
    case VALUE_DATE:
    case VALUE_COLOUR:
    case VALUE_UUID:
    case VALUE_REFERENCE:
      g_object_set (gobject, field->name, value, NULL);
      break;

    case VALUE_OPTIONAL_TEXT:
    case VALUE_OPTIONAL_DATE:
    case VALUE_OPTIONAL_REFERENCE:
      g_object_set (gobject, field->name, value[0] != '\0' ? value : NULL, NULL);
      break;

    case VALUE_WORD:
      {
        guint word = 0;

        field->from_word (value, &word);
        g_object_set (gobject, field->name, word, NULL);
      }
      break;

    case VALUE_BOOLEAN:
      g_object_set (gobject, field->name, g_str_equal (value, "true"), NULL);
      break;

    case VALUE_LINES:
    case VALUE_REFERENCES:
      {
        g_auto(GStrv) items = split_lines (value);

        g_object_set (gobject, field->name, items, NULL);
      }
      break;

    case VALUE_TIME:
      {
        g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (value, NULL);

        g_object_set (gobject, field->name, time, NULL);
      }
      break;

    case VALUE_CATEGORY:
      {
        RgCategory *category = rg_session_find_category (session, value);

        if (find_holder (session, object) != category)
          move_criterion (session, object, category, G_MAXUINT);
      }
      break;

    case VALUE_MEANING:
    default:
      g_assert_not_reached ();
    }
}

/* A term's meanings, as partner id, meaning, partner id, meaning… in
 * order */
static GPtrArray *
get_meanings (RgTerm *term)
{
  const char * const *partners = rg_term_get_meaning_partners (term);
  GPtrArray *meanings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; partners[i] != NULL; i++)
    {
      g_ptr_array_add (meanings, g_strdup (partners[i]));
      g_ptr_array_add (meanings, g_strdup (rg_term_get_meaning (term, partners[i])));
    }

  return meanings;
}

/* Whether two arrays hold the same strings in the same order. */
static gboolean
same_strings (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        return FALSE;
    }

  return TRUE;
}

/* Gives @term the meanings of @meanings, in their order, through its
 * own setter. Changing values in place keeps the order when it is the
 * same; otherwise every meaning is taken out and put back in order. */
static gboolean
set_meanings (RgTerm    *term,
              GPtrArray *meanings)
{
  g_autoptr(GPtrArray) current = get_meanings (term);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) after = NULL;

  if (same_strings (current, meanings))
    return FALSE;

  for (guint i = 0; i < meanings->len; i += 2)
    g_hash_table_insert (wanted, g_ptr_array_index (meanings, i), g_ptr_array_index (meanings, i + 1));

  for (guint i = 0; i < current->len; i += 2)
    {
      const char *partner_id = g_ptr_array_index (current, i);

      rg_term_set_meaning (term, partner_id, g_hash_table_lookup (wanted, partner_id));
    }
  for (guint i = 0; i < meanings->len; i += 2)
    rg_term_set_meaning (term, g_ptr_array_index (meanings, i), g_ptr_array_index (meanings, i + 1));

  after = get_meanings (term);
  if (!same_strings (after, meanings))
    {
      for (guint i = 0; i < after->len; i += 2)
        rg_term_set_meaning (term, g_ptr_array_index (after, i), NULL);
      for (guint i = 0; i < meanings->len; i += 2)
        rg_term_set_meaning (term, g_ptr_array_index (meanings, i), g_ptr_array_index (meanings, i + 1));
    }

  return TRUE;
}

/* }}} */
/* {{{ Descriptions */

/* The first line of @text, cut short, with its direction controls kept
 * to itself */
static char *
excerpt (const char *text)
{
  g_autofree char *line = NULL;
  const char *end;

  if (text == NULL)
    text = "";

  end = strchr (text, '\n');
  line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  g_strstrip (line);

  if (g_utf8_strlen (line, -1) > EXCERPT_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, EXCERPT_CHARS);

      g_free (line);
      line = g_strconcat (g_strchomp (cut), "…", NULL);
    }
  else if (end != NULL)
    {
      g_autofree char *whole = g_steal_pointer (&line);

      line = g_strconcat (whole, "…", NULL);
    }

  return rg_bidi_isolate (line);
}

static char *
quote (const char *text)
{
  g_autofree char *cut = excerpt (text);

  /* Translators: a text quoted from the session, cut short */
  return g_strdup_printf (_("“%s”"), cut);
}

static char *
partner_name (RgSession  *session,
              const char *partner_id)
{
  RgPartner *partner = partner_id != NULL ? rg_session_find_partner (session, partner_id) : NULL;
  const char *name = partner != NULL ? rg_partner_get_name (partner) : NULL;

  if (name == NULL || name[0] == '\0')
    return g_strdup (_("Unnamed partner"));

  return rg_bidi_isolate (name);
}

static char *
name_or (const char *name,
         const char *fallback)
{
  if (name == NULL || name[0] == '\0')
    return g_strdup (fallback);

  return rg_bidi_isolate (name);
}

/* Who said it, and its start */
static char *
describe_statement (RgSession   *session,
                    RgStatement *statement)
{
  g_autofree char *author = partner_name (session, rg_statement_get_partner_id (statement));
  g_autofree char *text = excerpt (rg_statement_get_text (statement));

  /* Translators: a partner's name, then the start of what they said */
  return g_strdup_printf (_("%s: “%s”"), author, text);
}

/* The object in words, for the coordinator who reads the conflict: its
 * name, or the start of its text. */
static char *
describe (RgSession    *session,
          RgObjectKind  kind,
          gpointer      object,
          const char   *partner_id)
{
  switch (kind)
    {
    case RG_OBJECT_KIND_SESSION:
      {
        const char *title = rg_session_get_title (object);

        if (title[0] == '\0')
          title = rg_session_get_situation_label (object);

        return name_or (title, _("Untitled Session"));
      }

    case RG_OBJECT_KIND_PARTNER:
      return partner_name (session, rg_partner_get_id (object));

    case RG_OBJECT_KIND_DIMENSION:
      return name_or (rg_dimension_get_name (object), _("Unnamed dimension"));

    case RG_OBJECT_KIND_STATEMENT:
      return describe_statement (session, object);

    case RG_OBJECT_KIND_LINK:
      {
        const char *type = rg_link_type_get_label (rg_link_get_link_type (object));
        const char *note = rg_link_get_note (object);
        const char * const *members = rg_link_get_members (object);
        RgStatement *first = members[0] != NULL ? rg_session_find_statement (session, members[0]) : NULL;
        g_autofree char *text = NULL;

        if (note != NULL && note[0] != '\0')
          text = excerpt (note);
        else if (first != NULL)
          text = describe_statement (session, first);
        else
          return g_strdup (type);

        /* Translators: the type of a link (“Divergence”), then its note
         * or its first statement */
        return g_strdup_printf (_("%s: %s"), type, text);
      }

    case RG_OBJECT_KIND_TERM:
      {
        g_autofree char *word = excerpt (rg_term_get_word (object));
        g_autofree char *name = NULL;

        if (partner_id == NULL)
          /* Translators: a word of the glossary */
          return g_strdup_printf (_("“%s”"), word);

        name = partner_name (session, partner_id);
        /* Translators: a word of the glossary, then a partner's name */
        return g_strdup_printf (_("“%s” according to %s"), word, name);
      }

    case RG_OBJECT_KIND_CATEGORY:
      return name_or (rg_category_get_name (object), _("Untitled category"));

    case RG_OBJECT_KIND_CRITERION:
      return quote (rg_criterion_get_text (object));

    case RG_OBJECT_KIND_ACTION:
      return quote (rg_action_get_what (object));

    case RG_OBJECT_KIND_CONSENT:
      return quote (rg_consent_get_scope (object));

    case RG_OBJECT_KIND_REVIEW_ITEM:
      {
        const char *note = rg_review_item_get_note (object);

        if (note != NULL && note[0] != '\0')
          return quote (note);
        if (rg_review_item_get_n_quotes (object) > 0)
          return quote (rg_review_item_get_quote (object, 0, NULL, NULL));

        return g_strdup (rg_link_type_get_label (rg_review_item_get_link_type (object)));
      }

    default:
      g_assert_not_reached ();
    }
}

/* }}} */
/* {{{ Merging the order of a list */

static GHashTable *
id_set (GPtrArray *ids)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_hash_table_add (set, g_ptr_array_index (ids, i));

  return set;
}

static gboolean
contains (GHashTable *set,
          const char *id)
{
  return set != NULL && g_hash_table_contains (set, id);
}

/* @ids restricted to those in both @first and @second, in order */
static GPtrArray *
restrict_ids (GPtrArray  *ids,
              GHashTable *first,
              GHashTable *second)
{
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (contains (first, id) && contains (second, id))
        g_ptr_array_add (kept, (gpointer) id);
    }

  return kept;
}

static guint
index_of (GPtrArray  *ids,
          const char *id)
{
  guint index;

  if (g_ptr_array_find_with_equal_func (ids, id, g_str_equal, &index))
    return index;

  return G_MAXUINT;
}

/* Where to put the item at @index of @source in @result: after the
 * nearest item before it in @source that @result holds, or first. */
static guint
after_predecessor (GPtrArray *source,
                   guint      index,
                   GPtrArray *result)
{
  while (index-- > 0)
    {
      guint found = index_of (result, g_ptr_array_index (source, index));

      if (found != G_MAXUINT)
        return found + 1;
    }

  return 0;
}

/**
 * merge_order:
 * @ours: ids of our list, in order
 * @base: (nullable): of the base's, or %NULL without a base
 * @theirs: of theirs
 * @kept: (nullable): the ids the merged list holds; %NULL for all
 *
 * The order of the merged list. The items both sides hold keep our
 * order, or theirs if only theirs changed it (with no base, ours). An
 * item only ours holds goes after the one before it in our list; an
 * item only theirs holds, after the one before it in theirs, past our
 * own new items there; either goes first when nothing before it is
 * left. So when ours is the base, the order is theirs exactly.
 *
 * Returns: (transfer container): the ids, borrowed from the lists
 */
static GPtrArray *
merge_order (GPtrArray  *ours,
             GPtrArray  *base,
             GPtrArray  *theirs,
             GHashTable *kept)
{
  g_autoptr(GHashTable) in_ours = id_set (ours);
  g_autoptr(GHashTable) in_theirs = id_set (theirs);
  g_autoptr(GHashTable) in_base = base != NULL ? id_set (base) : NULL;
  GPtrArray *result = g_ptr_array_new ();
  GPtrArray *common = ours;

  if (base != NULL)
    {
      g_autoptr(GHashTable) in_both = id_set (NULL);
      g_autoptr(GPtrArray) ours_order = NULL;
      g_autoptr(GPtrArray) theirs_order = NULL;
      g_autoptr(GPtrArray) base_order = NULL;

      for (guint i = 0; i < ours->len; i++)
        if (contains (in_theirs, g_ptr_array_index (ours, i)))
          g_hash_table_add (in_both, g_ptr_array_index (ours, i));

      ours_order = restrict_ids (ours, in_both, in_base);
      theirs_order = restrict_ids (theirs, in_both, in_base);
      base_order = restrict_ids (base, in_both, in_base);
      if (same_strings (ours_order, base_order) && !same_strings (theirs_order, base_order))
        common = theirs;
    }

  for (guint i = 0; i < common->len; i++)
    {
      const char *id = g_ptr_array_index (common, i);

      if (contains (in_ours, id) && contains (in_theirs, id) && (kept == NULL || contains (kept, id)))
        g_ptr_array_add (result, (gpointer) id);
    }

  for (guint i = 0; i < ours->len; i++)
    {
      const char *id = g_ptr_array_index (ours, i);

      if (!contains (in_theirs, id) && (kept == NULL || contains (kept, id)))
        g_ptr_array_insert (result, after_predecessor (ours, i, result), (gpointer) id);
    }

  for (guint i = 0; i < theirs->len; i++)
    {
      const char *id = g_ptr_array_index (theirs, i);
      guint position;

      if (contains (in_ours, id) || (kept != NULL && !contains (kept, id)))
        continue;

      position = after_predecessor (theirs, i, result);
      while (position < result->len && !contains (in_theirs, g_ptr_array_index (result, position)))
        position++;
      g_ptr_array_insert (result, position, (gpointer) id);
    }

  return result;
}

/* Gives the list of @ops the order of @order, whose items it holds all
 * and only, by moving them. */
static void
apply_order (ListOps      *ops,
             RgObjectKind  kind,
             GPtrArray    *order)
{
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      g_autoptr(GObject) here = g_list_model_get_item (ops->model, i);
      guint n = g_list_model_get_n_items (ops->model);

      if (here == NULL || g_str_equal (object_get_id (kind, here), id))
        continue;

      for (guint j = i + 1; j < n; j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (ops->model, j);

          if (g_str_equal (object_get_id (kind, item), id))
            {
              list_ops_move (ops, item, i);
              break;
            }
        }
    }
}

/* Where a new item goes in the list of @ops, so that @order can follow
 * with few moves: after the nearest item before it in @order that the
 * list holds. */
static guint
insert_position (ListOps      *ops,
                 RgObjectKind  kind,
                 GPtrArray    *order,
                 const char   *id)
{
  guint index = order != NULL ? index_of (order, id) : G_MAXUINT;
  g_autoptr(GPtrArray) ids = NULL;

  if (index == G_MAXUINT)
    return G_MAXUINT;

  ids = list_ids (ops->model, kind);

  return after_predecessor (order, index, ids);
}

/* }}} */
/* {{{ The merge */

typedef struct
{
  RgObjectKind   kind;
  const char    *id;        /* borrowed from o or t */
  GObject       *o;         /* the object in each session, or %NULL */
  GObject       *b;
  GObject       *t;
  char         **values;    /* merged, one per field, once kept */
  GPtrArray     *meanings;  /* terms: merged, as get_meanings () */
  gboolean       keep;
} Entry;

typedef struct
{
  GPtrArray  *entries;  /* Entry*: ours' order, then theirs' */
  GHashTable *by_id;    /* id → Entry* */
  GPtrArray  *order;    /* merged order of the ids; criteria: NULL */
  GHashTable *orders;   /* criteria: category id → merged order */
} Plan;

typedef struct
{
  RgSession     *ours;
  RgSession     *base;
  RgSession     *theirs;
  GDateTime     *now;
  Plan           plans[N_KINDS];
  char         **session_values;
  GPtrArray     *conflicts;     /* RgConflict this merge records */
  GHashTable    *conflict_ids;
  RgMergeStats   stats;
} Merge;

/* From the objects others refer to, to those that refer to them */
static const RgObjectKind kinds_in_order[] = {
  RG_OBJECT_KIND_PARTNER,
  RG_OBJECT_KIND_DIMENSION,
  RG_OBJECT_KIND_STATEMENT,
  RG_OBJECT_KIND_TERM,
  RG_OBJECT_KIND_LINK,
  RG_OBJECT_KIND_CATEGORY,
  RG_OBJECT_KIND_CRITERION,
  RG_OBJECT_KIND_ACTION,
  RG_OBJECT_KIND_CONSENT,
  RG_OBJECT_KIND_REVIEW_ITEM,
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->o);
  g_clear_object (&entry->b);
  g_clear_object (&entry->t);
  g_clear_pointer (&entry->values, g_strfreev);
  g_clear_pointer (&entry->meanings, g_ptr_array_unref);
  g_free (entry);
}

static void
merge_clear (Merge *m)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_clear_pointer (&m->plans[k].entries, g_ptr_array_unref);
      g_clear_pointer (&m->plans[k].by_id, g_hash_table_unref);
      g_clear_pointer (&m->plans[k].order, g_ptr_array_unref);
      g_clear_pointer (&m->plans[k].orders, g_hash_table_unref);
    }
  g_clear_pointer (&m->session_values, g_strfreev);
  g_clear_pointer (&m->conflicts, g_ptr_array_unref);
  g_clear_pointer (&m->conflict_ids, g_hash_table_unref);
}

static gpointer
ref_or_null (gpointer object)
{
  return object != NULL ? g_object_ref (object) : NULL;
}

static void
record_conflict (Merge        *m,
                 RgObjectKind  kind,
                 gpointer      object,
                 const char   *field,
                 const char   *partner_id,
                 const char   *theirs)
{
  g_autofree char *description = describe (m->ours, kind, object, partner_id);
  g_autoptr(RgConflict) conflict = rg_conflict_new (kind, object_get_id (kind, object), field,
                                                    partner_id, theirs, description, m->now);

  if (g_hash_table_contains (m->conflict_ids, rg_conflict_get_id (conflict)))
    return;

  g_hash_table_add (m->conflict_ids, (gpointer) rg_conflict_get_id (conflict));
  g_ptr_array_add (m->conflicts, g_steal_pointer (&conflict));
}

/* Both sides changed a list of references: the items each side added
 * are added, the items either side took out are out. %NULL if that
 * leaves a link fewer than two statements: then the lists conflict. */
static char *
merge_references (const Field *field,
                  const char  *ours,
                  const char  *base,
                  const char  *theirs)
{
  g_auto(GStrv) o = split_lines (ours);
  g_auto(GStrv) b = split_lines (base);
  g_auto(GStrv) t = split_lines (theirs);
  g_autoptr(GPtrArray) o_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) b_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) t_ids = g_ptr_array_new ();
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = NULL;

  for (guint i = 0; o[i] != NULL; i++)
    g_ptr_array_add (o_ids, o[i]);
  for (guint i = 0; b[i] != NULL; i++)
    g_ptr_array_add (b_ids, b[i]);
  for (guint i = 0; t[i] != NULL; i++)
    g_ptr_array_add (t_ids, t[i]);

  for (guint i = 0; o[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) t, o[i]) || !g_strv_contains ((const char * const *) b, o[i]))
      g_hash_table_add (kept, o[i]);
  for (guint i = 0; t[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) o, t[i]) || !g_strv_contains ((const char * const *) b, t[i]))
      g_hash_table_add (kept, t[i]);

  order = merge_order (o_ids, b_ids, t_ids, kept);
  if (field->refers_to == RG_OBJECT_KIND_STATEMENT && order->len < 2)
    return NULL;

  g_ptr_array_add (order, NULL);
  return g_strjoinv ("\n", (char **) order->pdata);
}

/* The merged value of one field of an object both sides hold */
static char *
merge_field (Merge        *m,
             RgObjectKind  kind,
             GObject      *o,
             GObject      *b,
             GObject      *t,
             const Field  *field)
{
  g_autofree char *ours = field_get (field, m->ours, o);
  g_autofree char *theirs = field_get (field, m->theirs, t);
  g_autofree char *base = b != NULL ? field_get (field, m->base, b) : NULL;

  if (g_str_equal (ours, theirs))
    return g_steal_pointer (&ours);
  if (base != NULL && g_str_equal (ours, base))
    return g_steal_pointer (&theirs);
  if (base != NULL && g_str_equal (theirs, base))
    return g_steal_pointer (&ours);

  /* Times follow the text: changed on both sides, a statement was
   * written at the earlier time and last changed at the later. */
  if (field->type == VALUE_TIME)
    {
      gboolean earlier = strcmp (ours, theirs) < 0;

      if (g_str_equal (field->name, "created") == earlier)
        return g_steal_pointer (&ours);
      return g_steal_pointer (&theirs);
    }

  if (base != NULL && field->type == VALUE_REFERENCES)
    {
      char *merged = merge_references (field, ours, base, theirs);

      if (merged != NULL)
        return merged;
    }

  record_conflict (m, kind, o, field->name, NULL, theirs);
  return g_steal_pointer (&ours);
}

static const char *
find_meaning (GPtrArray  *meanings,
              const char *partner_id)
{
  for (guint i = 0; meanings != NULL && i < meanings->len; i += 2)
    {
      if (g_str_equal (g_ptr_array_index (meanings, i), partner_id))
        return g_ptr_array_index (meanings, i + 1);
    }

  return NULL;
}

static GPtrArray *
meaning_partners (GPtrArray *meanings)
{
  GPtrArray *partners;

  if (meanings == NULL)
    return NULL;

  partners = g_ptr_array_new ();
  for (guint i = 0; i < meanings->len; i += 2)
    g_ptr_array_add (partners, g_ptr_array_index (meanings, i));

  return partners;
}

/* A partner's meaning is an object of its own, as far as merging goes:
 * given on one side only, it is kept; taken out on one side and changed
 * on the other, it stays, as changed. */
static GPtrArray *
merge_meanings (Merge  *m,
                Entry  *entry)
{
  g_autoptr(GPtrArray) ours = get_meanings (RG_TERM (entry->o));
  g_autoptr(GPtrArray) theirs = get_meanings (RG_TERM (entry->t));
  g_autoptr(GPtrArray) base = entry->b != NULL ? get_meanings (RG_TERM (entry->b)) : NULL;
  g_autoptr(GPtrArray) o_partners = meaning_partners (ours);
  g_autoptr(GPtrArray) t_partners = meaning_partners (theirs);
  g_autoptr(GPtrArray) b_partners = meaning_partners (base);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GHashTable) merged = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = NULL;
  GPtrArray *result;

  g_ptr_array_extend (all, o_partners, NULL, NULL);
  for (guint i = 0; i < t_partners->len; i++)
    if (find_meaning (ours, g_ptr_array_index (t_partners, i)) == NULL)
      g_ptr_array_add (all, g_ptr_array_index (t_partners, i));

  for (guint i = 0; i < all->len; i++)
    {
      const char *partner_id = g_ptr_array_index (all, i);
      const char *o = find_meaning (ours, partner_id);
      const char *t = find_meaning (theirs, partner_id);
      const char *b = find_meaning (base, partner_id);
      const char *value;

      if (g_strcmp0 (o, t) == 0 || t == NULL)
        value = o;
      else if (o == NULL)
        value = t;
      else if (b != NULL && g_str_equal (o, b))
        value = t;
      else if (b != NULL && g_str_equal (t, b))
        value = o;
      else
        {
          record_conflict (m, RG_OBJECT_KIND_TERM, entry->o, meaning_field.name, partner_id, t);
          value = o;
        }

      /* Taken out on one side, left as it was on the other */
      if (b != NULL && ((o == NULL && g_str_equal (t, b)) || (t == NULL && g_str_equal (o, b))))
        value = NULL;

      if (value != NULL)
        g_hash_table_insert (merged, (gpointer) partner_id, (gpointer) value);
    }

  order = merge_order (o_partners, b_partners, t_partners, merged);
  result = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < order->len; i++)
    {
      const char *partner_id = g_ptr_array_index (order, i);

      g_ptr_array_add (result, g_strdup (partner_id));
      g_ptr_array_add (result, g_strdup (g_hash_table_lookup (merged, partner_id)));
    }

  return result;
}

/* How many of the fields of @object, of @session, differ from those of
 * @other, of @other_session (a statement's times aside, which follow its
 * text); each partner's meaning of a word counts as a field. With
 * @stop_at_one, counts to one at most. */
static guint
count_field_differences (RgObjectKind  kind,
                         RgSession    *session,
                         GObject      *object,
                         RgSession    *other_session,
                         GObject      *other,
                         gboolean      stop_at_one)
{
  const FieldTable *table = &field_tables[kind];
  guint count = 0;

  for (guint i = 0; i < table->n_fields && !(stop_at_one && count > 0); i++)
    {
      const Field *field = &table->fields[i];
      g_autofree char *value = NULL;
      g_autofree char *other_value = NULL;

      if (field->type == VALUE_TIME)
        continue;

      value = field_get (field, session, object);
      other_value = field_get (field, other_session, other);
      if (!g_str_equal (value, other_value))
        count++;
    }

  if (kind == RG_OBJECT_KIND_TERM && !(stop_at_one && count > 0))
    {
      g_autoptr(GPtrArray) meanings = get_meanings (RG_TERM (object));
      g_autoptr(GPtrArray) others = get_meanings (RG_TERM (other));

      for (guint i = 0; i < meanings->len; i += 2)
        if (g_strcmp0 (g_ptr_array_index (meanings, i + 1),
                       find_meaning (others, g_ptr_array_index (meanings, i))) != 0)
          count++;
      for (guint i = 0; i < others->len; i += 2)
        if (find_meaning (meanings, g_ptr_array_index (others, i)) == NULL)
          count++;
    }

  return count;
}

/* Whether @object, of @session, differs from its base version @b */
static gboolean
is_edited (Merge        *m,
           RgObjectKind  kind,
           RgSession    *session,
           GObject      *object,
           GObject      *b)
{
  return count_field_differences (kind, session, object, m->base, b, TRUE) > 0;
}

/* The values an object keeps: merged when both sides hold it, else
 * those of the side that does */
static void
compute_values (Merge *m,
                Entry *entry)
{
  const FieldTable *table = &field_tables[entry->kind];
  RgSession *side = entry->o != NULL ? m->ours : m->theirs;
  GObject *object = entry->o != NULL ? entry->o : entry->t;

  entry->values = g_new0 (char *, table->n_fields + 1);
  for (guint i = 0; i < table->n_fields; i++)
    {
      if (entry->o != NULL && entry->t != NULL)
        entry->values[i] = merge_field (m, entry->kind, entry->o, entry->b, entry->t, &table->fields[i]);
      else
        entry->values[i] = field_get (&table->fields[i], side, object);
    }

  if (entry->kind != RG_OBJECT_KIND_TERM)
    return;

  if (entry->o != NULL && entry->t != NULL)
    entry->meanings = merge_meanings (m, entry);
  else
    entry->meanings = get_meanings (RG_TERM (object));
}

static void
plan_add (Plan         *plan,
          RgObjectKind  kind,
          Merge        *m,
          GObject      *object,
          gboolean      is_ours)
{
  const char *id = object_get_id (kind, object);
  Entry *entry;

  if (g_hash_table_contains (plan->by_id, id))
    return;

  entry = g_new0 (Entry, 1);
  entry->kind = kind;
  entry->id = id;
  entry->o = is_ours ? g_object_ref (object) : NULL;
  entry->t = is_ours ? ref_or_null (find_object (m->theirs, kind, id)) : g_object_ref (object);
  entry->b = m->base != NULL ? ref_or_null (find_object (m->base, kind, id)) : NULL;

  /* Deleted on one side, it goes unless the other side edited it */
  if (entry->o != NULL && entry->t != NULL)
    entry->keep = TRUE;
  else if (entry->b == NULL)
    entry->keep = TRUE;
  else if (entry->o != NULL)
    entry->keep = is_edited (m, kind, m->ours, entry->o, entry->b);
  else
    entry->keep = is_edited (m, kind, m->theirs, entry->t, entry->b);

  g_hash_table_insert (plan->by_id, (gpointer) id, entry);
  g_ptr_array_add (plan->entries, entry);
}

static void
plan_build (Merge        *m,
            RgObjectKind  kind)
{
  Plan *plan = &m->plans[kind];
  g_autoptr(GPtrArray) ours = list_objects (m->ours, kind);
  g_autoptr(GPtrArray) theirs = list_objects (m->theirs, kind);

  plan->entries = g_ptr_array_new_with_free_func (entry_free);
  plan->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ours->len; i++)
    plan_add (plan, kind, m, g_ptr_array_index (ours, i), TRUE);
  for (guint i = 0; i < theirs->len; i++)
    plan_add (plan, kind, m, g_ptr_array_index (theirs, i), FALSE);

  for (guint i = 0; i < plan->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (plan->entries, i);

      if (entry->keep)
        compute_values (m, entry);
    }
}

/* Keeps the object @id of @kind, if the merge was to delete it */
static void
keep_referenced (Merge        *m,
                 RgObjectKind  kind,
                 const char   *id,
                 GQueue       *queue)
{
  Entry *entry = g_hash_table_lookup (m->plans[kind].by_id, id);

  if (entry == NULL || entry->keep)
    return;

  entry->keep = TRUE;
  compute_values (m, entry);
  g_queue_push_tail (queue, entry);
}

static void
keep_value (Merge       *m,
            const Field *field,
            const char  *value,
            GQueue      *queue)
{
  g_auto(GStrv) ids = NULL;

  if (!is_reference (field))
    return;

  ids = split_lines (value);
  for (guint i = 0; ids[i] != NULL; i++)
    keep_referenced (m, field->refers_to, ids[i], queue);
}

static void
keep_values (Merge        *m,
             RgObjectKind  kind,
             char        **values,
             GQueue       *queue)
{
  const FieldTable *table = &field_tables[kind];

  for (guint i = 0; i < table->n_fields; i++)
    keep_value (m, &table->fields[i], values[i], queue);
}

/* A deletion never leaves a reference dangling: what the merged session
 * names, or a conflict names as theirs' value, stays, and so does what
 * that names in turn. */
static void
keep_what_is_named (Merge *m)
{
  g_autoptr(GQueue) queue = g_queue_new ();
  Entry *entry;

  keep_values (m, RG_OBJECT_KIND_SESSION, m->session_values, queue);

  for (guint i = 0; i < m->conflicts->len; i++)
    {
      RgConflict *conflict = g_ptr_array_index (m->conflicts, i);
      const Field *field = find_field (rg_conflict_get_object_kind (conflict),
                                       rg_conflict_get_field (conflict));

      /* A meaning names its partner; its value is only text */
      if (field->type == VALUE_MEANING)
        keep_referenced (m, RG_OBJECT_KIND_PARTNER, rg_conflict_get_partner_id (conflict), queue);
      else
        keep_value (m, field, rg_conflict_get_theirs (conflict), queue);
    }

  for (guint k = 0; k < N_KINDS; k++)
    {
      Plan *plan = &m->plans[k];

      for (guint i = 0; plan->entries != NULL && i < plan->entries->len; i++)
        {
          entry = g_ptr_array_index (plan->entries, i);
          if (entry->keep)
            g_queue_push_tail (queue, entry);
        }
    }

  while ((entry = g_queue_pop_head (queue)) != NULL)
    {
      keep_values (m, entry->kind, entry->values, queue);

      for (guint i = 0; entry->meanings != NULL && i < entry->meanings->len; i += 2)
        keep_referenced (m, RG_OBJECT_KIND_PARTNER, g_ptr_array_index (entry->meanings, i), queue);
    }
}

static GHashTable *
kept_ids (Plan       *plan,
          const char *category_id)
{
  GHashTable *kept = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < plan->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (plan->entries, i);

      /* A criterion's first value is its category */
      if (entry->keep && (category_id == NULL || g_str_equal (entry->values[0], category_id)))
        g_hash_table_add (kept, (gpointer) entry->id);
    }

  return kept;
}

static GListModel *
criteria_of (RgSession  *session,
             const char *category_id)
{
  RgCategory *category;

  if (session == NULL)
    return NULL;

  category = rg_session_find_category (session, category_id);

  return category != NULL ? rg_category_get_criteria (category) : NULL;
}

static void
plan_order (Merge        *m,
            RgObjectKind  kind)
{
  Plan *plan = &m->plans[kind];

  if (kind == RG_OBJECT_KIND_CRITERION)
    {
      Plan *categories = &m->plans[RG_OBJECT_KIND_CATEGORY];

      plan->orders = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < categories->entries->len; i++)
        {
          Entry *category = g_ptr_array_index (categories->entries, i);
          g_autoptr(GHashTable) kept = NULL;
          g_autoptr(GPtrArray) ours = NULL;
          g_autoptr(GPtrArray) base = NULL;
          g_autoptr(GPtrArray) theirs = NULL;
          g_autoptr(GPtrArray) empty = g_ptr_array_new ();

          if (!category->keep)
            continue;

          kept = kept_ids (plan, category->id);
          ours = list_ids (criteria_of (m->ours, category->id), kind);
          base = list_ids (criteria_of (m->base, category->id), kind);
          theirs = list_ids (criteria_of (m->theirs, category->id), kind);
          /* A category new on one side has an empty list on the other */
          g_hash_table_insert (plan->orders, (gpointer) category->id,
                               merge_order (ours != NULL ? ours : empty,
                                            m->base != NULL ? (base != NULL ? base : empty) : NULL,
                                            theirs != NULL ? theirs : empty,
                                            kept));
        }
    }
  else
    {
      g_autoptr(GHashTable) kept = kept_ids (plan, NULL);
      g_autoptr(GPtrArray) ours = list_ids (get_list (m->ours, kind), kind);
      g_autoptr(GPtrArray) base = m->base != NULL ? list_ids (get_list (m->base, kind), kind) : NULL;
      g_autoptr(GPtrArray) theirs = list_ids (get_list (m->theirs, kind), kind);

      plan->order = merge_order (ours, base, theirs, kept);
    }
}

/* }}} */
/* {{{ Applying the merge to ours */

static GObject *
new_object (Entry *entry)
{
  switch (entry->kind)
    {
    case RG_OBJECT_KIND_PARTNER:   return g_object_new (RG_TYPE_PARTNER, "id", entry->id, NULL);
    case RG_OBJECT_KIND_DIMENSION: return g_object_new (RG_TYPE_DIMENSION, "id", entry->id, NULL);
    case RG_OBJECT_KIND_STATEMENT: return g_object_new (RG_TYPE_STATEMENT, "id", entry->id, NULL);
    case RG_OBJECT_KIND_LINK:      return g_object_new (RG_TYPE_LINK, "id", entry->id, NULL);
    case RG_OBJECT_KIND_TERM:      return g_object_new (RG_TYPE_TERM, "id", entry->id, NULL);
    case RG_OBJECT_KIND_CATEGORY:  return g_object_new (RG_TYPE_CATEGORY, "id", entry->id, NULL);
    case RG_OBJECT_KIND_CRITERION: return g_object_new (RG_TYPE_CRITERION, "id", entry->id, NULL);
    case RG_OBJECT_KIND_ACTION:    return g_object_new (RG_TYPE_ACTION, "id", entry->id, NULL);
    case RG_OBJECT_KIND_CONSENT:   return g_object_new (RG_TYPE_CONSENT, "id", entry->id, NULL);

    case RG_OBJECT_KIND_REVIEW_ITEM:
      {
        RgReviewItem *from = RG_REVIEW_ITEM (entry->t);
        RgReviewItem *item = g_object_new (RG_TYPE_REVIEW_ITEM,
                                           "id", entry->id,
                                           "link-type", rg_review_item_get_link_type (from),
                                           NULL);

        for (guint i = 0; i < rg_review_item_get_n_quotes (from); i++)
          {
            const char *author;
            const char *dimension;
            const char *text = rg_review_item_get_quote (from, i, &author, &dimension);

            rg_review_item_add_quote (item, author, dimension, text);
          }

        return G_OBJECT (item);
      }

    case RG_OBJECT_KIND_SESSION:
    default:
      g_assert_not_reached ();
    }
}

/* Sets the fields of @object that differ from @values. A statement that
 * changes cell is moved away and back, so that every list filtering
 * statements by cell looks at it again, as the editor does. */
static gboolean
set_values (Merge        *m,
            RgObjectKind  kind,
            GObject      *object,
            char        **values)
{
  const FieldTable *table = &field_tables[kind];
  gboolean changed = FALSE;
  gboolean new_cell = FALSE;

  for (guint i = 0; i < table->n_fields; i++)
    {
      const Field *field = &table->fields[i];
      g_autofree char *current = NULL;

      /* Criteria change category in their own step, see apply_kind () */
      if (field->type == VALUE_CATEGORY)
        continue;

      current = field_get (field, m->ours, object);
      if (g_str_equal (current, values[i]))
        continue;

      if (!field_accepts (field, m->ours, values[i]))
        {
          g_warning ("Cannot set %s of a merged object to “%s”", field->name, values[i]);
          continue;
        }

      field_set (field, m->ours, object, values[i]);
      changed = TRUE;
      new_cell |= field->type == VALUE_REFERENCE && kind == RG_OBJECT_KIND_STATEMENT;
    }

  if (new_cell)
    {
      GListModel *statements = rg_session_get_statements (m->ours);
      guint position = rg_list_model_find (statements, object);
      guint n = g_list_model_get_n_items (statements);

      if (position != G_MAXUINT && n > 1)
        {
          rg_session_move_statement (m->ours, RG_STATEMENT (object), position == 0 ? n - 1 : 0);
          rg_session_move_statement (m->ours, RG_STATEMENT (object), position);
        }
    }

  return changed;
}

static void
apply_kind (Merge        *m,
            RgObjectKind  kind)
{
  Plan *plan = &m->plans[kind];

  for (guint i = 0; i < plan->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (plan->entries, i);
      g_autoptr(GObject) created = NULL;
      GObject *object = entry->o;
      gboolean changed;

      if (!entry->keep)
        continue;

      if (object == NULL)
        object = created = new_object (entry);

      changed = set_values (m, kind, object, entry->values);
      if (entry->meanings != NULL)
        changed |= set_meanings (RG_TERM (object), entry->meanings);

      if (kind == RG_OBJECT_KIND_CRITERION)
        {
          RgCategory *category = rg_session_find_category (m->ours, entry->values[0]);
          GPtrArray *order = g_hash_table_lookup (plan->orders, entry->values[0]);
          ListOps ops = category_list_ops (category);

          if (created != NULL || find_holder (m->ours, RG_CRITERION (object)) != category)
            {
              move_criterion (m->ours, RG_CRITERION (object), category,
                              insert_position (&ops, kind, order, entry->id));
              changed = TRUE;
            }
        }
      else if (created != NULL)
        {
          ListOps ops = session_list_ops (m->ours, kind);

          ops.insert (m->ours, created, insert_position (&ops, kind, plan->order, entry->id));
        }

      if (created != NULL)
        m->stats.added++;
      else if (changed)
        m->stats.updated++;
    }
}

static void
remove_kind (Merge        *m,
             RgObjectKind  kind)
{
  Plan *plan = &m->plans[kind];

  for (guint i = 0; i < plan->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (plan->entries, i);
      gboolean removed;

      if (entry->keep || entry->o == NULL)
        continue;

      if (kind == RG_OBJECT_KIND_CRITERION)
        {
          RgCategory *category = find_holder (m->ours, RG_CRITERION (entry->o));

          removed = category != NULL && rg_category_remove_criterion (category, RG_CRITERION (entry->o));
        }
      else
        {
          ListOps ops = session_list_ops (m->ours, kind);

          removed = ops.remove (m->ours, entry->o);
        }

      if (removed)
        m->stats.removed++;
    }
}

static void
order_kind (Merge        *m,
            RgObjectKind  kind)
{
  Plan *plan = &m->plans[kind];

  if (kind == RG_OBJECT_KIND_CRITERION)
    {
      GHashTableIter iter;
      gpointer key;
      gpointer value;

      g_hash_table_iter_init (&iter, plan->orders);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          ListOps ops = category_list_ops (rg_session_find_category (m->ours, key));

          apply_order (&ops, kind, value);
        }
    }
  else
    {
      ListOps ops = session_list_ops (m->ours, kind);

      apply_order (&ops, kind, plan->order);
    }
}

static void
apply_session (Merge *m)
{
  if (set_values (m, RG_OBJECT_KIND_SESSION, G_OBJECT (m->ours), m->session_values))
    m->stats.updated++;
}

static RgConflict *
copy_conflict (RgConflict *conflict)
{
  return g_object_new (RG_TYPE_CONFLICT,
                       "id", rg_conflict_get_id (conflict),
                       "object-kind", rg_conflict_get_object_kind (conflict),
                       "object-id", rg_conflict_get_object_id (conflict),
                       "field", rg_conflict_get_field (conflict),
                       "partner-id", rg_conflict_get_partner_id (conflict),
                       "theirs", rg_conflict_get_theirs (conflict),
                       "description", rg_conflict_get_description (conflict),
                       "recorded", rg_conflict_get_recorded (conflict),
                       NULL);
}

static GPtrArray *
conflict_ids (RgSession *session)
{
  GListModel *model;
  GPtrArray *ids;

  if (session == NULL)
    return NULL;

  model = rg_session_get_conflicts (session);
  ids = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgConflict) conflict = g_list_model_get_item (model, i);

      g_ptr_array_add (ids, (gpointer) rg_conflict_get_id (conflict));
    }

  return ids;
}

/* The conflicts earlier merges recorded are objects of the session too:
 * one settled on one side (deleted) goes; one recorded on one side is
 * kept. Those of this merge come after them. */
static void
apply_conflicts (Merge *m)
{
  g_autoptr(GPtrArray) ours = conflict_ids (m->ours);
  g_autoptr(GPtrArray) base = conflict_ids (m->base);
  g_autoptr(GPtrArray) theirs = conflict_ids (m->theirs);
  g_autoptr(GHashTable) in_ours = id_set (ours);
  g_autoptr(GHashTable) in_base = id_set (base);
  g_autoptr(GHashTable) in_theirs = id_set (theirs);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_object_unref);
  ListOps ops = conflict_list_ops (m->ours);

  for (guint i = 0; i < ours->len; i++)
    {
      const char *id = g_ptr_array_index (ours, i);

      if (contains (in_theirs, id) || m->base == NULL || !contains (in_base, id))
        g_hash_table_add (kept, (gpointer) id);
      else
        g_ptr_array_add (dropped, g_object_ref (rg_session_find_conflict (m->ours, id)));
    }
  for (guint i = 0; i < theirs->len; i++)
    {
      const char *id = g_ptr_array_index (theirs, i);

      if (contains (in_ours, id) || m->base == NULL || !contains (in_base, id))
        g_hash_table_add (kept, (gpointer) id);
    }

  order = merge_order (ours, base, theirs, kept);

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      g_autoptr(RgConflict) copy = NULL;

      if (contains (in_ours, id))
        continue;

      copy = copy_conflict (rg_session_find_conflict (m->theirs, id));
      ops.insert (m->ours, copy, insert_position (&ops, KIND_CONFLICT, order, id));
    }

  for (guint i = 0; i < dropped->len; i++)
    ops.remove (m->ours, g_ptr_array_index (dropped, i));

  apply_order (&ops, KIND_CONFLICT, order);

  for (guint i = 0; i < m->conflicts->len; i++)
    {
      RgConflict *conflict = g_ptr_array_index (m->conflicts, i);

      if (rg_session_find_conflict (m->ours, rg_conflict_get_id (conflict)) != NULL)
        continue;

      rg_session_add_conflict (m->ours, conflict);
      m->stats.conflicts++;
    }
}

/* }}} */

/**
 * rg_session_merge_at:
 * @ours: the session to merge into, changed in place
 * @base: (nullable): the version both started from, or %NULL if unknown
 * @theirs: the other version
 * @now: (nullable): the time to record conflicts at; %NULL for now
 * @stats: (out caller-allocates) (optional): what changed in @ours
 * @error: a location for a #GError
 *
 * As rg_session_merge (), recording conflicts at @now: merging the same
 * sessions at the same time gives the same result, to the byte.
 *
 * Returns: %TRUE if @ours is merged, %FALSE if the sessions are not
 *   versions of one session (@ours is then unchanged)
 */
gboolean
rg_session_merge_at (RgSession     *ours,
                     RgSession     *base,
                     RgSession     *theirs,
                     GDateTime     *now,
                     RgMergeStats  *stats,
                     GError       **error)
{
  g_autoptr(GDateTime) time = NULL;
  const FieldTable *table = &field_tables[RG_OBJECT_KIND_SESSION];
  Merge m = { 0 };

  g_return_val_if_fail (RG_IS_SESSION (ours), FALSE);
  g_return_val_if_fail (base == NULL || RG_IS_SESSION (base), FALSE);
  g_return_val_if_fail (RG_IS_SESSION (theirs), FALSE);
  g_return_val_if_fail (ours != theirs && ours != base, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stats != NULL)
    memset (stats, 0, sizeof *stats);

  if (!g_str_equal (rg_session_get_id (ours), rg_session_get_id (theirs))
      || (base != NULL && !g_str_equal (rg_session_get_id (ours), rg_session_get_id (base))))
    {
      g_set_error_literal (error, RG_MERGE_ERROR, RG_MERGE_ERROR_OTHER_SESSION,
                           _("These files are not versions of the same session: Regards cannot merge them."));
      return FALSE;
    }

  time = now != NULL ? _rg_time_normalize (now) : _rg_time_new_now ();
  m.ours = ours;
  m.base = base;
  m.theirs = theirs;
  m.now = time;
  m.conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  m.conflict_ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* Compute everything first, from sessions no step has changed yet */
  m.session_values = g_new0 (char *, table->n_fields + 1);
  for (guint i = 0; i < table->n_fields; i++)
    m.session_values[i] = merge_field (&m, RG_OBJECT_KIND_SESSION, G_OBJECT (ours),
                                       base != NULL ? G_OBJECT (base) : NULL, G_OBJECT (theirs),
                                       &table->fields[i]);

  for (guint i = 0; i < G_N_ELEMENTS (kinds_in_order); i++)
    plan_build (&m, kinds_in_order[i]);

  keep_what_is_named (&m);

  for (guint i = 0; i < G_N_ELEMENTS (kinds_in_order); i++)
    plan_order (&m, kinds_in_order[i]);

  /* Then change ours: what others refer to comes first and goes last */
  for (guint i = 0; i < G_N_ELEMENTS (kinds_in_order); i++)
    apply_kind (&m, kinds_in_order[i]);

  apply_session (&m);

  for (guint i = G_N_ELEMENTS (kinds_in_order); i > 0; i--)
    remove_kind (&m, kinds_in_order[i - 1]);

  for (guint i = 0; i < G_N_ELEMENTS (kinds_in_order); i++)
    order_kind (&m, kinds_in_order[i]);

  apply_conflicts (&m);

  if (stats != NULL)
    *stats = m.stats;

  merge_clear (&m);

  return TRUE;
}

/**
 * rg_session_merge:
 * @ours: the session to merge into, changed in place
 * @base: (nullable): the version both started from, or %NULL if unknown
 * @theirs: the other version
 * @stats: (out caller-allocates) (optional): what changed in @ours
 * @error: a location for a #GError
 *
 * Merges @theirs into @ours, three ways, by the ids of their objects,
 * through the setters, insertions, moves and removals of the model, so
 * that whatever observes @ours follows. @base and @theirs are only read.
 *
 * Object by object (the session's own fields, partners, dimensions,
 * statements, links, glossary words and each partner's meaning of them,
 * categories, criteria, actions, consents, items to review):
 *
 * - added on either side, it is kept; an object of theirs goes after
 *   the one before it in theirs, or first when none is left;
 * - deleted on one side, it goes, unless the other side edited it since
 *   @base, which keeps it as edited;
 * - a field changed on one side only takes that value; changed on both
 *   sides to different values, it keeps ours and @ours records a
 *   #RgConflict holding theirs (see rg_session_get_conflicts ()); the
 *   same change on both sides is no conflict. A link's statements and a
 *   criterion's proposers are merged one by one; a statement's times
 *   are never in conflict (the earlier creation, the later change);
 * - an object the merged session still refers to is never deleted, nor
 *   one a conflict holds as theirs' value: a link keeps its statements,
 *   a statement its partner and dimension, a criterion its category.
 *
 * Without @base, objects are matched by id all the same: those of
 * either side are kept, none is deleted, and every field that differs
 * is a conflict.
 *
 * When @ours equals @base, @ours becomes @theirs exactly: the same
 * objects, values and order, and so the same bytes once written.
 *
 * Returns: %TRUE if @ours is merged, %FALSE if the sessions are not
 *   versions of one session (@ours is then unchanged)
 */
gboolean
rg_session_merge (RgSession     *ours,
                  RgSession     *base,
                  RgSession     *theirs,
                  RgMergeStats  *stats,
                  GError       **error)
{
  return rg_session_merge_at (ours, base, theirs, NULL, stats, error);
}

/**
 * rg_session_count_differences:
 * @a: a session
 * @b: another version of it
 *
 * How far apart two versions of a session are: the objects one holds and
 * the other does not, the fields that differ in objects both hold (each
 * partner's meaning of a word counting as a field), the conflicts one
 * lists and the other does not. Order and a statement's times are left
 * out.
 *
 * A merge is only as good as its base: a file on disk may come from the
 * version last read as well as from one written since, when a sync
 * engine let another machine's save win over ours. Of the versions it
 * may come from, the nearest is the one it started from.
 *
 * Returns: the number of differences; 0 when @a and @b hold the same
 */
guint
rg_session_count_differences (RgSession *a,
                              RgSession *b)
{
  guint count = 0;

  g_return_val_if_fail (RG_IS_SESSION (a), 0);
  g_return_val_if_fail (RG_IS_SESSION (b), 0);

  count += count_field_differences (RG_OBJECT_KIND_SESSION, a, G_OBJECT (a), b, G_OBJECT (b), FALSE);

  for (guint k = 0; k < G_N_ELEMENTS (kinds_in_order); k++)
    {
      RgObjectKind kind = kinds_in_order[k];
      g_autoptr(GPtrArray) objects = list_objects (a, kind);
      g_autoptr(GPtrArray) others = list_objects (b, kind);

      for (guint i = 0; i < objects->len; i++)
        {
          GObject *object = g_ptr_array_index (objects, i);
          GObject *other = find_object (b, kind, object_get_id (kind, object));

          if (other == NULL)
            count++;
          else
            count += count_field_differences (kind, a, object, b, other, FALSE);
        }

      for (guint i = 0; i < others->len; i++)
        if (find_object (a, kind, object_get_id (kind, g_ptr_array_index (others, i))) == NULL)
          count++;
    }

  {
    g_autoptr(GPtrArray) conflicts = conflict_ids (a);
    g_autoptr(GPtrArray) others = conflict_ids (b);
    g_autoptr(GHashTable) in_a = id_set (conflicts);
    g_autoptr(GHashTable) in_b = id_set (others);

    for (guint i = 0; i < conflicts->len; i++)
      count += !contains (in_b, g_ptr_array_index (conflicts, i));
    for (guint i = 0; i < others->len; i++)
      count += !contains (in_a, g_ptr_array_index (others, i));
  }

  return count;
}

/**
 * rg_merge_get_field_label:
 * @kind: the kind of an object
 * @field: a field of it, as a #RgConflict names it
 *
 * Returns: (transfer none): the translated name of the field, or @field
 *   itself if Regards does not know it
 */
const char *
rg_merge_get_field_label (RgObjectKind  kind,
                          const char   *field)
{
  const Field *found;

  g_return_val_if_fail (field != NULL, NULL);

  found = find_field (kind, field);
  if (found == NULL || found->label == NULL)
    return field;

  return _(found->label);
}

/**
 * rg_merge_dup_ours:
 * @session: a session
 * @conflict: a conflict of @session
 *
 * The value the field of @conflict has in @session, as text, as the
 * conflict holds theirs: what the coordinator compares it with.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL if the
 *   object is no longer in @session
 */
char *
rg_merge_dup_ours (RgSession  *session,
                   RgConflict *conflict)
{
  RgObjectKind kind;
  const Field *field;
  gpointer object;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (RG_IS_CONFLICT (conflict), NULL);

  kind = rg_conflict_get_object_kind (conflict);
  field = find_field (kind, rg_conflict_get_field (conflict));
  object = find_object (session, kind, rg_conflict_get_object_id (conflict));
  if (field == NULL || object == NULL)
    return NULL;

  if (field->type == VALUE_MEANING)
    {
      const char *partner_id = rg_conflict_get_partner_id (conflict);
      const char *meaning = partner_id != NULL ? rg_term_get_meaning (object, partner_id) : NULL;

      return g_strdup (meaning != NULL ? meaning : "");
    }

  return field_get (field, session, object);
}

/**
 * rg_merge_can_set_field:
 * @session: a session
 * @conflict: a conflict of @session
 * @value: (nullable): a value of its field, as text, as
 *   rg_conflict_get_theirs () and rg_merge_dup_ours () give it
 *
 * Whether rg_merge_set_field () may give the field of @conflict @value:
 * what settling a conflict checks before it changes anything.
 *
 * Returns: %TRUE if the object of @conflict is in @session and its
 *   field can take @value (whatever @value names is in @session);
 *   %FALSE for a %NULL @value
 */
gboolean
rg_merge_can_set_field (RgSession  *session,
                        RgConflict *conflict,
                        const char *value)
{
  RgObjectKind kind;
  const Field *field;

  g_return_val_if_fail (RG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (RG_IS_CONFLICT (conflict), FALSE);

  kind = rg_conflict_get_object_kind (conflict);
  field = find_field (kind, rg_conflict_get_field (conflict));
  if (field == NULL || value == NULL
      || find_object (session, kind, rg_conflict_get_object_id (conflict)) == NULL)
    return FALSE;

  if (field->type == VALUE_MEANING)
    {
      const char *partner_id = rg_conflict_get_partner_id (conflict);

      return partner_id != NULL && field_accepts (field, session, partner_id);
    }

  return field_accepts (field, session, value);
}

/**
 * rg_merge_set_field:
 * @session: a session
 * @conflict: a conflict of @session
 * @value: a value rg_merge_can_set_field () accepts
 *
 * Sets the field of @conflict to @value, through the model's setter. A
 * criterion put in another category goes last in it. Not undoable: see
 * rg_session_editor_resolve_conflict () for that.
 */
void
rg_merge_set_field (RgSession  *session,
                    RgConflict *conflict,
                    const char *value)
{
  RgObjectKind kind;
  const Field *field;
  gpointer object;
  g_autofree char *current = NULL;

  g_return_if_fail (rg_merge_can_set_field (session, conflict, value));

  kind = rg_conflict_get_object_kind (conflict);
  field = find_field (kind, rg_conflict_get_field (conflict));
  object = find_object (session, kind, rg_conflict_get_object_id (conflict));

  if (field->type == VALUE_MEANING)
    {
      rg_term_set_meaning (object, rg_conflict_get_partner_id (conflict), value);
      return;
    }

  current = field_get (field, session, object);
  if (!g_str_equal (current, value))
    field_set (field, session, object, value);
}
