/* rg-export-odt.c — a session's report as an OpenDocument text
 *
 * An ODF 1.3 text package, so that the report can be edited in a word
 * processor before it is filed or sent. The package is a zip (written
 * by rg-zip-writer.c): "mimetype" first, stored and without extra fields, then
 * content.xml (the blocks of rg-report.c), styles.xml (named styles a
 * user can change in one place, the A4 page with the title in its
 * header and the page number in its footer), meta.xml (title and
 * language), the pictures under Pictures/, and META-INF/manifest.xml
 * listing every one of them.
 *
 * The layout follows the HTML report: each part starts a new page,
 * headings stay with what follows them, blocks that belong together
 * are kept on one page, a table's header row is repeated on every page
 * it runs over, and pictures fill the width of the text with their text
 * alternative as title and description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-odt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rg-export-odt.h"
#include "rg-report.h"
#include "rg-xml-text-private.h"
#include "rg-zip-writer-private.h"

#define ODF_VERSION "1.3"

/* The A4 page, in centimetres: the text is 17 cm wide */
#define PAGE_WIDTH          21.0
#define PAGE_HEIGHT         29.7
#define PAGE_MARGIN          2.0
#define TEXT_WIDTH          (PAGE_WIDTH - 2 * PAGE_MARGIN)
/* A picture leaves room for its heading on its page */
#define PICTURE_MAX_HEIGHT  20.0

/* A table column's width follows its longest cell, within limits */
#define COLUMN_MIN_LENGTH    6
#define COLUMN_MAX_LENGTH  120

#define NAMESPACES \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" \
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"" \
  " office:version=\"" ODF_VERSION "\""

#define XML_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* The paragraph styles a block can have, named in styles.xml; each has
 * an automatic variant "Keep_NAME" that stays with the next block */
static const char *body_styles[] = {
  "Text_20_body", "Empty", "Synthesis", "Picture_20_Description", "List",
};

/* Where the writer is */
typedef struct
{
  GString    *body;        /* office:text */
  GString    *styles;      /* the automatic styles of content.xml */
  GPtrArray  *pictures;    /* of GBytes: Pictures/picture-N.png */
  const char *heading;     /* the last heading, a picture's title */
  guint       n_tables;
  guint       list_depth;  /* how many text:list are open */
  const char *open[3];     /* in the list of each depth, the open item or header */
} Writer;

/* {{{ Text */

/* Appends @text escaped for XML, without the characters XML 1.0 cannot
 * carry. With @odf_spaces, as the content of a paragraph: line breaks,
 * tabs and the spaces ODF would collapse or drop become elements. */
static void
append_text (GString    *xml,
             const char *text,
             gboolean    odf_spaces)
{
  gboolean line_start = TRUE;

  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (odf_spaces && *p == ' ')
        {
          gsize n = strspn (p, " ");
          gboolean line_end = p[n] == '\0' || p[n] == '\n' || p[n] == '\r';
          gsize kept = line_start || line_end ? 0 : 1;

          if (kept == 1)
            g_string_append_c (xml, ' ');
          if (n - kept == 1)
            g_string_append (xml, "<text:s/>");
          else if (n > kept)
            g_string_append_printf (xml, "<text:s text:c=\"%" G_GSIZE_FORMAT "\"/>", n - kept);
          p += n - 1;
          line_start = FALSE;
          continue;
        }

      if (odf_spaces && (*p == '\n' || *p == '\r'))
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_string_append (xml, "<text:line-break/>");
          line_start = TRUE;
          continue;
        }

      line_start = FALSE;
      switch (*p)
        {
        case '\t':
          g_string_append (xml, odf_spaces ? "<text:tab/>" : "\t");
          break;
        case '\n':
        case '\r':
          g_string_append_c (xml, ' ');
          break;
        default:
          _rg_xml_append_char (xml, *p);
        }
    }
}

/* A length in centimetres, with a point whatever the locale */
static void
append_length (GString *xml,
               double   centimetres)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (xml, g_ascii_formatd (buffer, sizeof buffer, "%.3f", centimetres));
  g_string_append (xml, "cm");
}

/* }}} */
/* {{{ content.xml */

/* Closes the lists deeper than @depth, and what is open in them */
static void
close_lists_to (Writer *writer,
                guint   depth)
{
  for (; writer->list_depth > depth; writer->list_depth--)
    {
      const char *open = writer->open[writer->list_depth];

      if (open != NULL)
        g_string_append_printf (writer->body, "</%s>", open);
      g_string_append (writer->body, "</text:list>\n");
    }
}

