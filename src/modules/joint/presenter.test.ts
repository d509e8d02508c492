// The joint results as the pages show them, without a database: a page draws a chart only from a
// submitted answer, a chart file serves the same specs as its page, the comparison link appears
// only for an organisation in a federation, and the federation's heat map is left out when there
// are no members or too many to read.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mellerudCapabilityAnswers, mellerudInfosecAnswers } from '../../../test/support/mellerud-fixture.ts';
import { MAX_MATRIX_CHART_MEMBERS } from '../../charts/joint-charts.ts';
import type { RoundWithInstruments } from '../rounds/round-service.ts';
import { messages } from '../../i18n/messages.ts';
import { loadInstrumentCatalog } from '../../catalogues/instrument-catalog.ts';
import { jointResultCharts, presentFederationComparison, presentJointResults } from './presenter.ts';
import type { FederationComparison, JointResults } from './service.ts';

const catalog = loadInstrumentCatalog();
const formagekarta = catalog.require('formagekarta');
const informationssakerhet = catalog.require('informationssakerhet');
const m = messages('sv');
const round = { id: 'round-1', name: 'Bedömningar 2026', organisation_id: 'org-1', year: 2026 } as RoundWithInstruments;

function results(overrides: Partial<JointResults>): JointResults {
  return { round, organisationName: 'Alfa kommun', instrument: formagekarta, answers: null, submittedAt: null, inFederation: false, ...overrides };
}

describe('joint results presenter', () => {
  test('nothing submitted: no result, no chart, no recommendations', () => {
    const view = presentJointResults(results({}), m, 'sv');
    assert.equal(view.kind, 'level-map');
    assert.equal(view.result, null);
    assert.deepEqual(jointResultCharts(view), []);
    assert.deepEqual(view.recommendations, []);
    assert.equal(view.compareHref, null);
  });

  test('a capability map: the level counts and one heat map per area, the same specs for the page and its files', () => {
    const view = presentJointResults(results({ answers: mellerudCapabilityAnswers(formagekarta), submittedAt: '2026-11-25T09:00:00.000Z', inFederation: true }), m, 'sv');
    assert.ok(view.kind === 'level-map');
    const charts = jointResultCharts(view);
    assert.equal(charts[0], view.counts);
    assert.equal(charts.length, 1 + formagekarta.dimensions.length);
    assert.equal(new Set(charts.map((chart) => chart.id)).size, charts.length, 'chart ids are unique');
    assert.equal(view.compareHref, '/org/org-1/compare/formagekarta?year=2026');
  });

  test('a practice index: the index, its chart and the recommendations its answers call for', () => {
    const view = presentJointResults(results({ instrument: informationssakerhet, answers: new Map(mellerudInfosecAnswers(informationssakerhet)) }), m, 'sv');
    assert.ok(view.kind === 'practice');
    assert.ok(view.result);
    assert.deepEqual(jointResultCharts(view).map((chart) => chart.id), ['practice-scores']);
    assert.ok(view.recommendations.length > 0);
  });
});

describe('federation comparison presenter', () => {
  const comparison = (memberCount: number): FederationComparison => {
    const answers = mellerudCapabilityAnswers(formagekarta);
    const members = Array.from({ length: memberCount }, (_, index) => ({ organisationId: `org-${index + 1}`, name: `Kommun ${index + 1}`, answers }));
    return {
      federation: { id: 'federation', name: 'Testförbundet' },
      instrument: formagekarta,
      year: memberCount > 0 ? 2026 : null,
      years: memberCount > 0 ? [2026] : [],
      members,
      ownOrganisationIds: new Set(['org-1']),
      numbering: new Map(members.map((member, index) => [member.organisationId, index + 1])),
    };
  };

  test('the matrix of a level map with its heat map; the threshold asked for is kept', () => {
    const view = presentFederationComparison(comparison(2), { organisationId: 'federation', minWeak: 1 }, m, 'sv');
    assert.equal(view.memberCount, 2);
    assert.equal(view.matrix?.settings.collaborationMinWeak, 1);
    assert.equal(view.practiceCounts, null);
    assert.ok(view.chart);
    assert.equal(view.minWeak, 1);
  });

  test('no heat map without members, nor with more members than can be read', () => {
    assert.equal(presentFederationComparison(comparison(0), { organisationId: 'federation' }, m, 'sv').chart, null);
    assert.equal(presentFederationComparison(comparison(MAX_MATRIX_CHART_MEMBERS + 1), { organisationId: 'federation' }, m, 'sv').chart, null);
  });
});
