// A member's sub-report (one per member and year), following the seed's structure: title page,
// document control, summary, contents, assignment, terms, method, then one part per instrument
// the member took part in. Pure: report input and a locale in, a ReportDocument out.
import { MIN_BENCHMARK_ORGANISATIONS } from '../domain/scoring/benchmarks.ts';
import { allCapabilities } from '../domain/instruments/instrument-structure.ts';
import { levelMap } from '../domain/joint-results/level-map.ts';
import { practiceIndex } from '../domain/joint-results/practice-index.ts';
import { formatPercent, type Locale } from '../i18n/format.ts';
import { pick } from '../i18n/messages.ts';
import { roleName } from '../i18n/role-names.ts';
import type { MemberReportInput } from './report-input.ts';
import type { ReportDocument } from './report-model.ts';
import { reportTexts, type ReportTexts } from './report-texts.ts';
import { memberCapabilityMapSection } from './sections/capability-map-section.ts';
import { kronorText, memberCostsSection } from './sections/costs-section.ts';
import { assignmentSection, documentShell, listing, newBuilder, termsSection } from './sections/front-matter.ts';
import { memberMaturitySection, percentText } from './sections/maturity-section.ts';
import { memberSecuritySection } from './sections/security-section.ts';
import type { DocumentBuilder } from './document-builder.ts';
import { memberCapabilityLevelsSection } from './sections/capability-levels-section.ts';
import { memberComplianceSection } from './sections/compliance-section.ts';
import { conceptsSection } from './sections/concepts-section.ts';
import { federationLinkCallout } from './sections/federation-links.ts';
import { memberItWorkAreasSection } from './sections/it-work-areas-section.ts';
import { memberQuadrantSection } from './sections/quadrants-section.ts';
import { memberTargetPictureSection } from './sections/target-picture-section.ts';
import { memberYardsticksSection } from './sections/yardsticks-section.ts';
import { effectiveMemberTexts } from './member-drafts.ts';

export function buildMemberReport(input: MemberReportInput, locale: Locale): ReportDocument {
  const t = reportTexts(locale);
  const { frame, member } = input;
  const b = newBuilder(t);
  // The analyst's texts, or the generated drafts where none is written (issue 13).
  const texts = effectiveMemberTexts(input, locale);

  b.heading(1, t.summary).paragraph(t.summaryIntro(member.name, frame.year));
  b.bullets(summaryPoints(input, t, locale));
  paragraphs(b, texts.summary);
  b.paragraph(t.summaryParts(listing(partNames(input, t), t)));
  if (member.number !== null) b.callout('info', t.memberLabel(member.number), t.yourNumber(member.number));
  b.toc(t.labels.contents).pageBreak();
  assignmentSection(b, frame, t);
  termsSection(b, t);
  conceptsSection(b, t);
  methodSection(b, input, t, locale);

  // A part appears only when the member took part in it (members choose, as in the seed).
  const { maturity, security, costs, capabilityMap } = input;
  if (maturity) {
    memberMaturitySection(b.pageBreak(), maturity, t, locale);
    memberQuadrantSection(b, maturity, t, locale);
    interpretation(b, t, texts.maturity);
    federationLinkCallout(b, frame, t.maturity, t);
  }
  if (security) {
    memberSecuritySection(b.pageBreak(), security, t, locale, frame.year);
    interpretation(b, t, texts.security);
    federationLinkCallout(b, frame, t.security, t);
  }
  if (costs) {
    memberCostsSection(b.pageBreak(), costs, t, locale, frame.year);
    memberItWorkAreasSection(b, costs, t, locale);
    interpretation(b, t, texts.costs);
    federationLinkCallout(b, frame, t.costs, t);
  }
  if (capabilityMap) {
    memberCapabilityMapSection(b.pageBreak(), capabilityMap, t, locale, frame.year);
    memberCapabilityLevelsSection(b, capabilityMap, t, locale);
    interpretation(b, t, texts.capabilityMap);
    federationLinkCallout(b, frame, t.capabilityMap, t);
  }
  b.pageBreak().heading(1, t.drafts.recommendations).paragraph(t.drafts.recommendationsIntro);
  b.bullets(lines(texts.recommendations));
  if (maturity || costs) memberYardsticksSection(b.pageBreak(), input, t, locale);
  memberTargetPictureSection(b.pageBreak(), input, t, locale);
  memberComplianceSection(b, input, t, locale);

  const subtitle = frame.isFederation ? t.memberSubtitle(member.name, frame.studyName) : t.memberSubtitleAlone(member.name);
  return documentShell(frame, t, locale, { title: frame.texts.title || t.memberTitle(frame.year), subtitle, subject: member.name }, b);
}
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** One paragraph per blank-line-separated block of the text. */
export function paragraphs(b: DocumentBuilder, text: string): void {
  for (const block of text.split(/\r?\n\s*\r?\n/)) if (block.trim() !== '') b.paragraph(block.trim());
}

