/* rg-sitting-minutes.c — one set of minutes for a whole team sitting
 *
 * After a sitting, the coordinator sends one document: the sitting (its
 * kind, day, place and hours), then each situation of the agenda in
 * order, with its slot, the decisions of its session (the actions: what,
 * who, by when, in what state), the success criteria agreed, and the
 * next review. It is a report of this folder (rg_report_new_blank ()),
 * laid out and written as a session's report is, in PDF or ODT.
 *
 * Each situation's session is the file its agenda item names, read from
 * the library folder as the application reads it. A situation without a
 * session yet, or whose session cannot be read, says so in its place:
 * the minutes of the others are still written.
 *
 * Pseudonymised, the minutes name no one and nothing that tells where:
 * each session goes through rg_session_pseudonymise () (partners become
 * their professions, names in the texts are replaced); the situations
 * are "Situation 1", "Situation 2"… in the order of the agenda, with no
 * code; the sitting's own title and place, free texts that may name a
 * school or a family, are left out, and so is the list of people
 * invited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-sitting-minutes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-bidi.h"
#include "rg-export-odt.h"
#include "rg-export-pdf.h"
#include "rg-file-io.h"
#include "rg-pseudonymise.h"
#include "rg-session-xml.h"
#include "rg-sitting-minutes.h"

/* A time slot, "14:00 – 14:30" */
static char *
format_slot (const char *start,
             const char *end)
{
  if (start == NULL || end == NULL)
    return NULL;

  /* Translators: a time slot, from its start to its end, as in "14:00 – 14:30" */
  return g_strdup_printf (_("%s – %s"), start, end);
}

/* A date in the user's language, or as it is when it is not one */
static char *
format_date (const char *date)
{
  char *text = rg_date_format (date);

  return text != NULL ? text : g_strdup (date);
}

/* The session an agenda item names, read from the library folder, or
 * %NULL with @error set */
static RgSession *
load_session (RgSittingItem  *item,
              GFile          *library_folder,
              GCancellable   *cancellable,
              GError        **error)
{
  const char *relative = rg_sitting_item_get_session_file (item);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* The model accepts only paths inside the library folder */
  g_assert (relative != NULL && rg_sitting_session_file_is_valid (relative));

  file = g_file_resolve_relative_path (library_folder, relative);
  if (!(bytes = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, NULL, cancellable, error)))
    return NULL;

  return rg_session_new_from_bytes (bytes, error);
}

static const char *
owner_name (RgSession *session,
            RgAction  *action)
{
  const char *owner_id = rg_action_get_owner_id (action);
  RgPartner *partner = owner_id != NULL ? rg_session_find_partner (session, owner_id) : NULL;

  if (partner != NULL)
    return rg_partner_get_name (partner);

  /* Someone from outside the team, when no partner was chosen */
  return rg_action_get_owner_name (action);
}

static void
add_decisions (RgReport  *report,
               RgSession *session)
{
  GListModel *actions = rg_session_get_actions (session);
  const char *header[] = { _("Action"), _("Owner"), _("Due"), _("Status"), NULL };

  rg_report_add_heading (report, 3, NULL, _("Decisions"));
  if (g_list_model_get_n_items (actions) == 0)
    {
      rg_report_add_paragraph (report, RG_REPORT_STYLE_EMPTY, NULL, _("No actions."));
      return;
    }

  rg_report_add_table (report, header);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);
      g_autofree char *due = rg_date_format (rg_action_get_due (action));
      const char *row[] = {
        rg_action_get_what (action),
        owner_name (session, action),
        due,
        rg_action_status_get_label (rg_action_get_status (action)),
        NULL,
      };

      /* A missing cell would end the row there */
      for (guint c = 0; c < G_N_ELEMENTS (row) - 1; c++)
        if (row[c] == NULL)
          row[c] = "";
      rg_report_add_table_row (report, row);
    }
}

