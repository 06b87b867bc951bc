/**
 * Base error for everything Front Desk raises on purpose. The error handler maps these to speech;
 * anything else is a bug and gets the generic apology.
 */
export class FrontDeskError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FrontDeskError';
  }
}

/** Configuration is missing or malformed. Raised at load, so a bad deployment fails loudly. */
export class ConfigurationError extends FrontDeskError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigurationError';
  }
}

/** The store could not be read or written: unreachable, throttled or timed out. */
export class StoreUnavailableError extends FrontDeskError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** A conditional write lost a race: someone else changed the item first. */
export class ConflictError extends FrontDeskError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConflictError';
  }
}

/**
 * End of day did what it could but left someone in (or a visitor signed in, or an event unsent).
 * Thrown after the whole run, so the invocation counts as failed (the alarm) and is retried, which
 * is safe: a second run only finishes what the first left.
 */
export class EndOfDayIncompleteError extends FrontDeskError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EndOfDayIncompleteError';
  }
}
