/* rg-session.c — one meeting about one situation
 *
 * The session is the root of the model and the owner of everything a
 * session file holds: its partners, dimensions, statements, links,
 * glossary terms, criteria categories, actions, consents, the items
 * a follow-up has to review and the conflicts a merge left to settle
 * (see rg-merge.c), each kept
 * in document order in a GListStore and shown as a GListModel, with a
 * hash index by id kept in step.
 *
 * It watches every object it owns, so that a single “changed” signal
 * tells autosave and the library index that something, anywhere, moved.
 *
 * Removing a partner, a dimension or a statement also removes or updates
 * what depends on it, so that the session can always be written as a
 * valid file: see rg_session_remove_partner (),
 * rg_session_remove_dimension () and rg_session_remove_statement ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-session"

#include "config.h"

#include "rg-enums.h"
#include "rg-session.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgSession, name)
#define SETTER(name) G_CALLBACK (rg_session_set_##name)

typedef enum
{
  PARTNERS,
  DIMENSIONS,
  STATEMENTS,
  LINKS,
  TERMS,
  CATEGORIES,
  ACTIONS,
  CONSENTS,
  REVIEW_ITEMS,
  CONFLICTS,
  N_COLLECTIONS
} Collection;

typedef const char *(*GetIdFunc) (gpointer item);

typedef struct
{
  GType     (*get_type) (void);
  GetIdFunc   get_id;
} CollectionInfo;

static const CollectionInfo collections[N_COLLECTIONS] = {
  [PARTNERS]   = { rg_partner_get_type,   (GetIdFunc) rg_partner_get_id },
  [DIMENSIONS] = { rg_dimension_get_type, (GetIdFunc) rg_dimension_get_id },
  [STATEMENTS] = { rg_statement_get_type, (GetIdFunc) rg_statement_get_id },
  [LINKS]      = { rg_link_get_type,      (GetIdFunc) rg_link_get_id },
  [TERMS]      = { rg_term_get_type,      (GetIdFunc) rg_term_get_id },
  [CATEGORIES] = { rg_category_get_type,  (GetIdFunc) rg_category_get_id },
  [ACTIONS]    = { rg_action_get_type,    (GetIdFunc) rg_action_get_id },
  [CONSENTS]   = { rg_consent_get_type,   (GetIdFunc) rg_consent_get_id },
  [REVIEW_ITEMS] = { rg_review_item_get_type, (GetIdFunc) rg_review_item_get_id },
  [CONFLICTS]  = { rg_conflict_get_type,  (GetIdFunc) rg_conflict_get_id },
};

struct _RgSession
{
  GObject          parent_instance;

  char            *id;
  char            *title;
  char            *date;
  char            *place;
  char            *facilitator;
  char            *contributor_id;
  char            *next_review;
  char            *situation_id;
  char            *situation_label;
  char            *situation_code;
  char           **person_names;

  GListStore      *stores[N_COLLECTIONS];
  /* id → object, borrowed from the store of the same collection */
  GHashTable      *by_id[N_COLLECTIONS];

  RgSessionStatus  status;
  RgSessionKind    kind;
};

