/* rg-export-html.c — a session's report as one printable HTML file
 *
 * One self-contained file: the style sheet is inline and the pictures
 * (the partner × partner picture and the map of the success criteria)
 * are embedded as PNG data URIs, so the report can be sent, archived
 * or printed without anything beside it.
 *
 * The document is HTML5 written as well-formed XML (every element
 * closed, every text and attribute escaped), so both HTML and XML
 * parsers read it; parts are divs rather than HTML5 section elements
 * so that older HTML parsers (libxml2 2.9) accept it too. What it says
 * comes from rg-report.c; each part starts a new page on paper, and
 * blocks that belong together are kept on one page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-html"

#include "config.h"

#include "rg-export-html.h"
#include "rg-report.h"

static const char style_sheet[] =
  "body{font-family:'Cantarell','Noto Sans',sans-serif;font-size:11pt;"
  "line-height:1.4;color:#000;background:#fff;margin:2em;}"
  "h1{font-size:20pt;margin-bottom:0.2em;}"
  "h2{font-size:15pt;border-bottom:1px solid #888;padding-bottom:0.1em;}"
  "h3{font-size:13pt;}"
  "h4{font-size:11pt;margin-bottom:0.2em;}"
  "table{border-collapse:collapse;width:100%;}"
  "th,td{border:1px solid #888;padding:0.3em;text-align:left;vertical-align:top;}"
  "p,li,td{white-space:pre-wrap;}"
  "li,.group{page-break-inside:avoid;break-inside:avoid;}"
  "ul.level-2,p.level-1{margin-left:2em;}"
  ".label{font-weight:bold;}"
  ".synthesis{border-left:3px solid #444;padding-left:0.6em;}"
  ".empty{font-style:italic;}"
  "img{max-width:100%;height:auto;}"
  "@page{size:A4;margin:2cm 1.8cm;}"
  "@media print{body{margin:0;}"
  ".section{page-break-before:always;break-before:page;}"
  "h2,h3,h4{page-break-after:avoid;break-after:avoid;}}";

/* Where the writer is: which elements are open */
typedef struct
{
  GString *html;
  guint    list_level;  /* the level of the open list, 0 for none */
  guint    group;       /* the open group, 0 for none */
} Writer;

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

/* A block's bold label, then its text. After a label, the text is set
 * apart as HTML's own way of isolating does it (dir="auto" makes a span
 * what <bdi> is, which libxml2 2.9's HTML parser does not know): its
 * direction is its own, and the label's punctuation keeps its place
 * even before a right-to-left text. */
static void
append_label_and_text (GString             *html,
                       const RgReportBlock *block)
{
  if (block->label == NULL)
    {
      append_escaped (html, block->text);
      return;
    }

  g_string_append (html, "<span class=\"label\">");
  append_escaped (html, block->label);
  g_string_append (html, "</span>");
  if (block->text == NULL)
    return;

  g_string_append (html, " <span dir=\"auto\">");
  append_escaped (html, block->text);
  g_string_append (html, "</span>");
}

static void
append_table (GString   *html,
              GPtrArray *rows)
{
  /* The header row in a thead, repeated on every printed page, its
   * cells saying they head their columns */
  g_string_append (html, "<table>\n");
  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);

      if (r == 0)
        g_string_append (html, "<thead>\n");
      else if (r == 1)
        g_string_append (html, "<tbody>\n");
      g_string_append (html, "<tr>");
      for (guint c = 0; row[c] != NULL; c++)
        {
          g_string_append (html, r == 0 ? "<th scope=\"col\">" : "<td>");
          append_escaped (html, row[c]);
          g_string_append (html, r == 0 ? "</th>" : "</td>");
        }
      g_string_append (html, "</tr>\n");
      if (r == 0)
        g_string_append (html, "</thead>\n");
    }
  if (rows->len > 1)
    g_string_append (html, "</tbody>\n");
  g_string_append (html, "</table>\n");
}

static void
append_image (GString             *html,
              const RgReportBlock *block)
{
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (block->png, NULL),
                                             g_bytes_get_size (block->png));

  g_string_append (html, "<p><img src=\"data:image/png;base64,");
  g_string_append (html, base64);
  g_string_append_printf (html, "\" width=\"%d\" height=\"%d\" alt=\"", block->width, block->height);
  append_escaped (html, block->text);
  g_string_append (html, "\"/></p>\n");
}

