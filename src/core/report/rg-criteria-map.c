/* rg-criteria-map.c — the success criteria as a map, laid out and drawn
 *
 * The situation sits in the centre; the categories stand around it,
 * the first at the top right and the others clockwise, half on each
 * side; each category's criteria branch out from it towards the edge.
 * Boxes of one side are stacked in columns, so they never overlap: the
 * layout picks the largest text that lets every column fit the canvas,
 * which keeps the map readable on a projector whatever its size.
 *
 * Drawing needs nothing but cairo and Pango, so the same code draws the
 * map in the application and in the PNG and SVG files it exports.
 * Agreed criteria carry a check mark, the word “Agreed” and a solid
 * border: colour is never the only sign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-criteria-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <cairo-svg.h>

#include "rg-bidi.h"
#include "rg-cairo-stream.h"
#include "rg-criteria-map.h"

/* Largest and smallest text of the criteria, in pixels */
#define MAX_FONT_SIZE 40.0
#define MIN_FONT_SIZE 1.0
#define FONT_STEP     0.92

#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"

typedef struct
{
  RgCriteriaMapNodeKind  kind;
  cairo_rectangle_t      area;
  char                  *text;
  PangoLayout           *layout;
  guint                  colour;
  guint                  parent;   /* the node it branches from */
  guint                  left : 1;
  guint                  agreed : 1;
  guint                  met : 1;
  guint                  placeholder : 1;
} Node;

/* The line under a criterion agreed, met, or both */
typedef enum
{
  BADGE_AGREED,
  BADGE_MET,
  BADGE_AGREED_MET,
  N_BADGES
} Badge;

static const char *
badge_text (Badge badge)
{
  switch (badge)
    {
    case BADGE_AGREED:     return _("Agreed");
    case BADGE_MET:        return _("Met");
    case BADGE_AGREED_MET: return _("Agreed, met");
    case N_BADGES:
    default:               g_assert_not_reached ();
    }
}

/* Only for a criterion agreed or met */
static Badge
criterion_badge (gboolean agreed,
                 gboolean met)
{
  return agreed && met ? BADGE_AGREED_MET : met ? BADGE_MET : BADGE_AGREED;
}

static Badge
node_badge (const Node *node)
{
  return criterion_badge (node->agreed, node->met);
}

struct _RgCriteriaMap
{
  GObject       parent_instance;

  double        width;
  double        height;
  double        font_size;

  PangoContext *context;
  PangoLayout  *badge_layouts[N_BADGES];
  GArray       *nodes;           /* Node */
};

G_DEFINE_FINAL_TYPE (RgCriteriaMap, rg_criteria_map, G_TYPE_OBJECT)

/**
 * rg_criteria_map_error_quark:
 *
 * Returns: the error domain of #RgCriteriaMapError
 */
G_DEFINE_QUARK (rg-criteria-map-error-quark, rg_criteria_map_error)

/* Dark enough for white text on them, and told apart by their names
 * anyway. */
static const char *category_colours[] = {
  "#1a5fb4", "#26734d", "#813d9c", "#a34200", "#865e3c", "#a51d2d",
};

#define CENTRE_COLOUR "#241f31"
#define TEXT_COLOUR   "#241f31"
#define DIM_COLOUR    "#77767b"

static void
set_source_hex (cairo_t    *cr,
                const char *hex,
                double      alpha)
{
  guint r = 0, g = 0, b = 0;

  if (sscanf (hex, "#%02x%02x%02x", &r, &g, &b) != 3)
    r = g = b = 0;

  cairo_set_source_rgba (cr, r / 255., g / 255., b / 255., alpha);
}

static void
node_clear (gpointer data)
{
  Node *node = data;

  g_clear_pointer (&node->text, g_free);
  g_clear_object (&node->layout);
}

static void
rg_criteria_map_finalize (GObject *object)
{
  RgCriteriaMap *self = RG_CRITERIA_MAP (object);

  g_clear_pointer (&self->nodes, g_array_unref);
  for (guint i = 0; i < N_BADGES; i++)
    g_clear_object (&self->badge_layouts[i]);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rg_criteria_map_parent_class)->finalize (object);
}