/* Opens lists down to @depth, each nested in an item of the list above
 * it: an item of its own when that list has none open */
static void
open_lists_to (Writer *writer,
               guint   depth)
{
  while (writer->list_depth < depth)
    {
      if (writer->list_depth == 0)
        g_string_append (writer->body, "<text:list text:style-name=\"List_20_1\">\n");
      else
        {
          if (writer->open[writer->list_depth] == NULL)
            {
              g_string_append (writer->body, "<text:list-item>");
              writer->open[writer->list_depth] = "text:list-item";
            }
          g_string_append (writer->body, "<text:list>\n");
        }
      writer->list_depth++;
      writer->open[writer->list_depth] = NULL;
    }
}

/* Opens a new item of @level (1 or 2), nesting a level 2 in the open
 * level 1 item */
static void
open_item (Writer *writer,
           guint   level)
{
  const char *open;

  close_lists_to (writer, level);
  open = writer->list_depth == level ? writer->open[level] : NULL;
  if (open != NULL)
    g_string_append_printf (writer->body, "</%s>\n", open);
  open_lists_to (writer, level);

  g_string_append (writer->body, "<text:list-item>");
  writer->open[level] = "text:list-item";
}

/* Goes on in the open level 1 item, under its text: a paragraph that
 * belongs with it; without an item to go on, an unnumbered one */
static void
continue_item (Writer *writer)
{
  close_lists_to (writer, 1);
  open_lists_to (writer, 1);
  if (writer->open[1] == NULL)
    {
      g_string_append (writer->body, "<text:list-header>");
      writer->open[1] = "text:list-header";
    }
}

static const char *
paragraph_style (const RgReportBlock *block)
{
  if (block->type == RG_REPORT_BLOCK_ITEM)
    return "List";

  switch (block->style)
    {
    case RG_REPORT_STYLE_EMPTY:
      return "Empty";
    case RG_REPORT_STYLE_SYNTHESIS:
      return "Synthesis";
    case RG_REPORT_STYLE_DESCRIPTION:
      return "Picture_20_Description";
    case RG_REPORT_STYLE_NORMAL:
    default:
      return "Text_20_body";
    }
}

/* A paragraph or an item: its bold label, then its text */
static void
append_paragraph (Writer              *writer,
                  const RgReportBlock *block,
                  gboolean             keep_with_next)
{
  GString *body = writer->body;

  g_string_append_printf (body, "<text:p text:style-name=\"%s%s\">",
                          keep_with_next ? "Keep_" : "", paragraph_style (block));
  if (block->label != NULL)
    {
      g_string_append (body, "<text:span text:style-name=\"Strong_20_Emphasis\">");
      append_text (body, block->label, TRUE);
      g_string_append (body, "</text:span>");
      if (block->text != NULL)
        g_string_append_c (body, ' ');
    }
  append_text (body, block->text, TRUE);
  g_string_append (body, "</text:p>\n");
}

static void
append_heading (Writer              *writer,
                const RgReportBlock *block,
                gboolean             first)
{
  guint level = CLAMP (block->level, 1, 4);
  const char *style;
  g_autofree char *named = NULL;

  if (first)
    style = "Title_20_Page_20_Heading";  /* opens the page without header */
  else if (block->new_page)
    style = "Part_20_Heading";
  else
    style = named = g_strdup_printf ("Heading_20_%u", level);

  g_string_append_printf (writer->body, "<text:h text:style-name=\"%s\" text:outline-level=\"%u\">",
                          style, level);
  append_text (writer->body, block->text, TRUE);
  g_string_append (writer->body, "</text:h>\n");
  writer->heading = block->text;
}

/* How wide a column is, relative to the others: more for longer
 * texts, but less than in proportion, so that short cells (a name, a
 * date) are not wrapped to make room for a long one */
static double
column_weight (GPtrArray *rows,
               guint      column)
{
  glong longest = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);

      longest = MAX (longest, g_utf8_strlen (row[column], -1));
    }

  return sqrt (CLAMP (longest, COLUMN_MIN_LENGTH, COLUMN_MAX_LENGTH));
}

