import { normalizeCompany, normalizeName } from '../../../lambda/src/domain/normalize';
import { toStateCode } from '../../../lambda/src/domain/us-states';
import { ContactDetails, SlotTypeNames } from '../../../lambda/src/interaction';
import {
  aliasesOf,
  DIRECTORY_COLUMNS,
  type DirectoryRow,
  loadLanguageModel,
  loadSampleDirectory,
  loadSkillManifest,
  type ModelIntent,
  type SlotType,
} from '../../support/skill-package';
import { modelUnderstands } from '../../support/model-understanding';

const model = loadLanguageModel('en-US');
const { header, rows } = loadSampleDirectory();

const SLOT_REFERENCE = /\{([^{}]*)\}/g;
/** The built-in slot types this model may use; Alexa rejects a misspelled one only at build time. */
const BUILT_IN_SLOT_TYPES = new Set([
  'AMAZON.Ordinal',
  'AMAZON.NUMBER',
  'AMAZON.US_STATE',
  'AMAZON.US_CITY',
  'AMAZON.Person',
]);

function slotReferences(sample: string): string[] {
  return [...sample.matchAll(SLOT_REFERENCE)].map((match) => match[1] ?? '');
}

function intentNamed(name: string): ModelIntent {
  const intent = model.intents.find((candidate) => candidate.name === name);
  if (!intent) throw new Error(`The model has no ${name}`);
  return intent;
}

function slotTypeNamed(name: string): SlotType {
  const type = model.types?.find((candidate) => candidate.name === name);
  if (!type) throw new Error(`The model has no slot type ${name}`);
  return type;
}

function spokenNamesOf(value: SlotType['values'][number]): string[] {
  return [value.name.value, ...(value.name.synonyms ?? [])];
}

function fullNameOf(row: DirectoryRow): string {
  return `${row.first_name} ${row.last_name}`;
}

