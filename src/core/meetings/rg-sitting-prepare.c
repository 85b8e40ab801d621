/* rg-sitting-prepare.c — putting situations on a sitting's agenda, and
 * preparing it
 *
 * A situation goes on the agenda with its label and code as its latest
 * session gives them, and, invited, every partner of that session. Two
 * partners may bear one name (a teacher and the mother both “Mme
 * Legrand”), but a sitting names each invitee once (docs/file-format.md):
 * the second is told apart by its profession, its institution or a
 * number.
 * Preparing the sitting then makes, for each situation not prepared yet,
 * the session the sitting will hold about it: the follow-up of its
 * latest session (rg_session_new_follow_up ()), saved beside it, or a new
 * session when the situation has none yet; dated the sitting's day, with
 * the invitees as partners. And, for each invitee, the contribution
 * they fill in beforehand (rg_contribution_new ()), recorded in the
 * session as asked today (#RgPartner:contribution-asked). The agenda then
 * names each session, by its id and its file in the library.
 *
 * Everything is written through the same functions as elsewhere
 * (rg_document_save (), atomic and never over another program's
 * change), into files that did not exist: nothing is ever written over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-sitting-prepare"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-contribution.h"
#include "rg-document.h"
#include "rg-file-io.h"
#include "rg-follow-up.h"
#include "rg-paths.h"
#include "rg-session-xml.h"
#include "rg-sitting-prepare.h"
#include "rg-template.h"

G_DEFINE_QUARK (rg-sitting-prepare-error-quark, rg_sitting_prepare_error)

/**
 * rg_sitting_find_latest_session:
 * @library: a #RgLibrary, its index up to date
 * @situation_id: a situation's id
 * @error: a location for a #GError
 *
 * Finds the latest session held about a situation: the newest by date
 * of its sessions that load, contributions and conflict copies aside.
 *
 * Returns: (transfer full) (nullable): its entry, or %NULL with no error
 *   when the situation has no session, or %NULL with the error of the
 *   index
 */
RgLibraryEntry *
rg_sitting_find_latest_session (RgLibrary   *library,
                                const char  *situation_id,
                                GError     **error)
{
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) entries = NULL;

  g_return_val_if_fail (RG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (situation_id != NULL, NULL);

  query->situation_id = g_strdup (situation_id);
  if (!(entries = rg_library_query (library, query, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RgLibraryEntry) entry = g_list_model_get_item (entries, i);

      if (rg_library_entry_get_error_message (entry) == NULL
          && rg_library_entry_get_kind (entry) == RG_SESSION_KIND_SESSION
          && rg_library_entry_get_conflict_of (entry) == NULL)
        return g_steal_pointer (&entry);
    }

  return NULL;
}

/* A name no invitee of @item bears yet, not even in another case
 * (rg_sitting_item_find_invitee () finds names so): the partner's, or
 * it followed by its profession, its institution or a number */
static char *
distinct_name (RgSittingItem    *item,
               RgSittingInvitee *invitee,
               RgPartner        *partner)
{
  /* As the invitee holds it, its spaces tidied */
  const char *name = rg_sitting_invitee_get_name (invitee);
  const char *details[] = {
    rg_partner_get_profession (partner),
    rg_partner_get_institution (partner),
  };

  if (name[0] == '\0')
    name = _("Unnamed partner");
  if (rg_sitting_item_find_invitee (item, name) == NULL)
    return g_strdup (name);

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    {
      g_autofree char *candidate = NULL;

      if (details[i] == NULL || details[i][0] == '\0')
        continue;

      /* Translators: an invitee of a sitting whose name another invitee
       * bears too, told apart by profession or institution, as
       * "Mme Legrand (Assistante sociale)" */
      candidate = g_strdup_printf (_("%s (%s)"), name, details[i]);
      if (rg_sitting_item_find_invitee (item, candidate) == NULL)
        return g_steal_pointer (&candidate);
    }

  for (guint n = 2;; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s (%u)", name, n);

      if (rg_sitting_item_find_invitee (item, candidate) == NULL)
        return g_steal_pointer (&candidate);
    }
}

static RgSession *
load_session (GFile   *file,
              GError **error)
{
  g_autoptr(GBytes) bytes = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, NULL, NULL, error);

  if (bytes == NULL)
    return NULL;

  return rg_session_new_from_bytes (bytes, error);
}

/**
 * rg_sitting_add_situation:
 * @sitting: a #RgSitting
 * @library: its library, the index up to date
 * @situation_id: a situation of the library
 * @start: (nullable): when its slot begins, `HH:MM`; %NULL for when the
 *   last slot of the agenda ends
 * @minutes: how long the slot lasts
 * @error: a location for a #GError
 *
 * Adds the situation at the end of the agenda, with its label and code
 * as its latest session gives them, and that session's partners
 * invited, each under a name no other invitee of the item bears (a
 * name two partners share is followed by the profession, institution or
 * a number).
 *
 * Returns: (transfer none) (nullable): the new item of the agenda, or
 *   %NULL when the library holds no session of the situation
 *   (%RG_SITTING_PREPARE_ERROR_UNKNOWN_SITUATION), the slot would end
 *   past midnight (%RG_SITTING_PREPARE_ERROR_NO_ROOM), or the session
 *   cannot be read
 */
