// Routes of the IT-cost analysis: the year page, central IT, the total cost, IT towers, the
// federation comparison, chart exports and the mapping rules (the ledger upload is in
// upload-routes.tsx). Each route validates (schema.ts), calls the cost service (which asks the
// cost policy), presents (presenter.ts) and renders a page (views/).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { isAppError } from '../../app/errors.ts';
import { formatMappingRulesCsv, MappingRulesError } from '../../domain/costs/mapping-rules.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { sendChart } from '../../web/send-chart.ts';
import { parseInput, parseParams, validateForm } from '../../web/validate.ts';
import {
  comparisonCharts,
  emptyUpload,
  presentComparison,
  presentRules,
  presentTowers,
  presentYear,
  totalFormValue,
  towerFormValues,
  towerName,
  yearCharts,
  type UploadFormState,
} from './presenter.ts';
import { accountRuleBody, basisQuery, centresBody, chartParams, orgParams, rulesBody, totalBody, totalForm, towersForm, towersText, yearChoiceForm, yearChoiceText, yearParams, yearQuery } from './schema.ts';
import {
  addAccountRule,
  chooseCentralIt,
  getCentreChoice,
  getCostComparison,
  getCostOverview,
  getRuleSet,
  latestLedgerYear,
  resetRules,
  saveRulesCsv,
  saveTowers,
  setTotalCost,
} from './service.ts';
import { registerLedgerUploadRoutes } from './upload-routes.tsx';
import { CentresPage } from './views/centres-page.tsx';
import { ComparisonPage } from './views/comparison-page.tsx';
import { costsPath } from './views/parts.tsx';
import { RulesPage } from './views/rules-page.tsx';
import { TowersPage } from './views/towers-page.tsx';
import { CostYearPage } from './views/year-page.tsx';

interface YearForms {
  upload?: UploadFormState;
  total?: { value: string; error?: string };
  yearForm?: { value: string; error: string };
}

