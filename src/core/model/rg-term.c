/* rg-term.c — a word the team clarifies
 *
 * “Ce que chacun met derrière un mot”: for one word, what each partner
 * means by it (at most one meaning per partner, kept in the order they
 * were given), then the meaning the team agrees on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-term"

#include "config.h"

#include "rg-enums.h"
#include "rg-term.h"
#include "rg-types-private.h"

/* Shorthands for the property table */
#define FIELD(name) G_STRUCT_OFFSET (RgTerm, name)
#define SETTER(name) G_CALLBACK (rg_term_set_##name)

struct _RgTerm
{
  GObject       parent_instance;

  char         *id;
  char         *word;
  char         *agreed_meaning;
  /* Parallel arrays: meaning_texts[i] is what meaning_partners[i] means */
  GPtrArray    *meaning_partners;
  GPtrArray    *meaning_texts;
  RgTermStatus  status;
};

G_DEFINE_FINAL_TYPE (RgTerm, rg_term, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WORD,
  PROP_STATUS,
  PROP_AGREED_MEANING,
  PROP_MEANINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* All but PROP_MEANINGS, made from the two arrays when read */
static const RgProperty property_table [PROP_MEANINGS] = {
  [PROP_ID]             = { "id", RG_PROPERTY_ID, FIELD (id) },
  [PROP_WORD]           = { "word", RG_PROPERTY_TEXT, FIELD (word), SETTER (word), .text = "" },
  [PROP_STATUS]         = { "status", RG_PROPERTY_ENUM, FIELD (status), SETTER (status),
                            rg_term_status_get_type, RG_TERM_STATUS_OPEN },
  [PROP_AGREED_MEANING] = { "agreed-meaning", RG_PROPERTY_TEXT, FIELD (agreed_meaning),
                            SETTER (agreed_meaning) },
};

static GVariant *
rg_term_dup_meanings (RgTerm *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; i < self->meaning_partners->len; i++)
    g_variant_builder_add (&builder, "(ss)",
                           g_ptr_array_index (self->meaning_partners, i),
                           g_ptr_array_index (self->meaning_texts, i));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
rg_term_finalize (GObject *object)
{
  RgTerm *self = (RgTerm *)object;

  _rg_properties_clear (self, property_table, PROP_MEANINGS);
  g_clear_pointer (&self->meaning_partners, g_ptr_array_unref);
  g_clear_pointer (&self->meaning_texts, g_ptr_array_unref);

  G_OBJECT_CLASS (rg_term_parent_class)->finalize (object);
}

static void
rg_term_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  if (prop_id == PROP_MEANINGS)
    g_value_take_variant (value, rg_term_dup_meanings (RG_TERM (object)));
  else
    _rg_properties_get (object, prop_id, value, pspec);
}

static void
rg_term_class_init (RgTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rg_term_finalize;

  _rg_properties_install (object_class, property_table, PROP_MEANINGS, properties);
  object_class->get_property = rg_term_get_property;

  /**
   * RgTerm:meanings:
   *
   * Each partner's meaning, as an array of (partner id, meaning) pairs in
   * order (`a(ss)`). Notified whenever rg_term_set_meaning () changes
   * anything.
   */
  properties [PROP_MEANINGS] =
    g_param_spec_variant ("meanings", NULL, NULL,
                          G_VARIANT_TYPE ("a(ss)"),
                          NULL,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_MEANINGS, properties [PROP_MEANINGS]);
}

static void
rg_term_init (RgTerm *self)
{
  _rg_properties_init (self, property_table, PROP_MEANINGS);
  self->meaning_partners = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->meaning_texts = g_ptr_array_new_with_free_func (g_free);
}

/**
 * rg_term_new:
 * @word: (nullable): the word to clarify
 *
 * Returns: (transfer full): a new open #RgTerm with a new id
 */
RgTerm *
rg_term_new (const char *word)
{
  return g_object_new (RG_TYPE_TERM, "word", word, NULL);
}

