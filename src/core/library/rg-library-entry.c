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

#include "rg-enums.h"
#include "rg-library-private.h"

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

static void
rg_library_entry_finalize (GObject *object)
{
  RgLibraryEntry *self = (RgLibraryEntry *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->situation_id, g_free);
  g_clear_pointer (&self->situation_label, g_free);
  g_clear_pointer (&self->partners, g_free);
  g_clear_pointer (&self->conflict_of, g_free);

  G_OBJECT_CLASS (rg_library_entry_parent_class)->finalize (object);
}

static void
rg_library_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RgLibraryEntry *self = RG_LIBRARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_SITUATION_ID:
      g_value_set_string (value, self->situation_id);
      break;

    case PROP_SITUATION_LABEL:
      g_value_set_string (value, self->situation_label);
      break;

    case PROP_PARTNERS:
      g_value_set_string (value, self->partners);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_N_PARTNERS:
      g_value_set_uint (value, self->n_partners);
      break;

    case PROP_N_STATEMENTS:
      g_value_set_uint (value, self->n_statements);
      break;

    case PROP_N_AGREEMENTS:
      g_value_set_uint (value, self->n_agreements);
      break;

    case PROP_N_DIVERGENCES:
      g_value_set_uint (value, self->n_divergences);
      break;

    case PROP_N_COMPLEMENTS:
      g_value_set_uint (value, self->n_complements);
      break;

    case PROP_N_CLARIFICATIONS:
      g_value_set_uint (value, self->n_clarifications);
      break;

    case PROP_N_OPEN_DIVERGENCES:
      g_value_set_uint (value, self->n_open_divergences);
      break;

    case PROP_N_OVERDUE_ACTIONS:
      g_value_set_uint (value, self->n_overdue_actions);
      break;

    case PROP_HAS_CONSENT:
      g_value_set_boolean (value, self->n_consents > 0);
      break;

    case PROP_CONFLICT_OF:
      g_value_set_string (value, self->conflict_of);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_library_entry_class_init (RgLibraryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_library_entry_finalize;
  object_class->get_property = rg_library_entry_get_property;

  /* Entries are made by the index and never change: every property is
   * read-only. */
  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_SITUATION_ID] =
    g_param_spec_string ("situation-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_SITUATION_LABEL] =
    g_param_spec_string ("situation-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_PARTNERS] =
    g_param_spec_string ("partners", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RG_TYPE_SESSION_KIND,
                       RG_SESSION_KIND_SESSION,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       RG_TYPE_SESSION_STATUS,
                       RG_SESSION_STATUS_PREPARING,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_PARTNERS] =
    g_param_spec_uint ("n-partners", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_STATEMENTS] =
    g_param_spec_uint ("n-statements", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_AGREEMENTS] =
    g_param_spec_uint ("n-agreements", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_DIVERGENCES] =
    g_param_spec_uint ("n-divergences", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_COMPLEMENTS] =
    g_param_spec_uint ("n-complements", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_CLARIFICATIONS] =
    g_param_spec_uint ("n-clarifications", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_OPEN_DIVERGENCES] =
    g_param_spec_uint ("n-open-divergences", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_OVERDUE_ACTIONS] =
    g_param_spec_uint ("n-overdue-actions", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_CONSENT] =
    g_param_spec_boolean ("has-consent", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RgLibraryEntry:conflict-of:
   *
   * For a conflict copy, the path of its original; see
   * rg_library_entry_get_conflict_of ().
   */
  properties [PROP_CONFLICT_OF] =
    g_param_spec_string ("conflict-of", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_library_entry_init (RgLibraryEntry *self)
{
}

/**
 * rg_library_entry_get_path:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none): the session file, an absolute path
 */
const char *
rg_library_entry_get_path (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  return self->path;
}

/**
 * rg_library_entry_get_error_message:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): why the file cannot be loaded, in words for
 *   the coordinator, or %NULL when it loads
 */
const char *
rg_library_entry_get_error_message (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  return self->error_message;
}

/**
 * rg_library_entry_get_id:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the session's UUID, %NULL for a file that
 *   cannot be loaded
 */
const char *
rg_library_entry_get_id (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  return self->id;
}

/**
 * rg_library_entry_get_title:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the title, %NULL for a file that cannot
 *   be loaded
 */
const char *
rg_library_entry_get_title (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  return self->title;
}

/**
 * rg_library_entry_get_date:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the date of the session, `YYYY-MM-DD`
 */
const char *
rg_library_entry_get_date (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  return self->date;
}

/**
 * rg_library_entry_get_situation_id:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the UUID of the situation, which the
 *   sessions of one situation share
 */
const char *
rg_library_entry_get_situation_id (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  return self->situation_id;
}

/**
 * rg_library_entry_get_situation_label:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the pseudonymous label of the situation
 */
const char *
rg_library_entry_get_situation_label (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  return self->situation_label;
}

/**
 * rg_library_entry_get_partners:
 * @self: a #RgLibraryEntry
 *
 * Returns: (transfer none) (nullable): the partners as one line,
 *   "Name (profession), …"
 */
const char *
rg_library_entry_get_partners (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  return self->partners;
}

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
RgSessionKind
rg_library_entry_get_kind (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), RG_SESSION_KIND_SESSION);

  return self->kind;
}

/**
 * rg_library_entry_get_status:
 * @self: a #RgLibraryEntry
 *
 * Returns: whether the session is being prepared, was held, or is closed
 */
RgSessionStatus
rg_library_entry_get_status (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), RG_SESSION_STATUS_PREPARING);

  return self->status;
}

/**
 * rg_library_entry_get_n_partners:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of partners
 */
guint
rg_library_entry_get_n_partners (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), 0);

  return self->n_partners;
}

/**
 * rg_library_entry_get_n_statements:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of statements
 */
guint
rg_library_entry_get_n_statements (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), 0);

  return self->n_statements;
}

/**
 * rg_library_entry_get_n_agreements:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of agreement links
 */
guint
rg_library_entry_get_n_agreements (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), 0);

  return self->n_agreements;
}

/**
 * rg_library_entry_get_n_divergences:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of divergence links, open or settled
 */
guint
rg_library_entry_get_n_divergences (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), 0);

  return self->n_divergences;
}

/**
 * rg_library_entry_get_n_complements:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of complement links
 */
guint
rg_library_entry_get_n_complements (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), 0);

  return self->n_complements;
}

/**
 * rg_library_entry_get_n_clarifications:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of "to clarify" links
 */
guint
rg_library_entry_get_n_clarifications (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), 0);

  return self->n_clarifications;
}

/**
 * rg_library_entry_get_n_open_divergences:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of divergences still open
 */
guint
rg_library_entry_get_n_open_divergences (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), 0);

  return self->n_open_divergences;
}

/**
 * rg_library_entry_get_n_overdue_actions:
 * @self: a #RgLibraryEntry
 *
 * Returns: the number of actions of the session due before the day the
 *   library was asked, and neither done nor cancelled
 */
guint
rg_library_entry_get_n_overdue_actions (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), 0);

  return self->n_overdue_actions;
}

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
const char *
rg_library_entry_get_conflict_of (RgLibraryEntry *self)
{
  g_return_val_if_fail (RG_IS_LIBRARY_ENTRY (self), NULL);

  return self->conflict_of;
}

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
