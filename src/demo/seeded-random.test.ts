import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeededRandom, mulberry32 } from './seeded-random.ts';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 5 }, () => a());
    assert.deepEqual(first, Array.from({ length: 5 }, () => b()));
    assert.ok(first.every((value) => value >= 0 && value < 1));
    assert.notDeepEqual(first, Array.from({ length: 5 }, mulberry32(43)));
  });

  it('draws integers within both bounds', () => {
    const random = createSeededRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(2, 4)));
    assert.deepEqual([...seen].sort(), [2, 3, 4]);
  });

  it('forks by label, independently of how much the parent has drawn', () => {
    const a = createSeededRandom(5);
    const b = createSeededRandom(5);
    b.next();
    b.next();
    assert.equal(a.fork('x').next(), b.fork('x').next());
    assert.notEqual(a.fork('x').next(), a.fork('y').next());
  });

  it('shuffles without losing or adding items', () => {
    const random = createSeededRandom(3);
    const items = [1, 2, 3, 4, 5, 6];
    assert.deepEqual(random.shuffle(items).sort(), items);
  });

  it('draws normals with roughly the asked mean and spread', () => {
    const random = createSeededRandom(9);
    const values = Array.from({ length: 5000 }, () => random.normal(2, 0.5));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    assert.ok(Math.abs(mean - 2) < 0.05 && Math.abs(sd - 0.5) < 0.05);
  });
});