G_DEFINE_FINAL_TYPE (RgSession, rg_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DATE,
  PROP_PLACE,
  PROP_FACILITATOR,
  PROP_STATUS,
  PROP_KIND,
  PROP_CONTRIBUTOR_ID,
  PROP_NEXT_REVIEW,
  PROP_SITUATION_ID,
  PROP_SITUATION_LABEL,
  PROP_SITUATION_CODE,
  PROP_PERSON_NAMES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const RgProperty property_table [N_PROPS] = {
  [PROP_ID]              = { "id", RG_PROPERTY_ID, FIELD (id) },
  [PROP_TITLE]           = { "title", RG_PROPERTY_TEXT, FIELD (title), SETTER (title), .text = "" },
  /**
   * RgSession:date:
   *
   * The day of the meeting, `YYYY-MM-DD`; today for a new session.
   */
  [PROP_DATE]            = { "date", RG_PROPERTY_TEXT, FIELD (date), SETTER (date) },
  [PROP_PLACE]           = { "place", RG_PROPERTY_TEXT, FIELD (place), SETTER (place) },
  [PROP_FACILITATOR]     = { "facilitator", RG_PROPERTY_TEXT, FIELD (facilitator),
                             SETTER (facilitator) },
  [PROP_STATUS]          = { "status", RG_PROPERTY_ENUM, FIELD (status), SETTER (status),
                             rg_session_status_get_type, RG_SESSION_STATUS_PREPARING },
  /**
   * RgSession:kind:
   *
   * A session proper, or a partner's contribution prepared in advance.
   */
  [PROP_KIND]            = { "kind", RG_PROPERTY_ENUM, FIELD (kind), SETTER (kind),
                             rg_session_kind_get_type, RG_SESSION_KIND_SESSION },
  /**
   * RgSession:contributor-id:
   *
   * For a contribution, the id of the partner it is from, or %NULL. Only
   * written to the file when #RgSession:kind is a contribution.
   */
  [PROP_CONTRIBUTOR_ID]  = { "contributor-id", RG_PROPERTY_TEXT, FIELD (contributor_id),
                             SETTER (contributor_id) },
  [PROP_NEXT_REVIEW]     = { "next-review", RG_PROPERTY_TEXT, FIELD (next_review),
                             SETTER (next_review) },
  /**
   * RgSession:situation-id:
   *
   * The UUID shared by the successive sessions about the same situation.
   */
  [PROP_SITUATION_ID]    = { "situation-id", RG_PROPERTY_TEXT, FIELD (situation_id),
                             SETTER (situation_id) },
  /**
   * RgSession:situation-label:
   *
   * The pseudonymous label of the situation, such as “Élève A., CM1”.
   */
  [PROP_SITUATION_LABEL] = { "situation-label", RG_PROPERTY_TEXT, FIELD (situation_label),
                             SETTER (situation_label), .text = "" },
  /**
   * RgSession:situation-code:
   *
   * The service's own reference of the situation, or %NULL.
   */
  [PROP_SITUATION_CODE]  = { "situation-code", RG_PROPERTY_TEXT, FIELD (situation_code),
                             SETTER (situation_code) },
  /**
   * RgSession:person-names:
   *
   * Names of people of the situation, to hide in pseudonymised exports.
   */
  [PROP_PERSON_NAMES]    = { "person-names", RG_PROPERTY_STRV, FIELD (person_names),
                             SETTER (person_names) },
};

static void
rg_session_emit_changed (RgSession *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
item_notify_cb (RgSession  *self,
                GParamSpec *pspec,
                GObject    *item)
{
  rg_session_emit_changed (self);
}

static void
category_changed_cb (RgSession  *self,
                     RgCategory *category)
{
  rg_session_emit_changed (self);
}

static void
watch_item (RgSession  *self,
            Collection  which,
            gpointer    item)
{
  /* A category reports its name and its criteria through one signal */
  if (which == CATEGORIES)
    g_signal_connect_swapped (item, "changed", G_CALLBACK (category_changed_cb), self);
  else
    g_signal_connect_swapped (item, "notify", G_CALLBACK (item_notify_cb), self);
}

static void
unwatch_item (RgSession *self,
              gpointer   item)
{
  g_signal_handlers_disconnect_by_data (item, self);
}

static void
collection_insert (RgSession  *self,
                   Collection  which,
                   gpointer    item,
                   guint       position)
{
  GListStore *store = self->stores[which];
  const char *id;

  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, collections[which].get_type ()));

  id = collections[which].get_id (item);
  if (g_hash_table_contains (self->by_id[which], id))
    {
      g_critical ("The session already holds an object with id %s", id);
      return;
    }

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_hash_table_insert (self->by_id[which], (gpointer) id, item);
  watch_item (self, which, item);
  g_list_store_insert (store, position, item);

  rg_session_emit_changed (self);
}

static gboolean
collection_remove (RgSession  *self,
                   Collection  which,
                   gpointer    item)
{
  g_autoptr(GObject) hold = NULL;
  guint position;

  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, collections[which].get_type ()), FALSE);

  if (!g_list_store_find (self->stores[which], item, &position))
    return FALSE;

  hold = g_object_ref (item);
  unwatch_item (self, item);
  g_hash_table_remove (self->by_id[which], collections[which].get_id (item));
  g_list_store_remove (self->stores[which], position);

  rg_session_emit_changed (self);

  return TRUE;
}

static void
collection_move (RgSession  *self,
                 Collection  which,
                 gpointer    item,
                 guint       position)
{
  g_autoptr(GObject) hold = NULL;
  GListStore *store = self->stores[which];
  guint current;

  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, collections[which].get_type ()));

  if (!g_list_store_find (store, item, &current))
    {
      g_critical ("Cannot move an object the session does not hold");
      return;
    }

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)) - 1);
  if (position == current)
    return;

  /* Stays watched and indexed: only its place changes */
  hold = g_object_ref (item);
  g_list_store_remove (store, current);
  g_list_store_insert (store, position, item);

  rg_session_emit_changed (self);
}

static gpointer
collection_find (RgSession  *self,
                 Collection  which,
                 const char *id)
{
  return g_hash_table_lookup (self->by_id[which], id);
}

/* The items of a collection for which @match returns TRUE, with a
 * reference each, so that the caller may remove them while iterating. */
static GPtrArray *
collection_filter (RgSession  *self,
                   Collection  which,
                   gboolean  (*match) (gpointer item, const char *id),
                   const char *id)
{
  GListModel *model = G_LIST_MODEL (self->stores[which]);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (match == NULL || match (item, id))
        g_ptr_array_add (found, g_steal_pointer (&item));
    }

  return found;
}

