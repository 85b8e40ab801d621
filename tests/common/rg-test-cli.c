/* rg-test-cli.c — running regards-cli and reading its JSON, in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <sys/wait.h>

#include "rg-test-cli.h"

void
rg_test_run_clear (RgTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* The regards-cli under test: $REGARDS_CLI (an installed one) or the
 * one in the build tree. */
const char *
rg_test_cli_path (void)
{
  static char *path = NULL;

  if (path == NULL)
    {
      const char *build_root = g_getenv ("REGARDS_BUILD_ROOT");

      if (g_getenv ("REGARDS_CLI") != NULL)
        path = g_strdup (g_getenv ("REGARDS_CLI"));
      else
        {
          g_assert_nonnull (build_root);
          path = g_build_filename (build_root, "src", "cli", "regards-cli", NULL);
        }

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE));
    }

  return path;
}

/* Runs regards-cli with the NULL-terminated arguments, in @dir (the
 * current folder when NULL), and waits for it to end. */
void
rg_test_run_cli (RgTestRun  *run,
                 const char *dir,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) rg_test_cli_path ());
  va_start (args, dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* {{{ A strict JSON reader (RFC 8259), into GVariants
 *
 * No JSON library is a dependency: this is enough to tell whether the
 * command line's output is valid JSON, so that escaping mistakes fail.
 * object → a{sv}, array → av, string → s, number → d, true/false → b,
 * null → mv (nothing). */

static GVariant *json_value (const char **p);

static void
json_space (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static gboolean
json_hex4 (const char **p,
           gunichar    *value)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (**p);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
      (*p)++;
    }

  return TRUE;
}

static char *
json_string (const char **p)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (**p != '"')
    return NULL;

  for ((*p)++; **p != '"'; )
    {
      guchar c = **p;

      if (c == '\0' || c < 0x20)
        return NULL;

      if (c != '\\')
        {
          g_string_append_c (out, c);
          (*p)++;
          continue;
        }

      (*p)++;
      switch (*(*p)++)
        {
        case '"':  g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/':  g_string_append_c (out, '/'); break;
        case 'b':  g_string_append_c (out, '\b'); break;
        case 'f':  g_string_append_c (out, '\f'); break;
        case 'n':  g_string_append_c (out, '\n'); break;
        case 'r':  g_string_append_c (out, '\r'); break;
        case 't':  g_string_append_c (out, '\t'); break;

        case 'u':
          {
            gunichar value;

            if (!json_hex4 (p, &value))
              return NULL;

            if (value >= 0xd800 && value < 0xdc00)
              {
                gunichar low;

                if ((*p)[0] != '\\' || (*p)[1] != 'u')
                  return NULL;
                *p += 2;
                if (!json_hex4 (p, &low) || low < 0xdc00 || low >= 0xe000)
                  return NULL;
                value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (value >= 0xdc00 && value < 0xe000)
              return NULL;

            g_string_append_unichar (out, value);
          }
          break;

        default:
          return NULL;
        }
    }

  (*p)++;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GVariant *
json_number (const char **p)
{
  const char *start = *p;
  g_autofree char *text = NULL;

  if (**p == '-')
    (*p)++;
  if (**p == '0')
    (*p)++;
  else if (**p >= '1' && **p <= '9')
    while (g_ascii_isdigit (**p))
      (*p)++;
  else
    return NULL;

  if (**p == '.')
    {
      (*p)++;
      if (!g_ascii_isdigit (**p))
        return NULL;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }

  if (**p == 'e' || **p == 'E')
    {
      (*p)++;
      if (**p == '+' || **p == '-')
        (*p)++;
      if (!g_ascii_isdigit (**p))
        return NULL;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }

  text = g_strndup (start, *p - start);
  return g_variant_new_double (g_ascii_strtod (text, NULL));
}

static GVariant *
json_object (const char **p)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  (*p)++;
  json_space (p);
  if (**p == '}')
    {
      (*p)++;
      return g_variant_builder_end (&builder);
    }

  for (;;)
    {
      char *name;
      GVariant *value;

      json_space (p);
      if ((name = json_string (p)) == NULL || !g_hash_table_add (seen, name))
        break;
      json_space (p);
      if (*(*p)++ != ':')
        break;
      if ((value = json_value (p)) == NULL)
        break;
      g_variant_builder_add (&builder, "{sv}", name, value);

      json_space (p);
      if (**p == '}')
        {
          (*p)++;
          return g_variant_builder_end (&builder);
        }
      if (*(*p)++ != ',')
        break;
    }

  g_variant_builder_clear (&builder);
  return NULL;
}

static GVariant *
json_array (const char **p)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("av"));
  (*p)++;
  json_space (p);
  if (**p == ']')
    {
      (*p)++;
      return g_variant_builder_end (&builder);
    }

  for (;;)
    {
      GVariant *value = json_value (p);

      if (value == NULL)
        break;
      g_variant_builder_add (&builder, "v", value);

      json_space (p);
      if (**p == ']')
        {
          (*p)++;
          return g_variant_builder_end (&builder);
        }
      if (*(*p)++ != ',')
        break;
    }

  g_variant_builder_clear (&builder);
  return NULL;
}

static GVariant *
json_value (const char **p)
{
  char *text;

  json_space (p);

  switch (**p)
    {
    case '{':
      return json_object (p);

    case '[':
      return json_array (p);

    case '"':
      text = json_string (p);
      return text != NULL ? g_variant_new_take_string (text) : NULL;

    case 't':
      if (!g_str_has_prefix (*p, "true"))
        return NULL;
      *p += 4;
      return g_variant_new_boolean (TRUE);

    case 'f':
      if (!g_str_has_prefix (*p, "false"))
        return NULL;
      *p += 5;
      return g_variant_new_boolean (FALSE);

    case 'n':
      if (!g_str_has_prefix (*p, "null"))
        return NULL;
      *p += 4;
      return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);

    default:
      return json_number (p);
    }
}

/* The one JSON value that is the whole of @text, or NULL if @text is
 * not exactly that. */
GVariant *
rg_test_json_read (const char *text)
{
  const char *p = text;
  g_autoptr(GVariant) value = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  value = json_value (&p);
  if (value == NULL)
    return NULL;
  g_variant_ref_sink (value);
  json_space (&p);
  if (*p != '\0')
    return NULL;

  return g_steal_pointer (&value);
}

/* Like rg_test_json_read(), but the test fails when @text is not JSON */
GVariant *
rg_test_json_parse (const char *text)
{
  GVariant *value = rg_test_json_read (text);

  g_assert_nonnull (value);
  return value;
}

/* }}} */
