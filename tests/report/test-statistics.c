/* test-statistics.c — the figures of agreements and divergences
 *
 * Sessions made in code, each with answers counted by hand from the rules
 * of rg-statistics.h, and the example session checked against a second,
 * naive count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rg-statistics.h"
#include "rg-test-session.h"
#include "rg-test-utils.h"

#define N_TYPES (RG_LINK_TYPE_CLARIFY + 1)

/* Three partners, two dimensions, and statements made on demand */
typedef struct
{
  RgSession   *session;
  RgPartner   *a;
  RgPartner   *b;
  RgPartner   *c;
  RgDimension *school;
  RgDimension *health;
} Fixture;

static RgPartner *
add_partner (RgSession  *session,
             const char *name)
{
  g_autoptr(RgPartner) partner = rg_partner_new ();

  rg_partner_set_name (partner, name);
  rg_session_add_partner (session, partner);

  return partner;
}

static RgDimension *
add_dimension (RgSession  *session,
               const char *name)
{
  g_autoptr(RgDimension) dimension = rg_dimension_new ();

  rg_dimension_set_name (dimension, name);
  rg_session_add_dimension (session, dimension);

  return dimension;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->session = rg_session_new ();
  f->a = add_partner (f->session, "Mme Roussel");
  f->b = add_partner (f->session, "Mme Benali");
  f->c = add_partner (f->session, "M. Kessler");
  f->school = add_dimension (f->session, "Scolarité");
  f->health = add_dimension (f->session, "Santé");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->session);
}

static const char *
say (Fixture     *f,
     RgPartner   *partner,
     RgDimension *dimension,
     const char  *text)
{
  g_autoptr(RgStatement) statement = rg_statement_new (rg_partner_get_id (partner),
                                                       rg_dimension_get_id (dimension),
                                                       RG_STATEMENT_KIND_FACT, text);

  rg_session_add_statement (f->session, statement);

  return rg_statement_get_id (statement);
}

static RgLink *
link_statements (Fixture      *f,
                 RgLinkType    type,
                 RgLinkStatus  status,
                 ...)
{
  g_autoptr(RgLink) link = rg_link_new (type);
  const char *id;
  va_list args;

  rg_link_set_status (link, status);
  va_start (args, status);
  while ((id = va_arg (args, const char *)) != NULL)
    rg_link_add_member (link, id);
  va_end (args);

  rg_session_add_link (f->session, link);

  return link;
}

typedef guint (*PairCountFunc) (RgStatistics *stats,
                                const char   *partner_a_id,
                                const char   *partner_b_id,
                                RgLinkType    type);

/* A count of a pair, the same in both orders */
static guint
pair_in_both_orders (PairCountFunc  func,
                     RgStatistics  *stats,
                     RgPartner     *a,
                     RgPartner     *b,
                     RgLinkType     type)
{
  guint count = func (stats, rg_partner_get_id (a), rg_partner_get_id (b), type);

  g_assert_cmpuint (count, ==, func (stats, rg_partner_get_id (b), rg_partner_get_id (a), type));
  return count;
}

static guint
pair (RgStatistics *stats,
      RgPartner    *a,
      RgPartner    *b,
      RgLinkType    type)
{
  return pair_in_both_orders (rg_statistics_get_pair_count, stats, a, b, type);
}

static guint
pair_open (RgStatistics *stats,
           RgPartner    *a,
           RgPartner    *b,
           RgLinkType    type)
{
  return pair_in_both_orders (rg_statistics_get_pair_open_count, stats, a, b, type);
}

static guint
in_dimension (RgStatistics *stats,
              RgDimension  *dimension,
              RgLinkType    type)
{
  return rg_statistics_get_dimension_count (stats, rg_dimension_get_id (dimension), type);
}

