/* rg-library-record.c — what of a session goes into the library index
 *
 * The index is made from loaded sessions, never from its own reading of
 * the XML: a file is in the library exactly as the application would open
 * it, and one that the application would refuse is listed with the same
 * error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rg-library-record"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rg-library-private.h"
#include "rg-file-io.h"
#include "rg-session-xml.h"
#include "rg-session.h"

static void record_partner_clear     (gpointer data);
static void record_action_clear      (gpointer data);
static void record_link_clear        (gpointer data);
static void record_review_item_clear (gpointer data);
static void record_consent_clear     (gpointer data);
static void record_criterion_clear   (gpointer data);

static GArray *
objects_new (gsize          size,
             GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, size);

  g_array_set_clear_func (array, clear);
  return array;
}

/**
 * _rg_library_record_new:
 *
 * Returns: (transfer full): an empty record, to fill then finish with
 *   _rg_library_record_finish ()
 */
RgLibraryRecord *
_rg_library_record_new (void)
{
  RgLibraryRecord *record = g_new0 (RgLibraryRecord, 1);

  record->partners = g_array_new (FALSE, TRUE, sizeof (RgLibraryRecordPartner));
  g_array_set_clear_func (record->partners, record_partner_clear);
  record->dimensions = g_ptr_array_new_with_free_func (g_free);
  record->actions = objects_new (sizeof (RgLibraryRecordAction), record_action_clear);
  record->links = objects_new (sizeof (RgLibraryRecordLink), record_link_clear);
  record->review_items = objects_new (sizeof (RgLibraryRecordReviewItem),
                                      record_review_item_clear);
  record->consents = objects_new (sizeof (RgLibraryRecordConsent), record_consent_clear);
  record->criteria = objects_new (sizeof (RgLibraryRecordCriterion), record_criterion_clear);
  record->body = g_string_sized_new (4096);

  return record;
}

static void
digest_add (GChecksum  *checksum,
            const char *text)
{
  /* NUL-separated, and NULL apart from "": no two records give the same
   * stream. */
  if (text == NULL)
    g_checksum_update (checksum, (const guchar *) "\x01", 2);
  else
    g_checksum_update (checksum, (const guchar *) text, strlen (text) + 1);
}

static void
digest_add_uint (GChecksum *checksum,
                 guint      value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", value);
  digest_add (checksum, text);
}

/**
 * _rg_library_record_finish:
 * @record: a filled record
 *
 * Computes what derives from the rest: the partners as one line, and the
 * digest that tells whether two records of a file are the same.
 */