static void
rg_criteria_map_class_init (RgCriteriaMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_criteria_map_finalize;
}

static void
rg_criteria_map_init (RgCriteriaMap *self)
{
  cairo_font_options_t *options;

  self->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_set_clear_func (self->nodes, node_clear);

  /* Text measured without hinting is the same size at any scale, so
   * the boxes fit their text on screen, in a PNG and in an SVG alike. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
}

/* {{{ Layout */

static PangoLayout *
make_layout (RgCriteriaMap  *self,
             const char     *text,
             double          size,
             gboolean        bold,
             gboolean        italic,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.height / PANGO_SCALE;
}

/* Sizes that follow the text */
typedef struct
{
  double pad;
  double gap;          /* between two criteria of a category */
  double block_gap;    /* between two categories of a side */
  double column_gap;
  double margin;
  double badge;        /* height of the “Agreed” or “Met” line */
  double centre_width;
  double category_width;
  double criterion_width;
} Metrics;

/* How much of the width goes to the centre and to each category, tried
 * in turn: a roomy centre first, then wider criteria, whose text is
 * the longest, when that lets the text stay larger. */
static const struct { double centre, category; } splits[] = {
  { 0.15, 0.14 },
  { 0.12, 0.11 },
  { 0.10, 0.09 },
};

static Metrics
get_metrics (RgCriteriaMap *self,
             double         size,
             guint          split)
{
  Metrics m;

  m.pad = size * 0.6;
  m.gap = size * 0.5;
  m.block_gap = size * 1.2;
  m.margin = MAX (4, MIN (self->width, self->height) * 0.02);
  m.column_gap = MAX (size * 1.5, self->width * 0.025);
  m.badge = size * 1.2;
  m.centre_width = self->width * splits[split].centre;
  m.category_width = self->width * splits[split].category;
  m.criterion_width = MAX (1, (self->width - 2 * m.margin - m.centre_width
                               - 2 * m.category_width - 4 * m.column_gap) / 2);

  return m;
}

static const char *
situation_text (RgSession *session)
{
  const char *label = rg_session_get_situation_label (session);

  if (label != NULL && label[0] != '\0')
    return label;

  label = rg_session_get_title (session);
  if (label != NULL && label[0] != '\0')
    return label;

  return _("The situation");
}

static guint
add_node (RgCriteriaMap         *self,
          RgCriteriaMapNodeKind  kind,
          const char            *text,
          PangoLayout           *layout,
          double                 width,
          double                 height,
          guint                  parent)
{
  Node node = { 0, };

  node.kind = kind;
  node.text = g_strdup (text);
  node.layout = layout;
  node.area.width = width;
  node.area.height = height;
  node.parent = parent;
  g_array_append_val (self->nodes, node);

  return self->nodes->len - 1;
}

static Node *
get_node (RgCriteriaMap *self,
          guint          index)
{
  return &g_array_index (self->nodes, Node, index);
}

/* Stacks the categories of one side from top to bottom, and their
 * criteria beside them. Returns FALSE if they do not fit the height. */
static gboolean
place_side (RgCriteriaMap *self,
            const Metrics *m,
            GArray        *categories,
            gboolean       left)
{
  double available = self->height - 2 * m->margin;
  double total = 0;
  double spacing, y;
  double category_x, criterion_x;
  g_autofree double *blocks = NULL;

  if (categories->len == 0)
    return TRUE;

  blocks = g_new0 (double, categories->len);

  for (guint i = 0; i < categories->len; i++)
    {
      guint c = g_array_index (categories, guint, i);
      double criteria = 0;
      guint n = 0;

      for (guint j = c + 1; j < self->nodes->len && get_node (self, j)->parent == c; j++, n++)
        criteria += get_node (self, j)->area.height;
      criteria += n > 1 ? (n - 1) * m->gap : 0;

      blocks[i] = MAX (get_node (self, c)->area.height, criteria);
      total += blocks[i];
    }
  total += (categories->len - 1) * m->block_gap;

  if (total > available)
    return FALSE;

  if (left)
    {
      category_x = self->width / 2 - m->centre_width / 2 - m->column_gap - m->category_width;
      criterion_x = category_x - m->column_gap - m->criterion_width;
    }
  else
    {
      category_x = self->width / 2 + m->centre_width / 2 + m->column_gap;
      criterion_x = category_x + m->category_width + m->column_gap;
    }

  /* What is left spreads the blocks evenly over the height. */
  spacing = (available - total) / (categories->len + 1);
  y = m->margin + spacing;

  for (guint i = 0; i < categories->len; i++)
    {
      guint c = g_array_index (categories, guint, i);
      Node *category = get_node (self, c);
      double criteria = 0, cy;
      guint n = 0;

      for (guint j = c + 1; j < self->nodes->len && get_node (self, j)->parent == c; j++, n++)
        criteria += get_node (self, j)->area.height;
      criteria += n > 1 ? (n - 1) * m->gap : 0;

      category->area.x = category_x;
      category->area.y = y + (blocks[i] - category->area.height) / 2;
      category->left = left;

      cy = y + (blocks[i] - criteria) / 2;
      for (guint j = c + 1; j < self->nodes->len && get_node (self, j)->parent == c; j++)
        {
          Node *criterion = get_node (self, j);

          criterion->area.x = criterion_x;
          criterion->area.y = cy;
          criterion->left = left;
          cy += criterion->area.height + m->gap;
        }

      y += blocks[i] + m->block_gap + spacing;
    }

  return TRUE;
}

static gboolean
try_layout (RgCriteriaMap *self,
            RgSession     *session,
            double         size,
            guint          split)
{
  Metrics m = get_metrics (self, size, split);
  GListModel *categories = rg_session_get_categories (session);
  guint n_categories = g_list_model_get_n_items (categories);
  guint n_right = (n_categories + 1) / 2;
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (guint));
  PangoLayout *layout;
  Node *centre;
  double text_width;

  g_array_set_size (self->nodes, 0);
  self->font_size = size;

  for (guint b = 0; b < N_BADGES; b++)
    {
      g_clear_object (&self->badge_layouts[b]);
      self->badge_layouts[b] = make_layout (self, badge_text (b), size * 0.85, TRUE, FALSE,
                                            m.criterion_width, PANGO_ALIGN_LEFT);
    }

  text_width = m.centre_width - 2 * m.pad;
  layout = make_layout (self, situation_text (session), size * 1.45, TRUE, FALSE,
                        text_width, PANGO_ALIGN_CENTER);
  add_node (self, RG_CRITERIA_MAP_NODE_SITUATION, situation_text (session), layout,
            m.centre_width, layout_height (layout) + 2 * m.pad, G_MAXUINT);

  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);
      const char *name = rg_category_get_name (category);
      guint c;

      if (name == NULL || name[0] == '\0')
        name = _("Untitled category");

      layout = make_layout (self, name, size * 1.2, TRUE, FALSE,
                            m.category_width - 2 * m.pad, PANGO_ALIGN_CENTER);
      c = add_node (self, RG_CRITERIA_MAP_NODE_CATEGORY, name, layout,
                    m.category_width, layout_height (layout) + 2 * m.pad, 0);
      get_node (self, c)->colour = i % G_N_ELEMENTS (category_colours);

      /* The first half on the right from the top, the other half on the
       * left from the bottom up: clockwise from the top right. */
      if (i < n_right)
        g_array_append_val (right, c);
      else
        g_array_prepend_val (left, c);

      for (guint j = 0; j < g_list_model_get_n_items (criteria); j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, j);
          const char *text = rg_criterion_get_text (criterion);
          gboolean placeholder = text == NULL || text[0] == '\0';
          gboolean agreed = rg_criterion_get_agreed (criterion);
          gboolean met = rg_criterion_get_met (criterion);
          double height;
          Node *node;
          guint k;

          if (placeholder)
            text = _("New criterion");

          layout = make_layout (self, text, size, FALSE, placeholder,
                                m.criterion_width - 2 * m.pad, PANGO_ALIGN_LEFT);
          height = layout_height (layout) + 2 * m.pad + (agreed || met ? m.badge : 0);
          k = add_node (self, RG_CRITERIA_MAP_NODE_CRITERION, text, layout,
                        m.criterion_width, height, c);
          node = get_node (self, k);
          node->colour = get_node (self, c)->colour;
          node->agreed = agreed;
          node->met = met;
          node->placeholder = placeholder;
        }
    }

  centre = get_node (self, 0);
  centre->area.x = (self->width - centre->area.width) / 2;
  centre->area.y = (self->height - centre->area.height) / 2;
  if (centre->area.height > self->height - 2 * m.margin)
    return FALSE;

  return place_side (self, &m, right, FALSE) && place_side (self, &m, left, TRUE);
}

