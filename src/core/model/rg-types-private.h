/* rg-types-private.h — small helpers the model classes share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rg-types.h"

G_BEGIN_DECLS

/* How a model class keeps a property (see RgProperty) */
typedef enum
{
  RG_PROPERTY_ID,       /* char *: the UUID given at construction, or a new one */
  RG_PROPERTY_TEXT,     /* char * */
  RG_PROPERTY_STRV,     /* char ** */
  RG_PROPERTY_ENUM,     /* an enumeration of enum_type */
  RG_PROPERTY_BOOLEAN,  /* gboolean */
  RG_PROPERTY_TIME,     /* GDateTime * */
} RgPropertyKind;

/* One property of a model class, in the table from which the class
 * installs its properties with _rg_properties_install (): its name, the
 * field of the instance that keeps it, its default, and the public
 * setter through which g_object_set () goes, so that the value is
 * checked and notified (only on change) as the setter does. A property
 * without a setter is set once, at construction. */
typedef struct
{
  const char      *name;
  RgPropertyKind   kind;
  gsize            offset;     /* G_STRUCT_OFFSET of the field */
  GCallback        set;        /* the public setter, or %NULL */
  GType          (*enum_type) (void);
  int              value;      /* the default of an enumeration or a boolean */
  const char      *text;       /* the default of a text */
  GCallback        get;        /* for a list kept otherwise than as a strv:
                                * its public getter; the class owns the field */
} RgProperty;

void _rg_properties_install (GObjectClass      *klass,
                             const RgProperty  *table,
                             guint              n_props,
                             GParamSpec       **pspecs);
void _rg_properties_init    (gpointer           instance,
                             const RgProperty  *table,
                             guint              n_props);
void _rg_properties_clear   (gpointer           instance,
                             const RgProperty  *table,
                             guint              n_props);
void _rg_properties_get     (GObject           *object,
                             guint              prop_id,
                             GValue            *value,
                             GParamSpec        *pspec);
void _rg_properties_set     (GObject           *object,
                             guint              prop_id,
                             const GValue      *value,
                             GParamSpec        *pspec);
void _rg_properties_finalize (GObject          *object);

/* Stores a copy of @value in *@ptr. A required text is never %NULL (it
 * reads as ""); an optional one is never "" (empty means absent, and the
 * file omits it), so a load gives back exactly what was saved.
 * Returns %TRUE if the value changed, so the caller notifies. */
static inline gboolean
_rg_set_text (char       **ptr,
              const char  *value,
              gboolean     optional)
{
  if (optional && value != NULL && value[0] == '\0')
    value = NULL;
  else if (!optional && value == NULL)
    value = "";

  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;

  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

/* Same for a list of strings; %NULL and the empty list are the same,
 * stored as an empty list. */
static inline gboolean
_rg_set_strv (char               ***ptr,
              const char * const   *value)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;

  if (*ptr != NULL && g_strv_equal ((const char * const *) *ptr, value))
    return FALSE;

  g_strfreev (*ptr);
  *ptr = g_strdupv ((char **) value);
  return TRUE;
}

/* The getter and the setter of a property, as the model classes have
 * them, written once here: the getter checks @self and returns the
 * field; the setter checks @self and @check (an expression on the new
 * value, %TRUE for any), stores the value and notifies only on change.
 *
 * Each takes the type, the prefix of its functions and the end of its
 * RG_IS_ macro (RgPartner, rg_partner, PARTNER), then the field, which
 * also names the functions and the setter's argument (name), then the
 * end of the PROP_ id (NAME). The class keeps the param specs in a
 * static `properties` array, as usual. The gtk-doc comments of the two
 * functions stand above the line that defines them. */

/* A getter alone, of a value of type @Value; @fallback is what it
 * returns on a wrong @self */