/* The public functions of a collection, the same for each but for the
 * type: its list, add, insert and find; move and remove for those that
 * do nothing more. Each takes the type, the word for one and for the
 * list (partner, partners), the end of the type's RG_IS_ macro and the
 * collection. The gtk-doc comments stand above the line that defines
 * them. */
#define DEFINE_COLLECTION(Type, item, items, TYPE, WHICH)                                \
  GListModel *                                                                          \
  rg_session_get_##items (RgSession *self)                                              \
  {                                                                                     \
    g_return_val_if_fail (RG_IS_SESSION (self), NULL);                                  \
                                                                                        \
    return G_LIST_MODEL (self->stores[WHICH]);                                          \
  }                                                                                     \
                                                                                        \
  void                                                                                  \
  rg_session_add_##item (RgSession *self,                                               \
                         Type      *item)                                               \
  {                                                                                     \
    g_return_if_fail (RG_IS_SESSION (self));                                            \
    g_return_if_fail (RG_IS_##TYPE (item));                                             \
                                                                                        \
    collection_insert (self, WHICH, item, G_MAXUINT);                                   \
  }                                                                                     \
                                                                                        \
  void                                                                                  \
  rg_session_insert_##item (RgSession *self,                                            \
                            Type      *item,                                            \
                            guint      position)                                        \
  {                                                                                     \
    g_return_if_fail (RG_IS_SESSION (self));                                            \
    g_return_if_fail (RG_IS_##TYPE (item));                                             \
                                                                                        \
    collection_insert (self, WHICH, item, position);                                    \
  }                                                                                     \
                                                                                        \
  Type *                                                                                \
  rg_session_find_##item (RgSession  *self,                                             \
                          const char *id)                                               \
  {                                                                                     \
    g_return_val_if_fail (RG_IS_SESSION (self), NULL);                                  \
    g_return_val_if_fail (id != NULL, NULL);                                            \
                                                                                        \
    return collection_find (self, WHICH, id);                                           \
  }

