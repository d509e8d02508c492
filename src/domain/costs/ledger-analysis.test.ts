import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { importSie } from '../../importers/ledger/sie-importer.ts';
import { TBM_V4_POOL_KEYS, tbmV4 } from './cost-taxonomy.ts';
import { kommunBasRules } from '../../catalogues/kommun-bas-rules.ts';
import type { LedgerAggregate } from './ledger-aggregate.ts';
import { accountClass, analyseLedger, parseCostClasses } from './ledger-analysis.ts';
import { parseMappingRulesCsv } from './mapping-rules.ts';

// The repository root and its test fixtures.
const repoRoot = new URL('../../../', import.meta.url);
const fixtures = new URL('test/fixtures/', repoRoot);

function aggregate(rows: [string, string | null, number][], accounts: Record<string, string> = {}): LedgerAggregate {
  const names = Object.assign(Object.create(null) as Record<string, string>, accounts);
  const centres = [...new Set(rows.flatMap(([, centre]) => (centre === null ? [] : [centre])))];
  return {
    format: 'sie',
    year: 2021,
    fiscalYear: { start: '2021-01-01', end: '2021-12-31' },
    sieType: 4,
    encoding: 'cp437',
    accounts: names,
    costCentres: centres.map((id) => ({ id, name: `KS ${id}` })),
    rows: rows.map(([account, costCentre, amountOre]) => ({ account, costCentre, amountOre })),
    rowCount: rows.length,
    fileHash: null,
    byteCount: 0,
    warnings: [],
  };
}

const rules = parseMappingRulesCsv(
  'from,to,pool,name_contains\n5000,5999,internal_labour,\n6400,6499,software,licens\n6400,6499,hardware,\n6800,6899,telecom,\n7000,7099,other,\n',
  tbmV4,
);

describe('analyseLedger', () => {
  it('maps every cost row on central IT and only hardware, software and telecom outside it', () => {
    const ledger = aggregate(
      [
        ['5010', 'IT', 100_00],
        ['5010', 'SKOLA', 5000_00],
        ['6410', 'IT', 40_00],
        ['6410', 'SKOLA', 10_00],
        ['6420', 'SKOLA', 30_00],
        ['6810', null, 20_00],
        ['7010', 'SKOLA', 7_00],
        ['6710', 'IT', 3_00],
        ['6710', 'IT', 2_00],
        ['6720', 'SKOLA', 9_00],
        ['3010', 'IT', -1000_00],
        ['1930', 'IT', 500_00],
        ['8410', null, 1_00],
      ],
      { '6420': 'Licenser', '6710': 'Okänt' },
    );
    const result = analyseLedger(ledger, { rules, centralItCostCentres: ['IT'] });
    assert.deepEqual(result.pools.internal_labour, { centralItOre: 100_00, outsideOre: 0, totalOre: 100_00 });
    assert.deepEqual(result.pools.hardware, { centralItOre: 40_00, outsideOre: 10_00, totalOre: 50_00 });
    assert.deepEqual(result.pools.software, { centralItOre: 0, outsideOre: 30_00, totalOre: 30_00 });
    assert.deepEqual(result.pools.telecom, { centralItOre: 0, outsideOre: 20_00, totalOre: 20_00 });
    assert.deepEqual(result.pools.other, { centralItOre: 0, outsideOre: 0, totalOre: 0 });
    assert.deepEqual(Object.keys(result.pools), [...TBM_V4_POOL_KEYS]);
    assert.equal(result.totalItOre, 200_00);
    assert.equal(result.centralItCostOre, 145_00, 'mapped and unmapped rows on central IT');
    assert.equal(result.organisationTotalCostOre, 5221_00, 'classes 4–7 only');
    assert.equal(result.organisationTotalCostSource, 'ledger');
    assert.equal(result.centralItShare, 145_00 / 5221_00);
    assert.deepEqual(result.unmapped, [{ account: '6710', name: 'Okänt', amountOre: 5_00 }]);
    assert.equal(result.unmappedTotalOre, 5_00);
    assert.deepEqual(result.insideOutside.hardware, { centralIt: 0.8, outside: 0.2 });
    assert.deepEqual(result.insideOutside.software, { centralIt: 0, outside: 1 });
    assert.equal(result.insideOutside.internal_labour, undefined);
    assert.deepEqual(result.warnings, []);
  });

  it('takes a hand-entered total cost and other cost classes', () => {
    const ledger = aggregate([
      ['5010', 'IT', 100_00],
      ['8510', 'IT', 50_00],
    ]);
    const manual = analyseLedger(ledger, { rules, centralItCostCentres: ['IT'], organisationTotalCostOre: 1000_00 });
    assert.equal(manual.organisationTotalCostOre, 1000_00);
    assert.equal(manual.organisationTotalCostSource, 'manual');
    assert.equal(manual.centralItShare, 0.1);
    const wider = analyseLedger(ledger, { rules, centralItCostCentres: ['IT'], costClasses: [4, 5, 6, 7, 8] });
    assert.equal(wider.centralItCostOre, 150_00);
    assert.deepEqual(wider.unmapped.map((entry) => entry.account), ['8510']);
  });

  it('warns about a missing central IT, unknown cost centres and an empty ledger', () => {
    const none = analyseLedger(aggregate([['5010', 'IT', 1]]), { rules, centralItCostCentres: [] });
    assert.deepEqual(none.warnings.map((warning) => warning.code), ['NO_CENTRAL_IT']);
    const empty = analyseLedger(aggregate([['3010', 'IT', 1]]), { rules, centralItCostCentres: ['XX'] });
    assert.deepEqual(empty.warnings.map((warning) => warning.code), ['UNKNOWN_COST_CENTRE', 'NO_COST_ROWS', 'ZERO_TOTAL_COST']);
    assert.equal(empty.centralItShare, null);
    assert.equal(empty.insideOutside.hardware, null);
  });

  it('parses cost-class lists', () => {
    assert.deepEqual(parseCostClasses('4-7'), [4, 5, 6, 7]);
    assert.deepEqual(parseCostClasses('4, 6-7,4'), [4, 6, 7]);
    assert.equal(parseCostClasses('7-4'), null);
    assert.equal(parseCostClasses('x'), null);
    assert.equal(parseCostClasses(''), null);
    assert.equal(accountClass('  5010'), 5);
    assert.equal(accountClass('K5010'), null);
  });
});

