// Streaming reader for SIE files (the Swedish "Standard Import och Export" format, types 3
// and 4) that keeps only the sum per account × cost centre for the fiscal year.
//
// - The file is read chunk by chunk and split into lines as it arrives; no more than one line
//   (plus a 64 KiB encoding window) is held at a time. Lines are split on the bytes, and plain
//   #TRANS, #VER and brace lines are read from the bytes; other lines are decoded first.
// - Encoding: see SniffingDecoder (PC8 = code page 437, UTF-8 with or without BOM).
// - Type 4: every #TRANS row of every #VER voucher counts, summed per account and the object of
//   the cost-centre dimension (dimension 1). #RTRANS is followed by an identical #TRANS in the
//   format, and #BTRANS marks a removed row, so neither is added. A voucher whose #TRANS rows
//   do not sum to 0 gives a warning, not an error.
// - Type 3: year-0 #PSALDO rows give the cost-centre figures; see `type3Rows` for how rows
//   without objects, rows with objects and #RES are combined without double counting.
// - Types 1 and 2 carry no objects: the import stops with NO_COST_CENTRE_DATA at #SIETYP.
import type { LedgerAggregate } from '../../domain/costs/ledger-aggregate.ts';
import { LedgerAggregateBuilder, WarningList } from '../../domain/costs/ledger-aggregate.ts';
import { addOre, hasMoreThanTwoDecimals, parseAmountOre } from '../../domain/costs/money.ts';
import { LedgerImportError } from './ledger-import-error.ts';
import type { LedgerImportOptions, LedgerImporter, LedgerSource } from './ledger-importer.ts';
import { meteredSource } from './metered-source.ts';
import { tokenizeSieLine, type SieField, type SieLine } from './sie-tokenizer.ts';
import { DecodeFailure, SniffingDecoder } from './sniffing-decoder.ts';

export interface SieImportOptions extends LedgerImportOptions {
  /** The dimension whose objects are cost centres; "1" (kostnadsställe) in the format. */
  costCentreDimension?: string;
}

/** Lines longer than this mean the input is not a line-oriented text file. */
export const MAX_SIE_LINE_LENGTH = 1024 * 1024;

export class SieImporter implements LedgerImporter<SieImportOptions> {
  readonly format = 'sie' as const;

  async import(source: LedgerSource, options: SieImportOptions = {}): Promise<LedgerAggregate> {
    return importSie(source, options);
  }
}

export const sieImporter = new SieImporter();

export async function importSie(source: LedgerSource, options: SieImportOptions = {}): Promise<LedgerAggregate> {
  const metered = meteredSource(source, options.onProgress);
  const decoder = new SniffingDecoder('cp437');
  const reader = new SieReader(options.costCentreDimension ?? '1', (bytes) => decoder.decodeBytes(bytes));
  // The start of a line whose end has not arrived yet (copied: a source may reuse its buffers).
  let rest: Buffer[] = [];
  let restBytes = 0;
  let restUnits = 0;

  // Whole chunks are split on byte 10 and read synchronously; a line is decoded only when it is
  // not a plain #TRANS row (see SieReader.bytes). Byte 10 is a line feed in every encoding read.
  const feed = (bytes: Buffer): void => {
    if (bytes.length === 0) return;
    let newline = bytes.indexOf(10);
    if (newline < 0) {
      rest.push(Buffer.from(bytes));
      restBytes += bytes.length;
      restUnits += decoder.decodedLength(bytes);
    } else {
      if (restBytes > 0) {
        rest.push(bytes.subarray(0, newline));
        const line = Buffer.concat(rest, restBytes + newline);
        rest = [];
        restBytes = 0;
        restUnits = 0;
        reader.bytes(line, 0, line.length);
      } else {
        reader.bytes(bytes, 0, newline);
      }
      let start = newline + 1;
      while ((newline = bytes.indexOf(10, start)) >= 0) {
        reader.bytes(bytes, start, newline);
        start = newline + 1;
      }
      if (start < bytes.length) {
        const piece = Buffer.from(bytes.subarray(start));
        rest.push(piece);
        restBytes = piece.length;
        restUnits = decoder.decodedLength(piece);
      }
    }
    if (restBytes > MAX_SIE_LINE_LENGTH && restLength() > MAX_SIE_LINE_LENGTH) {
      throw new LedgerImportError('LINE_TOO_LONG', reader.lineNumber + 1, `a line is longer than ${MAX_SIE_LINE_LENGTH} characters`);
    }
  };
  // The line so far in characters (UTF-16 units) as the text decoder would have emitted them.
  const restLength = (): number => restUnits - decoder.heldBackLength(Buffer.concat(rest.slice(-3)));
  const decodeFailure = (failure: DecodeFailure): LedgerImportError =>
    new LedgerImportError(
      'BAD_ENCODING',
      reader.lineNumber + 1 + decoder.heldNewlines + failure.newlinesBefore(),
      failure.message,
    );

  for await (const chunk of metered) {
    let parts: Buffer[];
    try {
      parts = decoder.writeBytes(chunk);
    } catch (error) {
      if (error instanceof DecodeFailure) throw decodeFailure(error);
      throw error;
    }
    for (const part of parts) feed(part);
  }
  let parts: Buffer[];
  try {
    parts = decoder.endBytes();
  } catch (error) {
    if (error instanceof DecodeFailure) throw decodeFailure(error);
    throw error;
  }
  for (const part of parts) feed(part);
  if (restBytes > 0) {
    const line = Buffer.concat(rest, restBytes);
    reader.bytes(line, 0, line.length);
  }
  return reader.finish({ fileHash: metered.digest(), byteCount: metered.bytesRead, encoding: decoder.encoding });
}

