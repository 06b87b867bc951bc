import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Contact } from '../../lambda/src/domain/contact';
import { toStateCode } from '../../lambda/src/domain/us-states';
import { aliasesOf, loadSampleDirectory } from './skill-package';

/**
 * The sample directory (`data/sample-directory.csv`) as contacts, read the way the importer reads
 * it: states as USPS codes, phones in E.164, empty cells left out.
 */
export function sampleContacts(): Contact[] {
  return loadSampleDirectory().rows.map((row) => {
    const phone = row.phone ? parsePhoneNumberFromString(row.phone, 'US')?.number : undefined;
    const state = row.state ? toStateCode(row.state) : undefined;
    return {
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      ...(row.company ? { company: row.company } : {}),
      ...(row.title ? { title: row.title } : {}),
      ...(row.email ? { email: row.email } : {}),
      ...(phone ? { phone } : {}),
      ...(row.city ? { city: row.city } : {}),
      ...(state ? { state } : {}),
      aliases: aliasesOf(row),
    };
  });
}
