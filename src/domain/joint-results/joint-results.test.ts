// Hand-computed cases for the practice index, the level map, the federation matrix and the
// recommendation rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ItemAnswer } from '../instruments/answer-set.ts';
import { loadInstrumentCatalog } from '../../catalogues/instrument-catalog.ts';
import { conditionContext, evaluateCondition, selectRecommendations } from '../recommendations/evaluate-recommendations.ts';
import { compareCandidates, federationLevelMatrix, levelMap } from './level-map.ts';
import { practiceFederationCounts, practiceIndex, practiceScore } from './practice-index.ts';

const catalog = loadInstrumentCatalog();
const infosec = catalog.require('informationssakerhet');
const map = catalog.require('formagekarta');
const answers = (entries: Record<string, number | null | ItemAnswer>) =>
  new Map(Object.entries(entries).map(([key, value]) => [key, typeof value === 'object' && value !== null ? value : { value }]));

describe('practice index', () => {
  it('scores a practice 0 when not established and degree/4 on the 1–4 scale', () => {
    assert.equal(practiceScore(false, null, 1, 4), 0);
    assert.equal(practiceScore(true, 3, 1, 4), 0.75);
    assert.equal(practiceScore(true, null, 1, 4), 0.25, 'established without a degree counts as the lowest degree');
    assert.equal(practiceScore(null, null, 1, 4), null);
  });

  it('averages over answered practices and ignores a degree given for a practice answered no', () => {
    const result = practiceIndex(
      infosec,
      answers({
        'ledning-etablerat': 1, 'ledning-grad': 4, // 1
        'risk-etablerat': 1, 'risk-grad': 2, // 0.5
        'klassning-etablerat': 0, 'klassning-grad': 4, // 0: the follow-up does not apply
        'kontinuitet-etablerat': 1, // 0.25
        'medvetenhet-etablerat': null, // don't know: not counted
      }),
    );
    // (1 + 0.5 + 0 + 0.25) / 4 answered practices × 100 = 43.75
    assert.equal(result.answered, 4);
    assert.equal(result.established, 3);
    assert.equal(result.index, 43.75);
    assert.equal(result.practices[2]!.degree, null);
  });

  it('counts as in place only a practice fully introduced and followed up, not one only started', () => {
    const result = practiceIndex(
      infosec,
      answers({
        'ledning-etablerat': 1, 'ledning-grad': 4, // fully in place
        'risk-etablerat': 1, 'risk-grad': 1, // "Påbörjat": exists, not in place
        'klassning-etablerat': 1, 'klassning-grad': 3, // largely, not fully
        'kontinuitet-etablerat': 0,
      }),
    );
    assert.equal(result.established, 3);
    assert.equal(result.inPlace, 1);
  });

  it('counts per practice across members', () => {
    const counts = practiceFederationCounts(infosec, [
      answers({ 'ledning-etablerat': 1, 'ledning-grad': 2 }),
      answers({ 'ledning-etablerat': 1, 'ledning-grad': 4 }),
      answers({ 'ledning-etablerat': 0 }),
    ]);
    assert.equal(counts.length, 7);
    assert.deepEqual({ ...counts[0]!, capability: counts[0]!.capability.key }, { capability: 'ledning', established: 2, notEstablished: 1, unanswered: 0, meanDegree: 3 });
    assert.equal(counts[1]!.unanswered, 3);
  });
});

describe('recommendation rules', () => {
  it('CISO time: shown for ≤ 20 hours, not for 21–30 hours or without a CISO', () => {
    const keysFor = (entries: Record<string, number>) => selectRecommendations(infosec, answers(entries)).map((r) => r.key);
    assert.ok(keysFor({ 'har-ciso': 1, 'ciso-timmar': 2 }).includes('ciso-tid'));
    assert.ok(!keysFor({ 'har-ciso': 1, 'ciso-timmar': 3 }).includes('ciso-tid'));
    const none = keysFor({ 'har-ciso': 0, 'ciso-timmar': 1 });
    assert.ok(none.includes('utse-ciso') && !none.includes('ciso-tid'), 'hours do not count without a CISO');
  });

  it('a practice at degree 1 still gets its recommendation; at degree 2 it does not', () => {
    const keys = (degree: number) => selectRecommendations(infosec, answers({ 'risk-etablerat': 1, 'risk-grad': degree })).map((r) => r.key);
    assert.ok(keys(1).includes('risk-infor'));
    assert.ok(!keys(2).includes('risk-infor'));
  });

  it('evaluates counts, gaps, not and unanswered items', () => {
    const context = conditionContext(map, answers({
      'avveckla-niva': { value: 1, target: 3 },
      'utbilda-niva': { value: 0, target: 2 },
      'fira-framgangar-niva': { value: 4 },
    }));
    assert.equal(evaluateCondition({ countOf: { gapAtLeast: 2 }, min: 2 }, context), true);
    assert.equal(evaluateCondition({ countOf: { gapAtLeast: 2 }, min: 3 }, context), false);
    assert.equal(evaluateCondition({ countOf: { within: 'karnformagor', atMost: 1 }, min: 2 }, context), true);
    assert.equal(evaluateCondition({ countOf: { within: 'ledningsformagor', atMost: 1 }, min: 1 }, context), false);
    assert.equal(evaluateCondition({ item: 'avveckla-niva', gapAtLeast: 2 }, context), true);
    assert.equal(evaluateCondition({ not: { item: 'analysera-behov-niva', atMost: 4 } }, context), true, 'unanswered compares false');
    assert.equal(evaluateCondition({ item: 'analysera-behov-niva', answered: false }, context), true);
  });
});