/** Labels that show a file is SIE at all (an HTML page or a CSV file has none of them). */
const IDENTIFYING_LABELS = new Set(['#FLAGGA', '#SIETYP', '#FORMAT', '#PROGRAM', '#GEN', '#KONTO', '#VER', '#RAR', '#FNAMN']);

/** Top-level labels that cannot appear inside a voucher: seeing one there means a lost "}". */
const TOP_LEVEL_LABELS = new Set([...IDENTIFYING_LABELS, '#OBJEKT', '#DIM', '#UNDERDIM', '#PSALDO', '#PBUDGET', '#RES', '#IB', '#UB', '#OIB', '#OUB', '#SRU', '#KTYP']);

// Only the fields used are split out: #TRANS account {objects} amount, #VER series number date.
const fieldCountFor = (label: string): number => (label === '#TRANS' ? 3 : label === '#VER' ? 3 : 6);

const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const BACKSLASH = 92;
const OPEN = 123;
const CLOSE = 125;
const OPEN_LINE: SieLine = { label: '{', fields: [], openBrace: false, openQuote: false };
const CLOSE_LINE: SieLine = { label: '}', fields: [], openBrace: false, openQuote: false };

/** The running sum of one account × cost centre; handed to the aggregate builder at the end. */
interface Cell {
  account: string;
  centre: string | null;
  sum: number;
}

/** Up to 4 ASCII bytes as one small integer (a leading 1 bit marks the length); -1 when longer. */
function shortKey(buffer: Buffer, start: number, end: number): number {
  if (end - start > 4) return -1;
  let key = 1;
  for (let index = start; index < end; index++) key = (key << 7) | (buffer[index] as number);
  return key;
}

/** A #VER line whose last token is a lone "{" opens its block on the same line. */
function endsWithOpeningBrace(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && text.charCodeAt(end) <= 32) end--;
  return end > 0 && text.charCodeAt(end) === 123 && text.charCodeAt(end - 1) <= 32;
}

interface PeriodBalances {
  /** Sum of rows with an empty object list. */
  withoutObjects: number;
  hasWithoutObjects: boolean;
  /** Sum of all rows with objects. */
  withObjects: number;
  hasWithObjects: boolean;
  /** Sum of rows whose list is exactly one cost-centre object, per cost centre. */
  costCentreOnly: Map<string, number>;
  /** Sum of rows whose list holds a cost-centre object (with or without others), per cost centre. */
  withCostCentre: Map<string, number>;
  /** Sum of rows with objects but no cost-centre object. */
  withoutCostCentre: number;
}

class SieReader {
  lineNumber = 0;
  private readonly builder = new LedgerAggregateBuilder();
  private readonly warnings = new WarningList();
  private readonly once = new Set<string>();
  private firstRecordSeen = false;
  private identified = false;
  private sieType: number | null = null;
  private fiscalYear: { start: string; end: string } | null = null;
  private compactYear: { start: string; end: string } | null = null;

  private voucherState: 'none' | 'afterVer' | 'open' = 'none';
  private voucherLine = 0;
  private voucherSum = 0;
  private voucherRows = 0;
  private voucherDate: string | null = null;
  private vouchersOutsideYear = 0;
  private transRows = 0;
  private skippedTransRows = 0;

