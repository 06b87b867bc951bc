import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type HostMessage,
  type MessageSettings,
  renderHostMessage,
} from '../../lambda/notifier/host-message';
import { EVENT_SOURCE, type FrontDeskEvent } from '../../lambda/src/domain/events';
import type { EventPublisher } from '../../lambda/src/services/ports';

/** An event as the bus received it, and the message the notifier rendered for it, if any. */
export interface Notification {
  readonly sequence: number;
  readonly eventBusName: string;
  readonly source: string;
  readonly detailType: FrontDeskEvent['type'];
  readonly detail: FrontDeskEvent['detail'];
  /** The host's email for `Visitor Arrived`; undefined for other events. */
  readonly message?: HostMessage | undefined;
  /** Where the rendered message was written under `.data/outbox/`. */
  readonly outboxFile?: string | undefined;
}

export interface LocalEventBusOptions {
  readonly eventBusName: string;
  /** `.data/outbox` for `npm start`; no files when unset (dialogs and tests). */
  readonly outboxDir?: string | undefined;
  readonly settings: MessageSettings;
  /** How many notifications are kept for the console. */
  readonly keep?: number;
}

/**
 * The bus and the notifier in one process, for `npm start`, `npm run dialog` and the tests: what
 * EventBridge and the notifier Lambda do in AWS. Each published event is kept (the console's
 * Notifications panel and the dialog's "published" lines read them), and a `Visitor Arrived`
 * gets the host's message rendered by the notifier's own code and written to the outbox.
 */
export class LocalEventBus implements EventPublisher {
  private readonly kept: Notification[] = [];
  private sequence = 0;
  private drained = 0;

  public constructor(private readonly options: LocalEventBusOptions) {}

  public async publish(event: FrontDeskEvent): Promise<void> {
    this.sequence += 1;
    const message =
      event.type === 'Visitor Arrived' ? renderHostMessage(event.detail, this.options.settings) : undefined;
    const outboxFile = message ? await this.writeOutbox(this.sequence, event, message) : undefined;
    this.kept.push({
      sequence: this.sequence,
      eventBusName: this.options.eventBusName,
      source: EVENT_SOURCE,
      detailType: event.type,
      detail: event.detail,
      ...(message ? { message } : {}),
      ...(outboxFile ? { outboxFile } : {}),
    });
    const keep = this.options.keep ?? 100;
    if (this.kept.length > keep) this.kept.splice(0, this.kept.length - keep);
  }

  /** The notifications kept, oldest first; only those after `afterSequence` when given. */
  public notifications(afterSequence = 0): Notification[] {
    return this.kept.filter((notification) => notification.sequence > afterSequence);
  }

  /** The notifications published since the last call (the dialog prints them after each turn). */
  public drain(): Notification[] {
    const fresh = this.notifications(this.drained);
    this.drained = this.sequence;
    return fresh;
  }

  private async writeOutbox(
    sequence: number,
    event: FrontDeskEvent,
    message: HostMessage,
  ): Promise<string | undefined> {
    if (!this.options.outboxDir) return undefined;
    await mkdir(this.options.outboxDir, { recursive: true });
    const id = 'visitId' in event.detail ? event.detail.visitId.replace(/[^A-Za-z0-9-]/g, '') : 'event';
    const file = path.join(
      this.options.outboxDir,
      `${event.detail.at.replace(/[:.]/g, '-')}-${String(sequence).padStart(4, '0')}-${id}.eml.txt`,
    );
    const content = [
      `To: ${message.to ?? '(the host has no email address)'}`,
      `Subject: ${message.subject}`,
      '',
      message.text,
      '',
      '--- HTML ---',
      message.html,
      '',
    ].join('\n');
    await writeFile(file, content, 'utf8');
    return file;
  }
}

/** Prints events the way `npm run dialog` shows them after a turn. */
export function describeNotification(notification: Notification): string {
  const detail = notification.detail;
  const who =
    'contact' in detail
      ? detail.contact.name
      : `${detail.visitor.name}${detail.visitor.company ? ` (${detail.visitor.company})` : ''} -> ${detail.host.name}`;
  const mail = notification.message?.to ? `; email to ${notification.message.to}` : '';
  return `published ${notification.detailType} on ${notification.eventBusName}: ${who}${mail}`;
}
