/* rg-sitting-xml.c — reading and writing sitting files
 *
 * A sitting file (`*.regards-sitting`, root `sitting` in
 * urn:x-regards:sitting, see docs/file-format.md) is read as a session
 * file is, through the same steps and limits of rg-session-xml.c (size,
 * bytes, no DTD, entities, XInclude or network, the schema
 * data/schema/regards-sitting.rng), since it may come from anywhere a
 * session comes from. Then what the schema cannot say: ids unique, dates
 * that exist, each slot ending after it begins, a slot's invited partners
 * named once, and session files named inside the library folder.
 *
 * Writing is deterministic, and saving goes through the same atomic
 * write as sessions (rg_file_write_atomic ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-sitting-xml"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-file-io.h"
#include "rg-session-xml-private.h"
#include "rg-sitting-xml.h"

#define X(s) ((const xmlChar *) (s))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define FOR_EACH_ELEMENT(child, parent) \
  for (xmlNode *child = _rg_xml_first_child_element (parent); child != NULL; \
       child = _rg_xml_next_element (child))

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return _rg_xml_is_element (node, RG_XML_SITTING, name);
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  FOR_EACH_ELEMENT (child, parent)
    {
      if (is_element (child, name))
        return child;
    }

  return NULL;
}

/* Reading: what the schema cannot say */

static gboolean
check_unique_id (GHashTable  *ids,
                 xmlNode     *node,
                 GError     **error)
{
  char *id = _rg_xml_get_prop (node, "id");
  xmlNode *other = g_hash_table_lookup (ids, id);

  if (other != NULL)
    {
      g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_DUPLICATE_ID,
                   _("This file is damaged: the object at line %ld has the same identifier as the one at line %ld."),
                   xmlGetLineNo (node), xmlGetLineNo (other));
      g_free (id);
      return FALSE;
    }

  g_hash_table_insert (ids, id, node);
  return TRUE;
}

static gboolean
check_item (xmlNode  *item,
            GError  **error)
{
  g_autoptr(GHashTable) partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *start = _rg_xml_get_prop (item, "start");
  g_autofree char *end = _rg_xml_get_prop (item, "end");

  if (rg_sitting_time_to_minutes (end) <= rg_sitting_time_to_minutes (start))
    {
      g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                   _("This file is damaged: the time slot at line %ld does not end after it begins (%s–%s)."),
                   xmlGetLineNo (item), start, end);
      return FALSE;
    }

  FOR_EACH_ELEMENT (child, item)
    {
      if (is_element (child, "session"))
        {
          g_autofree char *file = _rg_xml_get_prop (child, "file");

          if (!rg_sitting_session_file_is_valid (file))
            {
              g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                           _("This file is damaged: line %ld names a session file outside the library folder (“%s”)."),
                           xmlGetLineNo (child), file);
              return FALSE;
            }
        }
      else if (is_element (child, "invited"))
        {
          char *partner = _rg_xml_get_prop (child, "partner");
          char *name = _rg_xml_get_text (find_child (child, "name"));

          /* The sets take the strings, added or not */
          if ((partner != NULL && !g_hash_table_add (partners, partner))
              || !g_hash_table_add (names, name))
            {
              g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                           _("This file is damaged: line %ld invites the same partner twice to one situation."),
                           xmlGetLineNo (child));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
check_sitting (xmlNode  *root,
               GError  **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *date = find_child (root, "date");
  g_autofree char *day = _rg_xml_get_text (date);

  if (!rg_date_is_valid (day))
    {
      g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                   _("This file is damaged: line %ld gives a date that does not exist (“%s”)."),
                   xmlGetLineNo (date), day);
      return FALSE;
    }

  if (!check_unique_id (ids, root, error))
    return FALSE;

  FOR_EACH_ELEMENT (item, find_child (root, "agenda"))
    {
      if (!check_unique_id (ids, item, error) || !check_item (item, error))
        return FALSE;
    }

  return TRUE;
}

