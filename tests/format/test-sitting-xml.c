/* test-sitting-xml.c — reading and writing sitting files, hostile ones too
 *
 * Each hostile file is loaded in a child process, so that a crash or a
 * hang fails that case alone, and the child measures what the load cost:
 * it must fail cleanly, with a message, within 2 s of processor time and
 * 200 MB of peak memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-sitting-xml.h"
#include "rg-test-utils.h"

#define MAX_CPU_TIME_USEC (2 * G_USEC_PER_SEC)
#define MAX_RSS_KB (200 * 1024)

static GBytes *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "sitting", name, NULL);
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* The valid fixture with @from replaced by @to, once */
static GBytes *
fixture_with (const char *from,
              const char *to)
{
  g_autoptr(GBytes) valid = load_fixture ("valid.regards-sitting");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (valid, NULL), g_bytes_get_size (valid));

  g_assert_nonnull (strstr (text->str, from));
  g_string_replace (text, from, to, 1);

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
test_read_fixture (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("valid.regards-sitting");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSitting) sitting = rg_sitting_new_from_bytes (bytes, &error);
  g_autoptr(RgSittingItem) first = NULL;
  g_autoptr(RgSittingItem) second = NULL;
  g_autoptr(RgSittingInvitee) teacher = NULL;
  g_autoptr(RgSittingInvitee) father = NULL;
  GListModel *items;

  g_assert_no_error (error);
  g_assert_cmpstr (rg_sitting_get_id (sitting), ==, "5a0c2f4e-1b3d-4e5f-8a9b-0c1d2e3f4a5b");
  g_assert_cmpint (rg_sitting_get_kind (sitting), ==, RG_SITTING_KIND_SUPPORT_TEAM);
  g_assert_cmpstr (rg_sitting_get_title (sitting), ==, "Équipe pluridisciplinaire de soutien — mars");
  g_assert_cmpstr (rg_sitting_get_date (sitting), ==, "2027-03-12");
  g_assert_cmpstr (rg_sitting_get_place (sitting), ==, "Mairie annexe, salle 2");

  items = rg_sitting_get_items (sitting);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  first = g_list_model_get_item (items, 0);
  second = g_list_model_get_item (items, 1);
  g_assert_cmpstr (rg_sitting_item_get_situation_id (first), ==, "7c2e4b6a-3d5f-4a7b-8c1d-2e3f4a5b6c7d");
  g_assert_cmpstr (rg_sitting_item_get_situation_label (first), ==, "Élève A., CM1");
  g_assert_cmpstr (rg_sitting_item_get_situation_code (first), ==, "S-2026-014");
  g_assert_cmpstr (rg_sitting_item_get_session_id (first), ==, "8d3f5c7b-4e6a-4b8c-9d2e-3f4a5b6c7d8e");
  g_assert_cmpstr (rg_sitting_item_get_session_file (first), ==, "2027/suivi-a.regards");
  g_assert_cmpstr (rg_sitting_item_get_start (first), ==, "14:00");
  g_assert_cmpstr (rg_sitting_item_get_end (first), ==, "14:30");
  g_assert_cmpuint (g_list_model_get_n_items (rg_sitting_item_get_invitees (first)), ==, 2);
  teacher = g_list_model_get_item (rg_sitting_item_get_invitees (first), 0);
  father = g_list_model_get_item (rg_sitting_item_get_invitees (first), 1);
  g_assert_cmpstr (rg_sitting_invitee_get_partner_id (teacher), ==, "9e4a6d8c-5f7b-4c9d-8e3f-4a5b6c7d8e9f");
  g_assert_cmpstr (rg_sitting_invitee_get_name (teacher), ==, "Mme Martin");
  g_assert_cmpstr (rg_sitting_invitee_get_profession (teacher), ==, "Enseignante");
  g_assert_cmpstr (rg_sitting_invitee_get_institution (teacher), ==, "École Jules Ferry");
  g_assert_null (rg_sitting_invitee_get_partner_id (father));
  g_assert_null (rg_sitting_invitee_get_profession (father));

  g_assert_null (rg_sitting_item_get_situation_code (second));
  g_assert_null (rg_sitting_item_get_session_id (second));
  g_assert_null (rg_sitting_item_get_session_file (second));
  g_assert_cmpuint (g_list_model_get_n_items (rg_sitting_item_get_invitees (second)), ==, 0);
}

/* Writing gives back the fixture's bytes: deterministic, attributes in
 * the documented order */
