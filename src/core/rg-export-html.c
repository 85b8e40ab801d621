/* rg-export-html.c — a session as one printable HTML report
 *
 * One self-contained file: the style sheet is inline and the two
 * pictures (the partner × partner picture and the map of the success
 * criteria) are embedded as PNG data URIs, so the report can be sent,
 * archived or printed without anything beside it.
 *
 * The document is HTML5 written as well-formed XML (every element
 * closed, every text and attribute escaped), so both HTML and XML
 * parsers read it; sections are divs rather than HTML5 section
 * elements so that older HTML parsers (libxml2 2.9) accept it too. The sections follow the order of the meeting: the
 * title page, the diagnosis by dimension, agreements and divergences,
 * the partner × partner picture, the glossary, the success criteria,
 * the actions, the next review and the consent. Kinds, link types and
 * statuses are written in words, never by colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-html"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rg-criteria-map.h"
#include "rg-divergence-picture.h"
#include "rg-export-html.h"

/* The map's size in the report: wide enough to stay sharp on paper */
#define MAP_WIDTH  1600
#define MAP_HEIGHT 1000

static const char style_sheet[] =
  "body{font-family:'Cantarell','Noto Sans',sans-serif;font-size:11pt;"
  "line-height:1.4;color:#000;background:#fff;margin:2em;}"
  "h1{font-size:20pt;margin-bottom:0.2em;}"
  "h2{font-size:15pt;border-bottom:1px solid #888;padding-bottom:0.1em;}"
  "h3{font-size:13pt;}"
  "h4{font-size:11pt;margin-bottom:0.2em;}"
  "table{border-collapse:collapse;width:100%;}"
  "th,td{border:1px solid #888;padding:0.3em;text-align:left;vertical-align:top;}"
  ".statement,.synthesis,.link li,.link p,.term li,.term p{white-space:pre-wrap;}"
  ".statement,.link,.term,.criterion{page-break-inside:avoid;break-inside:avoid;}"
  ".kind,.type,.status{font-weight:bold;}"
  ".synthesis{border-left:3px solid #444;padding-left:0.6em;}"
  ".empty{font-style:italic;}"
  "img{max-width:100%;height:auto;}"
  "@page{size:A4;margin:2cm 1.8cm;}"
  "@media print{body{margin:0;}"
  ".section{page-break-before:always;break-before:page;}"
  "h2,h3,h4{page-break-after:avoid;break-after:avoid;}}";

/* Appends @text escaped for both element content and attribute values */
static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;

  escaped = g_markup_escape_text (text, -1);
  g_string_append (html, escaped);
}

/* <tag class="klass">text</tag>, @klass may be %NULL */
static void
append_element (GString    *html,
                const char *tag,
                const char *klass,
                const char *text)
{
  g_string_append_printf (html, "<%s", tag);
  if (klass != NULL)
    g_string_append_printf (html, " class=\"%s\"", klass);
  g_string_append_c (html, '>');
  append_escaped (html, text);
  g_string_append_printf (html, "</%s>\n", tag);
}

/* <p><span class="label">Label:</span> value</p>, nothing when @value is empty */
static void
append_field (GString    *html,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_string_append (html, "<p><span class=\"label\">");
  append_escaped (html, label);
  g_string_append (html, "</span> ");
  append_escaped (html, value);
  g_string_append (html, "</p>\n");
}

static void
append_cell (GString    *html,
             const char *tag,
             const char *text)
{
  g_string_append_printf (html, "<%s>", tag);
  append_escaped (html, text);
  g_string_append_printf (html, "</%s>", tag);
}

static void
append_image (GString    *html,
              GBytes     *png,
              const char *alt)
{
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (png, NULL),
                                             g_bytes_get_size (png));

  g_string_append (html, "<p><img src=\"data:image/png;base64,");
  g_string_append (html, base64);
  g_string_append (html, "\" alt=\"");
  append_escaped (html, alt);
  g_string_append (html, "\"/></p>\n");
}

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

/* A YYYY-MM-DD date in the user's locale; anything else (a month
 * left by the pseudonymisation, an empty date) as it is, and so is
 * every date when the locale says nothing (C, C.UTF-8, POSIX), where
 * "%x" would give an ambiguous 11/17/26 */
