import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateForm } from '../../web/validate.ts';
import { reminderScheduleBody, reminderScheduleForm } from './schedule-schema.ts';

const check = (reminderDays: string) => validateForm(reminderScheduleForm, reminderScheduleBody.parse({ reminderDays }), (issue) => issue.message);

test('the reminder days: whole numbers 1–60, distinct, at most four; commas, semicolons or spaces between', () => {
  assert.deepEqual(check('2, 7'), { ok: true, value: { reminderDays: [7, 2] } });
  assert.deepEqual(check(' 14;7 2 1 '), { ok: true, value: { reminderDays: [14, 7, 2, 1] } });
  assert.deepEqual(check(''), { ok: true, value: { reminderDays: [] } });
  assert.deepEqual(check('60,1'), { ok: true, value: { reminderDays: [60, 1] } });
});

test('each refusal has its own message key, the first problem winning', () => {
  const error = (typed: string) => {
    const result = check(typed);
    assert.equal(result.ok, false, typed);
    return result.ok ? '' : result.errors.reminderDays;
  };
  assert.equal(error('sju'), 'daysNotNumbers');
  assert.equal(error('7.5'), 'daysNotNumbers');
  assert.equal(error('-2'), 'daysNotNumbers');
  assert.equal(error('0'), 'daysOutOfRange');
  assert.equal(error('61'), 'daysOutOfRange');
  assert.equal(error('7,7'), 'daysRepeated');
  assert.equal(error('1,2,3,4,5'), 'daysTooMany');
});
