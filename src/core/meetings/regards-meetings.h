/* regards-meetings.h — meetings/, work across meetings: follow-ups, contributions, timeline
 *
 * Include this, or one header of the folder, never a -private.h from
 * another folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-contribution.h"
#include "rg-follow-up.h"
#include "rg-sitting-prepare.h"
#include "rg-timeline.h"