  private readonly results = new Map<string, number>();
  private readonly balances = new Map<string, PeriodBalances>();
  private balanceRows = 0;

  /**
   * #TRANS sums per account × cost centre, in order of first use (the builder gets them in that
   * order at the end, so its rows come out as if each row had been added to it directly).
   * `cellsByKey` finds them from the bytes of short codes without making strings.
   */
  private readonly cells: Cell[] = [];
  private readonly cellsByText = new Map<string, Map<string | null, Cell>>();
  private readonly cellsByKey = new Map<number, Map<number, Cell>>();
  private readonly dimensionCodes: number[];
  private readonly dates = new Map<number, string>();

  constructor(
    private readonly costCentreDimension: string,
    private readonly decode: (bytes: Buffer) => string,
  ) {
    this.dimensionCodes = Array.from(costCentreDimension, (char) => char.charCodeAt(0));
  }

  /**
   * One line as bytes [start, end) of `buffer`. A #TRANS row inside a voucher, written plainly
   * (ASCII, an object list of plain or quoted items, an amount with at most two decimals), and
   * a brace line are read from the bytes; every other line is decoded and tokenized, which gives
   * the same result for these lines too.
   */
  bytes(buffer: Buffer, start: number, end: number): void {
    let index = start;
    while (index < end && (buffer[index] as number) <= SPACE) index++;
    if (index === end) {
      this.lineNumber++;
      return;
    }
    const first = buffer[index] as number;
    if (first === OPEN || first === CLOSE) {
      this.lineNumber++;
      this.parsed(first === OPEN ? OPEN_LINE : CLOSE_LINE);
      return;
    }
    if (first === HASH) {
      if (this.voucherState === 'open' ? this.transBytes(buffer, index, end) : this.voucherBytes(buffer, index, end)) return;
    }
    this.line(this.decode(buffer.subarray(start, end)));
  }

  /** A #VER line whose series, number and date are plain ASCII (quoted or not); false otherwise. */
  private voucherBytes(buffer: Buffer, from: number, end: number): boolean {
    if (
      !this.firstRecordSeen || from + 5 > end ||
      buffer[from + 1] !== 86 || buffer[from + 2] !== 69 || buffer[from + 3] !== 82 || (buffer[from + 4] as number) > SPACE
    ) {
      return false;
    }
    // Only the date (the third field) is used: see openVoucher.
    let date: string | undefined;
    let index = from + 5;
    for (let field = 0; field < 3; field++) {
      while (index < end && (buffer[index] as number) <= SPACE) index++;
      if (index >= end) break;
      let code = buffer[index] as number;
      if (code === OPEN) return false;
      let fieldStart: number;
      let fieldEnd: number;
      if (code === QUOTE) {
        fieldStart = ++index;
        for (;;) {
          if (index >= end) return false;
          code = buffer[index] as number;
          if (code === QUOTE) break;
          if (code === BACKSLASH || code >= 0x80) return false;
          index++;
        }
        fieldEnd = index++;
      } else {
        fieldStart = index;
        while (index < end) {
          code = buffer[index] as number;
          if (code <= SPACE) break;
          if (code >= 0x80) return false;
          index++;
        }
        fieldEnd = index;
      }
      if (field === 2) date = fieldEnd - fieldStart === 8 ? this.dateText(buffer, fieldStart) : '';
    }
    // endsWithOpeningBrace, on bytes: every byte of a multi-byte character is above 32.
    let last = end - 1;
    while (last >= from && (buffer[last] as number) <= SPACE) last--;
    const openBrace = last > from && buffer[last] === OPEN && (buffer[last - 1] as number) <= SPACE;
    this.lineNumber++;
    this.parsed({ label: '#VER', fields: date === undefined ? [] : ['', '', date], openBrace, openQuote: false });
    return true;
  }

  /** Eight ASCII bytes as a string; all-digit dates come from a cache. */
  private dateText(buffer: Buffer, start: number): string {
    let value = 0;
    for (let index = start; index < start + 8; index++) {
      const code = buffer[index] as number;
      if (code < 48 || code > 57) return buffer.toString('latin1', start, start + 8);
      value = value * 10 + (code - 48);
    }
    let text = this.dates.get(value);
    if (text === undefined) {
      text = buffer.toString('latin1', start, start + 8);
      if (this.dates.size < 4096) this.dates.set(value, text);
    }
    return text;
  }

