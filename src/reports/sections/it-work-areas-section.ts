// Central IT's four work areas (the seed's IT towers): what each covers, whether it keeps
// operations running or develops the services, and the member's share of staff against the
// federation's mean. Under the IT-cost chapter of both reports.
import { itTowers, towerMix, type TowerMix } from '../../domain/costs/it-towers.ts';
import { formatPercent, type Locale } from '../../i18n/format.ts';
import { pick } from '../../i18n/messages.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { CostsPart, FederationReportInput } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';

/** The share of staff in the towers that keep operations running (infrastructure, end-user services). */
function operationsShareOf(mix: TowerMix | null): number | null {
  if (mix === null) return null;
  return itTowers.filter((tower) => tower.focus === 'operations').reduce((sum, tower) => sum + mix[tower.key], 0);
}

/** The member's own mix: the one the federation comparison used, else its staff by FTE. */
function memberTowerMix(part: CostsPart): TowerMix | null {
  const own = part.comparison?.members.find((member) => member.isViewer)?.towerMix ?? null;
  return own ?? (part.towers ? towerMix(part.towers, 'fte') : null);
}

function share(locale: Locale, value: number | null | undefined, t: ReportTexts): string {
  return typeof value === 'number' ? formatPercent(locale, value, 0) : t.chapters.noValue;
}

function focusText(focus: 'operations' | 'development', t: ReportTexts): string {
  return focus === 'operations' ? t.chapters.focusOperations : t.chapters.focusDevelopment;
}

export function memberItWorkAreasSection(b: DocumentBuilder, part: CostsPart, t: ReportTexts, locale: Locale): void {
  const c = t.chapters;
  const own = memberTowerMix(part);
  const average = part.comparison?.average.towerMix ?? null;
  b.heading(2, c.workAreasTitle).paragraph(c.workAreasIntro);
  b.table(
    c.workAreasTitle,
    c.workAreaColumns,
    itTowers.map((tower) => [pick(tower.name, locale), pick(tower.description, locale), focusText(tower.focus, t), share(locale, own?.[tower.key], t), share(locale, average?.[tower.key], t)]),
    ['left', 'left', 'left', 'right', 'right'],
  );
  const operations = operationsShareOf(own);
  b.paragraph(operations === null ? c.workAreasNoMix : c.operationsShare(share(locale, operations, t)));
}

export function federationItWorkAreasSection(b: DocumentBuilder, part: NonNullable<FederationReportInput['costs']>, t: ReportTexts, locale: Locale): void {
  const c = t.chapters;
  const average = part.comparison.average.towerMix;
  b.heading(2, c.workAreasTitle).paragraph(c.workAreasIntro);
  b.table(
    c.workAreasTitle,
    c.workAreaColumnsFederation,
    itTowers.map((tower) => [pick(tower.name, locale), pick(tower.description, locale), focusText(tower.focus, t), share(locale, average?.[tower.key], t)]),
    ['left', 'left', 'left', 'right'],
  );
  const operations = operationsShareOf(average);
  b.paragraph(operations === null ? c.workAreasNoMix : c.operationsShareFederation(share(locale, operations, t)));
}
