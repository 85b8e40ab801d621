/* rg-report.h — a session's report, as a sequence of blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-session.h"

G_BEGIN_DECLS

typedef enum
{
  RG_REPORT_BLOCK_HEADING,    /* level 1 (the title) to 4 */
  RG_REPORT_BLOCK_PARAGRAPH,
  RG_REPORT_BLOCK_ITEM,       /* an item of a list, level 1 or 2 */
  RG_REPORT_BLOCK_TABLE,
  RG_REPORT_BLOCK_IMAGE,
} RgReportBlockType;

typedef enum
{
  RG_REPORT_STYLE_NORMAL,
  RG_REPORT_STYLE_EMPTY,      /* says that there is nothing: in italics */
  RG_REPORT_STYLE_SYNTHESIS,  /* what the team agreed: set off from the rest */
  RG_REPORT_STYLE_DESCRIPTION,/* the text alternative of a picture */
} RgReportStyle;

/**
 * RgReportBlock:
 * @type: what the block is
 * @style: how a paragraph or an item reads
 * @level: a heading's level (1 to 4), an item's (1 or 2), or for a
 *   paragraph 1 when it goes with the list item before it, and is
 *   indented as its text is
 * @new_page: a heading that opens a part of the report; on paper the
 *   parts flow on, and start a new page only where rg-report-layout.c
 *   says
 * @part: the part a part-opening heading names, a word such as
 *   "diagnosis" or "links" (for class names and anchors), else %NULL
 * @group: blocks with the same non-zero group belong together (a link
 *   and its statements, a word and its meanings) and stay on one page
 *   when they can
 * @label: (nullable): what a paragraph or an item begins with, in bold:
 *   "Fact:", "Date:", a partner's name
 * @text: (nullable): the text; a picture's text alternative
 * @rows: (element-type GStrv): a table's rows, the first one its
 *   header, each of as many cells as the header
 * @png: (nullable): a picture, as PNG
 * @width: the picture's width in pixels
 * @height: the picture's height in pixels
 *
 * One block of a report. Texts are as the session has them: several
 * lines when a statement has several, never marked up.
 */
typedef struct
{
  RgReportBlockType type;
  RgReportStyle     style;
  guint             level;
  gboolean          new_page;
  const char       *part;
  guint             group;
  char             *label;
  char             *text;
  GPtrArray        *rows;
  GBytes           *png;
  int               width;
  int               height;
} RgReportBlock;

typedef struct _RgReport RgReport;

RgReport            *rg_report_new          (RgSession  *session,
                                             GError    **error);
void                 rg_report_free         (RgReport   *report);
RgReport            *rg_report_new_blank    (const char *title,
                                             const char *subtitle);
void                 rg_report_add_heading  (RgReport   *report,
                                             guint       level,
                                             const char *part,
                                             const char *text);
void                 rg_report_add_paragraph (RgReport      *report,
                                              RgReportStyle  style,
                                              const char    *label,
                                              const char    *text);
void                 rg_report_add_item     (RgReport   *report,
                                             const char *label,
                                             const char *text);
void                 rg_report_add_table    (RgReport           *report,
                                             const char * const *header);
void                 rg_report_add_table_row (RgReport           *report,
                                              const char * const *cells);
void                 rg_report_add_image    (RgReport   *report,
                                             GBytes     *png,
                                             int         width,
                                             int         height,
                                             const char *description);
const char          *rg_report_get_title    (RgReport   *report);
const char          *rg_report_get_subtitle (RgReport   *report);
const char          *rg_report_get_language (RgReport   *report);
guint                rg_report_get_n_blocks (RgReport   *report);
const RgReportBlock *rg_report_get_block    (RgReport   *report,
                                             guint       index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgReport, rg_report_free)

G_END_DECLS
