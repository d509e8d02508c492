// The web's batch of every report in a study, run in the background of this process: a POST
// starts a job and gets its id at once, the page polls the job's progress, and the finished ZIP
// (written as a stream to the temporary directory, never held in memory) is downloaded from it.
// A job belongs to the user who started it; at most one runs per study and year; a job and its
// file are removed an hour after it started (job ages by ctx.clock). The ZIP is written as
// `….zip.partial` and renamed when complete, so a batch cut off (SIGTERM, a crash) never leaves a
// file that looks finished; files left by an earlier process are swept at start-up and every
// few minutes (file ages by their modification time). The registry is the context's job store
// (ctx.jobs), in memory: a restart forgets jobs (the user starts again), which is acceptable for
// a file anyone allowed can rebuild. Files go through ctx.files, errors to ctx.logger.
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { AppContext } from '../../app/app-context.ts';
import { AppError, isAppError, type ErrorCode } from '../../app/errors.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeRunStudy } from '../../access/report-policy.ts';
import type { Locale } from '../../i18n/format.ts';
import { generateStudyReports, planStudyReports } from './batch-service.ts';
import { asciiSlug } from '../../reports/report-file-name.ts';
import { studyOf } from './report-service.ts';
import type { ReportFormat } from './report-types.ts';

const BATCH_FORMATS: readonly ReportFormat[] = ['docx', 'pdf'];
export const BATCH_JOB_LIFETIME_MS = 60 * 60 * 1000;

type BatchJobStatus = 'running' | 'done' | 'failed';

export interface BatchJob {
  id: string;
  ownerUserId: string;
  studyOrganisationId: string;
  studyName: string;
  year: number;
  status: BatchJobStatus;
  done: number;
  total: number;
  current: string;
  /** The error's code when the job failed. */
  error: ErrorCode | null;
  /** The ZIP in the temporary directory. */
  filePath: string;
  /** The name the download gets. */
  fileName: string;
  startedAt: number;
}

/** This context's batch jobs. */
function jobsOf(ctx: Pick<AppContext, 'jobs'>) {
  return ctx.jobs.store<BatchJob>('report-batch');
}

function ownerOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor.userId;
}

/** Forgets jobs older than an hour (by the app's clock) and deletes their files. */
async function sweepBatchJobs(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now().getTime();
  const jobs = jobsOf(ctx);
  for (const job of jobs.values()) {
    if (now - job.startedAt < BATCH_JOB_LIFETIME_MS) continue;
    jobs.delete(job.id);
    await ctx.files.remove(job.filePath);
    await ctx.files.remove(partialPathOf(job.filePath));
  }
}

/** Where batch ZIPs are written. */
export function batchDir(ctx: Pick<AppContext, 'files'>): string {
  return ctx.files.dir;
}

const BATCH_FILE = /^mogna-reports-[0-9a-f]{32}\.zip(\.partial)?$/;
/** A partial file not written to for this long belongs to a batch that was cut off. */
export const PARTIAL_IDLE_MS = 5 * 60 * 1000;

function partialPathOf(filePath: string): string {
  return `${filePath}.partial`;
}

/**
 * Deletes batch files in the context's temporary directory that no job of this context will
 * serve: finished ZIPs older than a job's lifetime and partial ZIPs nobody has written to for
 * PARTIAL_IDLE_MS. File times are wall-clock times, so the files port compares them with the real
 * clock (not ctx.clock). Returns how many files it removed.
 */
export async function sweepBatchFiles(ctx: Pick<AppContext, 'files' | 'jobs'>): Promise<number> {
  const names = await ctx.files.list();
  const live = new Set(jobsOf(ctx).values().flatMap((job) => [job.filePath, partialPathOf(job.filePath)]));
  let removed = 0;
  for (const name of names) {
    const match = BATCH_FILE.exec(name);
    if (!match) continue;
    const path = ctx.files.path(name);
    if (live.has(path)) continue;
    try {
      const age = await ctx.files.ageMs(path);
      if (age < (match[1] ? PARTIAL_IDLE_MS : BATCH_JOB_LIFETIME_MS)) continue;
      await ctx.files.remove(path);
      removed += 1;
    } catch {
      // Gone already (another sweep): nothing to do.
    }
  }
  return removed;
}

