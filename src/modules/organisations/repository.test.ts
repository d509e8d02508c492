// The SQL of every organisation repository query, compiled for SQLite and PostgreSQL and compared
// with __snapshots__/repository.test.sql.json, so a changed query shows in review. What the
// queries do on each database is covered by correcting-mistakes.test.ts and the pages' tests.
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import {
  deleteUnit,
  federationLinks,
  federationOf,
  findOrganisation,
  findOrganisationRef,
  organisationNameOf,
  federationOfMember,
  findUnit,
  insertOrganisation,
  insertUnit,
  latestRounds,
  listOrganisations,
  loadUnitTree,
  membersOf,
  setUnitName,
  unitInUse,
  unitsOf,
} from './repository.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const FEDERATION = '00000000-0000-4000-8000-000000000002';
const UNIT = '00000000-0000-4000-8000-0000000000aa';
const clock = { now: () => new Date('2026-01-01T00:00:00.000Z') };
const ids = { id: () => ORG, token: () => 'token' };

test('the SQL of each organisation repository query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    listOrganisationsAll: await compileForBothDialects((db) => listOrganisations(db, null)),
    listOrganisationsSome: await compileForBothDialects((db) => listOrganisations(db, [ORG, FEDERATION])),
    federationLinks: await compileForBothDialects((db) => federationLinks(db)),
    latestRounds: await compileForBothDialects((db) => latestRounds(db, [ORG])),
    findOrganisation: await compileForBothDialects((db) => findOrganisation(db, ORG)),
    findOrganisationRef: await compileForBothDialects((db) => findOrganisationRef(db, ORG)),
    organisationNameOf: await compileForBothDialects((db) => organisationNameOf(db, ORG)),
    federationOfMember: await compileForBothDialects((db) => federationOfMember(db, ORG)),
    membersOf: await compileForBothDialects((db) => membersOf(db, FEDERATION)),
    insertOrganisation: await compileForBothDialects((db) =>
      insertOrganisation({ db, ids, clock }, { name: ' Gamma kommun ', kind: 'kommun', orgNumber: '212000-0000', size: 5000, federationId: FEDERATION }),
    ),
    federationOf: await compileForBothDialects((db) => federationOf(db, ORG)),
    unitsOf: await compileForBothDialects((db) => unitsOf(db, ORG)),
    loadUnitTree: await compileForBothDialects((db) => loadUnitTree(db, ORG)),
    findUnit: await compileForBothDialects((db) => findUnit(db, ORG, UNIT)),
    insertUnit: await compileForBothDialects((db) => insertUnit(db, { id: UNIT, organisation_id: ORG, parent_id: null, name: 'Skola' })),
    setUnitName: await compileForBothDialects((db) => setUnitName(db, UNIT, 'Skolan')),
    unitInUse: await compileForBothDialects((db) => unitInUse(db, UNIT)),
    deleteUnit: await compileForBothDialects((db) => deleteUnit(db, UNIT)),
  });
});
