// General ledgers for the demo federation's members (issue 5): generated, deterministic and
// shaped like a municipality's books in the Kommun-Bas chart of accounts, so the cost pages
// and the federation comparison show real patterns. Each member gets a ledger for last year
// (a full fiscal year), its central-IT cost centres and IT-tower staffing.
//
// The numbers follow the seed's picture: a municipality's total cost is roughly 58–72 thousand
// kronor per inhabitant, central IT takes about 1–3 % of it, and outside central IT mostly
// software (school and care systems), some hardware and telecom are bought by the departments.
// The members differ in IT share and in mix, so the comparison charts have something to show.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { LedgerAggregate } from '../domain/costs/ledger-aggregate.ts';
import { compareCodes } from '../domain/costs/ledger-aggregate.ts';
import { IT_TOWER_KEYS, type TowerStaffing } from '../domain/costs/it-towers.ts';
import { replaceLedger, replaceTowers, setCentralItCentres } from '../modules/costs/repository.ts';
import { createSeededRandom, hashString, type SeededRandom } from './seeded-random.ts';

export interface DemoLedgerMember {
  key: string;
  inhabitants: number;
}

export interface DemoLedger {
  memberKey: string;
  year: number;
  aggregate: LedgerAggregate;
  centralIt: string[];
  towers: TowerStaffing;
}

/** Cost centres (ansvar) every demo municipality has; 1150 and 1160 are central IT. */
const DEMO_COST_CENTRES: ReadonlyArray<{ id: string; name: string; kind: 'it' | 'admin' | 'school' | 'care' | 'other' }> = [
  { id: '1000', name: 'Kommunfullmäktige och kommunstyrelse', kind: 'admin' },
  { id: '1100', name: 'Kommunledningskontoret', kind: 'admin' },
  { id: '1150', name: 'IT-enheten', kind: 'it' },
  { id: '1160', name: 'IT-chef och digitalisering', kind: 'it' },
  { id: '1200', name: 'Ekonomi och HR', kind: 'admin' },
  { id: '2100', name: 'Förskola', kind: 'school' },
  { id: '2200', name: 'Grundskola', kind: 'school' },
  { id: '2300', name: 'Gymnasieskola', kind: 'school' },
  { id: '3100', name: 'Äldreomsorg', kind: 'care' },
  { id: '3200', name: 'Individ- och familjeomsorg', kind: 'care' },
  { id: '3300', name: 'Stöd och service till funktionshindrade', kind: 'care' },
  { id: '4100', name: 'Samhällsbyggnad', kind: 'other' },
  { id: '4200', name: 'Kultur och fritid', kind: 'other' },
];

/** Kommun-Bas accounts used by the generator, with the pool the default rules give them. */
const DEMO_ACCOUNTS: Readonly<Record<string, string>> = {
  '1930': 'Bank',
  '3510': 'Taxor och avgifter',
  '3610': 'Statsbidrag',
  '4510': 'Bidrag till föreningar',
  '4610': 'Köp av huvudverksamhet',
  '5010': 'Månadsavlönad personal',
  '5410': 'Arbetsgivaravgifter',
  '5610': 'Pensionskostnader',
  '6010': 'Lokalhyror',
  '6210': 'El',
  '6310': 'Leasing av datorer',
  '6410': 'Förbrukningsinventarier',
  '6420': 'Datorer och datortillbehör',
  '6430': 'Programvarulicenser',
  '6440': 'Surfplattor',
  '6510': 'Kontorsmaterial',
  '6610': 'Reparation av datautrustning',
  '6710': 'Kurs- och konferensavgifter',
  '6810': 'Telefoni',
  '6820': 'Mobilabonnemang',
  '6830': 'Datakommunikation',
  '6850': 'Porto',
  '7010': 'Resor',
  '7410': 'Köpta IT-tjänster',
  '7415': 'Molntjänster',
  '7420': 'IT-konsulter',
  '7510': 'Inhyrd personal',
  '7910': 'Avskrivningar maskiner och inventarier',
  '7920': 'Avskrivningar immateriella tillgångar',
};

type PoolKey = 'internal_labour' | 'external_labour' | 'outside_services' | 'hardware' | 'software' | 'facilities_and_power' | 'telecom' | 'other' | 'unmapped';