/**
 * rg_criteria_map_new:
 * @session: a #RgSession
 * @width: the width of the canvas, in pixels
 * @height: its height
 *
 * Lays out the success criteria of @session on a canvas of the given
 * size: the situation in the centre, the categories around it, the
 * criteria as branches of their category. The text is as large as lets
 * every box fit the canvas without overlapping another.
 *
 * The map is a picture of the session at the time it is made: make a
 * new one when the session changes.
 *
 * Returns: (transfer full): the map
 */
RgCriteriaMap *
rg_criteria_map_new (RgSession *session,
                     double     width,
                     double     height)
{
  RgCriteriaMap *self;
  double size;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  self = g_object_new (RG_TYPE_CRITERIA_MAP, NULL);
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);

  /* The largest text that fits, with the roomiest centre at that size.
   * On a canvas too small for anything, the last try stays. */
  size = CLAMP (MIN (self->width, self->height) / 36, 6, MAX_FONT_SIZE);
  for (;;)
    {
      for (guint split = 0; split < G_N_ELEMENTS (splits); split++)
        if (try_layout (self, session, size, split))
          return self;

      if (size <= MIN_FONT_SIZE)
        return self;

      size = MAX (size * FONT_STEP, MIN_FONT_SIZE);
    }
}

double
rg_criteria_map_get_width (RgCriteriaMap *self)
{
  g_return_val_if_fail (RG_IS_CRITERIA_MAP (self), 0);

  return self->width;
}

