// Loads the Mellerud 2021 figures (test/fixtures/mellerud-2021) as answer sets of the
// formagekarta and informationssakerhet instruments, matching capabilities by their Swedish name.
import { readFileSync } from 'node:fs';
import type { AnswerSet, ItemAnswer } from '../../src/domain/instruments/answer-set.ts';
import type { Instrument } from '../../src/domain/instruments/instrument-schema.ts';
import { allCapabilities } from '../../src/domain/instruments/instrument-structure.ts';

const fixtureDir = new URL('../fixtures/mellerud-2021/', import.meta.url);

function readTsv(name: string): string[][] {
  return readFileSync(new URL(name, fixtureDir), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
}

export function mellerudCapabilityAnswers(formagekarta: Instrument): Map<string, ItemAnswer> {
  const byName = new Map(allCapabilities(formagekarta).map(({ capability }) => [capability.name.sv, capability.items[0]!.key]));
  const answers = new Map<string, ItemAnswer>();
  for (const [name, level] of readTsv('capability-map.tsv')) {
    const key = byName.get(name!);
    if (!key) throw new Error(`capability "${name}" of the fixture is not in the instrument`);
    answers.set(key, { value: Number(level) });
  }
  return answers;
}

/** The fixture's question keys → our item keys. */
const INFOSEC_ITEMS: Record<string, string> = {
  has_ciso: 'har-ciso',
  ciso_hours_per_week: 'ciso-timmar',
  management_review_practice: 'ledning-etablerat',
  risk_management_practice: 'risk-etablerat',
  information_classification_practice: 'klassning-etablerat',
  continuity_practice: 'kontinuitet-etablerat',
  staff_awareness_practice: 'medvetenhet-etablerat',
  security_in_procurement_practice: 'upphandling-etablerat',
  follow_up_of_common_practices: 'uppfoljning-etablerat',
};

export function mellerudInfosecAnswers(informationssakerhet: Instrument): AnswerSet {
  const answers = new Map<string, ItemAnswer>();
  const hours = informationssakerhet.scales['timmar'];
  for (const [question, answer] of readTsv('infosec.tsv')) {
    const key = INFOSEC_ITEMS[question!];
    if (!key) throw new Error(`unknown question ${question}`);
    if (answer === 'yes' || answer === 'no') answers.set(key, { value: answer === 'yes' ? 1 : 0 });
    else {
      const band = hours?.type === 'bands' ? hours.bands.find((candidate) => candidate.label.sv.startsWith(answer!.replace('-', '–'))) : undefined;
      if (!band) throw new Error(`no band for ${answer}`);
      answers.set(key, { value: band.value });
    }
  }
  return answers;
}
