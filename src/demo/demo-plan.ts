// Builds the fictional demo federation that `npm start` seeds into an empty database: a
// kommunalförbund, 14 invented member municipalities with departments, users, and for each
// member closed rounds two years ago and last year and an open round this year full of
// generated answers.
// Pure and deterministic: the same options give the same plan; another module persists it.
import type { Instrument } from '../domain/instruments/instrument-schema.ts';
import { itemsInOrder, surveyPages, type ItemInContext } from '../domain/instruments/instrument-structure.ts';
import { compareVersions } from '../catalogues/instrument-catalog.ts';
import {
  DEMO_MEMBERS,
  DEPARTMENTS,
  FILLER_ROLES,
  FIRST_NAMES,
  IT_ROLES,
  LAST_NAMES,
  type DemoMemberDefinition,
  type MaturityProfile,
} from './demo-catalogue.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

;

export const DEMO_INSTRUMENT_KEY = 'digital-mognad';
export const DEFAULT_DEMO_SEED = 2026;
/** Every demo account uses this password; the README states it. */
export const DEMO_PASSWORD = 'demo-lösenord-2026';
const DEMO_FEDERATION_KEY = 'demoforbundet';

export interface DemoPlanOptions {
  /** Instruments to choose from; the newest version of `digital-mognad` is used. */
  instruments: Instrument[];
  currentYear: number;
  seed?: number;
}

interface DemoFederation {
  key: string;
  name: string;
  kind: 'kommunalforbund';
  orgNumber: string;
}

interface DemoUnit {
  key: string;
  name: string;
  /** null for a förvaltning, the förvaltning's key for an enhet. Parents come before children. */
  parentKey: string | null;
}

interface DemoMember {
  key: string;
  name: string;
  kind: 'kommun';
  orgNumber: string;
  inhabitants: number;
  /** E-mail domain of the member's people, e.g. "granasa.example". */
  emailDomain: string;
  units: DemoUnit[];
  /**
   * The member's "true" maturity this year on the 0–6 reference scale, in scoring direction
   * (reversed items already turned): the open round's answers are drawn around it. `arv`
   * high = enabling legacy, low = limiting. Scales other than 0–6 are mapped linearly.
   */
  profile: MaturityProfile;
  /** The same for last year: the closed round's answers are drawn around it. */
  profileLastYear: MaturityProfile;
}

type DemoMembershipRole = 'coordinator' | 'analyst' | 'viewer';

interface DemoUser {
  key: string;
  email: string;
  name: string;
  /** Plain text on purpose: these are published demo accounts. Hash before storing. */
  password: string;
  isOperator: boolean;
  memberships: Array<{ orgKey: string; role: DemoMembershipRole }>;
}

interface DemoAnswer {
  itemKey: string;
  /** On the item's scale, as the respondent clicked it (not reversed); null = "don't know". */
  value: number | null;
}

interface DemoResponse {
  status: 'in_progress' | 'submitted';
  /** Submitted: every item of the instrument. In progress: the items of the first pages. */
  answers: DemoAnswer[];
}

interface DemoRespondent {
  key: string;
  email: string;
  name: string;
  role: string;
  unitKey: string | null;
  /** null = invited but not started. */
  response: DemoResponse | null;
}

interface DemoRound {
  key: string;
  orgKey: string;
  year: number;
  name: string;
  status: 'open' | 'closed';
  instrumentKey: string;
  instrumentVersion: string;
  respondents: DemoRespondent[];
}

export interface DemoPlan {
  federation: DemoFederation;
  members: DemoMember[];
  users: DemoUser[];
  rounds: DemoRound[];
}

