// Routes of the ledger upload: the file streams into the importer (SIE) or is staged until its
// columns are chosen (CSV, XLSX), and the year's ledger can be deleted. With JavaScript,
// /static/ledger-upload.js sends the same form by XMLHttpRequest to show progress and gets the
// next address as JSON instead of a redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { AppError, errorCatalogue } from '../../app/errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import { readHeaderRow } from '../../importers/ledger/header-row.ts';
import { LedgerImportError } from '../../importers/ledger/ledger-import-error.ts';
import { findLedgerFormatByFileName } from '../../importers/ledger/registry.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import { FLASH_COOKIE, pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, parseParams, validateForm } from '../../web/validate.ts';
import { uploadedFile } from '../../web/multipart-upload.ts';
import { LEDGER_UPLOAD_MAX_BYTES, LEDGER_UPLOAD_MAX_MB, preselectColumns, watchedUpload, type ColumnField, type ColumnValues } from './cost-upload.ts';
import { findPendingUpload, removePendingUpload, stagePendingUpload, sweepPendingUploads, type PendingUpload } from './pending-upload.ts';
import { presentColumns, uploadProblemOf, type UploadFormState, type UploadProblem } from './presenter.ts';
import { columnsForm, columnsQuery, columnsText, tokenParams, yearParams } from './schema.ts';
import { authorizeLedgerImport, deleteLedger, getCostOverview, getSavedColumnMapping, importLedger } from './service.ts';
import { ColumnsPage } from './views/columns-page.tsx';
import { costsPath } from './views/parts.tsx';

/** Shows the year page again, here with the upload form's problems. */
export type ShowYearWithUpload = (request: FastifyRequest, reply: FastifyReply, orgId: string, year: number, upload: UploadFormState, status: number) => Promise<FastifyReply>;

