/* test-hostile.c — hostile session files, loaded as the application does
 *
 * Each case is a real file, written to a temporary folder and opened
 * with rg_document_new_from_file () in a child process, so that a crash,
 * a hang or a memory blow-up fails that case alone and can be measured:
 * the child must fail cleanly (a GError with a message, nothing else),
 * within 2 s of processor time and 200 MB of peak memory. The few files that
 * must load (controls, and odd but valid ones) must also save into a
 * file that loads again and saves the same. Cases reaching for
 * a local file check that its content never shows; cases reaching for
 * the network point at a socket of the test, which must never see a
 * connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rg-document.h"
#include "rg-session-xml.h"
#include "rg-test-utils.h"

#define MAX_CPU_TIME_USEC (2 * G_USEC_PER_SEC)
#define MAX_RSS_KB (200 * 1024)

/* A hang is cut short well before meson's timeout, and fails the case */
#define CHILD_TIMEOUT_USEC (30 * G_USEC_PER_SEC)

typedef struct _HostileCase HostileCase;

typedef void (*MakeFunc) (const HostileCase *self,
                          const char        *path);

typedef enum
{
  CHECK_NONE    = 0,
  /* The file points at the secret file, or at /etc/passwd */
  CHECK_SECRET  = 1 << 0,
  /* The file points at the test's socket */
  CHECK_NETWORK = 1 << 1,
  /* Not hostile: the control case, which must load */
  CHECK_LOADS   = 1 << 2,
} CheckFlags;

struct _HostileCase
{
  const char  *name;
  /* Either a fixture (relative to tests/data), copied with @SECRET@ and
   * @PORT@ replaced, or a function that writes the file */
  const char  *fixture;
  MakeFunc     make;
  GQuark     (*domain) (void);
  int          code;
  CheckFlags   checks;
};

/* Shared by the parent and its children through the environment */
static const char *case_dir;
static const char *secret_path;
static const char *secret_marker;

/* Parent only */
static GSocket *trap_socket;
static guint16 trap_port;
static char *passwd_line;

static char *
case_path (const HostileCase *self)
{
  g_autofree char *name = g_strconcat (self->name, ".regards", NULL);

  return g_build_filename (case_dir, name, NULL);
}

static void
write_file (const char *path,
            const void *data,
            gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

static void
write_string (const char *path,
              GString    *text)
{
  write_file (path, text->str, text->len);
}

static GBytes *
read_source_file (const char *first,
                  ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  char *contents = NULL;
  const char *part;
  gsize size = 0;
  va_list args;

  g_ptr_array_add (parts, (char *) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (char *) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, size);
}

/* The start of a valid session, up to its first statement's text */
static GString *
session_start (void)
{
  return g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<session xmlns=\"urn:x-regards:session\" format-version=\"1\"\n"
                       "         id=\"0b8c6a3e-5d1f-4a2b-9c3d-1e2f3a4b5c6d\" kind=\"session\""
                       " status=\"preparing\">\n"
                       "  <title>Revue</title>\n"
                       "  <date>2026-11-20</date>\n");
}

static void
make_empty (const HostileCase *self,
            const char        *path)
{
  write_file (path, "", 0);
}

static void
make_not_xml (const HostileCase *self,
              const char        *path)
{
  static const char note[] =
    "Compte rendu de la réunion du 20 novembre\n"
    "Présents : Mme Martin, Mme Durand.\n";

  write_file (path, note, strlen (note));
}

/* The example cut in the middle of an “é”: neither whole nor UTF-8 */
static void
make_truncated_mid_character (const HostileCase *self,
                              const char        *path)
{
  g_autoptr(GBytes) example = read_source_file ("..", "data", "examples",
                                                "exemple-eleve-a.regards", NULL);
  const char *data = g_bytes_get_data (example, NULL);
  const char *middle = data + g_bytes_get_size (example) / 2;
  const char *e_acute = strstr (middle, "é");

  g_assert_nonnull (e_acute);
  write_file (path, data, e_acute - data + 1);
}

/* One entity of 100 kB, used 50,000 times: 5 GB if expanded, from a
 * file of 300 kB, and no nesting for a depth limit to catch */
static void
make_quadratic_blowup (const HostileCase *self,
                       const char        *path)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<!DOCTYPE session [\n  <!ENTITY a \"");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "\">\n]>\n<session xmlns=\"urn:x-regards:session\" format-version=\"1\">"
                         "<title>");
  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "&a;");
  g_string_append (text, "</title></session>\n");

  write_string (path, text);
}

