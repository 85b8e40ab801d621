/* rg-report.c — a session's report, as a sequence of blocks
 *
 * What a report says, once for every format: HTML, PDF, print and ODT
 * each lay the same blocks out in their own way. The parts follow the
 * order of the meeting: the title page, the diagnosis by dimension,
 * agreements and divergences, what the previous session left open (in
 * a follow-up session), the partner × partner picture, the
 * glossary, the success criteria, the actions, the next review and the
 * consent. Kinds, link types and statuses are written in words, never
 * left to a colour; every picture has its text alternative.
 *
 * Dates are written in the user's locale, and so are the words: to
 * share a report without names, make it from a copy made by
 * rg_session_pseudonymise ().
 *
 * Every text of the session goes in through rg_bidi_isolate (), and so
 * does each name or text set in a phrase of ours ("Name (dimension):"):
 * a statement that opens a right-to-left override and never closes it
 * reverses no word of the report but its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rg-bidi.h"
#include "rg-criteria-map.h"
#include "rg-divergence-picture.h"
#include "rg-pseudonymise.h"
#include "rg-report.h"
#include "rg-report-date-private.h"
#include "rg-review-item.h"

/* The map's size in the report: wide enough to stay sharp on paper */
#define MAP_WIDTH  1600
#define MAP_HEIGHT 1000

struct _RgReport
{
  RgSession *session;
  char      *title;
  char      *subtitle;
  char      *language;
  GArray    *blocks;   /* of RgReportBlock */
  guint      n_groups;
};

static void
clear_block (gpointer data)
{
  RgReportBlock *block = data;

  g_free (block->label);
  g_free (block->text);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->png, g_bytes_unref);
}

/* {{{ Words and dates */

/* The language of the report, as the user's locale gives it: "fr" for
 * fr_FR.UTF-8, "en" when the locale says nothing (C, POSIX) */
static char *
report_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      gsize len = strspn (name, "abcdefghijklmnopqrstuvwxyz");

      if (len >= 2 && len <= 3 && (name[len] == '\0' || strchr ("_.@", name[len]) != NULL))
        return g_strndup (name, len);
    }

  return g_strdup ("en");
}

/* A YYYY-MM-DD date in the user's locale (see rg-report-date.c) */
static char *
format_date (RgSession  *session,
             const char *date)
{
  return _rg_report_format_date (session, date);
}

static const char *
partner_name (RgSession  *session,
              const char *partner_id)
{
  RgPartner *partner;

  if (partner_id == NULL)
    return NULL;

  partner = rg_session_find_partner (session, partner_id);
  return partner != NULL ? rg_partner_get_name (partner) : NULL;
}

/* "Name:" before what someone said */
static char *
said_by (const char *name)
{
  g_autofree char *isolated = rg_bidi_isolate (name != NULL ? name : _("Unknown partner"));

  /* Translators: who said it, before what they said, as in "Mme Roussel: …" */
  return g_strdup_printf (_("%s:"), isolated);
}

/* }}} */
/* {{{ Adding blocks */

static RgReportBlock *
add_block (RgReport          *self,
           RgReportBlockType  type)
{
  RgReportBlock block = { .type = type };

  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, RgReportBlock, self->blocks->len - 1);
}

static guint
new_group (RgReport *self)
{
  return ++self->n_groups;
}

static void
add_heading (RgReport   *self,
             guint       level,
             const char *text)
{
  RgReportBlock *block = add_block (self, RG_REPORT_BLOCK_HEADING);

  block->level = level;
  block->text = rg_bidi_isolate (text);
}

/* A part of the report: a level 2 heading that opens it */
static void
add_part (RgReport   *self,
          const char *part,
          const char *heading)
{
  RgReportBlock *block = add_block (self, RG_REPORT_BLOCK_HEADING);

  block->level = 2;
  block->new_page = TRUE;
  block->part = part;
  block->text = g_strdup (heading);
}

