/* rg-divergence-picture.c — where the team's readings part, drawn
 *
 * A partner × partner matrix: partners as rows and as columns, and in
 * the cell of each pair the number of agreements and of divergences
 * tagged between their statements (links, not statements: one
 * agreement between two partners shows “= 1”), each written as a number beside a
 * bar (“=” for agreement, “≠” for divergence, so nothing is told by
 * colour alone). The figures are those of RgStatistics. The same
 * drawing goes on screen (the app hands its cairo context from a
 * GtkSnapshot), into a PNG and into an SVG: it needs cairo and Pango,
 * never GTK.
 *
 * Everything is measured in “em”, the pixel size of the font, so the
 * picture grows with the text when the team zooms for a projector.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-divergence-picture"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "rg-bidi.h"
#include "rg-cairo-stream.h"
#include "rg-divergence-picture.h"
#include "rg-picture-text.h"
#include "rg-report-date-private.h"
#include "rg-statistics.h"

#define DEFAULT_FONT "Sans 12"
#define MAX_HEADER_LINES 3
/* A PNG is drawn at twice its size, for a sharp print, unless that
 * makes it huge. */

typedef struct
{
  char   *id;
  char   *name;
  double  rgb[3];
} Partner;

typedef struct
{
  double fg[3];
  double card[4];
  double border[4];
  double diagonal[4];
  double agreement[3];
  double divergence[3];
  double background[3];
} Palette;

/* Blue and orange: told apart by colour-blind eyes too (libadwaita's
 * palette, darker shades on light, lighter shades on dark). */
static const Palette light_palette = {
  .fg = { 0.12, 0.12, 0.12 },
  .card = { 1, 1, 1, 1 },
  .border = { 0, 0, 0, 0.15 },
  .diagonal = { 0, 0, 0, 0.05 },
  .agreement = { 0x1c / 255., 0x71 / 255., 0xd8 / 255. },
  .divergence = { 0xe6 / 255., 0x61 / 255., 0x00 / 255. },
  .background = { 1, 1, 1 },
};

static const Palette dark_palette = {
  .fg = { 1, 1, 1 },
  .card = { 1, 1, 1, 0.06 },
  .border = { 1, 1, 1, 0.15 },
  .diagonal = { 1, 1, 1, 0.03 },
  .agreement = { 0x62 / 255., 0xa0 / 255., 0xea / 255. },
  .divergence = { 0xff / 255., 0xa3 / 255., 0x48 / 255. },
  .background = { 0x24 / 255., 0x24 / 255., 0x24 / 255. },
};

/* Where each part goes, for one width. */
typedef struct
{
  double em;
  double pad;
  double title_height;     /* with the gap under it */
  double header_width;     /* the partners' names, left of the rows */
  double column_header_height;
  double cell_width;
  double cell_height;
  double grid_x;
  double grid_y;
  double legend_y;
  double height;
} Layout;

struct _RgDivergencePicture
{
  GObject               parent_instance;

  RgStatistics         *statistics;
  GArray               *partners;      /* Partner, in the session's order */
  char                 *title;
  char                 *subtitle;
  PangoFontDescription *font;
  PangoContext         *measure;       /* lays out text when there is no cairo_t */
  guint                 max_count;     /* the largest figure of a cell */
  guint                 max_divergence;
  guint                 dark : 1;
};

G_DEFINE_FINAL_TYPE (RgDivergencePicture, rg_divergence_picture, G_TYPE_OBJECT)

/**
 * rg_divergence_picture_error_quark:
 *
 * Returns: the error domain of the exports of the picture
 */
G_DEFINE_QUARK (rg-divergence-picture-error-quark, rg_divergence_picture_error)

static void
clear_partner (gpointer data)
{
  Partner *partner = data;

  g_clear_pointer (&partner->id, g_free);
  g_clear_pointer (&partner->name, g_free);
}

