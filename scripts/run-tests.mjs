// Finds every *.test.ts / *.test.tsx under src/, test/ and scripts/ and runs them with node's
// test runner through tsx. (Node 20's --test takes no globs.) Extra arguments are passed on,
// e.g. `npm test -- --test-name-pattern=survey`; file paths narrow the run to those files.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out = []) {
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const args = process.argv.slice(2);
const explicitFiles = args.filter((arg) => /\.test\.tsx?$/.test(arg));
const flags = args.filter((arg) => !explicitFiles.includes(arg));
const files = explicitFiles.length > 0 ? explicitFiles : ['src', 'test', 'scripts'].flatMap((dir) => find(dir)).sort();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...flags, ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
