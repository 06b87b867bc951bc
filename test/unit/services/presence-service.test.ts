import type { Contact } from '../../../lambda/src/domain/contact';
import type { PresenceRecord } from '../../../lambda/src/domain/presence';
import { StoreUnavailableError } from '../../../lambda/src/errors';
import { hashRequester, PresenceService } from '../../../lambda/src/services/presence-service';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { FakePresenceStore } from '../../support/fakes';

const jane = TEST_CONTACTS[0] as Contact;
const PERSON = 'amzn1.ask.person.JANE';

type Step = 'get' | 'putPresence' | 'appendChange';

/** The in-memory board, with a script of what goes wrong, and when. */
class ScriptedStore extends FakePresenceStore {
  public readonly calls: Step[] = [];
  /** Called before a step runs; may throw to make it fail, or change the board (another writer). */
  public before: (step: Step, record?: PresenceRecord) => Promise<void> | void = () => undefined;
  /** Called after a presence write was applied: throwing here is a reply lost on the way back. */
  public afterPut: () => void = () => undefined;

  public override async getPresence(contactId: string): Promise<PresenceRecord | undefined> {
    this.calls.push('get');
    await this.before('get');
    return super.getPresence(contactId);
  }

  public override async putPresence(record: PresenceRecord, expectedVersion: number): Promise<void> {
    this.calls.push('putPresence');
    await this.before('putPresence', record);
    await super.putPresence(record, expectedVersion);
    this.afterPut();
  }

  public override async appendChange(record: PresenceRecord): Promise<void> {
    this.calls.push('appendChange');
    await this.before('appendChange', record);
    return super.appendChange(record);
  }
}

function serviceOn(store: ScriptedStore): PresenceService {
  let change = 0;
  let minute = 0;
  return new PresenceService(store, {
    clock: () => new Date(Date.UTC(2025, 0, 15, 14, minute++)),
    newChangeId: () => `change-${++change}`,
  });
}

const unavailable = () => new StoreUnavailableError('the store is unreachable');

/** Another device changing Jane at the same moment, straight on the board. */
function otherWriter(store: ScriptedStore, status: 'IN' | 'OUT'): PresenceRecord {
  const current = store.presence.get(jane.id);
  const record: PresenceRecord = {
    contactId: jane.id,
    status,
    changedAt: '2025-01-15T13:59:00.000Z',
    version: (current?.version ?? 0) + 1,
    changeId: `other-${(current?.version ?? 0) + 1}`,
    requester: hashRequester('amzn1.ask.account.OTHER'),
    fullName: 'Jane Doe',
    firstName: 'Jane',
  };
  store.presence.set(jane.id, record);
  return record;
}

