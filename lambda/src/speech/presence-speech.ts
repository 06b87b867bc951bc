import type { PresenceRecord, PresenceStatus } from '../domain/presence';
import type { PresenceChange } from '../services/presence-service';
import type { Translator } from './locales';
import { Ssml, spokenList } from './ssml';
import { type Moment, spokenWhenAt } from './time-speech';

/**
 * How the in/out board is spoken and shown. Handlers decide what to say; this module decides
 * the words.
 */

export type { Moment };

function when(t: Translator, record: PresenceRecord, moment: Moment): string {
  return spokenWhenAt(t, record.changedAt, moment);
}

/** Whether the board checked the person out at closing time, rather than someone saying so. */
function endOfDay(record: PresenceRecord): boolean {
  return record.status === 'OUT' && record.reason === 'end of day';
}

/** "Jane Doe checked in at 9:05 AM." / "Jane Doe checked out at 7:00 PM (end of day)." */
export function stateSpeech(t: Translator, name: string, record: PresenceRecord, moment: Moment): Ssml {
  const key =
    record.status === 'IN'
      ? 'presence.stateIn'
      : endOfDay(record)
        ? 'presence.stateOutEndOfDay'
        : 'presence.stateOut';
  return t.speak(key, { name, when: when(t, record, moment) });
}

/** What the user hears after asking to check someone in (`IN`) or out (`OUT`). */
export function changeSpeech(
  t: Translator,
  name: string,
  status: PresenceStatus,
  change: PresenceChange,
  moment: Moment,
): Ssml {
  const direction = status === 'IN' ? 'In' : 'Out';
  switch (change.kind) {
    case 'changed':
      return t.speak(`presence.checked${direction}`, { name });
    case 'unchanged':
      if (!change.record) return t.speak('presence.neverIn', { name });
      if (endOfDay(change.record)) {
        return t.speak('presence.alreadyOutEndOfDay', { name, when: when(t, change.record, moment) });
      }
      return t.speak(`presence.already${direction}`, { name, when: when(t, change.record, moment) });
    case 'conflict':
      return Ssml.join([
        t.speak('presence.conflict', { name }),
        ...(change.record ? [stateSpeech(t, name, change.record, moment)] : []),
      ]);
    case 'failed':
      return t.speak(`presence.failed${direction}`, { name });
    case 'unknown':
      return t.speak(`presence.unknown${direction}`, { name });
  }
}

/** "Yes, Jane Doe checked in at 9:05 AM." / "No, you checked out at 5:10 PM yesterday." */
export function isInSpeech(
  t: Translator,
  name: string,
  record: PresenceRecord | undefined,
  self: boolean,
  moment: Moment,
): Ssml {
  const who = self ? 'presence.amIIn' : 'presence.isIn';
  if (!record) return t.speak(`${who}.never`, { name });
  const answer = record.status === 'IN' ? 'yes' : endOfDay(record) ? 'noEndOfDay' : 'no';
  return t.speak(`${who}.${answer}`, { name, when: when(t, record, moment) });
}

/** A name on the list, with the company when two people on the page share the name. */
function listedName(t: Translator, record: PresenceRecord, page: readonly PresenceRecord[]): Ssml {
  const shared = page.filter((other) => other.fullName === record.fullName).length > 1;
  return shared && record.company
    ? t.speak('whoIsIn.personAt', { fullName: record.fullName, company: record.company })
    : Ssml.text(record.fullName);
}

/**
 * One page of "who's in". The first page says how many when it is the whole list; a page with
 * more after it ends with the question, the last one says it was everyone.
 */
export function whoIsInSpeech(
  t: Translator,
  records: readonly PresenceRecord[],
  isFirstPage: boolean,
  hasMore: boolean,
): Ssml {
  if (records.length === 0) return t.speak(isFirstPage ? 'whoIsIn.nobody' : 'whoIsIn.end');
  const names = spokenList(
    records.map((record) => listedName(t, record, records)),
    t.text('list.and'),
  );
  if (!isFirstPage) {
    return Ssml.join([
      t.speak('whoIsIn.nextPage', { names }),
      t.speak(hasMore ? 'whoIsIn.more' : 'whoIsIn.end'),
    ]);
  }
  if (!hasMore) return t.speak('whoIsIn.all', { count: records.length, names });
  return Ssml.join([t.speak('whoIsIn.firstPage', { count: records.length, names }), t.speak('whoIsIn.more')]);
}

/** A line of the card of "who's in": the person (with the company, if asked), and when they checked in. */
export function whoIsInCardLine(
  t: Translator,
  record: PresenceRecord,
  moment: Moment,
  withCompany: boolean,
): string {
  return t.text('whoIsIn.cardLine', {
    name:
      withCompany && record.company
        ? t.text('whoIsIn.personAt', { fullName: record.fullName, company: record.company })
        : record.fullName,
    when: when(t, record, moment),
  });
}

/** The card after a check-in, a check-out or "is she in": the person's state in one line. */
export function presenceCard(
  t: Translator,
  name: string,
  record: PresenceRecord | undefined,
  moment: Moment,
): { title: string; text: string } {
  return {
    title: t.text('presence.cardTitle'),
    text: record ? stateSpeech(t, name, record, moment).text : t.text('presence.isIn.never', { name }),
  };
}
