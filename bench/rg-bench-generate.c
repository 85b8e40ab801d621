/* rg-bench-generate.c — write N realistic French sessions, always the same
 *
 * regards-bench-generate [--seed S] FOLDER N
 *
 * Sessions are built with the core model and written by the core writer,
 * so they are exactly what Regards saves. Everything comes from one seeded
 * generator, ids included: the same seed and N give the same bytes.
 *
 * The sessions follow situations over the years (one to five reviews of a
 * child, three months apart: 10,000 sessions are about 3,300 children),
 * with partners drawn from the professions and institutions around a
 * Programme de Réussite Éducative, statements of every kind in the six
 * usual dimensions, links, a glossary, success criteria (some met),
 * actions due at the next review, and consents. Each review after the
 * first is a follow-up, as Regards makes them: it carries the actions
 * still to do (same ids), the divergences left open as items to review,
 * and, when it records no consent of its own, the last one, to confirm.
 * A last session still being prepared has contributions asked of some
 * partners, some received.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "regards-bench"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rg-session.h"
#include "rg-session-xml.h"

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const char * const first_names[] = {
  "Adam", "Léa", "Noé", "Inès", "Yanis", "Chloé", "Mohamed", "Jade", "Lucas", "Manon",
  "Rayan", "Camille", "Enzo", "Sarah", "Nathan", "Lina", "Théo", "Zoé", "Ibrahim", "Maëlys",
  "Hugo", "Aïcha", "Louis", "Emma", "Kylian", "Anaïs", "Mathis", "Yasmine", "Gabriel", "Louna",
  "Sofiane", "Clara", "Mehdi", "Océane", "Tom", "Fatou", "Ethan", "Amira", "Jules", "Éloïse",
  "Bilal", "Nora", "Axel", "Héloïse", "Samuel", "Maya", "Ilyes", "Lou", "Dylan", "Agathe",
};

static const char * const classes[] = {
  "CP", "CE1", "CE2", "CM1", "CM2", "6e", "5e", "4e", "3e", "2nde",
};

static const char * const surnames[] = {
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
  "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
  "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert",
  "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc",
  "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément",
  "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez",
  "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger",
  "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand", "Dufour",
  "Blanchard", "Benali", "Diallo", "Haddad", "Kessler", "Aubry", "Traoré", "Mendes", "Camara",
};

typedef struct
{
  const char *female;        /* the profession, for Mme; %c is the class */
  const char *male;          /* for M. */
  const char *institution;   /* %s is the town */
} Role;

static const Role roles[] = {
  { "Enseignante de %c", "Enseignant de %c", "École élémentaire Jean Jaurès, %s" },
  { "Enseignante de %c", "Enseignant de %c", "École élémentaire Les Tilleuls, %s" },
  { "Professeure principale", "Professeur principal", "Collège Louise Michel, %s" },
  { "Professeure de français", "Professeur de mathématiques", "Collège Jean Moulin, %s" },
  { "Assistante sociale scolaire", "Assistant social scolaire", "Éducation nationale" },
  { "Conseillère principale d'éducation", "Conseiller principal d'éducation", "Collège Louise Michel, %s" },
  { "Infirmière scolaire", "Infirmier scolaire", "Éducation nationale" },
  { "Médecin scolaire", "Médecin scolaire", "Éducation nationale, circonscription de %s" },
  { "Psychologue de l'Éducation nationale", "Psychologue de l'Éducation nationale", "Éducation nationale, circonscription de %s" },
  { "Directrice d'école", "Directeur d'école", "École maternelle et élémentaire Pasteur, %s" },
  { "Éducatrice spécialisée", "Éducateur spécialisé", "Association Horizons, prévention spécialisée" },
  { "Éducatrice de prévention", "Éducateur de prévention", "Association Le Relais, %s" },
  { "Coordinatrice PRE", "Coordinateur PRE", "Ville de %s, Programme de réussite éducative" },
  { "Référente de parcours PRE", "Référent de parcours PRE", "Ville de %s, Programme de réussite éducative" },
  { "Animatrice périscolaire", "Animateur périscolaire", "Centre social La Passerelle, %s" },
  { "Référente ASE", "Référent ASE", "Conseil départemental, Aide sociale à l'enfance" },
  { "Psychologue", "Psychologue", "CMP enfants et adolescents de %s" },
  { "Orthophoniste", "Orthophoniste", "Cabinet libéral, %s" },
  { "Puéricultrice", "Infirmier puériculteur", "PMI de %s" },
  { "Conseillère en insertion", "Conseiller en insertion", "Mission locale de %s" },
  { "Entraîneuse", "Entraîneur", "Club de football de %s" },
  { "Médiatrice culturelle", "Médiateur culturel", "Médiathèque de %s" },
};

