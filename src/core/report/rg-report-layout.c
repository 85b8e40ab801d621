/* rg-report-layout.c — a report laid out on pages
 *
 * The pages of a report for PDF and for printing: the blocks of
 * rg-report.c set in Pango and broken into pages once, then drawn one
 * page at a time with cairo on whatever surface the caller has (a PDF
 * file, a printer). All lengths are in points, in the printable area
 * the caller gives.
 *
 * The rules of the page are those of a printed report:
 *  - every page but the first has a header (the title, and the
 *    situation on the right), every page a footer "Page N of M";
 *  - no page but the last is less than half full: the parts flow on
 *    from one to the next, and nothing moves to the next page to stay
 *    whole while its page is less than half full (it is cut instead,
 *    and a picture is made smaller); the text keeps its size;
 *  - the diagnosis starts a new page, the title page once half full;
 *    another part starts a new page only where it would start in the
 *    last fifth of one;
 *  - a heading is never the last thing on a page: it goes with the
 *    start of what it heads;
 *  - what belongs together (a link and its statements, a word and its
 *    meanings) moves to the next page rather than being cut, unless it
 *    is longer than a page or its page is less than half full;
 *  - a long text breaks between lines, never leaving one line alone at
 *    the foot or the head of a page;
 *  - a table breaks between rows, repeating its header row, and a row
 *    longer than a page breaks between lines.
 *
 * On a surface that keeps a document's structure (a PDF, see
 * rg_report_layout_set_tagged ()), the pages say what each thing is, for
 * screen readers: the document's headings (H1 to H4), paragraphs (P),
 * lists (L, LI, Lbl, LBody), tables (Table, TR, TH, TD) and pictures
 * (Figure), each once however many pages it runs over. The header and
 * footer of each page, and a table's header row repeated on the next
 * page, are marked as page furniture (Artifact) where cairo knows it
 * (1.18 and later; cairo 1.16 refuses the tag and would stop drawing).
 *
 * Any file may be hostile: a text is set piece by piece (see
 * split_chunks ()), a word too long for a line is given places to break
 * (append_breakable ()), a table's cell and a label are cut after
 * MAX_SHORT_TEXT bytes, and the pages keep what to set again rather
 * than Pango's layouts, so that time and memory grow with the length of
 * the session and no faster.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-report-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rg-bidi.h"
#include "rg-report-layout.h"

#define FONT_FAMILY   "Cantarell,Noto Sans,DejaVu Sans,sans-serif"
#define BODY_SIZE     10.5
#define SMALL_SIZE    8.5
#define HEADER_HEIGHT 28.0   /* the header's line, its rule and a gap */
#define FOOTER_HEIGHT 24.0
#define ITEM_INDENT   14.0   /* from a list item's bullet to its text */
#define BAR_INDENT    10.0   /* from a synthesis' bar to its text */
#define CELL_PADDING  4.0
#define MIN_LINES     2      /* lines kept together at a page's foot and head */
#define LONG_WORD     48     /* letters in a word that no line can hold */
#define CHUNK_LENGTH  8192   /* bytes of text Pango sets at once, at most */
#define MAX_PARAGRAPHS 32    /* paragraphs Pango sets at once, at most */
#define MAX_SHORT_TEXT CHUNK_LENGTH  /* bytes of a label or of a table's cell */
#define PART_BREAK    0.8    /* where on a page a part starts the next one instead */
#define OWN_PAGE_PART "diagnosis"  /* the part that starts a page of its own */
#define MIN_PICTURE_SCALE 0.6  /* how much smaller a picture may be made to end a page */

typedef enum
{
  PIECE_LINES,
  PIECE_RULE,
  PIECE_FILL,
  PIECE_IMAGE,
  PIECE_TAG_BEGIN,   /* a structure element opens, or page furniture */
  PIECE_TAG_END,
} PieceType;

/* What a text is set from: it is set again to be drawn, so that the
 * pages keep no Pango layout (a long report would keep them all) */
typedef struct
{
  char        *string;      /* the label, a space and the text */
  gsize        label_length;
  double       size;
  PangoWeight  weight;
  PangoStyle   style;
  double       width;
} TextSpec;

/* One thing drawn on a page */
typedef struct
{
  PieceType        type;
  double           x;
  double           y;
  double           width;       /* a rule goes from (x, y) to (x + width, y + height) */
  double           height;
  TextSpec        *spec;        /* lines: where the first line's top goes is (x, y) */
  guint            first_line;
  guint            n_lines;
  cairo_surface_t *image;
  double           grey;        /* of a rule or a fill; 0 is black */
  double           line_width;
  const char      *tag;         /* a structure tag's name, a static string */
} Piece;

/* One line of a text set in Pango */
typedef struct
{
  PangoLayoutLine *line;
  double           top;
  double           bottom;
  double           baseline;
  double           x;
} Line;

/* A text set in Pango, with where its lines are */
typedef struct
{
  TextSpec    *spec;
  PangoLayout *layout;
  GArray      *lines;   /* of Line */
} Text;

typedef struct
{
  guint  page;
  double y;
} Position;

struct _RgReportLayout
{
  RgReport     *report;
  PangoContext *context;
  double        width;
  double        height;
  double        body_top;
  double        body_bottom;
  GPtrArray    *pages;    /* of GArray of Piece */
  GArray       *positions;/* of Position: where each block starts */
  double        y;        /* where the next block goes on the last page */
  double        filled;   /* the bottom of what is on the last page */
  GPtrArray    *tags;     /* the structure elements open, outermost first */
  gboolean      tagged;   /* whether the tags are drawn */
  Text          drawn;    /* the text last set to be drawn */
};

#define TAG_ARTIFACT "Artifact"
#define TAG_DOCUMENT "Document"
#define TAG_FIGURE   "Figure"
#define TAG_LIST     "L"
#define TAG_LIST_BODY "LBody"

/* {{{ Texts */

static double
heading_size (guint level)
{
  static const double sizes[] = { 22.0, 15.0, 12.5, BODY_SIZE };

  return sizes[CLAMP (level, 1, 4) - 1];
}


static TextSpec *
text_spec_ref (TextSpec *spec)
{
  return g_rc_box_acquire (spec);
}

static void
text_spec_clear (gpointer data)
{
  TextSpec *spec = data;

  g_free (spec->string);
}

