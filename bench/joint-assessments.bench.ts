// `npm run bench -- joint-assessments`: what the joint assessments cost on the server. A
// federation as large as all of Sweden's 290 municipalities, each with a submitted capability map
// (55 levels with targets) and information-security survey; then the median time to build the
// federation comparison page's data (load 290 maps + the members × capabilities matrix), to draw
// its heat map (SVG, the first 40 × 55 cells: larger federations get the table only), and to build one member's results (level map,
// recommendations, heat map SVG). SQLite in memory, or DATABASE_URL for PostgreSQL.
import { createAppContext } from '../src/app/bootstrap.ts';
import { loadConfig } from '../src/app/config.ts';
import type { Actor } from '../src/app/actor.ts';
import { capabilityHeatmapChartsByArea, federationMatrixChart, MAX_MATRIX_CHART_MEMBERS } from '../src/charts/joint-charts.ts';
import { renderChartSvg } from '../src/charts/render-svg.ts';
import { insertDemoJointAssessments } from '../src/demo/demo-joint-instruments.ts';
import { federationLevelMatrix, levelMap } from '../src/domain/joint-results/level-map.ts';
import { selectRecommendations } from '../src/domain/recommendations/evaluate-recommendations.ts';
import { messages } from '../src/i18n/messages.ts';
import { federationComparison } from '../src/modules/joint/service.ts';
import { insertOrganisation } from '../src/modules/organisations/repository.ts';
import type { Bench } from './benches.ts';

const MEMBERS = 290;
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(run: () => unknown): Promise<number> {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export const jointAssessments: Bench = {
  name: 'joint-assessments',
  description: `joint assessments: ${MEMBERS}-member capability-map comparison (load + matrix + heat map), one member's results`,
  async run() {
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bench.test', DATABASE_URL: process.env.DATABASE_URL ?? 'sqlite::memory:' });
    const { ctx, database } = await createAppContext(config);
    try {
      const federationId = await insertOrganisation(ctx, { name: 'Benchförbundet', kind: 'kommunalforbund' });
      const members: Array<{ key: string; formaga: number; id: string }> = [];
      for (let index = 0; index < MEMBERS; index++) {
        const id = await insertOrganisation(ctx, { name: `Kommun ${index}`, kind: 'kommun', federationId });
        members.push({ key: `k${index}`, formaga: 1 + (index % 9) * 0.5, id });
      }
      const instruments = { formagekarta: ctx.instruments.require('formagekarta'), informationssakerhet: ctx.instruments.require('informationssakerhet') };
      const started = performance.now();
      await ctx.db.transaction().execute((trx) => insertDemoJointAssessments(trx, { instruments, members, year: 2026, seed: 1, newId: () => ctx.ids.id() }));
      console.log(`store: ${(performance.now() - started).toFixed(0)} ms for ${MEMBERS} members × 2 joint instruments`);

      const operator: Actor = { kind: 'user', userId: 'bench', name: 'Bench', email: 'bench@example.org', locale: 'sv', isOperator: true, roles: new Map(), viaFederation: new Map() };
      const m = messages('sv');
      const map = instruments.formagekarta;
      const scale = map.scales[map.defaultScale]!;
      let view = await federationComparison(ctx, operator, { organisationId: federationId, key: 'formagekarta', year: 2026 });
      const load = await time(async () => {
        view = await federationComparison(ctx, operator, { organisationId: federationId, key: 'formagekarta', year: 2026 });
      });
      console.log(`load ${view.members.length} capability maps: median ${load.toFixed(0)} ms of ${RUNS}`);
      const matrix = federationLevelMatrix(map, view.members, new Set());
      const compute = await time(() => federationLevelMatrix(map, view.members, new Set()));
      console.log(`members × capabilities matrix and candidates (${matrix.candidates.length} found): median ${compute.toFixed(1)} ms of ${RUNS}`);
      // The page draws the chart only up to MAX_MATRIX_CHART_MEMBERS members (the table carries all).
      const drawn = { ...matrix, members: matrix.members.slice(0, MAX_MATRIX_CHART_MEMBERS), rows: matrix.rows.map((row) => ({ ...row, levels: row.levels.slice(0, MAX_MATRIX_CHART_MEMBERS) })) };
      const draw = await time(() => renderChartSvg(federationMatrixChart(drawn, map, scale, m.joint, 'sv')));
      console.log(`federation heat map SVG (${MAX_MATRIX_CHART_MEMBERS} × 55 cells): median ${draw.toFixed(0)} ms of ${RUNS}`);
      const own = view.members[0]!.answers;
      const one = await time(() => {
        const result = levelMap(map, own);
        selectRecommendations(map, own);
        return capabilityHeatmapChartsByArea(result, scale, m.joint, 'sv').map((spec) => renderChartSvg(spec)).join('');
      });
      console.log(`one member's results (level map, recommendations, the three heat maps' SVG): median ${one.toFixed(0)} ms of ${RUNS}`);
      console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    } finally {
      await database.close();
    }
  },
};