static RgReportBlock *
add_paragraph (RgReport      *self,
               RgReportStyle  style,
               const char    *label,
               const char    *text)
{
  RgReportBlock *block = add_block (self, RG_REPORT_BLOCK_PARAGRAPH);

  block->style = style;
  block->label = g_strdup (label);
  block->text = rg_bidi_isolate (text);
  return block;
}

static void
add_empty (RgReport   *self,
           const char *text)
{
  add_paragraph (self, RG_REPORT_STYLE_EMPTY, NULL, text);
}

/* "Label: value", nothing when @value is empty */
static RgReportBlock *
add_field (RgReport   *self,
           guint       group,
           const char *label,
           const char *value)
{
  RgReportBlock *block;

  if (value == NULL || *value == '\0')
    return NULL;

  block = add_paragraph (self, RG_REPORT_STYLE_NORMAL, label, value);
  block->group = group;
  return block;
}

static void
add_item (RgReport   *self,
          guint       level,
          guint       group,
          const char *label,
          const char *text)
{
  RgReportBlock *block = add_block (self, RG_REPORT_BLOCK_ITEM);

  block->level = level;
  block->group = group;
  block->label = g_strdup (label);
  block->text = rg_bidi_isolate (text);
}

/* A table of @n_columns columns, their headers given: add rows with add_row () */
static GPtrArray *
add_table (RgReport   *self,
           const char *first_header,
           ...)
{
  RgReportBlock *block = add_block (self, RG_REPORT_BLOCK_TABLE);
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  va_list args;

  va_start (args, first_header);
  for (const char *cell = first_header; cell != NULL; cell = va_arg (args, const char *))
    g_strv_builder_add (header, cell);
  va_end (args);

  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (block->rows, g_strv_builder_end (header));
  return block->rows;
}

/* A row of as many cells as the header; a %NULL cell is empty */
static void
add_row (GPtrArray  *rows,
         const char *first_cell,
         ...)
{
  guint n_columns = g_strv_length (g_ptr_array_index (rows, 0));
  char **row = g_new0 (char *, n_columns + 1);
  va_list args;

  va_start (args, first_cell);
  for (guint i = 0; i < n_columns; i++)
    {
      const char *cell = i == 0 ? first_cell : va_arg (args, const char *);

      row[i] = rg_bidi_isolate (cell != NULL ? cell : "");
    }
  va_end (args);

  g_ptr_array_add (rows, row);
}

static void
add_image (RgReport   *self,
           GBytes     *png,
           int         width,
           int         height,
           const char *description)
{
  RgReportBlock *block = add_block (self, RG_REPORT_BLOCK_IMAGE);

  block->png = g_bytes_ref (png);
  block->width = width;
  block->height = height;
  block->text = rg_bidi_isolate (description);
}

/* }}} */
/* {{{ The parts */

static void
add_title_page (RgReport *self)
{
  RgSession *session = self->session;
  GListModel *partners = rg_session_get_partners (session);
  g_autofree char *date = format_date (session, rg_session_get_date (session));
  GPtrArray *rows;

  add_heading (self, 1, self->title);
  add_field (self, 0, _("Situation:"), rg_session_get_situation_label (session));
  add_field (self, 0, _("Date:"), date);
  add_field (self, 0, _("Place:"), rg_session_get_place (session));
  add_field (self, 0, _("Facilitator:"), rg_session_get_facilitator (session));

  add_heading (self, 2, _("Participants"));
  if (g_list_model_get_n_items (partners) == 0)
    {
      add_empty (self, _("No participants."));
      return;
    }

  rows = add_table (self, _("Name"), _("Profession"), _("Institution"), _("Role"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      add_row (rows,
               rg_partner_get_name (partner),
               rg_partner_get_profession (partner),
               rg_partner_get_institution (partner),
               rg_partner_role_get_label (rg_partner_get_role (partner)));
    }
}

/* One partner's statements about one dimension, under their name */
static void
add_statements (RgReport    *self,
                RgDimension *dimension,
                RgPartner   *partner)
{
  GListModel *statements = rg_session_get_statements (self->session);
  const char *dimension_id = rg_dimension_get_id (dimension);
  const char *partner_id = rg_partner_get_id (partner);
  gboolean any = FALSE;

  for (guint s = 0; s < g_list_model_get_n_items (statements); s++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, s);
      RgStatementKind kind = rg_statement_get_kind (statement);
      g_autofree char *label = NULL;

      if (g_strcmp0 (rg_statement_get_partner_id (statement), partner_id) != 0 ||
          g_strcmp0 (rg_statement_get_dimension_id (statement), dimension_id) != 0)
        continue;

      if (!any)
        add_heading (self, 4, rg_partner_get_name (partner));
      any = TRUE;

      /* Translators: a statement's kind before its text, as in "Fact: …" */
      label = g_strdup_printf (_("%s:"), rg_statement_kind_get_label (kind));
      add_item (self, 1, 0, label, rg_statement_get_text (statement));
    }
}

