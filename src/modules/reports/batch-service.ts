// Every report of a study in one run: the federation report and each member's sub-report, in
// each asked format. One function for the web (which writes a ZIP, /org/:id/reports/:year/batch)
// and the CLI (`mogna report --federation`, which writes files into a folder). Only those who run
// the study may run it: the files name every member.
import type { AppContext } from '../../app/app-context.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeRunStudy } from '../../access/report-policy.ts';
import type { Locale } from '../../i18n/format.ts';
import type { ReportDocument } from '../../reports/report-model.ts';
import { asciiSlug } from '../../reports/report-file-name.ts';
import { federationReportDocument, memberReportDocument, studyOf, type Study, type StudyMember } from './report-service.ts';
import type { ReportFormat } from './report-types.ts';

export interface BatchOptions {
  formats: readonly ReportFormat[];
  /** Called before each file (with the label of the report being made) and once at the end. */
  onProgress?: (done: number, total: number, currentLabel: string) => void;
  /** Receives each finished file; files arrive one at a time, so a ZIP or a folder can take them in order. */
  write: (fileName: string, content: Buffer) => Promise<void>;
}

export interface BatchPlanItem {
  kind: 'federation' | 'member';
  organisationId: string;
  label: string;
  baseName: string;
}

export interface BatchResult {
  study: Study;
  files: string[];
}

function tookPart(member: StudyMember): boolean {
  return Object.values(member.parts).some(Boolean);
}

/** What the batch will produce, in order; the base names are unique within the study. */
export function planStudyReports(study: Study): BatchPlanItem[] {
  const used = new Set<string>();
  const unique = (base: string): string => {
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base}-${n}`;
    used.add(name);
    return name;
  };
  const items: BatchPlanItem[] = [];
  if (study.isFederation) {
    items.push({ kind: 'federation', organisationId: study.organisation.id, label: study.organisation.name, baseName: unique(`mogna-${asciiSlug(study.organisation.name)}-${study.year}`) });
  }
  for (const member of [...study.members].filter(tookPart).sort((a, b) => a.number - b.number)) {
    items.push({ kind: 'member', organisationId: member.id, label: member.name, baseName: unique(`mogna-${asciiSlug(member.name)}-${study.year}`) });
  }
  return items;
}

/**
 * Between documents the batch yields to the event loop, so the server keeps answering other
 * requests (this job's progress polls too) while it gathers data; with REPORT_WORKERS=0 the
 * drawing itself also happens on this thread, between these turns.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface ReportInFlight {
  item: BatchPlanItem;
  /** One per asked format, in the order of `formats`. */
  files: Promise<Buffer[]>;
}

/**
 * Gathers each report's data here (the database is this thread's) and has the renderer draw its
 * formats, keeping as many reports in flight as the renderer draws at once, so every worker
 * stays busy while the next document is gathered. Files are written in the plan's order
 * whatever order they finish in, so a ZIP lists them the same way every time.
 */
export async function generateStudyReports(ctx: AppContext, actor: Actor, studyOrganisationId: string, year: number, locale: Locale, options: BatchOptions): Promise<BatchResult> {
  const study = await studyOf(ctx, actor, studyOrganisationId, year);
  authorizeRunStudy(actor, study.organisation.id);
  const plan = planStudyReports(study);
  const total = plan.length * options.formats.length;
  const files: string[] = [];
  const inFlight: ReportInFlight[] = [];

  const writeOldest = async (): Promise<void> => {
    const { item, files: rendered } = inFlight.shift()!;
    options.onProgress?.(files.length, total, item.label);
    const contents = await rendered;
    for (const [index, format] of options.formats.entries()) {
      const fileName = `${item.baseName}.${format}`;
      await options.write(fileName, contents[index]!);
      files.push(fileName);
      options.onProgress?.(files.length, total, item.label);
    }
  };

  for (const item of plan) {
    if (inFlight.length >= Math.max(1, ctx.reports.parallelism)) await writeOldest();
    options.onProgress?.(files.length, total, (inFlight[0] ?? { item }).item.label);
    await nextTurn();
    // One document per report, drawn in every format: the formats cannot disagree.
    const document: ReportDocument =
      item.kind === 'federation' ? await federationReportDocument(ctx, actor, item.organisationId, year, locale) : await memberReportDocument(ctx, actor, item.organisationId, year, locale);
    // The DOCX page numbers are left to Word here: estimating them costs a second per report.
    const rendered = ctx.reports.renderFormats(document, options.formats, { docxPageNumbers: false });
    // A report may fail while the batch is busy elsewhere; it is awaited (and the failure
    // reported) in writeOldest, but unobserved until then it would take the process down.
    rendered.catch(() => {});
    inFlight.push({ item, files: rendered });
  }
  while (inFlight.length > 0) await writeOldest();
  options.onProgress?.(files.length, total, '');
  return { study, files };
}
