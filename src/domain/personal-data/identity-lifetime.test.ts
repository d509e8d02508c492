// The lifetime of respondents' identities: calendar months after the round closed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { identityLifetimeOver, identityRemovalDate } from './identity-lifetime.ts';

describe('identity lifetime', () => {
  test('the removal date is the close instant moved the given number of calendar months on', () => {
    assert.equal(identityRemovalDate('2026-03-15T09:30:00.000Z', 12).toISOString(), '2027-03-15T09:30:00.000Z');
    assert.equal(identityRemovalDate('2026-11-20T00:00:00.000Z', 3).toISOString(), '2027-02-20T00:00:00.000Z');
  });

  test('a day the target month lacks falls on its last day, never later', () => {
    assert.equal(identityRemovalDate('2026-08-31T12:00:00.000Z', 6).toISOString(), '2027-02-28T12:00:00.000Z');
    assert.equal(identityRemovalDate('2027-08-31T12:00:00.000Z', 6).toISOString(), '2028-02-29T12:00:00.000Z');
  });

  test('the lifetime is over at the removal instant and not a millisecond before', () => {
    const closed = '2026-01-10T08:00:00.000Z';
    assert.equal(identityLifetimeOver(closed, 12, new Date('2027-01-10T07:59:59.999Z')), false);
    assert.equal(identityLifetimeOver(closed, 12, new Date('2027-01-10T08:00:00.000Z')), true);
  });
});
