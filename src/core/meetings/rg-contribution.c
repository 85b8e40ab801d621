/* rg-contribution.c — a partner's reading, written before the meeting
 *
 * The coordinator asks a partner for a contribution: a file in the
 * session format, marked as a contribution, holding the session's title,
 * situation and dimensions, that partner and their statements, and
 * nothing of anyone else. The partner fills in their column and sends it
 * back; importing merges their statements into the session.
 *
 * A statement keeps its id from the contribution to the session, which
 * is how importing the same file twice adds nothing, and how a statement
 * the partner changed since is recognised and updated. Whatever is not
 * imported is reported with why: nothing is dropped silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-contribution"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rg-contribution.h"
#include "rg-document.h"

G_DEFINE_QUARK (rg-contribution-error-quark, rg_contribution_error)

/* {{{ RgContributionItem */

struct _RgContributionItem
{
  GObject                parent_instance;

  RgContributionOutcome  outcome;
  char                  *file_name;
  char                  *partner;
  char                  *dimension;
  char                  *text;
  char                  *reason;
};

G_DEFINE_FINAL_TYPE (RgContributionItem, rg_contribution_item, G_TYPE_OBJECT)

static void
rg_contribution_item_finalize (GObject *object)
{
  RgContributionItem *self = RG_CONTRIBUTION_ITEM (object);

  g_free (self->file_name);
  g_free (self->partner);
  g_free (self->dimension);
  g_free (self->text);
  g_free (self->reason);

  G_OBJECT_CLASS (rg_contribution_item_parent_class)->finalize (object);
}

static void
rg_contribution_item_class_init (RgContributionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_contribution_item_finalize;
}

static void
rg_contribution_item_init (RgContributionItem *self)
{
}

/* A getter of a field, under the gtk-doc comment that says what it is. */
#define DEFINE_GETTER(Type, name, fallback)                         \
  Type                                                              \
  rg_contribution_item_get_##name (RgContributionItem *self)        \
  {                                                                 \
    g_return_val_if_fail (RG_IS_CONTRIBUTION_ITEM (self), fallback); \
                                                                    \
    return self->name;                                              \
  }

/**
 * rg_contribution_item_get_outcome:
 *
 * Returns: whether it was added, updated, skipped, or found unchanged
 */
DEFINE_GETTER (RgContributionOutcome, outcome, RG_CONTRIBUTION_OUTCOME_SKIPPED)

/**
 * rg_contribution_item_get_file_name:
 *
 * Returns: (transfer none): the name of the contribution file it is from
 */
DEFINE_GETTER (const char *, file_name, NULL)

/**
 * rg_contribution_item_get_partner:
 *
 * Returns: (transfer none) (nullable): the name of the partner it is by
 */
DEFINE_GETTER (const char *, partner, NULL)

/**
 * rg_contribution_item_get_dimension:
 *
 * Returns: (transfer none) (nullable): the name of its dimension
 */
DEFINE_GETTER (const char *, dimension, NULL)

/**
 * rg_contribution_item_get_text:
 *
 * Returns: (transfer none) (nullable): its text as the contribution has
 *   it, or what it is ("2 links"); %NULL for a whole file refused
 */
DEFINE_GETTER (const char *, text, NULL)

/**
 * rg_contribution_item_get_reason:
 *
 * Returns: (transfer none) (nullable): why it was skipped, or what an
 *   update replaced; in words for the coordinator
 */
DEFINE_GETTER (const char *, reason, NULL)

/* }}} */
/* {{{ RgContributionReport */

struct _RgContributionReport
{
  GObject     parent_instance;

  GListStore *items;
  guint       counts[RG_CONTRIBUTION_OUTCOME_UNCHANGED + 1];
  guint       n_files;
};

G_DEFINE_FINAL_TYPE (RgContributionReport, rg_contribution_report, G_TYPE_OBJECT)

