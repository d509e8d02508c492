// What the study's dashboard says about dates: the day a study closed is the Swedish calendar day,
// like its closing date, whatever the server's time zone (issue 15).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messages } from '../../i18n/messages.ts';
import { presentDashboard } from './presenter.ts';
import type { StudyOverview } from './service.ts';

function closedStudy(closedAt: string): StudyOverview {
  return {
    study: { id: 's1', federation_id: 'f1', year: 2027, closes_on: '2027-01-15', anonymity_threshold: 3, status: 'closed', created_at: '2026-11-25T10:00:00.000Z', created_by: null, closed_at: closedAt },
    federation: { id: 'f1', name: 'Testförbundet' },
    members: [],
    progress: { invited: 0, submitted: 0, rate: null },
    contact: null,
  };
}

describe('the study dashboard’s dates', () => {
  test('a study closed by the tick just after midnight in Sweden closed on that Swedish day', () => {
    // 00:30 on 16 January in Stockholm, still the 15th in UTC.
    const model = presentDashboard(messages('sv'), 'sv', closedStudy('2027-01-15T23:30:00.000Z'));
    assert.equal(model.closesOnText, '15 januari 2027');
    assert.equal(model.closedOnText, '16 januari 2027');
  });

  test('in summer too (UTC+2)', () => {
    const model = presentDashboard(messages('en'), 'en', closedStudy('2027-06-30T22:15:00.000Z'));
    assert.equal(model.closedOnText, '1 July 2027');
  });
});
