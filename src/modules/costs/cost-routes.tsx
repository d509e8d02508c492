// Routes of the IT-cost analysis. Thin: validate with zod, call the cost service (which asks the
// cost policy), render a view. The ledger upload streams the file into the importer; with
// JavaScript, /static/ledger-upload.js sends the same form by XMLHttpRequest to show progress
// and gets the next address as JSON instead of a redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError, isAppError } from '../../app/errors.ts';
import { sendChart } from '../../web/send-chart.ts';
import { ownPoolsChart, insideOutsideSplitChart } from '../../charts/cost-charts.ts';
import { IT_TOWER_KEYS, itTowers, type TowerStaffing } from '../../domain/costs/it-towers.ts';
import { formatMappingRulesCsv, MappingRulesError } from '../../domain/costs/mapping-rules.ts';
import { parseLocaleAmountOre } from '../../domain/costs/money.ts';
import { formatNumber } from '../../i18n/format.ts';
import { LedgerImportError, ledgerImportErrorMessages } from '../../importers/ledger/ledger-import-error.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import { FLASH_COOKIE, pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import {
  addAccountRule,
  authorizeLedgerImport,
  chooseCentralIt,
  deleteLedger,
  getCostComparison,
  getCostOverview,
  getRuleSet,
  getSavedColumnMapping,
  importLedger,
  isCostYear,
  latestLedgerYear,
  ledgerFormatOf,
  resetRules,
  saveRulesCsv,
  saveTowers,
  setTotalCost,
} from './cost-service.ts';
import { readHeaderRow } from '../../importers/ledger/header-row.ts';
import { assertXlsxWithinLimits } from '../../importers/ledger/xlsx-ledger-limits.ts';
import { COLUMN_FIELDS, columnMappingOf, columnValuesOf, LEDGER_UPLOAD_MAX_BYTES, LEDGER_UPLOAD_MAX_MB, preselectColumns, watchedUpload, type ColumnValues } from './cost-upload.ts';
import { findPendingUpload, removePendingUpload, stagePendingUpload, sweepPendingUploads, type PendingUpload } from './pending-upload.ts';
import { CentresPage, ColumnsPage, ComparisonPage, comparisonCharts, CostYearPage, RulesPage, TowersPage, type TowerFormValues, type UploadFormState, type UploadProblem } from './cost-views.tsx';

const orgParams = z.object({ orgId: z.uuid() });
const yearParams = z.object({ orgId: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) });
const chartParams = yearParams.extend({ page: z.enum(['year', 'comparison']), file: z.string().regex(/^[a-z0-9-]+\.(svg|png)$/) });
const basisQuery = z.object({ basis: z.enum(['fte', 'cost']).catch('fte').default('fte') });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('not_found');
  return result.data;
}

const costsPath = (organisationId: string, year: number) => `/org/${organisationId}/costs/${year}`;

