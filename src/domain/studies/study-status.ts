// A member's progress in each part of a study, as the federation's analyst follows it: what
// state the part is in, the next step and whose it is (the member's coordinator or the
// federation), and the whole study's response rate. Pure: the study service brings the counts.
import type { StudyPart } from '../../db/schema.ts';

type PartStatus =
  | 'declined'
  | 'not_started'
  | 'respondents_added'
  | 'invited'
  | 'answering'
  | 'closed'
  | 'joint_pending'
  | 'joint_done'
  | 'no_ledger'
  | 'ledger_uploaded'
  | 'mapped';

type NextStep = 'add_respondents' | 'send_invitations' | 'remind' | 'close_study' | 'read_results' | 'fill_joint' | 'upload_ledger' | 'map_ledger';

export interface PartFacts {
  part: StudyPart;
  declined: boolean;
  /** For survey parts: the round's status; null when the part has no round (costs). */
  roundStatus: 'draft' | 'open' | 'closed' | null;
  /** Respondents of the round (not the joint one), those invited, and those who submitted. */
  respondents: number;
  invited: number;
  submitted: number;
  /** For a joint part: its one response has been submitted. */
  jointSubmitted: boolean;
  /** For costs: a ledger is stored for the year, and its central-IT cost centres have been chosen. */
  ledger: boolean;
  ledgerMapped: boolean;
}

export interface PartProgress {
  part: StudyPart;
  status: PartStatus;
  /** Submitted of invited, 0–1; null when nobody is invited (or the part is no survey). */
  rate: number | null;
  invited: number;
  submitted: number;
  next: NextStep | null;
  /** Who takes the next step. */
  owner: 'member' | 'federation' | null;
}

/** Submitted of invited, never above 1 (an open-link answer counts as submitted without an invitation). */
export function responseRate(submitted: number, invited: number): number | null {
  if (invited <= 0) return null;
  return Math.min(1, submitted / invited);
}

export function partProgress(facts: PartFacts, studyOpen: boolean): PartProgress {
  const base = { part: facts.part, invited: facts.invited, submitted: facts.submitted, rate: responseRate(facts.submitted, facts.invited) };
  const member = (status: PartStatus, next: NextStep | null): PartProgress => ({ ...base, status, next, owner: next ? 'member' : null });
  const federation = (status: PartStatus, next: NextStep | null): PartProgress => ({ ...base, status, next, owner: next ? 'federation' : null });
  if (facts.declined) return member('declined', null);
  if (facts.part === 'costs') {
    if (!facts.ledger) return member('no_ledger', 'upload_ledger');
    if (!facts.ledgerMapped) return member('ledger_uploaded', 'map_ledger');
    return member('mapped', null);
  }
  if (facts.part === 'security' || facts.part === 'capability-map') {
    if (facts.jointSubmitted) return member('joint_done', null);
    if (facts.roundStatus === 'closed') return federation('closed', null);
    return member('joint_pending', 'fill_joint');
  }
  if (facts.roundStatus === 'closed') return federation('closed', 'read_results');
  if (facts.respondents === 0) return member('not_started', 'add_respondents');
  if (facts.invited === 0) return member('respondents_added', 'send_invitations');
  if (facts.submitted === 0) return member('invited', 'remind');
  if (facts.submitted >= facts.invited) return federation('answering', studyOpen ? 'close_study' : null);
  return member('answering', 'remind');
}

/** The whole study's progress: answered of invited over every member's maturity survey taken part in. */
export function studyProgress(parts: readonly PartProgress[]): { invited: number; submitted: number; rate: number | null } {
  const surveys = parts.filter((part) => part.part === 'maturity' && part.status !== 'declined');
  const invited = surveys.reduce((sum, part) => sum + part.invited, 0);
  const submitted = surveys.reduce((sum, part) => sum + Math.min(part.submitted, part.invited), 0);
  return { invited, submitted, rate: responseRate(submitted, invited) };
}
