/* rg-statistics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

/**
 * RgStatistics:
 *
 * The figures of the links of a session: how many agreements,
 * divergences, complements and things to clarify, in each dimension and
 * between each two partners, and how many statements they reach. It is a
 * snapshot, taken by rg_statistics_new (): it does not follow later
 * changes of the session (take a new one; it costs one pass over the
 * statements and links).
 *
 * How each figure counts:
 *
 * - A link's statements are its members that name a statement of the
 *   session; a member naming none is ignored everywhere below.
 * - Totals (rg_statistics_get_count (), rg_statistics_get_n_links ())
 *   count each link of the session once, by its type.
 * - Partner pairs: the partners of a link are the distinct partners of
 *   its statements. A link counts once for each unordered pair of
 *   distinct partners among them, whatever the number of statements each
 *   has in it. A divergence over statements of A, B and C counts once
 *   for {A, B}, once for {A, C} and once for {B, C}; a link over two
 *   statements of A and one of B counts once for {A, B}; a link whose
 *   statements are all of one partner counts for no pair. Pairs are
 *   unordered: the count of (A, B) is the count of (B, A). A partner
 *   makes no pair with themselves: the count of (A, A) is 0.
 * - Dimensions: a link counts once in each dimension one of its
 *   statements is in, however many of its statements are there. A link
 *   across two dimensions counts in both, so the counts of the
 *   dimensions may add up to more than the total.
 * - The “open” variants of these counts take only the links whose
 *   status is open.
 * - A statement is *agreed* when it is in at least one agreement, open
 *   or settled; it is *in an open divergence* when it is in at least one
 *   divergence whose status is open.
 * - A statement is *echoed* when it shares at least one link, of any
 *   type and status, with a statement of another partner. Statements in
 *   no link, or only in links with statements of their own partner, are
 *   not echoed.
 * - Shares are fractions of all the statements of the session, from 0
 *   to 1; with no statements, every share is 0.
 */
#define RG_TYPE_STATISTICS (rg_statistics_get_type ())

G_DECLARE_FINAL_TYPE (RgStatistics, rg_statistics, RG, STATISTICS, GObject)

RgStatistics       *rg_statistics_new                          (RgSession    *session);

const char * const *rg_statistics_get_partner_ids              (RgStatistics *self);
const char * const *rg_statistics_get_dimension_ids            (RgStatistics *self);

guint               rg_statistics_get_n_links                  (RgStatistics *self);
guint               rg_statistics_get_count                    (RgStatistics *self,
                                                                RgLinkType    type);
guint               rg_statistics_get_open_count               (RgStatistics *self,
                                                                RgLinkType    type);

guint               rg_statistics_get_dimension_count          (RgStatistics *self,
                                                                const char   *dimension_id,
                                                                RgLinkType    type);
guint               rg_statistics_get_dimension_open_count     (RgStatistics *self,
                                                                const char   *dimension_id,
                                                                RgLinkType    type);

guint               rg_statistics_get_pair_count               (RgStatistics *self,
                                                                const char   *partner_a_id,
                                                                const char   *partner_b_id,
                                                                RgLinkType    type);
guint               rg_statistics_get_pair_open_count          (RgStatistics *self,
                                                                const char   *partner_a_id,
                                                                const char   *partner_b_id,
                                                                RgLinkType    type);
guint               rg_statistics_get_n_statements             (RgStatistics *self);
guint               rg_statistics_get_n_agreed                 (RgStatistics *self);
guint               rg_statistics_get_n_in_open_divergence     (RgStatistics *self);
guint               rg_statistics_get_n_unechoed               (RgStatistics *self);
double              rg_statistics_get_share_agreed             (RgStatistics *self);
double              rg_statistics_get_share_in_open_divergence (RgStatistics *self);
double              rg_statistics_get_share_unechoed           (RgStatistics *self);

G_END_DECLS