/* Reading: the model */

static char *
child_text (xmlNode    *parent,
            const char *name)
{
  xmlNode *child = find_child (parent, name);

  return child != NULL ? _rg_xml_get_text (child) : NULL;
}

static RgSittingInvitee *
build_invitee (xmlNode *node)
{
  g_autofree char *partner = _rg_xml_get_prop (node, "partner");
  g_autofree char *name = child_text (node, "name");
  g_autofree char *profession = child_text (node, "profession");
  g_autofree char *institution = child_text (node, "institution");

  return g_object_new (RG_TYPE_SITTING_INVITEE,
                       "partner-id", partner,
                       "name", name,
                       "profession", profession,
                       "institution", institution,
                       NULL);
}

static RgSittingItem *
build_item (xmlNode *node)
{
  g_autofree char *id = _rg_xml_get_prop (node, "id");
  g_autofree char *situation = _rg_xml_get_prop (node, "situation");
  g_autofree char *code = _rg_xml_get_prop (node, "code");
  g_autofree char *start = _rg_xml_get_prop (node, "start");
  g_autofree char *end = _rg_xml_get_prop (node, "end");
  g_autofree char *label = child_text (node, "label");
  xmlNode *session = find_child (node, "session");
  g_autofree char *session_id = session != NULL ? _rg_xml_get_prop (session, "id") : NULL;
  g_autofree char *session_file = session != NULL ? _rg_xml_get_prop (session, "file") : NULL;
  RgSittingItem *item;

  item = g_object_new (RG_TYPE_SITTING_ITEM,
                       "id", id,
                       "situation-id", situation,
                       "situation-label", label,
                       "situation-code", code,
                       "session-id", session_id,
                       "session-file", session_file,
                       "start", start,
                       "end", end,
                       NULL);

  FOR_EACH_ELEMENT (child, node)
    {
      if (is_element (child, "invited"))
        {
          g_autoptr(RgSittingInvitee) invitee = build_invitee (child);

          rg_sitting_item_add_invitee (item, invitee);
        }
    }

  return item;
}

static RgSitting *
build_sitting (xmlNode *root)
{
  g_autofree char *id = _rg_xml_get_prop (root, "id");
  g_autofree char *kind_word = _rg_xml_get_prop (root, "kind");
  g_autofree char *title = child_text (root, "title");
  g_autofree char *date = child_text (root, "date");
  g_autofree char *place = child_text (root, "place");
  RgSittingKind kind = RG_SITTING_KIND_SUPPORT_TEAM;
  RgSitting *sitting;

  rg_sitting_kind_from_string (kind_word, &kind);
  sitting = g_object_new (RG_TYPE_SITTING,
                          "id", id,
                          "kind", kind,
                          "title", title,
                          "date", date,
                          "place", place,
                          NULL);

  FOR_EACH_ELEMENT (node, find_child (root, "agenda"))
    {
      g_autoptr(RgSittingItem) item = build_item (node);

      rg_sitting_add_item (sitting, item);
    }

  return sitting;
}

/**
 * rg_sitting_new_from_bytes:
 * @bytes: the contents of a sitting file
 * @error: a location for a #GError
 *
 * Reads a sitting file, treating it as hostile as session files are:
 * anything but a valid sitting of a known version gives an error of the
 * #RG_FORMAT_ERROR domain, with a message for the coordinator. Safe to
 * call from any thread.
 *
 * Returns: (transfer full) (nullable): a new #RgSitting, or %NULL
 */
RgSitting *
rg_sitting_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(doc = _rg_xml_read (bytes, RG_XML_SITTING, error))
      || !check_sitting (xmlDocGetRootElement (doc), error))
    return NULL;

  return build_sitting (xmlDocGetRootElement (doc));
}

/* Writing */