static void
rg_divergence_picture_finalize (GObject *object)
{
  RgDivergencePicture *self = RG_DIVERGENCE_PICTURE (object);

  g_clear_object (&self->statistics);
  g_clear_pointer (&self->partners, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_object (&self->measure);

  G_OBJECT_CLASS (rg_divergence_picture_parent_class)->finalize (object);
}

static void
rg_divergence_picture_class_init (RgDivergencePictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_divergence_picture_finalize;
}

static void
rg_divergence_picture_init (RgDivergencePicture *self)
{
  self->partners = g_array_new (FALSE, TRUE, sizeof (Partner));
  g_array_set_clear_func (self->partners, clear_partner);
  self->font = pango_font_description_from_string (DEFAULT_FONT);
}

static void
parse_colour (const char *colour,
              double      rgb[3])
{
  guint64 value;

  if (colour == NULL || !rg_colour_is_valid (colour))
    colour = RG_PARTNER_DEFAULT_COLOUR;
  value = g_ascii_strtoull (colour + 1, NULL, 16);

  rgb[0] = ((value >> 16) & 0xff) / 255.;
  rgb[1] = ((value >> 8) & 0xff) / 255.;
  rgb[2] = (value & 0xff) / 255.;
}

static guint
count (RgDivergencePicture *self,
       guint                row,
       guint                column,
       RgLinkType           type,
       gboolean             open_only)
{
  const Partner *a = &g_array_index (self->partners, Partner, row);
  const Partner *b = &g_array_index (self->partners, Partner, column);

  /* How many links, as the team tagged them: one agreement between
   * two partners is one, however many statements it joins */
  if (open_only)
    return rg_statistics_get_pair_open_count (self->statistics, a->id, b->id, type);

  return rg_statistics_get_pair_count (self->statistics, a->id, b->id, type);
}

/**
 * rg_divergence_picture_new:
 * @session: a session
 *
 * Takes the figures of @session's links between each two partners, and
 * the partners' names and colours, as they are now: the picture does
 * not follow later changes (make a new one).
 *
 * Returns: (transfer full): a new picture
 */
RgDivergencePicture *
rg_divergence_picture_new (RgSession *session)
{
  RgDivergencePicture *self;
  GListModel *partners;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  self = g_object_new (RG_TYPE_DIVERGENCE_PICTURE, NULL);
  self->statistics = rg_statistics_new (session);

  partners = rg_session_get_partners (session);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      const char *name = rg_partner_get_name (partner);
      Partner entry = { 0 };

      entry.id = g_strdup (rg_partner_get_id (partner));
      /* Names go into sentences ("A and B: …"): none may turn the rest around */
      entry.name = rg_bidi_isolate (name != NULL && name[0] != '\0' ? name : _("Unnamed partner"));
      parse_colour (rg_partner_get_colour (partner), entry.rgb);
      g_array_append_val (self->partners, entry);
    }

  for (guint r = 0; r < self->partners->len; r++)
    for (guint c = r + 1; c < self->partners->len; c++)
      {
        guint agreements = count (self, r, c, RG_LINK_TYPE_AGREEMENT, FALSE);
        guint divergences = count (self, r, c, RG_LINK_TYPE_DIVERGENCE, FALSE);

        self->max_count = MAX (self->max_count, MAX (agreements, divergences));
        self->max_divergence = MAX (self->max_divergence, divergences);
      }

  return self;
}

/**
 * rg_divergence_picture_get_n_partners:
 *
 * Returns: the number of rows (and of columns) of the matrix
 */
guint
rg_divergence_picture_get_n_partners (RgDivergencePicture *self)
{
  g_return_val_if_fail (RG_IS_DIVERGENCE_PICTURE (self), 0);

  return self->partners->len;
}

/**
 * rg_divergence_picture_set_title:
 * @self: a #RgDivergencePicture
 * @title: (nullable): a title drawn above the matrix
 * @subtitle: (nullable): a line under the title
 *
 * On screen the view says what the picture is; an exported picture
 * says it itself.
 */
void
rg_divergence_picture_set_title (RgDivergencePicture *self,
                                 const char          *title,
                                 const char          *subtitle)
{
  g_return_if_fail (RG_IS_DIVERGENCE_PICTURE (self));

  g_free (self->title);
  self->title = title != NULL && title[0] != '\0' ? g_strdup (title) : NULL;
  g_free (self->subtitle);
  self->subtitle = subtitle != NULL && subtitle[0] != '\0' ? g_strdup (subtitle) : NULL;
}

/**
 * rg_divergence_picture_set_font:
 * @self: a #RgDivergencePicture
 * @font: a Pango font description, such as "Cantarell 11"
 *
 * Sets the font of the text, whose size sets the size of everything
 * else.
 */
void
rg_divergence_picture_set_font (RgDivergencePicture *self,
                                const char          *font)
{
  PangoFontDescription *description;

  g_return_if_fail (RG_IS_DIVERGENCE_PICTURE (self));
  g_return_if_fail (font != NULL);

  description = pango_font_description_from_string (font);
  if (pango_font_description_get_size (description) <= 0)
    pango_font_description_set_size (description,
                                     pango_font_description_get_size (self->font));
  pango_font_description_free (self->font);
  self->font = description;
}

/**
 * rg_divergence_picture_set_dark:
 * @self: a #RgDivergencePicture
 * @dark: whether the picture is drawn on a dark background
 */
void
rg_divergence_picture_set_dark (RgDivergencePicture *self,
                                gboolean             dark)
{
  g_return_if_fail (RG_IS_DIVERGENCE_PICTURE (self));

  self->dark = !!dark;
}

static const Palette *
get_palette (RgDivergencePicture *self)
{
  return self->dark ? &dark_palette : &light_palette;
}

/* {{{ Text */

/* Hinted metrics would make a layout measured here a pixel off the same
 * layout drawn at another scale: turn them off everywhere. */
static void
setup_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96);
  cairo_font_options_destroy (options);
}

static PangoContext *
get_measure_context (RgDivergencePicture *self)
{
  if (self->measure == NULL)
    {
      self->measure = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      setup_context (self->measure);
    }

  return self->measure;
}

static double
get_em (RgDivergencePicture *self)
{
  return MAX (rg_picture_text_get_pixel_size (self->font), 6.);
}

/* A layout of @text at @scale times the font size, @width wide at most
 * (or -1), on @max_lines lines at most, ellipsized beyond. */
static PangoLayout *
make_layout (RgDivergencePicture *self,
             PangoContext        *context,
             const char          *text,
             double               scale,
             gboolean             bold,
             double               width,
             int                  max_lines)
{
  PangoLayout *layout = pango_layout_new (context);

  rg_picture_text_set_up (layout, self->font, get_em (self) * scale, bold, text, width, max_lines);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double) PANGO_SCALE;
  if (height != NULL)
    *height = logical.height / (double) PANGO_SCALE;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* }}} */