/* Every count of @type is 0, everywhere */
static void
assert_no_links_of (Fixture      *f,
                    RgStatistics *stats,
                    RgLinkType    type)
{
  RgPartner *partners[] = { f->a, f->b, f->c };

  g_assert_cmpuint (rg_statistics_get_count (stats, type), ==, 0);
  g_assert_cmpuint (rg_statistics_get_open_count (stats, type), ==, 0);
  g_assert_cmpuint (in_dimension (stats, f->school, type), ==, 0);
  g_assert_cmpuint (in_dimension (stats, f->health, type), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    for (guint j = 0; j < G_N_ELEMENTS (partners); j++)
      g_assert_cmpuint (pair (stats, partners[i], partners[j], type), ==, 0);
}

static void
test_empty_session (void)
{
  g_autoptr(RgSession) session = rg_session_new ();
  g_autoptr(RgStatistics) stats = rg_statistics_new (session);

  g_assert_cmpuint (rg_statistics_get_n_links (stats), ==, 0);
  g_assert_cmpuint (rg_statistics_get_n_statements (stats), ==, 0);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (stats), ==, 0);
  g_assert_cmpfloat (rg_statistics_get_share_agreed (stats), ==, 0.0);
  g_assert_cmpfloat (rg_statistics_get_share_in_open_divergence (stats), ==, 0.0);
  g_assert_cmpfloat (rg_statistics_get_share_unechoed (stats), ==, 0.0);
  g_assert_cmpuint (g_strv_length ((char **) rg_statistics_get_partner_ids (stats)), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) rg_statistics_get_dimension_ids (stats)), ==, 0);
}

static void
test_no_links (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RgStatistics) stats = NULL;
  const char * const *ids;

  say (f, f->a, f->school, "Lit avec difficulté");
  say (f, f->b, f->school, "Fait ses devoirs le soir");
  say (f, f->c, f->health, "Dort mal");
  stats = rg_statistics_new (f->session);

  g_assert_cmpuint (rg_statistics_get_n_links (stats), ==, 0);
  for (RgLinkType type = 0; type < N_TYPES; type++)
    assert_no_links_of (f, stats, type);
  g_assert_cmpuint (rg_statistics_get_n_statements (stats), ==, 3);
  g_assert_cmpuint (rg_statistics_get_n_agreed (stats), ==, 0);
  g_assert_cmpuint (rg_statistics_get_n_in_open_divergence (stats), ==, 0);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (stats), ==, 3);
  g_assert_cmpfloat (rg_statistics_get_share_unechoed (stats), ==, 1.0);

  ids = rg_statistics_get_partner_ids (stats);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 3);
  g_assert_cmpstr (ids[0], ==, rg_partner_get_id (f->a));
  g_assert_cmpstr (ids[2], ==, rg_partner_get_id (f->c));
  ids = rg_statistics_get_dimension_ids (stats);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  g_assert_cmpstr (ids[1], ==, rg_dimension_get_id (f->health));
}

