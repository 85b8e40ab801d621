/* rg-types.h — the names of the model, and its enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RgAction    RgAction;
typedef struct _RgCategory  RgCategory;
typedef struct _RgConflict  RgConflict;
typedef struct _RgConsent   RgConsent;
typedef struct _RgCriterion RgCriterion;
typedef struct _RgDimension RgDimension;
typedef struct _RgLink      RgLink;
typedef struct _RgPartner   RgPartner;
typedef struct _RgReviewItem RgReviewItem;
typedef struct _RgSession   RgSession;
typedef struct _RgStatement RgStatement;
typedef struct _RgTerm      RgTerm;

/* The values of each enumeration are written in the file as the words
 * given by rg_*_to_string (); never renumber or rename them without a
 * migration (see docs/file-format.md). */

typedef enum
{
  RG_SESSION_STATUS_PREPARING,
  RG_SESSION_STATUS_HELD,
  RG_SESSION_STATUS_CLOSED,
} RgSessionStatus;

typedef enum
{
  RG_SESSION_KIND_SESSION,
  RG_SESSION_KIND_CONTRIBUTION,
} RgSessionKind;

typedef enum
{
  RG_PARTNER_ROLE_PROFESSIONAL,
  RG_PARTNER_ROLE_FAMILY,
  RG_PARTNER_ROLE_YOUNG_PERSON,
  RG_PARTNER_ROLE_COORDINATOR,
} RgPartnerRole;

typedef enum
{
  RG_STATEMENT_KIND_FACT,
  RG_STATEMENT_KIND_INTERPRETATION,
  RG_STATEMENT_KIND_DIFFICULTY,
  RG_STATEMENT_KIND_RESOURCE,
  RG_STATEMENT_KIND_PROPOSAL,
} RgStatementKind;

typedef enum
{
  RG_LINK_TYPE_AGREEMENT,
  RG_LINK_TYPE_DIVERGENCE,
  RG_LINK_TYPE_COMPLEMENT,
  RG_LINK_TYPE_CLARIFY,
} RgLinkType;

typedef enum
{
  RG_LINK_STATUS_OPEN,
  RG_LINK_STATUS_SETTLED,
} RgLinkStatus;

typedef enum
{
  RG_TERM_STATUS_OPEN,
  RG_TERM_STATUS_AGREED,
} RgTermStatus;

typedef enum
{
  RG_ACTION_STATUS_PLANNED,
  RG_ACTION_STATUS_IN_PROGRESS,
  RG_ACTION_STATUS_DONE,
  RG_ACTION_STATUS_CANCELLED,
} RgActionStatus;

/* What a conflict of a merge is about (see rg-merge.c): the session
 * itself or one of the kinds of objects it holds. */
typedef enum
{
  RG_OBJECT_KIND_SESSION,
  RG_OBJECT_KIND_PARTNER,
  RG_OBJECT_KIND_DIMENSION,
  RG_OBJECT_KIND_STATEMENT,
  RG_OBJECT_KIND_LINK,
  RG_OBJECT_KIND_TERM,
  RG_OBJECT_KIND_CATEGORY,
  RG_OBJECT_KIND_CRITERION,
  RG_OBJECT_KIND_ACTION,
  RG_OBJECT_KIND_CONSENT,
  RG_OBJECT_KIND_REVIEW_ITEM,
} RgObjectKind;

const char *rg_session_status_to_string   (RgSessionStatus   status);
gboolean    rg_session_status_from_string (const char       *str,
                                           RgSessionStatus  *status);
const char *rg_session_status_get_label   (RgSessionStatus   status);

const char *rg_session_kind_to_string     (RgSessionKind     kind);
gboolean    rg_session_kind_from_string   (const char       *str,
                                           RgSessionKind    *kind);
const char *rg_session_kind_get_label     (RgSessionKind     kind);

const char *rg_partner_role_to_string     (RgPartnerRole     role);
gboolean    rg_partner_role_from_string   (const char       *str,
                                           RgPartnerRole    *role);
const char *rg_partner_role_get_label     (RgPartnerRole     role);

const char *rg_statement_kind_to_string   (RgStatementKind   kind);
gboolean    rg_statement_kind_from_string (const char       *str,
                                           RgStatementKind  *kind);
const char *rg_statement_kind_get_label   (RgStatementKind   kind);

const char *rg_link_type_to_string        (RgLinkType        type);
gboolean    rg_link_type_from_string      (const char       *str,
                                           RgLinkType       *type);
const char *rg_link_type_get_label        (RgLinkType        type);

const char *rg_link_status_to_string      (RgLinkStatus      status);
gboolean    rg_link_status_from_string    (const char       *str,
                                           RgLinkStatus     *status);
const char *rg_link_status_get_label      (RgLinkStatus      status);

const char *rg_term_status_to_string      (RgTermStatus      status);
gboolean    rg_term_status_from_string    (const char       *str,
                                           RgTermStatus     *status);
const char *rg_term_status_get_label      (RgTermStatus      status);

const char *rg_action_status_to_string    (RgActionStatus    status);
gboolean    rg_action_status_from_string  (const char       *str,
                                           RgActionStatus   *status);
const char *rg_action_status_get_label    (RgActionStatus    status);

const char *rg_object_kind_to_string      (RgObjectKind      kind);
gboolean    rg_object_kind_from_string    (const char       *str,
                                           RgObjectKind     *kind);
const char *rg_object_kind_get_label      (RgObjectKind      kind);

gboolean    rg_id_is_valid                (const char       *id);
gboolean    rg_date_is_valid              (const char       *date);
char       *rg_date_new_today             (void);
char       *rg_date_format                (const char       *date);
gboolean    rg_colour_is_valid            (const char       *colour);
char       *rg_time_format                (GDateTime        *time);

guint       rg_list_model_find            (GListModel       *model,
                                           gpointer          item);

G_END_DECLS

#include "rg-enums.h"
