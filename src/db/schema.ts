// Table types for Kysely. Portable across SQLite and PostgreSQL: ids are text (UUIDs made by
// the app), booleans are integers 0/1, instants are ISO-8601 text, money is integer öre.
import type { Generated, Selectable } from 'kysely';

export type OrganisationKind = 'kommun' | 'region' | 'myndighet' | 'kommunalforbund';
export type MembershipRole = 'coordinator' | 'analyst' | 'viewer';
export type RoundStatus = 'draft' | 'open' | 'closed';
export type ResponseStatus = 'in_progress' | 'submitted';

interface OrganisationsTable {
  id: string;
  name: string;
  kind: OrganisationKind;
  org_number: string | null;
  /** Inhabitants for kommun/region, employees for myndighet. */
  size: number | null;
  benchmark_opt_out: Generated<number>;
  created_at: string;
}

interface FederationMembersTable {
  federation_id: string;
  member_id: string;
}

interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_operator: Generated<number>;
  locale: Generated<string>;
  created_at: string;
  /** Set when the account was erased (0007-audit-log): it cannot log in, its personal fields are blank. */
  deactivated_at: Generated<string | null>;
}

interface MembershipsTable {
  user_id: string;
  organisation_id: string;
  role: MembershipRole;
}

interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

interface UnitsTable {
  id: string;
  organisation_id: string;
  parent_id: string | null;
  name: string;
}

export interface RoundsTable {
  id: string;
  organisation_id: string;
  year: number;
  name: string;
  status: RoundStatus;
  /** No longer written (0006): older rounds' open-link tokens were moved to `open_link_hash`. */
  open_link_token: string | null;
  /** SHA-256 of the open link's token (0006); the token itself is shown once to the coordinator. */
  open_link_hash: Generated<string | null>;
  /** Most respondents the open link may create (0006); null only for rounds without an open link. */
  open_link_cap: Generated<number | null>;
  anonymity_threshold: Generated<number>;
  /** Fewer submitted responses than this and the results page warns of over-estimation (0002-results). */
  small_sample_threshold: Generated<number>;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  /** The study the round belongs to, when a federation set it up (0014-studies). */
  study_id: Generated<string | null>;
  /** The last day answers are taken, YYYY-MM-DD in Europe/Stockholm (0014-studies). */
  closes_on: Generated<string | null>;
  /** Who respondents may contact about the round, named in every mail (0014-studies). */
  contact_name: Generated<string | null>;
  contact_email: Generated<string | null>;
  /** Days before closes_on on which a reminder goes by itself, e.g. '7,2'; '' for none (0014-studies). */
  reminder_days: Generated<string>;
}

interface RoundInstrumentsTable {
  round_id: string;
  /** Copied from the round so the database itself enforces one round per organisation, instrument and year. */
  organisation_id: string;
  year: number;
  instrument_key: string;
  instrument_version: string;
}

export interface RespondentsTable {
  id: string;
  round_id: string;
  email: string | null;
  name: string | null;
  role: string | null;
  unit_id: string | null;
  via_open_link: Generated<number>;
  invited_at: string | null;
  reminded_at: string | null;
  created_at: string;
  /** 1 for the round's joint respondent: the organisation's one answer to joint instruments (0003). */
  joint: Generated<number>;
  /** For the joint respondent: the e-mail of the person named to fill it in (0003). */
  contact_email: Generated<string | null>;
  /** SHA-256 of the key in the submitting browser's receipt cookie, and its expiry (0006). */
  receipt_key_hash: Generated<string | null>;
  receipt_until: Generated<string | null>;
  /** A bounce reported after the mail left, and its reason (0014-studies). */
  bounced_at: Generated<string | null>;
  bounce_reason: Generated<string | null>;
}

/** A change to a round's respondents after the round opened (0006): who, what and when. */
export interface RespondentChangesTable {
  id: string;
  round_id: string;
  changed_at: string;
  changed_by: string | null;
  changed_by_name: string;
  kind: 'added' | 'imported' | 'removed';
  respondent_count: number;
  detail: string | null;
}

/** A personal link. Each invitation or reminder mints a new one; all stay valid. */
interface RespondentLinksTable {
  /** SHA-256 of the link's token; the token itself is never stored. */
  token_hash: string;
  respondent_id: string;
  created_at: string;
}

interface ResponsesTable {
  id: string;
  round_id: string;
  respondent_id: string;
  instrument_key: string;
  instrument_version: string;
  status: ResponseStatus;
  started_at: string;
  updated_at: string;
  submitted_at: string | null;
  /** Who last saved a joint answer: a user id, or null when saved through a personal link (0003). */
  updated_by: Generated<string | null>;
}

export interface AnswersTable {
  response_id: string;
  item_key: string;
  /** The answer on the item's scale; null when the respondent chose "don't know". */
  value: number | null;
  dont_know: number;
  /** Target level on the same scale, for items with `target: true` (0003). */
  target_value: Generated<number | null>;
  /** Free-text comment, for items with `comment: true` (0003). */
  comment: Generated<string | null>;
}

