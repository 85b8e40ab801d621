/* test-merge.c — merging two copies of a session three ways, by id
 *
 * Each kind of object goes through the same cases (a change on one side,
 * the same change on both, a conflict, a deletion against an edit both
 * ways, additions on both sides, no base), then what is particular to
 * some: references kept valid, orders, times, meanings; the “reload in
 * place” case, where ours is the base and the result must be theirs to
 * the byte; conflicts in the file; settling them undoably; the command
 * line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rg-file-io.h"
#include "rg-merge.h"
#include "rg-session-editor-conflicts.h"
#include "rg-session-editor.h"
#include "rg-session-xml.h"
#include "rg-test-cli.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

/* Ids of the objects of the base session: lower-case UUIDs */
#define ID(n) "00000000-0000-4000-8000-0000000000" n

#define P1 ID ("01")
#define P2 ID ("02")
#define P3 ID ("03")
#define D1 ID ("11")
#define D2 ID ("12")
#define S1 ID ("21")
#define S2 ID ("22")
#define S3 ID ("23")
#define S4 ID ("24")
#define L1 ID ("31")
#define T1 ID ("41")
#define C1 ID ("51")
#define C2 ID ("52")
#define K1 ID ("61")
#define K2 ID ("62")
#define K3 ID ("63")
#define A1 ID ("71")
#define N1 ID ("81")
#define R1 ID ("91")
#define NEW_OURS ID ("a1")
#define NEW_THEIRS ID ("b1")

static char *work_dir;

static GDateTime *
now (void)
{
  return g_date_time_new_utc (2027, 3, 4, 10, 20, 30);
}

static GDateTime *
at (int month)
{
  return g_date_time_new_utc (2026, month, 1, 9, 0, 0);
}

/* {{{ Sessions */

static RgStatement *
add_statement (RgSession  *session,
               const char *id,
               const char *partner_id,
               const char *dimension_id,
               const char *text)
{
  g_autoptr(RgStatement) statement = g_object_new (RG_TYPE_STATEMENT, "id", id, NULL);
  g_autoptr(GDateTime) created = at (1);

  rg_statement_set_partner_id (statement, partner_id);
  rg_statement_set_dimension_id (statement, dimension_id);
  rg_statement_set_text (statement, text);
  rg_statement_set_created (statement, created);
  rg_statement_set_changed (statement, created);
  rg_session_add_statement (session, statement);

  return statement;
}

static RgCriterion *
add_criterion (RgCategory *category,
               const char *id,
               const char *text)
{
  g_autoptr(RgCriterion) criterion = g_object_new (RG_TYPE_CRITERION, "id", id, NULL);

  rg_criterion_set_text (criterion, text);
  rg_category_add_criterion (category, criterion);

  return criterion;
}

/* A session with one object of every kind at least, read back from its
 * own file as the application would read it */
static RgSession *
make_base (void)
{
  g_autoptr(RgSession) session = g_object_new (RG_TYPE_SESSION,
                                               "id", ID ("00"),
                                               "title", "Revue de janvier",
                                               "date", "2027-01-12",
                                               "situation-id", ID ("99"),
                                               "situation-label", "Élève A., CM1",
                                               NULL);
  const char *partners[][3] = {
    { P1, "Mme Martin", "Enseignante" },
    { P2, "M. Bernard", "Éducateur" },
    { P3, "Famille A.", NULL },
  };
  const char *dimensions[][2] = {
    { D1, "Scolarité" },
    { D2, "Santé" },
  };
  const char *members[] = { S1, S2, NULL };
  const char *proposers[] = { P1, NULL };
  const char *indicators[] = { "Moins de deux retards par mois", NULL };
  g_autoptr(RgLink) link = g_object_new (RG_TYPE_LINK, "id", L1, NULL);
  g_autoptr(RgTerm) term = g_object_new (RG_TYPE_TERM, "id", T1, NULL);
  g_autoptr(RgCategory) child = g_object_new (RG_TYPE_CATEGORY, "id", C1, NULL);
  g_autoptr(RgCategory) family = g_object_new (RG_TYPE_CATEGORY, "id", C2, NULL);
  g_autoptr(RgAction) action = g_object_new (RG_TYPE_ACTION, "id", A1, NULL);
  g_autoptr(RgConsent) consent = g_object_new (RG_TYPE_CONSENT, "id", N1, NULL);
  g_autoptr(RgReviewItem) item = g_object_new (RG_TYPE_REVIEW_ITEM, "id", R1,
                                               "link-type", RG_LINK_TYPE_DIVERGENCE, NULL);
  RgCriterion *criterion;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RgSession *loaded;

  rg_session_set_place (session, "École Les Tilleuls");

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_object_new (RG_TYPE_PARTNER, "id", partners[i][0], NULL);

      rg_partner_set_name (partner, partners[i][1]);
      rg_partner_set_profession (partner, partners[i][2]);
      rg_session_add_partner (session, partner);
    }

  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      g_autoptr(RgDimension) dimension = g_object_new (RG_TYPE_DIMENSION, "id", dimensions[i][0], NULL);

      rg_dimension_set_name (dimension, dimensions[i][1]);
      rg_session_add_dimension (session, dimension);
    }

  add_statement (session, S1, P1, D1, "Arrive en retard trois fois par semaine");
  add_statement (session, S2, P2, D1, "Vient à l’heure aux activités du soir");
  add_statement (session, S3, P1, D2, "Semble fatigué le matin");
  add_statement (session, S4, P3, D2, "Dort mal depuis l’été");

  rg_link_set_link_type (link, RG_LINK_TYPE_DIVERGENCE);
  rg_link_set_members (link, members);
  rg_link_set_note (link, "Les retards");
  rg_session_add_link (session, link);

  rg_term_set_word (term, "décrochage");
  rg_term_set_meaning (term, P1, "Absences répétées");
  rg_term_set_meaning (term, P2, "Perte de sens");
  rg_session_add_term (session, term);

  rg_category_set_name (child, "Pour l’enfant");
  criterion = add_criterion (child, K1, "Venir à l’heure");
  rg_criterion_set_indicators (criterion, indicators);
  rg_criterion_set_proposed_by (criterion, proposers);
  add_criterion (child, K2, "Dormir mieux");
  rg_session_add_category (session, child);
  rg_category_set_name (family, "Pour la famille");
  add_criterion (family, K3, "Un rendez-vous par mois");
  rg_session_add_category (session, family);

  rg_action_set_what (action, "Rencontrer la famille");
  rg_action_set_owner_id (action, P2);
  rg_action_set_due (action, "2027-02-01");
  rg_session_add_action (session, action);

  rg_consent_set_scope (consent, "Bilan de santé scolaire");
  rg_consent_set_date (consent, "2027-01-12");
  rg_consent_set_recorded_by_id (consent, P3);
  rg_session_add_consent (session, consent);

  rg_review_item_add_quote (item, "Mme Martin", "Scolarité", "Ne fait pas ses devoirs");
  rg_review_item_set_note (item, "À revoir en mars");
  rg_session_add_review_item (session, item);

  bytes = rg_session_to_bytes (session);
  loaded = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  return loaded;
}

/* @session as its file, read back */
static RgSession *
copy (RgSession *session)
{
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  RgSession *loaded = rg_session_new_from_bytes (bytes, &error);

  g_assert_no_error (error);

  return loaded;
}

static void
assert_same_bytes (RgSession *a,
                   RgSession *b)
{
  g_autoptr(GBytes) first = rg_session_to_bytes (a);
  g_autoptr(GBytes) second = rg_session_to_bytes (b);

  if (!g_bytes_equal (first, second))
    g_assert_cmpstr (g_bytes_get_data (first, NULL), ==, g_bytes_get_data (second, NULL));
}

/* The merged session is a file the loader accepts, and reads back as
 * itself, conflicts included */
static void
assert_round_trip (RgSession *session)
{
  g_autoptr(RgSession) again = copy (session);

  assert_same_bytes (session, again);
  g_assert_cmpuint (g_list_model_get_n_items (rg_session_get_conflicts (again)), ==,
                    g_list_model_get_n_items (rg_session_get_conflicts (session)));
}

static void
merge (RgSession    *ours,
       RgSession    *base,
       RgSession    *theirs,
       RgMergeStats *stats)
{
  g_autoptr(GDateTime) time = now ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rg_session_merge_at (ours, base, theirs, time, stats, &error));
  g_assert_no_error (error);
  assert_round_trip (ours);
}

static guint
n_conflicts (RgSession *session)
{
  return g_list_model_get_n_items (rg_session_get_conflicts (session));
}

static RgConflict *
get_conflict (RgSession *session,
              guint      position)
{
  g_autoptr(RgConflict) conflict = g_list_model_get_item (rg_session_get_conflicts (session), position);

  return conflict;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static const char *
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  g_autofree char *id = NULL;

  g_assert_nonnull (item);
  g_object_get (item, "id", &id, NULL);

  /* The item stays in the model, and so does its id */
  return g_intern_string (id);
}

/* }}} */
/* {{{ The same cases for every kind of object */

typedef struct
{
  const char    *path;
  RgObjectKind   kind;
  const char    *id;
  const char    *field;
  const char    *ours;
  const char    *theirs;
  gpointer     (*find)   (RgSession *session, const char *id);
  const char  *(*get)    (gpointer object);
  void         (*set)    (gpointer object, const char *value);
  gboolean     (*remove) (RgSession *session, gpointer object);
  void         (*add)    (RgSession *session, const char *id);
  GListModel  *(*list)   (RgSession *session);
} Case;

static gpointer
find_session (RgSession  *session,
              const char *id)
{
  return session;
}

static gpointer
find_criterion (RgSession  *session,
                const char *id)
{
  return rg_session_find_criterion (session, id, NULL);
}

static gboolean
remove_criterion (RgSession   *session,
                  RgCriterion *criterion)
{
  RgCategory *category = NULL;

  rg_session_find_criterion (session, rg_criterion_get_id (criterion), &category);

  return rg_category_remove_criterion (category, criterion);
}

static GListModel *
criteria_list (RgSession *session)
{
  return rg_category_get_criteria (rg_session_find_category (session, C1));
}

static const char *
get_statement_kind (RgStatement *statement)
{
  return rg_statement_kind_to_string (rg_statement_get_kind (statement));
}

static void
set_statement_kind (RgStatement *statement,
                    const char  *value)
{
  RgStatementKind kind;

  g_assert_true (rg_statement_kind_from_string (value, &kind));
  rg_statement_set_kind (statement, kind);
}

