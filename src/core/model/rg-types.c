/* rg-types.c — the words of the file and the labels of the interface
 *
 * Each enumeration has two names per value: the word written in the
 * session file (fixed forever, see docs/file-format.md) and the label a
 * coordinator reads (translated). They are kept apart on purpose: a label
 * may be reworded, a word may not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rg-types-private.h"

static const char * const session_status_words[] = { "preparing", "held", "closed" };
static const char * const session_kind_words[] = { "session", "contribution" };
static const char * const partner_role_words[] = {
  "professional", "family", "young-person", "coordinator"
};
static const char * const statement_kind_words[] = {
  "fact", "interpretation", "difficulty", "resource", "proposal"
};
static const char * const link_type_words[] = { "agreement", "divergence", "complement", "clarify" };
static const char * const link_status_words[] = { "open", "settled" };
static const char * const term_status_words[] = { "open", "agreed" };
static const char * const action_status_words[] = { "planned", "in-progress", "done", "cancelled" };
static const char * const object_kind_words[] = {
  "session", "partner", "dimension", "statement", "link", "term", "category", "criterion",
  "action", "consent", "review-item"
};

static gboolean
word_to_value (const char * const *words,
               guint               n_words,
               const char         *str,
               guint              *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_words; i++)
    {
      if (g_str_equal (words[i], str))
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Each enumeration gets the same trio; only the labels differ, so they
 * are written out below, one switch per enumeration. */
#define RG_DEFINE_WORDS(TypeName, type_name, words)                          \
  const char *                                                               \
  type_name##_to_string (TypeName value)                                     \
  {                                                                          \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (words), NULL);       \
    return words[value];                                                     \
  }                                                                          \
                                                                             \
  gboolean                                                                   \
  type_name##_from_string (const char *str,                                  \
                           TypeName   *value)                                \
  {                                                                          \
    guint v;                                                                 \
                                                                             \
    if (!word_to_value (words, G_N_ELEMENTS (words), str, &v))               \
      return FALSE;                                                          \
    if (value != NULL)                                                       \
      *value = (TypeName) v;                                                 \
    return TRUE;                                                             \
  }

/**
 * rg_session_status_to_string:
 * @status: a #RgSessionStatus
 *
 * The word that stands for @status in a session file.
 *
 * Returns: (transfer none): `preparing`, `held` or `closed`
 */
/**
 * rg_session_status_from_string:
 * @str: (nullable): a word of the session file
 * @status: (out) (optional): where to store the value
 *
 * The reverse of rg_session_status_to_string (); the other enumerations
 * have the same pair of functions.
 *
 * Returns: %TRUE if @str is one of the words of the format
 */
RG_DEFINE_WORDS (RgSessionStatus, rg_session_status, session_status_words)
RG_DEFINE_WORDS (RgSessionKind, rg_session_kind, session_kind_words)
RG_DEFINE_WORDS (RgPartnerRole, rg_partner_role, partner_role_words)
RG_DEFINE_WORDS (RgStatementKind, rg_statement_kind, statement_kind_words)
RG_DEFINE_WORDS (RgLinkType, rg_link_type, link_type_words)
RG_DEFINE_WORDS (RgLinkStatus, rg_link_status, link_status_words)
RG_DEFINE_WORDS (RgTermStatus, rg_term_status, term_status_words)
RG_DEFINE_WORDS (RgActionStatus, rg_action_status, action_status_words)
RG_DEFINE_WORDS (RgObjectKind, rg_object_kind, object_kind_words)

#undef RG_DEFINE_WORDS

/**
 * rg_session_status_get_label:
 * @status: a #RgSessionStatus
 *
 * Returns: (transfer none): the translated name of @status
 */
const char *
rg_session_status_get_label (RgSessionStatus status)
{
  switch (status)
    {
    case RG_SESSION_STATUS_PREPARING: return _("Preparing");
    case RG_SESSION_STATUS_HELD:      return _("Held");
    case RG_SESSION_STATUS_CLOSED:    return _("Closed");
    default:                          g_return_val_if_reached (NULL);
    }
}