double
rg_criteria_map_get_height (RgCriteriaMap *self)
{
  g_return_val_if_fail (RG_IS_CRITERIA_MAP (self), 0);

  return self->height;
}

/**
 * rg_criteria_map_get_font_size:
 * @self: a #RgCriteriaMap
 *
 * Returns: the size of the criteria's text, in pixels, that the layout
 *   chose to fit the canvas
 */
double
rg_criteria_map_get_font_size (RgCriteriaMap *self)
{
  g_return_val_if_fail (RG_IS_CRITERIA_MAP (self), 0);

  return self->font_size;
}

/**
 * rg_criteria_map_get_n_nodes:
 * @self: a #RgCriteriaMap
 *
 * Returns: the number of boxes: the situation, each category and each
 *   criterion
 */
guint
rg_criteria_map_get_n_nodes (RgCriteriaMap *self)
{
  g_return_val_if_fail (RG_IS_CRITERIA_MAP (self), 0);

  return self->nodes->len;
}

/**
 * rg_criteria_map_get_node:
 * @self: a #RgCriteriaMap
 * @index: which box: 0 is the situation, then each category followed by
 *   its criteria, in the order of the session
 * @kind: (out) (optional): what the box shows
 * @area: (out) (optional): where it is
 * @text: (out) (optional) (transfer none): its text
 *
 * Returns: %TRUE if there is such a box
 */
gboolean
rg_criteria_map_get_node (RgCriteriaMap          *self,
                          guint                   index,
                          RgCriteriaMapNodeKind  *kind,
                          cairo_rectangle_t      *area,
                          const char            **text)
{
  Node *node;

  g_return_val_if_fail (RG_IS_CRITERIA_MAP (self), FALSE);

  if (index >= self->nodes->len)
    return FALSE;

  node = get_node (self, index);
  if (kind != NULL)
    *kind = node->kind;
  if (area != NULL)
    *area = node->area;
  if (text != NULL)
    *text = node->text;

  return TRUE;
}

