/* rg-export-pdf.c — a session's report as a PDF document
 *
 * The pages of rg-report-layout.c on A4, drawn by cairo into a PDF with
 * its title, its author application and an outline of its parts, so
 * that a reader's sidebar lists them, and tagged with its structure
 * (headings, paragraphs, lists, tables, figures) for screen readers.
 * What cairo has no way to say, the document's language and the
 * pictures' text alternatives, is added after it in the way PDF lets a
 * file be updated (add_language_and_alternatives ()). No display is needed: regards-cli
 * writes PDF on a server as well as the app does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-cairo-stream.h"
#include "rg-export-pdf.h"
#include "rg-report-layout.h"

/* A Pango context that measures in points, as a printer does */
static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (options);

  return context;
}

/* The parts (level 2) and what they hold (level 3) in the outline */
static void
add_outline (cairo_surface_t *surface,
             RgReportLayout  *layout)
{
  RgReport *report = rg_report_layout_get_report (layout);
  int part = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < rg_report_get_n_blocks (report); i++)
    {
      const RgReportBlock *block = rg_report_get_block (report, i);
      g_autofree char *destination = NULL;
      guint page;
      double y;

      if (block->type != RG_REPORT_BLOCK_HEADING || block->level < 2 || block->level > 3 ||
          block->text == NULL || *block->text == '\0')
        continue;
      if (block->level == 3 && part == CAIRO_PDF_OUTLINE_ROOT)
        continue;

      rg_report_layout_get_heading_position (layout, i, &page, &y);
      destination = g_strdup_printf ("page=%u pos=[%.1f %.1f]", page + 1,
                                     RG_EXPORT_PDF_MARGIN_SIDE, RG_EXPORT_PDF_MARGIN_TOP + y);
      if (block->level == 2)
        part = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, block->text,
                                              destination, 0);
      else
        cairo_pdf_surface_add_outline (surface, part, block->text, destination, 0);
    }
}

/**
 * rg_export_pdf:
 * @session: a #RgSession
 * @error: a location for a #GError
 *
 * Writes the report of @session as a PDF document on A4 pages, in the
 * user's language. To share it without names, export a copy made by
 * rg_session_pseudonymise ().
 *
 * Returns: (transfer full) (nullable): the PDF document, or %NULL with @error set
 */
GBytes *
rg_export_pdf (RgSession  *session,
               GError    **error)
{
  g_autoptr(RgReport) report = NULL;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = rg_report_new (session, error);
  if (report == NULL)
    return NULL;

  return rg_export_pdf_report (report, error);
}

/* {{{ What cairo does not write: the language, the text alternatives */

/* Where @needle is in @data from @start to @end, or -1 */
static gssize
find (const guint8 *data,
      gsize         start,
      gsize         end,
      const char   *needle)
{
  gsize length = strlen (needle);

  for (gsize i = start; i + length <= end; i++)
    if (memcmp (data + i, needle, length) == 0)
      return i;

  return -1;
}

/* Where the last @needle is in @data before @end, or -1 */
static gssize
find_last (const guint8 *data,
           gsize         end,
           const char   *needle)
{
  gsize length = strlen (needle);

  for (gsize i = end >= length ? end - length + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, length) == 0)
      return i;

  return -1;
}

/* The number after @key (as "/Size 694") in @data from @start to @end */
static gboolean
read_number (const guint8 *data,
             gsize         start,
             gsize         end,
             const char   *key,
             guint64      *number)
{
  gssize at = find (data, start, end, key);
  g_autofree char *digits = NULL;
  gsize i;

  if (at < 0)
    return FALSE;

  i = at + strlen (key);
  while (i < end && data[i] == ' ')
    i++;
  at = i;
  while (i < end && i - at < 19 && g_ascii_isdigit (data[i]))
    i++;
  if (i == (gsize) at)
    return FALSE;

  digits = g_strndup ((const char *) data + at, i - at);
  *number = g_ascii_strtoull (digits, NULL, 10);
  return TRUE;
}

