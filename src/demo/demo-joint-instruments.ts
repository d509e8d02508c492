// Demo answers to the joint assessments (information security and the capability map) for every
// member of the demo federation: deterministic (seeded), drawn around each member's maturity
// profile, with patterns a federation analyst should find — a handful of capabilities where many
// members are weak while one or two are strong (collaboration candidates), and information-
// security practices that only the more mature members have established.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ItemAnswer } from '../domain/instruments/answer-set.ts';
import type { Instrument } from '../domain/instruments/instrument-schema.ts';
import { allCapabilities } from '../domain/instruments/instrument-structure.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

const DEMO_JOINT_KEYS = ['informationssakerhet', 'formagekarta'] as const;

/** Capabilities most demo members struggle with, while one or two lead: the collaboration candidates. */
export const SHARED_WEAK_CAPABILITIES = [
  'avveckla',
  'sakerstalla-god-overlamning-mellan-medarbetare',
  'utvardera-insatser-resultat-och-effekter',
  'uppratthalla-it-och-informationssakerhet',
  'forsta-teknisk-miljo',
] as const;

const COMMENTS = [
  'Vi diskuterade länge och landade i den här nivån.',
  'Fungerar bra i vissa förvaltningar men inte i alla.',
  'Beroende av en enda person i dag.',
  'Ingår i nästa års verksamhetsplan.',
  'Här vill vi gärna samarbeta med andra kommuner.',
];

export interface DemoJointMember {
  key: string;
  /** Digital capability on the 0–6 reference scale (the member's maturity profile). */
  formaga: number;
}

