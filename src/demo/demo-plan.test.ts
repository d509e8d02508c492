import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { instrumentSchema, type Instrument } from '../domain/instruments/instrument-schema.ts';
import { itemIndex, itemsInOrder } from '../domain/instruments/instrument-structure.ts';
import { DEFAULT_INSTRUMENT_DIR, loadInstrumentCatalog } from '../catalogues/instrument-catalog.ts';
import { buildDemoPlan, DEMO_PASSWORD, type DemoPlan } from './demo-plan.ts';

// The 290 real kommuner (2024), by län. The demo's invented names must not be among them.
const REAL_KOMMUNER = [
  // Stockholm
  'Botkyrka', 'Danderyd', 'Ekerö', 'Haninge', 'Huddinge', 'Järfälla', 'Lidingö', 'Nacka', 'Norrtälje', 'Nykvarn',
  'Nynäshamn', 'Salem', 'Sigtuna', 'Sollentuna', 'Solna', 'Stockholm', 'Sundbyberg', 'Södertälje', 'Tyresö', 'Täby',
  'Upplands-Bro', 'Upplands Väsby', 'Vallentuna', 'Vaxholm', 'Värmdö', 'Österåker',
  // Uppsala
  'Enköping', 'Heby', 'Håbo', 'Knivsta', 'Tierp', 'Uppsala', 'Älvkarleby', 'Östhammar',
  // Södermanland
  'Eskilstuna', 'Flen', 'Gnesta', 'Katrineholm', 'Nyköping', 'Oxelösund', 'Strängnäs', 'Trosa', 'Vingåker',
  // Östergötland
  'Boxholm', 'Finspång', 'Kinda', 'Linköping', 'Mjölby', 'Motala', 'Norrköping', 'Söderköping', 'Vadstena',
  'Valdemarsvik', 'Ydre', 'Åtvidaberg', 'Ödeshög',
  // Jönköping
  'Aneby', 'Eksjö', 'Gislaved', 'Gnosjö', 'Habo', 'Jönköping', 'Mullsjö', 'Nässjö', 'Sävsjö', 'Tranås', 'Vaggeryd',
  'Vetlanda', 'Värnamo',
  // Kronoberg
  'Alvesta', 'Lessebo', 'Ljungby', 'Markaryd', 'Tingsryd', 'Uppvidinge', 'Växjö', 'Älmhult',
  // Kalmar
  'Borgholm', 'Emmaboda', 'Hultsfred', 'Högsby', 'Kalmar', 'Mönsterås', 'Mörbylånga', 'Nybro', 'Oskarshamn', 'Torsås',
  'Vimmerby', 'Västervik',
  // Gotland
  'Gotland',
  // Blekinge
  'Karlshamn', 'Karlskrona', 'Olofström', 'Ronneby', 'Sölvesborg',
  // Skåne
  'Bjuv', 'Bromölla', 'Burlöv', 'Båstad', 'Eslöv', 'Helsingborg', 'Hässleholm', 'Höganäs', 'Hörby', 'Höör', 'Klippan',
  'Kristianstad', 'Kävlinge', 'Landskrona', 'Lomma', 'Lund', 'Malmö', 'Osby', 'Perstorp', 'Simrishamn', 'Sjöbo',
  'Skurup', 'Staffanstorp', 'Svalöv', 'Svedala', 'Tomelilla', 'Trelleborg', 'Vellinge', 'Ystad', 'Åstorp', 'Ängelholm',
  'Örkelljunga', 'Östra Göinge',
  // Halland
  'Falkenberg', 'Halmstad', 'Hylte', 'Kungsbacka', 'Laholm', 'Varberg',
  // Västra Götaland
  'Ale', 'Alingsås', 'Bengtsfors', 'Bollebygd', 'Borås', 'Dals-Ed', 'Essunga', 'Falköping', 'Färgelanda', 'Grästorp',
  'Gullspång', 'Göteborg', 'Götene', 'Herrljunga', 'Hjo', 'Härryda', 'Karlsborg', 'Kungälv', 'Lerum', 'Lidköping',
  'Lilla Edet', 'Lysekil', 'Mariestad', 'Mark', 'Mellerud', 'Munkedal', 'Mölndal', 'Orust', 'Partille', 'Skara',
  'Skövde', 'Sotenäs', 'Stenungsund', 'Strömstad', 'Svenljunga', 'Tanum', 'Tibro', 'Tidaholm', 'Tjörn', 'Tranemo',
  'Trollhättan', 'Töreboda', 'Uddevalla', 'Ulricehamn', 'Vara', 'Vårgårda', 'Vänersborg', 'Åmål', 'Öckerö',
  // Värmland
  'Arvika', 'Eda', 'Filipstad', 'Forshaga', 'Grums', 'Hagfors', 'Hammarö', 'Karlstad', 'Kil', 'Kristinehamn',
  'Munkfors', 'Storfors', 'Sunne', 'Säffle', 'Torsby', 'Årjäng',
  // Örebro
  'Askersund', 'Degerfors', 'Hallsberg', 'Hällefors', 'Karlskoga', 'Kumla', 'Laxå', 'Lekeberg', 'Lindesberg',
  'Ljusnarsberg', 'Nora', 'Örebro',
  // Västmanland
  'Arboga', 'Fagersta', 'Hallstahammar', 'Kungsör', 'Köping', 'Norberg', 'Sala', 'Skinnskatteberg', 'Surahammar', 'Västerås',
  // Dalarna
  'Avesta', 'Borlänge', 'Falun', 'Gagnef', 'Hedemora', 'Leksand', 'Ludvika', 'Malung-Sälen', 'Mora', 'Orsa',
  'Rättvik', 'Smedjebacken', 'Säter', 'Vansbro', 'Älvdalen',
  // Gävleborg
  'Bollnäs', 'Gävle', 'Hofors', 'Hudiksvall', 'Ljusdal', 'Nordanstig', 'Ockelbo', 'Ovanåker', 'Sandviken', 'Söderhamn',
  // Västernorrland
  'Härnösand', 'Kramfors', 'Sollefteå', 'Sundsvall', 'Timrå', 'Ånge', 'Örnsköldsvik',
  // Jämtland
  'Berg', 'Bräcke', 'Härjedalen', 'Krokom', 'Ragunda', 'Strömsund', 'Åre', 'Östersund',
  // Västerbotten
  'Bjurholm', 'Dorotea', 'Lycksele', 'Malå', 'Nordmaling', 'Norsjö', 'Robertsfors', 'Skellefteå', 'Sorsele',
  'Storuman', 'Umeå', 'Vilhelmina', 'Vindeln', 'Vännäs', 'Åsele',
  // Norrbotten
  'Arjeplog', 'Arvidsjaur', 'Boden', 'Gällivare', 'Haparanda', 'Jokkmokk', 'Kalix', 'Kiruna', 'Luleå', 'Pajala',
  'Piteå', 'Älvsbyn', 'Överkalix', 'Övertorneå',
];