/**
 * rg_session_kind_get_label:
 * @kind: a #RgSessionKind
 *
 * Returns: (transfer none): the translated name of @kind
 */
const char *
rg_session_kind_get_label (RgSessionKind kind)
{
  switch (kind)
    {
    case RG_SESSION_KIND_SESSION:      return _("Session");
    case RG_SESSION_KIND_CONTRIBUTION: return _("Contribution");
    default:                           g_return_val_if_reached (NULL);
    }
}

/**
 * rg_partner_role_get_label:
 * @role: a #RgPartnerRole
 *
 * Returns: (transfer none): the translated name of @role
 */
const char *
rg_partner_role_get_label (RgPartnerRole role)
{
  switch (role)
    {
    case RG_PARTNER_ROLE_PROFESSIONAL: return _("Professional");
    case RG_PARTNER_ROLE_FAMILY:       return _("Family");
    case RG_PARTNER_ROLE_YOUNG_PERSON: return _("Young person");
    case RG_PARTNER_ROLE_COORDINATOR:  return _("Coordinator");
    default:                           g_return_val_if_reached (NULL);
    }
}

/**
 * rg_statement_kind_get_label:
 * @kind: a #RgStatementKind
 *
 * Returns: (transfer none): the translated name of @kind, such as
 *   “Observed fact”
 */
const char *
rg_statement_kind_get_label (RgStatementKind kind)
{
  switch (kind)
    {
    case RG_STATEMENT_KIND_FACT:           return _("Observed fact");
    case RG_STATEMENT_KIND_INTERPRETATION: return _("Interpretation");
    case RG_STATEMENT_KIND_DIFFICULTY:     return _("Difficulty");
    case RG_STATEMENT_KIND_RESOURCE:       return _("Resource or lever");
    case RG_STATEMENT_KIND_PROPOSAL:       return _("Proposal");
    default:                               g_return_val_if_reached (NULL);
    }
}

/**
 * rg_link_type_get_label:
 * @type: a #RgLinkType
 *
 * Returns: (transfer none): the translated name of @type
 */
const char *
rg_link_type_get_label (RgLinkType type)
{
  switch (type)
    {
    case RG_LINK_TYPE_AGREEMENT:  return _("Agreement");
    case RG_LINK_TYPE_DIVERGENCE: return _("Divergence");
    case RG_LINK_TYPE_COMPLEMENT: return _("Complement");
    case RG_LINK_TYPE_CLARIFY:    return _("To clarify");
    default:                      g_return_val_if_reached (NULL);
    }
}

/**
 * rg_link_status_get_label:
 * @status: a #RgLinkStatus
 *
 * Returns: (transfer none): the translated name of @status
 */
const char *
rg_link_status_get_label (RgLinkStatus status)
{
  switch (status)
    {
    case RG_LINK_STATUS_OPEN:    return C_("link status", "Open");
    case RG_LINK_STATUS_SETTLED: return C_("link status", "Settled");
    default:                     g_return_val_if_reached (NULL);
    }
}

/**
 * rg_term_status_get_label:
 * @status: a #RgTermStatus
 *
 * Returns: (transfer none): the translated name of @status
 */
const char *
rg_term_status_get_label (RgTermStatus status)
{
  switch (status)
    {
    case RG_TERM_STATUS_OPEN:   return C_("term status", "Open");
    case RG_TERM_STATUS_AGREED: return C_("term status", "Agreed");
    default:                    g_return_val_if_reached (NULL);
    }
}

/**
 * rg_action_status_get_label:
 * @status: a #RgActionStatus
 *
 * Returns: (transfer none): the translated name of @status
 */
const char *
rg_action_status_get_label (RgActionStatus status)
{
  switch (status)
    {
    case RG_ACTION_STATUS_PLANNED:     return _("Planned");
    case RG_ACTION_STATUS_IN_PROGRESS: return _("In progress");
    case RG_ACTION_STATUS_DONE:        return _("Done");
    case RG_ACTION_STATUS_CANCELLED:   return _("Cancelled");
    default:                           g_return_val_if_reached (NULL);
    }
}

