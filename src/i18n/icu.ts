// Texts with placeholders are ICU messages (intl-messageformat): plurals, choices and numbers are
// written in the message, so a translator changes a text without touching code, and a later
// feature can let an organisation override a text (an invitation mail) with the same placeholders.
//
// The Swedish catalogue is the source: each message there is `icu<[name: string, n: number]>(text,
// 'name', 'n')`, which fixes the arguments' names, order and types. Other languages give only the
// text (a plain string with the same placeholders). Compiling a catalogue turns each message into a
// function with those arguments, so code calls `m.rounds.alreadyExists(name, year)` as before.
import { IntlMessageFormat } from 'intl-messageformat';

declare const argumentTypes: unique symbol;

export interface IcuMessage<A extends unknown[]> {
  readonly kind: 'icu';
  readonly text: string;
  /** The placeholders' names, in the order of the function's arguments. */
  readonly params: readonly string[];
  readonly [argumentTypes]?: A;
}

/**
 * A message of the source catalogue: its text and the names of its arguments, in call order.
 * A name ending in `:lower` is lower-cased before it is placed (a capability's or practice's name
 * inside a sentence), in every language, since ICU has no text transforms of its own.
 */
export function icu<A extends unknown[]>(text: string, ...params: { [K in keyof A]: string }): IcuMessage<A> {
  return { kind: 'icu', text, params: params as readonly string[] };
}

/** A longer message (a mail) whose placeholders come as one object of named values. */
export interface IcuValuesMessage<V> {
  readonly kind: 'icu-values';
  readonly text: string;
  readonly params: readonly string[];
  readonly [argumentTypes]?: V;
}

/** A message called with one object of named values, e.g. `m.mail.invitationBody({ org, link })`. */
export function icuValues<V extends Record<string, unknown>>(text: string, ...params: Array<keyof V & string>): IcuValuesMessage<V> {
  return { kind: 'icu-values', text, params };
}

function parseParam(param: string): { name: string; lower: boolean } {
  return param.endsWith(':lower') ? { name: param.slice(0, -':lower'.length), lower: true } : { name: param, lower: false };
}

function isIcuMessage(value: unknown): value is IcuMessage<unknown[]> | IcuValuesMessage<Record<string, unknown>> {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  return kind === 'icu' || kind === 'icu-values';
}

/** What code sees: every message a function returning a string, every other text as it is. */
export type Compiled<T> =
  T extends IcuMessage<infer A> ? (...args: A) => string
    : T extends IcuValuesMessage<infer V> ? (values: V) => string
    : T extends (...args: infer A) => unknown ? (...args: A) => string
    : T extends string ? string
      : T extends readonly unknown[] ? T
        : { [K in keyof T]: Compiled<T[K]> };

/** What a translation gives: the same shape, each message as its ICU text. */
export type Translation<T> =
  T extends IcuMessage<unknown[]> ? string
    : T extends IcuValuesMessage<unknown> ? string
    : T extends (...args: infer A) => unknown ? (...args: A) => string
    : T extends string ? string
      : T extends readonly unknown[] ? T
        : { [K in keyof T]: Translation<T[K]> };

/** The placeholder names a message text uses (arguments, plurals, selects), at any depth. */
export function placeholdersOf(text: string): Set<string> {
  const names = new Set<string>();
  const walk = (elements: unknown[]): void => {
    for (const element of elements as Array<{ type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }>) {
      // Types 1–6 are argument, number, date, time, select and plural; 0 literal, 7 '#'.
      if (element.type >= 1 && element.type <= 6 && typeof element.value === 'string') names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(text, 'sv-SE', undefined, { ignoreTag: true }).getAst());
  return names;
}

function compileMessage(message: IcuMessage<unknown[]> | IcuValuesMessage<Record<string, unknown>>, text: string, locale: string, languageTag: string, path: string): (...args: unknown[]) => string {
  let format: IntlMessageFormat;
  try {
    format = new IntlMessageFormat(text, languageTag, undefined, { ignoreTag: true });
  } catch (error) {
    throw new Error(`${locale} text ${path} is not a valid ICU message: ${(error as Error).message}`);
  }
  const params = message.params.map(parseParam);
  for (const name of placeholdersOf(text)) {
    if (!params.some((param) => param.name === name)) throw new Error(`${locale} text ${path} uses {${name}}, which is not one of ${params.map((param) => param.name).join(', ') || 'no placeholders'}`);
  }
  if (message.kind === 'icu-values') return (values: unknown) => String(format.format(values as Record<string, string>));
  return (...args: unknown[]) => {
    const values: Record<string, unknown> = {};
    params.forEach(({ name, lower }, index) => {
      const value = args[index];
      values[name] = lower && typeof value === 'string' ? value.toLowerCase() : value;
    });
    return String(format.format(values as Record<string, string>));
  };
}

/**
 * Builds the texts of one language (`locale`, formatted as `languageTag`; the registry passes
 * e.g. "en-GB") from the source catalogue and, for other languages, the translation. Every message
 * is parsed once, here; a text with a placeholder the source does not declare fails at start-up,
 * not in front of a user.
 */
export function compileCatalogue<T>(locale: string, source: T, translation?: Translation<T>, languageTag = locale): Compiled<T> {
  return compileNode(locale, languageTag, source, translation, '');
}

function compileNode<T>(locale: string, languageTag: string, source: T, translation: Translation<T> | undefined, path: string): Compiled<T> {
  if (isIcuMessage(source)) {
    const text = translation === undefined ? source.text : (translation as string);
    return compileMessage(source, text, locale, languageTag, path) as Compiled<T>;
  }
  // Texts without placeholders, lists, and the few messages still written as code.
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return (translation ?? source) as Compiled<T>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
    const translated = translation === undefined ? undefined : (translation as Record<string, unknown>)[key];
    const childPath = path ? `${path}.${key}` : key;
    if (translation !== undefined && translated === undefined) throw new Error(`${locale} text ${childPath} is missing`);
    out[key] = compileNode(locale, languageTag, value, translated as never, childPath);
  }
  return out as Compiled<T>;
}