static void
append_row (GString            *body,
            const char * const *row,
            gboolean            header)
{
  g_string_append (body, "<table:table-row table:style-name=\"Row\">");
  for (guint c = 0; row[c] != NULL; c++)
    {
      g_string_append_printf (body,
                              "<table:table-cell table:style-name=\"%s\" office:value-type=\"string\">"
                              "<text:p text:style-name=\"%s\">",
                              header ? "Header_20_Cell" : "Cell",
                              header ? "Table_20_Heading" : "Table_20_Contents");
      append_text (body, row[c], TRUE);
      g_string_append (body, "</text:p></table:table-cell>");
    }
  g_string_append (body, "</table:table-row>\n");
}

static void
append_table (Writer    *writer,
              GPtrArray *rows)
{
  const char * const *header = g_ptr_array_index (rows, 0);
  guint n_columns = g_strv_length ((char **) header);
  guint table = ++writer->n_tables;
  g_autofree double *weights = NULL;
  double sum = 0;

  if (n_columns == 0)
    return;

  weights = g_new (double, n_columns);
  for (guint c = 0; c < n_columns; c++)
    sum += weights[c] = column_weight (rows, c);

  g_string_append_printf (writer->styles,
                          "<style:style style:name=\"Table%u\" style:family=\"table\">"
                          "<style:table-properties style:width=\"", table);
  append_length (writer->styles, TEXT_WIDTH);
  g_string_append (writer->styles,
                   "\" table:align=\"margins\" fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.3cm\"/>"
                   "</style:style>\n");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_printf (writer->styles,
                              "<style:style style:name=\"Table%u.C%u\" style:family=\"table-column\">"
                              "<style:table-column-properties style:column-width=\"", table, c + 1);
      append_length (writer->styles, TEXT_WIDTH * weights[c] / sum);
      g_string_append_printf (writer->styles, "\" style:rel-width=\"%u*\"/></style:style>\n",
                              (guint) (weights[c] * 1000 / sum));
    }

  g_string_append_printf (writer->body,
                          "<table:table table:name=\"Table%u\" table:style-name=\"Table%u\">\n",
                          table, table);
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (writer->body, "<table:table-column table:style-name=\"Table%u.C%u\"/>\n",
                            table, c + 1);
  /* Header rows are repeated on every page the table runs over */
  g_string_append (writer->body, "<table:table-header-rows>\n");
  append_row (writer->body, header, TRUE);
  g_string_append (writer->body, "</table:table-header-rows>\n");
  for (guint r = 1; r < rows->len; r++)
    append_row (writer->body, g_ptr_array_index (rows, r), FALSE);
  g_string_append (writer->body, "</table:table>\n");
}

/* The picture as wide as the text, unless that makes it too tall */
static void
append_image (Writer              *writer,
              const RgReportBlock *block)
{
  GString *body = writer->body;
  guint index;
  double width = TEXT_WIDTH;
  double height;

  if (block->png == NULL || block->width <= 0 || block->height <= 0)
    return;

  g_ptr_array_add (writer->pictures, g_bytes_ref (block->png));
  index = writer->pictures->len;

  height = width * block->height / block->width;
  if (height > PICTURE_MAX_HEIGHT)
    {
      width *= PICTURE_MAX_HEIGHT / height;
      height = PICTURE_MAX_HEIGHT;
    }

  g_string_append (body, "<text:p text:style-name=\"Picture\">");
  g_string_append_printf (body,
                          "<draw:frame draw:style-name=\"Picture_20_Frame\" draw:name=\"Picture %u\""
                          " text:anchor-type=\"as-char\" draw:z-index=\"0\" svg:width=\"",
                          index);
  append_length (body, width);
  g_string_append (body, "\" svg:height=\"");
  append_length (body, height);
  g_string_append_printf (body,
                          "\"><draw:image xlink:href=\"Pictures/picture-%u.png\" xlink:type=\"simple\""
                          " xlink:show=\"embed\" xlink:actuate=\"onLoad\"/>",
                          index);
  /* The text alternative: what the picture is, then what it shows */
  g_string_append (body, "<svg:title>");
  append_text (body, writer->heading, FALSE);
  g_string_append (body, "</svg:title><svg:desc>");
  append_text (body, block->text, FALSE);
  g_string_append (body, "</svg:desc></draw:frame></text:p>\n");
}

/* Whether @block belongs with @next and should not be parted from it */
static gboolean
keeps_with (const RgReportBlock *block,
            const RgReportBlock *next)
{
  return block->group != 0 && next != NULL && next->group == block->group;
}

