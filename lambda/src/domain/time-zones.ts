/**
 * Whether `zone` is an IANA time zone this runtime knows ("America/New_York", or an alias such as
 * "UTC" or "US/Eastern"). The canonical list answers the usual case without building a
 * DateTimeFormat, which loads ICU's time zone data (15 to 30 ms at cold start); aliases pay for
 * that once. Answers are remembered, up to a bound, because requests ask for the same few zones.
 */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > MAX_ZONE_LENGTH) return false;
  const known = checkedZones.get(zone);
  if (known !== undefined) return known;
  const valid = canonicalZones().has(zone) || formatsIn(zone);
  if (checkedZones.size < MAX_CHECKED_ZONES) checkedZones.set(zone, valid);
  return valid;
}

/** No IANA zone name comes close ("America/Argentina/ComodRivadavia" is 32 characters). */
const MAX_ZONE_LENGTH = 64;
/** Far more zones than any office's devices use; a flood of made-up zones cannot grow it further. */
const MAX_CHECKED_ZONES = 1000;
const checkedZones = new Map<string, boolean>();
let canonical: ReadonlySet<string> | undefined;

function canonicalZones(): ReadonlySet<string> {
  canonical ??= new Set(Intl.supportedValuesOf('timeZone'));
  return canonical;
}

function formatsIn(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