/** How central IT's cost of a pool is spread over accounts (weights). */
const CENTRAL_ACCOUNTS: Record<PoolKey, ReadonlyArray<[string, number]>> = {
  internal_labour: [
    ['5010', 0.68],
    ['5410', 0.22],
    ['5610', 0.1],
  ],
  external_labour: [
    ['7420', 0.7],
    ['7510', 0.3],
  ],
  outside_services: [
    ['7410', 0.6],
    ['7415', 0.4],
  ],
  hardware: [
    ['6420', 0.45],
    ['6310', 0.3],
    ['6610', 0.1],
    ['7910', 0.15],
  ],
  software: [
    ['6430', 0.8],
    ['7920', 0.2],
  ],
  facilities_and_power: [
    ['6010', 0.7],
    ['6210', 0.3],
  ],
  telecom: [
    ['6810', 0.35],
    ['6820', 0.35],
    ['6830', 0.3],
  ],
  other: [
    ['7010', 0.4],
    ['6510', 0.3],
    ['6850', 0.3],
  ],
  unmapped: [['6710', 1]],
};

const kronorToOre = (kronor: number): number => Math.round(kronor) * 100;

function spread(random: SeededRandom, amountKr: number, weights: ReadonlyArray<[string, number]>): Array<[string, number]> {
  const noisy = weights.map(([account, weight]) => [account, weight * random.between(0.8, 1.2)] as [string, number]);
  const sum = noisy.reduce((total, [, weight]) => total + weight, 0);
  return noisy.map(([account, weight]) => [account, (amountKr * weight) / sum]);
}