static const char *
get_link_type (RgLink *link)
{
  return rg_link_type_to_string (rg_link_get_link_type (link));
}

static void
set_link_type (RgLink     *link,
               const char *value)
{
  RgLinkType type;

  g_assert_true (rg_link_type_from_string (value, &type));
  rg_link_set_link_type (link, type);
}

static void
add_partner (RgSession  *session,
             const char *id)
{
  g_autoptr(RgPartner) partner = g_object_new (RG_TYPE_PARTNER, "id", id, NULL);

  rg_partner_set_name (partner, id);
  rg_session_add_partner (session, partner);
}

static void
add_dimension (RgSession  *session,
               const char *id)
{
  g_autoptr(RgDimension) dimension = g_object_new (RG_TYPE_DIMENSION, "id", id, NULL);

  rg_dimension_set_name (dimension, id);
  rg_session_add_dimension (session, dimension);
}

static void
add_new_statement (RgSession  *session,
                   const char *id)
{
  add_statement (session, id, P1, D1, id);
}

static void
add_link (RgSession  *session,
          const char *id)
{
  g_autoptr(RgLink) link = g_object_new (RG_TYPE_LINK, "id", id, NULL);
  const char *members[] = { S3, S4, NULL };

  rg_link_set_members (link, members);
  rg_session_add_link (session, link);
}

static void
add_term (RgSession  *session,
          const char *id)
{
  g_autoptr(RgTerm) term = g_object_new (RG_TYPE_TERM, "id", id, NULL);

  rg_term_set_word (term, id);
  rg_session_add_term (session, term);
}

static void
add_category (RgSession  *session,
              const char *id)
{
  g_autoptr(RgCategory) category = g_object_new (RG_TYPE_CATEGORY, "id", id, NULL);

  rg_category_set_name (category, id);
  rg_session_add_category (session, category);
}

static void
add_new_criterion (RgSession  *session,
                   const char *id)
{
  add_criterion (rg_session_find_category (session, C1), id, id);
}

static void
add_action (RgSession  *session,
            const char *id)
{
  g_autoptr(RgAction) action = g_object_new (RG_TYPE_ACTION, "id", id, NULL);

  rg_action_set_what (action, id);
  rg_session_add_action (session, action);
}

static void
add_consent (RgSession  *session,
             const char *id)
{
  g_autoptr(RgConsent) consent = g_object_new (RG_TYPE_CONSENT, "id", id, NULL);

  rg_consent_set_scope (consent, id);
  rg_consent_set_date (consent, "2027-01-12");
  rg_session_add_consent (session, consent);
}

static void
add_review_item (RgSession  *session,
                 const char *id)
{
  g_autoptr(RgReviewItem) item = g_object_new (RG_TYPE_REVIEW_ITEM, "id", id,
                                               "link-type", RG_LINK_TYPE_CLARIFY, NULL);

  rg_review_item_set_note (item, id);
  rg_session_add_review_item (session, item);
}

#define FUNCS(find, get, set, remove, add, list) \
  (gpointer) find, (gpointer) get, (gpointer) set, (gpointer) remove, add, (gpointer) list

static const Case cases[] = {
  { "session/title", RG_OBJECT_KIND_SESSION, ID ("00"), "title", "Revue (nous)", "Revue (eux)",
    FUNCS (find_session, rg_session_get_title, rg_session_set_title, NULL, NULL, NULL) },
  { "session/place", RG_OBJECT_KIND_SESSION, ID ("00"), "place", "Salle 3", "Salle 12",
    FUNCS (find_session, rg_session_get_place, rg_session_set_place, NULL, NULL, NULL) },
  { "partner/name", RG_OBJECT_KIND_PARTNER, P2, "name", "M. Bernard (PRE)", "Marc Bernard",
    FUNCS (rg_session_find_partner, rg_partner_get_name, rg_partner_set_name,
           rg_session_remove_partner, add_partner, rg_session_get_partners) },
  { "partner/contribution-asked", RG_OBJECT_KIND_PARTNER, P2, "contribution-asked",
    "2026-12-01", "2026-12-03",
    FUNCS (rg_session_find_partner, rg_partner_get_contribution_asked,
           rg_partner_set_contribution_asked, rg_session_remove_partner, add_partner,
           rg_session_get_partners) },
  { "partner/contribution-received", RG_OBJECT_KIND_PARTNER, P1, "contribution-received",
    "2026-12-08", "2026-12-09",
    FUNCS (rg_session_find_partner, rg_partner_get_contribution_received,
           rg_partner_set_contribution_received, rg_session_remove_partner, add_partner,
           rg_session_get_partners) },
  { "dimension/name", RG_OBJECT_KIND_DIMENSION, D2, "name", "Santé et sommeil", "Santé, bien-être",
    FUNCS (rg_session_find_dimension, rg_dimension_get_name, rg_dimension_set_name,
           rg_session_remove_dimension, add_dimension, rg_session_get_dimensions) },
  { "statement/text", RG_OBJECT_KIND_STATEMENT, S2, "text", "Vient à l’heure le soir",
    "Vient toujours à l’heure aux activités",
    FUNCS (rg_session_find_statement, rg_statement_get_text, rg_statement_set_text,
           rg_session_remove_statement, add_new_statement, rg_session_get_statements) },
  { "statement/kind", RG_OBJECT_KIND_STATEMENT, S3, "kind", "difficulty", "interpretation",
    FUNCS (rg_session_find_statement, get_statement_kind, set_statement_kind,
           rg_session_remove_statement, add_new_statement, rg_session_get_statements) },
  { "link/type", RG_OBJECT_KIND_LINK, L1, "type", "agreement", "complement",
    FUNCS (rg_session_find_link, get_link_type, set_link_type,
           rg_session_remove_link, add_link, rg_session_get_links) },
  { "link/note", RG_OBJECT_KIND_LINK, L1, "note", "Les retards du matin", "Retards et sommeil",
    FUNCS (rg_session_find_link, rg_link_get_note, rg_link_set_note,
           rg_session_remove_link, add_link, rg_session_get_links) },
  { "term/word", RG_OBJECT_KIND_TERM, T1, "word", "décrochage scolaire", "décroché",
    FUNCS (rg_session_find_term, rg_term_get_word, rg_term_set_word,
           rg_session_remove_term, add_term, rg_session_get_terms) },
  { "category/name", RG_OBJECT_KIND_CATEGORY, C1, "name", "Pour A.", "Pour l’élève",
    FUNCS (rg_session_find_category, rg_category_get_name, rg_category_set_name,
           rg_session_remove_category, add_category, rg_session_get_categories) },
  { "criterion/text", RG_OBJECT_KIND_CRITERION, K1, "text", "Arriver à 8 h 30", "Être à l’heure",
    FUNCS (find_criterion, rg_criterion_get_text, rg_criterion_set_text,
           remove_criterion, add_new_criterion, criteria_list) },
  { "action/what", RG_OBJECT_KIND_ACTION, A1, "what", "Appeler la famille", "Voir la famille",
    FUNCS (rg_session_find_action, rg_action_get_what, rg_action_set_what,
           rg_session_remove_action, add_action, rg_session_get_actions) },
  { "consent/scope", RG_OBJECT_KIND_CONSENT, N1, "scope", "Bilan de santé", "Bilan médical",
    FUNCS (rg_session_find_consent, rg_consent_get_scope, rg_consent_set_scope,
           rg_session_remove_consent, add_consent, rg_session_get_consents) },
  { "review-item/note", RG_OBJECT_KIND_REVIEW_ITEM, R1, "note", "Revu en février", "Reporté",
    FUNCS (rg_session_find_review_item, rg_review_item_get_note, rg_review_item_set_note,
           rg_session_remove_review_item, add_review_item, rg_session_get_review_items) },
};

#undef FUNCS

static gpointer
find (const Case *c,
      RgSession  *session)
{
  return c->find (session, c->id);
}

static void
set (const Case *c,
     RgSession  *session,
     const char *value)
{
  gpointer object = find (c, session);

  g_assert_nonnull (object);
  c->set (object, value);
}

static const char *
get (const Case *c,
     RgSession  *session)
{
  gpointer object = find (c, session);

  g_assert_nonnull (object);
  return c->get (object);
}

static void
test_one_side (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(RgSession) base = make_base ();
  RgMergeStats stats;

  /* Theirs changed it: ours takes it */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    set (c, theirs, c->theirs);
    merge (ours, base, theirs, &stats);
    g_assert_cmpstr (get (c, ours), ==, c->theirs);
    g_assert_cmpuint (stats.updated, ==, 1);
    g_assert_cmpuint (stats.added, ==, 0);
    g_assert_cmpuint (stats.removed, ==, 0);
    g_assert_cmpuint (stats.conflicts, ==, 0);
    assert_same_bytes (ours, theirs);
  }

  /* Ours changed it: it stays */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);
    g_autoptr(RgSession) before = NULL;

    set (c, ours, c->ours);
    before = copy (ours);
    merge (ours, base, theirs, &stats);
    g_assert_cmpstr (get (c, ours), ==, c->ours);
    g_assert_cmpuint (stats.updated + stats.added + stats.removed + stats.conflicts, ==, 0);
    assert_same_bytes (ours, before);
  }
}

static void
test_same_change (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  RgMergeStats stats;

  set (c, ours, c->theirs);
  set (c, theirs, c->theirs);
  merge (ours, base, theirs, &stats);
  g_assert_cmpstr (get (c, ours), ==, c->theirs);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  g_assert_cmpuint (n_conflicts (ours), ==, 0);
}