/**
 * rg_object_kind_get_label:
 * @kind: a #RgObjectKind
 *
 * Returns: (transfer none): the translated name of @kind
 */
const char *
rg_object_kind_get_label (RgObjectKind kind)
{
  switch (kind)
    {
    case RG_OBJECT_KIND_SESSION:     return _("Session");
    case RG_OBJECT_KIND_PARTNER:     return _("Partner");
    case RG_OBJECT_KIND_DIMENSION:   return _("Dimension");
    case RG_OBJECT_KIND_STATEMENT:   return _("Statement");
    case RG_OBJECT_KIND_LINK:        return _("Link");
    case RG_OBJECT_KIND_TERM:        return _("Glossary word");
    case RG_OBJECT_KIND_CATEGORY:    return _("Category of criteria");
    case RG_OBJECT_KIND_CRITERION:   return _("Success criterion");
    case RG_OBJECT_KIND_ACTION:      return _("Action");
    case RG_OBJECT_KIND_CONSENT:     return _("Consent");
    case RG_OBJECT_KIND_REVIEW_ITEM: return _("Item to review");
    default:                         g_return_val_if_reached (NULL);
    }
}

/**
 * rg_time_format:
 * @time: a time
 *
 * @time as the file writes it and the merge compares it:
 * `YYYY-MM-DDTHH:MM:SSZ`, in UTC, to the second.
 *
 * Returns: (transfer full): the text of @time
 */
char *
rg_time_format (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  /* Out of range in UTC (the first hours of year 1, east of Greenwich) */
  if ((utc = g_date_time_to_utc (time)) == NULL)
    utc = g_date_time_ref (time);

  /* Not g_date_time_format (): its %Y does not pad years before 1000,
   * and a file with the year “821” would not load again (found by
   * fuzzing) */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

/**
 * rg_id_is_valid:
 * @id: (nullable): a string
 *
 * Whether @id is an id as the file writes them: a UUID in the RFC 4122
 * text form, in lower case, like those of g_uuid_string_random ().
 *
 * Returns: %TRUE if @id can identify an object of a session
 */
gboolean
rg_id_is_valid (const char *id)
{
  if (id == NULL || !g_uuid_string_is_valid (id))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p))
        return FALSE;
    }

  return TRUE;
}

/**
 * rg_date_is_valid:
 * @date: (nullable): a string
 *
 * Whether @date is a calendar date in the form the file uses,
 * `YYYY-MM-DD`, and that day exists (no 31 April).
 *
 * Returns: %TRUE if @date can be stored in a session
 */
