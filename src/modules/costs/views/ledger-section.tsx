// The year page's ledger section: what was imported (file, format, rows, time, hash, the
// importer's warnings), the upload form and, for those who manage costs, deleting the ledger.
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { Button, CsrfField } from '../../../ui/forms.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { CostOverview, UploadFormState, YearPageModel } from '../presenter.ts';
import { costsPath } from './parts.tsx';

type Upload = Pick<YearPageModel, 'uploadMaxMb' | 'uploadAccept' | 'ledgerFormatLabel'>;

export function LedgerSection({ page, overview, upload, model }: { page: PageContext; overview: CostOverview; upload: UploadFormState; model: Upload }) {
  const { m, locale } = page;
  const { organisation, year, ledger } = overview;
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">{m.costs.ledgerHeading}</h2>
      {ledger ? (
        <>
          <dl class="summary-list" data-testid="ledger-facts">
            <div>
              <dt>{m.costs.fileName}</dt>
              <dd>{ledger.fileName}</dd>
            </div>
            <div>
              <dt>{m.costs.fileFormat}</dt>
              <dd>{model.ledgerFormatLabel}</dd>
            </div>
            <div>
              <dt>{m.costs.rowCount}</dt>
              <dd>{formatNumber(locale, ledger.rowCount)}</dd>
            </div>
            <div>
              <dt>{m.costs.importedAt}</dt>
              <dd>{formatDateTime(locale, ledger.importedAt)}</dd>
            </div>
            <div>
              <dt>{m.costs.fileHash}</dt>
              <dd class="hash">{ledger.fileHash}</dd>
            </div>
          </dl>
          {ledger.fileYear !== null && ledger.fileYear !== year ? <p class="notice">{m.costs.fileYearDiffers(ledger.fileYear, year)}</p> : null}
          {ledger.warnings.length > 0 ? (
            <details class="warnings">
              <summary>
                {m.costs.warningsHeading} ({ledger.warnings.length})
              </summary>
              <ul>
                {ledger.warnings.map((warning) => {
                  const known = (m.costs.warningTexts as Record<string, string>)[warning.code];
                  return (
                    <li>
                      {warning.line === null ? '' : m.costs.warningLine(warning.line)}
                      {known ?? null}{' '}
                      <span class="hint" lang="en">
                        ({warning.message})
                      </span>
                    </li>
                  );
                })}
              </ul>
            </details>
          ) : null}
        </>
      ) : (
        <p>{m.costs.noLedger}</p>
      )}
      {overview.canManage ? <UploadForm page={page} overview={overview} upload={upload} model={model} /> : null}
      {overview.canManage && ledger ? (
        <form method="post" action={`${costsPath(organisation.id, year)}/ledger/delete`} class="panel">
          <CsrfField token={page.csrfToken} />
          <p>{m.costs.deleteLedgerHint}</p>
          <Button variant="warning">{m.costs.deleteLedger(year)}</Button>
        </form>
      ) : null}
    </section>
  );
}

function UploadForm({ page, overview, upload, model }: { page: PageContext; overview: CostOverview; upload: UploadFormState; model: Upload }) {
  const { m } = page;
  const fileError = upload.errors['ledger-file'];
  const action = `${costsPath(overview.organisation.id, overview.year)}/ledger`;
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="panel" data-ledger-upload novalidate>
      <CsrfField token={page.csrfToken} />
      <h3>{overview.ledger ? m.costs.uploadAgainHeading : m.costs.uploadHeading}</h3>
      {overview.ledger ? <p>{m.costs.uploadReplaces}</p> : null}
      <div class={`field${fileError ? ' field-has-error' : ''}`}>
        <label class="label" for="ledger-file">
          {m.costs.uploadFile}
        </label>
        <p class="hint" id="ledger-file-hint">
          {m.costs.uploadFileHint(model.uploadMaxMb)} {m.costs.uploadColumnsNext}
        </p>
        {fileError ? (
          <div class="field-error" id="ledger-file-error" data-testid="upload-error">
            <p>
              <span class="visually-hidden">{m.common.errorPrefix} </span>
              {fileError}
            </p>
            {upload.problem ? (
              <>
                <p>
                  {upload.problem.line === null ? '' : m.costs.uploadProblemAt(upload.problem.line)}
                  {upload.problem.message}
                </p>
                <p class="hint">
                  {m.costs.uploadDetail} <span lang="en">{upload.problem.detail}</span>
                </p>
              </>
            ) : null}
          </div>
        ) : null}
        <input
          class="file-input"
          id="ledger-file"
          name="file"
          type="file"
          accept={model.uploadAccept}
          aria-describedby={`ledger-file-hint${fileError ? ' ledger-file-error' : ''}`}
          aria-invalid={fileError ? 'true' : undefined}
        />
      </div>
      <p class="hint">{m.costs.fileKept}</p>
      <div class="upload-progress" hidden data-upload-progress>
        <label for="ledger-progress">{m.costs.progressLabel}</label>
        <progress id="ledger-progress" max={100} value={0}></progress>
        <p role="status" aria-live="polite" data-upload-status data-text-uploading={m.costs.progressUploading('{percent}')} data-text-saving={m.costs.progressSaving} data-text-failed={m.costs.progressFailed}></p>
      </div>
      <Button>{m.costs.uploadButton}</Button>
    </form>
  );
}
