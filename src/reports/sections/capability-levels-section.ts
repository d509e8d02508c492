// The capability map's level definitions 0–4 and a description of every capability: for a
// member with its own level, for the federation with how many members are weak and strong.
// A capability's description is its `description` in the instrument file, else its `help`.
import { levelWord } from '../../charts/joint-charts.ts';
import type { Capability, Instrument } from '../../domain/instruments/instrument-schema.ts';
import { allCapabilities } from '../../domain/instruments/instrument-structure.ts';
import { levelMap } from '../../domain/joint-results/level-map.ts';
import type { Locale } from '../../i18n/format.ts';
import { pick } from '../../i18n/messages.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { CapabilityMapPart, FederationReportInput } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';
import { levelScale } from './capability-map-section.ts';

export function capabilityDescription(capability: Capability, locale: Locale): string {
  return pick(capability.description ?? capability.help, locale);
}

/** The scale's levels, lowest first, with their names and what they mean. */
function levelDefinitionsTable(b: DocumentBuilder, instrument: Instrument, t: ReportTexts, locale: Locale): void {
  const c = t.chapters;
  const scale = levelScale(instrument);
  if (scale.type !== 'levels') return;
  b.heading(2, c.levelsTitle).paragraph(c.levelsIntro);
  b.table(
    c.levelsTitle,
    c.levelColumns,
    [...scale.levels].sort((x, y) => x.value - y.value).map((level) => [String(level.value), pick(level.label, locale), level.description ? pick(level.description, locale) : '']),
  );
}

export function memberCapabilityLevelsSection(b: DocumentBuilder, part: CapabilityMapPart, t: ReportTexts, locale: Locale): void {
  const c = t.chapters;
  const { instrument } = part;
  const scale = levelScale(instrument);
  levelDefinitionsTable(b, instrument, t, locale);
  const result = levelMap(instrument, part.answers);
  b.heading(2, c.describedTitle).paragraph(c.describedIntro(result.capabilities.length));
  b.table(
    c.describedTitle,
    c.describedColumns,
    result.capabilities.map((entry) => [pick(entry.capability.name, locale), capabilityDescription(entry.capability, locale), entry.level === null ? t.notAnswered : levelWord(scale, entry.level, locale)]),
  );
}

export function federationCapabilityLevelsSection(b: DocumentBuilder, part: NonNullable<FederationReportInput['capabilityMap']>, t: ReportTexts, locale: Locale): void {
  const c = t.chapters;
  const { instrument, matrix } = part;
  levelDefinitionsTable(b, instrument, t, locale);
  const rows = new Map(matrix.rows.map((row) => [row.capability.key, row]));
  const capabilities = allCapabilities(instrument);
  b.heading(2, c.describedTitle).paragraph(c.describedIntroFederation(capabilities.length));
  b.table(
    c.describedTitle,
    c.describedColumnsFederation,
    capabilities.map(({ capability }) => {
      const row = rows.get(capability.key);
      return [pick(capability.name, locale), capabilityDescription(capability, locale), row ? String(row.weakCount) : c.noValue, row ? String(row.strongCount) : c.noValue];
    }),
    ['left', 'left', 'right', 'right'],
  );
}
