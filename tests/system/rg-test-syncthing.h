/* rg-test-syncthing.h — real Syncthing instances on 127.0.0.1, in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One Syncthing instance of a test: its own home, one shared folder,
 * its GUI/REST API and sync protocol on 127.0.0.1 only, and nothing
 * that reaches further (no discovery, relays, NAT traversal, usage or
 * crash reports, upgrades or browser). */
typedef struct
{
  char        *name;
  char        *home;
  char        *folder;
  char        *device_id;
  char        *api_key;
  guint        gui_port;
  guint        listen_port;
  GSubprocess *process;
} RgTestSyncthing;

/* The folder both instances share, in their configuration and REST calls */
#define RG_TEST_SYNCTHING_FOLDER_ID "regards-shared"

gboolean         rg_test_syncthing_available      (void);
RgTestSyncthing *rg_test_syncthing_new            (const char       *root,
                                                   const char       *name);
void             rg_test_syncthing_pair           (RgTestSyncthing  *a,
                                                   RgTestSyncthing  *b);
void             rg_test_syncthing_start          (RgTestSyncthing  *self);
void             rg_test_syncthing_stop           (RgTestSyncthing  *self);
void             rg_test_syncthing_free           (RgTestSyncthing  *self);

GVariant        *rg_test_syncthing_rest           (RgTestSyncthing  *self,
                                                   const char       *method,
                                                   const char       *path,
                                                   GError          **error);
gboolean         rg_test_syncthing_is_connected   (RgTestSyncthing  *self,
                                                   RgTestSyncthing  *other);
gboolean         rg_test_syncthing_is_in_sync     (RgTestSyncthing  *self,
                                                   RgTestSyncthing  *other,
                                                   char            **why);
void             rg_test_syncthing_scan           (RgTestSyncthing  *self);

void             rg_test_run_main_context         (guint             msec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RgTestSyncthing, rg_test_syncthing_free)

G_END_DECLS