/* {{{ Layout */

typedef struct
{
  const char *symbol;
  const char *label;
  int         style;  /* 0: agreement, 1: open divergence, 2: settled divergence */
} LegendItem;

static double legend (RgDivergencePicture *self,
                      PangoContext        *context,
                      cairo_t             *cr,
                      double               x,
                      double               y,
                      double               width);

static const char *
no_pair_message (void)
{
  return _("Add at least two partners to see where their readings meet.");
}

static double
title_height (RgDivergencePicture *self,
              PangoContext        *context,
              double               width)
{
  double em = get_em (self), height = 0, h;

  if (self->title != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, context, self->title, 1.4, TRUE, width, 2);

      layout_size (layout, NULL, &h);
      height += h;
    }

  if (self->subtitle != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, context, self->subtitle, 1.0, FALSE,
                                                   width, 2);

      layout_size (layout, NULL, &h);
      height += h;
    }

  return height > 0 ? height + em : 0;
}

static double
natural_header_width (RgDivergencePicture *self,
                      PangoContext        *context)
{
  double em = get_em (self), widest = 0, w;

  for (guint i = 0; i < self->partners->len; i++)
    {
      const Partner *partner = &g_array_index (self->partners, Partner, i);
      g_autoptr(PangoLayout) layout = make_layout (self, context, partner->name, 1.0, TRUE, -1, 1);

      layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  /* swatch, gap, name, gap */
  return 0.8 * em + 0.5 * em + widest + 0.75 * em;
}

static void
compute_layout (RgDivergencePicture *self,
                PangoContext        *context,
                int                  width,
                Layout              *l)
{
  guint n = self->partners->len;
  double em = get_em (self);
  double inner, max_header, tallest = 0;

  memset (l, 0, sizeof *l);
  l->em = em;
  l->pad = em;
  inner = MAX (width - 2 * l->pad, 8 * em);
  l->title_height = title_height (self, context, inner);

  if (n < 2)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double h;

      layout = make_layout (self, context, no_pair_message (), 1.0, FALSE, inner, 3);
      layout_size (layout, NULL, &h);
      l->grid_x = l->pad;
      l->grid_y = l->pad + l->title_height;
      l->legend_y = l->grid_y;
      l->height = l->grid_y + h + l->pad;
      return;
    }

  max_header = MAX (5 * em, MIN (14 * em, 0.3 * width));
  l->header_width = CLAMP (natural_header_width (self, context), 5 * em, max_header);
  l->cell_width = MAX ((inner - l->header_width) / n, 4.5 * em);
  l->cell_height = 3.4 * em;

  for (guint i = 0; i < n; i++)
    {
      const Partner *partner = &g_array_index (self->partners, Partner, i);
      g_autoptr(PangoLayout) layout = make_layout (self, context, partner->name, 1.0, TRUE,
                                                   l->cell_width - 0.5 * em, MAX_HEADER_LINES);
      double h;

      layout_size (layout, NULL, &h);
      tallest = MAX (tallest, h);
    }

  /* names, a gap, the colour bar, a gap */
  l->column_header_height = tallest + 0.3 * em + 0.35 * em + 0.4 * em;
  l->grid_x = l->pad + l->header_width;
  l->grid_y = l->pad + l->title_height + l->column_header_height;
  l->legend_y = l->grid_y + n * l->cell_height + em;
  l->height = l->legend_y + legend (self, context, NULL, l->pad, l->legend_y, inner) + l->pad;
}

/**
 * rg_divergence_picture_get_min_width:
 *
 * Returns: the narrowest width the matrix is readable at, in pixels
 */
int
rg_divergence_picture_get_min_width (RgDivergencePicture *self)
{
  double em;

  g_return_val_if_fail (RG_IS_DIVERGENCE_PICTURE (self), 0);

  em = get_em (self);
  if (self->partners->len < 2)
    return (int) ceil (10 * em);

  return (int) ceil (2 * em + 5 * em + self->partners->len * 4.5 * em);
}

/**
 * rg_divergence_picture_get_natural_width:
 *
 * Returns: the width the picture looks best at, in pixels: the names
 *   in full and roomy cells
 */
int
rg_divergence_picture_get_natural_width (RgDivergencePicture *self)
{
  double em, header;

  g_return_val_if_fail (RG_IS_DIVERGENCE_PICTURE (self), 0);

  em = get_em (self);
  if (self->partners->len < 2)
    return (int) ceil (30 * em);

  header = CLAMP (natural_header_width (self, get_measure_context (self)), 5 * em, 14 * em);

  return (int) ceil (2 * em + header + self->partners->len * 8.5 * em);
}

/**
 * rg_divergence_picture_get_height_for_width:
 * @self: a #RgDivergencePicture
 * @width: the width to draw at, in pixels
 *
 * Returns: the height the picture needs at @width, in pixels
 */
int
rg_divergence_picture_get_height_for_width (RgDivergencePicture *self,
                                            int                  width)
{
  Layout l;

  g_return_val_if_fail (RG_IS_DIVERGENCE_PICTURE (self), 0);

  compute_layout (self, get_measure_context (self), width, &l);

  return (int) ceil (l.height);
}

/**
 * rg_divergence_picture_get_cell_area:
 * @self: a #RgDivergencePicture
 * @width: the width the picture is drawn at
 * @row: a partner's row
 * @column: a partner's column
 * @area: (out): where the cell of the pair is
 *
 * Returns: %FALSE if there is no such cell
 */