export interface OutboxTable {
  id: string;
  organisation_id: string;
  round_id: string | null;
  respondent_id: string | null;
  /** 'joint_assessment' for the mail naming who fills in the joint instruments (earlier ones were stored as 'invitation'); 'study_created' tells a member's coordinator of a federation's study. */
  kind: 'invitation' | 'reminder' | 'joint_assessment' | 'study_created';
  recipient: string;
  subject: string;
  body: string;
  created_at: string;
  /** 'smtp' when handed to the SMTP server, 'outbox' when kept here because no SMTP is configured. */
  delivery: 'smtp' | 'outbox' | 'failed';
  error: string | null;
}

/** One organisation's general ledger for one year, as an aggregate (the file itself is not kept). */
interface CostLedgersTable {
  id: string;
  organisation_id: string;
  year: number;
  file_name: string;
  /** SHA-256 of the uploaded bytes, hex. */
  file_hash: string;
  format: 'sie' | 'csv' | 'xlsx';
  sie_type: number | null;
  encoding: string | null;
  /** The year the file itself states (may differ from `year`, e.g. an 11-month ledger of the next year). */
  file_year: number | null;
  row_count: number;
  byte_count: number | string;
  /** JSON array of the importer's warnings ({code, line, message}). */
  warnings: string;
  /** The organisation's total cost entered by hand (öre), replacing the ledger's own sum. */
  total_cost_ore: number | string | null;
  imported_at: string;
  imported_by: string | null;
}

interface CostLedgerRowsTable {
  ledger_id: string;
  account: string;
  /** '' for rows without a cost centre. */
  cost_centre: string;
  /** bigint: a string from PostgreSQL, normalise with toNumber. */
  amount_ore: number | string;
}

interface CostLedgerAccountsTable {
  ledger_id: string;
  account: string;
  name: string;
}

interface CostLedgerCentresTable {
  ledger_id: string;
  cost_centre: string;
  name: string;
  central_it: Generated<number>;
}

interface CostRulesTable {
  organisation_id: string;
  position: number;
  account_from: string;
  account_to: string;
  pool: string;
  name_contains: string | null;
  comment: string | null;
}

interface CostColumnMappingsTable {
  organisation_id: string;
  account: string;
  account_name: string | null;
  cost_centre: string | null;
  amount: string;
  date: string | null;
  updated_at: string;
}

export interface CostTowersTable {
  organisation_id: string;
  year: number;
  tower: string;
  fte_hundredths: number | null;
  cost_ore: number | string | null;
}

/** A published reference value imported by the operator (0002-results). */
export interface ReferenceValuesTable {
  id: string;
  instrument_key: string;
  instrument_version: string;
  year: number;
  /** A capability, category or dimension key, or "maturity-percent". */
  measure: string;
  /** The value × 1000. */
  value_milli: number;
  source: string;
  /** How many organisations the source's figures rest on, when it says (optional column). */
  organisations: number | null;
  imported_at: string;
  imported_by: string | null;
}

/** An organisation's stored scores for a round and instrument (0002-results). */
interface ResultSnapshotsTable {
  round_id: string;
  instrument_key: string;
  instrument_version: string;
  fingerprint: string;
  result_json: string;
  computed_at: string;
}

/** A published state of a closed round's results (0010-published-snapshots). */
export interface PublishedResultsTable {
  round_id: string;
  instrument_key: string;
  seq: number;
  instrument_version: string;
  published_at: string;
  respondents_json: string;
  groups_json: string;
  result_json: string;
  breakdown_json: string;
}

export type StudyPart = 'maturity' | 'security' | 'capability-map' | 'costs';

/** A federation's yearly study (0014-studies). */
interface StudiesTable {
  id: string;
  federation_id: string;
  year: number;
  /** The last day answers are taken, YYYY-MM-DD in Europe/Stockholm. */
  closes_on: string;
  anonymity_threshold: number;
  status: 'open' | 'closed';
  created_at: string;
  created_by: string | null;
  closed_at: string | null;
}

/** A member's part in a study: its round (null for costs), or declined (0014-studies). */
interface StudyMembersTable {
  study_id: string;
  member_id: string;
  part: StudyPart;
  round_id: string | null;
  declined_at: string | null;
  declined_by: string | null;
}

/** A ticked step of the method's checklist; member_id '' for the whole study (0014-studies). */
interface StudyChecklistTable {
  study_id: string;
  member_id: string;
  step_key: string;
  done_at: string;
  done_by: string | null;
}

/** A scheduled reminder that went out (0014-studies): at most once per round and day count. */
interface RoundScheduledRemindersTable {
  round_id: string;
  days_before: number;
  sent_at: string;
  sent: number;
}

/** An invitation or reminder text written for a round or, as a default, for a study (0014-studies). */
interface MailTextsTable {
  scope: 'round' | 'study';
  scope_id: string;
  kind: 'invitation' | 'reminder';
  locale: string;
  subject: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
}

export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'dropped';