static void
write_invitee (RgSittingInvitee *invitee,
               xmlNs            *ns,
               xmlNode          *parent)
{
  xmlNode *node = xmlNewChild (parent, ns, X ("invited"), NULL);

  _rg_xml_set_prop (node, "partner", rg_sitting_invitee_get_partner_id (invitee));
  _rg_xml_add_text (node, ns, "name", rg_sitting_invitee_get_name (invitee));
  _rg_xml_add_optional_text (node, ns, "profession", rg_sitting_invitee_get_profession (invitee));
  _rg_xml_add_optional_text (node, ns, "institution", rg_sitting_invitee_get_institution (invitee));
}

static void
write_item (RgSittingItem *item,
            xmlNs         *ns,
            xmlNode       *parent)
{
  xmlNode *node = xmlNewChild (parent, ns, X ("item"), NULL);
  GListModel *invitees = rg_sitting_item_get_invitees (item);
  const char *session_id = rg_sitting_item_get_session_id (item);
  const char *session_file = rg_sitting_item_get_session_file (item);

  _rg_xml_set_prop (node, "id", rg_sitting_item_get_id (item));
  _rg_xml_set_prop (node, "situation", rg_sitting_item_get_situation_id (item));
  _rg_xml_set_prop (node, "code", rg_sitting_item_get_situation_code (item));
  _rg_xml_set_prop (node, "start", rg_sitting_item_get_start (item));
  _rg_xml_set_prop (node, "end", rg_sitting_item_get_end (item));
  _rg_xml_add_text (node, ns, "label", rg_sitting_item_get_situation_label (item));

  /* Both or neither: a session is named by its id and found by its file */
  if (session_id != NULL && session_file != NULL)
    {
      xmlNode *session = xmlNewChild (node, ns, X ("session"), NULL);

      _rg_xml_set_prop (session, "id", session_id);
      _rg_xml_set_prop (session, "file", session_file);
    }

  for (guint i = 0; i < g_list_model_get_n_items (invitees); i++)
    {
      g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, i);

      write_invitee (invitee, ns, node);
    }
}

/**
 * rg_sitting_to_bytes:
 * @sitting: a #RgSitting
 *
 * Writes @sitting in the format of docs/file-format.md. The output only
 * depends on the sitting: saving an unchanged sitting gives the same
 * bytes.
 *
 * Returns: (transfer full): the contents of the file
 */
GBytes *
rg_sitting_to_bytes (RgSitting *sitting)
{
  g_autoptr(xmlDoc) doc = NULL;
  GListModel *items;
  xmlNode *root;
  xmlNode *agenda;
  xmlNs *ns;
  char version[16];

  g_return_val_if_fail (RG_IS_SITTING (sitting), NULL);

  doc = xmlNewDoc (X ("1.0"));
  root = xmlNewDocNode (doc, NULL, X ("sitting"), NULL);
  xmlDocSetRootElement (doc, root);
  ns = xmlNewNs (root, X (RG_SITTING_NAMESPACE), NULL);
  xmlSetNs (root, ns);

  g_snprintf (version, sizeof version, "%u", RG_SITTING_FORMAT_VERSION);
  _rg_xml_set_prop (root, "format-version", version);
  _rg_xml_set_prop (root, "id", rg_sitting_get_id (sitting));
  _rg_xml_set_prop (root, "kind", rg_sitting_kind_to_string (rg_sitting_get_kind (sitting)));
  _rg_xml_add_text (root, ns, "title", rg_sitting_get_title (sitting));
  _rg_xml_add_text (root, ns, "date", rg_sitting_get_date (sitting));
  _rg_xml_add_optional_text (root, ns, "place", rg_sitting_get_place (sitting));

  agenda = xmlNewChild (root, ns, X ("agenda"), NULL);
  items = rg_sitting_get_items (sitting);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgSittingItem) item = g_list_model_get_item (items, i);

      write_item (item, ns, agenda);
    }

  return _rg_xml_doc_to_bytes (doc);
}

