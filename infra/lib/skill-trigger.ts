import { Annotations } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { InfraError } from './errors';

export const ALEXA_PRINCIPAL = 'alexa-appkit.amazon.com';

/** An Alexa skill ID, `amzn1.ask.skill.<uuid>`: what the trigger and the deploy context accept. */
export const SKILL_ID_PATTERN = /^amzn1\.ask\.skill\.[0-9a-f-]+$/i;

const NO_SKILL_ID_WARNING =
  'No skill ID given, so the function has NO Alexa trigger and Alexa cannot invoke it. ' +
  'Create the skill first (developer console or `ask deploy`), then deploy with `-c skillId=amzn1.ask.skill...`; ' +
  'or deploy once with `-c allowAnySkill=true` to let `ask deploy` validate the endpoint, and lock it with the skill ID right after. ' +
  'See docs/deploy.md.';

export const ANY_SKILL_WARNING =
  'allowAnySkill is set: ANY Alexa skill that knows this function ARN can invoke it, and SKILL_ID is unset so the ' +
  'skill accepts requests for any skill. Redeploy with `-c skillId=amzn1.ask.skill...` as soon as the skill exists.';

export interface SkillTriggerOptions {
  /** The skill that may invoke the function; its requests are the only ones accepted. */
  readonly skillId?: string;
  /** Adds a trigger without a skill ID. Only for the first deploy, before the skill exists. */
  readonly allowAnySkill?: boolean;
}

/** Throws {@link InfraError} unless the value looks like an Alexa skill ID. */
export function assertSkillId(skillId: string): void {
  if (!SKILL_ID_PATTERN.test(skillId)) {
    throw new InfraError(`"${skillId}" is not an Alexa skill ID (amzn1.ask.skill.<uuid>)`);
  }
}

/**
 * Lets Alexa invoke the function. With a skill ID, the permission carries it as event source
 * token, so only that skill can invoke; without one, there is no trigger unless `allowAnySkill`
 * opts in to an open one, and synth warns either way.
 */
export function addSkillTrigger(fn: IFunction, options: SkillTriggerOptions): void {
  const { skillId, allowAnySkill = false } = options;
  if (skillId !== undefined) {
    assertSkillId(skillId);
    if (allowAnySkill) {
      throw new InfraError(
        'Give either a skill ID or allowAnySkill, not both: the skill ID already opens the trigger',
      );
    }
  }
  if (skillId === undefined && !allowAnySkill) {
    Annotations.of(fn).addWarningV2('front-desk:noSkillTrigger', NO_SKILL_ID_WARNING);
    return;
  }
  if (skillId === undefined) Annotations.of(fn).addWarningV2('front-desk:anySkillTrigger', ANY_SKILL_WARNING);
  fn.addPermission('AlexaSkillTrigger', {
    principal: new ServicePrincipal(ALEXA_PRINCIPAL),
    action: 'lambda:InvokeFunction',
    ...(skillId !== undefined ? { eventSourceToken: skillId } : {}),
  });
}