static void
add_diagnosis (RgReport *self)
{
  GListModel *dimensions = rg_session_get_dimensions (self->session);
  GListModel *partners = rg_session_get_partners (self->session);

  add_part (self, "diagnosis", _("Diagnosis by dimension"));
  if (g_list_model_get_n_items (dimensions) == 0)
    add_empty (self, _("No dimensions."));

  for (guint d = 0; d < g_list_model_get_n_items (dimensions); d++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, d);
      const char *synthesis = rg_dimension_get_synthesis (dimension);
      guint group;

      add_heading (self, 3, rg_dimension_get_name (dimension));

      for (guint p = 0; p < g_list_model_get_n_items (partners); p++)
        {
          g_autoptr(RgPartner) partner = g_list_model_get_item (partners, p);

          add_statements (self, dimension, partner);
        }

      group = new_group (self);
      add_heading (self, 4, _("Agreed synthesis"));
      if (synthesis != NULL && *synthesis != '\0')
        add_paragraph (self, RG_REPORT_STYLE_SYNTHESIS, NULL, synthesis)->group = group;
      else
        add_paragraph (self, RG_REPORT_STYLE_EMPTY, NULL, _("No synthesis yet."))->group = group;
    }
}

/* "Name (dimension):" before a statement of a link */
static char *
link_member_label (RgSession   *session,
                   RgStatement *statement)
{
  const char *name = partner_name (session, rg_statement_get_partner_id (statement));
  RgDimension *dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
  g_autofree char *isolated_name = rg_bidi_isolate (name != NULL ? name : _("Unknown partner"));
  g_autofree char *who = NULL;

  if (dimension != NULL)
    {
      g_autofree char *dimension_name = rg_bidi_isolate (rg_dimension_get_name (dimension));

      /* Translators: a partner and the dimension of their statement */
      who = g_strdup_printf (_("%s (%s)"), isolated_name, dimension_name);
    }
  else
    who = g_steal_pointer (&isolated_name);

  return said_by (who);
}

static void
add_links (RgReport *self)
{
  GListModel *links = rg_session_get_links (self->session);

  add_part (self, "links", _("Agreements and divergences"));
  if (g_list_model_get_n_items (links) == 0)
    add_empty (self, _("No agreements or divergences."));

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      const char * const *members = rg_link_get_members (link);
      guint group = new_group (self);
      g_autofree char *heading = NULL;

      /* Translators: a link's type and status, as in "Divergence — open" */
      heading = g_strdup_printf (_("%s — %s"),
                                 rg_link_type_get_label (rg_link_get_link_type (link)),
                                 rg_link_status_get_label (rg_link_get_status (link)));
      add_heading (self, 3, heading);

      for (guint m = 0; members != NULL && members[m] != NULL; m++)
        {
          RgStatement *statement = rg_session_find_statement (self->session, members[m]);
          g_autofree char *label = NULL;

          if (statement == NULL)
            continue;

          label = link_member_label (self->session, statement);
          add_item (self, 1, group, label, rg_statement_get_text (statement));
        }
      add_field (self, group, _("Note:"), rg_link_get_note (link));
    }
}

