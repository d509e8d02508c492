// Digests of what a report is made of (issue 13): one per part's figures and one per text, so the
// version history can say which parts and texts changed between two issued versions without
// keeping the data. A digest is the SHA-256 of a stable JSON form (Maps and Sets as sorted
// entries) of the part's input; the same data always gives the same digest.
import { createHash } from 'node:crypto';
import type { FederationReportInput, MemberReportInput } from './report-input.ts';

function stable(value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()].map(([key, entry]) => [stable(key), stable(entry)]).sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1));
  if (value instanceof Set) return [...value].map(stable).sort();
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

function digestOf(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(stable(value ?? null)))
    .digest('hex');
}

export interface ReportDigests {
  parts: Record<string, string>;
  texts: Record<string, string>;
}

function studyTexts(input: MemberReportInput | FederationReportInput): Record<string, string> {
  const { texts } = input.frame;
  return {
    background: digestOf(texts.background),
    purpose: digestOf(texts.purpose),
    goal: digestOf(texts.goal),
    scope: digestOf(texts.scope),
    goalPicture: digestOf(texts.goalPicture),
    author: digestOf(texts.author),
    title: digestOf(texts.title ?? ''),
    subtitle: digestOf(texts.subtitle ?? ''),
  };
}

/** A member's sub-report: its four parts, and its printed texts (written or drafted) with the study's. */
export function memberReportDigests(input: MemberReportInput, printedTexts: Record<string, string>): ReportDigests {
  return {
    parts: { maturity: digestOf(input.maturity), security: digestOf(input.security), costs: digestOf(input.costs), capabilityMap: digestOf(input.capabilityMap) },
    texts: { ...studyTexts(input), ...Object.fromEntries(Object.entries(printedTexts).map(([key, text]) => [key, digestOf(text)])) },
  };
}

export function federationReportDigests(input: FederationReportInput): ReportDigests {
  return {
    parts: {
      participation: digestOf(input.members),
      maturity: digestOf(input.maturity),
      security: digestOf(input.security),
      costs: digestOf(input.costs),
      capabilityMap: digestOf(input.capabilityMap),
    },
    // The federation's own texts as written; a draft follows from the parts' figures.
    texts: { ...studyTexts(input), ...Object.fromEntries(Object.entries(input.analystTexts ?? {}).map(([key, text]) => [key, digestOf(text)])) },
  };
}

/** The keys whose digest differs between two versions (a key in only one of them counts as changed). */
export function changedKeys(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]).sort();
}
