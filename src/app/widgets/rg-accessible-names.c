/* rg-accessible-names.c — accessible names and states a screen reader can say
 *
 * A button, a check button or a row whose label has a mnemonic
 * ("_Reveal Authors", "A_greed") gives that label, underscore and all,
 * as its accessible name in GTK 4.8 and libadwaita 1.2: a screen reader
 * spelt "underscore Reveal Authors". Rather than give every such widget
 * of every view a second, translated name, the application watches the
 * labels of all of them, and names each by its label without the
 * underscore, as the screen shows it.
 *
 * GTK 4.8 also names a widget nobody named after its type: a screen
 * reader said "GtkImage" for the icon of a button, "GtkToggleButton"
 * for a drop-down. The same watch gives such inner parts of the
 * toolkit's widgets an empty name, a drop-down's button the drop-down's
 * current value, and a toggle button, which GTK 4.8 shows as a plain
 * push button, its state as its description ("on").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-accessible-names"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
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
  /* GTK 4.8 also labels a button by its label widget, and says both
   * names in a row: "Create Create". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static gboolean
is_type (GtkWidget  *widget,
         const char *name)
{
  return g_strcmp0 (G_OBJECT_TYPE_NAME (widget), name) == 0;
}

/* The parts of the toolkit's widgets that show nothing a screen reader
 * should say, and which GTK 4.8 would name after their types */
static gboolean
is_unnamed_part (GtkWidget *widget)
{
  /* No image of Regards means more than the words beside it: in a
   * button, a row, an entry, a count */
  if (GTK_IS_IMAGE (widget))
    return TRUE;

  if (GTK_IS_SCROLLBAR (widget))
    return TRUE;

  /* The list a combo row shows its value in: the row says it */
  if (GTK_IS_LIST_VIEW (widget))
    return gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL;

  /* A place in a flow that the keyboard passes by: what it holds
   * speaks for itself */
  if (GTK_IS_FLOW_BOX_CHILD (widget))
    return !gtk_widget_get_focusable (widget);

  /* The selected item shown in a drop-down's button: the button says
   * it. In a list, the item is a list item, named by its content. */
  if (is_type (widget, "GtkListItemWidget"))
    return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) !=
           GTK_ACCESSIBLE_ROLE_LIST_ITEM;

  return FALSE;
}

/* The text a drop-down or a combo row shows for @item */
static char *
item_text (gpointer       item,
           GtkExpression *expression)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);

  return NULL;
}

/* A drop-down's button, which takes the keyboard, says the value, and
 * the drop-down's description too: GTK 4.8 gives neither. */
static void
update_drop_down (GtkDropDown *drop_down)
{
  g_autofree char *value = item_text (gtk_drop_down_get_selected_item (drop_down),
                                      gtk_drop_down_get_expression (drop_down));
  const char *shown = value != NULL && *value != '\0' ? value : C_("drop-down", "None");

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

/* A combo row says its value after its title, as a drop-down does */
static void
update_combo_row (AdwComboRow *row)
{
  g_autofree char *value = item_text (adw_combo_row_get_selected_item (row),
                                      adw_combo_row_get_expression (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  value != NULL && *value != '\0' ? value : C_("drop-down", "None"),
                                  -1);
}

/* A preferences group's list of rows is named by the group's title,
 * when it has one; else by nothing rather than its type */
static void
name_group_list (GtkWidget *list)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (list,
                                                                              ADW_TYPE_PREFERENCES_GROUP));
  const char *title = adw_preferences_group_get_title (group);

  if (title == NULL || *title == '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
}

/* A toggle button of its own (not a menu button's or a drop-down's,
 * nor a view switcher's tab) */
static gboolean
is_plain_toggle (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_TOGGLE_BUTTON (widget) &&
         gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_BUTTON &&
         !GTK_IS_MENU_BUTTON (parent) && !GTK_IS_DROP_DOWN (parent);
}

/* Says "on" or "off" after a toggle button's role, before its tooltip:
 * GTK 4.8 exposes its pressed state, but as a push button's, which
 * screen readers do not say. */
static void
update_toggle (GtkToggleButton *toggle)
{
  const char *tooltip = g_object_get_data (G_OBJECT (toggle), "rg-accessible-hint");
  /* Translators: said by a screen reader after a toggle button's name
   * and role: "Meeting Mode push button on". */
  const char *state = gtk_toggle_button_get_active (toggle) ? C_("toggle", "on")
                                                            : C_("toggle", "off");
  g_autofree char *description = NULL;

  if (tooltip == NULL)
    tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (toggle));

  if (tooltip != NULL && *tooltip != '\0' && g_strcmp0 (tooltip, state) != 0)
    /* Translators: a toggle button's state, then its tooltip */
    description = g_strdup_printf (C_("toggle", "%s. %s"), state, tooltip);
  else
    description = g_strdup (state);

  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* Only the page a view stack shows is there for a screen reader: its
 * other pages keep their size, and a screen reader's review of the
 * window read all of them. */
static void
update_view_stack (AdwViewStack *stack)
{
  GtkWidget *shown = adw_view_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != shown, -1);
}