/** Forgets every finished job and deletes its file (tests, and a server shutting down). */
export async function discardFinishedBatchJobs(ctx: Pick<AppContext, 'files' | 'jobs'>): Promise<void> {
  const jobs = jobsOf(ctx);
  for (const job of jobs.values()) {
    if (job.status === 'running') continue;
    jobs.delete(job.id);
    await ctx.files.remove(job.filePath);
  }
}

async function runJob(ctx: AppContext, actor: Actor, job: BatchJob, locale: Locale): Promise<void> {
  // Let the request that started the job send its redirect before the first report is drawn.
  await new Promise((resolve) => setImmediate(resolve));
  const zip = new yazl.ZipFile();
  const partial = partialPathOf(job.filePath);
  const written = pipeline(zip.outputStream, ctx.files.createWriteStream(partial));
  try {
    // No name key in the ZIP: it is meant for sharing, and the anonymised federation report must
    // stay anonymous. Those who run the study download the key on its own (nameKeyText).
    await generateStudyReports(ctx, actor, job.studyOrganisationId, job.year, locale, {
      formats: BATCH_FORMATS,
      onProgress: (done, total, current) => Object.assign(job, { done, total, current }),
      write: async (fileName, content) => {
        zip.addBuffer(content, fileName);
      },
    });
    zip.end();
    await written;
    await ctx.files.rename(partial, job.filePath);
    job.status = 'done';
  } catch (error) {
    zip.end();
    await written.catch(() => {});
    await ctx.files.remove(partial);
    await ctx.files.remove(job.filePath);
    job.status = 'failed';
    job.error = isAppError(error) ? error.code : 'internal';
    if (!isAppError(error)) ctx.logger.error('report batch failed', error);
  }
}

/**
 * Starts the batch of a study (or returns the caller's job already running for it). Access is
 * checked here, before the job exists, so a refused request gets its error at once.
 */
export async function startBatchJob(ctx: AppContext, actor: Actor, organisationId: string, year: number, locale: Locale): Promise<BatchJob> {
  const owner = ownerOf(actor);
  const study = await studyOf(ctx, actor, organisationId, year);
  authorizeRunStudy(actor, study.organisation.id);
  await sweepBatchJobs(ctx);
  const jobs = jobsOf(ctx);
  const running = jobs.values().find((job) => job.status === 'running' && job.studyOrganisationId === study.organisation.id && job.year === year);
  if (running) {
    if (running.ownerUserId === owner) return running;
    throw new AppError('report_batch_running');
  }
  const id = randomBytes(16).toString('hex');
  const job: BatchJob = {
    id,
    ownerUserId: owner,
    studyOrganisationId: study.organisation.id,
    studyName: study.organisation.name,
    year,
    status: 'running',
    done: 0,
    total: planStudyReports(study).length * BATCH_FORMATS.length,
    current: '',
    error: null,
    filePath: ctx.files.path(`mogna-reports-${id}.zip`),
    fileName: `mogna-${asciiSlug(study.organisation.name)}-${year}-rapporter.zip`,
    startedAt: ctx.clock.now().getTime(),
  };
  jobs.set(id, job);
  // Removed after an hour even if nobody starts another batch; the timer does not hold the process open.
  setTimeout(() => void sweepBatchJobs(ctx).catch(() => {}), BATCH_JOB_LIFETIME_MS + 1000).unref();
  void runJob(ctx, actor, job, locale);
  return job;
}

/** The caller's own job of that study; anyone else's, or an expired one, is not found. */
export function findBatchJob(ctx: AppContext, actor: Actor, studyOrganisationId: string, year: number, jobId: string): BatchJob {
  const job = jobsOf(ctx).get(jobId);
  if (!job || actor.kind !== 'user' || job.ownerUserId !== actor.userId || job.studyOrganisationId !== studyOrganisationId || job.year !== year) {
    throw new AppError('not_found');
  }
  if (ctx.clock.now().getTime() - job.startedAt >= BATCH_JOB_LIFETIME_MS) throw new AppError('not_found');
  return job;
}
