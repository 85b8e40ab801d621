/* rg-statement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-types.h"

G_BEGIN_DECLS

#define RG_TYPE_STATEMENT (rg_statement_get_type ())

G_DECLARE_FINAL_TYPE (RgStatement, rg_statement, RG, STATEMENT, GObject)

RgStatement     *rg_statement_new              (const char      *partner_id,
                                                const char      *dimension_id,
                                                RgStatementKind  kind,
                                                const char      *text);
const char      *rg_statement_get_id           (RgStatement     *self);
const char      *rg_statement_get_partner_id   (RgStatement     *self);
void             rg_statement_set_partner_id   (RgStatement     *self,
                                                const char      *partner_id);
const char      *rg_statement_get_dimension_id (RgStatement     *self);
void             rg_statement_set_dimension_id (RgStatement     *self,
                                                const char      *dimension_id);
RgStatementKind  rg_statement_get_kind         (RgStatement     *self);
void             rg_statement_set_kind         (RgStatement     *self,
                                                RgStatementKind  kind);
const char      *rg_statement_get_text         (RgStatement     *self);
void             rg_statement_set_text         (RgStatement     *self,
                                                const char      *text);
GDateTime       *rg_statement_get_created      (RgStatement     *self);
void             rg_statement_set_created      (RgStatement     *self,
                                                GDateTime       *created);
GDateTime       *rg_statement_get_changed      (RgStatement     *self);
void             rg_statement_set_changed      (RgStatement     *self,
                                                GDateTime       *changed);

G_END_DECLS
