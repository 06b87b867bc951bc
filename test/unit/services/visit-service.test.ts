import type { Contact } from '../../../lambda/src/domain/contact';
import { ChangeAnnouncer } from '../../../lambda/src/services/change-announcer';
import { officeDayOf, VisitService } from '../../../lambda/src/services/visit-service';
import { FakeVisitStore, RecordingEventPublisher } from '../../support/fakes';

const HOST: Contact = { id: 'c1', firstName: 'Wei', lastName: 'Zhang', company: 'Acme', aliases: [] };

function service(now: () => Date, retentionDays = 30) {
  const store = new FakeVisitStore();
  const events = new RecordingEventPublisher();
  let next = 0;
  const visits = new VisitService(store, new ChangeAnnouncer(events), {
    clock: now,
    officeTimeZone: 'America/New_York',
    retentionDays,
    newVisitId: () => `v${++next}`,
  });
  return { store, events, visits };
}

describe('VisitService', () => {
  it('files a visit under the office day, not the UTC day', () => {
    // 03:00 UTC on the 16th is still the 15th in New York.
    expect(officeDayOf(new Date('2025-01-16T03:00:00Z'), 'America/New_York')).toBe('2025-01-15');
  });

  it('ignores a visit whose retention has passed, as a store without TTL still holds it', async () => {
    let now = new Date('2025-01-15T14:00:00Z');
    const { visits, store } = service(() => now, 1);
    await visits.arrive(HOST, { name: 'Sam Carter' });
    const [stored] = [...store.visits.values()];
    if (!stored) throw new Error('no visit');
    store.visits.set(stored.id, { ...stored, expiresAt: Math.floor(now.getTime() / 1000) - 1 });

    now = new Date('2025-01-15T15:00:00Z');
    expect(await visits.visitsToday()).toEqual([]);
  });

  it('signs out every visitor still in at closing time, each with its own Visitor Left, and a rerun changes nothing', async () => {
    let now = new Date('2025-01-15T22:00:00Z');
    const { visits, events, store } = service(() => now);
    await visits.arrive(HOST, { name: 'Sam Carter' });
    await visits.arrive(HOST, { name: 'Ana Ruiz', company: 'Wayne' });
    await visits.arrive(HOST, { name: 'Lee Wong' });
    await visits.leaveByName('lee wong');
    now = new Date('2025-01-16T00:05:00Z');
    await visits.arrive(HOST, { name: 'Late Arrival' });

    // 19:00 in New York.
    const result = await visits.signOutEveryone('end of day', new Date('2025-01-16T00:00:00Z'));
    const again = await visits.signOutEveryone('end of day', new Date('2025-01-16T00:00:00Z'));

    expect(result).toEqual({ signedOut: 2, failed: 0 });
    expect(again).toEqual({ signedOut: 0, failed: 0 });
    const open = [...store.visits.values()].filter((visit) => visit.leftAt === undefined);
    expect(open.map((visit) => visit.visitor.name)).toEqual(['Late Arrival']);
    expect(events.events.filter((event) => event.type === 'Visitor Left')).toHaveLength(3);
  });

  it('finds a visitor by first or last name alone, most recent first', async () => {
    let now = new Date('2025-01-15T14:00:00Z');
    const { visits } = service(() => now);
    await visits.arrive(HOST, { name: 'Sam Carter' });
    now = new Date('2025-01-15T15:00:00Z');
    await visits.arrive(HOST, { name: 'Sam Carter' });

    const found = await visits.findVisitsToday('Carter');

    expect(found.map((visit) => visit.arrivedAt)).toEqual([
      '2025-01-15T15:00:00.000Z',
      '2025-01-15T14:00:00.000Z',
    ]);
  });

  it('reports a visit closed by someone else meanwhile as already left, and publishes nothing more', async () => {
    const { visits, events, store } = service(() => new Date('2025-01-15T14:00:00Z'));
    const arrival = await visits.arrive(HOST, { name: 'Sam Carter' });
    if (arrival.kind !== 'logged') throw new Error('not logged');
    await store.closeVisit(arrival.visit, '2025-01-15T14:30:00Z');

    expect((await visits.leaveById(arrival.visit.id)).kind).toBe('alreadyLeft');
    expect(events.events.map((event) => event.type)).toEqual(['Visitor Arrived']);
  });
});
