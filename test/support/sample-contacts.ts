import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Contact } from '../../lambda/src/domain/contact';
import { toStateCode } from '../../lambda/src/domain/us-states';
import { phoneFormsOf } from '../../scripts/directory-import/validate-records';
import { aliasesOf, loadSampleDirectory } from './skill-package';

/**
 * The sample directory (`data/sample-directory.csv`) as contacts, read the way the importer reads
 * it: states as USPS codes, phones in E.164 with their dialled forms, empty cells left out.
 */
export function sampleContacts(): Contact[] {
  return loadSampleDirectory().rows.map((row) => {
    const parsed = row.phone ? parsePhoneNumberFromString(row.phone, 'US') : undefined;
    const phone = parsed?.number;
    const state = row.state ? toStateCode(row.state) : undefined;
    return {
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      ...(row.company ? { company: row.company } : {}),
      ...(row.title ? { title: row.title } : {}),
      ...(row.email ? { email: row.email } : {}),
      ...(parsed && phone ? { phone, ...phoneFormsOf(parsed) } : {}),
      ...(row.city ? { city: row.city } : {}),
      ...(state ? { state } : {}),
      aliases: aliasesOf(row),
    };
  });
}