/* }}} */
/* {{{ Drawing */

static void
rounded_rectangle (cairo_t                 *cr,
                   const cairo_rectangle_t *area,
                   double                   radius)
{
  double x = area->x, y = area->y, w = area->width, h = area->height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A curve from the side of @from facing @to to the side of @to facing
 * @from, leaving and arriving level. */
static void
draw_branch (cairo_t   *cr,
             const Node *from,
             const Node *to,
             double      line_width)
{
  double x1, y1, x2, y2, middle;

  y1 = from->area.y + from->area.height / 2;
  y2 = to->area.y + to->area.height / 2;
  if (to->left)
    {
      x1 = from->area.x;
      x2 = to->area.x + to->area.width;
    }
  else
    {
      x1 = from->area.x + from->area.width;
      x2 = to->area.x;
    }

  middle = (x1 + x2) / 2;
  set_source_hex (cr, category_colours[to->colour], 1.0);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x1, y1);
  cairo_curve_to (cr, middle, y1, middle, y2, x2, y2);
  cairo_stroke (cr);
}

static void
draw_check (cairo_t *cr,
            double   x,
            double   y,
            double   size,
            guint    colour)
{
  /* A filled disc with a white tick: drawn, not a glyph, so it shows
   * whatever fonts the machine has. */
  set_source_hex (cr, category_colours[colour], 1.0);
  cairo_arc (cr, x + size / 2, y + size / 2, size / 2, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, size * 0.14);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, x + size * 0.27, y + size * 0.52);
  cairo_line_to (cr, x + size * 0.44, y + size * 0.69);
  cairo_line_to (cr, x + size * 0.74, y + size * 0.34);
  cairo_stroke (cr);
}