RgSittingItem *
rg_sitting_add_situation (RgSitting   *sitting,
                          RgLibrary   *library,
                          const char  *situation_id,
                          const char  *start,
                          guint        minutes,
                          GError     **error)
{
  g_autoptr(RgLibraryEntry) entry = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(RgSittingItem) item = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *end = NULL;
  GListModel *partners;
  GError *local_error = NULL;

  g_return_val_if_fail (RG_IS_SITTING (sitting), NULL);
  g_return_val_if_fail (RG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (situation_id != NULL, NULL);
  g_return_val_if_fail (start == NULL || rg_sitting_time_is_valid (start), NULL);
  g_return_val_if_fail (minutes > 0, NULL);

  if (start == NULL)
    start = rg_sitting_get_end (sitting);
  if (start == NULL)
    start = "09:00";

  end = rg_sitting_time_from_minutes (rg_sitting_time_to_minutes (start) + (int) MIN (minutes, 24 * 60));
  if (end == NULL)
    {
      g_set_error (error, RG_SITTING_PREPARE_ERROR, RG_SITTING_PREPARE_ERROR_NO_ROOM,
                   _("The slot of this situation would end after midnight."));
      return NULL;
    }

  entry = rg_sitting_find_latest_session (library, situation_id, &local_error);
  if (entry == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RG_SITTING_PREPARE_ERROR, RG_SITTING_PREPARE_ERROR_UNKNOWN_SITUATION,
                     _("No session of the library is about the situation “%s”."), situation_id);
      return NULL;
    }

  file = rg_library_entry_dup_file (entry);
  if (!(session = load_session (file, error)))
    return NULL;

  item = rg_sitting_item_new (situation_id, rg_session_get_situation_label (session), start, end);
  rg_sitting_item_set_situation_code (item, rg_session_get_situation_code (session));

  partners = rg_session_get_partners (session);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(RgSittingInvitee) invitee = rg_sitting_invitee_new_for_partner (partner);
      g_autofree char *name = distinct_name (item, invitee, partner);

      rg_sitting_invitee_set_name (invitee, name);
      rg_sitting_item_add_invitee (item, invitee);
    }

  rg_sitting_add_item (sitting, item);

  return item;
}

/* The partner of @session the invitee is: by id, then by name; a new
 * partner when neither. The invitee then names it by id. */
static RgPartner *
partner_for_invitee (RgSession        *session,
                     RgSittingInvitee *invitee)
{
  GListModel *partners = rg_session_get_partners (session);
  const char *id = rg_sitting_invitee_get_partner_id (invitee);
  g_autofree char *name = g_utf8_casefold (rg_sitting_invitee_get_name (invitee), -1);
  g_autoptr(RgPartner) partner = NULL;

  if (id != NULL && rg_session_find_partner (session, id) != NULL)
    return rg_session_find_partner (session, id);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) other = g_list_model_get_item (partners, i);
      g_autofree char *other_name = g_utf8_casefold (rg_partner_get_name (other), -1);

      if (g_str_equal (name, other_name))
        {
          rg_sitting_invitee_set_partner_id (invitee, rg_partner_get_id (other));
          return other;
        }
    }

  partner = rg_partner_new ();
  rg_partner_set_name (partner, rg_sitting_invitee_get_name (invitee));
  rg_partner_set_profession (partner, rg_sitting_invitee_get_profession (invitee));
  rg_partner_set_institution (partner, rg_sitting_invitee_get_institution (invitee));
  rg_partner_set_colour (partner, rg_partner_pick_colour (partners));
  rg_session_add_partner (session, partner);
  rg_sitting_invitee_set_partner_id (invitee, rg_partner_get_id (partner));

  return partner;
}

static gboolean
save_new (RgSession     *session,
          GFile         *file,
          GPtrArray     *written,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(RgDocument) document = rg_document_new (session, file);

  if (!rg_document_save (document, cancellable, error))
    return FALSE;

  if (written != NULL)
    g_ptr_array_add (written, g_object_ref (file));

  return TRUE;
}

