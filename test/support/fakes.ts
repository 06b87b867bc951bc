import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope, services } from 'ask-sdk-model';
import type { Contact } from '../../lambda/src/domain/contact';
import type { PresenceRecord } from '../../lambda/src/domain/presence';
import { ConflictError } from '../../lambda/src/errors';
import { spokenFormsOf } from '../../lambda/src/repositories/directory-items';
import { type PartitionKeyGenerator, userIdKey } from '../../lambda/src/repositories/persistence-adapter';
import type { PresenceStore, PresentPage } from '../../lambda/src/repositories/presence-repository';
import type { ContactReader } from '../../lambda/src/services/directory-service';

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

/** The in/out board in memory, with the same conditions as the DynamoDB one. */
export class FakePresenceStore implements PresenceStore {
  public readonly presence = new Map<string, PresenceRecord>();
  public readonly history: PresenceRecord[] = [];

  public async getPresence(contactId: string): Promise<PresenceRecord | undefined> {
    return this.presence.get(contactId);
  }

  public async putPresence(record: PresenceRecord, expectedVersion: number): Promise<void> {
    if ((this.presence.get(record.contactId)?.version ?? 0) !== expectedVersion) {
      throw new ConflictError('putPresence lost a conditional write');
    }
    this.presence.set(record.contactId, record);
  }

  public async appendChange(record: PresenceRecord): Promise<'appended' | 'alreadyThere'> {
    const exists = this.history.some(
      (entry) =>
        entry.contactId === record.contactId &&
        entry.version === record.version &&
        entry.changeId === record.changeId,
    );
    if (exists) return 'alreadyThere';
    this.history.push(record);
    return 'appended';
  }

  public async listPresent(limit: number, cursor?: string): Promise<PresentPage> {
    const present = [...this.presence.values()]
      .filter((record) => record.status === 'IN')
      .sort((a, b) => `${b.changedAt}#${b.contactId}`.localeCompare(`${a.changedAt}#${a.contactId}`));
    const start = cursor ? Number(cursor) : 0;
    const records = present.slice(start, start + limit);
    return { records, cursor: start + limit < present.length ? String(start + limit) : undefined };
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
