import type { HostChannel } from '../domain/visit';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { BoardService } from '../services/board-service';
import type { BrowseService } from '../services/browse-service';
import type { ChangeAnnouncer } from '../services/change-announcer';
import type { DirectoryService } from '../services/directory-service';
import type { IdentityService } from '../services/identity-service';
import type { NameSuggestionService } from '../services/name-suggestion-service';
import type { PresenceService } from '../services/presence-service';
import type { VisitService } from '../services/visit-service';
import type { SpeakerAttributeWriter } from './last-contact';

/**
 * What the conversation is built on: the services, the office's settings and the clock. The
 * composition root (`skill.ts`) makes one and hands it to every handler; a handler takes the
 * whole of it, or a `Pick` of what it uses.
 */
export interface ConversationDependencies {
  readonly directory: DirectoryService;
  /** Offers "did you mean" when a name matches nobody; without it Front Desk just says so. */
  readonly suggestions?: NameSuggestionService | undefined;
  readonly browse: BrowseService;
  readonly presence: PresenceService;
  /** The board by company and by time ("who's in from Globex", "who checked out today"). */
  readonly board: BoardService;
  readonly identity: IdentityService;
  /** IANA zone for times when the device's own zone is unknown. */
  readonly officeTimeZone: string;
  readonly clock: () => Date;
  /** Lines carry the request's fields (request id, intent) through the request scope. */
  readonly logger: Logger;
  /** Counts what users notice: every apology, by reason. */
  readonly metrics: Metrics;
  /**
   * The deployment's devices each belong to one person (`PERSONAL_DEVICES`), so the account may
   * stand for "me" when Alexa recognises no voice. Unset or false: "me" is a voice profile only.
   */
  readonly personalDevices?: boolean | undefined;
  /** The visitor desk. */
  readonly visits: VisitService;
  /** Publishes accepted changes (check-ins and check-outs here; visits through the visit service). */
  readonly changes: ChangeAnnouncer;
  /** The office's front-desk number, for a visitor whose host could not be told and has no phone. */
  readonly officePhone?: string | undefined;
  /** How the stack reaches a host about their visitor (`HOST_NOTIFICATIONS`); none unless given. */
  readonly hostNotifications?: readonly HostChannel[] | undefined;
  /** Writes one speaker attribute without a read; without it, attributes go through ASK's manager. */
  readonly speakerAttributes?: SpeakerAttributeWriter | undefined;
}
