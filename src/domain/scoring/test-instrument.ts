// A tiny instrument for the scoring tests (two dimensions, three categories, six capabilities),
// small enough to compute every result by hand. Not loaded by the app.
import { instrumentSchema, type Instrument } from '../instruments/instrument-schema.ts';

const text = (sv: string) => ({ sv, en: sv });

export function tinyInstrument(overrides: { version?: string; threshold?: number; comparableWith?: Instrument['comparableWith'] } = {}): Instrument {
  const capability = (key: string, items: Array<{ key: string; reversed?: boolean }>) => ({
    key,
    name: text(`Förmåga ${key}`),
    help: text('Hjälp'),
    items: items.map((item) => ({ key: item.key, text: text(`Påstående ${item.key}`), reversed: item.reversed ?? false })),
  });
  const quadrant = (title: string) => ({ title: text(title), description: text(`${title}.`), recommendations: [text(`Gör något åt ${title}.`)] });
  return instrumentSchema.parse({
    key: 'liten',
    version: overrides.version ?? '1',
    name: text('Litet instrument'),
    description: text('För test.'),
    attribution: text('Testdata.'),
    scales: { agreement: { type: 'scale', min: 0, max: 6, labels: [{ value: 0, label: text('Inte alls') }, { value: 6, label: text('Helt') }], dontKnow: text('Vet ej') } },
    defaultScale: 'agreement',
    dimensions: [
      {
        key: 'formaga',
        name: text('Förmåga'),
        description: text('D1'),
        categories: [
          { key: 'c1', name: text('C1'), description: text('C1'), capabilities: [capability('k1', [{ key: 'i1' }, { key: 'i2', reversed: true }]), capability('k2', [{ key: 'i3' }])] },
          { key: 'c2', name: text('C2'), description: text('C2'), capabilities: [capability('k3', [{ key: 'i4' }])] },
        ],
      },
      {
        key: 'arv',
        name: text('Arv'),
        description: text('D2'),
        categories: [
          { key: 'c3', name: text('C3'), description: text('C3'), capabilities: [capability('k4', [{ key: 'i5' }]), capability('k5', [{ key: 'i6' }]), capability('k6', [{ key: 'i7' }])] },
        ],
      },
    ],
    results: {
      capabilityDimension: 'formaga',
      legacyDimension: 'arv',
      quadrantThreshold: overrides.threshold ?? 3,
      quadrants: { A: quadrant('A'), B: quadrant('B'), C: quadrant('C'), D: quadrant('D') },
    },
    comparableWith: overrides.comparableWith ?? [],
  });
}

export function answers(respondentId: string, values: Record<string, number | null>) {
  return { respondentId, answers: new Map(Object.entries(values)) };
}