export function buildDemoPlan(options: DemoPlanOptions): DemoPlan {
  const random = createSeededRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const instrument = latestDemoInstrument(options.instruments);
  const model = createAnswerModel(instrument, random.fork('capability-offsets'));
  const lastYear = options.currentYear - 1;

  const members: DemoMember[] = [];
  const rounds: DemoRound[] = [];
  DEMO_MEMBERS.forEach((definition, index) => {
    const memberRandom = random.fork(`member:${definition.key}`);
    const tree = buildUnitTree(definition, memberRandom.fork('units'));
    const member: DemoMember = {
      key: definition.key,
      name: `${definition.name} kommun`,
      kind: 'kommun',
      orgNumber: fakeOrgNumber('212000', 11 + index * 6),
      inhabitants: definition.inhabitants,
      emailDomain: `${definition.domain}.example`,
      units: tree.units,
      profile: roundProfile(definition.profile),
      profileLastYear: roundProfile({
        formaga: definition.profile.formaga - definition.change.formaga,
        arv: definition.profile.arv - definition.change.arv,
      }),
    };
    members.push(member);

    const people = buildPeople(definition, member, tree, memberRandom.fork('people'));
    const capabilityNoise = model.memberCapabilityNoise(memberRandom.fork('capability-noise'));
    const roundOf = (year: number, status: 'open' | 'closed', respondents: Person[], statuses: Array<DemoResponse['status'] | null>, profile: MaturityProfile): DemoRound => {
      const key = `${member.key}-${year}`;
      const answerRandom = memberRandom.fork(`answers:${year}`);
      const means = model.capabilityMeans(profile, capabilityNoise, memberRandom.fork(`year-noise:${year}`));
      return {
        key,
        orgKey: member.key,
        year,
        name: `${instrument.name.sv} ${year}`,
        status,
        instrumentKey: instrument.key,
        instrumentVersion: instrument.version,
        respondents: respondents.map((person, i) => {
          const responseStatus = statuses[i] ?? null;
          return {
            key: `${key}-r${String(i + 1).padStart(2, '0')}`,
            email: person.email,
            name: person.name,
            role: person.role,
            unitKey: person.unitKey,
            response:
              responseStatus === null
                ? null
                : { status: responseStatus, answers: model.drawAnswers(means, person, responseStatus, answerRandom) },
          };
        }),
      };
    };

    const closed = people.closedRound;
    // Two years back, the same people and the same yearly change: the results pages of last year's
    // round then show a trend beside the federation benchmark (same instrument version, so every
    // capability is comparable; comparableWith is exercised by the scoring tests).
    const twoYearsAgo = roundProfile({
      formaga: member.profileLastYear.formaga - definition.change.formaga,
      arv: member.profileLastYear.arv - definition.change.arv,
    });
    rounds.push(roundOf(lastYear - 1, 'closed', closed, closedStatuses(closed, tree, memberRandom.fork('closed-statuses-earlier')), twoYearsAgo));
    rounds.push(roundOf(lastYear, 'closed', closed, closedStatuses(closed, tree, memberRandom.fork('closed-statuses')), member.profileLastYear));
    const open = openRespondents(definition, people, memberRandom.fork('open-respondents'));
    rounds.push(roundOf(options.currentYear, 'open', open, openStatuses(definition, open.length, memberRandom.fork('open-statuses')), member.profile));
  });

  return {
    federation: { key: DEMO_FEDERATION_KEY, name: 'Demoförbundet', kind: 'kommunalforbund', orgNumber: fakeOrgNumber('222000', 1) },
    members,
    users: buildUsers(members, random.fork('users')),
    rounds,
  };
}

function latestDemoInstrument(instruments: Instrument[]): Instrument {
  const versions = instruments
    .filter((instrument) => instrument.key === DEMO_INSTRUMENT_KEY)
    .sort((a, b) => compareVersions(a.version, b.version));
  const latest = versions.at(-1);
  if (!latest) throw new Error(`The demo needs the instrument "${DEMO_INSTRUMENT_KEY}"; none was given`);
  return latest;
}

/**
 * Swedish org number with a valid Luhn check digit. The serials 9xxx are chosen to stay clear
 * of the numbers real kommuner (212000-0xxx…3xxx) and kommunalförbund use.
 */
function fakeOrgNumber(prefix: string, serial: number): string {
  if (serial < 0 || serial > 99) throw new Error(`org number serial ${serial} out of range`);
  const nine = `${prefix}9${String(serial).padStart(2, '0')}`;
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    const product = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

function roundProfile(profile: MaturityProfile): MaturityProfile {
  return { formaga: Math.round(profile.formaga * 100) / 100, arv: Math.round(profile.arv * 100) / 100 };
}

/** "Åsa Ström" → "asa.strom": e-mail local parts and domains are plain ASCII. */
function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-');
}

// ---------------------------------------------------------------------------------------------
// Units

interface UnitTree {
  units: DemoUnit[];
  /** Kommunledningsförvaltningen. */
  leadership: DemoUnit;
  itUnit: DemoUnit;
  departments: DemoUnit[];
  enheter: DemoUnit[];
  /** The enhet that gets exactly two respondents last year, if the member has one. */
  twoRespondentUnit: DemoUnit | null;
}

