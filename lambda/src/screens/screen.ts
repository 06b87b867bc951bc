import type { Contact, ContactSummary } from '../domain/contact';
import type { PresenceRecord } from '../domain/presence';
import { placeOf } from '../speech/contact-speech';
import type { Translator } from '../speech/locales';
import { spokenWhen } from '../speech/time-speech';

/**
 * What a handler wants shown on a device with a screen, as plain data. `renderScreen` turns it
 * into an APL document and its datasource; devices without a screen never see it.
 */
export type Screen =
  | {
      /** One person's details. */
      readonly kind: 'contact';
      readonly contact: Contact;
    }
  | {
      /** People to pick from: a browse page or who's in. Touching one opens their details. */
      readonly kind: 'list';
      readonly title: string;
      readonly items: readonly ScreenListItem[];
      /** A line under the list, such as "2 more: say "more" to hear them.". */
      readonly footer?: string | undefined;
    };

export interface ScreenListItem {
  /** The contact id a touch opens. */
  readonly contactId: string;
  readonly primaryText: string;
  readonly secondaryText?: string | undefined;
}

/** The contact screen of `contact`. */
export function contactScreen(contact: Contact): Screen {
  return { kind: 'contact', contact };
}

/** A browse page as a list: "6. Jane Doe" over "Director of Operations, Acme Corp., Austin, Texas". */
export function browseScreen(
  t: Translator,
  page: {
    readonly title: string;
    readonly entries: readonly ContactSummary[];
    readonly firstNumber: number;
    readonly footer?: string | undefined;
  },
): Screen {
  return {
    kind: 'list',
    title: page.title,
    footer: page.footer,
    items: page.entries.map((entry, index) => {
      const details = [entry.title, entry.company, placeOf(t, entry)].filter(Boolean).join(', ');
      return {
        contactId: entry.id,
        primaryText: t.text('browse.card.lineBare', {
          number: page.firstNumber + index,
          name: entry.fullName,
        }),
        secondaryText: details,
      };
    }),
  };
}

/** A page of who's in: each name over its company and when they checked in. */
export function whoIsInScreen(
  t: Translator,
  page: {
    readonly records: readonly PresenceRecord[];
    readonly now: Date;
    readonly timeZone: string;
    readonly footer?: string | undefined;
  },
): Screen {
  return {
    kind: 'list',
    title: t.text('whoIsIn.cardTitle'),
    footer: page.footer,
    items: page.records.map((record) => {
      const when = spokenWhen(t, new Date(record.changedAt), page.now, page.timeZone);
      return {
        contactId: record.contactId,
        primaryText: record.fullName,
        secondaryText: [record.company, t.text('screen.checkedIn', { when })].filter(Boolean).join(' · '),
      };
    }),
  };
}
