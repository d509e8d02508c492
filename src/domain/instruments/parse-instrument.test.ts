import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import type { Instrument } from './instrument-schema.ts';
import { allCapabilities, itemsInOrder } from './instrument-structure.ts';
import { formatInstrumentErrors, parseInstrument, type ParseInstrumentResult } from './parse-instrument.ts';

const FILE = 'instruments/digital-mognad/2026.yaml';
const TEXT = readFileSync(new URL(`../../../${FILE}`, import.meta.url), 'utf8');

const EXPECTED: Record<string, Record<string, string[]>> = {
  formaga: {
    effektivitet: [
      'portfoljstyrning',
      'forvaltningsstyrning',
      'projektstyrning',
      'forsorjningsstrategi',
      'ekonomiska-ramar',
      'informationssakerhet-och-integritet',
      'standarder',
    ],
    innovation: ['anvandarinvolvering', 'oppna-data', 'oppen-utveckling', 'innovationskultur', 'digitalt-forst', 'skalning'],
    balansering: ['prioritering', 'kostnadskontroll', 'nyttokontroll', 'nyttorealisering', 'kompetensforsorjning'],
  },
  arv: {
    teknik: ['infrastruktur', 'skugg-it', 'teknisk-skuld', 'styrning'],
    organisation: ['kompetensmix', 'arbetsmiljo'],
    anvandare: ['anvandarnojdhet', 'rykte'],
  },
};

function parsed(): Instrument {
  const result = parseInstrument(FILE, TEXT);
  assert.ok(result.ok, result.ok ? '' : formatInstrumentErrors(result.errors));
  return result.instrument;
}

// The raw file is deliberately untyped: these tests reach deep into it to break one thing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawInstrument = any;

/** The real file as plain data, to break one thing at a time. */
function rawCopy(): RawInstrument {
  return parse(TEXT);
}

function errorsOf(result: ParseInstrumentResult) {
  assert.equal(result.ok, false, 'expected the broken file to be rejected');
  return result.ok ? [] : result.errors;
}

/** Collects every {sv, en} object in a value, with its dotted path. */
function localizedTexts(value: unknown, path = ''): Array<{ path: string; text: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((entry, index) => localizedTexts(entry, `${path}.${index}`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if ('sv' in record || 'en' in record) return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, entry]) => localizedTexts(entry, path ? `${path}.${key}` : key));
}

