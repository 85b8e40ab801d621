/* rg-export-ods.c — a session's tables as an OpenDocument spreadsheet
 *
 * The tables of rg-export-tables.c, the same as the CSV export's, as
 * one ODF 1.3 spreadsheet: one sheet per table, named in the user's
 * language, its header row repeated on every printed page. The cells
 * are typed, so that nothing is guessed when the file is opened and no
 * import dialog is needed: a text is a string (never read as a number
 * or a formula, whatever it begins with), a count a float, a whole
 * date (YYYY-MM-DD) a date shown in the spreadsheet's own order of
 * day, month and year.
 *
 * The package is a zip written by rg-zip-writer.c, as the ODT report
 * is: "mimetype" first, stored and without extra fields, then
 * content.xml, styles.xml, meta.xml and META-INF/manifest.xml. meta.xml
 * says only what made the file and when: a spreadsheet sent outside the
 * team carries nothing about the child in its properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-ods"

#include "config.h"

#include <string.h>

#include "rg-export-ods.h"
#include "rg-export-tables-private.h"
#include "rg-xml-text-private.h"
#include "rg-zip-writer-private.h"

#define ODF_VERSION "1.3"

#define XML_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

#define NAMESPACES \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " office:version=\"" ODF_VERSION "\""

/* A column's width follows its longest line, within limits, in
 * characters of about 0.2 cm */
#define COLUMN_MIN_CHARS   8
#define COLUMN_MAX_CHARS  60
#define CM_PER_CHAR        0.2

/* Appends @text escaped for XML, without the characters XML 1.0 cannot
 * carry; with @paragraphs, each line as its own paragraph of a cell */
static void
append_text (GString    *xml,
             const char *text,
             gboolean    paragraphs)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\t':
        g_string_append (xml, paragraphs ? "<text:tab/>" : " ");
        break;
      case '\r':
        if (p[1] == '\n')
          break;
        G_GNUC_FALLTHROUGH;
      case '\n':
        g_string_append (xml, paragraphs ? "</text:p><text:p>" : " ");
        break;
      default:
        _rg_xml_append_char (xml, *p);
      }
}

/* The width of @column's longest line, in characters, within limits */
static guint
column_chars (RgTable *table,
              guint    column)
{
  guint widest = COLUMN_MIN_CHARS;

  for (guint row = 0; row < _rg_export_table_get_n_rows (table); row++)
    {
      const char *text = _rg_export_table_get_cell (table, row, column)->text;
      g_auto(GStrv) lines = text != NULL ? g_strsplit (text, "\n", -1) : NULL;

      for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
        widest = MAX (widest, g_utf8_strlen (lines[i], -1));
    }

  return MIN (widest, COLUMN_MAX_CHARS);
}

static void
append_cell (GString      *xml,
             const RgCell *cell,
             gboolean      header)
{
  const char *style = header ? " table:style-name=\"header\"" : " table:style-name=\"cell\"";

  if (cell->text == NULL)
    {
      g_string_append_printf (xml, "<table:table-cell%s/>", style);
      return;
    }

  switch (cell->type)
    {
    case _RG_CELL_NUMBER:
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_dtostr (number, sizeof number, cell->number);
        g_string_append_printf (xml, "<table:table-cell%s office:value-type=\"float\""
                                     " office:value=\"%s\">", style, number);
      }
      break;
    case _RG_CELL_DATE:
      g_string_append (xml, "<table:table-cell table:style-name=\"date\""
                            " office:value-type=\"date\" office:date-value=\"");
      append_text (xml, cell->text, FALSE);
      g_string_append (xml, "\">");
      break;
    case _RG_CELL_TEXT:
    default:
      g_string_append_printf (xml, "<table:table-cell%s office:value-type=\"string\">", style);
    }

  g_string_append (xml, "<text:p>");
  append_text (xml, cell->text, TRUE);
  g_string_append (xml, "</text:p></table:table-cell>");
}

static void
append_row (GString *xml,
            RgTable *table,
            guint    row)
{
  g_string_append (xml, "<table:table-row>");
  for (guint column = 0; column < table->n_columns; column++)
    append_cell (xml, _rg_export_table_get_cell (table, row, column), row == 0);
  g_string_append (xml, "</table:table-row>\n");
}

/* A sheet; its columns' styles are named after its index @sheet */
static void
append_table (GString *xml,
              RgTable *table,
              guint    sheet)
{
  g_string_append (xml, "<table:table table:name=\"");
  append_text (xml, table->title, FALSE);
  g_string_append (xml, "\">\n");
  for (guint column = 0; column < table->n_columns; column++)
    g_string_append_printf (xml, "<table:table-column table:style-name=\"co-%u-%u\""
                                 " table:default-cell-style-name=\"cell\"/>\n", sheet, column);
  g_string_append (xml, "<table:table-header-rows>\n");
  append_row (xml, table, 0);
  g_string_append (xml, "</table:table-header-rows>\n");
  for (guint row = 1; row < _rg_export_table_get_n_rows (table); row++)
    append_row (xml, table, row);
  g_string_append (xml, "</table:table>\n");
}

