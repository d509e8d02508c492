// The list of benchmarks `npm run bench` runs. Each lives in its own file in this folder.
import { costPages } from './cost-pages.bench.ts';
import { jointAssessments } from './joint-assessments.bench.ts';
import { ledger } from './ledger.bench.ts';
import { reports } from './reports.bench.ts';
import { results } from './results.bench.ts';
import { survey } from './survey.bench.ts';
export interface Bench {
  name: string;
  description: string;
  run(): Promise<void>;
}

export const benches: Bench[] = [
  survey,
  ledger,
  costPages,
  jointAssessments,
  results,
  reports,
];