describe('level map across a federation', () => {
  const level = (entries: Record<string, number>) => answers(entries);
  const members = [
    { organisationId: 'c', name: 'Cesium', answers: level({ 'avveckla-niva': 1, 'utbilda-niva': 2 }) },
    { organisationId: 'a', name: 'Argon', answers: level({ 'avveckla-niva': 0, 'utbilda-niva': 1 }) },
    { organisationId: 'd', name: 'Dubnium', answers: level({ 'avveckla-niva': 1, 'utbilda-niva': 1 }) },
    { organisationId: 'b', name: 'Bor', answers: level({ 'avveckla-niva': 4, 'utbilda-niva': 1 }) },
  ];

  it('names only the viewer\'s own organisation, numbers the others in id order', () => {
    const matrix = federationLevelMatrix(map, members, new Set(['d']));
    assert.deepEqual(matrix.members.map((member) => member.label), [
      { kind: 'own', name: 'Dubnium' },
      { kind: 'anonymous', number: 1 }, // a
      { kind: 'anonymous', number: 2 }, // b
      { kind: 'anonymous', number: 3 }, // c
    ]);
    const avveckla = matrix.rows.find((row) => row.capability.key === 'avveckla')!;
    assert.deepEqual(avveckla.levels, [1, 0, 4, 1]);
  });

  it('a collaboration candidate has ≥ 3 weak members and ≥ 1 at level 3–4', () => {
    const matrix = federationLevelMatrix(map, members, new Set());
    const byKey = new Map(matrix.rows.map((row) => [row.capability.key, row]));
    assert.equal(byKey.get('avveckla')!.weakCount, 3);
    assert.equal(byKey.get('avveckla')!.strongCount, 1);
    assert.equal(byKey.get('utbilda')!.weakCount, 3);
    assert.equal(byKey.get('utbilda')!.strongCount, 0, 'three weak but nobody to learn from');
    assert.deepEqual(matrix.candidates.map((row) => row.capability.key), ['avveckla']);
    assert.deepEqual(federationLevelMatrix(map, members, new Set(), 4).candidates, [], 'the threshold is configurable');
  });

  it('ranks candidates by weak members, then the strongest level, then the spread, and knows who is strongest', () => {
    const matrix = federationLevelMatrix(map, members, new Set());
    const avveckla = matrix.candidates[0]!;
    assert.equal(avveckla.strongest, 4);
    assert.equal(avveckla.spread, 4, 'levels 0, 4, 1 and 1');
    assert.deepEqual(avveckla.strongMembers.map((column) => matrix.members[column]!.label), [{ kind: 'anonymous', number: 2 }]);
    const row = (weakCount: number, strongest: number, spread: number) => ({ ...avveckla, weakCount, strongest, spread });
    const ranked = [row(3, 3, 1), row(4, 3, 3), row(3, 4, 2), row(3, 4, 4)].sort(compareCandidates);
    assert.deepEqual(ranked.map((entry) => [entry.weakCount, entry.strongest, entry.spread]), [[4, 3, 3], [3, 4, 4], [3, 4, 2], [3, 3, 1]]);
  });

  it('lists gaps largest first', () => {
    const result = levelMap(map, answers({ 'avveckla-niva': { value: 1, target: 2 }, 'utbilda-niva': { value: 0, target: 3 }, 'inkludera-niva': { value: 3, target: 3 } }));
    assert.deepEqual(result.gaps.map((entry) => [entry.capability.key, entry.gap]), [['utbilda', 3], ['avveckla', 1]]);
  });
});
