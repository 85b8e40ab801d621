/* rg-icon-label.c — a symbolic icon and a word on one line, for lists
 * of thousands
 *
 * It shows what a horizontal GtkBox of a GtkImage and an ellipsized
 * GtkLabel shows, for a fraction of what they cost: a view scrolled
 * through thousands of statement cards makes one for every card that
 * comes into view. The word is laid out once for all the lines that
 * show it in the same font at the same width, and the icon is coloured
 * once for all the icons of its colour. (GTK 4.8 recolours a symbolic
 * icon at every frame through a colour matrix, which its cairo renderer
 * applies pixel by pixel.)
 *
 * Its CSS nodes are the box's: its own, holding the word, then an
 * `image` for the icon, which takes its colour from the style sheet.
 * The word is drawn in the line's font and colour; the style sheet's
 * text decorations and letter spacing do not apply to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-icon-label"

#include "config.h"

#include <string.h>

#include "rg-icon-label.h"
#include "rg-style.h"

#define ICON_SIZE 16
#define SPACING 6

/* How many laid-out words, or coloured icons, are kept at most: few
 * words, fonts, widths and colours are ever shown together. */
#define MAX_CACHED 256

/* What a word was laid out for */
typedef struct
{
  PangoFontDescription *font;
  double                resolution;
  gulong                options;    /* the hash of the font options */
  PangoDirection        direction;
  int                   width;
  char                 *label;
} LayoutKey;

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return pango_font_description_hash (key->font) ^ g_str_hash (key->label) ^
         (guint) key->width * 31 ^ (guint) key->options ^ (guint) key->direction;
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *one = a, *other = b;

  return one->width == other->width && one->resolution == other->resolution &&
         one->options == other->options && one->direction == other->direction &&
         strcmp (one->label, other->label) == 0 &&
         pango_font_description_equal (one->font, other->font);
}

static void
layout_key_free (gpointer data)
{
  LayoutKey *key = data;

  pango_font_description_free (key->font);
  g_free (key->label);
  g_free (key);
}

/* Shared by all lines, keyed by what they were made for: the words
 * laid out (LayoutKey), the icons coloured (a string). */
static GHashTable *layouts;
static GHashTable *textures;

static gpointer
cache_lookup (GHashTable    *cache,
              gconstpointer  key)
{
  return cache != NULL ? g_hash_table_lookup (cache, key) : NULL;
}

/* Takes @key */
static void
cache_insert (GHashTable     **cache,
              GHashFunc        hash,
              GEqualFunc       equal,
              GDestroyNotify   free_key,
              gpointer         key,
              gpointer         value)
{
  if (*cache == NULL)
    *cache = g_hash_table_new_full (hash, equal, free_key, g_object_unref);
  if (g_hash_table_size (*cache) >= MAX_CACHED)
    g_hash_table_remove_all (*cache);
  g_hash_table_insert (*cache, key, value);
}

/* {{{ The icon */

#define RG_TYPE_ICON_LABEL_ICON (rg_icon_label_icon_get_type ())

G_DECLARE_FINAL_TYPE (RgIconLabelIcon, rg_icon_label_icon, RG, ICON_LABEL_ICON, GtkWidget)

struct _RgIconLabelIcon
{
  GtkWidget  parent_instance;

  char      *icon_name;
};

G_DEFINE_FINAL_TYPE (RgIconLabelIcon, rg_icon_label_icon, GTK_TYPE_WIDGET)

/* @icon_name drawn in @color, @scale device pixels to a pixel */
static GdkTexture *
make_texture (GtkWidget     *widget,
              const char    *icon_name,
              const GdkRGBA *color,
              int            scale)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkRGBA colors[] = { *color, *color, *color, *color };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int pixels = ICON_SIZE * scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels, pixels);
  cairo_t *cr = cairo_create (surface);
  int stride = cairo_image_surface_get_stride (surface);

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, ICON_SIZE, scale,
                                     gtk_widget_get_direction (widget), 0);
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, pixels, pixels,
                                            colors, G_N_ELEMENTS (colors));
  if ((node = gtk_snapshot_free_to_node (snapshot)) != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* GDK's default memory format is cairo's ARGB32 */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * pixels);
  cairo_surface_destroy (surface);

  return gdk_memory_texture_new (pixels, pixels, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
rg_icon_label_icon_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  RgIconLabelIcon *self = RG_ICON_LABEL_ICON (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  g_autofree char *colour = NULL;
  g_autofree char *key = NULL;
  GdkTexture *texture;
  GdkRGBA color;

  if (self->icon_name == NULL)
    return;

  rg_style_get_color (widget, &color);
  colour = gdk_rgba_to_string (&color);
  key = g_strdup_printf ("%s\x1f%d\x1f%d\x1f%s", self->icon_name, scale,
                         gtk_widget_get_direction (widget), colour);
  if (!(texture = cache_lookup (textures, key)))
    cache_insert (&textures, g_str_hash, g_str_equal, g_free, g_strdup (key),
                  texture = make_texture (widget, self->icon_name, &color, scale));

  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT ((gtk_widget_get_width (widget) - ICON_SIZE) / 2,
                                                    (gtk_widget_get_height (widget) - ICON_SIZE) / 2,
                                                    ICON_SIZE, ICON_SIZE));
}

static void
rg_icon_label_icon_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = ICON_SIZE;
}

static void
rg_icon_label_icon_finalize (GObject *object)
{
  g_free (RG_ICON_LABEL_ICON (object)->icon_name);

  G_OBJECT_CLASS (rg_icon_label_icon_parent_class)->finalize (object);
}

