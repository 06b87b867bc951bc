import type { FrontDeskEvent } from '../../../lambda/src/domain/events';
import type { PresenceRecord } from '../../../lambda/src/domain/presence';
import { StoreUnavailableError } from '../../../lambda/src/errors';
import { createLogger } from '../../../lambda/src/logger';
import { createMetrics } from '../../../lambda/src/metrics';
import { ChangeAnnouncer } from '../../../lambda/src/services/change-announcer';
import { END_OF_DAY_REQUESTER, EndOfDayService } from '../../../lambda/src/services/end-of-day-service';
import type { EventPublisher, VisitorSignOut } from '../../../lambda/src/services/ports';
import { hashRequester, PresenceService } from '../../../lambda/src/services/presence-service';
import { FakePresenceStore } from '../../support/fakes';

/** 19:00 in New York on 2026-01-15 (EST). */
const CLOSING = new Date('2026-01-16T00:00:00Z');
const NOW = new Date('2026-01-16T00:00:05Z');

function inRecord(id: string, changedAt: string, version = 1): PresenceRecord {
  return {
    contactId: id,
    status: 'IN',
    changedAt,
    version,
    changeId: `in-${id}-${version}`,
    requester: 'someone',
    fullName: `Person ${id}`,
    firstName: 'Person',
    company: 'Acme Corp.',
  };
}

class RecordingPublisher implements EventPublisher {
  public readonly events: FrontDeskEvent[] = [];
  public failing = false;
  public async publish(event: FrontDeskEvent): Promise<void> {
    if (this.failing) throw new Error('PutEvents failed');
    this.events.push(event);
  }
}

function setUp(options: { pageSize?: number; visitors?: VisitorSignOut } = {}) {
  const store = new FakePresenceStore();
  const events = new RecordingPublisher();
  // What an operator sees: the log lines and the metric lines (EMF) the announcer writes.
  const logLines: string[] = [];
  const metricLines: string[] = [];
  const logger = createLogger({ level: 'INFO', write: (line) => logLines.push(line) });
  const metrics = createMetrics({ write: (line) => metricLines.push(line), now: () => 0 });
  let changes = 0;
  const service = new EndOfDayService({
    presence: new PresenceService(store, { clock: () => NOW, newChangeId: () => `eod-${++changes}` }),
    changes: new ChangeAnnouncer(events, logger, (eventType) => metrics.eventNotPublished(eventType)),
    visitors: options.visitors,
    closingTime: { hour: 19, minute: 0 },
    timeZone: 'America/New_York',
    clock: () => NOW,
    pageSize: options.pageSize ?? 2,
  });
  return { store, events, service, logLines, metricLines };
}

