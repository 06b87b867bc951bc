import type { PresenceRecord } from '../domain/presence';
import type { Translator } from './locales';
import { whoIsInCardLine, whoIsInSpeech } from './presence-speech';
import { Ssml, spokenList } from './ssml';
import { type Moment, spokenWhenAt } from './time-speech';

/**
 * How the board's lists are spoken and shown a page at a time: "who's in", "who's in from Globex"
 * ("From Globex, Jane Okafor and William Turner are in."), "who checked out today" ("Checked out
 * today: Jane Doe at 5:10 PM and Wei Zhang at 4:02 PM.").
 */

/** Which list of the board a page belongs to, as far as its words go. */
export type BoardListWording = 'present' | 'presentAt' | 'leftSince';

/** Where a page stands in its list. */
export interface BoardPagePlace {
  readonly first: boolean;
  /** More people come after this page. */
  readonly more: boolean;
}

/** After a page: "Do you want to hear more?", or after a later page that ends the list, "That's everyone." */
function afterPage(t: Translator, place: BoardPagePlace): Ssml[] {
  if (place.more) return [t.speak('whoIsIn.more')];
  return place.first ? [] : [t.speak('browse.emptyLastPage')];
}

/**
 * One page of a list of the board. `label` is the company of "who's in from": as the directory
 * writes it, else as heard. A page that ends the list says nothing after it but "That's everyone"
 * (the caller asks what else); one with more after it asks whether to go on.
 */
export function boardPageSpeech(
  t: Translator,
  wording: BoardListWording,
  label: string,
  records: readonly PresenceRecord[],
  place: BoardPagePlace,
  moment: Moment,
): Ssml {
  if (wording === 'present') return whoIsInSpeech(t, records, place.first, place.more);
  if (records.length === 0) {
    if (!place.first) return t.speak('browse.emptyLastPage');
    return wording === 'presentAt'
      ? t.speak('board.inFrom.nobody', { company: label })
      : t.speak('board.left.nobody');
  }
  const and = t.text('list.and');
  const count = records.length;
  if (wording === 'presentAt') {
    const names = spokenList(
      records.map((record) => record.fullName),
      and,
    );
    const key = place.first ? 'board.inFrom.list' : 'board.inFrom.nextPage';
    return Ssml.join([t.speak(key, { count, company: label, names }), ...afterPage(t, place)]);
  }
  const names = spokenList(
    records.map((record) =>
      t.speak('board.left.entry', { name: record.fullName, when: spokenWhenAt(t, record.changedAt, moment) }),
    ),
    and,
  );
  const key = place.first ? 'board.left.list' : 'board.left.nextPage';
  return Ssml.join([t.speak(key, { count, names }), ...afterPage(t, place)]);
}

/** The card's title for a list of the board. */
export function boardCardTitle(t: Translator, wording: BoardListWording, label: string): string {
  switch (wording) {
    case 'present':
      return t.text('whoIsIn.cardTitle');
    case 'presentAt':
      return t.text('board.inFrom.cardTitle', { company: label });
    case 'leftSince':
      return t.text('board.left.cardTitle');
  }
}

/**
 * The card's lines for a page, numbered from `firstNumber` as the list counts them, so "number
 * seven" means the seventh line: each with when the person checked in (or left).
 */
export function boardCardLines(
  t: Translator,
  wording: BoardListWording,
  records: readonly PresenceRecord[],
  firstNumber: number,
  moment: Moment,
): string[] {
  return records.map((record, index) => {
    const line =
      wording === 'present'
        ? whoIsInCardLine(t, record, moment, true)
        : wording === 'presentAt'
          ? whoIsInCardLine(t, record, moment, false)
          : t.text('board.left.cardLine', {
              name: record.fullName,
              when: spokenWhenAt(t, record.changedAt, moment),
            });
    return t.text('browse.card.lineBare', { number: firstNumber + index, name: line });
  });
}