/** Small instrument with the two dimensions the generator relies on; reversed items in both. */
const fixtureInstrument: Instrument = instrumentSchema.parse({
  key: 'digital-mognad',
  version: '2026',
  name: { sv: 'Digital mognad', en: 'Digital maturity' },
  description: { sv: 'Testinstrument', en: 'Test instrument' },
  attribution: { sv: 'Egna texter', en: 'Own texts' },
  scales: {
    agree: {
      type: 'scale',
      min: 0,
      max: 6,
      labels: [
        { value: 0, label: { sv: 'Instämmer inte alls', en: 'Strongly disagree' } },
        { value: 6, label: { sv: 'Instämmer helt', en: 'Strongly agree' } },
      ],
      dontKnow: { sv: 'Vet inte', en: "Don't know" },
    },
  },
  defaultScale: 'agree',
  dimensions: [
    dimension('formaga', [
      ['strategi', ['styrning', 'ledarskap']],
      ['teknik', ['informationssakerhet', 'data']],
    ]),
    dimension('arv', [
      ['system', ['teknisk-skuld', 'integrationer']],
      ['kultur', ['arbetssatt']],
    ]),
  ],
  results: {
    capabilityDimension: 'formaga',
    legacyDimension: 'arv',
    quadrantThreshold: 3,
    quadrants: Object.fromEntries(
      ['A', 'B', 'C', 'D'].map((key) => [key, { title: text(key), description: text(key) }]),
    ),
  },
});