void
_rg_library_record_finish (RgLibraryRecord *record)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint i = 0; i < record->partners->len; i++)
    {
      const RgLibraryRecordPartner *p = &g_array_index (record->partners,
                                                        RgLibraryRecordPartner, i);

      if (summary->len > 0)
        g_string_append (summary, ", ");
      g_string_append (summary, p->name);
      if (p->profession != NULL)
        g_string_append_printf (summary, " (%s)", p->profession);
    }

  g_free (record->partners_summary);
  record->partners_summary = g_string_free (g_steal_pointer (&summary), FALSE);

  digest_add (checksum, record->id);
  digest_add (checksum, record->kind);
  digest_add (checksum, record->status);
  digest_add (checksum, record->title);
  digest_add (checksum, record->date);
  digest_add (checksum, record->situation_id);
  digest_add (checksum, record->situation_label);
  digest_add (checksum, record->situation_code);
  digest_add (checksum, record->next_review);
  digest_add (checksum, record->situation_text);
  for (guint i = 0; i < record->partners->len; i++)
    {
      const RgLibraryRecordPartner *p = &g_array_index (record->partners,
                                                        RgLibraryRecordPartner, i);

      digest_add (checksum, p->id);
      digest_add (checksum, p->name);
      digest_add (checksum, p->profession);
      digest_add (checksum, p->institution);
      digest_add (checksum, p->role);
      digest_add (checksum, p->contribution_asked);
      digest_add (checksum, p->contribution_received);
    }
  digest_add_uint (checksum, record->partners->len);
  for (guint i = 0; i < record->dimensions->len; i++)
    digest_add (checksum, g_ptr_array_index (record->dimensions, i));
  digest_add_uint (checksum, record->dimensions->len);
  digest_add (checksum, record->body->str);
  digest_add_uint (checksum, record->n_statements);
  digest_add_uint (checksum, record->n_agreements);
  digest_add_uint (checksum, record->n_divergences);
  digest_add_uint (checksum, record->n_complements);
  digest_add_uint (checksum, record->n_clarifications);
  digest_add_uint (checksum, record->n_open_divergences);
  for (guint i = 0; i < record->actions->len; i++)
    {
      const RgLibraryRecordAction *a = &g_array_index (record->actions,
                                                       RgLibraryRecordAction, i);

      digest_add (checksum, a->id);
      digest_add (checksum, a->what);
      digest_add (checksum, a->due);
      digest_add (checksum, a->status);
    }
  digest_add_uint (checksum, record->actions->len);
  for (guint i = 0; i < record->links->len; i++)
    {
      const RgLibraryRecordLink *l = &g_array_index (record->links, RgLibraryRecordLink, i);

      digest_add (checksum, l->id);
      digest_add (checksum, l->type);
      digest_add (checksum, l->status);
      digest_add (checksum, l->note);
    }
  digest_add_uint (checksum, record->links->len);
  for (guint i = 0; i < record->review_items->len; i++)
    {
      const RgLibraryRecordReviewItem *r = &g_array_index (record->review_items,
                                                           RgLibraryRecordReviewItem, i);

      digest_add (checksum, r->id);
      digest_add (checksum, r->type);
      digest_add_uint (checksum, r->reviewed);
      digest_add (checksum, r->note);
    }
  digest_add_uint (checksum, record->review_items->len);
  for (guint i = 0; i < record->consents->len; i++)
    {
      const RgLibraryRecordConsent *c = &g_array_index (record->consents,
                                                        RgLibraryRecordConsent, i);

      digest_add (checksum, c->id);
      digest_add (checksum, c->date);
      digest_add_uint (checksum, c->to_confirm);
    }
  digest_add_uint (checksum, record->consents->len);
  for (guint i = 0; i < record->criteria->len; i++)
    {
      const RgLibraryRecordCriterion *c = &g_array_index (record->criteria,
                                                          RgLibraryRecordCriterion, i);

      digest_add (checksum, c->id);
      digest_add_uint (checksum, c->agreed);
      digest_add_uint (checksum, c->met);
    }
  digest_add_uint (checksum, record->criteria->len);

  g_free (record->digest);
  record->digest = g_strdup (g_checksum_get_string (checksum));
}

/* Appends a zeroed object to @array and returns it, to fill. */
static gpointer
append_object (GArray *array)
{
  g_array_set_size (array, array->len + 1);
  return &g_array_index (array, char, (array->len - 1) * g_array_get_element_size (array));
}

RgLibraryRecordAction *
_rg_library_record_add_action (RgLibraryRecord *record)
{
  return append_object (record->actions);
}

RgLibraryRecordLink *
_rg_library_record_add_link (RgLibraryRecord *record)
{
  return append_object (record->links);
}

RgLibraryRecordReviewItem *
_rg_library_record_add_review_item (RgLibraryRecord *record)
{
  return append_object (record->review_items);
}

RgLibraryRecordConsent *
_rg_library_record_add_consent (RgLibraryRecord *record)
{
  return append_object (record->consents);
}

RgLibraryRecordCriterion *
_rg_library_record_add_criterion (RgLibraryRecord *record)
{
  return append_object (record->criteria);
}

static void
record_partner_clear (gpointer data)
{
  RgLibraryRecordPartner *p = data;

  g_free (p->id);
  g_free (p->name);
  g_free (p->profession);
  g_free (p->institution);
  g_free (p->role);
  g_free (p->contribution_asked);
  g_free (p->contribution_received);
}

static void
record_action_clear (gpointer data)
{
  RgLibraryRecordAction *a = data;

  g_free (a->id);
  g_free (a->what);
  g_free (a->due);
  g_free (a->status);
}

static void
record_link_clear (gpointer data)
{
  RgLibraryRecordLink *l = data;

  g_free (l->id);
  g_free (l->type);
  g_free (l->status);
  g_free (l->note);
}

static void
record_review_item_clear (gpointer data)
{
  RgLibraryRecordReviewItem *r = data;

  g_free (r->id);
  g_free (r->type);
  g_free (r->note);
}

