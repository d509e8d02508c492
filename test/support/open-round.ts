// An open digital-mognad round of Alfa kommun with respondents added through the round page, as
// its coordinator does: the starting point of the mail suites (outbox, reminders, resending).
import assert from 'node:assert/strict';
import { insertRound } from '../../src/modules/rounds/repository.ts';
import type { LoggedInWorld } from './logged-in-world.ts';
import type { TestBrowser } from './test-browser.ts';

export async function openRoundWithRespondents(loggedIn: LoggedInWorld, emails: string[] = ['anna@alfa.example', 'bo@alfa.example']): Promise<{ roundId: string; coordinator: TestBrowser }> {
  const { t, world } = loggedIn;
  const roundId = await insertRound(t.ctx, world.orgA, { name: 'Alfa 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
  const coordinator = await loggedIn.as('coordinatorA');
  for (const email of emails) {
    await coordinator.get(`/rounds/${roundId}`);
    assert.equal((await coordinator.post(`/rounds/${roundId}/respondents`, { email })).status, 303, email);
  }
  return { roundId, coordinator };
}