export function registerCostRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function showYear(request: FastifyRequest, reply: FastifyReply, orgId: string, year: number, forms?: YearForms, status = 200) {
    const overview = await getCostOverview(ctx, request.actor, orgId, year);
    return sendPage(
      reply,
      <CostYearPage
        page={pageContext(request, reply)}
        model={presentYear(overview, request.m, request.locale)}
        upload={forms?.upload ?? emptyUpload()}
        yearForm={forms?.yearForm}
        totalForm={forms?.total ?? { value: totalFormValue(overview.ledger, request.locale) }}
      />,
      status,
    );
  }

  registerLedgerUploadRoutes(app, ctx, (request, reply, orgId, year, upload, status) => showYear(request, reply, orgId, year, { upload }, status));

  app.get('/org/:orgId/costs', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const fallback = (await latestLedgerYear(ctx, request.actor, orgId)) ?? ctx.clock.now().getUTCFullYear() - 1;
    const form = validateForm(yearChoiceForm, request.query, () => request.m.costs.yearInvalid);
    // A year was typed but is not one: show the form again with the error, on the default year.
    if (!form.ok) {
      const typed = parseInput(yearChoiceText, request.query).year.slice(0, 20);
      return showYear(request, reply, orgId, fallback, { yearForm: { value: typed, error: request.m.costs.yearInvalid } }, 400);
    }
    return reply.redirect(costsPath(orgId, form.value.year ?? fallback), 303);
  });

  app.get('/org/:orgId/costs/:year', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    return showYear(request, reply, orgId, year);
  });

  app.get('/org/:orgId/costs/:year/centres', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const overview = await getCentreChoice(ctx, request.actor, orgId, year);
    return sendPage(reply, <CentresPage page={pageContext(request, reply)} overview={overview} />);
  });

  app.post('/org/:orgId/costs/:year/centres', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const { centres } = parseInput(centresBody, request.body);
    await chooseCentralIt(ctx, request.actor, orgId, year, centres);
    return redirectWithFlash(reply, `${costsPath(orgId, year)}#central-it-heading`, request.m.costs.centresSaved);
  });

  app.post('/org/:orgId/costs/:year/total', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const { totalCost } = parseInput(totalBody, request.body);
    const form = validateForm(totalForm, { totalCost }, () => request.m.costs.totalInvalid);
    if (!form.ok) return showYear(request, reply, orgId, year, { total: { value: totalCost, error: request.m.costs.totalInvalid } }, 400);
    await setTotalCost(ctx, request.actor, orgId, year, form.value.totalCost);
    return redirectWithFlash(reply, `${costsPath(orgId, year)}#total-heading`, request.m.costs.totalSaved);
  });

  app.get('/org/:orgId/costs/:year/towers', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const overview = await getCostOverview(ctx, request.actor, orgId, year);
    return sendPage(
      reply,
      <TowersPage page={pageContext(request, reply)} model={presentTowers(overview, request.locale)} values={towerFormValues(overview.towers, request.locale)} errors={{}} />,
    );
  });

  app.post('/org/:orgId/costs/:year/towers', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const m = request.m;
    const values = parseInput(towersText, request.body);
    const form = validateForm(towersForm, values, (issue) => {
      const field = String(issue.path[0]);
      return `${towerName(field.replace(/-(fte|cost)$/, ''), request.locale)}: ${issue.message === 'towerFteInvalid' ? m.costs.towerFteInvalid : m.costs.towerCostInvalid}`;
    });
    if (!form.ok) {
      const overview = await getCostOverview(ctx, request.actor, orgId, year);
      return sendPage(reply, <TowersPage page={pageContext(request, reply)} model={presentTowers(overview, request.locale)} values={values} errors={form.errors} />, 400);
    }
    await saveTowers(ctx, request.actor, orgId, year, form.value);
    return redirectWithFlash(reply, `${costsPath(orgId, year)}/towers`, m.costs.towersSaved);
  });

  app.get('/org/:orgId/costs/:year/comparison', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const { basis } = parseInput(basisQuery, request.query);
    const overview = await getCostOverview(ctx, request.actor, orgId, year);
    const view = await getCostComparison(ctx, request.actor, orgId, year, basis);
    return sendPage(
      reply,
      <ComparisonPage
        page={pageContext(request, reply)}
        organisationId={orgId}
        organisationName={overview.organisation.name}
        model={presentComparison(view, request.m, request.locale)}
        year={year}
      />,
    );
  });

  app.get('/org/:orgId/costs/:year/charts/:page/:file', async (request, reply) => {
    const { orgId, year, page, file } = parseParams(chartParams, request.params);
    const [id, format] = file.split('.') as [string, 'svg' | 'png'];
    let specs;
    if (page === 'year') {
      const { ownSplit, split } = yearCharts((await getCostOverview(ctx, request.actor, orgId, year)).analysis, request.m, request.locale);
      specs = ownSplit && split ? [ownSplit, split] : [];
    } else {
      const { basis } = parseInput(basisQuery, request.query);
      const view = await getCostComparison(ctx, request.actor, orgId, year, basis);
      specs = view ? comparisonCharts(view, request.m, request.locale) : [];
    }
    return sendChart(reply, specs.find((candidate) => candidate.id === id), format, `${id}-${year}`);
  });

  async function showRules(request: FastifyRequest, reply: FastifyReply, orgId: string, year: number, form?: { csv: string; error: string; status: number }) {
    const ruleSet = await getRuleSet(ctx, request.actor, orgId);
    return sendPage(
      reply,
      <RulesPage page={pageContext(request, reply)} model={presentRules(ruleSet, request.locale)} year={year} csv={form?.csv ?? formatMappingRulesCsv(ruleSet.rules)} error={form?.error} />,
      form?.status ?? 200,
    );
  }

  const rulesYear = (request: FastifyRequest) => parseInput(yearQuery, request.query).year ?? ctx.clock.now().getUTCFullYear() - 1;

  app.get('/org/:orgId/costs/rules', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    return showRules(request, reply, orgId, rulesYear(request));
  });

  app.get('/org/:orgId/costs/rules.csv', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const ruleSet = await getRuleSet(ctx, request.actor, orgId);
    return reply
      .header('content-disposition', 'attachment; filename="kostnadsregler.csv"')
      .type('text/csv; charset=utf-8')
      .send(`\uFEFF${formatMappingRulesCsv(ruleSet.rules)}`);
  });

  app.post('/org/:orgId/costs/rules', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const year = rulesYear(request);
    const { csv } = parseInput(rulesBody, request.body);
    try {
      const count = await saveRulesCsv(ctx, request.actor, orgId, csv);
      return redirectWithFlash(reply, `/org/${orgId}/costs/rules?year=${year}`, request.m.costs.rulesSaved(count));
    } catch (error) {
      if (!(error instanceof MappingRulesError)) throw error;
      const line = error.line === null ? '' : request.m.costs.rulesLine(error.line);
      return showRules(request, reply, orgId, year, { csv, error: request.m.costs.rulesInvalid(line, error.message.replace(/^line \d+: /, '')), status: error.status });
    }
  });

  app.post('/org/:orgId/costs/rules/reset', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    await resetRules(ctx, request.actor, orgId);
    return redirectWithFlash(reply, `/org/${orgId}/costs/rules?year=${rulesYear(request)}`, request.m.costs.rulesResetDone);
  });

  app.post('/org/:orgId/costs/rules/account', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const body = parseInput(accountRuleBody, request.body);
    const back = body.year === null ? `/org/${orgId}/costs` : `${costsPath(orgId, body.year)}#unmapped-heading`;
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