static void
text_spec_unref (TextSpec *spec)
{
  g_rc_box_release_full (spec, text_spec_clear);
}

static void
clear_piece (gpointer data)
{
  Piece *piece = data;

  g_clear_pointer (&piece->spec, text_spec_unref);
  g_clear_pointer (&piece->image, cairo_surface_destroy);
}

static void
clear_line (gpointer data)
{
  Line *line = data;

  pango_layout_line_unref (line->line);
}

static void
text_clear (Text *text)
{
  g_clear_pointer (&text->spec, text_spec_unref);
  g_clear_object (&text->layout);
  g_clear_pointer (&text->lines, g_array_unref);
}

static guint
text_get_n_lines (const Text *text)
{
  return text->lines->len;
}

static const Line *
text_get_line (const Text *text,
               guint       index)
{
  return &g_array_index (text->lines, Line, index);
}

/* The height of lines @first to @first + @n - 1 */
static double
text_get_height (const Text *text,
                 guint       first,
                 guint       n)
{
  if (n == 0)
    return 0;

  return text_get_line (text, first + n - 1)->bottom - text_get_line (text, first)->top;
}

/* How many lines from @first fit in @height */
static guint
text_count_fitting (const Text *text,
                    guint       first,
                    double      height)
{
  guint n = 0;

  while (first + n < text_get_n_lines (text) &&
         text_get_height (text, first, n + 1) <= height + 0.01)
    n++;

  return n;
}

/* Appends @text, with a zero-width space every few characters of a
 * word too long for any line: Pango breaks such a word in time that
 * grows with the square of its length (minutes for a hundred thousand
 * letters), and breaks it at once where it may. */
static void
append_breakable (GString    *string,
                  const char *text,
                  gsize       length)
{
  const char *end = text + length;
  guint run = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      run = g_unichar_isspace (c) ? 0 : run + 1;
      if (run > LONG_WORD)
        {
          g_string_append_unichar (string, 0x200B);
          run = 1;
        }
      g_string_append_unichar (string, c);
    }
}

/* At most @max_length bytes of @text, cut between characters, with an
 * ellipsis when cut. The cut may leave out the closer of an override
 * the text opened (rg-report.c closes them all at its end): it is
 * closed again, so that it does not turn a label's text around. */
static char *
shorten (const char *text,
         gsize       max_length)
{
  g_autofree char *cut = NULL;
  g_autofree char *isolated = NULL;
  const char *end;

  if (text == NULL || strlen (text) <= max_length)
    return g_strdup (text);

  end = g_utf8_find_prev_char (text, text + max_length);
  cut = g_strndup (text, end - text);
  isolated = rg_bidi_isolate (cut);
  return g_strconcat (isolated, "…", NULL);
}

/* @label in bold, then @length bytes of @text, in @size points, to be
 * wrapped at @width */
static TextSpec *
text_spec_new (const char  *label,
               const char  *text,
               gsize        length,
               double       size,
               PangoWeight  weight,
               PangoStyle   style,
               double       width)
{
  TextSpec *spec = g_rc_box_new0 (TextSpec);
  g_autoptr(GString) string = g_string_new (NULL);

  if (label != NULL && *label != '\0')
    {
      g_autofree char *short_label = shorten (label, MAX_SHORT_TEXT);

      g_string_append (string, short_label);
      spec->label_length = string->len;
      if (text != NULL && length > 0)
        g_string_append_c (string, ' ');
    }
  if (text != NULL)
    append_breakable (string, text, length);

  spec->string = g_string_free (g_steal_pointer (&string), FALSE);
  spec->size = size;
  spec->weight = weight;
  spec->style = style;
  spec->width = width;

  return spec;
}

