// What the report builders need, as plain data. The report service gathers it through the same
// services the pages use (so access control and the anonymity rule have been applied); tests
// can build it by hand (the Mellerud fixture does).
import type { FederationComparison } from '../domain/costs/federation-comparison.ts';
import type { TowerStaffing } from '../domain/costs/it-towers.ts';
import type { LedgerAnalysis } from '../domain/costs/ledger-analysis.ts';
import type { AnswerSet } from '../domain/instruments/answer-set.ts';
import type { Instrument } from '../domain/instruments/instrument-schema.ts';
import type { FederationLevelMatrix } from '../domain/joint-results/level-map.ts';
import type { PracticeFederationCount } from '../domain/joint-results/practice-index.ts';
import type { Benchmark, NationalComparison } from '../domain/scoring/benchmarks.ts';
import type { FederationOverview } from '../domain/scoring/federation-overview.ts';
import type { RoundResults } from '../domain/results/round-results.ts';
import type { ClassificationLevel, ReportHistoryEntry } from './report-model.ts';

/** Everything around the findings: who the report is for, its texts and its version. */
export interface ReportFrame {
  /** The federation (or the organisation itself outside any federation). */
  studyName: string;
  isFederation: boolean;
  year: number;
  /** Members of the study (the federation's members). */
  memberCount: number;
  /** The analyst's texts; empty strings fall back to the default texts. */
  texts: { background: string; purpose: string; goal: string; scope: string; goalPicture: string[]; author: string; /** The study's own title and subtitle (issue 13); empty or missing: the default. */ title?: string; subtitle?: string };
  history: ReportHistoryEntry[];
  classification: ClassificationLevel;
  /** ISO date of today, for a draft. */
  today: string;
  /** The study's logo (issue 13); missing when none is uploaded. */
  logo?: { data: Uint8Array; type: 'png' | 'jpeg'; width: number; height: number };
}

export interface MaturityPart {
  results: RoundResults;
  /** The federation's members side by side, numbered for the whole study; null outside a federation or with no closed rounds. */
  federation: FederationOverview | null;
  national: Benchmark | null;
  /** Where the national figure comes from; absent or null when there is no national comparison. */
  nationalSource?: NationalComparison | null;
}

export interface SecurityPart {
  instrument: Instrument;
  answers: AnswerSet;
  /** The member's answers a year earlier, when it took part then. */
  previous: AnswerSet | null;
}

export interface CapabilityMapPart {
  instrument: Instrument;
  answers: AnswerSet;
  /** The member's answers a year earlier, when it took part then. */
  previous: AnswerSet | null;
  /** Members × capabilities of the federation, numbered for the whole study. */
  federation: FederationLevelMatrix | null;
}

export interface CostsPart {
  analysis: LedgerAnalysis;
  towers: TowerStaffing | null;
  /** The federation's members compared (numbered for the study); null when too few have ledgers. */
  comparison: FederationComparison | null;
  /** The identified IT cost of the year before, in öre, when a ledger for it is stored. */
  previousTotalItOre: number | null;
}

export interface MemberReportInput {
  frame: ReportFrame;
  member: { name: string; /** Its number in the federation report; null outside a federation. */ number: number | null };
  maturity: MaturityPart | null;
  security: SecurityPart | null;
  capabilityMap: CapabilityMapPart | null;
  costs: CostsPart | null;
  /** The analyst's own texts of this member and year (issue 13); a missing or empty one prints the generated draft. */
  analystTexts?: Partial<Record<'summary' | 'maturity' | 'security' | 'costs' | 'capabilityMap' | 'recommendations', string>>;
}

export interface FederationReportInput {
  frame: ReportFrame;
  /** Members (numbers only) and the parts each took part in, in number order. */
  members: Array<{ number: number; parts: { maturity: boolean; security: boolean; capabilityMap: boolean; costs: boolean } }>;
  maturity: { instrument: Instrument; overview: FederationOverview; national: Benchmark | null; nationalSource?: NationalComparison | null } | null;
  security: { instrument: Instrument; counts: PracticeFederationCount[]; members: number; indexes: number[] } | null;
  capabilityMap: { instrument: Instrument; matrix: FederationLevelMatrix } | null;
  costs: { comparison: FederationComparison; membersWithLedger: number } | null;
  /** Groups smaller than this are never shown (the federation's anonymity rule for members' figures). */
  anonymityThreshold: number;
  /** The analyst's own texts of the federation report for the year (issue 13); a missing or empty one prints the generated draft. */
  analystTexts?: Partial<Record<'summary' | 'maturity' | 'security' | 'costs' | 'capabilityMap' | 'recommendations', string>>;
}