gboolean
rg_divergence_picture_get_cell_area (RgDivergencePicture *self,
                                     int                  width,
                                     guint                row,
                                     guint                column,
                                     cairo_rectangle_t   *area)
{
  Layout l;

  g_return_val_if_fail (RG_IS_DIVERGENCE_PICTURE (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (row >= self->partners->len || column >= self->partners->len || self->partners->len < 2)
    return FALSE;

  compute_layout (self, get_measure_context (self), width, &l);
  area->x = l.grid_x + column * l.cell_width;
  area->y = l.grid_y + row * l.cell_height;
  area->width = l.cell_width;
  area->height = l.cell_height;

  return TRUE;
}

/**
 * rg_divergence_picture_get_cell_at:
 * @self: a #RgDivergencePicture
 * @width: the width the picture is drawn at
 * @x: a point of the picture
 * @y: a point of the picture
 * @row: (out): the row of the cell under the point
 * @column: (out): its column
 *
 * Returns: %TRUE if the point is in a cell of two different partners
 */
gboolean
rg_divergence_picture_get_cell_at (RgDivergencePicture *self,
                                   int                  width,
                                   double               x,
                                   double               y,
                                   guint               *row,
                                   guint               *column)
{
  guint n;
  Layout l;
  double r, c;

  g_return_val_if_fail (RG_IS_DIVERGENCE_PICTURE (self), FALSE);

  n = self->partners->len;
  if (n < 2)
    return FALSE;

  compute_layout (self, get_measure_context (self), width, &l);
  r = (y - l.grid_y) / l.cell_height;
  c = (x - l.grid_x) / l.cell_width;
  if (r < 0 || c < 0 || r >= n || c >= n || (guint) r == (guint) c)
    return FALSE;

  if (row != NULL)
    *row = (guint) r;
  if (column != NULL)
    *column = (guint) c;

  return TRUE;
}

/* }}} */
/* {{{ Drawing */

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_rgba (cairo_t      *cr,
          const double  rgb[3],
          double        alpha)
{
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

static void
set_rgba4 (cairo_t      *cr,
           const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

/* A bar of the legend or of a cell: solid, or outlined for what is
 * settled, so print in grey still tells them apart. */
static void
draw_bar (cairo_t      *cr,
          double        x,
          double        y,
          double        width,
          double        height,
          const double  rgb[3],
          gboolean      outlined)
{
  if (width <= 0)
    return;

  rounded_rectangle (cr, x, y, width, height, height / 4);
  if (outlined)
    {
      double line = MAX (1.0, height / 6);

      cairo_new_path (cr);
      rounded_rectangle (cr, x + line / 2, y + line / 2, MAX (width - line, 0), height - line,
                         height / 4);
      set_rgba (cr, rgb, 0.18);
      cairo_fill_preserve (cr);
      set_rgba (cr, rgb, 1);
      cairo_set_line_width (cr, line);
      cairo_stroke (cr);
    }
  else
    {
      set_rgba (cr, rgb, 1);
      cairo_fill (cr);
    }
}

/* Lays the legend out from (@x, @y) in @width, drawing it if @cr is
 * given. Returns its height. */
static double
legend (RgDivergencePicture *self,
        PangoContext        *context,
        cairo_t             *cr,
        double               x,
        double               y,
        double               width)
{
  const Palette *palette = get_palette (self);
  double em = get_em (self);
  double cx = x, cy = y, line_height = 0, w, h;
  g_autoptr(PangoLayout) note = NULL;
  LegendItem items[] = {
    /* Translators: the legend of the partner × partner picture. */
    { "=", N_("in agreement"), 0 },
    { "≠", N_("in open divergence"), 1 },
    { "≠", N_("in settled divergence"), 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(PangoLayout) symbol = NULL;
      g_autoptr(PangoLayout) label = NULL;
      double symbol_width, label_width, item_width;

      symbol = make_layout (self, context, items[i].symbol, 1.0, TRUE, -1, 1);
      label = make_layout (self, context, _(items[i].label), 0.95, FALSE, -1, 1);
      layout_size (symbol, &symbol_width, &h);
      layout_size (label, &label_width, NULL);
      item_width = 1.6 * em + 0.4 * em + symbol_width + 0.3 * em + label_width;

      if (cx > x && cx + item_width > x + width)
        {
          cx = x;
          cy += line_height + 0.3 * em;
          line_height = 0;
        }

      if (cr != NULL)
        {
          const double *rgb = items[i].style == 0 ? palette->agreement : palette->divergence;

          draw_bar (cr, cx, cy + (h - 0.6 * em) / 2, 1.6 * em, 0.6 * em, rgb, items[i].style == 2);
          set_rgba (cr, palette->fg, 1);
          show_layout (cr, symbol, cx + 2.0 * em, cy);
          set_rgba (cr, palette->fg, 0.8);
          show_layout (cr, label, cx + 2.0 * em + symbol_width + 0.3 * em, cy);
        }

      line_height = MAX (line_height, h);
      cx += item_width + 1.5 * em;
    }

  cy += line_height + 0.4 * em;
  note = make_layout (self, context,
                      _("Each number counts the links of that kind between the two partners."),
                      0.9, FALSE, width, 3);
  layout_size (note, &w, &h);
  if (cr != NULL)
    {
      set_rgba (cr, palette->fg, 0.65);
      show_layout (cr, note, x, cy);
    }

  return cy + h - y;
}

static void
draw_row_header (RgDivergencePicture *self,
                 PangoContext        *context,
                 cairo_t             *cr,
                 const Layout        *l,
                 guint                row)
{
  const Partner *partner = &g_array_index (self->partners, Partner, row);
  const Palette *palette = get_palette (self);
  double em = l->em, y = l->grid_y + row * l->cell_height, name_x, h;
  g_autoptr(PangoLayout) name = NULL;

  name_x = l->pad + 0.8 * em + 0.5 * em;
  name = make_layout (self, context, partner->name, 1.0, TRUE,
                      l->grid_x - name_x - 0.5 * em, 2);
  pango_layout_set_alignment (name, PANGO_ALIGN_LEFT);
  layout_size (name, NULL, &h);

  rounded_rectangle (cr, l->pad, y + (l->cell_height - 0.8 * em) / 2, 0.8 * em, 0.8 * em, 0.2 * em);
  set_rgba (cr, partner->rgb, 1);
  cairo_fill (cr);

  set_rgba (cr, palette->fg, 1);
  show_layout (cr, name, name_x, y + (l->cell_height - h) / 2);
}

static void
draw_column_header (RgDivergencePicture *self,
                    PangoContext        *context,
                    cairo_t             *cr,
                    const Layout        *l,
                    guint                column)
{
  const Partner *partner = &g_array_index (self->partners, Partner, column);
  const Palette *palette = get_palette (self);
  double em = l->em, x = l->grid_x + column * l->cell_width, h;
  double bar_y = l->grid_y - 0.4 * em - 0.35 * em;
  g_autoptr(PangoLayout) name = NULL;

  name = make_layout (self, context, partner->name, 1.0, TRUE, l->cell_width - 0.5 * em,
                      MAX_HEADER_LINES);
  pango_layout_set_alignment (name, PANGO_ALIGN_CENTER);
  layout_size (name, NULL, &h);

  set_rgba (cr, palette->fg, 1);
  show_layout (cr, name, x + 0.25 * em, bar_y - 0.3 * em - h);

  rounded_rectangle (cr, x + 0.25 * em, bar_y, l->cell_width - 0.5 * em, 0.35 * em, 0.15 * em);
  set_rgba (cr, partner->rgb, 1);
  cairo_fill (cr);
}

/* One line of a cell: the symbol, the number, the bar. */
static void
draw_figure (RgDivergencePicture *self,
             PangoContext        *context,
             cairo_t             *cr,
             const Layout        *l,
             double               x,
             double               y,
             double               width,
             double               height,
             const char          *symbol_text,
             guint                all,
             guint                open,
             const double         rgb[3],
             gboolean             divergence)
{
  const Palette *palette = get_palette (self);
  double em = l->em, w, h, bar_x, bar_width, bar_height, open_width;
  g_autofree char *number_text = g_strdup_printf ("%u", all);
  g_autoptr(PangoLayout) symbol = make_layout (self, context, symbol_text, 1.15, TRUE, -1, 1);
  g_autoptr(PangoLayout) number = make_layout (self, context, number_text, 1.15, TRUE, -1, 1);
  double alpha = all > 0 ? 1.0 : 0.35;

  layout_size (symbol, &w, &h);
  set_rgba (cr, palette->fg, alpha);
  show_layout (cr, symbol, x, y + (height - h) / 2);

  /* Numbers right-aligned in a column two digits wide. */
  layout_size (number, &w, &h);
  show_layout (cr, number, x + 1.0 * em + MAX (1.4 * em - w, 0), y + (height - h) / 2);

  bar_x = x + 2.7 * em;
  bar_width = width - (bar_x - x);
  if (all == 0 || self->max_count == 0 || bar_width < 1.0 * em)
    return;

  bar_width = bar_width * all / self->max_count;
  bar_height = MIN (0.7 * em, height * 0.6);
  if (!divergence)
    {
      draw_bar (cr, bar_x, y + (height - bar_height) / 2, bar_width, bar_height, rgb, FALSE);
      return;
    }

  /* The open part solid, the settled part outlined beside it. */
  open_width = bar_width * open / all;
  draw_bar (cr, bar_x, y + (height - bar_height) / 2, open_width, bar_height, rgb, FALSE);
  if (open < all)
    draw_bar (cr, bar_x + open_width + (open > 0 ? 0.1 * em : 0), y + (height - bar_height) / 2,
              bar_width - open_width - (open > 0 ? 0.1 * em : 0), bar_height, rgb, TRUE);
}

static void
draw_cell (RgDivergencePicture *self,
           PangoContext        *context,
           cairo_t             *cr,
           const Layout        *l,
           guint                row,
           guint                column)
{
  const Palette *palette = get_palette (self);
  double em = l->em, gap = 0.12 * em;
  double x = l->grid_x + column * l->cell_width + gap;
  double y = l->grid_y + row * l->cell_height + gap;
  double width = l->cell_width - 2 * gap, height = l->cell_height - 2 * gap;
  double inner_x = x + 0.45 * em, inner_width = width - 0.9 * em, line_height;
  guint divergences;

  rounded_rectangle (cr, x, y, width, height, 0.3 * em);
  if (row == column)
    {
      set_rgba4 (cr, palette->diagonal);
      cairo_fill (cr);
      return;
    }

  set_rgba4 (cr, palette->card);
  cairo_fill_preserve (cr);

  /* Where readings part most, the cell warms up: a hint on top of the
   * numbers, never instead of them. */
  divergences = count (self, row, column, RG_LINK_TYPE_DIVERGENCE, FALSE);
  if (divergences > 0 && self->max_divergence > 0)
    {
      set_rgba (cr, palette->divergence, 0.05 + 0.15 * divergences / self->max_divergence);
      cairo_fill_preserve (cr);
    }

  set_rgba4 (cr, palette->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  line_height = (height - 0.4 * em) / 2;
  draw_figure (self, context, cr, l, inner_x, y + 0.2 * em, inner_width, line_height, "=",
               count (self, row, column, RG_LINK_TYPE_AGREEMENT, FALSE),
               count (self, row, column, RG_LINK_TYPE_AGREEMENT, TRUE),
               palette->agreement, FALSE);
  draw_figure (self, context, cr, l, inner_x, y + 0.2 * em + line_height, inner_width, line_height,
               "≠", divergences, count (self, row, column, RG_LINK_TYPE_DIVERGENCE, TRUE),
               palette->divergence, TRUE);
}

/**
 * rg_divergence_picture_draw:
 * @self: a #RgDivergencePicture
 * @cr: where to draw
 * @width: the width to draw in, in user units of @cr
 * @height: the height to draw in
 *
 * Draws the matrix from (0, 0), on a transparent background: the
 * caller paints what goes behind.
 */
void
rg_divergence_picture_draw (RgDivergencePicture *self,
                            cairo_t             *cr,
                            int                  width,
                            int                  height)
{
  const Palette *palette;
  PangoContext *context;
  double inner, y;
  Layout l;

  g_return_if_fail (RG_IS_DIVERGENCE_PICTURE (self));
  g_return_if_fail (cr != NULL);

  palette = get_palette (self);
  context = pango_cairo_create_context (cr);
  setup_context (context);
  compute_layout (self, context, width, &l);
  inner = MAX (width - 2 * l.pad, 8 * l.em);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  y = l.pad;
  if (self->title != NULL)
    {
      g_autoptr(PangoLayout) title = make_layout (self, context, self->title, 1.4, TRUE, inner, 2);
      double h;

      set_rgba (cr, palette->fg, 1);
      show_layout (cr, title, l.pad, y);
      layout_size (title, NULL, &h);
      y += h;
    }
  if (self->subtitle != NULL)
    {
      g_autoptr(PangoLayout) subtitle = make_layout (self, context, self->subtitle, 1.0, FALSE,
                                                     inner, 2);

      set_rgba (cr, palette->fg, 0.7);
      show_layout (cr, subtitle, l.pad, y);
    }

  if (self->partners->len < 2)
    {
      g_autoptr(PangoLayout) message = NULL;

      message = make_layout (self, context, no_pair_message (), 1.0, FALSE, inner, 3);
      set_rgba (cr, palette->fg, 0.7);
      show_layout (cr, message, l.pad, l.grid_y);
      cairo_restore (cr);
      g_object_unref (context);
      return;
    }

  for (guint i = 0; i < self->partners->len; i++)
    {
      draw_column_header (self, context, cr, &l, i);
      draw_row_header (self, context, cr, &l, i);
    }

  for (guint r = 0; r < self->partners->len; r++)
    for (guint c = 0; c < self->partners->len; c++)
      draw_cell (self, context, cr, &l, r, c);

  legend (self, context, cr, l.pad, l.legend_y, inner);

  cairo_restore (cr);
  g_object_unref (context);
}

/* }}} */
/* {{{ Words */

/* "2 agreements", or "3 divergences (2 open)" */
static char *
format_count (RgLinkType type,
              guint      all,
              guint      open)
{
  if (type == RG_LINK_TYPE_AGREEMENT)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agreement", "%u agreements", all),
                            all);

  if (open > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u divergence (%u open)",
                                         "%u divergences (%u open)", all),
                            all, open);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u divergence", "%u divergences", all),
                          all);
}

static char *
format_figures (guint agreements,
                guint divergences,
                guint open)
{
  g_autofree char *agreed = NULL;
  g_autofree char *diverged = NULL;

  if (agreements == 0 && divergences == 0)
    return g_strdup (_("no agreement or divergence tagged"));

  agreed = format_count (RG_LINK_TYPE_AGREEMENT, agreements, 0);
  diverged = format_count (RG_LINK_TYPE_DIVERGENCE, divergences, open);

  /* Translators: "1 agreement, 2 divergences (1 open)". */
  return g_strdup_printf (_("%s, %s"), agreed, diverged);
}

/**
 * rg_divergence_picture_describe_pair:
 * @self: a #RgDivergencePicture
 * @row: a partner's row
 * @column: another partner's column
 *
 * Returns: (transfer full) (nullable): the figures of a cell in words,
 *   for a tooltip: "Mme Roussel and Mme Benali: 1 agreement,
 *   2 divergences (1 open)"; %NULL for no cell or the diagonal
 */
char *
rg_divergence_picture_describe_pair (RgDivergencePicture *self,
                                     guint                row,
                                     guint                column)
{
  g_autofree char *figures = NULL;

  g_return_val_if_fail (RG_IS_DIVERGENCE_PICTURE (self), NULL);

  if (row >= self->partners->len || column >= self->partners->len || row == column)
    return NULL;

  figures = format_figures (count (self, row, column, RG_LINK_TYPE_AGREEMENT, FALSE),
                            count (self, row, column, RG_LINK_TYPE_DIVERGENCE, FALSE),
                            count (self, row, column, RG_LINK_TYPE_DIVERGENCE, TRUE));

  /* Translators: a cell of the partner × partner picture:
   * "Mme Roussel and Mme Benali: 1 agreement, 2 divergences (1 open)". */
  return g_strdup_printf (_("%s and %s: %s"),
                          g_array_index (self->partners, Partner, row).name,
                          g_array_index (self->partners, Partner, column).name,
                          figures);
}

typedef struct
{
  guint row;
  guint column;
  guint all;
  guint open;
} Pair;

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *pa = a, *pb = b;

  if (pa->all != pb->all)
    return pa->all > pb->all ? -1 : 1;
  if (pa->open != pb->open)
    return pa->open > pb->open ? -1 : 1;
  if (pa->row != pb->row)
    return pa->row < pb->row ? -1 : 1;
  return pa->column < pb->column ? -1 : pa->column > pb->column;
}

/* The three pairs with the most links of @type, most first. */
static char *
list_top_pairs (RgDivergencePicture *self,
                RgLinkType           type)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < self->partners->len; r++)
    for (guint c = r + 1; c < self->partners->len; c++)
      {
        Pair pair = { r, c, count (self, r, c, type, FALSE), count (self, r, c, type, TRUE) };

        if (pair.all > 0)
          g_array_append_val (pairs, pair);
      }

  if (pairs->len == 0)
    return NULL;

  g_array_sort (pairs, compare_pairs);
  for (guint i = 0; i < MIN (pairs->len, 3); i++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, i);
      g_autofree char *figure = format_count (type, pair->all, pair->open);

      if (i > 0)
        /* Translators: between two pairs in a list: "A and B, 3 divergences;
         * C and D, 2 divergences". */
        g_string_append (text, _("; "));
      /* Translators: a pair in a list: "Mme Roussel and Mme Benali, 3 divergences". */
      g_string_append_printf (text, _("%s and %s, %s"),
                              g_array_index (self->partners, Partner, pair->row).name,
                              g_array_index (self->partners, Partner, pair->column).name,
                              figure);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * rg_divergence_picture_describe:
 * @self: a #RgDivergencePicture
 *
 * Says in words what the picture shows, for those who cannot see it (a
 * screen reader, the description of an SVG): which pairs of partners
 * diverge most, and which agree most.
 *
 * Returns: (transfer full): the description
 */
char *
rg_divergence_picture_describe (RgDivergencePicture *self)
{
  g_autofree char *divergences = NULL;
  g_autofree char *agreements = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (RG_IS_DIVERGENCE_PICTURE (self), NULL);

  n = self->partners->len;
  if (n < 2)
    return g_strdup (_("Fewer than two partners: there is no pair to compare yet."));

  divergences = list_top_pairs (self, RG_LINK_TYPE_DIVERGENCE);
  agreements = list_top_pairs (self, RG_LINK_TYPE_AGREEMENT);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "Agreements and divergences between %u partners.",
                                             "Agreements and divergences between %u partners.", n),
                          n);

  if (divergences == NULL && agreements == NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("No agreement or divergence tagged between partners yet."));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  g_string_append_c (text, ' ');
  if (divergences != NULL)
    /* Translators: followed by a list of pairs of partners. */
    g_string_append_printf (text, _("Most divergences: %s."), divergences);
  else
    g_string_append (text, _("No divergence between partners."));

  g_string_append_c (text, ' ');
  if (agreements != NULL)
    /* Translators: followed by a list of pairs of partners. */
    g_string_append_printf (text, _("Most agreements: %s."), agreements);
  else
    g_string_append (text, _("No agreement between partners."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* }}} */