static void
rg_icon_label_icon_class_init (RgIconLabelIconClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rg_icon_label_icon_finalize;
  widget_class->snapshot = rg_icon_label_icon_snapshot;
  widget_class->measure = rg_icon_label_icon_measure;

  gtk_widget_class_set_css_name (widget_class, "image");
  /* The word says it all */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
rg_icon_label_icon_init (RgIconLabelIcon *self)
{
}

/* }}} */

struct _RgIconLabel
{
  GtkWidget        parent_instance;

  RgIconLabelIcon *icon;
  char            *label;
};

G_DEFINE_FINAL_TYPE (RgIconLabel, rg_icon_label, GTK_TYPE_WIDGET)

/* The word laid out in the line's font, ellipsized to @width, or
 * whole for -1 */
static PangoLayout *
get_layout (RgIconLabel *self,
            int          width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  LayoutKey key = {
    .font = (PangoFontDescription *) pango_context_get_font_description (context),
    .resolution = pango_cairo_context_get_resolution (context),
    .options = options != NULL ? cairo_font_options_hash (options) : 0,
    .direction = pango_context_get_base_dir (context),
    .width = width,
    .label = self->label,
  };
  LayoutKey *kept;
  PangoLayout *layout;

  if ((layout = cache_lookup (layouts, &key)) != NULL)
    return layout;

  layout = pango_layout_new (context);
  pango_layout_set_text (layout, self->label, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (width >= 0)
    pango_layout_set_width (layout, width * PANGO_SCALE);

  kept = g_memdup2 (&key, sizeof key);
  kept->font = pango_font_description_copy (key.font);
  kept->label = g_strdup (key.label);
  cache_insert (&layouts, layout_key_hash, layout_key_equal, layout_key_free, kept, layout);

  return layout;
}

static void
rg_icon_label_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RgIconLabel *self = RG_ICON_LABEL (widget);
  PangoRectangle whole, ellipsis;

  pango_layout_get_pixel_extents (get_layout (self, -1), NULL, &whole);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As small as an ellipsis */
      pango_layout_get_pixel_extents (get_layout (self, 0), NULL, &ellipsis);
      *minimum = ICON_SIZE + SPACING + MIN (ellipsis.width, whole.width);
      *natural = ICON_SIZE + SPACING + whole.width;
    }
  else
    *minimum = *natural = MAX (ICON_SIZE, whole.height);
}

static gboolean
is_rtl (GtkWidget *widget)
{
  return gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
}

static void
rg_icon_label_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RgIconLabel *self = RG_ICON_LABEL (widget);

  gtk_widget_size_allocate (GTK_WIDGET (self->icon),
                            &(GtkAllocation) { is_rtl (widget) ? width - ICON_SIZE : 0, 0,
                                               ICON_SIZE, height },
                            -1);
}

static void
rg_icon_label_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RgIconLabel *self = RG_ICON_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int text_width = MAX (0, width - ICON_SIZE - SPACING);
  PangoLayout *layout = get_layout (self, text_width);
  PangoRectangle logical;
  GdkRGBA color;
  int x;

  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->icon), snapshot);

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = is_rtl (widget) ? text_width - logical.width : ICON_SIZE + SPACING;
  rg_style_get_color (widget, &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (x - logical.x,
                                                (gtk_widget_get_height (widget) - logical.height) / 2 - logical.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
rg_icon_label_dispose (GObject *object)
{
  RgIconLabel *self = RG_ICON_LABEL (object);

  if (self->icon != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->icon));
  self->icon = NULL;

  G_OBJECT_CLASS (rg_icon_label_parent_class)->dispose (object);
}

static void
rg_icon_label_finalize (GObject *object)
{
  g_free (RG_ICON_LABEL (object)->label);

  G_OBJECT_CLASS (rg_icon_label_parent_class)->finalize (object);
}

static void
rg_icon_label_class_init (RgIconLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rg_icon_label_dispose;
  object_class->finalize = rg_icon_label_finalize;
  widget_class->measure = rg_icon_label_measure;
  widget_class->size_allocate = rg_icon_label_size_allocate;
  widget_class->snapshot = rg_icon_label_snapshot;

  gtk_widget_class_set_css_name (widget_class, "icon-label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rg_icon_label_init (RgIconLabel *self)
{
  self->label = g_strdup ("");
  self->icon = g_object_new (RG_TYPE_ICON_LABEL_ICON, NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->icon), GTK_WIDGET (self));
}

/**
 * rg_icon_label_new:
 *
 * Returns: (transfer floating): a new line, with neither icon nor word
 */
GtkWidget *
rg_icon_label_new (void)
{
  return g_object_new (RG_TYPE_ICON_LABEL, NULL);
}

/**
 * rg_icon_label_set:
 * @self: a #RgIconLabel
 * @icon_name: (nullable): the name of a symbolic icon
 * @label: the word, also what a screen reader reads
 *
 * Shows @icon_name and @label.
 */
void
rg_icon_label_set (RgIconLabel *self,
                   const char  *icon_name,
                   const char  *label)
{
  g_return_if_fail (RG_IS_ICON_LABEL (self));
  g_return_if_fail (label != NULL);

  if (g_strcmp0 (self->icon->icon_name, icon_name) != 0)
    {
      g_free (self->icon->icon_name);
      self->icon->icon_name = g_strdup (icon_name);
      gtk_widget_queue_draw (GTK_WIDGET (self->icon));
    }

  if (g_strcmp0 (self->label, label) != 0)
    {
      g_free (self->label);
      self->label = g_strdup (label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

/**
 * rg_icon_label_get_label:
 *
 * Returns: the word shown
 */
const char *
rg_icon_label_get_label (RgIconLabel *self)
{
  g_return_val_if_fail (RG_IS_ICON_LABEL (self), NULL);

  return self->label;
}
