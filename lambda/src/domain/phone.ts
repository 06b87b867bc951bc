import type { Contact } from './contact';

/**
 * Which form of a number a caller in the office dials. The importer stores each number in E.164
 * with its national and international forms (libphonenumber-js stays out of the Lambda); the
 * skill only chooses: the national form for a number of the office's own country (and within the
 * North American plan, where "+1" numbers are dialled alike), the international form otherwise.
 */

/** Zones whose office is not in the United States, by the zone's country (the default is US). */
const ZONE_COUNTRIES: Readonly<Record<string, string>> = {
  'Europe/London': 'GB',
  'Europe/Belfast': 'GB',
  'Europe/Dublin': 'IE',
  'Europe/Berlin': 'DE',
  'Europe/Busingen': 'DE',
  'Europe/Vienna': 'AT',
  'Europe/Zurich': 'CH',
  'Europe/Paris': 'FR',
  'Europe/Amsterdam': 'NL',
  'Europe/Madrid': 'ES',
  'Europe/Rome': 'IT',
  'America/Toronto': 'CA',
  'America/Vancouver': 'CA',
  'America/Edmonton': 'CA',
  'America/Winnipeg': 'CA',
  'America/Halifax': 'CA',
  'America/St_Johns': 'CA',
  'America/Regina': 'CA',
  'America/Mexico_City': 'MX',
  'Australia/Sydney': 'AU',
  'Australia/Melbourne': 'AU',
  'Australia/Brisbane': 'AU',
  'Australia/Perth': 'AU',
  'Australia/Adelaide': 'AU',
  'Asia/Kolkata': 'IN',
  'Asia/Calcutta': 'IN',
  'Asia/Tokyo': 'JP',
  'Asia/Singapore': 'SG',
};

export const DEFAULT_OFFICE_COUNTRY = 'US';

/** The office's country when `OFFICE_COUNTRY` is not set: the country of its time zone. */
export function countryOfTimeZone(zone: string): string {
  return (Object.hasOwn(ZONE_COUNTRIES, zone) ? ZONE_COUNTRIES[zone] : undefined) ?? DEFAULT_OFFICE_COUNTRY;
}

/** Whether `value` looks like an ISO 3166 alpha-2 code ("US", "gb"). */
export function isCountryCode(value: string): boolean {
  return /^[A-Za-z]{2}$/.test(value);
}

const NORTH_AMERICAN_PLAN = new Set(['US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP']);

/** "+15125550100" as "(512) 555-0100"; numbers outside the North American plan stay in E.164. */
export function northAmericanFormat(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : e164;
}

/**
 * The number as a caller in `officeCountry` dials it; undefined without a number. A contact
 * imported before the forms were stored gets the North American format of its E.164.
 */
export function dialledForm(
  contact: Pick<Contact, 'phone' | 'phoneNational' | 'phoneInternational' | 'phoneCountry'>,
  officeCountry: string,
): string | undefined {
  if (!contact.phone) return undefined;
  const office = officeCountry.toUpperCase();
  const country = contact.phoneCountry?.toUpperCase();
  const sameCountry =
    country === office ||
    (contact.phone.startsWith('+1') &&
      NORTH_AMERICAN_PLAN.has(office) &&
      (!country || NORTH_AMERICAN_PLAN.has(country)));
  if (sameCountry && contact.phoneNational) return contact.phoneNational;
  if (!sameCountry && contact.phoneInternational) return contact.phoneInternational;
  return northAmericanFormat(contact.phone);
}
