/* rg-library-sitting.c — a team sitting, as the index knows it
 *
 * What the library's list of sittings shows of one sitting file, read
 * from the index (rg-library-sittings.c); a file that cannot be loaded
 * has its path and error only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-sitting"

#include "config.h"

#include "rg-library-sitting-private.h"
#include "rg-enums.h"

G_DEFINE_FINAL_TYPE (RgLibrarySitting, rg_library_sitting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_ERROR_MESSAGE,
  PROP_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_DATE,
  PROP_START,
  PROP_PLACE,
  PROP_N_SITUATIONS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rg_library_sitting_finalize (GObject *object)
{
  RgLibrarySitting *self = (RgLibrarySitting *) object;

  g_free (self->path);
  g_free (self->error_message);
  g_free (self->id);
  g_free (self->title);
  g_free (self->date);
  g_free (self->start);
  g_free (self->place);

  G_OBJECT_CLASS (rg_library_sitting_parent_class)->finalize (object);
}

static void
rg_library_sitting_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RgLibrarySitting *self = RG_LIBRARY_SITTING (object);

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

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_START:
      g_value_set_string (value, self->start);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_N_SITUATIONS:
      g_value_set_uint (value, self->n_situations);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_library_sitting_class_init (RgLibrarySittingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rg_library_sitting_finalize;
  object_class->get_property = rg_library_sitting_get_property;

  /* Made by the index and never changed: every property is read-only. */
  properties [PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties [PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RG_TYPE_SITTING_KIND,
                       RG_SITTING_KIND_SUPPORT_TEAM, flags);
  properties [PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties [PROP_START] = g_param_spec_string ("start", NULL, NULL, NULL, flags);
  properties [PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties [PROP_N_SITUATIONS] =
    g_param_spec_uint ("n-situations", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_library_sitting_init (RgLibrarySitting *self)
{
}

#define DEFINE_GETTER(Type, name, fallback)                        \
  Type                                                             \
  rg_library_sitting_get_##name (RgLibrarySitting *self)           \
  {                                                                \
    g_return_val_if_fail (RG_IS_LIBRARY_SITTING (self), fallback); \
                                                                   \
    return self->name;                                             \
  }

/**
 * rg_library_sitting_get_path:
 * @self: a #RgLibrarySitting
 *
 * Returns: (transfer none): the sitting file, an absolute path
 */
DEFINE_GETTER (const char *, path, NULL)

/**
 * rg_library_sitting_get_error_message:
 * @self: a #RgLibrarySitting
 *
 * Returns: (transfer none) (nullable): why the file cannot be loaded, in
 *   words for the coordinator, or %NULL when it loads; a file that cannot
 *   be loaded has no other field but its path
 */
DEFINE_GETTER (const char *, error_message, NULL)

/**
 * rg_library_sitting_get_id:
 * @self: a #RgLibrarySitting
 *
 * Returns: (transfer none) (nullable): the sitting's UUID
 */
DEFINE_GETTER (const char *, id, NULL)

/**
 * rg_library_sitting_get_title:
 * @self: a #RgLibrarySitting
 *
 * Returns: (transfer none) (nullable): its title
 */
DEFINE_GETTER (const char *, title, NULL)

/**
 * rg_library_sitting_get_kind:
 * @self: a #RgLibrarySitting
 *
 * Returns: a support team or a technical committee
 */
DEFINE_GETTER (RgSittingKind, kind, RG_SITTING_KIND_SUPPORT_TEAM)

/**
 * rg_library_sitting_get_date:
 * @self: a #RgLibrarySitting
 *
 * Returns: (transfer none) (nullable): the day it is held, `YYYY-MM-DD`
 */
DEFINE_GETTER (const char *, date, NULL)

/**
 * rg_library_sitting_get_start:
 * @self: a #RgLibrarySitting
 *
 * Returns: (transfer none) (nullable): when its first slot starts,
 *   `HH:MM`, or %NULL when the agenda is empty
 */
DEFINE_GETTER (const char *, start, NULL)

/**
 * rg_library_sitting_get_place:
 * @self: a #RgLibrarySitting
 *
 * Returns: (transfer none) (nullable): where it is held
 */
DEFINE_GETTER (const char *, place, NULL)

/**
 * rg_library_sitting_get_n_situations:
 * @self: a #RgLibrarySitting
 *
 * Returns: how many situations its agenda has
 */
DEFINE_GETTER (guint, n_situations, 0)