/* What the previous session left open, in a follow-up session */
static void
add_left_open (RgReport *self)
{
  GListModel *items = rg_session_get_review_items (self->session);

  if (g_list_model_get_n_items (items) == 0)
    return;

  add_part (self, "left-open", _("Left open last time"));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgReviewItem) item = g_list_model_get_item (items, i);
      g_autofree char *heading = NULL;
      guint group = new_group (self);

      /* Translators: a link's type and status, as in "Divergence — open" */
      heading = g_strdup_printf (_("%s — %s"),
                                 rg_link_type_get_label (rg_review_item_get_link_type (item)),
                                 rg_review_item_get_reviewed (item) ? _("reviewed")
                                                                    : _("not reviewed yet"));
      add_heading (self, 3, heading);

      for (guint q = 0; q < rg_review_item_get_n_quotes (item); q++)
        {
          const char *author, *dimension;
          const char *text = rg_review_item_get_quote (item, q, &author, &dimension);
          g_autofree char *isolated_author = rg_bidi_isolate (author);
          g_autofree char *isolated_dimension = rg_bidi_isolate (dimension);
          g_autofree char *who = NULL;
          g_autofree char *label = NULL;

          /* Translators: a partner and the dimension of their statement */
          who = g_strdup_printf (_("%s (%s)"), isolated_author, isolated_dimension);
          label = said_by (who);
          add_item (self, 1, group, label, text);
        }
      add_field (self, group, _("Note:"), rg_review_item_get_note (item));
    }
}

static gboolean
add_picture (RgReport  *self,
             GError   **error)
{
  g_autoptr(RgDivergencePicture) picture = rg_divergence_picture_new_for_export (self->session);
  g_autofree char *description = rg_divergence_picture_describe (picture);

  add_part (self, "picture", _("Partner × partner picture"));
  if (rg_divergence_picture_get_n_partners (picture) >= 2)
    {
      g_autoptr(GBytes) png = rg_divergence_picture_to_png (picture, error);
      int width = rg_divergence_picture_get_natural_width (picture);

      if (png == NULL)
        return FALSE;
      add_image (self, png, width,
                 rg_divergence_picture_get_height_for_width (picture, width),
                 description);
    }
  add_paragraph (self, RG_REPORT_STYLE_DESCRIPTION, NULL, description);

  return TRUE;
}

static void
add_glossary (RgReport *self)
{
  GListModel *terms = rg_session_get_terms (self->session);

  add_part (self, "glossary", _("Glossary"));
  if (g_list_model_get_n_items (terms) == 0)
    add_empty (self, _("No words in the glossary."));

  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (terms, i);
      const char * const *meaning_partners = rg_term_get_meaning_partners (term);
      guint group = new_group (self);

      add_heading (self, 3, rg_term_get_word (term));
      add_field (self, group, _("Status:"), rg_term_status_get_label (rg_term_get_status (term)));
      add_field (self, group, _("Agreed meaning:"), rg_term_get_agreed_meaning (term));

      for (guint m = 0; meaning_partners != NULL && meaning_partners[m] != NULL; m++)
        {
          g_autofree char *label = said_by (partner_name (self->session, meaning_partners[m]));

          add_item (self, 1, group, label, rg_term_get_meaning (term, meaning_partners[m]));
        }
    }
}

