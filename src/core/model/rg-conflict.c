/* rg-conflict.c — a field two copies of a session changed differently
 *
 * When a session file changed on disk while the window had edits of its
 * own, the two are merged (see rg-merge.c). A field both sides changed,
 * each to its own value, keeps ours, and the session records a conflict
 * holding theirs, so that nothing typed on either machine is lost and
 * the team chooses. A conflict is written in the session file, so that
 * the other machine sees it too.
 *
 * A conflict is a record: nothing in it changes once it is made. It
 * names its object by id, but the object may have been deleted since;
 * the description says what it was, in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-conflict"

#include "config.h"

#include <string.h>

#include "rg-conflict.h"
#include "rg-enums.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgConflict, name)

struct _RgConflict
{
  GObject       parent_instance;

  char         *id;
  char         *object_id;
  char         *field;
  char         *partner_id;
  char         *theirs;
  char         *description;
  GDateTime    *recorded;
  RgObjectKind  object_kind;
};

G_DEFINE_FINAL_TYPE (RgConflict, rg_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OBJECT_KIND,
  PROP_OBJECT_ID,
  PROP_FIELD,
  PROP_PARTNER_ID,
  PROP_THEIRS,
  PROP_DESCRIPTION,
  PROP_RECORDED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const RgProperty property_table [N_PROPS] = {
  /**
   * RgConflict:id:
   *
   * The conflict's own UUID; when none is given, one made from what
   * the conflict is about and theirs' value.
   */
  [PROP_ID]          = { "id", RG_PROPERTY_ID, FIELD (id) },
  /**
   * RgConflict:object-kind:
   *
   * What kind of object the field is of.
   */
  [PROP_OBJECT_KIND] = { "object-kind", RG_PROPERTY_ENUM, FIELD (object_kind), NULL,
                         rg_object_kind_get_type, RG_OBJECT_KIND_SESSION },
  /**
   * RgConflict:object-id:
   *
   * The id of the object (of the session itself for its own fields).
   */
  [PROP_OBJECT_ID]   = { "object-id", RG_PROPERTY_ID, FIELD (object_id) },
  /**
   * RgConflict:field:
   *
   * The field both sides changed: the name of the object's property
   * (`text`, `name`, `members`…), or `meaning` for a partner's meaning
   * of a glossary word, or `category` for the category a criterion is
   * in. See rg_merge_get_field_label ().
   */
  [PROP_FIELD]       = { "field", RG_PROPERTY_TEXT, FIELD (field), .text = "" },
  /**
   * RgConflict:partner-id:
   *
   * For a field held per partner (the meanings of a glossary word), the
   * partner whose it is; %NULL otherwise.
   */
  [PROP_PARTNER_ID]  = { "partner-id", RG_PROPERTY_TEXT, FIELD (partner_id) },
  /**
   * RgConflict:theirs:
   *
   * The value of the other side, as text: see rg-merge.c for how each
   * field is written. "" for a field the other side emptied.
   */
  [PROP_THEIRS]      = { "theirs", RG_PROPERTY_TEXT, FIELD (theirs), .text = "" },
  /**
   * RgConflict:description:
   *
   * The object in words, for the coordinator: a partner's name, the
   * start of a statement…
   */
  [PROP_DESCRIPTION] = { "description", RG_PROPERTY_TEXT, FIELD (description), .text = "" },
  /**
   * RgConflict:recorded:
   *
   * When the merge recorded the conflict, in UTC, to the second.
   */
  [PROP_RECORDED]    = { "recorded", RG_PROPERTY_TIME, FIELD (recorded) },
};

/* The same conflict — the same field of the same object, the same value
 * of theirs — gets the same id, whenever and wherever it is recorded:
 * merging the same files twice gives the same session, and a conflict
 * recorded again is not recorded twice. A name-based UUID (version 5,
 * from SHA-1, as RFC 4122 makes them). */
