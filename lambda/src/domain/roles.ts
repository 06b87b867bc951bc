import { normalizeName } from './normalize';

/**
 * Roles as people say them and as titles write them. A title and a spoken role meet on role keys:
 * the title's words, normalized ("Chief Technology Officer" and "CTO" are the same words, "Head of
 * Sales" and "Sales Director" too), singular ("designers" is "designer"), without the small words,
 * and in alphabetical order, so "operations director" finds "Director of Operations". The importer
 * files every contact under the keys of each run of up to {@link MAX_ROLE_WORDS} words of its
 * title; a question asks for the key of what was said, then for its words one at a time.
 */

/** Runs of up to three title words are indexed: "chief technology officer", not every subset. */
export const MAX_ROLE_WORDS = 3;

/** Abbreviations spoken or written in titles, as the words they stand for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  ceo: 'chief executive officer',
  cto: 'chief technology officer',
  cfo: 'chief financial officer',
  coo: 'chief operating officer',
  cmo: 'chief marketing officer',
  cio: 'chief information officer',
  vp: 'vice president',
  svp: 'senior vice president',
  evp: 'executive vice president',
  hr: 'human resources',
  pm: 'project manager',
  ux: 'user experience',
  rep: 'representative',
  reps: 'representative',
  dev: 'developer',
  devs: 'developer',
};

/** Words that name the same role: the key uses the one on the right. */
const SYNONYMS: Readonly<Record<string, string>> = {
  head: 'director',
  chief: 'chief',
  lead: 'lead',
  leader: 'lead',
  salesperson: 'sale',
  salesman: 'sale',
  saleswoman: 'sale',
  selling: 'sale',
  front: 'front',
  reception: 'receptionist',
  receptionists: 'receptionist',
  design: 'designer',
  technology: 'technology',
  technical: 'technology',
  tech: 'technology',
  engineering: 'engineer',
  developer: 'engineer',
  programmer: 'engineer',
  lawyer: 'counsel',
  attorney: 'counsel',
  legal: 'counsel',
  recruiting: 'recruiter',
  hiring: 'recruiter',
  purchasing: 'buyer',
  procurement: 'buyer',
  finance: 'financial',
  marketer: 'marketing',
  assistant: 'assistant',
  secretary: 'assistant',
  boss: 'owner',
};

/** German role words as the English titles of the directory write them. */
const GERMAN_WORDS: Readonly<Record<string, string>> = {
  empfang: 'receptionist',
  empfangs: 'receptionist',
  empfangskraft: 'receptionist',
  empfangsdame: 'receptionist',
  empfangsmitarbeiter: 'receptionist',
  empfangsmitarbeiterin: 'receptionist',
  rezeption: 'receptionist',
  rezeptionist: 'receptionist',
  rezeptionistin: 'receptionist',
  designerin: 'designer',
  designerinnen: 'designer',
  gestalter: 'designer',
  gestalterin: 'designer',
  vertrieb: 'sale',
  verkauf: 'sale',
  vertriebs: 'sale',
  vertriebsleiter: 'director sale',
  vertriebsleiterin: 'director sale',
  verkaufsleiter: 'director sale',
  verkaufsleiterin: 'director sale',
  leiter: 'director',
  leiterin: 'director',
  leitung: 'director',
  chef: 'director',
  chefin: 'director',
  technik: 'technology',
  technischer: 'technology',
  entwickler: 'engineer',
  entwicklerin: 'engineer',
  ingenieur: 'engineer',
  ingenieurin: 'engineer',
  anwalt: 'counsel',
  anwaltin: 'counsel',
  jurist: 'counsel',
  juristin: 'counsel',
  recht: 'counsel',
  personal: 'human resources',
  einkauf: 'buyer',
  einkaufer: 'buyer',
  einkauferin: 'buyer',
  assistent: 'assistant',
  assistentin: 'assistant',
  sekretar: 'assistant',
  sekretarin: 'assistant',
  buroleiter: 'office manager',
  buroleiterin: 'office manager',
  inhaber: 'owner',
  inhaberin: 'owner',
  geschaftsfuhrer: 'chief executive officer',
  geschaftsfuhrerin: 'chief executive officer',
  marketingleiter: 'director marketing',
  marketingleiterin: 'director marketing',
  berater: 'consultant',
  beraterin: 'consultant',
  manager: 'manager',
  managerin: 'manager',
  der: '',
  die: '',
  das: '',
  den: '',
  unser: '',
  unsere: '',
  unseren: '',
  unserer: '',
  von: '',
  fur: '',
  bei: '',
  im: '',
  ist: '',
};