/**
 * rg_sitting_load:
 * @file: a sitting file
 * @checksum: (out) (optional): where to store the checksum of what was
 *   read, for rg_sitting_save ()
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Reads @file, at most %RG_SESSION_MAX_SIZE bytes of it, with
 * rg_sitting_new_from_bytes (). Blocks.
 *
 * Returns: (transfer full) (nullable): the sitting, or %NULL
 */
RgSitting *
rg_sitting_load (GFile         *file,
                 char         **checksum,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *read_checksum = NULL;
  RgSitting *sitting;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, &read_checksum, cancellable, error);
  if (bytes == NULL || !(sitting = rg_sitting_new_from_bytes (bytes, error)))
    return NULL;

  if (checksum != NULL)
    *checksum = g_steal_pointer (&read_checksum);

  return sitting;
}

/* Whether @bytes, a sitting written, would load again; @file names it
 * in the error, or %NULL for a sitting not saved yet */
static gboolean
check_bytes (GBytes  *bytes,
             GFile   *file,
             GError **error)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (_rg_session_xml_check_limits (data, size) != RG_SESSION_LIMIT_NONE)
    {
      if (name != NULL)
        g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE,
                     _("Could not save “%s”: the sitting is too large to be saved. Shorten its texts or its agenda, then save again."),
                     name);
      else
        g_set_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_TOO_LARGE,
                     _("The sitting is too large to be saved. Shorten its texts or its agenda."));
      return FALSE;
    }

  /* What the loader would refuse is never written: the coordinator would
   * find the file lost the next time they open it */
  if (!(doc = _rg_xml_read (bytes, RG_XML_SITTING, &check_error))
      || !check_sitting (xmlDocGetRootElement (doc), &check_error))
    {
      g_debug ("A sitting would not load again: %s", check_error->message);
      if (name != NULL)
        g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                     _("Could not save “%s”: Regards could not open it again. Nothing was written."),
                     name);
      else
        g_set_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID,
                     _("The sitting cannot be saved: Regards could not open it again."));
      return FALSE;
    }

  return TRUE;
}

/**
 * rg_sitting_check:
 * @sitting: a #RgSitting
 * @error: a location for a #GError
 *
 * Whether rg_sitting_save () would write @sitting: whether the file
 * would be read again (rg_sitting_new_from_bytes ()). To ask before
 * writing anything else that the sitting's file is to name.
 *
 * Returns: %TRUE if @sitting can be saved
 */
gboolean
rg_sitting_check (RgSitting  *sitting,
                  GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RG_IS_SITTING (sitting), FALSE);

  bytes = rg_sitting_to_bytes (sitting);

  return check_bytes (bytes, NULL, error);
}

/**
 * rg_sitting_save:
 * @sitting: a #RgSitting
 * @file: where to save it
 * @expected_checksum: (nullable): what @file held when last read or
 *   written, as rg_file_write_atomic () takes it, or %NULL to write it
 *   whatever it holds
 * @new_checksum: (out) (optional): the checksum of what was written
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes @sitting to @file atomically, as sessions are (see
 * rg_file_write_atomic ()). A sitting that would make a file Regards
 * could not read again is not written: too large
 * (%RG_DOCUMENT_ERROR_TOO_LARGE), or refused by the checks of
 * rg_sitting_new_from_bytes (), say a partner invited twice to one
 * item (%RG_FORMAT_ERROR_INVALID).
 * Blocks.
 *
 * Returns: %TRUE if @file now holds @sitting
 */
gboolean
rg_sitting_save (RgSitting     *sitting,
                 GFile         *file,
                 const char    *expected_checksum,
                 char         **new_checksum,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RG_IS_SITTING (sitting), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = rg_sitting_to_bytes (sitting);
  if (!check_bytes (bytes, file, error))
    return FALSE;

  return rg_file_write_atomic (file, bytes, expected_checksum, new_checksum, NULL,
                               cancellable, error);
}
