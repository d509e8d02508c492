// Issue 15's "done when", in one browser journey against the real app with the demo's data: the
// demo federation's analyst, whose page lists this year's study in progress and last year's
// closed, sets up next year's study with all four parts for every member; a member's coordinator gets the
// study's mail, adds respondents and sends the invitations after seeing who gets them and the first
// mail; a respondent answers part of a page on a phone, closes the browser, resumes from the link
// without losing anything, uses "Ändra" from the review and submits; the analyst's dashboard shows
// the member's progress; the study closes on its date (the server's closing tick, run as the
// operator's tool). axe checks every page at desktop and phone width.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { operatorToolActor } from '../../src/cli/operator-actor.ts';
import { DEMO_PASSWORD as PASSWORD } from '../../src/demo/demo-plan.ts';
import { seedDemo } from '../../src/demo/demo-seeder.ts';
import { membersOf } from '../../src/modules/organisations/repository.ts';
import { closeDueStudies } from '../../src/modules/studies/service.ts';
import { browserTestSkip, launchChromiumWhile, PHONE_VIEWPORT, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible, logIn, text } from '../support/e2e-page.ts';

const skip = browserTestSkip();
const DESKTOP = { width: 1366, height: 900 };
const SAVED = 'Dina svar på den här sidan är sparade.';
const CONTACT = 'Ana Lytiker';
const ANALYST = 'analytiker@demoforbundet.example';
/** The member whose coordinator, respondent and progress the journey follows. */
const MEMBER = 'Granåsa kommun';
const RESPONDENTS = [
  { email: 'anna.andersson@granasa.example', name: 'Anna Andersson' },
  { email: 'bertil.berg@granasa.example', name: 'Bertil Berg' },
];

/** The checked value of every answered radio group on the page, by field name. */
function checkedValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const result: Record<string, string> = {};
    document.querySelectorAll<HTMLInputElement>('fieldset.statement input[type=radio]:checked').forEach((input) => (result[input.name] = input.value));
    return result;
  });
}

const squeeze = (content: string | null) => (content ?? '').replace(/\s+/g, ' ').trim();

/** The link to `path` on this server in a mail's text (the mail's links carry no other host). */
function linkIn(served: ServedApp, body: string, path: RegExp): string {
  const escaped = served.baseUrl.replace(/[.]/g, '\\.');
  const found = new RegExp(`${escaped}${path.source}`).exec(body)?.[0];
  assert.ok(found, `the mail links to ${path.source} on this server:\n${body}`);
  return found;
}

