import type { Node } from 'constructs';
import { type LogLevel, LogLevels } from '../../lambda/src/config';
import { InfraError } from './errors';
import type { FrontDeskStackProps } from './front-desk-stack';

/** The context keys the app reads (`cdk deploy -c skillId=...`, or `npm run deploy -- -c skillId=...`). */
export const ContextKeys = {
  skillId: 'skillId',
  allowAnySkill: 'allowAnySkill',
  officeTimeZone: 'officeTimeZone',
  logLevel: 'logLevel',
  alarmEmail: 'alarmEmail',
  officeClosingTime: 'officeClosingTime',
  personalDevices: 'personalDevices',
} as const;

function text(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed ? trimmed : undefined;
}

function flag(node: Node, key: string): boolean {
  const value = text(node, key);
  if (value === undefined) return false;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new InfraError(`Context ${key} must be true or false, not "${value}"`);
}

function logLevel(node: Node): LogLevel | undefined {
  const value = text(node, ContextKeys.logLevel)?.toUpperCase();
  if (value === undefined) return undefined;
  if (!(LogLevels as readonly string[]).includes(value)) {
    throw new InfraError(`Context ${ContextKeys.logLevel} must be one of ${LogLevels.join(', ')}`);
  }
  return value as LogLevel;
}

/** The stack's props from CDK context; unset keys keep the construct's documented defaults. */
export function stackPropsFromContext(node: Node): FrontDeskStackProps {
  const skillId = text(node, ContextKeys.skillId);
  const officeTimeZone = text(node, ContextKeys.officeTimeZone);
  const level = logLevel(node);
  const alarmEmail = text(node, ContextKeys.alarmEmail);
  const officeClosingTime = text(node, ContextKeys.officeClosingTime);
  const personalDevices =
    text(node, ContextKeys.personalDevices) === undefined
      ? undefined
      : flag(node, ContextKeys.personalDevices);
  return {
    backend: {
      allowAnySkill: flag(node, ContextKeys.allowAnySkill),
      ...(skillId ? { skillId } : {}),
      ...(officeTimeZone ? { officeTimeZone } : {}),
      ...(level ? { logLevel: level } : {}),
      ...(officeClosingTime ? { officeClosingTime } : {}),
      ...(personalDevices !== undefined ? { personalDevices } : {}),
    },
    ...(alarmEmail ? { alarmEmail } : {}),
  };
}
