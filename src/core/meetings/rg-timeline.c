/* rg-timeline.c — the sessions of one situation, one after the other
 *
 * The sessions that share a situation id (a first review, then its
 * follow-ups), in the order of their dates, and for each the figures
 * that say whether the team's readings are converging: the agreements
 * tagged, the divergences still open, the actions done and those
 * overdue on the day of the meeting. The agreements and divergences are
 * RgStatistics' counts.
 *
 * Drawn as one group of four bars per session, each bar with its
 * number above and its symbol below (“=”, “≠”, “✓”, “!”), so nothing is
 * told by colour alone, and a line across the sessions for the
 * agreements and one for the open divergences, which show the trend.
 * The same drawing goes on screen and into a PNG: cairo and Pango,
 * never GTK. Measured in “em”, so it grows with the text.
 *
 * The files of a situation come from the library index (which knows
 * each file's situation without opening it); loading them and counting
 * runs in a worker thread with rg_timeline_load_async ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rg-bidi.h"
#include "rg-cairo-stream.h"
#include "rg-document.h"
#include "rg-picture-text.h"
#include "rg-statistics.h"
#include "rg-timeline.h"

#define DEFAULT_FONT "Sans 12"

/* In em */
#define MARGIN 1.0
#define LEGEND_LINE 1.6
#define LEGEND_HEIGHT (2 * LEGEND_LINE + 0.4)
#define VALUE_HEIGHT 1.4
#define CHART_HEIGHT 10.0
#define SYMBOL_HEIGHT 1.4
#define DATE_HEIGHT 1.4
#define TITLE_HEIGHT 2.6
#define BAR_WIDTH 1.6
#define BAR_GAP 0.3
#define GROUP_GAP 2.4
#define MIN_WIDTH 24.0

typedef struct
{
  char  *session_id;
  char  *title;
  char  *date;
  GFile *file;
  guint  figures[RG_TIMELINE_N_FIGURES];
} Point;

struct _RgTimeline
{
  GObject               parent_instance;

  char                 *situation_id;
  char                 *situation_label;
  GArray               *points;   /* of Point, in order */
  guint                 n_skipped;

  PangoFontDescription *font;
  double                scale;
  gboolean              dark;
};

G_DEFINE_FINAL_TYPE (RgTimeline, rg_timeline, G_TYPE_OBJECT)

G_DEFINE_QUARK (rg-timeline-error-quark, rg_timeline_error)

typedef struct
{
  double fg[3];
  double grid[4];
  double background[3];
  double figures[RG_TIMELINE_N_FIGURES][3];
} Palette;

/* libadwaita's blue, orange, green and red: darker on light, lighter on
 * dark; orange and blue are told apart by colour-blind eyes, and every
 * bar also carries its symbol. */
static const Palette light_palette = {
  .fg = { 0.12, 0.12, 0.12 },
  .grid = { 0, 0, 0, 0.15 },
  .background = { 1, 1, 1 },
  .figures = {
    { 0x1c / 255., 0x71 / 255., 0xd8 / 255. },
    { 0xe6 / 255., 0x61 / 255., 0x00 / 255. },
    { 0x26 / 255., 0xa2 / 255., 0x69 / 255. },
    { 0xc0 / 255., 0x1c / 255., 0x28 / 255. },
  },
};

static const Palette dark_palette = {
  .fg = { 1, 1, 1 },
  .grid = { 1, 1, 1, 0.2 },
  .background = { 0x24 / 255., 0x24 / 255., 0x24 / 255. },
  .figures = {
    { 0x62 / 255., 0xa0 / 255., 0xea / 255. },
    { 0xff / 255., 0xa3 / 255., 0x48 / 255. },
    { 0x57 / 255., 0xe3 / 255., 0x89 / 255. },
    { 0xf6 / 255., 0x61 / 255., 0x51 / 255. },
  },
};

static const char *symbols[RG_TIMELINE_N_FIGURES] = { "=", "≠", "✓", "!" };

static void
point_clear (gpointer data)
{
  Point *point = data;

  g_clear_pointer (&point->session_id, g_free);
  g_clear_pointer (&point->title, g_free);
  g_clear_pointer (&point->date, g_free);
  g_clear_object (&point->file);
}