static const char *
paragraph_class (RgReportStyle style)
{
  switch (style)
    {
    case RG_REPORT_STYLE_EMPTY:
      return "empty";
    case RG_REPORT_STYLE_SYNTHESIS:
      return "synthesis";
    case RG_REPORT_STYLE_DESCRIPTION:
      return "description";
    case RG_REPORT_STYLE_NORMAL:
    default:
      return NULL;
    }
}

/* Closes the open list when @level differs from its own */
static void
set_list_level (Writer *writer,
                guint   level)
{
  if (writer->list_level == level)
    return;

  if (writer->list_level != 0)
    g_string_append (writer->html, "</ul>\n");
  if (level != 0)
    g_string_append_printf (writer->html, "<ul class=\"level-%u\">\n", level);
  writer->list_level = level;
}

static void
set_group (Writer *writer,
           guint   group)
{
  if (writer->group == group)
    return;

  set_list_level (writer, 0);
  if (writer->group != 0)
    g_string_append (writer->html, "</div>\n");
  if (group != 0)
    g_string_append (writer->html, "<div class=\"group\">\n");
  writer->group = group;
}

static void
append_heading (Writer              *writer,
                const RgReportBlock *block)
{
  g_autofree char *tag = g_strdup_printf ("h%u", CLAMP (block->level, 1, 4));

  /* A list open outside any group is closed too: never a heading in a
   * list (set_group () changes nothing when the group is already 0). */
  set_list_level (writer, 0);
  set_group (writer, 0);
  if (block->new_page)
    g_string_append_printf (writer->html, "</div>\n<div class=\"section %s\">\n", block->part);
  append_element (writer->html, tag, NULL, block->text);
}

static void
append_block (Writer              *writer,
              const RgReportBlock *block)
{
  GString *html = writer->html;

  if (block->type == RG_REPORT_BLOCK_HEADING)
    {
      append_heading (writer, block);
      return;
    }

  set_group (writer, block->group);
  set_list_level (writer, block->type == RG_REPORT_BLOCK_ITEM ? block->level : 0);

  switch (block->type)
    {
    case RG_REPORT_BLOCK_PARAGRAPH:
      {
        const char *klass = paragraph_class (block->style);

        if (block->level > 0)
          klass = "level-1";
        if (klass != NULL)
          g_string_append_printf (html, "<p class=\"%s\">", klass);
        else
          g_string_append (html, "<p>");
        append_label_and_text (html, block);
        g_string_append (html, "</p>\n");
      }
      break;

    case RG_REPORT_BLOCK_ITEM:
      g_string_append (html, "<li>");
      append_label_and_text (html, block);
      g_string_append (html, "</li>\n");
      break;

    case RG_REPORT_BLOCK_TABLE:
      append_table (html, block->rows);
      break;

    case RG_REPORT_BLOCK_IMAGE:
      append_image (html, block);
      break;

    case RG_REPORT_BLOCK_HEADING:
    default:
      g_assert_not_reached ();
    }
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
 * Returns: (transfer full) (nullable): the UTF-8 text of the document, or %NULL
 *   with @error set if a picture could not be drawn
 */
GBytes *
rg_export_html (RgSession  *session,
                GError    **error)
{
  g_autoptr(RgReport) report = NULL;
  Writer writer = { NULL, };
  const char *language;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = rg_report_new (session, error);
  if (report == NULL)
    return NULL;

  language = rg_report_get_language (report);
  writer.html = g_string_new ("<!DOCTYPE html>\n");
  g_string_append_printf (writer.html,
                          "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%s\" xml:lang=\"%s\">\n",
                          language, language);
  g_string_append (writer.html, "<head>\n<meta charset=\"utf-8\"/>\n");
  append_element (writer.html, "title", NULL, rg_report_get_title (report));
  g_string_append (writer.html, "<style>");
  g_string_append (writer.html, style_sheet);
  g_string_append (writer.html, "</style>\n</head>\n<body>\n");

  /* The title page runs until the first part */
  g_string_append (writer.html, "<div class=\"title-page\">\n");
  for (guint i = 0; i < rg_report_get_n_blocks (report); i++)
    append_block (&writer, rg_report_get_block (report, i));
  set_group (&writer, 0);
  g_string_append (writer.html, "</div>\n</body>\n</html>\n");

  return g_string_free_to_bytes (writer.html);
}