static const char * const family_roles[] = {
  "Mère", "Grand-mère", "Tante", "Belle-mère", "Mère",
};

static const char * const towns[] = {
  "Saint-Aubin", "Villeneuve-la-Rivière", "Montreuil-sur-Loire", "Bellevue", "Port-Marly",
  "Les Ulis-Nord", "Val-de-Seine", "Champagnole", "Rochefort", "Sainte-Geneviève",
};

static const char * const colours[] = {
  "#1c71d8", "#9141ac", "#26a269", "#c64600", "#986a44", "#c01c28", "#e5a50a", "#2ec27e",
};

static const char * const dimensions[] = {
  "Scolarité et apprentissages",
  "Santé et développement",
  "Famille et parentalité",
  "Vie sociale, loisirs et culture",
  "Comportement et relations",
  "Besoins exprimés par l'enfant et la famille",
};

/* Statement material, by dimension: sentences with %s for the child's
 * first name; each statement is one sentence, sometimes two. */
static const char * const facts[G_N_ELEMENTS (dimensions)][8] = {
  { "%s lit 45 mots par minute, on en attend plutôt 90 à son âge.",
    "Onze demi-journées d'absence depuis la rentrée, surtout le lundi matin.",
    "%s ne rend plus ses devoirs depuis les vacances de la Toussaint.",
    "Les résultats en mathématiques sont dans la moyenne de la classe.",
    "%s refuse de lire à voix haute devant les autres.",
    "Un PPRE a été mis en place en lecture au premier trimestre.",
    "Des retards fréquents, environ deux par semaine.",
    "%s a changé trois fois d'école en deux ans." },
  { "Pas de bilan visuel depuis la visite médicale de grande section.",
    "%s bâille et pose la tête sur la table dès dix heures.",
    "Un bilan orthophonique est demandé depuis septembre, sans rendez-vous encore.",
    "%s se plaint souvent de maux de ventre le dimanche soir.",
    "Le suivi au CMP s'est arrêté l'an dernier.",
    "Les droits à la complémentaire santé solidaire sont ouverts.",
    "%s passe beaucoup de temps sur les écrans le soir.",
    "Le carnet de vaccination est à jour." },
  { "La famille vit à cinq dans un deux-pièces de 40 m².",
    "La mère travaille en horaires décalés et part à six heures.",
    "Une demande de logement social est en attente depuis 2021.",
    "Le père n'a plus de contact régulier avec les enfants.",
    "La grande sœur accompagne %s à l'école le matin.",
    "La famille a déménagé deux fois cette année.",
    "Les rendez-vous à 16 h 30 ne conviennent pas à la famille.",
    "Un accompagnement budgétaire est en cours avec le CCAS." },
  { "%s va au club de football tous les mercredis.",
    "%s fréquente la médiathèque le samedi matin avec l'accueil de loisirs.",
    "Le soir, %s est souvent en bas de l'immeuble après 21 h.",
    "%s participe à l'atelier théâtre du centre social.",
    "%s n'a aucune activité en dehors de l'école.",
    "%s est inscrit·e à l'accompagnement à la scolarité deux soirs par semaine.",
    "%s a participé au séjour d'été organisé par la ville.",
    "%s aime dessiner et remplit des carnets entiers." },
  { "Trois conflits dans la cour depuis la rentrée.",
    "%s a été exclu·e deux jours de la cantine en novembre.",
    "Des faits de harcèlement ont été signalés par une camarade.",
    "%s est calme et poli·e en entretien individuel.",
    "%s s'isole pendant les récréations.",
    "Une bagarre à la sortie du collège a été rapportée par la CPE.",
    "%s aide spontanément les plus jeunes en EPS.",
    "%s a insulté un adulte de l'équipe périscolaire." },
  { "%s dit : « Je voudrais lire tout·e seul·e mes mangas. »",
    "La mère demande un lieu calme pour les devoirs.",
    "La famille souhaite que l'école appelle aussi quand tout va bien.",
    "%s demande à changer de classe.",
    "La famille demande de l'aide pour les démarches de logement.",
    "%s voudrait faire de la danse mais l'inscription coûte trop cher.",
    "Le père demande à être informé des rendez-vous.",
    "%s dit qu'il ou elle s'ennuie en classe." },
};

