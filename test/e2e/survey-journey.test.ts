// The core journey in a real browser against the real app on a loopback port: a coordinator
// creates a round, uploads respondents and sends invitations; a respondent answers by keyboard,
// leaves, resumes, submits; the coordinator sees the response rate change. axe-core checks
// WCAG 2.1 A/AA on every kind of page on the way. No database writes after the fixture.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { snapshot, expectAccessible, text, focused, tabTo } from '../support/e2e-page.ts';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../support/fixtures.ts';

const skip = browserTestSkip();
const ROUND_NAME = 'Digital mognad 2026';
const RESPONDENTS = [
  { email: 'anna.andersson@alfa.example', name: 'Anna Andersson', role: 'Enhetschef', unit: 'Socialförvaltningen / Hemtjänst' },
  { email: 'bertil.berg@alfa.example', name: 'Bertil Berg', role: 'Handläggare', unit: 'Socialförvaltningen' },
  { email: 'cecilia.carlsson@alfa.example', name: 'Cecilia Carlsson', role: 'Rektor', unit: 'Skolförvaltningen' },
];

/** The checked value of every radio group on the page, by field name. */
function checkedValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const result: Record<string, string> = {};
    document.querySelectorAll<HTMLInputElement>('fieldset.statement input[type=radio]').forEach((input) => {
      if (!(input.name in result)) result[input.name] = '';
      if (input.checked) result[input.name] = input.value;
    });
    return result;
  });
}

/** The radio-group names of the statements on the page, in order. */
function statementNames(page: Page): Promise<string[]> {
  return page.locator('fieldset.statement').evaluateAll((fieldsets) =>
    fieldsets.map((fieldset) => fieldset.querySelector('input[type=radio]')?.getAttribute('name') ?? ''),
  );
}