/* Sets @spec in Pango; takes @spec */
static Text
text_realize (RgReportLayout *self,
              TextSpec       *spec)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  PangoAttrList *attributes = pango_attr_list_new ();
  PangoLayoutIter *iter;
  Text result = { spec, NULL, NULL };

  pango_font_description_set_size (font, (int) (spec->size * PANGO_SCALE));
  pango_font_description_set_weight (font, spec->weight);
  pango_font_description_set_style (font, spec->style);

  if (spec->label_length > 0)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = spec->label_length;
      pango_attr_list_insert (attributes, bold);
    }

  result.layout = pango_layout_new (self->context);
  pango_layout_set_font_description (result.layout, font);
  pango_layout_set_attributes (result.layout, attributes);
  pango_layout_set_wrap (result.layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (result.layout, MAX (1, (int) (spec->width * PANGO_SCALE)));
  pango_layout_set_text (result.layout, spec->string, -1);
  pango_attr_list_unref (attributes);

  result.lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_array_set_clear_func (result.lines, clear_line);
  iter = pango_layout_get_iter (result.layout);
  do
    {
      PangoRectangle logical;
      int top, bottom;
      Line line;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.line = pango_layout_line_ref (pango_layout_iter_get_line_readonly (iter));
      line.top = (double) top / PANGO_SCALE;
      line.bottom = (double) bottom / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (result.lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return result;
}

static Text
text_new (RgReportLayout *self,
          const char     *label,
          const char     *text,
          double          size,
          PangoWeight     weight,
          PangoStyle      style,
          double          width)
{
  return text_realize (self, text_spec_new (label, text, text != NULL ? strlen (text) : 0,
                                            size, weight, style, width));
}

/* A piece of a text, from @start to @end in bytes */
typedef struct
{
  gsize start;
  gsize end;
} Chunk;

/* Where to cut a text into pieces that Pango sets quickly: it takes
 * time growing with the product of a text's length and its number of
 * lines. A piece ends at a line break after MAX_PARAGRAPHS of them,
 * else it is at most CHUNK_LENGTH bytes, ending at the last line break
 * of its second half, else at its last space, else between two
 * characters; the line break or the space is left out, and the next
 * piece starts a new line. A paragraph shorter than CHUNK_LENGTH is
 * never cut. Returns the pieces, at least one. */
static GArray *
split_chunks (const char *text)
{
  GArray *chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  gsize length = text != NULL ? strlen (text) : 0;
  gsize start = 0;

  do
    {
      gsize limit = MIN (length, start + CHUNK_LENGTH);
      gsize last_break = 0, last_space = 0, cut = 0, next = 0;
      guint n_breaks = 0;

      for (gsize i = start; i < limit && cut == 0; i++)
        {
          if (text[i] == '\n')
            {
              last_break = i;
              if (++n_breaks >= MAX_PARAGRAPHS)
                cut = i, next = i + 1;
            }
          else if (text[i] == ' ')
            last_space = i;
        }

      if (cut == 0 && limit == length)
        cut = next = length;
      else if (cut == 0 && last_break > start + CHUNK_LENGTH / 2)
        cut = last_break, next = last_break + 1;
      else if (cut == 0 && last_space > start)
        cut = last_space, next = last_space + 1;
      else if (cut == 0)
        cut = next = g_utf8_find_prev_char (text, text + limit) - text;

      g_array_append_val (chunks, ((Chunk) { start, cut }));
      start = next;
    }
  while (start < length);

  return chunks;
}

/* The text of a block, its piece @index (see split_chunks ()) */
static Text
block_chunk_text (RgReportLayout      *self,
                  const RgReportBlock *block,
                  GArray              *chunks,
                  guint                index,
                  double               width)
{
  const Chunk *chunk = &g_array_index (chunks, Chunk, index);
  PangoStyle style = block->style == RG_REPORT_STYLE_EMPTY ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL;
  gboolean heading = block->type == RG_REPORT_BLOCK_HEADING;

  return text_realize (self, text_spec_new (index == 0 ? block->label : NULL,
                                            block->text != NULL ? block->text + chunk->start : NULL,
                                            chunk->end - chunk->start,
                                            heading ? heading_size (block->level) : BODY_SIZE,
                                            heading ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                            style, width));
}

/* Space above and below a heading */
static double
heading_space_before (guint level)
{
  static const double spaces[] = { 0.0, 16.0, 12.0, 8.0 };

  return spaces[CLAMP (level, 1, 4) - 1];
}

static double
heading_space_after (guint level)
{
  static const double spaces[] = { 14.0, 8.0, 5.0, 3.0 };

  return spaces[CLAMP (level, 1, 4) - 1];
}

/* }}} */
/* {{{ Pages */

static double
body_width (RgReportLayout *self)
{
  return self->width;
}

static double
body_height (RgReportLayout *self)
{
  return self->body_bottom - self->body_top;
}

static GArray *
current_page (RgReportLayout *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

/* A new page; the structure elements just opened, with nothing of
 * theirs yet on the last page, start on it instead */
static void
new_page (RgReportLayout *self)
{
  GArray *pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  GArray *last = self->pages->len > 0 ? current_page (self) : NULL;
  guint opened = 0;

  while (last != NULL && opened < last->len &&
         g_array_index (last, Piece, last->len - 1 - opened).type == PIECE_TAG_BEGIN)
    opened++;
  if (opened > 0)
    {
      g_array_append_vals (pieces, &g_array_index (last, Piece, last->len - opened), opened);
      g_array_remove_range (last, last->len - opened, opened);
    }

  g_array_set_clear_func (pieces, clear_piece);
  g_ptr_array_add (self->pages, pieces);
  self->y = self->body_top;
  self->filled = self->body_top;
}

static gboolean
page_is_empty (RgReportLayout *self)
{
  return self->y <= self->body_top;
}

static double
space_left (RgReportLayout *self)
{
  return self->body_bottom - self->y;
}

/* Whether what is on the last page reaches half of it: below that,
 * nothing moves on to the next page to stay whole */
static gboolean
page_is_half_full (RgReportLayout *self)
{
  return self->filled - self->body_top >= body_height (self) / 2;
}

/* A new page unless @height fits below, or the page is less than half
 * full: then what does not fit is cut (or made smaller) instead */
static void
make_room (RgReportLayout *self,
           double          height)
{
  if (height > space_left (self) + 0.01 && page_is_half_full (self))
    new_page (self);
}

static void
add_piece (RgReportLayout *self,
           Piece          *piece)
{
  g_array_append_val (current_page (self), *piece);
  self->filled = MAX (self->filled, piece->y + MAX (piece->height, 0));
}

static void
add_lines (RgReportLayout *self,
           const Text     *text,
           double          x,
           double          y,
           guint           first,
           guint           n)
{
  Piece piece = {
    .type = PIECE_LINES,
    .x = x,
    .y = y,
    .height = text_get_height (text, first, n),
    .spec = text_spec_ref (text->spec),
    .first_line = first,
    .n_lines = n,
  };

  add_piece (self, &piece);
}

static void
add_rule (RgReportLayout *self,
          double          x,
          double          y,
          double          width,
          double          height,
          double          line_width,
          double          grey)
{
  Piece piece = {
    .type = PIECE_RULE,
    .x = x, .y = y, .width = width, .height = height,
    .line_width = line_width,
    .grey = grey,
  };

  add_piece (self, &piece);
}

static void
add_fill (RgReportLayout *self,
          double          x,
          double          y,
          double          width,
          double          height,
          double          grey)
{
  Piece piece = {
    .type = PIECE_FILL,
    .x = x, .y = y, .width = width, .height = height,
    .grey = grey,
  };

  add_piece (self, &piece);
}

static void
add_tag (RgReportLayout *self,
         PieceType       type,
         const char     *tag)
{
  Piece piece = { .type = type, .tag = tag };

  g_array_append_val (current_page (self), piece);
}

/* Opens the structure element @tag, a static string, inside those open */
static void
open_tag (RgReportLayout *self,
          const char     *tag)
{
  add_tag (self, PIECE_TAG_BEGIN, tag);
  g_ptr_array_add (self->tags, (gpointer) tag);
}

/* Closes the structure elements open until @depth of them are left */
static void
close_tags (RgReportLayout *self,
            guint           depth)
{
  while (self->tags->len > depth)
    {
      add_tag (self, PIECE_TAG_END, g_ptr_array_index (self->tags, self->tags->len - 1));
      g_ptr_array_remove_index (self->tags, self->tags->len - 1);
    }
}

/* Where the @nth (from 1) element @tag open is, from the outermost, or
 * -1; the last one when @nth is 0 */
static int
find_tag (RgReportLayout *self,
          const char     *tag,
          guint           nth)
{
  int found = -1;
  guint n = 0;

  for (guint i = 0; i < self->tags->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tags, i), tag))
      {
        found = i;
        if (++n == nth)
          break;
      }

  return nth == 0 || n == nth ? found : -1;
}

/* Whether cairo marks page furniture (headers, footers) for what it is,
 * rather than refuse the tag: from 1.18 on */
static gboolean
artifacts_supported (void)
{
  return cairo_version () >= CAIRO_VERSION_ENCODE (1, 18, 0);
}

/* How many lines of @text from @first to put on this page: all that
 * fit, but never one alone at the foot or at the head of a page;
 * 0 to start on the next page */
static guint
lines_for_page (RgReportLayout *self,
                const Text     *text,
                guint           first)
{
  guint left = text_get_n_lines (text) - first;
  guint n = text_count_fitting (text, first, space_left (self));

  if (n == left)
    return n;

  if (page_is_empty (self))
    return MAX (n, 1);   /* a line taller than a page: it goes anyway */

  if (n < MIN_LINES)
    return 0;

  if (left - n < MIN_LINES && n > MIN_LINES)
    n -= MIN_LINES - (left - n);

  return n;
}

/* Places @text at @x, breaking it between lines across pages; a bar
 * runs beside it at @bar_x when that is not negative. Returns the page
 * and the top of its first line, for what goes beside it. */
static void
flow_text (RgReportLayout *self,
           const Text     *text,
           double          x,
           double          bar_x,
           guint          *first_page,
           double         *first_y)
{
  guint line = 0;

  *first_page = G_MAXUINT;

  while (line < text_get_n_lines (text))
    {
      guint n = lines_for_page (self, text, line);
      double height;

      if (n == 0)
        {
          new_page (self);
          continue;
        }

      height = text_get_height (text, line, n);
      if (*first_page == G_MAXUINT)
        {
          *first_page = self->pages->len - 1;
          *first_y = self->y;
        }
      add_lines (self, text, x, self->y, line, n);
      if (bar_x >= 0)
        add_rule (self, bar_x, self->y, 0, height, 2.5, 0.3);

      self->y += height;
      line += n;
      if (line < text_get_n_lines (text))
        new_page (self);
    }
}

/* }}} */
/* {{{ Blocks */

/* Where a block's text starts, from the left of the body */
static double
block_indent (const RgReportBlock *block)
{
  switch (block->type)
    {
    case RG_REPORT_BLOCK_ITEM:
      return ITEM_INDENT * (2 * block->level - 1);
    case RG_REPORT_BLOCK_PARAGRAPH:
      return (block->style == RG_REPORT_STYLE_SYNTHESIS ? BAR_INDENT : 0) +
             ITEM_INDENT * block->level;
    case RG_REPORT_BLOCK_HEADING:
    case RG_REPORT_BLOCK_TABLE:
    case RG_REPORT_BLOCK_IMAGE:
    default:
      return 0;
    }
}

static double
block_space_after (const RgReportBlock *block)
{
  switch (block->type)
    {
    case RG_REPORT_BLOCK_HEADING:
      return heading_space_after (block->level);
    case RG_REPORT_BLOCK_ITEM:
      return 3.0;
    case RG_REPORT_BLOCK_PARAGRAPH:
    case RG_REPORT_BLOCK_TABLE:
    case RG_REPORT_BLOCK_IMAGE:
    default:
      return 6.0;
    }
}

/* The width a block's text is wrapped at */
static double
block_width (RgReportLayout      *self,
             const RgReportBlock *block)
{
  return body_width (self) - block_indent (block);
}

/* The first piece of a block's text (see split_chunks ()) */
static Text
block_first_text (RgReportLayout      *self,
                  const RgReportBlock *block)
{
  g_autoptr(GArray) chunks = split_chunks (block->text);

  return block_chunk_text (self, block, chunks, 0, block_width (self, block));
}

/* The height of a block's whole text, or G_MAXDOUBLE as soon as it is
 * taller than @limit */
static double
block_text_height (RgReportLayout      *self,
                   const RgReportBlock *block,
                   double               limit)
{
  g_autoptr(GArray) chunks = split_chunks (block->text);
  double height = 0;

  for (guint i = 0; i < chunks->len && height <= limit; i++)
    {
      Text text = block_chunk_text (self, block, chunks, i, block_width (self, block));

      height += text_get_height (&text, 0, text_get_n_lines (&text));
      text_clear (&text);
    }

  return height <= limit ? height : G_MAXDOUBLE;
}

/* Places a block's text at @x, piece by piece (see flow_text ()) */
static void
flow_block (RgReportLayout      *self,
            const RgReportBlock *block,
            double               x,
            double               bar_x,
            guint               *first_page,
            double              *first_y)
{
  g_autoptr(GArray) chunks = split_chunks (block->text);

  for (guint i = 0; i < chunks->len; i++)
    {
      Text text = block_chunk_text (self, block, chunks, i, block_width (self, block));
      guint page;
      double y;

      flow_text (self, &text, x, bar_x, &page, &y);
      if (i == 0)
        {
          *first_page = page;
          *first_y = y;
        }
      text_clear (&text);
    }
}

/* The picture's size on the page: the width of the text at most, its
 * pixels at 96 to the inch at most, and never taller than a page */
static void
image_size (RgReportLayout      *self,
            const RgReportBlock *block,
            double              *width,
            double              *height)
{
  double scale = MIN (1.0, body_width (self) / (block->width * 0.75));

  scale = MIN (scale, body_height (self) * 0.95 / (block->height * 0.75));
  *width = block->width * 0.75 * scale;
  *height = block->height * 0.75 * scale;
}

/* The height of the first lines of @block: what a heading above it
 * needs beside it on its page */
static double
block_head_height (RgReportLayout      *self,
                   const RgReportBlock *block)
{
  double height = 0;

  switch (block->type)
    {
    case RG_REPORT_BLOCK_HEADING:
      {
        Text text = block_first_text (self, block);

        height = heading_space_before (block->level) + text_get_height (&text, 0, text_get_n_lines (&text));
        text_clear (&text);
      }
      break;

    case RG_REPORT_BLOCK_PARAGRAPH:
    case RG_REPORT_BLOCK_ITEM:
      {
        Text text = block_first_text (self, block);

        height = text_get_height (&text, 0, MIN (MIN_LINES, text_get_n_lines (&text)));
        text_clear (&text);
      }
      break;

    case RG_REPORT_BLOCK_TABLE:
      height = 3 * (BODY_SIZE * 1.5 + 2 * CELL_PADDING);
      break;

    case RG_REPORT_BLOCK_IMAGE:
      {
        double width;

        image_size (self, block, &width, &height);
        height *= MIN_PICTURE_SCALE;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return height;
}

/* The height of the blocks of the group that starts at @index, or
 * G_MAXDOUBLE when it is taller than a page */
static double
group_height (RgReportLayout *self,
              guint           index)
{
  guint group = rg_report_get_block (self->report, index)->group;
  double height = 0;

  for (guint i = index; i < rg_report_get_n_blocks (self->report); i++)
    {
      const RgReportBlock *block = rg_report_get_block (self->report, i);
      double text_height;

      if (block->group != group || block->type == RG_REPORT_BLOCK_HEADING)
        break;
      if (block->type != RG_REPORT_BLOCK_PARAGRAPH && block->type != RG_REPORT_BLOCK_ITEM)
        return G_MAXDOUBLE;   /* tables and pictures place themselves */

      text_height = block_text_height (self, block, body_height (self) - height);
      if (text_height == G_MAXDOUBLE)
        return G_MAXDOUBLE;
      height += text_height + block_space_after (block);
    }

  return height;
}

/* Whether the block at @index opens a group of blocks */
static gboolean
starts_group (RgReportLayout *self,
              guint           index)
{
  const RgReportBlock *block = rg_report_get_block (self->report, index);

  return block->group != 0 &&
         (index == 0 || rg_report_get_block (self->report, index - 1)->group != block->group);
}

/* What must go on the same page as the heading at @index: the group it
 * heads when that fits on half a page, else (and always after a part's
 * heading, which flows on) the first lines of what follows */
static double
heading_keep_height (RgReportLayout *self,
                     guint           index)
{
  const RgReportBlock *next;
  double height;

  if (index + 1 >= rg_report_get_n_blocks (self->report))
    return 0;

  next = rg_report_get_block (self->report, index + 1);
  if (starts_group (self, index + 1) && !rg_report_get_block (self->report, index)->new_page)
    {
      height = group_height (self, index + 1);
      if (height <= body_height (self) / 2)
        return height;
    }

  height = block_head_height (self, next);
  if (next->type == RG_REPORT_BLOCK_HEADING && index + 2 < rg_report_get_n_blocks (self->report))
    height += heading_space_after (next->level) +
              block_head_height (self, rg_report_get_block (self->report, index + 2));

  return height;
}

/* Whether the part the heading @block opens starts a new page: the
 * diagnosis does once the title page is half full, any other where it
 * would start in the last fifth of a page; else the parts flow on */
static gboolean
part_starts_page (RgReportLayout      *self,
                  const RgReportBlock *block)
{
  if (!block->new_page || page_is_empty (self))
    return FALSE;

  if (g_strcmp0 (block->part, OWN_PAGE_PART) == 0)
    return page_is_half_full (self);

  return self->y - self->body_top > body_height (self) * PART_BREAK;
}

static void
place_heading (RgReportLayout      *self,
               guint                index,
               const RgReportBlock *block)
{
  Text text = block_first_text (self, block);
  double height = text_get_height (&text, 0, text_get_n_lines (&text));
  guint page;
  double y;

  text_clear (&text);

  if (part_starts_page (self, block))
    new_page (self);
  if (!page_is_empty (self))
    self->y += heading_space_before (block->level);

  make_room (self, height + heading_space_after (block->level) + heading_keep_height (self, index));
  flow_block (self, block, 0, -1, &page, &y);
  g_array_index (self->positions, Position, index) = (Position) { page, y };

  if (block->level <= 2)
    {
      self->y += 3;
      add_rule (self, 0, self->y, body_width (self), 0, block->level == 1 ? 1.2 : 0.6, 0.45);
    }
}

static void
place_text_block (RgReportLayout      *self,
                  guint                index,
                  const RgReportBlock *block)
{
  double indent = block_indent (block);
  guint before_page, before_index;
  guint page;
  double y;

  if (starts_group (self, index))
    {
      double height = group_height (self, index);

      if (height <= body_height (self))
        make_room (self, height);
    }

  before_page = self->pages->len - 1;
  before_index = current_page (self)->len;

  flow_block (self, block, indent,
              block->style == RG_REPORT_STYLE_SYNTHESIS ? 1.25 : -1,
              &page, &y);

  /* An item's bullet, its label, goes before its text, its body */
  if (block->type == RG_REPORT_BLOCK_ITEM && page != G_MAXUINT)
    {
      Text bullet = text_new (self, NULL, block->level == 1 ? "•" : "–", BODY_SIZE,
                              PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, ITEM_INDENT);
      GArray *pieces = g_ptr_array_index (self->pages, page);
      guint at = page == before_page ? before_index : 0;
      Piece inserted[] = {
        { .type = PIECE_TAG_BEGIN, .tag = "Lbl" },
        {
          .type = PIECE_LINES,
          .x = indent - ITEM_INDENT,
          .y = y,
          .spec = text_spec_ref (bullet.spec),
          .n_lines = 1,
        },
        { .type = PIECE_TAG_END, .tag = "Lbl" },
        { .type = PIECE_TAG_BEGIN, .tag = TAG_LIST_BODY },
      };

      /* After the elements that moved to the page with the text */
      while (page != before_page && at < pieces->len &&
             g_array_index (pieces, Piece, at).type == PIECE_TAG_BEGIN)
        at++;
      g_array_insert_vals (pieces, at, inserted, G_N_ELEMENTS (inserted));
      g_ptr_array_add (self->tags, (gpointer) TAG_LIST_BODY);
      text_clear (&bullet);
    }
}

/* {{{ Tables */

/* Widths of the columns of @rows across the body: each its natural
 * width when all fit, else the narrow ones theirs and the wide ones
 * share the rest by their natural widths */
static double *
column_widths (RgReportLayout *self,
               GPtrArray      *rows)
{
  guint n_columns = g_strv_length (g_ptr_array_index (rows, 0));
  double *natural = g_new0 (double, n_columns);
  double *widths = g_new0 (double, n_columns);
  gboolean *fixed = g_new0 (gboolean, n_columns);
  double remaining = body_width (self);
  double total = 0;
  gboolean changed = TRUE;

  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *cell = shorten (row[c], MAX_SHORT_TEXT);
          Text text = text_new (self, NULL, cell, BODY_SIZE,
                                r == 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                PANGO_STYLE_NORMAL, body_width (self));
          PangoRectangle logical;

          pango_layout_get_extents (text.layout, NULL, &logical);
          natural[c] = MAX (natural[c], (double) logical.width / PANGO_SCALE + 2 * CELL_PADDING + 1);
          text_clear (&text);
        }
    }

  for (guint c = 0; c < n_columns; c++)
    total += natural[c];

  if (total <= remaining)
    {
      /* Everything fits: the spare width goes to every column alike */
      for (guint c = 0; c < n_columns; c++)
        widths[c] = natural[c] + (remaining - total) / n_columns;
      goto out;
    }

  while (changed)
    {
      guint n_free = 0;

      changed = FALSE;
      for (guint c = 0; c < n_columns; c++)
        n_free += fixed[c] ? 0 : 1;
      for (guint c = 0; c < n_columns; c++)
        if (!fixed[c] && natural[c] <= remaining / n_free)
          {
            widths[c] = natural[c];
            remaining -= natural[c];
            fixed[c] = changed = TRUE;
            break;
          }
    }

  total = 0;
  for (guint c = 0; c < n_columns; c++)
    total += fixed[c] ? 0 : natural[c];
  for (guint c = 0; c < n_columns; c++)
    if (!fixed[c])
      widths[c] = remaining * natural[c] / total;

out:
  g_free (natural);
  g_free (fixed);
  return widths;
}

typedef struct
{
  guint   n_columns;
  double *widths;
  Text   *cells;
  guint  *next_line;   /* the first line of each cell not yet placed */
} Row;

static void
row_init (RgReportLayout      *self,
          Row                 *row,
          const char * const  *cells,
          double              *widths,
          gboolean             header)
{
  row->n_columns = g_strv_length ((char **) cells);
  row->widths = widths;
  row->cells = g_new0 (Text, row->n_columns);
  row->next_line = g_new0 (guint, row->n_columns);
  for (guint c = 0; c < row->n_columns; c++)
    {
      g_autofree char *cell = shorten (cells[c], MAX_SHORT_TEXT);

      row->cells[c] = text_new (self, NULL, cell, BODY_SIZE,
                                header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                PANGO_STYLE_NORMAL, widths[c] - 2 * CELL_PADDING);
    }
}

static void
row_clear (Row *row)
{
  for (guint c = 0; c < row->n_columns; c++)
    text_clear (&row->cells[c]);
  g_free (row->cells);
  g_free (row->next_line);
}

static double
row_height_left (const Row *row)
{
  double height = 0;

  for (guint c = 0; c < row->n_columns; c++)
    {
      const Text *cell = &row->cells[c];
      guint first = row->next_line[c];

      height = MAX (height, text_get_height (cell, first, text_get_n_lines (cell) - first));
    }

  return height + 2 * CELL_PADDING;
}

static gboolean
row_is_done (const Row *row)
{
  for (guint c = 0; c < row->n_columns; c++)
    if (row->next_line[c] < text_get_n_lines (&row->cells[c]))
      return FALSE;

  return TRUE;
}

/* Whether a line of each cell of @row not yet placed fits on this page */
static gboolean
row_has_room (RgReportLayout *self,
              const Row      *row)
{
  double room = space_left (self) - 2 * CELL_PADDING;

  for (guint c = 0; c < row->n_columns; c++)
    {
      const Text *cell = &row->cells[c];
      guint first = row->next_line[c];

      if (first < text_get_n_lines (cell) && text_count_fitting (cell, first, room) == 0)
        return FALSE;
    }

  return TRUE;
}

/* Places what fits of @row at the current position, with its borders;
 * a row of the table (TR) and its cells (TH, TD) unless @repeated, a
 * header row repeated on the next page */
static void
place_row_slice (RgReportLayout *self,
                 Row            *row,
                 gboolean        header,
                 gboolean        repeated)
{
  double room = space_left (self) - 2 * CELL_PADDING;
  double height = 0;
  double x = 0;
  guint depth = self->tags->len;

  for (guint c = 0; c < row->n_columns; c++)
    {
      Text *cell = &row->cells[c];
      guint first = row->next_line[c];
      guint n = text_count_fitting (cell, first, room);

      if (first + n < text_get_n_lines (cell) && n == 0 && page_is_empty (self))
        n = 1;
      height = MAX (height, text_get_height (cell, first, n));
    }
  height += 2 * CELL_PADDING;

  if (repeated && artifacts_supported ())
    open_tag (self, TAG_ARTIFACT);
  else if (!repeated)
    open_tag (self, "TR");

  if (header)
    add_fill (self, 0, self->y, body_width (self), height, 0.9);

  for (guint c = 0; c < row->n_columns; c++)
    {
      Text *cell = &row->cells[c];
      guint first = row->next_line[c];
      guint n = text_count_fitting (cell, first, height - 2 * CELL_PADDING);

      if (!repeated)
        open_tag (self, header ? "TH" : "TD");
      if (n > 0)
        add_lines (self, cell, x + CELL_PADDING, self->y + CELL_PADDING, first, n);
      if (!repeated)
        close_tags (self, depth + 1);
      row->next_line[c] += n;

      add_rule (self, x, self->y, 0, height, 0.5, 0.45);
      x += row->widths[c];
    }
  add_rule (self, x, self->y, 0, height, 0.5, 0.45);
  add_rule (self, 0, self->y, body_width (self), 0, 0.5, 0.45);
  add_rule (self, 0, self->y + height, body_width (self), 0, 0.5, 0.45);
  close_tags (self, depth);

  self->y += height;
}

static void
place_header_row (RgReportLayout *self,
                  GPtrArray      *rows,
                  double         *widths)
{
  Row header;

  row_init (self, &header, g_ptr_array_index (rows, 0), widths, TRUE);
  place_row_slice (self, &header, TRUE, TRUE);
  row_clear (&header);
}

static void
place_table (RgReportLayout      *self,
             const RgReportBlock *block)
{
  g_autofree double *widths = column_widths (self, block->rows);

  for (guint r = 0; r < block->rows->len; r++)
    {
      Row row;

      row_init (self, &row, g_ptr_array_index (block->rows, r), widths, r == 0);

      /* A row goes whole to the next page when it fits there; the
       * header row goes with the first row */
      if (r == 0 && block->rows->len > 1)
        {
          Row first;

          row_init (self, &first, g_ptr_array_index (block->rows, 1), widths, FALSE);
          make_room (self, row_height_left (&row) + MIN (row_height_left (&first), body_height (self) / 2));
          row_clear (&first);
        }
      else if (r > 0 && row_height_left (&row) > space_left (self) &&
               row_height_left (&row) <= body_height (self) / 2 && page_is_half_full (self))
        {
          new_page (self);
          place_header_row (self, block->rows, widths);
        }

      for (;;)
        {
          if (!row_has_room (self, &row) && !page_is_empty (self))
            {
              new_page (self);
              if (r > 0)
                place_header_row (self, block->rows, widths);
            }
          place_row_slice (self, &row, r == 0, FALSE);
          if (row_is_done (&row))
            break;
          new_page (self);
          place_header_row (self, block->rows, widths);
        }

      row_clear (&row);
    }
}

/* }}} */

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  GInputStream *stream = closure;
  gsize n_read = 0;

  if (!g_input_stream_read_all (stream, data, length, &n_read, NULL, NULL) || n_read != length)
    return CAIRO_STATUS_READ_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
place_image (RgReportLayout      *self,
             const RgReportBlock *block)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (block->png);
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_bytes, stream);
  double width, height;
  Piece piece = { .type = PIECE_IMAGE };

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      /* Made by rg-report.c, so this is not expected; the text
       * alternative that follows still says what it showed */
      g_warning ("A picture of the report could not be read back");
      cairo_surface_destroy (surface);
      return;
    }

  image_size (self, block, &width, &height);
  if (height > space_left (self) && !page_is_empty (self))
    {
      /* Made smaller to end the page, rather than leave a gap or
       * a page less than half full; on the next page when that would
       * make it too small to read */
      double scale = space_left (self) / height;

      if (scale < MIN_PICTURE_SCALE && page_is_half_full (self))
        new_page (self);
      else
        {
          width *= scale;
          height *= scale;
        }
    }

  piece.x = (body_width (self) - width) / 2;
  piece.y = self->y;
  piece.width = width;
  piece.height = height;
  piece.image = surface;
  add_piece (self, &piece);
  self->y += height;
}

