/* rg-partner-label.h — how the diagnosis names a partner, blind or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

char      *rg_partner_label_dup             (RgSession *session,
                                            RgPartner *partner,
                                            gboolean   blind);
void       rg_partner_label_set_blind_seed  (RgSession *session,
                                            guint32    seed);
GPtrArray *rg_partner_label_dup_blind_order (RgSession *session);

G_END_DECLS