static char *
format_date (const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  const char *time_locale = setlocale (LC_TIME, NULL);
  int year, month, day;
  char end;

  if (date == NULL || *date == '\0')
    return NULL;

  if (time_locale == NULL ||
      g_str_equal (time_locale, "C") ||
      g_str_has_prefix (time_locale, "C.") ||
      g_str_equal (time_locale, "POSIX") ||
      strlen (date) != 10 ||
      sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    return g_strdup (date);

  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (time == NULL)
    return g_strdup (date);

  return g_date_time_format (time, "%x");
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

/* <span class="label">Name:</span> before a text someone said */
static void
append_label (GString    *html,
              const char *name)
{
  /* Translators: who said it, before what they said, as in "Mme Roussel: …" */
  g_autofree char *label = g_strdup_printf (_("%s:"), name);

  g_string_append (html, "<span class=\"label\">");
  append_escaped (html, label);
  g_string_append (html, "</span> ");
}

static void
open_section (GString    *html,
              const char *klass,
              const char *heading)
{
  g_string_append_printf (html, "<div class=\"section %s\">\n", klass);
  append_element (html, "h2", NULL, heading);
}

static void
close_section (GString *html)
{
  g_string_append (html, "</div>\n");
}

static void
append_title_page (GString   *html,
                   RgSession *session)
{
  GListModel *partners = rg_session_get_partners (session);
  g_autofree char *date = format_date (rg_session_get_date (session));
  const char *title = rg_session_get_title (session);

  g_string_append (html, "<div class=\"title-page\">\n");
  append_element (html, "h1", NULL,
                  title != NULL && *title != '\0' ? title : _("Shared diagnosis"));
  append_field (html, _("Situation:"), rg_session_get_situation_label (session));
  append_field (html, _("Date:"), date);
  append_field (html, _("Place:"), rg_session_get_place (session));
  append_field (html, _("Facilitator:"), rg_session_get_facilitator (session));

  append_element (html, "h2", NULL, _("Participants"));
  if (g_list_model_get_n_items (partners) == 0)
    {
      append_element (html, "p", "empty", _("No participants."));
      g_string_append (html, "</div>\n");
      return;
    }

  g_string_append (html, "<table>\n<tr>");
  append_cell (html, "th", _("Name"));
  append_cell (html, "th", _("Profession"));
  append_cell (html, "th", _("Institution"));
  append_cell (html, "th", _("Role"));
  g_string_append (html, "</tr>\n");
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      g_string_append (html, "<tr>");
      append_cell (html, "td", rg_partner_get_name (partner));
      append_cell (html, "td", rg_partner_get_profession (partner));
      append_cell (html, "td", rg_partner_get_institution (partner));
      append_cell (html, "td", rg_partner_role_get_label (rg_partner_get_role (partner)));
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</table>\n</div>\n");
}

/* "Kind: text": the kind in words, not only by the item's class */
static void
append_statement (GString     *html,
                  RgStatement *statement)
{
  RgStatementKind kind = rg_statement_get_kind (statement);
  /* Translators: a statement's kind before its text, as in "Fact: …" */
  g_autofree char *label = g_strdup_printf (_("%s:"), rg_statement_kind_get_label (kind));

  g_string_append_printf (html, "<li class=\"statement kind-%s\"><span class=\"kind\">",
                          rg_statement_kind_to_string (kind));
  append_escaped (html, label);
  g_string_append (html, "</span> ");
  append_escaped (html, rg_statement_get_text (statement));
  g_string_append (html, "</li>\n");
}

static void
append_diagnosis (GString   *html,
                  RgSession *session)
{
  GListModel *dimensions = rg_session_get_dimensions (session);
  GListModel *partners = rg_session_get_partners (session);
  GListModel *statements = rg_session_get_statements (session);

  open_section (html, "diagnosis", _("Diagnosis by dimension"));
  if (g_list_model_get_n_items (dimensions) == 0)
    append_element (html, "p", "empty", _("No dimensions."));

  for (guint d = 0; d < g_list_model_get_n_items (dimensions); d++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, d);
      const char *dimension_id = rg_dimension_get_id (dimension);
      const char *synthesis = rg_dimension_get_synthesis (dimension);

      append_element (html, "h3", NULL, rg_dimension_get_name (dimension));

      for (guint p = 0; p < g_list_model_get_n_items (partners); p++)
        {
          g_autoptr(RgPartner) partner = g_list_model_get_item (partners, p);
          const char *partner_id = rg_partner_get_id (partner);
          gboolean any = FALSE;

          for (guint s = 0; s < g_list_model_get_n_items (statements); s++)
            {
              g_autoptr(RgStatement) statement = g_list_model_get_item (statements, s);

              if (g_strcmp0 (rg_statement_get_partner_id (statement), partner_id) != 0 ||
                  g_strcmp0 (rg_statement_get_dimension_id (statement), dimension_id) != 0)
                continue;

              if (!any)
                {
                  append_element (html, "h4", NULL, rg_partner_get_name (partner));
                  g_string_append (html, "<ul>\n");
                  any = TRUE;
                }
              append_statement (html, statement);
            }

          if (any)
            g_string_append (html, "</ul>\n");
        }

      append_element (html, "h4", NULL, _("Agreed synthesis"));
      if (synthesis != NULL && *synthesis != '\0')
        append_element (html, "p", "synthesis", synthesis);
      else
        append_element (html, "p", "empty", _("No synthesis yet."));
    }
  close_section (html);
}

static void
append_links (GString   *html,
              RgSession *session)
{
  GListModel *links = rg_session_get_links (session);

  open_section (html, "links", _("Agreements and divergences"));
  if (g_list_model_get_n_items (links) == 0)
    append_element (html, "p", "empty", _("No agreements or divergences."));

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      const char * const *members = rg_link_get_members (link);
      const char *note = rg_link_get_note (link);

      g_string_append_printf (html, "<div class=\"link type-%s\">\n<h3>",
                              rg_link_type_to_string (rg_link_get_link_type (link)));
      g_string_append (html, "<span class=\"type\">");
      append_escaped (html, rg_link_type_get_label (rg_link_get_link_type (link)));
      g_string_append (html, "</span> — <span class=\"status\">");
      append_escaped (html, rg_link_status_get_label (rg_link_get_status (link)));
      g_string_append (html, "</span></h3>\n<ul>\n");

      for (guint m = 0; members != NULL && members[m] != NULL; m++)
        {
          RgStatement *statement = rg_session_find_statement (session, members[m]);
          g_autofree char *who = NULL;
          const char *name;
          RgDimension *dimension;

          if (statement == NULL)
            continue;

          name = partner_name (session, rg_statement_get_partner_id (statement));
          dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (statement));
          if (name == NULL)
            name = _("Unknown partner");
          if (dimension != NULL)
            /* Translators: a partner and the dimension of their statement */
            who = g_strdup_printf (_("%s (%s)"), name, rg_dimension_get_name (dimension));
          else
            who = g_strdup (name);
          g_string_append (html, "<li class=\"statement\">");
          append_label (html, who);
          append_escaped (html, rg_statement_get_text (statement));
          g_string_append (html, "</li>\n");
        }
      g_string_append (html, "</ul>\n");
      append_field (html, _("Note:"), note);
      g_string_append (html, "</div>\n");
    }
  close_section (html);
}

