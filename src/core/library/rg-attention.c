/* rg-attention.c — what needs the coordinator's attention on a day
 *
 * Each item names a situation, the file of its latest session and, when
 * there is one, the object of that session it is about (an action, a
 * link or an item to review, a consent, a partner), so that the desk
 * opens the session at the right place. The rules are in
 * docs/library.md, "What needs attention"; the query is
 * _rg_library_db_list_attention ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-attention"

#include "config.h"

#include "rg-attention-private.h"

G_DEFINE_ENUM_TYPE (RgAttentionKind, rg_attention_kind,
                    G_DEFINE_ENUM_VALUE (RG_ATTENTION_ACTION_OVERDUE, "action-overdue"),
                    G_DEFINE_ENUM_VALUE (RG_ATTENTION_ACTION_DUE, "action-due"),
                    G_DEFINE_ENUM_VALUE (RG_ATTENTION_REVIEW_OVERDUE, "review-overdue"),
                    G_DEFINE_ENUM_VALUE (RG_ATTENTION_REVIEW_DUE, "review-due"),
                    G_DEFINE_ENUM_VALUE (RG_ATTENTION_OPEN_DIVERGENCE, "open-divergence"),
                    G_DEFINE_ENUM_VALUE (RG_ATTENTION_CONSENT_MISSING, "consent-missing"),
                    G_DEFINE_ENUM_VALUE (RG_ATTENTION_CONSENT_OLD, "consent-old"),
                    G_DEFINE_ENUM_VALUE (RG_ATTENTION_RETENTION_DUE, "retention-due"),
                    G_DEFINE_ENUM_VALUE (RG_ATTENTION_CONTRIBUTION_AWAITED,
                                         "contribution-awaited"))

G_DEFINE_FINAL_TYPE (RgAttentionItem, rg_attention_item, G_TYPE_OBJECT)

/* The words of the kinds, as `regards-cli attention --json` writes them */
static const char * const kind_words[] = {
  [RG_ATTENTION_ACTION_OVERDUE] = "action-overdue",
  [RG_ATTENTION_ACTION_DUE] = "action-due",
  [RG_ATTENTION_REVIEW_OVERDUE] = "review-overdue",
  [RG_ATTENTION_REVIEW_DUE] = "review-due",
  [RG_ATTENTION_OPEN_DIVERGENCE] = "open-divergence",
  [RG_ATTENTION_CONSENT_MISSING] = "consent-missing",
  [RG_ATTENTION_CONSENT_OLD] = "consent-old",
  [RG_ATTENTION_RETENTION_DUE] = "retention-due",
  [RG_ATTENTION_CONTRIBUTION_AWAITED] = "contribution-awaited",
};

/**
 * rg_attention_kind_to_string:
 * @kind: a kind of item
 *
 * Returns: (transfer none): its word: `action-overdue`, `action-due`,
 *   `review-overdue`, `review-due`, `open-divergence`, `consent-missing`,
 *   `consent-old`, `retention-due` or `contribution-awaited`
 */
const char *
rg_attention_kind_to_string (RgAttentionKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_words), NULL);

  return kind_words[kind];
}

/**
 * rg_attention_kind_from_string:
 * @text: (nullable): a word of rg_attention_kind_to_string ()
 * @kind: (out): its kind
 *
 * Returns: whether @text is the word of a kind
 */
gboolean
rg_attention_kind_from_string (const char      *text,
                               RgAttentionKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_words); i++)
    if (g_str_equal (text, kind_words[i]))
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

enum {
  PROP_0,
  PROP_KIND,
  PROP_SITUATION_ID,
  PROP_SITUATION_LABEL,
  PROP_SITUATION_CODE,
  PROP_PATH,
  PROP_DATE,
  PROP_OBJECT_ID,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rg_attention_item_finalize (GObject *object)
{
  RgAttentionItem *self = (RgAttentionItem *) object;

  g_free (self->situation_id);
  g_free (self->situation_label);
  g_free (self->situation_code);
  g_free (self->path);
  g_free (self->date);
  g_free (self->object_id);
  g_free (self->text);

  G_OBJECT_CLASS (rg_attention_item_parent_class)->finalize (object);
}

static void
rg_attention_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RgAttentionItem *self = RG_ATTENTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_SITUATION_ID:
      g_value_set_string (value, self->situation_id);
      break;

