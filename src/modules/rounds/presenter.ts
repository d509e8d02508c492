// Turns the round service's results into what the round pages show: the instruments' names in
// the reader's language, the link to the results, the mail notices, the form's starting values
// and a rejected respondent file's problems as sentences. The `canManage` and `canViewResults`
// flags come from the service, which asks the policies.
import type { AppContext } from '../../app/app-context.ts';
import type { Organisation, RespondentChange } from '../../db/schema.ts';
import type { Locale } from '../../i18n/format.ts';
import { pick } from '../../i18n/messages.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import type { JointOverview } from '../joint/service.ts';
import type { UnitNode } from '../organisations/unit-tree.ts';
import { respondentProblemMessage, type RespondentFileProblem } from '../respondents/respondent-file-parser.ts';
import { DEFAULT_ANONYMITY_THRESHOLD, DEFAULT_SMALL_SAMPLE_THRESHOLD } from './repository.ts';
import type { ProgressCounts, ProgressGroup, RespondentListEntry, RespondentStatus, RoundProgress } from './respondent-service.ts';
import type { LateRespondents, RoundWithInstruments } from './round-service.ts';
import type { NewRoundBody, RespondentsQuery } from './schema.ts';
import { presentReminderSchedule, type ReminderScheduleModel } from './schedule-presenter.ts';
import type { RoundOutbox, RoundOverview } from './service.ts';

export type { LateRespondents, ProgressCounts, ProgressGroup,  RespondentStatus, RoundProgress, RoundWithInstruments };

type Catalogue = Pick<AppContext, 'instruments'>;

export interface InstrumentOption {
  value: string;
  label: string;
  hint: string;
}

/** The instruments a round may hold: the latest version of each key, in the reader's language. */
export function instrumentOptions(ctx: Catalogue, locale: Locale): InstrumentOption[] {
  return ctx.instruments
    .list()
    .filter((instrument, index, all) => all.findLastIndex((other) => other.key === instrument.key) === index)
    .map((instrument) => ({ value: instrument.key, label: pick(instrument.name, locale), hint: pick(instrument.description, locale) }));
}

/** The new-round form as the page shows it (texts as typed). */
export interface NewRoundFormValues {
  name: string;
  year: string;
  instruments: string[];
  openLink: boolean;
  threshold: string;
  smallSample: string;
}

export function newRoundFormStart(year: number): NewRoundFormValues {
  return { name: '', year: String(year), instruments: ['digital-mognad'], openLink: false, threshold: String(DEFAULT_ANONYMITY_THRESHOLD), smallSample: String(DEFAULT_SMALL_SAMPLE_THRESHOLD) };
}

export function newRoundFormValues(body: NewRoundBody): NewRoundFormValues {
  return { name: body.name, year: body.year, instruments: body.instruments, openLink: body.openLink, threshold: body.threshold, smallSample: body.smallSample };
}

/** The name of the instrument a round already exists for (`round_exists` names its key). */
export function instrumentName(ctx: Catalogue, key: string, locale: Locale): string {
  const instrument = ctx.instruments.get(key);
  return instrument ? pick(instrument.name, locale) : key;
}

export interface RespondentFormState {
  values: { email: string; name: string; role: string; unitId: string; openLinkCap?: string };
  errors: FieldErrors;
  uploadProblems: string[];
}

export const emptyRespondentValues = () => ({ email: '', name: '', role: '', unitId: '' });

export function emptyRespondentForm(): RespondentFormState {
  return { values: emptyRespondentValues(), errors: {}, uploadProblems: [] };
}

/** A rejected respondent file's problems, each as a sentence in the uploader's language. */
export function uploadProblemMessages(problems: RespondentFileProblem[], locale: Locale): string[] {
  return problems.map((problem) => respondentProblemMessage(problem, locale));
}

export interface RoundPageModel {
  round: RoundWithInstruments;
  organisation: Organisation;
  progress: RoundProgress;
  respondents: RespondentListEntry[];
  units: UnitNode[];
  canManage: boolean;
  /** Closed, of this year and not held closed by its study: the coordinator may open it again. */
  canReopen: boolean;
  counts: { toInvite: number; toRemind: number };
  /** Days after the invitation before a reminder can go (REMINDER_AFTER_DAYS). */
  reminderAfterDays: number;
  /** The open link, only on the page that follows its creation (only its hash is stored). */
  openLink: string | null;
  /** No SMTP outside the demo: nothing is sent, and the page says how to set it up. */
  mailNotConfigured: boolean;
  /** Changes to the respondents after the round opened (coordinators only). */
  changes: RespondentChange[];
  lateRespondents: LateRespondents;
  instrumentNames: string[];
  /** Link to the round's results, when the viewer may read them and an instrument has results. */
  resultsHref: string | null;
  /** When the respondents' names and addresses go: a date once the round has closed (issue 12). */
  identityRemoval: { date: Date | null; months: number };
  joint: JointOverview;
  /** The scheduled reminders (coordinators only). */
  reminderSchedule: ReminderScheduleModel | null;
}

