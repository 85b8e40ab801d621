/* regards-model.h — model/, the session and what it holds
 *
 * Include this, or one header of the folder, never a -private.h from
 * another folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-action.h"
#include "rg-bidi.h"
#include "rg-category.h"
#include "rg-conflict.h"
#include "rg-consent.h"
#include "rg-criterion.h"
#include "rg-dimension.h"
#include "rg-glossary-match.h"
#include "rg-link-index.h"
#include "rg-link.h"
#include "rg-merge.h"
#include "rg-partner.h"
#include "rg-review-item.h"
#include "rg-session.h"
#include "rg-sitting.h"
#include "rg-statement.h"
#include "rg-term.h"
#include "rg-types.h"
