/* rg-cli-json.c — write JSON by hand, correctly escaped
 *
 * regards-cli has no JSON library; what it prints is small and flat, so a
 * writer that knows where commas go and how to escape a string is enough.
 * Strings that are not valid UTF-8 (file names are bytes) get U+FFFD for
 * the bytes that are not, so the output is always valid JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <math.h>

#include "rg-cli-display.h"
#include "rg-cli-json.h"

struct _RgCliJson
{
  GString *out;
  GArray  *counts;        /* per open container: values written so far */
  gboolean after_member;  /* a member name was written, its value comes next */
};

/**
 * rg_cli_json_new:
 *
 * Returns: (transfer full): a writer; the text it writes is indented by
 *   two spaces per level
 */
RgCliJson *
rg_cli_json_new (void)
{
  RgCliJson *json = g_new0 (RgCliJson, 1);

  json->out = g_string_new (NULL);
  json->counts = g_array_new (FALSE, TRUE, sizeof (guint));

  return json;
}

/**
 * rg_cli_json_free_to_string:
 * @json: (transfer full): a writer whose containers are all closed
 *
 * Returns: (transfer full): the JSON text, ending with a newline
 */
char *
rg_cli_json_free_to_string (RgCliJson *json)
{
  g_assert (json->counts->len == 0);

  g_array_unref (json->counts);
  g_string_append_c (json->out, '\n');

  return g_string_free (g_steal_pointer (&json->out), FALSE);
}

static void
newline (RgCliJson *json)
{
  g_string_append_c (json->out, '\n');
  for (guint i = 0; i < json->counts->len; i++)
    g_string_append (json->out, "  ");
}

/* Before any value: a comma after the previous value of the container,
 * and a new line, unless the value follows its member name. */
static void
before_value (RgCliJson *json)
{
  guint *count;

  if (json->after_member)
    {
      json->after_member = FALSE;
      return;
    }

  if (json->counts->len == 0)
    return;

  count = &g_array_index (json->counts, guint, json->counts->len - 1);
  if (*count > 0)
    g_string_append_c (json->out, ',');
  (*count)++;
  newline (json);
}

static void
begin (RgCliJson *json,
       char       bracket)
{
  guint zero = 0;

  before_value (json);
  g_string_append_c (json->out, bracket);
  g_array_append_val (json->counts, zero);
}

static void
end (RgCliJson *json,
     char       bracket)
{
  guint count;

  g_assert (json->counts->len > 0);
  g_assert (!json->after_member);

  count = g_array_index (json->counts, guint, json->counts->len - 1);
  g_array_set_size (json->counts, json->counts->len - 1);
  if (count > 0)
    newline (json);
  g_string_append_c (json->out, bracket);
}

void
rg_cli_json_begin_object (RgCliJson *json)
{
  begin (json, '{');
}

void
rg_cli_json_end_object (RgCliJson *json)
{
  end (json, '}');
}

void
rg_cli_json_begin_array (RgCliJson *json)
{
  begin (json, '[');
}

void
rg_cli_json_end_array (RgCliJson *json)
{
  end (json, ']');
}

/**
 * rg_cli_json_escape:
 * @out: where to write
 * @value: (nullable): a string, or %NULL for `null`
 *
 * Writes @value as a JSON string, quotes included: `"` and `\` escaped,
 * control characters as `\n`, `\t`… or `\u00XX`, bytes that are not UTF-8
 * as U+FFFD. What else a terminal would act upon (see
 * rg_cli_is_unsafe_char ()) is written `\uXXXX` too: the value is the
 * same, and JSON printed to a terminal cannot change it.
 */
void
rg_cli_json_escape (GString    *out,
                    const char *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  valid = g_utf8_make_valid (value, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          /* Every unsafe character is in the BMP: one escape each */
          if (rg_cli_is_unsafe_char (u))
            g_string_append_printf (out, "\\u%04x", u);
          else
            g_string_append_len (out, p, next - p);
          p = next - 1;
          continue;
        }

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\t':
          g_string_append (out, "\\t");
          break;

        case '\b':
          g_string_append (out, "\\b");
          break;

        case '\f':
          g_string_append (out, "\\f");
          break;

        default:
          if (rg_cli_is_unsafe_char (c))
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/**
 * rg_cli_json_member:
 * @json: a writer inside an object
 * @name: the member's name
 *
 * Writes a member name; the next value written is its value.
 */
void
rg_cli_json_member (RgCliJson  *json,
                    const char *name)
{
  before_value (json);
  rg_cli_json_escape (json->out, name);
  g_string_append (json->out, ": ");
  json->after_member = TRUE;
}

void
rg_cli_json_string (RgCliJson  *json,
                    const char *value)
{
  before_value (json);
  rg_cli_json_escape (json->out, value);
}

void
rg_cli_json_uint (RgCliJson *json,
                  guint64    value)
{
  before_value (json);
  g_string_append_printf (json->out, "%" G_GUINT64_FORMAT, value);
}

/**
 * rg_cli_json_double:
 * @json: a writer
 * @value: a number
 *
 * Writes @value with a dot for decimal separator whatever the locale,
 * to four decimals (enough for a share); JSON has no infinity nor NaN,
 * which are written `null`.
 */
void
rg_cli_json_double (RgCliJson *json,
                    double     value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  before_value (json);
  if (!isfinite (value))
    {
      g_string_append (json->out, "null");
      return;
    }

  g_string_append (json->out, g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

void
rg_cli_json_boolean (RgCliJson *json,
                     gboolean   value)
{
  before_value (json);
  g_string_append (json->out, value ? "true" : "false");
}

void
rg_cli_json_null (RgCliJson *json)
{
  before_value (json);
  g_string_append (json->out, "null");
}
