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
import { loadInstrumentCatalog } from '../catalogues/instrument-catalog.ts';
import type { RoundResults } from '../domain/results/round-results.ts';
import { buildMemberReport } from './member-report.ts';
import { renderDocx } from './docx-renderer.ts';
import { renderPdf } from './pdf-renderer.ts';
import type { MemberReportInput } from './report-input.ts';
import { headingsOf, inlineText, type ReportDocument } from './report-model.ts';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ReportArticle, renderHtml } from './html-renderer.tsx';
import { reportTexts } from './report-texts.ts';

const reportTextsSv = reportTexts('sv');
import { capabilityDescription } from './sections/capability-levels-section.ts';
import { itTowers } from '../domain/costs/it-towers.ts';
import { allCapabilities } from '../domain/instruments/instrument-structure.ts';
import type { Benchmark } from '../domain/scoring/benchmarks.ts';
import { quadrantOf, scoreMaturity } from '../domain/scoring/maturity-score.ts';

const catalog = loadInstrumentCatalog();
const formagekarta = catalog.require('formagekarta');
const informationssakerhet = catalog.require('informationssakerhet');
const dimios = catalog.require('digital-mognad');

const poolSek = new Map(
  readFileSync(new URL('../../test/fixtures/mellerud-2021/it-costs.tsv', import.meta.url), 'utf8')
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

  it('names the member in the running header of every page after the cover, in both formats', () => {
    assert.ok(pdf.pages.length > 10);
    pdf.pages.slice(1).forEach((text, index) => assert.ok(text.includes('Melleruds kommun – Digital mognad 2021'), `PDF page ${index + 2}`));
    assert.ok(docx.headerXml.includes('Melleruds kommun – Digital mognad 2021'));
  });
});

