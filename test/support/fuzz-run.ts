import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import fc from 'fast-check';
import { IntentNames } from '../../lambda/src/interaction';
import type { FrontDeskSkill } from '../../lambda/src/pipeline/guarded-skill';
import { responseViolations } from './alexa-response-rules';
import { Conversation } from './conversation';
import {
  describeCase,
  envelopeOf,
  type FuzzCase,
  type FuzzContext,
  fuzzCase,
  REQUEST_TYPES,
} from './envelope-fuzz';
import { intentRequest, launchRequest } from './requests';

/** How many envelopes a fuzz test drives: `FUZZ_RUNS` overrides the default (npm run test:fuzz). */
export function fuzzRuns(defaultRuns: number): number {
  const configured = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(configured) && configured > 0 ? configured : defaultRuns;
}

/**
 * Room for a run of `runs` envelopes, for a hang only (each envelope has its own 5 s limit): an
 * envelope takes 10 to 20 ms on a loaded two-core machine, so 100 ms is five times that or more.
 */
export function fuzzTimeoutMs(runs: number): number {
  return 60_000 + runs * 100;
}

/** The seed of every fuzz run, fixed so a failure reproduces; `FUZZ_SEED` overrides it. */
export function fuzzSeed(): number {
  const configured = Number(process.env.FUZZ_SEED);
  return Number.isInteger(configured) ? configured : 20250115;
}

/** What a run saw, for the report and for assertions. */
export interface FuzzTally {
  envelopes: number;
  byRequestType: Record<string, number>;
  /** Answers that were the error handler's apology, and the errors behind them. */
  apologies: number;
  apologyNames: Record<string, number>;
  /** Apologies for the store (or a lost write) on an envelope whose session state was intact: described. */
  storeApologies: string[];
  /** Apologies for a programming error (only ever on garbled session attributes), by error name. */
  crashes: number;
  crashNames: Record<string, number>;
  silent: number;
  spoken: number;
  violations: number;
}

export function emptyTally(): FuzzTally {
  return {
    envelopes: 0,
    byRequestType: Object.create(null) as Record<string, number>,
    apologies: 0,
    apologyNames: Object.create(null) as Record<string, number>,
    storeApologies: [],
    crashes: 0,
    crashNames: Object.create(null) as Record<string, number>,
    silent: 0,
    spoken: 0,
    violations: 0,
  };
}

/** Enough of Acme checked in for "who's in from Acme" to have a second page. */
const ACME_CHECK_INS: readonly RequestEnvelope[] = [
  'robert smith',
  'john carter',
  'elizabeth hale',
  'sean oneill',
  'priya raman',
  'zoe laurent',
].map((name) => intentRequest(IntentNames.checkIn, { name }));

/**
 * Session attributes as real conversations leave them, for the fuzz to carry into its envelopes:
 * a "which one?" after an ambiguous name, a list page, "did you mean", "who are you?", a repeat.
 */
export async function collectSnapshots(skill: FrontDeskSkill): Promise<Record<string, unknown>[]> {
  const turns: RequestEnvelope[][] = [
    [launchRequest(), intentRequest(IntentNames.contactDetails, { name: 'jane doe' })],
    [intentRequest(IntentNames.browseCompany, { company: 'acme' })],
    [intentRequest(IntentNames.browsePlace, { state: 'Texas' })],
    [intentRequest(IntentNames.contactDetails, { name: 'jane dough' })],
    [intentRequest(IntentNames.checkMeIn)],
    [intentRequest(IntentNames.identify, { name: 'robert smith' })],
    [intentRequest(IntentNames.contactDetails, {})],
    [
      intentRequest(IntentNames.contactDetails, { name: 'sean', detail: 'phone' }),
      intentRequest(IntentNames.help),
    ],
    // Follow-ups: a list read and a page turned (the list remembered, with where its pages began),
    // a pick from it that asked whose detail, a detail to carry, a miss counted.
    [
      launchRequest(),
      intentRequest(IntentNames.browseCompany, { company: 'acme' }),
      intentRequest(IntentNames.more),
    ],
    [
      launchRequest(),
      intentRequest(IntentNames.browseCompany, { company: 'initech' }),
      intentRequest(IntentNames.contactDetails, { detail: { value: 'phone', ids: ['phone'] } }),
    ],
    [
      launchRequest(),
      intentRequest(IntentNames.contactDetails, { name: 'jane', detail: { value: 'email', ids: ['email'] } }),
      intentRequest(IntentNames.chooseContact, { ordinal: '9' }),
    ],
    [
      launchRequest(),
      intentRequest(IntentNames.contactDetails, { name: 'sean', detail: { value: 'email', ids: ['email'] } }),
      intentRequest(IntentNames.browsePlace, { city: 'Miami' }),
    ],
    // Roles and places: a "which Portland?" pending, a role's list page, a role at one company.
    [intentRequest(IntentNames.browsePlace, { city: 'Portland' })],
    [intentRequest(IntentNames.browseRole, { role: 'managers' })],
    [intentRequest(IntentNames.browseRole, { role: 'manager', company: 'contoso' })],
    // The visitor desk: the name asked for (Dialog.ElicitSlot), a host asked for, a visit signed in.
    [intentRequest(IntentNames.visitorArrival, { host: 'priya raman' })],
    [intentRequest(IntentNames.visitorArrival, { visitorName: 'sam carter' })],
    [
      launchRequest(),
      intentRequest(IntentNames.visitorArrival, { host: 'priya raman', visitorName: 'sam carter' }),
    ],
    [intentRequest(IntentNames.visitorArrival, { host: 'jane doe', visitorName: 'ana ruiz' })],
    // The board's lists: a page of "who's in from Acme" with more to come, its second page (the
    // list remembered with where its pages began), "who's in", and "who checked out today".
    [launchRequest(), ...ACME_CHECK_INS, intentRequest(IntentNames.whoIsInFrom, { company: 'acme' })],
    [
      launchRequest(),
      intentRequest(IntentNames.whoIsInFrom, { company: 'acme' }),
      intentRequest(IntentNames.more),
    ],
    [launchRequest(), intentRequest(IntentNames.whoIsIn)],
    [
      launchRequest(),
      intentRequest(IntentNames.checkOut, { name: 'robert smith' }),
      intentRequest(IntentNames.checkOut, { name: 'john carter' }),
      intentRequest(IntentNames.whoLeftToday),
    ],
  ];
  const snapshots: Record<string, unknown>[] = [];
  for (const conversation of turns) {
    const talk = new Conversation(skill);
    for (const envelope of conversation) await talk.send(envelope);
    snapshots.push(structuredClone(talk.sessionAttributes));
  }
  return snapshots;
}

