/* rg-template.c — the sessions a new session starts from
 *
 * A template is a session file (data/templates/NAME.regards, embedded in
 * the core resource) holding the dimensions and criteria categories a
 * kind of team usually works with, and nothing about any child. A new
 * session made from it gets fresh ids for every object (two sessions
 * from one template share nothing, and are about two situations), today's
 * date and its title.
 *
 * The templates:
 *  - "pre": a Programme de Réussite Éducative team — the six usual
 *    dimensions of a child's situation and the four usual categories of
 *    success criteria (for the child, the family, the school, the
 *    partnership);
 *  - "school-team": a school's own team (teachers, school social worker,
 *    psychologist) — dimensions seen from school, three categories;
 *  - "blank": one dimension, “Situation générale”, so the grid has a row
 *    to write in from the start, and no criteria categories.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-session-xml-private.h"
#include "rg-template.h"

#define TEMPLATE_RESOURCE_DIR "/io/github/regards/Regards/core/templates/"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct
{
  const char *id;
  const char *name;
  const char *description;
} TemplateInfo;

static const TemplateInfo templates[] = {
  { "pre",
    N_("PRE — multidisciplinary support team"),
    N_("Six dimensions of the child's situation, and success criteria for the child, the family, the school and the partnership") },
  { "school-team",
    N_("School team"),
    N_("Dimensions seen from school, and success criteria for the pupil, the family and the teaching team") },
  { "blank",
    N_("Blank"),
    N_("A single dimension to start from; add your own") },
};

static const char * const template_ids[] = { "pre", "school-team", "blank", NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (template_ids) == G_N_ELEMENTS (templates) + 1);

static const TemplateInfo *
find_template (const char *template_id)
{
  if (template_id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      if (g_str_equal (templates[i].id, template_id))
        return &templates[i];
    }

  return NULL;
}

/**
 * rg_template_get_ids:
 *
 * The templates, in the order to offer them.
 *
 * Returns: (transfer none) (array zero-terminated=1): template ids
 */
const char * const *
rg_template_get_ids (void)
{
  return template_ids;
}

/**
 * rg_template_get_name:
 * @template_id: a template id
 *
 * Returns: (transfer none) (nullable): the translated name of the
 *   template, or %NULL if there is no such template
 */
const char *
rg_template_get_name (const char *template_id)
{
  const TemplateInfo *info = find_template (template_id);

  return info != NULL ? _(info->name) : NULL;
}

/**
 * rg_template_get_description:
 * @template_id: a template id
 *
 * Returns: (transfer none) (nullable): one translated sentence saying
 *   what the template holds, or %NULL if there is no such template
 */
const char *
rg_template_get_description (const char *template_id)
{
  const TemplateInfo *info = find_template (template_id);

  return info != NULL ? _(info->description) : NULL;
}

/* The attributes that hold an id or a reference to one */
static const char * const id_attributes[] = {
  "id", "partner", "dimension", "statement", "contributor", "owner", "recorded-by",
};

/* Gives every object of @node and below a new id, and every reference
 * the new id of what it refers to; @ids maps old ids to new ones. */
static void
renew_ids (xmlNode    *node,
           GHashTable *ids)
{
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (id_attributes); i++)
        {
          xmlChar *value = xmlGetNoNsProp (child, (const xmlChar *) id_attributes[i]);
          const char *renewed;

          if (value == NULL)
            continue;

          renewed = g_hash_table_lookup (ids, value);
          if (renewed == NULL)
            {
              renewed = g_uuid_string_random ();
              g_hash_table_insert (ids, g_strdup ((const char *) value), (char *) renewed);
            }

          xmlSetProp (child, (const xmlChar *) id_attributes[i], (const xmlChar *) renewed);
          xmlFree (value);
        }

      renew_ids (child->children, ids);
    }
}

/**
 * rg_session_new_from_template:
 * @template_id: one of rg_template_get_ids ()
 * @title: (nullable): the title of the new session
 * @error: a location for a #GError
 *
 * A new session being prepared, dated today, about a new situation,
 * holding what the template holds under new ids.
 *
 * Returns: (transfer full) (nullable): a new #RgSession, or %NULL if
 *   there is no such template
 */
RgSession *
rg_session_new_from_template (const char  *template_id,
                              const char  *title,
                              GError     **error)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autofree char *path = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (find_template (template_id) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no session template named “%s”."),
                   template_id != NULL ? template_id : "");
      return NULL;
    }

  path = g_strconcat (TEMPLATE_RESOURCE_DIR, template_id, ".regards", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  /* A template goes through the same checks as any file */
  if (!(doc = _rg_session_xml_read (bytes, error)))
    return NULL;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  renew_ids (xmlDocGetRootElement (doc), ids);

  session = _rg_session_xml_build (doc);

  today = rg_date_new_today ();
  rg_session_set_title (session, title);
  rg_session_set_date (session, today);
  rg_session_set_status (session, RG_SESSION_STATUS_PREPARING);
  rg_session_set_kind (session, RG_SESSION_KIND_SESSION);

  return g_steal_pointer (&session);
}