static void
rg_contribution_report_finalize (GObject *object)
{
  RgContributionReport *self = RG_CONTRIBUTION_REPORT (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (rg_contribution_report_parent_class)->finalize (object);
}

static void
rg_contribution_report_class_init (RgContributionReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rg_contribution_report_finalize;
}

static void
rg_contribution_report_init (RgContributionReport *self)
{
  self->items = g_list_store_new (RG_TYPE_CONTRIBUTION_ITEM);
}

/* Takes @reason. */
static void
report_add (RgContributionReport  *self,
            RgContributionOutcome  outcome,
            const char            *file_name,
            const char            *partner,
            const char            *dimension,
            const char            *text,
            char                  *reason)
{
  g_autoptr(RgContributionItem) item = g_object_new (RG_TYPE_CONTRIBUTION_ITEM, NULL);

  item->outcome = outcome;
  item->file_name = g_strdup (file_name);
  item->partner = g_strdup (partner);
  item->dimension = g_strdup (dimension);
  item->text = g_strdup (text);
  item->reason = reason;
  self->counts[outcome]++;
  g_list_store_append (self->items, item);
}

/**
 * rg_contribution_report_get_items:
 *
 * Returns: (transfer none): the #RgContributionItem of everything added,
 *   updated or skipped, file after file, in the order of each file
 */
GListModel *
rg_contribution_report_get_items (RgContributionReport *self)
{
  g_return_val_if_fail (RG_IS_CONTRIBUTION_REPORT (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * rg_contribution_report_count:
 *
 * Returns: how many items had @outcome
 */
guint
rg_contribution_report_count (RgContributionReport  *self,
                              RgContributionOutcome  outcome)
{
  g_return_val_if_fail (RG_IS_CONTRIBUTION_REPORT (self), 0);
  g_return_val_if_fail ((guint) outcome <= RG_CONTRIBUTION_OUTCOME_UNCHANGED, 0);

  return self->counts[outcome];
}

/**
 * rg_contribution_report_get_n_files:
 *
 * Returns: how many files were read as contributions of the session
 */
guint
rg_contribution_report_get_n_files (RgContributionReport *self)
{
  g_return_val_if_fail (RG_IS_CONTRIBUTION_REPORT (self), 0);

  return self->n_files;
}

/* }}} */
/* {{{ Making a contribution */

static RgStatement *
copy_statement (RgStatement *statement)
{
  RgStatement *copy = g_object_new (RG_TYPE_STATEMENT,
                                    "id", rg_statement_get_id (statement),
                                    "partner-id", rg_statement_get_partner_id (statement),
                                    "dimension-id", rg_statement_get_dimension_id (statement),
                                    "kind", rg_statement_get_kind (statement),
                                    "text", rg_statement_get_text (statement),
                                    NULL);

  /* Last: every other setter moves "changed". */
  rg_statement_set_created (copy, rg_statement_get_created (statement));
  rg_statement_set_changed (copy, rg_statement_get_changed (statement));

  return copy;
}

/**
 * rg_contribution_new:
 * @session: the session a contribution is asked for
 * @partner: the partner asked, one of @session
 *
 * Makes the contribution a partner fills in before the meeting: the
 * session's id, title, date and situation (without the names of the
 * persons), its dimensions without their synthesis, @partner, and the
 * statements @partner has in @session already. Nothing of any other
 * partner.
 *
 * Returns: (transfer full): a new #RgSession of kind
 *   %RG_SESSION_KIND_CONTRIBUTION
 */
RgSession *
rg_contribution_new (RgSession *session,
                     RgPartner *partner)
{
  GListModel *dimensions, *statements;
  g_autoptr(RgPartner) partner_copy = NULL;
  RgSession *contribution;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);
  g_return_val_if_fail (RG_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (rg_session_find_partner (session, rg_partner_get_id (partner)) == partner, NULL);

  contribution = g_object_new (RG_TYPE_SESSION,
                               "id", rg_session_get_id (session),
                               "kind", RG_SESSION_KIND_CONTRIBUTION,
                               "contributor-id", rg_partner_get_id (partner),
                               "title", rg_session_get_title (session),
                               "date", rg_session_get_date (session),
                               "situation-id", rg_session_get_situation_id (session),
                               "situation-label", rg_session_get_situation_label (session),
                               "situation-code", rg_session_get_situation_code (session),
                               NULL);

  partner_copy = g_object_new (RG_TYPE_PARTNER,
                               "id", rg_partner_get_id (partner),
                               "name", rg_partner_get_name (partner),
                               "profession", rg_partner_get_profession (partner),
                               "institution", rg_partner_get_institution (partner),
                               "role", rg_partner_get_role (partner),
                               "colour", rg_partner_get_colour (partner),
                               NULL);
  rg_session_add_partner (contribution, partner_copy);

  dimensions = rg_session_get_dimensions (session);
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);
      g_autoptr(RgDimension) copy = g_object_new (RG_TYPE_DIMENSION,
                                                  "id", rg_dimension_get_id (dimension),
                                                  "name", rg_dimension_get_name (dimension),
                                                  NULL);

      rg_session_add_dimension (contribution, copy);
    }

  statements = rg_session_get_statements (session);
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      if (g_str_equal (rg_statement_get_partner_id (statement), rg_partner_get_id (partner)))
        {
          g_autoptr(RgStatement) copy = copy_statement (statement);

          rg_session_add_statement (contribution, copy);
        }
    }

  return contribution;
}

/**
 * rg_contribution_record_asked:
 * @editor: the editor of the session
 * @partner: the partner asked, one of the session
 *
 * Records, undoably, that a contribution was asked of @partner today:
 * its #RgPartner:contribution-asked. Called once the file of
 * rg_contribution_new () is written; a contribution asked again is
 * dated from the last time.
 */
void
rg_contribution_record_asked (RgSessionEditor *editor,
                              RgPartner       *partner)
{
  g_autofree char *today = rg_date_new_today ();
  RgSession *session;

  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));
  g_return_if_fail (RG_IS_PARTNER (partner));

  /* The partner may have been removed while the file was written */
  session = rg_session_editor_get_session (editor);
  if (rg_session_find_partner (session, rg_partner_get_id (partner)) != partner
      || g_strcmp0 (rg_partner_get_contribution_asked (partner), today) == 0)
    return;

  rg_session_editor_set (editor, _("Ask for a contribution"), partner, "contribution-asked", today);
}

