// Charts that read on paper: a scale on the radar's rings, matrix markers that stay visible when
// members share a place, labels that are never cut at the picture's edge, heat maps printed large
// enough. Judged from the drawn SVG with the bundled font's widths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartWorld } from '../../test/support/chart-world.ts';
import { mellerudCapabilityAnswers } from '../../test/support/mellerud-fixture.ts';
import { svgTextBoxes, svgTexts, svgViewBox } from '../../test/support/svg-texts.ts';
import { compareFederation } from '../domain/costs/federation-comparison.ts';
import type { LedgerAnalysis } from '../domain/costs/ledger-analysis.ts';
import { federationLevelMatrix, levelMap } from '../domain/joint-results/level-map.ts';
import { loadInstrumentCatalog } from '../catalogues/instrument-catalog.ts';
import { fitToPage } from '../reports/docx-renderer.ts';
import { buildMemberReport } from '../reports/member-report.ts';
import { maxFigureShare, pageMargins } from '../reports/pdf/style.ts';
import { levelScale } from '../reports/sections/capability-map-section.ts';
import { messages } from '../i18n/messages.ts';
import type { ChartSpec } from './chart-spec.ts';
import { radarIndicators, seriesStyles } from './chart-theme.ts';
import { centralItShareChart, federationInsideOutsideChart, federationPoolMixChart } from './cost-charts.ts';
import { federationMaturityCharts, federationMatrixChart, federationRadarChart } from './federation-maturity-charts.ts';
import { capabilityHeatmapChartsByArea, federationMatrixChartsByArea, levelCountChart } from './joint-charts.ts';
import { spreadMarkers } from './marker-spread.ts';
import { capabilityRadarChart, categoryRadarChart, maturityCharts, maturityMatrixChart } from './maturity-charts.ts';
import { renderChartSvg } from './render-svg.ts';

describe('radar scale', () => {
  const world = chartWorld();
  const radars: ChartSpec[] = [
    capabilityRadarChart(world.results, messages('sv').results, 'sv'),
    categoryRadarChart(world.results, messages('sv').results, 'sv'),
    federationRadarChart({ instrument: world.instrument, overview: world.overview, national: world.national }, messages('sv').federation, 'sv')!,
  ];
  for (const radar of radars) {
    it(`writes the ring values 0–6 once, up the first axis (${radar.id})`, () => {
      const texts = svgTexts(renderChartSvg(radar, 'sv'));
      const rings = ['0', '1', '2', '3', '4', '5', '6'].map((value) => texts.filter((text) => text.text === value));
      for (const [value, found] of rings.entries()) assert.equal(found.length, 1, `ring ${value} labelled once`);
      const placed = rings.map((found) => found[0]!);
      // One axis, pointing up: the same x, and higher values higher on the page.
      for (const label of placed) assert.ok(Math.abs(label.x - placed[0]!.x) < 0.5, `${label.text} at x ${label.x}`);
      for (let i = 1; i < placed.length; i++) assert.ok(placed[i]!.y < placed[i - 1]!.y, `${placed[i]!.text} above ${placed[i - 1]!.text}`);
    });
  }

  it('writes the ring values in the locale', () => {
    const spec: ChartSpec = {
      id: 'half-steps',
      title: 'Halva steg',
      summary: 'Tre axlar på skalan 0–3.',
      width: 400,
      height: 400,
      option: { radar: { indicator: radarIndicators(['A', 'B', 'C'], 3), splitNumber: 6, axisLabel: { show: false } }, series: [{ type: 'radar', data: [{ name: 'Egen', value: [1, 2.5, 3] }] }] },
      table: { caption: 'Halva steg', columns: [], rows: [] },
    };
    const sv = svgTexts(renderChartSvg(spec, 'sv')).map((text) => text.text);
    const en = svgTexts(renderChartSvg(spec, 'en')).map((text) => text.text);
    assert.ok(['0,5', '1,5', '2,5'].every((value) => sv.includes(value)), sv.join(' '));
    assert.ok(['0.5', '1.5', '2.5'].every((value) => en.includes(value)), en.join(' '));
  });
});

/** Markers drawn by ECharts as scaled paths: their centre and half size, by fill colour. */
function markers(svg: string, fill: string): Array<{ x: number; y: number; half: number }> {
  return [...svg.matchAll(/<path\b[^>]*transform="matrix\(([-\d.]+),0,0,([-\d.]+),([-\d.]+),([-\d.]+)\)"[^>]*fill="([^"]+)"/g)]
    .filter((match) => match[5] === fill && Number(match[1]) > 0)
    .map((match) => ({ x: Number(match[3]), y: Number(match[4]), half: Number(match[1]) }));
}

