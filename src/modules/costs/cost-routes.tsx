// Routes of the IT-cost analysis. Thin: validate with zod, call the cost service (which asks the
// cost policy), render a view. The ledger upload streams the file into the importer; with
// JavaScript, /static/ledger-upload.js sends the same form by XMLHttpRequest to show progress
// and gets the next address as JSON instead of a redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError, isAppError } from '../../app/errors.ts';
import { renderChartPng } from '../../charts/render-png.ts';
import { renderChartSvg } from '../../charts/render-svg.ts';
import { ownPoolsChart, insideOutsideSplitChart } from '../../charts/cost-charts.ts';
import { IT_TOWER_KEYS, type TowerStaffing } from '../../domain/costs/it-towers.ts';
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
  importLedger,
  isCostYear,
  latestLedgerYear,
  ledgerFormatOf,
  resetRules,
  saveRulesCsv,
  saveTowers,
  setTotalCost,
} from './cost-service.ts';
import { columnMappingOf, columnValuesFromFields, columnValuesOf, LEDGER_UPLOAD_MAX_BYTES, LEDGER_UPLOAD_MAX_MB, watchedUpload } from './cost-upload.ts';
import { CentresPage, ComparisonPage, comparisonCharts, CostYearPage, RulesPage, TowersPage, type TowerFormValues, type UploadFormState } from './cost-views.tsx';

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
function done(request: FastifyRequest, reply: FastifyReply, location: string, message: string): FastifyReply {
  if (request.headers['x-requested-with'] === 'XMLHttpRequest') {
    reply.setCookie(FLASH_COOKIE, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
    return reply.header('cache-control', 'no-store').send({ location });
  }
  return redirectWithFlash(reply, location, message);
}

export function registerCostRoutes(app: FastifyInstance, ctx: AppContext): void {
  const emptyUpload = (columns: UploadFormState['columns']): UploadFormState => ({ errors: {}, problem: null, columns });

  async function showYear(request: FastifyRequest, reply: FastifyReply, orgId: string, year: number, state?: { upload?: UploadFormState; total?: { value: string; error?: string } }, status = 200) {
    const overview = await getCostOverview(ctx, request.actor, orgId, year);
    const total = overview.ledger?.totalCostOre;
    return sendPage(
      reply,
      <CostYearPage
        page={pageContext(request, reply)}
        overview={overview}
        upload={state?.upload ?? emptyUpload(columnValuesOf(overview.columnMapping))}
        totalForm={state?.total ?? { value: total === null || total === undefined ? '' : formatNumber(request.locale, Math.round(total / 100)) }}
      />,
      status,
    );
  }

  app.get('/org/:orgId/costs', async (request, reply) => {
    const { orgId } = parse(orgParams, request.params);
    const { year } = yearQuery.parse(request.query ?? {});
    const target = year ?? (await latestLedgerYear(ctx, request.actor, orgId)) ?? ctx.clock.now().getUTCFullYear() - 1;
    return reply.redirect(costsPath(orgId, target), 303);
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
    const noColumns = columnValuesOf(null);
    if (!request.isMultipart()) return fail({ ...emptyUpload(noColumns), errors: { 'ledger-file': m.costs.uploadNoFile } }, 400);
    const file = await request.file({ limits: { fileSize: LEDGER_UPLOAD_MAX_BYTES, files: 1 } });
    if (!file || !file.filename) {
      file?.file.resume();
      return fail({ ...emptyUpload(noColumns), errors: { 'ledger-file': m.costs.uploadNoFile } }, 400);
    }
    const columns = columnValuesFromFields(file.fields as Record<string, unknown>);
    const format = ledgerFormatOf(file.filename);
    if (format === null) {
      file.file.resume();
      return fail({ ...emptyUpload(columns), errors: { 'ledger-file': m.costs.uploadUnknownFormat } }, 400);
    }
    let mapping = null;
    if (format !== 'sie') {
      const result = columnMappingOf(columns);
      if ('missing' in result) {
        file.file.resume();
        const errors: FieldErrors = {};
        for (const field of result.missing) errors[`column-${field}`] = `${m.costs.columns[field]}: ${m.costs.columnRequired.toLowerCase()}`;
        return fail({ ...emptyUpload(columns), errors }, 400);
      }
      mapping = result.mapping;
    }
    const upload = watchedUpload(file.file);
    try {
      const imported = await importLedger(ctx, request.actor, orgId, year, { fileName: file.filename, format, source: upload.source, columns: mapping });
      return done(request, reply, costsPath(orgId, year), m.costs.uploadImported(formatNumber(request.locale, imported.rowCount), formatNumber(request.locale, imported.costCentreCount)));
    } catch (error) {
      file.file.resume();
      if (upload.truncated()) {
        return fail({ ...emptyUpload(columns), errors: { 'ledger-file': m.costs.uploadTooLarge(LEDGER_UPLOAD_MAX_MB) } }, 413);
      }
      if (error instanceof LedgerImportError) {
        const problem = { message: ledgerImportErrorMessages[error.code][request.locale], line: error.line, detail: error.detail };
        return fail({ errors: { 'ledger-file': m.costs.uploadRejected }, problem, columns }, 422);
      }
      throw error;
    }
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
    for (const key of IT_TOWER_KEYS) {
      const fteText = typeof body[`${key}-fte`] === 'string' ? (body[`${key}-fte`] as string).trim().slice(0, 40) : '';
      const costText = typeof body[`${key}-cost`] === 'string' ? (body[`${key}-cost`] as string).trim().slice(0, 40) : '';
      values[`${key}-fte`] = fteText;
      values[`${key}-cost`] = costText;
      let fte: number | null = null;
      let costOre: number | null = null;
      if (fteText !== '') {
        const hundredths = parseLocaleAmountOre(fteText);
        if (Number.isNaN(hundredths) || hundredths < 0 || hundredths > 10_000_000) errors[`${key}-fte`] = m.costs.towerFteInvalid;
        else fte = hundredths / 100;
      }
      if (costText !== '') {
        costOre = parseLocaleAmountOre(costText);
        if (Number.isNaN(costOre) || costOre < 0 || costOre % 100 !== 0) {
          errors[`${key}-cost`] = m.costs.towerCostInvalid;
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
    const spec = specs.find((candidate) => candidate.id === id);
    if (!spec) throw new AppError('not_found');
    const name = `${spec.id}-${year}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    if (format === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(renderChartSvg(spec));
    return reply.type('image/png').send(renderChartPng(spec));
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
