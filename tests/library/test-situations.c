/* test-situations.c — the coordinator's desk from the index: one row per
 * child (rg_library_list_situations ()) and what needs attention on a
 * day (rg_library_list_attention ()), on a library of real files whose
 * answers are counted by hand below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rg-file-io.h"
#include "rg-follow-up.h"
#include "rg-library-private.h"
#include "rg-session-xml.h"
#include "rg-test-quick-reading.h"
#include "rg-test-utils.h"

#define SIT_A "0a0a0a0a-0000-4000-8000-00000000000a"
#define SIT_B "0b0b0b0b-0000-4000-8000-00000000000b"
#define SIT_C "0c0c0c0c-0000-4000-8000-00000000000c"
#define SIT_D "0d0d0d0d-0000-4000-8000-00000000000d"

/* Every answer below is for this day. */
#define TODAY "2026-06-15"

typedef struct
{
  char      *root;
  char      *folder;
  char      *database;
  RgLibrary *library;

  /* The ids the answers name */
  char      *a_late_action;     /* A: due 2026-02-01, planned */
  char      *a_soon_action;     /* A: due 2026-06-20, in progress */
  char      *a_divergence;      /* A: open in a1, an item to review in a2 */
  char      *a_consent;         /* A: 2025-09-01, to confirm in a2 */
  char      *b_divergence;      /* B: open in the latest session */
  char      *b_late_action;     /* B: due 2025-10-01 */
  char      *c_consent;         /* C: 2023-05-02 */
  char      *d_action;          /* D: due today */
  char      *d_awaited;         /* D: a partner asked on 2026-06-02 */
} Place;

static guint place_counter;

/* The library goes once every thread of its asynchronous calls let go
 * of it. */