function text(word: string) {
  return { sv: word, en: word };
}

function dimension(key: string, categories: Array<[string, string[]]>) {
  return {
    key,
    name: text(key),
    description: text(key),
    categories: categories.map(([categoryKey, capabilities]) => ({
      key: categoryKey,
      name: text(categoryKey),
      description: text(categoryKey),
      capabilities: capabilities.map((capabilityKey) => ({
        key: capabilityKey,
        name: text(capabilityKey),
        help: text(capabilityKey),
        items: [1, 2, 3].map((n) => ({ key: `${capabilityKey}-${n}`, text: text(`${capabilityKey} ${n}`), reversed: n === 3 })),
      })),
    })),
  };
}

const CURRENT_YEAR = 2026;

function checkPlan(plan: DemoPlan, instrument: Instrument): void {
  const items = itemsInOrder(instrument);
  const scaleByItem = new Map(items.map((entry) => [entry.item.key, entry.scale]));
  for (const round of plan.rounds) {
    assert.equal(round.instrumentKey, instrument.key);
    assert.equal(round.instrumentVersion, instrument.version);
    for (const respondent of round.respondents) {
      const response = respondent.response;
      if (!response) continue;
      if (response.status === 'submitted') {
        assert.deepEqual(
          response.answers.map((answer) => answer.itemKey),
          items.map((entry) => entry.item.key),
          `${respondent.key} answered every item in order`,
        );
      } else {
        assert.ok(response.answers.length < items.length, `${respondent.key} in progress has not answered everything`);
      }
      for (const answer of response.answers) {
        const scale = scaleByItem.get(answer.itemKey);
        assert.ok(scale, `${answer.itemKey} is an item of the instrument`);
        if (answer.value === null) continue;
        assert.ok(Number.isInteger(answer.value), `${respondent.key} ${answer.itemKey} is an integer`);
        assert.ok(answer.value >= scale.min && answer.value <= scale.max, `${answer.value} lies on the scale`);
      }
    }
  }
}

/** Rough quadrant per member from the closed round: mean per dimension, reversed items turned. */
function quadrants(plan: DemoPlan, instrument: Instrument): Map<string, string> {
  const index = itemIndex(instrument);
  const threshold = instrument.results?.quadrantThreshold ?? 3;
  const result = new Map<string, string>();
  for (const round of plan.rounds.filter((candidate) => candidate.status === 'closed')) {
    const sums = { formaga: [0, 0], arv: [0, 0] };
    for (const respondent of round.respondents) {
      if (respondent.response?.status !== 'submitted') continue;
      for (const answer of respondent.response.answers) {
        const entry = index.get(answer.itemKey);
        if (!entry || answer.value === null) continue;
        const bucket = sums[entry.dimension.key as keyof typeof sums];
        if (!bucket) continue;
        const score = entry.item.reversed ? entry.scale.max + entry.scale.min - answer.value : answer.value;
        bucket[0] = (bucket[0] ?? 0) + score;
        bucket[1] = (bucket[1] ?? 0) + 1;
      }
    }
    const mean = (bucket: number[]) => (bucket[0] ?? 0) / (bucket[1] ?? 1);
    const high = mean(sums.formaga) >= threshold;
    const enabling = mean(sums.arv) >= threshold;
    result.set(round.orgKey, high ? (enabling ? 'D' : 'C') : enabling ? 'B' : 'A');
  }
  return result;
}

