import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepWaysOfTakingPart } from './ways-of-taking-part.ts';

const invited = (id: string) => ({ id, viaOpenLink: false });
const open = (id: string) => ({ id, viaOpenLink: true });

test('one real invited person and two made-up open-link answers publish nothing at k = 3', () => {
  const { kept, leftOut } = keepWaysOfTakingPart([invited('real'), open('fake1'), open('fake2')], 3);
  assert.deepEqual(kept, []);
  assert.deepEqual(leftOut, { invited: 1, openLink: 2 });
});

test('with three made-up answers only the made-up ones are published, never the real person', () => {
  const { kept } = keepWaysOfTakingPart([invited('real'), open('f1'), open('f2'), open('f3')], 3);
  assert.deepEqual(kept.map((respondent) => respondent.id), ['f1', 'f2', 'f3']);
});

test('each way at or above the threshold, or empty, is kept whole', () => {
  const all = [invited('a'), invited('b'), invited('c'), open('d'), open('e'), open('f')];
  assert.equal(keepWaysOfTakingPart(all, 3).kept.length, 6);
  assert.equal(keepWaysOfTakingPart(all.slice(0, 3), 3).kept.length, 3);
  assert.deepEqual(keepWaysOfTakingPart(all.slice(0, 3), 3).leftOut, { invited: 0, openLink: 0 });
});