static void
append_block (Writer              *writer,
              const RgReportBlock *block,
              const RgReportBlock *next,
              gboolean             first)
{
  if (block->type == RG_REPORT_BLOCK_ITEM)
    open_item (writer, CLAMP (block->level, 1, 2));
  else if (block->type == RG_REPORT_BLOCK_PARAGRAPH && block->level > 0)
    continue_item (writer);
  else
    close_lists_to (writer, 0);

  switch (block->type)
    {
    case RG_REPORT_BLOCK_HEADING:
      append_heading (writer, block, first);
      break;

    case RG_REPORT_BLOCK_PARAGRAPH:
    case RG_REPORT_BLOCK_ITEM:
      append_paragraph (writer, block, keeps_with (block, next));
      break;

    case RG_REPORT_BLOCK_TABLE:
      append_table (writer, block->rows);
      break;

    case RG_REPORT_BLOCK_IMAGE:
      append_image (writer, block);
      break;

    default:
      g_assert_not_reached ();
    }
}

static GBytes *
write_content (RgReport  *report,
               GPtrArray *pictures)
{
  Writer writer = { NULL, };
  g_autoptr(GString) content = g_string_new (XML_DECLARATION);
  guint n_blocks = rg_report_get_n_blocks (report);

  writer.body = g_string_new (NULL);
  writer.styles = g_string_new (NULL);
  writer.pictures = pictures;

  /* The title opens the first page, which has no header */
  g_string_append (writer.styles,
                   "<style:style style:name=\"Title_20_Page_20_Heading\" style:family=\"paragraph\""
                   " style:parent-style-name=\"Heading_20_1\""
                   " style:master-page-name=\"First_20_Page\"/>\n");
  for (guint i = 0; i < G_N_ELEMENTS (body_styles); i++)
    g_string_append_printf (writer.styles,
                            "<style:style style:name=\"Keep_%s\" style:family=\"paragraph\""
                            " style:parent-style-name=\"%s\"><style:paragraph-properties"
                            " fo:keep-together=\"always\" fo:keep-with-next=\"always\"/></style:style>\n",
                            body_styles[i], body_styles[i]);
  g_string_append (writer.styles,
                   "<style:style style:name=\"Row\" style:family=\"table-row\">"
                   "<style:table-row-properties fo:keep-together=\"always\"/></style:style>\n"
                   "<style:style style:name=\"Cell\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #888888\"/>"
                   "</style:style>\n"
                   "<style:style style:name=\"Header_20_Cell\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #888888\""
                   " fo:background-color=\"#eeeeee\"/></style:style>\n"
                   "<style:style style:name=\"Picture_20_Frame\" style:family=\"graphic\""
                   " style:parent-style-name=\"Graphics\"><style:graphic-properties"
                   " style:vertical-pos=\"top\" style:vertical-rel=\"baseline\"/></style:style>\n");

  for (guint i = 0; i < n_blocks; i++)
    append_block (&writer, rg_report_get_block (report, i),
                  i + 1 < n_blocks ? rg_report_get_block (report, i + 1) : NULL,
                  i == 0);
  close_lists_to (&writer, 0);

  g_string_append (content, "<office:document-content" NAMESPACES ">\n<office:automatic-styles>\n");
  g_string_append_len (content, writer.styles->str, writer.styles->len);
  g_string_append (content, "</office:automatic-styles>\n<office:body>\n<office:text>\n");
  g_string_append_len (content, writer.body->str, writer.body->len);
  g_string_append (content, "</office:text>\n</office:body>\n</office:document-content>\n");

  g_string_free (writer.body, TRUE);
  g_string_free (writer.styles, TRUE);

  return g_string_free_to_bytes (g_steal_pointer (&content));
}

/* }}} */
/* {{{ styles.xml */

/* A named paragraph style: @properties are its paragraph-properties
 * attributes, @text its text-properties attributes, either may be %NULL */
static void
append_paragraph_style (GString    *xml,
                        const char *name,
                        const char *display_name,
                        const char *parent,
                        const char *class,
                        const char *properties,
                        const char *text)
{
  g_string_append_printf (xml, "<style:style style:name=\"%s\" style:family=\"paragraph\"", name);
  if (display_name != NULL)
    {
      g_string_append (xml, " style:display-name=\"");
      append_text (xml, display_name, FALSE);
      g_string_append_c (xml, '"');
    }
  if (parent != NULL)
    g_string_append_printf (xml, " style:parent-style-name=\"%s\"", parent);
  g_string_append_printf (xml, " style:class=\"%s\">", class);
  if (properties != NULL)
    g_string_append_printf (xml, "<style:paragraph-properties %s/>", properties);
  if (text != NULL)
    g_string_append_printf (xml, "<style:text-properties %s/>", text);
  g_string_append (xml, "</style:style>\n");
}

