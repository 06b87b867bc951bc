import type { PresenceRecord } from '../../lambda/src/domain/presence';
import { buildEndOfDayJob } from '../../lambda/src/end-of-day-job';
import { EndOfDayIncompleteError, StoreUnavailableError } from '../../lambda/src/errors';
import { createMetrics } from '../../lambda/src/metrics';
import { FakePresenceStore } from '../support/fakes';

/** 19:00 in New York on 2026-01-15 (EST), and five seconds later. */
const CLOSING = '2026-01-16T00:00:00.000Z';
const NOW = new Date('2026-01-16T00:00:05Z');

function inThisMorning(id: string): PresenceRecord {
  return {
    contactId: id,
    status: 'IN',
    changedAt: '2026-01-15T14:00:00.000Z',
    version: 1,
    changeId: `in-${id}`,
    requester: 'someone',
    fullName: `Person ${id}`,
    firstName: 'Person',
  };
}

function setUp(publish: () => Promise<void>) {
  const store = new FakePresenceStore();
  const metricLines: string[] = [];
  const job = buildEndOfDayJob({
    config: { officeTimeZone: 'America/New_York', officeClosingTime: { hour: 19, minute: 0 } },
    presence: store,
    events: { publish },
    metrics: createMetrics({ write: (line) => metricLines.push(line), now: () => 0 }),
    clock: () => NOW,
  });
  return { store, job, metricLines };
}

describe('the endOfDay handler', () => {
  it('succeeds when only the events could not be published: the check-outs stand, a retry could not announce them, and the metric counts them', async () => {
    // Prepare: two people in since the morning; the bus refuses every event.
    const { store, job, metricLines } = setUp(async () => {
      throw new Error('PutEvents failed');
    });
    store.presence.set('a', inThisMorning('a'));
    store.presence.set('b', inThisMorning('b'));

    // Act
    const report = await job.handle({ scheduledTime: CLOSING });
    const retry = await job.handle({ scheduledTime: CLOSING });

    // Assess
    expect(report).toMatchObject({ checkedOut: 2, eventsFailed: 2, failed: 0 });
    expect([store.presence.get('a')?.status, store.presence.get('b')?.status]).toEqual(['OUT', 'OUT']);
    expect(metricLines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ EventType: 'Checked Out', EventsNotPublished: 1 }),
      expect.objectContaining({ EventType: 'Checked Out', EventsNotPublished: 1 }),
    ]);
    expect(retry).toMatchObject({ checkedOut: 0, eventsFailed: 0, failed: 0 });
  });

  it('fails the invocation when the store refused a check-out, so that Lambda runs it again', async () => {
    // Prepare: one person in; the store refuses the check-out.
    const { store, job } = setUp(async () => undefined);
    store.presence.set('a', inThisMorning('a'));
    store.putPresence = async () => {
      throw new StoreUnavailableError('throttled');
    };

    // Act
    const run = job.handle({ scheduledTime: CLOSING });

    // Assess
    await expect(run).rejects.toBeInstanceOf(EndOfDayIncompleteError);
    await expect(run).rejects.toMatchObject({ cause: expect.objectContaining({ failed: 1 }) });
    expect(store.presence.get('a')?.status).toBe('IN');
  });
});
