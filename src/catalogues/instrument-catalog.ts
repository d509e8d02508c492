// Loads every instrument file under a directory (default: ./instruments) once, validates it
// and answers look-ups by key and version. A broken file stops start-up with a message
// naming the file and the path of each mistake: better than serving half a questionnaire.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Instrument } from '../domain/instruments/instrument-schema.ts';
import { formatInstrumentErrors, parseInstrument, type InstrumentFileError } from '../domain/instruments/parse-instrument.ts';

export const DEFAULT_INSTRUMENT_DIR = fileURLToPath(new URL('../../instruments', import.meta.url));

export class InstrumentLoadError extends Error {
  constructor(readonly errors: InstrumentFileError[]) {
    super(`Invalid instrument file(s):\n${formatInstrumentErrors(errors)}`);
    this.name = 'InstrumentLoadError';
  }
}

export interface InstrumentCatalog {
  list(): Instrument[];
  /** The newest version when `version` is omitted. */
  get(key: string, version?: string): Instrument | undefined;
  require(key: string, version?: string): Instrument;
}

function instrumentFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...instrumentFiles(path));
    else if (/\.(ya?ml|json)$/i.test(name)) files.push(path);
  }
  return files;
}

/** Orders versions so that "2027" > "2026" and "2026.10" > "2026.9". */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function createInstrumentCatalog(instruments: Instrument[]): InstrumentCatalog {
  const byKey = new Map<string, Instrument[]>();
  for (const instrument of instruments) {
    const versions = byKey.get(instrument.key) ?? [];
    versions.push(instrument);
    versions.sort((a, b) => compareVersions(a.version, b.version));
    byKey.set(instrument.key, versions);
  }
  const get = (key: string, version?: string) => {
    const versions = byKey.get(key);
    if (!versions) return undefined;
    return version === undefined ? versions.at(-1) : versions.find((candidate) => candidate.version === version);
  };
  return {
    list: () => [...byKey.values()].flat(),
    get,
    require(key, version) {
      const instrument = get(key, version);
      if (!instrument) throw new Error(`Unknown instrument ${key}${version ? ` version ${version}` : ''}`);
      return instrument;
    },
  };
}

export function loadInstrumentCatalog(dir: string = DEFAULT_INSTRUMENT_DIR): InstrumentCatalog {
  const errors: InstrumentFileError[] = [];
  const instruments: Instrument[] = [];
  const seen = new Map<string, string>();
  for (const path of instrumentFiles(dir)) {
    const file = relative(process.cwd(), path) || path;
    const result = parseInstrument(file, readFileSync(path, 'utf8'));
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const id = `${result.instrument.key}@${result.instrument.version}`;
    const previous = seen.get(id);
    if (previous) {
      errors.push({ file, path: 'version', message: `${id} is also defined in ${previous}` });
      continue;
    }
    seen.set(id, file);
    instruments.push(result.instrument);
  }
  if (errors.length > 0) throw new InstrumentLoadError(errors);
  return createInstrumentCatalog(instruments);
}
