import type { LocalizedText } from '../../i18n/messages.ts';

// Cost taxonomies as data. A taxonomy is a versioned list of cost pools; the analysis never
// names a pool in code except through the flags below, so a TBM v5 variant (with e.g. a
// staffing pool and a cloud-services pool) is added by writing one more object here.

/** Written in Swedish and English; other languages fall back through `pick` (src/i18n/messages.ts). */
export type LocalisedText = LocalizedText;

export interface CostPool {
  /** Stable key used in rule files, JSON output and the database. */
  key: string;
  name: LocalisedText;
  description: LocalisedText;
  /**
   * Whether rows mapped to this pool count as IT cost outside central IT. The seed counts only
   * hardware, software and telecom outside the central IT organisation.
   */
  countsOutsideCentralIt: boolean;
}

export interface CostTaxonomy {
  id: string;
  name: LocalisedText;
  pools: readonly CostPool[];
}

export const TBM_V4_POOL_KEYS = [
  'internal_labour',
  'external_labour',
  'outside_services',
  'hardware',
  'software',
  'facilities_and_power',
  'telecom',
  'other',
] as const;


export const tbmV4: CostTaxonomy = {
  id: 'tbm-v4',
  name: { sv: 'TBM-taxonomin, version 4 (kostnadspooler)', en: 'TBM taxonomy, version 4 (cost pools)' },
  pools: [
    {
      key: 'internal_labour',
      name: { sv: 'Intern arbetskraft', en: 'Internal labour' },
      description: {
        sv: 'Löner, sociala avgifter, pensioner och andra kostnader för egen personal.',
        en: 'Salaries, social security fees, pensions and other costs of own staff.',
      },
      countsOutsideCentralIt: false,
    },
    {
      key: 'external_labour',
      name: { sv: 'Extern arbetskraft', en: 'External labour' },
      description: {
        sv: 'Inhyrd personal och konsulter som arbetar under egen ledning.',
        en: 'Hired staff and consultants working under the organisation’s own direction.',
      },
      countsOutsideCentralIt: false,
    },
    {
      key: 'outside_services',
      name: { sv: 'Externa tjänster', en: 'Outside services' },
      description: {
        sv: 'Köpta tjänster där leverantören ansvarar för resultatet, t.ex. drift eller förvaltning.',
        en: 'Purchased services where the supplier answers for the result, e.g. operations or managed services.',
      },
      countsOutsideCentralIt: false,
    },
    {
      key: 'hardware',
      name: { sv: 'Hårdvara', en: 'Hardware' },
      description: {
        sv: 'Datorer, servrar, lagring, nätverksutrustning och skrivare: köp, leasing, underhåll och avskrivningar.',
        en: 'Computers, servers, storage, network equipment and printers: purchase, lease, maintenance and depreciation.',
      },
      countsOutsideCentralIt: true,
    },
    {
      key: 'software',
      name: { sv: 'Mjukvara', en: 'Software' },
      description: {
        sv: 'Licenser, prenumerationer och underhållsavtal för programvara.',
        en: 'Licences, subscriptions and maintenance agreements for software.',
      },
      countsOutsideCentralIt: true,
    },
    {
      key: 'facilities_and_power',
      name: { sv: 'Anläggningar och energi', en: 'Facilities and power' },
      description: {
        sv: 'Lokaler, datorhallar, el och kyla för IT-verksamheten.',
        en: 'Premises, data centres, electricity and cooling for IT.',
      },
      countsOutsideCentralIt: false,
    },
    {
      key: 'telecom',
      name: { sv: 'Telekom', en: 'Telecom' },
      description: {
        sv: 'Telefoni, mobilabonnemang, datakommunikation och nätförbindelser.',
        en: 'Telephony, mobile subscriptions, data communication and network links.',
      },
      countsOutsideCentralIt: true,
    },
    {
      key: 'other',
      name: { sv: 'Annat', en: 'Other' },
      description: {
        sv: 'Övriga kostnader i IT-verksamheten: resor, utbildningsavgifter, kontorsmaterial m.m.',
        en: 'Other costs of the IT organisation: travel, course fees, office supplies and the like.',
      },
      countsOutsideCentralIt: false,
    },
  ],
};

export function findPool(taxonomy: CostTaxonomy, key: string): CostPool | undefined {
  return taxonomy.pools.find((pool) => pool.key === key);
}