static const char *
heading_tag (guint level)
{
  static const char *tags[] = { "H1", "H2", "H3", "H4", "H5", "H6" };

  return tags[CLAMP (level, 1, G_N_ELEMENTS (tags)) - 1];
}

/* Opens the structure element of @block inside the right ones: an item
 * in its list (a second-level list inside the body of the item before),
 * a paragraph that goes with an item in that item's body; all else in
 * the document itself. A picture's figure holds the picture alone:
 * cairo 1.16 marks no content of an element that holds another. Returns
 * how many elements to leave open after it. */
static guint
open_block_tags (RgReportLayout      *self,
                 const RgReportBlock *block)
{
  int list, body;

  switch (block->type)
    {
    case RG_REPORT_BLOCK_HEADING:
      close_tags (self, 1);
      open_tag (self, heading_tag (block->level));
      return 1;

    case RG_REPORT_BLOCK_ITEM:
      list = find_tag (self, TAG_LIST, block->level);
      body = find_tag (self, TAG_LIST_BODY, 1);
      if (list >= 0)
        close_tags (self, list + 1);
      else if (block->level > 1 && body >= 0)
        {
          close_tags (self, body + 1);
          open_tag (self, TAG_LIST);
        }
      else
        {
          close_tags (self, 1);
          open_tag (self, TAG_LIST);
        }
      open_tag (self, "LI");
      return G_MAXUINT;  /* the item stays open for what goes with it */

    case RG_REPORT_BLOCK_PARAGRAPH:
      body = find_tag (self, TAG_LIST_BODY, 0);
      if (block->level > 0 && body >= 0)
        {
          guint depth = body + 1;

          close_tags (self, depth);
          open_tag (self, "P");
          return depth;
        }
      close_tags (self, 1);
      open_tag (self, "P");
      return 1;

    case RG_REPORT_BLOCK_TABLE:
      close_tags (self, 1);
      open_tag (self, "Table");
      return 1;

    case RG_REPORT_BLOCK_IMAGE:
      close_tags (self, 1);
      open_tag (self, TAG_FIGURE);
      return 1;

    default:
      g_assert_not_reached ();
    }
}