static gboolean
append_picture (GString    *html,
                RgSession  *session,
                GError    **error)
{
  g_autoptr(RgDivergencePicture) picture = rg_divergence_picture_new_for_export (session);
  g_autofree char *description = rg_divergence_picture_describe (picture);

  open_section (html, "picture", _("Partner × partner picture"));
  if (rg_divergence_picture_get_n_partners (picture) >= 2)
    {
      g_autoptr(GBytes) png = rg_divergence_picture_to_png (picture, error);

      if (png == NULL)
        return FALSE;
      append_image (html, png, description);
    }
  append_element (html, "p", "description", description);
  close_section (html);

  return TRUE;
}

static void
append_glossary (GString   *html,
                 RgSession *session)
{
  GListModel *terms = rg_session_get_terms (session);

  open_section (html, "glossary", _("Glossary"));
  if (g_list_model_get_n_items (terms) == 0)
    append_element (html, "p", "empty", _("No words in the glossary."));

  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (terms, i);
      const char * const *meaning_partners = rg_term_get_meaning_partners (term);

      g_string_append (html, "<div class=\"term\">\n");
      append_element (html, "h3", NULL, rg_term_get_word (term));
      append_field (html, _("Status:"), rg_term_status_get_label (rg_term_get_status (term)));
      append_field (html, _("Agreed meaning:"), rg_term_get_agreed_meaning (term));

      if (meaning_partners != NULL && meaning_partners[0] != NULL)
        {
          g_string_append (html, "<ul>\n");
          for (guint m = 0; meaning_partners[m] != NULL; m++)
            {
              const char *name = partner_name (session, meaning_partners[m]);

              g_string_append (html, "<li>");
              append_label (html, name != NULL ? name : _("Unknown partner"));
              append_escaped (html, rg_term_get_meaning (term, meaning_partners[m]));
              g_string_append (html, "</li>\n");
            }
          g_string_append (html, "</ul>\n");
        }
      g_string_append (html, "</div>\n");
    }
  close_section (html);
}