#define DEFINE_MOVE(Type, item, TYPE, WHICH)                                             \
  void                                                                                  \
  rg_session_move_##item (RgSession *self,                                              \
                          Type      *item,                                              \
                          guint      position)                                          \
  {                                                                                     \
    g_return_if_fail (RG_IS_SESSION (self));                                            \
    g_return_if_fail (RG_IS_##TYPE (item));                                             \
                                                                                        \
    collection_move (self, WHICH, item, position);                                      \
  }

#define DEFINE_REMOVE(Type, item, TYPE, WHICH)                                           \
  gboolean                                                                              \
  rg_session_remove_##item (RgSession *self,                                            \
                            Type      *item)                                            \
  {                                                                                     \
    g_return_val_if_fail (RG_IS_SESSION (self), FALSE);                                 \
    g_return_val_if_fail (RG_IS_##TYPE (item), FALSE);                                  \
                                                                                        \
    return collection_remove (self, WHICH, item);                                       \
  }

static void
rg_session_dispose (GObject *object)
{
  RgSession *self = (RgSession *)object;

  for (guint which = 0; which < N_COLLECTIONS; which++)
    {
      if (self->stores[which] != NULL)
        {
          g_autoptr(GPtrArray) items = collection_filter (self, which, NULL, NULL);

          for (guint i = 0; i < items->len; i++)
            unwatch_item (self, g_ptr_array_index (items, i));
        }

      g_clear_pointer (&self->by_id[which], g_hash_table_unref);
      g_clear_object (&self->stores[which]);
    }

  G_OBJECT_CLASS (rg_session_parent_class)->dispose (object);
}

/* Every property change of the session itself is a change of the session */
static void
rg_session_notify (GObject    *object,
                   GParamSpec *pspec)
{
  if (G_OBJECT_CLASS (rg_session_parent_class)->notify != NULL)
    G_OBJECT_CLASS (rg_session_parent_class)->notify (object, pspec);

  rg_session_emit_changed (RG_SESSION (object));
}

static void
rg_session_class_init (RgSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rg_session_dispose;
  object_class->finalize = _rg_properties_finalize;
  object_class->notify = rg_session_notify;

  _rg_properties_install (object_class, property_table, N_PROPS, properties);

  /**
   * RgSession::changed:
   * @self: a #RgSession
   *
   * Emitted whenever anything the session holds changes: one of its own
   * properties, an object added, removed or moved, or any property of
   * any object it owns (criteria included). Autosave and the library
   * index listen to it.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
rg_session_init (RgSession *self)
{
  _rg_properties_init (self, property_table, N_PROPS);
  self->date = rg_date_new_today ();
  self->situation_id = g_uuid_string_random ();

  for (guint which = 0; which < N_COLLECTIONS; which++)
    {
      self->stores[which] = g_list_store_new (collections[which].get_type ());
      self->by_id[which] = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

/**
 * rg_session_new:
 *
 * An empty session being prepared, dated today, about a new situation.
 * To start from a template, see rg_session_new_from_template ().
 *
 * Returns: (transfer full): a new #RgSession with a new id
 */
RgSession *
rg_session_new (void)
{
  return g_object_new (RG_TYPE_SESSION, NULL);
}

/**
 * rg_session_get_id:
 * @self: a #RgSession
 *
 * Returns: (transfer none): the session's UUID
 */
RG_DEFINE_GETTER (RgSession, rg_session, SESSION, const char *, id, NULL)

/**
 * rg_session_get_title:
 * @self: a #RgSession
 *
 * Returns: (transfer none): the title, never %NULL
 */
/**
 * rg_session_set_title:
 * @self: a #RgSession
 * @title: (nullable): the title
 */
RG_DEFINE_TEXT_PROPERTY (RgSession, rg_session, SESSION, title, TITLE, TRUE)

/**
 * rg_session_get_date:
 * @self: a #RgSession
 *
 * Returns: (transfer none): the day of the meeting, `YYYY-MM-DD`
 */
/**
 * rg_session_set_date:
 * @self: a #RgSession
 * @date: a date that rg_date_is_valid () accepts
 */
RG_DEFINE_TEXT_PROPERTY (RgSession, rg_session, SESSION, date, DATE, rg_date_is_valid (date))

/**
 * rg_session_get_place:
 * @self: a #RgSession
 *
 * Returns: (transfer none) (nullable): where the meeting is held, or %NULL
 */
/**
 * rg_session_set_place:
 * @self: a #RgSession
 * @place: (nullable): where the meeting is held; %NULL or "" if not said
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSession, rg_session, SESSION, place, PLACE, TRUE)

/**
 * rg_session_get_facilitator:
 * @self: a #RgSession
 *
 * Returns: (transfer none) (nullable): who leads the meeting, or %NULL
 */
/**
 * rg_session_set_facilitator:
 * @self: a #RgSession
 * @facilitator: (nullable): who leads the meeting; %NULL or "" if not said
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSession, rg_session, SESSION, facilitator, FACILITATOR, TRUE)

/**
 * rg_session_get_status:
 * @self: a #RgSession
 *
 * Returns: whether the session is being prepared, was held, or is closed
 */
/**
 * rg_session_set_status:
 * @self: a #RgSession
 * @status: a #RgSessionStatus
 */
RG_DEFINE_ENUM_PROPERTY (RgSession, rg_session, SESSION, RgSessionStatus, status, STATUS,
                         RG_SESSION_STATUS_PREPARING, RG_SESSION_STATUS_CLOSED)

/**
 * rg_session_get_kind:
 * @self: a #RgSession
 *
 * Returns: whether this is a session or a partner's contribution
 */
/**
 * rg_session_set_kind:
 * @self: a #RgSession
 * @kind: a #RgSessionKind
 */
RG_DEFINE_ENUM_PROPERTY (RgSession, rg_session, SESSION, RgSessionKind, kind, KIND,
                         RG_SESSION_KIND_SESSION, RG_SESSION_KIND_CONTRIBUTION)

/**
 * rg_session_get_contributor_id:
 * @self: a #RgSession
 *
 * Returns: (transfer none) (nullable): for a contribution, the id of the
 *   partner it is from, or %NULL
 */
/**
 * rg_session_set_contributor_id:
 * @self: a #RgSession
 * @partner_id: (nullable): the id of a partner of the session, or %NULL
 *
 * Only a contribution keeps it in its file.
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSession, rg_session, SESSION, contributor_id, CONTRIBUTOR_ID,
                                  _rg_optional_id_is_valid (contributor_id))

/**
 * rg_session_get_next_review:
 * @self: a #RgSession
 *
 * Returns: (transfer none) (nullable): the date of the next review,
 *   `YYYY-MM-DD`, or %NULL
 */
/**
 * rg_session_set_next_review:
 * @self: a #RgSession
 * @date: (nullable): a date that rg_date_is_valid () accepts, or %NULL
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSession, rg_session, SESSION, next_review, NEXT_REVIEW,
                                  _rg_optional_date_is_valid (next_review))

/**
 * rg_session_get_situation_id:
 * @self: a #RgSession
 *
 * Returns: (transfer none): the UUID of the situation
 */
/**
 * rg_session_set_situation_id:
 * @self: a #RgSession
 * @situation_id: a UUID, see rg_id_is_valid ()
 *
 * Ties the session to a situation: give a follow-up session the
 * situation id of the previous one.
 */
RG_DEFINE_TEXT_PROPERTY (RgSession, rg_session, SESSION, situation_id, SITUATION_ID,
                         rg_id_is_valid (situation_id))

/**
 * rg_session_get_situation_label:
 * @self: a #RgSession
 *
 * Returns: (transfer none): the pseudonymous label of the situation,
 *   never %NULL
 */
/**
 * rg_session_set_situation_label:
 * @self: a #RgSession
 * @label: (nullable): the pseudonymous label of the situation
 */
RG_DEFINE_TEXT_PROPERTY (RgSession, rg_session, SESSION, situation_label, SITUATION_LABEL, TRUE)

/**
 * rg_session_get_situation_code:
 * @self: a #RgSession
 *
 * Returns: (transfer none) (nullable): the service's reference of the
 *   situation, or %NULL
 */
/**
 * rg_session_set_situation_code:
 * @self: a #RgSession
 * @code: (nullable): the service's reference; %NULL or "" for none
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgSession, rg_session, SESSION, situation_code, SITUATION_CODE,
                                  TRUE)

/**
 * rg_session_get_person_names:
 * @self: a #RgSession
 *
 * Returns: (transfer none) (array zero-terminated=1): the names to hide
 *   in pseudonymised exports
 */
/**
 * rg_session_set_person_names:
 * @self: a #RgSession
 * @names: (nullable) (array zero-terminated=1): the names to hide in
 *   pseudonymised exports
 */
RG_DEFINE_STRV_PROPERTY (RgSession, rg_session, SESSION, person_names, PERSON_NAMES)

/* Partners */

/**
 * rg_session_get_partners:
 * @self: a #RgSession
 *
 * Returns: (transfer none): a #GListModel of #RgPartner: the columns of
 *   the diagnosis, in order
 */
/**
 * rg_session_add_partner:
 * @self: a #RgSession
 * @partner: a #RgPartner whose id the session does not hold yet
 *
 * Adds @partner as the last column. The session takes a reference.
 */
/**
 * rg_session_insert_partner:
 * @self: a #RgSession
 * @partner: a #RgPartner whose id the session does not hold yet
 * @position: where to insert it; past the end means at the end
 */
/**
 * rg_session_find_partner:
 * @self: a #RgSession
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the partner with that id, or %NULL
 */
DEFINE_COLLECTION (RgPartner, partner, partners, PARTNER, PARTNERS)

/**
 * rg_session_move_partner:
 * @self: a #RgSession
 * @partner: a #RgPartner of the session
 * @position: its place afterwards; past the end means last
 *
 * Moves a column, keeping everything that refers to the partner.
 */
DEFINE_MOVE (RgPartner, partner, PARTNER, PARTNERS)

static gboolean
statement_has_partner (gpointer    item,
                       const char *id)
{
  return g_str_equal (rg_statement_get_partner_id (item), id);
}

static gboolean
statement_has_dimension (gpointer    item,
                         const char *id)
{
  return g_str_equal (rg_statement_get_dimension_id (item), id);
}

static void
remove_statements_matching (RgSession  *self,
                            gboolean  (*match) (gpointer item, const char *id),
                            const char *id)
{
  g_autoptr(GPtrArray) statements = collection_filter (self, STATEMENTS, match, id);

  for (guint i = 0; i < statements->len; i++)
    rg_session_remove_statement (self, g_ptr_array_index (statements, i));
}

static void
forget_proposer (RgCriterion *criterion,
                 const char  *partner_id)
{
  const char * const *proposed_by = rg_criterion_get_proposed_by (criterion);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) kept = NULL;

  if (!g_strv_contains (proposed_by, partner_id))
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; proposed_by[i] != NULL; i++)
    {
      if (!g_str_equal (proposed_by[i], partner_id))
        g_strv_builder_add (builder, proposed_by[i]);
    }

  kept = g_strv_builder_end (builder);
  rg_criterion_set_proposed_by (criterion, (const char * const *) kept);
}

