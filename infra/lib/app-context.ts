import type { Node } from 'constructs';
import { type LogLevel, LogLevels } from '../../lambda/src/config';
import { InfraError } from './errors';
import type { FrontDeskStackProps } from './front-desk-stack';
import { SKILL_ID_PATTERN } from './skill-trigger';

/** The context keys the app reads (`cdk deploy -c skillId=...`, or `npm run deploy -- -c skillId=...`). */
export const ContextKeys = {
  skillId: 'skillId',
  allowAnySkill: 'allowAnySkill',
  officeTimeZone: 'officeTimeZone',
  logLevel: 'logLevel',
  alarmEmail: 'alarmEmail',
  officeClosingTime: 'officeClosingTime',
  personalDevices: 'personalDevices',
  // The visitor desk's delivery.
  senderEmail: 'senderEmail',
  officeName: 'officeName',
  meetingPlace: 'meetingPlace',
  chatWebhookUrl: 'chatWebhookUrl',
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

// Loose on purpose: SNS checks the address by mailing it; this catches a value that is no address.
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
/** The alarm email value that says "no email, alarms only in CloudWatch". */
const NO_ALARM_EMAIL = 'none';

function skillIdFrom(node: Node, allowAnySkill: boolean): string | undefined {
  const skillId = text(node, ContextKeys.skillId);
  if (skillId === undefined) {
    if (allowAnySkill) return undefined;
    throw new InfraError(
      'The deploy context has no skillId: pass -c skillId=amzn1.ask.skill.<uuid> (the skill ID the Alexa ' +
        'developer console shows), or -c allowAnySkill=true for a first deploy before the skill exists ' +
        '(docs/deploy.md, path B).',
    );
  }
  if (!SKILL_ID_PATTERN.test(skillId)) {
    throw new InfraError(
      `The deploy context's skillId "${skillId}" is not an Alexa skill ID: pass -c skillId=amzn1.ask.skill.<uuid>, ` +
        'copied from the Alexa developer console (Copy Skill ID).',
    );
  }
  return skillId;
}

function alarmEmailFrom(node: Node): string | undefined {
  const email = text(node, ContextKeys.alarmEmail);
  if (email === undefined) {
    throw new InfraError(
      'The deploy context has no alarmEmail: pass -c alarmEmail=you@example.com (the address the alarms ' +
        `email; SNS asks it to confirm), or -c alarmEmail=${NO_ALARM_EMAIL} to leave the alarms in CloudWatch only.`,
    );
  }
  if (email === NO_ALARM_EMAIL) return undefined;
  if (!EMAIL.test(email)) {
    throw new InfraError(
      `The deploy context's alarmEmail "${email}" is not an email address: pass -c alarmEmail=you@example.com ` +
        `(one address), or -c alarmEmail=${NO_ALARM_EMAIL}.`,
    );
  }
  return email;
}

/**
 * The stack's props from CDK context; unset optional keys keep the construct's documented
 * defaults. The two a deploy cannot do without fail synth, with a sentence that says what to pass:
 * `skillId` (or `allowAnySkill=true`) and `alarmEmail` (or `alarmEmail=none`).
 */
export function stackPropsFromContext(node: Node): FrontDeskStackProps {
  const allowAnySkill = flag(node, ContextKeys.allowAnySkill);
  const skillId = skillIdFrom(node, allowAnySkill);
  const officeTimeZone = text(node, ContextKeys.officeTimeZone);
  const level = logLevel(node);
  const alarmEmail = alarmEmailFrom(node);
  const officeClosingTime = text(node, ContextKeys.officeClosingTime);
  const personalDevices =
    text(node, ContextKeys.personalDevices) === undefined
      ? undefined
      : flag(node, ContextKeys.personalDevices);
  const delivery = Object.fromEntries(
    (['senderEmail', 'officeName', 'meetingPlace', 'chatWebhookUrl'] as const)
      .map((key) => [key, text(node, ContextKeys[key])])
      .filter(([, value]) => value !== undefined),
  );
  return {
    backend: {
      allowAnySkill,
      ...(skillId ? { skillId } : {}),
      ...(officeTimeZone ? { officeTimeZone } : {}),
      ...(level ? { logLevel: level } : {}),
      ...(officeClosingTime ? { officeClosingTime } : {}),
      ...(personalDevices !== undefined ? { personalDevices } : {}),
      ...(Object.keys(delivery).length > 0 ? { delivery } : {}),
    },
    ...(alarmEmail ? { alarmEmail } : {}),
  };
}