gboolean
rg_date_is_valid (const char *date)
{
  guint year, month, day;

  if (date == NULL || strlen (date) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (date[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (date[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (date, NULL, 10);
  month = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (date + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * rg_date_new_today:
 *
 * Today's date, in local time, as the file writes dates.
 *
 * Returns: (transfer full): a `YYYY-MM-DD` string
 */
char *
rg_date_new_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * rg_date_format:
 * @date: (nullable): a date, `YYYY-MM-DD`
 *
 * Returns: (transfer full) (nullable): @date as people write it in the
 *   user's language ("12 mars 2024"), or %NULL when @date is not a date
 */
char *
rg_date_format (const char *date)
{
  g_autoptr(GDateTime) date_time = NULL;
  int year, month, day;

  if (date == NULL || !rg_date_is_valid (date) ||
      sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  if (!(date_time = g_date_time_new_local (year, month, day, 12, 0, 0)))
    return NULL;

  /* Translators: how the date of a session is written in the library,
   * see the strftime() manual; "%-d %B %Y" gives "12 mars 2024". */
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

/**
 * rg_colour_is_valid:
 * @colour: (nullable): a string
 *
 * Whether @colour is written `#rrggbb` (hexadecimal digits, either case).
 *
 * Returns: %TRUE if @colour can be a partner's colour
 */
gboolean
rg_colour_is_valid (const char *colour)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (colour[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * rg_list_model_find:
 * @model: a list of the session (partners, statements…)
 * @item: an object
 *
 * Returns: the position of @item in @model, or %G_MAXUINT if it is not
 *   there
 */
guint
rg_list_model_find (GListModel *model,
                    gpointer    item)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), G_MAXUINT);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if ((gpointer) object == item)
        return i;
    }

  return G_MAXUINT;
}

/* Properties of the model classes
 *
 * Each class describes its properties in a table of RgProperty; the
 * functions below declare them, give them their defaults, read them,
 * set them through the class's setters and free them, so that the
 * classes write none of the usual switches. */

#define FIELD(instance, property) (G_STRUCT_MEMBER_P ((instance), (property)->offset))

/* What a class installed, for _rg_properties_finalize () */
typedef struct
{
  const RgProperty *table;
  guint             n_props;
} PropertyTable;

/* Keys the RgProperty of a param spec, and the PropertyTable of a type */
static GQuark
property_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("rg-property");

  return quark;
}

static GParamSpec *
property_param_spec (const RgProperty *property)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  if (property->set == NULL)
    flags |= G_PARAM_CONSTRUCT_ONLY;
  else
    flags |= G_PARAM_EXPLICIT_NOTIFY;

  switch (property->kind)
    {
    case RG_PROPERTY_ID:
    case RG_PROPERTY_TEXT:
      return g_param_spec_string (property->name, NULL, NULL, property->text, flags);
    case RG_PROPERTY_STRV:
      return g_param_spec_boxed (property->name, NULL, NULL, G_TYPE_STRV, flags);
    case RG_PROPERTY_ENUM:
      return g_param_spec_enum (property->name, NULL, NULL,
                                property->enum_type (), property->value, flags);
    case RG_PROPERTY_BOOLEAN:
      return g_param_spec_boolean (property->name, NULL, NULL, property->value, flags);
    case RG_PROPERTY_TIME:
      return g_param_spec_boxed (property->name, NULL, NULL, G_TYPE_DATE_TIME, flags);
    default:
      g_return_val_if_reached (NULL);
    }
}

/*
 * _rg_properties_install:
 * @klass: the class being initialised
 * @table: its properties, indexed by property id; the first is unused
 * @n_props: how many ids @table covers, the first included
 * @pspecs: (out caller-allocates): where to keep the param specs, for
 *   g_object_notify_by_pspec ()
 *
 * Installs the properties of @table and makes the class read and write
 * them with _rg_properties_get () and _rg_properties_set (); a class
 * with a property of its own sets its vfuncs after, and calls these
 * for the others. A class whose instance keeps nothing else to free
 * takes _rg_properties_finalize () as its finalize.
 */
void
_rg_properties_install (GObjectClass      *klass,
                        const RgProperty  *table,
                        guint              n_props,
                        GParamSpec       **pspecs)
{
  PropertyTable *installed = g_new (PropertyTable, 1);

  /* Kept as long as the class, which is forever */
  installed->table = table;
  installed->n_props = n_props;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), property_quark (), installed);

  klass->get_property = _rg_properties_get;
  klass->set_property = _rg_properties_set;

  pspecs[0] = NULL;
  for (guint i = 1; i < n_props; i++)
    {
      pspecs[i] = property_param_spec (&table[i]);
      g_param_spec_set_qdata (pspecs[i], property_quark (), (gpointer) &table[i]);
    }

  g_object_class_install_properties (klass, n_props, pspecs);
}

/* Gives each field of @table its default, from the instance init */
void
_rg_properties_init (gpointer          instance,
                     const RgProperty *table,
                     guint             n_props)
{
  for (guint i = 1; i < n_props; i++)
    {
      const RgProperty *property = &table[i];

      if (property->get != NULL)
        continue;

      switch (property->kind)
        {
        case RG_PROPERTY_TEXT:
          *(char **) FIELD (instance, property) = g_strdup (property->text);
          break;
        case RG_PROPERTY_STRV:
          *(char ***) FIELD (instance, property) = g_new0 (char *, 1);
          break;
        case RG_PROPERTY_ENUM:
        case RG_PROPERTY_BOOLEAN:
          *(int *) FIELD (instance, property) = property->value;
          break;
        case RG_PROPERTY_ID:
        case RG_PROPERTY_TIME:
        default:
          break;
        }
    }
}

/* Frees each field of @table, from the instance finalize */
void
_rg_properties_clear (gpointer          instance,
                      const RgProperty *table,
                      guint             n_props)
{
  for (guint i = 1; i < n_props; i++)
    {
      const RgProperty *property = &table[i];
      gpointer field = FIELD (instance, property);

      if (property->get != NULL)
        continue;

      switch (property->kind)
        {
        case RG_PROPERTY_ID:
        case RG_PROPERTY_TEXT:
          g_clear_pointer ((char **) field, g_free);
          break;
        case RG_PROPERTY_STRV:
          g_clear_pointer ((char ***) field, g_strfreev);
          break;
        case RG_PROPERTY_TIME:
          g_clear_pointer ((GDateTime **) field, g_date_time_unref);
          break;
        case RG_PROPERTY_ENUM:
        case RG_PROPERTY_BOOLEAN:
        default:
          break;
        }
    }
}

/* The finalize of a final class that keeps nothing but its properties */
void
_rg_properties_finalize (GObject *object)
{
  GType type = G_OBJECT_TYPE (object);
  const PropertyTable *installed = g_type_get_qdata (type, property_quark ());

  _rg_properties_clear (object, installed->table, installed->n_props);

  G_OBJECT_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (object)))->finalize (object);
}

void
_rg_properties_get (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  const RgProperty *property = g_param_spec_get_qdata (pspec, property_quark ());
  gpointer field;

  if (property == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = FIELD (object, property);
  switch (property->kind)
    {
    case RG_PROPERTY_ID:
    case RG_PROPERTY_TEXT:
      g_value_set_string (value, *(char **) field);
      break;
    case RG_PROPERTY_STRV:
      if (property->get != NULL)
        g_value_set_boxed (value, ((const char * const *(*) (gpointer)) property->get) (object));
      else
        g_value_set_boxed (value, *(char ***) field);
      break;
    case RG_PROPERTY_ENUM:
      g_value_set_enum (value, *(int *) field);
      break;
    case RG_PROPERTY_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) field);
      break;
    case RG_PROPERTY_TIME:
      g_value_set_boxed (value, *(GDateTime **) field);
      break;
    default:
      g_return_if_reached ();
    }
}

