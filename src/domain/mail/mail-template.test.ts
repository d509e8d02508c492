// Mail templates: which placeholders a text may use (Swedish names and English aliases), that the
// link stands in the body and never in the subject, and how values are filled in.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fillMailTemplate, normaliseTemplateText, placeholderNamed, placeholderToken, validateMailTemplate, type PlaceholderValues } from './mail-template.ts';

const values: PlaceholderValues = {
  name: 'Anna',
  organisation: 'Alfa kommun',
  round: 'Mognad 2026',
  closesOn: '15 december 2026',
  contact: 'Sam Ordnare (sam@alfa.example)',
  link: 'https://mogna.test/s/abc',
};

describe('validateMailTemplate', () => {
  test('a text with known placeholders and the link in the body is fine', () => {
    assert.deepEqual(validateMailTemplate({ subject: 'Enkät från {organisation}', body: 'Hej {namn}! Svara senast {sista_dag}: {länk}. Frågor: {kontaktperson}. {mätning}' }), []);
  });

  test('English names and any case or spacing are accepted', () => {
    assert.deepEqual(validateMailTemplate({ subject: 'Survey – {Organization}', body: 'Hello { name }, answer by {closing_date}: {LINK} ({contact}, {round})' }), []);
  });

  test('an unknown placeholder is named, once per field', () => {
    assert.deepEqual(validateMailTemplate({ subject: 'Hej {förnamn}', body: '{länk} {efternamn} {efternamn}' }), [
      { field: 'subject', code: 'unknown_placeholder', placeholder: '{förnamn}' },
      { field: 'body', code: 'unknown_placeholder', placeholder: '{efternamn}' },
    ]);
  });

  test('the link is required in the body and refused in the subject', () => {
    assert.deepEqual(validateMailTemplate({ subject: 'Din länk {link}', body: 'Hej {namn}' }), [
      { field: 'subject', code: 'link_in_subject' },
      { field: 'body', code: 'link_missing' },
    ]);
  });

  test('empty and over-long fields', () => {
    assert.deepEqual(validateMailTemplate({ subject: '  ', body: `${'x'.repeat(5000)}{länk}` }), [
      { field: 'subject', code: 'empty' },
      { field: 'body', code: 'too_long', max: 5000 },
    ]);
  });
});

describe('fillMailTemplate', () => {
  test('places every value, under either name', () => {
    assert.equal(
      fillMailTemplate('Hej {namn}! {organisation} ({mätning}) stänger {sista_dag}. {kontaktperson}: {länk} / {link}', values),
      'Hej Anna! Alfa kommun (Mognad 2026) stänger 15 december 2026. Sam Ordnare (sam@alfa.example): https://mogna.test/s/abc / https://mogna.test/s/abc',
    );
  });

  test('an empty name takes its space along before punctuation, but not inside a sentence', () => {
    const noName = { ...values, name: '' };
    assert.equal(fillMailTemplate('Hej {namn}!\nHello {name},\nKära {namn}', noName), 'Hej!\nHello,\nKära');
    assert.equal(fillMailTemplate('Tack {namn} för hjälpen', noName), 'Tack  för hjälpen');
  });

  test('unknown placeholders and lone braces stay as written', () => {
    assert.equal(fillMailTemplate('{okänd} { och } {länk', values), '{okänd} { och } {länk');
  });
});

test('placeholder names and tokens', () => {
  assert.equal(placeholderNamed(' Sista_Dag '), 'closesOn');
  assert.equal(placeholderNamed('förnamn'), undefined);
  assert.equal(placeholderToken('link', 'sv'), '{länk}');
  assert.equal(placeholderToken('link', 'en'), '{link}');
  assert.equal(normaliseTemplateText('a\r\nb\r\n'), 'a\nb');
});