static void
make_deep_nesting (const HostileCase *self,
                   const char        *path)
{
  g_autoptr(GString) text = session_start ();

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "<a>");
  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "</a>");
  g_string_append (text, "</session>\n");

  write_string (path, text);
}

/* The same without the end tags: the parser's own depth limit */
static void
make_deep_nesting_unclosed (const HostileCase *self,
                            const char        *path)
{
  g_autoptr(GString) text = session_start ();

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "<a>");

  write_string (path, text);
}

/* 60 MB that would be a session if it were not so large: one statement
 * whose text never ends */
static void
make_too_large (const HostileCase *self,
                const char        *path)
{
  g_autoptr(GString) text = session_start ();
  gsize size = 60 * 1000 * 1000;

  g_string_append (text, "  <statements><statement>");
  while (text->len < size - 64)
    g_string_append (text, "Texte sans fin. ");
  g_string_append (text, "</statement></statements></session>\n");
  g_assert_cmpuint (text->len, >, size - 64);

  write_string (path, text);
}

/* A file that announces no size and never ends */
static void
make_endless (const HostileCase *self,
              const char        *path)
{
  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
}

static void
make_noise (const HostileCase *self,
            const char        *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261120);
  gsize size = 1024 * 1024;
  g_autofree guint8 *noise = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);

  write_file (path, noise, size);
}

/* Just under 16 MiB of empty elements: four million of them */
static void
make_element_flood (const HostileCase *self,
                    const char        *path)
{
  g_autoptr(GString) text = session_start ();

  while (text->len < RG_SESSION_MAX_SIZE - 64)
    g_string_append (text, "<a/>");
  g_string_append (text, "</session>\n");
  g_assert_cmpuint (text->len, <=, RG_SESSION_MAX_SIZE);

  write_string (path, text);
}

static char *
attribute_name (guint n)
{
  GString *name = g_string_new (NULL);

  do
    {
      g_string_append_c (name, 'a' + n % 26);
      n /= 26;
    }
  while (n > 0);

  return g_string_free (name, FALSE);
}

/* 200,000 attributes on one element: libxml2 compares each with all
 * those before it */
static void
make_attribute_flood (const HostileCase *self,
                      const char        *path)
{
  g_autoptr(GString) text = session_start ();

  g_string_append (text, "  <situation");
  for (guint i = 0; i < 200000; i++)
    {
      g_autofree char *name = attribute_name (i);

      g_string_append_printf (text, " %s=\"\"", name);
    }
  g_string_append (text, "><label>x</label></situation>\n</session>\n");

  write_string (path, text);
}

/* 15,000 namespaces declared in scope, then a million elements, each
 * name looked up through all of them */
static void
make_namespace_flood (const HostileCase *self,
                      const char        *path)
{
  g_autoptr(GString) text = session_start ();
  guint n = 0;

  for (guint depth = 0; depth < 250; depth++)
    {
      g_string_append (text, "<a");
      for (guint i = 0; i < 60; i++)
        g_string_append_printf (text, " xmlns:p%u=\"urn:x\"", n++);
      g_string_append (text, ">");
    }
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "<b/>");
  for (guint depth = 0; depth < 250; depth++)
    g_string_append (text, "</a>");
  g_string_append (text, "</session>\n");

  write_string (path, text);
}

static char *
make_id (guint kind,
         guint n)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%012x", kind, n);
}

/* Not hostile: a session far larger than any real one (6,000
 * statements of 400 characters, 4 MB; the example has 45), as Regards
 * writes it, which the limits against hostile files must let through */
