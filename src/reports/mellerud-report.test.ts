// The seed's own sub-report, rebuilt from the Mellerud fixture and read back with independent
// readers (jszip over the DOCX XML, pdfjs over the PDF): the capability levels 37/16/2, the
// 18 098 000 SEK of identified IT cost pool by pool, every security practice missing with its
// recommendation, the two respondents, quadrant D and the small-sample warning.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { mellerudCapabilityAnswers, mellerudInfosecAnswers } from '../../test/support/mellerud-fixture.ts';
import { readDocx, type DocxContent } from '../../test/support/docx-text.ts';
import { readPdf, type PdfReading } from '../../test/support/pdf-text.ts';
import { answersScoring } from '../../test/support/results-world.ts';
import { tbmV4 } from '../domain/costs/cost-taxonomy.ts';
import type { LedgerAnalysis } from '../domain/costs/ledger-analysis.ts';
import { selectRecommendations } from '../domain/recommendations/evaluate-recommendations.ts';
import { scoreMaturity } from '../domain/scoring/maturity-score.ts';
import { loadInstrumentCatalog } from '../modules/instruments/instrument-catalog.ts';
import type { RoundResults } from '../modules/results/results-service.ts';
import { buildMemberReport } from './member-report.ts';
import { renderDocx } from './docx-renderer.ts';
import { renderPdf } from './pdf-renderer.ts';
import type { MemberReportInput } from './report-input.ts';
import { headingsOf, type ReportDocument } from './report-model.ts';

const catalog = loadInstrumentCatalog();
const formagekarta = catalog.require('formagekarta');
const informationssakerhet = catalog.require('informationssakerhet');
const dimios = catalog.require('digital-mognad');

const poolSek = new Map(
  readFileSync(new URL('../../../shared/fixtures/mellerud-2021/it-costs.tsv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t') as [string, string])
    .map(([pool, sek]) => [pool, Number(sek)]),
);

/** The seed's figure 10 as an analysis: every pool booked on central IT. */
function mellerudAnalysis(): LedgerAnalysis {
  const pools = Object.fromEntries(tbmV4.pools.map((pool) => [pool.key, { centralItOre: poolSek.get(pool.key)! * 100, outsideOre: 0, totalOre: poolSek.get(pool.key)! * 100 }]));
  const total = [...poolSek.values()].reduce((sum, sek) => sum + sek * 100, 0);
  return {
    taxonomyId: tbmV4.id,
    year: 2021,
    rowCount: 1234,
    centralItCostCentres: [{ id: '1200', name: 'IT-enheten' }],
    costClasses: [4, 5, 6, 7],
    pools,
    totalItOre: total,
    centralItCostOre: total,
    organisationTotalCostOre: 900_000_000_00,
    organisationTotalCostSource: 'ledger',
    centralItShare: total / 900_000_000_00,
    insideOutside: { hardware: { centralIt: 1, outside: 0 }, software: { centralIt: 1, outside: 0 }, telecom: { centralIt: 1, outside: 0 } },
    unmapped: [],
    unmappedTotalOre: 0,
    warnings: [],
  };
}

/** Two department heads answered (as in the seed) and the round's threshold let them be shown. */
function mellerudMaturity(): RoundResults {
  const respondents = ['a', 'b'].map((id) => ({ respondentId: id, answers: new Map(Object.entries(answersScoring(dimios, 4))) }));
  const result = scoreMaturity(dimios, respondents);
  const none = { below: [], above: [] };
  return {
    round: { id: 'r', name: 'Förstudie 2021', year: 2021, status: 'closed', organisationId: 'mellerud', anonymityThreshold: 2, smallSampleThreshold: 5 },
    organisation: { id: 'mellerud', name: 'Melleruds kommun', kind: 'kommun' },
    instrument: dimios,
    respondents: 2,
    result,
    smallSample: true,
    benchmarks: { federations: [], national: null, nationalOrganisations: 0, sameKind: null, sameKindOrganisations: 0 },
    references: [],
    trend: null,
    strengths: { strongest: [], weakest: [] },
    differences: { federation: none, national: none },
    spread: [],
    breakdown: { threshold: 2, units: [], roles: [{ key: 'role:chef', kind: 'role', name: 'Förvaltningschef', depth: 0, n: 2, maturityPercent: null, quadrant: null, dimensions: {}, categories: {} }], suppressedForSubtraction: 0 },
  };
}