/* "Proposed by:" and the names, nothing when nobody is known */
static void
add_proposed_by (RgReport    *self,
                 guint        group,
                 RgCriterion *criterion)
{
  const char * const *proposed_by = rg_criterion_get_proposed_by (criterion);
  g_autoptr(GString) names = g_string_new (NULL);
  RgReportBlock *block;

  for (guint i = 0; proposed_by != NULL && proposed_by[i] != NULL; i++)
    {
      g_autofree char *name = rg_bidi_isolate (partner_name (self->session, proposed_by[i]));

      if (name == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  block = add_field (self, group, _("Proposed by:"), names->str);
  if (block != NULL)
    block->level = 1;
}

static void
add_criterion (RgReport    *self,
               RgCriterion *criterion)
{
  const char * const *indicators = rg_criterion_get_indicators (criterion);
  guint group = new_group (self);
  g_autofree char *criterion_text = rg_bidi_isolate (rg_criterion_get_text (criterion));
  g_autofree char *text = NULL;
  const char *state;
  RgReportBlock *block;

  if (rg_criterion_get_met (criterion))
    state = rg_criterion_get_agreed (criterion) ? _("agreed, met") : _("proposed, met");
  else
    state = rg_criterion_get_agreed (criterion) ? _("agreed") : _("proposed");

  /* Translators: a success criterion and whether it is agreed, as in
   * "Comes to school every day (agreed)" */
  text = g_strdup_printf (_("%s (%s)"), criterion_text, state);
  add_item (self, 1, group, NULL, text);
  add_proposed_by (self, group, criterion);

  if (indicators == NULL || indicators[0] == NULL)
    return;

  block = add_paragraph (self, RG_REPORT_STYLE_NORMAL, _("Indicators:"), NULL);
  block->group = group;
  block->level = 1;
  for (guint i = 0; indicators[i] != NULL; i++)
    add_item (self, 2, group, NULL, indicators[i]);
}

static gboolean
add_criteria (RgReport  *self,
              GError   **error)
{
  GListModel *categories = rg_session_get_categories (self->session);
  g_autoptr(GBytes) png = NULL;
  g_autofree char *description = NULL;

  add_part (self, "criteria", _("Success criteria"));
  if (g_list_model_get_n_items (categories) == 0)
    {
      add_empty (self, _("No success criteria."));
      return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);

      add_heading (self, 3, rg_category_get_name (category));
      if (g_list_model_get_n_items (criteria) == 0)
        add_empty (self, _("No criteria in this category."));

      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, c);

          add_criterion (self, criterion);
        }
    }

  png = rg_criteria_map_to_png (self->session, MAP_WIDTH, MAP_HEIGHT, error);
  if (png == NULL)
    return FALSE;

  description = rg_criteria_map_describe (self->session);
  add_heading (self, 3, _("Map of the success criteria"));
  add_image (self, png, MAP_WIDTH, MAP_HEIGHT, description);

  return TRUE;
}

static void
add_actions (RgReport *self)
{
  GListModel *actions = rg_session_get_actions (self->session);
  GPtrArray *rows;

  add_part (self, "actions", _("Actions"));
  if (g_list_model_get_n_items (actions) == 0)
    {
      add_empty (self, _("No actions."));
      return;
    }

  rows = add_table (self, _("Action"), _("Owner"), _("Due"), _("Status"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);
      g_autofree char *due = format_date (self->session, rg_action_get_due (action));
      const char *owner = partner_name (self->session, rg_action_get_owner_id (action));

      /* Someone from outside the team, when no partner was chosen */
      if (owner == NULL)
        owner = rg_action_get_owner_name (action);

      add_row (rows,
               rg_action_get_what (action),
               owner,
               due,
               rg_action_status_get_label (rg_action_get_status (action)));
    }
}