describe('buildDemoPlan', () => {
  const plan = buildDemoPlan({ instruments: [fixtureInstrument], currentYear: CURRENT_YEAR });

  it('is deterministic: the same options give the same plan', () => {
    const again = buildDemoPlan({ instruments: [fixtureInstrument], currentYear: CURRENT_YEAR });
    assert.deepEqual(again, plan);
    const otherSeed = buildDemoPlan({ instruments: [fixtureInstrument], currentYear: CURRENT_YEAR, seed: 7 });
    assert.notDeepEqual(otherSeed, plan);
  });

  it('builds quickly', () => {
    const started = performance.now();
    buildDemoPlan({ instruments: [fixtureInstrument], currentYear: CURRENT_YEAR, seed: 99 });
    assert.ok(performance.now() - started < 500);
  });

  it('has Demoförbundet and 14 members with invented names, fake org numbers and realistic sizes', () => {
    assert.equal(plan.federation.name, 'Demoförbundet');
    assert.equal(plan.federation.kind, 'kommunalforbund');
    assert.equal(plan.members.length, 14);
    const orgNumbers = [plan.federation.orgNumber, ...plan.members.map((member) => member.orgNumber)];
    assert.equal(new Set(orgNumbers).size, orgNumbers.length);
    for (const member of plan.members) {
      assert.equal(member.kind, 'kommun');
      assert.match(member.orgNumber, /^212000-\d{4}$/);
      assert.ok(member.inhabitants >= 4_000 && member.inhabitants <= 60_000);
      assert.match(member.emailDomain, /^[a-z]+\.example$/);
      const departments = member.units.filter((unit) => unit.parentKey === null);
      assert.ok(departments.length >= 4 && departments.length <= 7, `${member.key} has 4–7 förvaltningar`);
      const keys = new Set(member.units.map((unit) => unit.key));
      for (const unit of member.units) {
        if (unit.parentKey !== null) assert.ok(keys.has(unit.parentKey), `${unit.key} hangs under a förvaltning`);
      }
    }
  });

  it('invents member names that are not real kommuner, nor end in one', () => {
    assert.equal(REAL_KOMMUNER.length, 290);
    assert.equal(new Set(REAL_KOMMUNER).size, 290);
    const real = REAL_KOMMUNER.map((name) => name.toLowerCase());
    for (const member of plan.members) {
      assert.match(member.name, / kommun$/);
      const name = member.name.replace(/ kommun$/, '').toLowerCase();
      const clash = real.find((kommun) => name === kommun || name.endsWith(kommun));
      assert.equal(clash, undefined, `${member.name} looks like the real ${clash ?? ''}`);
    }
  });

  it('gives every member closed rounds two years ago and last year, and an open round this year', () => {
    assert.equal(plan.rounds.length, 42);
    for (const member of plan.members) {
      const rounds = plan.rounds.filter((round) => round.orgKey === member.key);
      assert.deepEqual(
        rounds.map((round) => [round.year, round.status]).sort(),
        [
          [CURRENT_YEAR - 2, 'closed'],
          [CURRENT_YEAR - 1, 'closed'],
          [CURRENT_YEAR, 'open'],
        ],
      );
    }
  });

  it('has 3–25 respondents in closed rounds, a small sample, and a unit with exactly two respondents', () => {
    const closed = plan.rounds.filter((round) => round.status === 'closed');
    for (const round of closed) {
      assert.ok(round.respondents.length >= 3 && round.respondents.length <= 25, `${round.key}: ${round.respondents.length}`);
      const submitted = round.respondents.filter((respondent) => respondent.response?.status === 'submitted');
      assert.ok(submitted.length >= round.respondents.length - 3, `${round.key}: most submitted`);
    }
    assert.ok(closed.some((round) => round.respondents.length <= 4), 'a member with only 3–4 respondents');
    assert.ok(
      closed.some((round) => round.respondents.some((respondent) => respondent.response?.status === 'in_progress')),
      'a few in progress',
    );
    const twoInAUnit = closed.some((round) => {
      const perUnit = new Map<string, number>();
      for (const respondent of round.respondents) {
        if (respondent.unitKey && respondent.response?.status === 'submitted') {
          perUnit.set(respondent.unitKey, (perUnit.get(respondent.unitKey) ?? 0) + 1);
        }
      }
      return [...perUnit.values()].includes(2);
    });
    assert.ok(twoInAUnit);
  });

  it('has open rounds with at most 60 % submitted, some in progress and some not started', () => {
    const open = plan.rounds.filter((round) => round.status === 'open');
    for (const round of open) {
      const submitted = round.respondents.filter((respondent) => respondent.response?.status === 'submitted').length;
      assert.ok(submitted <= 0.6 * round.respondents.length, `${round.key}: ${submitted}/${round.respondents.length}`);
    }
    const all = open.flatMap((round) => round.respondents);
    assert.ok(all.some((respondent) => respondent.response?.status === 'in_progress'));
    assert.ok(all.some((respondent) => respondent.response === null));
  });

  it('places respondents in units of their own member, with valid e-mails unique within a round', () => {
    for (const round of plan.rounds) {
      const member = plan.members.find((candidate) => candidate.key === round.orgKey);
      assert.ok(member);
      const unitKeys = new Set(member.units.map((unit) => unit.key));
      const emails = round.respondents.map((respondent) => respondent.email);
      assert.equal(new Set(emails).size, emails.length, `${round.key}: unique e-mails`);
      for (const respondent of round.respondents) {
        assert.match(respondent.email, /^[a-z0-9]+(?:[.-][a-z0-9]+)*@[a-z0-9-]+\.example$/);
        assert.ok(respondent.email.endsWith(`@${member.emailDomain}`));
        assert.ok(respondent.unitKey === null || unitKeys.has(respondent.unitKey));
        assert.ok(respondent.role.length > 0 && respondent.name.includes(' '));
      }
    }
    const respondentKeys = plan.rounds.flatMap((round) => round.respondents.map((respondent) => respondent.key));
    assert.equal(new Set(respondentKeys).size, respondentKeys.length);
  });

  it('answers on the scale, every item when submitted, with some "don\'t know"', () => {
    checkPlan(plan, fixtureInstrument);
    const values = plan.rounds.flatMap((round) =>
      round.respondents.flatMap((respondent) => respondent.response?.answers.map((answer) => answer.value) ?? []),
    );
    const dontKnow = values.filter((value) => value === null).length / values.length;
    assert.ok(dontKnow > 0.02 && dontKnow < 0.12, `don't know share ${dontKnow}`);
  });

  it('spreads the members over at least three quadrants, and mostly improves', () => {
    const found = quadrants(plan, fixtureInstrument);
    assert.ok(new Set(found.values()).size >= 3, [...found.entries()].join(' '));
    const improving = plan.members.filter((member) => member.profile.formaga >= member.profileLastYear.formaga);
    assert.ok(improving.length >= 10);
  });

  it('has demo accounts: an operator, a federation analyst, a coordinator per member and a viewer', () => {
    const byEmail = new Map(plan.users.map((user) => [user.email, user]));
    assert.equal(byEmail.size, plan.users.length);
    assert.equal(byEmail.get('operator@mogna.example')?.isOperator, true);
    assert.deepEqual(byEmail.get('analytiker@demoforbundet.example')?.memberships, [{ orgKey: plan.federation.key, role: 'analyst' }]);
    for (const member of plan.members) {
      assert.deepEqual(byEmail.get(`samordnare@${member.emailDomain}`)?.memberships, [{ orgKey: member.key, role: 'coordinator' }]);
    }
    assert.ok(plan.users.some((user) => user.memberships.some((membership) => membership.role === 'viewer')));
    assert.ok(plan.users.every((user) => user.password === DEMO_PASSWORD));
  });

  it('works with the real digital-mognad instrument once its file exists', (context) => {
    if (!existsSync(join(DEFAULT_INSTRUMENT_DIR, 'digital-mognad'))) return context.skip('no instrument file yet');
    const catalog = loadInstrumentCatalog();
    if (!catalog.get('digital-mognad')) return context.skip('no digital-mognad instrument yet');
    const instrument = catalog.require('digital-mognad');
    const real = buildDemoPlan({ instruments: catalog.list(), currentYear: CURRENT_YEAR });
    checkPlan(real, instrument);
    assert.ok(new Set(quadrants(real, instrument).values()).size >= 3);
  });
});
