// The batch's progress page: it refreshes itself and, with JavaScript, /static/report-batch.js
// updates the bar in place.
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { batchPath, reportsPath, type BatchJob } from '../presenter.ts';
import { Breadcrumb } from './parts.tsx';

export function BatchJobPage({ page, organisationId, job }: { page: PageContext; organisationId: string; job: BatchJob }) {
  const t = page.m.reportPages.batch;
  const base = batchPath(organisationId, job.year, job.id);
  const running = job.status === 'running';
  return (
    <Layout page={page} title={`${t.title(job.year)} – ${job.studyName}`} scripts={running ? ['/static/report-batch.js'] : []} refreshSeconds={running ? 2 : undefined}>
      <Breadcrumb page={page} organisationId={organisationId} organisationName={job.studyName} year={job.year} />
      <h1>{t.title(job.year)}</h1>
      <div data-batch-status={`${base}.json`} data-testid="batch-status">
        <label for="batch-progress" class="label">
          {t.progressLabel}
        </label>
        <progress id="batch-progress" max={Math.max(job.total, 1)} value={job.done}>
          {t.progress(job.done, job.total)}
        </progress>
        <p role="status" data-batch-text>
          {t.progress(job.done, job.total)}
          {running && job.current !== '' && job.done < job.total ? `. ${t.current(job.current)}` : ''}
        </p>
        {running ? <p data-batch-running>{t.running}</p> : null}
        <div data-batch-done hidden={job.status !== 'done'}>
          <p class="notice notice-success">{t.done}</p>
          <p>
            <a class="button button-primary" href={`${base}.zip`} download data-testid="batch-download">
              {t.download}
            </a>
          </p>
          <p class="hint">{t.expires}</p>
        </div>
        <div data-batch-failed hidden={job.status !== 'failed'}>
          <div class="notice notice-warning" role="alert">
            <p>
              <strong>{t.failed}</strong>
            </p>
            <p data-batch-error>{job.error && job.error !== 'internal' ? page.m.errors[job.error].body : t.failedHint}</p>
          </div>
        </div>
      </div>
      <p>
        <a href={reportsPath(organisationId, job.year)}>{t.back}</a>
      </p>
    </Layout>
  );
}
