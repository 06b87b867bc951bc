import type { Contact } from '../domain/contact';
import { fullNameOf } from '../domain/contact';
import type { EventContact, FrontDeskEvent, PresenceChangeReason } from '../domain/events';
import type { PresenceRecord } from '../domain/presence';
import type { Visit } from '../domain/visit';
import { type Logger, silentLogger } from '../logger';
import type { EventPublisher } from './ports';

/**
 * Announces accepted changes as the events of the contract (`domain/events.ts`). It is called
 * only after the store accepted a change, and a failure to publish never undoes the change: it is
 * counted and logged (without the event's personal data), and the caller learns that nobody was
 * told, so it can say so.
 */
export class ChangeAnnouncer {
  /** Events that could not be published since this announcer was built (one Lambda container). */
  public failures = 0;

  public constructor(
    private readonly publisher: EventPublisher,
    private readonly logger: Logger = silentLogger,
    /** Counts each failure where the alarms and dashboard can see it (EMF in Lambda). */
    private readonly countFailure: (eventType: string) => void = () => undefined,
  ) {}

  /** A check-in or check-out the board accepted, for a contact the caller has read. */
  public presenceChanged(
    contact: Contact,
    record: PresenceRecord,
    reason: PresenceChangeReason,
  ): Promise<boolean> {
    return this.announcePresence(
      { id: contact.id, name: fullNameOf(contact), company: contact.company ?? '' },
      record,
      reason,
    );
  }

  /**
   * A check-in or check-out the board accepted, naming the person as the record does (the display
   * fields it copied from the contact): end of day, which reads the `present` index, not contacts.
   */
  public presenceRecorded(record: PresenceRecord, reason: PresenceChangeReason): Promise<boolean> {
    return this.announcePresence(
      { id: record.contactId, name: record.fullName, company: record.company ?? '' },
      record,
      reason,
    );
  }

  /** A visitor signed in (`Visitor Arrived`) or out (`Visitor Left`). */
  public visitChanged(visit: Visit, type: 'Visitor Arrived' | 'Visitor Left'): Promise<boolean> {
    const { host, visitor } = visit;
    return this.announce({
      type,
      detail: {
        at: type === 'Visitor Left' ? (visit.leftAt ?? visit.arrivedAt) : visit.arrivedAt,
        visitId: visit.id,
        visitor: { name: visitor.name, ...(visitor.company ? { company: visitor.company } : {}) },
        host: {
          id: host.id,
          name: host.name,
          company: host.company ?? '',
          ...(host.email ? { email: host.email } : {}),
          ...(host.phone ? { phone: host.phone } : {}),
        },
      },
    });
  }

  private announcePresence(
    contact: EventContact,
    record: PresenceRecord,
    reason: PresenceChangeReason,
  ): Promise<boolean> {
    return this.announce({
      type: record.status === 'IN' ? 'Checked In' : 'Checked Out',
      detail: {
        at: record.changedAt,
        contact: { id: contact.id, name: contact.name, company: contact.company },
        reason,
      },
    });
  }

  /** Publishes one event; true when it was published. Never throws. */
  public async announce(event: FrontDeskEvent): Promise<boolean> {
    try {
      await this.publisher.publish(event);
      return true;
    } catch (error) {
      this.failures += 1;
      this.countFailure(event.type);
      // The event's detail names people: only its type and the error's name are logged.
      this.logger.warn('Event not published', {
        eventType: event.type,
        error: { name: error instanceof Error ? error.name : typeof error },
        failures: this.failures,
      });
      return false;
    }
  }
}
