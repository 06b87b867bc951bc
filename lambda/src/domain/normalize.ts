/**
 * Spoken input and stored names meet here. Both sides go through the same functions, so "Zoe"
 * finds "Zoë", "oneill" finds "O'Neill" and "barnes and noble" finds "Barnes & Noble".
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['\u2018\u2019\u02bc`\u00b4]/g;

/** Lower case, no accents, no apostrophes, hyphens and other punctuation as spaces, single spaces. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(APOSTROPHES, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The spoken forms a name can arrive in: as normalized, and with hyphenated parts joined
 * ("Mary-Jane" is heard as "mary jane" and sometimes typed as "maryjane").
 */
export function nameVariants(value: string): string[] {
  const spaced = normalizeName(value);
  const joined = normalizeName(value.replace(/[-\u2010\u2011]/g, ''));
  return spaced === joined ? [spaced] : [spaced, joined];
}

/**
 * What a person might say when they ask for someone: "doe's", "does" and "doe" all mean Doe.
 * Returns the candidates to try, most literal first.
 */
export function spokenNameCandidates(spoken: string): string[] {
  const candidates = new Set<string>();
  const withoutPossessive = spoken.replace(/['\u2019]s\b/gi, '').replace(/s['\u2019](?=\s|$)/gi, 's');
  for (const form of [spoken, withoutPossessive]) {
    for (const variant of nameVariants(form)) if (variant) candidates.add(variant);
  }
  const literal = normalizeName(withoutPossessive);
  // Speech recognition drops the apostrophe: "does email" for "Doe's email".
  if (literal.endsWith('s') && literal.length > 3) candidates.add(literal.slice(0, -1));
  return [...candidates];
}

const COMPANY_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'llc',
  'llp',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'the',
  'group',
  'lp',
  'pc',
]);

/** "Acme Corp.", "acme corporation" and "ACME" all give "acme". */
export function normalizeCompany(value: string): string {
  const words = normalizeName(value)
    .split(' ')
    .filter((word) => word.length > 0);
  const meaningful = words.filter((word) => !COMPANY_SUFFIXES.has(word));
  return (meaningful.length > 0 ? meaningful : words).join(' ');
}

/** Places compare like names: "St. Louis" and "st louis" are the same city. */
export function normalizePlace(value: string): string {
  return normalizeName(value.replace(/\bst\.?\s/gi, 'saint ').replace(/\bft\.?\s/gi, 'fort '));
}