static const char * const interpretations[] = {
  "Pour moi, c'est surtout un manque de motivation.",
  "Je ne parlerais pas de décrochage : %s vient tous les jours.",
  "Ce sont des signaux de décrochage scolaire qu'il faut prendre au sérieux.",
  "%s préfère ne pas faire plutôt que mal faire devant les autres.",
  "La fatigue vient sans doute du sommeil et du logement trop petit.",
  "C'est une peur de l'erreur plus qu'un refus.",
  "%s réagit quand il ou elle se sent humilié·e.",
  "Le comportement a changé depuis la séparation des parents.",
  "On voit là une difficulté d'attention plus qu'un trouble des apprentissages.",
  "La famille est mobilisée dès que les horaires sont adaptés.",
  "Les absences tiennent à l'organisation familiale, pas à un rejet de l'école.",
  "%s cherche sa place dans le groupe, d'où les conflits.",
};

static const char * const difficulties[] = {
  "Difficile de joindre la famille par téléphone.",
  "%s a du mal à se concentrer plus de dix minutes.",
  "La lecture reste lente et coûteuse pour %s.",
  "Pas de lieu calme à la maison pour faire les devoirs.",
  "Le transport jusqu'au CMP est compliqué sans voiture.",
  "La famille ne maîtrise pas bien le français écrit.",
  "%s dort mal et arrive fatigué·e.",
  "Le harcèlement continue sur les réseaux sociaux.",
};

static const char * const resources[] = {
  "%s comprend vite à l'oral et raisonne bien en calcul.",
  "Le sport est une vraie ressource : %s y respecte les règles.",
  "La grand-mère est très présente et soutient la famille.",
  "%s a une bonne relation avec l'animateur du centre social.",
  "La famille est venue à chaque rendez-vous du PRE fixé à 18 h.",
  "%s est curieux·se et pose beaucoup de questions.",
  "Une association de quartier propose une aide aux devoirs gratuite.",
  "%s est attentif·ve aux autres et très serviable.",
};

static const char * const proposals[] = {
  "Faire vérifier la vue en priorité.",
  "Demander un bilan orthophonique.",
  "Inscrire %s à l'accompagnement à la scolarité le lundi et le jeudi.",
  "Fixer les rendez-vous avec la famille après 18 h.",
  "Appuyer la demande de logement par un rapport social.",
  "Proposer à %s une responsabilité au club de football.",
  "Mettre en place un PAP après avis du médecin scolaire.",
  "Orienter la famille vers la PMI pour le petit frère.",
  "Organiser un temps d'échange entre l'école et la famille chaque mois.",
  "Proposer un stage de découverte au collège.",
  "Solliciter l'aide financière de la ville pour l'inscription à la danse.",
  "Faire un point sur le harcèlement avec la CPE et la famille.",
};

static const char * const syntheses[] = {
  "L'équipe s'accorde sur des signaux de décrochage en lecture, pas sur un décrochage scolaire.",
  "Priorité au bilan visuel et au sommeil avant toute autre hypothèse.",
  "La famille est présente quand les horaires tiennent compte de son travail.",
  "Le sport et les activités du quartier sont des appuis sur lesquels construire.",
  "Les conflits suivent des moqueries : on travaille d'abord sur le climat de la classe.",
  "La demande principale de la famille porte sur le logement.",
};

static const char * const notes[] = {
  "Tout le monde constate la même chose, avec des mots différents.",
  "Deux lectures de la même fatigue : on observe jusqu'à la prochaine revue.",
  "Le désaccord porte surtout sur le mot décrochage : voir le glossaire.",
  "À préciser avec la famille avant la prochaine réunion.",
  "L'un décrit le comportement à l'école, l'autre à la maison : les deux se complètent.",
  "Point de vigilance sur le harcèlement.",
};