/* }}} */
/* {{{ Importing */

typedef struct
{
  RgSessionEditor      *editor;
  RgSession            *session;
  RgContributionReport *report;
  RgSession            *contribution;
  RgPartner            *partner;       /* the contributor, in the session */
  const char           *file_name;
} Merge;

static gboolean
check_contribution (RgSession  *session,
                    RgSession  *contribution,
                    GError    **error)
{
  const char *contributor_id = rg_session_get_contributor_id (contribution);
  RgPartner *contributor;

  if (rg_session_get_kind (contribution) != RG_SESSION_KIND_CONTRIBUTION)
    {
      g_set_error (error, RG_CONTRIBUTION_ERROR, RG_CONTRIBUTION_ERROR_NOT_A_CONTRIBUTION,
                   _("This file is a session, not a partner’s contribution."));
      return FALSE;
    }

  if (contributor_id == NULL ||
      (contributor = rg_session_find_partner (contribution, contributor_id)) == NULL)
    {
      g_set_error (error, RG_CONTRIBUTION_ERROR, RG_CONTRIBUTION_ERROR_NO_CONTRIBUTOR,
                   _("This contribution does not say which partner it is from."));
      return FALSE;
    }

  if (g_strcmp0 (rg_session_get_situation_id (contribution), rg_session_get_situation_id (session)) != 0)
    {
      g_set_error (error, RG_CONTRIBUTION_ERROR, RG_CONTRIBUTION_ERROR_OTHER_SITUATION,
                   /* Translators: %s is the label of a situation, "Élève A., CM1" */
                   _("This contribution is about another situation, “%s”."),
                   rg_session_get_situation_label (contribution));
      return FALSE;
    }

  if (g_strcmp0 (rg_session_get_id (contribution), rg_session_get_id (session)) != 0)
    {
      g_set_error (error, RG_CONTRIBUTION_ERROR, RG_CONTRIBUTION_ERROR_OTHER_SESSION,
                   /* Translators: the title and date of another session of the situation */
                   _("This contribution was asked for another session of the situation, “%s” of %s."),
                   rg_session_get_title (contribution), rg_session_get_date (contribution));
      return FALSE;
    }

  if (rg_session_find_partner (session, contributor_id) == NULL)
    {
      g_set_error (error, RG_CONTRIBUTION_ERROR, RG_CONTRIBUTION_ERROR_UNKNOWN_PARTNER,
                   /* Translators: %s is a partner's name */
                   _("%s, whom this contribution is from, is no longer a partner of this session."),
                   rg_partner_get_name (contributor));
      return FALSE;
    }

  return TRUE;
}

