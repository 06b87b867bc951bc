import { type Contact, type ContactSummary, fullNameOf } from '../domain/contact';
import { stateName } from '../domain/us-states';
import type { ContactDetail } from '../interaction';
import type { Translator } from './locales';
import { emailAddress, nationalFormat, Ssml, spokenList, telephone } from './ssml';

/**
 * How a contact is spoken and shown. Handlers decide what to say; this module decides the words.
 */

/** "Austin, Texas", "Austin" or "Texas"; undefined when the contact has neither. */
export function placeOf(t: Translator, contact: Pick<Contact, 'city' | 'state'>): string | undefined {
  const state = contact.state ? stateName(contact.state) : undefined;
  if (contact.city && state) return t.text('place.cityState', { city: contact.city, state });
  return contact.city ?? state;
}

/**
 * The contact's number as it is said and shown: the form a caller in the office dials, or, for a
 * contact read without that form, the national format of its E.164; undefined without a number.
 */
export function phoneNumberOf(contact: Pick<Contact, 'phone' | 'phoneDialled'>): string | undefined {
  if (!contact.phone) return undefined;
  return contact.phoneDialled ?? nationalFormat(contact.phone);
}

/** An address read aloud with the locale's words for "@" and ".". */
function spokenEmail(t: Translator, email: string): Ssml {
  return emailAddress(email, { at: t.text('email.at'), dot: t.text('email.dot') });
}

function detailValue(t: Translator, contact: Contact, detail: ContactDetail): Ssml | undefined {
  switch (detail) {
    case 'email':
      return contact.email ? spokenEmail(t, contact.email) : undefined;
    case 'phone': {
      const number = phoneNumberOf(contact);
      return number ? telephone(number) : undefined;
    }
    case 'office': {
      const place = placeOf(t, contact);
      return place ? Ssml.text(place) : undefined;
    }
    case 'company':
      return contact.company ? Ssml.text(contact.company) : undefined;
    case 'title':
      return contact.title ? Ssml.text(contact.title) : undefined;
  }
}

/** One detail, or a sentence saying it is not known. */
export function detailSpeech(t: Translator, contact: Contact, detail: ContactDetail): Ssml {
  const name = fullNameOf(contact);
  const value = detailValue(t, contact, detail);
  return value ? t.speak(`detail.${detail}`, { name, value }) : t.speak(`detail.missing.${detail}`, { name });
}

/** "Jane Doe, Sales Director at Acme Corp., in Austin, Texas. Phone: ... Email: ..." */
export function summarySpeech(t: Translator, contact: Contact): Ssml {
  const name = fullNameOf(contact);
  const descriptors: Ssml[] = [];
  if (contact.title && contact.company) {
    descriptors.push(t.speak('summary.titleAtCompany', { title: contact.title, company: contact.company }));
  } else if (contact.title || contact.company) {
    descriptors.push(Ssml.text((contact.title ?? contact.company) as string));
  }
  const place = placeOf(t, contact);
  if (place) descriptors.push(t.speak('summary.inPlace', { place }));
  const sentences: Ssml[] = [
    descriptors.length > 0
      ? Ssml.join([t.speak('summary.intro', { name }), ...descriptors], ', ')
      : t.speak('summary.intro', { name }),
  ];
  sentences[0] = Ssml.join([sentences[0] as Ssml, Ssml.text('.')], '');
  const number = phoneNumberOf(contact);
  if (number) sentences.push(t.speak('summary.phone', { phone: telephone(number) }));
  if (contact.email) sentences.push(t.speak('summary.email', { email: spokenEmail(t, contact.email) }));
  if (sentences.length === 1 && descriptors.length === 0)
    sentences.push(t.speak('summary.nothingMore', { name }));
  return Ssml.join(sentences);
}

/** The Standard card: the full name as title, every known detail as a line. */
export function contactCard(t: Translator, contact: Contact): { title: string; text: string } {
  const lines: string[] = [];
  if (contact.company) lines.push(t.text('card.company', { value: contact.company }));
  if (contact.title) lines.push(t.text('card.title', { value: contact.title }));
  if (contact.email) lines.push(t.text('card.email', { value: contact.email }));
  const number = phoneNumberOf(contact);
  if (number) lines.push(t.text('card.phone', { value: number }));
  const place = placeOf(t, contact);
  if (place) lines.push(t.text('card.office', { value: place }));
  return { title: fullNameOf(contact), text: lines.join('\n') };
}

/** "Jane Doe at Acme Corp., Jane Doe at Globex and Jane Smith at Initech". */
export function candidateOptions(t: Translator, candidates: readonly ContactSummary[]): Ssml {
  return spokenList(
    candidates.map((candidate) =>
      candidate.company
        ? t.speak('choose.option', { fullName: candidate.fullName, company: candidate.company })
        : t.speak('choose.optionNoCompany', { fullName: candidate.fullName }),
    ),
    t.text('list.and'),
  );
}

/** The words for a detail type: "phone number", "email". */
export function detailName(t: Translator, detail: ContactDetail): string {
  return t.text(`detail.name.${detail}`);
}
