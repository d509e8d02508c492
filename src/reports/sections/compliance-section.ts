// "Efterlevnad": who owns the report and how it is filed, and the classification it carries.
// A sub-report belongs to the member; the federation report to the study organisation.
import { classificationText } from '../classification.ts';
import type { Locale } from '../../i18n/format.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { FederationReportInput, MemberReportInput, ReportFrame } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';

function classificationParagraph(b: DocumentBuilder, frame: ReportFrame, t: ReportTexts, locale: Locale): void {
  b.paragraph(t.chapters.complianceClassification(classificationText(frame.classification, locale).label));
  b.paragraph(t.chapters.complianceSources);
}

export function memberComplianceSection(b: DocumentBuilder, input: MemberReportInput, t: ReportTexts, locale: Locale): void {
  b.heading(1, t.chapters.complianceTitle).paragraph(t.chapters.complianceMember(input.member.name));
  classificationParagraph(b, input.frame, t, locale);
}

export function federationComplianceSection(b: DocumentBuilder, input: FederationReportInput, t: ReportTexts, locale: Locale): void {
  b.heading(1, t.chapters.complianceTitle).paragraph(t.chapters.complianceFederation(input.frame.studyName));
  classificationParagraph(b, input.frame, t, locale);
}
