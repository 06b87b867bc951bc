import { DIRECTORY_COLUMNS } from './columns';

const FIRST_NAMES = [
  'Jane',
  'John',
  'Zoë',
  'José',
  'Mary-Jane',
  'Siobhán',
  'Robert',
  'Ann',
  'Jin',
  'Fatima',
  'Liam',
  'Olivia',
  'Noah',
  'Amara',
  'Mateo',
  'Priya',
  'Chen',
  'Ingrid',
  'Kwame',
  'Léa',
];
const LAST_NAMES = [
  "O'Neill",
  'Doe',
  'Müller',
  'García',
  'Smith-Jones',
  'Nguyen',
  'Lee',
  'Park',
  'Okafor',
  'Rossi',
  'Kowalski',
  'Haddad',
  'Ivanova',
  'Tanaka',
  'Schmidt',
  'Dubois',
  'Silva',
  'Johansson',
  'Murphy',
  'Patel',
];
const CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Austin', 'TX', '512'],
  ['New York', 'New York', '212'],
  ['San Francisco', 'CA', '415'],
  ['Chicago', 'Illinois', '312'],
  ['Seattle', 'WA', '206'],
  ['Boston', 'Massachusetts', '617'],
  ['Denver', 'CO', '303'],
  ['St. Louis', 'MO', '314'],
];

/**
 * A deterministic directory CSV of any size for load tests and `npm run import:bench`: varied names
 * (accents, apostrophes, hyphens), about one company per 25 people, phones in mixed formats, states
 * as codes and names, quoted fields.
 */
export function generateDirectoryCsv(rows: number): string {
  const lines = [DIRECTORY_COLUMNS.join(',')];
  for (let index = 0; index < rows; index += 1) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Pat';
    const last = `${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Doe'}${index >= 400 ? ` ${Math.floor(index / 400)}` : ''}`;
    const [city, state, area] = CITIES[index % CITIES.length] ?? ['Austin', 'TX', '512'];
    const company = `"Company ${Math.floor(index / 25) % 2000}, Inc."`;
    const local = String(1000 + (index % 9000));
    const phone = index % 2 === 0 ? `(${area}) 555-${local}` : `+1 ${area} 555 ${local}`;
    const email = `person${index}@example.com`;
    const aliases = index % 10 === 0 ? 'Pat;P.' : '';
    lines.push(
      [`p${index + 1}`, first, `"${last}"`, company, 'Engineer', email, phone, city, state, aliases].join(
        ',',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
