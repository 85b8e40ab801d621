/* rg-test-syncthing.c — real Syncthing instances on 127.0.0.1, in tests
 *
 * Written for the Syncthing of Debian 12 (1.19), whose commands are
 * `syncthing generate` and `syncthing serve`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rg-test-cli.h"
#include "rg-test-syncthing.h"

/* Instances started and not stopped yet, killed at exit whatever
 * happened to the test. */
static GPtrArray *running;

/* Ports handed out in this process, so that two instances never get
 * the same one. */
static GHashTable *ports_taken;

/* Whether a `syncthing` with the commands this file uses is on PATH */
gboolean
rg_test_syncthing_available (void)
{
  g_autofree char *path = g_find_program_in_path ("syncthing");
  g_autofree char *out = NULL;
  const char *argv[] = { path, "generate", "--help", NULL };
  int status = -1;

  if (path == NULL)
    return FALSE;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL))
    return FALSE;

  return g_spawn_check_wait_status (status, NULL) && strstr (out, "--home") != NULL;
}

/* A TCP port on 127.0.0.1 free right now */
static guint
free_port (void)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;

  if (ports_taken == NULL)
    ports_taken = g_hash_table_new (NULL, NULL);

  for (;;)
    {
      g_autoptr(GSocket) socket = NULL;
      g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
      g_autoptr(GSocketAddress) bound = NULL;
      guint port;

      socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                             G_SOCKET_PROTOCOL_TCP, &error);
      g_assert_no_error (error);
      g_socket_bind (socket, any, FALSE, &error);
      g_assert_no_error (error);
      bound = g_socket_get_local_address (socket, &error);
      g_assert_no_error (error);
      port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
      g_socket_close (socket, NULL);

      if (g_hash_table_add (ports_taken, GUINT_TO_POINTER (port)))
        return port;
    }
}

/* Runs `syncthing ARGS…` to its end; its output, or the test fails */
static char *
run_syncthing (const char *first_arg,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) "syncthing");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("syncthing %s failed: %s\n%s%s", first_arg, error->message, out, err);

  return out;
}

/**
 * rg_test_syncthing_new:
 * @root: a folder of the test's own
 * @name: the instance's name, a word
 *
 * Makes the instance's keys and device id in @root/NAME-home, and its
 * (empty) shared folder @root/NAME. Starts nothing.
 */
RgTestSyncthing *
rg_test_syncthing_new (const char *root,
                       const char *name)
{
  RgTestSyncthing *self = g_new0 (RgTestSyncthing, 1);
  g_autofree char *home_arg = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *id = NULL;
  g_autofree char *marker = NULL;

  self->name = g_strdup (name);
  self->home = g_strdup_printf ("%s/%s-home", root, name);
  self->folder = g_strdup_printf ("%s/%s", root, name);
  self->gui_port = free_port ();
  self->listen_port = free_port ();
  self->api_key = g_strdup_printf ("regards-test-%s-%08x%08x", name,
                                   g_random_int (), g_random_int ());

  /* Syncthing refuses a folder without its marker. */
  marker = g_build_filename (self->folder, ".stfolder", NULL);
  g_assert_cmpint (g_mkdir_with_parents (marker, 0700), ==, 0);

  home_arg = g_strconcat ("--home=", self->home, NULL);
  generated = run_syncthing ("generate", home_arg, "--no-default-folder",
                             "--skip-port-probing", NULL);
  id = run_syncthing ("serve", home_arg, "--device-id", NULL);
  self->device_id = g_strdup (g_strstrip (id));
  g_assert_cmpuint (strlen (self->device_id), ==, 63);

  return self;
}

/* The first element child of @parent called @name, made if missing */
static xmlNodePtr
element (xmlNodePtr  parent,
         const char *name)
{
  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST name))
      return node;

  return xmlNewChild (parent, NULL, BAD_CAST name, NULL);
}

static void
set_text (xmlNodePtr  parent,
          const char *name,
          const char *text)
{
  xmlNodeSetContent (element (parent, name), BAD_CAST text);
}

/* A copy of the template Syncthing keeps for new folders or devices,
 * with every field at its default value */
