// External yardsticks: figures from outside the study, each with its source and year. The
// national maturity comes from the report input (Mogna's national comparison for the year) and is
// left out, with a sentence saying so, when there is none. The share of total costs spent on central
// IT is compared with a published research figure (see CENTRAL_IT_SHARE_REFERENCE).
import type { Benchmark } from '../../domain/scoring/benchmarks.ts';
import { formatPercent, type Locale } from '../../i18n/format.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { FederationReportInput, MemberReportInput } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';
import { percentText } from './maturity-section.ts';


interface NationalYardstick {
  /** Mean maturity in per cent (0–100). */
  maturityPercent: number;
  organisations: number;
  year: number;
}

/** The national maturity yardstick, when the input has one with a maturity figure. */
function nationalYardstick(national: Benchmark | null | undefined, year: number): NationalYardstick | null {
  const value = national?.maturityPercent;
  if (!national || !value) return null;
  return { maturityPercent: value.avg, organisations: national.organisations, year };
}

interface MemberYardsticks {
  maturity: { own: number | null; national: NationalYardstick | null } | null;
  centralItShare: { own: number | null } | null;
}

function memberYardsticks(input: MemberReportInput): MemberYardsticks {
  const { maturity, costs, frame } = input;
  return {
    maturity: maturity
      ? { own: maturity.results.result?.maturityPercent ?? null, national: nationalYardstick(maturity.national ?? maturity.results.benchmarks.national, frame.year) }
      : null,
    centralItShare: costs ? { own: costs.analysis.centralItShare } : null,
  };
}

function centralItRow(t: ReportTexts, value: string): string[] {
  return [t.chapters.yardstickCentralIt, value, t.chapters.centralItReference, t.chapters.centralItSource];
}

function maturityRow(t: ReportTexts, locale: Locale, value: string, national: NationalYardstick | null, year: number): string[] {
  const c = t.chapters;
  return [c.yardstickMaturity, value, national ? percentText(locale, national.maturityPercent) : c.noValue, national ? c.nationalSource(national.organisations, national.year) : c.noNationalCell(year)];
}

/** Shown when the member took part in the maturity survey or the cost analysis. */
export function memberYardsticksSection(b: DocumentBuilder, input: MemberReportInput, t: ReportTexts, locale: Locale): void {
  const c = t.chapters;
  const figures = memberYardsticks(input);
  if (!figures.maturity && !figures.centralItShare) return;
  b.heading(1, c.yardsticksTitle).paragraph(c.yardsticksIntro);
  const rows: string[][] = [];
  const year = input.frame.year;
  if (figures.maturity) {
    const { own, national } = figures.maturity;
    rows.push(maturityRow(t, locale, percentText(locale, own), national, year));
  }
  if (figures.centralItShare) rows.push(centralItRow(t, figures.centralItShare.own === null ? c.noValue : formatPercent(locale, figures.centralItShare.own, 1)));
  b.table(c.yardsticksTitle, c.yardstickColumns, rows);
  if (figures.maturity) {
    const { own, national } = figures.maturity;
    if (!national) b.paragraph(c.noNational(year));
    else if (own !== null) b.paragraph(compareWithNational(own, national.maturityPercent, t, locale));
  }
  if (figures.centralItShare) b.paragraph(c.centralItNote);
}

/** Above or below counts only when the rounded figures differ, so the sentence matches the table. */
function compareWithNational(own: number, national: number, t: ReportTexts, locale: Locale): string {
  const ownText = percentText(locale, own);
  const nationalText = percentText(locale, national);
  if (ownText === nationalText) return t.chapters.ownAtNational(ownText);
  return own > national ? t.chapters.ownAboveNational(ownText, nationalText) : t.chapters.ownBelowNational(ownText, nationalText);
}

interface FederationYardsticks {
  maturity: { average: number | null; national: NationalYardstick | null } | null;
  centralItShare: { low: number; average: number; high: number } | null;
}

/** The federation's unweighted mean maturity and the spread of central IT's share over the members. */
function federationYardsticks(input: Pick<FederationReportInput, 'maturity' | 'costs' | 'frame'>): FederationYardsticks {
  const { maturity, costs, frame } = input;
  const percents = maturity?.overview.rows.flatMap((row) => (row.maturityPercent === null ? [] : [row.maturityPercent])) ?? [];
  const shares = costs?.comparison.members.flatMap((member) => (member.centralItShare === null ? [] : [member.centralItShare])) ?? [];
  return {
    maturity: maturity ? { average: percents.length > 0 ? mean(percents) : null, national: nationalYardstick(maturity.national, frame.year) } : null,
    centralItShare: shares.length > 0 ? { low: Math.min(...shares), average: mean(shares), high: Math.max(...shares) } : null,
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** `input` holds only the parts shown in the federation report (see visibleParts). */
export function federationYardsticksSection(b: DocumentBuilder, input: Pick<FederationReportInput, 'maturity' | 'costs' | 'frame'>, t: ReportTexts, locale: Locale): void {
  const c = t.chapters;
  const figures = federationYardsticks(input);
  if (!figures.maturity && !figures.centralItShare) return;
  b.heading(1, c.yardsticksTitle).paragraph(c.yardsticksIntro);
  const rows: string[][] = [];
  if (figures.maturity) {
    rows.push(maturityRow(t, locale, percentText(locale, figures.maturity.average), figures.maturity.national, input.frame.year));
  }
  const spread = figures.centralItShare;
  if (spread) rows.push(centralItRow(t, c.yardstickSpread(formatPercent(locale, spread.low, 1), formatPercent(locale, spread.average, 1), formatPercent(locale, spread.high, 1))));
  b.table(c.yardsticksTitle, c.yardstickColumnsFederation, rows);
  if (figures.maturity && !figures.maturity.national) b.paragraph(c.noNational(input.frame.year));
  if (spread) b.paragraph(c.centralItNote);
}