static void
append_headings (GString *xml)
{
  static const struct {
    const char *size;
    const char *properties;
  } headings[] = {
    { "20pt", "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.4cm\"" },
    { "15pt", "fo:margin-top=\"0.6cm\" fo:margin-bottom=\"0.25cm\" fo:padding-bottom=\"0.05cm\""
              " fo:border-bottom=\"0.5pt solid #888888\" fo:border-top=\"none\""
              " fo:border-left=\"none\" fo:border-right=\"none\"" },
    { "13pt", "fo:margin-top=\"0.45cm\" fo:margin-bottom=\"0.2cm\"" },
    { "11pt", "fo:margin-top=\"0.3cm\" fo:margin-bottom=\"0.1cm\"" },
  };

  append_paragraph_style (xml, "Heading", NULL, "Standard", "text",
                          "fo:keep-with-next=\"always\"",
                          "fo:font-weight=\"bold\" fo:color=\"#1a1a1a\"");

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_string_append_printf (xml,
                            "<style:style style:name=\"Heading_20_%u\" style:display-name=\"Heading %u\""
                            " style:family=\"paragraph\" style:parent-style-name=\"Heading\""
                            " style:next-style-name=\"Text_20_body\" style:default-outline-level=\"%u\""
                            " style:class=\"text\"><style:paragraph-properties %s/>"
                            "<style:text-properties fo:font-size=\"%s\"/></style:style>\n",
                            i + 1, i + 1, i + 1, headings[i].properties, headings[i].size);

  /* A part of the report starts a new page */
  g_string_append (xml, "<style:style style:name=\"Part_20_Heading\" style:display-name=\"");
  append_text (xml, C_("paragraph style", "Part Heading"), FALSE);
  g_string_append (xml, "\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_2\""
                        " style:next-style-name=\"Text_20_body\" style:default-outline-level=\"2\""
                        " style:class=\"text\"><style:paragraph-properties fo:break-before=\"page\""
                        " fo:margin-top=\"0cm\"/></style:style>\n");

  /* The headings are the document's outline, unnumbered */
  g_string_append (xml, "<text:outline-style style:name=\"Outline\">\n");
  for (guint level = 1; level <= 10; level++)
    g_string_append_printf (xml,
                            "<text:outline-level-style text:level=\"%u\" style:num-format=\"\">"
                            "<style:list-level-properties"
                            " text:list-level-position-and-space-mode=\"label-alignment\">"
                            "<style:list-level-label-alignment text:label-followed-by=\"nothing\""
                            " fo:text-indent=\"0cm\" fo:margin-left=\"0cm\"/>"
                            "</style:list-level-properties></text:outline-level-style>\n",
                            level);
  g_string_append (xml, "</text:outline-style>\n");
}

/* The bullets are plain Unicode characters in the body's font: without
 * a font, LibreOffice sets them in OpenSymbol, which its DOCX export
 * turns into Symbol's private character, garbage once copied */
static void
append_list_style (GString *xml)
{
  static const char *bullets[] = { "•", "◦", "▪" };

  g_string_append (xml, "<text:list-style style:name=\"List_20_1\" style:display-name=\"List 1\">\n");
  for (guint level = 1; level <= 10; level++)
    {
      g_string_append_printf (xml,
                              "<text:list-level-style-bullet text:level=\"%u\" text:bullet-char=\"%s\">"
                              "<style:list-level-properties"
                              " text:list-level-position-and-space-mode=\"label-alignment\">"
                              "<style:list-level-label-alignment text:label-followed-by=\"listtab\""
                              " text:list-tab-stop-position=\"",
                              level, bullets[(level - 1) % G_N_ELEMENTS (bullets)]);
      append_length (xml, 0.7 * level);
      g_string_append (xml, "\" fo:text-indent=\"-0.45cm\" fo:margin-left=\"");
      append_length (xml, 0.7 * level);
      g_string_append (xml, "\"/></style:list-level-properties>"
                            "<style:text-properties style:font-name=\"Cantarell\"/>"
                            "</text:list-level-style-bullet>\n");
    }
  g_string_append (xml, "</text:list-style>\n");
}