static void
record_consent_clear (gpointer data)
{
  RgLibraryRecordConsent *c = data;

  g_free (c->id);
  g_free (c->date);
}

static void
record_criterion_clear (gpointer data)
{
  RgLibraryRecordCriterion *c = data;

  g_free (c->id);
}

void
_rg_library_record_free (RgLibraryRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->id);
  g_free (record->kind);
  g_free (record->status);
  g_free (record->title);
  g_free (record->date);
  g_free (record->situation_id);
  g_free (record->situation_label);
  g_free (record->situation_code);
  g_free (record->next_review);
  g_clear_pointer (&record->partners, g_array_unref);
  g_clear_pointer (&record->dimensions, g_ptr_array_unref);
  g_clear_pointer (&record->actions, g_array_unref);
  g_clear_pointer (&record->links, g_array_unref);
  g_clear_pointer (&record->review_items, g_array_unref);
  g_clear_pointer (&record->consents, g_array_unref);
  g_clear_pointer (&record->criteria, g_array_unref);
  g_free (record->partners_summary);
  g_free (record->situation_text);
  g_free (record->digest);
  if (record->body != NULL)
    g_string_free (record->body, TRUE);
  g_free (record);
}

/* One text per line: the tokenizer splits on the newline, and a phrase
 * never runs from one statement into the next. */
static void
add_line (GString    *body,
          const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  g_string_append (body, text);
  g_string_append_c (body, '\n');
}

/* Empty texts are absent, as rg-library-extract.c reads them. */
static char *
dup_text (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static char *
dup_date (const char *date)
{
  return date != NULL && rg_date_is_valid (date) ? g_strdup (date) : NULL;
}

static void
add_partners (RgLibraryRecord *record,
              RgSession       *session)
{
  GListModel *partners = rg_session_get_partners (session);
  guint n = g_list_model_get_n_items (partners);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgPartner) partner = g_list_model_get_item (partners, i);
      RgLibraryRecordPartner p;

      p.id = g_strdup (rg_partner_get_id (partner));
      p.name = g_strdup (rg_partner_get_name (partner));
      p.profession = g_strdup (rg_partner_get_profession (partner));
      p.institution = g_strdup (rg_partner_get_institution (partner));
      p.role = g_strdup (rg_partner_role_to_string (rg_partner_get_role (partner)));
      p.contribution_asked = dup_date (rg_partner_get_contribution_asked (partner));
      p.contribution_received = dup_date (rg_partner_get_contribution_received (partner));
      g_array_append_val (record->partners, p);
    }
}

static void
add_dimensions (RgLibraryRecord *record,
                RgSession       *session)
{
  GListModel *dimensions = rg_session_get_dimensions (session);
  guint n = g_list_model_get_n_items (dimensions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgDimension) dimension = g_list_model_get_item (dimensions, i);

      g_ptr_array_add (record->dimensions, g_strdup (rg_dimension_get_name (dimension)));
      add_line (record->body, rg_dimension_get_name (dimension));
      add_line (record->body, rg_dimension_get_synthesis (dimension));
    }
}

static void
add_statements (RgLibraryRecord *record,
                RgSession       *session)
{
  GListModel *statements = rg_session_get_statements (session);
  guint n = g_list_model_get_n_items (statements);

  record->n_statements = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgStatement) statement = g_list_model_get_item (statements, i);

      add_line (record->body, rg_statement_get_text (statement));
    }
}