/** Error names that mean the skill's own code failed, not the store or a refusal. */
function crashNameOf(line: string): string | undefined {
  try {
    const parsed = JSON.parse(line) as { message?: string; error?: { name?: string } };
    if (parsed.message !== 'Request failed') return undefined;
    const name = parsed.error?.name ?? 'unknown';
    return name === 'StoreUnavailableError' || name === 'ConflictError' ? undefined : name;
  } catch {
    return undefined;
  }
}

const SKILL_TIME_LIMIT_MS = 5000;

function withinTime<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the skill did not answer')), SKILL_TIME_LIMIT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export interface FuzzRunOptions {
  readonly skill: FrontDeskSkill;
  readonly context: FuzzContext;
  /** The skill's log lines, to tell a crash (a programming error) from a store apology. */
  readonly logLines: string[];
  readonly runs: number;
  readonly tally: FuzzTally;
}

/**
 * Drives `runs` fuzzed envelopes through the skill and checks each answer against Alexa's rules.
 * A crash (the error handler catching a programming error) fails the property unless a mutation
 * garbled the session attributes themselves, which only this skill writes; those are counted. An
 * unhandled promise rejection anywhere during the run fails it too.
 */
export async function runEnvelopeFuzz(options: FuzzRunOptions): Promise<void> {
  const { skill, context, logLines, tally } = options;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  process.on('unhandledRejection', onUnhandled);
  try {
    await assertEveryEnvelope(skill, context, logLines, tally, options.runs);
    // A rejection nobody handles shows up a turn later, if at all: give it that turn.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  if (unhandled.length > 0) throw new Error(`Unhandled rejections: ${unhandled.map(String).join('; ')}`);
}

async function assertEveryEnvelope(
  skill: FrontDeskSkill,
  context: FuzzContext,
  logLines: string[],
  tally: FuzzTally,
  runs: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fuzzCase, async (fuzz: FuzzCase) => {
      const { envelope, attributesMutated } = envelopeOf(fuzz, context);
      const requestType = (envelope.request as { type?: unknown } | null | undefined)?.type;
      const logsBefore = logLines.length;
      let response: ResponseEnvelope;
      try {
        response = await withinTime(skill.invoke(envelope as unknown as RequestEnvelope));
      } catch (error) {
        throw new Error(`${describeCase(fuzz)}: invoke rejected: ${(error as Error).stack ?? String(error)}`);
      }
      tally.envelopes += 1;
      const typeKey =
        typeof requestType === 'string' && REQUEST_TYPES.includes(requestType) && requestType !== ''
          ? requestType
          : '(malformed)';
      tally.byRequestType[typeKey] = (tally.byRequestType[typeKey] ?? 0) + 1;
      const newLines = logLines.slice(logsBefore);
      const failures = newLines.filter((line) => line.includes('"message":"Request failed"'));
      if (failures.length > 0) tally.apologies += 1;
      for (const line of failures) {
        const name = (JSON.parse(line) as { error?: { name?: string } }).error?.name ?? 'unknown';
        tally.apologyNames[name] = (tally.apologyNames[name] ?? 0) + 1;
        if (!crashNameOf(line) && !attributesMutated)
          tally.storeApologies.push(`${describeCase(fuzz)}: ${line.slice(0, 400)}`);
      }
      const crashes = newLines.map(crashNameOf).filter((name): name is string => name !== undefined);
      for (const name of crashes) tally.crashNames[name] = (tally.crashNames[name] ?? 0) + 1;
      if (crashes.length > 0) tally.crashes += 1;
      if (response?.response?.outputSpeech) tally.spoken += 1;
      else tally.silent += 1;
      const problems = await responseViolations(response, requestType);
      if (problems.length > 0) tally.violations += 1;
      if (problems.length > 0) {
        throw new Error(
          `${describeCase(fuzz)}: ${problems.join('; ')}\n${JSON.stringify(response).slice(0, 600)}`,
        );
      }
      if (crashes.length > 0 && !attributesMutated) {
        const detail = newLines.find((line) => line.includes('Request failed')) ?? '';
        throw new Error(`${describeCase(fuzz)}: the skill crashed: ${detail.slice(0, 600)}`);
      }
      // Garbled session state (only this skill writes it; an older version of the skill could have)
      // may fail a turn, but the question it garbled is dropped, so the next turn starts afresh.
      const pending = (response.sessionAttributes as { pending?: unknown } | undefined)?.pending;
      if (crashes.length > 0 && pending !== undefined) {
        throw new Error(`${describeCase(fuzz)}: a failed turn kept the question it failed on`);
      }
    }),
    { numRuns: runs, seed: fuzzSeed(), endOnFailure: false },
  );
}
