/* rg-cli-commands.h — one function per regards-cli command
 *
 * Each command lives in src/cli/rg-cli-NAME.c, parses its own options
 * with GOptionContext (so `regards-cli NAME --help` works), and returns
 * the process exit status: 0 on success, 1 when the command ran but
 * found a problem (an invalid file…), 2 on a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "regards-core.h"

G_BEGIN_DECLS

typedef int (*RgCliCommandFunc) (int    argc,
                                 char **argv);

typedef struct
{
  const char       *name;
  const char       *summary;   /* N_() marked, translated when printed */
  RgCliCommandFunc  func;
} RgCliCommand;

int rg_cli_index  (int    argc,
                  char **argv);
int rg_cli_search (int    argc,
                  char **argv);
int rg_cli_attention (int    argc,
                      char **argv);
int rg_cli_validate (int    argc,
                     char **argv);
int rg_cli_new      (int    argc,
                     char **argv);
int rg_cli_show     (int    argc,
                     char **argv);
int rg_cli_stats    (int    argc,
                     char **argv);
int rg_cli_export   (int    argc,
                     char **argv);
int rg_cli_contribution         (int    argc,
                                 char **argv);
int rg_cli_import_contributions (int    argc,
                                 char **argv);
int rg_cli_merge                (int    argc,
                                 char **argv);
int rg_cli_sitting              (int    argc,
                                 char **argv);

G_END_DECLS
