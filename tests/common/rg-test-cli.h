/* rg-test-cli.h — running regards-cli and reading its JSON, in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What one run of regards-cli gave */
typedef struct
{
  int   status;
  char *out;
  char *err;
} RgTestRun;

void        rg_test_run_clear (RgTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RgTestRun, rg_test_run_clear)

const char *rg_test_cli_path  (void);
void        rg_test_run_cli   (RgTestRun  *run,
                               const char *dir,
                               ...) G_GNUC_NULL_TERMINATED;

GVariant   *rg_test_json_read (const char *text);
GVariant   *rg_test_json_parse (const char *text);

G_END_DECLS
