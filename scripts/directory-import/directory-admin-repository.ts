import { createHash } from 'node:crypto';
import { ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Contact } from '../../lambda/src/domain/contact';
import { FACETS } from '../../lambda/src/domain/facets';
import { StoreUnavailableError } from '../../lambda/src/errors';
import {
  CONTACT_KEY_PREFIX,
  CONTACT_SK,
  contactFromItem,
  ENTRY_SK_PREFIX,
  GROUP_SK,
  type ItemKey,
  PRESENCE_SK,
} from '../../lambda/src/repositories/directory-items';

/**
 * Admin-side access to the directory table: the one writer of contacts, their lookup and browse
 * entries and the browse groups. Used by the importer and the exporter, never by the Lambda (it
 * scans the whole table, which no request path may do).
 *
 * ## Write order
 * {@link DirectoryAdminRepository.applyWritePlan} runs a {@link DirectoryWritePlan} in phases, each
 * finished before the next starts, so that a crash at any point leaves a state the skill can live
 * with and a re-run repairs:
 * 1. contact items of new and changed contacts: an entry never exists without its contact item, so
 *    a contact found through an entry can always be read by id;
 * 2. entries (name and browse) that are missing or differ;
 * 3. deletions of entries nobody owns any more: stale ones of changed contacts, all of those of
 *    pruned contacts, and the presence items of pruned contacts;
 * 4. deletions of the contact items of pruned contacts, once nothing points at them;
 * 5. browse groups, computed from the final contacts, so their counts are written once the entries
 *    they count exist.
 *
 * Convergence does not depend on the order: the planner compares every item it wants with a
 * fingerprint of what is stored (see {@link itemFingerprint}), so a re-run after any interruption
 * writes exactly what is still missing or wrong.
 */