static xmlNodePtr
copy_default (xmlNodePtr  root,
              const char *name)
{
  xmlNodePtr template = element (element (root, "defaults"), name);

  return xmlCopyNode (template, 1);
}

/* Edits the configuration `syncthing generate` wrote for @self: shares
 * its folder with @other, whom it reaches at tcp://127.0.0.1:PORT only;
 * nothing else leaves the machine. What is not set here keeps
 * Syncthing's defaults, conflict copies included. */
static void
write_config (RgTestSyncthing *self,
              RgTestSyncthing *other)
{
  static const char *options[][2] = {
    { "globalAnnounceEnabled", "false" },
    { "localAnnounceEnabled", "false" },
    { "announceLANAddresses", "false" },
    { "relaysEnabled", "false" },
    { "natEnabled", "false" },
    { "stunKeepaliveStartS", "0" },
    { "startBrowser", "false" },
    { "urAccepted", "-1" },
    { "crashReportingEnabled", "false" },
    { "autoUpgradeIntervalH", "0" },
    { "reconnectionIntervalS", "1" },
    { "minHomeDiskFree", "0" },
  };
  g_autofree char *path = g_build_filename (self->home, "config.xml", NULL);
  g_autofree char *gui_address = g_strdup_printf ("127.0.0.1:%u", self->gui_port);
  g_autofree char *listen_address = g_strdup_printf ("tcp://127.0.0.1:%u", self->listen_port);
  g_autofree char *other_address = g_strdup_printf ("tcp://127.0.0.1:%u", other->listen_port);
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  xmlNodePtr root, gui, settings, device, folder, member;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "configuration");

  gui = element (root, "gui");
  xmlSetProp (gui, BAD_CAST "tls", BAD_CAST "false");
  set_text (gui, "address", gui_address);
  set_text (gui, "apikey", self->api_key);

  settings = element (root, "options");
  set_text (settings, "listenAddress", listen_address);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    set_text (settings, options[i][0], options[i][1]);

  device = copy_default (root, "device");
  xmlSetProp (device, BAD_CAST "id", BAD_CAST other->device_id);
  xmlSetProp (device, BAD_CAST "name", BAD_CAST other->name);
  set_text (device, "address", other_address);
  xmlAddChild (root, device);

  /* The template lists this device already. */
  folder = copy_default (root, "folder");
  xmlSetProp (folder, BAD_CAST "id", BAD_CAST RG_TEST_SYNCTHING_FOLDER_ID);
  xmlSetProp (folder, BAD_CAST "label", BAD_CAST "Regards");
  xmlSetProp (folder, BAD_CAST "path", BAD_CAST self->folder);
  xmlSetProp (folder, BAD_CAST "type", BAD_CAST "sendreceive");
  xmlSetProp (folder, BAD_CAST "rescanIntervalS", BAD_CAST "10");
  xmlSetProp (folder, BAD_CAST "fsWatcherEnabled", BAD_CAST "true");
  xmlSetProp (folder, BAD_CAST "fsWatcherDelayS", BAD_CAST "1");
  member = xmlNewChild (folder, NULL, BAD_CAST "device", NULL);
  xmlSetProp (member, BAD_CAST "id", BAD_CAST other->device_id);
  set_text (folder, "minDiskFree", "0");
  xmlAddPrevSibling (root->children, folder);

  g_assert_cmpint (xmlSaveFormatFileEnc (path, doc, "UTF-8", 1), >, 0);
  xmlFreeDoc (doc);
}

/**
 * rg_test_syncthing_pair:
 *
 * Makes @a and @b know each other and share one folder.
 */
void
rg_test_syncthing_pair (RgTestSyncthing *a,
                        RgTestSyncthing *b)
{
  write_config (a, b);
  write_config (b, a);
}

static void
kill_running (void)
{
  for (guint i = 0; running != NULL && i < running->len; i++)
    {
      RgTestSyncthing *self = g_ptr_array_index (running, i);
      const char *pid = g_subprocess_get_identifier (self->process);

      if (pid != NULL)
        kill (-atoi (pid), SIGKILL);
    }
}

/* In the child: a process group of its own, so that stopping it stops
 * all it started, and killed with the test even if the test aborts. */
