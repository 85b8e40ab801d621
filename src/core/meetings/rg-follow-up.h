/* rg-follow-up.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session.h"

G_BEGIN_DECLS

RgSession *rg_session_new_follow_up (RgSession *previous);

G_END_DECLS
