// The catalogue of audited actions: one name per kind of event, used in the log, on the audit
// pages (each has a Swedish and an English label in audit-sv/en.ts) and by `mogna audit`.
export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'export_downloaded'
  | 'report_downloaded'
  | 'invitation_sent'
  | 'reminder_sent'
  | 'mail_bounced'
  | 'mail_texts_changed'
  | 'respondent_added'
  | 'respondents_imported'
  | 'respondent_removed'
  | 'round_opened'
  | 'round_closed'
  | 'round_reopened'
  | 'membership_changed'
  | 'respondent_data_removed'
  | 'personal_data_exported'
  | 'personal_data_erased'
  | 'checklist_step_done'
  | 'checklist_step_undone'
  | 'study_created'
  | 'study_part_declined'
  | 'study_part_restored'
  | 'study_closed'
  | 'action_created'
  | 'action_updated'
  | 'action_status_changed'
  | 'actions_imported';

/** What an entry is about: an id of one of these, never a name or an address. */
export type AuditSubjectType = 'user' | 'round' | 'respondent' | 'organisation' | 'person' | 'study' | 'action';
