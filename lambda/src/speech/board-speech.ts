import type { PresenceRecord } from '../domain/presence';
import type { BoardPage } from '../services/ports';
import type { Translator } from './locales';
import type { Moment } from './presence-speech';
import { Ssml, spokenList } from './ssml';
import { spokenWhen } from './time-speech';

/**
 * How the board by company and by time is spoken and shown: "From Globex, Jane Okafor and
 * William Turner are in." / "Today, Jane Doe at 5:10 PM and Wei Zhang at 4:02 PM checked out."
 */

function when(t: Translator, record: PresenceRecord, moment: Moment): string {
  return spokenWhen(t, new Date(record.changedAt), moment.now, moment.timeZone);
}

/** "From Globex, Jane Okafor is in." or "Nobody from Globex is checked in right now." */
export function inFromSpeech(t: Translator, company: string, page: BoardPage): Ssml {
  if (page.records.length === 0) return t.speak('board.inFrom.nobody', { company });
  const names = spokenList(
    page.records.map((record) => record.fullName),
    t.text('list.and'),
  );
  const said = t.speak('board.inFrom.list', { count: page.records.length, company, names });
  return page.more ? Ssml.join([said, t.speak('board.inFrom.more')]) : said;
}

/** The card of "who's in from Globex": one line per person, with when they checked in. */
export function inFromCard(
  t: Translator,
  company: string,
  page: BoardPage,
  moment: Moment,
): { title: string; text: string } {
  return {
    title: t.text('board.inFrom.cardTitle', { company }),
    text: page.records
      .map((record) => t.text('whoIsIn.cardLine', { name: record.fullName, when: when(t, record, moment) }))
      .join('\n'),
  };
}

/** "Today, Jane Doe at 5:10 PM and Robert Smith at 4:02 PM checked out." */
export function leftTodaySpeech(t: Translator, page: BoardPage, moment: Moment): Ssml {
  if (page.records.length === 0) return t.speak('board.left.nobody');
  const names = spokenList(
    page.records.map((record) =>
      t.speak('board.left.entry', { name: record.fullName, when: when(t, record, moment) }),
    ),
    t.text('list.and'),
  );
  const said = t.speak('board.left.list', { count: page.records.length, names });
  return page.more ? Ssml.join([said, t.speak('board.left.more')]) : said;
}

/** The card of "who checked out today": one line per person, with when they left. */
export function leftTodayCard(
  t: Translator,
  page: BoardPage,
  moment: Moment,
): { title: string; text: string } {
  return {
    title: t.text('board.left.cardTitle'),
    text: page.records
      .map((record) =>
        t.text('board.left.cardLine', { name: record.fullName, when: when(t, record, moment) }),
      )
      .join('\n'),
  };
}
