/** USPS codes of the states, DC and the territories, with their names. */
export const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  AS: 'American Samoa',
  GU: 'Guam',
  MP: 'Northern Mariana Islands',
  PR: 'Puerto Rico',
  VI: 'U.S. Virgin Islands',
};

const CODE_BY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(US_STATES).map(([code, name]) => [name.toLowerCase().replace(/[^a-z]/g, ''), code]),
);

/** "Texas", "texas", "TX" and "tx" all give "TX"; anything else gives undefined. */
export function toStateCode(value: string): string | undefined {
  // Codes spelled out letter by letter arrive as "t. x." or "o r".
  const spelled = /^\s*([a-z])\.?\s+([a-z])\.?\s*$/i.exec(value);
  const trimmed = spelled ? `${spelled[1]}${spelled[2]}` : value.trim();
  const upper = trimmed.toUpperCase();
  if (upper.length === 2 && US_STATES[upper] !== undefined) return upper;
  return CODE_BY_NAME.get(trimmed.toLowerCase().replace(/[^a-z]/g, ''));
}

export function stateName(code: string): string {
  return US_STATES[code] ?? code;
}

/**
 * "portland oregon" (a city and its state heard as one city) as `{city: "portland", state:
 * "oregon"}`; undefined when the words do not end with a state's full name.
 */
export function splitCityAndState(words: string): { city: string; state: string } | undefined {
  const parts = words.trim().replace(/,/g, ' ').split(/\s+/);
  for (const stateWords of [3, 2, 1]) {
    if (parts.length <= stateWords) continue;
    const state = parts.slice(-stateWords).join(' ');
    if (state.length > 2 && CODE_BY_NAME.has(state.toLowerCase().replace(/[^a-z]/g, ''))) {
      return { city: parts.slice(0, -stateWords).join(' '), state };
    }
  }
  return undefined;
}