static char *
make_id (RgConflict *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  const char *parts[] = {
    rg_object_kind_to_string (self->object_kind), self->object_id, self->field,
    self->partner_id != NULL ? self->partner_id : "", self->theirs,
  };
  guint8 digest[20];
  gsize length = sizeof digest;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    /* The NUL too, so that no two lists of parts run together alike */
    g_checksum_update (checksum, (const guchar *) parts[i], strlen (parts[i]) + 1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static void
rg_conflict_constructed (GObject *object)
{
  RgConflict *self = (RgConflict *)object;

  G_OBJECT_CLASS (rg_conflict_parent_class)->constructed (object);

  if (self->object_id == NULL)
    self->object_id = g_uuid_string_random ();
  if (self->recorded == NULL)
    self->recorded = _rg_time_new_now ();
  if (self->id == NULL)
    self->id = make_id (self);
}

/* Every property is set once, at construction, each in its own way */
static void
rg_conflict_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RgConflict *self = RG_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_ID:
      /* Left %NULL when not given: constructed () makes it from the rest */
      if (g_value_get_string (value) != NULL)
        self->id = _rg_id_or_new (g_value_get_string (value));
      break;

    case PROP_OBJECT_KIND:
      self->object_kind = g_value_get_enum (value);
      break;

    case PROP_OBJECT_ID:
      if (g_value_get_string (value) != NULL)
        self->object_id = _rg_id_or_new (g_value_get_string (value));
      break;

    case PROP_FIELD:
      _rg_set_text (&self->field, g_value_get_string (value), FALSE);
      break;

    case PROP_PARTNER_ID:
      _rg_set_text (&self->partner_id, g_value_get_string (value), TRUE);
      break;

    case PROP_THEIRS:
      _rg_set_text (&self->theirs, g_value_get_string (value), FALSE);
      break;

    case PROP_DESCRIPTION:
      _rg_set_text (&self->description, g_value_get_string (value), FALSE);
      break;

    case PROP_RECORDED:
      if (g_value_get_boxed (value) != NULL)
        self->recorded = _rg_time_normalize (g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_conflict_class_init (RgConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rg_conflict_constructed;
  object_class->finalize = _rg_properties_finalize;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);
  object_class->set_property = rg_conflict_set_property;
}

static void
rg_conflict_init (RgConflict *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
}

/* What the file takes as a field: words of lower-case letters joined by
 * hyphens, as property names are */
static gboolean
is_field_name (const char *field)
{
  gboolean after_letter = FALSE;

  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '-' && after_letter && p[1] != '\0')
        after_letter = FALSE;
      else if (*p >= 'a' && *p <= 'z')
        after_letter = TRUE;
      else
        return FALSE;
    }

  return after_letter;
}

/**
 * rg_conflict_new:
 * @object_kind: the kind of the object
 * @object_id: the id of the object (of the session for its own fields)
 * @field: the field both sides changed, a name of lower-case words joined
 *   by hyphens (see #RgConflict:field)
 * @partner_id: (nullable): for a partner's meaning of a word, the partner
 * @theirs: (nullable): the other side's value, as text
 * @description: (nullable): the object in words
 * @recorded: (nullable): when the conflict is recorded; %NULL for now
 *
 * Returns: (transfer full): a new #RgConflict, whose id is made from
 *   what it is about and @theirs
 */
RgConflict *
rg_conflict_new (RgObjectKind  object_kind,
                 const char   *object_id,
                 const char   *field,
                 const char   *partner_id,
                 const char   *theirs,
                 const char   *description,
                 GDateTime    *recorded)
{
  g_return_val_if_fail (rg_id_is_valid (object_id), NULL);
  g_return_val_if_fail (field != NULL && is_field_name (field), NULL);
  g_return_val_if_fail (partner_id == NULL || rg_id_is_valid (partner_id), NULL);

  return g_object_new (RG_TYPE_CONFLICT,
                       "object-kind", object_kind,
                       "object-id", object_id,
                       "field", field,
                       "partner-id", partner_id,
                       "theirs", theirs,
                       "description", description,
                       "recorded", recorded,
                       NULL);
}

/**
 * rg_conflict_get_id:
 * @self: a #RgConflict
 *
 * Returns: (transfer none): the conflict's own UUID
 */
RG_DEFINE_GETTER (RgConflict, rg_conflict, CONFLICT, const char *, id, NULL)

/**
 * rg_conflict_get_object_kind:
 * @self: a #RgConflict
 *
 * Returns: the kind of the object whose field it is
 */
RG_DEFINE_GETTER (RgConflict, rg_conflict, CONFLICT, RgObjectKind,
                  object_kind, RG_OBJECT_KIND_SESSION)

/**
 * rg_conflict_get_object_id:
 * @self: a #RgConflict
 *
 * Returns: (transfer none): the id of the object whose field it is
 */
RG_DEFINE_GETTER (RgConflict, rg_conflict, CONFLICT, const char *, object_id, NULL)

/**
 * rg_conflict_get_field:
 * @self: a #RgConflict
 *
 * Returns: (transfer none): the field, see #RgConflict:field
 */
RG_DEFINE_GETTER (RgConflict, rg_conflict, CONFLICT, const char *, field, NULL)

/**
 * rg_conflict_get_partner_id:
 * @self: a #RgConflict
 *
 * Returns: (transfer none) (nullable): for a partner's meaning of a
 *   word, the partner; %NULL otherwise
 */
RG_DEFINE_GETTER (RgConflict, rg_conflict, CONFLICT, const char *, partner_id, NULL)

/**
 * rg_conflict_get_theirs:
 * @self: a #RgConflict
 *
 * Returns: (transfer none): the other side's value, as text, never %NULL
 */
RG_DEFINE_GETTER (RgConflict, rg_conflict, CONFLICT, const char *, theirs, NULL)

/**
 * rg_conflict_get_description:
 * @self: a #RgConflict
 *
 * Returns: (transfer none): the object in words, never %NULL
 */
RG_DEFINE_GETTER (RgConflict, rg_conflict, CONFLICT, const char *, description, NULL)

/**
 * rg_conflict_get_recorded:
 * @self: a #RgConflict
 *
 * Returns: (transfer none): when the conflict was recorded, in UTC
 */
RG_DEFINE_GETTER (RgConflict, rg_conflict, CONFLICT, GDateTime *, recorded, NULL)