/**
 * rg_session_remove_partner:
 * @self: a #RgSession
 * @partner: a #RgPartner
 *
 * Removes a partner and everything of the session that only makes sense
 * with them, so the session stays a valid file: their statements (as
 * rg_session_remove_statement () does, links included), their meanings
 * in the glossary, their name among the proposers of criteria; actions
 * they owned keep no owner, consents they recorded keep no recorder,
 * and a contribution from them no longer names its contributor.
 *
 * An undo must therefore restore more than the partner: the caller
 * snapshots what it needs before.
 *
 * Returns: %TRUE if @partner was in the session and is removed
 */
gboolean
rg_session_remove_partner (RgSession *self,
                           RgPartner *partner)
{
  g_autoptr(RgPartner) hold = NULL;
  g_autofree char *id = NULL;
  GListModel *model;
  guint n;

  g_return_val_if_fail (RG_IS_SESSION (self), FALSE);
  g_return_val_if_fail (RG_IS_PARTNER (partner), FALSE);

  if (!g_list_store_find (self->stores[PARTNERS], partner, NULL))
    return FALSE;

  hold = g_object_ref (partner);
  id = g_strdup (rg_partner_get_id (partner));

  remove_statements_matching (self, statement_has_partner, id);

  model = G_LIST_MODEL (self->stores[TERMS]);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (model, i);

      rg_term_set_meaning (term, id, NULL);
    }

  model = G_LIST_MODEL (self->stores[CATEGORIES]);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (model, i);
      GListModel *criteria = rg_category_get_criteria (category);
      guint n_criteria = g_list_model_get_n_items (criteria);

      for (guint j = 0; j < n_criteria; j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, j);

          forget_proposer (criterion, id);
        }
    }

  model = G_LIST_MODEL (self->stores[ACTIONS]);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (model, i);

      if (g_strcmp0 (rg_action_get_owner_id (action), id) == 0)
        rg_action_set_owner_id (action, NULL);
    }

  model = G_LIST_MODEL (self->stores[CONSENTS]);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgConsent) consent = g_list_model_get_item (model, i);

      if (g_strcmp0 (rg_consent_get_recorded_by_id (consent), id) == 0)
        rg_consent_set_recorded_by_id (consent, NULL);
    }

  if (g_strcmp0 (self->contributor_id, id) == 0)
    rg_session_set_contributor_id (self, NULL);

  return collection_remove (self, PARTNERS, partner);
}