static void
make_large_session (const HostileCase *self,
                    const char        *path)
{
  g_autoptr(GString) text = session_start ();
  g_autoptr(GString) words = g_string_new (NULL);
  const guint n_partners = 8;
  const guint n_dimensions = 6;
  const guint n_statements = 6000;
  const guint n_links = 1000;

  while (words->len < 400)
    g_string_append (words, "Élève souvent absent le lundi, fatigué en classe ; ");

  g_string_append (text, "  <situation id=\"0b8c6a3e-5d1f-4a2b-9c3d-1e2f3a4b5c6e\">\n"
                         "    <label>Élève A., CM1</label>\n"
                         "  </situation>\n"
                         "  <partners>\n");
  for (guint i = 0; i < n_partners; i++)
    {
      g_autofree char *id = make_id (1, i);

      g_string_append_printf (text, "    <partner id=\"%s\" role=\"professional\" colour=\"#3584e4\">\n"
                                    "      <name>Partenaire %u</name>\n"
                                    "      <profession>Éducateur</profession>\n"
                                    "    </partner>\n", id, i);
    }
  g_string_append (text, "  </partners>\n  <dimensions>\n");
  for (guint i = 0; i < n_dimensions; i++)
    {
      g_autofree char *id = make_id (2, i);

      g_string_append_printf (text, "    <dimension id=\"%s\">\n"
                                    "      <name>Dimension %u</name>\n"
                                    "    </dimension>\n", id, i);
    }
  g_string_append (text, "  </dimensions>\n  <statements>\n");
  for (guint i = 0; i < n_statements; i++)
    {
      g_autofree char *id = make_id (3, i);
      g_autofree char *partner = make_id (1, i % n_partners);
      g_autofree char *dimension = make_id (2, i % n_dimensions);

      g_string_append_printf (text, "    <statement id=\"%s\" partner=\"%s\" dimension=\"%s\""
                                    " kind=\"fact\" created=\"2026-11-20T14:03:00Z\""
                                    " changed=\"2026-11-20T14:05:12Z\">%s</statement>\n",
                              id, partner, dimension, words->str);
    }
  g_string_append (text, "  </statements>\n  <links>\n");
  for (guint i = 0; i < n_links; i++)
    {
      g_autofree char *id = make_id (4, i);

      g_string_append_printf (text, "    <link id=\"%s\" type=\"divergence\" status=\"open\">\n", id);
      for (guint m = 0; m < 3; m++)
        {
          g_autofree char *member = make_id (3, i * 3 + m);

          g_string_append_printf (text, "      <member statement=\"%s\"/>\n", member);
        }
      g_string_append (text, "    </link>\n");
    }
  g_string_append (text, "  </links>\n"
                         "  <glossary/>\n"
                         "  <criteria/>\n"
                         "  <actions/>\n"
                         "  <consents/>\n"
                         "</session>\n");
  g_assert_cmpuint (text->len, >, 4 * 1000 * 1000);

  write_string (path, text);
}