  /** The fast #TRANS path; false (nothing done) when the line needs the tokenizer. */
  private transBytes(buffer: Buffer, from: number, end: number): boolean {
    // "#TRANS" followed by a space.
    if (
      from + 7 > end ||
      buffer[from + 1] !== 84 || buffer[from + 2] !== 82 || buffer[from + 3] !== 65 ||
      buffer[from + 4] !== 78 || buffer[from + 5] !== 83 || (buffer[from + 6] as number) > SPACE
    ) {
      return false;
    }
    let index = from + 7;
    while (index < end && (buffer[index] as number) <= SPACE) index++;
    // Account: a plain ASCII token.
    const accountStart = index;
    const firstAccount = buffer[index];
    if (firstAccount === QUOTE || firstAccount === OPEN) return false;
    while (index < end) {
      const code = buffer[index] as number;
      if (code <= SPACE) break;
      if (code >= 0x80) return false;
      index++;
    }
    const accountEnd = index;
    if (accountEnd === accountStart) return false;
    while (index < end && (buffer[index] as number) <= SPACE) index++;
    if (index >= end || buffer[index] !== OPEN) return false;
    index++;
    // Object list: pairs of dimension and object, plain or quoted (no \" escape), closed on the line.
    let items = 0;
    let centreStart = -1;
    let centreEnd = -1;
    let dimensionMatches = false;
    let closed = false;
    while (index < end) {
      let code = buffer[index] as number;
      if (code <= SPACE) {
        index++;
        continue;
      }
      if (code === CLOSE) {
        index++;
        closed = true;
        break;
      }
      let itemStart: number;
      let itemEnd: number;
      if (code === QUOTE) {
        itemStart = ++index;
        for (;;) {
          if (index >= end) return false;
          code = buffer[index] as number;
          if (code === QUOTE) break;
          if (code === BACKSLASH || code >= 0x80) return false;
          index++;
        }
        itemEnd = index++;
      } else {
        itemStart = index;
        while (index < end) {
          code = buffer[index] as number;
          if (code <= SPACE || code === CLOSE || code === QUOTE) break;
          if (code >= 0x80) return false;
          index++;
        }
        itemEnd = index;
      }
      if (items % 2 === 0) {
        dimensionMatches = centreStart < 0 && this.isCostCentreDimension(buffer, itemStart, itemEnd);
      } else if (dimensionMatches) {
        centreStart = itemStart;
        centreEnd = itemEnd;
        dimensionMatches = false;
      }
      items++;
    }
    if (!closed || items % 2 !== 0) return false;
    // Amount: [+-]digits[.digits], at most two decimals and 13 integer digits, then a space or the end.
    while (index < end && (buffer[index] as number) <= SPACE) index++;
    if (index >= end) return false;
    let negative = false;
    let code = buffer[index] as number;
    if (code === MINUS || code === PLUS) {
      negative = code === MINUS;
      index++;
    }
    let integer = 0;
    let integerDigits = 0;
    while (index < end) {
      code = buffer[index] as number;
      if (code < 48 || code > 57) break;
      integer = integer * 10 + (code - 48);
      integerDigits++;
      index++;
    }
    let fraction = 0;
    let fractionDigits = 0;
    if (index < end && buffer[index] === DOT) {
      index++;
      while (index < end) {
        code = buffer[index] as number;
        if (code < 48 || code > 57) break;
        fraction = fraction * 10 + (code - 48);
        fractionDigits++;
        index++;
      }
    }
    if (integerDigits + fractionDigits === 0 || integerDigits > 13 || fractionDigits > 2) return false;
    if (index < end && (buffer[index] as number) > SPACE) return false;
    if (fractionDigits === 1) fraction *= 10;
    let amount = integer * 100 + fraction;
    if (negative && amount !== 0) amount = -amount;

    this.lineNumber++;
    try {
      this.voucherSum = addOre(this.voucherSum, amount);
      this.voucherRows++;
      if (this.sieType === 3) {
        this.skippedTransRows++;
        return true;
      }
      const cell = this.cellFromBytes(buffer, accountStart, accountEnd, centreStart, centreEnd);
      cell.sum = addOre(cell.sum, amount);
    } catch (error) {
      if (error instanceof RangeError) {
        throw new LedgerImportError('AMOUNT_OUT_OF_RANGE', this.lineNumber, 'amounts add up beyond what can be counted exactly');
      }
      throw error;
    }
    this.transRows++;
    return true;
  }