static void
skip (Merge       *merge,
      const char  *dimension,
      const char  *text,
      char        *reason)
{
  report_add (merge->report, RG_CONTRIBUTION_OUTCOME_SKIPPED, merge->file_name,
              rg_partner_get_name (merge->partner), dimension, text, reason);
}

/* Takes @what, which says what the contribution has and the session
 * keeps for itself. */
static void
skip_extra (Merge *merge,
            char  *what)
{
  skip (merge, NULL, what, g_strdup (_("A contribution only brings its partner’s statements.")));
  g_free (what);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

/* What only the session holds: the partner's details as the session
 * knows them, the team's syntheses, links, glossary, criteria,
 * actions and consents. A contribution has none of them, unless it was
 * edited by hand; they are listed, never taken. */
static void
report_session_content (Merge *merge)
{
  RgSession *contribution = merge->contribution;
  RgPartner *own = rg_session_find_partner (contribution, rg_partner_get_id (merge->partner));
  GListModel *dimensions = rg_session_get_dimensions (contribution);
  GListModel *categories = rg_session_get_categories (contribution);
  guint n_criteria = 0, n;

  if (!same_text (rg_partner_get_name (own), rg_partner_get_name (merge->partner)) ||
      !same_text (rg_partner_get_profession (own), rg_partner_get_profession (merge->partner)) ||
      !same_text (rg_partner_get_institution (own), rg_partner_get_institution (merge->partner)))
    {
      const char *profession = rg_partner_get_profession (own);
      const char *institution = rg_partner_get_institution (own);
      g_autofree char *details = g_strjoin (" · ", rg_partner_get_name (own),
                                            profession ? profession : "",
                                            institution ? institution : "", NULL);

      skip (merge, NULL, details,
            g_strdup (_("The partner’s name, profession or institution differ in the contribution: "
                        "those of the session are kept.")));
    }

  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);
      const char *synthesis = rg_dimension_get_synthesis (dimension);

      if (synthesis != NULL && synthesis[0] != '\0')
        skip (merge, rg_dimension_get_name (dimension), synthesis,
              g_strdup (_("A synthesis is the whole team’s: it is written in the session.")));
    }

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);

      n_criteria += g_list_model_get_n_items (rg_category_get_criteria (category));
    }

  if ((n = g_list_model_get_n_items (rg_session_get_links (contribution))) > 0)
    skip_extra (merge, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link between statements",
                                                     "%u links between statements", n), n));
  if ((n = g_list_model_get_n_items (rg_session_get_terms (contribution))) > 0)
    skip_extra (merge, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u glossary term",
                                                     "%u glossary terms", n), n));
  if ((n = n_criteria) > 0)
    skip_extra (merge, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u success criterion",
                                                     "%u success criteria", n), n));
  if ((n = g_list_model_get_n_items (rg_session_get_actions (contribution))) > 0)
    skip_extra (merge, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n));
  if ((n = g_list_model_get_n_items (rg_session_get_consents (contribution))) > 0)
    skip_extra (merge, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u consent record",
                                                     "%u consent records", n), n));
}