/* A PDF as cairo 1.16 writes it: its objects in plain text, found
 * through the table at the file's end. A newer cairo packs them into
 * compressed object streams, with a compressed table: pdf_read () says
 * so and nothing is added (restricting it to PDF 1.4, which has no such
 * streams, would also drop the ActualText that makes a ligature copy
 * as its letters). */
typedef struct
{
  const guint8 *data;
  gsize         length;
  guint64       size;      /* objects, the free object 0 included */
  guint64       root;
  guint64       info;
  guint64       xref;      /* where the table is */
  gsize         entries;   /* where its first entry is */
} Pdf;

static gboolean
pdf_read (Pdf        *pdf,
          GByteArray *bytes)
{
  gssize trailer, startxref, entries;
  guint64 first = 1;

  pdf->data = bytes->data;
  pdf->length = bytes->len;

  trailer = find_last (pdf->data, pdf->length, "trailer");
  startxref = find_last (pdf->data, pdf->length, "startxref");
  if (trailer < 0 || startxref < trailer ||
      !read_number (pdf->data, trailer, startxref, "/Size", &pdf->size) ||
      !read_number (pdf->data, trailer, startxref, "/Root", &pdf->root) ||
      !read_number (pdf->data, startxref, pdf->length, "startxref\n", &pdf->xref) ||
      find (pdf->data, startxref, pdf->length, "%%EOF") < 0 ||
      find (pdf->data, trailer, startxref, "/Prev") >= 0 ||
      pdf->xref >= pdf->length)
    return FALSE;
  if (!read_number (pdf->data, trailer, startxref, "/Info", &pdf->info))
    pdf->info = 0;

  /* One section from object 0: "xref\n0 694\n" */
  if (find (pdf->data, pdf->xref, MIN (pdf->length, pdf->xref + 5), "xref\n") != (gssize) pdf->xref ||
      !read_number (pdf->data, pdf->xref, MIN (pdf->length, pdf->xref + 32), "xref\n0", &first) ||
      first != pdf->size)
    return FALSE;
  entries = find (pdf->data, pdf->xref + 5, pdf->length, "\n");
  if (entries < 0 || entries + 1 + 20 * pdf->size > (guint64) trailer)
    return FALSE;
  pdf->entries = entries + 1;

  return pdf->root > 0 && pdf->root < pdf->size && pdf->info < pdf->size;
}

/* The dictionary of object @number, "<< … >>", or NULL when it is not
 * a dictionary alone */
static char *
pdf_get_dictionary (const Pdf *pdf,
                    guint64    number)
{
  const char *entry = (const char *) pdf->data + pdf->entries + 20 * number;
  g_autofree char *header = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj\n", number);
  guint64 offset;
  gssize start, end;
  gsize limit;

  if (entry[10] != ' ' || entry[17] != 'n' || !g_ascii_isdigit (entry[0]))
    return NULL;
  offset = g_ascii_strtoull (entry, NULL, 10);
  if (offset >= pdf->xref ||
      find (pdf->data, offset, MIN (pdf->xref, offset + strlen (header)), header) != (gssize) offset)
    return NULL;

  start = offset + strlen (header);
  limit = MIN (pdf->xref, (guint64) start + 4096);
  end = find (pdf->data, start, limit, "endobj");
  if (end < 0 || find (pdf->data, start, end, "stream") >= 0 ||
      find (pdf->data, start, start + 2, "<<") != start)
    return NULL;

  return g_strndup ((const char *) pdf->data + start, end - start);
}

/* @dictionary with @entry first */
static char *
add_entry (const char *dictionary,
           const char *entry)
{
  return g_strdup_printf ("<< %s\n  %s", entry, dictionary + 2);
}