describe('matrix markers', () => {
  it('spreads members at identical coordinates apart and labels each on its own side', () => {
    const world = chartWorld({ twins: true });
    const [second, third] = world.overview.rows.filter((row) => !row.own && row.capability === world.overview.rows[1]!.capability);
    assert.ok(second && third && second.legacy === third.legacy, 'two members share a place');
    const spec = federationMatrixChart({ instrument: world.instrument, overview: world.overview, national: world.national }, messages('sv').federation, 'sv');
    const svg = renderChartSvg(spec, 'sv');
    const drawn = markers(svg, seriesStyles.members.colour);
    assert.equal(drawn.length, 4, 'four other members');
    for (let i = 0; i < drawn.length; i++) {
      for (let j = i + 1; j < drawn.length; j++) {
        const [a, b] = [drawn[i]!, drawn[j]!];
        const apart = Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));
        assert.ok(apart >= a.half + b.half, `markers ${i} and ${j} overlap (${apart.toFixed(1)} px apart)`);
      }
    }
    // Member labels are 11 px; the axes' numbers (12 px) use the same digits.
    const labels = svgTexts(svg).filter((text) => text.fontSize === 11 && (text.text === String(second.number) || text.text === String(third.number)));
    assert.equal(labels.length, 2, 'both members labelled');
    const [left, right] = [...labels].sort((a, b) => a.x - b.x);
    // One label reads to the left of the pair, the other to the right: neither covers a marker.
    assert.equal(left!.anchor, 'end');
    assert.equal(right!.anchor, 'start');
    const pair = drawn.filter((marker) => Math.abs(marker.y - left!.y) < 1);
    assert.equal(pair.length, 2);
    assert.ok(left!.x <= Math.min(...pair.map((marker) => marker.x - marker.half)), 'left label beside the left marker');
    assert.ok(right!.x >= Math.max(...pair.map((marker) => marker.x + marker.half)), 'right label beside the right marker');
  });

  it('leaves members that stand alone where they are', () => {
    const world = chartWorld();
    const spec = federationMatrixChart({ instrument: world.instrument, overview: world.overview, national: world.national }, messages('sv').federation, 'sv');
    const series = spec.option.series as Array<{ data?: Array<{ symbolOffset?: unknown }> }>;
    assert.ok(series.every((entry) => (entry.data ?? []).every((item) => item.symbolOffset === undefined)));
  });

  it('keeps the own point visible when it sits on the federation mean (member matrix)', () => {
    const world = chartWorld();
    const own = world.results.result!.dimensions;
    const federation = world.results.benchmarks.federations[0]!;
    const dimensions = Object.fromEntries(Object.entries(federation.benchmark!.dimensions).map(([key, value]) => [key, value && { ...value, avg: own[key] ?? value.avg }]));
    const results = { ...world.results, benchmarks: { ...world.results.benchmarks, national: null, federations: [{ ...federation, benchmark: { ...federation.benchmark!, dimensions } }] } };
    const spec = maturityMatrixChart(results, messages('sv').results, 'sv');
    const svg = renderChartSvg(spec, 'sv');
    const [ownMarker] = markers(svg, seriesStyles.own.colour);
    const [meanMarker] = markers(svg, seriesStyles.federationAverage.colour);
    assert.ok(ownMarker && meanMarker);
    const apart = Math.max(Math.abs(ownMarker.x - meanMarker.x), Math.abs(ownMarker.y - meanMarker.y));
    assert.ok(apart >= ownMarker.half + meanMarker.half, `${apart.toFixed(1)} px apart`);
  });

  it('spreads any number of markers on one spot at least the given distance apart', () => {
    for (const n of [2, 3, 5, 8]) {
      const points = Array.from({ length: n }, () => ({ x: 100, y: 100 }));
      const placed = spreadMarkers(points, 16).map((spread) => ({ x: 100 + spread.offset[0], y: 100 + spread.offset[1] }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) assert.ok(Math.hypot(placed[i]!.x - placed[j]!.x, placed[i]!.y - placed[j]!.y) >= 15.9, `${n} markers: ${i} and ${j}`);
      }
    }
    assert.deepEqual(spreadMarkers([{ x: 0, y: 0 }, { x: 40, y: 0 }], 16).map((spread) => spread.offset), [[0, 0], [0, 0]]);
  });
});

const formagekarta = loadInstrumentCatalog().require('formagekarta');
const levels = levelMap(formagekarta, mellerudCapabilityAnswers(formagekarta));
const levelScaleOf = levelScale(formagekarta);

/** Fourteen members (Fyrbodal's size) with the Mellerud answers shifted per member. */
function fourteenMembers() {
  return federationLevelMatrix(
    formagekarta,
    Array.from({ length: 14 }, (_, i) => ({ organisationId: `m${String(i).padStart(2, '0')}`, name: `Kommun ${i + 1}`, answers: mellerudCapabilityAnswers(formagekarta) })),
    new Set(['m00']),
  );
}

/** The smallest text of a chart in points once it is placed on an A4 page, in the DOCX and in the PDF. */
function smallestPrintedPt(spec: ChartSpec): { docx: number; pdf: number } {
  const smallest = Math.min(...svgTexts(renderChartSvg(spec, 'sv')).map((text) => text.fontSize));
  const docxScale = (fitToPage(spec.width, spec.height).width / spec.width) * 0.75; // 96 px per inch, 72 pt per inch
  const page = { width: 595.28 - pageMargins.left - pageMargins.right, height: 841.89 - pageMargins.top - pageMargins.bottom };
  const pdfScale = Math.min(page.width / spec.width, (page.height * maxFigureShare) / spec.height);
  return { docx: smallest * docxScale, pdf: smallest * pdfScale };
}

