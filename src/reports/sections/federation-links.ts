// Links from a member's sub-report to the matching chapter of the federation report. The
// federation report's file is named as the batch names it (mogna-<study>-<year>) and its
// headings get their ids from the same function the builder uses, so the anchor matches.
import { asciiSlug } from '../report-file-name.ts';
import { headingId, type DocumentBuilder } from '../document-builder.ts';
import type { ReportFrame } from '../report-input.ts';
import type { ReportLink } from '../report-model.ts';
import type { ReportTexts } from '../report-texts.ts';

/** The federation report's base file name (without extension), as the batch (`modules/reports/batch-service.ts`) writes it. */
function federationReportBaseName(frame: Pick<ReportFrame, 'studyName' | 'year'>): string {
  return `mogna-${asciiSlug(frame.studyName)}-${frame.year}`;
}

function federationChapterLink(frame: Pick<ReportFrame, 'studyName' | 'year'>, chapter: string): ReportLink {
  return { file: federationReportBaseName(frame), anchor: headingId(chapter) };
}

/**
 * "The matching picture … is in the chapter X of the joint report (file)", as a "see also" box at
 * the end of a part; only inside a federation, where there is a federation report.
 */
export function federationLinkCallout(b: DocumentBuilder, frame: ReportFrame, chapter: string, t: ReportTexts): void {
  if (!frame.isFederation) return;
  const link = federationChapterLink(frame, chapter);
  b.callout('info', t.chapters.seeFederation, { text: t.chapters.federationLink(chapter, link.file), link });
}