export class DirectoryAdminRepository {
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: BatchWriterOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 8);
    this.baseDelayMs = options.baseDelayMs ?? 50;
    this.maxDelayMs = options.maxDelayMs ?? 5000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /**
   * Reads the whole directory table (a parallel Scan with consistent reads) and sorts what it finds:
   * contacts, a fingerprint of every entry by the contact it belongs to, presence items and groups.
   * Items of other kinds (for example presence history) are counted and otherwise left alone.
   */
  public async readDirectory(): Promise<StoredDirectory> {
    const contacts = new Map<string, Contact>();
    const contactFingerprints = new Map<string, string>();
    const entriesByContact = new Map<string, Map<string, StoredItem>>();
    const presenceIds = new Set<string>();
    const groups = new Map<string, StoredItem>();
    let otherItems = 0;
    await this.scanAll(undefined, (item) => {
      const kind = classifyItem(item);
      switch (kind.kind) {
        case 'contact':
          contacts.set(kind.id, contactFromItem(item));
          contactFingerprints.set(kind.id, itemFingerprint(item));
          break;
        case 'entry': {
          let entries = entriesByContact.get(kind.id);
          if (!entries) {
            entries = new Map();
            entriesByContact.set(kind.id, entries);
          }
          entries.set(keyString(kind.key), { key: kind.key, fingerprint: itemFingerprint(item) });
          break;
        }
        case 'presence':
          presenceIds.add(kind.id);
          break;
        case 'group':
          groups.set(keyString(kind.key), { key: kind.key, fingerprint: itemFingerprint(item) });
          break;
        default:
          otherItems += 1;
      }
    });
    return { contacts, contactFingerprints, entriesByContact, presenceIds, groups, otherItems };
  }

  /** Every contact in the directory, in no particular order. */
  public async readContacts(): Promise<Contact[]> {
    const contacts: Contact[] = [];
    await this.scanAll({ filterSk: CONTACT_SK }, (item) => {
      if (classifyItem(item).kind === 'contact') contacts.push(contactFromItem(item));
    });
    return contacts;
  }

  /**
   * Writes a plan phase by phase (see the class documentation for why in this order), in
   * BatchWriteItem calls of 25 with a bounded number in flight. Unprocessed items and retryable
   * errors are retried with exponential backoff and full jitter; a batch still failing after the
   * last attempt stops the run with a {@link StoreUnavailableError}.
   */
  public async applyWritePlan(plan: DirectoryWritePlan, listener: WriteListener = {}): Promise<WriteStats> {
    const phases: Array<{ phase: WritePhase; requests: WriteRequest[] }> = [
      { phase: 'contacts', requests: plan.contactPuts.map(putRequest) },
      { phase: 'entries', requests: plan.entryPuts.map(putRequest) },
      { phase: 'stale entries', requests: plan.entryDeletes.map(deleteRequest) },
      { phase: 'pruned contacts', requests: plan.contactDeletes.map(deleteRequest) },
      {
        phase: 'groups',
        requests: [...plan.groupPuts.map(putRequest), ...plan.groupDeletes.map(deleteRequest)],
      },
    ];
    const stats: MutableWriteStats = {
      total: phases.reduce((sum, { requests }) => sum + requests.length, 0),
      done: 0,
      calls: 0,
      retries: 0,
    };
    for (const { phase, requests } of phases) {
      if (requests.length === 0) continue;
      listener.onPhase?.(phase, requests.length);
      await this.writeAll(requests, stats, phase, listener);
    }
    return { ...stats };
  }

  private async writeAll(
    requests: WriteRequest[],
    stats: MutableWriteStats,
    phase: WritePhase,
    listener: WriteListener,
  ): Promise<void> {
    const batches: WriteRequest[][] = [];
    for (let start = 0; start < requests.length; start += MAX_BATCH) {
      batches.push(requests.slice(start, start + MAX_BATCH));
    }
    let next = 0;
    let failure: unknown;
    const worker = async (): Promise<void> => {
      while (failure === undefined && next < batches.length) {
        const batch = batches[next] as WriteRequest[];
        next += 1;
        try {
          await this.writeBatch(batch, stats, phase, listener);
        } catch (error) {
          failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, batches.length) }, worker));
    if (failure !== undefined) throw failure;
  }

  private async writeBatch(
    batch: WriteRequest[],
    stats: MutableWriteStats,
    phase: WritePhase,
    listener: WriteListener,
  ): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt += 1) {
      let output: BatchWriteCommandOutput | undefined;
      let error: unknown;
      try {
        stats.calls += 1;
        output = await this.client.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
        );
      } catch (caught) {
        if (!isRetryable(caught)) throw this.storeError(`BatchWriteItem failed during ${phase}`, caught);
        error = caught;
      }
      const unprocessed = output
        ? ((output.UnprocessedItems?.[this.tableName] ?? []) as WriteRequest[])
        : pending;
      stats.done += pending.length - unprocessed.length;
      listener.onProgress?.(stats.done, stats.total);
      if (unprocessed.length === 0) return;
      if (attempt >= this.maxAttempts) {
        throw this.storeError(
          `BatchWriteItem gave up during ${phase} after ${attempt} attempts with ${unprocessed.length} ` +
            `item(s) unwritten (${stats.done} of ${stats.total} writes done); run the import again to finish`,
          error,
        );
      }
      const delayMs = Math.round(
        this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1)),
      );
      stats.retries += 1;
      listener.onRetry?.({
        phase,
        attempt,
        items: unprocessed.length,
        delayMs,
        reason: error === undefined ? 'unprocessed items' : errorName(error),
      });
      await this.sleep(delayMs);
      pending = unprocessed;
    }
  }

  private async scanAll(
    options: { filterSk?: string } | undefined,
    visit: (item: Record<string, unknown>) => void,
  ): Promise<void> {
    // Parallel segments: a large table reads about as many times faster, and each page is
    // classified and dropped at once, so memory holds fingerprints rather than items.
    const segments = 4;
    const scanSegment = async (segment: number): Promise<void> => {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await this.client
          .send(
            new ScanCommand({
              TableName: this.tableName,
              ConsistentRead: true,
              Segment: segment,
              TotalSegments: segments,
              ExclusiveStartKey: startKey,
              ...(options?.filterSk
                ? {
                    FilterExpression: '#sk = :sk',
                    ExpressionAttributeNames: { '#sk': 'sk' },
                    ExpressionAttributeValues: { ':sk': options.filterSk },
                  }
                : {}),
            }),
          )
          .catch((error: unknown) => {
            throw error instanceof ResourceNotFoundException
              ? new DirectoryTableNotFoundError(this.tableName, error)
              : this.storeError(`Scan of ${this.tableName} failed`, error);
          });
        for (const item of page.Items ?? []) visit(item);
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    };
    await Promise.all(Array.from({ length: segments }, (_, segment) => scanSegment(segment)));
  }

  private storeError(message: string, cause: unknown): StoreUnavailableError {
    const detail = cause === undefined ? '' : `: ${errorName(cause)}: ${(cause as Error).message ?? ''}`;
    return new StoreUnavailableError(`${message}${detail}`, { cause });
  }
}