  private cellFromBytes(buffer: Buffer, accountStart: number, accountEnd: number, centreStart: number, centreEnd: number): Cell {
    const accountKey = shortKey(buffer, accountStart, accountEnd);
    const centreKey = centreStart < 0 ? 0 : shortKey(buffer, centreStart, centreEnd);
    let byCentre = accountKey < 0 || centreKey < 0 ? undefined : this.cellsByKey.get(accountKey);
    let cell = byCentre?.get(centreKey);
    if (cell !== undefined) return cell;
    cell = this.cell(buffer.toString('latin1', accountStart, accountEnd), centreStart < 0 ? null : buffer.toString('latin1', centreStart, centreEnd));
    if (accountKey >= 0 && centreKey >= 0) {
      if (byCentre === undefined) {
        byCentre = new Map();
        this.cellsByKey.set(accountKey, byCentre);
      }
      byCentre.set(centreKey, cell);
    }
    return cell;
  }

  private cell(account: string, centre: string | null): Cell {
    let byCentre = this.cellsByText.get(account);
    if (byCentre === undefined) {
      byCentre = new Map();
      this.cellsByText.set(account, byCentre);
    }
    let cell = byCentre.get(centre);
    if (cell === undefined) {
      cell = { account, centre, sum: 0 };
      byCentre.set(centre, cell);
      this.cells.push(cell);
    }
    return cell;
  }

  private isCostCentreDimension(buffer: Buffer, start: number, end: number): boolean {
    const codes = this.dimensionCodes;
    if (end - start !== codes.length) return false;
    for (let offset = 0; offset < codes.length; offset++) if (buffer[start + offset] !== codes[offset]) return false;
    return true;
  }

  line(text: string): void {
    this.lineNumber++;
    const parsed = tokenizeSieLine(text, Number.POSITIVE_INFINITY, fieldCountFor);
    if (parsed === null) return;
    if (parsed.label === '#VER' && !parsed.openBrace) parsed.openBrace = endsWithOpeningBrace(text);
    this.parsed(parsed);
  }

  private parsed(parsed: SieLine): void {
    if (!this.firstRecordSeen) {
      this.firstRecordSeen = true;
      if (!parsed.label.startsWith('#') && parsed.label !== '{') {
        throw new LedgerImportError('NOT_SIE', this.lineNumber, 'the file does not start with an SIE record (#LABEL)');
      }
    }
    try {
      this.record(parsed);
    } catch (error) {
      if (error instanceof RangeError) {
        throw new LedgerImportError('AMOUNT_OUT_OF_RANGE', this.lineNumber, 'amounts add up beyond what can be counted exactly');
      }
      throw error;
    }
  }

  private record(line: SieLine): void {
    const { label } = line;
    if (!this.identified && IDENTIFYING_LABELS.has(label)) this.identified = true;

    if (this.voucherState === 'afterVer') {
      if (label === '{') {
        this.voucherState = 'open';
        return;
      }
      this.warnOnce('VOUCHER_WITHOUT_ROWS', this.voucherLine, 'a #VER voucher has no { } block of rows');
      this.voucherState = 'none';
    }

    if (this.voucherState === 'open') {
      switch (label) {
        case '#TRANS':
          this.trans(line);
          return;
        case '#RTRANS':
        case '#BTRANS':
          return;
        case '}':
          this.closeVoucher();
          return;
        default:
          if (label === '{' || TOP_LEVEL_LABELS.has(label)) {
            throw new LedgerImportError(
              'UNTERMINATED_VOUCHER',
              this.voucherLine,
              `the voucher starting on line ${this.voucherLine} is not closed with } before line ${this.lineNumber}`,
            );
          }
          return;
      }
    }

    switch (label) {
      case '{':
      case '}':
        throw new LedgerImportError('UNEXPECTED_BRACE', this.lineNumber, `"${label}" outside a voucher (no #VER before it)`);
      case '#TRANS':
      case '#RTRANS':
      case '#BTRANS':
        throw new LedgerImportError('BROKEN_TRANS', this.lineNumber, `${label} outside a voucher (missing #VER or {)`);
      case '#VER':
        this.openVoucher(line);
        return;
      case '#SIETYP':
        this.setType(line.fields[0]);
        return;
      case '#RAR':
        this.fiscalYearRecord(line.fields);
        return;
      case '#KONTO': {
        const [account, name] = line.fields;
        if (typeof account === 'string' && account !== '') this.builder.nameAccount(account, typeof name === 'string' ? name : '');
        return;
      }
      case '#OBJEKT': {
        const [dimension, id, name] = line.fields;
        if (dimension === this.costCentreDimension && typeof id === 'string' && id !== '') {
          this.builder.nameCostCentre(id, typeof name === 'string' ? name : '');
        }
        return;
      }
      case '#PSALDO':
        this.periodBalance(line);
        return;
      case '#RES':
        this.result(line.fields);
        return;
      default:
        if (!label.startsWith('#')) {
          this.warnOnce('IGNORED_LINE', this.lineNumber, 'a line that is not an SIE record was ignored');
        }
        return;
    }
  }