static void
test_conflict (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  g_autoptr(GDateTime) time = now ();
  g_autoptr(RgSession) reloaded = NULL;
  RgConflict *conflict;
  RgConflict *read;
  RgMergeStats stats;

  set (c, ours, c->ours);
  set (c, theirs, c->theirs);
  merge (ours, base, theirs, &stats);

  /* Ours stays in the field, theirs goes to the conflict */
  g_assert_cmpstr (get (c, ours), ==, c->ours);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_assert_cmpuint (n_conflicts (ours), ==, 1);
  conflict = get_conflict (ours, 0);
  g_assert_true (rg_id_is_valid (rg_conflict_get_id (conflict)));
  g_assert_cmpint (rg_conflict_get_object_kind (conflict), ==, c->kind);
  g_assert_cmpstr (rg_conflict_get_object_id (conflict), ==, c->id);
  g_assert_cmpstr (rg_conflict_get_field (conflict), ==, c->field);
  g_assert_null (rg_conflict_get_partner_id (conflict));
  g_assert_cmpstr (rg_conflict_get_theirs (conflict), ==, c->theirs);
  g_assert_cmpstr (rg_conflict_get_description (conflict), !=, "");
  g_assert_true (g_date_time_equal (rg_conflict_get_recorded (conflict), time));
  g_assert_cmpstr (rg_merge_get_field_label (c->kind, c->field), !=, c->field);
  g_assert_cmpstr (rg_merge_dup_ours (ours, conflict), ==, c->ours);

  /* The other machine reads it from the file */
  reloaded = copy (ours);
  read = get_conflict (reloaded, 0);
  g_assert_cmpstr (rg_conflict_get_id (read), ==, rg_conflict_get_id (conflict));
  g_assert_cmpint (rg_conflict_get_object_kind (read), ==, c->kind);
  g_assert_cmpstr (rg_conflict_get_object_id (read), ==, c->id);
  g_assert_cmpstr (rg_conflict_get_field (read), ==, c->field);
  g_assert_cmpstr (rg_conflict_get_theirs (read), ==, c->theirs);
  g_assert_cmpstr (rg_conflict_get_description (read), ==, rg_conflict_get_description (conflict));
  g_assert_true (g_date_time_equal (rg_conflict_get_recorded (read), time));
}

static void
test_delete_vs_edit (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(RgSession) base = make_base ();
  RgMergeStats stats;

  if (c->remove == NULL)
    {
      g_test_skip ("The session itself is never deleted");
      return;
    }

  /* Theirs deleted it, ours edited it: it stays, as edited */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    set (c, ours, c->ours);
    g_assert_true (c->remove (theirs, find (c, theirs)));
    merge (ours, base, theirs, &stats);
    g_assert_cmpstr (get (c, ours), ==, c->ours);
  }

  /* Ours deleted it, theirs edited it: it comes back, as edited */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    g_assert_true (c->remove (ours, find (c, ours)));
    set (c, theirs, c->theirs);
    merge (ours, base, theirs, &stats);
    g_assert_cmpstr (get (c, ours), ==, c->theirs);
    g_assert_cmpuint (stats.added, >=, 1);
  }

  /* Deleted on one side, untouched on the other: it goes */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    g_assert_true (c->remove (theirs, find (c, theirs)));
    merge (ours, base, theirs, &stats);
    g_assert_null (find (c, ours));
    g_assert_cmpuint (stats.removed, >=, 1);
    g_assert_cmpuint (stats.conflicts, ==, 0);
    assert_same_bytes (ours, theirs);
  }
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    g_assert_true (c->remove (ours, find (c, ours)));
    merge (ours, base, theirs, &stats);
    g_assert_null (find (c, ours));
    g_assert_cmpuint (stats.added + stats.conflicts, ==, 0);
  }
}

static void
test_added_both (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = NULL;
  g_autoptr(RgSession) theirs = NULL;
  GListModel *list;
  guint n;
  RgMergeStats stats;

  if (c->add == NULL)
    {
      g_test_skip ("The session itself is never added");
      return;
    }

  ours = copy (base);
  theirs = copy (base);
  c->add (ours, NEW_OURS);
  c->add (theirs, NEW_THEIRS);
  merge (ours, base, theirs, &stats);

  g_assert_nonnull (c->find (ours, NEW_OURS));
  g_assert_nonnull (c->find (ours, NEW_THEIRS));
  g_assert_cmpuint (stats.added, ==, 1);
  g_assert_cmpuint (stats.removed + stats.conflicts, ==, 0);

  /* Both came last, ours first */
  list = c->list (ours);
  n = g_list_model_get_n_items (list);
  g_assert_cmpstr (id_at (list, n - 2), ==, NEW_OURS);
  g_assert_cmpstr (id_at (list, n - 1), ==, NEW_THEIRS);
}

static void
test_no_base (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(RgSession) base = make_base ();
  RgMergeStats stats;

  /* What differs is a conflict; what either side added is kept */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);
    RgConflict *conflict;

    set (c, ours, c->ours);
    set (c, theirs, c->theirs);
    if (c->add != NULL)
      {
        c->add (ours, NEW_OURS);
        c->add (theirs, NEW_THEIRS);
      }
    merge (ours, NULL, theirs, &stats);

    g_assert_cmpstr (get (c, ours), ==, c->ours);
    g_assert_cmpuint (n_conflicts (ours), ==, 1);
    conflict = get_conflict (ours, 0);
    g_assert_cmpstr (rg_conflict_get_field (conflict), ==, c->field);
    g_assert_cmpstr (rg_conflict_get_theirs (conflict), ==, c->theirs);
    if (c->add != NULL)
      {
        g_assert_nonnull (c->find (ours, NEW_OURS));
        g_assert_nonnull (c->find (ours, NEW_THEIRS));
      }
  }

  /* A field one side changed is a conflict too: nothing says which */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    set (c, theirs, c->theirs);
    merge (ours, NULL, theirs, &stats);
    g_assert_cmpstr (get (c, ours), !=, c->theirs);
    g_assert_cmpuint (stats.conflicts, ==, 1);
  }

  /* Nothing is deleted */
  if (c->remove != NULL)
    {
      g_autoptr(RgSession) ours = copy (base);
      g_autoptr(RgSession) theirs = copy (base);

      g_assert_true (c->remove (theirs, find (c, theirs)));
      merge (ours, NULL, theirs, &stats);
      g_assert_nonnull (find (c, ours));
      g_assert_cmpuint (stats.removed, ==, 0);
    }
}

/* }}} */
/* {{{ What is particular to some kinds */

/* A link's statements are merged one by one; a link left with fewer
 * than two is a conflict */
static void
test_link_members (void)
{
  g_autoptr(RgSession) base = make_base ();
  const char * const three[] = { S1, S2, S3, NULL };
  RgMergeStats stats;

  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);
    const char * const *members;

    rg_link_add_member (rg_session_find_link (ours, L1), S3);
    rg_link_add_member (rg_session_find_link (theirs, L1), S4);
    merge (ours, base, theirs, &stats);
    members = rg_link_get_members (rg_session_find_link (ours, L1));
    g_assert_cmpuint (g_strv_length ((char **) members), ==, 4);
    g_assert_cmpstr (members[2], ==, S3);
    g_assert_cmpstr (members[3], ==, S4);
    g_assert_cmpuint (stats.conflicts, ==, 0);
  }

  {
    g_autoptr(RgSession) base3 = copy (base);
    g_autoptr(RgSession) ours = NULL;
    g_autoptr(RgSession) theirs = NULL;
    RgConflict *conflict;

    rg_link_set_members (rg_session_find_link (base3, L1), three);
    ours = copy (base3);
    theirs = copy (base3);
    rg_link_remove_member (rg_session_find_link (ours, L1), S1);
    rg_link_remove_member (rg_session_find_link (theirs, L1), S2);
    merge (ours, base3, theirs, &stats);
    g_assert_cmpuint (rg_link_get_n_members (rg_session_find_link (ours, L1)), ==, 2);
    g_assert_false (rg_link_has_member (rg_session_find_link (ours, L1), S1));
    g_assert_cmpuint (stats.conflicts, ==, 1);
    conflict = get_conflict (ours, 0);
    g_assert_cmpstr (rg_conflict_get_field (conflict), ==, "members");
    g_assert_cmpstr (rg_conflict_get_theirs (conflict), ==, S1 "\n" S3);
  }

  /* Ours took one statement out, theirs another in: both apply */
  {
    g_autoptr(RgSession) base3 = copy (base);
    g_autoptr(RgSession) ours = NULL;
    g_autoptr(RgSession) theirs = NULL;

    rg_link_set_members (rg_session_find_link (base3, L1), three);
    ours = copy (base3);
    theirs = copy (base3);
    rg_link_remove_member (rg_session_find_link (ours, L1), S1);
    rg_link_add_member (rg_session_find_link (theirs, L1), S4);
    merge (ours, base3, theirs, &stats);
    g_assert_cmpstrv (rg_link_get_members (rg_session_find_link (ours, L1)),
                      ((const char * const[]) { S2, S3, S4, NULL }));
  }
}

/* A link names a statement the other side deleted: the statement stays,
 * since dropping it from the link would lose the tagging */
static void
test_link_keeps_statement (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  RgMergeStats stats;

  rg_link_add_member (rg_session_find_link (ours, L1), S3);
  g_assert_true (rg_session_remove_statement (theirs, rg_session_find_statement (theirs, S3)));
  merge (ours, base, theirs, &stats);

  g_assert_nonnull (rg_session_find_statement (ours, S3));
  g_assert_true (rg_link_has_member (rg_session_find_link (ours, L1), S3));
  g_assert_cmpuint (stats.removed, ==, 0);
}

/* A partner deleted on the other side keeps the statements ours added
 * for them, and so stays; their other statements go */
static void
test_partner_still_named (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  RgMergeStats stats;

  add_statement (ours, NEW_OURS, P3, D1, "Parle de son grand frère");
  g_assert_true (rg_session_remove_partner (theirs, rg_session_find_partner (theirs, P3)));
  merge (ours, base, theirs, &stats);

  g_assert_nonnull (rg_session_find_partner (ours, P3));
  g_assert_nonnull (rg_session_find_statement (ours, NEW_OURS));
  g_assert_null (rg_session_find_statement (ours, S4));
  /* Their removal also cleared who recorded the consent: that applies */
  g_assert_null (rg_consent_get_recorded_by_id (rg_session_find_consent (ours, N1)));
}

/* A category ours deleted keeps the criterion theirs added to it */
static void
test_category_still_named (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  RgCategory *category;
  RgMergeStats stats;

  g_assert_true (rg_session_remove_category (ours, rg_session_find_category (ours, C1)));
  add_criterion (rg_session_find_category (theirs, C1), NEW_THEIRS, "Lire un livre par mois");
  merge (ours, base, theirs, &stats);

  category = rg_session_find_category (ours, C1);
  g_assert_nonnull (category);
  g_assert_cmpuint (g_list_model_get_n_items (rg_category_get_criteria (category)), ==, 1);
  g_assert_nonnull (rg_category_find_criterion (category, NEW_THEIRS));
  g_assert_null (rg_session_find_criterion (ours, K1, NULL));
}

