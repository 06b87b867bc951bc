import { type Contact, fullNameOf } from '../domain/contact';
import type { Visit } from '../domain/visit';
import { phoneNumberOf } from './contact-speech';
import type { Translator } from './locales';
import { Ssml, spokenList, telephone } from './ssml';
import { type Moment, spokenWhenAt } from './time-speech';

/** How many visits "who's visiting today" names aloud; the card lists more. */
export const SPOKEN_VISITS = 5;

/** "Sam Carter from Wayne Enterprises" (escaped by the translator). */
function visitorWords(t: Translator, visit: Visit): Ssml {
  return visit.visitor.company
    ? t.speak('visitor.nameAt', { name: visit.visitor.name, company: visit.visitor.company })
    : t.speak('visitor.name', { name: visit.visitor.name });
}

function visitLine(t: Translator, visit: Visit, moment: Moment, forSpeaker: boolean): Ssml {
  const whenArrived = spokenWhenAt(t, visit.arrivedAt, moment);
  const visitor = visitorWords(t, visit);
  if (visit.leftAt) {
    const whenLeft = spokenWhenAt(t, visit.leftAt, moment);
    return forSpeaker
      ? t.speak('visitor.line.yoursLeft', { visitor, when: whenLeft })
      : t.speak('visitor.line.left', { visitor, host: visit.host.name, when: whenLeft });
  }
  return forSpeaker
    ? t.speak('visitor.line.yoursHere', { visitor, when: whenArrived })
    : t.speak('visitor.line.here', { visitor, host: visit.host.name, when: whenArrived });
}

/** The speaker's own visitors first, then everyone else's, each group oldest first. */
export function speakerFirst(visits: readonly Visit[], speakerId: string): Visit[] {
  return [
    ...visits.filter((visit) => visit.host.id === speakerId),
    ...visits.filter((visit) => visit.host.id !== speakerId),
  ];
}

/** "who's visiting today", for recognised staff: their own visitors first. */
export function visitorsTodaySpeech(
  t: Translator,
  visits: readonly Visit[],
  speakerId: string,
  moment: Moment,
): Ssml {
  if (visits.length === 0) return t.speak('visitor.today.none');
  const ordered = speakerFirst(visits, speakerId).slice(0, SPOKEN_VISITS);
  const own = ordered.filter((visit) => visit.host.id === speakerId);
  const others = ordered.filter((visit) => visit.host.id !== speakerId);
  const parts: Ssml[] = [t.speak('visitor.today.count', { count: visits.length })];
  if (own.length > 0) {
    parts.push(
      t.speak('visitor.today.yours', {
        visits: spokenList(
          own.map((visit) => visitLine(t, visit, moment, true)),
          t.text('list.and'),
        ),
      }),
    );
  }
  if (others.length > 0) {
    parts.push(
      t.speak(own.length > 0 ? 'visitor.today.others' : 'visitor.today.all', {
        visits: spokenList(
          others.map((visit) => visitLine(t, visit, moment, false)),
          t.text('list.and'),
        ),
      }),
    );
  }
  if (visits.length > ordered.length) parts.push(t.speak('visitor.today.more'));
  return Ssml.join(parts);
}

/** The card of "who's visiting today" (shown to recognised staff only). */
export function visitorsTodayCard(
  t: Translator,
  visits: readonly Visit[],
  speakerId: string,
  moment: Moment,
): { title: string; text: string } {
  const lines = speakerFirst(visits, speakerId).map((visit) => visitLine(t, visit, moment, false).text);
  return {
    title: t.text('visitor.cardTitle'),
    text: lines.length > 0 ? lines.join('\n') : t.text('visitor.today.none'),
  };
}

/** "has Sam Carter arrived": the latest of the visitor's visits today. */
export function visitorArrivedSpeech(
  t: Translator,
  spokenName: string,
  visit: Visit | undefined,
  moment: Moment,
): Ssml {
  if (!visit) return t.speak('visitor.arrived.no', { name: spokenName });
  const visitor = visitorWords(t, visit);
  if (visit.leftAt) {
    const when = spokenWhenAt(t, visit.leftAt, moment);
    return t.speak('visitor.arrived.left', { visitor, host: visit.host.name, when });
  }
  const when = spokenWhenAt(t, visit.arrivedAt, moment);
  return t.speak('visitor.arrived.here', { visitor, host: visit.host.name, when });
}

/**
 * How to reach the host now, when they could not be told: their phone (as a lookup of them says
 * it, the number a caller in the office dials), the office's, or the front desk in person.
 */
export function reachHostSpeech(t: Translator, host: Contact, officePhone: string | undefined): Ssml {
  const name = fullNameOf(host);
  const hostPhone = phoneNumberOf(host);
  if (hostPhone) return t.speak('visitor.reachHost', { host: name, phone: telephone(hostPhone) });
  if (officePhone) return t.speak('visitor.reachOffice', { host: name, phone: telephone(officePhone) });
  return t.speak('visitor.reachNobody', { host: name });
}
