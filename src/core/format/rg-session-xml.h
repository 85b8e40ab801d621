/* rg-session-xml.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rg-session.h"

G_BEGIN_DECLS

/* Files larger than this are refused before parsing (docs/file-format.md) */
#define RG_SESSION_MAX_SIZE (16 * 1024 * 1024)

/* The format-version this build of Regards reads and writes */
#define RG_FORMAT_VERSION 5

#define RG_FORMAT_ERROR (rg_format_error_quark ())

/**
 * RgFormatError:
 * @RG_FORMAT_ERROR_TOO_LARGE: larger than %RG_SESSION_MAX_SIZE, or with
 *   far more tags or attributes than any session
 * @RG_FORMAT_ERROR_NOT_XML: empty, not UTF-8 text, or not well-formed XML
 *   (truncated, damaged, binary)
 * @RG_FORMAT_ERROR_NOT_A_SESSION: XML, but not a session of our namespace
 * @RG_FORMAT_ERROR_NEWER_VERSION: made by a newer version of Regards
 * @RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT: a DTD, an entity declaration,
 *   dozens of attributes on one element or of namespace declarations in
 *   the file: what a session never contains and a hostile file might
 * @RG_FORMAT_ERROR_INVALID: does not follow the schema, or holds a value
 *   the schema cannot rule out (a date that does not exist, a repeated
 *   member)
 * @RG_FORMAT_ERROR_DANGLING_REFERENCE: refers by id to an object the file
 *   does not hold
 * @RG_FORMAT_ERROR_DUPLICATE_ID: two objects share one id
 *
 * Why a file could not be read as a session. Every message is written
 * for the coordinator, and gives the line of the problem when there is
 * one.
 */
typedef enum
{
  RG_FORMAT_ERROR_TOO_LARGE,
  RG_FORMAT_ERROR_NOT_XML,
  RG_FORMAT_ERROR_NOT_A_SESSION,
  RG_FORMAT_ERROR_NEWER_VERSION,
  RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT,
  RG_FORMAT_ERROR_INVALID,
  RG_FORMAT_ERROR_DANGLING_REFERENCE,
  RG_FORMAT_ERROR_DUPLICATE_ID,
} RgFormatError;

GQuark     rg_format_error_quark     (void);
void       rg_format_init            (void);
RgSession *rg_session_new_from_bytes (GBytes     *bytes,
                                      GError    **error);
gboolean   rg_session_check_bytes    (GBytes     *bytes,
                                      GError    **error);
GBytes    *rg_session_to_bytes       (RgSession  *session);

G_END_DECLS
