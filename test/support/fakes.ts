import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Contact } from '../../lambda/src/domain/contact';
import { spokenFormsOf } from '../../lambda/src/repositories/directory-items';
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

/** Persistent attributes in memory, keyed by user id like the real adapter. */
export class MemoryPersistenceAdapter implements PersistenceAdapter {
  public readonly records = new Map<string, Record<string, unknown>>();
  public saves = 0;

  public async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return structuredClone(this.records.get(requestEnvelope.context.System.user.userId) ?? {});
  }

  public async saveAttributes(
    requestEnvelope: RequestEnvelope,
    attributes: Record<string, unknown>,
  ): Promise<void> {
    this.saves += 1;
    this.records.set(requestEnvelope.context.System.user.userId, structuredClone(attributes));
  }

  public async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    this.records.delete(requestEnvelope.context.System.user.userId);
  }
}
