// Splits one SIE line into its label and fields, the way real exports write them:
//  - fields are separated by any run of spaces or tabs (also leading padding);
//  - a field in double quotes may contain spaces; \" inside it is a quote, any other
//    backslash is kept as it is ("1820\A012" stays as written);
//  - an object list is written in braces: {1 "200" 6 "P1"}, { "1" "1"}, {} or { };
//  - fields at the end of a record are optional, so the field count varies.
// A quoted string left open at the end of the line ends there (flagged). A brace list left open
// is flagged too: on a #VER line that is the voucher's opening brace written on the same line.

/** A field is a plain string or an object list (the strings inside the braces). */
export type SieField = string | string[];

export interface SieLine {
  /** The label as written, upper-cased: "#TRANS", "#VER". "{" and "}" for brace lines. */
  label: string;
  fields: SieField[];
  /** An object list was opened and not closed on this line. */
  openBrace: boolean;
  /** A quoted field was not closed on this line. */
  openQuote: boolean;
}

const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN = 123;
const CLOSE = 125;

/**
 * Tokenizes a line. Returns null for a blank line. `maxFields` (or `fieldsFor(label)`) stops after
 * that many fields: the hot #TRANS path needs only the first three.
 */
export function tokenizeSieLine(
  line: string,
  maxFields = Number.POSITIVE_INFINITY,
  fieldsFor?: (label: string) => number,
): SieLine | null {
  const length = line.length;
  let index = skipSpace(line, 0);
  if (index >= length) return null;

  const first = line.charCodeAt(index);
  if (first === OPEN || first === CLOSE) {
    return { label: first === OPEN ? '{' : '}', fields: [], openBrace: false, openQuote: false };
  }
  const labelStart = index;
  let lowerCase = false;
  while (index < length) {
    const code = line.charCodeAt(index);
    if (code <= SPACE) break;
    if (code >= 97 && code <= 122) lowerCase = true;
    index++;
  }
  const written = line.slice(labelStart, index);
  const label = lowerCase ? written.toUpperCase() : written;
  const limit = fieldsFor === undefined ? maxFields : Math.min(maxFields, fieldsFor(label));

  const fields: SieField[] = [];
  let openBrace = false;
  let openQuote = false;
  while (fields.length < limit) {
    index = skipSpace(line, index);
    if (index >= length) break;
    const code = line.charCodeAt(index);
    if (code === QUOTE) {
      const read = readQuoted(line, index + 1);
      fields.push(read.value);
      index = read.end;
      if (read.open) openQuote = true;
    } else if (code === OPEN) {
      const items: string[] = [];
      index++;
      let closed = false;
      while (index < length) {
        index = skipSpace(line, index);
        if (index >= length) break;
        const inner = line.charCodeAt(index);
        if (inner === CLOSE) {
          index++;
          closed = true;
          break;
        }
        if (inner === QUOTE) {
          const read = readQuoted(line, index + 1);
          items.push(read.value);
          index = read.end;
          if (read.open) openQuote = true;
        } else {
          const start = index;
          while (index < length) {
            const c = line.charCodeAt(index);
            if (c <= SPACE || c === CLOSE || c === QUOTE) break;
            index++;
          }
          items.push(line.slice(start, index));
        }
      }
      fields.push(items);
      if (!closed) openBrace = true;
    } else {
      const start = index;
      while (index < length && line.charCodeAt(index) > SPACE) index++;
      fields.push(line.slice(start, index));
    }
  }
  return { label, fields, openBrace, openQuote };
}

function skipSpace(line: string, from: number): number {
  let index = from;
  while (index < line.length && line.charCodeAt(index) <= SPACE) index++;
  return index;
}

function readQuoted(line: string, from: number): { value: string; end: number; open: boolean } {
  let index = from;
  let value = '';
  let chunkStart = from;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    if (code === BACKSLASH && line.charCodeAt(index + 1) === QUOTE) {
      value += line.slice(chunkStart, index) + '"';
      index += 2;
      chunkStart = index;
      continue;
    }
    if (code === QUOTE) {
      return { value: value + line.slice(chunkStart, index), end: index + 1, open: false };
    }
    index++;
  }
  return { value: value + line.slice(chunkStart), end: line.length, open: true };
}