/** An action of an organisation's plan, or a federation's shared action (0015-action-plans). */
interface ActionsTable {
  id: string;
  organisation_id: string;
  year: number;
  title: string;
  description: Generated<string>;
  source_kind: 'recommendation' | 'capability' | 'workshop' | 'free';
  source_ref: string | null;
  instrument_key: string | null;
  owner: Generated<string>;
  due_on: string | null;
  status: ActionStatus;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

interface ActionParticipantsTable {
  action_id: string;
  organisation_id: string;
}

interface ActionUpdatesTable {
  id: string;
  action_id: string;
  at: string;
  by_user: string | null;
  status: ActionStatus;
  note: Generated<string>;
}

/** A workshop topic's notes and decisions per organisation and year (0015-action-plans). */
interface WorkshopNotesTable {
  organisation_id: string;
  year: number;
  topic_key: string;
  notes: Generated<string>;
  decisions: Generated<string>;
  updated_at: string;
  updated_by: string | null;
}

/** The texts an analyst writes once per study and year (0005-reports). */
interface ReportSettingsTable {
  study_organisation_id: string;
  year: number;
  background: string;
  purpose: string;
  goal: string;
  scope: string;
  /** One bullet per line. */
  goal_picture: string;
  author: string;
  /** The study's title and subtitle on the title page; '' for the default (0009-report-texts). */
  title: Generated<string>;
  subtitle: Generated<string>;
  updated_at: string;
  updated_by: string | null;
}

/** One issued version of a report (0005-reports). */
interface ReportIssuesTable {
  id: string;
  subject_organisation_id: string;
  year: number;
  /** 'member' | 'federation' */
  kind: string;
  version_number: number;
  issued_at: string;
  issued_by: string;
  reason: string;
  /** KLASSA level 0–3. */
  classification: Generated<number>;
}

/** The study's logo per study organisation and year (0012-study-logo). */
interface ReportStudyLogosTable {
  study_organisation_id: string;
  year: number;
  /** 'png' | 'jpeg', read from the magic bytes. */
  image_type: string;
  width: number;
  height: number;
  content_base64: string;
  sha256: string;
  updated_at: string;
  updated_by: string | null;
}

/** Failed sign-ins in a row per e-mail address, for the per-account back-off (0011-login-backoff). */
interface LoginFailuresTable {
  email: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

/** One audit entry (0007-audit-log): append-only, ids and action names only. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_kind: 'user' | 'system' | 'cli';
  actor_user_id: string | null;
  organisation_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** A small JSON object (counts, formats, roles); never answers, tokens, links or addresses. */
  detail: Generated<string>;
  /** Only for login events. */
  ip: string | null;
}

/** An analyst's text in a member's sub-report (0009-report-texts). */
interface ReportMemberTextsTable {
  organisation_id: string;
  year: number;
  text_key: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
}

/** The rendered file of an issued version, exactly as issued (0009-report-texts). */
interface ReportIssueFilesTable {
  issue_id: string;
  format: string;
  content_base64: string;
  sha256: string;
}

/** A digest per part's figures and per text of an issued version (0009-report-texts). */
interface ReportIssueDigestsTable {
  issue_id: string;
  /** 'part' | 'text' */
  scope: string;
  item_key: string;
  digest: string;
}

export interface Database {
  organisations: OrganisationsTable;
  federation_members: FederationMembersTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  units: UnitsTable;
  rounds: RoundsTable;
  round_instruments: RoundInstrumentsTable;
  respondents: RespondentsTable;
  respondent_links: RespondentLinksTable;
  respondent_changes: RespondentChangesTable;
  responses: ResponsesTable;
  answers: AnswersTable;
  outbox: OutboxTable;
  reference_values: ReferenceValuesTable;
  result_snapshots: ResultSnapshotsTable;
  published_results: PublishedResultsTable;
  cost_ledgers: CostLedgersTable;
  cost_ledger_rows: CostLedgerRowsTable;
  cost_ledger_accounts: CostLedgerAccountsTable;
  cost_ledger_centres: CostLedgerCentresTable;
  cost_rules: CostRulesTable;
  cost_column_mappings: CostColumnMappingsTable;
  cost_towers: CostTowersTable;
  report_settings: ReportSettingsTable;
  report_issues: ReportIssuesTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  report_member_texts: ReportMemberTextsTable;
  report_issue_files: ReportIssueFilesTable;
  report_issue_digests: ReportIssueDigestsTable;
  report_study_logos: ReportStudyLogosTable;
  studies: StudiesTable;
  study_members: StudyMembersTable;
  study_checklist: StudyChecklistTable;
  round_scheduled_reminders: RoundScheduledRemindersTable;
  mail_texts: MailTextsTable;
  actions: ActionsTable;
  action_participants: ActionParticipantsTable;
  action_updates: ActionUpdatesTable;
  workshop_notes: WorkshopNotesTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type Unit = Selectable<UnitsTable>;
export type Round = Selectable<RoundsTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type Study = Selectable<StudiesTable>;
export type StudyMember = Selectable<StudyMembersTable>;
export type MailText = Selectable<MailTextsTable>;
export type RespondentChange = Selectable<RespondentChangesTable>;