/* The styles a user may want to change, all in one place */
static void
append_named_styles (GString    *xml,
                     const char *language)
{
  g_string_append (xml, "<office:styles>\n<style:default-style style:family=\"paragraph\">"
                        "<style:paragraph-properties fo:orphans=\"2\" fo:widows=\"2\""
                        " style:writing-mode=\"page\"/>"
                        "<style:text-properties style:font-name=\"Cantarell\" fo:font-size=\"11pt\""
                        " fo:language=\"");
  append_text (xml, language, FALSE);
  g_string_append (xml, "\" fo:country=\"none\"/></style:default-style>\n");

  append_paragraph_style (xml, "Standard", NULL, NULL, "text", NULL, NULL);
  append_paragraph_style (xml, "Text_20_body", "Text body", "Standard", "text",
                          "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.2cm\" fo:line-height=\"130%\"",
                          NULL);
  append_headings (xml);
  append_paragraph_style (xml, "Empty", C_("paragraph style", "Nothing to Report"),
                          "Text_20_body", "text", NULL,
                          "fo:font-style=\"italic\" fo:color=\"#444444\"");
  append_paragraph_style (xml, "Synthesis", C_("paragraph style", "Agreed Synthesis"),
                          "Text_20_body", "text",
                          "fo:margin-left=\"0.2cm\" fo:padding-left=\"0.3cm\" fo:padding-top=\"0.05cm\""
                          " fo:padding-bottom=\"0.05cm\" fo:border-left=\"2.25pt solid #444444\""
                          " fo:border-right=\"none\" fo:border-top=\"none\" fo:border-bottom=\"none\""
                          " fo:keep-together=\"always\"",
                          NULL);
  append_paragraph_style (xml, "Picture_20_Description", C_("paragraph style", "Picture Description"),
                          "Text_20_body", "text", NULL, NULL);
  append_paragraph_style (xml, "Picture", C_("paragraph style", "Picture"), "Standard", "text",
                          "fo:text-align=\"center\" fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.3cm\"",
                          NULL);
  append_paragraph_style (xml, "List", "List", "Text_20_body", "list",
                          "fo:margin-bottom=\"0.1cm\"", NULL);
  append_paragraph_style (xml, "Table_20_Contents", "Table Contents", "Standard", "extra",
                          "fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\"",
                          "fo:font-size=\"10pt\"");
  append_paragraph_style (xml, "Table_20_Heading", "Table Heading", "Table_20_Contents", "extra",
                          NULL, "fo:font-weight=\"bold\"");
  append_paragraph_style (xml, "Header", "Header", "Standard", "extra",
                          "fo:padding-bottom=\"0.1cm\" fo:border-bottom=\"0.5pt solid #888888\""
                          " fo:border-top=\"none\" fo:border-left=\"none\" fo:border-right=\"none\"",
                          "fo:font-size=\"9pt\" fo:color=\"#444444\"");
  append_paragraph_style (xml, "Footer", "Footer", "Standard", "extra",
                          "fo:text-align=\"center\"",
                          "fo:font-size=\"9pt\" fo:color=\"#444444\"");

  g_string_append (xml, "<style:style style:name=\"Strong_20_Emphasis\""
                        " style:display-name=\"Strong Emphasis\" style:family=\"text\">"
                        "<style:text-properties fo:font-weight=\"bold\"/>"
                        "</style:style>\n"
                        "<style:style style:name=\"Graphics\" style:family=\"graphic\">"
                        "<style:graphic-properties text:anchor-type=\"as-char\" style:wrap=\"none\""
                        " style:vertical-pos=\"top\" style:vertical-rel=\"baseline\"/></style:style>\n");
  append_list_style (xml);
  g_string_append (xml, "</office:styles>\n");
}

/* The header: the title, and the situation at the right margin */
static void
append_header (GString  *xml,
               RgReport *report)
{
  const char *subtitle = rg_report_get_subtitle (report);

  g_string_append (xml, "<style:header><text:p text:style-name=\"Header_Tabs\">");
  append_text (xml, rg_report_get_title (report), TRUE);
  if (subtitle != NULL)
    {
      g_string_append (xml, "<text:tab/>");
      append_text (xml, subtitle, TRUE);
    }
  g_string_append (xml, "</text:p></style:header>\n");
}