static void
place_block (RgReportLayout *self,
             guint           index)
{
  const RgReportBlock *block = rg_report_get_block (self->report, index);
  guint depth = open_block_tags (self, block);

  switch (block->type)
    {
    case RG_REPORT_BLOCK_HEADING:
      place_heading (self, index, block);
      break;
    case RG_REPORT_BLOCK_PARAGRAPH:
    case RG_REPORT_BLOCK_ITEM:
      place_text_block (self, index, block);
      break;
    case RG_REPORT_BLOCK_TABLE:
      place_table (self, block);
      break;
    case RG_REPORT_BLOCK_IMAGE:
      place_image (self, block);
      break;
    default:
      g_assert_not_reached ();
    }

  close_tags (self, depth);
  self->y += block_space_after (block);
}

/* }}} */

/**
 * rg_report_layout_new:
 * @report: a report, which must outlive the pages
 * @context: the Pango context of the surface the pages will be drawn
 *   on, at 72 units to the inch
 * @width: the width of the printable area of a page, in points
 * @height: its height
 *
 * Lays @report out on pages of the printable area given, header and
 * footer included (see the top of rg-report-layout.c).
 *
 * Returns: (transfer full): the pages
 */
RgReportLayout *
rg_report_layout_new (RgReport     *report,
                      PangoContext *context,
                      double        width,
                      double        height)
{
  RgReportLayout *self;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (RgReportLayout, 1);
  self->report = report;
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->body_top = HEADER_HEIGHT;
  /* On paper too small for a header and a footer, the body runs over
   * them rather than vanish */
  self->body_bottom = MAX (height - FOOTER_HEIGHT, HEADER_HEIGHT + 4 * BODY_SIZE);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->positions = g_array_new (FALSE, TRUE, sizeof (Position));
  g_array_set_size (self->positions, rg_report_get_n_blocks (report));

  pango_context_set_language (context, pango_language_from_string (rg_report_get_language (report)));

  self->tags = g_ptr_array_new ();

  new_page (self);
  open_tag (self, TAG_DOCUMENT);
  for (guint i = 0; i < rg_report_get_n_blocks (report); i++)
    place_block (self, i);
  close_tags (self, 0);

  return self;
}

