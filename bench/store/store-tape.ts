import type { Readable } from 'node:stream';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One HTTP exchange with the store, as the SDK received it. */
export interface RecordedExchange {
  readonly operation: string;
  /** The table and index the call read or wrote ({@link targetOf}). */
  readonly target?: string;
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

interface HttpResponseLike {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}

async function readBody(body: unknown): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}

const TAPE_STEP = { step: 'deserialize', priority: 'low' } as const;

/**
 * Records the store's HTTP answers to one request, then plays them back, so the warm benchmark
 * times the skill's own work (handlers, speech, SDK serialization, signing and parsing) with the
 * store answered in-process. The tape sits where the HTTP handler would be called, below the SDK's
 * deserializer and signer: everything above the socket runs as in production.
 */
export class StoreTape {
  private exchanges: RecordedExchange[] = [];

  /** Records every exchange the client makes (it still talks to the real store). */
  public attachRecorder(client: DynamoDBDocumentClient): this {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        // The slot is taken as the call is made, so that calls in parallel are kept in the order
        // they were made, not in the order the store answered them.
        const slot = this.exchanges.length;
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        const target = targetOf(args.input);
        this.exchanges.push({ operation, target, statusCode: 0, headers: {}, body: new Uint8Array() });
        const result = await next(args);
        const response = result.response as HttpResponseLike;
        const body = await readBody(response.body);
        response.body = body;
        this.exchanges[slot] = {
          operation,
          target,
          statusCode: response.statusCode,
          headers: { ...response.headers },
          body,
        };
        return result;
      },
      { ...TAPE_STEP, name: 'benchTapeRecorder' },
    );
    return this;
  }

  /** Answers every exchange from the tape, in recorded order, without a socket. */
  public attachPlayer(client: DynamoDBDocumentClient): this {
    client.middlewareStack.add(
      (_next, context) => async (args) => {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        const target = targetOf(args.input);
        const exchange =
          this.exchanges[
            this.takeNext(
              (recorded) => recorded.operation === operation && recorded.target === target,
              operation,
            )
          ];
        if (!exchange) throw new Error(`No recorded ${operation}`);
        return {
          response: {
            statusCode: exchange.statusCode,
            headers: { ...exchange.headers },
            body: exchange.body,
          },
          output: undefined as never,
        };
      },
      { ...TAPE_STEP, name: 'benchTapePlayer' },
    );
    return this;
  }

  /**
   * The first exchange not played yet that `matches`: in recorded order, except that calls made in
   * parallel may reach the tape in another order than they did the store.
   */
  private takeNext(matches: (exchange: RecordedExchange) => boolean, operation: string): number {
    const index = this.exchanges.findIndex((exchange, at) => !this.played.has(at) && matches(exchange));
    if (index < 0) {
      throw new Error(
        `The request sent ${operation}, which the recording does not have: it is not deterministic`,
      );
    }
    this.played.add(index);
    return index;
  }

  private played = new Set<number>();

  /** Starts a new recording. */
  public clear(): void {
    this.exchanges = [];
    this.played = new Set();
  }

  /** Plays the recording from the start again. */
  public rewind(): void {
    this.played = new Set();
  }

  /** Takes the recording out (and leaves the tape empty). */
  public take(): RecordedExchange[] {
    const recorded = this.exchanges;
    this.clear();
    return recorded;
  }

  /** Loads a recording to play. */
  public load(exchanges: readonly RecordedExchange[]): void {
    this.exchanges = [...exchanges];
    this.played = new Set();
  }

  /** Whether the last request used every recorded exchange. */
  public get finished(): boolean {
    return this.played.size === this.exchanges.length;
  }
}

/**
 * Answers each operation with one recorded exchange, whatever the order: for requests served
 * concurrently (the endpoint benchmark), where a tape's order does not hold.
 */
export class CannedStore {
  private readonly answers = new Map<string, RecordedExchange>();

  public constructor(exchanges: readonly RecordedExchange[]) {
    for (const exchange of exchanges) this.answers.set(exchange.operation, exchange);
  }

