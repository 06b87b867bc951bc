import { createMetrics } from '../../../lambda/src/metrics';
import { ChangeAnnouncer } from '../../../lambda/src/services/change-announcer';
import { RecordingEventPublisher } from '../../support/fakes';

const SEAN = { id: 'c005', firstName: 'Sean', lastName: "O'Neill", company: 'Acme Corp.', aliases: [] };
const SAMUEL = { id: 'c039', firstName: 'Samuel', lastName: 'Price', aliases: ['Sam'] };
const RECORD = {
  contactId: 'c005',
  status: 'IN' as const,
  changedAt: '2025-01-15T14:05:00.000Z',
  version: 1,
  changeId: 'x',
  requester: 'h',
  fullName: "Sean O'Neill",
  firstName: 'Sean',
};

describe('ChangeAnnouncer', () => {
  it('counts a failed publish as an EventsNotPublished metric by event type, and says it failed', async () => {
    // Prepare
    const lines: string[] = [];
    const metrics = createMetrics({ write: (line) => lines.push(line), now: () => 0 });
    const publisher = new RecordingEventPublisher();
    publisher.failing = true;
    const announcer = new ChangeAnnouncer(publisher, undefined, (type) => metrics.eventNotPublished(type));

    // Act
    const published = await announcer.presenceChanged(SEAN, RECORD, 'spoken');

    // Assess
    expect(published).toBe(false);
    expect(announcer.failures).toBe(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      EventType: 'Checked In',
      EventsNotPublished: 1,
      _aws: { CloudWatchMetrics: [{ Namespace: 'FrontDesk', Dimensions: [['EventType'], []] }] },
    });
  });

  it('publishes without counting anything when the bus takes the event', async () => {
    const counted: string[] = [];
    const publisher = new RecordingEventPublisher();

    const published = await new ChangeAnnouncer(publisher, undefined, (type) =>
      counted.push(type),
    ).presenceChanged(SEAN, RECORD, 'end of day');

    expect(published).toBe(true);
    expect(counted).toEqual([]);
    expect(publisher.events[0]).toEqual({
      type: 'Checked In',
      detail: {
        at: RECORD.changedAt,
        contact: { id: 'c005', name: "Sean O'Neill", company: 'Acme Corp.' },
        reason: 'end of day',
      },
    });
  });

  it("announces an end-of-day check-out by the names its record carries, in the contract's shape", async () => {
    // Prepare: the record end of day wrote, without a company.
    const publisher = new RecordingEventPublisher();
    const checkedOut = { ...RECORD, status: 'OUT' as const, version: 2, reason: 'end of day' as const };

    // Act
    const published = await new ChangeAnnouncer(publisher).presenceRecorded(checkedOut, 'end of day');

    // Assess: what EventBridge is sent as DetailType and Detail, byte for byte; the contract's
    // `company` is there, empty, as the record has none.
    expect(published).toBe(true);
    expect(publisher.events.map((event) => [event.type, JSON.stringify(event.detail)])).toEqual([
      [
        'Checked Out',
        '{"at":"2025-01-15T14:05:00.000Z","contact":{"id":"c005","name":"Sean O\'Neill","company":""},"reason":"end of day"}',
      ],
    ]);
  });

  it('names a contact the directory has no company for with an empty company, as the contract has it', async () => {
    // Prepare: Samuel Price (c039 in the sample directory) has no company.
    const publisher = new RecordingEventPublisher();
    const record = { ...RECORD, contactId: SAMUEL.id, fullName: 'Samuel Price', firstName: 'Samuel' };

    // Act
    await new ChangeAnnouncer(publisher).presenceChanged(SAMUEL, record, 'spoken');

    // Assess
    expect(publisher.events.map((event) => JSON.stringify(event.detail))).toEqual([
      '{"at":"2025-01-15T14:05:00.000Z","contact":{"id":"c039","name":"Samuel Price","company":""},"reason":"spoken"}',
    ]);
  });

  it("names a visit's host without a company with an empty company, and a visitor without one with none", async () => {
    // Prepare: a visitor for Samuel Price, who has no company; the visitor gave none either.
    const publisher = new RecordingEventPublisher();
    const visit = {
      id: 'v1',
      day: '2025-01-15',
      arrivedAt: '2025-01-15T14:05:00.000Z',
      expiresAt: 1_739_000_000,
      visitor: { name: 'Sam Carter' },
      host: { id: 'c039', name: 'Samuel Price', email: 'sam.price@example.org', phone: '+17205550132' },
    };

    // Act
    await new ChangeAnnouncer(publisher).visitChanged(visit, 'Visitor Arrived');

    // Assess: `host.company` is always there (DESIGN.md), `visitor.company` only when given.
    expect(publisher.events.map((event) => [event.type, JSON.stringify(event.detail)])).toEqual([
      [
        'Visitor Arrived',
        '{"at":"2025-01-15T14:05:00.000Z","visitId":"v1","visitor":{"name":"Sam Carter"},' +
          '"host":{"id":"c039","name":"Samuel Price","company":"","email":"sam.price@example.org","phone":"+17205550132"}}',
      ],
    ]);
  });
});
