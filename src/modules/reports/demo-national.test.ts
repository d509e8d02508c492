// "Riket" in the demo: the demo installation holds one federation, so a national mean computed
// from it is the federation's mean again. The sub-report and the federation report leave the
// national column and series out and say why; once enough organisations outside the federation
// have closed rounds, the column comes back with its source, year and number of organisations.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDemoStudy } from '../../../test/support/demo-study.ts';
import { addSubmittedRespondents, answersScoring } from '../../../test/support/results-world.ts';
import type { TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import type { UserActor } from '../../app/actor.ts';
import { DEMO_REFERENCE_ORGANISATIONS, DEMO_REFERENCE_SOURCE } from '../../demo/demo-results.ts';
import type { ReportDocument, ReportTable } from '../../reports/report-model.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { refreshRoundSnapshots } from '../results/service.ts';
import { insertRound } from '../rounds/repository.ts';
import { federationReportDocument, memberReportDocument, type Study } from './report-service.ts';

const tables = (document: ReportDocument) => document.blocks.filter((block): block is ReportTable => block.kind === 'table');
const paragraphs = (document: ReportDocument) =>
  document.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.content.map((inline) => (typeof inline === 'string' ? inline : inline.text)).join('')] : []));
const seriesNames = (document: ReportDocument) => document.blocks.flatMap((block) => (block.kind === 'figure' ? block.chart.table.columns : []));
const isNational = (name: string) => /^Rikets? /.test(name) || name.startsWith('Riket,');

/** No table has two columns with the same numbers in every row (a national column copying the federation's). */
function assertNoRepeatedColumn(document: ReportDocument) {
  for (const table of tables(document)) {
    for (let a = 1; a < table.columns.length; a++) {
      for (let b = a + 1; b < table.columns.length; b++) {
        const same = table.rows.length > 1 && table.rows.every((row) => row[a] === row[b] && /\d/.test(row[a] ?? ''));
        assert.ok(!same, `${table.caption}: "${table.columns[a]}" repeats "${table.columns[b]}"`);
      }
    }
  }
}

for (const dialect of testDialects()) {
  describe(`the national comparison in the demo's reports (${dialect})`, () => {
    let t: TestContext;
    let analyst: UserActor;
    let study: Study;
    let year: number;
    let member: Study['members'][number];

    before(async () => {
      ({ t, analyst, study, year } = await openDemoStudy(dialect));
      member = study.members.find((candidate) => candidate.parts.maturity)!;
    });
    after(async () => t.close());

    test('the sub-report has no national column or series, says so, and repeats no column', async () => {
      const document = await memberReportDocument(t.ctx, analyst, member.id, year, 'sv');
      const dimensions = tables(document).find((table) => table.caption.endsWith('Förmåga, arv och mognad'))!;
      assert.deepEqual(dimensions.columns, ['Mått', 'Er organisation', 'Förbundets medel']);
      assert.ok(!seriesNames(document).some(isNational), 'no chart has a national series');
      assert.ok(!tables(document).some((table) => table.columns.some(isNational)), 'no table has a national column');
      assert.ok(paragraphs(document).some((text) => text.startsWith('Det finns ingen nationell jämförelse')));
      assertNoRepeatedColumn(document);
      // The demo's fictional published reference gives a value beside every capability instead.
      const radar = document.blocks.find((block) => block.kind === 'figure' && block.chart.id === 'capability-radar');
      assert.ok(radar && radar.kind === 'figure');
      const column = radar.chart.table.columns.findIndex((name) => name.startsWith('Referens: Påhittat'));
      assert.ok(column > 0, 'the reference series');
      // Like the platform-wide comparison, the published one says its source, year and size.
      assert.equal(radar.chart.table.columns[column], `Referens: ${DEMO_REFERENCE_SOURCE}, ${year}, ${DEMO_REFERENCE_ORGANISATIONS} organisationer`);
      assert.ok(radar.chart.table.rows.every((row) => typeof row[column] === 'number'), 'a reference value for every capability');
    });

    test('the federation report has no national column or series and repeats no column', async () => {
      const document = await federationReportDocument(t.ctx, analyst, study.organisation.id, year, 'sv');
      assert.ok(!seriesNames(document).some(isNational));
      assert.ok(!tables(document).some((table) => table.columns.some(isNational)));
      assert.ok(document.blocks.some((block) => block.kind === 'heading' && block.text === 'Spridningen i förbundet'));
      assertNoRepeatedColumn(document);
    });

    test('collaboration candidates are ranked and capped at ten; only the federation report names the strongest, by number', async () => {
      const federation = await federationReportDocument(t.ctx, analyst, study.organisation.id, year, 'sv');
      const table = tables(federation).find((candidate) => candidate.caption.endsWith('Kandidater för samverkan'))!;
      assert.equal(table.rows.length, 10);
      assert.deepEqual(table.columns, ['Förmåga', 'Svaga medlemmar', 'Starka medlemmar', 'Starkast']);
      for (const row of table.rows) assert.match(row[3]!, /^Kommun \d+(, Kommun \d+)* \(nivå \d\)$/);
      const weak = table.rows.map((row) => Number(row[1]));
      assert.deepEqual(weak, [...weak].sort((x, y) => y - x), 'most weak members first');
      assert.ok(paragraphs(federation).some((text) => /^\d+ förmågor uppfyller villkoren\. De 10 som står först visas/.test(text)));
      const own = await memberReportDocument(t.ctx, analyst, member.id, year, 'sv');
      const ownTable = tables(own).find((candidate) => candidate.caption.endsWith('Kandidater för samverkan'))!;
      assert.ok(ownTable.rows.length <= 10);
      assert.ok(!ownTable.rows.flat().some((cell) => /Kommun \d/.test(cell)), 'a member’s report names no other member');
    });

    // Last, since it adds organisations outside the federation.
    test('with three organisations outside the federation, the national mean returns and names its source', async () => {
      const instrument = t.ctx.instruments.require('digital-mognad');
      for (const [index, value] of [5, 5, 6].entries()) {
        const outsider = await insertOrganisation(t.ctx, { name: `Utanför ${index + 1} kommun`, kind: 'kommun' });
        const round = await insertRound(t.ctx, outsider, { name: `Mätning ${year}`, year, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });
        await addSubmittedRespondents(t.ctx, round, instrument, Array.from({ length: 4 }, () => ({ answers: answersScoring(instrument, value) })));
        await refreshRoundSnapshots(t.ctx, round);
      }
      const document = await memberReportDocument(t.ctx, analyst, member.id, year, 'sv');
      const dimensions = tables(document).find((table) => table.caption.endsWith('Förmåga, arv och mognad'))!;
      assert.deepEqual(dimensions.columns, ['Mått', 'Er organisation', 'Förbundets medel', 'Rikets medel']);
      assert.ok(paragraphs(document).includes(`Rikets medel bygger på alla organisationer i Mogna utanför förbundet som jämför sig, ${year}: 3 organisationer.`));
      assert.ok(seriesNames(document).some(isNational));
      assertNoRepeatedColumn(document);
    });
  });
}