describe('EndOfDayService', () => {
  it('checks out everyone still in, with the reason, a history entry and an event each', async () => {
    // Prepare
    const { store, events, service } = setUp();
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      store.presence.set(
        id,
        inRecord(id, `2026-01-15T1${['3', '4', '5', '6', '7'][id.charCodeAt(0) - 97]}:00:00.000Z`),
      );
    }

    // Act
    const report = await service.run(CLOSING);

    // Assess
    expect(report).toMatchObject({ checkedOut: 5, leftAsIs: 0, failed: 0, eventsFailed: 0, pages: 3 });
    expect(report.closingAt).toBe(CLOSING.toISOString());
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      expect(store.presence.get(id)).toMatchObject({
        status: 'OUT',
        version: 2,
        reason: 'end of day',
        changedAt: NOW.toISOString(),
        requester: hashRequester(END_OF_DAY_REQUESTER),
      });
      const entries = store.changesOf(id);
      expect(entries.map((entry) => [entry.version, entry.status, entry.reason])).toEqual([
        [1, 'IN', undefined],
        [2, 'OUT', 'end of day'],
      ]);
    }
    expect((await store.listPresent(10)).records).toEqual([]);
    expect(events.events).toHaveLength(5);
    expect(events.events[0]).toEqual({
      type: 'Checked Out',
      detail: {
        at: NOW.toISOString(),
        contact: { id: expect.any(String), name: expect.stringMatching(/^Person /), company: 'Acme Corp.' },
        reason: 'end of day',
      },
    });
  });

  it('changes nothing and publishes nothing when run a second time', async () => {
    const { store, events, service } = setUp();
    store.presence.set('a', inRecord('a', '2026-01-15T13:00:00.000Z'));
    await service.run(CLOSING);
    const board = structuredClone([...store.presence.values()]);
    const history = store.changesOf('a');

    const again = await service.run(CLOSING);

    expect(again).toMatchObject({ checkedOut: 0, leftAsIs: 0, failed: 0 });
    expect([...store.presence.values()]).toEqual(board);
    expect(store.changesOf('a')).toEqual(history);
    expect(events.events).toHaveLength(1);
  });

  it('leaves in whoever checked in after closing time', async () => {
    const { store, events, service } = setUp();
    store.presence.set('early', inRecord('early', '2026-01-15T23:59:59.000Z'));
    store.presence.set('late', inRecord('late', '2026-01-16T00:00:01.000Z'));

    const report = await service.run(CLOSING);

    expect(report).toMatchObject({ checkedOut: 1, leftAsIs: 1 });
    expect(store.presence.get('early')?.status).toBe('OUT');
    expect(store.presence.get('late')).toEqual(inRecord('late', '2026-01-16T00:00:01.000Z'));
    expect(events.events.map((event) => event.detail)).toEqual([
      expect.objectContaining({ contact: expect.objectContaining({ id: 'early' }) }),
    ]);
  });

  it('does not undo a check-in that races it: the later change stands', async () => {
    // Prepare: between the list and the write, the person checks out and in again after closing.
    const { store, events, service } = setUp();
    store.presence.set('rosa', inRecord('rosa', '2026-01-15T14:00:00.000Z'));
    const put = store.putPresence.bind(store);
    let raced = false;
    store.putPresence = async (record, expected) => {
      if (!raced) {
        raced = true;
        store.presence.set('rosa', { ...inRecord('rosa', '2026-01-16T00:00:02.000Z', 3) });
      }
      return put(record, expected);
    };

    // Act
    const report = await service.run(CLOSING);

    // Assess
    expect(report).toMatchObject({ checkedOut: 0, leftAsIs: 1, failed: 0 });
    expect(store.presence.get('rosa')).toMatchObject({ status: 'IN', version: 3 });
    expect(events.events).toEqual([]);
  });

  it('checks out someone whose listed state was stale, from their latest state', async () => {
    // The index still lists version 1; the table holds version 3 (in again, before closing).
    const { store, service } = setUp();
    const stale = inRecord('wei', '2026-01-15T13:00:00.000Z', 1);
    store.presence.set('wei', inRecord('wei', '2026-01-15T22:00:00.000Z', 3));
    store.listPresent = async () => ({ records: [stale] });

    const report = await service.run(CLOSING);

    expect(report.checkedOut).toBe(1);
    expect(store.presence.get('wei')).toMatchObject({ status: 'OUT', version: 4, reason: 'end of day' });
  });

  it('counts what the store refused, and a rerun finishes it', async () => {
    const { store, events, service } = setUp();
    store.presence.set('a', inRecord('a', '2026-01-15T13:00:00.000Z'));
    store.presence.set('b', inRecord('b', '2026-01-15T14:00:00.000Z'));
    const put = store.putPresence.bind(store);
    store.putPresence = async (record, expected) => {
      if (record.contactId === 'a') throw new StoreUnavailableError('throttled');
      return put(record, expected);
    };

    const first = await service.run(CLOSING);
    store.putPresence = put;
    const second = await service.run(CLOSING);

    expect(first).toMatchObject({ checkedOut: 1, failed: 1 });
    expect(second).toMatchObject({ checkedOut: 1, failed: 0 });
    expect(store.presence.get('a')?.status).toBe('OUT');
    expect(events.events).toHaveLength(2);
  });

  it('keeps the check-out when its event cannot be published, and logs and counts it as the skill does', async () => {
    // Prepare
    const { store, events, service, logLines, metricLines } = setUp();
    store.presence.set('a', inRecord('a', '2026-01-15T13:00:00.000Z'));
    events.failing = true;

    // Act
    const report = await service.run(CLOSING);

    // Assess: the EventsNotPublished metric the skill's failed publishes count in, by event type.
    expect(report).toMatchObject({ checkedOut: 1, eventsFailed: 1 });
    expect(store.presence.get('a')?.status).toBe('OUT');
    expect(metricLines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({
        EventType: 'Checked Out',
        EventsNotPublished: 1,
        _aws: expect.objectContaining({
          CloudWatchMetrics: [
            expect.objectContaining({ Namespace: 'FrontDesk', Dimensions: [['EventType'], []] }),
          ],
        }),
      }),
    ]);
    const logged = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.filter((line) => line.level !== 'INFO')).toEqual([
      expect.objectContaining({
        level: 'WARN',
        message: 'Event not published',
        eventType: 'Checked Out',
        error: { name: 'Error' },
      }),
    ]);
    expect(logLines.join('\n')).not.toContain('Person a');
  });

  it('has the visitor desk sign out its visitors for the same closing time', async () => {
    const calls: [string, string][] = [];
    const { service } = setUp({
      visitors: {
        signOutEveryone: async (reason, closingAt) => {
          calls.push([reason, closingAt.toISOString()]);
          return { signedOut: 2, failed: 0 };
        },
      },
    });

    const report = await service.run(CLOSING);

    expect(calls).toEqual([['end of day', CLOSING.toISOString()]]);
    expect(report.visitors).toEqual({ signedOut: 2, failed: 0 });
  });

  it('stops paging and reports a failure when the list cannot be read', async () => {
    const { store, service } = setUp();
    store.listPresent = async () => {
      throw new StoreUnavailableError('unreachable');
    };

    await expect(service.run(CLOSING)).resolves.toMatchObject({ checkedOut: 0, failed: 1, pages: 0 });
  });

  it('clears the board for the latest closing time up to now by default', async () => {
    const { store, service } = setUp();
    store.presence.set('a', inRecord('a', '2026-01-15T13:00:00.000Z'));

    const report = await service.run();

    expect(report.closingAt).toBe(CLOSING.toISOString());
    expect(report.checkedOut).toBe(1);
  });
});