/** The directory table does not exist (for example, the import ran without `--create-tables`). */
export class DirectoryTableNotFoundError extends StoreUnavailableError {
  public constructor(
    public readonly tableName: string,
    cause: unknown,
  ) {
    super(`The directory table ${tableName} does not exist`, { cause });
    this.name = 'DirectoryTableNotFoundError';
  }
}

export interface BatchWriterOptions {
  /** BatchWriteItem calls in flight at once; 4 by default. */
  readonly concurrency?: number;
  /** Attempts per batch, the first included, before the run gives up; 8 by default. */
  readonly maxAttempts?: number;
  /** The backoff before the first retry is up to this long, doubling each time; 50 ms by default. */
  readonly baseDelayMs?: number;
  /** The backoff never exceeds this; 5 s by default. */
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1). */
  readonly random?: () => number;
}

/** An item as stored, reduced to its key and a fingerprint of its content. */
export interface StoredItem {
  readonly key: ItemKey;
  readonly fingerprint: string;
}

/** What {@link DirectoryAdminRepository.readDirectory} found in the table. */
export interface StoredDirectory {
  readonly contacts: ReadonlyMap<string, Contact>;
  /** Fingerprint of each contact item, by contact id. */
  readonly contactFingerprints: ReadonlyMap<string, string>;
  /** Name and browse entries by the id of the contact they belong to, then by {@link keyString}. */
  readonly entriesByContact: ReadonlyMap<string, ReadonlyMap<string, StoredItem>>;
  /** Ids of the contacts that have a presence item (owned by the in/out board). */
  readonly presenceIds: ReadonlySet<string>;
  /** Browse group items by {@link keyString}. */
  readonly groups: ReadonlyMap<string, StoredItem>;
  /** Items the importer does not own, left alone. */
  readonly otherItems: number;
}

/** Any item the importer writes: a key, a `type`, and the attributes of its kind. */
export interface DirectoryItem extends ItemKey {
  readonly type: string;
}

/** The writes that bring the table to the wanted state; see the class documentation for the order. */
export interface DirectoryWritePlan {
  // Keys are unique within each phase (BatchWriteItem refuses two requests for one key in a call).
  readonly contactPuts: readonly DirectoryItem[];
  readonly entryPuts: readonly DirectoryItem[];
  /** Entries no contact owns any more, and the presence items of pruned contacts. */
  readonly entryDeletes: readonly ItemKey[];
  readonly contactDeletes: readonly ItemKey[];
  readonly groupPuts: readonly DirectoryItem[];
  readonly groupDeletes: readonly ItemKey[];
}

export type WritePhase = 'contacts' | 'entries' | 'stale entries' | 'pruned contacts' | 'groups';

