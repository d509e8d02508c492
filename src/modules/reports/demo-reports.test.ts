// The demo federation's reports, read back with independent readers (jszip over the DOCX XML,
// pdfjs over the PDF) and checked against the same services the pages use: a member's
// sub-report has every part with its own figures and its number, and the federation report
// names no member while its member rows carry the same numbers and figures.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDemoStudy } from '../../../test/support/demo-study.ts';
import { readDocx, type DocxContent } from '../../../test/support/docx-text.ts';
import { readPdf, type PdfReading } from '../../../test/support/pdf-text.ts';
import { addSubmittedRespondents, answersScoring } from '../../../test/support/results-world.ts';
import type { TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { loadUserActor, type UserActor } from '../../app/actor.ts';
import { formatNumber } from '../../i18n/format.ts';
import { renderDocx } from '../../reports/docx-renderer.ts';
import { renderPdf } from '../../reports/pdf-renderer.ts';
import { headingsOf, type ReportDocument } from '../../reports/report-model.ts';
import { reportTexts } from '../../reports/report-texts.ts';

const reportTextsSv = reportTexts('sv');
import { planStudyReports } from './batch-service.ts';
import { getCostOverview } from '../costs/service.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { getRoundResults, refreshRoundSnapshots } from '../results/service.ts';
import { insertRound } from '../rounds/repository.ts';
import { defaultReportYear, federationReportDocument, memberReportDocument, reportYears, studyOf, type Study } from './report-service.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const figureCount = (document: ReportDocument) => document.blocks.filter((block) => block.kind === 'figure').length;

for (const dialect of testDialects()) {
  describe(`the demo federation's reports (${dialect})`, () => {
    let t: TestContext;
    let analyst: UserActor;
    let study: Study;
    let year: number;

    before(async () => {
      ({ t, analyst, study, year } = await openDemoStudy(dialect));
    });
    after(async () => t.close());

    test('the reports open on last year, the newest finished one, not this year’s open rounds', async () => {
      assert.equal(await defaultReportYear(t.ctx, analyst, study.organisation.id), year);
      assert.deepEqual((await reportYears(t.ctx, analyst, study.organisation.id)).slice(0, 2), [year + 1, year]);
    });

    describe('a member sub-report', () => {
      let member: Study['members'][number];
      let document: ReportDocument;
      let docx: DocxContent;
      let pdf: PdfReading;
      let maturityPercent: number;

      before(async () => {
        member = study.members.find((candidate) => Object.values(candidate.parts).every(Boolean))!;
        document = await memberReportDocument(t.ctx, analyst, member.id, year, 'sv');
        const [docxFile, pdfFile] = await t.ctx.reports.renderFormats(document, ['docx', 'pdf']);
        [docx, pdf] = await Promise.all([readDocx(docxFile!), readPdf(pdfFile!)]);
        const round = await t.ctx.db.selectFrom('rounds').select('id').where('organisation_id', '=', member.id).where('year', '=', year).executeTakeFirstOrThrow();
        maturityPercent = (await getRoundResults(t.ctx, analyst, round.id, 'digital-mognad')).result!.maturityPercent!;
      });

      test('has every part the member took part in, as headings in both formats', () => {
        assert.deepEqual(member.parts, { maturity: true, security: true, capabilityMap: true, costs: true });
        const top = docx.headings.filter((heading) => heading.level === 1).map((heading) => heading.text);
        assert.deepEqual(top, ['Sammanfattning', 'Uppdraget', 'Begrepp', 'Metod', 'Digital mognad', 'Informationssäkerhet', 'IT-kostnader', 'Förmågekarta', 'Rekommendationer', 'Externa jämförelsetal', 'Gemensam målbild', 'Efterlevnad']);
        assert.deepEqual(pdf.outline.filter((entry) => entry.level === 1).map((entry) => entry.title), top);
        assert.equal(pdf.title, `Digital mognad ${year}`);
      });

      test('says which number is the member’s, and its figures are its own', async () => {
        assert.ok(docx.paragraphs.some((paragraph) => paragraph.includes(`heter ni Kommun ${member.number}.`)));
        assert.match(pdf.text, new RegExp(`heter ni Kommun ${member.number}\\.`));
        const percent = `${formatNumber('sv', Math.round(maturityPercent))} %`;
        assert.ok(docx.listItems.some((item) => plain(item).startsWith(`Den digitala mognaden är ${percent}`)), percent);
        const costs = await getCostOverview(t.ctx, analyst, member.id, year);
        const keyFigures = docx.tables.find((rows) => rows[0]?.join('|') === 'Mått|Värde')!;
        assert.equal(plain(keyFigures[1]![1]!), `${formatNumber('sv', Math.round(costs.analysis!.totalItOre / 100))} kr`.replace(/[\u00a0\u202f]/g, ' '));
      });

      test('every figure is an image with its text alternative in the DOCX and a tagged figure in the PDF', () => {
        const figures = figureCount(document);
        assert.ok(figures >= 10, `${figures} figures`);
        assert.equal(docx.images.length, figures);
        assert.ok(docx.images.every((image) => image.descr.length > 20));
        assert.equal(pdf.figureAlts.length, figures);
      });

      test('has the seed chapters: all four quadrants, the practice text of its own quadrant, the levels 0–4 and all 55 capabilities described', async () => {
        const round = await t.ctx.db.selectFrom('rounds').select('id').where('organisation_id', '=', member.id).where('year', '=', year).executeTakeFirstOrThrow();
        const quadrant = (await getRoundResults(t.ctx, analyst, round.id, 'digital-mognad')).result!.quadrant!;
        const chapters = reportTextsSv.chapters;
        const quadrants = docx.tables.find((rows) => rows[0]?.join('|') === chapters.quadrantsColumns.join('|'))!;
        assert.deepEqual(quadrants.slice(1).map((row) => row[0]), ['A', 'B', 'C', 'D']);
        assert.deepEqual(docx.headings.filter((heading) => /^Vad ruta . betyder i praktiken$/.test(heading.text)).map((heading) => heading.text), [chapters.practiceTitle(quadrant)]);
        assert.ok(pdf.text.includes(chapters.quadrantPractice[quadrant].text[0]!.slice(0, 40)), quadrant);
        const levels = docx.tables.find((rows) => rows[0]?.join('|') === chapters.levelColumns.join('|'))!;
        assert.deepEqual(levels.slice(1).map((row) => row[0]), ['0', '1', '2', '3', '4']);
        const described = docx.tables.find((rows) => rows[0]?.join('|') === chapters.describedColumns.join('|'))!;
        assert.equal(described.length - 1, 55);
        assert.ok(described.slice(1).every((row) => row[1]!.length > 20 && /^\d /.test(row[2]!)));
        assert.match(pdf.text, new RegExp(`${member.name} äger rapporten`));
      });

      test('links each part to a chapter that exists in the federation report, under the batch’s file name', async () => {
        const federation = await federationReportDocument(t.ctx, analyst, study.organisation.id, year, 'sv');
        const ids = new Set(headingsOf(federation).map((heading) => heading.id));
        const federationFile = planStudyReports(study).find((item) => item.kind === 'federation')!.baseName;
        const links = document.blocks.flatMap((block) => (block.kind === 'callout' ? block.content.flatMap((part) => (typeof part === 'object' && part.link ? [part.link] : [])) : []));
        assert.equal(links.length, 5);
        for (const link of links) {
          assert.equal(link.file, federationFile);
          assert.ok(ids.has(link.anchor), link.anchor);
        }
      });
    });

    test('a member that left out the cost analysis gets a sub-report without it', async () => {
      const member = study.members.find((candidate) => candidate.name === 'Tallmyra kommun')!;
      assert.deepEqual(member.parts, { maturity: true, security: true, capabilityMap: true, costs: false });
      const docx = await readDocx(await renderDocx(await memberReportDocument(t.ctx, analyst, member.id, year, 'sv')));
      const top = docx.headings.filter((heading) => heading.level === 1).map((heading) => heading.text);
      assert.deepEqual(top, ['Sammanfattning', 'Uppdraget', 'Begrepp', 'Metod', 'Digital mognad', 'Informationssäkerhet', 'Förmågekarta', 'Rekommendationer', 'Externa jämförelsetal', 'Gemensam målbild', 'Efterlevnad']);
      // The study's shared goal picture may speak of IT costs; nothing else may.
      const goalPicture = new Set(reportTextsSv.defaultGoalPicture);
      assert.ok(!docx.paragraphs.some((paragraph) => paragraph.includes('IT-kostnader') && !goalPicture.has(paragraph)), 'no cost text');
    });

    describe('the federation report', () => {
      let document: ReportDocument;
      let docx: DocxContent;
      let pdf: PdfReading;

      before(async () => {
        document = await federationReportDocument(t.ctx, analyst, study.organisation.id, year, 'sv');
        const [docxFile, pdfFile] = await t.ctx.reports.renderFormats(document, ['docx', 'pdf']);
        [docx, pdf] = await Promise.all([readDocx(docxFile!), readPdf(pdfFile!)]);
      });

      test('names no member anywhere, in either format', () => {
        const docxText = [...docx.paragraphs, ...docx.tables.flat(2), ...docx.images.map((image) => image.descr)].join('\n');
        for (const member of study.members) {
          const stem = member.name.replace(/ kommun$/, '');
          assert.ok(!docxText.includes(stem), `${member.name} in the DOCX`);
          assert.ok(!pdf.text.includes(stem), `${member.name} in the PDF`);
        }
      });

      test('numbers the members as their sub-reports do, with the same maturity figures', async () => {
        const table = docx.tables.find((rows) => rows[0]?.join('|') === 'Medlem|Svarande|Förmåga|Arv|Mognad (%)|Ruta');
        assert.ok(table, 'the maturity table');
        assert.equal(table.length - 1, study.members.length);
        for (const member of study.members.slice(0, 3)) {
          const round = await t.ctx.db.selectFrom('rounds').select('id').where('organisation_id', '=', member.id).where('year', '=', year).executeTakeFirstOrThrow();
          const own = (await getRoundResults(t.ctx, analyst, round.id, 'digital-mognad')).result!;
          const row: string[] | undefined = table.find((cells) => cells[0] === `Kommun ${member.number}`);
          assert.ok(row, `Kommun ${member.number}`);
          assert.equal(row[4], formatNumber('sv', own.maturityPercent!, 1));
          assert.equal(row[5], own.quadrant);
        }
      });

      test('has every part, the participation of all members and the goal picture', () => {
        const top = docx.headings.filter((heading) => heading.level === 1).map((heading) => heading.text);
        assert.deepEqual(top, [
          'Sammanfattning',
          'Uppdraget',
          'Begrepp',
          'Metod',
          'Digital mognad',
          'Informationssäkerhet',
          'IT-kostnader',
          'Förmågekarta',
          'Externa jämförelsetal',
          'Slutsatser och rekommendationer för förbundet',
          'Gemensam målbild',
          'Efterlevnad',
        ]);
        const participation = docx.tables.find((rows) => rows[0]?.[0] === 'Medlem' && rows[0]?.includes('Förmågekarta'))!;
        assert.equal(participation.length - 1, study.members.length);
        assert.equal(participation.filter((row) => row[4] === '–').length, 3, 'three members left out the cost analysis');
        assert.ok(docx.listItems.some((item) => item.startsWith('Svaga förmågor som flera delar utvecklas tillsammans')));
        assert.equal(docx.images.length, figureCount(document));
        assert.equal(pdf.figureAlts.length, figureCount(document));
      });

      test('draws conclusions from the shown figures: the quadrant most members are in, and the capabilities weak for most', async () => {
        const chapters = reportTextsSv.chapters;
        const conclusions = docx.tables.find((rows) => rows[0]?.join('|') === `${chapters.conclusionFinding}|${chapters.conclusionAdvice}`);
        assert.ok(conclusions, 'the conclusions table');
        const counts = { A: 0, B: 0, C: 0, D: 0 };
        const maturityTable = docx.tables.find((rows) => rows[0]?.join('|') === 'Medlem|Svarande|Förmåga|Arv|Mognad (%)|Ruta')!;
        for (const row of maturityTable.slice(1)) {
          const quadrant = row[5];
          if (quadrant === 'A' || quadrant === 'B' || quadrant === 'C' || quadrant === 'D') counts[quadrant] += 1;
        }
        const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
        const most = (['A', 'B', 'C', 'D'] as const).reduce((best, key) => (counts[key] > counts[best] ? key : best), 'A' as 'A' | 'B' | 'C' | 'D');
        const quadrantRow = conclusions.find((row) => row[0]!.startsWith('Flest medlemmar'));
        assert.ok(quadrantRow, 'a quadrant conclusion');
        assert.match(quadrantRow[0]!, new RegExp(`${counts[most]} av ${total}, hamnar i ruta ${most} `));
        assert.equal(quadrantRow[1], chapters.conclusions.quadrantAdvice[most]);
        const described = docx.tables.find((rows) => rows[0]?.join('|') === chapters.describedColumnsFederation.join('|'))!;
        assert.equal(described.length - 1, 55);
        const members = docx.tables.find((rows) => rows[0]?.[0] === 'Medlem' && rows[0]?.includes('Förmågekarta'))!.filter((row) => row[3] === 'Ja').length;
        const weakForMost = described.slice(1).filter((row) => Number(row[2]) * 2 > members).length;
        assert.ok(conclusions.some((row) => row[0]!.startsWith(weakForMost > 0 ? `${weakForMost} förmågor är svaga hos mer än hälften` : chapters.conclusions.noWeakForMost)), String(weakForMost));
        assert.ok(docx.tables.some((rows) => rows[0]?.join('|') === chapters.quadrantsColumns.join('|') && rows.length === 5), 'the A–D table');
        assert.match(pdf.text, /Slutsatser och rekommendationer för förbundet/);
        assert.match(pdf.text, new RegExp(`${study.organisation.name} äger den gemensamma rapporten`));
      });
    });

    // Last, since it adds a member to the federation.
    test('a new member that took part only in the survey gets only that part, and the federation report counts it', async () => {
      const instrument = t.ctx.instruments.require('digital-mognad');
      const newcomer = await insertOrganisation(t.ctx, { name: 'Solberga kommun', kind: 'kommun', federationId: study.organisation.id });
      const round = await insertRound(t.ctx, newcomer, { name: `Mätning ${year}`, year, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });
      await addSubmittedRespondents(t.ctx, round, instrument, Array.from({ length: 4 }, () => ({ answers: answersScoring(instrument, 3) })));
      await refreshRoundSnapshots(t.ctx, round);
      // The analyst's memberships are read per request; read them again now the federation has grown.
      analyst = (await loadUserActor(t.ctx.db, analyst.userId))!;
      const member = (await studyOf(t.ctx, analyst, study.organisation.id, year)).members.find((candidate) => candidate.id === newcomer)!;
      assert.deepEqual(member.parts, { maturity: true, security: false, capabilityMap: false, costs: false });
      const document = await memberReportDocument(t.ctx, analyst, newcomer, year, 'sv');
      const pdf = await readPdf(await renderPdf(document));
      assert.deepEqual(pdf.outline.filter((entry) => entry.level === 1).map((entry) => entry.title), ['Sammanfattning', 'Uppdraget', 'Begrepp', 'Metod', 'Digital mognad', 'Rekommendationer', 'Externa jämförelsetal', 'Gemensam målbild', 'Efterlevnad']);
      assert.match(pdf.text, /Rapporten omfattar: digital mognad\./);
      assert.match(pdf.text, new RegExp(`heter ni Kommun ${member.number}\\.`));
      const federation = await readDocx(await renderDocx(await federationReportDocument(t.ctx, analyst, study.organisation.id, year, 'sv')));
      const participation = federation.tables.find((rows) => rows[0]?.[0] === 'Medlem' && rows[0]?.includes('Förmågekarta'))!;
      assert.deepEqual(participation.find((row) => row[0] === `Kommun ${member.number}`), [`Kommun ${member.number}`, 'Ja', '–', '–', '–']);
    });
  });
}
