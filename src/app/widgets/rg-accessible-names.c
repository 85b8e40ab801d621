/* rg-accessible-names.c — accessible names without mnemonic underscores
 *
 * A button, a check button or a row whose label has a mnemonic
 * ("_Reveal Authors", "A_greed") gives that label, underscore and all,
 * as its accessible name in GTK 4.8 and libadwaita 1.2: a screen reader
 * spelt "underscore Reveal Authors". Rather than give every such widget
 * of every view a second, translated name, the application watches the
 * labels of all of them, and names each by its label without the
 * underscore, as the screen shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-accessible-names"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "rg-accessible-names.h"

/**
 * rg_accessible_strip_mnemonic:
 * @label: (nullable): a label with mnemonics, as GtkLabel reads one
 *   with #GtkLabel:use-underline
 *
 * Returns: (transfer full) (nullable): @label as it shows: an
 *   underscore before a letter is dropped, and two stand for one
 */
char *
rg_accessible_strip_mnemonic (const char *label)
{
  GString *text;

  if (label == NULL)
    return NULL;

  text = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            p++;
          else if (p[1] != '\0')
            continue;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* What shows the label of @widget, if it is one of the widgets named
 * by a label with mnemonics: the widget itself, or the label it holds
 * (a stack switcher's buttons); and the property of the label. */
static GObject *
label_source (GtkWidget   *widget,
              const char **property,
              gboolean    *always)
{
  GtkWidget *child;
  g_autofree char *label = NULL;

  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      *property = "title";
      return G_OBJECT (widget);
    }

  if (!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
    return NULL;

  g_object_get (widget, "label", &label, NULL);
  *property = "label";
  if (label != NULL)
    return G_OBJECT (widget);

  child = gtk_widget_get_first_child (widget);
  if (GTK_IS_LABEL (child) && gtk_widget_get_next_sibling (child) == NULL)
    return G_OBJECT (child);

  /* An icon beside a label, in a box: GTK names such a button by its
   * type ("GtkButton"), so its label names it whatever it holds */
  if (GTK_IS_BOX (child) && gtk_widget_get_next_sibling (child) == NULL)
    {
      GtkWidget *found = NULL;

      for (GtkWidget *w = gtk_widget_get_first_child (child); w != NULL;
           w = gtk_widget_get_next_sibling (w))
        {
          if (!GTK_IS_LABEL (w))
            continue;
          if (found != NULL)
            return NULL;
          found = w;
        }

      if (found != NULL)
        {
          *always = TRUE;
          return G_OBJECT (found);
        }
    }

  return NULL;
}

static void
update_name (GtkWidget *widget)
{
  GObject *source = g_object_get_data (G_OBJECT (widget), "rg-label-source");
  const char *property = g_object_get_data (G_OBJECT (widget), "rg-label-property");
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  gboolean use_underline = FALSE;

  g_object_get (source, property, &label, "use-underline", &use_underline, NULL);
  if (label == NULL ||
      (!g_object_get_data (G_OBJECT (widget), "rg-label-always") &&
       (!use_underline || strchr (label, '_') == NULL)))
    return;

  /* GTK gave the label as it is when it was set; this comes after. */
  name = use_underline ? rg_accessible_strip_mnemonic (label) : g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* A widget is realized before a screen reader can see it: from then
 * on, its name follows its label. */
static gboolean
on_realize (GSignalInvocationHint *hint,
            guint                  n_values,
            const GValue          *values,
            gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  const char *property = NULL;
  gboolean always = FALSE;
  GObject *source;
  g_autofree char *detailed = NULL;

  if (g_object_get_data (G_OBJECT (widget), "rg-label-source") != NULL ||
      (source = label_source (widget, &property, &always)) == NULL)
    return TRUE;

  g_object_set_data (G_OBJECT (widget), "rg-label-always", GINT_TO_POINTER (always));

  /* The source is the widget or its child: it lives as long. */
  g_object_set_data (G_OBJECT (widget), "rg-label-source", source);
  g_object_set_data (G_OBJECT (widget), "rg-label-property", (gpointer) property);
  detailed = g_strconcat ("notify::", property, NULL);
  g_signal_connect_object (source, detailed, G_CALLBACK (update_name), widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::use-underline", G_CALLBACK (update_name), widget,
                           G_CONNECT_SWAPPED);
  update_name (widget);

  return TRUE;
}

/**
 * rg_accessible_names_init:
 *
 * From now on, names every button, check button, menu button and row
 * whose label has a mnemonic by that label without its underscore, as
 * soon as it is realized. Called once, when the application starts.
 */
void
rg_accessible_names_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Its signals exist once the class does */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  on_realize, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&done, 1);
    }
}