/* A criterion theirs moved to another category, ours reworded */
static void
test_criterion_moved (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  RgCriterion *criterion;
  RgCategory *category = NULL;
  RgMergeStats stats;

  rg_criterion_set_text (rg_session_find_criterion (ours, K1, NULL), "Arriver à l’heure");
  criterion = g_object_ref (rg_session_find_criterion (theirs, K1, NULL));
  rg_category_remove_criterion (rg_session_find_category (theirs, C1), criterion);
  rg_category_insert_criterion (rg_session_find_category (theirs, C2), criterion, 0);
  g_object_unref (criterion);
  merge (ours, base, theirs, &stats);

  criterion = rg_session_find_criterion (ours, K1, &category);
  g_assert_cmpstr (rg_category_get_id (category), ==, C2);
  g_assert_cmpstr (rg_criterion_get_text (criterion), ==, "Arriver à l’heure");
  g_assert_cmpstr (id_at (rg_category_get_criteria (category), 0), ==, K1);
  g_assert_cmpuint (stats.conflicts, ==, 0);
}

/* A criterion met on one side, its text changed on the other: both */
static void
test_criterion_met (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  g_autoptr(RgSession) back = NULL;
  RgCriterion *criterion;
  RgMergeStats stats;

  rg_criterion_set_text (rg_session_find_criterion (ours, K1, NULL), "Arriver à l’heure");
  rg_criterion_set_met (rg_session_find_criterion (theirs, K1, NULL), TRUE);
  merge (ours, base, theirs, &stats);

  criterion = rg_session_find_criterion (ours, K1, NULL);
  g_assert_true (rg_criterion_get_met (criterion));
  g_assert_cmpstr (rg_criterion_get_text (criterion), ==, "Arriver à l’heure");
  g_assert_cmpuint (stats.updated, ==, 1);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  assert_round_trip (ours);

  /* And taken back on their side, after that */
  back = copy (theirs);
  rg_criterion_set_met (rg_session_find_criterion (back, K1, NULL), FALSE);
  merge (ours, theirs, back, &stats);
  g_assert_false (rg_criterion_get_met (rg_session_find_criterion (ours, K1, NULL)));
  g_assert_cmpuint (stats.conflicts, ==, 0);
}

/* Each partner's meaning of a word is merged on its own */
static void
test_term_meanings (void)
{
  g_autoptr(RgSession) base = make_base ();
  RgMergeStats stats;

  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);
    RgTerm *term;

    rg_term_set_meaning (rg_session_find_term (ours, T1), P1, "Absences non justifiées");
    rg_term_set_meaning (rg_session_find_term (theirs, T1), P3, "Ne plus aimer l’école");
    merge (ours, base, theirs, &stats);
    term = rg_session_find_term (ours, T1);
    g_assert_cmpstr (rg_term_get_meaning (term, P1), ==, "Absences non justifiées");
    g_assert_cmpstr (rg_term_get_meaning (term, P2), ==, "Perte de sens");
    g_assert_cmpstr (rg_term_get_meaning (term, P3), ==, "Ne plus aimer l’école");
    g_assert_cmpuint (stats.conflicts, ==, 0);
  }

  /* Both changed P2's meaning: a conflict of that partner's meaning */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);
    RgConflict *conflict;

    rg_term_set_meaning (rg_session_find_term (ours, T1), P2, "Ne plus voir à quoi sert l’école");
    rg_term_set_meaning (rg_session_find_term (theirs, T1), P2, "Décrocher des cours");
    merge (ours, base, theirs, &stats);
    g_assert_cmpstr (rg_term_get_meaning (rg_session_find_term (ours, T1), P2), ==,
                     "Ne plus voir à quoi sert l’école");
    g_assert_cmpuint (n_conflicts (ours), ==, 1);
    conflict = get_conflict (ours, 0);
    g_assert_cmpint (rg_conflict_get_object_kind (conflict), ==, RG_OBJECT_KIND_TERM);
    g_assert_cmpstr (rg_conflict_get_field (conflict), ==, "meaning");
    g_assert_cmpstr (rg_conflict_get_partner_id (conflict), ==, P2);
    g_assert_cmpstr (rg_conflict_get_theirs (conflict), ==, "Décrocher des cours");
    g_assert_nonnull (strstr (rg_conflict_get_description (conflict), "M. Bernard"));
    g_assert_nonnull (strstr (rg_conflict_get_description (conflict), "décrochage"));
  }

  /* Ours took P2's meaning out, theirs reworded it: it stays, reworded */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    rg_term_set_meaning (rg_session_find_term (ours, T1), P2, NULL);
    rg_term_set_meaning (rg_session_find_term (theirs, T1), P2, "Décrocher des cours");
    merge (ours, base, theirs, &stats);
    g_assert_cmpstr (rg_term_get_meaning (rg_session_find_term (ours, T1), P2), ==,
                     "Décrocher des cours");
  }

  /* Theirs took it out, ours left it: it goes */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    rg_term_set_meaning (rg_session_find_term (theirs, T1), P1, NULL);
    merge (ours, base, theirs, &stats);
    g_assert_null (rg_term_get_meaning (rg_session_find_term (ours, T1), P1));
    assert_same_bytes (ours, theirs);
  }

  /* Theirs took it out, ours reworded it: it stays, reworded */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    rg_term_set_meaning (rg_session_find_term (ours, T1), P1, "Absences le lundi");
    rg_term_set_meaning (rg_session_find_term (theirs, T1), P1, NULL);
    merge (ours, base, theirs, &stats);
    g_assert_cmpstr (rg_term_get_meaning (rg_session_find_term (ours, T1), P1), ==,
                     "Absences le lundi");
    g_assert_cmpuint (stats.conflicts, ==, 0);
  }

  /* The same words on both sides are no conflict */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    rg_term_set_meaning (rg_session_find_term (ours, T1), P3, "Ne plus aimer l’école");
    rg_term_set_meaning (rg_session_find_term (theirs, T1), P3, "Ne plus aimer l’école");
    merge (ours, base, theirs, &stats);
    g_assert_cmpstr (rg_term_get_meaning (rg_session_find_term (ours, T1), P3), ==,
                     "Ne plus aimer l’école");
    g_assert_cmpuint (stats.conflicts, ==, 0);
  }

  /* No base: a meaning on one side only is kept, two different ones are a
   * conflict */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);
    RgTerm *term;

    rg_term_set_meaning (rg_session_find_term (ours, T1), P1, "Absences (nous)");
    rg_term_set_meaning (rg_session_find_term (theirs, T1), P1, "Absences (eux)");
    rg_term_set_meaning (rg_session_find_term (theirs, T1), P3, "Ne plus aimer l’école");
    rg_term_set_meaning (rg_session_find_term (theirs, T1), P2, NULL);
    merge (ours, NULL, theirs, &stats);
    term = rg_session_find_term (ours, T1);
    g_assert_cmpstr (rg_term_get_meaning (term, P1), ==, "Absences (nous)");
    g_assert_cmpstr (rg_term_get_meaning (term, P2), ==, "Perte de sens");
    g_assert_cmpstr (rg_term_get_meaning (term, P3), ==, "Ne plus aimer l’école");
    g_assert_cmpuint (stats.conflicts, ==, 1);
    g_assert_cmpstr (rg_conflict_get_partner_id (get_conflict (ours, 0)), ==, P1);
  }
}

/* A link's status has two values: both sides settling it is the same
 * change; one settling it while the other words its note is no conflict */
static void
test_link_status (void)
{
  g_autoptr(RgSession) base = make_base ();
  RgMergeStats stats;

  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);
    RgLink *link;

    rg_link_set_status (rg_session_find_link (ours, L1), RG_LINK_STATUS_SETTLED);
    rg_link_set_note (rg_session_find_link (theirs, L1), "Réglé avec la famille");
    merge (ours, base, theirs, &stats);
    link = rg_session_find_link (ours, L1);
    g_assert_cmpint (rg_link_get_status (link), ==, RG_LINK_STATUS_SETTLED);
    g_assert_cmpstr (rg_link_get_note (link), ==, "Réglé avec la famille");
    g_assert_cmpuint (stats.conflicts, ==, 0);
  }

  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    rg_link_set_status (rg_session_find_link (ours, L1), RG_LINK_STATUS_SETTLED);
    rg_link_set_status (rg_session_find_link (theirs, L1), RG_LINK_STATUS_SETTLED);
    merge (ours, base, theirs, &stats);
    g_assert_cmpint (rg_link_get_status (rg_session_find_link (ours, L1)), ==, RG_LINK_STATUS_SETTLED);
    g_assert_cmpuint (stats.conflicts, ==, 0);
  }

  /* Reopened by ours, deleted by theirs: it stays, open */
  {
    g_autoptr(RgSession) settled = copy (base);
    g_autoptr(RgSession) ours = NULL;
    g_autoptr(RgSession) theirs = NULL;

    rg_link_set_status (rg_session_find_link (settled, L1), RG_LINK_STATUS_SETTLED);
    ours = copy (settled);
    theirs = copy (settled);
    rg_link_set_status (rg_session_find_link (ours, L1), RG_LINK_STATUS_OPEN);
    rg_session_remove_link (theirs, rg_session_find_link (theirs, L1));
    merge (ours, settled, theirs, &stats);
    g_assert_cmpint (rg_link_get_status (rg_session_find_link (ours, L1)), ==, RG_LINK_STATUS_OPEN);
  }

  /* No base: a different status is a conflict */
  {
    g_autoptr(RgSession) ours = copy (base);
    g_autoptr(RgSession) theirs = copy (base);

    rg_link_set_status (rg_session_find_link (theirs, L1), RG_LINK_STATUS_SETTLED);
    merge (ours, NULL, theirs, &stats);
    g_assert_cmpint (rg_link_get_status (rg_session_find_link (ours, L1)), ==, RG_LINK_STATUS_OPEN);
    g_assert_cmpuint (n_conflicts (ours), ==, 1);
    g_assert_cmpstr (rg_conflict_get_field (get_conflict (ours, 0)), ==, "status");
    g_assert_cmpstr (rg_conflict_get_theirs (get_conflict (ours, 0)), ==, "settled");
  }
}

