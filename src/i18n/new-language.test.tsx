// Proves what ADR 0006 and ARCHITECTURE.md promise: a new language is one LocaleDefinition and
// one line in the registry. A test-only language ("xx", built from the English catalogue with
// Finnish number formats) goes through the same steps the registry takes with a real one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { anonymous } from '../app/actor.ts';
import { reportTextsSv } from '../reports/report-texts-sv.ts';
import { Layout } from '../ui/layout.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { en } from './en.ts';
import { compileCatalogue } from './icu.ts';
import type { LocaleDefinition } from './locale-definition.ts';
import { buildRegistry, csvConventions, fallbackChain, isLocale, locales, localeName } from './locales.ts';
import { messages, pick, pickAlong } from './messages.ts';
import { sv } from './sv.ts';

// The whole of a new language: metadata and every text, in one object.
const testLanguage: LocaleDefinition = { ...en, name: 'Testikieli', languageTag: 'fi-FI', fallback: 'en' };

test('a registered language is derived everywhere from its one definition', () => {
  const registry = buildRegistry<'en' | 'xx'>({ en, xx: testLanguage });
  assert.deepEqual(registry.locales, ['sv', 'en', 'xx']);
  assert.equal(registry.name.xx, 'Testikieli');
  assert.equal(registry.languageTag.xx, 'fi-FI');
  assert.deepEqual(registry.fallbackChain.xx, ['xx', 'en', 'sv']);
  assert.deepEqual(registry.fallbackChain.sv, ['sv']);
});

test('a fallback to an unregistered language, or a circle of fallbacks, fails when the registry is built', () => {
  assert.throws(() => buildRegistry<'en' | 'xx'>({ en, xx: { ...testLanguage, fallback: 'fi' } }), /xx falls back to fi, which is not registered/);
  assert.throws(() => buildRegistry<'en' | 'xx'>({ en: { ...en, fallback: 'xx' }, xx: testLanguage }), /circle/);
});

test("a new language's messages and report texts compile against the Swedish source", () => {
  const m = compileCatalogue('xx', sv, testLanguage.messages, testLanguage.languageTag);
  assert.equal(m.rounds.alreadyExists('Digital mognad', 2026), 'The organisation already has a measurement with Digital mognad for 2026.');
  const reports = compileCatalogue('xx', reportTextsSv, testLanguage.reportTexts, testLanguage.languageTag);
  assert.equal(reports.classification[3].label, 'Level 3 – significant damage');
  // A translation that misspells a placeholder fails here, at start-up, not in front of a user.
  const broken = { ...testLanguage.messages, rounds: { ...testLanguage.messages.rounds, alreadyExists: 'Already {instrumnet}' } };
  assert.throws(() => compileCatalogue('xx', sv, broken, 'fi-FI'), /xx text rounds\.alreadyExists uses \{instrumnet\}/);
});

test('instrument texts not yet translated fall back along the chain: xx → en → sv', () => {
  const chain = buildRegistry<'en' | 'xx'>({ en, xx: testLanguage }).fallbackChain.xx;
  assert.equal(pickAlong({ sv: 'Förmåga', en: 'Capability' }, chain), 'Capability');
  assert.equal(pickAlong({ sv: 'Förmåga', en: 'Capability', xx: 'Kyvykkyys' }, chain), 'Kyvykkyys');
  // The registered languages read as before.
  assert.equal(pick({ sv: 'Förmåga', en: 'Capability' }, 'sv'), 'Förmåga');
  assert.equal(pick({ sv: 'Förmåga', en: 'Capability' }, 'en'), 'Capability');
  assert.deepEqual(fallbackChain('en'), ['en', 'sv']);
});

test('the language switch lists every registered language by its own name, marked with its language', () => {
  const languages = buildRegistry<'en' | 'xx'>({ en, xx: testLanguage });
  const html = renderToString(
    <LanguageSwitch languages={languages.locales.map((code) => ({ code, name: languages.name[code] }))} current="xx" url="/rounds/1?tab=2" label="Language" />,
  );
  assert.match(html, /<nav aria-label="Language">/);
  assert.match(html, /<a href="\/rounds\/1\?tab=2&amp;lang=sv" lang="sv" hreflang="sv">Svenska<\/a>/);
  assert.match(html, /<a href="\/rounds\/1\?tab=2&amp;lang=en" lang="en" hreflang="en">English<\/a>/);
  assert.match(html, /<a href="\/rounds\/1\?tab=2&amp;lang=xx" lang="xx" hreflang="xx" aria-current="true">Testikieli<\/a>/);
});

test('the page layout lists every registered language, Swedish first, the current one marked', () => {
  assert.equal(locales[0], 'sv');
  assert.ok(isLocale('en') && !isLocale('xx'));
  const page = { m: messages('en'), locale: 'en' as const, actor: anonymous, url: '/', csrfToken: 'x', flash: null };
  const html = renderToString(
    <Layout page={page} title="Test">
      <p>body</p>
    </Layout>,
  );
  assert.match(html, /<a href="\/\?lang=sv" lang="sv" hreflang="sv">Svenska<\/a>/);
  assert.match(html, /<a href="\/\?lang=en" lang="en" hreflang="en" aria-current="true">English<\/a>/);
  for (const code of locales) assert.ok(html.includes(`hreflang="${code}"${code === 'en' ? ' aria-current="true"' : ''}>${localeName(code)}</a>`), code);
});

test('CSV files follow the language tag: Swedish `;` and decimal comma, English `,` and point', () => {
  assert.deepEqual(csvConventions('sv'), { separator: ';', decimalComma: true });
  assert.deepEqual(csvConventions('en'), { separator: ',', decimalComma: false });
});
