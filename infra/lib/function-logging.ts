import {
  ApplicationLogLevel,
  type FunctionOptions,
  LoggingFormat,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import type { LogLevel } from '../../lambda/src/config';

/**
 * How every Front Desk function logs. Each writes JSON lines of its own (`lambda/src/logger.ts`,
 * the notifier's outcome lines) and the skill's bundle also EMF metric lines, so Lambda's own lines
 * must be JSON too: with the text format, its START, REPORT and "Invoke Error" lines would be
 * tab-separated text among the JSON, out of reach of a query on `level` or `requestId` (the skill
 * and end of day even share one log group).
 */
export function jsonLogging(
  logLevel: LogLevel,
): Required<Pick<FunctionOptions, 'loggingFormat' | 'applicationLogLevelV2' | 'systemLogLevelV2'>> {
  return {
    // Lambda's own lines (START, REPORT, errors) become JSON objects with the invocation's
    // `requestId`, beside the function's JSON lines, which carry it as `awsRequestId`.
    loggingFormat: LoggingFormat.JSON,
    // Lambda drops a line below this level, reading the line's `level`. The metric lines (EMF)
    // have none and count as INFO, so this never goes above INFO, or the alarms on them would go
    // blind; LOG_LEVEL does the finer filtering in the function's own logger.
    applicationLogLevelV2: logLevel === 'DEBUG' ? ApplicationLogLevel.DEBUG : ApplicationLogLevel.INFO,
    // INFO keeps the REPORT line (duration, memory, init duration) of every invocation.
    systemLogLevelV2: SystemLogLevel.INFO,
  };
}