/* Times are never a conflict: the earlier creation, the later change */
static void
test_statement_times (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  g_autoptr(GDateTime) march = at (3);
  g_autoptr(GDateTime) may = at (5);
  RgStatement *statement;
  RgMergeStats stats;

  statement = rg_session_find_statement (ours, S1);
  rg_statement_set_text (statement, "Arrive en retard le lundi");
  rg_statement_set_changed (statement, may);
  statement = rg_session_find_statement (theirs, S1);
  rg_statement_set_text (statement, "Arrive en retard deux fois");
  rg_statement_set_changed (statement, march);
  merge (ours, base, theirs, &stats);

  statement = rg_session_find_statement (ours, S1);
  g_assert_cmpstr (rg_statement_get_text (statement), ==, "Arrive en retard le lundi");
  g_assert_true (g_date_time_equal (rg_statement_get_changed (statement), may));
  g_assert_cmpuint (n_conflicts (ours), ==, 1);
}

/* A statement theirs moved to another dimension moves in ours, and the
 * list of statements says so */
static void
test_statement_cell (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  RgStatement *statement = rg_session_find_statement (ours, S1);
  guint changes = 0;
  RgMergeStats stats;

  rg_statement_set_dimension_id (rg_session_find_statement (theirs, S1), D2);
  g_signal_connect_swapped (rg_session_get_statements (ours), "items-changed",
                            G_CALLBACK (count_cb), &changes);
  merge (ours, base, theirs, &stats);

  g_assert_true (rg_session_find_statement (ours, S1) == statement);
  g_assert_cmpstr (rg_statement_get_dimension_id (statement), ==, D2);
  g_assert_cmpuint (changes, >, 0);
}

/* }}} */
/* {{{ Order */

static void
test_order_theirs_moved (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  GListModel *partners;
  RgMergeStats stats;

  /* Theirs moved a column; ours added a statement elsewhere */
  rg_session_move_partner (theirs, rg_session_find_partner (theirs, P3), 0);
  add_statement (ours, NEW_OURS, P1, D1, "Aime le sport");
  merge (ours, base, theirs, &stats);

  partners = rg_session_get_partners (ours);
  g_assert_cmpstr (id_at (partners, 0), ==, P3);
  g_assert_cmpstr (id_at (partners, 1), ==, P1);
  g_assert_cmpstr (id_at (partners, 2), ==, P2);
}

static void
test_order_both_moved (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  GListModel *partners;
  RgMergeStats stats;

  rg_session_move_partner (ours, rg_session_find_partner (ours, P1), 2);
  rg_session_move_partner (theirs, rg_session_find_partner (theirs, P3), 0);
  merge (ours, base, theirs, &stats);

  partners = rg_session_get_partners (ours);
  g_assert_cmpstr (id_at (partners, 0), ==, P2);
  g_assert_cmpstr (id_at (partners, 1), ==, P3);
  g_assert_cmpstr (id_at (partners, 2), ==, P1);
}

/* An object of theirs goes after the one before it in theirs, or first */
static void
test_order_added (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  g_autoptr(RgStatement) statement = g_object_new (RG_TYPE_STATEMENT, "id", NEW_THEIRS, NULL);
  g_autoptr(RgPartner) partner = g_object_new (RG_TYPE_PARTNER, "id", ID ("b2"), NULL);
  GListModel *statements;
  RgMergeStats stats;

  rg_statement_set_partner_id (statement, P1);
  rg_statement_set_dimension_id (statement, D1);
  rg_statement_set_text (statement, "Lit volontiers");
  rg_session_insert_statement (theirs, statement, 1);
  rg_partner_set_name (partner, "Mme Roux");
  rg_session_insert_partner (theirs, partner, 0);
  rg_session_remove_statement (ours, rg_session_find_statement (ours, S3));
  merge (ours, base, theirs, &stats);

  statements = rg_session_get_statements (ours);
  g_assert_cmpstr (id_at (statements, 0), ==, S1);
  g_assert_cmpstr (id_at (statements, 1), ==, NEW_THEIRS);
  g_assert_cmpstr (id_at (statements, 2), ==, S2);
  g_assert_cmpstr (id_at (rg_session_get_partners (ours), 0), ==, ID ("b2"));
  g_assert_null (rg_session_find_statement (ours, S3));
}

/* }}} */
/* {{{ Reload in place: ours is the base, the result is theirs */

static const char *
random_id (RgSession    *session,
           RgObjectKind  kind,
           GRand        *rand)
{
  GListModel *list = NULL;
  guint n;

  switch (kind)
    {
    case RG_OBJECT_KIND_PARTNER:   list = rg_session_get_partners (session); break;
    case RG_OBJECT_KIND_DIMENSION: list = rg_session_get_dimensions (session); break;
    case RG_OBJECT_KIND_STATEMENT: list = rg_session_get_statements (session); break;
    case RG_OBJECT_KIND_LINK:      list = rg_session_get_links (session); break;
    case RG_OBJECT_KIND_TERM:      list = rg_session_get_terms (session); break;
    case RG_OBJECT_KIND_CATEGORY:  list = rg_session_get_categories (session); break;
    case RG_OBJECT_KIND_ACTION:    list = rg_session_get_actions (session); break;
    case RG_OBJECT_KIND_CONSENT:   list = rg_session_get_consents (session); break;
    case RG_OBJECT_KIND_REVIEW_ITEM: list = rg_session_get_review_items (session); break;
    case RG_OBJECT_KIND_SESSION:
    case RG_OBJECT_KIND_CRITERION:
    default:                       g_assert_not_reached ();
    }

  n = g_list_model_get_n_items (list);
  if (n == 0)
    return NULL;

  return id_at (list, g_rand_int_range (rand, 0, n));
}

static char *
random_text (GRand *rand)
{
  static const char *words[] = { "retard", "fatigue", "école", "famille", "sport", "lecture" };

  return g_strdup_printf ("%s %u", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                          g_rand_int_range (rand, 0, 5));
}

/* A new id, the same at each run of the test */
static char *
random_uuid (GRand *rand)
{
  return g_strdup_printf ("%08x-%04x-4%03x-8%03x-%08x%04x",
                          g_rand_int (rand), g_rand_int (rand) & 0xffff,
                          g_rand_int (rand) & 0xfff, g_rand_int (rand) & 0xfff,
                          g_rand_int (rand), g_rand_int (rand) & 0xffff);
}

