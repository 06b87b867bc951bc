import type { RequestEnvelope } from 'ask-sdk-model';
import { type EnvelopeOptions, intentRequest, launchRequest } from '../../test/support/requests';
import { PROBES } from '../store/bench-directory';

/** Builds one request of a conversation; the driver passes the session to continue. */
export type Turn = (session: EnvelopeOptions) => RequestEnvelope;

/** What the issue allows a request of the family to ask of the store. */
export interface StoreBudget {
  /** At most this many round trips (lookups: 2). */
  readonly maxRoundTrips?: number;
  /** Exactly this many Queries (a list page: 1). */
  readonly queries?: number;
}

/**
 * A kind of request the benchmark measures. Families of intents that are not built yet are listed
 * too: until the interaction model has their intents, the tables say "not built yet", and they are
 * measured from the first run after they land.
 */
export interface IntentFamily {
  readonly name: string;
  /** Turns that lead up to the measured one, once, unmeasured; their session carries over. */
  readonly setup?: readonly Turn[];
  /**
   * Turns run before every measured request on a live store, unmeasured: they undo its write, or
   * set what it finds (someone else as the speaker's last contact, so it remembers someone new).
   */
  readonly before?: readonly Turn[];
  readonly measured: Turn;
  readonly store?: StoreBudget;
}

const PHONE = { value: 'phone number', ids: ['phone'] };
const [PRESENT_FIRST = '', PRESENT_SECOND = '', PRESENT_THIRD = ''] = PROBES.presence;
const checkIn =
  (name: string): Turn =>
  (session) =>
    intentRequest('CheckInIntent', { name }, session);
const checkOut =
  (name: string): Turn =>
  (session) =>
    intentRequest('CheckOutIntent', { name }, session);
const VISITOR = 'Sam Carter';
/**
 * A one-shot question about someone else, run before a measured one-shot answer about a person:
 * the speaker's next session carries on with the last person a session was about, so the measured
 * answer also writes who that is now, as it does whenever it is about someone new.
 */
const aboutSomeoneElse: Turn = (session) =>
  intentRequest('IsInIntent', { name: 'Leopoldina Ashdown' }, session);
const browseCompany: Turn = (session) =>
  intentRequest('BrowseCompanyIntent', { company: PROBES.company }, session);