static void
test_round_trip (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("valid.regards-sitting");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSitting) sitting = rg_sitting_new_from_bytes (bytes, &error);
  g_autoptr(GBytes) written = NULL;

  g_assert_no_error (error);
  written = rg_sitting_to_bytes (sitting);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                   g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_round_trip_tricky_text (void)
{
  g_autoptr(RgSitting) sitting = rg_sitting_new ();
  g_autoptr(RgSittingItem) item = rg_sitting_item_new ("7c2e4b6a-3d5f-4a7b-8c1d-2e3f4a5b6c7d",
                                                       "<b>“Léa” & 'Noé'</b> xmlns=\"x\"",
                                                       "09:00", "09:20");
  g_autoptr(RgSittingInvitee) invitee = rg_sitting_invitee_new ("A\x01 & B");
  g_autoptr(RgSitting) loaded = NULL;
  g_autoptr(RgSittingItem) loaded_item = NULL;
  g_autoptr(RgSittingInvitee) loaded_invitee = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  rg_sitting_set_kind (sitting, RG_SITTING_KIND_TECHNICAL_COMMITTEE);
  rg_sitting_set_title (sitting, "Comité technique");
  rg_sitting_item_add_invitee (item, invitee);
  rg_sitting_add_item (sitting, item);

  bytes = rg_sitting_to_bytes (sitting);
  loaded = rg_sitting_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rg_sitting_get_kind (loaded), ==, RG_SITTING_KIND_TECHNICAL_COMMITTEE);
  g_assert_null (rg_sitting_get_place (loaded));
  loaded_item = g_list_model_get_item (rg_sitting_get_items (loaded), 0);
  g_assert_cmpstr (rg_sitting_item_get_situation_label (loaded_item), ==,
                   "<b>“Léa” & 'Noé'</b> xmlns=\"x\"");
  loaded_invitee = g_list_model_get_item (rg_sitting_item_get_invitees (loaded_item), 0);
  /* The control character XML cannot carry is left out */
  g_assert_cmpstr (rg_sitting_invitee_get_name (loaded_invitee), ==, "A & B");

  again = rg_sitting_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_save_load (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("valid.regards-sitting");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSitting) sitting = rg_sitting_new_from_bytes (bytes, &error);
  g_autoptr(RgSitting) loaded = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sitting-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "EPS mars" RG_SITTING_FILE_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *checksum = NULL;
  g_autofree char *read_checksum = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (rg_sitting_save (sitting, file, NULL, &checksum, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  loaded = rg_sitting_load (file, &read_checksum, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_checksum, ==, checksum);
  g_assert_cmpstr (rg_sitting_get_id (loaded), ==, rg_sitting_get_id (sitting));

  /* Another program changed the file since: nothing is written over it */
  g_assert_true (g_file_set_contents (path, "changed", -1, NULL));
  rg_sitting_set_title (sitting, "Autre titre");
  g_assert_false (rg_sitting_save (sitting, file, checksum, NULL, NULL, &error));
  g_assert_error (error, RG_DOCUMENT_ERROR, RG_DOCUMENT_ERROR_CHANGED);
  g_clear_error (&error);

  /* A session file is not a sitting */
  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<session xmlns=\"urn:x-regards:session\" format-version=\"4\"/>\n", -1, NULL));
  g_assert_null (rg_sitting_load (file, NULL, NULL, &error));
  g_assert_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_NOT_A_SESSION);
  g_assert_cmpstr (error->message, ==, "This file is not a Regards sitting.");
}

/* A sitting the loader would refuse, two partners invited under one
 * name: it is neither saved nor written over the file it was read from */
