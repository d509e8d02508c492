// The federation's conclusions as pure rules over the shown parts: the most common quadrant (ties
// to the first in A–D order), the spread over quadrants, the capabilities weak for more than half
// of the members, the spread of central IT's share and the security practices most members lack.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mellerudCapabilityAnswers, mellerudInfosecAnswers } from '../../../test/support/mellerud-fixture.ts';
import type { FederationComparison, FederationMemberFigures } from '../../domain/costs/federation-comparison.ts';
import type { AnswerSet } from '../../domain/instruments/answer-set.ts';
import { allCapabilities } from '../../domain/instruments/instrument-structure.ts';
import { federationLevelMatrix, levelMap } from '../../domain/joint-results/level-map.ts';
import { practiceFederationCounts } from '../../domain/joint-results/practice-index.ts';
import { loadInstrumentCatalog } from '../../catalogues/instrument-catalog.ts';
import { federationConclusions, type FederationConclusion } from './conclusions-section.ts';

const catalog = loadInstrumentCatalog();
const dimios = catalog.require('digital-mognad');
const formagekarta = catalog.require('formagekarta');
const informationssakerhet = catalog.require('informationssakerhet');

function maturity(counts: { A: number; B: number; C: number; D: number }) {
  return { instrument: dimios, overview: { rows: [], quadrantCounts: counts, benchmark: null }, national: null };
}

function costs(shares: Array<number | null>) {
  const members: FederationMemberFigures[] = shares.map((share, index) => ({ label: index + 1, isViewer: false, memberId: null, centralItShare: share, poolMix: null, insideOutside: {}, towerMix: null }));
  const comparison: FederationComparison = { members, average: { centralItShare: null, poolMix: null, insideOutside: {}, towerMix: null } };
  return { comparison, membersWithLedger: shares.length };
}

const none = { maturity: null, security: null, capabilityMap: null, costs: null };
const of = <K extends FederationConclusion['kind']>(list: FederationConclusion[], kind: K) => list.filter((item): item is Extract<FederationConclusion, { kind: K }> => item.kind === kind);

describe('the federation conclusions', () => {
  it('name the quadrant most members are in, and call three quadrants a spread', () => {
    const conclusions = federationConclusions({ ...none, maturity: maturity({ A: 0, B: 4, C: 3, D: 2 }) }, 'sv');
    assert.deepEqual(of(conclusions, 'quadrantMost').map(({ quadrant, count, total }) => [quadrant, count, total]), [['B', 4, 9]]);
    assert.equal(of(conclusions, 'quadrantMost')[0]!.title, dimios.results!.quadrants.B.title.sv);
    assert.deepEqual(of(conclusions, 'quadrantSpread'), [{ kind: 'quadrantSpread', quadrants: 3 }]);
  });

  it('give a tie to the first quadrant in A–D order, and two quadrants are no spread', () => {
    const conclusions = federationConclusions({ ...none, maturity: maturity({ A: 0, B: 0, C: 3, D: 3 }) }, 'sv');
    assert.equal(of(conclusions, 'quadrantMost')[0]!.quadrant, 'C');
    assert.equal(of(conclusions, 'quadrantSpread').length, 0);
  });

  it('list the capabilities weak for more than half of the members who filled in the map', () => {
    const mellerud = mellerudCapabilityAnswers(formagekarta);
    const good: AnswerSet = new Map(allCapabilities(formagekarta).map(({ capability }) => [capability.items[0]!.key, { value: 3 }]));
    const members = [mellerud, mellerud, good].map((answers, index) => ({ organisationId: `m${index}`, name: `Medlem ${index}`, answers }));
    const matrix = federationLevelMatrix(formagekarta, members, new Set());
    const weak = of(federationConclusions({ ...none, capabilityMap: { instrument: formagekarta, matrix } }, 'sv'), 'weakForMost')[0]!;
    const mellerudWeak = levelMap(formagekarta, mellerud).weak.map((entry) => entry.capability.key);
    assert.equal(mellerudWeak.length, 37);
    assert.deepEqual(weak.capabilities.map((capability) => capability.key), mellerudWeak);
    // One weak member of three is not more than half.
    const oneWeak = federationLevelMatrix(formagekarta, [members[0]!, members[2]!, { ...members[2]!, organisationId: 'm3' }], new Set());
    assert.deepEqual(of(federationConclusions({ ...none, capabilityMap: { instrument: formagekarta, matrix: oneWeak } }, 'sv'), 'noWeakForMost').length, 1);
  });

  it('call the spread of central IT’s share wide when the highest is at least twice the lowest', () => {
    assert.deepEqual(of(federationConclusions({ ...none, costs: costs([0.012, 0.03, null, 0.02]) }, 'sv'), 'costSpread'), [{ kind: 'costSpread', low: 0.012, high: 0.03, wide: true }]);
    assert.equal(of(federationConclusions({ ...none, costs: costs([0.018, 0.024, 0.02]) }, 'sv'), 'costSpread')[0]!.wide, false);
    assert.equal(of(federationConclusions({ ...none, costs: costs([0.018, null]) }, 'sv'), 'costSpread').length, 0);
  });

  it('count the security practices in place at fewer than half of the members', () => {
    const answers = mellerudInfosecAnswers(informationssakerhet);
    const counts = practiceFederationCounts(informationssakerhet, [answers, answers, answers]);
    const gap = of(federationConclusions({ ...none, security: { instrument: informationssakerhet, counts, members: 3, indexes: [0, 0, 0] } }, 'sv'), 'securityGap');
    assert.deepEqual(gap, [{ kind: 'securityGap', practices: counts.length, total: counts.length }]);
    assert.equal(counts.length, 7);
  });

  it('draw nothing from parts that are not shown', () => {
    assert.deepEqual(federationConclusions(none, 'sv'), []);
  });
});