/** After a successful POST: a redirect for forms, the address as JSON for the upload script. */
function done(request: FastifyRequest, reply: FastifyReply, location: string, message: string | null): FastifyReply {
  if (request.headers['x-requested-with'] === 'XMLHttpRequest') {
    if (message !== null) reply.setCookie(FLASH_COOKIE, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
    return reply.header('cache-control', 'no-store').send({ location });
  }
  return message === null ? reply.redirect(location, 303) : redirectWithFlash(reply, location, message);
}

function userIdOf(request: FastifyRequest): string {
  return request.actor.kind === 'user' ? request.actor.userId : '';
}

export function registerLedgerUploadRoutes(app: FastifyInstance, ctx: AppContext, showYear: ShowYearWithUpload): void {
  app.post('/org/:orgId/costs/:year/ledger', { config: { uploadLimits: { fileSize: LEDGER_UPLOAD_MAX_BYTES, files: 1 } } }, async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    await authorizeLedgerImport(ctx, request.actor, orgId, year);
    const m = request.m;
    const fail = (upload: UploadFormState, status: number) => showYear(request, reply, orgId, year, upload, status);
    if (!request.isMultipart()) return fail({ errors: { 'ledger-file': m.costs.uploadNoFile }, problem: null }, 400);
    const file = uploadedFile(request);
    if (!file || !file.filename) {
      file?.file.resume();
      return fail({ errors: { 'ledger-file': m.costs.uploadNoFile }, problem: null }, 400);
    }
    const entry = findLedgerFormatByFileName(file.filename);
    if (entry === null) {
      file.file.resume();
      return fail({ errors: { 'ledger-file': m.costs.uploadUnknownFormat }, problem: null }, errorCatalogue.ledger_unknown_format);
    }
    const format = entry.format;
    const upload = watchedUpload(file.file);
    const tooLarge = () => fail({ errors: { 'ledger-file': m.costs.uploadTooLarge(LEDGER_UPLOAD_MAX_MB) }, problem: null }, 413);
    const rejected = (error: LedgerImportError) => fail({ errors: { 'ledger-file': m.costs.uploadRejected }, problem: uploadProblemOf(error, request.m) }, error.status);
    const imported = (rows: number, centres: number) =>
      done(request, reply, costsPath(orgId, year), m.costs.uploadImported(formatNumber(request.locale, rows), formatNumber(request.locale, centres)));

    if (!entry.needsColumns) {
      try {
        const result = await importLedger(ctx, request.actor, orgId, year, { fileName: file.filename, format, source: upload.source });
        return imported(result.rowCount, result.costCentreCount);
      } catch (error) {
        file.file.resume();
        if (upload.truncated()) return tooLarge();
        if (error instanceof LedgerImportError) return rejected(error);
        throw error;
      }
    }

    // CSV and XLSX: staged until the columns are known (the column-mapping step).
    await sweepPendingUploads();
    let pending: PendingUpload | null;
    try {
      const token = await stagePendingUpload(upload.source, {
        organisationId: orgId,
        year,
        userId: userIdOf(request),
        fileName: file.filename,
        format,
        createdAt: ctx.clock.now().toISOString(),
      });
      pending = await findPendingUpload(token, { userId: userIdOf(request), organisationId: orgId, year });
    } catch (error) {
      file.file.resume();
      if (upload.truncated()) return tooLarge();
      throw error;
    }
    if (!pending) throw new AppError('internal');
    if (entry.preflight) {
      // A ZIP bomb is refused before anything (the column page, the import) parses it.
      try {
        await entry.preflight(pending.path);
      } catch (error) {
        await removePendingUpload(pending.token);
        if (error instanceof LedgerImportError) return rejected(error);
        throw error;
      }
    }
    const columnsUrl = `${costsPath(orgId, year)}/columns/${pending.token}`;
    const saved = await getSavedColumnMapping(ctx, request.actor, orgId);
    if (!saved) return done(request, reply, columnsUrl, null);
    try {
      const result = await importLedger(ctx, request.actor, orgId, year, { fileName: pending.meta.fileName, format, source: pending.open(), columns: saved });
      await removePendingUpload(pending.token);
      return imported(result.rowCount, result.costCentreCount);
    } catch (error) {
      if (error instanceof LedgerImportError && error.code === 'MISSING_COLUMN') return done(request, reply, `${columnsUrl}?saved=mismatch`, null);
      await removePendingUpload(pending.token);
      if (error instanceof LedgerImportError) return rejected(error);
      throw error;
    }
  });

  async function pendingOf(request: FastifyRequest): Promise<{ orgId: string; year: number; pending: PendingUpload }> {
    const { orgId, year, token } = parseParams(tokenParams, request.params);
    await authorizeLedgerImport(ctx, request.actor, orgId, year);
    const pending = await findPendingUpload(token, { userId: userIdOf(request), organisationId: orgId, year });
    if (!pending) throw new AppError('not_found');
    return { orgId, year, pending };
  }

  async function showColumns(
    request: FastifyRequest,
    reply: FastifyReply,
    input: { orgId: string; year: number; pending: PendingUpload; values?: ColumnValues; errors?: FieldErrors; problem?: UploadProblem; notice?: string },
    status = 200,
  ) {
    const overview = await getCostOverview(ctx, request.actor, input.orgId, input.year);
    const header = await readHeaderRow(input.pending.open(), input.pending.meta.format);
    const values = input.values ?? preselectColumns(header?.headings ?? [], await getSavedColumnMapping(ctx, request.actor, input.orgId));
    return sendPage(
      reply,
      <ColumnsPage
        page={pageContext(request, reply)}
        organisationId={input.orgId}
        organisationName={overview.organisation.name}
        year={input.year}
        token={input.pending.token}
        fileName={input.pending.meta.fileName}
        headings={header?.headings ?? null}
        sample={header?.sample ?? []}
        choices={presentColumns(header?.headings ?? null, request.m)}
        values={values}
        errors={input.errors ?? {}}
        problem={input.problem ?? null}
        notice={input.notice ?? null}
      />,
      status,
    );
  }

  app.get('/org/:orgId/costs/:year/columns/:token', async (request, reply) => {
    const target = await pendingOf(request);
    const { saved } = parseInput(columnsQuery, request.query);
    return showColumns(request, reply, { ...target, notice: saved === 'mismatch' ? request.m.costs.columnsSavedMismatch : undefined });
  });

  app.post('/org/:orgId/costs/:year/columns/:token', async (request, reply) => {
    const target = await pendingOf(request);
    const values = parseInput(columnsText, request.body);
    const form = validateForm(columnsForm, values, (issue) => `${request.m.costs.columns[issue.message as ColumnField]}: ${request.m.costs.columnRequired.toLowerCase()}`);
    if (!form.ok) return showColumns(request, reply, { ...target, values, errors: form.errors }, 400);
    try {
      const imported = await importLedger(ctx, request.actor, target.orgId, target.year, {
        fileName: target.pending.meta.fileName,
        format: target.pending.meta.format,
        source: target.pending.open(),
        columns: form.value,
      });
      await removePendingUpload(target.pending.token);
      return redirectWithFlash(
        reply,
        costsPath(target.orgId, target.year),
        request.m.costs.uploadImported(formatNumber(request.locale, imported.rowCount), formatNumber(request.locale, imported.costCentreCount)),
      );
    } catch (error) {
      if (!(error instanceof LedgerImportError)) throw error;
      return showColumns(request, reply, { ...target, values, problem: uploadProblemOf(error, request.m) }, error.status);
    }
  });

  app.post('/org/:orgId/costs/:year/columns/:token/cancel', async (request, reply) => {
    const target = await pendingOf(request);
    await removePendingUpload(target.pending.token);
    return redirectWithFlash(reply, costsPath(target.orgId, target.year), request.m.costs.columnsCancelled);
  });

  app.post('/org/:orgId/costs/:year/ledger/delete', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    await deleteLedger(ctx, request.actor, orgId, year);
    return redirectWithFlash(reply, costsPath(orgId, year), request.m.costs.ledgerDeleted(year));
  });
}