function buildUnitTree(definition: DemoMemberDefinition, random: SeededRandom): UnitTree {
  const departmentCount = Math.min(7, Math.max(4, 4 + Math.round(definition.inhabitants / 15_000)));
  const [leadership, social, education, ...others] = DEPARTMENTS;
  if (!leadership || !social || !education) throw new Error('DEPARTMENTS needs at least three entries');
  const chosen = new Set([leadership, social, education, ...random.shuffle(others).slice(0, departmentCount - 3)]);

  const units: DemoUnit[] = [];
  const departments: DemoUnit[] = [];
  const enheter: DemoUnit[] = [];
  let itUnit: DemoUnit | undefined;
  let twoRespondentUnit: DemoUnit | null = null;
  for (const department of DEPARTMENTS.filter((candidate) => chosen.has(candidate))) {
    const departmentUnit: DemoUnit = { key: `${definition.key}-${department.slug}`, name: department.name, parentKey: null };
    units.push(departmentUnit);
    departments.push(departmentUnit);
    let subUnits;
    if (department === leadership) {
      const [it, ...rest] = department.units;
      subUnits = [it, ...random.shuffle(rest).slice(0, random.int(0, 2))];
    } else {
      const weighted = random.next();
      let count = weighted < 0.3 ? 0 : weighted < 0.6 ? 1 : weighted < 0.85 ? 2 : 3;
      if (department === social && definition.twoRespondentUnit) count = Math.max(count, 1);
      subUnits = random.shuffle(department.units).slice(0, count);
    }
    for (const sub of department.units.filter((candidate) => subUnits.includes(candidate))) {
      const unit: DemoUnit = { key: `${departmentUnit.key}-${sub.slug}`, name: sub.name, parentKey: departmentUnit.key };
      units.push(unit);
      enheter.push(unit);
      if (department === leadership && sub === department.units[0]) itUnit = unit;
      if (department === social && definition.twoRespondentUnit && !twoRespondentUnit) twoRespondentUnit = unit;
    }
  }
  const leadershipUnit = departments[0];
  if (!leadershipUnit || !itUnit) throw new Error('the leadership department and its IT-enhet are always created');
  return { units, leadership: leadershipUnit, itUnit, departments, enheter, twoRespondentUnit };
}

// ---------------------------------------------------------------------------------------------
// People

interface Person {
  name: string;
  email: string;
  role: string;
  unitKey: string | null;
}

interface People {
  /** Last year's respondents, in invitation order. */
  closedRound: Person[];
  /** People who join this year (new in post, or newly invited). */
  newcomers: Person[];
}

interface Position {
  role: string;
  unit: DemoUnit;
}

/**
 * The positions a coordinator typically invites, most likely first: the digitalisation
 * strategist and IT manager, the heads of department, then heads of unit and developers.
 */
function positionsFor(tree: UnitTree, count: number, random: SeededRandom): Position[] {
  const reserved = tree.twoRespondentUnit;
  const positions: Position[] = [
    { role: 'digitaliseringsstrateg', unit: tree.leadership },
    { role: 'IT-chef', unit: tree.itUnit },
  ];
  if (reserved) positions.push({ role: 'enhetschef', unit: reserved }, { role: 'verksamhetsutvecklare', unit: reserved });
  for (const department of random.shuffle(tree.departments.slice(1))) positions.push({ role: 'förvaltningschef', unit: department });
  positions.push({ role: 'kommundirektör', unit: tree.leadership });
  for (const enhet of random.shuffle(tree.enheter.filter((unit) => unit !== tree.itUnit && unit !== reserved))) {
    positions.push({ role: 'enhetschef', unit: enhet });
  }
  positions.push({ role: 'informationssäkerhetssamordnare', unit: tree.leadership }, { role: 'IT-strateg', unit: tree.itUnit });
  const open = tree.units.filter((unit) => unit !== reserved);
  while (positions.length < count) {
    const unit = random.pick(open);
    const role = random.pick(FILLER_ROLES);
    positions.push({ role: role === 'enhetschef' && unit.parentKey === null ? 'avdelningschef' : role, unit });
  }
  return positions.slice(0, count);
}

const NEWCOMERS = 4;

function buildPeople(definition: DemoMemberDefinition, member: DemoMember, tree: UnitTree, random: SeededRandom): People {
  const usedNames = new Set<string>();
  const positions = positionsFor(tree, definition.closedRespondents + NEWCOMERS, random.fork('positions'));
  const names = random.fork('names');
  const people = positions.map((position) => {
    const name = uniqueName(names, usedNames);
    const [first = '', ...rest] = name.split(' ');
    return {
      name,
      email: `${asciiFold(first)}.${asciiFold(rest.join(' '))}@${member.emailDomain}`,
      role: position.role,
      unitKey: position.unit.key,
    };
  });
  return { closedRound: people.slice(0, definition.closedRespondents), newcomers: people.slice(definition.closedRespondents) };
}

