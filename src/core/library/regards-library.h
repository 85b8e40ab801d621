/* regards-library.h — library/, a folder of sessions and its SQLite index
 *
 * Include this, or one header of the folder, never a -private.h from
 * another folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-attention.h"
#include "rg-library-entry.h"
#include "rg-library-query.h"
#include "rg-library-situation.h"
#include "rg-library-sitting.h"
#include "rg-library.h"
#include "rg-paths.h"
#include "rg-retention.h"
#include "rg-trash.h"