describe('browser: a federation runs its yearly study (issue 15, done when)', { skip }, () => {
  let served: ServedApp;
  /** The demo federation, its members' coordinators and the followed member's. */
  let world: { federationId: string; memberCount: number; coordinators: string[]; memberCoordinator: string };
  let browser: Browser;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        await seedDemo(served.ctx);
        const { db } = served.ctx;
        const federation = await db.selectFrom('organisations').select('id').where('kind', '=', 'kommunalforbund').executeTakeFirstOrThrow();
        const members = await membersOf(db, federation.id);
        const coordinators = await db
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select(['users.email', 'memberships.organisation_id'])
          .where('memberships.role', '=', 'coordinator')
          .where('memberships.organisation_id', 'in', members.map((member) => member.id))
          .execute();
        const followed = members.find((member) => member.name === MEMBER)!;
        world = {
          federationId: federation.id,
          memberCount: members.length,
          coordinators: coordinators.map((row) => row.email).sort(),
          memberCoordinator: coordinators.find((row) => row.organisation_id === followed.id)!.email,
        };
      },
      (launched) => (browser = launched),
    );
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test('set-up, mail, invitations, a resumed answer, the dashboard, the closing day', { timeout: 120_000 }, async () => {
    const base = served.baseUrl;
    const year = served.clock.now().getUTCFullYear() + 1;
    const closesOn = `${year}-01-15`;
    const dashboardUrl = `${base}/org/${world.federationId}/studies/${year}`;

    // ── 1. The analyst sets up next year's study ──────────────────────────────────────────
    const analystContext = await browser.newContext({ locale: 'sv-SE', viewport: DESKTOP });
    const analyst = await analystContext.newPage();
    analyst.setDefaultTimeout(10_000);
    await logIn(analyst, base, ANALYST, PASSWORD);
    await analyst.goto(`${base}/org/${world.federationId}`);
    const thisYear = year - 1;
    const studies = await text(analyst, 'main');
    for (const listed of [`Studien ${thisYear} – Pågår`, `Studien ${thisYear - 1} – Avslutad`]) assert.ok(studies.includes(listed), `the federation's page lists "${listed}"`);
    await expectAccessible(analyst, "the federation's page");
    await analyst.getByRole('link', { name: 'Starta en ny studie' }).click();
    await analyst.waitForURL(`${base}/org/${world.federationId}/studies/new`);
    await expectAccessible(analyst, 'the new-study form');
    await analyst.getByLabel('År', { exact: true }).fill(String(year));
    for (const part of ['Digital mognad (enkät)', 'Informationssäkerhet (gemensam bedömning)', 'Förmågekarta (gemensam bedömning)', 'IT-kostnadsanalys (huvudbok)']) {
      await analyst.getByRole('checkbox', { name: part }).check();
    }
    const members = analyst.getByRole('group', { name: 'Medlemmar som deltar' }).getByRole('checkbox');
    assert.equal(await members.count(), world.memberCount);
    for (const member of await members.all()) await member.check();
    await analyst.getByLabel('Sista svarsdag').fill(closesOn);
    await analyst.getByLabel('Kontaktperson', { exact: true }).fill(CONTACT);
    await analyst.getByLabel('Kontaktpersonens e-postadress').fill(ANALYST);
    await analyst.getByRole('button', { name: 'Skapa studien' }).click();
    await analyst.waitForURL(dashboardUrl);
    assert.match(await text(analyst, '[role=status]'), new RegExp(`Studien är skapad\\. ${world.memberCount} medlemmar har fått sina mätningar\\.`));
    assert.equal(await analyst.locator('table.table-reflow tbody th[scope=row]').count(), world.memberCount);
    assert.match(await text(analyst, 'main'), /Inte påbörjad/);
    await expectAccessible(analyst, 'the study dashboard');

    // ── 2. A member's coordinator gets the study's mail … ─────────────────────────────────
    const studyMails = served.mail.sent.filter((mail) => mail.subject.includes(String(year)));
    assert.deepEqual(studyMails.map((mail) => mail.to).sort(), world.coordinators, 'each member’s coordinator is told');
    const memberMail = studyMails.find((mail) => mail.to === world.memberCoordinator)!;
    assert.match(memberMail.text, new RegExp(MEMBER));
    assert.match(memberMail.text, new RegExp(CONTACT));
    assert.match(memberMail.text, new RegExp(`15 januari ${year}`), 'the mail names the closing date');
    const roundUrl = linkIn(served, memberMail.text, /\/rounds\/[0-9a-f-]{36}/);

    // … logs in, follows the mail's link to the round and adds respondents one by one …
    const coordinatorContext = await browser.newContext({ locale: 'sv-SE', viewport: DESKTOP });
    const coordinator = await coordinatorContext.newPage();
    coordinator.setDefaultTimeout(10_000);
    await logIn(coordinator, base, world.memberCoordinator, PASSWORD);
    await coordinator.goto(roundUrl);
    await expectAccessible(coordinator, "the member's round");
    await coordinator.getByRole('navigation', { name: 'Delar av mätningen' }).getByRole('link', { name: 'Respondenter' }).click();
    await coordinator.waitForURL(`${roundUrl}/respondents`);
    await expectAccessible(coordinator, "the round's respondents part");
    for (const respondent of RESPONDENTS) {
      await coordinator.locator('#respondent-email').fill(respondent.email);
      await coordinator.locator('#respondent-name').fill(respondent.name);
      await coordinator.getByRole('button', { name: 'Lägg till', exact: true }).click();
      await coordinator.waitForURL(new RegExp(`${roundUrl}/respondents`));
    }
    const table = coordinator.getByTestId('respondents');
    for (const respondent of RESPONDENTS) assert.equal(await table.getByRole('row').filter({ hasText: respondent.email }).count(), 1, `${respondent.email} is listed`);
    await expectAccessible(coordinator, 'the respondents part with respondents');

    // … sees the invitation's text with the member's name in the live preview …
    await coordinator.getByRole('navigation', { name: 'Delar av mätningen' }).getByRole('link', { name: 'E-post', exact: true }).click();
    await coordinator.waitForURL(`${roundUrl}/mail`);
    await expectAccessible(coordinator, "the round's mail part");
    await coordinator.getByRole('link', { name: 'Ändra texterna i e-posten' }).click();
    await coordinator.waitForURL(new RegExp(`${roundUrl}/mail-texts`));
    assert.match(await coordinator.locator('#mail-preview').innerText(), new RegExp(MEMBER));
    await expectAccessible(coordinator, 'the mail texts page');

    // … and sends the invitations after the confirmation: who gets them and the first mail.
    await coordinator.goto(`${roundUrl}/mail`);
    await coordinator.getByRole('link', { name: /Skicka inbjudan till 2/ }).click();
    await coordinator.waitForURL(`${roundUrl}/invitations/confirm`);
    assert.deepEqual((await coordinator.getByTestId('confirm-recipient').allTextContents()).map((cell) => cell.trim()).sort(), RESPONDENTS.map((r) => r.email).sort());
    assert.match(await coordinator.locator('#first-mail-title').innerText(), /@granasa\.example/);
    const firstMail = await text(coordinator, 'section[aria-labelledby="first-mail-title"]');
    for (const expected of [MEMBER, CONTACT, `15 januari ${year}`]) assert.ok(firstMail.includes(expected), `the first mail names ${expected}:\n${firstMail}`);
    await expectAccessible(coordinator, 'the confirmation before sending');
    await coordinator.getByRole('button', { name: 'Skicka till 2 personer' }).click();
    await coordinator.waitForURL(`${roundUrl}/mail`);
    assert.equal(await text(coordinator, '[role=status]'), '2 inbjudningar är skickade.');
    await expectAccessible(coordinator, 'the mail part after sending');

    // ── 3. A respondent on a phone: part of a page, the browser closed … ──────────────────
    const invitation = [...served.mail.sent].reverse().find((mail) => mail.to === RESPONDENTS[0]!.email);
    assert.ok(invitation, 'the invitation was sent');
    const link = linkIn(served, invitation.text, /\/s\/[A-Za-z0-9_-]{20,}/);
    const first = await browser.newContext({ locale: 'sv-SE', viewport: PHONE_VIEWPORT });
    const phone = await first.newPage();
    phone.setDefaultTimeout(10_000);
    await phone.goto(link);
    await expectAccessible(phone, 'the survey start page at phone width');
    await phone.getByRole('link', { name: 'Börja svara' }).click();
    await phone.waitForURL(`${link}/page/1`);
    await expectAccessible(phone, 'a survey page at phone width');
    const statements = phone.locator('fieldset.statement');
    for (const index of [0, 1]) await statements.nth(index).locator('label', { hasText: '5' }).first().click();
    await statements.nth(2).getByText('Vet ej').click();
    await phone.locator('#autosave-status', { hasText: SAVED }).waitFor();
    const given = await checkedValues(phone);
    assert.equal(Object.keys(given).length, 3);
    await first.close();

    // … resumed from the link in a new browser with nothing lost.
    const second = await browser.newContext({ locale: 'sv-SE', viewport: PHONE_VIEWPORT });
    const survey = await second.newPage();
    survey.setDefaultTimeout(10_000);
    await survey.goto(link);
    await expectAccessible(survey, 'the survey start page when resuming');
    await survey.getByRole('link', { name: 'Fortsätt där du slutade' }).click();
    // Until the page has loaded, its script may not yet listen for the buttons (focus after a page change).
    await survey.waitForURL(`${link}/page/1`);
    assert.deepEqual(await checkedValues(survey), given);

    // Through to the review, page by page.
    for (let pages = 0; !survey.url().endsWith('/review'); pages += 1) {
      assert.ok(pages < 40, 'the survey reaches its review');
      const next = survey.getByRole('button', { name: /^Spara och (fortsätt|granska svaren)$/ });
      const from = survey.url();
      await next.click();
      await survey.waitForURL((url) => url.href !== from);
      assert.equal(await survey.evaluate(() => document.activeElement?.tagName), 'H1', `focus is on the heading after ${from}`);
    }
    await expectAccessible(survey, 'the review at phone width');

    // "Ändra" on the first page's answers returns to the review with the change.
    await survey.getByRole('link', { name: /Ändra svar om/ }).first().click();
    await survey.waitForURL(/\/page\/1\?return=review$/);
    assert.equal(await survey.evaluate(() => document.activeElement?.tagName), 'H1', 'focus is on the heading of the page to change');
    await expectAccessible(survey, 'a survey page reached from the review');
    await survey.locator('fieldset.statement').first().locator('label', { hasText: '6' }).first().click();
    await survey.getByRole('button', { name: 'Spara och gå tillbaka till granskningen' }).click();
    await survey.waitForURL(`${link}/review`);
    assert.equal(await survey.evaluate(() => document.activeElement?.textContent), 'Granska dina svar', 'back on the review, focus is on its heading');
    assert.match(await survey.locator('main').innerText(), /6 – Stämmer helt/);
    await survey.getByRole('button', { name: 'Skicka in svaren' }).click();
    await survey.locator('h1', { hasText: 'Tack!' }).waitFor();
    await expectAccessible(survey, 'the thank-you page');
    await second.close();

    // ── 4. The analyst's dashboard shows the member's progress ────────────────────────────
    await analyst.goto(dashboardUrl);
    const memberMaturity = analyst.getByRole('row').filter({ hasText: MEMBER }).locator('td[data-label="Digital mognad (enkät)"]');
    assert.match(squeeze(await memberMaturity.innerText()), /^50 % har svarat 1 av 2 Nästa steg: Påminn dem som inte har svarat/);
    assert.match(await text(analyst, 'main'), /1 av 2 inbjudna har svarat på enkäten om digital mognad/);
    await expectAccessible(analyst, 'the dashboard with progress');

    // ── 5. The study closes on its date: the day after, the server's closing tick runs ────
    served.clock.set(`${closesOn}T23:30:00Z`); // 00:30 the next day in Sweden
    const studyId = (await served.ctx.db.selectFrom('studies').select('id').where('year', '=', year).executeTakeFirstOrThrow()).id;
    const closed = await closeDueStudies(served.ctx, operatorToolActor('test: closing tick'));
    // The demo's study of this year closed on its own, earlier date at the same tick.
    assert.equal(closed.find((entry) => entry.studyId === studyId)?.rounds, world.memberCount, 'the study is due, with every member’s round');
    // Seven weeks on, yesterday's sessions have run out: both log in again.
    await logIn(analyst, base, ANALYST, PASSWORD);
    await analyst.goto(dashboardUrl);
    assert.equal(await text(analyst, 'h1 + p .tag'), 'Avslutad');
    assert.match(await text(analyst, 'main'), new RegExp(`Studien stängdes 16 januari ${year}\\.`), 'closed on the Swedish day after its last day');
    assert.match(squeeze(await memberMaturity.innerText()), /^Stängd 1 av 2/);
    await expectAccessible(analyst, 'the closed study’s dashboard');
    await logIn(coordinator, base, world.memberCoordinator, PASSWORD);
    await coordinator.goto(roundUrl);
    assert.equal(await text(coordinator, 'main .tag-closed'), 'Stängd', "the member's round is closed");
    await expectAccessible(coordinator, 'the closed round');
    await analystContext.close();
    await coordinatorContext.close();
  });
});
