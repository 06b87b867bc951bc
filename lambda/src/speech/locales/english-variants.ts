import type { Template } from '../i18n';
import { enUS, type ResourceKey } from './en-US';

/**
 * The English of the other English-speaking locales: American English with that locale's own
 * words where they differ. Times and dates need nothing here, because Intl formats them in the
 * request's locale ("17:10" in en-GB, "5:10 pm" in en-AU and en-IN, "5:10 p.m." in en-CA).
 */
type Touches = Partial<Readonly<Record<ResourceKey, Template>>>;

/** British usage, shared by the UK, Australia and India: single quotation marks. */
const commonwealth = {
  'browse.card.more': {
    one: '1 more: say ‘more’ to hear it.',
    other: '{count} more: say ‘more’ to hear them.',
  },
  'browse.card.moreUncounted': 'There are more: say ‘more’ to hear them.',
} satisfies Touches;

/** Indian English asks for an "email ID" and a "contact number". */
const indian = {
  ...commonwealth,
  'detail.email': "{name}'s email ID is {value}.",
  'detail.phone': "{name}'s contact number is {value}.",
  'detail.missing.email': "I don't have an email ID for {name}.",
  'detail.missing.phone': "I don't have a contact number for {name}.",
  'detail.name.email': 'email ID',
  'detail.name.phone': 'contact number',
  'summary.email': 'Email ID: {email}.',
  'card.email': 'Email ID: {value}',
  'screen.label.email': 'Email ID',
} satisfies Touches;

export const enGB: typeof enUS = { ...enUS, ...commonwealth };
export const enAU: typeof enUS = { ...enUS, ...commonwealth };
export const enIN: typeof enUS = { ...enUS, ...indian };
/** Canadian English speaks like en-US here; its difference is in Intl's times ("5:10 p.m."). */
export const enCA: typeof enUS = { ...enUS };