static const char * const words[][2] = {
  { "décrochage", "Absences répétées et perte du lien avec l'école, pas seulement des résultats faibles." },
  { "autonomie", "Faire seul·e ce qui est attendu à son âge, avec de l'aide si besoin." },
  { "harcèlement", "Violences répétées d'un ou plusieurs élèves, y compris en ligne." },
  { "motivation", "L'envie d'apprendre, qui dépend aussi de la confiance en soi." },
  { "négligence", "Des besoins de l'enfant qui ne sont pas couverts durablement." },
  { "réussite", "Des progrès visibles pour l'enfant lui-même, pas seulement les notes." },
};

static const char * const criteria[] = {
  "%s lit un court texte seul·e avec plaisir.",
  "Moins de deux absences par mois le lundi.",
  "La famille est informée des progrès au moins une fois par mois.",
  "%s participe à une activité régulière hors de l'école.",
  "Plus aucun conflit dans la cour d'ici la prochaine revue.",
  "Le bilan visuel est fait avant les vacances de février.",
};

static const char * const indicators[] = {
  "Relevé des absences de la vie scolaire.",
  "Test de fluence en lecture en février.",
  "Appel mensuel de l'enseignante à la famille.",
  "Fiche d'inscription au club.",
  "Registre des incidents de la cour.",
};

static const char * const categories[] = {
  "Pour l'enfant", "Pour la famille", "Pour l'équipe",
};

static const char * const actions[] = {
  "Prendre rendez-vous chez l'ophtalmologiste.",
  "Envoyer la demande de bilan orthophonique.",
  "Inscrire %s au club manga de la médiathèque.",
  "Rédiger le rapport social pour le logement.",
  "Appeler la famille pour donner des nouvelles positives.",
  "Organiser une rencontre avec la CPE.",
  "Préparer le dossier d'aide financière.",
};

/* A version 4 UUID from the generator, so ids are reproducible too. */
static char *
random_uuid (GRand *rand)
{
  guint32 w[4];

  for (guint i = 0; i < 4; i++)
    w[i] = g_rand_int (rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          w[0], w[1] >> 16, w[1] & 0xfff,
                          0x8000 | ((w[2] >> 16) & 0x3fff), w[2] & 0xffff, w[3]);
}

static char *
fill (const char *pattern,
      const char *name)
{
  GString *str = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          g_string_append (str, name);
          p++;
        }
      else
        g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

typedef struct
{
  char        *id;
  char        *code;
  char        *first_name;
  char        *label;
  char        *surname;
  const char  *town;
  const char  *class;
  GDate        first_date;
  guint        n_reviews;
  guint        n_partner_roles;
  guint        partner_roles[8];       /* index in roles[], or 100 + family role */
  const char  *partner_names[8];
  gboolean     partner_female[8];
} Situation;

static void
situation_clear (Situation *s)
{
  g_free (s->id);
  g_free (s->code);
  g_free (s->first_name);
  g_free (s->label);
  g_free (s->surname);
}

static void
situation_init (Situation *s,
                GRand     *rand,
                guint      number)
{
  guint n_professionals;

  s->id = random_uuid (rand);
  s->first_name = g_strdup (PICK (rand, first_names));
  s->surname = g_strdup (PICK (rand, surnames));
  s->class = PICK (rand, classes);
  s->town = PICK (rand, towns);
  s->label = g_strdup_printf ("Élève %.*s., %s",
                              (int) (g_utf8_next_char (s->first_name) - s->first_name),
                              s->first_name, s->class);
  g_date_clear (&s->first_date, 1);
  g_date_set_dmy (&s->first_date, 1, G_DATE_SEPTEMBER, 2018);
  g_date_add_days (&s->first_date, g_rand_int_range (rand, 0, 7 * 365));
  s->n_reviews = g_rand_int_range (rand, 1, 6);
  s->code = g_strdup_printf ("PRE-%u-%05u", g_date_get_year (&s->first_date), number);

  /* A team: three to seven professionals, and the family most often. */
  n_professionals = g_rand_int_range (rand, 3, 8);
  s->n_partner_roles = 0;
  for (guint i = 0; i < n_professionals; i++)
    {
      s->partner_roles[s->n_partner_roles] = g_rand_int_range (rand, 0, G_N_ELEMENTS (roles));
      s->partner_names[s->n_partner_roles] = PICK (rand, surnames);
      s->partner_female[s->n_partner_roles] = g_rand_int_range (rand, 0, 3) > 0;
      s->n_partner_roles++;
    }
  if (g_rand_int_range (rand, 0, 5) > 0)
    {
      s->partner_roles[s->n_partner_roles] = 100 + g_rand_int_range (rand, 0, G_N_ELEMENTS (family_roles));
      s->partner_names[s->n_partner_roles] = s->surname;
      s->partner_female[s->n_partner_roles] = TRUE;
      s->n_partner_roles++;
    }
}

