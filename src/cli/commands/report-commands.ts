// `mogna report --org ORG --year YEAR --format docx|pdf|html --out FILE`: one member's sub-report
// (or, for the federation itself, the federation report), and
// `mogna report --federation ORG --year YEAR --out DIR [--format docx,pdf]`: every report of the
// study into a folder, through the same batch function as the web's ZIP. ORG is an organisation's
// id, its name or the name written as a slug (mellerud-kommun). The command acts as the platform
// operator: whoever runs it already holds the database. Bad arguments exit with code 2.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { AppContext } from '../../app/app-context.ts';
import { isAppError } from '../../app/errors.ts';
import { isLocale, locales, type Locale } from '../../i18n/locales.ts';
import { asciiSlug } from '../../reports/report-file-name.ts';
import { isReportFormat, type ReportFormat } from '../../reports/report-formats.ts';
import { withAppContext } from '../app-context-for-command.ts';
import { CliUsageError } from '../cli-errors.ts';
import { operatorToolActor } from '../operator-actor.ts';

// The report builders, renderers and database drivers load only when the command runs.

interface ReportOptions {
  org?: string;
  federation?: string;
  year?: string;
  format?: string;
  out?: string;
  lang: string;
}

/** The operator, as the command acts: may read and batch every report. */
const cliActor = operatorToolActor('mogna report');

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('write reports: one organisation’s report (--org) or every report of a federation’s study (--federation)')
    .option('--org <org>', 'the organisation (id, name or slug); a federation gives its federation report')
    .option('--federation <org>', 'the federation (id, name or slug): every member’s sub-report and the federation report')
    .option('--year <year>', 'the study year, e.g. 2025')
    .option('--format <format>', 'docx, pdf or html (with --federation a list, default docx,pdf; with --org default from --out)')
    .option('--out <path>', 'the file to write (--org) or the folder to write into (--federation)')
    .option('--lang <lang>', locales.join(' or '), 'sv')
    .action(async (options: ReportOptions) => {
      const request = parseOptions(options);
      await withAppContext(async (ctx) => {
        if (request.mode === 'org') await writeOneReport(ctx, request);
        else await writeStudyReports(ctx, request);
      });
    });
}

type ReportRequest =
  | { mode: 'org'; org: string; year: number; format: ReportFormat; out: string; locale: Locale }
  | { mode: 'federation'; org: string; year: number; formats: ReportFormat[]; out: string; locale: Locale };

function isFormat(value: string): value is ReportFormat {
  return isReportFormat(value);
}

function parseOptions(options: ReportOptions): ReportRequest {
  if ((options.org === undefined) === (options.federation === undefined)) throw new CliUsageError('give either --org ORG or --federation ORG');
  if (options.year === undefined) throw new CliUsageError('--year is required, e.g. --year 2025');
  const year = Number(options.year);
  if (!/^\d{4}$/.test(options.year) || !Number.isInteger(year)) throw new CliUsageError(`--year must be a year such as 2025, not "${options.year}"`);
  if (options.out === undefined || options.out.trim() === '') throw new CliUsageError('--out is required: a file with --org, a folder with --federation');
  if (!isLocale(options.lang)) throw new CliUsageError(`--lang must be ${locales.join(' or ')}, not "${options.lang}"`);
  const locale: Locale = options.lang;
  if (options.org !== undefined) {
    const format = options.format ?? extname(options.out).slice(1).toLowerCase();
    if (!isFormat(format)) throw new CliUsageError(`--format must be docx, pdf or html, not "${options.format ?? format}"`);
    return { mode: 'org', org: options.org, year, format, out: options.out, locale };
  }
  const formats = (options.format ?? 'docx,pdf').split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  const bad = formats.find((format) => !isFormat(format));
  if (bad !== undefined || formats.length === 0) throw new CliUsageError(`--format must be a list of docx, pdf and html, not "${options.format}"`);
  return { mode: 'federation', org: options.federation as string, year, formats: [...new Set(formats)] as ReportFormat[], out: options.out, locale };
}