  private setType(field: SieField | undefined): void {
    const type = typeof field === 'string' && /^\d$/.test(field) ? Number(field) : Number.NaN;
    if (type === 1 || type === 2) {
      throw new LedgerImportError(
        'NO_COST_CENTRE_DATA',
        this.lineNumber,
        `SIE type ${type} has no cost-centre data; export type 4 (transactions) or type 3 (object balances)`,
      );
    }
    if (type !== 3 && type !== 4) {
      throw new LedgerImportError('UNSUPPORTED_SIE_TYPE', this.lineNumber, `unknown SIE type "${String(field ?? '')}"`);
    }
    this.sieType = type;
  }

  private fiscalYearRecord(fields: SieField[]): void {
    if (fields[0] !== '0') return;
    const start = sieDate(fields[1]);
    const end = sieDate(fields[2]);
    if (start !== null && end !== null && start <= end) {
      this.fiscalYear = { start, end };
      this.compactYear = { start: start.replace(/-/g, ''), end: end.replace(/-/g, '') };
    }
    else this.warnOnce('BAD_FISCAL_YEAR', this.lineNumber, '#RAR 0 has no valid start and end dates');
  }

  private openVoucher(line: SieLine): void {
    this.voucherLine = this.lineNumber;
    this.voucherSum = 0;
    this.voucherRows = 0;
    const date = line.fields[2];
    this.voucherDate = typeof date === 'string' && date.length === 8 ? date : null;
    this.voucherState = line.openBrace ? 'open' : 'afterVer';
  }

  private closeVoucher(): void {
    this.voucherState = 'none';
    if (this.voucherSum !== 0) {
      this.warnings.add(
        'UNBALANCED_VOUCHER',
        this.voucherLine,
        `the voucher on line ${this.voucherLine} does not balance (its rows sum to ${(this.voucherSum / 100).toFixed(2)})`,
      );
    }
    // Dates compare as YYYYMMDD text; a malformed date is simply not counted as outside.
    const year = this.compactYear;
    if (year !== null && this.voucherDate !== null && (this.voucherDate < year.start || this.voucherDate > year.end) && sieDate(this.voucherDate) !== null) {
      this.vouchersOutsideYear++;
    }
  }

  private trans(line: SieLine): void {
    const [account, second, third] = line.fields;
    if (typeof account !== 'string' || account === '') {
      throw new LedgerImportError('BROKEN_TRANS', this.lineNumber, '#TRANS has no account number');
    }
    let objects: string[];
    let amountText: SieField | undefined;
    if (Array.isArray(second)) {
      objects = second;
      amountText = third;
      if (line.openBrace) throw new LedgerImportError('BROKEN_TRANS', this.lineNumber, 'the object list of #TRANS is not closed with }');
    } else {
      objects = [];
      amountText = second;
      this.warnOnce('TRANS_WITHOUT_OBJECT_LIST', this.lineNumber, '#TRANS without an object list ({}); read as having no objects');
    }
    if (typeof amountText !== 'string') {
      throw new LedgerImportError('BROKEN_TRANS', this.lineNumber, '#TRANS has no amount');
    }
    if (objects.length % 2 !== 0) {
      throw new LedgerImportError('BROKEN_TRANS', this.lineNumber, 'the object list of #TRANS must hold dimension–object pairs');
    }
    const amount = parseAmountOre(amountText);
    if (Number.isNaN(amount)) {
      throw new LedgerImportError('BAD_NUMBER', this.lineNumber, `the #TRANS amount "${amountText}" is not a number`);
    }
    if (hasMoreThanTwoDecimals(amountText)) {
      this.warnOnce('ROUNDED_AMOUNT', this.lineNumber, `amounts with more than two decimals (e.g. "${amountText}") are rounded to öre`);
    }
    this.voucherSum = addOre(this.voucherSum, amount);
    this.voucherRows++;
    if (this.sieType === 3) {
      this.skippedTransRows++;
      return;
    }
    const cell = this.cell(account, costCentreOf(objects, this.costCentreDimension));
    cell.sum = addOre(cell.sum, amount);
    this.transRows++;
  }

