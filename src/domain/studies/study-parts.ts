// The parts of a federation's yearly study (issue 15) and the survey instrument each part is
// answered with. 'costs' is no survey: it is the member's general ledger for the year, uploaded
// on the cost pages. Pure data, shared by the study module, the CLI and the demo.
import type { StudyPart } from '../../db/schema.ts';

export const STUDY_PARTS: readonly StudyPart[] = ['maturity', 'security', 'capability-map', 'costs'];

const PART_INSTRUMENTS: Record<StudyPart, string | null> = {
  maturity: 'digital-mognad',
  security: 'informationssakerhet',
  'capability-map': 'formagekarta',
  costs: null,
};

export function isStudyPart(value: string): value is StudyPart {
  return (STUDY_PARTS as readonly string[]).includes(value);
}

/** The instrument key a part is answered with; null for the cost analysis. */
export function instrumentOfPart(part: StudyPart): string | null {
  return PART_INSTRUMENTS[part];
}

/** The survey parts' instruments, in the parts' order. */
export function instrumentsOfParts(parts: readonly StudyPart[]): string[] {
  return parts.map(instrumentOfPart).filter((key): key is string => key !== null);
}