/* Short: the next review shares its page with the consent */
static void
add_review_and_consent (RgReport *self)
{
  GListModel *consents = rg_session_get_consents (self->session);
  g_autofree char *review = format_date (self->session, rg_session_get_next_review (self->session));

  add_part (self, "review", _("Next review"));
  if (review != NULL)
    add_paragraph (self, RG_REPORT_STYLE_NORMAL, NULL, review);
  else
    add_empty (self, _("No date set."));

  add_heading (self, 2, _("Consent"));
  if (g_list_model_get_n_items (consents) == 0)
    add_empty (self, _("No consent recorded."));

  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(RgConsent) consent = g_list_model_get_item (consents, i);
      g_autofree char *date = format_date (self->session, rg_consent_get_date (consent));
      guint group = new_group (self);

      add_paragraph (self, RG_REPORT_STYLE_NORMAL, NULL, rg_consent_get_scope (consent))->group = group;
      add_field (self, group, _("Shared with:"), rg_consent_get_shared_with (consent));
      add_field (self, group, _("Date:"), date);
      add_field (self, group, _("Recorded by:"),
                 partner_name (self->session, rg_consent_get_recorded_by_id (consent)));
      /* Carried over from an earlier session: not to be read as given */
      if (rg_consent_get_to_confirm (consent))
        add_field (self, group, _("Status:"), _("To confirm with the family"));
    }
}

/* }}} */

/**
 * rg_report_new_blank:
 * @title: the report's title, for its first heading and the document's
 *   metadata
 * @subtitle: (nullable): what the pages' headers say beside the title
 *
 * Makes a report with no blocks, for a report that is not a session's
 * (the programme's evaluation): its maker adds the blocks with
 * rg_report_add_heading () and the others, and the writers of this
 * folder (rg_export_pdf_report (), rg_export_odt_report ()) lay it out
 * as they do a session's. Texts are written in the user's language.
 *
 * Returns: (transfer full): the report
 */
RgReport *
rg_report_new_blank (const char *title,
                     const char *subtitle)
{
  RgReport *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_new0 (RgReport, 1);
  self->title = rg_bidi_isolate (title);
  self->subtitle = rg_bidi_isolate (subtitle);
  self->language = report_language ();
  self->blocks = g_array_new (FALSE, TRUE, sizeof (RgReportBlock));
  g_array_set_clear_func (self->blocks, clear_block);

  return self;
}

/**
 * rg_report_add_heading:
 * @self: a #RgReport
 * @level: 1 (the title) to 4
 * @part: (nullable): for a level 2 heading that opens a part of the
 *   report, a static word naming it ("figures"), else %NULL
 * @text: the heading
 *
 * Adds a heading at the end of the report.
 */
void
rg_report_add_heading (RgReport   *self,
                       guint       level,
                       const char *part,
                       const char *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (level >= 1 && level <= 4);

  if (part != NULL)
    add_part (self, part, text);
  else
    add_heading (self, level, text);
}

/**
 * rg_report_add_paragraph:
 * @self: a #RgReport
 * @style: how the paragraph reads
 * @label: (nullable): what it begins with, in bold
 * @text: the paragraph
 *
 * Adds a paragraph at the end of the report.
 */
void
rg_report_add_paragraph (RgReport      *self,
                         RgReportStyle  style,
                         const char    *label,
                         const char    *text)
{
  g_return_if_fail (self != NULL);

  add_paragraph (self, style, label, text);
}

/**
 * rg_report_add_item:
 * @self: a #RgReport
 * @label: (nullable): what the item begins with, in bold
 * @text: the item
 *
 * Adds an item of a list (level 1) at the end of the report.
 */
void
rg_report_add_item (RgReport   *self,
                    const char *label,
                    const char *text)
{
  g_return_if_fail (self != NULL);

  add_item (self, 1, 0, label, text);
}

/**
 * rg_report_add_table:
 * @self: a #RgReport
 * @header: (array zero-terminated=1): the columns' headers
 *
 * Adds a table at the end of the report; its rows follow with
 * rg_report_add_table_row ().
 */
void
rg_report_add_table (RgReport           *self,
                     const char * const *header)
{
  RgReportBlock *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (header != NULL && header[0] != NULL);

  block = add_block (self, RG_REPORT_BLOCK_TABLE);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (block->rows, g_strdupv ((char **) header));
}

