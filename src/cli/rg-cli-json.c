/* rg-cli-json.c — printing what a JsonBuilder built, as regards-cli does
 *
 * The commands build their answer with json-glib's JsonBuilder, and
 * json-glib writes each name, string, integer, boolean and null. The
 * layout around them is done here, because JsonGenerator 1.6 would change
 * what regards-cli has always printed: it writes `"name" : value`, a
 * double to seventeen digits and infinity as `inf`, which is not JSON.
 *
 * Two things are added to json-glib's escaping. It passes on bytes that
 * are not UTF-8 (file names are bytes): they become U+FFFD, so the output
 * is always valid JSON. And it leaves as they are characters a terminal
 * would act upon (see rg_cli_is_unsafe_char ()): they are written
 * `\uXXXX`, the same value for a JSON reader, harmless on a terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "rg-cli-display.h"
#include "rg-cli-json.h"

static void
newline (GString *out,
         guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* A string, number, boolean or null, as json-glib writes it */
static void
write_scalar (JsonGenerator *generator,
              GString       *out,
              JsonNode      *node)
{
  g_autofree char *text = NULL;
  g_autofree char *valid = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Every unsafe character is in the BMP: one escape each */
      if (rg_cli_is_unsafe_char (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

static void
write_name (JsonGenerator *generator,
            GString       *out,
            const char    *name)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), name);

  write_scalar (generator, out, node);
  g_string_append (out, ": ");
}

/* A dot for decimal separator whatever the locale, four decimals (enough
 * for a share), and `null` for what JSON has no number for. */
static void
write_double (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

static void
write_node (JsonGenerator *generator,
            GString       *out,
            JsonNode      *node,
            guint          depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        guint n = 0;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (n++ > 0)
              g_string_append_c (out, ',');
            newline (out, depth + 1);
            write_name (generator, out, name);
            write_node (generator, out, member, depth + 1);
          }
        if (n > 0)
          newline (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < length; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            newline (out, depth + 1);
            write_node (generator, out, json_array_get_element (array, i), depth + 1);
          }
        if (length > 0)
          newline (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        write_double (out, json_node_get_double (node));
      else
        write_scalar (generator, out, node);
      break;

    case JSON_NODE_NULL:
    default:
      write_scalar (generator, out, node);
      break;
    }
}

/**
 * rg_cli_json_to_string:
 * @builder: a builder whose containers are all closed
 *
 * Writes what @builder built as rg_cli_json_print () prints it, for a
 * command that writes its JSON to a file.
 *
 * Returns: (transfer full): the JSON text, ending with a newline
 */
char *
rg_cli_json_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *out = g_string_new (NULL);

  g_assert (root != NULL);

  write_node (generator, out, root, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/**
 * rg_cli_json_print:
 * @builder: a builder whose containers are all closed
 *
 * Prints what @builder built on the standard output, indented by two
 * spaces per level, with a newline at the end. A %NULL string is `null`,
 * a double is written to four decimals.
 */
void
rg_cli_json_print (JsonBuilder *builder)
{
  g_autofree char *text = rg_cli_json_to_string (builder);

  fputs (text, stdout);
}
