// The capability-map part: every capability with its level, the heat map, the weak ones with the
// six root-cause perspectives, and the candidates for collaboration across the federation.
import { capabilityHeatmapChartsByArea, federationMatrixChartsByArea, levelCountChart, levelWord } from '../../charts/joint-charts.ts';
import type { AnswerScale, Instrument } from '../../domain/instruments/instrument-schema.ts';
import { allCapabilities } from '../../domain/instruments/instrument-structure.ts';
import { levelMap, TOP_CANDIDATES, type FederationCapabilityRow, type FederationLevelMatrix, type LevelMapResult, type MemberLabel } from '../../domain/joint-results/level-map.ts';
import type { Locale } from '../../i18n/format.ts';
import { messages, pick } from '../../i18n/messages.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { CapabilityMapPart, FederationReportInput } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';

export function levelScale(instrument: Instrument): AnswerScale {
  const first = allCapabilities(instrument)[0]!.capability.items[0]!;
  return instrument.scales[first.scale ?? instrument.defaultScale]!;
}

function levelCountsText(result: LevelMapResult, scale: AnswerScale, locale: Locale): string {
  return [...result.countsByLevel].map(([level, count]) => `${levelWord(scale, level, locale)}: ${count}`).join(', ');
}

function perspectivesTable(b: DocumentBuilder, instrument: Instrument, t: ReportTexts, locale: Locale): void {
  const perspectives = instrument.analysis?.kind === 'level-map' ? instrument.analysis.perspectives : [];
  if (perspectives.length === 0) return;
  b.heading(3, t.perspectives);
  b.table(t.perspectives, t.perspectiveColumns, perspectives.map((perspective) => [pick(perspective.name, locale), pick(perspective.question, locale)]));
}

function candidatesTable(b: DocumentBuilder, matrix: FederationLevelMatrix, t: ReportTexts, locale: Locale, ownLevel?: (key: string) => string): void {
  b.heading(2, t.collaboration).paragraph(t.collaborationIntro);
  if (matrix.candidates.length === 0) {
    b.paragraph(t.noCandidates);
    return;
  }
  // Ranked (compareCandidates); a report lists the top ones. The federation report, a shared
  // output, names the strongest members by number; a member's own report names no one.
  const top = matrix.candidates.slice(0, TOP_CANDIDATES);
  if (matrix.candidates.length > top.length) b.paragraph(t.collaborationRanked(top.length, matrix.candidates.length));
  const strongest = (row: FederationCapabilityRow) =>
    row.strongest === null || row.strongMembers.length === 0
      ? '–'
      : t.strongestCell(row.strongMembers.map((column) => memberText(matrix.members[column]!.label, t)).join(', '), row.strongest);
  const rows = top.map((row) => {
    const cells = [pick(row.capability.name, locale), String(row.weakCount), String(row.strongCount)];
    return ownLevel ? [...cells, ownLevel(row.capability.key)] : [...cells, strongest(row)];
  });
  b.table(t.collaboration, ownLevel ? t.collaborationColumns : [...t.collaborationColumnsFederation, t.strongestColumn], rows, ownLevel ? ['left', 'right', 'right', 'left'] : ['left', 'right', 'right', 'left']);
}

function memberText(label: MemberLabel, t: ReportTexts): string {
  return label.kind === 'own' ? label.name : t.memberLabel(label.number);
}

export function memberCapabilityMapSection(b: DocumentBuilder, part: CapabilityMapPart, t: ReportTexts, locale: Locale, frameYear: number): void {
  const { instrument } = part;
  const m = messages(locale);
  const scale = levelScale(instrument);
  const result = levelMap(instrument, part.answers);
  b.heading(1, t.capabilityMap).paragraph(t.capabilityMapIntro);
  b.paragraph(t.levelCounts(levelCountsText(result, scale, locale)));
  b.figure(levelCountChart(result, scale, m.joint, locale));
  if (part.previous) {
    const before = levelMap(instrument, part.previous);
    let up = 0;
    let down = 0;
    result.capabilities.forEach((entry, index) => {
      const previous = before.capabilities[index]?.level ?? null;
      if (entry.level === null || previous === null) return;
      if (entry.level > previous) up += 1;
      if (entry.level < previous) down += 1;
    });
    b.paragraph(t.mapChange(frameYear - 1, up, down));
  }
  // One heat map per area, so that its text prints at 8 pt or more.
  for (const chart of capabilityHeatmapChartsByArea(result, scale, m.joint, locale)) b.figure(chart);
  b.table(
    t.levelTable,
    t.levelColumns,
    result.capabilities.map((entry) => [pick(entry.capability.name, locale), pick(entry.area.name, locale), pick(entry.theme.name, locale), entry.level === null ? t.notAnswered : levelWord(scale, entry.level, locale)]),
  );
  b.heading(2, t.weakCapabilities);
  const settings = instrument.analysis?.kind === 'level-map' ? instrument.analysis : null;
  if (result.weak.length === 0) b.paragraph(t.noWeak);
  else {
    b.paragraph(t.weakIntro(result.weak.length, levelWord(scale, settings?.weakAtMost ?? 1, locale)));
    b.bullets(result.weak.map((entry) => [{ text: pick(entry.capability.name, locale), strong: true }, ` (${pick(entry.theme.name, locale)})`]));
    perspectivesTable(b, instrument, t, locale);
  }
  if (part.federation) {
    const levels = new Map(result.capabilities.map((entry) => [entry.capability.key, entry.level]));
    candidatesTable(b, part.federation, t, locale, (key) => {
      const level = levels.get(key);
      return level === null || level === undefined ? '–' : levelWord(scale, level, locale);
    });
  }
}

export function federationCapabilityMapSection(b: DocumentBuilder, part: NonNullable<FederationReportInput['capabilityMap']>, t: ReportTexts, locale: Locale): void {
  const { instrument, matrix } = part;
  const scale = levelScale(instrument);
  b.heading(1, t.capabilityMap).paragraph(t.capabilityMapIntro, ' ', t.mapFederationIntro(matrix.members.length));
  b.heading(2, t.federationMatrix);
  for (const chart of federationMatrixChartsByArea(matrix, instrument, scale, messages(locale).joint, locale)) b.figure(chart);
  candidatesTable(b, matrix, t, locale);
  perspectivesTable(b, instrument, t, locale);
}
