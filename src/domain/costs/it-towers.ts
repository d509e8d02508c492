// The four work areas ("IT towers") of a central IT organisation that the seed uses to show
// whether staff mostly keep things running or develop services. The IT manager enters staff
// per tower as full-time equivalents or as cost; the mix is the share of each tower.
import type { LocalisedText } from './cost-taxonomy.ts';

export const IT_TOWER_KEYS = ['infrastructure', 'end_user_services', 'application_services', 'steer_and_support'] as const;
type ItTowerKey = (typeof IT_TOWER_KEYS)[number];

export interface ItTower {
  key: ItTowerKey;
  name: LocalisedText;
  description: LocalisedText;
  /** Whether the seed counts the tower as keeping operations running (else: development). */
  focus: 'operations' | 'development';
}

export const itTowers: readonly ItTower[] = [
  {
    key: 'infrastructure',
    name: { sv: 'Infrastruktur', en: 'Infrastructure' },
    description: {
      sv: 'Driver den tekniska grunden: datorhallar, servrar, lagring, nätverk, plattformar och central utskrift.',
      en: 'Runs the technical foundation: data centres, servers, storage, networks, platforms and central printing.',
    },
    focus: 'operations',
  },
  {
    key: 'end_user_services',
    name: { sv: 'Slutanvändartjänster', en: 'End-user services' },
    description: {
      sv: 'Stöttar medarbetarna i vardagen: servicedesk och support, arbetsplatsens utrustning samt telefoni.',
      en: 'Supports staff day to day: service desk and support, workplace equipment and telephony.',
    },
    focus: 'operations',
  },
  {
    key: 'application_services',
    name: { sv: 'Applikationsverksamhet', en: 'Application services' },
    description: {
      sv: 'Förvaltar verksamhetssystemen och anpassar och vidareutvecklar standardlösningar efter verksamhetens behov.',
      en: 'Maintains the business applications and adapts and extends standard solutions to what the services need.',
    },
    focus: 'development',
  },
  {
    key: 'steer_and_support',
    name: { sv: 'Styra och stödja', en: 'Steer and support' },
    description: {
      sv: 'Leder och styr IT: IT-chef och strateger, tjänstekatalog och tjänstestyrning samt informationssäkerhet.',
      en: 'Leads and governs IT: the IT manager and strategists, the service catalogue and service management, and information security.',
    },
    focus: 'development',
  },
];

/** Staff per tower as entered by the IT manager: full-time equivalents and/or cost in öre. */
export type TowerStaffing = Partial<Record<ItTowerKey, { fte?: number | null; costOre?: number | null }>>;

export type TowerMix = Record<ItTowerKey, number>;

/**
 * Share of each tower by FTE or by cost. Missing towers count as 0. Returns null when the chosen
 * basis sums to 0 (nothing entered).
 */
export function towerMix(staffing: TowerStaffing, basis: 'fte' | 'cost'): TowerMix | null {
  const values = IT_TOWER_KEYS.map((key) => {
    const entry = staffing[key];
    const value = basis === 'fte' ? entry?.fte : entry?.costOre;
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
  });
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total === 0) return null;
  const mix = {} as TowerMix;
  IT_TOWER_KEYS.forEach((key, index) => {
    mix[key] = (values[index] ?? 0) / total;
  });
  return mix;
}
