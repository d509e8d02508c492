// The federation report's drafts follow the rules of docs/method.md from the report's own data:
// only parts with enough members, counts of members but never a member's name or number, and
// the analyst's written text wins over a draft.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Instrument } from '../domain/instruments/instrument-schema.ts';
import type { FederationOverviewRow } from '../domain/scoring/federation-overview.ts';
import { effectiveFederationTexts, federationDrafts } from './federation-drafts.ts';
import type { FederationReportInput } from './report-input.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function row(number: number, maturityPercent: number): FederationOverviewRow {
  return { number, own: false, name: null, respondents: 5, capability: null, legacy: null, maturityPercent, quadrant: null, capabilities: {} };
}

function input(threshold: number): FederationReportInput {
  return {
    frame: { studyName: 'Provförbundet', isFederation: true, year: 2025, memberCount: 3, texts: { background: '', purpose: '', goal: '', scope: '', goalPicture: [], author: '' }, history: [], classification: 0, today: '2026-01-10' },
    members: [1, 2, 3].map((number) => ({ number, parts: { maturity: true, security: false, capabilityMap: false, costs: true } })),
    maturity: {
      instrument: {} as Instrument,
      overview: { rows: [row(1, 30.4), row(2, 55.6), row(3, 72.5)], quadrantCounts: { A: 1, B: 2, C: 0, D: 0 }, benchmark: null },
      national: null,
    },
    security: null,
    capabilityMap: null,
    costs: { comparison: { members: [], average: { centralItShare: 0.1234, poolMix: null, insideOutside: {}, towerMix: null } }, membersWithLedger: 3 },
    anonymityThreshold: threshold,
  };
}

test('the drafts speak of the shown parts in counts, rounded once, and recommend sharing ways of working over a wide spread', () => {
  const drafts = federationDrafts(input(3), 'sv');
  assert.equal(plain(drafts.maturity), 'Mognaden hos de 3 medlemmarna med resultat sträcker sig från 30 % till 73 %. Flest medlemmar, 2, hamnar i ruta B.');
  assert.equal(plain(drafts.costs), 'Central IT motsvarar i genomsnitt 12,3 % av kostnaderna hos de 3 medlemmarna med huvudbok.');
  assert.equal(drafts.security, '');
  assert.equal(drafts.capabilityMap, '');
  assert.equal(drafts.recommendations, 'Kompetens: Låt medlemmarna med högst mognad visa sina arbetssätt för de andra. Skillnaden mellan högst och lägst är 43 procentenheter.');
  assert.match(plain(drafts.summary), /^De 3 medlemmarna med resultat har i genomsnitt en digital mognad på 53 %\. Ett första gemensamt steg: låt medlemmarna/);
  assert.ok(!/Kommun \d|Provförbundet/.test(Object.values(drafts).join('\n')), 'no member numbered, no names');
});

test('a part with fewer members than the threshold gets no draft, and with nothing to act on the draft says to follow up', () => {
  const drafts = federationDrafts(input(4), 'sv');
  assert.equal(drafts.maturity, '');
  assert.equal(drafts.costs, '');
  assert.equal(drafts.recommendations, 'Inget område sticker ut. Följ upp samma mått nästa år för att se att nivån håller.');
});

test('a written text replaces its draft; an empty one leaves the draft', () => {
  const texts = effectiveFederationTexts({ ...input(3), analystTexts: { summary: 'Vår egen sammanfattning.', maturity: '  ' } }, 'en');
  assert.equal(texts.summary, 'Vår egen sammanfattning.');
  assert.match(plain(texts.maturity), /^Maturity among the 3 members with results ranges from 30% to 73%/);
});
