import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope, services } from 'ask-sdk-model';
import type { Contact } from '../../lambda/src/domain/contact';
import type { FrontDeskEvent } from '../../lambda/src/domain/events';
import type { Facet } from '../../lambda/src/domain/facets';

import type { PresenceRecord, PresenceState } from '../../lambda/src/domain/presence';
import type { Visit } from '../../lambda/src/domain/visit';
import { ConflictError, StoreUnavailableError } from '../../lambda/src/errors';
import { firstPageOf } from '../../lambda/src/repositories/browse-repository';
import {
  GROUP_SK,
  keys,
  type PresenceItem,
  presenceFromItem,
  presenceItem,
  soundEntryFromItem,
  spokenFormsOf,
  summaryFromItem,
} from '../../lambda/src/repositories/directory-items';
import { type PartitionKeyGenerator, userIdKey } from '../../lambda/src/repositories/persistence-adapter';
import type {
  BoardPage,
  BoardReader,
  BrowsePage,
  BrowseReader,
  ContactReader,
  EventPublisher,
  PresenceStore,
  PresentPage,
  SoundReader,
  SoundsLike,
  VisitStore,
} from '../../lambda/src/services/ports';
import { directoryItemsOf } from './directory';

/**
 * An in-memory directory with the same lookup rules as the DynamoDB one: it finds contacts by the
 * same spoken forms (from `directory-items.ts`), so service and handler tests run without a store.
 */
export class FakeContactReader implements ContactReader {
  public readonly calls: string[] = [];
  private readonly byId: Map<string, Contact>;

  public constructor(contacts: readonly Contact[]) {
    this.byId = new Map(contacts.map((contact) => [contact.id, contact]));
  }

  public async getContact(id: string): Promise<Contact | undefined> {
    this.calls.push(`get:${id}`);
    return this.byId.get(id);
  }

  public async findContactsBySpokenForm(spokenForm: string, limit: number): Promise<Contact[]> {
    this.calls.push(`find:${spokenForm}`);
    return [...this.byId.values()]
      .filter((contact) => spokenFormsOf(contact).includes(spokenForm))
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}

type Item = Record<string, unknown> & { pk: string; sk: string };

/**
 * The directory's browse and sound partitions in memory, built from the same items the importer
 * writes (`itemsOfContact` and the group counts), read the way DynamoDB's Query reads them: in sort
 * key order, up to a limit, with the last key read when the limit stopped it.
 */
export class FakeDirectoryPartitions implements BrowseReader, SoundReader {
  public readonly calls: string[] = [];
  private readonly partitions = new Map<string, Item[]>();

  /** `withGroups: false` leaves out the group items, like a directory from an older importer. */
  public constructor(contacts: readonly Contact[], options: { withGroups?: boolean } = {}) {
    const items = directoryItemsOf(contacts).filter(
      (item) => options.withGroups !== false || item.sk !== GROUP_SK,
    );
    for (const item of items) {
      const partition = this.partitions.get(item.pk) ?? [];
      partition.push(item);
      this.partitions.set(item.pk, partition);
    }
    for (const partition of this.partitions.values())
      partition.sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
  }

  public async readFirstPage(
    facet: Facet,
    key: string,
    pageSize: number,
    within?: string,
  ): Promise<BrowsePage> {
    this.calls.push(`first:${facet}#${key}${within === undefined ? '' : ` within ${within}`}`);
    const { items, lastKey } = this.query(keys.facetPartition(facet, key), pageSize + 1, undefined, within);
    return firstPageOf(items, lastKey, pageSize);
  }

  public async readPageAfter(
    facet: Facet,
    key: string,
    after: string,
    pageSize: number,
    within?: string,
  ): Promise<BrowsePage> {
    this.calls.push(`after:${facet}#${key}`);
    const { items, lastKey } = this.query(keys.facetPartition(facet, key), pageSize, after, within);
    return { entries: items.map(summaryFromItem), after: lastKey };
  }

  public async findBySoundKey(soundKey: string, limit: number): Promise<SoundsLike[]> {
    this.calls.push(`sound:${soundKey}`);
    return this.query(keys.soundPartition(soundKey), limit).items.map(soundEntryFromItem);
  }