/* One edit, of any kind, as the application's editor could make it */
static void
random_edit (RgSession *session,
             GRand     *rand)
{
  g_autofree char *text = random_text (rand);
  const char *partner_id = random_id (session, RG_OBJECT_KIND_PARTNER, rand);
  const char *dimension_id = random_id (session, RG_OBJECT_KIND_DIMENSION, rand);
  const char *statement_id = random_id (session, RG_OBJECT_KIND_STATEMENT, rand);
  const char *link_id = random_id (session, RG_OBJECT_KIND_LINK, rand);
  const char *term_id = random_id (session, RG_OBJECT_KIND_TERM, rand);
  const char *category_id = random_id (session, RG_OBJECT_KIND_CATEGORY, rand);
  const char *action_id = random_id (session, RG_OBJECT_KIND_ACTION, rand);
  const char *item_id = random_id (session, RG_OBJECT_KIND_REVIEW_ITEM, rand);
  guint n_statements = g_list_model_get_n_items (rg_session_get_statements (session));
  g_autofree char *id = random_uuid (rand);
  guint position = g_rand_int_range (rand, 0, 4);

  switch (g_rand_int_range (rand, 0, 26))
    {
    case 0:
      rg_session_set_title (session, text);
      break;
    case 1:
      rg_session_set_next_review (session, g_rand_boolean (rand) ? "2027-06-01" : NULL);
      break;
    case 2:
      {
        g_autoptr(RgPartner) partner = g_object_new (RG_TYPE_PARTNER, "id", id, NULL);

        rg_partner_set_name (partner, text);
        rg_session_insert_partner (session, partner, position);
      }
      break;
    case 3:
      if (partner_id != NULL && g_list_model_get_n_items (rg_session_get_partners (session)) > 1)
        rg_session_remove_partner (session, rg_session_find_partner (session, partner_id));
      break;
    case 4:
      if (partner_id != NULL)
        rg_session_move_partner (session, rg_session_find_partner (session, partner_id), position);
      break;
    case 5:
      if (partner_id != NULL)
        rg_partner_set_name (rg_session_find_partner (session, partner_id), text);
      break;
    case 6:
      {
        g_autoptr(RgDimension) dimension = g_object_new (RG_TYPE_DIMENSION, "id", id, NULL);

        rg_dimension_set_name (dimension, text);
        rg_session_insert_dimension (session, dimension, position);
      }
      break;
    case 7:
      if (dimension_id != NULL && g_list_model_get_n_items (rg_session_get_dimensions (session)) > 1)
        rg_session_remove_dimension (session, rg_session_find_dimension (session, dimension_id));
      break;
    case 8:
      if (dimension_id != NULL)
        rg_dimension_set_synthesis (rg_session_find_dimension (session, dimension_id), text);
      break;
    case 9:
      if (partner_id != NULL && dimension_id != NULL)
        {
          g_autoptr(RgStatement) statement = g_object_new (RG_TYPE_STATEMENT, "id", id, NULL);

          rg_statement_set_partner_id (statement, partner_id);
          rg_statement_set_dimension_id (statement, dimension_id);
          rg_statement_set_text (statement, text);
          rg_session_insert_statement (session, statement, position);
        }
      break;
    case 10:
      if (statement_id != NULL)
        rg_session_remove_statement (session, rg_session_find_statement (session, statement_id));
      break;
    case 11:
      if (statement_id != NULL)
        rg_statement_set_text (rg_session_find_statement (session, statement_id), text);
      break;
    case 12:
      if (statement_id != NULL)
        rg_session_move_statement (session, rg_session_find_statement (session, statement_id), position);
      break;
    case 13:
      if (statement_id != NULL && dimension_id != NULL)
        rg_statement_set_dimension_id (rg_session_find_statement (session, statement_id), dimension_id);
      break;
    case 14:
      if (n_statements >= 2)
        {
          g_autoptr(RgLink) link = g_object_new (RG_TYPE_LINK, "id", id, NULL);
          const char *other = random_id (session, RG_OBJECT_KIND_STATEMENT, rand);

          if (g_str_equal (other, statement_id))
            break;
          rg_link_add_member (link, statement_id);
          rg_link_add_member (link, other);
          rg_link_set_note (link, text);
          rg_session_insert_link (session, link, position);
        }
      break;
    case 15:
      if (link_id != NULL && statement_id != NULL)
        rg_link_add_member (rg_session_find_link (session, link_id), statement_id);
      break;
    case 16:
      if (link_id != NULL)
        rg_session_remove_link (session, rg_session_find_link (session, link_id));
      break;
    case 17:
      {
        g_autoptr(RgTerm) term = g_object_new (RG_TYPE_TERM, "id", id, NULL);

        rg_term_set_word (term, text);
        rg_session_insert_term (session, term, position);
      }
      break;
    case 18:
      if (term_id != NULL && partner_id != NULL)
        rg_term_set_meaning (rg_session_find_term (session, term_id), partner_id,
                             g_rand_boolean (rand) ? text : NULL);
      break;
    case 19:
      if (term_id != NULL)
        rg_session_remove_term (session, rg_session_find_term (session, term_id));
      break;
    case 20:
      if (category_id != NULL)
        {
          RgCategory *category = rg_session_find_category (session, category_id);
          g_autoptr(RgCriterion) criterion = g_object_new (RG_TYPE_CRITERION, "id", id, NULL);

          rg_criterion_set_text (criterion, text);
          if (partner_id != NULL)
            rg_criterion_set_proposed_by (criterion, (const char * const[]) { partner_id, NULL });
          rg_category_insert_criterion (category, criterion, position);
        }
      break;
    case 21:
      if (category_id != NULL)
        {
          RgCategory *category = rg_session_find_category (session, category_id);
          GListModel *criteria = rg_category_get_criteria (category);
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, 0);
          const char *other_id = random_id (session, RG_OBJECT_KIND_CATEGORY, rand);

          if (criterion == NULL)
            break;
          rg_category_remove_criterion (category, criterion);
          if (g_rand_boolean (rand))
            rg_category_insert_criterion (rg_session_find_category (session, other_id), criterion, position);
        }
      break;
    case 22:
      if (category_id != NULL && g_rand_boolean (rand))
        rg_session_remove_category (session, rg_session_find_category (session, category_id));
      else
        {
          g_autoptr(RgCategory) category = rg_category_new (text);

          rg_session_insert_category (session, category, position);
        }
      break;
    case 23:
      if (action_id != NULL && g_rand_boolean (rand))
        rg_action_set_owner_id (rg_session_find_action (session, action_id), partner_id);
      else
        {
          g_autoptr(RgAction) action = rg_action_new (text);

          rg_session_insert_action (session, action, position);
        }
      break;
    case 24:
      if (item_id != NULL && g_rand_boolean (rand))
        rg_review_item_set_reviewed (rg_session_find_review_item (session, item_id), TRUE);
      else
        {
          g_autoptr(RgConsent) consent = rg_consent_new (text);

          rg_consent_set_recorded_by_id (consent, partner_id);
          rg_session_insert_consent (session, consent, position);
        }
      break;
    case 25:
      {
        GListModel *conflicts = rg_session_get_conflicts (session);

        if (g_list_model_get_n_items (conflicts) > 0 && g_rand_boolean (rand))
          {
            g_autoptr(RgConflict) conflict = g_list_model_get_item (conflicts, 0);

            rg_session_remove_conflict (session, conflict);
          }
        else if (statement_id != NULL)
          {
            g_autoptr(GDateTime) time = at (2);
            g_autoptr(RgConflict) conflict = rg_conflict_new (RG_OBJECT_KIND_STATEMENT, statement_id,
                                                              "text", NULL, text, "Un constat", time);

            if (rg_session_find_conflict (session, rg_conflict_get_id (conflict)) == NULL)
              rg_session_insert_conflict (session, conflict, position);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* @base with @n random edits, read back from its file */
static RgSession *
edited (RgSession *base,
        GRand     *rand,
        guint      n)
{
  g_autoptr(RgSession) session = copy (base);

  for (guint i = 0; i < n; i++)
    random_edit (session, rand);

  return copy (session);
}

static void
test_reload_in_place (void)
{
  g_autoptr(RgSession) example = rg_test_load_example ();
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270304);

  for (guint round = 0; round < 60; round++)
    {
      RgSession *start = round % 2 == 0 ? base : example;
      g_autoptr(RgSession) ours = copy (start);
      g_autoptr(RgSession) theirs = edited (start, rand, 1 + round % 25);
      g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
      RgMergeStats stats;

      /* The partners theirs kept are the same objects in ours after */
      for (guint i = 0; i < g_list_model_get_n_items (rg_session_get_partners (ours)); i++)
        g_ptr_array_add (partners, g_list_model_get_item (rg_session_get_partners (ours), i));

      merge (ours, start, theirs, &stats);
      assert_same_bytes (ours, theirs);
      g_assert_cmpuint (stats.conflicts, ==, 0);

      for (guint i = 0; i < partners->len; i++)
        {
          RgPartner *partner = g_ptr_array_index (partners, i);
          RgPartner *kept = rg_session_find_partner (ours, rg_partner_get_id (partner));

          g_assert_true (kept == NULL || kept == partner);
        }
    }
}

/* The other way round: theirs is the base, ours stays as it is */
static void
test_theirs_unchanged (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(RgSession) ours = edited (base, rand, 1 + round % 25);
      g_autoptr(RgSession) before = copy (ours);
      g_autoptr(RgSession) theirs = copy (base);
      RgMergeStats stats;

      merge (ours, base, theirs, &stats);
      assert_same_bytes (ours, before);
      g_assert_cmpuint (stats.added + stats.removed + stats.updated + stats.conflicts, ==, 0);
    }
}

/* Edits on both sides: the result is a file the loader takes (merge ()
 * checks it), the same whichever of two merges makes it, and merging
 * theirs again changes nothing more. */
static void
test_both_edited (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1789);

  for (guint round = 0; round < 80; round++)
    {
      g_autoptr(RgSession) ours_edit = edited (base, rand, 1 + round % 20);
      g_autoptr(RgSession) theirs = edited (base, rand, 1 + round % 15);
      g_autoptr(RgSession) ours = copy (ours_edit);
      g_autoptr(RgSession) again = copy (ours_edit);
      g_autoptr(RgSession) theirs_again = copy (theirs);
      g_autoptr(RgSession) merged = NULL;
      RgMergeStats stats;

      merge (ours, base, theirs, &stats);
      merge (again, base, theirs, NULL);
      assert_same_bytes (ours, again);

      /* Theirs again, now that it is the base: nothing more to take */
      merged = copy (ours);
      merge (ours, theirs, theirs_again, &stats);
      assert_same_bytes (ours, merged);
      g_assert_cmpuint (stats.added + stats.removed + stats.updated + stats.conflicts, ==, 0);
    }
}

/* }}} */
/* {{{ The session as a whole */

static void
test_deterministic (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) theirs = copy (base);
  g_autoptr(RgSession) first = copy (base);
  g_autoptr(RgSession) second = NULL;
  g_autoptr(RgSession) third = NULL;
  g_autoptr(GError) error = NULL;

  rg_session_set_title (first, "Revue (nous)");
  rg_partner_set_name (rg_session_find_partner (first, P1), "Mme Martin (CM1)");
  rg_session_set_title (theirs, "Revue (eux)");
  rg_partner_set_name (rg_session_find_partner (theirs, P1), "Claire Martin");
  add_partner (theirs, NEW_THEIRS);
  second = copy (first);
  third = copy (first);

  merge (first, base, theirs, NULL);
  merge (second, base, theirs, NULL);
  assert_same_bytes (first, second);

  /* At another time, the same conflicts: the same ids */
  g_assert_true (rg_session_merge (third, base, theirs, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts (third), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (rg_conflict_get_id (get_conflict (third, i)), ==,
                     rg_conflict_get_id (get_conflict (first, i)));

  /* Merging it again records nothing twice */
  merge (first, base, theirs, NULL);
  assert_same_bytes (first, second);
}

/* A sync engine let another machine's save, made from the version we had
 * read, win over ours: of the two versions it may come from, the one
 * read and the one we wrote, it is nearer the one it came from, and that
 * base keeps what we wrote. */
static void
test_nearest_base (void)
{
  g_autoptr(RgSession) read = make_base ();
  g_autoptr(RgSession) written = copy (read);
  g_autoptr(RgSession) theirs = copy (read);
  g_autoptr(RgSession) ours = NULL;
  g_autoptr(RgSession) later = NULL;

  g_assert_cmpuint (rg_session_count_differences (read, read), ==, 0);

  rg_statement_set_text (rg_session_find_statement (written, S1), "Arrive en retard le lundi");
  add_statement (written, NEW_OURS, P1, D1, "Aime lire");
  rg_dimension_set_synthesis (rg_session_find_dimension (written, D1), "Des retards");
  add_partner (theirs, NEW_THEIRS);
  g_assert_cmpuint (rg_session_count_differences (written, read), ==, 3);
  g_assert_cmpuint (rg_session_count_differences (theirs, read), ==, 1);
  g_assert_cmpuint (rg_session_count_differences (theirs, written), ==, 4);

  ours = copy (written);
  merge (ours, read, theirs, NULL);
  g_assert_cmpstr (rg_statement_get_text (rg_session_find_statement (ours, S1)), ==,
                   "Arrive en retard le lundi");
  g_assert_nonnull (rg_session_find_statement (ours, NEW_OURS));
  g_assert_nonnull (rg_session_find_partner (ours, NEW_THEIRS));
  g_assert_cmpuint (n_conflicts (ours), ==, 0);

  /* Made from what we wrote, it is nearer that */
  later = copy (written);
  rg_statement_set_text (rg_session_find_statement (later, S1), "Arrive en retard le mardi");
  g_assert_cmpuint (rg_session_count_differences (later, written), <,
                    rg_session_count_differences (later, read));
}

static void
test_other_session (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) before = copy (base);
  g_autoptr(RgSession) other = rg_session_new ();
  g_autoptr(GError) error = NULL;
  RgMergeStats stats = { 1, 1, 1, 1 };

  g_assert_false (rg_session_merge (ours, base, other, &stats, &error));
  g_assert_error (error, RG_MERGE_ERROR, RG_MERGE_ERROR_OTHER_SESSION);
  g_assert_cmpuint (stats.added + stats.removed + stats.updated + stats.conflicts, ==, 0);
  assert_same_bytes (ours, before);
  g_clear_error (&error);

  g_assert_false (rg_session_merge (ours, other, base, NULL, &error));
  g_assert_error (error, RG_MERGE_ERROR, RG_MERGE_ERROR_OTHER_SESSION);
}

/* Ours is changed in place: its objects stay the same objects, and the
 * model's signals tell the windows observing it */