static void
add_links (RgLibraryRecord *record,
           RgSession       *session)
{
  GListModel *links = rg_session_get_links (session);
  guint n = g_list_model_get_n_items (links);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgLink) link = g_list_model_get_item (links, i);
      RgLibraryRecordLink *l = _rg_library_record_add_link (record);

      l->id = g_strdup (rg_link_get_id (link));
      l->type = g_strdup (rg_link_type_to_string (rg_link_get_link_type (link)));
      l->status = g_strdup (rg_link_status_to_string (rg_link_get_status (link)));
      l->note = dup_text (rg_link_get_note (link));

      switch (rg_link_get_link_type (link))
        {
        case RG_LINK_TYPE_AGREEMENT:
          record->n_agreements++;
          break;

        case RG_LINK_TYPE_DIVERGENCE:
          record->n_divergences++;
          if (rg_link_get_status (link) == RG_LINK_STATUS_OPEN)
            record->n_open_divergences++;
          break;

        case RG_LINK_TYPE_COMPLEMENT:
          record->n_complements++;
          break;

        case RG_LINK_TYPE_CLARIFY:
          record->n_clarifications++;
          break;

        default:
          break;
        }

      add_line (record->body, rg_link_get_note (link));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_glossary (RgLibraryRecord *record,
              RgSession       *session)
{
  GListModel *terms = rg_session_get_terms (session);
  guint n = g_list_model_get_n_items (terms);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgTerm) term = g_list_model_get_item (terms, i);
      g_autofree const char **partners = NULL;
      guint n_partners = 0;

      /* By partner id: an order that does not depend on how the model
       * keeps meanings, which rg-library-extract.c can give too. */
      partners = (const char **) g_strdupv ((char **) rg_term_get_meaning_partners (term));
      n_partners = partners != NULL ? g_strv_length ((char **) partners) : 0;
      if (n_partners > 1)
        g_qsort_with_data (partners, n_partners, sizeof (char *), compare_strings, NULL);

      add_line (record->body, rg_term_get_word (term));
      for (guint j = 0; j < n_partners; j++)
        add_line (record->body, rg_term_get_meaning (term, partners[j]));
      add_line (record->body, rg_term_get_agreed_meaning (term));
      g_strfreev ((char **) g_steal_pointer (&partners));
    }
}

static void
add_criteria (RgLibraryRecord *record,
              RgSession       *session)
{
  GListModel *categories = rg_session_get_categories (session);
  guint n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgCategory) category = g_list_model_get_item (categories, i);
      GListModel *criteria = rg_category_get_criteria (category);
      guint n_criteria = g_list_model_get_n_items (criteria);

      add_line (record->body, rg_category_get_name (category));

      for (guint j = 0; j < n_criteria; j++)
        {
          g_autoptr(RgCriterion) criterion = g_list_model_get_item (criteria, j);
          const char * const *indicators = rg_criterion_get_indicators (criterion);
          RgLibraryRecordCriterion *c = _rg_library_record_add_criterion (record);

          c->id = g_strdup (rg_criterion_get_id (criterion));
          c->agreed = rg_criterion_get_agreed (criterion);
          c->met = rg_criterion_get_met (criterion);

          add_line (record->body, rg_criterion_get_text (criterion));
          for (guint k = 0; indicators != NULL && indicators[k] != NULL; k++)
            add_line (record->body, indicators[k]);
        }
    }
}

static void
add_actions (RgLibraryRecord *record,
             RgSession       *session)
{
  GListModel *actions = rg_session_get_actions (session);
  GListModel *consents = rg_session_get_consents (session);
  guint n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgAction) action = g_list_model_get_item (actions, i);
      RgLibraryRecordAction *a = _rg_library_record_add_action (record);

      a->id = g_strdup (rg_action_get_id (action));
      a->what = dup_text (rg_action_get_what (action));
      a->due = dup_date (rg_action_get_due (action));
      a->status = g_strdup (rg_action_status_to_string (rg_action_get_status (action)));
      add_line (record->body, rg_action_get_what (action));
    }

  n = g_list_model_get_n_items (consents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgConsent) consent = g_list_model_get_item (consents, i);
      RgLibraryRecordConsent *c = _rg_library_record_add_consent (record);

      c->id = g_strdup (rg_consent_get_id (consent));
      c->date = dup_date (rg_consent_get_date (consent));
      c->to_confirm = rg_consent_get_to_confirm (consent);

      add_line (record->body, rg_consent_get_scope (consent));
      add_line (record->body, rg_consent_get_shared_with (consent));
    }
}

static void
add_review_items (RgLibraryRecord *record,
                  RgSession       *session)
{
  GListModel *items = rg_session_get_review_items (session);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RgReviewItem) item = g_list_model_get_item (items, i);
      RgLibraryRecordReviewItem *r = _rg_library_record_add_review_item (record);

      r->id = g_strdup (rg_review_item_get_id (item));
      r->type = g_strdup (rg_link_type_to_string (rg_review_item_get_link_type (item)));
      r->reviewed = rg_review_item_get_reviewed (item);
      r->note = dup_text (rg_review_item_get_note (item));
    }
}