static void
append_criterion (GString     *html,
                  RgSession   *session,
                  RgCriterion *criterion)
{
  const char * const *indicators = rg_criterion_get_indicators (criterion);
  const char * const *proposed_by = rg_criterion_get_proposed_by (criterion);
  g_autoptr(GString) names = g_string_new (NULL);

  g_string_append (html, "<li class=\"criterion\">");
  append_escaped (html, rg_criterion_get_text (criterion));
  g_string_append (html, " <span class=\"status\">(");
  append_escaped (html, rg_criterion_get_agreed (criterion) ? _("agreed") : _("proposed"));
  g_string_append (html, ")</span>\n");

  for (guint i = 0; proposed_by != NULL && proposed_by[i] != NULL; i++)
    {
      const char *name = partner_name (session, proposed_by[i]);

      if (name == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  append_field (html, _("Proposed by:"), names->str);

  if (indicators != NULL && indicators[0] != NULL)
    {
      append_element (html, "p", "label", _("Indicators:"));
      g_string_append (html, "<ul>\n");
      for (guint i = 0; indicators[i] != NULL; i++)
        append_element (html, "li", NULL, indicators[i]);
      g_string_append (html, "</ul>\n");
    }
  g_string_append (html, "</li>\n");
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
map_png (RgSession  *session,
         GBytes    **png,
         GError    **error)
{
  g_autoptr(RgCriteriaMap) map = rg_criteria_map_new (session, MAP_WIDTH, MAP_HEIGHT);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAP_WIDTH, MAP_HEIGHT);
  cr = cairo_create (surface);
  rg_criteria_map_draw (map, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, RG_CRITERIA_MAP_ERROR, RG_CRITERIA_MAP_ERROR_DRAWING,
                           _("The map of the success criteria could not be drawn for the report."));
      return FALSE;
    }

  *png = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  return TRUE;
}

static gboolean
append_criteria (GString    *html,
                 RgSession  *session,
                 GError    **error)
{
  GListModel *categories = rg_session_get_categories (session);
  g_autoptr(GBytes) png = NULL;
  g_autofree char *description = NULL;

  open_section (html, "criteria", _("Success criteria"));
  if (g_list_model_get_n_items (categories) == 0)
    {
      append_element (html, "p", "empty", _("No success criteria."));
      close_section (html);
      return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);

      append_element (html, "h3", NULL, rg_category_get_name (category));
      if (g_list_model_get_n_items (criteria) == 0)
        {
          append_element (html, "p", "empty", _("No criteria in this category."));
          continue;
        }

      g_string_append (html, "<ul>\n");
      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, c);

          append_criterion (html, session, criterion);
        }
      g_string_append (html, "</ul>\n");
    }

  if (!map_png (session, &png, error))
    return FALSE;

  description = rg_criteria_map_describe (session);
  append_element (html, "h3", NULL, _("Map of the success criteria"));
  append_image (html, png, description);
  close_section (html);

  return TRUE;
}

