/* rg-report-print.c — printing a session's report
 *
 * A print operation whose pages are those of the PDF report
 * (rg-report-layout.c), laid out again on the paper and margins the
 * print dialog chooses: A4 with the PDF's margins unless the user says
 * otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-report-print"

#include "config.h"

#include "rg-export-pdf.h"
#include "rg-report-layout.h"
#include "rg-report-print.h"

#define REPORT_KEY "rg-report"
#define LAYOUT_KEY "rg-report-layout"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context)
{
  RgReport *report = g_object_get_data (G_OBJECT (operation), REPORT_KEY);
  PangoContext *pango_context;
  RgReportLayout *layout;

  g_return_if_fail (report != NULL);

  pango_context = gtk_print_context_create_pango_context (context);
  layout = rg_report_layout_new (report, pango_context,
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context));
  g_object_unref (pango_context);

  gtk_print_operation_set_n_pages (operation, rg_report_layout_get_n_pages (layout));
  g_object_set_data_full (G_OBJECT (operation), LAYOUT_KEY, layout,
                          (GDestroyNotify) rg_report_layout_free);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page)
{
  RgReportLayout *layout = g_object_get_data (G_OBJECT (operation), LAYOUT_KEY);

  g_return_if_fail (layout != NULL);

  rg_report_layout_draw_page (layout, gtk_print_context_get_cairo_context (context), page);
}

static GtkPageSetup *
default_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, RG_EXPORT_PDF_MARGIN_TOP, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, RG_EXPORT_PDF_MARGIN_BOTTOM, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, RG_EXPORT_PDF_MARGIN_SIDE, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, RG_EXPORT_PDF_MARGIN_SIDE, GTK_UNIT_POINTS);

  return setup;
}

/**
 * rg_report_print_operation_new:
 * @session: the session to report on, pseudonymised or not
 * @error: a location for a #GError
 *
 * Makes the report of @session now, and an operation that prints it:
 * run it with the print dialog, or export it to a file.
 *
 * Returns: (transfer full): the operation, or %NULL with @error set
 */
GtkPrintOperation *
rg_report_print_operation_new (RgSession  *session,
                               GError    **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  RgReport *report;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = rg_report_new (session, error);
  if (report == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  setup = default_page_setup ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, rg_report_get_title (report));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), REPORT_KEY, report,
                          (GDestroyNotify) rg_report_free);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);

  return g_steal_pointer (&operation);
}