/* The session of @item, not saved yet, and the folder it goes in */
static RgSession *
make_session (RgSitting      *sitting,
              RgSittingItem  *item,
              RgLibrary      *library,
              char          **folder,
              GError        **error)
{
  const char *situation_id = rg_sitting_item_get_situation_id (item);
  g_autoptr(RgLibraryEntry) entry = NULL;
  g_autoptr(RgSession) session = NULL;
  GError *local_error = NULL;

  entry = rg_sitting_find_latest_session (library, situation_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (entry != NULL)
    {
      g_autoptr(GFile) file = rg_library_entry_dup_file (entry);
      g_autoptr(RgSession) previous = load_session (file, error);

      if (previous == NULL)
        return NULL;

      session = rg_session_new_follow_up (previous);
      *folder = g_path_get_dirname (rg_library_entry_get_path (entry));
    }
  else
    {
      if (!(session = rg_session_new_from_template (RG_TEMPLATE_DEFAULT, NULL, error)))
        return NULL;

      rg_session_set_situation_id (session, situation_id);
      rg_session_set_situation_label (session, rg_sitting_item_get_situation_label (item));
      rg_session_set_situation_code (session, rg_sitting_item_get_situation_code (item));
      *folder = g_strdup (rg_library_get_folder (library));
    }

  rg_session_set_date (session, rg_sitting_get_date (sitting));
  if (rg_sitting_get_place (sitting) != NULL)
    rg_session_set_place (session, rg_sitting_get_place (sitting));
  if (rg_sitting_get_title (sitting)[0] != '\0')
    rg_session_set_title (session, rg_sitting_get_title (sitting));

  return g_steal_pointer (&session);
}

static gboolean
prepare_item (RgSitting      *sitting,
              RgSittingItem  *item,
              RgLibrary      *library,
              GFile          *contributions_folder,
              GPtrArray      *written,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GFile) library_folder = g_file_new_for_path (rg_library_get_folder (library));
  g_autoptr(RgSession) session = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *contributions_path = g_file_get_path (contributions_folder);
  g_autofree char *name = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *today = rg_date_new_today ();
  const char *label = rg_sitting_item_get_situation_label (item);
  GListModel *invitees = rg_sitting_item_get_invitees (item);

  if (!(session = make_session (sitting, item, library, &folder, error)))
    return FALSE;

  if (g_list_model_get_n_items (invitees) > 0
      && !rg_paths_ensure_private_dir (contributions_path, error))
    return FALSE;

  /* The contributions first: they are asked of the session's partners */
  for (guint i = 0; i < g_list_model_get_n_items (invitees); i++)
    {
      g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, i);
      g_autoptr(RgSession) contribution = NULL;
      g_autoptr(GFile) contribution_file = NULL;
      g_autofree char *title = NULL;
      RgPartner *partner = partner_for_invitee (session, invitee);

      contribution = rg_contribution_new (session, partner);
      /* The session is new, shown nowhere yet: no undo step to record */
      rg_partner_set_contribution_asked (partner, today);
      /* Translators: the file name of a contribution asked for a sitting:
       * the situation's label, then the partner's name */
      title = g_strdup_printf (_("contribution – %s – %s"), label, rg_partner_get_name (partner));
      contribution_file = rg_paths_new_named_file (contributions_path, title, RG_SESSION_FILE_SUFFIX);
      if (!save_new (contribution, contribution_file, written, cancellable, error))
        return FALSE;
    }

  name = g_strdup_printf ("%s — %s", rg_session_get_title (session), label);
  file = rg_paths_new_named_file (folder, name, RG_SESSION_FILE_SUFFIX);
  if (!save_new (session, file, written, cancellable, error))
    return FALSE;

  /* The index learns of it now rather than at the next scan; if it
   * cannot, that scan will */
  if (!rg_library_update_file (library, file, session, NULL))
    g_debug ("The index could not be updated for a session of a sitting");

  relative = g_file_get_relative_path (library_folder, file);
  rg_sitting_item_set_session_id (item, rg_session_get_id (session));
  rg_sitting_item_set_session_file (item, relative);

  return TRUE;
}

/**
 * rg_sitting_prepare:
 * @sitting: a #RgSitting
 * @library: the library of its situations, the index up to date
 * @contributions_folder: where to write the contributions
 * @written: (nullable) (element-type GFile): where to add each file
 *   written, sessions and contributions
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Prepares each situation of the agenda that has no session yet: its
 * session for the sitting (the follow-up of its latest session, saved
 * beside it, or a new session in the library folder), with every
 * invitee a partner of it, and a contribution for each invitee in
 * @contributions_folder. The agenda item then names the session.
 * Stops at the first failure; the items prepared until then stay so, and
 * a second call prepares the rest. Blocks: the application calls it from
 * a thread, on a sitting no window shows yet. The caller saves @sitting.
 *
 * Returns: %TRUE if every situation of the agenda is prepared
 */
gboolean
rg_sitting_prepare (RgSitting     *sitting,
                    RgLibrary     *library,
                    GFile         *contributions_folder,
                    GPtrArray     *written,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GListModel *items;

  g_return_val_if_fail (RG_IS_SITTING (sitting), FALSE);
  g_return_val_if_fail (RG_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (G_IS_FILE (contributions_folder), FALSE);

  items = rg_sitting_get_items (sitting);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgSittingItem) item = g_list_model_get_item (items, i);

      if (rg_sitting_item_get_session_id (item) != NULL)
        continue;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !prepare_item (sitting, item, library, contributions_folder, written, cancellable,
                            error))
        return FALSE;
    }

  return TRUE;
}
