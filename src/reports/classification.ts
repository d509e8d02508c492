// SKR's KLASSA consequence levels for confidentiality, in one place: the issue form on the pages
// and the report builders (cover and document control) read the same label and meaning.
import type { Locale } from '../i18n/format.ts';
import type { ClassificationLevel } from './report-model.ts';

// KLASSA has five consequence levels, 0–4. An issued version stores its level as a number, and a
// stored number keeps its meaning in the corrected scale: a 3 stays 3 and now reads "betydande".
export const classificationLevels: readonly ClassificationLevel[] = [0, 1, 2, 3, 4];

const texts: Record<ClassificationLevel, Record<Locale, { label: string; meaning: string }>> = {
  0: {
    sv: { label: 'Nivå 0 – ingen skada, öppen', meaning: 'Rapporten kan läsas av vem som helst. Att den sprids skadar varken organisationen eller någon enskild.' },
    en: { label: 'Level 0 – no damage, open', meaning: 'Anyone may read the report. Its spreading harms neither the organisation nor any individual.' },
  },
  1: {
    sv: { label: 'Nivå 1 – försumbar skada', meaning: 'Om rapporten når andra än de tänkta läsarna blir skadan så liten att den knappt märks.' },
    en: { label: 'Level 1 – negligible damage', meaning: 'If the report reaches others than its intended readers, the harm is so small that it is hardly noticed.' },
  },
  2: {
    sv: { label: 'Nivå 2 – måttlig skada', meaning: 'Spridning till fel personer kan ge en märkbar men begränsad skada, som organisationen rättar till inom sitt vanliga arbete.' },
    en: { label: 'Level 2 – moderate damage', meaning: 'Spreading to the wrong people could cause noticeable but limited harm, which the organisation puts right in its normal work.' },
  },
  3: {
    sv: { label: 'Nivå 3 – betydande skada', meaning: 'Spridning till fel personer kan påverka verksamheten, ekonomin eller förtroendet så mycket att det tar tid och resurser att rätta till.' },
    en: { label: 'Level 3 – significant damage', meaning: 'Spreading to the wrong people could affect operations, finances or trust so much that putting it right takes time and resources.' },
  },
  4: {
    sv: { label: 'Nivå 4 – allvarlig skada', meaning: 'Spridning till fel personer kan ge mycket svår eller bestående skada, till exempel för liv och hälsa, samhällsviktig verksamhet eller rikets säkerhet.' },
    en: { label: 'Level 4 – serious damage', meaning: 'Spreading to the wrong people could cause very grave or lasting harm, for example to life and health, vital public services or national security.' },
  },
};

export function classificationText(level: ClassificationLevel, locale: Locale): { label: string; meaning: string } {
  return texts[level][locale];
}

export function isClassificationLevel(value: unknown): value is ClassificationLevel {
  return value === 0 || value === 1 || value === 2 || value === 3 || value === 4;
}
