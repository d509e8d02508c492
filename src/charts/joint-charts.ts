// Chart builders for the joint assessments: the information-security practices and the capability
// map (the seed's figures 6 and 17, the capability map appendix, and the federation view). Pure:
// results, texts and a locale in, a ChartSpec out, for the pages, the exports and later reports.
// Heat-map cells print the level as text and use a light-to-dark scale, so they read in
// greyscale and without colour vision.
import type { AnswerScale, Instrument } from '../domain/instruments/instrument-schema.ts';
import type { FederationLevelMatrix, LevelMapResult, MemberLabel } from '../domain/joint-results/level-map.ts';
import type { PracticeIndexResult } from '../domain/joint-results/practice-index.ts';
import { roundTo } from '../domain/rounding.ts';
import { formatNumber, type Locale } from '../i18n/format.ts';
import { pick, type Messages } from '../i18n/messages.ts';
import { localeAxisFormatter } from './axis-labels.ts';
import type { ChartSpec } from './chart-spec.ts';
import { seriesStyles, sequentialScale, textOn } from './chart-theme.ts';

type JointTexts = Messages['joint'];

/** Background of a level cell: the scale's lowest level lightest, its highest darkest. */
export function levelColour(level: number, min: number, max: number): string {
  const steps = sequentialScale.length - 1;
  const position = max === min ? 0 : Math.round(((level - min) / (max - min)) * steps);
  return sequentialScale[Math.max(0, Math.min(steps, position))]!;
}

export function levelWord(scale: AnswerScale, level: number, locale: Locale): string {
  const label = scale.labels.find((candidate) => candidate.value === level);
  return label ? `${level} ${pick(label.label, locale)}` : String(level);
}

export function memberLabelText(m: JointTexts, label: MemberLabel): string {
  return label.kind === 'own' ? label.name : m.federation.anonymousMember(label.number);
}

/** Each practice's share in the index (0–100 %): 0 when not established, degree/4 when established. */
export function practiceScoreChart(result: PracticeIndexResult, m: JointTexts, locale: Locale): ChartSpec {
  const names = result.practices.map((practice) => pick(practice.capability.name, locale));
  const scores = result.practices.map((practice) => (practice.score === null ? null : roundTo(practice.score * 100, 0)));
  return {
    id: 'practice-scores',
    title: m.results.practices,
    summary: `${m.results.established(result.established, result.practices.length)} ${m.results.index}: ${result.index === null ? '–' : formatNumber(locale, result.index, 1)}.`,
    width: 720,
    height: 60 + 36 * names.length,
    option: {
      grid: { left: 260, right: 48, top: 16, bottom: 32 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: localeAxisFormatter(locale, ' %') } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 240, overflow: 'break' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      series: [{ type: 'bar', name: m.results.score, data: scores, itemStyle: { color: seriesStyles.own.colour }, label: { show: true, position: 'right', formatter: '{c} %' } }],
    },
    table: {
      caption: m.results.practices,
      columns: [m.results.practice, m.results.isEstablished, m.results.degree, `${m.results.score} (%)`],
      rows: result.practices.map((practice, index) => [
        names[index]!,
        practice.established === null ? m.results.notAnswered : practice.established ? m.results.yes : m.results.no,
        practice.degree,
        scores[index] ?? null,
      ]),
      fractionDigits: 0,
    },
  };
}