  private query(
    pk: string,
    limit: number,
    after?: string,
    within?: string,
  ): { items: Item[]; lastKey: string | undefined } {
    const partition = (this.partitions.get(pk) ?? []).filter(
      (item) =>
        (after === undefined || item.sk > after) && (within === undefined || item.sk.startsWith(within)),
    );
    const items = partition.slice(0, limit);
    return { items, lastKey: items.length === limit ? items[items.length - 1]?.sk : undefined };
  }
}

/** Persistent attributes in memory, keyed like the real adapter (by user id unless told otherwise). */
export class MemoryPersistenceAdapter implements PersistenceAdapter {
  public readonly records = new Map<string, Record<string, unknown>>();
  public saves = 0;

  public constructor(private readonly keyOf: PartitionKeyGenerator = userIdKey) {}

  public async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return structuredClone(this.records.get(this.keyOf(requestEnvelope)) ?? {});
  }

  public async saveAttributes(
    requestEnvelope: RequestEnvelope,
    attributes: Record<string, unknown>,
  ): Promise<void> {
    this.saves += 1;
    this.records.set(this.keyOf(requestEnvelope), structuredClone(attributes));
  }

  public async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    this.records.delete(this.keyOf(requestEnvelope));
  }
}

/**
 * The in/out board in memory, with the same conditions as the DynamoDB one; read by company and
 * by time through the same index attributes the presence items carry (`presenceItem`).
 */
export class FakePresenceStore implements PresenceStore, BoardReader {
  public readonly presence = new Map<string, PresenceRecord>();
  /** The `previous` change each presence item carries. */
  public readonly previous = new Map<string, PresenceRecord>();
  public readonly history: PresenceRecord[] = [];

  public async getPresence(contactId: string): Promise<PresenceRecord | undefined> {
    return this.presence.get(contactId);
  }

  public async getPresenceState(contactId: string): Promise<PresenceState> {
    return { current: this.presence.get(contactId), previous: this.previous.get(contactId) };
  }

  public async latestArchivedVersion(contactId: string): Promise<number> {
    return this.history
      .filter((entry) => entry.contactId === contactId)
      .reduce((latest, entry) => Math.max(latest, entry.version), 0);
  }

  public async putPresence(
    record: PresenceRecord,
    expectedVersion: number,
    previous?: PresenceRecord,
  ): Promise<void> {
    if ((this.presence.get(record.contactId)?.version ?? 0) !== expectedVersion) {
      throw new ConflictError('putPresence lost a conditional write');
    }
    this.presence.set(record.contactId, record);
    if (previous) this.previous.set(record.contactId, previous);
    else this.previous.delete(record.contactId);
  }

  /** Every accepted change: the history, and what the presence items still hold (see the service). */
  public changesOf(contactId: string): PresenceRecord[] {
    const records = this.history.filter((entry) => entry.contactId === contactId);
    for (const record of [this.previous.get(contactId), this.presence.get(contactId)]) {
      if (
        record &&
        !records.some((entry) => entry.version === record.version && entry.changeId === record.changeId)
      )
        records.push(record);
    }
    return records.sort((a, b) => a.version - b.version);
  }

  public async appendChange(record: PresenceRecord): Promise<void> {
    const exists = this.history.some(
      (entry) =>
        entry.contactId === record.contactId &&
        entry.version === record.version &&
        entry.changeId === record.changeId,
    );
    if (!exists) this.history.push(record);
  }

  public async listPresent(limit: number, cursor?: string): Promise<PresentPage> {
    const present = [...this.presence.values()]
      .filter((record) => record.status === 'IN')
      .sort((a, b) => `${b.changedAt}#${b.contactId}`.localeCompare(`${a.changedAt}#${a.contactId}`));
    // Like the index's ExclusiveStartKey: the cursor is a sort key, so a list that changes between
    // pages (people checking out) neither skips nor repeats anyone still after it.
    const sortKey = (record: PresenceRecord): string => `${record.changedAt}#${record.contactId}`;
    const after = present.filter((record) => cursor === undefined || sortKey(record) < cursor);
    const records = after.slice(0, limit);
    const last = records.at(-1);
    return { records, cursor: after.length > limit && last ? sortKey(last) : undefined };
  }

  public async listPresentAt(companyKey: string, limit: number, after?: string): Promise<BoardPage> {
    return this.readIndex(
      (item) => item.presentCompanyPk === keys.presentCompany(companyKey),
      (item) => item.presentSk ?? '',
      limit,
      after,
    );
  }

