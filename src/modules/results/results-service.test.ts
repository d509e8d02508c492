// The results service on both databases: benchmarks (federation, national, same kind, opt-out,
// at least three organisations), trend, the breakdown through the anonymity rule, access.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { addSubmittedRespondents, answersScoring } from '../../../test/support/results-world.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { loadUserActor, type UserActor } from '../../app/actor.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { createUser } from '../auth/repository.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { closeRound } from '../rounds/round-service.ts';
import { insertRound } from '../rounds/repository.ts';
import { getRoundResults, nationalBenchmark } from './service.ts';

const close = (actual: number | null | undefined, expected: number, label: string) =>
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-9, `${label}: ${actual} ≠ ${expected}`);

for (const dialect of testDialects()) {
  describe(`results service (${dialect})`, () => {
    let t: TestContext;
    let world: SmallWorld;
    let instrument: Instrument;
    let roundA: string;
    let roundB: string;
    const actors = new Map<string, UserActor>();
    const as = (key: string) => actors.get(key)!;

    before(async () => {
      t = await createTestContext(dialect);
      world = await createSmallWorld(t.ctx);
      instrument = t.ctx.instruments.require('digital-mognad');
      const { ctx } = t;
      const round = (org: string, year: number, status: 'closed' | 'open' = 'closed') =>
        insertRound(ctx, org, { name: `Mätning ${year}`, year, instrumentKeys: ['digital-mognad'], openLink: false, status });
      const orgC = await insertOrganisation(ctx, { name: 'Gamma kommun', kind: 'kommun', federationId: world.federationId });
      const orgD = await insertOrganisation(ctx, { name: 'Delta kommun', kind: 'kommun', federationId: world.federationId });
      const orgE = await insertOrganisation(ctx, { name: 'Epsilon region', kind: 'region' });
      const orgF = await insertOrganisation(ctx, { name: 'Zeta myndighet', kind: 'myndighet' });
      await ctx.db.updateTable('organisations').set({ benchmark_opt_out: 1 }).where('id', '=', orgE).execute();

      const { social, homeCare, school } = world.units;
      roundA = await round(world.orgA, 2025);
      await addSubmittedRespondents(ctx, roundA, instrument, [
        ...[1, 2, 3].map(() => ({ unitId: social, role: 'chef', answers: answersScoring(instrument, 4) })),
        ...[1, 2].map(() => ({ unitId: homeCare, role: 'handläggare', answers: answersScoring(instrument, 4) })),
        ...[1, 2, 3, 4].map(() => ({ unitId: school, role: 'rektor', answers: answersScoring(instrument, 2) })),
        { unitId: school, role: 'rektor', answers: answersScoring(instrument, 6), status: 'in_progress' as const },
      ]);
      const earlier = await round(world.orgA, 2024);
      await addSubmittedRespondents(ctx, earlier, instrument, [1, 2, 3].map(() => ({ answers: answersScoring(instrument, 2) })));
      roundB = await round(world.orgB, 2025);
      await addSubmittedRespondents(ctx, roundB, instrument, [1, 2, 3].map(() => ({ answers: answersScoring(instrument, 3) })));
      await addSubmittedRespondents(ctx, await round(orgC, 2025), instrument, [1, 2, 3].map(() => ({ answers: answersScoring(instrument, 5) })));
      await addSubmittedRespondents(ctx, await round(orgD, 2025), instrument, [1, 2].map(() => ({ answers: answersScoring(instrument, 1) })));
      await addSubmittedRespondents(ctx, await round(orgE, 2025), instrument, [1, 2, 3].map(() => ({ answers: answersScoring(instrument, 0) })));
      await addSubmittedRespondents(ctx, await round(orgF, 2025), instrument, [1, 2, 3].map(() => ({ answers: answersScoring(instrument, 6) })));
      // An open round of 2025 does not count in benchmarks.
      const open = await insertOrganisation(ctx, { name: 'Eta kommun', kind: 'kommun', federationId: world.federationId });
      await addSubmittedRespondents(ctx, await round(open, 2025, 'open'), instrument, [1, 2, 3].map(() => ({ answers: answersScoring(instrument, 0) })));
      await ctx.db.insertInto('reference_values').values({ id: ctx.ids.id(), instrument_key: 'digital-mognad', instrument_version: instrument.version, year: 2025, measure: 'maturity-percent', value_milli: 47000, source: 'Nationell rapport 2025', imported_at: '2026-01-01T00:00:00Z', imported_by: null }).execute();

      await createUser(ctx, { email: 'tittare@forbundet.example', name: 'Ti Tare', password: PASSWORD, memberships: [{ organisationId: world.federationId, role: 'viewer' }] });
      for (const [key, email] of Object.entries({ ...world.users, federationViewer: 'tittare@forbundet.example' })) {
        const user = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
        actors.set(key, (await loadUserActor(ctx.db, user.id))!);
      }
    });
    after(async () => t.close());

    test('scores only submitted responses, with capability n and the maturity percentage', async () => {
      const results = await getRoundResults(t.ctx, as('coordinatorA'), roundA);
      assert.equal(results.respondents, 9, 'the in-progress response does not count');
      const result = results.result!;
      close(result.capabilities.portfoljstyrning!.score, (5 * 4 + 4 * 2) / 9, 'A: (5·4 + 4·2) / 9');
      assert.equal(result.capabilities.portfoljstyrning!.n, 9);
      assert.equal(result.maturityPercent, 51.9, '3.111 / 6 = 51.85 %');
      assert.equal(result.quadrant, 'D');
      assert.equal(results.smallSample, false);
    });

    test('benchmarks: federation over closed member rounds, national without opt-outs, same kind', async () => {
      const results = await getRoundResults(t.ctx, as('coordinatorA'), roundA);
      const a = 28 / 9;
      const federation = results.benchmarks.federations[0]!;
      assert.equal(federation.name, 'Testförbundet');
      assert.equal(federation.organisations, 3, 'A, B, Gamma; Delta has two respondents, Eta is still open');
      const value = federation.benchmark!.capabilities.portfoljstyrning!;
      close(value.min, 3, 'federation min');
      close(value.avg, (a + 3 + 5) / 3, 'federation avg');
      close(value.max, 5, 'federation max');
      // For a federation member "Riket" counts only organisations outside the federation: Zeta
      // alone (Epsilon opted out) is too few, so there is no national figure rather than a copy.
      assert.equal(results.benchmarks.nationalOrganisations, 1, 'Zeta; A, B, Gamma are the federation, Epsilon opted out');
      assert.equal(results.benchmarks.national, null);
      assert.equal(results.benchmarks.nationalSource, null);
      assert.equal(results.benchmarks.sameKind, null, 'no kommun outside the federation');
      // Platform-wide (no federation to leave out), the same data give the full national benchmark.
      const platform = await nationalBenchmark(t.ctx, results.instrument, 2025);
      assert.equal(platform.nationalOrganisations, 4, 'A, B, Gamma, Zeta; Epsilon opted out');
      close(platform.national!.capabilities.portfoljstyrning!.avg, (a + 3 + 5 + 6) / 4, 'national avg');
      assert.deepEqual({ scope: platform.nationalSource!.scope, year: platform.nationalSource!.year, organisations: platform.nationalSource!.organisations }, { scope: 'platform', year: 2025, organisations: 4 });
      assert.equal(platform.byKind.get('kommun')!.organisations, 3);
      close(platform.byKind.get('kommun')!.benchmark!.dimensions.arv!.avg, (a + 3 + 5) / 3, 'kommuner avg');
      assert.deepEqual(results.references, [{ source: 'Nationell rapport 2025', year: 2025, organisations: null, values: { 'maturity-percent': 47 } }]);
    });

    test('a benchmark of fewer than three organisations is not given', async () => {
      const benchmark = await nationalBenchmark(t.ctx, instrument, 2024);
      assert.equal(benchmark.national, null, 'only A closed a round in 2024');
      assert.equal(benchmark.nationalOrganisations, 1);
    });

    test('trend against the previous year, and small-sample warning', async () => {
      const results = await getRoundResults(t.ctx, as('coordinatorA'), roundA);
      assert.equal(results.trend!.previousYear, 2024);
      close(results.trend!.capabilities.skalning!.change, 28 / 9 - 2, 'capability change');
      assert.deepEqual(results.trend!.quadrant, { previous: 'A', current: 'D' });
      const b = await getRoundResults(t.ctx, as('coordinatorB'), roundB);
      assert.equal(b.smallSample, true, '3 < 5 respondents');
      assert.equal(b.trend, null);
    });

    test('breakdown: the unit with two respondents and the role with two are not shown, nor derivable', async () => {
      const results = await getRoundResults(t.ctx, as('coordinatorA'), roundA);
      const units = results.breakdown.units.map((group) => [group.name, group.n]);
      assert.deepEqual(units, [['Skolförvaltningen', 4], ['Socialförvaltningen', 5]]);
      close(results.breakdown.units[1]!.dimensions.formaga, 4, 'social = 4');
      const roles = results.breakdown.roles.map((group) => [group.kind, group.name, group.n]);
      assert.deepEqual(roles, [['role', 'rektor', 4], ['other-roles', null, 5]]);
      assert.ok(!JSON.stringify(results.breakdown).includes('Hemtjänst'));
      assert.ok(!JSON.stringify(results.breakdown).includes('handläggare'));
    });

    test('who may read results', async () => {
      assert.ok((await getRoundResults(t.ctx, as('viewerA'), roundA)).result);
      assert.ok((await getRoundResults(t.ctx, as('analyst'), roundA)).result, 'the federation analyst');
      assert.ok((await getRoundResults(t.ctx, as('operator'), roundA)).result);
      await assert.rejects(getRoundResults(t.ctx, as('coordinatorB'), roundA), { code: 'not_found' });
      await assert.rejects(getRoundResults(t.ctx, as('federationViewer'), roundA), { code: 'forbidden' });
      await assert.rejects(getRoundResults(t.ctx, { kind: 'anonymous' }, roundA), { code: 'unauthenticated' });
    });

    test('closing a round stores its scores for benchmarks at once', async () => {
      const open = await insertRound(t.ctx, world.orgA, { name: 'Mätning 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      await addSubmittedRespondents(t.ctx, open, instrument, [1, 2, 3].map(() => ({ answers: answersScoring(instrument, 5) })));
      const none = await t.ctx.db.selectFrom('result_snapshots').select('round_id').where('round_id', '=', open).execute();
      assert.equal(none.length, 0);
      await closeRound(t.ctx, as('coordinatorA'), open);
      const stored = await t.ctx.db.selectFrom('result_snapshots').select(['result_json']).where('round_id', '=', open).executeTakeFirstOrThrow();
      close((JSON.parse(stored.result_json) as { dimensions: { arv: number } }).dimensions.arv, 5, 'stored arv');
    });

    test('a closed round keeps its published result when one more answer arrives (fewer than the threshold)', async () => {
      // This test used to show the benchmark follow a fourth answer into a closed round: exactly
      // the difference attack of issue 12. The published state now stays until a closing adds
      // at least the threshold of respondents (docs/method.md).
      const before = await nationalBenchmark(t.ctx, instrument, 2025);
      await addSubmittedRespondents(t.ctx, roundB, instrument, [{ answers: answersScoring(instrument, 6) }]);
      const afterwards = await nationalBenchmark(t.ctx, instrument, 2025);
      const b = (list: typeof before.all) => list.find((entry) => entry.organisationId === world.orgB)!.result.capabilities.skalning!.score;
      close(b(before.all), 3, 'before');
      close(b(afterwards.all), 3, 'after a fourth response: still the published state of three');
    });
  });
}
