// The workshop's topics from plain results data: order, content, and topics without data left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workshopTopics, type WorkshopData, type WorkshopTopicTexts } from './workshop-topics.ts';

const texts: WorkshopTopicTexts = {
  matrixTitle: 'Matrix',
  matrixLead: (quadrant, title, description) => `${quadrant}: ${title}. ${description}`,
  maturity: 'Maturity',
  gapsTitle: 'Gaps',
  gapsLead: 'Gaps lead',
  gapFederation: (name, federation) => `${name} vs ${federation}`,
  gapNational: (name) => `${name} vs nation`,
  spreadTitle: 'Spread',
  spreadLead: 'Spread lead',
  spreadValue: (sd, n) => `sd ${sd} (${n})`,
  weakestTitle: 'Weakest',
  weakestLead: 'Weakest lead',
  capabilitiesTitle: 'Capabilities',
  capabilitiesLead: 'Capabilities lead',
  perspectives: ['P1', 'P2'],
  level: (value) => `level ${value}`,
  securityTitle: 'Security',
  securityLead: 'Security lead',
  collaborationTitle: 'Collaboration',
  collaborationLead: 'Collaboration lead',
  number: (value) => value.toFixed(1),
  percent: (value) => `${value.toFixed(1)} %`,
  signed: (value) => (value > 0 ? `+${value.toFixed(1)}` : value.toFixed(1)),
};

const empty: WorkshopData = {
  quadrant: null,
  maturityPercent: null,
  federationName: null,
  gaps: { federation: [], national: [] },
  spread: [],
  weakest: [],
  weakCapabilities: [],
  securityGaps: [],
  collaboration: [],
};

test('no data gives no topics', () => {
  assert.deepEqual(workshopTopics(empty, texts), []);
});

test('every topic with data, in order, with its figures', () => {
  const topics = workshopTopics(
    {
      quadrant: { key: 'C', title: 'Ambition', description: 'Text.', recommendations: ['Do one', 'Do two'] },
      maturityPercent: 42.6,
      federationName: 'Förbundet',
      gaps: { federation: [{ name: 'Styrning', own: 2, benchmark: 3.5, difference: -1.5 }], national: [{ name: 'Arkiv', own: 2, benchmark: 2.4, difference: -0.4 }] },
      spread: [
        { name: 'A', sd: 0.5, n: 9 },
        { name: 'B', sd: 1.2, n: 9 },
      ],
      weakest: [
        { name: 'X', score: 2.5 },
        { name: 'Y', score: 1.5 },
      ],
      weakCapabilities: [
        { name: 'Arkiv', level: 1 },
        { name: 'Drift', level: 0 },
      ],
      securityGaps: ['Backup tests'],
      collaboration: ['E-archive'],
    },
    texts,
  );
  assert.deepEqual(
    topics.map((topic) => topic.key),
    ['matrix', 'gaps', 'spread', 'weakest', 'capabilities', 'security', 'collaboration'],
  );
  assert.equal(topics[0]!.lead, 'C: Ambition. Text.');
  assert.equal(topics[0]!.chartId, 'maturity-matrix');
  assert.deepEqual(topics[0]!.points[0], { label: 'Maturity', value: '42.6 %' });
  assert.deepEqual(topics[1]!.points, [
    { label: 'Styrning vs Förbundet', value: '-1.5' },
    { label: 'Arkiv vs nation', value: '-0.4' },
  ]);
  assert.deepEqual(topics[2]!.points[0], { label: 'B', value: 'sd 1.2 (9)' });
  assert.deepEqual(topics[3]!.points[0], { label: 'Y', value: '1.5' });
  assert.deepEqual(
    topics[4]!.points.map((point) => point.label),
    ['Drift', 'Arkiv', 'P1', 'P2'],
  );
});

test('federation gaps need a federation; a topic is left out when its data is', () => {
  const topics = workshopTopics({ ...empty, gaps: { federation: [{ name: 'S', own: 1, benchmark: 2, difference: -1 }], national: [] }, weakest: [{ name: 'Y', score: 1 }] }, texts);
  assert.deepEqual(
    topics.map((topic) => topic.key),
    ['weakest'],
  );
});