/* @text as a PDF text string: UTF-16 with its byte order mark, in hex */
static char *
text_string (const char *text)
{
  g_autofree gunichar2 *utf16 = NULL;
  GString *string = g_string_new ("<FEFF");
  glong length = 0;

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &length, NULL);
  for (glong i = 0; utf16 != NULL && i < length; i++)
    g_string_append_printf (string, "%04X", utf16[i]);
  g_string_append_c (string, '>');

  return g_string_free (string, FALSE);
}

/* Writes the language of the document in its catalog and each
 * picture's text alternative in its figure, which cairo has no way to,
 * as an update at the end of the file (the way PDF lets a file be
 * changed without rewriting it). Nothing when the file is not as
 * expected: the document stays as cairo wrote it. */
static void
add_language_and_alternatives (GByteArray *bytes,
                               RgReport   *report)
{
  g_autoptr(GPtrArray) alternatives = g_ptr_array_new ();
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) update = NULL;
  g_autofree char *catalog = NULL;
  const char *language = rg_report_get_language (report);
  guint64 xref;
  Pdf pdf;

  if (!pdf_read (&pdf, bytes))
    {
      g_debug ("The PDF is not as expected; its language and its pictures' text alternatives are left out");
      return;
    }

  /* The language, in letters and hyphens only, as "fr" */
  catalog = pdf_get_dictionary (&pdf, pdf.root);
  if (catalog != NULL && strstr (catalog, "/Type /Catalog") != NULL &&
      strstr (catalog, "/Lang") == NULL && language != NULL && *language != '\0' &&
      strspn (language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") == strlen (language))
    {
      g_autofree char *entry = g_strdup_printf ("/Lang (%s)", language);

      g_array_append_val (numbers, pdf.root);
      g_ptr_array_add (objects, add_entry (catalog, entry));
    }

  /* The figures, in the order of the pictures */
  for (guint i = 0; i < rg_report_get_n_blocks (report); i++)
    {
      const RgReportBlock *block = rg_report_get_block (report, i);

      if (block->type == RG_REPORT_BLOCK_IMAGE)
        g_ptr_array_add (alternatives, block->text != NULL ? block->text : (char *) "");
    }
  {
    g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (guint64));
    g_autoptr(GPtrArray) dictionaries = g_ptr_array_new_with_free_func (g_free);

    for (guint64 number = 1; number < pdf.size; number++)
      {
        char *dictionary = pdf_get_dictionary (&pdf, number);

        if (dictionary != NULL && strstr (dictionary, "/Type /StructElem") != NULL &&
            g_regex_match_simple ("/S /Figure\\s", dictionary, 0, 0) &&
            strstr (dictionary, "/Alt") == NULL)
          {
            g_array_append_val (figures, number);
            g_ptr_array_add (dictionaries, dictionary);
          }
        else
          g_free (dictionary);
      }

    if (figures->len == alternatives->len)
      for (guint i = 0; i < figures->len; i++)
        {
          g_autofree char *alternative = text_string (alternatives->pdata[i]);
          g_autofree char *entry = g_strconcat ("/Alt ", alternative, NULL);

          g_array_append_val (numbers, g_array_index (figures, guint64, i));
          g_ptr_array_add (objects, add_entry (dictionaries->pdata[i], entry));
        }
  }

  if (numbers->len == 0)
    return;

  /* In the order of their numbers, as the table lists them */
  for (guint i = 1; i < numbers->len; i++)
    for (guint j = i; j > 0 && g_array_index (numbers, guint64, j - 1) > g_array_index (numbers, guint64, j); j--)
      {
        guint64 number = g_array_index (numbers, guint64, j);
        gpointer object = objects->pdata[j];

        g_array_index (numbers, guint64, j) = g_array_index (numbers, guint64, j - 1);
        g_array_index (numbers, guint64, j - 1) = number;
        objects->pdata[j] = objects->pdata[j - 1];
        objects->pdata[j - 1] = object;
      }

  /* The objects again, a table of where they are, and a trailer that
   * leads to the table before */
  update = g_string_new ("\n");
  {
    g_autofree guint64 *offsets = g_new0 (guint64, numbers->len);

    for (guint i = 0; i < numbers->len; i++)
      {
        offsets[i] = bytes->len + update->len;
        g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n%sendobj\n",
                                g_array_index (numbers, guint64, i), (char *) objects->pdata[i]);
      }

    xref = bytes->len + update->len;
    g_string_append (update, "xref\n");
    for (guint i = 0; i < numbers->len; i++)
      g_string_append_printf (update, "%" G_GUINT64_FORMAT " 1\n%010" G_GUINT64_FORMAT " 00000 n \n",
                              g_array_index (numbers, guint64, i), offsets[i]);
  }
  g_string_append_printf (update, "trailer\n<< /Size %" G_GUINT64_FORMAT "\n   /Root %" G_GUINT64_FORMAT " 0 R\n",
                          pdf.size, pdf.root);
  if (pdf.info > 0)
    g_string_append_printf (update, "   /Info %" G_GUINT64_FORMAT " 0 R\n", pdf.info);
  g_string_append_printf (update, "   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                          pdf.xref, xref);

  g_byte_array_append (bytes, (const guint8 *) update->str, update->len);
}