static void
test_signals (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  RgPartner *partner = rg_session_find_partner (ours, P1);
  RgStatement *statement = rg_session_find_statement (ours, S1);
  guint partners_changed = 0;
  guint title_changed = 0;
  guint name_changed = 0;
  guint conflicts_changed = 0;
  guint session_changed = 0;

  add_partner (theirs, NEW_THEIRS);
  rg_session_set_title (theirs, "Revue de février");
  rg_partner_set_name (rg_session_find_partner (theirs, P1), "Claire Martin");
  rg_statement_set_text (rg_session_find_statement (ours, S1), "Arrive en retard (nous)");
  rg_statement_set_text (rg_session_find_statement (theirs, S1), "Arrive en retard (eux)");

  g_signal_connect_swapped (rg_session_get_partners (ours), "items-changed",
                            G_CALLBACK (count_cb), &partners_changed);
  g_signal_connect_swapped (ours, "notify::title", G_CALLBACK (count_cb), &title_changed);
  g_signal_connect_swapped (partner, "notify::name", G_CALLBACK (count_cb), &name_changed);
  g_signal_connect_swapped (rg_session_get_conflicts (ours), "items-changed",
                            G_CALLBACK (count_cb), &conflicts_changed);
  g_signal_connect_swapped (ours, "changed", G_CALLBACK (count_cb), &session_changed);
  merge (ours, base, theirs, NULL);

  g_assert_true (rg_session_find_partner (ours, P1) == partner);
  g_assert_true (rg_session_find_statement (ours, S1) == statement);
  g_assert_cmpuint (partners_changed, ==, 1);
  g_assert_cmpuint (title_changed, ==, 1);
  g_assert_cmpuint (name_changed, ==, 1);
  g_assert_cmpuint (conflicts_changed, ==, 1);
  g_assert_cmpuint (session_changed, >, 0);
}

/* }}} */
/* {{{ Conflicts in the file and in the model */

/* The conflicts of earlier merges are merged as objects: one settled on
 * one side goes, one recorded on one side stays */
static void
test_conflicts_merged (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(GDateTime) time = at (2);
  g_autoptr(RgConflict) settled = rg_conflict_new (RG_OBJECT_KIND_PARTNER, P1, "name", NULL,
                                                   "Claire", "Mme Martin", time);
  g_autoptr(RgConflict) kept = rg_conflict_new (RG_OBJECT_KIND_ACTION, A1, "due", NULL,
                                                "2027-03-01", "Rencontrer la famille", time);
  g_autoptr(RgConflict) added = rg_conflict_new (RG_OBJECT_KIND_TERM, T1, "meaning", P2,
                                                 "Décrocher", "décrochage", time);
  g_autoptr(RgSession) ours = NULL;
  g_autoptr(RgSession) theirs = NULL;
  RgMergeStats stats;

  rg_session_add_conflict (base, settled);
  rg_session_add_conflict (base, kept);
  ours = copy (base);
  theirs = copy (base);
  rg_session_remove_conflict (theirs, rg_session_find_conflict (theirs, rg_conflict_get_id (settled)));
  rg_session_add_conflict (theirs, added);
  merge (ours, base, theirs, &stats);

  g_assert_cmpuint (n_conflicts (ours), ==, 2);
  g_assert_cmpstr (rg_conflict_get_id (get_conflict (ours, 0)), ==, rg_conflict_get_id (kept));
  g_assert_cmpstr (rg_conflict_get_id (get_conflict (ours, 1)), ==, rg_conflict_get_id (added));
  g_assert_cmpstr (rg_conflict_get_partner_id (get_conflict (ours, 1)), ==, P2);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  assert_same_bytes (ours, theirs);
}

/* A file of version 2 has no conflicts: it reads as it is */
static void
test_version_2 (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(GBytes) bytes = rg_session_to_bytes (base);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char *version = strstr (text, "format-version=\"" G_STRINGIFY (RG_FORMAT_VERSION) "\"");
  g_autoptr(GBytes) old = NULL;
  g_autoptr(RgSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (version);
  version[strlen ("format-version=\"")] = '2';
  old = g_bytes_new (text, strlen (text));
  session = rg_session_new_from_bytes (old, &error);
  g_assert_no_error (error);
  assert_same_bytes (session, base);
  g_assert_cmpuint (n_conflicts (session), ==, 0);
  g_assert_null (strstr (text, "<conflicts"));
}

static void
test_conflict_invalid (void)
{
  static const char * const conflicts[] = {
    /* no description */
    "<conflict id=\"" ID ("c1") "\" kind=\"partner\" object=\"" P1 "\" field=\"name\" "
    "recorded=\"2027-01-01T10:00:00Z\"><theirs>x</theirs></conflict>",
    /* an unknown kind */
    "<conflict id=\"" ID ("c1") "\" kind=\"planet\" object=\"" P1 "\" field=\"name\" "
    "recorded=\"2027-01-01T10:00:00Z\"><description/><theirs>x</theirs></conflict>",
    /* a time that does not exist */
    "<conflict id=\"" ID ("c1") "\" kind=\"partner\" object=\"" P1 "\" field=\"name\" "
    "recorded=\"2027-02-30T10:00:00Z\"><description/><theirs>x</theirs></conflict>",
    /* the same id as an object */
    "<conflict id=\"" P1 "\" kind=\"partner\" object=\"" P1 "\" field=\"name\" "
    "recorded=\"2027-01-01T10:00:00Z\"><description/><theirs>x</theirs></conflict>",
    /* not a field name */
    "<conflict id=\"" ID ("c1") "\" kind=\"partner\" object=\"" P1 "\" field=\"Name!\" "
    "recorded=\"2027-01-01T10:00:00Z\"><description/><theirs>x</theirs></conflict>",
  };
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(GBytes) bytes = rg_session_to_bytes (base);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char *end = strstr (text, "</session>");

  g_assert_nonnull (end);
  *end = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (conflicts); i++)
    {
      g_autofree char *file = g_strconcat (text, "<conflicts>", conflicts[i], "</conflicts></session>\n", NULL);
      g_autoptr(GBytes) contents = g_bytes_new (file, strlen (file));
      g_autoptr(GError) error = NULL;
      g_autoptr(RgSession) session = rg_session_new_from_bytes (contents, &error);

      g_assert_null (session);
      g_assert_error (error, RG_FORMAT_ERROR, error->code);
    }

  /* One that names objects the file no longer has is fine */
  {
    g_autofree char *file = g_strconcat (text, "<conflicts><conflict id=\"" ID ("c1") "\" kind=\"statement\" "
                                         "object=\"" ID ("c2") "\" field=\"text\" partner=\"" ID ("c3") "\" "
                                         "recorded=\"2027-01-01T10:00:00Z\"><description>Un constat</description>"
                                         "<theirs/></conflict></conflicts></session>\n", NULL);
    g_autoptr(GBytes) contents = g_bytes_new (file, strlen (file));
    g_autoptr(GError) error = NULL;
    g_autoptr(RgSession) session = rg_session_new_from_bytes (contents, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (n_conflicts (session), ==, 1);
    g_assert_cmpstr (rg_conflict_get_theirs (get_conflict (session, 0)), ==, "");
    g_assert_null (rg_merge_dup_ours (session, get_conflict (session, 0)));
    assert_round_trip (session);
  }
}

/* }}} */
/* {{{ Settling conflicts */

/* A session whose statement S2 and partner P2 are in conflict */
static RgSession *
make_conflicted (void)
{
  g_autoptr(RgSession) base = make_base ();
  RgSession *ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);

  rg_statement_set_text (rg_session_find_statement (ours, S2), "Vient le soir (nous)");
  rg_statement_set_text (rg_session_find_statement (theirs, S2), "Vient le soir (eux)");
  rg_partner_set_name (rg_session_find_partner (ours, P2), "Marc");
  rg_partner_set_name (rg_session_find_partner (theirs, P2), "M. Bernard, éducateur");
  merge (ours, base, theirs, NULL);
  g_assert_cmpuint (n_conflicts (ours), ==, 2);

  return ours;
}

static void
test_resolve_keep_theirs (void)
{
  g_autoptr(RgSession) session = make_conflicted ();
  g_autoptr(RgSessionEditor) editor = rg_session_editor_new (session);
  g_autoptr(RgSession) before = copy (session);
  RgUndoStack *undo = rg_session_editor_get_undo_stack (editor);
  RgStatement *statement = rg_session_find_statement (session, S2);
  g_autoptr(GDateTime) changed = g_date_time_ref (rg_statement_get_changed (statement));
  g_autoptr(RgConflict) conflict = g_object_ref (get_conflict (session, 0));

  g_assert_cmpstr (rg_conflict_get_object_id (conflict), ==, P2);
  g_assert_true (rg_session_editor_resolve_conflict (editor, conflict, TRUE));
  g_assert_cmpstr (rg_partner_get_name (rg_session_find_partner (session, P2)), ==,
                   "M. Bernard, éducateur");
  g_assert_cmpuint (n_conflicts (session), ==, 1);

  g_assert_true (rg_session_editor_resolve_conflict (editor, get_conflict (session, 0), TRUE));
  g_assert_cmpstr (rg_statement_get_text (statement), ==, "Vient le soir (eux)");
  g_assert_cmpuint (n_conflicts (session), ==, 0);
  assert_round_trip (session);

  /* One undo step each gives back the value and the conflict */
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_cmpstr (rg_statement_get_text (statement), ==, "Vient le soir (nous)");
  g_assert_true (g_date_time_equal (rg_statement_get_changed (statement), changed));
  g_assert_cmpuint (n_conflicts (session), ==, 1);
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_cmpuint (n_conflicts (session), ==, 2);
  g_assert_false (rg_undo_stack_get_can_undo (undo));
  assert_same_bytes (session, before);

  /* And redo settles them again */
  g_assert_true (rg_undo_stack_redo (undo));
  g_assert_true (rg_undo_stack_redo (undo));
  g_assert_cmpuint (n_conflicts (session), ==, 0);
  g_assert_cmpstr (rg_statement_get_text (statement), ==, "Vient le soir (eux)");
}

static void
test_resolve_keep_ours (void)
{
  g_autoptr(RgSession) session = make_conflicted ();
  g_autoptr(RgSessionEditor) editor = rg_session_editor_new (session);
  g_autoptr(RgSession) before = copy (session);
  RgUndoStack *undo = rg_session_editor_get_undo_stack (editor);

  g_assert_true (rg_session_editor_resolve_conflict (editor, get_conflict (session, 1), FALSE));
  g_assert_cmpstr (rg_statement_get_text (rg_session_find_statement (session, S2)), ==,
                   "Vient le soir (nous)");
  g_assert_cmpuint (n_conflicts (session), ==, 1);
  g_assert_cmpstr (rg_conflict_get_object_id (get_conflict (session, 0)), ==, P2);

  g_assert_true (rg_undo_stack_undo (undo));
  assert_same_bytes (session, before);
}