static const HostileCase cases[] = {
  { "control-valid", "format/valid.regards", NULL, NULL, 0, CHECK_LOADS },
  { "empty", NULL, make_empty,
    rg_format_error_quark, RG_FORMAT_ERROR_NOT_XML, CHECK_NONE },
  { "not-xml", NULL, make_not_xml,
    rg_format_error_quark, RG_FORMAT_ERROR_NOT_XML, CHECK_NONE },
  { "truncated", "format/truncated.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_NOT_XML, CHECK_NONE },
  { "truncated-mid-character", NULL, make_truncated_mid_character,
    rg_format_error_quark, RG_FORMAT_ERROR_NOT_XML, CHECK_NONE },
  { "invalid-utf8", "format/invalid-utf8.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_NOT_XML, CHECK_NONE },
  { "wrong-root", "format/wrong-root.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_NOT_A_SESSION, CHECK_NONE },
  { "missing-id", "format/missing-id.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_INVALID, CHECK_NONE },
  { "dangling-reference", "format/dangling-reference.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_DANGLING_REFERENCE, CHECK_NONE },
  { "unknown-link-type", "format/unknown-link-type.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_INVALID, CHECK_NONE },
  { "newer-version", "format/newer-version.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_NEWER_VERSION, CHECK_NONE },
  { "billion-laughs", "hostile/billion-laughs.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, CHECK_NONE },
  { "quadratic-blowup", NULL, make_quadratic_blowup,
    rg_format_error_quark, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, CHECK_NONE },
  { "external-entity-passwd", "hostile/external-entity-passwd.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, CHECK_SECRET },
  { "external-entity-local", "hostile/external-entity-local.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, CHECK_SECRET },
  { "external-dtd-network", "hostile/external-dtd-network.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, CHECK_NETWORK },
  { "external-parameter-entity-network", "hostile/external-parameter-entity-network.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, CHECK_NETWORK },
  /* Refused by the schema: an element a statement cannot hold */
  { "xinclude", "hostile/xinclude.regards", NULL,
    rg_format_error_quark, RG_FORMAT_ERROR_INVALID, CHECK_SECRET },
  /* 400,000 tags: refused before parsing */
  { "deep-nesting", NULL, make_deep_nesting,
    rg_format_error_quark, RG_FORMAT_ERROR_TOO_LARGE, CHECK_NONE },
  { "deep-nesting-unclosed", NULL, make_deep_nesting_unclosed,
    rg_format_error_quark, RG_FORMAT_ERROR_NOT_XML, CHECK_NONE },
  { "too-large-60mb", NULL, make_too_large,
    rg_document_error_quark, RG_DOCUMENT_ERROR_TOO_LARGE, CHECK_NONE },
  { "endless", NULL, make_endless,
    rg_document_error_quark, RG_DOCUMENT_ERROR_TOO_LARGE, CHECK_NONE },
  { "random-noise", NULL, make_noise,
    rg_format_error_quark, RG_FORMAT_ERROR_NOT_XML, CHECK_NONE },
  { "element-flood", NULL, make_element_flood,
    rg_format_error_quark, RG_FORMAT_ERROR_TOO_LARGE, CHECK_NONE },
  { "attribute-flood", NULL, make_attribute_flood,
    rg_format_error_quark, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, CHECK_NONE },
  { "namespace-flood", NULL, make_namespace_flood,
    rg_format_error_quark, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, CHECK_NONE },
  /* A year before 1000 was saved as “821”, which did not load again
   * (found by fuzzing) */
  { "early-year", "hostile/early-year.regards", NULL, NULL, 0, CHECK_LOADS },
  /* Last, so that the peaks of the hostile cases show in the log */
  { "control-large-session", NULL, make_large_session, NULL, 0, CHECK_LOADS },
};

static void
write_case (const HostileCase *self,
            const char        *path)
{
  g_autoptr(GBytes) fixture = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *port = NULL;

  if (self->make != NULL)
    {
      self->make (self, path);
      return;
    }

  fixture = read_source_file ("data", self->fixture, NULL);
  text = g_string_new_len (g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  port = g_strdup_printf ("%u", trap_port);
  g_string_replace (text, "@SECRET@", secret_path, 0);
  g_string_replace (text, "@PORT@", port, 0);
  write_string (path, text);
}

/* In the child: load, and check the failure is a clean one */
static void
load_case (const HostileCase *self)
{
  g_autofree char *path = case_path (self);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RgDocument) document = NULL;

  document = rg_document_new_from_file (file, NULL, &error);

  if (self->checks & CHECK_LOADS)
    {
      g_autofree char *copy_path = g_strconcat (path, ".saved", NULL);
      g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
      g_autoptr(RgDocument) copy = NULL;
      g_autoptr(RgDocument) reloaded = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GBytes) saved_again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (document);

      /* What loads must save into a file that loads again, unchanged:
       * Regards never damages a file it opened */
      copy = rg_document_new (rg_document_get_session (document), copy_file);
      rg_document_save (copy, NULL, &error);
      g_assert_no_error (error);
      reloaded = rg_document_new_from_file (copy_file, NULL, &error);
      g_assert_no_error (error);
      saved = rg_session_to_bytes (rg_document_get_session (copy));
      saved_again = rg_session_to_bytes (rg_document_get_session (reloaded));
      g_assert_true (g_bytes_equal (saved, saved_again));
      g_unlink (copy_path);
      return;
    }

  g_assert_null (document);
  g_assert_error (error, self->domain (), self->code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, secret_marker));
  g_assert_null (strstr (error->message, "root:x:0:0"));

  /* For the parent to look at */
  g_print ("%s\n", error->message);
}

static void
assert_no_connection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) connection = g_socket_accept (trap_socket, NULL, &error);

  if (connection != NULL)
    g_error ("The loader connected to the network");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
}

static void
test_hostile (gconstpointer data)
{
  const HostileCase *self = data;
  g_autofree char *path = NULL;
  g_autofree char *marker_pattern = NULL;
  struct rusage before, usage;
  gint64 start, elapsed, cpu;

  if (g_test_subprocess ())
    {
      load_case (self);
      return;
    }

  path = case_path (self);
  write_case (self, path);

  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &before), ==, 0);
  start = g_get_monotonic_time ();
  g_test_trap_subprocess (NULL, CHILD_TIMEOUT_USEC, G_TEST_SUBPROCESS_DEFAULT);
  elapsed = g_get_monotonic_time () - start;

  g_test_trap_assert_passed ();
  if (!(self->checks & CHECK_LOADS))
    g_test_trap_assert_stdout ("?*");

  /* Nothing of a local file shows, whatever the child printed */
  marker_pattern = g_strdup_printf ("*%s*", secret_marker);
  g_test_trap_assert_stdout_unmatched (marker_pattern);
  g_test_trap_assert_stderr_unmatched (marker_pattern);
  if (passwd_line != NULL)
    {
      g_autofree char *pattern = g_strdup_printf ("*%s*", passwd_line);

      g_test_trap_assert_stdout_unmatched (pattern);
      g_test_trap_assert_stderr_unmatched (pattern);
    }

  if (self->checks & CHECK_NETWORK)
    assert_no_connection ();

  /* The time the child spent working, not waiting for a busy machine:
   * the wall time of a loaded machine (a build beside, a slow runner)
   * says nothing of the loader; a hang is caught by the timeout above. */
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  cpu = (usage.ru_utime.tv_sec - before.ru_utime.tv_sec + usage.ru_stime.tv_sec - before.ru_stime.tv_sec)
        * G_USEC_PER_SEC
        + usage.ru_utime.tv_usec - before.ru_utime.tv_usec + usage.ru_stime.tv_usec - before.ru_stime.tv_usec;
  g_test_message ("%s: %.3f s of processor time, %.3f s of wall time", self->name,
                  cpu / (double) G_USEC_PER_SEC, elapsed / (double) G_USEC_PER_SEC);
  g_assert_cmpint (cpu, <, MAX_CPU_TIME_USEC);

  /* The largest peak of the children so far, in kB: this one's, unless
   * an earlier one was larger (and then failed already) */
  g_test_message ("%s: peak of the children so far %ld kB", self->name, usage.ru_maxrss);
  g_assert_cmpint (usage.ru_maxrss, <, MAX_RSS_KB);

  /* The big ones are not kept around */
  g_unlink (path);
}

/* A socket on the loopback that the network cases point at, to prove
 * nothing ever connects to it */
static void
open_trap_socket (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  trap_socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                              G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (trap_socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (trap_socket, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (trap_socket, FALSE);

  bound = g_socket_get_local_address (trap_socket, &error);
  g_assert_no_error (error);
  trap_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* The first line of /etc/passwd, if it can be matched as a pattern */
static char *
read_passwd_line (void)
{
  g_autofree char *contents = NULL;
  char *end;

  if (!g_file_get_contents ("/etc/passwd", &contents, NULL, NULL))
    return NULL;

  end = strchr (contents, '\n');
  if (end != NULL)
    *end = '\0';
  if (strlen (contents) < 8 || strpbrk (contents, "*?") != NULL)
    return NULL;

  return g_steal_pointer (&contents);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* The children see the parent's folder and secret through the
   * environment (each child has made its own private root above) */
  if (!g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_build_filename (root, "cases", NULL);
      g_autofree char *secret = g_build_filename (root, "secret.txt", NULL);
      g_autofree char *marker = g_strdup_printf ("REGARDS-SECRET-%08x%08x",
                                                 g_random_int (), g_random_int ());

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_file_set_contents (secret, marker, -1, &error);
      g_assert_no_error (error);
      g_setenv ("REGARDS_HOSTILE_DIR", dir, TRUE);
      g_setenv ("REGARDS_HOSTILE_SECRET", secret, TRUE);
      g_setenv ("REGARDS_HOSTILE_MARKER", marker, TRUE);

      open_trap_socket ();
      passwd_line = read_passwd_line ();
    }

  case_dir = g_getenv ("REGARDS_HOSTILE_DIR");
  secret_path = g_getenv ("REGARDS_HOSTILE_SECRET");
  secret_marker = g_getenv ("REGARDS_HOSTILE_MARKER");
  g_assert_nonnull (case_dir);
  g_assert_nonnull (secret_path);
  g_assert_nonnull (secret_marker);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/hostile/", cases[i].name, NULL);

      g_test_add_data_func (test_path, &cases[i], test_hostile);
    }

  ret = g_test_run ();

  g_clear_object (&trap_socket);
  g_free (passwd_line);

  return ret;
}
