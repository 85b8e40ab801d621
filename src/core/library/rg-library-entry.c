/* rg-library-entry.c — one file of the library, as the index knows it
 *
 * What a row of the library window shows, without loading the file: the
 * index made it from the file at the last scan or save. A file that
 * cannot be loaded is an entry too, with its error message and nothing
 * else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-entry"

#include "config.h"

#include "rg-library-entry-private.h"
#include "rg-enums.h"

G_DEFINE_FINAL_TYPE (RgLibraryEntry, rg_library_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_ERROR_MESSAGE,
  PROP_ID,
  PROP_TITLE,
  PROP_DATE,
  PROP_SITUATION_ID,
  PROP_SITUATION_LABEL,
  PROP_PARTNERS,
  PROP_KIND,
  PROP_STATUS,
  PROP_N_PARTNERS,
  PROP_N_STATEMENTS,
  PROP_N_AGREEMENTS,
  PROP_N_DIVERGENCES,
  PROP_N_COMPLEMENTS,
  PROP_N_CLARIFICATIONS,
  PROP_N_OPEN_DIVERGENCES,
  PROP_N_OVERDUE_ACTIONS,
  PROP_HAS_CONSENT,
  PROP_CONFLICT_OF,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Entries are made by the index and never change: every property is
 * read-only, and shows one field of the entry. */
typedef enum
{
  FIELD_STRING,
  FIELD_COUNT,
  FIELD_KIND,
  FIELD_STATUS,
  FIELD_NONZERO,  /* a boolean: whether the count is above zero */
} FieldType;

typedef struct
{
  const char *name;
  FieldType   type;
  gsize       offset;
} Field;

#define OFFSET(member) G_STRUCT_OFFSET (RgLibraryEntry, member)

static const Field fields[N_PROPS] = {
  [PROP_PATH]               = { "path", FIELD_STRING, OFFSET (path) },
  [PROP_ERROR_MESSAGE]      = { "error-message", FIELD_STRING, OFFSET (error_message) },
  [PROP_ID]                 = { "id", FIELD_STRING, OFFSET (id) },
  [PROP_TITLE]              = { "title", FIELD_STRING, OFFSET (title) },
  [PROP_DATE]               = { "date", FIELD_STRING, OFFSET (date) },
  [PROP_SITUATION_ID]       = { "situation-id", FIELD_STRING, OFFSET (situation_id) },
  [PROP_SITUATION_LABEL]    = { "situation-label", FIELD_STRING, OFFSET (situation_label) },
  [PROP_PARTNERS]           = { "partners", FIELD_STRING, OFFSET (partners) },
  [PROP_KIND]               = { "kind", FIELD_KIND, OFFSET (kind) },
  [PROP_STATUS]             = { "status", FIELD_STATUS, OFFSET (status) },
  [PROP_N_PARTNERS]         = { "n-partners", FIELD_COUNT, OFFSET (n_partners) },
  [PROP_N_STATEMENTS]       = { "n-statements", FIELD_COUNT, OFFSET (n_statements) },
  [PROP_N_AGREEMENTS]       = { "n-agreements", FIELD_COUNT, OFFSET (n_agreements) },
  [PROP_N_DIVERGENCES]      = { "n-divergences", FIELD_COUNT, OFFSET (n_divergences) },
  [PROP_N_COMPLEMENTS]      = { "n-complements", FIELD_COUNT, OFFSET (n_complements) },
  [PROP_N_CLARIFICATIONS]   = { "n-clarifications", FIELD_COUNT, OFFSET (n_clarifications) },
  [PROP_N_OPEN_DIVERGENCES] = { "n-open-divergences", FIELD_COUNT, OFFSET (n_open_divergences) },
  [PROP_N_OVERDUE_ACTIONS]  = { "n-overdue-actions", FIELD_COUNT, OFFSET (n_overdue_actions) },
  [PROP_HAS_CONSENT]        = { "has-consent", FIELD_NONZERO, OFFSET (n_consents) },
  /**
   * RgLibraryEntry:conflict-of:
   *
   * For a conflict copy, the path of its original; see
   * rg_library_entry_get_conflict_of ().
   */
  [PROP_CONFLICT_OF]        = { "conflict-of", FIELD_STRING, OFFSET (conflict_of) },
};

#undef OFFSET

static GParamSpec *
field_param_spec (const Field *field)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  switch (field->type)
    {
    case FIELD_STRING:
      return g_param_spec_string (field->name, NULL, NULL, NULL, flags);

    case FIELD_COUNT:
      return g_param_spec_uint (field->name, NULL, NULL, 0, G_MAXUINT, 0, flags);

    case FIELD_KIND:
      return g_param_spec_enum (field->name, NULL, NULL, RG_TYPE_SESSION_KIND,
                                RG_SESSION_KIND_SESSION, flags);

    case FIELD_STATUS:
      return g_param_spec_enum (field->name, NULL, NULL, RG_TYPE_SESSION_STATUS,
                                RG_SESSION_STATUS_PREPARING, flags);

    case FIELD_NONZERO:
      return g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);

    default:
      g_assert_not_reached ();
    }
}

static void
rg_library_entry_finalize (GObject *object)
{
  RgLibraryEntry *self = (RgLibraryEntry *)object;

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    if (fields[i].type == FIELD_STRING)
      g_clear_pointer ((char **) G_STRUCT_MEMBER_P (self, fields[i].offset), g_free);

  G_OBJECT_CLASS (rg_library_entry_parent_class)->finalize (object);
}

