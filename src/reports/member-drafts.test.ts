// The generated drafts of a member's texts (issue 13), on the Mellerud fixture (the seed's worked
// example: every security practice missing, many weak capabilities) and on a small sample with a
// federation to compare against: the recommendations follow the documented rules, each part
// gets an interpretation from its data, and a text the analyst wrote replaces the draft.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mellerudCapabilityAnswers, mellerudInfosecAnswers } from '../../test/support/mellerud-fixture.ts';
import { answersScoring } from '../../test/support/results-world.ts';
import type { Benchmark } from '../domain/scoring/benchmarks.ts';
import { levelMap } from '../domain/joint-results/level-map.ts';
import { scoreMaturity } from '../domain/scoring/maturity-score.ts';
import { loadInstrumentCatalog } from '../catalogues/instrument-catalog.ts';
import type { RoundResults } from '../domain/results/round-results.ts';
import { buildMemberReport } from './member-report.ts';
import { CAPABILITY_CATEGORY, memberDrafts, recommendationDrafts } from './member-drafts.ts';
import type { MemberReportInput } from './report-input.ts';

const catalog = loadInstrumentCatalog();
const formagekarta = catalog.require('formagekarta');
const informationssakerhet = catalog.require('informationssakerhet');
const dimios = catalog.require('digital-mognad');

function results(value: number | ((capabilityKey: string) => number | null)): RoundResults {
  const respondents = ['a', 'b', 'c'].map((id) => ({ respondentId: id, answers: new Map(Object.entries(answersScoring(dimios, value))) }));
  const none = { below: [], above: [] };
  return {
    round: { id: 'r', name: 'Mätning', year: 2021, status: 'closed', organisationId: 'm', anonymityThreshold: 2, smallSampleThreshold: 5 },
    organisation: { id: 'm', name: 'Melleruds kommun', kind: 'kommun' },
    instrument: dimios,
    respondents: 3,
    result: scoreMaturity(dimios, respondents),
    smallSample: true,
    benchmarks: { federations: [], national: null, nationalOrganisations: 0, sameKind: null, sameKindOrganisations: 0 },
    references: [],
    trend: null,
    strengths: { strongest: [], weakest: [] },
    differences: { federation: none, national: none },
    spread: [],
    breakdown: { threshold: 2, units: [], roles: [], suppressedForSubtraction: 0 },
  };
}

function input(parts: Partial<Pick<MemberReportInput, 'maturity' | 'security' | 'capabilityMap' | 'costs' | 'analystTexts'>>): MemberReportInput {
  return {
    frame: {
      studyName: 'Fyrbodal',
      isFederation: true,
      year: 2021,
      memberCount: 14,
      texts: { background: '', purpose: '', goal: '', scope: '', goalPicture: [], author: '' },
      history: [],
      classification: 0,
      today: '2021-03-31',
    },
    member: { name: 'Melleruds kommun', number: 7 },
    maturity: null,
    security: null,
    capabilityMap: null,
    costs: null,
    ...parts,
  };
}

const mellerud = () =>
  input({
    security: { instrument: informationssakerhet, answers: mellerudInfosecAnswers(informationssakerhet), previous: null },
    capabilityMap: { instrument: formagekarta, answers: mellerudCapabilityAnswers(formagekarta), previous: null, federation: null },
  });

/** A federation with the same average on every category and capability. */
function federationAt(value: number): Benchmark {
  const entry = { min: value - 1, avg: value, max: value + 1, organisations: 5 };
  const keys = (list: string[]) => Object.fromEntries(list.map((key) => [key, entry]));
  return {
    organisations: 5,
    capabilities: keys(Object.keys(results(3).result!.capabilities)),
    categories: keys(dimios.dimensions.flatMap((dimension) => dimension.categories.map((category) => category.key))),
    dimensions: {},
    maturityPercent: { min: 30, avg: 50, max: 70, organisations: 5 },
  };
}

