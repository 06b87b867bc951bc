import type { Contact } from '../../../lambda/src/domain/contact';
import type { PresenceRecord, PresenceState } from '../../../lambda/src/domain/presence';
import { ConflictError, StoreUnavailableError } from '../../../lambda/src/errors';
import { hashRequester, PresenceService } from '../../../lambda/src/services/presence-service';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { FakePresenceStore } from '../../support/fakes';

const jane = TEST_CONTACTS[0] as Contact;
const PERSON = 'amzn1.ask.person.JANE';

type Step = 'get' | 'history' | 'putPresence' | 'appendChange';

/** The in-memory board, with a script of what goes wrong, and when. */
class ScriptedStore extends FakePresenceStore {
  public readonly calls: Step[] = [];
  /** Called before a step runs; may throw to make it fail, or change the board (another writer). */
  public before: (step: Step, record?: PresenceRecord) => Promise<void> | void = () => undefined;
  /** Called after a presence write was applied: throwing here is a reply lost on the way back. */
  public afterPut: () => void = () => undefined;

  public override async getPresenceState(contactId: string): Promise<PresenceState> {
    this.calls.push('get');
    await this.before('get');
    return super.getPresenceState(contactId);
  }

  public override async latestArchivedVersion(contactId: string): Promise<number> {
    this.calls.push('history');
    await this.before('history');
    return super.latestArchivedVersion(contactId);
  }