static void
draw_node (RgCriteriaMap *self,
           cairo_t       *cr,
           const Node    *node)
{
  double size = self->font_size;
  double pad = size * 0.6;
  double radius = size * 0.5;

  switch (node->kind)
    {
    case RG_CRITERIA_MAP_NODE_SITUATION:
      rounded_rectangle (cr, &node->area, radius * 2);
      set_source_hex (cr, CENTRE_COLOUR, 1.0);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      break;

    case RG_CRITERIA_MAP_NODE_CATEGORY:
      rounded_rectangle (cr, &node->area, radius * 1.5);
      set_source_hex (cr, category_colours[node->colour], 1.0);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      break;

    case RG_CRITERIA_MAP_NODE_CRITERION:
      {
        /* The border stays inside the box. */
        double line = node->agreed ? size * 0.18 : size * 0.1;
        cairo_rectangle_t inner = {
          node->area.x + line / 2, node->area.y + line / 2,
          node->area.width - line, node->area.height - line
        };

        rounded_rectangle (cr, &inner, radius);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_fill_preserve (cr);
        if (node->agreed)
          {
            set_source_hex (cr, category_colours[node->colour], 0.12);
            cairo_fill_preserve (cr);
          }
        else
          {
            double dashes[] = { size * 0.4, size * 0.3 };

            cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          }
        set_source_hex (cr, category_colours[node->colour], 1.0);
        cairo_set_line_width (cr, line);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);

        if (node->agreed || node->met)
          {
            PangoLayout *badge = self->badge_layouts[node_badge (node)];
            double badge_y = node->area.y + node->area.height - pad - size * 1.2;
            double text_y;
            double icon = size * 1.1;

            draw_check (cr, node->area.x + pad, badge_y + (size * 1.2 - icon) / 2, icon,
                        node->colour);
            text_y = badge_y + (size * 1.2 - layout_height (badge)) / 2;
            set_source_hex (cr, TEXT_COLOUR, 1.0);
            cairo_move_to (cr, node->area.x + pad + icon + size * 0.35, text_y);
            pango_cairo_show_layout (cr, badge);
          }

        set_source_hex (cr, node->placeholder ? DIM_COLOUR : TEXT_COLOUR, 1.0);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_move_to (cr, node->area.x + pad, node->area.y + pad);
  pango_cairo_show_layout (cr, node->layout);
}

/**
 * rg_criteria_map_draw:
 * @self: a #RgCriteriaMap
 * @cr: where to draw, its origin at the top left of the map
 *
 * Draws the map on a white background of the map's size: the branches
 * first, then the boxes over them.
 */
void
rg_criteria_map_draw (RgCriteriaMap *self,
                      cairo_t       *cr)
{
  double size;

  g_return_if_fail (RG_IS_CRITERIA_MAP (self));
  g_return_if_fail (cr != NULL);

  size = self->font_size;

  cairo_save (cr);

  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  for (guint i = 1; i < self->nodes->len; i++)
    {
      Node *node = get_node (self, i);

      draw_branch (cr, get_node (self, node->parent), node,
                   node->kind == RG_CRITERIA_MAP_NODE_CATEGORY ? size * 0.3 : size * 0.15);
    }

  for (guint i = 0; i < self->nodes->len; i++)
    draw_node (self, cr, get_node (self, i));

  cairo_restore (cr);
}

/* }}} */
/* {{{ Words and files */

/**
 * rg_criteria_map_describe:
 * @session: a #RgSession
 *
 * Says in words what the map shows, for those who cannot see it and
 * for the description of an exported picture: the situation, then each
 * category with how many criteria it has, how many are agreed and, when
 * some are, how many are met.
 *
 * Returns: (transfer full): the description
 */
char *
rg_criteria_map_describe (RgSession *session)
{
  GListModel *categories;
  GString *text;
  guint n;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  categories = rg_session_get_categories (session);
  n = g_list_model_get_n_items (categories);
  text = g_string_new (NULL);

  /* Translators: the first sentence describing the map of success
   * criteria: "Map of the success criteria of Élève A., CM1: 4 categories." */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "Map of the success criteria of %s: %u category.",
                                             "Map of the success criteria of %s: %u categories.",
                                             n),
                          situation_text (session), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);
      guint n_criteria = g_list_model_get_n_items (criteria);
      guint n_agreed = 0;
      guint n_met = 0;
      g_autofree char *name = rg_bidi_isolate (rg_category_get_name (category));
      g_autofree char *count = NULL;

      for (guint j = 0; j < n_criteria; j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, j);

          n_agreed += rg_criterion_get_agreed (criterion) ? 1 : 0;
          n_met += rg_criterion_get_met (criterion) ? 1 : 0;
        }

      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion", "%u criteria",
                                            n_criteria),
                               n_criteria);
      g_string_append_c (text, ' ');
      /* Translators: one category in the description of the map:
       * "Pour l'enfant: 3 criteria, 2 agreed." */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %s, %u agreed.",
                                                 "%s: %s, %u agreed.", n_agreed),
                              name, count, n_agreed);
      if (n_met > 0)
        {
          g_string_append_c (text, ' ');
          /* Translators: after a category in the description of the map,
           * how many of its criteria the team judged met: "2 met." */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u met.", "%u met.", n_met),
                                  n_met);
        }
    }

  return g_string_free (text, FALSE);
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error_literal (error, RG_CRITERIA_MAP_ERROR, RG_CRITERIA_MAP_ERROR_DRAWING,
                       _("The map could not be drawn at this size. Try a smaller picture."));
  return FALSE;
}

static gboolean
write_file (const char  *path,
            GByteArray  *bytes,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    return TRUE;

  g_debug ("Writing %s failed: %s", path, local_error->message);
  g_set_error (error, RG_CRITERIA_MAP_ERROR, RG_CRITERIA_MAP_ERROR_WRITING,
               _("The map could not be saved as “%s”. Check that the folder still exists "
                 "and that you may write in it."),
               path);
  return FALSE;
}

static void
draw_surface (RgSession       *session,
              cairo_surface_t *surface,
              int              width,
              int              height)
{
  g_autoptr(RgCriteriaMap) map = rg_criteria_map_new (session, width, height);
  cairo_t *cr = cairo_create (surface);

  rg_criteria_map_draw (map, cr);
  cairo_destroy (cr);
}