export function presentRoundPage(ctx: Pick<AppContext, 'instruments' | 'mail' | 'config'>, overview: RoundOverview, locale: Locale): RoundPageModel {
  const { round } = overview;
  return {
    round,
    organisation: overview.organisation,
    progress: overview.progress,
    respondents: overview.respondents,
    units: overview.units,
    canManage: overview.canManage,
    canReopen: overview.canReopen,
    counts: overview.counts,
    reminderAfterDays: ctx.config.REMINDER_AFTER_DAYS,
    openLink: overview.freshOpenLink,
    mailNotConfigured: ctx.mail.mode !== 'smtp' && !ctx.config.DEMO_MODE,
    changes: overview.changes,
    lateRespondents: overview.lateRespondents,
    resultsHref:
      round.status !== 'draft' && overview.canViewResults && round.instruments.some((ref) => ctx.instruments.get(ref.key, ref.version)?.results) ? `/rounds/${round.id}/results` : null,
    instrumentNames: round.instruments.map((ref) => {
      const instrument = ctx.instruments.get(ref.key, ref.version);
      return instrument ? `${pick(instrument.name, locale)} (${ref.version})` : ref.key;
    }),
    identityRemoval: { date: overview.identityRemovalDate, months: ctx.config.RESPONDENT_DATA_MONTHS },
    joint: overview.joint,
    reminderSchedule: overview.reminderSchedule ? presentReminderSchedule(overview.reminderSchedule) : null,
  };
}

/** The round's parts, each its own page under /rounds/:roundId (the results have their own module). */
export type RoundPart = 'overview' | 'respondents' | 'mail';

/** Where each part lives; a redirect after a form lands on the part the form was on. */
export const roundPartHref = (roundId: string, part: RoundPart): string => (part === 'overview' ? `/rounds/${roundId}` : `/rounds/${roundId}/${part}`);

/** Rows per page in the respondents part. */
const RESPONDENTS_PAGE_SIZE = 50;

export interface RespondentRow extends RespondentListEntry {
  /** The unit's path ("Förvaltning / Enhet"), or '' without a unit. */
  unitName: string;
}

export interface RespondentListModel {
  query: RespondentsQuery;
  rows: RespondentRow[];
  /** All the round's respondents, and those that match the search. */
  total: number;
  matching: number;
  /** The rows shown, counted from 1 over all that match. */
  first: number;
  last: number;
  pageCount: number;
  /** The respondents part's address with this search and the given page. */
  href: (page: number) => string;
}

/** The respondents matching the search (name, address, role or unit) and status, one page of them. */
export function presentRespondentList(roundId: string, respondents: RespondentListEntry[], units: UnitNode[], query: RespondentsQuery): RespondentListModel {
  const unitName = new Map(units.map((unit) => [unit.id, unit.path.join(' / ')]));
  const needle = query.q.toLocaleLowerCase('sv');
  const matches = respondents
    .map((respondent) => ({ ...respondent, unitName: respondent.unitId ? (unitName.get(respondent.unitId) ?? '') : '' }))
    .filter((row) => (query.status ? row.status === query.status : true))
    .filter((row) => !needle || [row.email, row.name, row.role, row.unitName].some((field) => field?.toLocaleLowerCase('sv').includes(needle)));
  const pageCount = Math.max(1, Math.ceil(matches.length / RESPONDENTS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = matches.slice((page - 1) * RESPONDENTS_PAGE_SIZE, page * RESPONDENTS_PAGE_SIZE);
  const first = rows.length === 0 ? 0 : (page - 1) * RESPONDENTS_PAGE_SIZE + 1;
  const href = (target: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.status) params.set('status', query.status);
    if (target > 1) params.set('page', String(target));
    const search = params.toString();
    return `${roundPartHref(roundId, 'respondents')}${search ? `?${search}` : ''}#respondent-list`;
  };
  return { query: { ...query, page }, rows, total: respondents.length, matching: matches.length, first, last: rows.length === 0 ? 0 : first + rows.length - 1, pageCount, href };
}

export interface OutboxPageModel extends RoundOutbox {
  smtp: boolean;
  /** Demo mode (set by `mogna demo`): the stored mails still carry their links. */
  demo: boolean;
  /** The rows shown, counted from 1 over all that match. */
  first: number;
  last: number;
  /** The outbox's address with this search and the given page and opened mail (kept in links). */
  href: (change: { page?: number; mail?: string }) => string;
}

export function presentOutbox(ctx: Pick<AppContext, 'mail' | 'config'>, outbox: RoundOutbox): OutboxPageModel {
  const { round, query, rows, pageSize } = outbox;
  const first = rows.length === 0 ? 0 : (query.page - 1) * pageSize + 1;
  const href = (change: { page?: number; mail?: string }) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    const page = change.page ?? query.page;
    if (page > 1) params.set('page', String(page));
    if (change.mail) params.set('mail', change.mail);
    const search = params.toString();
    return `/rounds/${round.id}/outbox${search ? `?${search}` : ''}${change.mail ? '#mail' : ''}`;
  };
  return { ...outbox, smtp: ctx.mail.mode === 'smtp', demo: ctx.config.DEMO_MODE, first, last: rows.length === 0 ? 0 : first + rows.length - 1, href };
}