/** The interpretation that follows a part. */
export function interpretation(b: DocumentBuilder, t: ReportTexts, text: string): void {
  if (text.trim() === '') return;
  b.heading(2, t.drafts.interpretation);
  paragraphs(b, text);
}

function partNames(input: MemberReportInput, t: ReportTexts): string[] {
  const names: string[] = [];
  if (input.maturity) names.push(t.partNames.maturity);
  if (input.security) names.push(t.partNames.security);
  if (input.costs) names.push(t.partNames.costs);
  if (input.capabilityMap) names.push(t.partNames.capabilityMap);
  return names;
}

function summaryPoints(input: MemberReportInput, t: ReportTexts, locale: Locale): string[] {
  const points: string[] = [];
  const maturity = input.maturity?.results;
  if (maturity) {
    const result = maturity.result;
    const quadrant = result?.quadrant ?? null;
    const title = quadrant ? maturity.instrument.results?.quadrants[quadrant]?.title : undefined;
    if (result && quadrant && title) points.push(t.summaryMaturity(percentText(locale, result.maturityPercent), quadrant, pick(title, locale)));
    else if (!result) points.push(t.summaryMaturityWithheld);
  }
  if (input.security) {
    const result = practiceIndex(input.security.instrument, input.security.answers);
    points.push(t.summarySecurity(result.inPlace, result.practices.length));
  }
  if (input.costs) {
    const { analysis } = input.costs;
    points.push(t.summaryCosts(kronorText(locale, analysis.totalItOre), analysis.centralItShare === null ? null : formatPercent(locale, analysis.centralItShare, 1)));
  }
  if (input.capabilityMap) {
    const result = levelMap(input.capabilityMap.instrument, input.capabilityMap.answers);
    points.push(t.summaryCapabilityMap(result.weak.length, result.capabilities.length));
  }
  return points;
}

function methodSection(b: DocumentBuilder, input: MemberReportInput, t: ReportTexts, locale: Locale): void {
  b.heading(1, t.method).paragraph(t.methodIntro);
  const points: string[] = [];
  const maturity = input.maturity?.results;
  if (maturity) {
    // Roles come from the disclosed breakdown, so a role with too few respondents is never named.
    const roles = maturity.breakdown.roles.filter((group) => group.kind === 'role' && group.name).map((group) => t.roleCount(group.n, roleName(group.name!, locale)));
    points.push(t.methodMaturity(pick(maturity.instrument.name, locale), maturity.respondents, roles.length > 0 ? roles.join(', ') : null));
  }
  if (input.security) points.push(t.methodSecurity(pick(input.security.instrument.name, locale)));
  if (input.costs) points.push(t.methodCosts(input.frame.year, input.costs.analysis.rowCount));
  if (input.capabilityMap) points.push(t.methodCapabilityMap(pick(input.capabilityMap.instrument.name, locale), allCapabilities(input.capabilityMap.instrument).length));
  b.bullets(points);
  if (input.frame.isFederation) b.paragraph(t.methodFederation(input.frame.memberCount, MIN_BENCHMARK_ORGANISATIONS));
}
