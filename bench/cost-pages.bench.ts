// `npm run bench -- cost-pages`: what the IT-cost pages cost on the server. A federation of 14
// members, each with a large municipality's ledger aggregate (300 cost centres × 120 accounts =
// 36 000 account × cost-centre sums), stored as an upload stores it; then the time to store one
// ledger, to build one member's cost page (load + analysis) and the federation comparison
// (14 loads + analyses the first time; the analyses are cached by what they depend on). SQLite in memory, or DATABASE_URL for PostgreSQL.
import type { AppContext } from '../src/app/app-context.ts';
import { createAppContext } from '../src/app/bootstrap.ts';
import { loadConfig } from '../src/app/config.ts';
import type { Actor } from '../src/app/actor.ts';
import type { LedgerAggregate } from '../src/domain/costs/ledger-aggregate.ts';
import { replaceLedger, setCentralItCentres } from '../src/modules/costs/repository.ts';
import { getCostComparison, getCostOverview } from '../src/modules/costs/service.ts';
import { insertOrganisation } from '../src/modules/organisations/repository.ts';
import type { Bench } from './benches.ts';

const MEMBERS = 14;
const CENTRES = 300;
const ACCOUNTS = 120;
const RUNS = 5;

function aggregate(member: number): LedgerAggregate {
  const accounts = Object.create(null) as Record<string, string>;
  const accountIds = Array.from({ length: ACCOUNTS }, (_, index) => String(4000 + index * 30));
  for (const account of accountIds) accounts[account] = `Konto ${account} ${account.startsWith('64') ? 'licenser' : ''}`.trim();
  const costCentres = Array.from({ length: CENTRES }, (_, index) => ({ id: String(1000 + index), name: `Ansvar ${index}` }));
  const rows = [];
  for (const centre of costCentres) {
    for (const account of accountIds) rows.push({ account, costCentre: centre.id, amountOre: 100_000 + ((Number(centre.id) * 7919 + Number(account) * (member + 3)) % 9_000_000) });
  }
  return { format: 'sie', year: 2025, fiscalYear: null, sieType: 4, encoding: 'cp437', accounts, costCentres, rows, rowCount: rows.length * 40, fileHash: 'bench', byteCount: 0, warnings: [] };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export const costPages: Bench = {
  name: 'cost-pages',
  description: `IT-cost pages: store a ${CENTRES}×${ACCOUNTS} ledger aggregate, one member's page, a ${MEMBERS}-member comparison`,
  async run() {
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bench.test', DATABASE_URL: process.env.DATABASE_URL ?? 'sqlite::memory:' });
    const { ctx, database } = await createAppContext(config);
    try {
      const federationId = await insertOrganisation(ctx, { name: 'Benchförbundet', kind: 'kommunalforbund' });
      const members: string[] = [];
      let storeMs = 0;
      for (let member = 0; member < MEMBERS; member++) {
        const id = await insertOrganisation(ctx, { name: `Kommun ${member}`, kind: 'kommun', federationId });
        members.push(id);
        const data = aggregate(member);
        const started = performance.now();
        await store(ctx, id, data);
        storeMs += performance.now() - started;
      }
      const rows = CENTRES * ACCOUNTS;
      console.log(`store: ${(storeMs / MEMBERS).toFixed(0)} ms per ledger of ${rows.toLocaleString('en')} sums (${Math.round((rows * MEMBERS) / (storeMs / 1000)).toLocaleString('en')} rows/s)`);
      const operator: Actor = { kind: 'user', userId: 'bench', name: 'Bench', email: 'bench@example.org', locale: 'sv', isOperator: true, roles: new Map(), viaFederation: new Map() };
      const member = members[0] ?? '';
      const page = await time(() => getCostOverview(ctx, operator, member, 2025));
      console.log(`one member's cost page (load ${rows.toLocaleString('en')} sums + analysis): median ${page.toFixed(0)} ms of ${RUNS}`);
      const coldStarted = performance.now();
      await getCostComparison(ctx, operator, member, 2025);
      const cold = performance.now() - coldStarted;
      const warm = await time(() => getCostComparison(ctx, operator, member, 2025));
      console.log(`federation comparison (${MEMBERS} members): first view ${cold.toFixed(0)} ms (loads and analyses every ledger), then median ${warm.toFixed(0)} ms of ${RUNS} (analyses cached)`);
      console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    } finally {
      await database.close();
    }
  },
};

async function store(ctx: AppContext, organisationId: string, data: LedgerAggregate): Promise<void> {
  const id = ctx.ids.id();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceLedger(trx, { id, organisationId, year: 2025, fileName: 'bench.se', aggregate: data, importedAt: new Date().toISOString(), importedBy: null });
    await setCentralItCentres(trx, id, ['1000', '1001']);
  });
}
