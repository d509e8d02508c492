// The anonymised federation report reads the members' figures without borrowing anyone's rights:
// the report service asks authorizeViewFederationReport once, then readPublishedFigures returns
// the members' figures under their numbers only. A reader outside the federation is refused, and
// a member's own user gets a report that names no other member.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { anonymous, type UserActor } from '../../app/actor.ts';
import { isAppError } from '../../app/errors.ts';
import { openDemoStudy, type DemoStudy } from '../../../test/support/demo-study.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { readPublishedFigures } from './repository.ts';
import { federationReportDocument, federationReportInput } from './report-service.ts';

function userOf(organisationId: string, role: 'coordinator' | 'analyst' = 'coordinator'): UserActor {
  return { kind: 'user', userId: '00000000-0000-4000-8000-00000000beef', name: 'Läsare', email: 'lasare@example.org', locale: 'sv', isOperator: false, roles: new Map([[organisationId, role]]), viaFederation: new Map() };
}

const serialised = (value: unknown) => JSON.stringify(value, (_key, entry: unknown) => (entry instanceof Map ? [...entry.entries()] : entry instanceof Set ? [...entry] : entry));

for (const dialect of testDialects()) {
  describe(`the federation report's access and anonymity (${dialect})`, () => {
    let demo: DemoStudy;
    before(async () => {
      demo = await openDemoStudy(dialect);
    });
    after(async () => {
      await demo?.t.close();
    });

    test('a reader outside the federation, or not logged in, is refused', async () => {
      const { t, study, year } = demo;
      const outsiderId = await insertOrganisation(t.ctx, { name: 'Utanför kommun', kind: 'kommun' });
      await assert.rejects(federationReportInput(t.ctx, userOf(outsiderId), study.organisation.id, year), (error) => isAppError(error) && error.code === 'not_found');
      await assert.rejects(federationReportDocument(t.ctx, userOf(outsiderId, 'analyst'), study.organisation.id, year, 'sv'), (error) => isAppError(error) && error.code === 'not_found');
      await assert.rejects(federationReportInput(t.ctx, anonymous, study.organisation.id, year), (error) => isAppError(error) && error.code === 'unauthenticated');
    });

    test("a member's own user reads the report, and it names no member", async () => {
      const { t, study, year } = demo;
      const member = study.members.find((entry) => Object.values(entry.parts).every(Boolean))!;
      const reader = userOf(member.id);
      const input = await federationReportInput(t.ctx, reader, study.organisation.id, year);
      assert.ok(input.security && input.capabilityMap && input.costs, 'the demo study has every part');
      const text = serialised(input);
      for (const entry of study.members) {
        assert.equal(text.includes(entry.id), false, `the input holds the id of ${entry.name}`);
        assert.equal(text.includes(entry.name), false, `the input names ${entry.name}`);
      }
      const document = serialised(await federationReportDocument(t.ctx, reader, study.organisation.id, year, 'sv'));
      for (const entry of study.members) assert.equal(document.includes(entry.name), false, `the report names ${entry.name}`);
      // The reader was not turned into anyone else on the way.
      assert.equal(reader.isOperator, false);
    });

    test('the figures are read under the members’ numbers only', async () => {
      const { t, study, year } = demo;
      const numbering = new Map(study.members.map((entry) => [entry.id, entry.number]));
      const keys = [...new Set(t.ctx.instruments.list().filter((instrument) => instrument.respondentMode === 'joint').map((instrument) => instrument.key))];
      const figures = await readPublishedFigures(t.ctx.db, { federationId: study.organisation.id, year, numbering, jointInstrumentKeys: keys });
      assert.ok(figures.ledgers && figures.ledgers.length > 0);
      assert.ok([...figures.joint.values()].some((entries) => entries.length > 0));
      const numbers = new Set(numbering.values());
      for (const entries of figures.joint.values()) for (const entry of entries) assert.ok(numbers.has(entry.number));
      for (const ledger of figures.ledgers) assert.ok(numbers.has(ledger.number));
      const text = serialised(figures);
      for (const entry of study.members) assert.equal(text.includes(entry.id), false, `the figures hold the id of ${entry.name}`);
    });
  });
}