/* The footer: "Page 2 of 9", the numbers as fields */
static void
append_footer (GString *xml)
{
  /* Translators: the footer of each page of an ODT report, as in
   * "Page 2 of 9": %1$s is the page's number, %2$s the number of pages */
  const char *format = _("Page %1$s of %2$s");
  const char *p = format;

  g_string_append (xml, "<style:footer><text:p text:style-name=\"Footer\">");
  while (*p != '\0')
    {
      const char *page = strstr (p, "%1$s");
      const char *count = strstr (p, "%2$s");
      const char *next = page != NULL && (count == NULL || page < count) ? page : count;
      g_autofree char *before = g_strndup (p, next != NULL ? (gsize) (next - p) : strlen (p));

      append_text (xml, before, TRUE);
      if (next == NULL)
        break;
      if (next == page)
        g_string_append (xml, "<text:page-number text:select-page=\"current\">1</text:page-number>");
      else
        g_string_append (xml, "<text:page-count>1</text:page-count>");
      p = next + strlen ("%1$s");
    }
  g_string_append (xml, "</text:p></style:footer>\n");
}

static GBytes *
write_styles (RgReport *report)
{
  GString *xml = g_string_new (XML_DECLARATION);

  g_string_append (xml, "<office:document-styles" NAMESPACES ">\n"
                        "<office:font-face-decls><style:font-face style:name=\"Cantarell\""
                        " svg:font-family=\"Cantarell\" style:font-family-generic=\"swiss\""
                        " style:font-pitch=\"variable\"/></office:font-face-decls>\n");
  append_named_styles (xml, rg_report_get_language (report));

  /* A4, the header and footer inside the margins */
  g_string_append (xml, "<office:automatic-styles>\n"
                        "<style:page-layout style:name=\"A4\"><style:page-layout-properties"
                        " fo:page-width=\"");
  append_length (xml, PAGE_WIDTH);
  g_string_append (xml, "\" fo:page-height=\"");
  append_length (xml, PAGE_HEIGHT);
  g_string_append (xml, "\" style:print-orientation=\"portrait\" fo:margin-top=\"1.2cm\""
                        " fo:margin-bottom=\"1.2cm\" fo:margin-left=\"");
  append_length (xml, PAGE_MARGIN);
  g_string_append (xml, "\" fo:margin-right=\"");
  append_length (xml, PAGE_MARGIN);
  g_string_append (xml, "\"/>"
                        "<style:header-style><style:header-footer-properties fo:min-height=\"0.6cm\""
                        " fo:margin-bottom=\"0.5cm\"/></style:header-style>"
                        "<style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\""
                        " fo:margin-top=\"0.5cm\"/></style:footer-style>"
                        "</style:page-layout>\n"
                        "<style:style style:name=\"Header_Tabs\" style:family=\"paragraph\""
                        " style:parent-style-name=\"Header\"><style:paragraph-properties>"
                        "<style:tab-stops><style:tab-stop style:type=\"right\" style:position=\"");
  append_length (xml, TEXT_WIDTH);
  g_string_append (xml, "\"/></style:tab-stops></style:paragraph-properties></style:style>\n"
                        "</office:automatic-styles>\n");

  /* The first page has the title in large already: no header there */
  g_string_append (xml, "<office:master-styles>\n"
                        "<style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\">\n");
  append_header (xml, report);
  append_footer (xml);
  g_string_append (xml, "</style:master-page>\n"
                        "<style:master-page style:name=\"First_20_Page\" style:display-name=\"First Page\""
                        " style:page-layout-name=\"A4\" style:next-style-name=\"Standard\">\n");
  append_footer (xml);
  g_string_append (xml, "</style:master-page>\n</office:master-styles>\n</office:document-styles>\n");

  return g_string_free_to_bytes (xml);
}

/* }}} */
/* {{{ meta.xml and the manifest */

static GBytes *
write_meta (RgReport *report)
{
  GString *xml = g_string_new (XML_DECLARATION);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = rg_time_format (now);

  g_string_append (xml, "<office:document-meta"
                        " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                        " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
                        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                        " office:version=\"" ODF_VERSION "\">\n<office:meta>\n"
                        "<meta:generator>Regards/" PACKAGE_VERSION "</meta:generator>\n<dc:title>");
  append_text (xml, rg_report_get_title (report), FALSE);
  g_string_append (xml, "</dc:title>\n");
  if (rg_report_get_subtitle (report) != NULL)
    {
      g_string_append (xml, "<dc:subject>");
      append_text (xml, rg_report_get_subtitle (report), FALSE);
      g_string_append (xml, "</dc:subject>\n");
    }
  g_string_append (xml, "<dc:language>");
  append_text (xml, rg_report_get_language (report), FALSE);
  g_string_append_printf (xml, "</dc:language>\n<meta:creation-date>%s</meta:creation-date>\n"
                               "</office:meta>\n</office:document-meta>\n", date);

  return g_string_free_to_bytes (xml);
}