  private periodBalance(line: SieLine): void {
    const [year, , account, objects, amountText] = line.fields;
    if (year !== '0') return;
    if (typeof account !== 'string' || account === '' || !Array.isArray(objects) || line.openBrace) {
      throw new LedgerImportError('BROKEN_RECORD', this.lineNumber, '#PSALDO must read: year period account {objects} amount');
    }
    if (typeof amountText !== 'string') {
      throw new LedgerImportError('BAD_NUMBER', this.lineNumber, '#PSALDO has no amount');
    }
    const amount = parseAmountOre(amountText);
    if (Number.isNaN(amount)) {
      throw new LedgerImportError('BAD_NUMBER', this.lineNumber, `the #PSALDO amount "${amountText}" is not a number`);
    }
    if (objects.length % 2 !== 0) {
      throw new LedgerImportError('BROKEN_RECORD', this.lineNumber, 'the object list of #PSALDO must hold dimension–object pairs');
    }
    let entry = this.balances.get(account);
    if (entry === undefined) {
      entry = {
        withoutObjects: 0,
        hasWithoutObjects: false,
        withObjects: 0,
        hasWithObjects: false,
        costCentreOnly: new Map(),
        withCostCentre: new Map(),
        withoutCostCentre: 0,
      };
      this.balances.set(account, entry);
    }
    this.balanceRows++;
    if (objects.length === 0) {
      entry.withoutObjects = addOre(entry.withoutObjects, amount);
      entry.hasWithoutObjects = true;
      return;
    }
    entry.withObjects = addOre(entry.withObjects, amount);
    entry.hasWithObjects = true;
    const centre = costCentreOf(objects, this.costCentreDimension);
    if (centre === null) {
      entry.withoutCostCentre = addOre(entry.withoutCostCentre, amount);
      return;
    }
    entry.withCostCentre.set(centre, addOre(entry.withCostCentre.get(centre) ?? 0, amount));
    if (objects.length === 2) entry.costCentreOnly.set(centre, addOre(entry.costCentreOnly.get(centre) ?? 0, amount));
  }

  private result(fields: SieField[]): void {
    const [year, account, amountText] = fields;
    if (year !== '0' || typeof account !== 'string' || account === '') return;
    const amount = typeof amountText === 'string' ? parseAmountOre(amountText) : Number.NaN;
    if (Number.isNaN(amount)) {
      throw new LedgerImportError('BAD_NUMBER', this.lineNumber, `the #RES amount "${String(amountText ?? '')}" is not a number`);
    }
    this.results.set(account, addOre(this.results.get(account) ?? 0, amount));
  }

  /**
   * Type 3: the year's figure per account × cost centre from #PSALDO (year 0, all periods).
   * Exports differ in what a row without objects ({}) means. In the format it is the account's
   * total, and each dimension breaks that total down separately — summing everything would
   * count the money once per dimension. Other programs write disjoint cells: the {} row is
   * only what has no object. #RES (the year's result per account) tells them apart:
   *  - with #RES: if the {} rows plus the object rows equal #RES (and {} alone does not), the
   *    rows are disjoint cells and every row with a cost-centre object counts for that cost
   *    centre; otherwise the {} rows are totals and only rows whose object list is exactly one
   *    cost centre count (or, for an account that has no such rows, the rows that combine a
   *    cost centre with other objects). What #RES has beyond the cost-centre rows stays
   *    without cost centre.
   *  - without #RES but with {} rows: the format's reading, {} rows are the total.
   *  - with neither: every row is its own cell.
   */
  private type3Rows(): void {
    const accounts = new Set([...this.results.keys(), ...this.balances.keys()]);
    for (const account of accounts) {
      const balances = this.balances.get(account);
      const result = this.results.get(account);
      if (balances === undefined) {
        if (result !== undefined) this.builder.add(account, null, result);
        continue;
      }
      let total: number;
      let cells: Map<string, number>;
      if (result !== undefined) {
        total = result;
        const disjoint =
          balances.hasWithObjects &&
          balances.withoutObjects + balances.withObjects === result &&
          balances.withoutObjects !== result;
        cells = disjoint ? balances.withCostCentre : costCentreBreakdown(balances);
        if (balances.withoutObjects !== result && balances.withoutObjects + balances.withObjects !== result) {
          this.warnings.add(
            'PERIOD_BALANCES_DIFFER',
            null,
            `the #PSALDO rows of account ${account} do not add up to its #RES; #RES is used as the account total`,
          );
        }
      } else if (balances.hasWithoutObjects) {
        total = balances.withoutObjects;
        cells = costCentreBreakdown(balances);
      } else {
        total = balances.withObjects;
        cells = balances.withCostCentre;
      }
      let assigned = 0;
      for (const [centre, amount] of cells) {
        this.builder.add(account, centre, amount);
        assigned = addOre(assigned, amount);
      }
      const remainder = total - assigned;
      if (remainder !== 0 || cells.size === 0) this.builder.add(account, null, remainder);
    }
  }