// ---------------------------------------------------------------------------------------------
// Mellerud 2021: a ledger built so the seed's figure 10 comes out exactly.

interface Booking {
  account: string;
  centre: string | null;
  sek: number;
}

const accounts: [string, string][] = [
  ['1930', 'Bank'],
  ['2440', 'Leverantörsskulder'],
  ['3010', 'Försäljning'],
  ['4310', 'Övrigt material'],
  ['5011', 'Månadsavlönade'],
  ['5610', 'Arbetsgivaravgifter'],
  ['6010', 'Lokalhyror'],
  ['6210', 'El'],
  ['6410', 'Datorer och kringutrustning'],
  ['6350', 'Leasing datorer'],
  ['6420', 'Licenser och programvaror'],
  ['6510', 'Kontorsmaterial'],
  ['6810', 'Telefoni'],
  ['6820', 'Datakommunikation'],
  ['7010', 'Resor'],
  ['7430', 'IT-konsulttjänster'],
  ['7450', 'Övriga främmande tjänster'],
  ['7510', 'Tillfälligt inhyrd personal'],
  ['8410', 'Ränteintäkter'],
];

/** Central IT is cost centre 1200; 3100 (school) and 5100 (home care) are outside. */
const bookings: Booking[] = [
  // internal labour 4 510 000
  { account: '5011', centre: '1200', sek: 3_420_000 },
  { account: '5610', centre: '1200', sek: 1_090_000 },
  // external labour 632 000
  { account: '7510', centre: '1200', sek: 232_000 },
  { account: '7430', centre: '1200', sek: 400_000 },
  // outside services 11 000
  { account: '7450', centre: '1200', sek: 11_000 },
  // hardware 3 693 000 (a credit note included)
  { account: '6410', centre: '1200', sek: 2_000_000 },
  { account: '6410', centre: '1200', sek: -28_000.5 },
  { account: '6350', centre: '1200', sek: 1_056_000.5 },
  { account: '6410', centre: '3100', sek: 665_000 },
  // software 7 194 000
  { account: '6420', centre: '1200', sek: 2_734_000 },
  { account: '6420', centre: '3100', sek: 4_100_000 },
  { account: '6420', centre: '5100', sek: 360_000 },
  // facilities and power 370 000
  { account: '6010', centre: '1200', sek: 300_000 },
  { account: '6210', centre: '1200', sek: 70_000 },
  // telecom 1 378 000
  { account: '6810', centre: '1200', sek: 513_000 },
  { account: '6820', centre: '1200', sek: 300_000 },
  { account: '6810', centre: '5100', sek: 465_000 },
  { account: '6820', centre: null, sek: 100_000 },
  // other 310 000
  { account: '7010', centre: '1200', sek: 110_000 },
  { account: '6510', centre: '1200', sek: 200_000 },
  // on central IT but no rule maps it: listed, not in the pools
  { account: '4310', centre: '1200', sek: 25_000 },
  // not IT: outside central IT and not hardware, software or telecom
  { account: '5011', centre: '3100', sek: 60_000_000 },
  { account: '5610', centre: '3100', sek: 19_000_000 },
  { account: '6010', centre: '5100', sek: 12_000_000 },
  { account: '6510', centre: '3100', sek: 500_000 },
  { account: '7430', centre: '5100', sek: 250_000 },
  { account: '5011', centre: null, sek: 1_000_000 },
  // not cost accounts
  { account: '3010', centre: '5100', sek: -2_000_000 },
  { account: '8410', centre: null, sek: -40_000 },
];