static char *
date_string (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static RgPartner *
make_partner (GRand           *rand,
              const Situation *s,
              guint            i)
{
  g_autofree char *id = random_uuid (rand);
  g_autofree char *name = NULL;
  g_autofree char *profession = NULL;
  g_autofree char *institution = NULL;
  guint role = s->partner_roles[i];
  RgPartnerRole partner_role = RG_PARTNER_ROLE_PROFESSIONAL;

  name = g_strdup_printf ("%s %s", s->partner_female[i] ? "Mme" : "M.", s->partner_names[i]);

  if (role >= 100)
    {
      profession = g_strdup (family_roles[role - 100]);
      partner_role = RG_PARTNER_ROLE_FAMILY;
    }
  else
    {
      const char *pattern = s->partner_female[i] ? roles[role].female : roles[role].male;
      const char *c = strstr (pattern, "%c");

      if (c != NULL)
        profession = g_strdup_printf ("%.*s%s", (int) (c - pattern), pattern, s->class);
      else
        profession = g_strdup (pattern);
      institution = fill (roles[role].institution, s->town);
    }

  return g_object_new (RG_TYPE_PARTNER,
                       "id", id,
                       "name", name,
                       "profession", profession,
                       "institution", institution,
                       "role", partner_role,
                       "colour", colours[i % G_N_ELEMENTS (colours)],
                       NULL);
}

static const char *
statement_pattern (GRand           *rand,
                   guint            dimension,
                   RgStatementKind  kind)
{
  switch (kind)
    {
    case RG_STATEMENT_KIND_FACT:
      return facts[dimension][g_rand_int_range (rand, 0, 8)];
    case RG_STATEMENT_KIND_INTERPRETATION:
      return PICK (rand, interpretations);
    case RG_STATEMENT_KIND_DIFFICULTY:
      return PICK (rand, difficulties);
    case RG_STATEMENT_KIND_RESOURCE:
      return PICK (rand, resources);
    case RG_STATEMENT_KIND_PROPOSAL:
    default:
      return PICK (rand, proposals);
    }
}

static RgSession *
make_session (GRand           *rand,
              const Situation *s,
              guint            review,
              const GDate     *date)
{
  g_autofree char *id = random_uuid (rand);
  g_autofree char *date_str = date_string (date);
  g_autofree char *title = NULL;
  g_autofree char *place = NULL;
  g_autofree char *next_review = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) dims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = NULL;
  const char * const person_names[] = { s->surname, s->first_name, NULL };
  RgSessionStatus status;
  RgSession *session;
  guint n_statements;
  guint n_links;
  GDate next;

  if (review == 0)
    title = g_strdup_printf ("Première revue de situation — %s", s->first_name);
  else
    title = g_strdup_printf ("Revue de suivi n° %u — %s", review + 1, s->first_name);
  place = g_strdup_printf ("%s, salle de réunion", s->town);
  next = *date;
  g_date_add_days (&next, 90);
  next_review = date_string (&next);
  status = review + 1 < s->n_reviews ? RG_SESSION_STATUS_CLOSED
                                     : (RgSessionStatus) g_rand_int_range (rand, 0, 3);

  session = g_object_new (RG_TYPE_SESSION,
                          "id", id,
                          "title", title,
                          "date", date_str,
                          "place", place,
                          "status", status,
                          "next-review", next_review,
                          "situation-id", s->id,
                          "situation-label", s->label,
                          "situation-code", s->code,
                          "person-names", person_names,
                          NULL);

  for (guint i = 0; i < s->n_partner_roles; i++)
    {
      RgPartner *partner = make_partner (rand, s, i);

      rg_session_add_partner (session, partner);
      g_ptr_array_add (partners, partner);
    }

  rg_session_set_facilitator (session,
                              rg_partner_get_name (g_ptr_array_index (partners, 0)));

  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      g_autofree char *dim_id = random_uuid (rand);
      RgDimension *dimension = g_object_new (RG_TYPE_DIMENSION,
                                             "id", dim_id,
                                             "name", dimensions[i],
                                             NULL);

      if (status != RG_SESSION_STATUS_PREPARING && g_rand_int_range (rand, 0, 3) > 0)
        rg_dimension_set_synthesis (dimension, syntheses[i]);
      rg_session_add_dimension (session, dimension);
      g_ptr_array_add (dims, dimension);
    }

  start = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                               g_date_get_day (date), 14, 0, 0);
  n_statements = g_rand_int_range (rand, 15, 50);
  for (guint i = 0; i < n_statements; i++)
    {
      g_autofree char *st_id = random_uuid (rand);
      g_autofree char *text = NULL;
      g_autoptr(GDateTime) created = g_date_time_add_seconds (start, 60.0 * i);
      guint dimension = g_rand_int_range (rand, 0, G_N_ELEMENTS (dimensions));
      RgStatementKind kind = g_rand_int_range (rand, 0, 5);
      RgPartner *partner = g_ptr_array_index (partners, g_rand_int_range (rand, 0, partners->len));
      RgStatement *statement;

      text = fill (statement_pattern (rand, dimension, kind), s->first_name);
      statement = g_object_new (RG_TYPE_STATEMENT,
                                "id", st_id,
                                "partner-id", rg_partner_get_id (partner),
                                "dimension-id", rg_dimension_get_id (g_ptr_array_index (dims, dimension)),
                                "kind", kind,
                                "text", text,
                                "created", created,
                                "changed", created,
                                NULL);
      rg_session_add_statement (session, statement);
      g_ptr_array_add (statements, statement);
    }

  n_links = g_rand_int_range (rand, 2, 11);
  for (guint i = 0; i < n_links; i++)
    {
      g_autofree char *link_id = random_uuid (rand);
      const char *members[4] = { NULL, };
      guint n_members = g_rand_int_range (rand, 2, 4);
      guint first = g_rand_int_range (rand, 0, statements->len - n_members);
      RgLinkType type = g_rand_int_range (rand, 0, 4);
      RgLinkStatus link_status = g_rand_int_range (rand, 0, 2);
      RgLink *link;

      for (guint m = 0; m < n_members; m++)
        members[m] = rg_statement_get_id (g_ptr_array_index (statements, first + m));

      link = g_object_new (RG_TYPE_LINK,
                           "id", link_id,
                           "type", type,
                           "status", link_status,
                           "note", g_rand_int_range (rand, 0, 3) > 0 ? PICK (rand, notes) : NULL,
                           "members", members,
                           NULL);
      rg_session_add_link (session, link);
      g_object_unref (link);
    }

  for (guint i = 0, n = g_rand_int_range (rand, 0, 3); i < n; i++)
    {
      g_autofree char *term_id = random_uuid (rand);
      guint w = (review + i) % G_N_ELEMENTS (words);
      RgTerm *term = g_object_new (RG_TYPE_TERM, "id", term_id, "word", words[w][0], NULL);

      if (g_rand_int_range (rand, 0, 2) == 0)
        {
          rg_term_set_agreed_meaning (term, words[w][1]);
          rg_term_set_status (term, RG_TERM_STATUS_AGREED);
        }
      rg_term_set_meaning (term, rg_partner_get_id (g_ptr_array_index (partners, 0)),
                           interpretations[(w + i) % G_N_ELEMENTS (interpretations)]);
      rg_session_add_term (session, term);
      g_object_unref (term);
    }

  for (guint i = 0, n = g_rand_int_range (rand, 1, 3); i < n; i++)
    {
      g_autofree char *cat_id = random_uuid (rand);
      RgCategory *category = g_object_new (RG_TYPE_CATEGORY,
                                           "id", cat_id,
                                           "name", categories[i],
                                           NULL);

      for (guint j = 0, m = g_rand_int_range (rand, 1, 4); j < m; j++)
        {
          g_autofree char *crit_id = random_uuid (rand);
          g_autofree char *text = fill (PICK (rand, criteria), s->first_name);
          const char *ind[2] = { PICK (rand, indicators), NULL };
          const char *by[2] = { rg_partner_get_id (g_ptr_array_index (partners, j % partners->len)), NULL };
          RgCriterion *criterion = g_object_new (RG_TYPE_CRITERION,
                                                 "id", crit_id,
                                                 "text", text,
                                                 "indicators", ind,
                                                 "proposed-by", by,
                                                 "agreed", g_rand_boolean (rand),
                                                 NULL);

          if (status == RG_SESSION_STATUS_CLOSED && rg_criterion_get_agreed (criterion) &&
              g_rand_int_range (rand, 0, 3) == 0)
            rg_criterion_set_met (criterion, TRUE);

          rg_category_add_criterion (category, criterion);
          g_object_unref (criterion);
        }

      rg_session_add_category (session, category);
      g_object_unref (category);
    }

  for (guint i = 0, n = g_rand_int_range (rand, 1, 6); i < n; i++)
    {
      g_autofree char *action_id = random_uuid (rand);
      g_autofree char *what = fill (PICK (rand, actions), s->first_name);
      RgAction *action = g_object_new (RG_TYPE_ACTION,
                                       "id", action_id,
                                       "what", what,
                                       "owner-id", rg_partner_get_id (g_ptr_array_index (partners, i % partners->len)),
                                       "due", next_review,
                                       "status", g_rand_int_range (rand, 0, 4),
                                       NULL);

      rg_session_add_action (session, action);
      g_object_unref (action);
    }

  /* Contributions asked ten days before a meeting being prepared; the
   * first one has come in. */
  if (status == RG_SESSION_STATUS_PREPARING)
    for (guint i = 0; i < MIN (partners->len, 3); i++)
      {
        GDate asked = *date;
        g_autofree char *asked_str = NULL;

        g_date_subtract_days (&asked, 10);
        asked_str = date_string (&asked);
        rg_partner_set_contribution_asked (g_ptr_array_index (partners, i), asked_str);
        if (i == 0)
          rg_partner_set_contribution_received (g_ptr_array_index (partners, i), date_str);
      }

  if (g_rand_int_range (rand, 0, 2) == 0)
    {
      g_autofree char *consent_id = random_uuid (rand);
      RgConsent *consent = g_object_new (RG_TYPE_CONSENT,
                                         "id", consent_id,
                                         "scope", "La famille accepte que les informations soient partagées entre les partenaires présents.",
                                         "shared-with", "Les partenaires de l'équipe pluridisciplinaire",
                                         "date", date_str,
                                         NULL);

      rg_session_add_consent (session, consent);
      g_object_unref (consent);
    }

  return session;
}

