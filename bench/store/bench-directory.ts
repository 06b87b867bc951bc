import type { Contact } from '../../lambda/src/domain/contact';

/**
 * The directories the benchmark runs on: the same probe contacts (the people its requests ask
 * about) in every size, among generated contacts with realistic sharing of first names, last
 * names, companies, cities and states. Generation is deterministic, so two runs read the same
 * data, and the probes' names never occur among the generated contacts, so a request about a
 * probe finds the same people in a directory of 1,000 as in one of 100,000.
 */

/** The people and groups the benchmark's requests are about. */
export const PROBES = {
  /** A full name nobody else has. */
  uniqueName: 'Marisol Quintanilla',
  /** A last name four people share: "which one?". */
  sharedLastName: 'Okafor',
  /** A company of 11 people: more than one list page. */
  company: 'Acme Corp.',
  /** A state every size of directory has many people in. */
  state: 'TX',
  city: 'Austin',
  /** People the in/out board requests check in and out. */
  presence: ['Theodora Blackwood', 'Ignatius Fairweather', 'Perpetua Lindqvist'],
} as const;

const PROBE_CONTACTS: readonly Contact[] = [
  probe('p01', PROBES.uniqueName, { title: 'Head of Partnerships' }),
  probe('p02', 'Adaeze Okafor', { company: 'Globex', city: 'Seattle', state: 'WA' }),
  probe('p03', 'Chinedu Okafor', { company: 'Initech', city: 'New York', state: 'NY' }),
  probe('p04', 'Ngozi Okafor', { company: 'Umbrella Health', city: 'Denver', state: 'CO' }),
  probe('p05', 'Emeka Okafor', {}),
  probe('p06', PROBES.presence[0], {}),
  probe('p07', PROBES.presence[1], {}),
  probe('p08', PROBES.presence[2], {}),
  probe('p09', 'Leopoldina Ashdown', {}),
  probe('p10', 'Bartholomew Ellingsworth', {}),
  probe('p11', 'Wilhelmina Castellanos', {}),
  probe('p12', 'Octavian Pemberton', {}),
  probe('p13', 'Rosalind Thistlewood', {}),
  probe('p14', "Desmond O'Halloran", {}),
];

function probe(id: string, fullName: string, overrides: Partial<Contact>): Contact {
  const [firstName = '', ...rest] = fullName.split(' ');
  const lastName = rest.join(' ');
  return {
    id,
    firstName,
    lastName,
    company: PROBES.company,
    title: 'Account Manager',
    email: `${firstName}.${lastName.replace(/[^A-Za-z]/g, '')}@acme.example.com`.toLowerCase(),
    phone: `+1512555${id.slice(1).padStart(4, '0')}`,
    city: PROBES.city,
    state: PROBES.state,
    aliases: [],
    ...overrides,
  };
}

// Pools of the generated people, as words: the same few hundred names recur, as in a real directory.
const FIRST_NAMES = (
  'James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan ' +
  'Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa Matthew Betty Anthony Margaret ' +
  'Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin ' +
  'Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca Jason Laura Edward Helen Jeffrey ' +
  'Sharon Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Shirley Eric Angela Jonathan Anna Stephen Brenda ' +
  'Larry Pamela Justin Nicole Scott Samantha Brandon Katherine Zoë José Siobhán Björn Chloé Renée Seán ' +
  'Łukasz Mary-Kate Jean-Luc'
).split(' ');

const LAST_NAMES = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez ' +
  'Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez ' +
  'Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker ' +
  'Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards ' +
  'Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey ' +
  "Reed Kelly Howard Ramos Kim Cox Ward Richardson O'Neill O'Brien McDonald Smith-Jones Müller Ångström " +
  'Dubois Rossi Kowalski Sato'
).split(' ');

const NICKNAMES: Readonly<Record<string, string>> = {
  Robert: 'Bob',
  William: 'Bill',
  Elizabeth: 'Liz',
  Richard: 'Dick',
  Katherine: 'Kate',
  Margaret: 'Peggy',
  Christopher: 'Chris',
  Jennifer: 'Jen',
};

