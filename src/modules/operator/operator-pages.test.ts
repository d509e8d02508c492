// The operator adds organisations and accounts, finds organisations among many, and gives
// existing users roles.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { TestBrowser, textOf } from '../../../test/support/test-browser.ts';

describe('operator pages', () => {
  let t: TestApp;
  let world: SmallWorld;
  let loggedIn: LoggedInWorld;
  let operator: TestBrowser;

  before(async () => {
    loggedIn = await openLoggedInWorld('sqlite');
    ({ t, world } = loggedIn);
    operator = await loggedIn.as('operator');
  });
  after(async () => loggedIn.close());

  test('adds an organisation to a federation, with clear messages for bad input', async () => {
    await operator.get('/operator');
    const bad = await operator.post('/operator/organisations', { name: '', kind: 'kommun', orgNumber: '12-34', size: 'många' });
    assert.equal(bad.status, 400);
    const text = textOf(bad.body);
    assert.match(text, /Skriv organisationens namn/);
    assert.match(text, /tio siffror/);
    assert.match(text, /heltal/);
    const good = await operator.follow(await operator.post('/operator/organisations', { name: 'Gamma kommun', kind: 'kommun', orgNumber: '2120001234', size: '15 000', federationId: world.federationId }));
    assert.match(textOf(good.body), /Organisationen är tillagd/);
    const gamma = await t.ctx.db.selectFrom('organisations').selectAll().where('name', '=', 'Gamma kommun').executeTakeFirstOrThrow();
    assert.equal(gamma.org_number, '212000-1234');
    assert.equal(gamma.size, 15000);
    const link = await t.ctx.db.selectFrom('federation_members').selectAll().where('member_id', '=', gamma.id).executeTakeFirst();
    assert.equal(link?.federation_id, world.federationId);
  });

  test('finds organisations by part of the name', async () => {
    const page = await operator.get('/operator?q=alf');
    const text = textOf(page.body);
    assert.match(text, /Visar 1 av 4 organisationer/);
    assert.match(text, /Alfa kommun/);
    assert.doesNotMatch(page.body, /href="\/org\/[^"]+">Beta kommun/);
  });

  test('creates an account and gives an existing user a role elsewhere, then takes it away', async () => {
    await operator.get('/operator');
    const created = await operator.follow(await operator.post('/operator/users', { userName: 'Nina Ny', userEmail: 'nina@gamma.example', userPassword: 'ett långt lösenord', userOrganisation: world.orgB, userRole: 'viewer' }));
    assert.match(textOf(created.body), /Användaren är tillagd/);
    const unknown = await operator.post('/operator/roles', { roleEmail: 'ingen@gamma.example', roleOrganisation: world.orgA, roleRole: 'analyst' });
    assert.equal(unknown.status, 400);
    assert.match(textOf(unknown.body), /Det finns inget konto/);
    await operator.get('/operator');
    await operator.post('/operator/roles', { roleEmail: 'nina@gamma.example', roleOrganisation: world.orgA, roleRole: 'analyst' });
    const nina = new TestBrowser(t.app);
    await nina.logIn('nina@gamma.example', 'ett långt lösenord');
    assert.equal((await nina.get(`/org/${world.orgA}`)).status, 200);
    await operator.get('/operator');
    await operator.post('/operator/roles', { roleEmail: 'nina@gamma.example', roleOrganisation: world.orgA, roleRole: 'none' });
    assert.equal((await nina.get(`/org/${world.orgA}`)).status, 404);
    assert.equal((await nina.get(`/org/${world.orgB}`)).status, 200);
  });
});
