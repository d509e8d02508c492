// ICU messages: each language's catalogue compiles at start-up, a translation cannot use a
// placeholder the Swedish source does not declare, and plurals and choices read right.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileCatalogue, icu, placeholdersOf } from './icu.ts';
import { messages } from './messages.ts';
import { reportTexts } from '../reports/report-texts.ts';

test('both languages compile, with the same shape', () => {
  const keysOf = (value: unknown, path = ''): string[] =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.entries(value).flatMap(([key, child]) => keysOf(child, `${path}.${key}`))
      : [`${path}:${typeof value}`];
  assert.deepEqual(keysOf(messages('en')), keysOf(messages('sv')));
  assert.deepEqual(keysOf(reportTexts('en')), keysOf(reportTexts('sv')));
});

test('a message is called with its arguments in the declared order', () => {
  const source = { greet: icu<[name: string, n: number]>('{name} har {n, plural, one {ett svar} other {{n} svar}}', 'name', 'n') };
  const compiled = compileCatalogue('sv', source);
  assert.equal(compiled.greet('Alfa', 1), 'Alfa har ett svar');
  assert.equal(compiled.greet('Alfa', 3), 'Alfa har 3 svar');
  const english = compileCatalogue('en', source, { greet: '{name} has {n, plural, one {one answer} other {{n} answers}}' });
  assert.equal(english.greet('Alfa', 1), 'Alfa has one answer');
});

test('a translation that uses an undeclared placeholder fails when it is compiled', () => {
  const source = { greet: icu<[name: string]>('Hej {name}', 'name') };
  assert.throws(() => compileCatalogue('en', source, { greet: 'Hello {firstName}' }), /greet uses \{firstName\}/);
  assert.throws(() => compileCatalogue('en', source, { greet: 'Hello {name' }), /not a valid ICU message/);
});

test('a missing translation is named', () => {
  const source = { a: { b: 'text' } };
  assert.throws(() => compileCatalogue('en', source, { a: {} } as never), /en text a\.b is missing/);
});

test('the real plurals read right in both languages', () => {
  assert.equal(messages('sv').results.respondents(1), '1 svarande');
  assert.equal(messages('sv').results.suppressedNote(1).startsWith('1 grupp har'), true);
  assert.equal(messages('sv').results.suppressedNote(2).startsWith('2 grupper har'), true);
  assert.equal(messages('en').results.suppressedNote(1).startsWith('1 group has'), true);
  assert.equal(messages('en').results.suppressedNote(4).startsWith('4 groups have'), true);
});

test('apostrophes and braces in texts come out as written', () => {
  const compiled = compileCatalogue('en', { a: icu<[x: string]>("it''s '{'{x}'}'", 'x') });
  assert.equal(compiled.a('y'), "it's {y}");
  assert.deepEqual([...placeholdersOf('{a} {b, plural, one {#} other {{c}}}')].sort(), ['a', 'b', 'c']);
});

test('an argument marked :lower is lower-cased inside the sentence', () => {
  const compiled = compileCatalogue('sv', { a: icu<[name: string, n: number]>('Bygg upp {name} ({n})', 'name:lower', 'n') });
  assert.equal(compiled.a('Säker Drift', 2), 'Bygg upp säker drift (2)');
  assert.throws(() => compileCatalogue('en', { a: icu<[name: string]>('{name}', 'name:lower') }, { a: '{name:lower}' }));
});