/* Dimensions */

/**
 * rg_session_get_dimensions:
 * @self: a #RgSession
 *
 * Returns: (transfer none): a #GListModel of #RgDimension: the rows of
 *   the diagnosis, in order
 */
/**
 * rg_session_add_dimension:
 * @self: a #RgSession
 * @dimension: a #RgDimension whose id the session does not hold yet
 *
 * Adds @dimension as the last row. The session takes a reference.
 */
/**
 * rg_session_insert_dimension:
 * @self: a #RgSession
 * @dimension: a #RgDimension whose id the session does not hold yet
 * @position: where to insert it; past the end means at the end
 */
/**
 * rg_session_find_dimension:
 * @self: a #RgSession
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the dimension with that id, or
 *   %NULL
 */
DEFINE_COLLECTION (RgDimension, dimension, dimensions, DIMENSION, DIMENSIONS)

/**
 * rg_session_move_dimension:
 * @self: a #RgSession
 * @dimension: a #RgDimension of the session
 * @position: its place afterwards; past the end means last
 *
 * Moves a row, keeping its statements.
 */
DEFINE_MOVE (RgDimension, dimension, DIMENSION, DIMENSIONS)

/**
 * rg_session_remove_dimension:
 * @self: a #RgSession
 * @dimension: a #RgDimension
 *
 * Removes a dimension and its statements, as rg_session_remove_statement ()
 * does (links included).
 *
 * Returns: %TRUE if @dimension was in the session and is removed
 */
gboolean
rg_session_remove_dimension (RgSession   *self,
                             RgDimension *dimension)
{
  g_autoptr(RgDimension) hold = NULL;

  g_return_val_if_fail (RG_IS_SESSION (self), FALSE);
  g_return_val_if_fail (RG_IS_DIMENSION (dimension), FALSE);

  if (!g_list_store_find (self->stores[DIMENSIONS], dimension, NULL))
    return FALSE;

  hold = g_object_ref (dimension);
  remove_statements_matching (self, statement_has_dimension, rg_dimension_get_id (dimension));

  return collection_remove (self, DIMENSIONS, dimension);
}

/* Statements */

/**
 * rg_session_get_statements:
 * @self: a #RgSession
 *
 * Returns: (transfer none): a #GListModel of #RgStatement, in document
 *   order; the statements of one cell come in that order too
 */
/**
 * rg_session_add_statement:
 * @self: a #RgSession
 * @statement: a #RgStatement whose id the session does not hold yet
 *
 * Adds @statement at the end, so last in its cell. Its partner and
 * dimension should be of this session, or the file will not load.
 */
/**
 * rg_session_insert_statement:
 * @self: a #RgSession
 * @statement: a #RgStatement whose id the session does not hold yet
 * @position: where to insert it in the list of all statements
 */
/**
 * rg_session_find_statement:
 * @self: a #RgSession
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the statement with that id, or
 *   %NULL
 */
DEFINE_COLLECTION (RgStatement, statement, statements, STATEMENT, STATEMENTS)

/**
 * rg_session_move_statement:
 * @self: a #RgSession
 * @statement: a #RgStatement of the session
 * @position: its place afterwards in the list of all statements
 *
 * Reorders statements (within a cell, the order of the list is the
 * order of the cards) while keeping their links.
 */