static void
rg_timeline_finalize (GObject *object)
{
  RgTimeline *self = (RgTimeline *)object;

  g_clear_pointer (&self->situation_id, g_free);
  g_clear_pointer (&self->situation_label, g_free);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (rg_timeline_parent_class)->finalize (object);
}

static void
rg_timeline_class_init (RgTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_timeline_finalize;
}

static void
rg_timeline_init (RgTimeline *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, point_clear);
  self->font = pango_font_description_from_string (DEFAULT_FONT);
  self->scale = 1.0;
}

/**
 * rg_timeline_new:
 * @situation_id: the id of a situation
 *
 * Returns: (transfer full): an empty timeline of that situation
 */
RgTimeline *
rg_timeline_new (const char *situation_id)
{
  RgTimeline *self;

  g_return_val_if_fail (situation_id != NULL, NULL);

  self = g_object_new (RG_TYPE_TIMELINE, NULL);
  self->situation_id = g_strdup (situation_id);

  return self;
}

/**
 * rg_timeline_get_situation_id:
 *
 * Returns: (transfer none): the id of the situation
 */
const char *
rg_timeline_get_situation_id (RgTimeline *self)
{
  g_return_val_if_fail (RG_IS_TIMELINE (self), NULL);

  return self->situation_id;
}

/**
 * rg_timeline_get_situation_label:
 *
 * Returns: (transfer none) (nullable): the label of the situation, as
 *   its latest session gives it
 */
const char *
rg_timeline_get_situation_label (RgTimeline *self)
{
  g_return_val_if_fail (RG_IS_TIMELINE (self), NULL);

  return self->situation_label;
}

static guint
count_actions (RgSession *session,
               gboolean   overdue)
{
  GListModel *actions = rg_session_get_actions (session);
  const char *date = rg_session_get_date (session);
  guint n = g_list_model_get_n_items (actions);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);
      RgActionStatus status = rg_action_get_status (action);
      const char *due = rg_action_get_due (action);

      if (!overdue)
        count += status == RG_ACTION_STATUS_DONE;
      else
        /* Dates are YYYY-MM-DD: their order is that of their text. */
        count += (status == RG_ACTION_STATUS_PLANNED || status == RG_ACTION_STATUS_IN_PROGRESS)
                 && due != NULL && date != NULL && g_strcmp0 (due, date) < 0;
    }

  return count;
}

static int
compare_points (const Point *a,
                const Point *b)
{
  int order = g_strcmp0 (a->date, b->date);

  if (order == 0)
    order = g_utf8_collate (a->title, b->title);
  if (order == 0)
    order = g_strcmp0 (a->session_id, b->session_id);

  return order;
}

/**
 * rg_timeline_add_session:
 * @self: a #RgTimeline
 * @session: a session
 * @file: (nullable): where @session is
 *
 * Counts @session's figures and puts it in its place, by date. A
 * session of another situation, or one the timeline holds already (a
 * copy of its file), is left out.
 *
 * Returns: %TRUE if @session was added
 */