static void
assert_finalized (RgLibrary *library)
{
  gpointer weak = library;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (library), &weak);
  g_object_unref (library);

  while (weak != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
place_free (Place *place)
{
  assert_finalized (place->library);
  g_free (place->root);
  g_free (place->folder);
  g_free (place->database);
  g_free (place->a_late_action);
  g_free (place->a_soon_action);
  g_free (place->a_divergence);
  g_free (place->a_consent);
  g_free (place->b_divergence);
  g_free (place->b_late_action);
  g_free (place->c_consent);
  g_free (place->d_action);
  g_free (place->d_awaited);
  g_free (place);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Place, place_free)

static RgSession *
make_session (const char      *situation_id,
              const char      *label,
              const char      *date,
              RgSessionStatus  status)
{
  RgSession *session = rg_session_new ();

  rg_session_set_title (session, "Revue de situation");
  rg_session_set_date (session, date);
  rg_session_set_status (session, status);
  rg_session_set_situation_id (session, situation_id);
  rg_session_set_situation_label (session, label);

  return session;
}

static char *
save (Place      *place,
      const char *relpath,
      RgSession  *session)
{
  g_autofree char *path = g_build_filename (place->folder, relpath, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  rg_file_write_atomic (file, bytes, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static char *
add_action (RgSession      *session,
            const char     *what,
            const char     *due,
            RgActionStatus  status)
{
  g_autoptr(RgAction) action = rg_action_new (what);

  rg_action_set_due (action, due);
  rg_action_set_status (action, status);
  rg_session_add_action (session, action);

  return g_strdup (rg_action_get_id (action));
}

static char *
add_consent (RgSession  *session,
             const char *date)
{
  g_autoptr(RgConsent) consent = rg_consent_new ("Le bilan scolaire");

  rg_consent_set_date (consent, date);
  rg_session_add_consent (session, consent);

  return g_strdup (rg_consent_get_id (consent));
}

/* A link between two statements of two partners, as the team makes it. */
static char *
add_link (RgSession    *session,
          RgLinkType    type,
          RgLinkStatus  status,
          const char   *note)
{
  g_autoptr(RgPartner) first = rg_partner_new ();
  g_autoptr(RgPartner) second = rg_partner_new ();
  g_autoptr(RgDimension) dimension = rg_dimension_new ();
  g_autoptr(RgStatement) a = NULL;
  g_autoptr(RgStatement) b = NULL;
  g_autoptr(RgLink) link = rg_link_new (type);

  rg_partner_set_name (first, "Mme Martin");
  rg_partner_set_name (second, "M. Bernard");
  rg_dimension_set_name (dimension, "Scolarité");
  rg_session_add_partner (session, first);
  rg_session_add_partner (session, second);
  rg_session_add_dimension (session, dimension);
  a = rg_statement_new (rg_partner_get_id (first), rg_dimension_get_id (dimension),
                        RG_STATEMENT_KIND_FACT, "Arrive en retard le matin.");
  b = rg_statement_new (rg_partner_get_id (second), rg_dimension_get_id (dimension),
                        RG_STATEMENT_KIND_INTERPRETATION, "Le bus passe trop tôt.");
  rg_session_add_statement (session, a);
  rg_session_add_statement (session, b);
  rg_link_add_member (link, rg_statement_get_id (a));
  rg_link_add_member (link, rg_statement_get_id (b));
  rg_link_set_status (link, status);
  rg_link_set_note (link, note);
  rg_session_add_link (session, link);

  return g_strdup (rg_link_get_id (link));
}

/* A partner a contribution was asked of, on @asked, and received on
 * @received. */
static char *
add_contributor (RgSession  *session,
                 const char *name,
                 const char *asked,
                 const char *received)
{
  g_autoptr(RgPartner) partner = rg_partner_new ();

  rg_partner_set_name (partner, name);
  rg_partner_set_contribution_asked (partner, asked);
  rg_partner_set_contribution_received (partner, received);
  rg_session_add_partner (session, partner);

  return g_strdup (rg_partner_get_id (partner));
}

static void
write_text (Place      *place,
            const char *relpath,
            const char *text)
{
  g_autofree char *path = g_build_filename (place->folder, relpath, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/*
 * The library (today is 2026-06-15):
 *
 * A, "Élève A., CM1": a1 (2026-01-10, held) with a late action, an action
 *   due soon, a done one, an open divergence, a settled one, a consent of
 *   2025-09-01, a contribution asked and never received, and its next
 *   review on 2026-03-01; a2, its follow-up
 *   (2026-05-20, held, next review 2026-07-01), carrying the actions, the
 *   consent (to confirm) and the open divergence as an item to review. A
 *   conflict copy of a2 dated later, and a contribution dated later, are
 *   not the latest session.
 * B, "Élève B., 6e": three sessions written in another order than their
 *   dates; two on 2025-09-10, the closed one (next review 2025-12-01)
 *   wins over the one being prepared. It has an open divergence, a late
 *   action, and no consent; an older session has another late action.
 * C, "Élève C.": one session of 2023-05-02, its consent that day.
 * D, "Élève D.": one session being prepared for 2026-06-30, an action due
 *   today, a consent of 2026-06-01, a contribution asked on 2026-06-02 and
 *   awaited, another asked and received.
 * And a file that is not a session at all.
 */
static Place *
place_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("place-%u", ++place_counter);
  Place *place = g_new0 (Place, 1);

  place->root = g_build_filename (g_get_user_data_dir (), name, NULL);
  place->folder = g_build_filename (place->root, "Sessions", NULL);
  place->database = g_build_filename (place->root, "index.sqlite", NULL);
  g_assert_cmpint (g_mkdir_with_parents (place->folder, 0700), ==, 0);

  /* A */
  {
    g_autoptr(RgSession) a1 = make_session (SIT_A, "Élève A., CM1", "2026-01-10",
                                            RG_SESSION_STATUS_HELD);
    g_autoptr(RgSession) a2 = NULL;
    g_autoptr(RgSession) copy = NULL;
    g_autoptr(RgSession) contribution = NULL;
    g_autoptr(GBytes) a2_bytes = NULL;

    rg_session_set_situation_code (a1, "S-2026-001");
    rg_session_set_next_review (a1, "2026-03-01");
    place->a_late_action = add_action (a1, "Bilan orthophonique", "2026-02-01",
                                       RG_ACTION_STATUS_PLANNED);
    place->a_soon_action = add_action (a1, "Rencontre avec la famille", "2026-06-20",
                                       RG_ACTION_STATUS_IN_PROGRESS);
    g_free (add_action (a1, "Inscription à la cantine", "2026-01-05", RG_ACTION_STATUS_DONE));
    place->a_divergence = add_link (a1, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN,
                                    "Retards du matin");
    g_free (add_link (a1, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_SETTLED, NULL));
    g_free (add_link (a1, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_OPEN, NULL));
    place->a_consent = add_consent (a1, "2025-09-01");
    /* Asked for a1, never received: a2 asks for its own */
    g_free (add_contributor (a1, "Psychologue scolaire", "2026-01-02", NULL));
    g_free (save (place, "a1.regards", a1));

    a2 = rg_session_new_follow_up (a1);
    rg_session_set_date (a2, "2026-05-20");
    rg_session_set_status (a2, RG_SESSION_STATUS_HELD);
    rg_session_set_next_review (a2, "2026-07-01");
    g_free (save (place, "a2.regards", a2));

    a2_bytes = rg_session_to_bytes (a2);
    copy = rg_session_new_from_bytes (a2_bytes, &error);
    g_assert_no_error (error);
    rg_session_set_date (copy, "2026-06-01");
    rg_session_set_situation_label (copy, "Copie");
    g_free (save (place, "a2.sync-conflict-20260601-101010-ABCDEF7.regards", copy));

    contribution = make_session (SIT_A, "Contribution", "2026-06-10",
                                 RG_SESSION_STATUS_PREPARING);
    rg_session_set_kind (contribution, RG_SESSION_KIND_CONTRIBUTION);
    g_free (save (place, "a-contribution.regards", contribution));
  }

  /* B */
  {
    g_autoptr(RgSession) old = make_session (SIT_B, "Élève B., 6e", "2025-03-01",
                                             RG_SESSION_STATUS_HELD);
    g_autoptr(RgSession) preparing = make_session (SIT_B, "Élève B., 6e", "2025-09-10",
                                                   RG_SESSION_STATUS_PREPARING);
    g_autoptr(RgSession) closed = make_session (SIT_B, "Élève B., 6e", "2025-09-10",
                                                RG_SESSION_STATUS_CLOSED);

    g_free (add_consent (old, "2025-03-01"));
    g_free (add_action (old, "Ancienne action", "2025-04-01", RG_ACTION_STATUS_PLANNED));
    g_free (add_action (preparing, "Action en préparation", "2025-05-01",
                        RG_ACTION_STATUS_PLANNED));
    rg_session_set_next_review (closed, "2025-12-01");
    place->b_divergence = add_link (closed, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN, NULL);
    place->b_late_action = add_action (closed, "Équipe éducative", "2025-10-01",
                                       RG_ACTION_STATUS_PLANNED);
    g_free (add_action (closed, "Abandonnée", "2025-10-02", RG_ACTION_STATUS_CANCELLED));
    g_free (save (place, "z-b-old.regards", old));
    g_free (save (place, "b/a-b-closed.regards", closed));
    g_free (save (place, "b/z-b-preparing.regards", preparing));
  }

  /* C */
  {
    g_autoptr(RgSession) c = make_session (SIT_C, "Élève C.", "2023-05-02",
                                           RG_SESSION_STATUS_CLOSED);

    place->c_consent = add_consent (c, "2023-05-02");
    g_free (save (place, "2023/c.regards", c));
  }

  /* D */
  {
    g_autoptr(RgSession) d = make_session (SIT_D, "Élève D.", "2026-06-30",
                                           RG_SESSION_STATUS_PREPARING);

    rg_session_set_next_review (d, "2027-01-01");
    place->d_action = add_action (d, "Appeler le CMP", TODAY, RG_ACTION_STATUS_PLANNED);
    g_free (add_action (d, "Sans date", NULL, RG_ACTION_STATUS_PLANNED));
    g_free (add_consent (d, "2026-06-01"));
    place->d_awaited = add_contributor (d, "Mme Durand, CMP", "2026-06-02", NULL);
    g_free (add_contributor (d, "M. Petit, école", "2026-06-01", "2026-06-10"));
    g_free (save (place, "d.regards", d));
  }

  write_text (place, "cassé.regards", "pas du XML");

  place->library = rg_library_new (place->folder, place->database, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RgLibraryScanResult) result = rg_library_scan (place->library, NULL, &error);

    g_assert_no_error (error);
    assert_quick_reading_agrees (place->folder);
    g_assert_cmpuint (result->n_failed, ==, 1);
  }

  return place;
}

static char *
place_path (Place      *place,
            const char *relpath)
{
  return g_build_filename (place->folder, relpath, NULL);
}

static GListModel *
list_situations (Place                *place,
                 const RgLibraryQuery *query)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = rg_library_list_situations (place->library, query, TODAY, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (model) == RG_TYPE_LIBRARY_SITUATION);
  return model;
}

/* The ids of @model's situations, one letter each: "DABC". */
static char *
letters (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgLibrarySituation) situation = g_list_model_get_item (model, i);
      const char *id = rg_library_situation_get_id (situation);

      g_string_append_c (text, g_ascii_toupper (id[1]));
    }

  return g_string_free (text, FALSE);
}

static void
assert_situation (GListModel      *model,
                  guint            position,
                  const char      *id,
                  const char      *label,
                  const char      *code,
                  guint            n_sessions,
                  const char      *last_date,
                  RgSessionStatus  last_status,
                  const char      *last_path,
                  const char      *next_review,
                  guint            n_open_divergences,
                  guint            n_overdue_actions,
                  RgConsentState   consent_state,
                  const char      *consent_date)
{
  g_autoptr(RgLibrarySituation) situation = g_list_model_get_item (model, position);
  g_autofree char *state = NULL;

  g_assert_nonnull (situation);
  g_assert_cmpstr (rg_library_situation_get_id (situation), ==, id);
  g_assert_cmpstr (rg_library_situation_get_label (situation), ==, label);
  g_assert_cmpstr (rg_library_situation_get_code (situation), ==, code);
  g_assert_cmpuint (rg_library_situation_get_n_sessions (situation), ==, n_sessions);
  g_assert_cmpstr (rg_library_situation_get_last_date (situation), ==, last_date);
  g_assert_cmpint (rg_library_situation_get_last_status (situation), ==, last_status);
  g_assert_cmpstr (rg_library_situation_get_last_path (situation), ==, last_path);
  g_assert_cmpstr (rg_library_situation_get_next_review (situation), ==, next_review);
  g_assert_cmpuint (rg_library_situation_get_n_open_divergences (situation), ==,
                    n_open_divergences);
  g_assert_cmpuint (rg_library_situation_get_n_overdue_actions (situation), ==,
                    n_overdue_actions);
  g_assert_cmpint (rg_library_situation_get_consent_state (situation), ==, consent_state);
  g_assert_cmpstr (rg_library_situation_get_consent_date (situation), ==, consent_date);
  /* The same through the properties, which the desk binds */
  g_object_get (situation, "label", &state, NULL);
  g_assert_cmpstr (state, ==, label);
}

/* One row per child, everything read from its latest session. */
static void
test_situations_rows (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) model = list_situations (place, query);
  g_autofree char *a2 = place_path (place, "a2.regards");
  g_autofree char *b = place_path (place, "b/a-b-closed.regards");
  g_autofree char *c = place_path (place, "2023/c.regards");
  g_autofree char *d = place_path (place, "d.regards");

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  /* D: being prepared, so its own date is the review being prepared;
   * the action due today is not late yet. */
  assert_situation (model, 0, SIT_D, "Élève D.", NULL, 1, "2026-06-30",
                    RG_SESSION_STATUS_PREPARING, d, "2026-06-30", 0, 0,
                    RG_CONSENT_STATE_RECORDED, "2026-06-01");
  /* A: the follow-up, not its conflict copy nor the contribution, both
   * dated later; the divergence it carries counts once, the late action
   * it carries once. */
  assert_situation (model, 1, SIT_A, "Élève A., CM1", "S-2026-001", 2, "2026-05-20",
                    RG_SESSION_STATUS_HELD, a2, "2026-07-01", 1, 1,
                    RG_CONSENT_STATE_TO_CONFIRM, "2025-09-01");
  /* B: of the two sessions of 2025-09-10, the closed one. */
  assert_situation (model, 2, SIT_B, "Élève B., 6e", NULL, 3, "2025-09-10",
                    RG_SESSION_STATUS_CLOSED, b, "2025-12-01", 1, 1,
                    RG_CONSENT_STATE_NONE, NULL);
  assert_situation (model, 3, SIT_C, "Élève C.", NULL, 1, "2023-05-02",
                    RG_SESSION_STATUS_CLOSED, c, NULL, 0, 0,
                    RG_CONSENT_STATE_OLD, "2023-05-02");
}