/**
 * rg_term_get_id:
 * @self: a #RgTerm
 *
 * Returns: (transfer none): the term's UUID
 */
RG_DEFINE_GETTER (RgTerm, rg_term, TERM, const char *, id, NULL)

/**
 * rg_term_get_word:
 * @self: a #RgTerm
 *
 * Returns: (transfer none): the word, never %NULL
 */
/**
 * rg_term_set_word:
 * @self: a #RgTerm
 * @word: (nullable): the word to clarify
 */
RG_DEFINE_TEXT_PROPERTY (RgTerm, rg_term, TERM, word, WORD, TRUE)

/**
 * rg_term_get_status:
 * @self: a #RgTerm
 *
 * Returns: whether the team has agreed on a meaning yet
 */
/**
 * rg_term_set_status:
 * @self: a #RgTerm
 * @status: a #RgTermStatus
 */
RG_DEFINE_ENUM_PROPERTY (RgTerm, rg_term, TERM, RgTermStatus, status, STATUS,
                         RG_TERM_STATUS_OPEN, RG_TERM_STATUS_AGREED)

/**
 * rg_term_get_agreed_meaning:
 * @self: a #RgTerm
 *
 * Returns: (transfer none) (nullable): the meaning the team agreed on,
 *   %NULL if none yet
 */
/**
 * rg_term_set_agreed_meaning:
 * @self: a #RgTerm
 * @agreed_meaning: (nullable): the agreed meaning; %NULL or "" for none
 */
RG_DEFINE_OPTIONAL_TEXT_PROPERTY (RgTerm, rg_term, TERM, agreed_meaning, AGREED_MEANING, TRUE)

/**
 * rg_term_get_meaning_partners:
 * @self: a #RgTerm
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   partners who gave a meaning, in order; valid until the meanings change
 */
const char * const *
rg_term_get_meaning_partners (RgTerm *self)
{
  g_return_val_if_fail (RG_IS_TERM (self), NULL);

  return (const char * const *) self->meaning_partners->pdata;
}

/**
 * rg_term_get_meaning:
 * @self: a #RgTerm
 * @partner_id: the id of a partner
 *
 * Returns: (transfer none) (nullable): what that partner means by the
 *   word, %NULL if they have not said
 */
const char *
rg_term_get_meaning (RgTerm     *self,
                     const char *partner_id)
{
  guint position;

  g_return_val_if_fail (RG_IS_TERM (self), NULL);
  g_return_val_if_fail (partner_id != NULL, NULL);

  if (!g_ptr_array_find_with_equal_func (self->meaning_partners, partner_id,
                                         g_str_equal, &position))
    return NULL;

  return g_ptr_array_index (self->meaning_texts, position);
}

/**
 * rg_term_set_meaning:
 * @self: a #RgTerm
 * @partner_id: the id of a partner
 * @meaning: (nullable): what that partner means by the word; %NULL or ""
 *   to remove their meaning
 *
 * A partner who already gave a meaning keeps their place in the order;
 * a new one comes last.
 */
void
rg_term_set_meaning (RgTerm     *self,
                     const char *partner_id,
                     const char *meaning)
{
  guint position;
  gboolean found;

  g_return_if_fail (RG_IS_TERM (self));
  g_return_if_fail (rg_id_is_valid (partner_id));

  found = g_ptr_array_find_with_equal_func (self->meaning_partners, partner_id,
                                            g_str_equal, &position);

  if (meaning == NULL || meaning[0] == '\0')
    {
      if (!found)
        return;

      g_ptr_array_remove_index (self->meaning_partners, position);
      g_ptr_array_remove_index (self->meaning_texts, position);
    }
  else if (found)
    {
      char **text = (char **) &g_ptr_array_index (self->meaning_texts, position);

      if (!_rg_set_text (text, meaning, FALSE))
        return;
    }
  else
    {
      g_ptr_array_add (self->meaning_partners, g_strdup (partner_id));
      g_ptr_array_add (self->meaning_texts, g_strdup (meaning));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEANINGS]);
}