describe('heat maps in print', () => {
  const byArea = capabilityHeatmapChartsByArea(levels, levelScaleOf, messages('sv').joint, 'sv');
  const matrices = federationMatrixChartsByArea(fourteenMembers(), formagekarta, levelScaleOf, messages('sv').joint, 'sv');

  it('splits the capability map into one heat map per area, every capability in one of them', () => {
    assert.deepEqual(
      byArea.map((spec) => spec.title),
      formagekarta.dimensions.map((area) => `Förmågekarta som värmekarta: ${area.name.sv}`),
    );
    assert.equal(byArea.reduce((sum, spec) => sum + spec.table.rows.length, 0), levels.capabilities.length);
    assert.equal(matrices.length, formagekarta.dimensions.length);
    assert.equal(matrices.reduce((sum, spec) => sum + spec.table.rows.length, 0), levels.capabilities.length);
  });

  for (const spec of [...byArea, ...matrices]) {
    it(`prints its text at 8 pt or more on A4 (${spec.id})`, () => {
      const printed = smallestPrintedPt(spec);
      assert.ok(printed.docx >= 8, `DOCX ${printed.docx.toFixed(2)} pt`);
      assert.ok(printed.pdf >= 8, `PDF ${printed.pdf.toFixed(2)} pt`);
    });
  }

  it('puts the split heat maps in the member report', () => {
    const document = buildMemberReport(
      {
        frame: { studyName: 'Fyrbodal', isFederation: true, year: 2021, memberCount: 14, texts: { background: '', purpose: '', goal: '', scope: '', goalPicture: [], author: 'Fyrbodal' }, history: [], classification: 0, today: '2021-03-31' },
        member: { name: 'Melleruds kommun', number: 7 },
        maturity: null,
        security: null,
        capabilityMap: { instrument: formagekarta, answers: mellerudCapabilityAnswers(formagekarta), previous: null, federation: null },
        costs: null,
      },
      'sv',
    );
    const ids = document.blocks.flatMap((block) => (block.kind === 'figure' ? [block.chart.id] : []));
    assert.deepEqual(ids.filter((id) => id.startsWith('capability-heatmap')), byArea.map((spec) => spec.id));
  });
});

describe('labels inside the picture', () => {
  const world = chartWorld({ ownName: 'Västra Götalandsregionens kommunalförbund' });
  const analysis = (i: number) => {
    const pools: LedgerAnalysis['pools'] = {};
    for (const key of ['internal_labour', 'external_labour', 'outside_services', 'hardware', 'software', 'facilities_and_power', 'telecom', 'other']) pools[key] = { centralItOre: 1000 + i, outsideOre: 500, totalOre: 1500 + i };
    return { pools, totalItOre: 8 * (1500 + i), centralItShare: 0.02, insideOutside: { hardware: { centralIt: 0.6, outside: 0.4 }, software: { centralIt: 0.5, outside: 0.5 }, telecom: null } };
  };
  const comparison = compareFederation(Array.from({ length: 14 }, (_, i) => ({ memberId: `m${i}`, analysis: analysis(i) })), { viewerMemberId: 'm12' });
  for (const locale of ['sv', 'en'] as const) {
    const m = messages(locale);
    const charts: ChartSpec[] = [
      ...maturityCharts(world.results, m.results, locale),
      ...federationMaturityCharts({ instrument: world.instrument, overview: world.overview, national: world.national }, m.federation, locale),
      centralItShareChart(comparison, m.costs, locale),
      federationPoolMixChart(comparison, m.costs, locale),
      federationInsideOutsideChart(comparison, m.costs, locale),
      levelCountChart(levels, levelScaleOf, m.joint, locale),
      ...capabilityHeatmapChartsByArea(levels, levelScaleOf, m.joint, locale),
      ...federationMatrixChartsByArea(fourteenMembers(), formagekarta, levelScaleOf, m.joint, locale),
    ];
    it(`keeps every text of every chart within its viewBox (${locale})`, () => {
      for (const spec of charts) {
        const svg = renderChartSvg(spec, locale);
        const box = svgViewBox(svg);
        assert.deepEqual(box, { width: spec.width, height: spec.height });
        for (const text of svgTextBoxes(svg)) {
          const inside = text.left >= -0.5 && text.top >= -0.5 && text.right <= box.width + 0.5 && text.bottom <= box.height + 0.5;
          assert.ok(inside, `${spec.id}: "${text.text}" at ${text.left.toFixed(1)}–${text.right.toFixed(1)} × ${text.top.toFixed(1)}–${text.bottom.toFixed(1)}`);
        }
      }
    });
  }

  it('catches a label cut at the edge (the check can fail)', () => {
    const svg = '<svg viewBox="0 0 100 50"><text dominant-baseline="central" text-anchor="end" style="font-size:12px;" transform="translate(20 25)">Kommun 13</text></svg>';
    assert.ok(svgTextBoxes(svg)[0]!.left < 0);
  });
});