/* The columns' widths, the date's style and the cells' */
static void
append_automatic_styles (GString   *xml,
                         GPtrArray *tables)
{
  g_string_append (xml, "<office:automatic-styles>\n");
  for (guint sheet = 0; sheet < tables->len; sheet++)
    {
      RgTable *table = tables->pdata[sheet];

      for (guint column = 0; column < table->n_columns; column++)
        {
          char width[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (width, sizeof width, "%.2f", column_chars (table, column) * CM_PER_CHAR);
          g_string_append_printf (xml, "<style:style style:name=\"co-%u-%u\" style:family=\"table-column\">"
                                       "<style:table-column-properties style:column-width=\"%scm\"/>"
                                       "</style:style>\n", sheet, column, width);
        }
    }
  /* Day, month and year in the order of the spreadsheet's language */
  g_string_append (xml, "<number:date-style style:name=\"date-style\" number:automatic-order=\"true\">"
                        "<number:day number:style=\"long\"/><number:text>/</number:text>"
                        "<number:month number:style=\"long\"/><number:text>/</number:text>"
                        "<number:year number:style=\"long\"/></number:date-style>\n"
                        "<style:style style:name=\"cell\" style:family=\"table-cell\">"
                        "<style:table-cell-properties style:vertical-align=\"top\" fo:wrap-option=\"wrap\"/>"
                        "</style:style>\n"
                        "<style:style style:name=\"date\" style:family=\"table-cell\""
                        " style:parent-style-name=\"Default\" style:data-style-name=\"date-style\">"
                        "<style:table-cell-properties style:vertical-align=\"top\"/>"
                        "</style:style>\n"
                        "<style:style style:name=\"header\" style:family=\"table-cell\">"
                        "<style:table-cell-properties style:vertical-align=\"top\" fo:wrap-option=\"wrap\"/>"
                        "<style:text-properties fo:font-weight=\"bold\"/>"
                        "</style:style>\n"
                        "</office:automatic-styles>\n");
}

static GBytes *
write_content (GPtrArray *tables)
{
  GString *xml = g_string_new (XML_DECLARATION);

  g_string_append (xml, "<office:document-content" NAMESPACES ">\n");
  append_automatic_styles (xml, tables);
  g_string_append (xml, "<office:body>\n<office:spreadsheet>\n");
  for (guint sheet = 0; sheet < tables->len; sheet++)
    append_table (xml, tables->pdata[sheet], sheet);
  g_string_append (xml, "</office:spreadsheet>\n</office:body>\n</office:document-content>\n");

  return g_string_free_to_bytes (xml);
}

/* The default cell style the automatic ones derive from */
#define STYLES_XML \
  XML_DECLARATION \
  "<office:document-styles" NAMESPACES ">\n" \
  "<office:styles>\n" \
  "<style:style style:name=\"Default\" style:family=\"table-cell\"/>\n" \
  "</office:styles>\n" \
  "</office:document-styles>\n"

static GBytes *
write_meta (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = rg_time_format (now);
  GString *xml = g_string_new (XML_DECLARATION);

  g_string_append_printf (xml, "<office:document-meta"
                               " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                               " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
                               " office:version=\"" ODF_VERSION "\">\n<office:meta>\n"
                               "<meta:generator>Regards/" PACKAGE_VERSION "</meta:generator>\n"
                               "<meta:creation-date>%s</meta:creation-date>\n"
                               "</office:meta>\n</office:document-meta>\n", date);

  return g_string_free_to_bytes (xml);
}

static GBytes *
write_manifest (void)
{
  static const char *xml_parts[] = { "content.xml", "styles.xml", "meta.xml" };
  GString *xml = g_string_new (XML_DECLARATION);

  g_string_append (xml, "<manifest:manifest"
                        " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                        " manifest:version=\"" ODF_VERSION "\">\n"
                        "<manifest:file-entry manifest:full-path=\"/\""
                        " manifest:version=\"" ODF_VERSION "\""
                        " manifest:media-type=\"" RG_EXPORT_ODS_MIME_TYPE "\"/>\n");
  for (guint i = 0; i < G_N_ELEMENTS (xml_parts); i++)
    g_string_append_printf (xml, "<manifest:file-entry manifest:full-path=\"%s\""
                                 " manifest:media-type=\"text/xml\"/>\n", xml_parts[i]);
  g_string_append (xml, "</manifest:manifest>\n");

  return g_string_free_to_bytes (xml);
}

/**
 * rg_export_ods:
 * @session: a #RgSession
 * @error: a location for a #GError
 *
 * Writes the tables of @session (the statements, the links, the success
 * criteria and the actions, as rg_export_csv_table () does) as an
 * OpenDocument spreadsheet, one sheet per table (see the top of
 * rg-export-ods.c). To share it without names, export a copy made by
 * rg_session_pseudonymise ().
 *
 * Returns: (transfer full) (nullable): the bytes of the package, or
 *   %NULL with @error set
 */
GBytes *
rg_export_ods (RgSession  *session,
               GError    **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) _rg_export_table_free);
  g_autoptr(GBytes) mimetype = g_bytes_new_static (RG_EXPORT_ODS_MIME_TYPE,
                                                   strlen (RG_EXPORT_ODS_MIME_TYPE));
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) styles = g_bytes_new_static (STYLES_XML, strlen (STYLES_XML));
  g_autoptr(GBytes) meta = write_meta ();
  g_autoptr(GBytes) manifest = write_manifest ();
  g_autoptr(RgZipWriter) package = _rg_zip_writer_new ();

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < _RG_N_TABLES; i++)
    g_ptr_array_add (tables, _rg_export_table_new (session, i));
  content = write_content (tables);

  /* First and stored, so that the type shows at a fixed place */
  if (!_rg_zip_writer_add (package, "mimetype", mimetype, TRUE, error) ||
      !_rg_zip_writer_add (package, "content.xml", content, FALSE, error) ||
      !_rg_zip_writer_add (package, "styles.xml", styles, FALSE, error) ||
      !_rg_zip_writer_add (package, "meta.xml", meta, FALSE, error) ||
      !_rg_zip_writer_add (package, "META-INF/manifest.xml", manifest, FALSE, error))
    return NULL;

  return _rg_zip_writer_finish (package, error);
}