/**
 * rg_criteria_map_to_png:
 * @session: a #RgSession
 * @width: the picture's width, in pixels
 * @height: its height
 * @error: a location for a #GError
 *
 * Draws the map of the success criteria of @session as a PNG picture.
 *
 * Returns: (transfer full) (nullable): the PNG data, or %NULL with @error set
 */
GBytes *
rg_criteria_map_to_png (RgSession  *session,
                        int         width,
                        int         height,
                        GError    **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (!check_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  draw_surface (session, surface, width, height);
  bytes = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, rg_cairo_append_to_byte_array, bytes);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * rg_criteria_map_write_png:
 * @session: a #RgSession
 * @path: where to write, in the file system's encoding
 * @width: the picture's width, in pixels
 * @height: its height
 * @error: a location for a #GError
 *
 * Writes the map of the success criteria of @session as a PNG picture,
 * replacing @path at once.
 *
 * Returns: %TRUE if the picture was written
 */
gboolean
rg_criteria_map_write_png (RgSession   *session,
                           const char  *path,
                           int          width,
                           int          height,
                           GError     **error)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GByteArray) bytes = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  png = rg_criteria_map_to_png (session, width, height, error);
  if (png == NULL)
    return FALSE;

  bytes = g_bytes_unref_to_array (g_steal_pointer (&png));
  return write_file (path, bytes, error);
}

/* Cairo writes text as shapes: a title and a description say in words
 * what the picture shows, for screen readers and for searching. */
static void
add_svg_description (RgSession  *session,
                     GByteArray *bytes)
{
  g_autofree char *description = rg_criteria_map_describe (session);
  g_autoptr(GString) words = g_string_new (description);
  g_autofree char *title = NULL;
  g_autofree char *desc = NULL;
  g_autofree char *element = NULL;
  GListModel *categories = rg_session_get_categories (session);
  const char *start;
  const char *end;

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);

      g_string_append_printf (words, "\n\n%s", rg_category_get_name (category));
      for (guint j = 0; j < g_list_model_get_n_items (criteria); j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, j);
          g_autofree char *text = rg_bidi_isolate (rg_criterion_get_text (criterion));
          gboolean agreed = rg_criterion_get_agreed (criterion);
          gboolean met = rg_criterion_get_met (criterion);

          g_string_append_printf (words, "\n– %s", text);
          if (agreed || met)
            g_string_append_printf (words, " (%s)", badge_text (criterion_badge (agreed, met)));
        }
    }

  title = g_markup_printf_escaped ("%s", situation_text (session));
  desc = g_markup_escape_text (words->str, -1);
  element = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", title, desc);

  /* Right after the opening tag of the root element */
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  start = strstr ((const char *) bytes->data, "<svg");
  end = start != NULL ? strchr (start, '>') : NULL;
  if (end != NULL)
    {
      g_autofree char *rest = g_strdup (end + 1);

      g_byte_array_set_size (bytes, end + 1 - (const char *) bytes->data);
      g_byte_array_append (bytes, (const guint8 *) element, strlen (element));
      g_byte_array_append (bytes, (const guint8 *) rest, strlen (rest));
    }
  else
    g_byte_array_set_size (bytes, bytes->len - 1);
}

/**
 * rg_criteria_map_write_svg:
 * @session: a #RgSession
 * @path: where to write, in the file system's encoding
 * @width: the picture's width, in pixels
 * @height: its height
 * @error: a location for a #GError
 *
 * Writes the map of the success criteria of @session as an SVG
 * picture, replacing @path at once. The picture's title is the
 * situation and its description lists the categories and criteria.
 *
 * Returns: %TRUE if the picture was written
 */
gboolean
rg_criteria_map_write_svg (RgSession   *session,
                           const char  *path,
                           int          width,
                           int          height,
                           GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (RG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_byte_array_new ();
  surface = cairo_svg_surface_create_for_stream (rg_cairo_append_to_byte_array, bytes, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  if (!check_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  draw_surface (session, surface, width, height);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return FALSE;

  add_svg_description (session, bytes);

  return write_file (path, bytes, error);
}

/* }}} */
