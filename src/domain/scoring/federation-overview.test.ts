import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { numberMembers } from '../disclosure/member-numbering.ts';
import { federationOverview } from './federation-overview.ts';
import { scoreMaturity } from './maturity-score.ts';
import { answers, tinyInstrument } from './test-instrument.ts';

const instrument = tinyInstrument();

/** One respondent answering every statement of the tiny instrument with the given value (i2 is reversed). */
function memberAnswering(organisationId: string, name: string, formaga: number, arv: number) {
  const result = scoreMaturity(instrument, [answers('r', { i1: formaga, i2: 6 - formaga, i3: formaga, i4: formaga, i5: arv, i6: arv, i7: arv })]);
  return { organisationId, name, kind: 'kommun', result };
}

describe('numberMembers', () => {
  test('numbers by id order, so the number says nothing about the name or result', () => {
    const numbers = numberMembers(['c-id', 'a-id', 'b-id', 'a-id'], new Set(['b-id']));
    assert.deepEqual([...numbers.values()], [
      { organisationId: 'a-id', number: 1, own: false },
      { organisationId: 'b-id', number: 2, own: true },
      { organisationId: 'c-id', number: 3, own: false },
    ]);
  });
});

describe('federationOverview', () => {
  const members = [
    memberAnswering('id-3', 'Cedeby', 4, 4), // D: 66.7 %
    memberAnswering('id-1', 'Aby', 2, 2), // A: 33.3 %
    memberAnswering('id-2', 'Beby', 2, 5), // B: 58.3 %
    memberAnswering('id-4', 'Dala', 3, 2), // C (förmåga exactly on the threshold): 41.7 %
  ];
  const overview = federationOverview(instrument, members, new Set(['id-2']));

  test('rows in number order; only the own organisation is named', () => {
    assert.deepEqual(
      overview.rows.map((row) => [row.number, row.name, row.quadrant]),
      [
        [1, null, 'A'],
        [2, 'Beby', 'B'],
        [3, null, 'D'],
        [4, null, 'C'],
      ],
    );
    assert.equal(overview.rows[1]!.own, true);
    assert.equal(overview.rows[1]!.capability, 2);
    assert.equal(overview.rows[1]!.legacy, 5);
    assert.equal(overview.rows[1]!.maturityPercent, 58.3);
  });

  test('counts members per quadrant', () => {
    assert.deepEqual(overview.quadrantCounts, { A: 1, B: 1, C: 1, D: 1 });
  });

  test('the federation benchmark is the unweighted lowest, mean and highest over members', () => {
    const formaga = overview.benchmark!.dimensions.formaga!;
    assert.equal(formaga.min, 2);
    assert.equal(formaga.max, 4);
    assert.equal(formaga.avg, (4 + 2 + 2 + 3) / 4);
    assert.equal(overview.benchmark!.capabilities.k4!.avg, (4 + 2 + 5 + 2) / 4);
  });

  test('no benchmark with fewer than three members, but the rows are still there', () => {
    const small = federationOverview(instrument, members.slice(0, 2), new Set());
    assert.equal(small.benchmark, null);
    assert.equal(small.rows.length, 2);
  });
});