function mellerudInput(parts: { maturity: boolean; security: boolean; capabilityMap: boolean; costs: boolean }): MemberReportInput {
  return {
    frame: {
      studyName: 'Fyrbodal',
      isFederation: true,
      year: 2021,
      memberCount: 14,
      texts: { background: 'Kommunerna i Fyrbodal vill veta var de står.', purpose: '', goal: '', scope: '', goalPicture: [], author: 'Fyrbodals kommunalförbund' },
      history: [{ date: '2021-03-31', version: '1.0', by: 'Analytiker', reason: 'Delrapporten lämnas till kommunen' }],
      classification: 0,
      today: '2021-03-31',
    },
    member: { name: 'Melleruds kommun', number: 7 },
    maturity: parts.maturity ? { results: mellerudMaturity(), federation: null, national: null } : null,
    security: parts.security ? { instrument: informationssakerhet, answers: mellerudInfosecAnswers(informationssakerhet), previous: null } : null,
    capabilityMap: parts.capabilityMap ? { instrument: formagekarta, answers: mellerudCapabilityAnswers(formagekarta), previous: null, federation: null } : null,
    costs: parts.costs ? { analysis: mellerudAnalysis(), towers: null, comparison: null, previousTotalItOre: null } : null,
  };
}

/** Intl writes thousands with a no-break space; the figures are compared as plain text. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const everything = { maturity: true, security: true, capabilityMap: true, costs: true };

function tableWithCaption(document: ReportDocument, prefix: string) {
  const table = document.blocks.find((block) => block.kind === 'table' && block.caption.includes(prefix));
  assert.ok(table && table.kind === 'table', `a table "${prefix}"`);
  return table;
}

describe('the Mellerud sub-report (seed worked example)', () => {
  let document: ReportDocument;
  let docx: DocxContent;
  let pdf: PdfReading;

  before(async () => {
    document = buildMemberReport(mellerudInput(everything), 'sv');
    const [docxBytes, pdfBytes] = await Promise.all([renderDocx(document, { estimatePageNumbers: false }), renderPdf(document)]);
    [docx, pdf] = await Promise.all([readDocx(docxBytes), readPdf(pdfBytes)]);
  });

  it('has the seed structure as real headings in both formats, in the same order', () => {
    const expected = headingsOf(document).map((heading) => heading.text);
    for (const part of ['Sammanfattning', 'Uppdraget', 'Begrepp', 'Metod', 'Digital mognad', 'Informationssäkerhet', 'IT-kostnader', 'Förmågekarta']) assert.ok(expected.includes(part), part);
    assert.deepEqual(docx.headings.map((heading) => heading.text), expected);
    assert.deepEqual(pdf.outline.map((entry) => entry.title), expected);
    assert.equal(pdf.title, 'Digital mognad 2021');
    assert.equal(pdf.marked, true);
  });

  it('capability map: 37 capabilities at level 1, 16 at level 2 and 2 at level 3 in the level table', () => {
    const table = docx.tables.find((rows) => rows[0]?.join('|') === 'Förmåga|Område|Tema|Nivå');
    assert.ok(table, 'the level table is a real table');
    const levels = table.slice(1).map((row) => row[3]!.split(' ')[0]);
    assert.equal(levels.length, 55);
    assert.deepEqual([1, 2, 3].map((level) => levels.filter((value) => value === String(level)).length), [37, 16, 2]);
    assert.match(pdf.text, /1 Ad-hoc\S*: 37, 2 Acceptabel: 16, 3 Bra: 2/);
    assert.match(pdf.text, /37 förmågor ligger på nivån 1/);
  });

  it('IT costs: 18 098 000 kr in total, and every pool of figure 10 with its own amount', () => {
    const keyFigures = docx.tables.find((rows) => rows[0]?.join('|') === 'Mått|Värde')!;
    assert.deepEqual(keyFigures[1]!.map(plainSpaces), ['Identifierade IT-kostnader', '18 098 000 kr']);
    const poolTable = tableWithCaption(document, 'IT-kostnader per kostnadspool');
    const docxPools = docx.tables.find((rows) => rows[0]?.join('|') === poolTable.columns.join('|'))!;
    for (const pool of tbmV4.pools) {
      const row = docxPools.find((cells) => cells[0] === pool.name.sv);
      assert.ok(row, pool.name.sv);
      assert.equal(row.at(-1)!.replace(/\s/g, ''), String(poolSek.get(pool.key)), pool.key);
    }
    assert.equal(docxPools.at(-1)!.at(-1)!.replace(/\s/g, ''), '18098000');
    assert.match(pdf.text, /Identifierade IT-kostnader 18 098 000 kr/);
  });

  it('information security: every practice answered no, each with its recommendation', () => {
    const answerTable = docx.tables.find((rows) => rows[0]?.join('|') === 'Fråga|Svar')!;
    const practices = answerTable.filter((row) => /^Har ni ett fast arbetssätt/.test(row[0]!));
    assert.equal(practices.length, 7);
    for (const row of practices) assert.equal(row[1], 'Nej', row[0]);
    const recommendations = selectRecommendations(informationssakerhet, mellerudInfosecAnswers(informationssakerhet));
    assert.ok(recommendations.length >= 7);
    for (const recommendation of recommendations) {
      assert.ok(docx.listItems.some((item) => item.startsWith(recommendation.title.sv)), recommendation.title.sv);
      assert.ok(pdf.text.includes(recommendation.title.sv), recommendation.title.sv);
    }
    assert.match(pdf.text, /0 av 7 grundläggande rutiner för informationssäkerhet är helt införda/);
  });

  it('digital maturity: two department heads, quadrant D, the small-sample warning and the quadrant recommendations', () => {
    assert.ok(docx.listItems.some((item) => item.includes('svar från 2 personer (Förvaltningschef: 2)')));
    assert.match(pdf.text, /Ni hamnar i ruta D/);
    assert.match(pdf.text, /Få svarande – tolka resultatet försiktigt/);
    const recommendations = dimios.results!.quadrants.D.recommendations;
    assert.ok(recommendations.length > 0);
    for (const text of recommendations) assert.ok(docx.listItems.includes(text.sv), text.sv);
  });

  it('every figure carries its text alternative in both formats, and the member is told its number', () => {
    const figures = document.blocks.filter((block) => block.kind === 'figure');
    assert.ok(figures.length >= 6);
    assert.equal(docx.images.length, figures.length);
    assert.equal(pdf.figureAlts.length, figures.length);
    assert.match(pdf.text, /heter ni Kommun 7/);
    assert.ok(docx.tables[0]?.some((row) => row.includes('Delrapporten lämnas till kommunen')), 'the version history');
  });
});

describe('a member with an earlier round', () => {
  it('is shown the change since then in the joint assessments', () => {
    const input = mellerudInput(everything);
    // A year earlier: the risk practice was in place, and one capability stood a level higher.
    const security = new Map(input.security!.answers);
    security.set('risk-etablerat', { value: 1 });
    security.set('risk-grad', { value: 4 }); // fully introduced and followed up: only that counts as in place
    const map = new Map(input.capabilityMap!.answers);
    const [firstKey, first] = [...map.entries()][0]!;
    map.set(firstKey, { value: first.value! + 1 });
    const document = buildMemberReport({ ...input, security: { ...input.security!, previous: security }, capabilityMap: { ...input.capabilityMap!, previous: map } }, 'sv');
    const text = document.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.content.map((part) => (typeof part === 'string' ? part : part.text)).join('')] : []));
    assert.ok(text.includes('2020 var 1 av rutinerna helt införda; nu är det 0.'), text.join('\n'));
    assert.ok(text.includes('Sedan 2020 har 0 förmågor fått en högre nivå och 1 en lägre.'));
  });
});

describe('a member that took part only in the survey', () => {
  it('gets a report with only the maturity part', async () => {
    const document = buildMemberReport(mellerudInput({ maturity: true, security: false, capabilityMap: false, costs: false }), 'sv');
    const docx = await readDocx(await renderDocx(document, { estimatePageNumbers: false }));
    const top = docx.headings.filter((heading) => heading.level === 1).map((heading) => heading.text);
    assert.deepEqual(top, ['Sammanfattning', 'Uppdraget', 'Begrepp', 'Metod', 'Digital mognad']);
    const text = docx.paragraphs.join('\n');
    for (const absent of ['Informationssäkerhet', 'IT-kostnader', 'Förmågekarta']) assert.ok(!docx.headings.some((heading) => heading.text === absent), absent);
    assert.match(text, /Rapporten omfattar: digital mognad\./);
  });

  it('reads the same in English', () => {
    const document = buildMemberReport(mellerudInput(everything), 'en');
    assert.deepEqual(
      headingsOf(document).filter((heading) => heading.level === 1).map((heading) => heading.text),
      ['Summary', 'The assignment', 'Terms', 'Method', 'Digital maturity', 'Information security', 'IT costs', 'Capability map'],
    );
    assert.equal(document.locale, 'en');
  });

  it('names the respondents’ roles in English too', () => {
    const document = buildMemberReport(mellerudInput(everything), 'en');
    const items = document.blocks.flatMap((block) => (block.kind === 'bullets' ? block.items.map((item) => item.map((part) => (typeof part === 'string' ? part : part.text)).join('')) : []));
    assert.ok(items.some((item) => item.includes('(Head of department: 2)')), items.join('\n'));
    assert.ok(!items.some((item) => item.includes('Förvaltningschef')));
  });
});
