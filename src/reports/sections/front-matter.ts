// The parts every report shares: the document shell (title page fields, version, classification,
// history), the assignment, the terms and the numbering labels.
import type { Locale } from '../../i18n/format.ts';
import { classificationText } from '../classification.ts';
import { DocumentBuilder } from '../document-builder.ts';
import type { ReportFrame } from '../report-input.ts';
import type { ReportDocument } from '../report-model.ts';
import type { ReportTexts } from '../report-texts.ts';

export function newBuilder(t: ReportTexts): DocumentBuilder {
  return new DocumentBuilder({ figure: t.figure, table: t.table });
}

export function documentShell(
  frame: ReportFrame,
  t: ReportTexts,
  locale: Locale,
  heading: { title: string; subtitle: string; subject: string },
  builder: DocumentBuilder,
): ReportDocument {
  const latest = frame.history.at(-1);
  return {
    locale,
    title: heading.title,
    subtitle: heading.subtitle,
    subject: heading.subject,
    author: frame.texts.author || frame.studyName,
    date: latest?.date ?? frame.today,
    version: latest?.version ?? t.draft,
    classification: { level: frame.classification, ...classificationText(frame.classification, locale) },
    history: frame.history,
    ...(frame.logo ? { logo: { ...frame.logo, alt: t.logoAlt(frame.studyName) } } : {}),
    labels: t.labels,
    blocks: builder.blocks,
  };
}

export function assignmentSection(b: DocumentBuilder, frame: ReportFrame, t: ReportTexts): void {
  const own = frame.texts;
  b.heading(1, t.assignment);
  b.heading(2, t.background).paragraph(own.background || t.defaultBackground(frame.studyName));
  b.heading(2, t.purpose).paragraph(own.purpose || t.defaultPurpose);
  b.heading(2, t.goal).paragraph(own.goal || t.defaultGoal);
  b.heading(2, t.scope).paragraph(own.scope || t.defaultScope);
}

export function termsSection(b: DocumentBuilder, t: ReportTexts): void {
  b.heading(1, t.terms);
  b.table(t.terms, t.termColumns, t.termRows.map(([term, meaning]) => [term, meaning]));
}

/** "a, b och c" */
export function listing(parts: readonly string[], t: ReportTexts): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${t.and} ${parts.at(-1)}`;
}
