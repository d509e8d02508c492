// The round forms' checks, without a server: a typed year or threshold is a number in range or
// the field's message; a mangled id in a path is a page that does not exist.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../../app/errors.ts';
import { parseInput, parseParams, validateForm } from '../../web/validate.ts';
import { newRoundBody, newRoundForm, openLinkCapForm, respondentBody, respondentForm, respondentParams, roundParams } from './schema.ts';

const form = newRoundForm((key) => key === 'digital-mognad');
const check = (fields: Record<string, unknown>) => validateForm(form, parseInput(newRoundBody, fields), (issue) => issue.message);

test('a new round: year, threshold and small sample come out as numbers', () => {
  const result = check({ name: ' Mognad ', year: ' 2026 ', instruments: 'digital-mognad', openLink: 'on', threshold: '4', smallSample: '12' });
  assert.deepEqual(result, { ok: true, value: { name: 'Mognad', year: 2026, instruments: ['digital-mognad'], openLink: true, threshold: 4, smallSample: 12 } });
});

test('a new round: each bad field gets its own message, in the order of the form', () => {
  const result = check({ name: '', year: '26', instruments: ['okänd'], threshold: '1', smallSample: '0' });
  assert.deepEqual(result, {
    ok: false,
    errors: { name: 'nameRequired', year: 'yearInvalid', instruments: 'instrumentsRequired', threshold: 'thresholdInvalid', smallSample: 'smallSampleInvalid' },
  });
  for (const year of ['1999', '2101', '2026.0', '0x7EA', '', '２０２６']) {
    const bad = check({ name: 'x', year, instruments: 'digital-mognad' });
    assert.equal(!bad.ok && bad.errors.year, 'yearInvalid', year);
  }
  assert.equal(check({ name: 'x', year: '2026' }).ok, false, 'no instrument chosen');
});

test('the open link cap is a whole number from 1 to 10 000', () => {
  assert.deepEqual(validateForm(openLinkCapForm, { cap: '250' }, (issue) => issue.message), { ok: true, value: { cap: 250 } });
  for (const cap of ['0', '10001', '-1', '1.5', 'många', '']) assert.equal(validateForm(openLinkCapForm, { cap }, (issue) => issue.message).ok, false, cap);
});

test('a respondent: the one e-mail check decides, the address comes out as stored, empty optional fields are null', () => {
  const values = parseInput(respondentBody, { email: " O'Brien@Council.gov.uk ", unitId: '' });
  assert.deepEqual(validateForm(respondentForm, values, (issue) => issue.message), { ok: true, value: { email: "o'brien@council.gov.uk", name: null, role: null, unitId: null } });
  const bad = validateForm(respondentForm, parseInput(respondentBody, { email: 'göran.öst@kommun.se' }), (issue) => issue.message);
  assert.deepEqual(bad, { ok: false, errors: { email: 'emailInvalid' } });
});

test('a mangled id in a path is not found', () => {
  for (const params of [{ roundId: 'abc' }, { roundId: '00000000-0000-4000-8000-00000000000' }, {}]) {
    assert.throws(() => parseParams(roundParams, params), (error) => isAppError(error) && error.code === 'not_found');
  }
  assert.throws(
    () => parseParams(respondentParams, { roundId: '00000000-0000-4000-8000-000000000001', respondentId: '1' }),
    (error) => isAppError(error) && error.code === 'not_found',
  );
});
