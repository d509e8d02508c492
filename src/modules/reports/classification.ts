// SKR's KLASSA consequence levels for confidentiality, in one place: the issue form on the pages
// and the report builders (cover and document control) read the same label and meaning.
import type { Locale } from '../../i18n/format.ts';
import type { ClassificationLevel } from '../../reports/report-model.ts';

export const classificationLevels: readonly ClassificationLevel[] = [0, 1, 2, 3];

const texts: Record<ClassificationLevel, Record<Locale, { label: string; meaning: string }>> = {
  0: {
    sv: { label: 'Nivå 0 – ingen eller försumbar skada', meaning: 'Om rapporten sprids utanför avsedd krets blir skadan för organisationen eller enskilda ingen eller mycket liten.' },
    en: { label: 'Level 0 – no or negligible damage', meaning: 'If the report reaches readers it was not meant for, the harm to the organisation or to individuals is none or very small.' },
  },
  1: {
    sv: { label: 'Nivå 1 – måttlig skada', meaning: 'Spridning utanför avsedd krets kan ge en märkbar men begränsad skada som organisationen klarar att hantera i sin vanliga verksamhet.' },
    en: { label: 'Level 1 – moderate damage', meaning: 'Disclosure beyond the intended readers could cause noticeable but limited harm that the organisation can handle in its normal work.' },
  },
  2: {
    sv: { label: 'Nivå 2 – betydande skada', meaning: 'Spridning utanför avsedd krets kan ge en allvarlig påverkan på verksamheten, ekonomin eller förtroendet som tar tid och resurser att rätta till.' },
    en: { label: 'Level 2 – significant damage', meaning: 'Disclosure beyond the intended readers could seriously affect operations, finances or trust, and would take time and resources to put right.' },
  },
  3: {
    sv: { label: 'Nivå 3 – allvarlig skada', meaning: 'Spridning utanför avsedd krets kan ge mycket allvarlig eller bestående skada, till exempel för liv och hälsa, samhällsviktig verksamhet eller rikets säkerhet.' },
    en: { label: 'Level 3 – serious damage', meaning: 'Disclosure beyond the intended readers could cause very severe or lasting harm, for example to life and health, essential services or national security.' },
  },
};

export function classificationText(level: ClassificationLevel, locale: Locale): { label: string; meaning: string } {
  return texts[level][locale];
}

export function isClassificationLevel(value: unknown): value is ClassificationLevel {
  return value === 0 || value === 1 || value === 2 || value === 3;
}
