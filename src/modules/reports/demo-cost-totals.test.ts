// Every cost total in the demo's sub-reports either matches the key figures or says why not: the
// pool table's sum is the identified IT cost, and central IT's cost on accounts no rule maps is
// its own row and a note naming the amount and the accounts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDemoStudy } from '../../../test/support/demo-study.ts';
import type { TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import type { UserActor } from '../../app/actor.ts';
import type { ReportDocument, ReportTable } from '../../reports/report-model.ts';
import { getCostOverview } from '../costs/service.ts';
import { memberReportDocument, type Study } from './report-service.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const kronor = (ore: number) => `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(Math.round(ore / 100))} kr`.replace(/[\u00a0\u202f]/g, ' ');
const tables = (document: ReportDocument) => document.blocks.filter((block): block is ReportTable => block.kind === 'table');
const paragraphs = (document: ReportDocument) =>
  document.blocks.flatMap((block) => (block.kind === 'paragraph' ? [plain(block.content.map((inline) => (typeof inline === 'string' ? inline : inline.text)).join(''))] : []));

for (const dialect of testDialects()) {
  describe(`cost totals in the demo's sub-reports (${dialect})`, () => {
    let t: TestContext;
    let analyst: UserActor;
    let study: Study;
    let year: number;

    before(async () => {
      ({ t, analyst, study, year } = await openDemoStudy(dialect));
    });
    after(async () => t.close());

    test('the pool table matches the key figures, or its extra rows and a note explain the difference', async () => {
      let explained = 0;
      for (const member of study.members.filter((candidate) => candidate.parts.costs)) {
        const { analysis } = await getCostOverview(t.ctx, analyst, member.id, year);
        const document = await memberReportDocument(t.ctx, analyst, member.id, year, 'sv');
        const key = tables(document).find((table) => table.columns.join('|') === 'Mått|Värde')!;
        const keyFigure = (label: RegExp) => plain(key.rows.find((row) => label.test(row[0]!))![1]!);
        const pools = tables(document).find((table) => table.caption.endsWith('Identifierade IT-kostnader per kostnadspool (kronor)'))!;
        const row = (label: string) => pools.rows.find((cells) => cells[0] === label);
        const sum = row('Summa')!;
        assert.equal(`${plain(sum[3]!)} kr`, keyFigure(/^Identifierade IT-kostnader$/), `${member.name}: the sum is the identified IT cost`);
        const centralKey = keyFigure(/^Kostnader på central IT$/);
        if (`${plain(sum[1]!)} kr` === centralKey) {
          assert.equal(row('Ej fördelat på kostnadspool'), undefined, `${member.name}: nothing to explain`);
          continue;
        }
        // Not equal: the difference is the unmapped amount, shown as a row and named in a note.
        assert.ok(analysis!.unmappedTotalOre > 0, member.name);
        assert.equal(`${plain(row('Ej fördelat på kostnadspool')![1]!)} kr`, kronor(analysis!.unmappedTotalOre));
        assert.equal(`${plain(row('Central IT totalt, som i nyckeltalen')![1]!)} kr`, centralKey);
        const note = paragraphs(document).find((text) => text.startsWith('Central IT:s kostnad i nyckeltalen är'));
        assert.ok(note, `${member.name}: a note explains the difference`);
        assert.ok(note.includes(kronor(analysis!.unmappedTotalOre)), note);
        for (const entry of analysis!.unmapped) assert.ok(note.includes(entry.account), `${entry.account} named`);
        explained += 1;
      }
      assert.ok(explained > 0, 'the demo has a member with unmapped central-IT cost');
    });
  });
}
