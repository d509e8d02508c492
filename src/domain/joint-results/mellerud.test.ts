// The seed's Mellerud figures, reproduced from the fixture: figure 17 (capability levels) and
// figure 6 with section 3.2.1 (information security: every practice "no", recommendations).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadInstrumentCatalog } from '../../catalogues/instrument-catalog.ts';
import { mellerudCapabilityAnswers, mellerudInfosecAnswers } from '../../../test/support/mellerud-fixture.ts';
import { selectRecommendations } from '../recommendations/evaluate-recommendations.ts';
import { levelMap } from './level-map.ts';
import { practiceIndex } from './practice-index.ts';

const catalog = loadInstrumentCatalog();
const formagekarta = catalog.require('formagekarta');
const informationssakerhet = catalog.require('informationssakerhet');

describe('Mellerud 2021 (seed figures 6 and 17)', () => {
  it('capability map: 37 at level 1, 16 at level 2, 2 at level 3, none at 0 or 4', () => {
    const result = levelMap(formagekarta, mellerudCapabilityAnswers(formagekarta));
    assert.equal(result.capabilities.length, 55);
    assert.equal(result.unanswered, 0);
    assert.deepEqual([...result.countsByLevel.entries()], [[0, 0], [1, 37], [2, 16], [3, 2], [4, 0]]);
    assert.equal(result.weak.length, 37);
    // mean = (37·1 + 16·2 + 2·3) / 55 = 75 / 55
    assert.equal(result.meanLevel, 75 / 55);
    const strong = result.capabilities.filter((entry) => entry.level === 3).map((entry) => entry.capability.name.sv).sort();
    assert.deepEqual(strong, ['Kommunicera med medarbetare', 'Upprätthålla stabil och tillförlitlig driftsleverans']);
    assert.equal(result.gaps.length, 0, 'the seed gives no targets');
  });

  it('capability map recommendations: weak leadership, core and support capabilities and security', () => {
    const keys = selectRecommendations(formagekarta, mellerudCapabilityAnswers(formagekarta)).map((r) => r.key);
    assert.deepEqual(keys, ['svag-ledning', 'svag-karna', 'svag-stod', 'sakerhet']);
  });

  it('information security: a CISO 1–10 h, every practice not established, index 0', () => {
    const answers = mellerudInfosecAnswers(informationssakerhet);
    assert.equal(answers.get('ciso-timmar')?.value, 1);
    const result = practiceIndex(informationssakerhet, answers);
    assert.equal(result.practices.length, 7);
    assert.ok(result.practices.every((practice) => practice.established === false && practice.score === 0));
    assert.equal(result.established, 0);
    assert.equal(result.answered, 7);
    assert.equal(result.index, 0);
  });

  it('information security: every practice gets its recommendation, plus CISO time, incidents and an ISMS', () => {
    const keys = selectRecommendations(informationssakerhet, mellerudInfosecAnswers(informationssakerhet)).map((r) => r.key);
    assert.deepEqual(keys, [
      'ciso-tid',
      'ledning-infor',
      'risk-infor',
      'klassning-infor',
      'kontinuitet-infor',
      'medvetenhet-infor',
      'upphandling-infor',
      'uppfoljning-infor',
      'incidenter',
      'ledningssystem',
    ]);
  });
});
