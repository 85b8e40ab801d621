/* regards-report.h — report/, reports, exports and pictures of a session
 *
 * Include this, or one header of the folder, never a -private.h from
 * another folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-cairo-stream.h"
#include "rg-criteria-map.h"
#include "rg-divergence-picture.h"
#include "rg-export-csv.h"
#include "rg-export-html.h"
#include "rg-export-ods.h"
#include "rg-export-odt.h"
#include "rg-export-pdf.h"
#include "rg-export-qdpx.h"
#include "rg-export.h"
#include "rg-picture-text.h"
#include "rg-pseudonymise.h"
#include "rg-report-layout.h"
#include "rg-report.h"
#include "rg-sitting-minutes.h"
#include "rg-statistics.h"