void
rg_report_layout_free (RgReportLayout *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->context);
  g_ptr_array_unref (self->pages);
  g_array_unref (self->positions);
  g_ptr_array_unref (self->tags);
  text_clear (&self->drawn);
  g_free (self);
}

/**
 * rg_report_layout_set_tagged:
 * @self: the pages
 * @tagged: whether to draw the structure of the document
 *
 * Whether rg_report_layout_draw_page () says what each thing drawn is
 * (see the top of rg-report-layout.c), with cairo_tag_begin (). The
 * pages must then be drawn all, in order, on one surface: a PDF
 * document. Off at first: a printer is given any pages, in any order.
 */
void
rg_report_layout_set_tagged (RgReportLayout *self,
                             gboolean        tagged)
{
  g_return_if_fail (self != NULL);

  self->tagged = tagged;
}

/**
 * rg_report_layout_get_report:
 * @self: the pages
 *
 * Returns: (transfer none): the report laid out
 */
RgReport *
rg_report_layout_get_report (RgReportLayout *self)
{
  return self->report;
}

guint
rg_report_layout_get_n_pages (RgReportLayout *self)
{
  return self->pages->len;
}

/**
 * rg_report_layout_get_heading_position:
 * @self: the pages
 * @index: the index of a heading block of the report
 * @page: (out): the page it is on, from 0
 * @y: (out): the top of its first line, in points from the top of the
 *   printable area
 *
 * Where a heading is: for the outline of a document, or its contents.
 */