describe('browser: the core survey journey', { skip }, () => {
  let served: ServedApp;
  let world: SmallWorld;
  let browser: Browser;
  let workDir: string;

  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'mogna-e2e-'));
    // Chromium starts while the app and its fixture are being set up.
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        world = await createSmallWorld(served.ctx);
      },
      (launched) => (browser = launched),
    );
  });

  after(async () => {
    await browser?.close();
    await served?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  test('coordinator sets up a round, a respondent answers by keyboard, resumes and submits, the rate changes', async () => {
    const base = served.baseUrl;

    // ── The coordinator logs in ───────────────────────────────────────────────────────────
    const coordinatorContext = await browser.newContext({ locale: 'sv-SE' });
    const admin = await coordinatorContext.newPage();
    admin.setDefaultTimeout(10_000);
    await admin.goto(`${base}/login`);
    await expectAccessible(admin, 'the login page');
    await admin.getByLabel('E-postadress').fill(world.users.coordinatorA);
    await admin.getByLabel('Lösenord').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Logga in' }).click();
    await admin.waitForURL(`${base}/`);
    await admin.getByRole('link', { name: 'Alfa kommun' }).click();
    await admin.waitForURL(`${base}/org/${world.orgA}`);

    // ── … creates a round ─────────────────────────────────────────────────────────────────
    await admin.getByRole('link', { name: 'Skapa ny mätning' }).click();
    await admin.waitForURL(`${base}/org/${world.orgA}/rounds/new`);
    await expectAccessible(admin, 'the new-round form');
    await snapshot(admin, '01-new-round');
    await admin.getByLabel('Namn på mätningen').fill(ROUND_NAME);
    await admin.getByLabel('År', { exact: true }).fill('2026');
    await admin.getByRole('checkbox', { name: 'Digital mognad', exact: true }).check();
    await admin.getByRole('button', { name: 'Skapa mätningen' }).click();
    await admin.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
    const roundUrl = admin.url();
    assert.equal(await text(admin, 'h1'), ROUND_NAME);
    await expectAccessible(admin, 'the round page');

    // ── … uploads respondents from a CSV file, in the round's respondents part ────────────
    await admin.getByRole('navigation', { name: 'Delar av mätningen' }).getByRole('link', { name: 'Respondenter' }).click();
    await admin.waitForURL(`${roundUrl}/respondents`);
    assert.equal(await admin.getByRole('link', { name: 'Respondenter', exact: true }).getAttribute('aria-current'), 'page');
    await expectAccessible(admin, 'the round\'s respondents part');
    const csvPath = join(workDir, 'respondenter.csv');
    const csv = ['e-post;namn;roll;enhet', ...RESPONDENTS.map((r) => [r.email, r.name, r.role, r.unit].join(';'))].join('\r\n');
    await writeFile(csvPath, `${csv}\r\n`, 'utf8');
    await admin.getByLabel('Fil med respondenter').setInputFiles(csvPath);
    await admin.getByRole('button', { name: 'Ladda upp', exact: true }).click();
    await admin.waitForURL(`${roundUrl}/respondents`);
    assert.equal(await text(admin, '[role=status]'), '3 respondenter är tillagda.');
    const respondentTable = admin.getByRole('table', { name: 'Respondenter' });
    for (const respondent of RESPONDENTS) {
      const row = respondentTable.getByRole('row').filter({ hasText: respondent.email });
      assert.equal(await row.count(), 1, `${respondent.email} is listed once`);
      const cells = (await row.getByRole('cell').allTextContents()).map((cell) => cell.trim());
      assert.deepEqual(cells.slice(0, 4), [`${respondent.email} ${respondent.name}`, respondent.role, respondent.unit, 'Inte inbjuden']);
    }
    await expectAccessible(admin, 'the respondents part with respondents');
    await snapshot(admin, '02-round-with-respondents');
    // Status and actions fit without sideways scrolling on a laptop; on a phone the rows become cards.
    for (const width of [1366, 390]) {
      await admin.setViewportSize({ width, height: 800 });
      const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px too wide)`);
      const actions = respondentTable.getByRole('button', { name: `Ta bort ${RESPONDENTS[0]!.email}` });
      assert.ok(await actions.isVisible(), `the row's action is visible at ${width} px`);
      await snapshot(admin, `02-respondents-${width}`);
    }
    await admin.setViewportSize({ width: 1280, height: 720 });

    // ── … opens the round and sends the invitations from the mail part ───────────────────
    await admin.getByRole('link', { name: 'Översikt', exact: true }).click();
    await admin.waitForURL(roundUrl);
    await admin.getByRole('button', { name: 'Öppna mätningen' }).click();
    await admin.waitForURL(roundUrl);
    assert.equal(await text(admin, '[role=status]'), 'Mätningen är öppen.');
    await admin.getByRole('link', { name: 'Skicka inbjudningar och påminnelser' }).click();
    await admin.waitForURL(`${roundUrl}/mail`);
    await expectAccessible(admin, 'the round\'s mail part');
    // The button leads to a confirmation: who gets the mail, and the first mail as it reads.
    await admin.getByRole('link', { name: 'Skicka inbjudan till 3 som inte fått någon' }).click();
    await admin.waitForURL(`${roundUrl}/invitations/confirm`);
    await expectAccessible(admin, 'the confirmation before sending');
    assert.deepEqual((await admin.getByTestId('confirm-recipient').allTextContents()).map((cell) => cell.trim()).sort(), RESPONDENTS.map((respondent) => respondent.email).sort());
    await admin.getByRole('button', { name: 'Skicka till 3 personer' }).click();
    await admin.waitForURL(`${roundUrl}/mail`);
    assert.equal(await text(admin, '[role=status]'), '3 inbjudningar är skickade.');
    await admin.goto(roundUrl);
    assert.equal(await text(admin, '[data-testid="submitted-count"]'), '0 / 3');
    const rateBefore = await text(admin, '[data-testid="response-rate"]');
    await admin.goto(`${roundUrl}/mail`);

    // ── … sees the invitation in the outbox, without the personal link ────────────────────
    await admin.getByRole('link', { name: 'Utkorg' }).click();
    await admin.waitForURL(`${roundUrl}/outbox`);
    await expectAccessible(admin, 'the outbox page');
    await snapshot(admin, '03-outbox');
    const respondent = RESPONDENTS[0]!;
    const mail = admin.getByTestId('outbox-row').filter({ has: admin.getByTestId('outbox-recipient').getByText(respondent.email, { exact: true }) });
    assert.equal(await mail.count(), 1, 'one invitation to the respondent');
    // The table has no bodies; the row opens that one mail below the table.
    await mail.getByTestId('outbox-recipient').click();
    await admin.waitForURL(/[?&]mail=/);
    assert.equal(await text(admin, '[data-testid="opened-recipient"]'), respondent.email);
    assert.equal(await admin.locator('a[href*="/s/"]').count(), 0, 'the outbox shows no personal link');

    // The respondent's link comes from the mail as sent (the recording transport plays SMTP).
    const sentMail = [...served.mail.sent].reverse().find((candidate) => candidate.to === respondent.email);
    assert.ok(sentMail, 'the invitation was sent');
    const link = new RegExp(`${base.replace(/[.]/g, '\\.')}/s/[A-Za-z0-9_-]{20,}(?=\\s|$)`).exec(sentMail.text)?.[0];
    assert.ok(link, 'the invitation has a link that points at this server (PUBLIC_URL)');

    // ── The respondent opens the link in a browser with no cookies ────────────────────────
    let respondentContext = await browser.newContext({ locale: 'sv-SE' });
    let survey = await respondentContext.newPage();
    survey.setDefaultTimeout(10_000);
    await survey.goto(link);
    assert.equal(await text(survey, 'h1'), 'Digital mognad');
    await expectAccessible(survey, 'the survey start page');
    await snapshot(survey, '04-start');
    await survey.getByRole('link', { name: 'Börja svara' }).click();
    await survey.waitForURL(`${link}/page/1`);
    assert.equal(await text(survey, '.survey-progress'), 'Sida 1 av 6');
    await expectAccessible(survey, 'a survey question page');

    // Page 1 with the keyboard alone: Tab into each statement's radio group, arrow keys to the
    // value, Space to select it. The first statement gets "Vet ej" (after 0–6 in the group).
    const pageOneNames = await statementNames(survey);
    assert.ok(pageOneNames.length >= 2, 'page 1 has several statements');
    const pageOneAnswers: Record<string, string> = {};
    for (const [index, name] of pageOneNames.entries()) {
      await tabTo(survey, (element) => element.tag === 'input' && element.type === 'radio' && element.name === name, `the radio group ${name}`);
      assert.equal((await focused(survey)).value, '0', 'Tab enters an unanswered group at its first option');
      const steps = index === 0 ? 7 : (index % 6) + 1;
      for (let step = 0; step < steps; step += 1) await survey.keyboard.press('ArrowRight');
      await survey.keyboard.press('Space');
      const chosen = await focused(survey);
      assert.equal(chosen.name, name, 'the arrow keys stay inside the radio group');
      assert.equal(chosen.value, index === 0 ? 'dk' : String(steps));
      pageOneAnswers[name] = chosen.value;
    }
    const dontKnowLabel = survey.locator(`label[for="${await survey.locator(`input[name="${pageOneNames[0]}"]:checked`).getAttribute('id')}"]`);
    assert.equal(await dontKnowLabel.textContent(), 'Vet ej', 'the first statement is answered "Vet ej"');
    assert.deepEqual(await checkedValues(survey), pageOneAnswers, 'every statement on page 1 holds the value chosen by keyboard');
    await snapshot(survey, '05-page1-answered');
    await tabTo(survey, (element) => element.tag === 'button' && element.text === 'Spara och fortsätt', 'the "Spara och fortsätt" button');
    await survey.keyboard.press('Enter');
    await survey.waitForURL(`${link}/page/2`);
    assert.equal(await text(survey, '.survey-progress'), 'Sida 2 av 6');

    // ── … answers one statement on page 2, then leaves and closes the browser ─────────────
    const pageTwoNames = await statementNames(survey);
    const firstOnPageTwo = pageTwoNames[0]!;
    await survey.locator(`fieldset.statement:has(input[name="${firstOnPageTwo}"]) label`).filter({ hasText: /^4/ }).click();
    await survey.getByRole('button', { name: 'Spara och fortsätt senare' }).click();
    await survey.waitForURL(`${link}/saved`);
    assert.equal(await text(survey, 'h1'), 'Dina svar är sparade');
    await expectAccessible(survey, 'the saved page');
    await survey.close();
    await respondentContext.close();

    // ── … opens the link again later: it resumes where they left off ──────────────────────
    respondentContext = await browser.newContext({ locale: 'sv-SE' });
    survey = await respondentContext.newPage();
    survey.setDefaultTimeout(10_000);
    await survey.goto(link);
    const resume = survey.getByRole('link', { name: 'Fortsätt där du slutade' });
    assert.equal(await resume.count(), 1, 'the start page offers to continue');
    await resume.click();
    await survey.waitForURL(`${link}/page/2`);
    assert.equal((await checkedValues(survey))[firstOnPageTwo], '4', 'the answer on page 2 was kept');
    await survey.getByRole('button', { name: 'Föregående sida' }).click();
    await survey.waitForURL(`${link}/page/1`);
    assert.deepEqual(await checkedValues(survey), pageOneAnswers, 'the keyboard answers on page 1 are still selected');

    // ── … goes through the remaining pages (by clicking) to the review page ───────────────
    await survey.getByRole('button', { name: 'Spara och fortsätt', exact: true }).click();
    let totalStatements = pageOneNames.length;
    for (let number = 2; number <= 6; number += 1) {
      await survey.waitForURL(`${link}/page/${number}`);
      assert.equal(await text(survey, '.survey-progress'), `Sida ${number} av 6`);
      const names = await statementNames(survey);
      totalStatements += names.length;
      for (const [index, name] of names.entries()) {
        await survey.locator(`label[for="${await survey.locator(`input[name="${name}"][value="${(index + number) % 7}"]`).getAttribute('id')}"]`).click();
      }
      const values = await checkedValues(survey);
      assert.ok(names.every((name) => values[name] !== ''), `every statement on page ${number} is answered`);
      await survey.getByRole('button', { name: number === 6 ? 'Spara och granska svaren' : 'Spara och fortsätt', exact: true }).click();
    }
    await survey.waitForURL(`${link}/review`);
    assert.equal(await text(survey, 'h1'), 'Granska dina svar');
    assert.ok((await text(survey, 'main')).includes(`Du har svarat på ${totalStatements} av ${totalStatements} påståenden.`));
    assert.ok((await text(survey, 'main')).includes('Vet ej'), 'the review shows the "Vet ej" answer');
    await expectAccessible(survey, 'the review page');
    await snapshot(survey, '06-review');

    // A second tab still shows the review form: posting it after the first submit must not
    // create a second response.
    const staleTab = await respondentContext.newPage();
    await staleTab.goto(`${link}/review`);

    // ── … submits and sees the receipt ────────────────────────────────────────────────────
    await survey.getByRole('button', { name: 'Skicka in svaren' }).click();
    await survey.waitForURL(link);
    assert.equal(await text(survey, 'h1'), 'Tack! Dina svar är inskickade');
    await expectAccessible(survey, 'the receipt page');
    await snapshot(survey, '07-receipt');
    await survey.reload();
    assert.equal(await text(survey, 'h1'), 'Tack! Dina svar är inskickade', 'a reload shows the receipt');
    await survey.goto(link);
    assert.equal(await text(survey, 'h1'), 'Tack! Dina svar är inskickade', 'the link now opens the receipt');
    assert.equal(await survey.getByRole('link', { name: /Börja svara|Fortsätt där du slutade/ }).count(), 0, 'no way back into the form');
    await survey.goto(`${link}/page/1`);
    assert.equal(survey.url(), link, 'a question page redirects to the receipt');

    await staleTab.getByRole('button', { name: 'Skicka in svaren' }).click();
    await staleTab.waitForURL(link);
    assert.equal(await text(staleTab, 'h1'), 'Tack! Dina svar är inskickade', 'posting again shows the receipt, not an error');
    assert.equal(await survey.getByText('Dina svar', { exact: true }).count(), 1, 'the submitting browser may read its answers');
    await respondentContext.close();

    // ── Anyone else who opens the link learns only that, and when, the answers came in ────
    const otherContext = await browser.newContext({ locale: 'sv-SE' });
    const other = await otherContext.newPage();
    await other.goto(link);
    assert.equal(await text(other, 'h1'), 'Tack! Dina svar är inskickade');
    assert.equal(await other.getByText('Dina svar', { exact: true }).count(), 0, 'another browser sees no answers');
    assert.match(await text(other, 'main'), /Inskickade /);
    await otherContext.close();

    // ── Back as the coordinator: one of three has answered ────────────────────────────────
    await admin.goto(roundUrl);
    assert.equal(await text(admin, '[data-testid="submitted-count"]'), '1 / 3', 'exactly one submitted response (no double count)');
    const rateAfter = await text(admin, '[data-testid="response-rate"]');
    assert.notEqual(rateAfter, rateBefore, 'the response rate changed');
    assert.match(rateAfter, /^33\s?%$/);
    await admin.goto(`${roundUrl}/respondents`);
    const row = admin.getByRole('table', { name: 'Respondenter' }).getByRole('row').filter({ hasText: respondent.email });
    assert.equal((await row.locator('.tag').textContent())?.trim(), 'Inskickad');
    await snapshot(admin, '08-round-after');
    const responses = await served.ctx.db.selectFrom('responses').select(['status']).execute();
    assert.deepEqual(responses.map((response) => response.status), ['submitted'], 'one response row in the database');
    await coordinatorContext.close();
  });

  test('an unknown personal link shows the friendly page with status 404', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    const token = randomBytes(32).toString('base64url');
    assert.equal(token.length, 43);
    const response = await page.goto(`${served.baseUrl}/s/${token}`);
    assert.equal(response?.status(), 404);
    assert.equal(await text(page, 'h1'), 'Länken fungerar inte');
    assert.ok((await text(page, 'main')).includes('Kontrollera att du har kopierat hela länken'));
    await expectAccessible(page, 'the unknown-link page');
    await snapshot(page, '09-unknown-link');
    await context.close();
  });

  test('the accessibility statement is one click from every page, in both languages', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/login`);
    await page.click('footer a[href="/tillganglighet"]');
    assert.equal(await text(page, 'h1'), 'Tillgänglighet i Mogna');
    await expectAccessible(page, 'the accessibility statement');
    await page.click('header a[hreflang="en"]');
    assert.equal(await text(page, 'h1'), 'Accessibility of Mogna');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await expectAccessible(page, 'the accessibility statement in English');
    await context.close();
  });
});
