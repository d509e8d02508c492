// The status, next step and owner of a member's part in a study, the response rate, and the
// closing day in Sweden around midnight and the clock changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, isCalendarDay, isPastClosingDay } from './study-dates.ts';
import { swedishDay as swedishToday } from '../calendar/swedish-day.ts';
import { partProgress, responseRate, studyProgress, type PartFacts } from './study-status.ts';

const facts = (overrides: Partial<PartFacts>): PartFacts => ({
  part: 'maturity', declined: false, roundStatus: 'open', respondents: 0, invited: 0, submitted: 0, jointSubmitted: false, ledger: false, ledgerMapped: false, ...overrides,
});

test('the maturity survey moves from not started to answered, each with its next step and owner', () => {
  const at = (overrides: Partial<PartFacts>) => {
    const progress = partProgress(facts(overrides), true);
    return [progress.status, progress.next, progress.owner];
  };
  assert.deepEqual(at({}), ['not_started', 'add_respondents', 'member']);
  assert.deepEqual(at({ respondents: 4 }), ['respondents_added', 'send_invitations', 'member']);
  assert.deepEqual(at({ respondents: 4, invited: 4 }), ['invited', 'remind', 'member']);
  assert.deepEqual(at({ respondents: 4, invited: 4, submitted: 1 }), ['answering', 'remind', 'member']);
  assert.deepEqual(at({ respondents: 4, invited: 4, submitted: 4 }), ['answering', 'close_study', 'federation']);
  assert.deepEqual(at({ roundStatus: 'closed', respondents: 4, invited: 4, submitted: 2 }), ['closed', 'read_results', 'federation']);
  assert.deepEqual(at({ declined: true, respondents: 4 }), ['declined', null, null]);
});

test('joint assessments and the cost analysis', () => {
  assert.equal(partProgress(facts({ part: 'security' }), true).status, 'joint_pending');
  assert.equal(partProgress(facts({ part: 'capability-map', jointSubmitted: true }), true).status, 'joint_done');
  assert.equal(partProgress(facts({ part: 'costs', roundStatus: null }), true).status, 'no_ledger');
  assert.equal(partProgress(facts({ part: 'costs', roundStatus: null, ledger: true }), true).next, 'map_ledger');
  assert.equal(partProgress(facts({ part: 'costs', roundStatus: null, ledger: true, ledgerMapped: true }), true).status, 'mapped');
});

test('the rate is submitted of invited, capped at 100 %, and the study’s leaves out declined surveys', () => {
  assert.equal(responseRate(0, 0), null);
  assert.equal(responseRate(3, 4), 0.75);
  assert.equal(responseRate(5, 4), 1);
  const parts = [
    partProgress(facts({ respondents: 4, invited: 4, submitted: 3 }), true),
    partProgress(facts({ respondents: 6, invited: 6, submitted: 9 }), true),
    partProgress(facts({ declined: true, respondents: 10, invited: 10, submitted: 0 }), true),
  ];
  assert.deepEqual(studyProgress(parts), { invited: 10, submitted: 9, rate: 0.9 });
});

test('the closing day is the Swedish calendar day, in winter and in summer', () => {
  assert.equal(swedishToday(new Date('2027-01-15T22:59:59Z')), '2027-01-15');
  assert.equal(swedishToday(new Date('2027-01-15T23:00:00Z')), '2027-01-16');
  assert.equal(swedishToday(new Date('2027-06-15T21:59:59Z')), '2027-06-15');
  assert.equal(swedishToday(new Date('2027-06-15T22:00:00Z')), '2027-06-16');
  assert.equal(isPastClosingDay('2027-01-15', new Date('2027-01-15T22:59:59Z')), false);
  assert.equal(isPastClosingDay('2027-01-15', new Date('2027-01-15T23:00:00Z')), true);
  // The night the clocks go forward (28 March 2027).
  assert.equal(isPastClosingDay('2027-03-27', new Date('2027-03-27T22:59:00Z')), false);
  assert.equal(isPastClosingDay('2027-03-27', new Date('2027-03-27T23:00:00Z')), true);
  assert.equal(addDays('2027-02-27', 2), '2027-03-01');
  assert.equal(isCalendarDay('2027-02-29'), false);
  assert.equal(isCalendarDay('2028-02-29'), true);
  assert.equal(isCalendarDay('2027-2-1'), false);
});
