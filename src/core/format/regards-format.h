/* regards-format.h — format/, the session file: XML, safe writes, open documents, templates
 *
 * Include this, or one header of the folder, never a -private.h from
 * another folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-conflict-name.h"
#include "rg-document.h"
#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-sitting-xml.h"
#include "rg-template.h"
