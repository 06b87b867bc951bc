/**
 * Base error of the CDK app: a prop, context value or build option that cannot be deployed as given.
 * Raised at synth, so a bad configuration never reaches CloudFormation.
 */
export class InfraError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InfraError';
  }
}
