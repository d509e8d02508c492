// Loads the method's steps (method/<key>/<version>.yaml) once and answers which version a study
// year follows. A broken file stops start-up (the routes load it when they are registered) with
// a message naming the file and the path of each mistake, as the instrument catalogue does.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDataFileErrors, parseDataFile, type DataFileError } from '../domain/data-file.ts';
import { methodSchema, type Method } from '../domain/method/method-schema.ts';
import { compareVersions } from './instrument-catalog.ts';

const DEFAULT_METHOD_DIR = fileURLToPath(new URL('../../method/dimios-steps', import.meta.url));

export class MethodLoadError extends Error {
  constructor(readonly errors: DataFileError[]) {
    super(`Invalid method file(s):\n${formatDataFileErrors(errors)}`);
    this.name = 'MethodLoadError';
  }
}

export interface MethodCatalog {
  /** The newest version no later than the study year (the oldest one for a year before them all). */
  forYear(year: number): Method;
}

export function loadMethodCatalog(dir: string = DEFAULT_METHOD_DIR): MethodCatalog {
  const errors: DataFileError[] = [];
  const versions: Method[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/i.test(name)) continue;
    const path = join(dir, name);
    const result = parseDataFile(relative(process.cwd(), path) || path, readFileSync(path, 'utf8'), methodSchema);
    if (result.ok) versions.push(result.value);
    else errors.push(...result.errors);
  }
  if (errors.length > 0) throw new MethodLoadError(errors);
  if (versions.length === 0) throw new MethodLoadError([{ file: dir, path: '(folder)', message: 'no method file' }]);
  versions.sort((a, b) => compareVersions(a.version, b.version));
  return {
    forYear(year) {
      const fitting = versions.filter((method) => compareVersions(method.version, String(year + 1)) < 0);
      return fitting.at(-1) ?? versions[0]!;
    },
  };
}

let shipped: MethodCatalog | undefined;

/** The method shipped with the app, read on first use. */
export function shippedMethod(): MethodCatalog {
  shipped ??= loadMethodCatalog();
  return shipped;
}
