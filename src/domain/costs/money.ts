// Money is kept as integer öre everywhere in the cost analysis. Numbers are safe up to 2^53,
// i.e. about 90 000 billion SEK, so a plain `number` works as long as every step is an integer
// addition. These helpers are the only places where text becomes öre or öre becomes SEK.

/** Largest integer part (in SEK) accepted when parsing, keeping every sum far below 2^53 öre. */
const MAX_INTEGER_DIGITS = 13;

/**
 * Parses a plain decimal amount in SEK ("-1234.5", "+12", "0.07", ".5") to öre.
 * A dot is the only decimal separator (as in SIE). More than two decimals are rounded half away
 * from zero; see {@link hasMoreThanTwoDecimals}. Returns NaN when the text is not a number.
 */
export function parseAmountOre(text: string): number {
  const length = text.length;
  let index = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    index = 1;
  }
  let integer = 0;
  let integerDigits = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) break;
    integer = integer * 10 + (code - 48);
    integerDigits++;
    index++;
  }
  let fraction = 0;
  let fractionDigits = 0;
  let roundUp = false;
  if (index < length && text.charCodeAt(index) === 46 /* . */) {
    index++;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code < 48 || code > 57) break;
      if (fractionDigits < 2) fraction = fraction * 10 + (code - 48);
      else if (fractionDigits === 2) roundUp = code >= 53;
      fractionDigits++;
      index++;
    }
  }
  if (index !== length || integerDigits + fractionDigits === 0) return Number.NaN;
  if (integerDigits > MAX_INTEGER_DIGITS) {
    // Leading zeros do not count towards the limit.
    const significant = text.slice(negative || first === 43 ? 1 : 0).replace(/^0+/, '').split('.')[0] ?? '';
    if (significant.length > MAX_INTEGER_DIGITS) return Number.NaN;
  }
  if (fractionDigits === 1) fraction *= 10;
  let ore = integer * 100 + fraction + (roundUp ? 1 : 0);
  if (negative) ore = -ore;
  return ore === 0 ? 0 : ore; // never -0
}

/** True when a decimal text has more than two non-zero decimals (so öre rounding changed it). */
export function hasMoreThanTwoDecimals(text: string): boolean {
  const dot = text.indexOf('.');
  if (dot < 0 || text.length - dot - 1 <= 2) return false;
  for (let index = dot + 3; index < text.length; index++) {
    if (text.charCodeAt(index) !== 48) return true;
  }
  return false;
}

export type DecimalSeparator = ',' | '.';

const GROUPED = {
  ',': /^\d{1,3}(?:[ .\u00a0\u202f']\d{3})+(?:,\d+)?$/,
  '.': /^\d{1,3}(?:[ ,\u00a0\u202f']\d{3})+(?:\.\d+)?$/,
} as const;
const PLAIN = { ',': /^\d*(?:,\d*)?$/, '.': /^\d*(?:\.\d*)?$/ } as const;
const OTHER_SEPARATOR_DECIMAL = { ',': /^\d+\.\d{1,2}$/, '.': /^\d+,\d{1,2}$/ } as const;

/**
 * Parses an amount as accounting exports write it in a spreadsheet or CSV file: "1 234,56",
 * "-1.234,56", "1234.56", "1 234,56-", "−12", "(500)". `decimal` is the expected decimal
 * separator; a value like "12.50" is still read as twelve and a half when the other separator
 * is used with one or two decimals and no grouping. Returns NaN when the text is not a number.
 */
export function parseLocaleAmountOre(raw: string, decimal: DecimalSeparator = ','): number {
  let text = raw.trim();
  if (text === '') return Number.NaN;
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const sign = text.charAt(0);
  if (sign === '-' || sign === '\u2212' || sign === '+') {
    negative = negative !== (sign !== '+');
    text = text.slice(1).trim();
  } else if (text.endsWith('-') || text.endsWith('\u2212')) {
    negative = !negative;
    text = text.slice(0, -1).trim();
  }
  if (/\s?(?:kr|sek)$/i.test(text)) text = text.replace(/\s?(?:kr|sek)$/i, '').trim();
  let normalised: string;
  if (PLAIN[decimal].test(text)) {
    normalised = decimal === ',' ? text.replace(',', '.') : text;
  } else if (GROUPED[decimal].test(text)) {
    const [integerPart, fractionPart] = text.split(decimal);
    normalised = (integerPart ?? '').replace(/[^0-9]/g, '') + (fractionPart === undefined ? '' : `.${fractionPart}`);
  } else if (OTHER_SEPARATOR_DECIMAL[decimal].test(text)) {
    normalised = text.replace(',', '.');
  } else {
    return Number.NaN;
  }
  const ore = parseAmountOre(normalised);
  if (Number.isNaN(ore)) return ore;
  return negative && ore !== 0 ? -ore : ore;
}

/** Converts a spreadsheet number (already a float) to öre via its shortest decimal text. */
export function numberToOre(value: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const text = String(value);
  if (/e/i.test(text)) {
    if (Math.abs(value) < 0.005) return 0;
    return Number.NaN;
  }
  return parseAmountOre(text);
}

/** Öre to SEK as a number with at most two decimals, for output only. */
export function oreToSek(ore: number): number {
  return Math.round(ore) / 100;
}

/** Adds two öre amounts and refuses to leave the range where integers are exact. */
export function addOre(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('Amount out of range (sum exceeds 2^53 öre)');
  return sum;
}
