/* rg-cli-json.h — write JSON by hand, correctly escaped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RgCliJson RgCliJson;

RgCliJson *rg_cli_json_new          (void);
char      *rg_cli_json_free_to_string (RgCliJson  *json);
void       rg_cli_json_begin_object (RgCliJson  *json);
void       rg_cli_json_end_object   (RgCliJson  *json);
void       rg_cli_json_begin_array  (RgCliJson  *json);
void       rg_cli_json_end_array    (RgCliJson  *json);
void       rg_cli_json_member       (RgCliJson  *json,
                                     const char *name);
void       rg_cli_json_string       (RgCliJson  *json,
                                     const char *value);
void       rg_cli_json_uint         (RgCliJson  *json,
                                     guint64     value);
void       rg_cli_json_double       (RgCliJson  *json,
                                     double      value);
void       rg_cli_json_boolean      (RgCliJson  *json,
                                     gboolean    value);
void       rg_cli_json_null         (RgCliJson  *json);
void       rg_cli_json_escape       (GString    *out,
                                     const char *value);

G_END_DECLS
