/* rg-term.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_TERM (rg_term_get_type ())

G_DECLARE_FINAL_TYPE (RgTerm, rg_term, RG, TERM, GObject)

RgTerm             *rg_term_new                  (const char   *word);
const char         *rg_term_get_id               (RgTerm       *self);
const char         *rg_term_get_word             (RgTerm       *self);
void                rg_term_set_word             (RgTerm       *self,
                                                  const char   *word);
RgTermStatus        rg_term_get_status           (RgTerm       *self);
void                rg_term_set_status           (RgTerm       *self,
                                                  RgTermStatus  status);
const char         *rg_term_get_agreed_meaning   (RgTerm       *self);
void                rg_term_set_agreed_meaning   (RgTerm       *self,
                                                  const char   *agreed_meaning);
const char * const *rg_term_get_meaning_partners (RgTerm       *self);
const char         *rg_term_get_meaning          (RgTerm       *self,
                                                  const char   *partner_id);
void                rg_term_set_meaning          (RgTerm       *self,
                                                  const char   *partner_id,
                                                  const char   *meaning);

G_END_DECLS