/* Without a setter, the value is stored as given, at construction */
static void
property_set_once (GObject          *object,
                   const RgProperty *property,
                   const GValue     *value)
{
  gpointer field = FIELD (object, property);

  switch (property->kind)
    {
    case RG_PROPERTY_ID:
      *(char **) field = _rg_id_or_new (g_value_get_string (value));
      break;
    case RG_PROPERTY_ENUM:
      *(int *) field = g_value_get_enum (value);
      break;
    case RG_PROPERTY_TEXT:
    case RG_PROPERTY_STRV:
    case RG_PROPERTY_BOOLEAN:
    case RG_PROPERTY_TIME:
    default:
      /* None of the model has one yet: its class sets it itself */
      g_return_if_reached ();
    }
}

void
_rg_properties_set (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  const RgProperty *property = g_param_spec_get_qdata (pspec, property_quark ());

  if (property == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (property->set == NULL)
    {
      property_set_once (object, property, value);
      return;
    }

  switch (property->kind)
    {
    case RG_PROPERTY_TEXT:
      ((void (*) (gpointer, const char *)) property->set) (object, g_value_get_string (value));
      break;
    case RG_PROPERTY_STRV:
      ((void (*) (gpointer, const char * const *)) property->set) (object,
                                                                    g_value_get_boxed (value));
      break;
    case RG_PROPERTY_ENUM:
      ((void (*) (gpointer, int)) property->set) (object, g_value_get_enum (value));
      break;
    case RG_PROPERTY_BOOLEAN:
      ((void (*) (gpointer, gboolean)) property->set) (object, g_value_get_boolean (value));
      break;
    case RG_PROPERTY_TIME:
      ((void (*) (gpointer, GDateTime *)) property->set) (object, g_value_get_boxed (value));
      break;
    case RG_PROPERTY_ID:
    default:
      g_return_if_reached ();
    }
}