static char *
situations_for (Place          *place,
                RgLibraryQuery *query)
{
  g_autoptr(GListModel) model = list_situations (place, query);

  return letters (model);
}

/* The search selects the situations having a matching session; paging
 * counts situations. */
static void
test_situations_query (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autofree char *all = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *to = NULL;
  g_autofree char *page = NULL;
  g_autofree char *oldest = NULL;
  g_autofree char *divergences = NULL;
  g_autofree char *retention = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  all = situations_for (place, query);
  g_assert_cmpstr (all, ==, "DABC");

  /* In both of A's sessions */
  query->text = g_strdup ("orthophonique");
  text = situations_for (place, query);
  g_assert_cmpstr (text, ==, "A");

  /* Only in B's oldest session: B is listed, as its latest session says */
  g_clear_pointer (&query->text, g_free);
  query->text = g_strdup ("ancienne");
  old_text = situations_for (place, query);
  g_assert_cmpstr (old_text, ==, "B");
  g_clear_pointer (&query->text, g_free);

  query->to = g_strdup ("2025-03-31");
  to = situations_for (place, query);
  g_assert_cmpstr (to, ==, "BC");
  g_clear_pointer (&query->to, g_free);

  query->open_divergences_only = TRUE;
  divergences = situations_for (place, query);
  g_assert_cmpstr (divergences, ==, "AB");
  query->open_divergences_only = FALSE;

  query->last_session_before = g_strdup ("2024-06-15");
  retention = situations_for (place, query);
  g_assert_cmpstr (retention, ==, "C");
  g_clear_pointer (&query->last_session_before, g_free);

  query->offset = 1;
  query->limit = 2;
  page = situations_for (place, query);
  g_assert_cmpstr (page, ==, "AB");

  query->offset = 0;
  query->limit = 0;
  query->oldest_first = TRUE;
  oldest = situations_for (place, query);
  g_assert_cmpstr (oldest, ==, "CBAD");

  model = rg_library_list_situations (place->library, query, "2026-13-01", NULL, &error);
  g_assert_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_INVALID_QUERY);
  g_assert_null (model);
}