describe('PresenceService', () => {
  it('checks a person in, records the change in the history, and stores only a hash of who asked', async () => {
    // Prepare
    const store = new ScriptedStore();

    // Act
    const change = await serviceOn(store).setPresence(jane, 'IN', PERSON);

    // Assess
    expect(change).toEqual({
      kind: 'changed',
      record: expect.objectContaining({ status: 'IN', version: 1 }),
    });
    expect(store.presence.get(jane.id)).toMatchObject({ status: 'IN', version: 1, fullName: 'Jane Doe' });
    expect(store.history).toEqual([store.presence.get(jane.id)]);
    expect(store.history[0]?.requester).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(store.history)).not.toContain(PERSON);
  });

  it('says a person is already in, with the change that put them there, and writes nothing', async () => {
    const store = new ScriptedStore();
    const service = serviceOn(store);
    const first = await service.setPresence(jane, 'IN', PERSON);
    store.calls.length = 0;

    const again = await service.setPresence(jane, 'IN', PERSON);

    expect(again).toEqual({ kind: 'unchanged', record: first.kind === 'changed' ? first.record : undefined });
    expect(store.calls).toEqual(['get']);
  });

  it('does not check out someone who never checked in', async () => {
    const store = new ScriptedStore();

    const change = await serviceOn(store).setPresence(jane, 'OUT', PERSON);

    expect(change).toEqual({ kind: 'unchanged', record: undefined });
    expect(store.presence.size).toBe(0);
  });

  it('appends the previous change to the history before replacing it, so a lost append is repaired', async () => {
    // Prepare: the check-in's own history append fails, as if the Lambda died between the writes.
    const store = new ScriptedStore();
    const service = serviceOn(store);
    store.before = (step) => {
      if (step === 'appendChange') throw unavailable();
    };
    const checkIn = await service.setPresence(jane, 'IN', PERSON);
    const historyAfterCheckIn = [...store.history];
    store.before = () => undefined;

    // Act
    const checkOut = await service.setPresence(jane, 'OUT', PERSON);

    // Assess
    expect(checkIn.kind).toBe('changed');
    expect(historyAfterCheckIn).toEqual([]);
    expect(checkOut.kind).toBe('changed');
    expect(store.history.map((entry) => [entry.version, entry.status])).toEqual([
      [1, 'IN'],
      [2, 'OUT'],
    ]);
  });

  it('makes no change when the previous change cannot be put in the history first', async () => {
    const store = new ScriptedStore();
    const service = serviceOn(store);
    store.before = (step) => {
      if (step === 'appendChange') throw unavailable();
    };
    await service.setPresence(jane, 'IN', PERSON);

    const checkOut = await service.setPresence(jane, 'OUT', PERSON);

    expect(checkOut).toEqual({ kind: 'failed', reason: 'store-unavailable' });
    expect(store.presence.get(jane.id)).toMatchObject({ status: 'IN', version: 1 });
  });

  it('retries once when someone else changed the person in between and the change still makes sense', async () => {
    // Prepare: between our read and our write, another device checks Jane in and out again.
    const store = new ScriptedStore();
    let interfered = false;
    store.before = (step) => {
      if (step === 'putPresence' && !interfered) {
        interfered = true;
        otherWriter(store, 'IN');
        otherWriter(store, 'OUT');
      }
    };

    // Act
    const change = await serviceOn(store).setPresence(jane, 'IN', PERSON);

    // Assess
    expect(change).toEqual({
      kind: 'changed',
      record: expect.objectContaining({ status: 'IN', version: 3 }),
    });
    expect(store.presence.get(jane.id)).toMatchObject({ status: 'IN', version: 3 });
  });

  it('reports the current state, without writing, when the other change already did what was asked', async () => {
    const store = new ScriptedStore();
    let other: PresenceRecord | undefined;
    store.before = (step) => {
      if (step === 'putPresence' && !other) other = otherWriter(store, 'IN');
    };

    const change = await serviceOn(store).setPresence(jane, 'IN', PERSON);

    expect(change).toEqual({ kind: 'unchanged', record: other });
    expect(store.presence.get(jane.id)).toBe(other);
  });

  it('gives up after two lost races and says where the person was left', async () => {
    const store = new ScriptedStore();
    store.before = (step) => {
      if (step === 'putPresence') {
        otherWriter(store, 'IN');
        otherWriter(store, 'OUT');
      }
    };

    const change = await serviceOn(store).setPresence(jane, 'IN', PERSON);

    expect(change).toEqual({
      kind: 'conflict',
      record: expect.objectContaining({ status: 'OUT', version: 4 }),
    });
  });

  it('reports a change as done when the write happened but its reply was lost', async () => {
    // Prepare: the write is applied, then the reply times out.
    const store = new ScriptedStore();
    store.afterPut = () => {
      store.afterPut = () => undefined;
      throw unavailable();
    };

    // Act
    const change = await serviceOn(store).setPresence(jane, 'IN', PERSON);

    // Assess
    expect(change.kind).toBe('changed');
    expect(store.history).toHaveLength(1);
  });

  it('reports a change as not made when the write failed and the board shows the old state', async () => {
    const store = new ScriptedStore();
    store.before = (step) => {
      if (step === 'putPresence') throw unavailable();
    };

    const change = await serviceOn(store).setPresence(jane, 'IN', PERSON);

    expect(change).toEqual({ kind: 'failed', reason: 'store-unavailable' });
    expect(store.presence.size).toBe(0);
    expect(store.history).toEqual([]);
  });

  it('says it cannot tell when the write failed and the board cannot be read back', async () => {
    const store = new ScriptedStore();
    let reads = 0;
    store.before = (step) => {
      if (step === 'putPresence') throw unavailable();
      if (step === 'get' && ++reads > 1) throw unavailable();
    };

    const change = await serviceOn(store).setPresence(jane, 'IN', PERSON);

    expect(change).toEqual({ kind: 'unknown', reason: 'store-unavailable' });
  });

  it('reports a change as not made when the board cannot be read at all', async () => {
    const store = new ScriptedStore();
    store.before = (step) => {
      if (step === 'get') throw unavailable();
    };

    expect(await serviceOn(store).setPresence(jane, 'IN', PERSON)).toEqual({
      kind: 'failed',
      reason: 'store-unavailable',
    });
    expect(store.calls).toEqual(['get']);
  });

  it('lets programming errors through instead of calling them a store failure', async () => {
    const store = new ScriptedStore();
    store.before = () => {
      throw new TypeError('a bug');
    };

    await expect(serviceOn(store).setPresence(jane, 'IN', PERSON)).rejects.toThrow(TypeError);
  });
});
