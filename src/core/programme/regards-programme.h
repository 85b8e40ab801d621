/* regards-programme.h — programme/, the programme's evaluation over a period
 *
 * Include this, or one header of the folder, never a -private.h from
 * another folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-programme-figures.h"
#include "rg-programme-report.h"