/** One member's ledger for `year`, the same for the same seed, member and year. */
export function buildDemoLedger(member: DemoLedgerMember, year: number, seed: number): DemoLedger {
  const random = createSeededRandom(hashString(`${seed}:ledger:${member.key}:${year}`));
  const sums = new Map<string, number>(); // "account|centre" → kronor
  const add = (account: string, centre: string | null, kronor: number) => {
    const key = `${account}|${centre ?? ''}`;
    sums.set(key, (sums.get(key) ?? 0) + kronor);
  };

  const totalCost = member.inhabitants * random.between(58_000, 72_000);
  const centralShare = random.between(0.009, 0.032);
  const centralCost = totalCost * centralShare;

  const weights: Record<PoolKey, number> = {
    internal_labour: random.between(0.3, 0.5),
    external_labour: random.between(0.01, 0.07),
    outside_services: random.between(0.02, 0.12),
    hardware: random.between(0.1, 0.25),
    software: random.between(0.15, 0.38),
    facilities_and_power: random.between(0.01, 0.04),
    telecom: random.between(0.04, 0.1),
    other: random.between(0.01, 0.04),
    unmapped: random.between(0.002, 0.006),
  };
  const weightSum = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
  const central: Record<string, number> = {};
  for (const [pool, weight] of Object.entries(weights) as Array<[PoolKey, number]>) {
    const amount = (centralCost * weight) / weightSum;
    central[pool] = amount;
    // The IT manager's cost centre carries part of the staff and most of the consultants.
    for (const [account, kronor] of spread(random, amount, CENTRAL_ACCOUNTS[pool])) {
      const managerShare = pool === 'internal_labour' ? 0.15 : pool === 'external_labour' ? 0.6 : 0.05;
      add(account, '1150', kronor * (1 - managerShare));
      add(account, '1160', kronor * managerShare);
    }
  }

  // IT bought by the departments: mostly software, some hardware and telecom.
  const departments = DEMO_COST_CENTRES.filter((centre) => centre.kind !== 'it');
  const outside = {
    hardware: (central.hardware ?? 0) * random.between(0.1, 0.9),
    software: (central.software ?? 0) * random.between(0.6, 2.2),
    telecom: (central.telecom ?? 0) * random.between(0.4, 1.3),
  };
  const departmentWeight = (kind: string) => (kind === 'school' ? 3 : kind === 'care' ? 2.5 : 1);
  const departmentSum = departments.reduce((sum, centre) => sum + departmentWeight(centre.kind), 0);
  for (const centre of departments) {
    const share = (departmentWeight(centre.kind) / departmentSum) * random.between(0.7, 1.3);
    add(centre.kind === 'school' ? '6440' : '6420', centre.id, outside.hardware * share);
    add('6430', centre.id, outside.software * share);
    for (const [account, kronor] of spread(random, outside.telecom * share, CENTRAL_ACCOUNTS.telecom)) add(account, centre.id, kronor);
  }

  // Everything else the municipality spends: staff, purchased care and schooling, premises.
  const outsideItTotal = outside.hardware + outside.software + outside.telecom;
  const rest = Math.max(0, totalCost - centralCost - outsideItTotal);
  const restAccounts: ReadonlyArray<[string, number]> = [
    ['5010', 0.4],
    ['5410', 0.13],
    ['5610', 0.05],
    ['4610', 0.16],
    ['4510', 0.02],
    ['6010', 0.09],
    ['6210', 0.02],
    ['6410', 0.03],
    ['6510', 0.01],
    ['7010', 0.01],
    ['7510', 0.02],
    ['7910', 0.06],
  ];
  for (const centre of departments) {
    const share = (departmentWeight(centre.kind) / departmentSum) * random.between(0.85, 1.15);
    for (const [account, kronor] of spread(random, rest * share, restAccounts)) add(account, centre.id, kronor);
  }
  // Income, so the ledger is not only costs.
  add('3510', '3100', -totalCost * random.between(0.03, 0.05));
  add('3610', '2200', -totalCost * random.between(0.05, 0.08));

  // Balance every cost and income against the bank account, as vouchers would.
  let balance = 0;
  const rows = [...sums.entries()].map(([key, kronor]) => {
    const [account = '', centre = ''] = key.split('|');
    const amountOre = kronorToOre(kronor);
    balance += amountOre;
    return { account, costCentre: centre === '' ? null : centre, amountOre };
  });
  rows.push({ account: '1930', costCentre: null, amountOre: -balance });
  rows.sort((a, b) => compareCodes(a.account, b.account) || compareCodes(a.costCentre ?? '', b.costCentre ?? ''));

  const accounts = Object.create(null) as Record<string, string>;
  for (const account of Object.keys(DEMO_ACCOUNTS).sort(compareCodes)) accounts[account] = DEMO_ACCOUNTS[account] ?? '';

  // Staff of central IT per tower: labour cost / a typical yearly cost per person.
  const staffCost = central.internal_labour ?? 0;
  const fteTotal = Math.max(2, staffCost / random.between(680_000, 820_000));
  const towerWeights = [random.between(0.28, 0.45), random.between(0.22, 0.4), random.between(0.1, 0.28), random.between(0.05, 0.16)];
  const towerSum = towerWeights.reduce((sum, weight) => sum + weight, 0);
  const towers: TowerStaffing = {};
  IT_TOWER_KEYS.forEach((tower, index) => {
    const fte = Math.max(0.5, Math.round(((fteTotal * (towerWeights[index] ?? 0)) / towerSum) * 2) / 2);
    towers[tower] = { fte, costOre: kronorToOre((staffCost * (towerWeights[index] ?? 0)) / towerSum) };
  });

  return {
    memberKey: member.key,
    year,
    aggregate: {
      format: 'sie',
      year,
      fiscalYear: { start: `${year}-01-01`, end: `${year}-12-31` },
      sieType: 4,
      encoding: 'cp437',
      accounts,
      costCentres: DEMO_COST_CENTRES.map((centre) => ({ id: centre.id, name: centre.name })),
      rows,
      // As if each sum had been booked in a few dozen vouchers of two rows.
      rowCount: rows.length * random.int(40, 120),
      fileHash: null,
      byteCount: 0,
      warnings: [],
    },
    centralIt: DEMO_COST_CENTRES.filter((centre) => centre.kind === 'it').map((centre) => centre.id),
    towers,
  };
}

/**
 * Writes the members' ledgers inside the demo seeder's transaction. The "file" is a description
 * of the generated ledger, so its SHA-256 (computed by the caller) is stable for a seed.
 */
export async function insertDemoLedgers(
  trx: Transaction<Database>,
  input: { members: ReadonlyArray<DemoLedgerMember & { id: string }>; year: number; seed: number; now: string; newId: () => string; sha256: (text: string) => string },
): Promise<number> {
  for (const member of input.members) {
    const ledger = buildDemoLedger(member, input.year, input.seed);
    const description = JSON.stringify(ledger.aggregate.rows);
    const aggregate: LedgerAggregate = { ...ledger.aggregate, fileHash: input.sha256(description), byteCount: description.length };
    const id = input.newId();
    await replaceLedger(trx, { id, organisationId: member.id, year: input.year, fileName: `huvudbok-${member.key}-${input.year}.se`, aggregate, importedAt: input.now, importedBy: null });
    await setCentralItCentres(trx, id, ledger.centralIt);
    await replaceTowers(trx, member.id, input.year, ledger.towers);
  }
  return input.members.length;
}