export interface DemoJointAnswers {
  memberKey: string;
  instrumentKey: string;
  answers: Map<string, ItemAnswer>;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

function capabilityAnswers(instrument: Instrument, member: DemoJointMember, leaders: Set<string>, random: SeededRandom): Map<string, ItemAnswer> {
  const answers = new Map<string, ItemAnswer>();
  const base = (member.formaga / 6) * 4; // 0–6 → 0–4
  for (const { capability } of allCapabilities(instrument)) {
    const item = capability.items[0]!;
    let level: number;
    if ((SHARED_WEAK_CAPABILITIES as readonly string[]).includes(capability.key)) {
      level = leaders.has(`${member.key}/${capability.key}`) ? random.int(3, 4) : random.chance(0.8) ? random.int(0, 1) : 2;
    } else {
      level = clamp(Math.round(random.normal(base, 0.8)), 0, 4);
    }
    const answer: ItemAnswer = { value: level };
    if (level <= 2 && random.chance(0.6)) answer.target = clamp(level + random.int(1, 2), 0, 4);
    if (random.chance(0.06)) answer.comment = random.pick(COMMENTS);
    answers.set(item.key, answer);
  }
  return answers;
}

function infosecAnswers(member: DemoJointMember, random: SeededRandom): Map<string, ItemAnswer> {
  const answers = new Map<string, ItemAnswer>();
  const maturity = member.formaga / 6; // 0–1
  const hasCiso = random.chance(0.45 + maturity * 0.5);
  answers.set('har-ciso', { value: hasCiso ? 1 : 0 });
  if (hasCiso) answers.set('ciso-timmar', { value: clamp(Math.round(random.normal(maturity * 4.5, 1)), 1, 5) });
  // Easier practices first: the more mature a member, the further down the list it gets.
  const practices = ['medvetenhet', 'ledning', 'kontinuitet', 'risk', 'upphandling', 'klassning', 'uppfoljning'];
  practices.forEach((key, index) => {
    const established = random.chance(clamp(maturity * 1.3 - index * 0.12, 0.05, 0.95));
    answers.set(`${key}-etablerat`, { value: established ? 1 : 0 });
    if (established) answers.set(`${key}-grad`, { value: clamp(Math.round(random.normal(1 + maturity * 3, 0.7)), 1, 4) });
  });
  return answers;
}

/** Every member's joint answers to both instruments (pure and deterministic for a seed). */
export function buildDemoJointAnswers(instruments: { formagekarta: Instrument; informationssakerhet: Instrument }, members: DemoJointMember[], seed: number): DemoJointAnswers[] {
  const random = createSeededRandom(seed).fork('joint-instruments');
  // One or two of the most mature members lead in each shared weak capability.
  const byMaturity = [...members].sort((a, b) => b.formaga - a.formaga || (a.key < b.key ? -1 : 1));
  const leaders = new Set<string>();
  SHARED_WEAK_CAPABILITIES.forEach((capability, index) => {
    const count = index % 2 === 0 ? 1 : 2;
    for (let n = 0; n < count && byMaturity.length > 0; n += 1) leaders.add(`${byMaturity[(index + n) % Math.min(4, byMaturity.length)]!.key}/${capability}`);
  });
  return members.flatMap((member) => {
    const own = random.fork(member.key);
    return [
      { memberKey: member.key, instrumentKey: 'informationssakerhet', answers: infosecAnswers(member, own.fork('infosec')) },
      { memberKey: member.key, instrumentKey: 'formagekarta', answers: capabilityAnswers(instruments.formagekarta, member, leaders, own.fork('map')) },
    ];
  });
}

/**
 * Adds both joint instruments to each member's round of `year` (creating a closed round
 * "Gemensamma bedömningar <year>" where there is none) and submits them through the round's
 * joint respondent. Runs inside the seeder's transaction.
 */
export async function insertDemoJointAssessments(
  trx: Transaction<Database>,
  input: {
    instruments: { formagekarta: Instrument; informationssakerhet: Instrument };
    members: Array<DemoJointMember & { id: string }>;
    year: number;
    seed: number;
    newId: () => string;
  },
): Promise<{ rounds: number; answers: number }> {
  const all = buildDemoJointAnswers(input.instruments, input.members, input.seed);
  const openedAt = new Date(Date.UTC(input.year, 2, 1, 9)).toISOString();
  const submittedAt = new Date(Date.UTC(input.year, 3, 10, 15)).toISOString();
  let answers = 0;
  let created = 0;
  for (const member of input.members) {
    const existing = await trx.selectFrom('rounds').select('id').where('organisation_id', '=', member.id).where('year', '=', input.year).orderBy('created_at').executeTakeFirst();
    let roundId = existing?.id;
    if (!roundId) {
      roundId = input.newId();
      created += 1;
      await trx
        .insertInto('rounds')
        .values({ id: roundId, organisation_id: member.id, year: input.year, name: `Gemensamma bedömningar ${input.year}`, status: 'closed', open_link_token: null, anonymity_threshold: 3, created_at: openedAt, opened_at: openedAt, closed_at: submittedAt })
        .execute();
    }
    await trx
      .insertInto('round_instruments')
      .values(DEMO_JOINT_KEYS.map((key) => ({ round_id: roundId, organisation_id: member.id, year: input.year, instrument_key: key, instrument_version: input.instruments[key].version })))
      .execute();
    const respondentId = input.newId();
    await trx
      .insertInto('respondents')
      .values({ id: respondentId, round_id: roundId, email: null, name: null, role: null, unit_id: null, via_open_link: 0, invited_at: null, reminded_at: null, created_at: openedAt, joint: 1 })
      .execute();
    for (const entry of all.filter((candidate) => candidate.memberKey === member.key)) {
      const responseId = input.newId();
      await trx
        .insertInto('responses')
        .values({ id: responseId, round_id: roundId, respondent_id: respondentId, instrument_key: entry.instrumentKey, instrument_version: input.instruments[entry.instrumentKey as (typeof DEMO_JOINT_KEYS)[number]].version, status: 'submitted', started_at: openedAt, updated_at: submittedAt, submitted_at: submittedAt })
        .execute();
      const rows = [...entry.answers].map(([itemKey, answer]) => ({
        response_id: responseId,
        item_key: itemKey,
        value: answer.value,
        dont_know: answer.value === null ? 1 : 0,
        target_value: answer.target ?? null,
        comment: answer.comment ?? null,
      }));
      await trx.insertInto('answers').values(rows).execute();
      answers += rows.length;
    }
  }
  return { rounds: created, answers };
}