    case PROP_SITUATION_LABEL:
      g_value_set_string (value, self->situation_label);
      break;

    case PROP_SITUATION_CODE:
      g_value_set_string (value, self->situation_code);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_OBJECT_ID:
      g_value_set_string (value, self->object_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rg_attention_item_class_init (RgAttentionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rg_attention_item_finalize;
  object_class->get_property = rg_attention_item_get_property;

  /* Made by the index, never changed: every property is read-only. */
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RG_TYPE_ATTENTION_KIND,
                       RG_ATTENTION_ACTION_OVERDUE, flags);
  properties [PROP_SITUATION_ID] = g_param_spec_string ("situation-id", NULL, NULL, NULL, flags);
  properties [PROP_SITUATION_LABEL] =
    g_param_spec_string ("situation-label", NULL, NULL, NULL, flags);
  properties [PROP_SITUATION_CODE] =
    g_param_spec_string ("situation-code", NULL, NULL, NULL, flags);
  properties [PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties [PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties [PROP_OBJECT_ID] = g_param_spec_string ("object-id", NULL, NULL, NULL, flags);
  properties [PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rg_attention_item_init (RgAttentionItem *self)
{
}

#define DEFINE_GETTER(Type, name, fallback)                       \
  Type                                                            \
  rg_attention_item_get_##name (RgAttentionItem *self)            \
  {                                                               \
    g_return_val_if_fail (RG_IS_ATTENTION_ITEM (self), fallback); \
                                                                  \
    return self->name;                                            \
  }

/**
 * rg_attention_item_get_kind:
 * @self: a #RgAttentionItem
 *
 * Returns: why the situation needs attention
 */
DEFINE_GETTER (RgAttentionKind, kind, RG_ATTENTION_ACTION_OVERDUE)

/**
 * rg_attention_item_get_situation_id:
 * @self: a #RgAttentionItem
 *
 * Returns: (transfer none): the situation's UUID
 */
DEFINE_GETTER (const char *, situation_id, NULL)

/**
 * rg_attention_item_get_situation_label:
 * @self: a #RgAttentionItem
 *
 * Returns: (transfer none) (nullable): the situation's label, as its
 *   latest session writes it
 */
DEFINE_GETTER (const char *, situation_label, NULL)

/**
 * rg_attention_item_get_situation_code:
 * @self: a #RgAttentionItem
 *
 * Returns: (transfer none) (nullable): the situation's code, or %NULL
 */
DEFINE_GETTER (const char *, situation_code, NULL)

/**
 * rg_attention_item_get_path:
 * @self: a #RgAttentionItem
 *
 * Returns: (transfer none): the file of the situation's latest session,
 *   an absolute path as rg_library_entry_get_path () gives it
 */
DEFINE_GETTER (const char *, path, NULL)

/**
 * rg_attention_item_get_date:
 * @self: a #RgAttentionItem
 *
 * Returns: (transfer none): `YYYY-MM-DD`: the action's due date, the
 *   review's date, the consent's date, the day the contribution was
 *   asked, or else the session's date
 */
DEFINE_GETTER (const char *, date, NULL)

/**
 * rg_attention_item_get_object_id:
 * @self: a #RgAttentionItem
 *
 * Returns: (transfer none) (nullable): the id of the action, link, item
 *   to review, consent or partner of the session the item is about;
 *   %NULL when it is about the session itself
 */
DEFINE_GETTER (const char *, object_id, NULL)

/**
 * rg_attention_item_get_text:
 * @self: a #RgAttentionItem
 *
 * Returns: (transfer none) (nullable): what names the object: an action's
 *   "what", a divergence's note, a partner's name; %NULL when none
 */
DEFINE_GETTER (const char *, text, NULL)