describe('drafts of a member’s texts', () => {
  it('Mellerud: no security practice in place and weak capabilities give a governance and an IT recommendation', () => {
    const weak = levelMap(formagekarta, mellerudCapabilityAnswers(formagekarta)).weak.length;
    assert.ok(weak > 0);
    const list = recommendationDrafts(mellerud(), 'sv');
    assert.deepEqual(
      list.map((entry) => entry.category),
      ['governance', 'it'],
    );
    assert.match(list[0]!.text, /policy för informationssäkerhet.*Indexet är 0 av 100/);
    assert.match(list[1]!.text, new RegExp(`de ${weak} svaga förmågorna`));
    const drafts = memberDrafts(mellerud(), 'sv');
    assert.match(drafts.security, /^0 av \d+ rutiner för informationssäkerhet är etablerade, vilket ger indexet 0 av 100\.$/);
    assert.match(drafts.capabilityMap, new RegExp(`^${weak} av \\d+ förmågor är svaga`));
    assert.match(drafts.recommendations, /^Ledning och styrning: Ta fram .*\nIT: Gör en plan/);
    assert.match(drafts.summary, /^Det första steget: ta fram en gemensam policy/);
    assert.equal(drafts.maturity, '', 'no survey, no maturity interpretation');
  });

  it('a low survey result gives recommendations in every category, at most two each, weakest first', () => {
    const list = recommendationDrafts(input({ maturity: { results: results(1), federation: null, national: null } }), 'sv');
    const counts = new Map<string, number>();
    for (const entry of list) counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1);
    assert.deepEqual([...counts.keys()].sort(), ['competence', 'economy', 'governance', 'it']);
    for (const count of counts.values()) assert.equal(count, 2);
    assert.ok(list.every((entry) => /ligger under mitten av skalan/.test(entry.text)));
  });

  it('a high survey result gives only the follow-up recommendation', () => {
    const list = recommendationDrafts(input({ maturity: { results: results(5), federation: null, national: null } }), 'sv');
    assert.deepEqual(list.map((entry) => entry.text), ['Inget område sticker ut negativt. Följ upp samma mått nästa år för att se att nivån håller.']);
  });

  it('against the federation: the strongest and weakest category, and a capability well below the average is recommended', () => {
    // kostnadskontroll (balansering; economy) at 2.0 is below the middle of the 0–6 scale and 1.8 below the average; the rest score 4.0.
    assert.equal(CAPABILITY_CATEGORY.kostnadskontroll, 'economy');
    const sample = results((capability) => (capability === 'kostnadskontroll' ? 2 : 4));
    const overview = { rows: [], quadrantCounts: { A: 0, B: 0, C: 0, D: 0 }, benchmark: federationAt(3.8) };
    const member = input({ maturity: { results: sample, federation: overview, national: null } });
    const drafts = memberDrafts(member, 'sv');
    assert.match(drafts.maturity, /Jämfört med genomsnittet i förbundet är ni starkast inom .+ \(\+0,\d\) och svagast inom balansering \(−0,2\)\./);
    assert.match(drafts.maturity, /Ni hamnar i ruta [ABCD]/);
    const list = recommendationDrafts(member, 'sv');
    assert.deepEqual(list.map((entry) => entry.category), ['economy']);
    assert.match(list[0]!.text, /kostnadskontroll, som fick 2,0 mot 3,8 i genomsnitt i förbundet/);
    assert.match(drafts.summary, /över förbundets genomsnitt/);
  });

  it('a text the analyst wrote replaces the draft in the report; an empty one prints the draft', () => {
    const written = { ...mellerud(), analystTexts: { summary: 'Melleruds viktigaste slutsats är vår egen.', security: '   ', recommendations: 'IT: Byt servrar.\nEkonomi: Budgetera.' } };
    const document = JSON.stringify(buildMemberReport(written, 'sv').blocks);
    assert.ok(document.includes('Melleruds viktigaste slutsats är vår egen.'));
    assert.ok(!document.includes('Det första steget'), 'the summary draft is replaced');
    assert.ok(document.includes('rutiner för informationssäkerhet är etablerade'), 'an empty security text prints the draft');
    assert.ok(document.includes('IT: Byt servrar.') && document.includes('Ekonomi: Budgetera.'));
    assert.ok(!document.includes('Gör en plan'), 'the recommendations draft is replaced');
  });
});