/* Says what an update replaced. */
static char *
describe_update (RgSession   *session,
                 RgStatement *before,
                 RgStatement *after)
{
  RgDimension *dimension;

  if (!same_text (rg_statement_get_text (before), rg_statement_get_text (after)))
    /* Translators: what an imported statement said before it was updated */
    return g_strdup_printf (_("Before: “%s”"), rg_statement_get_text (before));

  if (rg_statement_get_kind (before) != rg_statement_get_kind (after))
    /* Translators: %s is a kind of statement, "Observed fact" */
    return g_strdup_printf (_("Kind before: %s"),
                            rg_statement_kind_get_label (rg_statement_get_kind (before)));

  dimension = rg_session_find_dimension (session, rg_statement_get_dimension_id (before));
  /* Translators: %s is the dimension an updated statement was in */
  return g_strdup_printf (_("Dimension before: %s"), dimension ? rg_dimension_get_name (dimension) : "");
}

static void
update_statement (Merge       *merge,
                  RgStatement *existing,
                  RgStatement *statement,
                  RgDimension *dimension)
{
  g_autofree char *reason = describe_update (merge->session, existing, statement);

  if (!same_text (rg_statement_get_text (existing), rg_statement_get_text (statement)))
    rg_session_editor_set (merge->editor, NULL, existing, "text", rg_statement_get_text (statement));
  if (rg_statement_get_kind (existing) != rg_statement_get_kind (statement))
    rg_session_editor_set (merge->editor, NULL, existing, "kind", rg_statement_get_kind (statement));
  rg_session_editor_move_statement_to (merge->editor, existing, dimension);

  report_add (merge->report, RG_CONTRIBUTION_OUTCOME_UPDATED, merge->file_name,
              rg_partner_get_name (merge->partner), rg_dimension_get_name (dimension),
              rg_statement_get_text (statement), g_steal_pointer (&reason));
}

static void
merge_statement (Merge       *merge,
                 RgStatement *statement)
{
  const char *contributor_id = rg_partner_get_id (merge->partner);
  const char *text = rg_statement_get_text (statement);
  RgDimension *dimension, *own_dimension;
  RgStatement *existing;

  own_dimension = rg_session_find_dimension (merge->contribution, rg_statement_get_dimension_id (statement));

  if (!g_str_equal (rg_statement_get_partner_id (statement), contributor_id))
    {
      RgPartner *author = rg_session_find_partner (merge->contribution,
                                                   rg_statement_get_partner_id (statement));
      const char *name = author ? rg_partner_get_name (author) : "";

      report_add (merge->report, RG_CONTRIBUTION_OUTCOME_SKIPPED, merge->file_name, name,
                  own_dimension ? rg_dimension_get_name (own_dimension) : NULL, text,
                  /* Translators: %s is the name of the partner a statement claims to be by */
                  g_strdup_printf (_("Written in the name of another partner, %s: a contribution "
                                     "only brings its own partner’s statements."), name));
      return;
    }

  dimension = rg_session_find_dimension (merge->session, rg_statement_get_dimension_id (statement));
  if (dimension == NULL)
    {
      const char *name = own_dimension ? rg_dimension_get_name (own_dimension) : "";

      skip (merge, name, text,
            /* Translators: %s is the name of a dimension of the contribution */
            g_strdup_printf (_("The dimension “%s” is not, or no longer, in this session."), name));
      return;
    }

  if (text == NULL || text[0] == '\0')
    {
      skip (merge, rg_dimension_get_name (dimension), text, g_strdup (_("The statement is empty.")));
      return;
    }

  existing = rg_session_find_statement (merge->session, rg_statement_get_id (statement));
  if (existing == NULL)
    {
      g_autoptr(RgStatement) copy = copy_statement (statement);

      rg_session_editor_insert_statement (merge->editor, copy);
      report_add (merge->report, RG_CONTRIBUTION_OUTCOME_ADDED, merge->file_name,
                  rg_partner_get_name (merge->partner), rg_dimension_get_name (dimension), text, NULL);
    }
  else if (!g_str_equal (rg_statement_get_partner_id (existing), contributor_id))
    skip (merge, rg_dimension_get_name (dimension), text,
          g_strdup (_("A statement of another partner in the session has the same identifier: "
                      "the file was altered.")));
  else if (same_text (rg_statement_get_text (existing), text) &&
           rg_statement_get_kind (existing) == rg_statement_get_kind (statement) &&
           g_str_equal (rg_statement_get_dimension_id (existing), rg_statement_get_dimension_id (statement)))
    report_add (merge->report, RG_CONTRIBUTION_OUTCOME_UNCHANGED, merge->file_name,
                rg_partner_get_name (merge->partner), rg_dimension_get_name (dimension), text,
                g_strdup (_("Already in the session.")));
  else if (g_date_time_compare (rg_statement_get_changed (statement), rg_statement_get_changed (existing)) > 0)
    update_statement (merge, existing, statement, dimension);
  else
    skip (merge, rg_dimension_get_name (dimension), text,
          g_strdup (_("Changed in the session after this version was written: the session’s wording "
                      "is kept.")));
}

