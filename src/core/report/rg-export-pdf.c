/* rg-export-pdf.c — a session's report as a PDF document
 *
 * The pages of rg-report-layout.c on A4, drawn by cairo into a PDF with
 * its title, its author application and an outline of its parts, so
 * that a reader's sidebar lists them, and tagged with its structure
 * (headings, paragraphs, lists, tables, figures) for screen readers. No display is needed: regards-cli
 * writes PDF on a server as well as the app does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-export-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

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

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_debug ("Writing the PDF failed: %s", cairo_status_to_string (status));
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The PDF report could not be made. Try again, or export it in another format."));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
