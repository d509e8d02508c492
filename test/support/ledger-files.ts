// Small hand-made ledgers for cost-analysis tests, with their figures worked out by hand.
//
// Cost centres: 100 "IT-enheten" (central IT) and 200 "Skola". With the Kommun-Bas rules and
// central IT = 100:
//   5010 Löner          100: 1 000 000.00  → internal labour, central IT
//   5010 Löner          200: 50 000 000.00 → not IT (labour outside central IT); > 2^31 öre
//   6420 Licenser       100:   300 000.00  → software, central IT
//   6420 Licenser       200:   700 000.00  → software, outside
//   6410 Datorer        200:   250 000.50  → hardware, outside
//   6810 Telefoni       100:    50 000.00  → telecom, central IT
//   6810 Telefoni       200:   150 000.00  → telecom, outside
//   6710 Övrigt okänt   100:    12 345.67  → no rule: unmapped, counts in central-IT cost only
//   3010 Intäkter       200: -10 000 000.00 → class 3, not a cost
// Total cost (classes 4–7) 52 462 346.17; central-IT cost 1 362 345.67; identified IT cost
// 2 450 000.50 (internal labour 1 000 000, software 1 000 000, hardware 250 000.50, telecom 200 000).
export const SMALL_LEDGER_ROWS: ReadonlyArray<[account: string, centre: string, amount: string]> = [
  ['5010', '100', '1000000.00'],
  ['5010', '200', '50000000.00'],
  ['6420', '100', '300000.00'],
  ['6420', '200', '700000.00'],
  ['6410', '200', '250000.50'],
  ['6810', '100', '50000.00'],
  ['6810', '200', '150000.00'],
  ['6710', '100', '12345.67'],
  ['3010', '200', '-10000000.00'],
];

export const SMALL_LEDGER_FIGURES = {
  totalCostOre: 5_246_234_617,
  centralItCostOre: 136_234_567,
  totalItOre: 245_000_050,
  pools: { internal_labour: 100_000_000, software: 100_000_000, hardware: 25_000_050, telecom: 20_000_000 },
  unmapped: [{ account: '6710', name: 'Övrigt okänt', amountOre: 1_234_567 }],
};

const ACCOUNT_NAMES: Record<string, string> = {
  '1930': 'Bank',
  '3010': 'Intäkter',
  '5010': 'Löner',
  '6410': 'Datorer',
  '6420': 'Licenser',
  '6710': 'Övrigt okänt',
  '6810': 'Telefoni',
};

/** An SIE 4 file (UTF-8 text; the importer sniffs it) with one balanced voucher per row. */
export function smallSie(options: { year?: number; rows?: ReadonlyArray<readonly [string, string, string]> } = {}): string {
  const year = options.year ?? 2025;
  const rows = options.rows ?? SMALL_LEDGER_ROWS;
  const lines = [
    '#FLAGGA 0',
    '#PROGRAM "Mogna test" 1.0',
    '#FORMAT PC8',
    '#SIETYP 4',
    '#FNAMN "Testkommun"',
    `#RAR 0 ${year}0101 ${year}1231`,
    '#DIM 1 "Kostnadsställe"',
    '#OBJEKT 1 "100" "IT-enheten"',
    '#OBJEKT 1 "200" "Skola"',
    ...Object.entries(ACCOUNT_NAMES).map(([account, name]) => `#KONTO ${account} "${name}"`),
  ];
  rows.forEach(([account, centre, amount], index) => {
    const negated = amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
    lines.push(`#VER A ${index + 1} ${year}0115 "Verifikation ${index + 1}"`, '{', `#TRANS ${account} {1 "${centre}"} ${amount}`, `#TRANS 1930 {} ${negated}`, '}');
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** The same ledger as a semicolon-separated CSV export with a decimal comma. */
export function smallCsv(): string {
  const lines = ['Konto;Kontonamn;Ansvar;Belopp;Datum'];
  for (const [account, centre, amount] of SMALL_LEDGER_ROWS) {
    lines.push(`${account};${ACCOUNT_NAMES[account] ?? ''};${centre};${amount.replace('.', ',')};2025-01-15`);
  }
  return `${lines.join('\n')}\n`;
}