static guint
count_changes (RgContributionReport *report)
{
  return rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_ADDED)
       + rg_contribution_report_count (report, RG_CONTRIBUTION_OUTCOME_UPDATED);
}

/* The day the partner's contribution came in: that of its first import,
 * or of the latest that brought something new. Importing the same file
 * again on another day changes nothing. */
static void
record_received (Merge    *merge,
                 gboolean  brought_something)
{
  g_autofree char *today = rg_date_new_today ();
  const char *received = rg_partner_get_contribution_received (merge->partner);

  if (g_strcmp0 (received, today) == 0 || (received != NULL && !brought_something))
    return;

  rg_session_editor_set (merge->editor, NULL, merge->partner, "contribution-received", today);
}

static void
merge_contribution (RgSessionEditor      *editor,
                    RgContributionReport *report,
                    GFile                *file,
                    RgSession            *contribution,
                    const GError         *load_error)
{
  g_autofree char *file_name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  RgSession *session = rg_session_editor_get_session (editor);
  GListModel *statements;
  Merge merge = { editor, session, report, contribution, NULL, file_name };
  guint n_changes;

  if (load_error != NULL)
    {
      report_add (report, RG_CONTRIBUTION_OUTCOME_SKIPPED, file_name, NULL, NULL, NULL,
                  g_strdup (load_error->message));
      return;
    }

  if (!check_contribution (session, contribution, &error))
    {
      report_add (report, RG_CONTRIBUTION_OUTCOME_SKIPPED, file_name, NULL, NULL, NULL,
                  g_strdup (error->message));
      return;
    }

  report->n_files++;
  merge.partner = rg_session_find_partner (session, rg_session_get_contributor_id (contribution));
  n_changes = count_changes (report);

  statements = rg_session_get_statements (contribution);
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      merge_statement (&merge, statement);
    }

  report_session_content (&merge);
  record_received (&merge, count_changes (report) > n_changes);
}

typedef struct
{
  GFile     *file;
  RgSession *contribution;
  GError    *error;
} Loaded;

static void
loaded_clear (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->file);
  g_clear_object (&loaded->contribution);
  g_clear_error (&loaded->error);
}

static GArray *
loaded_new (GFile **files,
            guint   n_files)
{
  GArray *array = g_array_sized_new (FALSE, TRUE, sizeof (Loaded), n_files);

  g_array_set_clear_func (array, loaded_clear);
  for (guint i = 0; i < n_files; i++)
    {
      Loaded loaded = { g_object_ref (files[i]), NULL, NULL };

      g_array_append_val (array, loaded);
    }

  return array;
}

/* Reads every file as a session, with the care every file gets:
 * schema, size limit, no DTD. Safe in any thread. */
