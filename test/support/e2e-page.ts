// What every browser journey does with a page: log in, check it with axe, read text, follow
// the keyboard focus, and (for a human) take screenshots. One copy, so a fix reaches every test.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from './browser.ts';

/** Screenshots for a human to look at, only when E2E_SCREENSHOTS names a directory. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

export async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations, report } = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found WCAG 2.1 AA violations on ${what}:\n${report}`);
}

/** The text of the first match, with white space collapsed. */
export async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Logs in through the Swedish login form and waits for the start page. */
export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

export interface FocusedElement {
  tag: string;
  type: string;
  name: string;
  /** The attribute value (what a radio or checkbox stands for). */
  value: string;
  /** The live value of a text field. */
  currentValue: string;
  text: string;
}

/** What has keyboard focus: enough to know where Tab has taken us. */
export function focused(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      type: element?.getAttribute('type') ?? '',
      name: element?.getAttribute('name') ?? '',
      value: element?.getAttribute('value') ?? '',
      currentValue: typeof element?.value === 'string' ? element.value : '',
      text: (element?.textContent ?? '').trim(),
    };
  });
}

/** Presses Tab until the focused element matches, failing after `limit` presses. */
export async function tabTo(page: Page, matches: (element: FocusedElement) => boolean, what: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  assert.fail(`Tab never reached ${what} within ${limit} presses`);
}