static void
test_one_agreement (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RgStatistics) stats = NULL;
  const char *s1 = say (f, f->a, f->school, "Progresse en lecture");
  const char *s2 = say (f, f->b, f->school, "Lit des histoires à sa sœur");

  say (f, f->c, f->school, "Absent souvent");
  say (f, f->a, f->health, "Fatigué le lundi");
  link_statements (f, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_OPEN, s1, s2, NULL);
  stats = rg_statistics_new (f->session);

  g_assert_cmpuint (rg_statistics_get_n_links (stats), ==, 1);
  g_assert_cmpuint (rg_statistics_get_count (stats, RG_LINK_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (rg_statistics_get_open_count (stats, RG_LINK_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->b, RG_LINK_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (pair_open (stats, f->a, f->b, RG_LINK_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->c, RG_LINK_TYPE_AGREEMENT), ==, 0);
  g_assert_cmpuint (pair (stats, f->b, f->c, RG_LINK_TYPE_AGREEMENT), ==, 0);
  g_assert_cmpuint (pair (stats, f->a, f->a, RG_LINK_TYPE_AGREEMENT), ==, 0);
  g_assert_cmpuint (pair (stats, f->a, f->b, RG_LINK_TYPE_DIVERGENCE), ==, 0);
  g_assert_cmpuint (in_dimension (stats, f->school, RG_LINK_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (in_dimension (stats, f->health, RG_LINK_TYPE_AGREEMENT), ==, 0);
  g_assert_cmpuint (rg_statistics_get_dimension_count (stats, "no-such-dimension",
                                                       RG_LINK_TYPE_AGREEMENT), ==, 0);
  for (RgLinkType type = RG_LINK_TYPE_DIVERGENCE; type < N_TYPES; type++)
    assert_no_links_of (f, stats, type);

  g_assert_cmpuint (rg_statistics_get_n_statements (stats), ==, 4);
  g_assert_cmpuint (rg_statistics_get_n_agreed (stats), ==, 2);
  g_assert_cmpfloat_with_epsilon (rg_statistics_get_share_agreed (stats), 0.5, 1e-9);
  g_assert_cmpuint (rg_statistics_get_n_in_open_divergence (stats), ==, 0);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (stats), ==, 2);
  g_assert_cmpfloat_with_epsilon (rg_statistics_get_share_unechoed (stats), 0.5, 1e-9);
}

/* A divergence over three partners counts once for each of the three
 * pairs, even when one partner has two statements in it. */
static void
test_three_partner_divergence (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RgStatistics) stats = NULL;
  const char *s1 = say (f, f->a, f->school, "Ne comprend pas les consignes");
  const char *s2 = say (f, f->a, f->school, "Décroche l'après-midi");
  const char *s3 = say (f, f->b, f->school, "Comprend très bien à la maison");
  const char *s4 = say (f, f->c, f->school, "Attentif au club de foot");

  say (f, f->b, f->health, "Voit l'orthophoniste");
  link_statements (f, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN, s1, s2, s3, s4, NULL);
  stats = rg_statistics_new (f->session);

  g_assert_cmpuint (rg_statistics_get_count (stats, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->b, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->c, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (pair (stats, f->b, f->c, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->a, RG_LINK_TYPE_DIVERGENCE), ==, 0);
  g_assert_cmpuint (pair_open (stats, f->b, f->c, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  /* Once for A and B, not once per statement: A has two in it */
  g_assert_cmpuint (pair_open (stats, f->a, f->b, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->b, RG_LINK_TYPE_AGREEMENT), ==, 0);
  g_assert_cmpuint (in_dimension (stats, f->school, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (in_dimension (stats, f->health, RG_LINK_TYPE_DIVERGENCE), ==, 0);

  g_assert_cmpuint (rg_statistics_get_n_statements (stats), ==, 5);
  g_assert_cmpuint (rg_statistics_get_n_agreed (stats), ==, 0);
  g_assert_cmpuint (rg_statistics_get_n_in_open_divergence (stats), ==, 4);
  g_assert_cmpfloat_with_epsilon (rg_statistics_get_share_in_open_divergence (stats), 0.8, 1e-9);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (stats), ==, 1);
}

static void
test_settled_and_open_divergences (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(RgStatistics) stats = NULL;
  const char *s1 = say (f, f->a, f->school, "Travail non rendu");
  const char *s2 = say (f, f->b, f->school, "Travail fait mais oublié");
  const char *s3 = say (f, f->a, f->health, "Mange peu à la cantine");
  const char *s4 = say (f, f->c, f->health, "Mange bien au centre");

  link_statements (f, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN, s1, s2, NULL);
  link_statements (f, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_SETTLED, s3, s4, NULL);
  stats = rg_statistics_new (f->session);

  g_assert_cmpuint (rg_statistics_get_count (stats, RG_LINK_TYPE_DIVERGENCE), ==, 2);
  g_assert_cmpuint (rg_statistics_get_open_count (stats, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->b, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (pair_open (stats, f->a, f->b, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->c, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (pair_open (stats, f->a, f->c, RG_LINK_TYPE_DIVERGENCE), ==, 0);
  g_assert_cmpuint (in_dimension (stats, f->health, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (rg_statistics_get_dimension_open_count (stats, rg_dimension_get_id (f->health),
                                                            RG_LINK_TYPE_DIVERGENCE), ==, 0);
  g_assert_cmpuint (rg_statistics_get_dimension_open_count (stats, rg_dimension_get_id (f->school),
                                                            RG_LINK_TYPE_DIVERGENCE), ==, 1);

  /* Only the open one puts its statements “in an open divergence”; the
   * settled one still echoes them. */
  g_assert_cmpuint (rg_statistics_get_n_in_open_divergence (stats), ==, 2);
  g_assert_cmpfloat_with_epsilon (rg_statistics_get_share_in_open_divergence (stats), 0.5, 1e-9);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (stats), ==, 0);
}

/* A statement in several links counts once among the statements, and
 * each link counts for its pairs. */
static void
test_statement_in_several_links (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(RgStatistics) stats = NULL;
  const char *s1 = say (f, f->a, f->school, "Aime les sciences");
  const char *s2 = say (f, f->b, f->school, "Regarde des documentaires");
  const char *s3 = say (f, f->c, f->school, "Curieux pendant les sorties");
  const char *s4 = say (f, f->b, f->school, "Ne veut plus aller à l'école");

  link_statements (f, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_SETTLED, s1, s2, NULL);
  link_statements (f, RG_LINK_TYPE_AGREEMENT, RG_LINK_STATUS_OPEN, s1, s3, NULL);
  link_statements (f, RG_LINK_TYPE_DIVERGENCE, RG_LINK_STATUS_OPEN, s1, s4, NULL);
  link_statements (f, RG_LINK_TYPE_COMPLEMENT, RG_LINK_STATUS_OPEN, s2, s3, NULL);
  stats = rg_statistics_new (f->session);

  g_assert_cmpuint (rg_statistics_get_n_links (stats), ==, 4);
  g_assert_cmpuint (rg_statistics_get_count (stats, RG_LINK_TYPE_AGREEMENT), ==, 2);
  g_assert_cmpuint (rg_statistics_get_open_count (stats, RG_LINK_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->b, RG_LINK_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->c, RG_LINK_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->b, RG_LINK_TYPE_DIVERGENCE), ==, 1);
  g_assert_cmpuint (pair (stats, f->b, f->c, RG_LINK_TYPE_COMPLEMENT), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->c, RG_LINK_TYPE_COMPLEMENT), ==, 0);
  /* s1 is in an agreement with B (settled) and one with C (open):
   * each pair counts its own link once */
  g_assert_cmpuint (pair_open (stats, f->a, f->b, RG_LINK_TYPE_AGREEMENT), ==, 0);
  g_assert_cmpuint (pair_open (stats, f->a, f->c, RG_LINK_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (in_dimension (stats, f->school, RG_LINK_TYPE_AGREEMENT), ==, 2);

  g_assert_cmpuint (rg_statistics_get_n_statements (stats), ==, 4);
  g_assert_cmpuint (rg_statistics_get_n_agreed (stats), ==, 3);
  g_assert_cmpfloat_with_epsilon (rg_statistics_get_share_agreed (stats), 0.75, 1e-9);
  g_assert_cmpuint (rg_statistics_get_n_in_open_divergence (stats), ==, 2);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (stats), ==, 0);
}

/* A link counts once in each dimension it reaches, however many of its
 * statements are there. */
static void
test_link_across_dimensions (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RgStatistics) stats = NULL;
  const char *s1 = say (f, f->a, f->school, "Fatigué en classe");
  const char *s2 = say (f, f->b, f->health, "Se couche tard");
  const char *s3 = say (f, f->c, f->health, "Écrans le soir au foyer");

  link_statements (f, RG_LINK_TYPE_COMPLEMENT, RG_LINK_STATUS_OPEN, s1, s2, s3, NULL);
  stats = rg_statistics_new (f->session);

  g_assert_cmpuint (rg_statistics_get_count (stats, RG_LINK_TYPE_COMPLEMENT), ==, 1);
  g_assert_cmpuint (in_dimension (stats, f->school, RG_LINK_TYPE_COMPLEMENT), ==, 1);
  g_assert_cmpuint (in_dimension (stats, f->health, RG_LINK_TYPE_COMPLEMENT), ==, 1);
  g_assert_cmpuint (rg_statistics_get_dimension_open_count (stats, rg_dimension_get_id (f->health),
                                                            RG_LINK_TYPE_COMPLEMENT), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->b, RG_LINK_TYPE_COMPLEMENT), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->c, RG_LINK_TYPE_COMPLEMENT), ==, 1);
  g_assert_cmpuint (pair (stats, f->b, f->c, RG_LINK_TYPE_COMPLEMENT), ==, 1);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (stats), ==, 0);
}

/* A link between statements of one partner echoes nothing and makes no
 * pair; a member that names no statement is left out. */
static void
test_one_partner_link (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RgStatistics) stats = NULL;
  g_autofree char *missing = g_uuid_string_random ();
  const char *s1 = say (f, f->a, f->school, "Ne parle pas en classe");
  const char *s2 = say (f, f->a, f->health, "Très timide");

  link_statements (f, RG_LINK_TYPE_CLARIFY, RG_LINK_STATUS_OPEN, s1, s2, missing, NULL);
  stats = rg_statistics_new (f->session);

  g_assert_cmpuint (rg_statistics_get_count (stats, RG_LINK_TYPE_CLARIFY), ==, 1);
  g_assert_cmpuint (rg_statistics_get_open_count (stats, RG_LINK_TYPE_CLARIFY), ==, 1);
  g_assert_cmpuint (in_dimension (stats, f->school, RG_LINK_TYPE_CLARIFY), ==, 1);
  g_assert_cmpuint (in_dimension (stats, f->health, RG_LINK_TYPE_CLARIFY), ==, 1);
  g_assert_cmpuint (pair (stats, f->a, f->b, RG_LINK_TYPE_CLARIFY), ==, 0);
  g_assert_cmpuint (pair (stats, f->a, f->a, RG_LINK_TYPE_CLARIFY), ==, 0);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (stats), ==, 2);
}

/* The figures are a snapshot: a later change needs new figures. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RgStatistics) before = NULL;
  g_autoptr(RgStatistics) after = NULL;
  const char *s1 = say (f, f->a, f->school, "Retards le matin");
  const char *s2 = say (f, f->b, f->school, "Le bus passe trop tôt");
  RgLink *link;

  before = rg_statistics_new (f->session);
  link = link_statements (f, RG_LINK_TYPE_CLARIFY, RG_LINK_STATUS_OPEN, s1, s2, NULL);
  g_assert_cmpuint (rg_statistics_get_n_links (before), ==, 0);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (before), ==, 2);

  rg_link_set_link_type (link, RG_LINK_TYPE_AGREEMENT);
  after = rg_statistics_new (f->session);
  g_assert_cmpuint (rg_statistics_get_count (after, RG_LINK_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (rg_statistics_get_count (after, RG_LINK_TYPE_CLARIFY), ==, 0);
  g_assert_cmpuint (rg_statistics_get_n_agreed (after), ==, 2);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (after), ==, 0);
}

/* Whether @link has a statement of @partner_id (and, if not %NULL, of
 * @other_id too), or a statement in @dimension_id: the plain reading of
 * the rules, to check the counts against. */
static gboolean
link_reaches (RgSession  *session,
              RgLink     *link,
              const char *partner_id,
              const char *other_id,
              const char *dimension_id)
{
  const char * const *members = rg_link_get_members (link);
  gboolean has_partner = partner_id == NULL;
  gboolean has_other = other_id == NULL;
  gboolean has_dimension = dimension_id == NULL;

  for (guint i = 0; members[i] != NULL; i++)
    {
      RgStatement *statement = rg_session_find_statement (session, members[i]);

      has_partner |= g_strcmp0 (rg_statement_get_partner_id (statement), partner_id) == 0;
      has_other |= g_strcmp0 (rg_statement_get_partner_id (statement), other_id) == 0;
      has_dimension |= g_strcmp0 (rg_statement_get_dimension_id (statement), dimension_id) == 0;
    }

  return has_partner && has_other && has_dimension;
}

static guint
count_naively (RgSession  *session,
               RgLinkType  type,
               const char *partner_id,
               const char *other_id,
               const char *dimension_id)
{
  GListModel *links = rg_session_get_links (session);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);

      if (rg_link_get_link_type (link) == type &&
          link_reaches (session, link, partner_id, other_id, dimension_id))
        count++;
    }

  return count;
}

static const char *
find_partner_id (RgSession  *session,
                 const char *name)
{
  GListModel *partners = rg_session_get_partners (session);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);

      if (g_strcmp0 (rg_partner_get_name (partner), name) == 0)
        return rg_partner_get_id (partner);
    }

  g_assert_not_reached ();
}

/* The example session's figures, counted by hand from the file, and
 * every pair and dimension against the naive count. */
static void
test_example (void)
{
  g_autoptr(RgSession) session = rg_test_load_example ();
  g_autoptr(RgStatistics) stats = rg_statistics_new (session);
  const char * const *partners = rg_statistics_get_partner_ids (stats);
  const char * const *dimensions = rg_statistics_get_dimension_ids (stats);
  const char *roussel = find_partner_id (session, "Mme Roussel");
  const char *benali = find_partner_id (session, "Mme Benali");

  g_assert_cmpuint (rg_statistics_get_n_links (stats), ==, 13);
  g_assert_cmpuint (rg_statistics_get_count (stats, RG_LINK_TYPE_AGREEMENT), ==, 4);
  g_assert_cmpuint (rg_statistics_get_count (stats, RG_LINK_TYPE_DIVERGENCE), ==, 4);
  g_assert_cmpuint (rg_statistics_get_count (stats, RG_LINK_TYPE_COMPLEMENT), ==, 3);
  g_assert_cmpuint (rg_statistics_get_count (stats, RG_LINK_TYPE_CLARIFY), ==, 2);
  g_assert_cmpuint (rg_statistics_get_open_count (stats, RG_LINK_TYPE_AGREEMENT), ==, 0);
  g_assert_cmpuint (rg_statistics_get_open_count (stats, RG_LINK_TYPE_DIVERGENCE), ==, 2);
  g_assert_cmpuint (rg_statistics_get_open_count (stats, RG_LINK_TYPE_COMPLEMENT), ==, 0);
  g_assert_cmpuint (rg_statistics_get_open_count (stats, RG_LINK_TYPE_CLARIFY), ==, 1);
  g_assert_cmpuint (rg_statistics_get_n_statements (stats), ==, 45);
  g_assert_cmpuint (rg_statistics_get_n_agreed (stats), ==, 11);
  g_assert_cmpuint (rg_statistics_get_n_in_open_divergence (stats), ==, 4);
  g_assert_cmpuint (rg_statistics_get_n_unechoed (stats), ==, 15);
  g_assert_cmpfloat_with_epsilon (rg_statistics_get_share_agreed (stats), 11.0 / 45.0, 1e-9);

  /* The teacher and the mother, the pair with most to say */
  g_assert_cmpuint (rg_statistics_get_pair_count (stats, roussel, benali, RG_LINK_TYPE_AGREEMENT), ==, 2);
  g_assert_cmpuint (rg_statistics_get_pair_count (stats, roussel, benali, RG_LINK_TYPE_DIVERGENCE), ==, 2);
  g_assert_cmpuint (rg_statistics_get_pair_count (stats, roussel, benali, RG_LINK_TYPE_COMPLEMENT), ==, 1);
  g_assert_cmpuint (rg_statistics_get_pair_count (stats, roussel, benali, RG_LINK_TYPE_CLARIFY), ==, 1);

  g_assert_cmpuint (g_strv_length ((char **) partners), ==, 6);
  g_assert_cmpuint (g_strv_length ((char **) dimensions), ==, 6);
  for (RgLinkType type = 0; type < N_TYPES; type++)
    {
      for (guint i = 0; partners[i] != NULL; i++)
        for (guint j = i + 1; partners[j] != NULL; j++)
          g_assert_cmpuint (rg_statistics_get_pair_count (stats, partners[i], partners[j], type), ==,
                            count_naively (session, type, partners[i], partners[j], NULL));

      for (guint i = 0; dimensions[i] != NULL; i++)
        g_assert_cmpuint (rg_statistics_get_dimension_count (stats, dimensions[i], type), ==,
                          count_naively (session, type, NULL, NULL, dimensions[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = rg_test_init_environment ();

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/statistics/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/statistics/empty-session", test_empty_session);
  ADD ("no-links", test_no_links);
  ADD ("one-agreement", test_one_agreement);
  ADD ("three-partner-divergence", test_three_partner_divergence);
  ADD ("settled-and-open-divergences", test_settled_and_open_divergences);
  ADD ("statement-in-several-links", test_statement_in_several_links);
  ADD ("link-across-dimensions", test_link_across_dimensions);
  ADD ("one-partner-link", test_one_partner_link);
  ADD ("snapshot", test_snapshot);
  g_test_add_func ("/statistics/example", test_example);

#undef ADD

  return g_test_run ();
}