static gboolean
load_all (GArray        *array,
          GCancellable  *cancellable)
{
  for (guint i = 0; i < array->len; i++)
    {
      Loaded *loaded = &g_array_index (array, Loaded, i);
      g_autoptr(RgDocument) document = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;

      if ((document = rg_document_new_from_file (loaded->file, cancellable, &loaded->error)))
        loaded->contribution = g_object_ref (rg_document_get_session (document));
    }

  return !g_cancellable_is_cancelled (cancellable);
}

/* Merges what was read into the session, as one undoable step. */
static RgContributionReport *
merge_all (RgSessionEditor *editor,
           GArray          *array)
{
  RgContributionReport *report = g_object_new (RG_TYPE_CONTRIBUTION_REPORT, NULL);
  RgUndoStack *undo = rg_session_editor_get_undo_stack (editor);

  rg_undo_stack_begin_group (undo, _("Import contributions"));
  for (guint i = 0; i < array->len; i++)
    {
      Loaded *loaded = &g_array_index (array, Loaded, i);

      merge_contribution (editor, report, loaded->file, loaded->contribution, loaded->error);
    }
  rg_undo_stack_end_group (undo);

  return report;
}

/**
 * rg_contribution_import:
 * @editor: the editor of the session
 * @files: (array length=n_files): contribution files
 * @n_files: how many
 * @cancellable: (nullable): a #GCancellable
 *
 * Reads contribution files on this thread and merges them into the
 * session, as one undoable step: statements new to the session are
 * added to their partner's column; statements imported before and
 * changed since in the contribution are updated; everything else —
 * a file that cannot be read or is for another session, a statement in
 * another partner's name or in a dimension the session lacks — is
 * skipped, and the report says why. Each partner whose contribution
 * was read is marked received today (#RgPartner:contribution-received),
 * unless it was received before and brings nothing new.
 *
 * Returns: (transfer full) (nullable): what was added, updated and skipped, or
 *   %NULL if cancelled (nothing is then changed)
 */
RgContributionReport *
rg_contribution_import (RgSessionEditor  *editor,
                        GFile           **files,
                        guint             n_files,
                        GCancellable     *cancellable)
{
  g_autoptr(GArray) array = NULL;

  g_return_val_if_fail (RG_IS_SESSION_EDITOR (editor), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  array = loaded_new (files, n_files);
  if (!load_all (array, cancellable))
    return NULL;

  return merge_all (editor, array);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  if (load_all (task_data, cancellable))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Import cancelled"));
}

/**
 * rg_contribution_import_async:
 * @editor: the editor of the session
 * @files: (array length=n_files): contribution files
 * @n_files: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the files are read
 * @user_data: for @callback
 *
 * Reads contribution files in a worker thread; their merge is done by
 * rg_contribution_import_finish(), on the thread of the session, as
 * rg_contribution_import() does.
 */
void
rg_contribution_import_async (RgSessionEditor      *editor,
                              GFile               **files,
                              guint                 n_files,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RG_IS_SESSION_EDITOR (editor));
  g_return_if_fail (files != NULL || n_files == 0);

  task = g_task_new (editor, cancellable, callback, user_data);
  g_task_set_source_tag (task, rg_contribution_import_async);
  g_task_set_task_data (task, loaded_new (files, n_files), (GDestroyNotify) g_array_unref);
  g_task_run_in_thread (task, import_thread);
}

/**
 * rg_contribution_import_finish:
 * @editor: the editor of the session
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Merges the contributions read into the session, as one undoable step.
 *
 * Returns: (transfer full) (nullable): what was added, updated and skipped, or
 *   %NULL if cancelled
 */
RgContributionReport *
rg_contribution_import_finish (RgSessionEditor  *editor,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (RG_IS_SESSION_EDITOR (editor), NULL);
  g_return_val_if_fail (g_task_is_valid (result, editor), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  return merge_all (editor, g_task_get_task_data (G_TASK (result)));
}

/* }}} */
