// The federation's joint report: the same structure over all members, anonymised. Members appear
// only by number ("Kommun 3", the same number as in their sub-reports), and a part over fewer
// members than the anonymity threshold shows no figures at all.
import { formatPercent, type Locale } from '../i18n/format.ts';
import type { FederationReportInput } from './report-input.ts';
import type { ReportDocument } from './report-model.ts';
import { reportTexts, type ReportTexts } from './report-texts.ts';
import { federationCapabilityMapSection } from './sections/capability-map-section.ts';
import { federationCostsSection } from './sections/costs-section.ts';
import { assignmentSection, documentShell, listing, newBuilder, termsSection } from './sections/front-matter.ts';
import { federationMaturitySection } from './sections/maturity-section.ts';
import { federationSecuritySection } from './sections/security-section.ts';
import type { DocumentBuilder } from './document-builder.ts';
import { federationCapabilityLevelsSection } from './sections/capability-levels-section.ts';
import { federationComplianceSection } from './sections/compliance-section.ts';
import { conceptsSection } from './sections/concepts-section.ts';
import { federationConclusionsSection } from './sections/conclusions-section.ts';
import { federationItWorkAreasSection } from './sections/it-work-areas-section.ts';
import { federationQuadrantsSection } from './sections/quadrants-section.ts';
import { federationYardsticksSection } from './sections/yardsticks-section.ts';
import { allCapabilities } from '../domain/instruments/instrument-structure.ts';
import { pick } from '../i18n/messages.ts';
import { effectiveFederationTexts } from './federation-drafts.ts';
import { interpretation, lines, paragraphs } from './member-report.ts';

export function buildFederationReport(input: FederationReportInput, locale: Locale): ReportDocument {
  const t = reportTexts(locale);
  const { frame } = input;
  const shown = visibleParts(input);
  const b = newBuilder(t);
  // The analyst's texts, or the generated drafts where none is written (issue 13).
  const texts = effectiveFederationTexts(input, locale);

  b.heading(1, t.summary).paragraph(t.summaryIntroFederation(frame.studyName, frame.year, frame.memberCount));
  const points: string[] = [];
  if (shown.maturity) {
    const values = shown.maturity.overview.rows.flatMap((row) => (row.maturityPercent === null ? [] : [row.maturityPercent]));
    if (values.length > 0) points.push(t.summaryFederationMaturity(shown.maturity.overview.rows.length, formatPercent(locale, values.reduce((sum, value) => sum + value, 0) / values.length / 100, 0)));
  }
  if (shown.capabilityMap) points.push(t.summaryFederationCandidates(shown.capabilityMap.matrix.candidates.length));
  b.bullets(points);
  paragraphs(b, texts.summary);
  const parts = [shown.maturity && t.partNames.maturity, shown.security && t.partNames.security, shown.costs && t.partNames.costs, shown.capabilityMap && t.partNames.capabilityMap].filter(
    (name): name is string => typeof name === 'string',
  );
  if (parts.length > 0) b.paragraph(t.summaryParts(listing(parts, t)));
  b.toc(t.labels.contents).pageBreak();
  assignmentSection(b, frame, t);
  termsSection(b, t);
  conceptsSection(b, t);
  methodSection(b, input, t, locale);
  participationTable(b, input, t);

  if (shown.maturity) {
    federationMaturitySection(b.pageBreak(), shown.maturity, t, locale);
    federationQuadrantsSection(b, shown.maturity.instrument, t, locale);
    interpretation(b, t, texts.maturity);
  }
  if (shown.security) {
    federationSecuritySection(b.pageBreak(), shown.security, t, locale);
    interpretation(b, t, texts.security);
  }
  if (shown.costs) {
    federationCostsSection(b.pageBreak(), shown.costs, t, locale);
    federationItWorkAreasSection(b, shown.costs, t, locale);
    interpretation(b, t, texts.costs);
  }
  if (shown.capabilityMap) {
    federationCapabilityMapSection(b.pageBreak(), shown.capabilityMap, t, locale);
    federationCapabilityLevelsSection(b, shown.capabilityMap, t, locale);
    interpretation(b, t, texts.capabilityMap);
  }
  if (shown.maturity || shown.costs) federationYardsticksSection(b.pageBreak(), { ...shown, frame }, t, locale);
  federationConclusionsSection(b.pageBreak(), shown, t, locale);
  b.heading(2, t.federationDrafts.recommendationsHeading).paragraph(t.federationDrafts.recommendationsIntro);
  b.bullets(lines(texts.recommendations));

  b.pageBreak().heading(1, t.goalPicture).paragraph(t.goalPictureIntro);
  b.bullets(frame.texts.goalPicture.length > 0 ? frame.texts.goalPicture : t.defaultGoalPicture);
  federationComplianceSection(b, input, t, locale);

  return documentShell(frame, t, locale, { title: frame.texts.title || t.federationTitle(frame.year), subtitle: frame.texts.subtitle || t.federationSubtitle(frame.studyName, frame.memberCount), subject: frame.studyName }, b);
}

/**
 * The parts with enough members to show: a part over fewer members than the threshold could
 * single one out (with two members, each can subtract its own figures), so it is left out.
 */
export function visibleParts(input: FederationReportInput): Pick<FederationReportInput, 'maturity' | 'security' | 'capabilityMap' | 'costs'> {
  const enough = (count: number) => count >= input.anonymityThreshold;
  return {
    maturity: input.maturity && enough(input.maturity.overview.rows.length) ? input.maturity : null,
    security: input.security && enough(input.security.members) ? input.security : null,
    capabilityMap: input.capabilityMap && enough(input.capabilityMap.matrix.members.length) ? input.capabilityMap : null,
    costs: input.costs && enough(input.costs.membersWithLedger) ? input.costs : null,
  };
}

function methodSection(b: DocumentBuilder, input: FederationReportInput, t: ReportTexts, locale: Locale): void {
  b.heading(1, t.method).paragraph(t.methodIntro);
  const points: string[] = [];
  if (input.maturity) points.push(`${pick(input.maturity.instrument.name, locale)}: ${t.federationMaturityIntro(input.maturity.overview.rows.length)}`);
  if (input.security) points.push(`${t.methodSecurity(pick(input.security.instrument.name, locale))} ${t.securityFederationIntro(input.security.members)}`);
  if (input.costs) points.push(t.federationCostsIntro(input.costs.membersWithLedger));
  if (input.capabilityMap) points.push(`${t.methodCapabilityMap(pick(input.capabilityMap.instrument.name, locale), allCapabilities(input.capabilityMap.instrument).length)} ${t.mapFederationIntro(input.capabilityMap.matrix.members.length)}`);
  b.bullets(points);
  b.paragraph(t.methodFederation(input.frame.memberCount, input.anonymityThreshold));
}

function participationTable(b: DocumentBuilder, input: FederationReportInput, t: ReportTexts): void {
  b.heading(2, t.participation);
  const mark = (value: boolean) => (value ? t.yes : t.no);
  b.table(
    t.participation,
    t.participationColumns,
    input.members.map((member) => [t.memberLabel(member.number), mark(member.parts.maturity), mark(member.parts.security), mark(member.parts.capabilityMap), mark(member.parts.costs)]),
  );
}