/* What a follow-up takes over from @previous (see rg-follow-up.c): the
 * items @previous left to review and its open divergences and “to
 * clarify”, as items to review (reviewed, once the meeting is held, one
 * time in two); its actions still to do, with the same ids, moving on
 * when the meeting is held; its consents, to confirm, when @session
 * records none. */
static void
carry_over (GRand     *rand,
            RgSession *session,
            RgSession *previous)
{
  GListModel *items = rg_session_get_review_items (previous);
  GListModel *links = rg_session_get_links (previous);
  GListModel *old_actions = rg_session_get_actions (previous);
  GListModel *consents = rg_session_get_consents (previous);
  gboolean held = rg_session_get_status (session) != RG_SESSION_STATUS_PREPARING;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RgReviewItem) old = g_list_model_get_item (items, i);
      g_autoptr(RgReviewItem) item = NULL;

      if (rg_review_item_get_reviewed (old))
        continue;

      item = g_object_new (RG_TYPE_REVIEW_ITEM,
                           "id", rg_review_item_get_id (old),
                           "link-type", rg_review_item_get_link_type (old),
                           "note", rg_review_item_get_note (old),
                           NULL);
      rg_review_item_set_reviewed (item, held && g_rand_boolean (rand));
      rg_session_add_review_item (session, item);
    }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      RgLinkType type = rg_link_get_link_type (link);
      g_autoptr(RgReviewItem) item = NULL;

      if (rg_link_get_status (link) != RG_LINK_STATUS_OPEN ||
          (type != RG_LINK_TYPE_DIVERGENCE && type != RG_LINK_TYPE_CLARIFY))
        continue;

      item = g_object_new (RG_TYPE_REVIEW_ITEM,
                           "id", rg_link_get_id (link),
                           "link-type", type,
                           "note", rg_link_get_note (link),
                           NULL);
      rg_review_item_set_reviewed (item, held && g_rand_boolean (rand));
      rg_session_add_review_item (session, item);
    }

  for (guint i = 0; i < g_list_model_get_n_items (old_actions); i++)
    {
      g_autoptr(RgAction) old = g_list_model_get_item (old_actions, i);
      RgActionStatus status = rg_action_get_status (old);
      g_autoptr(RgAction) action = NULL;

      if (status == RG_ACTION_STATUS_DONE || status == RG_ACTION_STATUS_CANCELLED)
        continue;

      action = g_object_new (RG_TYPE_ACTION,
                             "id", rg_action_get_id (old),
                             "what", rg_action_get_what (old),
                             "due", rg_action_get_due (old),
                             "status", held ? g_rand_int_range (rand, 0, 4) : (int) status,
                             NULL);
      rg_session_add_action (session, action);
    }

  if (g_list_model_get_n_items (rg_session_get_consents (session)) > 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(RgConsent) old = g_list_model_get_item (consents, i);
      g_autoptr(RgConsent) consent = g_object_new (RG_TYPE_CONSENT,
                                                   "id", rg_consent_get_id (old),
                                                   "scope", rg_consent_get_scope (old),
                                                   "shared-with", rg_consent_get_shared_with (old),
                                                   "date", rg_consent_get_date (old),
                                                   NULL);

      rg_consent_set_to_confirm (consent, TRUE);
      rg_session_add_consent (session, consent);
    }
}

