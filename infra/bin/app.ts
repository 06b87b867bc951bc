import { App } from 'aws-cdk-lib';
import { InfraError } from '../lib/errors';
import { addFrontDesk } from '../lib/front-desk-app';

try {
  addFrontDesk(new App());
} catch (error) {
  // A configuration the stack refuses: the sentence says what to pass; a stack trace would bury it.
  if (!(error instanceof InfraError)) throw error;
  console.error(`\nFront Desk cannot be synthesized: ${error.message}\n`);
  process.exitCode = 1;
}
