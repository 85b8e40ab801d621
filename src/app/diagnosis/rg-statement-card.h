/* rg-statement-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_TYPE_STATEMENT_CARD (rg_statement_card_get_type ())

G_DECLARE_FINAL_TYPE (RgStatementCard, rg_statement_card, RG, STATEMENT_CARD, GtkWidget)

GtkWidget   *rg_statement_card_new            (RgStatement     *statement,
                                               RgSessionEditor *editor);
RgStatement *rg_statement_card_get_statement  (RgStatementCard *self);
gboolean     rg_statement_card_get_editing    (RgStatementCard *self);
void         rg_statement_card_start_editing  (RgStatementCard *self);
void         rg_statement_card_stop_editing   (RgStatementCard *self);
gboolean     rg_statement_card_get_blind      (RgStatementCard *self);
void         rg_statement_card_set_blind      (RgStatementCard *self,
                                               gboolean         blind);
void         rg_statement_card_set_position   (RgStatementCard *self,
                                               guint            position,
                                               guint            n_positions);
void         rg_statement_card_set_reason     (RgStatementCard *self,
                                               const char      *reason);
gboolean     rg_statement_card_move_badge_focus (RgStatementCard *self,
                                                 gboolean         backward);

G_END_DECLS
