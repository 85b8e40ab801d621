/* rg-pseudonymise.h — a copy of a session without the names of the people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

/**
 * RgPseudonymiseFlags:
 * @RG_PSEUDONYMISE_NONE: replace names only
 * @RG_PSEUDONYMISE_MONTH_DATES: also reduce every date to its month and
 *   year (the day becomes the 1st, times become midnight UTC)
 *
 * What rg_session_pseudonymise() does besides replacing names.
 */
typedef enum
{
  RG_PSEUDONYMISE_NONE        = 0,
  RG_PSEUDONYMISE_MONTH_DATES = 1 << 0,
} RgPseudonymiseFlags;

RgSession *rg_session_pseudonymise          (RgSession           *session,
                                             RgPseudonymiseFlags  flags);
char      *rg_pseudonymise_format_month     (const char          *date);
char      *rg_pseudonymise_letters          (guint                n);

G_END_DECLS