/** One entry per family; a family of a new issue is one more entry. */
export const INTENT_FAMILIES: readonly IntentFamily[] = [
  // The welcome of a voice Alexa does not know (the usual one at a front desk): no speaker to read.
  { name: 'launch', measured: ({ personId: _voice, ...session }) => launchRequest(session) },
  {
    name: 'lookup',
    measured: (session) =>
      intentRequest('ContactDetailsIntent', { name: PROBES.uniqueName, detail: PHONE }, session),
    store: { maxRoundTrips: 3 },
  },
  {
    name: 'lookup, resolved id',
    measured: (session) =>
      intentRequest(
        'ContactDetailsIntent',
        { name: { value: PROBES.uniqueName, ids: ['p01'] }, detail: PHONE },
        session,
      ),
    store: { maxRoundTrips: 3 },
  },
  {
    name: 'lookup, several match',
    measured: (session) => intentRequest('ContactDetailsIntent', { name: PROBES.sharedLastName }, session),
    store: { maxRoundTrips: 3 },
  },
  { name: 'list page', measured: browseCompany, store: { queries: 1 } },
  {
    name: 'list next page',
    setup: [browseCompany],
    measured: (session) => intentRequest('AMAZON.MoreIntent', {}, session),
    store: { queries: 1 },
  },
  {
    name: 'list page, by state',
    measured: (session) => intentRequest('BrowsePlaceIntent', { state: 'Texas' }, session),
    store: { queries: 1 },
  },
  // Follow-ups (issue 14, part A): what was just said is in the session, so these ask the store
  // for one contact or one page at most.
  {
    name: 'follow-up, what about',
    setup: [
      (session) => intentRequest('ContactDetailsIntent', { name: PROBES.uniqueName, detail: PHONE }, session),
    ],
    measured: (session) => intentRequest('FollowUpIntent', { name: PROBES.uniqueName }, session),
    store: { maxRoundTrips: 3 },
  },
  {
    name: 'pick from a list',
    setup: [browseCompany],
    measured: (session) => intentRequest('ChooseContactIntent', { ordinal: '2' }, session),
    store: { maxRoundTrips: 1 },
  },
  {
    name: 'list previous page',
    setup: [browseCompany, (session) => intentRequest('AMAZON.MoreIntent', {}, session)],
    measured: (session) => intentRequest('AMAZON.PreviousIntent', {}, session),
    store: { queries: 1 },
  },
  {
    name: 'how many',
    setup: [browseCompany],
    measured: (session) => intentRequest('HowManyIntent', {}, session),
    store: { maxRoundTrips: 0 },
  },
  // Issue 14, part B: roles, a city in its state, the board by company and by time.
  {
    name: 'list page, by role',
    measured: (session) => intentRequest('BrowseRoleIntent', { role: 'managers' }, session),
    store: { queries: 1 },
  },
  {
    name: 'list page, by role at a company',
    measured: (session) =>
      intentRequest('BrowseRoleIntent', { role: 'account manager', company: PROBES.company }, session),
    store: { queries: 1 },
  },
  {
    name: 'list page, by city and state',
    measured: (session) =>
      intentRequest('BrowsePlaceIntent', { city: PROBES.city, state: PROBES.state }, session),
    store: { queries: 1 },
  },
  {
    name: "who's in from a company",
    setup: [checkIn(PRESENT_FIRST)],
    measured: (session) => intentRequest('WhoIsInFromIntent', { company: 'Globex' }, session),
    store: { queries: 1 },
  },
  {
    name: 'who checked out today',
    setup: [checkIn(PRESENT_SECOND), checkOut(PRESENT_SECOND)],
    measured: (session) => intentRequest('WhoLeftTodayIntent', {}, session),
    store: { queries: 1 },
  },
  {
    name: 'when did someone check in',
    setup: [checkIn(PRESENT_THIRD)],
    before: [aboutSomeoneElse],
    measured: (session) => intentRequest('WhenPresenceIntent', { name: PRESENT_THIRD }, session),
    store: { maxRoundTrips: 3 },
  },
  { name: 'check-in', before: [checkOut(PRESENT_FIRST), aboutSomeoneElse], measured: checkIn(PRESENT_FIRST) },
  {
    // A visitor signs in to see a host, one-shot; the host is told by one event on the bus.
    name: 'visitor arrival',
    before: [(session) => intentRequest('VisitorLeaveIntent', { visitorName: VISITOR }, session)],
    measured: (session) =>
      intentRequest('VisitorArrivalIntent', { host: PROBES.uniqueName, visitorName: VISITOR }, session),
    store: { maxRoundTrips: 3 },
  },
  {
    // As Alexa sends it for a name in the directory's slot values: resolved to the person's id.
    name: 'check-in, resolved id',
    before: [checkOut(PRESENT_FIRST), aboutSomeoneElse],
    measured: (session) =>
      intentRequest('CheckInIntent', { name: { value: PRESENT_FIRST, ids: ['p06'] } }, session),
  },
  {
    name: "who's in",
    setup: [checkIn(PRESENT_FIRST), checkIn(PRESENT_SECOND), checkIn(PRESENT_THIRD)],
    measured: (session) => intentRequest('WhoIsInIntent', {}, session),
    store: { queries: 1 },
  },
  {
    // Last: it checks in more people, which the families above do not expect.
    name: "who's in, next page",
    setup: [
      ...['Adaeze Okafor', 'Chinedu Okafor', 'Ngozi Okafor', 'Emeka Okafor', 'Leopoldina Ashdown'].map(
        checkIn,
      ),
      (session) => intentRequest('WhoIsInIntent', {}, session),
    ],
    measured: (session) => intentRequest('AMAZON.MoreIntent', {}, session),
    store: { queries: 1 },
  },
];

/** The custom intents a family's requests use, from the requests themselves. */
export function intentsOf(family: IntentFamily): string[] {
  const turns = [...(family.setup ?? []), ...(family.before ?? []), family.measured];
  const names = new Set<string>();
  for (const turn of turns) {
    const request = turn({}).request as { type: string; intent?: { name: string } };
    if (request.intent) names.add(request.intent.name);
  }
  return [...names];
}