static void
situations_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GListModel **model = user_data;
  g_autoptr(GError) error = NULL;

  *model = rg_library_list_situations_finish (RG_LIBRARY (object), result, &error);
  g_assert_no_error (error);
}

static void
attention_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GListModel **model = user_data;
  g_autoptr(GError) error = NULL;

  *model = rg_library_list_attention_finish (RG_LIBRARY (object), result, &error);
  g_assert_no_error (error);
}

/* The thread that ran a task may hold it, and through it the library, a
 * moment after the callback ran: wait for it to let go before the
 * library is checked finalized. */
static void
wait_for_tasks (RgLibrary *library)
{
  while (g_atomic_int_get (&G_OBJECT (library)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_situations_async (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(GListModel) situations = NULL;
  g_autoptr(GListModel) attention = NULL;
  g_autofree char *order = NULL;

  rg_library_list_situations_async (place->library, query, TODAY, NULL, situations_done,
                                    &situations);
  rg_library_list_attention_async (place->library, TODAY, 2, NULL, attention_done, &attention);
  while (situations == NULL || attention == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_for_tasks (place->library);

  order = letters (situations);
  g_assert_cmpstr (order, ==, "DABC");
  g_assert_cmpuint (g_list_model_get_n_items (attention), ==, 13);
}

typedef struct
{
  RgAttentionKind  kind;
  const char      *situation_id;
  const char      *relpath;
  const char      *date;
  const char      *object_id;
  const char      *text;
} Expected;

static void
assert_attention (Place          *place,
                  GListModel     *model,
                  const Expected *expected,
                  guint           n_expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(RgAttentionItem) item = g_list_model_get_item (model, i);
      g_autofree char *path = place_path (place, expected[i].relpath);

      g_test_message ("item %u: %s %s", i, rg_attention_kind_to_string (expected[i].kind),
                      expected[i].date);
      g_assert_cmpint (rg_attention_item_get_kind (item), ==, expected[i].kind);
      g_assert_cmpstr (rg_attention_item_get_situation_id (item), ==, expected[i].situation_id);
      g_assert_cmpstr (rg_attention_item_get_path (item), ==, path);
      g_assert_cmpstr (rg_attention_item_get_date (item), ==, expected[i].date);
      g_assert_cmpstr (rg_attention_item_get_object_id (item), ==, expected[i].object_id);
      g_assert_cmpstr (rg_attention_item_get_text (item), ==, expected[i].text);
    }
}

/* Each kind, counted by hand from the library of place_new (), from the
 * latest session of each situation only: A's follow-up carries a late
 * action, an action due soon and a divergence from a1, each listed once,
 * from a2. */
static void
test_attention_kinds (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const Expected expected[] = {
    { RG_ATTENTION_ACTION_OVERDUE, SIT_B, "b/a-b-closed.regards", "2025-10-01",
      place->b_late_action, "Équipe éducative" },
    { RG_ATTENTION_ACTION_OVERDUE, SIT_A, "a2.regards", "2026-02-01",
      place->a_late_action, "Bilan orthophonique" },
    { RG_ATTENTION_ACTION_DUE, SIT_D, "d.regards", TODAY, place->d_action, "Appeler le CMP" },
    { RG_ATTENTION_ACTION_DUE, SIT_A, "a2.regards", "2026-06-20",
      place->a_soon_action, "Rencontre avec la famille" },
    { RG_ATTENTION_REVIEW_OVERDUE, SIT_B, "b/a-b-closed.regards", "2025-12-01", NULL, NULL },
    { RG_ATTENTION_REVIEW_DUE, SIT_D, "d.regards", "2026-06-30", NULL, NULL },
    { RG_ATTENTION_REVIEW_DUE, SIT_A, "a2.regards", "2026-07-01", NULL, NULL },
    { RG_ATTENTION_OPEN_DIVERGENCE, SIT_B, "b/a-b-closed.regards", "2025-09-10",
      place->b_divergence, NULL },
    { RG_ATTENTION_OPEN_DIVERGENCE, SIT_A, "a2.regards", "2026-05-20",
      place->a_divergence, "Retards du matin" },
    { RG_ATTENTION_CONSENT_MISSING, SIT_B, "b/a-b-closed.regards", "2025-09-10", NULL, NULL },
    { RG_ATTENTION_CONSENT_OLD, SIT_C, "2023/c.regards", "2023-05-02", place->c_consent, NULL },
    { RG_ATTENTION_RETENTION_DUE, SIT_C, "2023/c.regards", "2023-05-02", NULL, NULL },
    { RG_ATTENTION_CONTRIBUTION_AWAITED, SIT_D, "d.regards", "2026-06-02",
      place->d_awaited, "Mme Durand, CMP" },
  };
  /* The same without the retention period */
  Expected kept[G_N_ELEMENTS (expected) - 1];

  memcpy (kept, expected, sizeof kept - sizeof kept[0]);
  kept[G_N_ELEMENTS (kept) - 1] = expected[G_N_ELEMENTS (expected) - 1];

  model = rg_library_list_attention (place->library, TODAY, 2, NULL, &error);
  g_assert_no_error (error);
  assert_attention (place, model, expected, G_N_ELEMENTS (expected));

  /* No retention period: nothing past it. A longer one: C is kept. */
  g_clear_object (&model);
  model = rg_library_list_attention (place->library, TODAY, 0, NULL, &error);
  g_assert_no_error (error);
  assert_attention (place, model, kept, G_N_ELEMENTS (kept));
  g_clear_object (&model);
  model = rg_library_list_attention (place->library, TODAY, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected) - 1);
  g_clear_object (&model);

  model = rg_library_list_attention (place->library, "15/06/2026", 2, NULL, &error);
  g_assert_error (error, RG_LIBRARY_ERROR, RG_LIBRARY_ERROR_INVALID_QUERY);
  g_assert_null (model);
}

/* The limits of each window: due in 14 days is due, in 15 is not; a
 * review in 30 days is due, in 31 is not; a consent a year old to the day
 * is not old, a day more is. */
static void
test_attention_limits (void)
{
  g_autoptr(Place) place = place_new ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[RG_ATTENTION_CONTRIBUTION_AWAITED + 1] = { 0, };

  /* On 2026-06-06, A's action of 2026-06-20 is 14 days away, its review
   * of 2026-07-01 is 25 days away, D's review (2026-06-30) 24. */
  model = rg_library_list_attention (place->library, "2026-06-06", 2, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgAttentionItem) item = g_list_model_get_item (model, i);

      counts[rg_attention_item_get_kind (item)]++;
    }
  /* A's action of 2026-06-15 and of 2026-06-20 are both due, B's late */
  g_assert_cmpuint (counts[RG_ATTENTION_ACTION_DUE], ==, 2);
  g_assert_cmpuint (counts[RG_ATTENTION_ACTION_OVERDUE], ==, 2);
  g_assert_cmpuint (counts[RG_ATTENTION_REVIEW_DUE], ==, 2);
  g_clear_object (&model);

  /* On 2026-06-05, 2026-06-20 is 15 days away: not yet */
  memset (counts, 0, sizeof counts);
  model = rg_library_list_attention (place->library, "2026-06-05", 2, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgAttentionItem) item = g_list_model_get_item (model, i);

      counts[rg_attention_item_get_kind (item)]++;
    }
  g_assert_cmpuint (counts[RG_ATTENTION_ACTION_DUE], ==, 1);
  g_clear_object (&model);

  /* On 2026-06-01 D's review is 29 days away, A's 30: both due; on
   * 2026-05-31, A's is 31 days away. */
  memset (counts, 0, sizeof counts);
  model = rg_library_list_attention (place->library, "2026-05-31", 2, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgAttentionItem) item = g_list_model_get_item (model, i);

      counts[rg_attention_item_get_kind (item)]++;
    }
  g_assert_cmpuint (counts[RG_ATTENTION_REVIEW_DUE], ==, 1);
  g_clear_object (&model);

  /* A's consent of 2025-09-01: one year old on 2026-09-01, old the day after */
  memset (counts, 0, sizeof counts);
  model = rg_library_list_attention (place->library, "2026-09-01", 2, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgAttentionItem) item = g_list_model_get_item (model, i);

      counts[rg_attention_item_get_kind (item)]++;
    }
  g_assert_cmpuint (counts[RG_ATTENTION_CONSENT_OLD], ==, 1);
  g_clear_object (&model);
  memset (counts, 0, sizeof counts);
  model = rg_library_list_attention (place->library, "2026-09-02", 2, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgAttentionItem) item = g_list_model_get_item (model, i);

      counts[rg_attention_item_get_kind (item)]++;
    }
  g_assert_cmpuint (counts[RG_ATTENTION_CONSENT_OLD], ==, 2);
}