  public attach(client: DynamoDBDocumentClient): this {
    client.middlewareStack.add(
      (_next, context) => async () => {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        const exchange = this.answers.get(operation);
        if (!exchange) throw new Error(`No recorded answer for ${operation}`);
        return {
          response: {
            statusCode: exchange.statusCode,
            headers: { ...exchange.headers },
            body: exchange.body,
          },
          output: undefined as never,
        };
      },
      { ...TAPE_STEP, name: 'benchCannedStore' },
    );
    return this;
  }
}

/** One command's answer as the DocumentClient returned it (or the error it threw). */
export interface RecordedAnswer {
  readonly operation: string;
  /** The table and index the call read or wrote ({@link targetOf}). */
  readonly target?: string;
  readonly output?: unknown;
  readonly error?: unknown;
}

/**
 * Records what the DocumentClient's `send` returned, then stands in for the client, answering
 * `send` from memory: the figure of a request replayed this way is Front Desk's own code, without
 * the AWS SDK's work (marshalling, middleware, signing, parsing).
 *
 * Each call is answered with the first answer not yet played of its operation on its table and
 * index, as the store tape does: such calls keep their order, while other calls may come in another
 * order than on the live store (a write that waits for the answer's calls to go out comes after
 * them when every answer is immediate).
 */
export class SendTape {
  private answers: RecordedAnswer[] = [];
  private played = new Set<number>();

  public attachRecorder(client: DynamoDBDocumentClient): this {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        const target = targetOf(args.input);
        // In the order the calls were made, as the stand-in is called.
        const slot = this.answers.length;
        this.answers.push({ operation, target });
        try {
          const result = await next(args);
          this.answers[slot] = { operation, target, output: result.output };
          return result;
        } catch (error) {
          this.answers[slot] = { operation, target, error };
          throw error;
        }
      },
      { step: 'initialize', priority: 'high', name: 'benchSendRecorder' },
    );
    return this;
  }

  /** A stand-in DocumentClient whose `send` plays the recording back. */
  public standIn(): DynamoDBDocumentClient {
    const send = async (command: { constructor: { name: string }; input?: unknown }): Promise<unknown> => {
      const operation = command.constructor.name.replace(/Command$/, '');
      const target = targetOf(command.input);
      const index = this.answers.findIndex(
        (answer, at) =>
          !this.played.has(at) && operationsMatch(answer.operation, operation) && answer.target === target,
      );
      const answer = this.answers[index];
      if (!answer) {
        throw new Error(
          `The request sent ${operation}, which the recording does not have: it is not deterministic`,
        );
      }
      this.played.add(index);
      if (answer.error !== undefined) throw answer.error;
      return answer.output;
    };
    return { send } as unknown as DynamoDBDocumentClient;
  }

  public clear(): void {
    this.answers = [];
    this.played = new Set();
  }

  public rewind(): void {
    this.played = new Set();
  }

  public take(): RecordedAnswer[] {
    const recorded = this.answers;
    this.clear();
    return recorded;
  }

  public load(answers: readonly RecordedAnswer[]): void {
    this.answers = [...answers];
    this.played = new Set();
  }

  public get finished(): boolean {
    return this.played.size === this.answers.length;
  }
}

/** The SDK names DocumentClient commands after the operation (GetCommand for GetItem). */
function operationsMatch(recorded: string, sent: string): boolean {
  const documentNames: Readonly<Record<string, string>> = {
    Get: 'GetItem',
    Put: 'PutItem',
    Delete: 'DeleteItem',
    Update: 'UpdateItem',
    BatchGet: 'BatchGetItem',
    BatchWrite: 'BatchWriteItem',
    TransactGet: 'TransactGetItems',
    TransactWrite: 'TransactWriteItems',
  };
  return recorded === sent || recorded === documentNames[sent];
}

/** Which table, and which of its indexes, a command's input names: calls match their recording by it. */
function targetOf(input: unknown): string {
  const { TableName, IndexName } = (input ?? {}) as { TableName?: unknown; IndexName?: unknown };
  return `${String(TableName ?? '')}/${String(IndexName ?? '')}`;
}