describe('the digital-mognad 2026 instrument file', () => {
  it('parses against the instrument schema', () => {
    const instrument = parsed();
    assert.equal(instrument.key, 'digital-mognad');
    assert.equal(instrument.version, '2026');
    assert.equal(instrument.defaultScale, 'agreement');
  });

  it('has the 0–6 agreement scale with labelled end points and "don\'t know"', () => {
    const scale = parsed().scales.agreement;
    assert.ok(scale);
    assert.equal(scale.min, 0);
    assert.equal(scale.max, 6);
    const labelled = scale.labels.map((label) => label.value);
    assert.ok(labelled.includes(0) && labelled.includes(6));
    assert.deepEqual(scale.dontKnow, { sv: 'Vet ej', en: "Don't know" });
  });

  it('has exactly the 26 stable capability keys in 6 categories and 2 dimensions, in order', () => {
    const instrument = parsed();
    const actual = Object.fromEntries(
      instrument.dimensions.map((dimension) => [
        dimension.key,
        Object.fromEntries(
          dimension.categories.map((category) => [category.key, category.capabilities.map((capability) => capability.key)]),
        ),
      ]),
    );
    assert.deepEqual(actual, EXPECTED);
    assert.equal(instrument.dimensions.length, 2);
    assert.equal(instrument.dimensions.flatMap((dimension) => dimension.categories).length, 6);
    assert.equal(allCapabilities(instrument).length, 26);
  });

  it('has three or four statements per capability, keyed after their capability', () => {
    for (const { capability } of allCapabilities(parsed())) {
      assert.ok(capability.items.length >= 3 && capability.items.length <= 4, `${capability.key}: ${capability.items.length} items`);
      for (const item of capability.items) {
        assert.ok(item.key.startsWith(`${capability.key}-`), `${item.key} should start with ${capability.key}-`);
      }
    }
  });

  it('uses every item key once', () => {
    const keys = itemsInOrder(parsed()).map((entry) => entry.item.key);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('has a Swedish and an English version of every text', () => {
    const texts = localizedTexts(rawCopy());
    assert.ok(texts.length > 26 * 5, `found only ${texts.length} texts`);
    for (const { path, text } of texts) {
      for (const language of ['sv', 'en']) {
        const value = text[language];
        assert.ok(typeof value === 'string' && value.trim().length > 0, `${path}.${language} is missing`);
      }
    }
  });

  it('has a few reversed statements, so that a high legacy score always means an enabling legacy', () => {
    const entries = itemsInOrder(parsed());
    const reversed = entries.filter((entry) => entry.item.reversed).map((entry) => entry.item.key);
    assert.ok(reversed.length >= 6 && reversed.length <= 12, `reversed: ${reversed.join(', ')}`);
    assert.ok(reversed.includes('skugg-it-1'));
    assert.ok(reversed.some((key) => key.startsWith('teknisk-skuld-')));
  });

  it('explains every capability and describes every category and dimension', () => {
    const instrument = parsed();
    for (const { capability } of allCapabilities(instrument)) {
      for (const language of ['sv', 'en'] as const) {
        const sentences = capability.help[language].split(/[.!?](?:\s|$)/).filter((part) => part.trim()).length;
        assert.ok(sentences >= 2 && sentences <= 4, `${capability.key}.help.${language}: ${sentences} sentences`);
      }
    }
    for (const dimension of instrument.dimensions) {
      assert.ok(dimension.description.sv.length > 20);
      for (const category of dimension.categories) assert.ok(category.description.sv.length > 20);
    }
  });

  it('reads results on the förmåga × arv matrix with four quadrants of 3–6 recommendations', () => {
    const results = parsed().results;
    assert.ok(results);
    assert.equal(results.capabilityDimension, 'formaga');
    assert.equal(results.legacyDimension, 'arv');
    assert.equal(results.quadrantThreshold, 3);
    for (const key of ['A', 'B', 'C', 'D'] as const) {
      const count = results.quadrants[key].recommendations.length;
      assert.ok(count >= 3 && count <= 6, `quadrant ${key}: ${count} recommendations`);
    }
  });
});

describe('a broken instrument file', () => {
  it('names the file and the dotted path of a missing English text deep in an item', () => {
    const raw = rawCopy();
    delete raw.dimensions[1].categories[0].capabilities[2].items[1].text.en;
    const errors = errorsOf(parseInstrument('broken.yaml', stringify(raw)));
    assert.deepEqual(
      errors.map((error) => [error.file, error.path]),
      [['broken.yaml', 'dimensions.1.categories.0.capabilities.2.items.1.text.en']],
    );
    assert.match(formatInstrumentErrors(errors), /^broken\.yaml: dimensions\.1\.categories\.0\.capabilities\.2\.items\.1\.text\.en: /);
  });

  it('reports an empty Swedish text', () => {
    const raw = rawCopy();
    raw.dimensions[0].categories[1].capabilities[0].help.sv = '   ';
    const errors = errorsOf(parseInstrument('broken.yaml', stringify(raw)));
    assert.equal(errors[0]?.path, 'dimensions.0.categories.1.capabilities.0.help.sv');
  });

  it('reports a duplicate key at its second use and names the first', () => {
    const raw = rawCopy();
    raw.dimensions[1].categories[2].capabilities[1].items[0].key = 'portfoljstyrning-1';
    const errors = errorsOf(parseInstrument('broken.yaml', stringify(raw)));
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.path, 'dimensions.1.categories.2.capabilities.1.items.0.key');
    assert.match(errors[0]?.message ?? '', /dimensions\.0\.categories\.0\.capabilities\.0\.items\.0\.key/);
  });

  it('reports an item that refers to an unknown scale', () => {
    const raw = rawCopy();
    raw.dimensions[0].categories[2].capabilities[3].items[2].scale = 'frequency';
    const errors = errorsOf(parseInstrument('broken.yaml', stringify(raw)));
    assert.equal(errors[0]?.path, 'dimensions.0.categories.2.capabilities.3.items.2.scale');
    assert.match(errors[0]?.message ?? '', /frequency/);
  });

  it('reports an unknown default scale', () => {
    const raw = rawCopy();
    raw.defaultScale = 'likert';
    const errors = errorsOf(parseInstrument('broken.yaml', stringify(raw)));
    assert.equal(errors[0]?.path, 'defaultScale');
  });

  it('reports a field the format does not know, such as a misspelt "reversed"', () => {
    const raw = rawCopy();
    raw.dimensions[0].categories[0].capabilities[0].items[0].reverse = true;
    const errors = errorsOf(parseInstrument('broken.yaml', stringify(raw)));
    assert.equal(errors[0]?.path, 'dimensions.0.categories.0.capabilities.0.items.0');
    assert.match(errors[0]?.message ?? '', /reverse/);
  });

  it('reports a quadrant results key that names no dimension', () => {
    const raw = rawCopy();
    raw.results.legacyDimension = 'legacy';
    const errors = errorsOf(parseInstrument('broken.yaml', stringify(raw)));
    assert.equal(errors[0]?.path, 'results.legacyDimension');
  });

  it('reports bad YAML with the file and the line', () => {
    const errors = errorsOf(parseInstrument('broken.yaml', 'key: digital-mognad\nname:\n  sv: [oavslutad\n  en: x\n'));
    assert.equal(errors[0]?.file, 'broken.yaml');
    assert.match(errors[0]?.path ?? '', /^line \d+, column \d+$/);
  });

  it('reports the same YAML key written twice in one mapping', () => {
    const lines = TEXT.split('\n');
    const versionLine = lines.indexOf('version: "2026"') + 1;
    lines.splice(versionLine, 0, 'version: "2027"');
    const errors = errorsOf(parseInstrument('broken.yaml', lines.join('\n')));
    assert.equal(errors[0]?.file, 'broken.yaml');
    assert.match(errors[0]?.path ?? '', new RegExp(`^line ${versionLine + 1},`));
  });
});
