/** The utterance engine cannot work: a missing or malformed interaction model, an unknown locale. */
export class UtteranceEngineError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UtteranceEngineError';
  }
}