gboolean
rg_timeline_add_session (RgTimeline *self,
                         RgSession  *session,
                         GFile      *file)
{
  g_autoptr(RgStatistics) statistics = NULL;
  Point point = { 0 };
  guint position;

  g_return_val_if_fail (RG_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (RG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (g_strcmp0 (rg_session_get_situation_id (session), self->situation_id) != 0)
    return FALSE;

  for (guint i = 0; i < self->points->len; i++)
    {
      if (g_str_equal (g_array_index (self->points, Point, i).session_id,
                       rg_session_get_id (session)))
        return FALSE;
    }

  statistics = rg_statistics_new (session);
  point.session_id = g_strdup (rg_session_get_id (session));
  /* Titles go into sentences ("date, title: figures"): none may turn the rest around */
  point.title = rg_bidi_isolate (rg_session_get_title (session));
  point.date = g_strdup (rg_session_get_date (session));
  point.file = file != NULL ? g_object_ref (file) : NULL;
  point.figures[RG_TIMELINE_AGREEMENTS] = rg_statistics_get_count (statistics, RG_LINK_TYPE_AGREEMENT);
  point.figures[RG_TIMELINE_OPEN_DIVERGENCES] = rg_statistics_get_open_count (statistics,
                                                                              RG_LINK_TYPE_DIVERGENCE);
  point.figures[RG_TIMELINE_ACTIONS_DONE] = count_actions (session, FALSE);
  point.figures[RG_TIMELINE_ACTIONS_OVERDUE] = count_actions (session, TRUE);

  for (position = 0; position < self->points->len; position++)
    {
      if (compare_points (&point, &g_array_index (self->points, Point, position)) < 0)
        break;
    }
  g_array_insert_val (self->points, position, point);

  if (position == self->points->len - 1)
    {
      g_free (self->situation_label);
      self->situation_label = g_strdup (rg_session_get_situation_label (session));
    }

  return TRUE;
}

/**
 * rg_timeline_get_n_sessions:
 *
 * Returns: how many sessions the timeline shows
 */
guint
rg_timeline_get_n_sessions (RgTimeline *self)
{
  g_return_val_if_fail (RG_IS_TIMELINE (self), 0);

  return self->points->len;
}

/**
 * rg_timeline_get_n_skipped:
 *
 * Returns: how many files rg_timeline_load () could not read, or found
 *   to hold another situation or a copy of a session
 */
guint
rg_timeline_get_n_skipped (RgTimeline *self)
{
  g_return_val_if_fail (RG_IS_TIMELINE (self), 0);

  return self->n_skipped;
}

static const Point *
get_point (RgTimeline *self,
           guint       position)
{
  return &g_array_index (self->points, Point, position);
}

/**
 * rg_timeline_get_session_id:
 * @position: less than rg_timeline_get_n_sessions ()
 *
 * Returns: (transfer none): the id of the session at @position
 */
const char *
rg_timeline_get_session_id (RgTimeline *self,
                            guint       position)
{
  g_return_val_if_fail (RG_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (position < self->points->len, NULL);

  return get_point (self, position)->session_id;
}

/**
 * rg_timeline_get_title:
 * @position: less than rg_timeline_get_n_sessions ()
 *
 * Returns: (transfer none): the title of the session at @position
 */
const char *
rg_timeline_get_title (RgTimeline *self,
                       guint       position)
{
  g_return_val_if_fail (RG_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (position < self->points->len, NULL);

  return get_point (self, position)->title;
}

/**
 * rg_timeline_get_date:
 * @position: less than rg_timeline_get_n_sessions ()
 *
 * Returns: (transfer none): the date of the session at @position,
 *   `YYYY-MM-DD`
 */
const char *
rg_timeline_get_date (RgTimeline *self,
                      guint       position)
{
  g_return_val_if_fail (RG_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (position < self->points->len, NULL);

  return get_point (self, position)->date;
}

/**
 * rg_timeline_get_file:
 * @position: less than rg_timeline_get_n_sessions ()
 *
 * Returns: (transfer none) (nullable): the file of the session at
 *   @position, if it was given
 */
GFile *
rg_timeline_get_file (RgTimeline *self,
                      guint       position)
{
  g_return_val_if_fail (RG_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (position < self->points->len, NULL);

  return get_point (self, position)->file;
}

/**
 * rg_timeline_get_figure:
 * @position: less than rg_timeline_get_n_sessions ()
 * @figure: what to count
 *
 * Returns: that figure of the session at @position
 */
guint
rg_timeline_get_figure (RgTimeline       *self,
                        guint             position,
                        RgTimelineFigure  figure)
{
  g_return_val_if_fail (RG_IS_TIMELINE (self), 0);
  g_return_val_if_fail (position < self->points->len, 0);
  g_return_val_if_fail ((guint) figure < RG_TIMELINE_N_FIGURES, 0);

  return get_point (self, position)->figures[figure];
}

/* {{{ Words */

/* "12 mars 2024", as the library writes it */
static char *
format_date (const char *date)
{
  char *text = rg_date_format (date);

  return text != NULL ? text : g_strdup (date != NULL ? date : "");
}

static char *
describe_figure (RgTimelineFigure figure,
                 guint            n)
{
  switch (figure)
    {
    case RG_TIMELINE_AGREEMENTS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agreement", "%u agreements", n), n);
    case RG_TIMELINE_OPEN_DIVERGENCES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open divergence",
                                           "%u open divergences", n), n);
    case RG_TIMELINE_ACTIONS_DONE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action done", "%u actions done", n),
                              n);
    case RG_TIMELINE_ACTIONS_OVERDUE:
    case RG_TIMELINE_N_FIGURES:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action overdue",
                                           "%u actions overdue", n), n);
    }
}

/**
 * rg_timeline_figure_get_symbol:
 * @figure: a #RgTimelineFigure
 *
 * Returns: (transfer none): the sign that marks the figure beside its
 *   colour: “=”, “≠”, “✓” or “!”
 */
const char *
rg_timeline_figure_get_symbol (RgTimelineFigure figure)
{
  g_return_val_if_fail ((guint) figure < RG_TIMELINE_N_FIGURES, "");

  return symbols[figure];
}

/**
 * rg_timeline_figure_get_label:
 * @figure: a #RgTimelineFigure
 *
 * Returns: (transfer none): the figure's name, “Open divergences”
 */
const char *
rg_timeline_figure_get_label (RgTimelineFigure figure)
{
  switch (figure)
    {
    case RG_TIMELINE_AGREEMENTS:
      return _("Agreements");
    case RG_TIMELINE_OPEN_DIVERGENCES:
      return _("Open divergences");
    case RG_TIMELINE_ACTIONS_DONE:
      return _("Actions done");
    case RG_TIMELINE_ACTIONS_OVERDUE:
    case RG_TIMELINE_N_FIGURES:
    default:
      return _("Actions overdue");
    }
}

/**
 * rg_timeline_describe_session:
 * @position: less than rg_timeline_get_n_sessions ()
 *
 * The figures of one session in words, as a screen reader says them:
 * "12 March 2024, Revue: 3 agreements, 2 open divergences, 1 action
 * done, 0 actions overdue".
 *
 * Returns: (transfer full): the description
 */
char *
rg_timeline_describe_session (RgTimeline *self,
                              guint       position)
{
  const Point *point;
  g_autofree char *date = NULL;
  g_autofree char *figures[RG_TIMELINE_N_FIGURES] = { NULL };

  g_return_val_if_fail (RG_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (position < self->points->len, NULL);

  point = get_point (self, position);
  date = format_date (point->date);
  for (guint f = 0; f < RG_TIMELINE_N_FIGURES; f++)
    figures[f] = describe_figure (f, point->figures[f]);

  /* Translators: one session of the timeline, read aloud: its date, its
   * title, then its four figures. */
  return g_strdup_printf (_("%s, %s: %s, %s, %s, %s"), date, point->title,
                          figures[0], figures[1], figures[2], figures[3]);
}

/**
 * rg_timeline_describe:
 * @self: a #RgTimeline
 *
 * Says in words what the drawing shows: every session's figures, then
 * how the open divergences went from the first to the last.
 *
 * Returns: (transfer full): the description
 */
char *
rg_timeline_describe (RgTimeline *self)
{
  GString *text;
  guint first, last;

  g_return_val_if_fail (RG_IS_TIMELINE (self), NULL);

  text = g_string_new (NULL);
  if (self->points->len == 0)
    {
      g_string_append (text, _("No session of this situation."));
      return g_string_free (text, FALSE);
    }

  for (guint i = 0; i < self->points->len; i++)
    {
      g_autofree char *session = rg_timeline_describe_session (self, i);

      g_string_append (text, session);
      g_string_append (text, ". ");
    }

  first = get_point (self, 0)->figures[RG_TIMELINE_OPEN_DIVERGENCES];
  last = get_point (self, self->points->len - 1)->figures[RG_TIMELINE_OPEN_DIVERGENCES];
  if (self->points->len >= 2 && last < first)
    g_string_append (text, _("The open divergences went down: the readings are converging."));
  else if (self->points->len >= 2 && last > first)
    g_string_append (text, _("The open divergences went up: the readings are moving apart."));
  else if (self->points->len >= 2)
    g_string_append (text, _("As many open divergences as at the first session."));

  g_strchomp (text->str);
  text->len = strlen (text->str);

  return g_string_free (text, FALSE);
}

/* }}} */
/* {{{ Loading */

/**
 * rg_timeline_load:
 * @situation_id: the id of a situation
 * @files: (element-type GFile): session files, in any order
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Reads @files and makes the timeline of the sessions among them that
 * are about @situation_id. A file that cannot be read, or holds another
 * situation or a copy of a session, is counted as skipped: the others
 * still make the timeline. Blocks: see rg_timeline_load_async ().
 *
 * Returns: (transfer full) (nullable): the timeline, or %NULL if
 *   cancelled
 */
RgTimeline *
rg_timeline_load (const char    *situation_id,
                  GPtrArray     *files,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(RgTimeline) self = NULL;

  g_return_val_if_fail (situation_id != NULL, NULL);
  g_return_val_if_fail (files != NULL, NULL);

  self = rg_timeline_new (situation_id);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(RgDocument) document = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      document = rg_document_new_from_file (file, cancellable, &local_error);
      if (document == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_debug ("Left out of the timeline: %s", local_error->message);
          self->n_skipped++;
          continue;
        }

      if (!rg_timeline_add_session (self, rg_document_get_session (document), file))
        self->n_skipped++;
    }

  return g_steal_pointer (&self);
}

typedef struct
{
  char      *situation_id;
  GPtrArray *files;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_free (load->situation_id);
  g_ptr_array_unref (load->files);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  RgTimeline *timeline = rg_timeline_load (load->situation_id, load->files, cancellable, &error);

  if (timeline == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, timeline, g_object_unref);
}

/**
 * rg_timeline_load_async:
 * @situation_id: the id of a situation
 * @files: (element-type GFile): session files, in any order
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the timeline is made
 * @user_data: for @callback
 *
 * rg_timeline_load () in a worker thread.
 */
void
rg_timeline_load_async (const char          *situation_id,
                        GPtrArray           *files,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (situation_id != NULL);
  g_return_if_fail (files != NULL);

  load = g_new0 (LoadData, 1);
  load->situation_id = g_strdup (situation_id);
  load->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (load->files, g_file_dup (g_ptr_array_index (files, i)));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_timeline_load_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rg_timeline_load_finish:
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the timeline, or %NULL if
 *   cancelled
 */
RgTimeline *
rg_timeline_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* {{{ Drawing */

/**
 * rg_timeline_set_font:
 * @self: a #RgTimeline
 * @font: (nullable): a Pango font description, "Cantarell 11"; %NULL
 *   for the default
 */
void
rg_timeline_set_font (RgTimeline *self,
                      const char *font)
{
  g_return_if_fail (RG_IS_TIMELINE (self));

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_from_string (font != NULL ? font : DEFAULT_FONT);
  if (pango_font_description_get_size (self->font) <= 0)
    pango_font_description_set_size (self->font, 12 * PANGO_SCALE);
}

/**
 * rg_timeline_set_scale:
 * @self: a #RgTimeline
 * @scale: how much larger than the font to draw the text, from 0.5 to 4
 */
void
rg_timeline_set_scale (RgTimeline *self,
                       double      scale)
{
  g_return_if_fail (RG_IS_TIMELINE (self));

  self->scale = CLAMP (scale, 0.5, 4.0);
}

/**
 * rg_timeline_set_dark:
 * @self: a #RgTimeline
 * @dark: whether to draw for a dark background
 */
void
rg_timeline_set_dark (RgTimeline *self,
                      gboolean    dark)
{
  g_return_if_fail (RG_IS_TIMELINE (self));

  self->dark = !!dark;
}

static const Palette *
get_palette (RgTimeline *self)
{
  return self->dark ? &dark_palette : &light_palette;
}

static double
get_em (RgTimeline *self)
{
  return MAX (rg_picture_text_get_pixel_size (self->font) * self->scale, 6.);
}

static double
group_width (void)
{
  return RG_TIMELINE_N_FIGURES * BAR_WIDTH + (RG_TIMELINE_N_FIGURES - 1) * BAR_GAP + GROUP_GAP;
}

/**
 * rg_timeline_get_natural_width:
 *
 * Returns: the width at which every session's group of bars and its
 *   title fit, in pixels
 */
int
rg_timeline_get_natural_width (RgTimeline *self)
{
  double em;

  g_return_val_if_fail (RG_IS_TIMELINE (self), 0);

  em = get_em (self);

  return (int) ceil (em * MAX (MIN_WIDTH, 2 * MARGIN + self->points->len * group_width () - GROUP_GAP));
}

/**
 * rg_timeline_get_height:
 *
 * Returns: the height of the drawing, in pixels, whatever its width
 */
int
rg_timeline_get_height (RgTimeline *self)
{
  g_return_val_if_fail (RG_IS_TIMELINE (self), 0);

  return (int) ceil (get_em (self) * (2 * MARGIN + LEGEND_HEIGHT + VALUE_HEIGHT + CHART_HEIGHT
                                      + SYMBOL_HEIGHT + DATE_HEIGHT + TITLE_HEIGHT));
}

static PangoLayout *
make_layout (RgTimeline *self,
             cairo_t    *cr,
             const char *text,
             double      scale,
             gboolean    bold,
             double      width,
             int         max_lines)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  rg_picture_text_set_up (layout, self->font, get_em (self) * scale, bold, text, width, max_lines);
  if (width > 0)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  return layout;
}

/* Draws @text centred on @x, its top at @y; returns its width. */
static double
show_text (RgTimeline *self,
           cairo_t    *cr,
           const char *text,
           double      scale,
           gboolean    bold,
           double      x,
           double      y,
           double      width,
           int         max_lines,
           gboolean    centred)
{
  g_autoptr(PangoLayout) layout = make_layout (self, cr, text, scale, bold, width, max_lines);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width > 0)
    cairo_move_to (cr, x - width / 2, y);
  else if (centred)
    cairo_move_to (cr, x - logical.width / (2. * PANGO_SCALE), y);
  else
    cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);

  return logical.width / (double) PANGO_SCALE;
}

static void
set_rgb (cairo_t      *cr,
         const double  rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

/* The legend: each figure's colour, symbol and name, on as many
 * lines as @width asks (two at most are kept room for). */
static void
draw_legend (RgTimeline *self,
             cairo_t    *cr,
             double      em,
             double      width)
{
  const Palette *palette = get_palette (self);
  double x = MARGIN * em;
  double y = MARGIN * em;

  for (guint f = 0; f < RG_TIMELINE_N_FIGURES; f++)
    {
      g_autofree char *label = g_strdup_printf ("%s %s", symbols[f], rg_timeline_figure_get_label (f));
      g_autoptr(PangoLayout) layout = make_layout (self, cr, label, 0.9, FALSE, -1, 1);
      PangoRectangle logical;
      double item;

      pango_layout_get_extents (layout, NULL, &logical);
      item = 1.3 * em + logical.width / (double) PANGO_SCALE;
      if (x > MARGIN * em && x + item > width - MARGIN * em)
        {
          x = MARGIN * em;
          y += LEGEND_LINE * em;
        }

      set_rgb (cr, palette->figures[f]);
      cairo_rectangle (cr, x, y + 0.3 * em, 0.9 * em, 0.9 * em);
      cairo_fill (cr);
      set_rgb (cr, palette->fg);
      cairo_move_to (cr, x + 1.3 * em, y + 0.15 * em);
      pango_cairo_show_layout (cr, layout);
      x += item + 1.2 * em;
    }
}

/**
 * rg_timeline_draw:
 * @self: a #RgTimeline
 * @cr: where to draw
 * @width: the width to draw in, in pixels
 * @height: the height to draw in, in pixels
 *
 * Draws the legend, then one group of bars per session, left to right
 * in the order of their dates, on a transparent background.
 */
void
rg_timeline_draw (RgTimeline *self,
                  cairo_t    *cr,
                  int         width,
                  int         height)
{
  const Palette *palette;
  double em, group, left, chart_top, baseline;
  guint max = 1;

  g_return_if_fail (RG_IS_TIMELINE (self));
  g_return_if_fail (cr != NULL);

  palette = get_palette (self);
  em = get_em (self);
  group = group_width () * em;
  cairo_save (cr);

  draw_legend (self, cr, em, width);

  for (guint i = 0; i < self->points->len; i++)
    for (guint f = 0; f < RG_TIMELINE_N_FIGURES; f++)
      max = MAX (max, get_point (self, i)->figures[f]);

  /* Centred when the window is wider than the sessions need */
  left = MAX (MARGIN * em, (width - self->points->len * group + GROUP_GAP * em) / 2);
  chart_top = (MARGIN + LEGEND_HEIGHT + VALUE_HEIGHT) * em;
  baseline = chart_top + CHART_HEIGHT * em;

  /* The baseline, across all sessions */
  cairo_set_source_rgba (cr, palette->grid[0], palette->grid[1], palette->grid[2], palette->grid[3]);
  cairo_set_line_width (cr, MAX (1, em / 12));
  cairo_move_to (cr, left, baseline + 0.5);
  cairo_line_to (cr, left + self->points->len * group - GROUP_GAP * em, baseline + 0.5);
  cairo_stroke (cr);

  /* The trends: agreements and open divergences, session to session */
  for (guint f = RG_TIMELINE_AGREEMENTS; f <= RG_TIMELINE_OPEN_DIVERGENCES; f++)
    {
      cairo_set_source_rgba (cr, palette->figures[f][0], palette->figures[f][1],
                             palette->figures[f][2], 0.6);
      cairo_set_line_width (cr, MAX (1.5, em / 8));
      for (guint i = 0; i < self->points->len; i++)
        {
          double x = left + i * group + (f * (BAR_WIDTH + BAR_GAP) + BAR_WIDTH / 2) * em;
          double y = baseline - CHART_HEIGHT * em * get_point (self, i)->figures[f] / max;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = get_point (self, i);
      double x0 = left + i * group;
      double centre = x0 + (group - GROUP_GAP * em) / 2;
      g_autofree char *date = format_date (point->date);

      for (guint f = 0; f < RG_TIMELINE_N_FIGURES; f++)
        {
          double x = x0 + f * (BAR_WIDTH + BAR_GAP) * em;
          double bar = CHART_HEIGHT * em * point->figures[f] / max;
          g_autofree char *value = g_strdup_printf ("%u", point->figures[f]);

          set_rgb (cr, palette->figures[f]);
          /* A zero still shows, as a thin line */
          cairo_rectangle (cr, x, baseline - MAX (bar, em / 10), BAR_WIDTH * em, MAX (bar, em / 10));
          cairo_fill (cr);

          /* On a patch of background, over the trend lines */
          set_rgb (cr, palette->background);
          cairo_rectangle (cr, x, baseline - bar - 1.25 * em, BAR_WIDTH * em, 1.15 * em);
          cairo_fill (cr);
          set_rgb (cr, palette->fg);
          show_text (self, cr, value, 0.85, TRUE, x + BAR_WIDTH * em / 2,
                     baseline - bar - 1.25 * em, -1, 1, TRUE);
          show_text (self, cr, symbols[f], 0.85, FALSE, x + BAR_WIDTH * em / 2,
                     baseline + 0.2 * em, -1, 1, TRUE);
        }

      set_rgb (cr, palette->fg);
      show_text (self, cr, date, 0.8, TRUE, centre, baseline + SYMBOL_HEIGHT * em,
                 group - 0.3 * em, 1, TRUE);
      show_text (self, cr, point->title, 0.8, FALSE, centre,
                 baseline + (SYMBOL_HEIGHT + DATE_HEIGHT) * em, group - 0.3 * em, 2, TRUE);
    }

  cairo_restore (cr);
}

static void
draw_on_background (cairo_t  *cr,
                    int       width,
                    int       height,
                    gpointer  user_data)
{
  RgTimeline *self = user_data;

  set_rgb (cr, get_palette (self)->background);
  cairo_paint (cr);
  rg_timeline_draw (self, cr, width, height);
}

/**
 * rg_timeline_to_png:
 * @self: a #RgTimeline
 * @error: a location for a #GError
 *
 * Draws the timeline at its natural width, on an opaque background, as
 * a PNG image at twice that size for a sharp print.
 *
 * Returns: (transfer full) (nullable): the PNG file's bytes, or %NULL
 */
GBytes *
rg_timeline_to_png (RgTimeline  *self,
                    GError     **error)
{
  g_autoptr(GBytes) png = NULL;
  cairo_status_t status;

  g_return_val_if_fail (RG_IS_TIMELINE (self), NULL);

  png = rg_cairo_draw_sharp_png (rg_timeline_get_natural_width (self), rg_timeline_get_height (self),
                                 draw_on_background, self, &status);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RG_TIMELINE_ERROR, RG_TIMELINE_ERROR_DRAWING,
                   _("The picture could not be drawn (%s)."), cairo_status_to_string (status));
      return NULL;
    }

  return g_steal_pointer (&png);
}

/* }}} */