/** Finds the organisation by id, exact name (any case) or slug; anything else is a usage error. */
export async function resolveOrganisation(ctx: AppContext, text: string): Promise<{ id: string; name: string; kind: string }> {
  const organisations = await ctx.db.selectFrom('organisations').select(['id', 'name', 'kind']).execute();
  const wanted = text.trim();
  const byId = organisations.find((organisation) => organisation.id === wanted);
  if (byId) return byId;
  const byName = organisations.filter((organisation) => organisation.name.toLocaleLowerCase('sv') === wanted.toLocaleLowerCase('sv'));
  const matches = byName.length > 0 ? byName : organisations.filter((organisation) => asciiSlug(organisation.name) === asciiSlug(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new CliUsageError(`"${text}" names ${matches.length} organisations; give the id (mogna org list): ${matches.map((match) => match.id).join(', ')}`);
  throw new CliUsageError(`no organisation "${text}" (see mogna org list)`);
}

async function checkYear(ctx: AppContext, organisation: { id: string; name: string }, year: number): Promise<void> {
  const { reportYears } = await import('../../modules/reports/report-service.ts');
  const years = await reportYears(ctx, cliActor, organisation.id);
  if (!years.includes(year)) {
    throw new CliUsageError(`${organisation.name} has nothing to report for ${year}${years.length > 0 ? ` (years with reports: ${years.join(', ')})` : ''}`);
  }
}

/** App errors (an organisation outside the study, say) are the user's mistake here: exit 2. */
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.code !== 'internal') throw new CliUsageError(`cannot make the report (${error.code})`);
    throw error;
  }
}

async function writeOneReport(ctx: AppContext, request: Extract<ReportRequest, { mode: 'org' }>): Promise<void> {
  const organisation = await resolveOrganisation(ctx, request.org);
  await checkYear(ctx, organisation, request.year);
  const { federationReportDocument, memberReportDocument, studyOf } = await import('../../modules/reports/report-service.ts');
  const content = await asUsage(async () => {
    const study = await studyOf(ctx, cliActor, organisation.id, request.year);
    const isFederation = study.isFederation && study.organisation.id === organisation.id;
    const document = isFederation
      ? await federationReportDocument(ctx, cliActor, organisation.id, request.year, request.locale)
      : await memberReportDocument(ctx, cliActor, organisation.id, request.year, request.locale);
    // A single report on the command line can afford the DOCX page-number layout (a few seconds).
    return ctx.reports.render(document, request.format, { docxPageNumbers: true });
  });
  try {
    writeFileSync(request.out, content);
  } catch (error) {
    throw new CliUsageError(`cannot write ${request.out} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  console.log(`Wrote ${request.out} (${organisation.name} ${request.year}, ${request.format}, ${content.length} bytes).`);
}

function prepareFolder(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw new CliUsageError(`cannot write into the folder ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

async function writeStudyReports(ctx: AppContext, request: Extract<ReportRequest, { mode: 'federation' }>): Promise<void> {
  const organisation = await resolveOrganisation(ctx, request.org);
  await checkYear(ctx, organisation, request.year);
  prepareFolder(request.out);
  const { generateStudyReports } = await import('../../modules/reports/batch-service.ts');
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { stream: process.stderr, format: 'Reports {bar} {value}/{total} | {current}', hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  const result = await asUsage(() =>
    generateStudyReports(ctx, cliActor, organisation.id, request.year, request.locale, {
      formats: request.formats,
      onProgress: (done, total, current) => {
        if (!bar) return;
        if (!started) bar.start(total, done, { current });
        else bar.update(done, { current });
        started = true;
      },
      write: async (fileName, content) => {
        const path = join(request.out, fileName);
        await writeFile(path, content);
        // Without a terminal, a line per file (for logs and scripts).
        if (!bar) console.log(`wrote ${path}`);
      },
    }),
  );
  bar?.stop();
  console.log(`Wrote ${result.files.length} files for ${result.study.organisation.name} ${request.year} into ${request.out}.`);
}