const COMPANY_WORDS = (
  'Northwind|Contoso|Fabrikam|Tailspin|Wingtip|Litware|Proseware|Adventure|Blue Yonder|Coho|Lucerne|' +
  'Margie|Trey|Wide World|Woodgrove|Alpine|Fourth Coffee|Graphic|Humongous|Southridge|Tasmanian|Bellows|' +
  'Datum|Nod|Relecloud|VanArsdel|Baldwin'
).split('|');
const COMPANY_SUFFIXES = ['Inc.', 'LLC', 'Corp.', 'Group', 'Partners', '& Sons', 'Labs', 'Ltd.'];

const CITIES = (
  'Austin,TX|Houston,TX|Dallas,TX|San Antonio,TX|El Paso,TX|Seattle,WA|Spokane,WA|Portland,OR|' +
  'San Francisco,CA|Los Angeles,CA|San Diego,CA|Sacramento,CA|Denver,CO|Boulder,CO|Phoenix,AZ|' +
  'Salt Lake City,UT|Chicago,IL|Detroit,MI|Minneapolis,MN|St. Louis,MO|New York,NY|Buffalo,NY|Boston,MA|' +
  'Philadelphia,PA|Pittsburgh,PA|Atlanta,GA|Miami,FL|Orlando,FL|Tampa,FL|Charlotte,NC|Raleigh,NC|' +
  'Nashville,TN|New Orleans,LA|Washington,DC|Baltimore,MD|Honolulu,HI|Anchorage,AK|Boise,ID|Omaha,NE|' +
  'Kansas City,MO'
)
  .split('|')
  .map((entry) => entry.split(',') as [string, string]);

const TITLES = (
  'Engineer|Account Manager|Sales Director|Counsel|Accountant|Designer|Buyer|Office Manager|Consultant|' +
  'Vice President, Operations|Analyst|Recruiter'
).split('|');

/** A small, fast, seedable generator (mulberry32), so every run builds the same directory. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

/** How many companies a directory of `size` people has: about 50 people each. */
function companyNames(size: number): string[] {
  const count = Math.max(20, Math.round(size / 50));
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const word = COMPANY_WORDS[index % COMPANY_WORDS.length] as string;
    const suffix = COMPANY_SUFFIXES[
      Math.floor(index / COMPANY_WORDS.length) % COMPANY_SUFFIXES.length
    ] as string;
    const round = Math.floor(index / (COMPANY_WORDS.length * COMPANY_SUFFIXES.length));
    names.push(round === 0 ? `${word} ${suffix}` : `${word} ${round + 1} ${suffix}`);
  }
  return names;
}

/**
 * The contacts of a directory of `size` people, in chunks, without holding them all: the probes
 * first, then generated people.
 */
export function* benchDirectory(size: number, chunkSize = 1000): Generator<Contact[]> {
  if (size < PROBE_CONTACTS.length)
    throw new RangeError(`A bench directory has at least ${PROBE_CONTACTS.length} people`);
  const random = randomSource(20261127);
  const companies = companyNames(size);
  let chunk: Contact[] = [...PROBE_CONTACTS];
  for (let index = PROBE_CONTACTS.length; index < size; index += 1) {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const [city, state] = pick(random, CITIES);
    const company = pick(random, companies);
    const id = `g${String(index).padStart(6, '0')}`;
    const nickname = NICKNAMES[firstName];
    chunk.push({
      id,
      firstName,
      lastName,
      company,
      title: pick(random, TITLES),
      email: `${id}@${company.split(' ')[0]?.toLowerCase() ?? 'example'}.example.com`,
      phone: `+1${200 + Math.floor(random() * 700)}555${String(Math.floor(random() * 10000)).padStart(4, '0')}`,
      city,
      state,
      aliases: nickname && random() < 0.3 ? [nickname] : [],
    });
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