static void
test_resolve_special (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  g_autoptr(RgSessionEditor) editor = NULL;
  RgCategory *category = NULL;
  RgUndoStack *undo;
  g_autoptr(RgCriterion) criterion = NULL;

  /* A partner's meaning, and the category of a criterion */
  rg_term_set_meaning (rg_session_find_term (ours, T1), P1, "Absences (nous)");
  rg_term_set_meaning (rg_session_find_term (theirs, T1), P1, "Absences (eux)");
  add_category (ours, NEW_OURS);
  criterion = g_object_ref (rg_session_find_criterion (ours, K2, NULL));
  rg_category_remove_criterion (rg_session_find_category (ours, C1), criterion);
  rg_category_add_criterion (rg_session_find_category (ours, NEW_OURS), criterion);
  g_clear_object (&criterion);
  criterion = g_object_ref (rg_session_find_criterion (theirs, K2, NULL));
  rg_category_remove_criterion (rg_session_find_category (theirs, C1), criterion);
  rg_category_add_criterion (rg_session_find_category (theirs, C2), criterion);
  merge (ours, base, theirs, NULL);
  g_assert_cmpuint (n_conflicts (ours), ==, 2);

  editor = rg_session_editor_new (ours);
  undo = rg_session_editor_get_undo_stack (editor);
  for (guint i = 0; i < 2; i++)
    g_assert_true (rg_session_editor_resolve_conflict (editor, get_conflict (ours, 0), TRUE));
  g_assert_cmpstr (rg_term_get_meaning (rg_session_find_term (ours, T1), P1), ==, "Absences (eux)");
  rg_session_find_criterion (ours, K2, &category);
  g_assert_cmpstr (rg_category_get_id (category), ==, C2);
  assert_round_trip (ours);

  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_true (rg_undo_stack_undo (undo));
  g_assert_cmpstr (rg_term_get_meaning (rg_session_find_term (ours, T1), P1), ==, "Absences (nous)");
  rg_session_find_criterion (ours, K2, &category);
  g_assert_cmpstr (rg_category_get_id (category), ==, NEW_OURS);
  g_assert_cmpuint (n_conflicts (ours), ==, 2);
}

/* Theirs' value cannot be kept when it names an object deleted since;
 * an object deleted since leaves nothing to choose */
static void
test_resolve_gone (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  g_autoptr(RgSessionEditor) editor = NULL;
  RgConflict *conflict;

  add_dimension (ours, NEW_OURS);
  add_dimension (theirs, NEW_THEIRS);
  rg_statement_set_dimension_id (rg_session_find_statement (ours, S1), NEW_OURS);
  rg_statement_set_dimension_id (rg_session_find_statement (theirs, S1), NEW_THEIRS);
  rg_statement_set_text (rg_session_find_statement (ours, S3), "Fatigué (nous)");
  rg_statement_set_text (rg_session_find_statement (theirs, S3), "Fatigué (eux)");
  merge (ours, base, theirs, NULL);
  g_assert_cmpuint (n_conflicts (ours), ==, 2);
  conflict = get_conflict (ours, 0);
  g_assert_cmpstr (rg_conflict_get_field (conflict), ==, "dimension-id");
  g_assert_cmpstr (rg_conflict_get_theirs (conflict), ==, NEW_THEIRS);

  editor = rg_session_editor_new (ours);
  rg_session_remove_dimension (ours, rg_session_find_dimension (ours, NEW_THEIRS));
  g_assert_false (rg_session_editor_resolve_conflict (editor, conflict, TRUE));
  g_assert_cmpuint (n_conflicts (ours), ==, 2);
  g_assert_true (rg_session_editor_resolve_conflict (editor, conflict, FALSE));
  g_assert_cmpuint (n_conflicts (ours), ==, 1);

  rg_session_remove_statement (ours, rg_session_find_statement (ours, S3));
  g_assert_true (rg_session_editor_resolve_conflict (editor, get_conflict (ours, 0), TRUE));
  g_assert_cmpuint (n_conflicts (ours), ==, 0);
}

/* }}} */
/* {{{ The command line */

static char *
write_session (RgSession  *session,
               const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static RgSession *
read_session (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, NULL, NULL, &error);
  RgSession *session;

  g_assert_no_error (error);
  session = rg_session_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  return session;
}

static void
test_cli_merge (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) ours = copy (base);
  g_autoptr(RgSession) theirs = copy (base);
  g_autoptr(RgSession) written = NULL;
  g_autofree char *base_path = NULL;
  g_autofree char *ours_path = NULL;
  g_autofree char *theirs_path = NULL;
  g_autofree char *out = g_build_filename (work_dir, "merged.regards", NULL);
  g_autofree char *line = NULL;
  g_auto(RgTestRun) run = { 0 };
  GStatBuf info;

  rg_session_set_title (ours, "Revue (nous)");
  rg_session_set_title (theirs, "Revue (eux)");
  add_partner (theirs, NEW_THEIRS);
  rg_session_remove_statement (theirs, rg_session_find_statement (theirs, S4));
  rg_dimension_set_synthesis (rg_session_find_dimension (theirs, D1), "Des retards le matin");
  base_path = write_session (base, "base.regards");
  ours_path = write_session (ours, "ours.regards");
  theirs_path = write_session (theirs, "theirs.regards");

  rg_test_run_cli (&run, work_dir, "merge", base_path, ours_path, theirs_path, "-o", out, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  line = g_strdup_printf ("%s: added 1, removed 1, updated 1, conflicts 1\n", out);
  g_assert_cmpstr (run.out, ==, line);

  /* A new file, private, that Regards opens */
  written = read_session (out);
  g_assert_cmpuint (n_conflicts (written), ==, 1);
  g_assert_cmpstr (rg_session_get_title (written), ==, "Revue (nous)");
  g_assert_nonnull (rg_session_find_partner (written, NEW_THEIRS));
  g_assert_null (rg_session_find_statement (written, S4));
  g_assert_cmpint (g_stat (out, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* The input files are left as they were */
  {
    g_autoptr(RgSession) again = read_session (ours_path);

    assert_same_bytes (again, ours);
  }
}

static void
test_cli_merge_errors (void)
{
  g_autoptr(RgSession) base = make_base ();
  g_autoptr(RgSession) other = rg_session_new ();
  g_autofree char *base_path = write_session (base, "base.regards");
  g_autofree char *other_path = write_session (other, "other.regards");
  g_autofree char *missing = g_build_filename (work_dir, "missing.regards", NULL);
  g_autofree char *damaged = g_build_filename (g_getenv ("REGARDS_SOURCE_ROOT"), "tests", "data",
                                               "format", "truncated.regards", NULL);
  g_autofree char *out = g_build_filename (work_dir, "never.regards", NULL);

  /* Unreadable: “PATH: reason”, status 1, nothing written */
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "merge", base_path, missing, base_path, "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, missing));
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "merge", base_path, base_path, damaged, "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, damaged));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "merge", base_path, base_path, other_path, "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "not versions of the same session"));
  }
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Usage */
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "merge", base_path, base_path, "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "merge", base_path, base_path, base_path, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "merge", "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "BASE OURS THEIRS"));
  }
  {
    g_auto(RgTestRun) run = { 0 };

    rg_test_run_cli (&run, work_dir, "--help", NULL);
    g_assert_nonnull (strstr (run.out, "  merge "));
  }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();
  const char *tests[] = {
    "one-side", "same-change", "conflict", "delete-vs-edit", "added-both-sides", "no-base",
  };
  const GTestDataFunc funcs[] = {
    test_one_side, test_same_change, test_conflict, test_delete_vs_edit, test_added_both,
    test_no_base,
  };

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  work_dir = g_build_filename (root, "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (work_dir, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint j = 0; j < G_N_ELEMENTS (funcs); j++)
      {
        g_autofree char *path = g_strdup_printf ("/merge/%s/%s", cases[i].path, tests[j]);

        g_test_add_data_func (path, &cases[i], funcs[j]);
      }

  g_test_add_func ("/merge/link/members", test_link_members);
  g_test_add_func ("/merge/link/status", test_link_status);
  g_test_add_func ("/merge/link/keeps-statement", test_link_keeps_statement);
  g_test_add_func ("/merge/partner/still-named", test_partner_still_named);
  g_test_add_func ("/merge/category/still-named", test_category_still_named);
  g_test_add_func ("/merge/criterion/moved", test_criterion_moved);
  g_test_add_func ("/merge/criterion/met", test_criterion_met);
  g_test_add_func ("/merge/term/meanings", test_term_meanings);
  g_test_add_func ("/merge/statement/times", test_statement_times);
  g_test_add_func ("/merge/statement/cell", test_statement_cell);
  g_test_add_func ("/merge/order/theirs-moved", test_order_theirs_moved);
  g_test_add_func ("/merge/order/both-moved", test_order_both_moved);
  g_test_add_func ("/merge/order/added", test_order_added);
  g_test_add_func ("/merge/reload-in-place", test_reload_in_place);
  g_test_add_func ("/merge/theirs-unchanged", test_theirs_unchanged);
  g_test_add_func ("/merge/both-edited", test_both_edited);
  g_test_add_func ("/merge/deterministic", test_deterministic);
  g_test_add_func ("/merge/nearest-base", test_nearest_base);
  g_test_add_func ("/merge/other-session", test_other_session);
  g_test_add_func ("/merge/signals", test_signals);
  g_test_add_func ("/merge/conflicts/merged", test_conflicts_merged);
  g_test_add_func ("/merge/conflicts/version-2", test_version_2);
  g_test_add_func ("/merge/conflicts/invalid", test_conflict_invalid);
  g_test_add_func ("/merge/resolve/keep-theirs", test_resolve_keep_theirs);
  g_test_add_func ("/merge/resolve/keep-ours", test_resolve_keep_ours);
  g_test_add_func ("/merge/resolve/meaning-and-category", test_resolve_special);
  g_test_add_func ("/merge/resolve/gone", test_resolve_gone);
  g_test_add_func ("/merge/cli/merge", test_cli_merge);
  g_test_add_func ("/merge/cli/errors", test_cli_merge_errors);

  return g_test_run ();
}
