// `npm run bench`: runs every benchmark in turn and prints its figures. Benchmarks measure;
// they never fail a build (speed targets are read from these figures, not asserted in tests).
// Pass names to run a subset: `npm run bench -- survey`.
import { benches } from './benches.ts';

const wanted = process.argv.slice(2);
for (const bench of benches) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
  console.log(`\n=== ${bench.name}: ${bench.description}`);
  const started = performance.now();
  await bench.run();
  console.log(`(${bench.name} took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