/** After a successful POST: a redirect for forms, the address as JSON for the upload script. */
function done(request: FastifyRequest, reply: FastifyReply, location: string, message: string | null): FastifyReply {
  if (request.headers['x-requested-with'] === 'XMLHttpRequest') {
    if (message !== null) reply.setCookie(FLASH_COOKIE, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
    return reply.header('cache-control', 'no-store').send({ location });
  }
  return message === null ? reply.redirect(location, 303) : redirectWithFlash(reply, location, message);
}

function problemOf(error: LedgerImportError, locale: 'sv' | 'en'): UploadProblem {
  return { message: ledgerImportErrorMessages[error.code][locale], line: error.line, detail: error.detail };
}

function userIdOf(request: FastifyRequest): string {
  return request.actor.kind === 'user' ? request.actor.userId : '';
}

export function registerCostRoutes(app: FastifyInstance, ctx: AppContext): void {
  const emptyUpload = (): UploadFormState => ({ errors: {}, problem: null });

  async function showYear(request: FastifyRequest, reply: FastifyReply, orgId: string, year: number, state?: { upload?: UploadFormState; total?: { value: string; error?: string }; yearForm?: { value: string; error: string } }, status = 200) {
    const overview = await getCostOverview(ctx, request.actor, orgId, year);
    const total = overview.ledger?.totalCostOre;
    return sendPage(
      reply,
      <CostYearPage
        page={pageContext(request, reply)}
        overview={overview}
        upload={state?.upload ?? emptyUpload()}
        yearForm={state?.yearForm}
        totalForm={state?.total ?? { value: total === null || total === undefined ? '' : formatNumber(request.locale, Math.round(total / 100)) }}
      />,
      status,
    );
  }

  app.get('/org/:orgId/costs', async (request, reply) => {
    const { orgId } = parse(orgParams, request.params);
    const { year } = yearQuery.parse(request.query ?? {});
    const asked = (request.query as Record<string, unknown> | undefined)?.year;
    const fallback = (await latestLedgerYear(ctx, request.actor, orgId)) ?? ctx.clock.now().getUTCFullYear() - 1;
    // A year was typed but is not one: show the form again with the error, on the default year.
    if (year === undefined && typeof asked === 'string' && asked.trim() !== '') {
      return showYear(request, reply, orgId, fallback, { yearForm: { value: asked.slice(0, 20), error: request.m.costs.yearInvalid } }, 400);
    }
    return reply.redirect(costsPath(orgId, year ?? fallback), 303);
  });

  app.get('/org/:orgId/costs/:year', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    return showYear(request, reply, orgId, year);
  });

  app.post('/org/:orgId/costs/:year/ledger', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    await authorizeLedgerImport(ctx, request.actor, orgId, year);
    const m = request.m;
    const fail = (upload: UploadFormState, status: number) => showYear(request, reply, orgId, year, { upload }, status);
    if (!request.isMultipart()) return fail({ errors: { 'ledger-file': m.costs.uploadNoFile }, problem: null }, 400);
    const file = await request.file({ limits: { fileSize: LEDGER_UPLOAD_MAX_BYTES, files: 1 } });
    if (!file || !file.filename) {
      file?.file.resume();
      return fail({ errors: { 'ledger-file': m.costs.uploadNoFile }, problem: null }, 400);
    }
    const format = ledgerFormatOf(file.filename);
    if (format === null) {
      file.file.resume();
      return fail({ errors: { 'ledger-file': m.costs.uploadUnknownFormat }, problem: null }, 400);
    }
    const upload = watchedUpload(file.file);
    const tooLarge = () => fail({ errors: { 'ledger-file': m.costs.uploadTooLarge(LEDGER_UPLOAD_MAX_MB) }, problem: null }, 413);
    const rejected = (error: LedgerImportError) => fail({ errors: { 'ledger-file': m.costs.uploadRejected }, problem: problemOf(error, request.locale) }, 422);
    const imported = (rows: number, centres: number) =>
      done(request, reply, costsPath(orgId, year), m.costs.uploadImported(formatNumber(request.locale, rows), formatNumber(request.locale, centres)));

    if (format === 'sie') {
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
    if (format === 'xlsx') {
      // A ZIP bomb is refused before anything (the column page, the import) parses it.
      try {
        await assertXlsxWithinLimits(pending.path);
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

  const tokenParams = yearParams.extend({ token: z.string().regex(/^[0-9a-f]{48}$/) });

  async function pendingOf(request: FastifyRequest): Promise<{ orgId: string; year: number; pending: PendingUpload }> {
    const { orgId, year, token } = parse(tokenParams, request.params);
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
    const { saved } = z.object({ saved: z.string().optional() }).parse(request.query ?? {});
    return showColumns(request, reply, { ...target, notice: saved === 'mismatch' ? request.m.costs.columnsSavedMismatch : undefined });
  });

  app.post('/org/:orgId/costs/:year/columns/:token', async (request, reply) => {
    const target = await pendingOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = columnValuesOf(null);
    for (const field of COLUMN_FIELDS) values[field] = typeof body[field] === 'string' ? (body[field] as string).trim().slice(0, 200) : '';
    const result = columnMappingOf(values);
    if ('missing' in result) {
      const errors: FieldErrors = {};
      for (const field of result.missing) errors[`column-${field}`] = `${request.m.costs.columns[field]}: ${request.m.costs.columnRequired.toLowerCase()}`;
      return showColumns(request, reply, { ...target, values, errors }, 400);
    }
    try {
      const imported = await importLedger(ctx, request.actor, target.orgId, target.year, {
        fileName: target.pending.meta.fileName,
        format: target.pending.meta.format,
        source: target.pending.open(),
        columns: result.mapping,
      });
      await removePendingUpload(target.pending.token);
      return redirectWithFlash(
        reply,
        costsPath(target.orgId, target.year),
        request.m.costs.uploadImported(formatNumber(request.locale, imported.rowCount), formatNumber(request.locale, imported.costCentreCount)),
      );
    } catch (error) {
      if (!(error instanceof LedgerImportError)) throw error;
      return showColumns(request, reply, { ...target, values, problem: problemOf(error, request.locale) }, 422);
    }
  });

  app.post('/org/:orgId/costs/:year/columns/:token/cancel', async (request, reply) => {
    const target = await pendingOf(request);
    await removePendingUpload(target.pending.token);
    return redirectWithFlash(reply, costsPath(target.orgId, target.year), request.m.costs.columnsCancelled);
  });

  app.post('/org/:orgId/costs/:year/ledger/delete', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    await deleteLedger(ctx, request.actor, orgId, year);
    return redirectWithFlash(reply, costsPath(orgId, year), request.m.costs.ledgerDeleted(year));
  });

  app.get('/org/:orgId/costs/:year/centres', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    const overview = await getCostOverview(ctx, request.actor, orgId, year);
    if (!overview.ledger) throw new AppError('not_found');
    if (!overview.canManage) throw new AppError('forbidden');
    return sendPage(reply, <CentresPage page={pageContext(request, reply)} overview={overview} />);
  });

  app.post('/org/:orgId/costs/:year/centres', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    const body = z.object({ centres: z.union([z.string(), z.array(z.string())]).optional() }).parse(request.body ?? {});
    const ids = body.centres === undefined ? [] : Array.isArray(body.centres) ? body.centres : [body.centres];
    await chooseCentralIt(ctx, request.actor, orgId, year, ids);
    return redirectWithFlash(reply, `${costsPath(orgId, year)}#central-it-heading`, request.m.costs.centresSaved);
  });

  app.post('/org/:orgId/costs/:year/total', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    const { totalCost } = z.object({ totalCost: z.string().max(40).default('') }).parse(request.body ?? {});
    let ore: number | null = null;
    if (totalCost.trim() !== '') {
      ore = parseLocaleAmountOre(totalCost);
      if (Number.isNaN(ore) || ore <= 0) return showYear(request, reply, orgId, year, { total: { value: totalCost, error: request.m.costs.totalInvalid } }, 400);
    }
    await setTotalCost(ctx, request.actor, orgId, year, ore);
    return redirectWithFlash(reply, `${costsPath(orgId, year)}#total-heading`, request.m.costs.totalSaved);
  });

  const towerValues = (towers: TowerStaffing | null, locale: 'sv' | 'en'): TowerFormValues => {
    const values: TowerFormValues = {};
    for (const key of IT_TOWER_KEYS) {
      const entry = towers?.[key];
      values[`${key}-fte`] = entry?.fte === null || entry?.fte === undefined ? '' : formatNumber(locale, entry.fte, Number.isInteger(entry.fte) ? 0 : 2);
      values[`${key}-cost`] = entry?.costOre === null || entry?.costOre === undefined ? '' : formatNumber(locale, Math.round(entry.costOre / 100));
    }
    return values;
  };

  app.get('/org/:orgId/costs/:year/towers', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    const overview = await getCostOverview(ctx, request.actor, orgId, year);
    return sendPage(reply, <TowersPage page={pageContext(request, reply)} overview={overview} values={towerValues(overview.towers, request.locale)} errors={{}} />);
  });

  app.post('/org/:orgId/costs/:year/towers', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const m = request.m;
    const values: TowerFormValues = {};
    const errors: FieldErrors = {};
    const staffing: TowerStaffing = {};
    const towerName = (key: string) => itTowers.find((tower) => tower.key === key)?.name[request.locale] ?? key;
    for (const key of IT_TOWER_KEYS) {
      const fteText = typeof body[`${key}-fte`] === 'string' ? (body[`${key}-fte`] as string).trim().slice(0, 40) : '';
      const costText = typeof body[`${key}-cost`] === 'string' ? (body[`${key}-cost`] as string).trim().slice(0, 40) : '';
      values[`${key}-fte`] = fteText;
      values[`${key}-cost`] = costText;
      let fte: number | null = null;
      let costOre: number | null = null;
      if (fteText !== '') {
        const hundredths = parseLocaleAmountOre(fteText);
        if (Number.isNaN(hundredths) || hundredths < 0 || hundredths > 10_000_000) errors[`${key}-fte`] = `${towerName(key)}: ${m.costs.towerFteInvalid}`;
        else fte = hundredths / 100;
      }
      if (costText !== '') {
        costOre = parseLocaleAmountOre(costText);
        if (Number.isNaN(costOre) || costOre < 0 || costOre % 100 !== 0) {
          errors[`${key}-cost`] = `${towerName(key)}: ${m.costs.towerCostInvalid}`;
          costOre = null;
        }
      }
      if (fte !== null || costOre !== null) staffing[key] = { fte, costOre };
    }
    if (Object.keys(errors).length > 0) {
      const overview = await getCostOverview(ctx, request.actor, orgId, year);
      return sendPage(reply, <TowersPage page={pageContext(request, reply)} overview={overview} values={values} errors={errors} />, 400);
    }
    await saveTowers(ctx, request.actor, orgId, year, staffing);
    return redirectWithFlash(reply, `${costsPath(orgId, year)}/towers`, m.costs.towersSaved);
  });

  app.get('/org/:orgId/costs/:year/comparison', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    const { basis } = basisQuery.parse(request.query ?? {});
    const overview = await getCostOverview(ctx, request.actor, orgId, year);
    const view = await getCostComparison(ctx, request.actor, orgId, year, basis);
    return sendPage(
      reply,
      <ComparisonPage page={pageContext(request, reply)} organisationId={orgId} organisationName={overview.organisation.name} view={view} year={year} />,
    );
  });

  app.get('/org/:orgId/costs/:year/charts/:page/:file', async (request, reply) => {
    const { orgId, year, page, file } = parse(chartParams, request.params);
    const [id, format] = file.split('.') as [string, 'svg' | 'png'];
    let specs;
    if (page === 'year') {
      const analysis = (await getCostOverview(ctx, request.actor, orgId, year)).analysis;
      specs = analysis ? [ownPoolsChart(analysis, request.m.costs, request.locale), insideOutsideSplitChart(analysis.insideOutside, 'own', request.m.costs, request.locale)] : [];
    } else {
      const { basis } = basisQuery.parse(request.query ?? {});
      const view = await getCostComparison(ctx, request.actor, orgId, year, basis);
      specs = view ? comparisonCharts(view, request.m, request.locale) : [];
    }
    return sendChart(reply, specs.find((candidate) => candidate.id === id), format, `${id}-${year}`);
  });

  async function showRules(request: FastifyRequest, reply: FastifyReply, orgId: string, year: number, form?: { csv: string; error: string }) {
    const ruleSet = await getRuleSet(ctx, request.actor, orgId);
    return sendPage(
      reply,
      <RulesPage page={pageContext(request, reply)} ruleSet={ruleSet} year={year} csv={form?.csv ?? formatMappingRulesCsv(ruleSet.rules)} error={form?.error} />,
      form ? 400 : 200,
    );
  }

  const rulesYear = (request: FastifyRequest) => yearQuery.parse(request.query ?? {}).year ?? ctx.clock.now().getUTCFullYear() - 1;

  app.get('/org/:orgId/costs/rules', async (request, reply) => {
    const { orgId } = parse(orgParams, request.params);
    return showRules(request, reply, orgId, rulesYear(request));
  });

  app.get('/org/:orgId/costs/rules.csv', async (request, reply) => {
    const { orgId } = parse(orgParams, request.params);
    const ruleSet = await getRuleSet(ctx, request.actor, orgId);
    return reply
      .header('content-disposition', 'attachment; filename="kostnadsregler.csv"')
      .type('text/csv; charset=utf-8')
      .send(`\uFEFF${formatMappingRulesCsv(ruleSet.rules)}`);
  });

  app.post('/org/:orgId/costs/rules', async (request, reply) => {
    const { orgId } = parse(orgParams, request.params);
    const year = rulesYear(request);
    const { csv } = z.object({ csv: z.string().max(200_000).default('') }).parse(request.body ?? {});
    try {
      const count = await saveRulesCsv(ctx, request.actor, orgId, csv);
      return redirectWithFlash(reply, `/org/${orgId}/costs/rules?year=${year}`, request.m.costs.rulesSaved(count));
    } catch (error) {
      if (!(error instanceof MappingRulesError)) throw error;
      const line = error.line === null ? '' : request.m.costs.rulesLine(error.line);
      return showRules(request, reply, orgId, year, { csv, error: request.m.costs.rulesInvalid(line, error.message.replace(/^line \d+: /, '')) });
    }
  });

  app.post('/org/:orgId/costs/rules/reset', async (request, reply) => {
    const { orgId } = parse(orgParams, request.params);
    await resetRules(ctx, request.actor, orgId);
    return redirectWithFlash(reply, `/org/${orgId}/costs/rules?year=${rulesYear(request)}`, request.m.costs.rulesResetDone);
  });

  app.post('/org/:orgId/costs/rules/account', async (request, reply) => {
    const { orgId } = parse(orgParams, request.params);
    const body = z
      .object({ account: z.string().trim().max(20).default(''), name: z.string().max(200).default(''), pool: z.string().max(40).default(''), year: z.string().default('') })
      .parse(request.body ?? {});
    const year = Number(body.year);
    const back = isCostYear(year) ? `${costsPath(orgId, year)}#unmapped-heading` : `/org/${orgId}/costs`;
    if (body.pool === '') return redirectWithFlash(reply, back, request.m.costs.rulePoolMissing);
    try {
      await addAccountRule(ctx, request.actor, orgId, body.account, body.pool, body.name.trim() || null);
    } catch (error) {
      if (isAppError(error) && error.code === 'validation') return redirectWithFlash(reply, back, request.m.costs.rulePoolMissing);
      throw error;
    }
    return redirectWithFlash(reply, back, request.m.costs.ruleAdded(body.account));
  });
}
