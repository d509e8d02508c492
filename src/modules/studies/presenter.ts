// Turns a study's progress into what its pages show: a status text per member and part, the
// counts, the next step and whose it is, the whole study's rate, and the flags the buttons need
// (computed by the study service, which asks the study policy).
import type { StudyPart } from '../../db/schema.ts';
import { formatDate, formatPercent } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { PartProgress } from '../../domain/studies/study-status.ts';
import type { MemberProgress, MemberStudyPart, StudyOverview } from './service.ts';
import type { NewStudyBody } from './schema.ts';
import { DEFAULT_ANONYMITY_THRESHOLD } from '../rounds/repository.ts';

export interface PartCell {
  part: StudyPart;
  name: string;
  status: PartProgress['status'];
  statusText: string;
  /** "12 av 20" for a survey someone is invited to. */
  countsText: string | null;
  nextText: string | null;
  declined: boolean;
}

export interface MemberRow {
  memberId: string;
  name: string;
  roundId: string | null;
  cells: PartCell[];
}

/** A Swedish calendar day (YYYY-MM-DD) in words; noon UTC is that day in Sweden wherever the server runs. */
function dayInWords(locale: Locale, day: string): string {
  return formatDate(locale, `${day}T12:00:00Z`);
}

function cellOf(m: Messages, locale: Locale, progress: PartProgress): PartCell {
  const status = progress.status;
  const statusText = status === 'answering' ? m.studies.status.answering(formatPercent(locale, progress.rate ?? 0)) : m.studies.status[status];
  const survey = progress.part === 'maturity' && status !== 'declined' && progress.invited > 0;
  return {
    part: progress.part,
    name: m.studies.parts[progress.part],
    status,
    statusText,
    countsText: survey ? m.studies.counts(progress.submitted, progress.invited) : null,
    nextText: progress.next && progress.owner ? m.studies.nextLine(m.studies.next[progress.next], m.studies.owner[progress.owner]) : null,
    declined: status === 'declined',
  };
}

function presentMember(m: Messages, locale: Locale, member: MemberProgress): MemberRow {
  return { memberId: member.memberId, name: member.name, roundId: member.roundId, cells: member.parts.map((part) => cellOf(m, locale, part)) };
}

export interface DashboardModel {
  studyId: string;
  federation: { id: string; name: string };
  year: number;
  open: boolean;
  closesOnText: string;
  closedOnText: string | null;
  contactText: string | null;
  /** The parts the study has, in order: the table's columns. */
  parts: Array<{ part: StudyPart; name: string }>;
  rows: MemberRow[];
  progress: { rate: number | null; percentText: string | null; text: string };
}

export function presentDashboard(m: Messages, locale: Locale, overview: StudyOverview): DashboardModel {
  const rows = overview.members.map((member) => presentMember(m, locale, member));
  const partKeys = [...new Set(overview.members.flatMap((member) => member.parts.map((part) => part.part)))];
  const { progress, study } = overview;
  return {
    studyId: study.id,
    federation: overview.federation,
    year: study.year,
    open: study.status === 'open',
    closesOnText: dayInWords(locale, study.closes_on),
    // formatDate reads the instant in Sweden: the closing tick runs just after midnight there, still the day before in UTC.
    closedOnText: study.closed_at ? formatDate(locale, study.closed_at) : null,
    contactText: overview.contact ? m.studies.contactLine(overview.contact.name, overview.contact.email) : null,
    parts: partKeys.map((part) => ({ part, name: m.studies.parts[part] })),
    rows,
    progress: {
      rate: progress.rate,
      percentText: progress.rate === null ? null : formatPercent(locale, progress.rate),
      text: progress.invited === 0 ? m.studies.progressNone : m.studies.progressText(progress.submitted, progress.invited),
    },
  };
}

export interface MemberStudyModel {
  federation: { id: string; name: string };
  year: number;
  open: boolean;
  closesOnText: string;
  row: MemberRow;
  canDecline: boolean;
}

export function presentMemberStudies(m: Messages, locale: Locale, parts: MemberStudyPart[]): MemberStudyModel[] {
  return parts.map((entry) => ({
    federation: entry.federation,
    year: entry.study.year,
    open: entry.study.status === 'open',
    closesOnText: dayInWords(locale, entry.study.closes_on),
    row: presentMember(m, locale, entry.member),
    canDecline: entry.canDecline && entry.study.status === 'open',
  }));
}

/** The form as first shown: next year, every part and every member chosen, the usual threshold. */
export function newStudyFormStart(year: number, memberIds: string[]): NewStudyBody {
  return { year: String(year), parts: ['maturity', 'security', 'capability-map', 'costs'], members: memberIds, closesOn: '', threshold: String(DEFAULT_ANONYMITY_THRESHOLD), contactName: '', contactEmail: '' };
}