  finish(file: { fileHash: string; byteCount: number; encoding: LedgerAggregate['encoding'] }): LedgerAggregate {
    if (!this.firstRecordSeen) throw new LedgerImportError('EMPTY_FILE', null, 'the file is empty');
    if (this.voucherState === 'open') {
      throw new LedgerImportError(
        'UNTERMINATED_VOUCHER',
        this.voucherLine,
        `the file ends inside the voucher that starts on line ${this.voucherLine} (a { without its })`,
      );
    }
    if (!this.identified) throw new LedgerImportError('NOT_SIE', null, 'the file has none of the records an SIE file starts with');
    let type = this.sieType;
    if (type === null) {
      if (this.transRows === 0) {
        throw new LedgerImportError(
          'NO_COST_CENTRE_DATA',
          null,
          'the file has no #SIETYP, which means type 1 (no cost-centre data); export type 4 or type 3',
        );
      }
      type = 4;
      this.warnings.add('MISSING_SIETYP', null, 'the file has no #SIETYP; read as type 4 because it has vouchers');
    }
    for (const cell of this.cells) this.builder.add(cell.account, cell.centre, cell.sum);
    let rowCount = this.transRows;
    if (type === 3) {
      this.type3Rows();
      rowCount = this.balanceRows;
      if (this.skippedTransRows > 0) {
        this.warnings.add('TRANS_IN_TYPE_3', null, `${this.skippedTransRows} #TRANS rows in a type 3 file were not used`);
      }
    } else if (this.transRows === 0 && (this.balanceRows > 0 || this.results.size > 0)) {
      this.type3Rows();
      rowCount = this.balanceRows;
      this.warnings.add('TYPE_4_WITHOUT_VOUCHERS', null, 'the type 4 file has no vouchers; its period balances were used instead');
    }
    if (this.vouchersOutsideYear > 0) {
      this.warnings.add('VOUCHERS_OUTSIDE_YEAR', null, `${this.vouchersOutsideYear} vouchers are dated outside the fiscal year (#RAR 0); they are included`);
    }
    if (!this.builder.hasCostCentres()) {
      this.warnings.add('NO_COST_CENTRES', null, `no row has an object of dimension ${this.costCentreDimension} (cost centre)`);
    }
    return {
      format: 'sie',
      year: this.fiscalYear === null ? null : Number(this.fiscalYear.end.slice(0, 4)),
      fiscalYear: this.fiscalYear,
      sieType: type,
      encoding: file.encoding,
      accounts: this.builder.accounts(),
      costCentres: this.builder.costCentres(),
      rows: this.builder.rows(),
      rowCount,
      fileHash: file.fileHash,
      byteCount: file.byteCount,
      warnings: this.warnings.toArray(),
    };
  }

  private warnOnce(code: string, line: number | null, message: string): void {
    if (this.once.has(code)) return;
    this.once.add(code);
    this.warnings.add(code, line, message);
  }
}

/** In the "totals" reading: the one-object cost-centre rows, else the combined rows. */
function costCentreBreakdown(balances: PeriodBalances): Map<string, number> {
  return balances.costCentreOnly.size > 0 ? balances.costCentreOnly : balances.withCostCentre;
}

function costCentreOf(objects: readonly string[], dimension: string): string | null {
  for (let index = 0; index + 1 < objects.length; index += 2) {
    if (objects[index] === dimension) return objects[index + 1] ?? null;
  }
  return null;
}

/** "20210131" → "2021-01-31", or null when it is not a valid date. */
export function sieDate(field: SieField | undefined): string | null {
  if (typeof field !== 'string' || !/^\d{8}$/.test(field)) return null;
  const year = Number(field.slice(0, 4));
  const month = Number(field.slice(4, 6));
  const day = Number(field.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${field.slice(0, 4)}-${field.slice(4, 6)}-${field.slice(6, 8)}`;
}