static void
test_save_refused (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("valid.regards-sitting");
  g_autoptr(GError) error = NULL;
  g_autoptr(RgSitting) sitting = rg_sitting_new_from_bytes (bytes, &error);
  g_autoptr(RgSittingItem) item = NULL;
  g_autoptr(RgSittingInvitee) first = rg_sitting_invitee_new ("Mme Legrand");
  g_autoptr(RgSittingInvitee) second = rg_sitting_invitee_new ("Mme Legrand");
  g_autofree char *dir = g_dir_make_tmp ("sitting-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "refused" RG_SITTING_FILE_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_true (rg_sitting_check (sitting, &error));
  g_assert_no_error (error);
  g_assert_true (rg_sitting_save (sitting, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  item = g_list_model_get_item (rg_sitting_get_items (sitting), 0);
  rg_sitting_item_add_invitee (item, first);
  rg_sitting_item_add_invitee (item, second);

  g_assert_false (rg_sitting_check (sitting, &error));
  g_assert_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rg_sitting_save (sitting, file, NULL, NULL, NULL, &error));
  g_assert_error (error, RG_FORMAT_ERROR, RG_FORMAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Could not save “refused.regards-sitting”: Regards could not open it again. "
                   "Nothing was written.");
  g_clear_error (&error);

  /* The file still holds the sitting saved before, and loads */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "Mme Legrand"));
  g_clear_object (&sitting);
  sitting = rg_sitting_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Hostile and invalid files */

typedef struct
{
  const char *name;
  GBytes *  (*make) (void);
  int         code;
  const char *message;      /* a part of the message */
} BadCase;

static GBytes *
make_wrong_namespace (void)
{
  return fixture_with ("urn:x-regards:sitting", "urn:x-regards:session");
}

static GBytes *
make_wrong_root (void)
{
  static const char text[] = "<?xml version=\"1.0\"?>\n<agenda xmlns=\"urn:x-regards:sitting\"/>\n";

  return g_bytes_new_static (text, strlen (text));
}

static GBytes *
make_newer_version (void)
{
  return fixture_with ("format-version=\"1\"", "format-version=\"2\"");
}

static GBytes *
make_no_version (void)
{
  return fixture_with ("format-version=\"1\"", "format-version=\"one\"");
}

static GBytes *
make_end_before_start (void)
{
  return fixture_with ("start=\"14:30\" end=\"15:15\"", "start=\"14:30\" end=\"14:00\"");
}

static GBytes *
make_empty_slot (void)
{
  return fixture_with ("start=\"14:30\" end=\"15:15\"", "start=\"14:30\" end=\"14:30\"");
}

static GBytes *
make_bad_time (void)
{
  return fixture_with ("end=\"15:15\"", "end=\"25:15\"");
}

static GBytes *
make_impossible_date (void)
{
  return fixture_with ("<date>2027-03-12</date>", "<date>2027-02-30</date>");
}

static GBytes *
make_duplicate_id (void)
{
  return fixture_with ("af5b7e9d-6a8c-4d0e-9f4a-5b6c7d8e9fa0", "6b1d3a5f-2c4e-4f6a-9b0c-1d2e3f4a5b6c");
}

static GBytes *
make_invited_twice (void)
{
  return fixture_with ("<name>M. Durand</name>", "<name>Mme Martin</name>");
}

static GBytes *
make_partner_twice (void)
{
  return fixture_with ("<invited>\n", "<invited partner=\"9e4a6d8c-5f7b-4c9d-8e3f-4a5b6c7d8e9f\">\n");
}

static GBytes *
make_outside_file (void)
{
  return fixture_with ("file=\"2027/suivi-a.regards\"", "file=\"../../.ssh/id_rsa\"");
}

static GBytes *
make_absolute_file (void)
{
  return fixture_with ("file=\"2027/suivi-a.regards\"", "file=\"/etc/passwd\"");
}

static GBytes *
make_unknown_element (void)
{
  return fixture_with ("<label>Élève B., 6e</label>", "<label>Élève B., 6e</label><note>x</note>");
}

static GBytes *
make_billion_laughs (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE sitting [\n <!ENTITY lol \"lol\">\n");

  for (int i = 1; i < 10; i++)
    {
      g_string_append_printf (text, " <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        {
          if (i == 1)
            g_string_append (text, "&lol;");
          else
            g_string_append_printf (text, "&lol%d;", i - 1);
        }
      g_string_append (text, "\">\n");
    }
  g_string_append (text, "]>\n<sitting xmlns=\"urn:x-regards:sitting\" format-version=\"1\"><title>&lol9;</title></sitting>\n");

  return g_string_free_to_bytes (text);
}

static GBytes *
make_external_entity (void)
{
  return fixture_with ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<!DOCTYPE sitting [<!ENTITY passwd SYSTEM \"file:///etc/passwd\">]>\n");
}

static GBytes *
make_xinclude (void)
{
  return fixture_with ("<place>Mairie annexe, salle 2</place>",
                       "<place><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/></place>");
}

/* 17 MiB of one label */
static GBytes *
make_huge (void)
{
  gsize size = 17 * 1024 * 1024;
  GString *text = g_string_sized_new (size + 1024);

  g_string_append (text, "<?xml version=\"1.0\"?>\n<sitting xmlns=\"urn:x-regards:sitting\" format-version=\"1\"><title>");
  while (text->len < size)
    g_string_append (text, "blablablablablablablablablablablablablablablablablablablablabla");
  g_string_append (text, "</title></sitting>\n");

  return g_string_free_to_bytes (text);
}

/* A million tags, within the size limit */
static GBytes *
make_many_tags (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<sitting xmlns=\"urn:x-regards:sitting\" format-version=\"1\"><title>");

  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "<a/>");
  g_string_append (text, "</title></sitting>\n");

  return g_string_free_to_bytes (text);
}