/* }}} */

/* Writes @report as a PDF into @bytes, its structure tagged or not */
static cairo_status_t
write_pdf (RgReport   *report,
           gboolean    tagged,
           GByteArray *bytes)
{
  g_autoptr(RgReportLayout) layout = NULL;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (rg_cairo_append_to_byte_array, bytes,
                                                 RG_EXPORT_PDF_PAGE_WIDTH,
                                                 RG_EXPORT_PDF_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, rg_report_get_title (report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Regards");
  cr = cairo_create (surface);

  context = create_context (cr);
  layout = rg_report_layout_new (report,
                                 context,
                                 RG_EXPORT_PDF_PAGE_WIDTH - 2 * RG_EXPORT_PDF_MARGIN_SIDE,
                                 RG_EXPORT_PDF_PAGE_HEIGHT - RG_EXPORT_PDF_MARGIN_TOP - RG_EXPORT_PDF_MARGIN_BOTTOM);
  rg_report_layout_set_tagged (layout, tagged);
  g_object_unref (context);

  for (guint page = 0; page < rg_report_layout_get_n_pages (layout); page++)
    {
      cairo_save (cr);
      cairo_translate (cr, RG_EXPORT_PDF_MARGIN_SIDE, RG_EXPORT_PDF_MARGIN_TOP);
      rg_report_layout_draw_page (layout, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  add_outline (surface, layout);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * rg_export_pdf_report:
 * @report: a report, a session's or one made with rg_report_new_blank ()
 * @error: a location for a #GError
 *
 * Lays @report out on A4 pages and writes it as a PDF document, with
 * its title, an outline of its parts and, for screen readers, its
 * structure (headings, paragraphs, lists, tables, figures; see
 * rg-report-layout.c).
 *
 * Returns: (transfer full) (nullable): the PDF document, or %NULL with @error set
 */
GBytes *
rg_export_pdf_report (RgReport  *report,
                      GError   **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_status_t status;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  status = write_pdf (report, TRUE, bytes);
  if (status == CAIRO_STATUS_TAG_ERROR)
    {
      /* A cairo that refuses a tag the pages use: the document without
       * its structure rather than none */
      g_warning ("This cairo refuses the structure of the PDF report; it is written untagged");
      g_byte_array_set_size (bytes, 0);
      status = write_pdf (report, FALSE, bytes);
    }
  else if (status == CAIRO_STATUS_SUCCESS)
    add_language_and_alternatives (bytes, report);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_debug ("Writing the PDF failed: %s", cairo_status_to_string (status));
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The PDF report could not be made. Try again, or export it in another format."));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
