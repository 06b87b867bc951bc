import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SKILL_PACKAGE, DialogSession } from '../dialog/session';
import type { DevRoute } from '../http-server';
import type { LocalSkill } from '../local-skill';
import { availableLocales } from '../utterance/interaction-model';
import { consoleRoutes } from './console-routes';

/** The skill's public name from `skill.json`, for the page; "Front Desk" if it cannot be read. */
function skillNameOf(skillPackage: string, locale: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(skillPackage, 'skill.json'), 'utf8')) as {
      manifest?: { publishingInformation?: { locales?: Record<string, { name?: string }> } };
    };
    return manifest.manifest?.publishingInformation?.locales?.[locale]?.name ?? 'Front Desk';
  } catch {
    return 'Front Desk';
  }
}

/**
 * The test console's routes for `npm start`: one conversation with the local skill, in process,
 * with the skill id the server enforces (`SKILL_ID`), so the console passes the same checks as Alexa.
 */
export function testConsoleRoutes(
  local: Pick<LocalSkill, 'skill' | 'config'> & Partial<Pick<LocalSkill, 'endOfDay'>>,
  skillPackage: string = DEFAULT_SKILL_PACKAGE,
): DevRoute[] {
  const endOfDay = local.endOfDay;
  const session = new DialogSession({
    // An invocation id per request, as Lambda gives one (see local/server.ts).
    invoke: (envelope) => local.skill.invoke(envelope, { awsRequestId: randomUUID() }),
    ...(endOfDay ? { endOfDay } : {}),
    skillPackage,
    identity: local.config.skillId ? { skillId: local.config.skillId } : {},
  });
  return consoleRoutes({
    session,
    locales: availableLocales(skillPackage),
    skillName: skillNameOf(skillPackage, session.state.locale),
  });
}
