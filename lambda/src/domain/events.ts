/**
 * The changes Front Desk publishes, as the contract in DESIGN.md ("Events") gives them: one
 * EventBridge entry per accepted change, `Source` {@link EVENT_SOURCE}, `DetailType` the event's
 * `type`, `Detail` its `detail` as JSON. Other systems (the host's email, a chat webhook) rely on
 * these shapes: change them only with the contract.
 */

export const EVENT_SOURCE = 'front-desk';

/** Why a presence changed: someone said so, or the board was cleared at closing time. */
export type PresenceChangeReason = 'spoken' | 'end of day';

/** A person as events name them. */
export interface EventContact {
  readonly id: string;
  readonly name: string;
  /**
   * Always present, as the contract gives it: an empty string for a contact the directory has no
   * company for, so a consumer reads one shape (and must not print "from" before an empty one).
   */
  readonly company: string;
}

/** A visit's host, with the ways to reach them that the delivery may use. */
export interface EventHost extends EventContact {
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
}

export interface EventVisitor {
  readonly name: string;
  readonly company?: string | undefined;
}

export type FrontDeskEvent =
  | {
      readonly type: 'Checked In' | 'Checked Out';
      readonly detail: {
        /** When the change was accepted, ISO 8601. */
        readonly at: string;
        readonly contact: EventContact;
        readonly reason: PresenceChangeReason;
      };
    }
  | {
      readonly type: 'Visitor Arrived' | 'Visitor Left';
      readonly detail: {
        readonly at: string;
        readonly visitId: string;
        readonly visitor: EventVisitor;
        readonly host: EventHost;
      };
    };

export type FrontDeskEventType = FrontDeskEvent['type'];