static void
add_criteria (RgReport  *report,
              RgSession *session)
{
  GListModel *categories = rg_session_get_categories (session);
  guint n_agreed = 0;

  rg_report_add_heading (report, 3, NULL, _("Success criteria agreed"));
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);

      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, c);
          g_autofree char *text = NULL;

          if (!rg_criterion_get_agreed (criterion))
            continue;

          if (rg_criterion_get_met (criterion))
            {
              g_autofree char *isolated = rg_bidi_isolate (rg_criterion_get_text (criterion));

              /* Translators: a success criterion the team judged met, as in
               * "Comes to school every day (met)" */
              text = g_strdup_printf (_("%s (met)"), isolated);
            }
          else
            {
              text = g_strdup (rg_criterion_get_text (criterion));
            }

          rg_report_add_item (report, NULL, text);
          n_agreed++;
        }
    }

  if (n_agreed == 0)
    rg_report_add_paragraph (report, RG_REPORT_STYLE_EMPTY, NULL,
                             _("No success criteria agreed."));
}

static void
add_invited (RgReport      *report,
             RgSittingItem *item)
{
  GListModel *invitees = rg_sitting_item_get_invitees (item);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (invitees); i++)
    {
      g_autoptr(RgSittingInvitee) invitee = g_list_model_get_item (invitees, i);
      const char *profession = rg_sitting_invitee_get_profession (invitee);
      g_autofree char *name = rg_bidi_isolate (rg_sitting_invitee_get_name (invitee));

      if (names->len > 0)
        g_string_append (names, ", ");
      if (profession != NULL)
        {
          g_autofree char *isolated = rg_bidi_isolate (profession);

          /* Translators: a person invited and their profession, as in
           * "Mme Martin (enseignante)" */
          g_string_append_printf (names, _("%s (%s)"), name, isolated);
        }
      else
        {
          g_string_append (names, name);
        }
    }

  if (names->len > 0)
    rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, _("Invited:"), names->str);
}

static gboolean
add_situation (RgReport               *report,
               RgSittingItem          *item,
               guint                   number,
               GFile                  *library_folder,
               RgSittingMinutesFlags   flags,
               GCancellable           *cancellable,
               GError                **error)
{
  gboolean pseudonymise = (flags & RG_SITTING_MINUTES_PSEUDONYMISE) != 0;
  g_autofree char *slot = format_slot (rg_sitting_item_get_start (item),
                                       rg_sitting_item_get_end (item));
  g_autofree char *heading = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autofree char *review = NULL;

  if (pseudonymise)
    /* Translators: a situation of a sitting's pseudonymised minutes, by
     * its place on the agenda: "Situation 1", "Situation 2"… */
    heading = g_strdup_printf (_("Situation %u"), number);
  else
    heading = g_strdup (rg_sitting_item_get_situation_label (item));

  rg_report_add_heading (report, 2, "situation", heading);
  rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, _("Time slot:"), slot);
  if (!pseudonymise)
    {
      const char *code = rg_sitting_item_get_situation_code (item);

      if (code != NULL)
        rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, _("Code:"), code);
      add_invited (report, item);
    }

  if (rg_sitting_item_get_session_file (item) == NULL)
    {
      rg_report_add_paragraph (report, RG_REPORT_STYLE_EMPTY, NULL,
                               _("No session was prepared for this situation."));
      return TRUE;
    }

  session = load_session (item, library_folder, cancellable, &load_error);
  if (session == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (load_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&load_error));
          return FALSE;
        }

      /* Translators: %s says why, as the application says it */
      message = g_strdup_printf (_("The session of this situation could not be read: %s"),
                                 load_error->message);
      rg_report_add_paragraph (report, RG_REPORT_STYLE_EMPTY, NULL, message);
      return TRUE;
    }

  if (pseudonymise)
    {
      RgSession *copy = rg_session_pseudonymise (session, RG_PSEUDONYMISE_NONE);

      g_object_unref (session);
      session = copy;
    }

  add_decisions (report, session);
  add_criteria (report, session);

  rg_report_add_heading (report, 3, NULL, _("Next review"));
  review = rg_date_format (rg_session_get_next_review (session));
  if (review != NULL)
    rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, NULL, review);
  else
    rg_report_add_paragraph (report, RG_REPORT_STYLE_EMPTY, NULL, _("No date set."));

  return TRUE;
}