DEFINE_MOVE (RgStatement, statement, STATEMENT, STATEMENTS)

/**
 * rg_session_remove_statement:
 * @self: a #RgSession
 * @statement: a #RgStatement
 *
 * Removes a statement and untags it from every link. A link needs two
 * statements at least, so a link left with fewer is removed from the
 * session as well (after the statement). An undo must restore those
 * links too: the caller snapshots them before.
 *
 * Returns: %TRUE if @statement was in the session and is removed
 */
gboolean
rg_session_remove_statement (RgSession   *self,
                             RgStatement *statement)
{
  g_autoptr(RgStatement) hold = NULL;
  g_autoptr(GPtrArray) links = NULL;
  const char *id;

  g_return_val_if_fail (RG_IS_SESSION (self), FALSE);
  g_return_val_if_fail (RG_IS_STATEMENT (statement), FALSE);

  hold = g_object_ref (statement);
  if (!collection_remove (self, STATEMENTS, statement))
    return FALSE;

  id = rg_statement_get_id (statement);
  links = collection_filter (self, LINKS, NULL, NULL);
  for (guint i = 0; i < links->len; i++)
    {
      RgLink *link = g_ptr_array_index (links, i);

      if (rg_link_remove_member (link, id) && rg_link_get_n_members (link) < 2)
        collection_remove (self, LINKS, link);
    }

  return TRUE;
}

/* Links */

/**
 * rg_session_get_links:
 * @self: a #RgSession
 *
 * Returns: (transfer none): a #GListModel of #RgLink, in order
 */
/**
 * rg_session_add_link:
 * @self: a #RgSession
 * @link: a #RgLink whose id the session does not hold yet
 *
 * Adds @link at the end. Its members should be two statements of this
 * session at least, or the file will not load.
 */
/**
 * rg_session_insert_link:
 * @self: a #RgSession
 * @link: a #RgLink whose id the session does not hold yet
 * @position: where to insert it; past the end means at the end
 */
/**
 * rg_session_find_link:
 * @self: a #RgSession
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the link with that id, or %NULL
 */
DEFINE_COLLECTION (RgLink, link, links, LINK, LINKS)

/**
 * rg_session_remove_link:
 * @self: a #RgSession
 * @link: a #RgLink
 *
 * Removes the link; its statements stay.
 *
 * Returns: %TRUE if @link was in the session and is removed
 */
DEFINE_REMOVE (RgLink, link, LINK, LINKS)

/* Glossary */

/**
 * rg_session_get_terms:
 * @self: a #RgSession
 *
 * Returns: (transfer none): a #GListModel of #RgTerm: the glossary, in
 *   order
 */
/**
 * rg_session_add_term:
 * @self: a #RgSession
 * @term: a #RgTerm whose id the session does not hold yet
 */
/**
 * rg_session_insert_term:
 * @self: a #RgSession
 * @term: a #RgTerm whose id the session does not hold yet
 * @position: where to insert it; past the end means at the end
 */
/**
 * rg_session_find_term:
 * @self: a #RgSession
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the term with that id, or %NULL
 */
DEFINE_COLLECTION (RgTerm, term, terms, TERM, TERMS)

/**
 * rg_session_remove_term:
 * @self: a #RgSession
 * @term: a #RgTerm
 *
 * Returns: %TRUE if @term was in the session and is removed
 */
DEFINE_REMOVE (RgTerm, term, TERM, TERMS)

/* Criteria */

/**
 * rg_session_get_categories:
 * @self: a #RgSession
 *
 * Returns: (transfer none): a #GListModel of #RgCategory, in order
 */
/**
 * rg_session_add_category:
 * @self: a #RgSession
 * @category: a #RgCategory whose id the session does not hold yet
 */
/**
 * rg_session_insert_category:
 * @self: a #RgSession
 * @category: a #RgCategory whose id the session does not hold yet
 * @position: where to insert it; past the end means at the end
 */
/**
 * rg_session_find_category:
 * @self: a #RgSession
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the category with that id, or
 *   %NULL
 */
DEFINE_COLLECTION (RgCategory, category, categories, CATEGORY, CATEGORIES)

/**
 * rg_session_remove_category:
 * @self: a #RgSession
 * @category: a #RgCategory
 *
 * Removes the category with its criteria.
 *
 * Returns: %TRUE if @category was in the session and is removed
 */
DEFINE_REMOVE (RgCategory, category, CATEGORY, CATEGORIES)

/**
 * rg_session_find_criterion:
 * @self: a #RgSession
 * @id: a UUID
 * @category: (out) (optional) (transfer none): the category that holds it
 *
 * Looks in every category, each through its own index.
 *
 * Returns: (transfer none) (nullable): the criterion with that id, or
 *   %NULL
 */