/** Words that carry no role: "the head of sales", "our receptionist", "someone in marketing". */
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'for',
  'in',
  'of',
  'on',
  'our',
  'the',
  'to',
  'with',
  'my',
  'your',
  'someone',
  'somebody',
  'person',
  'people',
  'guy',
  'one',
  'ones',
  'whoever',
  'handles',
  'handle',
  'does',
  'do',
]);

/** A word's entry in a table, never a property every object has ("constructor", "__proto__"). */
function lookUp(table: Readonly<Record<string, string>>, word: string): string | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

/** "designers" → "designer", "secretaries" → "secretary", "sales" → "sale"; "business" stays. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) {
    return word.slice(0, -1);
  }
  return word;
}

/** A phrase as role words, in order: normalized, abbreviations spelled out, synonyms merged. */
export function roleWords(phrase: string, language = 'en'): string[] {
  const words: string[] = [];
  for (const raw of normalizeName(phrase).split(' ')) {
    if (!raw) continue;
    const german = language === 'de' ? lookUp(GERMAN_WORDS, raw) : undefined;
    const expanded = german ?? lookUp(ABBREVIATIONS, raw) ?? raw;
    for (const part of expanded.split(' ')) {
      if (!part || SMALL_WORDS.has(part)) continue;
      const single = singular(part);
      const merged = lookUp(SYNONYMS, part) ?? lookUp(SYNONYMS, single) ?? single;
      if (merged) words.push(merged);
    }
  }
  return words;
}

/** The key of a set of role words: each word once, in alphabetical order. */
export function roleKeyOf(words: readonly string[]): string {
  return [...new Set(words)].sort().join(' ');
}

/** Every key a title is filed under: each run of up to three of its role words. */
export function roleKeysOfTitle(title: string): string[] {
  const words = roleWords(title);
  const found = new Set<string>();
  for (let start = 0; start < words.length; start += 1) {
    for (let length = 1; length <= MAX_ROLE_WORDS && start + length <= words.length; length += 1) {
      const key = roleKeyOf(words.slice(start, start + length));
      if (key) found.add(key);
    }
  }
  return [...found];
}

/** At most this many keys are tried for one question, so a long phrase cannot cost many reads. */
export const MAX_ROLE_TRIES = 3;

/**
 * Words of rank rather than of field: "the head of HR" who is not found is looked for as "HR",
 * never as any director, and "the CTO at Acme" never finds Acme's chief financial officer.
 */
const RANK_WORDS = new Set([
  'chief',
  'officer',
  'director',
  'manager',
  'senior',
  'junior',
  'lead',
  'vice',
  'president',
  'executive',
  'principal',
  'associate',
  'deputy',
]);

/**
 * The keys to try for a role as spoken, most specific first: all its words together ("director
 * sale" for "head of sales"), then its words of field without the words of rank ("human
 * resource" for "head of HR"), then each word of field alone.
 */
export function roleKeysOfSpoken(spoken: string, language = 'en'): string[] {
  const words = [...new Set(roleWords(spoken, language))];
  if (words.length === 0) return [];
  const tries: string[] = [];
  const add = (key: string): void => {
    if (key && !tries.includes(key)) tries.push(key);
  };
  if (words.length <= MAX_ROLE_WORDS) add(roleKeyOf(words));
  const field = words.filter((word) => !RANK_WORDS.has(word));
  if (field.length > 0 && field.length <= MAX_ROLE_WORDS) add(roleKeyOf(field));
  if (field.length > 1) for (const word of field) add(word);
  return tries.slice(0, MAX_ROLE_TRIES);
}
