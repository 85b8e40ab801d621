/* rg-export-tables-private.h — a session's tables, for the CSV and ODS exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

typedef enum
{
  _RG_CELL_TEXT,
  _RG_CELL_NUMBER,   /* a count: text holds it in digits */
  _RG_CELL_DATE,     /* text holds it as YYYY-MM-DD */
} RgCellType;

typedef struct
{
  RgCellType  type;
  char       *text;     /* NULL for an empty cell */
  double      number;
} RgCell;

typedef enum
{
  _RG_TABLE_STATEMENTS,
  _RG_TABLE_LINKS,
  _RG_TABLE_CRITERIA,
  _RG_TABLE_ACTIONS,
  _RG_N_TABLES
} RgTableKind;

typedef struct
{
  const char *name;        /* untranslated, for file names: "statements" */
  const char *title;       /* translated, for a sheet's name */
  guint       n_columns;
  GArray     *cells;       /* of RgCell, row after row, the header row first */
} RgTable;

RgTable *_rg_export_table_new  (RgSession   *session,
                                RgTableKind  kind);
guint    _rg_export_table_get_n_rows (RgTable *table);
RgCell  *_rg_export_table_get_cell   (RgTable *table,
                                      guint    row,
                                      guint    column);
void     _rg_export_table_free (RgTable     *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgTable, _rg_export_table_free)

G_END_DECLS