static void
child_setup (gpointer user_data)
{
  setpgid (0, 0);
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/**
 * rg_test_syncthing_start:
 *
 * Starts the instance, its output in HOME/syncthing.log. Returns at
 * once: see rg_test_syncthing_is_connected().
 */
void
rg_test_syncthing_start (RgTestSyncthing *self)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = g_build_filename (self->home, "syncthing.log", NULL);
  g_autofree char *home_arg = g_strconcat ("--home=", self->home, NULL);

  g_assert_null (self->process);

  if (running == NULL)
    {
      running = g_ptr_array_new ();
      atexit (kill_running);
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_setenv (launcher, "HOME", self->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "STNORESTART", "1", TRUE);
  /* Without it, Syncthing runs itself as a child of a monitor process,
   * in a process group of its own, which outlives a test that aborts. */
  g_subprocess_launcher_setenv (launcher, "STMONITORED", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "STNOUPGRADE", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "STNODEFAULTFOLDER", "1", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);

  self->process = g_subprocess_launcher_spawn (launcher, &error,
                                               "syncthing", "serve", home_arg,
                                               "--no-browser", "--no-restart", "--no-upgrade",
                                               "--logflags=3", NULL);
  g_assert_no_error (error);
  g_ptr_array_add (running, self);
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *done = TRUE;
}

static gboolean
set_true (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * rg_test_syncthing_stop:
 *
 * Asks the instance to end, and kills it after ten seconds.
 */
void
rg_test_syncthing_stop (RgTestSyncthing *self)
{
  const char *pid;
  gboolean done = FALSE;
  gboolean late = FALSE;
  guint timeout;

  if (self->process == NULL)
    return;

  if ((pid = g_subprocess_get_identifier (self->process)) != NULL)
    {
      kill (-atoi (pid), SIGTERM);
      g_subprocess_wait_async (self->process, NULL, wait_cb, &done);
      timeout = g_timeout_add_seconds (10, set_true, &late);
      while (!done && !late)
        g_main_context_iteration (NULL, TRUE);
      if (!late)
        g_source_remove (timeout);
      kill (-atoi (pid), SIGKILL);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }

  g_ptr_array_remove (running, self);
  g_clear_object (&self->process);
}

void
rg_test_syncthing_free (RgTestSyncthing *self)
{
  rg_test_syncthing_stop (self);
  g_free (self->name);
  g_free (self->home);
  g_free (self->folder);
  g_free (self->device_id);
  g_free (self->api_key);
  g_free (self);
}

/**
 * rg_test_syncthing_rest:
 * @method: "GET" or "POST"
 * @path: the path and query, as "/rest/system/connections"
 *
 * Asks the instance's REST API, with its key, over HTTP/1.0 on
 * 127.0.0.1. Blocks, a few milliseconds.
 *
 * Returns: the JSON answer as rg_test_json_read() reads it (JSON null
 *   for an empty answer), or %NULL with @error set
 */
GVariant *
rg_test_syncthing_rest (RgTestSyncthing  *self,
                        const char       *method,
                        const char       *path,
                        GError          **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  g_autofree char *request = NULL;
  g_autofree char *text = NULL;
  GInputStream *in;
  const char *body;
  guint status = 0;
  guint8 buffer[8192];
  gssize n;

  g_socket_client_set_timeout (client, 10);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", self->gui_port, NULL, error);
  if (connection == NULL)
    return NULL;

  request = g_strdup_printf ("%s %s HTTP/1.0\r\n"
                             "Host: 127.0.0.1:%u\r\n"
                             "X-API-Key: %s\r\n"
                             "Content-Length: 0\r\n"
                             "\r\n",
                             method, path, self->gui_port, self->api_key);
  if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                  request, strlen (request), NULL, NULL, error))
    return NULL;

  /* HTTP/1.0: the answer ends where the connection does. */
  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, error)) > 0)
    g_byte_array_append (answer, buffer, n);
  if (n < 0)
    return NULL;

  text = g_strndup ((const char *) answer->data, answer->len);
  if (sscanf (text, "HTTP/1.%*d %u", &status) != 1 || (body = strstr (text, "\r\n\r\n")) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s %s: not an HTTP answer", method, path);
      return NULL;
    }
  body += 4;

  if (status != 200)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s %s: HTTP %u: %s", method, path, status, body);
      return NULL;
    }

  if (*body == '\0')
    return g_variant_ref_sink (g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL));

  return rg_test_json_parse (body);
}

