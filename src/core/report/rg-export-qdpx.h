/* rg-export-qdpx.h — sessions as a REFI-QDA project, for research tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

#define RG_EXPORT_QDPX_NAMESPACE "urn:QDA-XML:project:1.0"
#define RG_EXPORT_QDPX_MIME_TYPE "application/x-qdpx"
#define RG_EXPORT_QDPX_EXTENSION "qdpx"

/**
 * RgExportQdpxFlags:
 * @RG_EXPORT_QDPX_NONE: the sessions as they are, names and all
 * @RG_EXPORT_QDPX_PSEUDONYMISE: a pseudonymised copy of each session
 *   (rg_session_pseudonymise()), situations numbered, and identifiers
 *   that tie nothing back to the files
 * @RG_EXPORT_QDPX_MONTH_DATES: with @RG_EXPORT_QDPX_PSEUDONYMISE, dates
 *   reduced to their month
 * @RG_EXPORT_QDPX_OUTSIDE: with @RG_EXPORT_QDPX_PSEUDONYMISE, each
 *   session de-identified for outside the team (%RG_DEIDENTIFY_OUTSIDE:
 *   no code, institutions by their kind, dates reduced to their month)
 *
 * How rg_export_qdpx() writes a project.
 */
typedef enum
{
  RG_EXPORT_QDPX_NONE         = 0,
  RG_EXPORT_QDPX_PSEUDONYMISE = 1 << 0,
  RG_EXPORT_QDPX_MONTH_DATES  = 1 << 1,
  RG_EXPORT_QDPX_OUTSIDE      = 1 << 2,
} RgExportQdpxFlags;

GBytes *rg_export_qdpx (GPtrArray          *sessions,
                        RgExportQdpxFlags   flags,
                        GError            **error);

G_END_DECLS