static char *
situation_text (RgSession *session)
{
  const char * const *names = rg_session_get_person_names (session);
  GString *text = g_string_new (NULL);

  add_line (text, rg_session_get_situation_label (session));
  add_line (text, rg_session_get_situation_code (session));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    add_line (text, names[i]);

  return g_string_free (text, FALSE);
}

/**
 * _rg_library_record_new_from_session:
 * @session: a loaded or edited session
 *
 * Collects what the index keeps of @session: its header, partners,
 * dimensions, counts, and all its text for the full-text search.
 *
 * Returns: (transfer full): a new record
 */
RgLibraryRecord *
_rg_library_record_new_from_session (RgSession *session)
{
  RgLibraryRecord *record;

  g_return_val_if_fail (RG_IS_SESSION (session), NULL);

  record = _rg_library_record_new ();

  record->id = g_strdup (rg_session_get_id (session));
  record->kind = g_strdup (rg_session_kind_to_string (rg_session_get_kind (session)));
  record->status = g_strdup (rg_session_status_to_string (rg_session_get_status (session)));
  record->title = g_strdup (rg_session_get_title (session));
  record->date = g_strdup (rg_session_get_date (session));
  record->situation_id = g_strdup (rg_session_get_situation_id (session));
  record->situation_label = g_strdup (rg_session_get_situation_label (session));
  record->situation_code = g_strdup (rg_session_get_situation_code (session));
  record->next_review = g_strdup (rg_session_get_next_review (session));
  record->situation_text = situation_text (session);

  add_line (record->body, rg_session_get_place (session));
  add_line (record->body, rg_session_get_facilitator (session));
  add_partners (record, session);
  add_dimensions (record, session);
  add_statements (record, session);
  add_links (record, session);
  add_glossary (record, session);
  add_criteria (record, session);
  add_actions (record, session);
  add_review_items (record, session);
  _rg_library_record_finish (record);

  return record;
}

/**
 * _rg_library_read_file:
 * @path: a session file
 * @error: a location for a #GError
 *
 * Reads @path whole, within the size limit of sessions. Plain reads for
 * the common case; anything out of the ordinary (too large, unreadable,
 * changing while read) is left to rg_file_read_bounded (), whose error
 * messages the application shows too.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error
 *   set
 */
GBytes *
_rg_library_read_file (const char  *path,
                       GError     **error)
{
  g_autoptr(GFile) file = NULL;
  struct stat st;
  guint8 *data;
  gsize done = 0;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd >= 0 && fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
      st.st_size > 0 && st.st_size <= RG_SESSION_MAX_SIZE)
    {
      /* One byte more than announced, to see a file that grew. */
      data = g_malloc (st.st_size + 1);
      for (;;)
        {
          gssize n = read (fd, data + done, st.st_size + 1 - done);

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            break;
          done += n;
          if (done == (gsize) st.st_size + 1)
            break;
        }

      if (done == (gsize) st.st_size)
        {
          close (fd);
          return g_bytes_new_take (data, done);
        }

      g_free (data);
    }

  if (fd >= 0)
    close (fd);

  file = g_file_new_for_path (path);
  return rg_file_read_bounded (file, RG_SESSION_MAX_SIZE, NULL, NULL, error);
}

/**
 * _rg_library_record_load:
 * @path: a session file
 * @bytes: (nullable): its contents if already read
 * @error: a location for a #GError
 *
 * Reads and loads @path as the application opens a session (same size
 * limit, same checks), then collects its record. Safe to call from any
 * thread.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @error
 *   saying why the file cannot be loaded
 */
RgLibraryRecord *
_rg_library_record_load (const char  *path,
                         GBytes      *bytes,
                         GError     **error)
{
  g_autoptr(GBytes) read = NULL;
  g_autoptr(RgSession) session = NULL;

  if (bytes == NULL)
    {
      bytes = read = _rg_library_read_file (path, error);
      if (bytes == NULL)
        return NULL;
    }

  session = rg_session_new_from_bytes (bytes, error);
  if (session == NULL)
    return NULL;

  return _rg_library_record_new_from_session (session);
}