/**
 * rg_sitting_minutes_new:
 * @sitting: a #RgSitting
 * @library_folder: the library folder, where the sessions its agenda
 *   names are
 * @flags: whether to pseudonymise
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Makes the minutes of @sitting: its kind, day, place and hours, then,
 * for each situation in the order of the agenda, its slot, the
 * decisions of its session (its actions), the success criteria agreed
 * and the next review. Reads the sessions: blocks.
 *
 * Returns: (transfer full) (nullable): the minutes, to write with
 *   rg_export_pdf_report () or rg_export_odt_report (), or %NULL when
 *   cancelled
 */
RgReport *
rg_sitting_minutes_new (RgSitting              *sitting,
                        GFile                  *library_folder,
                        RgSittingMinutesFlags   flags,
                        GCancellable           *cancellable,
                        GError                **error)
{
  gboolean pseudonymise = (flags & RG_SITTING_MINUTES_PSEUDONYMISE) != 0;
  const char *kind = rg_sitting_kind_get_label (rg_sitting_get_kind (sitting));
  GListModel *items;
  g_autoptr(RgReport) report = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (RG_IS_SITTING (sitting), NULL);
  g_return_val_if_fail (G_IS_FILE (library_folder), NULL);

  date = format_date (rg_sitting_get_date (sitting));
  hours = format_slot (rg_sitting_get_start (sitting), rg_sitting_get_end (sitting));

  /* Translators: the title of a sitting's minutes, as in
   * "Minutes – Support team of 12 March 2027" */
  title = g_strdup_printf (_("Minutes – %s of %s"), kind, date);
  subtitle = g_strdup (pseudonymise || rg_sitting_get_title (sitting) == NULL
                       ? kind : rg_sitting_get_title (sitting));

  report = rg_report_new_blank (title, subtitle);
  rg_report_add_heading (report, 1, NULL, title);
  if (!pseudonymise)
    {
      if (rg_sitting_get_title (sitting) != NULL)
        rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, _("Title:"),
                                 rg_sitting_get_title (sitting));
      if (rg_sitting_get_place (sitting) != NULL)
        rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, _("Place:"),
                                 rg_sitting_get_place (sitting));
    }
  rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, _("Kind:"), kind);
  rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, _("Date:"), date);
  if (hours != NULL)
    rg_report_add_paragraph (report, RG_REPORT_STYLE_NORMAL, _("Hours:"), hours);

  items = rg_sitting_get_items (sitting);
  if (g_list_model_get_n_items (items) == 0)
    rg_report_add_paragraph (report, RG_REPORT_STYLE_EMPTY, NULL,
                             _("No situation on the agenda."));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgSittingItem) item = g_list_model_get_item (items, i);

      if (!add_situation (report, item, i + 1, library_folder, flags, cancellable, error))
        return NULL;
    }

  return g_steal_pointer (&report);
}

/**
 * rg_sitting_minutes_write:
 * @sitting: a #RgSitting
 * @library_folder: the library folder, where the sessions its agenda
 *   names are
 * @flags: whether to pseudonymise
 * @format: %RG_EXPORT_FORMAT_PDF or %RG_EXPORT_FORMAT_ODT
 * @output: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes the minutes of @sitting (see rg_sitting_minutes_new ()) to
 * @output, atomically and readable by its owner only, as a session's
 * report is written: minutes say as much about the families as the
 * sessions. Blocks.
 *
 * Returns: %TRUE if @output was written
 */
gboolean
rg_sitting_minutes_write (RgSitting              *sitting,
                          GFile                  *library_folder,
                          RgSittingMinutesFlags   flags,
                          RgExportFormat          format,
                          GFile                  *output,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_autoptr(RgReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RG_IS_SITTING (sitting), FALSE);
  g_return_val_if_fail (G_IS_FILE (library_folder), FALSE);
  g_return_val_if_fail (format == RG_EXPORT_FORMAT_PDF || format == RG_EXPORT_FORMAT_ODT, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  if (!(report = rg_sitting_minutes_new (sitting, library_folder, flags, cancellable, error)))
    return FALSE;

  if (format == RG_EXPORT_FORMAT_PDF)
    bytes = rg_export_pdf_report (report, error);
  else
    bytes = rg_export_odt_report (report, error);

  return bytes != NULL &&
         rg_file_write_atomic (output, bytes, NULL, NULL, NULL, cancellable, error);
}
