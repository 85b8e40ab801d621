/* rg-template.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-session.h"

G_BEGIN_DECLS

/* The template a new session starts from when nobody chose */
#define RG_TEMPLATE_DEFAULT "pre"

const char * const *rg_template_get_ids          (void);
const char         *rg_template_get_name         (const char  *template_id);
const char         *rg_template_get_description  (const char  *template_id);
RgSession          *rg_session_new_from_template (const char  *template_id,
                                                  const char  *title,
                                                  GError     **error);

G_END_DECLS