function uniqueName(random: SeededRandom, used: Set<string>): string {
  for (;;) {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    // Different names may fold to the same e-mail (Jonsson/Jönsson): keep both unique.
    if (!used.has(asciiFold(name))) {
      used.add(asciiFold(name));
      return name;
    }
  }
}

/** Last year: almost everyone submitted; a few left their answers half-done or never started. */
function closedStatuses(people: Person[], tree: UnitTree, random: SeededRandom): Array<DemoResponse['status'] | null> {
  const statuses: Array<DemoResponse['status'] | null> = people.map(() => 'submitted');
  // Small rounds and the two-respondent unit stay complete so the warnings they exist for show.
  if (people.length < 6) return statuses;
  const candidates = random.shuffle(
    people.map((person, index) => ({ person, index })).filter(({ person }) => person.unitKey !== tree.twoRespondentUnit?.key),
  );
  const inProgress = people.length >= 10 ? random.int(1, 2) : random.int(0, 1);
  const notStarted = people.length >= 15 ? random.int(0, 1) : 0;
  candidates.slice(0, inProgress).forEach(({ index }) => (statuses[index] = 'in_progress'));
  candidates.slice(inProgress, inProgress + notStarted).forEach(({ index }) => (statuses[index] = null));
  return statuses;
}

/** This year: most of last year's people again (some have left), plus a few newcomers. */
function openRespondents(definition: DemoMemberDefinition, people: People, random: SeededRandom): Person[] {
  const target = Math.min(25, Math.max(3, definition.closedRespondents + random.int(-1, 2)));
  const staying = people.closedRound.filter(() => random.chance(0.9)).slice(0, target);
  return [...staying, ...people.newcomers.slice(0, target - staying.length)];
}

/** This year's round is open: a share has submitted, some are half-way, the rest not started. */
function openStatuses(definition: DemoMemberDefinition, count: number, random: SeededRandom): Array<DemoResponse['status'] | null> {
  const submitted = Math.floor(definition.openSubmittedShare * count);
  const inProgress = Math.min(count - submitted, definition.openSubmittedShare === 0 ? 1 : random.int(1, 3));
  const statuses: Array<DemoResponse['status'] | null> = Array.from({ length: count }, (_, i) =>
    i < submitted ? 'submitted' : i < submitted + inProgress ? 'in_progress' : null,
  );
  return random.shuffle(statuses);
}

// ---------------------------------------------------------------------------------------------
// Users