export interface RetryNotice {
  readonly phase: WritePhase;
  readonly attempt: number;
  readonly items: number;
  readonly delayMs: number;
  readonly reason: string;
}

export interface WriteListener {
  onPhase?(phase: WritePhase, writes: number): void;
  /** Called after every BatchWriteItem call with the writes done so far over the whole plan. */
  onProgress?(done: number, total: number): void;
  onRetry?(notice: RetryNotice): void;
}

export interface WriteStats {
  /** Puts and deletes in the plan. */
  readonly total: number;
  readonly done: number;
  /** BatchWriteItem calls made, retries included. */
  readonly calls: number;
  readonly retries: number;
}

type MutableWriteStats = { -readonly [K in keyof WriteStats]: WriteStats[K] };

type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: Record<string, unknown> } };

const MAX_BATCH = 25;

type ItemKind =
  | { kind: 'contact'; id: string }
  | { kind: 'presence'; id: string }
  | { kind: 'entry'; id: string; key: ItemKey }
  | { kind: 'group'; key: ItemKey }
  | { kind: 'other' };

/** Tells what an item is from its key alone (see the table in `directory-items.ts`). */
export function classifyItem(item: Record<string, unknown>): ItemKind {
  const { pk, sk } = item;
  if (typeof pk !== 'string' || typeof sk !== 'string') return { kind: 'other' };
  const key = { pk, sk };
  if (pk.startsWith(CONTACT_KEY_PREFIX)) {
    const id = pk.slice(CONTACT_KEY_PREFIX.length);
    if (sk === CONTACT_SK) return { kind: 'contact', id };
    if (sk === PRESENCE_SK) return { kind: 'presence', id };
    return { kind: 'other' };
  }
  // Lookup entries (`NAME#…`, `SOUND#…`, any future one) all point at their contact by sort key.
  if (sk.startsWith(CONTACT_KEY_PREFIX)) {
    return { kind: 'entry', id: sk.slice(CONTACT_KEY_PREFIX.length), key };
  }
  if (!FACETS.some((facet) => pk.startsWith(`${facet}#`))) return { kind: 'other' };
  if (sk === GROUP_SK) return { kind: 'group', key };
  if (sk.startsWith(ENTRY_SK_PREFIX)) {
    // `ENTRY#<sort name>#<id>`: the sort name is normalized (no '#'), so the id is what follows it.
    const rest = sk.slice(ENTRY_SK_PREFIX.length);
    const separator = rest.indexOf('#');
    if (separator >= 0) return { kind: 'entry', id: rest.slice(separator + 1), key };
  }
  return { kind: 'other' };
}

/** One string per item key, for maps and sets. */
export function keyString(key: ItemKey): string {
  return `${key.pk}\u0000${key.sk}`;
}

/**
 * A digest of an item's whole content, independent of attribute order. Two items with the same
 * fingerprint are the same item, so the planner can tell "already stored" from "must be written"
 * without keeping hundreds of thousands of items in memory.
 */
export function itemFingerprint(item: object): string {
  return createHash('sha1').update(canonicalJson(item)).digest('base64');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Set) return canonicalJson([...value].sort());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function putRequest(item: DirectoryItem): WriteRequest {
  return { PutRequest: { Item: item as unknown as Record<string, unknown> } };
}

function deleteRequest(key: ItemKey): WriteRequest {
  return { DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } };
}

const RETRYABLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

function isRetryable(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const candidate = error as { name?: string; code?: string; $fault?: string; $retryable?: unknown };
  return (
    candidate.$fault === 'server' ||
    candidate.$retryable !== undefined ||
    RETRYABLE_NAMES.has(candidate.name ?? '') ||
    RETRYABLE_CODES.has(candidate.code ?? '')
  );
}

function errorName(error: unknown): string {
  if (error !== null && typeof error === 'object') {
    const { name, code } = error as { name?: string; code?: string };
    return code ?? name ?? 'Error';
  }
  return String(error);
}
