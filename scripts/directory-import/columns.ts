/** The contract's directory columns (DESIGN.md), in the order the exporter writes them. */
export const DIRECTORY_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'company',
  'title',
  'email',
  'phone',
  'city',
  'state',
  'aliases',
] as const;

export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

/** Separates aliases inside the `aliases` column. */
export const ALIAS_SEPARATOR = ';';

const KNOWN = new Set<string>(DIRECTORY_COLUMNS);

export function isDirectoryColumn(name: string): name is DirectoryColumn {
  return KNOWN.has(name);
}

/** "First Name", " first_name " and "FIRST-NAME" all name the column `first_name`. */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** For an unknown column such as "firstName", the column that was probably meant. */
export function suggestColumn(name: string): DirectoryColumn | undefined {
  const snake = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const candidates: Record<string, DirectoryColumn> = {
    firstname: 'first_name',
    first: 'first_name',
    given_name: 'first_name',
    lastname: 'last_name',
    last: 'last_name',
    surname: 'last_name',
    family_name: 'last_name',
    alias: 'aliases',
    nicknames: 'aliases',
    e_mail: 'email',
    mail: 'email',
    telephone: 'phone',
    phone_number: 'phone',
  };
  if (isDirectoryColumn(snake)) return snake;
  return candidates[snake] ?? candidates[normalizeColumnName(name)];
}