  public override async putPresence(
    record: PresenceRecord,
    expectedVersion: number,
    previous?: PresenceRecord,
  ): Promise<void> {
    this.calls.push('putPresence');
    await this.before('putPresence', record);
    await super.putPresence(record, expectedVersion, previous);
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
  if (current) store.previous.set(jane.id, current);
  store.presence.set(jane.id, record);
  return record;
}

describe('PresenceService', () => {
  it('checks a person in, holds the change in the presence item until the next one archives it, and stores only a hash of who asked', async () => {
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
    expect(store.changesOf(jane.id)).toEqual([store.presence.get(jane.id)]);
    expect(store.presence.get(jane.id)?.requester).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify([...store.presence.values(), ...store.history])).not.toContain(PERSON);
  });

  it('puts each change in the history with the next change, in the same round trip as its presence write', async () => {
    // Prepare
    const store = new ScriptedStore();
    const service = serviceOn(store);
    await service.setPresence(jane, 'IN', PERSON);
    store.calls.length = 0;

    // Act
    const checkOut = await service.setPresence(jane, 'OUT', PERSON);

    // Assess: one read round (the item and the history's end), then one write round.
    expect(checkOut.kind).toBe('changed');
    expect(store.calls).toEqual(['get', 'history', 'putPresence', 'appendChange']);
    expect(store.history.map((entry) => [entry.version, entry.status])).toEqual([[1, 'IN']]);
    expect(store.previous.get(jane.id)).toMatchObject({ version: 1, status: 'IN' });
    expect(store.changesOf(jane.id).map((entry) => entry.version)).toEqual([1, 2]);
  });

  /**
   * A hold on the history append: released by `release()`, or else after many turns of the event
   * loop, so that a change that waits for the append ends (and its test fails) instead of hanging.
   */
  function heldAppend(): { held: Promise<void>; release: () => void } {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    void (async () => {
      for (let turn = 0; turn < 200; turn += 1) await new Promise(setImmediate);
      release();
    })();
    return { held, release };
  }

  it('reports a change once its presence write is confirmed, and hands over the history append still under way', async () => {
    // Prepare: the history append of change 1 is held.
    const store = new ScriptedStore();
    const { held, release } = heldAppend();
    const kept: Promise<void>[] = [];
    let change = 0;
    const service = new PresenceService(store, {
      newChangeId: () => `change-${++change}`,
      keepArchiving: (append) => kept.push(append) > 0,
    });
    await service.setPresence(jane, 'IN', PERSON);
    store.before = (step) => (step === 'appendChange' ? held : undefined);

    // Act
    const checkOut = await service.setPresence(jane, 'OUT', PERSON);
    const archivedBeforeRelease = store.history.length;
    release();
    await Promise.all(kept);

    // Assess
    expect(checkOut.kind).toBe('changed');
    expect(archivedBeforeRelease).toBe(0);
    // The first check-in had nothing to append.
    expect(kept).toHaveLength(1);
    expect(store.history.map((entry) => [entry.version, entry.status])).toEqual([[1, 'IN']]);
  });

  it.each([
    ['nobody takes it', undefined],
    ['nothing will wait for it', () => false],
  ])('waits for the history append too when %s', async (_case, keepArchiving) => {
    // Prepare: the append is held for a few turns of the event loop.
    const store = new ScriptedStore();
    const service = new PresenceService(store, { keepArchiving });
    await service.setPresence(jane, 'IN', PERSON);
    store.before = async (step) => {
      if (step === 'appendChange') for (let turn = 0; turn < 5; turn += 1) await new Promise(setImmediate);
    };

    // Act
    await service.setPresence(jane, 'OUT', PERSON);

    // Assess
    expect(store.history.map((entry) => entry.version)).toEqual([1]);
  });

  it("lets a lost attempt's history append end before it reads the board again", async () => {
    // Prepare: the append of change 1 is held, and the first presence write loses a race.
    const store = new ScriptedStore();
    const service = new PresenceService(store, { keepArchiving: () => true });
    await service.setPresence(jane, 'IN', PERSON);
    store.calls.length = 0;
    const { held, release } = heldAppend();
    let lost = false;
    store.before = async (step) => {
      if (step === 'appendChange') await held;
      if (step === 'putPresence' && !lost) {
        lost = true;
        throw new ConflictError('someone else changed her first');
      }
    };
    const readsBeforeRelease: number[] = [];
    const reads = () => store.calls.filter((call) => call === 'get').length;

    // Act
    const checkingOut = service.setPresence(jane, 'OUT', PERSON);
    for (let turn = 0; turn < 20; turn += 1) await new Promise(setImmediate);
    readsBeforeRelease.push(reads());
    release();
    const checkOut = await checkingOut;

    // Assess: one read before the lost write, none again until the append ended.
    expect(readsBeforeRelease).toEqual([1]);
    expect(checkOut.kind).toBe('changed');
    expect(reads()).toBe(2);
  });

  it('says a person is already in, with the change that put them there, and writes nothing', async () => {
    const store = new ScriptedStore();
    const service = serviceOn(store);
    const first = await service.setPresence(jane, 'IN', PERSON);
    store.calls.length = 0;

    const again = await service.setPresence(jane, 'IN', PERSON);

    expect(again).toEqual({ kind: 'unchanged', record: first.kind === 'changed' ? first.record : undefined });
    expect(store.calls).toEqual(['get', 'history']);
  });

  it('does not check out someone who never checked in', async () => {
    const store = new ScriptedStore();

    const change = await serviceOn(store).setPresence(jane, 'OUT', PERSON);

    expect(change).toEqual({ kind: 'unchanged', record: undefined });
    expect(store.presence.size).toBe(0);
  });

  it('puts the change before last in the history before the presence item lets go of it, so a lost append is repaired', async () => {
    // Prepare: the check-out's history append (of the check-in) fails, as if the Lambda died.
    const store = new ScriptedStore();
    const service = serviceOn(store);
    await service.setPresence(jane, 'IN', PERSON);
    store.before = (step) => {
      if (step === 'appendChange') throw unavailable();
    };
    const checkOut = await service.setPresence(jane, 'OUT', PERSON);
    const historyAfterCheckOut = [...store.history];
    store.before = () => undefined;
    store.calls.length = 0;

    // Act
    const checkIn = await service.setPresence(jane, 'IN', PERSON);

    // Assess: the check-in first repaired the history with change 1, then wrote 3 and appended 2.
    expect(checkOut.kind).toBe('changed');
    expect(historyAfterCheckOut).toEqual([]);
    expect(store.changesOf(jane.id).map((entry) => entry.version)).toEqual([1, 2, 3]);
    expect(checkIn.kind).toBe('changed');
    expect(store.calls).toEqual(['get', 'history', 'appendChange', 'putPresence', 'appendChange']);
    expect(store.history.map((entry) => [entry.version, entry.status])).toEqual([
      [1, 'IN'],
      [2, 'OUT'],
    ]);
  });

  it('makes no change when the change before last cannot be put in the history first', async () => {
    const store = new ScriptedStore();
    const service = serviceOn(store);
    await service.setPresence(jane, 'IN', PERSON);
    store.before = (step) => {
      if (step === 'appendChange') throw unavailable();
    };
    await service.setPresence(jane, 'OUT', PERSON);

    const checkIn = await service.setPresence(jane, 'IN', PERSON);

    expect(checkIn).toEqual({ kind: 'failed', reason: 'store-unavailable' });
    expect(store.presence.get(jane.id)).toMatchObject({ status: 'OUT', version: 2 });
    expect(store.previous.get(jane.id)).toMatchObject({ status: 'IN', version: 1 });
    expect(store.changesOf(jane.id).map((entry) => entry.version)).toEqual([1, 2]);
  });

  it('keeps every accepted change in the history or the presence item whatever history append fails', async () => {
    // Prepare: every other history append fails.
    const store = new ScriptedStore();
    const service = serviceOn(store);
    let appends = 0;
    store.before = (step) => {
      if (step === 'appendChange' && ++appends % 2 === 0) throw unavailable();
    };
    const accepted: PresenceRecord[] = [];

    // Act
    for (let index = 0; index < 12; index += 1) {
      const change = await service.setPresence(jane, index % 2 === 0 ? 'IN' : 'OUT', PERSON);
      if (change.kind === 'changed') accepted.push(change.record);
    }

    // Assess: nothing accepted is lost, and the history is always whole up to some version.
    expect(accepted.length).toBeGreaterThan(0);
    expect(store.changesOf(jane.id)).toEqual(accepted);
    expect(store.history.map((entry) => entry.version)).toEqual(store.history.map((_, index) => index + 1));
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
    expect(store.changesOf(jane.id)).toHaveLength(1);
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
    expect(store.calls).toEqual(['get', 'history']);
  });

  it('uses a board read started ahead for the same person, and writes on it', async () => {
    // Prepare
    const store = new ScriptedStore();
    const service = serviceOn(store);
    const ahead = service.readAhead(jane.id);

    // Act
    const change = await service.setPresence(jane, 'IN', PERSON, ahead);

    // Assess
    expect(change).toMatchObject({ kind: 'changed', record: { status: 'IN', version: 1 } });
    expect(store.calls).toEqual(['get', 'history', 'putPresence']);
  });

  it('reads the board again for someone other than the person read ahead', async () => {
    // Prepare
    const store = new ScriptedStore();
    const service = serviceOn(store);
    const ahead = service.readAhead('someone-else');

    // Act
    const change = await service.setPresence(jane, 'IN', PERSON, ahead);

    // Assess
    expect(change).toMatchObject({ kind: 'changed', record: { contactId: jane.id, status: 'IN' } });
    expect(store.calls).toEqual(['get', 'history', 'get', 'history', 'putPresence']);
  });

  it('decides again on the latest state when someone changed the person after the read ahead', async () => {
    // Prepare: the board is read ahead, then another device checks Jane in before our write.
    const store = new ScriptedStore();
    const service = serviceOn(store);
    const ahead = service.readAhead(jane.id);
    await ahead.read;
    otherWriter(store, 'IN');

    // Act
    const change = await service.setPresence(jane, 'IN', PERSON, ahead);

    // Assess: the conditional write was refused, and the latest state says there is nothing to do.
    expect(change).toMatchObject({ kind: 'unchanged', record: { changeId: 'other-1' } });
    expect(store.presence.get(jane.id)).toMatchObject({ changeId: 'other-1', version: 1 });
  });

  it('reports a change as not made when the read ahead failed, and a failed read ahead nobody uses is no error', async () => {
    // Prepare
    const store = new ScriptedStore();
    store.before = (step) => {
      if (step === 'get') throw unavailable();
    };
    const service = serviceOn(store);
    service.readAhead('someone-else');
    const ahead = service.readAhead(jane.id);

    // Act
    const change = await service.setPresence(jane, 'IN', PERSON, ahead);

    // Assess
    expect(change).toEqual({ kind: 'failed', reason: 'store-unavailable' });
    expect(store.calls).not.toContain('putPresence');
  });

  it('lets programming errors through instead of calling them a store failure', async () => {
    const store = new ScriptedStore();
    store.before = () => {
      throw new TypeError('a bug');
    };

    await expect(serviceOn(store).setPresence(jane, 'IN', PERSON)).rejects.toThrow(TypeError);
  });
});