void
rg_report_layout_get_heading_position (RgReportLayout *self,
                                       guint           index,
                                       guint          *page,
                                       double         *y)
{
  Position *position;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->positions->len);
  g_return_if_fail (rg_report_get_block (self->report, index)->type == RG_REPORT_BLOCK_HEADING);

  position = &g_array_index (self->positions, Position, index);
  *page = position->page;
  *y = position->y;
}

/* Draws lines of a text set again for it, or still set from the piece
 * before */
static void
draw_lines (RgReportLayout *self,
            cairo_t        *cr,
            const Piece    *piece)
{
  double top;

  if (self->drawn.spec != piece->spec)
    {
      text_clear (&self->drawn);
      self->drawn = text_realize (self, text_spec_ref (piece->spec));
    }

  g_return_if_fail (piece->first_line + piece->n_lines <= text_get_n_lines (&self->drawn));

  top = text_get_line (&self->drawn, piece->first_line)->top;
  for (guint i = piece->first_line; i < piece->first_line + piece->n_lines; i++)
    {
      const Line *line = text_get_line (&self->drawn, i);

      cairo_move_to (cr, piece->x + line->x, piece->y + line->baseline - top);
      pango_cairo_show_layout_line (cr, line->line);
    }
}

static void
draw_piece (RgReportLayout *self,
            cairo_t        *cr,
            const Piece    *piece)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, piece->grey, piece->grey, piece->grey);

  switch (piece->type)
    {
    case PIECE_LINES:
      draw_lines (self, cr, piece);
      break;

    case PIECE_RULE:
      cairo_set_line_width (cr, piece->line_width);
      cairo_move_to (cr, piece->x, piece->y);
      cairo_rel_line_to (cr, piece->width, piece->height);
      cairo_stroke (cr);
      break;

    case PIECE_FILL:
      cairo_rectangle (cr, piece->x, piece->y, piece->width, piece->height);
      cairo_fill (cr);
      break;

    case PIECE_TAG_BEGIN:
      if (self->tagged)
        cairo_tag_begin (cr, piece->tag, NULL);
      break;

    case PIECE_TAG_END:
      if (self->tagged)
        cairo_tag_end (cr, piece->tag);
      break;

    case PIECE_IMAGE:
      cairo_translate (cr, piece->x, piece->y);
      cairo_scale (cr,
                   piece->width / cairo_image_surface_get_width (piece->image),
                   piece->height / cairo_image_surface_get_height (piece->image));
      cairo_set_source_surface (cr, piece->image, 0, 0);
      cairo_paint (cr);
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_restore (cr);
}