RgCriterion *
rg_session_find_criterion (RgSession   *self,
                           const char  *id,
                           RgCategory **category)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (RG_IS_SESSION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  model = G_LIST_MODEL (self->stores[CATEGORIES]);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCategory) item = g_list_model_get_item (model, i);
      RgCriterion *criterion = rg_category_find_criterion (item, id);

      if (criterion != NULL)
        {
          if (category != NULL)
            *category = item;
          return criterion;
        }
    }

  if (category != NULL)
    *category = NULL;

  return NULL;
}

/* Actions */

/**
 * rg_session_get_actions:
 * @self: a #RgSession
 *
 * Returns: (transfer none): a #GListModel of #RgAction, in order
 */
/**
 * rg_session_add_action:
 * @self: a #RgSession
 * @action: a #RgAction whose id the session does not hold yet
 */
/**
 * rg_session_insert_action:
 * @self: a #RgSession
 * @action: a #RgAction whose id the session does not hold yet
 * @position: where to insert it; past the end means at the end
 */
/**
 * rg_session_find_action:
 * @self: a #RgSession
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the action with that id, or %NULL
 */
DEFINE_COLLECTION (RgAction, action, actions, ACTION, ACTIONS)

/**
 * rg_session_remove_action:
 * @self: a #RgSession
 * @action: a #RgAction
 *
 * Returns: %TRUE if @action was in the session and is removed
 */
DEFINE_REMOVE (RgAction, action, ACTION, ACTIONS)

/* Consents */

/**
 * rg_session_get_consents:
 * @self: a #RgSession
 *
 * Returns: (transfer none): a #GListModel of #RgConsent, in order
 */
/**
 * rg_session_add_consent:
 * @self: a #RgSession
 * @consent: a #RgConsent whose id the session does not hold yet
 */
/**
 * rg_session_insert_consent:
 * @self: a #RgSession
 * @consent: a #RgConsent whose id the session does not hold yet
 * @position: where to insert it; past the end means at the end
 */
/**
 * rg_session_find_consent:
 * @self: a #RgSession
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the consent with that id, or %NULL
 */
DEFINE_COLLECTION (RgConsent, consent, consents, CONSENT, CONSENTS)

/**
 * rg_session_remove_consent:
 * @self: a #RgSession
 * @consent: a #RgConsent
 *
 * Returns: %TRUE if @consent was in the session and is removed
 */
DEFINE_REMOVE (RgConsent, consent, CONSENT, CONSENTS)

/* Items to review */

/**
 * rg_session_get_review_items:
 * @self: a #RgSession
 *
 * Returns: (transfer none): a #GListModel of #RgReviewItem: what the
 *   previous session left open, in order
 */
/**
 * rg_session_add_review_item:
 * @self: a #RgSession
 * @item: a #RgReviewItem whose id the session does not hold yet
 */
/**
 * rg_session_insert_review_item:
 * @self: a #RgSession
 * @item: a #RgReviewItem whose id the session does not hold yet
 * @position: where to insert it; past the end means at the end
 */
/**
 * rg_session_find_review_item:
 * @self: a #RgSession
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the item with that id, or %NULL
 */
DEFINE_COLLECTION (RgReviewItem, review_item, review_items, REVIEW_ITEM, REVIEW_ITEMS)

/**
 * rg_session_remove_review_item:
 * @self: a #RgSession
 * @item: a #RgReviewItem
 *
 * Returns: %TRUE if @item was in the session and is removed
 */
DEFINE_REMOVE (RgReviewItem, review_item, REVIEW_ITEM, REVIEW_ITEMS)

/* Conflicts */

/**
 * rg_session_get_conflicts:
 * @self: a #RgSession
 *
 * Returns: (transfer none): a #GListModel of #RgConflict: the fields a
 *   merge found changed on both sides, whose other value is still to
 *   be chosen or dismissed (see rg_session_merge ()), in order
 */
/**
 * rg_session_add_conflict:
 * @self: a #RgSession
 * @conflict: a #RgConflict whose id the session does not hold yet
 */
/**
 * rg_session_insert_conflict:
 * @self: a #RgSession
 * @conflict: a #RgConflict whose id the session does not hold yet
 * @position: where to insert it; past the end means at the end
 */
/**
 * rg_session_find_conflict:
 * @self: a #RgSession
 * @id: a UUID
 *
 * Returns: (transfer none) (nullable): the conflict with that id, or
 *   %NULL
 */
DEFINE_COLLECTION (RgConflict, conflict, conflicts, CONFLICT, CONFLICTS)

/**
 * rg_session_remove_conflict:
 * @self: a #RgSession
 * @conflict: a #RgConflict
 *
 * Forgets the conflict; the field it is about keeps its value.
 *
 * Returns: %TRUE if @conflict was in the session and is removed
 */
DEFINE_REMOVE (RgConflict, conflict, CONFLICT, CONFLICTS)