/**
 * rg_report_add_table_row:
 * @self: a #RgReport whose last block is a table
 * @cells: (array zero-terminated=1): as many cells as the table has
 *   columns; missing ones are left empty
 *
 * Adds a row to the table that ends the report.
 */
void
rg_report_add_table_row (RgReport           *self,
                         const char * const *cells)
{
  RgReportBlock *block;
  guint n_columns;
  char **row;
  gboolean ended = FALSE;

  g_return_if_fail (self != NULL && self->blocks->len > 0);

  block = &g_array_index (self->blocks, RgReportBlock, self->blocks->len - 1);
  g_return_if_fail (block->type == RG_REPORT_BLOCK_TABLE);

  n_columns = g_strv_length (g_ptr_array_index (block->rows, 0));
  row = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      ended = ended || cells[i] == NULL;
      row[i] = rg_bidi_isolate (ended ? "" : cells[i]);
    }
  g_ptr_array_add (block->rows, row);
}

/**
 * rg_report_add_image:
 * @self: a #RgReport
 * @png: the picture, as PNG
 * @width: its width in pixels
 * @height: its height in pixels
 * @description: its text alternative, which every format carries
 *
 * Adds a picture at the end of the report.
 */
void
rg_report_add_image (RgReport   *self,
                     GBytes     *png,
                     int         width,
                     int         height,
                     const char *description)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (png != NULL);

  add_image (self, png, width, height, description);
}

/**
 * rg_report_new:
 * @session: a #RgSession
 * @error: a location for a #GError
 *
 * Makes the report of @session (see the top of rg-report.c), in the
 * user's language. The report keeps no reference to @session.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set if a
 *   picture could not be drawn
 */
RgReport *
rg_report_new (RgSession  *session,
               GError    **error)
{
  g_autoptr(RgReport) self = NULL;
  const char *title;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  title = rg_session_get_title (session);

  self = g_new0 (RgReport, 1);
  self->session = session;
  self->title = rg_bidi_isolate (title != NULL && *title != '\0' ? title : _("Shared diagnosis"));
  self->subtitle = rg_bidi_isolate (rg_session_get_situation_label (session));
  self->language = report_language ();
  self->blocks = g_array_new (FALSE, TRUE, sizeof (RgReportBlock));
  g_array_set_clear_func (self->blocks, clear_block);

  add_title_page (self);
  add_diagnosis (self);
  add_links (self);
  add_left_open (self);
  if (!add_picture (self, error))
    return NULL;
  add_glossary (self);
  if (!add_criteria (self, error))
    return NULL;
  add_actions (self);
  add_review_and_consent (self);

  self->session = NULL;

  return g_steal_pointer (&self);
}

void
rg_report_free (RgReport *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->language);
  g_array_unref (self->blocks);
  g_free (self);
}

/**
 * rg_report_get_title:
 * @self: a #RgReport
 *
 * Returns: the session's title, or a title in words when it has none
 */
const char *
rg_report_get_title (RgReport *self)
{
  return self->title;
}

/**
 * rg_report_get_subtitle:
 * @self: a #RgReport
 *
 * Returns: (nullable): the situation's label, for the pages' headers
 */
const char *
rg_report_get_subtitle (RgReport *self)
{
  return self->subtitle != NULL && *self->subtitle != '\0' ? self->subtitle : NULL;
}

/**
 * rg_report_get_language:
 * @self: a #RgReport
 *
 * Returns: the language the report is written in, as "fr" or "en"
 */
const char *
rg_report_get_language (RgReport *self)
{
  return self->language;
}

guint
rg_report_get_n_blocks (RgReport *self)
{
  return self->blocks->len;
}

/**
 * rg_report_get_block:
 * @self: a #RgReport
 * @index: a block's index, below rg_report_get_n_blocks ()
 *
 * Returns: (transfer none): the block
 */
const RgReportBlock *
rg_report_get_block (RgReport *self,
                     guint     index)
{
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return &g_array_index (self->blocks, RgReportBlock, index);
}