/* A line of small grey text at @y, from @x to @x + @width */
static void
draw_small_text (RgReportLayout *self,
                 cairo_t        *cr,
                 const char     *string,
                 double          x,
                 double          y,
                 double          width,
                 PangoAlignment  alignment)
{
  Text text = text_new (self, NULL, string, SMALL_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, width);

  pango_layout_set_alignment (text.layout, alignment);
  pango_layout_set_ellipsize (text.layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (text.layout, -1);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text.layout);
  cairo_restore (cr);
  text_clear (&text);
}

static void
draw_header_and_footer (RgReportLayout *self,
                        cairo_t        *cr,
                        guint           page)
{
  const char *subtitle = rg_report_get_subtitle (self->report);
  gboolean artifact = self->tagged && artifacts_supported ();
  g_autofree char *number = NULL;

  if (artifact)
    cairo_tag_begin (cr, TAG_ARTIFACT, NULL);

  if (page > 0)
    {
      double half = self->width / 2 - 6;

      draw_small_text (self, cr, rg_report_get_title (self->report), 0, 0,
                       subtitle != NULL ? half : self->width, PANGO_ALIGN_LEFT);
      if (subtitle != NULL)
        draw_small_text (self, cr, subtitle, self->width - half, 0, half, PANGO_ALIGN_RIGHT);

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, 0, HEADER_HEIGHT - 12);
      cairo_line_to (cr, self->width, HEADER_HEIGHT - 12);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Translators: the footer of each page of a report */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  draw_small_text (self, cr, number, 0, self->height - SMALL_SIZE * 1.6, self->width, PANGO_ALIGN_CENTER);

  if (artifact)
    cairo_tag_end (cr, TAG_ARTIFACT);
}

/**
 * rg_report_layout_draw_page:
 * @self: the pages
 * @cr: a cairo context whose origin is the top left corner of the
 *   printable area, in points
 * @page: the page, from 0
 *
 * Draws one page, its header and its footer.
 */
void
rg_report_layout_draw_page (RgReportLayout *self,
                            cairo_t        *cr,
                            guint           page)
{
  GArray *pieces;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < pieces->len; i++)
    draw_piece (self, cr, &g_array_index (pieces, Piece, i));

  draw_header_and_footer (self, cr, page);
}