/* {{{ Export */

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, RG_DIVERGENCE_PICTURE_ERROR, RG_DIVERGENCE_PICTURE_ERROR_DRAWING,
               _("The picture could not be drawn (%s)."), cairo_status_to_string (status));
  return FALSE;
}

static void
paint_background (RgDivergencePicture *self,
                  cairo_t             *cr)
{
  set_rgba (cr, get_palette (self)->background, 1);
  cairo_paint (cr);
}

static void
draw_on_background (cairo_t  *cr,
                    int       width,
                    int       height,
                    gpointer  user_data)
{
  RgDivergencePicture *self = user_data;

  paint_background (self, cr);
  rg_divergence_picture_draw (self, cr, width, height);
}

/**
 * rg_divergence_picture_to_png:
 * @self: a #RgDivergencePicture
 * @error: a location for a #GError
 *
 * Draws the picture at its natural width, on an opaque background, as
 * a PNG image at twice that size for a sharp print.
 *
 * Returns: (transfer full) (nullable): the PNG file's bytes, or %NULL
 */
GBytes *
rg_divergence_picture_to_png (RgDivergencePicture  *self,
                              GError              **error)
{
  g_autoptr(GBytes) png = NULL;
  cairo_status_t status;
  int width;

  g_return_val_if_fail (RG_IS_DIVERGENCE_PICTURE (self), NULL);

  width = rg_divergence_picture_get_natural_width (self);
  png = rg_cairo_draw_sharp_png (width, rg_divergence_picture_get_height_for_width (self, width),
                                 draw_on_background, self, &status);
  if (!check_status (status, error))
    return NULL;

  return g_steal_pointer (&png);
}