static GBytes *
write_manifest (guint n_pictures)
{
  static const char *xml_parts[] = { "content.xml", "styles.xml", "meta.xml" };
  GString *xml = g_string_new (XML_DECLARATION);

  g_string_append (xml, "<manifest:manifest"
                        " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                        " manifest:version=\"" ODF_VERSION "\">\n"
                        "<manifest:file-entry manifest:full-path=\"/\""
                        " manifest:version=\"" ODF_VERSION "\""
                        " manifest:media-type=\"" RG_EXPORT_ODT_MIME_TYPE "\"/>\n");
  for (guint i = 0; i < G_N_ELEMENTS (xml_parts); i++)
    g_string_append_printf (xml, "<manifest:file-entry manifest:full-path=\"%s\""
                                 " manifest:media-type=\"text/xml\"/>\n", xml_parts[i]);
  for (guint i = 1; i <= n_pictures; i++)
    g_string_append_printf (xml, "<manifest:file-entry manifest:full-path=\"Pictures/picture-%u.png\""
                                 " manifest:media-type=\"image/png\"/>\n", i);
  g_string_append (xml, "</manifest:manifest>\n");

  return g_string_free_to_bytes (xml);
}

/* }}} */
/* {{{ The package */

/* Writes the parts of the package, each under its folder */
static gboolean
write_package (RgZipWriter  *package,
               GBytes       *content,
               GBytes       *styles,
               GBytes       *meta,
               GPtrArray    *pictures,
               GError      **error)
{
  g_autoptr(GBytes) mimetype = g_bytes_new_static (RG_EXPORT_ODT_MIME_TYPE,
                                                   strlen (RG_EXPORT_ODT_MIME_TYPE));
  g_autoptr(GBytes) manifest = write_manifest (pictures->len);

  /* First and stored, so that the type shows at a fixed place */
  if (!_rg_zip_writer_add (package, "mimetype", mimetype, TRUE, error) ||
      !_rg_zip_writer_add (package, "content.xml", content, FALSE, error) ||
      !_rg_zip_writer_add (package, "styles.xml", styles, FALSE, error) ||
      !_rg_zip_writer_add (package, "meta.xml", meta, FALSE, error))
    return FALSE;

  for (guint i = 0; i < pictures->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("Pictures/picture-%u.png", i + 1);

      if (!_rg_zip_writer_add (package, name, pictures->pdata[i], TRUE, error))
        return FALSE;
    }

  return _rg_zip_writer_add (package, "META-INF/manifest.xml", manifest, FALSE, error);
}

/* }}} */

/**
 * rg_export_odt:
 * @session: a #RgSession
 * @error: a location for a #GError
 *
 * Writes the report of @session as an OpenDocument text package (see
 * the top of rg-export-odt.c), in the user's language. To share it
 * without names, export a copy made by rg_session_pseudonymise ().
 *
 * Returns: (transfer full) (nullable): the bytes of the package, or %NULL with
 *   @error set if a picture could not be drawn
 */
GBytes *
rg_export_odt (RgSession  *session,
               GError    **error)
{
  g_autoptr(RgReport) report = NULL;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = rg_report_new (session, error);
  if (report == NULL)
    return NULL;

  return rg_export_odt_report (report, error);
}

/**
 * rg_export_odt_report:
 * @report: a report, a session's or one made with rg_report_new_blank ()
 * @error: a location for a #GError
 *
 * Writes @report as an OpenDocument text package (see the top of
 * rg-export-odt.c).
 *
 * Returns: (transfer full) (nullable): the bytes of the package, or %NULL with
 *   @error set
 */
GBytes *
rg_export_odt_report (RgReport  *report,
                      GError   **error)
{
  g_autoptr(GPtrArray) pictures = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) styles = NULL;
  g_autoptr(GBytes) meta = NULL;
  g_autoptr(RgZipWriter) package = NULL;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  content = write_content (report, pictures);
  styles = write_styles (report);
  meta = write_meta (report);

  package = _rg_zip_writer_new ();
  if (!write_package (package, content, styles, meta, pictures, error))
    return NULL;

  return _rg_zip_writer_finish (package, error);
}
