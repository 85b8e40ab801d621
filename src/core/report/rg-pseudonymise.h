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
 * @RG_PSEUDONYMISE_KINDS: also leave out the situation's code, and name
 *   the school, the institutions and the place by their kind (“école
 *   élémentaire”, “association”) rather than “Institution A”
 * @RG_PSEUDONYMISE_FRESH_IDS: also give every object of the copy a new
 *   id, so that nothing ties it back to the file
 * @RG_PSEUDONYMISE_OUTSIDE: all of the above, for a report that leaves
 *   the team
 *
 * What rg_session_pseudonymise() does besides replacing names.
 */
typedef enum
{
  RG_PSEUDONYMISE_NONE        = 0,
  RG_PSEUDONYMISE_MONTH_DATES = 1 << 0,
  RG_PSEUDONYMISE_KINDS       = 1 << 1,
  RG_PSEUDONYMISE_FRESH_IDS   = 1 << 2,
  RG_PSEUDONYMISE_OUTSIDE     = RG_PSEUDONYMISE_MONTH_DATES | RG_PSEUDONYMISE_KINDS |
                                RG_PSEUDONYMISE_FRESH_IDS,
} RgPseudonymiseFlags;

/**
 * RgDeidentifyLevel:
 * @RG_DEIDENTIFY_NONE: the session as it is, names and all
 * @RG_DEIDENTIFY_TEAM: for the team's partners: the names of the people
 *   replaced (rg_session_pseudonymise() with no flag)
 * @RG_DEIDENTIFY_OUTSIDE: outside the team: also no situation code, the
 *   school, institutions and place by their kind, dates reduced to
 *   their month and fresh ids (%RG_PSEUDONYMISE_OUTSIDE)
 *
 * How far a report is de-identified.
 */
typedef enum
{
  RG_DEIDENTIFY_NONE,
  RG_DEIDENTIFY_TEAM,
  RG_DEIDENTIFY_OUTSIDE,
} RgDeidentifyLevel;

RgSession         *rg_session_pseudonymise          (RgSession           *session,
                                                     RgPseudonymiseFlags  flags);
RgSession         *rg_session_deidentify            (RgSession           *session,
                                                     RgDeidentifyLevel    level);
RgPseudonymiseFlags rg_session_get_pseudonymise_flags (RgSession         *session);
const char        *rg_deidentify_level_to_string    (RgDeidentifyLevel    level);
gboolean           rg_deidentify_level_from_string  (const char          *text,
                                                     RgDeidentifyLevel   *level);
char              *rg_pseudonymise_format_month     (const char          *date);
char              *rg_pseudonymise_letters          (guint                n);

G_END_DECLS