/* Whether @self has a connection to @other now */
gboolean
rg_test_syncthing_is_connected (RgTestSyncthing *self,
                                RgTestSyncthing *other)
{
  g_autoptr(GVariant) answer = NULL;
  g_autoptr(GVariant) connections = NULL;
  g_autoptr(GVariant) connection = NULL;
  gboolean connected = FALSE;

  /* Refused while it starts: not connected yet. */
  answer = rg_test_syncthing_rest (self, "GET", "/rest/system/connections", NULL);
  if (answer == NULL ||
      (connections = g_variant_lookup_value (answer, "connections", NULL)) == NULL ||
      (connection = g_variant_lookup_value (connections, other->device_id, NULL)) == NULL)
    return FALSE;

  g_variant_lookup (connection, "connected", "b", &connected);
  return connected;
}

static GVariant *
rest_or_fail (RgTestSyncthing *self,
              const char      *path)
{
  g_autoptr(GError) error = NULL;
  GVariant *answer = rg_test_syncthing_rest (self, "GET", path, &error);

  g_assert_no_error (error);
  return answer;
}

/* Whether @self has all it knows of, and knows @other has all of it;
 * if not, says why in @why. */
static gboolean
is_complete (RgTestSyncthing  *self,
             RgTestSyncthing  *other,
             char            **why)
{
  g_autofree char *status_path = NULL;
  g_autofree char *completion_path = NULL;
  g_autoptr(GVariant) status = NULL;
  g_autoptr(GVariant) completion = NULL;
  const char *state = "";
  double need = -1, pull_errors = -1, percent = -1, other_need = -1;

  status_path = g_strdup_printf ("/rest/db/status?folder=%s", RG_TEST_SYNCTHING_FOLDER_ID);
  status = rest_or_fail (self, status_path);
  g_variant_lookup (status, "state", "&s", &state);
  g_variant_lookup (status, "needTotalItems", "d", &need);
  g_variant_lookup (status, "pullErrors", "d", &pull_errors);

  completion_path = g_strdup_printf ("/rest/db/completion?folder=%s&device=%s",
                                     RG_TEST_SYNCTHING_FOLDER_ID, other->device_id);
  completion = rest_or_fail (self, completion_path);
  g_variant_lookup (completion, "completion", "d", &percent);
  g_variant_lookup (completion, "needItems", "d", &other_need);

  if (g_str_equal (state, "idle") && need == 0 && pull_errors == 0 &&
      percent == 100 && other_need == 0)
    return TRUE;

  g_free (*why);
  *why = g_strdup_printf ("%s is %s, needs %g items (%g pull errors), sees %s %g%% complete "
                          "needing %g items",
                          self->name, state, need, pull_errors, other->name, percent, other_need);
  return FALSE;
}

/**
 * rg_test_syncthing_is_in_sync:
 * @why: (out) (optional): on %FALSE, why, for the test's log
 *
 * Whether both instances are idle, need nothing, and see each other
 * 100% complete: the folders then hold the same files, as far as
 * Syncthing knows (it may not have scanned a change yet; see
 * rg_test_syncthing_scan()).
 */
gboolean
rg_test_syncthing_is_in_sync (RgTestSyncthing  *self,
                              RgTestSyncthing  *other,
                              char            **why)
{
  g_autofree char *reason = NULL;
  gboolean in_sync;

  in_sync = is_complete (self, other, &reason) && is_complete (other, self, &reason);
  if (why != NULL)
    *why = g_steal_pointer (&reason);

  return in_sync;
}

/* Has the instance scan its folder now, rather than wait for its
 * watcher. */
void
rg_test_syncthing_scan (RgTestSyncthing *self)
{
  g_autofree char *path = g_strdup_printf ("/rest/db/scan?folder=%s", RG_TEST_SYNCTHING_FOLDER_ID);
  g_autoptr(GVariant) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = rg_test_syncthing_rest (self, "POST", path, &error);
  g_assert_no_error (error);
}

/* Runs the thread-default main context for @msec milliseconds, so that
 * file monitors, saves and timers go on while a test waits. */
void
rg_test_run_main_context (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