static void
append_actions (GString   *html,
                RgSession *session)
{
  GListModel *actions = rg_session_get_actions (session);

  open_section (html, "actions", _("Actions"));
  if (g_list_model_get_n_items (actions) == 0)
    {
      append_element (html, "p", "empty", _("No actions."));
      close_section (html);
      return;
    }

  g_string_append (html, "<table>\n<tr>");
  append_cell (html, "th", _("Action"));
  append_cell (html, "th", _("Owner"));
  append_cell (html, "th", _("Due"));
  append_cell (html, "th", _("Status"));
  g_string_append (html, "</tr>\n");
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);
      g_autofree char *due = format_date (rg_action_get_due (action));

      g_string_append (html, "<tr class=\"action\">");
      append_cell (html, "td", rg_action_get_what (action));
      append_cell (html, "td", partner_name (session, rg_action_get_owner_id (action)));
      append_cell (html, "td", due);
      append_cell (html, "td", rg_action_status_get_label (rg_action_get_status (action)));
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</table>\n");
  close_section (html);
}

static void
append_review_and_consent (GString   *html,
                           RgSession *session)
{
  GListModel *consents = rg_session_get_consents (session);
  g_autofree char *review = format_date (rg_session_get_next_review (session));

  /* Short: the next review shares its page with the consent */
  g_string_append (html, "<div class=\"section review\">\n");
  append_element (html, "h2", NULL, _("Next review"));
  append_element (html, "p", review != NULL ? NULL : "empty",
                  review != NULL ? review : _("No date set."));

  append_element (html, "h2", NULL, _("Consent"));
  if (g_list_model_get_n_items (consents) == 0)
    append_element (html, "p", "empty", _("No consent recorded."));

  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(RgConsent) consent = g_list_model_get_item (consents, i);
      g_autofree char *date = format_date (rg_consent_get_date (consent));

      g_string_append (html, "<div class=\"consent\">\n");
      append_element (html, "p", "scope", rg_consent_get_scope (consent));
      append_field (html, _("Shared with:"), rg_consent_get_shared_with (consent));
      append_field (html, _("Date:"), date);
      append_field (html, _("Recorded by:"),
                    partner_name (session, rg_consent_get_recorded_by_id (consent)));
      g_string_append (html, "</div>\n");
    }
  close_section (html);
}

/**
 * rg_export_html:
 * @session: a #RgSession
 * @error: a location for a #GError
 *
 * Writes the report of @session as one self-contained, printable HTML5
 * document (see the top of rg-export-html.c), well-formed as XML, in
 * the user's language. To share it without names, export a copy made by
 * rg_session_pseudonymise ().
 *
 * Returns: (transfer full): the UTF-8 text of the document, or %NULL
 *   with @error set if a picture could not be drawn
 */
GBytes *
rg_export_html (RgSession  *session,
                GError    **error)
{
  g_autoptr(GString) html = NULL;
  g_autofree char *language = NULL;
  const char *title;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  language = report_language ();
  title = rg_session_get_title (session);

  html = g_string_new ("<!DOCTYPE html>\n");
  g_string_append_printf (html, "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%s\" xml:lang=\"%s\">\n",
                          language, language);
  g_string_append (html, "<head>\n<meta charset=\"utf-8\"/>\n");
  append_element (html, "title", NULL,
                  title != NULL && *title != '\0' ? title : _("Shared diagnosis"));
  g_string_append (html, "<style>");
  g_string_append (html, style_sheet);
  g_string_append (html, "</style>\n</head>\n<body>\n");

  append_title_page (html, session);
  append_diagnosis (html, session);
  append_links (html, session);
  if (!append_picture (html, session, error))
    return NULL;
  append_glossary (html, session);
  if (!append_criteria (html, session, error))
    return NULL;
  append_actions (html, session);
  append_review_and_consent (html, session);

  g_string_append (html, "</body>\n</html>\n");

  return g_string_free_to_bytes (g_steal_pointer (&html));
}