describe('the seed chapters of the Mellerud sub-report', () => {
  const t = reportTextsSv.chapters;
  let document: ReportDocument;
  let docx: DocxContent;
  let pdf: PdfReading;
  const tableOf = (docx: DocxContent, columns: readonly string[]) => docx.tables.find((rows) => rows[0]?.join('|') === columns.join('|'));

  before(async () => {
    document = buildMemberReport(mellerudInput(everything), 'sv');
    const [docxBytes, pdfBytes] = await Promise.all([renderDocx(document, { estimatePageNumbers: false }), renderPdf(document)]);
    [docx, pdf] = await Promise.all([readDocx(docxBytes), readPdf(pdfBytes)]);
  });

  it('ends with external yardsticks, the target picture and the compliance chapter, in both formats', () => {
    const top = docx.headings.filter((heading) => heading.level === 1).map((heading) => heading.text);
    assert.deepEqual(top.slice(-3), ['Externa jämförelsetal', 'Gemensam målbild', 'Efterlevnad']);
    assert.deepEqual(pdf.outline.filter((entry) => entry.level === 1).map((entry) => entry.title), top);
  });

  it('explains the three phases, the three layers and the elements of a capability under Terms', () => {
    const headings = headingsOf(document).map((heading) => heading.text);
    const terms = headings.indexOf('Begrepp');
    assert.deepEqual(headings.slice(terms + 1, terms + 4), [t.phasesTitle, t.layersTitle, t.elementsTitle]);
    assert.deepEqual(tableOf(docx, t.phaseColumns)!.slice(1).map((row) => row[0]), ['1. Digitisering', '2. Digitalisering', '3. Digital transformation']);
    assert.deepEqual(tableOf(docx, t.layerColumns)!.slice(1).map((row) => row[0]), ['Digital utsida', 'Digital insida', 'Digital motor']);
    assert.equal(tableOf(docx, t.elementColumns)!.length - 1, 5);
    for (const phrase of ['Digital transformation', 'Digital motor', 'Policy och regler']) assert.ok(pdf.text.includes(phrase), phrase);
  });

  it('has all four quadrants A–D, each placed where the scoring puts it, and the practice text of quadrant D only', () => {
    const table = tableOf(docx, t.quadrantsColumns);
    assert.ok(table, 'the A–D table');
    assert.deepEqual(table.slice(1).map((row) => row[0]), ['A', 'B', 'C', 'D']);
    const threshold = dimios.results!.quadrantThreshold ?? 3;
    for (const row of table.slice(1)) {
      const capability = row[1] === t.capabilityHigh ? threshold + 1 : threshold - 1;
      const legacy = row[2] === t.legacyEnabling ? threshold + 1 : threshold - 1;
      assert.equal(quadrantOf(capability, legacy, threshold), row[0], `row ${row[0]}`);
      assert.equal(row[3], dimios.results!.quadrants[row[0] as 'A'].title.sv);
    }
    assert.ok(docx.headings.some((heading) => heading.text === 'Vad ruta D betyder i praktiken'));
    assert.ok(!docx.headings.some((heading) => /Vad ruta [ABC] betyder/.test(heading.text)));
    for (const text of t.quadrantPractice.D.text) assert.ok(docx.paragraphs.includes(text), text);
    assert.ok(pdf.text.includes(t.quadrantPractice.D.text[0]!.slice(0, 40)));
    assert.ok(!docx.paragraphs.includes(t.quadrantPractice.A.text[0]!));
    assert.ok(docx.paragraphs.some((paragraph) => paragraph.includes('steget digital transformation')));
  });

  it('gives every external yardstick its source and year, and says so when the national figure is missing', () => {
    const table = tableOf(docx, t.yardstickColumns)!;
    const maturity = table.find((row) => row[0] === t.yardstickMaturity)!;
    assert.deepEqual(maturity.slice(2), ['–', 'Inget jämförelsetal för riket finns för 2021']);
    const centralIt = table.find((row) => row[0] === t.yardstickCentralIt)!;
    assert.equal(plainSpaces(centralIt[1]!), '2,0 %', '18 098 000 of 900 000 000 kr');
    assert.equal(plainSpaces(centralIt[2]!), 'Strax under 2 %');
    assert.match(centralIt[3]!, /SCDI.*2021/);
    assert.match(pdf.text, /Det finns inget jämförelsetal för riket för 2021/);
  });

  it('shows the national maturity with its source when the input has one', async () => {
    const input = mellerudInput(everything);
    const national: Benchmark = { organisations: 120, capabilities: {}, categories: {}, dimensions: {}, maturityPercent: { min: 20, avg: 47, max: 80, organisations: 120 } };
    const document = buildMemberReport({ ...input, maturity: { ...input.maturity!, national } }, 'sv');
    const docx = await readDocx(await renderDocx(document, { estimatePageNumbers: false }));
    const row = tableOf(docx, t.yardstickColumns)!.find((cells) => cells[0] === t.yardstickMaturity)!;
    assert.equal(plainSpaces(row[2]!), '47 %');
    assert.match(row[3]!, /120 organisationer .*2021/);
    const own = plainSpaces(row[1]!);
    assert.ok(docx.paragraphs.some((paragraph) => plainSpaces(paragraph).startsWith(`Er mognad (${own}) är högre än rikets genomsnitt (47 %)`)), own);
  });

  it('describes the four IT work areas with their focus, and the member’s share when staff is recorded', async () => {
    const table = tableOf(docx, t.workAreaColumns)!;
    assert.deepEqual(table.slice(1).map((row) => row[0]), itTowers.map((tower) => tower.name.sv));
    assert.deepEqual(table.slice(1).map((row) => row[2]), ['Drift', 'Drift', 'Utveckling', 'Utveckling']);
    assert.ok(docx.paragraphs.includes(t.workAreasNoMix));
    const input = mellerudInput(everything);
    const towers = { infrastructure: { fte: 2 }, end_user_services: { fte: 1 }, application_services: { fte: 1 }, steer_and_support: { fte: 0 } };
    const staffed = await readDocx(await renderDocx(buildMemberReport({ ...input, costs: { ...input.costs!, towers } }, 'sv'), { estimatePageNumbers: false }));
    assert.deepEqual(tableOf(staffed, t.workAreaColumns)!.slice(1).map((row) => plainSpaces(row[3]!)), ['50 %', '25 %', '25 %', '0 %']);
    assert.ok(staffed.paragraphs.some((paragraph) => plainSpaces(paragraph).includes('tar 75 % av personalen')));
  });

  it('defines the levels 0–4 and describes each of the 55 capabilities with its level', () => {
    const levels = tableOf(docx, t.levelColumns)!;
    assert.deepEqual(levels.slice(1).map((row) => `${row[0]} ${row[1]}`), ['0 Obefintlig', '1 Ad-hoc/undermålig', '2 Acceptabel', '3 Bra', '4 Branschledande']);
    assert.ok(levels.slice(1).every((row) => row[2]!.length > 10));
    const described = tableOf(docx, t.describedColumns)!;
    const capabilities = allCapabilities(formagekarta);
    assert.equal(described.length - 1, 55);
    assert.equal(capabilities.length, 55);
    capabilities.forEach(({ capability }, index) => {
      const row = described[index + 1]!;
      assert.equal(row[0], capability.name.sv);
      assert.equal(row[1], capabilityDescription(capability, 'sv'));
      // The instrument file describes every capability for the report's reader, apart from the respondent's help.
      assert.ok(capability.description && capability.description.sv !== capability.help.sv && capability.description.en.length > 20, capability.key);
      assert.equal(row[1], capability.description.sv);
    });
    assert.deepEqual([1, 2, 3].map((level) => described.slice(1).filter((row) => row[2]!.startsWith(`${level} `)).length), [37, 16, 2]);
    assert.ok(pdf.text.includes('Branschledande'));
  });

  it('states the target picture, and the distance to the member’s target levels when it gave them', async () => {
    for (const bullet of reportTextsSv.defaultGoalPicture) assert.ok(docx.listItems.includes(bullet), bullet);
    assert.ok(docx.paragraphs.includes(t.noTargets));
    const input = mellerudInput(everything);
    const answers = new Map(input.capabilityMap!.answers);
    const [firstKey, first] = [...answers.entries()][0]!;
    const [secondKey, second] = [...answers.entries()][1]!;
    answers.set(firstKey, { ...first, target: first.value! + 2 });
    answers.set(secondKey, { ...second, target: second.value });
    const withTargets = buildMemberReport({ ...input, capabilityMap: { ...input.capabilityMap!, answers } }, 'sv');
    const table = withTargets.blocks.find((block) => block.kind === 'table' && block.caption.endsWith(t.largestGapsTitle));
    assert.ok(table && table.kind === 'table');
    assert.deepEqual(table.rows.map((row) => row.at(-1)), ['2']);
    assert.ok(withTargets.blocks.some((block) => block.kind === 'paragraph' && inlineText(block.content) === t.targetGaps(1, 2)));
  });

  it('says who owns the report and how it is filed', () => {
    assert.ok(docx.paragraphs.includes(t.complianceMember('Melleruds kommun')));
    assert.match(pdf.text, /Melleruds kommun äger rapporten/);
    assert.match(pdf.text, /dokumenthanteringsplan/);
  });

  it('points each part to the federation report’s chapter, with a link in HTML', () => {
    const callouts = document.blocks.filter((block) => block.kind === 'callout' && block.title === t.seeFederation);
    assert.deepEqual(
      callouts.map((block) => (block.kind === 'callout' ? inlineText(block.content) : '')),
      ['Digital mognad', 'Informationssäkerhet', 'IT-kostnader', 'Förmågekarta', 'Gemensam målbild'].map((chapter) => t.federationLink(chapter, 'mogna-fyrbodal-2021')),
    );
    const html = renderHtml(document).toString('utf8');
    assert.ok(html.includes('href="mogna-fyrbodal-2021.html#r-digital-mognad"'));
    assert.ok(html.includes('href="mogna-fyrbodal-2021.html#r-gemensam-malbild"'));
    assert.match(pdf.text, /kapitlet ”Förmågekarta” i den gemensamma rapporten/);
    // In the app's preview the federation file is not beside the page: the chapter is named, not linked.
    const preview = renderToString(h(ReportArticle, { document }));
    assert.ok(preview.includes('kapitlet ”Digital mognad” i den gemensamma rapporten'));
    assert.ok(!preview.includes('href="mogna-fyrbodal-2021'));
  });

  it('has no links to a federation report outside a federation', () => {
    const input = mellerudInput(everything);
    const alone = buildMemberReport({ ...input, frame: { ...input.frame, isFederation: false }, member: { ...input.member, number: null } }, 'sv');
    assert.ok(!alone.blocks.some((block) => block.kind === 'callout' && block.title === t.seeFederation));
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
    assert.deepEqual(top, ['Sammanfattning', 'Uppdraget', 'Begrepp', 'Metod', 'Digital mognad', 'Rekommendationer', 'Externa jämförelsetal', 'Gemensam målbild', 'Efterlevnad']);
    const text = docx.paragraphs.join('\n');
    for (const absent of ['Informationssäkerhet', 'IT-kostnader', 'Förmågekarta']) assert.ok(!docx.headings.some((heading) => heading.text === absent), absent);
    assert.match(text, /Rapporten omfattar: digital mognad\./);
  });

  it('reads the same in English', () => {
    const document = buildMemberReport(mellerudInput(everything), 'en');
    assert.deepEqual(
      headingsOf(document).filter((heading) => heading.level === 1).map((heading) => heading.text),
      ['Summary', 'The assignment', 'Terms', 'Method', 'Digital maturity', 'Information security', 'IT costs', 'Capability map', 'Recommendations', 'External yardsticks', 'Shared goal picture', 'Compliance'],
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