static gboolean
write_session (const char  *folder,
               RgSession   *session,
               const char  *code,
               guint        review,
               guint64     *total_size,
               GError     **error)
{
  g_autoptr(GBytes) bytes = rg_session_to_bytes (session);
  const char *date = rg_session_get_date (session);
  g_autofree char *year = g_strndup (date, 4);
  g_autofree char *dir = g_build_filename (folder, year, NULL);
  g_autofree char *name = g_strdup_printf ("%s-revue-%u.regards", code, review + 1);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot create %s", dir);
      return FALSE;
    }

  *total_size += g_bytes_get_size (bytes);

  return g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_NONE, 0600, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  gint64 seed = 20261120;
  guint64 n_sessions;
  guint64 total_size = 0;
  guint written = 0;
  guint number = 0;
  const GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator", "S" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("FOLDER N");
  g_option_context_set_summary (context, "Write N realistic sessions into FOLDER/YEAR/.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 ||
      !g_ascii_string_to_unsigned (argv[2], 10, 1, 10000000, &n_sessions, NULL))
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Usage: regards-bench-generate FOLDER N");
      return 2;
    }

  rand = g_rand_new_with_seed ((guint32) seed);

  while (written < n_sessions)
    {
      g_autoptr(RgSession) previous = NULL;
      Situation s = { 0, };
      GDate date;

      situation_init (&s, rand, number++);
      date = s.first_date;

      for (guint review = 0; review < s.n_reviews && written < n_sessions; review++)
        {
          g_autoptr(RgSession) session = make_session (rand, &s, review, &date);

          if (previous != NULL)
            carry_over (rand, session, previous);
          g_set_object (&previous, session);

          if (!write_session (argv[1], session, s.code, review, &total_size, &error))
            {
              g_printerr ("%s\n", error->message);
              situation_clear (&s);
              return 1;
            }

          written++;
          g_date_add_days (&date, g_rand_int_range (rand, 80, 120));
        }

      situation_clear (&s);
    }

  g_print ("%u sessions of %u situations, %" G_GUINT64_FORMAT " bytes (%.1f KiB each on average)\n",
           written, number, total_size, total_size / 1024.0 / written);

  return 0;
}