static void
rg_library_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RgLibraryEntry *self = RG_LIBRARY_ENTRY (object);
  const Field *field;

  if (prop_id == PROP_0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &fields[prop_id];
  switch (field->type)
    {
    case FIELD_STRING:
      g_value_set_string (value, G_STRUCT_MEMBER (char *, self, field->offset));
      break;

    case FIELD_COUNT:
      g_value_set_uint (value, G_STRUCT_MEMBER (guint, self, field->offset));
      break;

    case FIELD_KIND:
    case FIELD_STATUS:
      g_value_set_enum (value, G_STRUCT_MEMBER (int, self, field->offset));
      break;

    case FIELD_NONZERO:
      g_value_set_boolean (value, G_STRUCT_MEMBER (guint, self, field->offset) > 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
rg_library_entry_class_init (RgLibraryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_library_entry_finalize;
  object_class->get_property = rg_library_entry_get_property;

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    properties [i] = field_param_spec (&fields[i]);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_library_entry_init (RgLibraryEntry *self)
{
}

/* A getter of a field, under the gtk-doc comment that says what it is. */
#define DEFINE_GETTER(Type, name, fallback)                      \
  Type                                                           \
  rg_library_entry_get_##name (RgLibraryEntry *self)             \
  {                                                              \
    g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), fallback); \
                                                                 \
    return self->name;                                           \
  }

/**
 * rg_library_entry_get_path:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none): the session file, an absolute path
 */
DEFINE_GETTER (const char *, path, NULL)

/**
 * rg_library_entry_get_error_message:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): why the file cannot be loaded, in words for
 *   the coordinator, or %NULL when it loads
 */
DEFINE_GETTER (const char *, error_message, NULL)

/**
 * rg_library_entry_get_id:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the session's UUID, %NULL for a file that
 *   cannot be loaded
 */
DEFINE_GETTER (const char *, id, NULL)

/**
 * rg_library_entry_get_title:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the title, %NULL for a file that cannot
 *   be loaded
 */
DEFINE_GETTER (const char *, title, NULL)

/**
 * rg_library_entry_get_date:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the date of the session, `YYYY-MM-DD`
 */
DEFINE_GETTER (const char *, date, NULL)

/**
 * rg_library_entry_get_situation_id:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the UUID of the situation, which the
 *   sessions of one situation share
 */
DEFINE_GETTER (const char *, situation_id, NULL)

/**
 * rg_library_entry_get_situation_label:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the pseudonymous label of the situation
 */
DEFINE_GETTER (const char *, situation_label, NULL)

/**
 * rg_library_entry_get_partners:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the partners as one line,
 *   "Name (profession), …"
 */
DEFINE_GETTER (const char *, partners, NULL)

/**
 * rg_library_entry_dup_file:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer full): the session file
 */
GFile *
rg_library_entry_dup_file (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  return g_file_new_for_path (self->path);
}

/**
 * rg_library_entry_get_kind:
 * @self: a #RgLibraryEntry
 *
 * Returns: whether the file is a session or a partner's contribution
 */
DEFINE_GETTER (RgSessionKind, kind, RG_SESSION_KIND_SESSION)

/**
 * rg_library_entry_get_status:
 * @self: a #RgLibraryEntry
 *
 * Returns: whether the session is being prepared, was held, or is closed
 */
DEFINE_GETTER (RgSessionStatus, status, RG_SESSION_STATUS_PREPARING)

/**
 * rg_library_entry_get_n_partners:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of partners
 */
DEFINE_GETTER (guint, n_partners, 0)

/**
 * rg_library_entry_get_n_statements:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of statements
 */
DEFINE_GETTER (guint, n_statements, 0)

/**
 * rg_library_entry_get_n_agreements:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of agreement links
 */
DEFINE_GETTER (guint, n_agreements, 0)

/**
 * rg_library_entry_get_n_divergences:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of divergence links, open or settled
 */
DEFINE_GETTER (guint, n_divergences, 0)

/**
 * rg_library_entry_get_n_complements:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of complement links
 */
DEFINE_GETTER (guint, n_complements, 0)

/**
 * rg_library_entry_get_n_clarifications:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of "to clarify" links
 */
DEFINE_GETTER (guint, n_clarifications, 0)

/**
 * rg_library_entry_get_n_open_divergences:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of divergences still open
 */
DEFINE_GETTER (guint, n_open_divergences, 0)

/**
 * rg_library_entry_get_n_overdue_actions:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of actions of the session due before the day the
 *   library was asked, and neither done nor cancelled
 */
DEFINE_GETTER (guint, n_overdue_actions, 0)

/**
 * rg_library_entry_get_has_consent:
 * @self: a #RgLibraryEntry
 *
 * Returns: whether the session records a consent of the family
 */
gboolean
rg_library_entry_get_has_consent (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), FALSE);

  return self->n_consents > 0;
}

/**
 * rg_library_entry_get_conflict_of:
 * @self: a #RgLibraryEntry
 *
 * Whether the file is a conflict copy that a sync engine (or Regards)
 * made of another file of the library: its name says so (see
 * rg_conflict_name_parse ()), the original is in the library,
 * beside it, and both hold the same session (the same session id). A
 * file named as a copy whose original is missing, or holds another
 * session, is not a conflict copy.
 *
 * Returns: (transfer none) (nullable): the path of the original, or %NULL
 *   if the file is not a conflict copy
 */
DEFINE_GETTER (const char *, conflict_of, NULL)

/**
 * rg_library_entry_dup_conflict_time:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer full) (nullable): for a conflict copy, when it was
 *   made, in local time, as its name says; %NULL otherwise
 */
GDateTime *
rg_library_entry_dup_conflict_time (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  if (self->conflict_of == NULL)
    return NULL;

  return g_date_time_new_from_unix_local (self->conflict_time);
}
