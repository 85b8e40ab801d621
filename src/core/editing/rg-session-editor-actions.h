/* rg-session-editor-actions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rg-session-editor.h"

G_BEGIN_DECLS

#define RG_ACTION_EDIT_ERROR (rg_action_edit_error_quark ())

/**
 * RgActionEditError:
 * @RG_ACTION_EDIT_ERROR_INVALID_DATE: a date is not a date of the
 *   calendar written year-month-day
 *
 * Why an edit of the actions, the next review or the consents could not
 * be made.
 */
typedef enum
{
  RG_ACTION_EDIT_ERROR_INVALID_DATE,
} RgActionEditError;

GQuark     rg_action_edit_error_quark             (void);

gboolean   rg_action_is_overdue                   (RgAction         *action,
                                                   const char       *today);

gboolean   rg_session_editor_set_next_review      (RgSessionEditor  *self,
                                                   const char       *date,
                                                   GError          **error);

RgAction  *rg_session_editor_add_action           (RgSessionEditor  *self,
                                                   const char       *what);
void       rg_session_editor_remove_action        (RgSessionEditor  *self,
                                                   RgAction         *action);
void       rg_session_editor_set_action_what      (RgSessionEditor  *self,
                                                   RgAction         *action,
                                                   const char       *what);
void       rg_session_editor_set_action_owner     (RgSessionEditor  *self,
                                                   RgAction         *action,
                                                   const char       *partner_id);
gboolean   rg_session_editor_set_action_due       (RgSessionEditor  *self,
                                                   RgAction         *action,
                                                   const char       *due,
                                                   GError          **error);
void       rg_session_editor_set_action_status    (RgSessionEditor  *self,
                                                   RgAction         *action,
                                                   RgActionStatus    status);

RgConsent *rg_session_editor_add_consent          (RgSessionEditor  *self,
                                                   const char       *scope);
void       rg_session_editor_remove_consent       (RgSessionEditor  *self,
                                                   RgConsent        *consent);
void       rg_session_editor_set_consent_scope    (RgSessionEditor  *self,
                                                   RgConsent        *consent,
                                                   const char       *scope);
void       rg_session_editor_set_consent_shared_with (RgSessionEditor *self,
                                                      RgConsent       *consent,
                                                      const char      *shared_with);
gboolean   rg_session_editor_set_consent_date     (RgSessionEditor  *self,
                                                   RgConsent        *consent,
                                                   const char       *date,
                                                   GError          **error);
void       rg_session_editor_set_consent_recorder (RgSessionEditor  *self,
                                                   RgConsent        *consent,
                                                   const char       *partner_id);

G_END_DECLS