function sek(amount: number): string {
  return amount.toFixed(2);
}

/** A SIE 4 file in code page 437 with one balanced voucher per booking, plus quirks. */
function mellerudSie(): Buffer {
  const lines = [
    '#FLAGGA 0',
    '#PROGRAM "Mogna test" 1.0',
    '#FORMAT PC8',
    '#GEN 20220115',
    '#SIETYP 4',
    '#FNAMN "Melleruds kommun"',
    '#RAR 0 20210101 20211231',
    '#DIM 1 "Ansvar"',
    '#OBJEKT 1 "1200" "IT-enheten"',
    '#OBJEKT 1 "3100" "Grundskola"',
    '#OBJEKT 1 "5100" "Hemtjänst"',
    ...accounts.map(([account, name]) => `#KONTO ${account} "${name}"`),
  ];
  bookings.forEach((booking, index) => {
    const objects = booking.centre === null ? '{}' : `{1 "${booking.centre}" 6 "P${index}"}`;
    lines.push(`#VER A ${index + 1} 2021${String((index % 12) + 1).padStart(2, '0')}15 "Bokning ${index + 1}"`, '{');
    if (index % 5 === 0) {
      // A removed row and a correction: neither may be added.
      lines.push(`\t#BTRANS ${booking.account} ${objects} ${sek(booking.sek * 3)} 20210101 "borttagen"`);
      lines.push(`\t#RTRANS ${booking.account} ${objects} ${sek(booking.sek)} 20210101 "tillagd"`);
    }
    lines.push(`\t#TRANS ${booking.account} ${objects} ${sek(booking.sek)} 20210115 "Faktura \\"${index}\\""`);
    lines.push(`\t#TRANS 2440 {} ${sek(-booking.sek)}`);
    lines.push('}');
  });
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp437');
}

async function* chunks(bytes: Buffer, size: number): AsyncIterable<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

describe('Mellerud 2021 (seed figure 10)', () => {
  it('comes out exactly, pool by pool, through the SIE importer and the default Kommun-Bas rules', async () => {
    const expected = new Map(
      readFileSync(new URL('mellerud-2021/it-costs.tsv', fixtures), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [pool, amount] = line.split('\t');
          return [pool ?? '', Number(amount) * 100] as const;
        }),
    );
    const ledger = await importSie(chunks(mellerudSie(), 1000));
    assert.equal(ledger.year, 2021);
    assert.equal(ledger.encoding, 'cp437');
    assert.deepEqual(ledger.warnings, []);
    assert.equal(ledger.accounts['6420'], 'Licenser och programvaror');
    assert.deepEqual(ledger.costCentres.map((centre) => `${centre.id} ${centre.name}`), ['1200 IT-enheten', '3100 Grundskola', '5100 Hemtjänst']);

    const result = analyseLedger(ledger, { rules: kommunBasRules(), centralItCostCentres: ['1200'] });
    for (const key of TBM_V4_POOL_KEYS) {
      assert.equal(result.pools[key]?.totalOre, expected.get(key), key);
    }
    assert.equal(result.totalItOre, 18_098_000_00);
    assert.equal(result.pools.hardware?.outsideOre, 665_000_00);
    assert.equal(result.pools.software?.outsideOre, 4_460_000_00);
    assert.equal(result.pools.telecom?.outsideOre, 565_000_00);
    assert.equal(result.pools.external_labour?.outsideOre, 0);
    assert.deepEqual(result.unmapped, [{ account: '4310', name: 'Övrigt material', amountOre: 25_000_00 }]);
    assert.equal(result.centralItCostOre, 18_098_000_00 - 5_690_000_00 + 25_000_00);
    const organisation = bookings
      .filter((booking) => /^[4-7]/.test(booking.account))
      .reduce((sum, booking) => sum + Math.round(booking.sek * 100), 0);
    assert.equal(result.organisationTotalCostOre, organisation);
    assert.equal(result.centralItShare, result.centralItCostOre / organisation);
  });
});