/* A stack's page is named by its title, underscore and all: named
 * again without it. */
static void
update_stack_page (GtkStackPage *page)
{
  g_autofree char *name = rg_accessible_strip_mnemonic (gtk_stack_page_get_title (page));

  if (gtk_stack_page_get_use_underline (page) && name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
watch_stack_pages (GtkStack *stack)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStackPage *page = gtk_stack_get_page (stack, child);

      if (page == NULL || g_object_get_data (G_OBJECT (page), "rg-accessible-watched") != NULL)
        continue;
      g_object_set_data (G_OBJECT (page), "rg-accessible-watched", GINT_TO_POINTER (TRUE));
      g_signal_connect (page, "notify::title", G_CALLBACK (update_stack_page), NULL);
      update_stack_page (page);
    }
}

/* The toolkit's widgets named, described and quieted as the top of
 * the file says; once for each, when it is realized */
static void
watch_toolkit_parts (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), "rg-accessible-watched") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "rg-accessible-watched", GINT_TO_POINTER (TRUE));

  if (is_unnamed_part (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  /* An icon button is labelled by its icon too, which added "GtkImage"
   * to its name, or a space once the icon is unnamed */
  if (GTK_IS_BUTTON (widget) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  if (ADW_IS_VIEW_SWITCHER (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Views"), -1);

  if (GTK_IS_STACK (widget))
    watch_stack_pages (GTK_STACK (widget));

  if (ADW_IS_VIEW_STACK (widget))
    {
      g_signal_connect (widget, "notify::visible-child", G_CALLBACK (update_view_stack), NULL);
      update_view_stack (ADW_VIEW_STACK (widget));
    }

  if (ADW_IS_COMBO_ROW (widget))
    {
      g_signal_connect (widget, "notify::selected-item", G_CALLBACK (update_combo_row), NULL);
      update_combo_row (ADW_COMBO_ROW (widget));
    }

  if (GTK_IS_LIST_BOX (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP))
    name_group_list (widget);

  if (GTK_IS_DROP_DOWN (widget))
    {
      g_signal_connect (widget, "notify::selected-item", G_CALLBACK (update_drop_down), NULL);
      update_drop_down (GTK_DROP_DOWN (widget));
    }

  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)))
    update_drop_down (GTK_DROP_DOWN (gtk_widget_get_parent (widget)));

  if (is_plain_toggle (widget))
    {
      g_signal_connect (widget, "notify::active", G_CALLBACK (update_toggle), NULL);
      g_signal_connect (widget, "notify::tooltip-text", G_CALLBACK (update_toggle), NULL);
      update_toggle (GTK_TOGGLE_BUTTON (widget));
    }
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

  watch_toolkit_parts (widget);

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
 * rg_accessible_set_hint:
 * @widget: a widget
 * @hint: (nullable): what activating @widget does, as a tooltip says it
 *
 * Gives @widget @hint as its accessible description, without the cost
 * of a tooltip's text; a toggle button's description keeps it after
 * its state ("on. Open this link again").
 */
void
rg_accessible_set_hint (GtkWidget  *widget,
                        const char *hint)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), "rg-accessible-hint", g_strdup (hint), g_free);
  if (g_object_get_data (G_OBJECT (widget), "rg-accessible-watched") != NULL &&
      is_plain_toggle (widget))
    update_toggle (GTK_TOGGLE_BUTTON (widget));
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint ? hint : "", -1);
}

/**
 * rg_accessible_names_init:
 *
 * From now on, names every button, check button, menu button and row
 * whose label has a mnemonic by that label without its underscore, as
 * soon as it is realized; quiets the toolkit's inner parts, and says
 * drop-downs' values and toggle buttons' states. Called once, when the
 * application starts.
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