  public async listLeftSince(since: string, limit: number, after?: string): Promise<BoardPage> {
    return this.readIndex(
      (item) => item.leftPk !== undefined && (item.leftSk ?? '') >= since,
      (item) => item.leftSk ?? '',
      limit,
      after,
    );
  }

  public async countPresent(): Promise<number> {
    return [...this.presence.values()].filter((record) => record.status === 'IN').length;
  }

  public async countPresentAt(companyKey: string): Promise<number> {
    return (await this.listPresentAt(companyKey, Number.POSITIVE_INFINITY)).records.length;
  }

  public async countLeftSince(since: string): Promise<number> {
    return (await this.listLeftSince(since, Number.POSITIVE_INFINITY)).records.length;
  }

  /** Like the index's ExclusiveStartKey: the cursor is the sort key of the last person read. */
  private readIndex(
    member: (item: PresenceItem) => boolean,
    sortKey: (item: PresenceItem) => string,
    limit: number,
    after: string | undefined,
  ): BoardPage {
    const items = [...this.presence.values()]
      .map((record) => presenceItem(record))
      .filter(member)
      .filter((item) => after === undefined || sortKey(item) < after)
      .sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return {
      records: page.map((item) => presenceFromItem({ ...item })),
      ...(items.length > limit && last ? { next: sortKey(last) } : {}),
    };
  }
}

/**
 * The Alexa APIs as the ASK SDK's service clients call them, without a network: answers the
 * Settings API's time zone request with `timeZone`, or with `status` when it is an error.
 */
export class FakeAlexaApi implements services.ApiClient {
  public readonly requests: services.ApiClientRequest[] = [];

  public constructor(private readonly answer: { timeZone?: string; status?: number; fail?: boolean } = {}) {}

  public async invoke(request: services.ApiClientRequest): Promise<services.ApiClientResponse> {
    this.requests.push(request);
    if (this.answer.fail) throw new Error('connect ECONNREFUSED');
    const json = [{ key: 'content-type', value: 'application/json' }];
    if (/\/v2\/devices\/[^/]+\/settings\/System\.timeZone$/.test(request.url) && this.answer.timeZone) {
      return {
        statusCode: this.answer.status ?? 200,
        headers: json,
        body: JSON.stringify(this.answer.timeZone),
      };
    }
    const status = this.answer.status ?? 403;
    return {
      statusCode: status,
      headers: json,
      body: JSON.stringify({ type: 'FORBIDDEN', message: 'Not permitted' }),
    };
  }
}

/** The visitors' book in memory, as the repository behaves (no TTL: expired visits stay until read). */
export class FakeVisitStore implements VisitStore {
  public readonly visits = new Map<string, Visit>();
  /** Every store call, in order, for round-trip counts. */
  public readonly calls: string[] = [];
  /** When set, every call fails as an unreachable store does. */
  public failing = false;

  public async putVisit(visit: Visit): Promise<void> {
    this.call('putVisit');
    if (this.visits.has(visit.id)) throw new ConflictError('putVisit lost a conditional write');
    this.visits.set(visit.id, visit);
  }

  public async listVisitsOfDay(day: string, limit: number): Promise<Visit[]> {
    this.call('listVisitsOfDay');
    return [...this.visits.values()]
      .filter((visit) => visit.day === day)
      .sort((a, b) => `${a.arrivedAt}#${a.id}`.localeCompare(`${b.arrivedAt}#${b.id}`))
      .slice(0, limit);
  }

  public async closeVisit(visit: Visit, leftAt: string): Promise<void> {
    this.call('closeVisit');
    const stored = this.visits.get(visit.id);
    if (!stored || stored.leftAt) throw new ConflictError('closeVisit lost a conditional write');
    this.visits.set(visit.id, { ...stored, leftAt });
  }

  private call(name: string): void {
    this.calls.push(name);
    if (this.failing) throw new StoreUnavailableError(`${name} failed: TimeoutError`);
  }
}

/** Keeps every published event; `failing` makes publishing fail as an unreachable bus does. */
export class RecordingEventPublisher implements EventPublisher {
  public readonly events: FrontDeskEvent[] = [];
  public failing = false;

  public async publish(event: FrontDeskEvent): Promise<void> {
    if (this.failing) throw Object.assign(new Error('PutEvents failed'), { name: 'EventPublishError' });
    this.events.push(event);
  }
}