/* cairo writes the text as drawn glyphs: the words go in the SVG's own
 * <title> and <desc>, where search and screen readers find them. */
static GBytes *
add_svg_description (RgDivergencePicture *self,
                     GByteArray          *svg)
{
  g_autofree char *description = rg_divergence_picture_describe (self);
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_description = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) text = NULL;
  const char *start, *end;

  g_byte_array_append (svg, (const guint8 *) "", 1);
  text = g_string_new ((const char *) svg->data);

  for (guint i = 0; i < self->partners->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of the partners. */
        g_string_append (names, _(", "));
      g_string_append (names, g_array_index (self->partners, Partner, i).name);
    }

  /* Translators: the title of the exported picture, followed by the
   * names of the partners. */
  escaped_title = g_markup_printf_escaped (_("Agreements and divergences between partners: %s"),
                                           names->str);
  escaped_description = g_markup_escape_text (description, -1);

  if ((start = strstr (text->str, "<svg")) != NULL && (end = strchr (start, '>')) != NULL)
    {
      g_autofree char *insert = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>",
                                                 escaped_title, escaped_description);

      g_string_insert (text, end + 1 - text->str, insert);
    }

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/**
 * rg_divergence_picture_to_svg:
 * @self: a #RgDivergencePicture
 * @error: a location for a #GError
 *
 * Draws the picture at its natural width, on an opaque background, as
 * an SVG document whose title names the partners and whose description
 * says what it shows.
 *
 * Returns: (transfer full) (nullable): the SVG file's bytes, or %NULL
 */