function buildUsers(members: DemoMember[], random: SeededRandom): DemoUser[] {
  const used = new Set<string>();
  const user = (key: string, email: string, name: string, isOperator: boolean, memberships: DemoUser['memberships']): DemoUser => ({
    key,
    email,
    name,
    password: DEMO_PASSWORD,
    isOperator,
    memberships,
  });
  const firstMember = members[0];
  if (!firstMember) throw new Error('the demo has members');
  return [
    user('operator', 'operator@mogna.example', 'Mogna Operatör', true, []),
    user('federation-analyst', 'analytiker@demoforbundet.example', uniqueName(random, used), false, [
      { orgKey: DEMO_FEDERATION_KEY, role: 'analyst' },
    ]),
    ...members.map((member) =>
      user(`${member.key}-coordinator`, `samordnare@${member.emailDomain}`, uniqueName(random, used), false, [
        { orgKey: member.key, role: 'coordinator' },
      ]),
    ),
    user(`${firstMember.key}-viewer`, `lasare@${firstMember.emailDomain}`, uniqueName(random, used), false, [
      { orgKey: firstMember.key, role: 'viewer' },
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------
// Answers

const REFERENCE_MAX = 6;
/** Spread of the federation-wide capability offsets (uniform ±). */
const CAPABILITY_OFFSET = 0.9;
/** Member-specific deviation per capability (sd), the same in both years. */
const MEMBER_CAPABILITY_SD = 0.35;
/** Extra year-to-year wobble per capability (sd). */
const YEAR_SD = 0.12;
/** How much one respondent is more positive or negative than colleagues (sd). */
const RESPONDENT_SD = 0.5;
/** Noise of a single answer (sd). */
const ANSWER_SD = 0.8;
/** People in IT see the technical debt up close and rate the legacy a little lower. */
const IT_LEGACY_SHIFT = -0.3;
const DONT_KNOW = 0.03;
const DONT_KNOW_TECHNICAL_NON_IT = 0.1;
const TECHNICAL = /tekni|system|integr|infra|arkitekt|plattform|data|sakerhet|säkerhet|drift|it-/;

interface AnswerModel {
  memberCapabilityNoise(random: SeededRandom): Map<string, number>;
  /** Mean per capability on the 0–6 reference scale, scoring direction. */
  capabilityMeans(profile: MaturityProfile, noise: Map<string, number>, random: SeededRandom): Map<string, number>;
  drawAnswers(means: Map<string, number>, person: Person, status: DemoResponse['status'], random: SeededRandom): DemoAnswer[];
}

function createAnswerModel(instrument: Instrument, random: SeededRandom): AnswerModel {
  const items = itemsInOrder(instrument);
  const capabilityDimension = instrument.results?.capabilityDimension ?? 'formaga';
  const legacyDimension = instrument.results?.legacyDimension ?? 'arv';
  const capabilities = [...new Map(items.map((entry) => [entry.capability.key, entry])).values()];

  // Federation-wide offsets, centred per dimension so that the dimension mean stays the profile.
  const offsets = new Map<string, number>();
  for (const dimension of instrument.dimensions) {
    const inDimension = capabilities.filter((entry) => entry.dimension.key === dimension.key);
    const drawn = inDimension.map(() => random.between(-CAPABILITY_OFFSET, CAPABILITY_OFFSET));
    const mean = drawn.reduce((sum, value) => sum + value, 0) / Math.max(1, drawn.length);
    inDimension.forEach((entry, i) => offsets.set(entry.capability.key, (drawn[i] ?? 0) - mean));
  }

  const profileFor = (profile: MaturityProfile, dimensionKey: string) =>
    dimensionKey === capabilityDimension
      ? profile.formaga
      : dimensionKey === legacyDimension
        ? profile.arv
        : (profile.formaga + profile.arv) / 2;

  const isTechnical = (entry: ItemInContext) =>
    entry.dimension.key === legacyDimension || TECHNICAL.test(`${entry.category.key} ${entry.capability.key}`);

  // An in-progress respondent has answered the first pages of the questionnaire.
  const pageItemCounts = surveyPages(instrument).map((page) =>
    page.category.capabilities.reduce((sum, capability) => sum + capability.items.length, 0),
  );

  return {
    memberCapabilityNoise: (memberRandom) =>
      new Map(capabilities.map((entry) => [entry.capability.key, memberRandom.normal(0, MEMBER_CAPABILITY_SD)])),

    capabilityMeans: (profile, noise, yearRandom) =>
      new Map(
        capabilities.map((entry) => [
          entry.capability.key,
          profileFor(profile, entry.dimension.key) +
            (offsets.get(entry.capability.key) ?? 0) +
            (noise.get(entry.capability.key) ?? 0) +
            yearRandom.normal(0, YEAR_SD),
        ]),
      ),

    drawAnswers(means, person, status, answerRandom) {
      const isIt = IT_ROLES.has(person.role);
      const bias = answerRandom.normal(0, RESPONDENT_SD);
      let count = items.length;
      if (status === 'in_progress') {
        const pages = pageItemCounts.length > 1 ? answerRandom.int(1, pageItemCounts.length - 1) : 0;
        count = pages > 0 ? pageItemCounts.slice(0, pages).reduce((sum, n) => sum + n, 0) : Math.ceil(items.length / 2);
      }
      return items.slice(0, count).map((entry) => {
        const { item, scale } = entry;
        const technical = isTechnical(entry);
        const dontKnow = scale.dontKnow !== undefined && answerRandom.chance(technical && !isIt ? DONT_KNOW_TECHNICAL_NON_IT : DONT_KNOW);
        const reference =
          (means.get(entry.capability.key) ?? REFERENCE_MAX / 2) +
          bias +
          (isIt && entry.dimension.key === legacyDimension ? IT_LEGACY_SHIFT : 0) +
          answerRandom.normal(0, ANSWER_SD);
        if (dontKnow) return { itemKey: item.key, value: null };
        const span = scale.max - scale.min;
        const score = Math.min(scale.max, Math.max(scale.min, Math.round(scale.min + (reference * span) / REFERENCE_MAX)));
        // A reversed statement is negative: someone whose legacy enables change disagrees with it.
        return { itemKey: item.key, value: item.reversed ? scale.max + scale.min - score : score };
      });
    },
  };
}
