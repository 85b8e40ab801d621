/* regards-core.h — libregards-core whole: every folder's umbrella
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "regards-model.h"
#include "regards-format.h"
#include "regards-library.h"
#include "regards-editing.h"
#include "regards-report.h"
#include "regards-meetings.h"
#include "regards-programme.h"
