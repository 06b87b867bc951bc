import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What one request asked of the store, counted on the client. */
export interface StoreAccess {
  /** Commands sent, by operation: `{ Query: 1, GetItem: 1 }`. */
  readonly commands: Readonly<Record<string, number>>;
  /** HTTP round trips, retries included. */
  readonly roundTrips: number;
  /** Items the store returned. */
  readonly itemsReturned: number;
  /** Items the store read to answer (a Query's ScannedCount; a GetItem reads at most one). */
  readonly itemsRead: number;
}

interface CommandOutput {
  readonly $metadata?: { readonly attempts?: number };
  readonly Item?: unknown;
  readonly Items?: readonly unknown[];
  readonly Count?: number;
  readonly ScannedCount?: number;
  readonly Responses?: Readonly<Record<string, readonly unknown[]>>;
}

function itemsIn(output: CommandOutput): { returned: number; read: number } {
  if (output.Items) {
    return { returned: output.Items.length, read: output.ScannedCount ?? output.Items.length };
  }
  if (output.Responses) {
    const returned = Object.values(output.Responses).reduce((sum, items) => sum + items.length, 0);
    return { returned, read: returned };
  }
  const one = output.Item ? 1 : 0;
  return { returned: one, read: one };
}

/**
 * Counts, with an AWS SDK middleware on the DocumentClient, every command the skill sends and the
 * items each one returns: the figures are what the client saw, whatever the store is.
 */
export class StoreCounter {
  private commands: Record<string, number> = {};
  private roundTrips = 0;
  private itemsReturned = 0;
  private itemsRead = 0;
  /** Every command since the counter was attached, by operation (Scans must stay at zero). */
  public readonly totals: Record<string, number> = {};

  public attach(client: DynamoDBDocumentClient): this {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        this.commands[operation] = (this.commands[operation] ?? 0) + 1;
        this.totals[operation] = (this.totals[operation] ?? 0) + 1;
        try {
          const result = await next(args);
          const output = result.output as CommandOutput;
          const items = itemsIn(output);
          this.roundTrips += output.$metadata?.attempts ?? 1;
          this.itemsReturned += items.returned;
          this.itemsRead += items.read;
          return result;
        } catch (error) {
          this.roundTrips += (error as CommandOutput).$metadata?.attempts ?? 1;
          throw error;
        }
      },
      { step: 'initialize', name: 'benchStoreCounter', priority: 'high' },
    );
    return this;
  }

  /** What was counted since the last call, and a fresh start. */
  public take(): StoreAccess {
    const access = {
      commands: this.commands,
      roundTrips: this.roundTrips,
      itemsReturned: this.itemsReturned,
      itemsRead: this.itemsRead,
    };
    this.commands = {};
    this.roundTrips = 0;
    this.itemsReturned = 0;
    this.itemsRead = 0;
    return access;
  }
}
