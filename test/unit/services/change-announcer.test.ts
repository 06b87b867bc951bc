import { createMetrics } from '../../../lambda/src/metrics';
import { ChangeAnnouncer } from '../../../lambda/src/services/change-announcer';
import { RecordingEventPublisher } from '../../support/fakes';

const SEAN = { id: 'c005', firstName: 'Sean', lastName: "O'Neill", company: 'Acme Corp.', aliases: [] };
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

    // Assess: what EventBridge is sent as DetailType and Detail, byte for byte.
    expect(published).toBe(true);
    expect(publisher.events.map((event) => [event.type, JSON.stringify(event.detail)])).toEqual([
      [
        'Checked Out',
        '{"at":"2025-01-15T14:05:00.000Z","contact":{"id":"c005","name":"Sean O\'Neill"},"reason":"end of day"}',
      ],
    ]);
  });
});
