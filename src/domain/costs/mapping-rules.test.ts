import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorCatalogue } from '../../app/errors.ts';
import { messages } from '../../i18n/messages.ts';
import { tbmV4 } from './cost-taxonomy.ts';
import { kommunBasRules, kommunBasRulesCsv } from '../../catalogues/kommun-bas-rules.ts';
import { accountKey, createRuleMatcher, formatMappingRulesCsv, MappingRulesError, parseMappingRulesCsv } from './mapping-rules.ts';

describe('mapping rules', () => {
  it('parses the RULES.csv header and keeps the order', () => {
    const rules = parseMappingRulesCsv('from,to,pool,name_contains\n6400,6499,software,LICENS\n6400,6499,hardware,\n', tbmV4);
    assert.deepEqual(
      rules.map((rule) => [rule.from, rule.to, rule.pool, rule.nameContains, rule.line]),
      [
        ['6400', '6499', 'software', 'licens', 2],
        ['6400', '6499', 'hardware', null, 3],
      ],
    );
  });

  it('accepts semicolons, a BOM, comments, blank lines and a comment column', () => {
    const rules = parseMappingRulesCsv('\uFEFFfrom;to;pool;name_contains;comment\n# a note\n\n5000;5999;internal_labour;;"Class 5; staff"\n', tbmV4);
    assert.equal(rules.length, 1);
    assert.equal(rules[0]?.comment, 'Class 5; staff');
  });

  it('names the line of a bad rule', () => {
    const bad = (text: string) => assert.throws(() => parseMappingRulesCsv(text, tbmV4), MappingRulesError);
    bad('');
    bad('account,pool\n6400,software\n');
    assert.throws(() => parseMappingRulesCsv('from,to,pool,name_contains\n6400,6499,software,\n64x0,6499,software,\n', tbmV4), /line 3: "from" must be an account number/);
    assert.throws(() => parseMappingRulesCsv('from,to,pool,name_contains\n6499,6400,software,\n', tbmV4), /line 2: "from" \(6499\) is greater/);
    assert.throws(() => parseMappingRulesCsv('from,to,pool,name_contains\n6400,6499,cloud,\n', tbmV4), /line 2: unknown pool "cloud"/);
  });

  it('gives each problem its own entry of the error catalogue, with a status and texts', () => {
    const problem = (text: string): MappingRulesError => {
      try {
        parseMappingRulesCsv(text, tbmV4);
      } catch (error) {
        assert.ok(error instanceof MappingRulesError);
        return error;
      }
      assert.fail(`no error for ${text}`);
    };
    const header = 'from,to,pool,name_contains\n';
    const cases: [string, string][] = [
      ['', 'mapping_rules_empty'],
      [header, 'mapping_rules_empty'],
      ['account,pool\n6400,software\n', 'mapping_rules_bad_header'],
      [`${header}64x0,6499,software,\n`, 'mapping_rules_bad_account'],
      [`${header}6499,6400,software,\n`, 'mapping_rules_bad_range'],
      [`${header}6400,6499,cloud,\n`, 'mapping_rules_unknown_pool'],
      [`${header}"6400,6499,software,\n`, 'mapping_rules_bad_csv'],
    ];
    for (const [text, code] of cases) {
      const error = problem(text);
      assert.equal(error.catalogueCode, code, text);
      assert.equal(error.catalogueCode, `mapping_${error.code.toLowerCase()}`);
      assert.equal(error.status, errorCatalogue[error.catalogueCode]);
      assert.equal(error.status, 400);
      for (const locale of ['sv', 'en'] as const) assert.ok(messages(locale).errors[error.catalogueCode].body.length > 0);
    }
  });

  it('compares accounts on the rule’s number of digits', () => {
    assert.equal(accountKey('64105', 4), 6410);
    assert.equal(accountKey('641', 4), 6410);
    assert.equal(accountKey('6410-2', 4), 6410);
    assert.equal(accountKey('A641', 4), null);
    const match = createRuleMatcher(parseMappingRulesCsv('from,to,pool,name_contains\n64,64,hardware,\n650,659,other,\n', tbmV4));
    assert.equal(match('6410', ''), 'hardware');
    assert.equal(match('64999', ''), 'hardware');
    assert.equal(match('6550', ''), 'other');
    assert.equal(match('6600', ''), null);
  });

  it('takes the first matching rule, with the name word case-insensitive', () => {
    const rules = parseMappingRulesCsv('from,to,pool,name_contains\n6400,6499,software,licens\n6400,6499,hardware,\n', tbmV4);
    const match = createRuleMatcher(rules);
    assert.equal(match('6420', 'Programlicenser'), 'software');
    assert.equal(match('6420', 'LICENSER'), 'software');
    assert.equal(match('6410', 'Datorer'), 'hardware');
    assert.equal(match('7000', 'Resor'), null);
  });

  it('round-trips through the CSV format', () => {
    const rules = parseMappingRulesCsv('from,to,pool,name_contains,comment\n6400,6499,software,licens,"a, b"\n', tbmV4);
    assert.deepEqual(parseMappingRulesCsv(formatMappingRulesCsv(rules), tbmV4), rules);
  });
});

describe('the default Kommun-Bas rules', () => {
  const match = createRuleMatcher(kommunBasRules());

  it('is a valid rule file with a comment on every rule', () => {
    assert.ok(kommunBasRules().length > 30);
    assert.ok(kommunBasRules().every((rule) => (rule.comment ?? '') !== ''));
    assert.match(kommunBasRulesCsv(), /^from,to,pool,name_contains,comment\n/);
  });

  const cases: [string, string, string | null][] = [
    ['5011', 'Månadsavlönade', 'internal_labour'],
    ['5610', 'Arbetsgivaravgifter', 'internal_labour'],
    ['57010', 'Pensionskostnader', 'internal_labour'],
    ['5011', 'Löner IT-tekniker, telefoni', 'internal_labour'],
    ['7510', 'Tillfälligt inhyrd personal', 'external_labour'],
    ['7430', 'IT-konsulttjänster', 'external_labour'],
    ['7450', 'Övriga främmande tjänster', 'outside_services'],
    ['4610', 'Köp av huvudverksamhet', 'outside_services'],
    ['6410', 'Datorer', 'hardware'],
    ['6350', 'Leasing datorer', 'hardware'],
    ['6451', 'Datatillbehör', 'hardware'],
    ['6420', 'Licenser', 'software'],
    ['6421', 'Programvaror', 'software'],
    ['7910', 'Avskrivning immateriella tillgångar', 'software'],
    ['6010', 'Lokalhyror', 'facilities_and_power'],
    ['6210', 'El', 'facilities_and_power'],
    ['6810', 'Telefoni', 'telecom'],
    ['6820', 'Datakommunikation', 'telecom'],
    ['6830', 'Porto', 'other'],
    ['6510', 'Kontorsmaterial', 'other'],
    ['7010', 'Resor', 'other'],
    ['7920', 'Avskrivning inventarier', 'other'],
    ['4310', 'Övrigt material', null],
    ['6710', 'Okänd grupp', null],
    ['3010', 'Försäljning', null],
    ['8410', 'Ränteintäkter', null],
  ];
  for (const [account, name, pool] of cases) {
    it(`maps ${account} ${name} to ${pool ?? 'nothing'}`, () => assert.equal(match(account, name), pool));
  }
});