#define RG_DEFINE_GETTER(Type, type, TYPE, Value, field, fallback)                      \
  Value                                                                                 \
  type##_get_##field (Type *self)                                                       \
  {                                                                                     \
    g_return_val_if_fail (RG_IS_##TYPE (self), fallback);                               \
                                                                                        \
    return (Value) self->field;                                                         \
  }

/* A text, never %NULL: it reads "" */
#define RG_DEFINE_TEXT_PROPERTY(Type, type, TYPE, field, NAME, check)                   \
  RG_DEFINE_TEXT_ACCESSORS (Type, type, TYPE, field, NAME, FALSE, check)

/* A text that may be absent: %NULL, never "" */
#define RG_DEFINE_OPTIONAL_TEXT_PROPERTY(Type, type, TYPE, field, NAME, check)          \
  RG_DEFINE_TEXT_ACCESSORS (Type, type, TYPE, field, NAME, TRUE, check)

#define RG_DEFINE_TEXT_ACCESSORS(Type, type, TYPE, field, NAME, optional, check)       \
  RG_DEFINE_GETTER (Type, type, TYPE, const char *, field, NULL)                        \
                                                                                        \
  void                                                                                  \
  type##_set_##field (Type       *self,                                                 \
                      const char *field)                                                \
  {                                                                                     \
    g_return_if_fail (RG_IS_##TYPE (self));                                             \
    g_return_if_fail (check);                                                           \
                                                                                        \
    if (_rg_set_text (&self->field, field, optional))                                   \
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_##NAME]);             \
  }

/* A list of strings, never %NULL */
#define RG_DEFINE_STRV_PROPERTY(Type, type, TYPE, field, NAME)                          \
  RG_DEFINE_GETTER (Type, type, TYPE, const char * const *, field, NULL)                \
                                                                                        \
  void                                                                                  \
  type##_set_##field (Type               *self,                                         \
                      const char * const *field)                                        \
  {                                                                                     \
    g_return_if_fail (RG_IS_##TYPE (self));                                             \
                                                                                        \
    if (_rg_set_strv (&self->field, field))                                             \
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_##NAME]);             \
  }

/* A value of @Enum from @first, also what the getter returns on a
 * wrong @self, to @last */
#define RG_DEFINE_ENUM_PROPERTY(Type, type, TYPE, Enum, field, NAME, first, last)      \
  RG_DEFINE_GETTER (Type, type, TYPE, Enum, field, first)                               \
                                                                                        \
  void                                                                                  \
  type##_set_##field (Type *self,                                                       \
                      Enum  field)                                                      \
  {                                                                                     \
    g_return_if_fail (RG_IS_##TYPE (self));                                             \
    g_return_if_fail ((guint) field <= last);                                           \
                                                                                        \
    if (self->field != field)                                                           \
      {                                                                                 \
        self->field = field;                                                            \
        g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_##NAME]);           \
      }                                                                                 \
  }

/* A boolean, kept as TRUE or FALSE */
#define RG_DEFINE_BOOLEAN_PROPERTY(Type, type, TYPE, field, NAME)                       \
  RG_DEFINE_GETTER (Type, type, TYPE, gboolean, field, FALSE)                           \
                                                                                        \
  void                                                                                  \
  type##_set_##field (Type     *self,                                                   \
                      gboolean  field)                                                  \
  {                                                                                     \
    g_return_if_fail (RG_IS_##TYPE (self));                                             \
                                                                                        \
    field = !!field;                                                                    \
    if (self->field != field)                                                           \
      {                                                                                 \
        self->field = field;                                                            \
        g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_##NAME]);           \
      }                                                                                 \
  }

/* Whether @id is %NULL, "" (none) or an id: what an optional reference
 * to another object may be */
static inline gboolean
_rg_optional_id_is_valid (const char *id)
{
  return id == NULL || id[0] == '\0' || rg_id_is_valid (id);
}

/* Same for an optional date */
static inline gboolean
_rg_optional_date_is_valid (const char *date)
{
  return date == NULL || date[0] == '\0' || rg_date_is_valid (date);
}

/* The id given at construction, or a new one when none is given. An
 * invalid one is a programming error: it could not be written. */
static inline char *
_rg_id_or_new (const char *id)
{
  if (id != NULL && rg_id_is_valid (id))
    return g_strdup (id);

  if (id != NULL)
    g_critical ("“%s” is not a lower-case UUID; using a new id", id);

  return g_uuid_string_random ();
}

/* Whether every id of a list (possibly %NULL) is valid */
static inline gboolean
_rg_ids_are_valid (const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (!rg_id_is_valid (ids[i]))
        return FALSE;
    }

  return TRUE;
}

/* @time in UTC, to the second: what the file keeps of a time, so that a
 * time read back from a file equals the one that was written. */
static inline GDateTime *
_rg_time_normalize (GDateTime *time)
{
  /* A file holds thousands of times, each set on load: most are so
   * already. */
  if (g_date_time_get_microsecond (time) == 0 &&
      g_strcmp0 (g_time_zone_get_identifier (g_date_time_get_timezone (time)), "UTC") == 0)
    return g_date_time_ref (time);

  return g_date_time_new_from_unix_utc (g_date_time_to_unix (time));
}

static inline GDateTime *
_rg_time_new_now (void)
{
  return g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
}

G_END_DECLS
