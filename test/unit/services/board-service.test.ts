import type { Contact } from '../../../lambda/src/domain/contact';
import { BoardService, startOfDay } from '../../../lambda/src/services/board-service';
import { PresenceService } from '../../../lambda/src/services/presence-service';
import { FakePresenceStore } from '../../support/fakes';

const person = (id: string, firstName: string, company?: string): Contact => ({
  id,
  firstName,
  lastName: 'Test',
  ...(company ? { company } : {}),
  aliases: [],
});

async function boardAt(times: Array<[Contact, 'IN' | 'OUT', string]>) {
  const store = new FakePresenceStore();
  let now = new Date('2026-01-01T00:00:00Z');
  const presence = new PresenceService(store, { clock: () => now });
  for (const [contact, status, at] of times) {
    now = new Date(at);
    await presence.setPresence(contact, status, 'requester');
  }
  return { store, setNow: (at: string) => (now = new Date(at)), clock: () => now };
}

describe('BoardService', () => {
  it('says who of a company is in, newest first, and nobody else', async () => {
    // Prepare
    const ann = person('a', 'Ann', 'Globex');
    const bo = person('b', 'Bo', 'Globex Corporation');
    const cy = person('c', 'Cy', 'Acme Corp.');
    const { store, clock } = await boardAt([
      [ann, 'IN', '2026-03-02T14:00:00Z'],
      [bo, 'IN', '2026-03-02T15:00:00Z'],
      [cy, 'IN', '2026-03-02T15:30:00Z'],
    ]);

    // Act
    const page = await new BoardService(store, clock).whoIsInFrom({ spoken: 'globex' });

    // Assess
    expect(page.records.map((record) => record.firstName)).toEqual(['Bo', 'Ann']);
    expect(page.next).toBeUndefined();
  });

  it('says who left since midnight in the office zone, newest first, not who left yesterday or came back', async () => {
    // Prepare
    const ann = person('a', 'Ann');
    const bo = person('b', 'Bo');
    const cy = person('c', 'Cy');
    const { store, setNow, clock } = await boardAt([
      [ann, 'IN', '2026-03-02T13:00:00Z'],
      // 11:30 PM the evening before in New York.
      [ann, 'OUT', '2026-03-02T04:30:00Z'],
      [bo, 'IN', '2026-03-02T13:00:00Z'],
      [bo, 'OUT', '2026-03-02T18:00:00Z'],
      [cy, 'IN', '2026-03-02T13:00:00Z'],
      [cy, 'OUT', '2026-03-02T19:00:00Z'],
      [cy, 'IN', '2026-03-02T20:00:00Z'],
    ]);
    setNow('2026-03-02T21:00:00Z');

    // Act
    const page = await new BoardService(store, clock).whoLeftToday('America/New_York');

    // Assess
    expect(page.records.map((record) => record.firstName)).toEqual(['Bo']);
  });

  it("reads a company's people who are in a page at a time, each page going on after the one before", async () => {
    // Prepare: seven of Globex in, a minute apart, and a board that names three a page.
    const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => person(id, id.toUpperCase(), 'Globex'));
    const { store, clock } = await boardAt(
      people.map((contact, index): [Contact, 'IN', string] => [contact, 'IN', `2026-03-02T14:0${index}:00Z`]),
    );
    const board = new BoardService(store, clock, 3);

    // Act
    const first = await board.whoIsInFrom({ spoken: 'globex' });
    const second = await board.pageOf(first.list, first.next);
    const third = await board.pageOf(second.list, second.next);

    // Assess
    expect(first.list).toEqual({ by: 'presentAt', companyKey: 'globex' });
    expect([first, second, third].map((page) => page.records.map((record) => record.firstName))).toEqual([
      ['G', 'F', 'E'],
      ['D', 'C', 'B'],
      ['A'],
    ]);
    expect(third.next).toBeUndefined();
  });

  it('keeps the day a "who checked out today" list began with, for its later pages', async () => {
    // Prepare
    const { store, setNow, clock } = await boardAt([
      [person('a', 'Ann'), 'IN', '2026-03-02T13:00:00Z'],
      [person('a', 'Ann'), 'OUT', '2026-03-02T18:00:00Z'],
      [person('b', 'Bo'), 'IN', '2026-03-02T13:00:00Z'],
      [person('b', 'Bo'), 'OUT', '2026-03-02T19:00:00Z'],
    ]);
    setNow('2026-03-02T21:00:00Z');
    const board = new BoardService(store, clock, 1);

    // Act
    const first = await board.whoLeftToday('America/New_York');
    setNow('2026-03-03T10:00:00Z');
    const second = await board.pageOf(first.list, first.next);

    // Assess
    expect(first.records.map((record) => record.firstName)).toEqual(['Bo']);
    expect(second.records.map((record) => record.firstName)).toEqual(['Ann']);
  });

  it('finds midnight in the listener zone', () => {
    expect(startOfDay(new Date('2026-03-02T21:00:00.250Z'), 'America/New_York').toISOString()).toBe(
      '2026-03-02T05:00:00.000Z',
    );
    expect(startOfDay(new Date('2026-03-02T23:30:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-03-02T23:00:00.000Z',
    );
  });

  it("finds midnight on the day the clocks go forward, an hour before the day's own offset says", () => {
    // 3 PM EDT on 8 March 2026; the day began at midnight EST, 05:00 UTC.
    expect(startOfDay(new Date('2026-03-08T19:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
  });
});