GBytes *
rg_divergence_picture_to_svg (RgDivergencePicture  *self,
                              GError              **error)
{
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height;

  g_return_val_if_fail (RG_IS_DIVERGENCE_PICTURE (self), NULL);

  width = rg_divergence_picture_get_natural_width (self);
  height = rg_divergence_picture_get_height_for_width (self, width);

  surface = cairo_svg_surface_create_for_stream (rg_cairo_append_to_byte_array, svg, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  paint_background (self, cr);
  rg_divergence_picture_draw (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  return add_svg_description (self, svg);
}

/**
 * rg_divergence_picture_new_for_export:
 * @session: a session
 *
 * Like rg_divergence_picture_new (), with the session's title, situation
 * and date above the matrix: an exported picture says what it is. The
 * date is written as the report's text writes it, in the user's locale.
 *
 * Returns: (transfer full): a new picture
 */
RgDivergencePicture *
rg_divergence_picture_new_for_export (RgSession *session)
{
  RgDivergencePicture *self = rg_divergence_picture_new (session);
  const char *title = rg_session_get_title (session);
  const char *label = rg_session_get_situation_label (session);
  g_autofree char *date = _rg_report_format_date (session, rg_session_get_date (session));
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: the title of an exported picture: "Agreements and
   * divergences — Revue de novembre". */
  heading = title != NULL && title[0] != '\0'
            ? g_strdup_printf (_("Agreements and divergences — %s"), title)
            : g_strdup (_("Agreements and divergences"));

  if (label != NULL && label[0] != '\0' && date != NULL && date[0] != '\0')
    /* Translators: under the title of an exported picture: "Élève A., CM1 · 17/11/2026",
     * the date as the report writes it. */
    subtitle = g_strdup_printf (_("%s · %s"), label, date);
  else
    subtitle = g_strdup (label != NULL && label[0] != '\0' ? label : date);

  rg_divergence_picture_set_title (self, heading, subtitle);

  return self;
}

static gboolean
write_bytes (GFile   *file,
             GBytes  *bytes,
             GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* Replaced in one step, and readable by its owner only: the names in
   * it are about a child and a family. */
  return g_file_replace_contents (file, data, size, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

typedef GBytes *(*EncodeFunc) (RgDivergencePicture  *self,
                               GError              **error);

/* Draws the picture of @session for an export and writes it to @file
 * in the format of @encode. */
static gboolean
write_export (RgSession   *session,
              GFile       *file,
              EncodeFunc   encode,
              GError     **error)
{
  g_autoptr(RgDivergencePicture) self = rg_divergence_picture_new_for_export (session);
  g_autoptr(GBytes) bytes = NULL;

  if (!(bytes = encode (self, error)))
    return FALSE;

  return write_bytes (file, bytes, error);
}

/**
 * rg_divergence_picture_write_png:
 * @session: a session
 * @file: where to write
 * @error: a location for a #GError
 *
 * Writes the partner × partner picture of @session, titled after it, as
 * a PNG file, replacing @file in one step.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
rg_divergence_picture_write_png (RgSession  *session,
                                 GFile      *file,
                                 GError    **error)
{
  g_return_val_if_fail (RG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_export (session, file, rg_divergence_picture_to_png, error);
}

/**
 * rg_divergence_picture_write_svg:
 * @session: a session
 * @file: where to write
 * @error: a location for a #GError
 *
 * Writes the partner × partner picture of @session, titled after it, as
 * an SVG file, replacing @file in one step.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
rg_divergence_picture_write_svg (RgSession  *session,
                                 GFile      *file,
                                 GError    **error)
{
  g_return_val_if_fail (RG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_export (session, file, rg_divergence_picture_to_svg, error);
}

/* }}} */