/* 100,000 nested elements */
static GBytes *
make_deep_nesting (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<sitting xmlns=\"urn:x-regards:sitting\" format-version=\"1\"><title>");

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<b>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "</b>");
  g_string_append (text, "</title></sitting>\n");

  return g_string_free_to_bytes (text);
}

static GBytes *
make_binary (void)
{
  static const char data[] = "\xff\xfe<\0s\0i\0t\0";

  return g_bytes_new_static (data, sizeof data);
}

static GBytes *
make_truncated (void)
{
  g_autoptr(GBytes) valid = load_fixture ("valid.regards-sitting");

  return g_bytes_new_from_bytes (valid, 0, g_bytes_get_size (valid) / 2);
}

static const BadCase bad_cases[] = {
  { "wrong-namespace", make_wrong_namespace, RG_FORMAT_ERROR_NOT_A_SESSION, "not a Regards sitting" },
  { "wrong-root", make_wrong_root, RG_FORMAT_ERROR_NOT_A_SESSION, "not a Regards sitting" },
  { "newer-version", make_newer_version, RG_FORMAT_ERROR_NEWER_VERSION, "newer version" },
  { "no-version", make_no_version, RG_FORMAT_ERROR_INVALID, "valid version number" },
  { "end-before-start", make_end_before_start, RG_FORMAT_ERROR_INVALID, "does not end after it begins (14:30–14:00)" },
  { "empty-slot", make_empty_slot, RG_FORMAT_ERROR_INVALID, "does not end after it begins" },
  { "bad-time", make_bad_time, RG_FORMAT_ERROR_INVALID, "does not follow the Regards format" },
  { "impossible-date", make_impossible_date, RG_FORMAT_ERROR_INVALID, "date that does not exist" },
  { "duplicate-id", make_duplicate_id, RG_FORMAT_ERROR_DUPLICATE_ID, "same identifier" },
  { "invited-twice", make_invited_twice, RG_FORMAT_ERROR_INVALID, "same partner twice" },
  { "partner-twice", make_partner_twice, RG_FORMAT_ERROR_INVALID, "same partner twice" },
  { "outside-file", make_outside_file, RG_FORMAT_ERROR_INVALID, "outside the library folder" },
  { "absolute-file", make_absolute_file, RG_FORMAT_ERROR_INVALID, "outside the library folder" },
  { "unknown-element", make_unknown_element, RG_FORMAT_ERROR_INVALID, "does not follow the Regards format" },
  { "billion-laughs", make_billion_laughs, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, "document type declaration" },
  { "external-entity", make_external_entity, RG_FORMAT_ERROR_FORBIDDEN_CONSTRUCT, "document type declaration" },
  { "xinclude", make_xinclude, RG_FORMAT_ERROR_INVALID, "does not follow the Regards format" },
  { "huge", make_huge, RG_FORMAT_ERROR_TOO_LARGE, "too large to be a Regards sitting" },
  { "many-tags", make_many_tags, RG_FORMAT_ERROR_TOO_LARGE, "far more items than a sitting does" },
  { "deep-nesting", make_deep_nesting, RG_FORMAT_ERROR_NOT_XML, "damaged or incomplete" },
  { "binary", make_binary, RG_FORMAT_ERROR_NOT_XML, "not a Regards sitting" },
  { "truncated", make_truncated, RG_FORMAT_ERROR_NOT_XML, "damaged or incomplete" },
};

static gint64
cpu_time_usec (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec
       + (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

static void
test_bad (gconstpointer data)
{
  const BadCase *bad = data;

  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) bytes = bad->make ();
      g_autoptr(GError) error = NULL;
      g_autoptr(RgSitting) sitting = NULL;
      struct rusage usage;
      gint64 before = cpu_time_usec ();

      sitting = rg_sitting_new_from_bytes (bytes, &error);
      g_assert_null (sitting);
      g_assert_error (error, RG_FORMAT_ERROR, bad->code);
      g_assert_nonnull (strstr (error->message, bad->message));
      g_assert_null (strstr (error->message, "root:"));

      g_assert_cmpint (cpu_time_usec () - before, <, MAX_CPU_TIME_USEC);
      getrusage (RUSAGE_SELF, &usage);
      g_assert_cmpint (usage.ru_maxrss, <, MAX_RSS_KB);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sitting-xml/read/fixture", test_read_fixture);
  g_test_add_func ("/sitting-xml/round-trip/fixture", test_round_trip);
  g_test_add_func ("/sitting-xml/round-trip/tricky-text", test_round_trip_tricky_text);
  g_test_add_func ("/sitting-xml/save-load", test_save_load);
  g_test_add_func ("/sitting-xml/save-refused", test_save_refused);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/sitting-xml/refused/", bad_cases[i].name, NULL);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }

  return g_test_run ();
}