/** How many capabilities sit at each level (the seed: 37 at level 1, 16 at level 2, 2 at level 3). */
export function levelCountChart(result: LevelMapResult, scale: AnswerScale, m: JointTexts, locale: Locale): ChartSpec {
  const levels = [...result.countsByLevel.keys()];
  const names = levels.map((level) => levelWord(scale, level, locale));
  const counts = levels.map((level) => result.countsByLevel.get(level) ?? 0);
  const parts = names.map((name, index) => `${name}: ${counts[index]}`).join(', ');
  return {
    id: 'capability-level-counts',
    title: m.results.levelCounts,
    summary: m.results.countsSummary(parts),
    width: 640,
    height: 320,
    option: {
      grid: { left: 48, right: 24, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      series: [
        {
          type: 'bar',
          name: m.results.count,
          data: levels.map((level, index) => ({ value: counts[index]!, itemStyle: { color: levelColour(level, scale.min, scale.max), borderColor: '#1b1b1b', borderWidth: 1 } })),
          label: { show: true, position: 'top' },
        },
      ],
    },
    table: {
      caption: m.results.levelCounts,
      columns: [m.results.level, m.results.count],
      rows: [...names.map((name, index) => [name, counts[index]!]), [m.results.unanswered, result.unanswered]],
      fractionDigits: 0,
    },
  };
}

function heatCell(x: number, y: number, level: number | null, scale: AnswerScale, locale: Locale, short = false) {
  if (level === null) return { value: [x, y, -1], label: { show: true, formatter: '–', color: '#1b1b1b' }, itemStyle: { color: '#ffffff', borderColor: '#595959' } };
  const colour = levelColour(level, scale.min, scale.max);
  return { value: [x, y, level], label: { show: true, formatter: short ? String(level) : levelWord(scale, level, locale), color: textOn(colour) }, itemStyle: { color: colour, borderColor: '#ffffff', borderWidth: 1 } };
}

/** ECharts draws heat maps through a visual map: one piece per level (and −1 for "not assessed"), legend hidden (the cells carry text). */
function levelVisualMap(scale: AnswerScale, unanswered: string, locale: Locale) {
  const pieces = scale.labels.map((label) => ({ value: label.value, color: levelColour(label.value, scale.min, scale.max), label: pick(label.label, locale) }));
  return { type: 'piecewise' as const, show: false, dimension: 2, pieces: [...pieces, { value: -1, color: '#ffffff', label: unanswered }] };
}

function capabilityRowName(area: string, theme: string, capability: string): string {
  return `${area} › ${theme} › ${capability}`;
}

/**
 * Beyond this many members the members × capabilities chart is not drawn (some 2 000 cells take
 * seconds to render and cannot be read); the page's table carries the same figures.
 */
export const MAX_MATRIX_CHART_MEMBERS = 40;

/** Members × capabilities, members anonymised except the viewer's own; the weak count per capability in the table. */
export function federationMatrixChart(matrix: FederationLevelMatrix, instrument: Instrument, scale: AnswerScale, m: JointTexts, locale: Locale): ChartSpec {
  const members = matrix.members.map((member) => memberLabelText(m, member.label));
  const names = matrix.rows.map((row) => capabilityRowName(pick(row.area.name, locale), pick(row.theme.name, locale), pick(row.capability.name, locale)));
  const data = matrix.rows.flatMap((row, y) => row.levels.map((level, x) => heatCell(x, y, level, scale, locale, true)));
  return {
    id: 'federation-capability-matrix',
    title: m.federation.matrix,
    summary: m.federation.matrixSummary(members.length, matrix.rows.length),
    width: Math.max(720, 380 + 72 * members.length),
    height: 72 + 20 * matrix.rows.length,
    option: {
      grid: { left: 360, right: 16, top: 64, bottom: 16 },
      xAxis: { type: 'category', data: members, position: 'top', axisLabel: { interval: 0, rotate: members.length > 8 ? 30 : 0 } },
      yAxis: { type: 'category', data: names.map((name) => name.split(' › ').at(-1)!), inverse: true, axisLabel: { interval: 0, width: 340, overflow: 'truncate' } },
      tooltip: { position: 'top' },
      visualMap: levelVisualMap(scale, m.results.unanswered, locale),
      series: [{ type: 'heatmap', name: pick(instrument.name, locale), data: data as never }],
    },
    table: {
      caption: m.federation.matrix,
      columns: [m.results.capability, ...members, m.federation.weakCount, m.federation.strongCount],
      rows: matrix.rows.map((row, index) => [names[index]!, ...row.levels, row.weakCount, row.strongCount]),
      fractionDigits: 0,
    },
  };
}

/**
 * The heat maps as printed: one figure per area of the instrument (the capability map's three),
 * with text at `PRINT_TEXT_PX` in a picture narrow enough that, scaled to an A4 text width of
 * 16 cm, no text is smaller than 8 pt. Capability names wrap onto two lines instead of being cut.
 */
const PRINT_TEXT_PX = 12;
const PRINT_LABEL_WIDTH = 288;
const PRINT_ROW_HEIGHT = 30;

function byArea<T extends { area: { key: string } }>(entries: readonly T[]): Array<{ area: T['area']; entries: T[] }> {
  const areas: Array<{ area: T['area']; entries: T[] }> = [];
  for (const entry of entries) {
    const last = areas.at(-1);
    if (last && last.area.key === entry.area.key) last.entries.push(entry);
    else areas.push({ area: entry.area, entries: [entry] });
  }
  return areas;
}

const chartKey = (key: string, index: number) => (/^[a-z0-9-]+$/.test(key) ? key : String(index + 1));

const printedNames = { interval: 0, width: PRINT_LABEL_WIDTH, overflow: 'break' as const, fontSize: PRINT_TEXT_PX, lineHeight: PRINT_TEXT_PX + 2 };

/** The capability map per area (level and target across), for the reports. */
export function capabilityHeatmapChartsByArea(result: LevelMapResult, scale: AnswerScale, m: JointTexts, locale: Locale): ChartSpec[] {
  return byArea(result.capabilities).map(({ area, entries }, index) => {
    const data = entries.flatMap((entry, y) => [heatCell(0, y, entry.level, scale, locale), heatCell(1, y, entry.target, scale, locale)]);
    const title = m.results.heatmapAreaTitle(pick(area.name, locale));
    return {
      id: `capability-heatmap-${chartKey(area.key, index)}`,
      title,
      summary: m.results.heatmapSummary(entries.length, result.weak.filter((weak) => weak.area.key === area.key).length),
      width: 600,
      height: 48 + PRINT_ROW_HEIGHT * entries.length,
      option: {
        grid: { left: PRINT_LABEL_WIDTH + 12, right: 8, top: 32, bottom: 8 },
        xAxis: { type: 'category', data: [m.results.level, m.results.target], position: 'top', splitArea: { show: false }, axisLabel: { fontSize: PRINT_TEXT_PX } },
        yAxis: { type: 'category', data: entries.map((entry) => pick(entry.capability.name, locale)), inverse: true, axisLabel: printedNames },
        tooltip: { position: 'top' },
        visualMap: levelVisualMap(scale, m.results.unanswered, locale),
        series: [{ type: 'heatmap', name: title, label: { fontSize: PRINT_TEXT_PX }, data: data as never }],
      },
      table: {
        caption: title,
        columns: [m.results.theme, m.results.capability, m.results.level, m.results.target],
        rows: entries.map((entry) => [
          pick(entry.theme.name, locale),
          pick(entry.capability.name, locale),
          entry.level === null ? m.results.unanswered : levelWord(scale, entry.level, locale),
          entry.target === null ? null : levelWord(scale, entry.target, locale),
        ]),
      },
    };
  });
}

/**
 * Members × capabilities per area, for the reports: each member a column 2.2 text heights wide,
 * so up to some 20 members still print at 8 pt or more (the table beside it has every figure).
 */
export function federationMatrixChartsByArea(matrix: FederationLevelMatrix, instrument: Instrument, scale: AnswerScale, m: JointTexts, locale: Locale): ChartSpec[] {
  const members = matrix.members.map((member) => memberLabelText(m, member.label));
  const column = Math.round(PRINT_TEXT_PX * 2.2);
  return byArea(matrix.rows).map(({ area, entries }, index) => {
    const data = entries.flatMap((row, y) => row.levels.map((level, x) => heatCell(x, y, level, scale, locale, true)));
    const title = m.federation.matrixAreaTitle(pick(area.name, locale));
    return {
      id: `federation-capability-matrix-${chartKey(area.key, index)}`,
      title,
      summary: m.federation.matrixSummary(members.length, entries.length),
      width: PRINT_LABEL_WIDTH + 20 + column * Math.max(members.length, 4),
      height: 120 + PRINT_ROW_HEIGHT * entries.length,
      option: {
        grid: { left: PRINT_LABEL_WIDTH + 12, right: 8, top: 104, bottom: 8 },
        xAxis: { type: 'category', data: members, position: 'top', axisLabel: { interval: 0, rotate: 90, fontSize: PRINT_TEXT_PX } },
        yAxis: { type: 'category', data: entries.map((row) => pick(row.capability.name, locale)), inverse: true, axisLabel: printedNames },
        tooltip: { position: 'top' },
        visualMap: levelVisualMap(scale, m.results.unanswered, locale),
        series: [{ type: 'heatmap', name: pick(instrument.name, locale), label: { fontSize: PRINT_TEXT_PX }, data: data as never }],
      },
      table: {
        caption: title,
        columns: [m.results.capability, ...members, m.federation.weakCount, m.federation.strongCount],
        rows: entries.map((row) => [pick(row.capability.name, locale), ...row.levels, row.weakCount, row.strongCount]),
        fractionDigits: 0,
      },
    };
  });
}