describe('the en-US interaction model', () => {
  it('is invoked as "front desk", a name Alexa accepts', () => {
    // Prepare
    const forbiddenWords = ['alexa', 'amazon', 'echo', 'skill', 'app', 'open', 'ask', 'tell', 'launch'];

    // Act
    const words = model.invocationName.split(' ');

    // Assess
    expect(model.invocationName).toBe('front desk');
    expect(model.invocationName).toMatch(/^[a-z]+( [a-z]+)+$/);
    expect(words.filter((word) => forbiddenWords.includes(word))).toEqual([]);
  });

  it('declares every slot that a sample refers to', () => {
    const undeclared = model.intents.flatMap((intent) =>
      (intent.samples ?? []).flatMap((sample) =>
        slotReferences(sample)
          .filter((slot) => !intent.slots?.some((declared) => declared.name === slot))
          .map((slot) => `${intent.name}: "${sample}" uses {${slot}}`),
      ),
    );

    expect(undeclared).toEqual([]);
  });

  it('gives every slot a type that is built in or defined in the model, and defines no unused type', () => {
    const definedTypes = new Set((model.types ?? []).map((type) => type.name));
    const usedTypes = new Set(model.intents.flatMap((intent) => (intent.slots ?? []).map((slot) => slot.type)));

    const unknown = [...usedTypes].filter((type) => !definedTypes.has(type) && !BUILT_IN_SLOT_TYPES.has(type));
    const unused = [...definedTypes].filter((type) => !usedTypes.has(type));

    expect(unknown).toEqual([]);
    expect(unused).toEqual([]);
  });

  it('never maps the same sample to two intents, or twice to one', () => {
    // Prepare
    const owners = new Map<string, string[]>();

    // Act
    for (const intent of model.intents) {
      for (const sample of intent.samples ?? []) {
        const key = sample.toLowerCase().replace(/\s+/g, ' ').trim();
        owners.set(key, [...(owners.get(key) ?? []), intent.name]);
      }
    }

    // Assess
    const repeated = [...owners].filter(([, intents]) => intents.length > 1);
    expect(repeated).toEqual([]);
  });

  it('writes samples the way Alexa takes them: lower case words, no digits or symbols, slots set apart', () => {
    // A slot glued to a suffix ("{name}'s") is not accepted in a sample; the possessive arrives inside
    // the name slot instead ("jane doe's"), where the name matcher strips it.
    const malformed = model.intents.flatMap((intent) =>
      (intent.samples ?? []).filter((sample) => {
        const words = sample.replace(SLOT_REFERENCE, ' ');
        const slotsSetApart = !/[^\s]\{|\}[^\s]/.test(sample);
        return !/^[a-z' .-]*$/.test(words) || !slotsSetApart || sample !== sample.trim();
      }),
    );

    expect(malformed).toEqual([]);
  });

  it('gives ContactDetailsIntent at least forty samples, with and without a name and a detail', () => {
    const samples = intentNamed('ContactDetailsIntent').samples ?? [];
    const withBoth = samples.filter((sample) => sample.includes('{name}') && sample.includes('{detail}'));
    const nameOnly = samples.filter((sample) => sample.includes('{name}') && !sample.includes('{detail}'));
    const detailOnly = samples.filter((sample) => !sample.includes('{name}') && sample.includes('{detail}'));

    expect(samples.length).toBeGreaterThanOrEqual(40);
    expect(withBoth.length).toBeGreaterThanOrEqual(10);
    expect(nameOnly).toEqual(expect.arrayContaining(['{name}', 'how do i reach {name}', 'tell me about {name}']));
    expect(detailOnly).toEqual(expect.arrayContaining(['what about her {detail}', 'and {detail}']));
  });

  it('lets "which one?" be answered with an ordinal, a company, or a name and a company', () => {
    const samples = intentNamed('ChooseContactIntent').samples ?? [];

    expect(samples).toEqual(
      expect.arrayContaining(['the {ordinal} one', '{ordinal}', 'the one at {company}', '{name} from {company}']),
    );
  });

  it('defines exactly the contact details the code knows, each heard in words no other detail uses', () => {
    // Prepare
    const values = slotTypeNamed(SlotTypeNames.contactDetail).values;
    const words = values.flatMap((value) => spokenNamesOf(value).map((word) => word.toLowerCase()));

    // Act
    const ids = values.map((value) => value.id).sort();

    // Assess
    expect(ids).toEqual([...ContactDetails].sort());
    expect(words.filter((word, index) => words.indexOf(word) !== index)).toEqual([]);
    expect(words).toEqual(expect.arrayContaining(['phone number', 'e-mail', 'office location', 'employer', 'job title']));
  });

  it('gives every company its normalized key as id, and no company a synonym of another', () => {
    const values = slotTypeNamed(SlotTypeNames.companyName).values;
    const words = values.flatMap((value) => spokenNamesOf(value).map((word) => normalizeName(word)));

    const misnamed = values.filter((value) => normalizeCompany(value.name.value) !== value.id);

    expect(misnamed).toEqual([]);
    expect(words.filter((word, index) => words.indexOf(word) !== index)).toEqual([]);
  });
});

describe('the sample directory and the interaction model', () => {
  const contactNames = slotTypeNamed(SlotTypeNames.contactName).values;

  it('names every sample contact by full name and by each alias, resolving to the contact id', () => {
    const missing = rows.flatMap((row) => {
      const value = contactNames.find((candidate) => candidate.id === row.id);
      const spoken = value ? spokenNamesOf(value) : [];
      const expected = [
        fullNameOf(row),
        ...aliasesOf(row).flatMap((alias) => [alias, `${alias} ${row.last_name}`]),
      ];
      return expected.filter((name) => !spoken.includes(name)).map((name) => `${row.id}: ${name}`);
    });

    expect(missing).toEqual([]);
  });

  it('names each contact only by its own names, so a shared name resolves to exactly the people who share it', () => {
    const foreign = contactNames.flatMap((value) => {
      const row = rows.find((candidate) => candidate.id === value.id);
      if (!row) return [`${value.id}: not in the sample directory`];
      const own = new Set(
        [fullNameOf(row), ...aliasesOf(row).flatMap((alias) => [alias, `${alias} ${row.last_name}`])].map(
          normalizeName,
        ),
      );
      own.add(normalizeName(`${fullNameOf(row)} at ${row.company}`));
      return spokenNamesOf(value)
        .filter((name) => !own.has(normalizeName(name)))
        .map((name) => `${value.id}: ${name}`);
    });

    expect(foreign).toEqual([]);
    expect(contactNames).toHaveLength(rows.length);
  });

  it('resolves "jane doe", a full name shared at two companies, to both contacts', () => {
    const matches = contactNames.filter((value) =>
      spokenNamesOf(value).some((name) => name.toLowerCase() === 'jane doe'),
    );

    expect(matches.map((value) => value.id).sort()).toEqual(['c001', 'c008']);
  });

  it('lists every sample company under its normalized key, and no other', () => {
    const companyIds = slotTypeNamed(SlotTypeNames.companyName).values.map((value) => value.id);
    const directoryKeys = new Set(rows.filter((row) => row.company).map((row) => normalizeCompany(row.company)));

    expect([...companyIds].sort()).toEqual([...directoryKeys].sort());
    expect(companyIds).toContain('barnes and noble');
  });
});

describe('the sample directory', () => {
  it('has the contract columns and unique ids', () => {
    const ids = rows.map((row) => row.id);

    expect(header).toEqual([...DIRECTORY_COLUMNS]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^c\d{3}$/.test(id))).toBe(true);
  });

  it('exercises the naming cases the skill must handle', () => {
    const firstNames = rows.map((row) => row.first_name);
    const companiesByFullName = new Map<string, Set<string>>();
    for (const row of rows) {
      const companies = companiesByFullName.get(fullNameOf(row)) ?? new Set<string>();
      companiesByFullName.set(fullNameOf(row), companies.add(row.company));
    }
    const peoplePerCompany = new Map<string, number>();
    for (const row of rows) peoplePerCompany.set(row.company, (peoplePerCompany.get(row.company) ?? 0) + 1);

    expect(rows.length).toBeGreaterThanOrEqual(36);
    expect(firstNames.filter((name) => name === 'Jane').length).toBeGreaterThanOrEqual(3);
    expect(firstNames.filter((name) => name === 'John').length).toBeGreaterThanOrEqual(2);
    expect(companiesByFullName.get('Jane Doe')?.size).toBe(2);
    expect(rows.some((row) => row.last_name.includes("'"))).toBe(true);
    expect(rows.some((row) => row.first_name.includes('-') && row.last_name.includes('-'))).toBe(true);
    expect(rows.filter((row) => /[^\x20-\x7e]/.test(fullNameOf(row))).length).toBeGreaterThanOrEqual(3);
    expect(rows.some((row) => row.company.includes('&'))).toBe(true);
    expect(rows.some((row) => /[<"]/.test(row.title))).toBe(true);
    expect(rows.filter((row) => row.aliases).length).toBeGreaterThanOrEqual(4);
    expect(peoplePerCompany.get('Acme Corp.')).toBe(7);
  });

  // Fiction ranges: 555-01xx in North America, Ofcom's 020 7946 0xxx in London, the
  // Bundesnetzagentur's 030 23125 xxx in Berlin.
  it('holds only fictional contact data: 555-01xx phone numbers and example domains', () => {
    const realLooking = rows.filter(
      (row) =>
        (row.phone &&
          !/555\D?01\d\d$/.test(row.phone) &&
          !/^\+44 20 7946 0\d{3}$/.test(row.phone) &&
          !/^\+49 30 23125 \d{3}$/.test(row.phone)) ||
        (row.email && !/@([a-z0-9-]+\.)*example\.(com|org|net)$/.test(row.email)),
    );

    expect(realLooking).toEqual([]);
  });

  it('writes states as USPS codes and as full names, all of them real', () => {
    const states = rows.map((row) => row.state).filter((state) => state);

    expect(states.filter((state) => toStateCode(state) === undefined)).toEqual([]);
    expect(states.some((state) => /^[A-Z]{2}$/.test(state))).toBe(true);
    expect(states.some((state) => state.length > 2)).toBe(true);
  });
});

describe('the skill manifest', () => {
  const { manifest } = loadSkillManifest();

  it('shows en-US example phrases that the model understands', () => {
    // Prepare
    const publishing = manifest.publishingInformation.locales['en-US'];
    const invocation = model.invocationName;

    // Act
    const misunderstood = (publishing?.examplePhrases ?? []).filter((phrase) => {
      const spoken = phrase.toLowerCase().replace(/[.?!]+$/, '');
      if (spoken === `alexa, open ${invocation}`) return false;
      const prefix = `alexa, ask ${invocation} `;
      if (!spoken.startsWith(prefix)) return true;
      const request = spoken.slice(prefix.length);
      const withoutConnector = request.replace(/^(to|for|about|whether|if) /, '');
      return !modelUnderstands(model, request) && !modelUnderstands(model, withoutConnector);
    });

    // Assess
    expect(publishing?.name).toBe('Front Desk');
    expect(publishing?.examplePhrases.length).toBeGreaterThanOrEqual(1);
    expect(publishing?.examplePhrases.length).toBeLessThanOrEqual(3);
    expect(misunderstood).toEqual([]);
  });

  it('points the endpoint at the placeholder that the deploy script replaces, never at a real account', () => {
    expect(manifest.manifestVersion).toBe('1.0');
    expect(manifest.apis.custom.endpoint.uri).toBe('arn:aws:lambda:REGION:ACCOUNT_ID:function:FUNCTION_NAME');
  });
});
