import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addOre, hasMoreThanTwoDecimals, numberToOre, oreToSek, parseAmountOre, parseLocaleAmountOre } from './money.ts';

describe('parseAmountOre (SIE amounts)', () => {
  it('reads integers, one or two decimals, signs and a bare fraction', () => {
    assert.equal(parseAmountOre('1000'), 100000);
    assert.equal(parseAmountOre('-3142.1'), -314210);
    assert.equal(parseAmountOre('16.81'), 1681);
    assert.equal(parseAmountOre('+5'), 500);
    assert.equal(parseAmountOre('.5'), 50);
    assert.equal(parseAmountOre('7.'), 700);
    assert.equal(parseAmountOre('-0.00'), 0);
    assert.ok(Object.is(parseAmountOre('-0'), 0));
  });

  it('rounds more than two decimals half away from zero', () => {
    assert.equal(parseAmountOre('10.000000'), 1000);
    assert.equal(parseAmountOre('0.005'), 1);
    assert.equal(parseAmountOre('-0.005'), -1);
    assert.equal(parseAmountOre('1.004'), 100);
    assert.equal(hasMoreThanTwoDecimals('10.000000'), false);
    assert.equal(hasMoreThanTwoDecimals('1.005'), true);
    assert.equal(hasMoreThanTwoDecimals('1.05'), false);
  });

  it('rejects what is not a number', () => {
    for (const text of ['', '-', '.', '1,5', '1 000', '12a', 'abc', '1.2.3', '--1', '1e5', '0x10', '99999999999999']) {
      assert.ok(Number.isNaN(parseAmountOre(text)), text);
    }
    assert.equal(parseAmountOre('0000000000000001.00'), 100);
  });
});

describe('parseLocaleAmountOre (spreadsheet amounts)', () => {
  it('reads Swedish formats with a decimal comma', () => {
    assert.equal(parseLocaleAmountOre('1 234,56'), 123456);
    assert.equal(parseLocaleAmountOre('1\u00a0234\u00a0567,5'), 123456750);
    assert.equal(parseLocaleAmountOre('-1.234,56'), -123456);
    assert.equal(parseLocaleAmountOre('1 234,56-'), -123456);
    assert.equal(parseLocaleAmountOre('\u221212'), -1200);
    assert.equal(parseLocaleAmountOre('(500)'), -50000);
    assert.equal(parseLocaleAmountOre('12,5 kr'), 1250);
    assert.equal(parseLocaleAmountOre('12.50'), 1250, 'dot with two decimals is still a decimal point');
    assert.equal(parseLocaleAmountOre('1.234'), 123400, 'dot with three digits groups thousands');
  });

  it('reads formats with a decimal point', () => {
    assert.equal(parseLocaleAmountOre('1,234.56', '.'), 123456);
    assert.equal(parseLocaleAmountOre('1234.5', '.'), 123450);
    assert.equal(parseLocaleAmountOre('12,50', '.'), 1250);
  });

  it('rejects text', () => {
    for (const text of ['', 'abc', '1,2,3', '12 34', 'N/A', '1,234.56']) assert.ok(Number.isNaN(parseLocaleAmountOre(text)), text);
  });
});

describe('conversions', () => {
  it('turns spreadsheet floats into exact öre through their decimal text', () => {
    assert.equal(numberToOre(1.005), 101);
    assert.equal(numberToOre(0.1 + 0.2), 30);
    assert.equal(numberToOre(-1234.5), -123450);
    assert.equal(numberToOre(1e-9), 0);
    assert.ok(Number.isNaN(numberToOre(1e25)));
  });

  it('prints SEK with at most two decimals and guards the exact range', () => {
    assert.equal(oreToSek(1809800000), 18098000);
    assert.equal(oreToSek(123456789), 1234567.89);
    assert.equal(oreToSek(-5), -0.05);
    assert.throws(() => addOre(Number.MAX_SAFE_INTEGER, 1), RangeError);
  });
});