/* Once the follow-up settles what it carried, nothing is left of it,
 * although the session before still has it open. */
static void
test_attention_follow_up_settles (void)
{
  g_autoptr(Place) place = place_new ();
  g_autofree char *a2_path = place_path (place, "a2.regards");
  g_autoptr(GFile) file = g_file_new_for_path (a2_path);
  g_autoptr(RgSession) a2 = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GListModel) situations = NULL;
  g_autoptr(RgLibraryQuery) query = rg_library_query_new ();
  g_autoptr(RgLibrarySituation) a = NULL;
  g_autoptr(GError) error = NULL;
  RgReviewItem *item;
  RgAction *action;

  {
    g_autoptr(GBytes) bytes = NULL;

    bytes = g_file_load_bytes (file, NULL, NULL, &error);
    g_assert_no_error (error);
    a2 = rg_session_new_from_bytes (bytes, &error);
    g_assert_no_error (error);
  }
  item = rg_session_find_review_item (a2, place->a_divergence);
  g_assert_nonnull (item);
  rg_review_item_set_reviewed (item, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (rg_session_get_actions (a2)); i++)
    {
      action = g_list_model_get_item (rg_session_get_actions (a2), i);
      rg_action_set_status (action, RG_ACTION_STATUS_DONE);
      g_object_unref (action);
    }
  g_free (save (place, "a2.regards", a2));
  g_assert_true (rg_library_update_file (place->library, file, a2, &error));
  g_assert_no_error (error);

  model = rg_library_list_attention (place->library, TODAY, 2, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RgAttentionItem) attention = g_list_model_get_item (model, i);
      RgAttentionKind kind = rg_attention_item_get_kind (attention);

      if (g_str_equal (rg_attention_item_get_situation_id (attention), SIT_A))
        g_assert_true (kind == RG_ATTENTION_REVIEW_DUE);
    }

  situations = list_situations (place, query);
  a = g_list_model_get_item (situations, 1);
  g_assert_cmpstr (rg_library_situation_get_id (a), ==, SIT_A);
  g_assert_cmpuint (rg_library_situation_get_n_open_divergences (a), ==, 0);
  g_assert_cmpuint (rg_library_situation_get_n_overdue_actions (a), ==, 0);
}

static void
test_attention_kind_words (void)
{
  static const char * const words[] = {
    "action-overdue", "action-due", "review-overdue", "review-due", "open-divergence",
    "consent-missing", "consent-old", "retention-due", "contribution-awaited",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      RgAttentionKind kind;

      g_assert_cmpstr (rg_attention_kind_to_string (i), ==, words[i]);
      g_assert_true (rg_attention_kind_from_string (words[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (rg_attention_kind_from_string ("action", &(RgAttentionKind) { 0 }));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/situations/rows", test_situations_rows);
  g_test_add_func ("/situations/query", test_situations_query);
  g_test_add_func ("/situations/async", test_situations_async);
  g_test_add_func ("/attention/kinds", test_attention_kinds);
  g_test_add_func ("/attention/limits", test_attention_limits);
  g_test_add_func ("/attention/follow-up-settles", test_attention_follow_up_settles);
  g_test_add_func ("/attention/kind-words", test_attention_kind_words);

  return g_test_run ();
}
